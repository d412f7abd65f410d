/* The shortest decimal form of a double that reads back as the same double
 * (what JavaScript and Python print), for the JSON documents: numbers are
 * never rounded, and 0.1 stays 0.1 rather than 0.10000000000000001. */
#ifndef COMPGAP_DTOA_H
#define COMPGAP_DTOA_H

#include <stddef.h>

/* Room for any result, NUL included ("-2.2250738585072014e-308"). */
#define DTOA_MAX 32

/* Writes the shortest round-tripping form of the finite x to out and
 * returns its length. Magnitudes from 1e-4 to below 1e15 are written
 * plainly, whole numbers with ".0" (0.0012, 123.5, 3.0), others as
 * printf's %g writes them (1.5e-07, 2e+20, 1125899906842624.0). Returns
 * -1, writing nothing, when x is NaN or infinite. */
int dtoa_shortest(double x, char out[DTOA_MAX]);

#endif
