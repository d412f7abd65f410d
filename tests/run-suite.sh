#!/bin/sh
# Runs the unit tests and the command-line tests of one build directory and
# writes "PASSED FAILED" to BUILD/counts. Usage: tests/run-suite.sh BUILD
set -u
build=${1:?usage: tests/run-suite.sh BUILD}
passed=0
failed=0
log=$build/test-log
: > "$log"

for t in "$build"/tests/test_*; do
	[ -x "$t" ] || continue
	out=$("$t" 2>&1)
	status=$?
	printf '%s\n' "$out" >> "$log"
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
	p=${p:-0}
	f=${f:-0}
	if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1    # crashed before cmocka could count
		printf '%s\n' "$out" | tail -n 20
	fi
	[ "$f" -gt 0 ] && printf '%s\n' "$out" | grep -E '^\[  (FAILED|  ERROR) *\]|error|Failure' | head -n 20
	echo "unit $(basename "$t"): $p passed, $f failed"
	passed=$((passed + p))
	failed=$((failed + f))
done

for t in tests/cli/test_*.sh; do
	started=$(date +%s)
	out=$(COMPGAP="$build/compgap" sh "$t" 2>&1)
	printf '%s\n' "$out" >> "$log"
	p=$(printf '%s\n' "$out" | grep -c '^ok ')
	f=$(printf '%s\n' "$out" | grep -c '^not ok ')
	printf '%s\n' "$out" | grep -A8 '^not ok ' | head -n 40
	if ! printf '%s\n' "$out" | grep -q '^# done'; then
		f=$((f + 1))
		echo "$t stopped early:"
		printf '%s\n' "$out" | tail -n 10
	fi
	echo "cli $(basename "$t"): $p passed, $f failed ($(($(date +%s) - started)) s)"
	passed=$((passed + p))
	failed=$((failed + f))
done

echo "$passed $failed" > "$build/counts"
