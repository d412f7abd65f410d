/* The library's texts in other languages (store/texts.h), the same on
 * both engines: the checks, the numbering of behavioural indicators, the
 * fallback to the base texts. The SQL is in store/texts_sql.h, run by the
 * backend's texts_run. */
#include "store/texts.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "core/validate.h"
#include "i18n/i18n.h"
#include "store/backend.h"
#include "util/array.h"

static const char *const kind_names[LIBRARY_KIND_COUNT] = {
	"competency", "indicator", "descriptor", "role"
};
static const char *const field_names[LIBRARY_FIELD_COUNT] = { "name", "description", "text" };

const char *library_kind_name(enum library_kind k)
{
	return (unsigned)k < LIBRARY_KIND_COUNT ? kind_names[k] : "?";
}

const char *library_field_name(enum library_field f)
{
	return (unsigned)f < LIBRARY_FIELD_COUNT ? field_names[f] : "?";
}

int library_kind_parse(const char *s, enum library_kind *out)
{
	for (int k = 0; k < LIBRARY_KIND_COUNT; k++) {
		if (strcmp(s, kind_names[k]) == 0) {
			*out = (enum library_kind)k;
			return 0;
		}
	}
	return -1;
}

int library_field_parse(const char *s, enum library_field *out)
{
	for (int f = 0; f < LIBRARY_FIELD_COUNT; f++) {
		if (strcmp(s, field_names[f]) == 0) {
			*out = (enum library_field)f;
			return 0;
		}
	}
	return -1;
}

bool library_lang_valid(const char *code)
{
	for (int l = 0; code != NULL && l < LANG_COUNT; l++)
		if (strcmp(code, lang_code((enum lang)l)) == 0)
			return true;
	return false;
}

const char *library_lang_list(void)
{
	_Static_assert(LANG_COUNT == 3, "name the new language here");
	return "en, nl or sv";
}

/* The fields each kind has, and the names of them for messages. */
static bool field_fits(enum library_kind k, enum library_field f)
{
	switch (k) {
	case LIBRARY_COMPETENCY: return f == LIBRARY_NAME || f == LIBRARY_DESCRIPTION;
	case LIBRARY_INDICATOR:
	case LIBRARY_DESCRIPTOR: return f == LIBRARY_TEXT;
	case LIBRARY_ROLE: return f == LIBRARY_NAME;
	case LIBRARY_KIND_COUNT: break;
	}
	return false;
}

static const char *fields_of(enum library_kind k)
{
	return k == LIBRARY_COMPETENCY ? "name or description" : k == LIBRARY_ROLE ? "name" : "text";
}

static int refuse(const char **column, const char *which)
{
	if (column != NULL)
		*column = which;
	return -1;
}

int library_text_check(const struct library_text *t, const char **column, struct err *err)
{
	char msg[256];

	if ((unsigned)t->kind >= LIBRARY_KIND_COUNT) {
		err_set(err, EX_DATAERR, "unknown kind; use competency, indicator, descriptor or role");
		return refuse(column, "kind");
	}
	if (t->key == NULL || validate_key(t->key, msg, sizeof msg) < 0) {
		err_set(err, EX_DATAERR, "%s", t->key == NULL ? "the key is missing" : msg);
		return refuse(column, "key");
	}
	if (!library_lang_valid(t->lang)) {
		err_set(err, EX_DATAERR, "'%s' is not a language of compgap; use %s",
			t->lang != NULL ? t->lang : "", library_lang_list());
		return refuse(column, "lang");
	}
	if ((unsigned)t->field >= LIBRARY_FIELD_COUNT || !field_fits(t->kind, t->field)) {
		err_set(err, EX_DATAERR, "%s has no field '%s'; use %s", library_kind_name(t->kind),
			library_field_name(t->field), fields_of(t->kind));
		return refuse(column, "field");
	}
	if (t->kind == LIBRARY_INDICATOR && t->item < 1) {
		err_set(err, EX_DATAERR, "an indicator's item is its place among the competency's"
			" behavioural indicators: 1, 2, ...");
		return refuse(column, "item");
	}
	if (t->kind == LIBRARY_DESCRIPTOR && (t->item < LEVEL_MIN || t->item > LEVEL_MAX)) {
		err_set(err, EX_DATAERR, "a descriptor's item is its level, %d to %d", LEVEL_MIN,
			LEVEL_MAX);
		return refuse(column, "item");
	}
	if ((t->kind == LIBRARY_COMPETENCY || t->kind == LIBRARY_ROLE) && t->item != 0) {
		err_set(err, EX_DATAERR, "a %s's text has no item; leave it empty",
			library_kind_name(t->kind));
		return refuse(column, "item");
	}
	if (t->text != NULL && t->text[0] != '\0' &&
	    (t->field == LIBRARY_NAME ? validate_name(t->text, msg, sizeof msg)
				      : validate_text(t->text, msg, sizeof msg)) < 0) {
		err_set(err, EX_DATAERR, "%s", msg);
		return refuse(column, "text");
	}
	return 0;
}

static struct pv_param integer(int64_t i)
{
	return (struct pv_param){ .kind = PV_INT, .i = i };
}

static struct pv_param string(const char *s)
{
	return s != NULL ? (struct pv_param){ .kind = PV_TEXT, .s = s }
			 : (struct pv_param){ .kind = PV_NULL };
}

static int run(struct store *st, enum tx_stmt id, const struct pv_param *p, int np,
	       int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
	       struct err *err)
{
	return st->be->texts_run(st, id, p, np, row, ctx, NULL, err);
}

/* Copies the first column of the one row. */
static int first_column(void *ctx, const char *const *cols, int ncols)
{
	char **out = ctx;

	if (ncols < 1 || cols[0] == NULL)
		return 0;
	*out = strdup(cols[0]);
	return *out == NULL ? -2 : 1;
}

/* The id of key of kind, or EX_DATAERR naming it. */
static int id_of(struct store *st, enum entity kind, const char *key, int64_t *id,
		 const char **column, struct err *err)
{
	int rc = store_lookup(st, kind, key, id, err);

	if (rc < 0)
		return -1;
	if (rc == 0) {
		err_set(err, EX_DATAERR, "unknown %s '%s'",
			kind == ENTITY_ROLE ? "role" : "competency", key);
		return refuse(column, "key");
	}
	return 0;
}

/* The base text of the indicator or descriptor t names, of competency
 * cid, into *base (the caller frees it); EX_DATAERR when there is none. */
static int indicator_base(struct store *st, int64_t cid, const struct library_text *t,
			  char **base, const char **column, struct err *err)
{
	int level = t->kind == LIBRARY_INDICATOR ? 0 : t->item;
	struct pv_param p[3] = {
		integer(cid), integer(level), integer(t->kind == LIBRARY_INDICATOR ? t->item - 1 : 0)
	};
	int rc;

	*base = NULL;
	rc = run(st, TX_INDICATOR_BASE, p, 3, first_column, base, err);
	if (rc == -2)
		return err_set(err, EX_OSERR, "out of memory");
	if (rc < 0)
		return -1;
	if (*base == NULL) {
		if (t->kind == LIBRARY_INDICATOR)
			err_set(err, EX_DATAERR, "competency '%s' has no behavioural indicator %d;"
				" its indicators are numbered from 1 in their order", t->key, t->item);
		else
			err_set(err, EX_DATAERR, "competency '%s' has no descriptor of level %d",
				t->key, t->item);
		return refuse(column, "item");
	}
	return 0;
}

int store_check_library_text(struct store *st, const struct library_text *t,
			     const char **column, struct err *err)
{
	int64_t id;
	char *base;

	if (library_text_check(t, column, err) < 0)
		return -1;
	if (id_of(st, t->kind == LIBRARY_ROLE ? ENTITY_ROLE : ENTITY_COMPETENCY, t->key, &id,
		  column, err) < 0)
		return -1;
	if (t->kind != LIBRARY_INDICATOR && t->kind != LIBRARY_DESCRIPTOR)
		return 0;
	if (indicator_base(st, id, t, &base, column, err) < 0)
		return -1;
	free(base);
	return 0;
}

static int put_indicator(struct store *st, int64_t cid, const struct library_text *t,
			 const char **column, struct err *err)
{
	struct pv_param p[5] = { integer(cid), integer(t->kind == LIBRARY_INDICATOR ? 0 : t->item) };
	char *base;
	int rc;

	if (indicator_base(st, cid, t, &base, column, err) < 0)
		return -1;
	p[2] = string(base);
	p[3] = string(t->lang);
	rc = run(st, TX_DROP_INDICATOR, p, 4, NULL, NULL, err);
	if (rc == 0 && t->text != NULL && t->text[0] != '\0') {
		p[4] = string(t->text);
		rc = run(st, TX_PUT_INDICATOR, p, 5, NULL, NULL, err);
	}
	free(base);
	return rc < 0 ? -1 : 0;
}

int store_put_library_text(struct store *st, const struct library_text *t,
			   const char **column, struct err *err)
{
	bool removing = t->text == NULL || t->text[0] == '\0';
	int64_t id;

	if (!st->in_tx)
		return err_set(err, EX_SOFTWARE, "write outside a transaction");
	if (library_text_check(t, column, err) < 0)
		return -1;
	if (t->kind == LIBRARY_ROLE) {
		if (id_of(st, ENTITY_ROLE, t->key, &id, column, err) < 0)
			return -1;
		struct pv_param p[] = { integer(id), string(t->lang), string(t->text) };

		return run(st, removing ? TX_DROP_ROLE : TX_PUT_ROLE, p, removing ? 2 : 3, NULL,
			   NULL, err) < 0 ? -1 : 0;
	}
	if (id_of(st, ENTITY_COMPETENCY, t->key, &id, column, err) < 0)
		return -1;
	if (t->kind != LIBRARY_COMPETENCY)
		return put_indicator(st, id, t, column, err);
	struct pv_param p[] = { integer(id), string(t->lang), string(t->text) };
	bool name = t->field == LIBRARY_NAME;

	if (!removing)
		return run(st, name ? TX_PUT_COMPETENCY_NAME : TX_PUT_COMPETENCY_DESCRIPTION, p, 3,
			   NULL, NULL, err) < 0 ? -1 : 0;
	if (run(st, name ? TX_DROP_COMPETENCY_NAME : TX_DROP_COMPETENCY_DESCRIPTION, p, 2, NULL,
		NULL, err) < 0)
		return -1;
	return run(st, TX_DROP_EMPTY_COMPETENCY, p, 2, NULL, NULL, err) < 0 ? -1 : 0;
}

/* ---- listing the stored translations ---------------------------------- */

struct each_ctx {
	int (*cb)(void *ctx, const struct library_text *t);
	void *ctx;
	char last_key[KEY_MAX + 1];   /* the competency of the previous indicator */
	char last_id[24];             /* and that indicator's id */
	int place;                    /* the place of the last behavioural indicator */
};

static int competency_row(void *ctx, const char *const *cols, int ncols)
{
	struct each_ctx *e = ctx;
	struct library_text t = { .kind = LIBRARY_COMPETENCY, .key = cols[0], .lang = cols[1] };
	int rc = 0;

	if (ncols < 4)
		return 1;
	if (cols[2] != NULL) {
		t.field = LIBRARY_NAME;
		t.text = cols[2];
		rc = e->cb(e->ctx, &t);
	}
	if (rc == 0 && cols[3] != NULL) {
		t.field = LIBRARY_DESCRIPTION;
		t.text = cols[3];
		rc = e->cb(e->ctx, &t);
	}
	return rc;
}

bool texts_column_int(const char *s, int *out)
{
	char *end;
	long v;

	if (s == NULL || s[0] == '\0')
		return false;
	errno = 0;
	v = strtol(s, &end, 10);
	if (*end != '\0' || errno != 0 || v < INT_MIN || v > INT_MAX)
		return false;
	*out = (int)v;
	return true;
}

/* Every indicator comes by, translated or not, so that the behavioural
 * ones are numbered by their place among all of them. */
static int indicator_row(void *ctx, const char *const *cols, int ncols)
{
	struct each_ctx *e = ctx;
	int level;

	if (ncols < 5 || cols[0] == NULL || cols[1] == NULL ||
	    !texts_column_int(cols[2], &level))
		return 1;
	if (strcmp(e->last_key, cols[0]) != 0) {
		(void)snprintf(e->last_key, sizeof e->last_key, "%s", cols[0]);
		e->place = 0;
		e->last_id[0] = '\0';
	}
	if (level == 0 && strcmp(e->last_id, cols[1]) != 0)
		e->place++;
	(void)snprintf(e->last_id, sizeof e->last_id, "%s", cols[1]);
	if (cols[3] == NULL)
		return 0;
	return e->cb(e->ctx, &(struct library_text){
		.kind = level == 0 ? LIBRARY_INDICATOR : LIBRARY_DESCRIPTOR,
		.key = cols[0],
		.item = level == 0 ? e->place : level,
		.lang = cols[3],
		.field = LIBRARY_TEXT,
		.text = cols[4],
	});
}

static int role_row(void *ctx, const char *const *cols, int ncols)
{
	struct each_ctx *e = ctx;

	if (ncols < 3)
		return 1;
	return e->cb(e->ctx, &(struct library_text){
		.kind = LIBRARY_ROLE, .key = cols[0], .lang = cols[1], .field = LIBRARY_NAME,
		.text = cols[2],
	});
}

int store_each_library_text(struct store *st, enum entity kind, const char *key,
			    int (*cb)(void *ctx, const struct library_text *t), void *ctx,
			    struct err *err)
{
	struct each_ctx e = { .cb = cb, .ctx = ctx };
	struct pv_param p[] = { string(key) };
	int rc;

	if (kind == ENTITY_ROLE)
		return run(st, TX_EACH_ROLE_TEXT, p, 1, role_row, &e, err);
	if (kind != ENTITY_COMPETENCY)
		return err_set(err, EX_SOFTWARE, "only competencies and roles have texts");
	rc = run(st, TX_EACH_COMPETENCY_TEXT, p, 1, competency_row, &e, err);
	if (rc != 0)
		return rc;
	return run(st, TX_EACH_INDICATOR_TEXT, p, 1, indicator_row, &e, err);
}

int store_forget_library_texts(struct store *st, enum entity kind, int64_t id,
			       struct err *err)
{
	struct pv_param p[] = { integer(id) };

	if (kind == ENTITY_ROLE)
		return run(st, TX_FORGET_ROLE, p, 1, NULL, NULL, err) < 0 ? -1 : 0;
	if (kind != ENTITY_COMPETENCY)
		return 0;
	if (run(st, TX_FORGET_COMPETENCY, p, 1, NULL, NULL, err) < 0)
		return -1;
	return run(st, TX_FORGET_COMPETENCY_INDICATORS, p, 1, NULL, NULL, err) < 0 ? -1 : 0;
}

int store_lapse_indicator_texts(struct store *st, int64_t competency_id, struct err *err)
{
	struct pv_param p[] = { integer(competency_id) };

	return run(st, TX_LAPSED_INDICATORS, p, 1, NULL, NULL, err) < 0 ? -1 : 0;
}
