/* table.c — aligned, width-fitting columns for line output. */
#include <stdlib.h>
#include <string.h>

#include "out.h"
#include "table.h"
#include "text.h"

#define ELLIPSIS "…"

void table_init(struct table *t, struct table_col *cols, int ncols)
{
	memset(t, 0, sizeof *t);
	t->cols = cols;
	t->ncols = ncols;
	t->oom = ncols > TABLE_MAX_COLS;   /* prints nothing rather than overrun */
}

void table_add(struct table *t, const char *const *cells)
{
	if (t->oom)
		return;
	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		char **nv = realloc(t->cells, cap * (size_t)t->ncols * sizeof *nv);
		if (nv)
			t->cells = nv;
		int *nw = nv ? realloc(t->widths, cap * (size_t)t->ncols * sizeof *nw) : NULL;
		if (!nw) {
			t->oom = true;
			return;
		}
		t->widths = nw;
		t->cap = cap;
	}
	char **row = t->cells + t->nrows * (size_t)t->ncols;
	int *w = t->widths + t->nrows * (size_t)t->ncols;
	/* One line per cell: a newline in a name must not break the row.
	 * Printable ASCII (numbers, most ids) and text already clean need no
	 * copy; the row's cells go into one block. */
	char *cleaned[TABLE_MAX_COLS] = { NULL };
	size_t len[TABLE_MAX_COLS], total = 0;
	bool ascii[TABLE_MAX_COLS];
	for (int i = 0; i < t->ncols; i++) {
		const char *s = cells[i] ? cells[i] : "", *p = s;
		while (*p >= 0x20 && *p < 0x7F)
			p++;
		ascii[i] = !*p;
		len[i] = (size_t)(p - s) + strlen(p);
		if (!ascii[i] && !text_is_clean(s, len[i])) {
			if (!(cleaned[i] = text_clean(s, len[i], false)))
				t->oom = true;
			else
				len[i] = strlen(cleaned[i]);
		}
		total += len[i] + 1;
	}
	char *block = t->oom ? NULL : malloc(total);
	if (!block)
		t->oom = true;
	for (int i = 0, at = 0; block && i < t->ncols; i++) {
		const char *s = cleaned[i] ? cleaned[i] : cells[i] ? cells[i] : "";
		row[i] = block + at;
		memcpy(row[i], s, len[i] + 1);
		w[i] = ascii[i] ? (int)len[i] : text_width(row[i]);
		at += (int)len[i] + 1;
	}
	for (int i = 0; i < t->ncols; i++)
		free(cleaned[i]);
	if (block)
		t->nrows++;
}

void table_free(struct table *t)
{
	for (size_t r = 0; r < t->nrows; r++)
		free(t->cells[r * (size_t)t->ncols]);   /* the row's block */
	free(t->cells);
	free(t->widths);
	memset(t, 0, sizeof *t);
}

char *table_fit(const char *s, int cols, enum table_clip how)
{
	int w = text_width(s);
	if (w <= cols || how == TABLE_NO_CLIP)
		return strdup(s);
	if (how == TABLE_CLIP_MIDDLE) {
		/* Names: keep the start and the end (out.h), without the padding. */
		char *fit = out_fit(s, cols, true);
		size_t len = fit ? strlen(fit) : 0;
		while (len && fit[len - 1] == ' ')
			fit[--len] = '\0';
		return fit;
	}
	if (cols < 1)
		return strdup("");
	size_t head = text_clip(s, cols - 1, NULL);
	char *out = malloc(head + strlen(ELLIPSIS) + 1);
	if (!out)
		return NULL;
	memcpy(out, s, head);
	memcpy(out + head, ELLIPSIS, strlen(ELLIPSIS) + 1);
	return out;
}

/* A row being put together: in UTF-8 the cells (cleaned when added) go
 * out in one write per row; a stdio call per cell and pad was a third of
 * printing a report.  p NULL: straight to the stream (ASCII output, or
 * out of memory). */
struct line {
	FILE *f;
	char *p;
	size_t n, cap;
};

static void put_grow(struct line *l, const char *s, size_t n)
{
	if (l->p && l->n + n + 1 > l->cap) {
		size_t cap = (l->n + n + 1) * 2;
		char *np = realloc(l->p, cap);
		if (!np) {   /* write what there is, then go on unbuffered */
			fwrite(l->p, 1, l->n, l->f);
			free(l->p);
			l->p = NULL;
		} else {
			l->p = np;
			l->cap = cap;
		}
	}
	if (l->p) {
		memcpy(l->p + l->n, s, n);
		l->n += n;
	} else {
		fwrite(s, 1, n, l->f);
	}
}

/* Called a few times per cell: room in the buffer is the usual case. */
static inline void put(struct line *l, const char *s, size_t n)
{
	if (l->p && l->n + n + 1 <= l->cap) {
		memcpy(l->p + l->n, s, n);
		l->n += n;
	} else {
		put_grow(l, s, n);
	}
}

static void pad(struct line *l, int n)
{
	static const char spaces[] = "                                ";
	for (int k; n > 0; n -= k) {
		k = n < (int)sizeof spaces - 1 ? n : (int)sizeof spaces - 1;
		put(l, spaces, (size_t)k);
	}
}

/* cws: the cells' widths (NULL: measured here). */
static void print_row(const struct table *t, struct line *l, char *const *row, const int *cws,
                      const int *w, int indent, int gap, bool utf8)
{
	pad(l, indent);
	for (int i = 0; i < t->ncols; i++) {
		/* A cell that fits is printed as it is (no copy). */
		int cw = cws ? cws[i] : text_width(row[i]);
		char *cell = NULL;
		const char *c = row[i];
		if (cw > w[i] && t->cols[i].clip != TABLE_NO_CLIP) {
			cell = table_fit(row[i], w[i], t->cols[i].clip);
			c = cell ? cell : "";
			cw = text_width(c);
		}
		int room = w[i] - cw > 0 ? w[i] - cw : 0;
		bool last = i + 1 == t->ncols;
		if (t->cols[i].align == TABLE_RIGHT)
			pad(l, room);
		if (utf8 && l->p)
			put(l, c, strlen(c));   /* cleaned by table_add (headings are ours) */
		else
			out_puts(l->f, c, utf8);
		if (!last)   /* a left-aligned cell's room, then the gap */
			pad(l, (t->cols[i].align == TABLE_LEFT ? room : 0) + gap);
		free(cell);
	}
	put(l, "\n", 1);
	if (l->p) {
		fwrite(l->p, 1, l->n, l->f);
		l->n = 0;
	}
}

/* Too narrow for columns: the first cell on its own line, the others under
 * it after their headings ("answers 4 · share 75%"), wrapped to the width. */
static void print_stacked(const struct table *t, FILE *f, char *const *row, int width,
                          int indent, bool utf8)
{
	char *first = table_fit(row[0], width - indent, t->cols[0].clip == TABLE_NO_CLIP ?
	                        TABLE_CLIP_MIDDLE : t->cols[0].clip);
	fprintf(f, "%*s", indent, "");
	out_puts(f, first ? first : "", utf8);
	fputc('\n', f);
	free(first);
	size_t cap = 1, len = 0;
	for (int i = 1; i < t->ncols; i++)
		cap += strlen(t->cols[i].head) + strlen(row[i]) + 8;
	char *rest = malloc(cap), **lines = NULL;
	size_t n = 0;
	if (!rest)
		return;
	rest[0] = '\0';
	for (int i = 1; i < t->ncols; i++)
		if (row[i][0])
			len += (size_t)snprintf(rest + len, cap - len, "%s%s %s", len ? " · " : "",
			                        t->cols[i].head, row[i]);
	lines = text_wrap(rest, width - indent - 4, &n);
	for (size_t k = 0; k < n; k++) {
		fprintf(f, "%*s", indent + 4, "");
		out_puts(f, lines[k], utf8);
		fputc('\n', f);
	}
	text_lines_free(lines, n);
	free(rest);
}

static void print_table(const struct table *t, FILE *f, int width, int indent, bool utf8)
{
	int *w = calloc((size_t)t->ncols, sizeof *w);
	char **head = calloc((size_t)t->ncols, sizeof *head);
	if (!w || !head)
		goto out;
	int total = indent;
	for (int i = 0; i < t->ncols; i++) {
		head[i] = (char *)t->cols[i].head;
		w[i] = text_width(head[i]);
		for (size_t r = 0; r < t->nrows; r++) {
			int cw = t->widths[r * (size_t)t->ncols + (size_t)i];
			if (cw > w[i])
				w[i] = cw;
		}
		if (t->cols[i].max && w[i] > t->cols[i].max)
			w[i] = t->cols[i].max;
		total += w[i];
	}
	/* Two spaces between columns when they fit, else one. */
	int gap = total + 2 * (t->ncols - 1) <= width ? 2 : 1;
	total += gap * (t->ncols - 1);
	/* Too wide: shrink the columns that may be clipped, widest first, down
	 * to their minimum (a heading may then be clipped too). */
	while (total > width) {
		int best = -1;
		for (int i = 0; i < t->ncols; i++) {
			int min = t->cols[i].min ? t->cols[i].min : 3;
			if (t->cols[i].clip != TABLE_NO_CLIP && w[i] > min && (best < 0 || w[i] > w[best]))
				best = i;
		}
		if (best < 0)
			break;
		w[best]--;
		total--;
	}
	if (total > width) {
		for (size_t r = 0; r < t->nrows; r++)
			print_stacked(t, f, t->cells + r * (size_t)t->ncols, width, indent, utf8);
		goto out;
	}
	struct line l = { f, utf8 ? malloc(256) : NULL, 0, 256 };
	print_row(t, &l, head, NULL, w, indent, gap, utf8);
	for (size_t r = 0; r < t->nrows; r++)
		print_row(t, &l, t->cells + r * (size_t)t->ncols, t->widths + r * (size_t)t->ncols, w,
		          indent, gap, utf8);
	free(l.p);
out:
	free(w);
	free(head);
}

void table_print(const struct table *t, FILE *f, int width, int indent, bool utf8)
{
	if (utf8 || t->oom) {
		print_table(t, f, width, indent, utf8);
		return;
	}
	/* Without UTF-8 every character prints as one ASCII character: the
	 * columns are measured on that, or a Chinese name (two columns a
	 * character) would be padded for a width it is not printed at. */
	size_t n = t->nrows * (size_t)t->ncols;
	struct table a = *t;
	struct table_col *cols = calloc((size_t)t->ncols, sizeof *cols);
	char **heads = calloc((size_t)t->ncols, sizeof *heads);
	a.cells = calloc(n ? n : 1, sizeof *a.cells);
	a.widths = calloc(n ? n : 1, sizeof *a.widths);
	a.cols = cols;
	bool ok = cols && heads && a.cells && a.widths;
	for (int i = 0; ok && i < t->ncols; i++) {
		cols[i] = t->cols[i];
		ok = (cols[i].head = heads[i] = out_shown(t->cols[i].head, false)) != NULL;
	}
	for (size_t i = 0; ok && i < n; i++) {
		ok = (a.cells[i] = out_shown(t->cells[i], false)) != NULL;
		a.widths[i] = ok ? text_width(a.cells[i]) : 0;
	}
	/* out of memory: the columns may not line up, but nothing is lost */
	print_table(ok ? &a : t, f, width, indent, false);
	for (size_t i = 0; a.cells && i < n; i++)
		free(a.cells[i]);
	for (int i = 0; heads && i < t->ncols; i++)
		free(heads[i]);
	free(a.cells);
	free(a.widths);
	free(heads);
	free(cols);
}
