#!/bin/sh
# compgap privacy export|erase|purge on the engine under test: the
# export's contents, the erasure's confirmation (on a terminal, and
# --yes without one), what an erasure leaves in every table, the purge
# with the retention setting, and their audit entries.
. "$(dirname "$0")/lib.sh"

DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null
printf '%s\n' "correct horse battery staple" |
	"$COMPGAP" user add emp1 --role employee --person KCC-1011 --db "$DB" > /dev/null 2>&1
"$COMPGAP" token create hr-feed --role employee --person KCC-1011 --db "$DB" > /dev/null 2>&1
"$COMPGAP" retract "$(sql "SELECT min(e.id) FROM evidence e JOIN person p ON p.id = e.person_id
	WHERE p.key = 'KCC-1011'")" --reason "wrong person" --db "$DB" > /dev/null

# ---------------------------------------------------------------- export
ROWS=$(sql "SELECT count(*) FROM evidence e JOIN person p ON p.id = e.person_id WHERE p.key = 'KCC-1011'")
ASSESSED=$(sql "SELECT count(*) FROM evidence e JOIN person p ON p.id = e.assessor_id
	WHERE p.key = 'KCC-1011'")
run privacy export --person KCC-1011 --db "$DB"
expect_status "export writes the document" 0
check "to standard output, as JSON with every part" python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
assert d['person']['id'] == 'KCC-1011'
assert len(d['evidence']) == $ROWS and len(d['assessed']) == $ASSESSED, d.keys()
r = [e for e in d['evidence'] if e['retracted']]
assert len(r) == 1 and r[0]['retracted']['reason'] == 'wrong person', r
assert [u['name'] for u in d['users']] == ['emp1'] and d['users'][0]['sessions'] == []
assert [t['name'] for t in d['tokens']] == ['hr-feed'] and d['tokens'][0]['revoked'] is False
assert [e['action'] for e in d['audit']['concerning']] == ['user.add', 'token.create'], d['audit']
" "$WORK/out"
check "the export names no other person in the rows they assessed" python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
for a in d['assessed']:
    assert 'person' not in a and 'note' not in a and 'assessor' not in a, a
" "$WORK/out"
check "no hash, no token" sh -c "! grep -Eq 'hash|argon2|cgt_' '$WORK/out'"
run privacy export --person KCC-1011 -o "$WORK/x.json" --db "$DB"
expect_status "export -o writes a file" 0
check "the file is the document" python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$WORK/x.json"
run privacy export --person NOPE-9 -o "$WORK/nope.json" --db "$DB"
expect_status "an unknown person: 66" 66
expect_err "says so" "no person 'NOPE-9'"
check "and leaves no file" [ ! -e "$WORK/nope.json" ]
check "exports are in the audit log" [ "$(sql "SELECT count(*) FROM audit_log
	WHERE action = 'privacy.export' AND person_key = 'KCC-1011' AND outcome = 'ok'")" = 2 ]

# ---------------------------------------------------------------- usage
run privacy --db "$DB"
expect_status "privacy without a verb" 64
run privacy export --db "$DB"
expect_status "export without --person" 64
run privacy purge --person KCC-1011 --db "$DB"
expect_status "purge with --person" 64
run privacy erase --person KCC-1011 --dry-run --db "$DB"
expect_status "erase with --dry-run" 64

# ---------------------------------------------------------------- erase
PEOPLE=$(sql "SELECT count(*) FROM person")
run privacy erase --person KCC-1011 --db "$DB" < /dev/null
expect_status "erase without a terminal and without --yes is refused" 64
expect_err "saying why" "give --yes when standard input is not a terminal"
check "nothing was erased" [ "$(sql "SELECT count(*) FROM person")" = "$PEOPLE" ]

# On a terminal: the id typed again, or nothing happens.
tty_erase() {
	python3 - "$COMPGAP" "$1" "$DB" << 'PY' > "$WORK/tty" 2>&1
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1], "privacy", "erase", "--person", "KCC-1011", "--db", sys.argv[3]])
out = b""
while b"confirm:" not in out:
    out += os.read(fd, 1024)
os.write(fd, sys.argv[2].encode() + b"\n")
try:
    while True:
        chunk = os.read(fd, 1024)
        if not chunk:
            break
        out += chunk
except OSError:
    pass
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode(errors="replace"))
sys.exit(os.waitstatus_to_exitcode(status))
PY
	STATUS=$?
}
tty_erase KCC-1012
check "a wrong id on the terminal erases nothing (65)" [ "$STATUS" = 65 ] && \
	[ "$(sql "SELECT count(*) FROM person")" = "$PEOPLE" ]
check "the terminal was asked" grep -q "type the id again to confirm" "$WORK/tty"

REPORTS=$(sql "SELECT count(*) FROM person r JOIN person m ON m.id = r.manager_id WHERE m.key = 'KCC-1011'")
ID=$(sql "SELECT id FROM person WHERE key = 'KCC-1011'")
tty_erase KCC-1011
check "the id typed again erases" [ "$STATUS" = 0 ] && \
	[ "$(sql "SELECT count(*) FROM person")" = "$((PEOPLE - 1))" ]
check "the answer counts the rows" grep -q "erased person 'KCC-1011': $ROWS evidence rows (1 retracted)" "$WORK/tty"
for q in "person WHERE key = 'KCC-1011' OR id = $ID OR manager_id = $ID" \
	"evidence WHERE person_id = $ID OR assessor_id = $ID" \
	"retraction WHERE evidence_id NOT IN (SELECT id FROM evidence)" \
	"evidence_sum WHERE person_id = $ID" \
	"account WHERE person_id = $ID OR name = 'emp1'" \
	"api_token WHERE person_id = $ID OR name = 'hr-feed'" \
	"account_team WHERE account_id NOT IN (SELECT id FROM account)" \
	"api_token_team WHERE token_id NOT IN (SELECT id FROM api_token)" \
	"session WHERE account_id NOT IN (SELECT id FROM account)"; do
	check "no row left: $q" [ "$(sql "SELECT count(*) FROM $q")" = 0 ]
done
check "the rows they assessed stay, without the assessor" \
	[ "$(sql "SELECT count(*) FROM evidence WHERE assessor_id IS NULL")" -ge "$ASSESSED" ]
check "the audit log keeps the key, and has the erasure" [ "$(sql "SELECT count(*) FROM audit_log
	WHERE action = 'privacy.erase' AND person_key = 'KCC-1011' AND outcome = 'ok'
	AND actor LIKE 'cli:%'")" = 1 ]
run check --db "$DB"
expect_status "compgap check passes after the erasure" 0
run privacy erase --person KCC-1011 --yes --db "$DB"
expect_status "erasing again: 66" 66
check "the failed erasure is logged" [ "$(sql "SELECT count(*) FROM audit_log
	WHERE action = 'privacy.erase' AND person_key = 'KCC-1011' AND outcome = 'failed'")" = 1 ]
run privacy erase --person KCC-1010 --yes --db "$DB"
expect_status "erase --yes without a terminal" 0
check "their reports have no manager" [ "$(sql "SELECT count(*) FROM person WHERE manager_id IS NULL")" -gt "$REPORTS" ]

# ---------------------------------------------------------------- purge
run privacy purge --db "$DB"
expect_status "a purge while the retention is 0 is refused (78)" 78
expect_err "naming the setting" "evidence_retention_years is 0"
for bad in 1.5 101 x; do
	run config set evidence_retention_years "$bad" --db "$DB"
	expect_status "evidence_retention_years '$bad' is refused" 65
done
run config set evidence_retention_years 1 --db "$DB"
expect_status "a retention of a year" 0
COMPGAP_TODAY=2026-11-30
export COMPGAP_TODAY
OLD=$(sql "SELECT count(*) FROM evidence WHERE date < 20422")
NEW=$(sql "SELECT count(*) FROM evidence WHERE date >= 20422")
"$COMPGAP" person KCC-1031 --json --db "$DB" > "$WORK/before.json"
run privacy purge --dry-run --db "$DB"
expect_status "a dry run" 0
expect_out "says what it would remove" "would purge $OLD evidence rows dated before 2025-11-30"
check "and removes nothing" [ "$(sql "SELECT count(*) FROM evidence WHERE date < 20422")" = "$OLD" ]
run privacy purge --db "$DB"
expect_status "the purge" 0
expect_out "says what it removed" "purged $OLD evidence rows dated before 2025-11-30"
check "exactly the rows before the cut-off went" \
	[ "$(sql "SELECT count(*) FROM evidence WHERE date < 20422")" = 0 ] && \
	[ "$(sql "SELECT count(*) FROM evidence")" = "$NEW" ]
"$COMPGAP" person KCC-1031 --json --db "$DB" > "$WORK/after.json"
check "levels are recomputed without the old rows" sh -c "! cmp -s '$WORK/before.json' '$WORK/after.json'"
run check --db "$DB"
expect_status "compgap check passes after the purge" 0
check "the purge is logged with its count" [ "$(sql "SELECT count(*) FROM audit_log
	WHERE action = 'privacy.purge' AND outcome = 'ok' AND detail LIKE 'purged $OLD %'")" = 1 ]

done_testing
