// The team page with the keyboard alone (issue 12: "keyboard-only use of
// the team page"): Tab into the heatmap, along the cells, Enter opens a
// cell's explanation, which takes the focus; Escape closes it and the
// focus returns to the cell; the member column's header sorts the rows by
// name with Enter; and the same without scripts (the links load pages).
import { test, assert, equal, useSession, tabTo, noProblems } from './lib.mjs';

const TEAM = '/teams/kcc-phone';

async function active(page) {
	return page.evaluate(() => {
		const a = document.activeElement;
		return a ? { tag: a.tagName, id: a.id, href: a.getAttribute('href') || '', label: a.getAttribute('aria-label') || '',
			inHeat: !!a.closest('section.heatmap'), inExplain: !!a.closest('#explain'), text: a.textContent.trim().slice(0, 60) } : null;
	});
}

// The names of the heatmap's rows, in order.
async function rowNames(page) {
	return page.$$eval('section.heatmap tbody th.who a', (as) => as.map((a) => a.textContent.trim()));
}

test('keyboard: Tab to a heatmap cell, Enter explains it with the focus on the explanation, Escape closes it and the focus returns', async (page) => {
	await useSession(page, 'manager');
	await page.goto(TEAM);
	// Tab from the top of the page into the heatmap: its first cell link.
	const presses = await tabTo(page, 'section.heatmap td a', 80);
	assert(presses > 0, 'the heatmap is reached with Tab');
	// Along the row to the next cell.
	const first = await active(page);
	await page.keyboard.press('Tab');
	const cell = await active(page);
	assert(cell.inHeat && cell.href.includes('explain=') && cell.href !== first.href,
		'the next Tab reaches the next cell', JSON.stringify(cell));
	assert(/gap|unassessed/.test(cell.label), 'the cell says its gap in words', cell.label);
	await page.keyboard.press('Enter');
	await page.waitForSelector('#explain');
	await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'explain');
	const ex = await active(page);
	equal(ex.id, 'explain', 'the explanation has the focus (a screen reader reads its heading)');
	const heading = await page.textContent('#explain h2');
	assert(cell.label.startsWith(heading.replace(/^[^:]*?(Explanation of|Uitleg bij|Förklaring av)\s*/, '').split(':')[0]),
		'the explanation is of the chosen cell', heading, cell.label);
	assert(await page.evaluate(() => document.querySelector('#explain').getAttribute('aria-labelledby') === 'explain-h'),
		'the explanation is a region named by its heading');
	assert(new URL(page.url()).search.includes('explain='), 'the address holds the explanation (Back works)');
	await page.keyboard.press('Escape');
	await page.waitForFunction(() => !document.getElementById('explain'));
	await page.waitForFunction((href) => document.activeElement && document.activeElement.getAttribute('href') === href, cell.href);
	const back = await active(page);
	equal(back.href, cell.href, 'Escape closed it and the focus is back on the cell');
	assert(!new URL(page.url()).search.includes('explain='), 'the address no longer holds the explanation');
	noProblems(page);
});

test('keyboard: the close link works as Escape, and Escape on a page opened with ?explain= closes it too', async (page) => {
	await useSession(page, 'manager');
	await page.goto(TEAM);
	const href = await page.getAttribute('section.heatmap td:not(.nr) a >> nth=3', 'href');
	await page.goto(href);
	await page.waitForSelector('#explain');
	await tabTo(page, '#explain a.close', 120);
	await page.keyboard.press('Enter');
	await page.waitForFunction(() => !document.getElementById('explain'));
	await page.waitForFunction(() => document.activeElement && document.activeElement.closest('td') !== null);
	equal((await active(page)).href, href.replace(/^https?:\/\/[^/]+/, ''), 'the focus is on the cell that was explained');
	await page.goto(href);
	await page.waitForSelector('#explain');
	await page.keyboard.press('Escape');
	await page.waitForFunction(() => !document.getElementById('explain'));
	noProblems(page);
});

test('keyboard: the member column header sorts the rows by name with Enter, keeps the focus, and says so (aria-sort)', async (page) => {
	await useSession(page, 'manager');
	await page.goto(TEAM);
	const before = await rowNames(page);
	await tabTo(page, 'section.heatmap thead th.who a', 80);
	await page.keyboard.press('Enter');
	await page.waitForFunction(() => document.querySelector('section.heatmap thead th.who[aria-sort="ascending"]'));
	const after = await rowNames(page);
	const sorted = [...after].sort((a, b) => a.localeCompare(b, 'en'));
	equal(after.join('|'), sorted.join('|'), 'the rows are by name');
	assert(before.join('|') !== after.join('|'), 'the order changed (it was by gap)');
	const f = await active(page);
	assert(f.inHeat && f.href.includes('sort=member'), 'the focus stays on the header', JSON.stringify(f));
	assert(new URL(page.url()).search.includes('sort=member'), 'the address holds the order');
	noProblems(page);
});

test('keyboard without scripts: Enter on a cell loads the page with its explanation, Enter on the header sorts', async (page) => {
	await useSession(page, 'manager');
	await page.goto(TEAM);
	await tabTo(page, 'section.heatmap td a', 80);
	const href = (await active(page)).href;
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
	assert(await page.$('#explain'), 'the explanation is on the page');
	equal(new URL(page.url()).hash, '#explain', 'the page opens at the explanation');
	assert(href.includes('explain='), 'the cell links to its explanation');
	await tabTo(page, 'section.heatmap thead th.who a', 80);
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
	assert(await page.$('section.heatmap thead th.who[aria-sort="ascending"]'), 'sorted by member');
}, { javaScriptEnabled: false });
