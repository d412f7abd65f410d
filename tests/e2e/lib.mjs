// The helpers of the browser tests (tests/e2e/): one headless Chromium
// (Debian's, never a downloaded one) driven by playwright-core, a fresh
// browser context per test, sign-in through the login form, screenshots,
// axe-core, the keyboard. tests/e2e/run.sh starts the server and sets:
//   E2E_BASE      http://127.0.0.1:PORT of `compgap serve` on the demo
//   E2E_PASSWORD  the password of every user of tests/e2e/run.sh
//   E2E_SCREENS   the directory the screenshots go to
//   CHROMIUM      the browser (default /usr/bin/chromium)
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const BASE = must('E2E_BASE');
export const PASSWORD = must('E2E_PASSWORD');
export const SCREENS = process.env.E2E_SCREENS || 'build/e2e-screens';
export const LANGS = ['en', 'nl', 'sv'];
export const WIDTHS = [360, 1280];
export const SESSION_COOKIE = 'compgap_session';

// One user of every role, made by tests/e2e/run.sh (the same names as
// tests/cli/serve_lib.sh make_role_users): the manager is KCC-1010, who
// leads kcc-phone; the coach coaches kcc-desk; the employee is KCC-1011.
export const USERS = {
	admin: 'admin1',
	hr: 'hr1',
	manager: 'mgr1',
	coach: 'coach1',
	employee: 'emp1',
};
export const ROLES = Object.keys(USERS);

function must(name) {
	const v = process.env[name];
	if (!v) throw new Error(`${name} is not set: run the browser tests with tests/e2e/run.sh`);
	return v;
}

let browser = null;

// Starts the browser; every test then gets a context of its own.
export async function start() {
	launches++;
	browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		headless: true,
		// No sandbox (playwright's default; CI runs as root), no GPU, and
		// nothing that reaches the network.
		args: ['--disable-gpu', '--disable-background-networking',
			'--disable-component-update', '--disable-sync', '--no-first-run'],
		timeout: 30000,
	});
	return browser;
}

// Whether the browser is still running. Under a heavy load Debian's
// Chromium has been seen to exit in the middle of a run (about once in
// two runs of the whole suite at a load of 5 to 14; never on an idle
// machine), and every test after it then failed on "browser has been
// closed" (main.mjs relaunches it and runs that test again).
export function alive() {
	return browser !== null && browser.isConnected();
}

// How many browsers have been started: a test that began with another
// one than the current ran while it exited.
let launches = 0;
export function launched() {
	return launches;
}

let relaunching = null;

// Starts a new browser in place of one that exited (once, when the two
// jobs find it gone at the same time).
export async function relaunch() {
	if (!relaunching)
		relaunching = start().finally(() => { relaunching = null; });
	return relaunching;
}

export async function stop() {
	if (browser) await browser.close();
	browser = null;
}

// A fresh context (its own cookies) and page at width px, asking for
// English unless locale says otherwise (then Accept-Language follows it),
// with JavaScript unless javaScriptEnabled is false.
// page.problems collects what the page must never do: a script error or
// a Content-Security-Policy violation.
export async function newPage({ width = 1280, locale = 'en-GB', javaScriptEnabled = true } = {}) {
	const context = await browser.newContext({
		javaScriptEnabled,
		baseURL: BASE,
		viewport: { width, height: 800 },
		locale,
		reducedMotion: 'reduce',
	});
	context.setDefaultTimeout(5000);
	context.setDefaultNavigationTimeout(15000);
	const page = await context.newPage();
	page.problems = [];
	page.on('pageerror', (e) => page.problems.push(`script error: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() === 'error' && /Content.Security.Policy|Refused to/i.test(m.text()))
			page.problems.push(`CSP: ${m.text()}`);
	});
	return page;
}

// The path and query of the page's URL ("/login?next=%2F").
export function here(page) {
	const u = new URL(page.url());
	return u.pathname + u.search;
}

export function pathOf(page) {
	return new URL(page.url()).pathname;
}

// Fills the sign-in form of the page at /login as user (a role or a user
// name) and sends it; waits for the answer.
export async function submitSignIn(page, user, password = PASSWORD) {
	const name = USERS[user] || user;
	const form = page.locator('form:has(input[name="password"])');
	await form.locator('input[name="user"]').fill(name);
	await form.locator('input[name="password"]').fill(password);
	await Promise.all([
		page.waitForNavigation({ waitUntil: 'load' }),
		form.locator('[type="submit"]').first().click(),
	]);
}

// Signs in as role through the login form and waits for the page it
// leads to (the dashboard, or next).
export async function signIn(page, role, { next } = {}) {
	const q = next ? `?next=${encodeURIComponent(next)}` : '';
	const resp = await page.goto(`/login${q}`);
	if (resp.status() !== 200) throw new Error(`GET /login answered ${resp.status()}`);
	await submitSignIn(page, role);
	if (pathOf(page) === '/login')
		throw new Error(`signing in as ${USERS[role] || role} left the browser at ${here(page)}: ` +
			(await errorText(page)));
}

// Signs in as role once for the whole run and gives later callers the
// same session (its cookies): for tests that look at pages rather than
// test signing in, which costs a password hash each time. Tests that end
// or change a session sign in with signIn instead.
const sessions = {};
export async function useSession(page, role) {
	if (!sessions[role]) {
		await signIn(page, role);
		sessions[role] = (await page.context().cookies()).filter((c) => c.name !== 'lang');
	} else {
		await page.context().addCookies(sessions[role]);
	}
}

// The sign-out button of the page (a POST form to /logout).
export function signOutButton(page) {
	return page.locator('form[action="/logout"] [type="submit"], form[action="/logout"] button');
}

export async function signOut(page) {
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), signOutButton(page).first().click()]);
}

// The texts an input's aria-describedby points to, joined ("" if none).
export async function describedBy(page, selector) {
	return page.locator(selector).first().evaluate((el) =>
		(el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)
			.map((id) => document.getElementById(id))
			.filter((d) => d && d.offsetParent !== null)
			.map((d) => d.textContent.trim()).join(' '));
}

// The error beside the field named name: the text its aria-describedby
// points to (a hint too, if it has one), "" when the field is not marked
// aria-invalid="true" (an error must be both said and marked).
export async function fieldError(page, name) {
	const field = `[name="${name}"]`;
	const invalid = await page.locator(field).first().getAttribute('aria-invalid');
	return invalid === 'true' ? describedBy(page, field) : '';
}

// What the page says, for a message about a failure: its heading and
// the start of <main>.
async function errorText(page) {
	return page.evaluate(() => {
		const main = document.querySelector('main') || document.body;
		return main.innerText.replace(/\s+/g, ' ').trim().slice(0, 300);
	});
}

// Switches the language the way a user does: through the page's language
// switch (a link or button for the language), which must be there.
export async function setLanguage(page, lang) {
	const sw = page.locator(`a[hreflang="${lang}"], a[href*="lang=${lang}"], ` +
		`button[name="lang"][value="${lang}"]`).first();
	if ((await sw.count()) === 0)
		throw new Error(`no language switch to ${lang} on ${here(page)}`);
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), sw.click()]);
	const got = await htmlLang(page);
	if (got !== lang) throw new Error(`after switching to ${lang}, <html lang="${got}">`);
}

export async function htmlLang(page) {
	return page.evaluate(() => document.documentElement.getAttribute('lang'));
}

// Presses Tab until the element matching selector has the focus; the number
// of presses (0 when it has it already, as with autofocus). Throws after
// max presses (the element is not reachable with Tab).
export async function tabTo(page, selector, max = 40) {
	for (let i = 0; i <= max; i++) {
		if (i > 0) await page.keyboard.press('Tab');
		if (await page.evaluate((s) => !!document.activeElement && document.activeElement.matches(s), selector))
			return i;
	}
	const at = await page.evaluate(() => document.activeElement && document.activeElement.outerHTML.slice(0, 120));
	throw new Error(`${max} presses of Tab did not reach ${selector} (focus on ${at})`);
}

// The page at width px in the page's current language, whole, into
// SCREENS/name-lang-width.png. The page is laid out again at that width.
export async function screenshot(page, name, width) {
	const vp = page.viewportSize();
	if (width && vp.width !== width) await page.setViewportSize({ width, height: vp.height });
	const lang = (await htmlLang(page)) || 'none';
	const w = width || vp.width;
	mkdirSync(SCREENS, { recursive: true });
	const file = join(SCREENS, `${name}-${lang}-${w}.png`);
	await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
	return file;
}

// The milliseconds from the start of the page's navigation to the end of
// its load event (for the issue's "fully rendered in under 300 ms").
export async function loadTime(page) {
	return page.evaluate(() => {
		const t = performance.getEntriesByType('navigation')[0];
		return t ? t.loadEventEnd - t.startTime : NaN;
	});
}

// How far the page is wider than its window (0 when nothing sticks out).
export async function overflow(page) {
	return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

const require = createRequire(import.meta.url);
let axeSource = null;

// axe-core on the page (WCAG 2.0 and 2.1, A and AA); throws when it finds a
// serious or critical violation, naming each one's rule, impact, targets
// and help. Lesser ones come back as notes. The script goes in through the
// DevTools protocol, which the page's Content-Security-Policy does not
// stop (a <script> tag would be refused, as it should be).
export async function checkA11y(page) {
	if (axeSource === null) axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
	if (!(await page.evaluate(() => typeof window.axe === 'object')))
		await page.evaluate(axeSource);
	const result = await page.evaluate(() => window.axe.run(document, {
		runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
		resultTypes: ['violations'],
	}));
	const line = (v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}` +
		`${v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : ''}: ${v.help}`;
	const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	const notes = result.violations.filter((v) => !bad.includes(v)).map(line);
	if (bad.length) {
		const e = new Error(`axe-core: ${bad.length} serious or critical violation(s) on ${here(page)}`);
		e.details = bad.map(line).concat(notes.map((n) => `(lesser) ${n}`));
		throw e;
	}
	return notes;
}

// Throws when the page logged a script error or a CSP violation.
export function noProblems(page) {
	if (page.problems.length) {
		const e = new Error(`the page at ${here(page)} had ${page.problems.length} problem(s)`);
		e.details = page.problems.slice();
		throw e;
	}
}

// The test registry of the runner (tests/e2e/main.mjs): test(name, fn)
// adds a test; fn(page, note) gets a fresh page (and may open more with
// newPage) and note(text), which prints a "# text" line with its result.
// Tests run two at a time: a test must not depend on another's state.
// Options: width, locale as for newPage.
export const tests = [];
export function test(name, fn, options = {}) {
	tests.push({ name, fn, options });
}

export function assert(cond, message, ...details) {
	if (!cond) {
		const e = new Error(message);
		e.details = details.filter((d) => d !== undefined).map(String);
		throw e;
	}
}

export function equal(got, want, message) {
	if (JSON.stringify(got) !== JSON.stringify(want)) {
		const e = new Error(message);
		e.details = [`got:  ${JSON.stringify(got)}`, `want: ${JSON.stringify(want)}`];
		throw e;
	}
}
