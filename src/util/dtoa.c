#include "util/dtoa.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Two ways to the shortest form. Most numbers of our documents (levels,
 * weights, confidences, fits) are fractions between 1e-4 and 2^53: for
 * them the exact path below works in 128-bit integers. Everything else
 * asks snprintf for the fewest significant digits that strtod reads back,
 * which is exact too, only many times slower. */

typedef unsigned __int128 u128;

#define SCALED_MIN 100000000000000000ULL    /* 10^17 */
#define SCALED_MAX 1000000000000000000ULL   /* 10^18 */
#define EXACT_MAX_POWER 21                 /* (4m + 2) * 10^21 < 2^125 */

static const uint64_t powers_of_ten[20] = {
	1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL, 10000000ULL,
	100000000ULL, 1000000000ULL, 10000000000ULL, 100000000000ULL, 1000000000000ULL,
	10000000000000ULL, 100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
	100000000000000000ULL, 1000000000000000000ULL, 10000000000000000000ULL,
};

/* 10^k for 0 <= k <= 38. */
static u128 power_of_ten(int k)
{
	return k < 20 ? powers_of_ten[k] : (u128)powers_of_ten[19] * powers_of_ten[k - 19];
}

/* x / 10^j for 0 <= j <= 19, by constants: the compiler makes each a
 * multiplication, where a division by a variable takes the processor tens
 * of cycles (and the digits of every number of a 260 MB document pass
 * here). */
static uint64_t div_pow10(uint64_t x, int j)
{
	switch (j) {
	case 0: return x;
	case 1: return x / 10ULL;
	case 2: return x / 100ULL;
	case 3: return x / 1000ULL;
	case 4: return x / 10000ULL;
	case 5: return x / 100000ULL;
	case 6: return x / 1000000ULL;
	case 7: return x / 10000000ULL;
	case 8: return x / 100000000ULL;
	case 9: return x / 1000000000ULL;
	case 10: return x / 10000000000ULL;
	case 11: return x / 100000000000ULL;
	case 12: return x / 1000000000000ULL;
	case 13: return x / 10000000000000ULL;
	case 14: return x / 100000000000000ULL;
	case 15: return x / 1000000000000000ULL;
	case 16: return x / 10000000000000000ULL;
	case 17: return x / 100000000000000000ULL;
	case 18: return x / 1000000000000000000ULL;
	default: return x / 10000000000000000000ULL;
	}
}

/* "00" to "99". */
static const char two_digits[201] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

/* v in decimal. Two digits at a time, from the end, in 32-bit halves of
 * eight digits: one digit at a time made a chain of 17 dependent
 * multiplications, the most expensive part of the shortest form. */
static int write_uint(uint64_t v, char *out)
{
	char tmp[24];
	char *p = tmp + sizeof tmp;
	uint32_t w;
	int n;

	while (v >= 100000000) {
		uint32_t low = (uint32_t)(v % 100000000);

		v /= 100000000;
		for (int i = 0; i < 4; i++, low /= 100) {
			p -= 2;
			memcpy(p, two_digits + 2 * (low % 100), 2);
		}
	}
	for (w = (uint32_t)v; w >= 100; w /= 100) {
		p -= 2;
		memcpy(p, two_digits + 2 * (w % 100), 2);
	}
	if (w >= 10) {
		p -= 2;
		memcpy(p, two_digits + 2 * w, 2);
	} else {
		*--p = (char)('0' + w);
	}
	n = (int)(tmp + sizeof tmp - p);
	memcpy(out, p, (size_t)n);
	return n;
}

/* digits (n of them, no trailing zero) times 10^(exp10 - n + 1), where
 * exp10 is the power of ten of the first digit, written plainly. */
static int write_plain(const char *digits, int n, int exp10, char *out)
{
	int len = 0;

	if (exp10 >= 0) {
		int whole = exp10 + 1;

		for (int i = 0; i < whole; i++)
			out[len++] = i < n ? digits[i] : '0';
		out[len++] = '.';
		if (n <= whole)
			out[len++] = '0';
		for (int i = whole; i < n; i++)
			out[len++] = digits[i];
	} else {
		out[len++] = '0';
		out[len++] = '.';
		for (int i = 0; i < -exp10 - 1; i++)
			out[len++] = '0';
		memcpy(out + len, digits, (size_t)n);
		len += n;
	}
	out[len] = '\0';
	return len;
}

/* The exact path for a positive x = m * 2^e with e < 0 and 1e-4 <= x.
 * Scales x by 10^k into [10^17, 10^18), where the half-way points to the
 * neighbouring doubles are more than 8 units apart, then removes as many
 * trailing digits as still leave a number strictly between them (which
 * strtod therefore reads back as x), choosing the one nearest x. Returns
 * the length, or -1 when x is outside the range this handles. */
static int shortest_exact(uint64_t m, int e, int lower_is_closer, char *out)
{
	/* log10(x) is about (e + 52) * log10(2), as m is in [2^52, 2^53). */
	int k = 17 - (int)floor((e + 52) * 0.30102999566398120);
	int shift = -e + 2;
	uint64_t mid, lo, hi, p = 1, t, tlo, thi;
	u128 scale, n_lo, n_hi;
	char digits[24];
	int n, exp10, j = 0;

	/* The estimate may be one off: correct k until the scaled value has
	 * 18 digits. */
	for (int tries = 0;; tries++) {
		if (tries == 3 || k < 0 || k > EXACT_MAX_POWER || shift >= 128)
			return -1;
		scale = power_of_ten(k);
		mid = (uint64_t)(((u128)m * 4 * scale) >> shift);
		if (mid < SCALED_MIN)
			k++;
		else if (mid >= SCALED_MAX)
			k--;
		else
			break;
	}
	/* In units of 2^(e-2), x is 4m and the half-way points are 4m + 2
	 * above and 4m - 2 below, or 4m - 1 when m is a power of two (the
	 * double below is then half as far). */
	n_lo = ((u128)m * 4 - (lower_is_closer ? 1 : 2)) * scale;
	n_hi = ((u128)m * 4 + 2) * scale;
	lo = (uint64_t)(n_lo >> shift) + 1;
	hi = (uint64_t)(n_hi >> shift);
	if ((n_hi & (((u128)1 << shift) - 1)) == 0)
		hi--;
	/* A multiple of 10^(j+1) lies in [lo, hi] when the largest one
	 * not above hi is not below lo. */
	while (j < 18 && div_pow10(hi, j + 1) * powers_of_ten[j + 1] >= lo) {
		p *= 10;
		j++;
	}
	tlo = div_pow10(lo + p - 1, j);
	thi = div_pow10(hi, j);
	t = div_pow10(mid + p / 2, j);
	if (t < tlo)
		t = tlo;
	if (t > thi)
		t = thi;
	while (t % 10 == 0) {
		t /= 10;
		j++;
	}
	n = write_uint(t, digits);
	exp10 = n - 1 + j - k;
	return write_plain(digits, n, exp10, out);
}

/* The slow path: the fewest significant digits of %g that read back,
 * found by bisection (if p digits read back, so do p + 1). */
static int shortest_printf(double x, char *out)
{
	int low = 1, high = 17, len;

	while (low < high) {
		int prec = (low + high) / 2;

		len = snprintf(out, DTOA_MAX, "%.*g", prec, x);
		if (len < 0 || len >= DTOA_MAX)
			return -1;
		if (strtod(out, NULL) == x)
			high = prec;
		else
			low = prec + 1;
	}
	len = snprintf(out, DTOA_MAX, "%.*g", low, x);
	if (len < 0 || len >= DTOA_MAX - 2)
		return -1;
	if (strpbrk(out, ".e") == NULL) {
		memcpy(out + len, ".0", 3);
		len += 2;
	}
	return len;
}

int dtoa_shortest(double x, char out[DTOA_MAX])
{
	uint64_t bits, fraction, m;
	int biased, len, sign = 0;
	double ax;

	if (!isfinite(x))
		return -1;
	memcpy(&bits, &x, sizeof bits);
	if (bits >> 63) {
		out[sign++] = '-';
		bits &= ~(1ULL << 63);
	}
	memcpy(&ax, &bits, sizeof ax);
	biased = (int)(bits >> 52);
	fraction = bits & ((1ULL << 52) - 1);
	if (ax == 0) {
		memcpy(out + sign, "0.0", 4);
		return sign + 3;
	}
	if (ax < 1e15 && ax == floor(ax)) {
		len = write_uint((uint64_t)ax, out + sign);
		memcpy(out + sign + len, ".0", 3);
		return sign + len + 2;
	}
	if (biased != 0 && ax >= 1e-4 && ax < 1e15) {
		m = fraction | (1ULL << 52);
		len = shortest_exact(m, biased - 1075, fraction == 0 && biased > 1, out + sign);
		if (len > 0)
			return sign + len;
	}
	len = shortest_printf(ax, out + sign);
	return len < 0 ? -1 : sign + len;
}
