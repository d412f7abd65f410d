/* Comparing derived data with the rows (core/derived.h). */
#include "core/derived.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* splitmix64's finaliser: every input bit moves about half the output
 * bits, so that sums of hashes of different multisets differ. */
static uint64_t mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9u;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebu;
	x ^= x >> 31;
	return x;
}

static uint64_t level_bits(double level)
{
	uint64_t u;

	memcpy(&u, &level, sizeof u);
	return u;
}

void derived_print_add(struct entry_print *p, const struct history_row *r)
{
	uint64_t head = (uint64_t)r->source | (uint64_t)r->level_decimals << 3 |
			(uint64_t)(uint32_t)r->date << 8;
	uint64_t h = mix(mix(head) ^ level_bits(r->level));

	p->count++;
	p->a += h;
	p->b += mix(h ^ 0x9e3779b97f4a7c15u);
}

int derived_print_blob(const unsigned char *blob, size_t len, struct entry_print *out)
{
	struct history_row r;
	size_t pos = 0;
	int rc;

	memset(out, 0, sizeof *out);
	while ((rc = history_next(blob, len, &pos, &r)) == 1)
		derived_print_add(out, &r);
	return rc;
}

bool derived_print_equal(const struct entry_print *x, const struct entry_print *y)
{
	return x->count == y->count && x->a == y->a && x->b == y->b;
}

bool derived_close(double a, double b)
{
	double big = fmax(fabs(a), fabs(b));

	if (isnan(a) || isnan(b))
		return false;
	return fabs(a - b) <= DERIVED_REL_TOL * big;
}

const char *derived_sums_differ(const struct evidence_sums *stored,
				const struct evidence_sums *rows)
{
	if (stored->n_self != rows->n_self)
		return "self rows";
	if (stored->n_other != rows->n_other)
		return "other rows";
	if (stored->max_date != rows->max_date)
		return "max_date";
	if (!derived_close(stored->w_self, rows->w_self))
		return "w_self";
	if (!derived_close(stored->wl_self, rows->wl_self))
		return "wl_self";
	if (!derived_close(stored->w_other, rows->w_other))
		return "w_other";
	if (!derived_close(stored->wl_other, rows->wl_other))
		return "wl_other";
	return NULL;
}

static int row_cmp(const struct history_row *x, const struct history_row *y)
{
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->source != y->source)
		return x->source < y->source ? -1 : 1;
	if (x->level_decimals != y->level_decimals)
		return x->level_decimals < y->level_decimals ? -1 : 1;
	if (x->level != y->level)
		return x->level < y->level ? -1 : 1;
	return 0;
}

static int by_row(const void *x, const void *y)
{
	return row_cmp(x, y);
}

bool derived_same_entries(struct history_row *a, size_t na, struct history_row *b, size_t nb,
			  size_t *only_a, size_t *only_b)
{
	size_t i = 0, j = 0;

	*only_a = *only_b = 0;
	if (na > 1)
		qsort(a, na, sizeof *a, by_row);
	if (nb > 1)
		qsort(b, nb, sizeof *b, by_row);
	while (i < na && j < nb) {
		int c = row_cmp(&a[i], &b[j]);

		if (c == 0) {
			i++;
			j++;
		} else if (c < 0) {
			i++;
			++*only_a;
		} else {
			j++;
			++*only_b;
		}
	}
	*only_a += na - i;
	*only_b += nb - j;
	return *only_a == 0 && *only_b == 0;
}
