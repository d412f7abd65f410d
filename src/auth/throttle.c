/* The login throttle (docs/security.md, "Throttling"). Failures are
 * counted per client address and per (account, address) pair, and an
 * attempt must wait a delay that doubles with each failure past a free
 * allowance, up to THROTTLE_MAX_DELAY_S.
 *
 * Never per account alone: a delay on the account would let anyone who
 * knows a user's name keep that user out, by failing a login now and then
 * from anywhere. Per pair, a stranger's failures delay only the stranger;
 * the user, from their own address, signs in at once. Guessing one
 * account from many addresses is still slowed (each address's pair gets
 * three tries, then waits), and the passwords the policy admits are far
 * beyond what such guessing can reach; the audit log shows it happening.
 * IPv6 addresses count by their /64, which one client commonly holds
 * whole, so that it cannot reset its count by changing address.
 *
 * The table is bounded: when full, expired entries go first, then the
 * one whose last failure is oldest. */
#include <arpa/inet.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"

enum {
	SLOTS = 8192,                 /* entries kept at most */
	KEY_MAX_LEN = AUTH_NAME_MAX + INET6_ADDRSTRLEN + 8
};

struct entry {
	char key[KEY_MAX_LEN];        /* "a ADDRESS" or "p USER ADDRESS"; "" free */
	int failures;
	int64_t last_failure;
};

struct auth_throttle {
	pthread_mutex_t lock;
	struct entry *slots;          /* SLOTS of them, open addressing */
	size_t used;
};

struct auth_throttle *auth_throttle_new(void)
{
	struct auth_throttle *t = calloc(1, sizeof *t);

	if (t == NULL)
		return NULL;
	t->slots = calloc(SLOTS, sizeof *t->slots);
	if (t->slots == NULL || pthread_mutex_init(&t->lock, NULL) != 0) {
		free(t->slots);
		free(t);
		return NULL;
	}
	return t;
}

void auth_throttle_free(struct auth_throttle *t)
{
	if (t == NULL)
		return;
	pthread_mutex_destroy(&t->lock);
	free(t->slots);
	free(t);
}

/* The address as it is counted: an IPv6 address by its /64. */
static void address_key(const char *address, char *out, size_t outsz)
{
	unsigned char a6[16];

	if (address == NULL)
		address = "";
	if (strchr(address, ':') != NULL && inet_pton(AF_INET6, address, a6) == 1) {
		memset(a6 + 8, 0, 8);
		if (inet_ntop(AF_INET6, a6, out, (socklen_t)outsz) != NULL) {
			(void)snprintf(out + strlen(out), outsz - strlen(out), "/64");
			return;
		}
	}
	(void)snprintf(out, outsz, "%s", address);
}

static uint64_t hash_key(const char *s)
{
	uint64_t h = 0xcbf29ce484222325u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3u;
	return h;
}

static int by_time(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* The slot of key: its entry, or (create) a new one; NULL when not found
 * and not created. Called with the lock held. */
static struct entry *find(struct auth_throttle *t, const char *key, int create, int64_t now)
{
	size_t i = (size_t)(hash_key(key) % SLOTS);

	for (size_t probe = 0; probe < SLOTS; probe++, i = (i + 1) % SLOTS) {
		struct entry *e = &t->slots[i];

		if (e->key[0] == '\0')
			break;
		if (strcmp(e->key, key) == 0) {
			if (now - e->last_failure > THROTTLE_FORGET_S)
				e->failures = 0;
			return e;
		}
	}
	if (!create)
		return NULL;
	if (t->used * 4 >= SLOTS * 3) {
		/* Full enough: keep what is still of use, less the quarter
		 * whose last failure is oldest. */
		struct entry *old = t->slots;
		int64_t *times = malloc(SLOTS * sizeof *times), cutoff;
		size_t n = 0;

		t->slots = calloc(SLOTS, sizeof *t->slots);
		if (t->slots == NULL || times == NULL) {
			free(t->slots);
			free(times);
			t->slots = old;
			return NULL;
		}
		for (size_t k = 0; k < SLOTS; k++)
			if (old[k].key[0] != '\0')
				times[n++] = old[k].last_failure;
		qsort(times, n, sizeof *times, by_time);
		cutoff = times[n / 4];
		free(times);
		t->used = 0;
		for (size_t k = 0; k < SLOTS; k++) {
			struct entry *e = &old[k], *copy;

			if (e->key[0] == '\0' || now - e->last_failure > THROTTLE_FORGET_S ||
			    e->last_failure <= cutoff)
				continue;
			copy = find(t, e->key, 1, now);
			if (copy != NULL)
				*copy = *e;
		}
		free(old);
		return find(t, key, 1, now);
	}
	i = (size_t)(hash_key(key) % SLOTS);
	while (t->slots[i].key[0] != '\0')
		i = (i + 1) % SLOTS;
	(void)snprintf(t->slots[i].key, sizeof t->slots[i].key, "%s", key);
	t->slots[i].failures = 0;
	t->slots[i].last_failure = now;
	t->used++;
	return &t->slots[i];
}

/* The wait that failures with a free allowance give, at now. */
static int64_t delay(const struct entry *e, int free_failures, int64_t now)
{
	int64_t d, until;
	int over;

	if (e == NULL || e->failures <= free_failures)
		return 0;
	over = e->failures - free_failures - 1;
	d = over >= 20 ? THROTTLE_MAX_DELAY_S : (int64_t)1 << over;
	if (d > THROTTLE_MAX_DELAY_S)
		d = THROTTLE_MAX_DELAY_S;
	until = e->last_failure + d;
	return until > now ? until - now : 0;
}

static void keys(const char *address, const char *user, char *akey, char *pkey)
{
	char addr[INET6_ADDRSTRLEN + 8];

	address_key(address, addr, sizeof addr);
	(void)snprintf(akey, KEY_MAX_LEN, "a %s", addr);
	(void)snprintf(pkey, KEY_MAX_LEN, "p %.*s %s", AUTH_NAME_MAX, user != NULL ? user : "",
		       addr);
}

int64_t auth_throttle_wait(struct auth_throttle *t, const char *address, const char *user,
			   int64_t now)
{
	char akey[KEY_MAX_LEN], pkey[KEY_MAX_LEN];
	int64_t a, p;

	keys(address, user, akey, pkey);
	pthread_mutex_lock(&t->lock);
	a = delay(find(t, akey, 0, now), THROTTLE_ADDRESS_FREE, now);
	p = delay(find(t, pkey, 0, now), THROTTLE_PAIR_FREE, now);
	pthread_mutex_unlock(&t->lock);
	return a > p ? a : p;
}

void auth_throttle_failed(struct auth_throttle *t, const char *address, const char *user,
			  int64_t now)
{
	char akey[KEY_MAX_LEN], pkey[KEY_MAX_LEN];
	struct entry *e;

	keys(address, user, akey, pkey);
	pthread_mutex_lock(&t->lock);
	if ((e = find(t, akey, 1, now)) != NULL)
		e->failures++, e->last_failure = now;
	if ((e = find(t, pkey, 1, now)) != NULL)
		e->failures++, e->last_failure = now;
	pthread_mutex_unlock(&t->lock);
}

void auth_throttle_succeeded(struct auth_throttle *t, const char *address, const char *user)
{
	char akey[KEY_MAX_LEN], pkey[KEY_MAX_LEN];
	struct entry *e;

	keys(address, user, akey, pkey);
	pthread_mutex_lock(&t->lock);
	if ((e = find(t, pkey, 0, 0)) != NULL)
		e->failures = 0;
	pthread_mutex_unlock(&t->lock);
}
