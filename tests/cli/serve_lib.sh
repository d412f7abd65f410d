# Helpers of the tests that run `compgap serve` (sourced after lib.sh):
# start and stop a server on a free port of 127.0.0.1, requests with curl,
# and checks of a response's status, headers and error document.

# start NAME ARGS...: runs `compgap serve ARGS` (or $SERVER ARGS, a
# server program of the tests) on the database $DB (or $SERVE_DB) and a
# free port of 127.0.0.1, its log in $WORK/NAME.log; sets PID, PORT (and
# MPORT when it serves metrics). Waits for the "listening" line (at most
# 10 seconds). The audit entries of reads are written before their
# answers (--audit-flush-ms 0), so that a test may look at the log at
# once, unless AUDIT_FLUSH_MS says otherwise (test_serve_view_cache.sh
# tests the batches).
start() {
	name=$1
	shift
	: > "$WORK/$name.log"
	if [ -n "${SERVER:-}" ]; then
		set -- "$SERVER" "$@"
	else
		set -- "$COMPGAP" serve "$@"
	fi
	"$@" --db "${SERVE_DB:-$DB}" --listen 127.0.0.1:0 --audit-flush-ms "${AUDIT_FLUSH_MS:-0}" \
		2> "$WORK/$name.log" &
	PID=$!
	PORT=""
	i=0
	while [ -z "$PORT" ] && [ $i -lt 200 ] && kill -0 "$PID" 2> /dev/null; do
		PORT=$(sed -n 's/.*"event":"listening","message":"127\.0\.0\.1:\([0-9]*\)".*/\1/p' "$WORK/$name.log")
		[ -n "$PORT" ] || sleep 0.05
		i=$((i + 1))
	done
	MPORT=$(sed -n 's/.*"event":"metrics_listening","message":"127\.0\.0\.1:\([0-9]*\)".*/\1/p' "$WORK/$name.log")
	[ -n "$PORT" ]
}

# start_or_finish NAME ARGS...: start, or, when the server does not start,
# a failed test and the end of the test file.
start_or_finish() {
	if ! start "$@"; then
		not_ok "the server starts" "$(cat "$WORK/$1.log")"
		done_testing
		exit 0
	fi
}

# stop: SIGTERM, and the exit status in STOPPED.
stop() {
	kill -TERM "$PID"
	wait "$PID"
	STOPPED=$?
}

# get NAME PATH [CURL ARGS...]: the response's status in CODE, headers in
# $WORK/h, body in $WORK/b.
get() {
	name=$1
	path=$2
	shift 2
	CODE=$(curl -s -o "$WORK/b" -D "$WORK/h" -w '%{http_code}' "$@" "http://127.0.0.1:$PORT$path")
}

expect_code() {
	if [ "$CODE" = "$2" ]; then ok "$1"; else
		not_ok "$1" "status $CODE, expected $2" "body: $(head -c 400 "$WORK/b")"
	fi
}

# expect_header NAME TEXT: the last response's headers hold the line TEXT.
expect_header() {
	if tr -d '\r' < "$WORK/h" | grep -qxF -- "$2"; then ok "$1"; else
		not_ok "$1" "no header line: $2" "$(tr -d '\r' < "$WORK/h")"
	fi
}

# expect_error NAME CODE FIELD: the body is the error shape with that code
# and field (null for none).
expect_error() {
	if python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert set(d) == {"error"}, d
e = d["error"]
assert set(e) == {"code", "message", "field"}, e
assert e["code"] == sys.argv[2], e
assert e["field"] == (None if sys.argv[3] == "null" else sys.argv[3]), e
assert isinstance(e["message"], str) and e["message"], e
' "$WORK/b" "$2" "$3" 2> "$WORK/pyerr"; then ok "$1"; else
		not_ok "$1" "$(tail -n 1 "$WORK/pyerr")"
	fi
}

# The users of every role on the demo organisation in $DB, all with the
# password $PASSWORD, and an API token in TOKEN (a coach of kcc-online).
PASSWORD="correct horse battery staple"
make_role_users() {
	# The demo: KCC-1010 leads kcc-phone, where KCC-1011 and KCC-1012 report
	# to them; kcc-desk's KCC-1031 reports to KCC-1030; kcc-online's KCC-1051
	# to KCC-1050; kcc is the parent of all three.
	for u in "admin1 --role admin" "hr1 --role hr" "mgr1 --role manager --person KCC-1010" \
		"coach1 --role coach --teams kcc-desk" "emp1 --role employee --person KCC-1011" \
		"gone1 --role employee --person KCC-1012"; do
		# shellcheck disable=SC2086
		printf '%s\n' "$PASSWORD" | "$COMPGAP" user add $u --db "$DB" > /dev/null 2>&1
	done
	TOKEN=$("$COMPGAP" token create online-coach --role coach --teams kcc-online --db "$DB" 2>/dev/null |
		grep -o 'cgt_[A-Za-z0-9_-]*' | head -n 1)
}

# login USER [PASSWORD]: signs in with its own cookie jar $WORK/USER.jar;
# status in CODE, the CSRF token in CSRF_USER.
login() {
	rm -f "$WORK/$1.jar"
	CODE=$(curl -s -o "$WORK/b" -D "$WORK/h" -w '%{http_code}' -c "$WORK/$1.jar" \
		-H 'Content-Type: application/json' \
		-d "{\"user\": \"$1\", \"password\": \"${2:-$PASSWORD}\"}" \
		"http://127.0.0.1:$PORT/api/v1/session")
	eval "CSRF_$1=\$(sed -n 's/.*\"csrf_token\": \"\\([^\"]*\\)\".*/\\1/p' \"\$WORK/b\")"
}

# as USER PATH [CURL ARGS...]: a request with USER's cookie.
as() {
	user=$1
	path=$2
	shift 2
	CODE=$(curl -s -o "$WORK/b" -D "$WORK/h" -w '%{http_code}' -b "$WORK/$user.jar" "$@" \
		"http://127.0.0.1:$PORT$path")
}


# ------------------------------------------------------------ the pages
# Helpers of the tests of the browser's pages (tests/cli/test_web_*.sh),
# which sign in with the form and keep each user's cookies in
# $WORK/USER.jar. A test file may still define its own of the same name
# (the last definition counts).

# form_login USER PASSWORD [NEXT] [CURL ARGS...]: POST /login with USER's
# cookie jar $WORK/USER.jar (made anew); status in CODE.
form_login() {
	u=$1
	pw=$2
	nx=${3:-/}
	shift 3 2> /dev/null || shift $#
	rm -f "$WORK/$u.jar"
	CODE=$(curl -s -o "$WORK/b" -D "$WORK/h" -w '%{http_code}' -c "$WORK/$u.jar" \
		--data-urlencode "user=$u" --data-urlencode "password=$pw" \
		--data-urlencode "next=$nx" "$@" "http://127.0.0.1:$PORT/login")
}

# page_login USER: signs USER in with the form and $PASSWORD (nothing kept
# but the cookie jar).
page_login() {
	rm -f "$WORK/$1.jar"
	curl -s -o /dev/null -c "$WORK/$1.jar" --data-urlencode "user=$1" \
		--data-urlencode "password=$PASSWORD" --data-urlencode "next=/" \
		"http://127.0.0.1:$PORT/login"
}

# page USER PATH [CURL ARGS...]: a request with USER's cookies, keeping
# what the server sets; status in CODE, headers in $WORK/h, body in $WORK/b.
page() {
	u=$1
	p=$2
	shift 2
	CODE=$(curl -s -o "$WORK/b" -D "$WORK/h" -w '%{http_code}' -b "$WORK/$u.jar" \
		-c "$WORK/$u.jar" "$@" "http://127.0.0.1:$PORT$p")
}

# csrf_of: the csrf_token of the last page's forms.
csrf_of() {
	sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' "$WORK/b" | head -n 1
}

# location: the Location header of the last response.
location() {
	tr -d '\r' < "$WORK/h" | sed -n 's/^Location: //p'
}

# expect_location NAME PATH: the last response sends to PATH.
expect_location() {
	if [ "$(location)" = "$2" ]; then ok "$1"; else
		not_ok "$1" "Location: $(location), expected $2"
	fi
}

# body_has NAME TEXT / body_lacks NAME TEXT: the last body holds TEXT (a
# fixed string), or does not; a failure shows the page from its <main>.
body_has() {
	if grep -qF -- "$2" "$WORK/b"; then ok "$1"; else
		if grep -q '<main' "$WORK/b"; then
			not_ok "$1" "no '$2' in" "$(sed -n '/<main/,$p' "$WORK/b" | head -c 1500)"
		else
			not_ok "$1" "no '$2' in" "$(head -c 1500 "$WORK/b")"
		fi
	fi
}
body_lacks() {
	if grep -qF -- "$2" "$WORK/b"; then not_ok "$1" "'$2' is there"; else ok "$1"; fi
}

# clean_page NAME: the last page has no inline script or style and no
# event handler, and the CSP header.
clean_page() {
	if grep -qiE '<script|<style|[[:space:]]style=|[[:space:]]on[a-z]+=' "$WORK/b"; then
		not_ok "$1: no inline script or style" \
			"$(grep -oiE '<script[^>]*>|<style|style=|on[a-z]+=' "$WORK/b" | head -3)"
	else
		ok "$1: no inline script or style"
	fi
	expect_header "$1: the CSP header" \
		"Content-Security-Policy: default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
}
