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
