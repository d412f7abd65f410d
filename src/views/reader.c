/* What a reader may not see of the recommendations (views.h, struct
 * view_reader). */
#include "views/views.h"

int view_withhold_mentors(struct recommendations *r, const struct view_reader *rd,
			  struct err *err)
{
	if (rd == NULL || rd->may_see_person == NULL)
		return 0;
	for (size_t i = 0; i < r->n; i++) {
		struct recommendation *it = &r->items[i];
		int rc;

		if (it->mentor == NULL)
			continue;
		rc = rd->may_see_person(rd->ctx, it->mentor->person, err);
		if (rc < 0)
			return -1;
		it->mentor_withheld = rc == 0;
	}
	return 0;
}
