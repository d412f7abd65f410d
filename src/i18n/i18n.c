/* A first stage of i18n.h so that pages can be written against it: the
 * language codes and the choice of language; texts are not translated yet
 * and numbers and dates are written the English way. The i18n work of
 * issue 12 replaces it with the .po catalogues. */
#include "i18n/i18n.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "util/date.h"

static const char *const codes[LANG_COUNT] = { "en", "nl", "sv" };

const char *lang_code(enum lang l)
{
	return codes[l];
}

bool lang_parse(const char *s, enum lang *out)
{
	if (s == NULL)
		return false;
	for (int i = 0; i < LANG_COUNT; i++)
		if (tolower((unsigned char)s[0]) == codes[i][0] &&
		    tolower((unsigned char)s[1]) == codes[i][1] && (s[2] == '\0' || s[2] == '-')) {
			*out = (enum lang)i;
			return true;
		}
	return false;
}

enum lang lang_negotiate(const char *cookie_lang, const char *accept_language)
{
	enum lang l = LANG_EN;

	if (lang_parse(cookie_lang, &l))
		return l;
	if (accept_language != NULL && lang_parse(accept_language, &l))
		return l;
	return LANG_EN;
}

const char *tr(enum lang l, const char *msgid)
{
	(void)l;
	return msgid;
}

const char *trn(enum lang l, const char *singular, const char *plural, unsigned long n)
{
	(void)l;
	return n == 1 ? singular : plural;
}

int fmt_number(struct buf *b, enum lang l, double v, int decimals)
{
	(void)l;
	return buf_printf(b, "%.*f", decimals, v);
}

int fmt_date(struct buf *b, enum lang l, int32_t days)
{
	char iso[DATE_ISO_LEN + 1];

	(void)l;
	date_format(days, iso);
	return buf_adds(b, iso);
}
