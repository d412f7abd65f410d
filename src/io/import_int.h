/* What the parts of the import share: the importer's state and the
 * functions each part gives the others. Not for use outside src/io/import*.c. */
#ifndef COMPGAP_IMPORT_INT_H
#define COMPGAP_IMPORT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "io/csv.h"
#include "io/import.h"
#include "store/okr.h"
#include "store/quality.h"
#include "store/texts.h"
#include "util/arena.h"
#include "util/strmap.h"

enum {
	MSG_MAX = 512,
	EVIDENCE_BATCH = 4096,     /* evidence rows handed to the store at once */
	COLUMNS_MAX = 11,          /* the most columns a kind has */
	ROW_BAD = 1u << COLUMNS_MAX  /* in row_bad: the row has invalid UTF-8 */
};

/* The cap on the strings an import keeps (a size_t, which an enum
 * constant cannot hold). */
#define ARENA_MAX ((size_t)1 << 32)

/* A row of a small kind kept until the whole file has been checked. */
struct pending {
	long line;            /* the line the row starts on */
	union {
		struct team team;
		struct person person;
		struct competency competency;
		struct indicator indicator;
		struct requirement requirement;
		struct library_text text;
		struct {
			const char *scorecard;
			struct scorecard_area_def area;
		} card;
		struct objective objective;
		struct key_result key_result;
		struct checkin checkin;
	} u;
};

struct qa_import;
struct okr_import;

/* The state of one import. */
struct importer {
	struct store *st;
	enum import_kind kind;
	const char *file;            /* the file's name in messages */
	struct import_options opt;   /* the caller's, or the defaults */
	int32_t today;               /* date_today() when the import began */
	int32_t future_days;         /* evidence dated more days after today is
					refused, unless opt.allow_future */
	struct import_report *rep;   /* the caller's; counts problems and rows */
	struct err *err;             /* set on a hard failure */
	int map[CSV_FIELDS_MAX];     /* header position -> canonical column, -1 */
	size_t nheader;
	bool present[COLUMNS_MAX];             /* canonical column is in the header */
	char sep;                    /* the separator found in the header */
	unsigned forms;              /* PARSE_* forms the file's dialect allows */
	unsigned row_bad;            /* ROW_BAD, and a bit per column, when this row
					has invalid UTF-8 */
	struct arena arena;          /* strings of pending rows */
	struct pending *rows;        /* small kinds: all rows of the file */
	size_t nrows, caprows;       /* rows in use and allocated */
	struct strmap seen;          /* key in this file -> index into rows */
	struct evidence batch[EVIDENCE_BATCH];
	size_t nbatch;               /* rows in batch */
	struct arena batch_arena;    /* strings of the evidence batch */
	bool failed;                 /* a hard error (I/O, database) occurred */
	long stopped_at;             /* the line reading stopped at, after
				      * IMPORT_PROBLEMS_MAX problems; 0: none */
	struct qa_import *qa;        /* evaluations: what the file holds so far */
	struct okr_import *okr;      /* OKRs: the stored objectives and key results */
};

/* A row's cells by canonical column. */
struct cells {
	const char *v[COLUMNS_MAX];     /* canonical column -> value, NULL when absent */
	long line;            /* the line the row starts on */
};

/* Reports a problem of the file (line 0), a row (column NULL) or a cell;
 * counts it in the report. Silent for a column of this row that has
 * invalid UTF-8, which was reported already. (import.c) */
void import_problem(struct importer *im, long line, const char *column, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Takes a database or memory failure: the import stops. (import.c) */
void import_fail(struct importer *im);

/* The name of canonical column col of the importer's kind. (import.c) */
const char *import_column_name(const struct importer *im, int col);

/* The row checks' helpers (import_rows.c). import_check: the cell of
 * column col passes validate (or is absent), else a problem of it.
 * import_optional: an optional cell's text, NULL when absent or empty.
 * import_keep: s copied into the import's arena (NULL a hard failure).
 * import_add_pending: a new pending row of the line. import_first_time:
 * key was not defined before in the file (else a problem of column col
 * naming the first line). import_exists: key names a stored row of kind
 * (else a problem of column col with the hint, or the nearest key). */
bool import_check(struct importer *im, const struct cells *c, int col,
		  int (*validate)(const char *s, char *msg, size_t msgsz));
const char *import_optional(const struct cells *c, int col);
char *import_keep(struct importer *im, const char *s);
struct pending *import_add_pending(struct importer *im, long line);
bool import_first_time(struct importer *im, const struct cells *c, int col, const char *key);
bool import_exists(struct importer *im, const struct cells *c, int col, enum entity kind,
		   const char *key, const char *hint);

/* Check one row of each kind; a good row of a small kind is kept as
 * pending, a good evidence row goes into the batch. (import_rows.c) */
void import_team_row(struct importer *im, const struct cells *c);
void import_person_row(struct importer *im, const struct cells *c);
void import_competency_row(struct importer *im, const struct cells *c);
void import_indicator_row(struct importer *im, const struct cells *c);
void import_role_row(struct importer *im, const struct cells *c);
void import_evidence_row(struct importer *im, const struct cells *c);
void import_library_text_row(struct importer *im, const struct cells *c);

/* Stores the evidence batch unless a problem was found, and empties it.
 * (import_rows.c) */
void import_flush_evidence(struct importer *im);

/* Refuses a row dated date (written text in column column) after today
 * plus the setting future_days: almost always a typing error.
 * (import_rows.c) */
void import_future_date(struct importer *im, long line, const char *column, const char *text,
			int32_t date);

/* Scorecards and evaluations (import_quality.c): the row checks, the
 * setting up (0, or -1 with im->err set) before the first row, and the
 * checks of the whole file and the writing after the last; import_qa_free
 * frees what they kept. */
void import_scorecard_row(struct importer *im, const struct cells *c);
void import_write_scorecards(struct importer *im);
int import_qa_begin(struct importer *im);
void import_evaluation_row(struct importer *im, const struct cells *c);
void import_write_evaluations(struct importer *im);
void import_qa_free(struct importer *im);

/* Objectives, key results and check-ins (import_okr.c): the stored ones
 * read before the first row (0, or -1 with im->err set), the row checks,
 * the checks of the whole file and the writing in the order given (the
 * objectives': parents first), and what import_okr_free frees. */
int import_okr_begin(struct importer *im);
void import_objective_row(struct importer *im, const struct cells *c);
void import_key_result_row(struct importer *im, const struct cells *c);
void import_checkin_row(struct importer *im, const struct cells *c);
void import_write_okr(struct importer *im);
void import_okr_free(struct importer *im);

/* A directed graph of key -> parent key (teams' parents, people's
 * managers, objectives' parents) merged from the database and the file,
 * for cycle checks. (import_write.c) */
struct import_graph {
	struct strmap index;      /* key -> node */
	const char **parent;      /* node -> parent key or NULL */
	const char **keys;        /* node -> key */
	size_t n, cap;
	struct arena strings;
};

/* import_graph_set: key's parent is parent (NULL: none), 0 or -1 when
 * memory is exhausted. import_graph_cycle: describes the loop through key
 * into out ("a > b > a"), or returns false when following the parents
 * from key ends at a root (or in a loop above key, reported for its own
 * members). */
void import_graph_init(struct import_graph *g);
int import_graph_set(struct import_graph *g, const char *key, const char *parent);
bool import_graph_cycle(const struct import_graph *g, const char *key, char *out, size_t outsz);
void import_graph_free(struct import_graph *g);

/* Checks the trees (teams, managers) and stores the pending rows of a
 * small kind, parents first. (import_write.c) */
void import_write_pending(struct importer *im);

#endif
