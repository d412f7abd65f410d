#!/bin/sh
# Export for spreadsheets: CSV for Dutch and Swedish Excel (--excel), the
# quoting that keeps "ok;=1+1" one cell, workbooks (--xlsx) of every kind
# read back with openpyxl, and a team's matrix as a workbook and as CSV.
. "$(dirname "$0")/lib.sh"

READ=$HERE/xlsx_read.py
KINDS="teams competencies indicators roles people evidence"

# A python with openpyxl: python3 on the PATH, or Debian's own.
PY=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import openpyxl' 2> /dev/null; then PY=$p; break; fi
done
[ -n "$PY" ] && ok "python3-openpyxl is available" ||
	not_ok "python3-openpyxl is available" "install it: tools/deps.sh test"

# expect_grep NAME FILE TEXT: FILE holds the line TEXT exactly.
expect_line() {
	if grep -qxF -- "$3" "$2"; then ok "$1"; else
		not_ok "$1" "no line: $3" "$(head -c 800 "$2")"
	fi
}

# ---- the small organisation, with cells a spreadsheet could misread ----
DB=$WORK/org.db
"$COMPGAP" init --db "$DB" > /dev/null
for kind in $KINDS; do
	"$COMPGAP" import "$kind" "$DATA/$kind.csv" --db "$DB" > /dev/null || echo "import $kind failed"
done
cat > "$WORK/tricky.csv" <<'EOF'
id,name,email,team,role,manager
T1,ok;=1+1,,desk,agent,
T2,=SUM(A1),,desk,agent,
T3,"=1,2",,desk,agent,
T5,"say ""hi""",,desk,agent,
T6,"ok;=1+1;",,desk,agent,
T7,"ok,=1+1,",,desk,agent,
EOF
run import people "$WORK/tricky.csv" --db "$DB"
expect_status "people with formula-like and separator-holding names import" 0

run export people --lf --db "$DB"
expect_line "a cell holding ';' is quoted in a comma file, guarded where a field could begin" \
	"$WORK/out" "T1,\"ok;'=1+1\",,desk,agent,"
expect_line "a cell beginning with = is neutralised" "$WORK/out" "T2,'=SUM(A1),,desk,agent,"
expect_line "a quoted cell beginning with = is neutralised inside the quotes" "$WORK/out" \
	"T3,\"'=1,2\",,desk,agent,"
expect_line "a cell holding a quote is quoted, the quote doubled" "$WORK/out" 'T5,"say ""hi""",,desk,agent,'

# A spreadsheet that splits on another separator than the file's honours a
# quote only at the start of a field: read so (as Python's csv module and
# Excel do), line by line, on every separator, no cell begins a formula.
no_formula() { # FILE
	"$PY" - "$1" <<'PYEOF'
import csv, sys
data = open(sys.argv[1], encoding="utf-8-sig", newline="").read()
bad = []
for sep in (",", ";", "\t"):
    for line in data.splitlines():
        for row in csv.reader([line], delimiter=sep):
            bad += [c for c in row if c[:1] in ("=", "+", "-", "@")]
print("formulas: %r" % bad if bad else "none")
PYEOF
}
"$COMPGAP" export people --lf --db "$DB" > "$WORK/people.csv"
printf 'person,competency,level,source,date,note\nP1,knowledge,3,manager,2026-03-01,"fine\n=2+2;x"\n' \
	> "$WORK/note.csv"
"$COMPGAP" import evidence "$WORK/note.csv" --db "$DB" > /dev/null
"$COMPGAP" export evidence --lf --db "$DB" > "$WORK/evidence.csv"
grep -q "^'=2+2;x\"" "$WORK/evidence.csv" && ok "a line break inside a note is guarded too" ||
	not_ok "a line break inside a note is guarded too" "$(grep -A1 fine "$WORK/evidence.csv")"
cat "$WORK/people.csv" "$WORK/evidence.csv" > "$WORK/both.csv"
[ "$(no_formula "$WORK/both.csv")" = none ] &&
	ok "a comma export split on any separator begins no formula" ||
	not_ok "a comma export split on any separator begins no formula" "$(no_formula "$WORK/both.csv")"
"$COMPGAP" init --db "$WORK/again.db" > /dev/null
for kind in teams competencies roles; do
	"$COMPGAP" import "$kind" "$DATA/$kind.csv" --db "$WORK/again.db" > /dev/null
done
"$COMPGAP" import people "$WORK/people.csv" --db "$WORK/again.db" > /dev/null &&
	"$COMPGAP" import evidence "$WORK/evidence.csv" --db "$WORK/again.db" > /dev/null
"$COMPGAP" export people --lf --db "$WORK/again.db" > "$WORK/people-again.csv"
"$COMPGAP" export evidence --lf --db "$WORK/again.db" > "$WORK/evidence-again.csv"
t6=$("$COMPGAP" show person T6 --db "$WORK/again.db" | head -n 1)
cmp -s "$WORK/people.csv" "$WORK/people-again.csv" &&
	cmp -s "$WORK/evidence.csv" "$WORK/evidence-again.csv" && [ "$t6" = "ok;=1+1; (T6)" ] &&
	ok "import takes exactly the guard's quotes away again" ||
	not_ok "import takes exactly the guard's quotes away again" "$t6"

# ---- --excel: BOM, ';', decimal commas, CRLF, ISO dates ----
run export evidence --excel --db "$DB"
expect_status "export --excel" 0
[ "$(head -c 3 "$WORK/out" | od -An -tx1 | tr -d ' ')" = efbbbf ] &&
	ok "--excel begins with the UTF-8 byte-order mark" ||
	not_ok "--excel begins with the UTF-8 byte-order mark" "$(head -c 8 "$WORK/out" | od -c)"
tail -c +4 "$WORK/out" > "$WORK/excel.csv"
[ "$(head -n 1 "$WORK/excel.csv")" = "$(printf 'person;competency;level;source;date;assessor;note\r')" ] &&
	ok "--excel separates the header with ';' and ends it with CRLF" ||
	not_ok "--excel separates the header with ';' and ends it with CRLF" "$(head -n 1 "$WORK/excel.csv" | od -c)"
lines=$(grep -c '' "$WORK/excel.csv")
crlf=$(grep -c "$(printf '\r')\$" "$WORK/excel.csv")
# The two multi-line notes hold one LF each of their own inside their quotes.
[ "$lines" -eq 10 ] && [ "$crlf" -eq 8 ] && ok "--excel ends every record with CRLF" ||
	not_ok "--excel ends every record with CRLF" "$lines lines, $crlf ending in CR"
expect_line "--excel writes levels with a decimal comma and dates as ISO" "$WORK/excel.csv" \
	"$(printf 'P2;listening;"2,5";manager;2026-02-01;P3;"Asked ""why"", twice"\r')"
expect_line "--excel keeps the decimals a level was written with" "$WORK/excel.csv" \
	"$(printf 'P2;knowledge;"3,25";test;2026-03-10;;\r')"
expect_line "--excel writes a whole level without a comma" "$WORK/excel.csv" \
	"$(printf 'P4;knowledge;1;customer;2024-02-29;;\r')"
expect_line "--excel neutralises a formula-like cell" "$WORK/excel.csv" \
	"$(printf "P3;decisive;2;assessment;2026-04-01;;'=not a formula\r")"
run export people --excel --db "$DB"
tail -c +4 "$WORK/out" > "$WORK/excel.csv"
expect_line "--excel quotes a cell holding ';' (ok;=1+1 stays one cell)" "$WORK/excel.csv" \
	"$(printf "T1;\"ok;'=1+1\";;desk;agent;\r")"
[ "$(no_formula "$WORK/excel.csv")" = none ] &&
	ok "an --excel export split on any separator begins no formula" ||
	not_ok "an --excel export split on any separator begins no formula" "$(no_formula "$WORK/excel.csv")"
expect_line "--excel quotes a cell holding ','" "$WORK/excel.csv" \
	"$(printf 'P4;"Smit, Els";els@example.org;desk;agent;P1\r')"
expect_line "--excel neutralises inside the quotes" "$WORK/excel.csv" \
	"$(printf "T3;\"'=1,2\";;desk;agent;\r")"
run export roles --excel -o "$WORK/roles-excel.csv" --db "$DB"
expect_status "export --excel -o FILE" 0
[ "$(head -c 3 "$WORK/roles-excel.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] &&
	ok "--excel -o writes the file with its byte-order mark" ||
	not_ok "--excel -o writes the file with its byte-order mark"

# ---- --xlsx of every kind, read back with openpyxl ----
for kind in $KINDS; do
	run export "$kind" --xlsx "$WORK/$kind.xlsx" --db "$DB"
	expect_status "export $kind --xlsx" 0
	"$COMPGAP" export "$kind" --lf --db "$DB" > "$WORK/$kind.csv"
	"$PY" "$READ" "$WORK/$kind.xlsx" > "$WORK/$kind.layout" 2>&1
	expect_line "$kind.xlsx: one sheet named $kind" "$WORK/$kind.layout" "sheets: $kind"
	expect_line "$kind.xlsx: header row frozen" "$WORK/$kind.layout" "freeze: A2"
	expect_line "$kind.xlsx: header row bold" "$WORK/$kind.layout" "header bold: True"
	expect_line "$kind.xlsx: header equals the CSV header" "$WORK/$kind.layout" \
		"header: $(head -n 1 "$WORK/$kind.csv")"
	rows=$(($("$PY" "$READ" --rows "$WORK/$kind.csv" | wc -l)))
	expect_line "$kind.xlsx: as many rows as the CSV" "$WORK/$kind.layout" "rows: $rows"
	cols=$(head -n 1 "$WORK/$kind.csv" | tr ',' '\n' | wc -l)
	last=$(printf "\\$(printf '%03o' $((64 + cols)))")
	expect_line "$kind.xlsx: autofilter over the header and every row" "$WORK/$kind.layout" \
		"autofilter: A1:$last$((rows + 1))"
	expect_line "$kind.xlsx: every column at least as wide as its name" "$WORK/$kind.layout" \
		"columns narrower than their name: none"
	expect_line "$kind.xlsx: no cell is a formula" "$WORK/$kind.layout" "formulas: 0"
	"$PY" "$READ" --rows "$WORK/$kind.xlsx" > "$WORK/$kind.xrows" 2>&1
	"$PY" "$READ" --rows "$WORK/$kind.csv" > "$WORK/$kind.crows" 2>&1
	same_files "$kind.xlsx: every cell equals the CSV export's" "$WORK/$kind.crows" "$WORK/$kind.xrows"
done
expect_line "evidence.xlsx: levels are numbers" "$WORK/evidence.layout" "type level: number"
expect_line "evidence.xlsx: dates are dates" "$WORK/evidence.layout" "type date: date"
expect_line "evidence.xlsx: notes are text" "$WORK/evidence.layout" "type note: text"
expect_line "roles.xlsx: required levels are numbers" "$WORK/roles.layout" "type required_level: number"
expect_line "roles.xlsx: weights are numbers" "$WORK/roles.layout" "type weight: number"
expect_line "indicators.xlsx: levels are numbers" "$WORK/indicators.layout" "type level: number"
expect_line "people.xlsx: names are text, never formulas" "$WORK/people.layout" "type name: text"
# The workbook holds the text as it is, without the CSV's quote prefix.
grep -qxF '["T2", "=SUM(A1)", "", "desk", "agent", ""]' "$WORK/people.xrows" &&
	ok "people.xlsx: =SUM(A1) is the text =SUM(A1), no quote prefix" ||
	not_ok "people.xlsx: =SUM(A1) is the text =SUM(A1), no quote prefix" "$(grep T2 "$WORK/people.xrows")"
grep -qxF '["P3", "decisive", "2", "assessment", "2026-04-01", "", "=not a formula"]' \
	"$WORK/evidence.xrows" &&
	ok "evidence.xlsx: the note =not a formula is that text, no quote prefix" ||
	not_ok "evidence.xlsx: the note =not a formula is that text, no quote prefix" \
		"$(grep P3 "$WORK/evidence.xrows")"

# ---- the demo: every kind as a workbook, and --excel round trips ----
DEMO=$WORK/demo.db
"$COMPGAP" demo --db "$DEMO" > /dev/null || echo "demo failed"
run export evidence --xlsx "$WORK/demo-evidence.xlsx" --db "$DEMO"
"$COMPGAP" export evidence --lf --db "$DEMO" > "$WORK/demo-evidence.csv"
"$PY" "$READ" --rows "$WORK/demo-evidence.xlsx" > "$WORK/x" 2>&1
"$PY" "$READ" --rows "$WORK/demo-evidence.csv" > "$WORK/c" 2>&1
same_files "the demo's evidence: the workbook equals the CSV, cell by cell" "$WORK/c" "$WORK/x"

# excel_round_trip NAME DB: every kind of DB exported --excel, imported
# into a fresh database and exported --lf is what DB exports --lf.
# needs the ';' import of h1-import (decimal commas, BOM): until then these
# checks fail.
excel_round_trip() {
	dir=$WORK/rt-$(printf '%s' "$1" | tr -c 'a-z' '-')
	mkdir -p "$dir/excel" "$dir/lf" "$dir/again"
	"$COMPGAP" init --db "$dir/again.db" > /dev/null
	for kind in $KINDS; do
		"$COMPGAP" export "$kind" --excel -o "$dir/excel/$kind.csv" --db "$2"
		"$COMPGAP" export "$kind" --lf --db "$2" > "$dir/lf/$kind.csv"
		# Read by a spreadsheet's rules with ';', its decimal commas
		# made points: the plain export's cells.
		"$PY" "$READ" --rows "$dir/excel/$kind.csv" |
			sed 's/"\([0-9][0-9]*\),\([0-9][0-9]*\)"/"\1.\2"/g' > "$dir/excel.rows"
		"$PY" "$READ" --rows "$dir/lf/$kind.csv" > "$dir/lf.rows"
		same_files "$1: $kind --excel holds the plain export's cells" "$dir/lf.rows" "$dir/excel.rows"
		# needs the ';' import of h1-import
		run import "$kind" "$dir/excel/$kind.csv" --db "$dir/again.db"
		expect_status "$1: $kind exported --excel imports again" 0
	done
	for kind in $KINDS; do
		"$COMPGAP" export "$kind" --lf --db "$dir/again.db" > "$dir/again/$kind.csv" 2> /dev/null
	done
	# needs the ';' import of h1-import
	same_snapshot "$1: --excel, import, export gives the same data" "$dir/lf" "$dir/again"
}
excel_round_trip "the demo" "$DEMO"
excel_round_trip "the small organisation with formula-like names" "$DB"

# ---- the matrix ----
# Two members added to kcc-online with levels computed by hand: one row of
# level 1 against customer-focus's required 3 (short by exactly 2: the
# darkest class), one of level 2 (short by exactly 1: "1 to 2"); and a
# member without a role.
cat > "$WORK/more-people.csv" <<'EOF'
id,name,email,team,role,manager
KCC-9001,Two Short,,kcc-online,agent,
KCC-9002,One Short,,kcc-online,agent,
KCC-9003,No Profile,,kcc-online,,
EOF
cat > "$WORK/more-evidence.csv" <<'EOF'
person,competency,level,source,date,assessor,note
KCC-9001,customer-focus,1,manager,2026-10-01,,
KCC-9002,customer-focus,2,manager,2026-10-01,,
EOF
run import people "$WORK/more-people.csv" --db "$DEMO"
expect_status "members added to kcc-online" 0
run import evidence "$WORK/more-evidence.csv" --db "$DEMO"
expect_status "their evidence added" 0
M="--team kcc-online --as-of 2026-10-31 --db $DEMO"
# shellcheck disable=SC2086
"$COMPGAP" gaps $M --json > "$WORK/gaps.json"
# shellcheck disable=SC2086
run export matrix $M --xlsx "$WORK/matrix.xlsx"
expect_status "export matrix --xlsx" 0
"$PY" "$READ" --matrix "$WORK/matrix.xlsx" "$WORK/gaps.json" > "$WORK/matrix.check" 2>&1
for what in "sheets Matrix and Required" "the title names team and date" \
	"header row and id, name frozen" \
	"printed landscape on A4, one page wide, header and names on every page" \
	"Matrix: one column per competency of the team view, in its order" \
	"Matrix: one row per member, in order" \
	"Required: one column per competency of the team view, in its order" \
	"Required: one row per member, in order" \
	"every cell of both sheets as in the JSON" "levels equal the JSON's to 1e-9" \
	"fill of class meets is FFDEEBF7" "fill of class under 0.5 is FF9ECAE1" \
	"fill of class 0.5 to 1 is FF6BAED6" "fill of class 1 to 2 is FF2171B5" \
	"fill of class unassessed is FFCCCCCC"; do
	expect_line "matrix.xlsx: $what" "$WORK/matrix.check" "ok $what"
done

# The matrix as CSV: the hand-computed rows. Fit of KCC-9001: only
# customer-focus is assessed, min(1, 1/3) = 33%; KCC-9002: 2/3 = 67%.
# shellcheck disable=SC2086
run export matrix $M --lf
expect_status "export matrix as CSV" 0
head -n 1 "$WORK/out" > "$WORK/header"
expect_line "the matrix's header: the lead columns, then the team view's competencies" \
	"$WORK/header" "id,name,team,role,fit,$("$PY" -c 'import json,sys
print(",".join(c["competency"] for c in json.load(open(sys.argv[1]))["competencies"]))' "$WORK/gaps.json")"
col=$(tr ',' '\n' < "$WORK/header" | grep -nxF customer-focus | cut -d: -f1)
[ "$(grep '^KCC-9001,' "$WORK/out" | cut -d, -f1-5,"$col")" = "KCC-9001,Two Short,kcc-online,agent,33%,1.00" ] &&
	ok "matrix CSV: a member 2 short, fit 33%, level 1.00" ||
	not_ok "matrix CSV: a member 2 short, fit 33%, level 1.00" "$(grep '^KCC-9001,' "$WORK/out")"
[ "$(grep '^KCC-9002,' "$WORK/out" | cut -d, -f1-5,"$col")" = "KCC-9002,One Short,kcc-online,agent,67%,2.00" ] &&
	ok "matrix CSV: a member 1 short, fit 67%, level 2.00" ||
	not_ok "matrix CSV: a member 1 short, fit 67%, level 2.00" "$(grep '^KCC-9002,' "$WORK/out")"
grep '^KCC-9001,' "$WORK/out" | cut -d, -f6- | tr ',' '\n' | sort -u > "$WORK/cells"
[ "$(tr '\n' ' ' < "$WORK/cells")" = " 1.00 ? " ] &&
	ok "matrix CSV: unassessed is ?, not required is empty" ||
	not_ok "matrix CSV: unassessed is ?, not required is empty" "$(grep '^KCC-9001,' "$WORK/out")"
grep -qxF "KCC-9003,No Profile,kcc-online,,no function profile$(printf ',%.0s' $(seq 1 $(($(tr ',' '\n' < "$WORK/header" | wc -l) - 5))))" "$WORK/out" &&
	ok "matrix CSV: a member without a role says so, with no levels" ||
	not_ok "matrix CSV: a member without a role says so, with no levels" "$(grep '^KCC-9003,' "$WORK/out")"
# shellcheck disable=SC2086
run export matrix $M --excel
tail -c +4 "$WORK/out" | grep '^KCC-9001;' | cut -d';' -f1-5,"$col" > "$WORK/row"
[ "$(cat "$WORK/row")" = "KCC-9001;Two Short;kcc-online;agent;33%;\"1,00\"" ] &&
	ok "matrix --excel: ';' and a decimal comma" || not_ok "matrix --excel: ';' and a decimal comma" "$(cat "$WORK/row")"

# ---- usage errors, and failures that leave no file ----
run export people --xlsx "$WORK/u.xlsx" --excel --db "$DB"
expect_status "--xlsx with --excel is a usage error" 64
expect_err "--xlsx with --excel says to give one" "--excel writes CSV for Excel and --xlsx a workbook; give one of them"
run export people --xlsx "$WORK/u.xlsx" -o "$WORK/u.csv" --db "$DB"
expect_status "--xlsx with -o is a usage error" 64
expect_err "--xlsx with -o says why" "--xlsx FILE names the file to write; leave out -o"
run export people --xlsx "$WORK/u.xlsx" --lf --db "$DB"
expect_status "--xlsx with --lf is a usage error" 64
run export people --excel --lf --db "$DB"
expect_status "--excel with --lf is a usage error" 64
expect_err "--excel with --lf says why" "--excel ends lines with CRLF, as Excel does; leave out --lf"
run export people --xlsx - --db "$DB"
expect_status "--xlsx - is a usage error" 64
expect_err "--xlsx - says a workbook needs a file" "a workbook cannot go to standard output"
run export matrix --xlsx "$WORK/u.xlsx" --db "$DB"
expect_status "export matrix without --team is a usage error" 64
expect_err "export matrix without --team names the option" "name the team with --team KEY"
run export people --team desk --db "$DB"
expect_status "--team with another kind is a usage error" 64
run export matrix --team desk --as-of 2026-02-30 --db "$DB"
expect_status "a day that does not exist is a usage error" 64
run export gizmos --db "$DB"
expect_err "an unknown kind lists matrix among the kinds" "or matrix"
[ ! -e "$WORK/u.xlsx" ] && [ ! -e "$WORK/u.csv" ] && ok "usage errors write no file" ||
	not_ok "usage errors write no file"

run export people --xlsx "$WORK/no/such/dir/people.xlsx" --db "$DB"
expect_status "an --xlsx path that cannot be created: exit 73" 73
expect_err "an --xlsx path that cannot be created is named" \
	"cannot create '$WORK/no/such/dir/people.xlsx': No such file or directory"
# shellcheck disable=SC2086
run export matrix $M --xlsx "$WORK/no/such/dir/matrix.xlsx"
expect_status "a matrix --xlsx path that cannot be created: exit 73" 73
[ ! -e "$WORK/no" ] && ok "an uncreatable --xlsx path leaves no file" ||
	not_ok "an uncreatable --xlsx path leaves no file" "$(find "$WORK/no")"
mkdir "$WORK/ro"
chmod 555 "$WORK/ro"
if [ -w "$WORK/ro" ]; then
	echo "# running as a user who may write anywhere: read-only directory not tested"
else
	run export people --xlsx "$WORK/ro/people.xlsx" --db "$DB"
	expect_status "an --xlsx in a read-only directory: exit 73" 73
	expect_err "an --xlsx in a read-only directory says so" "Permission denied"
fi
chmod 755 "$WORK/ro"

# A target that is no regular file (a FIFO, /dev/null, a terminal) is
# written directly: a temporary file renamed onto it would replace it with
# a file (found when "report -o /dev/null" run as root replaced the
# machine's /dev/null). A FIFO stands in for /dev/null here.
mkfifo "$WORK/fifo"
for args in "export teams" "report --team desk --as-of 2026-06-30"; do
	timeout 20 cat "$WORK/fifo" > "$WORK/from-fifo" &
	reader=$!
	# shellcheck disable=SC2086
	run $args -o "$WORK/fifo" --db "$DB"
	wait "$reader"
	expect_status "$args -o FIFO" 0
	[ -p "$WORK/fifo" ] && [ -s "$WORK/from-fifo" ] && ! ls "$WORK"/fifo.tmp-* > /dev/null 2>&1 &&
		ok "$args -o FIFO writes through it and leaves it a FIFO" ||
		not_ok "$args -o FIFO writes through it and leaves it a FIFO" "$(ls -l "$WORK/fifo")"
done
run export teams -o "$WORK" --db "$DB"
expect_status "export -o DIRECTORY" 73
expect_err "export -o DIRECTORY says it is a directory" "it is a directory; give a file name"

done_testing
