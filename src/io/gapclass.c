#include "io/gapclass.h"

#include <string.h>

const struct gap_class_style gap_class_styles[GAP_CLASS_COUNT] = {
	[GAP_MEETS] = { GAP_FILL_MEETS, GAP_TEXT_DARK, "meets the required level" },
	[GAP_UNDER_1] = { GAP_FILL_UNDER_1, GAP_TEXT_DARK, "short by less than 1" },
	[GAP_1_TO_2] = { GAP_FILL_1_TO_2, GAP_TEXT_DARK, "short by 1 to 2" },
	[GAP_2_OR_MORE] = { GAP_FILL_2_OR_MORE, GAP_TEXT_LIGHT, "short by 2 or more" },
	[GAP_UNASSESSED] = { GAP_FILL_UNASSESSED, GAP_TEXT_DARK, "unassessed: no evidence (?)" },
};

enum gap_class gap_class_of(const struct member_line *l)
{
	if (!l->est.assessed)
		return GAP_UNASSESSED;
	if (l->meets)
		return GAP_MEETS;
	if (l->gap < 1)
		return GAP_UNDER_1;
	if (l->gap < 2)
		return GAP_1_TO_2;
	return GAP_2_OR_MORE;
}

const struct member_line *gap_member_line(const struct member_view *v, const char *competency)
{
	for (size_t i = 0; i < v->nlines; i++)
		if (strcmp(v->lines[i].competency, competency) == 0)
			return &v->lines[i];
	return NULL;
}
