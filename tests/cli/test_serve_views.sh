#!/bin/sh
# The read-only view endpoints give exactly the bytes of the command
# line's --json (and the report's HTML), on the engine under test, through
# the real server with a fake authenticator (tests/api/fake_serve.c: the
# header "Authorization: Bearer test-ROLE" is a caller of that role); bad
# parameters answer 400 or 404 naming the parameter.
. "$(dirname "$0")/lib.sh"

FAKE=$(dirname "${COMPGAP_REAL:-$COMPGAP}")/tests/fake_serve
if [ ! -x "$FAKE" ]; then
	not_ok "the fake server is built ($FAKE; make check builds it)"
	done_testing
	exit 0
fi
DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null
TARGET=$DB
[ "$ENGINE" = postgresql ] && TARGET=$("$COMPGAP" --map "$DB")

. "$HERE/serve_lib.sh"
SERVER=$FAKE
SERVE_DB=$TARGET
start server
if [ -z "$PORT" ]; then
	not_ok "the fake server starts" "$(cat "$WORK/server.log")"
	done_testing
	exit 0
fi

# get PATH [ROLE]: status in CODE, headers in $WORK/h, body in $WORK/b.
get() {
	CODE=$(curl -s -o "$WORK/b" -D "$WORK/h" -w '%{http_code}' \
		-H "Authorization: Bearer test-${2:-admin}" "http://127.0.0.1:$PORT$1")
}

# same_as_cli NAME PATH CLI-ARGS...: GET PATH answers 200 with the bytes
# that `compgap CLI-ARGS --json` prints.
same_as_cli() {
	name=$1
	path=$2
	shift 2
	get "$path"
	"$COMPGAP" "$@" --json --db "$DB" > "$WORK/cli.json"
	if [ "$CODE" = 200 ] && cmp -s "$WORK/b" "$WORK/cli.json"; then ok "$name"; else
		not_ok "$name" "status $CODE" "$(diff "$WORK/b" "$WORK/cli.json" | head -n 6)"
	fi
}

D=2026-10-31
same_as_cli "team gaps: the bytes of 'gaps --json'" "/api/v1/teams/kcc-online/gaps?as_of=$D" \
	gaps --team kcc-online --as-of "$D"
same_as_cli "the whole organisation's gaps, likewise" "/api/v1/teams/kcc/gaps?as_of=$D" \
	gaps --team kcc --as-of "$D"
same_as_cli "gaps of a past date, likewise" "/api/v1/teams/kcc-phone/gaps?as_of=2026-03-15" \
	gaps --team kcc-phone --as-of 2026-03-15
same_as_cli "gaps as of today by default, likewise" "/api/v1/teams/kcc-desk/gaps" \
	gaps --team kcc-desk
same_as_cli "recommendations: the bytes of 'recommend --json'" \
	"/api/v1/teams/kcc/recommendations?as_of=$D" recommend --team kcc --as-of "$D"
same_as_cli "trend: the bytes of 'trend --json'" \
	"/api/v1/teams/kcc-online/trend?from=2026-01-01&to=$D" \
	trend --team kcc-online --from 2026-01-01 --to "$D"
same_as_cli "trend of one competency, likewise" \
	"/api/v1/teams/kcc/trend?from=2025-12-15&to=$D&competency=customer-focus" \
	trend --team kcc --from 2025-12-15 --to "$D" --competency customer-focus
same_as_cli "person: the bytes of 'person --json'" "/api/v1/people/KCC-1002?as_of=$D" \
	person KCC-1002 --as-of "$D"
same_as_cli "explain: the bytes of 'explain --json'" \
	"/api/v1/people/KCC-1002/explain?competency=customer-focus&as_of=$D" \
	explain --person KCC-1002 --competency customer-focus --as-of "$D"
same_as_cli "a percent-encoded key and '+' for a space decode as expected" \
	"/api/v1/people/KCC%2D1002/explain?competency=customer%2Dfocus&as_of=$D" \
	explain --person KCC-1002 --competency customer-focus --as-of "$D"

get "/api/v1/teams/kcc-online/gaps?as_of=$D"
if tr -d '\r' < "$WORK/h" | grep -qx "Content-Type: application/json" &&
   tr -d '\r' < "$WORK/h" | grep -qx "Cache-Control: no-store" &&
   tr -d '\r' < "$WORK/h" | grep -q "^Content-Length: $(wc -c < "$WORK/b" | tr -d ' ')$"; then
	ok "a view is JSON, not cached, with its length"
else
	not_ok "a view is JSON, not cached, with its length" "$(tr -d '\r' < "$WORK/h")"
fi

get "/api/v1/teams/kcc/report?as_of=$D"
"$COMPGAP" report --team kcc --as-of "$D" -o "$WORK/cli.html" --db "$DB" > /dev/null
if [ "$CODE" = 200 ] && cmp -s "$WORK/b" "$WORK/cli.html"; then
	ok "report: the bytes of 'report -o'"
else
	not_ok "report: the bytes of 'report -o'" "status $CODE"
fi
if tr -d '\r' < "$WORK/h" | grep -qx "Content-Type: text/html; charset=utf-8" &&
   tr -d '\r' < "$WORK/h" | grep -qx 'Content-Disposition: attachment; filename="kcc-report.html"'; then
	ok "the report is HTML, sent as an attachment"
else
	not_ok "the report is HTML, sent as an attachment" "$(tr -d '\r' < "$WORK/h")"
fi

# expect NAME STATUS CODE FIELD: the last answer's status and error.
expect() {
	if [ "$CODE" = "$2" ] && python3 -c '
import json, sys
e = json.load(open(sys.argv[1]))["error"]
assert e["code"] == sys.argv[2] and e["field"] == (None if sys.argv[3] == "null" else sys.argv[3]), e
' "$WORK/b" "$3" "$4" 2> "$WORK/pyerr"; then ok "$1"; else
		not_ok "$1" "status $CODE" "$(head -c 300 "$WORK/b")"
	fi
}

get "/api/v1/teams/nowhere/gaps"
expect "an unknown team answers 404 naming key" 404 not_found key
get "/api/v1/teams/nowhere/report"
expect "also for the report" 404 not_found key
get "/api/v1/people/NOBODY"
expect "an unknown person answers 404 naming key" 404 not_found key
get "/api/v1/people/KCC-1002/explain?competency=nothing"
expect "an unknown competency answers 404 naming competency" 404 not_found competency
get "/api/v1/people/KCC-1002/explain"
expect "a missing competency answers 400 naming it" 400 missing_parameter competency
get "/api/v1/teams/kcc/gaps?as_of=2026-02-30"
expect "a date that does not exist answers 400 naming as_of" 400 bad_date as_of
get "/api/v1/teams/kcc/gaps?as_of=yesterday"
expect "a date that is no date, likewise" 400 bad_date as_of
get "/api/v1/teams/kcc/trend?to=$D"
expect "a trend without from answers 400 naming from" 400 missing_parameter from
get "/api/v1/teams/kcc/trend?from=2026-05-01&to=2026-01-01"
expect "a trend from after to answers 400 naming from" 400 bad_range from
get "/api/v1/teams/kcc/gaps?asof=$D"
expect "an unknown query parameter answers 400 naming it" 400 unknown_parameter asof
# Out of reach answers exactly as if it did not exist (the fake server lets
# an employee see KCC-1002 and kcc-online only).
get "/api/v1/people/KCC-1003?as_of=$D" employee
cp "$WORK/b" "$WORK/hidden"
hidden=$CODE
get "/api/v1/people/KCC-1003?as_of=$D" admin
[ "$CODE" = 200 ] && ok "an admin sees KCC-1003" || not_ok "an admin sees KCC-1003" "status $CODE"
get "/api/v1/people/NOBODY?as_of=$D" employee
sed 's/NOBODY/KCC-1003/' "$WORK/b" > "$WORK/absent"
same_files "a person out of reach gets the answer of one who does not exist" "$WORK/absent" "$WORK/hidden"
CODE=$hidden
cp "$WORK/hidden" "$WORK/b"
expect "a person out of reach answers 404 naming key" 404 not_found key
get "/api/v1/teams/kcc/recommendations" employee
expect "a team out of reach, likewise" 404 not_found key
get "/api/v1/people/KCC-1003/explain?competency=customer-focus" employee
expect "and an explanation about someone out of reach" 404 not_found key
get "/api/v1/people/KCC-1002?as_of=$D" employee
[ "$CODE" = 200 ] && ok "what is in reach answers 200" || not_ok "what is in reach answers 200" "status $CODE"
get "/api/v1/teams/kcc-online/gaps?as_of=$D" employee
[ "$CODE" = 200 ] && ok "a team in reach answers 200" || not_ok "a team in reach answers 200" "status $CODE"

get "/api/v1/teams/kcc/gaps" nobody
expect "an unknown token answers 401" 401 unauthenticated null
get "/metrics" employee
expect "metrics on the main address are for admins only: 403" 403 forbidden null
get "/metrics" admin
[ "$CODE" = 200 ] && ok "an admin reads the metrics on the main address" ||
	not_ok "an admin reads the metrics on the main address" "status $CODE"

kill -TERM "$PID"
wait "$PID"
STOPPED=$?
[ "$STOPPED" -eq 0 ] && ok "the server stops with exit status 0" ||
	not_ok "the server stops with exit status 0" "status $STOPPED"
grep -q '"user":"test-admin"' "$WORK/server.log" && ok "the access log names the caller" ||
	not_ok "the access log names the caller"

# The documents are written in $TMPDIR: where it cannot be written, the
# answer is 500 in the error shape, not half a document.
saved_tmpdir=${TMPDIR-}
TMPDIR=$WORK/no-such-dir
export TMPDIR
start server2
if [ -n "$saved_tmpdir" ]; then TMPDIR=$saved_tmpdir; else unset TMPDIR; fi
get "/api/v1/teams/kcc/gaps?as_of=$D"
expect "a view that cannot be written to \$TMPDIR answers 500" 500 internal null
kill -TERM "$PID"
wait "$PID"

done_testing
