#!/bin/sh
# Development plans (issue 13 item 7; docs/methodology.md "Development
# plans", docs/api.md "Development plans", docs/security.md), on the
# engine under test: actions added by hand and accepted from the gap
# engine's recommendations in one step (each rule's kind of action, the
# mentor, the rule and the recommendation's identity kept, none accepted
# twice, hire/reassign/assess refused); status changes; overdue as of a
# date (COMPGAP_TODAY); bad input naming the field and what is valid and
# storing nothing; the audit log; and over HTTP the reach of each role
# (an employee reads their plan and sets the status of its actions, no
# more), the plan page's forms and the dashboard's overdue actions.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null
# The demo's own plans: hand-entered actions (none from a recommendation),
# two of them KCC-1011's (a training, done, and a self-study due in 2027),
# none overdue before 2026-09-30.
"$COMPGAP" recommend --team kcc-phone --json --db "$DB" > "$WORK/rec-phone.json"

# field FILE EXPR: a value of the JSON document in FILE (python expression on d).
field() {
	python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2" 2> /dev/null
}

# count_actions: the rows of plan_action.
count_actions() {
	sql "SELECT count(*) FROM plan_action" | tr -d ' '
}

# ---- accepting recommendations ----------------------------------------------
# In kcc-phone, KCC-1019 has an individual recommendation (adaptability,
# inform); KCC-1011, on active-listening, a group, a mentor and a
# cross-training.
run plan accept --person KCC-1019 --competency adaptability --kind individual --json --db "$DB"
expect_status "an individual recommendation is accepted" 0
cp "$WORK/out" "$WORK/a1.json"
check "inform becomes self_study" [ "$(field "$WORK/a1.json" 'd["kind"]')" = self_study ]
check "its rule and identity are kept" [ "$(field "$WORK/a1.json" 'd["source"]["rule"] + " " + d["source"]["recommendation"]')" = "individual individual:kcc-phone:adaptability:KCC-1019" ]
check "it is planned, without a mentor" [ "$(field "$WORK/a1.json" 'd["status"] + " " + str(d["mentor"])')" = "planned None" ]
today=$(date -u +%Y-%m-%d)
due=$(python3 -c 'import datetime, sys; print(datetime.date.fromisoformat(sys.argv[1]) + datetime.timedelta(days=90))' "$today")
check "it is due 90 days after today" [ "$(field "$WORK/a1.json" 'd["due"]')" = "$due" ]
check "its description is the rule's words" [ "$(field "$WORK/a1.json" '"falls" in d["description"] or "short" in d["description"]')" = True ]

run plan accept --person KCC-1011 --competency active-listening --db "$DB"
expect_status "several recommendations on one competency need a kind" 65
expect_err "the message names them" "recommendation: 3 name KCC-1011 on active-listening (group, mentor, cross_train)"

mentor=$(field "$WORK/rec-phone.json" '[r["mentor"]["person"] for r in d["recommendations"] if r["kind"] == "mentor" and r["competency"] == "active-listening" and r["members"][0]["person"] == "KCC-1011"][0]')
run plan accept --person KCC-1011 --competency active-listening --kind mentor --json --db "$DB"
expect_status "a mentor recommendation is accepted" 0
check "it is mentoring with the recommended mentor ($mentor)" [ "$(field "$WORK/out" 'd["kind"] + " " + d["mentor"]')" = "mentoring $mentor" ]
run plan accept --recommendation group:kcc-phone:active-listening:KCC-1011 --due 2026-08-31 --json --db "$DB"
expect_status "a recommendation is accepted by its identity" 0
check "group becomes group_coaching, due as given" [ "$(field "$WORK/out" 'd["kind"] + " " + d["due"]')" = "group_coaching 2026-08-31" ]
run plan accept --person KCC-1011 --competency active-listening --kind cross_train --json --db "$DB"
key_person=$(field "$WORK/rec-phone.json" '[r["key_person"] for r in d["recommendations"] if r["kind"] == "cross_train" and r["competency"] == "active-listening"][0]')
check "cross_train becomes cross_training from the key person ($key_person)" [ "$(field "$WORK/out" 'd["kind"] + " " + str(d["mentor"])')" = "cross_training $key_person" ]

n=$(count_actions)
run plan accept --person KCC-1011 --competency active-listening --kind mentor --db "$DB"
expect_status "the same recommendation is not accepted twice" 65
expect_err "the message names the open action" "is in KCC-1011's plan already, as open action"
run plan accept --person KCC-1039 --competency active-listening --kind assess --db "$DB"
expect_status "assess first is not an action of a plan" 65
expect_err "the message says why" "a assess recommendation is not an action in a person's plan"
run plan accept --person KCC-1050 --competency decisiveness --kind reassign --db "$DB"
expect_status "reassignment is not an action of a plan" 65
run plan accept --person KCC-1050 --competency decisiveness --kind individual --json --db "$DB"
expect_status "beside a reassignment, the individual recommendation is accepted" 0
check "assist becomes individual_coaching" [ "$(field "$WORK/out" 'd["kind"]')" = individual_coaching ]
n=$((n + 1))
run plan accept --person KCC-1011 --competency decisiveness --db "$DB"
expect_status "no recommendation names them there" 65
expect_err "the message says where to look" "recommendation: none names KCC-1011 on decisiveness"
run plan accept --person KCC-1011 --competency active-listening --kind mentorr --db "$DB"
expect_err "an unknown kind of recommendation names the valid ones" "'mentorr' is not a kind of recommendation; one of group, individual, mentor, cross_train"
run plan accept --recommendation mentor:kcc-phone --db "$DB"
expect_status "a malformed identity is a usage error" 64
expect_err "it says the form" "KIND:TEAM:COMPETENCY:PERSON"
check "nothing was stored by the refusals" [ "$(count_actions)" = "$n" ]

# ---- adding by hand, bad input ---------------------------------------------
run plan add --person KCC-1011 --competency communication --kind self-study --db "$DB"
expect_status "an unknown kind is refused" 64
expect_err "it names the field and the valid kinds" "--kind: 'self-study' is not a kind of action; one of training, individual_coaching, group_coaching, mentoring, cross_training, job_rotation, stretch_assignment, external_course, self_study"
run plan add --person KCC-1011 --competency active-listening --kind training --due 2026-02-30 --db "$DB"
expect_err "a bad date names --due" "--due: '2026-02-30' is not a date; give YYYY-MM-DD"
run plan add --person KCC-1011 --competency active-listning --kind training --db "$DB"
expect_status "an unknown competency is refused" 65
expect_err "it names the field with a hint" "competency: unknown competency 'active-listning'; did you mean 'active-listening'?"
run plan add --person KCC-9999 --competency active-listening --kind training --db "$DB"
expect_err "an unknown person names the field" "person: unknown person 'KCC-9999'"
run plan add --person KCC-1011 --competency active-listening --kind mentoring --mentor KCC-1011 --db "$DB"
expect_err "one is not one's own mentor" "mentor: 'KCC-1011' is the person whose plan it is"
long=$(python3 -c 'print("x" * 2001)')
run plan add --person KCC-1011 --competency active-listening --kind training --description "$long" --db "$DB"
expect_err "a description of 2001 bytes is refused" "description: 2001 bytes, more than the 2000 a description may have"
run plan add --person KCC-1011 --competency active-listening --kind training --status started --db "$DB"
expect_err "an unknown status names the valid ones" "--status: 'started' is not a status; one of planned, in_progress, done, dropped"
check "nothing was stored by the refusals" [ "$(count_actions)" = "$n" ]

run plan add --person KCC-1011 --competency active-listening --kind job_rotation --mentor KCC-1012 --due 2026-07-15 --description "Two weeks at the desk" --json --db "$DB"
expect_status "an action is added by hand" 0
id=$(field "$WORK/out" 'd["id"]')
check "entered by hand: no source" [ "$(field "$WORK/out" 'str(d["source"]) + " " + d["kind"] + " " + d["mentor"] + " " + d["description"]')" = "None job_rotation KCC-1012 Two weeks at the desk" ]

# ---- status and overdue ------------------------------------------------------
COMPGAP_TODAY=2026-07-15 run plan list --person KCC-1011 --json --db "$DB"
check "due today is not overdue" [ "$(field "$WORK/out" '[a["overdue"] for a in d["actions"] if a["id"] == '"$id"'][0]')" = False ]
COMPGAP_TODAY=2026-07-16 run plan list --person KCC-1011 --json --db "$DB"
check "due yesterday and planned is overdue" [ "$(field "$WORK/out" '[a["overdue"] for a in d["actions"] if a["id"] == '"$id"'][0]')" = True ]
COMPGAP_TODAY=2026-07-16 run plan overdue --json --db "$DB"
check "plan overdue lists exactly it" [ "$(field "$WORK/out" '[a["id"] for a in d["actions"]]')" = "[$id]" ]
run plan set-status --id "$id" --status in_progress --db "$DB"
expect_status "the status is set" 0
COMPGAP_TODAY=2026-07-16 run plan overdue --json --db "$DB"
check "in progress and past due is still overdue" [ "$(field "$WORK/out" 'len(d["actions"])')" = 1 ]
COMPGAP_TODAY=2026-09-01 run plan overdue --json --db "$DB"
check "on 2026-09-01 the group action due 2026-08-31 is overdue too" [ "$(field "$WORK/out" 'sorted(a["kind"] for a in d["actions"])')" = "['group_coaching', 'job_rotation']" ]
run plan set-status --id "$id" --status done --db "$DB"
COMPGAP_TODAY=2026-07-16 run plan overdue --json --db "$DB"
check "a done action is not overdue" [ "$(field "$WORK/out" 'len(d["actions"])')" = 0 ]
run plan list --person KCC-1011 --json --db "$DB"
check "the plan lists open actions first, done last" [ "$(field "$WORK/out" '[a["status"] for a in d["actions"]][-1]')" = done ]
run plan set-status --id "$id" --status finished --db "$DB"
expect_err "an unknown status names the valid ones" "--status: 'finished' is not a status; one of planned, in_progress, done, dropped"
run plan set-status --id 9999 --status done --db "$DB"
expect_status "an unknown action is refused" 65
expect_err "it names the id" "id: there is no plan action 9999"
run plan set-status --id x1 --status done --db "$DB"
expect_err "an id that is not a number is named" "--id: 'x1' is not an action's id"
run audit --json --db "$DB"
check "every change is in the audit log" [ "$(field "$WORK/out" 'sorted(set(e["action"] for e in d["audit"] if e["action"].startswith("plan.")))')" = "['plan.accept', 'plan.add', 'plan.status']" ]

# ---- the privacy rights ----------------------------------------------------------
run privacy export --person KCC-1011 --db "$DB"
check "the privacy export holds their plan (and the demo's two)" [ "$(field "$WORK/out" 'sorted(a["kind"] for a in d["development_plan"])')" = "['cross_training', 'group_coaching', 'job_rotation', 'mentoring', 'self_study', 'training']" ]
check "and the audit entries of its changes" [ "$(field "$WORK/out" 'len([e for e in d["audit"]["concerning"] if e["action"].startswith("plan.")]) >= 6')" = True ]

# ---- erasure --------------------------------------------------------------------
# On a copy: erasing KCC-1011 deletes their plan; erasing the mentor of
# one of their actions (KCC-1012, job_rotation) leaves it without one.
"$COMPGAP" copy --from "$DB" --to "$WORK/erase.db" > /dev/null
DB_KEEP=$DB
DB=$WORK/erase.db
run privacy erase --person KCC-1012 --yes --db "$DB"
expect_status "a mentor is erased" 0
check "their name leaves the action they mentor" [ "$(sql "SELECT count(*) FROM plan_action a JOIN person p ON p.id = a.person_id WHERE p.key = 'KCC-1011' AND a.mentor_id IS NULL AND a.kind = 'job_rotation'" | tr -d ' ')" = 1 ]
before=$(count_actions)
theirs=$(sql "SELECT count(*) FROM plan_action a JOIN person p ON p.id = a.person_id WHERE p.key = 'KCC-1011'" | tr -d ' ')
run privacy erase --person KCC-1011 --yes --db "$DB"
expect_status "a person with a plan is erased" 0
check "they had six actions (four and the demo's two)" [ "$theirs" = 6 ]
check "their plan goes with them, the others' stays" [ "$(count_actions)" = $((before - theirs)) ]
DB=$DB_KEEP

# ---- over HTTP ---------------------------------------------------------------
make_role_users
COMPGAP_TODAY=2026-07-20
export COMPGAP_TODAY
start_or_finish plans
for u in admin1 hr1 mgr1 coach1 emp1; do login $u; done
json() { printf '%s' "$1"; }

as emp1 /api/v1/people/KCC-1011/plan
expect_code "an employee reads their own plan" 200
check "with its actions (four, and the demo's two)" [ "$(field "$WORK/b" 'len(d["actions"])')" = 6 ]
as emp1 /api/v1/people/KCC-1012/plan
expect_code "an employee does not read a colleague's plan" 404
as coach1 /api/v1/people/KCC-1011/plan
expect_code "a coach does not read the plan of another team's member" 404
as mgr1 /api/v1/people/KCC-1011/plan
expect_code "a manager reads their report's plan" 200

as emp1 /api/v1/people/KCC-1011/plan -X POST -H "X-CSRF-Token: $CSRF_emp1" -H 'Content-Type: application/json' -d '{"kind": "self_study", "competency": "communication"}'
expect_code "an employee does not add to their plan" 403
as mgr1 /api/v1/people/KCC-1011/plan -X POST -H "X-CSRF-Token: $CSRF_mgr1" -H 'Content-Type: application/json' -d '{"kind": "coaching", "competency": "active-listening"}'
expect_code "an unknown kind" 422
expect_error "names the field kind" invalid_value kind
as mgr1 /api/v1/people/KCC-1011/plan -X POST -H "X-CSRF-Token: $CSRF_mgr1" -H 'Content-Type: application/json' -d '{"kind": "training"}'
expect_error "a missing competency names it" missing_field competency
as mgr1 /api/v1/people/KCC-1011/plan -X POST -H "X-CSRF-Token: $CSRF_mgr1" -H 'Content-Type: application/json' -d '{"kind": "training", "competency": "active-listening", "due": "31-12-2026"}'
expect_error "a bad due date names it" invalid_value due
as mgr1 /api/v1/people/KCC-1011/plan -X POST -H "X-CSRF-Token: $CSRF_mgr1" -H 'Content-Type: application/json' -d '{"kind": "training", "competency": "nope"}'
expect_error "an unknown competency names it" invalid_value competency
as mgr1 /api/v1/people/KCC-1011/plan -X POST -H "X-CSRF-Token: $CSRF_mgr1" -H 'Content-Type: application/json' -d '{"kind": "training", "competency": "active-listening", "owner": "x"}'
expect_error "an unknown field is named" unknown_field owner
as mgr1 /api/v1/people/KCC-1011/plan -X POST -H "X-CSRF-Token: $CSRF_mgr1" -H 'Content-Type: application/json' -d '{"kind": "external_course", "competency": "active-listening", "due": "2026-07-01", "description": "Listening course"}'
expect_code "a manager adds an action to their report's plan" 201
past=$(field "$WORK/b" 'd["id"]')
check "it is overdue as of the server's today" [ "$(field "$WORK/b" 'd["overdue"]')" = True ]
as coach1 /api/v1/people/KCC-1031/plan -X POST -H "X-CSRF-Token: $CSRF_coach1" -H 'Content-Type: application/json' -d '{"kind": "stretch_assignment", "competency": "customer-focus", "due": "2026-12-31"}'
expect_code "a coach adds to the plan of a member of their team" 201
desk=$(field "$WORK/b" 'd["id"]')

# A mentor out of the reader's reach is named by team only.
as hr1 /api/v1/people/KCC-1031/plan -X POST -H "X-CSRF-Token: $CSRF_hr1" -H 'Content-Type: application/json' -d '{"kind": "mentoring", "competency": "customer-focus", "mentor": "KCC-1012"}'
expect_code "hr adds a mentor from another team" 201
check "hr sees the mentor" [ "$(field "$WORK/b" 'd["mentor"] + " " + d["mentor_team"]')" = "KCC-1012 kcc-phone" ]
as coach1 /api/v1/people/KCC-1031/plan
check "the coach of kcc-desk sees the mentor's team, not who" [ "$(field "$WORK/b" '[(a["mentor"], a["mentor_team"]) for a in d["actions"] if a["kind"] == "mentoring"]')" = "[(None, 'kcc-phone')]" ]
check "nowhere in the answer" sh -c '! grep -q KCC-1012 "$1"' _ "$WORK/b"
page_login coach1
page coach1 /people/KCC-1031/plan
check "nor on the plan page" sh -c '! grep -q KCC-1012 "$1"' _ "$WORK/b"

as mgr1 /api/v1/people/KCC-1014/plan/accept -X POST -H "X-CSRF-Token: $CSRF_mgr1" -H 'Content-Type: application/json' -d '{"competency": "active-listening", "kind": "group"}'
expect_code "a manager accepts a recommendation" 201
check "group_coaching from the group rule" [ "$(field "$WORK/b" 'd["kind"] + " " + d["source"]["rule"]')" = "group_coaching group" ]
as mgr1 /api/v1/people/KCC-1014/plan/accept -X POST -H "X-CSRF-Token: $CSRF_mgr1" -H 'Content-Type: application/json' -d '{"competency": "active-listening", "kind": "group"}'
expect_error "twice is refused, naming the recommendation" invalid_value recommendation
as mgr1 /api/v1/people/KCC-1012/plan/accept -X POST -H "X-CSRF-Token: $CSRF_mgr1" -H 'Content-Type: application/json' -d '{"recommendation": "group:kcc-phone:active-listening:KCC-1016"}'
expect_error "a recommendation about someone else" invalid_value recommendation
as emp1 /api/v1/people/KCC-1011/plan/accept -X POST -H "X-CSRF-Token: $CSRF_emp1" -H 'Content-Type: application/json' -d '{"competency": "active-listening", "kind": "group"}'
expect_code "an employee does not accept into their plan" 403

as emp1 "/api/v1/people/KCC-1011/plan/$past" -X PATCH -H "X-CSRF-Token: $CSRF_emp1" -H 'Content-Type: application/json' -d '{"status": "in_progress"}'
expect_code "an employee sets the status of their own action" 200
check "it is in progress" [ "$(field "$WORK/b" 'd["status"]')" = in_progress ]
as emp1 "/api/v1/people/KCC-1011/plan/$past" -X PATCH -H "X-CSRF-Token: $CSRF_emp1" -H 'Content-Type: application/json' -d '{"status": "finished"}'
expect_error "an unknown status names it" invalid_value status
as emp1 "/api/v1/people/KCC-1031/plan/$desk" -X PATCH -H "X-CSRF-Token: $CSRF_emp1" -H 'Content-Type: application/json' -d '{"status": "done"}'
expect_code "an employee does not touch another's action" 404
as mgr1 "/api/v1/people/KCC-1011/plan/$desk" -X PATCH -H "X-CSRF-Token: $CSRF_mgr1" -H 'Content-Type: application/json' -d '{"status": "done"}'
expect_code "an action under another person's plan is not found" 404
expect_error "naming the id" not_found id

# A person a plan names is not deleted.
as hr1 /api/v1/people -X POST -H "X-CSRF-Token: $CSRF_hr1" -H 'Content-Type: application/json' -d '{"id": "KCC-1095", "name": "Noor Visser", "team": "kcc-phone"}'
expect_code "a new person" 201
as hr1 /api/v1/people/KCC-1095/plan -X POST -H "X-CSRF-Token: $CSRF_hr1" -H 'Content-Type: application/json' -d '{"kind": "self_study", "competency": "communication"}'
expect_code "hr adds to their plan" 201
as admin1 /api/v1/people/KCC-1095 -X DELETE -H "X-CSRF-Token: $CSRF_admin1"
expect_code "a person with a plan is not deleted" 409
check "the answer says why" grep -q "1 development plan action" "$WORK/b"

# The team page offers an individual recommendation to accept.
page_login mgr1
page mgr1 /teams/kcc-phone
check "the team page has an accept button" grep -q 'action="/people/[^"]*/plan/accept"' "$WORK/b"

# The dashboard: overdue actions for those who may see the person.
page_login mgr1
page mgr1 /
check "the manager's dashboard lists the overdue action" grep -q 'href="/people/KCC-1011/plan"' "$WORK/b"
page_login admin1
page admin1 /
check "so does the admin's" grep -q 'id="overdue-actions"' "$WORK/b"
check "the admin's lists KCC-1011's" grep -q 'href="/people/KCC-1011/plan"' "$WORK/b"
page_login coach1
page coach1 /
check "the coach of kcc-desk does not see KCC-1011's" sh -c '! grep -q "KCC-1011/plan" "$1"' _ "$WORK/b"
page_login emp1
page emp1 /
check "the employee's dashboard says one of their actions is overdue" grep -q "1 action of your development plan is overdue." "$WORK/b"
check "and links their plan" grep -q 'href="/people/KCC-1011/plan"' "$WORK/b"

# The plan page and its forms.
page mgr1 /people/KCC-1011/plan
expect_code "the plan page" 200
check "it marks the overdue action" grep -q 'class="plan-action overdue"' "$WORK/b"
check "it has the add form" grep -q 'action="/people/KCC-1011/plan"' "$WORK/b"
check "it offers the individual recommendation as accepted" grep -q 'class="muted"' "$WORK/b"
page coach1 /people/KCC-1011/plan
expect_code "the coach of another team gets 404" 404
page_login emp1
page emp1 /people/KCC-1011/plan
expect_code "the employee sees their plan page" 200
check "without the add form" sh -c '! grep -q "name=\"kind\"" "$1"' _ "$WORK/b"
token=$(csrf_of)
page emp1 "/people/KCC-1011/plan/$past/status" --data-urlencode "csrf_token=$token" --data-urlencode "status=done"
expect_code "the employee's status form answers 303" 303
as mgr1 /api/v1/people/KCC-1011/plan
check "the action is done" [ "$(field "$WORK/b" '[a["status"] for a in d["actions"] if a["id"] == '"$past"'][0]')" = done ]
page emp1 /people/KCC-1011/plan --data-urlencode "csrf_token=$token" --data-urlencode "kind=training" --data-urlencode "competency=communication"
expect_code "the employee's add form is 403" 403
# The accept form carries the rule as the reader reads it: in Dutch, it
# is stored in Dutch (the API without a description stores core's English).
page mgr1 '/people/KCC-1016/plan?lang=nl'
token=$(csrf_of)
python3 - "$WORK/b" > "$WORK/nl-rule" <<'PY'
import html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
form = re.search(r'action="/people/KCC-1016/plan/accept".*?</form>', page, re.S).group(0)
print(html.unescape(re.search(r'name="description" value="([^"]*)"', form).group(1)), end="")
PY
check "the accept form has the rule in Dutch" grep -q "teamleden die .* nodig hebben" "$WORK/nl-rule"
page mgr1 /people/KCC-1016/plan/accept --data-urlencode "csrf_token=$token" --data-urlencode "recommendation=group:kcc-phone:active-listening:KCC-1016" --data-urlencode "description@$WORK/nl-rule"
expect_code "the accept button answers 303" 303
as mgr1 /api/v1/people/KCC-1016/plan
check "the recommendation is in the plan" [ "$(field "$WORK/b" '[a["kind"] for a in d["actions"]]')" = "['group_coaching']" ]
check "described in the words the form showed" [ "$(field "$WORK/b" 'd["actions"][0]["description"]')" = "$(cat "$WORK/nl-rule")" ]
page mgr1 /people/KCC-1016/plan --data-urlencode "csrf_token=$token" --data-urlencode "kind=training" --data-urlencode "competency=active-listening" --data-urlencode "due=2026-13-01"
expect_code "a bad date shows the form again" 422
check "with the error beside the field" grep -q 'id="due-error"' "$WORK/b"
check "and what was typed kept" grep -q 'value="2026-13-01"' "$WORK/b"
page mgr1 /people/KCC-1016/plan --data-urlencode "csrf_token=$token" --data-urlencode "kind=mentoring" --data-urlencode "competency=active-listening" --data-urlencode "mentor=KCC-9999"
expect_code "an unknown mentor shows the form again" 422
check "with the error beside the mentor" grep -q 'id="mentor-error"' "$WORK/b"
as mgr1 /api/v1/people/KCC-1016/plan
check "neither was stored" [ "$(field "$WORK/b" 'len(d["actions"])')" = 1 ]
page_login hr1
page hr1 /people/KCC-1016/plan?lang=nl
check "the page speaks Dutch" grep -q "Ontwikkelplan van" "$WORK/b"
stop
done_testing
