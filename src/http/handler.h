/* What a route's handler gets: the request, the response to fill, and
 * the worker thread's database connection. Handlers are thin: parse,
 * check, call the same functions as the command line, render. */
#ifndef COMPGAP_HTTP_HANDLER_H
#define COMPGAP_HTTP_HANDLER_H

#include "http/http.h"
#include "http/response.h"
#include "http/server.h"
#include "store/store.h"
#include "util/arena.h"

struct http_ctx {
	const struct server_config *cfg;
	const struct http_request *req;
	struct http_response *resp;
	struct arena *arena;             /* freed when the request ends */
};

/* The calling thread's database connection, opened on first use with
 * cfg->db; owned by the thread (closed when it ends). NULL with err set
 * when it cannot be opened. */
struct store *http_store(const struct http_ctx *cx, struct err *err);

/* The same for code without a request context (the authenticator): the
 * thread's connection to db. */
struct store *http_thread_store(const char *db, struct err *err);

/* Answers a failed store operation: 404 naming field for an unknown key
 * (EX_DATAERR, EX_NOINPUT), 503 for the database (counted in the metrics,
 * and the thread's connection is closed so that the next request opens a
 * new one), 500 otherwise. Returns 0. */
int http_store_failed(const struct http_ctx *cx, const struct err *err, const char *field);

/* Answers 503: the database is not available. Returns 0. */
int http_unavailable(const struct http_ctx *cx);

/* Refuses (400, naming it) a query parameter not in names[0..n). 0 when
 * all are known, else -1 with the response set. */
int http_only_query(const struct http_ctx *cx, const char *const *names, size_t n);

/* Handlers of http/health.c and http/views.c. */
int handle_healthz(struct http_ctx *cx);
int handle_readyz(struct http_ctx *cx);
int handle_metrics(struct http_ctx *cx);
int handle_team_gaps(struct http_ctx *cx);
int handle_team_recommendations(struct http_ctx *cx);
int handle_team_trend(struct http_ctx *cx);
int handle_team_quality(struct http_ctx *cx);
int handle_team_quality_due(struct http_ctx *cx);
int handle_team_calibration(struct http_ctx *cx);
int handle_team_report(struct http_ctx *cx);
int handle_person(struct http_ctx *cx);
int handle_person_explain(struct http_ctx *cx);
/* http/signin.c */
int handle_session_create(struct http_ctx *cx);
int handle_session_delete(struct http_ctx *cx);
int handle_me(struct http_ctx *cx);
/* http/privacy.c: the privacy rights */
int handle_privacy_export(struct http_ctx *cx);
int handle_privacy_erasure(struct http_ctx *cx);
int handle_privacy_purge(struct http_ctx *cx);
/* http/evidence.c: adding, listing and retracting evidence */
int handle_evidence_add(struct http_ctx *cx);
int handle_person_evidence(struct http_ctx *cx);
int handle_evidence_retract(struct http_ctx *cx);
/* http/coaching.c: coaching sessions */
int handle_coaching_create(struct http_ctx *cx);
int handle_coaching_get(struct http_ctx *cx);
int handle_person_coaching(struct http_ctx *cx);
/* Imports, exports, settings and the audit log (http/imports.c,
 * exports.c, settings.c, audit.c). */
int handle_import(struct http_ctx *cx);
int handle_export(struct http_ctx *cx);
int handle_settings(struct http_ctx *cx);
int handle_setting_put(struct http_ctx *cx);
int handle_audit(struct http_ctx *cx);
/* http/assets.c: the built-in static files (issue 11, bench-serve) */
int handle_asset(struct http_ctx *cx);
/* http/entities.c and http/entities_write.c: teams, people, competencies
 * and roles (lists, records, create, update, delete) */
int handle_teams_list(struct http_ctx *cx);
int handle_people_list(struct http_ctx *cx);
int handle_competencies_list(struct http_ctx *cx);
int handle_roles_list(struct http_ctx *cx);
int handle_team_get(struct http_ctx *cx);
int handle_person_record(struct http_ctx *cx);
int handle_competency_get(struct http_ctx *cx);
int handle_role_get(struct http_ctx *cx);
int handle_team_create(struct http_ctx *cx);
int handle_team_update(struct http_ctx *cx);
int handle_team_delete(struct http_ctx *cx);
int handle_person_create(struct http_ctx *cx);
int handle_person_update(struct http_ctx *cx);
int handle_person_delete(struct http_ctx *cx);
int handle_competency_create(struct http_ctx *cx);
int handle_competency_update(struct http_ctx *cx);
int handle_competency_delete(struct http_ctx *cx);
int handle_role_create(struct http_ctx *cx);
int handle_role_update(struct http_ctx *cx);
int handle_role_delete(struct http_ctx *cx);

#endif
