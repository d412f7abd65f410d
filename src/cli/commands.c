/* The command table: name, handler, one-line summary, usage and help, side
 * by side as in Fossil, so that `compgap help` is generated from it. */
#include "cli/commands.h"
#include "demo/generate.h"

#define DB_HELP \
	"  --db DB     the database: a file, or postgresql://USER@HOST/NAME\n" \
	"              (else $COMPGAP_DB, else ./compgap.db)\n"

const struct command commands[] = {
	{
		"init", cmd_init,
		"create a database, or bring its schema up to date",
		"init [--db PATH]",
		"Creates an empty compgap database, or applies the schema migrations\n"
		"that an existing one lacks. Every other command migrates on open too.\n\n"
		"options:\n" DB_HELP "\n"
		"example:\n  compgap init --db team.db\n",
	},
	{
		"import", cmd_import,
		"import a CSV file of teams, people, competencies, indicators, roles or evidence",
		"import KIND FILE [--db PATH] [--max-errors N] [--allow-future]",
		"Reads FILE (- for standard input) in the CSV format of KIND and stores it\n"
		"in one transaction: when any row is bad nothing is stored, and every\n"
		"problem is printed as FILE:LINE: COLUMN: WHAT (exit status 65).\n"
		"Teams, people, competencies and roles are inserted or updated by key;\n"
		"the indicators of each competency in the file replace its earlier ones;\n"
		"evidence rows are appended. Import in this order: teams, competencies,\n"
		"indicators, roles, people, evidence; library-texts (the library's\n"
		"translations) after what they translate; scorecards after the\n"
		"competencies, evaluations after the scorecards and people. A scorecard\n"
		"whose areas differ from its latest version gets a new version; an\n"
		"evaluation whose key is stored corrects it (its evidence retracted and\n"
		"made again). docs/csv-formats.md has the formats.\n"
		"Evidence dated more than future_days (a setting, default 1) after today\n"
		"is refused as a likely typing error, unless --allow-future is given.\n\n"
		"kinds and their columns (* required):\n"
		"  teams          key*, name*, parent\n"
		"  people         id*, name*, email, team, role, manager, active\n"
		"  competencies   key*, name*, category, description, developability\n"
		"  indicators     competency*, level*, indicator*\n"
		"  roles          role*, competency*, required_level*, weight\n"
		"  evidence       person*, competency*, level*, source*, date*, assessor, note\n"
		"  library-texts  kind*, key*, item, lang*, field*, text*\n"
		"  scorecards     scorecard*, area*, competency*, weight*, min*, max*, critical\n"
		"  evaluations    evaluation*, contact*, channel*, agent*, evaluator*, kind*,\n"
		"                 date*, area*, score*, comment, scorecard\n\n"
		"options:\n" DB_HELP
		"  --max-errors N   print at most N problems (default: all)\n"
		"  --allow-future   take evidence dated more than future_days ahead\n\n"
		"example:\n  compgap import people people.csv\n",
	},
	{
		"export", cmd_export,
		"write a kind of data, or a team's matrix, as CSV, CSV for Excel or a workbook",
		"export KIND|matrix [--team KEY] [--as-of DATE] [-o FILE | --xlsx FILE] [--excel] [--lf]"
		" [--db PATH]",
		"Writes all rows of KIND (teams, people, competencies, indicators, roles,\n"
		"evidence, library-texts, scorecards, evaluations) in the format that\n"
		"import reads, so that an export imported again gives the same data.\n"
		"Retracted evidence and evaluations are left out, and so are the\n"
		"evidence rows that evaluations produced (they come with evaluations).\n"
		"Scorecards are written as their latest versions. Cells that a spreadsheet would take for a formula (beginning with\n"
		"= + - @ or a tab) are prefixed with a single quote, which import removes\n"
		"again; cells holding , ; a tab, a quote or a line break are quoted.\n"
		"Lines end with CRLF, as RFC 4180 has it, unless --lf.\n\n"
		"--excel writes what Excel in a Dutch or Swedish locale opens by\n"
		"double-click: UTF-8 with a byte-order mark, ';' between cells, decimal\n"
		"commas (3,5), CRLF; dates stay YYYY-MM-DD, which Excel reads as dates.\n"
		"--xlsx FILE writes a workbook instead: one sheet, the header bold and\n"
		"frozen with a filter, numbers and dates as numbers and dates.\n\n"
		"'export matrix' writes team KEY's members by the competencies of its\n"
		"team view (as 'compgap gaps' has them): each cell the member's level,\n"
		"? when unassessed, empty when their role does not require it. As a\n"
		"workbook the levels are coloured by how far they fall short, and a\n"
		"second sheet holds the required levels. docs/csv-formats.md has it all.\n\n"
		"options:\n" DB_HELP
		"  -o, --output FILE   write CSV to FILE (replaced only when the export succeeds)\n"
		"  --xlsx FILE         write a workbook to FILE instead (likewise)\n"
		"  --excel             CSV for Dutch and Swedish Excel (not with --xlsx or --lf)\n"
		"  --lf                end lines with LF\n"
		"  --team KEY          matrix: the team (with its sub-teams)\n"
		"  --as-of DATE        matrix: levels as of this day (default today)\n\n"
		"examples:\n  compgap export evidence -o evidence.csv\n"
		"  compgap export people --excel -o people.csv\n"
		"  compgap export matrix --team kcc-online --xlsx matrix.xlsx\n",
	},
	{
		"retract", cmd_retract,
		"retract an evidence row, or a whole quality evaluation, that was wrong",
		"retract ID --reason TEXT | retract --evaluation KEY --reason TEXT [--db PATH]",
		"Marks evidence row ID (as listed by 'compgap show person') as retracted.\n"
		"Evidence is never edited or deleted: the row and the reason stay, and\n"
		"every figure leaves the row out from then on. To correct a level, retract\n"
		"the row and import the right one.\n\n"
		"With --evaluation KEY, retracts the quality evaluation of that key (as\n"
		"in evaluations.csv) in one transaction: every evidence row it produced,\n"
		"the reason naming the evaluation, and the evaluation itself, which\n"
		"counts for nothing from then on. To correct an evaluation instead,\n"
		"import it again with the same key.\n\n"
		"options:\n" DB_HELP
		"  --reason TEXT      why it is wrong (required)\n"
		"  --evaluation KEY   retract this evaluation instead of one row\n\n"
		"examples:\n  compgap retract 1234 --reason \"entered for the wrong person\"\n"
		"  compgap retract --evaluation QA-2026-0311 --reason \"wrong recording\"\n",
	},
	{
		"demo", cmd_demo,
		"create the demo organisation: a municipal customer-contact centre",
		"demo [--users] [--db PATH]",
		"Fills an empty database with a municipal customer-contact centre: a\n"
		"department with four teams (phone, desk, online and chat, back office),\n"
		"about 40 people, five function profiles, a library of 14 competencies\n"
		"with indicators and level descriptors, and 12 months of evidence from\n"
		"every source; the phone team's customer contacts are quality\n"
		"evaluations on two scorecards (about four a month per agent, peer and\n"
		"self evaluations, quarterly calibration sessions), talked through at a\n"
		"coaching session a month per agent (STAR notes, development items and\n"
		"their follow-ups) and a group session on active listening each\n"
		"quarter; 16 development plan actions of people of every team, some\n"
		"overdue; and a year of objectives of the organisation and of every\n"
		"team, with competency, metric and milestone key results and their\n"
		"check-ins, some met and some at risk. It is built from a fixed seed, so it is the same on every\n"
		"machine, and it has real gaps to find. Refuses a database that holds\n"
		"people already.\n\n"
		"options:\n"
		"  --users     add a user of every role (admin, hr, manager, coach,\n"
		"              employee), all with the password 'lindeborg-demo', to\n"
		"              try the browser application as each (compgap serve)\n"
		DB_HELP "\n"
		"example:\n  compgap demo --users --db demo.db\n",
	},
	{
		"generate", cmd_generate,
		"create a synthetic organisation of any size, for benchmarks",
		"generate --people N [--seed S] [--db PATH]",
		"Fills an empty database with a synthetic organisation in the shape of\n"
		"the demo: a root team 'org' with departments of teams of 8 to 20\n"
		"people, a role per person, 40 to 60 competencies and about 60 evidence\n"
		"rows a person over the two years up to " GENERATE_LAST_DAY ". The same\n"
		"N and S give the same organisation.\n\n"
		"options:\n" DB_HELP
		"  --people N   how many people\n"
		"  --seed S     the random seed (default 1)\n\n"
		"example:\n  compgap generate --people 50000 --seed 7 --db big.db\n",
	},
	{
		"list", cmd_list,
		"list teams, people, competencies or roles",
		"list teams|people|competencies|roles [--team KEY] [--json [--limit N]\n"
		"       [--cursor KEY]] [--db PATH]",
		"Prints a table of what is stored: teams as a tree with their members,\n"
		"people with their team, role and manager, the competency library, or\n"
		"the function profiles with their required levels and weights.\n\n"
		"options:\n" DB_HELP
		"  --team KEY   people: only the members of team KEY and its sub-teams\n"
		"               (with --json also teams: KEY and its sub-teams)\n"
		"  --json       one page as the API's JSON document, in the order of the\n"
		"               keys: {\"items\": [...], \"next_cursor\": KEY or null}\n"
		"  --limit N    with --json: at most N items (1 to 1000, default 1000)\n"
		"  --cursor KEY with --json: the page after KEY (the next_cursor given)\n\n"
		"example:\n  compgap list people --team phone\n",
	},
	{
		"show", cmd_show,
		"show one person, competency, quality evaluation or coaching session in full",
		"show person ID | show competency KEY | show evaluation KEY | show coaching KEY [--all]\n"
		"       [--json] [--lang CODE]"
		" [--db PATH]",
		"show person ID: the person's details, the competencies their role\n"
		"requires with how much evidence there is, and their evidence rows\n"
		"(the most recent 20, or all with --all), with the ids that 'compgap\n"
		"retract' takes.\n"
		"show competency KEY: the definition, behavioural indicators, level\n"
		"descriptors, and which roles require it at which level.\n"
		"show evaluation KEY: a quality evaluation of a customer contact: each\n"
		"area's score, percentage and comment, and the evaluation score with\n"
		"auto-fail and praise (docs/methodology.md, \"Quality evaluations\").\n"
		"show coaching KEY: a coaching session: its agents, the evaluations\n"
		"discussed, STAR notes, development items and follow-ups.\n\n"
		"options:\n" DB_HELP
		"  --all   show every evidence row\n"
		"  --json  the person's or the competency's record as the API's JSON\n"
		"          document (a competency with its indicators and levels); an\n"
		"          evaluation with its percentages and score, not rounded\n"
		"  --lang CODE  a competency's texts in en, nl or sv where translated\n"
		"          (compgap import library-texts), else the texts as stored\n\n"
		"example:\n  compgap show person KCC-1004\n",
	},
	{
		"gaps", cmd_gaps,
		"a team's gaps: coverage, priorities, key-person risks, each member's fit",
		"gaps --team KEY [--as-of DATE] [--json] [--db PATH]",
		"For team KEY and all its sub-teams: for every competency that a member's\n"
		"role requires, how many need it, are assessed and meet it, the coverage,\n"
		"the mean gap and the priority (mean weight x gap), highest first; then\n"
		"each member's profile fit and what falls short. docs/methodology.md has\n"
		"the method. Levels are estimated from the evidence up to DATE.\n\n"
		"options:\n" DB_HELP
		"  --as-of DATE   analyse as of this day (YYYY-MM-DD; default today)\n"
		"  --json         the JSON document of docs/api.md instead of tables\n\n"
		"example:\n  compgap gaps --team kcc-phone --as-of 2026-06-30\n",
	},
	{
		"person", cmd_person,
		"one person's levels, gaps, confidence and blind spots",
		"person ID [--as-of DATE] [--json] [--db PATH]",
		"For every competency that the person's role requires: the estimated\n"
		"level, the gap to the required level, the confidence, how much evidence\n"
		"there is, self against others, and a blind spot or hidden strength.\n\n"
		"options:\n" DB_HELP
		"  --as-of DATE   as of this day (default today)\n"
		"  --json         the member document of docs/api.md\n\n"
		"example:\n  compgap person KCC-1015\n",
	},
	{
		"explain", cmd_explain,
		"how one level was reached: every evidence row and its weight",
		"explain --person ID --competency KEY [--as-of DATE] [--json] [--db PATH]",
		"Lists every evidence row of the person on the competency with its age,\n"
		"source weight, decay and final weight, and the sums that give the level,\n"
		"the evidence weight and the confidence.\n\n"
		"options:\n" DB_HELP
		"  --as-of DATE   as of this day (default today); later rows count for nothing\n"
		"  --json         as JSON\n\n"
		"example:\n  compgap explain --person KCC-1015 --competency communication\n",
	},
	{
		"recommend", cmd_recommend,
		"what to do about a team's gaps, and the rule behind each",
		"recommend --team KEY [--as-of DATE] [--json] [--db PATH]",
		"For each competency of the team view, highest priority first: group or\n"
		"individual coaching with an approach per member (inform, assist, refer),\n"
		"a mentor for each member with a gap, cross-training where one person\n"
		"carries a competency, hiring where nobody meets it and nobody can mentor\n"
		"it, reassignment where a large gap is on a competency that hardly\n"
		"develops, and assessment first where levels are unknown. Each comes with\n"
		"the rule that produced it; docs/methodology.md has them all.\n\n"
		"options:\n" DB_HELP
		"  --as-of DATE   as of this day (default today)\n"
		"  --json         as JSON\n\n"
		"example:\n  compgap recommend --team kcc-online\n",
	},
	{
		"quality", cmd_quality,
		"a team's month of quality evaluations: cadence, scores, alignment, alerts",
		"quality --team KEY [--month YYYY-MM] [--due] [--json] [--db PATH]",
		"For the active members of team KEY and its sub-teams, from their\n"
		"evaluations in force dated in the month: each agent's manager and peer\n"
		"evaluations against the target (setting qa_target_per_month), quality\n"
		"score (their mean score), alignment of their self evaluations with the\n"
		"others' views of the same contacts, auto-failed evaluations (alerts)\n"
		"and those of 95% or more (praise); each area's mean percentage and the\n"
		"agents whose own mean on it is under 70%; and group coaching where at\n"
		"least 3 agents and 30% of the team are under 70% on one area.\n"
		"With --due, the coaches' reminder list instead: the agents under target\n"
		"who were evaluated in the month or the two before it (so that nobody\n"
		"outside the contact work is listed), most evaluations missing first.\n"
		"docs/methodology.md, \"Quality evaluations\", has the method.\n\n"
		"options:\n" DB_HELP
		"  --team KEY       the team (with its sub-teams)\n"
		"  --month YYYY-MM  the calendar month (default: this month)\n"
		"  --due            who is due evaluations: the reminder list\n"
		"  --json           the document of GET /api/v1/teams/{key}/quality\n"
		"                   (with --due, of GET /api/v1/teams/{key}/quality/due)\n\n"
		"examples:\n  compgap quality --team kcc-phone --month 2026-03\n"
		"  compgap quality --team kcc --due\n",
	},
	{
		"okr", cmd_okr,
		"a team's objectives and key results: progress, status and forecast",
		"okr [--team KEY] [--as-of DATE | --review QUARTER] [--json] [--db PATH]",
		"The objectives of team KEY (without --team: those of the whole\n"
		"organisation) as of a day: each key result's baseline, current value,\n"
		"target and progress, and its status against the time elapsed; each\n"
		"objective's progress, the weighted mean of its key results'. A\n"
		"competency key result's values are the share of the team's active\n"
		"members (sub-teams included) at its level, from the evidence as of the\n"
		"start (the baseline) and as of the day; a metric or milestone's are its\n"
		"start value and its latest check-in. The forecast fits a straight line\n"
		"through the values since the start (month ends, or check-ins) and says\n"
		"where it ends and on which day it reaches the target.\n"
		"Objectives, key results and check-ins are imported ('compgap import\n"
		"objectives|key-results|checkins'); docs/methodology.md, \"OKRs\", has\n"
		"the method.\n"
		"With --review, the quarterly review: the objectives whose end falls in\n"
		"the quarter, each as of its end day: what was reached (the key results\n"
		"done), what was learned (the review text and the check-in notes) and\n"
		"what carries over (the key results not done, with the gap left).\n\n"
		"options:\n" DB_HELP
		"  --team KEY     the team (default: the organisation's objectives)\n"
		"  --as-of DATE   as of this day (default today)\n"
		"  --review QUARTER  the quarterly review of YYYY-Qn (with --json, its document)\n"
		"  --json         the document of GET /api/v1/teams/{key}/okr\n\n"
		"examples:\n  compgap okr --team kcc-phone\n"
		"  compgap okr --as-of 2026-09-30 --json\n"
		"  compgap okr --team kcc-phone --review 2026-Q3\n",
	},
	{
		"coaching", cmd_coaching,
		"record coaching sessions and list a person's or a team's",
		"coaching add FILE | coaching list --person KEY|--team KEY [--json] [--db PATH]",
		"coaching add FILE: stores the coaching session of the JSON document in\n"
		"FILE (- for standard input), the document of POST /api/v1/coaching\n"
		"with its coach: {\"coach\", \"date\", \"agent\" or \"agents\", \"topic\",\n"
		"\"evaluations\", \"notes\" (STAR), \"items\" (development items agreed),\n"
		"\"follow_ups\" (of earlier items: done, partly or not_done)}; all of it\n"
		"or nothing, a problem named by its field. Prints the session's key.\n"
		"coaching list: the sessions of a person with their open development\n"
		"items (overdue ones marked), or the sessions of a team's members.\n"
		"docs/methodology.md, \"Coaching sessions\", has the method; show\n"
		"coaching KEY shows one session in full.\n\n"
		"options:\n" DB_HELP
		"  --person KEY  the sessions the person was coached at\n"
		"  --team KEY    the sessions of the team's and its sub-teams' members\n"
		"  --json        the document of GET /api/v1/people/{key}/coaching\n\n"
		"example:\n  compgap coaching add session.json\n"
		"  compgap coaching list --person KCC-1004\n",
	},
	{
		"calibration", cmd_calibration,
		"a team's month of calibration: how far the views of one contact differ",
		"calibration --team KEY --month YYYY-MM [--json] [--db PATH]",
		"For the active members of team KEY and its sub-teams, from their\n"
		"evaluations in force dated in the month, the pairs of views of one\n"
		"contact: an agent's self evaluation and a manager's or peer's; two\n"
		"managers' or peers' evaluations by different evaluators; and each\n"
		"calibration evaluation against the agreed score (the contact's manager\n"
		"evaluation). Gives each pair's alignment, each agent's and evaluator's\n"
		"mean alignment, the areas where the views differ most (the mean\n"
		"difference in percentage points) and the calibration sessions.\n"
		"docs/methodology.md, \"Calibration\", has the method.\n\n"
		"options:\n" DB_HELP
		"  --team KEY       the team (with its sub-teams)\n"
		"  --month YYYY-MM  the calendar month\n"
		"  --json           the document of GET /api/v1/teams/{key}/calibration\n\n"
		"example:\n  compgap calibration --team kcc-phone --month 2026-03\n",
	},
	{
		"alerts", cmd_alerts,
		"auto-failed evaluations and praise, at once",
		"alerts [--team KEY] [--since DATE] [--json] [--db PATH]",
		"Lists the manager and peer evaluations in force that auto-failed (a\n"
		"critical area under 50%, which it names) or scored 95% or more (praise),\n"
		"newest first, dated since DATE (default: the last 30 days). They are read\n"
		"from the evaluations when asked: a retracted or corrected evaluation\n"
		"stops alerting at once. The command line sees every agent; GET\n"
		"/api/v1/alerts shows each reader the agents they may see.\n"
		"docs/methodology.md, \"Alerts\", has the rule.\n\n"
		"options:\n" DB_HELP
		"  --team KEY     only the agents of this team and its sub-teams\n"
		"  --since DATE   evaluations dated on or after this day\n"
		"  --json         the document of GET /api/v1/alerts\n\n"
		"example:\n  compgap alerts --team kcc-phone --since 2026-03-01\n",
	},
	{
		"webhook", cmd_webhook,
		"post alerts to a chat or another system: endpoints, queue, delivery",
		"webhook add URL [--kinds alert,praise] | webhook list [--json] | webhook remove ID |"
		" webhook deliveries [--status S] [--json] | webhook deliver [--now SECONDS] [--json]"
		" [--db PATH]",
		"An endpoint is an http:// or https:// URL (a chat channel's incoming\n"
		"webhook, say) that takes alerts, praise or both. Storing an evaluation that\n"
		"alerts queues a delivery for each endpoint in the same transaction; 'compgap\n"
		"serve' delivers the queue every few seconds, and 'webhook deliver' does one\n"
		"round for a cron job when no server runs: a JSON POST, tried again after\n"
		"30 s, 1, 2, 4 ... minutes up to an hour, and failed after 10 attempts.\n"
		"Adding and removing endpoints is written to the audit log; lists show a\n"
		"URL without its path, which may hold a secret.\n\n"
		"options:\n" DB_HELP
		"  --kinds K      add: alert, praise or alert,praise (default both)\n"
		"  --status S     deliveries: pending, delivered, failed or cancelled\n"
		"  --now SECONDS  deliver: as if it were this time (seconds since 1970 UTC)\n"
		"  --json         as JSON\n\n"
		"examples:\n  compgap webhook add https://chat.example.com/hooks/T1/B2 --kinds alert\n"
		"  compgap webhook deliveries --status failed\n"
		"  compgap webhook deliver      (from cron, every minute)\n",
	},
	{
		"plan", cmd_plan,
		"a person's development plan: actions, accepted recommendations, overdue ones",
		"plan list --person KEY | plan add --person KEY --competency KEY --kind KIND\n"
		"       [--mentor KEY] [--due DATE] [--description TEXT] [--status STATUS] |\n"
		"       plan accept (--person KEY --competency KEY [--kind REC] [--team KEY] |\n"
		"       --recommendation ID) [--due DATE] [--description TEXT] |\n"
		"       plan set-status --id N --status STATUS | plan overdue [--json] [--db PATH]",
		"A development plan holds a person's actions, each of a kind on one\n"
		"competency, with a mentor where there is one, a due date and a status.\n"
		"docs/methodology.md, \"Development plans\", has the rules.\n"
		"plan list: the person's actions, open ones first; OVERDUE marks an open\n"
		"  action due before today.\n"
		"plan add: an action entered by hand.\n"
		"plan accept: a recommendation of 'compgap recommend' that names the\n"
		"  person on the competency, made an action in one step: group ->\n"
		"  group_coaching, individual -> self_study (inform), individual_coaching\n"
		"  (assist) or training (refer), mentor -> mentoring with the mentor,\n"
		"  cross_train -> cross_training with the one who meets the level; hire,\n"
		"  reassign and assess are no person's action. Due in 90 days unless\n"
		"  --due says otherwise. --recommendation takes the identity\n"
		"  KIND:TEAM:COMPETENCY:PERSON (TEAM - for no team).\n"
		"plan set-status: planned, in_progress, done or dropped.\n"
		"plan overdue: every open action due before today.\n"
		"Each change is written to the audit log.\n\n"
		"options:\n" DB_HELP
		"  --kind KIND      add: training, individual_coaching, group_coaching,\n"
		"                   mentoring, cross_training, job_rotation,\n"
		"                   stretch_assignment, external_course, self_study;\n"
		"                   accept: the recommendation's kind (group, individual,\n"
		"                   mentor, cross_train) when several name the person\n"
		"  --team KEY       accept: the team whose recommendations (default the\n"
		"                   person's own team)\n"
		"  --due DATE       YYYY-MM-DD\n"
		"  --status STATUS  planned (the default), in_progress, done, dropped\n"
		"  --json           the documents of GET /api/v1/people/{key}/plan\n\n"
		"example:\n  compgap plan accept --person KCC-1004 --competency empathy --kind mentor\n",
	},
	{
		"trend", cmd_trend,
		"a team's coverage and mean gap per competency, month by month",
		"trend --team KEY --from DATE --to DATE [--competency KEY] [--json] [--db PATH]",
		"The team view at the end of each month from DATE to DATE (the last\n"
		"point cut at --to), from the evidence known up to each of those days:\n"
		"progress made visible, and the baseline of an objective read off for its\n"
		"start date (--from and --to the same day gives that one point).\n\n"
		"options:\n" DB_HELP
		"  --competency KEY   only this competency\n"
		"  --json             as JSON: one point per date, each the team view's lines\n\n"
		"example:\n  compgap trend --team kcc-phone --from 2025-11-01 --to 2026-10-31\n",
	},
	{
		"report", cmd_report,
		"a team's gaps as one HTML file with charts, to read, share or print",
		"report --team KEY -o FILE.html [--as-of DATE] [--db PATH]",
		"Writes one self-contained HTML file (no scripts, no network; prints on\n"
		"A4) with the team's key figures, a heatmap of members by competencies,\n"
		"coverage bars, the trend over the year before DATE, the recommendations\n"
		"with their rules, the blind spots, and a radar chart per person.\n\n"
		"options:\n" DB_HELP
		"  -o, --output FILE   the file to write (replaced only when it succeeds)\n"
		"  --as-of DATE        as of this day (default today)\n\n"
		"example:\n  compgap report --team kcc -o kcc.html\n",
	},
	{
		"serve", cmd_serve,
		"serve the JSON API over HTTP (health, metrics, the views)",
		"serve [--listen ADDR:PORT] [--metrics-listen ADDR:PORT] [--tls-cert FILE --tls-key FILE]"
		" [--trusted-proxy ADDR,...] [LIMITS] [--db PATH]",
		"Serves the JSON API of docs/api.md over HTTP (HTTPS with --tls-cert and\n"
		"--tls-key, PEM files), with a pool of worker threads, one per core, each\n"
		"with its own database connection. GET /healthz answers while the server\n"
		"runs, GET /readyz while the database answers too. Every request is logged\n"
		"as a JSON line on standard error. SIGTERM or SIGINT stops it gracefully:\n"
		"no new connections, the requests in flight finish, exit status 0.\n"
		"docs/deployment.md has the details.\n\n"
		"options:\n" DB_HELP
		"  --listen ADDR:PORT          where to listen (default 127.0.0.1:8080;\n"
		"                              [::1]:8080 for IPv6; port 0 picks a free one)\n"
		"  --metrics-listen ADDR:PORT  serve GET /metrics (Prometheus) there to anyone\n"
		"  --tls-cert FILE, --tls-key FILE  serve HTTPS\n"
		"  --trusted-proxy ADDR,...    reverse proxies whose X-Forwarded-For names the\n"
		"                              client (for the login throttle and the logs)\n\n"
		"limits (defaults in brackets):\n"
		"  --json-body-max BYTES       a JSON request body [1048576]\n"
		"  --csv-body-max BYTES        a CSV upload [67108864]\n"
		"  --header-max BYTES          the request line and headers [32768]\n"
		"  --per-address N             connections at once from one address [32]\n"
		"  --max-connections N         connections at once in all [1024]\n"
		"  --timeout SECONDS           idle time before a connection is closed [30]\n"
		"  --threads N                 worker threads, 0 for one per core [0]\n"
		"  --drain-timeout SECONDS     how long a shutdown waits for requests [30]\n\n"
		"example:\n  compgap serve --listen 0.0.0.0:8080 --metrics-listen 127.0.0.1:9100\n",
	},
	{
		"config", cmd_config,
		"show or change the method's settings (half-life, source weights ...)",
		"config [get KEY | set KEY VALUE | --json] [--db PATH]",
		"Without arguments, lists every setting with its value and default;\n"
		"with --json, as the document of GET /api/v1/settings (docs/api.md).\n"
		"'config get KEY' prints one; 'config set KEY VALUE' changes it in the\n"
		"database. Changing the half-life or a source weight recomputes the\n"
		"running sums of all evidence.\n\n"
		"options:\n" DB_HELP "\n"
		"example:\n  compgap config set half_life 120\n",
	},
	{
		"copy", cmd_copy,
		"copy a whole organisation to another database (SQLite or PostgreSQL)",
		"copy --from DB --to DB [--force]",
		"Copies everything in one database into another, on either engine:\n"
		"SQLite to PostgreSQL to move a growing organisation onto a server,\n"
		"PostgreSQL to SQLite for a local snapshot or a backup. Rows keep\n"
		"their ids, retracted evidence and the import log included. The copy\n"
		"is one transaction of the target; it is then read back and every\n"
		"table's rows and checksum are compared with the source's. A target\n"
		"that does not exist is created; one that holds data is refused\n"
		"unless --force, which replaces all of it. docs/deployment.md.\n\n"
		"options:\n"
		"  --from DB   the source: a file, or postgresql://USER@HOST/NAME\n"
		"  --to DB     the target, likewise\n"
		"  --force     replace whatever the target holds\n\n"
		"example:\n  compgap copy --from team.db --to postgresql://compgap@db.example.org/compgap\n",
	},
	{
		"check", cmd_check,
		"check that the derived data (running sums, histories) agrees with the evidence rows",
		"check [--db PATH]",
		"Reads every evidence row in force, computes each person's running sums\n"
		"and packed history on each competency from them, and compares them with\n"
		"what the store keeps: the counts and newest dates exactly, the weighted\n"
		"sums to a relative 1e-9, the histories as multisets of entries. Pairs\n"
		"stored without rows, rows without a stored pair, and a newest evidence\n"
		"date below the newest row's count too. Exit status 0 when all agree;\n"
		"65 (EX_DATAERR) with the first problems, each naming the person and the\n"
		"competency, when not. docs/time-travel.md, \"Checking\".\n\n"
		"options:\n" DB_HELP "\n"
		"example:\n  compgap check --db team.db\n",
	},
	{
		"user", cmd_user,
		"add, change, list, disable, enable or remove the users who sign in to the server",
		"user add|change NAME --role ROLE [--person KEY] [--teams KEY,...] |"
		" user list [--json] |"
		" user disable|enable|passwd|remove NAME [--db PATH]",
		"Users sign in to 'compgap serve' with a name and a password. Each has a\n"
		"role: admin (everything, users and settings included), hr (all people\n"
		"data and the competency library), manager (the reporting line of the\n"
		"person given with --person), coach (the people of the teams given with\n"
		"--teams and their sub-teams), employee (only the person given with\n"
		"--person). docs/security.md explains the roles.\n\n"
		"'user add' and 'user passwd' ask for the password twice on the\n"
		"terminal without showing it, or read one line from standard input when\n"
		"it is not a terminal; never from the command line, which other users\n"
		"of the machine can see. A password has at least 12 characters; any\n"
		"characters will do, but the most common passwords, the user's name, and\n"
		"common words or keyboard runs with only digits or symbols added are\n"
		"refused. Passwords are stored as Argon2id hashes. 'user passwd' ends the\n"
		"user's sessions.\n\n"
		"'user change' gives a user the role, person and teams given (what is\n"
		"left out is taken away). 'user disable' ends the user's sessions at once\n"
		"and keeps them out until 'user enable'; 'user remove' deletes the\n"
		"account (the audit log keeps its name). The last enabled admin cannot be\n"
		"disabled, removed or given another role. Every change is written to the\n"
		"audit log ('compgap audit').\n\n"
		"options:\n" DB_HELP
		"  --role ROLE         add, change: admin, hr, manager, coach or employee\n"
		"  --person KEY        add, change: the person the user is (managers,\n"
		"                      employees)\n"
		"  --teams KEY,...     add, change: the user's teams (coaches)\n"
		"  --json              list: as JSON\n\n"
		"examples:\n  compgap user add anna --role hr\n"
		"  printf '%s\\n' \"$PASSWORD\" | compgap user add jan --role employee --person p042\n"
		"  compgap user disable jan\n",
	},
	{
		"token", cmd_token,
		"create, list or revoke API tokens for integrations",
		"token create NAME --role ROLE [--person KEY] [--teams KEY,...] | token list [--json] |"
		" token revoke NAME [--db PATH]",
		"An API token lets another system (a telephony platform sending quality\n"
		"evaluations, an HR system) call the server's API as 'Authorization:\n"
		"Bearer TOKEN', with the reach of its role, as a user of that role would\n"
		"have it. 'token create' prints the new token once, on standard output:\n"
		"only its SHA-256 hash is stored, so it cannot be shown again; revoke it\n"
		"and create another when it is lost. Every change is written to the\n"
		"audit log.\n\n"
		"options:\n" DB_HELP
		"  --role ROLE         create: admin, hr, manager, coach or employee\n"
		"  --person KEY        create: the person it acts for (manager, employee)\n"
		"  --teams KEY,...     create: its teams (coach)\n"
		"  --json              list: as JSON\n\n"
		"examples:\n  compgap token create telephony --role coach --teams kcc\n"
		"  compgap token revoke telephony\n",
	},
	{
		"audit", cmd_audit,
		"list the audit log: sign-ins, changes to users and tokens, denied requests",
		"audit [--person KEY] [--user NAME] [--since DATE] [--json] [--db PATH]",
		"Lists the audit log, oldest first: when (UTC), who (a user, token:NAME,\n"
		"or cli:NAME for the command line run by that operating-system user),\n"
		"what, on which object, about which person, from which address, and\n"
		"with which outcome. The log is only ever appended to.\n\n"
		"options:\n" DB_HELP
		"  --person KEY   only entries concerning this person\n"
		"  --user NAME    only entries by this user or token:NAME, or about user NAME\n"
		"  --since DATE   only entries on or after DATE (YYYY-MM-DD, or\n"
		"                 YYYY-MM-DDTHH:MM:SSZ)\n"
		"  --json         as JSON\n\n"
		"example:\n  compgap audit --user anna --since 2026-11-01\n",
	},
	{
		"privacy", cmd_privacy,
		"the privacy rights: a person's data exported or erased, old evidence purged",
		"privacy export --person ID [-o FILE] | privacy erase --person ID [--yes] |"
		" privacy purge [--dry-run] [--db PATH]",
		"'privacy export' writes everything stored about one person as one JSON\n"
		"document (the right of access and to data portability): their record,\n"
		"every evidence row about them (retracted ones with the retraction), the\n"
		"rows they recorded as assessor of others (without whom), their users\n"
		"and sessions, API tokens linked to them, and the audit log entries that\n"
		"concern them or were made by their users and tokens. No hash, no token.\n\n"
		"'privacy erase' removes the person in one transaction (the right to\n"
		"erasure): the evidence about them and their running sums, their users,\n"
		"sessions and API tokens; rows they assessed keep their level and note\n"
		"but lose the assessor; their reports lose their manager. It asks for\n"
		"the id to be typed again on a terminal; without a terminal it needs\n"
		"--yes. The audit log keeps older entries (keys, not names) and gets\n"
		"one for the erasure.\n\n"
		"'privacy purge' removes the evidence dated more than\n"
		"evidence_retention_years (a setting; 0, the default, keeps evidence\n"
		"forever and the purge is refused) before today, and recomputes the\n"
		"levels it counted in. docs/security.md, \"Privacy rights\", has it all.\n"
		"Each is written to the audit log.\n\n"
		"options:\n" DB_HELP
		"  --person ID        export, erase: the person\n"
		"  -o, --output FILE  export: write to FILE (default standard output)\n"
		"  --yes              erase: do not ask\n"
		"  --dry-run          purge: only say what would be removed\n\n"
		"examples:\n  compgap privacy export --person KCC-1011 -o KCC-1011.json\n"
		"  compgap privacy erase --person KCC-1011\n"
		"  compgap config set evidence_retention_years 5 && compgap privacy purge --dry-run\n",
	},
	{
		"help", cmd_help,
		"list the commands, or explain one",
		"help [COMMAND]",
		"Without a command, lists all commands; with one, explains it.\n"
		"'compgap COMMAND --help' does the same.\n",
	},
	{
		"version", cmd_version,
		"print the version",
		"version",
		"Prints compgap's version and the schema version it uses.\n",
	},
};

const size_t command_count = sizeof commands / sizeof commands[0];
