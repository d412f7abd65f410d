#!/bin/sh
# Alerts at once and their webhooks (issue 13, item 5; docs/methodology.md,
# "Alerts"; docs/api.md, "Webhooks"): auto-failed evaluations (at the 50 %
# boundary) and praise (at exactly 95) computed by hand, who sees which
# alert, a retracted evaluation that stops alerting; webhooks queued in the
# import's transaction, delivered to a receiver on loopback, retried with
# backoff (by `webhook deliver --now`, no waiting), given up, cancelled,
# never failing the import; the server's own sender. On SQLite, or
# PostgreSQL with $COMPGAP_TEST_PG.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

COMPGAP_TODAY=2026-04-15
export COMPGAP_TODAY
DB=$WORK/a.db
run init --db "$DB"

# Team q (with sub-team q-night) and team other. L1 leads q: A01, A02
# and A03 report to them; A10 of q-night reports to L2, and L2 and B1
# (team other) to L3.
cat > "$WORK/teams.csv" <<'CSV'
key,name,parent
org,Organisation,
q,Quality team,org
q-night,Night shift,q
other,Other team,org
CSV
cat > "$WORK/competencies.csv" <<'CSV'
key,name
listening,Active listening
knowledge,Product knowledge
CSV
cat > "$WORK/people.csv" <<'CSV'
id,name,team,role,manager
L3,Lead three,other,,
L1,Lead one,q,,
L2,Lead two,q-night,,L3
A01,Agent 01,q,,L1
A02,Agent 02,q,,L1
A03,Agent 03,q,,L1
A10,Agent 10,q-night,,L2
B1,Agent B1,other,,L3
CSV
# phone: greeting 0-1 (w 1), listening 1-5 (w 2), correct 1-5 (w 3,
# critical), closing 0-1 (w 1, critical); chat: tone 0-20 (w 1),
# accuracy 0-1 (w 1, critical).
cat > "$WORK/scorecards.csv" <<'CSV'
scorecard,area,competency,weight,min,max,critical
phone,greeting,listening,1,0,1,false
phone,listening,listening,2,1,5,false
phone,correct,knowledge,3,1,5,true
phone,closing,listening,1,0,1,true
chat,tone,listening,1,0,20,false
chat,accuracy,knowledge,1,0,1,true
CSV
for kind in teams competencies people scorecards; do
	run import "$kind" "$WORK/$kind.csv" --db "$DB"
	expect_status "import $kind" 0
done

# ---- the receiver on loopback ----------------------------------------------
# Started as the program itself (not lib.sh's python3 function, a
# subshell), so that $! is the receiver and the trap stops it.
PY=/usr/bin/python3
[ -x "$PY" ] || PY=$(command -v python3)
"$PY" "$HERE/webhook_receiver.py" "$WORK/port" "$WORK/received" "$WORK/codes" > /dev/null 2>&1 &
RECEIVER=$!
trap 'kill "$RECEIVER" 2> /dev/null; rm -rf "$WORK"' EXIT
[ -n "${COMPGAP_TEST_PG:-}" ] && trap 'kill "$RECEIVER" 2> /dev/null; drop_test_databases; rm -rf "$WORK"' EXIT
i=0
while [ ! -f "$WORK/port" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
RPORT=$(cat "$WORK/port" 2> /dev/null)
check "the receiver listens" [ -n "$RPORT" ]
: > "$WORK/received"

# ---- endpoints -------------------------------------------------------------
run webhook add "http://127.0.0.1:$RPORT/hook/s3cr3t" --kinds alert --db "$DB"
expect_status "an admin adds an endpoint for alerts" 0
expect_out "and is told its id" "added webhook endpoint 1"
run webhook add "http://127.0.0.1:$RPORT/hook/praise" --kinds praise --db "$DB"
expect_status "and one for praise" 0
run webhook add "http://127.0.0.1:$RPORT/hook/s3cr3t" --db "$DB"
expect_status "the same URL twice is refused" 65
expect_err "saying so" "that URL is configured already (endpoint 1)"
run webhook add "ftp://127.0.0.1/x" --db "$DB"
expect_status "an ftp URL is refused" 64
expect_err "only http and https" "only http:// and https:// URLs are allowed"
run webhook add "file:///etc/passwd" --db "$DB"
expect_status "a file URL is refused" 64
run webhook add "http://user:pw@127.0.0.1/x" --db "$DB"
expect_err "a URL with a password is refused" "user name or password"
run webhook add "http://127.0.0.1:$RPORT/x" --kinds everything --db "$DB"
expect_status "kinds are alert, praise or both" 64
run webhook list --db "$DB"
expect_out "the list shows an endpoint without its path" "http://127.0.0.1:$RPORT/…"
check "nor the secret in it" sh -c "! grep -q s3cr3t '$WORK/out'"
run audit --json --db "$DB"
check "adding is audit-logged" grep -q '"webhook.add"' "$WORK/out"
check "without the URL's secret" sh -c "! grep -q s3cr3t '$WORK/out'"

# ---- evaluations -------------------------------------------------------------
H=evaluation,contact,channel,agent,evaluator,kind,date,area,score,comment
phone() { # KEY AGENT EVALUATOR KIND DATE GREETING LISTENING CORRECT CLOSING
	for a in "greeting $6" "listening $7" "correct $8" "closing $9"; do
		printf '%s,K%s,phone,%s,%s,%s,%s,%s,%s,\n' "$1" "$1" "$2" "$3" "$4" "$5" "${a% *}" "${a#* }"
	done
}
chat() { # KEY AGENT EVALUATOR KIND DATE TONE ACCURACY
	printf '%s,K%s,chat,%s,%s,%s,%s,tone,%s,\n' "$1" "$1" "$2" "$3" "$4" "$5" "$6"
	printf '%s,K%s,chat,%s,%s,%s,%s,accuracy,%s,\n' "$1" "$1" "$2" "$3" "$4" "$5" "$7"
}
{
	echo "$H"
	phone E1 A01 L1 manager 2026-04-01 1 5 2 1   # correct 25 %: auto-fail
	phone E2 A01 L1 manager 2026-04-02 1 5 3 1   # correct 50 %: no fail; 550 / 7
	chat E3 A02 A01 peer 2026-04-03 18 1         # (90 + 100) / 2 = 95: praise
	chat E4 A02 L1 manager 2026-04-04 17 1       # (85 + 100) / 2 = 92.5: nothing
	phone E5 A10 L2 manager 2026-04-05 1 5 1 1   # correct 0 %: auto-fail
	phone E6 B1 L3 manager 2026-04-06 0 1 1 1    # auto-fail
	phone E7 A01 A01 self 2026-04-07 0 1 1 0     # a self evaluation: no alert
	phone E8 A01 L1 calibration 2026-04-07 0 1 1 0 # calibration: no alert
	phone E9 A02 L1 manager 2026-03-01 1 5 1 1   # auto-fail, before the 30 days
	phone E10 A03 L1 manager 2026-04-08 1 5 2 0  # correct and closing under 50 %
} > "$WORK/ev.csv"
run import evaluations "$WORK/ev.csv" --db "$DB"
expect_status "import evaluations with endpoints configured" 0

run alerts --json --db "$DB"
expect_status "compgap alerts --json" 0
cp "$WORK/out" "$WORK/all.json"
pycheck "the last 30 days' alerts and praise, newest first" "$WORK/all.json" '
assert d["since"] == "2026-03-16" and d["team"] is None, d
assert [(a["evaluation"], a["kind"]) for a in d["alerts"]] == [
    ("E10", "alert"), ("E6", "alert"), ("E5", "alert"), ("E3", "praise"), ("E1", "alert")], d'
pycheck "an auto-fail names its critical area and scores 0" "$WORK/all.json" '
a = [x for x in d["alerts"] if x["evaluation"] == "E1"][0]
assert a == {"kind": "alert", "evaluation": "E1", "contact": "KE1", "evaluation_kind": "manager",
             "agent": "A01", "team": "q", "evaluator": "L1", "date": "2026-04-01", "score": 0,
             "critical_areas": ["correct"], "link": "/evaluations/E1"}, a'
pycheck "two critical areas under 50 % are both named" "$WORK/all.json" '
a = [x for x in d["alerts"] if x["evaluation"] == "E10"][0]
assert a["critical_areas"] == ["correct", "closing"], a'
pycheck "praise at exactly 95, with its score" "$WORK/all.json" '
a = [x for x in d["alerts"] if x["evaluation"] == "E3"][0]
near(a["score"], 95)
assert a["critical_areas"] == [] and a["evaluation_kind"] == "peer", a'
pycheck "a critical area at exactly 50 % does not fail; 92.5 is no praise" "$WORK/all.json" '
assert not {"E2", "E4"} & {a["evaluation"] for a in d["alerts"]}'
pycheck "self and calibration evaluations never alert" "$WORK/all.json" '
assert not {"E7", "E8"} & {a["evaluation"] for a in d["alerts"]}'
run alerts --since 2026-03-01 --json --db "$DB"
pycheck "--since reaches further back" "$WORK/out" '
assert [a["evaluation"] for a in d["alerts"]][-1] == "E9", d'
run alerts --team q --json --db "$DB"
pycheck "--team counts its sub-teams" "$WORK/out" '
assert d["team"] == "q" and [a["evaluation"] for a in d["alerts"]] == ["E10", "E5", "E3", "E1"], d'
run alerts --team nowhere --db "$DB"
expect_status "an unknown team is refused" 65
run alerts --since 2026-02-30 --db "$DB"
expect_status "a date that does not exist is refused" 64
run alerts --team q --db "$DB"
expect_out "the table names the critical areas" "correct, closing"

# ---- the queue ---------------------------------------------------------------
run webhook deliveries --json --db "$DB"
cp "$WORK/out" "$WORK/queue.json"
pycheck "the import queued each alert for the alert endpoint, praise for the other" "$WORK/queue.json" '
q = sorted((x["endpoint"], x["evaluation"], x["kind"], x["status"], x["attempts"]) for x in d["deliveries"])
assert q == sorted([(1, e, "alert", "pending", 0) for e in ("E1", "E5", "E6", "E9", "E10")]
                   + [(2, "E3", "praise", "pending", 0)]), q'
run import evaluations "$WORK/ev.csv" --db "$DB"
run webhook deliveries --json --db "$DB"
pycheck "importing the same evaluations again queues nothing more" "$WORK/out" '
assert len(d["deliveries"]) == 6, d'

# A round as of T0 (after the import), the receiver answering 500 first.
T0=$(($(date +%s) + 100))
echo 500 > "$WORK/codes"
run webhook deliver --now "$T0" --json --db "$DB"
expect_status "webhook deliver" 0
pycheck "one round: five delivered, one to try again" "$WORK/out" '
assert d == {"now": '"$T0"', "due": 6, "delivered": 5, "retried": 1, "failed": 0, "cancelled": 0}, d'
check "the receiver got six POSTs" [ "$(wc -l < "$WORK/received")" = 6 ]
NAME="the bodies carry kind, agent, evaluation, score, critical areas, date, link"
if python3 -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert all(r["content_type"] == "application/json" for r in rows), rows
bodies = [json.loads(r["body"]) for r in rows]
e10 = [b for b in bodies if b["alert"]["evaluation"] == "E10"][0]
a = e10["alert"]
assert a["kind"] == "alert" and a["agent"] == "A03" and a["score"] == 0, a
assert a["critical_areas"] == ["correct", "closing"] and a["date"] == "2026-04-08", a
assert a["link"] == "/evaluations/E10", a
assert "E10" in e10["text"] and "correct, closing" in e10["text"], e10
praise = [r for r in rows if r["path"] == "/hook/praise"]
assert len(praise) == 1 and json.loads(praise[0]["body"])["alert"]["kind"] == "praise", praise
' "$WORK/received" 2> "$WORK/pyerr"; then ok "$NAME"; else
	not_ok "$NAME" "$(tail -n 3 "$WORK/pyerr")"
fi
run webhook deliveries --status pending --json --db "$DB"
cp "$WORK/out" "$WORK/pending.json"
pycheck "the one answered 500 waits 30 s, its error kept" "$WORK/pending.json" '
[x] = d["deliveries"]
assert x["attempts"] == 1 and x["next_attempt_at"] == '"$T0"' + 30, x
assert x["last_error"] == "HTTP 500", x'
run webhook deliver --now $((T0 + 29)) --json --db "$DB"
pycheck "29 s later nothing is due" "$WORK/out" 'assert d["due"] == 0, d'
run webhook deliver --now $((T0 + 30)) --json --db "$DB"
pycheck "30 s later it is delivered" "$WORK/out" 'assert d["due"] == 1 and d["delivered"] == 1, d'
run webhook deliveries --status delivered --json --db "$DB"
pycheck "all six delivered" "$WORK/out" '
assert len(d["deliveries"]) == 6 and all(x["last_error"] is None for x in d["deliveries"]), d'

# ---- backoff to the end, a redirect, an unreachable endpoint -----------------
run webhook add "http://127.0.0.1:$RPORT/down" --kinds alert --db "$DB"
run webhook add "http://127.0.0.1:$RPORT/redirect" --kinds alert --db "$DB"
run webhook add "http://127.0.0.1:1/nothing-listens" --kinds alert --db "$DB"
run webhook remove 2 --db "$DB"
expect_status "an endpoint is removed" 0
run webhook remove 2 --db "$DB"
expect_status "and not twice" 65
run audit --json --db "$DB"
check "removing is audit-logged" grep -q '"webhook.remove"' "$WORK/out"
{
	echo "$H"
	phone E11 A01 L1 manager 2026-04-10 1 5 1 1
} > "$WORK/ev11.csv"
run import evaluations "$WORK/ev11.csv" --db "$DB"
expect_status "an unreachable endpoint never fails the import" 0
check "the evaluation is stored" [ "$(sql "SELECT count(*) FROM evaluation WHERE key = 'E11'" | tr -d ' ')" = 1 ]
: > "$WORK/received"
T=$T0
run webhook deliver --now "$T" --json --db "$DB"
pycheck "E11 goes to four endpoints: one takes it, three fail" "$WORK/out" '
assert d["due"] == 4 and d["delivered"] == 1 and d["retried"] == 3, d'
check "the redirect was not followed" sh -c "! grep -q after-redirect '$WORK/received'"
run webhook deliveries --status pending --json --db "$DB"
pycheck "each failure says why, without the URL" "$WORK/out" '
errs = sorted(x["last_error"] for x in d["deliveries"])
assert errs == ["Couldn\x27t connect to server", "HTTP 302 (redirects are not followed)", "HTTP 500"], errs
assert not [e for e in errs if "nothing-listens" in e or "127.0.0.1" in e], errs'
# Nine more rounds, each exactly when the three are due: 30 s doubling to
# an hour; the tenth attempt gives up.
ok_backoff=1
for k in 1 2 3 4 5 6 7 8 9; do
	case $k in 1) w=30 ;; 2) w=60 ;; 3) w=120 ;; 4) w=240 ;; 5) w=480 ;; 6) w=960 ;; 7) w=1920 ;; *) w=3600 ;; esac
	run webhook deliver --now $((T + w - 1)) --json --db "$DB"
	python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["due"] == 0' "$WORK/out" 2> /dev/null || { ok_backoff=0; echo "# early at attempt $k"; }
	T=$((T + w))
	run webhook deliver --now "$T" --json --db "$DB"
	python3 -c 'import json,sys; d = json.load(open(sys.argv[1])); assert d["due"] == 3, d' "$WORK/out" 2> /dev/null || { ok_backoff=0; echo "# not due after $w s at attempt $k: $(cat "$WORK/out")"; }
done
check "retried after 30, 60, 120, 240, 480, 960, 1920, 3600, 3600 s, never sooner" [ "$ok_backoff" = 1 ]
pycheck "and the tenth attempt gave up" "$WORK/out" 'assert d["failed"] == 3 and d["retried"] == 0, d'
run webhook deliveries --status failed --json --db "$DB"
pycheck "failed, visible with ten attempts" "$WORK/out" '
assert len(d["deliveries"]) == 3 and all(x["attempts"] == 10 for x in d["deliveries"]), d'
run webhook list --json --db "$DB"
pycheck "the endpoints count their failures" "$WORK/out" '
assert [e["failed"] for e in d["endpoints"]] == [0, 1, 1, 1], d'

# ---- retraction ----------------------------------------------------------------
{
	echo "$H"
	phone E12 A02 L1 manager 2026-04-11 1 5 1 1
} > "$WORK/ev12.csv"
run import evaluations "$WORK/ev12.csv" --db "$DB"
run retract --evaluation E12 --reason "wrong agent" --db "$DB"
expect_status "retract E12" 0
run retract --evaluation E1 --reason "scored the wrong call" --db "$DB"
run alerts --json --db "$DB"
pycheck "a retracted evaluation no longer alerts" "$WORK/out" '
assert not {"E1", "E12"} & {a["evaluation"] for a in d["alerts"]}, d'
run webhook deliver --now $((T + 100000)) --json --db "$DB"
pycheck "and its queued deliveries are cancelled, not sent" "$WORK/out" '
assert d["cancelled"] == 4 and d["delivered"] == 0, d'

# ---- the API: who sees which alert ---------------------------------------------
for u in "hr1 --role hr" "mgr1 --role manager --person L1" "coach1 --role coach --teams q-night" \
	"coach2 --role coach --teams q" "emp1 --role employee --person A01" \
	"emp2 --role employee --person A02"; do
	# shellcheck disable=SC2086
	printf '%s\n' "$PASSWORD" | "$COMPGAP" user add $u --db "$DB" > /dev/null 2>&1
done
run alerts --json --db "$DB"
cp "$WORK/out" "$WORK/cli.json"
# serve's own sender delivers what is due: E13's alert to endpoint 1.
: > "$WORK/received"
{
	echo "$H"
	phone E13 A03 L1 manager 2026-04-12 1 5 1 1
} > "$WORK/ev13.csv"
start_or_finish serve
login hr1
as hr1 "/api/v1/alerts"
expect_code "GET /api/v1/alerts answers hr" 200
check "with the bytes of compgap alerts --json" cmp -s "$WORK/b" "$WORK/cli.json"
keys() { python3 -c 'import json,sys; print(" ".join(a["evaluation"] for a in json.load(open(sys.argv[1]))["alerts"]))' "$WORK/b"; }
check "hr sees every agent's" [ "$(keys)" = "E11 E10 E6 E5 E3" ]
login coach1
as coach1 "/api/v1/alerts"
check "a coach of q-night sees only A10's" [ "$(keys)" = "E5" ]
login coach2
as coach2 "/api/v1/alerts"
check "a coach of q sees q's and its sub-team's" [ "$(keys)" = "E11 E10 E5 E3" ]
as coach2 "/api/v1/alerts?team=other"
expect_code "and not a team beyond their reach" 404
login mgr1
as mgr1 "/api/v1/alerts"
check "a team lead sees their reporting line's" [ "$(keys)" = "E11 E10 E3" ]
login emp2
as emp2 "/api/v1/alerts"
check "an employee sees their own praise only" [ "$(keys)" = "E3" ]
pycheck "without the colleague who gave the peer evaluation" "$WORK/b" '
[a] = d["alerts"]
assert a["evaluation_kind"] == "peer" and a["evaluator"] is None, a'
login coach2
as coach2 "/api/v1/alerts"
pycheck "a coach sees who gave it" "$WORK/b" '
assert [a["evaluator"] for a in d["alerts"] if a["evaluation"] == "E3"] == ["A01"], d' 
login emp1
as emp1 "/api/v1/alerts"
check "and another their own alert only" [ "$(keys)" = "E11" ]
as emp1 "/api/v1/alerts?team=q"
expect_code "an employee asks for no team" 404
as hr1 "/api/v1/alerts?since=2026-03-01"
check "since reaches back" [ "$(keys)" = "E11 E10 E6 E5 E3 E9" ]
as hr1 "/api/v1/alerts?since=yesterday"
expect_error "a bad since is a 400 naming it" bad_date since
as hr1 "/api/v1/alerts?month=2026-04"
expect_code "an unknown parameter is refused" 400
# ---- the dashboard -------------------------------------------------------------
page_login mgr1
page mgr1 "/"
body_has "the team lead's dashboard lists alerts and praise" 'id="alerts">Alerts and praise <span class="count">3</span>'
body_has "naming the critical areas" '<span class="comp">correct</span>, <span class="comp">closing</span>'
body_has "with the agent's name and page" '<a href="/people/A03">Agent 03</a>'
body_lacks "and not another line's agent" 'href="/people/A10"'
page_login coach1
page coach1 "/"
body_has "a coach of q-night sees A10's alert" '<a href="/people/A10">Agent 10</a>'
body_lacks "and not q's" 'href="/people/A03"'
page_login emp1
page emp1 "/"
body_has "an employee's dashboard shows their own alert" '<a href="/people/A01">Agent 01</a>'
body_lacks "and nobody else's" 'href="/people/A02"'
page_login emp2
page emp2 "/?lang=sv"
body_has "another their own praise, in Swedish" 'Dina bedömningar'
body_has "with its score" 'beröm</strong> — 95,0 %'
page_login hr1
page hr1 "/?lang=nl"
body_has "hr sees all five, in Dutch" 'id="alerts">Signalen en complimenten <span class="count">5</span>'
body_has "praise with its score" 'compliment</strong> — 95,0 %'
# ---- the admin page ------------------------------------------------------------
printf '%s\n' "$PASSWORD" | "$COMPGAP" user add admin1 --role admin --db "$DB" > /dev/null 2>&1
page_login admin1
page admin1 "/admin/webhooks"
expect_code "an admin opens /admin/webhooks" 200
body_has "the endpoints, each URL without its path" "<code>http://127.0.0.1:$RPORT/…</code>"
body_lacks "nor its secret" "s3cr3t"
body_has "the deliveries that failed, with their error" "HTTP 302 (redirects are not followed)"
clean_page "/admin/webhooks"
CSRF=$(csrf_of)
page admin1 "/admin/webhooks" --data-urlencode "csrf_token=$CSRF" \
	--data-urlencode "url=gopher://127.0.0.1/x" --data-urlencode "kind=alert"
expect_code "a gopher URL is refused" 422
body_has "saying what is allowed" "Give an http:// or https:// URL"
page admin1 "/admin/webhooks" --data-urlencode "csrf_token=$CSRF" \
	--data-urlencode "url=https://chat.example.com/hooks/zzz"
expect_code "without a kind it is refused" 422
page admin1 "/admin/webhooks" --data-urlencode "csrf_token=$CSRF" \
	--data-urlencode "url=https://chat.example.com/hooks/zzz" --data-urlencode "kind=praise"
expect_code "an admin adds an endpoint with the form" 303
run webhook list --json --db "$DB"
pycheck "it is stored, for praise only" "$WORK/out" '
e = d["endpoints"][-1]
assert e["url"] == "https://chat.example.com/…" and e["kinds"] == ["praise"], e'
N=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["endpoints"][-1]["id"])' "$WORK/out")
page admin1 "/admin/webhooks/$N/remove" --data-urlencode "csrf_token=$CSRF"
expect_code "and removes it" 303
page admin1 "/admin/webhooks/$N/remove" --data-urlencode "csrf_token=$CSRF"
expect_code "a removed endpoint is gone" 404
page admin1 "/admin/webhooks" --data-urlencode "url=https://x.example.com/"
expect_code "a form without its CSRF token is refused" 403
run audit --json --db "$DB"
check "the page's changes are audit-logged, by the admin" \
	sh -c "grep -q '\"actor\": \"admin1\"' '$WORK/out' && grep -c 'webhook\\.' '$WORK/out' > /dev/null"
page_login hr1
page hr1 "/admin/webhooks"
expect_code "hr may not open it" 403

run import evaluations "$WORK/ev13.csv" --db "$DB"
i=0
while ! grep -q '"E13"' "$WORK/received" 2> /dev/null && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
check "the server's sender delivers a new alert by itself" grep -q 'E13' "$WORK/received"
stop
check "the server stops cleanly with its sender" [ "$STOPPED" = 0 ]
check "no log line holds an endpoint's path" sh -c "! grep -q s3cr3t '$WORK/serve.log'"

done_testing
