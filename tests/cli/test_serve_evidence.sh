#!/bin/sh
# The evidence endpoints of compgap serve, on the engine under test, over
# loopback with curl: POST /api/v1/evidence (one object or an array, all
# or nothing), GET /api/v1/people/{key}/evidence (pages), POST
# /api/v1/evidence/{id}/retraction. An access matrix of every role and
# every source about people inside and outside the caller's reach, each
# request checked for its status AND for what it stored (every row a
# request may add carries a note of its own, counted in the database);
# an employee's peer evidence about a teammate whose data stays hidden;
# bad bodies named by field; retraction's rules and its effect on the
# person's levels; CSRF; the audit log (docs/security.md, "Who may add and
# retract evidence").
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null
make_role_users
check "a token was created" [ -n "$TOKEN" ]
# KCC-1021 is in emp1's team kcc-phone, but has left.
sql "UPDATE person SET active = 0 WHERE key = 'KCC-1021'" > /dev/null
# The demo's rows end here; the test's come after.
BASE=$(sql "SELECT max(id) FROM evidence")

start_or_finish evidence
for u in admin1 hr1 mgr1 coach1 emp1; do
	login $u
done
check "every role has signed in" [ -n "$CSRF_admin1" -a -n "$CSRF_hr1" -a -n "$CSRF_mgr1" \
	-a -n "$CSRF_coach1" -a -n "$CSRF_emp1" ]

# post USER PATH BODY: a POST of the JSON BODY as USER (with their CSRF
# token), or with the API token when USER is "token".
post() {
	if [ "$1" = token ]; then
		CODE=$(curl -s -o "$WORK/b" -D "$WORK/h" -w '%{http_code}' \
			-H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
			--data-binary "$3" "http://127.0.0.1:$PORT$2")
		return
	fi
	eval "csrf=\$CSRF_$1"
	as "$1" "$2" -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" \
		--data-binary "$3"
}

# fetch USER PATH: a GET as USER, or with the API token.
fetch() {
	if [ "$1" = token ]; then
		CODE=$(curl -s -o "$WORK/b" -D "$WORK/h" -w '%{http_code}' \
			-H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$2")
	else
		as "$1" "$2"
	fi
}

# rows NOTE: how many evidence rows carry the note NOTE.
rows() {
	sql "SELECT count(*) FROM evidence WHERE note = '$1'"
}

# json EXPR: the value of the Python expression EXPR over the last body (d).
json() {
	python3 -c "import json, sys; d = json.load(open(sys.argv[1])); print($1)" "$WORK/b"
}

# row PERSON SOURCE NOTE [ASSESSOR]: one evidence object.
row() {
	a=""
	[ -n "${4:-}" ] && a=", \"assessor\": \"$4\""
	printf '{"person": "%s", "competency": "customer-focus", "level": 4, "source": "%s",
	"date": "2026-11-20", "note": "%s"%s}' "$1" "$2" "$3" "$a"
}

# ------------------------------------------------------------ the matrix
# USER PERSON SOURCE STATUS: USER adds one row of SOURCE about PERSON; the
# answer has STATUS, and the row is stored exactly when it is 201.
n=0
while read -r user person source want; do
	n=$((n + 1))
	note="matrix-$n"
	post "$user" /api/v1/evidence "$(row "$person" "$source" "$note")"
	name="$user adds $source evidence about $person"
	expect_code "$name: $want" "$want"
	if [ "$want" = 201 ]; then
		check "$name: stored, and the answer says only how many" \
			[ "$(rows "$note")" = 1 -a "$(json 'd')" = "{'stored': 1}" ]
	else
		check "$name: nothing stored" [ "$(rows "$note")" = 0 ]
		case $want in
		404) expect_error "$name: answered as absent" not_found person ;;
		403) expect_error "$name: forbidden, naming the source" forbidden source ;;
		esac
	fi
done <<EOF
admin1 KCC-1031 self 201
admin1 KCC-1031 manager 201
admin1 KCC-1031 peer 201
admin1 KCC-1031 qa 201
admin1 KCC-1031 assessment 201
admin1 KCC-1031 test 201
admin1 KCC-1031 customer 201
hr1 KCC-1011 self 201
hr1 KCC-1011 manager 201
hr1 KCC-1011 peer 201
hr1 KCC-1011 qa 201
hr1 KCC-1011 assessment 201
hr1 KCC-1011 test 201
hr1 KCC-1011 customer 201
mgr1 KCC-1012 manager 201
mgr1 KCC-1012 peer 201
mgr1 KCC-1012 self 403
mgr1 KCC-1012 qa 403
mgr1 KCC-1012 assessment 403
mgr1 KCC-1012 test 403
mgr1 KCC-1012 customer 403
mgr1 KCC-1010 self 201
mgr1 KCC-1010 manager 403
mgr1 KCC-1010 peer 403
mgr1 KCC-1031 manager 404
mgr1 KCC-1031 peer 404
mgr1 KCC-1001 manager 404
coach1 KCC-1031 qa 201
coach1 KCC-1031 self 403
coach1 KCC-1031 manager 403
coach1 KCC-1031 peer 403
coach1 KCC-1031 assessment 403
coach1 KCC-1031 test 403
coach1 KCC-1031 customer 403
coach1 KCC-1011 qa 404
coach1 KCC-1051 qa 404
emp1 KCC-1011 self 201
emp1 KCC-1011 peer 403
emp1 KCC-1011 manager 403
emp1 KCC-1011 qa 403
emp1 KCC-1011 assessment 403
emp1 KCC-1011 test 403
emp1 KCC-1011 customer 403
emp1 KCC-1012 peer 201
emp1 KCC-1010 peer 201
emp1 KCC-1012 self 403
emp1 KCC-1012 manager 403
emp1 KCC-1012 qa 403
emp1 KCC-1012 customer 403
emp1 KCC-1021 peer 404
emp1 KCC-1031 peer 404
emp1 KCC-1031 self 404
emp1 NO-SUCH-ONE peer 404
token KCC-1051 qa 201
token KCC-1051 self 403
token KCC-1051 manager 403
token KCC-1051 peer 403
token KCC-1051 assessment 403
token KCC-1051 customer 403
token KCC-1031 qa 404
token KCC-1011 qa 404
EOF

# Out of reach answers exactly as absent, but for the key.
post emp1 /api/v1/evidence "$(row KCC-1031 peer absent-1)"
cp "$WORK/b" "$WORK/out-of-reach.json"
post emp1 /api/v1/evidence "$(row NO-SUCH-ONE peer absent-2)"
check "a person out of reach and an absent one answer alike" \
	[ "$(sed 's/KCC-1031/X/' "$WORK/out-of-reach.json")" = "$(sed 's/NO-SUCH-ONE/X/' "$WORK/b")" ]

# ---------------------------------------------------------- the assessor
q() { sql "SELECT coalesce(a.key, '-') FROM evidence e LEFT JOIN person a ON a.id = e.assessor_id WHERE e.note = '$1'"; }
check "a manager's row has the manager as assessor" [ "$(q matrix-15)" = KCC-1010 ]
check "a coach's row has the coach's person... none: no assessor" [ "$(q matrix-28)" = - ]
check "an employee's self row has them as assessor" [ "$(q matrix-37)" = KCC-1011 ]
check "an employee's peer row has them as assessor" [ "$(q matrix-44)" = KCC-1011 ]
check "an admin's row without assessor has none" [ "$(q matrix-1)" = - ]

post emp1 /api/v1/evidence "$(row KCC-1012 peer as-other KCC-1013)"
expect_code "an employee naming another assessor is refused" 403
expect_error "the refusal names the assessor" forbidden assessor
check "and nothing was stored" [ "$(rows as-other)" = 0 ]
post mgr1 /api/v1/evidence "$(row KCC-1012 manager mgr-as-other KCC-1001)"
expect_code "a manager naming another assessor is refused" 403
check "and nothing was stored" [ "$(rows mgr-as-other)" = 0 ]
# A token has no person: it may name who assessed (the coach who evaluated
# the contact), someone within its reach, as a coach's import may.
post token /api/v1/evidence "$(row KCC-1051 qa token-assessor KCC-1050)"
expect_code "a token without a person names an assessor within its reach" 201
check "and it is stored with them" [ "$(q token-assessor)" = KCC-1050 ]
post token /api/v1/evidence "$(row KCC-1051 qa token-assessor-far KCC-1001)"
expect_code "a token naming an assessor beyond its reach is refused" 403
expect_error "the token's refusal names the assessor" forbidden assessor
check "and nothing was stored" [ "$(rows token-assessor-far)" = 0 ]
cp "$WORK/b" "$WORK/far.json"
post token /api/v1/evidence "$(row KCC-1051 qa token-assessor-far NOBODY-9)"
expect_code "a token naming an unknown assessor is refused" 403
check "with the same answer as one beyond its reach" cmp -s "$WORK/b" "$WORK/far.json"
post emp1 /api/v1/evidence "$(row KCC-1012 peer as-self KCC-1011)"
expect_code "an employee naming themselves as assessor" 201
check "is stored with them as assessor" [ "$(q as-self)" = KCC-1011 ]
post emp1 /api/v1/evidence '{"person": "KCC-1011", "competency": "customer-focus", "level": 3,
	"source": "self", "date": "2026-11-20", "note": "null-assessor", "assessor": null}'
expect_code "an employee's null assessor" 201
check "is filled in with their person" [ "$(q null-assessor)" = KCC-1011 ]
post admin1 /api/v1/evidence "$(row KCC-1031 qa admin-assessor KCC-1002)"
expect_code "an admin names any assessor" 201
check "and it is stored" [ "$(q admin-assessor)" = KCC-1002 ]

# ------------------------------------- the employee's peer evidence
# Stored about a teammate, whose data stays out of the employee's reach.
check "the employee's peer rows about teammates were stored" \
	[ "$(sql "SELECT count(*) FROM evidence e JOIN person p ON p.id = e.person_id
		WHERE e.source = 'peer' AND p.key IN ('KCC-1012', 'KCC-1010')
		AND e.note IN ('matrix-44', 'matrix-45', 'as-self')")" = 3 ]
for path in /api/v1/people/KCC-1012 /api/v1/people/KCC-1012/evidence; do
	fetch emp1 $path
	expect_code "the teammate stays unreadable to the employee: $path" 404
	expect_error "as if absent: $path" not_found key
done

# The peer assessor is hidden in what an employee sees of their own.
post mgr1 /api/v1/evidence "$(row KCC-1011 peer hidden-peer)"
expect_code "a manager gives peer evidence about their report" 201
fetch emp1 "/api/v1/people/KCC-1011/evidence?limit=1000"
expect_code "the employee reads their own evidence" 200
check "every peer row shows them no assessor, the others do" python3 -c '
import json, sys
items = json.load(open(sys.argv[1]))["items"]
peer = [i for i in items if i["source"] == "peer"]
assert peer and all(i["assessor"] is None for i in peer), peer[:3]
assert [i for i in items if i["note"] == "hidden-peer"], "the new row is missing"
assert [i for i in items if i["source"] == "qa" and i["assessor"]], "qa assessors hidden"
' "$WORK/b"
fetch admin1 "/api/v1/people/KCC-1011/evidence?limit=1000"
check "an admin sees who gave it" python3 -c '
import json, sys
items = json.load(open(sys.argv[1]))["items"]
assert [i for i in items if i["note"] == "hidden-peer" and i["assessor"] == "KCC-1010"]
' "$WORK/b"
fetch mgr1 "/api/v1/people/KCC-1011/evidence?limit=1000"
check "the manager sees who gave peer rows about their report" python3 -c '
import json, sys
items = json.load(open(sys.argv[1]))["items"]
assert [i for i in items if i["note"] == "matrix-45" or i["note"] == "hidden-peer"]
assert all(i["assessor"] for i in items if i["source"] == "peer" and i["note"] == "hidden-peer")
' "$WORK/b"

# -------------------------------------------------------- arrays
post admin1 /api/v1/evidence "[$(row KCC-1011 manager arr-1), $(row KCC-1012 manager arr-2)]"
expect_code "an array of two rows" 201
check "stores both, and says so" [ "$(json 'd["stored"]')" = 2 -a "$(rows arr-1)" = 1 -a "$(rows arr-2)" = 1 ]
post admin1 /api/v1/evidence "[$(row KCC-1011 manager bad-1),
	{\"person\": \"KCC-1012\", \"competency\": \"customer-focus\", \"level\": 7,
	 \"source\": \"manager\", \"date\": \"2026-11-20\", \"note\": \"bad-2\"}]"
expect_code "an array with one level out of range is refused" 422
expect_error "naming [1].level" invalid_value "[1].level"
check "and stores nothing, not even the good row" [ "$(rows bad-1)" = 0 -a "$(rows bad-2)" = 0 ]
post emp1 /api/v1/evidence "[$(row KCC-1011 self arr-own), $(row KCC-1031 peer arr-out)]"
expect_code "an employee's array with one row out of reach is refused" 404
expect_error "naming [1].person" not_found "[1].person"
check "and stores nothing" [ "$(rows arr-own)" = 0 -a "$(rows arr-out)" = 0 ]
post emp1 /api/v1/evidence "[$(row KCC-1011 self arr-own), $(row KCC-1012 qa arr-qa)]"
expect_code "an employee's array with a forbidden source is refused" 403
expect_error "naming [1].source" forbidden "[1].source"
check "and stores nothing" [ "$(rows arr-own)" = 0 -a "$(rows arr-qa)" = 0 ]
post mgr1 /api/v1/evidence "[$(row KCC-1012 manager arr-m1), $(row KCC-1013 peer arr-m2 KCC-1001)]"
expect_error "a manager's array with another assessor names [1].assessor" forbidden "[1].assessor"
check "and stores nothing" [ "$(rows arr-m1)" = 0 -a "$(rows arr-m2)" = 0 ]
post admin1 /api/v1/evidence '[]'
expect_code "an empty array is refused" 422

# ---------------------------------------------------------- bad bodies
bad() {
	post admin1 /api/v1/evidence "$2"
	expect_code "$1: 400" 400
	expect_error "$1: named" "$3" "$4"
}
bad "malformed JSON" '{"person": "KCC-1011",' malformed_json null
bad "a body that is a bare number" '42' malformed_json null
bad "an array of numbers" '[42]' wrong_type "[0]"
bad "a level that is text" '{"person": "KCC-1011", "competency": "customer-focus", "level": "4",
	"source": "self", "date": "2026-11-20"}' wrong_type level
bad "a person that is a number" '{"person": 1011, "competency": "customer-focus", "level": 4,
	"source": "self", "date": "2026-11-20"}' wrong_type person
bad "an unknown field" '{"person": "KCC-1011", "competency": "customer-focus", "level": 4,
	"source": "self", "date": "2026-11-20", "levle": 4}' unknown_field levle
bad "a missing date" '{"person": "KCC-1011", "competency": "customer-focus", "level": 4,
	"source": "self"}' missing_field date
bad "a wrong type in an array" "[$(row KCC-1011 self ok-row), {\"person\": \"KCC-1011\",
	\"competency\": \"customer-focus\", \"level\": true, \"source\": \"self\",
	\"date\": \"2026-11-20\"}]" wrong_type "[1].level"
check "nothing of the bad bodies was stored" [ "$(rows ok-row)" = 0 ]
post admin1 /api/v1/evidence '{"person": "KCC-1011", "competency": "customer-focus",
	"level": 4, "source": "boss", "date": "2026-11-20", "note": "bad-source"}'
expect_code "an unknown source is refused as the CSV refuses it" 422
expect_error "naming the source" invalid_value source
post emp1 /api/v1/evidence '{"person": "KCC-1011", "competency": "customer-focus",
	"level": 4, "source": "boss", "date": "2026-11-20", "note": "bad-source"}'
expect_code "an unknown source from an employee is refused the same way" 422
post admin1 /api/v1/evidence '{"person": "KCC-1011", "competency": "no-such-skill",
	"level": 4, "source": "self", "date": "2026-11-20", "note": "bad-comp"}'
expect_code "an unknown competency is refused" 422
expect_error "naming the competency" invalid_value competency
check "nothing stored" [ "$(rows bad-source)" = 0 -a "$(rows bad-comp)" = 0 ]

# A date in the future is refused as the CSV import refuses it.
post emp1 /api/v1/evidence '{"person": "KCC-1011", "competency": "customer-focus",
	"level": 4, "source": "self", "date": "2099-01-01", "note": "future"}'
expect_code "a date in the future is refused" 422
expect_error "naming the date" invalid_value date
api_msg=$(json 'd["error"]["message"]')
printf 'person,competency,level,source,date\nKCC-1011,customer-focus,4,self,2099-01-01\n' \
	> "$WORK/future.csv"
run import evidence "$WORK/future.csv" --db "$DB"
check "the CSV import refuses it with the same words" grep -qF -- "$api_msg" "$WORK/err"
check "and the API stored nothing" [ "$(rows future)" = 0 ]

# ------------------------------------------------------------- CSRF
as emp1 /api/v1/evidence -H 'Content-Type: application/json' --data-binary "$(row KCC-1011 self no-csrf)"
expect_code "a cookie caller without X-CSRF-Token is refused" 403
expect_error "naming the header" csrf X-CSRF-Token
check "and nothing is stored" [ "$(rows no-csrf)" = 0 ]

# ------------------------------------------------------------- reading
read_as() {
	fetch "$1" "$2"
	expect_code "$1 GET $2: $3" "$3"
	[ "$3" = 404 ] && expect_error "$1 GET $2: as if absent" not_found key
}
read_as admin1 /api/v1/people/KCC-1031/evidence 200
read_as hr1 /api/v1/people/KCC-1051/evidence 200
read_as mgr1 /api/v1/people/KCC-1012/evidence 200
read_as mgr1 /api/v1/people/KCC-1010/evidence 200
read_as mgr1 /api/v1/people/KCC-1031/evidence 404
read_as coach1 /api/v1/people/KCC-1031/evidence 200
read_as coach1 /api/v1/people/KCC-1011/evidence 404
read_as emp1 /api/v1/people/KCC-1011/evidence 200
read_as emp1 /api/v1/people/KCC-1010/evidence 404
read_as token /api/v1/people/KCC-1051/evidence 200
read_as token /api/v1/people/KCC-1031/evidence 404
read_as admin1 /api/v1/people/NO-SUCH-ONE/evidence 404

# Pages: newest first, each row once, the cursor of the last page null.
total=$(sql "SELECT count(*) FROM evidence e JOIN person p ON p.id = e.person_id WHERE p.key = 'KCC-1012'")
: > "$WORK/ids"
cursor=""
pages=0
while :; do
	fetch admin1 "/api/v1/people/KCC-1012/evidence?limit=40${cursor:+&cursor=$cursor}"
	[ "$CODE" = 200 ] || break
	json '"\n".join("%s %s" % (i["date"], i["id"]) for i in d["items"])' >> "$WORK/ids"
	pages=$((pages + 1))
	cursor=$(json 'd["next_cursor"] or ""')
	[ -n "$cursor" ] || break
	[ $pages -lt 100 ] || break
done
check "pages of 40 list each of the person's $total rows once" \
	[ "$(sort -u "$WORK/ids" | wc -l)" = "$total" -a "$(wc -l < "$WORK/ids")" = "$total" ]
check "newest first: by date, then by id" python3 -c '
import sys
rows = [(l.split()[0], int(l.split()[1])) for l in open(sys.argv[1]) if l.strip()]
assert rows == sorted(rows, reverse=True), rows[:5]
' "$WORK/ids"
check "in $(( (total + 39) / 40 )) pages" [ $pages = $(( (total + 39) / 40 )) ]
fetch admin1 "/api/v1/people/KCC-1012/evidence?limit=0"
expect_error "limit 0 is refused" bad_parameter limit
fetch admin1 "/api/v1/people/KCC-1012/evidence?cursor=yesterday"
expect_code "a cursor no page gave is refused" 400
expect_error "naming the cursor" bad_parameter cursor
fetch admin1 "/api/v1/people/KCC-1012/evidence?as_of=2026-01-01"
expect_code "an unknown parameter is refused" 400

# ---------------------------------------------------------- retraction
# id NOTE: the id of the row with NOTE.
id() { sql "SELECT id FROM evidence WHERE note = '$1'"; }
# retracted ID: 1 when the row is retracted, else 0.
retracted() { sql "SELECT count(*) FROM retraction WHERE evidence_id = $1"; }
# an id of a demo row about PERSON given by someone else than ASSESSOR.
other_row() {
	sql "SELECT e.id FROM evidence e JOIN person p ON p.id = e.person_id
		LEFT JOIN person a ON a.id = e.assessor_id
		WHERE p.key = '$1' AND coalesce(a.key, '') <> '$2' AND e.id <= $BASE
		ORDER BY e.id LIMIT 1"
}
# retract USER ID STATUS NAME
retract() {
	post "$1" "/api/v1/evidence/$2/retraction" '{"reason": "entered by mistake"}'
	expect_code "$4: $3" "$3"
	if [ "$3" = 200 ]; then
		check "$4: retracted" [ "$(retracted "$2")" = 1 ]
	else
		check "$4: not retracted" [ "$(retracted "$2")" = 0 ]
	fi
}
retract emp1 "$(id matrix-37)" 200 "an employee retracts their own self row"
check "the answer gives the reason and when" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert set(d) == {"id", "retracted"} and d["retracted"]["reason"] == "entered by mistake", d
assert d["retracted"]["at"].endswith("Z"), d
' "$WORK/b"
post emp1 "/api/v1/evidence/$(id matrix-37)/retraction" '{"reason": "again"}'
expect_code "retracting a retracted row" 409
expect_error "is a conflict" conflict id
retract emp1 "$(id matrix-44)" 200 "an employee retracts the peer row they gave a teammate"
retract emp1 "$(id hidden-peer)" 403 "an employee retracts a peer row about them given by their manager"
retract emp1 "$(id matrix-9)" 403 "an employee retracts hr's manager row about them"
retract emp1 "$(id matrix-8)" 200 "an employee retracts a self row about them recorded without assessor"
retract emp1 "$(other_row KCC-1012 KCC-1011)" 404 "an employee retracts a teammate's row they did not give"
retract emp1 "$(id matrix-1)" 404 "an employee retracts a row about someone out of reach"
retract mgr1 "$(id matrix-15)" 200 "a manager retracts their manager row about a report"
retract mgr1 "$(id matrix-22)" 200 "a manager retracts their own self row"
retract mgr1 "$(other_row KCC-1012 KCC-1010)" 403 "a manager retracts a report's row given by another"
retract mgr1 "$(id matrix-45)" 403 "a manager retracts the employee's peer row about them"
retract mgr1 "$(id matrix-1)" 404 "a manager retracts a row out of reach"
retract coach1 "$(id matrix-28)" 403 "a coach without a person retracts their qa row"
retract coach1 "$(id matrix-1)" 403 "a coach retracts an admin's row about their team"
retract coach1 "$(id matrix-9)" 404 "a coach retracts a row out of reach"
retract token "$(id matrix-54)" 403 "a token retracts a row in its reach"
retract token "$(id matrix-1)" 404 "a token retracts a row out of reach"
retract hr1 "$(id matrix-28)" 200 "hr retracts any row"
retract admin1 "$(id hidden-peer)" 200 "an admin retracts any row"
post admin1 /api/v1/evidence/99999999/retraction '{"reason": "x"}'
expect_code "an unknown id" 404
expect_error "names the id" not_found id
post admin1 /api/v1/evidence/abc/retraction '{"reason": "x"}'
expect_code "an id that is no number" 404
as emp1 "/api/v1/evidence/$(id matrix-45)/retraction" -H 'Content-Type: application/json' \
	--data-binary '{"reason": "no csrf"}'
expect_code "a retraction without X-CSRF-Token is refused" 403
check "and retracts nothing" [ "$(retracted "$(id matrix-45)")" = 0 ]

r=$(id matrix-2)
bad_reason() {
	post admin1 "/api/v1/evidence/$r/retraction" "$2"
	expect_code "$1: $3" "$3"
	expect_error "$1: named" "$4" "$5"
}
bad_reason "no reason" '{}' 400 missing_field reason
bad_reason "an empty reason" '{"reason": "  "}' 422 invalid_value reason
bad_reason "a reason that is a number" '{"reason": 3}' 400 wrong_type reason
bad_reason "an unknown field" '{"reason": "x", "why": "y"}' 400 unknown_field why
bad_reason "malformed JSON" '{"reason": ' 400 malformed_json null
check "the bad retractions retracted nothing" [ "$(retracted "$r")" = 0 ]

# A retraction changes the person's levels: the running sums are rebuilt
# in its transaction. KCC-1013's communication, with a row of level 1
# added and then retracted, is as before.
level() {
	fetch admin1 /api/v1/people/KCC-1013
	json '[c for c in d["competencies"] if c["competency"] == "communication"][0]["'"$1"'"]'
}
before=$(level level)
before_n=$(level evidence)
post admin1 /api/v1/evidence '{"person": "KCC-1013", "competency": "communication",
	"level": 1, "source": "manager", "date": "2026-11-30", "note": "low"}'
expect_code "a low manager row" 201
added=$(level level)
check "raises the evidence count by one" [ "$(level evidence)" = $((before_n + 1)) ]
check "and lowers the level ($before -> $added)" python3 -c "assert $added < $before - 0.01"
retract admin1 "$(id low)" 200 "the low row is retracted"
after=$(level level)
check "the count is back" [ "$(level evidence)" = "$before_n" ]
check "the level is back ($before, $after)" python3 -c "assert abs($after - $before) < 1e-9"

# ------------------------------------------------------------ the audit log
"$COMPGAP" audit --json --db "$DB" > "$WORK/audit.json" 2>&1
check "the audit log has every write, refusal and read" python3 -c '
import json, sys
entries = json.load(open(sys.argv[1]))["audit"]
got = [(e["actor"], e["action"], e["outcome"], e.get("person")) for e in entries]
def has(*x): assert x in got, (x, [g for g in got if g[1].startswith("evidence")][:40])
has("emp1", "evidence.add", "ok", "KCC-1012")
has("emp1", "evidence.add", "denied", "KCC-1031")
has("emp1", "evidence.add", "denied", "KCC-1011")
has("emp1", "evidence.add", "failed", "KCC-1011")
has("mgr1", "evidence.add", "ok", "KCC-1012")
has("token:online-coach", "evidence.add", "ok", "KCC-1051")
has("admin1", "evidence.add", "failed", "KCC-1012")
has("emp1", "evidence.retract", "ok", "KCC-1012")
has("emp1", "evidence.retract", "denied", "KCC-1011")
has("mgr1", "evidence.retract", "denied", "KCC-1031")
has("admin1", "evidence.retract", "failed", None)
has("mgr1", "read", "ok", "KCC-1012")
has("emp1", "read", "denied", "KCC-1012")
assert not [g for g in got if g[0] == "emp1" and g[1] == "read" and g[3] == "KCC-1011"], \
    "a read of ones own evidence is logged"
' "$WORK/audit.json"
check "an array about two people has an entry for each" python3 -c '
import json, sys
entries = json.load(open(sys.argv[1]))["audit"]
two = [(e["person"], e["detail"]) for e in entries if e["action"] == "evidence.add"
       and e["actor"] == "admin1" and e["outcome"] == "ok" and e["person"] in ("KCC-1011", "KCC-1012")]
assert ("KCC-1011", "1 row") in two and ("KCC-1012", "1 row") in two, two
' "$WORK/audit.json"
check "every stored row has its audit entry (ok adds vs. requests that stored)" python3 -c '
import json, sys
entries = json.load(open(sys.argv[1]))["audit"]
n = sum(int(e["detail"].split()[0]) for e in entries if e["action"] == "evidence.add" and e["outcome"] == "ok")
assert n == int(sys.argv[2]), (n, sys.argv[2])
' "$WORK/audit.json" "$(sql "SELECT count(*) FROM evidence WHERE id > $BASE")"

# An array about more people than AUDIT_PEOPLE_MAX (100): one entry for
# each of the first 99, one for the rest.
{
	echo "id,name,email,team,role,manager"
	i=0
	while [ $i -lt 120 ]; do
		echo "MANY-$i,Person $i,,kcc-back,back-office,KCC-1070"
		i=$((i + 1))
	done
} > "$WORK/many.csv"
run import people "$WORK/many.csv" --db "$DB"
expect_status "120 more people are imported" 0
python3 -c '
import json
print(json.dumps([{"person": "MANY-%d" % i, "competency": "customer-focus", "level": 3,
                   "source": "manager", "date": "2026-11-20", "note": "many"} for i in range(120)]))
' > "$WORK/many.json"
post admin1 /api/v1/evidence "$(cat "$WORK/many.json")"
expect_code "an array about 120 people" 201
check "stores 120 rows" [ "$(rows many)" = 120 ]
"$COMPGAP" audit --json --db "$DB" > "$WORK/audit.json" 2>&1
check "with 99 entries naming a person and one for the other 21" python3 -c '
import json, sys
entries = [e for e in json.load(open(sys.argv[1]))["audit"] if e["action"] == "evidence.add"
           and e["outcome"] == "ok" and (e["person"] or "MANY").startswith("MANY")]
named = [e for e in entries if e["person"]]
rest = [e for e in entries if not e["person"]]
assert len(named) == 99 and all(e["detail"] == "1 row" for e in named), len(named)
assert [e["detail"] for e in rest] == ["21 rows about 21 people"], rest
' "$WORK/audit.json"

stop
check "the server stops with status 0" [ "$STOPPED" = 0 ]

done_testing
