/* The JSON documents of teams, people, competencies and roles, of pages of
 * them and of a person's evidence, through the streaming writer: the
 * command line's --json and the API write the same bytes. */
#include <string.h>
#include <sysexits.h>

#include "io/entities.h"
#include "io/entities_texts.h"
#include "store/star.h"

void entities_json_team(struct jw *w, const struct team *t)
{
	jw_object_begin(w);
	jw_field_string(w, "key", t->key);
	jw_field_string(w, "name", t->name);
	jw_field_string(w, "parent", t->parent);
	jw_object_end(w);
}

void entities_json_person(struct jw *w, const struct person *p)
{
	jw_object_begin(w);
	jw_field_string(w, "id", p->key);
	jw_field_string(w, "name", p->name);
	jw_field_string(w, "email", p->email);
	jw_field_string(w, "team", p->team);
	jw_field_string(w, "role", p->role);
	jw_field_string(w, "manager", p->manager);
	jw_field_bool(w, "active", p->active);
	jw_object_end(w);
}

/* Writes the indicators (level 0) or the level descriptors of a
 * competency: the store gives indicators first, then levels in order. */
struct indicator_writer {
	struct jw *w;
	int levels;           /* 0: write the indicators; 1: the descriptors */
	size_t n;             /* the indicators written */
};

static int write_indicator(void *ctx, const struct indicator *i)
{
	struct indicator_writer *x = ctx;

	if ((i->level > 0) != x->levels)
		return 0;
	if (!x->levels) {
		jw_string(x->w, i->text);
		x->n++;
		return 0;
	}
	jw_object_begin(x->w);
	jw_field_int(x->w, "level", i->level);
	jw_field_string(x->w, "descriptor", i->text);
	jw_object_end(x->w);
	return 0;
}

int entities_json_competency(struct jw *w, struct store *st, const struct competency *c,
			     struct err *err)
{
	struct indicator_writer x = { w, 0, 0 };
	int rc;

	jw_object_begin(w);
	jw_field_string(w, "key", c->key);
	jw_field_string(w, "name", c->name);
	jw_field_string(w, "category", c->category);
	jw_field_string(w, "description", c->description);
	jw_field_string(w, "developability",
			c->developability == DEV_UNSET ? NULL : developability_name(c->developability));
	jw_key(w, "indicators");
	jw_array_begin(w);
	rc = store_each_indicator(st, c->key, write_indicator, &x, err);
	jw_array_end(w);
	jw_key(w, "levels");
	jw_array_begin(w);
	x.levels = 1;
	if (rc == 0)
		rc = store_each_indicator(st, c->key, write_indicator, &x, err);
	jw_array_end(w);
	if (rc == 0)
		rc = entities_json_texts(w, st, ENTITY_COMPETENCY, c->key, x.n, err);
	jw_object_end(w);
	return rc;
}

static int write_requirement(void *ctx, const struct requirement *r)
{
	struct jw *w = ctx;

	jw_object_begin(w);
	jw_field_string(w, "competency", r->competency);
	jw_field_int(w, "required_level", r->required_level);
	jw_field_int(w, "weight", r->weight);
	jw_object_end(w);
	return 0;
}

int entities_json_role(struct jw *w, struct store *st, const char *role, struct err *err)
{
	int rc;

	jw_object_begin(w);
	jw_field_string(w, "key", role);
	jw_key(w, "requirements");
	jw_array_begin(w);
	rc = store_each_requirement(st, role, write_requirement, w, err);
	jw_array_end(w);
	if (rc == 0)
		rc = entities_json_texts(w, st, ENTITY_ROLE, role, 0, err);
	jw_object_end(w);
	return rc;
}

/* The callbacks of pages and of single rows. */
struct doc {
	struct jw *w;
	struct store *st;
	struct err *err;
	int found;
};

static int doc_team(void *ctx, const struct team *t)
{
	struct doc *d = ctx;

	d->found = 1;
	entities_json_team(d->w, t);
	return 0;
}

static int doc_person(void *ctx, const struct person *p)
{
	struct doc *d = ctx;

	d->found = 1;
	entities_json_person(d->w, p);
	return 0;
}

static int doc_competency(void *ctx, const struct competency *c)
{
	struct doc *d = ctx;

	d->found = 1;
	return entities_json_competency(d->w, d->st, c, d->err) < 0 ? -1 : 0;
}

static int doc_role(void *ctx, const char *role)
{
	struct doc *d = ctx;

	d->found = 1;
	return entities_json_role(d->w, d->st, role, d->err) < 0 ? -1 : 0;
}

/* A callback's -1 means the store failed inside it, with err set. */
static int doc_done(int rc)
{
	return rc != 0 ? -1 : 0;
}

int entities_json_one(struct jw *w, struct store *st, enum entity kind, const char *key,
		      struct err *err)
{
	static const char *const word[] = { "team", "person", "competency", "role" };
	struct doc d = { w, st, err, 0 };
	int rc;

	switch (kind) {
	case ENTITY_TEAM:
		rc = store_each_team(st, key, doc_team, &d, err);
		break;
	case ENTITY_PERSON:
		rc = store_each_person(st, key, doc_person, &d, err);
		break;
	case ENTITY_COMPETENCY:
		rc = store_each_competency(st, key, doc_competency, &d, err);
		break;
	case ENTITY_ROLE:
		rc = store_lookup(st, ENTITY_ROLE, key, NULL, err);
		if (rc > 0)
			return doc_done(doc_role(&d, key));
		break;
	default:
		return err_set(err, EX_SOFTWARE, "evidence has no document by key");
	}
	if (rc < 0)
		return -1;
	if (!d.found)
		return err_set(err, EX_NOINPUT, "no %s '%s'", word[kind], key);
	return doc_done(rc);
}

int entities_json_page(struct jw *w, struct store *st, enum entity kind,
		       const struct page_query *q, struct err *err)
{
	struct doc d = { w, st, err, 0 };
	char next[KEY_MAX + 1];
	int rc;

	jw_object_begin(w);
	jw_key(w, "items");
	jw_array_begin(w);
	switch (kind) {
	case ENTITY_TEAM:
		rc = store_page_teams(st, q, doc_team, &d, next, err);
		break;
	case ENTITY_PERSON:
		rc = store_page_people(st, q, doc_person, &d, next, err);
		break;
	case ENTITY_COMPETENCY:
		rc = store_page_competencies(st, q, doc_competency, &d, next, err);
		break;
	case ENTITY_ROLE:
		rc = store_page_roles(st, q, doc_role, &d, next, err);
		break;
	default:
		rc = err_set(err, EX_SOFTWARE, "evidence is listed by person");
		break;
	}
	jw_array_end(w);
	jw_field_string(w, "next_cursor", next[0] != '\0' ? next : NULL);
	jw_object_end(w);
	return doc_done(rc);
}

struct evidence_doc {
	struct jw *w;
	bool hide_peer_assessor;
	const struct evidence_star_row *stars;   /* the person's STAR notes, by id */
	size_t nstars;
};

/* "star": {"situation", "task", "action", "result"} (null where a part
 * is not given), or null when the row has no note. */
void entities_json_star(struct jw *w, const struct evidence_star *s)
{
	jw_key(w, "star");
	if (s == NULL) {
		jw_null(w);
		return;
	}
	jw_object_begin(w);
	for (int i = 0; i < STAR_PARTS; i++)
		jw_field_string_n(w, star_part_names[i], strlen(star_part_names[i]), s->part[i]);
	jw_object_end(w);
}

static int doc_evidence(void *ctx, const struct evidence_entry *x)
{
	const struct evidence_doc *d = ctx;
	struct jw *w = d->w;
	bool hide = d->hide_peer_assessor && x->e.source == SOURCE_PEER;

	jw_object_begin(w);
	jw_field_int(w, "id", x->e.id);
	jw_field_string(w, "person", x->e.person);
	jw_field_string(w, "competency", x->e.competency);
	jw_field_real(w, "level", x->e.level);
	jw_field_string(w, "source", source_name(x->e.source));
	jw_field_date(w, "date", x->e.date);
	jw_field_string(w, "assessor", hide ? NULL : x->e.assessor);
	jw_field_string(w, "note", x->e.note);
	entities_json_star(w, star_find(d->stars, d->nstars, x->e.id));
	jw_key(w, "retracted");
	if (x->reason == NULL) {
		jw_null(w);
	} else {
		jw_object_begin(w);
		jw_field_string(w, "reason", x->reason);
		jw_field_string(w, "at", x->retracted_at);
		jw_object_end(w);
	}
	jw_object_end(w);
	return 0;
}

int entities_json_evidence_page(struct jw *w, struct store *st, const char *person,
				const char *after, size_t limit, bool hide_peer_assessor,
				struct err *err)
{
	struct evidence_doc d = { w, hide_peer_assessor, NULL, 0 };
	char next[EVIDENCE_CURSOR_MAX];
	struct evidence_star_row *stars;
	struct arena a;
	int rc;

	arena_init(&a, SIZE_MAX);
	if (store_person_stars(st, person, &a, &stars, &d.nstars, err) < 0) {
		arena_free(&a);
		return -1;
	}
	d.stars = stars;
	jw_object_begin(w);
	jw_key(w, "items");
	jw_array_begin(w);
	rc = store_page_evidence(st, person, after, limit, doc_evidence, &d, next, err);
	jw_array_end(w);
	jw_field_string(w, "next_cursor", next[0] != '\0' ? next : NULL);
	jw_object_end(w);
	arena_free(&a);
	return doc_done(rc);
}

void entities_json_error(struct jw *w, const struct field_error *fe)
{
	jw_object_begin(w);
	jw_key(w, "error");
	jw_object_begin(w);
	jw_field_string(w, "code", entity_error_name(fe->code));
	jw_field_string(w, "message", fe->message);
	jw_field_string(w, "field", fe->field[0] != '\0' ? fe->field : NULL);
	jw_object_end(w);
	jw_object_end(w);
}
