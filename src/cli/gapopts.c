#include "cli/gapopts.h"

#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "util/date.h"
#include "views/views.h"

static int parse_date_option(const struct command *cmd, const char *name, const char *text,
			     int32_t *out)
{
	if (date_parse(text, out) < 0)
		return cli_usage(cmd, "%s takes a date YYYY-MM-DD that exists, not '%s'", name, text);
	return 0;
}

int gap_options_parse(const struct command *cmd, int argc, char **argv, unsigned what,
		      struct gap_options *o)
{
	const char *as_of = NULL, *from = NULL, *to = NULL;
	struct option opts[8];
	char *pos[1];
	int n = 0, npos, rc;

	memset(o, 0, sizeof *o);
	opts[n++] = (struct option){ "--json", NULL, NULL, &o->json };
	if (what & GAPOPT_RANGE) {
		opts[n++] = (struct option){ "--from", NULL, &from, NULL };
		opts[n++] = (struct option){ "--to", NULL, &to, NULL };
		opts[n++] = (struct option){ "--competency", NULL, &o->competency, NULL };
	} else {
		opts[n++] = (struct option){ "--as-of", NULL, &as_of, NULL };
	}
	if (what & GAPOPT_TEAM)
		opts[n++] = (struct option){ "--team", NULL, &o->team, NULL };
	if (what & GAPOPT_OUTPUT)
		opts[n++] = (struct option){ "--output", "-o", &o->output, NULL };
	opts[n] = (struct option){ NULL, NULL, NULL, NULL };
	rc = cli_parse(cmd, argc, argv, opts, &o->db, pos, (what & GAPOPT_PERSON) ? 1 : 0, &npos);
	if (rc != 0)
		return rc;
	if ((what & GAPOPT_PERSON) && npos != 1)
		return cli_usage(cmd, "name the person by their id");
	if (what & GAPOPT_PERSON)
		o->person = pos[0];
	if ((what & GAPOPT_TEAM) && o->team == NULL)
		return cli_usage(cmd, "name the team with --team KEY ('compgap list teams' lists them)");
	if ((what & GAPOPT_OUTPUT) && o->output == NULL)
		return cli_usage(cmd, "name the output file with -o FILE");
	o->as_of = date_today();
	if (as_of != NULL && (rc = parse_date_option(cmd, "--as-of", as_of, &o->as_of)) != 0)
		return rc;
	if (what & GAPOPT_RANGE) {
		if (from == NULL || to == NULL)
			return cli_usage(cmd, "give the range with --from DATE and --to DATE");
		if ((rc = parse_date_option(cmd, "--from", from, &o->from)) != 0 ||
		    (rc = parse_date_option(cmd, "--to", to, &o->to)) != 0)
			return rc;
		if (o->from > o->to)
			return cli_usage(cmd, "--from %s is after --to %s", from, to);
	}
	return 0;
}

int gap_options_open(const struct gap_options *o, struct store **st, struct team_snapshot *snap,
		     struct analysis *a, struct err *err)
{
	int rc = cli_open_store(o->db, STORE_SNAPSHOT, st);

	if (rc != 0)
		return rc;
	if (view_analyse(*st, o->team, o->person, o->as_of, snap, a, err) < 0) {
		store_close(*st);
		*st = NULL;
		return cli_fail(err);
	}
	return 0;
}

void gap_options_close(struct store *st, struct team_snapshot *snap, struct analysis *a)
{
	if (st == NULL)
		return;
	view_analysis_free(snap, a);
	store_close(st);
}

int gap_json_view(const struct gap_options *o, enum gap_view which)
{
	struct store *st = NULL;
	struct err err = { 0 };
	struct jw w;
	int rc = cli_open_store(o->db, STORE_SNAPSHOT, &st);

	if (rc != 0)
		return rc;
	jw_init(&w, stdout, 0);
	switch (which) {
	case GAP_VIEW_GAPS:
		rc = view_team_gaps(st, o->team, o->as_of, NULL, &w, &err);
		break;
	case GAP_VIEW_RECOMMENDATIONS:
		rc = view_team_recommendations(st, o->team, o->as_of, NULL, &w, &err);
		break;
	case GAP_VIEW_TREND:
		rc = view_team_trend(st, o->team, o->from, o->to, o->competency, &w, &err);
		break;
	case GAP_VIEW_PERSON:
		rc = view_person(st, o->person, o->as_of, &w, &err);
		break;
	}
	if (rc < 0) {
		/* Nothing was written (the views read everything first),
		 * and finishing would print the newline. */
		buf_free(&w.out);
		rc = cli_fail(&err);
	} else {
		rc = gap_json_done(&w);
	}
	store_close(st);
	return rc;
}

int gap_json_done(struct jw *w)
{
	if (jw_finish(w) < 0) {
		fprintf(stderr, "compgap: cannot write the JSON document to standard output\n");
		return EX_IOERR;
	}
	return 0;
}
