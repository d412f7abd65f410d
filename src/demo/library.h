/* The demo's competency library: the competencies of a municipal
 * customer-contact centre, each with a definition, behavioural indicators
 * and a descriptor per level, and the five function profiles that require
 * them. Static data, used by demo.c. */
#ifndef COMPGAP_DEMO_LIBRARY_H
#define COMPGAP_DEMO_LIBRARY_H

#include "core/model.h"

enum {
	DEMO_INDICATORS_MAX = 5
};

struct demo_competency {
	const char *key;                          /* e.g. "customer-focus" */
	const char *name;                         /* e.g. "Customer focus" */
	const char *category;                     /* "personal", "interpersonal", "knowledge", "leadership", ... */
	const char *description;                  /* the definition, one or two sentences */
	enum developability developability;
	const char *indicators[DEMO_INDICATORS_MAX]; /* 4 or 5 behavioural indicators; NULL after the last */
	const char *levels[LEVEL_MAX];            /* descriptor of level 1..5 at index 0..4 */
};

/* The library, in a fixed order; demo_competency_count entries. */
extern const struct demo_competency demo_competencies[];
extern const int demo_competency_count;

struct demo_requirement {
	const char *competency;                   /* a key of demo_competencies */
	int required_level;                       /* 1..5 */
	int weight;                               /* 1..3 */
};

struct demo_role {
	const char *key;                          /* e.g. "agent" */
	const char *name;                         /* e.g. "Contact-centre agent" */
	const struct demo_requirement *requirements;
	int count;
};

extern const struct demo_role demo_roles[];
extern const int demo_role_count;

#endif
