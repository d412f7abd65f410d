/* libFuzzer target for the packed history (core/history.h): any bytes are
 * refused or read within their length; a blob that reads is counted alike
 * by every reader, and its rows written again read back the same. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/history.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(bool ok, const char *what)
{
	if (ok)
		return;
	(void)fprintf(stderr, "fuzz_history: %s\n", what);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int32_t dates[] = { EVIDENCE_FIRST_DAY, 0, 20000, EVIDENCE_LAST_DAY };
	struct evidence_sums s, at[4];
	struct settings set;
	struct history_row r, again;
	struct buf b;
	size_t pos = 0, pos2 = 0;
	long n = history_count(data, size);
	int rc;

	settings_default(&set);
	rc = history_sums_as_of(data, size, &set, EVIDENCE_LAST_DAY, &s);
	check(rc == (n < 0 ? -1 : 0), "history_sums_as_of and history_count disagree");
	check(history_sums_at(data, size, &set, dates, 4, at) == rc, "history_sums_at disagrees");
	if (n < 0)
		return 0;
	check(s.n_self + s.n_other == n, "sums count other rows");
	check(at[3].n_self + at[3].n_other == n, "the last date's sums count other rows");
	buf_init(&b, 1 << 20);
	check(history_begin(&b) == 0, "history_begin");
	while (history_next(data, size, &pos, &r) == 1)
		check(history_append(&b, r.source, r.level, r.level_decimals, r.date) == 0,
		      "a decoded row is refused by history_append");
	pos = 0;
	pos2 = 0;
	while (history_next(data, size, &pos, &r) == 1) {
		check(history_next((const unsigned char *)b.data, b.len, &pos2, &again) == 1,
		      "the rewritten blob is shorter");
		check(r.source == again.source && r.level == again.level &&
		      r.level_decimals == again.level_decimals && r.date == again.date,
		      "a row reads back differently");
	}
	check(history_next((const unsigned char *)b.data, b.len, &pos2, &again) == 0,
	      "the rewritten blob is longer");
	buf_free(&b);
	return 0;
}
