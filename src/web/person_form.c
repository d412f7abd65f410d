/* The person page's form to add evidence, and POST /people/{key}/evidence
 * (docs/web.md, "The person page"): the row goes through the same checks
 * as POST /api/v1/evidence (the role's sources by http/evidence_rules.c,
 * the reach by http_visible, the row by evidence_add_in as the import
 * checks it), stored with its audit entry in one transaction; then 303 to
 * the page (Post/Redirect/Get). A refused form is shown again with what
 * was typed and the error beside its field. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "http/api.h"
#include "io/html.h"
#include "store/star.h"
#include "store/texts.h"
#include "util/date.h"
#include "web/person.h"
#include "web/pages.h"

/* The longest note kept from the form (the import allows longer; a
 * browser's field need not). */
enum { NOTE_MAX = 1000 };

/* Whether the caller may give evidence of source s about the person
 * (own: themselves): admin and hr any, the others by the API's rules. */
static bool may_give(const struct http_caller *c, enum source s, bool own)
{
	if (http_role_in(c, ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_HR)))
		return true;
	return http_evidence_source_refused(c, s, own) == NULL;
}

static bool is_own(const struct http_caller *c, const char *key)
{
	return c->person[0] != '\0' && strcmp(c->person, key) == 0;
}

/* The opening of a field: its label, its error and the attributes that
 * tie them (web/forms.c's habit). */
static void field_begin(struct page *p, const char *name, const char *label, const char *error)
{
	html_printf(p->out, "<div class=\"field%s\">\n<label for=\"%s\">%s</label>\n",
		    error != NULL ? " invalid" : "", name, label);
	if (error != NULL)
		html_printf(p->out, "<p class=\"error\" id=\"%s-error\">%s</p>\n", name, error);
}

static void invalid_attrs(struct page *p, const char *name, const char *error)
{
	if (error != NULL)
		html_printf(p->out, " aria-invalid=\"true\" aria-describedby=\"%s-error\"", name);
}

static void write_sources(struct page *p, const char *key, const struct person_form *f,
			  bool peer_only)
{
	if (peer_only) {
		/* The source is not chosen: this form gives peer feedback. */
		page_hidden(p, "source", "peer");
		html_printf(p->out, "<p class=\"fixed-source\">%s <strong>%s</strong></p>\n",
			    tr(p->lang, "Source:"), person_source_label(p->lang, SOURCE_PEER));
		return;
	}

	const char *chosen = f != NULL ? f->source : NULL;
	const char *error = f != NULL ? f->source_error : NULL;

	field_begin(p, "source", tr(p->lang, "Source"), error);
	fputs("<select id=\"source\" name=\"source\"", p->out);
	invalid_attrs(p, "source", error);
	fputs(">\n", p->out);
	for (int s = 0; s < SOURCE_COUNT; s++) {
		if (!may_give(p->caller, (enum source)s, is_own(p->caller, key)))
			continue;
		html_printf(p->out, "<option value=\"%s\"%s>%s</option>\n", source_name((enum source)s),
			    chosen != NULL && strcmp(chosen, source_name((enum source)s)) == 0
			    ? " selected" : "", person_source_label(p->lang, (enum source)s));
	}
	fputs("</select>\n</div>\n", p->out);
}

static void competency_option(struct page *p, const struct library *lib, const char *key,
			      const char *chosen)
{
	const char *name = key;

	for (size_t i = 0; i < lib->ncompetencies; i++)
		if (strcmp(lib->competencies[i].key, key) == 0)
			name = lib->competencies[i].name;
	html_printf(p->out, "<option value=\"%s\"%s>%s</option>\n", key,
		    chosen != NULL && strcmp(chosen, key) == 0 ? " selected" : "", name);
}

static void write_competencies(struct page *p, const struct person_form_spec *sp,
			       const struct person_form *f)
{
	const struct library *lib = sp->lib;
	const char *chosen = f != NULL ? f->competency : NULL;
	const char *error = f != NULL ? f->competency_error : NULL;

	field_begin(p, "competency", tr(p->lang, "Competency"), error);
	fputs("<select id=\"competency\" name=\"competency\"", p->out);
	invalid_attrs(p, "competency", error);
	fputs(">\n", p->out);
	/* The role's competencies; without a role, the whole library. */
	for (size_t i = 0; i < sp->ncompetencies; i++)
		competency_option(p, lib, sp->competencies[i], chosen);
	for (size_t i = 0; sp->ncompetencies == 0 && i < lib->ncompetencies; i++)
		competency_option(p, lib, lib->competencies[i].key, chosen);
	fputs("</select>\n</div>\n", p->out);
}

/* The STAR note's four parts, each optional (store/star.h). */
static void write_star(struct page *p, const struct person_form *f)
{
	const char *labels[STAR_PARTS] = {
		tr(p->lang, "Situation"), tr(p->lang, "Task"), tr(p->lang, "Action"),
		tr(p->lang, "Result")
	};

	html_printf(p->out, "<fieldset class=\"star\">\n<legend>%s</legend>\n<p class=\"hint\">%s</p>\n",
		    tr(p->lang, "STAR note (optional)"),
		    tr(p->lang, "An example of the behaviour: the situation, the task, what the "
			       "person did and what came of it."));
	for (int i = 0; i < STAR_PARTS; i++) {
		const char *name = star_part_names[i];
		const char *error = f != NULL ? f->star_error[i] : NULL;

		field_begin(p, name, labels[i], error);
		html_printf(p->out, "<textarea id=\"%s\" name=\"%s\" rows=\"2\" maxlength=\"%d\"",
			    name, name, STAR_PART_MAX);
		invalid_attrs(p, name, error);
		html_printf(p->out, ">%s</textarea>\n</div>\n", f != NULL ? f->star[i] : NULL);
	}
	fputs("</fieldset>\n", p->out);
}

void person_form_render(struct page *p, const struct person_form_spec *sp,
			const struct person_form *f)
{
	char today[DATE_ISO_LEN + 1];

	date_format(date_today(), today);
	html_printf(p->out, "<h2 id=\"add-evidence\">%s</h2>\n",
		    sp->heading != NULL ? sp->heading : tr(p->lang, "Add evidence"));
	if (f != NULL && f->message != NULL)
		page_message(p, "error", f->message);
	page_form_begin(p, sp->action);
	write_sources(p, sp->key, f, sp->peer_only);
	write_competencies(p, sp, f);
	page_input(p, &(struct page_input){
		.name = "level", .label = tr(p->lang, "Level"), .type = "text",
		.value = f != NULL ? f->level : NULL,
		.hint = tr(p->lang, "From 1 to 5, such as 3 or 3.5."),
		.error = f != NULL ? f->level_error : NULL, .required = true });
	page_input(p, &(struct page_input){
		.name = "date", .label = tr(p->lang, "Date"), .type = "date",
		.value = f != NULL && f->date != NULL ? f->date : today,
		.error = f != NULL ? f->date_error : NULL, .required = true });
	page_input(p, &(struct page_input){
		.name = "note", .label = tr(p->lang, "Note (optional)"), .type = "text",
		.value = f != NULL ? f->note : NULL,
		.error = f != NULL ? f->note_error : NULL });
	write_star(p, f);
	page_submit(p, sp->submit != NULL ? sp->submit : tr(p->lang, "Add evidence"));
	page_form_end(p);
}

void person_form_write(struct page *p, const char *key, const struct library *lib,
		       const struct member_view *v, const struct person_form *f)
{
	char action[300];
	const char **keys;
	bool any = false;

	for (int s = 0; s < SOURCE_COUNT; s++)
		any = any || may_give(p->caller, (enum source)s, is_own(p->caller, key));
	if (!any)
		return;
	keys = arena_alloc(p->cx->arena, (v->nlines + 1) * sizeof *keys);
	if (keys == NULL)
		return;
	for (size_t i = 0; i < v->nlines; i++)
		keys[i] = v->lines[i].competency;
	(void)snprintf(action, sizeof action, "/people/%s/evidence", key);
	person_form_render(p, &(struct person_form_spec){
		.action = action, .key = key, .lib = lib, .competencies = keys,
		.ncompetencies = v->nlines }, f);
}

/* ---- the POST ------------------------------------------------------------------ */

struct add_form {
	struct http_ctx *cx;
	const char *key;
	const char *values[7];        /* person, competency, level, source, date, assessor, note */
	struct person_form *f;
	struct evidence_star star;
	enum lang lang;
	int refused;                  /* 404: out of reach; 422: the form shown again */
	struct field_error fe;
	struct http_audit au;
};

/* The import's complaint about a field, beside it. */
static void field_refused(struct add_form *j)
{
	const char *msg = tr(j->lang, "This value cannot be stored. Check it and try again.");

	if (strcmp(j->fe.field, "competency") == 0)
		j->f->competency_error = tr(j->lang, "Choose a competency of the list.");
	else if (strcmp(j->fe.field, "level") == 0)
		j->f->level_error = tr(j->lang, "Give a level from 1 to 5, such as 3 or 3.5.");
	else if (strcmp(j->fe.field, "date") == 0)
		j->f->date_error = tr(j->lang, "Give a date that is not in the future.");
	else if (strcmp(j->fe.field, "note") == 0)
		j->f->note_error = msg;
	else
		j->f->message = msg;
}

static int add_attempt(struct store *st, void *ctx, int attempt, struct err *err)
{
	static const struct import_options opts = { .allow_future = false };
	struct add_form *j = ctx;
	struct http_audit ok = { "evidence.add", "evidence", NULL, j->key, "ok", "1 row" };
	long stored = 0;
	int rc;

	(void)attempt;
	j->refused = 0;
	rc = http_visible(j->cx, st, ENTITY_PERSON, j->key, "key", &j->au);
	if (rc < 0)
		return err_set(err, EX_UNAVAILABLE, "cannot check access");
	if (rc == 0) {
		j->refused = 404;
		return err_set(err, EX_NOPERM, "out of reach");
	}
	if (evidence_add_in(st, j->values, 1, false, &opts, &stored, &j->fe) < 0) {
		if (j->fe.code == EE_STORE) {
			*err = j->fe.err;
			return -1;
		}
		j->refused = 422;
		return err_set(err, EX_DATAERR, "%s", j->fe.message);
	}
	/* The note goes with its row, in its transaction. */
	if (store_put_evidence_star(st, j->key, &j->star, err) < 0)
		return -1;
	return http_audit_in(j->cx, st, &ok, err);
}

bool person_form_check(const struct page *p, const char *key, struct person_form *f,
		       const char **level_out, struct evidence_star *star)
{
	const struct http_caller *c = p->caller;
	enum source src;
	int32_t day;
	char *end;
	double level;
	char *lv;
	bool ok = true;

	if (f->source == NULL || source_parse(f->source, &src) < 0)
		f->source_error = tr(p->lang, "Choose a source of the list.");
	else if (!may_give(c, src, is_own(c, key)))
		f->source_error = tr(p->lang, "You may not add evidence of this source about this "
				     "person.");
	if (f->competency == NULL || f->competency[0] == '\0')
		f->competency_error = tr(p->lang, "Choose a competency of the list.");
	/* "3,5" as a Dutch or Swedish reader writes it. */
	lv = f->level != NULL ? arena_strdup(p->cx->arena, f->level) : NULL;
	for (char *s = lv; s != NULL && *s != '\0'; s++)
		if (*s == ',')
			*s = '.';
	errno = 0;
	level = lv != NULL && lv[0] != '\0' ? strtod(lv, &end) : 0;
	if (lv == NULL || lv[0] == '\0' || errno != 0 || *end != '\0' || level < 1 || level > 5)
		f->level_error = tr(p->lang, "Give a level from 1 to 5, such as 3 or 3.5.");
	if (f->date == NULL || date_parse(f->date, &day) < 0)
		f->date_error = tr(p->lang, "Give a date such as 2026-03-31.");
	else if (day > date_today())
		f->date_error = tr(p->lang, "Give a date that is not in the future.");
	if (f->note != NULL && strlen(f->note) > NOTE_MAX)
		f->note_error = tr(p->lang, "The note is too long: at most 1000 characters.");
	for (int i = 0; i < STAR_PARTS; i++) {
		if (f->star[i] != NULL && star_length(f->star[i]) > STAR_PART_MAX) {
			f->star_error[i] = tr(p->lang, "Too long: at most 2000 characters.");
			ok = false;
		}
		star->part[i] = f->star[i];
	}
	*level_out = lv;
	return ok && f->source_error == NULL && f->competency_error == NULL &&
	       f->level_error == NULL && f->date_error == NULL && f->note_error == NULL;
}

int handle_person_evidence_post(struct http_ctx *cx)
{
	const char *key = http_param(cx->req, "key");
	const struct http_caller *c = cx->req->caller;
	struct person_form *f = arena_alloc(cx->arena, sizeof *f);
	struct add_form j = { .cx = cx, .key = key, .f = f };
	struct http_audit refused = { "evidence.add", "evidence", NULL, key, "failed", NULL };
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	struct page p;
	char *location;

	if (f == NULL || page_begin(&p, cx) < 0)
		return f == NULL ? page_error(cx, 500, NULL) : 0;
	j.lang = p.lang;
	*f = (struct person_form){ 0 };
	f->source = page_field(&p, "source");
	f->competency = page_field(&p, "competency");
	f->level = page_field(&p, "level");
	f->date = page_field(&p, "date");
	f->note = page_field(&p, "note");
	for (int i = 0; i < STAR_PARTS; i++)
		f->star[i] = page_field(&p, star_part_names[i]);
	if (st == NULL) {
		page_discard(&p);
		return page_error(cx, 503, NULL);
	}
	if (!person_form_check(&p, key, f, &j.values[2], &j.star)) {
		page_discard(&p);
		if (f->source_error != NULL && f->source != NULL && source_parse(f->source,
		    &(enum source){ 0 }) == 0)
			refused.outcome = "denied";
		refused.detail = f->source_error != NULL ? "source" : "form";
		person_page_answer(cx, key, f, 422);
		return http_audit_write(cx, st, &refused);
	}
	page_discard(&p);
	j.values[0] = key;
	j.values[1] = f->competency;
	j.values[3] = f->source;
	j.values[4] = f->date;
	j.values[5] = c->person[0] != '\0' ? c->person : NULL;
	j.values[6] = f->note != NULL && f->note[0] != '\0' ? f->note : NULL;
	if (store_transact(st, add_attempt, &j, &err) == 0) {
		location = arena_alloc(cx->arena, strlen(key) + 64);
		if (location == NULL)
			return page_error(cx, 500, NULL);
		(void)snprintf(location, strlen(key) + 64, "/people/%s?added=1", key);
		return page_redirect(cx, location);
	}
	if (j.refused == 404) {
		page_error(cx, 404, NULL);
		return http_audit_write(cx, st, &j.au);
	}
	if (j.refused == 422) {
		field_refused(&j);
		refused.detail = j.fe.field;
		person_page_answer(cx, key, f, 422);
		return http_audit_write(cx, st, &refused);
	}
	return page_error(cx, 503, NULL);
}
