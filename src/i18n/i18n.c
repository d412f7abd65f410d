/* The translations of i18n.h: the catalogues built into the binary
 * (catalogues.h) are parsed once, at the first call from whichever
 * thread, into one hash table per language, so that a lookup costs a
 * hash and a comparison or two and allocates nothing. The choice of
 * language is in negotiate.c, numbers and dates in format.c. */
#include "i18n/i18n.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "i18n/catalogues.h"
#include "i18n/po.h"

/* One language's translations. */
struct table {
	struct po_catalogue cat;         /* the parsed catalogue, owned */
	const struct po_entry **slots;   /* open addressing: the translated
					  * entries, NULL for a free slot */
	size_t mask;                     /* number of slots - 1 (a power of
					  * two), 0 when there are none */
};

static struct table tables[LANG_COUNT];
static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static struct err load_err;          /* the first problem the load met */

/* FNV-1a over the context, a separator (gettext's EOT) and the msgid. */
static uint64_t key_hash(const char *context, const char *msgid)
{
	uint64_t h = 1469598103934665603ULL;

	if (context != NULL) {
		for (const char *p = context; *p != '\0'; p++)
			h = (h ^ (unsigned char)*p) * 1099511628211ULL;
		h = (h ^ 4u) * 1099511628211ULL;
	}
	for (const char *p = msgid; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	return h;
}

static bool key_equal(const struct po_entry *e, const char *context, const char *msgid)
{
	if ((e->context == NULL) != (context == NULL))
		return false;
	if (context != NULL && strcmp(e->context, context) != 0)
		return false;
	return strcmp(e->msgid, msgid) == 0;
}

static const struct po_entry *table_find(const struct table *t, const char *context,
					 const char *msgid)
{
	if (t->slots == NULL)
		return NULL;
	for (size_t i = (size_t)key_hash(context, msgid) & t->mask;; i = (i + 1) & t->mask) {
		const struct po_entry *e = t->slots[i];

		if (e == NULL || key_equal(e, context, msgid))
			return e;
	}
}

/* Indexes the translated entries of t->cat; the load stays under one
 * half so that a miss ends soon. */
static int table_build(struct table *t)
{
	size_t cap = 16;

	while (cap < 2 * t->cat.count + 2)
		cap *= 2;
	t->slots = calloc(cap, sizeof *t->slots);
	if (t->slots == NULL)
		return -1;
	t->mask = cap - 1;
	for (size_t k = 0; k < t->cat.count; k++) {
		const struct po_entry *e = &t->cat.entries[k];
		size_t i;

		if (!e->translated)
			continue;
		for (i = (size_t)key_hash(e->context, e->msgid) & t->mask; t->slots[i] != NULL;
		     i = (i + 1) & t->mask)
			;
		t->slots[i] = e;
	}
	return 0;
}

static void load_one(const struct po_source *src)
{
	enum lang l;
	struct table *t;
	struct po_catalogue cat;
	struct err err;

	if (!lang_parse(src->lang, &l) || strlen(src->lang) != 2 || l == LANG_EN) {
		if (load_err.code == 0)
			err_set(&load_err, EX_SOFTWARE, "%s: no language of ours is called '%s' "
				"(enum lang in src/i18n/i18n.h)", src->path, src->lang);
		return;
	}
	t = &tables[l];
	if (po_parse(&cat, src->path, src->text, src->size, &err) < 0) {
		if (load_err.code == 0)
			load_err = err;
		return;
	}
	if (strcmp(cat.language, src->lang) != 0) {
		if (load_err.code == 0)
			err_set(&load_err, EX_DATAERR, "%s: its header says Language: %s", src->path,
				cat.language);
		po_free(&cat);
		return;
	}
	t->cat = cat;
	if (table_build(t) < 0) {
		if (load_err.code == 0)
			err_set(&load_err, EX_OSERR, "%s: out of memory", src->path);
		po_free(&t->cat);
		t->mask = 0;
	}
}

static void load(void)
{
	err_clear(&load_err);
	for (size_t i = 0; i < po_sources_count; i++)
		load_one(&po_sources[i]);
	for (int l = LANG_EN + 1; l < LANG_COUNT && load_err.code == 0; l++)
		if (tables[l].slots == NULL)
			err_set(&load_err, EX_SOFTWARE, "no catalogue po/%s.po for the language '%s'",
				lang_code((enum lang)l), lang_code((enum lang)l));
}

int i18n_check(struct err *err)
{
	pthread_once(&load_once, load);
	if (load_err.code == 0)
		return 0;
	if (err != NULL)
		*err = load_err;
	return -1;
}

/* The translated entry of (context, msgid) in l, or NULL. */
static const struct po_entry *lookup(enum lang l, const char *context, const char *msgid)
{
	if (l == LANG_EN || (unsigned)l >= LANG_COUNT || msgid == NULL)
		return NULL;
	pthread_once(&load_once, load);
	return table_find(&tables[l], context, msgid);
}

const char *tr(enum lang l, const char *msgid)
{
	const struct po_entry *e = lookup(l, NULL, msgid);

	return e != NULL && e->msgid_plural == NULL ? e->msgstr[0] : msgid;
}

const char *trc(enum lang l, const char *context, const char *msgid)
{
	const struct po_entry *e = lookup(l, context, msgid);

	return e != NULL && e->msgid_plural == NULL ? e->msgstr[0] : msgid;
}

const char *trn(enum lang l, const char *singular, const char *plural, unsigned long n)
{
	const struct po_entry *e = lookup(l, NULL, singular);
	long form;

	if (e == NULL || e->msgid_plural == NULL || strcmp(e->msgid_plural, plural) != 0)
		return n == 1 ? singular : plural;
	form = po_plural(tables[l].cat.plural, n);
	if (form < 0 || form >= e->forms)
		return n == 1 ? singular : plural;
	return e->msgstr[form];
}
