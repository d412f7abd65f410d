#!/bin/sh
# compgap copy: a whole organisation moves between databases with nothing
# lost (every export, every analysis the same), a target with data is
# refused unless --force, and the copy goes on numbering rows after the
# copied ones. On PostgreSQL (pg-wrap.sh) the same runs between two
# PostgreSQL databases, and then across the engines both ways.
. "$(dirname "$0")/lib.sh"

SRC=$WORK/src.db
"$COMPGAP" demo --db "$SRC" > /dev/null
"$COMPGAP" retract 7 --reason "entered twice" --db "$SRC" > /dev/null
"$COMPGAP" config set half_life 150 --db "$SRC" > /dev/null

# add_okrs COMPGAP DB: objectives (one under another), key results of
# the three types and check-ins, with numbers that are not whole.
add_okrs() {
	printf '%s\n' "key,team,title,start,end,owner,parent,checkin_interval" \
		"kcc-2026,,The centre's year,2026,,KCC-1001,,monthly" \
		"phone-q4,kcc-phone,Phone in Q4,2026-Q4,,,kcc-2026,weekly" > "$WORK/okr-o.csv"
	printf '%s\n' "objective,key,title,type,competency,level,target,start_value,unit,weight" \
		"kcc-2026,kcc-cf,Customer focus,competency,customer-focus,3,0.85,,,1.5" \
		"phone-q4,phone-fcr,First-contact resolution,metric,,,75.25,60.1,%,1" \
		"phone-q4,phone-moves,Moves,milestone,,,3,,,0.333333" > "$WORK/okr-k.csv"
	printf '%s\n' "key_result,date,value,confidence,note" \
		"phone-fcr,2026-10-15,61.7,0.9,first" \
		"phone-moves,2026-11-01,1,,\"one, then more\"" > "$WORK/okr-c.csv"
	"$1" import objectives "$WORK/okr-o.csv" --db "$2" > /dev/null &&
		"$1" import key-results "$WORK/okr-k.csv" --db "$2" > /dev/null &&
		"$1" import checkins "$WORK/okr-c.csv" --db "$2" > /dev/null ||
		echo "the OKRs were not imported into $2" >&2
}
add_okrs "$COMPGAP" "$SRC"

# same_analyses NAME DB1 DB2: the analyses of the two databases agree.
same_analyses() {
	for args in "gaps --team kcc --as-of 2026-10-31 --json" "recommend --team kcc --as-of 2026-10-31 --json" \
		"show person KCC-1015 --all" "config" "list people" "trend --team kcc-online --json"; do
		# shellcheck disable=SC2086
		"$COMPGAP" $args --db "$2" > "$WORK/analysis-a" 2>&1
		# shellcheck disable=SC2086
		"$COMPGAP" $args --db "$3" > "$WORK/analysis-b" 2>&1
		same_files "$1: $args" "$WORK/analysis-a" "$WORK/analysis-b"
	done
}

run copy --from "$SRC" --to "$WORK/dst.db"
expect_status "copy into a new database" 0
expect_out "copy names both databases" "copied $(db_describe "$SRC")"
expect_out "copy counts the evidence rows" "evidence rows           10063"
expect_out "copy counts the retraction" "retractions                 1"
expect_out "copy counts the objectives (the demo's 7 and 2 more)" "objectives                  9"
expect_out "copy counts the check-ins (the demo's 20 and 2 more)" "check-ins                  22"
expect_out "copy says the checksums agree" ", the same on both sides"
snapshot "$SRC" "$WORK/snap-src"
snapshot "$WORK/dst.db" "$WORK/snap-dst"
same_snapshot "every export of the copy equals the source's" "$WORK/snap-src" "$WORK/snap-dst"
same_analyses "copy" "$SRC" "$WORK/dst.db"

run copy --from "$SRC" --to "$WORK/dst.db"
expect_status "a target with data is refused" 73
expect_err "the refusal says what is there and how to go on" "holds data already (41 people, 10063 evidence rows"
expect_err "the refusal names --force" "add --force to replace everything in it"

# The copy numbers new rows after the copied ones, as the source would.
printf 'person,competency,level,source,date,assessor,note\nKCC-1015,customer-focus,4,self,2026-11-01,,after the copy\n' > "$WORK/one.csv"
"$COMPGAP" import evidence "$WORK/one.csv" --db "$WORK/dst.db" > /dev/null
"$COMPGAP" import evidence "$WORK/one.csv" --db "$SRC" > /dev/null
"$COMPGAP" show person KCC-1015 --all --db "$WORK/dst.db" | grep 'after the copy' > "$WORK/new-dst"
"$COMPGAP" show person KCC-1015 --all --db "$SRC" | grep 'after the copy' > "$WORK/new-src"
same_files "a row stored after the copy gets the id it gets in the source" "$WORK/new-src" "$WORK/new-dst"
grep -q '^ *10064 ' "$WORK/new-dst" && ok "the new row is 10064" || not_ok "the new row is 10064" "$(cat "$WORK/new-dst")"

# --force replaces everything: the extra row is gone again.
"$COMPGAP" import evidence "$WORK/one.csv" --db "$WORK/dst.db" > /dev/null
run copy --from "$WORK/src.db" --to "$WORK/dst.db" --force
expect_status "--force replaces the target" 0
snapshot "$WORK/dst.db" "$WORK/snap-forced"
snapshot "$SRC" "$WORK/snap-src2"
same_snapshot "after --force the target equals the source" "$WORK/snap-src2" "$WORK/snap-forced"

run copy --from "$SRC" --to "$SRC" --force
expect_status "copying a database onto itself is refused" 64
expect_err "the refusal says why" "name the same database"
run copy --from "$WORK/nothing-here.db" --to "$WORK/dst2.db"
expect_status "a missing source" 66
run copy --from "$SRC"
expect_status "copy without --to" 64
expect_err "copy without --to says what it needs" "--from SOURCE --to TARGET"

# An empty organisation copies too.
"$COMPGAP" init --db "$WORK/empty.db" > /dev/null
run copy --from "$WORK/empty.db" --to "$WORK/empty-copy.db"
expect_status "an empty database copies" 0

# Across the engines: SQLite -> PostgreSQL -> SQLite, nothing lost.
if [ "$ENGINE" = postgresql ]; then
	"$COMPGAP_REAL" demo --db "$WORK/file.db" > /dev/null
	"$COMPGAP_REAL" retract 3 --reason "wrong person" --db "$WORK/file.db" > /dev/null
	add_okrs "$COMPGAP_REAL" "$WORK/file.db"
	PG=$("$COMPGAP" --map "$WORK/moved.db")
	"$COMPGAP_REAL" copy --from "$WORK/file.db" --to "$PG" > "$WORK/out" 2> "$WORK/err"
	STATUS=$?
	expect_status "SQLite to PostgreSQL" 0
	sum1=$(sed -n 's/^checksum \([0-9a-f]*\).*/\1/p' "$WORK/out")
	"$COMPGAP_REAL" copy --from "$PG" --to "$WORK/back.db" > "$WORK/out" 2> "$WORK/err"
	STATUS=$?
	expect_status "PostgreSQL back to SQLite" 0
	sum2=$(sed -n 's/^checksum \([0-9a-f]*\).*/\1/p' "$WORK/out")
	[ -n "$sum1" ] && [ "$sum1" = "$sum2" ] && ok "the checksum is the same both ways" ||
		not_ok "the checksum is the same both ways" "$sum1 / $sum2"
	snapshot_real() {
		mkdir -p "$2"
		for kind in teams people competencies indicators roles evidence objectives \
			key-results checkins; do
			"$COMPGAP_REAL" export "$kind" --db "$1" > "$2/$kind.csv"
		done
	}
	snapshot_real "$WORK/file.db" "$WORK/x-file"
	snapshot_real "$PG" "$WORK/x-pg"
	snapshot_real "$WORK/back.db" "$WORK/x-back"
	same_snapshot "SQLite and PostgreSQL hold the same after the move" "$WORK/x-file" "$WORK/x-pg"
	same_snapshot "and the way back loses nothing" "$WORK/x-file" "$WORK/x-back"
	for args in "gaps --team kcc --as-of 2026-10-31 --json" "recommend --team kcc --as-of 2026-10-31 --json" \
		"report --team kcc-online --as-of 2026-10-31 -o -"; do
		# shellcheck disable=SC2086
		"$COMPGAP_REAL" $args --db "$WORK/file.db" > "$WORK/a"
		# shellcheck disable=SC2086
		"$COMPGAP_REAL" $args --db "$PG" > "$WORK/b"
		same_files "the same on both engines: $args" "$WORK/a" "$WORK/b"
	done
fi

done_testing
