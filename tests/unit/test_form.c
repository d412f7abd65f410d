/* The form decoder (http/form.h) and the checks of the pages' server side
 * (http/page_auth.h) on hand-written inputs. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include "http/form.h"
#include "http/page_auth.h"

struct parsed {
	struct arena arena;
	struct form f;
	char msg[160];
	int rc;
};

static void parse(struct parsed *p, const char *body)
{
	arena_init(&p->arena, 1 << 16);
	p->msg[0] = '\0';
	p->rc = form_parse(body, body != NULL ? strlen(body) : 0, &p->arena, &p->f, p->msg,
			   sizeof p->msg);
}

static void test_plus_and_escapes(void **state)
{
	struct parsed p;

	(void)state;
	parse(&p, "user=ann+de+vries&password=a%2Bb%26c%3Dd%25&next=%2Fteams%2Fkcc%3Fas_of%3D1");
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.f.n, 3);
	assert_string_equal(form_get(&p.f, "user"), "ann de vries");
	assert_string_equal(form_get(&p.f, "password"), "a+b&c=d%");
	assert_string_equal(form_get(&p.f, "next"), "/teams/kcc?as_of=1");
	assert_null(form_get(&p.f, "csrf_token"));
	arena_free(&p.arena);

	/* Names are decoded too; lower- and upper-case hex; UTF-8 kept. */
	parse(&p, "a%20b=%c3%A9t%C3%A9&%E2%82%AC=1");
	assert_int_equal(p.rc, 0);
	assert_string_equal(form_get(&p.f, "a b"), "\xc3\xa9t\xc3\xa9");
	assert_string_equal(form_get(&p.f, "\xe2\x82\xac"), "1");
	arena_free(&p.arena);
}

static void test_empty_pieces_and_bare_names(void **state)
{
	struct parsed p;

	(void)state;
	parse(&p, "");
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.f.n, 0);
	arena_free(&p.arena);
	parse(&p, NULL);
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.f.n, 0);
	arena_free(&p.arena);
	/* "&&" and a trailing "&" are skipped; "flag" has the empty value;
	 * "x=" too; a second '=' belongs to the value. */
	parse(&p, "&a=1&&flag&x=&eq=a=b&");
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.f.n, 4);
	assert_string_equal(form_get(&p.f, "a"), "1");
	assert_string_equal(form_get(&p.f, "flag"), "");
	assert_string_equal(form_get(&p.f, "x"), "");
	assert_string_equal(form_get(&p.f, "eq"), "a=b");
	arena_free(&p.arena);
}

static void test_repeated_fields(void **state)
{
	struct parsed p;

	(void)state;
	parse(&p, "team=kcc-phone&x=1&team=kcc-desk&team=kcc-online");
	assert_int_equal(p.rc, 0);
	assert_int_equal(form_count(&p.f, "team"), 3);
	assert_int_equal(form_count(&p.f, "x"), 1);
	assert_int_equal(form_count(&p.f, "y"), 0);
	assert_string_equal(form_get(&p.f, "team"), "kcc-phone");    /* the first */
	assert_string_equal(p.f.fields[2].value, "kcc-desk");
	assert_string_equal(p.f.fields[3].value, "kcc-online");
	arena_free(&p.arena);
}

static void test_bad_input_refused(void **state)
{
	static const char *const bad[] = {
		"a=%",          /* cut short */
		"a=%4",         /* cut short */
		"a=%G1",        /* not hex */
		"a=%1g",
		"a=%%41",
		"%zz=1",        /* in the name */
		"a=%00",        /* an escaped NUL */
		"a=%C3",        /* half a UTF-8 sequence */
		"a=%C0%AF",     /* an overlong '/' */
		"a=%ED%A0%80",  /* a surrogate */
		"a=%FF",
		"=1",           /* no name */
		"a=1&=2",
	};
	struct parsed p;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		parse(&p, bad[i]);
		if (p.rc != -1)
			fail_msg("'%s' was accepted", bad[i]);
		assert_true(p.msg[0] != '\0');
		arena_free(&p.arena);
	}
	/* A raw NUL in the body (len counts past it). */
	arena_init(&p.arena, 1 << 16);
	assert_int_equal(form_parse("a=1\0b", 5, &p.arena, &p.f, p.msg, sizeof p.msg), -1);
	assert_non_null(strstr(p.msg, "NUL"));
	arena_free(&p.arena);
}

static void test_limits(void **state)
{
	struct parsed p;
	char body[16384], name[FORM_NAME_MAX + 8], more[64];
	size_t n = 0;

	(void)state;
	/* FORM_FIELDS_MAX fields pass, one more does not. */
	for (int i = 0; i < FORM_FIELDS_MAX; i++)
		n += (size_t)snprintf(body + n, sizeof body - n, "%sf%d=%d", i ? "&" : "", i, i);
	parse(&p, body);
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.f.n, FORM_FIELDS_MAX);
	assert_string_equal(form_get(&p.f, "f63"), "63");
	arena_free(&p.arena);
	(void)snprintf(body + n, sizeof body - n, "&one=more");
	parse(&p, body);
	assert_int_equal(p.rc, -1);
	(void)snprintf(more, sizeof more, "more than %d fields", FORM_FIELDS_MAX);
	assert_non_null(strstr(p.msg, more));
	arena_free(&p.arena);

	/* A name of FORM_NAME_MAX bytes passes, one byte more does not. */
	memset(name, 'n', FORM_NAME_MAX);
	name[FORM_NAME_MAX] = '\0';
	(void)snprintf(body, sizeof body, "%s=1", name);
	parse(&p, body);
	assert_int_equal(p.rc, 0);
	arena_free(&p.arena);
	(void)snprintf(body, sizeof body, "%sn=1", name);
	parse(&p, body);
	assert_int_equal(p.rc, -1);
	arena_free(&p.arena);

	/* An arena too small for the form: refused, not overrun. */
	arena_init(&p.arena, 16);
	assert_int_equal(form_parse("user=someone-with-a-long-name", 29, &p.arena, &p.f, p.msg,
				    sizeof p.msg), -1);
	arena_free(&p.arena);
}

static void test_url_encode(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 256);
	assert_int_equal(form_url_encode(&b, "/teams/kcc?as_of=2026-01-31&x=a b"), 0);
	assert_string_equal(buf_str(&b), "/teams/kcc%3Fas_of%3D2026-01-31%26x%3Da%20b");
	buf_reset(&b);
	assert_int_equal(form_url_encode(&b, "\xc3\xa9~_.-"), 0);
	assert_string_equal(buf_str(&b), "%C3%A9~_.-");
	buf_free(&b);
	buf_init(&b, 4);
	assert_int_equal(form_url_encode(&b, "a b c"), -1);    /* the cap */
	buf_free(&b);
}

static void test_next_addresses(void **state)
{
	(void)state;
	assert_true(page_next_ok("/"));
	assert_true(page_next_ok("/library"));
	assert_true(page_next_ok("/teams/kcc?as_of=2026-01-31&lang=nl"));
	assert_false(page_next_ok(NULL));
	assert_false(page_next_ok(""));
	assert_false(page_next_ok("//evil.com"));
	assert_false(page_next_ok("//evil.com/x"));
	assert_false(page_next_ok("/\\evil.com"));
	assert_false(page_next_ok("/a\\b"));
	assert_false(page_next_ok("https://evil.com"));
	assert_false(page_next_ok("evil.com"));
	assert_false(page_next_ok("javascript:alert(1)"));
	assert_false(page_next_ok("/a\r\nSet-Cookie: x=1"));
	assert_false(page_next_ok("/\t/evil.com"));
}

static void test_same_origin(void **state)
{
	struct http_request r = { 0 };

	(void)state;
	r.host = "127.0.0.1:8080";
	assert_true(page_same_origin(&r));    /* no Origin: not a browser's form */
	r.origin = "http://127.0.0.1:8080";
	assert_true(page_same_origin(&r));
	r.origin = "https://127.0.0.1:8080";  /* TLS ended by a proxy */
	assert_true(page_same_origin(&r));
	r.origin = "http://127.0.0.1:8081";
	assert_false(page_same_origin(&r));
	r.origin = "https://evil.com";
	assert_false(page_same_origin(&r));
	r.origin = "null";
	assert_false(page_same_origin(&r));
	r.origin = "http://127.0.0.1:8080.evil.com";
	assert_false(page_same_origin(&r));
	r.origin = NULL;
	r.sec_fetch_site = "cross-site";
	assert_false(page_same_origin(&r));
	r.sec_fetch_site = "same-site";       /* a sibling host is another site */
	assert_false(page_same_origin(&r));
	r.sec_fetch_site = "same-origin";
	assert_true(page_same_origin(&r));
	/* What Chromium sends with the sign-in form under the server's
	 * Referrer-Policy: no-referrer (found by tests/e2e). */
	r.origin = "null";
	assert_true(page_same_origin(&r));
	r.origin = "http://127.0.0.1:8080";
	r.host = NULL;
	assert_false(page_same_origin(&r));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plus_and_escapes),
		cmocka_unit_test(test_empty_pieces_and_bare_names),
		cmocka_unit_test(test_repeated_fields),
		cmocka_unit_test(test_bad_input_refused),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_url_encode),
		cmocka_unit_test(test_next_addresses),
		cmocka_unit_test(test_same_origin),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
