/* Unit tests for src/io/html.h: escaping, and every conversion
 * html_printf accepts, including that the arguments after a flagged
 * conversion are still read right (the blind-spot table once printed
 * ".2f" for "%+.2f" and read the next arguments with the wrong types). */
#include "testutil.h"

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "io/html.h"

/* What out received, as a string freed by the caller. Captures the output
 * of one call of html_printf through a memory stream. */
#define CAPTURE(result, ...)                                            \
	do {                                                            \
		size_t size_;                                           \
		FILE *out_ = open_memstream(&(result), &size_);         \
		assert_non_null(out_);                                  \
		html_printf(out_, __VA_ARGS__);                         \
		assert_int_equal(fclose(out_), 0);                      \
	} while (0)

static void expect(const char *want, char *got)
{
	assert_string_equal(got, want);
	free(got);
}

static void test_escape(void **state)
{
	char *s;

	(void)state;
	CAPTURE(s, "<b>%s</b>", "Tom & Jerry <\"O'Neil\">");
	expect("<b>Tom &amp; Jerry &lt;&quot;O&#39;Neil&quot;&gt;</b>", s);
	CAPTURE(s, "[%s]", (const char *)NULL);
	expect("[]", s);
	CAPTURE(s, "%c%c", '<', 'a');
	expect("&lt;a", s);
	CAPTURE(s, "100%% of %s", "x");
	expect("100% of x", s);
	/* Runs written whole: escapes first, last, side by side, none. */
	CAPTURE(s, "%s|%s|%s|%s", "<&>", "'a\"", "plain text", "");
	expect("&lt;&amp;&gt;|&#39;a&quot;|plain text|", s);
	CAPTURE(s, "no conversion at all");
	expect("no conversion at all", s);
	CAPTURE(s, "%s", "&");
	expect("&amp;", s);
	CAPTURE(s, "%%%s%%", "x");
	expect("%x%", s);
}

static void test_integers(void **state)
{
	char *s;

	(void)state;
	CAPTURE(s, "%d|%i|%5d|%-5d|%05d|%+d|% d", -42, 7, 42, 42, 42, 42, 42);
	expect("-42|7|   42|42   |00042|+42| 42", s);
	CAPTURE(s, "%ld|%lld|%zu|%jd|%td", -3000000000L, 9000000000000LL, (size_t)12,
		(intmax_t)-5, (ptrdiff_t)-6);
	expect("-3000000000|9000000000000|12|-5|-6", s);
	CAPTURE(s, "%u|%x|%X|%#x|%o|%lu|%hhd|%hd", 7u, 255u, 255u, 255u, 8u, 4000000000UL,
		(signed char)-1, (short)-2);
	expect("7|ff|FF|0xff|10|4000000000|-1|-2", s);
	CAPTURE(s, "%.3d|%8.3d", 5, 5);
	expect("005|     005", s);
}

static void test_floats(void **state)
{
	char *s;

	(void)state;
	CAPTURE(s, "%+.2f|%+.2f|%5.1f|%-6.1f|%.0f|%f", 2.07, -1.395, 2.45, 1.5, 2.0, 0.5);
	expect("+2.07|-1.40|  2.5|1.5   |2|0.500000", s);
	CAPTURE(s, "%e|%.2E|%g|%G", 1234.5, 0.000123, 0.0001, 1e20);
	expect("1.234500e+03|1.23E-04|0.0001|1E+20", s);
}

/* The defect: a flagged conversion among others must not shift the
 * arguments after it. */
static void test_arguments_after_flags(void **state)
{
	char *s;

	(void)state;
	CAPTURE(s, "<td>%s</td><td>%.2f</td><td>%+.2f</td><td>%s</td><td>%ld</td>",
		"Daan & co", 4.66, 2.07, "blind spot", 12L);
	expect("<td>Daan &amp; co</td><td>4.66</td><td>+2.07</td><td>blind spot</td><td>12</td>", s);
	CAPTURE(s, "%+5d %s % .1f %s %#o %s", 3, "a", 2.25, "b", 8u, "<c>");
	expect("   +3 a  2.2 b 010 &lt;c&gt;", s);
}

/* Runs html_printf with fmt in a child; true when the child aborted. */
static int aborts(const char *fmt)
{
	pid_t pid;
	int status;

	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		FILE *out = fopen("/dev/null", "w");

		if (freopen("/dev/null", "w", stderr) == NULL)
			_exit(3);
		html_printf(out, fmt, "x", 1, 2.0);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

/* A conversion it does not take stops the program instead of misreading
 * the arguments; the accepted ones do not. */
static void test_rejects_unknown(void **state)
{
	(void)state;
	assert_true(aborts("%n"));
	assert_true(aborts("%p"));
	assert_true(aborts("%*d"));
	assert_true(aborts("%5s"));
	assert_true(aborts("%-s"));
	assert_true(aborts("%Lf"));
	assert_true(aborts("%ls"));
	assert_true(aborts("%q"));
	assert_true(aborts("trailing %"));
	assert_false(aborts("%s %d %.1f"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_integers),
		cmocka_unit_test(test_floats),
		cmocka_unit_test(test_arguments_after_flags),
		cmocka_unit_test(test_rejects_unknown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
