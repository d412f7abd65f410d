// The admin pages: the index, the settings form (a bad value named beside
// its field and nothing stored, then a good one saved and seen by the
// API) and the audit log (the change just made, filtered), each checked
// by axe-core at 360 and 1280 px; and hr, who may use none of them,
// gets 403 and no Admin entry. The setting changed is the sessions' idle
// time, raised and put back, so that the figures other tests look at
// stay as they are.
import {
	test, assert, equal, useSession, pathOf, screenshot, checkA11y, overflow, fieldError,
	noProblems,
} from './lib.mjs';

async function a11y(page, name, note) {
	for (const width of [360, 1280]) {
		await screenshot(page, name, width);
		if (width === 360) {
			const over = await overflow(page);
			assert(over <= 0, `${name}: at 360 px the page is ${over} px wider than the screen`);
		}
		for (const n of await checkA11y(page)) note(`axe (lesser) ${name} ${width}: ${n}`);
	}
}

async function idleMinutes(page) {
	const s = await (await page.request.get('/api/v1/settings')).json();
	return s.settings.find((x) => x.key === 'session.idle_minutes').value;
}

async function save(page) {
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
		page.locator('form[action="/admin/settings"] [type="submit"]').click()]);
}

test('admin: the index, the settings form and the audit log, with axe-core', async (page, note) => {
	await useSession(page, 'admin');
	await page.goto('/admin');
	equal(await page.locator('main .cards a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
		['/admin/users', '/admin/tokens', '/admin/settings', '/admin/webhooks', '/admin/audit'],
		'the index links to the five pages');
	await a11y(page, 'admin-index', note);

	await page.goto('/admin/settings');
	const before = await idleMinutes(page);
	await page.locator('input[name="half_life"]').fill('12');
	await page.locator('input[name="session.idle_minutes"]').fill(String(before + 15));
	await save(page);
	assert((await fieldError(page, 'half_life')).includes('60'), 'the bad half-life is named beside it with its range');
	equal(await fieldError(page, 'session.idle_minutes'), '', 'the good field has no error');
	equal(await page.locator('input[name="session.idle_minutes"]').inputValue(), String(before + 15), 'what was typed is kept');
	equal(await idleMinutes(page), before, 'nothing stored while one field is bad');
	await a11y(page, 'admin-settings-error', note);

	await page.locator('input[name="half_life"]').fill('180');
	await save(page);
	equal(pathOf(page), '/admin/settings', 'back at the form (Post/Redirect/Get)');
	equal(new URL(page.url()).searchParams.get('saved'), '1', '?saved=1');
	assert((await page.locator('.message.ok').innerText()).length > 0, 'a notice says it was saved');
	equal(await idleMinutes(page), before + 15, 'the API shows the new value');
	await a11y(page, 'admin-settings', note);

	await page.goto('/admin/audit?action=setting.set&kind=setting');
	const cells = await page.locator('table.audit tbody tr').first().locator('td').allInnerTexts();
	assert(cells[3].includes('session.idle_minutes'), 'the newest entry is the change just made', cells.join(' | '));
	assert(cells[5].includes(`${before} -> ${before + 15}`), 'with the old and the new value', cells.join(' | '));
	await a11y(page, 'admin-audit', note);

	await page.goto('/admin/settings');
	await page.locator('input[name="session.idle_minutes"]').fill(String(before));
	await save(page);
	equal(await idleMinutes(page), before, 'put back');
	noProblems(page);
});

test('hr: no Admin entry, and 403 on the admin pages', async (page) => {
	await useSession(page, 'hr');
	await page.goto('/');
	equal(await page.locator('nav.main-nav a[href="/admin"]').count(), 0, 'no Admin entry');
	for (const path of ['/admin', '/admin/settings', '/admin/audit'])
		equal((await page.goto(path)).status(), 403, `${path} answers 403`);
});
