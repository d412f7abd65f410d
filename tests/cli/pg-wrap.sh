#!/bin/sh
# Runs compgap ($COMPGAP_REAL) against the test PostgreSQL server
# ($COMPGAP_TEST_PG, a connection string without dbname): every database
# path in the arguments (--db, and --from/--to of copy) and in $COMPGAP_DB
# becomes a database of that server named after the path, so that the
# command-line tests run unchanged on both engines. lib.sh puts it in
# $COMPGAP when $COMPGAP_TEST_PG is set.
#   pg-wrap.sh --map PATH   prints the connection string PATH becomes
set -u

map() {
	case $1 in
	postgres://* | postgresql://* | *=*) printf '%s' "$1"; return ;;
	esac
	rel=${1#"$COMPGAP_TEST_WORK"/}
	name=$(printf '%s' "$rel" | sed 's/\.db$//' | tr 'A-Z' 'a-z' | tr -c 'a-z0-9' '_')
	printf '%s dbname=%s%s' "$COMPGAP_TEST_PG" "$COMPGAP_TEST_DBPREFIX" "$name"
}

if [ "${1:-}" = --map ]; then
	map "$2"
	exit 0
fi
if [ -n "${COMPGAP_DB:-}" ]; then
	COMPGAP_DB=$(map "$COMPGAP_DB")
	export COMPGAP_DB
fi
n=$#
i=0
next=""
while [ "$i" -lt "$n" ]; do
	a=$1
	shift
	i=$((i + 1))
	if [ -n "$next" ]; then
		a=$(map "$a")
		next=""
	else
		case $a in
		--db) next=1 ;;
		--from | --to) case ${1:-} in *.db | */*) next=1 ;; esac ;;
		--db=*) a="--db=$(map "${a#--db=}")" ;;
		esac
	fi
	set -- "$@" "$a"
done
exec "$COMPGAP_REAL" "$@"
