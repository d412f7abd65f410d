/* What every unit test includes: cmocka and its prerequisites. */
#ifndef COMPGAP_TESTUTIL_H
#define COMPGAP_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#endif
