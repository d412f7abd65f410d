/* The demo's users, one of every role, so that the browser application
 * can be tried as each of its users would see it (`compgap demo --users`,
 * `make demo`). They share one password, printed with them: they are for
 * a demo database on one's own machine, never for real data. */
#ifndef COMPGAP_DEMO_USERS_H
#define COMPGAP_DEMO_USERS_H

#include <stddef.h>

#include "auth/auth.h"
#include "store/store.h"

#define DEMO_PASSWORD "lindeborg-demo"

/* One demo user and what it is for. */
struct demo_user {
	const char *name;
	enum auth_role role;
	const char *person;        /* the demo person it is linked to, or NULL */
	const char *teams;         /* a coach's team, or NULL */
	const char *what;          /* one line on whom it plays */
};

extern const struct demo_user demo_users[];
extern const size_t demo_user_count;

/* Adds the demo users to st (a demo organisation), by actor by. 0, or -1
 * with err set (one that exists already: EX_DATAERR). */
int demo_add_users(struct store *st, const struct auth_actor *by, struct err *err);

#endif
