#!/bin/sh
# The whole test suite on both engines: a normal build on SQLite and on a
# throw-away PostgreSQL server (tools/pg-server.sh, stopped whatever
# happens), the same two under AddressSanitizer and
# UndefinedBehaviorSanitizer, the browser tests once (tests/e2e/run.sh,
# headless Chromium, on SQLite), and the fuzzers (the CSV reader, the router, the packed
# evidence history) for a short time each. The
# last line is the total, "N passed, N failed".
set -u
cd "$(dirname "$0")/.." || exit 1
passed=0
failed=0
pgdir=$(mktemp -d "${TMPDIR:-/tmp}/compgap-pg.XXXXXX")
trap 'tools/pg-server.sh stop "$pgdir"; rm -rf "$pgdir"' EXIT INT TERM

tally() {
	if [ -f "$1/counts" ]; then
		read -r p f < "$1/counts"
		passed=$((passed + p))
		failed=$((failed + f))
		rm -f "$1/counts"
	else
		echo "$2 did not run"
		failed=$((failed + 1))
	fi
}

echo "== start a throw-away PostgreSQL server"
if tools/pg-server.sh start "$pgdir" fast > "$pgdir/env"; then
	. "$pgdir/env"
	pg_env=$COMPGAP_TEST_PG
	unset COMPGAP_TEST_PG
else
	echo "the PostgreSQL server did not start; the PostgreSQL runs count as failed"
	pg_env=""
fi

# suite NAME BUILD-TARGET BUILD-DIR [PG]: one run of the suite.
suite() {
	echo "== $1"
	rm -f "$3/counts"
	if [ -n "${4:-}" ]; then
		if [ -z "$pg_env" ]; then
			failed=$((failed + 1))
			return
		fi
		COMPGAP_TEST_PG=$pg_env make -s "$2" BUILD="$3" || true
	else
		make -s "$2" BUILD="$3" || true
	fi
	tally "$3" "$1"
}

suite "the suite on SQLite" check build

# The browser tests (tests/e2e/), once: SQLite, no sanitizers (the pages
# call the same code as the shell tests, which run under them).
echo "== the browser tests in headless Chromium on SQLite"
out=$(COMPGAP=build/compgap tests/e2e/run.sh 2>&1)
printf '%s\n' "$out" > build/e2e-log
p=$(printf '%s\n' "$out" | grep -c '^ok ')
f=$(printf '%s\n' "$out" | grep -c '^not ok ')
printf '%s\n' "$out" | grep -A8 '^not ok ' | head -n 60
if ! printf '%s\n' "$out" | grep -q '^# done'; then
	f=$((f + 1))
	echo "the browser tests stopped early:"
	printf '%s\n' "$out" | tail -n 10
fi
echo "e2e: $p passed, $f failed (screenshots in build/e2e-screens/)"
passed=$((passed + p))
failed=$((failed + f))
suite "the suite on PostgreSQL" check build pg
suite "the suite under ASan and UBSan on SQLite" sanitize build/san
suite "the suite under ASan and UBSan on PostgreSQL" sanitize build/san pg

echo "== fuzzing the CSV reader, the packed history, the JSON bodies, the router and the PO reader for ${FUZZ_SECONDS:-30} s each"
if make -s fuzz FUZZ_SECONDS="${FUZZ_SECONDS:-30}" > build/fuzz.log 2>&1; then
	tail -n 2 build/fuzz.log
	echo "fuzz: 1 passed, 0 failed"
	passed=$((passed + 1))
else
	tail -n 40 build/fuzz.log
	echo "fuzz: 0 passed, 1 failed"
	failed=$((failed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
