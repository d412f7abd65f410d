/* The demo's coaching sessions (issue 13, items 6 and 8): a year of
 * monthly sessions of each agent of the evaluated team with their quality
 * coach, and a group session on active listening each quarter with the
 * team lead, drawn from the evaluations (demo/evaluations.h) so that what
 * a session discusses is what that month's evaluations showed:
 *   - the agent's manager, peer and self evaluations of the month;
 *   - a STAR note of an example on the area that scored lowest, and one
 *     of praise when an evaluation scored 95 % or more;
 *   - a development item on the lowest area that has none open (and one
 *     on municipal knowledge when correct information fell under 70 %),
 *     to be followed up at the next month's session;
 *   - the follow-up of every item still open: done when the area held or
 *     rose since, or is at 75 % or more, and at its third follow-up;
 *     partly when it fell less than 10 points; else not done.
 * The group sessions name the agents under 70 % on active listening that
 * month, when there are at least three (docs/methodology.md, "Group
 * coaching"), and give each an item that their next session follows up.
 * Stored with store_put_coaching in the demo's transaction; the texts are
 * picked by a generator of their own, so that the rest of the demo is
 * drawn as before. */
#ifndef COMPGAP_DEMO_COACHING_H
#define COMPGAP_DEMO_COACHING_H

#include <stdint.h>

#include "demo/evaluations.h"
#include "store/store.h"
#include "util/err.h"

/* What the sessions are. */
struct demo_coaching_counts {
	long sessions;               /* all of them */
	long group;                  /* of which group sessions */
	long items;                  /* development items agreed */
	long followups;              /* follow-ups of earlier items */
};

/* Stores the sessions of the agents of team (a key) among people (as
 * given to demo_qa_new), whose evaluations q holds (finished), over the
 * months months from first_day, each agent coached by
 * coaches[agent index % ncoaches], the group sessions by the agents' team
 * lead; the texts drawn from seed. 0, or -1 with err set. */
int demo_coaching_store(struct store *st, const struct demo_qa *q,
			const struct demo_qa_person *people, int npeople, const char *team,
			const char *const *coaches, int ncoaches, int32_t first_day, int months,
			uint64_t seed, struct demo_coaching_counts *c, struct err *err);

#endif
