# Helpers for the command-line tests: each check prints "ok NAME" or
# "not ok NAME" with what went wrong; a script ends with `done_testing`.
# $COMPGAP is the binary under test; every test works in its own temp dir.
set -u
: "${COMPGAP:?set COMPGAP to the compgap binary}"
case $COMPGAP in /*) ;; *) COMPGAP=$(pwd)/$COMPGAP ;; esac
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=$HERE/data
# The schema version this compgap migrates to (src/store/backend.h).
SCHEMA=15
WORK=$(mktemp -d "${TMPDIR:-/tmp}/compgap-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
export COMPGAP_DB="$WORK/default.db"
unset COMPGAP_TODAY

# The tests' Python is Debian's /usr/bin/python3 (tools/deps.sh installs
# it, with python3-openpyxl) when there is one, not whatever comes first
# in PATH: a version manager's shim there (pyenv's) costs some 150 ms of
# CPU a start, and the tests start Python thousands of times.
if [ -x /usr/bin/python3 ]; then
	python3() { /usr/bin/python3 "$@"; }
fi

# The engine under test: SQLite, or PostgreSQL when $COMPGAP_TEST_PG holds
# a connection string without dbname (tools/pg-server.sh prints one). Then
# pg-wrap.sh turns every database path into a database of that server,
# and they are dropped when the script ends.
ENGINE=sqlite
if [ -n "${COMPGAP_TEST_PG:-}" ]; then
	ENGINE=postgresql
	COMPGAP_REAL=$COMPGAP
	COMPGAP=$HERE/pg-wrap.sh
	COMPGAP_TEST_WORK=$WORK
	COMPGAP_TEST_DBPREFIX=t_$(basename "$WORK" | sed 's/.*\.//' | tr 'A-Z' 'a-z')_
	export COMPGAP_REAL COMPGAP_TEST_WORK COMPGAP_TEST_DBPREFIX
	trap 'drop_test_databases; rm -rf "$WORK"' EXIT
fi

# psql on the test server's database NAME (default: postgres).
test_psql() {
	db=$1
	shift
	psql -X -q -At -v ON_ERROR_STOP=1 -d "$COMPGAP_TEST_PG dbname=$db" "$@"
}

# sql SQL: runs SQL on the database $DB with the engine's own client.
sql() {
	if [ "$ENGINE" = sqlite ]; then
		sqlite3 "$DB" "$1"
	else
		target=$("$COMPGAP" --map "$DB")
		test_psql "${target##*dbname=}" -c "$1"
	fi
}

# sql_value SQL: the one value SQL gives, without the clients' padding.
sql_value() {
	sql "$1" | tr -d ' \r'
}

# pycheck NAME FILE SCRIPT: runs the Python SCRIPT with the JSON document
# FILE as d, json, sys, Fraction as F, and near(a, b) (a equals b to
# 1e-9); ok NAME when no assertion fails.
pycheck() {
	if python3 -c "
import json, sys
from fractions import Fraction as F
d = json.load(open(sys.argv[1]))
def near(a, b):
    assert a is not None and abs(a - float(b)) < 1e-9, (a, float(b))
$3" "$2" 2> "$WORK/pyerr"; then ok "$1"; else
		not_ok "$1" "$(tail -n 3 "$WORK/pyerr")"
	fi
}

drop_test_databases() {
	test_psql postgres -c "SELECT datname FROM pg_database
		WHERE left(datname, ${#COMPGAP_TEST_DBPREFIX}) = '$COMPGAP_TEST_DBPREFIX'" |
		while read -r name; do
			test_psql postgres -c "DROP DATABASE \"$name\" WITH (FORCE)" || true
		done
}

# db_exists PATH: the database PATH stands for exists.
db_exists() {
	if [ "$ENGINE" = sqlite ]; then
		[ -f "$1" ]
		return
	fi
	target=$("$COMPGAP" --map "$1")
	[ "$(test_psql postgres -c "SELECT count(*) FROM pg_database WHERE datname = '${target##*dbname=}'")" = 1 ]
}

# db_named PATH: how a message names the database PATH stands for: the
# quoted path, or the description of a PostgreSQL database.
db_named() {
	if [ "$ENGINE" = sqlite ]; then printf "'%s'" "$1"; else db_describe "$1"; fi
}

# db_describe PATH: how compgap names the database PATH in its messages.
db_describe() {
	if [ "$ENGINE" = sqlite ]; then
		printf 'sqlite:%s' "$1"
		return
	fi
	target=$("$COMPGAP" --map "$1")
	printf 'postgresql:%s on %s:%s' "${target##*dbname=}" \
		"$(printf '%s' "$COMPGAP_TEST_PG" | sed 's/.*host=\([^ ]*\).*/\1/')" \
		"$(printf '%s' "$COMPGAP_TEST_PG" | sed 's/.*port=\([^ ]*\).*/\1/')"
}

ok() { echo "ok $1"; }
not_ok() { echo "not ok $1"; shift; for line in "$@"; do echo "#   $line"; done; }

# check NAME CMD...: ok when CMD succeeds.
check() {
	name=$1
	shift
	if "$@"; then ok "$name"; else not_ok "$name" "failed: $*"; fi
}

# run CMD...: runs compgap, keeping its status, stdout and stderr.
run() {
	"$COMPGAP" "$@" > "$WORK/out" 2> "$WORK/err"
	STATUS=$?
}

# expect_status NAME STATUS: the last run exited with STATUS.
expect_status() {
	if [ "$STATUS" -eq "$2" ]; then ok "$1"; else
		not_ok "$1" "exit status $STATUS, expected $2" "stderr: $(head -c 600 "$WORK/err")"
	fi
}

# expect_err NAME TEXT: stderr of the last run contains TEXT (fixed string).
expect_err() {
	if grep -qF -- "$2" "$WORK/err"; then ok "$1"; else
		not_ok "$1" "stderr lacks: $2" "stderr: $(head -c 800 "$WORK/err")"
	fi
}

# expect_out NAME TEXT: stdout of the last run contains TEXT.
expect_out() {
	if grep -qF -- "$2" "$WORK/out"; then ok "$1"; else
		not_ok "$1" "stdout lacks: $2" "stdout: $(head -c 800 "$WORK/out")"
	fi
}

# same_files NAME A B: the files are identical.
same_files() {
	if cmp -s "$2" "$3"; then ok "$1"; else
		not_ok "$1" "$2 and $3 differ:" "$(diff "$2" "$3" | head -n 10)"
	fi
}

# same_rows NAME A B: the files hold the same lines in any order.
same_rows() {
	sort "$2" > "$WORK/rows-a"
	sort "$3" > "$WORK/rows-b"
	same_files "$1" "$WORK/rows-a" "$WORK/rows-b"
}

# snapshot DB DIR: exports every kind of DB into DIR.
snapshot() {
	mkdir -p "$2"
	for kind in teams people competencies indicators roles evidence scorecards evaluations; do
		"$COMPGAP" export "$kind" --db "$1" > "$2/$kind.csv" || echo "export $kind failed" >&2
	done
}

# same_snapshot NAME DIR1 DIR2: two snapshots are identical.
same_snapshot() {
	if diff -r "$2" "$3" > "$WORK/snapdiff"; then ok "$1"; else
		not_ok "$1" "$(head -n 10 "$WORK/snapdiff")"
	fi
}

done_testing() { echo "# done"; }
