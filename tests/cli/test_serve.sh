#!/bin/sh
# compgap serve over loopback with curl, on the engine under test: health
# and readiness, the security headers on every response, 401 on the API
# without accounts, the error shape of 400/404/405/413, the header limit,
# a slow client cut off, the metrics on their own address, the access
# log, and a graceful shutdown that lets a request in flight finish and
# exits 0.
. "$(dirname "$0")/lib.sh"

RAW=$HERE/http_raw.py
DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null

. "$HERE/serve_lib.sh"

CSP="Content-Security-Policy: default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

# every_header NAME: the three headers that every response carries.
every_header() {
	if tr -d '\r' < "$WORK/h" | grep -qxF -- "$CSP" &&
	   tr -d '\r' < "$WORK/h" | grep -qxF "X-Content-Type-Options: nosniff" &&
	   tr -d '\r' < "$WORK/h" | grep -qxF "Referrer-Policy: no-referrer"; then ok "$1"; else
		not_ok "$1" "$(tr -d '\r' < "$WORK/h")"
	fi
}

start_or_finish main --metrics-listen 127.0.0.1:0 --json-body-max 1024 --header-max 4096 --timeout 1
ok "the server starts and logs the port it listens on"

get healthz /healthz
expect_code "GET /healthz answers 200" 200
same_body=$(printf '{\n  "status": "alive"\n}\n')
[ "$(cat "$WORK/b")" = "$same_body" ] && ok "/healthz says alive" || not_ok "/healthz says alive" "$(cat "$WORK/b")"
every_header "/healthz carries the security headers"
expect_header "/healthz is not cached" "Cache-Control: no-store"

get readyz /readyz
expect_code "GET /readyz answers 200 while the database answers" 200
every_header "/readyz carries the security headers"

for path in /api/v1/teams/kcc/gaps /api/v1/teams/kcc/recommendations \
	"/api/v1/teams/kcc/trend?from=2026-01-01&to=2026-10-31" /api/v1/teams/kcc/report \
	/api/v1/people/KCC-1001 "/api/v1/people/KCC-1001/explain?competency=customer-focus" /metrics; do
	get api "$path"
	expect_code "GET $path without credentials answers 401" 401
	expect_error "its body is the error shape" unauthenticated null
	every_header "it carries the security headers"
	expect_header "it is not cached" "Cache-Control: no-store"
done
get api /api/v1/teams/kcc/gaps -H "Authorization: Bearer test-admin"
expect_code "the real server knows no token: 401" 401

get nope /api/v1/nothing
expect_code "an unknown path answers 404" 404
expect_error "in the error shape" not_found null
every_header "with the security headers"

get post /healthz -X POST
expect_code "POST on a GET route answers 405" 405
expect_error "in the error shape" method_not_allowed null
expect_header "naming what is allowed" "Allow: GET, HEAD"

get dots /api/v1/teams/%2e%2e/gaps
expect_code "a dot segment, even escaped, answers 400" 400
expect_error "in the error shape" bad_target null
get nul /api/v1/teams/a%00b/gaps
expect_code "an escaped NUL answers 400" 400
get utf /api/v1/teams/a%ffb/gaps
expect_code "bytes that are not UTF-8 answer 400" 400
get twice "/healthz?a=1&a=2"
expect_code "a query parameter given twice answers 400" 400
get badesc "/healthz?a=%zz"
expect_code "a bad %-escape answers 400" 400

head -c 2000 /dev/zero | tr '\0' x > "$WORK/big"
get body /healthz -X GET --data-binary "@$WORK/big" -H "Content-Type: application/json"
expect_code "a body over --json-body-max answers 413" 413
expect_error "in the error shape" too_large null
every_header "with the security headers"
get small /healthz -X GET --data-binary '{}' -H "Content-Type: application/json"
expect_code "a body under the limit is read" 200

big=$(head -c 6000 /dev/zero | tr '\0' a)
get header /healthz -H "X-Big: $big"
case $CODE in
413 | 431) ok "headers over --header-max are refused ($CODE)" ;;
*) not_ok "headers over --header-max are refused" "status $CODE" ;;
esac

slow=$(python3 "$RAW" slow "$PORT" 10)
[ "$slow" = closed ] && ok "a client that stops sending is cut off after --timeout" ||
	not_ok "a client that stops sending is cut off after --timeout" "$slow"

get after /healthz
expect_code "the server still answers after all that" 200

CODE=$(curl -s -o "$WORK/b" -D "$WORK/h" -w '%{http_code}' "http://127.0.0.1:$MPORT/metrics")
expect_code "GET /metrics on --metrics-listen answers 200" 200
expect_header "as Prometheus text" "Content-Type: text/plain; version=0.0.4; charset=utf-8"
every_header "with the security headers"
if python3 - "$WORK/b" > "$WORK/pyerr" 2>&1 <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
lines = text.splitlines()
sample = re.compile(r'^[a-z_]+(\{[a-z_]+="[^"\\\n]*"(,[a-z_]+="[^"\\\n]*")*\})? [0-9.e+-]+$')
for l in lines:
    assert l.startswith("# HELP ") or l.startswith("# TYPE ") or sample.match(l), l
def value(prefix):
    return [float(l.rsplit(" ", 1)[1]) for l in lines if l.startswith(prefix)]
v = value('compgap_http_requests_total{method="GET",route="/healthz",status="200"}')
assert v == [3], v  # /healthz, the small body, after the slow client
v = value('compgap_http_requests_total{method="GET",route="/api/v1/teams/{key}/gaps",status="401"}')
assert v == [2], v
assert value('compgap_http_requests_total{method="GET",route="/healthz",status="413"}')[0] == 1
buckets = value("compgap_http_request_duration_seconds_bucket")
assert buckets == sorted(buckets), buckets
count = value("compgap_http_request_duration_seconds_count")[0]
assert buckets[-1] == count, (buckets[-1], count)
total = sum(value("compgap_http_requests_total"))
assert total == count, (total, count)
assert value("compgap_db_errors_total")[0] == 0
EOF
then ok "the metrics parse as the text format and count what was asked"; else
	not_ok "the metrics parse as the text format and count what was asked" "$(tail -n 3 "$WORK/pyerr")"
fi

if python3 - "$WORK/main.log" > "$WORK/pyerr" 2>&1 <<'EOF'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
reqs = [l for l in lines if "status" in l]
assert all(set(("time", "address", "method", "path", "query", "status", "bytes", "ms", "user")) <= set(l) for l in reqs)
assert all(l["time"].endswith("Z") for l in lines)
twice = [l for l in reqs if l["path"] == "/healthz" and l["query"] == ["a", "a"]]
assert twice == [] or all("1" not in json.dumps(l["query"]) for l in twice)
trend = [l for l in reqs if l["path"] == "/api/v1/teams/kcc/trend"][0]
assert trend["query"] == ["from", "to"], trend
assert "2026-01-01" not in json.dumps(trend), trend
assert trend["status"] == 401 and trend["user"] is None
EOF
then ok "the access log is JSON lines with the query's names and not its values"; else
	not_ok "the access log is JSON lines with the query's names and not its values" "$(tail -n 3 "$WORK/pyerr")"
fi

stop
[ "$STOPPED" -eq 0 ] && ok "SIGTERM stops the server with exit status 0" ||
	not_ok "SIGTERM stops the server with exit status 0" "status $STOPPED"
grep -q '"event":"stopped"' "$WORK/main.log" && ok "and it logs that it stopped" ||
	not_ok "and it logs that it stopped" "$(tail -n 3 "$WORK/main.log")"

# A request in flight when SIGTERM comes is answered; the server stops
# accepting at once and exits 0 after it.
if start drain; then
	line=$(python3 "$RAW" inflight "$PORT" "$PID")
	wait "$PID"
	STOPPED=$?
	[ "$line" = "HTTP/1.1 200 OK" ] && ok "a request in flight at SIGTERM is answered" ||
		not_ok "a request in flight at SIGTERM is answered" "$line"
	[ "$STOPPED" -eq 0 ] && ok "and the server exits 0 after it" ||
		not_ok "and the server exits 0 after it" "status $STOPPED"
else
	not_ok "the second server starts" "$(cat "$WORK/drain.log")"
fi

# SIGINT stops it as well.
if start int; then
	kill -INT "$PID"
	wait "$PID"
	STOPPED=$?
	[ "$STOPPED" -eq 0 ] && ok "SIGINT stops it with exit status 0" ||
		not_ok "SIGINT stops it with exit status 0" "status $STOPPED"
fi

# --per-address: connections beyond it from one address are closed.
if start perip --per-address 3; then
	n=$(python3 "$RAW" perip "$PORT" 5)
	[ "$n" = 3 ] && ok "of 5 connections from one address, --per-address 3 are served" ||
		not_ok "of 5 connections from one address, --per-address 3 are served" "$n served"
	stop
fi

# /readyz answers 503 when the database goes away under the server.
GONE=$WORK/gone.db
"$COMPGAP" init --db "$GONE" > /dev/null
DB_SAVED=$DB
DB=$GONE
if start gone; then
	if [ "$ENGINE" = sqlite ]; then
		rm -f "$GONE"
	else
		name=$("$COMPGAP" --map "$GONE")
		test_psql postgres -c "DROP DATABASE \"${name##*dbname=}\" WITH (FORCE)"
	fi
	get gone /readyz
	expect_code "/readyz answers 503 when the database is gone" 503
	expect_error "in the error shape" unavailable null
	get alive /healthz
	expect_code "while /healthz still answers 200" 200
	stop
else
	not_ok "the server on the doomed database starts" "$(cat "$WORK/gone.log")"
fi
DB=$DB_SAVED

# HTTPS with a certificate and key (a self-signed pair made here).
if openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/key.pem" -out "$WORK/cert.pem" \
	-days 2 -subj "/CN=127.0.0.1" > /dev/null 2>&1; then
	if start tls --tls-cert "$WORK/cert.pem" --tls-key "$WORK/key.pem"; then
		CODE=$(curl -s -k -o "$WORK/b" -D "$WORK/h" -w '%{http_code}' "https://127.0.0.1:$PORT/healthz")
		expect_code "with --tls-cert and --tls-key it answers over HTTPS" 200
		every_header "with the security headers"
		CODE=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/healthz")
		[ "$CODE" != 200 ] && ok "and not over plain HTTP" || not_ok "and not over plain HTTP"
		stop
		[ "$STOPPED" -eq 0 ] && ok "the HTTPS server stops with exit status 0" ||
			not_ok "the HTTPS server stops with exit status 0" "status $STOPPED"
	else
		not_ok "the HTTPS server starts" "$(cat "$WORK/tls.log")"
	fi
else
	not_ok "openssl makes a self-signed certificate for the HTTPS test"
fi
run serve --tls-cert "$WORK/cert.pem" --db "$DB" --listen 127.0.0.1:0
expect_status "a certificate without its key is a usage error" 64

# A database that does not exist is refused before listening.
run serve --db "$WORK/none.db" --listen 127.0.0.1:0
expect_status "a missing database is refused at start" 66
run serve --listen nowhere --db "$DB"
expect_status "an address without a port is a usage error" 64
run serve --json-body-max 12 --db "$DB"
expect_status "a limit out of its range is a usage error" 64
expect_err "naming the range" "--json-body-max takes a whole number from 1024 to"

done_testing
