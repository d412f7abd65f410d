/* Changing the method's settings over HTTP, shared by PUT
 * /api/v1/settings/{key} (http/settings.c) and the settings page
 * (web/admin_settings.c), so that both check, store and log a change by
 * one code path: store_set_settings in one transaction with an audit
 * entry per change (`setting.set`, detail "180 -> 120"), and a refused
 * value logged as `failed`. */
#ifndef COMPGAP_HTTP_SETTINGS_H
#define COMPGAP_HTTP_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/settings.h"
#include "http/handler.h"
#include "store/store.h"

/* Whether caller may read and change the settings: admins only
 * (docs/security.md). The API and the page ask this one function. */
bool http_settings_allowed(const struct http_caller *caller);

/* One change of a setting. */
struct http_setting_change {
	const struct setting_info *info;  /* which; set by the caller */
	char value[64];                   /* the new value as text, as `config set` takes it */
	char refused[256];                /* why the value was refused ("" when it was not) */
	char detail[256];                 /* the audit entry's detail */
	double before, after;             /* the values around a change that was stored */
};

/* Stores ch[0..n) in one transaction with their audit entries. Every
 * value is checked first (settings_set, the check of `config set`); when
 * any is refused, nothing is stored: each refused change has its message
 * in refused, and -1 is returned with err->code EX_DATAERR (log them with
 * http_settings_log_refused once the answer is made). Any other failure
 * is -1 with err set by the store. 0 when stored. */
int http_settings_store(const struct http_ctx *cx, struct store *st,
			struct http_setting_change *ch, size_t n, struct err *err);

/* Writes a `failed` audit entry for each refused change of ch[0..n)
 * (http_audit_write: the answer becomes 503 when one cannot be written).
 * Returns 0. */
int http_settings_log_refused(struct http_ctx *cx, struct store *st,
			      struct http_setting_change *ch, size_t n);

#endif
