/* Edit distance, for "did you mean" hints on mistyped keys. */
#ifndef COMPGAP_EDIT_H
#define COMPGAP_EDIT_H

#include <stddef.h>

/* The Levenshtein distance between a and b (bytes), or max + 1 when it is
 * larger than max. Strings longer than EDIT_MAX_LEN count as max + 1. */
size_t edit_distance(const char *a, const char *b, size_t max);

enum {
	EDIT_MAX_LEN = 128
};

#endif
