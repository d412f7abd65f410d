#!/bin/sh
# compgap's OKR figures agree with an independent implementation of the
# rules (tests/cli/independent_okr.py, written from issue 14 and the
# decisions on it, not from compgap's code; the levels are those of
# tests/cli/independent.py), on organisations it makes at random: a tree of
# teams (an empty one, one whose people all left), active and inactive
# people, evidence of every source over two years; objectives of teams and
# of the organisation over days, months, quarters and years, some with a
# parent; key results of the three types: competency shares (targets above,
# on and below the baseline, a team with nobody to count), metrics up, down
# and flat, milestones, weights other than 1; check-ins none, one or
# several, before the start, after the end and after the day asked. For
# every team with objectives, one without and the organisation, and days
# before every start, inside, on a start, on an end, on a month end and
# after every end, `okr [--team KEY] --as-of DATE --json` is compared
# field by field: progress, expected, statuses, baselines, current values,
# targets, weights and forecasts. A new organisation each run (its seed is
# printed); SEEDS="1 2 3" picks them. On SQLite, or PostgreSQL with
# $COMPGAP_TEST_PG.
. "$(dirname "$0")/lib.sh"

IO=$HERE/independent_okr.py
# After every row generated (evidence to 2026-12-31, check-ins to early
# 2027, days asked to mid-2027), so that nothing is refused as ahead.
COMPGAP_TODAY=2027-12-31
export COMPGAP_TODAY

# The reference on hand-computed cases first: a comparison with a wrong
# reference would prove nothing.
if python3 "$IO" selftest > "$WORK/self" 2>&1; then
	ok "the independent rules hold on hand-computed cases"
else
	not_ok "the independent rules hold on hand-computed cases" "$(head -n 20 "$WORK/self")"
fi

# check_org SEED: one random organisation, loaded and compared.
check_org() {
	seed=$1
	dir=$WORK/org-$seed
	db=$WORK/okr-$seed.db
	python3 "$IO" gen "$dir" "$seed" > "$WORK/gen" 2>&1 ||
		{ not_ok "seed $seed: the organisation is made" "$(tail -n 5 "$WORK/gen")"; return; }
	sed 's/^/# /' "$WORK/gen"
	run init --db "$db"
	for kind in teams competencies roles people evidence objectives key-results checkins; do
		file=$(echo "$kind" | tr - _)
		run import "$kind" "$dir/$file.csv" --db "$db"
		[ "$STATUS" -eq 0 ] || {
			not_ok "seed $seed: import $kind" "$(head -c 600 "$WORK/err")"
			return
		}
	done
	ok "seed $seed: the organisation, objectives, key results and check-ins import"

	: > "$WORK/list"
	n=0
	failed_runs=0
	for team in $(cat "$dir/teams"); do
		for date in $(cat "$dir/dates"); do
			f=$WORK/okr-$seed-$team-$date.json
			if [ "$team" = - ]; then
				"$COMPGAP" okr --as-of "$date" --json --db "$db" > "$f" 2> "$WORK/err"
			else
				"$COMPGAP" okr --team "$team" --as-of "$date" --json --db "$db" > "$f" 2> "$WORK/err"
			fi
			st=$?
			if [ "$st" -ne 0 ]; then
				failed_runs=$((failed_runs + 1))
				[ "$failed_runs" -le 3 ] &&
					echo "# seed $seed, team $team, $date: exit status $st: $(head -c 300 "$WORK/err")"
			fi
			echo "$team $date $f" >> "$WORK/list"
			n=$((n + 1))
		done
	done
	check "seed $seed: every okr --json run succeeds" [ "$failed_runs" -eq 0 ]
	if python3 "$IO" compare-list "$dir" "$WORK/list" > "$WORK/cmp" 2>&1; then
		ok "seed $seed: the $n documents of $(wc -l < "$dir/teams") teams (- is the organisation) as of $(wc -l < "$dir/dates") days agree"
	else
		not_ok "seed $seed: the $n documents agree ($(grep -c '^differ' "$WORK/cmp") differ)"
		grep -v '^same' "$WORK/cmp" | head -n 60 | sed 's/^/#   /'
	fi

	# The comparison notices a reference that counts each period one day
	# longer (every objective's expected moves while it runs).
	if OKR_INDEP_PERTURB=expected python3 "$IO" compare-list "$dir" "$WORK/list" \
		> "$WORK/cmp" 2>&1; then
		not_ok "seed $seed: the comparison notices a wrong expected"
	elif grep -q '^differ .*' "$WORK/cmp" && grep -q '\.expected: ours' "$WORK/cmp"; then
		ok "seed $seed: the comparison notices a wrong expected"
	else
		not_ok "seed $seed: the comparison notices a wrong expected" "$(head -n 5 "$WORK/cmp")"
	fi
}

for seed in ${SEEDS:-$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')}; do
	echo "# organisation of seed $seed (SEEDS=$seed repeats it)"
	check_org "$seed"
done

done_testing
