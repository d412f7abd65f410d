/* The team documents: gaps, recommendations, trend (views/views.h). */
#include "views/views.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "core/subteams.h"
#include "io/json.h"
#include "views/gather.h"
#include "views/okr.h"

int view_analyse(struct store *st, const char *team, const char *person, int32_t as_of,
		 struct team_snapshot *snap, struct analysis *a, struct err *err)
{
	const struct snapshot_filter f = { .team = team, .person = team ? NULL : person };

	if (store_load_snapshot(st, &f, as_of, snap, err) < 0)
		return -1;
	if (analysis_run(snap, store_settings(st), a) < 0) {
		store_free_snapshot(snap);
		return err_set(err, EX_OSERR, "out of memory");
	}
	if (team != NULL && okr_link_gaps(st, team, a, &snap->arena, err) < 0) {
		view_analysis_free(snap, a);
		return -1;
	}
	return 0;
}

void view_analysis_free(struct team_snapshot *snap, struct analysis *a)
{
	analysis_free(a);
	store_free_snapshot(snap);
}

int view_team_gaps(struct store *st, const char *team, int32_t as_of,
		   const struct view_reader *rd, struct jw *w, struct err *err)
{
	struct team_snapshot snap;
	struct analysis a;
	struct subteams teams;
	bool *hidden;

	if (view_analyse(st, team, NULL, as_of, &snap, &a, err) < 0)
		return -1;
	if (view_hidden_members(&a, rd, &hidden, err) < 0) {
		view_analysis_free(&snap, &a);
		return -1;
	}
	if (subteams_build(&a, &teams) < 0) {
		free(hidden);
		view_analysis_free(&snap, &a);
		return err_set(err, EX_OSERR, "out of memory");
	}
	json_team_analysis(w, &a, &teams, team, hidden);
	subteams_free(&teams);
	free(hidden);
	view_analysis_free(&snap, &a);
	return 0;
}

int view_team_recommendations(struct store *st, const char *team, int32_t as_of,
			      const struct view_reader *rd, struct jw *w, struct err *err)
{
	struct team_snapshot snap;
	struct analysis a;
	struct rec_context ctx;
	struct recommendations rec = { 0 };
	int rc = 0;

	if (view_analyse(st, team, NULL, as_of, &snap, &a, err) < 0)
		return -1;
	if (gather_recommendations(st, &a, team, &ctx, &rec, err) < 0 ||
	    view_withhold_people(&rec, rd, err) < 0)
		rc = -1;
	else
		json_recommendations(w, &rec, team, as_of);
	recommendations_free(&rec);
	rec_context_free(&ctx);
	view_analysis_free(&snap, &a);
	return rc;
}

static void trend_json(struct jw *w, const char *team, int32_t from, int32_t to,
		       const char *competency, const struct trend *tr)
{
	jw_object_begin(w);
	jw_field_string(w, "team", team);
	jw_field_date(w, "from", from);
	jw_field_date(w, "to", to);
	jw_field_string(w, "competency", competency);
	jw_key(w, "points");
	jw_array_begin(w);
	for (size_t i = 0; i < tr->n; i++) {
		jw_object_begin(w);
		jw_field_date(w, "as_of", tr->points[i].as_of);
		jw_key(w, "competencies");
		jw_array_begin(w);
		for (size_t k = 0; k < tr->points[i].ncompetencies; k++) {
			const struct team_line *t = &tr->points[i].competencies[k];

			if (competency == NULL || strcmp(competency, t->competency) == 0)
				json_team_line(w, t);
		}
		jw_array_end(w);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
}

int view_team_trend(struct store *st, const char *team, int32_t from, int32_t to,
		    const char *competency, struct jw *w, struct err *err)
{
	int32_t dates[TREND_POINTS_MAX];
	struct trend tr = { 0 };
	int rc = 0;

	if (competency != NULL && store_require_key(st, ENTITY_COMPETENCY, competency, err) < 0)
		return -1;
	if (gather_trend(st, team, dates, trend_dates(from, to, dates), &tr, err) < 0)
		rc = -1;
	else
		trend_json(w, team, from, to, competency, &tr);
	trend_free(&tr);
	return rc;
}

int view_person(struct store *st, const char *person, int32_t as_of, struct jw *w,
		struct err *err)
{
	struct team_snapshot snap;
	struct analysis a;

	if (view_analyse(st, NULL, person, as_of, &snap, &a, err) < 0)
		return -1;
	json_member(w, &a.members[0], as_of, 1);
	view_analysis_free(&snap, &a);
	return 0;
}
