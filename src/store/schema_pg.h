/* The PostgreSQL schema as numbered forward migrations, embedded in the
 * binary: the same tables, columns and versions as schema_sqlite.h in
 * PostgreSQL's dialect (identity ids, double precision, keys compared
 * byte by byte with COLLATE "C" as SQLite compares them). Migration v
 * (1-based) is pg_migrations[v - 1]; a migration is never edited once
 * released. docs/data-model.md describes the tables. */
#ifndef COMPGAP_SCHEMA_PG_H
#define COMPGAP_SCHEMA_PG_H

enum {
	PG_MIGRATION_COUNT = 15
};

extern const char *const pg_migrations[PG_MIGRATION_COUNT];

#endif
