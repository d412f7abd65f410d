#!/bin/sh
# The packed history's size (docs/time-travel.md) for the evidence of a
# database: each row's entry in bytes as core/history.h encodes it (a head
# byte, the date as days since 1900-01-01 and the level's mantissa, both
# as varints), their distribution, and the blobs' total with one version
# byte per (person, competency) pair.
#   bench/history_size.sh DB
set -eu
cd "$(dirname "$0")/.."
db=${1:?usage: bench/history_size.sh DB}
[ -x ./compgap ] || make -s all
./compgap export evidence --db "$db" | awk -F, '
# Bytes of n as an unsigned LEB128 varint.
function varint(n,   k) { k = 1; while (n >= 128) { n = int(n / 128); k++ } return k }
# Days from 1970-01-01 to y-m-d (proleptic Gregorian, H. Hinnant).
function days(y, m, d,   era, yoe, doy, doe) {
	y -= m <= 2; era = int((y >= 0 ? y : y - 399) / 400); yoe = y - era * 400
	doy = int((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
	doe = yoe * 365 + int(yoe / 4) - int(yoe / 100) + doy
	return era * 146097 + doe - 719468
}
NR == 1 { next }
{
	dot = index($3, ".")
	mant = dot ? substr($3, 1, dot - 1) substr($3, dot + 1) : $3
	split($5, ymd, "-")
	size = 1 + varint(days(ymd[1] + 0, ymd[2] + 0, ymd[3] + 0) + 25567) + varint(mant + 0)
	rows++; bytes += size; by[size]++
	if (!(($1 SUBSEP $2) in pair)) { pair[$1 SUBSEP $2] = 1; pairs++ }
}
END {
	printf "%d rows in %d pairs: %.2f bytes a row, %.2f with the version bytes\n",
	       rows, pairs, bytes / rows, (bytes + pairs) / rows
	for (s = 1; s <= 11; s++) if (s in by) printf "  %2d bytes: %d rows (%.1f%%)\n", s, by[s], 100 * by[s] / rows
}'
