#include "store/tables.h"

#include <stddef.h>

#define I(name) { name, CELL_INT }
#define R(name) { name, CELL_REAL }
#define T(name) { name, CELL_TEXT }
#define B(name) { name, CELL_BLOB }

const struct table_def store_tables[] = {
	{ "team", "teams", "id", "parent_id", 1, 4,
	  { I("id"), T("key"), T("name"), I("parent_id") } },
	{ "role", "roles", "id", NULL, 1, 2, { I("id"), T("key") } },
	{ "competency", "competencies", "id", NULL, 1, 6,
	  { I("id"), T("key"), T("name"), T("category"), T("description"), T("developability") } },
	{ "indicator", "indicators", "id", NULL, 1, 4,
	  { I("id"), I("competency_id"), I("level"), T("text") } },
	{ "requirement", "requirements", "id", NULL, 1, 5,
	  { I("id"), I("role_id"), I("competency_id"), I("required_level"), I("weight") } },
	{ "person", "people", "id", "manager_id", 1, 8,
	  { I("id"), T("key"), T("name"), T("email"), I("team_id"), I("role_id"), I("manager_id"),
	    I("active") } },
	{ "import_log", "imports", "id", NULL, 1, 5,
	  { I("id"), T("kind"), T("source"), I("rows"), T("imported_at") } },
	{ "evidence", "evidence rows", "id", NULL, 1, 10,
	  { I("id"), I("person_id"), I("competency_id"), R("level"), I("level_decimals"), T("source"),
	    I("date"), I("assessor_id"), T("note"), I("import_id") } },
	{ "retraction", "retractions", "evidence_id", NULL, 0, 3,
	  { I("evidence_id"), T("reason"), T("retracted_at") } },
	{ "setting", "settings", "key", NULL, 0, 2, { T("key"), T("value") } },
	{ "evidence_sum", "running sums", "competency_id, person_id", NULL, 0, 11,
	  { I("competency_id"), I("person_id"), I("n_self"), R("w_self"), R("wl_self"), I("n_other"),
	    R("w_other"), R("wl_other"), I("max_date"), B("history"), R("best_level") } },
	{ "evidence_newest", "newest date", "date", NULL, 0, 1, { I("date") } },
	/* Accounts (schema version 6). Sessions are copied too: a target
	 * emptied by --force must lose its own (their account ids would name
	 * other accounts after the copy), and a copy that keeps them lets
	 * signed-in users carry on after a move to PostgreSQL; they hold only
	 * hashes, as the accounts and tokens beside them do. */
	{ "account", "users", "id", NULL, 1, 8,
	  { I("id"), T("name"), T("role"), I("person_id"), I("disabled"), T("password_hash"),
	    T("created_at"), T("changed_at") } },
	{ "account_team", "users' teams", "account_id, team_id", NULL, 0, 2,
	  { I("account_id"), I("team_id") } },
	{ "api_token", "API tokens", "id", NULL, 1, 7,
	  { I("id"), T("name"), T("role"), I("person_id"), T("token_hash"), T("created_at"),
	    T("revoked_at") } },
	{ "api_token_team", "tokens' teams", "token_id, team_id", NULL, 0, 2,
	  { I("token_id"), I("team_id") } },
	{ "session", "sessions", "id", NULL, 1, 7,
	  { I("id"), T("token_hash"), I("account_id"), T("csrf_hash"), I("created_at"),
	    I("last_seen"), T("address") } },
	{ "audit_log", "audit log entries", "id", NULL, 1, 10,
	  { I("id"), T("at"), T("actor"), T("action"), T("object_kind"), T("object_key"),
	    T("person_key"), T("address"), T("outcome"), T("detail") } },
	/* The library's texts in other languages (schema version 8). */
	{ "competency_text", "competency texts", "competency_id, lang", NULL, 0, 4,
	  { I("competency_id"), T("lang"), T("name"), T("description") } },
	{ "indicator_text", "indicator texts", "competency_id, level, lang, base, text", NULL, 0, 5,
	  { I("competency_id"), I("level"), T("base"), T("lang"), T("text") } },
	{ "role_text", "role names", "role_id, lang", NULL, 0, 3,
	  { I("role_id"), T("lang"), T("name") } },
	/* The STAR notes of evidence rows (schema version 9). */
	{ "evidence_star", "STAR notes", "evidence_id", NULL, 0, 5,
	  { I("evidence_id"), T("situation"), T("task"), T("action"), T("result") } },
	/* Scorecards and evaluations (schema version 10). */
	{ "scorecard", "scorecards", "id", NULL, 1, 2, { I("id"), T("name") } },
	{ "scorecard_version", "scorecard versions", "id", NULL, 1, 4,
	  { I("id"), I("scorecard_id"), I("version"), T("created_at") } },
	{ "scorecard_area", "scorecard areas", "id", NULL, 1, 8,
	  { I("id"), I("version_id"), T("name"), I("competency_id"), R("weight"), R("min"), R("max"),
	    I("critical") } },
	{ "evaluation", "evaluations", "id", NULL, 1, 12,
	  { I("id"), T("key"), T("contact"), T("channel"), I("agent_id"), I("evaluator_id"), T("kind"),
	    I("date"), I("version_id"), I("import_id"), T("retracted_at"), T("retract_reason") } },
	{ "evaluation_score", "area scores", "evaluation_id, area_id", NULL, 0, 5,
	  { I("evaluation_id"), I("area_id"), R("score"), T("comment"), I("evidence_id") } },
	/* Coaching sessions (schema version 12). */
	{ "coaching_session", "coaching sessions", "id", NULL, 1, 6,
	  { I("id"), T("key"), I("coach_id"), I("date"), T("topic"), T("created_at") } },
	{ "coaching_agent", "coaching sessions' agents", "session_id, agent_id", NULL, 0, 2,
	  { I("session_id"), I("agent_id") } },
	{ "coaching_evaluation", "evaluations discussed", "session_id, evaluation_id", NULL, 0, 2,
	  { I("session_id"), I("evaluation_id") } },
	{ "coaching_star", "coaching STAR notes", "id", NULL, 1, 7,
	  { I("id"), I("session_id"), I("agent_id"), T("situation"), T("task"), T("action"),
	    T("result") } },
	{ "coaching_item", "development items", "id", NULL, 1, 8,
	  { I("id"), I("session_id"), I("number"), I("agent_id"), I("competency_id"), T("area"),
	    T("action"), I("follow_up") } },
	{ "coaching_followup", "follow-ups", "item_id, session_id", NULL, 0, 4,
	  { I("item_id"), I("session_id"), T("status"), T("note") } },
	/* Webhooks of alerts (schema version 13). */
	{ "webhook_endpoint", "webhook endpoints", "id", NULL, 1, 6,
	  { I("id"), T("url"), I("alerts"), I("praise"), T("created_at"), T("created_by") } },
	{ "webhook_delivery", "webhook deliveries", "id", NULL, 1, 10,
	  { I("id"), I("endpoint_id"), I("evaluation_id"), T("kind"), T("status"),
	    I("attempts"), I("next_attempt_at"), T("last_error"), T("created_at"),
	    T("delivered_at") } },
	/* Development plans (schema version 14). */
	{ "plan_action", "plan actions", "id", NULL, 1, 12,
	  { I("id"), I("person_id"), T("kind"), I("competency_id"), I("mentor_id"), T("description"),
	    I("due"), T("status"), T("created_at"), T("updated_at"), T("source_rule"),
	    T("source_ref") } },
	/* Objectives, key results and check-ins (schema version 15). */
	{ "objective", "objectives", "id", "parent_id", 1, 10,
	  { I("id"), T("key"), I("team_id"), T("title"), I("start_date"), I("end_date"),
	    I("owner_id"), I("parent_id"), T("checkin_interval"), T("review") } },
	{ "key_result", "key results", "id", NULL, 1, 11,
	  { I("id"), I("objective_id"), T("key"), T("title"), T("type"), I("competency_id"),
	    I("level"), R("target"), R("start_value"), T("unit"), R("weight") } },
	{ "checkin", "check-ins", "id", NULL, 1, 6,
	  { I("id"), I("key_result_id"), I("date"), R("value"), R("confidence"), T("note") } },
};

const int store_table_count = (int)(sizeof store_tables / sizeof store_tables[0]);
