#!/bin/sh
# The command line itself: help, usage errors, exit statuses, the choice of
# database.
. "$(dirname "$0")/lib.sh"

run help
expect_status "help" 0
for cmd in init import export retract demo list show help version; do
	expect_out "help lists $cmd" "  $cmd "
done
run
expect_status "no command shows the help" 0
expect_out "no command shows the usage" "usage: compgap [--db PATH] COMMAND"
run help import
expect_out "help COMMAND explains it" "usage: compgap import KIND FILE"
run import --help
expect_status "COMMAND --help" 0
expect_out "COMMAND --help explains it" "kinds and their columns"
run help nonsense
expect_status "help of an unknown command" 64
run nonsense
expect_status "an unknown command" 64
expect_err "an unknown command points to help" "'nonsense' is not a command; 'compgap help' lists them"
run list teams --colour
expect_status "an unknown option" 64
expect_err "an unknown option is named" "unknown option '--colour'"
run version
expect_out "version" "compgap 0.1.0 (schema version 6)"

# The database: --db, else $COMPGAP_DB, else ./compgap.db.
run list teams
expect_status "no database yet" 66
expect_err "no database names the default it looked for" "no database at $(db_named "$WORK/default.db")"
run init
expect_status "init uses \$COMPGAP_DB" 0
db_exists "$WORK/default.db" && ok "the database is where \$COMPGAP_DB says" || not_ok "the database is where \$COMPGAP_DB says"
run init
expect_out "init again says it is up to date" "is up to date (schema version 6)"
(unset COMPGAP_DB; "$COMPGAP" init > /dev/null 2>&1)
[ -f "$WORK/compgap.db" ] && ok "without --db or \$COMPGAP_DB the database is ./compgap.db" ||
	not_ok "without --db or \$COMPGAP_DB the database is ./compgap.db"
run --db "$WORK/global.db" init
db_exists "$WORK/global.db" && ok "--db before the command" || not_ok "--db before the command"
run init --db="$WORK/equals.db"
db_exists "$WORK/equals.db" && ok "--db=PATH" || not_ok "--db=PATH"
run list teams --db "$WORK/empty.db"
expect_status "a missing --db database" 66
if [ "$ENGINE" = sqlite ]; then
	echo "not a database at all, just some text that is long enough to look like a file" > "$WORK/text.db"
	run list teams --db "$WORK/text.db"
	expect_status "a file that is no database" 65
	expect_err "a file that is no database is named" "is not a usable SQLite database"
fi
run list teams --db "$WORK/default.db"
expect_status "list in an empty database" 0
expect_out "an empty database says how to fill it" "no teams yet; import them with 'compgap import teams FILE'"
# An empty file is no database either (SQLite would make it one silently),
# except to the commands that create one.
if [ "$ENGINE" = sqlite ]; then
	: > "$WORK/empty-file.db"
	run list teams --db "$WORK/empty-file.db"
	expect_status "an empty file as --db" 66
	expect_err "an empty file is no database, and init makes one" \
		"no database at '$WORK/empty-file.db' (the file is empty); create one with 'compgap init'"
	[ ! -s "$WORK/empty-file.db" ] && ok "an empty --db file is left empty" ||
		not_ok "an empty --db file is left empty"
	run gaps --team kcc --db "$WORK/empty-file.db"
	expect_status "an empty file as --db for an analysis" 66
	run init --db "$WORK/empty-file.db"
	expect_status "init makes an empty file a database" 0
	run list teams --db "$WORK/empty-file.db"
	expect_status "and then it is one" 0
fi

# Did you mean: a mistyped command, kind, team, person or competency.
run gapz
expect_status "a mistyped command" 64
expect_err "a mistyped command gets the nearest" "compgap: 'gapz' is not a command; did you mean 'gaps'?"
run help explian
expect_err "help of a mistyped command gets the nearest" "'explian' is not a command; did you mean 'explain'?"
run REPORT
expect_err "a command in capitals gets the nearest" "did you mean 'report'?"
run list peple --db "$WORK/default.db"
expect_status "a mistyped kind to list" 64
expect_err "a mistyped kind to list gets the nearest" "cannot list 'peple'; did you mean 'people'?"
run gaps --tem kcc --db "$WORK/default.db"
expect_status "a mistyped option" 64
expect_err "a mistyped option gets the nearest" "unknown option '--tem'; did you mean '--team'?"
run list teams --colr x.db
if [ "$(head -n 1 "$WORK/err")" = "compgap list: unknown option '--colr'" ]; then
	ok "an unknown option with none near gets no hint"; else
	not_ok "an unknown option with none near gets no hint" "$(head -n 1 "$WORK/err")"; fi
run show persn KCC-1053 --db "$WORK/default.db"
expect_err "a mistyped kind to show gets the nearest" "cannot show 'persn'; did you mean 'show person KCC-1053'?"
"$COMPGAP" demo --db "$WORK/hints.db" > /dev/null 2>&1
for args in "gaps --team kcc-onlin" "recommend --team kcc-onlin" "trend --team kcc-onlin --from 2026-01-01 --to 2026-02-01" \
	"report --team kcc-onlin -o $WORK/r.html" "list people --team kcc-onlin" "gaps --team KCC-Online"; do
	# shellcheck disable=SC2086
	run $args --db "$WORK/hints.db"
	expect_status "$args: an unknown team" 65
	expect_err "$args: the nearest team is named" "did you mean 'kcc-online'?"
done
for args in "person KCC-1O53" "show person KCC-1O53" "person kcc-1053"; do
	# shellcheck disable=SC2086
	run $args --db "$WORK/hints.db"
	expect_status "$args: an unknown person" 65
	expect_err "$args: the nearest person is named" "unknown person '${args##* }'; did you mean 'KCC-1053'?"
done
run person KCC-105 --db "$WORK/hints.db"
expect_err "several people as near are named, those the id begins first" \
	"unknown person 'KCC-105'; did you mean 'KCC-1050', 'KCC-1051', 'KCC-1052' (or 8 more as close)?"
run config get half_lfe --db "$WORK/hints.db"
expect_status "a mistyped setting" 64
expect_err "a mistyped setting gets the nearest" "no setting 'half_lfe'; did you mean 'half_life'?"
run show competency comunication --db "$WORK/hints.db"
expect_status "an unknown competency" 65
expect_err "the nearest competency is named" "unknown competency 'comunication'; did you mean 'communication'?"
for args in "explain --person KCC-1053 --competency comunication" \
	"trend --team kcc --from 2026-01-01 --to 2026-02-01 --competency comunication"; do
	# shellcheck disable=SC2086
	run $args --db "$WORK/hints.db"
	expect_status "$args: an unknown competency" 65
	expect_err "$args: the nearest competency is named" \
		"unknown competency 'comunication'; did you mean 'communication'?"
done
run explain --person KCC-1O53 --competency communication --db "$WORK/hints.db"
expect_err "explain: the nearest person is named" "unknown person 'KCC-1O53'; did you mean 'KCC-1053'?"
run show competency juggling --db "$WORK/hints.db"
expect_err "an unknown competency with none near says where to look" \
	"unknown competency 'juggling'; 'compgap list competencies' lists them"

run export gizmos
expect_status "export of an unknown kind" 64
run export teams -o "$WORK/no/such/dir/teams.csv"
expect_status "export to a directory that does not exist" 73
[ ! -e "$WORK/no/such/dir/teams.csv" ] && ok "a failed export leaves no file" || not_ok "a failed export leaves no file"

done_testing
