/* The reader of GNU gettext PO catalogues (po/nl.po, po/sv.po), the format
 * translators edit: comments, flags (a fuzzy entry counts as untranslated),
 * msgctxt, strings continued over several lines, the C escapes \n \t \r
 * \" \\, msgid_plural with msgstr[n], and the header's Content-Type
 * (UTF-8 only), Language and Plural-Forms. A catalogue that is not well
 * formed is refused whole, with "file:line: what is wrong", so that the
 * build (tools/po_check.c) stops on it rather than the server. */
#ifndef COMPGAP_I18N_PO_H
#define COMPGAP_I18N_PO_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"
#include "util/err.h"

enum {
	PO_PLURALS_MAX = 6,        /* the most plural forms a language may have
				    * (Arabic has six) */
	PO_STRING_MAX = 64 * 1024  /* the longest msgid or msgstr, in bytes */
};

/* One entry of the catalogue other than the header. */
struct po_entry {
	const char *context;                  /* msgctxt, or NULL without one */
	const char *msgid;                    /* the English text, never "" */
	const char *msgid_plural;             /* the English plural, or NULL */
	const char *msgstr[PO_PLURALS_MAX];   /* the translations: msgstr[0] only
					       * without msgid_plural, else one
					       * per plural form */
	int forms;                            /* how many of msgstr are set */
	bool fuzzy;                           /* flagged "fuzzy": not to be used */
	bool translated;                      /* not fuzzy and no msgstr empty:
					       * what a lookup may use */
	int line;                             /* the line of its msgid (or
					       * msgctxt), for messages */
};

/* A catalogue: the header's facts and the entries in the file's order.
 * Everything it points to is owned by it (po_free). */
struct po_catalogue {
	const char *language;      /* the header's Language ("nl") */
	int nplurals;              /* from Plural-Forms, 1..PO_PLURALS_MAX */
	const char *plural;        /* Plural-Forms' expression in n, as written
				    * ("(n != 1)"), for po_plural */
	struct po_entry *entries;  /* owned array of count entries */
	size_t count;
	size_t cap;                /* capacity of entries */
	struct arena arena;        /* the strings */
};

/* Parses the len bytes of text (a whole .po file; name is how messages
 * name it, e.g. "po/nl.po") into *c. Returns 0, or -1 with err set to
 * EX_DATAERR and "name:line: what is wrong" (EX_OSERR when memory is
 * exhausted); *c is then empty and need not be freed. Checks: the syntax,
 * UTF-8, the header (msgid "" first, charset=UTF-8, Language, a
 * Plural-Forms whose expression parses), the order of the keywords of an
 * entry, the number of plural forms, no msgid twice in one context, and
 * that a translation has the msgid's printf conversions in the same
 * order (unless flagged no-c-format), because pages may use a translated
 * text as a format. */
int po_parse(struct po_catalogue *c, const char *name, const char *text, size_t len,
	     struct err *err);

/* Frees what c owns and empties it. */
void po_free(struct po_catalogue *c);

/* The plural form for n by expr, a Plural-Forms expression (C's
 * operators ?: || && == != < > <= >= + - * / % ! and parentheses over n
 * and decimal numbers). Returns the form (>= 0), or -1 when expr does not
 * parse. A division by zero gives 0. */
long po_plural(const char *expr, unsigned long n);

/* The entry of c for (context, msgid), context NULL for none, whether
 * translated or not; NULL when c has none. A linear search, for tools and
 * tests: the server's lookup is i18n.c's hash table. */
const struct po_entry *po_find(const struct po_catalogue *c, const char *context,
			       const char *msgid);

#endif
