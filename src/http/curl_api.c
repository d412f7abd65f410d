/* Loading libcurl at run time (curl_api.h). */
#define CURL_API_LOADER
#include "http/curl_api.h"

#include <pthread.h>
#include <sysexits.h>

#include "util/dynlib.h"

struct curl_api curl_api;

#define DYNLIB_API curl_api
DYNLIB_DEFINE(lib, CURL_API_FUNCTIONS, "libcurl.so.4", "libcurl4");

static pthread_once_t once = PTHREAD_ONCE_INIT;
static CURLcode init_rc = CURLE_FAILED_INIT;

/* curl_global_init is not safe to run in two threads at once. */
static void init(void)
{
	init_rc = curl_api.curl_global_init(CURL_GLOBAL_DEFAULT);
}

int curl_api_load(struct err *err)
{
	if (dynlib_load(&lib, "deliver webhooks", err) < 0)
		return -1;
	(void)pthread_once(&once, init);
	if (init_rc != CURLE_OK)
		return err_set(err, EX_UNAVAILABLE, "cannot deliver webhooks: libcurl does not start");
	return 0;
}
