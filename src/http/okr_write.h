/* OKRs over HTTP (http/okr_api.c; docs/api.md, "OKRs"; docs/security.md,
 * "OKRs"): who may read a board and who may change an objective, and the
 * one write path that the API and the board pages (web/okr_page.c,
 * web/okr_review_page.c) share: the read check, the role's right, the
 * write and its audit entry in one transaction, a refusal logged after. */
#ifndef COMPGAP_HTTP_OKR_WRITE_H
#define COMPGAP_HTTP_OKR_WRITE_H

#include <stdbool.h>
#include <stdint.h>

#include "http/handler.h"
#include "store/okr.h"

/* Whether the caller may read the board of team (NULL: the
 * organisation's), a stored team: everyone signed in the organisation's;
 * a team's those whose reach holds it (admin, hr, a coach or manager by
 * the reach hook) and anyone linked to a person of that team or of a team
 * below it (an employee sees their team's objectives and those above).
 * 1 yes, 0 no, -1 with err set. Inside the request's transaction. */
int http_okr_readable(const struct http_ctx *cx, struct store *st, const char *team,
		      struct err *err);

/* Whether the caller may change objective o (check in on its key results,
 * write its review), o readable to them: admin, hr, its owner (the person
 * linked to the account, whatever the role), and for a team's objective a
 * coach or manager whose reach holds the team. 1, 0, -1 with err set. */
int http_okr_writable(const struct http_ctx *cx, struct store *st, const struct objective *o,
		      struct err *err);

enum okr_op {
	OKR_OP_CHECKIN,              /* a check-in of a key result */
	OKR_OP_REVIEW                /* an objective's review text */
};

/* One write. */
struct okr_write {
	enum okr_op op;
	const char *key;             /* CHECKIN: the key result's; REVIEW: the objective's */
	struct checkin checkin;      /* CHECKIN: date, value, confidence, note
				      * (key_result set from key) */
	const char *review;          /* REVIEW: the text; NULL or "" removes it */
	const char *team;            /* out: the objective's team (NULL: organisation) */
};

/* Why a write was not made. */
struct okr_refusal {
	int status;                  /* 403, 404, 409, 422 or 503 */
	const char *code;            /* "forbidden", "not_found", "computed" ... */
	const char *field;           /* the field at fault, or NULL */
	char message[ERR_MSG_MAX];
};

/* Makes w as cx's caller: 0 written, or -1 with *r set and logged (no
 * such key result or objective, or not readable: 404; a role that may
 * not: 403; a competency key result: 409; the store's refusal: 422; the
 * store: 503). Strings of w->team live in cx's arena. */
int http_okr_write(struct http_ctx *cx, struct okr_write *w, struct okr_refusal *r);

/* Checks a check-in's fields as typed (value and confidence as text,
 * date YYYY-MM-DD or NULL for today) into c: 0, or -1 with r a 422
 * naming the field. Shared by the API (whose numbers come as text of
 * JSON numbers) and the board's form. */
int http_okr_checkin_parse(const char *date, const char *value, const char *confidence,
			   const char *note, struct checkin *c, struct okr_refusal *r);

/* The endpoints: GET /api/v1/teams/{key}/okr, GET /api/v1/okr, GET
 * /api/v1/teams/{key}/okr/review, GET /api/v1/okr/review, POST
 * /api/v1/key-results/{key}/checkins, PUT /api/v1/objectives/{key}/review. */
int handle_okr_team(struct http_ctx *cx);
int handle_okr_org(struct http_ctx *cx);
int handle_okr_team_review(struct http_ctx *cx);
int handle_okr_org_review(struct http_ctx *cx);
int handle_okr_checkin(struct http_ctx *cx);
int handle_okr_review(struct http_ctx *cx);

#endif
