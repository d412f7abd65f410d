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
expect_out "demo summary counts the coaching sessions" "  coaching       136 sessions (4 group sessions)"
expect_out "demo summary counts the plan actions" "  plans          16 actions: planned 5, in_progress 5, done 4, dropped 2"

run demo --db "$WORK/demo.db"
expect_status "demo refuses a database that holds an organisation" 65
expect_err "demo says why it refused" "holds an organisation already"

run demo --db "$WORK/again.db"
snapshot "$WORK/demo.db" "$WORK/first"
snapshot "$WORK/again.db" "$WORK/second"
same_snapshot "two demos are identical (fixed seed)" "$WORK/first" "$WORK/second"

# Export, import into a fresh database, export again: identical.
run init --db "$WORK/copy.db"
for kind in teams competencies indicators roles people evidence scorecards evaluations \
	objectives key-results checkins; do
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

# The coaching of the phone team: each agent once a month on that month's
# evaluations, with STAR notes, development items and the follow-up of the
# items still open; a group session on active listening each quarter,
# whose items the agents' next sessions follow up.
"$COMPGAP" coaching list --team kcc-phone --json --db "$WORK/demo.db" > "$WORK/coaching.json"
"$COMPGAP" coaching list --team kcc-phone --json --db "$WORK/again.db" > "$WORK/coaching-again.json"
same_files "two demos have the same coaching sessions" "$WORK/coaching.json" "$WORK/coaching-again.json"
if python3 - "$WORK/coaching.json" <<'PY'
import collections, json, sys
d = json.load(open(sys.argv[1]))
one = [s for s in d["sessions"] if len(s["agents"]) == 1]
months = collections.defaultdict(set)
for s in one:
    months[s["agents"][0]].add(s["date"][:7])
want = {"2025-11", "2025-12"} | {"2026-%02d" % m for m in range(1, 11)}
assert len(months) == 11 and all(m == want for m in months.values()), months
assert len(one) == 132 and all(s["coach"] in ("KCC-1002", "KCC-1003") for s in one)
group = [s for s in d["sessions"] if len(s["agents"]) > 1]
assert len(group) == 4 and all(len(s["agents"]) >= 3 and s["coach"] == "KCC-1010"
                               and "active listening" in s["topic"] for s in group), group
PY
then ok "a session a month for each of the 11 agents, and 4 group sessions of 3 or more"
else not_ok "a session a month for each of the 11 agents, and 4 group sessions of 3 or more"; fi
month=$(python3 -c 'import json, sys; print([s["key"] for s in json.load(open(sys.argv[1]))["sessions"] if s["agents"] == ["KCC-1016"] and s["date"].startswith("2026-03")][0])' "$WORK/coaching.json")
run show coaching "$month" --json --db "$WORK/demo.db"
expect_status "show coaching of KCC-1016's session of March 2026 ($month)" 0
if python3 - "$WORK/out" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
assert s["agents"] == ["KCC-1016"] and not s["group"]
ev = s["evaluations"]
assert len(ev) >= 4 and all(e["agent"] == "KCC-1016" and e["date"][:7] == "2026-03" for e in ev), ev
assert s["notes"] and all(n[p] for n in s["notes"] for p in ("situation", "task", "action", "result"))
assert s["items"] and all((i["competency"] is None) != (i["area"] is None) and i["action"]
                          and i["follow_up"] > s["date"] for i in s["items"]), s["items"]
fu = s["follow_ups"]
assert fu and all(f["status"] in ("done", "partly", "not_done") and f["note"] for f in fu), fu
PY
then ok "it discusses March's evaluations, with STAR notes, items and follow-ups"
else not_ok "it discusses March's evaluations, with STAR notes, items and follow-ups" "$(head -c 300 "$WORK/out")"; fi
group=$(python3 -c 'import json, sys; print([s["key"] for s in json.load(open(sys.argv[1]))["sessions"] if len(s["agents"]) > 1][-1])' "$WORK/coaching.json")
run show coaching "$group" --json --db "$WORK/demo.db"
if python3 - "$WORK/out" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
assert s["group"] and len(s["notes"]) == 1 and s["notes"][0]["agent"] is None
assert sorted(i["agent"] for i in s["items"]) == s["agents"]
assert all(i["area"] == "active listening" for i in s["items"])
PY
then ok "the group session ($group): a note of the group's, an item on listening for each agent"
else not_ok "the group session ($group): a note of the group's, an item on listening for each agent"; fi
agent=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["agents"][0])' "$WORK/out")
run coaching list --person "$agent" --json --db "$WORK/demo.db"
if python3 - "$WORK/out" "$group" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
item = [i for i in d["items"] if i["item"].startswith(sys.argv[2] + "#")]
assert len(item) == 1 and item[0]["status"] in ("done", "partly", "not_done"), item
assert any(i["open"] for i in d["items"]) and any(not i["open"] for i in d["items"])
PY
then ok "$agent's next session followed up their item of the group session; some items are open, some done"
else not_ok "$agent's next session followed up their item of the group session"; fi

# Development plans: hand-entered actions of several teams and kinds, in
# every status, some with a mentor; overdue ones at the end of the demo's
# year and more by December 2026.
# (kcc, the department, lists everyone: it comes last)
for team in kcc-phone kcc-desk kcc-online kcc-back kcc; do
	"$COMPGAP" list people --team $team --db "$WORK/demo.db" | awk -v t=$team '$1 ~ /^KCC-/ { print $1, t }'
done | awk '!seen[$1]++' > "$WORK/keys"
: > "$WORK/plans.jsonl"
while read -r key team; do
	"$COMPGAP" plan list --person "$key" --json --db "$WORK/demo.db" | tr -d '\n' >> "$WORK/plans.jsonl"
	echo >> "$WORK/plans.jsonl"
done < "$WORK/keys"
if python3 - "$WORK/plans.jsonl" "$WORK/keys" <<'PY'
import json, sys
acts = [a for line in open(sys.argv[1]) if line.strip() for a in json.loads(line)["actions"]]
team = dict(line.split() for line in open(sys.argv[2]))
assert len(acts) == 16, len(acts)
assert {a["status"] for a in acts} == {"planned", "in_progress", "done", "dropped"}
assert len({a["kind"] for a in acts}) >= 7 and sum(a["mentor"] is not None for a in acts) >= 3
assert all(a["source"] is None for a in acts)
assert {team[a["person"]] for a in acts} == {"kcc-phone", "kcc-desk", "kcc-online", "kcc-back"}
PY
then ok "16 plan actions of every status, kinds and mentors, none from a recommendation"
else not_ok "16 plan actions of every status, kinds and mentors, none from a recommendation"; fi
COMPGAP_TODAY=2026-10-31 run plan overdue --json --db "$WORK/demo.db"
check "3 actions are overdue at the end of the demo's year" [ "$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["actions"]))' "$WORK/out")" = 3 ]
COMPGAP_TODAY=2026-12-02 run plan overdue --json --db "$WORK/demo.db"
check "6 by 2026-12-02" [ "$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["actions"]))' "$WORK/out")" = 6 ]

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
# OKRs (issue 14, item 8): objectives of the organisation and of every
# team, key results of all three types, some met and some at risk or off
# track at the end of the demo's year, and check-ins due by December.
for t in "" kcc-phone kcc-desk kcc-online kcc-back; do
	"$COMPGAP" okr ${t:+--team $t} --as-of 2026-10-31 --json --db "$WORK/demo.db"
done > "$WORK/okr.jsonl"
python3 - "$WORK/okr.jsonl" > "$WORK/okr.out" <<'PY'
import json, sys
text = open(sys.argv[1]).read()
docs, at = [], 0
dec = json.JSONDecoder()
while at < len(text.strip()):
    while text[at].isspace():
        at += 1
    d, at = dec.raw_decode(text, at)
    docs.append(d)
krs = [k for d in docs for o in d["objectives"] for k in o["key_results"]]
print(len(docs), all(d["objectives"] for d in docs))
print(sorted({k["type"] for k in krs}))
print(sorted({k["status"] for k in krs}))
print(sum(1 for d in docs for o in d["objectives"] for k in o["key_results"]
          if k["next_checkin"] is not None and k["next_checkin"] < "2026-12-02"))
PY
printf '%s\n' "5 True" "['competency', 'metric', 'milestone']" \
	"['at_risk', 'done', 'off_track', 'on_track']" 4 > "$WORK/okr.want"
same_files "the demo's OKRs: every team, all three types, met and at risk, check-ins due" \
	"$WORK/okr.out" "$WORK/okr.want"

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
