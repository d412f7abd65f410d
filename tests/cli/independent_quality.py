#!/usr/bin/env python3
"""An independent implementation of compgap's quality rules, for checking it.

Written from docs/methodology.md ("Quality evaluations") and
docs/csv-formats.md (scorecards.csv, evaluations.csv), not from compgap's
code. It makes a random organisation with scorecards (some changed into a
second version) and evaluations (corrected, retracted, of every kind),
writes the files and the steps to load them, and computes from its own
data, with exact fractions, what compgap should answer: a team's month
(`compgap quality --json`), each evaluation (`compgap show evaluation
--json`) and the evidence rows the evaluations give, which independent.py
turns into levels. Standard library only.

usage:
  independent_quality.py gen DIR SEED
      writes DIR/teams.csv, people.csv, competencies.csv, roles.csv,
      evidence.csv (rows not from evaluations), scorecards-N.csv,
      evaluations-N.csv and DIR/steps (one step a line: "scorecards FILE",
      "evaluations FILE" or "retract KEY"), DIR/teams and DIR/months (what
      to compare), and DIR/model.json (the expected state after the steps)
  independent_quality.py evidence DIR
      prints the evidence in force after the steps (the rows of
      evidence.csv and those of the evaluations), as evidence.csv
  independent_quality.py compare-month DIR TEAM MONTH TARGET FILE
  independent_quality.py compare-due DIR TEAM MONTH TARGET FILE
      as compare-month for `quality --due --json` (the reminder list)
  independent_quality.py compare-evaluations DIR LIST
      as compare-month for `show evaluation KEY --json`, each line of LIST
      "KEY FILE"
  independent_quality.py compare-evidence DIR LIST
      the evidence rows from evaluations in force, as a multiset of
      (person, competency, level, source, date, assessor, evaluation), in
      the `compgap explain --json` documents named in LIST (one a line),
      against this implementation's
  The compare modes print each difference (path, ours, theirs) and exit 1
  when there is any, else print "same".
"""

import csv
import datetime
import json
import os
import random
import sys
from fractions import Fraction

EPS = Fraction(1, 10**9)     # the comparisons' allowance (methodology, "Numbers")
KINDS_SCORED = ("manager", "peer")


def pct(score, lo, hi):
    return (score - lo) / (hi - lo) * 100


def round6(x):
    """Half away from zero to 6 decimals (levels are positive)."""
    q = x * 10**6
    n = int(q)
    if q - n >= Fraction(1, 2):
        n += 1
    return Fraction(n, 10**6)


def evaluate(version, scores):
    """(score, auto_failed, praise, {area: percentage}) of an evaluation."""
    per = {}
    wsum = Fraction(0)
    wp = Fraction(0)
    failed = False
    for area, (comp, w, lo, hi, critical) in version.items():
        if area not in scores:
            continue
        p = pct(scores[area], lo, hi)
        per[area] = p
        wsum += w
        wp += w * p
        if critical and p < 50 - EPS:
            failed = True
    score = Fraction(0) if failed else wp / wsum
    return score, failed, score >= 95 - EPS, per


def alignment(weights, a, b):
    shared = [x for x in weights if x in a and x in b]
    if not shared:
        return None
    total = sum(weights[x] for x in shared)
    return 1 - sum(weights[x] * abs(a[x] - b[x]) for x in shared) / (total * 100)


# ---------------------------------------------------------------- generator

def dec(x):
    """A fraction with a finite decimal expansion as text."""
    if x.denominator == 1:
        return str(x.numerator)
    s = "%.6f" % float(x)
    return s.rstrip("0").rstrip(".")


def gen(directory, seed):
    rnd = random.Random(seed)
    os.makedirs(directory, exist_ok=True)

    def write(name, header, rows):
        with open(os.path.join(directory, name), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            w.writerows(rows)

    teams = [("org", "Organisation", ""), ("cc", "Contact centre", "org"),
             ("cc-a", "Team A", "cc"), ("cc-b", "Team B", "cc"),
             ("cc-b-night", "Team B night", "cc-b"), ("coaches", "Coaches", "org")]
    write("teams.csv", ["key", "name", "parent"], teams)
    comps = ["listening", "knowledge", "empathy", "accuracy", "closing"]
    write("competencies.csv", ["key", "name"], [(c, c.title()) for c in comps])
    write("roles.csv", ["role", "competency", "required_level", "weight"],
          [("agent", "listening", 3, 3), ("agent", "knowledge", 3, 2),
           ("agent", "empathy", 4, 1), ("agent", "accuracy", 3, 2)])
    people = []
    agents = []
    for team, n in (("cc-a", rnd.randint(6, 12)), ("cc-b", rnd.randint(3, 8)),
                    ("cc-b-night", rnd.randint(2, 5))):
        for i in range(n):
            key = "%s-%02d" % (team.upper(), i + 1)
            active = "false" if rnd.random() < 0.08 else "true"
            people.append((key, "Agent %s" % key, team, "agent", active))
            agents.append(key)
    coaches = ["COACH-1", "COACH-2", "COACH-3"]
    for c in coaches:
        people.append((c, "Coach %s" % c, "coaches", "", "true"))
    write("people.csv", ["id", "name", "team", "role", "active"], people)

    # Evidence not from evaluations: a few manager and test rows.
    base = []
    for a in agents:
        for c in comps:
            if rnd.random() < 0.4:
                d = datetime.date(2026, 1, 1) + datetime.timedelta(days=rnd.randint(0, 150))
                base.append((a, c, rnd.choice(["2", "2.5", "3", "3.5", "4", "5"]),
                             rnd.choice(["manager", "test", "peer"]), d.isoformat(), "", ""))
    write("evidence.csv", ["person", "competency", "level", "source", "date", "assessor", "note"],
          base)

    # Scorecards: areas share names across scorecards ("greeting" in all).
    # Scales 0-1 (yes/no), 1-5, 0-3, 0-10 and one from -2 to 2.
    def card(names):
        out = {}
        for name in names:
            lo, hi = rnd.choice([(0, 1), (1, 5), (1, 5), (0, 3), (0, 10), (-2, 2)])
            out[name] = (rnd.choice(comps), Fraction(rnd.choice([1, 1, 2, 3, "1.5", "0.25"])),
                         Fraction(lo), Fraction(hi), rnd.random() < 0.25)
        return out

    cards = {
        "phone": card(["greeting", "question", "listening", "correct", "closing"]),
        "chat": card(["greeting", "tone", "correct", "spelling"]),
        "email": card(["greeting", "structure", "correct"]),
    }
    versions = {name: [areas] for name, areas in cards.items()}
    steps = []
    nsc = 0

    def write_cards(names):
        nonlocal nsc
        nsc += 1
        rows = []
        for name in names:
            for area, (comp, w, lo, hi, crit) in versions[name][-1].items():
                rows.append((name, area, comp, dec(w), dec(lo), dec(hi), "true" if crit else "false"))
        fname = "scorecards-%d.csv" % nsc
        write(fname, ["scorecard", "area", "competency", "weight", "min", "max", "critical"], rows)
        steps.append(("scorecards", fname))

    write_cards(sorted(cards))

    # The model: key -> evaluation (None when retracted).
    model = {}
    retracted = set()
    nev = 0
    contacts = 0

    def score_for(lo, hi, skill):
        if hi - lo == 1:
            return Fraction(1) if rnd.random() < skill else Fraction(0)
        span = int(hi - lo)
        x = lo + min(span, max(0, round(rnd.gauss(skill * span, span / 4))))
        return Fraction(x)

    def make_eval(key, contact, channel, agent, evaluator, kind, date, name, skill):
        version = len(versions[name])
        areas = versions[name][-1]
        scores = {}
        for area, (comp, w, lo, hi, crit) in areas.items():
            if rnd.random() < 0.9 or not scores:
                scores[area] = score_for(lo, hi, skill)
        comments = {a: rnd.choice(["", "", "good", "checked, twice", 'said "hi"'])
                    for a in scores}
        return {"key": key, "contact": contact, "channel": channel, "agent": agent,
                "evaluator": evaluator, "kind": kind, "date": date, "scorecard": name,
                "version": version, "scores": scores, "comments": comments}

    def write_evals(evs):
        nonlocal nev
        nev += 1
        rows = []
        for e in evs:
            for area, s in e["scores"].items():
                rows.append((e["key"], e["contact"], e["channel"], e["agent"], e["evaluator"],
                             e["kind"], e["date"], area, dec(s), e["comments"][area],
                             e["scorecard"]))
        rnd.shuffle(rows)     # rows of one evaluation need not be together
        fname = "evaluations-%d.csv" % nev
        write(fname, ["evaluation", "contact", "channel", "agent", "evaluator", "kind", "date",
                      "area", "score", "comment", "scorecard"], rows)
        steps.append(("evaluations", fname))
        for e in evs:
            model[e["key"]] = e

    skill = {a: rnd.uniform(0.45, 0.98) for a in agents}
    months = ["2026-03", "2026-04", "2026-05"]
    channel_of = {"phone": "phone", "chat": "chat", "email": "email"}
    for mi, month in enumerate(months):
        if mi == 1:
            # A second version of "phone": a weight and a critical flag
            # change; later evaluations (and corrections) bind to it.
            v2 = dict(versions["phone"][-1])
            comp, w, lo, hi, crit = v2["listening"]
            v2["listening"] = (comp, w + 1, lo, hi, not crit)
            versions["phone"].append(v2)
            write_cards(["phone"])
        evs = []
        y, m = map(int, month.split("-"))
        for a in agents:
            for i in range(rnd.choice([0, 1, 2, 3, 4, 4, 4, 5])):
                contacts += 1
                name = rnd.choice(["phone", "phone", "chat", "email"])
                day = datetime.date(y, m, rnd.randint(1, 28)).isoformat()
                kind = rnd.choice(["manager"] * 6 + ["peer", "calibration"])
                evaluator = rnd.choice(coaches) if kind != "peer" else rnd.choice(
                    [x for x in agents if x != a])
                contact = "K%05d" % contacts
                key = "E%05d" % (len(model) + len(evs) + 1)
                evs.append(make_eval(key, contact, channel_of[name], a, evaluator, kind, day,
                                     name, skill[a]))
                if rnd.random() < 0.3:
                    # the agent's own view of the same contact
                    key = "E%05d" % (len(model) + len(evs) + 1)
                    evs.append(make_eval(key, contact, channel_of[name], a, a, "self", day,
                                         name, min(1.0, skill[a] + 0.15)))
                if rnd.random() < 0.1:
                    # a second coach on the same contact
                    key = "E%05d" % (len(model) + len(evs) + 1)
                    evs.append(make_eval(key, contact, channel_of[name], a,
                                         rnd.choice(coaches), "manager", day, name, skill[a]))
        write_evals(evs)
        # Corrections of some stored evaluations (other scores, binding to
        # the latest version), and retractions.
        fix = []
        for key in rnd.sample(sorted(k for k in model if k not in retracted), 6):
            e = model[key]
            fix.append(make_eval(key, e["contact"], e["channel"], e["agent"], e["evaluator"],
                                 e["kind"], e["date"], e["scorecard"], rnd.uniform(0.3, 1.0)))
        write_evals(fix)
        for key in rnd.sample(sorted(k for k in model if k not in retracted), 3):
            retracted.add(key)
            steps.append(("retract", key))

    with open(os.path.join(directory, "steps"), "w") as f:
        for s in steps:
            f.write("%s %s\n" % s)
    with open(os.path.join(directory, "teams"), "w") as f:
        f.write("cc\ncc-a\ncc-b\norg\n")
    with open(os.path.join(directory, "months"), "w") as f:
        # and two after the evaluations: who is still due, and nobody
        f.write("\n".join(months + ["2026-07", "2026-08"]) + "\n")
    state = {
        "people": [{"id": p[0], "team": p[2], "active": p[4] == "true"} for p in people],
        "teams": [{"key": t[0], "parent": t[2]} for t in teams],
        "versions": {name: [{a: [c, str(w), str(lo), str(hi), crit]
                             for a, (c, w, lo, hi, crit) in v.items()} for v in vs]
                     for name, vs in versions.items()},
        "evaluations": [dict(e, scores={a: str(s) for a, s in e["scores"].items()},
                             retracted=e["key"] in retracted)
                        for e in model.values()],
        "base_evidence": base,
    }
    with open(os.path.join(directory, "model.json"), "w") as f:
        json.dump(state, f)


# ---------------------------------------------------------------- the model

class Model:
    def __init__(self, directory):
        with open(os.path.join(directory, "model.json")) as f:
            d = json.load(f)
        self.people = {p["id"]: p for p in d["people"]}
        self.parent = {t["key"]: t["parent"] for t in d["teams"]}
        self.versions = {name: [{a: (c, Fraction(w), Fraction(lo), Fraction(hi), crit)
                                 for a, (c, w, lo, hi, crit) in v.items()} for v in vs]
                         for name, vs in d["versions"].items()}
        self.evals = {}
        for e in d["evaluations"]:
            e["scores"] = {a: Fraction(s) for a, s in e["scores"].items()}
            e["areas"] = self.versions[e["scorecard"]][e["version"] - 1]
            e["score"], e["failed"], e["praise"], e["pct"] = evaluate(e["areas"], e["scores"])
            self.evals[e["key"]] = e
        self.base = d["base_evidence"]

    def in_force(self):
        return [e for e in self.evals.values() if not e["retracted"]]

    def subtree(self, team):
        out = {team}
        grew = True
        while grew:
            grew = False
            for t, p in self.parent.items():
                if p in out and t not in out:
                    out.add(t)
                    grew = True
        return out

    def evidence(self):
        """(person, competency, level, source, date, assessor, evaluation)."""
        rows = [tuple(r[:5]) + (None, None) for r in self.base]
        for e in self.in_force():
            source = {"manager": "qa", "peer": "qa", "self": "self"}.get(e["kind"])
            if source is None:
                continue
            for area, p in e["pct"].items():
                comp = e["areas"][area][0]
                rows.append((e["agent"], comp, dec(round6(1 + 4 * p / 100)), source, e["date"],
                             e["evaluator"], e["key"]))
        return rows

    def month(self, team, month, target):
        sub = self.subtree(team)
        agents = sorted(k for k, p in self.people.items() if p["active"] and p["team"] in sub)
        evs = [e for e in self.in_force() if e["agent"] in agents and e["date"][:7] == month]
        out_agents = []
        own = {}      # (agent, area) -> [percentages of manager and peer views]
        for a in agents:
            mine = [e for e in evs if e["agent"] == a]
            scored = [e for e in mine if e["kind"] in KINDS_SCORED]
            pairs = []
            for s in (e for e in mine if e["kind"] == "self"):
                for m in scored:
                    if m["contact"] == s["contact"]:
                        w = {x: v[1] for x, v in m["areas"].items()}
                        al = alignment(w, s["pct"], m["pct"])
                        if al is not None:
                            pairs.append(al)
            out_agents.append({
                "agent": a,
                "evaluations": len(scored),
                "quality_score": sum(e["score"] for e in scored) / len(scored) if scored else None,
                "under_target": len(scored) < target,
                "alignment": sum(pairs) / len(pairs) if pairs else None,
                "alerts": sum(1 for e in scored if e["failed"]),
                "praise": sum(1 for e in scored if e["praise"]),
            })
            for e in scored:
                for area, p in e["pct"].items():
                    own.setdefault((a, area), []).append(p)
        names = sorted({area for e in evs for area in e["pct"]})
        out_areas = []
        groups = []
        for area in names:
            all_p = [p for e in evs if e["kind"] in KINDS_SCORED
                     for x, p in e["pct"].items() if x == area]
            below = [a for a in agents if (a, area) in own and
                     sum(own[(a, area)]) / len(own[(a, area)]) < 70 - EPS]
            out_areas.append({"area": area,
                              "mean_percentage": sum(all_p) / len(all_p) if all_p else None,
                              "below_70": below})
            if len(below) >= 3 and len(below) * 100 >= 30 * len(agents):
                groups.append({"area": area, "agents": below})
        return {"team": team, "month": month, "target": target, "agents": out_agents,
                "areas": out_areas, "group_coaching": groups}

    def due(self, team, month, target):
        """The reminder list: agents under target evaluated in the month or
        the two before it, fewest evaluations first, then by key."""
        sub = self.subtree(team)
        agents = sorted(k for k, p in self.people.items() if p["active"] and p["team"] in sub)
        y, m = map(int, month.split("-"))
        window = set()
        for back in range(3):
            mm = m - back
            yy = y
            while mm < 1:
                mm += 12
                yy -= 1
            window.add("%04d-%02d" % (yy, mm))
        out = []
        for a in agents:
            scored = [e for e in self.in_force() if e["agent"] == a and e["kind"] in KINDS_SCORED]
            now = sum(1 for e in scored if e["date"][:7] == month)
            ever = sum(1 for e in scored if e["date"][:7] in window)
            if target > 0 and now < target and ever > 0:
                out.append({"agent": a, "evaluations": now, "missing": target - now})
        out.sort(key=lambda d: (d["evaluations"], d["agent"]))
        return {"team": team, "month": month, "target": target, "due": out}

    def evaluation(self, key):
        e = self.evals[key]
        return {"score": e["score"], "auto_failed": e["failed"], "praise": e["praise"],
                "areas": {a: p for a, p in e["pct"].items()}}


# ---------------------------------------------------------------- comparing

def differ(path, ours, theirs, out):
    if isinstance(ours, dict):
        if not isinstance(theirs, dict):
            out.append((path, ours, theirs))
            return
        for k in ours:
            differ(path + "." + k, ours[k], theirs.get(k, "<missing>"), out)
    elif isinstance(ours, list):
        if not isinstance(theirs, list) or len(ours) != len(theirs):
            out.append((path, ours, theirs))
            return
        for i, (a, b) in enumerate(zip(ours, theirs)):
            differ("%s[%d]" % (path, i), a, b, out)
    elif isinstance(ours, Fraction):
        if not isinstance(theirs, (int, float)) or isinstance(theirs, bool) or \
                abs(float(ours) - theirs) > 1e-9:
            out.append((path, float(ours), theirs))
    elif ours != theirs or type(ours) is not type(theirs):
        out.append((path, ours, theirs))


def report(diffs):
    for path, a, b in diffs[:20]:
        print("  %s: ours %r, theirs %r" % (path, a, b))
    if not diffs:
        print("same")
    return 1 if diffs else 0


def evaluation_of_json(d):
    """The part of `show evaluation --json` that the method decides."""
    areas = {}
    for a in d.get("areas", []):
        areas[a.get("area")] = a.get("percentage")
    return {"score": d.get("score"), "auto_failed": d.get("auto_failed"),
            "praise": d.get("praise"), "areas": areas}


def main(argv):
    if len(argv) >= 3 and argv[0] == "gen":
        gen(argv[1], int(argv[2]))
        return 0
    if len(argv) == 2 and argv[0] == "evidence":
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(["person", "competency", "level", "source", "date"])
        w.writerows(r[:5] for r in Model(argv[1]).evidence())
        return 0
    if len(argv) == 6 and argv[0] == "compare-month":
        with open(argv[5]) as f:
            theirs = json.load(f)
        ours = Model(argv[1]).month(argv[2], argv[3], int(argv[4]))
        diffs = []
        differ("", ours, theirs, diffs)
        return report(diffs)
    if len(argv) == 6 and argv[0] == "compare-due":
        with open(argv[5]) as f:
            theirs = json.load(f)
        diffs = []
        differ("", Model(argv[1]).due(argv[2], argv[3], int(argv[4])), theirs, diffs)
        return report(diffs)
    if len(argv) == 3 and argv[0] == "compare-evaluations":
        m = Model(argv[1])
        diffs = []
        with open(argv[2]) as f:
            for line in f:
                key, path = line.split()
                with open(path) as g:
                    theirs = evaluation_of_json(json.load(g))
                differ(key, m.evaluation(key), theirs, diffs)
        return report(diffs)
    if len(argv) == 3 and argv[0] == "compare-evidence":
        def norm(r):
            return (r[0], r[1], Fraction(r[2]), r[3], r[4], r[5] or None, r[6])
        ours = sorted(norm(r) for r in Model(argv[1]).evidence() if r[6] is not None)
        theirs = []
        with open(argv[2]) as f:
            for line in f:
                with open(line.strip()) as g:
                    d = json.load(g)
                theirs += [norm((d["person"], d["competency"], "%.6f" % r["level"], r["source"],
                                 r["date"], r["assessor"], r["evaluation"]))
                           for r in d["rows"] if r.get("evaluation") is not None]
        theirs.sort()
        extra = sorted(set(theirs) - set(ours))[:5]
        missing = sorted(set(ours) - set(theirs))[:5]
        diffs = [("rows", len(ours), len(theirs))] if len(ours) != len(theirs) else []
        diffs += [("missing", tuple(map(str, r)), None) for r in missing]
        diffs += [("extra", None, tuple(map(str, r))) for r in extra]
        if not diffs and ours != theirs:
            diffs.append(("multiplicity", "", ""))
        return report(diffs)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
