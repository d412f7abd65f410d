/* The import's checks of the whole file and its writing: the trees of
 * teams and managers must not loop, and parents are stored first. */
#include "io/import_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "util/array.h"

int import_graph_set(struct import_graph *g, const char *key, const char *parent)
{
	int64_t i;

	if (!strmap_get(&g->index, key, &i)) {
		if (g->n == g->cap) {
			size_t cap_keys = g->cap;

			if (array_reserve(&g->keys, &cap_keys, g->n + 1, sizeof *g->keys) < 0 ||
			    array_reserve(&g->parent, &g->cap, g->n + 1, sizeof *g->parent) < 0)
				return -1;
		}
		i = (int64_t)g->n++;
		g->keys[i] = arena_strdup(&g->strings, key);
		if (g->keys[i] == NULL || strmap_put(&g->index, key, i) < 0)
			return -1;
	}
	g->parent[i] = parent != NULL ? arena_strdup(&g->strings, parent) : NULL;
	return parent != NULL && g->parent[i] == NULL ? -1 : 0;
}

void import_graph_init(struct import_graph *g)
{
	memset(g, 0, sizeof *g);
	strmap_init(&g->index);
	arena_init(&g->strings, ARENA_MAX);
}

void import_graph_free(struct import_graph *g)
{
	strmap_free(&g->index);
	free(g->parent);
	free(g->keys);
	arena_free(&g->strings);
}

bool import_graph_cycle(const struct import_graph *g, const char *key, char *out, size_t outsz)
{
	const char *at = key;
	size_t steps = 0;
	bool loops = false;
	int64_t i;

	while (!loops && strmap_get(&g->index, at, &i) && g->parent[i] != NULL) {
		at = g->parent[i];
		loops = strcmp(at, key) == 0;
		if (++steps > g->n)
			return false;    /* a loop above key, reported for its members */
	}
	if (!loops)
		return false;
	/* Spell out the loop: key > parent > ... > key. */
	(void)snprintf(out, outsz, "%s", key);
	at = key;
	do {
		size_t len = strlen(out);

		(void)strmap_get(&g->index, at, &i);
		at = g->parent[i];
		(void)snprintf(out + len, outsz - len, " > %s", at);
	} while (strcmp(at, key) != 0 && strlen(out) + 8 < outsz);
	return true;
}

static int graph_add_team(void *ctx, const struct team *t)
{
	return import_graph_set(ctx, t->key, t->parent) < 0 ? -1 : 0;
}

static int graph_add_person(void *ctx, const struct person *p)
{
	return import_graph_set(ctx, p->key, p->manager) < 0 ? -1 : 0;
}

static const char *pending_key(const struct importer *im, size_t i)
{
	return im->kind == IMPORT_TEAMS ? im->rows[i].u.team.key : im->rows[i].u.person.key;
}

/* The parent of pending row i: given in the file, or kept from the store
 * (looked up in the graph), or NULL. */
static const char *pending_parent(const struct importer *im, const struct import_graph *g,
				  size_t i)
{
	int64_t node;

	if (im->kind == IMPORT_TEAMS && !(im->rows[i].u.team.keep & KEEP_PARENT))
		return im->rows[i].u.team.parent;
	if (im->kind == IMPORT_PEOPLE && !(im->rows[i].u.person.keep & KEEP_MANAGER))
		return im->rows[i].u.person.manager;
	return strmap_get(&g->index, pending_key(im, i), &node) ? g->parent[node] : NULL;
}

/* Checks the parent (or manager) references of teams or people: each must
 * name a row of the file or the database, and no chain may loop. Fills
 * order with the rows, parents before children. */
static void check_tree(struct importer *im, size_t *order)
{
	const bool teams = im->kind == IMPORT_TEAMS;
	const char *col = teams ? "parent" : "manager";
	const char *what = teams ? "team" : "person";
	struct import_graph g;
	char loop[MSG_MAX];
	size_t n = 0;
	int rc;
	bool *placed = NULL;

	import_graph_init(&g);
	if (store_lock_tree(im->st, teams ? ENTITY_TEAM : ENTITY_PERSON, im->err) < 0) {
		import_fail(im);
		goto out;
	}
	rc = teams ? store_each_team(im->st, NULL, graph_add_team, &g, im->err)
		   : store_each_person(im->st, NULL, graph_add_person, &g, im->err);
	if (rc != 0) {
		if (rc > 0)
			err_set(im->err, EX_OSERR, "out of memory");
		import_fail(im);
		goto out;
	}
	for (size_t i = 0; i < im->nrows; i++) {
		const char *parent = pending_parent(im, &g, i);

		if (parent != NULL && !strmap_get(&im->seen, parent, NULL) &&
		    !strmap_get(&g.index, parent, NULL)) {
			import_problem(im, im->rows[i].line, col, "unknown %s '%s'; it is neither in this file nor stored",
				what, parent);
			parent = NULL;
		}
		if (import_graph_set(&g, pending_key(im, i), parent) < 0) {
			err_set(im->err, EX_OSERR, "out of memory");
			import_fail(im);
			goto out;
		}
	}
	for (size_t i = 0; i < im->nrows; i++) {
		if (import_graph_cycle(&g, pending_key(im, i), loop, sizeof loop))
			import_problem(im, im->rows[i].line, col, "%s '%s' would be above itself (%s); %s",
				what, pending_key(im, i), loop,
				teams ? "teams form a tree" : "managers cannot loop");
	}
	if (im->rep->errors > 0)
		goto out;
	/* Parents first, otherwise in file order: repeatedly place the rows
	 * whose parent is stored or placed; without loops this ends. */
	placed = calloc(im->nrows ? im->nrows : 1, sizeof *placed);
	if (placed == NULL) {
		import_fail(im);
		goto out;
	}
	while (n < im->nrows) {
		size_t before = n;

		for (size_t i = 0; i < im->nrows; i++) {
			const char *parent = pending_parent(im, &g, i);
			int64_t in_file;

			if (placed[i])
				continue;
			if (parent != NULL && strmap_get(&im->seen, parent, &in_file) &&
			    !placed[in_file])
				continue;
			placed[i] = true;
			order[n++] = i;
		}
		if (n == before) {
			err_set(im->err, EX_SOFTWARE, "internal error: unresolved %s order", what);
			import_fail(im);
			break;
		}
	}
out:
	free(placed);
	import_graph_free(&g);
}

/* Writes the pending rows of a small kind. */
void import_write_pending(struct importer *im)
{
	size_t *order = calloc(im->nrows ? im->nrows : 1, sizeof *order);
	size_t i = 0;

	if (order == NULL) {
		import_fail(im);
		return;
	}
	for (size_t k = 0; k < im->nrows; k++)
		order[k] = k;
	if (im->kind == IMPORT_TEAMS || im->kind == IMPORT_PEOPLE)
		check_tree(im, order);
	if (im->failed || im->rep->errors > 0)
		goto out;
	for (; i < im->nrows; i++) {
		const struct pending *p = &im->rows[order[i]];
		int rc = 0;

		switch (im->kind) {
		case IMPORT_TEAMS:
			rc = store_put_team(im->st, &p->u.team, im->err);
			break;
		case IMPORT_PEOPLE:
			rc = store_put_person(im->st, &p->u.person, im->err);
			break;
		case IMPORT_COMPETENCIES:
			rc = store_put_competency(im->st, &p->u.competency, im->err);
			break;
		case IMPORT_ROLES:
			rc = store_put_requirement(im->st, &p->u.requirement, im->err);
			break;
		case IMPORT_LIBRARY_TEXTS: {
			/* An indicator the row names may be missing: a problem
			 * of the row, and the rest is still checked. */
			const char *column = NULL;

			rc = store_put_library_text(im->st, &p->u.text, &column, im->err);
			if (rc < 0 && im->err->code == EX_DATAERR) {
				import_problem(im, p->line, column, "%s", im->err->msg);
				rc = 0;
			}
			break;
		}
		case IMPORT_INDICATORS: {
			/* Rows of one competency are consecutive after the sort. */
			size_t j = i;
			struct indicator *items;

			while (j < im->nrows && strcmp(im->rows[order[j]].u.indicator.competency,
						       p->u.indicator.competency) == 0)
				j++;
			items = arena_alloc(&im->arena, (j - i) * sizeof *items);
			if (items == NULL) {
				rc = err_set(im->err, EX_OSERR, "out of memory");
				break;
			}
			for (size_t k = i; k < j; k++)
				items[k - i] = im->rows[order[k]].u.indicator;
			rc = store_replace_indicators(im->st, p->u.indicator.competency, items, j - i,
						      im->err);
			i = j - 1;
			break;
		}
		default:
			break;
		}
		if (rc < 0) {
			import_fail(im);
			goto out;
		}
	}
	im->rep->rows = (long)im->nrows;
out:
	free(order);
}
