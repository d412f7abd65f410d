#!/bin/sh
# A new password ends the user's other sessions (docs/security.md,
# "Changing a password"; OWASP Session Management Cheat Sheet), on the
# engine under test: changing one's own password on /account/password
# keeps the session in use and ends every other session of that user (a
# page then answers 303 to /login?...&expired=1, the API 401); another
# user's sessions stay; a refused change ends nothing; an administrator's
# `compgap user passwd` ends them all; the audit entry says how many ended.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

DB=$WORK/org.db
NEW="a new passphrase for björn"
"$COMPGAP" demo --db "$DB" > /dev/null
make_role_users
start_or_finish sessions

# web_login JAR USER PASSWORD: signs in through the sign-in form.
web_login() {
	rm -f "$WORK/$1.jar"
	CODE=$(curl -s -o /dev/null -w '%{http_code}' -c "$WORK/$1.jar" --data-urlencode "user=$2" \
		--data-urlencode "password=$3" -d "next=/" "http://127.0.0.1:$PORT/login")
}
# still_in NAME JAR: the session of JAR opens a page (200).
still_in() {
	as "$2" /library
	expect_code "$1" 200
}
# ended NAME JAR: the session of JAR is over: a page answers 303 to the
# sign-in page saying so, the API 401.
ended() {
	as "$2" /library
	if [ "$CODE" = 303 ] && [ "$(location)" = "/login?next=/library&expired=1" ]; then
		ok "$1: a page sends to /login?...&expired=1"
	else
		not_ok "$1: a page sends to /login?...&expired=1" "status $CODE, to $(location)"
	fi
	as "$2" /api/v1/people/KCC-1011
	expect_code "$1: the API answers 401" 401
}

web_login a emp1 "$PASSWORD"
expect_code "session A: signed in through the form" 303
web_login c emp1 "$PASSWORD"
login emp1                # session B, through the API: $WORK/emp1.jar
expect_code "session B: signed in through the API" 200
web_login other admin1 "$PASSWORD"
as a /account/password
tok=$(sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' "$WORK/b" | head -n 1)

# A wrong current password changes nothing and ends nothing.
as a /account/password -X POST --data-urlencode "csrf_token=$tok" \
	--data-urlencode "current=not the password" --data-urlencode "new=$NEW" --data-urlencode "repeat=$NEW"
expect_code "a wrong current password is refused" 422
still_in "... session B still in" emp1
still_in "... session C still in" c

as a /account/password -X POST --data-urlencode "csrf_token=$tok" \
	--data-urlencode "current=$PASSWORD" --data-urlencode "new=$NEW" --data-urlencode "repeat=$NEW"
expect_code "session A changes the password" 303
still_in "the session that changed it stays" a
ended "the API session B" emp1
ended "the other browser session C" c
still_in "another user's session stays" other
"$COMPGAP" audit --db "$DB" > "$WORK/audit" 2>&1
if grep 'user.passwd' "$WORK/audit" | grep -q 'other sessions ended (2)'; then
	ok "the audit entry says two other sessions ended"
else
	not_ok "the audit entry says two other sessions ended" "$(grep user.passwd "$WORK/audit")"
fi
web_login old emp1 "$PASSWORD"
expect_code "the old password no longer signs in" 401
web_login d emp1 "$NEW"
expect_code "the new one does" 303

# An administrator's reset ends every session of the user, A and D too.
printf '%s\n%s\n' "$PASSWORD" "$PASSWORD" | "$COMPGAP" user passwd emp1 --db "$DB" > /dev/null 2>&1
ended "after 'user passwd', session A" a
ended "after 'user passwd', session D" d
still_in "... and another user's session stays" other
"$COMPGAP" audit --db "$DB" > "$WORK/audit" 2>&1
if grep 'user.passwd' "$WORK/audit" | tail -n 1 | grep -q 'all sessions ended (2)'; then
	ok "the reset's audit entry says all sessions ended"
else
	not_ok "the reset's audit entry says all sessions ended" "$(grep user.passwd "$WORK/audit")"
fi
stop
done_testing
