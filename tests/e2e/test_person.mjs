// The person page: a manager adds evidence with a STAR note about a
// report and sees it on the page (Post/Redirect/Get); a bad level is
// refused beside its field with what was typed kept.
import { test, assert, equal, useSession, fieldError, pathOf, screenshot } from './lib.mjs';

test('a manager adds evidence with a STAR note and sees it', async (page) => {
	await useSession(page, 'manager');
	await page.goto('/people/KCC-1011');
	assert(await page.locator('svg.radar').isVisible(), 'the radar chart is shown');
	await page.locator('select[name="source"]').selectOption('manager');
	await page.locator('select[name="competency"]').selectOption('active-listening');
	await page.locator('input[name="level"]').fill('9');
	await page.locator('textarea[name="situation"]').fill('A caller on the phone about a lost pass');
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
		page.locator('form[action="/people/KCC-1011/evidence"] [type="submit"]').click()]);
	assert((await fieldError(page, 'level')).length > 0, 'a level of 9: the error beside the level');
	equal(await page.locator('textarea[name="situation"]').inputValue(),
		'A caller on the phone about a lost pass', 'the situation typed is kept');
	await page.locator('input[name="level"]').fill('3,5');
	await page.locator('textarea[name="task"]').fill('Find out where the pass was lost');
	await page.locator('textarea[name="action"]').fill('Asked open questions, checked the register');
	await page.locator('textarea[name="result"]').fill('Pass found the same day');
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
		page.locator('form[action="/people/KCC-1011/evidence"] [type="submit"]').click()]);
	equal(pathOf(page), '/people/KCC-1011', 'back on the page (Post/Redirect/Get)');
	assert(await page.locator('.message.ok').isVisible(), 'the page says the evidence was added');
	const details = page.locator('#c-active-listening details.timeline');
	await details.locator('summary').click();
	const star = details.locator('dl.star').last();
	assert(await star.isVisible(), 'the STAR note is shown under its row');
	assert((await star.innerText()).includes('Pass found the same day'), 'with its result');
	await star.scrollIntoViewIfNeeded();
	await screenshot(page, 'person-star', 1280);
});
