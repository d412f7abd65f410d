#!/bin/sh
# OKRs over HTTP (issue 14; docs/api.md "OKRs", docs/security.md "OKRs",
# docs/web.md "OKRs") on the demo organisation with objectives of our own:
# GET /api/v1/teams/{key}/okr and GET /api/v1/okr give the bytes of
# `compgap okr --json`; who reads which board (an employee their team's and
# those above it, not another's; a coach or manager what they reach; out of
# reach 404); check-ins (POST /api/v1/key-results/{key}/checkins) by the
# objective's owner whatever their role, a lead in reach, hr and admin,
# refused on a competency key result and on bad fields naming the field,
# each with its audit entry; the review (PUT /api/v1/objectives/{key}/review,
# GET /api/v1/teams/{key}/okr/review and /api/v1/okr/review, the bytes of
# `compgap okr --review --json`); reads of the organisation's boards logged;
# the pages (the board, its check-in form, the people a competency key
# result counts, the quarterly review, the dashboard's overdue check-ins);
# and `compgap okr --review`. On SQLite, or PostgreSQL with
# $COMPGAP_TEST_PG.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null

# field FILE EXPR: a value of the JSON document in FILE (python on d).
field() {
	python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2" 2> /dev/null
}

# kcc-phone (KCC-1010 leads it; KCC-1011 is emp1) and kcc-desk (coach1's)
# below kcc. TO1, owned by emp1's person: a metric, a milestone and a
# competency key result; TO2 owned by the manager; TD1 of kcc-desk; TG1 the
# organisation's; TQ2 of kcc-phone, ended in the second quarter.
cat > "$WORK/objectives.csv" <<'CSV'
key,team,title,start,end,owner,parent
TG1,,Serve every channel well,2026-Q3,,,
TO1,kcc-phone,Resolve more at first contact,2026-Q3,,KCC-1011,TG1
TO2,kcc-phone,Shorter queues,2026-Q3,,KCC-1010,
TD1,kcc-desk,Desk answers in a day,2026-Q3,,KCC-1031,
TQ2,kcc-phone,Spring clean of the scripts,2026-Q2,,KCC-1010,
CSV
cat > "$WORK/key_results.csv" <<'CSV'
objective,key,title,type,competency,level,target,start_value,unit,weight
TO1,TK1,First-contact resolution,metric,,,75,60,%,
TO1,TK2,Scripts rewritten,milestone,,,4,,scripts,
TO1,TK3,Most listen well,competency,active-listening,3,0.8,,,
TO2,TK4,Waiting time,metric,,,60,120,s,
TO2,TK9,Abandoned calls,metric,,,3,8,%,
TD1,TK5,Answered within a day,metric,,,90,70,%,
TG1,TK6,Channels reviewed,milestone,,,3,,,
TQ2,TK7,Scripts retired,milestone,,,5,,,
TQ2,TK8,Script errors,metric,,,2,10,errors,
CSV
cat > "$WORK/checkins.csv" <<'CSV'
key_result,date,value,confidence,note
TK1,2026-07-15,63,0.6,
TK4,2026-07-10,110,,
TK7,2026-05-31,5,,All five gone
TK8,2026-06-20,6,0.4,Two scripts still confuse
CSV
for kind in objectives key-results checkins; do
	file=$(echo "$kind" | tr - _).csv
	run import "$kind" "$WORK/$file" --db "$DB"
	expect_status "import $kind" 0
done

# ---- the quarterly review on the command line ---------------------------------
run okr --team kcc-phone --review 2026-Q2 --db "$DB"
expect_status "okr --review" 0
expect_out "it names the quarter" "Quarterly review of kcc-phone, 2026-Q2 (2026-04-01 to 2026-06-30)"
expect_out "the objective ending in it, as of its end" "TQ2  Spring clean of the scripts"
expect_out "what was reached: TK7 at its target" "    TK7  Scripts retired: 5"
expect_out "what was learned: the check-in notes" "    2026-06-20 TK8: Two scripts still confuse"
# TK8: 10 -> 6 of target 2: 4 errors still to go.
expect_out "what carries over, with the gap left" "    TK8  Script errors: 6 errors of target 2 errors, 4 errors to go"
check "objectives of another quarter are not in it" sh -c '! grep -q TO1 "$1"' _ "$WORK/out"
run okr --team kcc-phone --review 2026-Q2 --json --db "$DB"
expect_status "okr --review --json" 0
# TQ2 as of 2026-06-30: TK7 5 of 5, done; TK8 (10 - 6) / (10 - 2) = 0.5,
# 4 to go, off track; the objective (1 + 0.5) / 2 = 0.75 against 1
# expected: exactly 1 - 0.25, at risk (the boundary counts as at risk).
pycheck "the review's document" "$WORK/out" '
assert (d["team"], d["quarter"], d["first"], d["last"]) == ("kcc-phone", "2026-Q2", "2026-04-01", "2026-06-30")
# the demo PHONE-Q2 ends in the quarter too, and comes first by key
assert [o["objective"] for o in d["objectives"]] == ["PHONE-Q2", "TQ2"], d
o = d["objectives"][1]
near(o["progress"], 0.75); assert o["status"] == "at_risk" and o["review"] is None, o
assert [k["key_result"] for k in o["reached"]] == ["TK7"] and o["reached"][0]["current"] == 5
assert o["notes"] == [{"date": "2026-05-31", "key_result": "TK7", "note": "All five gone"},
                      {"date": "2026-06-20", "key_result": "TK8", "note": "Two scripts still confuse"}], o["notes"]
c = o["carries_over"]
assert [k["key_result"] for k in c] == ["TK8"] and c[0]["status"] == "off_track"
near(c[0]["current"], 6); near(c[0]["target"], 2); near(c[0]["remaining"], 4)'
run okr --team kcc-phone --review 2026-Q5 --db "$DB"
expect_status "a quarter that is none is a usage error" 64
expect_err "it says the form" "--review takes a quarter YYYY-Qn, such as 2026-Q3, not '2026-Q5'"

# ---- reading over HTTP -------------------------------------------------------------
make_role_users
COMPGAP_TODAY=2026-08-20
export COMPGAP_TODAY
start_or_finish okr
for u in admin1 hr1 mgr1 coach1 emp1; do login $u; done

"$COMPGAP" okr --team kcc-phone --as-of 2026-08-15 --json --db "$DB" > "$WORK/cli-phone.json"
as admin1 '/api/v1/teams/kcc-phone/okr?as_of=2026-08-15'
expect_code "an admin reads a team's board" 200
check "the same bytes as compgap okr --json" cmp -s "$WORK/b" "$WORK/cli-phone.json"
"$COMPGAP" okr --json --db "$DB" > "$WORK/cli-org.json"
as emp1 /api/v1/okr
expect_code "an employee reads the organisation's objectives" 200
check "the same bytes as compgap okr --json (today: COMPGAP_TODAY)" cmp -s "$WORK/b" "$WORK/cli-org.json"
check "which are the organisation's" [ "$(field "$WORK/b" '[o["objective"] for o in d["objectives"]]')" = "['ORG-2026', 'TG1']" ]
check "a read of the organisation's board is logged" [ "$(sql_value "SELECT count(*) FROM audit_log WHERE actor = 'emp1' AND action = 'read' AND object_kind = 'organisation' AND object_key IS NULL AND detail = 'okr' AND outcome = 'ok'")" = 1 ]
as emp1 /api/v1/teams/kcc-phone/okr
expect_code "an employee reads their own team's board" 200
check "with its objectives" [ "$(field "$WORK/b" '[o["objective"] for o in d["objectives"]]')" = "['PHONE-Q2', 'TQ2', 'PHONE-Q3', 'TO1', 'TO2']" ]
as emp1 /api/v1/teams/kcc/okr
expect_code "and the board of the team above theirs" 200
as emp1 /api/v1/teams/kcc-desk/okr
expect_code "not another team's" 404
expect_error "answered as absent" not_found key
check "the refusal is logged" [ "$(sql_value "SELECT count(*) FROM audit_log WHERE actor = 'emp1' AND object_key = 'kcc-desk' AND outcome = 'denied'")" = 1 ]
as coach1 /api/v1/teams/kcc-phone/okr
expect_code "a coach out of reach gets 404" 404
as coach1 /api/v1/teams/kcc-desk/okr
expect_code "a coach reads their team's board" 200
as mgr1 /api/v1/teams/kcc-phone/okr
expect_code "a manager reads their team's board" 200
as admin1 /api/v1/teams/nope/okr
expect_code "an unknown team" 404
as admin1 '/api/v1/teams/kcc-phone/okr?as_of=2026-02-30'
expect_error "a date that does not exist names as_of" bad_date as_of
as admin1 '/api/v1/teams/kcc-phone/okr?month=2026-08'
expect_code "an unknown parameter" 400

# The quarterly review: the bytes of `compgap okr --review QUARTER --json`,
# read as the board is; without ?quarter= the last quarter finished.
"$COMPGAP" okr --team kcc-phone --review 2026-Q2 --json --db "$DB" > "$WORK/cli-review.json"
as emp1 '/api/v1/teams/kcc-phone/okr/review?quarter=2026-Q2'
expect_code "an employee reads their team's review" 200
check "the same bytes as compgap okr --review --json" cmp -s "$WORK/b" "$WORK/cli-review.json"
check "a review's read is logged as the team's" [ "$(sql_value "SELECT count(*) FROM audit_log WHERE actor = 'emp1' AND action = 'read' AND object_kind = 'team' AND object_key = 'kcc-phone' AND detail = 'okr.review' AND outcome = 'ok'")" = 1 ]
as emp1 /api/v1/teams/kcc-phone/okr/review
expect_code "without a quarter" 200
check "the last quarter finished (today 2026-08-20: 2026-Q2)" cmp -s "$WORK/b" "$WORK/cli-review.json"
"$COMPGAP" okr --review 2026-Q3 --json --db "$DB" > "$WORK/cli-org-review.json"
as emp1 '/api/v1/okr/review?quarter=2026-Q3'
expect_code "the organisation's review" 200
check "the same bytes as compgap okr --review 2026-Q3 --json" cmp -s "$WORK/b" "$WORK/cli-org-review.json"
check "with the organisation's objectives ending in the quarter" [ "$(field "$WORK/b" '[o["objective"] for o in d["objectives"]]')" = "['TG1']" ]
as emp1 '/api/v1/teams/kcc-desk/okr/review?quarter=2026-Q3'
expect_code "not another team's review" 404
check "the refusal is logged" [ "$(sql_value "SELECT count(*) FROM audit_log WHERE actor = 'emp1' AND object_key = 'kcc-desk' AND detail = 'okr.review' AND outcome = 'denied'")" = 1 ]
as admin1 '/api/v1/teams/kcc-phone/okr/review?quarter=2026-Q5'
expect_error "a quarter that is none names quarter" bad_quarter quarter
as admin1 '/api/v1/teams/kcc-phone/okr/review?as_of=2026-08-01'
expect_code "the review takes no as_of" 400

# ---- check-ins -----------------------------------------------------------------------
post() {
	u=$1
	path=$2
	body=$3
	eval "tok=\$CSRF_$u"
	as "$u" "$path" -X POST -H "X-CSRF-Token: $tok" -H 'Content-Type: application/json' -d "$body"
}
checkins() {
	sql_value "SELECT count(*) FROM checkin"
}
n=$(checkins)
post emp1 /api/v1/key-results/TK1/checkins '{"date": "2026-08-14", "value": 68, "confidence": 0.7, "note": "Callback script helps"}'
expect_code "the owner, an employee, checks in on their objective's key result" 201
check "the answer is the check-in" [ "$(field "$WORK/b" '(d["key_result"], d["date"], d["value"] == 68, d["confidence"], d["note"])')" = "('TK1', '2026-08-14', True, 0.7, 'Callback script helps')" ]
check "the audit log holds it" [ "$(sql_value "SELECT count(*) FROM audit_log WHERE actor = 'emp1' AND action = 'okr.checkin' AND object_key = 'TK1' AND outcome = 'ok'")" = 1 ]
as emp1 '/api/v1/teams/kcc-phone/okr?as_of=2026-08-15'
check "the board's current value moves: (68 - 60) / 15" [ "$(field "$WORK/b" '[(k["current"] == 68, round(k["progress"], 6)) for o in d["objectives"] for k in o["key_results"] if k["key_result"] == "TK1"][0]')" = "(True, 0.533333)" ]
post emp1 /api/v1/key-results/TK1/checkins '{"value": 69}'
expect_code "the date defaults to today" 201
check "today is the server's" [ "$(field "$WORK/b" 'd["date"]')" = 2026-08-20 ]
post emp1 /api/v1/key-results/TK4/checkins '{"value": 100}'
expect_code "an employee does not check in on an objective they do not own" 403
expect_error "forbidden" forbidden null
post emp1 /api/v1/key-results/TK5/checkins '{"value": 80}'
expect_code "nor on another team's, which they cannot see" 404
post coach1 /api/v1/key-results/TK1/checkins '{"value": 70}'
expect_code "a coach out of reach gets 404" 404
post coach1 /api/v1/key-results/TK5/checkins '{"value": 78, "date": "2026-08-01"}'
expect_code "a coach checks in on their team's key result" 201
post mgr1 /api/v1/key-results/TK4/checkins '{"value": 95}'
expect_code "a manager checks in on their team's key result" 201
post mgr1 /api/v1/key-results/TK6/checkins '{"value": 1}'
expect_code "a manager does not check in on the organisation's" 403
post hr1 /api/v1/key-results/TK6/checkins '{"value": 1, "date": "2026-08-02"}'
expect_code "hr does" 201
post admin1 /api/v1/key-results/TK3/checkins '{"value": 0.5}'
expect_code "a competency key result takes no check-in" 409
expect_error "it says why" computed key
check "and the message says it is computed" grep -q 'computed from the evidence' "$WORK/b"
post admin1 /api/v1/key-results/NOPE/checkins '{"value": 1}'
expect_code "an unknown key result" 404
m=$(checkins)
check "five check-ins were stored" [ "$m" = $((n + 5)) ]
post admin1 /api/v1/key-results/TK1/checkins '{"value": "70"}'
expect_error "a value of the wrong type names it" wrong_type value
post admin1 /api/v1/key-results/TK1/checkins '{"note": "no value"}'
expect_error "a missing value names it" missing_field value
post admin1 /api/v1/key-results/TK1/checkins '{"value": 70, "confidence": 1.5}'
expect_error "a confidence above 1 names it" invalid_value confidence
post admin1 /api/v1/key-results/TK1/checkins '{"value": 70, "date": "2026-02-30"}'
expect_error "a bad date names it" invalid_value date
post admin1 /api/v1/key-results/TK1/checkins '{"value": 70, "date": "2026-08-21"}'
expect_error "a date after today names it" invalid_value date
post admin1 /api/v1/key-results/TK1/checkins '{"value": 70, "owner": "x"}'
expect_error "an unknown field is named" unknown_field owner
long=$(python3 -c 'print("x" * 2001)')
post admin1 /api/v1/key-results/TK1/checkins "{\"value\": 70, \"note\": \"$long\"}"
expect_error "a note of 2001 bytes names it" invalid_value note
as admin1 /api/v1/key-results/TK1/checkins -X POST -H 'Content-Type: application/json' -d '{"value": 70}'
expect_code "without the CSRF token a cookie's write is refused" 403
check "nothing was stored by the refusals" [ "$(checkins)" = "$m" ]
check "a refused check-in is logged as denied" [ "$(sql_value "SELECT count(*) FROM audit_log WHERE actor = 'emp1' AND action = 'okr.checkin' AND object_key = 'TK4' AND outcome = 'denied'")" = 1 ]

# ---- the review ----------------------------------------------------------------------
put() {
	u=$1
	path=$2
	body=$3
	eval "tok=\$CSRF_$u"
	as "$u" "$path" -X PUT -H "X-CSRF-Token: $tok" -H 'Content-Type: application/json' -d "$body"
}
put emp1 /api/v1/objectives/TO1/review '{"review": "Callbacks work; scripts take longer than thought."}'
expect_code "the owner writes the review" 200
check "it is stored" [ "$(sql "SELECT review FROM objective WHERE key = 'TO1'" | sed 's/^ *//')" = "Callbacks work; scripts take longer than thought." ]
check "and logged" [ "$(sql_value "SELECT count(*) FROM audit_log WHERE action = 'okr.review' AND object_key = 'TO1' AND outcome = 'ok'")" = 1 ]
put emp1 /api/v1/objectives/TO2/review '{"review": "x"}'
expect_code "an employee does not write another's review" 403
put coach1 /api/v1/objectives/TO1/review '{"review": "x"}'
expect_code "a coach out of reach gets 404" 404
put coach1 /api/v1/objectives/TD1/review '{"review": "Desk is on its way."}'
expect_code "a coach writes their team's review" 200
put hr1 /api/v1/objectives/TO2/review '{"review": null}'
expect_code "hr removes a review" 200
put hr1 /api/v1/objectives/TO2/review '{}'
expect_error "a missing review names it" missing_field review
put hr1 /api/v1/objectives/NOPE/review '{"review": "x"}'
expect_code "an unknown objective" 404

# ---- the pages ---------------------------------------------------------------------
page_login emp1
page emp1 /teams/kcc-phone/okr
expect_code "the board page" 200
clean_page "the board"
body_has "an objective with its progress bar" 'class="okr-fill s-'
body_has "its status in words" 'class="okr-status s-'
body_has "the key result's forecast chart" 'class="okr-forecast"'
body_has "the check-in history" 'Callback script helps'
body_has "a check-in form on the owner's key result" 'action="/okr/key-results/TK1/checkin"'
body_lacks "none on the manager's" 'action="/okr/key-results/TK4/checkin"'
body_lacks "none on a competency key result" 'action="/okr/key-results/TK3/checkin"'
body_has "the competency key result links to who it counts" 'href="/okr/key-results/TK3"'
token=$(csrf_of)
page emp1 /okr/key-results/TK2/checkin --data-urlencode "csrf_token=$token" --data-urlencode "date=2026-08-19" --data-urlencode "value=2" --data-urlencode "note=Two of four"
expect_code "a check-in through the form" 303
expect_location "back to the board, at the key result" "/teams/kcc-phone/okr?done=checkin#kr-TK2"
page emp1 /teams/kcc-phone/okr
body_has "it is in the history" 'Two of four'
page emp1 /okr/key-results/TK2/checkin --data-urlencode "csrf_token=$token" --data-urlencode "value=two"
expect_code "a bad value shows the board again" 422
body_has "with the error beside the field" 'id="ci-value-TK2-error"'
page emp1 /okr/key-results/TK4/checkin --data-urlencode "csrf_token=$token" --data-urlencode "value=90"
expect_code "the form refuses an objective the employee does not own" 403
page emp1 /teams/kcc-desk/okr
expect_code "another team's board is the 404 page" 404
page emp1 /okr/key-results/TK3
expect_code "the people a competency key result counts" 200
body_has "with the count and share" 'class="okr-count"'
body_has "the employee's own row" 'href="/people/KCC-1011"'
body_lacks "a colleague is counted, not named" 'href="/people/KCC-1012"'
body_has "and said so" 'counted but not named'
page_login mgr1
page mgr1 /okr/key-results/TK3
body_has "a manager sees their reports" 'href="/people/KCC-1012"'
body_has "cells coloured as the heatmap's" 'okr-level h'
page mgr1 '/teams/kcc-phone/okr/review?quarter=2026-Q2'
expect_code "the quarterly review" 200
clean_page "the review"
body_has "what was reached" 'Scripts retired'
body_has "what was learned: the notes" 'Two scripts still confuse'
body_has "what carries over" 'class="okr-carry"'
body_has "a review form for the owner" 'action="/okr/objectives/TQ2/review"'
token=$(csrf_of)
page mgr1 /okr/objectives/TQ2/review --data-urlencode "csrf_token=$token" --data-urlencode "quarter=2026-Q2" --data-urlencode "review=Retire scripts early."
expect_code "the review through the form" 303
expect_location "back to the review" "/teams/kcc-phone/okr/review?quarter=2026-Q2&done=review#obj-TQ2"
page mgr1 '/teams/kcc-phone/okr/review?quarter=2026-Q2'
body_has "it shows" 'Retire scripts early.'
page mgr1 /teams/kcc-phone/okr/review
expect_code "the last quarter finished by default" 200
body_has "2026-Q2 on 2026-08-20" '2026-Q2'
page mgr1 '/teams/kcc-phone/okr/review?quarter=2026-13'
expect_code "a bad quarter" 400
# On 2026-08-20 (monthly check-ins): TK9 has none since the start: due
# 2026-08-01, overdue; TK1's latest is today's: not.
page mgr1 /
body_has "the dashboard lists overdue check-ins" 'id="overdue-checkins"'
body_has "the metric not checked in since the start" 'href="/teams/kcc-phone/okr#kr-TK9"'
body_lacks "not one checked in today" 'href="/teams/kcc-phone/okr#kr-TK1"'
page mgr1 /okr
expect_code "the organisation's board" 200
body_has "its objective" 'Serve every channel well'
check "the page's read is logged as the organisation's" [ "$(sql_value "SELECT count(*) FROM audit_log WHERE actor = 'mgr1' AND action = 'read' AND object_kind = 'organisation' AND detail = 'okr' AND outcome = 'ok'")" = 1 ]
check "the review page's reads as the team's, detail okr.review" [ "$(sql_value "SELECT count(*) FROM audit_log WHERE actor = 'mgr1' AND action = 'read' AND object_key = 'kcc-phone' AND detail = 'okr.review' AND outcome = 'ok'")" -ge 3 ]

stop
check "the server stops with exit status 0 (clean under the sanitizers)" [ "$STOPPED" = 0 ]
check "and logged no sanitizer report" sh -c '! grep -q "Sanitizer" "$1"' _ "$WORK/okr.log"
done_testing
