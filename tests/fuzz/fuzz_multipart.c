/* libFuzzer target for the multipart/form-data parser (http/multipart.h):
 * the first byte's length (mod 16, at least 1) of the input is the
 * boundary, the rest the body. Any body is either refused with a message,
 * or gives at most FORM_FIELDS_MAX text fields with non-empty names of at
 * most FORM_NAME_MAX bytes and UTF-8 values without NUL, and a file whose
 * content lies inside the body. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/multipart.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(bool ok, const char *what)
{
	if (ok)
		return;
	(void)fprintf(stderr, "fuzz_multipart: %s\n", what);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char boundary[MULTIPART_BOUNDARY_MAX + 1];
	struct multipart_file file;
	struct arena a;
	struct form f;
	char msg[160];
	size_t bl;
	const char *body;
	size_t len;

	if (size < 1)
		return 0;
	bl = data[0] % 16 + 1;
	if (size < 1 + bl)
		return 0;
	memcpy(boundary, data + 1, bl);
	boundary[bl] = '\0';
	body = (const char *)data + 1 + bl;
	len = size - 1 - bl;
	arena_init(&a, 1 << 16);
	msg[0] = '\0';
	if (multipart_parse(body, len, boundary, &a, &f, &file, msg, sizeof msg) < 0) {
		check(msg[0] != '\0', "refused without a message");
	} else {
		check(f.n <= FORM_FIELDS_MAX, "too many fields");
		for (size_t i = 0; i < f.n; i++) {
			size_t n = strlen(f.fields[i].name), vl = strlen(f.fields[i].value);

			check(n > 0 && n <= FORM_NAME_MAX, "a bad name");
			check(utf8_invalid_at(f.fields[i].value, vl) == vl, "a value not UTF-8");
		}
		if (file.field != NULL)
			check(file.data >= body && file.data + file.len <= body + len,
			      "the file outside the body");
		else
			check(file.data == NULL && file.len == 0, "a file without a part");
	}
	arena_free(&a);
	return 0;
}
