#!/bin/sh
# Calibration (issue 13, item 3; docs/methodology.md, "Calibration"): the
# pairs of views of one contact on a hand-computed month, each agent's
# and evaluator's mean alignment, the areas where the views differ most,
# the calibration sessions against the agreed score, and the API's
# document with its reach. On SQLite, or PostgreSQL with $COMPGAP_TEST_PG.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

COMPGAP_TODAY=2026-04-15
export COMPGAP_TODAY
DB=$WORK/c.db
run init --db "$DB"

cat > "$WORK/teams.csv" <<'CSV'
key,name,parent
org,Organisation,
q,Quality team,org
coaches,Coaches,org
other,Other team,org
CSV
cat > "$WORK/competencies.csv" <<'CSV'
key,name
listening,Active listening
knowledge,Product knowledge
CSV
cat > "$WORK/people.csv" <<'CSV'
id,name,team
A01,Agent 1,q
A02,Agent 2,q
A03,Agent 3,q
C1,Coach 1,coaches
C2,Coach 2,coaches
O1,Other,other
CSV
cat > "$WORK/scorecards.csv" <<'CSV'
scorecard,area,competency,weight,min,max,critical
phone,greeting,listening,1,0,1,false
phone,listening,listening,2,1,5,false
phone,correct,knowledge,3,1,5,true
CSV
for kind in teams competencies people scorecards; do
	run import "$kind" "$WORK/$kind.csv" --db "$DB"
	expect_status "import $kind" 0
done

# phone: greeting 0-1 (w 1), listening 1-5 (w 2), correct 1-5 (w 3)
H=evaluation,contact,channel,agent,evaluator,kind,date,area,score,comment
ev() { # KEY CONTACT AGENT EVALUATOR KIND DATE GREETING LISTENING CORRECT
	printf '%s,%s,phone,%s,%s,%s,%s,greeting,%s,\n' "$1" "$2" "$3" "$4" "$5" "$6" "$7"
	printf '%s,%s,phone,%s,%s,%s,%s,listening,%s,\n' "$1" "$2" "$3" "$4" "$5" "$6" "$8"
	printf '%s,%s,phone,%s,%s,%s,%s,correct,%s,\n' "$1" "$2" "$3" "$4" "$5" "$6" "$9"
}
{
	echo "$H"
	# K1 of A01: two coaches and the agent
	ev E1 K1 A01 C1 manager 2026-03-02 1 4 5        # 100 75 100
	ev E2 K1 A01 A01 self 2026-03-03 1 5 5          # 100 100 100
	ev E3 K1 A01 C2 manager 2026-03-04 0 4 4        # 0 75 75
	# K2 of A02: a calibration session; E7 is the agreed score
	ev E4 K2 A02 C1 calibration 2026-03-10 1 3 4    # 100 50 75
	ev E5 K2 A02 C2 calibration 2026-03-10 1 5 2    # 100 100 25
	ev E6 K2 A02 A03 calibration 2026-03-10 0 4 4   # 0 75 75
	ev E7 K2 A02 C1 manager 2026-03-11 1 4 4        # 100 75 75
	# K3 of A03: a peer and a coach
	ev E8 K3 A03 A01 peer 2026-03-15 1 5 5          # 100 100 100
	ev E9 K3 A03 C2 manager 2026-03-16 1 3 5        # 100 50 100
	# K4 of A02: a session without a manager evaluation
	ev E10 K4 A02 C2 calibration 2026-03-20 1 1 1   # 100 0 0
	# April: not in March's pairs
	ev E11 K1 A01 A01 self 2026-04-01 0 1 1
} > "$WORK/march.csv"
run import evaluations "$WORK/march.csv" --db "$DB"
expect_status "import the month" 0

# By hand (docs/methodology.md, "Calibration"):
#   self E2-E1: 0, 25, 0 with 1 2 3: 1 - 50/600 = 11/12
#   self E2-E3: 100, 25, 25: 1 - 225/600 = 0.625
#   coaches E1-E3 (C1, C2): 100, 0, 25: 1 - 175/600 = 425/600
#   coaches E8-E9 (A01, C2): 0, 50, 0: 1 - 100/600 = 5/6
#   session K2 against E7: E4 0 25 0: 11/12; E5 0 25 50: 2/3; E6 100 0 0: 5/6
#   session K4: no agreed score
# A01: (11/12 + 0.625) / 2; C1: (425/600 + 11/12) / 2 = 0.8125;
# C2: (425 + 400 + 500) / 1800; A01 and A03 as evaluators: 5/6.
# Areas over the 7 pairs with both views: greeting 300/7, listening
# 150/7, correct 100/7.
run calibration --team q --month 2026-03 --json --db "$DB"
expect_status "calibration --json" 0
cp "$WORK/out" "$WORK/cli.json"
pycheck "each agent's mean alignment of their self pairs" "$WORK/cli.json" '
a = {x["agent"]: x for x in d["agents"]}
assert list(a) == ["A01", "A02", "A03"], list(a)
near(a["A01"]["alignment"], (11/12 + 0.625) / 2); assert a["A01"]["pairs"] == 2
assert a["A02"]["alignment"] is None and a["A02"]["pairs"] == 0'
pycheck "each evaluator's of their coach pairs and sessions" "$WORK/cli.json" '
e = {x["evaluator"]: x for x in d["evaluators"]}
assert list(e) == ["A01", "A03", "C1", "C2"], list(e)
near(e["C1"]["alignment"], 0.8125); assert e["C1"]["pairs"] == 2
near(e["C2"]["alignment"], 1325 / 1800); assert e["C2"]["pairs"] == 3
near(e["A01"]["alignment"], 5 / 6); near(e["A03"]["alignment"], 5 / 6)'
pycheck "the areas where views differ most, largest first" "$WORK/cli.json" '
assert [x["area"] for x in d["areas"]] == ["greeting", "listening", "correct"]
assert [x["pairs"] for x in d["areas"]] == [7, 7, 7]
near(d["areas"][0]["mean_difference"], 300 / 7)
near(d["areas"][1]["mean_difference"], 150 / 7)
near(d["areas"][2]["mean_difference"], 100 / 7)'
pycheck "the pairs, named by their evaluations" "$WORK/cli.json" '
p = [(x["kind"], x["first"], x["second"]) for x in d["pairs"]]
assert p == [("self", "E2", "E1"), ("self", "E2", "E3"), ("evaluators", "E1", "E3"),
             ("evaluators", "E8", "E9")], p
near(d["pairs"][2]["alignment"], 425 / 600)
assert d["pairs"][2]["first_evaluator"] == "C1" and d["pairs"][2]["second_evaluator"] == "C2"'
pycheck "the sessions with each evaluator against the agreed score" "$WORK/cli.json" '
s = d["sessions"]
assert [(x["agent"], x["contact"], x["agreed"]) for x in s] == [("A02", "K2", "E7"),
        ("A02", "K4", None)], s
assert s[0]["agreed_evaluator"] == "C1"
v = {x["evaluator"]: x["alignment"] for x in s[0]["evaluations"]}
near(v["C1"], 11 / 12); near(v["C2"], 2 / 3); near(v["A03"], 5 / 6)
assert s[1]["evaluations"] == [{"evaluation": "E10", "evaluator": "C2", "alignment": None}]'

run calibration --team q --month 2026-03 --db "$DB"
expect_status "the text table" 0
expect_out "names the agent's alignment" "A01        2      0.771"
expect_out "and the session's agreed score" "session on contact K2 of A02: agreed score E7 (C1)"
expect_out "and the session without one" "session on contact K4 of A02: no manager evaluation"

run calibration --team q --month 2026-02 --json --db "$DB"
pycheck "a month without evaluations: nulls and empty lists" "$WORK/out" '
assert all(x["alignment"] is None for x in d["agents"]) and d["evaluators"] == []
assert d["areas"] == [] and d["pairs"] == [] and d["sessions"] == []'
run calibration --team q --month March --db "$DB"
expect_status "a month that is not one" 64
expect_err "is named" "--month takes a month YYYY-MM"
run calibration --team nothing --month 2026-03 --db "$DB"
expect_status "an unknown team" 65
run calibration --month 2026-03 --db "$DB"
expect_status "without --team" 64

# A retracted evaluation leaves the pairs: without E3, A01 has one pair.
run retract --evaluation E3 --reason "wrong recording" --db "$DB"
run calibration --team q --month 2026-03 --json --db "$DB"
pycheck "a retracted evaluation pairs no more" "$WORK/out" '
a = {x["agent"]: x for x in d["agents"]}
near(a["A01"]["alignment"], 11 / 12); assert a["A01"]["pairs"] == 1'
run quality --team q --month 2026-03 --json --db "$DB"
pycheck "and the quality view's alignment is the same" "$WORK/out" '
a = {x["agent"]: x for x in d["agents"]}
near(a["A01"]["alignment"], 11 / 12)'

# ---- the API ---------------------------------------------------------------
printf '%s\n' "$PASSWORD" | "$COMPGAP" user add hr1 --role hr --db "$DB" > /dev/null 2>&1
printf '%s\n' "$PASSWORD" | "$COMPGAP" user add emp1 --role employee --person A02 --db "$DB" > /dev/null 2>&1
printf '%s\n' "$PASSWORD" | "$COMPGAP" user add coach1 --role coach --teams other --db "$DB" > /dev/null 2>&1
printf '%s\n' "$PASSWORD" | "$COMPGAP" user add coach2 --role coach --teams q --db "$DB" > /dev/null 2>&1
run calibration --team q --month 2026-03 --json --db "$DB"
cp "$WORK/out" "$WORK/cli.json"
start_or_finish serve
login hr1
as hr1 "/api/v1/teams/q/calibration?month=2026-03"
expect_code "GET /api/v1/teams/q/calibration answers hr" 200
check "with the bytes of calibration --json" cmp -s "$WORK/b" "$WORK/cli.json"
as hr1 "/api/v1/teams/q/calibration"
expect_code "without month: 400" 400
expect_error "naming month" missing_parameter month
as hr1 "/api/v1/teams/q/calibration?month=2026-13"
expect_error "a month that is not one: 400 naming month" bad_month month
as hr1 "/api/v1/teams/q/calibration?month=2026-03&as_of=2026-03-01"
expect_code "another parameter: 400" 400
login emp1
as emp1 "/api/v1/teams/q/calibration?month=2026-03"
expect_code "an employee does not see the team's calibration" 404
login coach1
as coach1 "/api/v1/teams/q/calibration?month=2026-03"
expect_code "nor a coach of another team" 404
as coach1 "/api/v1/teams/other/calibration?month=2026-03"
expect_code "who sees their own team's" 200
pycheck "with its one agent and nothing to say" "$WORK/b" '
assert [a["agent"] for a in d["agents"]] == ["O1"] and d["agents"][0]["alignment"] is None'
login coach2
as coach2 "/api/v1/teams/q/calibration?month=2026-03"
expect_code "a coach of the team sees it" 200
cp "$WORK/b" "$WORK/coach2.json"
pycheck "without the evaluators beyond their reach, the figures of all" "$WORK/coach2.json" '
assert [x["evaluator"] for x in d["evaluators"]] == ["A01", "A03"], d["evaluators"]
s = d["sessions"][0]
assert s["agreed"] == "E7" and s["agreed_evaluator"] is None
assert [x["evaluator"] for x in s["evaluations"]] == [None, None, "A03"]
# without E3 (retracted above): greeting 100/5, listening 125/5, correct 50/5
assert [x["area"] for x in d["areas"]] == ["listening", "greeting", "correct"]
near(d["areas"][0]["mean_difference"], 25)'
stop

done_testing
