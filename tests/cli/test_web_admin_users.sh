#!/bin/sh
# The admin pages of users and API tokens (src/web/admin_users.c,
# admin_user.c, admin_tokens.c; docs/web.md, "Admin: users and tokens")
# over loopback with curl, on the engine under test: every other role
# gets 403; a user added signs in; a bad role, a weak password, a name
# taken, a missing person and an unknown team each named beside their
# field with nothing stored; a role change; disabling ends the user's
# session; a new password ends it too; an admin cannot disable or demote
# themselves and the last admin is kept (the command line agrees); a
# token's secret shown once works as Bearer until revoked; CSRF; the
# audit log; no inline code.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null
make_role_users
start_or_finish admin

page_login() {
	rm -f "$WORK/$1.jar"
	CODE=$(curl -s -o /dev/null -w '%{http_code}' -c "$WORK/$1.jar" --data-urlencode "user=$1" \
		--data-urlencode "password=${2:-$PASSWORD}" --data-urlencode "next=/" \
		"http://127.0.0.1:$PORT/login")
}
users() {
	"$COMPGAP" user list --db "$DB" | wc -l
}
audit_has() {
	if "$COMPGAP" audit --db "$DB" 2> /dev/null | grep -E -- "$2" > /dev/null; then ok "$1"; else
		not_ok "$1" "no audit entry matching '$2'" "$("$COMPGAP" audit --db "$DB" | tail -5)"
	fi
}
NEWPW="zomerfeest bij de molen"
# post USER PATH FIELDS...: a form with USER's CSRF token ($CSRF_USER).
post() {
	u=$1
	p=$2
	shift 2
	eval "tok=\$CSRF_$u"
	set -- --data-urlencode "csrf_token=$tok" "$@"
	page "$u" "$p" "$@"
}

# ------------------------------------------------------------------ roles
for u in hr1 mgr1 coach1 emp1; do
	page_login "$u"
	for path in /admin/users /admin/tokens /admin/users/admin1; do
		page "$u" "$path"
		expect_code "$u: GET $path is 403" 403
	done
	page "$u" /library
	eval "CSRF_$u=\$(csrf_of)"
	n=$(users)
	post "$u" /admin/users --data-urlencode name=sneaky --data-urlencode role=admin \
		--data-urlencode "password=$NEWPW" --data-urlencode "repeat=$NEWPW"
	expect_code "$u: POST /admin/users is 403" 403
	check "$u: and adds nobody" [ "$(users)" = "$n" ]
	post "$u" /admin/users/hr1/status --data-urlencode disabled=1
	expect_code "$u: disabling a user is 403" 403
	post "$u" /admin/tokens --data-urlencode name=sneaky --data-urlencode role=admin
	expect_code "$u: creating a token is 403" 403
done
as_api() {
	CODE=$(curl -s -o "$WORK/b" -w '%{http_code}' -H "Authorization: Bearer $1" \
		"http://127.0.0.1:$PORT/api/v1/me")
}

page_login admin1
page admin1 /admin/users
expect_code "admin: the users page" 200
CSRF_admin1=$(csrf_of)
clean_page "the users page"
expect_header "is not cached" "Cache-Control: no-store"
body_has "lists the users" '<a href="/admin/users/mgr1">mgr1</a>'
body_has "with their person linked" '<a href="/people/KCC-1010" class="key">KCC-1010</a>'
body_has "links to the tokens page" '<a href="/admin/tokens">'
body_has "the last sign-in" '<time datetime='
page admin1 "/admin/users?lang=nl"
body_has "in Dutch" '<h1>Gebruikers</h1>'
page admin1 "/admin/users?lang=sv"
body_has "in Swedish" '<h1>Användare</h1>'
page admin1 "/admin/users?lang=en"

# ------------------------------------------------------------ adding a user
n=$(users)
post admin1 /admin/users --data-urlencode name=newbie --data-urlencode role=chief \
	--data-urlencode "password=$NEWPW" --data-urlencode "repeat=$NEWPW"
expect_code "a bad role: 422" 422
body_has "named beside the role" '<p class="error" id="role-error">Choose one of the roles.</p>'
body_has "tied to its select" 'name="role" aria-invalid="true" aria-describedby="role-error"'
body_has "the name typed is kept" 'value="newbie"'
body_lacks "the password typed is not sent back" "$NEWPW"
post admin1 /admin/users --data-urlencode name=newbie --data-urlencode role=hr \
	--data-urlencode "password=Welkom2024!!" --data-urlencode "repeat=Welkom2024!!"
expect_code "a weak password: 422" 422
body_has "named beside the password, in the policy's words" '<p class="error" id="password-error">'
body_has "tied to it" 'aria-invalid="true" aria-describedby="password-error password-hint"'
post admin1 /admin/users --data-urlencode name=newbie --data-urlencode role=hr \
	--data-urlencode "password=$NEWPW" --data-urlencode "repeat=something else"
expect_code "the two passwords differ: 422" 422
body_has "named beside the repeat" '<p class="error" id="repeat-error">'
post admin1 /admin/users --data-urlencode name=mgr1 --data-urlencode role=hr \
	--data-urlencode "password=$NEWPW" --data-urlencode "repeat=$NEWPW"
expect_code "a name taken: 422" 422
body_has "named beside the name" '<p class="error" id="name-error">A user named mgr1 exists already.'
post admin1 /admin/users --data-urlencode "name=bad name" --data-urlencode role=hr \
	--data-urlencode "password=$NEWPW" --data-urlencode "repeat=$NEWPW"
expect_code "a name with a space: 422" 422
body_has "named beside the name" '<p class="error" id="name-error">Use 1 to 64 letters'
post admin1 /admin/users --data-urlencode name=newbie --data-urlencode role=employee \
	--data-urlencode "password=$NEWPW" --data-urlencode "repeat=$NEWPW"
expect_code "an employee without a person: 422" 422
body_has "named beside the person" '<p class="error" id="person-error">A manager or an employee needs'
post admin1 /admin/users --data-urlencode name=newbie --data-urlencode role=employee \
	--data-urlencode person=KCC-9999 --data-urlencode "password=$NEWPW" --data-urlencode "repeat=$NEWPW"
expect_code "an unknown person: 422" 422
body_has "named beside the person" '<p class="error" id="person-error">No person has the key KCC-9999.'
post admin1 /admin/users --data-urlencode name=newbie --data-urlencode role=coach \
	--data-urlencode "teams=kcc-desk, no-such-team" --data-urlencode "password=$NEWPW" \
	--data-urlencode "repeat=$NEWPW"
expect_code "an unknown team: 422" 422
body_has "named beside the teams" '<p class="error" id="teams-error">No team has the key no-such-team.'
post admin1 /admin/users --data-urlencode "name=<b>x" --data-urlencode role=hr \
	--data-urlencode "password=$NEWPW" --data-urlencode "repeat=$NEWPW"
body_has "what was typed comes back escaped" 'value="&lt;b&gt;x"'
clean_page "a refused form"
check "nothing was stored by the refused forms" [ "$(users)" = "$n" ]

post admin1 /admin/users --data-urlencode name=newbie --data-urlencode role=employee \
	--data-urlencode "person= KCC-1031 " --data-urlencode "password=$NEWPW" \
	--data-urlencode "repeat=$NEWPW"
expect_code "a good form: 303" 303
expect_location "to the list, saying who" "/admin/users?added=newbie"
page admin1 "$(location)"
body_has "which says so" "User newbie was added."
body_has "and lists them with their person" '<a href="/people/KCC-1031" class="key">KCC-1031</a>'
audit_has "user.add is in the audit log, by the admin" "admin1 +user.add +user newbie .*ok"
page_login newbie "$NEWPW"
expect_code "the new user signs in" 303
page newbie /api/v1/me
body_has "as an employee" '"role": "employee"'

# ----------------------------------------------------------- the user's page
page admin1 /admin/users/newbie
expect_code "the user's page" 200
clean_page "the user's page"
body_has "shows the sessions" "Open sessions"
body_has "the form holds the stored person" 'name="person" type="text" value="KCC-1031"'
page admin1 /admin/users/nobody-here
expect_code "an unknown user is 404" 404
page admin1 "/admin/users/bad%20name"
expect_code "a name that cannot be is 404" 404

post admin1 /admin/users/newbie/role --data-urlencode role=coach --data-urlencode teams=
expect_code "a coach without teams: 422" 422
body_has "named beside the teams" '<p class="error" id="teams-error">A coach needs at least one team'
post admin1 /admin/users/newbie/role --data-urlencode role=coach --data-urlencode "teams=kcc-desk,kcc-phone"
expect_code "a role change: 303" 303
expect_location "to the user's page" "/admin/users/newbie?done=role"
page admin1 "$(location)"
body_has "which says so" "The role and links were saved."
body_has "the new role" "<dd>Coach</dd>"
body_has "the teams" '<span class="key">kcc-desk</span>, <span class="key">kcc-phone</span>'
body_has "the person unlinked" '<dt>Person</dt><dd>none</dd>'
audit_has "user.change in the audit log" "admin1 +user.change +user newbie .*ok +role coach, teams kcc-desk,kcc-phone"
page newbie /api/v1/me
body_has "the user's session now acts as a coach" '"role": "coach"'

# ---------------------------------------------------------------- disabling
page newbie /
expect_code "the user's session works" 200
post admin1 /admin/users/newbie/status --data-urlencode disabled=1
expect_code "disabling: 303" 303
expect_location "to the user's page" "/admin/users/newbie?done=disabled"
page newbie /
expect_code "the user's session ends at once" 303
expect_location "to the sign-in page" "/login?expired=1"
page_login newbie "$NEWPW"
expect_code "and they cannot sign in" 401
audit_has "user.disable in the audit log" "admin1 +user.disable +user newbie .*ok"
page admin1 /admin/users/newbie
body_has "the page says disabled" "<dd>Disabled</dd>"
body_has "and offers to enable" "Enable user"
post admin1 /admin/users/newbie/status --data-urlencode disabled=maybe
expect_code "a status that is neither 0 nor 1: 422" 422
post admin1 /admin/users/newbie/status --data-urlencode disabled=0
expect_code "enabling: 303" 303
page_login newbie "$NEWPW"
expect_code "they sign in again" 303

# ---------------------------------------------------- oneself, the last admin
page admin1 /admin/users/admin1
body_lacks "no button to disable oneself" "Disable user"
post admin1 /admin/users/admin1/status --data-urlencode disabled=1
expect_code "an admin disabling themselves: 422" 422
body_has "says why" "you cannot disable your own account"
post admin1 /admin/users/admin1/role --data-urlencode role=hr
expect_code "an admin changing their own role: 422" 422
body_has "beside the role" '<p class="error" id="role-error">Nothing was changed: you cannot change your own role'
page admin1 /api/v1/me
body_has "still an admin" '"role": "admin"'
audit_has "the refusal is in the audit log" "admin1 +user.disable +user admin1 .*failed"
if printf '' | "$COMPGAP" user disable admin1 --db "$DB" > /dev/null 2> "$WORK/err"; then
	not_ok "the command line cannot disable the last admin either"
else
	check "the command line cannot disable the last admin either" grep -q "last enabled admin" "$WORK/err"
fi
"$COMPGAP" user list --db "$DB" > "$WORK/list"
check "admin1 is still enabled" grep -qE '^admin1 +admin .*active' "$WORK/list"

# ----------------------------------------------------------- a new password
page newbie /
expect_code "the user is signed in" 200
post admin1 /admin/users/newbie/password --data-urlencode "password=newbie2024!!" \
	--data-urlencode "repeat=newbie2024!!"
expect_code "a weak new password: 422" 422
body_has "named beside it" '<p class="error" id="password-error">'
post admin1 /admin/users/newbie/password --data-urlencode "password=fietsen langs het kanaal" \
	--data-urlencode "repeat=fietsen langs het kanaal"
expect_code "a new password: 303" 303
expect_location "to the user's page" "/admin/users/newbie?done=password"
page newbie /
expect_code "the user's session ended" 303
page_login newbie "$NEWPW"
expect_code "the old password no longer works" 401
page_login newbie "fietsen langs het kanaal"
expect_code "the new one does" 303
audit_has "user.passwd in the audit log" "admin1 +user.passwd +user newbie .*ok +all sessions ended"
page admin1 /admin/users
expect_code "the admin's own session is untouched" 200

# One's own new password (/account/password) ends one's other sessions
# but keeps the one in use.
page_login hr1
cp "$WORK/hr1.jar" "$WORK/hr1b.jar"
page_login hr1
page hr1b /
expect_code "hr1's first session works" 200
page hr1 /account/password
CSRF_hr1=$(csrf_of)
post hr1 /account/password --data-urlencode "current=$PASSWORD" \
	--data-urlencode "new=$NEWPW" --data-urlencode "repeat=$NEWPW"
expect_code "hr1 changes their own password" 303
page hr1 /
expect_code "the session in use stays" 200
page hr1b /
expect_code "the other session ended" 303
audit_has "user.passwd by hr1, the other sessions ended" "hr1 +user.passwd +user hr1 .*ok +the other sessions ended"

# -------------------------------------------------------------------- tokens
page admin1 /admin/tokens
expect_code "the tokens page" 200
clean_page "the tokens page"
body_has "lists the tokens" '<th scope="row">online-coach</th>'
body_has "links to the users page" '<a href="/admin/users">'
post admin1 /admin/tokens --data-urlencode name=online-coach --data-urlencode role=coach \
	--data-urlencode teams=kcc
expect_code "a token name taken: 422" 422
body_has "named beside the name" '<p class="error" id="name-error">A token named online-coach exists already.'
post admin1 /admin/tokens --data-urlencode name=telephony --data-urlencode role=coach
expect_code "a coach token without teams: 422" 422
body_has "named beside the teams" 'id="teams-error"'
post admin1 /admin/tokens --data-urlencode name=telephony --data-urlencode role=coach \
	--data-urlencode teams=kcc
expect_code "a token is created: 200, no redirect" 200
expect_header "not cached" "Cache-Control: no-store"
check "no Location header carries it" sh -c "! grep -qi '^Location:' '$WORK/h'"
SECRET=$(grep -o 'cgt_[A-Za-z0-9_-]*' "$WORK/b" | head -n 1)
check "the secret is on the page" [ -n "$SECRET" ]
body_has "said to be shown once" "It is shown only this once"
clean_page "the new token's page"
page admin1 /admin/tokens
body_lacks "a later page does not show it" "$SECRET"
check "the database holds only its SHA-256" \
	[ "$(sql "SELECT token_hash FROM api_token WHERE name = 'telephony'")" = \
	  "$(printf '%s' "$SECRET" | sha256sum | cut -d' ' -f1)" ]
as_api "$SECRET"
expect_code "the token works as Bearer" 200
check "as the coach token it is" grep -q "\"user\": \"telephony\"" "$WORK/b"
audit_has "token.create in the audit log" "admin1 +token.create +token telephony .*ok"
page admin1 /admin/tokens
CSRF_admin1=$(csrf_of)
post admin1 /admin/tokens/telephony/revoke
expect_code "revoking: 303" 303
expect_location "to the list, saying which" "/admin/tokens?revoked=telephony"
page admin1 "$(location)"
body_has "which says so" "The token telephony was revoked."
body_has "and shows it revoked" "Revoked <time"
as_api "$SECRET"
expect_code "the revoked token is refused" 401
audit_has "token.revoke in the audit log" "admin1 +token.revoke +token telephony .*ok"
post admin1 /admin/tokens/telephony/revoke
expect_code "revoking twice: 409" 409
body_has "says so" "The token telephony is revoked already."
post admin1 /admin/tokens/no-such/revoke
expect_code "revoking an unknown token: 404" 404

# ---------------------------------------------------------------------- CSRF
n=$(users)
page admin1 /admin/users --data-urlencode name=csrfless --data-urlencode role=hr \
	--data-urlencode "password=$NEWPW" --data-urlencode "repeat=$NEWPW"
expect_code "a form without the CSRF token is refused" 403
check "and adds nobody" [ "$(users)" = "$n" ]
page admin1 /admin/users/newbie/status --data-urlencode csrf_token=cgc_wrong --data-urlencode disabled=1
expect_code "a wrong CSRF token is refused" 403
page admin1 /admin/tokens --data-urlencode name=csrfless --data-urlencode role=hr
expect_code "a token form without it too" 403
page admin1 /admin/tokens/online-coach/revoke --data-urlencode why=none
expect_code "and a revocation without it" 403
as_api "$TOKEN"
expect_code "which left the token working" 200

stop
done_testing
