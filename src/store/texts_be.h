/* What each backend implements for the library's texts (store/texts.h):
 * one function that runs the statements of store/texts_sql.h, which each
 * engine compiles with its own placeholders (sqlite_texts.c,
 * pg_texts.c). store/texts.c holds the rest, the same on both engines.
 * Nothing outside src/store/ includes this file. */
#ifndef COMPGAP_TEXTS_BE_H
#define COMPGAP_TEXTS_BE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/privacy_be.h"

struct store;
struct err;

/* The statements; store/texts_sql.h gives the parameters and the columns
 * of each. */
enum tx_stmt {
	TX_PUT_COMPETENCY_NAME, TX_PUT_COMPETENCY_DESCRIPTION,
	TX_DROP_COMPETENCY_NAME, TX_DROP_COMPETENCY_DESCRIPTION, TX_DROP_EMPTY_COMPETENCY,
	TX_PUT_INDICATOR, TX_DROP_INDICATOR, TX_INDICATOR_BASE, TX_LAPSED_INDICATORS,
	TX_PUT_ROLE, TX_DROP_ROLE,
	TX_FORGET_COMPETENCY, TX_FORGET_COMPETENCY_INDICATORS, TX_FORGET_ROLE,
	TX_EACH_COMPETENCY_TEXT, TX_EACH_INDICATOR_TEXT, TX_EACH_ROLE_TEXT,
	TX_LIB_COMPETENCIES, TX_LIB_INDICATORS, TX_LIB_ROLES, TX_LIB_REQUIREMENTS,
	/* The STAR notes of evidence rows (store/star.h), run by the same
	 * hook: a statement or two do not need a backend operation each. */
	TX_STAR_PUT, TX_STAR_OF_PERSON,
	TX_COUNT_OF_STATEMENTS
};

enum {
	TX_PARAMS_MAX = 5
};

/* Runs statement id with p[0..np) (struct pv_param of privacy_be.h) as
 * its parameters; calls row(ctx, cols, ncols) for each result row with its
 * columns as text (NULL for SQL NULL), until it returns nonzero, which is
 * returned; *changes (when not NULL) gets the rows an INSERT, UPDATE or
 * DELETE changed. */
/* A whole-number column of those rows (text on both engines) into *out:
 * false when it is not one, which the rows' readers refuse as rows not as
 * expected. */
bool texts_column_int(const char *s, int *out);

typedef int texts_run_fn(struct store *st, enum tx_stmt id, const struct pv_param *p, int np,
			 int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
			 int64_t *changes, struct err *err);

texts_run_fn sq_texts_run, pq_texts_run;

#endif
