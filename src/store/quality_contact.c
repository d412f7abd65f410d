/* The reads of the evaluation pages and endpoints (store/quality.h): the
 * views of one contact of an agent, for the calibration beside an
 * evaluation, and an agent's evaluations of a period. Both give keys;
 * store_get_evaluation reads each. */
#include "store/quality.h"

#include <stdlib.h>
#include <sysexits.h>

#include "store/quality_int.h"
#include "util/array.h"

struct keys {
	struct arena *a;
	const char **v;
	size_t n, cap;
	bool failed;
};

static int key_row(void *ctx, const char *const *cols, int ncols)
{
	struct keys *k = ctx;

	if (ncols < 1 || cols[0] == NULL)
		return 0;
	if (array_reserve(&k->v, &k->cap, k->n + 1, sizeof *k->v) < 0 ||
	    (k->v[k->n] = arena_strdup(k->a, cols[0])) == NULL)
		return k->failed = true, 1;
	k->n++;
	return 0;
}

/* Runs id with p[0..np) and moves the keys it gives into the arena. */
static int read_keys(struct store *st, enum qa_stmt id, const struct pv_param *p, int np,
		     struct arena *a, const char ***keys, size_t *n, struct err *err)
{
	struct keys k = { .a = a };
	int rc = run(st, id, p, np, key_row, &k, NULL, err);

	*keys = NULL;
	*n = 0;
	if (rc == 0 && k.failed)
		rc = err_set(err, EX_OSERR, "out of memory");
	if (rc == 0 && k.n > 0) {
		*keys = arena_alloc(a, k.n * sizeof **keys);
		if (*keys == NULL)
			rc = err_set(err, EX_OSERR, "out of memory");
		else
			for (size_t i = 0; i < k.n; i++)
				(*keys)[i] = k.v[i];
		*n = rc == 0 ? k.n : 0;
	}
	free(k.v);
	return rc < 0 ? -1 : rc;
}

int store_contact_evaluations(struct store *st, const char *agent, const char *contact,
			      struct arena *a, const char ***keys, size_t *n, struct err *err)
{
	return read_keys(st, QA_CONTACT_VIEWS, (struct pv_param[]){ p_text(agent), p_text(contact) },
			 2, a, keys, n, err);
}

int store_agent_evaluations(struct store *st, const char *agent, int32_t first, int32_t last,
			    struct arena *a, const char ***keys, size_t *n, struct err *err)
{
	return read_keys(st, QA_AGENT_EVALUATIONS,
			 (struct pv_param[]){ p_text(agent), p_int(first), p_int(last) }, 3, a, keys,
			 n, err);
}
