/* The demo's competency library in Dutch and Swedish (library_nl.c,
 * library_sv.c), beside the English of library.h, and the writer of the
 * CSV (docs/csv-formats.md, library-texts) that stores them with the
 * English names of the roles. The translations follow the entries of
 * demo_competencies and demo_roles by key; each has as many indicators
 * as its competency (tests/unit/test_demo_texts.c checks that). */
#ifndef COMPGAP_DEMO_LIBRARY_TEXTS_H
#define COMPGAP_DEMO_LIBRARY_TEXTS_H

#include <stdio.h>

#include "demo/library.h"

struct demo_competency_text {
	const char *key;                             /* of demo_competencies */
	const char *name;
	const char *description;
	const char *indicators[DEMO_INDICATORS_MAX]; /* as many as the English; NULL after */
	const char *levels[LEVEL_MAX];               /* level 1..5 at 0..4 */
};

struct demo_role_text {
	const char *key;                             /* of demo_roles */
	const char *name;
};

struct demo_translation {
	const char *lang;                            /* "nl", "sv" */
	const struct demo_competency_text *competencies;
	int ncompetencies;
	const struct demo_role_text *roles;
	int nroles;
};

extern const struct demo_translation demo_translation_nl, demo_translation_sv;

/* The translations, NULL-terminated. */
extern const struct demo_translation *const demo_translations[];

/* Writes the library-texts CSV of the translations and of the roles'
 * English names (the competencies' English texts are their base texts). */
void demo_write_library_texts(FILE *out);

#endif
