// The OKR pages (web/okr_*.c, docs/web.md "OKRs") on the objectives that
// run.sh imports (tests/e2e/data): the board shows each objective and key
// result with a progress bar and its status in words; a check-in entered
// through the form by the objective's owner (an employee) shows up in the
// history and moves the progress; a competency key result leads to the
// people it counts; the quarterly review. axe-core on each, and nothing
// sticking out at phone width.
import { test, assert, equal, useSession, pathOf, screenshot, checkA11y, overflow } from './lib.mjs';

test('the board shows progress bars and statuses in words', async (page) => {
	await useSession(page, 'manager');
	await page.goto('/teams/kcc-phone/okr');
	const objective = page.locator('#obj-E2E-FCR');
	assert(await objective.isVisible(), 'the objective of kcc-phone is on its board');
	equal(await objective.locator('.okr-kr').count(), 3, 'with its three key results');
	for (const k of ['E2E-K1', 'E2E-K2', 'E2E-K3']) {
		const kr = page.locator(`#kr-${k}`);
		equal(await kr.locator('svg.okr-bar .okr-fill').count(), 1, `${k} has a progress bar`);
		const status = (await kr.locator('.okr-status').innerText()).trim();
		assert(['Done', 'On track', 'At risk', 'Off track', 'No value'].includes(status),
			`${k}'s status is written in words`, status);
	}
	assert(await page.locator('#kr-E2E-K1 svg.okr-forecast').isVisible(),
		'a metric with check-ins has its forecast chart');
	assert((await page.locator('#kr-E2E-K1 .okr-forecast-text').innerText()).startsWith('At this pace'),
		'and its forecast in words');
	assert((await page.locator('#kr-E2E-K1 .okr-history').innerText()).includes('Callback script helps'),
		'its check-in history');
	await checkA11y(page);
	for (const w of [390, 1280]) {
		await screenshot(page, 'okr-board', w);
		equal(await overflow(page), 0, `nothing sticks out at ${w} px`);
	}
});

test('the owner checks in through the form and the progress moves', async (page) => {
	await useSession(page, 'employee');
	await page.goto('/teams/kcc-phone/okr');
	const kr = page.locator('#kr-E2E-K2');
	const before = (await kr.locator('.okr-figures').innerText()).trim();
	equal(await page.locator('form[action="/okr/key-results/E2E-K4/checkin"]').count(), 0,
		'no form on an objective the employee does not own');
	await kr.locator('details.okr-checkin summary').click();
	await kr.locator('input[name="value"]').fill('two');
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
		kr.locator('button[type="submit"]').click()]);
	assert(await page.locator('#ci-value-E2E-K2-error').isVisible(), 'a bad value is named beside its field');
	await checkA11y(page);
	const again = page.locator('#kr-E2E-K2');
	await again.locator('input[name="value"]').fill('2');
	await again.locator('input[name="note"]').fill('Two of the four scripts are done');
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
		again.locator('button[type="submit"]').click()]);
	equal(pathOf(page), '/teams/kcc-phone/okr', 'back to the board (Post/Redirect/Get)');
	assert(await page.locator('.message.ok').isVisible(), 'the page says the check-in was stored');
	const after = page.locator('#kr-E2E-K2');
	assert((await after.locator('.okr-history').innerText()).includes('Two of the four scripts are done'),
		'the check-in is in the history');
	equal((await after.locator('.okr-current').innerText()).replace(/\s/g, ' '), '2 scripts',
		'the current value is the check-in\'s');
	const now = (await after.locator('.okr-figures').innerText()).trim();
	assert(now !== before && now.includes('progress 50%'), 'the progress moved from 0 to 50 %', before, now);
	await screenshot(page, 'okr-checkin', 390);
});

test('a competency key result leads to the people it counts', async (page) => {
	await useSession(page, 'manager');
	await page.goto('/teams/kcc-phone/okr');
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
		page.locator('#kr-E2E-K3 a[href^="/okr/key-results/E2E-K3"]').click()]);
	equal(pathOf(page), '/okr/key-results/E2E-K3', 'the link opens the people page');
	const rows = page.locator('table.okr-people tbody tr');
	assert(await rows.count() > 0, 'it lists the members');
	equal(await page.locator('table.okr-people td.okr-level').count(), await rows.count(),
		'each with a level cell');
	assert((await page.locator('.okr-count').innerText()).includes('members are at level 3'),
		'with the count and share');
	await checkA11y(page);
	for (const w of [390, 1280]) {
		await screenshot(page, 'okr-people', w);
		equal(await overflow(page), 0, `nothing sticks out at ${w} px`);
	}
});

test('the quarterly review says what was reached, learned and carried over', async (page) => {
	await useSession(page, 'manager');
	await page.goto('/teams/kcc-phone/okr/review?quarter=2026-Q3');
	const o = page.locator('#obj-E2E-QUEUE');
	assert(await o.isVisible(), 'the objective that ended in the quarter');
	assert((await o.innerText()).includes('Queue split helped'), 'the check-in notes');
	assert(await o.locator('table.okr-carry').isVisible(), 'what carries over');
	await o.locator('textarea[name="review"]').fill('Splitting the queue works; Mondays need more people.');
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
		o.locator('button[type="submit"]').click()]);
	assert((await page.locator('#obj-E2E-QUEUE .okr-review-text').innerText()).includes('Mondays'),
		'the review is saved and shown');
	await checkA11y(page);
	for (const w of [390, 1280]) {
		await screenshot(page, 'okr-review', w);
		equal(await overflow(page), 0, `nothing sticks out at ${w} px`);
	}
});
