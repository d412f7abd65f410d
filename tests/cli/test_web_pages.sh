#!/bin/sh
# The browser's pages (src/web/, docs/web.md) over loopback with curl, on
# the engine under test: the 303 to /login of a page without a session
# (and the API's 401 unchanged), the sign-in form (errors beside the
# field, the throttle, next kept and only local paths accepted, a
# cross-site form refused), the expired-session notice, sign-out, the
# password change, the CSRF token of every form, escaping, no inline
# script or style, the CSP header, the navigation by role, and the
# language from Accept-Language, ?lang= and its cookie.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null
make_role_users
start_or_finish pages

# --------------------------------------------------------- without a session
get anon /library
expect_code "a page without a session answers 303" 303
expect_location "to the sign-in page, keeping the place" "/login?next=/library"
get anon "/library?lang=nl"
expect_location "the query is kept in next, encoded" "/login?next=/library%3Flang%3Dnl"
get anon /
expect_location "the start page sends to /login without a next" "/login"
get anon /api/v1/me
expect_code "the API still answers 401" 401
expect_error "in the API's error shape" unauthenticated null
get anon /no-such-page
expect_code "an unknown page answers 404" 404
body_has "as a page" "<h1>Page not found</h1>"
clean_page "the 404 page"
get anon /no-such-page -H "Accept-Language: sv-SE"
body_has "in the browser's language" '<html lang="sv">'

get anon /login
expect_code "the sign-in page" 200
expect_header "is HTML" "Content-Type: text/html; charset=utf-8"
expect_header "is not cached" "Cache-Control: no-store"
body_has "in English by default" '<html lang="en">'
body_has "has a title" "<title>Sign in"
body_has "has a skip link to main" '<a class="skip" href="#main">'
body_has "has main" '<main id="main"'
body_has "labels the user field" '<label for="user">User name</label>'
body_lacks "shows no navigation to nobody" 'href="/library"'
clean_page "the sign-in page"

# ------------------------------------------------------------- signing in
form_login emp1 "not the password at all" /library
expect_code "a wrong password is refused" 401
body_has "in plain words" "The user name or the password is wrong."
body_has "beside the password field" '<p class="error" id="password-error">'
body_has "tied to it" 'aria-invalid="true" aria-describedby="password-error"'
body_has "the user name typed is kept" 'name="user" type="text" value="emp1"'
body_has "and next" 'name="next" value="/library"'
body_lacks "the password typed is not sent back" "not the password at all"
cp "$WORK/b" "$WORK/wrong.html"
form_login nobody_here "not the password at all" /library
check "an unknown user gets the same page (but for the name)" \
	[ "$(sed 's/value="emp1"/X/' "$WORK/wrong.html")" = "$(sed 's/value="nobody_here"/X/' "$WORK/b")" ]
form_login "" "" /
expect_code "an empty form is refused" 422
body_has "naming the user field" "Enter your user name."
body_has "and the password field" "Enter your password."

CODE=$(curl -s -o "$WORK/b" -w '%{http_code}' -H 'Content-Type: application/json' \
	-d '{"user": "emp1"}' "http://127.0.0.1:$PORT/login")
expect_code "a sign-in that is no form is refused" 415
CODE=$(curl -s -o "$WORK/b" -w '%{http_code}' --data-binary 'user=emp1&password=%zz' \
	"http://127.0.0.1:$PORT/login")
expect_code "a malformed form is refused" 400
body_has "in plain words" "broken %-escape"

form_login emp1 "$PASSWORD" /library
expect_code "the right password signs in" 303
expect_location "and returns to next" "/library"
check "the session cookie is HttpOnly and SameSite=Strict" \
	sh -c "tr -d '\r' < '$WORK/h' | grep -qE '^Set-Cookie: compgap_session=cgs_[A-Za-z0-9_-]+; Path=/; HttpOnly; SameSite=Strict$'"
check "the CSRF cookie too" \
	sh -c "tr -d '\r' < '$WORK/h' | grep -qE '^Set-Cookie: compgap_csrf=cgc_[A-Za-z0-9_-]+; Path=/; HttpOnly; SameSite=Strict$'"
page emp1 /library
expect_code "the page opens" 200
clean_page "the library"
body_has "the library names competencies and roles in English" ">Customer focus <"
body_has "... and a role by its name" ">Contact-centre agent</h3>"
page emp1 "/library?lang=sv"
body_has "in Swedish, the demo's Swedish texts" ">Kundfokus <"
page emp1 "/library?lang=nl"
body_has "in Dutch, the demo's Dutch texts" ">Klantgerichtheid <"
body_has "... and the role's Dutch name" ">Klantcontactmedewerker</h3>"
page emp1 "/library?lang=en"
# The router's own answers to a signed-in reader are pages with the
# header of every page: an unknown address, and a method a page does not
# take.
page emp1 /no-such-page
expect_code "a signed-in reader's unknown page answers 404" 404
body_has "as a page" "<h1>Page not found</h1>"
body_has "with the sign-out button of every page" 'action="/logout"'
body_has "and the navigation" 'href="/library"'
clean_page "the signed-in 404 page"
page emp1 /library -X DELETE
expect_code "a method the page does not take answers 405" 405
body_has "as a page" "<h1>Not possible here</h1>"
body_has "signed in too" 'action="/logout"'
expect_header "with Allow" "Allow: GET, HEAD"
get anon /library -X DELETE
expect_code "to nobody too" 405
body_lacks "without the navigation" 'href="/library"'
get anon /api/v1/me -X DELETE
expect_error "the API's 405 stays JSON" method_not_allowed null

# next: only a local path beginning with one '/'.
crlf=$(printf '/a\r\nX-Evil: 1')
for bad in "//evil.com" "https://evil.com" '/\evil.com' "evil.com" "$crlf"; do
	form_login emp1 "$PASSWORD" "$bad"
	expect_location "next '$(printf '%s' "$bad" | tr '\r\n\\' '^^^')' is refused for /" "/"
done
form_login emp1 "$PASSWORD" "/account/password?x=1"
expect_location "a local next with a query is kept" "/account/password?x=1"
form_login emp1 "$PASSWORD" "/library?q=a b\"<é>%41"
expect_location "what a header may not hold raw is encoded, the rest kept" \
	"/library?q=a%20b%22%3C%C3%A9%3E%41"
get anon "/login?next=//evil.com"
body_has "the sign-in page drops a foreign next" 'name="next" value="/"'
get anon "/login?next=/x%22%3E%3Cscript%3Ealert(1)%3C/script%3E"
body_has "a next with markup comes out escaped" 'value="/x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'
clean_page "a next with markup"

# Login CSRF: a sign-in form posted from another site's page.
form_login emp1 "$PASSWORD" / -H "Origin: https://evil.example"
expect_code "a cross-site sign-in form is refused" 403
check "and signs nobody in" sh -c "! grep -q compgap_session '$WORK/h'"
form_login emp1 "$PASSWORD" / -H "Origin: null"
expect_code "an opaque Origin is refused" 403
form_login emp1 "$PASSWORD" / -H "Sec-Fetch-Site: cross-site"
expect_code "Sec-Fetch-Site: cross-site is refused" 403
form_login emp1 "$PASSWORD" / -H "Origin: http://127.0.0.1:$PORT" -H "Sec-Fetch-Site: same-origin"
expect_code "the server's own origin signs in" 303

# ------------------------------------------------------ an expired session
form_login hr1 "$PASSWORD" /
sql "UPDATE session SET last_seen = last_seen - 3600, created_at = created_at - 3600
	WHERE account_id = (SELECT id FROM account WHERE name = 'hr1')" > /dev/null
page hr1 "/library?lang=en"
expect_code "an expired session's page answers 303" 303
expect_location "to /login, saying it expired, keeping the place" \
	"/login?next=/library%3Flang%3Den&expired=1"
page hr1 "$(location)"
expect_code "the sign-in page" 200
body_has "says the session ended and where the user returns" \
	"Your session has ended. Sign in again to return to /library?lang=en."
body_has "and keeps next in the form" 'name="next" value="/library?lang=en"'
page hr1 /api/v1/me
expect_code "the API answers an expired session 401" 401

# ------------------------------------------------------------- the throttle
retry=0
n=0
while [ $n -lt 20 ]; do
	n=$((n + 1))
	form_login coach1 "wrong password number $n" /
	retry=$(tr -d '\r' < "$WORK/h" | sed -n 's/^Retry-After: \([0-9]*\)$/\1/p')
	[ "$CODE" = 429 ] && break
done
expect_code "failures in a row are throttled" 429
check "with Retry-After ($n attempts)" [ "${retry:-0}" -ge 1 ]
body_has "the page says when to try again" "Too many failed sign-ins. Try again in"
body_has "as a time of day" "UTC)."
clean_page "the throttled page"

# ------------------------------------------------------------------ CSRF
form_login emp1 "$PASSWORD" /
page emp1 /
expect_code "the start page" 200
csrf=$(csrf_of)
check "the page's forms carry the CSRF token" sh -c "echo '$csrf' | grep -q '^cgc_'"
page emp1 /logout -X POST -d ""
expect_code "sign-out without the csrf_token is refused" 403
body_has "with a page" "<h1>Not allowed</h1>"
page emp1 /logout -X POST -d "csrf_token=cgc_not-the-right-one"
expect_code "sign-out with a wrong csrf_token is refused" 403
page emp1 /logout -X POST -d "csrf_token=$csrf" -H "Content-Type: text/plain"
expect_code "a form of another media type is refused" 415
page emp1 /
expect_code "the refused sign-outs left the session" 200
page emp1 /logout -X POST -d "csrf_token=$csrf"
expect_code "sign-out with the token" 303
expect_location "to the sign-in page" "/login"
expect_header "clears the session cookie" \
	"Set-Cookie: compgap_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
page emp1 /
expect_code "the session is gone" 303

# ---------------------------------------------------------- the password
form_login mgr1 "$PASSWORD" /account/password
page mgr1 /account/password
expect_code "the password page" 200
body_has "has the current password field" 'autocomplete="current-password"'
body_has "with a hint on the rules" 'aria-describedby="new-hint"'
clean_page "the password page"
csrf=$(csrf_of)
NEWPW="purple elephant dances slowly"
pw_post() {
	page mgr1 /account/password -X POST --data-urlencode "csrf_token=$1" \
		--data-urlencode "current=$2" --data-urlencode "new=$3" --data-urlencode "repeat=$4"
}
pw_post "" "$PASSWORD" "$NEWPW" "$NEWPW"
expect_code "a change without the csrf_token is refused" 403
pw_post "cgc_wrong" "$PASSWORD" "$NEWPW" "$NEWPW"
expect_code "a change with a wrong csrf_token is refused" 403
pw_post "$csrf" "not my password at all" "$NEWPW" "$NEWPW"
expect_code "a wrong current password is refused" 422
body_has "beside it" '<p class="error" id="current-error">This is not your current password.</p>'
pw_post "$csrf" "$PASSWORD" "$NEWPW" "$NEWPW and more"
expect_code "two new passwords that differ are refused" 422
body_has "beside the repeat" '<p class="error" id="repeat-error">'
pw_post "$csrf" "$PASSWORD" "short" "short"
expect_code "a short password is refused by the rules" 422
body_has "beside the new one" '<p class="error" id="new-error">'
body_has "tied to it, the error first" 'aria-invalid="true" aria-describedby="new-error new-hint"'
pw_post "$csrf" "" "short" "shorter"
expect_code "an empty form with a bad new password is refused" 422
body_has "every field's problem at once: the current one" '<p class="error" id="current-error">Enter your current password.</p>'
body_has "the new one" '<p class="error" id="new-error">'
body_has "and the repeat" '<p class="error" id="repeat-error">'
pw_post "$csrf" "$PASSWORD" "" ""
body_has "an empty new password is named" "Enter a new password."
pw_post "$csrf" "$PASSWORD" "$NEWPW" "$NEWPW"
expect_code "the change is made" 303
expect_location "and shown on the page" "/account/password?changed=1"
page mgr1 "$(location)"
body_has "the page says so" "Your password has been changed."
check "the change is in the audit log" \
	sh -c "'$COMPGAP' audit --db '$DB' 2> /dev/null | grep -q 'user.passwd'"
form_login mgr1 "$PASSWORD" /
expect_code "the old password no longer signs in" 401
form_login mgr1 "$NEWPW" /
expect_code "the new one does" 303
get token /account/password -H "Authorization: Bearer $TOKEN"
expect_code "an API token has no password page" 403

# --------------------------------------------- escaping, navigation, language
login admin1
as admin1 /api/v1/competencies/customer-focus -X PATCH -H "X-CSRF-Token: $CSRF_admin1" \
	-H 'Content-Type: application/json' \
	-d '{"name": "<script>alert(1)</script> & \"Co\"", "description": "<b onmouseover=x>bold</b>"}'
expect_code "a competency gets a hostile name" 200
form_login emp1 "$PASSWORD" /
page emp1 /library
expect_code "the library" 200
body_has "the name comes out escaped" "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;"
body_has "the definition too" "&lt;b onmouseover=x&gt;bold&lt;/b&gt;"
body_lacks "nothing of it raw" "<script>alert(1)"
body_has "shows level descriptors" '<dl class="levels">'
body_has "and role profiles with their weights" '<th scope="col" class="num">Weight</th>'

for u in admin1 hr1 coach1 emp1; do
	form_login $u "$PASSWORD" /
	page $u /
	expect_code "$u: the start page" 200
	clean_page "$u: the start page"
	cp "$WORK/b" "$WORK/home-$u.html"
done
check "admin sees Import and Admin" \
	sh -c "grep -q 'href=\"/import\"' '$WORK/home-admin1.html' && grep -q 'href=\"/admin\"' '$WORK/home-admin1.html'"
check "hr sees Import, not Admin" \
	sh -c "grep -q 'href=\"/import\"' '$WORK/home-hr1.html' && ! grep -q 'href=\"/admin\"' '$WORK/home-hr1.html'"
check "an employee sees neither Import nor Admin" \
	sh -c "! grep -qE 'href=\"/(import|admin|export)\"' '$WORK/home-emp1.html'"
check "an employee sees the self-assessment" grep -q 'href="/self-assessment"' "$WORK/home-emp1.html"
check "a coach sees no self-assessment" sh -c "! grep -q 'href=\"/self-assessment\"' '$WORK/home-coach1.html'"
check "the page names the user and role" grep -q 'emp1 <span class="user-role">(Employee)</span>' "$WORK/home-emp1.html"
check "with a sign-out button in a form" \
	grep -q '<form class="signout" method="post" action="/logout">' "$WORK/home-emp1.html"

page emp1 / -H "Accept-Language: nl-NL,nl;q=0.9,en;q=0.5"
body_has "Accept-Language chooses Dutch" '<html lang="nl">'
page emp1 / -H "Accept-Language: sv"
body_has "or Swedish" '<html lang="sv">'
page emp1 "/?lang=sv" -H "Accept-Language: nl"
body_has "?lang= chooses over Accept-Language" '<html lang="sv">'
expect_header "and is remembered in a cookie" \
	"Set-Cookie: lang=sv; Path=/; SameSite=Lax; Max-Age=31536000"
body_has "the switch marks the language in use" 'hreflang="sv" lang="sv" aria-current="true">Svenska'
body_has "and links to the others on this page" 'href="/?lang=nl" hreflang="nl"'
page emp1 / -H "Accept-Language: nl"
body_has "the cookie beats Accept-Language" '<html lang="sv">'
page emp1 "/library?lang=xx"
body_has "an unknown ?lang= is ignored" '<html lang="sv">'

stop
check "the server stops cleanly" [ "$STOPPED" = 0 ]
done_testing
