// The keyboard alone: signing in with Tab and Enter; the skip link first.
import { test, assert, equal, useSession, tabTo, pathOf, USERS, PASSWORD } from './lib.mjs';

test('keyboard only: Tab to the name, type, Tab to the password, type, Enter signs in', async (page) => {
	await page.goto('/login');
	await tabTo(page, 'input[name="user"]');
	await page.keyboard.type(USERS.employee);
	await page.keyboard.press('Tab');
	assert(await page.evaluate(() => document.activeElement.matches('input[name="password"]')),
		'one Tab from the name reaches the password');
	await page.keyboard.type(PASSWORD);
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
	equal(pathOf(page), '/', 'signed in, on the dashboard');
});

test('the login page opens with the focus in the name field (no Tab needed)', async (page) => {
	await page.goto('/login');
	equal(await tabTo(page, 'input[name="user"]', 0), 0, 'focus in the name field');
});

// Signed-in pages without a field that takes the focus first (autofocus,
// as on /login and /account/password): the first Tab reaches the skip
// link. A page added to pages.mjs is added here too.
for (const [name, path, role] of [['dashboard', '/', 'manager'], ['library', '/library', 'coach']]) {
	test(`the first Tab on the ${name} page reaches the skip link, and Enter on it goes to <main id="main">`, async (page) => {
		await useSession(page, role);
		await page.goto(path);
		await page.keyboard.press('Tab');
		assert(await page.evaluate(() => document.activeElement.matches('a[href="#main"]')),
			'the first Tab stop is a link to #main',
			await page.evaluate(() => document.activeElement.outerHTML.slice(0, 120)));
		assert(await page.locator('a[href="#main"]').first().isVisible(), 'the skip link is visible when focused');
		await page.keyboard.press('Enter');
		equal(new URL(page.url()).hash, '#main', 'at #main');
		assert(await page.evaluate(() => document.activeElement.closest('main#main') !== null ||
			document.activeElement.id === 'main'), 'the focus is in <main id="main">');
	});
}
