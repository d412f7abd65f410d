/* The languages of the browser application (issue 12): English, Dutch
 * and Swedish. Texts are written in English in the C source, marked by a
 * call of tr() or trn(), and translated in po/nl.po and po/sv.po (the
 * format translators use), which are built into the binary. Numbers and
 * dates are written in the reader's conventions ("3,5" in Dutch and
 * Swedish). docs/i18n.md says how to add or change a translation. */
#ifndef COMPGAP_I18N_I18N_H
#define COMPGAP_I18N_I18N_H

#include <stdbool.h>
#include <stdint.h>

#include "util/buf.h"

enum lang {
	LANG_EN,
	LANG_NL,
	LANG_SV
};
enum {
	LANG_COUNT = 3
};

/* "en", "nl" or "sv". */
const char *lang_code(enum lang l);

/* The language whose code is s ("nl", "NL", "nl-BE" all give LANG_NL);
 * false when s names none of ours. */
bool lang_parse(const char *s, enum lang *out);

/* The language to answer in: the remembered choice (the value of the
 * "lang" cookie, may be NULL) when it names one of ours, else the best of
 * the Accept-Language header (RFC 9110 12.5.4, q-values honoured; may be
 * NULL), else English. */
enum lang lang_negotiate(const char *cookie_lang, const char *accept_language);

/* The translation of msgid into l; msgid itself in English or when it has
 * no translation (so a missing one shows English, never an empty text). */
const char *tr(enum lang l, const char *msgid);

/* The same for a text with a count: singular or plural by the language's
 * plural rule (Plural-Forms of its .po file). */
const char *trn(enum lang l, const char *singular, const char *plural, unsigned long n);

/* Appends v with the given number of decimals in l's conventions:
 * 1,234.5 (en), 1.234,5 (nl), 1 234,5 (sv, the space a no-break space).
 * 0, or -1 when b is full. */
int fmt_number(struct buf *b, enum lang l, double v, int decimals);

/* Appends the date days (since 1970-01-01, util/date.h) in l's long
 * form: "2 December 2026", "2 december 2026", "2 december 2026". 0 or -1. */
int fmt_date(struct buf *b, enum lang l, int32_t days);

#endif
