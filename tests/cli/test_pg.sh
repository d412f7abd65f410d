#!/bin/sh
# PostgreSQL only: the forms of a connection string, what each connection
# failure says, concurrent init (the migration lock, creating the database),
# several processes importing, retracting and reading at the same time
# (nothing lost, never half an import seen, running sums equal to a
# rebuild, no loop of teams or managers from two imports), and the server
# going away in the middle of an import.
# Runs when $COMPGAP_TEST_PG is set (tools/pg-server.sh), on the real binary
# with explicit connection strings; every database is named with the
# prefix lib.sh drops at exit. The last part stops the server, so
# tests/run-suite.sh, which runs other test files at the same time, gives
# this file a server of its own:
# run-suite: own PostgreSQL server
. "$(dirname "$0")/lib.sh"

if [ "$ENGINE" != postgresql ]; then
	echo "# skipped: PostgreSQL tests need COMPGAP_TEST_PG (tools/pg-server.sh)"
	done_testing
	exit 0
fi

PG_SERVER=$HERE/../../tools/pg-server.sh
SOCK=$(printf '%s' "$COMPGAP_TEST_PG" | sed 's/.*host=\([^ ]*\).*/\1/')
PORT=$(printf '%s' "$COMPGAP_TEST_PG" | sed 's/.*port=\([^ ]*\).*/\1/')
# Nothing from the environment may supply a password or another server.
unset PGPASSWORD PGHOST PGPORT PGUSER PGDATABASE PGSERVICE
PGPASSFILE=$WORK/no-pgpass
export PGPASSFILE
# Whatever happens, the script ends through the EXIT trap of lib.sh.
trap 'exit 130' INT TERM

# pgdb NAME: the connection string of test database NAME.
pgdb() { printf '%s dbname=%s%s' "$COMPGAP_TEST_PG" "$COMPGAP_TEST_DBPREFIX" "$1"; }
# pgname NAME: the server's name of test database NAME.
pgname() { printf '%s%s' "$COMPGAP_TEST_DBPREFIX" "$1"; }

# run_pg CMD...: like run, on the real binary, with no $COMPGAP_DB.
run_pg() {
	(unset COMPGAP_DB; "$COMPGAP_REAL" "$@") > "$WORK/out" 2> "$WORK/err"
	STATUS=$?
}

# not_ok_lines NAME TEXT...: not_ok, with every line of the texts a comment.
not_ok_lines() {
	echo "not ok $1"
	shift
	[ $# -eq 0 ] || printf '%s\n' "$@" | sed 's/^/#   /'
}

# check NAME COMMAND...: ok when COMMAND (often [ ... ]) succeeds.
check() {
	label=$1
	shift
	if "$@"; then ok "$label"; else not_ok_lines "$label" "false: $*"; fi
}

# one_line NAME: stderr of the last run is exactly one line, stdout empty.
one_line() {
	if [ "$(wc -l < "$WORK/err")" -eq 1 ] && [ ! -s "$WORK/out" ]; then ok "$1"; else
		not_ok_lines "$1" "stderr:" "$(head -n 5 "$WORK/err")" "stdout: $(head -c 200 "$WORK/out")"
	fi
}

# lacks_err NAME TEXT: stderr of the last run does not contain TEXT.
lacks_err() {
	if grep -qF -- "$2" "$WORK/err"; then
		not_ok_lines "$1" "stderr contains: $2" "stderr: $(head -c 600 "$WORK/err")"
	else
		ok "$1"
	fi
}

# wait_for TRIES SQL [DB]: polls SQL (on DB, default postgres) every 0.1 s
# until it prints t; fails after TRIES polls.
wait_for() {
	tries=$1
	while [ "$tries" -gt 0 ]; do
		[ "$(test_psql "${3:-postgres}" -c "$2" 2> /dev/null)" = t ] && return 0
		sleep 0.1
		tries=$((tries - 1))
	done
	return 1
}

# org DB: a fresh database DB holding the small organisation of data/,
# without evidence.
org() {
	"$COMPGAP_REAL" init --db "$1" > /dev/null || echo "init of $1 failed" >&2
	for kind in teams competencies indicators roles people; do
		"$COMPGAP_REAL" import "$kind" "$DATA/$kind.csv" --db "$1" > /dev/null ||
			echo "import $kind into $1 failed" >&2
	done
}

# gen FILE TAG ROWS: an evidence file of ROWS valid rows, each with the
# unique note TAG-rN, spread over the pairs that a role requires in data/
# (so that `gaps --team dept` counts every row), every source, levels with
# 0 to 2 decimals and dates from 2025-01 to 2026-10.
gen() {
	awk -v tag="$2" -v n="$3" 'BEGIN {
		split("P1 decisive|P1 listening|P2 listening|P2 knowledge|P3 decisive|" \
		      "P3 listening|P4 listening|P4 knowledge|P5 listening|P5 knowledge", pairs, "|")
		split("1 2.5 3.25 4 5 1.75 3.5 2", lv, " ")
		split("self manager peer assessment test qa customer", src, " ")
		print "person,competency,level,source,date,assessor,note"
		for (r = 1; r <= n; r++) {
			split(pairs[(r + length(tag)) % 10 + 1], pc, " ")
			m = (r * 7) % 22
			printf "%s,%s,%s,%s,%04d-%02d-%02d,,%s-r%d\n", pc[1], pc[2], lv[r % 8 + 1],
				src[r % 7 + 1], 2025 + int(m / 12), m % 12 + 1, r % 28 + 1, tag, r
		}
	}' > "$1"
}

# gaps_total DB: the evidence rows that `gaps --team dept` counts (from the
# running sums), or "fail".
AS_OF=2026-12-31
gaps_total() {
	if "$COMPGAP_REAL" gaps --team dept --json --as-of "$AS_OF" --db "$1" > "$WORK/gt.json" 2> /dev/null; then
		grep -o '"evidence": [0-9]*' "$WORK/gt.json" | awk '{ s += $2 } END { print s + 0 }'
	else
		echo fail
	fi
}

# same_numbers NAME A B: two JSON documents are equal, numbers within a
# relative 1e-9 (summation order may differ in the last bits).
same_numbers() {
	if python3 - "$2" "$3" > "$WORK/numdiff" 2>&1 <<'PY'
import json, sys
def walk(a, b, path):
    if isinstance(a, bool) or isinstance(b, bool) or a is None or b is None or isinstance(a, str):
        if a != b:
            print(f"{path}: {a!r} != {b!r}"); return False
        return True
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if abs(a - b) > 1e-9 * max(1.0, abs(a), abs(b)):
            print(f"{path}: {a!r} != {b!r}"); return False
        return True
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return all([walk(x, y, f"{path}[{i}]") for i, (x, y) in enumerate(zip(a, b))])
    if isinstance(a, dict) and isinstance(b, dict) and list(a) == list(b):
        return all([walk(a[k], b[k], f"{path}.{k}") for k in a])
    print(f"{path}: different shapes"); return False
with open(sys.argv[1]) as fa, open(sys.argv[2]) as fb:
    sys.exit(0 if walk(json.load(fa), json.load(fb), "$") else 1)
PY
	then ok "$1"; else not_ok_lines "$1" "$(head -n 10 "$WORK/numdiff")"; fi
}

# ---- 1. the forms of a connection string ----------------------------------

FORMS=$(pgname forms)
URI="postgresql:///$FORMS?host=$SOCK&port=$PORT&user=compgap"
URI2="postgres://compgap@$(printf '%s' "$SOCK" | sed 's|/|%2F|g'):$PORT/$FORMS"
KV=$(pgdb forms)
DESCRIBED="postgresql:$FORMS on $SOCK:$PORT"

run_pg init --db "$URI"
expect_status "init with a postgresql:// URI creates the missing database" 0
expect_out "init names the database it created" "created $DESCRIBED (schema version $SCHEMA)"
got=$(test_psql postgres -c "SELECT pg_encoding_to_char(encoding) || ' ' || datcollate
	FROM pg_database WHERE datname = '$FORMS'")
check "the database init created has UTF8 and C collation" [ "$got" = "UTF8 C" ]
for kind in teams competencies roles people; do
	"$COMPGAP_REAL" import "$kind" "$DATA/$kind.csv" --db "$KV" > /dev/null 2>&1
done

run_pg list people --db "$KV"
expect_status "list people with a key=value string" 0
cp "$WORK/out" "$WORK/forms-kv"
check "the key=value string reaches the imported people" grep -q "Jan de Boer" "$WORK/forms-kv"
run_pg list people --db "$URI"
expect_status "list people with the postgresql:// URI" 0
same_files "the postgresql:// URI reaches the same database" "$WORK/forms-kv" "$WORK/out"
run_pg list people --db "$URI2"
expect_status "list people with a postgres:// URI (percent-encoded socket)" 0
same_files "the postgres:// URI reaches the same database" "$WORK/forms-kv" "$WORK/out"
COMPGAP_DB=$KV "$COMPGAP_REAL" list people > "$WORK/out" 2> "$WORK/err"
STATUS=$?
expect_status "list people with a key=value string in \$COMPGAP_DB" 0
same_files "\$COMPGAP_DB reaches the same database" "$WORK/forms-kv" "$WORK/out"
run_pg list people --db "postgresql://compgap:compgap-test@127.0.0.1:$PORT/$FORMS"
expect_status "list people over TCP with the password in the URI" 0
same_files "TCP with a password reaches the same database" "$WORK/forms-kv" "$WORK/out"
PGPASSWORD=compgap-test "$COMPGAP_REAL" list people --db "$COMPGAP_TEST_PG_TCP dbname=$FORMS" \
	> "$WORK/out" 2> "$WORK/err"
STATUS=$?
expect_status "list people over TCP with \$PGPASSWORD" 0
same_files "TCP with \$PGPASSWORD reaches the same database" "$WORK/forms-kv" "$WORK/out"
for form in "$URI" "$URI2" "$KV"; do
	run_pg init --db "$form"
	expect_out "init with $form says the same database is up to date" \
		"$DESCRIBED is up to date (schema version $SCHEMA)"
done
# A file name with '=' whose first word is no libpq keyword stays SQLite.
run_pg init --db "notes=1.db"
expect_status "a file name with '=' in it is a SQLite database" 0
check "the SQLite file with '=' in its name is created" [ -f "$WORK/notes=1.db" ]
expect_out "init names the SQLite file" "created sqlite:notes=1.db"

# ---- 2. connection failures: status, one line, the problem and the fix ----

run_pg list teams --db "host=127.0.0.1 port=1 user=compgap dbname=x"
expect_status "nothing listening: exit 69" 69
one_line "nothing listening: one line on stderr"
expect_err "nothing listening: says it cannot reach the server" "cannot reach postgresql:x on 127.0.0.1:1"
expect_err "nothing listening: says what to check" "is the server running"

run_pg list teams --db "$COMPGAP_TEST_PG_TCP password=wrong-XyZZy dbname=postgres"
expect_status "wrong password: exit 77" 77
one_line "wrong password: one line on stderr"
expect_err "wrong password: says the password was refused" "refused the password of user 'compgap'"
expect_err "wrong password: says where to correct it" "PGPASSWORD"
lacks_err "wrong password: the password is not shown" "XyZZy"
lacks_err "wrong password: the word of the password is not shown" "wrong"
run_pg list teams --db "postgresql://compgap:XyZZy-secret@127.0.0.1:$PORT/postgres"
expect_status "wrong password in a URI: exit 77" 77
lacks_err "wrong password in a URI: the password is not shown" "XyZZy"

run_pg list teams --db "$COMPGAP_TEST_PG_TCP dbname=postgres"
expect_status "no password at all over TCP: exit 77" 77
one_line "no password at all: one line on stderr"
expect_err "no password at all: says one is wanted and where to put it" "wants a password for user 'compgap'; put it in ~/.pgpass or \$PGPASSWORD"

MISSING=$(pgname missing)
run_pg list teams --db "$(pgdb missing)"
expect_status "missing database: exit 66" 66
one_line "missing database: one line on stderr"
expect_err "missing database: names it" "no database at postgresql:$MISSING on $SOCK:$PORT"
expect_err "missing database: says to run compgap init" "compgap init"
got=$(test_psql postgres -c "SELECT count(*) FROM pg_database WHERE datname = '$MISSING'")
check "a command that does not create leaves the database missing" [ "$got" = 0 ]

run_pg list teams --db "host=$SOCK port=$PORT user=nobody_here dbname=postgres"
expect_status "unknown role: exit 77" 77
one_line "unknown role: one line on stderr"
expect_err "unknown role: names the role and the fix" "has no role 'nobody_here'; create it (createuser nobody_here)"

run_pg list teams --db "host=$SOCK dbnam=x"
expect_status "misspelt keyword: exit 64" 64
one_line "misspelt keyword: one line on stderr"
expect_err "misspelt keyword: not a valid connection string" "not a valid PostgreSQL connection string (invalid connection option \"dbnam\")"
expect_err "misspelt keyword: shows the form to write" "write postgresql://USER@HOST:PORT/DATABASE"
run_pg list teams --db "host='$SOCK port=$PORT"
expect_status "unterminated quote: exit 64" 64
one_line "unterminated quote: one line on stderr"
run_pg list teams --db "postgresql://compgap:XyZZy-secret@[127.0.0.1/x"
expect_status "malformed URI: exit 64" 64
one_line "malformed URI: one line on stderr"
expect_err "malformed URI: not a valid connection string" "not a valid PostgreSQL connection string"
lacks_err "malformed URI: the password in it is not shown" "XyZZy"
run_pg list teams --db "postgresql:///postgres?host=$SOCK&password=XyZZy%zz"
expect_status "bad percent-encoding in a URI's password: exit 64" 64
lacks_err "bad percent-encoding: the password is not shown" "XyZZy"
run_pg list teams --db "host=$SOCK password='XyZZy-secret"
expect_status "unterminated quote around a password: exit 64" 64
lacks_err "unterminated quote: the password is not shown" "XyZZy"

# ---- 3. concurrent init -----------------------------------------------------

# Four inits of an empty database while another session holds the
# migration lock: all wait for it, then one migrates and three find the
# schema up to date.
LOCKDB=$(pgname lock)
test_psql postgres -c "CREATE DATABASE $LOCKDB"
mkfifo "$WORK/lockfifo"
test_psql "$LOCKDB" < "$WORK/lockfifo" > "$WORK/lockpsql.out" 2>&1 &
LOCKPSQL=$!
exec 3> "$WORK/lockfifo"
printf 'BEGIN;\nSELECT pg_advisory_xact_lock(7306916122734379313);\n' >&3
ADVISORY="SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database
	WHERE d.datname = '$LOCKDB' AND l.locktype = 'advisory'"
if wait_for 300 "SELECT ($ADVISORY AND l.granted) = 1"; then
	ok "another session holds the migration lock"
else
	not_ok_lines "another session holds the migration lock" "$(cat "$WORK/lockpsql.out")"
fi
pids=""
for i in 1 2 3 4; do
	"$COMPGAP_REAL" init --db "$(pgdb lock)" > "$WORK/init$i.out" 2> "$WORK/init$i.err" &
	pids="$pids $!"
done
if wait_for 300 "SELECT ($ADVISORY AND NOT l.granted) = 4"; then
	ok "all four inits wait for the migration lock"
else
	not_ok_lines "all four inits wait for the migration lock" \
		"$(test_psql postgres -c "$ADVISORY AND NOT l.granted") waiting"
fi
running=0
for p in $pids; do kill -0 "$p" 2> /dev/null && running=$((running + 1)); done
check "the four inits are still running while the lock is held" [ "$running" -eq 4 ]
printf 'COMMIT;\n' >&3
exec 3>&-
wait "$LOCKPSQL"
failed=0
for p in $pids; do wait "$p" || failed=$((failed + 1)); done
check "all four inits exit 0 once the lock is released" [ "$failed" -eq 0 ]
cat "$WORK"/init[1-4].out > "$WORK/inits"
created=$(grep -c "^created " "$WORK/inits")
current=$(grep -c " is up to date (schema version $SCHEMA)" "$WORK/inits")
if [ "$created" -eq 1 ] && [ "$current" -eq 3 ]; then
	ok "exactly one init says created, three say up to date"
else
	not_ok_lines "exactly one init says created, three say up to date" "$(cat "$WORK/inits" "$WORK"/init[1-4].err)"
fi
got=$(test_psql "$LOCKDB" -c "SELECT string_agg(version::text, ',' ORDER BY version) FROM schema_version")
want=$(seq -s, 1 "$SCHEMA")
check "schema_version holds exactly the versions 1 to $SCHEMA" [ "$got" = "$want" ]

# Six inits of a database that does not exist yet: they race to create it,
# and losing that race is no failure.
pids=""
for i in 1 2 3 4 5 6; do
	"$COMPGAP_REAL" init --db "$(pgdb race)" > "$WORK/race$i.out" 2> "$WORK/race$i.err" &
	pids="$pids $!"
done
failed=0
for p in $pids; do wait "$p" || failed=$((failed + 1)); done
if [ "$failed" -eq 0 ]; then ok "six inits creating the same database at once all exit 0"; else
	not_ok_lines "six inits creating the same database at once all exit 0" "$failed failed:" \
		"$(cat "$WORK"/race[1-6].err | sort | uniq -c | head -c 600)"
fi
created=$(cat "$WORK"/race[1-6].out | grep -c "^created ")
check "exactly one of the six says created" [ "$created" -eq 1 ]
run_pg list teams --db "$(pgdb race)"
expect_status "the raced database works" 0

# ---- 4. imports and readers at the same time --------------------------------

# Six evidence files whose sizes are 1001 * 2^i rows: every subset of them
# has its own total, and a total that is not a multiple of 1001 is part of
# an import. A seventh file is refused (its last row names an unknown
# person): none of its rows may ever be seen.
CONC=$(pgdb conc)
org "$CONC"
SIZES="1001 2002 4004 8008 16016 32032"
i=0
for n in $SIZES; do
	gen "$WORK/f$i.csv" "f$i" "$n"
	i=$((i + 1))
done
gen "$WORK/bad.csv" bad 5000
echo "P99,listening,3,self,2026-01-01,,bad-last" >> "$WORK/bad.csv"

# Readers: gaps (the running sums) and export evidence (the rows), in a
# loop until the imports are done; each records what it saw.
: > "$WORK/gaps.seen"
: > "$WORK/export.seen"
reader_gaps() {
	while [ ! -e "$WORK/stop" ]; do
		gaps_total "$CONC" >> "$WORK/gaps.seen"
	done
}
# export.seen: one line per read: the rows of f0..f5, of bad, and in all.
reader_export() {
	while [ ! -e "$WORK/stop" ]; do
		if "$COMPGAP_REAL" export evidence --lf --db "$CONC" > "$WORK/rexp.csv" 2> /dev/null; then
			awk -F, 'NR > 1 { split($NF, t, "-"); c[t[1]]++; n++ }
				END { printf "%d %d %d %d %d %d %d %d\n", c["f0"], c["f1"], c["f2"],
					c["f3"], c["f4"], c["f5"], c["bad"], n }' "$WORK/rexp.csv" >> "$WORK/export.seen"
		else
			echo fail >> "$WORK/export.seen"
		fi
	done
}
reader_gaps &
READ1=$!
reader_export &
READ2=$!
pids=""
for i in 0 1 2 3 4 5; do
	"$COMPGAP_REAL" import evidence "$WORK/f$i.csv" --db "$CONC" > "$WORK/imp$i.out" 2> "$WORK/imp$i.err" &
	pids="$pids $!"
done
"$COMPGAP_REAL" import evidence "$WORK/bad.csv" --db "$CONC" > "$WORK/impbad.out" 2> "$WORK/impbad.err" &
BADPID=$!
i=0
statuses=""
acked=""
expected=0
: > "$WORK/acked.csv"
for p in $pids; do
	wait "$p"
	s=$?
	statuses="$statuses $s"
	if [ "$s" -eq 0 ]; then
		acked="$acked $i"
		n=$(echo "$SIZES" | cut -d' ' -f$((i + 1)))
		expected=$((expected + n))
		tail -n +2 "$WORK/f$i.csv" >> "$WORK/acked.csv"
	fi
	i=$((i + 1))
done
wait "$BADPID"
BADSTATUS=$?
touch "$WORK/stop"
wait "$READ1"
wait "$READ2"
rm -f "$WORK/stop"

if [ "$statuses" = " 0 0 0 0 0 0" ]; then ok "six concurrent evidence imports all exit 0"; else
	not_ok_lines "six concurrent evidence imports all exit 0" "statuses:$statuses" \
		"$(cat "$WORK"/imp[0-5].err | head -n 5)"
fi
check "the concurrent import with a bad row is refused (65)" [ "$BADSTATUS" -eq 65 ]
if grep -qF "bad.csv:5002: person: unknown person 'P99'" "$WORK/impbad.err"; then
	ok "the refused import names its bad row"
else
	not_ok_lines "the refused import names its bad row" "$(head -n 3 "$WORK/impbad.err")"
fi
"$COMPGAP_REAL" export evidence --lf --db "$CONC" | tail -n +2 > "$WORK/final.csv"
same_rows "the evidence is exactly the rows of the imports that succeeded" "$WORK/acked.csv" "$WORK/final.csv"
got=$(test_psql "$(pgname conc)" -c "SELECT count(*) FROM evidence")
check "the evidence count is the sum of the acknowledged files ($expected)" [ "$got" = "$expected" ]
got=$(gaps_total "$CONC")
check "the running sums count every row ($expected)" [ "$got" = "$expected" ]

reads=$(wc -l < "$WORK/gaps.seen")
bad=$(awk '$1 == "fail" || $1 % 1001 != 0 || $1 / 1001 > 63' "$WORK/gaps.seen" | head -n 5)
if [ "$reads" -gt 0 ] && [ -z "$bad" ]; then
	ok "every total that gaps saw during the imports is a sum of whole files ($reads reads)"
else
	not_ok_lines "every total that gaps saw during the imports is a sum of whole files ($reads reads)" "saw: $bad"
fi
reads=$(wc -l < "$WORK/export.seen")
bad=$(awk -v sizes="$SIZES" 'BEGIN { split(sizes, s, " ") }
	$1 == "fail" { print; next }
	{ sum = 0; for (i = 1; i <= 6; i++) { if ($i != 0 && $i != s[i]) { print; next } sum += $i }
	  if ($7 != 0 || $8 != sum) print }' "$WORK/export.seen" | head -n 5)
if [ "$reads" -gt 0 ] && [ -z "$bad" ]; then
	ok "every export during the imports holds each file whole or not at all ($reads reads)"
else
	not_ok_lines "every export during the imports holds each file whole or not at all ($reads reads)" "saw (f0..f5 bad all): $bad"
fi
echo "# readers saw $(sort -u "$WORK/gaps.seen" | wc -l) and $(sort -u "$WORK/export.seen" | wc -l) distinct states"

# The running sums, kept up by six imports at once, equal a rebuild from
# the rows (setting the half-life to its own value rebuilds them).
"$COMPGAP_REAL" gaps --team dept --json --as-of "$AS_OF" --db "$CONC" > "$WORK/sums-before.json"
HALF_LIFE=$("$COMPGAP_REAL" config get half_life --db "$CONC")
run_pg config set half_life "$HALF_LIFE" --db "$CONC"
expect_status "config set half_life to its own value" 0
"$COMPGAP_REAL" gaps --team dept --json --as-of "$AS_OF" --db "$CONC" > "$WORK/sums-after.json"
same_numbers "the running sums after concurrent imports equal a rebuild" \
	"$WORK/sums-before.json" "$WORK/sums-after.json"

# ---- 5. imports, retractions and a half-life change at the same time ---------

# Rows retracted while three more imports run and the half-life changes:
# the sums must still equal a rebuild, and the rows exactly what was
# imported minus what was retracted.
test_psql "$(pgname conc)" -c "SELECT id || ' ' || note FROM evidence WHERE id % 1999 = 0 ORDER BY id" \
	> "$WORK/retract.list"
: > "$WORK/retract.fail"
for i in 0 1 2; do gen "$WORK/g$i.csv" "g$i" 12000; done
pids=""
for i in 0 1 2; do
	"$COMPGAP_REAL" import evidence "$WORK/g$i.csv" --db "$CONC" > "$WORK/impg$i.out" 2> "$WORK/impg$i.err" &
	pids="$pids $!"
done
(
	k=0
	while read -r id _; do
		"$COMPGAP_REAL" retract "$id" --reason "test" --db "$CONC" > /dev/null 2>> "$WORK/retract.fail" ||
			echo "retract $id failed" >> "$WORK/retract.fail"
		k=$((k + 1))
		if [ "$k" -eq 5 ]; then
			"$COMPGAP_REAL" config set half_life 90 --db "$CONC" > /dev/null 2>> "$WORK/retract.fail" ||
				echo "config set failed" >> "$WORK/retract.fail"
		fi
	done < "$WORK/retract.list"
) &
RETRACTER=$!
statuses=""
for p in $pids; do wait "$p"; statuses="$statuses $?"; done
wait "$RETRACTER"
if [ "$statuses" = " 0 0 0" ]; then ok "three imports beside retractions and a setting change exit 0"; else
	not_ok_lines "three imports beside retractions and a setting change exit 0" "statuses:$statuses" \
		"$(cat "$WORK"/impg[0-2].err | head -n 5)"
fi
if [ ! -s "$WORK/retract.fail" ] && [ -s "$WORK/retract.list" ]; then
	ok "every retraction and the setting change succeed ($(wc -l < "$WORK/retract.list") retractions)"
else
	not_ok_lines "every retraction and the setting change succeed" "$(head -n 5 "$WORK/retract.fail")"
fi
cut -d' ' -f2 "$WORK/retract.list" | sed 's/$/$/; s/^/,/' > "$WORK/retract.notes"
{ cat "$WORK/acked.csv"; tail -q -n +2 "$WORK"/g[0-2].csv; } | grep -v -f "$WORK/retract.notes" > "$WORK/expect2.csv"
"$COMPGAP_REAL" export evidence --lf --db "$CONC" | tail -n +2 > "$WORK/final2.csv"
same_rows "the evidence is every imported row but the retracted ones" "$WORK/expect2.csv" "$WORK/final2.csv"
got=$(gaps_total "$CONC")
check "the running sums count exactly the rows in force" [ "$got" = "$(wc -l < "$WORK/expect2.csv")" ]
run_pg config get half_life --db "$CONC"
expect_out "the half-life change is stored" "90"
"$COMPGAP_REAL" gaps --team dept --json --as-of "$AS_OF" --db "$CONC" > "$WORK/sums-before.json"
"$COMPGAP_REAL" config set half_life 90 --db "$CONC" > /dev/null
"$COMPGAP_REAL" gaps --team dept --json --as-of "$AS_OF" --db "$CONC" > "$WORK/sums-after.json"
same_numbers "the running sums after imports, retractions and a setting change equal a rebuild" \
	"$WORK/sums-before.json" "$WORK/sums-after.json"

# ---- 6. two imports that together would close a loop ------------------------

# Two imports that are each fine alone but together would close a loop
# (team x under y and y under x; manager a of b and b of a), made to
# overlap: another session holds the row locks of both keys until both
# imports wait, then lets go. At most one may succeed, and no loop may be
# stored.
# crossing NAME TABLE PARENT_COLUMN KIND KEY1 KEY2 FILE1 FILE2
crossing() {
	cdb=$(pgname cross)
	mkfifo "$WORK/crossfifo"
	test_psql "$cdb" < "$WORK/crossfifo" > "$WORK/crosspsql.out" 2>&1 &
	holder=$!
	exec 4> "$WORK/crossfifo"
	printf "BEGIN;\nSELECT 1 FROM %s WHERE key IN ('%s', '%s') FOR UPDATE;\n" "$2" "$5" "$6" >&4
	wait_for 300 "SELECT count(*) = 1 FROM pg_stat_activity WHERE datname = '$cdb'
		AND state = 'idle in transaction' AND query LIKE '%FOR UPDATE%'" ||
		echo "# $1: the lock holder did not start"
	"$COMPGAP_REAL" import "$4" "$7" --db "$(pgdb cross)" > "$WORK/cross1.out" 2> "$WORK/cross1.err" &
	c1=$!
	"$COMPGAP_REAL" import "$4" "$8" --db "$(pgdb cross)" > "$WORK/cross2.out" 2> "$WORK/cross2.err" &
	c2=$!
	if wait_for 300 "SELECT count(*) = 2 FROM pg_stat_activity WHERE datname = '$cdb'
		AND wait_event_type = 'Lock' AND backend_type = 'client backend'"; then
		ok "$1: both imports are under way at once"
	else
		not_ok_lines "$1: both imports are under way at once"
	fi
	printf 'COMMIT;\n' >&4
	exec 4>&-
	wait "$holder"
	rm -f "$WORK/crossfifo"
	wait "$c1"
	s1=$?
	wait "$c2"
	s2=$?
	if { [ "$s1" -eq 0 ] && [ "$s2" -eq 65 ] && grep -q "would be above itself" "$WORK/cross2.err"; } ||
		{ [ "$s2" -eq 0 ] && [ "$s1" -eq 65 ] && grep -q "would be above itself" "$WORK/cross1.err"; }; then
		ok "$1: one import succeeds, the other is refused for the loop"
	else
		not_ok_lines "$1: one import succeeds, the other is refused for the loop" "exit statuses $s1 and $s2" \
			"$(cat "$WORK/cross1.out" "$WORK/cross1.err" "$WORK/cross2.out" "$WORK/cross2.err")"
	fi
	loops=$(test_psql "$cdb" -c "WITH RECURSIVE up(start, id, depth) AS (
			SELECT id, $3, 1 FROM $2 WHERE $3 IS NOT NULL
			UNION ALL
			SELECT up.start, t.$3, up.depth + 1 FROM up JOIN $2 t ON t.id = up.id
			WHERE t.$3 IS NOT NULL AND up.depth < 50)
		SELECT string_agg(DISTINCT k.key, ' ') FROM up JOIN $2 k ON k.id = up.start WHERE up.start = up.id")
	check "$1: no loop is stored${loops:+ (found one through $loops)}" [ -z "$loops" ]
}
org "$(pgdb cross)"
printf 'key,name,parent\nphone,Phone team,desk\n' > "$WORK/cross-a.csv"
printf 'key,name,parent\ndesk,Desk team,phone\n' > "$WORK/cross-b.csv"
crossing "crossing team imports" team parent_id teams phone desk "$WORK/cross-a.csv" "$WORK/cross-b.csv"
printf 'id,name,manager\nP4,"Smit, Els",P5\n' > "$WORK/cross-a.csv"
printf 'id,name,manager\nP5,Nog Niemand,P4\n' > "$WORK/cross-b.csv"
crossing "crossing manager imports" person manager_id people P4 P5 "$WORK/cross-a.csv" "$WORK/cross-b.csv"
run_pg list teams --db "$(pgdb cross)"
if grep -q "^ \+phone-night " "$WORK/out" && grep -q "^dept .* 5$" "$WORK/out"; then ok "every team is still in the tree under dept"; else
	not_ok_lines "every team is still in the tree under dept" "$(cat "$WORK/out")"
fi

# ---- 7. the server goes away in the middle of an import (keep this last) ----

if [ -z "${COMPGAP_TEST_PGDIR:-}" ]; then
	echo "# skipped: the server-crash test needs COMPGAP_TEST_PGDIR (tools/pg-server.sh)"
	done_testing
	exit 0
fi
# However the script ends, the server runs again afterwards.
SERVER_DOWN=0
trap 'if [ "$SERVER_DOWN" = 1 ]; then (cd / && "$PG_SERVER" resume "$COMPGAP_TEST_PGDIR"); fi;
	drop_test_databases; rm -rf "$WORK"' EXIT
CRASH=$(pgdb crash)
org "$CRASH"
"$COMPGAP_REAL" import evidence "$WORK/f0.csv" --db "$CRASH" > /dev/null
BEFORE=$(test_psql "$(pgname crash)" -c "SELECT count(*) FROM evidence")
# The server may run with synchronous_commit off (pg-server.sh fast), when
# a crash may lose the last commits: make what is there before durable.
test_psql postgres -c CHECKPOINT
gen "$WORK/huge.csv" huge 400000
"$COMPGAP_REAL" import evidence "$WORK/huge.csv" --db "$CRASH" > "$WORK/crash.out" 2> "$WORK/crash.err" &
IMPORTER=$!
if wait_for 300 "SELECT count(*) > 0 FROM pg_stat_activity
	WHERE datname = '$(pgname crash)' AND state = 'active' AND query LIKE 'COPY evidence%'"; then
	ok "the big import is inside its COPY"
else
	not_ok_lines "the big import is inside its COPY"
fi
SERVER_DOWN=1
(cd / && "$PG_SERVER" stop "$COMPGAP_TEST_PGDIR")
wait "$IMPORTER"
STATUS=$?
(cd / && "$PG_SERVER" resume "$COMPGAP_TEST_PGDIR") && SERVER_DOWN=0
check "the server is back" [ "$SERVER_DOWN" = 0 ]
cp "$WORK/crash.err" "$WORK/err"
: > "$WORK/out"
expect_status "the import cut off by the crash exits 69" 69
one_line "the cut-off import says so in one line"
expect_err "the cut-off import says it lost the connection" "lost the connection to postgresql:$(pgname crash)"
expect_err "the cut-off import says to run it again" "run it again"
got=$(test_psql "$(pgname crash)" -c "SELECT count(*) FROM evidence")
check "the evidence count is what it was before the cut-off import ($BEFORE)" [ "$got" = "$BEFORE" ]
got=$(test_psql "$(pgname crash)" -c "SELECT count(*) FROM evidence WHERE note LIKE 'huge-%'")
check "no row of the cut-off import is stored" [ "$got" = 0 ]
got=$(gaps_total "$CRASH")
check "the running sums still count $BEFORE rows" [ "$got" = "$BEFORE" ]
run_pg gaps --team dept --db "$CRASH"
expect_status "gaps works on the database after the crash" 0
run_pg import evidence "$WORK/f1.csv" --db "$CRASH"
expect_status "an import works after the crash" 0

done_testing
