#!/bin/sh
# Runs the unit tests and the command-line tests of one build directory and
# writes "PASSED FAILED" to OUT/counts (OUT is BUILD unless given), the
# tests' whole output to OUT/test-log, and their times to OUT/test-times.
#   tests/run-suite.sh BUILD [OUT]
# The test files run TEST_JOBS at a time (default: twice the cores, as
# many of them wait for servers, sleeps and process start-ups rather than
# compute); each one's report is printed in the order of the files, as
# soon as it and every file before it are done. TEST_JOBS=1 runs them one
# after another. The longest (by OUT/test-times of the last run, else by
# their size) start first.
# Tests run at once never share a file (each has its temp dir, lib.sh), a
# port (--listen 127.0.0.1:0) or a PostgreSQL database (named after the
# temp dir); a test file with the line "# run-suite: own PostgreSQL
# server" (test_pg.sh, which stops the server) gets a server of its own.
#
# tests/run.sh runs several suites in one pool of TEST_JOBS, with these
# steps, which take the suite's settings from the environment at prepare:
#   tests/run-suite.sh --prepare BUILD OUT [READY]   list the tests; READY is
#       a file the tests wait for, holding the build's exit status
#   tests/run-suite.sh --prepare-one BUILD OUT KIND PATH [READY]
#       a suite of one item (KIND e2e: tests/e2e/run.sh)
#   tests/run-suite.sh --pool OUT...                 run every item
#   tests/run-suite.sh --report OUT                  print in order, count
set -u

jobs=${TEST_JOBS:-$((2 * $(getconf _NPROCESSORS_ONLN 2> /dev/null || echo 2)))}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")

# q TEXT: TEXT quoted for the shell.
q() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

# prepare_env BUILD OUT [READY]: OUT/env, the suite's settings.
prepare_env() {
	rm -rf "$2/res" "$2/list" "$2/counts" "$2/pool-done"
	mkdir -p "$2/res"
	{
		echo "SUITE_BUILD=$(q "$1")"
		echo "SUITE_READY=$(q "${3:-}")"
		for v in COMPGAP_TEST_PG COMPGAP_TEST_PG_TCP COMPGAP_TEST_PGDATA COMPGAP_TEST_PGDIR; do
			eval "val=\${$v:-}"
			# shellcheck disable=SC2154
			echo "$v=$(q "$val")"
		done
	} > "$2/env"
}

# prepare BUILD OUT [READY]: OUT/env and OUT/list, the suite's items in
# the order of the report: the unit binaries, then the cli files.
prepare() {
	build=$1
	out=$2
	prepare_env "$@"
	{
		# The unit binaries are those the Makefile builds from tests/unit.
		for c in "$root"/tests/unit/test_*.c; do
			n=$(basename "$c" .c)
			echo "unit $build/tests/$n"
		done
		for t in tests/cli/test_*.sh; do echo "cli $t"; done
	} > "$out/list"
}

# estimate OUT KIND PATH: the seconds the item took last time, or a guess.
estimate() {
	t=$(awk -v n="$(basename "$3")" '$2 == n { print $1; exit }' "$1/test-times" 2> /dev/null)
	if [ -n "$t" ]; then echo "$t"; return; fi
	case $2 in
	cli) echo $(($(wc -l < "$3") / 12)) ;;
	e2e) echo 120 ;;
	*) echo 1 ;;
	esac
}

# pool OUT...: runs every item of the suites, TEST_JOBS at a time, the
# longest first; the items of a suite whose build is not ready yet after
# the others.
pool() {
	for out in "$@"; do
		# shellcheck disable=SC1091
		. "$out/env"
		late=0
		[ -n "$SUITE_READY" ] && [ ! -f "$SUITE_READY" ] && late=1
		while read -r kind path; do
			echo "$late $(estimate "$out" "$kind" "$path") $out $kind $path"
		done < "$out/list"
	done | sort -k1,1n -k2,2nr | cut -d ' ' -f 3- |
		xargs -P "$jobs" -L 1 sh "$here/run-suite.sh" --one
	for out in "$@"; do : > "$out/pool-done"; done
}

# one OUT KIND PATH: runs one item; its report in OUT/res/NAME.report, its
# output in NAME.log, "PASSED FAILED SECONDS" in NAME.counts (written last).
one() {
	out=$1
	kind=$2
	path=$3
	name=$(basename "$path")
	res=$out/res/$name
	# shellcheck disable=SC1091
	. "$out/env"
	if [ -n "$SUITE_READY" ]; then
		while [ ! -s "$SUITE_READY" ]; do sleep 1; done
		# The build failed: --report says so, nothing runs.
		[ "$(cat "$SUITE_READY")" = 0 ] || return 0
	fi
	for v in COMPGAP_TEST_PG COMPGAP_TEST_PG_TCP COMPGAP_TEST_PGDATA COMPGAP_TEST_PGDIR; do
		eval "val=\$$v"
		if [ -n "$val" ]; then export "${v?}"; else unset "$v"; fi
	done
	own=""
	if [ "$kind" = cli ] && [ -n "${COMPGAP_TEST_PG:-}" ] &&
		grep -q '^# run-suite: own PostgreSQL server' "$path"; then
		own=$(mktemp -d "${TMPDIR:-/tmp}/compgap-pg.XXXXXX")
		if "$root/tools/pg-server.sh" start "$own" fast > "$own/env" 2> "$own/err"; then
			# shellcheck disable=SC1091
			. "$own/env"
		else
			printf 'not ok a PostgreSQL server of its own for %s\n' "$name" > "$res.log"
			sed 's/^/#   /' "$own/err" >> "$res.log"
			{ cat "$res.log"; echo "cli $name: 0 passed, 1 failed (0 s)"; } > "$res.report"
			echo "0 1 0" > "$res.counts"
			rm -rf "$own"
			return 0
		fi
	fi
	started=$(date +%s)
	case $kind in
	unit)
		"$path" > "$res.log" 2>&1
		status=$?
		p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$res.log" | tail -n 1)
		f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$res.log" | tail -n 1)
		p=${p:-0}
		f=${f:-0}
		{
			if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
				f=1    # crashed before cmocka could count
				tail -n 20 "$res.log"
			fi
			[ "$f" -gt 0 ] && grep -E '^\[  (FAILED|  ERROR) *\]|error|Failure' "$res.log" | head -n 20
			echo "unit $name: $p passed, $f failed"
		} > "$res.report"
		;;
	cli)
		COMPGAP="$SUITE_BUILD/compgap" sh "$path" > "$res.log" 2>&1
		p=$(grep -c '^ok ' "$res.log")
		f=$(grep -c '^not ok ' "$res.log")
		{
			grep -A8 '^not ok ' "$res.log" | head -n 40
			if ! grep -q '^# done' "$res.log"; then
				f=$((f + 1))
				echo "$path stopped early:"
				tail -n 10 "$res.log"
			fi
			echo "cli $name: $p passed, $f failed ($(($(date +%s) - started)) s)"
		} > "$res.report"
		;;
	e2e)
		COMPGAP="$SUITE_BUILD/compgap" "$path" > "$res.log" 2>&1
		cp "$res.log" "$SUITE_BUILD/e2e-log"
		p=$(grep -c '^ok ' "$res.log")
		f=$(grep -c '^not ok ' "$res.log")
		{
			grep -A8 '^not ok ' "$res.log" | head -n 60
			if ! grep -q '^# done' "$res.log"; then
				f=$((f + 1))
				echo "the browser tests stopped early:"
				tail -n 10 "$res.log"
			fi
			echo "e2e: $p passed, $f failed (screenshots in $SUITE_BUILD/e2e-screens/)"
		} > "$res.report"
		;;
	esac
	if [ -n "$own" ]; then
		"$root/tools/pg-server.sh" stop "$own"
		rm -rf "$own"
	fi
	echo "$p $f $(($(date +%s) - started))" > "$res.counts"
}

# report OUT: prints each item's report in the order of OUT/list as soon as
# it is done, appends its output to OUT/test-log, and writes OUT/counts
# and OUT/test-times.
report() {
	out=$1
	# shellcheck disable=SC1091
	. "$out/env"
	if [ -n "$SUITE_READY" ]; then
		while [ ! -s "$SUITE_READY" ]; do sleep 1; done
		if [ "$(cat "$SUITE_READY")" != 0 ]; then
			echo "the build of $SUITE_BUILD failed:"
			tail -n 40 "${SUITE_READY%.status}.log" 2> /dev/null
			return 0    # no OUT/counts: the suite did not run
		fi
	fi
	passed=0
	failed=0
	: > "$out/test-log"
	: > "$out/test-times.new"
	while read -r kind path; do
		name=$(basename "$path")
		res=$out/res/$name
		while [ ! -f "$res.counts" ] && [ ! -f "$out/pool-done" ]; do sleep 0.2; done
		if [ -f "$res.counts" ]; then
			read -r p f s < "$res.counts"
			cat "$res.report"
			cat "$res.log" >> "$out/test-log"
			echo "$s $name" >> "$out/test-times.new"
		else
			echo "$kind $name did not run"
			p=0
			f=1
		fi
		passed=$((passed + p))
		failed=$((failed + f))
	done < "$out/list"
	mv "$out/test-times.new" "$out/test-times"
	echo "$passed $failed" > "$out/counts"
}

case ${1:-} in
--prepare) shift; prepare "$@" ;;
--prepare-one)
	prepare_env "$2" "$3" "${6:-}"
	echo "$4 $5" > "$3/list"
	;;
--pool) shift; pool "$@" ;;
--one) shift; one "$@" ;;
--report) report "$2" ;;
-*) echo "usage: tests/run-suite.sh BUILD [OUT]" >&2; exit 64 ;;
*)
	build=${1:?usage: tests/run-suite.sh BUILD [OUT]}
	out=${2:-$build}
	prepare "$build" "$out"
	pool "$out" &
	report "$out"
	wait
	;;
esac
