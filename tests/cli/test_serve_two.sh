#!/bin/sh
# PostgreSQL only: two `compgap serve` on one database, as behind a load
# balancer (docs/deployment.md). A session begun on server A works on
# server B, its CSRF token too; signing out on B ends it on A; a user
# disabled and a token revoked from the command line are refused by both
# at once; evidence imported from the command line is seen by both at
# once, and a login on one is in the audit log that both write.
# Runs when $COMPGAP_TEST_PG is set (tools/pg-server.sh).
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

if [ "$ENGINE" != postgresql ]; then
	echo "# skipped: two servers on one database need COMPGAP_TEST_PG (tools/pg-server.sh)"
	done_testing
	exit 0
fi

DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null
make_role_users
check "a token was created" [ -n "$TOKEN" ]

if ! start a; then
	not_ok "server A starts" "$(cat "$WORK/a.log")"
	done_testing
	exit 0
fi
PID_A=$PID
PORT_A=$PORT
if ! start b; then
	not_ok "server B starts" "$(cat "$WORK/b.log")"
	PID=$PID_A
	stop
	done_testing
	exit 0
fi
PID_B=$PID
PORT_B=$PORT
check "A and B listen on two ports" [ "$PORT_A" != "$PORT_B" ]
on_a() { PORT=$PORT_A; }
on_b() { PORT=$PORT_B; }

# ------------------------------------------------- one session, two servers
on_a
login emp1
expect_code "emp1 signs in on A" 200
on_b
as emp1 /api/v1/me
expect_code "A's session cookie is known to B" 200
check "B names the user A signed in" grep -q '"user": "emp1"' "$WORK/b"
as emp1 /api/v1/people/KCC-1011
expect_code "on B, emp1 sees their own view" 200
as emp1 /api/v1/people/KCC-1012
expect_code "on B, emp1's reach is still their own: another person is 404" 404
as emp1 /api/v1/session -X DELETE
expect_code "on B, signing out without A's CSRF token is refused" 403
as emp1 /api/v1/session -X DELETE -H "X-CSRF-Token: $CSRF_emp1"
expect_code "on B, signing out with the CSRF token that A gave" 200
on_a
as emp1 /api/v1/me
expect_code "signed out on B: the cookie is refused on A" 401
on_b
as emp1 /api/v1/me
expect_code "signed out on B: the cookie is refused on B" 401

# ---------------------------------------------- disabled from the command line
on_a
login mgr1
cp "$WORK/mgr1.jar" "$WORK/mgr1-a.jar"
on_b
login mgr1
cp "$WORK/mgr1.jar" "$WORK/mgr1-b.jar"
as mgr1-a /api/v1/me
expect_code "mgr1's session of A works on B" 200
on_a
as mgr1-b /api/v1/me
expect_code "mgr1's session of B works on A" 200
run user disable mgr1 --db "$DB"
expect_status "mgr1 is disabled from the command line" 0
for server in a b; do
	eval "PORT=\$PORT_$(echo $server | tr a-z A-Z)"
	for jar in mgr1-a mgr1-b; do
		as $jar /api/v1/me
		expect_code "disabled: the session begun as $jar is refused by $server" 401
	done
	login mgr1
	expect_code "disabled: mgr1 cannot sign in on $server" 401
done

# -------------------------------------------------- revoked from the command line
for server in A B; do
	eval "PORT=\$PORT_$server"
	get $server /api/v1/teams/kcc-online/gaps -H "Authorization: Bearer $TOKEN"
	expect_code "the token works on $server" 200
done
run token revoke online-coach --db "$DB"
expect_status "the token is revoked from the command line" 0
for server in A B; do
	eval "PORT=\$PORT_$server"
	get $server /api/v1/teams/kcc-online/gaps -H "Authorization: Bearer $TOKEN"
	expect_code "revoked: the token is refused by $server" 401
done

# ------------------------------------------------ a write seen by both at once
ADMIN=$("$COMPGAP" token create two-admin --role admin --db "$DB" 2> /dev/null |
	grep -o 'cgt_[A-Za-z0-9_-]*' | head -n 1)
explain=/api/v1/people/KCC-1011/explain?competency=collaboration
for server in A B; do
	eval "PORT=\$PORT_$server"
	get $server "$explain" -H "Authorization: Bearer $ADMIN"
	expect_code "before the import, $server explains KCC-1011's collaboration" 200
	cp "$WORK/b" "$WORK/before-$server.json"
done
same_files "before the import, A and B give the same document" "$WORK/before-A.json" "$WORK/before-B.json"
check "before the import, the new row is nowhere" sh -c '! grep -q "seen by both servers" "$1"' - "$WORK/before-A.json"
printf 'person,competency,level,source,date,assessor,note\nKCC-1011,collaboration,1.5,manager,%s,KCC-1010,seen by both servers\n' \
	"$(date -u +%Y-%m-%d)" > "$WORK/one.csv"
run import evidence "$WORK/one.csv" --db "$DB"
expect_status "one evidence row is imported from the command line" 0
for server in B A; do
	eval "PORT=\$PORT_$server"
	get $server "$explain" -H "Authorization: Bearer $ADMIN"
	expect_code "after the import, $server answers" 200
	cp "$WORK/b" "$WORK/after-$server.json"
	check "after the import, $server shows the new row at once" grep -q '"note": "seen by both servers"' "$WORK/b"
done
same_files "after the import, A and B give the same document" "$WORK/after-A.json" "$WORK/after-B.json"

# ----------------------------------------------------- one audit log for both
on_b
login hr1
expect_code "hr1 signs in on B" 200
cp "$WORK/hr1.jar" "$WORK/hr1-b.jar"
on_a
login hr1 "not the password at all"
expect_code "a wrong password on A" 401
run audit --user hr1 --json --db "$DB"
expect_status "the audit log is read from the command line" 0
check "the audit log holds B's login and A's failed one" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
rows = d["audit"]
outcomes = sorted(r["outcome"] for r in rows if r["action"] == "login")
assert outcomes == ["failed", "ok"], outcomes
' "$WORK/out"

PID=$PID_A
stop
check "A stops cleanly" [ "$STOPPED" -eq 0 ]
on_b
as hr1-b /api/v1/me
expect_code "with A stopped, B still serves hr1" 200
PID=$PID_B
stop
check "B stops cleanly" [ "$STOPPED" -eq 0 ]
done_testing
