#include "util/array.h"
#include "cli/table.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/utf8.h"

void table_init(struct table *t, size_t ncols, const char *const *headers, unsigned right)
{
	memset(t, 0, sizeof *t);
	t->ncols = ncols < TABLE_COLS_MAX ? ncols : TABLE_COLS_MAX;
	for (size_t i = 0; headers != NULL && i < t->ncols; i++)
		t->headers[i] = headers[i];
	t->right = right;
	t->indent = "";
	arena_init(&t->arena, SIZE_MAX);
}

int table_add_coloured(struct table *t, const char *const *cells, const char *colour,
		       const char *off)
{
	if (table_add(t, cells) < 0)
		return -1;
	if (colour != NULL && colour[0] != '\0') {
		t->colours[t->nrows - 1] = colour;
		t->colour_off = off;
	}
	return 0;
}

int table_add(struct table *t, const char *const *cells)
{
	if (array_reserve(&t->cells, &t->capcells, (t->nrows + 1) * t->ncols, sizeof *t->cells) < 0 ||
	    array_reserve(&t->colours, &t->capcolours, t->nrows + 1, sizeof *t->colours) < 0)
		return -1;
	t->colours[t->nrows] = NULL;
	for (size_t i = 0; i < t->ncols; i++) {
		char *c = arena_strdup(&t->arena, cells[i] != NULL ? cells[i] : "-");

		if (c == NULL)
			return -1;
		/* One line per row: a line break in a cell would break the grid. */
		for (char *p = c; *p != '\0'; p++)
			if (*p == '\n' || *p == '\r' || *p == '\t')
				*p = ' ';
		t->cells[t->nrows * t->ncols + i] = c;
	}
	t->nrows++;
	return 0;
}

static void pad(struct buf *line, size_t n)
{
	while (n-- > 0)
		(void)buf_addc(line, ' ');
}

static void add_cell(struct buf *line, const char *s, size_t width, int right)
{
	size_t w = utf8_width(s);

	if (right)
		pad(line, width - w);
	(void)buf_adds(line, s);
	if (!right)
		pad(line, width - w);
}

void table_print(struct table *t, FILE *out)
{
	size_t width[TABLE_COLS_MAX] = { 0 };
	struct buf line;
	int has_headers = t->headers[0] != NULL;

	for (size_t c = 0; c < t->ncols; c++) {
		if (has_headers)
			width[c] = utf8_width(t->headers[c]);
		for (size_t r = 0; r < t->nrows; r++) {
			size_t w = utf8_width(t->cells[r * t->ncols + c]);

			if (w > width[c])
				width[c] = w;
		}
	}
	buf_init(&line, SIZE_MAX);
	for (size_t r = has_headers ? 0 : 1; r <= t->nrows; r++) {
		buf_reset(&line);
		(void)buf_adds(&line, t->indent);
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = r == 0 ? t->headers[c] : t->cells[(r - 1) * t->ncols + c];

			if (c > 0)
				(void)buf_adds(&line, "  ");
			add_cell(&line, s, width[c], (t->right >> c) & 1);
		}
		while (line.len > 0 && line.data[line.len - 1] == ' ')
			line.data[--line.len] = '\0';
		if (r > 0 && t->colours[r - 1] != NULL)
			fprintf(out, "%s%s%s\n", t->colours[r - 1], buf_str(&line), t->colour_off);
		else
			fprintf(out, "%s\n", buf_str(&line));
	}
	buf_free(&line);
	table_free(t);
}

void table_free(struct table *t)
{
	free(t->colours);
	free(t->cells);
	arena_free(&t->arena);
	memset(t, 0, sizeof *t);
}
