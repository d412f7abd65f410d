/* The helpers of the library's edit pages (web/library_edit.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/html.h"
#include "web/library_edit.h"

void lib_error_add(struct lib_errors *e, const char *input, const char *message)
{
	e->problems++;
	if (lib_error(e, input) != NULL || e->n == sizeof e->input / sizeof e->input[0])
		return;
	e->input[e->n] = input;
	e->message[e->n++] = message;
}

const char *lib_error(const struct lib_errors *e, const char *input)
{
	for (size_t i = 0; i < e->n; i++)
		if (strcmp(e->input[i], input) == 0)
			return e->message[i];
	return NULL;
}

bool lib_translated(enum lang l)
{
	return l != LANG_EN;
}

const char *lib_lang_label(const struct page *p, enum lang l)
{
	static const char *const names[LANG_COUNT] = { N_("English"), N_("Dutch"), N_("Swedish") };

	return tr(p->lang, names[l]);
}

void lib_field(struct page *p, const struct lib_field *f)
{
	const char *name = f->name;

	html_printf(p->out, "<div class=\"field%s\">\n<label for=\"%s\">%s</label>\n",
		    f->error != NULL ? " invalid" : "", name, f->label);
	if (f->hint != NULL)
		html_printf(p->out, "<p class=\"hint\" id=\"%s-hint\">%s</p>\n", name, f->hint);
	if (f->error != NULL)
		html_printf(p->out, "<p class=\"error\" id=\"%s-error\">%s</p>\n", name, f->error);
	if (f->rows > 0)
		html_printf(p->out, "<textarea id=\"%s\" name=\"%s\" rows=\"%d\"", name, name, f->rows);
	else
		html_printf(p->out, "<input id=\"%s\" name=\"%s\" type=\"text\"", name, name);
	if (f->rows == 0 && f->value != NULL && f->value[0] != '\0')
		html_printf(p->out, " value=\"%s\"", f->value);
	if (f->lang != NULL)
		html_printf(p->out, " lang=\"%s\"", f->lang);
	if (f->required)
		fputs(" required", p->out);
	if (f->error != NULL)
		fputs(" aria-invalid=\"true\"", p->out);
	if (f->error != NULL && f->hint != NULL)
		html_printf(p->out, " aria-describedby=\"%s-error %s-hint\"", name, name);
	else if (f->error != NULL)
		html_printf(p->out, " aria-describedby=\"%s-error\"", name);
	else if (f->hint != NULL)
		html_printf(p->out, " aria-describedby=\"%s-hint\"", name);
	if (f->rows > 0)
		html_printf(p->out, ">%s</textarea>\n</div>\n", f->value != NULL ? f->value : "");
	else
		fputs(">\n</div>\n", p->out);
}

void lib_number(struct page *p, const char *name, const char *label, const char *value,
		int min, int max, const char *error)
{
	html_printf(p->out, "<div class=\"field number%s\">\n<label for=\"%s\">%s</label>\n",
		    error != NULL ? " invalid" : "", name, label);
	if (error != NULL)
		html_printf(p->out, "<p class=\"error\" id=\"%s-error\">%s</p>\n", name, error);
	html_printf(p->out, "<input id=\"%s\" name=\"%s\" type=\"number\" inputmode=\"numeric\""
		    " min=\"%d\" max=\"%d\" step=\"1\"", name, name, min, max);
	if (value != NULL && value[0] != '\0')
		html_printf(p->out, " value=\"%s\"", value);
	if (error != NULL)
		html_printf(p->out, " aria-invalid=\"true\" aria-describedby=\"%s-error\"", name);
	fputs(">\n</div>\n", p->out);
}

const char *lib_path(struct http_ctx *cx, enum entity kind, const char *key, const char *suffix)
{
	static const char hex[] = "0123456789ABCDEF";
	const char *prefix = kind == ENTITY_ROLE ? "/library/roles/" : "/library/competencies/";
	size_t n = strlen(prefix) + 3 * strlen(key) + strlen(suffix) + 1;
	char *out = arena_alloc(cx->arena, n), *o;

	if (out == NULL)
		return NULL;
	o = out + snprintf(out, n, "%s", prefix);
	/* A key may hold any printable character: all but the unreserved
	 * ones are escaped, so that a '/' or '?' stays in its segment. */
	for (const unsigned char *s = (const unsigned char *)key; *s != '\0'; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		    strchr("-._~", *s) != NULL) {
			*o++ = (char)*s;
		} else {
			*o++ = '%';
			*o++ = hex[*s >> 4];
			*o++ = hex[*s & 15];
		}
	}
	(void)snprintf(o, n - (size_t)(o - out), "%s", suffix);
	return out;
}

const char *lib_value(const struct page *p, const char *name)
{
	const char *v = page_field(p, name);

	return v != NULL ? v : "";
}

size_t lib_rows(const struct page *p, const char *name)
{
	const char *v = page_field(p, name);
	char *end;
	long n;

	if (v == NULL)
		return 0;
	errno = 0;
	n = strtol(v, &end, 10);
	if (errno != 0 || end == v || *end != '\0' || n < 0)
		return 0;
	return n > LIBRARY_ROWS_MAX + LIBRARY_BLANK_ROWS ? LIBRARY_ROWS_MAX + LIBRARY_BLANK_ROWS
							  : (size_t)n;
}

bool lib_blank(const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return false;
	return true;
}

int lib_refuse(struct http_ctx *cx, enum entity kind, enum http_write_op op, const char *key)
{
	struct http_audit au = {
		http_entity_action(kind, op), kind == ENTITY_ROLE ? "role" : "competency", key,
		NULL, "denied", NULL
	};
	struct err err = { 0 };
	struct store *st;

	page_error(cx, 403, NULL);
	if (strcmp(cx->req->method, "POST") != 0)
		return 0;
	st = http_store(cx, &err);
	return st != NULL ? http_audit_write(cx, st, &au) : 0;
}

void lib_error_summary(struct page *p, const struct lib_errors *e)
{
	char text[512];

	(void)snprintf(text, sizeof text,
		       trn(p->lang, "Nothing was saved: %ld problem is marked beside its field.",
			   "Nothing was saved: %ld problems are marked beside their fields.",
			   (unsigned long)e->problems), e->problems);
	page_message(p, "error", text);
}

int lib_text_add(struct patch_texts *texts, struct arena *a, enum library_kind kind, int item,
		 enum lang l, enum library_field field, const char *text, const char *input)
{
	struct patch_text *t;

	if (texts->n == texts->cap) {
		size_t cap = texts->cap ? 2 * texts->cap : 32;
		struct patch_text *items = arena_alloc(a, cap * sizeof *items);

		if (items == NULL)
			return -1;
		if (texts->n > 0)
			memcpy(items, texts->items, texts->n * sizeof *items);
		texts->items = items;
		texts->cap = cap;
	}
	t = &texts->items[texts->n++];
	*t = (struct patch_text){
		.t = { .kind = kind, .item = item, .lang = lang_code(l), .field = field,
		       .text = text },
		.field = input,
	};
	return 0;
}

long lib_field_index(const char *field, const char *prefix, const char **rest)
{
	size_t n = strlen(prefix);
	char *end;
	long i;

	if (strncmp(field, prefix, n) != 0 || field[n] != '[')
		return -1;
	errno = 0;
	i = strtol(field + n + 1, &end, 10);
	if (errno != 0 || end == field + n + 1 || *end != ']' || i < 0)
		return -1;
	if (rest != NULL)
		*rest = end + 1;
	return i;
}
