/* The rules of the recommendations in the reader's language (docs/web.md,
 * "The team page"): the facts that core/recommend.c keeps with each item
 * (struct rec_facts), written as a sentence of the translation catalogue,
 * with names for keys and numbers in the reader's conventions. The command
 * line and the API keep core's English (rec_rule_text), unless a
 * description is given. */
#ifndef COMPGAP_WEB_REC_RULES_H
#define COMPGAP_WEB_REC_RULES_H

#include <stdio.h>

#include "core/recommend.h"
#include "i18n/i18n.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/strmap.h"
#include "web/page.h"

/* How the page names what a rule names by key. */
struct rec_names {
	/* The name of person key, or NULL to write the key. */
	const char *(*person)(void *ctx, const char *key);
	/* The name of competency key in the reader's language, or NULL. */
	const char *(*competency)(void *ctx, const char *key);
	void *ctx;
	/* The team the page is about: a rule for it is not prefixed with its
	 * team; one for another (a department's sub-team) is. May be NULL. */
	const char *page_team;
};

/* The rule of it, in l, as plain text into out (the sentence the page
 * shows, cut to size): also the description a recommendation accepted
 * into a plan from a page gets, in the reader's language. */
void web_rec_text(char *out, size_t size, enum lang l, const struct recommendation *it,
		  const struct rec_names *nm);

/* The form that accepts it into person's plan (web/plan_page.c takes it):
 * ref its identity (plan_rec_ref), and the rule as names name it, in p's
 * language, as the action's description; a button "Add to the plan". */
void web_rec_accept_form(struct page *p, const char *person, const char *ref,
			 const struct recommendation *it, const struct rec_names *names);

/* Writes the rule of it, in l, to out as HTML text (every part escaped,
 * the translation too). */
void web_rec_rule(FILE *out, enum lang l, const struct recommendation *it,
		  const struct rec_names *names);

/* Reads the names of the mentors that r names to the reader (not the
 * withheld ones) and that known does not already name (returns NULL;
 * may be NULL), into names: key -> the name (a char * in a). 0, or -1
 * with err set. */
int web_rec_mentor_names(struct store *st, const struct recommendations *r,
			 const char *(*known)(void *ctx, const char *key), void *ctx,
			 struct strmap *names, struct arena *a, struct err *err);

#endif
