/* Shares shown as whole percentages. printf's "%.0f" rounds half to even
 * (5 of 8 = 62.5% prints as 62%), which readers take for a mistake; every
 * percentage a person reads is rounded half away from zero here. */
#ifndef COMPGAP_PERCENT_H
#define COMPGAP_PERCENT_H

/* fraction (0.625) as a whole percentage (63), half away from zero. A
 * fraction within 1e-9 of a half-percent step counts as on it, so that
 * 5/8 computed as 0.6249999999 still shows as 63. */
long percent_round(double fraction);

#endif
