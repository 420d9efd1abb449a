/* markdown.c — chapter Markdown → styled lines, using md4c's callbacks.
 * Inline text is gathered per block as one string plus style runs, wrapped
 * with text_wrap_spans() and cut back into segments, so styles survive
 * wrapping.  Containers (quotes, list items) are a stack that supplies each
 * line's prefix. */
#include "markdown.h"
#include "text.h"

#include <md4c.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- inline text with style runs ---------------------------------------- */

struct run {
	unsigned style;
	size_t start;          /* byte where this style begins */
};

struct inl {
	char *buf;             /* always NUL-terminated once allocated */
	size_t len, cap;
	struct run *runs;
	size_t n_runs, cap_runs;
};

enum cont_type { C_QUOTE, C_LIST, C_ITEM };

struct cont {
	enum cont_type type;
	bool tight;            /* C_LIST */
	bool ordered;          /* C_LIST */
	unsigned next;         /* C_LIST: next item number */
	char delim;            /* C_LIST: '.' or ')' */
	bool emitted;          /* a line was emitted inside this container */
	char marker[24];       /* C_ITEM: "• " or "12. " */
	int marker_w;          /* C_ITEM: display width of marker */
	bool marker_done;      /* C_ITEM: marker already shown */
};

struct cell {
	struct inl text;
	int align;             /* 0 left, 1 centre, 2 right */
};

struct row {
	struct cell *cells;
	size_t n, cap;
	bool head;
};

struct table {
	struct row *rows;
	size_t n, cap;
	unsigned ncols;
	bool in_head;
	struct cell *cur;      /* cell receiving text, or NULL */
};

struct ctx {
	struct md_doc *doc;
	size_t cap_lines;
	int cols;
	struct cont *stack;
	size_t depth, cap_stack;
	int quotes;            /* quotes open: adds MD_QUOTE to text */
	struct inl para;       /* paragraph, heading or tight list item text */
	bool in_para;          /* inside an explicit P or H block */
	unsigned heading;      /* heading level, 0 outside headings */
	struct inl code;
	bool in_code;
	int code_col;          /* column in the current code line, for tabs */
	struct table tab;
	bool in_table;
	bool linear;           /* tables as "Header: cell; …" lines, no box drawing */
	bool row_gap_off;      /* the next block follows without a blank line */
	int em, strong, link, cspan;
	bool oom;
};

static bool inl_reserve(struct ctx *c, struct inl *in, size_t more)
{
	size_t need;

	if (c->oom)
		return false;
	if (more > SIZE_MAX / 2 - in->len)
		goto fail;
	need = in->len + more + 1;
	if (need > in->cap) {
		size_t cap = in->cap ? in->cap : 64;
		char *b;

		while (cap < need)
			cap *= 2;
		b = realloc(in->buf, cap);
		if (!b)
			goto fail;
		in->buf = b;
		in->cap = cap;
	}
	return true;
fail:
	c->oom = true;
	return false;
}

static void inl_add(struct ctx *c, struct inl *in, unsigned style,
                    const char *s, size_t n)
{
	if (n == 0 || !inl_reserve(c, in, n))
		return;
	if (in->n_runs == 0 || in->runs[in->n_runs - 1].style != style) {
		if (in->n_runs > 0 && in->runs[in->n_runs - 1].start == in->len) {
			in->runs[in->n_runs - 1].style = style;   /* empty run */
		} else {
			if (in->n_runs == in->cap_runs) {
				size_t cap = in->cap_runs ? in->cap_runs * 2 : 8;
				struct run *r = realloc(in->runs, cap * sizeof *r);

				if (!r) {
					c->oom = true;
					return;
				}
				in->runs = r;
				in->cap_runs = cap;
			}
			in->runs[in->n_runs].style = style;
			in->runs[in->n_runs].start = in->len;
			in->n_runs++;
		}
	}
	memcpy(in->buf + in->len, s, n);
	in->len += n;
	in->buf[in->len] = '\0';
}

static void inl_clear(struct inl *in)
{
	in->len = 0;
	in->n_runs = 0;
	if (in->buf)
		in->buf[0] = '\0';
}

static void inl_free(struct inl *in)
{
	free(in->buf);
	free(in->runs);
	memset(in, 0, sizeof *in);
}

/* Cut the text to len bytes, dropping runs that start after it. */
static void inl_truncate(struct inl *in, size_t len)
{
	if (len >= in->len)
		return;
	in->len = len;
	in->buf[len] = '\0';
	while (in->n_runs > 0 && in->runs[in->n_runs - 1].start >= len)
		in->n_runs--;
}

/* ---- output lines ------------------------------------------------------- */

struct lb {
	struct md_seg *segs;
	size_t n, cap;
};

static void lb_add(struct ctx *c, struct lb *lb, unsigned style,
                   const char *s, size_t n)
{
	char *t;

	if (c->oom || n == 0)
		return;
	if (lb->n > 0 && lb->segs[lb->n - 1].style == style) {
		struct md_seg *g = &lb->segs[lb->n - 1];
		size_t old = strlen(g->text);

		t = realloc(g->text, old + n + 1);
		if (!t)
			goto fail;
		memcpy(t + old, s, n);
		t[old + n] = '\0';
		g->text = t;
		return;
	}
	if (lb->n == lb->cap) {
		size_t cap = lb->cap ? lb->cap * 2 : 8;
		struct md_seg *v = realloc(lb->segs, cap * sizeof *v);

		if (!v)
			goto fail;
		lb->segs = v;
		lb->cap = cap;
	}
	t = malloc(n + 1);
	if (!t)
		goto fail;
	memcpy(t, s, n);
	t[n] = '\0';
	lb->segs[lb->n].style = style;
	lb->segs[lb->n].text = t;
	lb->n++;
	return;
fail:
	c->oom = true;
}

static void lb_spaces(struct ctx *c, struct lb *lb, unsigned style, int n)
{
	static const char sp[] = "                                ";

	while (n > 0) {
		int k = n < 32 ? n : 32;

		lb_add(c, lb, style, sp, (size_t)k);
		n -= k;
	}
}

static void lb_repeat(struct ctx *c, struct lb *lb, unsigned style,
                      const char *s, int n)
{
	while (n-- > 0)
		lb_add(c, lb, style, s, strlen(s));
}

static void lb_free(struct lb *lb)
{
	size_t i;

	for (i = 0; i < lb->n; i++)
		free(lb->segs[i].text);
	free(lb->segs);
	memset(lb, 0, sizeof *lb);
}

/* Move the built line into the document (trailing spaces removed). */
static void push_line(struct ctx *c, struct lb *lb, const char *anchor,
                      size_t anchor_len)
{
	struct md_doc *d = c->doc;
	struct md_line *ln;
	size_t total = 0, i;

	while (lb->n > 0) {
		struct md_seg *g = &lb->segs[lb->n - 1];
		size_t k = strlen(g->text);

		while (k > 0 && g->text[k - 1] == ' ')
			k--;
		g->text[k] = '\0';
		if (k > 0)
			break;
		free(g->text);
		lb->n--;
	}
	if (c->oom)
		goto fail;
	if (d->n_lines == c->cap_lines) {
		size_t cap = c->cap_lines ? c->cap_lines * 2 : 64;
		struct md_line *v = realloc(d->lines, cap * sizeof *v);

		if (!v)
			goto fail;
		d->lines = v;
		c->cap_lines = cap;
	}
	ln = &d->lines[d->n_lines];
	memset(ln, 0, sizeof *ln);
	for (i = 0; i < lb->n; i++)
		total += strlen(lb->segs[i].text);
	ln->plain = malloc(total + 1);
	if (!ln->plain)
		goto fail;
	ln->plain[0] = '\0';
	total = 0;
	for (i = 0; i < lb->n; i++) {
		size_t k = strlen(lb->segs[i].text);

		memcpy(ln->plain + total, lb->segs[i].text, k);
		total += k;
	}
	ln->plain[total] = '\0';
	if (anchor) {
		ln->anchor = malloc(anchor_len + 1);
		if (!ln->anchor) {
			free(ln->plain);
			goto fail;
		}
		memcpy(ln->anchor, anchor, anchor_len);
		ln->anchor[anchor_len] = '\0';
	}
	ln->segs = lb->n ? lb->segs : NULL;
	ln->n_segs = lb->n;
	if (!lb->n)
		free(lb->segs);
	memset(lb, 0, sizeof *lb);
	d->n_lines++;
	return;
fail:
	c->oom = true;
	lb_free(lb);
}

/* ---- container prefixes and block spacing -------------------------------- */

/* Width a container adds to the prefix. */
static int cont_width(const struct cont *k)
{
	if (k->type == C_QUOTE)
		return 2;
	if (k->type == C_ITEM)
		return k->marker_w;
	return 0;
}

/* Prefix for a line.  Deep nesting is capped at half the screen so text
 * always has room; containers past the cap add nothing.  Returns the width.
 * lb may be NULL to only measure; blank lines get bars but no markers. */
static int prefix(struct ctx *c, struct lb *lb, bool blank)
{
	size_t i;
	int w = 0;

	for (i = 0; i < c->depth; i++) {
		struct cont *k = &c->stack[i];
		int kw = cont_width(k);

		if (kw == 0 || w + kw > c->cols / 2)
			continue;
		w += kw;
		if (!lb)
			continue;
		if (k->type == C_QUOTE) {
			if (blank && !k->emitted)
				lb_spaces(c, lb, MD_PLAIN, 2);
			else
				lb_add(c, lb, MD_QUOTE, "\xe2\x94\x82 ", 4);   /* │ */
		} else if (!blank && !k->marker_done) {
			lb_add(c, lb, MD_RULE, k->marker, strlen(k->marker));
		} else {
			lb_spaces(c, lb, MD_PLAIN, kw);
		}
	}
	return w;
}

/* After a content line: markers are shown, containers are no longer empty. */
static void mark_emitted(struct ctx *c)
{
	size_t i;

	for (i = 0; i < c->depth; i++) {
		c->stack[i].emitted = true;
		c->stack[i].marker_done = true;
	}
}

/* Items of a tight list follow each other without blank lines, and so does
 * a nested list after its item's text. */
static bool suppress_blank(const struct ctx *c)
{
	size_t i = c->depth;

	while (i-- > 0) {
		const struct cont *k = &c->stack[i];

		if (k->type != C_LIST)
			continue;
		if (!k->tight)
			return false;
		if (k->emitted)
			return true;
	}
	return false;
}

/* One blank line between blocks. */
static void block_start(struct ctx *c)
{
	struct lb lb = { NULL, 0, 0 };

	if (c->doc->n_lines == 0 || suppress_blank(c) || c->row_gap_off)
		return;
	prefix(c, &lb, true);
	push_line(c, &lb, NULL, 0);
}

static int avail_width(struct ctx *c)
{
	int w = c->cols - prefix(c, NULL, false);

	return w < 1 ? 1 : w;
}

/* Append the runs of in that overlap [a, e) to the line. */
static void add_runs(struct ctx *c, struct lb *lb, const struct inl *in,
                     size_t a, size_t e, unsigned extra)
{
	size_t r = 0, lo = 0, hi = in->n_runs;

	/* binary search for the run holding byte a: long paragraphs have many
	 * runs and lines, and a linear scan per line would be quadratic */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (in->runs[mid].start <= a) {
			r = mid;
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	for (; r < in->n_runs && in->runs[r].start < e; r++) {
		size_t s = in->runs[r].start;
		size_t t = r + 1 < in->n_runs ? in->runs[r + 1].start : in->len;

		if (s < a)
			s = a;
		if (t > e)
			t = e;
		if (s < t)
			lb_add(c, lb, in->runs[r].style | extra, in->buf + s, t - s);
	}
}

/* Emit wrapped inline text as one block; the anchor goes on its first line. */
static void emit_inline(struct ctx *c, struct inl *in, const char *anchor,
                        size_t anchor_len)
{
	struct text_span *sp = NULL;
	size_t n = 0, i;

	if (c->oom)
		return;
	if (in->len > 0) {
		sp = text_wrap_spans(in->buf, in->len, avail_width(c), &n);
		if (!sp) {
			c->oom = true;
			return;
		}
	}
	if (n == 0 && !anchor)
		return;
	block_start(c);
	if (n == 0) {
		struct lb lb = { NULL, 0, 0 };

		prefix(c, &lb, false);
		push_line(c, &lb, anchor, anchor_len);
		mark_emitted(c);
	}
	for (i = 0; i < n; i++) {
		struct lb lb = { NULL, 0, 0 };

		prefix(c, &lb, false);
		add_runs(c, &lb, in, sp[i].start, sp[i].end, 0);
		push_line(c, &lb, i == 0 ? anchor : NULL, anchor_len);
		mark_emitted(c);
	}
	free(sp);
}

static bool is_anchor_char(char ch)
{
	return ch != '{' && ch != '}' && ch != ' ' && ch != '#';
}

/* Heading text: strip a trailing "{#id}", record the id, set the title. */
static void emit_heading(struct ctx *c)
{
	struct inl *in = &c->para;
	size_t len = in->len, j;
	char *id = NULL;

	while (len > 0 && in->buf[len - 1] == ' ')
		len--;
	if (len >= 4 && in->buf[len - 1] == '}') {
		j = len - 1;
		while (j > 0 && is_anchor_char(in->buf[j - 1]))
			j--;
		/* buf[j..len-1) is the id; it must follow "{#" */
		if (j >= 2 && j < len - 1 && in->buf[j - 1] == '#' &&
		    in->buf[j - 2] == '{') {
			id = strndup(in->buf + j, len - 1 - j);
			if (!id) {
				c->oom = true;
				return;
			}
			len = j - 2;
			while (len > 0 && in->buf[len - 1] == ' ')
				len--;
		}
	}
	inl_truncate(in, len);
	if (c->heading == 1 && !c->doc->title) {
		c->doc->title = strdup(in->buf ? in->buf : "");
		if (!c->doc->title)
			c->oom = true;
	}
	emit_inline(c, in, id, id ? strlen(id) : 0);
	free(id);
}

/* Code block: indented two columns, one output line per source line, never
 * wrapped (the reader clips). */
static void emit_code(struct ctx *c)
{
	const char *p = c->code.buf, *end;
	size_t n = c->code.len;

	if (c->oom)
		return;
	if (!p)
		p = "";
	if (n > 0 && p[n - 1] == '\n')
		n--;   /* the final newline does not start another line */
	block_start(c);
	end = p + n;
	for (;;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		struct lb lb = { NULL, 0, 0 };

		prefix(c, &lb, false);
		lb_spaces(c, &lb, MD_PLAIN, 2);
		if (e > p)
			lb_add(c, &lb, MD_CODE | (c->quotes ? MD_QUOTE : 0), p,
			       (size_t)(e - p));
		push_line(c, &lb, NULL, 0);
		mark_emitted(c);
		if (!nl || c->oom)
			break;
		p = nl + 1;
	}
}

static void emit_hr(struct ctx *c)
{
	struct lb lb = { NULL, 0, 0 };
	int w = avail_width(c);

	block_start(c);
	prefix(c, &lb, false);
	lb_repeat(c, &lb, MD_RULE, "\xe2\x94\x80", w);   /* ─ */
	push_line(c, &lb, NULL, 0);
	mark_emitted(c);
}

/* ---- tables -------------------------------------------------------------- */

static void table_free(struct table *t)
{
	size_t r, i;

	for (r = 0; r < t->n; r++) {
		for (i = 0; i < t->rows[r].n; i++)
			inl_free(&t->rows[r].cells[i].text);
		free(t->rows[r].cells);
	}
	free(t->rows);
	memset(t, 0, sizeof *t);
}

static void table_row(struct ctx *c)
{
	struct table *t = &c->tab;

	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 8;
		struct row *v = realloc(t->rows, cap * sizeof *v);

		if (!v) {
			c->oom = true;
			return;
		}
		t->rows = v;
		t->cap = cap;
	}
	memset(&t->rows[t->n], 0, sizeof t->rows[t->n]);
	t->rows[t->n].head = t->in_head;
	t->n++;
}

static void table_cell(struct ctx *c, int align)
{
	struct table *t = &c->tab;
	struct row *r;

	if (t->n == 0)
		table_row(c);
	if (c->oom)
		return;
	r = &t->rows[t->n - 1];
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 4;
		struct cell *v = realloc(r->cells, cap * sizeof *v);

		if (!v) {
			c->oom = true;
			return;
		}
		r->cells = v;
		r->cap = cap;
	}
	memset(&r->cells[r->n], 0, sizeof r->cells[r->n]);
	r->cells[r->n].align = align;
	t->cur = &r->cells[r->n];
	r->n++;
}

/* Border line: left, middle, right junctions around runs of ─. */
static void table_border(struct ctx *c, const int *w, size_t nc,
                         const char *l, const char *m, const char *r)
{
	struct lb lb = { NULL, 0, 0 };
	size_t i;

	prefix(c, &lb, false);
	lb_add(c, &lb, MD_RULE, l, strlen(l));
	for (i = 0; i < nc; i++) {
		lb_repeat(c, &lb, MD_RULE, "\xe2\x94\x80", w[i] + 2);
		lb_add(c, &lb, MD_RULE, i + 1 < nc ? m : r, 3);
	}
	push_line(c, &lb, NULL, 0);
	mark_emitted(c);
}

/* Widest word-free measure of a cell: the width of its widest line. */
static int cell_width(const struct cell *cl)
{
	return cl->text.len ? text_width(cl->text.buf) : 0;
}

/* The widest run a cell's text cannot be broken in: a word between spaces,
 * or one double-width character (CJK breaks anywhere). */
static int cell_word_width(const struct cell *cl)
{
	int best = 0, run = 0;
	for (size_t i = 0; i < cl->text.len;) {
		wchar_t wc;
		i += text_decode(cl->text.buf + i, cl->text.len - i, &wc);
		int cw = text_wcwidth(wc);
		if (wc == ' ' || cw == 2) {
			run = 0;
			if (cw > best)
				best = cw;
			continue;
		}
		run += cw > 0 ? cw : 0;
		if (run > best)
			best = run;
	}
	return best;
}

/* The largest cap such that every column's width, capped but kept at least
 * at its floor lo[i], fits the budget (lo[0..nc) must fit by itself). */
static int fit_cap(const int *w, const int *lo, size_t nc, long budget)
{
	int a = 2, b = 2;
	for (size_t i = 0; i < nc; i++)
		if (w[i] > b)
			b = w[i];
	while (a < b) {
		int mid = a + (b - a + 1) / 2;
		long s = 0;
		for (size_t i = 0; i < nc; i++) {
			int c = w[i] < mid ? w[i] : mid;
			s += c > lo[i] ? c : lo[i];
		}
		if (s <= budget)
			a = mid;
		else
			b = mid - 1;
	}
	return a;
}

/* Column widths into w: natural widths when they fit; else shrunk by
 * lowering a common cap, without breaking a word when the table's longest
 * words fit side by side (Proxy-Authenticate stays whole).  No column goes
 * below 2 so one CJK character always fits.  lo: room for nc floors. */
static void table_widths(const struct table *t, int avail, int *w, int *lo, size_t nc)
{
	long budget = (long)avail - 3 * (long)nc - 1, sum = 0, words = 0;
	size_t r, i;

	for (i = 0; i < nc; i++)
		w[i] = 1, lo[i] = 2;
	for (r = 0; r < t->n; r++)
		for (i = 0; i < t->rows[r].n && i < nc; i++) {
			int cw = cell_width(&t->rows[r].cells[i]);
			int ww = cell_word_width(&t->rows[r].cells[i]);
			if (cw > w[i])
				w[i] = cw;
			if (ww > lo[i])
				lo[i] = ww;
		}
	for (i = 0; i < nc; i++) {
		if (lo[i] > w[i])
			lo[i] = w[i];
		sum += w[i];
		words += lo[i];
	}
	if (sum <= budget)
		return;
	/* the words do not fit side by side: any column may break */
	for (i = 0; words > budget && i < nc; i++)
		lo[i] = w[i] < 2 ? w[i] : 2;
	int cap = fit_cap(w, lo, nc, budget);
	for (i = 0; i < nc; i++)
		if (w[i] > cap)
			w[i] = cap > lo[i] ? cap : lo[i];
}

/* Whether the text holds a double-width (CJK) character. */
static bool has_wide(const struct inl *in)
{
	for (size_t i = 0; i < in->len;) {
		wchar_t wc;
		i += text_decode(in->buf + i, in->len - i, &wc);
		if (text_wcwidth(wc) == 2)
			return true;
	}
	return false;
}

/* A table for a screen reader or TERM=dumb: one line per body row, each
 * cell after its column's heading ("Code: 200; Meaning: OK"), no borders. */
static void emit_linear_table(struct ctx *c)
{
	const struct table *t = &c->tab;
	const struct row *head = NULL;
	for (size_t r = 0; r < t->n && !head; r++)
		if (t->rows[r].head)
			head = &t->rows[r];
	/* Chinese headings take full-width punctuation after them. */
	bool wide = false;
	for (size_t i = 0; head && i < head->n; i++)
		wide |= has_wide(&head->cells[i].text);
	const char *colon = wide ? "：" : ": ", *semi = wide ? "；" : "; ";
	bool first = true;
	for (size_t r = 0; r < t->n && !c->oom; r++) {
		const struct row *row = &t->rows[r];
		struct inl line = { 0 };
		if (row == head)
			continue;
		for (size_t i = 0; i < row->n; i++) {
			const struct inl *h = head && i < head->n ? &head->cells[i].text : NULL;
			if (line.len)
				inl_add(c, &line, MD_PLAIN, semi, strlen(semi));
			if (h && h->len) {
				inl_add(c, &line, MD_STRONG, h->buf, h->len);
				inl_add(c, &line, MD_PLAIN, colon, strlen(colon));
			}
			inl_add(c, &line, MD_PLAIN, row->cells[i].text.buf ? row->cells[i].text.buf : "",
			        row->cells[i].text.len);
		}
		emit_inline(c, &line, NULL, 0);
		inl_free(&line);
		if (first)
			c->row_gap_off = true;   /* rows follow each other */
		first = false;
	}
	c->row_gap_off = false;
}

static void emit_table(struct ctx *c)
{
	struct table *t = &c->tab;
	size_t nc = t->ncols, r, i, k;
	int *w = NULL, *lo = NULL;
	struct text_span **sp = NULL;
	size_t *ns = NULL;
	bool tall = false;

	for (r = 0; r < t->n; r++)
		if (t->rows[r].n > nc)
			nc = t->rows[r].n;
	if (nc == 0 || t->n == 0 || c->oom)
		return;
	if (c->linear) {
		emit_linear_table(c);
		return;
	}
	w = calloc(nc, sizeof *w);
	lo = calloc(nc, sizeof *lo);
	sp = calloc(nc, sizeof *sp);
	ns = calloc(nc, sizeof *ns);
	if (!w || !lo || !sp || !ns) {
		c->oom = true;
		goto cleanup;
	}
	table_widths(t, avail_width(c), w, lo, nc);
	/* separators between body rows only when some cell wraps */
	for (r = 0; r < t->n && !tall; r++)
		for (i = 0; i < t->rows[r].n && i < nc; i++)
			if (cell_width(&t->rows[r].cells[i]) > w[i])
				tall = true;
	block_start(c);
	table_border(c, w, nc, "\xe2\x94\x8c", "\xe2\x94\xac", "\xe2\x94\x90");
	for (r = 0; r < t->n && !c->oom; r++) {
		const struct row *row = &t->rows[r];
		size_t height = 1;
		unsigned extra = row->head ? MD_STRONG : 0;

		for (i = 0; i < nc; i++) {
			const struct inl *tx;

			ns[i] = 0;
			if (i >= row->n || row->cells[i].text.len == 0)
				continue;
			tx = &row->cells[i].text;
			sp[i] = text_wrap_spans(tx->buf, tx->len, w[i], &ns[i]);
			if (!sp[i]) {
				c->oom = true;
				goto cleanup;
			}
			if (ns[i] > height)
				height = ns[i];
		}
		for (k = 0; k < height; k++) {
			struct lb lb = { NULL, 0, 0 };

			prefix(c, &lb, false);
			lb_add(c, &lb, MD_RULE, "\xe2\x94\x82", 3);   /* │ */
			for (i = 0; i < nc; i++) {
				int used = 0, pad, left = 0;

				lb_spaces(c, &lb, MD_PLAIN, 1);
				if (k < ns[i]) {
					const struct cell *cl = &row->cells[i];
					size_t a = sp[i][k].start, e = sp[i][k].end;
					/* the cell never overflows: clip what wrap could not */
					char save = cl->text.buf[e];

					cl->text.buf[e] = '\0';
					e = a + text_clip(cl->text.buf + a, w[i], &used);
					cl->text.buf[sp[i][k].end] = save;
					pad = w[i] - used;
					if (cl->align == 1)
						left = pad / 2;
					else if (cl->align == 2)
						left = pad;
					lb_spaces(c, &lb, MD_PLAIN, left);
					add_runs(c, &lb, &cl->text, a, e, extra);
					lb_spaces(c, &lb, MD_PLAIN, pad - left + 1);
				} else {
					lb_spaces(c, &lb, MD_PLAIN, w[i] + 1);
				}
				lb_add(c, &lb, MD_RULE, "\xe2\x94\x82", 3);
			}
			push_line(c, &lb, NULL, 0);
			mark_emitted(c);
		}
		for (i = 0; i < nc; i++) {
			free(sp[i]);
			sp[i] = NULL;
		}
		if (r + 1 < t->n && (row->head || tall))
			table_border(c, w, nc, "\xe2\x94\x9c", "\xe2\x94\xbc",
			             "\xe2\x94\xa4");
	}
	table_border(c, w, nc, "\xe2\x94\x94", "\xe2\x94\xb4", "\xe2\x94\x98");
cleanup:
	if (sp)
		for (i = 0; i < nc; i++)
			free(sp[i]);
	free(sp);
	free(lo);
	free(ns);
	free(w);
}

/* ---- text and entities ----------------------------------------------------- */


static const struct {
	const char *name;
	uint32_t cp;
} entities[] = {
	{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
	{ "apos", '\'' }, { "nbsp", 0xA0 }, { "copy", 0xA9 }, { "reg", 0xAE },
	{ "trade", 0x2122 }, { "hellip", 0x2026 }, { "mdash", 0x2014 },
	{ "ndash", 0x2013 }, { "lsquo", 0x2018 }, { "rsquo", 0x2019 },
	{ "ldquo", 0x201C }, { "rdquo", 0x201D }, { "laquo", 0xAB },
	{ "raquo", 0xBB }, { "middot", 0xB7 }, { "bull", 0x2022 },
	{ "times", 0xD7 }, { "divide", 0xF7 }, { "larr", 0x2190 },
	{ "rarr", 0x2192 }, { "uarr", 0x2191 }, { "darr", 0x2193 },
	{ "harr", 0x2194 }, { "rArr", 0x21D2 }, { "deg", 0xB0 },
	{ "plusmn", 0xB1 }, { "sect", 0xA7 }, { "para", 0xB6 },
	{ "euro", 0x20AC }, { "pound", 0xA3 }, { "yen", 0xA5 }, { "cent", 0xA2 },
	{ "ne", 0x2260 }, { "le", 0x2264 }, { "ge", 0x2265 }, { "check", 0x2713 },
};

/* Code point of an entity ("&amp;", "&#35;", "&#x1F;"), or 0 if unknown. */
static uint32_t entity_cp(const char *s, size_t n)
{
	size_t i;

	if (n < 3 || s[0] != '&' || s[n - 1] != ';')
		return 0;
	if (s[1] == '#') {
		uint32_t v = 0;
		bool hex = n > 3 && (s[2] == 'x' || s[2] == 'X');

		for (i = hex ? 3 : 2; i < n - 1; i++) {
			char ch = s[i];
			uint32_t d;

			if (ch >= '0' && ch <= '9')
				d = (uint32_t)(ch - '0');
			else if (hex && ch >= 'a' && ch <= 'f')
				d = (uint32_t)(ch - 'a' + 10);
			else if (hex && ch >= 'A' && ch <= 'F')
				d = (uint32_t)(ch - 'A' + 10);
			else
				return 0;
			v = v * (hex ? 16u : 10u) + d;
			if (v > 0x10FFFF)
				return 0xFFFD;
		}
		/* NUL and surrogates are not characters */
		if (v == 0 || (v >= 0xD800 && v <= 0xDFFF))
			return 0xFFFD;
		return v;
	}
	for (i = 0; i < sizeof entities / sizeof entities[0]; i++)
		if (strlen(entities[i].name) == n - 2 &&
		    memcmp(entities[i].name, s + 1, n - 2) == 0)
			return entities[i].cp;
	return 0;
}

static unsigned span_style(const struct ctx *c)
{
	unsigned st = MD_PLAIN;

	if (c->em)
		st |= MD_EM;
	if (c->strong)
		st |= MD_STRONG;
	if (c->cspan)
		st |= MD_CODE;
	if (c->link)
		st |= MD_LINK;
	if (c->quotes)
		st |= MD_QUOTE;
	if (c->heading == 1)
		st |= MD_H1;
	else if (c->heading > 1)
		st |= MD_H2;
	return st;
}

/* Inline text: TAB and newline become spaces (the source is pre-cleaned, so
 * nothing else needs scrubbing). */
static void add_text(struct ctx *c, struct inl *in, unsigned style,
                     const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t j = i;

		while (j < n && s[j] != '\t' && s[j] != '\n')
			j++;
		inl_add(c, in, style, s + i, j - i);
		if (j < n)
			inl_add(c, in, style, " ", 1);
		i = j + 1;
	}
}

/* Code block text: expand tabs to 4-column stops, keep newlines. */
static void add_code(struct ctx *c, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t j = i;
		wchar_t wc;

		while (j < n && s[j] != '\t' && s[j] != '\n')
			j += text_decode(s + j, n - j, &wc);
		if (j > n)
			j = n;
		inl_add(c, &c->code, MD_CODE, s + i, j - i);
		c->code_col += (int)(j - i);
		if (j < n && s[j] == '\n') {
			inl_add(c, &c->code, MD_CODE, "\n", 1);
			c->code_col = 0;
		} else if (j < n) {
			int k = 4 - c->code_col % 4;

			inl_add(c, &c->code, MD_CODE, "    ", (size_t)k);
			c->code_col += k;
		}
		i = j + 1;
	}
}

/* Where inline text goes: the current table cell or the paragraph. */
static struct inl *target(struct ctx *c)
{
	if (c->in_table)
		return c->tab.cur ? &c->tab.cur->text : NULL;
	return &c->para;
}

static int cb_text(MD_TEXTTYPE type, const MD_CHAR *s, MD_SIZE size, void *ud)
{
	struct ctx *c = ud;
	struct inl *in;
	char buf[4];
	uint32_t cp;

	if (c->in_code) {
		add_code(c, s, size);
		return c->oom ? -1 : 0;
	}
	in = target(c);
	if (!in)
		return 0;
	switch (type) {
	case MD_TEXT_NULLCHAR:
		inl_add(c, in, span_style(c), "\xef\xbf\xbd", 3);
		break;
	case MD_TEXT_BR:
		inl_add(c, in, span_style(c), "\n", 1);
		break;
	case MD_TEXT_SOFTBR:
		inl_add(c, in, span_style(c), " ", 1);
		break;
	case MD_TEXT_ENTITY:
		cp = entity_cp(s, size);
		if (cp == 0)
			add_text(c, in, span_style(c), s, size);
		else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
			inl_add(c, in, span_style(c), " ", 1);   /* no controls */
		else
			inl_add(c, in, span_style(c), buf, text_encode(cp, buf));
		break;
	default:
		add_text(c, in, span_style(c), s, size);
		break;
	}
	return c->oom ? -1 : 0;
}

static int cb_enter_span(MD_SPANTYPE type, void *detail, void *ud)
{
	struct ctx *c = ud;

	(void)detail;
	switch (type) {
	case MD_SPAN_EM:     c->em++; break;
	case MD_SPAN_STRONG: c->strong++; break;
	case MD_SPAN_CODE:   c->cspan++; break;
	case MD_SPAN_A:      c->link++; break;
	default: break;
	}
	return 0;
}

static int cb_leave_span(MD_SPANTYPE type, void *detail, void *ud)
{
	struct ctx *c = ud;

	(void)detail;
	switch (type) {
	case MD_SPAN_EM:     if (c->em) c->em--; break;
	case MD_SPAN_STRONG: if (c->strong) c->strong--; break;
	case MD_SPAN_CODE:   if (c->cspan) c->cspan--; break;
	case MD_SPAN_A:      if (c->link) c->link--; break;
	default: break;
	}
	return 0;
}

/* ---- blocks --------------------------------------------------------------- */

static void push_cont(struct ctx *c, enum cont_type type)
{
	struct cont *k;

	if (c->depth == c->cap_stack) {
		size_t cap = c->cap_stack ? c->cap_stack * 2 : 16;
		struct cont *v = realloc(c->stack, cap * sizeof *v);

		if (!v) {
			c->oom = true;
			return;
		}
		c->stack = v;
		c->cap_stack = cap;
	}
	k = &c->stack[c->depth++];
	memset(k, 0, sizeof *k);
	k->type = type;
}

/* Text of a tight list item arrives outside any P block: flush it as a
 * paragraph before the next block starts or the item ends. */
static void flush_loose_text(struct ctx *c)
{
	if (!c->in_para && c->para.len > 0) {
		emit_inline(c, &c->para, NULL, 0);
		inl_clear(&c->para);
	}
}

static void enter_item(struct ctx *c)
{
	struct cont *list = NULL, *k;
	size_t i = c->depth;

	while (i-- > 0)
		if (c->stack[i].type == C_LIST) {
			list = &c->stack[i];
			break;
		}
	push_cont(c, C_ITEM);
	if (c->oom)
		return;
	k = &c->stack[c->depth - 1];
	if (list && c->depth >= 2 && &c->stack[c->depth - 2] == list &&
	    list->ordered) {
		snprintf(k->marker, sizeof k->marker, "%u%c ", list->next,
		         list->delim);
		list->next++;
	} else {
		snprintf(k->marker, sizeof k->marker, "\xe2\x80\xa2 ");   /* • */
	}
	k->marker_w = text_width(k->marker);
}

static int cb_enter_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
	struct ctx *c = ud;

	if (type != MD_BLOCK_DOC && !c->in_table)
		flush_loose_text(c);
	switch (type) {
	case MD_BLOCK_QUOTE:
		push_cont(c, C_QUOTE);
		c->quotes++;
		break;
	case MD_BLOCK_UL:
		push_cont(c, C_LIST);
		if (!c->oom)
			c->stack[c->depth - 1].tight =
				((MD_BLOCK_UL_DETAIL *)detail)->is_tight != 0;
		break;
	case MD_BLOCK_OL:
		push_cont(c, C_LIST);
		if (!c->oom) {
			const MD_BLOCK_OL_DETAIL *d = detail;
			struct cont *k = &c->stack[c->depth - 1];

			k->tight = d->is_tight != 0;
			k->ordered = true;
			k->next = d->start;
			k->delim = d->mark_delimiter == ')' ? ')' : '.';
		}
		break;
	case MD_BLOCK_LI:
		enter_item(c);
		break;
	case MD_BLOCK_HR:
		emit_hr(c);
		break;
	case MD_BLOCK_H:
		c->heading = ((MD_BLOCK_H_DETAIL *)detail)->level;
		if (c->heading < 1)
			c->heading = 1;
		c->in_para = true;
		inl_clear(&c->para);
		break;
	case MD_BLOCK_P:
		if (!c->in_table) {
			c->in_para = true;
			inl_clear(&c->para);
		}
		break;
	case MD_BLOCK_CODE:
	case MD_BLOCK_HTML:
		c->in_code = true;
		c->code_col = 0;
		inl_clear(&c->code);
		break;
	case MD_BLOCK_TABLE:
		table_free(&c->tab);
		c->in_table = true;
		c->tab.ncols = ((MD_BLOCK_TABLE_DETAIL *)detail)->col_count;
		break;
	case MD_BLOCK_THEAD:
		c->tab.in_head = true;
		break;
	case MD_BLOCK_TBODY:
		c->tab.in_head = false;
		break;
	case MD_BLOCK_TR:
		table_row(c);
		break;
	case MD_BLOCK_TH:
	case MD_BLOCK_TD: {
		MD_ALIGN al = ((MD_BLOCK_TD_DETAIL *)detail)->align;

		table_cell(c, al == MD_ALIGN_CENTER ? 1 : al == MD_ALIGN_RIGHT ? 2 : 0);
		break;
	}
	default:
		break;
	}
	return c->oom ? -1 : 0;
}

static int cb_leave_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
	struct ctx *c = ud;

	(void)detail;
	switch (type) {
	case MD_BLOCK_QUOTE:
		flush_loose_text(c);
		if (c->depth)
			c->depth--;
		if (c->quotes)
			c->quotes--;
		break;
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
	case MD_BLOCK_LI:
		flush_loose_text(c);
		if (c->depth)
			c->depth--;
		break;
	case MD_BLOCK_H:
		emit_heading(c);
		inl_clear(&c->para);
		c->in_para = false;
		c->heading = 0;
		break;
	case MD_BLOCK_P:
		if (!c->in_table) {
			emit_inline(c, &c->para, NULL, 0);
			inl_clear(&c->para);
			c->in_para = false;
		}
		break;
	case MD_BLOCK_CODE:
	case MD_BLOCK_HTML:
		emit_code(c);
		c->in_code = false;
		break;
	case MD_BLOCK_TABLE:
		emit_table(c);
		table_free(&c->tab);
		c->in_table = false;
		break;
	case MD_BLOCK_TH:
	case MD_BLOCK_TD:
		c->tab.cur = NULL;
		break;
	default:
		break;
	}
	return c->oom ? -1 : 0;
}

/* ---- entry points ----------------------------------------------------------- */

/* Valid UTF-8 with no control characters except TAB and LF (which Markdown
 * needs); CR is dropped so CRLF files work.  Caller frees. */
static char *preclean(const char *src, size_t len, size_t *out_len)
{
	char *out;
	size_t i = 0, o = 0;

	if (len > (SIZE_MAX - 1) / 3)
		return NULL;
	out = malloc(len * 3 + 1);
	if (!out)
		return NULL;
	while (i < len) {
		wchar_t wc;
		size_t k = text_decode(src + i, len - i, &wc);
		uint32_t cp = (uint32_t)wc;

		if (k > len - i)
			k = len - i;
		if (cp == 0xFFFD) {
			memcpy(out + o, "\xef\xbf\xbd", 3);
			o += 3;
		} else if (cp == '\t' || cp == '\n') {
			out[o++] = (char)cp;
		} else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
			/* dropped */
		} else {
			memcpy(out + o, src + i, k);
			o += k;
		}
		i += k;
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}

static void set_err(char *err, size_t errsz, const char *msg)
{
	if (err && errsz)
		snprintf(err, errsz, "%s", msg);
}

static bool render(const char *src, size_t len, int cols, bool linear,
                   struct md_doc *out, char *err, size_t errsz)
{
	struct ctx c;
	MD_PARSER parser;
	char *clean = NULL;
	size_t clen = 0;
	bool ok = false;
	int rc;

	memset(out, 0, sizeof *out);
	memset(&c, 0, sizeof c);
	c.doc = out;
	c.cols = cols < 10 ? 10 : cols;
	c.linear = linear;
	if (!src)
		len = 0;
	clean = preclean(src ? src : "", len, &clen);
	if (!clean) {
		set_err(err, errsz, "out of memory");
		goto cleanup;
	}
	if (clen > (size_t)(MD_SIZE)-1) {
		set_err(err, errsz, "document too large");
		goto cleanup;
	}
	memset(&parser, 0, sizeof parser);
	parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_NOHTML;
	parser.enter_block = cb_enter_block;
	parser.leave_block = cb_leave_block;
	parser.enter_span = cb_enter_span;
	parser.leave_span = cb_leave_span;
	parser.text = cb_text;
	rc = md_parse(clean, (MD_SIZE)clen, &parser, &c);
	if (rc != 0 || c.oom) {
		set_err(err, errsz, c.oom ? "out of memory" : "markdown parser failed");
		goto cleanup;
	}
	ok = true;
cleanup:
	inl_free(&c.para);
	inl_free(&c.code);
	table_free(&c.tab);
	free(c.stack);
	free(clean);
	if (!ok)
		md_doc_free(out);
	return ok;
}

bool md_render(const char *src, size_t len, int cols, struct md_doc *out,
               char *err, size_t errsz)
{
	return render(src, len, cols, false, out, err, errsz);
}

bool md_render_linear(const char *src, size_t len, int cols, struct md_doc *out,
                      char *err, size_t errsz)
{
	return render(src, len, cols, true, out, err, errsz);
}

void md_doc_free(struct md_doc *doc)
{
	size_t i, j;

	if (!doc)
		return;
	for (i = 0; i < doc->n_lines; i++) {
		struct md_line *ln = &doc->lines[i];

		for (j = 0; j < ln->n_segs; j++)
			free(ln->segs[j].text);
		free(ln->segs);
		free(ln->anchor);
		free(ln->plain);
	}
	free(doc->lines);
	free(doc->title);
	memset(doc, 0, sizeof *doc);
}

long md_find_anchor(const struct md_doc *doc, const char *anchor)
{
	size_t i;

	if (!doc || !anchor)
		return -1;
	for (i = 0; i < doc->n_lines; i++)
		if (doc->lines[i].anchor && strcmp(doc->lines[i].anchor, anchor) == 0)
			return (long)i;
	return -1;
}
