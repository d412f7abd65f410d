#!/bin/sh
# Benchmark of the packed history's decoder (docs/time-travel.md): ns per
# evidence row for a past view's sums, with the term 2^((d - E)/h) computed
# per row and from a table, and a trend's 12 month ends in one pass; then
# how a past view grows with years of a contact centre's history (about 50
# rows per agent and competency a year). In-memory blobs, no store: what
# the decoder adds to a view, not a view's whole time.
#   bench/history_decode.sh [RUNS]
set -eu
cd "$(dirname "$0")/.."
runs=${1:-5}
bin=build/bench/history_decode
mkdir -p build/bench
cc -O2 -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -Isrc -o "$bin" \
	bench/history_decode.c src/core/history.c src/core/estimate.c src/core/settings.c \
	src/util/buf.c src/util/date.c src/util/rng.c -lm
echo "machine: $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
echo "== 3,000,000 rows as 50,000 pairs of ~60 rows over 2 years"
"$bin" 50000 60 2 "$runs"
echo "== 3,000,000 rows in the generator's shape: 500,000 pairs of ~6 rows over 2 years"
"$bin" 500000 6 2 "$runs"
for years in 1 3 5; do
	echo "== a contact centre after $years year(s): 10,000 pairs, ~50 rows a pair a year"
	"$bin" 10000 $((50 * years)) "$years" "$runs"
done
