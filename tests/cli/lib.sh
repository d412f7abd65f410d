# Helpers for the command-line tests: each check prints "ok NAME" or
# "not ok NAME" with what went wrong; a script ends with `done_testing`.
# $COMPGAP is the binary under test; every test works in its own temp dir.
set -u
: "${COMPGAP:?set COMPGAP to the compgap binary}"
case $COMPGAP in /*) ;; *) COMPGAP=$(pwd)/$COMPGAP ;; esac
DATA=$(cd "$(dirname "$0")" && pwd)/data
WORK=$(mktemp -d "${TMPDIR:-/tmp}/compgap-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
export COMPGAP_DB="$WORK/default.db"
unset COMPGAP_TODAY

ok() { echo "ok $1"; }
not_ok() { echo "not ok $1"; shift; for line in "$@"; do echo "#   $line"; done; }

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
	for kind in teams people competencies indicators roles evidence; do
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
