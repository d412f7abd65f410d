/* Development plans as JSON (docs/api.md, "Development plans"): the
 * document of `compgap plan list --json` and GET /api/v1/people/{key}/plan,
 * and an action's object, which the privacy export holds too. */
#ifndef COMPGAP_IO_PLAN_JSON_H
#define COMPGAP_IO_PLAN_JSON_H

#include <stddef.h>
#include <stdint.h>

#include "store/plans.h"
#include "util/jsonw.h"

/* One action as a JSON object, overdue as of today. */
void plan_action_json(struct jw *w, const struct plan_action *a, int32_t today);

/* The plan document: {"person", "today", "actions": [...]}. */
void plan_json(struct jw *w, const char *person, const struct plan_action *v, size_t n,
	       int32_t today);

#endif
