#!/bin/sh
# Benchmark of compgap serve on loopback (issue 11's targets, on the
# 2-core machine, SQLite, 64 connections):
#   GET /api/v1/teams/{T}/gaps, one team of 15 in the 50,000-person
#   organisation: at least 5,000 requests/s, p99 under 10 ms, the
#   server under 200 MB;
#   GET /assets/app.css, a built-in file: the ceiling of the same server;
#   GET /api/v1/teams/{root}/gaps, the whole organisation (a document of
#   some 260 MB): streamed, so the server's memory stays small.
# With wrk (Debian's wrk, tools/deps.sh test) for SECONDS per load, RUNS
# times, and the medians of the runs; the server's memory is its VmRSS,
# sampled every 0.1 s while a load runs (the peak of the samples). The
# organisation is bench/data/org-50000.db (made by `compgap generate` as
# bench/gaps.sh does when it is missing), copied to a temporary directory
# first: the server migrates it, and each request adds to its audit log.
# The caller is an admin's API token. wrk runs on the same two cores as
# the server, so the figures are those of client and server together.
#   [ORG_DB=FILE] bench/serve.sh [RUNS] [SECONDS]   (default 3 runs of 30 s: ~5 minutes)
# Results, and where the time goes: docs/deployment.md, "Performance". On
# 2 December 2026 (2-core AMD EPYC, load average 0.6 before the run),
# medians of 3 runs of 10 s: one team 21,910 req/s, p50 2.5 ms, p99 9.6 ms,
# 105 MB, 53 us of server CPU a request (cached); the asset 64,838 req/s;
# the whole organisation 1.02 s, 307 MB at peak. Issue 11's targets are met.
set -eu
cd "$(dirname "$0")/.."
runs=${1:-3}
seconds=${2:-30}
connections=64
people=50000
asof=2026-11-01
bin=./compgap
db=${ORG_DB:-bench/data/org-$people.db}    # ORG_DB=FILE: another copy of it
. bench/lib.sh

for tool in wrk sqlite3 curl; do
	command -v $tool > /dev/null || { echo "bench/serve.sh needs $tool (tools/deps.sh test)" >&2; exit 69; }
done
[ -x "$bin" ] || make -s all
if [ ! -f "$db" ]; then
	echo "generating $people people ..." >&2
	mkdir -p bench/data
	$bin generate --people "$people" --seed 7 --db "$db" >&2
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/compgap-bench.XXXXXX")
pid=""
cleanup() {
	[ -n "$pid" ] && kill -TERM "$pid" 2> /dev/null && wait "$pid" 2> /dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "copying $db ..." >&2
sqlite3 "$db" "VACUUM INTO '$tmp/org.db'"
token=$($bin token create bench --role admin --db "$tmp/org.db" 2> /dev/null | grep -o 'cgt_[A-Za-z0-9_-]*')
# The first team without sub-teams that has 15 members.
team=$(sqlite3 "$tmp/org.db" "SELECT t.key FROM team t WHERE NOT EXISTS (SELECT 1 FROM team c
	WHERE c.parent_id = t.id) AND (SELECT count(*) FROM person p WHERE p.team_id = t.id) = 15
	ORDER BY t.key LIMIT 1")
root=$(sqlite3 "$tmp/org.db" "SELECT key FROM team WHERE parent_id IS NULL ORDER BY key LIMIT 1")
asset=app.css

# The server, on a free port; its access log (a JSON line a request) in a file.
$bin serve --listen 127.0.0.1:0 --per-address $((connections * 2)) --db "$tmp/org.db" \
	2> "$tmp/serve.log" &
pid=$!
port=""
i=0
while [ -z "$port" ] && [ $i -lt 600 ] && kill -0 "$pid" 2> /dev/null; do
	port=$(sed -n 's/.*"event":"listening","message":"127\.0\.0\.1:\([0-9]*\)".*/\1/p' "$tmp/serve.log")
	[ -n "$port" ] || sleep 0.1
	i=$((i + 1))
done
[ -n "$port" ] || { echo "the server did not start:" >&2; cat "$tmp/serve.log" >&2; exit 70; }
base=http://127.0.0.1:$port

# rss_kb: the server's VmRSS now, in kB.
rss_kb() {
	while read -r key value _; do
		[ "$key" = VmRSS: ] && { echo "$value"; return; }
	done < "/proc/$pid/status"
	echo 0
}

# sample_rss FILE: writes the largest VmRSS (kB) seen every 0.1 s into
# FILE until $tmp/stop exists.
sample_rss() {
	max=0
	while [ ! -f "$tmp/stop" ]; do
		v=$(rss_kb)
		[ "$v" -gt "$max" ] && max=$v
		sleep 0.1
	done
	echo "$max" > "$1"
}

# cpu_ticks: the server's user and system CPU time so far, in clock ticks.
cpu_ticks() {
	awk '{ print $14 + $15 }' "/proc/$pid/stat"
}

# ms VALUE: a wrk latency (512.00us, 2.31ms, 1.02s) in milliseconds.
ms() {
	echo "$1" | awk '/us$/ { print $0 / 1000; next } /ms$/ { print $0 + 0; next }
		/s$/ { print $0 * 1000; next } { print $0 + 0 }'
}

# load NAME URL [wrk args]: one wrk run; appends requests/s, p50, p99 and
# the peak RSS (MB) to $tmp/NAME.{rps,p50,p99,rss}, and checks that wrk saw
# no error statuses.
load() {
	name=$1
	url=$2
	shift 2
	rm -f "$tmp/stop"
	sample_rss "$tmp/rss.kb" &
	sampler=$!
	cpu_before=$(cpu_ticks)
	wrk -t2 -c$connections -d"${seconds}s" --latency "$@" "$url" > "$tmp/wrk.out"
	cpu_after=$(cpu_ticks)
	touch "$tmp/stop"
	wait "$sampler"
	if grep -q 'Non-2xx' "$tmp/wrk.out"; then
		echo "wrk saw error statuses for $url:" >&2
		cat "$tmp/wrk.out" >&2
		exit 70
	fi
	awk '/^Requests\/sec:/ { print $2 }' "$tmp/wrk.out" >> "$tmp/$name.rps"
	ms "$(awk '$1 == "50%" { print $2 }' "$tmp/wrk.out")" >> "$tmp/$name.p50"
	ms "$(awk '$1 == "99%" { print $2 }' "$tmp/wrk.out")" >> "$tmp/$name.p99"
	echo "scale=1; $(cat "$tmp/rss.kb") / 1024" | bc >> "$tmp/$name.rss"
	# The server's own CPU time per request: what the request costs,
	# whatever else the machine is doing at the time.
	awk -v t=$((cpu_after - cpu_before)) -v hz="$(getconf CLK_TCK)" \
		'/requests in/ { printf "%.0f\n", t * 1e6 / hz / $1 }' "$tmp/wrk.out" >> "$tmp/$name.cpu"
	echo "  $name run: $(tail -n 1 "$tmp/$name.rps") req/s, p50 $(tail -n 1 "$tmp/$name.p50") ms," \
		"p99 $(tail -n 1 "$tmp/$name.p99") ms, peak RSS $(tail -n 1 "$tmp/$name.rss") MB," \
		"server CPU $(tail -n 1 "$tmp/$name.cpu") us/request" >&2
}

# whole: one request for the whole organisation's gaps; appends the time
# (ms), the size (MB) and the peak RSS (MB) to $tmp/org.{ms,mb,rss}.
whole() {
	rm -f "$tmp/stop"
	sample_rss "$tmp/rss.kb" &
	sampler=$!
	out=$(curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}' \
		-H "Authorization: Bearer $token" "$base/api/v1/teams/$root/gaps?as_of=$asof")
	touch "$tmp/stop"
	wait "$sampler"
	set -- $out
	[ "$1" = 200 ] || { echo "the whole organisation's gaps: status $1" >&2; exit 70; }
	echo "$2" | awk '{ printf "%.0f\n", $1 * 1000 }' >> "$tmp/org.ms"
	echo "scale=1; $3 / 1048576" | bc >> "$tmp/org.mb"
	echo "scale=1; $(cat "$tmp/rss.kb") / 1024" | bc >> "$tmp/org.rss"
	echo "  whole organisation: $(tail -n 1 "$tmp/org.ms") ms, $(tail -n 1 "$tmp/org.mb") MB," \
		"peak RSS $(tail -n 1 "$tmp/org.rss") MB" >&2
}

gaps_url="$base/api/v1/teams/$team/gaps?as_of=$asof"
auth="Authorization: Bearer $token"
code=$(curl -s -o "$tmp/one.json" -w '%{http_code}' -H "$auth" "$gaps_url")
[ "$code" = 200 ] || { echo "GET $gaps_url: status $code" >&2; cat "$tmp/one.json" >&2; exit 70; }
echo "warming up ..." >&2
wrk -t2 -c$connections -d5s -H "$auth" "$gaps_url" > /dev/null
r=1
while [ "$r" -le "$runs" ]; do
	echo "run $r of $runs" >&2
	load gaps "$gaps_url" -H "$auth"
	load asset "$base/assets/$asset"
	whole
	r=$((r + 1))
done
idle=$(echo "scale=1; $(rss_kb) / 1024" | bc)
hwm=$(awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status")

med() { median $(cat "$tmp/$1"); }
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg) (the benchmark itself makes about 4)"
echo "$($bin version 2> /dev/null | head -n 1), SQLite, $people people, as of $asof; wrk -t2 -c$connections -d${seconds}s on the same machine; medians of $runs runs"
echo "GET /api/v1/teams/$team/gaps (one team of 15, $(wc -c < "$tmp/one.json") bytes): $(med gaps.rps) req/s, p50 $(med gaps.p50) ms, p99 $(med gaps.p99) ms, peak RSS $(med gaps.rss) MB, server CPU $(med gaps.cpu) us/request (targets: >= 5000 req/s, p99 < 10 ms, < 200 MB)"
echo "GET /assets/$asset (the ceiling, $(wc -c < "assets/$asset") bytes): $(med asset.rps) req/s, p50 $(med asset.p50) ms, p99 $(med asset.p99) ms, peak RSS $(med asset.rss) MB, server CPU $(med asset.cpu) us/request"
echo "GET /api/v1/teams/$root/gaps (the whole organisation, $(med org.mb) MB): $(med org.ms) ms, peak RSS $(med org.rss) MB"
echo "server RSS at the end: $idle MB; its peak over the whole benchmark (VmHWM): $hwm MB"
