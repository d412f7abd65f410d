/* What store/privacy.c and store/privacy_purge.c share: parameters, the
 * engine's statement runner, a column read as an integer, a person's id.
 * Nothing outside them includes it. */
#ifndef COMPGAP_PRIVACY_INT_H
#define COMPGAP_PRIVACY_INT_H

#include <stdlib.h>
#include <sysexits.h>

#include "store/backend.h"
#include "store/privacy.h"

static inline struct pv_param P_INT(int64_t i)
{
	return (struct pv_param){ .kind = PV_INT, .i = i };
}

static inline struct pv_param P_REAL(double r)
{
	return (struct pv_param){ .kind = PV_REAL, .r = r };
}

static inline struct pv_param P_TEXT(const char *s)
{
	return (struct pv_param){ .kind = s != NULL ? PV_TEXT : PV_NULL, .s = s };
}

static inline struct pv_param P_BLOB(const void *p, size_t n)
{
	return (struct pv_param){ .kind = PV_BLOB, .s = p, .n = n };
}

static inline int pv_run(struct store *st, enum pv_stmt id, const struct pv_param *p, int np,
	       int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
	       int64_t *changes, struct err *err)
{
	return st->be->privacy_run(st, id, p, np, row, ctx, changes, err);
}

static inline int64_t pv_int(const char *s)
{
	return s != NULL ? strtoll(s, NULL, 10) : 0;
}

/* The store id of person key; EX_NOINPUT when there is none. */
static inline int pv_person_id(struct store *st, const char *key, int64_t *id, struct err *err)
{
	int rc = store_lookup(st, ENTITY_PERSON, key, id, err);

	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(err, EX_NOINPUT, "no person '%s'", key);
	return 0;
}

#endif
