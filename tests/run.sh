#!/bin/sh
# The whole test suite on both engines: a normal build on SQLite and on a
# throw-away PostgreSQL server (tools/pg-server.sh, stopped whatever
# happens), the same two under AddressSanitizer and
# UndefinedBehaviorSanitizer, the browser tests once (tests/e2e/run.sh,
# headless Chromium, on SQLite), and the fuzzers (the CSV reader, the router, the packed
# evidence history) for a short time each. The
# last line is the total, "N passed, N failed".
# The machine is kept busy: the sanitized build (and then the fuzzers')
# is made while the normal suites run, and the test files of all four
# suites run in one pool, TEST_JOBS at a time (tests/run-suite.sh; twice
# the cores by default), the longest first; each suite's report is
# printed in the same order as ever. Then the browser tests run alone,
# and the fuzzers one per core.
set -u
cd "$(dirname "$0")/.." || exit 1
passed=0
failed=0
cores=$(getconf _NPROCESSORS_ONLN 2> /dev/null || echo 2)
pgdir=$(mktemp -d "${TMPDIR:-/tmp}/compgap-pg.XXXXXX")
sanpgdir=$(mktemp -d "${TMPDIR:-/tmp}/compgap-pg.XXXXXX")
trap 'tools/pg-server.sh stop "$pgdir"; tools/pg-server.sh stop "$sanpgdir"; rm -rf "$pgdir" "$sanpgdir"' EXIT
trap 'exit 130' INT TERM
mkdir -p build/san

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

# The sanitized build in the background from the start (its own build
# directory); the suites under it wait for build/san-build.status.
rm -f build/san-build.status build/build.status
(
	make -s -j"$cores" sanitize-build > build/san-build.log 2>&1
	echo $? > build/san-build.status
) &

# Two throw-away PostgreSQL servers, one for each build's suite, so
# that the two run at once without meeting.
echo "== start two throw-away PostgreSQL servers"
pg_env=""
san_pg_env=""
if tools/pg-server.sh start "$pgdir" fast > "$pgdir/env" &&
	tools/pg-server.sh start "$sanpgdir" fast > "$sanpgdir/env"; then
	pg_env=$pgdir/env
	san_pg_env=$sanpgdir/env
else
	echo "the PostgreSQL server did not start; the PostgreSQL runs count as failed"
fi

# The normal build, then the fuzzers' (which link its objects).
make -s -j"$cores" check-build > build/build.log 2>&1
echo $? > build/build.status
(
	while [ ! -s build/san-build.status ]; do sleep 1; done
	make -s -j"$cores" fuzz-build > build/fuzz-build.log 2>&1
) &
fuzz_build=$!

# prepare ENV BUILD OUT [READY]: a suite of BUILD, reported in OUT, on the
# PostgreSQL server of the settings file ENV (- for SQLite).
prepare() {
	(
		unset COMPGAP_TEST_PG COMPGAP_TEST_PG_TCP COMPGAP_TEST_PGDATA COMPGAP_TEST_PGDIR
		# shellcheck disable=SC1090
		[ "$1" = - ] || . "$1"
		shift
		tests/run-suite.sh --prepare "$@"
	)
}
suites="build"
prepare - build build build/build.status
tests/run-suite.sh --prepare-one build build/e2e e2e tests/e2e/run.sh build/build.status
if [ -n "$pg_env" ]; then
	prepare "$pg_env" build build/postgresql build/build.status
	suites="$suites build/postgresql"
fi
prepare - build/san build/san build/san-build.status
suites="$suites build/san"
if [ -n "$san_pg_env" ]; then
	prepare "$san_pg_env" build/san build/san/postgresql build/san-build.status
	suites="$suites build/san/postgresql"
fi
# The browser tests after the pool, alone: Chromium's timeouts (5 s for a
# screenshot) do not stand a machine loaded with the other tests.
# shellcheck disable=SC2086
(
	tests/run-suite.sh --pool $suites
	tests/run-suite.sh --pool build/e2e
) &
pool=$!

# report NAME OUT: the suite's report, as its tests end.
report() {
	echo "== $1"
	tests/run-suite.sh --report "$2"
	tally "$2" "$1"
}

report "the suite on SQLite" build
echo "== the browser tests in headless Chromium on SQLite"
tests/run-suite.sh --report build/e2e
tally build/e2e "the browser tests"
if [ -n "$pg_env" ]; then
	report "the suite on PostgreSQL" build/postgresql
else
	echo "== the suite on PostgreSQL"
	failed=$((failed + 1))
fi
report "the suite under ASan and UBSan on SQLite" build/san
if [ -n "$san_pg_env" ]; then
	report "the suite under ASan and UBSan on PostgreSQL" build/san/postgresql
else
	echo "== the suite under ASan and UBSan on PostgreSQL"
	failed=$((failed + 1))
fi
wait "$pool"

echo "== fuzzing the CSV reader, the packed history, the JSON bodies, the router and the PO reader for ${FUZZ_SECONDS:-30} s each"
wait "$fuzz_build"
rm -rf build/fuzz-artifacts
mkdir -p build/fuzz-artifacts
if make -s -k -j"$cores" -Otarget fuzz FUZZ_SECONDS="${FUZZ_SECONDS:-30}" \
		FUZZ_ARTIFACTS=build/fuzz-artifacts/ > build/fuzz.log 2>&1; then
	tail -n 2 build/fuzz.log
	echo "fuzz: 1 passed, 0 failed"
	passed=$((passed + 1))
else
	# Which fuzzer failed and why, and each input that made one fail, in
	# base64: CI's log is all that is left of a fresh clone's run.
	grep -E 'ERROR|SUMMARY|deadly signal|Test unit written|out-of-memory|timeout|make: \*\*\*' \
		build/fuzz.log | head -n 40
	for f in build/fuzz-artifacts/*; do
		[ -f "$f" ] || continue
		echo "# $f, base64 (base64 -d > input; build/fuzz_NAME input):"
		head -c 8192 "$f" | base64 -w 0
		echo
	done
	tail -n 20 build/fuzz.log
	echo "fuzz: 0 passed, 1 failed"
	failed=$((failed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
