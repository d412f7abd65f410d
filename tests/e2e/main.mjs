// The runner of the browser tests: loads tests/e2e/test_*.mjs (or the
// files of tests/e2e named on the command line) in name order, runs their tests one
// after the other, each in a fresh browser context, and prints TAP lines
// as tests/cli/lib.sh does ("ok N - NAME", "not ok N - NAME" with "#   "
// lines saying why) and "# done" at the end, which tests/run.sh counts.
// A failed test leaves a screenshot, failed-N.png, beside the others.
// Started by tests/e2e/run.sh, which provides the server.
import { readdirSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as lib from './lib.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const TEST_TIMEOUT_MS = 60000;

const files = process.argv.length > 2
	? process.argv.slice(2).map((f) => join(HERE, basename(f)))
	: readdirSync(HERE).filter((f) => /^test_.*\.mjs$/.test(f)).sort().map((f) => join(HERE, f));

let n = 0;
let failed = 0;
function report(ok, name, lines = []) {
	n++;
	if (!ok) failed++;
	console.log(`${ok ? 'ok' : 'not ok'} ${n} - ${name}`);
	for (const l of lines) {
		// eslint-disable-next-line no-control-regex
		for (const part of String(l).replace(/\x1b\[[0-9;]*m/g, '').split('\n'))
			if (part.trim()) console.log(`#   ${part}`);
	}
}

for (const f of files) {
	const before = lib.tests.length;
	try {
		await import(pathToFileURL(f).href);
	} catch (e) {
		report(false, `${basename(f)} loads`, [e.stack || e.message]);
	}
	for (const t of lib.tests.slice(before)) t.file = basename(f);
}

try {
	await lib.start();
} catch (e) {
	report(false, 'headless Chromium starts', [e.message]);
	console.log('# done');
	process.exit(1);
}

for (const t of lib.tests) {
	let page = null;
	let timer;
	const t0 = Date.now();
	try {
		page = await lib.newPage(t.options);
		await Promise.race([
			t.fn(page),
			new Promise((_, reject) => {
				timer = setTimeout(() => reject(new Error(`took longer than ${TEST_TIMEOUT_MS / 1000} s`)),
					TEST_TIMEOUT_MS);
			}),
		]);
		report(true, t.name);
		if (process.env.E2E_TIMES) console.log(`# ${Date.now() - t0} ms`);
	} catch (e) {
		const lines = [e.message.split('\n')[0]].concat(e.details || []);
		if (!e.details && e.stack) lines.push(...e.stack.split('\n').slice(1, 4).map((s) => s.trim()));
		if (page) {
			lines.push(`at ${page.url()}`);
			try {
				lines.push(`screenshot ${await lib.screenshot(page, `failed-${n + 1}`)}`);
			} catch { /* the page is gone; the message says enough */ }
		}
		report(false, t.name, lines);
	} finally {
		clearTimeout(timer);
		if (page) await page.context().close().catch(() => {});
	}
}

await lib.stop();
console.log(`# ${n - failed} of ${n} browser tests passed`);
console.log('# done');
process.exit(failed ? 1 : 0);
