/* Export of the store in the CSV formats of docs/csv-formats.md: the same
 * columns the import reads, cells neutralised against formula injection,
 * so that an export imported again gives the same data. */
#ifndef COMPGAP_EXPORT_H
#define COMPGAP_EXPORT_H

#include <stdio.h>

#include "io/import.h"
#include "store/store.h"
#include "util/err.h"

/* Flags for export_csv. */
enum {
	EXPORT_LF = 1 << 0    /* end lines with LF instead of RFC 4180's CRLF */
};

/* Writes every row of kind to out, header first, from one consistent
 * snapshot. Returns 0, or -1 with err set (EX_IOERR when out fails). */
int export_csv(struct store *st, enum import_kind kind, FILE *out, unsigned flags,
	       struct err *err);

/* Formats an evidence level with the digits it was written with. */
void export_format_level(double level, int decimals, char out[32]);

#endif
