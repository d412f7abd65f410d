/* The admin pages (docs/web.md, "Admin: settings and audit log"): what
 * the settings page says about each setting, in plain words. */
#ifndef COMPGAP_WEB_ADMIN_H
#define COMPGAP_WEB_ADMIN_H

#include <stddef.h>

/* One group of settings on the page, with what the group is about. */
struct admin_setting_group {
	const char *title_context;    /* "group of settings" */
	const char *title;            /* English; translated when shown */
	const char *intro;            /* English, or NULL */
	const char *note;             /* English, or NULL: "saving rebuilds ..." */
};

/* What the page says about one setting (core/settings.h has its range). */
struct admin_setting_text {
	const char *key;              /* "half_life" ... as settings_info */
	size_t group;                 /* into admin_setting_groups */
	const char *context;          /* the label's msgctxt, or NULL */
	const char *label;            /* English; translated when shown */
	const char *explanation;      /* English, plain words */
	const char *unit_context;     /* "unit of a setting" */
	const char *unit;             /* English: "days", "levels" ... */
};

extern const struct admin_setting_group admin_setting_groups[];
extern const size_t admin_setting_group_count;

/* Every setting of settings_info, each once, in the page's order. */
extern const struct admin_setting_text admin_setting_texts[];
extern const size_t admin_setting_text_count;

#endif
