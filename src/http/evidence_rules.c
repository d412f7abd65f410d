/* Who may add which evidence (docs/security.md, "Who may add and retract
 * evidence"): one set of rules for POST /api/v1/evidence and for a
 * coach's evidence import, so that an integration finds the same answer
 * whichever way it sends a row. */
#include <string.h>

#include "http/api.h"

const char *http_evidence_source_refused(const struct http_caller *c, enum source src, bool own)
{
	switch (src) {
	case SOURCE_SELF:
		return own ? NULL : "self evidence is about oneself only";
	case SOURCE_MANAGER:
		return c->role == ROLE_MANAGER && !own ? NULL
			: "only a manager gives manager evidence, about their reports";
	case SOURCE_PEER:
		return (c->role == ROLE_MANAGER || c->role == ROLE_EMPLOYEE) && !own ? NULL
			: "peer evidence is given by a manager or an employee, about someone else";
	case SOURCE_QA:
		return c->role == ROLE_COACH && !own ? NULL
			: "only a coach gives qa evidence, about the people of their teams";
	default:
		return "only admin and hr add this source of evidence";
	}
}

int http_evidence_assessor(const struct http_ctx *cx, struct store *st, const char *assessor,
			   const char **why)
{
	const struct http_caller *c = cx->req->caller;
	int rc;

	*why = NULL;
	if (assessor == NULL || assessor[0] == '\0' ||
	    http_role_in(c, ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_HR)))
		return 1;
	if (c->person[0] != '\0') {
		if (strcmp(assessor, c->person) == 0)
			return 1;
		*why = "evidence you add has you as its assessor; leave assessor out";
		return 0;
	}
	/* A token has no person of its own: it may name who assessed (the
	 * coach who evaluated the contact), someone within its reach. */
	rc = http_token_may_name(cx, st, assessor);
	if (rc == 0)
		*why = "the assessor must be someone within your reach";
	return rc;
}

int http_token_may_name(const struct http_ctx *cx, struct store *st, const char *person)
{
	struct err err = { 0 };
	int rc = store_lookup(st, ENTITY_PERSON, person, NULL, &err);

	if (rc == 1 && cx->cfg->reach != NULL)
		rc = cx->cfg->reach(cx->cfg, st, cx->req->caller, ENTITY_PERSON, person);
	return rc;
}
