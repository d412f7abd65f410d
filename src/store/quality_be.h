/* What each backend implements for scorecards and evaluations
 * (store/quality.h): one function that runs the statements of
 * store/quality_sql.h, which each engine compiles with its own
 * placeholders (sqlite_quality.c, pg_quality.c). The bulk inserts of an
 * import go through the backend's put_rows (the copy's, one prepared
 * statement or one COPY per chunk). store/quality.c holds the rest, the
 * same on both engines. Nothing outside src/store/ includes this file. */
#ifndef COMPGAP_QUALITY_BE_H
#define COMPGAP_QUALITY_BE_H

#include <stdint.h>

#include "store/privacy_be.h"

struct store;
struct err;

/* The statements; store/quality_sql.h gives the parameters and the
 * columns of each. */
enum qa_stmt {
	QA_CARD_ID, QA_PUT_CARD, QA_PUT_VERSION, QA_PUT_AREA, QA_LATEST_AREAS,
	QA_RESERVE_EVALUATIONS, QA_RESERVE_EVIDENCE,
	QA_EVAL_KEYS, QA_EVAL_HEAD, QA_EVAL_SCORES, QA_EVAL_EVIDENCE, QA_EVAL_UPDATE,
	QA_EVAL_DELETE_SCORES, QA_EVAL_RETRACT,
	QA_TEAM_MEMBERS, QA_TEAM_MONTH,
	QA_EXPLAIN_LINKS, QA_DERIVED_EVIDENCE, QA_EXPORT_EVALUATIONS,
	QA_CONTACT_VIEWS, QA_AGENT_EVALUATIONS,
	QA_COUNT_OF_STATEMENTS
};

/* Runs statement id with p[0..np) (struct pv_param of privacy_be.h) as
 * its parameters; calls row(ctx, cols, ncols) for each result row with
 * its columns as text (NULL for SQL NULL), until it returns nonzero,
 * which is returned; *changes (when not NULL) gets the rows an INSERT,
 * UPDATE or DELETE changed. SQLite keeps the statements prepared (an
 * import runs some per evaluation). */
typedef int qa_run_fn(struct store *st, enum qa_stmt id, const struct pv_param *p, int np,
		      int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
		      int64_t *changes, struct err *err);

qa_run_fn sq_qa_run, pq_qa_run;

#endif
