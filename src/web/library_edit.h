/* What the library's edit pages share (docs/web.md, "Editing the
 * library"): web/library_competency.c, library_role.c and
 * library_delete.c, over the helpers of web/library_form.c. Every save
 * builds an entity_patch from the form and writes it with
 * http_entity_apply, the code of the API's POST, PATCH and DELETE. */
#ifndef COMPGAP_WEB_LIBRARY_EDIT_H
#define COMPGAP_WEB_LIBRARY_EDIT_H

#include <stdbool.h>

#include "http/api.h"
#include "http/entity_write.h"
#include "io/entities.h"
#include "io/entities_texts.h"
#include "web/page.h"

/* The stored rows a form may have of one list (behavioural indicators,
 * a profile's competencies), and the empty rows it adds: with their
 * translations and remove boxes they stay within FORM_FIELDS_MAX. A
 * longer list is edited through the API or the import. */
enum { LIBRARY_ROWS_MAX = 50, LIBRARY_BLANK_ROWS = 3 };

/* The errors of a refused form, by the name of the input they belong to. */
struct lib_errors {
	const char *input[64];
	const char *message[64];     /* translated */
	size_t n;
	long problems;               /* all the problems, shown or not */
};

/* Notes message beside input (the first error of an input is kept). */
void lib_error_add(struct lib_errors *e, const char *input, const char *message);

/* The error of input, or NULL. */
const char *lib_error(const struct lib_errors *e, const char *input);

/* The languages a library text is translated into on the pages: every
 * language of i18n.h but English, whose texts are the organisation's own
 * (a role's English name is edited with its other names). */
bool lib_translated(enum lang l);

/* The name of language l for a label, translated into p's language. */
const char *lib_lang_label(const struct page *p, enum lang l);

/* One text input or textarea with its label and error (web/forms.c's
 * habits); lang: the language of the text ("nl"), or NULL for the
 * organisation's own. rows > 0 makes a textarea. */
struct lib_field {
	const char *name;
	const char *label;
	const char *value;
	const char *error;
	const char *hint;
	const char *lang;
	int rows;
	bool required;
};
void lib_field(struct page *p, const struct lib_field *f);

/* A number input of min..max (the form is novalidate: the server checks). */
void lib_number(struct page *p, const char *name, const char *label, const char *value,
		int min, int max, const char *error);

/* The path prefix of kind's edit pages: "/library/competencies/" or
 * "/library/roles/", joined with key percent-encoded and suffix (may be
 * ""), in cx's arena. NULL when out of memory. */
const char *lib_path(struct http_ctx *cx, enum entity kind, const char *key, const char *suffix);

/* A form's field as a string that may be kept: NULL as "". */
const char *lib_value(const struct page *p, const char *name);

/* The rows count a form says it has (its hidden field name), at most
 * LIBRARY_ROWS_MAX + LIBRARY_BLANK_ROWS. */
size_t lib_rows(const struct page *p, const char *name);

/* Whether s is empty or only white space. */
bool lib_blank(const char *s);

/* Answers a caller who may not edit the library: the 403 page, and for a
 * POST the audit entry the API writes (outcome "denied"). Returns 0. */
int lib_refuse(struct http_ctx *cx, enum entity kind, enum http_write_op op, const char *key);

/* The summary above a refused form: how many problems, nothing saved. */
void lib_error_summary(struct page *p, const struct lib_errors *e);

/* Adds a translation of key to texts (in a): a string sets it, "" removes
 * it; field is the form's input, which an error names. 0, or -1 when out
 * of memory. */
int lib_text_add(struct patch_texts *texts, struct arena *a, enum library_kind kind, int item,
		 enum lang l, enum library_field field, const char *text, const char *input);

/* The index in "requirements[3].weight" or "indicators[2]" after prefix,
 * with *rest after the ']'; -1 when field is not of that form. */
long lib_field_index(const char *field, const char *prefix, const char **rest);

#endif
