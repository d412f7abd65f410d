/* What the parts of the team page share (GET /teams/{key}, docs/web.md):
 * team_page.c gathers everything in one read transaction and writes the
 * page's frame, the as-of form, the recommendations and the role
 * profiles; heatmap.c the heatmap and a cell's explanation; charts.c the
 * coverage bars and the trend. Internal to src/web/. */
#ifndef COMPGAP_WEB_TEAM_PARTS_H
#define COMPGAP_WEB_TEAM_PARTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/analysis.h"
#include "core/recommend.h"
#include "util/arena.h"
#include "util/strmap.h"
#include "views/gather.h"
#include "views/views.h"
#include "web/page.h"

/* The orders of the heatmap (?sort=): rows by name and columns by the
 * team's priority; both by name; rows by weighted gap (largest first) and
 * columns by priority. */
enum team_sort {
	SORT_GAP,
	SORT_MEMBER,
	SORT_COMPETENCY
};

/* Everything the team page shows, read before anything is written. */
struct team_page {
	struct page *p;
	const char *team;              /* the key asked for */
	const char *team_name;         /* its name, in arena */
	int32_t as_of;
	const char *as_of_given;       /* ?as_of= as given (kept in links), or NULL */
	enum team_sort sort;
	const struct settings *set;
	struct team_snapshot snap;
	struct analysis a;
	bool analysed;                 /* snap and a hold something to free */
	bool *visible;                 /* per member of a: within the caller's reach */
	size_t nvisible;
	struct rec_context rctx;
	struct recommendations rec;
	bool recommended;              /* rctx and rec hold something to free */
	struct trend tr;
	const char *explain_person;    /* ?explain=PERSON:COMPETENCY, or NULL */
	const char *explain_competency;
	size_t explain_member;         /* its index in a */
	struct explain x;
	bool explained;                /* x holds something to free */
	struct strmap names;           /* competency key -> its name (a char * in arena) */
	struct strmap people;          /* a mentor from elsewhere: key -> name (in arena) */
	struct strmap members;         /* a member of the view: key -> index in a.members */
	struct arena arena;            /* the page's strings; freed whole */
};

/* v in the reader's conventions with decimals, in t's arena ("" when
 * memory ran out). */
const char *team_num(struct team_page *t, double v, int decimals);

/* A date in the reader's long form, in t's arena. */
const char *team_date(struct team_page *t, int32_t days);

/* The name of competency key, or the key when it has none. */
const char *team_competency_name(const struct team_page *t, const char *key);

/* The address of this page with sort s and explain (PERSON:COMPETENCY,
 * or NULL), the given as_of kept; in t's arena. */
const char *team_href(struct team_page *t, enum team_sort s, const char *person,
		      const char *competency);

/* heatmap.c */
void team_heatmap(struct team_page *t);
void team_explanation(struct team_page *t);

/* charts.c */
void team_coverage(struct team_page *t);
void team_trend(struct team_page *t);

#endif
