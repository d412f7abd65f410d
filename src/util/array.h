/* Growing arrays: the one place that doubles a capacity, so that callers
 * keep a plain pointer, a count and a capacity. */
#ifndef COMPGAP_ARRAY_H
#define COMPGAP_ARRAY_H

#include <stddef.h>

/* Makes room in *items (capacity *cap elements of size elsize) for at
 * least need elements, doubling as it grows. Returns 0, or -1 when memory
 * is exhausted or the size would overflow, leaving *items and *cap as
 * they were. */
int array_reserve(void *items, size_t *cap, size_t need, size_t elsize);

/* qsort's comparison of two strings (elements of type const char *),
 * in strcmp's order. */
int array_by_string(const void *a, const void *b);

/* The index of key in strings[0..n), sorted by array_by_string, or -1. */
long array_find_string(const char *const *strings, size_t n, const char *key);

#endif
