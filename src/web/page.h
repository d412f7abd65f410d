/* The ground every page of the browser application stands on
 * (docs/web.md): the page's context (the request, the signed-in caller,
 * the language, the CSRF token for its forms), writing its HTML, the
 * layout around it, the helpers for forms, redirects and the error page.
 *
 * Every dynamic string reaches the HTML through io/html.h's escaper
 * (html_escape, html_printf's %s); every text a user reads goes through
 * tr(p->lang, "...") (i18n/i18n.h). No inline script or style: the
 * server's Content-Security-Policy forbids them. */
#ifndef COMPGAP_WEB_PAGE_H
#define COMPGAP_WEB_PAGE_H

#include <stdbool.h>
#include <stdio.h>

#include "auth/auth.h"
#include "http/handler.h"
#include "i18n/i18n.h"

struct form;

/* One page being answered. */
struct page {
	struct http_ctx *cx;
	const struct http_caller *caller;  /* NULL when nobody is signed in (/login) */
	enum lang lang;
	char csrf[AUTH_TOKEN_MAX];         /* the session's CSRF token for forms, or "" */
	const struct form *form;           /* a POST's fields, or NULL */
	FILE *out;                         /* the HTML, written to a temporary file */
	const char *nav_current;           /* the navigation's entry of this page ("/") */
};

/* Begins page p for cx: the language (?lang=xx, which also sets the
 * "lang" cookie; else the cookie; else Accept-Language; else English),
 * the caller and the CSRF token, and the file the HTML goes to. 0, or -1
 * with a 500 answered. */
int page_begin(struct page *p, struct http_ctx *cx);

/* The language page_begin will choose for cx, for what a page reads
 * before it begins (names in the reader's language). */
enum lang page_lang(struct http_ctx *cx);

/* The layout's top: the document's head with title, the skip link, the
 * header (product name, navigation for the caller's role, language
 * switch, the user's name, the sign-out button), and <main> opened with
 * an <h1> of title. */
void page_head(struct page *p, const char *title);

/* Closes <main> and writes the footer and the document's end. */
void page_foot(struct page *p);

/* Makes the file cx's response with status (text/html, no-store),
 * keeping the cookies set before. 0, or -1 with a 500 answered. */
int page_finish(struct page *p, int status);

/* Throws the page away (a redirect or an error page instead). */
void page_discard(struct page *p);

/* Answers 303 See Other to location (a local path), the Post/Redirect/Get
 * of every form. Returns 0. */
int page_redirect(struct http_ctx *cx, const char *location);

/* Answers an error page in the layout: 400 (message, in plain words, may
 * be given), 403, 404 (the same whether the thing is absent or out of
 * reach), 405, 429, 500. Returns 0. */
int page_error(struct http_ctx *cx, int status, const char *message);

/* bytes as an upload limit for people: "64 MB" from 1 MiB up (whole
 * MiB, rounded down), else "N kB" (KiB, rounded up). (web/forms.c) */
void page_size_text(char *out, size_t outsz, unsigned long long bytes);

/* The value of the POSTed field name, or NULL. */
const char *page_field(const struct page *p, const char *name);

/* ---- forms (web/forms.c) ----------------------------------------------- */

/* One input with its label and, when error is set, the error beside it
 * (aria-invalid, aria-describedby). */
struct page_input {
	const char *name;            /* the field's name, also its id */
	const char *label;           /* translated */
	const char *type;            /* "text", "password" ... */
	const char *value;           /* kept from what was typed, or NULL */
	const char *autocomplete;    /* "username", "current-password" ..., or NULL */
	const char *hint;            /* a line of help under the label, or NULL */
	const char *error;           /* in plain words, or NULL */
	bool required;
	bool autofocus;
};

/* <form method="post" action="action"> with the hidden csrf_token. */
void page_form_begin(struct page *p, const char *action);
void page_input(struct page *p, const struct page_input *in);
void page_hidden(struct page *p, const char *name, const char *value);
void page_submit(struct page *p, const char *label);
void page_form_end(struct page *p);

/* A message box: kind "error" (role=alert), "notice" or "ok" (role=status). */
void page_message(struct page *p, const char *kind, const char *text);

/* ---- the navigation (web/nav.c) --------------------------------------- */

/* One entry of the navigation: a page and what it is for. */
struct nav_entry {
	const char *href;
	const char *label;           /* English; translated when shown */
	const char *purpose;         /* one line, English */
	unsigned roles;              /* ROLE_BIT()s that may use it */
};

/* The entries caller's role may use, in order, into out (at most max);
 * returns how many. */
size_t nav_entries(const struct http_caller *caller, const struct nav_entry **out, size_t max);

/* The English name of a role, to be translated: "Administrator" ... */
const char *nav_role_label(enum http_role r);

#endif
