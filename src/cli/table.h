/* Plain-text tables for the terminal: columns padded to their widest cell
 * (counted in code points), numbers right-aligned. */
#ifndef COMPGAP_TABLE_H
#define COMPGAP_TABLE_H

#include <stdio.h>

#include "util/arena.h"

enum {
	TABLE_COLS_MAX = 12
};

struct table {
	size_t ncols;
	const char *headers[TABLE_COLS_MAX];
	unsigned right;            /* bit i: right-align column i */
	char **cells;              /* nrows * ncols, in the arena */
	size_t nrows, capcells;
	struct arena arena;        /* copies of the cells */
	const char *indent;        /* printed before each line */
};

/* Starts a table with ncols columns named by headers (NULL for none). */
void table_init(struct table *t, size_t ncols, const char *const *headers, unsigned right);

/* Adds a row of ncols cells (NULL cells print as "-"); 0 or -1 on
 * exhaustion. */
int table_add(struct table *t, const char *const *cells);

/* Prints the table and frees it. */
void table_print(struct table *t, FILE *out);

/* Frees the table without printing it. */
void table_free(struct table *t);

#endif
