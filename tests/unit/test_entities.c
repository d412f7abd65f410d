/* One entity at a time, as the API reads and writes them (store/entities.c,
 * io/entities*.c): create, read, update and delete of teams, people,
 * competencies and roles from JSON, the refusals and their exact words,
 * cycles, pages across their boundaries with and without a team filter, a
 * person's evidence newest first, the patch parser on hand-made JSON, and
 * the documents' exact bytes. Each test works in a fresh database: SQLite,
 * or a database of its own on the PostgreSQL server that $COMPGAP_TEST_PG
 * names, so that every test runs on both engines. */
#include "testutil.h"
#include "store_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "io/entities.h"
#include "store/store.h"
#include "store/accounts.h"
#include "util/arena.h"
#include "util/jsonw.h"

struct fixture {
	struct db_place place;
	struct store *st;
	struct arena a;        /* the parsed patches' strings */
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct err err = { 0 };

	if (f == NULL)
		return -1;
	*state = f;
	arena_init(&f->a, 1 << 24);
	if (db_place_new(&f->place, "e") < 0)
		return -1;
	if (store_open(f->place.path, STORE_CREATE, &f->st, &err) < 0) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	int rc;

	store_close(f->st);
	arena_free(&f->a);
	rc = db_place_remove(&f->place);
	free(f);
	return rc;
}

/* ---- helpers ------------------------------------------------------------- */

static struct entity_patch parse(struct fixture *f, enum entity kind, enum patch_mode mode,
				 const char *json)
{
	struct entity_patch p;
	struct field_error fe;

	if (entity_patch_parse(kind, mode, json, strlen(json), &f->a, &p, &fe) < 0)
		fail_msg("%s: %s (%s)", json, fe.message, fe.field);
	return p;
}

/* Creates from JSON; asserts that it worked. */
static void create(struct fixture *f, enum entity kind, const char *json)
{
	struct entity_patch p = parse(f, kind, PATCH_CREATE, json);
	struct field_error fe;

	if (entity_create(f->st, &p, &fe) < 0)
		fail_msg("%s: %s [%s] (%s)", json, entity_error_name(fe.code), fe.message, fe.field);
}

/* Creates from JSON and expects a refusal with code, field and message. */
static void create_refused(struct fixture *f, enum entity kind, const char *json,
			   enum entity_error code, const char *field, const char *message)
{
	struct entity_patch p = parse(f, kind, PATCH_CREATE, json);
	struct field_error fe;

	assert_int_equal(entity_create(f->st, &p, &fe), -1);
	assert_string_equal(entity_error_name(fe.code), entity_error_name(code));
	assert_string_equal(fe.field, field);
	assert_string_equal(fe.message, message);
}

static void update(struct fixture *f, enum entity kind, const char *key, const char *json)
{
	struct entity_patch p = parse(f, kind, PATCH_UPDATE, json);
	struct field_error fe;

	if (entity_update(f->st, key, &p, &fe) < 0)
		fail_msg("%s: %s [%s] (%s)", json, entity_error_name(fe.code), fe.message, fe.field);
}

static void update_refused(struct fixture *f, enum entity kind, const char *key,
			   const char *json, enum entity_error code, const char *field,
			   const char *message)
{
	struct entity_patch p = parse(f, kind, PATCH_UPDATE, json);
	struct field_error fe;

	assert_int_equal(entity_update(f->st, key, &p, &fe), -1);
	assert_string_equal(entity_error_name(fe.code), entity_error_name(code));
	assert_string_equal(fe.field, field);
	assert_string_equal(fe.message, message);
}

static void delete_refused(struct fixture *f, enum entity kind, const char *key,
			   const char *message)
{
	struct field_error fe;

	assert_int_equal(entity_delete(f->st, kind, key, &fe), -1);
	assert_string_equal(entity_error_name(fe.code), "conflict");
	assert_int_equal(entity_error_status(&fe), 409);
	assert_string_equal(fe.message, message);
}

/* The document of one entity, in a static buffer: "" when there is none. */
static const char *doc(struct fixture *f, enum entity kind, const char *key)
{
	static struct jw w;
	static char text[16384];
	struct err err = { 0 };
	int rc;

	jw_init(&w, NULL, sizeof text);
	rc = entities_json_one(&w, f->st, kind, key, &err);
	if (rc < 0) {
		assert_int_equal(err.code, EX_NOINPUT);
		buf_free(&w.out);
		return "";
	}
	assert_int_equal(jw_finish(&w), 0);
	(void)snprintf(text, sizeof text, "%s", buf_str(&w.out));
	buf_free(&w.out);
	return text;
}

/* A page as a document, in a static buffer. */
static const char *page(struct fixture *f, enum entity kind, const struct page_query *q)
{
	static struct jw w;
	static char text[65536];
	struct err err = { 0 };

	jw_init(&w, NULL, sizeof text);
	if (entities_json_page(&w, f->st, kind, q, &err) < 0)
		fail_msg("page: %s", err.msg);
	assert_int_equal(jw_finish(&w), 0);
	(void)snprintf(text, sizeof text, "%s", buf_str(&w.out));
	buf_free(&w.out);
	return text;
}

/* The keys of a page, joined with spaces, and its cursor after '|'. */
struct keys {
	char text[1024];
};

static int add_team_key(void *ctx, const struct team *t)
{
	struct keys *k = ctx;
	size_t n = strlen(k->text);

	(void)snprintf(k->text + n, sizeof k->text - n, "%s%s", n ? " " : "", t->key);
	return 0;
}

static int add_person_key(void *ctx, const struct person *p)
{
	struct keys *k = ctx;
	size_t n = strlen(k->text);

	(void)snprintf(k->text + n, sizeof k->text - n, "%s%s", n ? " " : "", p->key);
	return 0;
}

static const char *team_page(struct fixture *f, const char *after, size_t limit, const char *team)
{
	static struct keys k;
	struct page_query q = { after, limit, team, PEOPLE_ALL };
	char next[KEY_MAX + 1];
	struct err err = { 0 };
	size_t n;

	k.text[0] = '\0';
	assert_int_equal(store_page_teams(f->st, &q, add_team_key, &k, next, &err), 0);
	n = strlen(k.text);
	(void)snprintf(k.text + n, sizeof k.text - n, "|%s", next);
	return k.text;
}

static const char *people_page(struct fixture *f, const char *after, size_t limit,
			       const char *team, enum person_state state)
{
	static struct keys k;
	struct page_query q = { after, limit, team, state };
	char next[KEY_MAX + 1];
	struct err err = { 0 };
	size_t n;

	k.text[0] = '\0';
	assert_int_equal(store_page_people(f->st, &q, add_person_key, &k, next, &err), 0);
	n = strlen(k.text);
	(void)snprintf(k.text + n, sizeof k.text - n, "|%s", next);
	return k.text;
}

/* Adds evidence rows from a JSON body; asserts that it worked. */
static void add_evidence(struct fixture *f, const char *json)
{
	const char **values;
	size_t n;
	bool array;
	long stored;
	struct field_error fe;

	assert_int_equal(evidence_json_parse(json, strlen(json), &f->a, &values, &n, &array, &fe), 0);
	if (evidence_add(f->st, values, n, array, NULL, &stored, &fe) < 0)
		fail_msg("%s: %s (%s)", json, fe.message, fe.field);
	assert_int_equal(stored, (long)n);
}

/* The organisation most tests use: kcc > phone > phone-night, kcc > mail;
 * a competency, a role; p1 manages p2 and p3. */
static void small_org(struct fixture *f)
{
	create(f, ENTITY_TEAM, "{\"key\": \"kcc\", \"name\": \"Customer contact\"}");
	create(f, ENTITY_TEAM, "{\"key\": \"phone\", \"name\": \"Phone\", \"parent\": \"kcc\"}");
	create(f, ENTITY_TEAM, "{\"key\": \"phone-night\", \"name\": \"Night\", \"parent\": \"phone\"}");
	create(f, ENTITY_TEAM, "{\"key\": \"mail\", \"name\": \"Mail\", \"parent\": \"kcc\"}");
	create(f, ENTITY_COMPETENCY, "{\"key\": \"listen\", \"name\": \"Listening\"}");
	create(f, ENTITY_ROLE, "{\"key\": \"agent\", \"requirements\":"
	       " [{\"competency\": \"listen\", \"required_level\": 3}]}");
	create(f, ENTITY_PERSON, "{\"id\": \"p1\", \"name\": \"Ann\", \"team\": \"kcc\"}");
	create(f, ENTITY_PERSON, "{\"id\": \"p2\", \"name\": \"Bo\", \"team\": \"phone\","
	       " \"manager\": \"p1\", \"role\": \"agent\"}");
	create(f, ENTITY_PERSON, "{\"id\": \"p3\", \"name\": \"Cy\", \"team\": \"phone-night\","
	       " \"manager\": \"p1\"}");
	create(f, ENTITY_PERSON, "{\"id\": \"p4\", \"name\": \"Di\", \"team\": \"mail\"}");
}

/* ---- create and read --------------------------------------------------------- */

static void test_create_and_read_every_entity(void **state)
{
	struct fixture *f = *state;

	create(f, ENTITY_TEAM, "{\"key\": \"kcc\", \"name\": \"Customer contact\"}");
	create(f, ENTITY_TEAM, "{\"key\": \"phone\", \"name\": \"Phone \\u00e9\", \"parent\": \"kcc\"}");
	assert_string_equal(doc(f, ENTITY_TEAM, "phone"),
			    "{\n  \"key\": \"phone\",\n  \"name\": \"Phone \xc3\xa9\",\n"
			    "  \"parent\": \"kcc\"\n}\n");
	create(f, ENTITY_COMPETENCY,
	       "{\"key\": \"listen\", \"name\": \"Listening\", \"category\": \"Contact\","
	       " \"developability\": \"high\", \"indicators\": [\"lets the customer finish\","
	       " \"sums up\"], \"levels\": [{\"level\": 3, \"descriptor\": \"steady\"},"
	       " {\"level\": 1, \"descriptor\": \"starts\"}]}");
	assert_string_equal(doc(f, ENTITY_COMPETENCY, "listen"),
			    "{\n  \"key\": \"listen\",\n  \"name\": \"Listening\",\n"
			    "  \"category\": \"Contact\",\n  \"description\": null,\n"
			    "  \"developability\": \"high\",\n"
			    "  \"indicators\": [\n    \"lets the customer finish\",\n    \"sums up\"\n  ],\n"
			    "  \"levels\": [\n    {\n      \"level\": 1,\n      \"descriptor\": \"starts\"\n"
			    "    },\n    {\n      \"level\": 3,\n      \"descriptor\": \"steady\"\n    }\n  ],\n  \"texts\": {}\n}\n");
	create(f, ENTITY_ROLE, "{\"key\": \"agent\", \"requirements\": [{\"competency\": \"listen\","
	       " \"required_level\": 3, \"weight\": 2}]}");
	assert_string_equal(doc(f, ENTITY_ROLE, "agent"),
			    "{\n  \"key\": \"agent\",\n  \"requirements\": [\n    {\n"
			    "      \"competency\": \"listen\",\n      \"required_level\": 3,\n"
			    "      \"weight\": 2\n    }\n  ],\n  \"texts\": {}\n}\n");
	create(f, ENTITY_ROLE, "{\"key\": \"trainee\"}");
	assert_string_equal(doc(f, ENTITY_ROLE, "trainee"),
			    "{\n  \"key\": \"trainee\",\n  \"requirements\": [],\n  \"texts\": {}\n}\n");
	create(f, ENTITY_PERSON, "{\"id\": \"p1\", \"name\": \"Ann\", \"email\": \"ann@example.org\","
	       " \"team\": \"phone\", \"role\": \"agent\", \"active\": true}");
	assert_string_equal(doc(f, ENTITY_PERSON, "p1"),
			    "{\n  \"id\": \"p1\",\n  \"name\": \"Ann\",\n  \"email\": \"ann@example.org\",\n"
			    "  \"team\": \"phone\",\n  \"role\": \"agent\",\n  \"manager\": null,\n"
			    "  \"active\": true\n}\n");
	assert_string_equal(doc(f, ENTITY_PERSON, "nobody"), "");
	assert_string_equal(doc(f, ENTITY_ROLE, "nobody"), "");
}

static void test_create_refuses_what_the_csv_refuses(void **state)
{
	struct fixture *f = *state;

	small_org(f);
	create_refused(f, ENTITY_TEAM, "{\"key\": \"kcc\", \"name\": \"Again\"}", EE_CONFLICT, "key",
		       "team 'kcc' exists already; change it with an update");
	create_refused(f, ENTITY_PERSON, "{\"id\": \"p9\", \"name\": \"Eve\", \"email\": \"eve\"}",
		       EE_INVALID, "email",
		       "'eve' is not an email address (name@example.org), or leave it empty");
	create_refused(f, ENTITY_PERSON, "{\"id\": \"p9\", \"name\": \"Eve\", \"team\": \"phoen\"}",
		       EE_INVALID, "team", "unknown team 'phoen'; did you mean 'phone'?");
	create_refused(f, ENTITY_PERSON, "{\"id\": \"p9\", \"name\": \" Eve\"}", EE_INVALID, "name",
		       "value ' Eve' begins or ends with a space; remove it");
	create_refused(f, ENTITY_PERSON, "{\"id\": \"p9\", \"name\": \"Eve\", \"manager\": \"p9\"}",
		       EE_INVALID, "manager", "'p9' cannot be their own manager");
	create_refused(f, ENTITY_PERSON, "{\"id\": \"p9\", \"name\": \"Eve\", \"manager\": \"p99\"}",
		       EE_INVALID, "manager",
		       "unknown person 'p99'; it is neither in this file nor stored");
	create_refused(f, ENTITY_TEAM, "{\"key\": \"\", \"name\": \"Empty\"}", EE_INVALID, "key",
		       "key is empty; it is required");
	create_refused(f, ENTITY_COMPETENCY, "{\"key\": \"c2\", \"name\": \"C\","
		       " \"developability\": \"huge\"}", EE_INVALID, "developability",
		       "'huge' is not high, medium or low (or empty)");
	create_refused(f, ENTITY_COMPETENCY, "{\"key\": \"c2\", \"name\": \"C\","
		       " \"indicators\": [\"ok\", \"\"]}", EE_INVALID, "indicators[1]",
		       "the indicator text is empty");
	create_refused(f, ENTITY_ROLE, "{\"key\": \"r2\", \"requirements\": [{\"competency\":"
		       " \"listen\", \"required_level\": 6}]}", EE_INVALID,
		       "requirements[0].required_level",
		       "required level 6 is out of range; it must be from 1 to 5");
	create_refused(f, ENTITY_ROLE, "{\"key\": \"r2\", \"requirements\": [{\"competency\":"
		       " \"listne\", \"required_level\": 2}]}", EE_INVALID,
		       "requirements[0].competency", "unknown competency 'listne'; did you mean 'listen'?");
	/* Nothing of the refused ones was stored: all or nothing. */
	assert_string_equal(doc(f, ENTITY_PERSON, "p9"), "");
	assert_string_equal(doc(f, ENTITY_COMPETENCY, "c2"), "");
	assert_string_equal(doc(f, ENTITY_ROLE, "r2"), "");
}

/* ---- update ----------------------------------------------------------------- */

static void test_update_changes_only_the_fields_given(void **state)
{
	struct fixture *f = *state;

	small_org(f);
	update(f, ENTITY_PERSON, "p2", "{\"email\": \"bo@example.org\"}");
	update(f, ENTITY_PERSON, "p2", "{\"name\": \"Bo B\", \"id\": \"p2\"}");
	assert_string_equal(doc(f, ENTITY_PERSON, "p2"),
			    "{\n  \"id\": \"p2\",\n  \"name\": \"Bo B\",\n  \"email\": \"bo@example.org\",\n"
			    "  \"team\": \"phone\",\n  \"role\": \"agent\",\n  \"manager\": \"p1\",\n"
			    "  \"active\": true\n}\n");
	update(f, ENTITY_PERSON, "p2", "{\"manager\": null, \"role\": null, \"active\": false}");
	assert_string_equal(doc(f, ENTITY_PERSON, "p2"),
			    "{\n  \"id\": \"p2\",\n  \"name\": \"Bo B\",\n  \"email\": \"bo@example.org\",\n"
			    "  \"team\": \"phone\",\n  \"role\": null,\n  \"manager\": null,\n"
			    "  \"active\": false\n}\n");
	update(f, ENTITY_TEAM, "phone", "{\"parent\": null}");
	assert_string_equal(doc(f, ENTITY_TEAM, "phone"),
			    "{\n  \"key\": \"phone\",\n  \"name\": \"Phone\",\n  \"parent\": null\n}\n");
	/* Levels replaced, indicators kept; then indicators emptied. */
	update(f, ENTITY_COMPETENCY, "listen", "{\"indicators\": [\"a\"], \"levels\":"
	       " [{\"level\": 2, \"descriptor\": \"two\"}]}");
	update(f, ENTITY_COMPETENCY, "listen", "{\"levels\": [{\"level\": 5, \"descriptor\": \"five\"}],"
	       " \"description\": \"hears\"}");
	assert_string_equal(doc(f, ENTITY_COMPETENCY, "listen"),
			    "{\n  \"key\": \"listen\",\n  \"name\": \"Listening\",\n  \"category\": null,\n"
			    "  \"description\": \"hears\",\n  \"developability\": null,\n"
			    "  \"indicators\": [\n    \"a\"\n  ],\n  \"levels\": [\n    {\n"
			    "      \"level\": 5,\n      \"descriptor\": \"five\"\n    }\n  ],\n  \"texts\": {}\n}\n");
	update(f, ENTITY_COMPETENCY, "listen", "{\"indicators\": [], \"levels\": []}");
	assert_string_equal(doc(f, ENTITY_COMPETENCY, "listen"),
			    "{\n  \"key\": \"listen\",\n  \"name\": \"Listening\",\n  \"category\": null,\n"
			    "  \"description\": \"hears\",\n  \"developability\": null,\n"
			    "  \"indicators\": [],\n  \"levels\": [],\n  \"texts\": {}\n}\n");
	/* A role's requirements are replaced whole. */
	create(f, ENTITY_COMPETENCY, "{\"key\": \"calm\", \"name\": \"Calm\"}");
	update(f, ENTITY_ROLE, "agent", "{\"requirements\": [{\"competency\": \"calm\","
	       " \"required_level\": 4, \"weight\": 3}]}");
	assert_string_equal(doc(f, ENTITY_ROLE, "agent"),
			    "{\n  \"key\": \"agent\",\n  \"requirements\": [\n    {\n"
			    "      \"competency\": \"calm\",\n      \"required_level\": 4,\n"
			    "      \"weight\": 3\n    }\n  ],\n  \"texts\": {}\n}\n");
}

static void test_update_refusals(void **state)
{
	struct fixture *f = *state;

	small_org(f);
	update_refused(f, ENTITY_TEAM, "kcc", "{\"key\": \"kcc2\"}", EE_INVALID, "key",
		       "the key of team 'kcc' cannot be changed (it names the team in every file);"
		       " create a new team instead");
	update_refused(f, ENTITY_PERSON, "p1", "{\"id\": \"p0\"}", EE_INVALID, "id",
		       "the id of person 'p1' cannot be changed (it names the person in every file);"
		       " create a new person instead");
	update_refused(f, ENTITY_TEAM, "nope", "{\"name\": \"N\"}", EE_NOT_FOUND, "", "no team 'nope'");
	update_refused(f, ENTITY_ROLE, "nope", "{\"requirements\": []}", EE_NOT_FOUND, "",
		       "no role 'nope'");
	/* Cycles: a team under its own sub-team, a manager under a report. */
	update_refused(f, ENTITY_TEAM, "kcc", "{\"parent\": \"phone-night\"}", EE_INVALID, "parent",
		       "team 'kcc' would be above itself (kcc > phone-night > phone > kcc);"
		       " teams form a tree");
	update_refused(f, ENTITY_PERSON, "p1", "{\"manager\": \"p2\"}", EE_INVALID, "manager",
		       "person 'p1' would be above itself (p1 > p2 > p1); managers cannot loop");
	update_refused(f, ENTITY_PERSON, "p1", "{\"email\": \"a@b\"}", EE_INVALID, "email",
		       "'a@b' is not an email address (name@example.org), or leave it empty");
	/* The refused updates changed nothing. */
	assert_string_equal(doc(f, ENTITY_TEAM, "kcc"),
			    "{\n  \"key\": \"kcc\",\n  \"name\": \"Customer contact\",\n  \"parent\": null\n}\n");
	assert_string_equal(doc(f, ENTITY_PERSON, "p1"),
			    "{\n  \"id\": \"p1\",\n  \"name\": \"Ann\",\n  \"email\": null,\n"
			    "  \"team\": \"kcc\",\n  \"role\": null,\n  \"manager\": null,\n"
			    "  \"active\": true\n}\n");
}

/* ---- delete ----------------------------------------------------------------- */

static void test_delete_is_refused_with_what_refers(void **state)
{
	struct fixture *f = *state;
	struct entity_refs r;
	struct err err = { 0 };

	small_org(f);
	create(f, ENTITY_PERSON, "{\"id\": \"p5\", \"name\": \"Ed\", \"team\": \"kcc\", \"active\": false}");
	add_evidence(f, "[{\"person\": \"p2\", \"competency\": \"listen\", \"level\": 3, \"source\": \"self\","
		     " \"date\": \"2026-01-05\"}, {\"person\": \"p2\", \"competency\": \"listen\", \"level\": 3.5,"
		     " \"source\": \"manager\", \"date\": \"2026-02-05\", \"assessor\": \"p1\"},"
		     " {\"person\": \"p2\", \"competency\": \"listen\", \"level\": 4, \"source\": \"peer\","
		     " \"date\": \"2026-03-05\", \"assessor\": \"p3\"}]");
	delete_refused(f, ENTITY_TEAM, "kcc",
		       "team 'kcc' has 2 people and 2 sub-teams; move or remove them first");
	delete_refused(f, ENTITY_TEAM, "phone-night", "team 'phone-night' has 1 person; move or remove"
		       " them first");
	delete_refused(f, ENTITY_PERSON, "p2", "person 'p2' has 3 evidence rows; deactivate the person"
		       " instead");
	delete_refused(f, ENTITY_PERSON, "p1", "person 'p1' has 1 evidence row as assessor and 2 reports;"
		       " deactivate the person instead");
	delete_refused(f, ENTITY_COMPETENCY, "listen", "competency 'listen' has 3 evidence rows and 1 role"
		       " that requires it; a competency with evidence cannot be deleted");
	delete_refused(f, ENTITY_ROLE, "agent", "role 'agent' has 1 person who holds it; give them another"
		       " role first");
	assert_int_equal(store_refs(f->st, ENTITY_PERSON, "p1", &r, &err), 0);
	assert_int_equal(r.assessed, 1);
	assert_int_equal(r.reports, 2);
	assert_int_equal(r.evidence, 0);
	assert_int_equal(store_refs(f->st, ENTITY_TEAM, "nope", &r, &err), -1);
	assert_int_equal(err.code, EX_NOINPUT);
	/* A competency without evidence, only required by a role. */
	create(f, ENTITY_COMPETENCY, "{\"key\": \"calm\", \"name\": \"Calm\"}");
	update(f, ENTITY_ROLE, "agent", "{\"requirements\": [{\"competency\": \"calm\","
	       " \"required_level\": 2}, {\"competency\": \"listen\", \"required_level\": 3}]}");
	delete_refused(f, ENTITY_COMPETENCY, "calm", "competency 'calm' has 1 role that requires it;"
		       " remove it from those roles first");
}

/* Users and tokens name a person (the one they sign in as) and teams (a
 * coach's): the delete is refused while they do, naming them. */
static void test_delete_is_refused_while_accounts_refer(void **state)
{
	struct fixture *f = *state;
	const char *const phone[] = { "phone" };
	const char *const both[] = { "phone", "mail" };
	struct store_account_new u = { "u1", "employee", "p4", NULL, 0, "$argon2id$x", "2026-01-01T00:00:00Z" };
	struct store_account_new c = { "c1", "coach", NULL, phone, 1, "$argon2id$y", "2026-01-01T00:00:00Z" };
	struct store_account_new t = { "t1", "coach", "p4", both, 2, "ab12", "2026-01-01T00:00:00Z" };
	struct entity_refs r;
	struct field_error fe;
	struct err err = { 0 };
	int64_t id;

	small_org(f);
	create(f, ENTITY_TEAM, "{\"key\": \"empty\", \"name\": \"Empty\"}");
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_user_add(f->st, &u, &id, &err), 0);
	assert_int_equal(store_user_add(f->st, &c, &id, &err), 0);
	assert_int_equal(store_token_add(f->st, &t, &id, &err), 0);
	assert_int_equal(store_commit(f->st, &err), 0);
	assert_int_equal(store_refs(f->st, ENTITY_PERSON, "p4", &r, &err), 0);
	assert_int_equal(r.accounts, 1);
	assert_int_equal(r.tokens, 1);
	assert_int_equal(store_refs(f->st, ENTITY_TEAM, "phone", &r, &err), 0);
	assert_int_equal(r.accounts, 1);
	assert_int_equal(r.tokens, 1);
	delete_refused(f, ENTITY_PERSON, "p4", "person 'p4' is linked to 1 user and 1 token;"
		       " deactivate the person instead");
	delete_refused(f, ENTITY_TEAM, "mail", "team 'mail' has 1 person, and is given to 1 token;"
		       " move or remove them first");
	delete_refused(f, ENTITY_TEAM, "phone", "team 'phone' has 1 person and 1 sub-team, and is given"
		       " to 1 user and 1 token; move or remove them first");
	create(f, ENTITY_COMPETENCY, "{\"key\": \"calm\", \"name\": \"Calm\"}");
	assert_int_equal(store_refs(f->st, ENTITY_COMPETENCY, "calm", &r, &err), 0);
	assert_int_equal(r.accounts + r.tokens, 0);
	/* only the accounts are left to name it */
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_user_remove(f->st, "u1", &err), 0);
	assert_int_equal(store_commit(f->st, &err), 0);
	delete_refused(f, ENTITY_PERSON, "p4", "person 'p4' is linked to 1 token; deactivate the person"
		       " instead");
	assert_int_equal(entity_delete(f->st, ENTITY_TEAM, "empty", &fe), 0);
}

static void test_delete_removes_what_it_owns(void **state)
{
	struct fixture *f = *state;
	struct field_error fe;
	struct page_query all = { NULL, 100, NULL, PEOPLE_ALL };

	small_org(f);
	assert_int_equal(entity_delete(f->st, ENTITY_PERSON, "p4", &fe), 0);
	assert_int_equal(entity_delete(f->st, ENTITY_TEAM, "mail", &fe), 0);
	assert_string_equal(doc(f, ENTITY_TEAM, "mail"), "");
	assert_string_equal(doc(f, ENTITY_PERSON, "p4"), "");
	create(f, ENTITY_COMPETENCY, "{\"key\": \"calm\", \"name\": \"Calm\", \"indicators\": [\"breathes\"],"
	       " \"levels\": [{\"level\": 2, \"descriptor\": \"two\"}]}");
	assert_int_equal(entity_delete(f->st, ENTITY_COMPETENCY, "calm", &fe), 0);
	assert_string_equal(doc(f, ENTITY_COMPETENCY, "calm"), "");
	/* p2 holds agent; free the role, then delete it with its requirement. */
	update(f, ENTITY_PERSON, "p2", "{\"role\": null}");
	assert_int_equal(entity_delete(f->st, ENTITY_ROLE, "agent", &fe), 0);
	assert_string_equal(page(f, ENTITY_ROLE, &all), "{\n  \"items\": [],\n  \"next_cursor\": null\n}\n");
	/* Now listen has no requirement and no evidence. */
	assert_int_equal(entity_delete(f->st, ENTITY_COMPETENCY, "listen", &fe), 0);
	assert_int_equal(entity_delete(f->st, ENTITY_TEAM, "mail", &fe), -1);
	assert_int_equal(entity_error_status(&fe), 404);
	assert_string_equal(fe.message, "no team 'mail'");
	/* A key created again after its delete is a new row. */
	create(f, ENTITY_TEAM, "{\"key\": \"mail\", \"name\": \"Mail again\"}");
	assert_string_equal(doc(f, ENTITY_TEAM, "mail"),
			    "{\n  \"key\": \"mail\",\n  \"name\": \"Mail again\",\n  \"parent\": null\n}\n");
}

static void test_deactivation(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };

	small_org(f);
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_set_active(f->st, "p3", false, &err), 0);
	assert_int_equal(store_set_active(f->st, "p9", false, &err), -1);
	assert_int_equal(err.code, EX_NOINPUT);
	assert_string_equal(err.msg, "no person 'p9'");
	assert_int_equal(store_commit(f->st, &err), 0);
	assert_string_equal(people_page(f, NULL, 10, NULL, PEOPLE_ACTIVE), "p1 p2 p4|");
	assert_string_equal(people_page(f, NULL, 10, NULL, PEOPLE_INACTIVE), "p3|");
	/* Everything else about p3 stays. */
	assert_string_equal(doc(f, ENTITY_PERSON, "p3"),
			    "{\n  \"id\": \"p3\",\n  \"name\": \"Cy\",\n  \"email\": null,\n"
			    "  \"team\": \"phone-night\",\n  \"role\": null,\n  \"manager\": \"p1\",\n"
			    "  \"active\": false\n}\n");
}

/* ---- pages ------------------------------------------------------------------- */

static void test_pages_cross_their_boundaries(void **state)
{
	struct fixture *f = *state;
	struct page_query q = { NULL, 2, NULL, PEOPLE_ALL };
	char next[KEY_MAX + 1];
	struct keys k = { "" };
	struct err err = { 0 };

	small_org(f);
	/* Keys in byte order on both engines: upper case before lower. */
	create(f, ENTITY_TEAM, "{\"key\": \"Z-team\", \"name\": \"Z\"}");
	assert_string_equal(team_page(f, NULL, 2, NULL), "Z-team kcc|kcc");
	assert_string_equal(team_page(f, "kcc", 2, NULL), "mail phone|phone");
	assert_string_equal(team_page(f, "phone", 2, NULL), "phone-night|");
	assert_string_equal(team_page(f, NULL, 6, NULL), "Z-team kcc mail phone phone-night|");
	assert_string_equal(team_page(f, NULL, 5, NULL), "Z-team kcc mail phone phone-night|");
	/* A team filter: the team and its sub-teams. */
	assert_string_equal(team_page(f, NULL, 1, "phone"), "phone|phone");
	assert_string_equal(team_page(f, "phone", 1, "phone"), "phone-night|");
	assert_string_equal(people_page(f, NULL, 1, "phone", PEOPLE_ALL), "p2|p2");
	assert_string_equal(people_page(f, "p2", 1, "phone", PEOPLE_ALL), "p3|");
	assert_string_equal(people_page(f, NULL, 3, "kcc", PEOPLE_ALL), "p1 p2 p3|p3");
	assert_string_equal(people_page(f, "p3", 3, "kcc", PEOPLE_ALL), "p4|");
	assert_string_equal(people_page(f, NULL, 3, "mail", PEOPLE_ALL), "p4|");
	assert_string_equal(people_page(f, NULL, 3, "Z-team", PEOPLE_ALL), "|");
	/* A cursor between keys, or past the end. */
	assert_string_equal(people_page(f, "p10", 2, NULL, PEOPLE_ALL), "p2 p3|p3");
	assert_string_equal(people_page(f, "zzz", 2, NULL, PEOPLE_ALL), "|");
	/* Refusals. */
	q.team = "phnoe";
	assert_int_equal(store_page_people(f->st, &q, add_person_key, &k, next, &err), -1);
	assert_int_equal(err.code, EX_DATAERR);
	assert_string_equal(err.msg, "unknown team 'phnoe'; did you mean 'phone'?");
	q.team = NULL;
	q.limit = 0;
	assert_int_equal(store_page_teams(f->st, &q, add_team_key, &k, next, &err), -1);
	assert_int_equal(err.code, EX_USAGE);
	q.limit = STORE_PAGE_MAX + 1;
	assert_int_equal(store_page_teams(f->st, &q, add_team_key, &k, next, &err), -1);
	assert_string_equal(err.msg, "limit 1001 is out of range; it must be from 1 to 1000");
}

static void test_page_documents(void **state)
{
	struct fixture *f = *state;
	struct page_query q = { NULL, 1, NULL, PEOPLE_ALL };

	small_org(f);
	assert_string_equal(page(f, ENTITY_TEAM, &q),
			    "{\n  \"items\": [\n    {\n      \"key\": \"kcc\",\n"
			    "      \"name\": \"Customer contact\",\n      \"parent\": null\n    }\n  ],\n"
			    "  \"next_cursor\": \"kcc\"\n}\n");
	q.after = "p3";
	q.limit = 5;
	assert_string_equal(page(f, ENTITY_PERSON, &q),
			    "{\n  \"items\": [\n    {\n      \"id\": \"p4\",\n      \"name\": \"Di\",\n"
			    "      \"email\": null,\n      \"team\": \"mail\",\n      \"role\": null,\n"
			    "      \"manager\": null,\n      \"active\": true\n    }\n  ],\n"
			    "  \"next_cursor\": null\n}\n");
	q.after = NULL;
	assert_string_equal(page(f, ENTITY_COMPETENCY, &q),
			    "{\n  \"items\": [\n    {\n      \"key\": \"listen\",\n"
			    "      \"name\": \"Listening\",\n      \"category\": null,\n"
			    "      \"description\": null,\n      \"developability\": null,\n"
			    "      \"indicators\": [],\n      \"levels\": [],\n      \"texts\": {}\n    }\n  ],\n"
			    "  \"next_cursor\": null\n}\n");
	assert_string_equal(page(f, ENTITY_ROLE, &q),
			    "{\n  \"items\": [\n    {\n      \"key\": \"agent\",\n"
			    "      \"requirements\": [\n        {\n          \"competency\": \"listen\",\n"
			    "          \"required_level\": 3,\n          \"weight\": 1\n        }\n      ],\n      \"texts\": {}\n"
			    "    }\n  ],\n  \"next_cursor\": null\n}\n");
}

/* ---- a person's evidence ------------------------------------------------------- */

static const char *evidence_page_as(struct fixture *f, const char *person, const char *after,
				    size_t limit, bool hide_peer_assessor)
{
	static struct jw w;
	static char text[16384];
	struct err err = { 0 };

	jw_init(&w, NULL, sizeof text);
	if (entities_json_evidence_page(&w, f->st, person, after, limit, hide_peer_assessor,
					&err) < 0) {
		buf_free(&w.out);
		(void)snprintf(text, sizeof text, "error %d: %s", err.code, err.msg);
		return text;
	}
	assert_int_equal(jw_finish(&w), 0);
	(void)snprintf(text, sizeof text, "%s", buf_str(&w.out));
	buf_free(&w.out);
	return text;
}

static const char *evidence_page(struct fixture *f, const char *person, const char *after,
				 size_t limit)
{
	return evidence_page_as(f, person, after, limit, false);
}

/* Asserts that text begins with want. */
static void expect_prefix(const char *text, const char *want)
{
	if (strncmp(text, want, strlen(want)) != 0)
		fail_msg("got:\n%s\nexpected it to begin with:\n%s", text, want);
}

static void test_evidence_newest_first(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	const char *text;

	small_org(f);
	/* ids 1..4; two on one date, so that the id breaks the tie. */
	add_evidence(f, "[{\"person\": \"p2\", \"competency\": \"listen\", \"level\": 3, \"source\": \"self\","
		     " \"date\": \"2026-01-05\"}, {\"person\": \"p2\", \"competency\": \"listen\", \"level\": 3.25,"
		     " \"source\": \"manager\", \"date\": \"2026-03-05\", \"assessor\": \"p1\", \"note\": \"ok\"},"
		     " {\"person\": \"p2\", \"competency\": \"listen\", \"level\": 4, \"source\": \"qa\","
		     " \"date\": \"2026-03-05\"}, {\"person\": \"p3\", \"competency\": \"listen\", \"level\": 2,"
		     " \"source\": \"self\", \"date\": \"2026-04-01\"}]");
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_retract_evidence(f->st, 2, "wrong person", &err), 0);
	assert_int_equal(store_commit(f->st, &err), 0);
	text = evidence_page(f, "p2", NULL, 2);
	expect_prefix(text,
			    "{\n  \"items\": [\n    {\n      \"id\": 3,\n      \"person\": \"p2\",\n"
			    "      \"competency\": \"listen\",\n      \"level\": 4.0,\n      \"source\": \"qa\",\n"
			    "      \"date\": \"2026-03-05\",\n      \"assessor\": null,\n      \"note\": null,\n      \"star\": null,\n"
			    "      \"retracted\": null\n    },\n    {\n      \"id\": 2,\n      \"person\": \"p2\",\n"
			    "      \"competency\": \"listen\",\n      \"level\": 3.25,\n"
			    "      \"source\": \"manager\",\n      \"date\": \"2026-03-05\",\n"
			    "      \"assessor\": \"p1\",\n      \"note\": \"ok\",\n      \"star\": null,\n      \"retracted\": {\n"
			    "        \"reason\": \"wrong person\",\n");
	/* The retraction's time, then the cursor of the next page. */
	text = strstr(text, "\"at\": \"");
	assert_non_null(text);
	assert_int_equal(text[7 + 4], '-');
	assert_string_equal(text + 7 + 20, "\"\n      }\n    }\n  ],\n  \"next_cursor\": \"2026-03-05/2\"\n}\n");
	assert_string_equal(evidence_page(f, "p2", "2026-03-05/2", 2),
			    "{\n  \"items\": [\n    {\n      \"id\": 1,\n      \"person\": \"p2\",\n"
			    "      \"competency\": \"listen\",\n      \"level\": 3.0,\n      \"source\": \"self\",\n"
			    "      \"date\": \"2026-01-05\",\n      \"assessor\": null,\n      \"note\": null,\n      \"star\": null,\n"
			    "      \"retracted\": null\n    }\n  ],\n  \"next_cursor\": null\n}\n");
	/* An employee sees no assessor of peer evidence, and every other. */
	add_evidence(f, "{\"person\": \"p4\", \"competency\": \"listen\", \"level\": 2,"
		     " \"source\": \"peer\", \"date\": \"2026-05-01\", \"assessor\": \"p1\"}");
	assert_non_null(strstr(evidence_page_as(f, "p4", NULL, 2, false), "\"assessor\": \"p1\""));
	assert_non_null(strstr(evidence_page_as(f, "p4", NULL, 2, true), "\"assessor\": null"));
	assert_non_null(strstr(evidence_page_as(f, "p2", NULL, 2, true), "\"assessor\": \"p1\""));
	assert_string_equal(evidence_page(f, "p1", NULL, 2),
			    "{\n  \"items\": [],\n  \"next_cursor\": null\n}\n");
	assert_string_equal(evidence_page(f, "p9", NULL, 2), "error 66: no person 'p9'");
	assert_string_equal(evidence_page(f, "p2", "2026-13-05/2", 2),
			    "error 65: cursor '2026-13-05/2' is not one this listing gave; start from the"
			    " first page");
	assert_string_equal(evidence_page(f, "p2", "2026-03-05/x", 2),
			    "error 65: cursor '2026-03-05/x' is not one this listing gave; start from the"
			    " first page");
}

/* ---- the parsers ------------------------------------------------------------- */

static void expect_parse_error(enum entity kind, enum patch_mode mode, const char *json,
			       size_t len, enum entity_error code, const char *field,
			       const char *message)
{
	struct arena a;
	struct entity_patch p;
	struct field_error fe;

	arena_init(&a, 1 << 20);
	assert_int_equal(entity_patch_parse(kind, mode, json, len, &a, &p, &fe), -1);
	assert_string_equal(entity_error_name(fe.code), entity_error_name(code));
	assert_string_equal(fe.field, field);
	if (message != NULL)
		assert_string_equal(fe.message, message);
	assert_int_equal(entity_error_status(&fe), 400);
	arena_free(&a);
}

#define BAD(kind, mode, json, code, field, message) \
	expect_parse_error(kind, mode, json, strlen(json), code, field, message)

static void test_patch_parser_refusals(void **state)
{
	static const char bad_utf8[] = "{\"key\": \"k\", \"name\": \"\xc3\x28\"}";

	(void)state;
	BAD(ENTITY_TEAM, PATCH_CREATE, "{\"key\": \"k\", \"name\": \"n\", \"colour\": 3}",
	    EE_UNKNOWN_FIELD, "colour", "unknown field 'colour'; the fields are key, name, parent");
	BAD(ENTITY_TEAM, PATCH_UPDATE, "{\"name\": 3}", EE_WRONG_TYPE, "name",
	    "name must be a string, not a whole number");
	BAD(ENTITY_TEAM, PATCH_UPDATE, "{\"name\": null}", EE_WRONG_TYPE, "name",
	    "name must be a string, not null");
	BAD(ENTITY_PERSON, PATCH_UPDATE, "{\"active\": \"yes\"}", EE_WRONG_TYPE, "active",
	    "active must be true or false, not a string");
	BAD(ENTITY_PERSON, PATCH_UPDATE, "{\"email\": [\"a@b.c\"]}", EE_WRONG_TYPE, "email",
	    "email must be a string or null, not an array");
	BAD(ENTITY_TEAM, PATCH_CREATE, "{\"key\": \"k\"}", EE_MISSING_FIELD, "name", "name is required");
	BAD(ENTITY_PERSON, PATCH_CREATE, "{\"name\": \"n\"}", EE_MISSING_FIELD, "id", "id is required");
	BAD(ENTITY_TEAM, PATCH_CREATE, "[1, 2]", EE_WRONG_TYPE, "",
	    "the body must be an object, not an array");
	BAD(ENTITY_TEAM, PATCH_CREATE, "{\"key\": \"k\", \"name\": \"n\"", EE_MALFORMED, "", NULL);
	BAD(ENTITY_TEAM, PATCH_CREATE, "", EE_MALFORMED, "", NULL);
	BAD(ENTITY_TEAM, PATCH_CREATE, "{\"key\": \"k\", \"key\": \"n\"}", EE_MALFORMED, "", NULL);
	BAD(ENTITY_TEAM, PATCH_CREATE, bad_utf8, EE_MALFORMED, "", NULL);
	BAD(ENTITY_TEAM, PATCH_CREATE, "{\"key\": \"k\\u0000x\", \"name\": \"n\"}", EE_MALFORMED, "", NULL);
	expect_parse_error(ENTITY_TEAM, PATCH_CREATE, "{\"key\": \"k\"}\0{", 14, EE_MALFORMED, "", NULL);
	BAD(ENTITY_TEAM, PATCH_CREATE, "{\"key\": \"k\", \"name\": \"n\"} {}", EE_MALFORMED, "", NULL);
	/* Nested garbage. */
	BAD(ENTITY_COMPETENCY, PATCH_UPDATE, "{\"indicators\": \"one\"}", EE_WRONG_TYPE, "indicators",
	    "indicators must be an array of strings, not a string");
	BAD(ENTITY_COMPETENCY, PATCH_UPDATE, "{\"indicators\": [\"a\", {\"b\": 1}]}", EE_WRONG_TYPE,
	    "indicators[1]", "indicators[1] must be a string, not an object");
	BAD(ENTITY_COMPETENCY, PATCH_UPDATE, "{\"levels\": [{\"level\": 2}]}", EE_MISSING_FIELD,
	    "levels[0].descriptor", "levels[0].descriptor is required");
	BAD(ENTITY_COMPETENCY, PATCH_UPDATE, "{\"levels\": [{\"level\": 2.5, \"descriptor\": \"x\"}]}",
	    EE_WRONG_TYPE, "levels[0].level", "levels[0].level must be a whole number, not a number");
	BAD(ENTITY_COMPETENCY, PATCH_UPDATE, "{\"levels\": [[[[[]]]]]}", EE_WRONG_TYPE, "levels[0]",
	    "levels[0] must be an object, not an array");
	BAD(ENTITY_ROLE, PATCH_UPDATE, "{\"requirements\": [{\"competency\": \"c\", \"required_level\": 2,"
	    " \"extra\": {}}]}", EE_UNKNOWN_FIELD, "requirements[0].extra",
	    "unknown field 'requirements[0].extra'; the fields are competency, required_level, weight");
	BAD(ENTITY_ROLE, PATCH_UPDATE, "{\"requirements\": [{\"competency\": \"c\"}]}", EE_MISSING_FIELD,
	    "requirements[0].required_level", "requirements[0].required_level is required");
	BAD(ENTITY_ROLE, PATCH_CREATE, "{\"key\": \"r\", \"name\": \"R\"}", EE_UNKNOWN_FIELD, "name",
	    "unknown field 'name'; the fields are key, requirements, texts");
}

static void test_patch_parser_fields(void **state)
{
	struct arena a;
	struct entity_patch p;
	struct field_error fe;
	const char *json = "{\"id\": \"p1\", \"email\": null, \"active\": false, \"team\": \"t\"}";

	(void)state;
	arena_init(&a, 1 << 20);
	assert_int_equal(entity_patch_parse(ENTITY_PERSON, PATCH_UPDATE, json, strlen(json), &a, &p,
					    &fe), 0);
	assert_string_equal(p.field[0], "p1");
	assert_null(p.field[1]);                 /* name: not given */
	assert_string_equal(p.field[2], "");     /* email: cleared */
	assert_string_equal(p.field[3], "t");
	assert_null(p.field[4]);
	assert_string_equal(p.field[6], "0");
	json = "{\"key\": \"r\", \"requirements\": [{\"competency\": \"c\", \"required_level\": 2,"
	       " \"weight\": null}]}";
	assert_int_equal(entity_patch_parse(ENTITY_ROLE, PATCH_CREATE, json, strlen(json), &a, &p,
					    &fe), 0);
	assert_true(p.has_requirements);
	assert_int_equal(p.nrequirements, 1);
	assert_string_equal(p.requirements[0].required_level, "2");
	assert_string_equal(p.requirements[0].weight, "");
	arena_free(&a);
}

static void test_evidence_from_json(void **state)
{
	struct fixture *f = *state;
	const char *json;
	const char **values;
	size_t n;
	bool array;
	long stored;
	int64_t count;
	struct field_error fe;
	struct err err = { 0 };

	small_org(f);
	/* One object. */
	json = "{\"person\": \"p2\", \"competency\": \"listen\", \"level\": 3.5, \"source\": \"self\","
	       " \"date\": \"2026-01-05\", \"note\": null}";
	assert_int_equal(evidence_json_parse(json, strlen(json), &f->a, &values, &n, &array, &fe), 0);
	assert_false(array);
	assert_int_equal(n, 1);
	assert_string_equal(values[2], "3.5");
	assert_string_equal(values[6], "");
	assert_null(values[5]);
	assert_int_equal(evidence_add(f->st, values, n, array, NULL, &stored, &fe), 0);
	assert_int_equal(stored, 1);
	/* An array whose second row is bad: none is stored, the CSV's words. */
	json = "[{\"person\": \"p2\", \"competency\": \"listen\", \"level\": 3, \"source\": \"self\","
	       " \"date\": \"2026-01-06\"}, {\"person\": \"p2\", \"competency\": \"listen\", \"level\": 7,"
	       " \"source\": \"self\", \"date\": \"2026-01-06\"}, {\"person\": \"p2\", \"competency\":"
	       " \"listen\", \"level\": 2, \"source\": \"boss\", \"date\": \"2026-01-06\"}]";
	assert_int_equal(evidence_json_parse(json, strlen(json), &f->a, &values, &n, &array, &fe), 0);
	assert_true(array);
	assert_int_equal(evidence_add(f->st, values, n, array, NULL, &stored, &fe), -1);
	assert_int_equal(entity_error_status(&fe), 422);
	assert_string_equal(fe.field, "[1].level");
	assert_string_equal(fe.message, "level 7 is out of range; it must be from 1 to 5");
	assert_int_equal(fe.problems, 2);
	assert_int_equal(stored, 0);
	assert_int_equal(store_count(f->st, ENTITY_EVIDENCE, &count, &err), 0);
	assert_int_equal(count, 1);
	json = "{\"person\": \"p2\", \"competency\": \"listen\", \"level\": 3, \"source\": \"self\","
	       " \"date\": \"05-01-2026\"}";
	assert_int_equal(evidence_json_parse(json, strlen(json), &f->a, &values, &n, &array, &fe), 0);
	assert_int_equal(evidence_add(f->st, values, n, array, NULL, &stored, &fe), -1);
	assert_string_equal(fe.field, "date");
	assert_string_equal(fe.message, "'05-01-2026' is not a date; write YYYY-MM-DD, such as 2026-03-31"
			    " (day-month-year is read only in a file separated by ';' or tabs)");
	json = "{\"person\": \"p22\", \"competency\": \"listen\", \"level\": 3, \"source\": \"self\","
	       " \"date\": \"2026-01-05\"}";
	assert_int_equal(evidence_json_parse(json, strlen(json), &f->a, &values, &n, &array, &fe), 0);
	assert_int_equal(evidence_add(f->st, values, n, array, NULL, &stored, &fe), -1);
	assert_string_equal(fe.field, "person");
	assert_string_equal(fe.message, "unknown person 'p22'; import them with people.csv first");
	/* The parser's own refusals. */
	json = "[{\"person\": \"p2\", \"competency\": \"listen\", \"level\": \"3\", \"source\": \"self\","
	       " \"date\": \"2026-01-05\"}]";
	assert_int_equal(evidence_json_parse(json, strlen(json), &f->a, &values, &n, &array, &fe), -1);
	assert_string_equal(fe.field, "[0].level");
	assert_string_equal(fe.message, "[0].level must be a number, not a string");
	json = "[{\"person\": \"p2\", \"competency\": \"listen\", \"level\": 3, \"source\": \"self\"}]";
	assert_int_equal(evidence_json_parse(json, strlen(json), &f->a, &values, &n, &array, &fe), -1);
	assert_string_equal(fe.field, "[0].date");
	assert_string_equal(entity_error_name(fe.code), "missing_field");
	json = "[]";
	assert_int_equal(evidence_json_parse(json, strlen(json), &f->a, &values, &n, &array, &fe), -1);
	json = "[1]";
	assert_int_equal(evidence_json_parse(json, strlen(json), &f->a, &values, &n, &array, &fe), -1);
	assert_string_equal(fe.message, "[0] must be an object, not a whole number");
}

static void test_error_document(void **state)
{
	struct field_error fe = { .code = EE_CONFLICT, .message = "team 'kcc' has 1 person; move or"
				  " remove them first" };
	static struct jw w;

	(void)state;
	jw_init(&w, NULL, 4096);
	entities_json_error(&w, &fe);
	assert_int_equal(jw_finish(&w), 0);
	assert_string_equal(buf_str(&w.out),
			    "{\n  \"error\": {\n    \"code\": \"conflict\",\n"
			    "    \"message\": \"team 'kcc' has 1 person; move or remove them first\",\n"
			    "    \"field\": null\n  }\n}\n");
	buf_free(&w.out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_create_and_read_every_entity, setup, teardown),
		cmocka_unit_test_setup_teardown(test_create_refuses_what_the_csv_refuses, setup, teardown),
		cmocka_unit_test_setup_teardown(test_update_changes_only_the_fields_given, setup, teardown),
		cmocka_unit_test_setup_teardown(test_update_refusals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_delete_is_refused_with_what_refers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_delete_is_refused_while_accounts_refer, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_delete_removes_what_it_owns, setup, teardown),
		cmocka_unit_test_setup_teardown(test_deactivation, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pages_cross_their_boundaries, setup, teardown),
		cmocka_unit_test_setup_teardown(test_page_documents, setup, teardown),
		cmocka_unit_test_setup_teardown(test_evidence_newest_first, setup, teardown),
		cmocka_unit_test(test_patch_parser_refusals),
		cmocka_unit_test(test_patch_parser_fields),
		cmocka_unit_test_setup_teardown(test_evidence_from_json, setup, teardown),
		cmocka_unit_test(test_error_document),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
