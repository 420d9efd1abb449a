/* screen_reader.c — the chapter list and the Markdown reader. */
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "screens.h"
#include "text.h"
#include "ui.h"

/* ---- chapter list ------------------------------------------------------- */

const struct keybind chapters_keys[] = { KEYMAP_END };

void chapters_enter(struct app *a)
{
	if (a->chapters_sel >= (int)a->m->n_chapters)
		a->chapters_sel = 0;
}

void chapters_draw(const struct app *a)
{
	draw_frame(a, tr(MSG_CHAPTERS_TITLE), tr(MSG_CHAPTERS_HINT));
	int y = BODY_TOP + 1;
	for (size_t i = 0; i < a->m->n_chapters && y < a->rows - 1; i++, y += 2) {
		const struct chapter *c = &a->m->chapters[i];
		bool sel = (int)i == a->chapters_sel;
		char num[16];
		snprintf(num, sizeof num, " %2d ", c->number);
		if (sel)
			ui_fill(y, 2, a->cols - 4, E_SEL);
		ui_put(y, 2, num, 4, sel ? E_SEL : E_KEY);
		ui_put(y, 7, ltext_get(&c->title, a->lang), a->cols - 20, sel ? E_SEL : E_STRONG);
		if (i < MAX_CHAPTERS && a->reader.saved[i] > 0)
			ui_put(y, a->cols - 12, "…", 2, sel ? E_SEL : E_DIM);
	}
}

bool chapters_key(struct app *a, enum action act, int key)
{
	(void)key;
	int n = (int)a->m->n_chapters;
	if (n == 0)
		return false;
	switch (act) {
	case ACT_UP: a->chapters_sel = (a->chapters_sel + n - 1) % n; return true;
	case ACT_DOWN: a->chapters_sel = (a->chapters_sel + 1) % n; return true;
	case ACT_TOP: a->chapters_sel = 0; return true;
	case ACT_BOTTOM: a->chapters_sel = n - 1; return true;
	case ACT_OPEN:
		reader_open_chapter(a, a->chapters_sel, NULL);
		app_push(a, SCR_READER);
		return true;
	default:
		/* Digits open a chapter by number. */
		if (key >= '1' && key <= '9') {
			for (int i = 0; i < n; i++)
				if (a->m->chapters[i].number == key - '0') {
					a->chapters_sel = i;
					reader_open_chapter(a, i, NULL);
					app_push(a, SCR_READER);
					return true;
				}
		}
		return false;
	}
}

/* ---- reader ------------------------------------------------------------- */

const struct keybind reader_keys[] = {
	{ '/', ACT_SEARCH }, { 'n', ACT_NEXT_MATCH }, { 'N', ACT_PREV_MATCH },
	{ FN(KEY_RIGHT), ACT_NONE }, { '\n', ACT_NONE },
	KEYMAP_END
};

static int text_cols(const struct app *a)
{
	int w = a->cols - 4;
	return w > 100 ? 100 : w;
}

static long max_top(const struct app *a)
{
	long n = (long)a->reader.doc.n_lines - BODY_ROWS(a);
	return n > 0 ? n : 0;
}

static void clamp_top(struct app *a)
{
	if (a->reader.top > max_top(a))
		a->reader.top = max_top(a);
	if (a->reader.top < 0)
		a->reader.top = 0;
}

/* Render the current chapter for the current width and language, keeping
 * the reader near the same section. */
static void render(struct app *a)
{
	struct reader_view *r = &a->reader;
	if (r->chapter < 0)
		return;
	/* Remember position as (nearest anchor above, offset) across a relayout. */
	char anchor[64] = "";
	long offset = r->top;
	for (long i = r->top; i >= 0 && i < (long)r->doc.n_lines; i--)
		if (r->doc.lines[i].anchor) {
			snprintf(anchor, sizeof anchor, "%s", r->doc.lines[i].anchor);
			offset = r->top - i;
			break;
		}
	md_doc_free(&r->doc);
	memset(&r->doc, 0, sizeof r->doc);
	const struct chapter *c = &a->m->chapters[r->chapter];
	const char *src = c->markdown[a->lang] ? c->markdown[a->lang] : c->markdown[LANG_EN];
	char err[128];
	if (!md_render(src, strlen(src), text_cols(a), &r->doc, err, sizeof err)) {
		app_status(a, true, "%s: %s", c->path[a->lang], err);
		return;
	}
	r->doc_cols = text_cols(a);
	r->doc_lang = a->lang;
	if (r->pending_anchor[0]) {
		long at = md_find_anchor(&r->doc, r->pending_anchor);
		r->top = at >= 0 ? at : 0;
		r->pending_anchor[0] = 0;
	} else if (anchor[0]) {
		long at = md_find_anchor(&r->doc, anchor);
		r->top = at >= 0 ? at + offset : offset;
	}
	clamp_top(a);
}

void reader_open_chapter(struct app *a, int chapter, const char *anchor)
{
	struct reader_view *r = &a->reader;
	if (r->chapter >= 0 && r->chapter < MAX_CHAPTERS)
		r->saved[r->chapter] = r->top;
	if (r->chapter != chapter) {
		md_doc_free(&r->doc);
		memset(&r->doc, 0, sizeof r->doc);
	}
	r->chapter = chapter;
	r->top = chapter < MAX_CHAPTERS ? r->saved[chapter] : 0;
	r->match = -1;
	snprintf(r->pending_anchor, sizeof r->pending_anchor, "%s", anchor ? anchor : "");
	r->doc_cols = 0;
	render(a);
	if (a->st && !store_chapter_opened(a->st, a->m->chapters[chapter].id, clock_now()))
		app_status(a, true, "%s", a->st->err);
}

bool app_open_ref(struct app *a, const char *ref)
{
	const char *anchor = NULL;
	int ch = model_resolve(a->m, ref, &anchor);
	if (ch < 0)
		return false;
	reader_open_chapter(a, ch, anchor);
	app_push(a, SCR_READER);
	return true;
}

void reader_relayout(struct app *a)
{
	if (a->reader.chapter >= 0 &&
	    (a->reader.doc_cols != text_cols(a) || a->reader.doc_lang != a->lang))
		render(a);
	clamp_top(a);
}

static enum ui_elem style_elem(unsigned st, unsigned long *extra)
{
	*extra = 0;
	if (st & MD_EM)
		*extra |= A_UNDERLINE;
	if (st & MD_STRONG)
		*extra |= A_BOLD;
	if (st & MD_H1) return E_H1;
	if (st & MD_H2) return E_HEAD;
	if (st & MD_CODE) return E_CODE;
	if (st & MD_LINK) return E_LINK;
	if (st & MD_QUOTE) return E_QUOTE;
	if (st & MD_RULE) return E_RULE;
	return E_NORMAL;
}

/* Draw one segment, showing occurrences of the search query highlighted. */
static int put_seg(const struct app *a, int y, int x, const struct md_seg *s, int maxc)
{
	unsigned long extra;
	enum ui_elem e = style_elem(s->style, &extra);
	const char *q = a->reader.query;
	size_t qn = strlen(q);
	const char *t = s->text;
	int used = 0;
	while (*t && used < maxc) {
		const char *hit = NULL;
		if (qn)
			for (const char *p = t; *p && !hit; p++)
				if (strncasecmp(p, q, qn) == 0)
					hit = p;
		size_t run = hit ? (size_t)(hit - t) : strlen(t);
		char buf[1024];
		if (run >= sizeof buf)
			run = sizeof buf - 1;
		memcpy(buf, t, run);
		buf[run] = 0;
		used += ui_put_attr(y, x + used, buf, maxc - used, e, extra);
		t += run;
		if (hit) {
			snprintf(buf, sizeof buf, "%.*s", (int)qn, hit);
			used += ui_put(y, x + used, buf, maxc - used, E_MATCH);
			t += qn;
		}
	}
	return used;
}

void reader_draw(const struct app *a)
{
	const struct reader_view *r = &a->reader;
	const struct chapter *c = r->chapter >= 0 ? &a->m->chapters[r->chapter] : NULL;
	long n = (long)r->doc.n_lines;
	char hint[256];
	long last = r->top + BODY_ROWS(a);
	snprintf(hint, sizeof hint, "%ld-%ld/%ld (%ld%%)  %s", n ? r->top + 1 : 0,
	         last < n ? last : n, n, n > BODY_ROWS(a) ? 100 * (last < n ? last : n) / n : 100,
	         tr(MSG_READER_HINT));
	draw_frame(a, c ? ltext_get(&c->title, a->lang) : "", hint);
	int x0 = (a->cols - r->doc_cols) / 2;
	if (x0 < 1)
		x0 = 1;
	for (int row = 0; row < BODY_ROWS(a); row++) {
		long i = r->top + row;
		if (i >= n)
			break;
		const struct md_line *l = &r->doc.lines[i];
		int x = x0;
		for (size_t k = 0; k < l->n_segs; k++)
			x += put_seg(a, BODY_TOP + row, x, &l->segs[k], a->cols - x - 1);
	}
}

static bool find_match(struct app *a, long from, int dir)
{
	struct reader_view *r = &a->reader;
	long n = (long)r->doc.n_lines;
	if (!r->query[0] || n == 0)
		return false;
	for (long k = 0; k < n; k++) {
		long i = ((from + dir * k) % n + n) % n;
		if (text_contains(r->doc.lines[i].plain, r->query)) {
			if (dir > 0 && i < from)
				app_status(a, false, "%s", tr(MSG_SEARCH_WRAPPED));
			else if (dir < 0 && i > from)
				app_status(a, false, "%s", tr(MSG_SEARCH_WRAPPED_BACK));
			r->match = i;
			/* Show the match a few lines below the top for context. */
			r->top = i > 2 ? i - 2 : 0;
			clamp_top(a);
			return true;
		}
	}
	app_status(a, true, tr(MSG_SEARCH_NOTFOUND), r->query);
	return false;
}

void reader_input(struct app *a, const char *text)
{
	snprintf(a->reader.query, sizeof a->reader.query, "%s", text);
	a->status_error = false;
	a->status[0] = 0;
	find_match(a, a->reader.top, 1);
}

bool reader_key(struct app *a, enum action act, int key)
{
	(void)key;
	struct reader_view *r = &a->reader;
	long page = BODY_ROWS(a) - 1;
	switch (act) {
	case ACT_UP: r->top--; break;
	case ACT_DOWN: r->top++; break;
	case ACT_PGUP: r->top -= page; break;
	case ACT_PGDN: r->top += page; break;
	case ACT_TOP: r->top = 0; break;
	case ACT_BOTTOM: r->top = max_top(a); break;
	case ACT_SEARCH: app_prompt(a, MSG_SEARCH_PROMPT, ""); return true;
	case ACT_NEXT_MATCH:
		a->status_error = false;
		find_match(a, (r->match >= 0 ? r->match : r->top) + 1, 1);
		return true;
	case ACT_PREV_MATCH:
		a->status_error = false;
		find_match(a, (r->match >= 0 ? r->match : r->top) - 1, -1);
		return true;
	case ACT_BACK:
		if (r->chapter >= 0 && r->chapter < MAX_CHAPTERS)
			r->saved[r->chapter] = r->top;
		r->query[0] = 0;
		return false;
	default: return false;
	}
	clamp_top(a);
	return true;
}
