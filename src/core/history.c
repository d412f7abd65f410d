#include "core/history.h"

#include <math.h>
#include <stdlib.h>

/* The same table as parse_level_as: exact powers of ten, so that
 * mantissa / scale is the correctly rounded level. */
static const double scale[LEVEL_DECIMALS_MAX + 1] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6 };

int history_begin(struct buf *out)
{
	return buf_addc(out, (char)HISTORY_VERSION);
}

/* Writes v as a varint at p; returns the bytes written. */
static size_t put_varint(unsigned char *p, uint32_t v)
{
	size_t n = 0;

	while (v >= 0x80) {
		p[n++] = (unsigned char)(v | 0x80);
		v >>= 7;
	}
	p[n++] = (unsigned char)v;
	return n;
}

int history_append(struct buf *out, enum source source, double level, int level_decimals,
		   int32_t date)
{
	unsigned char e[HISTORY_ENTRY_MAX];
	size_t n = 0;
	double m;

	if ((int)source < 0 || source >= SOURCE_COUNT || level_decimals < 0 ||
	    level_decimals > LEVEL_DECIMALS_MAX || date < EVIDENCE_FIRST_DAY || date > EVIDENCE_LAST_DAY ||
	    !(level >= LEVEL_MIN && level <= LEVEL_MAX))
		return -1;
	/* level * 10^d is within a few ulps of the mantissa; the division
	 * back must give level exactly, or the row was not written so. */
	m = round(level * scale[level_decimals]);
	if (m / scale[level_decimals] != level)
		return -1;
	e[n++] = (unsigned char)(source | (unsigned)level_decimals << 3);
	n += put_varint(e + n, (uint32_t)(date - EVIDENCE_FIRST_DAY));
	n += put_varint(e + n, (uint32_t)m);
	return buf_add(out, e, n);
}

/* Reads a varint at *pos; returns 0, or -1 when it is truncated or longer
 * than HISTORY_VARINT_MAX bytes or 32 bits. */
static int get_varint(const unsigned char *p, size_t len, size_t *pos, uint32_t *v)
{
	uint64_t x = 0;

	for (int i = 0; i < HISTORY_VARINT_MAX; i++) {
		unsigned char b;

		if (*pos >= len)
			return -1;
		b = p[(*pos)++];
		x |= (uint64_t)(b & 0x7f) << (7 * i);
		if (!(b & 0x80)) {
			if (x > UINT32_MAX)
				return -1;
			*v = (uint32_t)x;
			return 0;
		}
	}
	return -1;
}

/* history_next, static so that the loops below can inline it: decoding
 * is most of their time (bench/history_decode.sh). */
static inline int next_row(const unsigned char *blob, size_t len, size_t *pos,
			   struct history_row *row)
{
	uint32_t days, m;
	unsigned head, dec;

	if (*pos == 0 && len > 0) {
		if (blob[0] != HISTORY_VERSION)
			return -1;
		*pos = 1;
	}
	if (*pos >= len)
		return 0;
	head = blob[(*pos)++];
	dec = head >> 3;
	if ((head & 7) >= SOURCE_COUNT || dec > LEVEL_DECIMALS_MAX)
		return -1;
	if (get_varint(blob, len, pos, &days) < 0 || get_varint(blob, len, pos, &m) < 0)
		return -1;
	if (days > (uint32_t)(EVIDENCE_LAST_DAY - EVIDENCE_FIRST_DAY) ||
	    m < LEVEL_MIN * (uint32_t)scale[dec] || m > LEVEL_MAX * (uint32_t)scale[dec])
		return -1;
	row->source = (enum source)(head & 7);
	row->level_decimals = (int)dec;
	row->level = (double)m / scale[dec];
	row->date = EVIDENCE_FIRST_DAY + (int32_t)days;
	return 1;
}

int history_next(const unsigned char *blob, size_t len, size_t *pos, struct history_row *row)
{
	return next_row(blob, len, pos, row);
}

long history_count(const unsigned char *blob, size_t len)
{
	struct history_row r;
	size_t pos = 0;
	long n = 0;
	int rc;

	while ((rc = next_row(blob, len, &pos, &r)) == 1)
		n++;
	return rc < 0 ? -1 : n;
}

static int by_date(const void *x, const void *y)
{
	const struct history_row *a = x, *b = y;

	return (a->date > b->date) - (a->date < b->date);
}

int history_best_level(const unsigned char *blob, size_t len, const struct settings *set,
		       struct buf *scratch, double *out)
{
	struct history_row r, *rows;
	struct evidence_sums s = { 0 };
	double min_weight = estimate_mentor_min_weight(set) * (1 - 1e-9);
	size_t pos = 0, n;
	int rc;

	*out = 0;
	buf_reset(scratch);
	while ((rc = next_row(blob, len, &pos, &r)) == 1)
		if (buf_add(scratch, &r, sizeof r) < 0)
			return -1;
	if (rc < 0)
		return -1;
	rows = (struct history_row *)(void *)scratch->data;
	n = scratch->len / sizeof r;
	if (n > 1)
		qsort(rows, n, sizeof *rows, by_date);
	for (size_t i = 0; i < n; i++) {
		double w;

		sums_add(&s, set, rows[i].source, rows[i].level, rows[i].date);
		if (i + 1 < n && rows[i + 1].date == rows[i].date)
			continue;    /* a date's level counts all its rows */
		w = s.w_self + s.w_other;
		if (w <= 0 || w * estimate_scale(rows[i].date, set->half_life) < min_weight)
			continue;
		if ((s.wl_self + s.wl_other) / w > *out)
			*out = (s.wl_self + s.wl_other) / w;
	}
	return 0;
}

int history_sums_as_of(const unsigned char *blob, size_t len, const struct settings *set,
		       int32_t as_of, struct evidence_sums *out)
{
	struct history_row r;
	size_t pos = 0;
	int rc;

	*out = (struct evidence_sums){ 0 };
	while ((rc = next_row(blob, len, &pos, &r)) == 1)
		if (r.date <= as_of)
			sums_add(out, set, r.source, r.level, r.date);
	return rc;
}

/* The index of the first of dates[0..n-1] on or after d, n when none. */
static size_t first_on_or_after(const int32_t *dates, size_t n, int32_t d)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (dates[mid] < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int history_sums_at(const unsigned char *blob, size_t len, const struct settings *set,
		    const int32_t *dates, size_t n, struct evidence_sums *out)
{
	struct history_row r;
	size_t pos = 0;
	int rc;

	for (size_t i = 0; i < n; i++) {
		if (i > 0 && dates[i] < dates[i - 1])
			return -1;
		out[i] = (struct evidence_sums){ 0 };
	}
	/* Each row is added to every date on or after its own, in the
	 * blob's order: each date's sums are then exactly those of
	 * history_sums_as_of, so that a trend's months print as the months'
	 * own views do, to the last digit. */
	while ((rc = next_row(blob, len, &pos, &r)) == 1) {
		struct evidence_sums one = { 0 };

		sums_add(&one, set, r.source, r.level, r.date);
		for (size_t k = first_on_or_after(dates, n, r.date); k < n; k++)
			sums_merge(&out[k], &one);
	}
	return rc < 0 ? -1 : 0;
}
