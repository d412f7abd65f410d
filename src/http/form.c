/* Decoding application/x-www-form-urlencoded bodies (http/form.h). */
#include "http/form.h"

#include <stdio.h>
#include <string.h>

#include "util/utf8.h"

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes s[0..n) ('+' a space, %XX a byte) into the arena; NULL with msg
 * set when it is malformed, or the arena is exhausted. */
static char *decode(const char *s, size_t n, struct arena *a, char *msg, size_t msgsz)
{
	char *out = arena_alloc(a, n + 1);
	size_t len = 0;

	if (out == NULL) {
		(void)snprintf(msg, msgsz, "the form is too large");
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '+') {
			out[len++] = ' ';
		} else if (s[i] == '%') {
			int hi = i + 2 < n ? hex_value(s[i + 1]) : -1;

			if (hi < 0 || hex_value(s[i + 2]) < 0) {
				(void)snprintf(msg, msgsz, "the form has a broken %%-escape");
				return NULL;
			}
			out[len] = (char)(hi << 4 | hex_value(s[i + 2]));
			if (out[len] == '\0') {
				(void)snprintf(msg, msgsz, "the form holds a NUL byte");
				return NULL;
			}
			len++;
			i += 2;
		} else if (s[i] == '\0') {
			(void)snprintf(msg, msgsz, "the form holds a NUL byte");
			return NULL;
		} else {
			out[len++] = s[i];
		}
	}
	out[len] = '\0';
	if (utf8_invalid_at(out, len) != len) {
		(void)snprintf(msg, msgsz, "the form is not UTF-8 text");
		return NULL;
	}
	return out;
}

int form_parse(const char *body, size_t len, struct arena *a, struct form *out, char *msg,
	       size_t msgsz)
{
	size_t i = 0;

	out->n = 0;
	while (body != NULL && i < len) {
		const char *piece = body + i, *eq;
		size_t plen = 0, nlen;
		struct http_pair *p;

		while (i + plen < len && piece[plen] != '&')
			plen++;
		i += plen + 1;
		if (plen == 0)
			continue;
		eq = memchr(piece, '=', plen);
		nlen = eq != NULL ? (size_t)(eq - piece) : plen;
		if (out->n == FORM_FIELDS_MAX) {
			(void)snprintf(msg, msgsz, "the form has more than %d fields", FORM_FIELDS_MAX);
			return -1;
		}
		p = &out->fields[out->n];
		p->name = decode(piece, nlen, a, msg, msgsz);
		if (p->name == NULL)
			return -1;
		if (p->name[0] == '\0' || strlen(p->name) > FORM_NAME_MAX) {
			(void)snprintf(msg, msgsz, "the form has a field without a name or with too long a name");
			return -1;
		}
		p->value = eq != NULL ? decode(eq + 1, plen - nlen - 1, a, msg, msgsz)
				      : arena_strdup(a, "");
		if (p->value == NULL)
			return -1;
		out->n++;
	}
	return 0;
}

const char *form_get(const struct form *f, const char *name)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			return f->fields[i].value;
	return NULL;
}

size_t form_count(const struct form *f, const char *name)
{
	size_t n = 0;

	for (size_t i = 0; i < f->n; i++)
		n += strcmp(f->fields[i].name, name) == 0;
	return n;
}

int form_url_encode(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; s != NULL && *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;
		int rc;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    strchr("-._~/", c) != NULL)
			rc = buf_addc(b, (char)c);
		else
			rc = buf_printf(b, "%%%c%c", hex[c >> 4], hex[c & 15]);
		if (rc < 0)
			return -1;
	}
	return 0;
}
