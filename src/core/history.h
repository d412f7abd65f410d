/* The packed evidence history of one (person, competency) pair: what a
 * past date needs beside the running sums (docs/time-travel.md). The rows
 * are kept settings-independent, so a change of half-life or source
 * weights needs no rebuild; an import appends its rows' bytes; a
 * retraction rebuilds the blob from the remaining rows.
 *
 * Format, byte by byte:
 *   byte 0        format version, HISTORY_VERSION (1). A blob of just this
 *                 byte is an empty history; so is a blob of length 0.
 *   then one entry per row, in any order (appends are not sorted):
 *     1 byte      bits 0-2 the source (enum source, 0..SOURCE_COUNT-1),
 *                 bits 3-5 the level's decimals (0..LEVEL_DECIMALS_MAX),
 *                 bits 6-7 zero;
 *     varint      date - EVIDENCE_FIRST_DAY (days since 1900-01-01);
 *     varint      the level's mantissa, level * 10^decimals, an exact
 *                 integer (3.5 with 1 decimal is 35).
 * A varint is unsigned LEB128: 7 bits a byte, least significant first,
 * the high bit set on every byte but the last; at most 5 bytes.
 * Decoding computes mantissa / 10^decimals as parse_level does, so the
 * level is the very double the written text gave.
 *
 * Everything here is pure: no I/O, no SQL; memory only through the
 * caller's buffers. */
#ifndef COMPGAP_HISTORY_H
#define COMPGAP_HISTORY_H

#include <stddef.h>
#include <stdint.h>

#include "core/estimate.h"
#include "core/model.h"
#include "core/settings.h"
#include "util/buf.h"

enum {
	HISTORY_VERSION = 1,
	HISTORY_VARINT_MAX = 5,             /* bytes in a varint */
	HISTORY_ENTRY_MAX = 1 + 2 * HISTORY_VARINT_MAX
};

/* One decoded entry. */
struct history_row {
	enum source source;
	double level;                  /* LEVEL_MIN..LEVEL_MAX */
	int level_decimals;            /* 0..LEVEL_DECIMALS_MAX */
	int32_t date;                  /* days since 1970-01-01 */
};

/* Appends the version byte that starts a blob. Returns 0, or -1 when the
 * buffer's cap or memory is exhausted (the buffer is then unchanged). */
int history_begin(struct buf *out);

/* Appends one entry (without a version byte: what an import appends to a
 * stored blob). Returns 0; -1 with the buffer unchanged when the source,
 * decimals, date or level is out of range, when level is not exactly a
 * number written with level_decimals decimals, or when the buffer is
 * full. */
int history_append(struct buf *out, enum source source, double level, int level_decimals,
		   int32_t date);

/* Reads the entry at *pos of a blob of len bytes into *row and advances
 * *pos past it. Start with *pos = 0: the version byte is checked and
 * skipped then. Returns 1 with an entry, 0 at the end, or -1 when the
 * blob is malformed (bad version, truncated or overlong varint, a field
 * out of range); never reads past len. */
int history_next(const unsigned char *blob, size_t len, size_t *pos, struct history_row *row);

/* The number of entries in the blob, or -1 when it is malformed. */
long history_count(const unsigned char *blob, size_t len);

/* The running sums of the rows dated on or before as_of, built as
 * sums_add builds them, so that estimate_from_sums(out, set, as_of, ...)
 * is the estimate as of as_of. Every entry is checked, counted or not.
 * Returns 0, or -1 when the blob is malformed (out is then undefined). */
int history_sums_as_of(const unsigned char *blob, size_t len, const struct settings *set,
		       int32_t as_of, struct evidence_sums *out);

/* The sums as of each of n dates (ascending, equal ones allowed) into
 * out[0..n-1], in one pass over the blob: each row is added to every date
 * on or after its own, so that each is exactly what history_sums_as_of
 * gives for that date. Returns 0, or -1 when the blob is malformed or the
 * dates are not ascending. */
int history_sums_at(const unsigned char *blob, size_t len, const struct settings *set,
		    const int32_t *dates, size_t n, struct evidence_sums *out);

/* The best level at which the pair may be a mentor: the highest level
 * (all sources, weighted as sums_add weighs them) that the blob's rows
 * give as of one of their dates at which their evidence weight, as of
 * that date, reaches the mentor minimum (estimate_mentor_min_weight, less
 * a relative 1e-9 for rounding); 0 for an empty blob, one whose weights
 * are all 0, or one that never reaches the minimum.
 * No date D's level exceeds it when the weight as of D reaches the
 * minimum: the level as of D is the level as of the last row date s on or
 * before D, and the weight as of D is at most the weight as of s (it only
 * decays between rows). It is not kept by merging two blobs' best levels
 * (two parts below the minimum may reach it together): an import computes
 * it from the whole history (docs/time-travel.md). scratch holds the
 * decoded rows. Returns 0, or -1 when the blob is malformed or memory ran
 * out. */
int history_best_level(const unsigned char *blob, size_t len, const struct settings *set,
		       struct buf *scratch, double *out);

#endif
