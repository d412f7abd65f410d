/* The SQLite schema as numbered forward migrations, embedded in the binary.
 * Migration v (1-based) is sqlite_migrations[v - 1]; a migration is never
 * edited once released: changes are new migrations. docs/data-model.md
 * describes the tables. */
#ifndef COMPGAP_SCHEMA_SQLITE_H
#define COMPGAP_SCHEMA_SQLITE_H

enum {
	SQLITE_MIGRATION_COUNT = 15
};

extern const char *const sqlite_migrations[SQLITE_MIGRATION_COUNT];

#endif
