#!/bin/sh
# SIGTERM during a CSV upload loses nothing that was acknowledged and
# stores nothing half, on the engine under test: a large evidence file
# (200,000 rows) is sent slowly (curl --limit-rate) and the server is told
# to stop while the body is still arriving.
#   - With time enough to drain, the upload completes, is imported and
#     answered 2xx, and every row is stored; the server then exits 0.
#   - With a drain timeout shorter than the upload, the connection is cut
#     before the body is whole; nothing is answered and no row is stored;
#     the server exits 0.
# Either way `compgap check` passes.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null
make_role_users
ROWS=200000
awk -v n=$ROWS 'BEGIN { print "person,competency,level,source,date,assessor,note";
	for (i = 0; i < n; i++)
		printf "KCC-%d,communication,%d,qa,2025-%02d-%02d,,upload %d\n", 1030 + i % 10,
			1 + i % 5, 1 + i % 12, 1 + i % 28, i }' > "$WORK/big.csv"
SIZE=$(wc -c < "$WORK/big.csv")

count_evidence() {
	"$COMPGAP" export evidence --db "$DB" | wc -l | tr -d ' '
}

# upload_and_stop NAME RATE DRAIN: starts a server with --drain-timeout
# DRAIN, uploads the file at RATE bytes a second as admin1, and sends
# SIGTERM once the body has begun to arrive (the server has answered
# curl's "Expect: 100-continue" with 100, after which curl sends it) and
# while it is still being sent. Sets UPLOAD (the status, 000
# when none came), STOPPED, and MIDWAY (1 when curl was still running at
# the signal).
upload_and_stop() {
	if ! start "$1" --drain-timeout "$3"; then
		not_ok "the server starts ($1)" "$(cat "$WORK/$1.log")"
		return 1
	fi
	login admin1
	rm -f "$WORK/trace" "$WORK/code"
	curl -sv -o "$WORK/b" -w '%{http_code}' --limit-rate "$2" \
		-b "$WORK/admin1.jar" -H "X-CSRF-Token: $CSRF_admin1" -H 'Content-Type: text/csv' \
		--data-binary "@$WORK/big.csv" "http://127.0.0.1:$PORT/api/v1/imports/evidence" \
		> "$WORK/code" 2> "$WORK/trace" &
	CURL=$!
	i=0
	while ! grep -q '^< HTTP/1.1 100' "$WORK/trace" 2> /dev/null && [ $i -lt 400 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	MIDWAY=0
	kill -0 "$CURL" 2> /dev/null && MIDWAY=1
	stop
	wait "$CURL"
	UPLOAD=$(cat "$WORK/code")
}

before=$(count_evidence)
# 10.7 MB at 4 MB/s: about 3 s of upload, well within a 60 s drain.
upload_and_stop drained 4000000 60
check "the signal came while the body was being sent" [ "$MIDWAY" = 1 ]
check "the server exits 0 after draining" [ "$STOPPED" = 0 ]
check "the upload in flight was answered 200" [ "$UPLOAD" = 200 ]
check "and it says all $ROWS rows were stored" grep -q "\"rows\": $ROWS" "$WORK/b"
check "the database holds all of them" [ "$(count_evidence)" = "$((before + ROWS))" ]
check "the log says it stopped on SIGTERM" grep -q '"event":"stopping","message":"SIGTERM"' "$WORK/drained.log"
run check --db "$DB"
expect_status "compgap check passes" 0

before=$(count_evidence)
# At 400 kB/s the upload needs about 27 s; the drain waits 1 s.
upload_and_stop cut 400000 1
check "the signal came while the body was being sent" [ "$MIDWAY" = 1 ]
check "the server exits 0 when the drain times out" [ "$STOPPED" = 0 ]
# curl asks "Expect: 100-continue": the interim 100 is all it can have got.
check "the cut upload got no final answer ($UPLOAD)" [ "$UPLOAD" = 000 -o "$UPLOAD" = 100 ]
check "and no row of it is stored" [ "$(count_evidence)" = "$before" ]
check "the log names the drain timeout" grep -q '"event":"drain_timeout"' "$WORK/cut.log"
run check --db "$DB"
expect_status "compgap check passes" 0
before=$(count_evidence)
# At 20 MB/s the body is whole in half a second, and the import (seconds
# for 200,000 rows) outlasts the drain of 1 s: whatever the client was
# told, the rows are all stored or none, and all of them after a 2xx.
upload_and_stop racing 20000000 1
check "the server exits 0 with an import running at the drain timeout" [ "$STOPPED" = 0 ]
after=$(count_evidence)
check "the database holds all rows of the upload or none ($UPLOAD, $((after - before)) rows)" \
	[ "$after" = "$before" -o "$after" = "$((before + ROWS))" ]
case $UPLOAD in 2*) check "a 2xx answer means all were stored" [ "$after" = "$((before + ROWS))" ] ;; esac
run check --db "$DB"
expect_status "compgap check passes" 0
check "the file was as large as meant ($SIZE bytes)" [ "$SIZE" -gt 10000000 ]
done_testing
