/* Development plans over HTTP (http/plans.c; docs/api.md, "Development
 * plans"; docs/security.md, "Development plans"): who may read and change
 * a person's plan, and the one write path that the API and the plan page
 * (web/plan_page.c) share: the reach check, the role's right, the write
 * and its audit entry in one transaction, a refusal logged after. */
#ifndef COMPGAP_HTTP_PLAN_WRITE_H
#define COMPGAP_HTTP_PLAN_WRITE_H

#include <stdbool.h>
#include <stdint.h>

#include "http/handler.h"
#include "views/plan.h"

enum plan_op {
	PLAN_OP_ADD,                 /* an action entered by hand */
	PLAN_OP_ACCEPT,              /* a recommendation accepted */
	PLAN_OP_STATUS               /* an action's status changed */
};

/* One write to person's plan. */
struct plan_write {
	enum plan_op op;
	const char *person;          /* the plan's person (the path's key) */
	struct plan_action action;   /* ADD: as given (person set from above) */
	struct plan_accept accept;   /* ACCEPT: as given (person, today set from above) */
	int64_t id;                  /* STATUS: the action; out: the action written */
	enum plan_status status;     /* STATUS: the new status */
};

/* Why a write was not made. */
struct plan_refusal {
	int status;                  /* 403, 404, 409, 422 or 503 */
	const char *code;            /* "forbidden", "not_found", "invalid_value" ... */
	const char *field;           /* the field at fault, or NULL */
	char message[ERR_MSG_MAX];
};

/* Whether caller may make op on person's plan, person in their reach:
 * admin and hr all; manager and coach what they reach; an employee only
 * the status of the actions of their own plan. */
bool http_plan_may(const struct http_caller *c, enum plan_op op, const char *person);

/* Makes w as cx's caller: 0 written (w->id the action), or -1 with *r
 * set (the refusal logged: person out of reach or absent 404, a role
 * that may not 403, bad input 422 naming the field, the store 503). */
int http_plan_write(struct http_ctx *cx, struct plan_write *w, struct plan_refusal *r);

/* The endpoints: GET and POST /api/v1/people/{key}/plan, POST
 * /api/v1/people/{key}/plan/accept, PATCH /api/v1/people/{key}/plan/{id}. */
int handle_plan_get(struct http_ctx *cx);
int handle_plan_add(struct http_ctx *cx);
int handle_plan_accept(struct http_ctx *cx);
int handle_plan_status(struct http_ctx *cx);

#endif
