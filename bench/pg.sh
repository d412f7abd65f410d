#!/bin/sh
# Benchmarks on PostgreSQL (issue 4's targets, server on the same 2-core
# machine):
#   import of 1,000,000 evidence rows                          under 10 s
#   gaps --team ROOT --json of the 50,000-person organisation   under 2 s
# Starts a throw-away server of its own (tools/pg-server.sh, with the
# default durability: fsync on), stopped at the end whatever happens.
# The import is timed into a fresh database RUNS times, as
# bench/import_evidence.sh does for SQLite; the organisation is the one
# bench/gaps.sh generates (bench/data/org-50000.db), moved to PostgreSQL
# with `compgap copy`. Reports medians.
#   bench/pg.sh [ROWS] [RUNS]
set -eu
# The evidence is dated up to 2026-12-28; pin today after it so that the
# future-date check is timed but passes.
COMPGAP_TODAY=2026-12-31
export COMPGAP_TODAY
cd "$(dirname "$0")/.."
rows=${1:-1000000}
runs=${2:-5}
people=50000
bin=./compgap
data=bench/data
asof=2026-11-01
[ -x "$bin" ] || make -s all
bench/make_evidence.sh "$rows"
if [ ! -f "$data/org-$people.db" ]; then
	echo "generating $people people ..." >&2
	$bin generate --people "$people" --seed 7 --db "$data/org-$people.db" >&2
fi

server=$(mktemp -d "${TMPDIR:-/tmp}/compgap-bench-pg.XXXXXX")
trap 'tools/pg-server.sh stop "$server"; rm -rf "$server"' EXIT INT TERM
tools/pg-server.sh start "$server" > "$server/env"
. "$server/env"
pg="$COMPGAP_TEST_PG dbname"

median() {
	printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# seconds CMD...: runs CMD once, prints its wall time in seconds.
seconds() {
	start=$(date +%s%N)
	"$@" > /dev/null
	end=$(date +%s%N)
	echo "scale=3; ($end - $start) / 1000000000" | bc
}

times=""
i=0
while [ "$i" -lt "$runs" ]; do
	db="$pg=import$i"
	$bin init --db "$db" > /dev/null
	for kind in teams competencies people; do
		$bin import "$kind" "$data/$kind.csv" --db "$db" > /dev/null
	done
	t=$(seconds $bin import evidence "$data/evidence-$rows.csv" --db "$db")
	echo "import run $((i + 1)): $t s" >&2
	times="$times $t"
	psql -X -q -d "$pg=postgres" -c "DROP DATABASE import$i" > /dev/null
	i=$((i + 1))
done
import_median=$(median $times)

echo "moving the $people-person organisation to PostgreSQL ..." >&2
copy_time=$(seconds $bin copy --from "$data/org-$people.db" --to "$pg=org")
psql -X -q -d "$pg=org" -c "VACUUM ANALYZE" > /dev/null
team=$($bin list teams --db "$pg=org" | awk '$1 ~ /^t[0-9]/ { print $1 }' | sed -n 101p)
whole=""
one=""
recommend=""
report=""
i=0
while [ "$i" -lt 5 ]; do
	whole="$whole $(seconds $bin gaps --team org --json --as-of $asof --db "$pg=org")"
	one="$one $(seconds $bin gaps --team "$team" --json --as-of $asof --db "$pg=org")"
	recommend="$recommend $(seconds $bin recommend --team "$team" --json --as-of $asof --db "$pg=org")"
	report="$report $(seconds $bin report --team "$team" --as-of $asof -o "$server/report.html" --db "$pg=org")"
	i=$((i + 1))
done

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(psql -X -At -d "$pg=postgres" -c 'SHOW server_version') on the same machine, default settings"
echo "import of $rows evidence rows into PostgreSQL: median $import_median s over $runs runs (target: under 10 s)"
echo "copy of the $people-person organisation from SQLite: $copy_time s"
echo "gaps --team org --json (whole organisation): median $(median $whole) s over 5 runs (target: under 2 s)"
echo "gaps --team $team --json (one team): median $(median $one) s over 5 runs"
echo "recommend --team $team --json (one team; its mentor search): median $(median $recommend) s over 5 runs"
echo "report --team $team (one team): median $(median $report) s over 5 runs"
