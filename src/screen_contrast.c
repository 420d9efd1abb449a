/* screen_contrast.c — a contrast group's card: the deciding question, the
 * rules side by side, a worked example, the learner's own mistakes in the
 * group, and a drill on it.  Opened from Review (a group row) and from quiz
 * feedback after a mix-up (then without the drill: a quiz is running). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contrastcard.h"
#include "lines.h"
#include "screens.h"
#include "ui.h"

#define DRILL_COUNT 10   /* questions in a drill started here */

const struct keybind contrast_keys[] = {
	{ 'd', ACT_DRILL }, { 's', ACT_DRILL }, { 'r', ACT_READ_MORE },
	{ FN(KEY_RIGHT), ACT_NONE }, { '\n', ACT_NONE }, { FN(KEY_ENTER), ACT_NONE },
	KEYMAP_END
};

void app_open_contrast(struct app *a, const struct contrast *g, bool from_quiz)
{
	a->contrast.g = g;
	a->contrast.from_quiz = from_quiz;
	a->contrast.top = 0;
	app_push(a, SCR_CONTRAST);
}

void app_start_drill(struct app *a, const struct contrast *g)
{
	struct quiz_opts o = a->quiz.opts;
	o.seed = clock_seed();
	o.count = DRILL_COUNT;
	o.klass = 0;
	o.chapter = NULL;
	o.drill = g;
	a->quiz.only_item[0] = '\0';
	app_start_quiz(a, &o, false);
}

void contrast_enter(struct app *a)
{
	struct contrast_view *v = &a->contrast;
	free(v->ci);
	v->ci = NULL;
	v->n = 0;
	v->mine = a->st && store_confusion_items(a->st, &v->ci, &v->n);
	if (a->st && !v->mine)
		app_status(a, true, "%s", a->st->err);
}

static struct lines build(const struct app *a)
{
	const struct contrast_view *v = &a->contrast;
	return contrast_card_lines(a->m, v->g, v->mine, v->ci, v->n, clock_now(), a->lang,
	                           a->cols - 4);
}

void contrast_draw(const struct app *a)
{
	const struct contrast_view *v = &a->contrast;
	char title[160], label[64];
	contrast_label(v->g, label, sizeof label);
	snprintf(title, sizeof title, "%s › %s", tr(MSG_CONTRAST_TITLE), label);
	draw_frame(a, title, tr(v->from_quiz ? MSG_CONTRAST_HINT_QUIZ : MSG_CONTRAST_HINT));
	struct lines ls = build(a);
	lines_draw(&ls, BODY_TOP + 1, BODY_ROWS(a) - 1, v->top, 2, a->cols - 3, -1);
	if (lines_max_top(&ls, BODY_ROWS(a) - 1) > v->top)
		ui_put(a->rows - 2, a->cols - 1, "↓", 1, E_DIM);
	lines_free(&ls);
}

bool contrast_key(struct app *a, enum action act, int key)
{
	(void)key;
	struct contrast_view *v = &a->contrast;
	struct lines ls = build(a);
	int page = BODY_ROWS(a) - 1, max = lines_max_top(&ls, page), *top = &v->top;
	lines_free(&ls);
	switch (act) {
	case ACT_DRILL:
		if (v->from_quiz) {
			app_status(a, false, "%s", tr(MSG_CONTRAST_NO_DRILL));
			return true;
		}
		app_pop(a);
		app_start_drill(a, v->g);
		return true;
	case ACT_READ_MORE:
		if (!app_open_ref(a, v->g->anchor))
			app_status(a, true, tr(MSG_SEARCH_NOTFOUND), v->g->anchor);
		return true;
	default:   /* ACT_NONE after a resize keeps the scroll within the text */
		return app_scroll(top, max, page, act);
	}
}

void contrast_relayout(struct app *a)
{
	if (a->contrast.g)
		contrast_key(a, ACT_NONE, 0);
}
