#include "store/schema_sqlite.h"

const char *const sqlite_migrations[SQLITE_MIGRATION_COUNT] = {
	/* 1: the competency model, people and evidence. Dates are whole days
	 * since 1970-01-01 so that both engines compare and subtract them
	 * alike. */
	"CREATE TABLE schema_version ("
	"  version INTEGER PRIMARY KEY,"
	"  applied_at TEXT NOT NULL);"
	"CREATE TABLE team ("
	"  id INTEGER PRIMARY KEY,"
	"  key TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  parent_id INTEGER REFERENCES team(id));"
	"CREATE INDEX team_parent ON team(parent_id);"
	"CREATE TABLE role ("
	"  id INTEGER PRIMARY KEY,"
	"  key TEXT NOT NULL UNIQUE);"
	"CREATE TABLE competency ("
	"  id INTEGER PRIMARY KEY,"
	"  key TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  category TEXT,"
	"  description TEXT,"
	"  developability TEXT CHECK (developability IN ('high', 'medium', 'low')));"
	"CREATE TABLE indicator ("
	"  id INTEGER PRIMARY KEY,"
	"  competency_id INTEGER NOT NULL REFERENCES competency(id),"
	"  level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 5),"
	"  text TEXT NOT NULL);"
	"CREATE INDEX indicator_competency ON indicator(competency_id, level);"
	"CREATE UNIQUE INDEX indicator_one_descriptor ON indicator(competency_id, level)"
	"  WHERE level > 0;"
	"CREATE TABLE requirement ("
	"  id INTEGER PRIMARY KEY,"
	"  role_id INTEGER NOT NULL REFERENCES role(id),"
	"  competency_id INTEGER NOT NULL REFERENCES competency(id),"
	"  required_level INTEGER NOT NULL CHECK (required_level BETWEEN 1 AND 5),"
	"  weight INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 3),"
	"  UNIQUE (role_id, competency_id));"
	"CREATE TABLE person ("
	"  id INTEGER PRIMARY KEY,"
	"  key TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  email TEXT,"
	"  team_id INTEGER REFERENCES team(id),"
	"  role_id INTEGER REFERENCES role(id),"
	"  manager_id INTEGER REFERENCES person(id),"
	"  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)));"
	"CREATE INDEX person_team ON person(team_id);"
	"CREATE INDEX person_manager ON person(manager_id);"
	"CREATE TABLE import_log ("
	"  id INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL,"
	"  source TEXT NOT NULL,"
	"  rows INTEGER NOT NULL,"
	"  imported_at TEXT NOT NULL);"
	"CREATE TABLE evidence ("
	"  id INTEGER PRIMARY KEY,"
	"  person_id INTEGER NOT NULL REFERENCES person(id),"
	"  competency_id INTEGER NOT NULL REFERENCES competency(id),"
	"  level REAL NOT NULL CHECK (level BETWEEN 1 AND 5),"
	"  level_decimals INTEGER NOT NULL CHECK (level_decimals BETWEEN 0 AND 6),"
	"  source TEXT NOT NULL CHECK (source IN"
	"    ('self', 'manager', 'peer', 'assessment', 'test', 'qa', 'customer')),"
	"  date INTEGER NOT NULL,"
	"  assessor_id INTEGER REFERENCES person(id),"
	"  note TEXT,"
	"  import_id INTEGER);"
	"CREATE INDEX evidence_person_competency ON evidence(person_id, competency_id, date);"
	"CREATE TABLE retraction ("
	"  evidence_id INTEGER PRIMARY KEY REFERENCES evidence(id),"
	"  reason TEXT NOT NULL,"
	"  retracted_at TEXT NOT NULL);",

	/* 2: the method's settings, and running sums of the evidence per person
	 * and competency (docs/methodology.md). The sums are derived data: the
	 * migration fills them from the evidence, and they are kept without
	 * foreign keys, which would cost a lookup per upsert in bulk loads. */
	"CREATE TABLE setting ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL);"
	"CREATE TABLE evidence_sum ("
	"  person_id INTEGER NOT NULL,"
	"  competency_id INTEGER NOT NULL,"
	"  n_self INTEGER NOT NULL,"
	"  w_self REAL NOT NULL,"
	"  wl_self REAL NOT NULL,"
	"  n_other INTEGER NOT NULL,"
	"  w_other REAL NOT NULL,"
	"  wl_other REAL NOT NULL,"
	"  max_date INTEGER NOT NULL,"
	"  PRIMARY KEY (person_id, competency_id)) WITHOUT ROWID;",

	/* 3: the running sums keyed by competency first, and indexed by the
	 * level they give, so that the mentor search reads only the best
	 * holders of a competency; a person's line is still one lookup of
	 * both keys. evidence_newest holds the latest date of any evidence
	 * stored (never lowered): an as_of on or after it may trust every
	 * stored sum. */
	"CREATE TABLE evidence_sum_by_competency ("
	"  competency_id INTEGER NOT NULL,"
	"  person_id INTEGER NOT NULL,"
	"  n_self INTEGER NOT NULL,"
	"  w_self REAL NOT NULL,"
	"  wl_self REAL NOT NULL,"
	"  n_other INTEGER NOT NULL,"
	"  w_other REAL NOT NULL,"
	"  wl_other REAL NOT NULL,"
	"  max_date INTEGER NOT NULL,"
	"  PRIMARY KEY (competency_id, person_id)) WITHOUT ROWID;"
	"INSERT INTO evidence_sum_by_competency SELECT competency_id, person_id, n_self, w_self,"
	"  wl_self, n_other, w_other, wl_other, max_date FROM evidence_sum;"
	"DROP TABLE evidence_sum;"
	"ALTER TABLE evidence_sum_by_competency RENAME TO evidence_sum;"
	"CREATE INDEX evidence_sum_level ON evidence_sum(competency_id,"
	"  (wl_self + wl_other) / (w_self + w_other));"
	"CREATE TABLE evidence_newest (date INTEGER NOT NULL);"
	"INSERT INTO evidence_newest SELECT coalesce(max(max_date), 0) FROM evidence_sum;",

	/* 4: beside each pair's running sums, its packed history: the pair's
	 * rows, a few bytes each, from which the sums as of any past date are
	 * computed (docs/time-travel.md). Never NULL and always starting with
	 * the version byte, so that an import appends entries with ||. store.c
	 * fills the sums and histories from the evidence (rebuild_sums) in
	 * this transaction, into the emptied table. */
	"ALTER TABLE evidence_sum ADD COLUMN history BLOB NOT NULL DEFAULT x'01';"
	"DELETE FROM evidence_sum;",

	/* 5: beside each pair's sums, its best level, which no date's level
	 * exceeds (history_best_level), indexed with the newest row's date
	 * and the history: the mentor search for a past date reads the
	 * holders whose newest rows come after that date by best level, and
	 * decodes their histories from the index alone, without a read of
	 * the table for each (docs/time-travel.md). store.c refills the
	 * emptied table (rebuild_sums). */
	"ALTER TABLE evidence_sum ADD COLUMN best_level REAL NOT NULL DEFAULT 0;"
	"DELETE FROM evidence_sum;"
	"CREATE INDEX evidence_sum_best ON evidence_sum(competency_id, best_level, max_date, history);",

	/* 6: accounts, API tokens, sessions and the audit log
	 * (docs/security.md). Secrets are stored only as hashes: passwords as
	 * libsodium's Argon2id strings, tokens as the hex SHA-256 of the
	 * token. Times of accounts and the audit log are ISO 8601 UTC text
	 * (sortable as text); those of sessions whole seconds since 1970,
	 * compared on every request. The audit log names people and users by
	 * key and name as text, without foreign keys, so that its rows outlive
	 * what they name; a trigger refuses to change a row once written. */
	"CREATE TABLE account ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  role TEXT NOT NULL CHECK (role IN ('admin', 'hr', 'manager', 'coach', 'employee')),"
	"  person_id INTEGER REFERENCES person(id),"
	"  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),"
	"  password_hash TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  changed_at TEXT NOT NULL);"
	"CREATE TABLE account_team ("
	"  account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,"
	"  team_id INTEGER NOT NULL REFERENCES team(id),"
	"  PRIMARY KEY (account_id, team_id));"
	"CREATE TABLE api_token ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  role TEXT NOT NULL CHECK (role IN ('admin', 'hr', 'manager', 'coach', 'employee')),"
	"  person_id INTEGER REFERENCES person(id),"
	"  token_hash TEXT NOT NULL UNIQUE,"
	"  created_at TEXT NOT NULL,"
	"  revoked_at TEXT);"
	"CREATE TABLE api_token_team ("
	"  token_id INTEGER NOT NULL REFERENCES api_token(id) ON DELETE CASCADE,"
	"  team_id INTEGER NOT NULL REFERENCES team(id),"
	"  PRIMARY KEY (token_id, team_id));"
	"CREATE TABLE session ("
	"  id INTEGER PRIMARY KEY,"
	"  token_hash TEXT NOT NULL UNIQUE,"
	"  account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,"
	"  csrf_hash TEXT NOT NULL,"
	"  created_at INTEGER NOT NULL,"
	"  last_seen INTEGER NOT NULL,"
	"  address TEXT);"
	"CREATE INDEX session_account ON session(account_id);"
	"CREATE TABLE audit_log ("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  actor TEXT NOT NULL,"
	"  action TEXT NOT NULL,"
	"  object_kind TEXT,"
	"  object_key TEXT,"
	"  person_key TEXT,"
	"  address TEXT,"
	"  outcome TEXT NOT NULL,"
	"  detail TEXT);"
	"CREATE INDEX audit_log_at ON audit_log(at);"
	"CREATE INDEX audit_log_person ON audit_log(person_key, id);"
	"CREATE INDEX audit_log_actor ON audit_log(actor, id);"
	"CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log"
	"  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;",
	/* 7: the data generation, a counter that every write transaction
	 * that changes data (not one that only appends to the logs) advances
	 * before it commits: a process that has seen the same number again
	 * knows that nothing it derived from the data (the settings it loaded,
	 * keys it looked up, the server's cached view documents) has changed
	 * (store.h, store_data_generation). */
	"CREATE TABLE data_generation ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  n INTEGER NOT NULL);"
	"INSERT INTO data_generation VALUES (1, 0);",
	/* 8: the library's texts in other languages (docs/data-model.md). The
	 * base texts stay in competency, indicator (the organisation's own
	 * language); these hold translations into the languages of
	 * src/i18n/i18n.h, one row per text and language, and the names of
	 * roles, which have no base name. An indicator's translation is tied
	 * to its competency, level and base text rather than to its id: an
	 * import of indicators replaces the rows (new ids), and a translation
	 * should survive that when its text is unchanged and lapse when the
	 * text it translates is gone. The language codes are checked by the
	 * program (store/texts.c), so that adding a language needs no
	 * migration. */
	"CREATE TABLE competency_text ("
	"  competency_id INTEGER NOT NULL REFERENCES competency(id),"
	"  lang TEXT NOT NULL,"
	"  name TEXT,"
	"  description TEXT,"
	"  PRIMARY KEY (competency_id, lang));"
	"CREATE TABLE indicator_text ("
	"  competency_id INTEGER NOT NULL REFERENCES competency(id),"
	"  level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 5),"
	"  base TEXT NOT NULL,"
	"  lang TEXT NOT NULL,"
	"  text TEXT NOT NULL);"
	"CREATE INDEX indicator_text_competency ON indicator_text(competency_id, lang, level);"
	"CREATE TABLE role_text ("
	"  role_id INTEGER NOT NULL REFERENCES role(id),"
	"  lang TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  PRIMARY KEY (role_id, lang));",
	/* 9: the STAR note of an evidence row (docs/data-model.md,
	 * "evidence_star"): situation, task, action and result, each
	 * optional and at most 2,000 characters, written in the transaction
	 * of its row. It goes with its row: a retraction keeps both, and
	 * whatever deletes the row (erasure, the retention purge) deletes
	 * the note by the cascade. */
	"CREATE TABLE evidence_star ("
	"  evidence_id INTEGER PRIMARY KEY REFERENCES evidence(id) ON DELETE CASCADE,"
	"  situation TEXT CHECK (length(situation) <= 2000),"
	"  task TEXT CHECK (length(task) <= 2000),"
	"  action TEXT CHECK (length(action) <= 2000),"
	"  result TEXT CHECK (length(result) <= 2000));",

	/* 10: the best level becomes the best level at which a pair may be a
	 * mentor: only the dates at which its evidence weight reached the
	 * mentor minimum count (history_best_level). It is a tighter bound,
	 * and the mentor search of a past date reads about half the holders
	 * it read (docs/time-travel.md). store.c refills the emptied table
	 * (rebuild_sums). */
	"DELETE FROM evidence_sum;",

	/* 11: the quality loop of contact-centre teams (issue 13;
	 * docs/data-model.md, "Scorecards and evaluations"). A scorecard is
	 * named and versioned: an import whose areas differ from its latest
	 * version adds version N + 1, and every evaluation keeps the version
	 * it was scored on, so that an old evaluation reads as it was scored.
	 * An evaluation is known by the key its CSV gives it; correcting one
	 * replaces its scores, and retracting one marks it (retracted_at and
	 * the reason) without deleting anything. Each area score keeps the
	 * evidence row it produced (NULL when none: a calibration, or after a
	 * retention purge removed the row), which explain follows back to the
	 * evaluation; evidence_id is indexed for that and for the purge,
	 * which empties it. Its three references are not declared foreign
	 * keys, as evidence.import_id is not: the checks cost more than the
	 * rest of the insert in a bulk load (bench/quality_import.sh), and
	 * store/quality.c writes them right after the rows they name. */
	"CREATE TABLE scorecard ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE);"
	"CREATE TABLE scorecard_version ("
	"  id INTEGER PRIMARY KEY,"
	"  scorecard_id INTEGER NOT NULL REFERENCES scorecard(id),"
	"  version INTEGER NOT NULL CHECK (version >= 1),"
	"  created_at TEXT NOT NULL,"
	"  UNIQUE (scorecard_id, version));"
	"CREATE TABLE scorecard_area ("
	"  id INTEGER PRIMARY KEY,"
	"  version_id INTEGER NOT NULL REFERENCES scorecard_version(id),"
	"  name TEXT NOT NULL,"
	"  competency_id INTEGER NOT NULL REFERENCES competency(id),"
	"  weight REAL NOT NULL CHECK (weight > 0),"
	"  min REAL NOT NULL,"
	"  max REAL NOT NULL,"
	"  critical INTEGER NOT NULL CHECK (critical IN (0, 1)),"
	"  CHECK (min < max),"
	"  UNIQUE (version_id, name));"
	"CREATE INDEX scorecard_area_competency ON scorecard_area(competency_id);"
	"CREATE TABLE evaluation ("
	"  id INTEGER PRIMARY KEY,"
	"  key TEXT NOT NULL UNIQUE,"
	"  contact TEXT NOT NULL,"
	"  channel TEXT NOT NULL CHECK (channel IN ('phone', 'email', 'chat', 'social', 'desk')),"
	"  agent_id INTEGER NOT NULL REFERENCES person(id),"
	"  evaluator_id INTEGER REFERENCES person(id),"
	"  kind TEXT NOT NULL CHECK (kind IN ('manager', 'peer', 'self', 'calibration')),"
	"  date INTEGER NOT NULL,"
	"  version_id INTEGER NOT NULL REFERENCES scorecard_version(id),"
	"  import_id INTEGER,"
	"  retracted_at TEXT,"
	"  retract_reason TEXT);"
	"CREATE INDEX evaluation_agent_date ON evaluation(agent_id, date);"
	"CREATE INDEX evaluation_evaluator ON evaluation(evaluator_id);"
	"CREATE TABLE evaluation_score ("
	"  evaluation_id INTEGER NOT NULL,"
	"  area_id INTEGER NOT NULL,"
	"  score REAL NOT NULL,"
	"  comment TEXT,"
	"  evidence_id INTEGER,"
	"  PRIMARY KEY (evaluation_id, area_id)) WITHOUT ROWID;"
	"CREATE INDEX evaluation_score_evidence ON evaluation_score(evidence_id);",

	/* 12: coaching sessions (issue 13 item 6; docs/data-model.md,
	 * "Coaching sessions"). A session has a coach, a date, an optional
	 * topic, one agent or several (a group), the evaluations discussed,
	 * STAR notes of the examples discussed (about one agent, or the
	 * group's when agent_id is NULL), the development items agreed (each
	 * about one agent, on a competency or a scorecard area, numbered 1..
	 * in the session) and the follow-ups of earlier sessions' items
	 * recorded at this one. Whatever is about a person goes with them
	 * when they are erased (the cascade); the session keeps its date and
	 * topic, and its coach becomes unknown. */
	"CREATE TABLE coaching_session ("
	"  id INTEGER PRIMARY KEY,"
	"  key TEXT NOT NULL UNIQUE,"
	"  coach_id INTEGER REFERENCES person(id) ON DELETE SET NULL,"
	"  date INTEGER NOT NULL,"
	"  topic TEXT CHECK (length(topic) <= 200),"
	"  created_at TEXT NOT NULL);"
	"CREATE INDEX coaching_session_coach ON coaching_session(coach_id);"
	"CREATE TABLE coaching_agent ("
	"  session_id INTEGER NOT NULL REFERENCES coaching_session(id) ON DELETE CASCADE,"
	"  agent_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (session_id, agent_id));"
	"CREATE INDEX coaching_agent_person ON coaching_agent(agent_id);"
	"CREATE TABLE coaching_evaluation ("
	"  session_id INTEGER NOT NULL REFERENCES coaching_session(id) ON DELETE CASCADE,"
	"  evaluation_id INTEGER NOT NULL REFERENCES evaluation(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (session_id, evaluation_id));"
	"CREATE INDEX coaching_evaluation_evaluation ON coaching_evaluation(evaluation_id);"
	"CREATE TABLE coaching_star ("
	"  id INTEGER PRIMARY KEY,"
	"  session_id INTEGER NOT NULL REFERENCES coaching_session(id) ON DELETE CASCADE,"
	"  agent_id INTEGER REFERENCES person(id) ON DELETE CASCADE,"
	"  situation TEXT CHECK (length(situation) <= 2000),"
	"  task TEXT CHECK (length(task) <= 2000),"
	"  action TEXT CHECK (length(action) <= 2000),"
	"  result TEXT CHECK (length(result) <= 2000));"
	"CREATE INDEX coaching_star_session ON coaching_star(session_id);"
	"CREATE INDEX coaching_star_agent ON coaching_star(agent_id);"
	"CREATE TABLE coaching_item ("
	"  id INTEGER PRIMARY KEY,"
	"  session_id INTEGER NOT NULL REFERENCES coaching_session(id) ON DELETE CASCADE,"
	"  number INTEGER NOT NULL CHECK (number >= 1),"
	"  agent_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,"
	"  competency_id INTEGER REFERENCES competency(id),"
	"  area TEXT,"
	"  action TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 2000),"
	"  follow_up INTEGER NOT NULL,"
	"  CHECK ((competency_id IS NULL) <> (area IS NULL)),"
	"  UNIQUE (session_id, number));"
	"CREATE INDEX coaching_item_agent ON coaching_item(agent_id);"
	"CREATE TABLE coaching_followup ("
	"  item_id INTEGER NOT NULL REFERENCES coaching_item(id) ON DELETE CASCADE,"
	"  session_id INTEGER NOT NULL REFERENCES coaching_session(id) ON DELETE CASCADE,"
	"  status TEXT NOT NULL CHECK (status IN ('done', 'partly', 'not_done')),"
	"  note TEXT CHECK (length(note) <= 2000),"
	"  PRIMARY KEY (item_id, session_id));"
	"CREATE INDEX coaching_followup_session ON coaching_followup(session_id);",
	/* 13: webhooks of alerts (issue 13, item 5; docs/data-model.md,
	 * "Webhooks"). An endpoint is a URL an admin configured, with the
	 * kinds of alert it takes. A delivery is one alert queued for one
	 * endpoint in the transaction that stored the evaluation; the sender
	 * (compgap serve's thread, or compgap webhook deliver) builds its body
	 * from the evaluation as it is then, posts it and keeps its state:
	 * attempts, the time of the next one (seconds since 1970, UTC), the
	 * last error, and pending, delivered, failed (given up) or cancelled
	 * (the evaluation no longer alerts: retracted or corrected). Removing an endpoint removes its
	 * deliveries; deleting an evaluation (an erasure) removes its. */
	"CREATE TABLE webhook_endpoint ("
	"  id INTEGER PRIMARY KEY,"
	"  url TEXT NOT NULL UNIQUE CHECK (length(url) <= 2000),"
	"  alerts INTEGER NOT NULL CHECK (alerts IN (0, 1)),"
	"  praise INTEGER NOT NULL CHECK (praise IN (0, 1)),"
	"  created_at TEXT NOT NULL,"
	"  created_by TEXT);"
	"CREATE TABLE webhook_delivery ("
	"  id INTEGER PRIMARY KEY,"
	"  endpoint_id INTEGER NOT NULL REFERENCES webhook_endpoint(id) ON DELETE CASCADE,"
	"  evaluation_id INTEGER NOT NULL REFERENCES evaluation(id) ON DELETE CASCADE,"
	"  kind TEXT NOT NULL CHECK (kind IN ('alert', 'praise')),"
	"  status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),"
	"  attempts INTEGER NOT NULL CHECK (attempts >= 0),"
	"  next_attempt_at INTEGER NOT NULL,"
	"  last_error TEXT,"
	"  created_at TEXT NOT NULL,"
	"  delivered_at TEXT);"
	"CREATE INDEX webhook_delivery_due ON webhook_delivery(status, next_attempt_at);"
	"CREATE INDEX webhook_delivery_endpoint ON webhook_delivery(endpoint_id);"
	"CREATE INDEX webhook_delivery_evaluation ON webhook_delivery(evaluation_id);",

	/* 14: development plans (issue 13; docs/data-model.md, "Development
	 * plans"): a person's actions, each of a kind on one competency,
	 * with a mentor where there is one, a due date (days, NULL: none)
	 * and a status. source_rule is the rule of the gap engine's
	 * recommendation it was accepted from (NULL: entered by hand) and
	 * source_ref that recommendation's identity
	 * (KIND:TEAM:COMPETENCY:PERSON). The overdue index serves the
	 * dashboard's actions due before today that are still open. */
	"CREATE TABLE plan_action ("
	"  id INTEGER PRIMARY KEY,"
	"  person_id INTEGER NOT NULL REFERENCES person(id),"
	"  kind TEXT NOT NULL CHECK (kind IN ('training', 'individual_coaching',"
	"    'group_coaching', 'mentoring', 'cross_training', 'job_rotation',"
	"    'stretch_assignment', 'external_course', 'self_study')),"
	"  competency_id INTEGER NOT NULL REFERENCES competency(id),"
	"  mentor_id INTEGER REFERENCES person(id),"
	"  description TEXT CHECK (length(description) <= 2000),"
	"  due INTEGER,"
	"  status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'dropped')),"
	"  created_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL,"
	"  source_rule TEXT,"
	"  source_ref TEXT);"
	"CREATE INDEX plan_action_person ON plan_action(person_id, status, due);"
	"CREATE INDEX plan_action_open_due ON plan_action(due) WHERE status IN ('planned', 'in_progress');"
	"CREATE INDEX plan_action_mentor ON plan_action(mentor_id);",

	/* 15: objectives and key results (issue 14; docs/data-model.md,
	 * "OKRs"). An objective is a team's (team_id NULL: the whole
	 * organisation's) over a period of days start_date..end_date, with an
	 * owner and a parent objective it serves where there are, the interval
	 * its owner checks in at and the review written at its end. Its key
	 * results measure it: a competency key result the share of the team
	 * at a level (computed from the evidence, so it has a competency and a
	 * level and no start value), a metric one a number from start_value
	 * to target, a milestone one a count from start_value (0 when not
	 * given). Check-ins are the values of metric and milestone key results,
	 * at most one per day. Numbers are doubles, read back as the same
	 * double. */
	"CREATE TABLE objective ("
	"  id INTEGER PRIMARY KEY,"
	"  key TEXT NOT NULL UNIQUE,"
	"  team_id INTEGER REFERENCES team(id),"
	"  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),"
	"  start_date INTEGER NOT NULL,"
	"  end_date INTEGER NOT NULL,"
	"  owner_id INTEGER REFERENCES person(id),"
	"  parent_id INTEGER REFERENCES objective(id),"
	"  checkin_interval TEXT NOT NULL DEFAULT 'monthly'"
	"    CHECK (checkin_interval IN ('weekly', 'fortnightly', 'monthly')),"
	"  review TEXT CHECK (length(review) <= 2000),"
	"  CHECK (end_date >= start_date),"
	"  CHECK (parent_id IS NULL OR parent_id <> id));"
	"CREATE INDEX objective_team ON objective(team_id);"
	"CREATE INDEX objective_owner ON objective(owner_id);"
	"CREATE INDEX objective_parent ON objective(parent_id);"
	"CREATE TABLE key_result ("
	"  id INTEGER PRIMARY KEY,"
	"  objective_id INTEGER NOT NULL REFERENCES objective(id),"
	"  key TEXT NOT NULL UNIQUE,"
	"  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),"
	"  type TEXT NOT NULL CHECK (type IN ('competency', 'metric', 'milestone')),"
	"  competency_id INTEGER REFERENCES competency(id),"
	"  level INTEGER CHECK (level BETWEEN 1 AND 5),"
	"  target REAL NOT NULL,"
	"  start_value REAL,"
	"  unit TEXT CHECK (length(unit) <= 40),"
	"  weight REAL NOT NULL DEFAULT 1 CHECK (weight > 0),"
	"  CHECK ((type = 'competency') = (competency_id IS NOT NULL)),"
	"  CHECK ((type = 'competency') = (level IS NOT NULL)),"
	"  CHECK (type <> 'competency' OR (start_value IS NULL AND target BETWEEN 0 AND 1)),"
	"  CHECK (type = 'competency' OR start_value IS NOT NULL));"
	"CREATE INDEX key_result_objective ON key_result(objective_id);"
	"CREATE INDEX key_result_competency ON key_result(competency_id);"
	"CREATE TABLE checkin ("
	"  id INTEGER PRIMARY KEY,"
	"  key_result_id INTEGER NOT NULL REFERENCES key_result(id),"
	"  date INTEGER NOT NULL,"
	"  value REAL NOT NULL,"
	"  confidence REAL CHECK (confidence BETWEEN 0 AND 1),"
	"  note TEXT CHECK (length(note) <= 2000),"
	"  UNIQUE (key_result_id, date));",
};
