/* Password hashes: Argon2id through libsodium's crypto_pwhash_str, and a
 * counting semaphore that bounds how many are computed at once, so that
 * a burst of logins costs at most login.max_hashes × 64 MiB of memory
 * and waits in turn instead of exhausting it. */
#include <errno.h>
#include <pthread.h>
#include <sodium.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "auth/auth_int.h"

const struct auth_hash_params auth_hash_default = {
	crypto_pwhash_OPSLIMIT_INTERACTIVE,    /* 2 passes */
	crypto_pwhash_MEMLIMIT_INTERACTIVE     /* 64 MiB */
};

_Static_assert(crypto_pwhash_OPSLIMIT_INTERACTIVE >= 2, "at least 2 passes");
_Static_assert(crypto_pwhash_MEMLIMIT_INTERACTIVE >= 19u << 20, "at least 19 MiB");
_Static_assert(crypto_pwhash_STRBYTES <= AUTH_HASH_MAX, "room for a hash string");

static pthread_once_t sodium_once = PTHREAD_ONCE_INIT;
static int sodium_status = -1;

static void start_sodium(void)
{
	sodium_status = sodium_init() >= 0 ? 0 : -1;
}

int auth_sodium_ready(void)
{
	(void)pthread_once(&sodium_once, start_sodium);
	return sodium_status;
}

/* The semaphore: slots in use and the most there may be. */
static pthread_mutex_t slots_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t slots_freed = PTHREAD_COND_INITIALIZER;
static int slots_used;
static int slots_max = 2;

void auth_set_max_hashes(int n)
{
	pthread_mutex_lock(&slots_lock);
	slots_max = n < 1 ? 1 : n;
	pthread_cond_broadcast(&slots_freed);
	pthread_mutex_unlock(&slots_lock);
}

int auth_hashes_in_use(void)
{
	int n;

	pthread_mutex_lock(&slots_lock);
	n = slots_used;
	pthread_mutex_unlock(&slots_lock);
	return n;
}

/* Takes a slot, waiting at most AUTH_HASH_WAIT_S; 0, or -1 with err set. */
static int slot_take(struct err *err)
{
	struct timespec until;
	int rc = 0;

	(void)clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += AUTH_HASH_WAIT_S;
	pthread_mutex_lock(&slots_lock);
	while (slots_used >= slots_max && rc == 0)
		rc = pthread_cond_timedwait(&slots_freed, &slots_lock, &until);
	if (slots_used < slots_max) {
		slots_used++;
		rc = 0;
	}
	pthread_mutex_unlock(&slots_lock);
	if (rc != 0)
		return err_set(err, EX_TEMPFAIL,
			       "too many sign-ins at once: no password could be checked within %d s;"
			       " try again", AUTH_HASH_WAIT_S);
	return 0;
}

static void slot_give(void)
{
	pthread_mutex_lock(&slots_lock);
	slots_used--;
	pthread_cond_signal(&slots_freed);
	pthread_mutex_unlock(&slots_lock);
}

int auth_password_hash_with(const struct auth_hash_params *p, const char *password,
			    char out[AUTH_HASH_MAX], struct err *err)
{
	int rc;

	if (auth_sodium_ready() < 0)
		return err_set(err, EX_SOFTWARE, "libsodium could not start");
	if (slot_take(err) < 0)
		return -1;
	rc = crypto_pwhash_str(out, password, strlen(password), p->opslimit, p->memlimit);
	slot_give();
	if (rc != 0)
		return err_set(err, EX_OSERR, "out of memory while hashing a password (%zu MiB)",
			       p->memlimit >> 20);
	return 0;
}

int auth_password_hash(const char *password, char out[AUTH_HASH_MAX], struct err *err)
{
	return auth_password_hash_with(&auth_hash_default, password, out, err);
}

int auth_password_verify(const char *hash, const char *password, struct err *err)
{
	int rc;

	if (auth_sodium_ready() < 0)
		return err_set(err, EX_SOFTWARE, "libsodium could not start");
	if (hash == NULL || strnlen(hash, AUTH_HASH_MAX) >= AUTH_HASH_MAX)
		return 0;
	if (slot_take(err) < 0)
		return -1;
	rc = crypto_pwhash_str_verify(hash, password, strlen(password));
	slot_give();
	return rc == 0;
}

int auth_password_needs_rehash(const char *hash)
{
	if (auth_sodium_ready() < 0 || hash == NULL)
		return 1;
	/* 1: other parameters; -1: not an Argon2id string at all. */
	return crypto_pwhash_str_needs_rehash(hash, auth_hash_default.opslimit,
					      auth_hash_default.memlimit) != 0;
}
