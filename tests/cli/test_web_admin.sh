#!/bin/sh
# The admin pages (src/web/admin_*.c, docs/web.md) over loopback with curl,
# on the engine under test: who may open them (admins; everyone else 403,
# and the refusals in the audit log as the API writes them), the settings
# form (every setting of the API, a change seen by `compgap config` and
# the API, a bad value named beside its field with nothing stored, also
# when another field is good, the decimal comma, CSRF, the audit entries),
# and the audit log page (newest first, the filters, the dates, paging,
# links, the same entries as GET /api/v1/audit, its own read logged).
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null
make_role_users
start_or_finish admin

# setting KEY: its value in `compgap config --json`, then whether it is set.
setting() {
	"$COMPGAP" config --json --db "$DB" | python3 -c '
import json, sys
for s in json.load(sys.stdin)["settings"]:
    if s["key"] == sys.argv[1]:
        print("%g %s" % (s["value"], "set" if s["set"] else "default"))
' "$1"
}
# audit_count WHERE: how many audit entries the SQL condition selects.
audit_count() {
	sql "SELECT count(*) FROM audit_log WHERE $1" | tr -d ' '
}
# rows: the entries of the audit page in $WORK/b.
rows() {
	grep -c '<tr><td class="at">' "$WORK/b"
}
# post_settings USER CSRF FIELD=VALUE...: POSTs the settings form.
post_settings() {
	u=$1
	token=$2
	shift 2
	set -- --data-urlencode "csrf_token=$token" "$@"
	page "$u" /admin/settings "$@"
}
# field_args: every setting's current value as form fields (the form as
# the page fills it), into $WORK/fields as curl arguments.
field_args() {
	"$COMPGAP" config --json --db "$DB" | python3 -c '
import json, sys
for s in json.load(sys.stdin)["settings"]:
    print("--data-urlencode\n%s=%.17g" % (s["key"], s["value"]))
' > "$WORK/fields"
}

for u in admin1 hr1 mgr1 coach1 emp1; do page_login $u; done

# ------------------------------------------------------------------ roles
get anon /admin/settings
expect_code "without a session: 303 to the sign-in" 303
expect_location "keeping the place" "/login?next=/admin/settings"
for u in hr1 mgr1 coach1 emp1; do
	for p in /admin /admin/settings /admin/audit; do
		page $u $p
		expect_code "$u may not open $p (403, as the API's rule)" 403
	done
done
check "hr's refused read of the settings is in the audit log as the API writes it" \
	[ "$(audit_count "actor = 'hr1' AND action = 'read' AND object_kind = 'settings' AND outcome = 'denied'")" = 1 ]
check "hr's refused read of the audit log too" \
	[ "$(audit_count "actor = 'hr1' AND action = 'read' AND object_kind = 'audit' AND outcome = 'denied'")" = 1 ]
page hr1 /
body_lacks "hr's navigation has no Admin entry" 'href="/admin"'
HR_CSRF=$(csrf_of)
post_settings hr1 "$HR_CSRF" --data-urlencode half_life=120
expect_code "hr may not save the settings (403)" 403
check "nothing stored" [ "$(setting half_life)" = "180 default" ]
check "the refusal is logged as setting.set denied" \
	[ "$(audit_count "actor = 'hr1' AND action = 'setting.set' AND outcome = 'denied'")" = 1 ]

page admin1 /
body_has "the admin's navigation has the Admin entry" 'href="/admin"'
page admin1 /admin
expect_code "admin opens the admin index" 200
clean_page "the admin index"
for p in /admin/users /admin/tokens /admin/settings /admin/audit; do
	grep -qF "<a href=\"$p\">" "$WORK/b" || not_ok "the index links to $p"
done
ok "the index links to users, tokens, settings and the audit log"
body_has "the Admin entry is marked current" 'aria-current="page"'

# --------------------------------------------------------- the settings page
page admin1 /admin/settings
expect_code "admin opens the settings page" 200
clean_page "the settings page"
ADMIN_CSRF=$(csrf_of)
missing=$("$COMPGAP" config --json --db "$DB" | python3 -c '
import json, sys
page = open(sys.argv[1]).read()
print(" ".join(s["key"] for s in json.load(sys.stdin)["settings"]
               if ("name=\"%s\"" % s["key"]) not in page))' "$WORK/b")
check "every setting of the API has its field${missing:+ (missing: $missing)}" [ -z "$missing" ]
body_has "the half-life with its value" 'name="half_life" type="text" inputmode="decimal" autocomplete="off" value="180"'
body_has "its unit" '<span>Unit: <span class="v">days</span></span>'
body_has "its range" '<span>Valid: <span class="v">60 to 3,650</span></span>'
body_has "its default" '<span>Default: <span class="v">180</span></span>'
body_has "a whole number says so" '0 to 36,500, whole numbers'
body_has "the groups are headed" '<h2 id="group-1">Weight of each source</h2>'
body_has "the rebuild is announced" 'On a large organisation this may take a moment.'
body_has "each field is tied to its explanation" 'aria-describedby="set-half_life-hint set-half_life-meta"'
page admin1 "/admin/settings?lang=nl"
body_has "in Dutch, the decimal comma in the fields" 'name="weight.self" type="text" inputmode="decimal" autocomplete="off" value="0,4"'
body_has "and the Dutch range" '60 tot en met 3.650'
page admin1 "/admin/settings?lang=sv"
body_has "in Swedish too" '<h2 id="group-1">Vikt för varje källa</h2>'
page admin1 "/admin/settings?lang=en"

# CSRF
page admin1 /admin/settings --data-urlencode half_life=120
expect_code "a form without the csrf_token is refused (403)" 403
post_settings admin1 "cgc_not-the-token" --data-urlencode half_life=120
expect_code "a wrong csrf_token too" 403
check "nothing stored" [ "$(setting half_life)" = "180 default" ]

# a good change
post_settings admin1 "$ADMIN_CSRF" --data-urlencode half_life=120
expect_code "a good value: 303" 303
expect_location "to the page with saved=1" "/admin/settings?saved=1"
check "compgap config shows it, set" [ "$(setting half_life)" = "120 set" ]
as_api() {
	CODE=$(curl -s -o "$WORK/b" -D "$WORK/h" -w '%{http_code}' -b "$WORK/admin1.jar" \
		"http://127.0.0.1:$PORT$1")
}
as_api /api/v1/settings
check "the API shows it" python3 -c '
import json, sys
d = {s["key"]: s for s in json.load(open(sys.argv[1]))["settings"]}
assert d["half_life"]["value"] == 120 and d["half_life"]["set"], d["half_life"]' "$WORK/b"
check "the change is in the audit log as the API writes it" \
	[ "$(audit_count "actor = 'admin1' AND action = 'setting.set' AND object_kind = 'setting' AND object_key = 'half_life' AND outcome = 'ok' AND detail = '180 -> 120'")" = 1 ]
check "the running sums agree with the evidence after the rebuild" \
	sh -c '"$0" check --db "$1" > /dev/null' "$COMPGAP" "$DB"
page admin1 "/admin/settings?saved=1"
body_has "the notice after saving" '<p class="message ok" role="status">The settings have been saved.'
body_has "the field shows the new value" 'name="half_life" type="text" inputmode="decimal" autocomplete="off" value="120"'

# one bad field of two: nothing stored
before=$(audit_count "action = 'setting.set' AND outcome = 'ok'")
post_settings admin1 "$ADMIN_CSRF" --data-urlencode "weight.self=0,5" --data-urlencode blind_spot=9
expect_code "one bad value of two: 422" 422
body_has "the bad field is named beside it" '<p class="error" id="set-blind_spot-error">Give a number from 0.1 to 4.</p>'
body_has "and marked" 'value="9" aria-invalid="true" aria-describedby="set-blind_spot-error'
body_has "the summary above the form" '1 value is not valid. Nothing was saved'
body_has "the good value typed is kept" 'name="weight.self" type="text" inputmode="decimal" autocomplete="off" value="0,5"'
body_lacks "the good field has no error" 'id="set-weight-self-error"'
check "the good value was not stored" [ "$(setting weight.self)" = "0.4 default" ]
check "nor the bad one" [ "$(setting blind_spot)" = "1 default" ]
check "no change in the audit log" [ "$(audit_count "action = 'setting.set' AND outcome = 'ok'")" = "$before" ]
check "the refusal is logged as failed, as the API logs it" \
	[ "$(audit_count "action = 'setting.set' AND object_key = 'blind_spot' AND outcome = 'failed' AND detail LIKE 'refused 9: blind_spot must be a number from 0.1 to 4%'")" = 1 ]

# both bad, and kinds of bad
post_settings admin1 "$ADMIN_CSRF" --data-urlencode half_life=abc --data-urlencode group_min_members=2.5 \
	--data-urlencode 'mentor_margin=<b>x</b>'
expect_code "three bad values: 422" 422
body_has "not a number: named" '<p class="error" id="set-half_life-error">Give a number from 60 to 3,650.</p>'
body_has "not whole: named" '<p class="error" id="set-group_min_members-error">Give a whole number from 2 to 1,000.</p>'
body_has "what was typed comes back escaped" 'value="&lt;b&gt;x&lt;/b&gt;"'
body_has "the count of bad values" '3 values are not valid.'
check "nothing stored" [ "$(setting half_life)" = "120 set" ]
post_settings admin1 "$ADMIN_CSRF" --data-urlencode half_life=
expect_code "an empty field is a bad value" 422
post_settings admin1 "$ADMIN_CSRF" --data-urlencode half_life=100000000000000000000000000000000000000000000000000000000000000000000001
expect_code "a value too long for any setting is refused" 422
check "nothing stored" [ "$(setting half_life)" = "120 set" ]
page admin1 "/admin/settings?lang=nl"
NL_CSRF=$(csrf_of)
post_settings admin1 "$NL_CSRF" --data-urlencode blind_spot=9
body_has "the error in Dutch" 'Geef een getal van 0,1 tot en met 4.'
page admin1 "/admin/settings?lang=en"

# the decimal comma, and the whole form sent back unchanged
post_settings admin1 "$ADMIN_CSRF" --data-urlencode "weight.self= 0,5 "
expect_location "a decimal comma is a decimal point" "/admin/settings?saved=1"
check "weight.self is 0.5" [ "$(setting weight.self)" = "0.5 set" ]
field_args
before=$(audit_count "action = 'setting.set'")
# shellcheck disable=SC2046
post_settings admin1 "$ADMIN_CSRF" $(cat "$WORK/fields")
expect_location "the form sent back as it was: nothing changed" "/admin/settings?saved=0"
check "and nothing in the audit log" [ "$(audit_count "action = 'setting.set'")" = "$before" ]
check "a default stays a default" [ "$(setting blind_spot)" = "1 default" ]
page admin1 "/admin/settings?saved=0"
body_has "which the page says" 'Nothing was changed'
post_settings admin1 "$ADMIN_CSRF" --data-urlencode weight.peer=0.7 --data-urlencode gap_threshold=0.6
expect_location "two good values: saved" "/admin/settings?saved=1"
check "both stored" [ "$(setting weight.peer) $(setting gap_threshold)" = "0.7 set 0.6 set" ]
check "one audit entry each" \
	[ "$(audit_count "action = 'setting.set' AND outcome = 'ok' AND object_key IN ('weight.peer', 'gap_threshold')")" = 2 ]

# ----------------------------------------------------------- the audit page
page admin1 /admin/audit
expect_code "admin opens the audit log" 200
clean_page "the audit page"
body_has "a GET form of filters" '<form method="get" action="/admin/audit"'
check "its read is logged as the API's" \
	[ "$(audit_count "actor = 'admin1' AND action = 'read' AND object_kind = 'audit' AND outcome = 'ok'")" -ge 1 ]
page admin1 "/admin/audit?action=setting.set"
body_has "the change just made is there" '<span class="key">setting</span> gap_threshold</td><td><span class="outcome outcome-ok">Done</span></td><td>0.5 -&gt; 0.6</td>'
body_has "and the refused one" 'refused 9: blind_spot must be a number from 0.1 to 4'
check "only setting.set rows" [ "$(grep -c '<td><code>setting.set</code></td>' "$WORK/b")" = "$(rows)" ]
first=$(grep -o '<tr><td class="at">.*</tr>' "$WORK/b" | head -n 1)
case $first in *gap_threshold*|*weight.peer*) ok "newest first" ;; *) not_ok "newest first" "$first" ;; esac
as_api "/api/v1/audit?action=setting.set&limit=1000"
api_n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["audit"]))' "$WORK/b")
page admin1 "/admin/audit?action=setting.set"
check "the same entries as GET /api/v1/audit?action=setting.set ($api_n)" [ "$(rows)" = "$api_n" ]
page admin1 "/admin/audit?action=setting"
check "an action's family: setting takes setting.set" [ "$(rows)" = "$api_n" ]
page admin1 "/admin/audit?kind=settings"
check "kind=settings: the refused reads of the settings page" \
	[ "$(rows)" = "$(audit_count "object_kind = 'settings'")" ]
page admin1 "/admin/audit?user=hr1"
check "user=hr1: what hr1 did and what was done to them" \
	[ "$(rows)" = "$(audit_count "actor = 'hr1' OR (object_kind = 'user' AND object_key = 'hr1')")" ]
body_has "a user links to their entries" '<a href="/admin/audit?user=hr1">hr1</a>'
today=$(date -u +%Y-%m-%d)
tomorrow=$(python3 -c 'import datetime; print(datetime.date.today() + datetime.timedelta(days=1))')
yesterday=$(python3 -c 'import datetime; print(datetime.date.today() - datetime.timedelta(days=1))')
page admin1 "/admin/audit?user=hr1&from=$today&to=$today"
check "from and to today: the same entries" \
	[ "$(rows)" = "$(audit_count "actor = 'hr1' OR (object_kind = 'user' AND object_key = 'hr1')")" ]
page admin1 "/admin/audit?user=hr1&from=$tomorrow"
body_has "from tomorrow: none" 'No entries match these filters.'
page admin1 "/admin/audit?to=$yesterday"
body_has "to yesterday: none" 'No entries match these filters.'
body_has "the filters are kept in the form" "name=\"to\" type=\"date\" value=\"$yesterday\""
page admin1 "/admin/audit?from=2026-13-01"
expect_code "a date that does not exist: 400" 400
body_has "named beside its field" '<p class="error" id="from-error">Give a date as YYYY-MM-DD'
page admin1 "/admin/audit?before=x1"
expect_code "a cursor that is not an id: 400" 400

# a read of a person's page: the target links to the person
page admin1 /people/KCC-1011
page admin1 "/admin/audit?kind=person&action=read"
body_has "a person links to their page" '<span class="key">person</span> <a href="/people/KCC-1011">KCC-1011</a>'
page admin1 "/admin/audit?kind=person&action=read&lang=sv"
body_has "in Swedish, the time in Swedish" '<time datetime="'"$today"'T'
check "with a Swedish month" grep -qE '<time datetime="[^"]*">[0-9]+ (jan|feb|mars|apr|maj|juni|juli|aug|sep|okt|nov|dec)\.? 20' "$WORK/b"

# paging: 55 refused reads by emp1, 50 a page
i=0
while [ $i -lt 55 ]; do
	curl -s -o /dev/null -b "$WORK/emp1.jar" "http://127.0.0.1:$PORT/admin/settings"
	i=$((i + 1))
done
total=$(audit_count "actor = 'emp1' OR (object_kind = 'user' AND object_key = 'emp1')")
page admin1 "/admin/audit?user=emp1&lang=en"
check "the first page holds 50" [ "$(rows)" = 50 ]
grep -o '<tr><td class="at">.*</tr>' "$WORK/b" > "$WORK/page1"
body_lacks "no newer page from the first" 'rel="prev"'
older=$(sed -n 's/.*<a href="\([^"]*\)" rel="next">Older entries<\/a>.*/\1/p' "$WORK/b" | sed 's/&amp;/\&/g')
case $older in "/admin/audit?user=emp1&before="*) ok "an Older link keeping the filter" ;;
	*) not_ok "an Older link keeping the filter" "$older" ;; esac
page admin1 "$older"
check "the older page holds the rest ($((total - 50)))" [ "$(rows)" = $((total - 50)) ]
body_lacks "no older page after the last" 'rel="next"'
newer=$(sed -n 's/.*<a href="\([^"]*\)" rel="prev">Newer entries<\/a>.*/\1/p' "$WORK/b" | sed 's/&amp;/\&/g')
page admin1 "$newer"
grep -o '<tr><td class="at">.*</tr>' "$WORK/b" > "$WORK/page1again"
check "Newer leads back to the first page's entries" cmp -s "$WORK/page1" "$WORK/page1again"
check "times never increase down the page" python3 -c '
import re, sys
t = re.findall(r"<time datetime=\"([^\"]+)\"", open(sys.argv[1]).read())
assert t == sorted(t, reverse=True), t' "$WORK/b"

# the API's new filters
as_api "/api/v1/audit?user=emp1&action=read&kind=settings&before=$tomorrow&limit=1000"
check "GET /api/v1/audit takes action, kind and before" python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))["audit"]
assert len(a) == int(sys.argv[2]) and len(a) >= 55, len(a)
assert all(e["action"] == "read" and e["object_kind"] == "settings" for e in a), a' "$WORK/b" \
	"$(audit_count "actor = 'emp1' AND action = 'read' AND object_kind = 'settings'")"
as_api "/api/v1/audit?before=$yesterday"
check "before yesterday: nothing" python3 -c '
import json, sys
assert json.load(open(sys.argv[1]))["audit"] == []' "$WORK/b"
as_api "/api/v1/audit?before=tomorrow"
expect_code "a bad before: 400" 400
expect_error "naming before" bad_parameter before

stop
done_testing
