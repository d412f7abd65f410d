/* The helpers for forms (web/page.h): every input has its label, and
 * its error in plain words beside it, tied to it for screen readers
 * (aria-describedby, aria-invalid). */
#include <stdbool.h>
#include <stdio.h>

#include "io/html.h"
#include "web/page.h"

void page_form_begin(struct page *p, const char *action)
{
	html_printf(p->out, "<form method=\"post\" action=\"%s\" class=\"form\" novalidate>\n", action);
	if (p->caller != NULL)    /* signed in: the form needs the session's token */
		page_hidden(p, "csrf_token", p->csrf);
}

void page_hidden(struct page *p, const char *name, const char *value)
{
	html_printf(p->out, "<input type=\"hidden\" name=\"%s\" value=\"%s\">\n", name,
		    value != NULL ? value : "");
}

void page_input(struct page *p, const struct page_input *in)
{
	const char *name = in->name;

	html_printf(p->out, "<div class=\"field%s\">\n<label for=\"%s\">%s</label>\n",
		    in->error != NULL ? " invalid" : "", name, in->label);
	if (in->hint != NULL)
		html_printf(p->out, "<p class=\"hint\" id=\"%s-hint\">%s</p>\n", name, in->hint);
	if (in->error != NULL)
		html_printf(p->out, "<p class=\"error\" id=\"%s-error\">%s</p>\n", name, in->error);
	html_printf(p->out, "<input id=\"%s\" name=\"%s\" type=\"%s\"", name, name,
		    in->type != NULL ? in->type : "text");
	if (in->value != NULL && in->value[0] != '\0')
		html_printf(p->out, " value=\"%s\"", in->value);
	if (in->autocomplete != NULL)
		html_printf(p->out, " autocomplete=\"%s\"", in->autocomplete);
	if (in->required)
		fputs(" required", p->out);
	if (in->autofocus)
		fputs(" autofocus", p->out);
	if (in->error != NULL)
		fputs(" aria-invalid=\"true\"", p->out);
	/* The error first: a screen reader reads it before the hint. */
	if (in->error != NULL && in->hint != NULL)
		html_printf(p->out, " aria-describedby=\"%s-error %s-hint\"", name, name);
	else if (in->error != NULL)
		html_printf(p->out, " aria-describedby=\"%s-error\"", name);
	else if (in->hint != NULL)
		html_printf(p->out, " aria-describedby=\"%s-hint\"", name);
	fputs(">\n</div>\n", p->out);
}

void page_submit(struct page *p, const char *label)
{
	html_printf(p->out, "<div class=\"actions\"><button type=\"submit\">%s</button></div>\n", label);
}

void page_form_end(struct page *p)
{
	fputs("</form>\n", p->out);
}

void page_message(struct page *p, const char *kind, const char *text)
{
	bool alert = kind[0] == 'e';

	html_printf(p->out, "<p class=\"message %s\" role=\"%s\">%s</p>\n", kind,
		    alert ? "alert" : "status", text);
}

void page_size_text(char *out, size_t outsz, unsigned long long bytes)
{
	if (bytes >= 1024ULL * 1024)
		(void)snprintf(out, outsz, "%llu MB", bytes / (1024ULL * 1024));
	else
		(void)snprintf(out, outsz, "%llu kB", (bytes + 1023) / 1024);
}
