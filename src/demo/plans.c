/* The demo's development plans: see plans.h. */
#include "demo/plans.h"

#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "util/date.h"

static const struct action {
	const char *person;
	enum plan_kind kind;
	const char *competency;
	const char *mentor;          /* NULL: none */
	const char *description;
	const char *added;           /* when it was added, planned */
	const char *due;
	enum plan_status status;
	const char *changed;         /* when it was set to status; NULL: planned */
} actions[] = {
	/* Telefonie: Björn (the demo's employee) has one done and one under
	 * way; the two agents who catch up had a mentor and a refresher;
	 * Daan's blind spot on communication is coached. */
	{ "KCC-1011", PLAN_TRAINING, "municipal-knowledge", NULL,
	  "Course on the new rules for benefits and allowances.",
	  "2025-12-08", "2026-03-31", PLAN_DONE, "2026-03-19" },
	{ "KCC-1011", PLAN_SELF_STUDY, "digital-skills", NULL,
	  "Work through the DigiD helpdesk guide and the new online forms.",
	  "2026-09-14", "2027-01-29", PLAN_IN_PROGRESS, "2026-10-05" },
	{ "KCC-1021", PLAN_TRAINING, "municipal-knowledge", NULL,
	  "Refresher: the knowledge base, and where the deadlines are.",
	  "2025-12-15", "2026-02-27", PLAN_DONE, "2026-02-20" },
	{ "KCC-1021", PLAN_MENTORING, "active-listening", "KCC-1012",
	  "Listen in on Fatima's calls every other week, and she on his.",
	  "2026-01-12", "2026-06-30", PLAN_DONE, "2026-06-26" },
	{ "KCC-1015", PLAN_INDIVIDUAL_COACHING, "communication", NULL,
	  "Listen back to three of his own calls with the coach, next to his self evaluations of them.",
	  "2026-05-11", "2026-09-30", PLAN_IN_PROGRESS, "2026-06-01" },
	{ "KCC-1013", PLAN_STRETCH_ASSIGNMENT, "customer-focus", NULL,
	  "Run the call-back queue for a month.",
	  "2026-09-21", "2026-11-20", PLAN_PLANNED, NULL },
	{ "KCC-1018", PLAN_EXTERNAL_COURSE, "conflict-handling", NULL,
	  "Two-day course 'Difficult conversations' at the Lindeborg Academy.",
	  "2026-02-02", "2026-05-31", PLAN_DROPPED, "2026-04-20" },
	{ "KCC-1020", PLAN_GROUP_COACHING, "active-listening", NULL,
	  "The quarterly group sessions on listening with the team lead.",
	  "2026-01-05", "2026-10-31", PLAN_IN_PROGRESS, "2026-01-09" },
	/* Balie en Stadswinkel: the digital skills gap. */
	{ "KCC-1032", PLAN_TRAINING, "digital-skills", NULL,
	  "Workshop on DigiD and the online forms, to help visitors at the desk.",
	  "2026-01-19", "2026-04-30", PLAN_DONE, "2026-04-23" },
	{ "KCC-1033", PLAN_CROSS_TRAINING, "digital-skills", "KCC-1035",
	  "Two mornings beside Thijs at the self-service kiosks.",
	  "2026-07-06", "2026-10-16", PLAN_PLANNED, NULL },
	{ "KCC-1034", PLAN_INDIVIDUAL_COACHING, "customer-focus", NULL,
	  "Compare her own view of three visits with the coach's.",
	  "2026-10-12", "2027-02-26", PLAN_PLANNED, NULL },
	/* Online en chat: the team lead's decisiveness, the conflict
	 * handling gap. */
	{ "KCC-1050", PLAN_MENTORING, "decisiveness", "KCC-1001",
	  "Monthly talks with the head of the department on decisions taken and put off.",
	  "2026-03-02", "2026-09-30", PLAN_IN_PROGRESS, "2026-03-30" },
	{ "KCC-1052", PLAN_GROUP_COACHING, "conflict-handling", NULL,
	  "De-escalation workshop for the chat team.",
	  "2026-10-19", "2026-12-18", PLAN_PLANNED, NULL },
	{ "KCC-1054", PLAN_JOB_ROTATION, "municipal-knowledge", NULL,
	  "Two weeks in the back office on permits.",
	  "2026-04-13", "2026-07-31", PLAN_DROPPED, "2026-06-15" },
	/* Backoffice. */
	{ "KCC-1072", PLAN_TRAINING, "municipal-knowledge", NULL,
	  "Course on the new Environment and Planning Act.",
	  "2026-06-08", "2026-11-13", PLAN_IN_PROGRESS, "2026-09-01" },
	{ "KCC-1070", PLAN_INDIVIDUAL_COACHING, "leadership", NULL,
	  "Sessions with an external coach on giving feedback.",
	  "2026-09-07", "2027-03-31", PLAN_PLANNED, NULL },
};

int demo_plans_store(struct store *st, struct demo_plan_counts *c, struct err *err)
{
	memset(c, 0, sizeof *c);
	for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++) {
		const struct action *d = &actions[i];
		struct plan_action a = { .person = d->person, .kind = d->kind,
					 .competency = d->competency, .mentor = d->mentor,
					 .description = d->description, .has_due = true,
					 .status = PLAN_PLANNED };
		char added[32], changed[32];
		enum plan_status old;
		int64_t id;

		if (date_parse(d->due, &a.due) < 0)
			return err_set(err, EX_SOFTWARE, "the demo's plan action %zu: bad due date", i);
		(void)snprintf(added, sizeof added, "%sT09:00:00Z", d->added);
		if (store_plan_add(st, &a, added, &id, NULL, err) < 0)
			return -1;
		if (d->changed != NULL) {
			(void)snprintf(changed, sizeof changed, "%sT16:00:00Z", d->changed);
			if (store_plan_set_status(st, id, d->status, changed, &old, NULL, err) < 0)
				return -1;
		}
		c->actions++;
		c->by_status[d->status]++;
	}
	return 0;
}
