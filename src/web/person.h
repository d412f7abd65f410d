/* The person page (GET /people/{key}, docs/web.md "The person page") and
 * its evidence form (POST /people/{key}/evidence): what their files share. */
#ifndef COMPGAP_WEB_PERSON_H
#define COMPGAP_WEB_PERSON_H

#include <stdio.h>

#include "core/analysis.h"
#include "web/page.h"

#include "store/star.h"

enum { PERSON_STAR_PARTS = STAR_PARTS };

/* What was typed into the evidence form, kept when it is shown again,
 * and the error beside each field (translated), NULL where none. */
struct person_form {
	const char *competency, *level, *source, *date, *note;
	const char *star[PERSON_STAR_PARTS];
	const char *competency_error, *level_error, *source_error, *date_error, *note_error;
	const char *star_error[PERSON_STAR_PARTS];
	const char *message;         /* an error about the whole form, or NULL */
};

/* Answers the person page of key for cx with status (200; 422 for a
 * form shown again with its errors, f then not NULL): the reach check,
 * the page or the 404 page, and the audit entry of the read. Returns 0. */
int person_page_answer(struct http_ctx *cx, const char *key, const struct person_form *f,
		       int status);

/* The radar chart of v (required against current level on each line),
 * with names[i] the name of v->lines[i]'s competency, as an SVG with
 * classes only, followed by the same numbers as a table. Fewer than three
 * lines: the table alone. */
void person_radar(struct page *p, const struct member_view *v, const char *const *names);

/* Writes v with decimals in the page's language, escaped. */
void person_number(struct page *p, double v, int decimals);

/* Writes the date days in the page's language (the short form), escaped. */
void person_date(struct page *p, int32_t days);

/* The translated name of an evidence source. */
const char *person_source_label(enum lang l, enum source s);

struct library;

/* The form to add evidence about key (the competencies of v's role, else
 * the library's), when the caller may add any source about them; f what
 * was typed and its errors, or NULL for an empty form. */
void person_form_write(struct page *p, const char *key, const struct library *lib,
		       const struct member_view *v, const struct person_form *f);

/* The evidence form with what varies between the person page and the
 * feedback page. */
struct person_form_spec {
	const char *action;                /* where it is posted */
	const char *key;                   /* the person it is about */
	const struct library *lib;         /* the competencies' names */
	const char *const *competencies;   /* the role's, in order; none: the library's */
	size_t ncompetencies;
	bool peer_only;                    /* the source is peer, fixed (feedback) */
	const char *heading, *submit;      /* NULL: "Add evidence" */
};

/* Writes the form of sp, with what was typed and its errors (f, or NULL). */
void person_form_render(struct page *p, const struct person_form_spec *sp,
			const struct person_form *f);

/* Checks what was typed into f in the reader's words, setting each field's
 * error; the level as typed with "," made "." into *level (in the
 * request's arena), the STAR parts into star. true when every field is
 * good. */
bool person_form_check(const struct page *p, const char *key, struct person_form *f,
		       const char **level, struct evidence_star *star);

#endif
