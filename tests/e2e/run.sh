#!/bin/sh
# The browser tests: `compgap serve` on a fresh demo database with a user
# of every role, driven in Debian's headless Chromium by playwright-core
# (tests/e2e/main.mjs runs tests/e2e/test_*.mjs). Prints TAP lines as
# tests/cli/lib.sh does ("ok N - ...", "not ok N - ...", "# done"), and
# writes screenshots to build/e2e-screens/NAME-LANG-WIDTH.png.
#   COMPGAP=build/compgap tests/e2e/run.sh [test_x.mjs ...]
# (E2E_TIMES=1 prints each test's time; E2E_JOBS=N runs N tests at a time, 2 by default.)
# Builds nothing: $COMPGAP (default build/compgap) must be built. Installs
# the npm packages of package-lock.json with `npm ci` when node_modules
# does not match it (so a rerun needs no network). Needs node, npm and
# chromium (tools/deps.sh test); without them it fails, loudly.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
E2E=$ROOT/tests/e2e
COMPGAP=${COMPGAP:-build/compgap}
case $COMPGAP in /*) ;; *) COMPGAP=$ROOT/$COMPGAP ;; esac
BUILD_DIR=$ROOT/build
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export CHROMIUM

# fail WHY...: one failed test saying why, the end of the output, status 1.
fail() {
	echo "not ok 1 - the browser tests run"
	for line in "$@"; do echo "#   $line"; done
	echo "# done"
	exit 1
}

missing=""
command -v node > /dev/null 2>&1 || missing="$missing node (Debian package nodejs)"
command -v npm > /dev/null 2>&1 || missing="$missing npm"
[ -x "$CHROMIUM" ] || missing="$missing $CHROMIUM (Debian package chromium)"
[ -z "$missing" ] || fail "missing:$missing" "install them with tools/deps.sh test (as root)"
[ -x "$COMPGAP" ] || fail "$COMPGAP is not built (make)"

# The npm packages, exactly as locked; skipped when node_modules was
# installed from this very lock file (the stamp is a copy of it).
stamp=$E2E/node_modules/.compgap-lock
if ! cmp -s "$E2E/package-lock.json" "$stamp" 2> /dev/null ||
	[ ! -f "$E2E/node_modules/playwright-core/package.json" ]; then
	mkdir -p "$BUILD_DIR"
	if ! (cd "$E2E" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit \
		--no-fund --loglevel=error --cache "$BUILD_DIR/npm-cache") > "$BUILD_DIR/e2e-npm.log" 2>&1; then
		fail "npm ci failed in tests/e2e:" "$(tail -n 15 "$BUILD_DIR/e2e-npm.log")"
	fi
	cp "$E2E/package-lock.json" "$stamp"
fi

# The server, on SQLite (the pages call the same code as the shell tests,
# which cover PostgreSQL and the sanitizers).
unset COMPGAP_TEST_PG
. "$ROOT/tests/cli/lib.sh"
. "$ROOT/tests/cli/serve_lib.sh"
DB=$WORK/demo.db
"$COMPGAP" demo --db "$DB" > "$WORK/demo.out" 2>&1 || fail "compgap demo failed:" "$(tail -n 5 "$WORK/demo.out")"
make_role_users
# The quality evaluations' pages (test_evaluations.mjs, pages.mjs): a coach
# and an employee of kcc-desk with a person each, and a scorecard of its own
# with November 2026's evaluations of kcc-desk (tests/e2e/data).
for u in "coach2 --role coach --teams kcc-desk --person KCC-1002" \
	"emp2 --role employee --person KCC-1031"; do
	# shellcheck disable=SC2086
	printf '%s\n' "$PASSWORD" | "$COMPGAP" user add $u --db "$DB" > /dev/null 2>&1 ||
		fail "cannot add user $u"
done
# The OKR pages (test_okr.mjs, pages.mjs): objectives of kcc-phone and of
# the organisation with key results of the three types and check-ins.
for kind in scorecards evaluations objectives key-results checkins; do
	"$COMPGAP" import $kind "$E2E/data/$(echo $kind | tr - _).csv" --db "$DB" > "$WORK/import.out" 2>&1 ||
		fail "cannot import $kind:" "$(tail -n 5 "$WORK/import.out")"
done
PID=""
trap '[ -z "$PID" ] || { kill -TERM "$PID" 2> /dev/null; wait "$PID" 2> /dev/null; }; rm -rf "$WORK"' EXIT
start e2e || fail "the server did not start:" "$(tail -n 5 "$WORK/e2e.log")"

rm -rf "$BUILD_DIR/e2e-screens"
cd "$ROOT" || exit 1
E2E_BASE=http://127.0.0.1:$PORT E2E_PASSWORD=$PASSWORD E2E_SCREENS=$BUILD_DIR/e2e-screens \
	timeout 900 node "$E2E/main.mjs" "$@"
status=$?
if ! kill -0 "$PID" 2> /dev/null; then
	echo "not ok - the server kept running through the browser tests"
	tail -n 5 "$WORK/e2e.log" | sed 's/^/#   /'
	status=1
fi
exit "$status"
