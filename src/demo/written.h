/* Importing CSV that the program writes itself (the demo, synthetic
 * organisations), through the same import as a user's files. */
#ifndef COMPGAP_WRITTEN_H
#define COMPGAP_WRITTEN_H

#include <stdio.h>

#include "io/import.h"

/* Imports what fill(ctx, out) writes as CSV of kind, inside the caller's
 * open transaction. A problem in it is a bug of the writer: it fails with
 * EX_SOFTWARE naming `what` and the line. Sets *rows (when not NULL) to the
 * rows stored. 0 or -1. */
int import_written(struct store *st, enum import_kind kind, void (*fill)(void *ctx, FILE *out),
		   void *ctx, const char *what, long *rows, struct err *err);

#endif
