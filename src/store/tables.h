/* Every table of the schema, column by column, for what treats tables
 * alike on both engines: the whole-database copy and its checksum
 * (copy.c). The schema itself is in schema_sqlite.c and schema_pg.c; this
 * list must name the same columns (a test copies every table and compares
 * the exports). Nothing outside src/store/ includes this file. */
#ifndef COMPGAP_TABLES_H
#define COMPGAP_TABLES_H

#include <stddef.h>
#include <stdint.h>

enum cell_type {
	CELL_INT,      /* integer, bigint */
	CELL_REAL,     /* REAL, double precision */
	CELL_TEXT,
	CELL_BLOB      /* BLOB, bytea */
};

/* One value of a row. */
struct cell {
	int null;
	int64_t i;
	double r;
	const char *s;  /* CELL_TEXT, CELL_BLOB; owned by whoever filled the cell */
	size_t n;       /* CELL_BLOB: its length */
};

struct column_def {
	const char *name;
	enum cell_type type;
};

enum {
	TABLE_MAX_COLUMNS = 12
};

struct table_def {
	const char *name;
	const char *label;            /* for people: "teams", "running sums" */
	const char *order_by;         /* the primary key */
	const char *self_ref;         /* a column that refers to this table's id, or NULL */
	int has_identity;             /* an id column that new rows number */
	int ncolumns;
	struct column_def columns[TABLE_MAX_COLUMNS];
};

/* In an order in which every table comes after those it refers to. */
extern const struct table_def store_tables[];
extern const int store_table_count;

#endif
