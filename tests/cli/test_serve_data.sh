#!/bin/sh
# Imports, exports, settings and the audit log over HTTP, on the engine
# under test, with every role: POST /api/v1/imports/{kind} (dry runs,
# refused files with each problem's line, column and message, nothing
# half-stored, a coach's qa evidence, 413 and 415), GET
# /api/v1/exports/{kind} (the command line's bytes for admin and hr, and
# exactly the rows each other role may see, with no key of a person out
# of reach anywhere), GET and PUT /api/v1/settings (admins only, the
# command line's checks, a change seen in the views), GET /api/v1/audit
# (admins only, paged by id), and the CSRF token on every write.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null
make_role_users
check "a token was created" [ -n "$TOKEN" ]

start_or_finish data
for u in admin1 hr1 mgr1 coach1 emp1; do login $u; done
check "every role has signed in" [ -n "$CSRF_admin1" -a -n "$CSRF_hr1" -a -n "$CSRF_mgr1" -a \
	-n "$CSRF_coach1" -a -n "$CSRF_emp1" ]

# bearer PATH [CURL ARGS...]: a request with the API token (a coach of
# kcc-online).
bearer() {
	path=$1
	shift
	CODE=$(curl -s -o "$WORK/b" -D "$WORK/h" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
		"$@" "http://127.0.0.1:$PORT$path")
}

# upload USER KIND FILE [QUERY]: USER posts FILE as text/csv to the import
# of KIND, with their CSRF token.
upload() {
	eval "csrf=\$CSRF_$1"
	as "$1" "/api/v1/imports/$2${4:-}" -H "X-CSRF-Token: $csrf" -H 'Content-Type: text/csv' \
		--data-binary "@$3"
}

# put_setting USER KEY BODY: USER sets KEY with the JSON BODY.
put_setting() {
	eval "csrf=\$CSRF_$1"
	as "$1" "/api/v1/settings/$2" -X PUT -H "X-CSRF-Token: $csrf" \
		-H 'Content-Type: application/json' -d "$3"
}

# py NAME SCRIPT ARGS...: ok when the python SCRIPT (its assertions) passes.
py() {
	name=$1
	script=$2
	shift 2
	if python3 -c "$script" "$@" 2> "$WORK/pyerr"; then ok "$name"; else
		not_ok "$name" "$(tail -n 3 "$WORK/pyerr")"
	fi
}

count_evidence() {
	"$COMPGAP" export evidence --db "$DB" | wc -l | tr -d ' '
}

# ------------------------------------------------------------------ exports
KINDS="teams people competencies indicators roles evidence"
mkdir -p "$WORK/cli"
for kind in $KINDS; do
	"$COMPGAP" export "$kind" --db "$DB" > "$WORK/cli/$kind.csv"
done
for u in admin1 hr1; do
	for kind in $KINDS; do
		as $u "/api/v1/exports/$kind"
		expect_code "$u exports $kind" 200
		same_files "$u's $kind export is the command line's bytes" "$WORK/cli/$kind.csv" "$WORK/b"
	done
done
as admin1 /api/v1/exports/people
expect_header "an export is text/csv" "Content-Type: text/csv; charset=utf-8"
expect_header "an export is an attachment named for its kind" \
	'Content-Disposition: attachment; filename="people.csv"'
expect_header "an export is not cached" "Cache-Control: no-store"

# export_all WHO: every kind as WHO (a user, or "token") into $WORK/WHO/.
export_all() {
	mkdir -p "$WORK/$1"
	for kind in $KINDS; do
		if [ "$1" = token ]; then bearer "/api/v1/exports/$kind"; else as "$1" "/api/v1/exports/$kind"; fi
		expect_code "$1 exports $kind" 200
		cp "$WORK/b" "$WORK/$1/$kind.csv"
	done
}
for who in mgr1 coach1 emp1 token; do
	export_all $who
	for kind in competencies indicators roles; do
		same_files "$who gets the whole library: $kind" "$WORK/cli/$kind.csv" "$WORK/$who/$kind.csv"
	done
done

# What each may see, worked out here from the whole organisation: the
# manager KCC-1010's reporting line, the people of kcc-desk (coach1) and
# of kcc-online (the token), and the employee KCC-1011.
# shellcheck disable=SC2016
REACH='
import csv, re, sys
people = list(csv.DictReader(open(sys.argv[1] + "/people.csv", newline="")))
teams = {t["key"]: t["parent"] for t in csv.DictReader(open(sys.argv[1] + "/teams.csv", newline=""))}
ids = {p["id"] for p in people}
by_id = {p["id"]: p for p in people}
def line(boss):
    out = set()
    for p in people:
        k, n = p["id"], 0
        while k and n < 100:
            if k == boss:
                out.add(p["id"]); break
            k, n = by_id[k]["manager"], n + 1
    return out
def below(team):
    def inside(t):
        while t:
            if t == team: return True
            t = teams.get(t)
        return False
    return {k for k in teams if inside(k)}
def team_people(team):
    ts = below(team)
    return {p["id"] for p in people if p["team"] in ts}
reach = {"mgr1": line("KCC-1010"), "coach1": team_people("kcc-desk"),
         "token": team_people("kcc-online"), "emp1": {"KCC-1011"}}
reach_teams = {"mgr1": {by_id[k]["team"] for k in line("KCC-1010")}, "coach1": below("kcc-desk"),
               "token": below("kcc-online"), "emp1": set()}
'
# shellcheck disable=SC2016
CUT='
who, d = sys.argv[2], sys.argv[3]
mine, my_teams = reach[who], reach_teams[who]
assert mine and len(mine) < len(ids), (who, mine)
got = list(csv.DictReader(open(d + "/people.csv", newline="")))
assert {p["id"] for p in got} == mine, (who, sorted(p["id"] for p in got), sorted(mine))
for p in got:
    want = dict(by_id[p["id"]])
    if want["manager"] not in mine: want["manager"] = ""
    if who in ("coach1", "token"): want["email"] = ""
    assert p == want, (p, want)
got = list(csv.DictReader(open(d + "/teams.csv", newline="")))
assert {t["key"] for t in got} == my_teams, (who, got)
assert all(t["parent"] in my_teams or t["parent"] == "" for t in got), got
ev = list(csv.DictReader(open(d + "/evidence.csv", newline="")))
all_ev = list(csv.DictReader(open(sys.argv[1] + "/evidence.csv", newline="")))
assert len(ev) == sum(1 for e in all_ev if e["person"] in mine), (len(ev), who)
assert {e["person"] for e in ev} <= mine
assert all(e["assessor"] in mine or e["assessor"] == "" for e in ev)
if who == "emp1":
    assert all(e["assessor"] == "" for e in ev if e["source"] == "peer")
# No key of a person out of reach anywhere in any export.
others = ids - mine
for kind in ("teams", "people", "competencies", "indicators", "roles", "evidence"):
    text = open(d + "/" + kind + ".csv", encoding="utf-8").read()
    found = set(re.findall(r"[A-Z]+-[0-9]+", text)) & others
    assert not found, (who, kind, sorted(found)[:5])
'
for who in mgr1 coach1 emp1 token; do
	py "$who's exports hold exactly the rows within reach, no other person's key" \
		"$REACH$CUT" "$WORK/cli" "$who" "$WORK/$who"
done
py "the employee's people export is exactly their own row, its manager left out" '
import sys
rows = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert rows[0] == "id,name,email,team,role,manager", rows
assert len(rows) == 2 and rows[1].startswith("KCC-1011,") and rows[1].endswith(","), rows
' "$WORK/emp1/people.csv"
py "the employee's evidence keeps their self-assessments and hides every peer assessor" '
import csv, sys
ev = list(csv.DictReader(open(sys.argv[1], newline="")))
assert {e["person"] for e in ev} == {"KCC-1011"}
peer = [e for e in ev if e["source"] == "peer"]
assert peer and all(e["assessor"] == "" for e in peer), peer[:2]
' "$WORK/emp1/evidence.csv"
py "the manager's evidence keeps the assessors within the reporting line" '
import csv, sys
ev = list(csv.DictReader(open(sys.argv[1], newline="")))
assert any(e["source"] == "manager" and e["assessor"] == "KCC-1010" for e in ev)
' "$WORK/mgr1/evidence.csv"

as emp1 /api/v1/exports/matrix
expect_code "an unknown kind of export is 404" 404
expect_error "the unknown kind is named" not_found kind
as emp1 "/api/v1/exports/people?team=kcc"
expect_code "an export takes no parameters" 400
as emp1 /api/v1/exports/people -X POST -H "X-CSRF-Token: $CSRF_emp1"
expect_code "an export is read with GET only" 405
CODE=$(curl -s -o "$WORK/b" -w '%{http_code}' "http://127.0.0.1:$PORT/api/v1/exports/people")
expect_code "an export without credentials is 401" 401

# Exports of other people's data are logged as reads; one's own are not.
"$COMPGAP" audit --json --db "$DB" > "$WORK/audit.json"
py "exports of other people's data are logged as reads, one's own and the library's not" '
import json, sys
log = json.load(open(sys.argv[1]))["audit"]
ex = [(e["actor"], e["object_key"]) for e in log if e["action"] == "read" and e["object_kind"] == "export"]
for who in ("admin1", "hr1", "mgr1", "coach1", "token:online-coach"):
    assert (who, "people") in ex and (who, "evidence") in ex, (who, ex)
assert not any(k in ("competencies", "indicators", "roles", "teams") for _, k in ex), ex
assert not any(a == "emp1" for a, _ in ex), ex
' "$WORK/audit.json"

# ------------------------------------------------------------------ imports
before=$(count_evidence)
printf 'person,competency,level,source,date,assessor,note\r\nKCC-1011,customer-focus,4,manager,2026-01-05,KCC-1010,ok\r\nKCC-1031,communication,3.5,qa,2026-01-06,,call 1\r\n' \
	> "$WORK/good.csv"
printf 'person,competency,level,source,date\nKCC-1011,customer-focus,9,qa,2026-01-05\nKCC-1011,communication,3,qa,2026-01-06\nKCC-1012,customr-focus,3,qa,2026-13-01\nNOBODY-1,communication,3,self,2026-01-07\nKCC-1012,communication,3\n' \
	> "$WORK/bad.csv"

upload hr1 evidence "$WORK/good.csv" "?dry_run=1"
expect_code "a dry run of a good file answers 200" 200
py "a dry run says what would be stored and that nothing was" '
import json, sys
d = json.load(open(sys.argv[1]))
assert d == {"kind": "evidence", "dry_run": True, "stored": False, "rows": 2, "problem_count": 0,
             "problems": []}, d
' "$WORK/b"
check "a dry run stores nothing" [ "$(count_evidence)" = "$before" ]

for q in "" "?dry_run=1"; do
	upload hr1 evidence "$WORK/bad.csv" "$q"
	expect_code "a file with bad lines is refused whole (422) $q" 422
	py "every bad line is listed with its line, column and message $q" '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["error"]["code"] == "invalid_rows" and d["error"]["field"] is None, d["error"]
assert "nothing was imported" in d["error"]["message"], d["error"]
assert d["stored"] is False and d["rows"] == 0 and d["problem_count"] == 4, d
got = [(p["line"], p["column"], p["field"], p["message"]) for p in d["problems"]]
want = [(2, 3, "level", "level 9 is out of range; it must be from 1 to 5"),
        (4, 5, "date", "date 2026-13-01 does not exist"),
        (5, 1, "person", "unknown person \x27NOBODY-1\x27; import them with people.csv first"),
        (6, None, None, "too few fields: the row has 3 fields but the header has 5")]
assert got == want, got
' "$WORK/b"
	check "a refused file stores nothing, not even its good line $q" [ "$(count_evidence)" = "$before" ]
done

upload hr1 evidence "$WORK/good.csv"
expect_code "a good file is stored (200)" 200
py "the answer counts the rows stored" '
import json, sys
d = json.load(open(sys.argv[1]))
assert d == {"kind": "evidence", "dry_run": False, "stored": True, "rows": 2, "problem_count": 0,
             "problems": []}, d
' "$WORK/b"
check "both rows are stored" [ "$(count_evidence)" = "$((before + 2))" ]
"$COMPGAP" export evidence --db "$DB" | tail -n 2 > "$WORK/last2"
check "as they were sent" grep -q '^KCC-1031,communication,3.5,qa,2026-01-06,,call 1' "$WORK/last2"

# Teams and people: a sub-team of kcc-desk with someone in it, which the
# coach of kcc-desk then reaches and the others do not.
printf 'key,name,parent\nkcc-desk-night,Nachtbalie,kcc-desk\n' > "$WORK/teams.csv"
printf 'id,name,email,team,role,manager\nKCC-2001,Nina Nacht,nina@lindeborg.example,kcc-desk-night,agent,KCC-1030\n' \
	> "$WORK/people.csv"
upload admin1 teams "$WORK/teams.csv"
expect_code "an admin imports teams" 200
upload hr1 people "$WORK/people.csv"
expect_code "hr imports people" 200
as coach1 /api/v1/exports/people
check "the coach reaches the new sub-team's person, without email" \
	grep -q '^KCC-2001,Nina Nacht,,kcc-desk-night,agent,KCC-1030' "$WORK/b"
as coach1 /api/v1/exports/teams
check "and the sub-team" grep -q '^kcc-desk-night,Nachtbalie,kcc-desk' "$WORK/b"
as mgr1 /api/v1/exports/people
check "the manager of another team does not" sh -c "! grep -q KCC-2001 '$WORK/b'"

# Who may import: admin and hr everything; a coach qa evidence about their
# teams' people; nobody else anything.
before=$(count_evidence)
for u in mgr1 emp1; do
	upload $u evidence "$WORK/good.csv"
	expect_code "$u may not import" 403
	expect_error "$u is refused as forbidden" forbidden null
done
upload coach1 people "$WORK/people.csv"
expect_code "a coach may not import people" 403
printf 'person,competency,level,source,date,assessor\nKCC-1031,communication,3,qa,2026-02-01,\nKCC-2001,customer-focus,2.5,qa,2026-02-02,KCC-1030\n' \
	> "$WORK/qa.csv"
printf 'person,competency,level,source,date\nKCC-1031,communication,3,qa,2026-02-01\nKCC-1032,communication,3,manager,2026-02-01\nKCC-1011,communication,3,qa,2026-02-01\nNOBODY-2,communication,3,qa,2026-02-01\n' \
	> "$WORK/qa-bad.csv"
upload coach1 evidence "$WORK/qa-bad.csv"
expect_code "a coach's file with rows beyond qa about their teams is refused whole" 422
py "each such row is named; a person out of reach as one that does not exist" '
import json, sys
d = json.load(open(sys.argv[1]))
got = [(p["line"], p["field"], p["message"]) for p in d["problems"]]
assert got == [(3, "source", "only a manager gives manager evidence, about their reports"),
               (4, "person", "unknown person \x27KCC-1011\x27; import them with people.csv first"),
               (5, "person", "unknown person \x27NOBODY-2\x27; import them with people.csv first")], got
' "$WORK/b"
check "nothing of it is stored" [ "$(count_evidence)" = "$before" ]
upload coach1 evidence "$WORK/qa.csv"
expect_code "a coach imports qa evidence about their teams' people" 200
check "both rows are stored" [ "$(count_evidence)" = "$((before + 2))" ]
printf 'person,competency,level,source,date\nKCC-1051,communication,4,qa,2026-02-03\n' > "$WORK/online.csv"
bearer /api/v1/imports/evidence -H 'Content-Type: text/csv' --data-binary "@$WORK/online.csv"
expect_code "the coach's API token imports qa evidence (no CSRF token needed)" 200
bearer /api/v1/imports/evidence -H 'Content-Type: text/csv' --data-binary "@$WORK/qa.csv"
expect_code "but not about another team's people" 422
check "the token's rows: one" [ "$(count_evidence)" = "$((before + 3))" ]

before=$(count_evidence)
as admin1 /api/v1/imports/evidence -H 'Content-Type: text/csv' --data-binary "@$WORK/good.csv"
expect_code "a cookie import without the CSRF token is refused" 403
expect_error "naming the header" csrf X-CSRF-Token
as admin1 /api/v1/imports/evidence -H "X-CSRF-Token: $CSRF_admin1" \
	-H 'Content-Type: application/json' --data-binary "@$WORK/good.csv"
expect_code "an import that is not text/csv is 415" 415
expect_error "as unsupported_media_type" unsupported_media_type null
upload admin1 pets "$WORK/good.csv"
expect_code "an unknown kind of import is 404" 404
expect_error "naming the kind" not_found kind
upload admin1 evidence "$WORK/good.csv" "?dry_run=maybe"
expect_code "dry_run takes 1 or 0" 400
expect_error "naming dry_run" bad_parameter dry_run
upload admin1 evidence "$WORK/good.csv" "?force=1"
expect_code "an unknown parameter is refused" 400
: > "$WORK/empty.csv"
upload admin1 evidence "$WORK/empty.csv"
expect_code "an empty file is refused" 422
check "saying so" grep -q 'the file is empty' "$WORK/b"
check "none of these stored anything" [ "$(count_evidence)" = "$before" ]

"$COMPGAP" audit --json --db "$DB" > "$WORK/audit.json"
py "imports are logged: stored, refused and forbidden" '
import json, sys
log = [e for e in json.load(open(sys.argv[1]))["audit"] if e["action"] == "import"]
s = {(e["actor"], e["object_key"], e["outcome"]) for e in log}
assert ("hr1", "evidence", "ok") in s and ("hr1", "evidence", "failed") in s, s
assert ("hr1", "people", "ok") in s and ("admin1", "teams", "ok") in s, s
assert ("mgr1", "evidence", "denied") in s and ("coach1", "people", "denied") in s, s
assert ("token:online-coach", "evidence", "ok") in s, s
ok = [e for e in log if e["actor"] == "hr1" and e["outcome"] == "ok" and e["object_key"] == "evidence"]
assert any(e["detail"] == "2 evidence rows stored" for e in ok), ok
' "$WORK/audit.json"

# ----------------------------------------------------------------- settings
for u in hr1 mgr1 coach1 emp1; do
	as $u /api/v1/settings
	expect_code "$u may not read the settings" 403
	expect_error "$u is refused as forbidden" forbidden null
	put_setting $u half_life '{"value": 90}'
	expect_code "$u may not change a setting" 403
done
bearer /api/v1/settings
expect_code "nor may the coach's token read them" 403
bearer /api/v1/settings/half_life -X PUT -H 'Content-Type: application/json' -d '{"value": 90}'
expect_code "or change one" 403
as admin1 /api/v1/settings
expect_code "an admin reads the settings" 200
"$COMPGAP" config --json --db "$DB" > "$WORK/config.json"
same_files "the settings are the document of config --json" "$WORK/config.json" "$WORK/b"
py "each setting has its value, default, range and meaning" '
import json, sys
d = json.load(open(sys.argv[1]))["settings"]
h = [s for s in d if s["key"] == "half_life"][0]
assert h == {"key": "half_life", "value": 180, "default": 180, "set": False, "min": 60, "max": 3650,
             "whole": False, "rebuilds_sums": True, "meaning": h["meaning"]} and h["meaning"], h
' "$WORK/b"

as emp1 /api/v1/people/KCC-1011
cp "$WORK/b" "$WORK/view-before.json"
put_setting admin1 half_life '{"value": 12}'
expect_code "a value out of range is 422" 422
expect_error "naming the value" invalid_value value
check "with the command line's message" grep -q 'half_life must be a number from 60 to 3650' "$WORK/b"
put_setting admin1 half_life '{"value": "90"}'
expect_code "a value that is no number is 400" 400
expect_error "naming it" wrong_type value
put_setting admin1 half_life '{"value": 90, "why": "x"}'
expect_error "an unknown field is named" unknown_field why
put_setting admin1 half_life '{}'
expect_error "a missing value is named" missing_field value
put_setting admin1 half_life '{"value": 9'
expect_code "malformed JSON is 400" 400
put_setting admin1 half_lfe '{"value": 90}'
expect_code "an unknown setting is 404" 404
expect_error "naming the key" not_found key
check "with the command line's hint" grep -q "did you mean 'half_life'" "$WORK/b"
as admin1 /api/v1/settings/half_life -X PUT -H 'Content-Type: application/json' -d '{"value": 90}'
expect_code "a cookie change without the CSRF token is refused" 403
run config get half_life --db "$DB"
expect_out "no refused change was stored" "180"
as emp1 /api/v1/people/KCC-1011
same_files "and the views are as they were" "$WORK/view-before.json" "$WORK/b"

put_setting admin1 half_life '{"value": 90}'
expect_code "an admin changes the half-life" 200
py "the answer says what config set says" '
import json, sys
d = json.load(open(sys.argv[1]))
assert d == {"key": "half_life", "value": 90, "rebuilt_sums": True,
             "message": "half_life = 90 (running sums rebuilt)"}, d
' "$WORK/b"
run config get half_life --db "$DB"
expect_out "the change is stored" "90"
as emp1 /api/v1/people/KCC-1011
check "the person view has changed with it" sh -c "! cmp -s '$WORK/view-before.json' '$WORK/b'"
"$COMPGAP" person KCC-1011 --json --db "$DB" > "$WORK/view-cli.json"
same_files "and is the command line's after the change" "$WORK/view-cli.json" "$WORK/b"
as admin1 /api/v1/settings
check "the settings list it as set" python3 -c '
import json, sys
h = [s for s in json.load(open(sys.argv[1]))["settings"] if s["key"] == "half_life"][0]
assert h["value"] == 90 and h["set"] is True, h
' "$WORK/b"
run check --db "$DB"
expect_status "check passes after the rebuild" 0

"$COMPGAP" audit --json --db "$DB" > "$WORK/audit.json"
py "setting changes are logged, refused ones too" '
import json, sys
log = [e for e in json.load(open(sys.argv[1]))["audit"] if e["object_kind"] == "setting"]
s = [(e["actor"], e["action"], e["object_key"], e["outcome"], e["detail"]) for e in log]
assert ("admin1", "setting.set", "half_life", "ok", "180 -> 90") in s, s
assert any(x[:4] == ("admin1", "setting.set", "half_life", "failed") for x in s), s
assert ("hr1", "setting.set", "half_life", "denied", "/api/v1/settings/half_life") in s, s
assert ("token:online-coach", "setting.set", "half_life", "denied", "/api/v1/settings/half_life") in s, s
' "$WORK/audit.json"

# ------------------------------------------------------------- audit log
for u in hr1 mgr1 coach1 emp1; do
	as $u /api/v1/audit
	expect_code "$u may not read the audit log" 403
	expect_error "$u is refused as forbidden" forbidden null
done
bearer /api/v1/audit
expect_code "nor may the coach's token" 403
"$COMPGAP" audit --user emp1 --json --db "$DB" > "$WORK/emp1-audit.json"
: > "$WORK/pages"
cursor=""
pages=0
while [ $pages -lt 100 ]; do
	as admin1 "/api/v1/audit?user=emp1&limit=2$cursor"
	[ "$CODE" = 200 ] || break
	cat "$WORK/b" >> "$WORK/pages"
	printf '\n' >> "$WORK/pages"
	pages=$((pages + 1))
	next=$(python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["next_cursor"]; print(c or "")' "$WORK/b")
	[ -n "$next" ] || break
	cursor="&cursor=$next"
done
expect_code "the audit log pages answer 200" 200
py "its pages of 2 hold the entries of audit --json, in order, none twice" '
import json, sys
want = json.load(open(sys.argv[1]))["audit"]
text = open(sys.argv[2]).read()
dec = json.JSONDecoder(); i = 0; pages = []
while i < len(text):
    while i < len(text) and text[i].isspace(): i += 1
    if i >= len(text): break
    d, i = dec.raw_decode(text, i); pages.append(d)
assert all(len(p["audit"]) <= 2 for p in pages) and len(pages) >= 3, len(pages)
assert all(p["next_cursor"] is not None for p in pages[:-1]) and pages[-1]["next_cursor"] is None
got = [e for p in pages for e in p["audit"]]
assert got == want, (len(got), len(want))
' "$WORK/emp1-audit.json" "$WORK/pages"
as admin1 "/api/v1/audit?person=KCC-1011&since=2020-01-01&limit=1000"
expect_code "the audit log filters by person and since" 200
check "only entries about that person" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["audit"]
assert d and all(e["person"] == "KCC-1011" for e in d), d[:2]
' "$WORK/b"
as admin1 "/api/v1/audit?cursor=abc"
expect_error "a bad cursor is named" bad_parameter cursor
as admin1 "/api/v1/audit?since=yesterday"
expect_error "a bad since is named" bad_parameter since
as admin1 "/api/v1/audit?limit=0"
expect_error "a bad limit is named" bad_parameter limit
as admin1 "/api/v1/audit?actor=x"
expect_code "an unknown parameter is refused" 400
"$COMPGAP" audit --json --db "$DB" > "$WORK/audit.json"
py "reads of the audit log are logged, and refusals" '
import json, sys
log = [e for e in json.load(open(sys.argv[1]))["audit"] if e["object_kind"] == "audit"]
s = {(e["actor"], e["action"], e["outcome"]) for e in log}
assert ("admin1", "read", "ok") in s and ("emp1", "read", "denied") in s, s
assert ("token:online-coach", "read", "denied") in s, s
' "$WORK/audit.json"

stop
check "the server stops with status 0" [ "$STOPPED" = 0 ]

# ----------------------------------------------------- a small upload limit
if start small --csv-body-max 1024; then
	login admin1
	awk 'BEGIN { print "person,competency,level,source,date";
		for (i = 0; i < 60; i++) print "KCC-1011,communication,3,qa,2026-01-05" }' > "$WORK/big.csv"
	before=$(count_evidence)
	upload admin1 evidence "$WORK/big.csv"
	expect_code "an upload beyond --csv-body-max is 413" 413
	expect_error "as too_large" too_large null
	check "and stores nothing" [ "$(count_evidence)" = "$before" ]
	upload admin1 evidence "$WORK/good.csv"
	expect_code "one within it is taken" 200
	stop
else
	not_ok "the server with a small upload limit starts" "$(cat "$WORK/small.log")"
fi

run check --db "$DB"
expect_status "compgap check passes at the end" 0
done_testing
