/* What the analysis commands (gaps, person, recommend, trend, report)
 * share: their options, opening the store and analysing a snapshot. */
#ifndef COMPGAP_GAPOPTS_H
#define COMPGAP_GAPOPTS_H

#include <stdbool.h>

#include "cli/cli.h"
#include "core/analysis.h"
#include "util/jsonw.h"

/* Which options a command takes besides --as-of, --json and --db. */
enum {
	GAPOPT_TEAM = 1 << 0,      /* --team KEY, required */
	GAPOPT_PERSON = 1 << 1,    /* a person's id as the argument */
	GAPOPT_OUTPUT = 1 << 2,    /* -o FILE, required */
	GAPOPT_RANGE = 1 << 3      /* --from DATE --to DATE [--competency KEY], no --as-of */
};

struct gap_options {
	const char *db, *team, *person, *output, *competency;
	bool json;
	int32_t as_of;             /* --as-of, default today */
	int32_t from, to;          /* --from, --to */
};

/* Parses the options; returns 0, -1 after --help, or a usage status. */
int gap_options_parse(const struct command *cmd, int argc, char **argv, unsigned what,
		      struct gap_options *o);

/* Opens the store and analyses the team or person of o as of o->as_of.
 * Returns 0, or prints the problem and returns its exit status (then
 * nothing is left open). */
int gap_options_open(const struct gap_options *o, struct store **st, struct team_snapshot *snap,
		     struct analysis *a, struct err *err);

/* Frees what gap_options_open made. */
void gap_options_close(struct store *st, struct team_snapshot *snap, struct analysis *a);

/* The documents gap_json_view writes. */
enum gap_view {
	GAP_VIEW_GAPS,             /* --team, --as-of */
	GAP_VIEW_RECOMMENDATIONS,  /* --team, --as-of */
	GAP_VIEW_TREND,            /* --team, --from, --to, --competency */
	GAP_VIEW_PERSON            /* the person, --as-of */
};

/* Opens the store and writes the document of views/views.h named by
 * which to standard output, for o. Returns an exit status, after a
 * message when it failed. */
int gap_json_view(const struct gap_options *o, enum gap_view which);

/* Finishes a JSON document that was begun with jw_init(w, stdout, 0);
 * returns an exit status, after a message when the output failed. */
int gap_json_done(struct jw *w);

#endif
