#!/bin/sh
# Evidence dated after today: refused beyond the setting future_days (a
# likely typing error), taken with --allow-future or a larger setting.
# "Today" is pinned with $COMPGAP_TODAY so that the results never change.
. "$(dirname "$0")/lib.sh"

COMPGAP_TODAY=2026-12-01
export COMPGAP_TODAY

DB=$WORK/org.db
run init --db "$DB"
for kind in teams competencies indicators roles people evidence; do
	run import "$kind" "$DATA/$kind.csv" --db "$DB"
	expect_status "import $kind" 0
done

# future NAME EXPECTED_STATUS [OPTIONS...]: imports future.csv, checking the
# status and, when it was refused, that the database is unchanged.
future() {
	name=$1
	want=$2
	shift 2
	snapshot "$DB" "$WORK/before"
	run import evidence "$WORK/future.csv" --db "$DB" "$@"
	expect_status "$name: exit status $want" "$want"
	if [ "$want" -ne 0 ]; then
		snapshot "$DB" "$WORK/after"
		same_snapshot "$name: nothing stored" "$WORK/before" "$WORK/after"
	fi
}

cat > "$WORK/future.csv" <<'CSV'
person,competency,level,source,date
P2,listening,3,manager,2026-12-02
P2,listening,3,manager,2062-10-31
CSV
future "a row 13,118 days ahead" 65
expect_err "the message names the line, column, date, today and the limit" \
	"future.csv:3: date: 2062-10-31 is 13,118 days after today (2026-12-01); evidence may be dated at most 1 day ahead (setting future_days); if the date is right, import with --allow-future"
expect_err "the summary says nothing was imported" "1 problem found; nothing was imported"
if grep -q "future.csv:2:" "$WORK/err"; then
	not_ok "a row dated tomorrow (today + future_days) is not refused" "$(cat "$WORK/err")"
else
	ok "a row dated tomorrow (today + future_days) is not refused"
fi

# The boundary: today + 1 is taken (above, row 2), today + 2 is not.
printf 'person,competency,level,source,date\nP2,listening,3,manager,2026-12-03\n' > "$WORK/future.csv"
future "the day after the limit" 65
expect_err "the day after the limit: message" \
	"future.csv:2: date: 2026-12-03 is 2 days after today (2026-12-01); evidence may be dated at most 1 day ahead"

# A day-month-year file is named with the date as it was written.
printf 'person;competency;level;source;date\nP2;listening;3;manager;3-12-2026\n' > "$WORK/future.csv"
future "a Dutch date after the limit" 65
expect_err "a Dutch date after the limit: the date as written" "future.csv:2: date: 3-12-2026 is 2 days after today"

printf 'person,competency,level,source,date\nP2,listening,3,manager,2062-10-31\nP2,listening,4,peer,2026-12-02\n' > "$WORK/future.csv"
future "--allow-future" 0 --allow-future
expect_out "--allow-future stores the rows" "imported 2 evidence rows"
run export evidence --lf --db "$DB"
expect_out "the row dated in 2062 is stored" "P2,listening,3,manager,2062-10-31,,"

run config --db "$DB"
expect_out "config lists future_days with its default" "future_days"
if grep -qE '^future_days +1 +1 ' "$WORK/out"; then
	ok "future_days is 1 by default"
else
	not_ok "future_days is 1 by default" "$(grep future_days "$WORK/out")"
fi

run config set future_days 36501 --db "$DB"
expect_status "future_days above 36500 is refused" 65
expect_err "future_days out of range: the range" "future_days must be a whole number from 0 to 36500"
run config set future_days 1.5 --db "$DB"
expect_status "future_days must be whole" 65

run config set future_days 30000 --db "$DB"
expect_status "config set future_days 30000" 0
run config --db "$DB"
if grep -qE '^future_days +30000\* +1 ' "$WORK/out"; then
	ok "config shows future_days as set"
else
	not_ok "config shows future_days as set" "$(grep future_days "$WORK/out")"
fi
printf 'person,competency,level,source,date\nP3,listening,2,manager,2062-10-31\n' > "$WORK/future.csv"
future "2062 with future_days 30000" 0
expect_out "2062 with future_days 30000: stored" "imported 1 evidence row"

run config set future_days 0 --db "$DB"
printf 'person,competency,level,source,date\nP3,listening,2,manager,2026-12-01\n' > "$WORK/future.csv"
future "today with future_days 0" 0
printf 'person,competency,level,source,date\nP3,listening,2,manager,2026-12-02\n' > "$WORK/future.csv"
future "tomorrow with future_days 0" 65
expect_err "tomorrow with future_days 0: message" \
	"future.csv:2: date: 2026-12-02 is 1 day after today (2026-12-01); evidence may be dated at most 0 days ahead"

# Today moves: the same row is refused or taken by the date it is imported on.
COMPGAP_TODAY=2026-12-02 "$COMPGAP" import evidence "$WORK/future.csv" --db "$DB" > "$WORK/out" 2> "$WORK/err"
STATUS=$?
expect_status "the same row a day later is taken" 0

# The demo's and the generator's calendars are fixed; they are built
# whatever today is.
COMPGAP_TODAY=2020-01-01 "$COMPGAP" demo --db "$WORK/demo.db" > "$WORK/out" 2> "$WORK/err"
STATUS=$?
expect_status "the demo is built when today is before its evidence" 0
COMPGAP_TODAY=2020-01-01 "$COMPGAP" generate --people 20 --db "$WORK/gen.db" > "$WORK/out" 2> "$WORK/err"
STATUS=$?
expect_status "generate works when today is before its evidence" 0

run help import
expect_out "help import names --allow-future" "--allow-future"

done_testing
