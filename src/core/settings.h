/* The constants of the method, each a setting that an organisation can
 * change (`compgap config set KEY VALUE`). docs/methodology.md explains
 * each; settings_default gives the defaults it names. */
#ifndef COMPGAP_SETTINGS_H
#define COMPGAP_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/model.h"

enum {
	SETTINGS_HALF_LIFE_MIN = 60,     /* days; see ESTIMATE_EPOCH */
	SETTINGS_HALF_LIFE_MAX = 3650,
	SETTINGS_FUTURE_DAYS_MAX = 36500, /* a century: any date the store takes */
	SETTINGS_QA_TARGET_MAX = 100     /* evaluations an agent can have a month */
};

struct settings {
	double half_life;                        /* days for a weight to halve */
	double source_weight[SOURCE_COUNT];      /* by source */
	double blind_spot;                       /* self - others that flags */
	double gap_threshold;                    /* a gap at least this is "a gap" */
	double group_min_members;                /* group coaching from this many ... */
	double group_min_share;                  /* ... and this share of those who need it */
	double assist_from;                      /* inform below, assist from here */
	double refer_from;                       /* refer from here */
	double mentor_margin;                    /* mentor level >= required + margin */
	double mentor_min_confidence;
	double mentor_max_mentees;               /* per mentor and competency */
	double reassign_min_gap;                 /* with low developability */
	double future_days;                      /* import refuses evidence dated later
						    than this many days after today */
	/* The server's sessions and logins (docs/security.md); kept here so
	 * that one `compgap config set` reaches every server on a database. */
	double session_idle_minutes;             /* a session unused this long ends */
	double session_lifetime_hours;           /* a session ends this long after login */
	double session_secure_cookie;            /* 1: the cookie is Secure even over plain
						    HTTP (a TLS proxy in front) */
	double login_max_hashes;                 /* password hashes computed at once */
	double evidence_retention_years;         /* `privacy purge` removes evidence older
						    than this; 0: kept forever */
	double qa_target_per_month;              /* evaluations an agent should have a
						    month (the quality view's cadence) */
};

/* Fills s with the defaults of docs/methodology.md. */
void settings_default(struct settings *s);

/* One setting: its key, where it lives, its range, what it means. */
struct setting_info {
	const char *key;                         /* "half_life", "weight.self" ... */
	size_t offset;                           /* into struct settings */
	double min, max;
	bool whole;                              /* must be a whole number */
	bool affects_sums;                       /* changing it rebuilds running sums */
	const char *help;
};

/* All settings, in the order `compgap config` lists them. */
extern const struct setting_info settings_info[];
extern const size_t settings_count;

/* The setting named key, or NULL. */
const struct setting_info *settings_find(const char *key);

/* The value of a setting in s. */
double settings_get(const struct settings *s, const struct setting_info *info);

/* Parses text as a value of info and sets it in s. Returns 0, or -1 with
 * a message naming the valid range. */
int settings_set(struct settings *s, const struct setting_info *info, const char *text,
		 char *msg, size_t msgsz);

#endif
