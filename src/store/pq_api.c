/* Loading libpq at run time (pq_api.h). */
#define PQ_API_LOADER
#include "store/pq_api.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

struct pq_api pq_api;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static const char *missing;     /* what failed to load; NULL: all loaded */
static char why[256];

static void load(void)
{
	void *lib = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);

	if (lib == NULL) {
		const char *e = dlerror();

		(void)snprintf(why, sizeof why, "%s", e != NULL ? e : "not found");
		missing = "libpq.so.5";
		return;
	}
	/* A function pointer from dlsym, as POSIX allows: through a copy of
	 * the object pointer's bytes, which ISO C does not convert. */
#define PQ_API_LOAD(ret, name, params)                                      \
	{                                                                   \
		void *p = dlsym(lib, #name);                                \
		if (p == NULL && missing == NULL)                           \
			missing = #name;                                    \
		memcpy(&pq_api.name, &p, sizeof p);                         \
	}
	PQ_API_FUNCTIONS(PQ_API_LOAD)
#undef PQ_API_LOAD
	if (missing != NULL)
		(void)snprintf(why, sizeof why, "libpq.so.5 lacks %s", missing);
}

int pq_api_load(struct err *err)
{
	(void)pthread_once(&once, load);
	if (missing != NULL)
		return err_set(err, EX_UNAVAILABLE,
			       "cannot use PostgreSQL: %s (install libpq5: apt-get install libpq5)", why);
	return 0;
}
