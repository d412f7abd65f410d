// Every page of pages.mjs in every language: what each page has (a title,
// the skip link, <main id="main">, the language switch; signed in: the
// sign-out button), nothing wider than a 360 px phone, no serious or
// critical axe-core violation (at both widths), no script error or CSP
// violation; and screenshots at 360 and 1280 px (and in print, in
// English) for a person to look at.
import {
	test, assert, equal, useSession, htmlLang, screenshot, overflow, checkA11y, noProblems,
	signOutButton, LANGS, WIDTHS,
} from './lib.mjs';
import { PAGES } from './pages.mjs';

for (const p of PAGES) {
	for (const lang of LANGS) {
		test(`${p.name} (${p.path}${p.as ? ` as ${p.as}` : ''}) in ${lang}: its parts, 360 and 1280 px, axe-core`, async (page, note) => {
			if (p.as) await useSession(page, p.as);
			const resp = await page.goto(`${p.path}${p.path.includes('?') ? '&' : '?'}lang=${lang}`);
			equal(resp.status(), p.status || 200, 'status');
			equal(await htmlLang(page), lang, '<html lang>');
			assert((await page.title()).trim().length > 0, 'a <title>');
			equal(await page.locator('main#main').count(), 1, 'one <main id="main">');
			equal(await page.locator('a[href="#main"]').count(), 1, 'a skip link to #main');
			assert(await page.locator('a[hreflang], a[href*="lang="], button[name="lang"]').count() >= 2,
				'a language switch');
			if (p.as) assert(await signOutButton(page).count() > 0, 'a sign-out button');
			const notes = [];
			for (const width of WIDTHS) {
				await screenshot(page, p.name, width);
				if (width <= 360) {
					const over = await overflow(page);
					assert(over <= 0, `at ${width} px the page is ${over} px wider than the screen`);
				}
				// axe at both widths in English; the other languages
				// change the words, not the layout, so one width will do.
				if (lang === 'en' || width === WIDTHS[WIDTHS.length - 1])
					for (const n of await checkA11y(page)) if (!notes.includes(n)) notes.push(n);
			}
			if (lang === 'en') {
				// The print stylesheet, for a person to look at.
				await page.emulateMedia({ media: 'print' });
				await screenshot(page, `${p.name}-print`, 1280);
				await page.emulateMedia({ media: 'screen' });
			}
			for (const n of notes) note(`axe (lesser) ${p.name} ${lang}: ${n}`);
			noProblems(page);
		});
	}
}
