/* The command table: name, handler, one-line summary, usage and help, side
 * by side as in Fossil, so that `compgap help` is generated from it. */
#include "cli/commands.h"

#define DB_HELP \
	"  --db PATH   the database (else $COMPGAP_DB, else ./compgap.db)\n"

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
		"import KIND FILE [--db PATH] [--max-errors N]",
		"Reads FILE (- for standard input) in the CSV format of KIND and stores it\n"
		"in one transaction: when any row is bad nothing is stored, and every\n"
		"problem is printed as FILE:LINE: COLUMN: WHAT (exit status 65).\n"
		"Teams, people, competencies and roles are inserted or updated by key;\n"
		"the indicators of each competency in the file replace its earlier ones;\n"
		"evidence rows are appended. Import in this order: teams, competencies,\n"
		"indicators, roles, people, evidence. docs/csv-formats.md has the formats.\n\n"
		"kinds and their columns (* required):\n"
		"  teams          key*, name*, parent\n"
		"  people         id*, name*, email, team, role, manager, active\n"
		"  competencies   key*, name*, category, description, developability\n"
		"  indicators     competency*, level*, indicator*\n"
		"  roles          role*, competency*, required_level*, weight\n"
		"  evidence       person*, competency*, level*, source*, date*, assessor, note\n\n"
		"options:\n" DB_HELP
		"  --max-errors N   print at most N problems (default: all)\n\n"
		"example:\n  compgap import people people.csv\n",
	},
	{
		"export", cmd_export,
		"write teams, people, competencies, indicators, roles or evidence as CSV",
		"export KIND [-o FILE] [--lf] [--db PATH]",
		"Writes all rows of KIND in the format that import reads, so that an\n"
		"export imported again gives the same data. Cells that a spreadsheet\n"
		"would take for a formula (beginning with = + - @ or a tab) are prefixed\n"
		"with a single quote, which import removes again. Retracted evidence is\n"
		"left out. Lines end with CRLF, as RFC 4180 has it, unless --lf.\n\n"
		"options:\n" DB_HELP
		"  -o, --output FILE   write to FILE (replaced only when the export succeeds)\n"
		"  --lf                end lines with LF\n\n"
		"example:\n  compgap export evidence -o evidence.csv\n",
	},
	{
		"retract", cmd_retract,
		"retract an evidence row that was wrong",
		"retract ID --reason TEXT [--db PATH]",
		"Marks evidence row ID (as listed by 'compgap show person') as retracted.\n"
		"Evidence is never edited or deleted: the row and the reason stay, and\n"
		"every figure leaves the row out from then on. To correct a level, retract\n"
		"the row and import the right one.\n\n"
		"options:\n" DB_HELP
		"  --reason TEXT   why the row is wrong (required)\n\n"
		"example:\n  compgap retract 1234 --reason \"entered for the wrong person\"\n",
	},
	{
		"demo", cmd_demo,
		"create the demo organisation: a municipal customer-contact centre",
		"demo [--db PATH]",
		"Fills an empty database with a municipal customer-contact centre: a\n"
		"department with four teams (phone, desk, online and chat, back office),\n"
		"about 40 people, five function profiles, a library of 14 competencies\n"
		"with indicators and level descriptors, and 12 months of evidence from\n"
		"every source. It is built from a fixed seed, so it is the same on every\n"
		"machine, and it has real gaps to find. Refuses a database that holds\n"
		"people already.\n\n"
		"options:\n" DB_HELP "\n"
		"example:\n  compgap demo --db demo.db\n",
	},
	{
		"list", cmd_list,
		"list teams, people, competencies or roles",
		"list teams|people|competencies|roles [--team KEY] [--db PATH]",
		"Prints a table of what is stored: teams as a tree with their members,\n"
		"people with their team, role and manager, the competency library, or\n"
		"the function profiles with their required levels and weights.\n\n"
		"options:\n" DB_HELP
		"  --team KEY   people: only the members of team KEY and its sub-teams\n\n"
		"example:\n  compgap list people --team phone\n",
	},
	{
		"show", cmd_show,
		"show one person or one competency in full",
		"show person ID | show competency KEY [--all] [--db PATH]",
		"show person ID: the person's details, the competencies their role\n"
		"requires with how much evidence there is, and their evidence rows\n"
		"(the most recent 20, or all with --all), with the ids that 'compgap\n"
		"retract' takes.\n"
		"show competency KEY: the definition, behavioural indicators, level\n"
		"descriptors, and which roles require it at which level.\n\n"
		"options:\n" DB_HELP
		"  --all   show every evidence row\n\n"
		"example:\n  compgap show person KCC-1004\n",
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
