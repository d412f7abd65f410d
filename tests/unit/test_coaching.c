/* Coaching sessions without a store (store/coaching.h, io/coaching_json.h):
 * an item open and overdue at their boundaries, a follow-up's status, the
 * document's parsing with every refusal naming its field, and the
 * session's document as a reader who sees one agent of a group reads it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "io/coaching_json.h"
#include "util/date.h"

static int32_t day(const char *iso)
{
	int32_t d = 0;

	assert_int_equal(date_parse(iso, &d), 0);
	return d;
}

static void test_open_and_overdue(void **state)
{
	struct coach_item it = { .follow_up = day("2026-04-15") };

	(void)state;
	assert_true(coach_item_open(&it));
	assert_false(coach_item_overdue(&it, day("2026-04-15")));    /* due today: not yet */
	assert_true(coach_item_overdue(&it, day("2026-04-16")));
	it.status = "partly";
	assert_true(coach_item_open(&it));
	assert_true(coach_item_overdue(&it, day("2026-04-16")));
	it.status = "not_done";
	assert_true(coach_item_open(&it));
	it.status = "done";
	assert_false(coach_item_open(&it));
	assert_false(coach_item_overdue(&it, day("2027-01-01")));    /* done is never overdue */
}

static void test_status(void **state)
{
	enum coach_status s;

	(void)state;
	assert_int_equal(coach_status_parse("done", &s), 0);
	assert_int_equal(s, COACH_DONE);
	assert_int_equal(coach_status_parse("not_done", &s), 0);
	assert_int_equal(s, COACH_NOT_DONE);
	assert_int_equal(coach_status_parse("Done", &s), -1);
	assert_int_equal(coach_status_parse(NULL, &s), -1);
}

/* Parses json; expects a refusal of code naming field. */
static void refused(const char *json, enum entity_error code, const char *field)
{
	struct arena a;
	struct coach_session s;
	struct field_error fe = { 0 };

	arena_init(&a, 1 << 20);
	assert_int_equal(coaching_json_parse(json, strlen(json), &a, &s, &fe), -1);
	assert_int_equal(fe.code, code);
	assert_string_equal(fe.field, field);
	arena_free(&a);
}

#define HEAD "\"coach\": \"C\", \"date\": \"2026-04-01\", "

static void test_refusals(void **state)
{
	(void)state;
	refused("[1]", EE_WRONG_TYPE, "");
	refused("{\"coach\": \"C\", \"agent\": \"A\"}", EE_MISSING_FIELD, "date");
	refused("{" HEAD "\"agent\": \"A\", \"agents\": [\"B\"]}", EE_INVALID, "agent");
	refused("{" HEAD "\"agents\": [\"A\", 3]}", EE_WRONG_TYPE, "agents[1]");
	refused("{" HEAD "\"agents\": [\"A\", \"A\"]}", EE_INVALID, "agents[1]");
	refused("{" HEAD "\"agents\": []}", EE_INVALID, "agents");
	refused("{" HEAD "\"agent\": \"A\", \"mood\": 1}", EE_UNKNOWN_FIELD, "mood");
	refused("{" HEAD "\"agent\": \"A\", \"notes\": [{\"task\": \"\"}]}", EE_INVALID, "notes[0]");
	refused("{" HEAD "\"agent\": \"A\", \"items\": [{\"action\": \"x\", \"follow_up\": \"2026-05-01\"}]}",
		EE_INVALID, "items[0].competency");
	refused("{" HEAD "\"agent\": \"A\", \"items\": [{\"area\": \"g\", \"follow_up\": \"2026-05-01\"}]}",
		EE_MISSING_FIELD, "items[0].action");
	refused("{" HEAD "\"agent\": \"A\", \"items\": [{\"area\": \"g\", \"action\": \"x\","
		" \"follow_up\": \"2026-03-31\"}]}", EE_INVALID, "items[0].follow_up");
	refused("{" HEAD "\"agent\": \"A\", \"follow_ups\": [{\"item\": \"CS1\", \"status\": \"done\"}]}",
		EE_INVALID, "follow_ups[0].item");
	refused("{" HEAD "\"agent\": \"A\", \"follow_ups\": [{\"item\": \"CS1#1\", \"status\": \"ok\"}]}",
		EE_INVALID, "follow_ups[0].status");
	refused("{" HEAD "\"agent\": \"A\", \"key\": \" x\"}", EE_INVALID, "key");
}

/* The session as a reader who sees only agent A of the group (A, B). */
static bool only_a(void *ctx, const char *agent)
{
	(void)ctx;
	return strcmp(agent, "A") == 0;
}

static void test_filtered_document(void **state)
{
	const char *agents[] = { "A", "B" };
	struct coach_evaluation ev[] = { { "E1", "A", 20000, "K1", false },
					 { "E2", "B", 20001, "K2", false } };
	struct coach_star notes[] = { { NULL, { { "the group's", NULL, NULL, NULL } } },
				      { "B", { { "about B", NULL, NULL, NULL } } } };
	struct coach_item items[] = {
		{ .session = "S", .number = 1, .agent = "A", .area = "g", .action = "mine",
		  .follow_up = 20010 },
		{ .session = "S", .number = 2, .agent = "B", .area = "g", .action = "theirs",
		  .follow_up = 20010 },
	};
	struct coach_session s = { .key = "S", .coach = "C", .date = 20005, .agents = agents,
				   .nagents = 2, .evaluations = ev, .nevaluations = 2, .stars = notes,
				   .nstars = 2, .items = items, .nitems = 2 };
	struct coach_filter f = { only_a, NULL };
	struct jw w;
	const char *doc;

	(void)state;
	jw_init(&w, NULL, 1 << 20);
	coaching_json_session(&w, &s, &f, 20011);
	assert_int_equal(jw_finish(&w), 0);
	doc = buf_str(&w.out);
	assert_non_null(strstr(doc, "\"E1\""));
	assert_null(strstr(doc, "\"E2\""));
	assert_non_null(strstr(doc, "the group's"));
	assert_null(strstr(doc, "about B"));
	assert_non_null(strstr(doc, "\"S#1\""));
	assert_null(strstr(doc, "theirs"));
	assert_null(strstr(doc, "\"B\""));
	assert_non_null(strstr(doc, "\"overdue\": true"));     /* due 20010, read on 20011 */
	assert_non_null(strstr(doc, "\"group\": true"));
	buf_free(&w.out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_and_overdue),
		cmocka_unit_test(test_status),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_filtered_document),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
