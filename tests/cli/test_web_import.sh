#!/bin/sh
# The import and export pages (src/web/import_page.c, docs/web.md) over
# loopback with curl: the roles (admin and hr only), a bad CSV's every
# problem with its line and column and nothing stored, a good one checked
# then stored (only the file that was checked), the multipart edge cases
# (the boundary's text in the content, no file, a wrong kind, too large a
# body, not multipart), CSRF, escaping, no inline code.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null
make_role_users
start_or_finish import --csv-body-max 65536

hidden_of() {
	sed -n "s/.*name=\"$1\" value=\"\\([^\"]*\\)\".*/\\1/p" "$WORK/b" | head -n 1
}
evidence_rows() {
	"$COMPGAP" export evidence --db "$DB" | wc -l
}
team_rows() {
	"$COMPGAP" export teams --db "$DB" | wc -l
}

for u in admin1 hr1 mgr1 coach1 emp1; do page_login $u; done

# ------------------------------------------------------------------ roles
get anon /import
expect_code "without a session: 303 to the sign-in" 303
for u in mgr1 coach1 emp1; do
	page $u /import
	expect_code "$u may not use the import page (403)" 403
	page $u /export
	expect_code "$u may not use the export page (403)" 403
done
page admin1 /import
expect_code "admin opens the import page" 200
clean_page "the import page"
body_has "the form is multipart" 'enctype="multipart/form-data"'
body_has "the form has a file input with a label" '<label for="file">'
for k in teams people competencies indicators roles evidence library-texts; do
	grep -qF "<option value=\"$k\"" "$WORK/b" || not_ok "kind $k is offered"
done
ok "every kind of the API is offered"
body_has "the navigation marks the page" '<a href="/import" aria-current="page">'
CSRF_A=$(csrf_of)
page hr1 /import
expect_code "hr opens the import page" 200
CSRF_H=$(csrf_of)
page hr1 /export
expect_code "hr opens the export page" 200
clean_page "the export page"
body_has "the export page links the API's export" 'href="/api/v1/exports/evidence"'
page hr1 /api/v1/exports/teams
expect_code "the link downloads the CSV" 200
expect_header "as an attachment" 'Content-Disposition: attachment; filename="teams.csv"'

# --------------------------------------------------------------- a bad CSV
printf 'person,competency,level,source,date,assessor,note\nKCC-1011,customer-focus,9,self,2026-01-05,,\nKCC-1011,nope<b>x</b>,3,self,2026-01-05,,\nKCC-1011,customer-focus,3,self,2026-13-05,,\n' > "$WORK/bad.csv"
before=$(evidence_rows)
page admin1 /import -F "csrf_token=$CSRF_A" -F step=check -F kind=evidence \
	-F "file=@$WORK/bad.csv;type=text/csv;filename=bad<i>.csv"
expect_code "a bad file: 422" 422
clean_page "the problems page"
body_has "it says how many problems and that nothing was stored" "3 problems found. Nothing was stored."
body_has "line 2, column 3 (level)" '<tr><td class="num">2</td><td class="num">3</td><td>level</td><td>level 9 is out of range; it must be from 1 to 5</td></tr>'
body_has "line 3, column 2 (competency), escaped" '<tr><td class="num">3</td><td class="num">2</td><td>competency</td><td>unknown competency &#39;nope&lt;b&gt;x&lt;/b&gt;&#39;'
body_has "line 4, column 5 (date)" '<tr><td class="num">4</td><td class="num">5</td><td>date</td><td>date 2026-13-05 does not exist</td></tr>'
body_lacks "no unescaped markup from the file" '<b>x</b>'
body_has "the file's name, escaped" 'bad&lt;i&gt;.csv'
body_lacks "no Store button" 'name="step" value="store"'
body_has "the kind stays chosen" '<option value="evidence" selected>'
if [ "$(evidence_rows)" = "$before" ]; then ok "nothing was stored"; else not_ok "nothing was stored"; fi

# ------------------------------------------------------- a good CSV, stored
printf 'person,competency,level,source,date,assessor,note\nKCC-1011,customer-focus,4,self,2026-01-05,,first\nKCC-1012,customer-focus,3,manager,2026-01-06,KCC-1010,second\n' > "$WORK/good.csv"
page admin1 /import -F "csrf_token=$CSRF_A" -F step=check -F kind=evidence -F "file=@$WORK/good.csv"
expect_code "a good file: 200" 200
body_has "it says the file is good and nothing is stored yet" "The file is good: 2 rows, no problems. Nothing is stored yet."
body_has "a Store it button" '>Store it</button>'
if [ "$(evidence_rows)" = "$before" ]; then ok "the check stored nothing"; else not_ok "the check stored nothing"; fi
DIGEST=$(hidden_of checked)
CONTENT=$(hidden_of content)
if [ "$(printf '%s' "$CONTENT" | base64 -d)" = "$(cat "$WORK/good.csv")" ]; then
	ok "the checked file travels in the page, byte for byte"
else
	not_ok "the checked file travels in the page"
fi

# A different file with the checked one's digest is refused.
OTHER=$(printf 'person,competency,level,source,date,assessor,note\nKCC-1011,customer-focus,1,self,2026-01-05,,x\n' | base64 -w0)
page admin1 /import -F "csrf_token=$CSRF_A" -F step=store -F kind=evidence -F "checked=$DIGEST" \
	-F "content=$OTHER"
expect_code "another file than the checked one: 422" 422
body_has "it says so" "This is not the file that was checked"
page admin1 /import -F "csrf_token=$CSRF_A" -F step=store -F kind=people -F "checked=$DIGEST" \
	-F "content=$CONTENT"
expect_code "the checked file as another kind: 422" 422
page hr1 /import -F "csrf_token=$CSRF_H" -F step=store -F kind=evidence -F "checked=$DIGEST" \
	-F "content=$CONTENT"
expect_code "the digest is the session's: another user's check is refused" 422
if [ "$(evidence_rows)" = "$before" ]; then ok "nothing stored by the refused ones"; else not_ok "nothing stored by the refused ones"; fi
page admin1 /import -F "csrf_token=$CSRF_A" -F step=store -F kind=evidence -F "checked=$DIGEST" \
	-F "content=$CONTENT" -F filename=good.csv
expect_code "Store it: 303" 303
if [ "$(location)" = "/import?stored=2&kind=evidence" ]; then ok "to the page saying what was stored"; else
	not_ok "to the page saying what was stored" "$(location)"
fi
if [ "$(evidence_rows)" = "$((before + 2))" ]; then ok "the two rows are stored"; else
	not_ok "the two rows are stored" "$(evidence_rows) rows, were $before"
fi
page admin1 "/import?stored=2&kind=evidence"
body_has "the page says it" "Stored: 2 rows of evidence."
page admin1 "/api/v1/audit?user=admin1&limit=500"
if python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
items = d["audit"]
assert any(e.get("action") == "import" and e.get("outcome") == "ok" and "2 evidence rows stored" in (e.get("detail") or "") for e in items), items
' "$WORK/b" 2> "$WORK/pyerr"; then ok "the import is in the audit log, as the API's"; else
	not_ok "the import is in the audit log" "$(tail -n 3 "$WORK/pyerr")"
fi

# ------------------------------------------------------------- edge cases
page admin1 /import -F "csrf_token=$CSRF_A" -F step=check -F kind=evidence
expect_code "no file: 422" 422
body_has "the error is beside the file input" '<p class="error" id="file-error">Choose a CSV file to check.</p>'
body_has "the input points at it" 'aria-describedby="file-error file-hint"'
page admin1 /import -F "csrf_token=$CSRF_A" -F step=check -F kind=evidence -F "file=@/dev/null;filename="
expect_code "no file chosen (an empty part): 422" 422
page admin1 /import -F "csrf_token=$CSRF_A" -F step=check -F kind=secrets -F "file=@$WORK/good.csv"
expect_code "a wrong kind: 422" 422
body_has "the error is beside the kind" '<p class="error" id="kind-error">'
page admin1 /import -F step=check -F kind=evidence -F "file=@$WORK/good.csv"
expect_code "without the CSRF token: 403" 403
page admin1 /import -F "csrf_token=wrong" -F step=check -F kind=evidence -F "file=@$WORK/good.csv"
expect_code "with a wrong CSRF token: 403" 403
page admin1 /import --data-urlencode "csrf_token=$CSRF_A" --data-urlencode kind=evidence
expect_code "not multipart: 400 page" 400
head -c 70000 /dev/zero | tr '\0' 'a' > "$WORK/big.csv"
page admin1 /import -F "csrf_token=$CSRF_A" -F step=check -F kind=teams -F "file=@$WORK/big.csv"
expect_code "larger than --csv-body-max: 413" 413
body_has "a page saying so in plain words" "The file is larger than the 64 kB this server accepts."
page emp1 /import -F "csrf_token=x" -F kind=teams -F "file=@$WORK/good.csv"
expect_code "an employee's upload: 403" 403
get token /import -H "Authorization: Bearer $TOKEN" -F kind=evidence -F "file=@$WORK/good.csv"
expect_code "a coach's token: 403" 403

# The boundary's text inside the file (not after a line break) is content.
B=XyZboundary
printf -- '--%s\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n%s\r\n--%s\r\nContent-Disposition: form-data; name="step"\r\n\r\ncheck\r\n--%s\r\nContent-Disposition: form-data; name="kind"\r\n\r\nteams\r\n--%s\r\nContent-Disposition: form-data; name="file"; filename="t.csv"\r\nContent-Type: text/csv\r\n\r\nkey,name,parent\r\nt-9,Team --%s here,\r\n\r\n--%s--\r\n' \
	"$B" "$CSRF_A" "$B" "$B" "$B" "$B" "$B" > "$WORK/raw"
tb=$(team_rows)
page admin1 /import -H "Content-Type: multipart/form-data; boundary=$B" --data-binary "@$WORK/raw"
expect_code "the boundary's text inside the file: checked" 200
body_has "as one good row" "The file is good: 1 row, no problems."
page admin1 /import -F "csrf_token=$CSRF_A" -F step=store -F kind=teams -F "checked=$(hidden_of checked)" \
	-F "content=$(hidden_of content)"
expect_code "and stored" 303
if "$COMPGAP" export teams --db "$DB" | grep -qF "t-9,Team --$B here,"; then ok "with its name whole"; else
	not_ok "with its name whole" "$("$COMPGAP" export teams --db "$DB" | tail -2)"
fi
if [ "$(team_rows)" = "$((tb + 1))" ]; then ok "one team more"; else not_ok "one team more"; fi

# A cut-short body.
printf -- '--%s\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n%s\r\n--%s\r\nContent-Disposition: form-data; name="file"; filename="t.csv"\r\n\r\nkey,name\r\n' \
	"$B" "$CSRF_A" "$B" > "$WORK/raw"
page admin1 /import -H "Content-Type: multipart/form-data; boundary=$B" --data-binary "@$WORK/raw"
expect_code "a cut-short body: 400" 400

stop

# ------------------------------------------- a file too large to carry in the page
# Over 256 kB the "Store it" form asks for the same file again, and only
# the checked one is stored.
start_or_finish import-large
for u in admin1; do page_login $u; done
page admin1 /import
CSRF_A=$(csrf_of)
{ echo "key,name,parent"; i=0; while [ $i -lt 7000 ]; do echo "big-$i,A large team number $i with a long name,"; i=$((i + 1)); done; } > "$WORK/large.csv"
sed 's/^big-6999,.*/big-6999,Changed,/' "$WORK/large.csv" > "$WORK/large2.csv"
tb=$(team_rows)
page admin1 /import -F "csrf_token=$CSRF_A" -F step=check -F kind=teams -F "file=@$WORK/large.csv"
expect_code "a large good file: 200" 200
body_has "7000 rows" "The file is good: 7,000 rows"
body_lacks "the file is not carried in the page" 'name="content"'
body_has "the same file is asked for again" "Choose the same file again to store it"
DIGEST=$(hidden_of checked)
page admin1 /import -F "csrf_token=$CSRF_A" -F step=store -F kind=teams -F "checked=$DIGEST" -F "file=@$WORK/large2.csv"
expect_code "another large file than the checked one: 422" 422
body_has "it says so" "This is not the file that was checked"
page admin1 /import -F "csrf_token=$CSRF_A" -F step=store -F kind=teams -F "checked=$DIGEST"
expect_code "no file chosen again: 422" 422
body_has "the error beside the file input" '<p class="error" id="file-error">Choose the file you checked.</p>'
if [ "$(team_rows)" = "$tb" ]; then ok "nothing stored"; else not_ok "nothing stored"; fi
page admin1 /import -F "csrf_token=$CSRF_A" -F step=store -F kind=teams -F "checked=$DIGEST" -F "file=@$WORK/large.csv"
expect_code "the checked file chosen again: 303" 303
if [ "$(team_rows)" = "$((tb + 7000))" ]; then ok "its 7000 teams are stored"; else not_ok "its 7000 teams are stored" "$(team_rows)"; fi
stop
done_testing
