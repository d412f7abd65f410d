/* Edit distance, for "did you mean" hints on mistyped keys. */
#ifndef COMPGAP_EDIT_H
#define COMPGAP_EDIT_H

#include <stddef.h>

/* The Levenshtein distance between a and b (bytes), or max + 1 when it is
 * larger than max. Strings longer than EDIT_MAX_LEN count as max + 1. */
size_t edit_distance(const char *a, const char *b, size_t max);

enum {
	EDIT_MAX_LEN = 128,
	EDIT_NEAR = 2,           /* the most edits a "did you mean" hint is away */
	EDIT_KEEP = 3            /* how many of the nearest words are kept */
};

/* The words nearest to one that was typed, for "did you mean" hints:
 * those at most EDIT_NEAR edits away, ignoring ASCII case. */
struct edit_nearest {
	char want[EDIT_MAX_LEN + 1]; /* the typed word in lower case */
	size_t want_len;             /* its length; > EDIT_MAX_LEN: too long to compare */
	const char *best[EDIT_KEEP]; /* the best words at distance: those that begin
				      * with the typed word first, then by strcmp */
	size_t n;                    /* how many words are at distance */
	size_t distance;             /* their edits; EDIT_NEAR + 1 while none */
};

/* Begins a search for the words nearest to word. */
void edit_nearest_begin(struct edit_nearest *near, const char *word);

/* Considers one candidate (not the typed word itself); near keeps the
 * pointer, which must outlive it. */
void edit_nearest_add(struct edit_nearest *near, const char *candidate);

#endif
