#!/bin/sh
# A manager's team views name only the people of their line (issue 11,
# item 5: a manager reaches their reporting line and the teams those
# people are in): the team's figures are of all its members, but a member
# who reports elsewhere is left out of the gaps document's member lists,
# out of the recommendations (their individual ones go, their name leaves
# the groups, a key person is not named) and out of the report, on the
# engine under test; an admin still sees everyone, and the view cache
# never hands the admin's document to the manager.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null
# KCC-1099 works in kcc-phone (mgr1's team) but reports to KCC-1030 of
# kcc-desk: outside mgr1's line. Low levels make them the subject of
# recommendations.
printf 'id,name,email,team,role,manager\nKCC-1099,Outsider Oskarsson,oo@lindeborg.example,kcc-phone,agent,KCC-1030\n' \
	> "$WORK/people.csv"
"$COMPGAP" import people "$WORK/people.csv" --db "$DB" > /dev/null
printf 'person,competency,level,source,date,assessor,note\n' > "$WORK/ev.csv"
for c in active-listening customer-focus communication conflict-handling; do
	printf 'KCC-1099,%s,1,manager,2026-10-01,KCC-1030,\n' "$c" >> "$WORK/ev.csv"
done
"$COMPGAP" import evidence "$WORK/ev.csv" --db "$DB" > /dev/null
make_role_users
start_or_finish reach
login admin1
login mgr1

# mentions FILE: whether FILE names KCC-1099 by key or name.
mentions() { grep -q 'KCC-1099\|Oskarsson' "$1"; }
lacks() { ! mentions "$1"; }

GAPS=/api/v1/teams/kcc-phone/gaps
as admin1 $GAPS
cp "$WORK/b" "$WORK/admin.json"
check "the admin's gaps of kcc-phone list KCC-1099" mentions "$WORK/admin.json"
as mgr1 $GAPS
expect_code "the manager may see kcc-phone" 200
cp "$WORK/b" "$WORK/mgr.json"
check "the manager's gaps name nobody outside their line" lacks "$WORK/mgr.json"
check "... but have the team's figures of all members, and the rest of the members" python3 -c '
import json, sys
a, m = (json.load(open(f)) for f in sys.argv[1:3])
assert a["competencies"] == m["competencies"], "the figures differ"
am = [x["person"] for x in a["members"]]
mm = [x["person"] for x in m["members"]]
assert mm == [p for p in am if p != "KCC-1099"], (am, mm)
for t in m["teams"]:
    assert "KCC-1099" not in t["members"], t
' "$WORK/admin.json" "$WORK/mgr.json"
as admin1 $GAPS
check "the admin's document again (from the cache) still lists KCC-1099" mentions "$WORK/b"
as mgr1 $GAPS
check "... and the manager's still does not" lacks "$WORK/b"

RECS=/api/v1/teams/kcc-phone/recommendations
as admin1 $RECS
check "the admin's recommendations name KCC-1099" mentions "$WORK/b"
as mgr1 $RECS
expect_code "the manager's recommendations" 200
check "the manager's recommendations name nobody outside their line" lacks "$WORK/b"
check "... and still hold recommendations" python3 -c '
import json, sys
assert json.load(open(sys.argv[1]))["recommendations"], "none left"' "$WORK/b"

as mgr1 /api/v1/teams/kcc-phone/report
expect_code "the manager's report" 200
check "the manager's report names nobody outside their line" lacks "$WORK/b"
as admin1 /api/v1/teams/kcc-phone/report
check "the admin's report does" mentions "$WORK/b"

# The pages show what the API shows.
as mgr1 /
expect_code "the manager's dashboard" 200
check "the manager's dashboard names nobody outside their line" lacks "$WORK/b"
as mgr1 /teams/kcc-phone
expect_code "the manager's team page" 200
check "the manager's team page names nobody outside their line" lacks "$WORK/b"
as admin1 /teams/kcc-phone
check "the admin's team page does" mentions "$WORK/b"

# The people themselves stay out of reach, as before.
as mgr1 /api/v1/people/KCC-1099
expect_code "the manager cannot open KCC-1099" 404
stop
done_testing
