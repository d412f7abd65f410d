#!/bin/sh
# OKRs' data (issue 14; docs/csv-formats.md, "objectives.csv",
# "key_results.csv", "checkins.csv"): good files stored as the export
# shows them (periods from shorthand, the organisation's objective, a
# chain of parents given in any order, the three types of key result, a
# target in percent, the ';' dialect's decimal comma, a check-in that
# replaces the one of its day), the export imported into an empty
# database exporting the same bytes, every refusal with its line, column
# and message and nothing stored after it, deletions refused while
# objectives and key results name a team, person or competency, and the
# erasure of an owner. On SQLite, or PostgreSQL with $COMPGAP_TEST_PG.
. "$(dirname "$0")/lib.sh"

COMPGAP_TODAY=2026-09-15
export COMPGAP_TODAY
DB=$WORK/okr.db
run init --db "$DB"

cat > "$WORK/teams.csv" <<'CSV'
key,name,parent
org,Organisation,
phone,Phone,org
desk,Desk,org
empty,Nobody here,org
CSV
cat > "$WORK/competencies.csv" <<'CSV'
key,name
cf,Customer focus
kn,Product knowledge
spare,Not measured
CSV
cat > "$WORK/people.csv" <<'CSV'
id,name,team,manager
P1,Lead,phone,
P2,Desk lead,desk,
P3,Agent,phone,P1
CSV
for kind in teams competencies people; do
	run import "$kind" "$WORK/$kind.csv" --db "$DB"
	expect_status "import $kind" 0
done

# export_okr DB DIR: the three exports of DB into DIR, with LF line ends.
export_okr() {
	mkdir -p "$2"
	for kind in objectives key-results checkins; do
		"$COMPGAP" export "$kind" --lf --db "$1" > "$2/$kind.csv" || echo "export $kind failed" >&2
	done
}

# count TABLE: its rows.
count() {
	sql_value "SELECT count(*) FROM $1"
}

# ---- good files ---------------------------------------------------------------
# phone-q3 names its parent org-2026 on a later line; desk-sep's chain
# is desk-sep > desk-h2 > org-2026. An empty end ends with the start's
# quarter, year or month.
cat > "$WORK/objectives.csv" <<'CSV'
key,team,title,start,end,owner,parent,checkin_interval
phone-q3,phone,Phone serves better,2026-Q3,,P1,org-2026,weekly
org-2026,,Lindeborg answers well,2026,,,,
desk-h2,desk,Desk in the second half,2026-07-01,2026-12-31,P2,org-2026,fortnightly
desk-sep,desk,Desk in September,2026-09,,,desk-h2,
CSV
run import objectives "$WORK/objectives.csv" --db "$DB"
expect_status "import objectives" 0
expect_out "import counts the objectives" "imported 4 objectives rows"

# The ';' dialect: decimal commas; 80% is 0.8; a milestone without a
# start value counts from 0; an empty weight is 1.
cat > "$WORK/key_results.csv" <<'CSV'
objective;key;title;type;competency;level;target;start_value;unit;weight
phone-q3;phone-cf;Customer focus at 3;competency;cf;3;80%;;;2
phone-q3;phone-fcr;First-contact resolution;metric;;;75,5;60;%;
phone-q3;phone-moves;Processes moved;milestone;;;3;;processes;0,5
org-2026;org-nps;NPS up;metric;;;38;30;points;
desk-h2;desk-wait;Waiting time down;metric;;;4;9,25;minutes;1,5
desk-sep;desk-kn;Knowledge at 4;competency;kn;4;0,25;;;
CSV
run import key-results "$WORK/key_results.csv" --db "$DB"
expect_status "import key results" 0
expect_out "import counts the key results" "imported 6 key-results rows"

cat > "$WORK/checkins.csv" <<'CSV'
key_result,date,value,confidence,note
phone-fcr,2026-07-15,62,0.8,first month
phone-fcr,2026-08-15,64.5,,
phone-moves,2026-08-01,1,70%,"one done, two to go"
desk-wait,2026-09-16,8,,tomorrow is allowed (future_days 1)
CSV
run import checkins "$WORK/checkins.csv" --db "$DB"
expect_status "import check-ins" 0
# A check-in of a day that has one replaces it.
printf 'key_result,date,value,confidence,note\nphone-fcr,2026-08-15,65,0.6,corrected\n' > "$WORK/again.csv"
run import checkins "$WORK/again.csv" --db "$DB"
expect_status "a check-in of the same day again" 0
check "it replaced the day's check-in" [ "$(count checkin)" = 4 ]

export_okr "$DB" "$WORK/got"
cat > "$WORK/want-objectives.csv" <<'CSV'
key,team,title,start,end,owner,parent,checkin_interval
org-2026,,Lindeborg answers well,2026-01-01,2026-12-31,,,monthly
desk-h2,desk,Desk in the second half,2026-07-01,2026-12-31,P2,org-2026,fortnightly
phone-q3,phone,Phone serves better,2026-07-01,2026-09-30,P1,org-2026,weekly
desk-sep,desk,Desk in September,2026-09-01,2026-09-30,,desk-h2,monthly
CSV
cat > "$WORK/want-key-results.csv" <<'CSV'
objective,key,title,type,competency,level,target,start_value,unit,weight
org-2026,org-nps,NPS up,metric,,,38,30,points,1
desk-h2,desk-wait,Waiting time down,metric,,,4,9.25,minutes,1.5
phone-q3,phone-cf,Customer focus at 3,competency,cf,3,0.8,,,2
phone-q3,phone-fcr,First-contact resolution,metric,,,75.5,60,%,1
phone-q3,phone-moves,Processes moved,milestone,,,3,0,processes,0.5
desk-sep,desk-kn,Knowledge at 4,competency,kn,4,0.25,,,1
CSV
cat > "$WORK/want-checkins.csv" <<'CSV'
key_result,date,value,confidence,note
desk-wait,2026-09-16,8,,tomorrow is allowed (future_days 1)
phone-fcr,2026-07-15,62,0.8,first month
phone-fcr,2026-08-15,65,0.6,corrected
phone-moves,2026-08-01,1,0.7,"one done, two to go"
CSV
same_files "the objectives as stored" "$WORK/want-objectives.csv" "$WORK/got/objectives.csv"
same_files "the key results as stored" "$WORK/want-key-results.csv" "$WORK/got/key-results.csv"
same_files "the check-ins as stored" "$WORK/want-checkins.csv" "$WORK/got/checkins.csv"
check "80% is stored as the double 0.8" [ "$(sql_value "SELECT count(*) FROM key_result WHERE target = 0.8 AND key = 'phone-cf'")" = 1 ]

# The export imported into an empty database exports the same bytes.
DB2=$WORK/again.db
"$COMPGAP" init --db "$DB2" > /dev/null
for kind in teams competencies people; do
	"$COMPGAP" import "$kind" "$WORK/$kind.csv" --db "$DB2" > /dev/null
done
for kind in objectives key-results checkins; do
	run import "$kind" "$WORK/got/$kind.csv" --db "$DB2"
	expect_status "the export of $kind imports" 0
done
export_okr "$DB2" "$WORK/round"
for kind in objectives key-results checkins; do
	same_files "the round trip keeps $kind" "$WORK/got/$kind.csv" "$WORK/round/$kind.csv"
done

# A left-out optional column keeps the stored value, as for people and
# teams; an empty cell clears it. Objectives: team, owner, parent and
# interval kept, the title and period replaced; key results: unit,
# weight and start value kept; a check-in replacing its day's: confidence
# and note kept.
printf 'key,title,start\nphone-q3,Phone serves best,2026-Q3\n' > "$WORK/no-team.csv"
run import objectives "$WORK/no-team.csv" --db "$DB2"
expect_status "objectives without team, owner, parent and interval columns" 0
printf 'key,team,title,start,owner\ndesk-sep,desk,Desk in September,2026-09,\n' > "$WORK/empty-owner.csv"
run import objectives "$WORK/empty-owner.csv" --db "$DB2"
expect_status "an objective whose owner cell is empty" 0
printf 'objective,key,title,type,target\nphone-q3,phone-fcr,FCR,metric,80\nphone-q3,phone-moves,Moves,milestone,4\n' > "$WORK/kr-short.csv"
run import key-results "$WORK/kr-short.csv" --db "$DB2"
expect_status "key results without start_value, unit and weight columns" 0
printf 'objective,key,title,type,target,start_value,unit,weight\norg-2026,org-nps,NPS up,metric,38,31,,\n' > "$WORK/kr-empty.csv"
run import key-results "$WORK/kr-empty.csv" --db "$DB2"
expect_status "a key result whose unit and weight cells are empty" 0
printf 'key_result,date,value\nphone-fcr,2026-07-15,63\n' > "$WORK/ci-short.csv"
run import checkins "$WORK/ci-short.csv" --db "$DB2"
expect_status "a check-in without confidence and note columns" 0
printf 'key_result,date,value,confidence,note\nphone-fcr,2026-08-15,66,,\n' > "$WORK/ci-empty.csv"
run import checkins "$WORK/ci-empty.csv" --db "$DB2"
expect_status "a check-in whose confidence and note cells are empty" 0
export_okr "$DB2" "$WORK/kept"
cat > "$WORK/want-kept-objectives.csv" <<'CSV'
key,team,title,start,end,owner,parent,checkin_interval
org-2026,,Lindeborg answers well,2026-01-01,2026-12-31,,,monthly
desk-h2,desk,Desk in the second half,2026-07-01,2026-12-31,P2,org-2026,fortnightly
phone-q3,phone,Phone serves best,2026-07-01,2026-09-30,P1,org-2026,weekly
desk-sep,desk,Desk in September,2026-09-01,2026-09-30,,desk-h2,monthly
CSV
cat > "$WORK/want-kept-key-results.csv" <<'CSV'
objective,key,title,type,competency,level,target,start_value,unit,weight
org-2026,org-nps,NPS up,metric,,,38,31,,1
desk-h2,desk-wait,Waiting time down,metric,,,4,9.25,minutes,1.5
phone-q3,phone-cf,Customer focus at 3,competency,cf,3,0.8,,,2
phone-q3,phone-fcr,FCR,metric,,,80,60,%,1
phone-q3,phone-moves,Moves,milestone,,,4,0,processes,0.5
desk-sep,desk-kn,Knowledge at 4,competency,kn,4,0.25,,,1
CSV
cat > "$WORK/want-kept-checkins.csv" <<'CSV'
key_result,date,value,confidence,note
desk-wait,2026-09-16,8,,tomorrow is allowed (future_days 1)
phone-fcr,2026-07-15,63,0.8,first month
phone-fcr,2026-08-15,66,,
phone-moves,2026-08-01,1,0.7,"one done, two to go"
CSV
for kind in objectives key-results checkins; do
	same_files "left-out columns of $kind kept, empty cells cleared" \
		"$WORK/want-kept-$kind.csv" "$WORK/kept/$kind.csv"
done
# A new metric still needs its start value; a stored milestone that
# becomes a metric has none to keep.
printf 'objective,key,title,type,target\nphone-q3,new-metric,New,metric,5\nphone-q3,phone-moves,Moves,metric,4\n' > "$WORK/kr-nostart.csv"
run import key-results "$WORK/kr-nostart.csv" --db "$DB2"
expect_status "metrics without a start value to keep" 65
expect_err "a new metric needs its start value" "kr-nostart.csv:2: start_value: a metric key result needs the value it starts from (its baseline)"
expect_err "a milestone turned metric needs one too" "kr-nostart.csv:3: start_value: a metric key result needs the value it starts from (its baseline)"

# ---- refusals: line, column, message; nothing stored ----------------------------
# refused NAME KIND CONTENT MESSAGE...: importing CONTENT as KIND fails
# with status 65, each MESSAGE on stderr, and the three tables as they
# were.
refused() {
	name=$1 kind=$2
	printf '%s' "$3" > "$WORK/bad.csv"
	shift 3
	before=$(count objective)/$(count key_result)/$(count checkin)
	run import "$kind" "$WORK/bad.csv" --db "$DB"
	expect_status "$name: refused" 65
	for msg in "$@"; do
		expect_err "$name: $msg" "$msg"
	done
	after=$(count objective)/$(count key_result)/$(count checkin)
	check "$name: nothing stored" [ "$before" = "$after" ]
	expect_err "$name: nothing was imported" "nothing was imported"
}

refused "objectives" objectives 'key,team,title,start,end,owner,parent,checkin_interval
new-1,phone,Fine but for the others,2026-Q4,,,,
o2,,Single day,2026-07-01,,,,
o3,,Bad quarter,2026-Q5,,,,
o4,,Backwards,2026-07,2026-06,,,
o5,nope,Unknown team,2026,,,,
o6,,Unknown owner,2026,,P9,,
o7,,Own parent,2026,,,o7,
o8,,Unknown parent,2026,,,gone,
o9,,Bad interval,2026,,,,daily
o9b,,Under a refused row,2026,,,o2,
,,No key,2026,,,,
o11,,,2026,,,,
o12,,Empty start,,,,,
phone-q3,,Twice,2026,,,,
phone-q3,,Twice,2026,,,,
' \
	"bad.csv:3: end: end is empty, and the start 2026-07-01 is a single day; write the end date, or a start that is a month, quarter or year (2026-Q3) to end with it" \
	"bad.csv:4: start: '2026-Q5' is not a date (YYYY-MM-DD), a month (YYYY-MM), a quarter (YYYY-Q1 to YYYY-Q4) or a year (YYYY)" \
	"bad.csv:5: end: end 2026-06 (2026-06-30) is before the start 2026-07 (2026-07-01); an objective ends on or after the day it starts" \
	"bad.csv:6: team: unknown team 'nope'" \
	"bad.csv:7: owner: unknown owner 'P9'; import them with people.csv first" \
	"bad.csv:8: parent: 'o7' cannot be its own parent" \
	"bad.csv:9: parent: unknown objective 'gone'; it is neither in this file nor stored" \
	"bad.csv:10: checkin_interval: 'daily' is not an interval of check-ins; use one of weekly, fortnightly, monthly (empty: monthly)" \
	"bad.csv:12: key:" \
	"bad.csv:13: title:" \
	"bad.csv:14: start: start is empty; write a date (2026-07-01), a month (2026-07), a quarter (2026-Q3) or a year (2026)" \
	"bad.csv:16: key: 'phone-q3' appears twice in this file (first on line 15)"

# A loop through a stored objective: org-2026 under desk-sep, which is
# under desk-h2, which is under org-2026.
check "a row under a refused one is not said to name an unknown parent" [ "$(grep -c "bad.csv:11:" "$WORK/err")" = 0 ]

refused "a loop of parents" objectives 'key,team,title,start,end,owner,parent
org-2026,,Lindeborg answers well,2026,,,desk-sep
' "bad.csv:2: parent: objective 'org-2026' would be its own ancestor (org-2026 > desk-sep > desk-h2 > org-2026); parents cannot loop"
refused "a loop within the file" objectives 'key,team,title,start,end,owner,parent
x1,,X one,2026,,,x2
x2,,X two,2026,,,x1
' "bad.csv:2: parent: objective 'x1' would be its own ancestor (x1 > x2 > x1); parents cannot loop" \
	"bad.csv:3: parent: objective 'x2' would be its own ancestor (x2 > x1 > x2); parents cannot loop"
refused "a missing required column" objectives 'key,team,title,end
x,,X,2026-12-31
' "bad.csv:1: start: required column is missing from the header"

refused "key results" key-results 'objective,key,title,type,competency,level,target,start_value,unit,weight
phone-q3,new-kr,Fine but for the others,metric,,,1,0,,
nowhere,k2,Unknown objective,metric,,,1,0,,
phone-q3,k3,Bad type,kpi,,,1,0,,
phone-q3,k4,No competency,competency,,3,0.5,,,
phone-q3,k5,No level,competency,cf,,0.5,,,
phone-q3,k6,Level 6,competency,cf,6,0.5,,,
phone-q3,k7,Share above 1,competency,cf,3,1.2,,,
phone-q3,k8,Percent above 100,competency,cf,3,120%,,,
phone-q3,k9,Baseline given,competency,cf,3,0.5,0.1,,
phone-q3,k10,Competency on a metric,metric,cf,,1,0,,
phone-q3,k11,Level on a milestone,milestone,,2,1,,,
phone-q3,k12,Metric without start,metric,,,1,,,
phone-q3,k13,Negative milestone,milestone,,,-1,,,
phone-q3,k14,Zero weight,metric,,,1,0,,0
phone-q3,k15,Not a number,metric,,,lots,0,,
phone-q3,k16,Unknown competency,competency,cx,3,0.5,,,
phone-q3,k17,Decimal comma in a comma file,metric,,,"7,5",0,,
phone-q3,k18,Long unit,metric,,,1,0,abcdefghijabcdefghijabcdefghijabcdefghijabcdefghij,
phone-q3,k19,Too precise a percentage,competency,cf,3,12.34567%,,,
phone-q3,k20,Twice,metric,,,1,0,,
phone-q3,k20,Twice,metric,,,1,0,,
' \
	"bad.csv:3: objective: unknown objective 'nowhere'; import it with objectives.csv first" \
	"bad.csv:4: type: 'kpi' is not a type of key result; use one of competency, metric, milestone" \
	"bad.csv:5: competency: a competency key result names the competency whose levels it counts" \
	"bad.csv:6: level: a competency key result names the level (1 to 5) that counts" \
	"bad.csv:7: level: level 6 is out of range; it must be from 1 to 5" \
	"bad.csv:8: target: 1.2 is not a share from 0 to 1; write 0.8 or 80% for 80%" \
	"bad.csv:9: target: 120% is not a share from 0 to 1; write 0.8 or 80% for 80%" \
	"bad.csv:10: start_value: leave start_value empty for a competency key result: its baseline is computed from the evidence, as the share on its objective's start date" \
	"bad.csv:11: competency: only a competency key result has a competency; leave it empty for a metric key result" \
	"bad.csv:12: level: only a competency key result has a level; leave it empty for a milestone key result" \
	"bad.csv:13: start_value: a metric key result needs the value it starts from (its baseline)" \
	"bad.csv:14: target: target -1 is below 0; a milestone key result counts things done, up to a target from 0" \
	"bad.csv:15: weight: weight 0 is not above 0; a weight is a number above 0 (empty: 1)" \
	"bad.csv:16: target: target 'lots' is not a number" \
	"bad.csv:17: competency: unknown competency 'cx'" \
	"bad.csv:18: target: target '7,5' is not a number; write digits with at most one decimal point, such as 3 or 2.5 (a decimal comma is read only in a file separated by ';' or tabs)" \
	"bad.csv:19: unit: the unit has 50 bytes, more than the 40 a unit may have" \
	"bad.csv:20: target: 12.34567% has more than 4 digits after the point in a percentage" \
	"bad.csv:22: key: 'k20' appears twice in this file (first on line 21)"

refused "check-ins" checkins 'key_result,date,value,confidence,note
phone-fcr,2026-09-01,66,,fine but for the others
phone-cf,2026-09-01,0.5,,
nothing,2026-09-01,1,,
phone-fcr,2026-09-17,1,,
phone-fcr,2026-02-30,1,,
phone-fcr,2026-09-02,,,
phone-fcr,2026-09-03,1,1.5,
phone-moves,2026-09-01,2,,
phone-moves,2026-09-01,3,,
' \
	"bad.csv:3: key_result: 'phone-cf' is a competency key result: its value is computed from the evidence; check-ins are for metric and milestone key results" \
	"bad.csv:4: key_result: unknown key result 'nothing'; import it with key_results.csv first" \
	"bad.csv:5: date: 2026-09-17 is 2 days after today (2026-09-15); check-ins may be dated at most 1 day ahead (setting future_days); if the date is right, import with --allow-future" \
	"bad.csv:6: date:" \
	"bad.csv:7: value: value '' is not a number" \
	"bad.csv:8: confidence: 1.5 is not a share from 0 to 1" \
	"bad.csv:10: date: key result 'phone-moves' has a check-in on 2026-09-01 on line 9 already; give one a day"

# A key result with check-ins does not become a competency key result.
refused "check-ins kept from a competency key result" key-results 'objective,key,title,type,competency,level,target,start_value,unit,weight
phone-q3,phone-fcr,Now computed,competency,cf,3,0.5,,,
' "bad.csv:2: type: key result 'phone-fcr' has 2 check-ins; it cannot become a competency key result, whose value is computed from the evidence"

# --allow-future takes a check-in ahead, as it takes evidence.
printf 'key_result,date,value\nphone-fcr,2026-09-30,70\n' > "$WORK/ahead.csv"
run import checkins "$WORK/ahead.csv" --allow-future --db "$DB"
expect_status "--allow-future takes a check-in ahead" 0

# ---- what objectives and key results hold on to ----------------------------------
# The erasure of an owner leaves their objective without one.
run privacy erase --person P2 --yes --db "$DB"
expect_status "the owner is erased" 0
expect_out "the erasure counts the objectives" "1 objectives no owner"
check "the objective has no owner any more" [ "$(count "objective WHERE key = 'desk-h2' AND owner_id IS NULL")" = 1 ]
check "and keeps its key results" [ "$(count "key_result k JOIN objective o ON o.id = k.objective_id WHERE o.key = 'desk-h2'")" = 1 ]

# Over the API (deletions are the API's): a team, an owner or a
# competency that objectives and key results name stays; the web import
# takes the new kinds as the command line does.
. "$HERE/serve_lib.sh"
printf '%s\n' "$PASSWORD" | "$COMPGAP" user add admin1 --role admin --db "$DB" > /dev/null 2>&1
start_or_finish okr
login admin1
del() {
	as admin1 "$1" -X DELETE -H "X-CSRF-Token: $CSRF_admin1"
}
cat > "$WORK/up.csv" <<'CSV'
key,team,title,start,end,owner,parent
empty-q4,empty,The empty team's,2026-Q4,,P3,
CSV
as admin1 /api/v1/imports/objectives -H "X-CSRF-Token: $CSRF_admin1" -H 'Content-Type: text/csv' \
	--data-binary "@$WORK/up.csv"
expect_code "the API imports objectives" 200
check "the objective is stored" [ "$(count "objective WHERE key = 'empty-q4'")" = 1 ]
del /api/v1/teams/empty
expect_code "a team with an objective is not deleted" 409
check "the answer says why" grep -q "team 'empty' has 1 objective; it cannot be deleted" "$WORK/b"
del /api/v1/people/P3
expect_code "the owner of an objective is not deleted" 409
check "the answer says why" grep -q "person 'P3' owns 1 objective; they cannot be deleted" "$WORK/b"
del /api/v1/competencies/cf
expect_code "a competency that a key result measures is not deleted" 409
check "the answer says why" grep -q "competency 'cf' is measured by 1 key result; it cannot be deleted" "$WORK/b"
del /api/v1/competencies/spare
expect_code "a competency that no key result measures is deleted" 204

# The exports of the other roles: the organisation's objectives and those
# of the teams within reach (an employee's own team), their key results
# and check-ins; an owner out of reach is left empty.
for u in "mgr1 --role manager --person P1" "emp1 --role employee --person P3" \
	"coach1 --role coach --teams desk"; do
	# shellcheck disable=SC2086
	printf '%s\n' "$PASSWORD" | "$COMPGAP" user add $u --db "$DB" > /dev/null 2>&1
done
for u in mgr1 emp1 coach1; do login $u; done
# exported USER KIND: the first column of USER's export of KIND, joined.
exported() {
	as "$1" "/api/v1/exports/$2"
	tail -n +2 "$WORK/b" | tr -d '\r' | cut -d, -f1 | tr '\n' ' '
}
check "a manager's objectives" [ "$(exported mgr1 objectives)" = "org-2026 phone-q3 " ]
check "an employee's objectives: the organisation's and their team's" [ "$(exported emp1 objectives)" = "org-2026 phone-q3 " ]
check "a coach's objectives" [ "$(exported coach1 objectives)" = "org-2026 desk-h2 desk-sep " ]
check "an employee's key results" [ "$(exported emp1 key-results)" = "org-2026 phone-q3 phone-q3 phone-q3 " ]
check "an employee's check-ins" [ "$(exported emp1 checkins)" = "phone-fcr phone-fcr phone-fcr phone-moves " ]
check "a coach's check-ins" [ "$(exported coach1 checkins)" = "desk-wait " ]
as emp1 /api/v1/exports/objectives
check "an owner out of the employee's reach is left empty" grep -q '^phone-q3,phone,Phone serves better,2026-07-01,2026-09-30,,org-2026,weekly' "$WORK/b"
as mgr1 /api/v1/exports/objectives
check "the manager sees themselves as the owner" grep -q '^phone-q3,phone,Phone serves better,2026-07-01,2026-09-30,P1,org-2026,weekly' "$WORK/b"
as admin1 /api/v1/exports/objectives
check "admin gets every objective" [ "$(tail -n +2 "$WORK/b" | wc -l | tr -d ' ')" = 5 ]

# The API's erasure counts the objectives it leaves without an owner.
as admin1 /api/v1/people/P3/erasure -X POST -H "X-CSRF-Token: $CSRF_admin1" \
	-H 'Content-Type: application/json' -d '{"confirm": "P3"}'
expect_code "the API erases an owner" 200
pycheck "its answer counts the objective unlinked" "$WORK/b" 'assert d["objectives_unlinked"] == 1, d'
check "the objective stays, without an owner" [ "$(count "objective WHERE key = 'empty-q4' AND owner_id IS NULL")" = 1 ]
stop

done_testing
