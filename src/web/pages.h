/* The handlers of the browser application's pages (docs/web.md), routed
 * in http/routes.c's block of pages. */
#ifndef COMPGAP_WEB_PAGES_H
#define COMPGAP_WEB_PAGES_H

#include "http/handler.h"

/* web/signin_page.c: GET and POST /login, POST /logout */
int handle_login_page(struct http_ctx *cx);
int handle_login_post(struct http_ctx *cx);
int handle_logout_post(struct http_ctx *cx);
/* web/password_page.c: GET and POST /account/password */
int handle_password_page(struct http_ctx *cx);
int handle_password_post(struct http_ctx *cx);
/* web/home.c: GET / */
int handle_home_page(struct http_ctx *cx);
/* web/library_page.c: GET /library */
int handle_library_page(struct http_ctx *cx);
/* web/library_competency.c, library_role.c, library_delete.c: editing
 * the library (admin and hr) */
int handle_library_competency_page(struct http_ctx *cx);
int handle_library_competency_post(struct http_ctx *cx);
int handle_library_competency_new_page(struct http_ctx *cx);
int handle_library_competency_new_post(struct http_ctx *cx);
int handle_library_role_page(struct http_ctx *cx);
int handle_library_role_post(struct http_ctx *cx);
int handle_library_role_new_page(struct http_ctx *cx);
int handle_library_role_new_post(struct http_ctx *cx);
int handle_library_competency_delete_page(struct http_ctx *cx);
int handle_library_competency_delete_post(struct http_ctx *cx);
int handle_library_role_delete_page(struct http_ctx *cx);
int handle_library_role_delete_post(struct http_ctx *cx);
/* web/team_page.c: GET /teams/{key} */
int handle_team_page(struct http_ctx *cx);
/* web/self_page.c: GET and POST /self-assessment */
int handle_self_page(struct http_ctx *cx);
int handle_self_post(struct http_ctx *cx);
/* web/import_page.c: GET and POST /import, GET /export */
int handle_import_page(struct http_ctx *cx);
int handle_import_post(struct http_ctx *cx);
int handle_export_page(struct http_ctx *cx);
/* web/plan_page.c: GET /people/{key}/plan, POST /people/{key}/plan (an
 * action added), /people/{key}/plan/accept, /people/{key}/plan/{id}/status */
int handle_plan_page(struct http_ctx *cx);
int handle_plan_add_post(struct http_ctx *cx);
int handle_plan_accept_post(struct http_ctx *cx);
int handle_plan_status_post(struct http_ctx *cx);
/* web/person_page.c, person_form.c: GET /people/{key}, POST /people/{key}/evidence */
int handle_person_page(struct http_ctx *cx);
int handle_person_evidence_post(struct http_ctx *cx);
/* web/admin_users.c, admin_user.c, admin_tokens.c: the admin pages of
 * users and API tokens */
int handle_admin_users_page(struct http_ctx *cx);
int handle_admin_users_post(struct http_ctx *cx);
int handle_admin_user_page(struct http_ctx *cx);
int handle_admin_user_role_post(struct http_ctx *cx);
int handle_admin_user_status_post(struct http_ctx *cx);
int handle_admin_user_password_post(struct http_ctx *cx);
int handle_admin_tokens_page(struct http_ctx *cx);
/* web/admin_webhooks.c: the webhooks of alerts (admins) */
int handle_admin_webhooks_page(struct http_ctx *cx);
int handle_admin_webhooks_post(struct http_ctx *cx);
int handle_admin_webhook_remove_post(struct http_ctx *cx);
int handle_admin_tokens_post(struct http_ctx *cx);
int handle_admin_token_revoke_post(struct http_ctx *cx);
/* web/admin_page.c, admin_settings.c, admin_audit.c: GET /admin, GET and
 * POST /admin/settings, GET /admin/audit */
int handle_admin_page(struct http_ctx *cx);
int handle_admin_settings_page(struct http_ctx *cx);
int handle_admin_settings_post(struct http_ctx *cx);
int handle_admin_audit_page(struct http_ctx *cx);
/* web/feedback_page.c: GET /feedback, GET and POST /people/{key}/feedback */
int handle_feedback_list(struct http_ctx *cx);
int handle_feedback_page(struct http_ctx *cx);
int handle_feedback_post(struct http_ctx *cx);
/* web/coaching_page.c: GET /people/{key}/coaching, GET and POST
 * /people/{key}/coaching/new */
int handle_coaching_page(struct http_ctx *cx);
int handle_coaching_new_page(struct http_ctx *cx);
int handle_coaching_post(struct http_ctx *cx);

/* web/eval_page.c, eval_form.c, quality_page.c: the quality evaluations
 * (GET /evaluations/{key}, GET /people/{key}/evaluations, GET and POST
 * /evaluations/new, GET /teams/{key}/quality) */
int handle_evaluation_page(struct http_ctx *cx);
int handle_person_evaluations_page(struct http_ctx *cx);
int handle_evaluation_new_page(struct http_ctx *cx);
int handle_evaluation_new_post(struct http_ctx *cx);
int handle_team_quality_page(struct http_ctx *cx);

/* web/okr_page.c, okr_review_page.c, okr_people.c: the OKR boards (GET
 * /teams/{key}/okr, GET /okr), a check-in entered (POST
 * /okr/key-results/{key}/checkin), the people a competency key result
 * counts (GET /okr/key-results/{key}), the quarterly review (GET
 * /teams/{key}/okr/review, GET /okr/review) and its text (POST
 * /okr/objectives/{key}/review) */
int handle_okr_team_page(struct http_ctx *cx);
int handle_okr_org_page(struct http_ctx *cx);
int handle_okr_checkin_post(struct http_ctx *cx);
int handle_okr_people_page(struct http_ctx *cx);
int handle_okr_team_review_page(struct http_ctx *cx);
int handle_okr_org_review_page(struct http_ctx *cx);
int handle_okr_review_post(struct http_ctx *cx);

#endif
