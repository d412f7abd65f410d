#!/bin/sh
# Benchmark of views as of a past date beside the same views as of a date
# after all evidence (issue 10: within 1.5x, a team's report under 50 ms),
# whole processes, medians of RUNS runs:
#   gaps --team org --json, recommend --team T --json, report --team T
# as of 2026-11-01 (after the generated evidence) and 2026-05-01 (inside it).
#   bench/past.sh [DB] [BIN] [RUNS]
# DB defaults to bench/data/org-50000.db (bench/gaps.sh makes it); it is
# opened, and so migrated, by BIN (default ./compgap): pass a copy to keep
# the original.
set -eu
cd "$(dirname "$0")/.."
db=${1:-bench/data/org-50000.db}
bin=${2:-./compgap}
runs=${3:-5}
now=2026-11-01
past=2026-05-01
team=$(sqlite3 "$db" "SELECT key FROM team WHERE key LIKE 't%' ORDER BY key LIMIT 1 OFFSET 100")

. bench/lib.sh

"$bin" list teams --db "$db" > /dev/null   # migrates, if it must, before the timing
echo "database: $db, $(stat -c %s "$db") bytes; one team: $team; $runs runs each"
for date in $now $past; do
	echo "as of $date:"
	echo "  gaps --team org --json       $(time_runs "$runs" "$bin" gaps --team org --json --as-of "$date" --db "$db") ms"
	echo "  recommend --team $team --json $(time_runs "$runs" "$bin" recommend --team "$team" --json --as-of "$date" --db "$db") ms"
	echo "  report --team $team          $(time_runs "$runs" "$bin" report --team "$team" --as-of "$date" -o /dev/null --db "$db") ms"
done
