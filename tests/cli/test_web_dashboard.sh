#!/bin/sh
# The dashboard at / (src/web/home.c, web/dashboard.h, docs/web.md) over
# loopback with curl, on the engine under test: what each role sees (admin
# and hr every team, a manager the teams of their line, a coach their
# teams, an employee no team but their own page); every card's figures
# equal the API's gaps of that team (dashboard_check.py computes them from
# the JSON); the gaps that grew since the end of last month equal what two
# `compgap gaps --json` runs give; escaping; no inline script or style;
# the reader's language.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null
make_role_users
start_or_finish dashboard
CHECK=$HERE/dashboard_check.py

# Today and the end of last month, as the server counts them (UTC).
TODAY=$(date -u +%Y-%m-%d)
LAST=$(python3 -c 'import datetime; d = datetime.datetime.now(datetime.timezone.utc).date(); print(d.replace(day=1) - datetime.timedelta(days=1))')

for u in admin1 hr1 mgr1 coach1 emp1; do login $u; done

# Lower some levels today, so that gaps grow against last month: a
# manager's rating of 1 for two people of kcc-phone and one of kcc-desk
# on the first competency they are assessed on.
as admin1 /api/v1/teams/kcc/gaps
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
rows = []
for who in ("KCC-1011", "KCC-1012", "KCC-1031"):
    m = [m for m in d["members"] if m["person"] == who][0]
    c = [c for c in m["competencies"] if c["level"] is not None and 1.5 < c["level"] <= c["required_level"]][0]
    rows.append({"person": who, "competency": c["competency"], "level": 1,
                 "source": "manager", "date": sys.argv[2]})
print(json.dumps(rows))
' "$WORK/b" "$TODAY" > "$WORK/rows.json"
# shellcheck disable=SC2154
as admin1 /api/v1/evidence -H "X-CSRF-Token: $CSRF_admin1" -H 'Content-Type: application/json' \
	--data-binary @"$WORK/rows.json"
expect_code "evidence that lowers three levels today is stored" 201
# A team's and a person's name with markup, to be shown escaped.
as admin1 /api/v1/teams/kcc-desk -X PATCH -H "X-CSRF-Token: $CSRF_admin1" \
	-H 'Content-Type: application/json' -d '{"name": "<script>alert(1)</script> & \"Desk\""}'
expect_code "a team renamed with markup" 200
as admin1 /api/v1/competencies?limit=1000
cp "$WORK/b" "$WORK/comps.json"

# api_gaps USER KEY...: the API's gaps of each team as USER, today and at
# the end of last month, into $WORK/USER/KEY.json and KEY.then.json.
api_gaps() {
	u=$1
	shift
	mkdir -p "$WORK/$u"
	for k in "$@"; do
		as "$u" "/api/v1/teams/$k/gaps"
		cp "$WORK/b" "$WORK/$u/$k.json"
		as "$u" "/api/v1/teams/$k/gaps?as_of=$LAST"
		cp "$WORK/b" "$WORK/$u/$k.then.json"
	done
}

# dashboard USER [CURL ARGS]: the page as USER into $WORK/USER.html.
dashboard() {
	u=$1
	shift
	as "$u" / "$@"
	cp "$WORK/b" "$WORK/$u.html"
}

# cards_are NAME USER KEY...: the cards and every figure on them.
cards_are() {
	name=$1
	u=$2
	shift 2
	if python3 "$CHECK" cards "$WORK/$u.html" "$WORK/$u" "$WORK/comps.json" "$@" > "$WORK/pyout" 2>&1
	then ok "$name"; else not_ok "$name" "$(cat "$WORK/pyout")"; fi
}

has() {
	if grep -qF -- "$3" "$WORK/$2.html"; then ok "$1"; else not_ok "$1" "no '$3'"; fi
}
lacks() {
	if grep -qF -- "$3" "$WORK/$2.html"; then not_ok "$1" "'$3' is there"; else ok "$1"; fi
}

clean() {
	if grep -qiE '<script|<style|[[:space:]]style=|[[:space:]]on[a-z]+=' "$WORK/$2.html"; then
		not_ok "$1" "$(grep -oiE '<script[^>]*>|<style|style=|on[a-z]+=' "$WORK/$2.html" | head -3)"
	else
		ok "$1"
	fi
}

ALL="kcc kcc-back kcc-desk kcc-online kcc-phone"
# ----------------------------------------------------------- admin and hr
for u in admin1 hr1; do
	dashboard $u
	expect_code "$u: the dashboard" 200
	has "$u: titled Dashboard" $u "<h1>Dashboard</h1>"
	has "$u: says how many teams and people" $u '<p class="lead">5 teams, 41 people. As of '
	api_gaps $u $ALL
	# shellcheck disable=SC2086
	cards_are "$u: every team a card, in the tree's order, with the API's figures" $u $ALL
	has "$u: the cards link to the team pages" $u '<a href="/teams/kcc-phone">'
	has "$u: the lists of what needs attention" $u '<h2 id="attention">Needs attention now</h2>'
	clean "$u: no inline script or style" $u
done
expect_header "the CSP header" \
	"Content-Security-Policy: default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
check "admin and hr see the same content" \
	sh -c "sed -n '/<main/,/<\/main>/p' '$WORK/admin1.html' > '$WORK/m1'; sed -n '/<main/,/<\/main>/p' '$WORK/hr1.html' > '$WORK/m2'; cmp -s '$WORK/m1' '$WORK/m2'"
has "a team's name comes out escaped" admin1 '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Desk&quot;'
lacks "and nothing of it raw" admin1 '<script>alert(1)'

# The grown gaps against two runs of the command line over the whole
# organisation (kcc is its root).
"$COMPGAP" gaps --team kcc --json --db "$DB" > "$WORK/now.json"
"$COMPGAP" gaps --team kcc --as-of "$LAST" --json --db "$DB" > "$WORK/then.json"
check "the command line's gaps grew for the three rated down" python3 -c '
import json, sys
sys.path.insert(0, sys.argv[3])
from dashboard_check import grown_pairs
assert len(grown_pairs(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))) >= 3
' "$WORK/now.json" "$WORK/then.json" "$HERE"
if python3 "$CHECK" grown "$WORK/admin1.html" "$WORK/comps.json" "$WORK/now.json" \
	"$WORK/then.json" > "$WORK/pyout" 2>&1; then
	ok "admin: the gaps that grew, largest first, as the command line's two runs give them"
else
	not_ok "admin: the gaps that grew" "$(cat "$WORK/pyout")"
fi
has "each grown gap links to the person" admin1 '<a href="/people/KCC-1031">'
for id in blind-spots key-person-risks unassessed grown-gaps; do
	has "the list $id is a section with a heading" admin1 "<h3 id=\"$id\">"
done

# ----------------------------------------------------------- a manager
dashboard mgr1
expect_code "mgr1: the dashboard" 200
api_gaps mgr1 kcc-phone
cards_are "mgr1: only the team of their line, with the API's figures" mgr1 kcc-phone
lacks "mgr1: no card of another team" mgr1 'href="/teams/kcc-desk"'
lacks "mgr1: nobody of kcc-desk in the lists" mgr1 'href="/people/KCC-1031"'
"$COMPGAP" gaps --team kcc-phone --json --db "$DB" > "$WORK/now-phone.json"
"$COMPGAP" gaps --team kcc-phone --as-of "$LAST" --json --db "$DB" > "$WORK/then-phone.json"
if python3 "$CHECK" grown "$WORK/mgr1.html" "$WORK/comps.json" "$WORK/now-phone.json" \
	"$WORK/then-phone.json" > "$WORK/pyout" 2>&1; then
	ok "mgr1: the gaps that grew in their team"
else
	not_ok "mgr1: the gaps that grew" "$(cat "$WORK/pyout")"
fi
has "mgr1: links to the people of their line" mgr1 '<a href="/people/KCC-1011">'

# ----------------------------------------------------------- a coach
dashboard coach1
api_gaps coach1 kcc-desk
cards_are "coach1: only kcc-desk, with the API's figures" coach1 kcc-desk
lacks "coach1: no card of kcc-phone" coach1 'href="/teams/kcc-phone"'
lacks "coach1: nobody of kcc-phone in the lists" coach1 'href="/people/KCC-1011"'

# ----------------------------------------------------------- an employee
dashboard emp1
expect_code "emp1: the start page" 200
lacks "emp1: no team card" emp1 'team-card'
lacks "emp1: no list of what needs attention" emp1 'Needs attention'
has "emp1: a link to their own page" emp1 '<a href="/people/KCC-1011">'
has "emp1: and to the self-assessment" emp1 '<li><a href="/self-assessment">'
clean "emp1: no inline script or style" emp1

# ----------------------------------------------------------- the API token
get token / -H "Authorization: Bearer $TOKEN"
expect_code "a token's dashboard" 200
cp "$WORK/b" "$WORK/token.html"
has "the token's coach teams: kcc-online" token '<h3 id="team-kcc-online">'
lacks "and no other" token '<h3 id="team-kcc-phone">'

# ----------------------------------------------------------- evaluations due
# A scorecard on a demo competency and evaluations of this month and the
# last: the list "Evaluations due" holds the API's reminder list of the
# caller's teams (quality/due), as the caller may see it.
comp=$(python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(d["items"][0]["key"])' "$WORK/comps.json")
printf 'scorecard,area,competency,weight,min,max,critical\ndash,greeting,%s,1,0,1,false\n' "$comp" > "$WORK/sc.csv"
{
	echo "evaluation,contact,channel,agent,evaluator,kind,date,area,score,comment"
	echo "D1,C1,phone,KCC-1011,KCC-1010,manager,$TODAY,greeting,1,"
	echo "D2,C2,phone,KCC-1012,KCC-1010,manager,$LAST,greeting,1,"
	echo "D3,C3,phone,KCC-1031,KCC-1030,manager,$TODAY,greeting,0,"
	echo "D4,C4,phone,KCC-1031,KCC-1030,manager,$TODAY,greeting,1,"
} > "$WORK/ev.csv"
as admin1 /api/v1/imports/scorecards -H "X-CSRF-Token: $CSRF_admin1" -H 'Content-Type: text/csv' \
	--data-binary @"$WORK/sc.csv"
expect_code "a scorecard is imported" 200
as admin1 /api/v1/imports/evaluations -H "X-CSRF-Token: $CSRF_admin1" -H 'Content-Type: text/csv' \
	--data-binary @"$WORK/ev.csv"
expect_code "evaluations of this month and the last are imported" 200
# due_agrees NAME USER TEAM: the list on USER's dashboard is the API's
# reminder list of TEAM for USER: the same people in the same order, the
# missing evaluations of each, and the count.
due_agrees() {
	dashboard "$2"
	as "$2" "/api/v1/teams/$3/quality/due"
	if python3 - "$WORK/$2.html" "$WORK/b" > "$WORK/pyout" 2>&1 <<'PY'
import html, json, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
due = json.load(open(sys.argv[2]))["due"]
m = re.search(r'<h3 id="evaluations-due">Evaluations due <span class="count">(\d+)</span></h3>(.*?)</section>', page, re.S)
assert m, "no list Evaluations due"
assert int(m.group(1)) == len(due), (m.group(1), len(due))
items = re.findall(r'<li>.*?/people/([^"]+)".*?— (\d+) more evaluations? this month</li>', m.group(2), re.S)
want = [(d["agent"], str(d["missing"])) for d in due][:10]
assert items == want, (items, want)
PY
	then ok "$1"; else not_ok "$1" "$(tail -n 3 "$WORK/pyout")"; fi
}
due_agrees "admin1: the evaluations due, as the API's reminder list of kcc" admin1 kcc
has "admin1: KCC-1012 (evaluated last month, not this one) misses 4" admin1 \
	'<a href="/people/KCC-1012">'
due_agrees "mgr1: those of their line" mgr1 kcc-phone
lacks "mgr1: not KCC-1031 of kcc-desk" mgr1 'href="/people/KCC-1031"'
due_agrees "coach1: those of kcc-desk" coach1 kcc-desk
has "coach1: KCC-1031 misses 2" coach1 '2 more evaluations this month'
dashboard emp1
lacks "emp1: no list of evaluations due" emp1 'evaluations-due'

# ----------------------------------------------------------- languages
dashboard mgr1 -H "Accept-Language: sv"
has "in Swedish" mgr1 '<h2 id="attention">Behöver åtgärdas nu</h2>'
has "Swedish numbers: a space before the percent sign" mgr1 ' % täckt ('
dashboard admin1 "/?lang=nl"
dashboard admin1 -H "Accept-Language: nl"
has "in Dutch" admin1 '<h2 id="teams">Je teams</h2>'
has "with the competency names in Dutch" admin1 'gedekt ('

# ----------------------------------------------------------- the audit log
"$COMPGAP" audit --user mgr1 --db "$DB" > "$WORK/audit" 2>&1 || true
check "the dashboard's read is in the audit log" grep -qE "read.*kcc-phone" "$WORK/audit"

stop
# Under make sanitize, a leak or a memory error makes this status non-zero.
check "the server stops cleanly" [ "$STOPPED" -eq 0 ]
done_testing
