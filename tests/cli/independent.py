#!/usr/bin/env python3
"""An independent implementation of compgap's gap analysis, for checking it.

It reads the six CSV exports (`compgap export KIND --lf`) from a directory,
and scorecards.csv and evaluations.csv when they are there (the evidence
quality evaluations give is not in the evidence export),
and computes the team view (`compgap gaps --json`), one person's view
(`compgap person --json`) or a team's recommendations (`compgap recommend
--json`) from the method as specified, without compgap's code. Standard
library only.

usage:
  independent.py DIR gaps TEAM ASOF
  independent.py DIR person ID ASOF
  independent.py DIR recommend TEAM ASOF
  independent.py DIR compare TEAM ASOF COMPGAP_JSON_FILE
  independent.py DIR compare-person ID ASOF COMPGAP_JSON_FILE
  independent.py DIR compare-recommend TEAM ASOF COMPGAP_JSON_FILE
  independent.py DIR compare-recommend-list LIST_FILE
    (LIST_FILE holds lines "TEAM ASOF COMPGAP_JSON_FILE": many teams and
    dates in one run, so that the organisation is read once and each
    person's level as of a date is computed once; one line of result per
    line, "same TEAM ASOF" or "differ TEAM ASOF" and the differences
    indented below it)
options (the method's settings, to match `compgap config set`):
  --half-life H        days after which evidence counts half (default 180)
  --weight SOURCE=W    weight of a source (repeatable)
  --blind-spot T       self minus others at which a flag is set (default 1)
  --mentor-min-confidence C  a mentor's least confidence (default 0.5)

The compare modes print each difference (path, ours, theirs) and exit 1
when there is any, else print "same" and exit 0.

Recommendations are compared on what the method decides: the kind, the
competency, the team it is for, the members (person, gap, approach), the
mentor (person, level, confidence) and the key person; the rule texts and
the members' names and teams are not compared. The order of the competencies and, within one competency, of
the kinds (group or individual, mentor, cross-train, hire, reassign, assess
first; docs/methodology.md) must be the same; within one competency and
kind the recommendations are compared as a multiset keyed by their members,
and the members of one recommendation as a set.
"""

import argparse
import csv
import datetime
import json
import math
import os
import re
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


def parse_period(text, end):
    """One end of an objective's period: a date, or a month (2026-07), a
    quarter (2026-Q3) or a year (2026), its first day as the start and its
    last as the end."""
    if len(text) == 10:
        return parse_date(text)
    m = re.fullmatch(r"(\d{4})(?:-Q([1-4])|-(\d\d))?", text)
    if not m or (m.group(3) and not 1 <= int(m.group(3)) <= 12):
        raise Fail("not a period (YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY): %r" % text)
    year = int(m.group(1))
    if m.group(2):
        first = 3 * int(m.group(2)) - 2
        months = (first, first + 2)
    elif m.group(3):
        months = (int(m.group(3)),) * 2
    else:
        months = (1, 12)
    if not end:
        return datetime.date(year, months[0], 1)
    nxt = datetime.date(year + (months[1] == 12), months[1] % 12 + 1, 1)
    return nxt - datetime.timedelta(days=1)


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
        comps = read_csv(directory, "competencies")
        self.competencies = [r["key"] for r in comps]
        self.developability = {r["key"]: r.get("developability", "") for r in comps}
        self.roles = {}          # role -> [(competency, required_level, weight)] in file order
        for r in read_csv(directory, "roles"):
            w = r.get("weight", "")
            self.roles.setdefault(r["role"], []).append(
                (r["competency"], int(r["required_level"]), int(w) if w != "" else 1))
        self.evidence = {}       # (person, competency) -> [(level, source, date)] in file order
        for r in read_csv(directory, "evidence"):
            self.evidence.setdefault((r["person"], r["competency"]), []).append(
                (Fraction(r["level"]), r["source"], parse_date(r["date"])))
        self.add_evaluations(directory)
        self.add_objectives(directory)
        self.holders = {}        # competency -> people with evidence on it
        for person, comp in self.evidence:
            self.holders.setdefault(comp, []).append(person)

    def add_evaluations(self, directory):
        """The evidence quality evaluations give (docs/methodology.md,
        "Quality evaluations"), from scorecards.csv and evaluations.csv when
        the directory holds them: each area score of a manager or peer
        evaluation a row of source qa, of a self evaluation of source self,
        of a calibration none, at level 1 + 4 p / 100 rounded half away from
        zero to 6 decimals, p = (score - min) / (max - min) * 100. The export
        of evidence leaves these rows out."""
        if not os.path.exists(os.path.join(directory, "evaluations.csv")):
            return
        areas = {}               # (scorecard, area) -> (competency, min, max)
        for r in read_csv(directory, "scorecards"):
            areas[(r["scorecard"], r["area"])] = (
                r["competency"], Fraction(r["min"]), Fraction(r["max"]))
        source = {"manager": "qa", "peer": "qa", "self": "self"}
        for r in read_csv(directory, "evaluations"):
            if r["kind"] not in source:
                continue
            comp, lo, hi = areas[(r["scorecard"], r["area"])]
            p = (Fraction(r["score"]) - lo) / (hi - lo) * 100
            millionths = (1 + 4 * p / 100) * 1000000
            level = Fraction(math.floor(millionths + Fraction(1, 2)), 1000000)
            self.evidence.setdefault((r["agent"], comp), []).append(
                (level, source[r["kind"]], parse_date(r["date"])))

    def add_objectives(self, directory):
        """The objectives and their competency key results, from
        objectives.csv and key_results.csv when the directory holds them:
        what links a team's gaps to the key results they serve
        (docs/methodology.md, "OKRs")."""
        self.objectives = []     # (start, key, team or "", end, [(kr key, competency)])
        if not os.path.exists(os.path.join(directory, "objectives.csv")):
            return
        krs = {}
        for r in read_csv(directory, "key_results"):
            if r["type"] == "competency":
                krs.setdefault(r["objective"], []).append((r["key"], r["competency"]))
        for r in read_csv(directory, "objectives"):
            start = parse_period(r["start"], False)
            end = parse_period(r.get("end") or r["start"], True)
            self.objectives.append((start, r["key"], r.get("team", ""), end,
                                    krs.get(r["key"], [])))
        self.objectives.sort(key=lambda o: (o[0], o[1].encode("utf-8")))

    def key_results_of(self, team, as_of):
        """competency -> the keys of the competency key results that name it,
        of the objectives running on as_of of team, of each team above it,
        and of the organisation, in that order."""
        scopes = []
        t = team
        while t:
            scopes.append(t)
            t = self.teams.get(t, "")
        scopes.append("")
        links = {}
        for scope in scopes:
            for start, _, owner_team, end, krs in self.objectives:
                if owner_team != scope or not start <= as_of <= end:
                    continue
                for key, comp in krs:
                    links.setdefault(comp, []).append(key)
        return links

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
        # recommendations (compgap config's defaults)
        self.gap_threshold = 0.5
        self.group_min_members = 3
        self.group_min_share = Fraction(3, 10)
        self.assist_from = 1.0
        self.refer_from = 2.0
        self.mentor_margin = 0.5
        self.mentor_min_confidence = 0.5
        self.mentor_max_mentees = 2
        self.reassign_min_gap = 1.5


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


def team_view(org, team, as_of, s):
    """(members, lines) of a team as of a date, with exact levels and gaps:
    members [(id, role, fit, competencies)] by id, lines (one per
    competency required of a member, with "entries", the members'
    competency entries tagged with "person") in the team view's order."""
    teams = org.subtree(team)
    ids = [pid for pid, p in org.people.items() if p["active"] and p["team"] in teams]
    return view_of(org, ids, as_of, s)


def view_of(org, ids, as_of, s):
    """The team view of the people ids, as team_view describes it."""
    ids = sorted(ids, key=lambda x: x.encode("utf-8"))
    members = []
    per_comp = {}   # competency -> list of member competency entries
    for pid in ids:
        role, fit, comps = member_view(org, pid, as_of, s)
        members.append((pid, role, fit, comps))
        for c in comps:
            per_comp.setdefault(c["competency"], []).append(dict(c, person=pid))
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
            # the key results the competency serves: none, as the
            # organisations made here have no objectives
            "key_results": [],
            "entries": entries,
        })
    lines.sort(key=lambda l: (-l["priority"], l["coverage"], l["competency"].encode("utf-8")))
    return members, lines


OKR_GAP_FACTOR = Fraction(3, 2)


def link_key_results(lines, links):
    """A competency that key results name counts 1.5 times in the
    priority, lists them, and the lines are sorted again."""
    for l in lines:
        l["key_results"] = list(links.get(l["competency"], []))
        if l["key_results"]:
            l["priority"] = l["priority"] * OKR_GAP_FACTOR
    lines.sort(key=lambda l: (-l["priority"], l["coverage"], l["competency"].encode("utf-8")))


def out_lines(lines):
    """Team lines as the document writes them: floats, no entries."""
    out = []
    for l in lines:
        l = {k: v for k, v in l.items() if k != "entries"}
        for k in ("coverage", "mean_gap", "priority"):
            l[k] = flt(l[k])
        out.append(l)
    return out


def gaps_doc(org, team, as_of_text, s):
    """The team document; "teams" holds the view of the members of each
    team of the view alone (grouped by their own team, by key)."""
    if team not in org.teams:
        raise Fail("no team %r" % team)
    as_of = parse_date(as_of_text)
    members, lines = team_view(org, team, as_of, s)
    links = org.key_results_of(team, as_of)
    link_key_results(lines, links)
    out_members = [{
        "person": pid,
        "name": org.people[pid]["name"],
        "role": role,
        "fit": flt(fit),
        "competencies": floats(comps),
    } for pid, role, fit, comps in members]
    by_team = {}
    for pid, _, _, _ in members:
        by_team.setdefault(org.people[pid]["team"], []).append(pid)
    teams = []
    for t in sorted(by_team, key=lambda t: (t == "", bkey(t))):
        ids = by_team[t]
        sub_lines = view_of(org, ids, as_of, s)[1]
        # each team's lines serve what that team's own view serves
        link_key_results(sub_lines, org.key_results_of(t, as_of))
        teams.append({"team": t or None, "members": ids,
                      "competencies": out_lines(sub_lines)})
    return {"team": team, "as_of": as_of_text, "competencies": out_lines(lines),
            "members": out_members, "teams": teams}


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


# ---------------------------------------------------------------- recommendations

# Threshold comparisons allow this much (docs/methodology.md, "Numbers"):
# a level exactly on a threshold counts as reaching it, and mentors whose
# levels differ by no more than this are tied.
EPS = 1e-9

def at_least(x, threshold):
    return x is not None and x >= threshold - EPS


def approach(gap, s):
    if gap is None:
        return None
    if at_least(gap, s.refer_from):
        return "refer"
    if at_least(gap, s.assist_from):
        return "assist"
    return "inform"


class Holders:
    """Everyone's level and confidence on a competency as of a date, for
    finding mentors in the whole organisation; computed once per
    (competency, date) and kept for the other teams of the same run."""

    def __init__(self, org, s):
        self.org = org
        self.s = s
        self.cache = {}

    def get(self, comp, as_of):
        key = (comp, as_of)
        if key not in self.cache:
            out = []
            for pid in self.org.holders.get(comp, []):
                p = self.org.people.get(pid)
                if p is None or not p["active"]:
                    continue
                level, ew, count = weighted_level(self.org.evidence[(pid, comp)], as_of, self.s)
                if level is None:
                    continue
                out.append((pid, p["team"], level, ew / (ew + 1)))
            self.cache[key] = out
        return self.cache[key]


def bkey(text):
    return text.encode("utf-8")


def recommend_doc(org, team, as_of_text, s, holders=None):
    """compgap recommend --json, reduced to what the method decides: each
    recommendation's kind, competency, team, members (person, gap,
    approach), mentor (person, level, confidence) and key person.

    Departments (docs/methodology.md): the view's members are split by
    their own team; each team's recommendations are those of a view of
    its members alone; they are listed by the competencies of the whole
    view in its order, and within a competency team by team (by key, no
    team last). Members with a gap whose own team has no group on the
    competency form one group for the whole view when they belong to at
    least two teams and number at least group_min_members and
    group_min_share of all the view's members who need it; that group
    comes first in the competency, and the individual coaching of its
    members is dropped."""
    if team not in org.teams:
        raise Fail("no team %r" % team)
    as_of = parse_date(as_of_text)
    if holders is None:
        holders = Holders(org, s)
    teams = org.subtree(team)
    ids = [pid for pid, p in org.people.items() if p["active"] and p["team"] in teams]
    _, lines = view_of(org, ids, as_of, s)
    links = org.key_results_of(team, as_of)
    link_key_results(lines, links)
    by_team = {}
    for pid in ids:
        by_team.setdefault(org.people[pid]["team"], []).append(pid)
    order = sorted((t for t in by_team if t != ""), key=bkey) + ([""] if "" in by_team else [])
    per_team = {t: rules(org, by_team[t], t or None, as_of, s, holders) for t in order}
    recs = []
    for line in lines:
        comp = line["competency"]
        loose = []          # (team, entry) with a gap, in a team without a group on comp
        for t in order:
            if any(r["kind"] == "group" and r["competency"] == comp for r in per_team[t]):
                continue
            loose += [(t, e) for e in line["entries"]
                      if org.people[e["person"]]["team"] == t and has_gap(e, s)]
        together = (len({t for t, _ in loose}) >= 2
                    and len(loose) >= s.group_min_members
                    and len(loose) >= s.group_min_share * line["required"])
        if together:
            entries = sorted((e for _, e in loose), key=lambda e: (-e["gap"], bkey(e["person"])))
            recs.append({"kind": "group", "competency": comp, "team": team,
                         "members": [rec_member(e, s) for e in entries],
                         "mentor": None, "key_person": None})
        for t in order:
            recs += [r for r in per_team[t] if r["competency"] == comp
                     and not (together and r["kind"] == "individual")]
    # each recommendation serves what its team's own view serves
    for r in recs:
        r["key_results"] = list(org.key_results_of(r["team"] or "", as_of)
                                .get(r["competency"], []))
    return {"team": team, "as_of": as_of_text, "recommendations": recs}


def has_gap(e, s):
    return e["gap"] is not None and at_least(e["gap"], s.gap_threshold)


def rec_member(e, s):
    return {"person": e["person"], "gap": flt(e["gap"]), "approach": approach(flt(e["gap"]), s)}


def rules(org, ids, team, as_of, s, holders):
    """The recommendation rules on a view of the people ids, for team."""
    _, lines = view_of(org, ids, as_of, s)

    def member(e):
        return rec_member(e, s)

    recs = []
    for line in lines:
        comp = line["competency"]
        entries = line["entries"]

        def rec(kind, members, mentor=None, key_person=None):
            recs.append({"kind": kind, "competency": comp, "team": team, "members": members,
                         "mentor": mentor, "key_person": key_person})

        # members with a gap, largest first, then by id
        with_gap = [e for e in entries if has_gap(e, s)]
        with_gap.sort(key=lambda e: (-e["gap"], bkey(e["person"])))

        # group or individual
        if (len(with_gap) >= s.group_min_members
                and len(with_gap) >= s.group_min_share * line["required"]):
            rec("group", [member(e) for e in with_gap])
        else:
            for e in with_gap:
                rec("individual", [member(e)])

        # mentors: own team first, else anyone active in the organisation
        mentees = {}         # mentor -> mentees so far on this competency
        found = 0
        cands = holders.get(comp, as_of) if with_gap else []
        for e in with_gap:
            need = e["required_level"] + s.mentor_margin
            ok = [c for c in cands
                  if c[0] != e["person"]
                  and at_least(c[2], need)
                  and at_least(c[3], s.mentor_min_confidence)
                  and mentees.get(c[0], 0) < s.mentor_max_mentees]
            own = [c for c in ok if c[1] == org.people[e["person"]]["team"]]
            pool = own or ok
            if not pool:
                continue
            top = max(c[2] for c in pool)
            tied = [c for c in pool if c[2] >= top - EPS]
            best = min(tied, key=lambda c: (mentees.get(c[0], 0), bkey(c[0])))
            mentees[best[0]] = mentees.get(best[0], 0) + 1
            found += 1
            rec("mentor", [member(e)],
                mentor={"person": best[0], "level": flt(best[2]), "confidence": flt(best[3])})

        # cross-train: from the one member who meets it to the others
        if line["key_person_risk"]:
            key = [e for e in entries if e["meets"]][0]["person"]
            others = sorted((e for e in entries if e["person"] != key),
                            key=lambda e: bkey(e["person"]))
            rec("cross_train", [member(e) for e in others], key_person=key)

        # hire: nobody meets it, someone has a gap, nobody could mentor
        if line["meeting"] == 0 and with_gap and found == 0:
            rec("hire", [member(e) for e in with_gap])

        # reassign: a large gap on a competency that hardly develops
        if org.developability.get(comp, "") == "low":
            for e in with_gap:
                if at_least(e["gap"], s.reassign_min_gap):
                    rec("reassign", [member(e)])

        # assess first: the members without a level
        unassessed = sorted((e for e in entries if e["level"] is None),
                            key=lambda e: bkey(e["person"]))
        if unassessed:
            rec("assess", [member(e) for e in unassessed])
    return recs


def reduce_recommend(doc):
    """compgap's recommend document reduced to the fields compared."""
    def member(m):
        return {"person": m.get("person"), "gap": m.get("gap"), "approach": m.get("approach")}

    def mentor(m):
        if not isinstance(m, dict):
            return m
        return {"person": m.get("person"), "level": m.get("level"), "confidence": m.get("confidence")}

    recs = []
    for r in doc.get("recommendations") or []:
        recs.append({"kind": r.get("kind"), "competency": r.get("competency"),
                     "team": r.get("team"), "members": [member(m) for m in r.get("members") or []],
                     "mentor": mentor(r.get("mentor")), "key_person": r.get("key_person"),
                     "key_results": r.get("key_results")})
    return {"team": doc.get("team"), "as_of": doc.get("as_of"), "recommendations": recs}


def blocks(recs):
    """Consecutive recommendations of one competency and kind, grouped:
    [((competency, kind), [rec, ...])]."""
    out = []
    for r in recs:
        k = (r["competency"], r["kind"])
        if out and out[-1][0] == k:
            out[-1][1].append(r)
        else:
            out.append((k, [r]))
    return out


def rec_key(r):
    return tuple(sorted((m["person"] or "") for m in r["members"]))


def by_person(members):
    return sorted(members, key=lambda m: bkey(m["person"] or ""))


def compare_recommend(ours, theirs, diffs):
    theirs = reduce_recommend(theirs)
    for k in ("team", "as_of"):
        if ours[k] != theirs[k]:
            diffs.append(("$." + k, show(ours[k]), show(theirs[k])))
    bo, bt = blocks(ours["recommendations"]), blocks(theirs["recommendations"])
    so = [k for k, _ in bo]
    st = [k for k, _ in bt]
    if so != st:
        diffs.append(("$.recommendations order (competency/kind)",
                      " ".join("%s/%s" % k for k in so),
                      " ".join("%s/%s" % k for k in st)))
    tmap = {}
    for k, rs in bt:
        tmap.setdefault(k, []).extend(rs)
    omap = {}
    for k, rs in bo:
        omap.setdefault(k, []).extend(rs)
    for k in list(omap) + [k for k in tmap if k not in omap]:
        path = "$.recommendations[%s/%s]" % k
        ol, tl = omap.get(k, []), tmap.get(k, [])
        og, tg = {}, {}
        for r in ol:
            og.setdefault(rec_key(r), []).append(r)
        for r in tl:
            tg.setdefault(rec_key(r), []).append(r)
        for key in list(og) + [x for x in tg if x not in og]:
            a, b = og.get(key, []), tg.get(key, [])
            p = "%s[members=%s]" % (path, ",".join(key))
            if len(a) != len(b):
                diffs.append((p + " count", str(len(a)), str(len(b))))
            for ra, rb in zip(a, b):
                compare(dict(ra, members=by_person(ra["members"])),
                        dict(rb, members=by_person(rb["members"])), p, diffs)


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


def read_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        raise Fail("cannot read compgap's JSON: %s" % e)


def compare_list(org, s, list_file):
    """compare-recommend-list: one result per line of list_file."""
    holders = Holders(org, s)
    with open(list_file, encoding="utf-8") as f:
        jobs = [line.split() for line in f if line.strip()]
    status = 0
    for job in jobs:
        if len(job) != 3:
            raise Fail("%s: expected TEAM ASOF FILE: %r" % (list_file, " ".join(job)))
        team, as_of, path = job
        diffs = []
        try:
            compare_recommend(recommend_doc(org, team, as_of, s, holders), read_json(path), diffs)
        except Fail as e:
            diffs.append(("$", "error", str(e)))
        if not diffs:
            print("same %s %s" % (team, as_of))
            continue
        status = 1
        print("differ %s %s" % (team, as_of))
        for d in diffs:
            print("  %s: ours %s, compgap %s" % d)
    return status


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir")
    ap.add_argument("mode", choices=["gaps", "person", "recommend", "compare", "compare-person",
                                     "compare-recommend", "compare-recommend-list"])
    ap.add_argument("args", nargs="+")
    ap.add_argument("--half-life", type=float, default=180.0)
    ap.add_argument("--weight", type=weight_arg, action="append", default=[])
    ap.add_argument("--blind-spot", type=float, default=1.0)
    ap.add_argument("--mentor-min-confidence", type=float, default=0.5)
    a = ap.parse_intermixed_args(argv)
    if a.mode == "compare-recommend-list":
        want = 1
    else:
        want = 3 if a.mode.startswith("compare") else 2
    if len(a.args) != want:
        ap.error("mode %s takes %d arguments" % (a.mode, want))
    s = Settings(a.half_life, dict(a.weight), a.blind_spot)
    s.mentor_min_confidence = a.mentor_min_confidence
    try:
        org = Org(a.dir)
        if a.mode == "compare-recommend-list":
            return compare_list(org, s, a.args[0])
        if a.mode in ("gaps", "compare"):
            doc = gaps_doc(org, a.args[0], a.args[1], s)
        elif a.mode in ("recommend", "compare-recommend"):
            doc = recommend_doc(org, a.args[0], a.args[1], s)
        else:
            doc = person_doc(org, a.args[0], a.args[1], s)
        if not a.mode.startswith("compare"):
            print(json.dumps(doc, indent=2, ensure_ascii=False))
            return 0
        theirs = read_json(a.args[2])
    except (Fail, KeyError, ValueError, OSError) as e:
        print("independent.py: %s" % e, file=sys.stderr)
        return 2
    diffs = []
    if a.mode == "compare-recommend":
        compare_recommend(doc, theirs, diffs)
    else:
        compare(doc, theirs, "$", diffs)
    if not diffs:
        print("same")
        return 0
    for path, o, t in diffs:
        print("%s: ours %s, compgap %s" % (path, o, t))
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
