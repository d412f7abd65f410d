/* What the parts of the report share: report.c writes the page and its
 * text sections, report_tables.c the heatmaps and coverage tables,
 * report_charts.c the SVG charts. Internal to src/io/report*.c. */
#ifndef COMPGAP_REPORT_PARTS_H
#define COMPGAP_REPORT_PARTS_H

#include <stdbool.h>
#include <stdio.h>

#include "core/subteams.h"
#include "io/report.h"

/* The name of person key: a member's of the analysis, else one of
 * in->people; NULL when unknown. */
const char *report_person_name(const struct report_input *in, const char *key);

/* Writes "Name (KEY)", escaped, the key in a span of class "id"; the key
 * alone when the name is unknown (name NULL: looked up). */
void report_person(FILE *out, const struct report_input *in, const char *key, const char *name);

/* Writes a team's heading text: "Name (key)", or "Members without a team"
 * for a NULL key. */
void report_team(FILE *out, const struct report_input *in, const char *key);

/* A heatmap per team of s, each under a heading, columns in the order of
 * a's team view; with the legend. */
void report_heatmaps(FILE *out, const struct report_input *in, const struct subteams *s);

/* A coverage table of the n team lines of members[0..nmembers): a bar
 * and "x of y (p%)" per competency, and what is notable (nobody meets it,
 * who the key person is, unassessed). short_only: only the competencies
 * that not everyone who needs them meets, the others named after it. */
void report_coverage(FILE *out, const struct report_input *in, const struct team_line *lines,
		     size_t n, const struct member_view *const *members, size_t nmembers,
		     bool short_only);

/* A person's radar chart (required against current levels) with their
 * name and fit. */
void report_radar(FILE *out, const struct report_input *in, const struct member_view *v);

/* The trend of the most urgent competencies of now, from the first month
 * with evidence; nothing when fewer than two months have any. */
void report_trend(FILE *out, const struct trend *tr, const struct analysis *now);

#endif
