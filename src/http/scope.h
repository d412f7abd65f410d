/* Lists of teams and people as each role may see them (docs/security.md,
 * "Roles and their reach"; http/reach.c answers the same question for one
 * object): a page holds up to `limit` rows that the caller may see, and
 * its cursor leads to the next visible row, however many rows out of
 * reach lie between.
 *
 * How, for each role, without reading the whole organisation for every
 * page when it can be helped:
 *   admin, hr   the store's own page;
 *   coach       the subtrees of their teams (or of ?team=): the store's page
 *               of each subtree, merged in key order;
 *   manager     their reporting line, found by one pass over the people
 *               (key and manager), then a lookup per row of the page;
 *   employee    themselves; no team. */
#ifndef COMPGAP_HTTP_SCOPE_H
#define COMPGAP_HTTP_SCOPE_H

#include <stdbool.h>
#include <stddef.h>

#include "http/http.h"
#include "store/store.h"
#include "util/arena.h"

/* One page of teams or people as the caller may see them. */
struct scope_page {
	enum entity kind;           /* ENTITY_TEAM or ENTITY_PERSON */
	struct team *teams;         /* kind TEAM: n rows, in key order */
	struct person *people;      /* kind PERSON: n rows, in key order */
	size_t n;
	char next[KEY_MAX + 1];     /* the next page's cursor; "" for the last */
};

/* Reads the page q asks for of kind (ENTITY_TEAM or ENTITY_PERSON), only
 * rows within c's reach. q->team, when set, must exist and be within c's
 * reach (http_visible checks it first). Rows and their strings live in a.
 * 0, or -1 with err set: the store's errors, EX_OSERR when a is full,
 * EX_SOFTWARE for another kind. */
int scope_page_read(struct store *st, const struct http_caller *c, enum entity kind,
		    const struct page_query *q, struct arena *a, struct scope_page *out,
		    struct err *err);

/* ---- the pure parts, for the unit tests ---------------------------------- */

/* The index of the first of the sorted (strcmp) keys[0..n) after cursor:
 * 0 for a NULL or empty cursor, n when none follows. */
size_t scope_keys_after(const char *const *keys, size_t n, const char *cursor);

/* The reporting line of head among the people keys[0..n) with their
 * managers[0..n) (NULL: none): head and everyone whose chain of managers
 * reaches head, as indexes into keys in *line (in a), in key order, and
 * their number in *nline. A cycle of managers (which the import refuses)
 * is followed only once. 0, or -1 when a is full. */
int scope_reporting_line(const char *const *keys, const char *const *managers, size_t n,
			 const char *head, struct arena *a, size_t **line, size_t *nline);

/* How many of total rows, gathered in key order from streams that hold
 * each its first rows after the cursor (at most limit of each), make the
 * page: min(total, limit); *more tells whether visible rows follow it
 * (rows were left over, or a stream had more: any_more). */
size_t scope_page_cut(size_t total, size_t limit, bool any_more, bool *more);

#endif
