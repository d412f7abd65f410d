#!/bin/sh
# compgap's quality figures agree with an independent implementation of the
# rules (tests/cli/independent_quality.py, written from methodology.md and
# csv-formats.md, not from compgap's code), on organisations it makes at
# random: scorecards on five kinds of scale with critical areas, a second
# version of one scorecard, evaluations of every kind (manager, peer, self
# of the same contacts, a second coach, calibration) over three months,
# corrected and retracted ones. For every team and month the team's month
# (`quality --json`) and the coaches' reminder list (`--due`), every evaluation (`show evaluation --json`), the
# evidence rows the evaluations in force give (`explain --json` names each
# row's evaluation; the evidence export leaves them out) and the levels
# they feed (`gaps --json`, checked by tests/cli/independent.py from the
# expected evidence, not from compgap's). A new organisation each run (its
# seed is printed); SEEDS="1 2 3" picks them. On SQLite, or PostgreSQL
# with $COMPGAP_TEST_PG.
. "$(dirname "$0")/lib.sh"

IQ=$HERE/independent_quality.py
INDEP=$HERE/independent.py
COMPGAP_TODAY=2026-06-15
export COMPGAP_TODAY

# check_org SEED: one random organisation, loaded and compared.
check_org() {
	seed=$1
	dir=$WORK/org-$seed
	db=$WORK/q-$seed.db
	python3 "$IQ" gen "$dir" "$seed" || { not_ok "seed $seed: the organisation is made"; return; }
	run init --db "$db"
	for kind in teams competencies roles people evidence; do
		run import "$kind" "$dir/$kind.csv" --db "$db"
		[ "$STATUS" -eq 0 ] || { not_ok "seed $seed: import $kind" "$(head -c 300 "$WORK/err")"; return; }
	done
	failed_steps=0
	while read -r what arg; do
		case $what in
		retract) run retract --evaluation "$arg" --reason "seed $seed" --db "$db" ;;
		*) run import "$what" "$dir/$arg" --db "$db" ;;
		esac
		if [ "$STATUS" -ne 0 ]; then
			failed_steps=$((failed_steps + 1))
			echo "# seed $seed: $what $arg: $(head -c 300 "$WORK/err")"
		fi
	done < "$dir/steps"
	check "seed $seed: every import and retraction succeeds" [ "$failed_steps" -eq 0 ]

	# Every team and month, with the default target and another one.
	bad=0
	n=0
	for team in $(cat "$dir/teams"); do
		for month in $(cat "$dir/months"); do
			for target in 4 2; do
				[ "$target" = 4 ] || run config set qa_target_per_month "$target" --db "$db" > /dev/null
				"$COMPGAP" quality --team "$team" --month "$month" --json --db "$db" \
					> "$WORK/month.json" 2> "$WORK/err"
				"$COMPGAP" quality --team "$team" --month "$month" --due --json --db "$db" \
					> "$WORK/due.json" 2> "$WORK/err"
				[ "$target" = 4 ] || run config set qa_target_per_month 4 --db "$db" > /dev/null
				n=$((n + 1))
				for what in month due; do
					python3 "$IQ" compare-$what "$dir" "$team" "$month" "$target" \
						"$WORK/$what.json" > "$WORK/diff" 2>&1 && continue
					bad=$((bad + 1))
					echo "# seed $seed, team $team, $month, target $target, $what:"
					sed 's/^/#   /' "$WORK/diff" | head -n 12
				done
			done
		done
	done
	check "seed $seed: the $n team months and reminder lists agree (quality [--due] --json)" \
		[ "$bad" -eq 0 ]

	# Every evaluation stored, retracted ones too.
	: > "$WORK/list"
	for key in $(cut -d, -f1 "$dir"/evaluations-*.csv | grep -v '^evaluation$' | sort -u); do
		"$COMPGAP" show evaluation "$key" --json --db "$db" > "$WORK/ev-$key.json" 2> "$WORK/err"
		echo "$key $WORK/ev-$key.json" >> "$WORK/list"
	done
	if python3 "$IQ" compare-evaluations "$dir" "$WORK/list" > "$WORK/diff" 2>&1; then
		ok "seed $seed: all $(wc -l < "$WORK/list") evaluations agree (show evaluation --json)"
	else
		not_ok "seed $seed: the evaluations agree (show evaluation --json)" "$(head -n 12 "$WORK/diff")"
	fi

	# The evidence they give (explain names the evaluation of each row;
	# the evidence export leaves them out), and the levels it feeds.
	"$COMPGAP" export evidence --lf --db "$db" > "$WORK/evidence.csv"
	check "seed $seed: the evidence export holds only the rows not from evaluations" \
		[ "$(($(wc -l < "$WORK/evidence.csv") - 1))" = "$(($(wc -l < "$dir/evidence.csv") - 1))" ]
	: > "$WORK/list"
	for person in $(grep ',agent,' "$dir/people.csv" | cut -d, -f1); do
		for comp in $(tail -n +2 "$dir/competencies.csv" | cut -d, -f1); do
			f=$WORK/x-$person-$comp.json
			"$COMPGAP" explain --person "$person" --competency "$comp" --json --db "$db" > "$f" 2> /dev/null
			echo "$f" >> "$WORK/list"
		done
	done
	if python3 "$IQ" compare-evidence "$dir" "$WORK/list" > "$WORK/diff" 2>&1; then
		ok "seed $seed: the evidence rows from evaluations in force agree (explain --json)"
	else
		not_ok "seed $seed: the evidence rows from evaluations in force agree" "$(head -n 12 "$WORK/diff")"
	fi
	exp=$WORK/expected-$seed
	mkdir -p "$exp"
	for kind in teams people competencies indicators roles; do
		"$COMPGAP" export "$kind" --lf --db "$db" > "$exp/$kind.csv"
	done
	python3 "$IQ" evidence "$dir" > "$exp/evidence.csv"
	bad=0
	for team in $(cat "$dir/teams"); do
		for date in 2026-03-31 2026-04-30 2026-06-15; do
			"$COMPGAP" gaps --team "$team" --as-of "$date" --json --db "$db" > "$WORK/gaps.json" 2> "$WORK/err"
			if ! python3 "$INDEP" "$exp" compare "$team" "$date" "$WORK/gaps.json" > "$WORK/diff" 2>&1; then
				bad=$((bad + 1))
				echo "# seed $seed, gaps of $team as of $date:"
				sed 's/^/#   /' "$WORK/diff" | head -n 8
			fi
		done
	done
	check "seed $seed: the levels the evaluations feed agree (gaps --json, independent.py)" [ "$bad" -eq 0 ]
}

for seed in ${SEEDS:-$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')}; do
	echo "# organisation of seed $seed (SEEDS=$seed repeats it)"
	check_org "$seed"
done

done_testing
