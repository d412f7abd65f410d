#include "core/model.h"

#include <string.h>

#include "util/arena.h"

static const char *const source_names[SOURCE_COUNT] = {
	[SOURCE_SELF] = "self",
	[SOURCE_MANAGER] = "manager",
	[SOURCE_PEER] = "peer",
	[SOURCE_ASSESSMENT] = "assessment",
	[SOURCE_TEST] = "test",
	[SOURCE_QA] = "qa",
	[SOURCE_CUSTOMER] = "customer",
};

const char *source_name(enum source s)
{
	return (unsigned)s < SOURCE_COUNT ? source_names[s] : "?";
}

int source_parse(const char *name, enum source *s)
{
	for (int i = 0; i < SOURCE_COUNT; i++) {
		if (strcmp(name, source_names[i]) == 0) {
			*s = (enum source)i;
			return 0;
		}
	}
	return -1;
}

const char *source_list(void)
{
	return "self, manager, peer, assessment, test, qa, customer";
}

const char *developability_name(enum developability d)
{
	switch (d) {
	case DEV_LOW: return "low";
	case DEV_MEDIUM: return "medium";
	case DEV_HIGH: return "high";
	case DEV_UNSET: break;
	}
	return "";
}

int developability_parse(const char *name, enum developability *d)
{
	static const enum developability all[] = { DEV_UNSET, DEV_LOW, DEV_MEDIUM, DEV_HIGH };

	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		if (strcmp(name, developability_name(all[i])) == 0) {
			*d = all[i];
			return 0;
		}
	}
	return -1;
}

/* A copy of s in a, or NULL for NULL; *ok turns false when a is full. */
static const char *copy(struct arena *a, const char *s, bool *ok)
{
	char *c = arena_strdup(a, s);

	if (s != NULL && c == NULL)
		*ok = false;
	return c;
}

int person_copy(struct person *dst, const struct person *src, struct arena *a)
{
	bool ok = true;

	*dst = *src;
	dst->key = copy(a, src->key, &ok);
	dst->name = copy(a, src->name, &ok);
	dst->email = copy(a, src->email, &ok);
	dst->team = copy(a, src->team, &ok);
	dst->role = copy(a, src->role, &ok);
	dst->manager = copy(a, src->manager, &ok);
	return ok ? 0 : -1;
}
