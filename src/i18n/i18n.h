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
#include "util/err.h"

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

/* Marks text for translation where it is written into a table (the
 * labels of a menu, say) and translated later by tr(l, table[i].label):
 * tools/po-update.sh extracts it as it extracts the texts of tr. */
#define N_(text) (text)

/* The translation of msgid into l; msgid itself in English or when it has
 * no translation (so a missing one shows English, never an empty text). */
const char *tr(enum lang l, const char *msgid);

/* The same for a text with a count: singular or plural by the language's
 * plural rule (Plural-Forms of its .po file). */
const char *trn(enum lang l, const char *singular, const char *plural, unsigned long n);

/* The translation of msgid in context (msgctxt in the .po files), for an
 * English text that needs two translations (the menu's "Admin" and the
 * role "Admin"); as tr otherwise. Like tr and trn: the result lives as
 * long as the program and is not freed; any thread may call it. */
const char *trc(enum lang l, const char *context, const char *msgid);

/* Appends v with the given number of decimals in l's conventions:
 * 1,234.5 (en), 1.234,5 (nl), 1 234,5 (sv, the space a no-break space).
 * Rounded half away from zero on v's shortest decimal form (0.15 gives
 * 0.2, -0.5 gives -1); decimals below 0 count as 0, above 15 as 15. A
 * negative number has "-" in en and nl and U+2212 MINUS SIGN in sv (CLDR);
 * a result that rounds to zero has no sign. NaN and infinities are
 * written as an en dash. 0, or -1 when b is full (b unchanged). */
int fmt_number(struct buf *b, enum lang l, double v, int decimals);

/* Appends the date days (since 1970-01-01, util/date.h) in l's long
 * form: "2 December 2026", "2 december 2026", "2 december 2026". 0 or -1. */
int fmt_date(struct buf *b, enum lang l, int32_t days);

/* The same in the short form of tables and chart labels (CLDR's medium
 * date): "2 Dec 2026", "2 dec 2026", "2 dec. 2026". 0 or -1. */
int fmt_date_short(struct buf *b, enum lang l, int32_t days);

/* The month and year of days, for the axes of trend charts: "December
 * 2026", "december 2026", "december 2026". 0 or -1. */
int fmt_month(struct buf *b, enum lang l, int32_t days);

/* The same in CLDR's short year-month form (yMMM), for the month axis of a
 * chart and the columns of its table: "Mar 2026", "mrt 2026", "mars
 * 2026". 0 or -1. */
int fmt_month_short(struct buf *b, enum lang l, int32_t days);

/* Reads the built-in catalogues now (tr and the others do so at their
 * first call, once, whatever the thread) and says whether each language
 * other than English has one that parsed and names its language. 0, or
 * -1 with err saying what is wrong (a language whose catalogue fails is
 * shown in English). */
int i18n_check(struct err *err);

#endif
