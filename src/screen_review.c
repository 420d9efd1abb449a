/* screen_review.c — the learner's mistakes, and a way into a review quiz.
 * Mistakes that mix up the codes of a contrast group are listed first, one
 * row per group (most mistakes, then the most recent, first); Enter opens
 * the group's contrast card.  Other mistakes follow, one row per question. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "contrastcard.h"
#include "screens.h"
#include "text.h"
#include "ui.h"

const struct keybind review_keys[] = {
	{ 's', ACT_START_REVIEW }, { 'o', ACT_SORT }, { 'd', ACT_DRILL },
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

static int groups_by_recent(const void *x, const void *y)
{
	const struct contrast_row *a = x, *b = y;
	if (a->last != b->last)
		return (a->last < b->last) - (a->last > b->last);
	return b->mistakes - a->mistakes;
}

static void sort(struct review_view *v)
{
	if (v->n)
		qsort(v->items, v->n, sizeof *v->items, v->by_recent ? by_recent : by_count);
	/* contrast_rows gives most mistakes, then most recent, first */
	if (v->n_groups && v->by_recent)
		qsort(v->groups, v->n_groups, sizeof *v->groups, groups_by_recent);
}

/* A question with mistakes both inside and outside groups shows only those
 * outside: their number, the latest one, and whether it was answered right
 * since.  False when none is left (or its history cannot be read). */
static bool ungrouped_part(struct app *a, struct mistake *m)
{
	struct attempt *h = NULL;
	size_t n = 0;
	if (!store_item_history(a->st, m->item, &h, &n))
		return false;
	m->times = 0;
	for (size_t i = 0; i < n; i++) {
		if (h[i].correct) {
			m->fixed = m->times > 0;
			continue;
		}
		if (contrast_for_pair(a->m, contrast_code(h[i].expected), contrast_code(h[i].given)))
			continue;
		m->times++;
		m->fixed = false;
		m->last = h[i].at;
		snprintf(m->given, sizeof m->given, "%.31s", h[i].given);
		snprintf(m->expected, sizeof m->expected, "%.31s", h[i].expected);
		m->answer_id = 0;
	}
	free(h);
	return m->times > 0;
}

/* Group rows from the learner's confusions; the mistakes of questions whose
 * every wrong answer lies in a group leave the list of other mistakes. */
static void gather_groups(struct app *a)
{
	struct review_view *v = &a->review;
	struct confusion_item *ci = NULL;
	size_t nci = 0;
	bool read = store_confusion_items(a->st, &ci, &nci);
	if (read)
		contrast_sort_items(ci, nci);
	if (!read ||
	    !contrast_rows(a->m, ci, nci, &v->groups, &v->n_groups)) {
		app_status(a, true, "%s", a->st->err);
		free(ci);
		return;
	}
	size_t k = 0;
	for (size_t i = 0; i < v->n; i++) {
		int grouped = contrast_item_grouped(a->m, ci, nci, v->items[i].item);
		if (grouped == 0)
			v->items[k++] = v->items[i];
		else if (grouped < v->items[i].times && ungrouped_part(a, &v->items[i]))
			v->items[k++] = v->items[i];
	}
	v->n = k;
	free(ci);
}

void review_enter(struct app *a)
{
	struct review_view *v = &a->review;
	free(v->items);
	free(v->groups);
	v->items = NULL;
	v->groups = NULL;
	v->n = v->n_groups = 0;
	v->due = 0;
	if (!a->st) {
		app_status(a, true, tr(MSG_NO_DB), a->db_err);
		return;
	}
	if (!store_mistakes_brief(a->st, &v->items, &v->n))
		app_status(a, true, "%s", a->st->err);
	else
		gather_groups(a);
	/* The due count home has just read (an item's box is at least 1 in
	 * the store); read afresh when that is stale or was never read. */
	const struct progress_view *pv = &a->progress;
	if (pv->loaded && pv->version == store_data_version(a->st) && clock_now() - pv->loaded_at < 60) {
		v->due = pv->p.due;
	} else {
		struct leitner *states = NULL;
		size_t n = 0;
		if (store_item_states(a->st, &states, &n)) {
			int64_t now = clock_now();
			for (size_t i = 0; i < n; i++)
				v->due += states[i].box > 0 && states[i].due <= now;
		}
		free(states);
	}
	sort(v);
	int rows = (int)(v->n_groups + v->n);
	if (v->sel >= rows)
		v->sel = rows ? rows - 1 : 0;
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

/* The list as display lines: headings, group rows, column titles, items. */
enum rkind { RK_GROUPS_HEAD, RK_GROUP, RK_OTHERS_HEAD, RK_COLUMNS, RK_ITEM };
struct rline {
	enum rkind k;
	int idx;                  /* the group or item shown */
};

/* Fills out (room for n_groups + n + 3 lines) and returns how many. */
static int layout(const struct review_view *v, struct rline *out)
{
	int k = 0;
	if (v->n_groups) {
		out[k++] = (struct rline){ RK_GROUPS_HEAD, -1 };
		for (size_t i = 0; i < v->n_groups; i++)
			out[k++] = (struct rline){ RK_GROUP, (int)i };
	}
	if (v->n) {
		if (v->n_groups)
			out[k++] = (struct rline){ RK_OTHERS_HEAD, -1 };
		out[k++] = (struct rline){ RK_COLUMNS, -1 };
		for (size_t i = 0; i < v->n; i++)
			out[k++] = (struct rline){ RK_ITEM, (int)i };
	}
	return k;
}

/* The two answer columns are as wide as the widest answer on the page
 * (a header name such as Content-Location, whole), from 8 up to 18 and up
 * to what leaves the question column 20 cells; on a narrow screen the
 * "last" column gives its room first. */
#define ANSWER_MIN 8
#define ANSWER_MAX 18
#define WHEN_W 13           /* "12-02 15:36" and a gap */

struct review_cols {
	int aw;             /* each answer column */
	bool when;          /* the "last" column is shown */
};

static struct review_cols review_cols(const struct app *a, int widest)
{
	struct review_cols c = { widest < ANSWER_MIN ? ANSWER_MIN : widest, true };
	if (c.aw > ANSWER_MAX)
		c.aw = ANSWER_MAX;
	int room = (a->cols - 30 - WHEN_W) / 2;
	if (c.aw > room) {
		c.when = false;
		room = (a->cols - 30) / 2;
	}
	if (c.aw > room)
		c.aw = room > ANSWER_MIN ? room : ANSWER_MIN;
	return c;
}

/* Where the question column starts. */
static int item_x(struct review_cols c)
{
	return 10 + 2 * c.aw + (c.when ? WHEN_W : 0);
}

static void draw_columns(const struct app *a, int y, struct review_cols c)
{
	ui_put(y, 1, tr(MSG_REVIEW_COL_TIMES), 6, E_HEAD);
	ui_put(y, 8, tr(MSG_REVIEW_COL_YOURS), c.aw, E_HEAD);
	ui_put(y, 9 + c.aw, tr(MSG_REVIEW_COL_RIGHT), c.aw, E_HEAD);
	if (c.when)
		ui_put(y, 10 + 2 * c.aw, tr(MSG_REVIEW_COL_WHEN), 12, E_HEAD);
	ui_put(y, item_x(c), tr(MSG_REVIEW_COL_ITEM), a->cols - item_x(c) - 1, E_HEAD);
}

static void draw_group(const struct app *a, int y, const struct contrast_row *g, bool sel)
{
	char label[64], ago[64], buf[512];
	contrast_label(g->g, label, sizeof label);
	contrast_ago(g->last, clock_now(), ago, sizeof ago);
	char n[32];
	snprintf(buf, sizeof buf, tr(MSG_REVIEW_GROUP_ROW), label,
	         i18n_count(MSG_N_MISTAKES_ONE, MSG_N_MISTAKES, g->mistakes, n, sizeof n), ago,
	         ltext_get(&g->g->title, a->lang));
	if (sel)
		ui_fill(y, 0, a->cols, E_SEL);
	ui_put_fit(y, 1, buf, a->cols - 2, sel ? E_SEL : E_STRONG);
}

/* The last wrong answer of a row about to be shown, read now: the list
 * leaves it out (on a long history most rows are grouped by their codes
 * and never shown).  A failed read shows "?" rather than asking again on
 * every frame. */
static void fill_answer(struct store *st, struct mistake *m)
{
	if (m->answer_id && !store_mistake_answer(st, m)) {
		snprintf(m->given, sizeof m->given, "?");
		m->answer_id = 0;
	}
}

static void draw_item(const struct app *a, int y, const struct mistake *m, bool sel,
                      struct review_cols c)
{
	int code;
	const char *text = item_text(a, m->item, &code);
	char buf[64];
	if (sel)
		ui_fill(y, 0, a->cols, E_SEL);
	snprintf(buf, sizeof buf, "%4d×", m->times);
	ui_put(y, 1, buf, 6, sel ? E_SEL : E_STRONG);
	ui_put_fit(y, 8, m->given, c.aw, sel ? E_SEL : E_WRONG);
	ui_put_fit(y, 9 + c.aw, m->expected, c.aw, sel ? E_SEL : E_RIGHT);
	if (c.when) {
		when(m->last, buf, sizeof buf);
		ui_put(y, 10 + 2 * c.aw, buf, 12, sel ? E_SEL : E_DIM);
	}
	int x = item_x(c);
	if (m->fixed) {
		snprintf(buf, sizeof buf, "✓%s ", tr(MSG_REVIEW_FIXED));
		x += ui_put(y, x, buf, a->cols - x - 1, sel ? E_SEL : E_RIGHT);
	}
	ui_put_fit(y, x, text, a->cols - x - 1, sel ? E_SEL : E_NORMAL);
}

void review_draw(const struct app *a)
{
	const struct review_view *v = &a->review;
	size_t rows = v->n_groups + v->n;
	bool on_group = (size_t)v->sel < v->n_groups;
	char title[160], due[48];
	snprintf(due, sizeof due, tr(MSG_REVIEW_DUE), v->due);
	snprintf(title, sizeof title, tr(MSG_REVIEW_TITLE_FULL), tr(MSG_REVIEW_TITLE), rows, due,
	         tr(v->by_recent ? MSG_REVIEW_BY_RECENT : MSG_REVIEW_BY_COUNT));
	draw_frame(a, title, tr(on_group ? MSG_REVIEW_GROUP_HINT : MSG_REVIEW_HINT));
	if (!rows) {
		ui_put(BODY_TOP + 2, 2, tr(MSG_REVIEW_EMPTY), a->cols - 4, E_DIM);
		return;
	}
	struct rline *ls = malloc((rows + 3) * sizeof *ls);
	if (!ls)
		return;
	int n = layout(v, ls), at = 0;
	for (int i = 0; i < n; i++)
		if ((ls[i].k == RK_GROUP && ls[i].idx == v->sel) ||
		    (ls[i].k == RK_ITEM && ls[i].idx + (int)v->n_groups == v->sel))
			at = i;
	int page = BODY_ROWS(a);
	int top = at >= page ? at - page + 1 : 0;
	int widest = 0;
	for (int r = 0; r < page && top + r < n; r++) {
		if (ls[top + r].k != RK_ITEM)
			continue;
		struct mistake *m = &v->items[ls[top + r].idx];
		fill_answer(a->st, m);
		int w1 = text_width(m->given), w2 = text_width(m->expected);
		widest = w1 > widest ? w1 : widest;
		widest = w2 > widest ? w2 : widest;
	}
	struct review_cols cols = review_cols(a, widest);
	for (int r = 0; r < page && top + r < n; r++) {
		const struct rline *l = &ls[top + r];
		int y = BODY_TOP + r;
		switch (l->k) {
		case RK_GROUPS_HEAD: ui_put(y, 1, tr(MSG_REVIEW_GROUPS), a->cols - 2, E_HEAD); break;
		case RK_OTHERS_HEAD: ui_put(y, 1, tr(MSG_REVIEW_OTHERS), a->cols - 2, E_HEAD); break;
		case RK_COLUMNS: draw_columns(a, y, cols); break;
		case RK_GROUP: draw_group(a, y, &v->groups[l->idx], top + r == at); break;
		case RK_ITEM:
			draw_item(a, y, &v->items[l->idx], top + r == at, cols);
			break;
		}
	}
	free(ls);
}

bool review_key(struct app *a, enum action act, int key)
{
	(void)key;
	struct review_view *v = &a->review;
	int rows = (int)(v->n_groups + v->n);
	bool on_group = (size_t)v->sel < v->n_groups;
	if (app_list_move(&v->sel, rows, BODY_ROWS(a) - 2, act))
		return true;
	switch (act) {
	case ACT_SORT:
		v->by_recent = !v->by_recent;
		sort(v);
		break;
	case ACT_OPEN:
		if (on_group)
			app_open_contrast(a, v->groups[v->sel].g, false);
		else if (v->n)
			mistake_open(a, v->items[v->sel - (int)v->n_groups].item);
		return true;
	case ACT_DRILL:
		if (on_group)
			app_start_drill(a, v->groups[v->sel].g);
		else
			app_status(a, false, "%s", tr(MSG_REVIEW_DRILL_GROUP));
		return true;
	case ACT_START_REVIEW: {
		/* Say so here rather than open a quiz with no question in it. */
		if (!rows || !v->due) {
			app_status(a, false, "%s", tr(rows ? MSG_REVIEW_NONE_DUE : MSG_REVIEW_EMPTY));
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
