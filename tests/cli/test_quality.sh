#!/bin/sh
# The quality loop's data (issue 13, step 2): scorecards (versioned) and
# evaluations imported, the evidence they give, corrections and
# retractions, `show evaluation` and `quality --json` on a hand-computed
# month (docs/methodology.md, "Quality evaluations"), bad files refused
# whole, and the API's document. On SQLite, or PostgreSQL with
# $COMPGAP_TEST_PG.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

COMPGAP_TODAY=2026-04-15
export COMPGAP_TODAY
DB=$WORK/q.db
run init --db "$DB"

# count SQL: the one number SQL gives.
# Team q has ten agents, A10 in its sub-team q-night (sub-teams' members
# count, as in gaps --team); the coach C1 works in another team.
cat > "$WORK/teams.csv" <<'CSV'
key,name,parent
org,Organisation,
q,Quality team,org
q-night,Night shift,q
coaches,Coaches,org
CSV
cat > "$WORK/competencies.csv" <<'CSV'
key,name
listening,Active listening
knowledge,Product knowledge
empathy,Empathy
CSV
cat > "$WORK/roles.csv" <<'CSV'
role,competency,required_level,weight
agent,listening,3,3
agent,knowledge,3,2
CSV
{
	echo "id,name,team,role"
	for i in 01 02 03 04 05 06 07 08 09; do echo "A$i,Agent $i,q,agent"; done
	echo "A10,Agent 10,q-night,agent"
	echo "C1,Coach,coaches,"
} > "$WORK/people.csv"
for kind in teams competencies roles people; do
	run import "$kind" "$WORK/$kind.csv" --db "$DB"
	expect_status "import $kind" 0
done

# ---- scorecards ------------------------------------------------------------
cat > "$WORK/scorecards.csv" <<'CSV'
scorecard,area,competency,weight,min,max,critical
phone,greeting,listening,1,0,1,false
phone,listening,listening,2,1,5,0
phone,correct,knowledge,3,1,5,true
chat,greeting,listening,1,0,1,no
chat,tone,empathy,1,0,3,
CSV
run import scorecards "$WORK/scorecards.csv" --db "$DB"
expect_status "import scorecards" 0
run import scorecards "$WORK/scorecards.csv" --db "$DB"
check "the same scorecards again add no version" \
	[ "$(sql_value "SELECT count(*) FROM scorecard_version")" = 2 ]
sed 's/^chat,tone,empathy,1,0,3,$/chat,tone,empathy,2,0,3,/' "$WORK/scorecards.csv" > "$WORK/sc2.csv"
run import scorecards "$WORK/sc2.csv" --db "$DB"
check "a scorecard whose areas changed gets version 2" \
	[ "$(sql_value "SELECT max(v.version) FROM scorecard_version v JOIN scorecard s ON s.id = v.scorecard_id WHERE s.name = 'chat'")" = 2 ]
check "and the unchanged one stays at version 1" \
	[ "$(sql_value "SELECT max(v.version) FROM scorecard_version v JOIN scorecard s ON s.id = v.scorecard_id WHERE s.name = 'phone'")" = 1 ]
run export scorecards --db "$DB" --lf
expect_out "the export holds the latest version" "chat,tone,empathy,2,0,3,0"

cat > "$WORK/badsc.csv" <<'CSV'
scorecard,area,competency,weight,min,max,critical
x,a,listening,0,0,1,false
x,b,nothing,1,0,1,false
x,c,listening,1,5,1,false
x,d,listening,1,0,1,maybe
x,e,listening,1,0,1,1
x,e,empathy,2,1,5,0
CSV
run import scorecards "$WORK/badsc.csv" --db "$DB"
expect_status "a bad scorecard file is refused" 65
expect_err "weight above 0" "badsc.csv:2: weight: weight 0 is out of range"
expect_err "unknown competency" "badsc.csv:3: competency: unknown competency 'nothing'"
expect_err "min below max" "badsc.csv:4: max: max 1 is not above min 5"
expect_err "critical is true or false" "badsc.csv:5: critical: 'maybe' is not true or false"
expect_err "an area once per scorecard" "badsc.csv:7: area: 'scorecard x, area e' appears twice in this file (first on line 6)"
check "and nothing of it is stored" [ "$(sql_value "SELECT count(*) FROM scorecard WHERE name = 'x'")" = 0 ]

# ---- evaluations of March 2026 ---------------------------------------------
# phone: greeting 0-1 (w 1), listening 1-5 (w 2), correct 1-5 (w 3, critical)
H=evaluation,contact,channel,agent,evaluator,kind,date,area,score,comment
ev() { # KEY CONTACT AGENT EVALUATOR KIND DATE GREETING LISTENING CORRECT
	printf '%s,%s,phone,%s,%s,%s,%s,greeting,%s,\n' "$1" "$2" "$3" "$4" "$5" "$6" "$7"
	printf '%s,%s,phone,%s,%s,%s,%s,listening,%s,\n' "$1" "$2" "$3" "$4" "$5" "$6" "$8"
	printf '%s,%s,phone,%s,%s,%s,%s,correct,%s,"checked, twice"\n' "$1" "$2" "$3" "$4" "$5" "$6" "$9"
}
{
	echo "$H"
	ev E101 K101 A01 C1 manager 2026-03-02 1 5 5     # 100: praise
	ev E102 K102 A01 C1 manager 2026-03-09 1 4 4     # (100 + 150 + 225) / 6
	ev E103 K103 A01 C1 manager 2026-03-16 0 3 5     # (0 + 100 + 300) / 6
	ev E104 K104 A01 C1 manager 2026-03-23 1 5 2     # correct 25 %: auto-fail
	ev E201 K2 A02 C1 manager 2026-03-05 1 2 3       # 50 (not under 50: no fail)
	ev E202 K2 A02 A02 self 2026-03-05 1 4 5         # the agent's view of K2
	ev E301 K301 A03 C1 manager 2026-03-10 1 3 5
	ev E401 K401 A04 A05 peer 2026-03-11 1 3 4
	ev E601 K601 A06 C1 calibration 2026-03-12 1 1 1 # feeds nothing, counts not
	ev E701 K701 A07 C1 manager 2026-03-13 1 4 3
	ev E801 K801 A08 C1 manager 2026-03-14 1 1 1     # to be retracted
	ev E1001 K1001 A10 C1 manager 2026-03-20 1 5 5
	ev E105 K105 A01 C1 manager 2026-04-01 0 1 1     # April: not in March
} > "$WORK/march.csv"
# A chat evaluation names its scorecard: greeting alone would fit both.
cat > "$WORK/chat.csv" <<'CSV'
evaluation,contact,channel,agent,evaluator,kind,date,area,score,comment,scorecard
E901,K901,chat,A09,C1,manager,2026-03-18,greeting,1,,chat
E901,K901,chat,A09,C1,manager,2026-03-18,tone,1,,chat
CSV
run import evaluations "$WORK/march.csv" --db "$DB"
expect_status "import the evaluations of March" 0
expect_out "every row is counted" "imported 39 evaluations rows"
run import evaluations "$WORK/chat.csv" --db "$DB"
expect_status "an evaluation that names its scorecard" 0
run check --db "$DB"
expect_status "the running sums and histories agree with the rows" 0

run show evaluation E102 --json --db "$DB"
expect_status "show evaluation --json" 0
cp "$WORK/out" "$WORK/e102.json"
pycheck "E102: percentages 100, 75, 75 and score 475/6, not rounded" "$WORK/e102.json" '
assert [a["area"] for a in d["areas"]] == ["greeting", "listening", "correct"], d["areas"]
near(d["areas"][0]["percentage"], 100); near(d["areas"][1]["percentage"], 75)
near(d["areas"][2]["percentage"], 75)
near(d["score"], F(475, 6))
assert d["auto_failed"] is False and d["praise"] is False
assert d["areas"][2]["comment"] == "checked, twice" and d["version"] == 1
assert all(isinstance(a["evidence"], int) for a in d["areas"])'
run show evaluation E104 --json --db "$DB"
cp "$WORK/out" "$WORK/e104.json"
pycheck "E104: a critical area under 50 % fails the evaluation: score 0" "$WORK/e104.json" '
near(d["areas"][2]["percentage"], 25); near(d["score"], 0)
assert d["auto_failed"] is True and d["praise"] is False'
run show evaluation E101 --json --db "$DB"
cp "$WORK/out" "$WORK/e101.json"
pycheck "E101: 100 is praise" "$WORK/e101.json" 'near(d["score"], 100); assert d["praise"] is True'
run show evaluation E201 --json --db "$DB"
cp "$WORK/out" "$WORK/e201.json"
pycheck "E201: a critical area at exactly 50 % does not fail" "$WORK/e201.json" '
near(d["score"], 50); assert d["auto_failed"] is False'
run show evaluation E601 --json --db "$DB"
cp "$WORK/out" "$WORK/e601.json"
pycheck "a calibration gives no evidence" "$WORK/e601.json" '
assert [a["evidence"] for a in d["areas"]] == [None, None, None]; assert d["feeds"] is None'
run show evaluation E201 --db "$DB"
expect_out "the text form shows the percentages" "25.00"
run show evaluation NOPE --db "$DB"
expect_status "an unknown evaluation is an error" 65

# ---- the evidence they give ------------------------------------------------
# As of the day of E201 and E202 every weight is its source weight: qa 0.8,
# self 0.4. Listening rows: greeting (100 %: 5) and listening (25 %: 2)
# from the manager, greeting (5) and listening (75 %: 4) from the self view.
run explain --person A02 --competency listening --as-of 2026-03-05 --json --db "$DB"
cp "$WORK/out" "$WORK/x1.json"
pycheck "the rows: source qa and self, levels 1 + 4p/100, dated on the evaluation" "$WORK/x1.json" '
rows = sorted((r["evaluation"], r["source"], r["level"], r["date"], r["assessor"]) for r in d["rows"])
assert rows == [("E201", "qa", 2.0, "2026-03-05", "C1"), ("E201", "qa", 5.0, "2026-03-05", "C1"),
                ("E202", "self", 4.0, "2026-03-05", "A02"), ("E202", "self", 5.0, "2026-03-05", "A02")], rows
near(d["level"], F(92, 24))'
run gaps --team q --as-of 2026-03-05 --json --db "$DB"
cp "$WORK/out" "$WORK/g1.json"
pycheck "the agent's level in gaps is the one the evidence rule gives" "$WORK/g1.json" '
m = [m for m in d["members"] if m["person"] == "A02"][0]
c = [c for c in m["competencies"] if c["competency"] == "listening"][0]
near(c["level"], F(92, 24)); near(c["self_level"], F(9, 2)); near(c["others_level"], F(7, 2))
assert c["evidence"] == 4'
run explain --person A02 --competency listening --as-of 2026-03-05 --db "$DB"
expect_out "explain's table names the evaluation" "E202"
run explain --person A09 --competency empathy --as-of 2026-03-18 --json --db "$DB"
cp "$WORK/out" "$WORK/x2.json"
pycheck "a level of a third is stored rounded to 6 decimals" "$WORK/x2.json" '
assert [r["level"] for r in d["rows"]] == [2.333333], d["rows"]'
run explain --person A06 --competency knowledge --json --db "$DB"
cp "$WORK/out" "$WORK/x3.json"
pycheck "the calibrated agent has no evidence" "$WORK/x3.json" 'assert d["rows"] == [] and d["level"] is None'
run export evidence --db "$DB" --lf
check "the evidence export leaves the evaluations' rows to evaluations.csv" \
	[ "$(wc -l < "$WORK/out")" -eq 1 ]

# ---- the month -------------------------------------------------------------
run quality --team q --month 2026-03 --json --db "$DB"
expect_status "quality --json" 0
cp "$WORK/out" "$WORK/march.json"
pycheck "the month: agents, cadence, scores, alignment, alerts, praise" "$WORK/march.json" '
assert list(d) == ["team", "month", "target", "agents", "areas", "group_coaching"], list(d)
assert (d["team"], d["month"], d["target"]) == ("q", "2026-03", 4)
a = {x["agent"]: x for x in d["agents"]}
assert sorted(a) == ["A%02d" % i for i in range(1, 11)], sorted(a)
for x in d["agents"]:
    assert list(x) == ["agent", "evaluations", "quality_score", "under_target", "alignment", "alerts", "praise"]
assert a["A01"]["evaluations"] == 4 and a["A01"]["under_target"] is False
near(a["A01"]["quality_score"], (100 + F(475, 6) + F(400, 6) + 0) / 4)
assert (a["A01"]["alerts"], a["A01"]["praise"]) == (1, 1)
assert a["A02"]["evaluations"] == 1 and a["A02"]["under_target"] is True
near(a["A02"]["quality_score"], 50)
near(a["A02"]["alignment"], 1 - F(1 * 0 + 2 * 50 + 3 * 50, 6 * 100))
assert a["A01"]["alignment"] is None
assert a["A06"]["evaluations"] == 0 and a["A06"]["quality_score"] is None
assert a["A04"]["evaluations"] == 1
near(a["A04"]["quality_score"], F(425, 6))
assert a["A10"]["praise"] == 1 and a["A10"]["evaluations"] == 1
assert a["A08"]["evaluations"] == 1'
pycheck "the areas: means, agents under 70 %, group coaching at 3 of 10" "$WORK/march.json" '
r = {x["area"]: x for x in d["areas"]}
# Areas are known by name: the greeting of the chat scorecard (A09) is one
# with that of the phone scorecard.
assert [x["area"] for x in d["areas"]] == ["correct", "greeting", "listening", "tone"]
# A08 (1, 1, 1 with E801) counts until it is retracted below
near(r["greeting"]["mean_percentage"], F(100 * 10, 11))
near(r["tone"]["mean_percentage"], F(100, 3))
assert r["tone"]["below_70"] == ["A09"]
near(r["listening"]["mean_percentage"], F(100 + 75 + 50 + 100 + 25 + 50 + 50 + 75 + 0 + 100, 10))
near(r["correct"]["mean_percentage"], F(100 + 75 + 100 + 25 + 50 + 100 + 75 + 50 + 0 + 100, 10))
assert r["listening"]["below_70"] == ["A02", "A03", "A04", "A08"], r["listening"]
assert r["correct"]["below_70"] == ["A02", "A07", "A08"], r["correct"]
assert r["greeting"]["below_70"] == []
assert d["group_coaching"] == [{"area": "correct", "agents": ["A02", "A07", "A08"]},
                               {"area": "listening", "agents": ["A02", "A03", "A04", "A08"]}], d["group_coaching"]'

# ---- retract a whole evaluation --------------------------------------------
run retract --evaluation E801 --reason "wrong recording" --db "$DB"
expect_status "retract --evaluation" 0
expect_out "it says how many evidence rows went with it" "retracted evaluation E801 and its 3 evidence rows"
check "its rows are retracted, the reason naming it" \
	[ "$(sql_value "SELECT count(*) FROM retraction WHERE reason = 'evaluation ''E801'' retracted: wrong recording'")" = 3 ]
run retract --evaluation E801 --reason "again" --db "$DB"
expect_status "a retracted evaluation cannot be retracted again" 65
expect_err "the message says when" "evaluation 'E801' was retracted already"
run check --db "$DB"
expect_status "the sums agree after the retraction" 0
run quality --team q --month 2026-03 --json --db "$DB"
cp "$WORK/out" "$WORK/march2.json"
pycheck "without E801: group coaching at exactly 3 agents of 10 on listening, none at 2 on correct" "$WORK/march2.json" '
a = {x["agent"]: x for x in d["agents"]}
assert a["A08"]["evaluations"] == 0 and a["A08"]["quality_score"] is None
r = {x["area"]: x for x in d["areas"]}
near(r["greeting"]["mean_percentage"], 90)
near(r["listening"]["mean_percentage"], F(625, 9))
near(r["correct"]["mean_percentage"], F(675, 9))
assert r["listening"]["below_70"] == ["A02", "A03", "A04"]
assert r["correct"]["below_70"] == ["A02", "A07"]
assert d["group_coaching"] == [{"area": "listening", "agents": ["A02", "A03", "A04"]}], d["group_coaching"]'
run quality --team q --month 2026-03 --db "$DB"
expect_out "the text form suggests the group" "group coaching on listening: A02, A03, A04"
run quality --team q --month 2026-3 --db "$DB"
expect_status "a month that is not YYYY-MM is a usage error" 64
run quality --team nope --month 2026-03 --db "$DB"
expect_status "an unknown team is refused" 65
run config set qa_target_per_month 1 --db "$DB"
run quality --team q --month 2026-03 --json --db "$DB"
cp "$WORK/out" "$WORK/march3.json"
pycheck "the target is the setting qa_target_per_month" "$WORK/march3.json" '
a = {x["agent"]: x for x in d["agents"]}
assert d["target"] == 1 and a["A02"]["under_target"] is False and a["A06"]["under_target"] is True'
run quality --team q --month 2026-03 --due --json --db "$DB"
cp "$WORK/out" "$WORK/due1.json"
pycheck "with target 1 nobody who was evaluated is due in March" "$WORK/due1.json" '
assert d["target"] == 1 and d["due"] == [], d'
run config set qa_target_per_month 0 --db "$DB"
run quality --team q --month 2026-04 --due --json --db "$DB"
cp "$WORK/out" "$WORK/due0.json"
pycheck "a target of 0 lists nobody" "$WORK/due0.json" 'assert d["due"] == [], d'
run config set qa_target_per_month 2.5 --db "$DB"
expect_status "the target is a whole number from 0" 65
run config set qa_target_per_month 4 --db "$DB"

# ---- the reminder list -----------------------------------------------------
run quality --team q --month 2026-03 --due --json --db "$DB"
cp "$WORK/out" "$WORK/due3.json"
pycheck "due in March: the agents evaluated under 4 times, not A01 (4), A06 (calibration only) nor A08 (retracted)" "$WORK/due3.json" '
assert [(x["agent"], x["evaluations"], x["missing"]) for x in d["due"]] == [
    ("A02", 1, 3), ("A03", 1, 3), ("A04", 1, 3), ("A07", 1, 3), ("A09", 1, 3), ("A10", 1, 3)], d'
run quality --team q --due --json --db "$DB"
cp "$WORK/out" "$WORK/due4.json"
pycheck "without --month, this month (April): those evaluated in March are due, the fewest evaluations first" "$WORK/due4.json" '
assert d["month"] == "2026-04", d["month"]
assert [(x["agent"], x["evaluations"]) for x in d["due"]] == [
    ("A02", 0), ("A03", 0), ("A04", 0), ("A07", 0), ("A09", 0), ("A10", 0), ("A01", 1)], d'
run quality --team q --due --db "$DB"
expect_out "the text form counts them" "q, 2026-04: 7 agents due evaluations (target 4)"
run quality --team q --month 2026-07 --due --db "$DB"
expect_out "three months on, nobody is due" "every agent has the 4 evaluations of the target"

# ---- a correction ----------------------------------------------------------
{ echo "$H"; ev E201 K2 A02 C1 manager 2026-03-05 1 3 3; } > "$WORK/fix.csv"
run import evaluations "$WORK/fix.csv" --db "$DB"
expect_status "an evaluation imported again with other scores corrects it" 0
check "its three old rows are retracted, naming it" \
	[ "$(sql_value "SELECT count(*) FROM retraction WHERE reason = 'evaluation ''E201'' corrected'")" = 3 ]
run explain --person A02 --competency listening --as-of 2026-03-05 --json --db "$DB"
cp "$WORK/out" "$WORK/x4.json"
pycheck "the new rows replace them: listening 50 % is level 3" "$WORK/x4.json" '
rows = sorted((r["evaluation"], r["source"], r["level"]) for r in d["rows"])
assert rows == [("E201", "qa", 3.0), ("E201", "qa", 5.0), ("E202", "self", 4.0), ("E202", "self", 5.0)], rows
near(d["level"], F(100, 24))'
run gaps --team q --as-of 2026-03-05 --json --db "$DB"
cp "$WORK/out" "$WORK/g2.json"
pycheck "and gaps follows" "$WORK/g2.json" '
m = [m for m in d["members"] if m["person"] == "A02"][0]
c = [c for c in m["competencies"] if c["competency"] == "listening"][0]
near(c["level"], F(100, 24)); assert c["evidence"] == 4'
run import evaluations "$WORK/fix.csv" --db "$DB"
check "the same evaluation again changes nothing" \
	[ "$(sql_value "SELECT count(*) FROM retraction WHERE reason = 'evaluation ''E201'' corrected'")" = 3 ]
run check --db "$DB"
expect_status "the sums agree after the correction" 0
{ echo "$H"; ev E801 K801 A08 C1 manager 2026-03-14 1 2 2; } > "$WORK/revive.csv"
run import evaluations "$WORK/revive.csv" --db "$DB"
expect_status "a retracted evaluation cannot be imported again" 65
expect_err "the message says so and what to do" "revive.csv:2: evaluation: evaluation 'E801' was retracted"

# ---- bad files are refused whole ------------------------------------------
before=$(sql_value "SELECT count(*) FROM evaluation_score")
before_ev=$(sql_value "SELECT count(*) FROM evidence")
cat > "$WORK/bad.csv" <<'CSV'
evaluation,contact,channel,agent,evaluator,kind,date,area,score,comment
N1,K9,phone,A05,C1,manager,2026-03-20,greeting,1,
N1,K9,fax,A05,C1,manager,2026-03-20,listening,3,
N2,K9,phone,A05,C1,boss,2026-03-20,greeting,1,
N3,K9,phone,A05,C1,manager,2026-03-20,listening,9,
N3,K9,phone,A05,C1,manager,2026-03-20,listening,2,
N4,K9,phone,A05,C1,self,2026-03-20,greeting,1,
N5,K9,phone,NOBODY,C1,manager,2026-03-20,greeting,1,
N6,K9,phone,A05,C1,manager,2029-03-20,greeting,1,
N7,K9,phone,A05,C1,manager,2026-03-20,greeting,1,
N7,K10,phone,A05,C1,manager,2026-03-20,correct,3,
N8,K9,phone,A05,C1,manager,2026-03-20,nothing,1,
N9,K9,chat,A05,C1,manager,31-03-2026,greeting,1,
N10,K9,phone,A05,C1,manager,2026-03-20,correct,x,
CSV
run import evaluations "$WORK/bad.csv" --db "$DB"
expect_status "a file with bad rows is refused" 65
expect_err "channel" "bad.csv:3: channel: unknown channel 'fax'; use one of phone, email, chat, social, desk"
expect_err "kind" "bad.csv:4: kind: unknown kind 'boss'; use one of manager, peer, self, calibration"
expect_err "score within the area's scale" "bad.csv:5: score: score 9 is outside the scale of area 'listening' on scorecard 'phone', 1 to 5"
expect_err "an area once per evaluation" "bad.csv:6: area: area 'listening' is scored twice in evaluation 'N3' (first on line 5)"
expect_err "a self evaluation is the agent's own" "bad.csv:7: evaluator: a self evaluation is the agent's own"
expect_err "the agent exists" "bad.csv:8: agent: unknown agent 'NOBODY'"
expect_err "a future date" "bad.csv:9: date: 2029-03-20 is"
expect_err "the rows of one evaluation agree" "bad.csv:11: contact: 'K10' differs from line 10 ('K9')"
expect_err "no scorecard has the areas" "bad.csv:12: area: no scorecard has all the areas of evaluation 'N8' (nothing)"
expect_err "a comma file keeps ISO dates" "bad.csv:13: date:"
expect_err "a score is a number" "bad.csv:14: score: score 'x' is not a number"
check "nothing of the file is stored" [ "$(sql_value "SELECT count(*) FROM evaluation_score")" = "$before" ]
check "and no evidence" [ "$(sql_value "SELECT count(*) FROM evidence")" = "$before_ev" ]
cat > "$WORK/ambiguous.csv" <<'CSV'
evaluation,contact,channel,agent,evaluator,kind,date,area,score,comment
M1,K9,chat,A05,C1,manager,2026-03-20,greeting,1,
CSV
run import evaluations "$WORK/ambiguous.csv" --db "$DB"
expect_status "areas that fit two scorecards are refused" 65
expect_err "naming the line, the areas and the scorecards" \
	"ambiguous.csv:2: area: the areas of evaluation 'M1' (greeting) are on scorecards 'phone' and 'chat'; name the one it was scored on in a column scorecard"
run import evaluations "$WORK/march.csv" --db "$DB" --allow-future
check "an import with corrections and unchanged ones again" [ "$STATUS" -eq 65 ]
expect_err "(E801 is retracted: the whole file is refused)" "evaluation 'E801' was retracted"

# ---- export and import into another database -------------------------------
run export evaluations --db "$DB" --lf
expect_status "export evaluations" 0
cp "$WORK/out" "$WORK/evaluations-out.csv"
check "the export leaves the retracted evaluation out" sh -c "! grep -q '^E801,' '$WORK/evaluations-out.csv'"
expect_out "and names each row's scorecard" "E901,K901,chat,A09,C1,manager,2026-03-18,tone,1,,chat"

# ---- a copy, and the erasure of an agent and of an evaluator --------------
run copy --from "$DB" --to "$WORK/copy.db"
expect_status "compgap copy takes the scorecards and evaluations along" 0
run export evaluations --db "$WORK/copy.db" --lf
check "the copy's evaluations are the same" cmp -s "$WORK/out" "$WORK/evaluations-out.csv"
run privacy erase --person A02 --yes --db "$WORK/copy.db"
expect_status "an agent with evaluations can be erased" 0
run privacy erase --person A05 --yes --db "$WORK/copy.db"
expect_status "and an evaluator" 0
DB_SAVED=$DB
DB=$WORK/copy.db
check "the agent's evaluations went with them" \
	[ "$(sql_value "SELECT count(*) FROM evaluation WHERE key IN ('E201', 'E202')")" = 0 ]
check "the evaluations the evaluator made stay, without them" \
	[ "$(sql_value "SELECT count(*) FROM evaluation WHERE key = 'E401' AND evaluator_id IS NULL")" = 1 ]
DB=$DB_SAVED
run check --db "$WORK/copy.db"
expect_status "the copy's sums agree after the erasures" 0
run config set evidence_retention_years 1 --db "$WORK/copy.db"
COMPGAP_TODAY=2027-06-01
run privacy purge --db "$WORK/copy.db"
COMPGAP_TODAY=2026-04-15
expect_status "the retention purge removes the evaluations' old rows" 0
run show evaluation E101 --json --db "$WORK/copy.db"
cp "$WORK/out" "$WORK/e101p.json"
pycheck "and the area scores keep the evaluation without the rows" "$WORK/e101p.json" '
assert [a["evidence"] for a in d["areas"]] == [None, None, None]; near(d["score"], 100)'

# ---- the API ---------------------------------------------------------------
printf '%s\n' "$PASSWORD" | "$COMPGAP" user add hr1 --role hr --db "$DB" > /dev/null 2>&1
printf '%s\n' "$PASSWORD" | "$COMPGAP" user add emp1 --role employee --person A02 --db "$DB" > /dev/null 2>&1
printf '%s\n' "$PASSWORD" | "$COMPGAP" user add coach1 --role coach --teams q-night --db "$DB" > /dev/null 2>&1
run quality --team q --month 2026-03 --json --db "$DB"
cp "$WORK/out" "$WORK/cli.json"
run quality --team q --month 2026-03 --due --json --db "$DB"
cp "$WORK/out" "$WORK/due-cli.json"
start_or_finish serve
login hr1
as hr1 "/api/v1/teams/q/quality?month=2026-03"
expect_code "GET /api/v1/teams/q/quality answers hr" 200
check "with the bytes of quality --json" cmp -s "$WORK/b" "$WORK/cli.json"
as hr1 "/api/v1/teams/q/quality"
expect_code "without month: 400" 400
expect_error "naming month" missing_parameter month
as hr1 "/api/v1/teams/q/quality?month=March"
expect_error "a month that is not one: 400 naming month" bad_month month
login emp1
as emp1 "/api/v1/teams/q/quality?month=2026-03"
expect_code "an employee does not see the team's quality" 404
login coach1
as coach1 "/api/v1/teams/q-night/quality?month=2026-03"
expect_code "a coach sees their team's" 200
cp "$WORK/b" "$WORK/coach.json"
pycheck "with its one agent" "$WORK/coach.json" '
assert [a["agent"] for a in d["agents"]] == ["A10"] and d["agents"][0]["praise"] == 1'
as coach1 "/api/v1/teams/q/quality?month=2026-03"
expect_code "and not a team beyond their reach" 404
as coach1 "/api/v1/teams/q-night/quality/due"
expect_code "a coach has their team's reminder list" 200
cp "$WORK/b" "$WORK/coachdue.json"
pycheck "of this month, with their agent" "$WORK/coachdue.json" '
assert d["month"] == "2026-04" and [x["agent"] for x in d["due"]] == ["A10"], d'
as coach1 "/api/v1/teams/q/quality/due"
expect_code "but not of a team beyond their reach" 404
as hr1 "/api/v1/teams/q/quality/due?month=2026-03"
check "hr gets the bytes of quality --due --json" cmp -s "$WORK/b" "$WORK/due-cli.json"
as hr1 "/api/v1/teams/q/quality/due?month=03-2026"
expect_error "a month that is not one: 400 naming month" bad_month month
as hr1 "/api/v1/people/A06" -X DELETE -H "X-CSRF-Token: $CSRF_hr1"
expect_code "a person with evaluations and no evidence is not deleted" 409
check "the message says why" grep -q "1 quality evaluation; deactivate the person instead" "$WORK/b"
as hr1 "/api/v1/competencies/empathy" -X DELETE -H "X-CSRF-Token: $CSRF_hr1"
expect_code "nor a competency that a scorecard uses" 409
check "the message names its scorecard areas" grep -q "2 scorecard areas" "$WORK/b"
as hr1 "/api/v1/exports/evaluations"
expect_code "hr exports the evaluations" 200
as coach1 "/api/v1/exports/evaluations"
check "a coach's export holds only their agents' evaluations" \
	sh -c "[ \"\$(tail -n +2 '$WORK/b' | cut -d, -f4 | sort -u | tr -d '\r')\" = A10 ]"
stop

done_testing
