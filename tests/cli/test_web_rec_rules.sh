#!/bin/sh
# The recommendations' rules in the reader's language (docs/web.md, "The
# team page"; src/web/rec_rules.c): the team and person pages write each
# rule from the facts core keeps with it (struct rec_facts), in English,
# Dutch and Swedish, with names for keys and numbers as the reader writes
# them; the command line and the API keep core's English byte for byte
# (golden files recorded before the rules had facts), also what a manager
# is told of a mentor they may not see.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

ASOF=2026-10-31
GOLDEN=$DATA/../golden
DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null
make_role_users

# same NAME FILE GOLDEN: FILE is byte for byte the recorded GOLDEN.
same() {
	if cmp -s "$2" "$GOLDEN/$3"; then ok "$1"; else
		not_ok "$1" "$(diff "$2" "$GOLDEN/$3" | head -n 8)"
	fi
}

"$COMPGAP" recommend --team kcc --as-of $ASOF --db "$DB" > "$WORK/kcc.txt"
same "the command line's rules are as recorded (text)" "$WORK/kcc.txt" demo-recommend-kcc.txt
"$COMPGAP" recommend --team kcc --as-of $ASOF --json --db "$DB" > "$WORK/kcc.json"
same "the command line's rules are as recorded (JSON)" "$WORK/kcc.json" demo-recommend-kcc.json

start_or_finish rules
login admin1
login mgr1
as mgr1 "/api/v1/teams/kcc-phone/recommendations?as_of=$ASOF"
cp "$WORK/b" "$WORK/mgr.json"
same "the API's rules for a manager, a mentor and a key person withheld, are as recorded" \
	"$WORK/mgr.json" demo-recommend-kcc-phone-mgr.json
as admin1 "/api/v1/teams/kcc-phone/recommendations?as_of=$ASOF"
cp "$WORK/b" "$WORK/admin.json"

# rules LANG USER PATH: the texts of the page's rules, one a line, into
# $WORK/rules.LANG (tags dropped, entities kept).
rules() {
	as "$2" "$3&lang=$1"
	python3 - "$WORK/b" > "$WORK/rules.$1" <<'PY'
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
for m in re.finditer(r'<p class="rule"><span class="rule-label">[^<]*</span> (.*?)</p>', page):
    print(m.group(1))
# (on the person page the form that accepts it into the plan may follow)
for m in re.finditer(r'<span class="rule"><span class="rule-label">[^<]*</span> (.*?)</span>\s*(?:</li>|<form )', page):
    print(m.group(1))
PY
}

# count NAME FILE N: FILE has N lines.
count() {
	n=$(wc -l < "$2")
	if [ "$n" -eq "$3" ]; then ok "$1"; else not_ok "$1" "$n lines, expected $3"; fi
}

n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["recommendations"]))' "$WORK/admin.json")
for l in en nl sv; do
	rules $l admin1 "/teams/kcc-phone?as_of=$ASOF"
	count "$l: every recommendation of the API has its rule on the team page" "$WORK/rules.$l" "$n"
done
if grep -q 'falls\|members who need\|is in the same team\|meets .* while' "$WORK/rules.nl" "$WORK/rules.sv"; then
	not_ok "no rule is left in English in Dutch or Swedish" "$(grep -h 'falls\|members who need' "$WORK/rules.nl" "$WORK/rules.sv" | head -n 2)"
else
	ok "no rule is left in English in Dutch or Swedish"
fi
if grep -q 'KCC-[0-9]' "$WORK/rules.nl"; then
	not_ok "the rules name people by name, not by key" "$(grep -h 'KCC-[0-9]' "$WORK/rules.nl" | head -n 2)"
else
	ok "the rules name people by name, not by key"
fi
if grep -q 'active-listening\|Active listening' "$WORK/rules.nl"; then
	not_ok "the rules name competencies in Dutch" "$(grep -h 'active-listening\|Active listening' "$WORK/rules.nl" | head -n 1)"
else
	ok "the rules name competencies in Dutch"
fi
# The group of kcc-phone on active listening, worked out from the API's
# figures: its count of members and the thresholds in the reader's words.
group=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
g = [i for i in d["recommendations"] if i["kind"] == "group" and i["competency"] == "active-listening"][0]
print(len(g["members"]))' "$WORK/admin.json")
[ -n "$group" ] || group=none
if grep -qF "$group van de 11 teamleden die Actief luisteren nodig hebben, blijven 0,5 of meer" "$WORK/rules.nl"; then
	ok "nl: the group's rule in Dutch, 0,5 with a decimal comma"
else
	not_ok "nl: the group's rule in Dutch, 0,5 with a decimal comma" "$(head -n 2 "$WORK/rules.nl")"
fi
if grep -qF "$group av de 11 medarbetare som behöver Aktivt lyssnande ligger 0,5 eller mer" "$WORK/rules.sv"; then
	ok "sv: the group's rule in Swedish"
else
	not_ok "sv: the group's rule in Swedish" "$(head -n 2 "$WORK/rules.sv")"
fi
if grep -qF "$group of the 11 members who need Active listening fall 0.5 or more" "$WORK/rules.en"; then
	ok "en: the group's rule in English, with names"
else
	not_ok "en: the group's rule in English, with names" "$(head -n 2 "$WORK/rules.en")"
fi

# The kinds' headings are in the reader's language too (they were not).
as admin1 "/teams/kcc-phone?as_of=$ASOF&lang=nl"
if grep -q '<h3>Een mentor: ' "$WORK/b" && ! grep -q '<h3>A mentor: \|<h3>Cross-training: \|<h3>Assess first: ' "$WORK/b"; then
	ok "nl: the kinds of recommendation in Dutch"
else
	not_ok "nl: the kinds of recommendation in Dutch" "$(grep -o '<h3>[^<]*' "$WORK/b" | sort -u | head -n 5)"
fi

# A manager: the mentor they may not see is neither named nor given a
# level, in Dutch as in the API's English.
rules nl mgr1 "/teams/kcc-phone?as_of=$ASOF"
withheld=$(grep -c 'whose name and level you may not see' "$WORK/mgr.json")
got=$(grep -c 'naam en niveau kun je niet inzien' "$WORK/rules.nl")
if [ "$withheld" -gt 0 ] && [ "$got" -eq "$withheld" ]; then
	ok "nl: a mentor withheld from the manager is withheld in Dutch too ($got)"
else
	not_ok "nl: a mentor withheld from the manager is withheld in Dutch too" "API $withheld, page $got"
fi
"$COMPGAP" list people --json --limit 1000 --db "$DB" > "$WORK/people.json"
if python3 - "$WORK/admin.json" "$WORK/mgr.json" "$WORK/people.json" "$WORK/rules.nl" <<'PY'
import json, sys
admin, mgr, people = (json.load(open(f)) for f in sys.argv[1:4])
page = open(sys.argv[4], encoding="utf-8").read()
names = {p["id"]: p["name"] for p in people["items"]}
seen = {i["mentor"]["person"] for i in mgr["recommendations"] if i.get("mentor")}
hidden = {i["mentor"]["person"] for i in admin["recommendations"] if i.get("mentor")} - seen
assert hidden, "the manager is shown every mentor: nothing to check"
bad = [k for k in hidden if k in page or names[k] in page]
sys.exit("named: %s" % bad if bad else 0)
PY
then ok "the manager's page names no mentor the API withholds"; else
	not_ok "the manager's page names no mentor the API withholds"
fi

# The person page: each recommendation that names the person with its rule.
rules sv admin1 "/people/KCC-1011?as_of=$ASOF"
if [ -s "$WORK/rules.sv" ] && ! grep -q 'falls\|members who need' "$WORK/rules.sv"; then
	ok "sv: the person page shows the rules in Swedish"
else
	not_ok "sv: the person page shows the rules in Swedish" "$(head -n 2 "$WORK/rules.sv")"
fi

stop
done_testing
