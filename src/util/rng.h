/* A small deterministic random generator (splitmix64), so that the demo and
 * the synthetic organisations are the same on every machine. */
#ifndef COMPGAP_RNG_H
#define COMPGAP_RNG_H

#include <stdint.h>

struct rng {
	uint64_t state;   /* advanced by every draw */
};

/* Seeds the generator. */
void rng_seed(struct rng *r, uint64_t seed);

/* The next 64 random bits. */
uint64_t rng_next(struct rng *r);

/* A uniform integer in [lo, hi] (inclusive); lo <= hi. */
int rng_range(struct rng *r, int lo, int hi);

/* A uniform double in [0, 1). */
double rng_unit(struct rng *r);

/* A normally distributed double (mean 0, standard deviation 1). */
double rng_normal(struct rng *r);

#endif
