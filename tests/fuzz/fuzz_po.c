/* libFuzzer target for the PO reader (i18n/po.h): any bytes are either
 * refused with "t.po:LINE: ..." naming a line of the input, or give a
 * catalogue whose every entry has a non-empty msgid, as many msgstr as
 * its kind needs, is found again by po_find, and whose Plural-Forms
 * expression gives a form below nplurals for the counts the reader tried
 * (beyond them trn falls back to English rather than trust it). */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n/po.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(bool ok, const char *what)
{
	if (ok)
		return;
	(void)fprintf(stderr, "fuzz_po: %s\n", what);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct po_catalogue c;
	struct err err;
	size_t lines = 1;

	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';
	err_clear(&err);
	if (po_parse(&c, "t.po", (const char *)data, size, &err) < 0) {
		long line;
		char *end;

		check(strncmp(err.msg, "t.po:", 5) == 0, "a message names the file");
		line = strtol(err.msg + 5, &end, 10);
		check(end != err.msg + 5 && *end == ':', "a message names a line");
		check(line >= 1 && (size_t)line <= lines, "the line is one of the input's");
		check(c.count == 0 && c.entries == NULL, "a refused catalogue is empty");
		return 0;
	}
	check(c.language != NULL && c.language[0] != '\0', "a catalogue has a language");
	check(c.nplurals >= 1 && c.nplurals <= PO_PLURALS_MAX, "nplurals in range");
	for (unsigned long n = 0; n < 200; n++) {
		long f = po_plural(c.plural, n);

		check(f >= 0 && f < c.nplurals, "the plural form is in range");
	}
	for (size_t i = 0; i < c.count; i++) {
		const struct po_entry *e = &c.entries[i];

		check(e->msgid[0] != '\0', "a msgid is not empty");
		check(e->forms == (e->msgid_plural ? c.nplurals : 1), "the number of forms");
		for (int k = 0; k < e->forms; k++)
			check(e->msgstr[k] != NULL, "every form is set");
		check(po_find(&c, e->context, e->msgid) == e, "an entry is found again");
		check(!e->translated || !e->fuzzy, "a fuzzy entry is not translated");
	}
	po_free(&c);
	return 0;
}
