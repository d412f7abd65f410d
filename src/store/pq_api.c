/* Loading libpq at run time (pq_api.h). */
#define PQ_API_LOADER
#include "store/pq_api.h"

#include "util/dynlib.h"

struct pq_api pq_api;

#define DYNLIB_API pq_api
DYNLIB_DEFINE(lib, PQ_API_FUNCTIONS, "libpq.so.5", "libpq5");

int pq_api_load(struct err *err)
{
	return dynlib_load(&lib, "use PostgreSQL", err);
}
