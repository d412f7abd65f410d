/* The JSON documents of the analysis (the contract of docs/api.md and
 * `--json`), written with the streaming writer of io/jsonw.h. Unknown
 * values are null; numbers are not rounded. Each function writes one
 * value where the writer stands. */
#ifndef COMPGAP_JSON_H
#define COMPGAP_JSON_H

#include "core/analysis.h"
#include "core/estimate.h"
#include "core/recommend.h"
#include "core/subteams.h"
#include "util/jsonw.h"

/* {"team", "as_of", "competencies": [...], "members": [...], "teams":
 * [{"team", "members": [ids], "competencies": [...]}]}: teams holds the
 * view of each team of s (subteams_build(a)). The members for whom
 * hidden[m] is true (hidden may be NULL: none) are left out of both
 * member lists; the figures are of all. */
void json_team_analysis(struct jw *w, const struct analysis *a, const struct subteams *s,
			const char *team, const bool *hidden);

/* One member: {"person", "name", "role", "fit", "competencies": [...]};
 * with_team adds "team" and "as_of" after "name". */
void json_member(struct jw *w, const struct member_view *v, int32_t as_of, int with_team);

/* The estimate's fields after its level ("evidence", "evidence_weight",
 * "confidence", "self_level", "others_level", "flag"), inside an object. */
void json_estimate_fields(struct jw *w, const struct estimate *e);

/* {"team", "as_of", "recommendations": [{"kind", "competency", "team", "members":
 * [{"person", "name", "team", "gap", "approach"}], "mentor", "key_person",
 * "rule"}]} */
void json_recommendations(struct jw *w, const struct recommendations *r, const char *team,
			  int32_t as_of);

/* One competency line of the team view, as in the team document. */
void json_team_line(struct jw *w, const struct team_line *t);

#endif
