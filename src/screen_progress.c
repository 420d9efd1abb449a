/* screen_progress.c — overall figures, mastery bars per class and per core
 * code, a 14-day chart of answers drawn with block characters, and the codes
 * the learner mixes up (confmatrix.c). */
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "confmatrix.h"
#include "screens.h"
#include "text.h"
#include "ui.h"

const struct keybind progress_keys[] = { KEYMAP_END };

void progress_enter(struct app *a)
{
	struct progress_view *v = &a->progress;
	v->top = 0;
	/* Kept between screens until the database changes (an answer, a
	 * chapter read, another program) or a minute passes (items fall due). */
	uint32_t version = a->st ? store_data_version(a->st) : 0;
	int64_t now = clock_now();
	if (!v->loaded || version != v->version || now - v->loaded_at >= 60) {
		if (v->loaded)
			store_progress_free(&v->p);
		memset(&v->p, 0, sizeof v->p);
		confmatrix_free(v);
		v->loaded = v->matrix_loaded = false;
		if (!a->st) {
			app_status(a, true, tr(MSG_NO_DB), a->db_err);
			return;
		}
		v->version = version;
		v->loaded_at = now;
		v->loaded = store_progress(a->st, now, &v->p);
		if (!v->loaded)
			app_status(a, true, "%s", a->st->err);
	}
	/* The answer matrix is the Progress screen's alone: home, which shares
	 * this cache, does not wait for it. */
	if (v->loaded && !v->matrix_loaded && app_top(a) == SCR_PROGRESS) {
		confmatrix_load(a);
		v->matrix_loaded = true;
	}
}

/* A horizontal bar of width w filled to frac (0..1) with eighth blocks. */
static void hbar(int y, int x, int w, double frac, enum ui_elem e)
{
	static const char *const eighths[] = { "", "▏", "▎", "▍", "▌", "▋", "▊", "▉" };
	int units = (int)(frac * w * 8 + 0.5);
	char buf[512] = "";
	size_t len = 0;
	for (int i = 0; i < units / 8 && len + 4 < sizeof buf; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "█");
	if (units % 8 && len + 4 < sizeof buf)
		snprintf(buf + len, sizeof buf - len, "%s", eighths[units % 8]);
	int used = ui_put(y, x, buf, w, e);
	for (int i = used; i < w; i++)
		ui_put(y, x + i, "░", 1, E_DIM);
}

static int pct(int correct, int answers)
{
	return quiz_percent(correct, answers);
}

static void draw_classes(const struct app *a, int y, int x, int w)
{
	const struct progress *p = &a->progress.p;
	ui_put_fit(y, x, tr(MSG_PROGRESS_CLASSES), w, E_HEAD);
	for (int k = 0; k < 5; k++) {
		const struct group_stat *g = &p->klass[k];
		char label[16], fig[32];
		snprintf(label, sizeof label, "%dxx", k + 1);
		ui_put(y + 1 + k, x, label, 4, (enum ui_elem)(E_CLASS1 + k));
		int bw = w - 18;
		hbar(y + 1 + k, x + 4, bw, g->answers ? (double)g->correct / g->answers : 0, E_BAR);
		if (g->answers)
			snprintf(fig, sizeof fig, "%3d%% %d/%d", pct(g->correct, g->answers),
			         g->correct, g->answers);
		else
			snprintf(fig, sizeof fig, "   -");
		ui_put(y + 1 + k, x + 5 + bw, fig, 13, E_DIM);
	}
}

/* Stacked columns: right answers at the bottom, wrong ones above. */
static void draw_days(const struct app *a, int y, int x, int w, int h)
{
	const struct progress *p = &a->progress.p;
	ui_put_fit(y, x, tr(MSG_PROGRESS_DAYS), w, E_HEAD);
	int max = 1, tot = 0, right = 0;
	for (int d = 0; d < 14; d++) {
		if (p->days[d].answers > max)
			max = p->days[d].answers;
		tot += p->days[d].answers;
		right += p->days[d].correct;
	}
	static const char *const lvl[] = { " ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
	for (int d = 0; d < 14; d++) {
		int units_all = (p->days[d].answers * h * 8 + max - 1) / max;
		int units_ok = (p->days[d].correct * h * 8 + max / 2) / max;
		if (units_ok > units_all)
			units_ok = units_all;
		for (int r = 0; r < h; r++) {
			int base = r * 8;  /* units below this row */
			int fill_all = units_all - base, fill_ok = units_ok - base;
			fill_all = fill_all < 0 ? 0 : fill_all > 8 ? 8 : fill_all;
			fill_ok = fill_ok < 0 ? 0 : fill_ok > 8 ? 8 : fill_ok;
			/* A cell shows the right part if it reaches into it, else the wrong part. */
			const char *ch = fill_ok ? lvl[fill_ok == 8 ? 8 : fill_all] : lvl[fill_all];
			enum ui_elem e = fill_ok ? E_RIGHT : E_WRONG;
			char cell[16];
			snprintf(cell, sizeof cell, "%s%s", ch, ch);
			ui_put(y + h - r, x + d * 2, cell, 2, e);
		}
	}
	/* Dates under the first and last column. */
	char d0[16], d1[16];
	time_t t0 = (time_t)p->days[0].day, t1 = (time_t)p->days[13].day;
	struct tm tm;
	localtime_r(&t0, &tm);
	strftime(d0, sizeof d0, "%m-%d", &tm);
	localtime_r(&t1, &tm);
	strftime(d1, sizeof d1, "%m-%d", &tm);
	ui_put(y + h + 1, x, d0, 5, E_DIM);
	ui_put(y + h + 1, x + 28 - 5, d1, 5, E_DIM);
	char fig[64];
	snprintf(fig, sizeof fig, tr(MSG_PROGRESS_CHART_FIG), max, pct(right, tot));
	ui_put(y + h + 2, x, fig, w, E_DIM);
}

static void draw_codes(const struct app *a, int y, int x, int w)
{
	const struct progress *p = &a->progress.p;
	ui_put_fit(y, x, tr(MSG_PROGRESS_CODES), w, E_HEAD);
	int cellw = 19, per_row = w / cellw, i = 0;
	if (per_row < 1)
		per_row = 1;
	for (size_t c = 0; c < a->m->n_codes; c++) {
		const struct code_entry *e = &a->m->codes[c];
		if (!e->core)
			continue;
		const struct group_stat *g = NULL;
		for (size_t k = 0; k < p->n_codes; k++)
			if (p->codes[k].key == e->code)
				g = &p->codes[k];
		int cy = y + 1 + i / per_row, cx = x + (i % per_row) * cellw;
		i++;
		char num[8], fig[16];
		snprintf(num, sizeof num, "%d", e->code);
		ui_put(cy, cx, num, 4, (enum ui_elem)(E_CLASS1 + e->code / 100 - 1));
		hbar(cy, cx + 4, 8, g && g->answers ? (double)g->correct / g->answers : 0, E_BAR);
		if (g && g->answers)
			snprintf(fig, sizeof fig, "%3d%%", pct(g->correct, g->answers));
		else
			snprintf(fig, sizeof fig, "   -");
		ui_put(cy, cx + 13, fig, 5, E_DIM);
	}
}

/* The overall line, wrapped to the width. */
static char **overall(const struct app *a, size_t *n)
{
	const struct progress *p = &a->progress.p;
	char buf[512];
	char days[32];
	snprintf(buf, sizeof buf, tr(MSG_PROGRESS_OVERALL), p->answers, p->correct,
	         pct(p->correct, p->answers),
	         i18n_count(MSG_N_DAYS_ONE, MSG_N_DAYS, p->streak, days, sizeof days),
	         p->due, p->chapters_opened);
	return text_wrap(buf, a->cols - 2, n);
}

/* Rows the whole page takes: overall lines, a gap, classes and chart (10),
 * the codes mixed up and a gap (when there are answers), the core-code grid
 * with its heading. */
static int page_height(const struct app *a, int n_overall)
{
	int per_row = (a->cols - 2) / 19, core = 0;
	for (size_t c = 0; c < a->m->n_codes; c++)
		core += a->m->codes[c].core;
	if (per_row < 1)
		per_row = 1;
	int mix = confmatrix_draw(a, 0, false);
	return 1 + n_overall + 1 + 9 + 1 + (mix ? mix + 1 : 0) + 1 + (core + per_row - 1) / per_row;
}

void progress_draw(const struct app *a)
{
	const struct progress_view *v = &a->progress;
	if (v->loaded) {
		const struct progress *p = &v->p;
		size_t n = 0;
		char **lines = overall(a, &n);
		/* Drawn at an offset for scrolling; the frame drawn after covers
		 * whatever lands on the title or status row. */
		int y = BODY_TOP + 1 - v->top;
		for (size_t i = 0; i < n; i++, y++)
			ui_put(y, 1, lines[i], a->cols - 2, E_STRONG);
		text_lines_free(lines, n);
		if (p->answers == 0)
			ui_put(y, 1, tr(MSG_PROGRESS_EMPTY), a->cols - 2, E_DIM);
		int half = a->cols / 2;
		draw_classes(a, y + 1, 1, half - 2);
		draw_days(a, y + 1, half + 1, a->cols - half - 2, 5);
		int mix = confmatrix_draw(a, y + 10, true);
		draw_codes(a, y + 10 + (mix ? mix + 1 : 0), 1, a->cols - 2);
	}
	draw_frame(a, tr(MSG_PROGRESS_TITLE), tr(MSG_PROGRESS_HINT));
}

bool progress_key(struct app *a, enum action act, int key)
{
	(void)key;
	if (!a->progress.loaded)
		return false;
	size_t n = 0;
	char **lines = overall(a, &n);
	text_lines_free(lines, n);
	int max = page_height(a, (int)n) - BODY_ROWS(a);
	int top = a->progress.top;
	switch (act) {
	case ACT_UP: top--; break;
	case ACT_DOWN: top++; break;
	case ACT_PGUP: top -= BODY_ROWS(a) - 1; break;
	case ACT_PGDN: top += BODY_ROWS(a) - 1; break;
	case ACT_TOP: top = 0; break;
	case ACT_BOTTOM: top = max; break;
	case ACT_NONE: break;   /* a resize: keep the page within the text */
	default: return false;
	}
	a->progress.top = top > max ? max : top;
	if (a->progress.top < 0)
		a->progress.top = 0;
	return true;
}

void progress_relayout(struct app *a)
{
	progress_key(a, ACT_NONE, 0);
}
