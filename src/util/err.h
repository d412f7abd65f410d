/* Errors: every fallible function returns 0 or a negative code and fills a
 * caller-supplied struct err. The code is a sysexits.h status so that the
 * command line can exit with it unchanged. */
#ifndef COMPGAP_ERR_H
#define COMPGAP_ERR_H

#include <stdarg.h>

enum {
	ERR_MSG_MAX = 512
};

struct err {
	int code;                 /* sysexits.h status, 0 when no error */
	char msg[ERR_MSG_MAX];    /* lower-case, names the object, says how to fix */
	int retry;                /* the whole transaction may succeed if run again
				   * (a serialization failure or deadlock) */
};

/* Sets err (when not NULL) to code and a printf-style message, not to be
 * retried; returns -1
 * so that callers can write `return err_set(err, EX_DATAERR, ...)`. */
int err_set(struct err *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Clears err to "no error". */
void err_clear(struct err *err);

#endif
