/* Parsing multipart/form-data bodies (http/multipart.h). */
#include "http/multipart.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/utf8.h"

/* The first n-byte needle in hay[0..len), or NULL (memmem is not C11). */
static const char *find(const char *hay, size_t len, const char *needle, size_t n)
{
	for (size_t i = 0; n <= len && i <= len - n; i++) {
		const char *c = memchr(hay + i, needle[0], len - n - i + 1);

		if (c == NULL)
			return NULL;
		i = (size_t)(c - hay);
		if (memcmp(c, needle, n) == 0)
			return c;
	}
	return NULL;
}

/* RFC 2046's bchars, without the space (which may not end a boundary and
 * no browser sends). */
static bool boundary_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c != '\0' && strchr("'()+_,-./:=?", c) != NULL);
}

int multipart_boundary(const char *content_type, char out[MULTIPART_BOUNDARY_MAX + 1])
{
	static const char type[] = "multipart/form-data";
	const char *s = content_type;
	size_t n = 0;

	if (s == NULL || strncasecmp(s, type, sizeof type - 1) != 0)
		return -1;
	s += sizeof type - 1;
	while (*s != '\0') {
		while (*s == ' ' || *s == '\t' || *s == ';')
			s++;
		if (strncasecmp(s, "boundary=", 9) == 0) {
			bool quoted;

			s += 9;
			quoted = *s == '"';
			s += quoted;
			while (n < MULTIPART_BOUNDARY_MAX && boundary_char(s[n]))
				n++;
			if (n == 0 || (quoted ? s[n] != '"' : s[n] != '\0' && s[n] != ';' &&
							      s[n] != ' '))
				return -1;
			memcpy(out, s, n);
			out[n] = '\0';
			return 0;
		}
		while (*s != '\0' && *s != ';')    /* another parameter */
			s++;
	}
	return -1;
}

/* The value of parameter name (name="value", or unquoted) in a
 * Content-Disposition header's value v[0..n), copied into a; NULL when
 * absent. A browser writes a '"' in a name as %22, so a quoted value
 * ends at the next '"'. */
static const char *param(const char *v, size_t n, const char *name, struct arena *a)
{
	size_t nl = strlen(name);

	for (size_t i = 0; i < n; i++) {
		const char *val;
		size_t vl = 0;

		if (v[i] != ';')
			continue;
		i++;
		while (i < n && (v[i] == ' ' || v[i] == '\t'))
			i++;
		if (n - i <= nl || strncasecmp(v + i, name, nl) != 0 || v[i + nl] != '=')
			continue;
		val = v + i + nl + 1;
		if (val < v + n && *val == '"') {
			val++;
			while (val + vl < v + n && val[vl] != '"')
				vl++;
		} else {
			while (val + vl < v + n && val[vl] != ';')
				vl++;
		}
		return arena_strndup(a, val, vl);
	}
	return NULL;
}

/* One part's headers h[0..n) (lines ended by CRLF): the form-data name,
 * the filename (NULL: a text field) and the Content-Type. -1 with msg
 * when there is no Content-Disposition: form-data with a name. */
static int part_headers(const char *h, size_t n, struct arena *a, const char **name,
			const char **filename, const char **ctype, char *msg, size_t msgsz)
{
	*name = *filename = NULL;
	*ctype = "";
	while (n > 0) {
		const char *eol = find(h, n, "\r\n", 2);
		size_t ll = eol != NULL ? (size_t)(eol - h) : n;

		if (ll > 20 && strncasecmp(h, "Content-Disposition:", 20) == 0) {
			size_t i = 20;

			while (i < ll && (h[i] == ' ' || h[i] == '\t'))
				i++;
			if (ll - i >= 9 && strncasecmp(h + i, "form-data", 9) == 0) {
				*name = param(h + i + 9, ll - i - 9, "name", a);
				*filename = param(h + i + 9, ll - i - 9, "filename", a);
			}
		} else if (ll > 13 && strncasecmp(h, "Content-Type:", 13) == 0) {
			size_t i = 13;

			while (i < ll && (h[i] == ' ' || h[i] == '\t'))
				i++;
			*ctype = arena_strndup(a, h + i, ll - i);
		}
		if (eol == NULL)
			break;
		n -= ll + 2;
		h = eol + 2;
	}
	if (*name == NULL || (*name)[0] == '\0' || strlen(*name) > FORM_NAME_MAX ||
	    *ctype == NULL) {
		(void)snprintf(msg, msgsz, "the form has a part without a name");
		return -1;
	}
	return 0;
}

/* A text field's value v[0..n), checked and copied into a. */
static const char *text_value(const char *v, size_t n, struct arena *a, char *msg, size_t msgsz)
{
	char *out;

	if (memchr(v, '\0', n) != NULL) {
		(void)snprintf(msg, msgsz, "the form holds a NUL byte");
		return NULL;
	}
	if (utf8_invalid_at(v, n) != n) {
		(void)snprintf(msg, msgsz, "the form is not UTF-8 text");
		return NULL;
	}
	out = arena_strndup(a, v, n);
	if (out == NULL)
		(void)snprintf(msg, msgsz, "the form is too large");
	return out;
}

int multipart_parse(const char *body, size_t len, const char *boundary, struct arena *a,
		    struct form *fields, struct multipart_file *file, char *msg, size_t msgsz)
{
	char delim[MULTIPART_BOUNDARY_MAX + 5];   /* "\r\n--" boundary */
	size_t dl = (size_t)snprintf(delim, sizeof delim, "\r\n--%s", boundary);
	const char *p, *end = body + len;

	fields->n = 0;
	*file = (struct multipart_file){ 0 };
	if (boundary[0] == '\0' || dl >= sizeof delim || body == NULL)
		goto unclosed;
	/* The first delimiter: at the very start, or after the preamble's CRLF. */
	if (len >= dl - 2 && memcmp(body, delim + 2, dl - 2) == 0)
		p = body + dl - 2;
	else if ((p = find(body, len, delim, dl)) != NULL)
		p += dl;
	else
		goto unclosed;
	for (;;) {
		const char *hend, *next, *name, *filename, *ctype;

		/* After a delimiter: "--" closes, else optional whitespace and CRLF. */
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			return 0;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			goto unclosed;
		p += 2;
		if (end - p >= 2 && p[0] == '\r' && p[1] == '\n') {
			hend = p;    /* a part without headers */
		} else {
			hend = find(p, (size_t)(end - p), "\r\n\r\n", 4);
			if (hend == NULL)
				goto unclosed;
			hend += 2;
		}
		if ((size_t)(hend - p) > MULTIPART_HEADERS_MAX) {
			(void)snprintf(msg, msgsz, "a part of the form has too long headers");
			return -1;
		}
		if (part_headers(p, (size_t)(hend - p), a, &name, &filename, &ctype, msg, msgsz) < 0)
			return -1;
		p = hend + 2;
		next = find(p, (size_t)(end - p), delim, dl);
		if (next == NULL)
			goto unclosed;
		if (filename != NULL) {
			if (file->field != NULL) {
				(void)snprintf(msg, msgsz, "the form holds more than one file");
				return -1;
			}
			*file = (struct multipart_file){ name, filename, ctype, p, (size_t)(next - p) };
		} else {
			struct http_pair *f;

			if (fields->n == FORM_FIELDS_MAX) {
				(void)snprintf(msg, msgsz, "the form has more than %d fields",
					       FORM_FIELDS_MAX);
				return -1;
			}
			f = &fields->fields[fields->n];
			f->name = name;
			f->value = text_value(p, (size_t)(next - p), a, msg, msgsz);
			if (f->value == NULL)
				return -1;
			fields->n++;
		}
		p = next + dl;
	}
unclosed:
	(void)snprintf(msg, msgsz, "the form is cut short or not multipart/form-data");
	return -1;
}
