/* The multipart/form-data parser (http/multipart.h) on hand-written
 * bodies: what a browser sends for the import page's form, and the ways
 * a body can be wrong. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include "http/multipart.h"

struct parsed {
	struct arena arena;
	struct form f;
	struct multipart_file file;
	char msg[160];
	int rc;
};

static void parse(struct parsed *p, const char *body, size_t len, const char *boundary)
{
	arena_init(&p->arena, 1 << 16);
	p->msg[0] = '\0';
	p->rc = multipart_parse(body, len, boundary, &p->arena, &p->f, &p->file, p->msg,
				sizeof p->msg);
}

#define BODY(s) s, sizeof s - 1

static void test_browser_form(void **state)
{
	static const char body[] =
		"------WebKitFormBoundaryX\r\n"
		"Content-Disposition: form-data; name=\"csrf_token\"\r\n\r\n"
		"tok123\r\n"
		"------WebKitFormBoundaryX\r\n"
		"Content-Disposition: form-data; name=\"kind\"\r\n\r\n"
		"people\r\n"
		"------WebKitFormBoundaryX\r\n"
		"Content-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\n"
		"Content-Type: text/csv\r\n\r\n"
		"key,name\r\nA-1,Ann\r\n\r\n"
		"------WebKitFormBoundaryX--\r\n";
	struct parsed p;

	(void)state;
	parse(&p, BODY(body), "----WebKitFormBoundaryX");
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.f.n, 2);
	assert_string_equal(form_get(&p.f, "csrf_token"), "tok123");
	assert_string_equal(form_get(&p.f, "kind"), "people");
	assert_string_equal(p.file.field, "file");
	assert_string_equal(p.file.filename, "people.csv");
	assert_string_equal(p.file.content_type, "text/csv");
	/* The content's own last CRLF is kept; only the delimiter's is not. */
	assert_int_equal(p.file.len, strlen("key,name\r\nA-1,Ann\r\n"));
	assert_memory_equal(p.file.data, "key,name\r\nA-1,Ann\r\n", p.file.len);
	/* The content is not copied: it points into the body. */
	assert_true(p.file.data > body && p.file.data < body + sizeof body);
	arena_free(&p.arena);
}

/* The boundary's text inside the content, not after a CRLF, and "--X"
 * lines that are a prefix of the delimiter, are content. */
static void test_boundary_in_content(void **state)
{
	static const char body[] =
		"--XYZ\r\n"
		"Content-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n"
		"a--XYZ,b\r\n--XY\r\n--XYZW-not\r\n"
		"\r\n--XYZ--";
	struct parsed p;

	(void)state;
	parse(&p, BODY(body), "XYZ");
	/* "\r\n--XYZW" begins with the delimiter: a browser never chooses
	 * a boundary found in the content, so it ends the part here. */
	assert_int_equal(p.rc, -1);
	arena_free(&p.arena);

	static const char body2[] =
		"--XYZ\r\n"
		"Content-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n"
		"a--XYZ,b\r\n--XY\r\nz\r\n--XYZ--";
	parse(&p, BODY(body2), "XYZ");
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.file.len, strlen("a--XYZ,b\r\n--XY\r\nz"));
	assert_memory_equal(p.file.data, "a--XYZ,b\r\n--XY\r\nz", p.file.len);
	arena_free(&p.arena);
}

static void test_no_file_and_empty_file(void **state)
{
	static const char none[] =
		"--b\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nteams\r\n--b--\r\n";
	static const char empty[] =
		"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
		"Content-Type: application/octet-stream\r\n\r\n\r\n--b--\r\n";
	struct parsed p;

	(void)state;
	parse(&p, BODY(none), "b");
	assert_int_equal(p.rc, 0);
	assert_null(p.file.field);
	assert_null(p.file.data);
	assert_string_equal(form_get(&p.f, "kind"), "teams");
	arena_free(&p.arena);
	parse(&p, BODY(empty), "b");
	assert_int_equal(p.rc, 0);
	assert_string_equal(p.file.field, "file");
	assert_string_equal(p.file.filename, "");
	assert_int_equal(p.file.len, 0);
	assert_int_equal(p.f.n, 0);
	arena_free(&p.arena);
}

static void test_preamble_binary_and_case(void **state)
{
	static const char body[] =
		"ignored preamble\r\n--b\r\n"
		"content-disposition: Form-Data; NAME=note\r\n\r\n"
		"x\r\n--b\r\n"
		"Content-Disposition: form-data; name=\"f\"; filename=\"z.bin\"\r\n\r\n"
		"\0\1\2\r\n--b--epilogue";
	struct parsed p;

	(void)state;
	parse(&p, BODY(body), "b");
	assert_int_equal(p.rc, 0);
	assert_string_equal(form_get(&p.f, "note"), "x");
	assert_int_equal(p.file.len, 3);
	assert_memory_equal(p.file.data, "\0\1\2", 3);
	arena_free(&p.arena);
}

static void test_refused(void **state)
{
	static const struct {
		const char *body;
		const char *msg;
	} bad[] = {
		{ "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx", "cut short" },
		{ "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--b", "cut short" },
		{ "no delimiter at all", "cut short" },
		{ "", "cut short" },
		{ "--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--", "without a name" },
		{ "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--", "without a name" },
		{ "--b\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nx\r\n--b--", "without a name" },
		{ "--b\r\nContent-Disposition: form-data; name=\"a\"; filename=\"1\"\r\n\r\nx\r\n--b\r\n"
		  "Content-Disposition: form-data; name=\"c\"; filename=\"2\"\r\n\r\ny\r\n--b--",
		  "more than one file" },
		{ "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\xff\r\n--b--", "UTF-8" },
		{ "--bX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--b--", "cut short" },
	};
	struct parsed p;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		parse(&p, bad[i].body, strlen(bad[i].body), "b");
		assert_int_equal(p.rc, -1);
		assert_non_null(strstr(p.msg, bad[i].msg));
		arena_free(&p.arena);
	}
	/* A NUL in a text field. */
	static const char nul[] = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\0y\r\n--b--";
	parse(&p, BODY(nul), "b");
	assert_int_equal(p.rc, -1);
	assert_non_null(strstr(p.msg, "NUL"));
	arena_free(&p.arena);
}

static void test_too_many_fields(void **state)
{
	/* Each part is at most 64 bytes; sized from the limit, which grows
	 * (a fixed 8 KiB overflowed when it went from 64 to 256). */
	char body[(FORM_FIELDS_MAX + 1) * 64 + 16];
	size_t n = 0;
	struct parsed p;

	(void)state;
	for (int i = 0; i <= FORM_FIELDS_MAX; i++)
		n += (size_t)snprintf(body + n, sizeof body - n,
				      "--b\r\nContent-Disposition: form-data; name=\"f%d\"\r\n\r\n%d\r\n",
				      i, i);
	n += (size_t)snprintf(body + n, sizeof body - n, "--b--");
	parse(&p, body, n, "b");
	assert_int_equal(p.rc, -1);
	assert_non_null(strstr(p.msg, "more than"));
	arena_free(&p.arena);
}

static void test_boundary_header(void **state)
{
	char b[MULTIPART_BOUNDARY_MAX + 1];
	char longb[120];

	(void)state;
	assert_int_equal(multipart_boundary("multipart/form-data; boundary=----WebKitFormBoundaryQ1", b), 0);
	assert_string_equal(b, "----WebKitFormBoundaryQ1");
	assert_int_equal(multipart_boundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b\"", b), -1);
	assert_int_equal(multipart_boundary("multipart/form-data; boundary=\"abc\"", b), 0);
	assert_string_equal(b, "abc");
	assert_int_equal(multipart_boundary("multipart/form-data; charset=x; boundary=q;x=1", b), 0);
	assert_string_equal(b, "q");
	assert_int_equal(multipart_boundary("multipart/form-data", b), -1);
	assert_int_equal(multipart_boundary("multipart/form-data; boundary=", b), -1);
	assert_int_equal(multipart_boundary("text/csv; boundary=abc", b), -1);
	assert_int_equal(multipart_boundary(NULL, b), -1);
	memset(longb, 'a', sizeof longb);
	(void)snprintf(longb, sizeof longb, "multipart/form-data; boundary=%071d", 7);
	assert_int_equal(multipart_boundary(longb, b), -1);    /* 71 characters */
	(void)snprintf(longb, sizeof longb, "multipart/form-data; boundary=%070d", 7);
	assert_int_equal(multipart_boundary(longb, b), 0);
	assert_int_equal(strlen(b), 70);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_browser_form),
		cmocka_unit_test(test_boundary_in_content),
		cmocka_unit_test(test_no_file_and_empty_file),
		cmocka_unit_test(test_preamble_binary_and_case),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_too_many_fields),
		cmocka_unit_test(test_boundary_header),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
