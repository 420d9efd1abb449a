/* confmatrix.c — the confusion matrix and the top confusions in words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "confmatrix.h"
#include "contrastcard.h"
#include "text.h"
#include "ui.h"

#define CELL 5          /* columns per matrix cell: " 1234" */
#define TOP_WORDS 3     /* confusions named in words */

void confmatrix_free(struct progress_view *v)
{
	free(v->cells);
	free(v->conf);
	v->cells = NULL;
	v->conf = NULL;
	v->n_cells = v->n_conf = 0;
}

void confmatrix_load(struct app *a)
{
	struct progress_view *v = &a->progress;
	confmatrix_free(v);
	if (!store_code_matrix(a->st, clock_now() - CONTRAST_RECENT_DAYS * 86400, &v->cells,
	                       &v->n_cells) ||
	    !contrast_confusions(v->cells, v->n_cells, &v->conf, &v->n_conf)) {
		app_status(a, true, "%s", a->st->err);
		confmatrix_free(v);
	}
}

/* Rows of the body that can be drawn on. */
static bool visible(const struct app *a, int y)
{
	return y >= BODY_TOP && y < BODY_TOP + BODY_ROWS(a);
}

static int cell_count(const struct progress_view *v, int expected, int given, bool *any_row)
{
	for (size_t i = 0; i < v->n_cells; i++)
		if (v->cells[i].expected == expected) {
			*any_row = true;
			if (v->cells[i].given == given)
				return v->cells[i].count;
		}
	return 0;
}

static int draw_words(const struct app *a, int y, bool draw)
{
	const struct progress_view *v = &a->progress;
	int rows = 0;
	char line[512];
	for (size_t i = 0; i < v->n_conf && i < TOP_WORDS; i++) {
		contrast_confusion_text(a->m, &v->conf[i], clock_now(), a->lang, line, sizeof line);
		size_t n = 0;
		char **wrapped = text_wrap(line, a->cols - 6, &n);
		for (size_t k = 0; k < n; k++, rows++) {
			if (!draw || !visible(a, y + rows))
				continue;
			if (k == 0) {
				char num[8];
				snprintf(num, sizeof num, "%zu.", i + 1);
				ui_put(y + rows, 2, num, 3, E_STRONG);
			}
			ui_put(y + rows, 5, wrapped[k], a->cols - 6, k == 0 ? E_STRONG : E_NORMAL);
		}
		text_lines_free(wrapped, n);
	}
	return rows;
}

static int draw_matrix(const struct app *a, int y, bool draw)
{
	const struct progress_view *v = &a->progress;
	int codes[128];
	size_t max = (size_t)(a->cols - 2 - CELL) / CELL;
	max = max > 128 ? 128 : max;
	size_t n = contrast_matrix_codes(v->conf, v->n_conf, codes, max);
	char buf[16];
	int rows = 1;
	if (draw && visible(a, y))
		for (size_t c = 0; c < n; c++) {
			snprintf(buf, sizeof buf, "%*d", CELL, codes[c]);
			ui_put(y, 1 + CELL * (int)(c + 1), buf, CELL, E_HEAD);
		}
	for (size_t r = 0; r < n; r++) {
		bool any = false;
		cell_count(v, codes[r], 0, &any);
		if (!any)
			continue;   /* a code only ever given: no row of its own */
		int ry = y + rows++;
		if (!draw || !visible(a, ry))
			continue;
		snprintf(buf, sizeof buf, "%*d", CELL - 1, codes[r]);
		ui_put(ry, 1, buf, CELL, E_HEAD);
		for (size_t c = 0; c < n; c++) {
			int k = cell_count(v, codes[r], codes[c], &any);
			bool diag = r == c;
			if (k)
				snprintf(buf, sizeof buf, "%*d", CELL, k);
			else   /* a one-column dot of three bytes: pad by columns, not bytes */
				snprintf(buf, sizeof buf, "%*s·", CELL - 1, "");
			ui_put(ry, 1 + CELL * (int)(c + 1), buf, CELL,
			       !k ? E_DIM : diag ? E_RIGHT : E_WRONG);
		}
	}
	return rows;
}

int confmatrix_draw(const struct app *a, int y, bool draw)
{
	const struct progress_view *v = &a->progress;
	if (!v->loaded || v->p.answers == 0)
		return 0;
	int rows = 0;
	if (draw && visible(a, y))
		ui_put(y, 1, tr(MSG_CONFUSION_TOP), a->cols - 2, E_HEAD);
	rows++;
	if (!v->n_conf) {
		if (draw && visible(a, y + rows))
			ui_put(y + rows, 2, tr(MSG_CONFUSION_NONE), a->cols - 3, E_DIM);
		return rows + 1;
	}
	rows += draw_words(a, y + rows, draw);
	if (draw && visible(a, y + rows))
		ui_put(y + rows, 1, tr(MSG_CONFUSION_MATRIX), a->cols - 2, E_HEAD);
	rows++;
	rows += draw_matrix(a, y + rows, draw);
	return rows;
}
