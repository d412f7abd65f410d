// Coaching sessions (docs/web.md, "Coaching"): a coach records a session
// with an agent of their team, with a STAR note and a development item
// whose follow-up date has passed (marked overdue); a later session
// follows the item up as done; the agent then sees both sessions, the
// item done and the note of its follow-up. A refused form keeps what was
// typed, with the error beside its field. The coach, the agent and their
// accounts are this test's own (KCC-1013 of kcc-phone), so that the
// tests run beside it see nothing change. KCC-1013 has the demo's year of
// sessions too (one a month, items of their own, some still open): the
// checks look for this test's session, item and follow-up among them.
import { test, assert, equal, useSession, submitSignIn, pathOf, fieldError, checkA11y, noProblems,
	screenshot, newPage } from './lib.mjs';

const COACH = 'e2e-coach';
const AGENT = 'e2e-agent';
const GOOD = 'lanterns along the canal';
const KEY = 'KCC-1013';

async function send(page, action) {
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
		page.locator(`form[action="${action}"] [type="submit"]`).first().click()]);
}

async function addUser(page, name, role, person, teams) {
	await page.goto('/admin/users');
	await page.locator('input[name="name"]').fill(name);
	await page.locator('select[name="role"]').selectOption(role);
	await page.locator('input[name="person"]').fill(person);
	if (teams) await page.locator('input[name="teams"]').fill(teams);
	await page.locator('input[name="password"]').fill(GOOD);
	await page.locator('input[name="repeat"]').fill(GOOD);
	await send(page, '/admin/users');
	assert((await page.locator('.message.ok').innerText()).includes(name), `the user ${name} was added`);
}

test('a coach records a session with a development item, follows it up later, and the agent sees it', async (page) => {
	await useSession(page, 'admin');
	await addUser(page, COACH, 'coach', 'KCC-1050', 'kcc-phone');
	await addUser(page, AGENT, 'employee', KEY, '');

	const coach = await newPage();
	await coach.goto('/login');
	await submitSignIn(coach, COACH, GOOD);
	await coach.goto(`/people/${KEY}/coaching`);
	await Promise.all([coach.waitForNavigation({ waitUntil: 'load' }),
		coach.locator(`a[href="/people/${KEY}/coaching/new"]`).click()]);
	equal(pathOf(coach), `/people/${KEY}/coaching/new`, 'the link leads to the form');
	await checkA11y(coach);
	await screenshot(coach, 'coaching-form', 360);
	await screenshot(coach, 'coaching-form', 1280);

	// The first session: a month ago, with an item to follow up last week.
	await coach.locator('input[name="date"]').fill('2026-11-02');
	await coach.locator('input[name="topic"]').fill('correct information');
	await coach.locator('textarea[name="situation"]').fill('A caller asked about the new tariff');
	await coach.locator('textarea[name="result"]').fill('The caller phoned back the next day');
	await coach.locator('select[name="item_1_about"]').selectOption('c:municipal-knowledge');
	await coach.locator('textarea[name="item_1_action"]').fill('I read the tariff sheet each Monday');
	await coach.locator('input[name="item_1_follow_up"]').fill('2026-10-01');
	await send(coach, `/people/${KEY}/coaching/new`);
	assert((await fieldError(coach, 'item_1_follow_up')).length > 0,
		'a follow-up before the session: the error beside it');
	equal(await coach.locator('textarea[name="item_1_action"]').inputValue(),
		'I read the tariff sheet each Monday', 'the action typed is kept');
	await checkA11y(coach);
	await coach.locator('input[name="item_1_follow_up"]').fill('2026-11-20');
	await send(coach, `/people/${KEY}/coaching/new`);
	equal(pathOf(coach), `/people/${KEY}/coaching`, 'back on the coaching page (Post/Redirect/Get)');
	assert(await coach.locator('.message.ok').isVisible(), 'the page says the session was recorded');
	const row = coach.locator('table.coaching-items tr', { hasText: 'I read the tariff sheet each Monday' });
	equal(await row.count(), 1, 'the item is among the open items');
	assert((await row.getAttribute('class') || '').includes('overdue'), 'its follow-up date passed: overdue');
	await checkA11y(coach);
	await screenshot(coach, 'coaching-overdue', 360);
	await screenshot(coach, 'coaching-overdue', 1280);

	// The next session follows the item up.
	await coach.goto(`/people/${KEY}/coaching/new`);
	const fu = coach.locator('fieldset.coaching-followups fieldset.row', { hasText: 'I read the tariff sheet' });
	equal(await fu.count(), 1, 'the next form offers the open item to follow up');
	await fu.locator('select').selectOption('done');
	await fu.locator('textarea').fill('Reads it every Monday now');
	await send(coach, `/people/${KEY}/coaching/new`);
	equal(pathOf(coach), `/people/${KEY}/coaching`, 'the second session is recorded');
	equal(await coach.locator('table.coaching-items tr', { hasText: 'I read the tariff sheet' }).count(), 0,
		'the item is no longer open');
	await noProblems(coach);
	await coach.close();

	const agent = await newPage();
	await agent.goto('/login');
	await submitSignIn(agent, AGENT, GOOD);
	await agent.goto(`/people/${KEY}/coaching`);
	const sessions = agent.locator('section.coaching-session');
	equal(await sessions.filter({ hasText: 'A caller asked about the new tariff' }).count(), 1,
		'the agent sees the session with the STAR note');
	equal(await sessions.filter({ hasText: 'Reads it every Monday now' }).count(), 1,
		'and the one that followed the item up');
	assert(await agent.locator('li', { hasText: 'Reads it every Monday now' }).locator('.followup.done')
		.count() === 1, 'marked done');
	equal(await agent.locator(`a[href="/people/${KEY}/coaching/new"]`).count(), 0,
		'the agent records no session');
	await checkA11y(agent);
	await screenshot(agent, 'coaching-agent', 360);
	await screenshot(agent, 'coaching-agent', 1280);
	const other = await agent.goto('/people/KCC-1014/coaching');
	equal(other.status(), 404, "another agent's coaching is not theirs to see");
	await agent.close();
});
