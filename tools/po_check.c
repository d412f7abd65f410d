/* The build's check of the translation catalogues: reads each .po file
 * named on the command line with the server's own reader (src/i18n/po.h)
 * and stops the build, naming the file and line, when one is not well
 * formed, so that a broken catalogue never reaches the binary. Says
 * nothing when all is well.
 *   build/po_check po/nl.po po/sv.po */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "i18n/po.h"
#include "util/buf.h"

enum {
	PO_FILE_MAX = 16 * 1024 * 1024
};

static int check_file(const char *path)
{
	struct buf text;
	struct po_catalogue cat;
	struct err err;
	char chunk[8192];
	size_t n;
	FILE *f = fopen(path, "rb");
	int rc = EX_OK;

	if (f == NULL) {
		fprintf(stderr, "po_check: cannot open '%s': %s\n", path, strerror(errno));
		return EX_NOINPUT;
	}
	buf_init(&text, PO_FILE_MAX);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		if (buf_add(&text, chunk, n) < 0) {
			fprintf(stderr, "po_check: '%s' is larger than 16 MiB\n", path);
			rc = EX_DATAERR;
			goto out;
		}
	if (ferror(f)) {
		fprintf(stderr, "po_check: cannot read '%s': %s\n", path, strerror(errno));
		rc = EX_IOERR;
		goto out;
	}
	if (po_parse(&cat, path, buf_str(&text), text.len, &err) < 0) {
		fprintf(stderr, "po_check: %s\n", err.msg);
		rc = err.code;
		goto out;
	}
	po_free(&cat);
out:
	buf_free(&text);
	fclose(f);
	return rc;
}

int main(int argc, char **argv)
{
	int rc = EX_OK;

	if (argc < 2) {
		fprintf(stderr, "usage: po_check FILE.po...\n");
		return EX_USAGE;
	}
	for (int i = 1; i < argc; i++) {
		int r = check_file(argv[i]);

		if (r != EX_OK)
			rc = r;
	}
	return rc;
}
