/* The method's settings as `compgap config --json` writes them and GET
 * /api/v1/settings serves them, and the messages of a change that the
 * command line and the server share (cmd_config.c, http/settings.c). */
#ifndef COMPGAP_JSON_SETTINGS_H
#define COMPGAP_JSON_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"
#include "util/jsonw.h"

/* {"settings": [{"key", "value", "default", "set", "min", "max", "whole",
 * "rebuilds_sums", "meaning"}]}, in the order `compgap config` lists
 * them; "set" is whether the database holds a value of its own. 0, or -1
 * with err set (the document is then unfinished). */
int json_settings(struct jw *w, struct store *st, struct err *err);

/* The keys that the database holds a value of its own for. */
struct set_keys {
	char keys[64][64];
	size_t n;
};

/* Reads them from st into out: 0, or -1 with err set. */
int settings_read_set(struct store *st, struct set_keys *out, struct err *err);

/* Whether key is among them. */
bool settings_is_set(const struct set_keys *k, const char *key);

/* "no setting 'KEY'; did you mean 'NEAR'?", or "...; LISTED" when none is
 * near (LISTED says where they are listed). */
void settings_unknown_message(const char *key, const char *listed, char *msg, size_t msgsz);

/* "KEY = VALUE", with " (running sums rebuilt)" for a setting that
 * rebuilds them: what a change of KEY in st's settings did. */
void settings_changed_message(struct store *st, const char *key, char *msg, size_t msgsz);

#endif
