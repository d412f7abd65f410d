#!/bin/sh
# Installs the Debian packages that a make target needs, when they are
# missing: with apt-get when run as root, otherwise it prints the command.
#   tools/deps.sh build   what building compgap needs
#   tools/deps.sh test    what the test suite needs as well
set -eu

build="gcc make libc6-dev libsqlite3-dev libpq-dev libxlsxwriter-dev libmicrohttpd-dev libjansson-dev libsodium-dev libcurl4-openssl-dev"
test="$build curl openssl sqlite3 libcmocka-dev clang libclang-rt-14-dev python3 python3-openpyxl libxml2-utils gettext poppler-utils postgresql chromium fonts-dejavu-core wrk"

case "${1:-build}" in
build) want=$build ;;
test) want=$test ;;
*) echo "usage: tools/deps.sh build|test" >&2; exit 64 ;;
esac
# The browser tests (tests/e2e/run.sh) need node and npm as well.
[ "$want" = "$test" ] && want="$want nodejs npm"

missing=""
for p in $want; do
	# NodeSource's nodejs carries npm inside and conflicts with Debian's.
	[ "$p" = npm ] && command -v npm > /dev/null 2>&1 && continue
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
	echo "installing Debian packages:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	# The postgresql package starts a server of its own when installed;
	# the tests start their own, so none is started here (and a machine
	# without an init system cannot fail the install by trying).
	policy=""
	if [ ! -e /usr/sbin/policy-rc.d ]; then
		printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
		chmod +x /usr/sbin/policy-rc.d
		policy=/usr/sbin/policy-rc.d
	fi
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >&2 || status=$?
	[ -n "$policy" ] && rm -f "$policy"
	exit "${status:-0}"
else
	echo "missing Debian packages:$missing" >&2
	echo "install them with: sudo apt-get install$missing" >&2
	exit 69
fi
