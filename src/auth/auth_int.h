/* What the files of src/auth/ share. Nothing outside src/auth/ (and its
 * tests) includes it. */
#ifndef COMPGAP_AUTH_INT_H
#define COMPGAP_AUTH_INT_H

#include <stddef.h>
#include <stdint.h>

#include "auth/auth.h"

/* common_passwords.c: lower-cased, sorted by byte for bsearch. */
extern const char *const auth_common_passwords[];
extern const size_t auth_common_password_count;

/* roles.c: fills p from a stored user or token. Returns 0, or -1 with err
 * set when the stored role is unknown or there are too many teams. */
int auth_principal_from(const struct store_account *a, enum principal_kind kind,
			struct principal *p, struct err *err);

/* Starts libsodium once; 0, or -1 when it cannot. */
int auth_sodium_ready(void);

#endif
