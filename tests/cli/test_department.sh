#!/bin/sh
# A department's views tell the truth about its teams (docs/methodology.md,
# "Departments"): gaps shows each team's own findings, and recommend gives
# for the people of each team exactly the advice of that team's own view.
. "$(dirname "$0")/lib.sh"

DB=$WORK/demo.db
ASOF=2026-10-31
TEAMS="kcc-phone kcc-desk kcc-online kcc-back"
"$COMPGAP" demo --db "$DB" > /dev/null

# py_check NAME PYTHON ARGS...: PYTHON (run with ARGS in sys.argv) prints
# what is wrong, or nothing.
py_check() {
	name=$1 code=$2
	shift 2
	if python3 -c "$code" "$@" > "$WORK/pycheck" 2>&1 && [ ! -s "$WORK/pycheck" ]; then
		ok "$name"
	else
		not_ok "$name" "$(head -n 10 "$WORK/pycheck")"
	fi
}

for team in kcc $TEAMS; do
	"$COMPGAP" gaps --team $team --as-of $ASOF --json --db "$DB" > "$WORK/gaps-$team.json"
	"$COMPGAP" recommend --team $team --as-of $ASOF --json --db "$DB" > "$WORK/rec-$team.json"
done

# ---------------------------------------------------------------- gaps

# Each team's entry in the department's "teams" is that team's own view.
for team in $TEAMS; do
	py_check "gaps --team kcc: the teams entry of $team is $team's own view" '
import json, sys
dept, own = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
t = [x for x in dept["teams"] if x["team"] == sys.argv[3]]
if len(t) != 1: print("entries:", [x["team"] for x in dept["teams"]]); sys.exit()
if list(t[0]) != ["team", "members", "competencies"]: print(list(t[0]))
if t[0]["members"] != [m["person"] for m in own["members"]]: print("members differ")
if t[0]["competencies"] != own["competencies"]: print("team lines differ")' \
		"$WORK/gaps-kcc.json" "$WORK/gaps-$team.json" $team
done
py_check "gaps --team kcc: teams are by key, every member in exactly one" '
import json, sys
d = json.load(open(sys.argv[1]))
keys = [x["team"] for x in d["teams"]]
if keys != ["kcc", "kcc-back", "kcc-desk", "kcc-online", "kcc-phone"]: print(keys)
ids = [p for x in d["teams"] for p in x["members"]]
if sorted(ids) != sorted(m["person"] for m in d["members"]) or len(ids) != 41: print(len(ids))' \
	"$WORK/gaps-kcc.json"
py_check "gaps --team kcc-online: a team of one team has itself as its one entry" '
import json, sys
d = json.load(open(sys.argv[1]))
if [x["team"] for x in d["teams"]] != ["kcc-online"] or d["teams"][0]["competencies"] != d["competencies"]:
    print([x["team"] for x in d["teams"]])' "$WORK/gaps-kcc-online.json"

run gaps --team kcc --as-of $ASOF --db "$DB"
cp "$WORK/out" "$WORK/kcc.txt"
py_check "gaps --team kcc: each team's own findings are shown (planted: online, back office)" '
import json, sys
text = open(sys.argv[1]).read()
d = json.load(open(sys.argv[2]))
part = text.split("\nTeams: ", 1)
if len(part) != 2: print("no Teams section"); sys.exit()
blocks = {b.split(":", 1)[0]: b for b in part[1].split("\n\n")[1:]}
for t in d["teams"]:
    b = blocks.get(t["team"])
    if b is None: print("no block for", t["team"]); continue
    lines = {l.split("  ", 2)[1]: l.split(None, 2 if l.split()[0] != "key-person" else 2)[-1]
             for l in b.split("\n")[1:] if l.strip()}
    nobody = [c["competency"] for c in t["competencies"] if c["meeting"] == 0]
    risk = [c["competency"] for c in t["competencies"] if c["key_person_risk"]]
    if b.split("\n")[0] != "%s: %d members" % (t["team"], len(t["members"])): print(b.split("\n")[0])
    if (", ".join(nobody) or "none") not in b.split("\n")[1]: print(t["team"], "nobody meets", nobody)
    line2 = b.split("\n")[2]
    if any(r + " (only " not in line2 for r in risk) or (not risk and "none" not in line2): print(t["team"], risk)
    for c in t["competencies"]:
        if "%s %d%%" % (c["competency"], int(c["coverage"] * 100 + 0.5 + 1e-7)) not in b.split("\n")[3]:
            print(t["team"], "coverage of", c["competency"])
online = [t for t in d["teams"] if t["team"] == "kcc-online"][0]
back = [t for t in d["teams"] if t["team"] == "kcc-back"][0]
if "conflict-handling" not in blocks["kcc-online"].split("\n")[1]: print("planted: online, conflict-handling")
if "municipal-knowledge (only KCC-1071)" not in blocks["kcc-back"]: print("planted: back office key person")' \
	"$WORK/kcc.txt" "$WORK/gaps-kcc.json"
run gaps --team kcc-online --as-of $ASOF --db "$DB"
if grep -q '^Teams:' "$WORK/out"; then not_ok "gaps of a team without sub-teams has no Teams section"
else ok "gaps of a team without sub-teams has no Teams section"; fi

# ---------------------------------------------------------------- recommend

# Item by item: what the department advises for the people of a team is
# what that team's own view advises, rule text included, but for the
# individual coaching that a department-wide group replaces.
for team in $TEAMS; do
	py_check "recommend --team kcc: the items for $team are recommend --team $team's" '
import json, sys
dept, own = json.load(open(sys.argv[1]))["recommendations"], json.load(open(sys.argv[2]))["recommendations"]
team = sys.argv[3]
across = {r["competency"] for r in dept if r["kind"] == "group" and r["team"] == "kcc"
          and len({m["team"] for m in r["members"]}) > 1}
mine = [r for r in dept if r["team"] == team]
theirs = [r for r in own if not (r["kind"] == "individual" and r["competency"] in across)]
if any(r["team"] != team for r in own): print("own view items for other teams")
key = lambda rs, c: [json.dumps(r, sort_keys=True) for r in rs if r["competency"] == c]
for c in sorted({r["competency"] for r in mine + theirs}):
    if key(mine, c) != key(theirs, c): print("differ on", c, len(key(mine, c)), len(key(theirs, c)))
if not mine: print("nothing for", team)' \
		"$WORK/rec-kcc.json" "$WORK/rec-$team.json" $team
done
py_check "recommend --team kcc: every recommendation names its team, in its rule too" '
import json, sys
d = json.load(open(sys.argv[1]))
for r in d["recommendations"]:
    keys = list(r)
    if keys[:3] != ["kind", "competency", "team"]: print(keys); break
    if not r["rule"].startswith(r["team"] + ": "): print(r["rule"][:60]); break' "$WORK/rec-kcc.json"
py_check "recommend --team kcc: by the department view's competencies, then by team" '
import json, sys
recs = json.load(open(sys.argv[1]))["recommendations"]
order = [c["competency"] for c in json.load(open(sys.argv[2]))["competencies"]]
pos = [(order.index(r["competency"]), r["team"]) for r in recs]
firsts = [p for n, p in enumerate(pos) if n == 0 or pos[n - 1] != p]
if [p[0] for p in pos] != sorted(p[0] for p in pos): print("not by competency")
for c in set(p[0] for p in pos):
    ts = [t for k, t in firsts if k == c]
    if ts != sorted(ts) or len(ts) != len(set(ts)): print(order[c], ts)' \
	"$WORK/rec-kcc.json" "$WORK/gaps-kcc.json"
py_check "recommend --team kcc: the online team's group on conflict handling, not 8 individual coachings" '
import json, sys
recs = json.load(open(sys.argv[1]))["recommendations"]
g = [r for r in recs if r["kind"] == "group" and r["competency"] == "conflict-handling"]
ind = [r for r in recs if r["kind"] == "individual" and r["competency"] == "conflict-handling"]
if [r["team"] for r in g] != ["kcc-online"] or len(g[0]["members"]) != 7: print(g)
if any(m["team"] == "kcc-online" for r in ind for m in r["members"]): print("online individuals left")' \
	"$WORK/rec-kcc.json"

# ---------------------------------------------------------------- the worked example

# docs/methodology.md, "Departments": department svc with teams svc-back
# and svc-front, everyone needs listening at 3. Levels (one assessment on
# the day, so exactly these): B1 2.5, B2 3.0, B3 2.8, F1 2.0, F2 2.4, F3 3.5.
mkdir -p "$WORK/svc"
cat > "$WORK/svc/teams.csv" <<'EOF'
key,name,parent
svc,Service,
svc-back,Back office,svc
svc-front,Front office,svc
EOF
cat > "$WORK/svc/competencies.csv" <<'EOF'
key,name,category,description,developability
listening,Listening,interpersonal,,high
EOF
cat > "$WORK/svc/roles.csv" <<'EOF'
role,competency,required_level,weight
agent,listening,3,2
EOF
cat > "$WORK/svc/people.csv" <<'EOF'
id,name,email,team,role,manager,active
B1,Bo,,svc-back,agent,,1
B2,Bea,,svc-back,agent,,1
B3,Ben,,svc-back,agent,,1
F1,Fay,,svc-front,agent,,1
F2,Finn,,svc-front,agent,,1
F3,Fleur,,svc-front,agent,,1
EOF
cat > "$WORK/svc/evidence.csv" <<'EOF'
person,competency,level,source,date,assessor,note
B1,listening,2.5,assessment,2026-05-01,,
B2,listening,3,assessment,2026-05-01,,
B3,listening,2.8,assessment,2026-05-01,,
F1,listening,2,assessment,2026-05-01,,
F2,listening,2.4,assessment,2026-05-01,,
F3,listening,3.5,assessment,2026-05-01,,
EOF
SVC=$WORK/svc.db
run init --db "$SVC"
for kind in teams competencies roles people evidence; do
	run import $kind "$WORK/svc/$kind.csv" --db "$SVC"
	expect_status "worked example: import $kind" 0
done
for team in svc svc-front; do
	"$COMPGAP" recommend --team $team --as-of 2026-05-01 --json --db "$SVC" > "$WORK/rec-$team.json"
done
"$COMPGAP" gaps --team svc --as-of 2026-05-01 --json --db "$SVC" > "$WORK/gaps-svc.json"
py_check "worked example: the department's line hides what its teams show" '
import json, sys
d = json.load(open(sys.argv[1]))
c = d["competencies"][0]
if (c["meeting"], c["key_person_risk"], round(c["mean_gap"], 12)) != (2, False, round(2.3 / 6, 12)): print(c)
t = {x["team"]: x["competencies"][0] for x in d["teams"]}
if list(t) != ["svc-back", "svc-front"]: print(list(t))
for k, mean in (("svc-back", 0.7 / 3), ("svc-front", 1.6 / 3)):
    if (t[k]["meeting"], t[k]["key_person_risk"], round(t[k]["mean_gap"], 12)) != (1, True, round(mean, 12)):
        print(k, t[k])' "$WORK/gaps-svc.json"
run gaps --team svc --as-of 2026-05-01 --db "$SVC"
expect_out "worked example: gaps names the back office's key person" "listening (only B2)"
expect_out "worked example: gaps names the front office's key person" "listening (only F3)"
expect_out "worked example: coverage of each team (1 of 3)" "coverage         listening 33%"
py_check "worked example: one department-wide group replaces three individual coachings" '
import json, sys
got = [(r["kind"], r["team"], [m["person"] for m in r["members"]], (r["mentor"] or {}).get("person"),
        r["key_person"]) for r in json.load(open(sys.argv[1]))["recommendations"]]
want = [("group", "svc", ["F1", "F2", "B1"], None, None),
        ("mentor", "svc-back", ["B1"], "F3", None),
        ("cross_train", "svc-back", ["B1", "B3"], None, "B2"),
        ("mentor", "svc-front", ["F1"], "F3", None),
        ("mentor", "svc-front", ["F2"], "F3", None),
        ("cross_train", "svc-front", ["F1", "F2"], None, "F3")]
if got != want: print("\n".join(map(str, got)))
front = [(r["kind"], [m["person"] for m in r["members"]]) for r in json.load(open(sys.argv[2]))["recommendations"]]
if front[:2] != [("individual", ["F1"]), ("individual", ["F2"])]: print(front)' \
	"$WORK/rec-svc.json" "$WORK/rec-svc-front.json"
run recommend --team svc --as-of 2026-05-01 --db "$SVC"
expect_out "worked example: the group's rule says why" "svc: 3 of the 6 members who need listening"

done_testing
