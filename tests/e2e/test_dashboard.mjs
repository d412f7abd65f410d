// The dashboard (src/web/home.c): what each role sees on it in a real
// browser, its cards reached with the keyboard alone, and its time to
// load. The figures themselves are checked against the API by
// tests/cli/test_web_dashboard.sh.
import { test, assert, equal, useSession, tabTo, loadTime } from './lib.mjs';

const cardKeys = (page) => page.$$eval('.team-card h3 a', (as) => as.map((a) => a.getAttribute('href')));

test('hr sees every team of the demo as a card, and the four lists of what needs attention', async (page) => {
	await useSession(page, 'hr');
	await page.goto('/');
	equal(JSON.stringify(await cardKeys(page)), JSON.stringify(['/teams/kcc', '/teams/kcc-back',
		'/teams/kcc-desk', '/teams/kcc-online', '/teams/kcc-phone']), 'the cards');
	for (const id of ['blind-spots', 'key-person-risks', 'unassessed', 'grown-gaps'])
		assert(await page.locator(`h3#${id}`).isVisible(), `the list ${id} is shown`);
	const bars = await page.locator('.team-card .priorities li').count();
	equal(await page.locator('.team-card .priorities li .coverage').filter({ hasText: '%' }).count(), bars,
		'every coverage bar has its percentage as text');
});

test('a manager sees only the team of their line', async (page) => {
	await useSession(page, 'manager');
	await page.goto('/');
	equal(JSON.stringify(await cardKeys(page)), JSON.stringify(['/teams/kcc-phone']), 'one card');
	equal(await page.locator('a[href="/people/KCC-1031"]').count(), 0, 'nobody of another team');
});

test('a coach sees only their team', async (page) => {
	await useSession(page, 'coach');
	await page.goto('/');
	equal(JSON.stringify(await cardKeys(page)), JSON.stringify(['/teams/kcc-desk']), 'one card');
});

test('an employee sees no team, but their own page and the self-assessment', async (page) => {
	await useSession(page, 'employee');
	await page.goto('/');
	equal(await page.locator('.team-card').count(), 0, 'no card');
	assert(await page.locator('main a[href="/people/KCC-1011"]').isVisible(), 'a link to their own page');
	assert(await page.locator('main a[href="/self-assessment"]').isVisible(), 'and to the self-assessment');
});

test('keyboard only: Tab reaches a team card\'s link on the dashboard', async (page) => {
	await useSession(page, 'manager');
	await page.goto('/');
	// (past the links of the lists that need attention now: the demo's
	// evaluations due and overdue plan actions come first)
	assert(await tabTo(page, '.team-card h3 a[href="/teams/kcc-phone"]', 80) > 0, 'the card link takes the focus');
});

test('the dashboard of hr loads in under a second', async (page) => {
	await useSession(page, 'hr');
	await page.goto('/');
	const ms = await loadTime(page);
	assert(ms < 1000, `loaded in ${ms} ms`);
});
