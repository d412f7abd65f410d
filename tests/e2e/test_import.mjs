// Import: a bad CSV's every problem with its line and column, nothing
// stored; then a good one checked and stored with "Store it".
import { test, assert, equal, useSession, pathOf, screenshot } from './lib.mjs';

const HEADER = 'person,competency,level,source,date,assessor,note\n';
const BAD = HEADER + 'KCC-1012,customer-focus,9,assessment,2026-01-05,,\n' +
	'KCC-1012,no-such-competency,3,assessment,2026-01-05,,\n';
const GOOD = HEADER + 'KCC-1012,customer-focus,3,assessment,2026-01-05,,e2e import\n' +
	'KCC-1012,communication,4,assessment,2026-01-05,,e2e import\n';

async function check(page, content) {
	await page.locator('select[name="kind"]').last().selectOption('evidence');
	await page.locator('input[name="file"]').last().setInputFiles({
		name: 'evidence.csv', mimeType: 'text/csv', buffer: Buffer.from(content) });
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
		page.locator('form[action="/import"] input[name="step"][value="check"]').locator('..')
			.locator('[type="submit"]').click()]);
}

async function rows(page) {
	const ev = await (await page.request.get('/api/v1/people/KCC-1012/evidence?limit=500')).json();
	return ev.items.filter((r) => r.note === 'e2e import').length;
}

test('import a bad CSV and see its errors, then a good one', async (page) => {
	await useSession(page, 'hr');
	await page.goto('/import');
	const before = await rows(page);
	await check(page, BAD);
	const cells = await page.locator('.problems-table tbody tr').evaluateAll((trs) =>
		trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
	equal(cells.length, 2, 'both bad rows are listed');
	equal(cells[0].slice(0, 3).join('|'), '2|3|level', 'line 2, column 3: the level');
	equal(cells[1].slice(0, 3).join('|'), '3|2|competency', 'line 3, column 2: the competency');
	equal(await page.locator('button', { hasText: 'Store it' }).count(), 0, 'no Store it for a bad file');
	await screenshot(page, 'import-problems', 1280);
	await screenshot(page, 'import-problems', 360);
	equal(await rows(page), before, 'nothing stored');
	await check(page, GOOD);
	assert((await page.locator('.checked .message.ok').innerText()).includes('2 rows'), 'the good file: 2 rows');
	equal(await rows(page), before, 'the check stored nothing');
	await screenshot(page, 'import-checked', 1280);
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
		page.locator('button', { hasText: 'Store it' }).click()]);
	equal(pathOf(page), '/import', 'back at the import page');
	equal(new URL(page.url()).searchParams.get('stored'), '2', 'two rows stored');
	equal(await rows(page), before + 2, 'the rows are there');
});
