#include "util/rounding.h"

#include <stdio.h>
#include <stdlib.h>

int decimals_apart(double v, double boundary, int min, int max)
{
	char text[64];

	if (v == boundary)
		return min;
	for (int d = min; d <= max; d++) {
		/* What the reader sees, read back: printf's own rounding. */
		(void)snprintf(text, sizeof text, "%.*f", d, v);
		if (strtod(text, NULL) != boundary)
			return d;
	}
	return -1;
}
