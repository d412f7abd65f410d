#!/bin/sh
# The demo organisation: it is the same on every run, an export of it
# imported into a new database exports identically, and the listing
# commands show it.
. "$(dirname "$0")/lib.sh"

run demo --db "$WORK/demo.db"
expect_status "demo creates the organisation" 0
expect_out "demo summary counts the people" "people         41 (2 without any evidence yet)"
expect_out "demo summary counts the competencies" "competencies   14"
expect_out "demo summary counts the evaluations" "evaluations    604 of customer contacts on 2 scorecards: manager 528, peer 28,"
expect_out "... of every kind" "self 36, calibration 12 in 4 sessions"

run demo --db "$WORK/demo.db"
expect_status "demo refuses a database that holds an organisation" 65
expect_err "demo says why it refused" "holds an organisation already"

run demo --db "$WORK/again.db"
snapshot "$WORK/demo.db" "$WORK/first"
snapshot "$WORK/again.db" "$WORK/second"
same_snapshot "two demos are identical (fixed seed)" "$WORK/first" "$WORK/second"

# Export, import into a fresh database, export again: identical.
run init --db "$WORK/copy.db"
for kind in teams competencies indicators roles people evidence scorecards evaluations; do
	run import "$kind" "$WORK/first/$kind.csv" --db "$WORK/copy.db"
	expect_status "the demo's $kind export imports again" 0
done
snapshot "$WORK/copy.db" "$WORK/third"
same_snapshot "export, import, export round-trips the demo exactly" "$WORK/first" "$WORK/third"

rows=$(grep -c ',20[0-9][0-9]-[0-9][0-9]-[0-9][0-9],' "$WORK/first/evidence.csv")
if [ "$rows" -gt 5000 ]; then ok "the demo has thousands of evidence rows ($rows)"; else
	not_ok "the demo has thousands of evidence rows" "only $rows"; fi
for source in self manager peer assessment test qa customer; do
	if grep -q ",$source,20" "$WORK/first/evidence.csv"; then ok "the demo has $source evidence"; else
		not_ok "the demo has $source evidence"; fi
done

# The phone team's evaluations: about four manager evaluations a month
# per agent, of every kind, and the evidence they give (the desk's and the
# online team's quality rows came as evidence).
for kind in manager peer self calibration; do
	if grep -q ",$kind,20" "$WORK/first/evaluations.csv"; then ok "the demo has $kind evaluations"; else
		not_ok "the demo has $kind evaluations"; fi
done
run quality --team kcc-phone --month 2026-03 --json --db "$WORK/demo.db"
if python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
agents = [a for a in d['agents'] if a['evaluations'] > 0]
assert len(agents) == 11 and all(a['evaluations'] >= 4 for a in agents), agents
assert 'active listening' in [g['area'] for g in d['group_coaching']], d['group_coaching']
" "$WORK/out"; then ok "the phone team's month: four or more a month each, group coaching on listening"
else not_ok "the phone team's month: four or more a month each, group coaching on listening"; fi
run calibration --team kcc-phone --month 2026-03 --json --db "$WORK/demo.db"
if python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d['sessions']) == 1 and d['sessions'][0]['agreed'] is not None
assert len(d['sessions'][0]['evaluations']) == 3
assert any(a['alignment'] is not None for a in d['agents'])
" "$WORK/out"; then ok "the phone team's calibration session of March"
else not_ok "the phone team's calibration session of March"; fi

run list teams --db "$WORK/demo.db"
expect_status "list teams" 0
expect_out "list teams nests the teams under the department" "  kcc-phone   Telefonie"
run list people --team kcc-online --db "$WORK/demo.db"
expect_out "list people --team shows the team's members" "KCC-1053"
if grep -q "KCC-1012" "$WORK/out"; then not_ok "list people --team leaves out other teams"; else
	ok "list people --team leaves out other teams"; fi
run list people --team nowhere --db "$WORK/demo.db"
expect_status "list people with an unknown team" 65
run list competencies --db "$WORK/demo.db"
expect_out "list competencies counts indicators and levels" "customer-focus"
run list roles --db "$WORK/demo.db"
expect_out "list roles shows required levels" "team-lead"
run list gizmos --db "$WORK/demo.db"
expect_status "list of an unknown thing is a usage error" 64

run show person KCC-1039 --db "$WORK/demo.db"
expect_status "show an unassessed person" 0
expect_out "an unassessed person is said to be so" "No evidence yet: every competency is unassessed."
run show person KCC-1015 --db "$WORK/demo.db"
expect_out "show person lists the role's competencies" "Competencies required by role agent:"
expect_out "show person lists the newest evidence" "the 20 newest of"
run show person KCC-1015 --all --db "$WORK/demo.db"
if [ "$(grep -c ' qa ' "$WORK/out")" -gt 100 ]; then ok "show person --all lists every row"; else
	not_ok "show person --all lists every row"; fi
run show competency customer-focus --db "$WORK/demo.db"
expect_out "show competency has the definition" "Definition:"
expect_out "show competency has the indicators" "Behavioural indicators:"
expect_out "show competency has the level descriptors" "Levels:"
expect_out "show competency lists the roles that need it" "Required by:"
run show person NOBODY --db "$WORK/demo.db"
expect_status "show an unknown person" 65
expect_err "show an unknown person says how to find one" "'compgap list people' lists them"

# Synthetic organisations: the same seed gives the same organisation.
run generate --people 200 --seed 5 --db "$WORK/gen1.db"
expect_status "generate" 0
expect_out "generate says what it made" "generated 200 people"
run generate --people 200 --seed 5 --db "$WORK/gen2.db"
snapshot "$WORK/gen1.db" "$WORK/gen1"
snapshot "$WORK/gen2.db" "$WORK/gen2"
same_snapshot "the same seed generates the same organisation" "$WORK/gen1" "$WORK/gen2"
rows=$(($(wc -l < "$WORK/gen1/evidence.csv") - 1))
if [ "$rows" -ge 10000 ] && [ "$rows" -le 14000 ]; then ok "about 60 evidence rows a person ($rows)"; else
	not_ok "about 60 evidence rows a person" "$rows rows for 200 people"; fi
run gaps --team org --db "$WORK/gen1.db"
expect_status "a generated organisation can be analysed" 0
# The whole organisation is read with one scan of the running sums, a team
# of 1000 people's with a lookup per line (fewer lines than half the
# people): both must give every member the same lines, today and at a date
# before the newest evidence (sums from the rows).
"$COMPGAP" generate --people 1000 --seed 9 --db "$WORK/gen4.db" > /dev/null
for asof in 2026-11-01 2026-03-15; do
	"$COMPGAP" gaps --team org --json --as-of $asof --db "$WORK/gen4.db" > "$WORK/whole.json"
	for team in $("$COMPGAP" list teams --db "$WORK/gen4.db" | awk '$1 ~ /^t[0-9]/ { print $1 }'); do
		"$COMPGAP" gaps --team "$team" --json --as-of $asof --db "$WORK/gen4.db" > "$WORK/team-$team.json"
	done
	if python3 - "$WORK/whole.json" "$WORK"/team-*.json <<'PY'
import json, sys
whole = {m["person"]: m for m in json.load(open(sys.argv[1]))["members"]}
parts = {}
for f in sys.argv[2:]:
    for m in json.load(open(f))["members"]:
        parts[m["person"]] = m
sys.exit(0 if whole == parts and len(whole) > 900 else 1)
PY
	then ok "as of $asof, the whole organisation's members equal its teams' members"
	else not_ok "as of $asof, the whole organisation's members equal its teams' members"; fi
	rm -f "$WORK"/team-*.json
done
# --users: a user of every role, each of whom can sign in with the demo
# password printed; a second demo refuses the database as before.
run demo --users --db "$WORK/users.db"
expect_status "demo --users" 0
expect_out "demo --users prints the password" "password 'lindeborg-demo'"
"$COMPGAP" user list --db "$WORK/users.db" | awk 'NR > 1 { print $1, $2, $3, $4 }' > "$WORK/users"
printf '%s\n' "admin admin - -" "coach coach - kcc-online" "employee employee KCC-1011 -" \
	"hr hr - -" "manager manager KCC-1010 -" > "$WORK/users.want"
same_files "one user of every role, linked to the demo's people and teams" \
	"$WORK/users" "$WORK/users.want"
run generate --people 10 --db "$WORK/gen1.db"
expect_status "generate refuses a database with people" 65
run generate --db "$WORK/gen3.db"
expect_status "generate needs --people" 64

done_testing
