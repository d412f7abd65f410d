/* Loading libmicrohttpd at run time (mhd_api.h). */
#define MHD_API_LOADER
#include "http/mhd_api.h"

#include "util/dynlib.h"

struct mhd_api mhd_api;

#define DYNLIB_API mhd_api
DYNLIB_DEFINE(lib, MHD_API_FUNCTIONS, "libmicrohttpd.so.12", "libmicrohttpd12");

int mhd_api_load(struct err *err)
{
	return dynlib_load(&lib, "serve", err);
}
