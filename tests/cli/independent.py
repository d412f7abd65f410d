#!/usr/bin/env python3
"""An independent implementation of compgap's gap analysis, for checking it.

It reads the six CSV exports (`compgap export KIND --lf`) from a directory
and computes the team view (`compgap gaps --json`) or one person's view
(`compgap person --json`) from the method as specified, without compgap's
code. Standard library only.

usage:
  independent.py DIR gaps TEAM ASOF
  independent.py DIR person ID ASOF
  independent.py DIR compare TEAM ASOF COMPGAP_JSON_FILE
  independent.py DIR compare-person ID ASOF COMPGAP_JSON_FILE
options (the method's settings, to match `compgap config set`):
  --half-life H        days after which evidence counts half (default 180)
  --weight SOURCE=W    weight of a source (repeatable)
  --blind-spot T       self minus others at which a flag is set (default 1)

The compare modes print each difference (path, ours, theirs) and exit 1
when there is any, else print "same" and exit 0.
"""

import argparse
import csv
import datetime
import json
import math
import os
import sys
from fractions import Fraction

DEFAULT_WEIGHTS = {
    "assessment": 1.0,
    "test": 1.0,
    "manager": 0.8,
    "qa": 0.8,
    "peer": 0.6,
    "customer": 0.6,
    "self": 0.4,
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class Fail(Exception):
    pass


# ---------------------------------------------------------------- reading

def unquote(cell):
    """Undo export's formula-injection guard: one leading quote goes when,
    after all leading quotes, the cell begins with = + - @ tab or CR."""
    if cell.startswith("'"):
        rest = cell.lstrip("'")
        if rest.startswith(FORMULA_START):
            return cell[1:]
    return cell


def read_csv(directory, kind):
    path = os.path.join(directory, kind + ".csv")
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        rows = [r for r in reader if r != []]
    if not rows:
        raise Fail("%s: empty file" % path)
    header = [h.lower() for h in rows[0]]
    out = []
    for n, r in enumerate(rows[1:], start=2):
        if len(r) != len(header):
            raise Fail("%s: row %d has %d fields, header %d" % (path, n, len(r), len(header)))
        out.append({h: unquote(v) for h, v in zip(header, r)})
    return out


def parse_date(text):
    try:
        if len(text) != 10:
            raise ValueError
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise Fail("not a date (YYYY-MM-DD): %r" % text)


def parse_active(text):
    t = text.strip().lower()
    if t in ("", "1", "yes", "true"):
        return True
    if t in ("0", "no", "false"):
        return False
    raise Fail("bad active value %r" % text)


class Org:
    def __init__(self, directory):
        self.teams = {}          # key -> parent key or ""
        for r in read_csv(directory, "teams"):
            self.teams[r["key"]] = r.get("parent", "")
        self.people = {}         # id -> dict
        for r in read_csv(directory, "people"):
            self.people[r["id"]] = {
                "id": r["id"],
                "name": r["name"],
                "team": r.get("team", ""),
                "role": r.get("role", ""),
                "active": parse_active(r.get("active", "")),
            }
        self.competencies = [r["key"] for r in read_csv(directory, "competencies")]
        self.roles = {}          # role -> [(competency, required_level, weight)] in file order
        for r in read_csv(directory, "roles"):
            w = r.get("weight", "")
            self.roles.setdefault(r["role"], []).append(
                (r["competency"], int(r["required_level"]), int(w) if w != "" else 1))
        self.evidence = {}       # (person, competency) -> [(level, source, date)] in file order
        for r in read_csv(directory, "evidence"):
            self.evidence.setdefault((r["person"], r["competency"]), []).append(
                (Fraction(r["level"]), r["source"], parse_date(r["date"])))

    def subtree(self, team):
        """The team and all its sub-teams, recursively."""
        children = {}
        for key, parent in self.teams.items():
            if parent:
                children.setdefault(parent, []).append(key)
        seen = set()
        stack = [team]
        while stack:
            t = stack.pop()
            if t in seen:
                continue
            seen.add(t)
            stack.extend(children.get(t, []))
        return seen


# ---------------------------------------------------------------- the method

class Settings:
    def __init__(self, half_life=180.0, weights=None, blind_spot=1.0):
        self.half_life = half_life
        self.weights = dict(DEFAULT_WEIGHTS)
        if weights:
            self.weights.update(weights)
        self.blind_spot = Fraction(blind_spot)


def flt(x):
    return None if x is None else float(x)


def weighted_level(rows, as_of, s):
    """(level or None, evidence_weight, count) of rows dated on or before as_of.

    Each weight w_i is the double source_weight * 0.5^(age/half_life); the
    sums and the quotient are then exact (fractions), so that a mean of equal
    levels is exactly that level and the comparisons with required levels
    and the blind-spot threshold are those of the specification, not of
    some order of rounding. The level of a row is the decimal written."""
    num = Fraction(0)
    den = Fraction(0)
    count = 0
    for level, source, date in rows:
        if date > as_of:
            continue
        age = (as_of - date).days
        w = Fraction(s.weights[source] * math.pow(0.5, age / s.half_life))
        num += w * level
        den += w
        count += 1
    if count == 0 or den == 0:
        return None, den, count
    return num / den, den, count


def estimate(org, person, comp, as_of, s):
    rows = org.evidence.get((person, comp), [])
    level, ew, count = weighted_level(rows, as_of, s)
    self_level, _, _ = weighted_level([r for r in rows if r[1] == "self"], as_of, s)
    others_level, _, _ = weighted_level([r for r in rows if r[1] != "self"], as_of, s)
    flag = None
    if self_level is not None and others_level is not None:
        d = self_level - others_level
        if d >= s.blind_spot:
            flag = "blind_spot"
        elif d <= -s.blind_spot:
            flag = "hidden_strength"
    return {
        "level": level,
        "evidence": count,
        "evidence_weight": float(ew) if count else 0.0,
        "confidence": float(ew / (ew + 1)) if count else 0.0,
        "self_level": flt(self_level),
        "others_level": flt(others_level),
        "flag": flag,
    }


def member_view(org, pid, as_of, s):
    """(role or None, fit, competencies) of one person; level, gap and fit
    stay exact here (for the team view) and are made floats by floats()."""
    p = org.people[pid]
    role = p["role"]
    if role == "":
        return None, None, []
    comps = []
    fit_num = Fraction(0)
    fit_den = 0
    for comp, req, weight in org.roles.get(role, []):
        e = estimate(org, pid, comp, as_of, s)
        level = e["level"]
        if level is None:
            gap = None
            meets = False
        else:
            gap = max(Fraction(0), req - level)
            meets = level >= req
            fit_num += weight * min(Fraction(1), level / req)
            fit_den += weight
        comps.append({
            "competency": comp,
            "required_level": req,
            "weight": weight,
            "level": level,
            "gap": gap,
            "meets": meets,
            "evidence": e["evidence"],
            "evidence_weight": e["evidence_weight"],
            "confidence": e["confidence"],
            "self_level": e["self_level"],
            "others_level": e["others_level"],
            "flag": e["flag"],
        })
    fit = fit_num / fit_den if fit_den > 0 else None
    return role, fit, comps


def floats(comps):
    return [dict(c, level=flt(c["level"]), gap=flt(c["gap"])) for c in comps]


def gaps_doc(org, team, as_of_text, s):
    if team not in org.teams:
        raise Fail("no team %r" % team)
    as_of = parse_date(as_of_text)
    teams = org.subtree(team)
    ids = sorted((pid for pid, p in org.people.items()
                  if p["active"] and p["team"] in teams),
                 key=lambda x: x.encode("utf-8"))
    members = []
    per_comp = {}   # competency -> list of member competency entries
    for pid in ids:
        role, fit, comps = member_view(org, pid, as_of, s)
        members.append({
            "person": pid,
            "name": org.people[pid]["name"],
            "role": role,
            "fit": flt(fit),
            "competencies": floats(comps),
        })
        for c in comps:
            per_comp.setdefault(c["competency"], []).append(c)
    lines = []
    for comp, entries in per_comp.items():
        required = len(entries)
        assessed = [c for c in entries if c["level"] is not None]
        meeting = sum(1 for c in assessed if c["meets"])
        if assessed:
            mean_gap = sum(c["gap"] for c in assessed) / len(assessed)
            priority = sum(c["weight"] * c["gap"] for c in assessed) / len(assessed)
        else:
            mean_gap = None
            priority = Fraction(0)
        lines.append({
            "competency": comp,
            "required": required,
            "assessed": len(assessed),
            "meeting": meeting,
            "unassessed": required - len(assessed),
            "coverage": Fraction(meeting, required),
            "mean_gap": mean_gap,
            "priority": priority,
            "key_person_risk": meeting == 1 and required >= 2,
        })
    lines.sort(key=lambda l: (-l["priority"], l["coverage"], l["competency"].encode("utf-8")))
    for l in lines:
        for k in ("coverage", "mean_gap", "priority"):
            l[k] = flt(l[k])
    return {"team": team, "as_of": as_of_text, "competencies": lines, "members": members}


def person_doc(org, pid, as_of_text, s):
    if pid not in org.people:
        raise Fail("no person %r" % pid)
    as_of = parse_date(as_of_text)
    role, fit, comps = member_view(org, pid, as_of, s)
    p = org.people[pid]
    return {
        "person": pid,
        "name": p["name"],
        "team": p["team"] if p["team"] != "" else None,
        "as_of": as_of_text,
        "role": role,
        "fit": flt(fit),
        "competencies": floats(comps),
    }


# ---------------------------------------------------------------- comparing

def kind(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "integer"
    if isinstance(v, float):
        return "float"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    if isinstance(v, dict):
        return "object"
    return type(v).__name__


def show(v):
    return json.dumps(v, ensure_ascii=False)[:200]


def identity(v):
    if isinstance(v, dict):
        for k in ("competency", "person"):
            if k in v and isinstance(v[k], str):
                return k, v[k]
    return None


def compare(ours, theirs, path, diffs):
    ko, kt = kind(ours), kind(theirs)
    if ko != kt:
        diffs.append((path, show(ours) + " (%s)" % ko, show(theirs) + " (%s)" % kt))
        return
    if ko == "object":
        if list(ours.keys()) != list(theirs.keys()):
            diffs.append((path + " keys", show(list(ours.keys())), show(list(theirs.keys()))))
        for k in ours:
            if k in theirs:
                compare(ours[k], theirs[k], path + "." + k, diffs)
    elif ko == "array":
        ido = [identity(v) for v in ours]
        idt = [identity(v) for v in theirs]
        if ido and all(ido) and idt and all(idt):
            # lists of competencies or members: the order, then each by its key
            if ido != idt:
                diffs.append((path + " order", show([i[1] for i in ido]), show([i[1] for i in idt])))
            tmap = {i: v for i, v in zip(idt, theirs)}
            for i, v in zip(ido, ours):
                if i in tmap:
                    compare(v, tmap[i], "%s[%s=%s]" % (path, i[0], i[1]), diffs)
            return
        if len(ours) != len(theirs):
            diffs.append((path + " length", str(len(ours)), str(len(theirs))))
        for n, (a, b) in enumerate(zip(ours, theirs)):
            compare(a, b, "%s[%d]" % (path, n), diffs)
    elif ko == "float":
        d = abs(ours - theirs)
        if not (d <= 1e-9 or d <= 1e-9 * max(abs(ours), abs(theirs))):
            diffs.append((path, repr(ours), repr(theirs)))
    elif ours != theirs:
        diffs.append((path, show(ours), show(theirs)))


# ---------------------------------------------------------------- main

def weight_arg(text):
    source, sep, value = text.partition("=")
    if not sep or source not in DEFAULT_WEIGHTS:
        raise argparse.ArgumentTypeError("expected SOURCE=W with a known source: %r" % text)
    return source, float(value)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir")
    ap.add_argument("mode", choices=["gaps", "person", "compare", "compare-person"])
    ap.add_argument("args", nargs="+")
    ap.add_argument("--half-life", type=float, default=180.0)
    ap.add_argument("--weight", type=weight_arg, action="append", default=[])
    ap.add_argument("--blind-spot", type=float, default=1.0)
    a = ap.parse_intermixed_args(argv)
    want = 3 if a.mode.startswith("compare") else 2
    if len(a.args) != want:
        ap.error("mode %s takes %d arguments" % (a.mode, want))
    s = Settings(a.half_life, dict(a.weight), a.blind_spot)
    try:
        org = Org(a.dir)
        if a.mode in ("gaps", "compare"):
            doc = gaps_doc(org, a.args[0], a.args[1], s)
        else:
            doc = person_doc(org, a.args[0], a.args[1], s)
    except (Fail, KeyError, ValueError, OSError) as e:
        print("independent.py: %s" % e, file=sys.stderr)
        return 2
    if not a.mode.startswith("compare"):
        print(json.dumps(doc, indent=2, ensure_ascii=False))
        return 0
    try:
        with open(a.args[2], encoding="utf-8") as f:
            theirs = json.load(f)
    except (OSError, ValueError) as e:
        print("independent.py: cannot read compgap's JSON: %s" % e, file=sys.stderr)
        return 2
    diffs = []
    compare(doc, theirs, "$", diffs)
    if not diffs:
        print("same")
        return 0
    for path, o, t in diffs:
        print("%s: ours %s, compgap %s" % (path, o, t))
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
