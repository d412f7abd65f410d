#!/bin/sh
# Teams, people, competencies and roles over HTTP (http/entities.c,
# entities_write.c, scope.c), on the engine under test, over loopback with
# curl: every endpoint; an access matrix of every role (admin1, hr1, mgr1,
# coach1, emp1 and the coach token of kcc-online) against objects inside
# and outside its reach, asserting exactly what each list and record
# holds and what each write does; the 400s that name the field, 422, 409
# (an existing key, a row others refer to, users and tokens included),
# 404; CSRF; nothing half-written after a refusal; the audit entries.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null
make_role_users
check "a token was created" [ -n "$TOKEN" ]

start_or_finish ent
for u in admin1 hr1 mgr1 coach1 emp1; do login $u; done
check "every role has signed in" [ -n "$CSRF_admin1" -a -n "$CSRF_hr1" -a -n "$CSRF_mgr1" \
	-a -n "$CSRF_coach1" -a -n "$CSRF_emp1" ]

# w USER METHOD PATH [BODY]: a write with USER's cookie and CSRF token.
w() {
	wu=$1
	wm=$2
	wp=$3
	shift 3
	eval "wcsrf=\$CSRF_$wu"
	if [ $# -gt 0 ]; then
		as "$wu" "$wp" -X "$wm" -H "X-CSRF-Token: $wcsrf" -H 'Content-Type: application/json' \
			--data-binary "$1"
	else
		as "$wu" "$wp" -X "$wm" -H "X-CSRF-Token: $wcsrf"
	fi
}
# tk METHOD PATH [BODY]: the same with the coach token of kcc-online.
tk() {
	tm=$1
	tp=$2
	shift 2
	if [ $# -gt 0 ]; then
		CODE=$(curl -s -o "$WORK/b" -D "$WORK/h" -w '%{http_code}' -X "$tm" \
			-H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
			--data-binary "$1" "http://127.0.0.1:$PORT$tp")
	else
		CODE=$(curl -s -o "$WORK/b" -D "$WORK/h" -w '%{http_code}' -X "$tm" \
			-H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$tp")
	fi
}
# get_as WHO PATH: a GET by a user, or by the token when WHO is "token".
get_as() {
	if [ "$1" = token ]; then tk GET "$2"; else as "$1" "$2"; fi
}
# keys FIELD: the list in $WORK/b as "k1 k2 ... | next_cursor".
keys() {
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert set(d) == {"items", "next_cursor"}, d
print(" ".join(i[sys.argv[2]] for i in d["items"]) + " | " + str(d["next_cursor"]))
' "$WORK/b" "$1" 2> "$WORK/pyerr" || echo "not a list: $(head -c 200 "$WORK/b")"
}
# pages WHO PATH FIELD LIMIT: every page of PATH (which has a ?) walked
# with LIMIT: the keys met, space-separated; "BAD ..." when a page but the
# last is not full, or the last is empty after a full one.
pages() {
	cursor=""
	seen=""
	n=0
	while :; do
		get_as "$1" "$2&limit=$4${cursor:+&cursor=$cursor}"
		[ "$CODE" = 200 ] || { echo "BAD status $CODE"; return; }
		out=$(keys "$3")
		items=${out% | *}
		next=${out##* | }
		count=$(printf '%s\n' "$items" | wc -w)
		if [ "$next" != None ] && [ "$count" != "$4" ]; then echo "BAD page of $count"; return; fi
		if [ "$next" = None ] && [ "$n" -gt 0 ] && [ "$count" = 0 ]; then echo "BAD empty"; return; fi
		seen="$seen${seen:+ }$items"
		seen=${seen% }
		n=$((n + 1))
		[ "$next" = None ] && break
		cursor=$next
		[ $n -lt 100 ] || { echo "BAD endless"; return; }
	done
	echo "$seen"
}
# expect_list NAME WANT: keys FIELD of the last list is WANT.
expect_is() {
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got:  $2" "want: $3"; fi
}
# emails: the email fields of the list in $WORK/b, "null" for none.
emails_null() {
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
items = d["items"] if "items" in d else [d]
assert items and all(i["email"] is None for i in items), items
' "$WORK/b"
}
emails_set() {
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
items = d["items"] if "items" in d else [d]
assert items and all(isinstance(i["email"], str) and "@" in i["email"] for i in items), items
' "$WORK/b"
}
# json_is PYTHON-EXPR: the body, as d, satisfies it.
json_is() {
	python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
assert $2, d
" "$WORK/b" 2> "$WORK/pyerr" && ok "$1" || not_ok "$1" "$(tail -n 1 "$WORK/pyerr")"
}

PHONE="KCC-1010 KCC-1011 KCC-1012 KCC-1013 KCC-1014 KCC-1015 KCC-1016 KCC-1017 KCC-1018 KCC-1019 KCC-1020 KCC-1021"
DESK="KCC-1030 KCC-1031 KCC-1032 KCC-1033 KCC-1034 KCC-1035 KCC-1036 KCC-1037 KCC-1038 KCC-1039"
ONLINE="KCC-1050 KCC-1051 KCC-1052 KCC-1053 KCC-1054 KCC-1055 KCC-1056 KCC-1057"
EVERYONE=$(sql "SELECT key FROM person ORDER BY key" | tr '\n' ' ' | sed 's/ $//')
ALL_TEAMS="kcc kcc-back kcc-desk kcc-online kcc-phone"

# ------------------------------------------------------------ lists by role
for u in admin1 hr1; do
	expect_is "$u lists everyone (pages of 7)" "$(pages $u '/api/v1/people?' id 7)" "$EVERYONE"
	expect_is "$u lists every team (pages of 2)" "$(pages $u '/api/v1/teams?' key 2)" "$ALL_TEAMS"
	as $u /api/v1/people
	check "$u sees email addresses" emails_set
done
check "the demo has 41 people" [ "$(echo $EVERYONE | wc -w)" = 41 ]
# The manager's reporting line, computed apart by the database.
LINE=$(sql "WITH RECURSIVE line(id) AS (SELECT id FROM person WHERE key = 'KCC-1010'
	UNION SELECT p.id FROM person p JOIN line ON p.manager_id = line.id)
	SELECT key FROM person WHERE id IN (SELECT id FROM line) ORDER BY key" | tr '\n' ' ' | sed 's/ $//')
expect_is "the reporting line of KCC-1010 is kcc-phone" "$LINE" "$PHONE"
expect_is "mgr1 lists exactly their reporting line (pages of 5)" \
	"$(pages mgr1 '/api/v1/people?' id 5)" "$LINE"
expect_is "mgr1 lists exactly their reporting line (one page)" \
	"$(pages mgr1 '/api/v1/people?' id 1000)" "$LINE"
as mgr1 /api/v1/people
check "a manager sees email addresses" emails_set
expect_is "mgr1 lists the team of their reports" "$(pages mgr1 '/api/v1/teams?' key 1)" "kcc-phone"
expect_is "coach1 lists the people of kcc-desk (pages of 3)" \
	"$(pages coach1 '/api/v1/people?' id 3)" "$DESK"
as coach1 /api/v1/people
check "a coach sees no email address in a list" emails_null
expect_is "coach1 lists their team" "$(pages coach1 '/api/v1/teams?' key 3)" "kcc-desk"
expect_is "emp1 lists only themselves" "$(pages emp1 '/api/v1/people?' id 5)" "KCC-1011"
as emp1 /api/v1/teams
expect_is "emp1 lists no team" "$(keys key)" " | None"
expect_is "the token lists the people of kcc-online" "$(pages token '/api/v1/people?' id 4)" "$ONLINE"
tk GET /api/v1/people
check "the coach token sees no email address" emails_null
expect_is "the token lists its team" "$(pages token '/api/v1/teams?' key 4)" "kcc-online"

# ?team=: within reach filters; out of reach answers 404 as absent.
expect_is "admin1 ?team=kcc-desk" "$(pages admin1 '/api/v1/people?team=kcc-desk' id 4)" "$DESK"
expect_is "admin1 ?team=kcc lists everyone in kcc's subtree" \
	"$(pages admin1 '/api/v1/people?team=kcc' id 10)" "$EVERYONE"
expect_is "admin1 teams ?team=kcc-phone" "$(pages admin1 '/api/v1/teams?team=kcc-phone' key 4)" "kcc-phone"
expect_is "mgr1 ?team=kcc-phone" "$(pages mgr1 '/api/v1/people?team=kcc-phone' id 4)" "$PHONE"
for pair in "mgr1 kcc-desk" "mgr1 kcc" "coach1 kcc-phone" "coach1 kcc" "emp1 kcc-phone" \
	"token kcc-desk" "admin1 no-such-team"; do
	set -- $pair
	get_as $1 "/api/v1/people?team=$2"
	expect_code "$1 people ?team=$2 out of reach: 404" 404
	expect_error "$1 people ?team=$2: answered as absent, naming team" not_found team
	get_as $1 "/api/v1/teams?team=$2"
	expect_code "$1 teams ?team=$2 out of reach: 404" 404
done
# ?active=
expect_is "admin1 ?active=false: nobody has left yet" "$(pages admin1 '/api/v1/people?active=false' id 5)" ""
expect_is "mgr1 ?active=true" "$(pages mgr1 '/api/v1/people?active=true' id 5)" "$PHONE"
as admin1 "/api/v1/people?active=maybe"
expect_code "?active= takes true or false" 400
expect_error "?active=maybe names active" bad_parameter active
as admin1 "/api/v1/people?limit=0"
expect_error "?limit=0 names limit" bad_parameter limit
as admin1 "/api/v1/competencies?team=kcc"
expect_error "competencies take no ?team=" unknown_parameter team
as admin1 "/api/v1/teams?active=true"
expect_error "teams take no ?active=" unknown_parameter active

# The library, for everyone signed in.
LIB=$(sql "SELECT key FROM competency ORDER BY key" | tr '\n' ' ' | sed 's/ $//')
ROLES=$(sql "SELECT key FROM role ORDER BY key" | tr '\n' ' ' | sed 's/ $//')
for who in admin1 hr1 mgr1 coach1 emp1 token; do
	expect_is "$who lists the competencies (pages of 4)" "$(pages $who '/api/v1/competencies?' key 4)" "$LIB"
	expect_is "$who lists the roles (pages of 2)" "$(pages $who '/api/v1/roles?' key 2)" "$ROLES"
done
check "the demo has 14 competencies and 5 roles" [ "$(echo $LIB | wc -w)/$(echo $ROLES | wc -w)" = 14/5 ]

# ----------------------------------------------------------- records by role
# rec WHO PATH WANT
rec() {
	get_as "$1" "$2"
	expect_code "$1 GET $2: $3" "$3"
	[ "$3" = 404 ] && expect_error "$1 GET $2: answered as absent" not_found key
}
for who in admin1 hr1; do
	rec $who /api/v1/teams/kcc-desk 200
	rec $who /api/v1/people/KCC-1031/record 200
	check "$who sees KCC-1031's email" emails_set
done
rec mgr1 /api/v1/teams/kcc-phone 200
json_is "a team's record" 'd == {"key": "kcc-phone", "name": d["name"], "parent": "kcc"} and d["name"]'
rec mgr1 /api/v1/teams/kcc-desk 404
rec mgr1 /api/v1/teams/kcc 404
rec mgr1 /api/v1/people/KCC-1012/record 200
check "a manager sees their report's email" emails_set
rec mgr1 /api/v1/people/KCC-1031/record 404
rec coach1 /api/v1/teams/kcc-desk 200
rec coach1 /api/v1/teams/kcc-phone 404
rec coach1 /api/v1/people/KCC-1031/record 200
json_is "a coach sees the record without the email" \
	'd == {"id": "KCC-1031", "name": d["name"], "email": None, "team": "kcc-desk", "role": d["role"], "manager": "KCC-1030", "active": True}'
rec coach1 /api/v1/people/KCC-1011/record 404
rec emp1 /api/v1/people/KCC-1011/record 200
check "an employee sees their own email" emails_set
rec emp1 /api/v1/people/KCC-1012/record 404
rec emp1 /api/v1/people/KCC-1010/record 404
rec emp1 /api/v1/teams/kcc-phone 404
rec token /api/v1/people/KCC-1051/record 200
check "the coach token sees no email" emails_null
rec token /api/v1/people/KCC-1031/record 404
rec token /api/v1/teams/kcc-desk 404
rec token /api/v1/teams/kcc-online 200
as emp1 /api/v1/people/KCC-1012/record
cp "$WORK/b" "$WORK/reach.json"
as emp1 /api/v1/people/NO-SUCH-ONE/record
check "an absent person and one out of reach answer alike (but for the key)" \
	[ "$(sed 's/KCC-1012/X/' "$WORK/reach.json")" = "$(sed 's/NO-SUCH-ONE/X/' "$WORK/b")" ]
for who in admin1 hr1 mgr1 coach1 emp1 token; do
	rec $who /api/v1/competencies/customer-focus 200
	rec $who /api/v1/roles/agent 200
	rec $who /api/v1/competencies/no-such-thing 404
	rec $who /api/v1/roles/no-such-role 404
done
as emp1 /api/v1/roles/agent
json_is "a role's record lists its requirements" \
	'set(d) == {"key", "requirements", "texts"} and d["key"] == "agent" and len(d["requirements"]) > 0'
as admin1 /api/v1/teams/kcc?as_of=2026-01-01
expect_error "a record takes no query parameter" unknown_parameter as_of

# ------------------------------------------------------- who may write what
counts() {
	sql "SELECT (SELECT count(*) FROM team) || '/' || (SELECT count(*) FROM person) || '/' ||
		(SELECT count(*) FROM competency) || '/' || (SELECT count(*) FROM role) || '/' ||
		(SELECT count(*) FROM requirement) || '/' || (SELECT count(*) FROM indicator)"
}
names() {
	sql "SELECT (SELECT name FROM team WHERE key = 'kcc-desk') || '/' ||
		(SELECT name FROM person WHERE key = 'KCC-1011') || '/' ||
		(SELECT name FROM competency WHERE key = 'customer-focus')"
}
BEFORE=$(counts)
NAMES=$(names)
# deny WHO METHOD PATH WANT [BODY]
deny() {
	dwho=$1
	dm=$2
	dp=$3
	dwant=$4
	shift 4
	if [ "$dwho" = token ]; then tk "$dm" "$dp" "$@"; else w "$dwho" "$dm" "$dp" "$@"; fi
	expect_code "$dwho $dm $dp: $dwant" "$dwant"
	if [ "$dwant" = 403 ]; then
		expect_error "$dwho $dm $dp: forbidden" forbidden null
	else
		expect_error "$dwho $dm $dp: answered as absent" not_found key
	fi
}
for who in mgr1 coach1 emp1 token; do
	deny $who POST /api/v1/teams 403 '{"key": "x-team", "name": "X"}'
	deny $who POST /api/v1/people 403 '{"id": "X-1", "name": "X"}'
	deny $who POST /api/v1/competencies 403 '{"key": "x-comp", "name": "X"}'
	deny $who POST /api/v1/roles 403 '{"key": "x-role"}'
	deny $who PATCH /api/v1/competencies/customer-focus 403 '{"name": "Mine"}'
	deny $who DELETE /api/v1/competencies/customer-focus 403
	deny $who PATCH /api/v1/roles/agent 403 '{"requirements": []}'
	deny $who DELETE /api/v1/roles/agent 403
done
deny mgr1 PATCH /api/v1/teams/kcc-phone 403 '{"name": "Mine"}'
deny mgr1 PATCH /api/v1/teams/kcc-desk 404 '{"name": "Mine"}'
deny mgr1 DELETE /api/v1/teams/kcc-desk 404
deny mgr1 PATCH /api/v1/people/KCC-1011 403 '{"name": "Mine"}'
deny mgr1 DELETE /api/v1/people/KCC-1011 403
deny mgr1 PATCH /api/v1/people/KCC-1031 404 '{"name": "Mine"}'
deny coach1 PATCH /api/v1/teams/kcc-desk 403 '{"name": "Mine"}'
deny coach1 DELETE /api/v1/teams/kcc-desk 403
deny coach1 PATCH /api/v1/teams/kcc-phone 404 '{"name": "Mine"}'
deny coach1 PATCH /api/v1/people/KCC-1031 403 '{"name": "Mine"}'
deny coach1 DELETE /api/v1/people/KCC-1011 404
deny emp1 PATCH /api/v1/people/KCC-1011 403 '{"name": "Mine"}'
deny emp1 PATCH /api/v1/people/KCC-1012 404 '{"name": "Mine"}'
deny emp1 DELETE /api/v1/people/KCC-1011 403
deny emp1 PATCH /api/v1/teams/kcc-phone 404 '{"name": "Mine"}'
deny token PATCH /api/v1/teams/kcc-online 403 '{"name": "Mine"}'
deny token PATCH /api/v1/people/KCC-1051 403 '{"name": "Mine"}'
deny token PATCH /api/v1/people/KCC-1031 404 '{"name": "Mine"}'
deny token DELETE /api/v1/teams/kcc-desk 404
# CSRF: a cookie write without the token is refused before anything.
as admin1 /api/v1/teams -X POST -H 'Content-Type: application/json' -d '{"key": "x-team", "name": "X"}'
expect_code "a cookie write without X-CSRF-Token is refused" 403
expect_error "the refusal names the header" csrf X-CSRF-Token
as admin1 /api/v1/teams/kcc-desk -X DELETE
expect_code "a cookie delete without X-CSRF-Token is refused" 403
expect_is "nothing was written by the refused requests" "$(counts)" "$BEFORE"
expect_is "no name was changed" "$(names)" "$NAMES"

# ----------------------------------------------------- create, read, change
w admin1 POST /api/v1/teams '{"key": "kcc-desk-night", "name": "Desk nights", "parent": "kcc-desk"}'
expect_code "admin1 creates a team: 201" 201
json_is "the answer is the team's document" \
	'd == {"key": "kcc-desk-night", "name": "Desk nights", "parent": "kcc-desk"}'
w hr1 POST /api/v1/people '{"id": "KCC-1090", "name": "Noor Bakker", "email": "noor@example.org",
	"team": "kcc-desk-night", "role": "agent", "manager": "KCC-1011"}'
expect_code "hr1 creates a person: 201" 201
json_is "the answer is the person's document" \
	'd == {"id": "KCC-1090", "name": "Noor Bakker", "email": "noor@example.org", "team": "kcc-desk-night", "role": "agent", "manager": "KCC-1011", "active": True}'
# The new person is in coach1's sub-team and in mgr1's reporting line.
expect_is "coach1 now lists the sub-team's member" "$(pages coach1 '/api/v1/people?' id 4)" "$DESK KCC-1090"
expect_is "coach1 lists the sub-team" "$(pages coach1 '/api/v1/teams?' key 1)" "kcc-desk kcc-desk-night"
expect_is "coach1 ?team=kcc-desk-night" "$(pages coach1 '/api/v1/people?team=kcc-desk-night' id 1)" "KCC-1090"
expect_is "mgr1 lists the report of their report" "$(pages mgr1 '/api/v1/people?' id 5)" "$PHONE KCC-1090"
expect_is "mgr1 lists the teams their line is in" "$(pages mgr1 '/api/v1/teams?' key 1)" "kcc-desk-night kcc-phone"
expect_is "mgr1 ?team=kcc-desk-night" "$(pages mgr1 '/api/v1/people?team=kcc-desk-night' id 2)" "KCC-1090"
get_as mgr1 "/api/v1/people?team=kcc-desk"
expect_code "mgr1 still cannot filter by kcc-desk (none of their line is in it)" 404
rec emp1 /api/v1/people/KCC-1090/record 404

w admin1 PATCH /api/v1/people/KCC-1090 '{"active": false, "email": null}'
expect_code "admin1 deactivates a person: 200" 200
json_is "the answer has the change and keeps the rest" \
	'd["active"] is False and d["email"] is None and d["team"] == "kcc-desk-night" and d["name"] == "Noor Bakker"'
expect_is "?active=false lists them" "$(pages admin1 '/api/v1/people?active=false' id 5)" "KCC-1090"
expect_is "mgr1 ?active=false" "$(pages mgr1 '/api/v1/people?active=false' id 5)" "KCC-1090"
w hr1 PATCH /api/v1/teams/kcc-desk-night '{"name": "Desk, nights", "key": "kcc-desk-night"}'
expect_code "hr1 renames a team (repeating the key): 200" 200
json_is "the team's new name" 'd["name"] == "Desk, nights" and d["parent"] == "kcc-desk"'

w admin1 POST /api/v1/competencies '{"key": "calm", "name": "Calm", "category": "personal",
	"indicators": ["breathes", "waits"], "levels": [{"level": 2, "descriptor": "mostly calm"}]}'
expect_code "admin1 creates a competency with indicators and levels: 201" 201
json_is "the competency's document" \
	'd["key"] == "calm" and d["indicators"] == ["breathes", "waits"] and d["levels"] == [{"level": 2, "descriptor": "mostly calm"}]'
w hr1 PATCH /api/v1/competencies/calm '{"indicators": ["stays calm"]}'
expect_code "hr1 replaces the indicators: 200" 200
json_is "the indicators replaced, the levels kept" \
	'd["indicators"] == ["stays calm"] and d["levels"] == [{"level": 2, "descriptor": "mostly calm"}]'
w admin1 POST /api/v1/roles '{"key": "night-agent", "requirements": [{"competency": "calm", "required_level": 3, "weight": 2}]}'
expect_code "admin1 creates a role with requirements: 201" 201
json_is "the role's document" \
	'd == {"key": "night-agent", "requirements": [{"competency": "calm", "required_level": 3, "weight": 2}], "texts": {}}'
w hr1 PATCH /api/v1/roles/night-agent '{"requirements": [{"competency": "calm", "required_level": 4}, {"competency": "customer-focus", "required_level": 3}]}'
expect_code "hr1 replaces the requirements: 200" 200
json_is "the new requirements (weight 1 by default)" \
	'd["requirements"] == [{"competency": "calm", "required_level": 4, "weight": 1}, {"competency": "customer-focus", "required_level": 3, "weight": 1}]'

# ------------------------------------------------------------- bad input
AFTER=$(counts)
bad() {
	bname=$1
	bm=$2
	bp=$3
	bbody=$4
	bstatus=$5
	bcode=$6
	bfield=$7
	w admin1 "$bm" "$bp" "$bbody"
	expect_code "$bname: $bstatus" "$bstatus"
	expect_error "$bname: $bcode naming $bfield" "$bcode" "$bfield"
}
bad "malformed JSON" POST /api/v1/teams '{"key": ' 400 malformed_json null
bad "a wrong type" POST /api/v1/teams '{"key": "x-team", "name": 5}' 400 wrong_type name
bad "an unknown field" POST /api/v1/teams '{"key": "x-team", "name": "X", "colour": "red"}' 400 unknown_field colour
bad "a missing field" POST /api/v1/teams '{"key": "x-team"}' 400 missing_field name
bad "a missing id" POST /api/v1/people '{"name": "X"}' 400 missing_field id
bad "an array for a team" POST /api/v1/teams '[]' 400 wrong_type null
bad "a wrong type in a patch" PATCH /api/v1/people/KCC-1011 '{"active": "no"}' 400 wrong_type active
bad "an unknown team" POST /api/v1/people '{"id": "X-1", "name": "X", "team": "kcc-dsk"}' 422 invalid_value team
bad "a bad email" PATCH /api/v1/people/KCC-1011 '{"email": "not-an-address"}' 422 invalid_value email
bad "a changed key" PATCH /api/v1/teams/kcc '{"key": "kcc2"}' 422 invalid_value key
bad "a team below itself" PATCH /api/v1/teams/kcc '{"parent": "kcc-desk-night"}' 422 invalid_value parent
bad "an unknown competency in a requirement" POST /api/v1/roles \
	'{"key": "x-role", "requirements": [{"competency": "calm", "required_level": 3}, {"competency": "nope", "required_level": 3}]}' \
	422 invalid_value "requirements[1].competency"
bad "a level out of range" PATCH /api/v1/roles/night-agent \
	'{"requirements": [{"competency": "calm", "required_level": 9}]}' 422 invalid_value "requirements[0].required_level"
bad "an existing key" POST /api/v1/teams '{"key": "kcc", "name": "Again"}' 409 conflict key
bad "an existing person" POST /api/v1/people '{"id": "KCC-1011", "name": "Again"}' 409 conflict id
bad "an unknown team to change" PATCH /api/v1/teams/no-such-team '{"name": "X"}' 404 not_found null
w admin1 DELETE /api/v1/roles/no-such-role
expect_code "an unknown role to delete: 404" 404
expect_is "nothing was written by the refused requests" "$(counts)" "$AFTER"
expect_is "x-role was not half-written (the role without its requirements)" \
	"$(sql "SELECT count(*) FROM role WHERE key = 'x-role'")" 0
expect_is "night-agent keeps its requirements after the refused change" \
	"$(sql "SELECT count(*) FROM requirement WHERE role_id = (SELECT id FROM role WHERE key = 'night-agent')")" 2
expect_is "KCC-1011's email is unchanged" \
	"$(sql "SELECT email FROM person WHERE key = 'KCC-1011'" | grep -c @)" 1

# ------------------------------------------------------------- deletes
# del WHO PATH WANT [MESSAGE]
del() {
	w "$1" DELETE "$2"
	expect_code "$1 DELETE $2: $3" "$3"
	if [ -n "${4:-}" ]; then
		json_is "$1 DELETE $2 says what refers to it" "d['error']['message'] == '''$4''' and d['error']['code'] == 'conflict'"
	fi
}
del admin1 /api/v1/teams/kcc-desk 409 \
	"team 'kcc-desk' has 10 people and 1 sub-team, and is given to 1 user; move or remove them first"
del hr1 /api/v1/competencies/customer-focus 409
json_is "a competency with evidence cannot go" "'evidence' in d['error']['message'] and 'cannot be deleted' in d['error']['message']"
del admin1 /api/v1/competencies/calm 409 \
	"competency 'calm' has 1 role that requires it; remove it from those roles first"
del admin1 /api/v1/roles/agent 409
# A team only users and tokens name, and a person only a user names.
w admin1 POST /api/v1/teams '{"key": "kcc-spare", "name": "Spare"}'
printf '%s\n' "$PASSWORD" | "$COMPGAP" user add coach2 --role coach --teams kcc-spare --db "$DB" > /dev/null 2>&1
"$COMPGAP" token create spare-coach --role coach --teams kcc-spare --db "$DB" > /dev/null 2>&1
del admin1 /api/v1/teams/kcc-spare 409 \
	"team 'kcc-spare' is given to 1 user and 1 token; remove the users and revoke the tokens that name it first (compgap user remove, compgap token revoke)"
# A revoked token keeps no team or person from being deleted: the
# deletion unlinks it, the token itself stays (revoked, listed).
"$COMPGAP" user remove coach2 --db "$DB" > /dev/null 2>&1
"$COMPGAP" token revoke spare-coach --db "$DB" > /dev/null 2>&1
del admin1 /api/v1/teams/kcc-spare 204
check "the revoked token stays, without the team" [ "$(sql "SELECT count(*) FROM api_token k WHERE k.name = 'spare-coach' AND k.revoked_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM api_token_team x WHERE x.token_id = k.id)")" = 1 ]
w admin1 POST /api/v1/people '{"id": "KCC-1091", "name": "Sam Smit"}'
printf '%s\n' "$PASSWORD" | "$COMPGAP" user add emp2 --role employee --person KCC-1091 --db "$DB" > /dev/null 2>&1
"$COMPGAP" token create sam-app --role employee --person KCC-1091 --db "$DB" > /dev/null 2>&1
"$COMPGAP" token revoke sam-app --db "$DB" > /dev/null 2>&1
del hr1 /api/v1/people/KCC-1091 409 "person 'KCC-1091' is linked to 1 user; deactivate the person instead"
"$COMPGAP" user remove emp2 --db "$DB" > /dev/null 2>&1
del hr1 /api/v1/people/KCC-1091 204
check "a delete answers with no body" [ ! -s "$WORK/b" ]
check "and so no Content-Type" sh -c '! grep -qi "^content-type:" "$1"' _ "$WORK/h"
check "the revoked token stays, without the person" [ "$(sql "SELECT count(*) FROM api_token WHERE name = 'sam-app' AND person_id IS NULL AND revoked_at IS NOT NULL")" = 1 ]
rec admin1 /api/v1/people/KCC-1091/record 404
del admin1 /api/v1/roles/night-agent 204
del admin1 /api/v1/competencies/calm 204
rec emp1 /api/v1/competencies/calm 404
del admin1 /api/v1/people/KCC-1090 204
del hr1 /api/v1/teams/kcc-desk-night 204
expect_is "everything made here is gone again" "$(counts)" "$BEFORE"

# ------------------------------------------------------------- the audit log
audit() {
	sql "SELECT actor || ' ' || action || ' ' || coalesce(object_key, '-') || ' ' || outcome
		FROM audit_log WHERE $1 ORDER BY id" | tr '\n' ';'
}
# A create refused before its body was read (or because it could not be)
# logs no key: "-".
expect_is "every write is logged, ok or failed" \
	"$(audit "action LIKE 'team.%' AND actor IN ('admin1', 'hr1')")" \
	"admin1 team.create kcc-desk-night ok;hr1 team.update kcc-desk-night ok;admin1 team.create - failed;admin1 team.create - failed;admin1 team.create - failed;admin1 team.create - failed;admin1 team.create - failed;admin1 team.update kcc failed;admin1 team.update kcc failed;admin1 team.create kcc failed;admin1 team.update no-such-team failed;admin1 team.delete kcc-desk failed;admin1 team.create kcc-spare ok;admin1 team.delete kcc-spare failed;admin1 team.delete kcc-spare ok;hr1 team.delete kcc-desk-night ok;"
expect_is "the successful creates and updates are logged" \
	"$(audit "outcome = 'ok' AND action NOT IN ('login', 'read') AND actor IN ('admin1', 'hr1')")" \
	"admin1 team.create kcc-desk-night ok;hr1 person.create KCC-1090 ok;admin1 person.update KCC-1090 ok;hr1 team.update kcc-desk-night ok;admin1 competency.create calm ok;hr1 competency.update calm ok;admin1 role.create night-agent ok;hr1 role.update night-agent ok;admin1 team.create kcc-spare ok;admin1 team.delete kcc-spare ok;admin1 person.create KCC-1091 ok;hr1 person.delete KCC-1091 ok;admin1 role.delete night-agent ok;admin1 competency.delete calm ok;admin1 person.delete KCC-1090 ok;hr1 team.delete kcc-desk-night ok;"
expect_is "refused writes by other roles are logged as denied" \
	"$(audit "actor = 'mgr1' AND action LIKE 'team.%'")" \
	"mgr1 team.create - denied;mgr1 team.update kcc-phone denied;mgr1 team.update kcc-desk denied;mgr1 team.delete kcc-desk denied;"
expect_is "the token's refusals are logged under its name" \
	"$(audit "actor = 'token:online-coach' AND action = 'person.update'")" \
	"token:online-coach person.update KCC-1051 denied;token:online-coach person.update KCC-1031 denied;"
expect_is "a failed write's entry says why" \
	"$(sql "SELECT detail FROM audit_log WHERE action = 'team.delete' AND object_key = 'kcc-spare' AND outcome = 'failed'")" \
	"team 'kcc-spare' is given to 1 user and 1 token; remove the users and revoke the tokens that name it first (compgap user remove, compgap token revoke)"
expect_is "a coach's read of a record is logged" \
	"$(audit "actor = 'coach1' AND action = 'read' AND object_key = 'KCC-1031'")" "coach1 read KCC-1031 ok;"
expect_is "an employee's read of their own record is not" \
	"$(audit "actor = 'emp1' AND action = 'read' AND outcome = 'ok'")" ""
expect_is "an employee's reach beyond themselves is logged as denied" \
	"$(audit "actor = 'emp1' AND action = 'read' AND object_key = 'KCC-1012'")" \
	"emp1 read KCC-1012 denied;emp1 read KCC-1012 denied;"
check "mgr1's lists of their line are logged as reads" \
	[ "$(sql "SELECT count(*) FROM audit_log WHERE actor = 'mgr1' AND action = 'read' AND object_kind = 'person' AND object_key IS NULL AND outcome = 'ok'")" -gt 0 ]

stop
check "the server stops cleanly" [ "$STOPPED" = 0 ]
done_testing
