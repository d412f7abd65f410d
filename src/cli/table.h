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
	const char **colours;      /* per row: an ANSI colour for the line, or NULL */
	size_t capcolours;
	const char *colour_off;    /* printed after a coloured line */
	struct arena arena;        /* copies of the cells */
	const char *indent;        /* printed before each line */
};

/* Starts a table with ncols columns named by headers (NULL for none). */
void table_init(struct table *t, size_t ncols, const char *const *headers, unsigned right);

/* Adds a row of ncols cells (NULL cells print as "-"); 0 or -1 on
 * exhaustion. */
int table_add(struct table *t, const char *const *cells);

/* As table_add, printing the row in colour (an ANSI sequence, with off
 * after the row; "" or NULL for none). */
int table_add_coloured(struct table *t, const char *const *cells, const char *colour,
		       const char *off);

/* Prints the table and frees it. */
void table_print(struct table *t, FILE *out);

/* Frees the table without printing it. */
void table_free(struct table *t);

#endif
