/* The quality loop's method: see quality.h and docs/methodology.md,
 * "Quality evaluations". */
#include <math.h>
#include <string.h>

#include "core/quality.h"

static const char *const kind_names[EVAL_KIND_COUNT] = {
	"manager", "peer", "self", "calibration",
};

static const char *const channel_names[CHANNEL_COUNT] = {
	"phone", "email", "chat", "social", "desk",
};

/* The index of name in names[0..n-1], or -1. */
static int find_name(const char *const *names, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return (int)i;
	return -1;
}

const char *eval_kind_name(enum eval_kind k)
{
	return (unsigned)k < EVAL_KIND_COUNT ? kind_names[k] : "?";
}

int eval_kind_parse(const char *name, enum eval_kind *k)
{
	int i = find_name(kind_names, EVAL_KIND_COUNT, name);

	if (i < 0)
		return -1;
	*k = (enum eval_kind)i;
	return 0;
}

const char *eval_kind_list(void)
{
	return "manager, peer, self, calibration";
}

const char *channel_name(enum channel c)
{
	return (unsigned)c < CHANNEL_COUNT ? channel_names[c] : "?";
}

int channel_parse(const char *name, enum channel *c)
{
	int i = find_name(channel_names, CHANNEL_COUNT, name);

	if (i < 0)
		return -1;
	*c = (enum channel)i;
	return 0;
}

const char *channel_list(void)
{
	return "phone, email, chat, social, desk";
}

bool eval_kind_scores(enum eval_kind k)
{
	return k == EVAL_MANAGER || k == EVAL_PEER;
}

bool eval_kind_source(enum eval_kind k, enum source *out)
{
	switch (k) {
	case EVAL_MANAGER:
	case EVAL_PEER:
		*out = SOURCE_QA;
		return true;
	case EVAL_SELF:
		*out = SOURCE_SELF;
		return true;
	case EVAL_CALIBRATION:
	case EVAL_KIND_COUNT:
		break;
	}
	return false;
}

double qa_area_percentage(const struct qa_area *a, double score)
{
	return (score - a->min) / (a->max - a->min) * 100;
}

double qa_evidence_level(double percentage)
{
	return 1 + 4 * percentage / 100;
}

void qa_evidence_level_stored(double percentage, double *level, int *decimals)
{
	static const double scale[LEVEL_DECIMALS_MAX + 1] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6 };
	/* The level lies in 1..5, so its millionths fit a double exactly. */
	long long mantissa = llround(qa_evidence_level(percentage) * scale[LEVEL_DECIMALS_MAX]);
	int d = LEVEL_DECIMALS_MAX;

	while (d > 0 && mantissa % 10 == 0) {
		mantissa /= 10;
		d--;
	}
	/* One division of two exact numbers: the double nearest to the
	 * decimal, as parse_level and the history's decoder give it. */
	*level = (double)mantissa / scale[d];
	*decimals = d;
}

struct qa_result qa_evaluate(const struct qa_area *areas, const double *percentage, size_t n)
{
	struct qa_result r = { .score = NAN };
	double w = 0, wp = 0;

	for (size_t i = 0; i < n; i++) {
		if (isnan(percentage[i]))
			continue;
		w += areas[i].weight;
		wp += areas[i].weight * percentage[i];
		/* The tolerance keeps a score of exactly half the scale, computed
		 * with rounding noise, from failing (methodology.md, "Numbers"). */
		if (areas[i].critical && percentage[i] < QA_CRITICAL_PERCENT - 1e-9)
			r.auto_failed = true;
	}
	if (w <= 0)
		return r;
	r.score = r.auto_failed ? 0 : wp / w;
	r.praise = r.score >= QA_PRAISE_PERCENT - 1e-9;
	return r;
}

double qa_alignment(const double *weight, const double *a, const double *b, size_t n)
{
	double w = 0, wd = 0;

	for (size_t i = 0; i < n; i++) {
		if (isnan(a[i]) || isnan(b[i]))
			continue;
		w += weight[i];
		wd += weight[i] * fabs(a[i] - b[i]);
	}
	return w > 0 ? 1 - wd / (w * 100) : NAN;
}

bool qa_group_coaching(size_t below, size_t nagents)
{
	/* In whole numbers: below / nagents >= 30 % exactly on the boundary. */
	return below >= QA_GROUP_AGENTS && below * 100 >= (size_t)QA_GROUP_SHARE * nagents;
}

bool qa_due(size_t evaluations, size_t before, int target)
{
	return target > 0 && evaluations < (size_t)target && evaluations + before > 0;
}

/* Agent a's self evaluations against the manager and peer views of the
 * same contacts: the sum of the alignments into *sum, their count. */
static size_t agent_alignments(const struct qa_eval *e, size_t ne, size_t nareas, size_t agent,
			       double *sum)
{
	size_t n = 0;

	*sum = 0;
	for (size_t i = 0; i < ne; i++) {
		if (e[i].agent != agent || e[i].kind != EVAL_SELF)
			continue;
		for (size_t j = 0; j < ne; j++) {
			double al;

			if (j == i || e[j].agent != agent || e[j].contact != e[i].contact ||
			    !eval_kind_scores(e[j].kind))
				continue;
			al = qa_alignment(e[j].weight, e[i].percentage, e[j].percentage, nareas);
			if (!isnan(al)) {
				*sum += al;
				n++;
			}
		}
	}
	return n;
}

void qa_month(const struct qa_eval *e, size_t ne, size_t nagents, size_t nareas, int target,
	      struct qa_agent_month *agents, struct qa_area_month *areas, double *agent_area)
{
	for (size_t a = 0; a < nagents; a++) {
		double score_sum = 0, al_sum;
		size_t scored = 0, al_n;
		struct qa_agent_month *m = &agents[a];

		*m = (struct qa_agent_month){ 0 };
		for (size_t i = 0; i < ne; i++) {
			if (e[i].agent != a || !eval_kind_scores(e[i].kind))
				continue;
			m->evaluations++;
			if (!isnan(e[i].result.score)) {
				score_sum += e[i].result.score;
				scored++;
			}
			m->alerts += e[i].result.auto_failed;
			m->praise += e[i].result.praise;
		}
		m->quality_score = scored > 0 ? score_sum / (double)scored : NAN;
		m->under_target = m->evaluations < (size_t)(target > 0 ? target : 0);
		al_n = agent_alignments(e, ne, nareas, a, &al_sum);
		m->alignment = al_n > 0 ? al_sum / (double)al_n : NAN;

		for (size_t r = 0; r < nareas; r++) {
			double sum = 0;
			size_t n = 0;

			for (size_t i = 0; i < ne; i++)
				if (e[i].agent == a && eval_kind_scores(e[i].kind) &&
				    !isnan(e[i].percentage[r])) {
					sum += e[i].percentage[r];
					n++;
				}
			agent_area[a * nareas + r] = n > 0 ? sum / (double)n : NAN;
		}
	}
	for (size_t r = 0; r < nareas; r++) {
		double sum = 0;
		size_t n = 0;

		areas[r] = (struct qa_area_month){ .mean_percentage = NAN };
		for (size_t i = 0; i < ne; i++)
			if (eval_kind_scores(e[i].kind) && !isnan(e[i].percentage[r])) {
				sum += e[i].percentage[r];
				n++;
			}
		if (n > 0)
			areas[r].mean_percentage = sum / (double)n;
		for (size_t a = 0; a < nagents; a++)
			if (agent_area[a * nareas + r] < QA_GROUP_PERCENT - 1e-9)
				areas[r].below++;
		areas[r].group_coaching = qa_group_coaching(areas[r].below, nagents);
	}
}
