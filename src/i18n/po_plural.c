/* Plural-Forms expressions (i18n/po.h po_plural): gettext's grammar
 * (plural-exp.y), evaluated by recursive descent straight from the text,
 * so that a lookup needs no compiled form and no allocation. */
#include "i18n/po.h"

#include <ctype.h>
#include <limits.h>
#include <stdbool.h>
#include <string.h>

enum {
	PLURAL_DEPTH_MAX = 64     /* nesting of an expression, bounded for the
				   * stack's sake */
};

struct plural_eval {
	const char *p;      /* the next character */
	unsigned long n;    /* the count */
	int depth;          /* recursion depth, bounded */
	bool bad;           /* a syntax error was seen */
};

static unsigned long plural_cond(struct plural_eval *e);

static void plural_space(struct plural_eval *e)
{
	while (*e->p == ' ' || *e->p == '\t' || *e->p == '\n')
		e->p++;
}

static bool plural_take(struct plural_eval *e, const char *op)
{
	size_t len = strlen(op);

	plural_space(e);
	if (strncmp(e->p, op, len) != 0)
		return false;
	/* "<" must not take the first half of "<=", nor "!" of "!=". */
	if (len == 1 && strchr("<>!=", op[0]) != NULL && e->p[1] == '=')
		return false;
	e->p += len;
	return true;
}

static unsigned long plural_primary(struct plural_eval *e)
{
	unsigned long v = 0;

	plural_space(e);
	if (*e->p == 'n') {
		e->p++;
		return e->n;
	}
	if (isdigit((unsigned char)*e->p)) {
		while (isdigit((unsigned char)*e->p)) {
			v = v * 10 + (unsigned long)(*e->p - '0');
			e->p++;
		}
		return v;
	}
	if (*e->p == '(') {
		e->p++;
		v = plural_cond(e);
		if (!plural_take(e, ")"))
			e->bad = true;
		return v;
	}
	e->bad = true;
	return 0;
}

static unsigned long plural_unary(struct plural_eval *e)
{
	if (plural_take(e, "!")) {
		if (++e->depth > PLURAL_DEPTH_MAX) {
			e->bad = true;
			return 0;
		}
		unsigned long v = !plural_unary(e);
		e->depth--;
		return v;
	}
	return plural_primary(e);
}

static unsigned long plural_mul(struct plural_eval *e)
{
	unsigned long v = plural_unary(e);

	for (;;) {
		if (plural_take(e, "*")) {
			v *= plural_unary(e);
		} else if (plural_take(e, "/")) {
			unsigned long d = plural_unary(e);
			v = d ? v / d : 0;
		} else if (plural_take(e, "%")) {
			unsigned long d = plural_unary(e);
			v = d ? v % d : 0;
		} else {
			return v;
		}
	}
}

static unsigned long plural_add(struct plural_eval *e)
{
	unsigned long v = plural_mul(e);

	for (;;) {
		if (plural_take(e, "+"))
			v += plural_mul(e);
		else if (plural_take(e, "-"))
			v -= plural_mul(e);
		else
			return v;
	}
}

static unsigned long plural_rel(struct plural_eval *e)
{
	unsigned long v = plural_add(e);

	for (;;) {
		if (plural_take(e, "<="))
			v = v <= plural_add(e);
		else if (plural_take(e, ">="))
			v = v >= plural_add(e);
		else if (plural_take(e, "<"))
			v = v < plural_add(e);
		else if (plural_take(e, ">"))
			v = v > plural_add(e);
		else
			return v;
	}
}

static unsigned long plural_eq(struct plural_eval *e)
{
	unsigned long v = plural_rel(e);

	for (;;) {
		if (plural_take(e, "=="))
			v = v == plural_rel(e);
		else if (plural_take(e, "!="))
			v = v != plural_rel(e);
		else
			return v;
	}
}

static unsigned long plural_and(struct plural_eval *e)
{
	unsigned long v = plural_eq(e);

	while (plural_take(e, "&&")) {
		unsigned long w = plural_eq(e);
		v = v && w;
	}
	return v;
}

static unsigned long plural_or(struct plural_eval *e)
{
	unsigned long v = plural_and(e);

	while (plural_take(e, "||")) {
		unsigned long w = plural_and(e);
		v = v || w;
	}
	return v;
}

static unsigned long plural_cond(struct plural_eval *e)
{
	unsigned long c, a, b;

	if (++e->depth > PLURAL_DEPTH_MAX) {
		e->bad = true;
		return 0;
	}
	c = plural_or(e);
	if (plural_take(e, "?")) {
		/* Both branches are read (the text must parse), one is kept. */
		a = plural_cond(e);
		if (!plural_take(e, ":"))
			e->bad = true;
		b = plural_cond(e);
		c = c ? a : b;
	}
	e->depth--;
	return c;
}

long po_plural(const char *expr, unsigned long n)
{
	struct plural_eval e = { expr, n, 0, false };
	unsigned long v;

	if (expr == NULL)
		return -1;
	v = plural_cond(&e);
	plural_space(&e);
	if (e.bad || *e.p != '\0' || v > LONG_MAX)
		return -1;
	return (long)v;
}
