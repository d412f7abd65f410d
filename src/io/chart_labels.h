/* The labels at the ends of a trend chart's lines (the report's,
 * io/report_charts.c, and the team page's, web/charts.c): each by its
 * line's last point, moved apart so that none covers another. */
#ifndef COMPGAP_CHART_LABELS_H
#define COMPGAP_CHART_LABELS_H

struct chart_label {
	int line;                     /* the line's competency: an index into the view's */
	double y;                     /* by the line's last point, then moved clear of the others */
};

/* Sorts the n labels by y and moves them apart by at least gap, none
 * lower than bottom: labels of lines ending together at 0 % stack
 * upwards from it, clear of the month labels below the plot. */
void chart_spread_labels(struct chart_label *l, int n, double gap, double bottom);

#endif
