#!/bin/sh
# Whether anyone reaches data beyond their role through any endpoint,
# parameter, list filter or export (issue 11, "Tests"): an employee, a
# manager and a coach each ask every GET endpoint of the API for every
# person and team of the demo, with the list filters and cursors, and no
# answer may name a person outside what their role reaches: not by key,
# not by name, not by e-mail address. The reach, computed here from the
# demo's own files, independently of src/http/reach.c:
#   employee  themselves; the keys (not names) of their manager and of the
#             assessors of their non-peer evidence; never a peer assessor;
#   manager   their reporting line, and the keys of those people's
#             managers and assessors (peer assessors are theirs to see);
#   coach     the people of their teams and sub-teams, and the keys of
#             those people's managers and assessors; nobody's e-mail.
# The library (competencies, roles) and team keys are not personal and
# are not checked.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

DB=$WORK/org.db
"$COMPGAP" demo --db "$DB" > /dev/null
make_role_users
"$COMPGAP" export people --db "$DB" > "$WORK/people.csv"
"$COMPGAP" export teams --db "$DB" > "$WORK/teams.csv"
"$COMPGAP" export evidence --db "$DB" > "$WORK/evidence.csv"

start_or_finish leaks

python3 - "$PORT" "$PASSWORD" "$WORK" > "$WORK/result" 2>&1 <<'EOF'
import csv, json, sys, urllib.error, urllib.request

port, password, work = sys.argv[1], sys.argv[2], sys.argv[3]
base = "http://127.0.0.1:%s" % port
people = list(csv.DictReader(open(work + "/people.csv", encoding="utf-8")))
teams = list(csv.DictReader(open(work + "/teams.csv", encoding="utf-8")))
evidence = list(csv.DictReader(open(work + "/evidence.csv", encoding="utf-8")))
by_id = {p["id"]: p for p in people}
children = {}
for t in teams:
    children.setdefault(t["parent"], []).append(t["key"])

def subtree(team):
    out, todo = set(), [team]
    while todo:
        t = todo.pop()
        out.add(t)
        todo += children.get(t, [])
    return out

def line_of(manager):
    out, todo = {manager}, [manager]
    while todo:
        m = todo.pop()
        for p in people:
            if p["manager"] == m and p["id"] not in out:
                out.add(p["id"])
                todo.append(p["id"])
    return out

def keys_around(persons, peer_assessors):
    """The managers of persons and the assessors of evidence about them."""
    keys = {by_id[p]["manager"] for p in persons if by_id[p]["manager"]}
    for e in evidence:
        if e["person"] in persons and e["assessor"] and (peer_assessors or e["source"] != "peer"):
            keys.add(e["assessor"])
    return keys

# user: (their people, other keys they may see, whether e-mail may show)
reach = {
    "emp1": ({"KCC-1011"}, keys_around({"KCC-1011"}, False), True),
    "mgr1": (line_of("KCC-1010"), keys_around(line_of("KCC-1010"), True), True),
    "coach1": ({p["id"] for p in people if p["team"] in subtree("kcc-desk")}, None, False),
}
coached = reach["coach1"][0]
reach["coach1"] = (coached, keys_around(coached, True), False)

def login(user):
    req = urllib.request.Request(base + "/api/v1/session", method="POST",
                                 data=json.dumps({"user": user, "password": password}).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        cookie = r.headers["Set-Cookie"].split(";")[0]
    return cookie

def get(cookie, path):
    req = urllib.request.Request(base + path, headers={"Cookie": cookie})
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")

kinds = ["teams", "people", "competencies", "indicators", "roles", "evidence"]
paths = ["/api/v1/me", "/api/v1/teams", "/api/v1/people", "/api/v1/people?active=false",
         "/api/v1/people?limit=1", "/api/v1/competencies", "/api/v1/roles",
         "/api/v1/settings", "/api/v1/audit", "/metrics", "/api/v1/alerts?since=2000-01-01"]
paths += ["/api/v1/exports/" + k for k in kinds]
for t in teams:
    k = t["key"]
    paths += ["/api/v1/teams/" + k, "/api/v1/teams/%s/gaps" % k,
              "/api/v1/teams/%s/recommendations" % k,
              "/api/v1/teams/%s/trend?from=2025-01-01&to=2026-10-31" % k,
              "/api/v1/teams/%s/report" % k, "/api/v1/people?team=" + k,
              "/api/v1/teams?team=" + k, "/api/v1/alerts?since=2000-01-01&team=" + k] + \
             ["/api/v1/exports/%s?team=%s" % (kind, k) for kind in kinds]
for p in people:
    k = p["id"]
    paths += ["/api/v1/people/" + k, "/api/v1/people/%s/record" % k,
              "/api/v1/people/%s/explain?competency=customer-focus" % k,
              "/api/v1/people/%s/evidence" % k, "/api/v1/people/%s/evidence?limit=5" % k,
              "/api/v1/people/%s/privacy-export" % k, "/api/v1/people?cursor=" + k,
              "/api/v1/people/%s/plan" % k,
              "/api/v1/people?cursor=%s&limit=2" % k, "/api/v1/audit?person=" + k]

failures, answered = [], 0
for user, (mine, keys, email_ok) in reach.items():
    cookie = login(user)
    for path in paths:
        status, body = get(cookie, path)
        answered += status == 200
        for p in people:
            if p["id"] in mine:
                continue
            what = []
            # A refusal may repeat the key the caller asked for; any
            # other key in it (a "did you mean") is a leak.
            echoed = status != 200 and p["id"] in path
            if p["id"] not in keys and p["id"] in body and not echoed:
                what.append("key " + p["id"])
            if p["name"] in body:
                what.append("name " + p["name"])
            if p["email"] and p["email"] in body:
                what.append("e-mail of " + p["id"])
            if what:
                failures.append("%s GET %s (%d): %s" % (user, path, status, ", ".join(what)))
        if not email_ok:
            for p in people:
                if p["email"] and p["email"] in body:
                    failures.append("%s GET %s: the e-mail of %s" % (user, path, p["id"]))
print("requests %d, answered 200: %d" % (len(paths) * len(reach), answered))
for f in failures[:40]:
    print("LEAK " + f)
print("leaks %d" % len(failures))
EOF
check "the crawl ran" grep -q '^leaks ' "$WORK/result"
if grep -q '^leaks 0$' "$WORK/result"; then
	ok "no employee, manager or coach sees a person beyond their reach ($(head -n 1 "$WORK/result"))"
else
	not_ok "no employee, manager or coach sees a person beyond their reach" "$(head -n 45 "$WORK/result")"
fi

# What is withheld stays useful: the coach learns that a colleague of
# another team can mentor, and which team, not who; admin sees who.
login coach1
as coach1 /api/v1/teams/kcc-desk/recommendations
cp "$WORK/b" "$WORK/coach.json"
login admin1
as admin1 /api/v1/teams/kcc-desk/recommendations
check "a mentor out of the coach's reach is named by team only, the same recommendation admin sees" python3 -c '
import json, sys
coach = json.load(open(sys.argv[1]))["recommendations"]
admin = json.load(open(sys.argv[2]))["recommendations"]
assert len(coach) == len(admin)
withheld = 0
for c, a in zip(coach, admin):
    assert (c["kind"], c["competency"], c["members"]) == (a["kind"], a["competency"], a["members"])
    if c["kind"] == "mentor" and c["mentor"]["person"] is None:
        withheld += 1
        assert c["mentor"] == {"person": None, "team": a["mentor"]["team"], "level": None,
                               "confidence": None}, c["mentor"]
        assert a["mentor"]["person"] and a["mentor"]["person"] not in c["rule"], c["rule"]
        assert c["rule"].startswith("kcc-desk: a colleague in %s, whose name and level you may not see"
                                    % a["mentor"]["team"]), c["rule"]
    else:
        assert c == a, (c, a)
assert withheld > 0, "no mentor was withheld"
' "$WORK/coach.json" "$WORK/b"
login emp1
as emp1 "/api/v1/people/KCC-1011/explain?competency=customer-focus"
cp "$WORK/b" "$WORK/emp.json"
as admin1 "/api/v1/people/KCC-1011/explain?competency=customer-focus"
check "an employee sees their peer evidence without its assessor, the rest as admin does" python3 -c '
import json, sys
emp = json.load(open(sys.argv[1]))
admin = json.load(open(sys.argv[2]))
peers = 0
for e, a in zip(emp["rows"], admin["rows"]):
    if a["source"] == "peer":
        peers += 1
        assert a["assessor"] and e["assessor"] is None, (e, a)
        e = dict(e, assessor=a["assessor"])
    assert e == a, (e, a)
assert len(emp["rows"]) == len(admin["rows"]) and peers > 0
assert {k: v for k, v in emp.items() if k != "rows"} == {k: v for k, v in admin.items() if k != "rows"}
' "$WORK/emp.json" "$WORK/b"

stop
done_testing
