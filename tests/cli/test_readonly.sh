#!/bin/sh
# Databases the user cannot write just now: one that is read-only to them
# (a file, directory or mount; a read-only PostgreSQL database) answers
# every read and refuses writes as read-only; one that another process
# holds locked is waited for as long as --busy-timeout says, and the
# message says so.
. "$(dirname "$0")/lib.sh"

ASOF=2026-10-31
"$COMPGAP" demo --db "$WORK/demo.db" > /dev/null 2>&1 || not_ok "the demo"
"$COMPGAP" gaps --team kcc --as-of $ASOF --db "$WORK/demo.db" > "$WORK/gaps-rw.txt" 2>&1

# reads_work LABEL DB: every command that only reads answers from DB; the
# gaps are those of the writable original.
reads_work() {
	label=$1
	db=$2
	for args in "list teams" "list people --team kcc-online" "show person KCC-1053" \
		"show competency conflict-handling" "person KCC-1053 --as-of $ASOF" \
		"explain --person KCC-1053 --competency digital-skills --as-of $ASOF" \
		"recommend --team kcc-back --as-of $ASOF" \
		"trend --team kcc-phone --from 2026-05-01 --to $ASOF" \
		"export evidence" "config" "config get half_life" "init"; do
		# shellcheck disable=SC2086
		reader "$COMPGAP" $args --db "$db" > "$WORK/out" 2> "$WORK/err"
		STATUS=$?
		expect_status "$label: $args" 0
	done
	reader "$COMPGAP" report --team kcc --as-of $ASOF -o "$OUTDIR/kcc.html" --db "$db" \
		> "$WORK/out" 2> "$WORK/err"
	STATUS=$?
	expect_status "$label: report" 0
	reader "$COMPGAP" gaps --team kcc --as-of $ASOF --db "$db" > "$WORK/out" 2> "$WORK/err"
	STATUS=$?
	expect_status "$label: gaps" 0
	same_files "$label: the gaps are the original's" "$WORK/gaps-rw.txt" "$WORK/out"
}

# writes_refused LABEL DB TEXT: every write fails with 77 and says TEXT.
writes_refused() {
	printf 'person,competency,level,source,date\nKCC-1053,communication,3,manager,2026-11-12\n' \
		> "$OUTDIR/one.csv"
	for args in "import evidence $OUTDIR/one.csv" "retract 5 --reason wrong" \
		"config set half_life 100"; do
		# shellcheck disable=SC2086
		reader "$COMPGAP" $args --db "$2" > "$WORK/out" 2> "$WORK/err"
		STATUS=$?
		expect_status "$1: $args is refused" 77
		expect_err "$1: $args says the database is read-only" "$3"
	done
}

if [ "$ENGINE" = sqlite ]; then
	# Root may write any file: the reader is then nobody, in a directory
	# that nobody may enter.
	RO=$(mktemp -d "${TMPDIR:-/tmp}/compgap-ro.XXXXXX")
	trap 'chmod -R u+w "$RO"; rm -rf "$RO" "$WORK"' EXIT
	chmod 755 "$RO"
	OUTDIR=$RO/out
	mkdir "$OUTDIR" && chmod 777 "$OUTDIR"
	if [ "$(id -u)" = 0 ]; then
		reader() { setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups "$@"; }
	else
		reader() { "$@"; }
	fi
	if ! reader test -x "$COMPGAP"; then
		ok "# skip read-only databases: the reader cannot run $COMPGAP"
	else
		# A WAL database in a read-only directory: no -shm can be made.
		mkdir "$RO/ro"
		cp "$WORK/demo.db" "$RO/ro/demo.db"
		chmod 444 "$RO/ro/demo.db"
		chmod 555 "$RO/ro"
		reads_work "read-only directory" "$RO/ro/demo.db"
		writes_refused "read-only directory" "$RO/ro/demo.db" "is read-only for this user"
		[ ! -e "$RO/ro/demo.db-wal" ] && ok "nothing was made beside it" ||
			not_ok "nothing was made beside it"

		# Changes left in the -wal file (a writer that ended without a
		# checkpoint, or a copy of the file and its -wal without the
		# -shm): read as it is the file would show old figures, so it
		# is refused and says why (found by review).
		mkdir "$RO/wal"
		cp "$WORK/demo.db" "$RO/wal/demo.db"
		python3 - "$RO/wal/demo.db" <<'PYEOF'
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA wal_autocheckpoint = 0")
c.execute("UPDATE team SET name = 'Changed in the WAL' WHERE key = 'kcc'")
c.commit()
os._exit(0)  # no checkpoint at close
PYEOF
		rm -f "$RO/wal/demo.db-shm"
		chmod 444 "$RO/wal/demo.db"
		chmod 555 "$RO/wal"
		if [ -s "$RO/wal/demo.db-wal" ]; then
			reader "$COMPGAP" list teams --db "$RO/wal/demo.db" > "$WORK/out" 2> "$WORK/err"
			STATUS=$?
			expect_status "changes left in the -wal: refused, not read stale" 77
			expect_err "changes left in the -wal: the message says why" "its -wal file holds changes"
		else
			not_ok "changes left in the -wal: the test could not leave a -wal file"
		fi

		# A read-only file in a directory the reader may write.
		mkdir "$RO/rw"
		cp "$WORK/demo.db" "$RO/rw/demo.db"
		chmod 444 "$RO/rw/demo.db"
		chmod 777 "$RO/rw"
		reads_work "read-only file" "$RO/rw/demo.db"
		writes_refused "read-only file" "$RO/rw/demo.db" "is read-only for this user"

		# One that needs a migration cannot have it.
		mkdir "$RO/old"
		cp "$WORK/demo.db" "$RO/old/demo.db"
		python3 -c "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript('DELETE FROM schema_version WHERE version >= 6; DROP TABLE checkin; DROP TABLE key_result; DROP TABLE objective; DROP TABLE plan_action; DROP TABLE webhook_delivery; DROP TABLE webhook_endpoint; DROP TABLE coaching_followup; DROP TABLE coaching_item; DROP TABLE coaching_star; DROP TABLE coaching_evaluation; DROP TABLE coaching_agent; DROP TABLE coaching_session; DROP TABLE evaluation_score; DROP TABLE evaluation; DROP TABLE scorecard_area; DROP TABLE scorecard_version; DROP TABLE scorecard; DROP TABLE data_generation; DROP TABLE competency_text; DROP TABLE indicator_text; DROP TABLE role_text; DROP TABLE evidence_star; DROP TABLE account_team; DROP TABLE api_token_team; DROP TABLE session; DROP TABLE account; DROP TABLE api_token; DROP TABLE audit_log'); c.commit()" "$RO/old/demo.db"
		chmod 444 "$RO/old/demo.db"
		chmod 555 "$RO/old"
		reader "$COMPGAP" list teams --db "$RO/old/demo.db" > "$WORK/out" 2> "$WORK/err"
		STATUS=$?
		expect_status "a read-only database that needs a migration" 77
		expect_err "a read-only database that needs a migration says why" "is read-only for this user"
	fi

	# Another process holds the write lock (python3's sqlite3, as any
	# program could): the writer waits --busy-timeout seconds, then says
	# how long it waited and who holds the lock.
	mkfifo "$WORK/hold"
	python3 -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.read()
c.execute("ROLLBACK")
' "$WORK/demo.db" < "$WORK/hold" > "$WORK/holding" &
	holder=$!
	exec 3> "$WORK/hold"
	while [ ! -s "$WORK/holding" ] && kill -0 "$holder" 2>/dev/null; do sleep 0.05; done
	run retract 5 --reason wrong --busy-timeout 1 --db "$WORK/demo.db"
	expect_status "a write while another process holds the lock" 75
	expect_err "the busy message says how long it waited" "gave up after waiting 1.0 s"
	expect_err "the busy message says another process holds the lock" "another process holds a lock on database"
	COMPGAP_BUSY_TIMEOUT=0.3 "$COMPGAP" config set half_life 100 --db "$WORK/demo.db" > "$WORK/out" 2> "$WORK/err"
	STATUS=$?
	expect_status "\$COMPGAP_BUSY_TIMEOUT sets the wait" 75
	expect_err "\$COMPGAP_BUSY_TIMEOUT's wait is the one named" "gave up after waiting 0.3 s"
	run --busy-timeout 0 retract 5 --reason wrong --db "$WORK/demo.db"
	expect_err "--busy-timeout before the command" "gave up after waiting 0.0 s"
	run --busy-timeout=0.2 retract 5 --reason wrong --db "$WORK/demo.db"
	expect_err "--busy-timeout=SECONDS before the command, as after it" "gave up after waiting 0.2 s"
	run list teams --busy-timeout 0 --db "$WORK/demo.db"
	expect_status "a reader does not wait for a writer" 0
	exec 3>&-
	wait "$holder"
	run retract 5 --reason wrong --busy-timeout 1 --db "$WORK/demo.db"
	expect_status "the write goes through once the lock is free" 0
	run list teams --busy-timeout soon --db "$WORK/demo.db"
	expect_status "a --busy-timeout that is no number" 64
	expect_err "a --busy-timeout that is no number is named" "--busy-timeout: 'soon' is not a number of seconds"
	COMPGAP_BUSY_TIMEOUT=-2 "$COMPGAP" list teams --db "$WORK/demo.db" > "$WORK/out" 2> "$WORK/err"
	STATUS=$?
	expect_status "a \$COMPGAP_BUSY_TIMEOUT that is no number" 64
	expect_err "a \$COMPGAP_BUSY_TIMEOUT that is no number is named" "\$COMPGAP_BUSY_TIMEOUT: '-2' is not"
fi

if [ "$ENGINE" = postgresql ]; then
	reader() { "$@"; }
	OUTDIR=$WORK
	target=$("$COMPGAP" --map "$WORK/demo.db")
	name=${target##*dbname=}
	# A read-only replica, as far as a client can tell.
	test_psql postgres -c "ALTER DATABASE \"$name\" SET default_transaction_read_only = on"
	reads_work "read-only PostgreSQL database" "$WORK/demo.db"
	writes_refused "read-only PostgreSQL database" "$WORK/demo.db" "is read-only (a standby, or default_transaction_read_only is on)"
	test_psql postgres -c "ALTER DATABASE \"$name\" SET default_transaction_read_only = off"

	# A lock held by another client: waited for only as long as asked.
	mkfifo "$WORK/hold"
	psql -X -q -At -d "$COMPGAP_TEST_PG dbname=$name" < "$WORK/hold" > "$WORK/holding" 2>&1 &
	holder=$!
	exec 3> "$WORK/hold"
	echo "BEGIN; LOCK TABLE evidence IN ACCESS EXCLUSIVE MODE; SELECT 'locked';" >&3
	while ! grep -q locked "$WORK/holding" && kill -0 "$holder" 2>/dev/null; do sleep 0.05; done
	run retract 5 --reason wrong --busy-timeout 1 --db "$WORK/demo.db"
	expect_status "a write while another client holds a lock" 75
	expect_err "the message says how long it waited" "gave up after waiting 1.0 s"
	echo "ROLLBACK;" >&3
	exec 3>&-
	wait "$holder"
	run retract 5 --reason wrong --busy-timeout 1 --db "$WORK/demo.db"
	expect_status "the write goes through once the lock is free" 0
fi

done_testing
