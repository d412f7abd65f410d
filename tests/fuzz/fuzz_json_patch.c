/* libFuzzer target for the JSON body parsers of the API (io/entities.h):
 * on any input, entity_patch_parse and evidence_json_parse either succeed
 * with every string they give valid, or fail with a known error code, a
 * message and a field that fit their buffers; never a crash, a leak or an
 * overrun. The first byte chooses the entity and the mode. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/entities.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(bool ok, const char *what)
{
	if (ok)
		return;
	(void)fprintf(stderr, "fuzz_json_patch: %s\n", what);
	abort();
}

/* Reads every byte of s, so that the sanitizers see a bad pointer. */
static size_t touch(const char *s)
{
	return s != NULL ? strlen(s) : 0;
}

static void check_error(const struct field_error *fe)
{
	check(fe->code > EE_NONE && fe->code <= EE_STORE, "unknown error code");
	check(strlen(fe->message) > 0 && strlen(fe->message) < sizeof fe->message, "bad message");
	check(strlen(fe->field) < sizeof fe->field, "bad field");
	check(entity_error_status(fe) >= 400, "error without an error status");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct entity_patch p;
	struct field_error fe;
	const char **values;
	size_t n, total = 0;
	bool array;
	unsigned choice;
	const char *body;

	if (size < 1)
		return 0;
	choice = data[0];
	body = (const char *)data + 1;
	size--;
	arena_init(&a, 1 << 24);
	if (choice % 5 == 4) {
		if (evidence_json_parse(body, size, &a, &values, &n, &array, &fe) == 0) {
			check(n > 0 && (array || n == 1), "evidence rows miscounted");
			for (size_t i = 0; i < n * 7; i++)
				total += touch(values[i]);
			for (size_t i = 0; i < n; i++)
				check(values[i * 7] != NULL && values[i * 7 + 4] != NULL,
				      "a required evidence field is missing");
		} else {
			check_error(&fe);
		}
	} else {
		enum patch_mode mode = choice & 0x80 ? PATCH_CREATE : PATCH_UPDATE;

		if (entity_patch_parse((enum entity)(choice % 5), mode, body, size, &a, &p, &fe) == 0) {
			for (int i = 0; i < ENTITY_FIELDS_MAX; i++)
				total += touch(p.field[i]);
			for (size_t i = 0; i < p.nindicators; i++)
				total += touch(p.indicators[i]);
			for (int l = 0; l <= LEVEL_MAX; l++)
				total += touch(p.levels[l]);
			for (size_t i = 0; i < p.nrequirements; i++)
				total += touch(p.requirements[i].competency) +
					 touch(p.requirements[i].required_level) +
					 touch(p.requirements[i].weight);
			check(mode == PATCH_UPDATE || p.field[0] != NULL, "created without a key");
		} else {
			check_error(&fe);
		}
	}
	arena_free(&a);
	return total == SIZE_MAX;   /* keeps the reads */
}
