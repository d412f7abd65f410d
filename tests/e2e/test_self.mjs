// The self-assessment: an employee rates themselves on every competency of
// their role (keyboard and mouse), a missing rating is said beside its
// competency with the other choices kept, and the saved ratings are in the
// person view of the API (self evidence dated today) and in the page's
// blind-spot picture.
import { test, assert, equal, useSession, pathOf, screenshot } from './lib.mjs';

const PERSON = 'KCC-1011';

async function save(page) {
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
		page.locator('form[action="/self-assessment"] [type="submit"]').click()]);
}

test('complete a self-assessment and see it in the person view', async (page) => {
	await useSession(page, 'employee');
	const before = await (await page.request.get(`/api/v1/people/${PERSON}`)).json();
	await page.goto('/self-assessment');
	const n = await page.locator('fieldset.scale').count();
	assert(n >= 3, `a scale per competency of the role (${n})`);
	equal(n, before.competencies.length, 'one scale per competency of the person view');
	// All but the last rated 5 (the label is the target, as a user clicks it).
	for (let i = 0; i < n - 1; i++)
		await page.locator(`label[for="level-${i}-5"]`).click();
	await page.locator('textarea[name="note"]').fill('Rated in the browser test');
	await save(page);
	equal(pathOf(page), '/self-assessment', 'a failed save stays on the page');
	const err = page.locator(`#c-${n - 1}-error`);
	assert((await err.count()) === 1, 'the error beside the unrated competency');
	for (let i = 0; i < n - 1; i++)
		assert(await page.locator(`#level-${i}-5`).isChecked(), `choice ${i} is kept`);
	equal(await page.locator('textarea[name="note"]').inputValue(), 'Rated in the browser test', 'the note is kept');
	// The last one with the keyboard: focus its first radio, arrow to 5.
	await page.locator(`#level-${n - 1}-1`).focus();
	for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowDown');
	assert(await page.locator(`#level-${n - 1}-5`).isChecked(), 'the arrows choose a level');
	await save(page);
	equal(new URL(page.url()).searchParams.get('saved'), '1', 'saved (Post/Redirect/Get)');
	await screenshot(page, 'self-assessment-saved', 1280);
	const after = await (await page.request.get(`/api/v1/people/${PERSON}`)).json();
	for (const c of after.competencies) {
		const was = before.competencies.find((b) => b.competency === c.competency);
		assert(c.self_level > was.self_level, `${c.competency}: the self level rose (${was.self_level} -> ${c.self_level})`);
		const cell = await page.locator(`tr[data-competency="${c.competency}"] td.self`).innerText();
		equal(cell, c.self_level.toFixed(1), `${c.competency}: the page's self view is the person view's`);
		const flagged = (await page.locator(`tr[data-competency="${c.competency}"].flagged`).count()) === 1;
		equal(flagged, c.flag !== null, `${c.competency}: flagged as the person view is`);
	}
	const ev = await (await page.request.get(`/api/v1/people/${PERSON}/evidence?limit=200`)).json();
	const mine = ev.items.filter((r) => r.source === 'self' && r.note === 'Rated in the browser test');
	equal(mine.length, n, 'the rows are self evidence with the note');
});
