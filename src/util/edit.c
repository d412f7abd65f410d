#include "util/edit.h"

#include <string.h>

size_t edit_distance(const char *a, const char *b, size_t max)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t row[EDIT_MAX_LEN + 1];

	if (la > EDIT_MAX_LEN || lb > EDIT_MAX_LEN || (la > lb ? la - lb : lb - la) > max)
		return max + 1;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0], best;

		row[0] = i;
		best = row[0];
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t cost = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < cost)
				cost = up + 1;
			if (row[j - 1] + 1 < cost)
				cost = row[j - 1] + 1;
			row[j] = cost;
			diag = up;
			if (cost < best)
				best = cost;
		}
		if (best > max)
			return max + 1;   /* every path is longer already */
	}
	return row[lb] <= max ? row[lb] : max + 1;
}
