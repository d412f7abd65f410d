#!/bin/sh
# The OKR board's time (issue 14: the board of the whole 50,000-person
# generated organisation, with competency key results and their 12-month
# forecasts, in under 1 s; of one team, under 50 ms), whole processes,
# medians of RUNS runs of `compgap okr --json`:
#   - the organisation's board: one objective over the generated year
#     (2025-11-01 to 2026-10-31) with four competency key results and a
#     metric, counted over every active person, as of 2026-10-31: twelve
#     month ends plus the start, for each key result, in one pass;
#   - one team's board: the same objective for a team of about 15.
# The organisation is bench/data/org-50000.db (made by `compgap generate
# --people 50000 --seed 7` when missing), copied first so that the
# original stays as it is.
#   bench/okr.sh [RUNS] [BIN]      (defaults 7, ./build/compgap)
# On 2 December 2026 (2-core AMD EPYC, load average 2.7), medians of 7:
# the organisation's board 169 ms, team t00036's 10 ms (before reading
# only the named competencies' sums, the organisation's took 0.6 s of
# CPU).
# Last, the whole organisation's `gaps` with these objectives beside the
# same without them: the gap link's cost. On 3 December 2026 (load 0.9),
# medians of 7: 1,764 ms and 1,743 ms (board 175 ms, team 8 ms). Before
# the link was looked up by binary search and the view's teams listed
# through a map, the first took 9.8 s (13,000 links scanned for each of
# 3,300 sub-teams and 40 competencies).
set -eu
cd "$(dirname "$0")/.."
runs=${1:-7}
bin=${2:-./build/compgap}
people=50000
db=${ORG_DB:-bench/data/org-$people.db}

. bench/lib.sh

for tool in sqlite3 bc; do
	command -v $tool > /dev/null || { echo "bench/okr.sh needs $tool (tools/deps.sh test)" >&2; exit 69; }
done
[ -x "$bin" ] || make -s all
if [ ! -f "$db" ]; then
	echo "generating $people people ..." >&2
	mkdir -p bench/data
	$bin generate --people "$people" --seed 7 --db "$db" >&2
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/compgap-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
sqlite3 "$db" "VACUUM INTO '$tmp/org.db'"
team=$(sqlite3 "$tmp/org.db" "SELECT t.key FROM team t WHERE NOT EXISTS (SELECT 1 FROM team c
	WHERE c.parent_id = t.id) AND (SELECT count(*) FROM person p WHERE p.team_id = t.id) = 15
	ORDER BY t.key LIMIT 1")
set -- $(sqlite3 "$tmp/org.db" "SELECT key FROM competency ORDER BY key LIMIT 4")

cat > "$tmp/objectives.csv" <<EOF
key,team,title,start,end,owner,parent
ORG,,The organisation's year,2025-11-01,2026-10-31,,
TEAM,$team,The team's year,2025-11-01,2026-10-31,,ORG
EOF
{
	echo "objective,key,title,type,competency,level,target,start_value,unit,weight"
	for o in ORG TEAM; do
		i=0
		for c in "$@"; do
			i=$((i + 1))
			echo "$o,$o-C$i,80% at level 3 in $c,competency,$c,3,0.8,,,1"
		done
		echo "$o,$o-M,A metric,metric,,,75,60,%,1"
	done
} > "$tmp/key_results.csv"
cat > "$tmp/checkins.csv" <<EOF
key_result,date,value,confidence,note
ORG-M,2025-11-30,61,0.5,
ORG-M,2026-01-31,63,0.5,
ORG-M,2026-03-31,64,0.6,
ORG-M,2026-05-31,67,0.6,
ORG-M,2026-07-31,69,0.7,
ORG-M,2026-09-30,70,0.7,
EOF
$bin import objectives "$tmp/objectives.csv" --db "$tmp/org.db" > /dev/null
$bin import key-results "$tmp/key_results.csv" --db "$tmp/org.db" > /dev/null
$bin import checkins "$tmp/checkins.csv" --db "$tmp/org.db" > /dev/null

active=$(sqlite3 "$tmp/org.db" "SELECT count(*) FROM person WHERE active = 1")
echo "database: $db ($active active people); team $team; competencies $*; $runs runs each"
echo "  okr (the organisation's board) --json  $(time_runs "$runs" "$bin" okr --as-of 2026-10-31 --json --db "$tmp/org.db") ms"
echo "  okr --team $team --json          $(time_runs "$runs" "$bin" okr --team "$team" --as-of 2026-10-31 --json --db "$tmp/org.db") ms"
# The gap link (a competency named by a running key result counts 1.5
# times in its team's priority): the whole organisation's gap analysis
# with these objectives beside the same analysis of the copy without them.
echo "  gaps --team org --json, with the objectives   $(time_runs "$runs" "$bin" gaps --team org --as-of 2026-10-31 --json --db "$tmp/org.db") ms"
sqlite3 "$db" "VACUUM INTO '$tmp/plain.db'"
echo "  gaps --team org --json, without objectives    $(time_runs "$runs" "$bin" gaps --team org --as-of 2026-10-31 --json --db "$tmp/plain.db") ms"
