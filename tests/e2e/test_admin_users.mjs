// Admin: users and API tokens (docs/web.md). Adding a user: a weak
// password named beside its field (axe on the refused form), then the
// user added and signed in; their page disables them, which ends their
// session. A token: its secret shown once, working as Bearer until it is
// revoked (axe on the page with the secret). The user and token are this
// test's own, so that the tests run beside it see nothing change.
import { test, assert, equal, useSession, submitSignIn, pathOf, fieldError, checkA11y, noProblems,
	screenshot, newPage, overflow } from './lib.mjs';

const USER = 'e2e-newbie';
const GOOD = 'lanterns along the canal';

async function send(page, action) {
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
		page.locator(`form[action="${action}"] [type="submit"]`).first().click()]);
}

test('adding a user: errors beside their fields, then the user signs in; disabling ends their session', async (page) => {
	await useSession(page, 'admin');
	await page.goto('/admin/users');
	await page.locator('input[name="name"]').fill(USER);
	await page.locator('select[name="role"]').selectOption('employee');
	await page.locator('input[name="person"]').fill('KCC-1031');
	await page.locator('input[name="password"]').fill('Welkom2024!!');
	await page.locator('input[name="repeat"]').fill('Welkom2024!!');
	await send(page, '/admin/users');
	assert((await fieldError(page, 'password')).length > 0, 'a weak password: error beside it');
	equal(await fieldError(page, 'name'), '', 'no error beside the name');
	equal(await page.locator('input[name="name"]').inputValue(), USER, 'the name typed is kept');
	equal(await page.locator('input[name="password"]').inputValue(), '', 'the password is not sent back');
	await checkA11y(page);
	await screenshot(page, 'admin-users-error', 360);
	await screenshot(page, 'admin-users-error', 1280);
	await page.locator('input[name="password"]').fill(GOOD);
	await page.locator('input[name="repeat"]').fill(GOOD);
	await send(page, '/admin/users');
	equal(pathOf(page), '/admin/users', 'back at the list (Post/Redirect/Get)');
	assert((await page.locator('.message.ok').innerText()).includes(USER), 'it says the user was added');
	assert(await page.locator(`a[href="/admin/users/${USER}"]`).count() === 1, 'the user is listed');

	const other = await newPage();
	await other.goto('/login');
	await submitSignIn(other, USER, GOOD);
	equal(pathOf(other), '/', 'the new user signs in');

	await page.goto(`/admin/users/${USER}`);
	await checkA11y(page);
	await screenshot(page, 'admin-user', 360);
	await send(page, `/admin/users/${USER}/status`);
	assert((await page.locator('.message.ok').innerText()).length > 0, 'disabled, and it says so');
	const r = await other.goto('/');
	equal(pathOf(other), '/login', `the user's session ended (status ${r.status()})`);
	await other.context().close();
	noProblems(page);
});

test('a token: its secret shown once works as Bearer until revoked', async (page) => {
	await useSession(page, 'admin');
	await page.goto('/admin/tokens');
	await page.locator('input[name="name"]').fill('e2e-telephony');
	await page.locator('select[name="role"]').selectOption('coach');
	await page.locator('input[name="teams"]').fill('kcc-online');
	await send(page, '/admin/tokens');
	const secret = (await page.locator('code.secret').innerText()).trim();
	assert(/^cgt_[A-Za-z0-9_-]{43}$/.test(secret), 'the secret is shown', secret);
	await checkA11y(page);
	await screenshot(page, 'admin-token-secret', 360);
	equal(await overflow(page), 0, 'nothing sticks out at 360 px');
	await screenshot(page, 'admin-token-secret', 1280);
	const me = await page.request.get('/api/v1/me', { headers: { Authorization: `Bearer ${secret}` } });
	equal(me.status(), 200, 'the token works as Bearer');
	await page.goto('/admin/tokens');
	equal(await page.locator('code.secret').count(), 0, 'the list does not show it again');
	await send(page, '/admin/tokens/e2e-telephony/revoke');
	equal(new URL(page.url()).searchParams.get('revoked'), 'e2e-telephony', 'revoked, and it says so');
	const after = await page.request.get('/api/v1/me', { headers: { Authorization: `Bearer ${secret}` } });
	equal(after.status(), 401, 'the revoked token is refused');
	noProblems(page);
});
