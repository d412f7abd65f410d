/* The demo organisation (see demo.h). The people are written out by hand;
 * their true levels and the evidence are drawn from a seeded generator, with
 * gaps planted where the gap analysis should find them:
 *   - online and chat: nobody meets the required level of conflict handling;
 *   - desk: only one person meets the required digital skills;
 *   - back office: only one person meets the required municipal knowledge;
 *   - phone: most agents fall short on active listening (a group gap),
 *     improving through the year under coaching;
 *   - the online team lead falls far short on decisiveness (low
 *     developability: a case for reassignment rather than training);
 *   - three people rate themselves far above what others see (blind spots),
 *     one far below (a hidden strength);
 *   - two new hires have no evidence at all, one has only an assessment;
 *   - the phone team's contacts are quality evaluations (demo/evaluations.h):
 *     about four a month per agent, a few peer and self evaluations,
 *     quarterly calibration sessions; its weak active listening suggests
 *     group coaching every month; two of its agents (KCC-1016, KCC-1021)
 *     start the year well below the others and catch up. */
#include "demo/demo.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "demo/coaching.h"
#include "demo/evaluations.h"
#include "demo/library.h"
#include "demo/library_texts.h"
#include "demo/okr.h"
#include "demo/plans.h"
#include "io/csv.h"
#include "demo/written.h"
#include "util/date.h"
#include "util/rng.h"

/* The team whose quality evaluations the demo holds (demo/evaluations.h);
 * the others' come as rows of evidence. */
#define EVALUATED_TEAM "kcc-phone"

enum {
	DEMO_SEED = 20261101,
	MONTHS = 12,
	QA_PER_MONTH = 4,          /* evaluated contacts per agent per month */
	CUSTOMER_PER_MONTH = 2
};

/* Planted traits of a person (bits). */
enum {
	BLIND_SPOT = 1 << 0,       /* rates themselves far above others */
	HIDDEN_STRENGTH = 1 << 1,  /* rates themselves far below */
	ONLY_ASSESSED = 1 << 2     /* joined recently: only the assessment */
};

struct demo_person {
	const char *key;
	const char *name;
	const char *email;         /* local part; the domain is added */
	const char *team;
	const char *role;
	const char *manager;
	int joined;                /* month index of the first evidence; 12: none */
	unsigned traits;
	const char *trait_competency; /* where a blind spot or strength shows */
};

static const struct team_row {
	const char *key, *name, *parent;
} demo_teams[] = {
	{ "kcc", "Klantcontactcentrum Lindeborg", NULL },
	{ "kcc-phone", "Telefonie", "kcc" },
	{ "kcc-desk", "Balie en Stadswinkel", "kcc" },
	{ "kcc-online", "Online en chat", "kcc" },
	{ "kcc-back", "Backoffice", "kcc" },
};

static const struct demo_person demo_people[] = {
	{ "KCC-1001", "Annelies Vermeer", "annelies.vermeer", "kcc", "team-lead", NULL, 0, 0, NULL },
	{ "KCC-1002", "Maria Lindqvist", "maria.lindqvist", "kcc", "quality-coach", "KCC-1001", 0, 0, NULL },
	{ "KCC-1003", "Joost van Dijk", "joost.vandijk", "kcc", "quality-coach", "KCC-1001", 0, 0, NULL },

	{ "KCC-1010", "Sanne de Vries", "sanne.devries", "kcc-phone", "team-lead", "KCC-1001", 0, 0, NULL },
	{ "KCC-1011", "Björn Eriksson", "bjorn.eriksson", "kcc-phone", "senior-agent", "KCC-1010", 0, 0, NULL },
	{ "KCC-1012", "Fatima El Amrani", "fatima.elamrani", "kcc-phone", "senior-agent", "KCC-1010", 0, 0, NULL },
	{ "KCC-1013", "Lotte Jansen", "lotte.jansen", "kcc-phone", "agent", "KCC-1010", 0, 0, NULL },
	{ "KCC-1014", "Emma Karlsson", "emma.karlsson", "kcc-phone", "agent", "KCC-1010", 0, 0, NULL },
	{ "KCC-1015", "Daan Bakker", "daan.bakker", "kcc-phone", "agent", "KCC-1010", 0, BLIND_SPOT, "communication" },
	{ "KCC-1016", "Sofie Peeters", "sofie.peeters", "kcc-phone", "agent", "KCC-1010", 0, 0, NULL },
	{ "KCC-1017", "Noah Visser", "noah.visser", "kcc-phone", "agent", "KCC-1010", 0, 0, NULL },
	{ "KCC-1018", "Elin Johansson", "elin.johansson", "kcc-phone", "agent", "KCC-1010", 0, 0, NULL },
	{ "KCC-1019", "Mohamed Yilmaz", "mohamed.yilmaz", "kcc-phone", "agent", "KCC-1010", 0, 0, NULL },
	{ "KCC-1020", "Iris Smit", "iris.smit", "kcc-phone", "agent", "KCC-1010", 0, 0, NULL },
	{ "KCC-1021", "Lars Nilsson", "lars.nilsson", "kcc-phone", "agent", "KCC-1010", 0, 0, NULL },

	{ "KCC-1030", "Pieter Mulder", "pieter.mulder", "kcc-desk", "team-lead", "KCC-1001", 0, 0, NULL },
	{ "KCC-1031", "Ingrid Berg", "ingrid.berg", "kcc-desk", "senior-agent", "KCC-1030", 0, 0, NULL },
	{ "KCC-1032", "Yara de Groot", "yara.degroot", "kcc-desk", "agent", "KCC-1030", 0, 0, NULL },
	{ "KCC-1033", "Kevin Hendriks", "kevin.hendriks", "kcc-desk", "agent", "KCC-1030", 0, 0, NULL },
	{ "KCC-1034", "Anna Andersson", "anna.andersson", "kcc-desk", "agent", "KCC-1030", 0, BLIND_SPOT, "customer-focus" },
	{ "KCC-1035", "Thijs Dekker", "thijs.dekker", "kcc-desk", "agent", "KCC-1030", 0, 0, NULL },
	{ "KCC-1036", "Saskia Bos", "saskia.bos", "kcc-desk", "agent", "KCC-1030", 0, 0, NULL },
	{ "KCC-1037", "Oskar Lund", "oskar.lund", "kcc-desk", "agent", "KCC-1030", 0, 0, NULL },
	{ "KCC-1038", "Nadia Haddou", "nadia.haddou", "kcc-desk", "agent", "KCC-1030", 0, 0, NULL },
	{ "KCC-1039", "Femke Vos", "femke.vos", "kcc-desk", "agent", "KCC-1030", MONTHS, 0, NULL },

	{ "KCC-1050", "Erik Sandberg", "erik.sandberg", "kcc-online", "team-lead", "KCC-1001", 0, 0, NULL },
	{ "KCC-1051", "Ilse Koster", "ilse.koster", "kcc-online", "senior-agent", "KCC-1050", 0, 0, NULL },
	{ "KCC-1052", "Jesse Willems", "jesse.willems", "kcc-online", "agent", "KCC-1050", 0, 0, NULL },
	{ "KCC-1053", "Maja Holm", "maja.holm", "kcc-online", "agent", "KCC-1050", 0, HIDDEN_STRENGTH, "digital-skills" },
	{ "KCC-1054", "Ruben Meijer", "ruben.meijer", "kcc-online", "agent", "KCC-1050", 0, 0, NULL },
	{ "KCC-1055", "Zeynep Kaya", "zeynep.kaya", "kcc-online", "agent", "KCC-1050", 0, 0, NULL },
	{ "KCC-1056", "Tim Claes", "tim.claes", "kcc-online", "agent", "KCC-1050", 0, 0, NULL },
	{ "KCC-1057", "Astrid Persson", "astrid.persson", "kcc-online", "agent", "KCC-1050", MONTHS, 0, NULL },

	{ "KCC-1070", "Hanneke Prins", "hanneke.prins", "kcc-back", "team-lead", "KCC-1001", 0, BLIND_SPOT, "leadership" },
	{ "KCC-1071", "Gustav Ek", "gustav.ek", "kcc-back", "back-office", "KCC-1070", 0, 0, NULL },
	{ "KCC-1072", "Wouter van Leeuwen", "wouter.vanleeuwen", "kcc-back", "back-office", "KCC-1070", 0, 0, NULL },
	{ "KCC-1073", "Esther Brouwer", "esther.brouwer", "kcc-back", "back-office", "KCC-1070", 0, 0, NULL },
	{ "KCC-1074", "Karin Svensson", "karin.svensson", "kcc-back", "back-office", "KCC-1070", 0, 0, NULL },
	{ "KCC-1075", "Bram de Wit", "bram.dewit", "kcc-back", "back-office", "KCC-1070", 0, 0, NULL },
	{ "KCC-1076", "Linnea Falk", "linnea.falk", "kcc-back", "back-office", "KCC-1070", 0, 0, NULL },
	{ "KCC-1077", "Ahmed Bouzid", "ahmed.bouzid", "kcc-back", "back-office", "KCC-1070", 9, ONLY_ASSESSED, NULL },
};

enum {
	NPEOPLE = sizeof demo_people / sizeof demo_people[0],
	NCOMP_MAX = 16
};

/* A planted gap: in team, the members who need competency get a true level
 * below what their role requires, except the one named key person. */
static const struct planted_gap {
	const char *team, *competency;
	const char *key_person;    /* the one who meets it, or NULL for nobody */
	double growth;             /* gain over the year (coaching), levels */
} planted[] = {
	{ "kcc-online", "conflict-handling", NULL, 0.0 },
	{ "kcc-desk", "digital-skills", "KCC-1035", 0.0 },
	{ "kcc-back", "municipal-knowledge", "KCC-1071", 0.1 },
	{ "kcc-phone", "active-listening", "KCC-1012", 0.5 },
};

/* Short observations attached to some evaluations, as a coach writes them;
 * some hold commas and quotes on purpose, which the CSV must carry. */
static const char *const qa_notes[] = {
	"Call about a parking permit: asked follow-up questions and summarised the agreement.",
	"Passport renewal: explained the steps clearly, but did not check whether the caller understood.",
	"Complaint about missed waste collection; stayed calm, offered a concrete follow-up date.",
	"Interrupted the caller twice before the question was clear.",
	"Referred a benefits question to the back office without a warm handover.",
	"Good use of the knowledge base; answer given within the call.",
	"Caller said \"finally someone who listens\", praised the agent by name.",
	"Moving house, registration: missed the link to the parking permit, a follow-up call was needed.",
};

static const char *const manager_notes[] = {
	"Quarterly review, discussed with STAR examples.",
	"Observed at the desk during peak hours.",
	"Discussed in the monthly coaching conversation.",
};

struct gen {
	struct rng rng;
	FILE *out;                              /* the evidence CSV being written */
	struct demo_qa *qa;                     /* the evaluations being drawn */
	struct demo_qa_person qa_people[NPEOPLE];
	bool qa_failed;                         /* out of memory while drawing */
	int32_t first_day;
	double truth[NPEOPLE][NCOMP_MAX];       /* level at the start of the year */
	double growth[NPEOPLE][NCOMP_MAX];      /* gain over the year */
	struct demo_summary *sum;
};

static const struct demo_role *role_of(const char *key)
{
	for (int r = 0; r < demo_role_count; r++)
		if (strcmp(demo_roles[r].key, key) == 0)
			return &demo_roles[r];
	return NULL;
}

static int competency_index(const char *key)
{
	for (int c = 0; c < demo_competency_count; c++)
		if (strcmp(demo_competencies[c].key, key) == 0)
			return c;
	return -1;
}

/* The level person p's role requires of competency c, or 0. */
static int required(int p, int c)
{
	const struct demo_role *r = role_of(demo_people[p].role);

	for (int i = 0; r != NULL && i < r->count; i++)
		if (strcmp(r->requirements[i].competency, demo_competencies[c].key) == 0)
			return r->requirements[i].required_level;
	return 0;
}

static double clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Rounds to a step (0.5 for rating scales, 0.1 for scored forms). */
static double round_to(double v, double step)
{
	return round(v / step) * step;
}

static void draw_truth(struct gen *g)
{
	for (int p = 0; p < NPEOPLE; p++) {
		for (int c = 0; c < demo_competency_count; c++) {
			int req = required(p, c);
			double base = req > 0 ? req + 0.25 : 2.5;

			g->truth[p][c] = clamp(base + 0.45 * rng_normal(&g->rng), 1.0, 5.0);
			g->growth[p][c] = 0.15 * rng_unit(&g->rng);
		}
	}
	for (size_t k = 0; k < sizeof planted / sizeof planted[0]; k++) {
		int c = competency_index(planted[k].competency);

		for (int p = 0; c >= 0 && p < NPEOPLE; p++) {
			int req = required(p, c);

			if (req == 0 || strcmp(demo_people[p].team, planted[k].team) != 0)
				continue;
			if (planted[k].key_person != NULL &&
			    strcmp(demo_people[p].key, planted[k].key_person) == 0) {
				g->truth[p][c] = clamp(req + 0.9, 1.0, 5.0);
				g->growth[p][c] = 0.0;
			} else {
				g->truth[p][c] = clamp(req - 0.8 - 0.5 * rng_unit(&g->rng), 1.0, 5.0);
				g->growth[p][c] = planted[k].growth;
			}
		}
	}
	/* Self-ratings show a blind spot or a hidden strength best where others
	 * see the person near the required level. */
	for (int p = 0; p < NPEOPLE; p++) {
		int c = demo_people[p].trait_competency != NULL ?
			competency_index(demo_people[p].trait_competency) : -1;

		if (c >= 0 && required(p, c) > 0) {
			g->truth[p][c] = required(p, c) - (demo_people[p].traits & BLIND_SPOT ? 0.3 : -0.6);
			g->growth[p][c] = 0.0;
		}
	}
	/* Two phone agents improve through the year under coaching: they
	 * start well below the others on what their contacts show, and end
	 * the year level with them. */
	for (int p = 0; p < NPEOPLE; p++) {
		static const char *const shown[] = { "customer-focus", "communication",
						     "municipal-knowledge" };

		if (strcmp(demo_people[p].key, "KCC-1016") != 0 &&
		    strcmp(demo_people[p].key, "KCC-1021") != 0)
			continue;
		for (size_t k = 0; k < sizeof shown / sizeof shown[0]; k++) {
			int c = competency_index(shown[k]);

			if (c >= 0) {
				g->truth[p][c] = clamp(g->truth[p][c] - 0.7, 1.0, 5.0);
				g->growth[p][c] = 1.2;
			}
		}
	}
	/* The online team lead: far short on a competency that hardly
	 * develops. */
	for (int p = 0; p < NPEOPLE; p++) {
		int c = competency_index("decisiveness");

		if (c >= 0 && strcmp(demo_people[p].key, "KCC-1050") == 0 && required(p, c) > 0) {
			g->truth[p][c] = clamp(required(p, c) - 1.8, 1.0, 5.0);
			g->growth[p][c] = 0.0;
		}
	}
}

static double true_level(const struct gen *g, int p, int c, int32_t day)
{
	double year = (day - g->first_day) / 365.0;

	return clamp(g->truth[p][c] + g->growth[p][c] * year, 1.0, 5.0);
}

static int write_row(FILE *out, const char *const *cells, size_t n)
{
	return csv_write_row(out, cells, n, CSV_WRITE_NEUTRALISE);
}

/* Writes one evidence row of person p on competency c. */
static void evidence(struct gen *g, int p, int c, enum source s, int32_t day, double level,
		     double step, const char *assessor, const char *note)
{
	char text[16], date[DATE_ISO_LEN + 1];
	const char *cells[7];

	level = clamp(round_to(clamp(level, 1.0, 5.0), step), 1.0, 5.0);
	(void)snprintf(text, sizeof text, fabs(level - round(level)) < 1e-9 ? "%.0f" : "%.1f", level);
	date_format(day, date);
	cells[0] = demo_people[p].key;
	cells[1] = demo_competencies[c].key;
	cells[2] = text;
	cells[3] = source_name(s);
	cells[4] = date;
	cells[5] = assessor;
	cells[6] = note;
	(void)write_row(g->out, cells, 7);
	g->sum->evidence++;
	g->sum->by_source[s]++;
}

/* An observation by source s: the truth plus that source's noise and bias. */
static double observe(struct gen *g, int p, int c, enum source s, int32_t day)
{
	static const double noise[SOURCE_COUNT] = {
		[SOURCE_SELF] = 0.35, [SOURCE_MANAGER] = 0.35, [SOURCE_PEER] = 0.5,
		[SOURCE_ASSESSMENT] = 0.25, [SOURCE_TEST] = 0.3, [SOURCE_QA] = 0.45,
		[SOURCE_CUSTOMER] = 0.7,
	};
	double v = true_level(g, p, c, day) + noise[s] * rng_normal(&g->rng);
	const struct demo_person *who = &demo_people[p];

	if (s == SOURCE_SELF) {
		v += 0.2;   /* people rate themselves a little higher on average */
		if (who->trait_competency != NULL &&
		    strcmp(who->trait_competency, demo_competencies[c].key) == 0)
			v += who->traits & BLIND_SPOT ? 1.6 : -1.4;
	}
	return v;
}

static int32_t day_in_month(struct gen *g, int month)
{
	int y, m, d;

	date_to_ymd(g->first_day, &y, &m, &d);
	m += month;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	return date_from_ymd(y, m, rng_range(&g->rng, 1, 28));
}

static bool contact_role(const char *role)
{
	return strcmp(role, "agent") == 0 || strcmp(role, "senior-agent") == 0;
}

/* A teammate of p other than p, for peer reviews; -1 when p has none. */
static int teammate(struct gen *g, int p)
{
	int candidates[NPEOPLE], n = 0;

	for (int q = 0; q < NPEOPLE; q++)
		if (q != p && strcmp(demo_people[q].team, demo_people[p].team) == 0 &&
		    demo_people[q].joined < MONTHS)
			candidates[n++] = q;
	return n == 0 ? -1 : candidates[rng_range(&g->rng, 0, n - 1)];
}

static void person_month(struct gen *g, int p, int month)
{
	const struct demo_person *who = &demo_people[p];
	int32_t day;

	if (month == who->joined) {
		day = day_in_month(g, month);
		for (int c = 0; c < demo_competency_count; c++)
			if (required(p, c) > 0)
				evidence(g, p, c, SOURCE_ASSESSMENT, day, observe(g, p, c, SOURCE_ASSESSMENT, day),
					 0.1, NULL, "Development assessment against the new function profile.");
	}
	if (who->traits & ONLY_ASSESSED)
		return;
	if (contact_role(who->role)) {
		/* The evaluated contacts: the coach's view of each competency a
		 * scorecard area shows. The phone team's evaluations are in the
		 * database (demo/evaluations.h makes them of these views); the
		 * other teams' reach it as rows of evidence of source qa, as the
		 * quality platform's export of an organisation that has not
		 * connected it yet would. Both take the same draws, so that the
		 * other sources' evidence is the same either way. */
		bool evaluated = strcmp(who->team, EVALUATED_TEAM) == 0;

		for (int e = 0; e < QA_PER_MONTH; e++) {
			double seen[DQ_COMPETENCIES];
			const char *note = NULL;
			int note_competency = -1, coach_index;

			day = day_in_month(g, month);
			coach_index = 1 + rng_range(&g->rng, 0, 1);
			for (int k = 0; k < DQ_COMPETENCIES; k++) {
				int c = competency_index(demo_qa_competencies[k]);
				const char *row_note = NULL;

				seen[k] = NAN;
				if (c < 0 || required(p, c) == 0)
					continue;
				if (rng_range(&g->rng, 0, 9) == 0)
					row_note = qa_notes[rng_range(&g->rng, 0, (int)(sizeof qa_notes / sizeof qa_notes[0]) - 1)];
				if (row_note != NULL && note == NULL) {
					note = row_note;
					note_competency = k;
				}
				seen[k] = observe(g, p, c, SOURCE_QA, day);
				if (!evaluated)
					evidence(g, p, c, SOURCE_QA, day, seen[k], 0.1,
						 demo_people[coach_index].key, row_note);
			}
			if (evaluated &&
			    demo_qa_manager(g->qa, p, coach_index, day, seen, note, note_competency) < 0)
				g->qa_failed = true;
		}
		for (int e = 0; e < CUSTOMER_PER_MONTH; e++) {
			int c = competency_index(e == 0 ? "customer-focus" : "communication");

			day = day_in_month(g, month);
			if (c >= 0)
				evidence(g, p, c, SOURCE_CUSTOMER, day, observe(g, p, c, SOURCE_CUSTOMER, day),
					 1.0, NULL, NULL);
		}
	}
	if (month % 3 == 2 && who->manager != NULL) {
		day = day_in_month(g, month);
		for (int c = 0; c < demo_competency_count; c++)
			if (required(p, c) > 0)
				evidence(g, p, c, SOURCE_MANAGER, day, observe(g, p, c, SOURCE_MANAGER, day), 0.5,
					 who->manager, rng_range(&g->rng, 0, 3) == 0 ?
					 manager_notes[rng_range(&g->rng, 0, 2)] : NULL);
	}
	if (month == 5 || month == 11) {
		day = day_in_month(g, month);
		for (int c = 0; c < demo_competency_count; c++)
			if (required(p, c) > 0)
				evidence(g, p, c, SOURCE_SELF, day, observe(g, p, c, SOURCE_SELF, day), 0.5,
					 NULL, NULL);
	}
	if (month == 4 || month == 10) {
		for (int k = 0; k < 2; k++) {
			int peer = teammate(g, p);

			day = day_in_month(g, month);
			for (int c = 0; peer >= 0 && c < demo_competency_count; c++)
				if (required(p, c) > 0 && rng_range(&g->rng, 0, 2) == 0)
					evidence(g, p, c, SOURCE_PEER, day, observe(g, p, c, SOURCE_PEER, day), 0.5,
						 demo_people[peer].key, NULL);
		}
	}
	if (month == 1 || month == 7) {
		static const char *const tested[] = { "municipal-knowledge", "digital-skills" };

		day = day_in_month(g, month);
		for (size_t k = 0; k < 2; k++) {
			int c = competency_index(tested[k]);

			if (c >= 0 && required(p, c) > 0)
				evidence(g, p, c, SOURCE_TEST, day, observe(g, p, c, SOURCE_TEST, day), 0.1,
					 NULL, "Online knowledge test.");
		}
	}
}

static void write_teams(FILE *out)
{
	const char *header[] = { "key", "name", "parent" };

	(void)write_row(out, header, 3);
	for (size_t i = 0; i < sizeof demo_teams / sizeof demo_teams[0]; i++) {
		const char *cells[] = { demo_teams[i].key, demo_teams[i].name, demo_teams[i].parent };

		(void)write_row(out, cells, 3);
	}
}

static void write_competencies(FILE *out)
{
	const char *header[] = { "key", "name", "category", "description", "developability" };

	(void)write_row(out, header, 5);
	for (int c = 0; c < demo_competency_count; c++) {
		const struct demo_competency *k = &demo_competencies[c];
		const char *cells[] = { k->key, k->name, k->category, k->description,
					developability_name(k->developability) };

		(void)write_row(out, cells, 5);
	}
}

static void write_indicators(FILE *out, struct demo_summary *sum)
{
	const char *header[] = { "competency", "level", "indicator" };

	(void)write_row(out, header, 3);
	for (int c = 0; c < demo_competency_count; c++) {
		const struct demo_competency *k = &demo_competencies[c];

		for (int i = 0; i < DEMO_INDICATORS_MAX && k->indicators[i] != NULL; i++) {
			const char *cells[] = { k->key, "", k->indicators[i] };

			(void)write_row(out, cells, 3);
			sum->indicators++;
		}
		for (int l = 0; l < LEVEL_MAX; l++) {
			char level[16];
			const char *cells[] = { k->key, level, k->levels[l] };

			(void)snprintf(level, sizeof level, "%d", l + 1);
			(void)write_row(out, cells, 3);
			sum->indicators++;
		}
	}
}

static void write_roles(FILE *out, struct demo_summary *sum)
{
	const char *header[] = { "role", "competency", "required_level", "weight" };

	(void)write_row(out, header, 4);
	for (int r = 0; r < demo_role_count; r++) {
		for (int i = 0; i < demo_roles[r].count; i++) {
			const struct demo_requirement *q = &demo_roles[r].requirements[i];
			char level[16], weight[16];
			const char *cells[] = { demo_roles[r].key, q->competency, level, weight };

			(void)snprintf(level, sizeof level, "%d", q->required_level);
			(void)snprintf(weight, sizeof weight, "%d", q->weight);
			(void)write_row(out, cells, 4);
			sum->requirements++;
		}
	}
}

static void write_people(FILE *out, struct demo_summary *sum)
{
	const char *header[] = { "id", "name", "email", "team", "role", "manager" };

	(void)write_row(out, header, 6);
	for (int p = 0; p < NPEOPLE; p++) {
		const struct demo_person *d = &demo_people[p];
		char email[128];
		const char *cells[] = { d->key, d->name, email, d->team, d->role, d->manager };

		(void)snprintf(email, sizeof email, "%s@lindeborg.example", d->email);
		(void)write_row(out, cells, 6);
		if (d->joined >= MONTHS)
			sum->unassessed++;
	}
}

static void write_evidence(struct gen *g)
{
	const char *header[] = { "person", "competency", "level", "source", "date", "assessor", "note" };

	(void)write_row(g->out, header, 7);
	for (int month = 0; month < MONTHS; month++)
		for (int p = 0; p < NPEOPLE; p++)
			if (month >= demo_people[p].joined)
				person_month(g, p, month);
}

static void fill_teams(void *ctx, FILE *out)
{
	(void)ctx;
	write_teams(out);
}

static void fill_competencies(void *ctx, FILE *out)
{
	(void)ctx;
	write_competencies(out);
}

static void fill_indicators(void *ctx, FILE *out)
{
	write_indicators(out, ((struct gen *)ctx)->sum);
}

static void fill_library_texts(void *ctx, FILE *out)
{
	(void)ctx;
	demo_write_library_texts(out);
}

static void fill_roles(void *ctx, FILE *out)
{
	write_roles(out, ((struct gen *)ctx)->sum);
}

static void fill_people(void *ctx, FILE *out)
{
	write_people(out, ((struct gen *)ctx)->sum);
}

static void fill_evidence(void *ctx, FILE *out)
{
	struct gen *g = ctx;

	g->out = out;
	write_evidence(g);
}

static void fill_scorecards(void *ctx, FILE *out)
{
	(void)ctx;
	demo_qa_write_scorecards(out);
}

static void fill_evaluations(void *ctx, FILE *out)
{
	demo_qa_write_evaluations(((struct gen *)ctx)->qa, out);
}

/* The quality coaches: they evaluate, calibrate and coach. */
static const char *const coaches[] = { "KCC-1002", "KCC-1003" };

/* The people as the evaluations see them, and a collector for them. */
static int start_evaluations(struct gen *g, struct err *err)
{

	for (int p = 0; p < NPEOPLE; p++) {
		const struct demo_person *d = &demo_people[p];
		struct demo_qa_person *q = &g->qa_people[p];

		*q = (struct demo_qa_person){ d->key, d->team, d->manager, -1, 0 };
		for (int k = 0; d->trait_competency != NULL && k < DQ_COMPETENCIES; k++)
			if (strcmp(d->trait_competency, demo_qa_competencies[k]) == 0) {
				/* as observe() rates a self-assessment */
				q->self_bias_competency = k;
				q->self_bias = d->traits & BLIND_SPOT ? 1.6 : -1.4;
			}
	}
	demo_qa_free(g->qa);
	g->qa = demo_qa_new(g->qa_people, NPEOPLE, coaches, 2);
	g->qa_failed = false;
	return g->qa != NULL ? 0 : err_set(err, EX_OSERR, "out of memory");
}

/* The scorecards and the evaluations drawn with the evidence: their rows
 * of evidence (qa and self) count in the summary. */
static int import_evaluations(struct store *st, struct gen *g, struct err *err)
{
	struct demo_summary *sum = g->sum;
	struct demo_qa_counts c;

	if (g->qa_failed || demo_qa_finish(g->qa, DEMO_SEED + 1) < 0)
		return err_set(err, EX_OSERR, "out of memory");
	if (import_written(st, IMPORT_SCORECARDS, fill_scorecards, g, "demo", NULL, err) < 0 ||
	    import_written(st, IMPORT_EVALUATIONS, fill_evaluations, g, "demo", NULL, err) < 0)
		return -1;
	demo_qa_count(g->qa, &c);
	sum->scorecards = c.scorecards;
	sum->evaluations = c.evaluations;
	memcpy(sum->by_kind, c.by_kind, sizeof sum->by_kind);
	sum->sessions = c.sessions;
	sum->evidence += c.rows_qa + c.rows_self;
	sum->by_source[SOURCE_QA] += c.rows_qa;
	sum->by_source[SOURCE_SELF] += c.rows_self;
	return 0;
}

/* The coaching sessions on the evaluations, and the plans. */
static int store_coaching_and_plans(struct store *st, struct gen *g, struct err *err)
{
	struct demo_summary *sum = g->sum;
	struct demo_coaching_counts c;
	struct demo_plan_counts p;

	if (demo_coaching_store(st, g->qa, g->qa_people, NPEOPLE, EVALUATED_TEAM, coaches, 2,
				g->first_day, MONTHS, DEMO_SEED + 2, &c, err) < 0 ||
	    demo_plans_store(st, &p, err) < 0)
		return -1;
	sum->coaching = c.sessions;
	sum->coaching_group = c.group;
	sum->coaching_items = c.items;
	sum->coaching_followups = c.followups;
	sum->plan_actions = p.actions;
	memcpy(sum->plan_by_status, p.by_status, sizeof sum->plan_by_status);
	return 0;
}

/* Refuses a database that holds an organisation already. */
static int check_empty(struct store *st, struct err *err)
{
	int64_t n;

	for (enum entity k = ENTITY_TEAM; k <= ENTITY_COMPETENCY; k++) {
		if (store_count(st, k, &n, err) < 0)
			return -1;
		if (n > 0)
			return err_set(err, EX_DATAERR,
				       "%s holds an organisation already; the demo needs an empty database (choose another --db PATH)",
				       store_describe(st));
	}
	return 0;
}

/* All six files in one transaction: a demo is made whole or not at all.
 * Every attempt draws the same organisation from the start. */
static int write_demo(struct store *st, void *ctx, int attempt, struct err *err)
{
	struct gen *g = ctx;
	struct demo_summary *sum = g->sum;

	(void)attempt;
	memset(sum, 0, sizeof *sum);
	rng_seed(&g->rng, DEMO_SEED);
	(void)date_parse(DEMO_FIRST_DAY, &g->first_day);
	draw_truth(g);
	if (check_empty(st, err) < 0 || start_evaluations(g, err) < 0 ||
	    import_written(st, IMPORT_TEAMS, fill_teams, g, "demo", &sum->teams, err) < 0 ||
	    import_written(st, IMPORT_COMPETENCIES, fill_competencies, g, "demo", &sum->competencies,
			   err) < 0 ||
	    import_written(st, IMPORT_INDICATORS, fill_indicators, g, "demo", NULL, err) < 0 ||
	    import_written(st, IMPORT_ROLES, fill_roles, g, "demo", NULL, err) < 0 ||
	    import_written(st, IMPORT_LIBRARY_TEXTS, fill_library_texts, g, "demo", NULL, err) < 0 ||
	    import_written(st, IMPORT_PEOPLE, fill_people, g, "demo", &sum->people, err) < 0 ||
	    import_written(st, IMPORT_EVIDENCE, fill_evidence, g, "demo", NULL, err) < 0 ||
	    import_evaluations(st, g, err) < 0 || store_coaching_and_plans(st, g, err) < 0 ||
	    demo_okr_import(st, &sum->objectives, &sum->key_results, &sum->checkins, err) < 0)
		return -1;
	sum->roles = demo_role_count;
	return 0;
}

int demo_create(struct store *st, struct demo_summary *sum, struct err *err)
{
	struct gen *g;
	int rc;

	memset(sum, 0, sizeof *sum);
	if (demo_competency_count > NCOMP_MAX)
		return err_set(err, EX_SOFTWARE, "the demo library has too many competencies");
	g = calloc(1, sizeof *g);
	if (g == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	g->sum = sum;
	rc = store_transact(st, write_demo, g, err);
	demo_qa_free(g->qa);
	free(g);
	return rc;
}
