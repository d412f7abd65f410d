#!/bin/sh
# The library's texts in other languages (docs/csv-formats.md,
# library-texts): a good file in the ';' dialect imported and exported
# again byte for byte; a bad file refused whole, every bad row named with
# its line and column; each text falling back to its base text where it has
# no translation (show competency --lang); an indicator's translation
# following its text through an import of indicators; a database of schema
# 6 migrated with its data; the demo's library in Dutch and Swedish; over
# HTTP the texts of a record, a PATCH of them by hr (not by an employee),
# and the import and export of the kind.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

DB=$WORK/org.db
run init --db "$DB"
for kind in teams competencies indicators roles people; do
	run import "$kind" "$DATA/$kind.csv" --db "$DB"
	expect_status "import $kind" 0
done

# A file as Dutch Excel saves it: ';', a byte-order mark, CRLF.
printf '\357\273\277kind;key;item;lang;field;text\r
competency;listening;;nl;name;Actief luisteren\r
competency;listening;;nl;description;"Hoort wat er gezegd wordt; en wat er bedoeld wordt."\r
competency;listening;;sv;name;Aktivt lyssnande\r
indicator;listening;2;nl;text;Vraagt door\r
descriptor;listening;3;nl;text;Hoort in gangbare contacten de behoefte achter de vraag\r
role;agent;;en;name;Contact-centre agent\r
role;agent;;nl;name;Klantcontactmedewerker\r
' > "$WORK/texts.csv"
run import library-texts "$WORK/texts.csv" --db "$DB"
expect_status "a good file in the ';' dialect is imported" 0
expect_out "seven rows are stored" "imported 7 library-texts rows"

run export library-texts --db "$DB" --lf
expect_status "export library-texts" 0
cat > "$WORK/want.csv" <<'CSV'
kind,key,item,lang,field,text
competency,listening,,nl,name,Actief luisteren
competency,listening,,nl,description,"Hoort wat er gezegd wordt; en wat er bedoeld wordt."
competency,listening,,sv,name,Aktivt lyssnande
indicator,listening,2,nl,text,Vraagt door
descriptor,listening,3,nl,text,Hoort in gangbare contacten de behoefte achter de vraag
role,agent,,en,name,Contact-centre agent
role,agent,,nl,name,Klantcontactmedewerker
CSV
same_files "the export holds the texts in their order" "$WORK/out" "$WORK/want.csv"
cp "$WORK/out" "$WORK/exported.csv"

# Round trip: the export imported into another database with the same
# library gives the same export.
DB2=$WORK/other.db
run init --db "$DB2"
for kind in teams competencies indicators roles; do
	run import "$kind" "$DATA/$kind.csv" --db "$DB2"
done
run import library-texts "$WORK/exported.csv" --db "$DB2"
expect_status "the export imports into another database" 0
run export library-texts --db "$DB2" --lf
same_files "and exports the same bytes from there" "$WORK/out" "$WORK/want.csv"
run export library-texts --db "$DB2" --excel
expect_status "export --excel" 0
cp "$WORK/out" "$WORK/excel.csv"
run import library-texts "$WORK/excel.csv" --db "$DB2"
expect_status "the --excel export imports again" 0
run export library-texts --db "$DB2" --lf
same_files "without a change" "$WORK/out" "$WORK/want.csv"

# Fallback: Dutch where translated, the base text elsewhere.
run show competency listening --lang nl --db "$DB"
expect_status "show competency --lang nl" 0
expect_out "the Dutch name" "Actief luisteren (listening)"
expect_out "the Dutch definition" "Hoort wat er gezegd wordt; en wat er bedoeld wordt."
expect_out "the first indicator has no translation: the base text" "- Summarises the question before answering"
expect_out "the second indicator in Dutch" "- Vraagt door"
expect_out "level 1 has no translation: the base text" "1  Needs guidance to hear the need behind a question"
expect_out "level 3 in Dutch" "3  Hoort in gangbare contacten de behoefte achter de vraag"
run show competency listening --lang sv --db "$DB"
expect_out "Swedish: the name" "Aktivt lyssnande (listening)"
expect_out "Swedish: no definition, the base one" "Hears what is said, and what is meant."
expect_out "Swedish: no indicator, the base ones" "- Asks follow-up questions"
run show competency listening --lang de --db "$DB"
expect_status "a language that is not ours is a usage error" 64
expect_err "and says which are" "'de' is not a language of compgap; use en, nl or sv"

run show competency listening --json --db "$DB"
python3 -c "import json, sys
d = json.load(open(sys.argv[1]))
t = d['texts']
assert sorted(t) == ['nl', 'sv'], t
assert t['nl']['indicators'] == [None, 'Vraagt door'], t['nl']
assert t['nl']['levels'] == [{'level': 3, 'descriptor': 'Hoort in gangbare contacten de behoefte achter de vraag'}], t['nl']
assert t['sv'] == {'name': 'Aktivt lyssnande', 'description': None, 'indicators': [None, None], 'levels': []}, t['sv']
" "$WORK/out" && ok "show --json carries the texts by language" || not_ok "show --json carries the texts by language" "$(cat "$WORK/out")"

# A bad file: refused whole, each bad row with its line and column.
cat > "$WORK/bad.csv" <<'CSV'
kind,key,item,lang,field,text
competency,listening,,nl,name,Luisteren
competency,listening,,de,name,Zuhören
indicator,listening,3,nl,text,Derde
descriptor,listening,2,nl,text,Twee
role,nobody,,nl,name,Niemand
thing,listening,,nl,name,Iets
competency,listening,,nl,text,Tekst
competency,listening,1,nl,name,Een
role,agent,,sv,name,"two
lines"
competency,listening,,nl,name,Nogmaals
CSV
snapshot "$DB" "$WORK/before"
"$COMPGAP" export library-texts --db "$DB" > "$WORK/before/library-texts.csv"
run import library-texts "$WORK/bad.csv" --db "$DB"
expect_status "a bad file is refused" 65
expect_err "a language not ours, named with the column" "bad.csv:3: lang: 'de' is not a language of compgap; use en, nl or sv"
expect_err "an indicator that is not there" "bad.csv:4: item: competency 'listening' has no behavioural indicator 3; its indicators are numbered from 1 in their order"
expect_err "a level without a descriptor" "bad.csv:5: item: competency 'listening' has no descriptor of level 2"
expect_err "an unknown role" "bad.csv:6: key: unknown role 'nobody'; import it with roles.csv first"
expect_err "an unknown kind" "bad.csv:7: kind: 'thing' is not a kind of text; use competency, indicator, descriptor or role"
expect_err "a field the kind does not have" "bad.csv:8: field: competency has no field 'text'; use name or description"
expect_err "an item where there is none" "bad.csv:9: item: a competency's text has no item; leave it empty"
expect_err "a name of two lines" "bad.csv:10: text:"
expect_err "a text given twice" "bad.csv:12: key: 'competency, listening, nl, name' appears twice in this file (first on line 2); give each once"
expect_err "nothing was imported" "bad.csv: 9 problems found; nothing was imported"
snapshot "$DB" "$WORK/after"
"$COMPGAP" export library-texts --db "$DB" > "$WORK/after/library-texts.csv"
same_snapshot "the refused file changed nothing" "$WORK/before" "$WORK/after"

# An empty text removes a translation.
printf 'kind,key,item,lang,field,text\ncompetency,listening,,sv,name,\n' > "$WORK/remove.csv"
run import library-texts "$WORK/remove.csv" --db "$DB"
expect_status "an empty text is taken" 0
run show competency listening --lang sv --db "$DB"
expect_out "and removes the translation: the base name again" "Active listening (listening)"

# Indicators imported again: the translation follows its text to its new
# place; that of a descriptor whose text changed lapses.
cat > "$WORK/indicators.csv" <<'CSV'
competency,level,indicator
listening,,A new first indicator
listening,,Summarises the question before answering
listening,,Asks follow-up questions
listening,3,Hears the need behind the question in every contact
CSV
run import indicators "$WORK/indicators.csv" --db "$DB"
expect_status "indicators imported again" 0
run show competency listening --lang nl --db "$DB"
expect_out "the translated indicator keeps its translation at its new place" "- Vraagt door"
expect_out "the changed descriptor shows its new base text" "3  Hears the need behind the question in every contact"
run export library-texts --db "$DB" --lf
expect_out "the export numbers the indicator by its new place" "indicator,listening,3,nl,text,Vraagt door"
if grep -q "^descriptor" "$WORK/out"; then
	not_ok "the lapsed descriptor's translation is gone" "$(cat "$WORK/out")"
else
	ok "the lapsed descriptor's translation is gone"
fi

# A database of schema 7, with its data, migrates to 8 with no texts.
OLD=$WORK/old.db
run copy --from "$DB2" --to "$OLD"
expect_status "copy, the texts with it" 0
expect_out "the copy counts the competency texts" "competency texts"
DB=$OLD
if [ "$ENGINE" = sqlite ]; then
	sql "DROP TABLE checkin; DROP TABLE key_result; DROP TABLE objective; DROP TABLE plan_action; DROP TABLE webhook_delivery; DROP TABLE webhook_endpoint; DROP TABLE coaching_followup; DROP TABLE coaching_item; DROP TABLE coaching_star;
		DROP TABLE coaching_evaluation; DROP TABLE coaching_agent; DROP TABLE coaching_session;
		DROP TABLE competency_text; DROP TABLE indicator_text; DROP TABLE role_text; DROP TABLE evidence_star;
		DROP TABLE evaluation_score; DROP TABLE evaluation; DROP TABLE scorecard_area;
		DROP TABLE scorecard_version; DROP TABLE scorecard;
		DELETE FROM schema_version WHERE version >= 8;"
else
	sql "DROP TABLE checkin, key_result, objective, plan_action, webhook_delivery, webhook_endpoint, coaching_followup, coaching_item, coaching_star, coaching_evaluation,
		coaching_agent, coaching_session, competency_text, indicator_text, role_text, evidence_star,
		evaluation_score, evaluation, scorecard_area, scorecard_version, scorecard;
		DELETE FROM schema_version WHERE version >= 8;"
fi
run init --db "$OLD"
expect_status "a schema-7 database is migrated" 0
expect_out "from 7 to the latest" "from schema version 7 to $SCHEMA"
run export competencies --db "$OLD" --lf
expect_out "its competencies are kept" "listening,Active listening"
run export library-texts --db "$OLD" --lf
printf 'kind,key,item,lang,field,text\n' > "$WORK/header.csv"
same_files "and it has no texts yet" "$WORK/out" "$WORK/header.csv"
run import library-texts "$WORK/texts.csv" --db "$OLD"
expect_status "the migrated database takes texts" 0

# The demo: its library in Dutch and Swedish, its roles named in all three.
DEMO=$WORK/demo.db
run demo --db "$DEMO"
expect_status "demo" 0
run export library-texts --db "$DEMO" --lf
awk -F, 'NR > 1 { n[$1 " " $4]++ } END { for (k in n) print k, n[k] }' "$WORK/out" | sort > "$WORK/counts"
cat > "$WORK/want-counts" <<'TXT'
competency nl 28
competency sv 28
descriptor nl 70
descriptor sv 70
indicator nl 67
indicator sv 67
role en 5
role nl 5
role sv 5
TXT
same_files "every demo text in Dutch and Swedish, every role in three languages" "$WORK/counts" "$WORK/want-counts"
run show competency customer-focus --lang nl --db "$DEMO"
expect_out "the demo in Dutch" "Klantgerichtheid (customer-focus)"
run show competency customer-focus --lang sv --db "$DEMO"
expect_out "the demo in Swedish" "Kundfokus (customer-focus)"
run show competency customer-focus --lang en --db "$DEMO"
expect_out "the demo in English: the base texts" "Customer focus (customer-focus)"


# Over HTTP, on the demo.
DB=$DEMO
make_role_users
start_or_finish lt
for u in hr1 emp1 coach1; do login $u; done
as emp1 /api/v1/competencies/customer-focus
expect_code "an employee reads a competency" 200
python3 -c "import json, sys
d = json.load(open(sys.argv[1]))
assert d['texts']['nl']['name'] == 'Klantgerichtheid', d['texts']
assert d['texts']['sv']['name'] == 'Kundfokus', d['texts']
assert len(d['texts']['sv']['indicators']) == len(d['indicators']) == 5, d
assert [l['level'] for l in d['texts']['nl']['levels']] == [1, 2, 3, 4, 5], d
assert 'en' not in d['texts'], d['texts']
" "$WORK/b" && ok "with its Dutch and Swedish texts" || not_ok "with its Dutch and Swedish texts" "$(head -c 400 "$WORK/b")"
as emp1 /api/v1/roles/agent
python3 -c "import json, sys
d = json.load(open(sys.argv[1]))
assert d['texts'] == {'en': {'name': 'Contact-centre agent'}, 'nl': {'name': 'Klantcontactmedewerker'},
                      'sv': {'name': 'Kommunvägledare'}}, d['texts']
" "$WORK/b" && ok "a role with its names" || not_ok "a role with its names" "$(head -c 400 "$WORK/b")"

# patch USER PATH BODY
patch() {
	eval "pcsrf=\$CSRF_$1"
	as "$1" "$2" -X PATCH -H "X-CSRF-Token: $pcsrf" -H 'Content-Type: application/json' \
		--data-binary "$3"
}
patch emp1 /api/v1/competencies/customer-focus '{"texts": {"nl": {"name": "Mijn naam"}}}'
expect_code "an employee may not change the texts" 403
patch hr1 /api/v1/competencies/customer-focus \
	'{"texts": {"nl": {"name": "Klantgericht werken", "indicators": [null, "Checkt of de klant geholpen is"]}, "en": {"name": "Customer orientation"}}}'
expect_code "hr changes texts" 200
python3 -c "import json, sys
d = json.load(open(sys.argv[1]))
t = d['texts']
assert t['nl']['name'] == 'Klantgericht werken', t
assert t['nl']['indicators'][0] is None, t['nl']
assert t['nl']['indicators'][1] == 'Checkt of de klant geholpen is', t['nl']
assert t['nl']['indicators'][2].startswith('Wijst op zaken'), t['nl']
assert t['en'] == {'name': 'Customer orientation', 'description': None, 'indicators': [None] * 5, 'levels': []}, t['en']
assert t['sv']['name'] == 'Kundfokus', t['sv']
assert d['name'] == 'Customer focus', d['name']
" "$WORK/b" && ok "merged: set, removed, the rest kept" || not_ok "merged: set, removed, the rest kept" "$(head -c 600 "$WORK/b")"
patch hr1 /api/v1/competencies/customer-focus '{"texts": {"de": {"name": "Kundenorientierung"}}}'
expect_code "a language not ours" 422
expect_error "names the language" invalid_value texts.de
patch hr1 /api/v1/competencies/customer-focus '{"texts": {"sv": {"indicators": ["a", "b", "c", "d", "e", "f"]}}}'
expect_code "an indicator the competency does not have" 422
expect_error "names it" invalid_value "texts.sv.indicators[5]"
patch hr1 /api/v1/competencies/customer-focus '{"texts": {"sv": {"title": "x"}}}'
expect_code "an unknown field" 400
expect_error "names it" unknown_field texts.sv.title
patch hr1 /api/v1/roles/agent '{"texts": {"sv": {"name": null}}}'
expect_code "a role's name removed" 200
as emp1 /api/v1/competencies/customer-focus
grep -q '"Kundfokus"' "$WORK/b" && ok "the refused patches changed nothing" || not_ok "the refused patches changed nothing"
as emp1 /api/v1/roles/agent
grep -q '"sv"' "$WORK/b" && not_ok "the Swedish role name is gone" "$(cat "$WORK/b")" || ok "the Swedish role name is gone"

# A competency created with its texts: they number the new indicators.
as hr1 /api/v1/competencies -X POST -H "X-CSRF-Token: $CSRF_hr1" -H 'Content-Type: application/json' \
	--data-binary '{"key": "calm", "name": "Calm", "indicators": ["breathes", "waits"], "texts": {"sv": {"name": "Lugn", "indicators": [null, "väntar"]}}}'
expect_code "hr creates a competency with texts" 201
python3 -c "import json, sys
d = json.load(open(sys.argv[1]))
assert d['texts'] == {'sv': {'name': 'Lugn', 'description': None, 'indicators': [None, 'väntar'], 'levels': []}}, d
" "$WORK/b" && ok "the created competency has them" || not_ok "the created competency has them" "$(head -c 400 "$WORK/b")"

# The kind in the server's imports and exports.
as hr1 /api/v1/exports/library-texts
expect_code "everyone exports library-texts: hr" 200
as emp1 /api/v1/exports/library-texts
expect_code "and an employee" 200
grep -q "Kundfokus" "$WORK/b" && ok "the export holds the texts" || not_ok "the export holds the texts"
printf 'kind,key,item,lang,field,text\nrole,agent,,sv,name,Kundtjänstmedarbetare\n' > "$WORK/up.csv"
as coach1 /api/v1/imports/library-texts -X POST -H "X-CSRF-Token: $CSRF_coach1" \
	-H 'Content-Type: text/csv' --data-binary "@$WORK/up.csv"
expect_code "a coach may not import library-texts" 403
as hr1 /api/v1/imports/library-texts -X POST -H "X-CSRF-Token: $CSRF_hr1" \
	-H 'Content-Type: text/csv' --data-binary "@$WORK/up.csv"
expect_code "hr imports library-texts" 200
as emp1 /api/v1/roles/agent
grep -q "Kundtjänstmedarbetare" "$WORK/b" && ok "and the role has its Swedish name" || not_ok "and the role has its Swedish name" "$(cat "$WORK/b")"
printf 'kind,key,item,lang,field,text\nrole,agent,,fi,name,Asiakaspalvelija\n' > "$WORK/up.csv"
as hr1 "/api/v1/imports/library-texts?dry_run=1" -X POST -H "X-CSRF-Token: $CSRF_hr1" \
	-H 'Content-Type: text/csv' --data-binary "@$WORK/up.csv"
expect_code "a bad upload is refused" 422
grep -q "'fi' is not a language of compgap" "$WORK/b" && ok "with the row's problem" || not_ok "with the row's problem" "$(cat "$WORK/b")"
stop

done_testing
