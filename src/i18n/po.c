/* The PO reader (i18n/po.h): one pass over the lines, an entry built in
 * buffers and copied into the catalogue's arena when the next one begins. */
#include "i18n/po.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

#include "util/array.h"
#include "util/buf.h"
#include "util/utf8.h"

enum {
	PLURAL_CHECK_UPTO = 1000  /* n tried when checking the forms' range */
};

/* ---- printf conversions, compared between msgid and msgstr ---- */

/* The length of the conversion specification at s (s[0] == '%'), or 0
 * when none begins there: flags -+#0, a width, a precision, a length
 * modifier and a conversion letter. A space flag is not accepted, so
 * that "50% of" is text, not "% o". */
static size_t conversion_len(const char *s)
{
	size_t i = 1;

	while (s[i] != '\0' && strchr("-+#0", s[i]) != NULL)
		i++;
	while (isdigit((unsigned char)s[i]) || s[i] == '*' || s[i] == '$')
		i++;
	if (s[i] == '.') {
		i++;
		while (isdigit((unsigned char)s[i]) || s[i] == '*')
			i++;
	}
	while (s[i] != '\0' && strchr("hlLqjzt", s[i]) != NULL)
		i++;
	if (s[i] == '\0' || strchr("diouxXeEfFgGaAcsp", s[i]) == NULL)
		return 0;
	return i + 1;
}

/* The first conversion of s, its length in *len; NULL when none ("%%"
 * is text). */
static const char *next_conversion(const char *s, size_t *len)
{
	for (; *s != '\0'; s++) {
		size_t l;

		if (*s != '%')
			continue;
		if (s[1] == '%') {
			s++;
			continue;
		}
		l = conversion_len(s);
		if (l > 0) {
			*len = l;
			return s;
		}
	}
	return NULL;
}

/* Whether a and b hold the same conversions in the same order. */
static bool same_conversions(const char *a, const char *b)
{
	for (;;) {
		size_t la = 0, lb = 0;

		a = next_conversion(a, &la);
		b = next_conversion(b, &lb);
		if (a == NULL || b == NULL)
			return a == b;
		if (la != lb || strncmp(a, b, la) != 0)
			return false;
		a += la;
		b += lb;
	}
}

static bool has_conversions(const char *s)
{
	return !same_conversions(s, "");
}

/* ---- the reader ---- */

enum field {
	FIELD_NONE,
	FIELD_CTXT,
	FIELD_ID,
	FIELD_PLURAL,
	FIELD_STR        /* msgstr or msgstr[form] */
};

struct reader {
	struct po_catalogue *c;
	const char *name;         /* for messages */
	struct err *err;
	int line;                 /* the current line, from 1 */

	/* The entry being read. */
	bool open;                /* some keyword of it was seen */
	int entry_line;           /* where it began */
	bool fuzzy;               /* from its "#," line */
	bool no_c_format;         /* likewise */
	bool has_ctxt, has_plural;
	bool has_id;
	int forms;                /* msgstr forms seen; 0 before any */
	enum field field;         /* what a continued string adds to */
	int form;                 /* which msgstr for FIELD_STR */
	struct buf ctxt, id, plural, str[PO_PLURALS_MAX];
	bool header_seen;         /* the first entry was read */
};

static int fail(struct reader *r, int line, const char *what, const char *detail)
{
	return err_set(r->err, EX_DATAERR, "%s:%d: %s%s", r->name, line, what, detail ? detail : "");
}

static int no_memory(struct reader *r)
{
	return err_set(r->err, EX_OSERR, "%s:%d: out of memory", r->name, r->line);
}

static void entry_reset(struct reader *r)
{
	r->open = false;
	r->fuzzy = false;
	r->no_c_format = false;
	r->has_ctxt = r->has_plural = r->has_id = false;
	r->forms = 0;
	r->field = FIELD_NONE;
	r->form = 0;
	buf_reset(&r->ctxt);
	buf_reset(&r->id);
	buf_reset(&r->plural);
	for (int i = 0; i < PO_PLURALS_MAX; i++)
		buf_reset(&r->str[i]);
}

/* The value of header field key ("Language") in the header's text, copied
 * into the arena without surrounding blanks; NULL when absent. */
static const char *header_field(struct reader *r, const char *header, const char *key)
{
	size_t klen = strlen(key);

	for (const char *p = header; *p != '\0';) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);

		if (len > klen && strncasecmp(p, key, klen) == 0 && p[klen] == ':') {
			const char *v = p + klen + 1;
			const char *e = p + len;

			while (v < e && (*v == ' ' || *v == '\t'))
				v++;
			while (e > v && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
				e--;
			return arena_strndup(&r->c->arena, v, (size_t)(e - v));
		}
		p += len + (end != NULL);
	}
	return NULL;
}

/* Reads "nplurals=N; plural=EXPR;" into the catalogue. */
static int read_plural_forms(struct reader *r, const char *v)
{
	const char *p = strstr(v, "nplurals=");
	const char *e;
	char *end;
	long n;

	if (p == NULL)
		return fail(r, r->entry_line, "the header's Plural-Forms lacks nplurals=", NULL);
	errno = 0;
	n = strtol(p + 9, &end, 10);
	if (errno != 0 || end == p + 9 || n < 1 || n > PO_PLURALS_MAX)
		return fail(r, r->entry_line,
			    "the header's Plural-Forms: nplurals must be a number from 1 to 6", NULL);
	r->c->nplurals = (int)n;
	p = strstr(end, "plural=");
	if (p == NULL)
		return fail(r, r->entry_line, "the header's Plural-Forms lacks plural=", NULL);
	p += 7;
	e = strchr(p, ';');
	if (e == NULL)
		e = p + strlen(p);
	r->c->plural = arena_strndup(&r->c->arena, p, (size_t)(e - p));
	if (r->c->plural == NULL)
		return no_memory(r);
	for (unsigned long k = 0; k <= PLURAL_CHECK_UPTO; k++) {
		long f = po_plural(r->c->plural, k);

		if (f < 0)
			return fail(r, r->entry_line,
				    "the header's Plural-Forms: the plural= expression does not parse: ",
				    r->c->plural);
		if (f >= n)
			return fail(r, r->entry_line,
				    "the header's Plural-Forms: plural= gives a form beyond nplurals for some n",
				    NULL);
	}
	return 0;
}

static int read_header(struct reader *r)
{
	const char *h = buf_str(&r->str[0]);
	const char *type, *charset, *plural;

	if (r->has_ctxt || r->has_plural)
		return fail(r, r->entry_line, "the header (msgid \"\") has a msgctxt or msgid_plural",
			    NULL);
	type = header_field(r, h, "Content-Type");
	if (type == NULL)
		return fail(r, r->entry_line, "the header lacks Content-Type", NULL);
	charset = strstr(type, "charset=");
	if (charset == NULL || strcasecmp(charset + 8, "UTF-8") != 0)
		return fail(r, r->entry_line,
			    "the header's Content-Type must say charset=UTF-8, not: ", type);
	r->c->language = header_field(r, h, "Language");
	if (r->c->language == NULL || r->c->language[0] == '\0')
		return fail(r, r->entry_line, "the header lacks Language (e.g. \"Language: nl\\n\")",
			    NULL);
	plural = header_field(r, h, "Plural-Forms");
	if (plural == NULL)
		return fail(r, r->entry_line,
			    "the header lacks Plural-Forms (e.g. \"nplurals=2; plural=(n != 1);\")",
			    NULL);
	return read_plural_forms(r, plural);
}

/* Ends the entry being read (if any): checks it and adds it. */
static int entry_close(struct reader *r)
{
	struct po_catalogue *c = r->c;
	struct po_entry *e;

	if (!r->open)
		return 0;
	if (!r->has_id)
		return fail(r, r->entry_line, "msgctxt without msgid", NULL);
	if (r->forms == 0)
		return fail(r, r->entry_line, "msgid without msgstr", NULL);
	if (!r->header_seen) {
		if (r->id.len != 0)
			return fail(r, r->entry_line,
				    "the first entry must be the header (msgid \"\" with "
				    "Content-Type, Language and Plural-Forms)", NULL);
		r->header_seen = true;
		if (read_header(r) < 0)
			return -1;
		entry_reset(r);
		return 0;
	}
	if (r->id.len == 0)
		return fail(r, r->entry_line, "an empty msgid outside the header", NULL);
	if (r->has_plural && r->forms != c->nplurals) {
		char detail[80];

		(void)snprintf(detail, sizeof detail, "%d msgstr[n] for the header's nplurals=%d",
			       r->forms, c->nplurals);
		return fail(r, r->entry_line, "a plural entry has ", detail);
	}
	if (po_find(c, r->has_ctxt ? buf_str(&r->ctxt) : NULL, buf_str(&r->id)) != NULL)
		return fail(r, r->entry_line, "msgid repeated (in the same msgctxt): ",
			    buf_str(&r->id));
	if (array_reserve(&c->entries, &c->cap, c->count + 1, sizeof *c->entries) < 0)
		return no_memory(r);
	e = &c->entries[c->count];
	memset(e, 0, sizeof *e);
	e->context = r->has_ctxt ? arena_strndup(&c->arena, r->ctxt.data ? r->ctxt.data : "",
						 r->ctxt.len) : NULL;
	e->msgid = arena_strdup(&c->arena, buf_str(&r->id));
	e->msgid_plural = r->has_plural ? arena_strdup(&c->arena, buf_str(&r->plural)) : NULL;
	e->forms = r->forms;
	e->fuzzy = r->fuzzy;
	e->line = r->entry_line;
	e->translated = !r->fuzzy;
	for (int i = 0; i < r->forms; i++) {
		const char *s = buf_str(&r->str[i]);
		const char *model = r->has_plural ? buf_str(&r->plural) : buf_str(&r->id);

		e->msgstr[i] = arena_strdup(&c->arena, s);
		if (e->msgstr[i] == NULL)
			return no_memory(r);
		if (s[0] == '\0')
			e->translated = false;
		/* A plural form may leave the count out ("one person"); what it
		 * writes must otherwise be what the English writes. */
		if (s[0] != '\0' && !r->fuzzy && !r->no_c_format && !same_conversions(model, s) &&
		    !(r->has_plural && !has_conversions(s)))
			return fail(r, r->entry_line,
				    "the translation's printf conversions (%d, %s, ...) differ from "
				    "the msgid's: ", buf_str(&r->id));
	}
	if ((r->has_ctxt && e->context == NULL) || e->msgid == NULL ||
	    (r->has_plural && e->msgid_plural == NULL))
		return no_memory(r);
	c->count++;
	entry_reset(r);
	return 0;
}

/* Reads the quoted string at *p (after blanks) to its closing quote and
 * appends its value to b; only blanks may follow. */
static int read_string(struct reader *r, const char *p, const char *end, struct buf *b)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p == end || *p != '"')
		return fail(r, r->line, "expected a string in double quotes", NULL);
	for (p++; p < end && *p != '"'; p++) {
		char ch = *p;

		if (ch == '\\') {
			if (++p == end)
				break;
			switch (*p) {
			case 'n': ch = '\n'; break;
			case 't': ch = '\t'; break;
			case 'r': ch = '\r'; break;
			case '"': ch = '"'; break;
			case '\\': ch = '\\'; break;
			default: {
				char esc[3] = { '\\', *p, '\0' };
				return fail(r, r->line,
					    "an unknown escape (use \\n, \\t, \\r, \\\" or \\\\): ", esc);
			}
			}
		}
		if (buf_addc(b, ch) < 0)
			return b->len >= PO_STRING_MAX
			       ? fail(r, r->line, "a string longer than 64 KiB", NULL)
			       : no_memory(r);
	}
	if (p >= end)
		return fail(r, r->line, "a string without its closing double quote", NULL);
	for (p++; p < end; p++)
		if (*p != ' ' && *p != '\t')
			return fail(r, r->line, "text after the closing double quote", NULL);
	return 0;
}

/* Whether the line at p begins with keyword followed by a blank or '['. */
static bool keyword_is(const char *p, const char *end, const char *keyword)
{
	size_t len = strlen(keyword);

	return (size_t)(end - p) > len && strncmp(p, keyword, len) == 0 &&
	       (p[len] == ' ' || p[len] == '\t' || p[len] == '"' || p[len] == '[');
}

static void read_flags(struct reader *r, const char *p, const char *end)
{
	while (p < end) {
		const char *q;

		while (p < end && (*p == ' ' || *p == '\t' || *p == ','))
			p++;
		for (q = p; q < end && *q != ',' && *q != ' ' && *q != '\t'; q++)
			;
		if (q - p == 5 && strncmp(p, "fuzzy", 5) == 0)
			r->fuzzy = true;
		if (q - p == 11 && strncmp(p, "no-c-format", 11) == 0)
			r->no_c_format = true;
		p = q;
	}
}

/* msgstr or msgstr[N]: which form, checked against the entry so far. */
static int read_msgstr_form(struct reader *r, const char **pp, const char *end)
{
	const char *p = *pp + 6;
	long form = 0;

	if (!r->has_id)
		return fail(r, r->line, "msgstr without msgid", NULL);
	if (p < end && *p == '[') {
		char *stop;

		errno = 0;
		form = strtol(p + 1, &stop, 10);
		if (stop == p + 1 || stop >= end || *stop != ']' || errno != 0)
			return fail(r, r->line, "msgstr[ without a number and ]", NULL);
		if (!r->has_plural)
			return fail(r, r->line, "msgstr[n] in an entry without msgid_plural "
				    "(write msgstr)", NULL);
		if (form != r->forms)
			return fail(r, r->line, "msgstr[n] out of order (msgstr[0], msgstr[1], ...)",
				    NULL);
		if (form >= PO_PLURALS_MAX ||
		    (r->header_seen && form >= r->c->nplurals))
			return fail(r, r->line, "msgstr[n] beyond the header's nplurals", NULL);
		p = stop + 1;
	} else {
		if (r->has_plural)
			return fail(r, r->line, "msgstr in an entry with msgid_plural "
				    "(write msgstr[0], msgstr[1], ...)", NULL);
		if (r->forms != 0)
			return fail(r, r->line, "a second msgstr in one entry", NULL);
	}
	r->form = (int)form;
	r->forms = (int)form + 1;
	*pp = p;
	return 0;
}

static int read_line(struct reader *r, const char *p, const char *end)
{
	struct buf *target;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p == end)
		return 0;
	if (*p == '#') {
		/* A comment after a msgstr begins the next entry. */
		if (r->forms > 0 && entry_close(r) < 0)
			return -1;
		if (end - p >= 2 && p[1] == ',')
			read_flags(r, p + 2, end);
		return 0;
	}
	if (*p == '"') {
		switch (r->field) {
		case FIELD_CTXT: target = &r->ctxt; break;
		case FIELD_ID: target = &r->id; break;
		case FIELD_PLURAL: target = &r->plural; break;
		case FIELD_STR: target = &r->str[r->form]; break;
		default:
			return fail(r, r->line, "a string that continues no msgid or msgstr", NULL);
		}
		return read_string(r, p, end, target);
	}
	if (keyword_is(p, end, "msgctxt")) {
		if (r->forms > 0 && entry_close(r) < 0)
			return -1;
		if (r->open)
			return fail(r, r->line, "msgctxt in the middle of an entry", NULL);
		r->open = r->has_ctxt = true;
		r->entry_line = r->line;
		r->field = FIELD_CTXT;
		return read_string(r, p + 7, end, &r->ctxt);
	}
	if (keyword_is(p, end, "msgid_plural")) {
		if (!r->has_id || r->forms > 0)
			return fail(r, r->line, "msgid_plural without msgid before it", NULL);
		if (r->has_plural)
			return fail(r, r->line, "a second msgid_plural in one entry", NULL);
		r->has_plural = true;
		r->field = FIELD_PLURAL;
		return read_string(r, p + 12, end, &r->plural);
	}
	if (keyword_is(p, end, "msgid")) {
		if (r->forms > 0 && entry_close(r) < 0)
			return -1;
		if (r->has_id)
			return fail(r, r->line, "msgid without msgstr before the next msgid", NULL);
		if (!r->open)
			r->entry_line = r->line;
		r->open = r->has_id = true;
		r->field = FIELD_ID;
		return read_string(r, p + 5, end, &r->id);
	}
	if (keyword_is(p, end, "msgstr")) {
		if (read_msgstr_form(r, &p, end) < 0)
			return -1;
		r->field = FIELD_STR;
		return read_string(r, p, end, &r->str[r->form]);
	}
	return fail(r, r->line, "expected msgctxt, msgid, msgid_plural, msgstr, a string or a "
		    "# comment", NULL);
}

void po_free(struct po_catalogue *c)
{
	free(c->entries);
	arena_free(&c->arena);
	memset(c, 0, sizeof *c);
	arena_init(&c->arena, SIZE_MAX);
}

int po_parse(struct po_catalogue *c, const char *name, const char *text, size_t len,
	     struct err *err)
{
	struct reader r;
	const char *p = text, *end = text + len;
	size_t bad;
	int rc = -1;

	memset(c, 0, sizeof *c);
	arena_init(&c->arena, SIZE_MAX);
	memset(&r, 0, sizeof r);
	r.c = c;
	r.name = name;
	r.err = err;
	buf_init(&r.ctxt, PO_STRING_MAX);
	buf_init(&r.id, PO_STRING_MAX);
	buf_init(&r.plural, PO_STRING_MAX);
	for (int i = 0; i < PO_PLURALS_MAX; i++)
		buf_init(&r.str[i], PO_STRING_MAX);

	bad = utf8_invalid_at(text, len);
	if (memchr(text, '\0', bad) != NULL)
		bad = (size_t)((const char *)memchr(text, '\0', bad) - text);
	if (bad < len) {
		r.line = 1;
		for (size_t i = 0; i < bad; i++)
			r.line += text[i] == '\n';
		fail(&r, r.line, text[bad] == '\0' ? "a NUL byte" : "not UTF-8", NULL);
		goto out;
	}
	for (r.line = 1; p < end; r.line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;

		if (eol > p && eol[-1] == '\r')
			eol--;
		if (read_line(&r, p, eol) < 0)
			goto out;
		p = nl ? nl + 1 : end;
	}
	r.line--;
	if (entry_close(&r) < 0)
		goto out;
	if (!r.header_seen) {
		fail(&r, 1, "no header entry (msgid \"\" with Content-Type, Language and "
		     "Plural-Forms)", NULL);
		goto out;
	}
	rc = 0;
out:
	buf_free(&r.ctxt);
	buf_free(&r.id);
	buf_free(&r.plural);
	for (int i = 0; i < PO_PLURALS_MAX; i++)
		buf_free(&r.str[i]);
	if (rc < 0)
		po_free(c);
	return rc;
}

const struct po_entry *po_find(const struct po_catalogue *c, const char *context,
			       const char *msgid)
{
	for (size_t i = 0; i < c->count; i++) {
		const struct po_entry *e = &c->entries[i];

		if (strcmp(e->msgid, msgid) != 0)
			continue;
		if ((context == NULL) != (e->context == NULL))
			continue;
		if (context == NULL || strcmp(context, e->context) == 0)
			return e;
	}
	return NULL;
}
