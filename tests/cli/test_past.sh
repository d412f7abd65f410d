#!/bin/sh
# Views as of a past date read each pair's packed history beside its running
# sums (docs/time-travel.md): on the demo, after a retraction and a change
# of half-life, the gaps and recommendations of several past dates agree
# with the independent implementation working from the rows
# (tests/cli/independent.py); and so they do on a copy of the database and
# on a schema-3 database (the history column taken away) that compgap
# migrates when it opens it.
. "$(dirname "$0")/lib.sh"

INDEP=$(dirname "$DATA")/independent.py
DATES="2025-11-15 2026-01-31 2026-04-30 2026-08-31"

if ! command -v python3 > /dev/null 2>&1; then
	not_ok "python3 is available for the independent implementation"
	done_testing
	exit 0
fi

DB=$WORK/demo.db
"$COMPGAP" demo --db "$DB" > /dev/null
run retract 7 --reason "entered twice" --db "$DB"
expect_status "a row is retracted" 0
run config set half_life 150 --db "$DB"
expect_status "the half-life is changed" 0

# agree_past NAME DB: gaps and recommend of two teams as of every date of
# DATES agree with independent.py from DB's exports.
agree_past() {
	dir=$WORK/export-$1
	mkdir -p "$dir"
	for kind in teams people competencies indicators roles evidence scorecards evaluations \
		objectives key-results; do
		"$COMPGAP" export "$kind" --lf --db "$2" > "$dir/$(echo "$kind" | tr - _).csv"
	done
	for date in $DATES; do
		for team in kcc kcc-phone; do
			for what in gaps recommend; do
				name="$1: $what --team $team --as-of $date agrees with the rows"
				if ! "$COMPGAP" "$what" --team "$team" --as-of "$date" --json --db "$2" \
					> "$WORK/ours.json" 2> "$WORK/err"; then
					not_ok "$name" "compgap failed: $(head -c 400 "$WORK/err")"
					continue
				fi
				mode=compare
				[ "$what" = recommend ] && mode=compare-recommend
				if python3 "$INDEP" "$dir" "$mode" "$team" "$date" "$WORK/ours.json" \
					--half-life 150 ${MENTOR_OPTION:-} > "$WORK/diff" 2>&1; then
					ok "$name"
				else
					not_ok "$name" "$(head -n 8 "$WORK/diff")"
				fi
			done
		done
	done
}

agree_past demo "$DB"

# The best levels by which the search of a past date reads mentors count
# only the dates with the mentor minimum's weight: a new minimum rebuilds
# them, and the past views agree again.
run copy --from "$DB" --to "$WORK/mentor.db"
run config set mentor_min_confidence 0.7 --db "$WORK/mentor.db"
expect_out "a new mentor minimum rebuilds the sums" "mentor_min_confidence = 0.7 (running sums rebuilt)"
run check --db "$WORK/mentor.db"
expect_status "and the check finds every best level right" 0
MENTOR_OPTION="--mentor-min-confidence 0.7" agree_past "mentor minimum 0.7" "$WORK/mentor.db"

# The copy carries the histories: its past views are those of the source.
run copy --from "$DB" --to "$WORK/copy.db"
expect_status "copy" 0
for date in $DATES; do
	"$COMPGAP" gaps --team kcc --as-of "$date" --json --db "$DB" > "$WORK/a.json" 2>&1
	"$COMPGAP" gaps --team kcc --as-of "$date" --json --db "$WORK/copy.db" > "$WORK/b.json" 2>&1
	same_files "the copy's gaps as of $date are the source's" "$WORK/a.json" "$WORK/b.json"
done

# Databases of schema 3 (without the history and best-level columns) and
# of schema 4 (without the best level): both migrate to the same figures.
# old_schema VERSION SQL: a copy of the demo brought back to VERSION.
old_schema() {
	OLD=$WORK/old-$1.db
	"$COMPGAP" copy --from "$DB" --to "$OLD" > /dev/null
	# The accounts of schema 6, the generation of 7 and the library's
	# texts of 8 go too, on each engine in its own way.
	if [ "$ENGINE" = sqlite ]; then
		python3 -c "import sqlite3, sys; c = sqlite3.connect(sys.argv[1])
c.executescript(sys.argv[2])
for t in ('checkin', 'key_result', 'objective', 'plan_action', 'webhook_delivery', 'webhook_endpoint', 'coaching_followup', 'coaching_item', 'coaching_star', 'coaching_evaluation',
          'coaching_agent', 'coaching_session', 'evaluation_score', 'evaluation', 'scorecard_area', 'scorecard_version', 'scorecard',
          'account_team', 'api_token_team', 'session', 'account', 'api_token', 'audit_log',
          'data_generation', 'competency_text', 'indicator_text', 'role_text', 'evidence_star'):
    c.execute('DROP TABLE ' + t)
c.commit()" "$OLD" "$2"
	else
		target=$("$COMPGAP" --map "$OLD")
		test_psql "${target##*dbname=}" -c "$2
			DROP TABLE checkin, key_result, objective, plan_action, webhook_delivery, webhook_endpoint, coaching_followup, coaching_item, coaching_star, coaching_evaluation,
				coaching_agent, coaching_session,
				account_team, api_token_team, session, account, api_token, audit_log,
				data_generation, competency_text, indicator_text, role_text, evidence_star,
				evaluation_score, evaluation, scorecard_area, scorecard_version, scorecard;
			DROP FUNCTION audit_log_append_only()"
	fi
	run init --db "$OLD"
	expect_status "a schema-$1 database is migrated" 0
	expect_out "the migration from schema $1 reaches schema $SCHEMA" "from schema version $1 to $SCHEMA"
	agree_past "migrated from $1" "$OLD"
}

old_schema 4 "DROP INDEX evidence_sum_best; ALTER TABLE evidence_sum DROP COLUMN best_level;
	DELETE FROM schema_version WHERE version >= 5;"
old_schema 3 "DROP INDEX evidence_sum_best; ALTER TABLE evidence_sum DROP COLUMN best_level;
	ALTER TABLE evidence_sum DROP COLUMN history; DELETE FROM schema_version WHERE version >= 4;"

done_testing
