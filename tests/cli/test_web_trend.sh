#!/bin/sh
# The team page's trend in the reader's language (src/web/charts.c,
# docs/web.md "The team page"): the axis and the table of numbers name the
# months as the reader does ("Mar 2026", "mrt 2026", "mars 2026"), not as
# ISO 8601 does, and the table carries every number of the chart as text,
# the API's trend in the reader's number format.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

ASOF=2026-10-31
DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null
make_role_users
start_or_finish trend
login admin1
as admin1 "/api/v1/teams/kcc-phone/trend?from=2025-10-31&to=$ASOF"
cp "$WORK/b" "$WORK/trend.json"
for l in en nl sv; do
	as admin1 "/teams/kcc-phone?as_of=$ASOF&lang=$l"
	if python3 "$HERE/trend_check.py" "$WORK/b" "$WORK/trend.json" $l 2> "$WORK/err"; then
		ok "$l: the trend's months in the reader's words, its numbers as the API's"
	else
		not_ok "$l: the trend's months in the reader's words, its numbers as the API's" "$(head -n 4 "$WORK/err")"
	fi
done
as admin1 "/teams/kcc-phone?as_of=$ASOF&lang=nl"
if grep -q '>okt 2026<' "$WORK/b" && ! grep -q '>2026-10<' "$WORK/b"; then
	ok "nl: the last month is 'okt 2026'"
else
	not_ok "nl: the last month is 'okt 2026'"
fi
as admin1 "/teams/kcc-phone?as_of=$ASOF&lang=sv"
if grep -q '>okt. 2026<' "$WORK/b"; then ok "sv: the last month is 'okt. 2026'"; else
	not_ok "sv: the last month is 'okt. 2026'"
fi
stop
done_testing
