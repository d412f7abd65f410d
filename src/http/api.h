/* What the API's handlers share beyond http/handler.h: the check that an
 * object is within the caller's reach (404 when not, noted for the audit
 * log), the audit entry written after a request's transaction, the answer
 * to an entities error (io/entities.h), the paging parameters, and which
 * roles may do what (docs/security.md, "Roles and their reach"). */
#ifndef COMPGAP_HTTP_API_H
#define COMPGAP_HTTP_API_H

#include <stdbool.h>

#include "http/handler.h"
#include "io/entities.h"
#include "store/store.h"
#include "views/views.h"

/* What the audit log is told of a request (docs/security.md, "The audit
 * log"). action NULL: nothing to log. */
struct http_audit {
	const char *action;          /* "read", "team.create", "evidence.add" ... */
	const char *kind;            /* "team", "person", "evidence" ... */
	const char *key;
	const char *person;          /* the person concerned, or NULL */
	const char *outcome;         /* "ok", "denied", "failed" */
	const char *detail;          /* NULL: the request's path */
};

/* Whether key names an entity of kind that the caller may see: 1 yes; 0
 * no, with a 404 naming field set, the same whether it does not exist or
 * is out of the caller's reach (the latter is noted in au as a denied
 * read, for http_audit_write); -1 when the store failed (the answer is
 * set). Competencies and roles are the library: everyone signed in sees
 * them. Call it inside the request's transaction. */
int http_visible(const struct http_ctx *cx, struct store *st, enum entity kind, const char *key,
		 const char *field, struct http_audit *au);

/* Writes au to the audit log in a transaction of its own, after the
 * request's: a request whose audit entry cannot be written is not served
 * (the response becomes 503). Nothing when au->action is NULL or nobody
 * is signed in. Returns 0. */
int http_audit_write(struct http_ctx *cx, struct store *st, const struct http_audit *au);

/* The same entry appended inside the caller's open transaction, so that a
 * write and its entry are stored together or not at all. */
int http_audit_in(const struct http_ctx *cx, struct store *st, const struct http_audit *au,
		  struct err *err);

/* Answers fe: {"error": {"code", "message", "field"}} with the status of
 * entity_error_status (a failed store as http_store_failed). Returns 0. */
int http_entity_failed(const struct http_ctx *cx, const struct field_error *fe);

/* The worker's database connection with a read transaction begun, or
 * NULL with the answer set (503, or as http_store_failed). */
struct store *http_begin_read(const struct http_ctx *cx);

/* A small JSON document written by fill into cx's response, with status.
 * Returns 0. */
int http_json_answer(const struct http_ctx *cx, int status,
		     void (*fill)(struct jw *w, const void *arg), const void *arg);

/* Reads ?limit= (default def) and ?cursor= into q: 0, or -1 with a 400
 * naming the parameter. */
int http_page_params(const struct http_ctx *cx, size_t def, struct page_query *q);

/* What the caller may not see of a view (views/views.h, struct
 * view_reader): NULL when they see everything (admin, hr, a server
 * without roles), else rd, filled to ask the reach hook through ctx. */
struct http_reader_ctx {
	const struct http_ctx *cx;
	struct store *st;
};
const struct view_reader *http_view_reader(const struct http_ctx *cx, struct store *st,
					   struct http_reader_ctx *ctx, struct view_reader *rd);

/* Whether the caller may add evidence of source src about a person they
 * reach (own: the caller themselves): NULL yes, else why not
 * (http/evidence_rules.c). */
const char *http_evidence_source_refused(const struct http_caller *c, enum source src, bool own);

/* Adds nrows rows of evidence (values: nrows * 7 strings in the columns of
 * the evidence CSV, as evidence_json_parse gives them) for cx's caller by
 * the rules and in the one transaction of POST /api/v1/evidence, with its
 * audit entries (http/evidence.c; the self-assessment page uses it).
 * 0 stored (*stored rows); 1 refused by the import's checks (fe names the
 * field, "[i].level", and is logged; no answer made); -1 answered:
 * refused by role or reach (403, 404; logged), or the store failed. */
int http_evidence_add_rows(struct http_ctx *cx, const char **values, size_t nrows, long *stored,
			   struct field_error *fe);

/* The same with a STAR note per row (stars: nrows of them, any empty; NULL
 * for none), stored with its row in the transaction, as POST
 * /api/v1/evidence stores the notes of its body (the feedback page). */
struct evidence_star;
int http_evidence_add_noted(struct http_ctx *cx, const char **values, struct evidence_star *stars,
			    size_t nrows, long *stored, struct field_error *fe);

/* Whether the caller may add evidence of source src about person key by
 * the rules of POST /api/v1/evidence (docs/security.md), without adding
 * any: 1 yes; 0 the person is absent or out of reach (an employee's reach
 * for peer evidence: the active members of their own team); -2 within
 * reach, but the caller's role may not give src about them; -1 the store
 * failed (a 503 answer set). */
int http_evidence_may_add(struct http_ctx *cx, struct store *st, const char *key,
			  enum source src);

/* Whether the caller may name assessor on evidence they add: 1 yes
 * (nobody, or themselves; admin and hr anyone; a token without a person
 * someone within its reach), 0 no with *why set, -1 when the check failed. */
int http_evidence_assessor(const struct http_ctx *cx, struct store *st, const char *assessor,
			   const char **why);

/* Whether a caller without a person of their own (a token) may name
 * person as who did the work (an assessor, an evaluator, a coach): 1 when
 * person is stored and within the caller's reach, 0 not, -1 when the
 * check failed. */
int http_token_may_name(const struct http_ctx *cx, struct store *st, const char *person);

/* A set of roles for http_role_in: ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_HR). */
#define ROLE_BIT(r) (1u << (unsigned)(r))

/* Whether the caller holds one of the roles in mask. */
bool http_role_in(const struct http_caller *c, unsigned mask);

/* Whether c may read the audit log: admins only (docs/security.md); GET
 * /api/v1/audit and the audit page ask this one function (http/audit.c). */
bool http_audit_readable(const struct http_caller *c);

/* Answers 403 forbidden: "a ROLE may not WHAT". Returns 0. */
int http_forbidden(const struct http_ctx *cx, const char *what);

#endif
