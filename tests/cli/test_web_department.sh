#!/bin/sh
# The team page of a large department (src/web/team_page.c, docs/web.md
# "The team page"): a generated organisation's root has thousands of
# recommendations; the page shows the first RECS_SHOWN_MAX (250), says how
# many there are, and links the API's document of all of them, which
# holds exactly that many. Also each shown accept form carries the rule as
# the page shows it. On the engine under test.
. "$(dirname "$0")/lib.sh"
. "$HERE/serve_lib.sh"

DB=$WORK/org.db
"$COMPGAP" generate --people 400 --seed 5 --db "$DB" > /dev/null 2>&1
printf '%s\n' "$PASSWORD" | "$COMPGAP" user add hr1 --role hr --db "$DB" > /dev/null 2>&1
start_or_finish department
page_login hr1
page hr1 /teams/org
expect_code "the organisation's page" 200
cp "$WORK/b" "$WORK/org.html"
python3 - "$WORK/org.html" > "$WORK/facts" <<'PY'
import html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
recs = page[page.index('id="recs-h"'):]
recs = recs[:recs.index('</section>')]
m = re.search(r'<p class="recs-more">The first (\S+) of (\S+) recommendations.*?<a href="([^"]+)">', recs)
items = recs.count('<li class="rec ')
forms = re.findall(r'name="description" value="([^"]*)"', recs)
print(m.group(1).replace(',', '') if m else '-', m.group(2).replace(',', '') if m else '-',
      html.unescape(m.group(3)) if m else '-', items, len(forms),
      sum(1 for f in forms if f.startswith('For team ')))
PY
read -r first total href items forms described < "$WORK/facts"
check "it says it shows the first 250" [ "$first" = 250 ]
check "of more than 250 ($total)" sh -c '[ "$1" != - ] && [ "$1" -gt 250 ]' _ "$total"
check "and shows 250 ($items)" [ "$items" = 250 ]
check "each accept form carries the rule as shown ($described of $forms)" \
	sh -c '[ "$1" -gt 0 ] && [ "$1" = "$2" ]' _ "$forms" "$described"
page hr1 "$href"
expect_code "the link to all of them answers" 200
check "with all $total" [ "$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["recommendations"]))' "$WORK/b")" = "$total" ]
# t00001 (17 people) has 116.
page hr1 /teams/t00001
check "a team's page shows all of its own, and no note" sh -c '! grep -q "recs-more" "$1"' _ "$WORK/b"
check "all 116" [ "$(grep -c '<li class="rec ' "$WORK/b")" = 116 ]
stop
check "the server stops with exit status 0" [ "$STOPPED" = 0 ]
done_testing
