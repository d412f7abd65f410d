#!/bin/sh
# compgap's gaps and person documents agree with an independent
# implementation of the method (tests/cli/independent.py, Python 3, written
# from the specification, not from compgap's code) that works from the CSV
# exports: on the demo organisation for every team and several dates, and on
# a small hand-made organisation with sub-teams, an inactive person, a
# person without a role, blind spots, hidden strengths, a retracted row,
# evidence after the as-of date and changed settings.
. "$(dirname "$0")/lib.sh"

INDEP=$(dirname "$DATA")/independent.py

if ! command -v python3 > /dev/null 2>&1; then
	not_ok "python3 is available for the independent implementation"
	done_testing
	exit 0
fi

# export_lf DB DIR: exports the six kinds of DB with LF line ends into DIR.
export_lf() {
	mkdir -p "$2"
	for kind in teams people competencies indicators roles evidence; do
		"$COMPGAP" export "$kind" --lf --db "$1" > "$2/$kind.csv" ||
			echo "export $kind failed" >&2
	done
}

# agree NAME DB DIR gaps|person KEY DATE [OPTIONS...]: compgap's JSON for
# team or person KEY as of DATE equals independent.py's from the export DIR
# (OPTIONS, such as --half-life, go to independent.py).
agree() {
	name=$1 db=$2 dir=$3 what=$4 key=$5 date=$6
	shift 6
	if [ "$what" = gaps ]; then
		"$COMPGAP" gaps --team "$key" --as-of "$date" --json --db "$db" \
			> "$WORK/theirs.json" 2> "$WORK/err"
		mode=compare
	else
		"$COMPGAP" person "$key" --as-of "$date" --json --db "$db" \
			> "$WORK/theirs.json" 2> "$WORK/err"
		mode=compare-person
	fi
	status=$?
	if [ "$status" -ne 0 ]; then
		not_ok "$name" "compgap $what $key exited with $status" "stderr: $(head -c 600 "$WORK/err")"
		return
	fi
	if python3 "$INDEP" "$dir" "$mode" "$key" "$date" "$WORK/theirs.json" "$@" \
		> "$WORK/cmp" 2>&1; then
		ok "$name"
	else
		not_ok "$name" "$(head -n 12 "$WORK/cmp")"
	fi
}

# ---------------------------------------------------------------- the demo

run demo --db "$WORK/demo.db"
expect_status "the demo is created" 0
export_lf "$WORK/demo.db" "$WORK/demo"

for team in kcc kcc-phone kcc-desk kcc-online kcc-back; do
	for date in 2025-12-31 2026-03-15 2026-06-30 2026-10-31 2027-01-01; do
		agree "demo: gaps --team $team --as-of $date agrees" \
			"$WORK/demo.db" "$WORK/demo" gaps "$team" "$date"
	done
done
for person in KCC-1015 KCC-1039 KCC-1053 KCC-1070; do
	for date in 2026-10-31 2026-04-01; do
		agree "demo: person $person --as-of $date agrees" \
			"$WORK/demo.db" "$WORK/demo" person "$person" "$date"
	done
done

# ---------------------------------------------------------------- hand-made

mkdir -p "$WORK/in"
cat > "$WORK/in/teams.csv" <<'EOF'
key,name,parent
org,Organisation,
org-sub,Sub-team,org
EOF
# Keys in mixed case, so that byte order differs from alphabetical order.
cat > "$WORK/in/competencies.csv" <<'EOF'
key,name,category,description,developability
listening,Listening,interpersonal,,high
Writing,Writing,craft,"Writes clearly, briefly",medium
planning,Planning,personal,=not a formula,low
EOF
cat > "$WORK/in/roles.csv" <<'EOF'
role,competency,required_level,weight
agent,listening,3,3
agent,Writing,2,2
agent,planning,3,1
lead,planning,4,3
lead,listening,3,2
EOF
# Names that export guards against formula injection ("-Dash" is written
# '-Dash, "'=Quoted" is written ''=Quoted); an id in lower case (byte order
# puts it last); a person without a role; an inactive person.
cat > "$WORK/in/people.csv" <<'EOF'
id,name,email,team,role,manager,active
P-01,Ann Lead,ann@example.org,org,lead,,1
P-02,-Dash Person,,org-sub,agent,P-01,1
P-03,''=Quoted,,org-sub,agent,P-01,1
a-04,No Role,,org-sub,,P-01,1
P-05,Gone Away,,org-sub,agent,P-01,0
EOF
# Evidence ids follow the order of this file, from 1. Cases:
#  1-2   P-01 planning: self 4, others 3: exactly 1 apart, a blind spot (>= 1)
#  3-5   P-01 listening: three rows of level 3 at different weights: the
#        level is exactly 3 and meets the required 3 (6: P-01 Writing,
#        which the lead role does not require)
#  7-8   P-02 Writing: self 4.5 against manager 2.5, a blind spot
#  10    P-02 listening: a wrong row, retracted below
#  12    P-02 planning: only after both as-of dates, so unassessed
#  13-14 P-03 listening: self 2 against peer 3.5, a hidden strength
#  15-16 P-03 Writing: one row on the as-of day 2026-03-01, one the day after
#  17-20 P-03 planning: others all 3, self 2: exactly -1, a hidden strength
#  21-23 the person without a role and the inactive person
cat > "$WORK/in/evidence.csv" <<'EOF'
person,competency,level,source,date,assessor,note
P-01,planning,3,assessment,2025-11-02,,
P-01,planning,4,self,2026-02-01,,
P-01,listening,3,assessment,2025-11-02,,
P-01,listening,3,manager,2026-01-06,,
P-01,listening,3,manager,2026-04-24,,
P-01,Writing,3.75,peer,2026-02-20,P-02,"=SUM(A1), not a formula"
P-02,Writing,2.5,manager,2026-01-15,P-01,
P-02,Writing,4.5,self,2026-02-10,,
P-02,listening,3.5,peer,2026-01-20,P-03,
P-02,listening,1,manager,2026-02-15,P-01,entered for the wrong person
P-02,listening,4,qa,2026-05-05,,
P-02,planning,2.25,customer,2026-07-15,,
P-03,listening,2,self,2026-01-10,,
P-03,listening,3.5,peer,2026-02-01,P-02,
P-03,Writing,2.125,test,2026-03-01,,
P-03,Writing,1.5,manager,2026-03-02,P-01,
P-03,planning,3,assessment,2025-11-02,,
P-03,planning,3,manager,2026-01-06,P-01,
P-03,planning,2,self,2026-04-04,,
P-03,planning,3,manager,2026-04-24,P-01,
a-04,listening,4,assessment,2026-01-05,,
P-05,listening,5,assessment,2026-01-05,,
P-05,Writing,1,self,2025-12-01,,
EOF

run init --db "$WORK/small.db"
for kind in teams competencies roles people evidence; do
	run import "$kind" "$WORK/in/$kind.csv" --db "$WORK/small.db"
	expect_status "hand-made: $kind import" 0
done
run show person P-02 --all --db "$WORK/small.db"
if grep -q '^ *10  2026-02-15  listening  *manager  *1 ' "$WORK/out"; then
	ok "hand-made: the wrong row has id 10"
else
	not_ok "hand-made: the wrong row has id 10" "$(head -n 30 "$WORK/out")"
fi
run retract 10 --reason x --db "$WORK/small.db"
expect_status "hand-made: retract the wrong row" 0
export_lf "$WORK/small.db" "$WORK/small"
if grep -q 'P-02,listening,1,' "$WORK/small/evidence.csv"; then
	not_ok "hand-made: the retracted row is not exported"
else
	ok "hand-made: the retracted row is not exported"
fi
if grep -q "^P-02,'-Dash Person," "$WORK/small/people.csv" &&
	grep -q "^P-03,''=Quoted," "$WORK/small/people.csv" &&
	grep -q ',0$' "$WORK/small/people.csv"; then
	ok "hand-made: the people export has guarded names and the active column"
else
	not_ok "hand-made: the people export has guarded names and the active column" \
		"$(cat "$WORK/small/people.csv")"
fi

for team in org org-sub; do
	for date in 2026-03-01 2026-06-30 2026-12-31; do
		agree "hand-made: gaps --team $team --as-of $date agrees" \
			"$WORK/small.db" "$WORK/small" gaps "$team" "$date"
	done
done
for person in P-01 P-02 P-03 a-04 P-05; do
	agree "hand-made: person $person --as-of 2026-03-01 agrees" \
		"$WORK/small.db" "$WORK/small" person "$person" 2026-03-01
done

# The independent implementation itself sees the crafted cases (so that the
# comparisons above are not of two equally wrong figures).
python3 "$INDEP" "$WORK/small" gaps org 2026-03-01 > "$WORK/ours.json"
python3 - "$WORK/ours.json" > "$WORK/cases" 2>&1 <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
m = {p["person"]: p for p in doc["members"]}
c = lambda p, k: [x for x in m[p]["competencies"] if x["competency"] == k][0]
checks = [
    ([p["person"] for p in doc["members"]] == ["P-01", "P-02", "P-03", "a-04"], "members"),
    (m["P-02"]["name"] == "-Dash Person" and m["P-03"]["name"] == "'=Quoted", "names"),
    (m["a-04"]["role"] is None and m["a-04"]["competencies"] == [], "no role"),
    (c("P-01", "planning")["flag"] == "blind_spot", "P-01 planning blind spot at exactly 1"),
    (c("P-02", "Writing")["flag"] == "blind_spot", "P-02 Writing blind spot"),
    (c("P-03", "listening")["flag"] == "hidden_strength", "P-03 hidden strength"),
    (c("P-02", "listening")["evidence"] == 1, "retracted and later rows left out"),
    (c("P-02", "planning")["level"] is None, "P-02 planning unassessed"),
    (c("P-03", "Writing")["level"] == 2.125, "a row on the as-of day counts"),
    ([x["competency"] for x in m["P-02"]["competencies"]] == ["listening", "Writing", "planning"], "role order"),
]
bad = [n for good, n in checks if not good]
print("\n".join(bad))
sys.exit(1 if bad else 0)
EOF
if [ $? -eq 0 ]; then ok "hand-made: the independent figures show the crafted cases"; else
	not_ok "hand-made: the independent figures show the crafted cases" "$(cat "$WORK/cases")"; fi
python3 "$INDEP" "$WORK/small" gaps org 2026-06-30 > "$WORK/ours.json"
python3 - "$WORK/ours.json" > "$WORK/cases" 2>&1 <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
m = {p["person"]: p for p in doc["members"]}
c = lambda p, k: [x for x in m[p]["competencies"] if x["competency"] == k][0]
bad = []
if not (c("P-01", "listening")["level"] == 3.0 and c("P-01", "listening")["meets"]):
    bad.append("P-01 listening: three rows of 3 give exactly 3, which meets 3")
if c("P-03", "planning")["flag"] != "hidden_strength":
    bad.append("P-03 planning: self 2, others all 3: a hidden strength at exactly -1")
print("\n".join(bad))
sys.exit(1 if bad else 0)
EOF
if [ $? -eq 0 ]; then ok "hand-made: the independent figures show the boundary cases"; else
	not_ok "hand-made: the independent figures show the boundary cases" "$(cat "$WORK/cases")"; fi

# Changed settings: a shorter half-life and less weight for self evidence.
run config set half_life 90 --db "$WORK/small.db"
expect_status "hand-made: config set half_life 90" 0
run config set weight.self 0.2 --db "$WORK/small.db"
expect_status "hand-made: config set weight.self 0.2" 0
for team in org org-sub; do
	for date in 2026-03-01 2026-06-30; do
		agree "hand-made, half-life 90, self 0.2: gaps --team $team --as-of $date agrees" \
			"$WORK/small.db" "$WORK/small" gaps "$team" "$date" \
			--half-life 90 --weight self=0.2
	done
done
agree "hand-made, half-life 90, self 0.2: person P-05 --as-of 2026-03-01 agrees" \
	"$WORK/small.db" "$WORK/small" person P-05 2026-03-01 \
	--half-life 90 --weight self=0.2

done_testing
