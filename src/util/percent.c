#include "util/percent.h"

#include <math.h>

long percent_round(double fraction)
{
	double p = fraction * 100;
	double nudge = p < 0 ? -1e-7 : 1e-7;

	return lround(p + nudge);
}
