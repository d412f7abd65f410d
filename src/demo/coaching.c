/* The demo's coaching sessions: see coaching.h. */
#include "demo/coaching.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store/coaching.h"
#include "util/date.h"
#include "util/rng.h"

enum {
	ITEMS_MAX = 1024,            /* development items of the year, all agents */
	EVALS_MAX = 32,              /* evaluations of an agent's month */
	OPEN_MAX = 16,               /* open items of one agent */
	GROUP_MIN = 3,               /* agents under the bar for a group session */
	AGENTS_MAX = 64              /* agents of the team */
};

#define GROUP_BAR 70.0           /* % under which an agent joins a group session */
#define KNOWLEDGE_BAR 70.0       /* % of correct information under which a
				    knowledge item is agreed */
#define DONE_BAR 75.0            /* % at which an item counts as done */
#define PARTLY_FALL 10.0         /* points of fall within which it is partly done */
enum { FOLLOWUPS_MAX = 3 };      /* the last follow-up of an item closes it */

/* The area the group sessions are on, and the one whose misses call for
 * a knowledge item rather than an area's. */
static const char group_area[] = "active listening";
static const char knowledge_area[] = "correct information";
static const char knowledge_competency[] = "municipal-knowledge";

/* What a coach writes about an area: two examples (STAR) and two actions
 * an agent takes on. The last entry serves any other area. */
static const struct area_texts {
	const char *area;
	const char *star[2][STAR_PARTS];
	const char *action[2];
} texts[] = {
	{ "active listening",
	  { { "Caller about a refused parking permit, upset and talking fast.",
	      "Find out what the caller needed before explaining the rules.",
	      "Began on the rules after the first sentence; did not summarise.",
	      "The caller repeated the question twice; the call took nine minutes." },
	    { "Caller moving house asked about registration and the waste pass.",
	      "Hear both questions and answer both.",
	      "Answered the registration question only.",
	      "The caller rang back the next day about the waste pass." } },
	  { "Summarise the caller's question in my own words before answering, in every call",
	    "Let the caller finish and ask one open question before giving information" } },
	{ "identifying the question",
	  { { "Caller with a letter about the care allowance she did not understand.",
	      "Find out which letter it was and what she had to do.",
	      "Guessed at the letter instead of asking for its reference.",
	      "Ten minutes on the wrong scheme before the question was clear." },
	    { "Entrepreneur asking 'about the permit' for a terrace.",
	      "Pin down which permit and for which date.",
	      "Asked for the address and the date at once, checked the permit type.",
	      "Question clear within a minute; the form was sent during the call." } },
	  { "Ask for the letter's reference or the case number at the start of the call",
	    "Check whether there is a second question before answering the first" } },
	{ "correct information",
	  { { "Question about the deadline for objecting to a tax assessment.",
	      "Give the right deadline and how to object.",
	      "Said four weeks instead of six, from memory.",
	      "Corrected by a call back the same day; no harm done." },
	    { "Caller asked whether a passport can be collected by someone else.",
	      "Give the rule and what to bring.",
	      "Said yes without mentioning the signed authorisation.",
	      "The caller's daughter was sent home from the desk." } },
	  { "Look deadlines up in the knowledge base instead of answering from memory",
	    "Read the weekly knowledge-base update on Monday morning" } },
	{ "first-contact resolution",
	  { { "Caller needed a copy of a birth certificate for an application abroad.",
	      "Settle it in this call where possible.",
	      "Transferred to the back office although the form is on the website.",
	      "A second contact was needed; the caller was annoyed." },
	    { "Question about a missed bulky-waste pick-up.",
	      "Book a new pick-up during the call.",
	      "Promised a call back instead of booking it in the planning tool.",
	      "The call back came two days later." } },
	  { "Check the forms on the website before transferring a call",
	    "Book appointments and pick-ups in the call instead of promising a call back" } },
	{ "tone",
	  { { "Third call of the day from the same caller about a noise complaint.",
	      "Stay friendly and keep to what can be done.",
	      "Sounded impatient at the start, recovered after the summary.",
	      "The caller accepted the follow-up date." },
	    { "Caller angry about a parking fine.",
	      "Stay calm and explain the objection procedure.",
	      "Matched the caller's pace and volume.",
	      "The call escalated and was handed to the team lead." } },
	  { "Take a breath before a difficult call and name what has been done already",
	    "Listen back to one of my own calls a week, for tone" } },
	{ "greeting and closing",
	  { { "Busy Monday morning, long queue.",
	      "Close each call properly despite the queue.",
	      "Ended the call without checking that everything was answered.",
	      "The caller called back with a second question." },
	    { "Caller unsure whether she had reached the municipality.",
	      "Greet with the municipality's name and one's own.",
	      "Answered with 'hello' only.",
	      "The first minute went on who she was speaking to." } },
	  { "Close with 'Is there anything else I can do for you?'",
	    "Use the standard greeting, with my own name, in every call" } },
	{ NULL,
	  { { "A call from this month's evaluations, listened to together.",
	      "Find what went well and what could be better.",
	      "Went through the call minute by minute.",
	      "Agreed one thing to do differently." },
	    { "A contact the agent chose as a hard one.",
	      "See what made it hard.",
	      "Compared the agent's view with the evaluation.",
	      "Agreed one thing to do differently." } },
	  { "Try the agreed approach in every contact this month",
	    "Listen back to one of my own contacts a week" } },
};

static const char *const knowledge_actions[] = {
	"Follow the e-learning module on benefits and allowances",
	"Sit in with the back office for half a day on permits",
};

static const char *const praise_star[2][STAR_PARTS] = {
	{ "Caller in tears about a benefit that had not been paid.",
	  "Calm the caller and find out what was missing.",
	  "Let her finish, summarised, checked the file and explained the next step.",
	  NULL },
	{ "Complex move from abroad: registration, DigiD and a parking permit.",
	  "Settle all three in one call.",
	  "Made a list with the caller and went through it point by point.",
	  NULL },
};

static const char *const group_star[2][STAR_PARTS] = {
	{ "Three recorded calls of the team, anonymised, played back together.",
	  "Hear where the caller's question was missed.",
	  "Marked the moments to summarise and practised them in pairs.",
	  "Agreed a check question for the team: 'Do I understand correctly that ...?'" },
	{ "A role-play of an upset caller with two questions.",
	  "Hear both questions before answering.",
	  "Each agent played the call once; the others noted the summaries.",
	  "Most summarised the first question only; agreed to ask 'anything else?' first." },
};

static const char *const group_actions[] = {
	"Use the team's check question in every call this month",
	"Ask 'is there anything else?' before answering the first question",
};

static const char *const followup_notes[COACH_STATUSES][3] = {
	[COACH_DONE] = { "Done; seen in this month's evaluations.",
			 "Done; it has become a habit, the agent says.",
			 "Done; keep it up." },
	[COACH_PARTLY] = { "Better, but not yet in every call.",
			   "Started; about half of the evaluated calls showed it.",
			   "Some progress; keep it on the list." },
	[COACH_NOT_DONE] = { "Not yet: busy weeks around the tax assessments.",
			     "Not visible in this month's calls; agreed to try again.",
			     "Forgotten under pressure; a reminder card on the desk now." },
};

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December",
};

/* An item agreed, as the next sessions follow it up. */
struct open_item {
	char session[KEY_MAX + 1];
	int32_t date;                /* its session's */
	int number;
	int agent;
	int area;                    /* the area index it is judged by */
	bool competency;             /* on the knowledge competency, not an area */
	double then;                 /* the agent's percentage on it when agreed */
	int followups;               /* so far */
	bool open;
};

/* An evaluation, read once. */
struct eval {
	struct demo_qa_eval e;
	char key[DQ_KEY_MAX];
	int month;                   /* counted from the demo's first */
};

struct gen {
	struct store *st;
	struct eval *evals;
	size_t nevals;
	const struct demo_qa_person *people;
	struct rng rng;
	int32_t first_day;
	struct open_item items[ITEMS_MAX];
	size_t nitems;
	struct demo_coaching_counts *c;
};

/* An agent's month as the evaluations show it. */
struct agent_month {
	double mean[DQ_AREAS];       /* of the manager and peer evaluations, NAN: none */
	double best;                 /* their highest score, -1: none */
	const char *area[DQ_AREAS];  /* the areas' names */
	char keys[EVALS_MAX][DQ_KEY_MAX];   /* manager, peer and self evaluations */
	size_t nkeys;
	int32_t last_day;            /* of the latest of them */
};

/* Month index of day, counted from the demo's first month. */
static int month_index(int32_t first_day, int32_t day)
{
	int y0, m0, d0, y, m, d;

	date_to_ymd(first_day, &y0, &m0, &d0);
	date_to_ymd(day, &y, &m, &d);
	return (y - y0) * 12 + (m - m0);
}

/* Day day of the demo's month (from the first), or its last day for 0. */
static int32_t day_of(int32_t first_day, int month, int day)
{
	int y, m, d;

	date_to_ymd(first_day, &y, &m, &d);
	m += month;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	if (day > 0)
		return date_from_ymd(y, m, day);
	return date_from_ymd(m == 12 ? y + 1 : y, m % 12 + 1, 1) - 1;
}

static void gather_month(const struct gen *g, int agent, int month, struct agent_month *am)
{
	double sum[DQ_AREAS] = { 0 };
	int n[DQ_AREAS] = { 0 };

	memset(am, 0, sizeof *am);
	am->best = -1;
	for (size_t i = 0; i < g->nevals; i++) {
		const struct demo_qa_eval *e = &g->evals[i].e;

		if (e->agent != agent || e->kind == EVAL_CALIBRATION || g->evals[i].month != month)
			continue;
		if (am->nkeys < EVALS_MAX)
			memcpy(am->keys[am->nkeys++], g->evals[i].key, DQ_KEY_MAX);
		if (e->day > am->last_day)
			am->last_day = e->day;
		memcpy(am->area, e->area, sizeof am->area);
		if (e->kind == EVAL_SELF)
			continue;
		if (e->score > am->best)
			am->best = e->score;
		for (int k = 0; k < DQ_AREAS; k++)
			if (!isnan(e->percentage[k])) {
				sum[k] += e->percentage[k];
				n[k]++;
			}
	}
	for (int k = 0; k < DQ_AREAS; k++)
		am->mean[k] = n[k] > 0 ? sum[k] / n[k] : NAN;
}

static int area_index(const struct agent_month *am, const char *name)
{
	for (int k = 0; k < DQ_AREAS; k++)
		if (am->area[k] != NULL && strcmp(am->area[k], name) == 0)
			return k;
	return -1;
}

static const struct area_texts *texts_of(const char *area)
{
	size_t i = 0;

	while (texts[i].area != NULL && strcmp(texts[i].area, area) != 0)
		i++;
	return &texts[i];
}

static bool has_open(const struct gen *g, int agent, int area, bool competency)
{
	for (size_t i = 0; i < g->nitems; i++)
		if (g->items[i].open && g->items[i].agent == agent &&
		    g->items[i].competency == competency && (competency || g->items[i].area == area))
			return true;
	return false;
}

/* The follow-up of an item by how the agent's area moved since: done
 * when it held or rose, or is good; partly when it fell a little; and
 * done at its last follow-up, as a coach closes what has been tried for
 * long enough. */
static enum coach_status judge(const struct open_item *it, double now)
{
	if (now >= DONE_BAR || now >= it->then || it->followups + 1 >= FOLLOWUPS_MAX)
		return COACH_DONE;
	return now > it->then - PARTLY_FALL ? COACH_PARTLY : COACH_NOT_DONE;
}

/* Keeps the items of the session just stored under key. */
static int keep_items(struct gen *g, const char *key, int32_t date, const int *agents,
		      const int *areas, const bool *competency, const double *then, size_t n,
		      struct err *err)
{
	for (size_t i = 0; i < n; i++) {
		struct open_item *it;

		if (g->nitems == ITEMS_MAX)
			return err_set(err, EX_SOFTWARE, "the demo has too many development items");
		it = &g->items[g->nitems++];
		(void)snprintf(it->session, sizeof it->session, "%s", key);
		it->date = date;
		it->number = (int)i + 1;
		it->agent = agents[i];
		it->area = areas[i];
		it->competency = competency[i];
		it->then = then[i];
		it->open = true;
	}
	return 0;
}

static int put(struct gen *g, const struct coach_session *s, char *key, struct err *err)
{
	char field[COACH_FIELD_MAX] = "";

	if (store_put_coaching(g->st, s, key, field, err) < 0) {
		if (err->code == EX_DATAERR)
			return err_set(err, EX_SOFTWARE, "the demo's coaching session of %s: %s: %s",
				       s->agents[0], field, err->msg);
		return -1;
	}
	g->c->sessions++;
	g->c->items += (long)s->nitems;
	g->c->followups += (long)s->nfollowups;
	return 0;
}

/* Agent's session at the end of month with coach. */
static int individual(struct gen *g, int agent, const char *coach, int month, struct err *err)
{
	struct agent_month am;
	struct coach_session s = { 0 };
	const char *agents[1] = { g->people[agent].key };
	struct coach_evaluation ev[EVALS_MAX] = { { 0 } };
	struct coach_star stars[2] = { { 0 } };
	struct coach_item items[2] = { { 0 } };
	int item_agent[2], item_area[2];
	bool item_competency[2];
	double item_then[2];
	struct coach_followup fu[OPEN_MAX] = { { 0 } };
	char fu_names[OPEN_MAX][KEY_MAX + 16], topic[64], result[96], key[KEY_MAX + 1];
	size_t fu_item[OPEN_MAX];
	int lowest = -1, month_of_year, y, m, d;
	int32_t date, last = day_of(g->first_day, month, 0);

	gather_month(g, agent, month, &am);
	if (am.nkeys == 0)
		return 0;
	/* Late in the month, after its evaluations. */
	date = day_of(g->first_day, month, 24 + rng_range(&g->rng, 0, 3));
	if (date <= am.last_day)
		date = am.last_day + 1;
	if (date > last)
		date = last;
	date_to_ymd(date, &y, &m, &d);
	month_of_year = m - 1;
	(void)snprintf(topic, sizeof topic, "Monthly review, %s %d", month_names[month_of_year], y);
	s.coach = coach;
	s.date = date;
	s.topic = topic;
	s.agents = agents;
	s.nagents = 1;
	for (size_t i = 0; i < am.nkeys; i++)
		ev[i].key = am.keys[i];
	s.evaluations = ev;
	s.nevaluations = am.nkeys;

	/* The items open since earlier sessions. */
	for (size_t i = 0; i < g->nitems && s.nfollowups < OPEN_MAX; i++) {
		struct open_item *it = &g->items[i];
		struct coach_followup *f = &fu[s.nfollowups];

		if (!it->open || it->agent != agent || it->date > date || isnan(am.mean[it->area]))
			continue;
		(void)snprintf(fu_names[s.nfollowups], sizeof fu_names[0], "%s#%d", it->session,
			       it->number);
		f->item = fu_names[s.nfollowups];
		f->status = judge(it, am.mean[it->area]);
		f->note = followup_notes[f->status][rng_range(&g->rng, 0, 2)];
		fu_item[s.nfollowups++] = i;
	}
	s.followups = fu;
	for (size_t i = 0; i < s.nfollowups; i++) {
		g->items[fu_item[i]].followups++;
		if (fu[i].status == COACH_DONE)
			g->items[fu_item[i]].open = false;
	}

	/* An example of the weakest area, and one of praise. */
	for (int k = 0; k < DQ_AREAS; k++)
		if (!isnan(am.mean[k]) && (lowest < 0 || am.mean[k] < am.mean[lowest]))
			lowest = k;
	if (lowest >= 0) {
		const struct area_texts *t = texts_of(am.area[lowest]);

		memcpy(stars[s.nstars++].star.part, t->star[rng_range(&g->rng, 0, 1)],
		       sizeof stars[0].star.part);
	}
	if (am.best >= 95) {
		struct coach_star *p = &stars[s.nstars++];

		memcpy(p->star.part, praise_star[rng_range(&g->rng, 0, 1)], sizeof p->star.part);
		(void)snprintf(result, sizeof result, "Scored %.0f%% on the evaluation; the caller"
			       " thanked the agent by name.", floor(am.best));
		p->star.part[3] = result;
	}
	s.stars = stars;

	/* A new item on the weakest area without one open, and one on the
	 * knowledge behind wrong answers. */
	lowest = -1;
	for (int k = 0; k < DQ_AREAS; k++)
		if (!isnan(am.mean[k]) && !has_open(g, agent, k, false) &&
		    (lowest < 0 || am.mean[k] < am.mean[lowest]))
			lowest = k;
	if (lowest >= 0) {
		struct coach_item *it = &items[s.nitems];

		it->area = am.area[lowest];
		it->action = texts_of(am.area[lowest])->action[rng_range(&g->rng, 0, 1)];
		it->follow_up = day_of(g->first_day, month + 1, 0);
		item_agent[s.nitems] = agent;
		item_area[s.nitems] = lowest;
		item_competency[s.nitems] = false;
		item_then[s.nitems++] = am.mean[lowest];
	}
	{
		int k = area_index(&am, knowledge_area);

		if (k >= 0 && !isnan(am.mean[k]) && am.mean[k] < KNOWLEDGE_BAR &&
		    !has_open(g, agent, k, true)) {
			struct coach_item *it = &items[s.nitems];

			it->competency = knowledge_competency;
			it->action = knowledge_actions[rng_range(&g->rng, 0, 1)];
			it->follow_up = day_of(g->first_day, month + 1, 0);
			item_agent[s.nitems] = agent;
			item_area[s.nitems] = k;
			item_competency[s.nitems] = true;
			item_then[s.nitems++] = am.mean[k];
		}
	}
	s.items = items;
	if (put(g, &s, key, err) < 0)
		return -1;
	return keep_items(g, key, date, item_agent, item_area, item_competency, item_then,
			  s.nitems, err);
}

/* The group session early in the month after month, on the group area,
 * of the agents (n of them) under the bar on it that month. */
static int group(struct gen *g, const int *agents, int n, int month, struct err *err)
{
	const char *keys[AGENTS_MAX];
	struct coach_item items[AGENTS_MAX] = { { 0 } };
	int item_agent[AGENTS_MAX], item_area[AGENTS_MAX];
	bool item_competency[AGENTS_MAX];
	double item_then[AGENTS_MAX];
	struct coach_star star = { 0 };
	struct coach_session s = { 0 };
	const char *action = group_actions[rng_range(&g->rng, 0, 1)];
	char key[KEY_MAX + 1];
	size_t k = 0;

	for (int i = 0; i < n; i++) {
		struct agent_month am;
		int a;

		gather_month(g, agents[i], month, &am);
		a = area_index(&am, group_area);
		if (a < 0 || isnan(am.mean[a]) || am.mean[a] >= GROUP_BAR)
			continue;
		keys[k] = g->people[agents[i]].key;
		items[k].agent = keys[k];
		items[k].area = group_area;
		items[k].action = action;
		items[k].follow_up = day_of(g->first_day, month + 1, 0);
		item_agent[k] = agents[i];
		item_area[k] = a;
		item_competency[k] = false;
		item_then[k++] = am.mean[a];
	}
	if (k < GROUP_MIN || g->people[agents[0]].manager == NULL)
		return 0;
	memcpy(star.star.part, group_star[rng_range(&g->rng, 0, 1)], sizeof star.star.part);
	s.coach = g->people[agents[0]].manager;
	s.date = day_of(g->first_day, month + 1, 4 + rng_range(&g->rng, 0, 3));
	s.topic = "Group session: active listening";
	s.agents = keys;
	s.nagents = k;
	s.stars = &star;
	s.nstars = 1;
	s.items = items;
	s.nitems = k;
	if (put(g, &s, key, err) < 0)
		return -1;
	g->c->group++;
	return keep_items(g, key, s.date, item_agent, item_area, item_competency, item_then, k,
			  err);
}

int demo_coaching_store(struct store *st, const struct demo_qa *q,
			const struct demo_qa_person *people, int npeople, const char *team,
			const char *const *coaches, int ncoaches, int32_t first_day, int months,
			uint64_t seed, struct demo_coaching_counts *c, struct err *err)
{
	struct gen *g = calloc(1, sizeof *g);
	int agents[AGENTS_MAX], n = 0, rc = 0;

	memset(c, 0, sizeof *c);
	if (g == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	*g = (struct gen){ .st = st, .people = people, .first_day = first_day, .c = c };
	rng_seed(&g->rng, seed);
	g->nevals = demo_qa_size(q);
	g->evals = calloc(g->nevals > 0 ? g->nevals : 1, sizeof *g->evals);
	if (g->evals == NULL) {
		free(g);
		return err_set(err, EX_OSERR, "out of memory");
	}
	for (size_t i = 0; i < g->nevals; i++) {
		demo_qa_get(q, i, &g->evals[i].e, g->evals[i].key);
		g->evals[i].month = month_index(first_day, g->evals[i].e.day);
	}
	/* The agents: the team's people with manager evaluations. */
	for (int p = 0; p < npeople && n < AGENTS_MAX; p++) {
		bool evaluated = false;

		for (size_t i = 0; !evaluated && i < g->nevals; i++)
			evaluated = g->evals[i].e.agent == p && g->evals[i].e.kind == EVAL_MANAGER;
		if (evaluated && strcmp(people[p].team, team) == 0)
			agents[n++] = p;
	}
	for (int month = 0; rc == 0 && month < months; month++) {
		for (int i = 0; rc == 0 && i < n; i++)
			rc = individual(g, agents[i], coaches[agents[i] % ncoaches], month, err);
		/* Each quarter, on the month before it. */
		if (rc == 0 && month % 3 == 1 && n > 0)
			rc = group(g, agents, n, month, err);
	}
	free(g->evals);
	free(g);
	return rc;
}
