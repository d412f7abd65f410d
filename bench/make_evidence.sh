#!/bin/sh
# The benchmarks' evidence (deterministic): an organisation of 10,000
# people in 1,000 teams and 50 competencies as CSV files in bench/data, and
# an evidence file of ROWS rows, made once.
#   bench/make_evidence.sh ROWS
set -eu
cd "$(dirname "$0")/.."
rows=${1:?usage: bench/make_evidence.sh ROWS}
data=bench/data
mkdir -p "$data"
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

