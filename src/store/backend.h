/* What a storage backend implements. store.c holds the engine-independent
 * parts (choosing the backend, the key cache, argument checks) and calls
 * these; sqlite.c (and later pg.c) fill in one struct backend each. Nothing
 * outside src/store/ includes this file. */
#ifndef COMPGAP_BACKEND_H
#define COMPGAP_BACKEND_H

#include "store/store.h"
#include "util/strmap.h"

struct backend;

/* The schema version both engines migrate to; each backend has exactly this
 * many migrations. */
enum {
	SCHEMA_VERSION = 2
};

/* Running sums added in the open transaction, per (person id, competency
 * id), written to the store at commit (store.c). */
struct pending_sums {
	int64_t *keys;                   /* 2 per slot: person, competency; 0: free */
	struct evidence_sums *sums;
	size_t cap, count;
};

struct store {
	const struct backend *be;        /* the engine's functions */
	struct settings settings;        /* in force: defaults and the database's */
	struct pending_sums pending;     /* sums to add at commit */
	void *conn;                      /* the engine's connection state */
	char describe[256];              /* "sqlite:PATH" */
	int in_tx;                       /* a transaction is open */
	struct strmap keys[ENTITY_KEYED];/* key -> id, loaded on first lookup */
	int keys_loaded[ENTITY_KEYED];
	int64_t batch;                   /* current import batch, 0 for none */
};

struct backend {
	const char *name;
	/* Connects; fails with EX_NOINPUT when the database is missing and
	 * create is 0. Sets st->conn. */
	int (*open)(struct store *st, const char *target, int create, struct err *err);
	void (*close)(struct store *st);
	int (*schema_version)(struct store *st, int *version, struct err *err);
	int (*migrate)(struct store *st, int target, struct err *err);
	int (*begin)(struct store *st, int write, struct err *err);
	int (*commit)(struct store *st, struct err *err);
	void (*rollback)(struct store *st);
	/* Calls cb for every key of kind with its id. */
	int (*each_key)(struct store *st, enum entity kind,
			int (*cb)(void *ctx, const char *key, int64_t id), void *ctx,
			struct err *err);
	int (*count)(struct store *st, enum entity kind, int64_t *n, struct err *err);
	/* Upserts return the row's id in *id. */
	int (*put_team)(struct store *st, const struct team *t, int64_t *id, struct err *err);
	int (*put_person)(struct store *st, const struct person *p, int64_t *id, struct err *err);
	int (*put_competency)(struct store *st, const struct competency *c, int64_t *id,
			      struct err *err);
	int (*put_role)(struct store *st, const char *key, int64_t *id, struct err *err);
	int (*replace_indicators)(struct store *st, int64_t competency_id,
				  const struct indicator *items, size_t n, struct err *err);
	int (*put_requirement)(struct store *st, int64_t role_id, int64_t competency_id,
			       const struct requirement *r, struct err *err);
	int (*log_import)(struct store *st, const char *kind, const char *source_name,
			  int64_t *batch, struct err *err);
	int (*log_import_rows)(struct store *st, int64_t batch, int64_t rows, struct err *err);
	/* ids[3*i .. 3*i+2] are person, competency and assessor (0: none) of
	 * rows[i]. */
	int (*append_evidence)(struct store *st, const struct evidence *rows,
			       const int64_t *ids, size_t n, struct err *err);
	int (*retract_evidence)(struct store *st, int64_t id, const char *reason,
				struct err *err);
	int (*each_team)(struct store *st, const char *key,
			 int (*cb)(void *ctx, const struct team *t), void *ctx, struct err *err);
	int (*each_person)(struct store *st, const char *key,
			   int (*cb)(void *ctx, const struct person *p), void *ctx,
			   struct err *err);
	int (*each_competency)(struct store *st, const char *key,
			       int (*cb)(void *ctx, const struct competency *c), void *ctx,
			       struct err *err);
	int (*each_indicator)(struct store *st, const char *competency,
			      int (*cb)(void *ctx, const struct indicator *i), void *ctx,
			      struct err *err);
	int (*each_requirement)(struct store *st, const char *role,
				int (*cb)(void *ctx, const struct requirement *r), void *ctx,
				struct err *err);
	int (*each_evidence)(struct store *st, const struct evidence_filter *f,
			     int (*cb)(void *ctx, const struct evidence *e), void *ctx,
			     struct err *err);
	int (*each_setting)(struct store *st,
			    int (*cb)(void *ctx, const char *key, const char *value), void *ctx,
			    struct err *err);
	int (*put_setting)(struct store *st, const char *key, const char *value,
			   struct err *err);
	/* Adds s to the stored sums of (person_id, competency_id). */
	int (*add_sums)(struct store *st, int64_t person_id, int64_t competency_id,
			const struct evidence_sums *s, struct err *err);
	/* Recomputes every running sum from the evidence in force, with
	 * st->settings. */
	int (*rebuild_sums)(struct store *st, struct err *err);
	/* Fills out (already initialised, as_of set) using snapshot_add_member
	 * and snapshot_add_line. */
	int (*load_snapshot)(struct store *st, const struct snapshot_filter *f,
			     struct team_snapshot *out, struct err *err);
	int (*each_candidate)(struct store *st, const struct candidate_query *q,
			      int (*cb)(void *ctx, const char *competency, const char *person,
					const char *team, const struct evidence_sums *s),
			      void *ctx, struct err *err);
};

/* Snapshot building, for backends: append a member, or a line of member
 * m (lines are added member by member, in the members' order); strings are
 * copied. 0, or -1 when memory is exhausted. */
int snapshot_add_member(struct team_snapshot *s, const char *key, const char *name,
			const char *team, const char *role);
int snapshot_add_line(struct team_snapshot *s, size_t m, const char *competency,
		      int required_level, int weight, const struct evidence_sums *sums);

extern const struct backend backend_sqlite;

#endif
