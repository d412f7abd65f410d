/* Creating, changing and deleting one team, person, competency or role,
 * and adding evidence, for the API. Every value goes through the CSV
 * import's checks and writing (import_values_in), so that the API refuses
 * what the CSV refuses, with the same words, and upserts as it does; this
 * file only puts together the row that the request means. */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "core/validate.h"
#include "io/entities.h"
#include "io/entities_texts.h"

static const char *const entity_word[ENTITY_KEYED] = { "team", "person", "competency", "role" };

static const enum import_kind import_kind_of[ENTITY_KEYED] = {
	IMPORT_TEAMS, IMPORT_PEOPLE, IMPORT_COMPETENCIES, IMPORT_ROLES
};

/* Fills fe from a store failure: not found and conflicts by their codes. */
static int store_failed(struct field_error *fe, const struct err *err, const char *field)
{
	fe->code = err->code == EX_NOINPUT ? EE_NOT_FOUND
		 : err->code == EX_CANTCREAT ? EE_CONFLICT
		 : err->code == EX_DATAERR ? EE_INVALID : EE_STORE;
	fe->err = *err;
	fe->problems = 1;
	(void)snprintf(fe->message, sizeof fe->message, "%s", err->msg);
	(void)snprintf(fe->field, sizeof fe->field, "%s", field != NULL ? field : "");
	return -1;
}

/* ---- the import's problems as field errors --------------------------------- */

/* How a problem's line and CSV column become the request's field. */
enum field_naming {
	NAME_PLAIN,         /* the column's name ("id" for a person) */
	NAME_ITEM,          /* "[line-1].column": an array of evidence */
	NAME_REQUIREMENT,   /* "requirements[line-1].column", the role's column "key" */
	NAME_INDICATOR      /* "indicators[line-1]", or "levels" past the indicators */
};

struct problems {
	struct field_error *fe;
	enum field_naming naming;
	size_t nindicators;        /* NAME_INDICATOR: rows that are indicators */
	const struct field_sink *sink;   /* the patch's, or NULL */
};

static void on_problem(void *ctx, const char *file, long line, const char *column,
		       const char *msg)
{
	struct problems *p = ctx;
	struct field_error *fe = p->fe;
	const char *col = column != NULL ? column : "";
	char field[sizeof fe->field];

	(void)file;
	switch (p->naming) {
	case NAME_PLAIN:
		(void)snprintf(field, sizeof field, "%s", col);
		break;
	case NAME_ITEM:
		(void)snprintf(field, sizeof field, "[%ld]%s%s", line - 1, col[0] ? "." : "", col);
		break;
	case NAME_REQUIREMENT:
		if (strcmp(col, "role") == 0)
			(void)snprintf(field, sizeof field, "key");
		else
			(void)snprintf(field, sizeof field, "requirements[%ld]%s%s", line - 1,
				       col[0] ? "." : "", col);
		break;
	case NAME_INDICATOR:
		if ((size_t)line <= p->nindicators)
			(void)snprintf(field, sizeof field, "indicators[%ld]", line - 1);
		else
			(void)snprintf(field, sizeof field, "levels");
		break;
	}
	if (p->sink != NULL)
		p->sink->problem(p->sink->ctx, field, msg);
	if (fe->problems++ > 0)
		return;
	fe->code = EE_INVALID;
	(void)snprintf(fe->message, sizeof fe->message, "%s", msg);
	(void)snprintf(fe->field, sizeof fe->field, "%s", field);
}

/* Runs the import on rows of values; 0, or -1 with fe set. */
static int import_rows(struct store *st, enum import_kind kind, const char *const *values,
		       size_t nrows, const struct import_options *opts, struct problems *p,
		       long *stored)
{
	struct import_report rep = { on_problem, NULL, p, 0, 0 };
	struct err err = { 0 };
	int rc;

	p->fe->problems = 0;
	rc = import_values_in(st, kind, values, nrows, "api", opts, &rep, &err);
	if (stored != NULL)
		*stored = rep.rows;
	if (rc == 0)
		return 0;
	if (rep.errors > 0) {
		p->fe->problems = rep.errors;
		return -1;
	}
	return store_failed(p->fe, &err, NULL);
}

/* ---- indicators and requirements --------------------------------------------- */

/* The stored indicators and descriptors of a competency, kept in an arena. */
struct stored_indicators {
	struct arena *a;
	const char **indicators;
	size_t n, cap;
	const char *levels[LEVEL_MAX + 1];
	int failed;
};

static int keep_indicator(void *ctx, const struct indicator *i)
{
	struct stored_indicators *s = ctx;
	const char *text = arena_strdup(s->a, i->text);

	if (text == NULL) {
		s->failed = 1;
		return 1;
	}
	if (i->level > 0 && i->level <= LEVEL_MAX) {
		s->levels[i->level] = text;
		return 0;
	}
	if (s->n == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 16;
		const char **grown = arena_alloc(s->a, cap * sizeof *grown);

		if (grown == NULL) {
			s->failed = 1;
			return 1;
		}
		if (s->n > 0)
			memcpy(grown, s->indicators, s->n * sizeof *grown);
		s->indicators = grown;
		s->cap = cap;
	}
	s->indicators[s->n++] = text;
	return 0;
}

/* Writes the competency's indicators and descriptors: those p gives,
 * the stored ones of the kind p does not give. */
static int write_indicators(struct store *st, const char *key, const struct entity_patch *p,
			    struct arena *a, struct field_error *fe)
{
	struct stored_indicators s = { .a = a };
	struct problems probs = { fe, NAME_INDICATOR, 0, p->sink };
	const char **indicators, **levels, **values;
	size_t nind, nrows = 0;
	char *digits;
	struct err err = { 0 };

	if (!p->has_indicators || !p->has_levels) {
		int rc = store_each_indicator(st, key, keep_indicator, &s, &err);

		if (rc < 0)
			return store_failed(fe, &err, NULL);
		if (s.failed)
			return entity_error_set(fe, EE_STORE, "", "out of memory");
	}
	indicators = p->has_indicators ? p->indicators : s.indicators;
	nind = p->has_indicators ? p->nindicators : s.n;
	levels = p->has_levels ? (const char **)p->levels : s.levels;
	values = arena_alloc(a, (nind + LEVEL_MAX) * 3 * sizeof *values);
	digits = arena_alloc(a, 2 * (LEVEL_MAX + 1));
	if (values == NULL || digits == NULL)
		return entity_error_set(fe, EE_STORE, "", "out of memory");
	for (size_t i = 0; i < nind; i++, nrows++) {
		values[3 * nrows] = key;
		values[3 * nrows + 1] = "";
		values[3 * nrows + 2] = indicators[i];
	}
	for (int level = LEVEL_MIN; level <= LEVEL_MAX; level++) {
		if (levels[level] == NULL)
			continue;
		digits[2 * level] = (char)('0' + level);
		digits[2 * level + 1] = '\0';
		values[3 * nrows] = key;
		values[3 * nrows + 1] = &digits[2 * level];
		values[3 * nrows + 2] = levels[level];
		nrows++;
	}
	if (nrows == 0) {
		if (store_replace_indicators(st, key, NULL, 0, &err) < 0)
			return store_failed(fe, &err, NULL);
		return 0;
	}
	probs.nindicators = nind;
	return import_rows(st, IMPORT_INDICATORS, values, nrows, NULL, &probs, NULL);
}

/* Replaces the role's requirements by those p gives. */
static int write_requirements(struct store *st, const char *role, const struct entity_patch *p,
			      struct arena *a, struct field_error *fe)
{
	struct problems probs = { fe, NAME_REQUIREMENT, 0, p->sink };
	const char **values;
	struct err err = { 0 };

	if (store_clear_requirements(st, role, &err) < 0)
		return store_failed(fe, &err, "key");
	if (p->nrequirements == 0)
		return 0;
	values = arena_alloc(a, p->nrequirements * 4 * sizeof *values);
	if (values == NULL)
		return entity_error_set(fe, EE_STORE, "", "out of memory");
	for (size_t i = 0; i < p->nrequirements; i++) {
		values[4 * i] = role;
		values[4 * i + 1] = p->requirements[i].competency;
		values[4 * i + 2] = p->requirements[i].required_level;
		values[4 * i + 3] = p->requirements[i].weight;
	}
	return import_rows(st, IMPORT_ROLES, values, p->nrequirements, NULL, &probs, NULL);
}

/* ---- create, update, delete ------------------------------------------------- */

static const char *key_field(enum entity kind)
{
	return kind == ENTITY_PERSON ? "id" : "key";
}

/* Writes the entity's own row: values by CSV column. */
static int write_row(struct store *st, enum entity kind, const char *const *values,
		     const struct field_sink *sink, struct field_error *fe)
{
	struct problems probs = { fe, NAME_PLAIN, 0, sink };

	return import_rows(st, import_kind_of[kind], values, 1, NULL, &probs, NULL);
}

int entity_create_in(struct store *st, const struct entity_patch *p, struct field_error *fe)
{
	const char *key = p->field[0];
	struct arena a;
	struct err err = { 0 };
	char msg[ERR_MSG_MAX];
	int rc;

	memset(fe, 0, sizeof *fe);
	if (p->kind >= ENTITY_KEYED)
		return entity_error_set(fe, EE_STORE, "", "evidence is added with evidence_add");
	if (key == NULL)
		return entity_error_set(fe, EE_MISSING_FIELD, key_field(p->kind), "%s is required",
			      key_field(p->kind));
	if (validate_key(key, msg, sizeof msg) < 0)
		return entity_error_set(fe, EE_INVALID, key_field(p->kind), "%s", msg);
	rc = store_lookup(st, p->kind, key, NULL, &err);
	if (rc < 0)
		return store_failed(fe, &err, NULL);
	if (rc > 0)
		return entity_error_set(fe, EE_CONFLICT, key_field(p->kind), "%s '%s' exists already; change it"
			      " with an update", entity_word[p->kind], key);
	arena_init(&a, (size_t)1 << 26);
	if (p->kind == ENTITY_ROLE) {
		rc = store_create_role(st, key, &err) < 0 ? store_failed(fe, &err, "key") : 0;
		if (rc == 0 && p->has_requirements)
			rc = write_requirements(st, key, p, &a, fe);
	} else {
		rc = write_row(st, p->kind, p->field, p->sink, fe);
		if (rc == 0 && p->kind == ENTITY_COMPETENCY && (p->has_indicators || p->has_levels))
			rc = write_indicators(st, key, p, &a, fe);
	}
	if (rc == 0 && p->has_texts)
		rc = entities_texts_write(st, key, p->texts, fe);
	arena_free(&a);
	return rc;
}

/* The stored name of the entity, into *name (in a); 0, or -1 with fe set
 * (EE_NOT_FOUND when there is none). */
static int stored_name(struct store *st, enum entity kind, const char *key, struct arena *a,
		       const char **name, struct field_error *fe)
{
	struct team t = { 0 };
	struct person p = { 0 };
	struct competency c = { 0 };
	struct err err = { 0 };
	int rc = 0;

	*name = NULL;
	switch (kind) {
	case ENTITY_TEAM:
		rc = store_get_team(st, key, &t, a, &err);
		*name = t.name;
		break;
	case ENTITY_PERSON:
		rc = store_get_person(st, key, &p, a, &err);
		*name = p.name;
		break;
	case ENTITY_COMPETENCY:
		rc = store_get_competency(st, key, &c, a, &err);
		*name = c.name;
		break;
	default:
		rc = store_lookup(st, kind, key, NULL, &err);
		break;
	}
	if (rc < 0)
		return store_failed(fe, &err, NULL);
	if (rc == 0)
		return entity_error_set(fe, EE_NOT_FOUND, "", "no %s '%s'", entity_word[kind], key);
	return 0;
}

int entity_update_in(struct store *st, const char *key, const struct entity_patch *p,
		     struct field_error *fe)
{
	const char *values[ENTITY_FIELDS_MAX];
	const char *name;
	struct arena a;
	int rc;

	memset(fe, 0, sizeof *fe);
	if (p->kind >= ENTITY_KEYED)
		return entity_error_set(fe, EE_STORE, "", "evidence cannot be changed, only retracted");
	arena_init(&a, (size_t)1 << 26);
	rc = stored_name(st, p->kind, key, &a, &name, fe);
	/* Keys name rows in every CSV file and in other systems: a changed
	 * key would make the next import create the row again. */
	if (rc == 0 && p->field[0] != NULL && strcmp(p->field[0], key) != 0)
		rc = entity_error_set(fe, EE_INVALID, key_field(p->kind), "the %s of %s '%s' cannot be changed"
			    " (it names the %s in every file); create a new %s instead",
			    p->kind == ENTITY_PERSON ? "id" : "key", entity_word[p->kind], key,
			    entity_word[p->kind], entity_word[p->kind]);
	if (rc == 0 && p->kind == ENTITY_ROLE) {
		if (p->has_requirements)
			rc = write_requirements(st, key, p, &a, fe);
	} else if (rc == 0) {
		memcpy(values, p->field, sizeof values);
		values[0] = key;
		if (values[1] == NULL)
			values[1] = name;
		rc = write_row(st, p->kind, values, p->sink, fe);
		if (rc == 0 && p->kind == ENTITY_COMPETENCY && (p->has_indicators || p->has_levels))
			rc = write_indicators(st, key, p, &a, fe);
	}
	/* After the indicators: a translation names one by its place. */
	if (rc == 0 && p->has_texts)
		rc = entities_texts_write(st, key, p->texts, fe);
	arena_free(&a);
	return rc;
}

/* One write of the API as a transaction's work. */
struct edit_job {
	int (*work)(struct store *st, struct edit_job *j);
	const struct entity_patch *p;
	enum entity kind;
	const char *key;
	const char *const *values;
	size_t nrows;
	bool array;
	const struct import_options *opts;
	long stored;
	struct field_error *fe;
};

static int edit_attempt(struct store *st, void *ctx, int attempt, struct err *err)
{
	struct edit_job *j = ctx;

	(void)attempt;
	if (j->work(st, j) == 0)
		return 0;
	/* store_transact retries when the database asks for it; the reason
	 * travels in err. */
	if (j->fe->code == EE_STORE) {
		*err = j->fe->err;
		return -1;
	}
	return err_set(err, EX_DATAERR, "%s", j->fe->message);
}

static int run_edit(struct store *st, struct edit_job *j)
{
	struct err err = { 0 };

	memset(j->fe, 0, sizeof *j->fe);
	if (store_transact(st, edit_attempt, j, &err) == 0)
		return 0;
	if (j->fe->code == EE_NONE)
		return store_failed(j->fe, &err, NULL);    /* begin or commit failed */
	return -1;
}

static int create_work(struct store *st, struct edit_job *j)
{
	return entity_create_in(st, j->p, j->fe);
}

static int update_work(struct store *st, struct edit_job *j)
{
	return entity_update_in(st, j->key, j->p, j->fe);
}

int entity_delete_in(struct store *st, enum entity kind, const char *key, struct field_error *fe)
{
	struct err err = { 0 };

	memset(fe, 0, sizeof *fe);
	if (store_delete(st, kind, key, &err) < 0)
		return store_failed(fe, &err, NULL);
	return 0;
}

static int delete_work(struct store *st, struct edit_job *j)
{
	return entity_delete_in(st, j->kind, j->key, j->fe);
}

static int evidence_work(struct store *st, struct edit_job *j)
{
	struct problems probs = { j->fe, j->array ? NAME_ITEM : NAME_PLAIN, 0, NULL };

	memset(j->fe, 0, sizeof *j->fe);
	return import_rows(st, IMPORT_EVIDENCE, j->values, j->nrows, j->opts, &probs, &j->stored);
}

int entity_create(struct store *st, const struct entity_patch *p, struct field_error *fe)
{
	struct edit_job j = { .work = create_work, .p = p, .fe = fe };

	return run_edit(st, &j);
}

int entity_update(struct store *st, const char *key, const struct entity_patch *p,
		  struct field_error *fe)
{
	struct edit_job j = { .work = update_work, .p = p, .key = key, .fe = fe };

	return run_edit(st, &j);
}

int entity_delete(struct store *st, enum entity kind, const char *key, struct field_error *fe)
{
	struct edit_job j = { .work = delete_work, .kind = kind, .key = key, .fe = fe };

	return run_edit(st, &j);
}

int evidence_add(struct store *st, const char *const *values, size_t nrows, bool array,
		 const struct import_options *opts, long *stored, struct field_error *fe)
{
	struct edit_job j = {
		.work = evidence_work, .values = values, .nrows = nrows, .array = array,
		.opts = opts, .fe = fe,
	};
	int rc = run_edit(st, &j);

	*stored = rc == 0 ? j.stored : 0;
	return rc;
}

int evidence_add_in(struct store *st, const char *const *values, size_t nrows, bool array,
		    const struct import_options *opts, long *stored, struct field_error *fe)
{
	struct edit_job j = {
		.values = values, .nrows = nrows, .array = array, .opts = opts, .fe = fe,
	};
	int rc = evidence_work(st, &j);

	*stored = rc == 0 ? j.stored : 0;
	return rc;
}
