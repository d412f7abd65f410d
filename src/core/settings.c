#include "core/settings.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void settings_default(struct settings *s)
{
	s->half_life = 180;
	s->source_weight[SOURCE_ASSESSMENT] = 1.0;
	s->source_weight[SOURCE_TEST] = 1.0;
	s->source_weight[SOURCE_MANAGER] = 0.8;
	s->source_weight[SOURCE_QA] = 0.8;
	s->source_weight[SOURCE_PEER] = 0.6;
	s->source_weight[SOURCE_CUSTOMER] = 0.6;
	s->source_weight[SOURCE_SELF] = 0.4;
	s->blind_spot = 1.0;
	s->gap_threshold = 0.5;
	s->group_min_members = 3;
	s->group_min_share = 0.3;
	s->assist_from = 1.0;
	s->refer_from = 2.0;
	s->mentor_margin = 0.5;
	s->mentor_min_confidence = 0.5;
	s->mentor_max_mentees = 2;
	s->reassign_min_gap = 1.5;
	s->future_days = 1;
	s->session_idle_minutes = 30;
	s->session_lifetime_hours = 8;
	s->session_secure_cookie = 0;
	s->login_max_hashes = 2;
	s->evidence_retention_years = 0;
	s->qa_target_per_month = 4;
}

#define AT(field) offsetof(struct settings, field)
#define WEIGHT(src, name) \
	{ "weight." name, AT(source_weight) + (src) * sizeof(double), 0, 10, false, true, \
	  "weight of " name " evidence" }

const struct setting_info settings_info[] = {
	{ "half_life", AT(half_life), SETTINGS_HALF_LIFE_MIN, SETTINGS_HALF_LIFE_MAX, false, true,
	  "days after which a piece of evidence counts half" },
	WEIGHT(SOURCE_SELF, "self"),
	WEIGHT(SOURCE_MANAGER, "manager"),
	WEIGHT(SOURCE_PEER, "peer"),
	WEIGHT(SOURCE_ASSESSMENT, "assessment"),
	WEIGHT(SOURCE_TEST, "test"),
	WEIGHT(SOURCE_QA, "qa"),
	WEIGHT(SOURCE_CUSTOMER, "customer"),
	{ "blind_spot", AT(blind_spot), 0.1, 4, false, false,
	  "self minus others at which a blind spot (or, negative, a hidden strength) is flagged" },
	{ "gap_threshold", AT(gap_threshold), 0.01, 4, false, false,
	  "a gap at least this large counts as a gap for recommendations" },
	{ "group_min_members", AT(group_min_members), 2, 1000, true, false,
	  "group coaching when at least this many members have a gap ..." },
	{ "group_min_share", AT(group_min_share), 0, 1, false, false,
	  "... and at least this share of those who need the competency" },
	{ "assist_from", AT(assist_from), 0.01, 4, false, false,
	  "a gap below this: inform; from this: assist" },
	{ "refer_from", AT(refer_from), 0.01, 4, false, false,
	  "a gap from this: refer" },
	{ "mentor_margin", AT(mentor_margin), 0, 4, false, false,
	  "a mentor's level is at least the mentee's required level plus this" },
	/* The sums' best levels count only dates with this confidence
	 * (history_best_level), so a change rebuilds them. */
	{ "mentor_min_confidence", AT(mentor_min_confidence), 0, 1, false, true,
	  "a mentor's level has at least this confidence" },
	{ "mentor_max_mentees", AT(mentor_max_mentees), 1, 100, true, false,
	  "mentees per mentor and competency" },
	{ "reassign_min_gap", AT(reassign_min_gap), 0.01, 4, false, false,
	  "with low developability, a gap this large suggests reassignment" },
	{ "future_days", AT(future_days), 0, SETTINGS_FUTURE_DAYS_MAX, true, false,
	  "import refuses evidence dated more than this many days after today" },
	{ "session.idle_minutes", AT(session_idle_minutes), 1, 1440, true, false,
	  "server: a session unused for this many minutes ends" },
	{ "session.lifetime_hours", AT(session_lifetime_hours), 1, 720, true, false,
	  "server: a session ends this many hours after login, however used" },
	{ "session.secure_cookie", AT(session_secure_cookie), 0, 1, true, false,
	  "server: 1 marks the session cookie Secure over plain HTTP too (behind a TLS proxy)" },
	{ "login.max_hashes", AT(login_max_hashes), 1, 64, true, false,
	  "server: password hashes computed at once (64 MiB each)" },
	{ "evidence_retention_years", AT(evidence_retention_years), 0, 100, true, false,
	  "'privacy purge' removes evidence dated this many years before today; 0: keep forever" },
	{ "qa_target_per_month", AT(qa_target_per_month), 0, SETTINGS_QA_TARGET_MAX, true, false,
	  "manager and peer evaluations an agent should have a month; fewer: under target" },
};

const size_t settings_count = sizeof settings_info / sizeof settings_info[0];

const struct setting_info *settings_find(const char *key)
{
	for (size_t i = 0; i < settings_count; i++)
		if (strcmp(settings_info[i].key, key) == 0)
			return &settings_info[i];
	return NULL;
}

double settings_get(const struct settings *s, const struct setting_info *info)
{
	double v;

	memcpy(&v, (const char *)s + info->offset, sizeof v);
	return v;
}

int settings_set(struct settings *s, const struct setting_info *info, const char *text,
		 char *msg, size_t msgsz)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(text, &end);
	if (errno != 0 || end == text || *end != '\0' || !isfinite(v) || v < info->min ||
	    v > info->max || (info->whole && v != floor(v))) {
		(void)snprintf(msg, msgsz, "%s must be a %s from %g to %g, not '%s'", info->key,
			       info->whole ? "whole number" : "number", info->min, info->max, text);
		return -1;
	}
	memcpy((char *)s + info->offset, &v, sizeof v);
	return 0;
}
