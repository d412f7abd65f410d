"""Checks of the HTML report against what compgap says elsewhere (gaps and
recommend --json, the exported teams, people and evidence), for
tests/cli/test_report.sh. Prints "ok NAME" or "not ok NAME" lines.

usage: report_check.py WORKDIR TEAM AS_OF
WORKDIR holds report.html (of TEAM), teams.csv, people.csv, evidence.csv,
gaps-KEY.json for TEAM and each of its teams, and recommend.json."""
import csv
import datetime
import json
import math
import os
import re
import sys
import xml.etree.ElementTree as ET

work, team, as_of = sys.argv[1], sys.argv[2], sys.argv[3]
X = '{http://www.w3.org/1999/xhtml}'
SVG = '{http://www.w3.org/2000/svg}'
failures = 0


def check(name, cond, *why):
    global failures
    if cond:
        print('ok ' + name)
    else:
        failures += 1
        print('not ok ' + name)
        for line in why:
            print('#   ' + str(line)[:600])


def text(e):
    return re.sub(r'\s+', ' ', ''.join(e.itertext())).strip()


def rows(name):
    with open(os.path.join(work, name), newline='', encoding='utf-8') as f:
        return list(csv.DictReader(f))


def gaps(key):
    with open(os.path.join(work, 'gaps-%s.json' % key), encoding='utf-8') as f:
        return json.load(f)


def half_up(m, r):
    return math.floor(100 * m / r + 0.5)


root = ET.parse(os.path.join(work, 'report.html')).getroot()
body = root.find(X + 'body')
teams = {t['key']: t['name'] for t in rows('teams.csv')}
people = {p['id']: p['name'] for p in rows('people.csv')}
dept = gaps(team)
own_teams = sorted({p.get('team') for p in rows('people.csv')
                    if p['id'] in {m['person'] for m in dept['members']}})

# The page: viewport, title with the team's name.
metas = [m.get('name') for m in root.iter(X + 'meta')]
check('the report has a viewport meta tag', 'viewport' in metas)
title = text(root.find(X + 'head').find(X + 'title'))
check('the title names the team by its name', title == 'Competency gaps of %s, %s' % (teams[team], as_of),
      title)
check('the heading names the team by its name', text(body.find(X + 'h1')) == 'Competency gaps of ' + teams[team])


def section(heading):
    """The elements of body after <h2>heading</h2> up to the next h2."""
    out, inside = [], False
    for e in body:
        if e.tag == X + 'h2':
            if inside:
                break
            inside = text(e) == heading
            continue
        if inside:
            out.append(e)
    return out


def team_blocks(heading):
    """{team key: <section>} in a section, by the key in each h3."""
    found = {}
    for e in section(heading):
        if e.tag == X + 'section':
            m = re.search(r'\(([^()]+)\) · \d+ members?$', text(e.find(X + 'h3')))
            if m:
                found[m.group(1)] = e
    return found


# The heatmap: a heading per team, each member by name and id, each cell
# the level and the required level.
heat = team_blocks('Heatmap')
check('the heatmap has a heading per team', sorted(heat) == own_teams, sorted(heat), own_teams)
for key in own_teams:
    h3 = text(heat[key].find(X + 'h3')) if key in heat else ''
    check('the heatmap heading of %s has its name' % key, h3.startswith('%s (%s)' % (teams[key], key)), h3)
team_of = {p['id']: p['team'] for p in rows('people.csv')}
bad_cells, members_seen = [], 0
rows_of = {}
for key in own_teams:
    if key in heat:
        table = next(heat[key].iter(X + 'table'))
        columns = [text(th) for th in table.find(X + 'thead').iter(X + 'th')][1:]
        rows_of[key] = (columns, {text(r.find(X + 'th')): r for r in table.find(X + 'tbody')})
def level_shown(line):
    """One decimal; a level short of the required one with two where one
    would read as the required level (2.96 of 3 is "2.96", not "3.0"), and
    "<3.00" where two would too."""
    if line['meets']:
        return '%.1f' % line['level']
    for d in (1, 2):
        t = '%.*f' % (d, line['level'])
        if float(t) != line['required_level']:
            return t
    return '<%d.00' % line['required_level']


for m in dept['members']:
    label = '%s (%s)' % (m['name'], m['person'])
    columns, mine = rows_of.get(team_of[m['person']], ([], {}))
    row = next((r for t, r in mine.items() if t.startswith(label)), None)
    if row is None:
        bad_cells.append('no row for %s under %s' % (label, team_of[m['person']]))
        continue
    members_seen += 1
    cells = [text(td) for td in row.findall(X + 'td')]
    for line in m['competencies']:
        want = ('%s/%d' % (level_shown(line), line['required_level']) if line['level'] is not None
                else '?/%d' % line['required_level'])
        got = cells[columns.index(line['competency'])] if line['competency'] in columns else None
        if got != want:
            bad_cells.append('%s %s: %r, expected %r' % (label, line['competency'], got, want))
check('every member has a heatmap row "name (id)" under their team', members_seen == len(dept['members']),
      members_seen, len(dept['members']), *bad_cells[:3])
check('every heatmap cell shows the level and the required level', not bad_cells, *bad_cells[:5])


def team_view(key):
    """{competency: [required, meeting]} of the department's members in team
    key (docs/methodology.md, "Team view"): the counts alone, which is all
    the findings need."""
    view = {}
    for m in dept['members']:
        if team_of[m['person']] != key:
            continue
        for line in m['competencies']:
            v = view.setdefault(line['competency'], [0, 0])
            v[0] += 1
            v[1] += bool(line['meets'])
    return view


def listed(para, what):
    m = re.search(what + r': ([^.]*)\.', para)
    return set() if m is None or m.group(1) == 'none' else set(m.group(1).split(', '))


def meeting(key):
    """{competency: ids of the members of team key (all: None) who meet it}."""
    out = {}
    for m in dept['members']:
        if key is None or team_of[m['person']] == key:
            for line in m['competencies']:
                if line['meets']:
                    out.setdefault(line['competency'], set()).add(m['person'])
    return out


def coverage_errors(block, view, meets):
    """What is wrong in the coverage table in block: every competency of
    view that is not met by all must have its row, "n of r (p%)" with p
    rounded half up, and a key-person risk names the one who meets it."""
    bad, seen = [], set()
    for tr in block.iter(X + 'tr') if block is not None else []:
        cells = [text(c) for c in tr]
        if cells[0] not in view:
            continue
        seen.add(cells[0])
        r, n = view[cells[0]]
        want = '%d of %d (%d%%)' % (n, r, half_up(n, r))
        if cells[1] != want:
            bad.append('%s: %r, expected %r' % (cells[0], cells[1], want))
        who = re.search(r'key-person risk: only (.*) \(([^()]+)\) meets it', cells[2])
        if (who is not None) != (n == 1 and r >= 2) or (
                who and ({who.group(2)} != meets.get(cells[0]) or people.get(who.group(2)) != who.group(1))):
            bad.append('%s: %r, the one who meets it: %s' % (cells[0], cells[2], meets.get(cells[0])))
    missing = {c for c, (r, n) in view.items() if n < r} - seen
    return bad + ['no row for %s' % c for c in sorted(missing)]


# Each team's own findings, and the summary's figures per team (in a
# department; a team alone has the figures of its own team view).
is_department = own_teams != [team]
found = team_blocks('Teams')
figure = next((text(f) for f in body.iter(X + 'div') if f.get('class') == 'figure wide'
               and 'nobody meets' in text(f)), '')
for key in own_teams if is_department else []:
    view = team_view(key)
    nobody = {c for c, (r, n) in view.items() if n == 0}
    risks = {c for c, (r, n) in view.items() if n == 1 and r >= 2}
    if key != team:    # a team of its own: its gaps --json says the same
        g = gaps(key)
        check('the team view of %s is its gaps --json\'s' % key,
              view == {c['competency']: [c['required'], c['meeting']] for c in g['competencies']})
    para = text(found[key].find(X + 'p')) if key in found else ''
    check('the findings of %s are its own team view\'s' % key,
          listed(para, 'Nobody meets') == nobody and listed(para, 'Key-person risks') == risks,
          para, sorted(nobody), sorted(risks))
    m = re.search(r'\b%s: ([^;]*)' % re.escape(key), figure)
    check('the summary lists what nobody in %s meets' % key,
          (set(m.group(1).split(', ')) if m else set()) == nobody, figure, sorted(nobody))
    bad = coverage_errors(found[key] if key in found else None, view, meeting(key))
    check('the coverage of %s is rounded half up, its key persons named' % key, not bad, *bad)
coverage = [e for e in section('Coverage') if e.tag == X + 'div']
bad = coverage_errors(coverage[0] if coverage else None,
                      {c['competency']: [c['required'], c['meeting']] for c in dept['competencies']},
                      meeting(None))
check('the coverage of %s as a whole is rounded half up' % team, not bad, *bad)
dept_nobody = [c['competency'] for c in dept['competencies'] if c['meeting'] == 0]
want = '%d competencies nobody meets%s' % (len(dept_nobody), ' in the department as a whole' if is_department else '')
if dept_nobody:
    want += ': ' + ', '.join(dept_nobody)
check('the summary gives the %s\'s own figure' % ('department' if is_department else 'team'),
      figure.startswith(want), figure, want)
halves = [c for key in own_teams for c in gaps(key)['competencies'] if (200 * c['meeting']) % c['required'] == 0
          and (100 * c['meeting']) % c['required'] != 0]
check('the demo has a share on a half percent, so that rounding is tested', halves != [], own_teams)

# Blind spots: names with ids, signed differences.
spots = [tr for e in section('Blind spots and hidden strengths') for tr in e.iter(X + 'tr')][1:]
bad = []
for tr in spots:
    cells = [text(td) for td in tr.findall(X + 'td')]
    m = re.fullmatch(r'(.+) \(([^()]+)\)', cells[0])
    if not m or people.get(m.group(2)) != m.group(1):
        bad.append('person: %r' % cells[0])
    if not re.fullmatch(r'[+-]\d\.\d\d', cells[4]) or abs(float(cells[2]) - float(cells[3]) - float(cells[4])) > 0.011:
        bad.append('difference: %r' % cells)
check('the blind spots have names, ids and signed differences', spots and not bad, *bad[:5])
check('no formatter junk in the report', '.2f' not in text(body) and '%' not in re.sub(r'\d%', '', text(body)),
      re.findall(r'.{20}(?:\.2f|[^\d]%).{20}', text(body))[:3])

# People: a radar per member under "name (id)".
names = {text(h) for h in body.iter(X + 'h4')}
missing = ['%s (%s)' % (m['name'], m['person']) for m in dept['members']
           if '%s (%s)' % (m['name'], m['person']) not in names]
check('every person\'s chart is headed "name (id)"', not missing, *missing[:5])

# The trend starts at the first month with evidence.
first = min(e['date'] for e in rows('evidence.csv'))
trend = next((s for s in body.iter(SVG + 'svg') if s.get('class') == 'trend'), None)
months = [text(t) for t in trend.iter(SVG + 'text') if re.fullmatch(r'\d{4}-\d\d', text(t))] if trend is not None else []
check('the trend has month labels', months != [])
check('no month label before the first evidence (%s)' % first[:7], months and all(m >= first[:7] for m in months), months)
end = datetime.date.fromisoformat(as_of)
start = end - datetime.timedelta(days=365)
ends, d = [], start
while True:
    nxt = (d.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    month_end = min(nxt - datetime.timedelta(days=1), end)
    if month_end >= start:
        ends.append(month_end)
    if month_end >= end:
        break
    d = nxt
points = sum(e.isoformat() >= first for e in ends)
paths = [p.get('d') for p in trend.iter(SVG + 'path') if p.get('fill') == 'none'] if trend is not None else []
check('each trend line has a point per month with evidence (%d)' % points,
      paths and all(p.count('M') + p.count('L') == points and p.count('M') == 1 for p in paths),
      points, paths[:1])

# The lines' end labels lie one line of text apart, none below the 0 %
# line, give or take the baselines' offsets (labels of lines ending
# together at 0 % stack upwards, clear of the month labels).
if trend is not None:
    zero = next(float(t.get('y')) for t in trend.iter(SVG + 'text') if text(t) == '0%')
    label_ys = sorted(float(t.get('y')) for t in trend.iter(SVG + 'text') if t.get('class') == 'end')
    check('the trend\'s end labels lie apart, none below its 0 % line',
          label_ys and label_ys[-1] <= zero + 2 and all(b - a >= 12 - 1e-6 for a, b in zip(label_ys, label_ys[1:])),
          zero, label_ys)

# Mentors (from anywhere in the organisation) by name and id.
with open(os.path.join(work, 'recommend.json'), encoding='utf-8') as f:
    recs = json.load(f)['recommendations']
mentors = {r['mentor']['person'] for r in recs if r['kind'] == 'mentor'}
rec_text = ' '.join(text(e) for e in section('Recommendations'))
missing = [k for k in mentors if '%s (%s) mentors' % (people[k], k) not in rec_text]
check('the report has mentors', mentors != set())
check('every mentor is named "name (id)"', not missing, *missing[:5])
members = {m['person'] for r in recs for m in r['members']}
missing = [k for k in members if '%s (%s)' % (people[k], k) not in rec_text]
check('every member of a recommendation is named "name (id)"', not missing, *missing[:5])
sys.exit(1 if failures else 0)
