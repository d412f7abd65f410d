#!/bin/sh
# Peer feedback from a page (src/web/feedback_page.c, docs/web.md "Peer
# feedback"), on the engine under test: an employee lists the active
# members of their own team (GET /feedback) and gives one of them peer
# evidence with a STAR note (GET and POST /people/{key}/feedback), with the
# source fixed to peer, by the rules of POST /api/v1/evidence: a colleague
# of another team is 404 as a person that does not exist, oneself and a
# role that gives no peer evidence 403; the page shows the colleague's
# name and their role's competencies and none of their levels; a bad form
# stores nothing and keeps what was typed; the row is stored with its
# assessor, its STAR note and its audit entry.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null
make_role_users
start_or_finish feedback
for u in admin1 mgr1 coach1 emp1; do login $u; done

# peer_rows KEY: the peer rows given by KCC-1011 in the API's evidence of KEY (as admin1).
peer_rows() {
	as admin1 "/api/v1/people/$1/evidence?limit=1000"
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(len([r for r in d["items"] if r["source"] == "peer" and r["assessor"] == "KCC-1011"]))' "$WORK/b"
}

# The list: the active members of kcc-phone but the employee, by name.
as emp1 "/feedback?lang=nl"
expect_code "an employee's list of colleagues" 200
"$COMPGAP" list people --team kcc-phone --json --limit 1000 --db "$DB" > "$WORK/people.json"
python3 - "$WORK/people.json" "$WORK/b" <<'PY' && ok "the list holds exactly the active members of the employee's team but themselves" || not_ok "the list holds exactly the active members of the employee's team but themselves"
import json, re, sys
want = {p["id"] for p in json.load(open(sys.argv[1]))["items"]
        if p["team"] == "kcc-phone" and p["active"] and p["id"] != "KCC-1011"}
got = set(re.findall(r'<a href="/people/([^/"]+)/feedback">', open(sys.argv[2], encoding="utf-8").read()))
sys.exit(0 if got == want and want else "got %s, want %s" % (sorted(got), sorted(want)))
PY
body_has "nl: the list's heading in Dutch" "<h1>Feedback aan een collega</h1>"
body_has "the navigation shows the page to an employee" 'href="/feedback"'
as mgr1 /feedback
body_lacks "a manager's navigation has no feedback entry" '<a href="/feedback"'

# The page about a teammate: their name, the form with peer fixed, no levels.
as emp1 "/people/KCC-1016/feedback?lang=sv"
expect_code "an employee opens the feedback page of a teammate" 200
body_has "sv: the colleague's name in the title" "<h1>Återkoppling till Sofie Peeters</h1>"
body_has "the source is fixed to peer" '<input type="hidden" name="source" value="peer">'
body_lacks "no choice of source" '<select id="source"'
body_has "the STAR note" 'name="situation"'
body_has "the competencies of the role" '<dt>Aktivt lyssnande</dt>'
for s in 'class="radar' 'Profile fit' 'Profilpassning' 'class="timeline' 'data-gap' '/people/KCC-1016"'; do
	body_lacks "nothing of the colleague's levels or evidence ($s)" "$s"
done
tok=$(csrf_of)

# Who may not: another team (404, as absent), oneself and a coach (403).
as emp1 /people/KCC-1031/feedback
expect_code "a person of another team is 404" 404
cp "$WORK/b" "$WORK/other"
as emp1 /people/NOBODY/feedback
cp "$WORK/b" "$WORK/none"
sed "s/KCC-1031/NOBODY/g" "$WORK/other" > "$WORK/other.n"
if cmp -s "$WORK/none" "$WORK/other.n"; then ok "... byte for byte the page of nobody (but the address)"; else
	not_ok "... byte for byte the page of nobody (but the address)" "$(diff "$WORK/none" "$WORK/other.n" | head -n 6)"
fi
as emp1 /people/KCC-1011/feedback
expect_code "peer feedback about oneself is 403" 403
as coach1 /people/KCC-1031/feedback
expect_code "a coach, who gives no peer evidence, gets 403" 403
as mgr1 /people/KCC-1011/feedback
expect_code "a manager may give peer feedback about their report" 200

# Posting.
before=$(peer_rows KCC-1016)
as emp1 /people/KCC-1016/feedback -X POST --data-urlencode "csrf_token=$tok" \
	-d "competency=active-listening&level=7&date=2026-11-30" --data-urlencode "situation=Een boze beller"
expect_code "a level of 7 is refused" 422
body_has "... beside its field" 'id="level-error"'
body_has "... with what was typed kept" 'Een boze beller</textarea>'
[ "$(peer_rows KCC-1016)" = "$before" ] && ok "... and nothing stored" || not_ok "... and nothing stored"
as emp1 /people/KCC-1016/feedback -X POST \
	-d "competency=active-listening&level=3&date=2026-11-30"
expect_code "a post without the CSRF token is refused" 403
as emp1 /people/KCC-1031/feedback -X POST --data-urlencode "csrf_token=$tok" \
	-d "competency=active-listening&level=3&date=2026-11-30"
expect_code "a post about another team's person is 404" 404
as emp1 /people/KCC-1016/feedback -X POST --data-urlencode "csrf_token=$tok" \
	-d "source=manager&competency=active-listening&level=3,5&date=2026-11-30" \
	--data-urlencode "situation=A caller angry about a fine" --data-urlencode "action=Listened, summarised" \
	--data-urlencode "result=The caller calmed down"
expect_code "a good post" 303
if tr -d '\r' < "$WORK/h" | grep -qx 'Location: /people/KCC-1016/feedback?given=1'; then
	ok "... goes back to the page (Post/Redirect/Get)"
else
	not_ok "... goes back to the page (Post/Redirect/Get)" "$(cat "$WORK/h")"
fi
as admin1 "/api/v1/people/KCC-1016/evidence?limit=1000"
python3 - "$WORK/b" <<'PY' && ok "stored as peer (a posted source ignored), 3,5 read as 3.5, assessor the employee, with its STAR note" || not_ok "stored as peer (a posted source ignored), 3,5 read as 3.5, assessor the employee, with its STAR note" "$(tail -c 400 "$WORK/b")"
import json, sys
rows = [r for r in json.load(open(sys.argv[1]))["items"] if r["assessor"] == "KCC-1011" and r["date"] == "2026-11-30"]
assert len(rows) == 1, rows
r = rows[0]
assert r["source"] == "peer" and r["level"] == 3.5 and r["competency"] == "active-listening", r
assert r["star"]["situation"] == "A caller angry about a fine" and r["star"]["result"] == "The caller calmed down", r
assert r["star"]["task"] is None or r["star"].get("task") in (None, ""), r
PY
as emp1 "/people/KCC-1016/feedback?given=1&lang=nl"
body_has "nl: the thanks after storing" "Dank je: je feedback is opgeslagen."
as emp1 /people/KCC-1016
expect_code "the teammate's own page stays out of reach" 404
"$COMPGAP" audit --db "$DB" > "$WORK/audit" 2>&1
if grep 'evidence.add' "$WORK/audit" | grep -q 'KCC-1016.*ok.*1 row'; then ok "the row's audit entry"; else
	not_ok "the row's audit entry" "$(grep evidence.add "$WORK/audit" | tail -n 2)"
fi
stop
done_testing
