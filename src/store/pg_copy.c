/* PostgreSQL's COPY FROM STDIN for the bulk loads (pg_int.h): the text
 * format's escaping, sending, and the COPY of evidence that stays open
 * from one append to the next. */
#include <string.h>

#include "store/pg_int.h"

/* Appends s to COPY's text format, escaping what the format reserves. */
int pgb_copy_text(struct buf *b, const char *s)
{
	if (s == NULL)
		return buf_adds(b, "\\N");
	while (*s != '\0') {
		size_t plain = strcspn(s, "\\\t\n\r");
		const char *esc = NULL;

		if (buf_add(b, s, plain) < 0)
			return -1;
		s += plain;
		switch (*s) {
		case '\\': esc = "\\\\"; break;
		case '\t': esc = "\\t"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		default: return 0;
		}
		if (buf_adds(b, esc) < 0)
			return -1;
		s++;
	}
	return 0;
}

int pgb_copy_send(struct store *st, struct buf *b, struct err *err)
{
	if (b->len > 0 && PQputCopyData(pgb_pg(st), b->data, (int)b->len) != 1)
		return pgb_error(st, NULL, "send evidence", err);
	buf_reset(b);
	return 0;
}

/* Ends a COPY: the server's verdict on all the rows sent. */
int pgb_copy_end(struct store *st, const char *abort_reason, const char *doing,
		 struct err *err)
{
	PGresult *r;
	int rc = 0;

	if (PQputCopyEnd(pgb_pg(st), abort_reason) != 1)
		return pgb_error(st, NULL, doing, err);
	while ((r = PQgetResult(pgb_pg(st))) != NULL) {
		if (PQresultStatus(r) != PGRES_COMMAND_OK && rc == 0 && abort_reason == NULL)
			rc = pgb_error(st, r, doing, err);
		PQclear(r);
	}
	return rc;
}

int pgb_copy_begin(struct store *st, const char *sql, const char *doing, struct err *err)
{
	PGresult *r;
	int rc = 0;

	if (pgb_copy_close(st, err) < 0)
		return -1;
	r = PQexec(pgb_pg(st), sql);

	if (PQresultStatus(r) != PGRES_COPY_IN)
		rc = pgb_error(st, r, doing, err);
	PQclear(r);
	return rc;
}

/* The COPY of evidence stays open from one append to the next, so that
 * the server stores rows while the next ones are read; any other
 * statement ends it first, and hears the server's verdict on the rows. */
int pgb_copy_close(struct store *st, struct err *err)
{
	struct conn *c = pgb_conn_of(st);

	if (!c->copy_open)
		return 0;
	c->copy_open = false;
	return pgb_copy_end(st, NULL, "store evidence", err);
}
