/* Loading libxlsxwriter at run time (xlsx_api.h). */
#define XLSX_API_LOADER
#include "io/xlsx_api.h"

#include "util/dynlib.h"

struct xlsx_api xlsx_api;

#define DYNLIB_API xlsx_api
DYNLIB_DEFINE(lib, XLSX_API_FUNCTIONS, "libxlsxwriter.so.4", "libxlsxwriter4");

int xlsx_api_load(struct err *err)
{
	return dynlib_load(&lib, "write a workbook", err);
}
