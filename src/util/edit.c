#include "util/edit.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

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

/* Copies s in lower case into out; its length, or EDIT_MAX_LEN + 1 when
 * it is longer than edit_distance compares. */
static size_t lower(const char *s, char out[EDIT_MAX_LEN + 1])
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++) {
		if (i == EDIT_MAX_LEN)
			return EDIT_MAX_LEN + 1;
		out[i] = (char)tolower((unsigned char)s[i]);
	}
	out[i] = '\0';
	return i;
}

void edit_nearest_begin(struct edit_nearest *near, const char *word)
{
	memset(near, 0, sizeof *near);
	near->want_len = lower(word, near->want);
	near->distance = EDIT_NEAR + 1;
}

/* Whether a is a better hint than b: one that begins with what was typed
 * (KCC-1050 for KCC-105), then by strcmp, so that the hint does not
 * depend on the order in which the words came. */
static bool better(const struct edit_nearest *near, const char *a, const char *b)
{
	bool pa = strncasecmp(a, near->want, near->want_len) == 0;
	bool pb = strncasecmp(b, near->want, near->want_len) == 0;

	return pa != pb ? pa : strcmp(a, b) < 0;
}

void edit_nearest_add(struct edit_nearest *near, const char *candidate)
{
	char have[EDIT_MAX_LEN + 1];
	size_t d, at;

	if (near->want_len > EDIT_MAX_LEN || lower(candidate, have) > EDIT_MAX_LEN)
		return;
	d = edit_distance(near->want, have, EDIT_NEAR);
	if (d > EDIT_NEAR || d > near->distance)
		return;
	if (d < near->distance) {
		near->distance = d;
		near->n = 0;
	}
	for (at = near->n < EDIT_KEEP ? near->n : EDIT_KEEP;
	     at > 0 && better(near, candidate, near->best[at - 1]); at--)
		if (at < EDIT_KEEP)
			near->best[at] = near->best[at - 1];
	if (at < EDIT_KEEP)
		near->best[at] = candidate;
	near->n++;
}
