/* Import of the CSV formats of docs/csv-formats.md into the store.
 *
 * One file is one transaction: every row is parsed and checked (field
 * values, references to keys in the file or the database, keys given twice,
 * cycles in the team tree and the manager chain), every problem is reported
 * with its line and column, and nothing is stored unless the whole file is
 * good. Teams, people, competencies and roles are upserted by key; the
 * indicators of each competency named in the file replace its earlier ones;
 * evidence rows are appended; a scorecard whose areas differ from its
 * latest version gets a new version; an evaluation is added, or corrects
 * the stored one of its key (io/import_quality.c); objectives and key
 * results are upserted by key, and a check-in replaces the one of its key
 * result on its day (io/import_okr.c). */
#ifndef COMPGAP_IMPORT_H
#define COMPGAP_IMPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "store/store.h"
#include "util/err.h"

enum import_kind {
	IMPORT_TEAMS,
	IMPORT_PEOPLE,
	IMPORT_COMPETENCIES,
	IMPORT_INDICATORS,
	IMPORT_ROLES,
	IMPORT_EVIDENCE,
	IMPORT_LIBRARY_TEXTS,      /* the library's texts in other languages */
	IMPORT_SCORECARDS,         /* quality scorecards, versioned */
	IMPORT_EVALUATIONS,        /* evaluations of customer contacts */
	IMPORT_OBJECTIVES,         /* OKRs: objectives, their key results, */
	IMPORT_KEY_RESULTS,        /* and the check-ins of these */
	IMPORT_CHECKINS,
	IMPORT_KIND_COUNT
};

/* Parses a kind name ("teams", "people" ...); 0, or -1 when unknown. */
int import_kind_parse(const char *name, enum import_kind *kind);

/* The name of a kind. */
const char *import_kind_name(enum import_kind kind);

/* The kinds' names joined with ", ", for messages. */
const char *import_kind_list(void);

/* The columns of a kind in their canonical order (the export's header):
 * sets *names and returns how many there are. */
size_t import_columns(enum import_kind kind, const char *const **names);

enum {
	/* An import stops reading after this many problems: a file that has
	 * them is the wrong file or in the wrong format, and an endless input
	 * with line ends (/dev/urandom, an endless upload) must end. */
	IMPORT_PROBLEMS_MAX = 10000
};

/* Where problems and progress go. */
struct import_report {
	/* Called once per problem; column is NULL for a problem of the whole
	 * row or file, line is 0 for one of the whole file. */
	void (*problem)(void *ctx, const char *file, long line, const char *column,
			const char *msg);
	/* Called now and then with the number of rows read so far; may be
	 * NULL. */
	void (*progress)(void *ctx, long rows);
	void *ctx;
	long errors;    /* out: problems found */
	long rows;      /* out: rows stored (0 when the file was refused) */
};

/* What the caller allows beyond the checks every import makes; all false
 * (or a NULL pointer) is the strict default. */
struct import_options {
	/* Take evidence dated more than the setting future_days after today
	 * (date_today), which is otherwise refused as a likely typing error. */
	bool allow_future;
	/* How the caller's user asks for allow_future ("--allow-future",
	 * "allow_future=1"), named in the message that refuses such a row;
	 * NULL: not named. */
	const char *allow_future_option;
	/* Called for each evidence row that passed every other check, before
	 * it is stored: 1 takes it; 0 refuses it, with the column at fault
	 * (or NULL) and the message in msg; -1 stops the import with err set.
	 * NULL: every good row is taken. For the server, whose callers may
	 * add only some evidence (a coach: qa rows about their teams). */
	int (*evidence_allowed)(void *ctx, const struct evidence *e, const char **column,
				char *msg, size_t msgsz, struct err *err);
	void *evidence_ctx;          /* for evidence_allowed */
};

/* Reads a CSV file of kind from in (named name in messages) and stores it
 * in one transaction, run again from the start of in when the database
 * asks for a retry (store_transact). opts may be NULL (the defaults).
 * Returns 0 when it was stored; -1 with err set otherwise: EX_DATAERR when
 * rows were bad (each reported through report, and the database left as it
 * was), another code when reading or the database failed. */
int import_csv(struct store *st, enum import_kind kind, FILE *in, const char *name,
	       const struct import_options *opts, struct import_report *report,
	       struct err *err);

/* As import_csv, inside the caller's open transaction, which it neither
 * commits nor rolls back: on failure the caller must roll back. For
 * callers that import several files as one whole (the demo). */
int import_csv_in(struct store *st, enum import_kind kind, FILE *in, const char *name,
		  const struct import_options *opts, struct import_report *report,
		  struct err *err);


/* As import_csv_in, with the rows given as values rather than read from a
 * CSV file: values[i * ncolumns + c] is the value of canonical column c
 * (import_columns) of row i, NULL when the field is not given (as when
 * its column is not in a file's header: the stored value is kept), "" to
 * clear it. The checks, the messages and the writing are the CSV's; a
 * problem's line is the row's number, from 1. For the API, whose JSON
 * objects carry the CSV's fields. */
int import_values_in(struct store *st, enum import_kind kind, const char *const *values,
		     size_t nrows, const char *name, const struct import_options *opts,
		     struct import_report *report, struct err *err);

#endif
