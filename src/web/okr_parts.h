/* What the OKR pages share (docs/web.md, "OKRs"): web/okr_page.c writes
 * the boards (GET /teams/{key}/okr, GET /okr) and takes the check-in
 * form, web/okr_review_page.c the quarterly review, web/okr_people.c the
 * people a competency key result counts, web/okr_chart.c a key result's
 * forecast chart. Internal to src/web/. */
#ifndef COMPGAP_WEB_OKR_PARTS_H
#define COMPGAP_WEB_OKR_PARTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "views/okr.h"
#include "web/page.h"

/* What was typed into a key result's check-in form, and its errors. */
struct okr_form {
	const char *key_result;      /* the form's key result */
	const char *date, *value, *confidence, *note;
	const char *date_error, *value_error, *confidence_error, *note_error;
	const char *message;         /* about the whole request, or NULL */
};

/* The translated name of a status. */
const char *okr_status_label(enum lang l, enum okr_status s);

/* v, a value of kr, as the reader reads it into b (a share as a
 * percentage, a number in the reader's conventions with its unit); "–"
 * for NAN. Returns buf_str(b). */
struct buf;
const char *okr_value_text(const struct page *p, struct buf *b, const struct key_result *kr,
			   double v);

/* A fraction as a whole percentage into b ("–" for NAN). */
const char *okr_percent_text(const struct page *p, struct buf *b, double v);

/* A day in the reader's conventions into b. */
const char *okr_date_text(const struct page *p, struct buf *b, int32_t day);

/* The progress bar of a progress (0..1, NAN none) with the expected
 * marker (NAN: none) and its status in words beside it: the colour is
 * never the only sign. */
void okr_progress_bar(struct page *p, double progress, double expected, bool has_status,
		      enum okr_status status);

/* The forecast chart of k (of the view's objective o): the history's
 * points, the fitted line from the first point to the end, the target as
 * a horizontal line; an SVG with a title and description, or nothing
 * when there are fewer than two points. (web/okr_chart.c) */
void okr_forecast_chart(struct page *p, const struct objective *o,
			const struct okr_kr_view *k);

/* The forecast in words: "At this pace: X by the end; the target is
 * reached on D." or "... never at this pace", or that there are too few
 * values yet. */
void okr_forecast_text(struct page *p, const struct objective *o, const struct okr_kr_view *k);

/* Whether the caller may read the objectives of team (NULL: the
 * organisation's), and the team's name into *name (NULL for the
 * organisation): 1 readable, 0 not (an unknown team, or out of reach:
 * a 404), -1 failed. */
int okr_page_readable(struct http_ctx *cx, struct store *st, const char *team,
		      const char **name, struct err *err);

/* The board's page for team (NULL: the organisation) as the caller may
 * see it, f the check-in form to show again with its errors (NULL:
 * none), answered with status. (web/okr_page.c) */
int okr_board_answer(struct http_ctx *cx, const char *team, const struct okr_form *f,
		     int status);

#endif
