#include "util/err.h"

#include <stdio.h>

int err_set(struct err *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return -1;
	err->code = code;
	err->retry = 0;
	va_start(ap, fmt);
	/* A message cut short is still useful; the truncation is not an error. */
	(void)vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return -1;
}

void err_clear(struct err *err)
{
	if (err == NULL)
		return;
	err->code = 0;
	err->retry = 0;
	err->msg[0] = '\0';
}
