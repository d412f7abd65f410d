// The checks of lib.mjs can fail: a made-up page (served by the browser
// itself, never by compgap) with an inline script under the server's
// Content-Security-Policy, an image without text and pale grey text (a
// font color, as style= is refused) must be caught by noProblems and
// checkA11y.
import { test, assert, checkA11y, noProblems, BASE } from './lib.mjs';

const CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
const BAD = '<!DOCTYPE html><html lang="en"><head><title>bad</title></head><body><main>' +
	'<h1>Bad</h1><img src="/x.png"><p><font color="#cccccc">faint</font></p>' +
	'<script>document.title = "ran"</script></main></body></html>';

test('the harness catches a CSP violation and serious axe-core violations', async (page) => {
	await page.route(`${BASE}/__e2e_bad`, (route) => route.fulfill({
		status: 200, contentType: 'text/html', headers: { 'Content-Security-Policy': CSP }, body: BAD,
	}));
	await page.goto('/__e2e_bad');
	assert((await page.title()) === 'bad', 'the inline script did not run');
	let caught = null;
	try { noProblems(page); } catch (e) { caught = e; }
	assert(caught && /CSP/.test(caught.details.join(' ')), 'noProblems reports the CSP violation');
	caught = null;
	try { await checkA11y(page); } catch (e) { caught = e; }
	const said = caught ? caught.details.join('\n') : '';
	assert(/image-alt \(critical\)/.test(said) && /color-contrast \(serious\)/.test(said),
		'checkA11y names image-alt and color-contrast', said);
});
