#!/bin/sh
# OKRs (issue 14; docs/methodology.md, "OKRs") on a hand-computed
# organisation: `compgap okr --json` gives each key result's baseline,
# current value, progress, status and forecast, and each objective's
# progress and status, for competency, metric (up and down, target equal
# to the baseline) and milestone key results; a competency key result
# moves when evidence arrives and its baseline does not; the gap link
# counts a key result's competency 1.5 times in the team's priority and
# names the key result on the line and on its recommendations. On
# SQLite, or PostgreSQL with $COMPGAP_TEST_PG.
. "$(dirname "$0")/lib.sh"

DB=$WORK/okr.db
run init --db "$DB"

cat > "$WORK/teams.csv" <<'CSV'
key,name,parent
org,Organisation,
t,Team,org
t1,Sub-team,t
o,Other team,org
CSV
cat > "$WORK/competencies.csv" <<'CSV'
key,name
listen,Active listening
know,Product knowledge
CSV
cat > "$WORK/roles.csv" <<'CSV'
role,competency,required_level,weight
agent,listen,3,1
agent,know,3,1
CSV
cat > "$WORK/people.csv" <<'CSV'
id,name,team,role,active
P1,Person 1,t,agent,true
P2,Person 2,t,agent,true
P3,Person 3,t,agent,true
P4,Person 4,t1,agent,true
P5,Person 5,t,agent,false
P6,Person 6,o,agent,true
CSV
# One row per pair: a person's level is that row's from its date on.
cat > "$WORK/evidence.csv" <<'CSV'
person,competency,level,source,date
P1,listen,4,manager,2026-01-10
P2,listen,3,manager,2026-02-15
P3,listen,2,manager,2026-01-05
P4,listen,3,manager,2026-03-20
P5,listen,5,manager,2026-01-02
P6,listen,5,manager,2026-01-02
P1,know,2.6,manager,2026-01-05
CSV
# O1 (t, the first quarter): KR1 competency listen >= 3 to 75 % (weight
# 2), KR2 first-contact resolution 60 -> 75. O2 (the organisation's
# year): KR3 milestone 0 -> 4, KR4 listen >= 3 to 50 % of everyone. O3
# (t, February): KR5 handling time 400 -> 360 s, KR6 errors kept at 2.
# O4 (t): no key results.
cat > "$WORK/objectives.csv" <<'CSV'
key,team,title,start,end,owner,parent
O2,,The organisation's year,2026,,,
O1,t,Listen first,2026-Q1,,P1,O2
O3,t,Shorter calls,2026-02,,,O2
O4,t,Nothing measured yet,2026-01-01,2026-03-31,,
CSV
cat > "$WORK/key_results.csv" <<'CSV'
objective,key,title,type,competency,level,target,start_value,unit,weight
O1,KR1,Three in four listen well,competency,listen,3,0.75,,,2
O1,KR2,First-contact resolution,metric,,,75,60,%,
O2,KR3,Processes moved,milestone,,,4,,processes,
O2,KR4,Half of everyone listens well,competency,listen,3,50%,,,
O3,KR5,Handling time,metric,,,360,400,s,
O3,KR6,Errors kept at 2,metric,,,2,2,errors,
CSV
cat > "$WORK/checkins.csv" <<'CSV'
key_result,date,value,confidence,note
KR2,2026-01-31,63,0.5,
KR2,2026-02-28,69,0.6,
KR2,2026-03-15,72,0.7,Callback script
KR3,2026-03-01,1,,
KR5,2026-02-10,390,,
KR5,2026-02-20,380,0.4,
CSV
for kind in teams competencies roles people evidence objectives key-results checkins; do
	file=$(echo "$kind" | tr - _).csv
	run import "$kind" "$WORK/$file" --db "$DB"
	expect_status "import $kind" 0
done

# As of 2026-02-20 (50 of O1's 89 days: expected 50/89):
#   KR1: t's active members P1..P4; at level 3 then P1 and P2: 2/4;
#     baseline as of 2026-01-01: nobody assessed, 0; progress 0.5/0.75 =
#     2/3, on track. Points (day 0: 0), (Jan 31, day 30: 1/4), (Feb 20,
#     day 50: 1/2): b = 3/304, a = -1/76: at the end (day 89) 263/304;
#     the target 3/4 on day 232/3 = 77.3, so day 78: 2026-03-20.
#   KR2: the check-in of Jan 31, 63: progress 3/15 = 0.2, below
#     50/89 - 0.25: off track. Points (0: 60), (30: 63): 68.9 at the end,
#     75 on day 150: 2026-05-31.
#   O1: (2 x 2/3 + 1 x 0.2) / 3 = 23/45, on track.
run okr --team t --as-of 2026-02-20 --json --db "$DB"
expect_status "okr --team t" 0
cp "$WORK/out" "$WORK/t.json"
pycheck "the team's board: objectives by start, then key" "$WORK/t.json" '
assert d["team"] == "t" and d["as_of"] == "2026-02-20"
assert [o["objective"] for o in d["objectives"]] == ["O1", "O4", "O3"], d["objectives"]
o = d["objectives"][0]
assert (o["start"], o["end"], o["owner"], o["parent"]) == ("2026-01-01", "2026-03-31", "P1", "O2")
near(o["expected"], F(50, 89))
near(o["progress"], F(23, 45))
assert o["status"] == "on_track"'
pycheck "a competency key result from the evidence" "$WORK/t.json" '
k = d["objectives"][0]["key_results"][0]
assert k["key_result"] == "KR1" and k["type"] == "competency" and k["level"] == 3
assert (k["members"], k["meeting"]) == (4, 2), k
near(k["baseline"], 0); near(k["current"], 0.5); near(k["target"], 0.75)
near(k["progress"], F(2, 3)); near(k["weight"], 2)
assert k["status"] == "on_track"
assert [p["date"] for p in k["history"]] == ["2026-01-01", "2026-01-31", "2026-02-20"], k["history"]
near(k["forecast"]["value_at_end"], F(263, 304))
assert k["forecast"]["target_met_on"] == "2026-03-20", k["forecast"]'
pycheck "a metric from its check-ins" "$WORK/t.json" '
k = d["objectives"][0]["key_results"][1]
assert k["key_result"] == "KR2" and k["type"] == "metric" and k["unit"] == "%"
near(k["baseline"], 60); near(k["current"], 63); near(k["progress"], 0.2); near(k["weight"], 1)
assert k["status"] == "off_track" and k["competency"] is None and k["level"] is None
near(k["forecast"]["value_at_end"], 68.9)
assert k["forecast"]["target_met_on"] == "2026-05-31"
assert [c["value"] for c in k["checkins"]] == [63, 69, 72]
assert k["checkins"][2]["note"] == "Callback script" and k["checkins"][2]["confidence"] == 0.7
# monthly: the next check-in a month after the latest by the day asked
assert k["next_checkin"] == "2026-02-28", k["next_checkin"]'
# O3, February (19 of 27 days: expected 19/27):
#   KR5 down: (380 - 400) / (360 - 400) = 0.5, under 19/27 - 0.1 but not
#     under 19/27 - 0.25: at risk. Points (0: 400), (9: 390), (19: 380):
#     b = -285/271, a = 108350/271; at the end (day 27) 100655/271; 360 on
#     day 37.86, so day 38: 2026-03-11.
#   KR6: the target equals the baseline and no check-in: reached, done.
#   O3: (0.5 + 1) / 2 = 0.75, on track (19/27 - 0.1 = 0.604).
pycheck "a metric going down, and one kept where it is" "$WORK/t.json" '
o = d["objectives"][2]
near(o["expected"], F(19, 27)); near(o["progress"], 0.75); assert o["status"] == "on_track"
k5, k6 = o["key_results"]
near(k5["progress"], 0.5); assert k5["status"] == "at_risk"
near(k5["forecast"]["value_at_end"], F(100655, 271))
assert k5["forecast"]["target_met_on"] == "2026-03-11"
near(k6["baseline"], 2); near(k6["current"], 2); near(k6["progress"], 1)
assert k6["status"] == "done"
# one point, the baseline: no forecast
assert k6["forecast"] == {"value_at_end": None, "target_met_on": None}, k6["forecast"]'
pycheck "an objective without key results has no progress" "$WORK/t.json" '
o = d["objectives"][1]
assert o["key_results"] == [] and o["progress"] is None and o["status"] is None
near(o["expected"], F(50, 89))'

# The organisation's year as of 2026-02-20 (50 of 364 days):
#   KR3 milestone from 0, no check-in by then: 0. KR4 counts every active
#   person, P1..P4 and P6 (P5 is not active): P1, P2, P6 at level 3, 3/5
#   = 0.6, past the target: progress 1. O2: (0 + 1) / 2 = 0.5.
run okr --as-of 2026-02-20 --json --db "$DB"
expect_status "okr of the organisation" 0
pycheck "the organisation's board counts everyone active" "$WORK/out" '
assert d["team"] is None
o, = d["objectives"]
assert o["objective"] == "O2" and o["team"] is None
near(o["expected"], F(50, 364))
k3, k4 = o["key_results"]
near(k3["baseline"], 0); near(k3["current"], 0); near(k3["progress"], 0)
assert (k4["members"], k4["meeting"]) == (5, 3)
near(k4["current"], 0.6); near(k4["target"], 0.5); near(k4["progress"], 1)
assert k4["status"] == "done"
near(o["progress"], 0.5); assert o["status"] == "on_track"'

# Before the start: no history, no forecast; the baseline is still the
# share as of the start.
run okr --team t --as-of 2025-12-15 --json --db "$DB"
pycheck "before the start" "$WORK/out" '
k = d["objectives"][0]["key_results"][0]
near(d["objectives"][0]["expected"], 0)
assert k["history"] == [] and k["forecast"]["value_at_end"] is None
near(k["baseline"], 0); near(k["current"], 0)'

# The gap link, as of 2026-02-20: listen's priority over the assessed
# P1 (gap 0), P2 (0), P3 (1) is 1/3, and 1.5 x 1/3 = 0.5 with KR1 (O1)
# and KR4 (O2, the organisation's) running; know's is P1's gap 0.4. So
# listen comes first, and names both key results. On 2027-01-15 neither
# runs: listen 1/4 (P4 assessed too), know 0.4 first.
run gaps --team t --as-of 2026-02-20 --json --db "$DB"
pycheck "a key result's competency counts 1.5 times in the priority" "$WORK/out" '
c = d["competencies"]
assert [x["competency"] for x in c] == ["listen", "know"], c
near(c[0]["priority"], 0.5); near(c[1]["priority"], 0.4)
assert c[0]["key_results"] == ["KR1", "KR4"], c[0]["key_results"]
assert c[1]["key_results"] == []'
run gaps --team t --as-of 2027-01-15 --json --db "$DB"
pycheck "no key result running: the priority as it was" "$WORK/out" '
c = d["competencies"]
assert [x["competency"] for x in c] == ["know", "listen"], c
near(c[1]["priority"], 0.25); assert c[1]["key_results"] == []'
run recommend --team t --as-of 2026-02-20 --json --db "$DB"
pycheck "the recommendations say which key results they serve" "$WORK/out" '
r = d["recommendations"]
assert r and all((x["key_results"] == ["KR1", "KR4"]) == (x["competency"] == "listen") for x in r), r
assert r[0]["competency"] == "listen", r[0]'

# What if: open development actions on listen. P3 (below the level)
# due 2026-03-15 counts; P4 (unassessed) due after O1's end does not;
# P1 already meets it; P2's action is done. So KR1 would reach (2 + 1)/4.
for a in "P3 2026-03-15" "P4 2026-05-01" "P1 2026-03-01" "P2 2026-03-01"; do
	set -- $a
	run plan add --person "$1" --competency listen --kind training --due "$2" --db "$DB"
	expect_status "plan add $1" 0
done
id=$(sql_value "SELECT id FROM plan_action WHERE person_id = (SELECT id FROM person WHERE key = 'P2')")
run plan set-status --id "$id" --status done --db "$DB"
run okr --team t --as-of 2026-02-20 --json --db "$DB"
pycheck "what if the planned actions raise their people to the level" "$WORK/out" '
k = d["objectives"][0]["key_results"][0]
assert k["what_if"]["planned"] == 1, k["what_if"]
near(k["what_if"]["projected"], 0.75)
assert "what_if" not in d["objectives"][0]["key_results"][1]'
run okr --team t --as-of 2026-02-20 --db "$DB"
expect_out "the table says what if" \
	"what if: 1 below the level with a development action due by the end; if each reaches it, 75%"

# Evidence dated after the start moves the current value and not the
# baseline: P3 at level 4 on 2026-02-18.
cat > "$WORK/more.csv" <<'CSV'
person,competency,level,source,date
P3,listen,4,manager,2026-02-18
CSV
run import evidence "$WORK/more.csv" --db "$DB"
run okr --team t --as-of 2026-02-20 --json --db "$DB"
pycheck "evidence moves the current value, not the baseline" "$WORK/out" '
k = d["objectives"][0]["key_results"][0]
near(k["baseline"], 0); near(k["current"], 0.75); near(k["progress"], 1)
assert k["status"] == "done" and k["meeting"] == 3'

# A team of one (t1: P4) is read pair by pair, not by a scan of the
# competency's sums: P4 reaches level 3 on 2026-03-20.
cat > "$WORK/o5.csv" <<'CSV'
key,team,title,start,end,owner,parent
O5,t1,The sub-team listens,2026-Q1,,,O1
CSV
cat > "$WORK/kr7.csv" <<'CSV'
objective,key,title,type,competency,level,target,start_value,unit,weight
O5,KR7,Everyone listens well,competency,listen,3,1,,,
CSV
run import objectives "$WORK/o5.csv" --db "$DB"
run import key-results "$WORK/kr7.csv" --db "$DB"
run okr --team t1 --as-of 2026-03-31 --json --db "$DB"
pycheck "a small team's key result, pair by pair" "$WORK/out" '
k = d["objectives"][0]["key_results"][0]
assert (k["members"], k["meeting"]) == (1, 1)
near(k["baseline"], 0); near(k["current"], 1); assert k["status"] == "done"
assert [p["value"] for p in k["history"]] == [0, 0, 0, 1], k["history"]'

run okr --team nosuch --db "$DB"
expect_status "an unknown team" 65
expect_err "an unknown team is named" "nosuch"
run okr --team t --as-of 2026-02-30 --db "$DB"
expect_status "a bad --as-of" 64
expect_err "a bad --as-of is named" "--as-of takes a date"

run okr --team t --as-of 2026-02-20 --db "$DB"
expect_status "the table" 0
expect_out "the table names the objective" "O1  Listen first"
expect_out "the table gives the status" "on_track"
done_testing
