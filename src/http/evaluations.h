/* Evaluations of customer contacts over HTTP (docs/api.md, "Evaluations";
 * who may do what: docs/security.md, "Who may evaluate"): one function
 * that stores an evaluation for the caller, by the same rules and in the
 * same transaction (store_put_evaluations, the import's, with its
 * evidence and the audit entry) whether it came as JSON (POST
 * /api/v1/evaluations) or from the evaluation form (web/eval_form.c), and
 * the check of who may see an evaluation. */
#ifndef COMPGAP_HTTP_EVALUATIONS_H
#define COMPGAP_HTTP_EVALUATIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "http/api.h"
#include "store/quality.h"

/* One area's score as a request gives it. */
struct eval_request_area {
	const char *area;
	double score;
	const char *comment;         /* NULL or "": none */
};

/* One evaluation as a request gives it: text, checked by
 * http_evaluation_add. */
struct eval_request {
	const char *key;             /* NULL: a new key is made */
	const char *contact, *channel, *agent, *evaluator, *kind, *date, *scorecard;
	const struct eval_request_area *areas;
	size_t nareas;
};

/* Stores r for cx's caller (docs/security.md, "Who may evaluate"): an
 * evaluator left out is the caller's own person; admin and hr evaluate
 * anyone, a coach the people of their teams, a manager their reporting
 * line (kinds manager, peer, calibration: not themselves); everyone with
 * a person their own contacts as kind self (agent and evaluator
 * themselves). The evaluation, its evidence and its audit entry are one
 * transaction. key (KEY_MAX + 1 bytes) gets its key. 0 stored; 1 refused
 * by the checks of its fields (fe names the field and what is valid;
 * logged, no answer made); -1 answered (403 or 404 by role or reach,
 * logged; or the store failed). */
int http_evaluation_add(struct http_ctx *cx, const struct eval_request *r, char *key,
			struct field_error *fe);

/* Whether the caller may see the stored evaluation e: admin and hr, its
 * agent and its evaluator, and whoever reaches its agent. 1, 0, or -1
 * when the check failed. */
int http_evaluation_visible(const struct http_ctx *cx, struct store *st,
			    const struct qa_stored_eval *e);

/* Whether the caller may evaluate agent by a kind other than self (their
 * role and reach): 1 yes, 0 no, -1 the check failed. */
int http_may_evaluate(const struct http_ctx *cx, struct store *st, const char *agent);

/* Handlers: POST /api/v1/evaluations, GET /api/v1/evaluations/{key},
 * GET /api/v1/people/{key}/evaluations. */
int handle_evaluation_add(struct http_ctx *cx);
int handle_evaluation_get(struct http_ctx *cx);
int handle_person_evaluations(struct http_ctx *cx);

#endif
