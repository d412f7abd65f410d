#!/bin/sh
# Coaching sessions (issue 13 item 6; docs/methodology.md, "Coaching
# sessions"): a session recorded from its JSON document with the
# evaluations discussed, STAR notes and development items; a later one
# following the items up; the lists of a person and a team; bad documents
# refused whole, naming the field; and over the API who records and who
# sees what (docs/security.md, "Coaching notes"): a coach only for the
# agents of their teams, an agent their own sessions and notes and nobody
# else's. On SQLite, or PostgreSQL with $COMPGAP_TEST_PG.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

COMPGAP_TODAY=2026-04-15
export COMPGAP_TODAY
DB=$WORK/c.db
run init --db "$DB"

# Team q: A1 and A2 (A1 reports to M1), A3 in the sub-team q-night; B1 in
# team other; C1 coaches.
cat > "$WORK/teams.csv" <<'CSV'
key,name,parent
org,Organisation,
q,Quality team,org
q-night,Night shift,q
other,Other team,org
coaches,Coaches,org
CSV
cat > "$WORK/competencies.csv" <<'CSV'
key,name
listening,Active listening
knowledge,Product knowledge
empathy,Empathy
CSV
cat > "$WORK/people.csv" <<'CSV'
id,name,team,manager
M1,Manager,q,
A1,Agent 1,q,M1
A2,Agent 2,q,
A3,Agent 3,q-night,
B1,Agent B,other,
C1,Coach,coaches,
C2,Coach 2,coaches,
C3,Coach 3,coaches,
CSV
for kind in teams competencies people; do
	run import "$kind" "$WORK/$kind.csv" --db "$DB"
	expect_status "import $kind" 0
done
cat > "$WORK/scorecards.csv" <<'CSV'
scorecard,area,competency,weight,min,max,critical
phone,greeting,listening,1,0,1,false
phone,correct,knowledge,3,1,5,true
CSV
run import scorecards "$WORK/scorecards.csv" --db "$DB"
cat > "$WORK/evaluations.csv" <<'CSV'
evaluation,contact,channel,agent,evaluator,kind,date,area,score,comment
E1,K1,phone,A1,C1,manager,2026-03-02,greeting,1,
E1,K1,phone,A1,C1,manager,2026-03-02,correct,2,wrong tariff
E2,K2,phone,A2,C1,manager,2026-03-03,greeting,0,
E2,K2,phone,A2,C1,manager,2026-03-03,correct,3,
E3,K3,phone,B1,C1,manager,2026-03-04,greeting,1,
E3,K3,phone,B1,C1,manager,2026-03-04,correct,5,
CSV
run import evaluations "$WORK/evaluations.csv" --db "$DB"
expect_status "import evaluations" 0

# ---- a session with one agent ------------------------------------------------
cat > "$WORK/s1.json" <<'JSON'
{"coach": "C1", "date": "2026-03-20", "agent": "A1", "topic": "correct",
 "evaluations": ["E1"],
 "notes": [{"situation": "A customer asked for the new tariff",
            "task": "give the right price", "action": "quoted the old one",
            "result": "the customer called back"}],
 "items": [{"competency": "knowledge", "action": "I read the tariff sheet each Monday",
            "follow_up": "2026-04-10"},
           {"area": "correct", "action": "I check the price before I quote it",
            "follow_up": "2026-05-01"}]}
JSON
run coaching add "$WORK/s1.json" --db "$DB"
expect_status "coaching add stores a session" 0
expect_out "and names its key" "stored coaching session CS1"
check "its items are stored" [ "$(sql_value "SELECT count(*) FROM coaching_item")" = 2 ]
check "with the audit entry" \
	[ "$(sql_value "SELECT count(*) FROM audit_log WHERE action = 'coaching.add' AND object_key = 'CS1' AND person_key = 'A1'")" = 1 ]
run show coaching CS1 --json --db "$DB"
expect_status "show coaching --json" 0
cp "$WORK/out" "$WORK/cs1.json"
pycheck "the document holds the session as recorded" "$WORK/cs1.json" '
assert d["key"] == "CS1" and d["coach"] == "C1" and d["date"] == "2026-03-20", d
assert d["topic"] == "correct" and d["group"] is False and d["agents"] == ["A1"]
assert [e["evaluation"] for e in d["evaluations"]] == ["E1"] and d["evaluations"][0]["contact"] == "K1"
n = d["notes"][0]
assert n["agent"] == "A1" and n["action"] == "quoted the old one" and n["result"] == "the customer called back"
i = d["items"]
assert [x["item"] for x in i] == ["CS1#1", "CS1#2"], i
assert i[0]["competency"] == "knowledge" and i[0]["area"] is None and i[0]["follow_up"] == "2026-04-10"
assert i[1]["area"] == "correct" and i[1]["competency"] is None
assert i[0]["open"] and i[0]["overdue"] and i[1]["open"] and not i[1]["overdue"], i
assert d["follow_ups"] == []'
run show coaching CS1 --db "$DB"
expect_out "show coaching prints the items" "CS1#1 (A1) competency knowledge: I read the tariff sheet each Monday; follow up 2026-04-10 (overdue)"
run coaching list --person A1 --json --db "$DB"
cp "$WORK/out" "$WORK/a1.json"
pycheck "list --person: the session and two open items, the first overdue" "$WORK/a1.json" '
assert d["person"] == "A1" and [s["key"] for s in d["sessions"]] == ["CS1"]
assert [x["item"] for x in d["open_items"]] == ["CS1#1", "CS1#2"]
assert [x["overdue"] for x in d["open_items"]] == [True, False]'

# ---- the next session follows the items up ----------------------------------
cat > "$WORK/s2.json" <<'JSON'
{"key": "apr-A1", "coach": "C1", "date": "2026-04-14", "agent": "A1",
 "follow_ups": [{"item": "CS1#1", "status": "done", "note": "reads it every Monday now"},
                {"item": "CS1#2", "status": "partly"}],
 "items": [{"competency": "listening", "action": "I let the customer finish",
            "follow_up": "2026-05-12"}]}
JSON
run coaching add "$WORK/s2.json" --db "$DB"
expect_status "a later session with follow-ups" 0
expect_out "under the key it gives" "stored coaching session apr-A1"
run coaching list --person A1 --json --db "$DB"
cp "$WORK/out" "$WORK/a1b.json"
pycheck "the item done is closed, the one partly done stays open" "$WORK/a1b.json" '
assert [s["key"] for s in d["sessions"]] == ["apr-A1", "CS1"]
assert [x["item"] for x in d["open_items"]] == ["CS1#2", "apr-A1#1"], d["open_items"]
assert d["open_items"][0]["status"] == "partly" and not d["open_items"][0]["overdue"]
done = [x for x in d["items"] if x["item"] == "CS1#1"][0]
assert done["status"] == "done" and done["note"] == "reads it every Monday now" and not done["open"]'
run show coaching apr-A1 --json --db "$DB"
cp "$WORK/out" "$WORK/s2out.json"
pycheck "the follow-ups are recorded on the later session" "$WORK/s2out.json" '
f = d["follow_ups"]
assert [(x["item"], x["status"]) for x in f] == [("CS1#1", "done"), ("CS1#2", "partly")], f
assert f[0]["action"] == "I read the tariff sheet each Monday" and f[1]["note"] is None'
run show coaching CS1 --json --db "$DB"
cp "$WORK/out" "$WORK/cs1b.json"
pycheck "and the first session shows each item's latest status" "$WORK/cs1b.json" '
assert [x["status"] for x in d["items"]] == ["done", "partly"] and d["follow_ups"] == []'
run coaching list --person A1 --db "$DB"
expect_out "list --person prints the open items" "2 open development items"

# ---- a group session ------------------------------------------------------------
cat > "$WORK/g1.json" <<'JSON'
{"coach": "C1", "date": "2026-04-02", "agents": ["A1", "A2"], "topic": "greeting",
 "evaluations": ["E1", "E2"],
 "notes": [{"situation": "the greeting of the team", "result": "everyone names the company"},
           {"agent": "A2", "situation": "A2 forgot the greeting on K2"}],
 "items": [{"agent": "A2", "area": "greeting", "action": "I say my name and the company",
            "follow_up": "2026-04-30"}]}
JSON
run coaching add "$WORK/g1.json" --db "$DB"
expect_status "a group session" 0
expect_out "gets the next key" "stored coaching session CS3"
run coaching list --team q --json --db "$DB"
cp "$WORK/out" "$WORK/team.json"
pycheck "list --team: the sessions of its members, newest first" "$WORK/team.json" '
assert [(s["key"], s["agents"]) for s in d["sessions"]] == [("apr-A1", ["A1"]), ("CS3", ["A1", "A2"]), ("CS1", ["A1"])], d'
run coaching list --team other --json --db "$DB"
expect_out "another team has none" '"sessions": []'

# ---- bad documents: refused whole, naming the field ---------------------------
sessions=$(sql_value "SELECT count(*) FROM coaching_session")
bad() { # NAME FIELD-TEXT JSON
	printf '%s\n' "$3" > "$WORK/bad.json"
	run coaching add "$WORK/bad.json" --db "$DB"
	if [ "$STATUS" = 65 ] && grep -qF -- "$2" "$WORK/err"; then ok "$1"; else
		not_ok "$1" "status $STATUS" "stderr: $(cat "$WORK/err")"
	fi
}
bad "no date" "date is required" '{"coach": "C1", "agent": "A1"}'
bad "a date that is none" "date is a date YYYY-MM-DD, not '2026-02-30'" \
	'{"coach": "C1", "agent": "A1", "date": "2026-02-30"}'
bad "no agent" "agents is required" '{"coach": "C1", "date": "2026-04-01"}'
bad "an unknown agent" "agents[1]: there is no such person" \
	'{"coach": "C1", "date": "2026-04-01", "agents": ["A1", "nobody"]}'
bad "the coach among the agents" "agents[0]: the coach is not one of the agents" \
	'{"coach": "C1", "date": "2026-04-01", "agents": ["C1"]}'
bad "an evaluation of someone else" "evaluations[0]: the evaluation is of someone who is not an agent" \
	'{"coach": "C1", "date": "2026-04-01", "agent": "A1", "evaluations": ["E3"]}'
bad "an unknown evaluation" "evaluations[0]: there is no such evaluation" \
	'{"coach": "C1", "date": "2026-04-01", "agent": "A1", "evaluations": ["E9"]}'
bad "an item with both" "items[0].competency: name either a competency or a scorecard area" \
	'{"coach": "C1", "date": "2026-04-01", "agent": "A1", "items": [{"competency": "knowledge", "area": "correct", "action": "x", "follow_up": "2026-05-01"}]}'
bad "an unknown competency" "items[0].competency: there is no such competency" \
	'{"coach": "C1", "date": "2026-04-01", "agent": "A1", "items": [{"competency": "nope", "action": "x", "follow_up": "2026-05-01"}]}'
bad "an unknown area" "items[0].area: no scorecard has an area of that name" \
	'{"coach": "C1", "date": "2026-04-01", "agent": "A1", "items": [{"area": "nope", "action": "x", "follow_up": "2026-05-01"}]}'
bad "a follow-up date before the session" "items[0].follow_up: the follow-up date is on or after" \
	'{"coach": "C1", "date": "2026-04-01", "agent": "A1", "items": [{"area": "correct", "action": "x", "follow_up": "2026-03-01"}]}'
bad "an item of a group session without its agent" "items[0].agent: name the agent of the item" \
	'{"coach": "C1", "date": "2026-04-01", "agents": ["A1", "A2"], "items": [{"area": "correct", "action": "x", "follow_up": "2026-05-01"}]}'
bad "an empty note" "notes[0]: give at least one of situation" \
	'{"coach": "C1", "date": "2026-04-01", "agent": "A1", "notes": [{}]}'
bad "an unknown field" "there is no field 'notes[0].feeling' here" \
	'{"coach": "C1", "date": "2026-04-01", "agent": "A1", "notes": [{"feeling": "x"}]}'
bad "a follow-up status" "follow_ups[0].status is done, partly or not_done, not 'finished'" \
	'{"coach": "C1", "date": "2026-04-20", "agent": "A1", "follow_ups": [{"item": "CS1#2", "status": "finished"}]}'
bad "an item done already" "follow_ups[0].item: the item was followed up as done already" \
	'{"coach": "C1", "date": "2026-04-20", "agent": "A1", "follow_ups": [{"item": "CS1#1", "status": "done"}]}'
bad "an item of someone else" "follow_ups[0].item: the item is about someone who is not an agent" \
	'{"coach": "C1", "date": "2026-04-20", "agent": "A2", "follow_ups": [{"item": "CS1#2", "status": "done"}]}'
bad "an item agreed later" "follow_ups[0].item: the item was agreed after this session's date" \
	'{"coach": "C1", "date": "2026-04-01", "agent": "A1", "follow_ups": [{"item": "apr-A1#1", "status": "done"}]}'
bad "an item that is not" "follow_ups[0].item: there is no such development item" \
	'{"coach": "C1", "date": "2026-04-20", "agent": "A1", "follow_ups": [{"item": "CS1#9", "status": "done"}]}'
bad "a key taken" "key: a coaching session of this key exists" \
	'{"key": "apr-A1", "coach": "C1", "date": "2026-04-20", "agent": "A1"}'
bad "a follow-up after a valid item still refuses the whole session" "items[0].follow_up" \
	'{"coach": "C1", "date": "2026-04-20", "agent": "A1", "follow_ups": [{"item": "CS1#2", "status": "done"}], "items": [{"area": "correct", "action": "x", "follow_up": "2026-01-01"}]}'
check "nothing of the refused documents is stored" \
	[ "$(sql_value "SELECT count(*) FROM coaching_session")" = "$sessions" ]
check "not even a follow-up" [ "$(sql_value "SELECT count(*) FROM coaching_followup")" = 2 ]

# ---- the API: who records, who sees -----------------------------------------
for u in "hr1 --role hr" "coach1 --role coach --person C1 --teams q" \
	"coachx --role coach --person C2 --teams other" "mgr1 --role manager --person M1" \
	"emp1 --role employee --person A1" "emp2 --role employee --person A2"; do
	# shellcheck disable=SC2086
	printf '%s\n' "$PASSWORD" | "$COMPGAP" user add $u --db "$DB" > /dev/null 2>&1
done
# C3 coached once, on empathy, which no scorecard uses: neither is deleted.
printf '%s\n' '{"coach": "C3", "date": "2026-04-01", "agent": "A3", "items": [{"competency": "empathy", "action": "I name the feeling", "follow_up": "2026-05-01"}]}' > "$WORK/c3.json"
run coaching add "$WORK/c3.json" --db "$DB"
expect_status "a session of C3 on empathy" 0
# Tokens of a QA platform: coaches by role, without a person; one reaches
# team q alone, the other q and the coaches' team.
token_of() {
	"$COMPGAP" token create "$1" --role coach --teams "$2" --db "$DB" 2>/dev/null |
		grep -o 'cgt_[A-Za-z0-9_-]*' | head -n 1
}
TOKEN_Q=$(token_of qa-q q)
TOKEN_QC=$(token_of qa-qc q,coaches)
start_or_finish serve
for u in hr1 coach1 coachx mgr1 emp1 emp2; do login $u; done
post() { # USER BODY
	eval "csrf=\$CSRF_$1"
	as "$1" /api/v1/coaching -X POST -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' -d "$2"
}
post coach1 '{"date": "2026-04-15", "agent": "A2", "items": [{"competency": "listening", "action": "I summarise the question", "follow_up": "2026-05-15"}]}'
expect_code "a coach records a session for an agent of their team" 201
# (The key is CS and the id, which PostgreSQL's sequence gives.)
key=$(sed -n 's/.*"key": "\(CS[0-9]*\)".*/\1/p' "$WORK/b")
check "stored under a new key with the coach themselves as coach" \
	[ "$(sql_value "SELECT count(*) FROM coaching_session s JOIN person p ON p.id = s.coach_id WHERE s.key = '$key' AND p.key = 'C1'")" = 1 ]
sessions=$(sql_value "SELECT count(*) FROM coaching_session")
post coachx '{"date": "2026-04-15", "agent": "A2"}'
expect_code "a coach cannot record a session for an agent outside their teams" 404
expect_error "the agent is not found for them" not_found "agents[0]"
post coach1 '{"date": "2026-04-15", "agents": ["A2", "B1"]}'
expect_code "nor a group with one agent beyond their teams" 404
check "nothing stored" [ "$(sql_value "SELECT count(*) FROM coaching_session")" = "$sessions" ]
post coach1 '{"date": "2026-04-15", "agent": "A2", "coach": "M1"}'
expect_code "a coach records only their own sessions" 403
post emp1 '{"date": "2026-04-15", "agent": "A1"}'
expect_code "an employee records no session" 403
post coach1 '{"date": "2026-04-15", "agent": "A2", "items": [{"area": "greeting", "action": "x", "follow_up": "soon"}]}'
expect_code "a bad date: 422" 422
expect_error "naming the field" invalid_value "items[0].follow_up"
post coach1 '{"date": "2026-04-15", "agent": "A2", "evaluations": ["E1"]}'
expect_code "an evaluation of another agent: 422" 422
expect_error "naming it" invalid_value "evaluations[0]"
post hr1 '{"date": "2026-04-15", "agent": "A3"}'
expect_code "hr names the coach" 400
expect_error "coach is required of them" missing_field coach
post hr1 '{"coach": "C1", "date": "2026-04-15", "agent": "B1"}'
expect_code "hr records for anyone" 201
# post_token TOKEN BODY: a session recorded with a bearer token.
post_token() {
	CODE=$(curl -s -o "$WORK/b" -w '%{http_code}' -H "Authorization: Bearer $1" \
		-H 'Content-Type: application/json' -d "$2" "http://127.0.0.1:$PORT/api/v1/coaching")
}
sessions=$(sql_value "SELECT count(*) FROM coaching_session")
post_token "$TOKEN_Q" '{"date": "2026-04-16", "agent": "A2"}'
expect_code "a token names the coach" 400
expect_error "coach is required of it" missing_field coach
post_token "$TOKEN_Q" '{"coach": "C1", "date": "2026-04-16", "agent": "A2"}'
expect_code "a token cannot name a coach beyond its reach" 403
expect_error "naming the field" forbidden coach
check "nothing stored" [ "$(sql_value "SELECT count(*) FROM coaching_session")" = "$sessions" ]
check "the refusal is logged" [ "$(sql_value "SELECT count(*) FROM audit_log WHERE actor = 'token:qa-q' AND action = 'coaching.add' AND person_key = 'C1' AND outcome = 'denied'")" = 1 ]
post_token "$TOKEN_QC" '{"coach": "C1", "date": "2026-04-16", "agent": "A2"}'
expect_code "a token that reaches the coach records the session" 201
key=$(sed -n 's/.*"key": "\(CS[0-9]*\)".*/\1/p' "$WORK/b")
check "with that coach" [ "$(sql_value "SELECT count(*) FROM coaching_session s JOIN person p ON p.id = s.coach_id WHERE s.key = '$key' AND p.key = 'C1'")" = 1 ]
post_token "$TOKEN_QC" '{"coach": "C1", "date": "2026-04-16", "agent": "B1"}'
expect_code "but only for agents within its reach" 404

as emp1 /api/v1/coaching/CS1
expect_code "an agent reads their own session" 200
cp "$WORK/b" "$WORK/e1.json"
pycheck "with its notes and items" "$WORK/e1.json" '
assert d["notes"][0]["situation"] == "A customer asked for the new tariff" and len(d["items"]) == 2'
as emp2 /api/v1/coaching/CS1
expect_code "another agent does not see it" 404
as emp1 /api/v1/coaching/CS3
expect_code "an agent of a group session reads it" 200
cp "$WORK/b" "$WORK/g-emp1.json"
pycheck "but only what is theirs and the group's" "$WORK/g-emp1.json" '
assert d["agents"] == ["A1"] and [e["evaluation"] for e in d["evaluations"]] == ["E1"], d
assert [n["agent"] for n in d["notes"]] == [None] and d["items"] == [], d
assert "A2 forgot" not in json.dumps(d)'
as emp2 /api/v1/coaching/CS3
cp "$WORK/b" "$WORK/g-emp2.json"
pycheck "the other agent sees their note and item" "$WORK/g-emp2.json" '
assert d["agents"] == ["A2"] and [n["agent"] for n in d["notes"]] == [None, "A2"]
assert [x["agent"] for x in d["items"]] == ["A2"]'
as coach1 /api/v1/coaching/CS3
cp "$WORK/b" "$WORK/g-c.json"
pycheck "the coach sees all of it" "$WORK/g-c.json" '
assert d["agents"] == ["A1", "A2"] and len(d["notes"]) == 2 and len(d["evaluations"]) == 2'
as mgr1 /api/v1/coaching/CS3
cp "$WORK/b" "$WORK/g-m.json"
pycheck "a manager sees what is about their reporting line" "$WORK/g-m.json" '
assert d["agents"] == ["A1"] and d["items"] == []'
as coachx /api/v1/coaching/CS1
expect_code "a coach of another team does not see it" 404
as emp1 /api/v1/people/A1/coaching
expect_code "an agent reads their coaching" 200
cp "$WORK/b" "$WORK/p-emp1.json"
run coaching list --person A1 --json --db "$DB"
check "with the bytes of coaching list --json" cmp -s "$WORK/b" "$WORK/out"
as emp1 /api/v1/people/A2/coaching
expect_code "and nobody else's" 404
as mgr1 /api/v1/people/A2/coaching
expect_code "a manager not of A2's line does not see theirs" 404
as mgr1 /api/v1/people/A1/coaching
expect_code "but sees their report's" 200
as hr1 /api/v1/coaching/CS1
cp "$WORK/b" "$WORK/hr.json"
run show coaching CS1 --json --db "$DB"
check "GET /api/v1/coaching/{key} has the bytes of show coaching --json" cmp -s "$WORK/hr.json" "$WORK/out"
as hr1 /api/v1/people/C3 -X DELETE -H "X-CSRF-Token: $CSRF_hr1"
expect_code "a coach with sessions is not deleted" 409
check "the message says why" grep -q "1 coaching session; deactivate the person instead" "$WORK/b"
as hr1 /api/v1/competencies/empathy -X DELETE -H "X-CSRF-Token: $CSRF_hr1"
expect_code "nor a competency of a development item" 409
check "the message names the item" grep -q "1 development item" "$WORK/b"
as hr1 /api/v1/coaching/nothing
expect_code "an unknown session: 404" 404
# ---- the pages (without JavaScript: plain forms) -------------------------------
for u in coach1 coachx emp1 emp2; do page_login $u; done
page emp1 /people/A1/coaching
expect_code "an agent opens their coaching page" 200
clean_page "the coaching page"
body_has "with their open items" "I check the price before I quote it"
body_has "and the notes of their sessions" "A customer asked for the new tariff"
body_lacks "but not another agent's note of a group session" "A2 forgot the greeting"
body_lacks "nor a link to record a session" "/people/A1/coaching/new"
page emp2 /people/A1/coaching
expect_code "another agent's coaching page: 404" 404
page emp1 /people/A1/coaching/new
expect_code "an agent does not open the form" 403
page coachx /people/A1/coaching/new
expect_code "nor a coach of another team" 404
page coach1 /people/A1/coaching/new
expect_code "the coach opens the form" 200
clean_page "the form"
body_has "the agent's open items to follow up" 'name="fu_item_0" value="CS1#2"'
body_has "their recent evaluations to choose" 'value="E1"'
csrf=$(csrf_of)
page coach1 /people/A1/coaching/new --data-urlencode "csrf_token=$csrf" --data-urlencode "date=2026-04-15" \
	--data-urlencode "item_1_about=c:knowledge" --data-urlencode "item_1_action=I ask a colleague" \
	--data-urlencode "item_1_follow_up=2026-04-01"
expect_code "a follow-up date before the session: the form again" 422
body_has "with the field marked" 'id="item_1_follow_up-error"'
body_has "and what was typed kept" "I ask a colleague"
before=$(sql_value "SELECT count(*) FROM coaching_session")
page coach1 /people/A1/coaching/new --data-urlencode "csrf_token=$csrf" --data-urlencode "date=2026-04-15" \
	--data-urlencode "evaluation_0=E1" --data-urlencode "situation=The tariff again" \
	--data-urlencode "fu_item_0=CS1#2" --data-urlencode "fu_status_0=done" \
	--data-urlencode "fu_note_0=checks every price" --data-urlencode "fu_item_1=apr-A1#1" \
	--data-urlencode "item_2_about=a:greeting" --data-urlencode "item_2_action=I smile on the phone" \
	--data-urlencode "item_2_follow_up=2026-05-15"
expect_code "the form records the session: 303" 303
case $(location) in /people/A1/coaching\?recorded=*) ok "to the coaching page" ;;
*) not_ok "to the coaching page" "Location: $(location)" ;; esac
check "one session more" [ "$(sql_value "SELECT count(*) FROM coaching_session")" = $((before + 1)) ]
page emp1 /people/A1/coaching
body_has "the agent sees the new item" "I smile on the phone"
body_has "and the follow-up" "checks every price"
# A year of monthly sessions would make a page metres long: the three
# newest are open, the older ones fold under their heading.
for day in 05 06; do
	printf '{"coach": "C1", "date": "2026-01-%s", "agent": "A1", "topic": "old %s"}' $day $day > "$WORK/old.json"
	"$COMPGAP" coaching add "$WORK/old.json" --db "$DB" > /dev/null
done
n=$(sql_value "SELECT count(*) FROM coaching_agent a JOIN person p ON p.id = a.agent_id WHERE p.key = 'A1'")
page emp1 /people/A1/coaching
if python3 - "$WORK/b" "$n" <<'PY'
import re, sys
page, n = open(sys.argv[1]).read(), int(sys.argv[2])
folds = re.findall(r'<section class="coaching-session" id="s-[^"]*">\n<details( open)?><summary><h3>(.*?)</h3>', page)
assert n >= 5 and len(folds) == n, (n, folds)
assert [bool(o) for o, _ in folds] == [True] * 3 + [False] * (n - 3), folds
assert folds[-1][1].startswith("5 Jan 2026"), folds[-1]
PY
then ok "the newest three of $n sessions are open, the older folded under their heading"
else not_ok "the newest three of $n sessions are open, the older folded under their heading"; fi
check "a denied read is in the audit log" \
	[ "$(sql_value "SELECT count(*) FROM audit_log WHERE action = 'read' AND object_kind = 'coaching' AND outcome = 'denied'")" -ge 1 ]
stop

# ---- overdue at its boundary; the privacy export ---------------------------------
cat > "$WORK/b1.json" <<'JSON'
{"coach": "C1", "date": "2026-04-01", "agent": "A3",
 "items": [{"area": "greeting", "action": "due today", "follow_up": "2026-04-15"},
           {"area": "greeting", "action": "due yesterday", "follow_up": "2026-04-14"}]}
JSON
run coaching add "$WORK/b1.json" --db "$DB"
run coaching list --person A3 --json --db "$DB"
cp "$WORK/out" "$WORK/a3.json"
pycheck "an item due today is not overdue; due yesterday it is" "$WORK/a3.json" '
assert [(x["action"], x["overdue"]) for x in d["open_items"] if x["action"].startswith("due")] == [("due yesterday", True), ("due today", False)], d'
run privacy export --person A1 --db "$DB"
cp "$WORK/out" "$WORK/px.json"
pycheck "the privacy export holds the sessions of A1, with only their part" "$WORK/px.json" '
keys = [s["key"] for s in d["coaching"]]
assert "CS1" in keys and "apr-A1" in keys, keys
g = [s for s in d["coaching"] if s["topic"] == "greeting"][0]
assert g["agents"] == ["A1"] and [n["agent"] for n in g["notes"]] == [None] and g["items"] == []'

# ---- erasure takes the person's coaching with them ---------------------------
run privacy erase --person A2 --yes --db "$DB"
expect_status "an agent with coaching sessions is erased" 0
check "erasing an agent removes their items and notes" \
	[ "$(sql_value "SELECT count(*) FROM coaching_item i JOIN coaching_session s ON s.id = i.session_id WHERE s.key = 'CS3'")" = 0 ]
check "and keeps the group's note" \
	[ "$(sql_value "SELECT count(*) FROM coaching_star t JOIN coaching_session s ON s.id = t.session_id WHERE s.key = 'CS3'")" = 1 ]
done_testing
