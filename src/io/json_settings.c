/* The settings document and the messages of a change (io/json_settings.h). */
#include <stdio.h>
#include <string.h>

#include "core/settings.h"
#include "io/json_settings.h"
#include "util/edit.h"

static int note_key(void *ctx, const char *key, const char *value)
{
	struct set_keys *k = ctx;

	(void)value;
	if (k->n < sizeof k->keys / sizeof k->keys[0])
		(void)snprintf(k->keys[k->n++], sizeof k->keys[0], "%s", key);
	return 0;
}

int settings_read_set(struct store *st, struct set_keys *out, struct err *err)
{
	out->n = 0;
	return store_each_setting(st, note_key, out, err) != 0 ? -1 : 0;
}

bool settings_is_set(const struct set_keys *k, const char *key)
{
	for (size_t i = 0; i < k->n; i++)
		if (strcmp(k->keys[i], key) == 0)
			return true;
	return false;
}

int json_settings(struct jw *w, struct store *st, struct err *err)
{
	struct settings defaults;
	struct set_keys set = { .n = 0 };

	if (settings_read_set(st, &set, err) < 0)
		return -1;
	settings_default(&defaults);
	jw_object_begin(w);
	jw_key(w, "settings");
	jw_array_begin(w);
	for (size_t i = 0; i < settings_count; i++) {
		const struct setting_info *info = &settings_info[i];

		jw_object_begin(w);
		jw_field_string(w, "key", info->key);
		jw_field_real(w, "value", settings_get(store_settings(st), info));
		jw_field_real(w, "default", settings_get(&defaults, info));
		jw_field_bool(w, "set", settings_is_set(&set, info->key));
		jw_field_real(w, "min", info->min);
		jw_field_real(w, "max", info->max);
		jw_field_bool(w, "whole", info->whole);
		jw_field_bool(w, "rebuilds_sums", info->affects_sums);
		jw_field_string(w, "meaning", info->help);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
	return 0;
}

void settings_unknown_message(const char *key, const char *listed, char *msg, size_t msgsz)
{
	struct edit_nearest near;

	edit_nearest_begin(&near, key);
	for (size_t i = 0; i < settings_count; i++)
		edit_nearest_add(&near, settings_info[i].key);
	if (near.n == 1)
		(void)snprintf(msg, msgsz, "no setting '%.80s'; did you mean '%s'?", key, near.best[0]);
	else
		(void)snprintf(msg, msgsz, "no setting '%.80s'; %s", key, listed);
}

void settings_changed_message(struct store *st, const char *key, char *msg, size_t msgsz)
{
	const struct setting_info *info = settings_find(key);

	if (info == NULL) {
		(void)snprintf(msg, msgsz, "no setting '%.80s'", key);
		return;
	}
	(void)snprintf(msg, msgsz, "%s = %g%s", key, settings_get(store_settings(st), info),
		       info->affects_sums ? " (running sums rebuilt)" : "");
}
