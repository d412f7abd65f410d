/* The privacy export's JSON document (io/privacy_json.h). */
#include <stdio.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "io/coaching_json.h"
#include "io/entities.h"
#include "io/json_accounts.h"
#include "io/plan_json.h"
#include "io/privacy_json.h"
#include "store/plans.h"
#include "store/privacy.h"
#include "store/star.h"
#include "util/date.h"

enum {
	ACCOUNTS_MAX = 64        /* users and tokens of one person named in "by" */
};

struct export {
	struct jw *w;
	struct store *st;
	const char *person;
	const struct privacy_export_opts *o;
	struct err *err;
	char actors[ACCOUNTS_MAX][80]; /* the audit log's names of their users and tokens */
	size_t nactors;
	int failed;
	const struct evidence_star_row *stars;   /* the person's STAR notes, by id */
	size_t nstars;
};

static void time_iso(int64_t t, char out[32])
{
	time_t s = (time_t)t;
	struct tm tm;

	if (gmtime_r(&s, &tm) == NULL || strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		(void)snprintf(out, 32, "%lld", (long long)t);
}

static void retraction(struct jw *w, const char *reason, const char *at)
{
	jw_key(w, "retracted");
	if (reason == NULL) {
		jw_null(w);
		return;
	}
	jw_object_begin(w);
	jw_field_string(w, "reason", reason);
	jw_field_string(w, "at", at);
	jw_object_end(w);
}

static int about_row(void *ctx, const struct evidence_entry *x)
{
	struct export *ex = ctx;
	struct jw *w = ex->w;
	bool hide = ex->o->hide_peer_assessors && x->e.source == SOURCE_PEER;

	jw_object_begin(w);
	jw_field_int(w, "id", x->e.id);
	jw_field_string(w, "competency", x->e.competency);
	jw_field_real(w, "level", x->e.level);
	jw_field_string(w, "source", source_name(x->e.source));
	jw_field_date(w, "date", x->e.date);
	jw_field_string(w, "assessor", hide ? NULL : x->e.assessor);
	jw_field_string(w, "note", x->e.note);
	entities_json_star(w, star_find(ex->stars, ex->nstars, x->e.id));
	retraction(w, x->reason, x->retracted_at);
	jw_object_end(w);
	return 0;
}

/* Every row about the person, page after page. */
static int write_evidence(struct export *ex)
{
	char after[EVIDENCE_CURSOR_MAX] = "", next[EVIDENCE_CURSOR_MAX];
	struct evidence_star_row *stars;
	struct arena a;
	int rc = 0;

	arena_init(&a, SIZE_MAX);
	if (store_person_stars(ex->st, ex->person, &a, &stars, &ex->nstars, ex->err) < 0) {
		arena_free(&a);
		return -1;
	}
	ex->stars = stars;
	jw_key(ex->w, "evidence");
	jw_array_begin(ex->w);
	do {
		if (store_page_evidence(ex->st, ex->person, after, STORE_PAGE_MAX, about_row, ex, next,
					ex->err) != 0) {
			rc = -1;
			break;
		}
		memcpy(after, next, sizeof after);
	} while (after[0] != '\0');
	jw_array_end(ex->w);
	ex->stars = NULL;
	arena_free(&a);
	return rc;
}

static int assessed_row(void *ctx, const struct privacy_assessed *a)
{
	struct jw *w = ((struct export *)ctx)->w;

	jw_object_begin(w);
	jw_field_int(w, "id", a->id);
	jw_field_string(w, "competency", a->competency);
	jw_field_real(w, "level", a->level);
	jw_field_string(w, "source", source_name(a->source));
	jw_field_date(w, "date", a->date);
	retraction(w, a->reason, a->retracted_at);
	jw_object_end(w);
	return 0;
}

static int session_row(void *ctx, const struct privacy_session *s)
{
	struct jw *w = ctx;
	char t[32];

	jw_object_begin(w);
	time_iso(s->created_at, t);
	jw_field_string(w, "created_at", t);
	time_iso(s->last_seen, t);
	jw_field_string(w, "last_seen", t);
	jw_field_string(w, "address", s->address);
	jw_object_end(w);
	return 0;
}

/* A user (tokens: 0) or token (1) linked to the person. */
struct logins {
	struct export *ex;
	int tokens;
};

static int login_row(void *ctx, const struct privacy_login *l)
{
	struct logins *x = ctx;
	struct export *ex = x->ex;
	struct jw *w = ex->w;
	int token = strcmp(l->kind, "token") == 0;

	if (token != x->tokens)
		return 0;
	if (ex->nactors < ACCOUNTS_MAX)
		(void)snprintf(ex->actors[ex->nactors++], sizeof ex->actors[0], "%s%s",
			       token ? "token:" : "", l->name);
	jw_object_begin(w);
	jw_field_string(w, "name", l->name);
	jw_field_string(w, "role", l->role);
	jw_key(w, "teams");
	json_team_keys(w, l->teams);
	jw_field_string(w, "created_at", l->created_at);
	if (token) {
		jw_field_bool(w, "revoked", l->disabled);
		jw_field_string(w, "revoked_at", l->changed_at);
	} else {
		jw_field_string(w, "changed_at", l->changed_at);
		jw_field_bool(w, "disabled", l->disabled);
		jw_field_string(w, "last_login", l->last_login);
		jw_key(w, "sessions");
		jw_array_begin(w);
		if (store_privacy_each_session(ex->st, l->name, session_row, w, ex->err) != 0) {
			ex->failed = 1;
			return 1;
		}
		jw_array_end(w);
	}
	jw_object_end(w);
	return 0;
}

static int write_logins(struct export *ex, int tokens)
{
	struct logins x = { ex, tokens };

	jw_key(ex->w, tokens ? "tokens" : "users");
	jw_array_begin(ex->w);
	if (store_privacy_each_login(ex->st, ex->person, login_row, &x, ex->err) != 0 || ex->failed)
		return -1;
	jw_array_end(ex->w);
	return 0;
}

static int concerning_row(void *ctx, const struct audit_entry *e)
{
	json_audit_entry(((struct export *)ctx)->w, e);
	return 0;
}

/* An entry by one of their accounts: what it says of another person is
 * that person's data, so their key is left out, and the detail with it
 * (it may hold the key: the path of a request). */
static int by_row(void *ctx, const struct audit_entry *e)
{
	struct export *ex = ctx;
	struct audit_entry x = *e;
	bool other = false;

	if (x.person != NULL && strcmp(x.person, ex->person) != 0)
		x.person = NULL, other = true;
	if (x.object_kind != NULL && strcmp(x.object_kind, "person") == 0 &&
	    x.object_key != NULL && strcmp(x.object_key, ex->person) != 0)
		x.object_key = NULL, other = true;
	if (other)
		x.detail = NULL;
	json_audit_entry(ex->w, &x);
	return 0;
}

static int write_audit(struct export *ex)
{
	struct audit_filter f = { .person = ex->person };

	jw_key(ex->w, "audit");
	jw_object_begin(ex->w);
	jw_key(ex->w, "concerning");
	jw_array_begin(ex->w);
	if (store_each_audit(ex->st, &f, concerning_row, ex, ex->err) != 0)
		return -1;
	jw_array_end(ex->w);
	jw_key(ex->w, "by");
	jw_array_begin(ex->w);
	for (size_t i = 0; i < ex->nactors; i++) {
		f = (struct audit_filter){ .user = ex->actors[i] };
		if (store_each_audit(ex->st, &f, by_row, ex, ex->err) != 0)
			return -1;
	}
	jw_array_end(ex->w);
	jw_object_end(ex->w);
	return 0;
}

/* The coaching sessions the person was coached at, each with only what
 * is about them and the group's notes (as they would read it themselves:
 * docs/security.md, "Coaching notes"). */
static bool only_person(void *ctx, const char *agent)
{
	return strcmp((const char *)ctx, agent) == 0;
}

static int write_coaching(struct export *ex)
{
	struct coach_brief *b;
	struct coach_item *items;
	size_t nb, ni;
	struct arena a;
	int rc = 0;

	arena_init(&a, 64 << 20);
	jw_key(ex->w, "coaching");
	jw_array_begin(ex->w);
	if (store_person_coaching(ex->st, ex->person, &a, &b, &nb, &items, &ni, ex->err) < 0)
		rc = -1;
	for (size_t i = 0; rc == 0 && i < nb; i++) {
		struct coach_session s;
		struct coach_filter f = { only_person, (void *)ex->person };
		int got = store_get_coaching(ex->st, b[i].key, &a, &s, ex->err);

		if (got < 0)
			rc = -1;
		else if (got == 1)
			coaching_json_session(ex->w, &s, &f, date_today());
	}
	jw_array_end(ex->w);
	arena_free(&a);
	return rc;
}

/* Their development plan (docs/api.md, "Development plans"), overdue as
 * of today; with hide_mentors (an export the person asks for), each
 * mentor named by team only. */
static int write_plan(struct jw *w, struct store *st, const char *person, bool hide_mentors,
		      struct err *err)
{
	struct arena a;
	struct plan_action *v;
	size_t n;
	int32_t today = date_today();

	arena_init(&a, (size_t)1 << 26);
	if (store_plan_of_person(st, person, &a, &v, &n, err) < 0) {
		arena_free(&a);
		return -1;
	}
	jw_key(w, "development_plan");
	jw_array_begin(w);
	for (size_t i = 0; i < n; i++) {
		/* Another person's key, as the peer assessors: their team only. */
		if (hide_mentors && v[i].mentor != NULL) {
			v[i].mentor = NULL;
			v[i].mentor_withheld = true;
		}
		plan_action_json(w, &v[i], today);
	}
	jw_array_end(w);
	arena_free(&a);
	return 0;
}

int privacy_export_json(struct jw *w, struct store *st, const char *person,
			const struct privacy_export_opts *o, struct err *err)
{
	struct export *ex;
	struct person p;
	struct arena a;
	int rc;

	arena_init(&a, 1 << 20);
	rc = store_get_person(st, person, &p, &a, err);
	if (rc <= 0) {
		arena_free(&a);
		return rc == 0 ? err_set(err, EX_NOINPUT, "no person '%s'", person) : -1;
	}
	ex = calloc(1, sizeof *ex);
	if (ex == NULL) {
		arena_free(&a);
		return err_set(err, EX_OSERR, "out of memory");
	}
	*ex = (struct export){ .w = w, .st = st, .person = person, .o = o, .err = err };
	jw_object_begin(w);
	jw_field_string(w, "format", "compgap-privacy-export/1");
	jw_key(w, "person");
	entities_json_person(w, &p);
	rc = write_evidence(ex);
	if (rc == 0) {
		jw_key(w, "assessed");
		jw_array_begin(w);
		rc = store_privacy_each_assessed(st, person, assessed_row, ex, err) != 0 ? -1 : 0;
		jw_array_end(w);
	}
	if (rc == 0)
		rc = write_coaching(ex);
	if (rc == 0)
		rc = write_plan(w, st, person, o->hide_peer_assessors, err);
	if (rc == 0)
		rc = write_logins(ex, 0);
	if (rc == 0)
		rc = write_logins(ex, 1);
	if (rc == 0)
		rc = write_audit(ex);
	jw_object_end(w);
	free(ex);
	arena_free(&a);
	return rc;
}
