/* libFuzzer target for the form decoder (http/form.h): any bytes either
 * are refused with a message, or give at most FORM_FIELDS_MAX fields whose
 * names are non-empty, at most FORM_NAME_MAX bytes, and whose names and
 * values are UTF-8 without NUL; encoded back with form_url_encode, they
 * decode to the same fields. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/form.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(bool ok, const char *what)
{
	if (ok)
		return;
	(void)fprintf(stderr, "fuzz_form: %s\n", what);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct form f, g;
	struct buf b;
	char msg[160];

	arena_init(&a, 1 << 20);
	buf_init(&b, 1 << 20);
	if (form_parse((const char *)data, size, &a, &f, msg, sizeof msg) < 0) {
		check(msg[0] != '\0', "a refusal without a message");
		goto out;
	}
	check(f.n <= FORM_FIELDS_MAX, "too many fields");
	for (size_t i = 0; i < f.n; i++) {
		size_t nn = strlen(f.fields[i].name), nv = strlen(f.fields[i].value);

		check(nn > 0 && nn <= FORM_NAME_MAX, "a name of a bad length");
		check(utf8_invalid_at(f.fields[i].name, nn) == nn, "a name that is not UTF-8");
		check(utf8_invalid_at(f.fields[i].value, nv) == nv, "a value that is not UTF-8");
		check(form_url_encode(&b, f.fields[i].name) == 0 && buf_addc(&b, '=') == 0 &&
		      form_url_encode(&b, f.fields[i].value) == 0 && buf_addc(&b, '&') == 0,
		      "cannot encode");
	}
	check(form_parse(b.data, b.len, &a, &g, msg, sizeof msg) == 0, "the encoding is refused");
	check(g.n == f.n, "the encoding has other fields");
	for (size_t i = 0; i < f.n; i++)
		check(strcmp(f.fields[i].name, g.fields[i].name) == 0 &&
		      strcmp(f.fields[i].value, g.fields[i].value) == 0,
		      "the encoding decodes to another form");
out:
	buf_free(&b);
	arena_free(&a);
	return 0;
}
