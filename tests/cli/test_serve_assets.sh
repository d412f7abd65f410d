#!/bin/sh
# The built-in static files of compgap serve (GET /assets/{name},
# src/http/assets.c), over loopback with curl, on the engine under test:
# served to anyone with the Content-Type of their extension, the bytes of
# assets/ exactly, an ETag that is a hash of those bytes and a 304 for
# If-None-Match, Cache-Control: no-cache (the names carry no hash) and
# the security headers of every response; 404 for an unknown name, and no
# way out of the table by a path ("..", "%2e%2e", "%2f").
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

ASSETS=$HERE/../../assets
DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null

start_or_finish assets

# Every file of assets/ is served, byte for byte, without signing in.
n=0
for f in "$ASSETS"/*; do
	file=${f##*/}
	get assets "/assets/$file"
	expect_code "$file is served without signing in" 200
	same_files "$file is served byte for byte" "$f" "$WORK/b"
	n=$((n + 1))
done
check "assets/ holds files to serve" [ "$n" -gt 0 ]

get assets /assets/app.css
expect_header "app.css is text/css" "Content-Type: text/css; charset=utf-8"
expect_header "the names carry no hash: no-cache, revalidated by ETag" "Cache-Control: no-cache"
expect_header "the CSP goes with assets too" \
	"Content-Security-Policy: default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
expect_header "nosniff goes with assets" "X-Content-Type-Options: nosniff"
expect_header "no referrer goes with assets" "Referrer-Policy: no-referrer"
# The ETag is the first 16 hex digits of the file's SHA-256, quoted.
tag="\"$(sha256sum < "$ASSETS/app.css" | cut -c1-16)\""
expect_header "the ETag is a hash of the bytes" "ETag: $tag"

get assets /assets/robots.txt
expect_header "robots.txt is text/plain" "Content-Type: text/plain; charset=utf-8"
robots_tag=$(tr -d '\r' < "$WORK/h" | sed -n 's/^ETag: //p')
check "two files have two ETags" [ -n "$robots_tag" ] && [ "$robots_tag" != "$tag" ]

# Conditional requests. (curl leaves the body's file alone when no body
# comes: it is removed first.)
rm -f "$WORK/b"
get assets /assets/app.css -H "If-None-Match: $tag"
expect_code "If-None-Match with the ETag: 304" 304
check "a 304 has no body" [ ! -s "$WORK/b" ]
expect_header "a 304 repeats the ETag" "ETag: $tag"
expect_header "a 304 repeats Cache-Control" "Cache-Control: no-cache"
get assets /assets/app.css -H "If-None-Match: \"0000000000000000\", W/$tag"
expect_code "a list holding the weak ETag: 304" 304
get assets /assets/app.css -H "If-None-Match: *"
expect_code "If-None-Match: * is 304" 304
get assets /assets/app.css -H "If-None-Match: \"0000000000000000\""
expect_code "another ETag: 200" 200
same_files "another ETag gets the whole file" "$ASSETS/app.css" "$WORK/b"
get assets /assets/app.css -H "If-None-Match: $robots_tag"
expect_code "robots.txt's ETag does not match app.css" 200
get assets /assets/app.css -H "If-None-Match: nonsense"
expect_code "a malformed If-None-Match: 200" 200

# HEAD: the headers without the body.
CODE=$(curl -s -I -o "$WORK/h" -w '%{http_code}' "http://127.0.0.1:$PORT/assets/app.css")
expect_code "HEAD answers" 200
expect_header "HEAD gives the length of the file" "Content-Length: $(wc -c < "$ASSETS/app.css" | tr -d ' ')"

# What is not there.
get assets /assets/nothing.css
expect_code "an unknown name: 404" 404
expect_error "an unknown name gives not_found" not_found null
get assets /assets/APP.CSS
expect_code "names are exact: 404 for another case" 404
get assets /assets/
expect_code "no name: 404" 404
get assets /assets/app.css/x
expect_code "a path below a file: 404" 404
get assets "/assets/app.css?v=1"
expect_code "a query parameter is refused" 400
expect_error "the parameter is named" unknown_parameter v

# Out of the table: never a file of the disk, never another asset's
# bytes under a path. curl --path-as-is sends the path as written.
for p in "/assets/../assets/app.css" "/assets/%2e%2e/assets/app.css" "/assets/%2E%2E" \
	"/assets/..%2fassets%2fapp.css" "/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd" \
	"/assets/..%5capp.css" "/assets/.%2fapp.css" "/assets/app.css%00" "/assets/./app.css"; do
	get assets "$p" --path-as-is
	case $CODE in
	400 | 404) ok "$p is refused ($CODE)" ;;
	*) not_ok "$p is refused" "status $CODE" ;;
	esac
	check "$p gives no file" sh -c '! grep -q -e "box-sizing" -e "root:" "$1"' - "$WORK/b"
done

# Only GET and HEAD.
CODE=$(curl -s -o "$WORK/b" -w '%{http_code}' -X POST "http://127.0.0.1:$PORT/assets/app.css")
expect_code "POST is not allowed" 405

stop
check "the server stops cleanly" [ "$STOPPED" -eq 0 ]

# Every stylesheet's braces balance, outside comments and strings: a rule
# left open (a merge of two branches that both appended to app.css did
# that once) makes the browser drop every rule after it, unnoticed by any
# other test.
for css in "$HERE"/../../assets/*.css; do
	check "$(basename "$css"): every brace closed" python3 -c '
import re, sys
s = re.sub(r"/\*.*?\*/", "", open(sys.argv[1]).read(), flags=re.S)
s = re.sub(r"\"[^\"]*\"|\x27[^\x27]*\x27", "", s)
depth = 0
for i, line in enumerate(s.split("\n"), 1):
    for ch in line:
        depth += ch == "{"
        depth -= ch == "}"
        assert depth >= 0, "a } without its { (line %d)" % i
    assert not (depth > 1 and re.match(r"^[.#a-z]", line)), "a rule opens inside another (line %d): %s" % (i, line)
assert depth == 0, "%d rule(s) left open" % depth
' "$css"
done
done_testing
