/* Escaping for HTML and SVG: every string that reaches either goes through
 * here. The output is also well-formed XML, so that the report can be
 * checked by an XML parser. */
#ifndef COMPGAP_HTML_H
#define COMPGAP_HTML_H

#include <stdio.h>

/* Writes s to out with & < > " ' escaped, fit for text and for attribute
 * values in double or single quotes. A NULL s writes nothing. */
void html_escape(FILE *out, const char *s);

/* printf to out, with each %s argument escaped (a NULL one writes
 * nothing). Every other conversion is printed by fprintf from its complete
 * specification: flags (- + space # 0), a width and a precision in digits,
 * and the length modifiers hh h l ll z j t. Accepted: %d %i %u %x %X %o %c
 * %f %F %e %E %g %G and %%; %s and %c take no flags, width or precision, as the
 * escaping would change its length. Any other conversion, or a `*` width,
 * is a programming error: it aborts, rather than read the arguments after
 * it wrongly. */
void html_printf(FILE *out, const char *fmt, ...);

#endif
