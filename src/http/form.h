/* HTML forms as the browser sends them (application/x-www-form-urlencoded,
 * the WHATWG URL standard's "application/x-www-form-urlencoded parser"):
 * name=value pairs joined by '&', '+' for a space, %XX for a byte. Pure
 * functions over strings, so the unit tests (tests/unit/test_form.c) run
 * them without a server. */
#ifndef COMPGAP_HTTP_FORM_H
#define COMPGAP_HTTP_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "http/http.h"
#include "util/arena.h"

enum {
	FORM_FIELDS_MAX = 256,      /* fields in one form (a role profile of 40 competencies) */
	FORM_NAME_MAX = 64          /* bytes of a field's name, decoded */
};

/* A decoded form: its fields in the order sent; a name given twice is
 * kept twice (a list of checkboxes), form_get gives the first. */
struct form {
	struct http_pair fields[FORM_FIELDS_MAX];
	size_t n;
};

/* Decodes len bytes of body into out, its strings in arena a. Refuses
 * (-1, with a message for the user in msg) a bad %-escape, an escaped NUL,
 * bytes that are not UTF-8, an empty or over-long name, and more than
 * FORM_FIELDS_MAX fields; -1 also when the arena is exhausted. Empty
 * pieces ("a=1&&b=2") are skipped and a piece without '=' is a name with
 * the empty value, as browsers read them. */
int form_parse(const char *body, size_t len, struct arena *a, struct form *out, char *msg,
	       size_t msgsz);

/* The value of the first field name, or NULL. */
const char *form_get(const struct form *f, const char *name);

/* How many fields are called name. */
size_t form_count(const struct form *f, const char *name);

/* Appends s to b percent-encoded as a URL's query value (letters, digits
 * and "-._~/" as they are, every other byte %XX). 0, or -1 when b is full. */
int form_url_encode(struct buf *b, const char *s);

#endif
