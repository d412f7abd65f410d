#!/bin/sh
# The gap analysis on the demo: the commands, their JSON, the report, the
# settings, and the gaps planted in the demo found where they were put.
. "$(dirname "$0")/lib.sh"

DB=$WORK/demo.db
ASOF=2026-10-31
"$COMPGAP" demo --db "$DB" > /dev/null

# json_check NAME FILE EXPR: a Python expression over the JSON document d
# in FILE is true.
json_check() {
	if python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if ($3) else 1)" "$2" 2> "$WORK/pyerr"; then
		ok "$1"
	else
		not_ok "$1" "false: $3" "$(tail -n 3 "$WORK/pyerr")"
	fi
}

run gaps --team kcc-online --as-of $ASOF --db "$DB"
expect_status "gaps of a team" 0
expect_out "gaps names the team and date" "Team kcc-online: 8 members, as of 2026-10-31"
expect_out "nobody in the online team meets conflict handling" "nobody meets it"
expect_out "an unassessed member is shown as such" "8 unassessed"

"$COMPGAP" gaps --team kcc-online --as-of $ASOF --json --db "$DB" > "$WORK/online.json"
json_check "gaps --json has the contract's keys" "$WORK/online.json" \
	"list(d) == ['team','as_of','competencies','members','teams'] and d['as_of'] == '2026-10-31'"
json_check "team lines have the contract's keys" "$WORK/online.json" \
	"list(d['competencies'][0]) == ['competency','required','assessed','meeting','unassessed','coverage','mean_gap','priority','key_person_risk','key_results']"
json_check "member lines have the contract's keys" "$WORK/online.json" \
	"list(d['members'][0]['competencies'][0]) == ['competency','required_level','weight','level','gap','meets','evidence','evidence_weight','confidence','self_level','others_level','flag']"
json_check "planted: nobody in the online team meets conflict handling" "$WORK/online.json" \
	"[c for c in d['competencies'] if c['competency'] == 'conflict-handling'][0]['meeting'] == 0"
json_check "an unassessed member has null levels, gaps and fit" "$WORK/online.json" \
	"[m for m in d['members'] if m['person'] == 'KCC-1057'][0]['fit'] is None and all(c['level'] is None and c['gap'] is None and c['evidence'] == 0 for c in [m for m in d['members'] if m['person'] == 'KCC-1057'][0]['competencies'])"
json_check "priorities are in order" "$WORK/online.json" \
	"all(a['priority'] >= b['priority'] for a, b in zip(d['competencies'], d['competencies'][1:]))"
json_check "planted: hidden strength of KCC-1053 on digital skills" "$WORK/online.json" \
	"[c for m in d['members'] if m['person'] == 'KCC-1053' for c in m['competencies'] if c['competency'] == 'digital-skills'][0]['flag'] == 'hidden_strength'"

"$COMPGAP" gaps --team kcc-desk --as-of $ASOF --json --db "$DB" > "$WORK/desk.json"
json_check "planted: one person meets digital skills at the desk (key-person risk)" "$WORK/desk.json" \
	"[c for c in d['competencies'] if c['competency'] == 'digital-skills'][0]['meeting'] == 1 and [c for c in d['competencies'] if c['competency'] == 'digital-skills'][0]['key_person_risk']"
"$COMPGAP" gaps --team kcc-back --as-of $ASOF --json --db "$DB" > "$WORK/back.json"
json_check "planted: one person meets municipal knowledge in the back office" "$WORK/back.json" \
	"[c for c in d['competencies'] if c['competency'] == 'municipal-knowledge'][0]['key_person_risk']"
"$COMPGAP" gaps --team kcc --as-of $ASOF --json --db "$DB" > "$WORK/kcc.json"
json_check "the department includes its sub-teams" "$WORK/kcc.json" "len(d['members']) == 41"
json_check "planted: three blind spots" "$WORK/kcc.json" \
	"{('KCC-1015','communication'),('KCC-1034','customer-focus'),('KCC-1070','leadership')} <= {(m['person'], c['competency']) for m in d['members'] for c in m['competencies'] if c['flag'] == 'blind_spot'}"
if cmp -s "$WORK/kcc.json" "$DATA/../golden/demo-gaps-kcc.json"; then
	ok "the demo's gaps as JSON are as recorded (golden)"
else
	not_ok "the demo's gaps as JSON are as recorded (golden)" \
		"$(diff "$WORK/kcc.json" "$DATA/../golden/demo-gaps-kcc.json" | head -n 8)"
fi

# The text of gaps against its JSON: defects that the text had.
# text_check NAME TEXTFILE JSONFILE PYTHON: PYTHON, run with the lines of
# the text as `lines` and the document as `d`, prints what is wrong.
text_check() {
	cat > "$WORK/check.py" <<'PY'
import json, math, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
d = json.load(open(sys.argv[2]))
def pct(x):   # half away from zero, as docs/methodology.md "Numbers" says
    return int(math.floor(x * 100 + 0.5 + 1e-7))
def row(person):
    return [l for l in lines if l.startswith(person + " ")][0]
def column(line, header):
    h = [l for l in lines if l.startswith("PERSON ")][0]
    if header == "SHORT OF THE ROLE":
        return line[h.index(header):]
    return line[h.index(header):h.index("SHORT OF THE ROLE")]
PY
	printf '%s\n' "$4" >> "$WORK/check.py"
	if python3 "$WORK/check.py" "$2" "$3" > "$WORK/textcheck" 2>&1 && [ ! -s "$WORK/textcheck" ]; then
		ok "$1"
	else
		not_ok "$1" "$(head -n 8 "$WORK/textcheck")"
	fi
}
for team in kcc kcc-online kcc-back; do
	"$COMPGAP" gaps --team $team --as-of $ASOF --db "$DB" > "$WORK/$team.txt"
	"$COMPGAP" gaps --team $team --as-of $ASOF --json --db "$DB" > "$WORK/$team.json"
done
text_check "gaps: a blind spot on a shortfall keeps the competency's name" "$WORK/kcc.txt" "$WORK/kcc.json" '
bad = [l for l in lines if ",  (" in l or ", (" in l]
flags = [(m["person"], c["competency"], c["flag"]) for m in d["members"] for c in m["competencies"] if c["flag"]]
bad += ["%s lacks %s %s" % f for f in flags if "%s %s" % (f[1], f[2].replace("_", " ")) not in column(row(f[0]), "FLAGS")]
short = [(m["person"], c["competency"]) for m in d["members"] for c in m["competencies"] if c["flag"] == "blind_spot" and c["gap"]]
bad += ["no shortfall of %s on %s" % s for s in short if s[1] + " -" not in column(row(s[0]), "SHORT OF THE ROLE")]
if len(flags) < 4 or not short: bad.append("the demo lost its flags: %r" % flags)
print("\n".join(bad), end="")'
text_check "gaps: no -0.00 shortfall; a gap below 0.005 shows as <0.01" "$WORK/kcc-back.txt" "$WORK/kcc-back.json" '
bad = [l for l in lines if "-0.00" in l]
tiny = [(m["person"], c["competency"]) for m in d["members"] for c in m["competencies"] if c["gap"] and c["gap"] < 0.005]
bad += ["%s: no %s <0.01" % t for t in tiny if t[1] + " <0.01" not in column(row(t[0]), "SHORT OF THE ROLE")]
if not tiny: bad.append("the demo has no gap below 0.005 any more")
print("\n".join(bad), end="")'
text_check "gaps: a hidden strength is a flag, not a shortfall" "$WORK/kcc-online.txt" "$WORK/kcc-online.json" '
bad = [l for l in lines if l.startswith("KCC-") and "hidden strength" in column(l, "SHORT OF THE ROLE")]
if "digital-skills hidden strength" not in column(row("KCC-1053"), "FLAGS"): bad.append(row("KCC-1053"))
print("\n".join(bad), end="")'
text_check "gaps: coverage and fit are rounded half away from zero (5 of 8 is 63%)" "$WORK/kcc-online.txt" "$WORK/kcc-online.json" '
bad = []
for c in d["competencies"]:
    cells = [l.split() for l in lines if l.startswith(c["competency"] + " ")][0]
    if cells[4] != "%d%%" % pct(c["coverage"]): bad.append("%s: %s" % (c["competency"], cells[4]))
for m in d["members"]:
    if m["fit"] is not None and " %d%% " % pct(m["fit"]) not in row(m["person"]): bad.append(row(m["person"]))
if not any(c["required"] == 8 and c["meeting"] == 5 for c in d["competencies"]): bad.append("no 5 of 8 left")
print("\n".join(bad), end="")'
"$COMPGAP" trend --team kcc-online --from $ASOF --to $ASOF --db "$DB" > "$WORK/trend-online.txt"
text_check "trend: coverage is rounded half away from zero" "$WORK/trend-online.txt" "$WORK/kcc-online.json" '
bad = []
for c in d["competencies"]:
    cells = [l.split() for l in lines if l.startswith(c["competency"] + " ")][0]
    if cells[1] != "%d%%" % pct(c["coverage"]): bad.append("%s: %s" % (c["competency"], cells[1]))
print("\n".join(bad), end="")'
"$COMPGAP" person KCC-1052 --as-of $ASOF --db "$DB" > "$WORK/person.txt"
"$COMPGAP" person KCC-1052 --as-of $ASOF --json --db "$DB" > "$WORK/person-1052.json"
text_check "person: the fit is rounded half away from zero" "$WORK/person.txt" "$WORK/person-1052.json" '
if "profile fit %d%%" % pct(d["fit"]) not in lines[1]: print(lines[1])'
"$COMPGAP" recommend --team kcc-back --as-of $ASOF --db "$DB" > "$WORK/rec-back.txt"
text_check "recommend: every kind label fits its column (cross_train too)" "$WORK/rec-back.txt" "$WORK/kcc-back.json" '
bad = []
kinds = ("group", "individual", "mentor", "cross_train", "hire", "reassign", "assess")
items = [n for n, l in enumerate(lines) if l.startswith("  ") and l.split()[0] in kinds]
for n in items:
    label = lines[n].split()[0]
    after = lines[n].index(label) + len(label)
    content = len(lines[n]) - len(lines[n][after:].lstrip())
    rule = len(lines[n + 1]) - len(lines[n + 1].lstrip())
    if content != rule or content - after < 2: bad.append(lines[n][:60])
if not any(lines[n].split()[0] == "cross_train" for n in items): bad.append("no cross_train in kcc-back")
print("\n".join(bad), end="")'

run gaps --team nowhere --db "$DB"
expect_status "gaps of an unknown team" 65
expect_err "an unknown team is named" "unknown team 'nowhere'"
run gaps --db "$DB"
expect_status "gaps without a team" 64
run gaps --team kcc --as-of 2026-02-30 --db "$DB"
expect_status "an --as-of that does not exist" 64

run person KCC-1015 --as-of $ASOF --db "$DB"
expect_status "person" 0
expect_out "person shows a blind spot" "blind_spot"
"$COMPGAP" person KCC-1015 --as-of $ASOF --json --db "$DB" > "$WORK/person.json"
json_check "person --json adds team and date" "$WORK/person.json" \
	"list(d)[:6] == ['person','name','team','as_of','role','fit'] and d['team'] == 'kcc-phone'"
run person KCC-1039 --as-of $ASOF --db "$DB"
expect_out "a new hire is unassessed" "profile fit unknown"
run person NOBODY --db "$DB"
expect_status "an unknown person" 65

run explain --person KCC-1015 --competency communication --as-of $ASOF --db "$DB"
expect_status "explain" 0
expect_out "explain gives the sums" "level = "
"$COMPGAP" explain --person KCC-1015 --competency communication --as-of $ASOF --json --db "$DB" > "$WORK/explain.json"
json_check "explain's rows add up to the level" "$WORK/explain.json" \
	"abs(sum(r['weight'] * r['level'] for r in d['rows']) / sum(r['weight'] for r in d['rows']) - d['level']) < 1e-9"
json_check "explain agrees with person" "$WORK/explain.json" \
	"abs(d['level'] - [c for c in json.load(open('$WORK/person.json'))['competencies'] if c['competency'] == 'communication'][0]['level']) < 1e-9"
run explain --person KCC-1015 --db "$DB"
expect_status "explain without a competency" 64

run recommend --team kcc-online --as-of $ASOF --db "$DB"
expect_status "recommend" 0
expect_out "recommend proposes group coaching on conflict handling" "group"
"$COMPGAP" recommend --team kcc-online --as-of $ASOF --json --db "$DB" > "$WORK/rec.json"
json_check "every recommendation has a rule" "$WORK/rec.json" \
	"len(d['recommendations']) > 0 and all(len(r['rule']) > 20 for r in d['recommendations'])"
json_check "planted: a group on conflict handling" "$WORK/rec.json" \
	"any(r['kind'] == 'group' and r['competency'] == 'conflict-handling' for r in d['recommendations'])"
json_check "planted: reassignment considered for the online lead's decisiveness" "$WORK/rec.json" \
	"any(r['kind'] == 'reassign' and r['members'][0]['person'] == 'KCC-1050' for r in d['recommendations'])"
json_check "the new hire is to be assessed first" "$WORK/rec.json" \
	"any(r['kind'] == 'assess' and r['members'][0]['person'] == 'KCC-1057' for r in d['recommendations'])"
json_check "a mentor takes at most two mentees per competency in a team" "$WORK/rec.json" \
	"max([sum(1 for r in d['recommendations'] if r['kind'] == 'mentor' and r['competency'] == c and r['mentor']['person'] == p) for c, p in {(r['competency'], r['mentor']['person']) for r in d['recommendations'] if r['kind'] == 'mentor'}] or [0]) <= 2"
"$COMPGAP" recommend --team kcc-back --as-of $ASOF --json --db "$DB" > "$WORK/rec-back.json"
json_check "planted: cross-train municipal knowledge in the back office" "$WORK/rec-back.json" \
	"any(r['kind'] == 'cross_train' and r['key_person'] == 'KCC-1071' for r in d['recommendations'])"

run trend --team kcc-phone --from 2025-11-01 --to $ASOF --competency active-listening --db "$DB"
expect_status "trend" 0
"$COMPGAP" trend --team kcc-phone --from 2025-11-01 --to $ASOF --json --db "$DB" > "$WORK/trend.json"
json_check "trend has a point at the end of each month" "$WORK/trend.json" \
	"[p['as_of'] for p in d['points']][:2] == ['2025-11-30','2025-12-31'] and len(d['points']) == 12"
json_check "planted: active listening in the phone team improves" "$WORK/trend.json" \
	"(lambda s: s[-1] < s[1])([c['mean_gap'] for p in d['points'] for c in p['competencies'] if c['competency'] == 'active-listening'])"
"$COMPGAP" gaps --team kcc-phone --as-of $ASOF --json --db "$DB" > "$WORK/phone.json"
json_check "the trend's last point equals gaps as of that day" "$WORK/trend.json" \
	"d['points'][-1]['competencies'] == json.load(open('$WORK/phone.json'))['competencies']"
run trend --team kcc-phone --from 2026-05-01 --to 2026-01-01 --db "$DB"
expect_status "a trend that ends before it starts" 64

run report --team kcc --as-of $ASOF -o "$WORK/report.html" --db "$DB"
expect_status "report" 0
if xmllint --noout "$WORK/report.html" 2> "$WORK/xmlerr"; then ok "the report is well-formed"; else
	not_ok "the report is well-formed" "$(head -n 5 "$WORK/xmlerr")"; fi
for chart in "Heatmap" "Coverage" "Trend" "Recommendations" "Blind spots" "People"; do
	expect_file_has() { grep -qF -- "$2" "$WORK/report.html" && ok "$1" || not_ok "$1"; }
	expect_file_has "the report has its $chart section" "<h2>$chart"
done
if grep -iE '<script|https?://' "$WORK/report.html" | grep -v 'www\.w3\.org' | grep -q .; then
	not_ok "the report needs no scripts and no network"
else ok "the report needs no scripts and no network"; fi
[ "$(grep -c '<svg' "$WORK/report.html")" -gt 40 ] && ok "the report draws its charts in SVG" ||
	not_ok "the report draws its charts in SVG"
run report --team kcc -o "$WORK/no/such/dir/r.html" --db "$DB"
expect_status "a report that cannot be written" 73

run config --db "$DB"
expect_out "config lists the settings" "half_life"
run config get half_life --db "$DB"
expect_out "half_life defaults to 180" "180"
run config set half_life 90 --db "$DB"
expect_status "config set" 0
run config get half_life --db "$DB"
expect_out "the setting is stored" "90"
"$COMPGAP" person KCC-1015 --as-of $ASOF --json --db "$DB" > "$WORK/person90.json"
if cmp -s "$WORK/person.json" "$WORK/person90.json"; then not_ok "a shorter half-life changes the levels"; else
	ok "a shorter half-life changes the levels"; fi
run config set half_life 10 --db "$DB"
expect_status "a setting out of range" 65
expect_err "a setting out of range names the range" "half_life must be a number from 60 to 3650"
run config set colour red --db "$DB"
expect_status "an unknown setting" 64

done_testing
