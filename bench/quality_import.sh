#!/bin/sh
# Benchmark of issue 13: a year of quality evaluations for 5,000 agents
# (240,000 evaluations, 1.68 M area scores, bench/make_evaluations.py)
# imported into SQLite (target: under 10 s), and a team's monthly quality
# view (target: under 20 ms), timed as a whole `compgap quality --json`
# process and as GET /api/v1/teams/{key}/quality from a running server
# (a coach's token: the document is not cached for a coach).
#   bench/quality_import.sh [AGENTS] [RUNS]
set -eu
cd "$(dirname "$0")/.."
. bench/lib.sh
agents=${1:-5000}
runs=${2:-3}
bin=$(pwd)/build/compgap
data=bench/data/quality
[ -x "$bin" ] || make -s all
COMPGAP_TODAY=2026-12-31
export COMPGAP_TODAY

python3 bench/make_evaluations.py "$data" "$agents"
base=$data/base.db
rm -f "$base" "$base-wal" "$base-shm"
"$bin" init --db "$base" > /dev/null
for kind in teams competencies people scorecards; do
	"$bin" import "$kind" "$data/$kind.csv" --db "$base" > /dev/null
done
sqlite3 "$base" "PRAGMA wal_checkpoint(TRUNCATE);" > /dev/null 2>&1 || true

times=""
i=0
db=$data/run.db
while [ "$i" -lt "$runs" ]; do
	rm -f "$db" "$db-wal" "$db-shm"
	cp "$base" "$db"
	load=$(cut -d' ' -f1 /proc/loadavg)
	start=$(date +%s%N)
	"$bin" import evaluations "$data/evaluations.csv" --db "$db" > /dev/null
	end=$(date +%s%N)
	t=$(echo "scale=2; ($end - $start) / 1000000000" | bc)
	echo "run $((i + 1)): $t s (load average $load)" >&2
	times="$times $t"
	i=$((i + 1))
done
import_median=$(median $times)
rows=$(sqlite3 "$db" "SELECT (SELECT count(*) FROM evaluation) || ' evaluations, ' ||
	(SELECT count(*) FROM evaluation_score) || ' area scores, ' ||
	(SELECT count(*) FROM evidence) || ' evidence rows'")

# A team's month: team t0001 (15 agents, about 60 evaluations in June).
view_cli=$(time_runs 21 "$bin" quality --team t0001 --month 2026-06 --json --db "$db")
token=$("$bin" token create bench-coach --role coach --teams t0001 --db "$db" 2> /dev/null |
	grep -o 'cgt_[A-Za-z0-9_-]*' | head -n 1)
log=$data/serve.log
"$bin" serve --db "$db" --listen 127.0.0.1:0 --threads 1 2> "$log" &
pid=$!
port=""
while [ -z "$port" ] && kill -0 "$pid" 2> /dev/null; do
	port=$(sed -n 's/.*"event":"listening","message":"127\.0\.0\.1:\([0-9]*\)".*/\1/p' "$log")
	[ -n "$port" ] || sleep 0.1
done
api=""
i=0
while [ "$i" -lt 101 ]; do
	t=$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" \
		"http://127.0.0.1:$port/api/v1/teams/t0001/quality?month=2026-06")
	api="$api $(echo "$t * 1000" | bc)"
	i=$((i + 1))
done
kill -TERM "$pid"
wait "$pid" || true
view_api=$(median $api)

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average now $(cut -d' ' -f1-3 /proc/loadavg)"
echo "stored: $rows; database $(stat -c %s "$db") bytes"
echo "import of the evaluations into SQLite: median $import_median s over $runs runs (target: under 10 s)"
echo "a team's month (15 agents): 'compgap quality --json' process median $view_cli ms over 21 runs; GET /api/v1/teams/t0001/quality median $view_api ms over 101 requests (target: under 20 ms)"
rm -f "$db" "$db-wal" "$db-shm"
