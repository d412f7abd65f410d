/* The batched audit entries of reads (audit_queue.h): a list under a
 * mutex, and one writer thread with its own database connection. */
#include "http/audit_queue.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "http/accesslog.h"
#include "http/metrics.h"
#include "store/store.h"

enum {
	WRITE_AT = 512                   /* entries that wake the writer early */
};

struct queued {
	struct queued *next;
	struct audit_entry e;            /* its strings in text below */
	char text[];
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
static struct queued *head, **tail = &head;
static size_t waiting;
static int running, stopping;
static unsigned interval_ms;
static struct store *writer_store;
static pthread_t writer;

/* Copies the string *s into *at and points *s at the copy. */
static void copy_into(const char **s, char **at)
{
	size_t n;

	if (*s == NULL)
		return;
	n = strlen(*s) + 1;
	memcpy(*at, *s, n);
	*s = *at;
	*at += n;
}

static struct queued *copy_entry(const struct audit_entry *e)
{
	const char *const *fields[] = { &e->at, &e->actor, &e->action, &e->object_kind,
					&e->object_key, &e->person, &e->address, &e->outcome,
					&e->detail };
	size_t size = 0;
	struct queued *q;
	char *at;

	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		size += *fields[i] != NULL ? strlen(*fields[i]) + 1 : 0;
	q = malloc(sizeof *q + size);
	if (q == NULL)
		return NULL;
	q->next = NULL;
	q->e = *e;
	at = q->text;
	copy_into(&q->e.at, &at);
	copy_into(&q->e.actor, &at);
	copy_into(&q->e.action, &at);
	copy_into(&q->e.object_kind, &at);
	copy_into(&q->e.object_key, &at);
	copy_into(&q->e.person, &at);
	copy_into(&q->e.address, &at);
	copy_into(&q->e.outcome, &at);
	copy_into(&q->e.detail, &at);
	return q;
}

int audit_queue_add(const struct audit_entry *e)
{
	struct queued *q;

	pthread_mutex_lock(&lock);
	if (!running || stopping || waiting >= AUDIT_QUEUE_MAX) {
		pthread_mutex_unlock(&lock);
		return -1;
	}
	pthread_mutex_unlock(&lock);
	q = copy_entry(e);
	if (q == NULL)
		return -1;
	pthread_mutex_lock(&lock);
	*tail = q;
	tail = &q->next;
	if (++waiting == WRITE_AT)
		pthread_cond_signal(&wake);
	pthread_mutex_unlock(&lock);
	return 0;
}

static int append_all(struct store *st, void *ctx, int attempt, struct err *err)
{
	(void)attempt;
	for (struct queued *q = ctx; q != NULL; q = q->next)
		if (store_audit_append(st, &q->e, err) < 0)
			return -1;
	return 0;
}

static void free_list(struct queued *q)
{
	while (q != NULL) {
		struct queued *next = q->next;

		free(q);
		q = next;
	}
}

/* Takes the queue, writes it in one transaction, and puts it back in
 * front of what came meanwhile when that fails. 0, or -1 when it failed. */
static int write_queue(void)
{
	struct queued *list, **end;
	struct err err = { 0 };
	size_t n;

	pthread_mutex_lock(&lock);
	list = head;
	end = tail;
	n = waiting;
	head = NULL;
	tail = &head;
	waiting = 0;
	pthread_mutex_unlock(&lock);
	if (list == NULL)
		return 0;
	if (store_transact_log(writer_store, append_all, list, &err) == 0) {
		free_list(list);
		return 0;
	}
	metrics_db_error();
	accesslog_event("audit_write_failed", err.msg);
	pthread_mutex_lock(&lock);
	*end = head;
	if (head == NULL)
		tail = end;
	head = list;
	waiting += n;
	pthread_mutex_unlock(&lock);
	return -1;
}

static void *write_loop(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	while (!stopping) {
		struct timespec until;

		(void)clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += interval_ms / 1000;
		until.tv_nsec += (long)(interval_ms % 1000) * 1000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		while (!stopping && waiting < WRITE_AT &&
		       pthread_cond_timedwait(&wake, &lock, &until) != ETIMEDOUT)
			;
		pthread_mutex_unlock(&lock);
		(void)write_queue();
		pthread_mutex_lock(&lock);
	}
	pthread_mutex_unlock(&lock);
	return NULL;
}

int audit_queue_start(const char *db, unsigned flush_ms, struct err *err)
{
	if (store_open(db, STORE_NO_MIGRATE, &writer_store, err) < 0)
		return -1;
	interval_ms = flush_ms > 0 ? flush_ms : 1;
	stopping = 0;
	if (pthread_create(&writer, NULL, write_loop, NULL) != 0) {
		store_close(writer_store);
		writer_store = NULL;
		return err_set(err, EX_OSERR, "cannot start the audit log's writer");
	}
	pthread_mutex_lock(&lock);
	running = 1;
	pthread_mutex_unlock(&lock);
	return 0;
}

void audit_queue_stop(void)
{
	char msg[96];

	pthread_mutex_lock(&lock);
	if (!running) {
		pthread_mutex_unlock(&lock);
		return;
	}
	stopping = 1;
	pthread_cond_signal(&wake);
	pthread_mutex_unlock(&lock);
	(void)pthread_join(writer, NULL);
	/* The last entries: tried a few times, as a busy database may take a
	 * moment; what still cannot be written is said. */
	for (int attempt = 0; attempt < 3 && write_queue() < 0; attempt++) {
		struct timespec pause = { 0, 200000000L };

		(void)nanosleep(&pause, NULL);
	}
	if (waiting > 0) {
		(void)snprintf(msg, sizeof msg, "%zu audit entries of reads could not be written",
			       waiting);
		accesslog_event("audit_lost", msg);
		free_list(head);
		head = NULL;
		tail = &head;
		waiting = 0;
	}
	running = 0;
	store_close(writer_store);
	writer_store = NULL;
}
