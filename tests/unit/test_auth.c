/* The parts of src/auth/ that need no database: roles and names, the
 * password policy on hand-picked passwords, Argon2id hashes and their
 * rehash check, tokens and their hashes, the bound on hashes at once,
 * and the login throttle with an injected clock. */
#include "testutil.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "auth/auth_int.h"

/* ---- roles and names ---- */

static void test_roles(void **state)
{
	enum auth_role r;
	struct err err = { 0 };

	(void)state;
	for (int i = 0; i < AUTH_ROLE_COUNT; i++) {
		assert_int_equal(auth_role_parse(auth_role_name((enum auth_role)i), &r, &err), 0);
		assert_int_equal(r, i);
	}
	assert_int_equal(auth_role_parse("Admin", &r, &err), -1);
	assert_int_equal(err.code, EX_USAGE);
	assert_non_null(strstr(err.msg, "admin, hr, manager, coach and employee"));
	assert_string_equal(auth_role_name(AUTH_COACH), "coach");
}

static void test_names_and_links(void **state)
{
	struct err err = { 0 };

	(void)state;
	assert_int_equal(auth_check_name("anna.de-vries@kcc_2", "user", &err), 0);
	assert_int_equal(auth_check_name("", "user", &err), -1);
	assert_int_equal(auth_check_name("-anna", "user", &err), -1);
	assert_int_equal(auth_check_name("anna smit", "user", &err), -1);
	assert_non_null(strstr(err.msg, "has ' ' at 5"));
	assert_int_equal(auth_check_name("a1234567890123456789012345678901234567890123456789012345678901234",
					 "token", &err), -1);   /* 65 bytes */
	assert_int_equal(auth_check_links(AUTH_ADMIN, NULL, 0, &err), 0);
	assert_int_equal(auth_check_links(AUTH_HR, NULL, 0, &err), 0);
	assert_int_equal(auth_check_links(AUTH_MANAGER, NULL, 0, &err), -1);
	assert_non_null(strstr(err.msg, "--person"));
	assert_int_equal(auth_check_links(AUTH_EMPLOYEE, "p1", 0, &err), 0);
	assert_int_equal(auth_check_links(AUTH_COACH, NULL, 0, &err), -1);
	assert_non_null(strstr(err.msg, "--teams"));
	assert_int_equal(auth_check_links(AUTH_COACH, NULL, 2, &err), 0);
}

/* ---- the password policy ---- */

/* Refused, with a message that holds want. */
static void refused(const char *password, const char *user, const char *want)
{
	struct err err = { 0 };

	if (auth_password_check(password, user, &err) != -1)
		fail_msg("'%s' was accepted", password);
	assert_int_equal(err.code, EX_DATAERR);
	if (strstr(err.msg, want) == NULL)
		fail_msg("'%s': '%s' does not say '%s'", password, err.msg, want);
}

static void accepted(const char *password, const char *user)
{
	struct err err = { 0 };

	if (auth_password_check(password, user, &err) != 0)
		fail_msg("'%s' was refused: %s", password, err.msg);
}

static void test_policy_length(void **state)
{
	(void)state;
	refused("", "anna", "has 0 characters; it needs at least 12");
	refused("kort en zoe", NULL, "has 11 characters");
	refused("elevenchars", NULL, "has 11 characters");
	/* code points, not bytes: 11 of them in 33 bytes */
	refused("日本語のパスワードです", NULL, "has 11 characters");
	accepted("日本語のパスワードですね", NULL);
	/* twelve, none of them special */
	accepted("vlinderstoel", NULL);
	accepted("correct horse battery", "anna");
	accepted("Tandenborstel-kaffe-79", "anna");
	accepted("lösenordet är fint ju", "anna");
	refused("correct horse\tbattery", NULL, "control character");
	refused("correct horse \xff battery", NULL, "not valid UTF-8");
}

static void test_policy_common(void **state)
{
	char longest[AUTH_PASSWORD_MAX_BYTES + 2];

	(void)state;
	/* from the list */
	refused("qwerty123456", NULL, "one of the most common passwords");
	refused("Password1234", NULL, "one of the most common passwords");
	refused("1qaz2wsx3edc", NULL, "one of the most common passwords");
	refused("iloveyou1234", NULL, "common words");
	/* the user's name */
	refused("annabel-hanna-zee", "Hanna", "contains the user's name");
	accepted("annabel-hanna-zee", "piet");
	/* few characters, repeats, runs */
	refused("aaaaaaaaaaaa", NULL, "fewer than 4 different characters");
	refused("ääääääääääää", NULL, "fewer than 4 different");
	refused("abcdabcdabcd", NULL, "repeats its first 4 characters");
	refused("kaffekoppkaffekopp", NULL, "repeats its first 9 characters");
	refused("345678901234", NULL, "is a run of digits");
	refused("987654321098", NULL, "is a run of digits");
	/* common words, names and runs with digits and symbols around them */
	refused("Welkom2024!!", NULL, "common words");
	refused("WACHTWOORD-01", NULL, "common words");
	refused("Sommar2023!!", NULL, "common words");
	refused("Lösenord12345", NULL, "common words");
	refused("LÖSENORD12345", NULL, "common words");
	refused("losenord2025!", NULL, "common words");
	refused("P@ssw0rd2024", NULL, "common words");
	refused("w3lkom-w3lkom1", NULL, "common words");
	refused("qwertyuiop1!", NULL, "common words");
	refused("zomerwinter12", NULL, "common words");
	refused("Zxcvbnm12345", NULL, "common words");
	refused("welkomPiet2024", "piet", "contains the user's name");
	/* ... but not words among others */
	accepted("welkom bij de kapper", NULL);
	accepted("sommar i Stockholm med Pelle", NULL);
	memset(longest, 'x', sizeof longest - 1);
	longest[sizeof longest - 1] = '\0';
	refused(longest, NULL, "longer than 1024 bytes");
}

/* The list is sorted, as bsearch needs, and holds only what the length
 * rule lets through. */
static void test_common_list(void **state)
{
	(void)state;
	assert_true(auth_common_password_count > 300);
	for (size_t i = 0; i < auth_common_password_count; i++) {
		assert_true(strlen(auth_common_passwords[i]) >= AUTH_PASSWORD_MIN);
		if (i > 0)
			assert_true(strcmp(auth_common_passwords[i - 1], auth_common_passwords[i]) < 0);
	}
}

/* ---- hashes ---- */

static void test_hash_and_verify(void **state)
{
	char hash[AUTH_HASH_MAX], again[AUTH_HASH_MAX];
	struct err err = { 0 };

	(void)state;
	assert_int_equal(auth_password_hash("correct horse battery", hash, &err), 0);
	assert_memory_equal(hash, "$argon2id$v=19$m=65536,t=2,p=1$", 31);
	assert_int_equal(auth_password_verify(hash, "correct horse battery", &err), 1);
	assert_int_equal(auth_password_verify(hash, "correct horse batterY", &err), 0);
	assert_int_equal(auth_password_verify("not a hash", "correct horse battery", &err), 0);
	assert_int_equal(auth_password_needs_rehash(hash), 0);
	/* a new salt every time */
	assert_int_equal(auth_password_hash("correct horse battery", again, &err), 0);
	assert_string_not_equal(hash, again);
	assert_int_equal(auth_hashes_in_use(), 0);
}

static void test_needs_rehash(void **state)
{
	const struct auth_hash_params weak = { 1, 8u << 20 };
	const struct auth_hash_params more_passes = { 3, 64u << 20 };
	char hash[AUTH_HASH_MAX];
	struct err err = { 0 };

	(void)state;
	assert_int_equal(auth_password_hash_with(&weak, "correct horse battery", hash, &err), 0);
	assert_memory_equal(hash, "$argon2id$v=19$m=8192,t=1,p=1$", 30);
	assert_int_equal(auth_password_verify(hash, "correct horse battery", &err), 1);
	assert_int_equal(auth_password_needs_rehash(hash), 1);
	assert_int_equal(auth_password_hash_with(&more_passes, "x", hash, &err), 0);
	assert_int_equal(auth_password_needs_rehash(hash), 1);
	assert_int_equal(auth_password_needs_rehash("$2y$10$bcrypt.is.not.argon2id"), 1);
}

/* At most max hashes at once: three threads, one slot. */
static int most_at_once;
static pthread_mutex_t most_lock = PTHREAD_MUTEX_INITIALIZER;

static void *hash_one(void *arg)
{
	char hash[AUTH_HASH_MAX];
	struct err err = { 0 };

	(void)arg;
	if (auth_password_hash("correct horse battery", hash, &err) != 0)
		return (void *)1;
	return NULL;
}

static void *watch(void *arg)
{
	volatile int *stop = arg;

	while (!*stop) {
		int n = auth_hashes_in_use();

		pthread_mutex_lock(&most_lock);
		if (n > most_at_once)
			most_at_once = n;
		pthread_mutex_unlock(&most_lock);
	}
	return NULL;
}

static void test_hash_bound(void **state)
{
	pthread_t t[3], w;
	volatile int stop = 0;
	void *rc;

	(void)state;
	auth_set_max_hashes(1);
	assert_int_equal(pthread_create(&w, NULL, watch, (void *)&stop), 0);
	for (int i = 0; i < 3; i++)
		assert_int_equal(pthread_create(&t[i], NULL, hash_one, NULL), 0);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(pthread_join(t[i], &rc), 0);
		assert_null(rc);
	}
	stop = 1;
	assert_int_equal(pthread_join(w, NULL), 0);
	assert_int_equal(most_at_once, 1);
	assert_int_equal(auth_hashes_in_use(), 0);
	auth_set_max_hashes(2);
}

/* ---- tokens ---- */

static void test_tokens(void **state)
{
	char a[AUTH_TOKEN_MAX], b[AUTH_TOKEN_MAX], h[AUTH_TOKEN_HASH_HEX];

	(void)state;
	assert_int_equal(auth_token_new(AUTH_API_TOKEN_PREFIX, a), 0);
	assert_int_equal(auth_token_new(AUTH_API_TOKEN_PREFIX, b), 0);
	assert_int_equal(strlen(a), 4 + 43);
	assert_memory_equal(a, "cgt_", 4);
	assert_string_not_equal(a, b);
	assert_true(auth_token_well_formed(a, AUTH_API_TOKEN_PREFIX));
	assert_false(auth_token_well_formed(a, AUTH_SESSION_PREFIX));
	a[10] = '+';     /* base64, not base64url */
	assert_false(auth_token_well_formed(a, AUTH_API_TOKEN_PREFIX));
	b[strlen(b) - 1] = '\0';
	assert_false(auth_token_well_formed(b, AUTH_API_TOKEN_PREFIX));
	assert_false(auth_token_well_formed(NULL, AUTH_API_TOKEN_PREFIX));
	/* SHA-256 of "abc" (FIPS 180-2, appendix B.1) */
	auth_token_hash("abc", h);
	assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	assert_true(auth_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
	assert_false(auth_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ae"));
	assert_false(auth_equal(h, "ba78"));
}

/* ---- the throttle ---- */

static void test_throttle_pair(void **state)
{
	struct auth_throttle *t = auth_throttle_new();
	const int64_t t0 = 1800000000;

	(void)state;
	assert_non_null(t);
	/* three failures are free */
	for (int i = 0; i < THROTTLE_PAIR_FREE; i++) {
		assert_int_equal(auth_throttle_wait(t, "10.0.0.9", "anna", t0), 0);
		auth_throttle_failed(t, "10.0.0.9", "anna", t0);
	}
	assert_int_equal(auth_throttle_wait(t, "10.0.0.9", "anna", t0), 0);
	/* then 1 s, 2 s, 4 s after the last failure */
	auth_throttle_failed(t, "10.0.0.9", "anna", t0);
	assert_int_equal(auth_throttle_wait(t, "10.0.0.9", "anna", t0), 1);
	assert_int_equal(auth_throttle_wait(t, "10.0.0.9", "anna", t0 + 1), 0);
	auth_throttle_failed(t, "10.0.0.9", "anna", t0 + 1);
	assert_int_equal(auth_throttle_wait(t, "10.0.0.9", "anna", t0 + 1), 2);
	auth_throttle_failed(t, "10.0.0.9", "anna", t0 + 3);
	assert_int_equal(auth_throttle_wait(t, "10.0.0.9", "anna", t0 + 4), 3);
	/* the stranger's failures do not keep anna out from her own address,
	 * nor keep the stranger from another account */
	assert_int_equal(auth_throttle_wait(t, "192.0.2.7", "anna", t0 + 4), 0);
	assert_int_equal(auth_throttle_wait(t, "10.0.0.9", "piet", t0 + 4), 0);
	/* capped */
	for (int i = 0; i < 30; i++)
		auth_throttle_failed(t, "10.0.0.9", "anna", t0 + 10);
	assert_int_equal(auth_throttle_wait(t, "10.0.0.9", "anna", t0 + 10), THROTTLE_MAX_DELAY_S);
	/* a success forgets the pair's failures */
	auth_throttle_succeeded(t, "10.0.0.9", "anna");
	assert_int_equal(auth_throttle_wait(t, "10.0.0.9", "anna", t0 + 10),
			 auth_throttle_wait(t, "10.0.0.9", "nobody", t0 + 10));
	auth_throttle_free(t);
}

static void test_throttle_address(void **state)
{
	struct auth_throttle *t = auth_throttle_new();
	const int64_t t0 = 1800000000;
	char user[16];

	(void)state;
	/* ten failures from one address on ten accounts are free ... */
	for (int i = 0; i < THROTTLE_ADDRESS_FREE; i++) {
		(void)snprintf(user, sizeof user, "u%d", i);
		auth_throttle_failed(t, "2001:db8:1:2::10", user, t0);
	}
	assert_int_equal(auth_throttle_wait(t, "2001:db8:1:2::10", "anyone", t0), 0);
	/* ... the eleventh costs 1 s for any account from that address, and
	 * from its whole /64 */
	auth_throttle_failed(t, "2001:db8:1:2::10", "u10", t0);
	assert_int_equal(auth_throttle_wait(t, "2001:db8:1:2::10", "anyone", t0), 1);
	assert_int_equal(auth_throttle_wait(t, "2001:db8:1:2:ffff::1", "anyone", t0), 1);
	assert_int_equal(auth_throttle_wait(t, "2001:db8:1:3::10", "anyone", t0), 0);
	assert_int_equal(auth_throttle_wait(t, "10.0.0.9", "anyone", t0), 0);
	/* forgotten a day after the last failure */
	for (int i = 0; i < 30; i++)
		auth_throttle_failed(t, "2001:db8:1:2::10", "u0", t0);
	assert_int_equal(auth_throttle_wait(t, "2001:db8:1:2::10", "u0", t0 + 600), 300);
	assert_int_equal(auth_throttle_wait(t, "2001:db8:1:2::10", "u0",
					    t0 + THROTTLE_FORGET_S + 1), 0);
	auth_throttle_failed(t, "2001:db8:1:2::10", "u0", t0 + THROTTLE_FORGET_S + 1);
	assert_int_equal(auth_throttle_wait(t, "2001:db8:1:2::10", "u0",
					    t0 + THROTTLE_FORGET_S + 1), 0);
	auth_throttle_free(t);
}

/* Full of other addresses, it still counts the one under attack. */
static void test_throttle_bounded(void **state)
{
	struct auth_throttle *t = auth_throttle_new();
	const int64_t t0 = 1800000000;
	char address[32];

	(void)state;
	for (int i = 0; i < 5; i++)
		auth_throttle_failed(t, "10.0.0.9", "anna", t0 + 100);
	for (int i = 0; i < 20000; i++) {
		(void)snprintf(address, sizeof address, "10.%d.%d.%d", i >> 16, (i >> 8) & 255, i & 255);
		auth_throttle_failed(t, address, "piet", t0 + i / 1000);
	}
	assert_true(auth_throttle_wait(t, "10.0.0.9", "anna", t0 + 100) > 0);
	auth_throttle_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_names_and_links),
		cmocka_unit_test(test_policy_length),
		cmocka_unit_test(test_policy_common),
		cmocka_unit_test(test_common_list),
		cmocka_unit_test(test_hash_and_verify),
		cmocka_unit_test(test_needs_rehash),
		cmocka_unit_test(test_hash_bound),
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_throttle_pair),
		cmocka_unit_test(test_throttle_address),
		cmocka_unit_test(test_throttle_bounded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
