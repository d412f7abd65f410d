/* UTF-8 checks for text that crosses the program's edge. */
#ifndef COMPGAP_UTF8_H
#define COMPGAP_UTF8_H

#include <stddef.h>

/* Returns the offset of the first byte of s[0..n) that does not begin a
 * valid UTF-8 sequence (overlong forms, surrogates and code points above
 * U+10FFFF are invalid), or n when all of it is valid. */
size_t utf8_invalid_at(const char *s, size_t n);

/* The number of code points in the valid UTF-8 string s, a stand-in for its
 * width on a terminal. */
size_t utf8_width(const char *s);

#endif
