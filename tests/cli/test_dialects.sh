#!/bin/sh
# Spreadsheets as Dutch and Swedish Excel save them ("CSV UTF-8"): a
# byte-order mark, ';', CRLF, decimal commas, d-m-yyyy dates (Dutch) or ISO
# dates (Swedish), rows of bare separators at the end, quoted fields
# holding ';'. Each set in data/excel-nl and data/excel-sv must import to
# the same database as the comma files in data/ with the same extra rows.
. "$(dirname "$0")/lib.sh"

KINDS="teams competencies indicators roles people evidence"

# The fixtures must really be what Excel writes.
for set in excel-nl excel-sv; do
	for kind in $KINDS; do
		f=$DATA/$set/$kind.csv
		if [ "$(head -c 3 "$f" | od -An -tx1 | tr -d ' ')" = efbbbf ] &&
			[ "$(head -n 1 "$f" | od -An -c | grep -c '\\r')" -eq 1 ] &&
			head -n 1 "$f" | grep -q ';' && tail -n 1 "$f" | grep -q '^;*.$'; then
			ok "$set/$kind.csv has a BOM, ';', CRLF and a trailing row of separators"
		else
			not_ok "$set/$kind.csv has a BOM, ';', CRLF and a trailing row of separators" \
				"$(od -c "$f" | head -n 3)"
		fi
	done
done

# The reference database: the comma files, then the rows the Excel sets
# add (names with diacritics, notes holding ';'), in comma form.
REF=$WORK/ref.db
run init --db "$REF"
for kind in $KINDS; do
	run import "$kind" "$DATA/$kind.csv" --db "$REF"
	expect_status "reference: import $kind.csv" 0
done
cat > "$WORK/extra-people.csv" <<'CSV'
id,name,email,team,role,manager
P6,Zoë Bénard,zoe@example.org,phone,agent,P2
P7,Märta Ångström,,desk,agent,P2
CSV
cat > "$WORK/extra-evidence.csv" <<'CSV'
person,competency,level,source,date,assessor,note
P6,listening,3.5,peer,2026-10-31,P2,"Besproken; zie plan ""STAR"""
P7,knowledge,4.25,self,2026-02-01,,"Självskattning; ä, å, ö"
CSV
run import people "$WORK/extra-people.csv" --db "$REF"
expect_status "reference: import the extra people" 0
run import evidence "$WORK/extra-evidence.csv" --db "$REF"
expect_status "reference: import the extra evidence" 0
for kind in $KINDS; do
	"$COMPGAP" export "$kind" --lf --db "$REF" > "$WORK/ref-$kind.csv"
done

for set in excel-nl excel-sv; do
	DB=$WORK/$set.db
	run init --db "$DB"
	for kind in $KINDS; do
		run import "$kind" "$DATA/$set/$kind.csv" --db "$DB"
		expect_status "$set: import $kind.csv" 0
	done
	expect_out "$set: every evidence row is stored, no separator row" "imported 8 evidence rows"
	for kind in $KINDS; do
		"$COMPGAP" export "$kind" --lf --db "$DB" > "$WORK/$set-$kind.csv"
		same_files "$set: $kind gives the same database as the comma file" \
			"$WORK/ref-$kind.csv" "$WORK/$set-$kind.csv"
	done
done
# A level keeps its digits: "4,0" is exported as 4.0, "3,25" as 3.25.
if grep -q '^P4,listening,4.0,peer,2026-03-11' "$WORK/excel-nl-evidence.csv" &&
	grep -q '^P2,knowledge,3.25,test,2026-03-10' "$WORK/excel-nl-evidence.csv"; then
	ok "decimal commas keep their number of digits"
else
	not_ok "decimal commas keep their number of digits" "$(cat "$WORK/excel-nl-evidence.csv")"
fi

# A tab-separated file, as a spreadsheet's "text" export writes it.
printf 'key\tname\tparent\r\ntab\tTab; team, here\tdept\r\n\t\t\r\n' > "$WORK/tab.csv"
run import teams "$WORK/tab.csv" --db "$REF"
expect_status "a tab-separated file imports" 0
run export teams --lf --db "$REF"
expect_out "a tab-separated row is stored" 'tab,"Tab; team, here",dept'

# bad NAME KIND EXPECTED: the file on standard input is refused with status
# 65 and EXPECTED on stderr, and the database stays as it was.
bad() {
	cat > "$WORK/bad.csv"
	snapshot "$REF" "$WORK/before"
	"$COMPGAP" import "$2" "$WORK/bad.csv" --db "$REF" > "$WORK/out" 2> "$WORK/err"
	STATUS=$?
	expect_status "$1: refused with status 65" 65
	expect_err "$1: message" "$3"
	snapshot "$REF" "$WORK/after"
	same_snapshot "$1: database unchanged" "$WORK/before" "$WORK/after"
}

# A header that names no column: one message that names the separator,
# not one per column and per missing column.
bad "a header in Dutch" evidence "bad.csv:1: header: no column of evidence in 'persoon;competentie;niveau;bron;datum' (the separator found is ';'); the columns are person,competency,level,source,date,assessor,note" <<'CSV'
persoon;competentie;niveau;bron;datum
P2;listening;3;self;2026-01-01
CSV
expect_err "a header in Dutch: one problem" "bad.csv: 1 problem found"
bad "a header quoted whole" evidence "bad.csv:1: header: unknown column 'person;competency;level;source;date' in evidence (the separator found is ','); the columns are person,competency,level,source,date,assessor,note; it would split into columns on ';'" <<'CSV'
"person;competency;level;source;date"
"P2;listening;3;self;2026-01-01"
CSV
expect_err "a header quoted whole: one problem" "bad.csv: 1 problem found"
bad "an unknown column names the separator" teams "bad.csv:1: header: unknown column 'colour' in teams (the separator found is ';')" <<'CSV'
key;name;colour
a;A;red
CSV

# Dates and numbers in a ';' file.
bad "month first" evidence "bad.csv:2: date: date 10-31-2026 has no month 31; dates are written day-month-year (31-10-2026) or YYYY-MM-DD" <<'CSV'
person;competency;level;source;date
P2;listening;3;self;10-31-2026
CSV
bad "a two-digit year" evidence "bad.csv:2: date: '31-10-26' has a 2-digit year; write the year in full" <<'CSV'
person;competency;level;source;date
P2;listening;3;self;31-10-26
CSV
bad "a day-first date that does not exist" evidence "bad.csv:2: date: date 31-02-2026 does not exist" <<'CSV'
person;competency;level;source;date
P2;listening;3;self;31-02-2026
CSV
bad "a month name" evidence "bad.csv:2: date: '31 okt 2026' is not a date; write day-month-year (31-10-2026) or YYYY-MM-DD" <<'CSV'
person;competency;level;source;date
P2;listening;3;self;31 okt 2026
CSV
bad "a decimal comma out of range" evidence "bad.csv:2: level: level 5,5 is out of range" <<'CSV'
person;competency;level;source;date
P2;listening;5,5;self;1-1-2026
CSV
bad "a decimal comma in a whole-number column" roles "bad.csv:2: required_level: required level '3,0' is not a whole number" <<'CSV'
role;competency;required_level
agent;listening;3,0
CSV
# In a comma file the dialect's forms are refused, saying where they work.
bad "a decimal comma in a comma file" evidence "bad.csv:2: level: level '3,5' is not a number; write a number from 1 to 5 such as 3 or 3.5 (a decimal comma is read only in a file separated by ';' or tabs)" <<'CSV'
person,competency,level,source,date
P2,listening,"3,5",self,2026-01-01
CSV
bad "a day-first date in a comma file" evidence "bad.csv:2: date: '31-10-2026' is not a date; write YYYY-MM-DD, such as 2026-03-31 (day-month-year is read only in a file separated by ';' or tabs)" <<'CSV'
person,competency,level,source,date
P2,listening,3,self,31-10-2026
CSV

# Columns without a name at the end of the header are ignored, but not a
# value under them.
bad "a value under a column without a name" teams "bad.csv:3: field 4 has a value but its column has no name in the header" <<'CSV'
key;name;parent;;
x;X;dept;;
y;Y;dept;oops;
CSV

# A row with invalid UTF-8 still has its other columns checked, and the
# bad cell is not looked up or checked again.
printf 'person;competency;level;source;date;assessor;note\r\nP2;listening;9;self;1-1-2026;;caf\351\r\nP\351;listening;3;self;1-13-2026;;\r\n;;;;;;\r\n' |
	bad "invalid UTF-8 and a bad level in one row" evidence "bad.csv:2: note: invalid UTF-8 (byte 0xE9 at offset 4 of the field); save the file as UTF-8"
expect_err "the level of that row is checked too" "bad.csv:2: level: level 9 is out of range"
expect_err "a bad key is reported once" "bad.csv:3: person: invalid UTF-8 (byte 0xE9 at offset 2 of the field)"
expect_err "the date of that row is checked too" "bad.csv:3: date: date 1-13-2026 has no month 13"
expect_err "nothing else is reported" "bad.csv: 4 problems found"

done_testing
