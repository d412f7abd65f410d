#!/bin/sh
# Benchmark of the gap analysis (issue 3's targets on a 2-core machine, with
# 50,000 people and about 3,000,000 evidence rows):
#   gaps --team ROOT --json for the whole organisation   under 1 s
#   gaps --team T --json for one team                    under 10 ms
#   report --team T for one team                         under 50 ms
# Generates the organisation once (bench/data/org-N.db), then times each
# command RUNS times, whole process included, and reports medians.
#   bench/gaps.sh [PEOPLE] [RUNS]
set -eu
cd "$(dirname "$0")/.."
people=${1:-50000}
runs=${2:-11}
bin=./compgap
db=bench/data/org-$people.db
asof=2026-11-01
mkdir -p bench/data
[ -x "$bin" ] || make -s all
if [ ! -f "$db" ]; then
	echo "generating $people people ..." >&2
	start=$(date +%s.%N)
	$bin generate --people "$people" --seed 7 --db "$db" >&2
	echo "generated in $(echo "$(date +%s.%N) - $start" | bc) s" >&2
fi
team=$(sqlite3 "$db" "SELECT key FROM team WHERE key LIKE 't%' ORDER BY key LIMIT 1 OFFSET 100")

. bench/lib.sh

evidence=$(sqlite3 "$db" "SELECT count(*) FROM evidence")
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "organisation: $people people, $evidence evidence rows; one team: $team; as of $asof"
echo "gaps --team org --json (whole organisation): median $(time_runs 5 $bin gaps --team org --json --as-of $asof --db "$db") ms over 5 runs (target: under 1000 ms)"
echo "gaps --team $team --json (one team): median $(time_runs "$runs" $bin gaps --team "$team" --json --as-of $asof --db "$db") ms over $runs runs (target: under 10 ms)"
echo "report --team $team (one team): median $(time_runs "$runs" $bin report --team "$team" --as-of $asof -o bench/data/report.html --db "$db") ms over $runs runs (target: under 50 ms)"
