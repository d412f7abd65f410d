/* Comparing the derived data of a (person, competency) pair — its running
 * sums and its packed history (core/history.h) — with what its evidence
 * rows give, for `compgap check` (store/verify.c, docs/time-travel.md
 * "Checking"). Pure: no I/O, no SQL, no allocation. */
#ifndef COMPGAP_DERIVED_H
#define COMPGAP_DERIVED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/estimate.h"
#include "core/history.h"

/* Relative tolerance of summed weights (docs/methodology.md "Numbers":
 * 1e-9). Relative, because a weight 2^((d - E)/h) of a recent row is
 * about 2^50 with the shortest half-lives; both sides add the same
 * positive terms in different orders, which moves a sum by a few units in
 * the last place. */
#define DERIVED_REL_TOL ESTIMATE_EPS

/* A fingerprint of a multiset of history entries: the number of entries
 * and two sums of independent 64-bit hashes of each. Order does not
 * matter (a blob is unsorted and append-only); two multisets that differ
 * give equal fingerprints with a chance of about 2^-128. */
struct entry_print {
	uint64_t count;
	uint64_t a, b;                 /* sums, modulo 2^64, of two hashes */
};

/* Adds one entry. The level is hashed by its bits: a decoded level is the
 * exact double the text gave (core/history.h). */
void derived_print_add(struct entry_print *p, const struct history_row *r);

/* The fingerprint of every entry of a blob into *out. Returns 0, or -1
 * when the blob is malformed. */
int derived_print_blob(const unsigned char *blob, size_t len, struct entry_print *out);

/* True when the fingerprints are equal. */
bool derived_print_equal(const struct entry_print *x, const struct entry_print *y);

/* True when a and b are equal within DERIVED_REL_TOL of the larger. */
bool derived_close(double a, double b);

/* Compares stored sums with the sums of the rows: the counts and the
 * newest date exactly, the weighted sums with derived_close. Returns NULL
 * when they agree, else the name of the first field that differs
 * ("self rows", "w_other", "max_date" ...). */
const char *derived_sums_differ(const struct evidence_sums *stored,
				const struct evidence_sums *rows);

/* Exact multiset comparison of two lists of entries, which it sorts in
 * place: *only_a gets how many entries of a are not matched by one of b,
 * *only_b the reverse (a row repeated three times in a and once in b
 * leaves 2 in *only_a). Returns true when both are 0. */
bool derived_same_entries(struct history_row *a, size_t na, struct history_row *b, size_t nb,
			  size_t *only_a, size_t *only_b);

#endif
