#!/bin/sh
# The HTML report on the demo: well-formed, the department's and each
# team's findings, names with ids, required levels, rounding, the trend
# from the first evidence (report_check.py compares it with gaps,
# recommend and export); laid out in headless Chromium at phone and
# desktop width with nothing wider than the screen and every chart label
# inside its chart (report_layout.sh); and in print, no heading left at the
# foot of a page and page 1 not left empty.
. "$(dirname "$0")/lib.sh"

DB=$WORK/demo.db
ASOF=2026-10-31
"$COMPGAP" demo --db "$DB" > /dev/null
for kind in teams people evidence; do
	"$COMPGAP" export "$kind" --db "$DB" > "$WORK/$kind.csv"
done
for key in kcc kcc-phone kcc-desk kcc-online kcc-back; do
	"$COMPGAP" gaps --team "$key" --as-of $ASOF --json --db "$DB" > "$WORK/gaps-$key.json"
done

# A department (kcc, with four teams) and a team alone (kcc-online, whose
# mentors come from other teams).
for team in kcc kcc-online; do
	run report --team "$team" --as-of $ASOF -o "$WORK/$team.html" --db "$DB"
	expect_status "report of $team" 0
	if xmllint --noout "$WORK/$team.html" 2> "$WORK/xmlerr"; then ok "the report of $team is well-formed"
	else not_ok "the report of $team is well-formed" "$(head -n 5 "$WORK/xmlerr")"; fi
	"$COMPGAP" recommend --team "$team" --as-of $ASOF --json --db "$DB" > "$WORK/recommend.json"
	cp "$WORK/$team.html" "$WORK/report.html"
	python3 "$HERE/report_check.py" "$WORK" "$team" $ASOF | sed "s/^\(not \)*ok /&$team: /"
done

# The planted facts, in words a reader would look for.
grep -q '<meta name="viewport" content="width=device-width, initial-scale=1"/>' "$WORK/kcc.html" &&
	ok "the viewport meta tag" || not_ok "the viewport meta tag"
sed 's/<[^>]*>//g' "$WORK/kcc.html" > "$WORK/kcc.txt"
for text in "Competency gaps of Klantcontactcentrum Lindeborg" "Online en chat (kcc-online)" \
	"kcc-online: decisiveness, conflict-handling" "Erik Sandberg (KCC-1050)" "5 of 8 (63%)" \
	"0 competencies nobody meets in the department as a whole"; do
	grep -qF -- "$text" "$WORK/kcc.txt" && ok "the department report says: $text" ||
		not_ok "the department report says: $text"
done
grep -qF '.2f' "$WORK/kcc.txt" && not_ok "no .2f junk" || ok "no .2f junk"

# Layout in a browser, at a phone's and a desktop's width.
if ! command -v chromium > /dev/null 2>&1; then
	echo "ok layout at 360 and 1280 px # skip chromium is not installed"
	done_testing
	exit 0
fi
for team in kcc kcc-online; do
	for width in 360 1280; do
		if sh "$HERE/report_layout.sh" "$WORK/$team.html" $width > "$WORK/layout"; then
			ok "$team at $width px: nothing wider than the screen, every chart label inside its chart"
		else
			not_ok "$team at $width px: nothing wider than the screen, every chart label inside its chart" \
				"$(head -n 12 "$WORK/layout")"
		fi
	done
done
# The check can fail: a chart too wide for a phone, and a label outside
# its chart.
sed 's#</body>#<div style="width:600px">wide</div><svg xmlns="http://www.w3.org/2000/svg" width="50" height="20" viewBox="0 0 50 20"><text x="30" y="15">a label too long</text></svg></body>#' \
	"$WORK/kcc-online.html" > "$WORK/broken.html"
sh "$HERE/report_layout.sh" "$WORK/broken.html" 360 > "$WORK/layout"
if grep -q 'wider than the page' "$WORK/layout" && grep -q 'label outside its chart: "a label too long"' "$WORK/layout"; then
	ok "the layout check finds an element wider than the screen and a label outside its chart"
else
	not_ok "the layout check finds an element wider than the screen and a label outside its chart" \
		"$(head -n 12 "$WORK/layout")"
fi

# Print: page 1 holds more than the summary, and no page ends with a
# heading (it stays with what follows it).
if ! command -v pdftotext > /dev/null 2>&1; then
	echo "ok print layout # skip pdftotext (poppler-utils) is not installed"
	done_testing
	exit 0
fi
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--user-data-dir="$WORK/profile" --no-pdf-header-footer --print-to-pdf="$WORK/kcc.pdf" \
	"file://$WORK/kcc.html" 2> /dev/null
pages=$(pdfinfo "$WORK/kcc.pdf" 2> /dev/null | sed -n 's/^Pages: *//p')
if [ -n "$pages" ] && [ "$pages" -gt 1 ]; then ok "the report prints ($pages pages)"; else
	not_ok "the report prints" "pages: $pages"; fi
pdftotext -layout -f 1 -l 1 "$WORK/kcc.pdf" "$WORK/page1.txt"
[ "$(grep -c . "$WORK/page1.txt")" -gt 25 ] && ok "page 1 is not left mostly empty" ||
	not_ok "page 1 is not left mostly empty" "$(grep -c . "$WORK/page1.txt") lines"
# (Headings that are a competency's name also label charts: left out.)
python3 -c "import json,sys; print('\n'.join(c['competency'] for c in json.load(open(sys.argv[1]))['competencies']))" \
	"$WORK/gaps-kcc.json" > "$WORK/competencies"
grep -o '<h[234][^>]*>.*</h[234]>' "$WORK/kcc.html" | sed 's/<[^>]*>//g; s/^ *//; s/ *$//' |
	grep -vxF -f "$WORK/competencies" | sort -u > "$WORK/headings"
grep -o '<h2>[^<]*</h2>' "$WORK/kcc.html" | sed 's/<[^>]*>//g' > "$WORK/sections"
stranded=""
p=1
while [ "$p" -le "${pages:-0}" ]; do
	pdftotext -layout -f $p -l $p "$WORK/kcc.pdf" - | grep -v '^[[:space:]]*$' |
		sed 's/^ *//; s/ *$//' | tail -n 3 > "$WORK/foot"
	# The last line is no heading, and a section's heading is followed by
	# more than its introduction.
	last=$(tail -n 1 "$WORK/foot")
	grep -qxF -- "$last" "$WORK/headings" && stranded="$stranded page $p: '$last'"
	grep -xF -f "$WORK/sections" "$WORK/foot" > "$WORK/found" && stranded="$stranded page $p: $(cat "$WORK/found")"
	p=$((p + 1))
done
[ -z "$stranded" ] && ok "no page ends with a heading" || not_ok "no page ends with a heading" "$stranded"

done_testing
