#!/bin/sh
# report_layout.sh REPORT.html WIDTH: lays the report out in headless
# Chromium in a frame WIDTH pixels wide and prints what report_layout.js
# found: "LAYOUT width=W labels=N problems=P", one line per problem, "END".
# Exits 0 when nothing is wider than the frame and every chart label lies
# inside its chart, 1 when something is not, 2 when Chromium is missing or
# gave no answer. (A frame, because headless Chromium will not make its
# window narrower than 500 pixels.)
set -u
report=$1
width=$2
here=$(cd "$(dirname "$0")" && pwd)
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "no chromium"; exit 2; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/report-layout.XXXXXX")
trap 'rm -rf "$dir"' EXIT
awk -v js="$here/report_layout.js" '{
	i = index($0, "</body>")
	if (i == 0) { print; next }
	print substr($0, 1, i - 1)
	print "<script>//<![CDATA["
	while ((getline line < js) > 0) print line
	print "//]]></script>"
	print substr($0, i)
}' "$report" > "$dir/probe.html"
cat > "$dir/frame.html" <<HTML
<!DOCTYPE html>
<html><body style="margin:0">
<iframe src="probe.html" style="border:0;width:${width}px;height:1500px"></iframe>
<pre id="layout-result">no answer</pre>
<script>window.addEventListener('message', function (e) {
	document.getElementById('layout-result').textContent = e.data;
});</script>
</body></html>
HTML
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--user-data-dir="$dir/profile" --hide-scrollbars --window-size=1400,1600 \
	--virtual-time-budget=5000 --dump-dom "file://$dir/frame.html" 2> "$dir/err" |
	sed -n '/<pre id="layout-result">/,/END/p' | sed 's/.*<pre id="layout-result">//' |
	sed 's/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g; s#END</pre>.*#END#' > "$dir/result"
cat "$dir/result"
grep -q '^LAYOUT width=' "$dir/result" || exit 2
grep -q '^LAYOUT width=.* problems=0$' "$dir/result" && exit 0
exit 1
