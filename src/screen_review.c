/* screen_review.c — the learner's mistakes, and a way into a review quiz. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "screens.h"
#include "text.h"
#include "ui.h"

const struct keybind review_keys[] = {
	{ 's', ACT_START_REVIEW }, { 'o', ACT_SORT },
	KEYMAP_END
};

static int by_count(const void *x, const void *y)
{
	const struct mistake *a = x, *b = y;
	if (a->fixed != b->fixed)
		return a->fixed - b->fixed;
	if (a->times != b->times)
		return b->times - a->times;
	return (a->last < b->last) - (a->last > b->last);
}

static int by_recent(const void *x, const void *y)
{
	const struct mistake *a = x, *b = y;
	if (a->last != b->last)
		return (a->last < b->last) - (a->last > b->last);
	return b->times - a->times;
}

static void sort(struct review_view *v)
{
	if (v->n)
		qsort(v->items, v->n, sizeof *v->items, v->by_recent ? by_recent : by_count);
}

void review_enter(struct app *a)
{
	struct review_view *v = &a->review;
	free(v->items);
	v->items = NULL;
	v->n = 0;
	v->due = 0;
	if (!a->st) {
		app_status(a, true, tr(MSG_NO_DB), a->db_err);
		return;
	}
	if (!store_mistakes(a->st, &v->items, &v->n))
		app_status(a, true, "%s", a->st->err);
	struct leitner *states = NULL;
	size_t n = 0;
	if (store_item_states(a->st, &states, &n)) {
		int64_t now = clock_now();
		for (size_t i = 0; i < n; i++)
			v->due += states[i].box > 0 && states[i].due <= now;
	}
	free(states);
	sort(v);
	if (v->sel >= (int)v->n)
		v->sel = v->n ? (int)v->n - 1 : 0;
}

/* "403 Forbidden" style label and the situation for an item id. */
static const char *item_text(const struct app *a, const char *item, int *code)
{
	const struct scenario *s = model_scenario(a->m, item);
	*code = 0;
	if (s) {
		*code = s->answer;
		return ltext_get(&s->situation, a->lang);
	}
	if (strncmp(item, "code:", 5) == 0) {
		const struct code_entry *c = model_code(a->m, atoi(item + 5));
		if (c) {
			*code = c->code;
			return ltext_get(&c->summary, a->lang);
		}
	}
	return item;
}

static void when(int64_t t, char *buf, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;
	localtime_r(&tt, &tm);
	strftime(buf, n, "%m-%d %H:%M", &tm);
}

void review_draw(const struct app *a)
{
	const struct review_view *v = &a->review;
	char title[128], hint[200];
	snprintf(title, sizeof title, "%s  (%zu · ", tr(MSG_REVIEW_TITLE), v->n);
	snprintf(title + strlen(title), sizeof title - strlen(title), tr(MSG_REVIEW_DUE), v->due);
	snprintf(title + strlen(title), sizeof title - strlen(title), " · %s)",
	         tr(v->by_recent ? MSG_REVIEW_BY_RECENT : MSG_REVIEW_BY_COUNT));
	snprintf(hint, sizeof hint, "%s", tr(MSG_REVIEW_HINT));
	draw_frame(a, title, hint);
	if (!v->n) {
		ui_put(BODY_TOP + 2, 2, tr(MSG_REVIEW_EMPTY), a->cols - 4, E_DIM);
		return;
	}
	/* Columns: missed, yours, right, last, question (rest). */
	int y = BODY_TOP;
	ui_put(y, 1, tr(MSG_REVIEW_COL_TIMES), 6, E_HEAD);
	ui_put(y, 8, tr(MSG_REVIEW_COL_YOURS), 8, E_HEAD);
	ui_put(y, 17, tr(MSG_REVIEW_COL_RIGHT), 8, E_HEAD);
	ui_put(y, 26, tr(MSG_REVIEW_COL_WHEN), 12, E_HEAD);
	ui_put(y, 39, tr(MSG_REVIEW_COL_ITEM), a->cols - 40, E_HEAD);
	int page = BODY_ROWS(a) - 1;
	int top = v->sel >= page ? v->sel - page + 1 : 0;
	for (int r = 0; r < page && top + r < (int)v->n; r++) {
		const struct mistake *m = &v->items[top + r];
		bool sel = top + r == v->sel;
		int ry = y + 1 + r, code;
		const char *text = item_text(a, m->item, &code);
		char buf[64];
		if (sel)
			ui_fill(ry, 0, a->cols, E_SEL);
		snprintf(buf, sizeof buf, "%4d×", m->times);
		ui_put(ry, 1, buf, 6, sel ? E_SEL : E_STRONG);
		ui_put_fit(ry, 8, m->given, 8, sel ? E_SEL : E_WRONG);
		ui_put_fit(ry, 17, m->expected, 8, sel ? E_SEL : E_RIGHT);
		when(m->last, buf, sizeof buf);
		ui_put(ry, 26, buf, 12, sel ? E_SEL : E_DIM);
		int x = 39;
		if (m->fixed) {
			snprintf(buf, sizeof buf, "✓%s ", tr(MSG_REVIEW_FIXED));
			x += ui_put(ry, x, buf, a->cols - x - 1, sel ? E_SEL : E_RIGHT);
		}
		ui_put_fit(ry, x, text, a->cols - x - 1, sel ? E_SEL : E_NORMAL);
	}
}

bool review_key(struct app *a, enum action act, int key)
{
	(void)key;
	struct review_view *v = &a->review;
	if (app_list_move(&v->sel, (int)v->n, BODY_ROWS(a) - 1, act))
		return true;
	switch (act) {
	case ACT_SORT:
		v->by_recent = !v->by_recent;
		sort(v);
		break;
	case ACT_OPEN:
		if (v->n)
			mistake_open(a, v->items[v->sel].item);
		return true;
	case ACT_START_REVIEW: {
		/* Say so here rather than open a quiz with no question in it. */
		if (!v->n || !v->due) {
			app_status(a, false, "%s", tr(v->n ? MSG_REVIEW_NONE_DUE : MSG_REVIEW_EMPTY));
			return true;
		}
		struct quiz_opts o = a->quiz.opts;
		o.seed = clock_seed();
		o.count = o.count > 0 ? o.count : 10;
		app_start_quiz(a, &o, true);
		return true;
	}
	default:
		return false;
	}
	return true;
}
