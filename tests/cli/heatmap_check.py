"""Reads the team page's heatmap (src/web/heatmap.c) and checks it against
the API's documents; used by tests/cli/test_web_team.sh.

  heatmap_check.py gaps PAGE GAPS_JSON [PERSON...]
      every cell of the page equals the API's gap (data-gap to 1e-6; the
      text to two decimals, "<0.01" for a shortfall that would read 0.00; "?"
      where the level is null; "not required" where the role does not
      need it), and the rows are exactly PERSON... (all the API's members
      when none is given)
  heatmap_check.py rows PAGE            prints the rows' person keys, in order
  heatmap_check.py cols PAGE            prints the columns' competency keys
  heatmap_check.py order PAGE GAPS_JSON SORT
      the rows and columns are in the order SORT (gap, member, competency)
      says (docs/web.md, "The team page"), computed here from the API's
      document and the page's competency names
  heatmap_check.py explain PAGE EXPLAIN_JSON
      the explanation's rows are the API's explain rows (id, level,
      weight to 3 decimals, assessor), in order

Exits 1 with the reason on standard error when a check fails."""
import html.parser
import json
import sys


class Heatmap(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.cols, self.col_names, self.rows = [], {}, []
        self.in_heat = self.in_th_c = False
        self.cur_key = None
        self.cell = None
        self.in_explain = False
        self.explain_rows, self.exp_row, self.exp_cell = [], None, None
        self.names = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table" and a.get("id") == "heat":
            self.in_heat = True
        if tag == "section" and a.get("id") == "explain":
            self.in_explain = True
        if self.in_explain and tag == "table" and a.get("class") == "rows":
            self.exp_table = True
        if self.in_heat:
            if tag == "th" and "data-key" in a:
                self.cur_key = a["data-key"]
                self.cols.append(self.cur_key)
                self.col_names[self.cur_key] = ""
                self.in_th_c = True
            if tag == "tr" and "data-person" in a:
                self.rows.append({"person": a["data-person"], "cells": [], "name": ""})
            if tag == "td" and self.rows:
                self.cell = {"class": a.get("class", ""), "gap": a.get("data-gap"), "text": ""}
                self.rows[-1]["cells"].append(self.cell)
        if self.in_explain and tag == "tr":
            self.exp_row = [a.get("data-id")]
        if self.in_explain and self.exp_row is not None and tag in ("th", "td"):
            self.exp_cell = ""

    def handle_endtag(self, tag):
        if tag == "table":
            self.in_heat = False
        if tag == "th":
            self.in_th_c = False
        if tag == "td":
            self.cell = None
        if tag == "section":
            self.in_explain = False
        if self.exp_row is not None and tag in ("th", "td") and self.exp_cell is not None:
            self.exp_row.append(self.exp_cell.strip())
            self.exp_cell = None
        if self.exp_row is not None and tag == "tr":
            if self.exp_row[0] is not None:
                self.explain_rows.append(self.exp_row)
            self.exp_row = None

    def handle_data(self, data):
        if self.in_th_c and self.cur_key is not None:
            self.col_names[self.cur_key] += data
        if self.cell is not None:
            self.cell["text"] += data
        if self.exp_cell is not None:
            self.exp_cell += data


def parse(path):
    h = Heatmap()
    h.feed(open(path, encoding="utf-8").read())
    return h


def fail(msg):
    sys.stderr.write(msg + "\n")
    sys.exit(1)


def check_gaps(page, doc, people):
    h = parse(page)
    d = json.load(open(doc))
    members = {m["person"]: m for m in d["members"]}
    want = people or sorted(members)
    got = [r["person"] for r in h.rows]
    if sorted(got) != sorted(want):
        fail("rows %s, expected %s" % (sorted(got), sorted(want)))
    for r in h.rows:
        lines = {c["competency"]: c for c in members[r["person"]]["competencies"]}
        for key, cell in zip(h.cols, r["cells"]):
            line = lines.get(key)
            where = "%s on %s" % (r["person"], key)
            if line is None:
                if cell["class"] != "nr" or cell["gap"] is not None:
                    fail("%s: a cell %s where the role needs nothing" % (where, cell))
            elif line["gap"] is None:
                if not cell["class"].startswith("h5") or cell["text"].strip() != "?":
                    fail("%s: unassessed in the API, %s on the page" % (where, cell))
            else:
                if cell["gap"] is None or abs(float(cell["gap"]) - line["gap"]) > 1e-6:
                    fail("%s: gap %s in the API, %s on the page" % (where, line["gap"], cell))
                if not line["meets"] and "%.2f" % line["gap"] == "0.00":
                    # a shortfall never reads as none
                    if cell["text"] != "<0.01":
                        fail("%s: the gap %s shows as %r, not <0.01" % (where, line["gap"], cell["text"]))
                elif abs(float(cell["text"]) - line["gap"]) > 0.005 + 1e-9:
                    fail("%s: the text %r is not the gap %s" % (where, cell["text"], line["gap"]))
        if len(r["cells"]) != len(h.cols):
            fail("%s: %d cells for %d columns" % (r["person"], len(r["cells"]), len(h.cols)))
    # every competency a shown member needs has its column, and no other
    needed = {c["competency"] for p in got for c in members[p]["competencies"]}
    if set(h.cols) != needed:
        fail("columns %s, needed %s" % (sorted(h.cols), sorted(needed)))


def check_order(page, doc, sort):
    h = parse(page)
    d = json.load(open(doc))
    members = {m["person"]: m for m in d["members"]}
    got = [r["person"] for r in h.rows]

    def name(p):
        return (members[p]["name"].encode(), p.encode())

    def weighted(p):
        return sum(c["weight"] * c["gap"] for c in members[p]["competencies"] if c["gap"] is not None)

    if sort == "gap":
        rows = sorted(got, key=lambda p: (-weighted(p), name(p)))
    else:
        rows = sorted(got, key=name)
    if got != rows:
        fail("rows %s, expected %s" % (got, rows))
    priority = [c["competency"] for c in d["competencies"] if c["competency"] in h.cols]
    if sort == "competency":
        cols = sorted(h.cols, key=lambda k: (h.col_names[k].encode(), k.encode()))
    else:
        cols = priority
    if h.cols != cols:
        fail("columns %s, expected %s" % (h.cols, cols))


def check_explain(page, doc):
    h = parse(page)
    d = json.load(open(doc))
    got = [row[1:] for row in h.explain_rows]
    if len(got) != len(d["rows"]):
        fail("%d rows on the page, %d in the API" % (len(got), len(d["rows"])))
    ids = [row[0] for row in h.explain_rows]
    if ids != [str(r["id"]) for r in d["rows"]]:
        fail("row ids %s, expected %s" % (ids, [r["id"] for r in d["rows"]]))
    for g, r in zip(got, d["rows"]):
        if abs(float(g[2]) - r["level"]) > 1e-9:
            fail("level %s, expected %s" % (g[2], r["level"]))
        if (r["assessor"] or "\u2014") != g[3]:
            fail("assessor %s, expected %s" % (g[3], r["assessor"]))
        if r["counted"] and abs(float(g[7]) - r["weight"]) > 0.0005 + 1e-9:
            fail("weight %s, expected %s" % (g[7], r["weight"]))
    if not got:
        fail("no rows")


def main():
    cmd = sys.argv[1]
    if cmd == "gaps":
        check_gaps(sys.argv[2], sys.argv[3], sys.argv[4:])
    elif cmd == "rows":
        print("\n".join(r["person"] for r in parse(sys.argv[2]).rows))
    elif cmd == "cols":
        print("\n".join(parse(sys.argv[2]).cols))
    elif cmd == "order":
        check_order(sys.argv[2], sys.argv[3], sys.argv[4])
    elif cmd == "explain":
        check_explain(sys.argv[2], sys.argv[3])
    else:
        fail("unknown command " + cmd)


main()
