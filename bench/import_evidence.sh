#!/bin/sh
# Benchmark: importing 1,000,000 evidence rows into SQLite (issue 2's target:
# under 5 s on a 2-core machine). Generates an organisation of 10,000 people
# and 50 competencies and an evidence file of ROWS rows (deterministic),
# then times `compgap import evidence` into a fresh copy of the database
# RUNS times and reports the median.
#   bench/import_evidence.sh [ROWS] [RUNS]
set -eu
cd "$(dirname "$0")/.."
rows=${1:-1000000}
runs=${2:-5}
bin=./compgap
data=bench/data
mkdir -p "$data"
[ -x "$bin" ] || make -s all

people=10000
comps=50
if [ ! -f "$data/evidence-$rows.csv" ]; then
	echo "generating $rows evidence rows for $people people and $comps competencies ..." >&2
	awk -v people=$people -v comps=$comps -v rows="$rows" -v dir="$data" 'BEGIN {
		srand(42)
		print "key,name,parent" > (dir "/teams.csv")
		print "org,Organisation," > (dir "/teams.csv")
		for (t = 0; t < people / 10; t++) printf "t%d,Team %d,org\n", t, t > (dir "/teams.csv")
		print "key,name,category,description,developability" > (dir "/competencies.csv")
		for (c = 0; c < comps; c++) printf "c%d,Competency %d,general,\"Definition, of %d\",high\n", c, c, c > (dir "/competencies.csv")
		print "id,name,email,team,role,manager" > (dir "/people.csv")
		for (p = 0; p < people; p++) printf "P%05d,Person %d,p%d@example.org,t%d,,\n", p, p, p, int(p / 10) > (dir "/people.csv")
		split("self manager peer assessment test qa customer", src, " ")
		file = dir "/evidence-" rows ".csv"
		print "person,competency,level,source,date,assessor,note" > file
		for (i = 0; i < rows; i++) {
			p = int(rand() * people); c = int(rand() * comps); s = src[1 + int(rand() * 7)]
			lvl = 1 + int(rand() * 41) / 10
			d = sprintf("%04d-%02d-%02d", 2024 + int(rand() * 3), 1 + int(rand() * 12), 1 + int(rand() * 28))
			a = (s == "manager" || s == "peer" || s == "qa") ? sprintf("P%05d", int(rand() * people)) : ""
			n = (rand() < 0.1) ? "\"Observed in a call, discussed afterwards\"" : ""
			printf "P%05d,c%d,%s,%s,%s,%s,%s\n", p, c, lvl, s, d, a, n > file
		}
	}'
fi

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
