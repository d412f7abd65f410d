/* Coaching sessions as JSON (docs/api.md, "Coaching sessions"): the
 * document POST /api/v1/coaching and `compgap coaching add` read, and the
 * documents GET /api/v1/coaching/{key}, GET /api/v1/people/{key}/coaching
 * and the command line's --json write, from the same functions. */
#ifndef COMPGAP_IO_COACHING_JSON_H
#define COMPGAP_IO_COACHING_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "io/entities.h"
#include "store/coaching.h"
#include "util/arena.h"
#include "util/jsonw.h"

/* Parses a session document (body, len bytes) into out, its strings in
 * a: {"key"?, "coach"?, "date", "topic"?, "agents" (or "agent"),
 * "evaluations"?, "notes"?, "items"?, "follow_ups"?}, then coach_check.
 * 0, or -1 with fe naming the field. A missing coach is left NULL for
 * the caller to fill in. */
int coaching_json_parse(const char *body, size_t len, struct arena *a,
			struct coach_session *out, struct field_error *fe);

/* Which agents' parts of a session the reader sees: shows(ctx, agent)
 * true. NULL: everything. */
struct coach_filter {
	bool (*shows)(void *ctx, const char *agent);
	void *ctx;
};

/* Writes session s as its document; items open and overdue as of today.
 * The parts about agents f does not show are left out: their names,
 * evaluations, notes, items and follow-ups. */
void coaching_json_session(struct jw *w, const struct coach_session *s,
			   const struct coach_filter *f, int32_t today);

/* Writes person's coaching: {"person", "sessions": [...], "open_items":
 * [...], "items": [...]} (every item, open_items those not done). */
void coaching_json_person(struct jw *w, const char *person, const struct coach_brief *sessions,
			  size_t nsessions, const struct coach_item *items, size_t nitems,
			  int32_t today);

/* Writes team's sessions: {"team", "sessions": [{..., "agents"}]}. */
void coaching_json_team(struct jw *w, const char *team, const struct coach_brief *sessions,
			size_t n);

/* Whether item is overdue as of today: open and its follow-up date past. */
bool coach_item_overdue(const struct coach_item *item, int32_t today);

#endif
