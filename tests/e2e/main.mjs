// The runner of the browser tests: loads tests/e2e/test_*.mjs (or the
// files of tests/e2e named on the command line) in name order, runs their
// tests two at a time, each in a fresh browser context, and prints TAP
// lines in the tests' order as tests/cli/lib.sh does ("ok N - NAME", "not ok N - NAME" with "#   "
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

// One test in a fresh context: its report, printed later in order.
async function runOne(t, number) {
	let page = null;
	let timer;
	const t0 = Date.now();
	const notes = [];
	try {
		page = await lib.newPage(t.options);
		await Promise.race([
			t.fn(page, (line) => notes.push(line)),
			new Promise((_, reject) => {
				timer = setTimeout(() => reject(new Error(`took longer than ${TEST_TIMEOUT_MS / 1000} s`)),
					TEST_TIMEOUT_MS);
			}),
		]);
		return { ok: true, lines: [], notes, ms: Date.now() - t0 };
	} catch (e) {
		const lines = [e.message.split('\n')[0]].concat(e.details || []);
		if (!e.details && e.stack) lines.push(...e.stack.split('\n').slice(1, 4).map((s) => s.trim()));
		if (page) {
			lines.push(`at ${page.url()}`);
			try {
				lines.push(`screenshot ${await lib.screenshot(page, `failed-${number}`)}`);
			} catch { /* the page is gone; the message says enough */ }
		}
		return { ok: false, lines, notes, ms: Date.now() - t0 };
	} finally {
		clearTimeout(timer);
		if (page) await page.context().close().catch(() => {});
	}
}

// E2E_JOBS tests at a time (default 2), each in its own context of the one
// browser: most of a test's time is waiting for the browser and the
// server. The reports come out in the tests' order all the same.
const jobs = Math.max(1, Number(process.env.E2E_JOBS) || 2);
const base = n;
const results = new Array(lib.tests.length);
let next = 0;
let printed = 0;
function flush() {
	while (printed < results.length && results[printed]) {
		const r = results[printed];
		for (const note of r.notes) console.log(`# ${note}`);
		report(r.ok, lib.tests[printed].name, r.lines);
		if (process.env.E2E_TIMES) console.log(`# ${r.ms} ms`);
		printed++;
	}
}
await Promise.all(Array.from({ length: jobs }, async () => {
	while (next < lib.tests.length) {
		const i = next++;
		const launch = lib.launched();
		let r = await runOne(lib.tests[i], base + i + 1);
		// The browser itself exited during the test (not the page under
		// test failing): a new one, and the test once more in it; it must
		// pass there.
		// (A failure in the browser's last moments comes before the
		// browser object says it is gone: a failed test waits up to 2 s
		// to see.)
		for (let k = 0; !r.ok && k < 20 && lib.alive() && lib.launched() === launch; k++)
			await new Promise((res) => setTimeout(res, 100));
		if (!r.ok && (!lib.alive() || lib.launched() !== launch)) {
			if (!lib.alive())
				await lib.relaunch();
			const again = await runOne(lib.tests[i], base + i + 1);
			again.notes.unshift(`the browser exited during this test (${r.lines[0]}); ` +
				'it was started again and the test run again');
			r = again;
		}
		results[i] = r;
		flush();
	}
}));

await lib.stop();
console.log(`# ${n - failed} of ${n} browser tests passed`);
console.log('# done');
process.exit(failed ? 1 : 0);
