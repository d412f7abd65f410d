#include "io/html.h"

#include <stdarg.h>
#include <string.h>

void html_escape(FILE *out, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		switch (*s) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		default: fputc(*s, out); break;
		}
	}
}

void html_printf(FILE *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	for (const char *p = fmt; *p != '\0'; p++) {
		char spec[16];
		size_t len;

		if (*p != '%') {
			fputc(*p, out);
			continue;
		}
		/* Copy one conversion: flags and precision up to its letter. */
		len = strspn(p + 1, "0123456789.-l z");
		if (len + 2 >= sizeof spec)
			len = sizeof spec - 3;
		memcpy(spec, p, len + 2);
		spec[len + 2] = '\0';
		p += len + 1;
		switch (*p) {
		case 's':
			html_escape(out, va_arg(ap, const char *));
			break;
		case 'd':
			if (strchr(spec, 'l') != NULL)
				fprintf(out, spec, va_arg(ap, long));
			else
				fprintf(out, spec, va_arg(ap, int));
			break;
		case 'u':
			fprintf(out, spec, va_arg(ap, size_t));
			break;
		case 'f':
		case 'g':
			fprintf(out, spec, va_arg(ap, double));
			break;
		case '%':
			fputc('%', out);
			break;
		default:
			break;
		}
	}
	va_end(ap);
}
