// Editing the library (docs/web.md, "Editing the library"): hr creates a
// competency through the form, edits its definition, an indicator and a
// Dutch text, sees them on /library; a bad weight in a role's profile is
// named beside its field and nothing is stored; the competency is deleted
// after a confirmation. axe on every page of the flow. The test works on a
// competency of its own, so that the other tests' library is unchanged.
import {
	test, assert, equal, useSession, pathOf, screenshot, checkA11y, noProblems, fieldError,
} from './lib.mjs';

const KEY = 'e2e-listening';

async function submit(page, selector = 'main form button[type="submit"]') {
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator(selector).first().click()]);
}

test('hr creates, edits and deletes a competency; a bad weight is named', async (page) => {
	await useSession(page, 'hr');
	await page.goto('/library');
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
		page.locator('a[href="/library/competencies/new"]').click()]);
	equal(pathOf(page), '/library/competencies/new', 'the New competency link');
	await checkA11y(page);
	await page.fill('#key', KEY);
	await page.fill('#name', 'Listening');
	await page.fill('#description', 'Hearing what the resident means.');
	await page.fill('#ind-1', 'Lets the resident finish');
	await page.fill('#ind-1-nl', 'Laat de inwoner uitpraten');
	await page.fill('#level-2', 'Listens when reminded');
	await submit(page);
	equal(pathOf(page), `/library/competencies/${KEY}`, 'created: its edit page');
	assert((await page.locator('.message.ok').innerText()).includes('Saved'), 'it says Saved');
	await checkA11y(page);
	await screenshot(page, 'library-edit-competency', 1280);
	await screenshot(page, 'library-edit-competency', 360);

	await page.fill('#description', 'Hearing what the resident means, and checking it.');
	await page.fill('#ind-2', 'Sums up the question before answering');
	await page.fill('#name-nl', 'Luisteren');
	await submit(page);
	assert(new URL(page.url()).searchParams.get('saved') === '1', 'saved again');
	await page.goto('/library');
	const section = page.locator(`#c-${KEY}`);
	assert((await section.innerText()).includes('Hearing what the resident means, and checking it.'),
		'/library shows the new definition');
	assert((await section.innerText()).includes('Sums up the question before answering'),
		'and the new indicator');
	await page.goto('/library?lang=nl');
	assert((await page.locator(`#c-${KEY}`).innerText()).includes('Luisteren'), 'and the Dutch name');
	await page.goto('/library?lang=en');

	// A role's profile: a weight of 7 is named beside its field, and the
	// profile is unchanged.
	const before = await (await page.request.get('/api/v1/roles/agent')).json();
	await page.goto('/library/roles/agent');
	await checkA11y(page);
	await page.fill('#req-1-weight', '7');
	await submit(page);
	assert((await fieldError(page, 'req-1-weight')).includes('from 1 to 3'), 'the weight is named beside it',
		await fieldError(page, 'req-1-weight'));
	equal(await page.inputValue('#req-1-weight'), '7', 'what was typed is kept');
	await checkA11y(page);
	await screenshot(page, 'library-edit-role-error', 1280);
	await screenshot(page, 'library-edit-role-error', 360);
	const after = await (await page.request.get('/api/v1/roles/agent')).json();
	equal(after.requirements, before.requirements, 'nothing stored');

	// Delete, after the confirmation.
	await page.goto(`/library/competencies/${KEY}`);
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
		page.locator('.danger-link a').click()]);
	await checkA11y(page);
	await screenshot(page, 'library-delete', 360);
	await submit(page, 'main form button.danger');
	equal(pathOf(page), '/library', 'back at the library');
	equal((await page.request.get(`/api/v1/competencies/${KEY}`)).status(), 404, 'the competency is gone');
	noProblems(page);
});

test('an employee may not open an edit page', async (page) => {
	await useSession(page, 'employee');
	const r = await page.goto('/library/competencies/customer-focus');
	equal(r.status(), 403, '403');
	await page.goto('/library');
	equal(await page.locator('a[href^="/library/competencies/"]').count(), 0, 'no edit links');
});
