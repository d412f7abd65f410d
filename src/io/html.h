/* Escaping for HTML and SVG: every string that reaches either goes through
 * here. The output is also well-formed XML, so that the report can be
 * checked by an XML parser. */
#ifndef COMPGAP_HTML_H
#define COMPGAP_HTML_H

#include <stdio.h>

/* Writes s to out with & < > " ' escaped, fit for text and for attribute
 * values in double or single quotes. */
void html_escape(FILE *out, const char *s);

/* printf to out, with each %s argument escaped; only %s, %d, %ld, %zu,
 * %f-style (%.Nf) and %% are understood, enough for the report. */
void html_printf(FILE *out, const char *fmt, ...);

#endif
