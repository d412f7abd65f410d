#!/bin/sh
# The person page (GET /people/{key}, POST /people/{key}/evidence;
# docs/web.md, "The person page") over loopback with curl, on the engine
# under test: who sees which page (the API's reach: out of reach is the
# 404 page), the levels equal to the API's person view, the peer
# assessors hidden from an employee, the read audited, adding evidence as
# a manager (stored, shown, in the API's list), the refused cases (a
# source the role may not give, a bad level beside its field with what
# was typed kept, no CSRF token, out of reach) with nothing stored,
# escaping, numbers in Dutch, and no inline script or style.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null
make_role_users
start_or_finish person

for u in admin1 hr1 mgr1 coach1 emp1; do login "$u"; done

# evidence_count USER KEY: rows of KEY in the API's evidence list.
evidence_count() {
	as "$1" "/api/v1/people/$2/evidence?limit=1000"
	/usr/bin/python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["items"]))' "$WORK/b" 2> /dev/null
}

# ------------------------------------------------------------ who sees what
# KCC-1011 and KCC-1012 report to mgr1 (KCC-1010) in kcc-phone; KCC-1031
# is in kcc-desk (coach1's), KCC-1051 in kcc-online.
for case in "admin1 KCC-1011 200" "admin1 KCC-1051 200" "hr1 KCC-1031 200" \
	"mgr1 KCC-1011 200" "mgr1 KCC-1012 200" "mgr1 KCC-1031 404" "mgr1 KCC-1051 404" \
	"coach1 KCC-1031 200" "coach1 KCC-1011 404" "emp1 KCC-1011 200" "emp1 KCC-1012 404" \
	"emp1 KCC-1010 404" "admin1 NO-SUCH 404"; do
	set -- $case
	as "$1" "/people/$2"
	expect_code "$1 on /people/$2 answers $3" "$3"
done
as emp1 /people/KCC-1012
body_has "out of reach is the 404 page" "<h1>Page not found</h1>"
cp "$WORK/b" "$WORK/out_of_reach.html"
as emp1 /people/NO-SUCH
check "the same page as for nobody at all (but for the address)" \
	[ "$(sed 's/NO-SUCH/KCC-1012/g' "$WORK/b")" = "$(cat "$WORK/out_of_reach.html")" ]
get anon /people/KCC-1011
expect_code "without a session: to the sign-in page" 303

as mgr1 /people/KCC-1011
body_has "the page is the person's" "<h1>Björn Eriksson</h1>"
body_has "with a radar chart" '<svg xmlns="http://www.w3.org/2000/svg" class="radar"'
body_has "its axes labelled" '<tspan x="70.7">Communication</tspan>'
body_has "the chart's numbers as a table" '<summary>The chart&#39;s numbers</summary>'
body_has "the development focus" '<h2 id="focus">Development focus</h2>'
body_has "each competency with its flag" '<span class="flag'
body_has "and its evidence timeline" '<details class="timeline">'
body_has "the form to add evidence" '<form method="post" action="/people/KCC-1011/evidence"'
body_has "a manager may give manager evidence" '<option value="manager">'
body_lacks "but not qa evidence" '<option value="qa">'
clean_page "the person page"
check "no style attribute in the SVG" sh -c "! grep -q 'fill=\|stroke=' '$WORK/b'"
cp "$WORK/b" "$WORK/mgr.html"

as coach1 /people/KCC-1031
body_lacks "the coach sees no contact details" "@"
body_has "the coach may give qa evidence" '<option value="qa">'
body_lacks "and no manager evidence" '<option value="manager">'

# The levels of the page equal the API's person view for the same date.
as mgr1 /api/v1/people/KCC-1011
cp "$WORK/b" "$WORK/api.json"
check "the levels on the page are the API's" /usr/bin/python3 - "$WORK/api.json" "$WORK/mgr.html" <<'PY'
import json, re, sys, decimal
api = json.load(open(sys.argv[1]))
html = open(sys.argv[2], encoding="utf-8").read()
table = html.split('class="radar-numbers"')[1].split("</table>")[0]
rows = re.findall(r'<tr><th scope="row">[^<]*</th><td class="num">(\d+)</td><td class="num">([^<]*)</td>', table)
def one(v):
    return str(decimal.Decimal(repr(v)).quantize(decimal.Decimal("0.1"), rounding=decimal.ROUND_HALF_UP))
want = [(str(c["required_level"]), one(c["level"]) if c["level"] is not None else "unassessed")
        for c in api["competencies"]]
sys.exit(0 if rows == want and len(rows) > 2 else 1)
PY

# Peer assessors: hidden from the employee on their own page, shown to the
# manager.
check "the manager sees who gave peer evidence" \
	grep -qE '<td>Peer</td><td class="num">[^<]*</td><td class="num">[^<]*</td><td>KCC-' "$WORK/mgr.html"
as emp1 /people/KCC-1011
expect_code "the employee's own page" 200
check "the employee does not" \
	sh -c "grep -q '<td>Peer</td>' '$WORK/b' && ! grep -qE '<td>Peer</td><td class=\"num\">[^<]*</td><td class=\"num\">[^<]*</td><td>KCC-' '$WORK/b'"
body_has "the employee may give self evidence" '<option value="self">'
body_lacks "not manager evidence" '<option value="manager">'

# The read of someone else's page is in the audit log; one's own is not.
as admin1 "/api/v1/audit?person=KCC-1011&limit=200"
check "mgr1's read is audited" sh -c "grep -q '\"actor\": \"mgr1\"' '$WORK/b' && grep -q '\"action\": \"read\"' '$WORK/b'"
as admin1 "/api/v1/audit?person=KCC-1012&limit=200"
check "emp1's refused read is audited as denied" \
	/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if any(e["actor"]=="emp1" and e["outcome"]=="denied" for e in d["audit"]) else 1)' "$WORK/b"

# ------------------------------------------------------------- adding evidence
before=$(evidence_count admin1 KCC-1011)
as mgr1 /people/KCC-1011
tok=$(csrf_of)
today=$(date -u +%Y-%m-%d)
as mgr1 /people/KCC-1011/evidence -X POST --data-urlencode "csrf_token=$tok" \
	-d source=manager -d competency=active-listening -d level=3,5 -d "date=$today" \
	--data-urlencode "note=Handled <b>the</b> angry caller & calmed them" \
	--data-urlencode "situation=A caller shouted about a missed <collection>" \
	--data-urlencode "task=Calm the caller and find out what went wrong" \
	--data-urlencode "action=Listened, summarised, booked a new pick-up" -d result=
expect_code "a manager adds evidence with a STAR note: 303" 303
check "back to the page" [ "$(location)" = "/people/KCC-1011?added=1" ]
check "one row more in the API's list" [ "$(evidence_count admin1 KCC-1011)" = "$((before + 1))" ]
cp "$WORK/b" "$WORK/evidence.json"
check "as manager evidence at 3.5 by mgr1's person" /usr/bin/python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
sys.exit(0 if any(r["source"]=="manager" and r["level"]==3.5 and r["assessor"]=="KCC-1010" and r["competency"]=="active-listening" for r in d["items"]) else 1)' "$WORK/b"
check "its STAR note in the API's list (an empty part as null)" /usr/bin/python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
want={"situation": "A caller shouted about a missed <collection>", "task": "Calm the caller and find out what went wrong", "action": "Listened, summarised, booked a new pick-up", "result": None}
stars=[r["star"] for r in d["items"] if r["star"] is not None]
sys.exit(0 if stars == [want] and all("star" in r for r in d["items"]) else 1)' "$WORK/b"
as mgr1 "/people/KCC-1011?added=1"
body_has "the page says so" "The evidence was added."
body_has "the note is shown, escaped" "Handled &lt;b&gt;the&lt;/b&gt; angry caller &amp; calmed them"
body_lacks "never raw" "<b>the</b>"
body_has "the STAR note is shown under its row" '<dt>Situation</dt><dd>A caller shouted about a missed &lt;collection&gt;</dd><dt>Task</dt>'
body_lacks "without the part not given" '<dt>Result</dt>'
body_has "the form has the STAR fields" '<textarea id="situation" name="situation"'


# Refused: the form comes back with the error beside the field and what
# was typed; nothing is stored.
as mgr1 /people/KCC-1011/evidence -X POST --data-urlencode "csrf_token=$tok" \
	-d source=manager -d competency=active-listening -d level=7 -d "date=$today" \
	--data-urlencode "situation=A situation typed"
expect_code "a bad level is refused" 422
body_has "what was typed in the STAR note is kept" '>A situation typed</textarea>'
body_has "beside the level" '<p class="error" id="level-error">Give a level from 1 to 5'
body_has "tied to it" 'name="level" type="text" value="7" required aria-invalid="true" aria-describedby="level-error'
body_has "the competency chosen is kept" '<option value="active-listening" selected>'
as mgr1 /people/KCC-1011/evidence -X POST --data-urlencode "csrf_token=$tok" \
	-d source=manager -d competency=active-listening -d level=3 -d "date=2999-01-01"
expect_code "a future date is refused" 422
body_has "beside the date" '<p class="error" id="date-error">'
long=$(/usr/bin/python3 -c 'print("é" * 2001)')
as mgr1 /people/KCC-1011/evidence -X POST --data-urlencode "csrf_token=$tok" \
	-d source=manager -d competency=active-listening -d level=3 -d "date=$today" \
	--data-urlencode "result=$long"
expect_code "a STAR part of 2001 characters is refused" 422
body_has "beside it" '<p class="error" id="result-error">'
long=$(/usr/bin/python3 -c 'print("é" * 2000)')
as mgr1 /people/KCC-1011/evidence -X POST --data-urlencode "csrf_token=$tok" \
	-d source=manager -d competency=coaching -d level=3 -d "date=$today" \
	--data-urlencode "result=$long"
expect_code "one of 2000 characters (4000 bytes) is stored" 303
before=$((before + 1))
login emp1
as emp1 /people/KCC-1011
etok=$(csrf_of)
as emp1 /people/KCC-1011/evidence -X POST --data-urlencode "csrf_token=$etok" \
	-d source=manager -d competency=active-listening -d level=3 -d "date=$today"
expect_code "an employee may not add manager evidence" 422
body_has "said beside the source" '<p class="error" id="source-error">You may not add evidence of this source'
as mgr1 /people/KCC-1011/evidence -X POST -d source=manager -d competency=active-listening \
	-d level=3 -d "date=$today"
expect_code "without the CSRF token: 403" 403
as mgr1 /people/KCC-1011/evidence -X POST --data-urlencode "csrf_token=wrong" \
	-d source=manager -d competency=active-listening -d level=3 -d "date=$today"
expect_code "with a wrong one: 403" 403
as mgr1 /people/KCC-1031/evidence -X POST --data-urlencode "csrf_token=$tok" \
	-d source=manager -d competency=active-listening -d level=3 -d "date=$today"
expect_code "about someone out of reach: 404" 404
check "nothing more was stored" [ "$(evidence_count admin1 KCC-1011)" = "$((before + 1))" ]
check "nor about KCC-1031" [ "$(evidence_count admin1 KCC-1031)" = "$(evidence_count hr1 KCC-1031)" ]
as admin1 "/api/v1/audit?person=KCC-1011&limit=200"
check "the refusal is audited" grep -q '"action": "evidence.add"' "$WORK/b"

# ------------------------------------------------------------------ Dutch
as mgr1 "/people/KCC-1011?lang=nl"
body_has "in Dutch" '<html lang="nl">'
check "numbers with a decimal comma" grep -qE '<td class="num">[0-9],[0-9]</td>' "$WORK/b"
check "and no decimal point in the chart's table" sh -c \
	"! sed -n '/radar-numbers/,/<\/table>/p' '$WORK/b' | grep -qE '<td class=\"num\">[0-9]\.[0-9]</td>'"

# ------------------------------------------------ the STAR note over the API
api_before=$(evidence_count admin1 KCC-1012)
login mgr1
as mgr1 /api/v1/evidence -X POST -H "X-CSRF-Token: $CSRF_mgr1" -H 'Content-Type: application/json' \
	-d "[{\"person\": \"KCC-1012\", \"competency\": \"coaching\", \"level\": 4, \"source\": \"manager\",
	      \"date\": \"$today\", \"star\": {\"situation\": \"S1\", \"result\": \"R1\"}},
	     {\"person\": \"KCC-1012\", \"competency\": \"coaching\", \"level\": 3, \"source\": \"manager\",
	      \"date\": \"$today\", \"star\": null},
	     {\"person\": \"KCC-1012\", \"competency\": \"coaching\", \"level\": 2, \"source\": \"manager\",
	      \"date\": \"$today\", \"star\": {\"task\": \"T3\"}}]"
expect_code "POST /api/v1/evidence takes a star per row" 201
as admin1 "/api/v1/people/KCC-1012/evidence?limit=1000"
check "each row with its own note" /usr/bin/python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
got=sorted((r["level"], json.dumps(r["star"], sort_keys=True)) for r in d["items"] if r["date"]==sys.argv[2] and r["competency"]=="coaching")
want=sorted([(4.0, json.dumps({"situation": "S1", "task": None, "action": None, "result": "R1"}, sort_keys=True)), (3.0, "null"), (2.0, json.dumps({"situation": None, "task": "T3", "action": None, "result": None}, sort_keys=True))])
sys.exit(0 if got == want else 1)' "$WORK/b" "$today"
as mgr1 /api/v1/evidence -X POST -H "X-CSRF-Token: $CSRF_mgr1" -H 'Content-Type: application/json' \
	-d "[{\"person\": \"KCC-1012\", \"competency\": \"coaching\", \"level\": 4, \"source\": \"manager\",
	      \"date\": \"$today\", \"star\": {\"situation\": \"S\"}},
	     {\"person\": \"KCC-1012\", \"competency\": \"coaching\", \"level\": 9, \"source\": \"manager\",
	      \"date\": \"$today\", \"star\": {\"task\": \"T\"}}]"
expect_code "a bad second row refuses the request" 422
expect_error "naming its field" invalid_value '[1].level'
as mgr1 /api/v1/evidence -X POST -H "X-CSRF-Token: $CSRF_mgr1" -H 'Content-Type: application/json' \
	-d "{\"person\": \"KCC-1012\", \"competency\": \"coaching\", \"level\": 4, \"source\": \"manager\",
	      \"date\": \"$today\", \"star\": {\"feeling\": \"S\"}}"
expect_code "an unknown part of the note: 400" 400
expect_error "named" unknown_field star.feeling
check "nothing of the refused requests is stored" [ "$(evidence_count admin1 KCC-1012)" = "$((api_before + 3))" ]

# --------------------------------------------- the STAR note's life with its row
star_id=$(/usr/bin/python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
print([r["id"] for r in d["items"] if r["star"] and r["star"]["situation"]][0])' "$WORK/evidence.json")
login mgr1
as mgr1 "/api/v1/evidence/$star_id/retraction" -X POST -H "X-CSRF-Token: $CSRF_mgr1" \
	-H 'Content-Type: application/json' -d '{"reason": "entered twice"}'
expect_code "the manager retracts the row with the STAR note" 200
as admin1 "/api/v1/people/KCC-1011/evidence?limit=1000"
check "a retracted row keeps its STAR note" /usr/bin/python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
sys.exit(0 if any(r["id"]==int(sys.argv[2]) and r["retracted"] and r["star"]["task"] for r in d["items"]) else 1)' "$WORK/b" "$star_id"
check "the notes are stored" [ "$(sql "SELECT count(*) FROM evidence_star")" = 4 ]
as admin1 /api/v1/people/KCC-1011/privacy-export
check "the privacy export holds the STAR notes" /usr/bin/python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
stars=[r["star"] for r in d["evidence"] if r["star"] is not None]
sys.exit(0 if len(stars) == 2 and any(s["situation"] == "A caller shouted about a missed <collection>" for s in stars) and all("star" in r for r in d["evidence"]) else 1)' "$WORK/b"
as admin1 /api/v1/people/KCC-1011/erasure -X POST -H 'Content-Type: application/json' \
	-H "X-CSRF-Token: $CSRF_admin1" -d '{"confirm": "KCC-1011"}'
expect_code "the person is erased" 200
check "and their STAR notes with their rows (KCC-1012's stay)" \
	[ "$(sql "SELECT count(*) FROM evidence_star")" = 2 ]
stop

# ------------------------------------------------ from schema 8 to the latest
"$COMPGAP" demo --db "$WORK/old.db" > /dev/null
DB=$WORK/old.db
sql "DROP TABLE checkin; DROP TABLE key_result; DROP TABLE objective; DROP TABLE plan_action; DROP TABLE webhook_delivery; DROP TABLE webhook_endpoint; DROP TABLE coaching_followup; DROP TABLE coaching_item; DROP TABLE coaching_star; DROP TABLE coaching_evaluation; DROP TABLE coaching_agent; DROP TABLE coaching_session; DROP TABLE evidence_star; DROP TABLE evaluation_score; DROP TABLE evaluation; DROP TABLE scorecard_area; DROP TABLE scorecard_version; DROP TABLE scorecard; DELETE FROM schema_version WHERE version >= 9"
run init --db "$DB"
expect_status "a schema-8 database is migrated" 0
expect_out "to the latest schema" "from schema version 8 to $SCHEMA"
make_role_users
start_or_finish old
login mgr1
as mgr1 /people/KCC-1011
tok=$(csrf_of)
as mgr1 /people/KCC-1011/evidence -X POST --data-urlencode "csrf_token=$tok" \
	-d source=peer -d competency=coaching -d level=4 -d "date=$today" -d "action=Showed a newcomer the ropes"
expect_code "evidence with a STAR note is added after the migration" 303
as mgr1 "/api/v1/people/KCC-1011/evidence?limit=1"
check "and the note is there" grep -q '"action": "Showed a newcomer the ropes"' "$WORK/b"
stop
done_testing
