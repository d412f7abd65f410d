// The development plan page (web/plan_page.c, docs/web.md "The development
// plan page"): a manager accepts a recommendation of the person page's
// development focus into the plan with one button, sets it done on the
// plan page; an action added with a due date in the past is marked
// overdue on the plan page and shows among the dashboard's overdue plan
// actions; an employee sees their plan and sets a status, without the
// add form.
import { test, assert, equal, useSession, pathOf, screenshot, checkA11y, overflow } from './lib.mjs';

test('a manager accepts a recommendation into the plan and marks it done', async (page) => {
	await useSession(page, 'manager');
	await page.goto('/people/KCC-1016');
	const accept = page.locator('ol.focus form.accept-form').first();
	assert(await accept.isVisible(), 'the development focus offers a recommendation to accept');
	const ref = await accept.locator('input[name="recommendation"]').inputValue();
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
		accept.locator('button[type="submit"]').click()]);
	equal(pathOf(page), '/people/KCC-1016/plan', 'the button leads to the plan (Post/Redirect/Get)');
	assert(await page.locator('.message.ok').isVisible(), 'the page says the action was added');
	const planned = page.locator('#group-planned + ul .plan-action');
	equal(await planned.count(), 1, 'one planned action');
	assert((await planned.first().innerText()).includes('An accepted recommendation'),
		'it says where it came from');
	await screenshot(page, 'plan-accepted', 1280);
	await planned.first().locator('select[name="status"]').selectOption('done');
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
		planned.first().locator('button[type="submit"]').click()]);
	equal(await page.locator('#group-done + ul .plan-action').count(), 1, 'the action is done');
	equal(await page.locator('#group-planned').count(), 0, 'nothing is planned any more');
	await page.goto('/people/KCC-1016');
	equal(await page.locator(`ol.focus input[name="recommendation"][value="${ref}"]`).count(), 1,
		'a done action leaves its recommendation to be accepted again');
});

test('an overdue action is marked, shows on the dashboard, and its employee sets its status', async (page) => {
	await useSession(page, 'manager');
	await page.goto('/people/KCC-1011/plan');
	await page.locator('select[name="kind"]').selectOption('job_rotation');
	await page.locator('select[name="competency"]').selectOption('active-listening');
	await page.locator('input[name="due"]').fill('2026-01-15');
	await page.locator('textarea[name="description"]').fill('Two weeks at the desk with a colleague');
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
		page.locator('form[action="/people/KCC-1011/plan"] [type="submit"]').click()]);
	const overdue = page.locator('.plan-action.overdue');
	equal(await overdue.count(), 1, 'the action due in January is overdue');
	assert((await overdue.locator('.overdue-flag').innerText()).length > 0, 'it says so in words');
	await checkA11y(page);
	for (const w of [360, 1280]) {
		await screenshot(page, 'plan', w);
		equal(await overflow(page), 0, `nothing sticks out at ${w} px`);
	}
	await page.goto('/');
	const list = page.locator('#overdue-actions');
	assert(await list.isVisible(), 'the dashboard has its overdue plan actions');
	assert(await page.locator('a[href="/people/KCC-1011/plan"]').count() > 0,
		'the overdue action links the plan');
	await list.scrollIntoViewIfNeeded();
	await screenshot(page, 'dashboard-overdue', 1280);
	// The employee whose plan it is (the tests run side by side: this
	// one needs the overdue action above).
	await useSession(page, 'employee');
	await page.goto('/people/KCC-1011/plan');
	equal(await page.locator('form[action="/people/KCC-1011/plan"]').count(), 0, 'no add form');
	equal(await page.locator('form.accept-form').count(), 0, 'no accept buttons');
	const action = page.locator('.plan-action.overdue').first();
	await action.locator('select[name="status"]').selectOption('in_progress');
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
		action.locator('button[type="submit"]').click()]);
	// (beside the demo's self-study of KCC-1011, in progress and not due yet)
	equal(await page.locator('#group-in_progress + ul .plan-action.overdue').count(), 1, 'it is in progress');
	await screenshot(page, 'plan-employee', 360);
});
