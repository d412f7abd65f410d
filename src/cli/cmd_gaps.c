/* gaps, person, explain: the gap analysis on the command line, as tables
 * on a terminal or as the JSON documents of io/json.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/gapopts.h"
#include "cli/table.h"
#include "core/analysis.h"
#include "core/subteams.h"
#include "io/export.h"
#include "io/json.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/percent.h"
#include "views/views.h"

/* ANSI colours, only on a terminal and unless NO_COLOR is set. */
struct colours {
	const char *bad, *warn, *good, *dim, *off;
};

static struct colours colours_for(FILE *out)
{
	static const struct colours on = { "\033[31m", "\033[33m", "\033[32m", "\033[2m", "\033[0m" };
	static const struct colours none = { "", "", "", "", "" };

	return isatty(fileno(out)) && getenv("NO_COLOR") == NULL ? on : none;
}

static void format_number(char *out, size_t n, int has, double v, int decimals)
{
	if (has)
		(void)snprintf(out, n, "%.*f", decimals, v);
	else
		(void)snprintf(out, n, "?");
}

static void print_team_table(const struct analysis *a, const struct colours *c)
{
	static const char *const headers[] = {
		"COMPETENCY", "NEED", "ASSESSED", "MEET", "COVERAGE", "MEAN GAP", "PRIORITY", "NOTE"
	};
	struct table t;

	table_init(&t, 8, headers, 0x7E);
	for (size_t i = 0; i < a->ncompetencies; i++) {
		const struct team_line *l = &a->competencies[i];
		char need[24], assessed[24], meet[24], cov[24], gap[24], prio[24], note[96] = "";
		const char *cells[] = { l->competency, need, assessed, meet, cov, gap, prio, note };

		(void)snprintf(need, sizeof need, "%ld", l->required);
		(void)snprintf(assessed, sizeof assessed, "%ld", l->assessed);
		(void)snprintf(meet, sizeof meet, "%ld", l->meeting);
		(void)snprintf(cov, sizeof cov, "%ld%%", percent_round(l->coverage));
		format_number(gap, sizeof gap, l->has_mean_gap, l->mean_gap, 2);
		format_number(prio, sizeof prio, 1, l->priority, 2);
		if (l->meeting == 0)
			(void)snprintf(note, sizeof note, "nobody meets it");
		else if (l->key_person_risk)
			(void)snprintf(note, sizeof note, "only one meets it (key-person risk)");
		if (l->unassessed > 0)
			(void)snprintf(note + strlen(note), sizeof note - strlen(note), "%s%ld unassessed",
				       note[0] ? "; " : "", l->unassessed);
		(void)table_add_coloured(&t, cells, l->coverage < 0.5 ? c->bad :
					 l->coverage < 1 || l->key_person_risk ? c->warn : NULL, c->off);
	}
	table_print(&t, stdout);
}

/* A shortfall as the table shows it: "-0.36", or "<0.01" for a gap that
 * two decimals would show as 0.00 (the member still does not meet it). */
static void format_shortfall(char *out, size_t n, double gap)
{
	(void)snprintf(out, n, "%.2f", gap);
	if (strcmp(out, "0.00") == 0)
		(void)snprintf(out, n, "<0.01");
	else
		(void)snprintf(out, n, "-%.2f", gap);
}

/* A member's line in the team table: fit, blind spots and hidden
 * strengths, and what falls short (only that: a flag is not a shortfall). */
static void print_members(const struct analysis *a, const struct colours *c)
{
	static const char *const headers[] = {
		"PERSON", "NAME", "ROLE", "FIT", "FLAGS", "SHORT OF THE ROLE"
	};
	struct table t;
	struct buf flags, shortfall;

	table_init(&t, 6, headers, 0x8);
	buf_init(&flags, SIZE_MAX);
	buf_init(&shortfall, SIZE_MAX);
	for (size_t m = 0; m < a->nmembers; m++) {
		const struct member_view *v = &a->members[m];
		char fit[24];
		size_t unassessed = 0;
		double worst = 0;

		buf_reset(&flags);
		buf_reset(&shortfall);
		if (v->has_fit)
			(void)snprintf(fit, sizeof fit, "%ld%%", percent_round(v->fit));
		else
			(void)snprintf(fit, sizeof fit, "?");
		for (size_t i = 0; i < v->nlines; i++) {
			const struct member_line *l = &v->lines[i];
			char gap[24];

			if (!l->est.assessed) {
				unassessed++;
				continue;
			}
			if (l->gap > worst)
				worst = l->gap;
			if (l->est.flag != FLAG_NONE)
				(void)buf_printf(&flags, "%s%s %s", flags.len ? ", " : "", l->competency,
						 l->est.flag == FLAG_BLIND_SPOT ? "blind spot" : "hidden strength");
			if (l->meets)
				continue;
			format_shortfall(gap, sizeof gap, l->gap);
			(void)buf_printf(&shortfall, "%s%s %s", shortfall.len ? ", " : "", l->competency, gap);
		}
		if (unassessed > 0)
			(void)buf_printf(&shortfall, "%s%zu unassessed", shortfall.len ? "; " : "", unassessed);
		if (v->member->role == NULL) {
			buf_reset(&shortfall);
			(void)buf_adds(&shortfall, "no function profile");
		}
		{
			const char *cells[] = { v->member->key, v->member->name, v->member->role, fit,
						buf_str(&flags), buf_str(&shortfall) };

			(void)table_add_coloured(&t, cells, worst >= 1 ? c->bad : worst > 0 ? c->warn : NULL,
						 c->off);
		}
	}
	table_print(&t, stdout);
	buf_free(&flags);
	buf_free(&shortfall);
}

/* Each team's own findings, which the department's lines average away
 * (docs/methodology.md, "Departments"): who meets nothing, who alone
 * meets, and each competency's coverage, in the team's order. */
static void print_subteams(const struct subteams *s)
{
	struct buf nobody, risk, cover;

	buf_init(&nobody, SIZE_MAX);
	buf_init(&risk, SIZE_MAX);
	buf_init(&cover, SIZE_MAX);
	printf("\nTeams: each team's own findings ('compgap gaps --team KEY' shows one in full)\n");
	for (size_t i = 0; i < s->n; i++) {
		const struct subteam *t = &s->items[i];
		struct table tab;

		buf_reset(&nobody);
		buf_reset(&risk);
		buf_reset(&cover);
		for (size_t k = 0; k < t->ncompetencies; k++) {
			const struct team_line *l = &t->competencies[k];

			if (l->meeting == 0)
				(void)buf_printf(&nobody, "%s%s", nobody.len ? ", " : "", l->competency);
			if (l->key_person_risk) {
				const struct member_view *v = analysis_key_person(t->members, t->nmembers,
										  l->competency);

				(void)buf_printf(&risk, "%s%s (only %s)", risk.len ? ", " : "", l->competency,
						 v != NULL ? v->member->key : "?");
			}
			(void)buf_printf(&cover, "%s%s %ld%%", cover.len ? ", " : "", l->competency,
					 percent_round(l->coverage));
		}
		printf("\n%s: %zu member%s\n", t->team ? t->team : "no team", t->nmembers,
		       t->nmembers == 1 ? "" : "s");
		table_init(&tab, 2, NULL, 0);
		tab.indent = "  ";
		(void)table_add(&tab, (const char *[]){ "nobody meets", nobody.len ? buf_str(&nobody) : "none" });
		(void)table_add(&tab, (const char *[]){ "key-person risk", risk.len ? buf_str(&risk) : "none" });
		(void)table_add(&tab, (const char *[]){ "coverage",
				cover.len ? buf_str(&cover) : "no member's role requires any competency" });
		table_print(&tab, stdout);
	}
	buf_free(&nobody);
	buf_free(&risk);
	buf_free(&cover);
}

int cmd_gaps(const struct command *cmd, int argc, char **argv)
{
	struct gap_options o;
	struct store *st = NULL;
	struct err err = { 0 };
	struct team_snapshot snap;
	struct analysis a;
	struct subteams teams;
	struct colours c = colours_for(stdout);
	char date[DATE_ISO_LEN + 1];
	int rc;

	rc = gap_options_parse(cmd, argc, argv, GAPOPT_TEAM, &o);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	if (o.json)
		return gap_json_view(&o, GAP_VIEW_GAPS);
	rc = gap_options_open(&o, &st, &snap, &a, &err);
	if (rc != 0)
		return rc;
	if (subteams_build(&a, &teams) < 0) {
		err_set(&err, EX_OSERR, "out of memory");
		rc = cli_fail(&err);
	} else {
		date_format(o.as_of, date);
		printf("Team %s: %zu member%s, as of %s\n\n", o.team, a.nmembers,
		       a.nmembers == 1 ? "" : "s", date);
		if (a.ncompetencies == 0)
			printf("No member's role requires any competency.\n");
		else
			print_team_table(&a, &c);
		if (a.nmembers > 0) {
			putchar('\n');
			print_members(&a, &c);
		}
		if (teams.n > 1)
			print_subteams(&teams);
	}
	subteams_free(&teams);
	gap_options_close(st, &snap, &a);
	return rc;
}

static void print_person(const struct member_view *v, int32_t as_of)
{
	static const char *const headers[] = {
		"COMPETENCY", "REQUIRED", "WEIGHT", "LEVEL", "GAP", "CONFIDENCE", "EVIDENCE", "SELF",
		"OTHERS", "FLAG"
	};
	char date[DATE_ISO_LEN + 1];
	struct table t;

	date_format(as_of, date);
	printf("%s (%s), %s in %s, as of %s\n", v->member->name, v->member->key,
	       v->member->role ? v->member->role : "no function profile",
	       v->member->team ? v->member->team : "no team", date);
	if (v->has_fit)
		printf("profile fit %ld%%\n\n", percent_round(v->fit));
	else
		printf("profile fit unknown: no required competency is assessed\n\n");
	if (v->nlines == 0) {
		printf("Their role requires no competency.\n");
		return;
	}
	table_init(&t, 10, headers, 0xFE);
	for (size_t i = 0; i < v->nlines; i++) {
		const struct member_line *l = &v->lines[i];
		const struct estimate *e = &l->est;
		char req[24], w[24], lev[24], gap[24], conf[24], n[24], self[24], oth[24];
		const char *flag = estimate_flag_name(e->flag);
		const char *cells[] = { l->competency, req, w, lev, gap, conf, n, self, oth,
					flag ? flag : (e->assessed ? "" : "unassessed") };

		(void)snprintf(req, sizeof req, "%d", l->required_level);
		(void)snprintf(w, sizeof w, "%d", l->weight);
		format_number(lev, sizeof lev, e->assessed, e->level, 2);
		format_number(gap, sizeof gap, e->assessed, l->gap, 2);
		format_number(conf, sizeof conf, 1, e->confidence, 2);
		(void)snprintf(n, sizeof n, "%ld", e->evidence);
		format_number(self, sizeof self, e->has_self, e->self_level, 2);
		format_number(oth, sizeof oth, e->has_others, e->others_level, 2);
		(void)table_add(&t, cells);
	}
	table_print(&t, stdout);
}

int cmd_person(const struct command *cmd, int argc, char **argv)
{
	struct gap_options o;
	struct store *st = NULL;
	struct err err = { 0 };
	struct team_snapshot snap;
	struct analysis a;
	int rc;

	rc = gap_options_parse(cmd, argc, argv, GAPOPT_PERSON, &o);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	if (o.json)
		return gap_json_view(&o, GAP_VIEW_PERSON);
	rc = gap_options_open(&o, &st, &snap, &a, &err);
	if (rc != 0)
		return rc;
	print_person(&a.members[0], o.as_of);
	gap_options_close(st, &snap, &a);
	return rc;
}

int cmd_explain(const struct command *cmd, int argc, char **argv)
{
	static const char *const headers[] = {
		"ID", "DATE", "SOURCE", "LEVEL", "AGE", "SOURCE W", "DECAY", "WEIGHT", "W x LEVEL",
		"EVALUATION"
	};
	const char *db, *person = NULL, *competency = NULL, *as_of_text = NULL;
	bool json = false;
	const struct option opts[] = {
		{ "--person", NULL, &person, NULL },
		{ "--competency", NULL, &competency, NULL },
		{ "--as-of", NULL, &as_of_text, NULL },
		{ "--json", NULL, NULL, &json },
		{ NULL, NULL, NULL, NULL },
	};
	char *pos[1];
	int npos, rc;
	int32_t as_of;
	struct store *st = NULL;
	struct err err = { 0 };
	struct explain x;
	const struct estimate *e = &x.est;
	const struct settings *set;

	rc = cli_parse(cmd, argc, argv, opts, &db, pos, 0, &npos);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	if (person == NULL || competency == NULL)
		return cli_usage(cmd, "name both --person ID and --competency KEY");
	as_of = date_today();
	if (as_of_text != NULL && date_parse(as_of_text, &as_of) < 0)
		return cli_usage(cmd, "--as-of takes a date YYYY-MM-DD that exists, not '%s'", as_of_text);
	rc = cli_open_store(db, STORE_SNAPSHOT, &st);
	if (rc != 0)
		return rc;
	if (explain_gather(st, person, competency, as_of, &x, &err) < 0) {
		rc = cli_fail(&err);
		goto out;
	}
	set = store_settings(st);
	if (json) {
		struct jw w;

		jw_init(&w, stdout, 0);
		explain_json(&w, &x, set);
		rc = gap_json_done(&w);
	} else {
		char date[DATE_ISO_LEN + 1];
		struct table t;

		date_format(as_of, date);
		printf("%s on %s as of %s (half-life %g days)\n\n", person, competency, date, set->half_life);
		/* The evaluation a row came from, in a column of its own when
		 * any row came from one. */
		bool linked = false;

		for (size_t i = 0; i < x.n; i++)
			linked |= x.evaluation != NULL && x.evaluation[i] != NULL;
		table_init(&t, linked ? 10 : 9, headers, 0x1F9);
		for (size_t i = 0; i < x.n; i++) {
			struct row_weight rw;
			char rid[24], d[DATE_ISO_LEN + 1], lev[32], age[24], sw[24], dec[24], w[24], wl[24];
			const char *ev = x.evaluation != NULL && x.evaluation[i] != NULL ? x.evaluation[i] : "";
			const char *cells[] = { rid, d, source_name(x.rows[i].source), lev, age, sw, dec, w, wl,
						ev };

			estimate_row_weight(&x.rows[i], set, as_of, &rw);
			(void)snprintf(rid, sizeof rid, "%lld", (long long)x.rows[i].id);
			date_format(x.rows[i].date, d);
			export_format_level(x.rows[i].level, x.rows[i].level_decimals, lev);
			(void)snprintf(age, sizeof age, "%d", rw.age);
			(void)snprintf(sw, sizeof sw, "%.2f", rw.source_weight);
			if (rw.counted) {
				(void)snprintf(dec, sizeof dec, "%.4f", rw.decay);
				(void)snprintf(w, sizeof w, "%.4f", rw.weight);
				(void)snprintf(wl, sizeof wl, "%.4f", rw.weight * x.rows[i].level);
			} else {
				(void)snprintf(dec, sizeof dec, "later");
				(void)snprintf(w, sizeof w, "0");
				(void)snprintf(wl, sizeof wl, "0");
			}
			(void)table_add(&t, cells);
		}
		if (x.n == 0) {
			printf("No evidence: the level is unknown (unassessed).\n");
			table_free(&t);
		} else {
			table_print(&t, stdout);
			if (e->assessed)
				printf("\nlevel = %.4f / %.4f = %.4f; evidence weight %.4f, confidence %.4f / (%.4f + 1) = %.4f\n",
				       x.sum_weighted_level, x.sum_weight, e->level, e->evidence_weight,
				       e->evidence_weight, e->evidence_weight, e->confidence);
			else
				printf("\nNo row on or before %s: the level is unknown (unassessed).\n", date);
			if (e->has_self && e->has_others)
				printf("self %.4f, others %.4f%s\n", e->self_level, e->others_level,
				       e->flag == FLAG_BLIND_SPOT ? ": a blind spot" :
				       e->flag == FLAG_HIDDEN_STRENGTH ? ": a hidden strength" : "");
		}
		rc = 0;
	}
out:
	explain_free(&x);
	store_close(st);
	return rc;
}
