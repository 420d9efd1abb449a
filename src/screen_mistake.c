/* screen_mistake.c — one missed question from the review list: the situation,
 * every answer the learner gave with when, the right answer, why and why
 * not, and a way to answer just that question again.  The list that opens it
 * (screen_review.c) only has to call mistake_open with an item id. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lines.h"
#include "screens.h"
#include "text.h"
#include "ui.h"

const struct keybind mistake_keys[] = {
	{ '\n', ACT_RETRY_ONE }, { 'r', ACT_RETRY_ONE },
	{ FN(KEY_RIGHT), ACT_NONE },
	KEYMAP_END
};

void mistake_open(struct app *a, const char *item)
{
	snprintf(a->mistake.item, sizeof a->mistake.item, "%s", item);
	a->mistake.top = 0;
	app_push(a, SCR_MISTAKE);
}

void mistake_enter(struct app *a)
{
	struct mistake_view *v = &a->mistake;
	free(v->hist);
	v->hist = NULL;
	v->n = 0;
	if (a->st && !store_item_history(a->st, v->item, &v->hist, &v->n))
		app_status(a, true, "%s", a->st->err);
}

/* "403 Forbidden" for a code, else the answer as logged (a header name). */
static void answer_label(const struct app *a, const char *ans, char *buf, size_t n)
{
	char *end;
	long code = strtol(ans, &end, 10);
	const struct code_entry *c = *ans && !*end ? model_code(a->m, (int)code) : NULL;
	if (c)
		snprintf(buf, n, "%d %s", c->code, c->phrase);
	else
		snprintf(buf, n, "%s", ans);
}

/* The code an item is about, its scenario (NULL for "code:NNN" items). */
static const struct code_entry *item_code(const struct app *a, const struct scenario **sc)
{
	const char *item = a->mistake.item;
	*sc = model_scenario(a->m, item);
	if (*sc)
		return model_code(a->m, (*sc)->answer);
	return strncmp(item, "code:", 5) == 0 ? model_code(a->m, atoi(item + 5)) : NULL;
}

static struct lines build(const struct app *a)
{
	const struct mistake_view *v = &a->mistake;
	struct lines ls = { NULL, 0, 0, a->cols - 4 };
	const struct scenario *sc;
	const struct code_entry *c = item_code(a, &sc);
	char buf[512], label[160];
	if (!c) {
		lines_wrap(&ls, tr(MSG_MISTAKE_GONE), E_DIM, 0);
		return ls;
	}
	if (sc) {
		lines_wrap(&ls, ltext_get(&sc->situation, a->lang), E_NORMAL, 2);
	} else {
		snprintf(buf, sizeof buf, "%d — %s", c->code, tr(MSG_QUIZ_MEANING_PROMPT));
		lines_wrap(&ls, buf, E_NORMAL, 2);
	}
	lines_add(&ls, "", E_NORMAL, 0);
	/* The last logged expected answer: a header name for header questions. */
	answer_label(a, v->n ? v->hist[v->n - 1].expected : "", label, sizeof label);
	if (!v->n)
		snprintf(label, sizeof label, "%d %s", c->code, c->phrase);
	snprintf(buf, sizeof buf, tr(MSG_MISTAKE_RIGHT), label);
	lines_wrap(&ls, buf, E_RIGHT, 0);
	lines_add(&ls, "", E_NORMAL, 0);
	lines_add(&ls, tr(MSG_MISTAKE_ANSWERS), E_HEAD, 0);
	for (size_t i = 0; i < v->n; i++) {
		const struct attempt *t = &v->hist[i];
		char when[32];
		time_t tt = (time_t)t->at;
		struct tm tm;
		localtime_r(&tt, &tm);
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
		answer_label(a, t->given, label, sizeof label);
		snprintf(buf, sizeof buf, "%s %s  %s", t->correct ? "✓" : "✗", when, label);
		lines_add(&ls, buf, t->correct ? E_RIGHT : E_WRONG, 2);
	}
	const char *why = sc ? ltext_get(&sc->why, a->lang) : ltext_get(&c->detail, a->lang);
	if (*why) {
		lines_add(&ls, "", E_NORMAL, 0);
		lines_add(&ls, tr(MSG_QUIZ_WHY), E_HEAD, 0);
		lines_wrap(&ls, why, E_NORMAL, 2);
	}
	/* A header question missed: why that header, as its feedback said. */
	bool header = false;
	for (size_t i = 0; i < v->n; i++)
		header |= !strcmp(v->hist[i].qtype, "header") && !v->hist[i].correct;
	const char *hwhy = sc && sc->header ? ltext_get(&sc->header_why, a->lang) : "";
	if (header && *hwhy) {
		lines_add(&ls, "", E_NORMAL, 0);
		answer_label(a, sc->header, label, sizeof label);
		snprintf(buf, sizeof buf, tr(MSG_QUIZ_WHY_HEADER), label);
		lines_add(&ls, buf, E_HEAD, 0);
		lines_wrap(&ls, hwhy, E_NORMAL, 2);
	}
	/* Why not, for each wrong code the learner chose that the scenario explains. */
	for (size_t k = 0; sc && k < sc->n_whynot; k++) {
		bool chosen = false;
		char code[16];
		snprintf(code, sizeof code, "%d", sc->whynot[k].code);
		for (size_t i = 0; i < v->n; i++)
			chosen |= !v->hist[i].correct && strcmp(v->hist[i].given, code) == 0;
		if (!chosen)
			continue;
		lines_add(&ls, "", E_NORMAL, 0);
		snprintf(buf, sizeof buf, tr(MSG_QUIZ_WHYNOT), sc->whynot[k].code);
		lines_add(&ls, buf, E_HEAD, 0);
		lines_wrap(&ls, ltext_get(&sc->whynot[k].text, a->lang), E_NORMAL, 2);
	}
	return ls;
}

void mistake_draw(const struct app *a)
{
	const struct scenario *sc;
	const struct code_entry *c = item_code(a, &sc);
	char title[160];
	if (c)
		snprintf(title, sizeof title, "%s › %d %s", tr(MSG_REVIEW_TITLE), c->code, c->phrase);
	else
		snprintf(title, sizeof title, "%s", tr(MSG_REVIEW_TITLE));
	draw_frame(a, title, tr(MSG_MISTAKE_HINT));
	struct lines ls = build(a);
	lines_draw(&ls, BODY_TOP + 1, BODY_ROWS(a) - 1, a->mistake.top, 2, a->cols - 3, -1);
	if (lines_max_top(&ls, BODY_ROWS(a) - 1) > a->mistake.top)
		ui_put(a->rows - 2, a->cols - 1, "↓", 1, E_DIM);
	lines_free(&ls);
}

/* Answer just this item again, as a one-question review. */
static void retry(struct app *a)
{
	const struct scenario *sc;
	if (!item_code(a, &sc))
		return;
	struct quiz_opts o = a->quiz.opts;
	o.seed = clock_seed();
	o.count = 1;
	o.klass = 0;
	o.chapter = NULL;
	snprintf(a->quiz.only_item, sizeof a->quiz.only_item, "%s", a->mistake.item);
	app_start_quiz(a, &o, true);
}

bool mistake_key(struct app *a, enum action act, int key)
{
	(void)key;
	struct lines ls = build(a);
	int page = BODY_ROWS(a) - 1, max = lines_max_top(&ls, page), *top = &a->mistake.top;
	lines_free(&ls);
	switch (act) {
	case ACT_RETRY_ONE: retry(a); return true;
	default:   /* ACT_NONE after a resize keeps the scroll within the text */
		return app_scroll(top, max, page, act);
	}
}

void mistake_relayout(struct app *a)
{
	if (a->mistake.item[0])
		mistake_key(a, ACT_NONE, 0);
}
