#include "util/array.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum {
	ARRAY_INITIAL = 16
};

int array_reserve(void *items, size_t *cap, size_t need, size_t elsize)
{
	void *p;
	size_t n = *cap ? *cap : ARRAY_INITIAL;

	if (need <= *cap)
		return 0;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			return -1;
		n *= 2;
	}
	if (n > SIZE_MAX / elsize)
		return -1;
	/* items is a pointer to the caller's pointer, of any element type. */
	memcpy(&p, items, sizeof p);
	p = realloc(p, n * elsize);
	if (p == NULL)
		return -1;
	memcpy(items, &p, sizeof p);
	*cap = n;
	return 0;
}

int array_by_string(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

long array_find_string(const char *const *strings, size_t n, const char *key)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(strings[mid], key);

		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}
