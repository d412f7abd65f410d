/* Synthetic organisations of any size for benchmarks (see generate.c). */
#ifndef COMPGAP_GENERATE_H
#define COMPGAP_GENERATE_H

#include <stdint.h>

#include "store/store.h"
#include "util/err.h"

/* The generated evidence covers the two years up to this day. */
#define GENERATE_LAST_DAY "2026-10-31"

struct generate_summary {
	long teams, people, competencies, evidence;
};

/* Fills st, which must hold no people, with an organisation of `people`
 * people drawn from seed. 0, or -1 with err set. */
int generate_create(struct store *st, long people, uint64_t seed,
		    struct generate_summary *sum, struct err *err);

#endif
