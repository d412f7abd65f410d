/* The competency library in several languages (docs/data-model.md, "The
 * library's texts"). The base texts (a competency's name and description,
 * its indicators and level descriptors) are the organisation's own, in
 * whatever language it writes them; these functions store translations of
 * them into the languages of src/i18n/i18n.h, and names of roles (which
 * have only a key otherwise), and read the library in one language with
 * each text falling back to its base text.
 *
 * Conventions as in store.h: 0 or -1 with err set; writes inside a
 * transaction. */
#ifndef COMPGAP_STORE_TEXTS_H
#define COMPGAP_STORE_TEXTS_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

/* What a text belongs to. */
enum library_kind {
	LIBRARY_COMPETENCY,
	LIBRARY_INDICATOR,         /* a behavioural indicator (level 0) */
	LIBRARY_DESCRIPTOR,        /* the descriptor of a level (1..5) */
	LIBRARY_ROLE,
	LIBRARY_KIND_COUNT
};

/* Which text of it. */
enum library_field {
	LIBRARY_NAME,              /* a competency's or a role's */
	LIBRARY_DESCRIPTION,       /* a competency's definition */
	LIBRARY_TEXT,              /* an indicator's or a descriptor's */
	LIBRARY_FIELD_COUNT
};

/* One translated text. */
struct library_text {
	enum library_kind kind;
	const char *key;           /* the competency's key (of an indicator and a
				    * descriptor too), or the role's */
	int item;                  /* an indicator: its place, from 1, among the
				    * competency's behavioural indicators in their
				    * order; a descriptor: its level 1..5; else 0 */
	const char *lang;          /* "en", "nl" or "sv" */
	enum library_field field;
	const char *text;          /* the translation; NULL or "" removes it */
};

/* "competency", "indicator", "descriptor", "role"; and the field names
 * "name", "description", "text". */
const char *library_kind_name(enum library_kind k);
const char *library_field_name(enum library_field f);

/* Parses those names; 0, or -1 when s is none of them. */
int library_kind_parse(const char *s, enum library_kind *out);
int library_field_parse(const char *s, enum library_field *out);

/* True when code is exactly the code of one of the languages of i18n.h
 * ("en", "nl", "sv": not "NL" or "nl-BE", which name a language in a
 * request but would store two rows for one language). */
bool library_lang_valid(const char *code);

/* The language codes joined with ", " for messages: "en, nl, sv". */
const char *library_lang_list(void);

/* Checks t without storing it: the field fits the kind, the language is
 * one of ours, the text is a valid name (names) or text (the rest). On a
 * problem returns -1 with err set to EX_DATAERR and *column (when not
 * NULL) the field at fault: "kind", "lang", "field", "item" or "text". */
int library_text_check(const struct library_text *t, const char **column, struct err *err);

/* Stores one translation (replacing the one there was), or removes it when
 * t->text is NULL or "". Fails as library_text_check, and with EX_DATAERR
 * (*column "key" or "item") when the competency, role, indicator or
 * descriptor does not exist: an indicator's translation belongs to the
 * stored indicator at that place, and lapses when an import of
 * indicators replaces that indicator's text. column may be NULL. */
int store_put_library_text(struct store *st, const struct library_text *t,
			   const char **column, struct err *err);

/* Calls cb for every stored translation of the competencies (when kind is
 * ENTITY_COMPETENCY: their own, then their indicators' and descriptors')
 * or of the roles (ENTITY_ROLE), of the one with key only when key is not
 * NULL: competencies and roles in the order they were first stored,
 * languages in the order of their codes. */
int store_each_library_text(struct store *st, enum entity kind, const char *key,
			    int (*cb)(void *ctx, const struct library_text *t), void *ctx,
			    struct err *err);

/* Checks t as store_put_library_text does, without storing it. */
int store_check_library_text(struct store *st, const struct library_text *t,
			     const char **column, struct err *err);

/* Removes the translations of competency or role id, and of its
 * indicators (store_delete, before the row goes). */
int store_forget_library_texts(struct store *st, enum entity kind, int64_t id,
			       struct err *err);

/* Removes the translations of competency id's indicators whose base text
 * it no longer has (after its indicators were replaced). */
int store_lapse_indicator_texts(struct store *st, int64_t competency_id, struct err *err);

/* ---- the library in one language, for the pages --------------------- */

struct library_indicator {
	int level;                 /* 0: a behavioural indicator; 1..5: a descriptor */
	const char *text;          /* in the language asked, else the base text */
	bool translated;           /* text is a translation */
};

struct library_competency {
	const char *key;
	const char *name;          /* in the language asked, else the base name */
	const char *category;      /* NULL when none (never translated: a label
				    * for sorting, not prose) */
	const char *description;   /* as name; NULL when there is none at all */
	enum developability developability;
	bool name_translated, description_translated;
	const struct library_indicator *indicators;  /* behavioural ones in their
						       * order, then descriptors by level */
	size_t nindicators;
};

struct library_requirement {
	const char *competency;    /* its key */
	int required_level, weight;
};

struct library_role {
	const char *key;
	const char *name;          /* in the language asked, else the key */
	bool translated;           /* name is a stored name */
	const struct library_requirement *requirements;  /* in the profile's order */
	size_t nrequirements;
};

struct library {
	const struct library_competency *competencies;  /* in the order stored */
	size_t ncompetencies;
	const struct library_role *roles;                /* in the order stored */
	size_t nroles;
};

/* Reads the whole library in language lang (a code library_lang_valid
 * accepts) into out, everything in the arena a, in four statements
 * whatever the library's size. Open the store with STORE_SNAPSHOT (or
 * begin a read) when the four must see one moment. Fails with EX_USAGE
 * for a language that is not ours. */
int store_load_library(struct store *st, const char *lang, struct arena *a,
		       struct library *out, struct err *err);

#endif
