#!/bin/sh
# The privacy rights over HTTP, on the engine under test: the export
# (GET /api/v1/people/{key}/privacy-export) for every role inside and
# outside its reach, the erasure (POST /api/v1/people/{key}/erasure) with
# its confirmation, bad bodies that change nothing, the CSRF token, the
# erased user's session ending, and the purge (POST
# /api/v1/privacy/purge) with the retention setting; each in the audit
# log.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null
make_role_users
check "a token was created" [ -n "$TOKEN" ]

# A fixed today, for the purge's cut-off: 2025-11-30 with one year.
COMPGAP_TODAY=2026-11-30
export COMPGAP_TODAY
CUTOFF_DAYS=20422

start_or_finish privacy
for u in admin1 hr1 mgr1 coach1 emp1 gone1; do login $u; done

# body NAME PYTHON: the assertions PYTHON hold of the last body, read as d.
body() {
	if python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
$2
" "$WORK/b" 2> "$WORK/pyerr"; then ok "$1"; else
		not_ok "$1" "$(tail -n 1 "$WORK/pyerr")" "body: $(head -c 300 "$WORK/b")"
	fi
}

# audit_has NAME ACTOR ACTION OBJECT_KEY OUTCOME: an audit entry so.
audit_has() {
	n=$(sql "SELECT count(*) FROM audit_log WHERE actor = '$2' AND action = '$3'
		AND coalesce(object_key, '') = '$4' AND outcome = '$5'")
	if [ "$n" -ge 1 ]; then ok "$1"; else not_ok "$1" "no entry $2 $3 $4 $5"; fi
}

bearer() {
	path=$1
	shift
	CODE=$(curl -s -o "$WORK/b" -D "$WORK/h" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
		"$@" "http://127.0.0.1:$PORT$path")
}

# ---------------------------------------------------------------- export
ROWS_1011=$(sql "SELECT count(*) FROM evidence e JOIN person p ON p.id = e.person_id
	WHERE p.key = 'KCC-1011'")
ASSESSED_1011=$(sql "SELECT count(*) FROM evidence e JOIN person p ON p.id = e.assessor_id
	WHERE p.key = 'KCC-1011'")
# Of others: the rows of their own self evaluations name them as the
# assessor, and go with their evidence when they are erased.
ANONYMISED_1011=$(sql "SELECT count(*) FROM evidence e JOIN person p ON p.id = e.assessor_id
	WHERE p.key = 'KCC-1011' AND e.person_id <> p.id")
check "KCC-1011 has evidence and assessed others in the demo" [ "$ROWS_1011" -gt 0 ] && [ "$ANONYMISED_1011" -gt 0 ]

as admin1 /api/v1/people/KCC-1011/privacy-export
expect_code "admin exports anyone" 200
expect_header "the export is an attachment" \
	'Content-Disposition: attachment; filename="KCC-1011-privacy-export.json"'
body "the export holds the record, every evidence row, the rows they assessed and their user" "
assert d['format'] == 'compgap-privacy-export/1', d['format']
assert d['person']['id'] == 'KCC-1011' and d['person']['name'], d['person']
assert len(d['evidence']) == $ROWS_1011, len(d['evidence'])
assert len(d['assessed']) == $ASSESSED_1011, len(d['assessed'])
assert all(set(a) == {'id', 'competency', 'level', 'source', 'date', 'retracted'} for a in d['assessed'])
assert [u['name'] for u in d['users']] == ['emp1'], d['users']
u = d['users'][0]
assert u['role'] == 'employee' and u['disabled'] is False and u['last_login'], u
assert len(u['sessions']) == 1 and set(u['sessions'][0]) == {'created_at', 'last_seen', 'address'}, u
assert d['tokens'] == [], d['tokens']
assert any(e['action'] == 'login' and e['actor'] == 'emp1' for e in d['audit']['by']), d['audit']
"
check "the export holds no hash and no token" sh -c "! grep -Eq 'hash|argon2|cg[stc]_' '$WORK/b'"
body "an admin's export names the peer assessors" "
assert any(e['source'] == 'peer' and e['assessor'] for e in d['evidence'])
"
audit_has "the admin's export is logged" admin1 privacy.export KCC-1011 ok

as hr1 /api/v1/people/KCC-1031/privacy-export
expect_code "hr exports anyone" 200
body "hr's export is of KCC-1031" "assert d['person']['id'] == 'KCC-1031'"

as emp1 /api/v1/people/KCC-1011/privacy-export
expect_code "an employee exports themselves" 200
body "their own export hides the peer assessors, as their evidence page does" "
peer = [e for e in d['evidence'] if e['source'] == 'peer']
assert peer and all(e['assessor'] is None for e in peer), peer[:2]
assert any(e['assessor'] for e in d['evidence'] if e['source'] != 'peer')
assert len(d['evidence']) == $ROWS_1011
"
audit_has "the employee's own export is logged" emp1 privacy.export KCC-1011 ok
as emp1 /api/v1/people/KCC-1012/privacy-export
expect_code "an employee cannot export a colleague: 404" 404
expect_error "as if absent" not_found key
audit_has "the denied export is logged" emp1 read KCC-1012 denied

as mgr1 /api/v1/people/KCC-1011/privacy-export
expect_code "a manager may not export a report's data: 403" 403
expect_error "forbidden" forbidden null
audit_has "the manager's refused export is logged" mgr1 privacy.export KCC-1011 denied
as mgr1 /api/v1/people/KCC-1010/privacy-export
expect_code "a manager exports themselves" 200
body "the manager's export lists the account mgr1" "assert [u['name'] for u in d['users']] == ['mgr1']"
as mgr1 /api/v1/people/KCC-1031/privacy-export
expect_code "outside the manager's line: 404" 404

as coach1 /api/v1/people/KCC-1031/privacy-export
expect_code "a coach may not export a member of their team: 403" 403
as coach1 /api/v1/people/KCC-1011/privacy-export
expect_code "outside the coach's teams: 404" 404
bearer /api/v1/people/KCC-1051/privacy-export
expect_code "a coach token may not export: 403" 403
bearer /api/v1/people/KCC-1011/privacy-export
expect_code "a coach token outside its teams: 404" 404

as admin1 /api/v1/people/NOPE-1/privacy-export
expect_code "an unknown person: 404" 404
as admin1 "/api/v1/people/KCC-1011/privacy-export?as_of=2026-01-01"
expect_code "an unknown query parameter is refused" 400
expect_error "and named" unknown_parameter as_of
CODE=$(curl -s -o "$WORK/b" -w '%{http_code}' "http://127.0.0.1:$PORT/api/v1/people/KCC-1011/privacy-export")
expect_code "without signing in: 401" 401

# ---------------------------------------------------------------- erasure
erase() {
	user=$1
	key=$2
	data=$3
	shift 3
	as "$user" "/api/v1/people/$key/erasure" -X POST -H 'Content-Type: application/json' \
		-d "$data" "$@"
}
PEOPLE=$(sql "SELECT count(*) FROM person")
EVIDENCE=$(sql "SELECT count(*) FROM evidence")

erase emp1 KCC-1011 '{"confirm": "KCC-1011"}' -H "X-CSRF-Token: $CSRF_emp1"
expect_code "an employee may not erase themselves: 403" 403
audit_has "the refused erasure is logged" emp1 privacy.erase KCC-1011 denied
erase emp1 KCC-1012 '{"confirm": "KCC-1012"}' -H "X-CSRF-Token: $CSRF_emp1"
expect_code "an employee erasing a colleague: 404" 404
erase mgr1 KCC-1011 '{"confirm": "KCC-1011"}' -H "X-CSRF-Token: $CSRF_mgr1"
expect_code "a manager may not erase a report: 403" 403
erase coach1 KCC-1031 '{"confirm": "KCC-1031"}' -H "X-CSRF-Token: $CSRF_coach1"
expect_code "a coach may not erase: 403" 403
bearer /api/v1/people/KCC-1051/erasure -X POST -H 'Content-Type: application/json' \
	-d '{"confirm": "KCC-1051"}'
expect_code "a coach token may not erase: 403" 403

erase admin1 KCC-1011 '{"confirm": "KCC-1011"}'
expect_code "a cookie erasure without the CSRF token: 403" 403
expect_error "the CSRF token is named" csrf X-CSRF-Token
erase admin1 KCC-1011 '{"confirm": ' -H "X-CSRF-Token: $CSRF_admin1"
expect_code "malformed JSON: 400" 400
body "bad_json" "assert d['error']['code'] == 'bad_json'"
erase admin1 KCC-1011 '{"confirm": 1011}' -H "X-CSRF-Token: $CSRF_admin1"
expect_error "confirm that is no string is named" wrong_type confirm
erase admin1 KCC-1011 '{"confirm": "KCC-1011", "force": true}' -H "X-CSRF-Token: $CSRF_admin1"
expect_error "an unknown field is named" unknown_field force
erase admin1 KCC-1011 '{}' -H "X-CSRF-Token: $CSRF_admin1"
expect_error "a missing confirm is named" missing_field confirm
erase admin1 KCC-1011 '["KCC-1011"]' -H "X-CSRF-Token: $CSRF_admin1"
expect_error "a body that is no object" wrong_type null
erase admin1 KCC-1011 '{"confirm": "KCC-1012"}' -H "X-CSRF-Token: $CSRF_admin1"
expect_code "a confirm of another key: 422" 422
expect_error "names confirm" confirm_mismatch confirm
as admin1 /api/v1/people/KCC-1011/erasure -X POST -H "X-CSRF-Token: $CSRF_admin1" \
	-H 'Content-Type: text/plain' -d '{"confirm": "KCC-1011"}'
expect_code "a body that is not JSON: 415" 415
check "nothing was erased by the refused requests" \
	[ "$(sql "SELECT count(*) FROM person")" = "$PEOPLE" ] && \
	[ "$(sql "SELECT count(*) FROM evidence")" = "$EVIDENCE" ] && \
	[ "$(sql "SELECT count(*) FROM account WHERE name = 'emp1'")" = 1 ]
audit_has "a wrong confirmation is logged" admin1 privacy.erase KCC-1011 failed

as emp1 /api/v1/me
expect_code "emp1's session works before the erasure" 200
erase hr1 KCC-1011 '{"confirm": "KCC-1011"}' -H "X-CSRF-Token: $CSRF_hr1"
expect_code "hr erases a person" 200
body "the answer counts what went" "
assert d['erased'] == 'KCC-1011'
assert d['evidence'] == $ROWS_1011 and d['assessed_anonymised'] == $ANONYMISED_1011, d
assert d['users'] == 1 and d['sessions'] == 1 and d['tokens'] == 0, d
"
check "the person, their evidence and their user are gone" \
	[ "$(sql "SELECT count(*) FROM person WHERE key = 'KCC-1011'")" = 0 ] && \
	[ "$(sql "SELECT count(*) FROM evidence")" = "$((EVIDENCE - ROWS_1011))" ] && \
	[ "$(sql "SELECT count(*) FROM account WHERE name = 'emp1'")" = 0 ]
as emp1 /api/v1/me
expect_code "the erased person's session no longer works" 401
audit_has "the erasure is logged with the key" hr1 privacy.erase KCC-1011 ok
run check --db "$DB"
expect_status "compgap check passes after the erasure" 0
erase hr1 KCC-1011 '{"confirm": "KCC-1011"}' -H "X-CSRF-Token: $CSRF_hr1"
expect_code "erasing again: 404" 404

REPORTS=$(sql "SELECT count(*) FROM person r JOIN person m ON m.id = r.manager_id
	WHERE m.key = 'KCC-1010'")
erase admin1 KCC-1010 '{"confirm": "KCC-1010"}' -H "X-CSRF-Token: $CSRF_admin1"
expect_code "admin erases a manager" 200
body "their reports lose their manager" "assert d['reports_unlinked'] == $REPORTS and d['reports_unlinked'] > 0, d"
as mgr1 /api/v1/me
expect_code "the manager's session ends with them" 401

# ---------------------------------------------------------------- purge
purge() {
	user=$1
	shift
	as "$user" /api/v1/privacy/purge -X POST "$@"
}
purge emp1 -H "X-CSRF-Token: $CSRF_gone1"
expect_code "an erased user cannot purge: 401" 401
purge gone1 -H "X-CSRF-Token: $CSRF_gone1"
expect_code "an employee may not purge: 403" 403
audit_has "the refused purge is logged" gone1 privacy.purge "" denied
purge hr1 -H "X-CSRF-Token: $CSRF_hr1"
expect_code "hr may not purge: 403" 403
bearer /api/v1/privacy/purge -X POST
expect_code "a coach token may not purge: 403" 403
purge admin1 -H "X-CSRF-Token: $CSRF_admin1"
expect_code "a purge while the retention is 0 is refused" 409
expect_error "naming the setting" retention_not_set evidence_retention_years
audit_has "the refused purge is logged as failed" admin1 privacy.purge "" failed

run config set evidence_retention_years 1 --db "$DB"
expect_status "the retention is set to a year" 0
OLD=$(sql "SELECT count(*) FROM evidence WHERE date < $CUTOFF_DAYS")
check "the demo has rows on both sides of 2025-11-30" [ "$OLD" -gt 0 ] && \
	[ "$(sql "SELECT count(*) FROM evidence WHERE date >= $CUTOFF_DAYS")" -gt 0 ]
as admin1 "/api/v1/privacy/purge?dry_run=1" -X POST -H "X-CSRF-Token: $CSRF_admin1"
expect_code "a dry run" 200
body "counts the rows before the cut-off" "
assert d == {'dry_run': True, 'retention_years': 1, 'cutoff': '2025-11-30', 'rows': $OLD,
             'retracted': 0, 'pairs': d['pairs']} and d['pairs'] > 0, d
"
check "the dry run removed nothing" [ "$(sql "SELECT count(*) FROM evidence WHERE date < $CUTOFF_DAYS")" = "$OLD" ]
as admin1 "/api/v1/privacy/purge?dry_run=yes" -X POST -H "X-CSRF-Token: $CSRF_admin1"
expect_error "dry_run takes 1 or 0" bad_parameter dry_run
as admin1 "/api/v1/privacy/purge?all=1" -X POST -H "X-CSRF-Token: $CSRF_admin1"
expect_error "an unknown parameter is named" unknown_parameter all
purge admin1
expect_code "a cookie purge without the CSRF token: 403" 403
check "the refused purge removed nothing" [ "$(sql "SELECT count(*) FROM evidence WHERE date < $CUTOFF_DAYS")" = "$OLD" ]
purge admin1 -H "X-CSRF-Token: $CSRF_admin1"
expect_code "admin purges" 200
body "the purge counts the rows" "assert d['dry_run'] is False and d['rows'] == $OLD, d"
check "no row before the cut-off is left, the later ones stay" \
	[ "$(sql "SELECT count(*) FROM evidence WHERE date < $CUTOFF_DAYS")" = 0 ] && \
	[ "$(sql "SELECT count(*) FROM evidence WHERE date >= $CUTOFF_DAYS")" -gt 0 ]
n=$(sql "SELECT count(*) FROM audit_log WHERE actor = 'admin1' AND action = 'privacy.purge'
	AND outcome = 'ok' AND detail LIKE 'purged $OLD evidence rows dated before 2025-11-30%'")
check "the purge is logged with the count" [ "$n" = 1 ]
run check --db "$DB"
expect_status "compgap check passes after the purge" 0

stop
check "the server stopped cleanly" [ "$STOPPED" = 0 ]
done_testing
