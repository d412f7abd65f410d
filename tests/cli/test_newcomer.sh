#!/bin/sh
# The README as a newcomer follows it: every command of its tour is run on
# the demo, and each line of output it shows must be among what the
# command prints, in the same order; the export/import round trip between
# the <!-- roundtrip --> markers is run as it stands. A README that drifts
# from the program fails here.
. "$(dirname "$0")/lib.sh"

README=$HERE/../../README.md

# The round trip: the demo exported kind by kind and imported into a new
# database holds the same data.
"$COMPGAP" demo --db "$WORK/rt.db" > /dev/null 2>&1 || not_ok "demo for the round trip"
sed -n '/^<!-- roundtrip/,/^<!-- \/roundtrip -->/p' "$README" | sed '/^<!--/d; /^```/d' |
	sed 's/^\( *\)compgap /\1"$COMPGAP" /' > "$WORK/roundtrip.sh"
if grep -q 'import evidence\|import $kind' "$WORK/roundtrip.sh"; then ok "the README has a round trip"; else
	not_ok "the README has a round trip" "$(cat "$WORK/roundtrip.sh")"; fi
mkdir "$WORK/rt"
(cd "$WORK/rt" && COMPGAP_DB="$WORK/rt.db" COMPGAP="$COMPGAP" sh -e "$WORK/roundtrip.sh") > "$WORK/rt.out" 2>&1
STATUS=$?
cp "$WORK/rt.out" "$WORK/err"
expect_status "the README's round trip runs without a problem" 0
snapshot "$WORK/rt.db" "$WORK/snap-demo"
# (named as the README names it: on PostgreSQL the name makes the database)
(cd "$WORK/rt" && snapshot copy.db "$WORK/snap-copy")
same_snapshot "the README's round trip gives the same organisation" "$WORK/snap-demo" "$WORK/snap-copy"

# make install puts the program and its manual page where PREFIX and
# DESTDIR say, and the installed program runs; uninstall takes them away.
ROOT=$(cd "$HERE/../.." && pwd)
real=${COMPGAP_REAL:-$COMPGAP}
case $real in
"$ROOT"/*/compgap)
	build=${real#"$ROOT"/}
	build=${build%/compgap}
	# -o: install what was built, never rebuild it with other flags
	make -s -C "$ROOT" -o "$build/compgap" BUILD="$build" DESTDIR="$WORK/inst" PREFIX=/opt/cg \
		install > "$WORK/out" 2> "$WORK/err"
	STATUS=$?
	expect_status "make install" 0
	[ -x "$WORK/inst/opt/cg/bin/compgap" ] && ok "make install puts bin/compgap under PREFIX" ||
		not_ok "make install puts bin/compgap under PREFIX" "$(find "$WORK/inst" | head)"
	same_files "make install puts the manual page in share/man/man1" "$ROOT/docs/compgap.1" \
		"$WORK/inst/opt/cg/share/man/man1/compgap.1"
	"$WORK/inst/opt/cg/bin/compgap" version > "$WORK/out" 2>&1
	STATUS=$?
	expect_status "the installed compgap runs" 0
	expect_out "the installed compgap is this one" "compgap 0.1.0"
	make -s -C "$ROOT" -o "$build/compgap" BUILD="$build" DESTDIR="$WORK/inst" PREFIX=/opt/cg \
		uninstall > /dev/null 2>&1
	[ -z "$(find "$WORK/inst" -type f)" ] && ok "make uninstall removes both" ||
		not_ok "make uninstall removes both" "$(find "$WORK/inst" -type f)"
	;;
*) ok "# skip make install: $real is not built in the source tree" ;;
esac

# The manual page renders without a warning, and names every command.
if command -v groff > /dev/null 2>&1; then
	LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$ROOT/docs/compgap.1" > "$WORK/err" 2>&1
	if [ ! -s "$WORK/err" ]; then ok "the manual page renders cleanly"; else
		not_ok "the manual page renders cleanly" "$(head -n 5 "$WORK/err")"; fi
fi
"$COMPGAP" help | sed -n 's/^  \([a-z]*\) .*/\1/p' > "$WORK/commands"
missing=""
while read -r name; do
	grep -Eq "^\.B[IR]? \"?$name( |\"|$)" "$ROOT/docs/compgap.1" ||
		grep -qF "\\fB$name\\fR" "$ROOT/docs/compgap.1" || missing="$missing $name"
done < "$WORK/commands"
[ -s "$WORK/commands" ] && [ -z "$missing" ] && ok "the manual page describes every command" ||
	not_ok "the manual page describes every command" "missing:$missing"

# The tour: its outputs are the program's (SQLite's description of the
# database is in them, so it runs on SQLite only).
if [ "$ENGINE" = sqlite ]; then
	python3 - "$README" "$COMPGAP" "$WORK/tour" <<'PY'
import os, re, subprocess, sys

readme, compgap, work = sys.argv[1:4]
os.makedirs(work)
env = dict(os.environ)
env.pop("COMPGAP_DB", None)
text = open(readme, encoding="utf-8").read()
blocks = re.findall(r"^```\n(\$ .*?)^```", text, re.M | re.S)
status = None
checked = 0

def report(good, name, *why):
    print(("ok " if good else "not ok ") + name)
    if not good:
        for line in why:
            for part in str(line).splitlines()[:12]:
                print("#   " + part)

for block in blocks:
    steps = []
    for line in block.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        elif steps:
            steps[-1][1].append(line)
    for command, shown in steps:
        command = re.sub(r"\s+#.*$", "", command)
        name = "README: " + command
        if command.startswith("export "):
            key, _, value = command[7:].partition("=")
            env[key] = value
            continue
        if command.startswith("cat "):
            with open(os.path.join(work, command[4:]), "w", encoding="utf-8") as f:
                f.write("".join(line + "\n" for line in shown))
            continue
        if command == "echo $?":
            report(shown == [str(status)], name, "shown %s, status %s" % (shown, status))
            continue
        argv = command.split()
        if argv[0] != "compgap":
            report(False, name, "the tour runs only compgap, export, cat and echo $?")
            continue
        run = subprocess.run([compgap] + argv[1:], cwd=work, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        status = run.returncode
        actual = [l.rstrip() for l in run.stdout.decode("utf-8", "replace").splitlines()]
        at = 0
        missing = None
        for want in shown:
            want = want.rstrip()
            if want in ("", "..."):
                continue
            prefix = want.endswith("...")
            if prefix:
                want = want[:-3].rstrip()
            while at < len(actual) and not (actual[at].startswith(want) if prefix
                                            else actual[at] == want):
                at += 1
            if at == len(actual):
                missing = want
                break
            at += 1
        report(missing is None, name, "the README shows: " + str(missing),
               "the program printed:", "\n".join(actual[:12]))
        checked += 1
report(checked >= 12, "the README's tour has its commands (%d checked)" % checked)
PY
fi

done_testing
