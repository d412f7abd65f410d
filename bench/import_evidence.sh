#!/bin/sh
# Benchmark: importing 1,000,000 evidence rows into SQLite (issue 2's target:
# under 5 s on a 2-core machine). Generates an organisation of 10,000 people
# and 50 competencies and an evidence file of ROWS rows (deterministic),
# then times `compgap import evidence` into a fresh copy of the database
# RUNS times and reports the median.
#   bench/import_evidence.sh [ROWS] [RUNS]
set -eu
# The evidence is dated up to 2026-12-28; pin today after it so that the
# future-date check is timed but passes.
COMPGAP_TODAY=2026-12-31
export COMPGAP_TODAY
cd "$(dirname "$0")/.."
rows=${1:-1000000}
runs=${2:-5}
bin=./compgap
data=bench/data
mkdir -p "$data"
[ -x "$bin" ] || make -s all

bench/make_evidence.sh "$rows"

base=$data/base.db
rm -f "$base" "$base-wal" "$base-shm"
$bin init --db "$base" > /dev/null
for kind in teams competencies people; do
	$bin import "$kind" "$data/$kind.csv" --db "$base" > /dev/null
done
# The base database is checkpointed so that each copy starts alike.
sqlite3 "$base" "PRAGMA wal_checkpoint(TRUNCATE);" > /dev/null 2>&1 || true

times=""
i=0
while [ "$i" -lt "$runs" ]; do
	db=$data/run.db
	rm -f "$db" "$db-wal" "$db-shm"
	cp "$base" "$db"
	start=$(date +%s.%N)
	$bin import evidence "$data/evidence-$rows.csv" --db "$db" > /dev/null
	end=$(date +%s.%N)
	t=$(echo "$end - $start" | bc)
	echo "run $((i + 1)): $t s" >&2
	times="$times $t"
	i=$((i + 1))
done
median=$(printf '%s\n' $times | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "import of $rows evidence rows into SQLite: median $median s over $runs runs (target: under 5 s)"
rm -f "$data/run.db" "$data/run.db-wal" "$data/run.db-shm"
