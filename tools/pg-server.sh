#!/bin/sh
# A throw-away PostgreSQL server for the tests and benchmarks: its own data
# directory, a Unix socket in that directory and a free loopback port,
# started by an unprivileged user (nobody, when run as root).
#   tools/pg-server.sh start DIR [fast]   initdb and start; prints the
#                                         settings to eval (COMPGAP_TEST_PG ...)
#   tools/pg-server.sh stop DIR           stop it at once, as a crash would
#                                         (DIR stays; rm it after)
#   tools/pg-server.sh resume DIR         start it again after stop
# "fast" turns off fsync: for tests only, never for benchmarks.
# The superuser is "compgap"; the socket trusts it, TCP wants the password
# "compgap-test" (so that the tests can try a wrong one).
set -eu

cmd=${1:?usage: tools/pg-server.sh start|stop DIR}
dir=${2:?usage: tools/pg-server.sh start|stop DIR}

bindir=$(dirname "$(command -v initdb 2>/dev/null || ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)")
if [ ! -x "$bindir/initdb" ] || [ ! -x "$bindir/pg_ctl" ]; then
	echo "pg-server: no initdb/pg_ctl; install PostgreSQL (apt-get install postgresql)" >&2
	exit 69
fi

as_owner() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u nobody -- "$@"
	else
		"$@"
	fi
}

case $cmd in
start)
	mkdir -p "$dir"
	dir=$(cd "$dir" && pwd)
	[ "$(id -u)" = 0 ] && chown nobody "$dir"
	echo compgap-test > "$dir/pw"
	[ "$(id -u)" = 0 ] && chown nobody "$dir/pw"
	as_owner "$bindir/initdb" -D "$dir/data" -U compgap -E UTF8 --locale=C.UTF-8 \
		--auth-local=trust --auth-host=scram-sha-256 --pwfile="$dir/pw" > "$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; exit 1; }
	opts="-c unix_socket_directories=$dir -c listen_addresses=127.0.0.1 -c max_connections=60"
	[ "${3:-}" = fast ] && opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
	tries=0
	while :; do
		port=$((20000 + $(od -An -N2 -tu2 /dev/urandom) % 20000))
		echo "-p $port $opts" > "$dir/opts"
		if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
			-o "$(cat "$dir/opts")" start > /dev/null 2>&1; then
			break
		fi
		tries=$((tries + 1))
		if [ "$tries" -ge 5 ]; then
			tail -n 20 "$dir/server.log" >&2
			exit 1
		fi
	done
	echo "$port" > "$dir/port"
	echo "COMPGAP_TEST_PG='host=$dir port=$port user=compgap'"
	echo "COMPGAP_TEST_PG_TCP='host=127.0.0.1 port=$port user=compgap'"
	echo "COMPGAP_TEST_PGDATA='$dir/data'"
	echo "COMPGAP_TEST_PGDIR='$dir'"
	echo "export COMPGAP_TEST_PG COMPGAP_TEST_PG_TCP COMPGAP_TEST_PGDATA COMPGAP_TEST_PGDIR"
	;;
resume)
	dir=$(cd "$dir" && pwd)
	as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "$(cat "$dir/opts")" start > /dev/null
	;;
stop)
	dir=$(cd "$dir" && pwd)
	[ -f "$dir/data/postmaster.pid" ] || exit 0
	as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop > /dev/null 2>&1 || true
	;;
*)
	echo "usage: tools/pg-server.sh start|stop DIR" >&2
	exit 64
	;;
esac
