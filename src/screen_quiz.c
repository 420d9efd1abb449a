/* screen_quiz.c — asking, instant feedback with explanations, and the summary.
 * Each answer is committed to the store before its feedback is shown. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "lines.h"
#include "contrast.h"
#include "qview.h"
#include "screens.h"
#include "text.h"
#include "ui.h"

const struct keybind quizview_keys[] = {
	{ '1', ACT_CHOICE_1 }, { '2', ACT_CHOICE_2 }, { '3', ACT_CHOICE_3 },
	{ '4', ACT_CHOICE_4 }, { 'a', ACT_CHOICE_1 }, { 'b', ACT_CHOICE_2 },
	{ 'c', ACT_CONTRAST }, { 'd', ACT_CHOICE_4 }, { ' ', ACT_CONTINUE },
	{ 'r', ACT_READ_MORE }, { 's', ACT_RETRY_SAVE }, { 'v', ACT_START_REVIEW },
	/* Enter, q and the arrows mean something of their own here (help
	 * says what); underneath they are open and back. */
	{ '\n', ACT_ANSWER_NEXT }, { FN(KEY_ENTER), ACT_ANSWER_NEXT }, { FN(KEY_RIGHT), ACT_ANSWER_NEXT },
	{ 'q', ACT_STOP }, { 27, ACT_STOP }, { FN(KEY_LEFT), ACT_STOP },
	/* Backspace erases a typed answer here; it never leaves the quiz. */
	{ FN(KEY_BACKSPACE), ACT_NONE }, { 127, ACT_NONE }, { 8, ACT_NONE },
	KEYMAP_END
};

static const struct question *current(const struct app *a)
{
	const struct quiz_view *v = &a->quiz;
	return v->cur < v->qz.n ? &v->qz.q[v->cur] : NULL;
}

void app_start_quiz(struct app *a, const struct quiz_opts *o, bool review)
{
	struct quiz_view *v = &a->quiz;
	struct quiz_opts opts = *o;
	quiz_free(&v->qz);
	free(v->wrong);
	memset(&v->qz, 0, sizeof v->qz);
	v->wrong = NULL;
	v->review = review;
	/* A drill is this run only: later quizzes copy v->opts. */
	v->opts = *o;
	v->opts.drill = NULL;
	if (review)
		opts.drill = NULL;
	v->drill = opts.drill;
	v->cur = 0;
	v->n_right = 0;
	v->n_unsaved = 0;
	v->sel = -1;
	v->typed[0] = 0;
	v->fb_top = 0;
	v->seen = 0;
	v->session = (struct answer_session){ 0 };
	/* Nothing of an exam being sat is asked (its answers would show). */
	examhide_load(&a->hide, a->st, clock_now());
	opts.hidden = examhide_quiz;
	opts.hidden_ctx = &a->hide;
	bool ok;
	if (review && v->only_item[0]) {
		/* One item, asked whatever its schedule says (retry from review). */
		struct leitner one = { .box = 1, .due = clock_now(), .wrong = 1 };
		snprintf(one.item, sizeof one.item, "%s", v->only_item);
		ok = quiz_build_review(a->m, &one, 1, clock_now(), &opts, &v->qz);
	} else if (review) {
		struct leitner *states = NULL;
		size_t n = 0;
		ok = a->st && store_item_states(a->st, &states, &n) &&
		     quiz_build_review(a->m, states, n, clock_now(), &opts, &v->qz);
		free(states);
	} else {
		/* A quiz nobody asked to reproduce avoids what was asked lately. */
		struct leitner *seen = NULL;
		size_t n = 0;
		if (!v->fixed_seed && a->st && store_item_states(a->st, &seen, &n)) {
			opts.seen = seen;
			opts.n_seen = n;
			opts.fresh_after = clock_now() - QUIZ_FRESH_DAYS * 86400;
		}
		ok = quiz_build(a->m, &opts, &v->qz);
		free(seen);
	}
	v->only_item[0] = 0;
	v->phase = ok ? QP_ASK : QP_EMPTY;
	if (ok) {
		v->wrong = calloc(v->qz.n, sizeof *v->wrong);
		/* a drill is a review of one group */
		v->session = (struct answer_session){ review || v->drill ? "review" : "quiz",
		                                      opts.seed, a->m->version, 0, false };
		/* When this fails, the first answer tries again. */
		if (a->st && !answer_session_begin(a->st, &v->session))
			app_status(a, true, "%s", a->st->err);
	}
	v->started_ms = v->asked_ms = clock_ms();
	a->flush_input = true;
	if (app_top(a) != SCR_QUIZ)
		app_push(a, SCR_QUIZ);
}

/* Record the answer (before feedback), then show feedback. */
static void finish(struct app *a);
static void verdict_into_view(struct app *a);

/* Say on the status line that the answer is not kept, and how to retry. */
static void not_saved(struct app *a)
{
	app_status(a, true, tr(MSG_QUIZ_NOT_SAVED), a->st ? a->st->err : a->db_err);
	if (a->st && a->st->why)
		app_status_alt(a, tr(MSG_QUIZ_NOT_SAVED), a->st->why);
	/* Retrying helps unless the file is gone for good. */
	if (!a->st || !store_gone(a->st))
		app_status_keys(a, MSG_QUIZ_RETRY_KEYS);
}

static void answer(struct app *a, int given)
{
	struct quiz_view *v = &a->quiz;
	const struct question *q = current(a);
	struct answer_buf b;
	answer_fill(&v->pending, &b, q, given, 0, clock_ms() - v->asked_ms,
	            clock_now(), a->m->version);
	snprintf(v->pend_item, sizeof v->pend_item, "%s", b.item);
	snprintf(v->pend_shown, sizeof v->pend_shown, "%s", b.shown);
	snprintf(v->pend_given, sizeof v->pend_given, "%s", b.given);
	snprintf(v->pend_expected, sizeof v->pend_expected, "%s", b.expected);
	v->pending.item = v->pend_item;
	v->pending.shown = v->pend_shown;
	v->pending.given = v->pend_given;
	v->pending.expected = v->pend_expected;
	v->given = given;
	v->right = v->pending.correct;
	int was_waiting = a->st ? store_waiting(a->st) : 0;
	v->saved = a->st && answer_save(a->st, &v->session, &v->pending);
	if (!v->saved) {
		v->n_unsaved++;
		a->unsaved++;
		not_saved(a);
	} else if (was_waiting && !store_waiting(a->st))
		app_status(a, false, "%s", tr(MSG_QUEUE_SENT));
	else if (store_waiting(a->st)) { /* kept here until the class server is back */
		char n[120];
		app_status(a, false, "%s", i18n_count(MSG_QUEUE_WAITING_ONE, MSG_QUEUE_WAITING,
		                                      store_waiting(a->st), n, sizeof n));
	}
	v->n_right += v->right;
	v->wrong[v->cur] = !v->right;
	v->phase = QP_FEEDBACK;
	verdict_into_view(a);
}

static void retry_save(struct app *a)
{
	struct quiz_view *v = &a->quiz;
	if (v->saved || v->phase != QP_FEEDBACK)
		return;
	v->saved = a->st && answer_save(a->st, &v->session, &v->pending);
	if (v->saved) {
		v->n_unsaved--;
		a->unsaved--;
		app_status(a, false, "%s", tr(MSG_QUIZ_SAVED_RETRY));
	}
	else
		not_saved(a);
}

static void finish(struct app *a)
{
	struct quiz_view *v = &a->quiz;
	v->phase = QP_SUMMARY;
	v->elapsed_ms = clock_ms() - v->started_ms;
	v->fb_top = 0;
	if (a->st && v->session.id)
		store_session_end(a->st, v->session.id);
}

static void next(struct app *a)
{
	struct quiz_view *v = &a->quiz;
	if (++v->cur >= v->qz.n) {
		finish(a);
		return;
	}
	v->phase = QP_ASK;
	v->sel = -1;            /* nothing chosen until the learner chooses */
	v->typed[0] = 0;
	v->fb_top = 0;          /* a question starts at its top, whatever the feedback's scroll */
	v->seen = 0;
	v->asked_ms = clock_ms();
	a->flush_input = true;  /* keys typed before it showed are not answers */
}

/* The learner confirmed stopping: the summary of what was answered, or
 * straight back when nothing was. */
static void stop_yes(struct app *a)
{
	struct quiz_view *v = &a->quiz;
	if (v->phase == QP_FEEDBACK)
		v->cur++;
	finish(a);
	if (v->cur == 0)
		app_pop(a);
}

static void quit_yes(struct app *a)
{
	stop_yes(a);
	a->quit = true;
}

/* q, Esc or Q while questions are left: say how many, and stop only on y. */
static void ask_stop(struct app *a, enum action act)
{
	struct quiz_view *v = &a->quiz;
	size_t left = v->qz.n - v->cur - (v->phase == QP_FEEDBACK);
	if (left == 0) {
		if (act == ACT_QUIT)
			quit_yes(a);
		else
			stop_yes(a);
		return;
	}
	app_confirm(a, act == ACT_QUIT ? quit_yes : stop_yes, tr(MSG_QUIZ_STOP_CONFIRM),
	            (int)left, (int)v->qz.n);
}

/* ---- layout: everything the screen shows is built as lines ---------------- */

void quizview_question_head(const struct app *a, const struct question *q, struct lines *ls)
{
	char buf[512];
	if (q->type == Q_MEANING) {
		snprintf(buf, sizeof buf, "%d", q->code->code);
		lines_add(ls, buf, E_H1, 2);
		lines_add(ls, "", E_NORMAL, 0);
		lines_add(ls, tr(MSG_QUIZ_MEANING_PROMPT), E_HEAD, 0);
	} else {
		lines_wrap(ls, ltext_get(&q->sc->situation, a->lang), E_NORMAL, 2);
		lines_add(ls, "", E_NORMAL, 0);
		answer_prompt(q, buf, sizeof buf);
		lines_wrap(ls, buf, E_HEAD, 0);
	}
	lines_add(ls, "", E_NORMAL, 0);
}

static void build_question(const struct app *a, struct lines *ls, struct qview_map *m)
{
	const struct quiz_view *v = &a->quiz;
	const struct question *q = current(a);
	char buf[512];
	quizview_question_head(a, q, ls);
	m->n = q->type == Q_TYPE ? 0 : q->n_choices;
	m->at[0] = (int)ls->n;
	if (q->type == Q_TYPE) {
		bool done = v->phase != QP_ASK;
		snprintf(buf, sizeof buf, "> %s%s", done ? v->pend_given : v->typed, done ? "" : "_");
		lines_add(ls, buf, done ? (v->right ? E_RIGHT : E_WRONG) : E_KEY, 4);
		m->end = (int)ls->n;
		return;
	}
	for (int i = 0; i < q->n_choices; i++) {
		char label[300];
		answer_choice_label(a->m, q, i, a->lang, label, sizeof label);
		const char *mark = "  ";
		enum ui_elem e = E_NORMAL;
		if (v->phase == QP_FEEDBACK) {
			bool chosen = q->type == Q_HEADER ? v->given == i : v->given == q->choice_code[i];
			if (i == q->right)
				mark = "✓ ", e = E_RIGHT;
			else if (chosen)
				mark = "✗ ", e = E_WRONG;
			else
				e = E_DIM;
		}
		char prefix[32];
		snprintf(prefix, sizeof prefix, "%s%d) %c  ", mark, i + 1, 'a' + i);
		lines_wrap_hang(ls, prefix, label, e, 2);
		m->at[i + 1] = (int)ls->n;
	}
	m->end = (int)ls->n;
}

/* The contrast group the answer just given mixed up, or NULL (right, a
 * header question, no group).  Exams have their own screen: no lessons there. */
static const struct contrast *mixed_up(const struct app *a)
{
	const struct quiz_view *v = &a->quiz;
	const struct question *q = current(a);
	if (v->phase != QP_FEEDBACK || v->right || q->type == Q_HEADER || !q->code)
		return NULL;
	return contrast_for_pair(a->m, q->code->code, v->given);
}

static void build_feedback(const struct app *a, struct lines *ls)
{
	const struct quiz_view *v = &a->quiz;
	const struct question *q = current(a);
	struct explanation ex;
	char buf[512], label[200];
	answer_explain(q, v->given, a->lang, &ex);
	answer_explain_meaning(a->m, q, v->given, a->lang, &ex);
	answer_right_label(q, label, sizeof label);
	lines_add(ls, "", E_NORMAL, 0);
	if (v->right && ex.also) {
		snprintf(buf, sizeof buf, tr(MSG_QUIZ_CORRECT_ALSO), ex.also_code, label);
		lines_wrap(ls, buf, E_RIGHT, 0);
	} else if (v->right) {
		lines_add(ls, tr(MSG_QUIZ_CORRECT), E_RIGHT, 0);
	} else {
		snprintf(buf, sizeof buf, tr(MSG_QUIZ_WRONG_IS), label);
		lines_wrap(ls, buf, E_WRONG, 0);
	}
	if (*ex.why) {
		snprintf(buf, sizeof buf, "%s", tr(MSG_QUIZ_WHY));
		lines_add(ls, buf, E_HEAD, 0);
		lines_wrap(ls, ex.why, E_NORMAL, 2);
	}
	if (ex.also) {
		snprintf(buf, sizeof buf, tr(MSG_QUIZ_WHY_ALSO), ex.also_code);
		lines_add(ls, buf, E_HEAD, 0);
		lines_wrap(ls, ex.also, E_NORMAL, 2);
	}
	if (ex.header_why && *ex.header_why) {
		snprintf(buf, sizeof buf, tr(MSG_QUIZ_WHY_HEADER), label);
		lines_add(ls, buf, E_HEAD, 0);
		lines_wrap(ls, ex.header_why, E_NORMAL, 2);
	}
	if (ex.whynot) {
		snprintf(buf, sizeof buf, tr(MSG_QUIZ_WHYNOT), ex.whynot_code);
		lines_add(ls, buf, E_HEAD, 0);
		lines_wrap(ls, ex.whynot, E_NORMAL, 2);
	}
	const struct contrast *g = mixed_up(a);
	if (g) {
		char pair[64];
		contrast_label(g, pair, sizeof pair);
		snprintf(buf, sizeof buf, tr(MSG_CONTRAST_FEEDBACK), pair, ltext_get(&g->title, a->lang));
		lines_add(ls, "", E_NORMAL, 0);
		lines_wrap(ls, buf, E_STRONG, 0);
	}
	if (!v->saved) {
		snprintf(buf, sizeof buf, tr(MSG_QUIZ_NOT_SAVED),
		         a->st ? a->st->err : a->db_err);
		lines_wrap(ls, buf, E_ERROR, 0);
	}
}

/* Questions answered are those before cur (finish() moves past feedback). */
static size_t summary_answered(const struct quiz_view *v)
{
	return v->cur >= v->qz.n ? v->qz.n : v->cur;
}

static bool summary_all_right(const struct quiz_view *v)
{
	return (size_t)v->n_right == summary_answered(v);
}

static void build_summary(const struct app *a, struct lines *ls)
{
	const struct quiz_view *v = &a->quiz;
	char buf[512], t[32];
	size_t answered = summary_answered(v);
	long secs = (long)(v->elapsed_ms / 1000);
	clock_mmss(secs, t, sizeof t);
	lines_add(ls, tr(MSG_QUIZ_SUMMARY), E_H1, 0);
	lines_add(ls, "", E_NORMAL, 0);
	snprintf(buf, sizeof buf, tr(MSG_QUIZ_SCORE), v->n_right, (int)answered,
	         quiz_percent(v->n_right, (int)answered), t);
	lines_add(ls, buf, E_STRONG, 2);
	if (v->n_unsaved) {
		snprintf(buf, sizeof buf, tr(MSG_PLAIN_UNSAVED), v->n_unsaved);
		lines_add(ls, buf, E_ERROR, 2);
	}
	lines_add(ls, "", E_NORMAL, 0);
	if (summary_all_right(v)) {
		lines_add(ls, tr(MSG_QUIZ_ALL_RIGHT), E_RIGHT, 2);
		return;
	}
	lines_add(ls, tr(MSG_QUIZ_TO_REVIEW), E_HEAD, 0);
	for (size_t i = 0; i < answered; i++) {
		if (!v->wrong[i])
			continue;
		const struct question *q = &v->qz.q[i];
		char label[200];
		answer_right_label(q, label, sizeof label);
		/* A meaning question has no situation: its code and name say it all. */
		if (q->sc)
			snprintf(buf, sizeof buf, "✗ %s — %s", label, ltext_get(&q->sc->situation, a->lang));
		else
			snprintf(buf, sizeof buf, "✗ %s", label);
		struct line *l = lines_add(ls, "", E_NORMAL, 2);
		if (l) {
			/* One line each: clipped at draw time. */
			free(l->text);
			l->text = strdup(buf);
		}
	}
}

static void build(const struct app *a, struct lines *ls, struct qview_map *m)
{
	*m = (struct qview_map){ 0 };
	switch (a->quiz.phase) {
	case QP_EMPTY:
		lines_add(ls, tr(MSG_QUIZ_EMPTY), E_DIM, 2);
		break;
	case QP_SUMMARY:
		build_summary(a, ls);
		break;
	case QP_ASK:
		build_question(a, ls, m);
		break;
	case QP_FEEDBACK:
		build_question(a, ls, m);
		build_feedback(a, ls);
		break;
	}
}

/* Rows the body scrolls in (one below the title is left blank). */
#define QUIZ_ROWS(a) (BODY_ROWS(a) - 1)

/* Lay the screen out as it is drawn: its number of lines, and where the
 * choices are. */
static int layout(const struct app *a, struct qview_map *m)
{
	struct lines ls = { NULL, 0, 0, a->cols - 4 };
	build(a, &ls, m);
	int n = (int)ls.n;
	lines_free(&ls);
	return n;
}

/* Scroll so the verdict and the start of its explanation are on screen
 * (on a short terminal they would sit below the fold, marked only by ↓). */
static void verdict_into_view(struct app *a)
{
	struct quiz_view *v = &a->quiz;
	struct lines ls = { NULL, 0, 0, a->cols - 4 };
	struct qview_map m;
	int rows = QUIZ_ROWS(a);
	a->quiz.fb_top = 0;
	if (v->phase != QP_FEEDBACK || !current(a))
		return;
	build_question(a, &ls, &m);
	int verdict = (int)ls.n + 1;       /* build_feedback starts with a blank line */
	lines_free(&ls);
	build(a, &ls, &m);
	int want = verdict + 3 < (int)ls.n ? verdict + 3 : (int)ls.n - 1;
	if (want >= rows)
		v->fb_top = want - rows + 1;
	if (v->fb_top > lines_max_top(&ls, rows))
		v->fb_top = lines_max_top(&ls, rows);
	lines_free(&ls);
}

void quizview_relayout(struct app *a)
{
	struct quiz_view *v = &a->quiz;
	if (v->phase == QP_ASK && current(a)) {
		/* At any size the highlighted choice (or the box) stays in view. */
		struct qview_map m;
		struct qview_pos p = { v->sel, v->fb_top, v->seen };
		int n = layout(a, &m);
		qview_follow(&p, &m, n, QUIZ_ROWS(a));
		v->fb_top = p.top;
		return;
	}
	verdict_into_view(a);
}

void quizview_draw(const struct app *a)
{
	const struct quiz_view *v = &a->quiz;
	struct lines ls = { NULL, 0, 0, a->cols - 4 };
	struct qview_map m;
	char title[96], hint[160];
	build(a, &ls, &m);
	snprintf(title, sizeof title, "%s", tr(v->drill ? MSG_DRILL_TITLE :
	                                      v->review ? MSG_QUIZ_REVIEW_TITLE : MSG_QUIZ_TITLE));
	if (v->drill) {
		char label[64];
		contrast_label(v->drill, label, sizeof label);
		snprintf(title + strlen(title), sizeof title - strlen(title), " %s", label);
	}
	if (v->phase == QP_ASK || v->phase == QP_FEEDBACK)
		snprintf(title + strlen(title), sizeof title - strlen(title), "  %zu/%zu  ✓%d",
		         v->cur + 1, v->qz.n, v->n_right);
	const char *h = v->phase == QP_FEEDBACK ? tr(mixed_up(a) ? MSG_QUIZ_NEXT_HINT_MIX : MSG_QUIZ_NEXT_HINT) :
	                /* nothing of this quiz to review: v reviews what is due */
	                v->phase == QP_SUMMARY ? tr(summary_all_right(v) ? MSG_QUIZ_SUMMARY_HINT_RIGHT
	                                                                : MSG_QUIZ_SUMMARY_HINT) :
	                v->phase == QP_EMPTY ? tr(MSG_QUIZ_EMPTY_HINT) :
	                v->phase == QP_ASK && current(a)->type == Q_TYPE ? tr(MSG_QUIZ_TYPE_HINT) :
	                tr(MSG_QUIZ_CHOICE_HINT);
	snprintf(hint, sizeof hint, "%s", h);
	draw_frame(a, title, hint);
	/* While asking, the first line of the highlighted choice is selected. */
	long sel = v->phase == QP_ASK && v->sel >= 0 && v->sel < m.n ? m.at[v->sel] : -1;
	lines_draw(&ls, BODY_TOP + 1, QUIZ_ROWS(a), v->fb_top, 2, a->cols - 3, sel);
	if (lines_max_top(&ls, QUIZ_ROWS(a)) > v->fb_top)
		ui_put(a->rows - 2, a->cols - 1, "↓", 1, E_DIM);
	lines_free(&ls);
}

/* Scroll the feedback or summary as a pager does: a line, a page (keeping
 * one line), or to either end; never past them, so PgDn at the end does nothing. */
static bool feedback_scroll(struct app *a, enum action act)
{
	struct qview_map m;
	int rows = QUIZ_ROWS(a), page = rows > 2 ? rows - 1 : 1;
	int max = layout(a, &m) - rows, *top = &a->quiz.fb_top;
	switch (act) {
	case ACT_UP: (*top)--; break;
	case ACT_DOWN: (*top)++; break;
	case ACT_PGUP: *top -= page; break;
	case ACT_PGDN: *top += page; break;
	case ACT_TOP: *top = 0; break;
	case ACT_BOTTOM: *top = max; break;
	default: return false;
	}
	*top = *top > max ? max : *top;
	*top = *top < 0 ? 0 : *top;
	return true;
}

static int choice_given(const struct question *q, int i)
{
	return q->type == Q_HEADER ? i : q->choice_code[i];
}

static bool is_erase(int key)
{
	return key == FN(KEY_BACKSPACE) || key == 127 || key == 8;
}

/* Keep the box typed into in view. */
static void box_into_view(struct app *a)
{
	struct qview_map m;
	struct qview_pos p = { -1, a->quiz.fb_top, a->quiz.seen };
	int n = layout(a, &m);
	qview_follow(&p, &m, n, QUIZ_ROWS(a));
	a->quiz.fb_top = p.top;
}

static bool ask_key(struct app *a, enum action act, int key)
{
	struct quiz_view *v = &a->quiz;
	const struct question *q = current(a);
	if (q->type == Q_TYPE) {
		size_t n = strlen(v->typed);
		if (key >= '0' && key <= '9') {
			if (n < 3) {
				v->typed[n] = (char)key;
				v->typed[n + 1] = 0;
			}
			box_into_view(a);
			return true;
		}
		if (is_erase(key)) {
			if (n)
				v->typed[n - 1] = 0;
			box_into_view(a);
			return true;
		}
		if (key == '\n' || key == FN(KEY_ENTER)) {
			int given;
			if (quiz_parse(q, v->typed, &given))
				answer(a, given);
			else
				app_status(a, true, "%s", tr(MSG_QUIZ_BAD_TYPED));
			return true;
		}
		if (act == ACT_CHOICE_1 || act == ACT_CHOICE_2 || act == ACT_CHOICE_3 ||
		    act == ACT_CHOICE_4 || act == ACT_CONTINUE || act == ACT_READ_MORE)
			return true;
	}
	/* Moving, scrolling and answering what is (or has been) on screen. */
	struct qview_map m;
	struct qview_pos p = { v->sel, v->fb_top, v->seen };
	int n = layout(a, &m), i = -1;
	enum qview_did did = qview_key(&p, &m, n, QUIZ_ROWS(a), act, &i);
	v->sel = p.sel;
	v->fb_top = p.top;
	v->seen = p.seen;
	if (did == QV_SHOWN)
		app_status(a, false, tr(MSG_QUIZ_SEE_CHOICES), p.sel + 1);
	else if (did == QV_ANSWER)
		answer(a, choice_given(q, i));
	return did != QV_NO;
}

bool quizview_key(struct app *a, enum action act, int key)
{
	struct quiz_view *v = &a->quiz;
	if (act == ACT_ANSWER_NEXT)
		act = ACT_OPEN;
	if (act == ACT_STOP) {
		act = ACT_BACK;
		if (v->phase == QP_SUMMARY || v->phase == QP_EMPTY) {
			app_pop(a);
			return true;
		}
	}
	switch (v->phase) {
	case QP_ASK:
		if (act == ACT_BACK || act == ACT_QUIT) {
			/* Stopping early asks first, then shows what was answered. */
			ask_stop(a, act);
			return true;
		}
		return ask_key(a, act == ACT_CONTRAST ? ACT_CHOICE_3 : act, key);
	case QP_FEEDBACK:
		switch (act) {
		case ACT_CONTRAST: {
			const struct contrast *g = mixed_up(a);
			if (g)
				app_open_contrast(a, g, true);
			return true;
		}
		/* Only what the hint names goes on; the paging keys page. */
		case ACT_CONTINUE: case ACT_OPEN: next(a); return true;
		case ACT_RETRY_SAVE: retry_save(a); return true;
		case ACT_READ_MORE: {
			struct explanation ex;
			answer_explain(current(a), v->given, a->lang, &ex);
			if (!ex.ref || !app_open_ref(a, ex.ref))
				app_status(a, true, "%s", tr(MSG_SEARCH_NOTFOUND));
			return true;
		}
		case ACT_BACK: case ACT_QUIT:
			ask_stop(a, act);
			return true;
		default: return feedback_scroll(a, act) || act == ACT_CHOICE_1 ||
		                act == ACT_CHOICE_2 || act == ACT_CHOICE_3 || act == ACT_CHOICE_4;
		}
	case QP_SUMMARY:
		if (act == ACT_START_REVIEW) {
			struct quiz_opts o = v->opts;   /* never a drill: see app_start_quiz */
			o.count = 10;
			app_start_quiz(a, &o, true);
			return true;
		}
		if (act == ACT_OPEN || act == ACT_CONTINUE) {
			app_pop(a);
			return true;
		}
		return feedback_scroll(a, act);
	case QP_EMPTY:
		if (act == ACT_OPEN || act == ACT_CONTINUE) {
			app_pop(a);
			return true;
		}
		return false;
	}
	return false;
}
