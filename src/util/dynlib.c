#include "util/dynlib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

/* Fills d's slots; d->why says what failed. */
static int load(struct dynlib *d)
{
	void *lib = dlopen(d->soname, RTLD_NOW | RTLD_LOCAL);

	if (lib == NULL) {
		const char *e = dlerror();

		(void)snprintf(d->why, sizeof d->why, "%s", e != NULL ? e : "not found");
		return -1;
	}
	for (size_t i = 0; i < d->n; i++) {
		void *p = dlsym(lib, d->names[i]);

		if (p == NULL) {
			(void)snprintf(d->why, sizeof d->why, "%s lacks %s", d->soname,
				       d->names[i]);
			return -1;
		}
		/* A function pointer from dlsym, as POSIX allows: through a
		 * copy of the object pointer's bytes, which ISO C does not
		 * convert. */
		memcpy(d->slots[i], &p, sizeof p);
	}
	return 0;
}

int dynlib_load(struct dynlib *d, const char *purpose, struct err *err)
{
	int state;

	(void)pthread_mutex_lock(&d->lock);
	if (d->state == 0)
		d->state = load(d) == 0 ? 1 : -1;
	state = d->state;
	(void)pthread_mutex_unlock(&d->lock);
	if (state < 0)
		return err_set(err, EX_UNAVAILABLE, "cannot %s: %s (install %s: apt-get install %s)",
			       purpose, d->why, d->package, d->package);
	return 0;
}
