/* The library in one language (store/texts.h, store_load_library): four
 * statements read every competency, indicator, role and requirement with
 * each text in the language asked where it has a translation and the base
 * text where not; the rows are put together here, in the caller's arena. */
#include "store/texts.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store/backend.h"
#include "util/array.h"

static int run(struct store *st, enum tx_stmt id, const struct pv_param *p, int np,
	       int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
	       struct err *err)
{
	return st->be->texts_run(st, id, p, np, row, ctx, NULL, err);
}


/* The rows read so far; copied into the arena at the end. */
struct load_ctx {
	struct arena *a;
	struct library_competency *comps;
	size_t ncomps, capcomps;
	struct library_indicator *inds;
	size_t ninds, capinds;
	size_t *ind_comp;             /* per indicator: its competency's index */
	size_t capindcomp;
	struct library_role *roles;
	size_t nroles, caproles;
	struct library_requirement *reqs;
	size_t nreqs, capreqs;
	size_t *req_role;             /* per requirement: its role's index */
	size_t capreqrole;
	size_t cursor;                /* the competency or role the last row was of */
};

/* NULL stays NULL; otherwise a copy, or failure (-2) noted in *bad. */
static const char *keep(struct load_ctx *l, const char *s, bool *bad)
{
	char *p = arena_strdup(l->a, s);

	if (s != NULL && p == NULL)
		*bad = true;
	return p;
}

static int lib_competency(void *ctx, const char *const *cols, int ncols)
{
	struct load_ctx *l = ctx;
	struct library_competency *c;
	bool bad = false;

	if (ncols < 7 || cols[0] == NULL || cols[1] == NULL)
		return 1;
	if (array_reserve(&l->comps, &l->capcomps, l->ncomps + 1, sizeof *l->comps) < 0)
		return -2;
	c = &l->comps[l->ncomps++];
	*c = (struct library_competency){
		.key = keep(l, cols[0], &bad),
		.name = keep(l, cols[1], &bad),
		.category = keep(l, cols[2], &bad),
		.description = keep(l, cols[3], &bad),
		.developability = DEV_UNSET,
		.name_translated = cols[5] != NULL && cols[5][0] == '1',
		.description_translated = cols[6] != NULL && cols[6][0] == '1',
	};
	if (cols[4] != NULL && developability_parse(cols[4], &c->developability) < 0)
		c->developability = DEV_UNSET;
	return bad ? -2 : 0;
}

/* The index of key in a list ordered as the rows are, from the cursor
 * on; -1 when it is not there (a row written since the list was read). */
static long find_from(struct load_ctx *l, const char *key, bool roles)
{
	size_t n = roles ? l->nroles : l->ncomps;

	for (size_t i = l->cursor; i < n; i++) {
		const char *k = roles ? l->roles[i].key : l->comps[i].key;

		if (strcmp(k, key) == 0) {
			l->cursor = i;
			return (long)i;
		}
	}
	return -1;
}

static int lib_indicator(void *ctx, const char *const *cols, int ncols)
{
	struct load_ctx *l = ctx;
	bool bad = false;
	long ci;
	int level;

	if (ncols < 4 || cols[0] == NULL || !texts_column_int(cols[1], &level) || cols[2] == NULL)
		return 1;
	ci = find_from(l, cols[0], false);
	if (ci < 0)
		return 0;
	if (array_reserve(&l->inds, &l->capinds, l->ninds + 1, sizeof *l->inds) < 0 ||
	    array_reserve(&l->ind_comp, &l->capindcomp, l->ninds + 1, sizeof *l->ind_comp) < 0)
		return -2;
	l->ind_comp[l->ninds] = (size_t)ci;
	l->inds[l->ninds++] = (struct library_indicator){
		.level = level,
		.text = keep(l, cols[2], &bad),
		.translated = cols[3] != NULL && cols[3][0] == '1',
	};
	return bad ? -2 : 0;
}

static int lib_role(void *ctx, const char *const *cols, int ncols)
{
	struct load_ctx *l = ctx;
	bool bad = false;

	if (ncols < 2 || cols[0] == NULL)
		return 1;
	if (array_reserve(&l->roles, &l->caproles, l->nroles + 1, sizeof *l->roles) < 0)
		return -2;
	l->roles[l->nroles].key = keep(l, cols[0], &bad);
	l->roles[l->nroles].name = cols[1] != NULL ? keep(l, cols[1], &bad) : l->roles[l->nroles].key;
	l->roles[l->nroles].translated = cols[1] != NULL;
	l->roles[l->nroles].requirements = NULL;
	l->roles[l->nroles++].nrequirements = 0;
	return bad ? -2 : 0;
}

static int lib_requirement(void *ctx, const char *const *cols, int ncols)
{
	struct load_ctx *l = ctx;
	bool bad = false;
	long ri;
	int required, weight;

	if (ncols < 4 || cols[0] == NULL || cols[1] == NULL ||
	    !texts_column_int(cols[2], &required) || !texts_column_int(cols[3], &weight))
		return 1;
	ri = find_from(l, cols[0], true);
	if (ri < 0)
		return 0;
	if (array_reserve(&l->reqs, &l->capreqs, l->nreqs + 1, sizeof *l->reqs) < 0 ||
	    array_reserve(&l->req_role, &l->capreqrole, l->nreqs + 1, sizeof *l->req_role) < 0)
		return -2;
	l->req_role[l->nreqs] = (size_t)ri;
	l->reqs[l->nreqs++] = (struct library_requirement){
		.competency = keep(l, cols[1], &bad),
		.required_level = required,
		.weight = weight,
	};
	return bad ? -2 : 0;
}

/* A copy of n items of size each in the arena (NULL for none); *bad on
 * exhaustion. */
static void *into_arena(struct arena *a, const void *items, size_t n, size_t size, bool *bad)
{
	void *p;

	if (n == 0)
		return NULL;
	p = arena_alloc(a, n * size);
	if (p == NULL) {
		*bad = true;
		return NULL;
	}
	memcpy(p, items, n * size);
	return p;
}

/* Points each competency at its indicators and each role at its
 * requirements, which came in their order: each one's are consecutive. */
static int assemble(struct load_ctx *l, struct library *out)
{
	struct library_indicator *inds;
	struct library_requirement *reqs;
	bool bad = false;

	inds = into_arena(l->a, l->inds, l->ninds, sizeof *inds, &bad);
	reqs = into_arena(l->a, l->reqs, l->nreqs, sizeof *reqs, &bad);
	if (bad)
		return -1;
	for (size_t i = 0; i < l->ninds; i++) {
		struct library_competency *c = &l->comps[l->ind_comp[i]];

		if (c->nindicators++ == 0)
			c->indicators = &inds[i];
	}
	for (size_t i = 0; i < l->nreqs; i++) {
		struct library_role *r = &l->roles[l->req_role[i]];

		if (r->nrequirements++ == 0)
			r->requirements = &reqs[i];
	}
	out->competencies = into_arena(l->a, l->comps, l->ncomps, sizeof *l->comps, &bad);
	out->ncompetencies = l->ncomps;
	out->roles = into_arena(l->a, l->roles, l->nroles, sizeof *l->roles, &bad);
	out->nroles = l->nroles;
	return bad ? -1 : 0;
}

int store_load_library(struct store *st, const char *lang, struct arena *a,
		       struct library *out, struct err *err)
{
	struct load_ctx l = { .a = a };
	struct pv_param p[] = { { .kind = PV_TEXT, .s = lang } };
	int rc;

	memset(out, 0, sizeof *out);
	if (!library_lang_valid(lang))
		return err_set(err, EX_USAGE, "'%s' is not a language of compgap; use %s",
			       lang != NULL ? lang : "", library_lang_list());
	rc = run(st, TX_LIB_COMPETENCIES, p, 1, lib_competency, &l, err);
	if (rc == 0)
		rc = run(st, TX_LIB_INDICATORS, p, 1, lib_indicator, &l, err);
	l.cursor = 0;
	if (rc == 0)
		rc = run(st, TX_LIB_ROLES, p, 1, lib_role, &l, err);
	if (rc == 0)
		rc = run(st, TX_LIB_REQUIREMENTS, NULL, 0, lib_requirement, &l, err);
	if (rc == -2 || (rc == 0 && assemble(&l, out) < 0))
		rc = err_set(err, EX_OSERR, "out of memory");
	else if (rc > 0)
		rc = err_set(err, EX_SOFTWARE, "the library's rows are not as expected");
	free(l.comps);
	free(l.inds);
	free(l.ind_comp);
	free(l.roles);
	free(l.reqs);
	free(l.req_role);
	if (rc < 0)
		memset(out, 0, sizeof *out);
	return rc < 0 ? -1 : 0;
}
