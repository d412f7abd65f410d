"""The team page's trend (src/web/charts.c) against the API's trend:
python3 trend_check.py PAGE API_JSON LANG. The axis and the table name the
months in the reader's short form (fmt_month_short), never as YYYY-MM;
the table holds every competency's coverage and mean gap at every month
end, as the API gives them, in the reader's number format."""
import html
import json
import re
import sys

SHORT = {
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
    "nl": "jan feb mrt apr mei jun jul aug sep okt nov dec".split(),
    "sv": "jan. feb. mars apr. maj juni juli aug. sep. okt. nov. dec.".split(),
}


def month(iso, lang):
    y, m, _ = iso.split("-")
    return "%s %s" % (SHORT[lang][int(m) - 1], y)


def number(v, decimals, lang):
    s = "%.*f" % (decimals, v + (1e-9 if v >= 0 else -1e-9))
    return s.replace(".", ",") if lang != "en" else s


page = open(sys.argv[1], encoding="utf-8").read()
api = json.load(open(sys.argv[2]))
lang = sys.argv[3]
fail = []

ticks = [html.unescape(t) for t in re.findall(r'<text class="tick"[^>]*text-anchor="middle">([^<]*)</text>', page)]
months = [month(p["as_of"], lang) for p in api["points"]]
if not ticks:
    fail.append("no month on the axis")
for t in ticks:
    if re.fullmatch(r"\d{4}-\d{2}", t) or t not in months:
        fail.append("axis label %r is not one of %s" % (t, months))

table = re.search(r'<table class="trend-table">(.*?)</table>', page, re.S)
if table is None:
    sys.exit("no trend table")
table = table.group(1)
heads = [html.unescape(h) for h in re.findall(r'<th scope="col" class="num">([^<]*)</th>', table)]
if heads != months:
    fail.append("table months %s, expected %s" % (heads, months))
rows = re.findall(r"<tr><th scope=\"row\">[^<]*</th>(.*?)</tr>", table)
cells = [re.findall(r'<td class="num">([^<]*)</td>', r) for r in rows]
comps = [c["competency"] for c in api["points"][-1]["competencies"]]
if len(rows) != len(comps):
    fail.append("%d rows, the API has %d competencies" % (len(rows), len(comps)))
# The rows follow the team's priority; match each by its cells instead.
want = {}
for c in comps:
    line = []
    for p in api["points"]:
        x = [k for k in p["competencies"] if k["competency"] == c]
        if not x or x[0]["assessed"] == 0:
            line.append("\u2014")
        else:
            line.append("%s%% (%s)" % (number(x[0]["coverage"] * 100, 0, lang),
                                       number(x[0]["mean_gap"], 2, lang)))
    want[c] = line
unmatched = [r for r in cells if r not in want.values()]
if unmatched:
    fail.append("a row of the table matches no competency of the API: %s; the API's: %s"
                % (unmatched[0], list(want.values())[0]))
if fail:
    sys.exit("\n".join(fail))
