#!/bin/sh
# Users, API tokens and the audit log from the command line: passwords
# from standard input (never from the command line), refusals that name
# the problem, listing, disabling, tokens shown once, the audit log and
# its filters, the session settings.
. "$(dirname "$0")/lib.sh"

DB=$WORK/acc.db
"$COMPGAP" demo --db "$DB" > /dev/null 2>&1 || not_ok "the demo"
printf 'correct horse battery\n' > "$WORK/good"

# add_user NAME ARGS... < file: runs 'user add NAME ARGS' on $DB.
add_user() {
	run user add "$@" --db "$DB"
}

add_user anna --role hr < "$WORK/good"
expect_status "user add with the password on standard input" 0
expect_out "user add says so" "added user 'anna'"

# refused_pw LABEL PASSWORD TEXT: 'user add bob' with PASSWORD fails with
# 65 and says TEXT.
refused_pw() {
	printf '%s\n' "$2" > "$WORK/pw"
	add_user bob --role hr < "$WORK/pw"
	expect_status "$1: refused" 65
	expect_err "$1: says why" "$3"
}
refused_pw "too short" "kort wachtw" "the password has 11 characters; it needs at least 12"
refused_pw "too short in code points" "日本語のパスワードです" "has 11 characters"
refused_pw "common" "qwerty123456" "the password is one of the most common passwords"
refused_pw "a common word and digits" "Welkom2024!!" "common words, names or keyboard runs"
refused_pw "Swedish" "Lösenord12345" "common words"
refused_pw "the user's name" "bob-is-de-bouwer" "the password contains the user's name"
refused_pw "a repeat" "abcdabcdabcd" "the password repeats its first 4 characters"

# On a terminal: asked twice, not echoed; two different answers change
# nothing. (python3's pty stands in for the terminal.)
terminal_add() {
	python3 - "$COMPGAP" "$DB" "$1" "$2" "$3" > "$WORK/tty" 2>&1 <<'PY'
import os, pty, signal, sys, time
compgap, db, name, first, second = sys.argv[1:]
signal.alarm(30)   # a hang fails the test instead of stopping the suite
pid, fd = pty.fork()
if pid == 0:
    os.execv(compgap, [compgap, "user", "add", name, "--role", "hr", "--db", db])
out = b""
def until(text):
    global out
    end = time.time() + 10
    while text not in out and time.time() < end:
        try:
            out += os.read(fd, 1024)
        except OSError:
            break
until(b"password for " + name.encode() + b": ")
os.write(fd, first.encode() + b"\n")
until(b"the same again: ")
os.write(fd, second.encode() + b"\n")
while True:
    try:
        chunk = os.read(fd, 1024)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode())
print("exit", os.waitstatus_to_exitcode(status))
PY
}
if [ "$ENGINE" = sqlite ]; then
	terminal_add karin "vlinder op de dijk" "vlinder op de dijk"
	if grep -q "added user 'karin'" "$WORK/tty" && grep -q "exit 0" "$WORK/tty" &&
		! grep -q vlinder "$WORK/tty"; then
		ok "a terminal: asked twice, no echo"
	else
		not_ok "a terminal: asked twice, no echo" "$(cat "$WORK/tty")"
	fi
	terminal_add kees "vlinder op de dijk" "vlinder op de dyk"
	if grep -q "the two passwords differ; nothing changed" "$WORK/tty" &&
		grep -q "exit 65" "$WORK/tty"; then
		ok "a terminal: two different answers are refused"
	else
		not_ok "a terminal: two different answers are refused" "$(cat "$WORK/tty")"
	fi
fi

: > "$WORK/empty"
add_user bob --role hr < "$WORK/empty"
expect_status "no password: refused" 65
expect_err "no password: says so" "no password on standard input"
run user add bob --role hr --password 'correct horse battery' --db "$DB"
expect_status "no password on the command line" 64
expect_err "no password on the command line: unknown option" "--password"

add_user bob --role boss < "$WORK/good"
expect_status "unknown role" 64
expect_err "unknown role: names the roles" "no role 'boss'; the roles are admin, hr, manager, coach and employee"
add_user bob --role manager < "$WORK/good"
expect_status "a manager needs a person" 64
expect_err "a manager needs a person: says which option" "give --person KEY"
add_user bob --role coach < "$WORK/good"
expect_status "a coach needs teams" 64
expect_err "a coach needs teams: says which option" "give --teams KEY[,KEY...]"
add_user bob --role employee --person KCC-0000 < "$WORK/good"
expect_status "unknown person" 65
expect_err "unknown person: named" "unknown person 'KCC-0000'"
add_user bob --role coach --teams kcc-phone,kcc-nope < "$WORK/good"
expect_status "unknown team" 65
expect_err "unknown team: named" "unknown team 'kcc-nope'"
add_user "bob smit" --role hr < "$WORK/good"
expect_status "a name with a space" 64
add_user anna --role admin < "$WORK/good"
expect_status "a name taken" 65
expect_err "a name taken: says so" "a user named 'anna' exists already"

printf 'kaffekopp med grädde\n' > "$WORK/jan"
add_user jan --role employee --person KCC-1053 < "$WORK/jan"
expect_status "an employee linked to a person" 0
add_user coby --role coach --teams kcc-phone,kcc-desk < "$WORK/good"
expect_status "a coach with two teams" 0

run user list --db "$DB"
expect_status "user list" 0
if grep -Eq '^anna +hr +- +- +active +0 ' "$WORK/out"; then ok "user list: anna"; else
	not_ok "user list: anna" "$(cat "$WORK/out")"; fi
expect_out "user list: jan's person" "KCC-1053"
expect_out "user list: coby's teams" "kcc-desk,kcc-phone"
if grep -q bob "$WORK/out"; then not_ok "no bob was added"; else ok "no bob was added"; fi
run user list --json --db "$DB"
if python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
u = {x["name"]: x for x in d["users"]}
assert sorted(u) in (["anna", "coby", "jan"], ["anna", "coby", "jan", "karin"]), sorted(u)
assert u["jan"]["person"] == "KCC-1053" and u["jan"]["role"] == "employee"
assert u["coby"]["teams"] == ["kcc-desk", "kcc-phone"] and u["coby"]["person"] is None
assert u["anna"]["disabled"] is False and u["anna"]["sessions"] == 0
assert all("hash" not in k for x in d["users"] for k in x)
' "$WORK/out"; then ok "user list --json"; else not_ok "user list --json"; fi

run user disable jan --db "$DB"
expect_status "user disable" 0
expect_out "user disable: sessions ended" "disabled user 'jan'; their sessions ended"
run user list --db "$DB"
expect_out "user list: jan disabled" "disabled"
run user enable jan --db "$DB"
expect_status "user enable" 0
run user disable nobody --db "$DB"
expect_status "user disable nobody" 65
expect_err "user disable nobody: says so" "no user named 'nobody'; 'compgap user list' lists them"
printf 'fiets over de dijk\n' > "$WORK/new"
run user passwd anna --db "$DB" < "$WORK/new"
expect_status "user passwd" 0
run user remove jan --db "$DB"
expect_status "user remove" 0
run user list --db "$DB"
if grep -q "^jan " "$WORK/out"; then not_ok "jan is gone"; else ok "jan is gone"; fi
run user frobnicate jan --db "$DB"
expect_status "user frobnicate" 64

run token create telephony --role coach --teams kcc --db "$DB"
expect_status "token create" 0
if grep -Eq '^cgt_[A-Za-z0-9_-]{43}$' "$WORK/out" && [ "$(wc -l < "$WORK/out")" -eq 1 ]; then
	ok "token create prints the token alone"
else
	not_ok "token create prints the token alone" "$(cat "$WORK/out")"
fi
expect_err "token create: shown once" "it is shown only now"
run token create crm --role employee --db "$DB"
expect_status "a token for an employee needs a person" 64
run token list --db "$DB"
expect_out "token list: active" "active"
if grep -q cgt_ "$WORK/out"; then not_ok "token list hides the token"; else ok "token list hides the token"; fi
run token revoke telephony --db "$DB"
expect_status "token revoke" 0
run token list --json --db "$DB"
if python3 -c '
import json, sys
t = json.load(open(sys.argv[1]))["tokens"]
assert [x["name"] for x in t] == ["telephony"] and t[0]["revoked"] is True and t[0]["revoked_at"]
assert t[0]["teams"] == ["kcc"] and t[0]["role"] == "coach"
' "$WORK/out"; then ok "token list --json"; else not_ok "token list --json" "$(cat "$WORK/out")"; fi
run token revoke telephony --db "$DB"
expect_status "token revoke twice" 65
expect_err "token revoke twice: says so" "token 'telephony' is revoked already"

run audit --db "$DB"
expect_status "audit" 0
expect_out "audit: the first user" "user.add      user anna"
expect_out "audit: a refusal" "failed   the password is one of the most common passwords"
run audit --person KCC-1053 --db "$DB"
expect_out "audit --person: jan's account" "user jan"
if grep -q "user anna" "$WORK/out"; then not_ok "audit --person: only jan's"; else ok "audit --person: only jan's"; fi
run audit --user jan --json --db "$DB"
if python3 -c '
import json, sys, getpass
e = json.load(open(sys.argv[1]))["audit"]
assert [x["action"] for x in e] == ["user.add", "user.disable", "user.enable", "user.remove"], e
assert all(x["object_key"] == "jan" and x["outcome"] == "ok" for x in e)
assert all(x["actor"].startswith("cli:") for x in e)
assert e[0]["person"] == "KCC-1053" and e[0]["detail"] == "role employee"
' "$WORK/out"; then ok "audit --user --json"; else not_ok "audit --user --json" "$(head -c 600 "$WORK/out")"; fi
run audit --since 2999-01-01 --db "$DB"
expect_status "audit --since later" 0
expect_out "audit --since later: none" "no audit entries match"
run audit --since yesterday --db "$DB"
expect_status "audit --since not a date" 64
expect_err "audit --since not a date: says the form" "give YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ"

run config --db "$DB"
expect_out "config lists the session settings" "session.idle_minutes"
run config set session.lifetime_hours 0 --db "$DB"
expect_status "session.lifetime_hours 0 is refused" 65

if [ "$ENGINE" = sqlite ]; then
	run copy --from "$DB" --to "$WORK/copy.db"
	expect_status "copy with accounts" 0
	expect_out "copy counts the users" "users"
	run user list --db "$WORK/copy.db"
	expect_out "the copy has the users" "coby"
	run audit --user anna --db "$WORK/copy.db"
	expect_out "the copy has the audit log" "user.passwd"
fi

done_testing
