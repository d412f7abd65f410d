#include "cli/table.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

int table_add(struct table *t, const char *const *cells)
{
	if (t->nrows == t->caprows) {
		size_t cap = t->caprows ? t->caprows * 2 : 32;
		char **p = realloc(t->cells, cap * t->ncols * sizeof *p);

		if (p == NULL)
			return -1;
		t->cells = p;
		t->caprows = cap;
	}
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

static void print_cell(FILE *out, const char *s, size_t width, int right, int last)
{
	size_t w = utf8_width(s);

	if (right)
		fprintf(out, "%*s%s", (int)(width - w), "", s);
	else if (last)
		fputs(s, out);
	else
		fprintf(out, "%s%*s", s, (int)(width - w), "");
}

void table_print(struct table *t, FILE *out)
{
	size_t width[TABLE_COLS_MAX] = { 0 };
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
	for (size_t r = has_headers ? 0 : 1; r <= t->nrows; r++) {
		fputs(t->indent, out);
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = r == 0 ? t->headers[c] : t->cells[(r - 1) * t->ncols + c];

			if (c > 0)
				fputs("  ", out);
			print_cell(out, s, width[c], (t->right >> c) & 1, c + 1 == t->ncols);
		}
		fputc('\n', out);
	}
	table_free(t);
}

void table_free(struct table *t)
{
	free(t->cells);
	arena_free(&t->arena);
	memset(t, 0, sizeof *t);
}
