/* The choice of language (i18n.h): the codes, and the reading of the
 * "lang" cookie and the Accept-Language header (RFC 9110 12.5.4). */
#include "i18n/i18n.h"

#include <ctype.h>
#include <string.h>

static const char *const codes[LANG_COUNT] = { "en", "nl", "sv" };

const char *lang_code(enum lang l)
{
	return (unsigned)l < LANG_COUNT ? codes[l] : codes[LANG_EN];
}

bool lang_parse(const char *s, enum lang *out)
{
	if (s == NULL || s[0] == '\0')
		return false;
	for (int i = 0; i < LANG_COUNT; i++)
		if (tolower((unsigned char)s[0]) == codes[i][0] &&
		    tolower((unsigned char)s[1]) == codes[i][1] && (s[2] == '\0' || s[2] == '-')) {
			*out = (enum lang)i;
			return true;
		}
	return false;
}

/* What the header says of one of our languages. */
struct offer {
	int q;          /* the highest weight of a range naming it, in
			 * thousandths; -1 when no range names it */
	bool refused;   /* a range naming exactly it has q=0 */
	int order;      /* the position of the range that gave q */
};

/* Reads a qvalue ("0", "0.5", "1.000") at p into thousandths; -1 when
 * malformed (then the range is ignored). */
static int read_qvalue(const char *p, const char *end)
{
	int q = 0, scale = 1000;

	if (p == end || (*p != '0' && *p != '1'))
		return -1;
	q = (*p - '0') * 1000;
	p++;
	if (p < end && *p == '.') {
		for (p++; p < end && isdigit((unsigned char)*p) && scale > 1; p++) {
			scale /= 10;
			q += (*p - '0') * scale;
		}
	}
	if (p != end || q > 1000)
		return -1;
	return q;
}

/* Reads the parameters after a range (";q=0.8", blanks allowed) into its
 * weight; -1 when malformed. Parameters other than q are ignored. */
static int read_weight(const char *p, const char *end)
{
	int q = 1000;

	while (p < end) {
		const char *semi, *v, *ve;

		while (p < end && (*p == ' ' || *p == '\t' || *p == ';'))
			p++;
		for (semi = p; semi < end && *semi != ';'; semi++)
			;
		ve = semi;
		while (ve > p && (ve[-1] == ' ' || ve[-1] == '\t'))
			ve--;
		if (ve - p >= 2 && (p[0] == 'q' || p[0] == 'Q')) {
			for (v = p + 1; v < ve && (*v == ' ' || *v == '\t'); v++)
				;
			if (v < ve && *v == '=') {
				for (v++; v < ve && (*v == ' ' || *v == '\t'); v++)
					;
				q = read_qvalue(v, ve);
				if (q < 0)
					return -1;
			}
		}
		p = semi < end ? semi + 1 : end;
	}
	return q;
}

/* Applies one range of the header (its text is [p, end)) at position
 * order; star is the weight of "*" so far. */
static void take_range(const char *p, const char *end, int order, struct offer offers[LANG_COUNT],
		       struct offer *star)
{
	const char *tag_end;
	size_t tag_len;
	int q;
	enum lang l;
	struct offer *o;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	for (tag_end = p; tag_end < end && *tag_end != ';' && *tag_end != ' ' && *tag_end != '\t';
	     tag_end++)
		;
	tag_len = (size_t)(tag_end - p);
	if (tag_len == 0)
		return;
	q = read_weight(tag_end, end);
	if (q < 0)
		return;
	if (tag_len == 1 && *p == '*') {
		o = star;
	} else {
		char tag[3] = { 0, 0, 0 };

		/* Only the primary subtag counts: "nl-BE" asks for Dutch. */
		if (tag_len < 2 || (tag_len > 2 && p[2] != '-'))
			return;
		tag[0] = p[0];
		tag[1] = p[1];
		if (!lang_parse(tag, &l))
			return;
		o = &offers[l];
		if (tag_len == 2 && q == 0)
			o->refused = true;
	}
	if (q > o->q) {
		o->q = q;
		o->order = order;
	}
}

enum lang lang_negotiate(const char *cookie_lang, const char *accept_language)
{
	struct offer offers[LANG_COUNT], star = { -1, false, 0 };
	const char *p = accept_language;
	enum lang best = LANG_EN;
	int order = 0;
	int best_q = 0, best_order = 0;

	if (lang_parse(cookie_lang, &best))
		return best;
	if (accept_language == NULL)
		return LANG_EN;
	for (int i = 0; i < LANG_COUNT; i++)
		offers[i] = (struct offer){ -1, false, 0 };
	while (*p != '\0') {
		const char *comma = strchr(p, ',');
		const char *end = comma ? comma : p + strlen(p);

		take_range(p, end, order++, offers, &star);
		p = comma ? comma + 1 : end;
	}
	/* "*" stands for every language that no range names. */
	best = LANG_EN;
	for (int i = 0; i < LANG_COUNT; i++) {
		struct offer o = offers[i].q >= 0 ? offers[i] : star;

		if (offers[i].refused || o.q <= 0)
			continue;
		if (o.q > best_q || (o.q == best_q && o.order < best_order)) {
			best = (enum lang)i;
			best_q = o.q;
			best_order = o.order;
		}
	}
	return best;
}
