#!/bin/sh
# The team page, GET /teams/{key} (src/web/team_page.c, docs/web.md "The
# team page"), over loopback with curl, on the engine under test: who sees
# which team and which members (the 404 page exactly as for an absent
# team), the heatmap's cells against the API's gaps document, the sort
# orders, a cell's explanation against the API's explain, the as-of date
# and a bad one, escaping, no inline script or style, and the heatmap's
# colours against io/palette.c.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

CHECK=$HERE/heatmap_check.py
DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null
make_role_users
start_or_finish team

# check NAME ARGS...: heatmap_check.py ARGS passes.
check() {
	name=$1
	shift
	if python3 "$CHECK" "$@" 2> "$WORK/pyerr"; then ok "$name"; else
		not_ok "$name" "$(tail -n 3 "$WORK/pyerr")"
	fi
}

# api USER PATH FILE: USER's answer of the API's PATH into FILE.
api() {
	as "$1" "$2"
	cp "$WORK/b" "$3"
}

for u in admin1 hr1 mgr1 coach1 emp1; do
	login "$u"
done

# ------------------------------------------------ a person outside mgr1's line
# KCC-1099 joins kcc-phone reporting to KCC-1030 (kcc-desk's lead), with a
# large gap, so that recommendations name them: mgr1 may see the team, but
# not them.
as admin1 /api/v1/people -H "X-CSRF-Token: $CSRF_admin1" -H 'Content-Type: application/json' \
	-d '{"id": "KCC-1099", "name": "Outside Person", "email": null, "team": "kcc-phone",
	     "role": "agent", "manager": "KCC-1030"}'
expect_code "admin adds KCC-1099 to kcc-phone under another manager" 201
as admin1 /api/v1/evidence -H "X-CSRF-Token: $CSRF_admin1" -H 'Content-Type: application/json' \
	-d '[{"person": "KCC-1099", "competency": "active-listening", "level": 1, "source": "manager", "date": "2026-11-01"},
	     {"person": "KCC-1099", "competency": "communication", "level": 1, "source": "manager", "date": "2026-11-01"}]'
expect_code "admin adds KCC-1099's evidence" 201

# ----------------------------------------------------------- without a session
get anon /teams/kcc-phone
expect_code "without a session: 303" 303
expect_header "to the sign-in page, the team page next" "Location: /login?next=/teams/kcc-phone"

# --------------------------------------------------------------------- admin
api admin1 /api/v1/teams/kcc-phone/gaps "$WORK/gaps.json"
as admin1 /teams/kcc-phone
expect_code "admin: the team page" 200
cp "$WORK/b" "$WORK/admin.html"
check "admin: every member and every cell as the API's gaps" gaps "$WORK/admin.html" "$WORK/gaps.json"
body_has "admin: the page names KCC-1099" "Outside Person"
body_has "the team's name is the title" "<title>Telefonie"
body_has "the heatmap is a table with a caption" '<caption id="heat-caption" class="vh">Gaps by member and competency, as of'
body_has "member headers are row headers" '<th scope="row" class="who">'
body_has "competency headers are column headers" '<th scope="col" class="c" data-key="active-listening">'
body_has "coverage as SVG bars with classes" '<rect class="bar-fill" width="'
if grep -qE '<span class="nw">[0-9]+ of [0-9]+ \([0-9]+%\)</span>' "$WORK/b"; then
	ok "coverage as text"
else
	not_ok "coverage as text"
fi
body_has "a key-person risk is marked" 'key-person risk'
body_has "priorities are marked" '<span class="badge priority">priority 1</span>'
body_has "the trend as an SVG chart" '<svg xmlns="http://www.w3.org/2000/svg" class="trend"'
body_has "each trend line labelled" '<text class="end"'
body_has "the trend's numbers as a table" '<details class="numbers">'
body_has "the recommendations with their rules (in words, names not keys: test_web_rec_rules.sh)" \
	" members who need Active listening fall 0.5 or more short of their required level"
body_has "the role profiles" '<table class="role-profile">'
body_has "the as-of form, by GET" '<form method="get" action="/teams/kcc-phone"'
body_has "the script, from the assets" '<script src="/assets/team.js" defer></script>'
expect_header "the page is not cached" "Cache-Control: no-store"
expect_header "the CSP header" \
	"Content-Security-Policy: default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
if grep -oiE '<script[^>]*>' "$WORK/b" | grep -qv 'src="/assets/'; then
	not_ok "no inline script" "$(grep -oiE '<script[^>]*>' "$WORK/b" | head -3)"
else
	ok "no inline script"
fi
if grep -qiE '<style|[[:space:]]style=|[[:space:]]on[a-z]+=' "$WORK/b"; then
	not_ok "no inline style or event handler" "$(grep -oiE '<style|style=|on[a-z]+=' "$WORK/b" | head -3)"
else
	ok "no inline style or event handler"
fi
get anon /assets/team.js
expect_code "team.js is served" 200
expect_header "as JavaScript" "Content-Type: text/javascript; charset=utf-8"

as hr1 /teams/kcc
expect_code "hr: the department" 200
cp "$WORK/b" "$WORK/hr.html"
api hr1 /api/v1/teams/kcc/gaps "$WORK/kcc.json"
check "hr: the department's 42 members as the API's gaps" gaps "$WORK/hr.html" "$WORK/kcc.json"
# KCC-1075's digital skills are 2.999 of 3: short, and shown as such.
if grep -q 'aria-label="Bram de Wit, [^:]*: gap &lt;0.01 ' "$WORK/hr.html"; then
	ok "a shortfall under 0.005 reads <0.01, not 0.00"
else
	not_ok "a shortfall under 0.005 reads <0.01, not 0.00" "$(grep -o 'aria-label="Bram de Wit[^"]*"' "$WORK/hr.html" | head -3)"
fi

# ------------------------------------------------------------------- manager
as mgr1 /teams/kcc-phone
expect_code "manager: their team" 200
cp "$WORK/b" "$WORK/mgr.html"
api mgr1 /api/v1/teams/kcc-phone/gaps "$WORK/mgr.json"
# shellcheck disable=SC2046
check "manager: only their reporting line, each cell as the API's" gaps "$WORK/mgr.html" "$WORK/mgr.json" \
	$(seq 1010 1021 | sed 's/^/KCC-/')
cp "$WORK/mgr.html" "$WORK/b"
if grep -qE 'KCC-1099|Outside Person' "$WORK/mgr.html"; then
	not_ok "manager: nothing on the page names KCC-1099" "$(grep -oE '.{60}(KCC-1099|Outside Person).{20}' "$WORK/mgr.html" | head -3)"
else
	ok "manager: nothing on the page names KCC-1099"
fi
as mgr1 /teams/kcc-desk
expect_code "manager: another team is the 404 page" 404
body_has "manager: in words" "There is no such page, or it is not yours to see."
as mgr1 "/teams/kcc-phone?explain=KCC-1099:active-listening"
expect_code "manager: the explanation of someone out of reach is the 404 page" 404

# --------------------------------------------------------------------- coach
as coach1 /teams/kcc-desk
expect_code "coach: their team" 200
cp "$WORK/b" "$WORK/coach.html"
api coach1 /api/v1/teams/kcc-desk/gaps "$WORK/desk.json"
check "coach: kcc-desk's members as the API's gaps" gaps "$WORK/coach.html" "$WORK/desk.json"
as coach1 /teams/kcc-phone
expect_code "coach: another team is the 404 page" 404
as coach1 /teams/kcc
expect_code "coach: the parent department is the 404 page" 404

# ----------------------------------------------- an API token (a coach's)
get token /teams/kcc-online -H "Authorization: Bearer $TOKEN"
expect_code "a coach's token: its team" 200
cp "$WORK/b" "$WORK/token.html"
get token /api/v1/teams/kcc-online/gaps -H "Authorization: Bearer $TOKEN"
cp "$WORK/b" "$WORK/online.json"
check "a coach's token: kcc-online's members as the API's gaps" gaps "$WORK/token.html" "$WORK/online.json"
get token /teams/kcc-desk -H "Authorization: Bearer $TOKEN"
expect_code "a coach's token: another team is the 404 page" 404

# ------------------------------------------------------------------ employee
as emp1 /teams/kcc-phone
expect_code "employee: their own team is the 404 page" 404
cp "$WORK/b" "$WORK/emp404.html"
as emp1 /teams/no-such-team
expect_code "employee: an absent team is the 404 page" 404
# The pages differ only in their own address (the language switch links to it).
sed 's/no-such-team/kcc-phone/g' "$WORK/b" > "$WORK/absent.html"
if cmp -s "$WORK/absent.html" "$WORK/emp404.html"; then ok "out of reach reads exactly as absent"; else
	not_ok "out of reach reads exactly as absent" "$(diff "$WORK/absent.html" "$WORK/emp404.html" | head -5)"
fi
as admin1 /teams/no-such-team
expect_code "admin: an absent team is the 404 page" 404

# ------------------------------------------------------------------ sort orders
for s in gap member competency; do
	as admin1 "/teams/kcc-phone?sort=$s"
	cp "$WORK/b" "$WORK/sort.html"
	check "sort=$s: rows and columns in its order" order "$WORK/sort.html" "$WORK/gaps.json" "$s"
	body_has "sort=$s: the link of the order in use is marked" \
		"<a href=\"/teams/kcc-phone?sort=$s\" aria-current=\"true\">"
done
check "no sort is sort=gap" order "$WORK/admin.html" "$WORK/gaps.json" gap
rows_gap=$(python3 "$CHECK" rows "$WORK/admin.html" | tr '\n' ' ')
as admin1 "/teams/kcc-phone?sort=member"
rows_member=$(python3 "$CHECK" rows "$WORK/b" | tr '\n' ' ')
if [ "$rows_gap" != "$rows_member" ]; then ok "the orders differ on the demo"; else
	not_ok "the orders differ on the demo" "$rows_gap"
fi

# -------------------------------------------------------------- explanation
as admin1 "/teams/kcc-phone?sort=member&explain=KCC-1011:active-listening"
expect_code "a cell's explanation" 200
cp "$WORK/b" "$WORK/explain.html"
api admin1 "/api/v1/people/KCC-1011/explain?competency=active-listening" "$WORK/explain.json"
check "the explanation's rows are the API's explain rows" explain "$WORK/explain.html" "$WORK/explain.json"
cp "$WORK/explain.html" "$WORK/b"
body_has "the explained cell is marked" 'class="h2 sel"'
body_has "each cell links to its explanation, the order kept" \
	'href="/teams/kcc-phone?sort=member&amp;explain=KCC-1012%3Acommunication#explain"'
body_has "the explanation closes back to the heatmap" \
	'<a class="close" href="/teams/kcc-phone?sort=member">'
for bad in "KCC-1011:leadership" "KCC-1011" "nobody:active-listening" "KCC-1031:active-listening"; do
	as admin1 "/teams/kcc-phone?explain=$bad"
	expect_code "explain=$bad (not a cell of this heatmap): the 404 page" 404
done

# ------------------------------------------------------------------ as of
as admin1 "/teams/kcc-phone?as_of=2026-06-30"
expect_code "as of a past date" 200
cp "$WORK/b" "$WORK/past.html"
api admin1 "/api/v1/teams/kcc-phone/gaps?as_of=2026-06-30" "$WORK/past.json"
check "as of 2026-06-30: every cell as the API's for that date" gaps "$WORK/past.html" "$WORK/past.json"
cp "$WORK/past.html" "$WORK/b"
body_has "the date is kept in the form" 'name="as_of" type="date" value="2026-06-30"'
body_has "and in the sort links" 'href="/teams/kcc-phone?sort=member&amp;as_of=2026-06-30"'
as admin1 "/teams/kcc-phone?as_of=2026-06-30&explain=KCC-1011:active-listening"
cp "$WORK/b" "$WORK/pastx.html"
api admin1 "/api/v1/people/KCC-1011/explain?competency=active-listening&as_of=2026-06-30" "$WORK/pastx.json"
check "the explanation as of that date" explain "$WORK/pastx.html" "$WORK/pastx.json"
as admin1 "/teams/kcc-phone?as_of=2026-02-30"
expect_code "a date that does not exist: 400" 400
body_has "the error beside the field" '<p class="error" id="as_of-error">'
body_has "tied to the field" 'aria-invalid="true" aria-describedby="as_of-error as_of-hint"'
body_has "what was typed is kept" 'value="2026-02-30"'
body_lacks "no heatmap under a bad date" '<table class="heat"'

# ------------------------------------------------------------------ language
as admin1 "/teams/kcc-phone?lang=sv"
body_has "?lang=sv: the page is in Swedish" '<html lang="sv">'
body_has "and its links keep the page" 'href="/teams/kcc-phone?lang=nl"'

# ------------------------------------------------------------------ escaping
as admin1 /api/v1/teams -H "X-CSRF-Token: $CSRF_admin1" -H 'Content-Type: application/json' \
	-d '{"key": "kcc-x", "name": "<script>alert(1)</script> & \"Co\"", "parent": "kcc"}'
expect_code "admin adds a team with markup in its name" 201
as admin1 /api/v1/people/KCC-1021 -X PATCH -H "X-CSRF-Token: $CSRF_admin1" \
	-H 'Content-Type: application/json' -d '{"team": "kcc-x", "name": "Lars <b>Nilsson</b>"}'
expect_code "and moves a person with markup in the name there" 200
as admin1 /teams/kcc-x
expect_code "its page" 200
body_lacks "the team name's markup is not markup" "<script>alert"
body_has "it is escaped" "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;"
body_lacks "the person's markup is not markup" "<b>Nilsson"
body_has "it is escaped too" "Lars &lt;b&gt;Nilsson&lt;/b&gt;"
as admin1 "/teams/kcc-x?sort=%22%3E%3Cscript%3E&as_of=%22%3E%3Cscript%3E"
body_lacks "a hostile query is not markup" '"><script>'

# ------------------------------------------------------------------ audit log
as admin1 "/api/v1/audit?limit=1000"
if python3 - "$WORK/b" << 'EOF'
import json, sys
log = json.load(open(sys.argv[1]))["audit"]
def has(actor, key, outcome, person=None):
    return any(e["actor"] == actor and e["action"] == "read" and e["object_kind"] == "team"
               and e["object_key"] == key and e["outcome"] == outcome
               and (person is None or e["person"] == person) for e in log)
assert has("emp1", "kcc-phone", "denied"), "emp1's denied read"
assert has("mgr1", "kcc-desk", "denied"), "mgr1's denied read"
assert has("mgr1", "kcc-phone", "ok"), "mgr1's read"
assert has("admin1", "kcc-phone", "ok", "KCC-1011"), "admin1's read of an explanation"
EOF
then ok "the audit log has the team page's reads, ok and denied"; else
	not_ok "the audit log has the team page's reads, ok and denied"
fi

# ------------------------------------------------ the colours of io/palette.c
if python3 - "$HERE/../../src/io/palette.c" "$HERE/../../assets/app.css" << 'EOF'
import re, sys
pal = open(sys.argv[1]).read()
css = open(sys.argv[2]).read()
fills = re.findall(r'\[HEAT_\w+\] = \{ "(#[0-9a-f]{6})", "(#[0-9a-f]{6})"', pal)
assert len(fills) == 6, fills
for i, (fill, text) in enumerate(fills):
    m = re.search(r'\.h%d \{\s*background-color: (#[0-9a-f]{6});\s*color: (#[0-9a-f]{6});' % i, css)
    assert m and m.groups() == (fill, text), (i, fill, text, m and m.groups())
EOF
then ok "the heatmap's classes have palette.c's colours"; else not_ok "the heatmap's classes have palette.c's colours"; fi

stop
done_testing
