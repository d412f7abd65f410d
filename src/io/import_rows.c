/* The import's checks of one row of each kind: the values (through
 * core/validate.c), keys given twice, references to stored rows. */
#include "io/import_int.h"

#include <string.h>
#include <strings.h>
#include <sysexits.h>

#include "core/estimate.h"
#include "core/validate.h"
#include "util/array.h"
#include "util/date.h"

bool import_check(struct importer *im, const struct cells *c, int col,
		  int (*validate)(const char *s, char *msg, size_t msgsz))
{
	char msg[MSG_MAX];

	if (c->v[col] == NULL || validate(c->v[col], msg, sizeof msg) == 0)
		return true;
	import_problem(im, c->line, import_column_name(im, col), "%s", msg);
	return false;
}

/* An optional cell: NULL when the column is absent (keep), NULL when empty
 * (clear), else its text. */
const char *import_optional(const struct cells *c, int col)
{
	return c->v[col] != NULL && c->v[col][0] != '\0' ? c->v[col] : NULL;
}

char *import_keep(struct importer *im, const char *s)
{
	char *p = arena_strdup(&im->arena, s);

	if (s != NULL && p == NULL)
		import_fail(im);
	return p;
}

/* Adds a pending row; NULL (and a hard failure) when memory is exhausted. */
struct pending *import_add_pending(struct importer *im, long line)
{
	if (array_reserve(&im->rows, &im->caprows, im->nrows + 1, sizeof *im->rows) < 0) {
		import_fail(im);
		return NULL;
	}
	memset(&im->rows[im->nrows], 0, sizeof im->rows[0]);
	im->rows[im->nrows].line = line;
	return &im->rows[im->nrows++];
}

/* Notes key as defined on this line; reports a key given twice. */
bool import_first_time(struct importer *im, const struct cells *c, int col, const char *key)
{
	int64_t earlier;

	if (im->row_bad != 0)
		return false;    /* the row is refused already; its key may be garbled */
	if (strmap_get(&im->seen, key, &earlier)) {
		import_problem(im, c->line, import_column_name(im, col),
			"'%s' appears twice in this file (first on line %ld); give each once",
			key, im->rows[earlier].line);
		return false;
	}
	if (strmap_put(&im->seen, key, (int64_t)im->nrows) < 0)
		import_fail(im);
	return true;
}

/* Checks that key names an existing row of kind in the database. */
bool import_exists(struct importer *im, const struct cells *c, int col, enum entity kind,
		   const char *key, const char *hint)
{
	int rc;

	/* Invalid UTF-8 would make a database refuse the query itself. */
	if (im->row_bad != 0)
		return false;
	rc = store_lookup(im->st, kind, key, NULL, im->err);
	if (rc < 0) {
		import_fail(im);
		return false;
	}
	if (rc == 0) {
		char near[KEY_MAX + 1];

		/* People are too many to search on every bad row; the
		 * framework's keys are few and often mistyped. */
		if (kind != ENTITY_PERSON &&
		    store_closest_key(im->st, kind, key, near, sizeof near, im->err) == 1)
			import_problem(im, c->line, import_column_name(im, col), "unknown %s '%s'; did you mean '%s'?",
				import_column_name(im, col), key, near);
		else
			import_problem(im, c->line, import_column_name(im, col), "unknown %s '%s'; %s",
				import_column_name(im, col), key, hint);
		return false;
	}
	return true;
}

/* ---- one row of each kind ----------------------------------------------- */

void import_team_row(struct importer *im, const struct cells *c)
{
	bool ok = import_check(im, c, 0, validate_key) & import_check(im, c, 1, validate_name);
	struct pending *p;

	if (c->v[2] != NULL && c->v[2][0] != '\0')
		ok &= import_check(im, c, 2, validate_key);
	if (!ok || !import_first_time(im, c, 0, c->v[0]) || (p = import_add_pending(im, c->line)) == NULL)
		return;
	p->u.team.key = import_keep(im, c->v[0]);
	p->u.team.name = import_keep(im, c->v[1]);
	p->u.team.parent = import_keep(im, import_optional(c, 2));
	p->u.team.keep = c->v[2] == NULL ? KEEP_PARENT : 0;
}

void import_person_row(struct importer *im, const struct cells *c)
{
	static const char *const bools[] = { "1", "0", "yes", "no", "true", "false" };
	bool ok = import_check(im, c, 0, validate_key) & import_check(im, c, 1, validate_name) &
		  import_check(im, c, 2, validate_email);
	int active = 1;
	struct pending *p;

	for (int col = 3; col <= 5; col++)
		if (import_optional(c, col) != NULL)
			ok &= import_check(im, c, col, validate_key);
	if (import_optional(c, 6) != NULL) {
		active = -1;
		for (size_t i = 0; i < sizeof bools / sizeof bools[0]; i++)
			if (strcasecmp(c->v[6], bools[i]) == 0)
				active = i % 2 == 0;
		if (active < 0) {
			import_problem(im, c->line, "active", "'%s' is not 1 or 0 (yes or no)", c->v[6]);
			ok = false;
		}
	}
	if (ok && import_optional(c, 3) != NULL)
		ok &= import_exists(im, c, 3, ENTITY_TEAM, c->v[3], "import it with teams.csv first");
	if (ok && import_optional(c, 4) != NULL)
		ok &= import_exists(im, c, 4, ENTITY_ROLE, c->v[4], "import it with roles.csv first");
	if (ok && import_optional(c, 5) != NULL && strcmp(c->v[5], c->v[0]) == 0) {
		import_problem(im, c->line, "manager", "'%s' cannot be their own manager", c->v[0]);
		ok = false;
	}
	if (!ok || !import_first_time(im, c, 0, c->v[0]) || (p = import_add_pending(im, c->line)) == NULL)
		return;
	p->u.person = (struct person){
		.key = import_keep(im, c->v[0]),
		.name = import_keep(im, c->v[1]),
		.email = import_keep(im, import_optional(c, 2)),
		.team = import_keep(im, import_optional(c, 3)),
		.role = import_keep(im, import_optional(c, 4)),
		.manager = import_keep(im, import_optional(c, 5)),
		.active = active != 0,
		.keep = (c->v[2] ? 0 : KEEP_EMAIL) | (c->v[3] ? 0 : KEEP_TEAM) |
			(c->v[4] ? 0 : KEEP_ROLE) | (c->v[5] ? 0 : KEEP_MANAGER) |
			(import_optional(c, 6) ? 0 : KEEP_ACTIVE),
	};
}

void import_competency_row(struct importer *im, const struct cells *c)
{
	bool ok = import_check(im, c, 0, validate_key) & import_check(im, c, 1, validate_name) &
		  import_check(im, c, 2, validate_line) & import_check(im, c, 3, validate_text);
	enum developability dev = DEV_UNSET;
	struct pending *p;

	if (c->v[4] != NULL && developability_parse(c->v[4], &dev) < 0) {
		import_problem(im, c->line, "developability", "'%s' is not high, medium or low (or empty)",
			c->v[4]);
		ok = false;
	}
	if (!ok || !import_first_time(im, c, 0, c->v[0]) || (p = import_add_pending(im, c->line)) == NULL)
		return;
	p->u.competency = (struct competency){
		.key = import_keep(im, c->v[0]),
		.name = import_keep(im, c->v[1]),
		.category = import_keep(im, import_optional(c, 2)),
		.description = import_keep(im, import_optional(c, 3)),
		.developability = dev,
		.keep = (c->v[2] ? 0 : KEEP_CATEGORY) | (c->v[3] ? 0 : KEEP_DESCRIPTION) |
			(c->v[4] ? 0 : KEEP_DEVELOPABILITY),
	};
}

void import_indicator_row(struct importer *im, const struct cells *c)
{
	char msg[MSG_MAX], key[KEY_MAX + 2 * TEXT_MAX + 16];
	bool ok = import_check(im, c, 0, validate_key) & import_check(im, c, 2, validate_text);
	int level = 0;
	struct pending *p;

	if (c->v[1][0] != '\0' &&
	    parse_int_range(c->v[1], LEVEL_MIN, LEVEL_MAX, "level", &level, msg, sizeof msg) < 0) {
		import_problem(im, c->line, "level", "%s, or empty for a behavioural indicator", msg);
		ok = false;
	}
	if (ok && c->v[2][0] == '\0') {
		import_problem(im, c->line, "indicator", "the indicator text is empty");
		ok = false;
	}
	if (ok)
		ok = import_exists(im, c, 0, ENTITY_COMPETENCY, c->v[0], "import it with competencies.csv first");
	if (!ok)
		return;
	/* A level has one descriptor; an indicator is listed once. */
	if (level > 0)
		(void)snprintf(key, sizeof key, "%s\n%d", c->v[0], level);
	else
		(void)snprintf(key, sizeof key, "%s\n0\n%s", c->v[0], c->v[2]);
	if (!import_first_time(im, c, level > 0 ? 1 : 2, key) || (p = import_add_pending(im, c->line)) == NULL)
		return;
	p->u.indicator.competency = import_keep(im, c->v[0]);
	p->u.indicator.level = level;
	p->u.indicator.text = import_keep(im, c->v[2]);
}

void import_role_row(struct importer *im, const struct cells *c)
{
	char msg[MSG_MAX], key[2 * KEY_MAX + 2];
	bool ok = import_check(im, c, 0, validate_key) & import_check(im, c, 1, validate_key);
	int level = 0, weight = WEIGHT_MIN;
	struct pending *p;

	if (parse_int_range(c->v[2], LEVEL_MIN, LEVEL_MAX, "required level", &level,
			    msg, sizeof msg) < 0) {
		import_problem(im, c->line, "required_level", "%s", msg);
		ok = false;
	}
	if (import_optional(c, 3) != NULL &&
	    parse_int_range(c->v[3], WEIGHT_MIN, WEIGHT_MAX, "weight", &weight, msg, sizeof msg) < 0) {
		import_problem(im, c->line, "weight", "%s (3 is the most critical)", msg);
		ok = false;
	}
	if (ok)
		ok = import_exists(im, c, 1, ENTITY_COMPETENCY, c->v[1], "import it with competencies.csv first");
	if (!ok)
		return;
	(void)snprintf(key, sizeof key, "%s\n%s", c->v[0], c->v[1]);
	if (!import_first_time(im, c, 1, key) || (p = import_add_pending(im, c->line)) == NULL)
		return;
	p->u.requirement = (struct requirement){
		.role = import_keep(im, c->v[0]),
		.competency = import_keep(im, c->v[1]),
		.required_level = level,
		.weight = weight,
		.keep = import_optional(c, 3) ? 0 : KEEP_WEIGHT,
	};
}

void import_flush_evidence(struct importer *im)
{
	if (im->nbatch > 0 && !im->failed && im->rep->errors == 0 &&
	    store_append_evidence(im->st, im->batch, im->nbatch, im->err) < 0)
		import_fail(im);
	im->rep->rows += (long)im->nbatch;
	im->nbatch = 0;
	arena_free(&im->batch_arena);
}

/* n (>= 0) with its thousands grouped by commas ("13,118"), into out. */
static void format_grouped(long n, char *out, size_t outsz)
{
	char digits[24];
	size_t len, o = 0;

	len = (size_t)snprintf(digits, sizeof digits, "%ld", n);
	for (size_t i = 0; i < len && o + 1 < outsz; i++) {
		if (i > 0 && (len - i) % 3 == 0 && o + 2 < outsz)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

/* Refuses a row dated after the limit: almost always a typing error (2062
 * for 2026). The limit is today plus the setting future_days, so that an
 * entry from a time zone ahead of ours is not refused. */
void import_future_date(struct importer *im, long line, const char *column, const char *text,
			int32_t date)
{
	char today[DATE_ISO_LEN + 1], ahead[32], how[96] = "";

	date_format(im->today, today);
	format_grouped((long)date - im->today, ahead, sizeof ahead);
	if (im->opt.allow_future_option != NULL)
		(void)snprintf(how, sizeof how, "; if the date is right, import with %s",
			       im->opt.allow_future_option);
	import_problem(im, line, column,
		       "%s is %s day%s after today (%s); %s may be dated at most %ld day%s"
		       " ahead (setting future_days)%s",
		       text, ahead, date - im->today == 1 ? "" : "s", today,
		       im->kind == IMPORT_CHECKINS ? "check-ins" : "evidence",
		       (long)im->future_days, im->future_days == 1 ? "" : "s", how);
}

/* The caller's own check of a good evidence row (import_options). */
static bool allowed(struct importer *im, const struct cells *c, struct evidence *e)
{
	const char *column = NULL;
	char msg[MSG_MAX];
	int rc;

	e->person = c->v[0];
	e->competency = c->v[1];
	e->assessor = import_optional(c, 5);
	e->note = import_optional(c, 6);
	rc = im->opt.evidence_allowed(im->opt.evidence_ctx, e, &column, msg, sizeof msg, im->err);
	if (rc < 0)
		import_fail(im);
	else if (rc == 0)
		import_problem(im, c->line, column, "%s", msg);
	return rc == 1;
}

void import_evidence_row(struct importer *im, const struct cells *c)
{
	char msg[MSG_MAX];
	struct evidence e = { 0 };
	bool ok = import_check(im, c, 0, validate_key) & import_check(im, c, 1, validate_key) &
		  import_check(im, c, 6, validate_text);

	if (parse_level_as(c->v[2], im->forms, &e.level, &e.level_decimals, msg, sizeof msg) < 0) {
		import_problem(im, c->line, "level", "%s", msg);
		ok = false;
	}
	if (source_parse(c->v[3], &e.source) < 0) {
		import_problem(im, c->line, "source", "unknown source '%s'; use one of %s", c->v[3], source_list());
		ok = false;
	}
	if (parse_date_as(c->v[4], im->forms, &e.date, msg, sizeof msg) < 0) {
		import_problem(im, c->line, "date", "%s", msg);
		ok = false;
	} else if (e.date < EVIDENCE_FIRST_DAY || e.date > EVIDENCE_LAST_DAY) {
		/* The running sums need dates near their epoch (core/estimate.h). */
		import_problem(im, c->line, "date", "date %s is outside 1900-01-01 .. 2100-12-31", c->v[4]);
		ok = false;
	} else if (!im->opt.allow_future && e.date - im->today > im->future_days) {
		import_future_date(im, c->line, "date", c->v[4], e.date);
		ok = false;
	}
	if (import_optional(c, 5) != NULL)
		ok &= import_check(im, c, 5, validate_key);
	if (ok) {
		ok &= import_exists(im, c, 0, ENTITY_PERSON, c->v[0], "import them with people.csv first");
		ok &= import_exists(im, c, 1, ENTITY_COMPETENCY, c->v[1], "import it with competencies.csv first");
		if (import_optional(c, 5) != NULL)
			ok &= import_exists(im, c, 5, ENTITY_PERSON, c->v[5], "import them with people.csv first");
	}
	if (ok && im->opt.evidence_allowed != NULL && !allowed(im, c, &e))
		ok = false;
	/* After the first problem nothing more is stored, only checked. */
	if (!ok || im->rep->errors > 0)
		return;
	e.person = arena_strdup(&im->batch_arena, c->v[0]);
	e.competency = arena_strdup(&im->batch_arena, c->v[1]);
	e.assessor = arena_strdup(&im->batch_arena, import_optional(c, 5));
	e.note = arena_strdup(&im->batch_arena, import_optional(c, 6));
	if (e.person == NULL || e.competency == NULL || (import_optional(c, 5) && e.assessor == NULL) ||
	    (import_optional(c, 6) && e.note == NULL)) {
		err_set(im->err, EX_OSERR, "out of memory");
		import_fail(im);
		return;
	}
	im->batch[im->nbatch++] = e;
	if (im->nbatch == EVIDENCE_BATCH)
		import_flush_evidence(im);
}

/* A translation of the library (kind, key, item, lang, field, text): the
 * values, and that the competency, role, indicator or descriptor it
 * translates is stored (import the library itself first). */
void import_library_text_row(struct importer *im, const struct cells *c)
{
	char msg[MSG_MAX], key[KEY_MAX + 64];
	struct library_text t = { .key = c->v[1], .lang = c->v[3], .text = c->v[5] };
	const char *column = NULL;
	struct err e = { 0 };
	bool ok = true;
	struct pending *p;

	if (library_kind_parse(c->v[0], &t.kind) < 0) {
		import_problem(im, c->line, "kind", "'%s' is not a kind of text; use competency,"
			       " indicator, descriptor or role", c->v[0]);
		ok = false;
	}
	if (library_field_parse(c->v[4], &t.field) < 0) {
		import_problem(im, c->line, "field", "'%s' is not a field; use name, description or"
			       " text", c->v[4]);
		ok = false;
	}
	if (c->v[2] != NULL && c->v[2][0] != '\0' &&
	    parse_int_range(c->v[2], 1, 100000, "item", &t.item, msg, sizeof msg) < 0) {
		import_problem(im, c->line, "item", "%s", msg);
		ok = false;
	}
	if (!ok)
		return;
	/* Invalid UTF-8 would make a database refuse the query itself. */
	if (im->row_bad != 0)
		return;
	if (store_check_library_text(im->st, &t, &column, &e) < 0) {
		if (e.code != EX_DATAERR) {
			*im->err = e;
			import_fail(im);
		} else if (column != NULL && strcmp(column, "key") == 0) {
			import_problem(im, c->line, column, "%s; import it with %s first", e.msg,
				       t.kind == LIBRARY_ROLE ? "roles.csv" : "competencies.csv");
		} else {
			import_problem(im, c->line, column, "%s", e.msg);
		}
		return;
	}
	/* Named in the message when given twice. */
	if (t.item > 0)
		(void)snprintf(key, sizeof key, "%s, %s, %d, %s, %s", library_kind_name(t.kind), t.key,
			       t.item, t.lang, library_field_name(t.field));
	else
		(void)snprintf(key, sizeof key, "%s, %s, %s, %s", library_kind_name(t.kind), t.key,
			       t.lang, library_field_name(t.field));
	if (!import_first_time(im, c, 1, key) || (p = import_add_pending(im, c->line)) == NULL)
		return;
	p->u.text = t;
	p->u.text.key = import_keep(im, t.key);
	p->u.text.lang = import_keep(im, t.lang);
	p->u.text.text = import_keep(im, t.text);
}
