/* The translation catalogues compiled into the binary: the files po/LANG.po,
 * turned into C at build time by tools/embed_assets.sh --po (the
 * generated file lives in the build directory and is never committed),
 * after tools/po_check.c has refused any that is not well formed. Read by
 * i18n.c only; never served. */
#ifndef COMPGAP_I18N_CATALOGUES_H
#define COMPGAP_I18N_CATALOGUES_H

#include <stddef.h>

/* One file of po/. */
struct po_source {
	const char *path;    /* "po/nl.po", as the build named it, for messages */
	const char *lang;    /* "nl": the file's name without ".po" */
	const char *text;    /* its bytes (followed by a NUL) */
	size_t size;         /* bytes of text, the NUL not counted */
};

/* The generated table, in the order of the file names. */
extern const struct po_source po_sources[];
extern const size_t po_sources_count;

#endif
