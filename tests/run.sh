#!/bin/sh
# The whole test suite: a normal build, the same suite under AddressSanitizer
# and UndefinedBehaviorSanitizer, and the CSV fuzzer for a short time. The
# last line is the total, "N passed, N failed".
set -u
cd "$(dirname "$0")/.." || exit 1
passed=0
failed=0

tally() {
	if [ -f "$1/counts" ]; then
		read -r p f < "$1/counts"
		passed=$((passed + p))
		failed=$((failed + f))
	else
		echo "$2 did not run"
		failed=$((failed + 1))
	fi
}

echo "== build and run the suite"
rm -f build/counts
make -s check BUILD=build || true
tally build "the suite"

echo "== the suite under ASan and UBSan"
rm -f build/san/counts
make -s sanitize || true
tally build/san "the sanitizer suite"

echo "== fuzzing the CSV reader for ${FUZZ_SECONDS:-30} s"
if make -s fuzz FUZZ_SECONDS="${FUZZ_SECONDS:-30}" > build/fuzz.log 2>&1; then
	tail -n 2 build/fuzz.log
	echo "fuzz csv: 1 passed, 0 failed"
	passed=$((passed + 1))
else
	tail -n 40 build/fuzz.log
	echo "fuzz csv: 0 passed, 1 failed"
	failed=$((failed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
