// The quality evaluations in the browser (issue 13): a coach enters an
// evaluation of an agent of their team with the form (radio buttons per
// area, without JavaScript as with it), lands on its page with the score;
// the agent opens their evaluations, evaluates the same contact
// themselves from the coach's evaluation ("evaluate this contact
// yourself", prefilled), and the calibration shows both views side by
// side with the difference per area and the alignment, hand-computed:
// coach 100 / 75 / 100 %, agent 100 / 100 / 50 %, weights 1 / 2 / 3:
// alignment 1 - (0 + 2 * 25 + 3 * 50) / 600 = 66.7 %. A refused save keeps
// what was chosen and says why beside the field.
import { test, assert, equal, signIn, pathOf, screenshot, checkA11y } from './lib.mjs';

const AGENT = 'KCC-1031';          // emp2, of kcc-desk, which coach2 coaches
const CONTACT = `E2E-CALL-${Date.now()}`;

async function save(page) {
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
		page.locator('form[action="/evaluations/new"] [type="submit"]').click()]);
}

test('a coach evaluates a contact; the agent evaluates it too and sees the calibration', async (page) => {
	await signIn(page, 'coach2');
	await page.goto(`/evaluations/new?agent=${AGENT}&scorecard=e2e-phone`);
	equal(await page.locator('select[name="agent"]').inputValue(), AGENT, 'the agent is chosen');
	equal(await page.locator('fieldset.area').count(), 3, 'one fieldset per area of the scorecard');
	// Saved without a contact: refused, the choices kept.
	await page.locator('label:has(#score-0-1)').click();
	await save(page);
	equal(pathOf(page), '/evaluations/new', 'a refused save stays on the form');
	assert((await page.locator('#contact-error').count()) === 1, 'the error beside the contact');
	assert(await page.locator('#score-0-1').isChecked(), 'the chosen score is kept');
	await page.locator('#contact').fill(CONTACT);
	await page.locator('label:has(#score-1-4)').click();
	// The last one with the keyboard: focus its first radio, arrow to 5.
	await page.locator('#score-2-1').focus();
	for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowRight');
	assert(await page.locator('#score-2-5').isChecked(), 'the arrows choose a score');
	await page.locator('#comment-1').fill('Let the caller finish');
	await save(page);
	assert(/^\/evaluations\/EV-[0-9a-f]{12}$/.test(pathOf(page)), `the evaluation's page (${pathOf(page)})`);
	const coachKey = pathOf(page).split('/').pop();
	assert((await page.locator('.message.ok').count()) === 1, 'it says it was stored');
	equal(await page.locator('.eval-score strong').innerText(), '91.7\u00a0%', 'the score (100 + 150 + 300) / 6');
	await screenshot(page, 'evaluation-entered', 1280);

	// The agent.
	await page.context().clearCookies();
	await signIn(page, 'emp2');
	await page.goto(`/people/${AGENT}/evaluations`);
	const link = page.locator(`a[href="/evaluations/new?from=${coachKey}"]`);
	equal(await link.count(), 1, 'their list offers to evaluate the contact themselves');
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
	equal(await page.locator('#contact').inputValue(), CONTACT, 'the contact is prefilled');
	equal(await page.locator('select[name="agent"]').count(), 0, 'no agent to choose: it is their own');
	await page.locator('label:has(#score-0-1)').click();
	await page.locator('label:has(#score-1-5)').click();
	await page.locator('label:has(#score-2-3)').click();
	await checkA11y(page);
	await save(page);
	assert(/^\/evaluations\/EV-/.test(pathOf(page)), 'the self evaluation\'s page');
	const table = page.locator('table.calibration');
	equal(await table.count(), 1, 'the calibration is shown');
	const rows = await table.locator('tbody tr').allInnerTexts();
	equal(rows.length, 3, 'a row per area');
	assert(rows[0].includes('100.0\u00a0%') && rows[0].includes('0.0\u00a0pp'), `greeting agrees (${rows[0]})`);
	assert(rows[1].includes('75.0\u00a0%') && rows[1].includes('-25.0\u00a0pp'), `listening: the coach 25 pp lower (${rows[1]})`);
	assert(rows[2].includes('100.0\u00a0%') && rows[2].includes('+50.0\u00a0pp'), `solution: the coach 50 pp higher (${rows[2]})`);
	const align = await table.locator('tfoot tr:last-child').innerText();
	assert(align.includes('66.7\u00a0%'), `the alignment 2/3 (${align})`);
	assert((await table.locator(`a[href="/evaluations/${coachKey}"]`).count()) === 1, 'the coach\'s view links to it');
	await checkA11y(page);
	await screenshot(page, 'evaluation-calibration', 360);
	await screenshot(page, 'evaluation-calibration', 1280);
	// And the API agrees.
	const doc = await (await page.request.get(`/api/v1/evaluations/${pathOf(page).split('/').pop()}`)).json();
	equal(doc.views.length, 1, 'one other view');
	assert(Math.abs(doc.views[0].alignment - 2 / 3) < 1e-12, 'the API\'s alignment');
});

test('the evaluation form works without JavaScript', async (page) => {
	await signIn(page, 'coach2');
	await page.goto('/evaluations/new?agent=KCC-1033&scorecard=e2e-phone');
	await page.locator('#contact').fill(`${CONTACT}-nojs`);
	await page.locator('label:has(#score-0-0)').click();
	await page.locator('label:has(#score-1-2)').click();
	await page.locator('label:has(#score-2-2)').click();
	await save(page);
	assert(/^\/evaluations\/EV-/.test(pathOf(page)), `stored (${pathOf(page)})`);
	assert((await page.locator('.message.error').innerText()).includes('50'), 'the auto-fail is said');
	equal(await page.locator('.eval-score strong').innerText(), '0.0\u00a0%', 'an auto-failed evaluation scores 0');
}, { javaScriptEnabled: false });
