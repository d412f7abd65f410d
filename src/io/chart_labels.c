#include "io/chart_labels.h"

void chart_spread_labels(struct chart_label *l, int n, double gap, double bottom)
{
	for (int i = 1; i < n; i++)   /* insertion sort: at most six */
		for (int j = i; j > 0 && l[j].y < l[j - 1].y; j--) {
			struct chart_label t = l[j];

			l[j] = l[j - 1], l[j - 1] = t;
		}
	for (int i = 1; i < n; i++)
		if (l[i].y < l[i - 1].y + gap)
			l[i].y = l[i - 1].y + gap;
	if (n > 0 && l[n - 1].y > bottom)
		l[n - 1].y = bottom;
	for (int i = n - 1; i > 0; i--)
		if (l[i - 1].y > l[i].y - gap)
			l[i - 1].y = l[i].y - gap;
}
