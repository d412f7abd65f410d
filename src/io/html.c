#include "io/html.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Writes the runs between the characters that need escaping whole: one
 * fwrite per run instead of one locked fputc per byte (a team page is
 * some 170 KB of it). */
void html_escape(FILE *out, const char *s)
{
	while (s != NULL && *s != '\0') {
		size_t run = strcspn(s, "&<>\"'");

		if (run > 0) {
			fwrite(s, 1, run, out);
			s += run;
			continue;
		}
		switch (*s) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		default: fputs("&#39;", out); break;
		}
		s++;
	}
}

/* A conversion's length modifier, which decides the argument's type. */
enum length {
	LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_J, LEN_T
};

/* The caller passed a format this function does not take: stop, rather
 * than read its arguments with the wrong types. */
static void bad_format(const char *fmt, const char *at)
{
	fprintf(stderr, "html_printf: unsupported conversion at offset %ld of \"%s\"\n",
		(long)(at - fmt), fmt);
	abort();
}

static enum length read_length(const char **p)
{
	const char *s = *p;
	enum length len = LEN_NONE;

	if (s[0] == 'h' && s[1] == 'h')
		len = LEN_HH, s += 2;
	else if (s[0] == 'l' && s[1] == 'l')
		len = LEN_LL, s += 2;
	else if (*s == 'h')
		len = LEN_H, s++;
	else if (*s == 'l')
		len = LEN_L, s++;
	else if (*s == 'z')
		len = LEN_Z, s++;
	else if (*s == 'j')
		len = LEN_J, s++;
	else if (*s == 't')
		len = LEN_T, s++;
	*p = s;
	return len;
}

/* Prints one signed integer conversion; hh and h arrive promoted to int. */
static void print_signed(FILE *out, const char *spec, enum length len, va_list *ap)
{
	switch (len) {
	case LEN_L: fprintf(out, spec, va_arg(*ap, long)); break;
	case LEN_LL: fprintf(out, spec, va_arg(*ap, long long)); break;
	case LEN_Z: fprintf(out, spec, va_arg(*ap, size_t)); break;
	case LEN_J: fprintf(out, spec, va_arg(*ap, intmax_t)); break;
	case LEN_T: fprintf(out, spec, va_arg(*ap, ptrdiff_t)); break;
	default: fprintf(out, spec, va_arg(*ap, int)); break;
	}
}

static void print_unsigned(FILE *out, const char *spec, enum length len, va_list *ap)
{
	switch (len) {
	case LEN_L: fprintf(out, spec, va_arg(*ap, unsigned long)); break;
	case LEN_LL: fprintf(out, spec, va_arg(*ap, unsigned long long)); break;
	case LEN_Z: fprintf(out, spec, va_arg(*ap, size_t)); break;
	case LEN_J: fprintf(out, spec, va_arg(*ap, uintmax_t)); break;
	case LEN_T: fprintf(out, spec, va_arg(*ap, ptrdiff_t)); break;
	default: fprintf(out, spec, va_arg(*ap, unsigned)); break;
	}
}

void html_printf(FILE *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	for (const char *p = fmt; *p != '\0'; p++) {
		const char *start = p;
		char spec[32];
		enum length len;
		size_t n;

		if (*p != '%') {
			size_t run = strcspn(p, "%");

			fwrite(p, 1, run, out);
			p += run - 1;
			continue;
		}
		p++;
		p += strspn(p, "-+ #0");
		p += strspn(p, "0123456789");
		if (*p == '.') {
			p++;
			p += strspn(p, "0123456789");
		}
		len = read_length(&p);
		n = (size_t)(p - start) + 1;
		if (n >= sizeof spec)
			bad_format(fmt, start);
		memcpy(spec, start, n);
		spec[n] = '\0';
		switch (*p) {
		case '%':
			if (n != 2)
				bad_format(fmt, start);
			fputc('%', out);
			break;
		case 's':
			if (n != 2)
				bad_format(fmt, start);
			html_escape(out, va_arg(ap, const char *));
			break;
		case 'c': {
			/* A character is escaped like a string of one. */
			char c[2] = { (char)va_arg(ap, int), '\0' };

			if (n != 2)
				bad_format(fmt, start);
			html_escape(out, c);
			break;
		}
		case 'd':
		case 'i':
			print_signed(out, spec, len, &ap);
			break;
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			print_unsigned(out, spec, len, &ap);
			break;
		case 'f':
		case 'F':
		case 'e':
		case 'E':
		case 'g':
		case 'G':
			if (len != LEN_NONE)
				bad_format(fmt, start);
			fprintf(out, spec, va_arg(ap, double));
			break;
		default:
			bad_format(fmt, start);
		}
	}
	va_end(ap);
}
