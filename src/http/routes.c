#include "http/routes.h"

#include "http/evaluations.h"
#include "http/handler.h"
#include "http/okr_write.h"
#include "http/plan_write.h"
#include "web/pages.h"

/* Patterns are matched in order; the first whose method matches wins.
 * docs/api.md documents each. */
const struct http_route http_routes[] = {
	{ "GET", "/healthz", handle_healthz, ACCESS_PUBLIC, BODY_NONE },
	{ "GET", "/readyz", handle_readyz, ACCESS_PUBLIC, BODY_NONE },
	{ "GET", "/metrics", handle_metrics, ACCESS_ADMIN, BODY_NONE },
	{ "POST", "/api/v1/session", handle_session_create, ACCESS_PUBLIC, BODY_JSON },
	{ "DELETE", "/api/v1/session", handle_session_delete, ACCESS_SIGNED_IN, BODY_NONE },
	{ "GET", "/api/v1/me", handle_me, ACCESS_SIGNED_IN, BODY_NONE },
	{ "GET", "/api/v1/teams/{key}/gaps", handle_team_gaps, ACCESS_SIGNED_IN, BODY_NONE },
	{ "GET", "/api/v1/teams/{key}/recommendations", handle_team_recommendations,
	  ACCESS_SIGNED_IN, BODY_NONE },
	{ "GET", "/api/v1/teams/{key}/trend", handle_team_trend, ACCESS_SIGNED_IN, BODY_NONE },
	{ "GET", "/api/v1/teams/{key}/quality", handle_team_quality, ACCESS_SIGNED_IN, BODY_NONE },
	{ "GET", "/api/v1/teams/{key}/quality/due", handle_team_quality_due, ACCESS_SIGNED_IN,
	  BODY_NONE },
	{ "GET", "/api/v1/teams/{key}/calibration", handle_team_calibration, ACCESS_SIGNED_IN,
	  BODY_NONE },
	{ "GET", "/api/v1/alerts", handle_alerts, ACCESS_SIGNED_IN, BODY_NONE },
	{ "GET", "/api/v1/teams/{key}/report", handle_team_report, ACCESS_SIGNED_IN, BODY_NONE },
	{ "GET", "/api/v1/people/{key}", handle_person, ACCESS_SIGNED_IN, BODY_NONE },
	{ "GET", "/api/v1/people/{key}/explain", handle_person_explain, ACCESS_SIGNED_IN, BODY_NONE },
	/* the privacy rights (http/privacy.c) */
	{ "GET", "/api/v1/people/{key}/privacy-export", handle_privacy_export, ACCESS_SIGNED_IN,
	  BODY_NONE },
	{ "POST", "/api/v1/people/{key}/erasure", handle_privacy_erasure, ACCESS_SIGNED_IN,
	  BODY_JSON },
	{ "POST", "/api/v1/privacy/purge", handle_privacy_purge, ACCESS_SIGNED_IN, BODY_NONE },
	/* development plans (http/plans.c) */
	{ "GET", "/api/v1/people/{key}/plan", handle_plan_get, ACCESS_SIGNED_IN, BODY_NONE },
	{ "POST", "/api/v1/people/{key}/plan", handle_plan_add, ACCESS_SIGNED_IN, BODY_JSON },
	{ "POST", "/api/v1/people/{key}/plan/accept", handle_plan_accept, ACCESS_SIGNED_IN,
	  BODY_JSON },
	{ "PATCH", "/api/v1/people/{key}/plan/{id}", handle_plan_status, ACCESS_SIGNED_IN,
	  BODY_JSON },
	/* OKRs (http/okr_api.c) */
	{ "GET", "/api/v1/teams/{key}/okr", handle_okr_team, ACCESS_SIGNED_IN, BODY_NONE },
	{ "GET", "/api/v1/okr", handle_okr_org, ACCESS_SIGNED_IN, BODY_NONE },
	{ "GET", "/api/v1/teams/{key}/okr/review", handle_okr_team_review, ACCESS_SIGNED_IN,
	  BODY_NONE },
	{ "GET", "/api/v1/okr/review", handle_okr_org_review, ACCESS_SIGNED_IN, BODY_NONE },
	{ "POST", "/api/v1/key-results/{key}/checkins", handle_okr_checkin, ACCESS_SIGNED_IN,
	  BODY_JSON },
	{ "PUT", "/api/v1/objectives/{key}/review", handle_okr_review, ACCESS_SIGNED_IN,
	  BODY_JSON },
	/* evidence (http/evidence.c) */
	{ "POST", "/api/v1/evidence", handle_evidence_add, ACCESS_SIGNED_IN, BODY_JSON },
	{ "GET", "/api/v1/people/{key}/evidence", handle_person_evidence, ACCESS_SIGNED_IN,
	  BODY_NONE },
	{ "POST", "/api/v1/evidence/{id}/retraction", handle_evidence_retract, ACCESS_SIGNED_IN,
	  BODY_JSON },
	/* coaching sessions (http/coaching.c) */
	{ "POST", "/api/v1/coaching", handle_coaching_create, ACCESS_SIGNED_IN, BODY_JSON },
	{ "GET", "/api/v1/coaching/{key}", handle_coaching_get, ACCESS_SIGNED_IN, BODY_NONE },
	{ "GET", "/api/v1/people/{key}/coaching", handle_person_coaching, ACCESS_SIGNED_IN,
	  BODY_NONE },
	/* evaluations of customer contacts (http/evaluations.c) */
	{ "POST", "/api/v1/evaluations", handle_evaluation_add, ACCESS_SIGNED_IN, BODY_JSON },
	{ "GET", "/api/v1/evaluations/{key}", handle_evaluation_get, ACCESS_SIGNED_IN, BODY_NONE },
	{ "GET", "/api/v1/people/{key}/evaluations", handle_person_evaluations, ACCESS_SIGNED_IN,
	  BODY_NONE },
	/* Imports, exports, settings and the audit log: the handlers check
	 * the role themselves, so that a refusal is logged. */
	{ "POST", "/api/v1/imports/{kind}", handle_import, ACCESS_SIGNED_IN, BODY_CSV },
	{ "GET", "/api/v1/exports/{kind}", handle_export, ACCESS_SIGNED_IN, BODY_NONE },
	{ "GET", "/api/v1/settings", handle_settings, ACCESS_SIGNED_IN, BODY_NONE },
	{ "PUT", "/api/v1/settings/{key}", handle_setting_put, ACCESS_SIGNED_IN, BODY_JSON },
	{ "GET", "/api/v1/audit", handle_audit, ACCESS_SIGNED_IN, BODY_NONE },
	/* The built-in static files (http/assets.c), for everyone. */
	{ "GET", "/assets/{name}", handle_asset, ACCESS_PUBLIC, BODY_NONE },
	/* teams, people, competencies and roles (http/entities.c, entities_write.c) */
	{ "GET", "/api/v1/teams", handle_teams_list, ACCESS_SIGNED_IN, BODY_NONE },
	{ "POST", "/api/v1/teams", handle_team_create, ACCESS_SIGNED_IN, BODY_JSON },
	{ "GET", "/api/v1/teams/{key}", handle_team_get, ACCESS_SIGNED_IN, BODY_NONE },
	{ "PATCH", "/api/v1/teams/{key}", handle_team_update, ACCESS_SIGNED_IN, BODY_JSON },
	{ "DELETE", "/api/v1/teams/{key}", handle_team_delete, ACCESS_SIGNED_IN, BODY_NONE },
	{ "GET", "/api/v1/people", handle_people_list, ACCESS_SIGNED_IN, BODY_NONE },
	{ "POST", "/api/v1/people", handle_person_create, ACCESS_SIGNED_IN, BODY_JSON },
	{ "GET", "/api/v1/people/{key}/record", handle_person_record, ACCESS_SIGNED_IN, BODY_NONE },
	{ "PATCH", "/api/v1/people/{key}", handle_person_update, ACCESS_SIGNED_IN, BODY_JSON },
	{ "DELETE", "/api/v1/people/{key}", handle_person_delete, ACCESS_SIGNED_IN, BODY_NONE },
	{ "GET", "/api/v1/competencies", handle_competencies_list, ACCESS_SIGNED_IN, BODY_NONE },
	{ "POST", "/api/v1/competencies", handle_competency_create, ACCESS_SIGNED_IN, BODY_JSON },
	{ "GET", "/api/v1/competencies/{key}", handle_competency_get, ACCESS_SIGNED_IN, BODY_NONE },
	{ "PATCH", "/api/v1/competencies/{key}", handle_competency_update, ACCESS_SIGNED_IN,
	  BODY_JSON },
	{ "DELETE", "/api/v1/competencies/{key}", handle_competency_delete, ACCESS_SIGNED_IN,
	  BODY_NONE },
	{ "GET", "/api/v1/roles", handle_roles_list, ACCESS_SIGNED_IN, BODY_NONE },
	{ "POST", "/api/v1/roles", handle_role_create, ACCESS_SIGNED_IN, BODY_JSON },
	{ "GET", "/api/v1/roles/{key}", handle_role_get, ACCESS_SIGNED_IN, BODY_NONE },
	{ "PATCH", "/api/v1/roles/{key}", handle_role_update, ACCESS_SIGNED_IN, BODY_JSON },
	{ "DELETE", "/api/v1/roles/{key}", handle_role_delete, ACCESS_SIGNED_IN, BODY_NONE },
	/* The browser's pages (src/web/, docs/web.md): without a session a
	 * page answers 303 to /login; a form's CSRF token is its csrf_token
	 * field (http/page_auth.h). */
	{ "GET", "/login", handle_login_page, ACCESS_PUBLIC, BODY_NONE },
	{ "POST", "/login", handle_login_post, ACCESS_PUBLIC, BODY_FORM },
	{ "POST", "/logout", handle_logout_post, ACCESS_PAGE, BODY_FORM },
	{ "GET", "/account/password", handle_password_page, ACCESS_PAGE, BODY_NONE },
	{ "POST", "/account/password", handle_password_post, ACCESS_PAGE, BODY_FORM },
	{ "GET", "/", handle_home_page, ACCESS_PAGE, BODY_NONE },
	{ "GET", "/library", handle_library_page, ACCESS_PAGE, BODY_NONE },
	/* Editing the library (web/library_*.c): admin and hr; "new"
	 * before {key}, so a competency or role keyed "new" is edited
	 * through the API. */
	{ "GET", "/library/competencies/new", handle_library_competency_new_page, ACCESS_PAGE,
	  BODY_NONE },
	{ "POST", "/library/competencies/new", handle_library_competency_new_post, ACCESS_PAGE,
	  BODY_FORM },
	{ "GET", "/library/competencies/{key}", handle_library_competency_page, ACCESS_PAGE,
	  BODY_NONE },
	{ "POST", "/library/competencies/{key}", handle_library_competency_post, ACCESS_PAGE,
	  BODY_FORM },
	{ "GET", "/library/competencies/{key}/delete", handle_library_competency_delete_page,
	  ACCESS_PAGE, BODY_NONE },
	{ "POST", "/library/competencies/{key}/delete", handle_library_competency_delete_post,
	  ACCESS_PAGE, BODY_FORM },
	{ "GET", "/library/roles/new", handle_library_role_new_page, ACCESS_PAGE, BODY_NONE },
	{ "POST", "/library/roles/new", handle_library_role_new_post, ACCESS_PAGE, BODY_FORM },
	{ "GET", "/library/roles/{key}", handle_library_role_page, ACCESS_PAGE, BODY_NONE },
	{ "POST", "/library/roles/{key}", handle_library_role_post, ACCESS_PAGE, BODY_FORM },
	{ "GET", "/library/roles/{key}/delete", handle_library_role_delete_page, ACCESS_PAGE,
	  BODY_NONE },
	{ "POST", "/library/roles/{key}/delete", handle_library_role_delete_post, ACCESS_PAGE,
	  BODY_FORM },
	/* the team page (web/team_page.c) */
	{ "GET", "/teams/{key}", handle_team_page, ACCESS_PAGE, BODY_NONE },
	/* the OKR boards, their check-ins, the people a competency key result
	 * counts and the quarterly review (web/okr_page.c, okr_people.c,
	 * okr_review_page.c) */
	{ "GET", "/teams/{key}/okr", handle_okr_team_page, ACCESS_PAGE, BODY_NONE },
	{ "GET", "/teams/{key}/okr/review", handle_okr_team_review_page, ACCESS_PAGE, BODY_NONE },
	{ "GET", "/okr", handle_okr_org_page, ACCESS_PAGE, BODY_NONE },
	{ "GET", "/okr/review", handle_okr_org_review_page, ACCESS_PAGE, BODY_NONE },
	{ "GET", "/okr/key-results/{key}", handle_okr_people_page, ACCESS_PAGE, BODY_NONE },
	{ "POST", "/okr/key-results/{key}/checkin", handle_okr_checkin_post, ACCESS_PAGE,
	  BODY_FORM },
	{ "POST", "/okr/objectives/{key}/review", handle_okr_review_post, ACCESS_PAGE, BODY_FORM },
	/* the quality evaluations (web/eval_page.c, eval_form.c, quality_page.c);
	 * "new" before {key} */
	{ "GET", "/teams/{key}/quality", handle_team_quality_page, ACCESS_PAGE, BODY_NONE },
	{ "GET", "/evaluations/new", handle_evaluation_new_page, ACCESS_PAGE, BODY_NONE },
	{ "POST", "/evaluations/new", handle_evaluation_new_post, ACCESS_PAGE, BODY_FORM },
	{ "GET", "/evaluations/{key}", handle_evaluation_page, ACCESS_PAGE, BODY_NONE },
	{ "GET", "/people/{key}/evaluations", handle_person_evaluations_page, ACCESS_PAGE, BODY_NONE },
	/* Self-assessment, import and export pages (web/self_page.c,
	 * web/import_page.c). */
	{ "GET", "/self-assessment", handle_self_page, ACCESS_PAGE, BODY_NONE },
	{ "POST", "/self-assessment", handle_self_post, ACCESS_PAGE, BODY_FORM },
	{ "GET", "/import", handle_import_page, ACCESS_PAGE, BODY_NONE },
	{ "POST", "/import", handle_import_post, ACCESS_PAGE, BODY_UPLOAD },
	{ "GET", "/export", handle_export_page, ACCESS_PAGE, BODY_NONE },
	/* the person page (web/person_page.c, person_form.c) */
	{ "GET", "/people/{key}", handle_person_page, ACCESS_PAGE, BODY_NONE },
	{ "POST", "/people/{key}/evidence", handle_person_evidence_post, ACCESS_PAGE, BODY_FORM },
	/* the development plan page (web/plan_page.c) */
	{ "GET", "/people/{key}/plan", handle_plan_page, ACCESS_PAGE, BODY_NONE },
	{ "POST", "/people/{key}/plan", handle_plan_add_post, ACCESS_PAGE, BODY_FORM },
	{ "POST", "/people/{key}/plan/accept", handle_plan_accept_post, ACCESS_PAGE, BODY_FORM },
	{ "POST", "/people/{key}/plan/{id}/status", handle_plan_status_post, ACCESS_PAGE,
	  BODY_FORM },
	/* Admin: users and API tokens (web/admin_users.c, admin_user.c,
	 * admin_tokens.c); admins only, others get the 403 page. */
	{ "GET", "/admin/users", handle_admin_users_page, ACCESS_PAGE, BODY_NONE },
	{ "POST", "/admin/users", handle_admin_users_post, ACCESS_PAGE, BODY_FORM },
	{ "GET", "/admin/users/{name}", handle_admin_user_page, ACCESS_PAGE, BODY_NONE },
	{ "POST", "/admin/users/{name}/role", handle_admin_user_role_post, ACCESS_PAGE, BODY_FORM },
	{ "POST", "/admin/users/{name}/status", handle_admin_user_status_post, ACCESS_PAGE, BODY_FORM },
	{ "POST", "/admin/users/{name}/password", handle_admin_user_password_post, ACCESS_PAGE,
	  BODY_FORM },
	{ "GET", "/admin/tokens", handle_admin_tokens_page, ACCESS_PAGE, BODY_NONE },
	{ "POST", "/admin/tokens", handle_admin_tokens_post, ACCESS_PAGE, BODY_FORM },
	{ "POST", "/admin/tokens/{name}/revoke", handle_admin_token_revoke_post, ACCESS_PAGE,
	  BODY_FORM },
	/* the webhooks of alerts (web/admin_webhooks.c); admins only */
	{ "GET", "/admin/webhooks", handle_admin_webhooks_page, ACCESS_PAGE, BODY_NONE },
	{ "POST", "/admin/webhooks", handle_admin_webhooks_post, ACCESS_PAGE, BODY_FORM },
	{ "POST", "/admin/webhooks/{id}/remove", handle_admin_webhook_remove_post, ACCESS_PAGE,
	  BODY_FORM },
	/* the admin pages (web/admin_page.c, admin_settings.c, admin_audit.c) */
	{ "GET", "/admin", handle_admin_page, ACCESS_PAGE, BODY_NONE },
	{ "GET", "/admin/settings", handle_admin_settings_page, ACCESS_PAGE, BODY_NONE },
	{ "POST", "/admin/settings", handle_admin_settings_post, ACCESS_PAGE, BODY_FORM },
	{ "GET", "/admin/audit", handle_admin_audit_page, ACCESS_PAGE, BODY_NONE },
	{ "GET", "/feedback", handle_feedback_list, ACCESS_PAGE, BODY_NONE },
	{ "GET", "/people/{key}/feedback", handle_feedback_page, ACCESS_PAGE, BODY_NONE },
	{ "POST", "/people/{key}/feedback", handle_feedback_post, ACCESS_PAGE, BODY_FORM },
	/* coaching sessions (web/coaching_page.c) */
	{ "GET", "/people/{key}/coaching", handle_coaching_page, ACCESS_PAGE, BODY_NONE },
	{ "GET", "/people/{key}/coaching/new", handle_coaching_new_page, ACCESS_PAGE, BODY_NONE },
	{ "POST", "/people/{key}/coaching/new", handle_coaching_post, ACCESS_PAGE, BODY_FORM },
};

const size_t http_route_count = sizeof http_routes / sizeof http_routes[0];

const struct http_route http_metrics_routes[] = {
	{ "GET", "/metrics", handle_metrics, ACCESS_PUBLIC, BODY_NONE },
};

const size_t http_metrics_route_count = sizeof http_metrics_routes / sizeof http_metrics_routes[0];
