#!/bin/sh
# The server keeps the view documents it has made (http/view_cache.h) and
# batches the audit entries of reads (http/audit_queue.h), on the engine
# under test: a cached answer is the command line's --json bytes before
# and after every kind of change — evidence added and retracted over the
# API, evidence imported and a setting changed by another process (the
# command line) — and every read of another person's data is in the
# audit log soon after its answer, and all of them once the server has
# stopped; denied requests are logged before they are answered.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null
make_role_users
AUDIT_FLUSH_MS=100    # the default: reads are logged in batches
start_or_finish cache
login admin1

# metric NAME: the value of a line of /metrics.
metric() {
	as admin1 /metrics
	sed -n "s/^$1 //p" "$WORK/b"
}

# same_as_cli NAME PATH CLI-ARGS...: admin1's GET PATH answers 200 with
# the bytes that `compgap CLI-ARGS --json` prints now.
same_as_cli() {
	name=$1
	path=$2
	shift 2
	as admin1 "$path"
	"$COMPGAP" "$@" --json --db "$DB" > "$WORK/cli.json"
	if [ "$CODE" = 200 ] && cmp -s "$WORK/b" "$WORK/cli.json"; then ok "$name"; else
		not_ok "$name" "status $CODE" "$(diff "$WORK/b" "$WORK/cli.json" | head -n 6)"
	fi
}

# differs A B: the files A and B differ.
differs() { ! cmp -s "$1" "$2"; }

GAPS=/api/v1/teams/kcc-online/gaps
# ------------------------------------------------------------------ hits
hits0=$(metric compgap_view_cache_hits_total)
same_as_cli "gaps: the command line's bytes" $GAPS gaps --team kcc-online
cp "$WORK/b" "$WORK/first.json"
same_as_cli "gaps again: the same bytes" $GAPS gaps --team kcc-online
check "the second answer came from the cache" [ "$(metric compgap_view_cache_hits_total)" = $((hits0 + 1)) ]
check "the cache holds bytes" [ "$(metric compgap_view_cache_bytes)" -gt 0 ]
same_as_cli "a person's view, twice: the command line's bytes" /api/v1/people/KCC-1051 \
	person KCC-1051
same_as_cli "... from the cache the second time" /api/v1/people/KCC-1051 person KCC-1051
same_as_cli "a trend, twice: the command line's bytes" \
	"/api/v1/teams/kcc-online/trend?from=2026-01-01&to=2026-10-31" \
	trend --team kcc-online --from 2026-01-01 --to 2026-10-31
same_as_cli "... from the cache the second time" \
	"/api/v1/teams/kcc-online/trend?from=2026-01-01&to=2026-10-31" \
	trend --team kcc-online --from 2026-01-01 --to 2026-10-31
same_as_cli "another date is another document" "$GAPS?as_of=2026-06-30" \
	gaps --team kcc-online --as-of 2026-06-30

# Recommendations are the same for admin and hr (cached), but withhold
# mentors out of a manager's reach: a manager's are never the cached ones.
login mgr1
RECS=/api/v1/teams/kcc-phone/recommendations
as mgr1 $RECS
cp "$WORK/b" "$WORK/mgr.json"
same_as_cli "recommendations for an admin: the command line's bytes" $RECS \
	recommend --team kcc-phone
hits=$(metric compgap_view_cache_hits_total)
same_as_cli "... from the cache the second time" $RECS recommend --team kcc-phone
check "... counted as a hit" [ "$(metric compgap_view_cache_hits_total)" = $((hits + 1)) ]
check "a manager's recommendations withhold what the admin's show" differs "$WORK/mgr.json" "$WORK/b"
as mgr1 $RECS
check "the manager's, asked again, are still their own" cmp -s "$WORK/b" "$WORK/mgr.json"

# --------------------------------------------------- changes invalidate
# An API write: evidence that moves KCC-1051's customer focus.
as admin1 /api/v1/evidence -X POST -H "X-CSRF-Token: $CSRF_admin1" \
	-H 'Content-Type: application/json' \
	-d "{\"person\": \"KCC-1051\", \"competency\": \"customer-focus\", \"level\": 1,
	     \"source\": \"manager\", \"date\": \"$(date -u +%Y-%m-%d)\", \"note\": \"cache-1\"}"
expect_code "evidence is added over the API" 201
same_as_cli "gaps after the API's write: the new bytes" $GAPS gaps --team kcc-online
check "... which differ from the first" differs "$WORK/b" "$WORK/first.json"
same_as_cli "the person's view after it, likewise" /api/v1/people/KCC-1051 person KCC-1051

# Another process imports evidence.
printf 'person,competency,level,source,date,assessor,note\nKCC-1052,customer-focus,5,manager,%s,,cache-2\n' \
	"$(date -u +%Y-%m-%d)" > "$WORK/ev.csv"
cp "$WORK/b" "$WORK/before.json"
"$COMPGAP" import evidence "$WORK/ev.csv" --db "$DB" > /dev/null
same_as_cli "gaps after another process's import: the new bytes" $GAPS gaps --team kcc-online
check "... which differ from before it" differs "$WORK/b" "$WORK/before.json"

# Another process changes a setting that every level depends on.
cp "$WORK/b" "$WORK/before.json"
"$COMPGAP" config set half_life 90 --db "$DB" > /dev/null
same_as_cli "gaps after another process's setting: the new bytes" $GAPS gaps --team kcc-online
check "... which differ from before it" differs "$WORK/b" "$WORK/before.json"

# A retraction over the API.
id=$(sql "SELECT id FROM evidence WHERE note = 'cache-1'")
cp "$WORK/b" "$WORK/before.json"
as admin1 "/api/v1/evidence/$id/retraction" -X POST -H "X-CSRF-Token: $CSRF_admin1" \
	-H 'Content-Type: application/json' -d '{"reason": "a test"}'
expect_code "the row is retracted over the API" 200
same_as_cli "gaps after the retraction: the new bytes" $GAPS gaps --team kcc-online
check "... which differ from before it" differs "$WORK/b" "$WORK/before.json"

# --------------------------------------------------------------- audit
# reads: how many reads of admin1's are in the audit log.
reads() { sql "SELECT count(*) FROM audit_log WHERE actor = 'admin1' AND action = 'read'"; }
sleep 1    # the reads above, written by now
before=$(reads)
for i in 1 2 3 4 5; do as admin1 $GAPS; done
sleep 1
check "five reads are in the audit log within a second" [ "$(reads)" = $((before + 5)) ]
for i in 1 2 3 4 5 6 7 8 9 10; do as admin1 "$GAPS?as_of=2026-0$((i % 9 + 1))-01"; done
stop
check "the server stopped cleanly" [ "$STOPPED" = 0 ]
check "every read is in the log after the stop" [ "$(reads)" = $((before + 15)) ]

# Denials are logged before they are answered, reads too with
# --audit-flush-ms 0.
AUDIT_FLUSH_MS=0
start_or_finish cache2
login emp1
login admin1
denied() { sql "SELECT count(*) FROM audit_log WHERE actor = 'emp1' AND outcome = 'denied'"; }
d0=$(denied)
as emp1 $GAPS
expect_code "an employee is denied another team's gaps" 404
check "... which the log holds at once" [ "$(denied)" = $((d0 + 1)) ]
r0=$(reads)
as admin1 $GAPS
check "with --audit-flush-ms 0 a read is in the log at once" [ "$(reads)" = $((r0 + 1)) ]
stop
done_testing
