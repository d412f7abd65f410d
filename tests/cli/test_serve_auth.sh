#!/bin/sh
# Signing in to compgap serve and what each role reaches, on the engine
# under test, over loopback with curl: sessions (the cookie's flags, the
# same refusal for a wrong password and an unknown user, the CSRF token on
# what changes state, sign-out, idle expiry, a disabled user), API tokens
# (and a revoked one), the login throttle (429 with Retry-After), and an
# access matrix of the view endpoints: every role against people and
# teams inside and outside its reach, where out of reach answers 404
# exactly as absent.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null

make_role_users
check "a token was created" [ -n "$TOKEN" ]


start_or_finish auth

# ---------------------------------------------------------------- sessions
login emp1
expect_code "an employee signs in" 200
cookie=$(tr -d '\r' < "$WORK/h" | sed -n 's/^Set-Cookie: compgap_session=cgs_[A-Za-z0-9_-]*;/X;/p')
check "the session cookie is HttpOnly and SameSite=Strict, not Secure over HTTP" \
	[ "$cookie" = "X; Path=/; HttpOnly; SameSite=Strict" ]
check "the answer holds a CSRF token" [ -n "$CSRF_emp1" ]
check "the answer names the user and role" grep -q '"role": "employee"' "$WORK/b"
as emp1 /api/v1/me
expect_code "me answers the signed-in user" 200
check "me names the user, role and person" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d == {"user": "emp1", "kind": "user", "role": "employee", "person": "KCC-1011", "teams": []}, d
' "$WORK/b"

login emp1 "not the password at all"
expect_code "a wrong password is refused" 401
expect_error "a wrong password gives bad_credentials" bad_credentials null
cp "$WORK/b" "$WORK/wrong.json"
login nobody_here "$PASSWORD"
expect_code "an unknown user is refused" 401
check "an unknown user gets the same answer as a wrong password" cmp -s "$WORK/b" "$WORK/wrong.json"

CODE=$(curl -s -o "$WORK/b" -w '%{http_code}' -H 'Content-Type: application/json' \
	-d '{"user": "emp1", "password": "x", "remember": true}' "http://127.0.0.1:$PORT/api/v1/session")
expect_code "a sign-in with an unknown field is refused" 400
expect_error "the unknown field is named" unknown_field remember
CODE=$(curl -s -o "$WORK/b" -w '%{http_code}' -H 'Content-Type: application/json' \
	-d '{"user": "emp1"}' "http://127.0.0.1:$PORT/api/v1/session")
expect_error "a missing password is named" missing_field password
CODE=$(curl -s -o "$WORK/b" -w '%{http_code}' -H 'Content-Type: application/json' \
	-d '{"user": "emp1", "password": 12345678901234}' "http://127.0.0.1:$PORT/api/v1/session")
expect_error "a password that is no string is named" wrong_type password
CODE=$(curl -s -o "$WORK/b" -w '%{http_code}' -d 'user=emp1' "http://127.0.0.1:$PORT/api/v1/session")
expect_code "a form body is refused as the wrong media type" 415

# Signing out needs the CSRF token; then the cookie is worth nothing.
login emp1
as emp1 /api/v1/session -X DELETE
expect_code "sign-out without the CSRF token is refused" 403
expect_error "the refusal names the header" csrf X-CSRF-Token
as emp1 /api/v1/session -X DELETE -H "X-CSRF-Token: cgc_not-the-right-one"
expect_code "sign-out with a wrong CSRF token is refused" 403
as emp1 /api/v1/me
expect_code "a refused sign-out left the session" 200
as emp1 /api/v1/session -X DELETE -H "X-CSRF-Token: $CSRF_emp1"
expect_code "sign-out with the CSRF token" 200
expect_header "sign-out clears the cookie" \
	"Set-Cookie: compgap_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
as emp1 /api/v1/me
expect_code "the signed-out session is refused" 401

# A session idle longer than session.idle_minutes (30) ends.
login hr1
sql "UPDATE session SET last_seen = last_seen - 3600, created_at = created_at - 3600
	WHERE account_id = (SELECT id FROM account WHERE name = 'hr1')" > /dev/null
as hr1 /api/v1/me
expect_code "a session idle for an hour is refused" 401

# Disabling a user ends their sessions at once.
login gone1
as gone1 /api/v1/me
expect_code "a user signs in before being disabled" 200
"$COMPGAP" user disable gone1 --db "$DB" > /dev/null 2>&1
as gone1 /api/v1/me
expect_code "a disabled user's session is refused at once" 401
login gone1
expect_code "a disabled user cannot sign in" 401
check "with the same answer as a wrong password" cmp -s "$WORK/b" "$WORK/wrong.json"

# -------------------------------------------------------------- the throttle
# A few failures of one account from one address are free; then each
# further attempt waits a delay that doubles with each failure, the right
# password too, and gets 429 with Retry-After. Wrong passwords until the
# delay is 4 s or more: a shorter one may pass before the next attempt on
# a loaded machine (under the sanitizers a request can take a second).
retry=0
n=0
while [ $n -lt 20 ]; do
	n=$((n + 1))
	login coach1 "wrong password number $n"
	retry=$(tr -d '\r' < "$WORK/h" | sed -n 's/^Retry-After: \([0-9]*\)$/\1/p')
	[ "$CODE" = 429 ] && [ "${retry:-0}" -ge 4 ] && break
	[ "$CODE" = 429 ] && sleep 0.5
done
expect_code "failures in a row are throttled" 429
expect_error "the throttle answers too_many_attempts" too_many_attempts null
check "with a Retry-After that grew to 4 s or more ($n attempts)" [ "${retry:-0}" -ge 4 ]
login coach1
expect_code "the right password waits too" 429
sleep "$((retry + 1))"
login coach1
expect_code "after the wait, the right password signs in" 200

# ------------------------------------------------------------ the matrix
login admin1
login mgr1
login emp1
check "every role has signed in" [ -n "$CSRF_admin1" -a -n "$CSRF_mgr1" -a -n "$CSRF_coach1" ]
printf '%s\n' "$PASSWORD" | "$COMPGAP" user enable gone1 --db "$DB" > /dev/null 2>&1
login hr1

# reach USER PATH WANT: USER's GET of PATH answers WANT.
reach() {
	as "$1" "$2"
	expect_code "$1 GET $2: $3" "$3"
	[ "$3" = 404 ] && expect_error "$1 GET $2: answered as if absent" not_found key
}
# token PATH WANT: the same with the API token.
token() {
	CODE=$(curl -s -o "$WORK/b" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
		"http://127.0.0.1:$PORT$1")
	expect_code "the online coach's token GET $1: $2" "$2"
}

for u in admin1 hr1; do
	reach $u /api/v1/people/KCC-1011 200
	reach $u /api/v1/people/KCC-1031 200
	reach $u /api/v1/teams/kcc/gaps 200
done
# The manager: themselves, their reports, the teams their reports are in.
reach mgr1 /api/v1/people/KCC-1010 200
reach mgr1 /api/v1/people/KCC-1012 200
reach mgr1 "/api/v1/people/KCC-1012/explain?competency=customer-focus" 200
reach mgr1 /api/v1/people/KCC-1031 404
reach mgr1 /api/v1/people/KCC-1001 404
reach mgr1 /api/v1/teams/kcc-phone/gaps 200
reach mgr1 /api/v1/teams/kcc-phone/recommendations 200
reach mgr1 /api/v1/teams/kcc-desk/gaps 404
reach mgr1 /api/v1/teams/kcc/gaps 404
# The coach: the people of their team and its sub-teams, and the team.
reach coach1 /api/v1/people/KCC-1031 200
reach coach1 /api/v1/people/KCC-1011 404
reach coach1 /api/v1/teams/kcc-desk/gaps 200
reach coach1 "/api/v1/teams/kcc-desk/trend?from=2026-01-01&to=2026-10-31" 200
reach coach1 /api/v1/teams/kcc-phone/gaps 404
reach coach1 /api/v1/teams/kcc/gaps 404
# The employee: themselves only.
reach emp1 /api/v1/people/KCC-1011 200
reach emp1 "/api/v1/people/KCC-1011/explain?competency=customer-focus" 200
reach emp1 /api/v1/people/KCC-1012 404
reach emp1 "/api/v1/people/KCC-1012/explain?competency=customer-focus" 404
reach emp1 /api/v1/people/KCC-1010 404
reach emp1 /api/v1/teams/kcc-phone/gaps 404
reach emp1 /api/v1/teams/kcc-phone/report 404
# What does not exist answers as what is out of reach.
as emp1 /api/v1/people/KCC-1012
cp "$WORK/b" "$WORK/out-of-reach.json"
as emp1 /api/v1/people/NO-SUCH-ONE
check "an absent person and one out of reach answer alike (but for the key)" \
	[ "$(sed 's/KCC-1012/X/' "$WORK/out-of-reach.json")" = "$(sed 's/NO-SUCH-ONE/X/' "$WORK/b")" ]

# An API token of a coach of kcc-online.
token /api/v1/people/KCC-1051 200
token /api/v1/people/KCC-1031 404
token /api/v1/teams/kcc-online/gaps 200
token /api/v1/teams/kcc-desk/gaps 404
token /api/v1/me 200
"$COMPGAP" token revoke online-coach --db "$DB" > /dev/null 2>&1
token /api/v1/me 401
token /api/v1/people/KCC-1051 401

# /metrics on the server's own address is for admins.
as emp1 /metrics
expect_code "metrics refused to an employee" 403
as admin1 /metrics
expect_code "metrics for an admin" 200

# Behind a proxy that terminates TLS, the cookie is Secure.
"$COMPGAP" config set session.secure_cookie 1 --db "$DB" > /dev/null
login emp1
check "with session.secure_cookie 1 the cookie is Secure" \
	sh -c "tr -d '\r' < '$WORK/h' | grep -q '^Set-Cookie: compgap_session=cgs_.*; Secure$'"

# The audit log has the sign-ins, every read of another person's data
# and every request out of reach; not a read of one's own.
"$COMPGAP" audit --user emp1 --db "$DB" > "$WORK/audit" 2>&1
check "the audit log records emp1's sign-ins" grep -q "login" "$WORK/audit"
"$COMPGAP" audit --json --db "$DB" > "$WORK/audit.json" 2>&1
check "the audit log records reads and refusals as they happened" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
entries = d["audit"]
reads = [(e["actor"], e["outcome"], e["object_kind"], e["object_key"], e.get("person"))
         for e in entries if e["action"] == "read"]
def has(*x): assert x in reads, (x, reads)
has("emp1", "denied", "person", "KCC-1012", "KCC-1012")
has("emp1", "denied", "team", "kcc-phone", None)
has("mgr1", "ok", "person", "KCC-1012", "KCC-1012")
has("mgr1", "ok", "team", "kcc-phone", None)
has("coach1", "denied", "person", "KCC-1011", "KCC-1011")
has("token:online-coach", "ok", "team", "kcc-online", None)
assert not [r for r in reads if r[0] == "emp1" and r[3] == "KCC-1011"], "an own read is logged"
' "$WORK/audit.json"

stop
check "the server stops with status 0" [ "$STOPPED" = 0 ]

# Behind a trusted reverse proxy the client is the last X-Forwarded-For
# entry; from any other peer the header is ignored.
"$COMPGAP" serve --trusted-proxy 127.0.0.1,proxy --db "$DB" > "$WORK/out" 2> "$WORK/err"
check "a trusted proxy that is no address is refused" [ $? = 64 ]
check "the refusal names the entry" grep -q "not 'proxy'" "$WORK/err"
failed_login_from() {
	curl -s -o /dev/null -H 'Content-Type: application/json' -H "X-Forwarded-For: $1" \
		-d '{"user": "emp1", "password": "wrong wrong wrong"}' \
		"http://127.0.0.1:$PORT/api/v1/session"
}
start proxied --trusted-proxy 127.0.0.1
failed_login_from "198.51.100.1, 203.0.113.7"
stop
start direct --trusted-proxy 10.9.9.9
failed_login_from 203.0.113.8
stop
"$COMPGAP" audit --json --user emp1 --db "$DB" > "$WORK/audit.json" 2>&1
check "the audit log names the client behind a trusted proxy, and the peer otherwise" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
failed = [e["address"] for e in d["audit"] if e["action"] == "login" and e["outcome"] != "ok"]
assert failed[-2:] == ["203.0.113.7", "127.0.0.1"], failed
' "$WORK/audit.json"
check "the access log names the client too" grep -q '"address":"203.0.113.7"' "$WORK/proxied.log"

done_testing
