/* One entity at a time, for the API: what refers to a row and its
 * deletion, deactivation of people, roles without requirements and the
 * clearing of a role's requirements. Creating and changing go through the
 * import (io/entities_edit.c). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "store/backend.h"
#include "store/okr.h"
#include "store/plans.h"
#include "store/texts.h"

static const char *const entity_word[ENTITY_KEYED] = { "team", "person", "competency", "role" };

/* ---- references and deletion ------------------------------------------- */

/* The id of key of kind, or EX_NOINPUT naming it. */
static int existing(struct store *st, enum entity kind, const char *key, int64_t *id,
		    struct err *err)
{
	int rc = store_lookup(st, kind, key, id, err);

	if (rc == 0)
		return err_set(err, EX_NOINPUT, "no %s '%s'", entity_word[kind], key);
	return rc < 0 ? -1 : 0;
}

int store_refs(struct store *st, enum entity kind, const char *key, struct entity_refs *out,
	       struct err *err)
{
	int64_t id;

	memset(out, 0, sizeof *out);
	if (kind >= ENTITY_KEYED)
		return err_set(err, EX_SOFTWARE, "evidence is not deleted by key");
	if (existing(st, kind, key, &id, err) < 0)
		return -1;
	return st->be->refs(st, kind, id, out, err);
}

/* Appends "N what" (with a plural s) to a list of what refers, with
 * commas and a final "and" put in by refs_message. */
static void add_part(char parts[][48], int *n, int64_t count, const char *one, const char *many)
{
	if (count > 0)
		(void)snprintf(parts[(*n)++], sizeof parts[0], "%" PRId64 " %s", count,
			       count == 1 ? one : many);
}

/* Joins parts[0..n) into list: "a", "a and b", "a, b and c". */
static void join_parts(char parts[][48], int n, char *list, size_t size)
{
	list[0] = '\0';
	for (int i = 0; i < n; i++) {
		size_t len = strlen(list);

		(void)snprintf(list + len, size - len, "%s%s", i == 0 ? "" : i == n - 1 ? " and " : ", ",
			       parts[i]);
	}
}

/* "team 'kcc' has 12 people and 3 sub-teams; move or remove them first",
 * "team 'kcc-desk' is given to 1 user and 1 token; ..." */
static int refs_refusal(enum entity kind, const char *key, const struct entity_refs *r,
			struct err *err)
{
	static const char *const advice[ENTITY_KEYED] = {
		"move or remove them first",
		"deactivate the person instead",
		"remove them first (evidence is kept for the record: a competency with"
		" evidence stays)",
		"give them another role first",
	};
	char parts[8][48], list[8 * 48 + 32], users[2][48], ulist[2 * 48 + 8];
	char what[sizeof list + sizeof ulist + 32];
	int n = 0, m = 0;

	add_part(parts, &n, r->people, kind == ENTITY_ROLE ? "person who holds it" : "person",
		 kind == ENTITY_ROLE ? "people who hold it" : "people");
	add_part(parts, &n, r->subteams, "sub-team", "sub-teams");
	add_part(parts, &n, r->evidence, "evidence row", "evidence rows");
	add_part(parts, &n, r->assessed, "evidence row as assessor", "evidence rows as assessor");
	add_part(parts, &n, r->reports, "report", "reports");
	add_part(parts, &n, r->requirements, "role that requires it", "roles that require it");
	if (kind == ENTITY_COMPETENCY)
		add_part(parts, &n, r->quality, "scorecard area", "scorecard areas");
	else
		add_part(parts, &n, r->quality, "quality evaluation", "quality evaluations");
	if (kind == ENTITY_COMPETENCY)
		add_part(parts, &n, r->coaching, "development item", "development items");
	else
		add_part(parts, &n, r->coaching, "coaching session", "coaching sessions");
	/* Accounts and tokens name people and teams too: a coach's teams, the
	 * person a user signs in as. */
	add_part(users, &m, r->accounts, "user", "users");
	add_part(users, &m, r->tokens, "token", "tokens");
	if (n == 0 && m == 0)
		return 0;
	join_parts(parts, n, list, sizeof list);
	join_parts(users, m, ulist, sizeof ulist);
	(void)snprintf(what, sizeof what, "%s%s%s%s%s", n > 0 ? "has " : "", list,
		       n > 0 && m > 0 ? ", and " : "",
		       m == 0 ? "" : kind == ENTITY_TEAM ? "is given to " : "is linked to ", ulist);
	/* Evidence is never removed, so a competency with evidence cannot
	 * go; roles that require it can be changed. */
	if (kind == ENTITY_COMPETENCY && r->evidence > 0)
		return err_set(err, EX_CANTCREAT, "competency '%s' %s; a competency with evidence"
			       " cannot be deleted", key, what);
	/* Scorecard areas keep their versions, which evaluations were scored
	 * on: a competency a scorecard ever used stays too. */
	if (kind == ENTITY_COMPETENCY && r->quality > 0)
		return err_set(err, EX_CANTCREAT, "competency '%s' %s; a competency that scorecards"
			       " use cannot be deleted", key, what);
	if (kind == ENTITY_TEAM && n == 0)
		return err_set(err, EX_CANTCREAT, "team '%s' %s; remove the users and revoke the"
			       " tokens that name it first (compgap user remove, compgap token"
			       " revoke)", key, what);
	return err_set(err, EX_CANTCREAT, "%s '%s' %s; %s", entity_word[kind], key, what,
		       kind == ENTITY_COMPETENCY ? "remove it from those roles first" : advice[kind]);
}

/* Development plans keep their person, competency and mentor: a row that
 * one names stays (docs/data-model.md, "Development plans"). */
static int plan_refusal(struct store *st, enum entity kind, const char *key, int64_t id,
			struct err *err)
{
	int64_t n;

	if (store_plan_refs(st, kind, id, &n, err) < 0)
		return -1;
	if (n == 0)
		return 0;
	return err_set(err, EX_CANTCREAT, "%s '%s' has %lld development plan action%s%s; it"
		       " cannot be deleted (a person who left is made inactive)", entity_word[kind],
		       key, (long long)n, n == 1 ? "" : "s",
		       kind == ENTITY_PERSON ? " (theirs, or as mentor)" : "");
}

/* Objectives keep their team and owner, key results their competency: a
 * row that one names stays (docs/data-model.md, "OKRs"). */
static int okr_refusal(struct store *st, enum entity kind, const char *key, int64_t id,
		       struct err *err)
{
	int64_t n;

	if (store_okr_refs(st, kind, id, &n, err) < 0)
		return -1;
	if (n == 0)
		return 0;
	switch (kind) {
	case ENTITY_TEAM:
		return err_set(err, EX_CANTCREAT, "team '%s' has %lld objective%s; it cannot be"
			       " deleted", key, (long long)n, n == 1 ? "" : "s");
	case ENTITY_PERSON:
		return err_set(err, EX_CANTCREAT, "person '%s' owns %lld objective%s; they cannot be"
			       " deleted (a person who left is made inactive)", key, (long long)n,
			       n == 1 ? "" : "s");
	default:
		return err_set(err, EX_CANTCREAT, "competency '%s' is measured by %lld key result%s;"
			       " it cannot be deleted", key, (long long)n, n == 1 ? "" : "s");
	}
}

/* Forgets the cached keys of kind: a deleted key must not be found. */
static void forget_keys(struct store *st, enum entity kind)
{
	strmap_free(&st->keys[kind]);
	st->keys_loaded[kind] = 0;
}

int store_delete(struct store *st, enum entity kind, const char *key, struct err *err)
{
	struct entity_refs r;
	int64_t id;

	if (!st->in_tx)
		return err_set(err, EX_SOFTWARE, "write outside a transaction");
	/* A member or a sub-team added by another writer after the count
	 * would be left pointing at nothing; the foreign keys refuse that
	 * too, but with a message that names no one. */
	if ((kind == ENTITY_TEAM || kind == ENTITY_PERSON) && store_lock_tree(st, kind, err) < 0)
		return -1;
	if (store_refs(st, kind, key, &r, err) < 0 || refs_refusal(kind, key, &r, err) < 0)
		return -1;
	if (existing(st, kind, key, &id, err) < 0)
		return -1;
	if (plan_refusal(st, kind, key, id, err) < 0 || okr_refusal(st, kind, key, id, err) < 0)
		return -1;
	/* What the row owns goes with it. */
	if (store_forget_library_texts(st, kind, id, err) < 0)
		return -1;
	if (kind == ENTITY_COMPETENCY && st->be->replace_indicators(st, id, NULL, 0, err) < 0)
		return -1;
	if (kind == ENTITY_ROLE && st->be->clear_requirements(st, id, err) < 0)
		return -1;
	if (st->be->delete_row(st, kind, id, err) < 0)
		return -1;
	forget_keys(st, kind);
	return 0;
}

int store_set_active(struct store *st, const char *key, bool active, struct err *err)
{
	struct arena a;
	struct person p;
	int rc;

	arena_init(&a, 1 << 16);
	rc = store_get_person(st, key, &p, &a, err);
	if (rc == 0)
		rc = err_set(err, EX_NOINPUT, "no person '%s'", key);
	if (rc > 0) {
		p.active = active;
		p.keep = KEEP_EMAIL | KEEP_TEAM | KEEP_ROLE | KEEP_MANAGER;
		rc = store_put_person(st, &p, err);
	}
	arena_free(&a);
	return rc < 0 ? -1 : 0;
}

int store_create_role(struct store *st, const char *key, struct err *err)
{
	int64_t id;
	int rc;

	if (!st->in_tx)
		return err_set(err, EX_SOFTWARE, "write outside a transaction");
	rc = store_lookup(st, ENTITY_ROLE, key, NULL, err);
	if (rc != 0)
		return rc < 0 ? -1 : err_set(err, EX_CANTCREAT, "role '%s' exists already", key);
	if (st->be->put_role(st, key, &id, err) < 0)
		return -1;
	forget_keys(st, ENTITY_ROLE);
	return 0;
}

int store_clear_requirements(struct store *st, const char *role, struct err *err)
{
	int64_t id;

	if (!st->in_tx)
		return err_set(err, EX_SOFTWARE, "write outside a transaction");
	if (existing(st, ENTITY_ROLE, role, &id, err) < 0)
		return -1;
	return st->be->clear_requirements(st, id, err);
}

