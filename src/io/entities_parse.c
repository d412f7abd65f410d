/* JSON request bodies into patches and evidence rows, with jansson. The
 * parser only checks the document's shape (known fields, JSON types,
 * required fields); the values are checked by the CSV import's code when
 * they are written (entities_edit.c), so that the API and the CSV refuse
 * a value with the same words. */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/entities.h"
#include "io/entities_texts.h"
#include "store/star.h"
#include "util/dtoa.h"

const char *entity_error_name(enum entity_error e)
{
	static const char *const names[] = {
		[EE_NONE] = "none",
		[EE_MALFORMED] = "malformed_json",
		[EE_WRONG_TYPE] = "wrong_type",
		[EE_UNKNOWN_FIELD] = "unknown_field",
		[EE_MISSING_FIELD] = "missing_field",
		[EE_INVALID] = "invalid_value",
		[EE_NOT_FOUND] = "not_found",
		[EE_CONFLICT] = "conflict",
		[EE_STORE] = "store_failed",
	};

	return (unsigned)e < sizeof names / sizeof names[0] ? names[e] : "unknown";
}

int entity_error_status(const struct field_error *fe)
{
	switch (fe->code) {
	case EE_NONE: return 200;
	case EE_MALFORMED:
	case EE_WRONG_TYPE:
	case EE_UNKNOWN_FIELD:
	case EE_MISSING_FIELD: return 400;
	case EE_INVALID: return 422;
	case EE_NOT_FOUND: return 404;
	case EE_CONFLICT: return 409;
	case EE_STORE: return fe->err.retry || fe->err.code == 75 /* EX_TEMPFAIL */ ? 503 : 500;
	}
	return 500;
}

int entity_error_set(struct field_error *fe, enum entity_error code, const char *field,
		     const char *fmt, ...)
{
	va_list ap;

	fe->code = code;
	fe->problems = 1;
	(void)snprintf(fe->field, sizeof fe->field, "%s", field != NULL ? field : "");
	va_start(ap, fmt);
	(void)vsnprintf(fe->message, sizeof fe->message, fmt, ap);
	va_end(ap);
	return -1;
}

static const char *type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER: return "a whole number";
	case JSON_REAL: return "a number";
	case JSON_TRUE:
	case JSON_FALSE: return "true or false";
	case JSON_NULL: return "null";
	}
	return "a value";
}

/* Parses body; NULL with fe set when it is not JSON. */
static json_t *load(const char *body, size_t len, struct field_error *fe)
{
	json_error_t je;
	json_t *root = json_loadb(body, len, JSON_REJECT_DUPLICATES, &je);

	if (root == NULL)
		(void)entity_error_set(fe, EE_MALFORMED, NULL, "the body is not valid JSON: %s"
				       " (line %d, column %d)", je.text, je.line, je.column);
	return root;
}

/* How a field's JSON value is turned into text for the checks. */
enum field_type {
	F_STRING,           /* a string */
	F_OPTIONAL,         /* a string, or null to clear it */
	F_BOOL,             /* true or false: "1" or "0" */
	F_INT,              /* a whole number */
	F_OPTIONAL_INT,     /* a whole number, or null for the default */
	F_NUMBER            /* any number, in its shortest exact form */
};

static const char *const expected[] = {
	[F_STRING] = "a string",
	[F_OPTIONAL] = "a string or null",
	[F_BOOL] = "true or false",
	[F_INT] = "a whole number",
	[F_OPTIONAL_INT] = "a whole number or null",
	[F_NUMBER] = "a number",
};

/* The text of v as a field of type t, in a; NULL with fe set when v has
 * another type (or the arena is full). */
static const char *field_text(const json_t *v, enum field_type t, const char *field,
			      struct arena *a, struct field_error *fe)
{
	char num[DTOA_MAX + 8];
	const char *text = NULL;

	if (json_is_null(v) && (t == F_OPTIONAL || t == F_OPTIONAL_INT))
		text = "";
	else if (json_is_string(v) && (t == F_STRING || t == F_OPTIONAL))
		text = json_string_value(v);
	else if (json_is_boolean(v) && t == F_BOOL)
		text = json_is_true(v) ? "1" : "0";
	else if (json_is_integer(v) && (t == F_INT || t == F_OPTIONAL_INT || t == F_NUMBER)) {
		(void)snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		text = num;
	} else if (json_is_real(v) && t == F_NUMBER && dtoa_shortest(json_real_value(v), num) > 0) {
		text = num;
	}
	if (text == NULL) {
		(void)entity_error_set(fe, EE_WRONG_TYPE, field, "%s must be %s, not %s", field, expected[t],
			   type_name(v));
		return NULL;
	}
	text = arena_strdup(a, text);
	if (text == NULL)
		(void)entity_error_set(fe, EE_STORE, field, "out of memory");
	return text;
}

/* One field of an entity's document: its JSON name, the CSV column it
 * fills (-1: handled apart), its type, and whether creating needs it. */
struct field_spec {
	const char *name;
	int column;
	enum field_type type;
	bool required;
};

static const struct field_spec team_fields[] = {
	{ "key", 0, F_STRING, true },
	{ "name", 1, F_STRING, true },
	{ "parent", 2, F_OPTIONAL, false },
	{ NULL, 0, 0, false },
};

static const struct field_spec person_fields[] = {
	{ "id", 0, F_STRING, true },
	{ "name", 1, F_STRING, true },
	{ "email", 2, F_OPTIONAL, false },
	{ "team", 3, F_OPTIONAL, false },
	{ "role", 4, F_OPTIONAL, false },
	{ "manager", 5, F_OPTIONAL, false },
	{ "active", 6, F_BOOL, false },
	{ NULL, 0, 0, false },
};

static const struct field_spec competency_fields[] = {
	{ "key", 0, F_STRING, true },
	{ "name", 1, F_STRING, true },
	{ "category", 2, F_OPTIONAL, false },
	{ "description", 3, F_OPTIONAL, false },
	{ "developability", 4, F_OPTIONAL, false },
	{ "indicators", -1, F_STRING, false },
	{ "levels", -2, F_STRING, false },
	{ "texts", -4, F_STRING, false },
	{ NULL, 0, 0, false },
};

static const struct field_spec role_fields[] = {
	{ "key", 0, F_STRING, true },
	{ "requirements", -3, F_STRING, false },
	{ "texts", -4, F_STRING, false },
	{ NULL, 0, 0, false },
};

static const struct field_spec requirement_fields_spec[] = {
	{ "competency", 0, F_STRING, true },
	{ "required_level", 1, F_INT, true },
	{ "weight", 2, F_OPTIONAL_INT, false },
	{ NULL, 0, 0, false },
};

static const struct field_spec level_fields[] = {
	{ "level", 0, F_INT, true },
	{ "descriptor", 1, F_STRING, true },
	{ NULL, 0, 0, false },
};

static const struct field_spec evidence_fields[] = {
	{ "person", 0, F_STRING, true },
	{ "competency", 1, F_STRING, true },
	{ "level", 2, F_NUMBER, true },
	{ "source", 3, F_STRING, true },
	{ "date", 4, F_STRING, true },
	{ "assessor", 5, F_OPTIONAL, false },
	{ "note", 6, F_OPTIONAL, false },
	{ "star", -1, F_OPTIONAL, false },      /* parse_star */
	{ NULL, 0, 0, false },
};

/* The fields' names joined with ", ", for messages. */
static void field_list(const struct field_spec *spec, char *out, size_t outsz)
{
	out[0] = '\0';
	for (const struct field_spec *f = spec; f->name != NULL; f++) {
		size_t len = strlen(out);

		(void)snprintf(out + len, outsz - len, "%s%s", f == spec ? "" : ", ", f->name);
	}
}

/* "prefix.name", or name alone when prefix is empty. */
static void path_of(char *out, size_t outsz, const char *prefix, const char *name)
{
	(void)snprintf(out, outsz, "%s%s%s", prefix, prefix[0] != '\0' && name[0] != '[' ? "." : "",
		       name);
}

/* Reads the fields of the object obj by spec into values[column] (texts
 * in a); fields with a negative column go to special(ctx, column, value,
 * path). prefix names obj in messages ("" for the body). */
static int read_object(const json_t *obj, const struct field_spec *spec, bool all_required,
		       const char *prefix, const char **values, struct arena *a,
		       int (*special)(void *ctx, int column, const json_t *v, const char *path),
		       void *ctx, struct field_error *fe)
{
	const char *name;
	json_t *v;
	char path[128], names[256];

	if (!json_is_object(obj))
		return entity_error_set(fe, EE_WRONG_TYPE, prefix[0] != '\0' ? prefix : NULL,
			    "%s must be an object, not %s", prefix[0] != '\0' ? prefix : "the body",
			    type_name(obj));
	json_object_foreach((json_t *)obj, name, v) {
		const struct field_spec *f = spec;

		while (f->name != NULL && strcmp(f->name, name) != 0)
			f++;
		path_of(path, sizeof path, prefix, name);
		if (f->name == NULL) {
			field_list(spec, names, sizeof names);
			return entity_error_set(fe, EE_UNKNOWN_FIELD, path, "unknown field '%s'; the fields are %s",
				    path, names);
		}
		if (f->column < 0) {
			if (special(ctx, f->column, v, path) < 0)
				return -1;
			continue;
		}
		values[f->column] = field_text(v, f->type, path, a, fe);
		if (values[f->column] == NULL)
			return -1;
	}
	for (const struct field_spec *f = spec; all_required && f->name != NULL; f++) {
		if (f->required && json_object_get(obj, f->name) == NULL) {
			path_of(path, sizeof path, prefix, f->name);
			return entity_error_set(fe, EE_MISSING_FIELD, path, "%s is required", path);
		}
	}
	return 0;
}

/* The arrays of a competency's and a role's documents. */
struct specials {
	struct entity_patch *p;
	struct arena *a;
	struct field_error *fe;
};

/* Calls item(s, i, value, "path[i]") for each item of the array v, whose
 * items are what ("strings", "objects"). */
static int each_item(struct specials *s, const json_t *v, const char *path, const char *what,
		     int (*item)(struct specials *s, size_t i, const json_t *x, const char *at))
{
	size_t i;
	json_t *x;
	char at[128];

	if (!json_is_array(v))
		return entity_error_set(s->fe, EE_WRONG_TYPE, path, "%s must be an array of %s,"
					" not %s", path, what, type_name(v));
	json_array_foreach(v, i, x) {
		(void)snprintf(at, sizeof at, "%s[%zu]", path, i);
		if (item(s, i, x, at) < 0)
			return -1;
	}
	return 0;
}

/* Room for n items of size bytes in the arena; NULL with fe set. */
static void *items_alloc(struct specials *s, size_t n, size_t size, const char *path)
{
	void *p = arena_alloc(s->a, (n + 1) * size);

	if (p == NULL)
		(void)entity_error_set(s->fe, EE_STORE, path, "out of memory");
	return p;
}

static int indicator_item(struct specials *s, size_t i, const json_t *x, const char *at)
{
	s->p->indicators[i] = field_text(x, F_STRING, at, s->a, s->fe);
	return s->p->indicators[i] == NULL ? -1 : 0;
}

static int level_item(struct specials *s, size_t i, const json_t *x, const char *at)
{
	const char *pair[2] = { NULL, NULL };
	long level;

	(void)i;
	if (read_object(x, level_fields, true, at, pair, s->a, NULL, NULL, s->fe) < 0)
		return -1;
	level = strtol(pair[0], NULL, 10);
	if (level < LEVEL_MIN || level > LEVEL_MAX)
		return entity_error_set(s->fe, EE_INVALID, at, "%s.level %s is out of range; it must"
					" be from %d to %d", at, pair[0], LEVEL_MIN, LEVEL_MAX);
	if (s->p->levels[level] != NULL)
		return entity_error_set(s->fe, EE_INVALID, at, "level %ld is described twice; give"
					" each level once", level);
	s->p->levels[level] = pair[1];
	return 0;
}

static int requirement_item(struct specials *s, size_t i, const json_t *x, const char *at)
{
	const char *f[3] = { NULL, NULL, NULL };

	if (read_object(x, requirement_fields_spec, true, at, f, s->a, NULL, NULL, s->fe) < 0)
		return -1;
	s->p->requirements[i] = (struct requirement_fields){ f[0], f[1], f[2] };
	return 0;
}

/* The arrays of a competency (-1 indicators, -2 levels) and a role (-3
 * requirements); each replaces the whole list. -4: the translations of
 * either (io/entities_texts.h). */
static int read_special(void *ctx, int column, const json_t *v, const char *path)
{
	struct specials *s = ctx;
	struct entity_patch *p = s->p;
	size_t n = json_is_array(v) ? json_array_size(v) : 0;

	if (column == -1) {
		p->has_indicators = true;
		p->nindicators = n;
		p->indicators = items_alloc(s, n, sizeof *p->indicators, path);
		return p->indicators == NULL ? -1 : each_item(s, v, path, "strings", indicator_item);
	}
	if (column == -2) {
		p->has_levels = true;
		return each_item(s, v, path, "objects", level_item);
	}
	if (column == -4) {
		p->has_texts = true;
		p->texts = items_alloc(s, 1, sizeof *p->texts, path);
		return p->texts == NULL ? -1 : entities_texts_parse(v, p->kind, s->a, p->texts, s->fe);
	}
	p->has_requirements = true;
	p->nrequirements = n;
	p->requirements = items_alloc(s, n, sizeof *p->requirements, path);
	return p->requirements == NULL ? -1 : each_item(s, v, path, "objects", requirement_item);
}

int entity_patch_parse(enum entity kind, enum patch_mode mode, const char *body, size_t len,
		       struct arena *a, struct entity_patch *out, struct field_error *fe)
{
	static const struct field_spec *const specs[ENTITY_KEYED] = {
		team_fields, person_fields, competency_fields, role_fields
	};
	struct specials s = { out, a, fe };
	json_t *root;
	int rc;

	memset(out, 0, sizeof *out);
	memset(fe, 0, sizeof *fe);
	out->kind = kind;
	if (kind >= ENTITY_KEYED)
		return entity_error_set(fe, EE_STORE, NULL, "evidence has no patch");
	root = load(body, len, fe);
	if (root == NULL)
		return -1;
	rc = read_object(root, specs[kind], mode == PATCH_CREATE, "", out->field, a, read_special,
			 &s, fe);
	json_decref(root);
	return rc;
}

/* The STAR note of one evidence object: {"situation", "task", "action",
 * "result"}, each a string or null, or null for none (store/star.h). */
struct star_ctx {
	struct evidence_star *star;   /* the row's, or NULL when not wanted */
	struct arena *a;
	struct field_error *fe;
};

static int parse_star(void *ctx, int column, const json_t *v, const char *path)
{
	struct star_ctx *s = ctx;
	const char *name;
	json_t *part;
	char at[160];

	(void)column;
	if (json_is_null(v))
		return 0;
	if (!json_is_object(v))
		return entity_error_set(s->fe, EE_WRONG_TYPE, path, "%s must be an object with"
					" situation, task, action and result, or null, not %s", path,
					type_name(v));
	json_object_foreach((json_t *)v, name, part) {
		int i = 0;

		while (i < STAR_PARTS && strcmp(star_part_names[i], name) != 0)
			i++;
		path_of(at, sizeof at, path, name);
		if (i == STAR_PARTS)
			return entity_error_set(s->fe, EE_UNKNOWN_FIELD, at, "unknown field '%s'; a STAR"
						" note has situation, task, action and result", at);
		if (json_is_null(part))
			continue;
		if (!json_is_string(part))
			return entity_error_set(s->fe, EE_WRONG_TYPE, at, "%s must be a string or null,"
						" not %s", at, type_name(part));
		if (star_length(json_string_value(part)) > STAR_PART_MAX)
			return entity_error_set(s->fe, EE_INVALID, at, "%s is longer than %d characters",
						at, STAR_PART_MAX);
		if (s->star != NULL &&
		    (s->star->part[i] = arena_strdup(s->a, json_string_value(part))) == NULL)
			return entity_error_set(s->fe, EE_STORE, NULL, "out of memory");
	}
	return 0;
}

int evidence_json_parse(const char *body, size_t len, struct arena *a, const char ***values,
			size_t *nrows, bool *array, struct field_error *fe)
{
	return evidence_json_parse_star(body, len, a, values, NULL, nrows, array, fe);
}

int evidence_json_parse_star(const char *body, size_t len, struct arena *a, const char ***values,
			     struct evidence_star **stars, size_t *nrows, bool *array,
			     struct field_error *fe)
{
	enum { NCOLS = 7 };
	struct star_ctx sc = { NULL, a, fe };
	json_t *root, *item;
	size_t n, i;
	char at[32];
	int rc = 0;

	memset(fe, 0, sizeof *fe);
	*values = NULL;
	*nrows = 0;
	root = load(body, len, fe);
	if (root == NULL)
		return -1;
	*array = json_is_array(root);
	n = *array ? json_array_size(root) : 1;
	if (*array && n == 0) {
		json_decref(root);
		return entity_error_set(fe, EE_INVALID, NULL, "the array is empty; give one evidence"
					" object or more");
	}
	*values = arena_alloc(a, n * NCOLS * sizeof **values);
	if (*values == NULL) {
		json_decref(root);
		return entity_error_set(fe, EE_STORE, NULL, "out of memory");
	}
	memset(*values, 0, n * NCOLS * sizeof **values);
	if (stars != NULL) {
		*stars = arena_alloc(a, n * sizeof **stars);
		if (*stars == NULL) {
			json_decref(root);
			return entity_error_set(fe, EE_STORE, NULL, "out of memory");
		}
		memset(*stars, 0, n * sizeof **stars);
	}
	for (i = 0; i < n && rc == 0; i++) {
		item = *array ? json_array_get(root, i) : root;
		at[0] = '\0';
		if (*array)
			(void)snprintf(at, sizeof at, "[%zu]", i);
		sc.star = stars != NULL ? &(*stars)[i] : NULL;
		rc = read_object(item, evidence_fields, true, at, *values + i * NCOLS, a, parse_star,
				 &sc, fe);
	}
	json_decref(root);
	*nrows = n;
	return rc;
}
