#!/bin/sh
# The evaluation endpoints of compgap serve (issue 13), on the engine under
# test, over loopback with curl: POST /api/v1/evaluations (valid bodies, and
# invalid ones refused naming the field and what is valid, nothing stored),
# who may evaluate whom (a coach the agents of their teams, a manager their
# reporting line, hr and admin anyone, a self evaluation only of one's own
# contacts), GET /api/v1/evaluations/{key} with the other views of the
# contact and their alignment (hand-computed), GET
# /api/v1/people/{key}/evaluations (an employee sees their own and no one
# else's), the evidence a posted evaluation writes equal to the import's,
# CSRF, and the audit log (docs/security.md, "Who may evaluate").
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null
make_role_users
# coach2 is a coach with a person of their own (KCC-1002) for kcc-desk;
# emp2 is KCC-1031 of kcc-desk.
for u in "coach2 --role coach --teams kcc-desk --person KCC-1002" \
	"emp2 --role employee --person KCC-1031"; do
	# shellcheck disable=SC2086
	printf '%s\n' "$PASSWORD" | "$COMPGAP" user add $u --db "$DB" > /dev/null 2>&1
done
# phone: greeting yes/no (weight 1), listening 1-5 (2), solution 1-5 (3, critical).
cat > "$WORK/scorecards.csv" <<'CSV'
scorecard,area,competency,weight,min,max,critical
phone,greeting,communication,1,0,1,false
phone,listening,communication,2,1,5,false
phone,solution,customer-focus,3,1,5,true
CSV
run import scorecards "$WORK/scorecards.csv" --db "$DB"
expect_status "the scorecard is imported" 0

start_or_finish evaluations
for u in admin1 hr1 mgr1 coach2 emp1 emp2; do
	login $u
done
check "every role has signed in" [ -n "$CSRF_admin1" -a -n "$CSRF_hr1" -a -n "$CSRF_mgr1" \
	-a -n "$CSRF_coach2" -a -n "$CSRF_emp1" -a -n "$CSRF_emp2" ]

# post USER BODY: a POST of the JSON BODY to /api/v1/evaluations as USER
# (with their CSRF token), or with the API token when USER is "token".
post() {
	if [ "$1" = token ]; then
		CODE=$(curl -s -o "$WORK/b" -D "$WORK/h" -w '%{http_code}' \
			-H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
			--data-binary "$2" "http://127.0.0.1:$PORT/api/v1/evaluations")
		return
	fi
	eval "csrf=\$CSRF_$1"
	as "$1" /api/v1/evaluations -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" \
		--data-binary "$2"
}

fetch() {
	if [ "$1" = token ]; then
		CODE=$(curl -s -o "$WORK/b" -D "$WORK/h" -w '%{http_code}' \
			-H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$2")
	else
		as "$1" "$2"
	fi
}

json() {
	python3 -c "import json, sys; d = json.load(open(sys.argv[1])); print($1)" "$WORK/b"
}

# body AGENT KIND CONTACT [EXTRA] [G L S]: an evaluation of the phone
# scorecard dated 2026-11-20 with greeting G, listening L, solution S
# (1 4 5 unless given); EXTRA is more fields, such as ', "evaluator": "X"'.
body() {
	printf '{"contact": "%s", "channel": "phone", "agent": "%s", "kind": "%s",
	"date": "2026-11-20", "scorecard": "phone"%s, "areas": [
	{"area": "greeting", "score": %s}, {"area": "listening", "score": %s, "comment": "calm"},
	{"area": "solution", "score": %s, "comment": "solved, checked twice"}]}' \
		"$3" "$1" "$2" "${4:-}" "${5:-1}" "${6:-4}" "${7:-5}"
}

evaluations() {
	sql_value "SELECT count(*) FROM evaluation"
}

# The demo's own evaluations (of kcc-phone), stored without audit entries
# by `compgap demo`: KCC-1011's and all of them.
DEMO_1011=$(sql_value "SELECT count(*) FROM evaluation e JOIN person p ON p.id = e.agent_id WHERE p.key = 'KCC-1011'")
DEMO_ALL=$(sql_value "SELECT count(*) FROM evaluation")

# ------------------------------------------------------------ who may evaluate whom
# USER AGENT KIND STATUS FIELD [EXTRA]: the answer has STATUS (and names
# FIELD when refused), and an evaluation is stored exactly when it is 201.
n=0
while read -r user agent kind want field extra; do
	n=$((n + 1))
	before=$(evaluations)
	post "$user" "$(body "$agent" "$kind" "M-$n" "$extra")"
	after=$(evaluations)
	expect_code "$user evaluates $agent as $kind: $want" "$want"
	if [ "$want" = 201 ]; then
		check "  and it is stored" [ "$after" = $((before + 1)) ]
	else
		check "  and nothing is stored" [ "$after" = "$before" ]
		expect_error "  the refusal names $field" "$([ "$want" = 404 ] && echo not_found || echo forbidden)" "$field"
	fi
done <<'EOF'
coach2 KCC-1031 manager 201 -
coach2 KCC-1032 peer 201 -
coach2 KCC-1033 calibration 201 -
coach2 KCC-1011 manager 404 agent
coach2 KCC-1051 manager 404 agent
coach2 KCC-1031 self 403 agent
coach2 KCC-1002 manager 403 agent
coach2 KCC-1031 manager 403 evaluator , "evaluator": "KCC-1030"
mgr1 KCC-1011 manager 201 -
mgr1 KCC-1012 peer 201 -
mgr1 KCC-1031 manager 404 agent
mgr1 KCC-1010 manager 403 agent
mgr1 KCC-1010 self 201 -
hr1 KCC-1051 manager 201 - , "evaluator": "KCC-1002"
admin1 KCC-1077 manager 201 - , "evaluator": "KCC-1070"
emp1 KCC-1011 self 201 -
emp1 KCC-1012 self 403 agent
emp1 KCC-1011 manager 403 kind
emp1 KCC-1012 peer 403 kind
emp1 KCC-1011 self 403 evaluator , "evaluator": "KCC-1010"
emp2 KCC-1031 self 201 -
token KCC-1052 manager 201 - , "evaluator": "KCC-1050"
token KCC-1031 manager 404 agent , "evaluator": "KCC-1050"
token KCC-1052 manager 403 evaluator , "evaluator": "KCC-1031"
EOF
post hr1 "$(body KCC-1051 manager M-hr)"
expect_code "hr without a person must name the evaluator" 400
expect_error "  naming evaluator" missing_field evaluator
post token "$(body KCC-1052 manager M-token)"
expect_code "so must a token without a person" 400
expect_error "  naming evaluator" missing_field evaluator
as coach2 /api/v1/evaluations -H 'Content-Type: application/json' \
	--data-binary "$(body KCC-1031 manager M-csrf)"
expect_code "a cookie without the CSRF token is refused" 403
check "  and nothing is stored" [ "$(sql_value "SELECT count(*) FROM evaluation WHERE contact = 'M-csrf'")" = 0 ]

# ------------------------------------------------------------ bad bodies
# STATUS CODE FIELD JSON: refused with STATUS, the error CODE naming FIELD.
before=$(evaluations)
while IFS='|' read -r want code field doc; do
	post coach2 "$doc"
	expect_code "bad body ($field): $want" "$want"
	expect_error "  names $field" "$code" "$field"
done <<'EOF'
400|malformed_json|null|{"contact": 
400|wrong_type|null|[1, 2]
400|unknown_field|colour|{"colour": "red"}
400|missing_field|contact|{"channel": "phone", "agent": "KCC-1031", "kind": "manager", "date": "2026-11-20", "scorecard": "phone", "areas": [{"area": "greeting", "score": 1}]}
422|invalid_value|channel|{"contact": "C", "channel": "fax", "agent": "KCC-1031", "kind": "manager", "date": "2026-11-20", "scorecard": "phone", "areas": [{"area": "greeting", "score": 1}]}
422|invalid_value|kind|{"contact": "C", "channel": "phone", "agent": "KCC-1031", "kind": "boss", "date": "2026-11-20", "scorecard": "phone", "areas": [{"area": "greeting", "score": 1}]}
422|invalid_value|date|{"contact": "C", "channel": "phone", "agent": "KCC-1031", "kind": "manager", "date": "2026-02-30", "scorecard": "phone", "areas": [{"area": "greeting", "score": 1}]}
422|invalid_value|date|{"contact": "C", "channel": "phone", "agent": "KCC-1031", "kind": "manager", "date": "2099-01-01", "scorecard": "phone", "areas": [{"area": "greeting", "score": 1}]}
422|invalid_value|scorecard|{"contact": "C", "channel": "phone", "agent": "KCC-1031", "kind": "manager", "date": "2026-11-20", "scorecard": "email", "areas": [{"area": "greeting", "score": 1}]}
422|invalid_value|areas[1].area|{"contact": "C", "channel": "phone", "agent": "KCC-1031", "kind": "manager", "date": "2026-11-20", "scorecard": "phone", "areas": [{"area": "greeting", "score": 1}, {"area": "humour", "score": 1}]}
422|invalid_value|areas[0].score|{"contact": "C", "channel": "phone", "agent": "KCC-1031", "kind": "manager", "date": "2026-11-20", "scorecard": "phone", "areas": [{"area": "listening", "score": 6}]}
422|invalid_value|areas[1].area|{"contact": "C", "channel": "phone", "agent": "KCC-1031", "kind": "manager", "date": "2026-11-20", "scorecard": "phone", "areas": [{"area": "greeting", "score": 1}, {"area": "greeting", "score": 0}]}
400|wrong_type|areas[0].score|{"contact": "C", "channel": "phone", "agent": "KCC-1031", "kind": "manager", "date": "2026-11-20", "scorecard": "phone", "areas": [{"area": "greeting", "score": "yes"}]}
400|missing_field|areas[0].score|{"contact": "C", "channel": "phone", "agent": "KCC-1031", "kind": "manager", "date": "2026-11-20", "scorecard": "phone", "areas": [{"area": "greeting"}]}
400|unknown_field|areas[0].weight|{"contact": "C", "channel": "phone", "agent": "KCC-1031", "kind": "manager", "date": "2026-11-20", "scorecard": "phone", "areas": [{"area": "greeting", "score": 1, "weight": 2}]}
400|missing_field|areas|{"contact": "C", "channel": "phone", "agent": "KCC-1031", "kind": "manager", "date": "2026-11-20", "scorecard": "phone", "areas": []}
404|not_found|agent|{"contact": "C", "channel": "phone", "agent": "NOBODY", "kind": "manager", "date": "2026-11-20", "scorecard": "phone", "areas": [{"area": "greeting", "score": 1}]}
422|invalid_value|contact|{"contact": " C", "channel": "phone", "agent": "KCC-1031", "kind": "manager", "date": "2026-11-20", "scorecard": "phone", "areas": [{"area": "greeting", "score": 1}]}
EOF
post coach2 '{"contact": "C", "channel": "fax", "agent": "KCC-1031", "kind": "manager", "date": "2026-11-20", "scorecard": "phone", "areas": [{"area": "greeting", "score": 1}]}'
check "a refusal says what is valid (the channels)" grep -q 'use one of phone, email, chat, social, desk' "$WORK/b"
post coach2 '{"contact": "C", "channel": "phone", "agent": "KCC-1031", "kind": "manager", "date": "2026-11-20", "scorecard": "phone", "areas": [{"area": "humour", "score": 1}]}'
check "  (the scorecard's areas)" grep -q "its areas: greeting, listening, solution" "$WORK/b"
post coach2 '{"contact": "C", "channel": "phone", "agent": "KCC-1031", "kind": "manager", "date": "2026-11-20", "scorecard": "phone", "areas": [{"area": "listening", "score": 6}]}'
check "  (the area's scale)" grep -q "outside the scale of area 'listening', 1 to 5" "$WORK/b"
check "no bad body stored anything" [ "$(evaluations)" = "$before" ]
post coach2 "$(body KCC-1031 manager K-1 ', "evaluation": "EV-FIXED"')"
expect_code "a key may be given" 201
check "  and is kept" [ "$(json 'd["evaluation"]')" = EV-FIXED ]
post coach2 "$(body KCC-1031 manager K-2 ', "evaluation": "EV-FIXED"')"
expect_code "the same key again conflicts" 409
expect_error "  naming evaluation" conflict evaluation

# ------------------------------------------------------------ the calibration
# The coach's view of contact CAL (greeting 1, listening 4, solution 5:
# 100, 75, 100 %) and the agent's own (greeting 1, listening 5, solution 3:
# 100, 100, 50 %): differences 0, +25, -50; alignment
# 1 - (1*0 + 2*25 + 3*50) / (6 * 100) = 1 - 200/600 = 2/3.
post mgr1 "$(body KCC-1011 manager CAL)"
expect_code "the manager evaluates contact CAL" 201
coach_key=$(json 'd["evaluation"]')
post emp1 "$(body KCC-1011 self CAL "" 1 5 3)"
expect_code "the agent evaluates the same contact" 201
self_key=$(json 'd["evaluation"]')
fetch emp1 "/api/v1/evaluations/$self_key"
expect_code "the agent reads their self evaluation" 200
check "with the coach's view beside it, per area and aligned 2/3" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["evaluation"] == sys.argv[2] and d["kind"] == "self" and d["feeds"] == "self", d
assert [a["percentage"] for a in d["areas"]] == [100, 100, 50], d["areas"]
assert abs(d["score"] - (100 + 200 + 150) / 6) < 1e-9, d["score"]
v = d["views"]
assert len(v) == 1 and v[0]["evaluation"] == sys.argv[3] and v[0]["kind"] == "manager", v
assert v[0]["evaluator"] == "KCC-1010", v
assert [a["difference"] for a in v[0]["areas"]] == [0, -25, 50], v[0]["areas"]
assert [a["percentage"] for a in v[0]["areas"]] == [100, 75, 100], v[0]["areas"]
assert abs(v[0]["alignment"] - 2 / 3) < 1e-12, v[0]["alignment"]
' "$WORK/b" "$self_key" "$coach_key"
fetch mgr1 "/api/v1/evaluations/$coach_key"
expect_code "the manager reads theirs" 200
check "  with the agent's view, the other way round" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
v = d["views"]
assert len(v) == 1 and v[0]["kind"] == "self", v
assert [a["difference"] for a in v[0]["areas"]] == [0, 25, -50], v[0]["areas"]
assert abs(v[0]["alignment"] - 2 / 3) < 1e-12, v[0]["alignment"]
assert abs(d["score"] - (100 + 150 + 300) / 6) < 1e-9, d["score"]
assert d["praise"] is False and d["auto_failed"] is False, d
' "$WORK/b"
check "the document holds what show evaluation --json does" python3 -c '
import json, subprocess, sys
d = json.load(open(sys.argv[1]))
s = json.loads(subprocess.run([sys.argv[2], "show", "evaluation", sys.argv[3], "--json", "--db",
    sys.argv[4]], capture_output=True, check=True).stdout)
views = d.pop("views")
assert d == s, (d, s)
' "$WORK/b" "$COMPGAP" "$coach_key" "$DB"

# A calibration that scored solution alone (3: 50 %) shares one area with
# the manager's view: differences null, null, -50; alignment
# 1 - 3 * 50 / (3 * 100) = 0.5 over the shared area only.
post hr1 '{"contact": "CAL", "channel": "phone", "agent": "KCC-1011", "kind": "calibration",
	"evaluator": "KCC-1003", "date": "2026-11-21", "scorecard": "phone",
	"areas": [{"area": "solution", "score": 3}]}'
expect_code "a calibration of one area of the same contact" 201
partial_key=$(json 'd["evaluation"]')
fetch mgr1 "/api/v1/evaluations/$coach_key"
check "  is a third view, compared on the area both scored" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
v = {x["evaluation"]: x for x in d["views"]}
assert len(v) == 2, d["views"]
c = v[sys.argv[2]]
assert [a["difference"] for a in c["areas"]] == [None, None, -50], c["areas"]
assert [a["percentage"] for a in c["areas"]] == [None, None, 50], c["areas"]
assert c["alignment"] == 0.5 and c["score"] == 50, c
assert [x["evaluation"] for x in d["views"]][-1] == sys.argv[2], "oldest first"
' "$WORK/b" "$partial_key"

# ------------------------------------------------------------ who sees what
fetch emp2 "/api/v1/evaluations/$coach_key"
expect_code "another employee does not see it" 404
expect_error "  as if it did not exist" not_found key
fetch coach2 "/api/v1/evaluations/$coach_key"
expect_code "nor does a coach of another team" 404
fetch hr1 "/api/v1/evaluations/$coach_key"
expect_code "hr does" 200
fetch emp1 /api/v1/evaluations/EV-none
expect_code "an unknown evaluation is 404" 404
fetch emp1 /api/v1/people/KCC-1011/evaluations
expect_code "the agent lists their evaluations" 200
check "  all of them, newest first, with their scores" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
e = d["evaluations"]
assert d["person"] == "KCC-1011" and d["month"] is None, d
keys = [x["evaluation"] for x in e]
assert sys.argv[2] in keys and sys.argv[3] in keys and len(e) == 5 + int(sys.argv[4]), keys
assert [x["date"] for x in e] == sorted((x["date"] for x in e), reverse=True), e
assert all(x["score"] is not None for x in e), e
' "$WORK/b" "$coach_key" "$self_key" "$DEMO_1011"
fetch emp1 "/api/v1/people/KCC-1011/evaluations?month=2020-10"
check "a month without evaluations lists none" [ "$(json 'len(d["evaluations"])')" = 0 ]
fetch emp1 "/api/v1/people/KCC-1011/evaluations?month=2026-11"
check "  and November all five" [ "$(json 'len(d["evaluations"])')" = 5 ]
fetch emp1 "/api/v1/people/KCC-1011/evaluations?month=11-2026"
expect_code "a bad month is refused" 400
expect_error "  naming month" bad_month month
fetch emp1 /api/v1/people/KCC-1012/evaluations
expect_code "an employee does not list a colleague's" 404
fetch mgr1 /api/v1/people/KCC-1012/evaluations
expect_code "their manager does" 200
fetch coach2 /api/v1/people/KCC-1012/evaluations
expect_code "a coach of another team does not" 404

# ------------------------------------------------------------ the import's evidence
# The same evaluation posted for KCC-1035 and imported for KCC-1036 writes
# the same evidence rows (competency, level, source, date, assessor).
post coach2 "$(body KCC-1035 manager SAME "" 0 3 2)"
expect_code "an evaluation with an auto-fail is posted" 201
same_key=$(json 'd["evaluation"]')
cat > "$WORK/evaluations.csv" <<'CSV'
evaluation,contact,channel,agent,evaluator,kind,date,area,score,comment
IMP-1,SAME,phone,KCC-1036,KCC-1002,manager,2026-11-20,greeting,0,
IMP-1,SAME,phone,KCC-1036,KCC-1002,manager,2026-11-20,listening,3,calm
IMP-1,SAME,phone,KCC-1036,KCC-1002,manager,2026-11-20,solution,2,"solved, checked twice"
CSV
run import evaluations "$WORK/evaluations.csv" --db "$DB"
expect_status "the same evaluation is imported for another agent" 0
evrows() {
	sql "SELECT c.key, e.level, e.source, e.date, a.key FROM evidence e
		JOIN person p ON p.id = e.person_id JOIN competency c ON c.id = e.competency_id
		LEFT JOIN person a ON a.id = e.assessor_id WHERE p.key = '$1'
		AND e.id IN (SELECT evidence_id FROM evaluation_score) ORDER BY 1, 2" | tr -d ' \r'
}
evrows KCC-1035 > "$WORK/posted.txt"
evrows KCC-1036 > "$WORK/imported.txt"
check "the posted evaluation wrote three evidence rows" [ "$(grep -c . "$WORK/posted.txt")" = 3 ]
check "  the same as the import's" cmp -s "$WORK/posted.txt" "$WORK/imported.txt"
check "  at the levels of the method (1, 3, 1.5)" python3 -c '
import sys
rows = [l.split("|") for l in open(sys.argv[1]).read().split()]
levels = sorted(float(r[1]) for r in rows)
assert levels == [1.0, 2.0, 3.0], rows
assert all(r[2] == "qa" and r[4] == "KCC-1002" for r in rows), rows
' "$WORK/posted.txt"
"$COMPGAP" show evaluation "$same_key" --json --db "$DB" > "$WORK/posted.json"
"$COMPGAP" show evaluation IMP-1 --json --db "$DB" > "$WORK/imported.json"
check "and show evaluation gives the same figures (auto-failed, score 0)" python3 -c '
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
for d in (a, b):
    for k in ("evaluation", "agent"): d.pop(k)
    for x in d["areas"]: x.pop("evidence")
assert a == b, (a, b)
assert a["auto_failed"] is True and a["score"] == 0, a
' "$WORK/posted.json" "$WORK/imported.json"
post emp2 "$(body KCC-1031 self SELFROWS)"
check "a self evaluation writes self evidence" [ "$(sql_value "SELECT count(*) FROM evidence e
	JOIN evaluation_score s ON s.evidence_id = e.id JOIN evaluation v ON v.id = s.evaluation_id
	WHERE v.contact = 'SELFROWS' AND e.source = 'self'")" = 3 ]
check "a calibration evaluation writes none" [ "$(sql_value "SELECT count(*) FROM evaluation_score s
	JOIN evaluation v ON v.id = s.evaluation_id WHERE v.kind = 'calibration' AND s.evidence_id IS NOT NULL")" = 0 ]

# ------------------------------------------------------------ the pages
# The same rules behind the browser's pages (web/eval_*.c, quality_page.c).
for u in coach2 emp1 emp2 mgr1; do page_login $u; done
page emp1 "/evaluations/$self_key"
expect_code "the agent's page of their self evaluation" 200
body_has "  shows the calibration" 'table class="calibration"'
body_has "  with the alignment" "66.7"
clean_page "the evaluation page"
page emp2 "/evaluations/$self_key"
expect_code "another employee gets the 404 page" 404
page mgr1 "/evaluations/$coach_key"
body_has "the manager's evaluation offers the agent nothing to click" "Calibration"
body_lacks "  (the self link is the agent's)" "/evaluations/new?from="
page coach2 "/evaluations/$same_key"
expect_code "the coach's page of an auto-failed evaluation" 200
body_has "  says the auto-fail" "Auto-fail: a critical area scored under 50"
body_has "  and marks the failed critical area" '<tr class="failed"><th scope="row">solution'
page emp1 /people/KCC-1011/evaluations
expect_code "the agent's list of evaluations" 200
body_has "  links each coach's evaluation to a self evaluation" "/evaluations/new?from=$coach_key"
page emp1 /people/KCC-1012/evaluations
expect_code "  and not a colleague's" 404
page coach2 "/teams/kcc-desk/quality?month=2026-11"
expect_code "the coach's team quality month" 200
body_has "  names the agents" "Ingrid Berg"
clean_page "the quality page"
page emp1 "/teams/kcc-desk/quality?month=2026-11"
expect_code "  an employee sees no team" 404
page coach2 "/teams/kcc-desk/quality?month=2026-13"
expect_code "  a bad month is said" 400
page coach2 "/evaluations/new?agent=KCC-1031"
expect_code "the coach's evaluation form" 200
body_has "  a yes/no area is two radio buttons" 'id="score-0-1" name="score-0" value="1"'
body_has "  a 1-5 area five" 'id="score-1-5" name="score-1" value="5"'
clean_page "the evaluation form"
page coach2 "/evaluations/new?agent=KCC-1011"
expect_code "  not of an agent out of reach" 404
csrf=$(csrf_of)
page coach2 "/evaluations/new?agent=KCC-1031"
csrf=$(csrf_of)
before=$(evaluations)
page coach2 /evaluations/new --data-urlencode "csrf_token=$csrf" --data-urlencode scorecard=phone \
	--data-urlencode agent=KCC-1031 --data-urlencode kind=manager --data-urlencode contact=FORM-1 \
	--data-urlencode channel=chat --data-urlencode date=2026-11-21 --data-urlencode score-0=1 \
	--data-urlencode score-1=3 --data-urlencode score-2=4 --data-urlencode comment-1=ok
expect_code "the form stores an evaluation" 303
check "  one" [ "$(evaluations)" = $((before + 1)) ]
case $(location) in /evaluations/EV-*"?saved=1") ok "  and sends to its page" ;;
	*) not_ok "  and sends to its page" "$(location)" ;; esac
page coach2 /evaluations/new --data-urlencode "csrf_token=$csrf" --data-urlencode scorecard=phone \
	--data-urlencode agent=KCC-1011 --data-urlencode kind=manager --data-urlencode contact=FORM-2 \
	--data-urlencode channel=chat --data-urlencode date=2026-11-21 --data-urlencode score-0=1
expect_code "  not of an agent out of reach" 404
page coach2 /evaluations/new --data-urlencode "csrf_token=$csrf" --data-urlencode scorecard=phone \
	--data-urlencode agent=KCC-1031 --data-urlencode kind=manager --data-urlencode contact=FORM-X \
	--data-urlencode channel=chat --data-urlencode date=2026-11-21 --data-urlencode score-1=9
expect_code "  a score off the scale is said beside its area" 422
body_has "  (the error)" 'id="score-1-error"'
page coach2 /evaluations/new --data-urlencode "csrf_token=$csrf" --data-urlencode scorecard=phone \
	--data-urlencode agent=KCC-1031 --data-urlencode kind=manager --data-urlencode contact= \
	--data-urlencode channel=chat --data-urlencode date=2026-11-21 --data-urlencode score-1=3
expect_code "  a missing contact is said beside it" 422
body_has "  (the error)" 'id="contact-error"'
body_has "  and the score chosen is kept" 'id="score-1-3" name="score-1" value="3" checked'
check "  nothing stored by the refusals" [ "$(evaluations)" = $((before + 1)) ]
page emp2 /evaluations/new
csrf=$(csrf_of)
body_has "an employee's form is their own" "Self evaluation"
page emp2 /evaluations/new --data-urlencode "csrf_token=$csrf" --data-urlencode scorecard=phone \
	--data-urlencode agent=KCC-1032 --data-urlencode kind=manager --data-urlencode contact=FORM-3 \
	--data-urlencode channel=chat --data-urlencode date=2026-11-21 --data-urlencode score-0=1
expect_code "  and posting another agent is refused" 403
page emp2 /evaluations/new --data-urlencode "csrf_token=$csrf" --data-urlencode scorecard=phone \
	--data-urlencode agent=KCC-1031 --data-urlencode contact=FORM-3 \
	--data-urlencode channel=chat --data-urlencode date=2026-11-21 --data-urlencode score-0=1
expect_code "  their own contact is stored as a self evaluation" 303
check "  (kind self)" [ "$(sql_value "SELECT kind FROM evaluation WHERE contact = 'FORM-3'")" = self ]
page coach2 /evaluations/new --data-urlencode scorecard=phone --data-urlencode agent=KCC-1031 \
	--data-urlencode contact=FORM-4 --data-urlencode channel=chat --data-urlencode date=2026-11-21 \
	--data-urlencode score-0=1
check "  a form without its CSRF token is refused" [ "$CODE" = 403 ] && \
	[ "$(sql_value "SELECT count(*) FROM evaluation WHERE contact = 'FORM-4'")" = 0 ]

# ------------------------------------------------------------ the audit log
stop
"$COMPGAP" audit --json --db "$DB" > "$WORK/audit.json" 2>&1
check "the audit log has every evaluation, refusal and read" python3 -c '
import json, sys
entries = json.load(open(sys.argv[1]))["audit"]
got = [(e["actor"], e["action"], e["outcome"], e.get("person")) for e in entries]
def has(*x): assert x in got, (x, [g for g in got if "evaluation" in g[1] or g[1] == "read"][:60])
has("coach2", "evaluation.add", "ok", "KCC-1031")
has("coach2", "evaluation.add", "denied", "KCC-1011")
has("emp1", "evaluation.add", "denied", "KCC-1012")
has("coach2", "evaluation.add", "failed", "KCC-1031")
has("emp1", "evaluation.add", "ok", "KCC-1011")
has("token:online-coach", "evaluation.add", "ok", "KCC-1052")
has("mgr1", "read", "ok", "KCC-1012")
has("emp2", "read", "denied", None)
adds = [e for e in entries if e["action"] == "evaluation.add" and e["outcome"] == "ok"]
assert all("evidence row" in e["detail"] for e in adds), adds
' "$WORK/audit.json"
check "every stored evaluation has its audit entry" python3 -c '
import json, sys
entries = json.load(open(sys.argv[1]))["audit"]
n = sum(1 for e in entries if e["action"] == "evaluation.add" and e["outcome"] == "ok")
assert n == int(sys.argv[2]) - int(sys.argv[3]), (n, sys.argv[2], sys.argv[3])
' "$WORK/audit.json" "$(sql_value "SELECT count(*) FROM evaluation WHERE key <> 'IMP-1'")" "$DEMO_ALL"

done_testing
