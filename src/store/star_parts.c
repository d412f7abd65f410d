/* The parts of a STAR note (store/star.h) as text: their names, their
 * length and whether any is given. Nothing here touches the store, so
 * that the request-body parser (io/entities_parse.c) and its fuzzer use
 * it alone. */
#include "store/star.h"

const char *const star_part_names[STAR_PARTS] = { "situation", "task", "action", "result" };

static bool given(const char *s)
{
	return s != NULL && s[0] != '\0';
}

bool star_is_empty(const struct evidence_star *s)
{
	for (int i = 0; i < STAR_PARTS; i++)
		if (given(s->part[i]))
			return false;
	return true;
}

size_t star_length(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}
