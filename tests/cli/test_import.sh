#!/bin/sh
# Import and export: a small organisation round-trips, and every kind of
# bad row is refused with its line-numbered message, leaving the database
# as it was.
. "$(dirname "$0")/lib.sh"

DB=$WORK/org.db
run init --db "$DB"
expect_status "init creates a database" 0
expect_out "init says it created the database" "created $(db_describe "$DB") (schema version 6)"

for kind in teams competencies indicators roles people evidence; do
	run import "$kind" "$DATA/$kind.csv" --db "$DB"
	expect_status "import $kind" 0
done
expect_out "import says how many rows it stored" "imported 6 evidence rows"

for kind in teams competencies indicators roles people evidence; do
	"$COMPGAP" export "$kind" --lf --db "$DB" > "$WORK/$kind.out"
	same_rows "export $kind gives back the imported rows" "$DATA/$kind.csv" "$WORK/$kind.out"
done

"$COMPGAP" export teams --db "$DB" > "$WORK/crlf.csv"
if [ "$(head -n 1 "$WORK/crlf.csv" | od -c | grep -c '\\r')" -eq 1 ]; then
	ok "export ends lines with CRLF by default"
else
	not_ok "export ends lines with CRLF by default"
fi
if grep -qF "'=not a formula" "$WORK/evidence.out"; then
	ok "a formula-like cell is exported neutralised"
else
	not_ok "a formula-like cell is exported neutralised" "$(cat "$WORK/evidence.out")"
fi

run export people -o "$WORK/people-o.csv" --lf --db "$DB"
same_files "export -o writes the file" "$WORK/people.out" "$WORK/people-o.csv"

# Importing the same teams and people again changes nothing (upsert by key).
snapshot "$DB" "$WORK/before"
run import teams "$DATA/teams.csv" --db "$DB"
run import people "$DATA/people.csv" --db "$DB"
snapshot "$DB" "$WORK/after"
same_snapshot "importing the same keys again changes nothing" "$WORK/before" "$WORK/after"

# Standard input and a BOM.
printf '\357\273\277key,name,parent\r\nextra,Extra team,dept\r\n' | "$COMPGAP" import teams - --db "$DB" > /dev/null 2> "$WORK/err"
STATUS=$?
expect_status "import from standard input with a BOM and CRLF" 0
run export teams --lf --db "$DB"
expect_out "the team from standard input is stored" "extra,Extra team,dept"

# A left-out optional column keeps the stored value.
printf 'id,name\nP2,Åsa Öberg-Lind\n' > "$WORK/rename.csv"
run import people "$WORK/rename.csv" --db "$DB"
run export people --lf --db "$DB"
expect_out "a left-out column keeps the stored value" "P2,Åsa Öberg-Lind,asa@example.org,phone,agent,P3"

# bad NAME KIND EXPECTED: FILE (from stdin) must be refused with status 65
# and EXPECTED on stderr, and the database must stay as it was.
bad() {
	cat > "$WORK/bad.csv"
	snapshot "$DB" "$WORK/before"
	"$COMPGAP" import "$2" "$WORK/bad.csv" --db "$DB" > "$WORK/out" 2> "$WORK/err"
	STATUS=$?
	expect_status "$1: refused with status 65" 65
	expect_err "$1: message" "$3"
	snapshot "$DB" "$WORK/after"
	same_snapshot "$1: database unchanged" "$WORK/before" "$WORK/after"
}

bad "unknown parent team" teams "bad.csv:3: parent: unknown team 'nope'" <<'CSV'
key,name,parent
new,New team,dept
x,X,nope
CSV
bad "team cycle" teams "bad.csv:2: parent: team 'a' would be above itself (a > b > a)" <<'CSV'
key,name,parent
a,A,b
b,B,a
CSV
bad "team cycle through the database" teams "team 'dept' would be above itself" <<'CSV'
key,name,parent
dept,Customer contact,phone-night
CSV
bad "key twice in a file" teams "bad.csv:3: key: 'a' appears twice in this file (first on line 2)" <<'CSV'
key,name
a,A
a,Another A
CSV
bad "missing required column" teams "bad.csv:1: name: required column is missing" <<'CSV'
key,parent
a,dept
CSV
bad "unknown column" teams "bad.csv:1: header: unknown column 'colour' in teams (the separator found is ','); the columns are key,name,parent" <<'CSV'
key,name,colour
a,A,red
CSV
bad "column twice" teams "bad.csv:1: name: column appears twice" <<'CSV'
key,name,name
a,A,B
CSV
bad "empty file" teams "bad.csv: the file is empty; its first line must be the header key,name,parent" <<'CSV'
CSV
bad "empty required field" teams "bad.csv:2: name: value is empty; it is required" <<'CSV'
key,name
a,
CSV
bad "key with surrounding spaces" teams "bad.csv:2: key: key ' a' begins or ends with a space" <<'CSV'
key,name
 a,A
CSV
bad "unknown team of a person" people "bad.csv:2: team: unknown team 'nowhere'; import it with teams.csv first" <<'CSV'
id,name,team
P9,Someone,nowhere
CSV
bad "unknown role" people "bad.csv:2: role: unknown role 'pilot'" <<'CSV'
id,name,role
P9,Someone,pilot
CSV
bad "unknown manager" people "bad.csv:2: manager: unknown person 'P77'; it is neither in this file nor stored" <<'CSV'
id,name,manager
P9,Someone,P77
CSV
bad "own manager" people "bad.csv:2: manager: 'P9' cannot be their own manager" <<'CSV'
id,name,manager
P9,Someone,P9
CSV
bad "manager loop through the database" people "bad.csv:2: manager: person 'P1' would be above itself (P1 > P3 > P1)" <<'CSV'
id,name,manager
P1,Jan de Boer,P3
CSV
bad "bad email" people "bad.csv:2: email: 'not-an-email' is not an email address" <<'CSV'
id,name,email
P9,Someone,not-an-email
CSV
bad "bad active flag" people "bad.csv:2: active: 'maybe' is not 1 or 0" <<'CSV'
id,name,active
P9,Someone,maybe
CSV
bad "bad developability" competencies "bad.csv:2: developability: 'very' is not high, medium or low" <<'CSV'
key,name,developability
x,X,very
CSV
bad "indicator level out of range" indicators "bad.csv:2: level: level 6 is out of range; it must be from 1 to 5" <<'CSV'
competency,level,indicator
listening,6,Superhuman
CSV
bad "indicator of an unknown competency" indicators "bad.csv:2: competency: unknown competency 'juggling'" <<'CSV'
competency,level,indicator
juggling,,Keeps three balls up
CSV
bad "level descriptor twice" indicators "bad.csv:3: level: 'listening" <<'CSV'
competency,level,indicator
listening,2,One
listening,2,Two
CSV
bad "required level out of range" roles "bad.csv:2: required_level: required level 0 is out of range; it must be from 1 to 5" <<'CSV'
role,competency,required_level,weight
agent,listening,0,1
CSV
bad "weight out of range" roles "bad.csv:2: weight: weight 4 is out of range; it must be from 1 to 3" <<'CSV'
role,competency,required_level,weight
agent,listening,3,4
CSV
bad "requirement twice" roles "bad.csv:3: competency: 'agent" <<'CSV'
role,competency,required_level
agent,listening,3
agent,listening,4
CSV
bad "evidence level out of range" evidence "bad.csv:2: level: level 5.5 is out of range; it must be from 1 to 5" <<'CSV'
person,competency,level,source,date
P2,listening,5.5,self,2026-01-01
CSV
bad "evidence level not a number" evidence "bad.csv:2: level: level 'high' is not a number" <<'CSV'
person,competency,level,source,date
P2,listening,high,self,2026-01-01
CSV
bad "a date that does not exist" evidence "bad.csv:2: date: date 2026-02-30 does not exist" <<'CSV'
person,competency,level,source,date
P2,listening,3,self,2026-02-30
CSV
bad "a date in another format" evidence "bad.csv:2: date: '01/02/2026' is not a date; write YYYY-MM-DD" <<'CSV'
person,competency,level,source,date
P2,listening,3,self,01/02/2026
CSV
bad "a date outside 1900 .. 2100" evidence "bad.csv:2: date: date 2207-01-01 is outside 1900-01-01 .. 2100-12-31" <<'CSV'
person,competency,level,source,date
P2,listening,3,self,2207-01-01
CSV
bad "unknown source" evidence "bad.csv:2: source: unknown source 'boss'; use one of self, manager, peer, assessment, test, qa, customer" <<'CSV'
person,competency,level,source,date
P2,listening,3,boss,2026-01-01
CSV
bad "unknown person" evidence "bad.csv:2: person: unknown person 'P99'; import them with people.csv first" <<'CSV'
person,competency,level,source,date
P99,listening,3,self,2026-01-01
CSV
bad "unknown competency" evidence "bad.csv:2: competency: unknown competency 'juggling'" <<'CSV'
person,competency,level,source,date
P2,juggling,3,self,2026-01-01
CSV
bad "a mistyped competency gets a suggestion" evidence "bad.csv:2: competency: unknown competency 'listning'; did you mean 'listening'?" <<'CSV'
person,competency,level,source,date
P2,listning,3,self,2026-01-01
CSV
bad "a mistyped team gets a suggestion" people "bad.csv:2: team: unknown team 'phnoe'; did you mean 'phone'?" <<'CSV'
id,name,team
P9,Someone,phnoe
CSV
bad "unknown assessor" evidence "bad.csv:2: assessor: unknown assessor 'P98'" <<'CSV'
person,competency,level,source,date,assessor
P2,listening,3,manager,2026-01-01,P98
CSV
bad "too many fields" evidence "bad.csv:2: too many fields: the row has 6 fields but the header has 5" <<'CSV'
person,competency,level,source,date
P2,listening,3,self,2026-01-01,extra
CSV
bad "too few fields" evidence "bad.csv:2: too few fields: the row has 4 fields but the header has 5" <<'CSV'
person,competency,level,source,date
P2,listening,3,self
CSV
bad "quote inside an unquoted field" evidence "bad.csv:2: note: quote inside an unquoted field" <<'CSV'
person,competency,level,source,date,note
P2,listening,3,self,2026-01-01,say "hi"
CSV
bad "unterminated quote" evidence "bad.csv:2: note: quoted field opened on line 2 is never closed" <<'CSV'
person,competency,level,source,date,note
P2,listening,3,self,2026-01-01,"open
CSV
printf 'person,competency,level,source,date,note\nP2,listening,3,self,2026-01-01,caf\351\n' |
	bad "invalid UTF-8" evidence "bad.csv:2: note: invalid UTF-8 (byte 0xE9 at offset 4 of the field); save the file as UTF-8"

# Every bad row is reported, good rows around them are not stored.
bad "several bad rows, each reported" evidence "bad.csv:3: level" <<'CSV'
person,competency,level,source,date
P2,listening,3,self,2026-05-01
P2,listening,9,self,2026-05-01
P4,knowledge,3,self,2026-05-01
P2,listening,3,selfie,2026-05-01
P2,listening,3,self,2026-13-01
CSV
expect_err "the second bad row is reported" "bad.csv:5: source"
expect_err "the third bad row is reported" "bad.csv:6: date"
expect_err "the summary counts the problems" "bad.csv: 3 problems found; nothing was imported"

# --max-errors caps what is printed, not what is checked.
"$COMPGAP" import evidence "$WORK/bad.csv" --max-errors 1 --db "$DB" > /dev/null 2> "$WORK/err"
STATUS=$?
expect_status "--max-errors keeps the status" 65
expect_err "--max-errors says how many were not shown" "... and 2 more problems not shown"

# Usage errors and missing things.
run import teams --db "$DB"
expect_status "import without a file is a usage error" 64
run import gizmos "$DATA/teams.csv" --db "$DB"
expect_status "an unknown kind is a usage error" 64
expect_err "an unknown kind names the valid ones" "use one of teams, people, competencies, indicators, roles, evidence"
run import teams "$WORK/no-such.csv" --db "$DB"
expect_status "a missing file exits 66" 66
expect_err "a missing file is named" "cannot open '$WORK/no-such.csv'"
run import teams "$DATA/teams.csv" --db "$WORK/none.db"
expect_status "import into a missing database exits 66" 66
expect_err "a missing database says how to create one" "create one with 'compgap init'"

# A directory is not a CSV file.
mkdir -p "$WORK/a-dir"
run import teams "$WORK/a-dir" --db "$DB"
expect_status "a directory as the file exits 66" 66
expect_err "a directory is named as one" "cannot read '$WORK/a-dir': it is a directory; give a CSV file"

# endless NAME EXPECTED CMD...: the import of the output of CMD ends with
# status 65 and EXPECTED on stderr, however long CMD would write.
endless() {
	name=$1
	expected=$2
	shift 2
	snapshot "$DB" "$WORK/before"
	"$@" | timeout 20 "$COMPGAP" import evidence - --db "$DB" > "$WORK/out" 2> "$WORK/err"
	STATUS=$?
	expect_status "$name: refused with status 65" 65
	expect_err "$name: message" "$expected"
	snapshot "$DB" "$WORK/after"
	same_snapshot "$name: database unchanged" "$WORK/before" "$WORK/after"
}
endless "NUL bytes without a line end" \
	"stdin:1: header, field 1: field is longer than 1048576 bytes and holds NUL bytes (is this a text file?); the file is read no further" \
	head -c 5000000 /dev/zero
endless "a line without an end" \
	"stdin:1: header, field 1: field is longer than 1048576 bytes (a line end or closing quote missing?)" \
	sh -c "yes x | tr -d '\\n' | head -c 3000000"
endless "an endless field after the header, with its line and column" \
	"stdin:3: level: field is longer than 1048576 bytes" \
	sh -c "printf 'person,competency,level,source,date\\nP2,listening,3,self,2026-01-01\\nP2,listening,'; yes 3 | tr -d '\\n' | head -c 3000000"
# /dev/zero itself never ends: the import must stop on its own.
timeout 20 "$COMPGAP" import evidence /dev/zero --db "$DB" > "$WORK/out" 2> "$WORK/err"
STATUS=$?
expect_status "import of /dev/zero ends with status 65" 65
expect_err "import of /dev/zero says why" "/dev/zero:1: header, field 1: field is longer than 1048576 bytes and holds NUL bytes"

# An endless input that does end its lines (random bytes, an endless
# upload) stops after IMPORT_PROBLEMS_MAX problems (found by review).
(printf 'person,competency,level,source,date\n'; cat /dev/urandom) |
	timeout 60 "$COMPGAP" import evidence - --max-errors 1 --db "$DB" > "$WORK/out" 2> "$WORK/err"
STATUS=$?
expect_status "import of endless random lines ends with status 65" 65
expect_err "import of endless random lines says where it stopped and why" \
	"problems found, when reading stopped at line"
expect_err "... and asks whether it is the right file" "is this the right file, and a CSV file of evidence?"

# Rows of bare separators or spaces are skipped anywhere; "" is a row.
printf 'key,name,parent\n,,\nblank1,Blank one,dept\n  , ,\t\r\n,,\n' > "$WORK/blank.csv"
run import teams "$WORK/blank.csv" --db "$DB"
expect_status "rows of bare separators are skipped" 0
expect_out "only the real row is imported" "imported 1 teams row"
bad "a row of quoted empty fields is a row" teams "bad.csv:3: key: key is empty; it is required" <<'CSV'
key,name,parent
blank2,Blank two,dept
"","",""
CSV

# Retraction: the row leaves the export, the reason is required.
run retract 1 --db "$DB"
expect_status "retract needs a reason" 64
run retract 1 --reason "entered for the wrong person" --db "$DB"
expect_status "retract a row" 0
run export evidence --lf --db "$DB"
if grep -q "^P2,listening,3,self,2026-01-15" "$WORK/out"; then
	not_ok "a retracted row leaves the export"
else
	ok "a retracted row leaves the export"
fi
run retract 1 --reason "again" --db "$DB"
expect_status "retracting twice is refused" 65
expect_err "retracting twice says so" "evidence row 1 is retracted already"

done_testing
