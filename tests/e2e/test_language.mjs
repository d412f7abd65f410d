// The language: ?lang= and the switch choose it, a cookie remembers it on
// every page, else the browser's Accept-Language, else English.
import { test, assert, equal, signIn, submitSignIn, useSession, setLanguage, htmlLang, newPage, pathOf } from './lib.mjs';

async function langCookie(page) {
	return (await page.context().cookies()).find((c) => c.name === 'lang');
}

test('?lang=nl switches to Dutch, and a cookie lang=nl (Path=/, a year) keeps it on other pages', async (page) => {
	await useSession(page, 'employee');
	await page.goto('/?lang=nl');
	equal(await htmlLang(page), 'nl', '<html lang="nl">');
	await page.goto('/account/password');
	equal(await htmlLang(page), 'nl', 'still Dutch on the next page, without ?lang');
	const c = await langCookie(page);
	assert(c, 'a cookie named lang');
	equal([c.value, c.path, c.sameSite], ['nl', '/', 'Lax'], 'value, path and SameSite of the cookie');
	const days = (c.expires - Date.now() / 1000) / 86400;
	assert(days > 360 && days < 370, `the cookie lasts a year (${days.toFixed(1)} days)`);
});

test('the language switch on the page chooses Swedish, kept across pages, and back to English', async (page) => {
	await useSession(page, 'manager');
	await page.goto('/');
	await setLanguage(page, 'sv');
	await page.goto('/account/password');
	equal(await htmlLang(page), 'sv', 'still Swedish on another page');
	await setLanguage(page, 'en');
	await page.goto('/');
	equal(await htmlLang(page), 'en', 'English again');
});

test('the language chosen on the login page is kept after signing in', async (page) => {
	await page.goto('/login');
	await setLanguage(page, 'nl');
	await signIn(page, 'coach');
	equal(pathOf(page), '/', 'signed in');
	equal(await htmlLang(page), 'nl', 'the dashboard in Dutch');
});

test('without a choice, the browser\'s language decides (Accept-Language nl, sv), else English', async () => {
	for (const [locale, want] of [['nl-NL', 'nl'], ['sv-SE', 'sv'], ['de-DE', 'en']]) {
		const p = await newPage({ locale });
		try {
			await p.goto('/login');
			equal(await htmlLang(p), want, `Accept-Language ${locale}`);
		} finally {
			await p.context().close();
		}
	}
});

test('the login page reads in Dutch and in Swedish, not English, when chosen', async (page) => {
	const texts = {};
	for (const lang of ['en', 'nl', 'sv']) {
		await page.goto(`/login?lang=${lang}`);
		texts[lang] = [await page.title(), await page.locator('h1').first().innerText(),
			await page.locator('[type="submit"]').first().innerText()];
	}
	for (const lang of ['nl', 'sv']) {
		const same = texts[lang].filter((t, i) => t === texts.en[i]);
		assert(same.length === 0, `the ${lang} title, heading and button differ from English`,
			`en: ${texts.en.join(' | ')}`, `${lang}: ${texts[lang].join(' | ')}`);
	}
});

test('switching the language on /login?next=… keeps next: signed in, the user is at their place, in Swedish', async (page) => {
	await page.goto('/login?next=%2Faccount%2Fpassword');
	await setLanguage(page, 'sv');
	equal(new URL(page.url()).searchParams.get('next'), '/account/password', 'next kept by the switch');
	await submitSignIn(page, 'hr');
	equal([pathOf(page), await htmlLang(page)], ['/account/password', 'sv'], 'at the place, in Swedish');
});
