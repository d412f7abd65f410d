/* The STAR note of an evidence row (docs/data-model.md, "evidence_star"):
 * situation, task, action, result, each optional. Written in the
 * transaction of its row, kept with it when it is retracted, deleted with
 * it (erasure, the retention purge) by the schema's cascade. */
#ifndef COMPGAP_STORE_STAR_H
#define COMPGAP_STORE_STAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "util/arena.h"

enum {
	STAR_PARTS = 4,
	STAR_PART_MAX = 2000          /* characters of one part */
};

/* The parts' names, in order: "situation", "task", "action", "result". */
extern const char *const star_part_names[STAR_PARTS];

struct evidence_star {
	const char *part[STAR_PARTS];   /* NULL (or "") where not given */
};

/* The characters (code points) of the UTF-8 text s, by which a part's
 * length is limited. */
size_t star_length(const char *s);

/* Whether s has any part to keep. */
bool star_is_empty(const struct evidence_star *s);

/* Stores s as the note of the evidence row this connection appended last
 * (store_append_evidence, evidence_add_in), which must be about person
 * (a key), in the caller's open write transaction. An empty s stores
 * nothing. 0, or -1 with err set (EX_DATAERR: no such row; a part over
 * STAR_PART_MAX characters). */
int store_put_evidence_star(struct store *st, const char *person, const struct evidence_star *s,
			    struct err *err);

/* One note of a person's: the evidence row's id and its parts. */
struct evidence_star_row {
	int64_t evidence_id;
	struct evidence_star star;
};

/* Reads the notes of person's evidence rows, by evidence id, into *out
 * (n in *n), everything in arena a. 0, or -1 with err set. */
int store_person_stars(struct store *st, const char *person, struct arena *a,
		       struct evidence_star_row **out, size_t *n, struct err *err);

/* The note of evidence id among rows[0..n) (sorted by id), or NULL. */
const struct evidence_star *star_find(const struct evidence_star_row *rows, size_t n,
				      int64_t id);

#endif
