#!/usr/bin/env python3
"""The dashboard's figures (src/web/home.c) against the JSON documents,
computed here independently of the server's C:

  dashboard_check.py cards HTML DIR COMPETENCIES.json KEY...
      the cards are exactly KEY... in that order, each with the figures of
      DIR/KEY.json (GET /api/v1/teams/KEY/gaps as of today) and
      DIR/KEY.then.json (the same as of the end of last month)
  dashboard_check.py grown HTML COMPETENCIES.json NOW.json THEN.json
      the list "Gaps that grew since last month" and its count against two
      `compgap gaps --json` documents
Exits 1 with what differs."""
import html
import json
import re
import sys
from decimal import Decimal, ROUND_HALF_UP


def fail(msg):
    print(msg)
    sys.exit(1)


def rounded(v, decimals):
    q = Decimal(1).scaleb(-decimals)
    return str(Decimal(repr(v)).quantize(q, rounding=ROUND_HALF_UP))


def names(path):
    d = json.load(open(path))
    items = d["items"] if isinstance(d, dict) else d
    return {c["key"]: c["name"] for c in items}


def grown_pairs(now, then):
    """(person, competency, then gap, now gap) whose gap grew, largest first."""
    old = {}
    for m in then["members"]:
        for c in m["competencies"]:
            old[(m["person"], c["competency"])] = c["gap"]
    out = []
    for m in now["members"]:
        for c in m["competencies"]:
            was = old.get((m["person"], c["competency"]))
            if c["gap"] is not None and was is not None and c["gap"] - was > 1e-9:
                out.append((m["person"], c["competency"], was, c["gap"]))
    out.sort(key=lambda p: (-round(p[3] - p[2], 9), p[0], p[1]))
    return out


def parse_cards(text):
    cards = []
    for block in re.findall(r'<li class="team-card[^"]*">(.*?)</article>', text, re.S):
        key = re.search(r'<h3 id="team-([^"]+)"><a href="/teams/\1">', block).group(1)
        members = re.search(r'<p class="members">([\d,]+) members?</p>', block).group(1)
        prios = re.findall(r'<li><span class="comp">(.*?)</span>\n<span class="coverage">'
                           r'<svg class="coverage-bar".*?</svg> (\d+)% covered \((\d+) of (\d+)\)</span></li>',
                           block, re.S)
        counts = dict(re.findall(r'<div class="(?:flagged )?(c-[a-z]+)"><dt>[^<]*</dt>'
                                 r'<dd>(\d+)</dd></div>', block))
        cards.append({"key": key, "members": int(members.replace(",", "")),
                      "top": [(html.unescape(n), p, int(m), int(r)) for n, p, m, r in prios],
                      "counts": {k: int(v) for k, v in counts.items()}})
    return cards


def expected_card(key, now, then, comp_names):
    top = [(comp_names[c["competency"]], rounded(c["coverage"] * 100, 0), c["meeting"],
            c["required"]) for c in now["competencies"][:3]]
    blind = sum(1 for m in now["members"] for c in m["competencies"]
                if c["level"] is not None and c["flag"] == "blind_spot")
    unassessed = sum(1 for m in now["members"]
                     if any(c["level"] is None for c in m["competencies"]))
    kpr = sum(1 for c in now["competencies"] if c["key_person_risk"])
    return {"key": key, "members": len(now["members"]), "top": top,
            "counts": {"c-blind": blind, "c-kpr": kpr, "c-unassessed": unassessed,
                       "c-grown": len(grown_pairs(now, then))}}


def cmd_cards(page, folder, comps, keys):
    text = open(page, encoding="utf-8").read()
    got = parse_cards(text)
    if [c["key"] for c in got] != keys:
        fail("cards %s, expected %s" % ([c["key"] for c in got], keys))
    comp_names = names(comps)
    for card in got:
        now = json.load(open("%s/%s.json" % (folder, card["key"])))
        then = json.load(open("%s/%s.then.json" % (folder, card["key"])))
        want = expected_card(card["key"], now, then, comp_names)
        if card != want:
            fail("card %s:\n  page     %s\n  expected %s" % (card["key"], card, want))


def section(text, ident):
    m = re.search(r'<section class="attention-list" aria-labelledby="%s">(.*?)</section>'
                  % ident, text, re.S)
    if not m:
        fail("no section " + ident)
    return m.group(1)


def cmd_grown(page, comps, now_path, then_path):
    text = open(page, encoding="utf-8").read()
    body = section(text, "grown-gaps")
    total = int(re.search(r'<span class="count">(\d+)</span>', body).group(1))
    items = re.findall(r'<li><a href="/people/([^"]+)">.*?<span class="comp">(.*?)</span>'
                       r' — gap ([\d.]+), was ([\d.]+)</li>', body, re.S)
    pairs = grown_pairs(json.load(open(now_path)), json.load(open(then_path)))
    comp_names = names(comps)
    want = [(p, comp_names[c], rounded(g, 1), rounded(w, 1)) for p, c, w, g in pairs[:10]]
    got = [(p, html.unescape(c), g, w) for p, c, g, w in items]
    if total != len(pairs):
        fail("grown gaps: count %d, expected %d" % (total, len(pairs)))
    if got != want:
        fail("grown gaps:\n  page     %s\n  expected %s" % (got, want))
    if len(pairs) > 10 and "and %d more" % (len(pairs) - 10) not in body:
        fail("grown gaps: no 'and N more'")


if __name__ == "__main__":
    if sys.argv[1] == "cards":
        cmd_cards(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:])
    elif sys.argv[1] == "grown":
        cmd_grown(*sys.argv[2:6])
    else:
        fail("unknown command")
