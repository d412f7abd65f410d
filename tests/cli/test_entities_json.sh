#!/bin/sh
# `list ... --json` and `show ... --json`: the API's documents of the
# entities (io/entities.h) on the command line, pages that follow each
# other by their cursors, and the refusals of the options.
. "$(dirname "$0")/lib.sh"

DB=$WORK/demo.db
run demo --db "$DB"
expect_status "the demo database" 0

# Pages of 2 teams, followed by their cursors, give every team once, in
# the order of the keys, as the text listing has them.
cursor=""
: > "$WORK/keys"
pages=0
while :; do
	if [ -n "$cursor" ]; then
		run list teams --json --limit 2 --cursor "$cursor" --db "$DB"
	else
		run list teams --json --limit 2 --db "$DB"
	fi
	[ "$STATUS" -eq 0 ] || break
	pages=$((pages + 1))
	sed -n 's/^      "key": "\(.*\)",$/\1/p' "$WORK/out" >> "$WORK/keys"
	cursor=$(sed -n 's/^  "next_cursor": "\(.*\)"$/\1/p' "$WORK/out")
	[ -n "$cursor" ] || break
	[ "$pages" -lt 100 ] || break
done
expect_status "every page of teams" 0
"$COMPGAP" list teams --db "$DB" | sed -n '2,$p' | awk '{print $1}' | LC_ALL=C sort > "$WORK/text-keys"
same_files "pages of teams give each team once, in key order" "$WORK/keys" "$WORK/text-keys"
expect_out "the last page has no next cursor" '"next_cursor": null'

run list people --json --team kcc-online --limit 1 --db "$DB"
expect_status "people of a team as JSON" 0
expect_out "a person's document" '      "team": "kcc-online",'
expect_out "a cursor after one person" '"next_cursor": "KCC-'

run list teams --json --team kcc-online --db "$DB"
expect_out "a team filter on teams with --json" '"key": "kcc-online"'

run list roles --json --limit 1 --db "$DB"
expect_out "a role with its requirements" '"requirements": ['

run show competency customer-focus --json --db "$DB"
expect_status "a competency as JSON" 0
expect_out "a competency's indicators" '"indicators": ['
expect_out "a competency's levels" '"levels": ['

run show person KCC-1003 --json --db "$DB"
expect_status "a person as JSON" 0
expect_out "a person's id" '"id": "KCC-1003",'

run show person KCC-9999 --json --db "$DB"
expect_status "an unknown person" 65
expect_err "an unknown person is named" "unknown person 'KCC-9999'"
[ ! -s "$WORK/out" ] && ok "nothing on stdout for an unknown person" ||
	not_ok "nothing on stdout for an unknown person" "$(head -c 300 "$WORK/out")"

run list teams --json --limit 0 --db "$DB"
expect_status "--limit 0" 64
expect_err "--limit out of range" "--limit '0' is not a number from 1 to 1000"
run list teams --limit 2 --db "$DB"
expect_status "--limit without --json" 64
expect_err "--limit without --json is refused" "--limit and --cursor go with --json"
run list people --json --team nowhere --db "$DB"
expect_status "an unknown team" 65
expect_err "an unknown team is named" "unknown team 'nowhere'"
[ ! -s "$WORK/out" ] && ok "nothing on stdout for an unknown team" ||
	not_ok "nothing on stdout for an unknown team" "$(head -c 300 "$WORK/out")"

done_testing
