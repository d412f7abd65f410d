#!/bin/sh
# Editing the library in the browser (src/web/library_*.c, docs/web.md,
# "Editing the library") over loopback with curl, on the engine under
# test: only admin and hr reach the edit pages (403 for the others, on a
# GET and a POST, and no edit links on /library); a save of a definition,
# an indicator, a level descriptor and a Dutch text shows on /library, in
# the API and in `compgap export`; a bad required level or weight is named
# beside its field with what was typed kept, and nothing is stored; a new
# competency and a new role with a profile; a deletion of what is in use
# refused with what uses it; a form without the CSRF token refused; the
# audit entries those of the API.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null
make_role_users
start_or_finish libedit

# form_login USER: signs USER in through /login with its cookie jar.
form_login() {
	rm -f "$WORK/$1.jar"
	CODE=$(curl -s -o "$WORK/b" -D "$WORK/h" -w '%{http_code}' -c "$WORK/$1.jar" \
		--data-urlencode "user=$1" --data-urlencode "password=$PASSWORD" \
		--data-urlencode "next=/" "http://127.0.0.1:$PORT/login")
}

# The form of the last page (its first POST form but the sign-out's) as
# a urlencoded body, with NAME=VALUE arguments changing or adding fields
# and -NAME removing one: what a browser sends when the user typed them.
cat > "$WORK/formbody.py" << 'EOF'
import sys, urllib.parse
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(s):
        super().__init__(); s.fields = []; s.ta = None; s.sel = None; s.inform = False; s.seen = 0
    def handle_starttag(s, tag, a):
        a = dict(a)
        if tag == 'form' and a.get('method') == 'post' and a.get('action') != '/logout':
            s.seen += 1; s.inform = s.seen == 1
        if not s.inform: return
        if tag == 'input':
            t = a.get('type', 'text')
            if t == 'checkbox':
                if 'checked' in a: s.fields.append([a['name'], a.get('value', 'on')])
            elif 'name' in a: s.fields.append([a['name'], a.get('value') or ''])
        elif tag == 'textarea': s.ta = [a['name'], '']; s.fields.append(s.ta)
        elif tag == 'select': s.sel = [a['name'], None]; s.fields.append(s.sel)
        elif tag == 'option' and s.sel is not None:
            if s.sel[1] is None or 'selected' in a: s.sel[1] = a.get('value', '')
    def handle_endtag(s, tag):
        if tag == 'textarea': s.ta = None
        if tag == 'select': s.sel = None
        if tag == 'form': s.inform = False
    def handle_data(s, d):
        if s.ta is not None: s.ta[1] += d
p = P(); p.feed(open(sys.argv[1]).read())
f = p.fields
for arg in sys.argv[2:]:
    k, _, v = arg.partition('=')
    if k.startswith('-'):
        f = [x for x in f if x[0] != k[1:]]; continue
    for x in f:
        if x[0] == k: x[1] = v; break
    else: f.append([k, v])
print(urllib.parse.urlencode([(k, v or '') for k, v in f]), end='')
EOF
form_body() {
	python3 "$WORK/formbody.py" "$WORK/b" "$@"
}

# api USER PATH: the API's document with USER's session, into $WORK/api.json.
api() {
	curl -s -o "$WORK/api.json" -b "$WORK/$1.jar" "http://127.0.0.1:$PORT$2"
}

# json_is NAME PYTHON-EXPRESSION: true of d, the last API document.
json_is() {
	if python3 -c "import json, sys
d = json.load(open(sys.argv[1]))
assert $2, d" "$WORK/api.json" 2> "$WORK/pyerr"; then ok "$1"; else
		not_ok "$1" "$(tail -n 1 "$WORK/pyerr" | head -c 600)"
	fi
}

# audit_last ACTION: the last audit entry of ACTION as "actor|key|outcome".
audit_last() {
	sql "SELECT actor || '|' || object_key || '|' || outcome FROM audit_log
		WHERE action = '$1' ORDER BY id DESC LIMIT 1" | tail -n 1
}

for u in admin1 hr1 mgr1 coach1 emp1; do form_login $u; done

# ------------------------------------------------------------------ access
for u in mgr1 coach1 emp1; do
	page $u /library
	body_lacks "$u: no edit link on /library" 'href="/library/competencies/customer-focus"'
	body_lacks "$u: no link to a new competency" 'href="/library/competencies/new"'
	csrf=$(csrf_of)
	for path in /library/competencies/customer-focus /library/competencies/new \
		/library/roles/agent /library/roles/new /library/competencies/customer-focus/delete \
		/library/roles/agent/delete; do
		page $u $path
		expect_code "$u: GET $path is refused" 403
	done
	page $u /library/competencies/customer-focus --data "csrf_token=$csrf&name=Hacked&indicator_rows=0"
	expect_code "$u: a POST of the competency is refused" 403
	check "$u: logged as denied" [ "$(audit_last competency.update)" = "$u|customer-focus|denied" ]
	page $u /library/roles/agent/delete --data "csrf_token=$csrf"
	expect_code "$u: a POST of a deletion is refused" 403
done
check "nothing was changed by them" \
	[ "$(sql "SELECT name FROM competency WHERE key = 'customer-focus'")" = "Customer focus" ]

for u in admin1 hr1; do
	page $u /library
	body_has "$u: an edit link per competency" \
		'<a href="/library/competencies/customer-focus">Edit<span class="visually-hidden">: Customer focus</span></a>'
	body_has "$u: an edit link per role" 'href="/library/roles/agent"'
	body_has "$u: a link to a new competency" 'href="/library/competencies/new"'
	body_has "$u: a link to a new role" 'href="/library/roles/new"'
	page $u /library/competencies/customer-focus
	expect_code "$u: the competency's edit page" 200
	page $u /library/roles/agent
	expect_code "$u: the role's edit page" 200
done
page hr1 /library/competencies/no-such-thing
expect_code "an unknown competency: 404" 404
page hr1 /library/roles/no-such-role
expect_code "an unknown role: 404" 404

# ------------------------------------------------------- editing a competency
page hr1 /library/competencies/customer-focus
clean_page "the competency's edit page"
body_has "the name in its field" 'name="name" type="text" value="Customer focus"'
body_has "the Dutch name, marked as Dutch" 'value="Klantgerichtheid" lang="nl"'
body_has "the second indicator" '<textarea id="ind-2" name="ind-2" rows="2">'
body_has "empty rows to add indicators" '<legend>New indicator</legend>'
body_has "a level descriptor per level" '<textarea id="level-5" name="level-5"'
body_has "a link to delete it" 'href="/library/competencies/customer-focus/delete"'
cp "$WORK/b" "$WORK/competency.html"
body=$(form_body "ind-2=Checks that the resident's question is answered" \
	"description=Finding out what residents need and acting on it." \
	"level-3=Handles most questions without help" "name-nl=Klantfocus" \
	"ind-6=Thanks the resident for their patience" "ind-6-nl=Bedankt de inwoner voor het geduld" \
	"ind-1-remove=1")
page hr1 /library/competencies/customer-focus --data "$body"
expect_code "a save answers 303" 303
expect_location "to the edit page, saying it was saved" "/library/competencies/customer-focus?saved=1"
page hr1 /library/competencies/customer-focus?saved=1
body_has "which says so" 'Saved. The library shows the changes.'
check "audit: competency.update by hr1, as the API writes it" \
	[ "$(audit_last competency.update)" = "hr1|customer-focus|ok" ]
page emp1 /library
body_has "/library shows the new definition" "Finding out what residents need and acting on it."
body_has "the changed indicator" "Checks that the resident&#39;s question is answered"
body_has "the added indicator" "Thanks the resident for their patience"
body_lacks "not the removed one" "Asks follow-up questions to find the need behind the question"
body_has "the level descriptor" "<dt>3</dt><dd>Handles most questions without help</dd>"
page emp1 "/library?lang=nl"
body_has "the Dutch name in Dutch" "Klantfocus"
body_has "the new indicator's Dutch text" "Bedankt de inwoner voor het geduld"
api emp1 /api/v1/competencies/customer-focus
json_is "the API's document has the definition" "d['description'] == 'Finding out what residents need and acting on it.'"
json_is "and the indicators, in order" "d['indicators'][0] != 'Asks follow-up questions to find the need behind the question' and d['indicators'][-1] == 'Thanks the resident for their patience' and d['indicators'][0] == \"Checks that the resident's question is answered\""
json_is "and the Dutch texts, each at its indicator" "d['texts']['nl']['name'] == 'Klantfocus' and d['texts']['nl']['indicators'][-1] == 'Bedankt de inwoner voor het geduld'"
"$COMPGAP" export indicators --db "$DB" > "$WORK/indicators.csv" 2> "$WORK/err"
check "compgap export has the level descriptor" grep -q "customer-focus,3,Handles most questions without help" "$WORK/indicators.csv"
"$COMPGAP" export library-texts --db "$DB" > "$WORK/texts.csv" 2> "$WORK/err"
check "and the Dutch name" grep -q "competency,customer-focus,,nl,name,Klantfocus" "$WORK/texts.csv"

# A translation without the text it translates is named; nothing stored.
page hr1 /library/competencies/customer-focus
body=$(form_body "ind-7-sv=Tackar för tålamodet" "name=Customer focus (changed)")
page hr1 /library/competencies/customer-focus --data "$body"
expect_code "a translation of an empty row is refused" 422
body_has "beside its field" '<p class="error" id="ind-7-sv-error">'
check "nothing stored" [ "$(sql "SELECT name FROM competency WHERE key = 'customer-focus'")" = "Customer focus" ]
# An empty name: the import's own check, named beside the field.
page hr1 /library/competencies/customer-focus
body=$(form_body "name=" "description=Not to be stored")
page hr1 /library/competencies/customer-focus --data "$body"
expect_code "an empty name is refused" 422
body_has "beside the name" '<p class="error" id="name-error">Give a name of at most 200 characters'
body_has "tied to the input" 'aria-invalid="true" aria-describedby="name-error"'
body_has "the summary says nothing was saved" 'Nothing was saved: 1 problem is marked beside its field.'
body_has "what was typed is kept" '>Not to be stored</textarea>'
check "audit: the refusal logged as failed" [ "$(audit_last competency.update)" = "hr1|customer-focus|failed" ]
api emp1 /api/v1/competencies/customer-focus
json_is "nothing stored" "d['description'] == 'Finding out what residents need and acting on it.'"
page hr1 "/library/competencies/customer-focus?lang=nl"
body=$(form_body "name=")
page hr1 "/library/competencies/customer-focus?lang=nl" --data "$body"
body_has "in the reader's language" 'Geef een naam van hoogstens 200 tekens'
page hr1 "/library?lang=en"

# ----------------------------------------------------------- a role's profile
api emp1 /api/v1/roles/agent
cp "$WORK/api.json" "$WORK/agent-before.json"
page admin1 /library/roles/agent
clean_page "the role's edit page"
body_has "the required level of the first competency" 'id="req-1-level" name="req-1-level" type="number"'
body=$(form_body "req-1-level=7" "req-2-weight=9" "name-nl=Niet opslaan")
page admin1 /library/roles/agent --data "$body"
expect_code "a required level of 7 and a weight of 9 are refused" 422
body_has "the level named beside its field" '<p class="error" id="req-1-level-error">Give a whole number from 1 to 5.</p>'
body_has "the weight too" '<p class="error" id="req-2-weight-error">Give a whole number from 1 to 3'
body_has "the level typed is kept" 'name="req-1-level" type="number" inputmode="numeric" min="1" max="5" step="1" value="7" aria-invalid="true"'
body_has "and the name" 'value="Niet opslaan"'
body_has "both counted" 'Nothing was saved: 2 problems are marked beside their fields.'
api emp1 /api/v1/roles/agent
check "the profile is unchanged" cmp -s "$WORK/api.json" "$WORK/agent-before.json"
check "audit: role.update failed" [ "$(audit_last role.update)" = "admin1|agent|failed" ]
# A good change: a level, a weight, a removal and an addition.
page admin1 /library/roles/agent
first=$(python3 -c "import json; print(json.load(open('$WORK/agent-before.json'))['requirements'][0]['competency'])")
body=$(form_body "req-1-level=5" "req-1-weight=3" "req-2-remove=1" "name-sv=Kundtjänstmedarbetare")
page admin1 /library/roles/agent --data "$body"
expect_code "a good profile is saved" 303
expect_location "back to the role's page" "/library/roles/agent?saved=1"
api emp1 /api/v1/roles/agent
json_is "the level and weight in the API" "d['requirements'][0] == {'competency': '$first', 'required_level': 5, 'weight': 3}"
json_is "one competency fewer" "len(d['requirements']) == len(json.load(open('$WORK/agent-before.json'))['requirements']) - 1"
json_is "the Swedish name" "d['texts']['sv']['name'] == 'Kundtjänstmedarbetare'"

# ------------------------------------------------------------- creating
page hr1 /library/competencies/new
expect_code "the new competency's page" 200
clean_page "the new competency's page"
body=$(form_body "key=empathy" "name=Empathy" "description=Understanding how the other feels." \
	"ind-1=Names the feeling the resident shows" "ind-1-nl=Benoemt het gevoel van de inwoner" \
	"level-1=Notices strong feelings" "level-1-sv=Märker starka känslor")
page hr1 /library/competencies/new --data "$body"
expect_code "a new competency is created" 303
expect_location "to its edit page" "/library/competencies/empathy?saved=1"
api emp1 /api/v1/competencies/empathy
json_is "the API has it, with its indicator and texts" "d['name'] == 'Empathy' and d['indicators'] == ['Names the feeling the resident shows'] and d['texts']['nl']['indicators'] == ['Benoemt het gevoel van de inwoner'] and d['texts']['sv']['levels'] == [{'level': 1, 'descriptor': 'Märker starka känslor'}]"
check "audit: competency.create" [ "$(audit_last competency.create)" = "hr1|empathy|ok" ]
page hr1 /library/competencies/new
body=$(form_body "key=empathy" "name=Again")
page hr1 /library/competencies/new --data "$body"
expect_code "a key taken is refused" 422
body_has "beside the key" '<p class="error" id="key-error">A competency with this key exists already.'

page admin1 /library/roles/new
clean_page "the new role's page"
body=$(form_body "key=front-desk" "name-en=Front desk" "name-nl=Balie" \
	"add-1-competency=empathy" "add-1-level=3" "add-1-weight=2" \
	"add-2-competency=customer-focus" "add-2-level=4")
page admin1 /library/roles/new --data "$body"
expect_code "a new role with a profile is created" 303
expect_location "to its page" "/library/roles/front-desk?saved=1"
api emp1 /api/v1/roles/front-desk
json_is "the API has its profile, the empty weight 1" "d['requirements'] == [{'competency': 'empathy', 'required_level': 3, 'weight': 2}, {'competency': 'customer-focus', 'required_level': 4, 'weight': 1}]"
json_is "and its names" "d['texts']['nl']['name'] == 'Balie' and d['texts']['en']['name'] == 'Front desk'"
page emp1 /library
body_has "/library shows the role" '<section class="profile" id="r-front-desk">'
page admin1 /library/roles/new
body=$(form_body "key=bad-role" "add-1-level=3")
page admin1 /library/roles/new --data "$body"
expect_code "a row without a competency is refused" 422
body_has "beside the row's competency" '<p class="error" id="add-1-competency-error">'
check "and the role was not created" [ "$(sql "SELECT count(*) FROM role WHERE key = 'bad-role'")" = 0 ]

# ------------------------------------------------------------- deleting
page hr1 /library/competencies/customer-focus/delete
expect_code "the confirmation of a competency in use" 200
body_has "says it is in use" "This competency cannot be deleted: it is in use."
body_has "by which profiles" "role profiles require it"
csrf=$(csrf_of)
page hr1 /library/competencies/customer-focus/delete --data "csrf_token=$csrf"
expect_code "deleting a competency in use is refused" 409
body_has "with a clear message" "This competency cannot be deleted: it is in use."
check "it is still there" [ "$(sql "SELECT count(*) FROM competency WHERE key = 'customer-focus'")" = 1 ]
check "audit: competency.delete failed" [ "$(audit_last competency.delete)" = "hr1|customer-focus|failed" ]
page hr1 /library/roles/agent/delete --data "csrf_token=$csrf"
expect_code "deleting a role people hold is refused" 409
body_has "saying who holds it" "people hold it"
page hr1 /library/roles/front-desk/delete
body_has "a role in use by nobody: the question" "This cannot be undone."
clean_page "the confirmation page"
page hr1 /library/roles/front-desk/delete --data "csrf_token=$csrf"
expect_code "a role in use by nobody is deleted" 303
expect_location "back to the library, saying so" "/library?deleted=front-desk#roles"
page hr1 "/library?deleted=front-desk"
body_has "which says it" "front-desk was deleted from the library."
check "audit: role.delete" [ "$(audit_last role.delete)" = "hr1|front-desk|ok" ]
page hr1 /library/competencies/empathy/delete --data "csrf_token=$csrf"
expect_code "then the competency no role requires" 303
check "is gone" [ "$(sql "SELECT count(*) FROM competency WHERE key = 'empathy'")" = 0 ]

# ------------------------------------------------------------------ CSRF
page hr1 /library/competencies/customer-focus
body=$(form_body -csrf_token "name=No token")
page hr1 /library/competencies/customer-focus --data "$body"
expect_code "a form without the CSRF token is refused" 403
body=$(form_body "csrf_token=cgc_not-the-token" "name=Wrong token")
page hr1 /library/competencies/customer-focus --data "$body"
expect_code "and one with another token" 403
page hr1 /library/roles/agent/delete --data ""
expect_code "a deletion without the token too" 403
check "nothing stored" [ "$(sql "SELECT name FROM competency WHERE key = 'customer-focus'")" = "Customer focus" ]

stop
done_testing
