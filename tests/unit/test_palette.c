/* Unit tests for src/io/palette.h: the report's colours stay apart for
 * readers with the common colour-vision deficiencies.
 *
 * Method: each colour is taken from sRGB to linear RGB, passed through the
 * simulation matrix of Machado, Oliveira and Fernandes (2009), "A
 * Physiologically-based Model for Simulation of Color Vision Deficiency",
 * IEEE TVCG 15(6), severity 1.0 (their table of matrices), clamped to
 * [0, 1], and taken to CIELAB (D65) through CIE XYZ. Two colours are
 * compared by their CIE76 distance (Euclidean in L*a*b*).
 *
 * Thresholds: a CIE76 distance of about 2.3 is just noticeable side by
 * side; colours that must be told apart when they are not side by side
 * (a cell and the legend) need several times that, and 10 is the usual
 * working figure for "clearly different" categories. The heatmap's
 * classes, which are also told apart by the numbers in the cells, must be
 * 10 apart; the trend lines, thin and read against each other across a
 * chart, 15 (they also have shapes and labels). The old colours (green to
 * red heatmap, the "category10" lines) are negative cases: the same
 * checks must reject them, or the checks prove nothing. */
#include "testutil.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/palette.h"

struct lab {
	double l, a, b;
};

enum vision {
	NORMAL, DEUTERANOPIA, PROTANOPIA, TRITANOPIA, VISIONS
};

static const char *const vision_name[VISIONS] = {
	"normal", "deuteranopia", "protanopia", "tritanopia"
};

/* Machado et al. 2009, severity 1.0, for linear RGB. */
static const double simulation[VISIONS][3][3] = {
	[NORMAL] = { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } },
	[DEUTERANOPIA] = { { 0.367322, 0.860646, -0.227968 },
			   { 0.280085, 0.672501, 0.047413 },
			   { -0.011820, 0.042940, 0.968881 } },
	[PROTANOPIA] = { { 0.152286, 1.052583, -0.204868 },
			 { 0.114503, 0.786281, 0.099216 },
			 { -0.003882, -0.048116, 1.051998 } },
	[TRITANOPIA] = { { 1.255528, -0.076749, -0.178779 },
			 { -0.078411, 0.930809, 0.147602 },
			 { 0.004733, 0.691367, 0.303900 } },
};

static double linear(double c)
{
	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double lab_f(double t)
{
	const double e = 216.0 / 24389, k = 24389.0 / 27;

	return t > e ? cbrt(t) : (k * t + 16) / 116;
}

/* "#rrggbb" as seen with vision v, in CIELAB. */
static struct lab to_lab(const char *hex, enum vision v)
{
	double rgb[3], sim[3], x, y, z;
	unsigned r, g, b;

	assert_int_equal(strlen(hex), 7);
	assert_int_equal(sscanf(hex, "#%2x%2x%2x", &r, &g, &b), 3);
	rgb[0] = linear(r / 255.0);
	rgb[1] = linear(g / 255.0);
	rgb[2] = linear(b / 255.0);
	for (int i = 0; i < 3; i++) {
		const double *m = simulation[v][i];

		sim[i] = m[0] * rgb[0] + m[1] * rgb[1] + m[2] * rgb[2];
		sim[i] = sim[i] < 0 ? 0 : sim[i] > 1 ? 1 : sim[i];
	}
	/* sRGB to XYZ (IEC 61966-2-1), white D65 (0.95047, 1, 1.08883). */
	x = 0.4124 * sim[0] + 0.3576 * sim[1] + 0.1805 * sim[2];
	y = 0.2126 * sim[0] + 0.7152 * sim[1] + 0.0722 * sim[2];
	z = 0.0193 * sim[0] + 0.1192 * sim[1] + 0.9505 * sim[2];
	return (struct lab){
		116 * lab_f(y) - 16,
		500 * (lab_f(x / 0.95047) - lab_f(y)),
		200 * (lab_f(y) - lab_f(z / 1.08883)),
	};
}

static double delta_e(const char *x, const char *y, enum vision v)
{
	struct lab p = to_lab(x, v), q = to_lab(y, v);

	return sqrt((p.l - q.l) * (p.l - q.l) + (p.a - q.a) * (p.a - q.a) +
		    (p.b - q.b) * (p.b - q.b));
}

/* The smallest distance between any two of colours[0..n) under v, and
 * which pair it is, for the message. */
static double closest_pair(const char *const *colours, size_t n, enum vision v,
			   size_t *first, size_t *second)
{
	double min = INFINITY;

	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			double d = delta_e(colours[i], colours[j], v);

			if (d < min) {
				min = d;
				*first = i;
				*second = j;
			}
		}
	return min;
}

/* Every pair of colours is at least min apart under every vision. */
static bool all_apart(const char *const *colours, size_t n, double min, bool verbose)
{
	bool ok = true;

	for (int v = 0; v < VISIONS; v++) {
		size_t i = 0, j = 0;
		double d = closest_pair(colours, n, (enum vision)v, &i, &j);

		if (d < min) {
			if (verbose)
				printf("# %s: %s and %s are %.1f apart, under %.0f\n", vision_name[v],
				       colours[i], colours[j], d, min);
			ok = false;
		}
	}
	return ok;
}

/* The lightness falls strictly along the ramp under every vision, so that
 * the order of the classes reads without hue (and in grey print). */
static bool lightness_falls(const char *const *ramp, size_t n)
{
	for (int v = 0; v < VISIONS; v++)
		for (size_t i = 1; i < n; i++)
			if (to_lab(ramp[i], (enum vision)v).l >= to_lab(ramp[i - 1], (enum vision)v).l)
				return false;
	return true;
}

/* Hand-computed anchors for the conversion itself: white is L* 100, black
 * 0; sRGB pure red is L* 53.24, a* 80.09, b* 67.20 (the published value);
 * a grey is the same grey under every simulation (the rows of each matrix
 * sum to 1). */
static void test_conversion(void **state)
{
	struct lab red = to_lab("#ff0000", NORMAL);

	(void)state;
	assert_true(fabs(to_lab("#ffffff", NORMAL).l - 100) < 0.01);
	assert_true(fabs(to_lab("#000000", NORMAL).l) < 0.01);
	assert_true(fabs(red.l - 53.24) < 0.05);
	assert_true(fabs(red.a - 80.09) < 0.1);
	assert_true(fabs(red.b - 67.20) < 0.1);
	for (int v = 0; v < VISIONS; v++)
		assert_true(delta_e("#777777", "#777777", NORMAL) < 1e-9 &&
			    fabs(to_lab("#777777", (enum vision)v).l - to_lab("#777777", NORMAL).l) < 0.01);
	/* Pure red and green, far apart normally, nearly meet for a
	 * deuteranope: the simulation does what it should. */
	assert_true(delta_e("#ff0000", "#00ff00", NORMAL) > 80);
	assert_true(delta_e("#ff0000", "#00ff00", DEUTERANOPIA) <
		    delta_e("#ff0000", "#00ff00", NORMAL) / 3);
}

static void test_heatmap_classes_apart(void **state)
{
	const char *fills[HEAT_CLASSES];

	(void)state;
	for (int c = 0; c < HEAT_CLASSES; c++)
		fills[c] = palette_heat[c].fill;
	assert_true(all_apart(fills, HEAT_CLASSES, 10, true));
	/* The ramp (without the unassessed grey) darkens with the gap. */
	assert_true(lightness_falls(fills, HEAT_UNASSESSED));
}

/* The text in each cell reads on its fill: at least 50 apart in L*. */
static void test_heatmap_text_reads(void **state)
{
	(void)state;
	for (int c = 0; c < HEAT_CLASSES; c++)
		assert_true(fabs(to_lab(palette_heat[c].fill, NORMAL).l -
				 to_lab(palette_heat[c].text, NORMAL).l) >= 50);
}

static void test_trend_lines_apart(void **state)
{
	(void)state;
	assert_true(all_apart(palette_trend, PALETTE_TREND_LINES, 15, true));
}

/* The colours the report had before: "meets" (green) and "1 to 2 short"
 * (pink) are 6 apart for a deuteranope, and lines of category10 under 5
 * apart for a protanope. The checks above must fail them. */
static void test_old_colours_fail(void **state)
{
	static const char *const old_heat[] = {
		"#a5d6a7", "#fff59d", "#ffcc80", "#ef9a9a", "#e57373", "#e0e0e0"
	};
	static const char *const old_trend[] = {
		"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"
	};

	(void)state;
	assert_true(delta_e("#a5d6a7", "#ef9a9a", DEUTERANOPIA) < 10);
	assert_true(delta_e("#a5d6a7", "#ef9a9a", NORMAL) > 50);
	assert_false(all_apart(old_heat, 6, 10, false));
	assert_false(lightness_falls(old_heat, 5));
	assert_false(all_apart(old_trend, 6, 15, false));
	/* ... while under normal vision the old lines were far enough apart:
	 * it is the simulation that finds the fault. */
	{
		size_t i, j;

		assert_true(closest_pair(old_trend, 6, NORMAL, &i, &j) > 30);
	}
}

static void test_heat_class(void **state)
{
	(void)state;
	assert_int_equal(palette_heat_class(false, false, 0), HEAT_UNASSESSED);
	assert_int_equal(palette_heat_class(true, true, 0), HEAT_MEETS);
	assert_int_equal(palette_heat_class(true, false, 0.49), HEAT_UNDER_HALF);
	assert_int_equal(palette_heat_class(true, false, 0.5), HEAT_HALF_TO_ONE);
	assert_int_equal(palette_heat_class(true, false, 0.99), HEAT_HALF_TO_ONE);
	assert_int_equal(palette_heat_class(true, false, 1), HEAT_ONE_TO_TWO);
	assert_int_equal(palette_heat_class(true, false, 1.99), HEAT_ONE_TO_TWO);
	assert_int_equal(palette_heat_class(true, false, 2), HEAT_TWO_OR_MORE);
	assert_int_equal(palette_heat_class(true, false, 3.5), HEAT_TWO_OR_MORE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_conversion),
		cmocka_unit_test(test_heatmap_classes_apart),
		cmocka_unit_test(test_heatmap_text_reads),
		cmocka_unit_test(test_trend_lines_apart),
		cmocka_unit_test(test_old_colours_fail),
		cmocka_unit_test(test_heat_class),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
