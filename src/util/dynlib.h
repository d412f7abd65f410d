/* Libraries loaded with dlopen when first needed rather than linked:
 * loading a library and what it pulls in (TLS stacks, compression) costs
 * every process at start, also the many that never use it. libpq
 * (store/pq_api.h), libmicrohttpd (http/mhd_api.h) and libxlsxwriter
 * (io/xlsx_api.h) are loaded so: linked, they cost a small command about
 * 11 ms of CPU (docs/deployment.md, "Start-up").
 *
 * Each such library has a header with an X-macro list of the functions
 * compgap calls, a struct of pointers to them, and macros that turn each
 * call into a call through the struct; its .c file describes it with
 * DYNLIB_DEFINE, which also checks at compile time that every pointer has
 * the type of the library's own declaration. */
#ifndef COMPGAP_DYNLIB_H
#define COMPGAP_DYNLIB_H

#include <pthread.h>
#include <stddef.h>

#include "util/err.h"

struct dynlib {
	const char *soname;          /* "libpq.so.5" */
	const char *package;         /* Debian's package holding it: "libpq5" */
	const char *const *names;    /* the functions */
	void *const *slots;          /* where each one's address goes */
	size_t n;
	pthread_mutex_t lock;
	int state;                   /* 0 not tried, 1 loaded, -1 failed */
	char why[256];               /* what failed */
};

/* Defines the struct dynlib var for the functions of the X-macro list
 * FUNCTIONS, whose addresses go into the members of the struct that the
 * file names DYNLIB_API before (#define DYNLIB_API mhd_api). */
#define DYNLIB_NAME_(ret, name, params) #name,
#define DYNLIB_SLOT_(ret, name, params) (void *)&DYNLIB_API.name,
#define DYNLIB_CHECK_(ret, name, params) \
	_Static_assert(__builtin_types_compatible_p(__typeof__(&name), ret(*) params), \
		       #name " has the library's type");
#define DYNLIB_DEFINE(var, FUNCTIONS, soname_, package_)                          \
	FUNCTIONS(DYNLIB_CHECK_)                                                    \
	static const char *const var##_names[] = { FUNCTIONS(DYNLIB_NAME_) };       \
	static void *const var##_slots[] = { FUNCTIONS(DYNLIB_SLOT_) };               \
	static struct dynlib var = { soname_, package_, var##_names, var##_slots,   \
				     sizeof var##_names / sizeof var##_names[0],     \
				     PTHREAD_MUTEX_INITIALIZER, 0, "" }

/* Loads the library once (later calls return at once; safe from several
 * threads). 0, or -1 with EX_UNAVAILABLE: "cannot PURPOSE: WHY (install
 * PACKAGE: apt-get install PACKAGE)". */
int dynlib_load(struct dynlib *d, const char *purpose, struct err *err);

#endif
