/* The JSON documents of the analysis (the contract of docs/api.md and
 * `--json`): built with jansson, which escapes every string. Unknown
 * values are null; numbers are not rounded. Each function returns a new
 * reference (json_decref frees it), or NULL when memory is exhausted. */
#ifndef COMPGAP_JSON_H
#define COMPGAP_JSON_H

#include <jansson.h>
#include <stdio.h>

#include "core/analysis.h"
#include "core/estimate.h"
#include "core/recommend.h"

/* {"team", "as_of", "competencies": [...], "members": [...]} */
json_t *json_team_analysis(const struct analysis *a, const char *team);

/* One member: {"person", "name", "role", "fit", "competencies": [...]};
 * with_team adds "team" and "as_of". */
json_t *json_member(const struct member_view *v, int32_t as_of, int with_team);

/* The estimate fields of one line ("level", "evidence", "evidence_weight",
 * "confidence", "self_level", "others_level", "flag") added to obj. */
int json_add_estimate(json_t *obj, const struct estimate *e);

/* A date as "YYYY-MM-DD". */
json_t *json_date(int32_t days);

/* A number, or null when has is false. */
json_t *json_number_or_null(int has, double v);

/* {"team", "as_of", "recommendations": [{"kind", "competency", "members":
 * [{"person", "name", "team", "gap", "approach"}], "mentor", "key_person",
 * "rule"}]} */
json_t *json_recommendations(const struct recommendations *r, const char *team, int32_t as_of);

/* One competency line of the team view, as in the team document. */
json_t *json_team_line(const struct team_line *t);

/* Writes doc to out, indented, with a final newline. 0 or -1. */
int json_write(json_t *doc, FILE *out);

#endif
