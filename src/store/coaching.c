/* Coaching sessions (store/coaching.h), the same on both engines: the
 * SQL is in store/coaching_sql.h, run by the backend's coach_run. */
#include "store/coaching.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "core/validate.h"
#include "store/backend.h"
#include "util/array.h"
#include "util/date.h"

const char *const coach_status_names[COACH_STATUSES] = { "done", "partly", "not_done" };

int coach_status_parse(const char *s, enum coach_status *out)
{
	for (int i = 0; s != NULL && i < COACH_STATUSES; i++)
		if (strcmp(s, coach_status_names[i]) == 0)
			return *out = (enum coach_status)i, 0;
	return -1;
}

bool coach_item_open(const struct coach_item *item)
{
	return item->status == NULL || strcmp(item->status, "done") != 0;
}

static struct pv_param p_int(int64_t i)
{
	return (struct pv_param){ .kind = PV_INT, .i = i };
}

static struct pv_param p_text(const char *s)
{
	return s != NULL && s[0] != '\0' ? (struct pv_param){ .kind = PV_TEXT, .s = s }
					 : (struct pv_param){ .kind = PV_NULL };
}

static int run(struct store *st, enum co_stmt id, const struct pv_param *p, int np,
	       int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
	       int64_t *changes, struct err *err)
{
	return st->be->coach_run(st, id, p, np, row, ctx, changes, err);
}

static int64_t col_int(const char *s)
{
	return s != NULL ? strtoll(s, NULL, 10) : 0;
}

/* Names field (printf-style) and fails with EX_DATAERR and message. */
static int bad(char *field, struct err *err, const char *msg, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int bad(char *field, struct err *err, const char *msg, const char *fmt, ...)
{
	char name[COACH_FIELD_MAX];
	va_list ap;

	va_start(ap, fmt);
	(void)vsnprintf(name, sizeof name, fmt, ap);
	va_end(ap);
	if (field != NULL)
		(void)snprintf(field, COACH_FIELD_MAX, "%s", name);
	return err_set(err, EX_DATAERR, "%s: %s", name, msg);
}

static bool given(const char *s)
{
	return s != NULL && s[0] != '\0';
}

/* A text of at most max characters. */
static bool too_long(const char *s, size_t max)
{
	return given(s) && star_length(s) > max;
}

int coach_check(const struct coach_session *s, char *field, struct err *err)
{
	char msg[160];

	if (field != NULL)
		field[0] = '\0';
	if (s->key != NULL && validate_key(s->key, msg, sizeof msg) < 0)
		return bad(field, err, msg, "key");
	if (!given(s->coach))
		return bad(field, err, "name the coach, a person's key", "coach");
	if (too_long(s->topic, COACH_TOPIC_MAX))
		return bad(field, err, "at most 200 characters", "topic");
	if (s->nagents == 0)
		return bad(field, err, "name at least one agent", "agents");
	if (s->nagents > COACH_LIST_MAX || s->nevaluations > COACH_LIST_MAX ||
	    s->nstars > COACH_LIST_MAX || s->nitems > COACH_LIST_MAX ||
	    s->nfollowups > COACH_LIST_MAX)
		return bad(field, err, "at most 100 of each list in one session", "%s",
			   s->nagents > COACH_LIST_MAX ? "agents" : s->nevaluations > COACH_LIST_MAX
			   ? "evaluations" : s->nstars > COACH_LIST_MAX ? "notes"
			   : s->nitems > COACH_LIST_MAX ? "items" : "follow_ups");
	for (size_t i = 0; i < s->nagents; i++) {
		if (!given(s->agents[i]))
			return bad(field, err, "name the agent, a person's key", "agents[%zu]", i);
		for (size_t j = 0; j < i; j++)
			if (strcmp(s->agents[i], s->agents[j]) == 0)
				return bad(field, err, "an agent is named once", "agents[%zu]", i);
	}
	for (size_t i = 0; i < s->nevaluations; i++)
		if (!given(s->evaluations[i].key))
			return bad(field, err, "name the evaluation's key", "evaluations[%zu]", i);
	for (size_t i = 0; i < s->nstars; i++) {
		if (star_is_empty(&s->stars[i].star))
			return bad(field, err, "give at least one of situation, task, action and"
				   " result", "notes[%zu]", i);
		for (int k = 0; k < STAR_PARTS; k++)
			if (too_long(s->stars[i].star.part[k], STAR_PART_MAX))
				return bad(field, err, "at most 2000 characters", "notes[%zu].%s", i,
					   star_part_names[k]);
	}
	for (size_t i = 0; i < s->nitems; i++) {
		const struct coach_item *it = &s->items[i];

		if (given(it->competency) == given(it->area))
			return bad(field, err, "name either a competency or a scorecard area, not both",
				   "items[%zu].competency", i);
		if (!given(it->action))
			return bad(field, err, "say what the agent will do", "items[%zu].action", i);
		if (too_long(it->action, COACH_TEXT_MAX))
			return bad(field, err, "at most 2000 characters", "items[%zu].action", i);
		if (it->follow_up < s->date)
			return bad(field, err, "the follow-up date is on or after the session's date",
				   "items[%zu].follow_up", i);
	}
	for (size_t i = 0; i < s->nfollowups; i++) {
		const struct coach_followup *f = &s->followups[i];
		const char *hash = f->item != NULL ? strrchr(f->item, '#') : NULL;

		if (hash == NULL || hash == f->item || hash[1] == '\0')
			return bad(field, err, "name the item as SESSION#N, such as CS12#1",
				   "follow_ups[%zu].item", i);
		if (too_long(f->note, COACH_TEXT_MAX))
			return bad(field, err, "at most 2000 characters", "follow_ups[%zu].note", i);
	}
	return 0;
}

/* ---- storing ------------------------------------------------------------- */

struct one_id {
	int64_t id;
	int found;
	char text[KEY_MAX + 1];      /* the second column, when text */
	int64_t third, fourth;
};

static int keep_one(void *ctx, const char *const *cols, int ncols)
{
	struct one_id *o = ctx;

	o->found = 1;
	o->id = col_int(cols[0]);
	if (ncols > 1 && cols[1] != NULL)
		(void)snprintf(o->text, sizeof o->text, "%s", cols[1]);
	if (ncols > 2)
		o->third = col_int(cols[2]);
	if (ncols > 3)
		o->fourth = col_int(cols[3]);
	return 1;
}

static bool is_agent(const struct coach_session *s, const char *key)
{
	for (size_t i = 0; i < s->nagents; i++)
		if (strcmp(s->agents[i], key) == 0)
			return true;
	return false;
}

/* The agent of a note or an item: the given one, which must be one of the
 * session's, or the session's one agent. NULL after bad(). */
static const char *agent_of(const struct coach_session *s, const char *agent, bool required,
			    const char *list, size_t i, char *field, struct err *err)
{
	if (given(agent)) {
		if (is_agent(s, agent))
			return agent;
		bad(field, err, "the agent is one of the session's agents", "%s[%zu].agent", list, i);
		return NULL;
	}
	if (s->nagents == 1)
		return s->agents[0];
	if (!required)
		return "";
	bad(field, err, "name the agent of the item: the session has several", "%s[%zu].agent",
	    list, i);
	return NULL;
}

static int put_people(struct store *st, const struct coach_session *s, int64_t id, char *field,
		      struct err *err)
{
	for (size_t i = 0; i < s->nagents; i++) {
		struct pv_param p[2] = { p_int(id), p_text(s->agents[i]) };
		int rc = store_lookup(st, ENTITY_PERSON, s->agents[i], NULL, err);

		if (rc < 0)
			return -1;
		if (rc == 0)
			return bad(field, err, "there is no such person", "agents[%zu]", i);
		if (strcmp(s->agents[i], s->coach) == 0)
			return bad(field, err, "the coach is not one of the agents", "agents[%zu]", i);
		if (run(st, CO_PUT_AGENT, p, 2, NULL, NULL, NULL, err) < 0)
			return -1;
	}
	return 0;
}

static int put_evaluations(struct store *st, const struct coach_session *s, int64_t id,
			   char *field, struct err *err)
{
	for (size_t i = 0; i < s->nevaluations; i++) {
		struct pv_param k = p_text(s->evaluations[i].key);
		struct one_id o = { 0 };

		for (size_t j = 0; j < i; j++)
			if (strcmp(s->evaluations[i].key, s->evaluations[j].key) == 0)
				return bad(field, err, "an evaluation is named once", "evaluations[%zu]", i);
		if (run(st, CO_EVALUATION, &k, 1, keep_one, &o, NULL, err) < 0)
			return -1;
		if (!o.found)
			return bad(field, err, "there is no such evaluation", "evaluations[%zu]", i);
		if (!is_agent(s, o.text))
			return bad(field, err, "the evaluation is of someone who is not an agent of the"
				   " session", "evaluations[%zu]", i);
		if (o.third != 0)
			return bad(field, err, "the evaluation was retracted", "evaluations[%zu]", i);
		struct pv_param p[2] = { p_int(id), p_int(o.id) };

		if (run(st, CO_PUT_EVALUATION, p, 2, NULL, NULL, NULL, err) < 0)
			return -1;
	}
	return 0;
}

static int put_notes(struct store *st, const struct coach_session *s, int64_t id, char *field,
		     struct err *err)
{
	for (size_t i = 0; i < s->nstars; i++) {
		const char *agent = agent_of(s, s->stars[i].agent, false, "notes", i, field, err);
		struct pv_param p[2 + STAR_PARTS];

		if (agent == NULL)
			return -1;
		p[0] = p_int(id);
		p[1] = p_text(agent);
		for (int k = 0; k < STAR_PARTS; k++)
			p[2 + k] = p_text(s->stars[i].star.part[k]);
		if (run(st, CO_PUT_STAR, p, 2 + STAR_PARTS, NULL, NULL, NULL, err) < 0)
			return -1;
	}
	return 0;
}

static int put_items(struct store *st, const struct coach_session *s, int64_t id, char *field,
		     struct err *err)
{
	for (size_t i = 0; i < s->nitems; i++) {
		const struct coach_item *it = &s->items[i];
		const char *agent = agent_of(s, it->agent, true, "items", i, field, err);
		struct pv_param p[7];

		if (agent == NULL)
			return -1;
		if (given(it->competency)) {
			int rc = store_lookup(st, ENTITY_COMPETENCY, it->competency, NULL, err);

			if (rc < 0)
				return -1;
			if (rc == 0)
				return bad(field, err, "there is no such competency",
					   "items[%zu].competency", i);
		} else {
			struct pv_param a = p_text(it->area);
			struct one_id o = { 0 };

			if (run(st, CO_AREA, &a, 1, keep_one, &o, NULL, err) < 0)
				return -1;
			if (!o.found)
				return bad(field, err, "no scorecard has an area of that name",
					   "items[%zu].area", i);
		}
		p[0] = p_int(id);
		p[1] = p_int((int64_t)i + 1);
		p[2] = p_text(agent);
		p[3] = p_text(it->competency);
		p[4] = p_text(it->area);
		p[5] = p_text(it->action);
		p[6] = p_int(it->follow_up);
		if (run(st, CO_PUT_ITEM, p, 7, NULL, NULL, NULL, err) < 0)
			return -1;
	}
	return 0;
}

static int put_followups(struct store *st, const struct coach_session *s, int64_t id,
			 char *field, struct err *err)
{
	int64_t *seen = NULL;

	if (s->nfollowups > 0 && (seen = calloc(s->nfollowups, sizeof *seen)) == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	for (size_t i = 0; i < s->nfollowups; i++) {
		const struct coach_followup *f = &s->followups[i];
		const char *hash = strrchr(f->item, '#');
		char session[KEY_MAX + 1];
		char *end;
		long number;
		struct one_id o = { 0 };
		size_t len = (size_t)(hash - f->item);

		errno = 0;
		number = strtol(hash + 1, &end, 10);
		if (len > KEY_MAX || *end != '\0' || errno != 0 || number < 1 || number > INT32_MAX) {
			free(seen);
			return bad(field, err, "name the item as SESSION#N, such as CS12#1",
				   "follow_ups[%zu].item", i);
		}
		memcpy(session, f->item, len);
		session[len] = '\0';
		struct pv_param q[2] = { p_text(session), p_int(number) };

		if (run(st, CO_ITEM, q, 2, keep_one, &o, NULL, err) < 0)
			return free(seen), -1;
		if (!o.found) {
			free(seen);
			return bad(field, err, "there is no such development item",
				   "follow_ups[%zu].item", i);
		}
		for (size_t j = 0; j < i; j++)
			if (seen[j] == o.id) {
				free(seen);
				return bad(field, err, "an item is followed up once in a session",
					   "follow_ups[%zu].item", i);
			}
		seen[i] = o.id;
		if (!is_agent(s, o.text)) {
			free(seen);
			return bad(field, err, "the item is about someone who is not an agent of the"
				   " session", "follow_ups[%zu].item", i);
		}
		if (o.third > s->date) {
			free(seen);
			return bad(field, err, "the item was agreed after this session's date",
				   "follow_ups[%zu].item", i);
		}
		if (o.fourth != 0) {
			free(seen);
			return bad(field, err, "the item was followed up as done already",
				   "follow_ups[%zu].item", i);
		}
		struct pv_param p[4] = { p_int(o.id), p_int(id), p_text(coach_status_names[f->status]),
					 p_text(f->note) };

		if (run(st, CO_PUT_FOLLOWUP, p, 4, NULL, NULL, NULL, err) < 0)
			return free(seen), -1;
	}
	free(seen);
	return 0;
}

int store_put_coaching(struct store *st, const struct coach_session *s, char *key_out,
		       char *field, struct err *err)
{
	struct one_id o = { 0 };
	char at[32];
	time_t now = time(NULL);
	struct tm tm;
	int rc;

	if (coach_check(s, field, err) < 0)
		return -1;
	if (s->key != NULL) {
		struct pv_param k = p_text(s->key);

		if (run(st, CO_SESSION_ID, &k, 1, keep_one, &o, NULL, err) < 0)
			return -1;
		if (o.found)
			return bad(field, err, "a coaching session of this key exists", "key");
	}
	rc = store_lookup(st, ENTITY_PERSON, s->coach, NULL, err);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return bad(field, err, "there is no such person", "coach");
	(void)gmtime_r(&now, &tm);
	(void)strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
	{
		/* A session without a key of its own is stored under a key no
		 * key can be (validate_key refuses a leading space) and then
		 * named CS and its id. */
		struct pv_param p[5] = { p_text(s->key != NULL ? s->key : " new"), p_text(s->coach),
					 p_int(s->date), p_text(s->topic), p_text(at) };

		o = (struct one_id){ 0 };
		if (run(st, CO_PUT_SESSION, p, 5, keep_one, &o, NULL, err) < 0)
			return -1;
		if (!o.found)
			return err_set(err, EX_SOFTWARE, "the coaching session was not stored");
	}
	if (s->key == NULL) {
		struct pv_param p = p_int(o.id);
		struct one_id named = { 0 };

		if (run(st, CO_NAME_SESSION, &p, 1, keep_one, &named, NULL, err) < 0)
			return -1;
		(void)snprintf(key_out, KEY_MAX + 1, "CS%lld", (long long)o.id);
	} else {
		(void)snprintf(key_out, KEY_MAX + 1, "%s", s->key);
	}
	if (put_people(st, s, o.id, field, err) < 0 || put_evaluations(st, s, o.id, field, err) < 0 ||
	    put_notes(st, s, o.id, field, err) < 0 || put_items(st, s, o.id, field, err) < 0 ||
	    put_followups(st, s, o.id, field, err) < 0)
		return -1;
	return 0;
}

/* ---- reading ------------------------------------------------------------- */

/* Rows gathered into a growing array of elsize-byte elements, each filled
 * by fill from the columns; strings copied into the arena. */
struct gather {
	struct arena *a;
	void *v;
	size_t n, cap, elsize;
	bool failed;
	void (*fill)(struct gather *g, void *el, const char *const *cols, int ncols);
};

static const char *dup(struct gather *g, const char *s)
{
	const char *c;

	if (s == NULL)
		return NULL;
	c = arena_strdup(g->a, s);
	if (c == NULL)
		g->failed = true;
	return c;
}

static int gather_row(void *ctx, const char *const *cols, int ncols)
{
	struct gather *g = ctx;
	char *el;

	if (g->n == g->cap) {
		size_t cap = g->cap ? 2 * g->cap : 8;
		void *more = arena_alloc(g->a, cap * g->elsize);

		if (more == NULL)
			return g->failed = true, 1;
		if (g->n > 0)
			memcpy(more, g->v, g->n * g->elsize);
		g->v = more;
		g->cap = cap;
	}
	el = (char *)g->v + g->n * g->elsize;
	memset(el, 0, g->elsize);
	g->fill(g, el, cols, ncols);
	g->n++;
	return g->failed ? 1 : 0;
}

static int gather_run(struct store *st, enum co_stmt id, const struct pv_param *p, int np,
		      struct gather *g, struct err *err)
{
	if (run(st, id, p, np, gather_row, g, NULL, err) < 0)
		return -1;
	return g->failed ? err_set(err, EX_OSERR, "out of memory") : 0;
}

static void fill_key(struct gather *g, void *el, const char *const *cols, int ncols)
{
	(void)ncols;
	*(const char **)el = dup(g, cols[0]);
}

static void fill_evaluation(struct gather *g, void *el, const char *const *cols, int ncols)
{
	struct coach_evaluation *e = el;

	(void)ncols;
	e->key = dup(g, cols[0]);
	e->agent = dup(g, cols[1]);
	e->date = (int32_t)col_int(cols[2]);
	e->contact = dup(g, cols[3]);
	e->retracted = col_int(cols[4]) != 0;
}

static void fill_star(struct gather *g, void *el, const char *const *cols, int ncols)
{
	struct coach_star *s = el;

	(void)ncols;
	s->agent = dup(g, cols[0]);
	for (int k = 0; k < STAR_PARTS; k++)
		s->star.part[k] = dup(g, cols[1 + k]);
}

/* number, agent, competency, area, action, follow-up, status, note */
static void fill_item_cols(struct gather *g, struct coach_item *it, const char *const *cols)
{
	it->number = (int)col_int(cols[0]);
	it->agent = dup(g, cols[1]);
	it->competency = dup(g, cols[2]);
	it->area = dup(g, cols[3]);
	it->action = dup(g, cols[4]);
	it->follow_up = (int32_t)col_int(cols[5]);
	it->status = dup(g, cols[6]);
	it->note = dup(g, cols[7]);
}

static void fill_item(struct gather *g, void *el, const char *const *cols, int ncols)
{
	(void)ncols;
	fill_item_cols(g, el, cols);
}

static void fill_followup(struct gather *g, void *el, const char *const *cols, int ncols)
{
	struct coach_followup *f = el;
	char item[2 * KEY_MAX];
	const char *c[8] = { cols[1], cols[2], cols[3], cols[4], cols[5], cols[6], NULL, NULL };

	(void)ncols;
	f->about.session = dup(g, cols[0]);
	fill_item_cols(g, &f->about, c);
	(void)snprintf(item, sizeof item, "%s#%s", cols[0] ? cols[0] : "", cols[1] ? cols[1] : "");
	f->item = dup(g, item);
	(void)coach_status_parse(cols[7], &f->status);
	f->note = dup(g, cols[8]);
}

struct head {
	struct gather *g;
	struct coach_session *s;
	int64_t id;
	int found;
};

static int keep_head(void *ctx, const char *const *cols, int ncols)
{
	struct head *h = ctx;

	(void)ncols;
	h->found = 1;
	h->id = col_int(cols[0]);
	h->s->key = dup(h->g, cols[1]);
	h->s->coach = dup(h->g, cols[2]);
	h->s->date = (int32_t)col_int(cols[3]);
	h->s->topic = dup(h->g, cols[4]);
	h->s->created_at = dup(h->g, cols[5]);
	return 1;
}

int store_get_coaching(struct store *st, const char *key, struct arena *a,
		       struct coach_session *out, struct err *err)
{
	struct gather g = { .a = a };
	struct head h = { &g, out, 0, 0 };
	struct pv_param k = p_text(key);
	struct pv_param id;

	memset(out, 0, sizeof *out);
	if (run(st, CO_HEAD, &k, 1, keep_head, &h, NULL, err) < 0)
		return -1;
	if (g.failed)
		return err_set(err, EX_OSERR, "out of memory");
	if (!h.found)
		return 0;
	id = p_int(h.id);
#define LIST(stmt, type, filler, field, count) \
	do { \
		g = (struct gather){ .a = a, .elsize = sizeof(type), .fill = filler }; \
		if (gather_run(st, stmt, &id, 1, &g, err) < 0) \
			return -1; \
		out->field = g.v; \
		out->count = g.n; \
	} while (0)
	LIST(CO_AGENTS, const char *, fill_key, agents, nagents);
	LIST(CO_EVALUATIONS, struct coach_evaluation, fill_evaluation, evaluations, nevaluations);
	LIST(CO_STARS, struct coach_star, fill_star, stars, nstars);
	LIST(CO_ITEMS, struct coach_item, fill_item, items, nitems);
	LIST(CO_FOLLOWUPS, struct coach_followup, fill_followup, followups, nfollowups);
#undef LIST
	for (size_t i = 0; i < out->nitems; i++) {
		out->items[i].session = out->key;
		out->items[i].session_date = out->date;
	}
	return 1;
}

static void fill_person_session(struct gather *g, void *el, const char *const *cols, int ncols)
{
	struct coach_brief *b = el;

	(void)ncols;
	b->key = dup(g, cols[0]);
	b->date = (int32_t)col_int(cols[1]);
	b->coach = dup(g, cols[2]);
	b->topic = dup(g, cols[3]);
	b->nagents = (long)col_int(cols[4]);
}

/* session key, session date, then the item's columns */
static void fill_person_item(struct gather *g, void *el, const char *const *cols, int ncols)
{
	struct coach_item *it = el;

	(void)ncols;
	it->session = dup(g, cols[0]);
	it->session_date = (int32_t)col_int(cols[1]);
	it->number = (int)col_int(cols[2]);
	it->competency = dup(g, cols[3]);
	it->area = dup(g, cols[4]);
	it->action = dup(g, cols[5]);
	it->follow_up = (int32_t)col_int(cols[6]);
	it->status = dup(g, cols[7]);
	it->note = dup(g, cols[8]);
}

int store_person_coaching(struct store *st, const char *person, struct arena *a,
			  struct coach_brief **sessions, size_t *nsessions,
			  struct coach_item **items, size_t *nitems, struct err *err)
{
	struct pv_param k = p_text(person);
	struct gather g = { .a = a, .elsize = sizeof **sessions, .fill = fill_person_session };
	const char *agent;

	if (gather_run(st, CO_PERSON_SESSIONS, &k, 1, &g, err) < 0)
		return -1;
	*sessions = g.v;
	*nsessions = g.n;
	g = (struct gather){ .a = a, .elsize = sizeof **items, .fill = fill_person_item };
	if (gather_run(st, CO_PERSON_ITEMS, &k, 1, &g, err) < 0)
		return -1;
	*items = g.v;
	*nitems = g.n;
	agent = arena_strdup(a, person);
	if (agent == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	for (size_t i = 0; i < *nitems; i++)
		(*items)[i].agent = agent;
	return 0;
}

static void fill_team_session(struct gather *g, void *el, const char *const *cols, int ncols)
{
	struct coach_brief *b = el;

	(void)ncols;
	b->key = dup(g, cols[0]);
	b->date = (int32_t)col_int(cols[1]);
	b->coach = dup(g, cols[2]);
	b->topic = dup(g, cols[3]);
	b->row_agent = dup(g, cols[4]);
}

int store_team_coaching(struct store *st, const char *team, struct arena *a,
			struct coach_brief **sessions, size_t *n, struct err *err)
{
	struct pv_param k = p_text(team);
	struct gather g = { .a = a, .elsize = sizeof **sessions, .fill = fill_team_session };
	struct coach_brief *rows, *out;
	size_t m = 0;
	int rc = store_lookup(st, ENTITY_TEAM, team, NULL, err);

	if (rc <= 0)
		return rc < 0 ? -1 : err_set(err, EX_DATAERR, "there is no team '%s'", team);
	if (gather_run(st, CO_TEAM_SESSIONS, &k, 1, &g, err) < 0)
		return -1;
	rows = g.v;
	out = g.n > 0 ? arena_alloc(a, g.n * sizeof *out) : NULL;
	if (g.n > 0 && out == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	/* One row per (session, agent), a session's rows together: one
	 * brief per session with its agents. */
	for (size_t i = 0; i < g.n; i++) {
		size_t j = i;

		while (j + 1 < g.n && strcmp(rows[j + 1].key, rows[i].key) == 0)
			j++;
		out[m] = rows[i];
		out[m].agents = arena_alloc(a, (j - i + 1) * sizeof *out[m].agents);
		if (out[m].agents == NULL)
			return err_set(err, EX_OSERR, "out of memory");
		for (size_t k2 = i; k2 <= j; k2++)
			out[m].agents[k2 - i] = rows[k2].row_agent;
		out[m].nteam_agents = j - i + 1;
		m++;
		i = j;
	}
	*sessions = out;
	*n = m;
	return 0;
}

static void fill_recent(struct gather *g, void *el, const char *const *cols, int ncols)
{
	struct coach_recent *r = el;

	(void)ncols;
	r->key = dup(g, cols[0]);
	r->date = (int32_t)col_int(cols[1]);
	r->contact = dup(g, cols[2]);
	r->channel = dup(g, cols[3]);
	r->kind = dup(g, cols[4]);
}

int store_recent_evaluations(struct store *st, const char *person, int32_t from,
			     struct arena *a, struct coach_recent **out, size_t *n,
			     struct err *err)
{
	struct pv_param p[2] = { p_text(person), p_int(from) };
	struct gather g = { .a = a, .elsize = sizeof **out, .fill = fill_recent };

	if (gather_run(st, CO_RECENT_EVALUATIONS, p, 2, &g, err) < 0)
		return -1;
	*out = g.v;
	*n = g.n;
	return 0;
}
