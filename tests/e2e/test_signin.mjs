// Signing in and out: every role and its navigation, a wrong password, an
// expired session that keeps the user's place, signing out for good.
import {
	test, assert, equal, signIn, submitSignIn, signOut, signOutButton, fieldError,
	pathOf, here, noProblems, newPage, ROLES, USERS, PASSWORD, BASE, SESSION_COOKIE,
} from './lib.mjs';
import { NAV, ACCESS, navMatches } from './pages.mjs';

// The paths the page's navigation links to (not the skip link, not the
// language switch).
async function navLinks(page) {
	return page.evaluate(() => Array.from(document.querySelectorAll('nav a[href]'))
		.filter((a) => !a.hasAttribute('hreflang') && !/[?&]lang=/.test(a.getAttribute('href')) &&
			!a.getAttribute('href').startsWith('#'))
		.map((a) => new URL(a.href).pathname));
}

async function sessionCookie(page) {
	return (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
}

for (const role of ROLES) {
	test(`${role} signs in, lands on the dashboard, and the navigation shows only what the role may use, each link opening`, async (page) => {
		await signIn(page, role);
		equal(pathOf(page), '/', `${role} lands on the dashboard`);
		const links = await navLinks(page);
		const wrong = [];
		for (const item of NAV) {
			const shown = links.some((h) => navMatches(item, h));
			if (!item.roles.includes(role) && shown) wrong.push(`shows ${item.path}, which ${role} may not use`);
			if (item.roles.includes(role) && item.built && !shown) wrong.push(`lacks ${item.path}`);
		}
		assert(wrong.length === 0, `the navigation of ${role} is wrong`, ...wrong, `links: ${links.join(' ')}`);
		for (const item of NAV.filter((i) => i.built && i.roles.includes(role))) {
			const href = links.find((h) => navMatches(item, h));
			const resp = await page.goto(href);
			equal([href, resp.status()], [href, 200], `the link to ${href} opens a page`);
		}
		await page.goto('/');
		assert(await signOutButton(page).first().isVisible(), 'a visible sign-out button');
		const text = await page.locator('body').innerText();
		assert(text.includes(USERS[role]), `the page names the signed-in user ${USERS[role]}`);
		noProblems(page);
	});
}

for (const { path, roles } of ACCESS) {
	for (const role of ROLES.filter((r) => !roles.includes(r))) {
		test(`${role} opening ${path} gets 403 or 404, not the page`, async (page) => {
			await signIn(page, role);
			const resp = await page.goto(path);
			assert([403, 404].includes(resp.status()), `status ${resp.status()}`);
		});
	}
}

test('a wrong password: the form again, the name kept, the error beside the field, no session', async (page) => {
	await page.goto('/login');
	await submitSignIn(page, 'employee', 'not the password at all');
	equal(pathOf(page), '/login', 'still on the login page');
	const said = (await fieldError(page, 'password')) || (await fieldError(page, 'user'));
	assert(said.length > 0, 'the password or user field is aria-invalid and names an error text in aria-describedby');
	equal(await page.locator('input[name="user"]').inputValue(), USERS.employee, 'the user name typed is kept');
	equal(await page.locator('input[name="password"]').inputValue(), '', 'the password is not sent back');
	assert(!(await sessionCookie(page)), 'no session cookie');
	noProblems(page);
});

test('a session gone (cookie deleted) sends the user to /login with their place, and back there after signing in', async (page) => {
	await signIn(page, 'employee');
	await page.context().clearCookies({ name: SESSION_COOKIE });
	await page.goto('/account/password');
	equal(pathOf(page), '/login', 'at the login page');
	equal(new URL(page.url()).searchParams.get('next'), '/account/password', 'the place kept in next');
	await submitSignIn(page, 'employee');
	equal(here(page), '/account/password', 'back at the place after signing in');
});

test('an expired session (a cookie the server no longer knows) says so on /login and returns to the place', async (page) => {
	await signIn(page, 'manager');
	const old = await sessionCookie(page);
	await page.context().addCookies([{ ...old, value: 'x'.repeat(old.value.length) }]);
	await page.goto('/account/password');
	equal(pathOf(page), '/login', 'at the login page');
	const q = new URL(page.url()).searchParams;
	equal([q.get('next'), q.get('expired')], ['/account/password', '1'], 'next and expired=1');
	const text = await page.locator('main').innerText();
	assert(/session/i.test(text) && text.includes('/account/password'),
		'the page says the session has ended and where the user will return', `main: ${text.slice(0, 300)}`);
	await submitSignIn(page, 'manager');
	equal(here(page), '/account/password', 'back at the place after signing in');
});

test('signing out ends the session on the server, not only in the browser', async (page) => {
	await signIn(page, 'coach');
	const old = await sessionCookie(page);
	assert(old && old.httpOnly, 'an HttpOnly session cookie');
	await signOut(page);
	await page.goto('/');
	equal(pathOf(page), '/login', 'after signing out, the dashboard asks to sign in');
	await page.context().addCookies([old]);
	await page.goto('/');
	equal(pathOf(page), '/login', 'the old cookie no longer opens the dashboard');
});

test('next is only ever a local path: a sign-in with next=//elsewhere stays on this server', async (page) => {
	for (const next of ['//example.org/x', 'https://example.org/', '/\\example.org']) {
		await page.context().clearCookies();
		await signIn(page, 'hr', { next });
		equal(new URL(page.url()).origin, new URL(BASE).origin, `next=${next} stays on the server`);
	}
});

test('the login form does not say whether a user exists', async (page) => {
	await page.goto('/login');
	await submitSignIn(page, 'nobody-by-this-name', PASSWORD);
	const unknown = await page.locator('main').innerText();
	await submitSignIn(page, 'hr', 'not the password of hr1');
	const wrong = await page.locator('main').innerText();
	equal(unknown.replace('nobody-by-this-name', 'X'), wrong.replace(USERS.hr, 'X'),
		'the same page for an unknown user and a wrong password');
});

test('with JavaScript off, signing in and out still works (every form works without it)', async () => {
	const page = await newPage({ javaScriptEnabled: false });
	try {
		await signIn(page, 'employee');
		equal(pathOf(page), '/', 'signed in');
		await signOut(page);
		await page.goto('/');
		equal(pathOf(page), '/login', 'signed out');
	} finally {
		await page.context().close();
	}
});
