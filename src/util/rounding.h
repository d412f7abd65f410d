/* Numbers that keep a shortfall visible. A level of 2.96 against a
 * required 3, written with one decimal, reads "3.0" in a cell coloured
 * short; a gap of 0.004 written with two reads "0.00". A reader then
 * takes the colour for a mistake. Such a value gets another decimal, and
 * where that is not enough its writer says "<3.00" or "<0.01", as the
 * command line's table writes a gap (cli/cmd_gaps.c). */
#ifndef COMPGAP_ROUNDING_H
#define COMPGAP_ROUNDING_H

/* The fewest decimals, from min to max, at which v printed with "%.*f"
 * differs from boundary (a number printf writes exactly at min
 * decimals: a level, 0); -1 when none does. min when v is the
 * boundary. */
int decimals_apart(double v, double boundary, int min, int max);

#endif
