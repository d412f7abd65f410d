#!/bin/sh
# The self-assessment page (src/web/self_page.c, docs/web.md) over
# loopback with curl: who may use it (an employee or a manager linked to a
# person; others get an explanation), the scale of each competency of the
# role with its level descriptors, the ratings stored as self evidence
# dated today (seen by the API and the command line) with their audit
# entry, the blind-spot table equal to `compgap person KEY --json`, a
# failed save keeping every choice and the note with the errors beside
# the fields, CSRF, escaping, no inline code.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null
make_role_users
start_or_finish self

self_rows() {    # today's self rows about $1
	"$COMPGAP" export evidence --db "$DB" | grep -c "^$1,[^,]*,[0-9.]*,self,$(date -u +%Y-%m-%d)," || true
}

# The blind-spot table of the last page against `compgap person KEY --json`:
# every competency with the analysis' self and others levels (one decimal)
# and its flag.
table_is_analysis() {
	"$COMPGAP" person "$2" --json --db "$DB" > "$WORK/person.json"
	if python3 - "$WORK/b" "$WORK/person.json" > "$WORK/pyerr" 2>&1 <<'PY'
import json, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
doc = json.load(open(sys.argv[2]))
rows = re.findall(r'<tr data-competency="([^"]+)"( class="flagged")?><th scope="row">[^<]*</th>'
                  r'<td class="num self">([^<]*)</td><td class="num others">([^<]*)</td>'
                  r'<td class="num">(\d+)</td><td class="flag">([^<]*)</td></tr>', html)
want = doc["competencies"]
assert len(rows) == len(want), (len(rows), len(want))
for (key, flagged, s, o, req, flag), c in zip(rows, want):
    assert key == c["competency"], (key, c["competency"])
    assert s == format(c["self_level"], ".1f"), (key, s, c["self_level"])
    assert o == format(c["others_level"], ".1f"), (key, o, c["others_level"])
    assert int(req) == c["required_level"]
    assert bool(flagged) == (c["flag"] is not None), (key, flagged, c["flag"])
    assert (flag.startswith("Blind spot")) == (c["flag"] == "blind_spot"), (key, flag)
    assert (flag.startswith("Hidden strength")) == (c["flag"] == "hidden_strength"), (key, flag)
print(sum(1 for c in want if c["flag"]))
PY
	then ok "$1 ($(cat "$WORK/pyerr") flagged)"; else not_ok "$1" "$(tail -n 3 "$WORK/pyerr")"; fi
}

for u in admin1 hr1 mgr1 coach1 emp1; do page_login $u; done

# ------------------------------------------------------------------ who
get anon /self-assessment
expect_code "without a session: 303 to the sign-in" 303
for u in admin1 hr1 coach1; do
	page $u /self-assessment
	expect_code "$u gets the page" 200
	body_has "$u gets a plain explanation" "The self-assessment is for employees and managers"
	body_lacks "$u gets no form" 'type="radio"'
done
page coach1 /self-assessment -d "csrf_token=$(csrf_of)&competency-0=customer-focus&level-0=5"
expect_code "a coach's POST gets the explanation" 200
body_has "the explanation" "The self-assessment is for employees and managers"
page mgr1 /self-assessment
expect_code "a manager linked to a person gets the form" 200
body_has "a manager rates the competencies of their role" 'type="radio"'

page emp1 /self-assessment
expect_code "an employee gets the form" 200
clean_page "the self-assessment page"
body_has "the navigation marks the page" '<a href="/self-assessment" aria-current="page">'
body_has "a fieldset with a legend per competency" '<fieldset class="scale" id="c-0">'
body_has "the legend names the competency" '<legend>Customer focus'
body_has "a radio 1 to 5 with its label" '<input type="radio" name="level-0" id="level-0-5" value="5"><label for="level-0-5"><span class="n">5</span>'
body_has "the level descriptors beside the scale" '<span class="descriptor">'
body_has "the behavioural indicators" 'Behavioural indicators'
body_has "an optional note with its label" '<label for="note">A note (optional)</label>'
body_has "the blind-spot picture as an SVG with classes" '<svg class="blind-spot-chart"'
table_is_analysis "before: the blind-spot table is the analysis" KCC-1011
CSRF_E=$(csrf_of)
keys=$(sed -n 's/.*name="competency-\([0-9]*\)" value="\([^"]*\)".*/\1=\2/p' "$WORK/b")
n=$(printf '%s\n' "$keys" | wc -l)
[ "$n" -ge 3 ] && ok "the role has $n competencies" || not_ok "the role's competencies" "$keys"

# ---------------------------------------------- a failed save keeps it all
args="csrf_token=$CSRF_E"
for kv in $keys; do args="$args&competency-$kv"; done
before=$(self_rows KCC-1011)
page emp1 /self-assessment -d "$args&level-0=5&level-1=2" --data-urlencode 'note=My <b>note</b> & more'
expect_code "a save with ratings missing: 422" 422
body_has "a message above the form" "Nothing was saved yet"
body_has "the first choice is kept" 'id="level-0-5" value="5" checked>'
body_has "the second choice is kept" 'id="level-1-2" value="2" checked>'
body_has "the error beside the unrated one" '<p class="error" id="c-2-error">Choose a level from 1 to 5.</p>'
body_has "the fieldset points at its error" '<fieldset class="scale invalid" id="c-2" aria-describedby="c-2-error">'
body_lacks "a rated one has no error" 'id="c-0-error"'
body_has "the note is kept, escaped" 'My &lt;b&gt;note&lt;/b&gt; &amp; more</textarea>'
body_lacks "no unescaped markup" '<b>note</b>'
if [ "$(self_rows KCC-1011)" = "$before" ]; then ok "nothing was stored"; else not_ok "nothing was stored"; fi
page emp1 /self-assessment -d "$args&level-0=9&level-1=2"
expect_code "a level out of the scale: 422" 422
body_has "the error beside it" '<p class="error" id="c-0-error">'

# ------------------------------------------------------------- CSRF
all="note="
for kv in $keys; do all="$all&competency-$kv&level-${kv%%=*}=4"; done
page emp1 /self-assessment -d "$all"
expect_code "without the CSRF token: 403" 403
page emp1 /self-assessment -d "csrf_token=wrong&$all"
expect_code "with a wrong CSRF token: 403" 403
if [ "$(self_rows KCC-1011)" = "$before" ]; then ok "nothing stored by them"; else not_ok "nothing stored by them"; fi

# ------------------------------------------------------------- a good save
page emp1 /self-assessment -d "csrf_token=$CSRF_E&${all#note=&}" --data-urlencode 'note=Rated <together>'
expect_code "a complete save: 303" 303
if [ "$(location)" = "/self-assessment?saved=1" ]; then ok "back to the page (Post/Redirect/Get)"; else
	not_ok "back to the page" "$(location)"
fi
if [ "$(self_rows KCC-1011)" = "$((before + n))" ]; then ok "$n self rows dated today"; else
	not_ok "$n self rows dated today" "$(self_rows KCC-1011) rows, were $before"
fi
"$COMPGAP" export evidence --db "$DB" | tr -d "\r" | grep "^KCC-1011,[^,]*,4,self,$(date -u +%Y-%m-%d),KCC-1011,Rated <together>$" > "$WORK/rows"
if [ "$(wc -l < "$WORK/rows")" = "$n" ]; then ok "level 4, assessor themselves, the note"; else
	not_ok "level 4, assessor themselves, the note" "$("$COMPGAP" export evidence --db "$DB" | grep "^KCC-1011,.*,self,$(date -u +%Y-%m-%d)" | head -3)"
fi
login emp1
as emp1 "/api/v1/people/KCC-1011/evidence?limit=500"
if python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
rows = d.get("evidence", d.get("items", []))
mine = [r for r in rows if r.get("source") == "self" and r.get("note") == "Rated <together>"]
assert len(mine) == int(sys.argv[2]), (len(mine), list(d))
' "$WORK/b" "$n" 2> "$WORK/pyerr"; then ok "the API shows the rows"; else not_ok "the API shows the rows" "$(tail -n 2 "$WORK/pyerr")"; fi
login admin1
as admin1 "/api/v1/audit?user=emp1&limit=500"
if python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert any(e["action"] == "evidence.add" and e["outcome"] == "ok" and e["person"] == "KCC-1011" and e["detail"] == sys.argv[2] + " rows" for e in d["audit"]), d["audit"][-3:]
' "$WORK/b" "$n" 2> "$WORK/pyerr"; then ok "the audit entry of POST /api/v1/evidence"; else not_ok "the audit entry" "$(tail -n 2 "$WORK/pyerr")"; fi

page emp1 "/self-assessment?saved=1"
expect_code "the page after saving" 200
body_has "it says it is saved" "Your self-assessment is saved, dated today."
table_is_analysis "after: the blind-spot table is the analysis" KCC-1011

# Swedish: numbers with a decimal comma, texts translated.
page emp1 "/self-assessment?lang=sv"
expect_code "in Swedish" 200
body_has "the page in Swedish" '<html lang="sv">'
if grep -qE '<td class="num self">[0-9],[0-9]</td>' "$WORK/b"; then ok "levels with a decimal comma"; else
	not_ok "levels with a decimal comma"
fi

stop
done_testing
