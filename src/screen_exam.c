/* screen_exam.c — an exam in the full screen: a start page, questions the
 * learner may answer, change and move between without any verdict, a clock
 * from the stored deadline, leave and finish confirmations, and the end page
 * with as much feedback as the exam allows.  The store decides everything. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "lines.h"
#include "out.h"
#include "paper.h"
#include "qview.h"
#include "report.h"
#include "screens.h"
#include "table.h"
#include "text.h"
#include "ui.h"

const struct keybind examview_keys[] = {
	{ '1', ACT_CHOICE_1 }, { '2', ACT_CHOICE_2 }, { '3', ACT_CHOICE_3 },
	{ '4', ACT_CHOICE_4 }, { 'a', ACT_CHOICE_1 }, { 'b', ACT_CHOICE_2 },
	{ 'c', ACT_CHOICE_3 }, { 'd', ACT_CHOICE_4 },
	{ 'n', ACT_CONTINUE }, { ' ', ACT_CONTINUE }, { FN(KEY_RIGHT), ACT_CONTINUE },
	{ 'p', ACT_PREV_Q }, { FN(KEY_LEFT), ACT_PREV_Q },
	{ 'g', ACT_GOTO_Q }, { 'f', ACT_FINISH }, { 's', ACT_NEW_ATTEMPT },
	{ 'G', ACT_NONE },
	/* Backspace erases a typed answer; it never leaves the exam. */
	{ FN(KEY_BACKSPACE), ACT_NONE }, { 127, ACT_NONE }, { 8, ACT_NONE },
	KEYMAP_END
};

static const struct question *current(const struct app *a)
{
	return examrun_question(&a->exam.run, a->exam.cur);
}

/* Highlight the answer standing for the current question, if any. */
static void select_standing(struct app *a)
{
	struct exam_view *v = &a->exam;
	const struct question *q = current(a);
	int given;
	v->sel = -1;                    /* nothing highlighted until chosen */
	if (q && examrun_given(&v->run, v->cur, &given))
		for (int k = 0; k < q->n_choices; k++)
			if (q->type == Q_HEADER ? given == k : given == q->choice_code[k])
				v->sel = k;
}

/* Read the attempt's answers again from the store: the same attempt may
 * have been answered elsewhere (a second terminal after a dropped SSH
 * session, plain mode, the class server from another PC).  Says which
 * questions were; returns whether shown question cur (0-based) was one of
 * them.  When the store cannot say, the screen keeps what it had. */
static bool reread(struct app *a, size_t cur)
{
	struct exam_view *v = &a->exam;
	int list[64];
	char say[320];
	int k = examrun_refresh(&v->run, list, 64);
	if (k <= 0)
		return false;
	examrun_elsewhere_say(list, (size_t)k, 24, say, sizeof say);
	app_status(a, false, "%s", say);
	for (int i = 0; i < k && i < 64; i++)
		if ((size_t)list[i] == cur + 1)
			return true;
	return false;
}

/* Show question i: nothing highlighted yet but the answer standing, if any. */
static void go(struct app *a, size_t i)
{
	struct exam_view *v = &a->exam;
	size_t n = examrun_count(&v->run);
	if (!n)
		return;
	reread(a, i);
	v->cur = i < n ? i : n - 1;
	v->typed[0] = '\0';
	v->top = 0;
	v->seen = 0;
	a->flush_input = true;          /* keys typed before it showed are not answers */
	select_standing(a);
	v->asked_ms = clock_ms();
}

/* The first question without an answer, else the first. */
static size_t first_open(const struct app *a)
{
	int list[1];
	return examrun_unanswered(&a->exam.run, list, 1) ? (size_t)list[0] - 1 : 0;
}

static void to_end(struct app *a)
{
	a->exam.phase = EV_END;
	a->exam.top = 0;
}

/* Start (or resume) the attempt and show its first open question. */
static void start(struct app *a)
{
	struct exam_view *v = &a->exam;
	enum exam_rc rc = examrun_start(&v->run);
	if (rc == EXAM_TIME_UP || rc == EXAM_CLOSED) {
		app_status(a, true, "%s", tr(rc == EXAM_CLOSED ? MSG_EXAM_CLOSED_TITLE
		                                                : MSG_EXAM_TIME_UP_TITLE));
		to_end(a);
		return;
	}
	if (rc != EXAM_OK) {
		app_status(a, true, "%s", v->run.err);
		return;
	}
	v->phase = EV_ASK;
	go(a, first_open(a));
	if (v->resumed)
		app_status(a, false, tr(MSG_EXAM_RESUMED), v->run.att.number, v->run.att.answered,
		           (int)examrun_count(&v->run));
}

bool examview_open(struct app *a, const char *name, const struct quiz_opts *o, int minutes,
                   char *err, size_t errsz)
{
	struct exam_view *v = &a->exam;
	enum exam_rc rc;

	memset(v, 0, sizeof *v);
	if (!a->st) {
		snprintf(err, errsz, "%s", a->db_err);
		return false;
	}
	rc = name ? examrun_open(&v->run, a->st, a->m, name)
	          : examrun_open_practice(&v->run, a->st, a->m, o, minutes);
	if (rc != EXAM_OK || !examrun_can_show(&v->run)) {
		snprintf(err, errsz, "%s", v->run.err);
		examrun_free(&v->run);
		return false;
	}
	v->open = true;
	if (name)
		snprintf(v->come_back, sizeof v->come_back, "httptutor exam %s", name);
	else
		paper_cmd("exam", o, minutes, v->come_back, sizeof v->come_back);
	switch (examrun_phase(&v->run)) {
	case ER_OPEN:
		/* A second start resumes at once: the clock never stopped. */
		v->resumed = true;
		start(a);
		break;
	case ER_ENDED:
		to_end(a);
		break;
	case ER_NEW:
		v->phase = EV_INTRO;
		break;
	}
	return true;
}

void examview_farewell(const struct app *a, bool utf8)
{
	const struct exam_view *v = &a->exam;
	char buf[512];
	if (!v->open || v->phase != EV_ASK || examrun_phase(&v->run) != ER_OPEN)
		return;
	bool back = examrun_leave_msg(&v->run, buf, sizeof buf);
	report_wrap(stdout, buf, report_width(), 0, utf8);
	if (!back)
		return;
	/* The command whole on its own line: it is copied into the shell. */
	fputs("  ", stdout);
	out_puts(stdout, v->come_back, utf8);
	putchar('\n');
}

void examview_close(struct app *a)
{
	if (a->exam.open)
		examrun_free(&a->exam.run);
	a->exam.open = false;
}

/* ---- answering ------------------------------------------------------------ */

/* Send an answer; false when it was not saved (the typed code then stays
 * in its box, so Enter sends it again). */
/* Say that an answer or the finish was not saved; on a narrow line, what
 * matters first: not saved, why, and (the class server's) tell the teacher. */
static void not_saved(struct app *a)
{
	const struct store *st = a->exam.run.st;
	app_status(a, true, tr(MSG_EXAM_NOT_SAVED), a->exam.run.err);
	if (st && st->why)
		app_status_alt(a, tr(st->db ? MSG_EXAM_NOT_SAVED_SHORT : MSG_EXAM_SERVER_NOT_SAVED),
		               st->why);
}

static bool record(struct app *a, int given)
{
	struct exam_view *v = &a->exam;
	/* Answered elsewhere since it was shown: show that answer and change
	 * nothing; the same key again replaces it. */
	if (reread(a, v->cur)) {
		select_standing(a);
		app_status(a, true, tr(MSG_EXAM_ELSEWHERE_HERE), (int)v->cur + 1);
		return false;
	}
	enum exam_rc rc = examrun_answer(&v->run, v->cur, given, clock_ms() - v->asked_ms);
	if (rc == EXAM_OK) {
		app_status(a, false, tr(MSG_EXAM_SAVED_N), (int)v->cur + 1);
		return true;
	}
	if (rc == EXAM_TIME_UP || rc == EXAM_CLOSED || rc == EXAM_ENDED) {
		app_status(a, true, "%s", examrun_late_why(&v->run, rc));
		to_end(a);
		return true;
	}
	/* Not saved: say so; the learner can answer again. */
	not_saved(a);
	return false;
}

static int choice_given(const struct question *q, int i)
{
	return q->type == Q_HEADER ? i : q->choice_code[i];
}

static void leave_yes(struct app *a)
{
	a->quit = true;                 /* saved as we went; the attempt stays open */
}

static void finish_yes(struct app *a)
{
	struct exam_view *v = &a->exam;
	if (examrun_finish(&v->run) == EXAM_ERR) {
		not_saved(a);
		return;
	}
	to_end(a);
}

/* Leaving asks first and says until when the learner can come back. */
static void ask_leave(struct app *a)
{
	char at[32];
	if (a->exam.run.att.ends_at) {
		examrun_clock_str(a->exam.run.att.ends_at, at, sizeof at);
		app_confirm(a, leave_yes, tr(MSG_EXAM_LEAVE_ASK), at);
	} else {
		app_confirm(a, leave_yes, "%s", tr(MSG_EXAM_LEAVE_ASK_OPEN));
	}
}

/* Finishing asks first and names the questions still unanswered. */
static void ask_finish(struct app *a)
{
	struct exam_view *v = &a->exam;
	char part[480], left[240];
	int list[64];
	size_t n = examrun_count(&v->run);
	/* Answers given elsewhere count: the list is the store's, not the screen's. */
	int k = examrun_refresh(&v->run, list, 64);
	part[0] = '\0';
	if (k > 0) {
		examrun_elsewhere_say(list, (size_t)k, 24, part, sizeof part);
		if (i18n_lang() != LANG_ZH)     /* after "。" no space */
			strncat(part, " ", sizeof part - strlen(part) - 1);
		select_standing(a);
	}
	if (!examrun_unanswered_say(&v->run, 24, left, sizeof left))
		snprintf(left, sizeof left, trn(MSG_EXAM_ALL_ANSWERED_ONE, MSG_EXAM_ALL_ANSWERED, (long)n),
		         (int)n);
	strncat(part, left, sizeof part - strlen(part) - 1);
	app_confirm(a, finish_yes, tr(MSG_EXAM_FINISH_ASK), part);
}

static void build_question(const struct app *a, struct lines *ls, struct qview_map *m);

/* Rows a question scrolls in: the question strip takes two. */
#define ASK_ROWS(a) (BODY_ROWS(a) - 3)

/* Move, scroll or answer on the question as it is drawn (qview.h). */
static bool question_key(struct app *a, enum action act)
{
	struct exam_view *v = &a->exam;
	const struct question *q = current(a);
	struct lines ls = { NULL, 0, 0, a->cols - 4 };
	struct qview_map m;
	if (!q)
		return false;
	build_question(a, &ls, &m);
	struct qview_pos p = { v->sel, v->top, v->seen };
	int i = -1;
	enum qview_did did = qview_key(&p, &m, (int)ls.n, ASK_ROWS(a), act, &i);
	lines_free(&ls);
	v->sel = p.sel;
	v->top = p.top;
	v->seen = p.seen;
	if (did == QV_SHOWN)
		app_status(a, false, tr(MSG_QUIZ_SEE_CHOICES), p.sel + 1);
	else if (did == QV_ANSWER)
		record(a, choice_given(q, i));
	return did != QV_NO;
}

static bool ask_key(struct app *a, enum action act, int key)
{
	struct exam_view *v = &a->exam;
	const struct question *q = current(a);
	size_t n = examrun_count(&v->run);

	if (q && q->type == Q_TYPE) {
		size_t len = strlen(v->typed);
		if (key >= '0' && key <= '9') {
			if (len < 3) {
				v->typed[len] = (char)key;
				v->typed[len + 1] = '\0';
			}
			return true;
		}
		if (key == FN(KEY_BACKSPACE) || key == 127 || key == 8) {
			if (len)
				v->typed[len - 1] = '\0';
			return true;
		}
		if (key == '\n' || key == FN(KEY_ENTER)) {
			int given;
			if (!len)
				return true;
			if (quiz_parse(q, v->typed, &given)) {
				if (record(a, given))
					v->typed[0] = '\0';
			} else {
				app_status(a, true, "%s", tr(MSG_QUIZ_BAD_TYPED));
			}
			return true;
		}
		if (act >= ACT_CHOICE_1 && act <= ACT_CHOICE_4)
			return true;            /* letters mean nothing here */
	}
	switch (act) {
	case ACT_CHOICE_1: case ACT_CHOICE_2: case ACT_CHOICE_3: case ACT_CHOICE_4:
	case ACT_UP: case ACT_DOWN: case ACT_PGUP: case ACT_PGDN: case ACT_OPEN:
		question_key(a, act);
		return true;
	case ACT_CONTINUE:
		if (v->cur + 1 < n)
			go(a, v->cur + 1);
		else
			app_status(a, false, "%s", tr(MSG_EXAM_LAST_Q));
		return true;
	case ACT_PREV_Q:
		if (v->cur > 0)
			go(a, v->cur - 1);
		return true;
	case ACT_TOP: go(a, 0); return true;
	case ACT_BOTTOM: go(a, n - 1); return true;
	case ACT_GOTO_Q: app_prompt(a, MSG_EXAM_GOTO_PROMPT, ""); return true;
	case ACT_FINISH: ask_finish(a); return true;
	case ACT_BACK: case ACT_QUIT: ask_leave(a); return true;
	default: return false;
	}
}

void examview_input(struct app *a, const char *text)
{
	char *end;
	long k = strtol(text, &end, 10);
	size_t n = examrun_count(&a->exam.run);
	if (a->exam.phase != EV_ASK)
		return;
	if (!*text || *end || k < 1 || (size_t)k > n) {
		app_status(a, true, tr(MSG_EXAM_GOTO_BAD), (int)n);
		return;
	}
	go(a, (size_t)k - 1);
}

bool examview_key(struct app *a, enum action act, int key)
{
	struct exam_view *v = &a->exam;
	switch (v->phase) {
	case EV_INTRO:
		if (act == ACT_OPEN || act == ACT_CONTINUE) {
			start(a);
			return true;
		}
		return false;               /* q/Esc leave: nothing has started */
	case EV_ASK:
		return ask_key(a, act, key);
	case EV_END:
		switch (act) {
		case ACT_UP: if (v->top > 0) v->top--; return true;
		case ACT_DOWN: v->top++; return true;
		case ACT_PGDN: case ACT_CONTINUE: v->top += BODY_ROWS(a) - 2; return true;
		case ACT_PGUP: v->top = v->top > BODY_ROWS(a) - 2 ? v->top - (BODY_ROWS(a) - 2) : 0;
			return true;
		case ACT_TOP: v->top = 0; return true;
		case ACT_NEW_ATTEMPT:
			if (v->run.att.attempts_left) {
				v->resumed = false;
				start(a);
			}
			return true;
		case ACT_OPEN: a->quit = true; return true;
		default: return false;
		}
	}
	return false;
}

int examview_tick_ms(const struct app *a)
{
	const struct exam_view *v = &a->exam;
	return v->phase == EV_ASK && examrun_left(&v->run) >= 0 ? 1000 : 0;
}

void examview_tick(struct app *a)
{
	struct exam_view *v = &a->exam;
	if (examrun_time_check(&v->run) == EXAM_TIME_UP) {
		a->confirm_on = false;      /* "leave?" or "finish?" is moot now */
		app_status(a, true, "%s", tr(MSG_EXAM_TIME_UP_TITLE));
		to_end(a);
	}
}

/* ---- drawing ------------------------------------------------------------- */

static void build_question(const struct app *a, struct lines *ls, struct qview_map *m)
{
	const struct exam_view *v = &a->exam;
	const struct question *q = current(a);
	char buf[512];
	int given = 0;
	bool answered = examrun_given(&v->run, v->cur, &given);

	quizview_question_head(a, q, ls);
	m->n = q->n_choices;
	m->at[0] = (int)ls->n;
	if (q->type == Q_TYPE) {
		snprintf(buf, sizeof buf, "> %s_", v->typed);
		lines_add(ls, buf, E_KEY, 4);
	}
	for (int i = 0; i < q->n_choices; i++) {
		char label[300], prefix[32];
		bool chosen = answered && (q->type == Q_HEADER ? given == i : given == q->choice_code[i]);
		answer_choice_label(a->m, q, i, a->lang, label, sizeof label);
		/* A radio mark says which answer stands; nothing says right or wrong. */
		snprintf(prefix, sizeof prefix, "%s %d) %c  ", chosen ? "(•)" : "( )", i + 1, 'a' + i);
		lines_wrap_hang(ls, prefix, label, chosen ? E_STRONG : E_NORMAL, 2);
		m->at[i + 1] = (int)ls->n;
	}
	m->end = (int)ls->n;
	lines_add(ls, "", E_NORMAL, 0);
	if (answered) {
		char lab[320];
		answer_given_label(a->m, q, given, a->lang, lab, sizeof lab);
		snprintf(buf, sizeof buf, tr(MSG_EXAM_YOUR_ANSWER_SAVED), lab);
		lines_wrap(ls, buf, E_DIM, 2);
	} else {
		lines_add(ls, tr(MSG_EXAM_NOT_ANSWERED_YET), E_DIM, 2);
	}
}

static void build_intro(const struct app *a, struct lines *ls)
{
	const struct exam_view *v = &a->exam;
	const struct exam_info *e = &v->run.paper.info;
	char buf[512], at[32];

	snprintf(buf, sizeof buf, "%s %s", tr(MSG_EXAM_TITLE), e->name);
	lines_add(ls, buf, E_H1, 2);
	lines_add(ls, "", E_NORMAL, 0);
	snprintf(buf, sizeof buf, trn(MSG_EXAM_INTRO_COUNT_ONE, MSG_EXAM_INTRO_COUNT,
	                              (long)v->run.paper.n), (int)v->run.paper.n);
	if (e->minutes)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), tr(MSG_EXAMNEW_MINUTES), e->minutes);
	if (e->closes_at) {
		examrun_clock_str(e->closes_at, at, sizeof at);
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), tr(MSG_EXAMNEW_CLOSES), at);
	}
	lines_wrap(ls, buf, E_STRONG, 2);
	int next = v->run.att.attempts_used + 1;
	if (e->attempts)
		snprintf(buf, sizeof buf, tr(MSG_EXAM_INTRO_ATTEMPT_OF), next, e->attempts);
	else
		snprintf(buf, sizeof buf, tr(MSG_EXAM_INTRO_ATTEMPT), next);
	lines_wrap(ls, buf, E_NORMAL, 2);
	lines_wrap(ls, tr(e->feedback == EXAM_FEEDBACK_END ? MSG_EXAM_INTRO_FB_END :
	                  e->feedback == EXAM_FEEDBACK_NEVER ? MSG_EXAM_INTRO_FB_NEVER :
	                  MSG_EXAM_INTRO_FB_CLOSED), E_NORMAL, 2);
	lines_add(ls, "", E_NORMAL, 0);
	lines_wrap(ls, tr(e->minutes ? MSG_EXAM_INTRO_CLOCK : MSG_EXAM_INTRO_NOCLOCK), E_NORMAL, 2);
	lines_add(ls, "", E_NORMAL, 0);
	lines_wrap(ls, tr(MSG_EXAM_INTRO_START), E_KEY, 2);
}

static void build_end(const struct app *a, struct lines *ls)
{
	const struct exam_view *v = &a->exam;
	const struct exam_attempt *t = &v->run.att;
	const struct exam_info *e = &v->run.paper.info;
	char buf[640], d[32], s1[32], s2[32];
	int n = (int)examrun_count(&v->run);

	lines_add(ls, tr(t->state == ATTEMPT_TIME ? MSG_EXAM_TIME_UP_TITLE :
	                 t->state == ATTEMPT_CLOSED ? MSG_EXAM_CLOSED_TITLE :
	                 MSG_EXAM_FINISHED_TITLE), E_H1, 2);
	lines_add(ls, "", E_NORMAL, 0);
	clock_mmss((long)(t->ended_at - t->started_at), d, sizeof d);
	snprintf(buf, sizeof buf, tr(MSG_QUIZ_SCORE), t->score, n, n ? (100 * t->score + n / 2) / n : 0, d);
	lines_add(ls, buf, E_STRONG, 2);
	examrun_clock_str(t->started_at, s1, sizeof s1);
	examrun_clock_str(t->ended_at, s2, sizeof s2);
	snprintf(buf, sizeof buf, tr(MSG_EXAM_END_TIMES), t->number, s1, s2);
	lines_wrap(ls, buf, E_DIM, 2);
	lines_add(ls, "", E_NORMAL, 0);
	if (!t->released) {
		if (e->feedback == EXAM_FEEDBACK_NEVER) {
			lines_wrap(ls, tr(MSG_EXAM_RESULTS_NEVER), E_NORMAL, 2);
		} else if (e->closes_at) {
			examrun_clock_str(e->closes_at, s1, sizeof s1);
			snprintf(buf, sizeof buf, tr(MSG_EXAM_RESULTS_LATER), s1);
			lines_wrap(ls, buf, E_NORMAL, 2);
			lines_add(ls, v->come_back, E_KEY, 4);
		} else {
			lines_wrap(ls, tr(MSG_EXAM_RESULTS_LATER_OPEN), E_NORMAL, 2);
			lines_add(ls, v->come_back, E_KEY, 4);
		}
	} else {
		for (size_t i = 0; i < examrun_count(&v->run); i++) {
			const struct question *q = examrun_question(&v->run, i);
			char right[320], yours[320];
			int given = -1;
			bool answered = examrun_given(&v->run, i, &given);
			int ok = examrun_right(&v->run, i);
			answer_right_shown(a->m, q, a->lang, right, sizeof right);
			if (ok == 1)
				snprintf(buf, sizeof buf, "✓ %zu. %s", i + 1, right);
			else if (!answered)
				snprintf(buf, sizeof buf, tr(MSG_EXAM_END_UNANSWERED), i + 1, right);
			else {
				answer_given_label(a->m, q, given, a->lang, yours, sizeof yours);
				snprintf(buf, sizeof buf, tr(MSG_EXAM_END_WRONG), i + 1, yours, right);
			}
			lines_wrap(ls, buf, ok == 1 ? E_RIGHT : E_WRONG, 2);
			struct explanation ex;
			answer_explain(q, answered ? given : -1, a->lang, &ex);
			if (q->sc) {
				lines_wrap(ls, ltext_get(&q->sc->situation, a->lang), E_DIM, 6);
			} else if (q->type == Q_MEANING && q->code) {
				/* The question, as the report says it: which code it was about. */
				char stem[200];
				snprintf(stem, sizeof stem, "%d: %s", q->code->code, tr(MSG_QUIZ_MEANING_PROMPT));
				lines_wrap(ls, stem, E_DIM, 6);
			}
			if (*ex.why)
				lines_wrap(ls, ex.why, E_NORMAL, 6);
			if (ex.also) {
				snprintf(buf, sizeof buf, tr(MSG_QUIZ_WHY_ALSO), ex.also_code);
				lines_add(ls, buf, E_HEAD, 6);
				lines_wrap(ls, ex.also, E_NORMAL, 6);
			}
			if (ex.whynot) {
				snprintf(buf, sizeof buf, tr(MSG_QUIZ_WHYNOT), ex.whynot_code);
				lines_add(ls, buf, E_HEAD, 6);
				lines_wrap(ls, ex.whynot, E_NORMAL, 6);
			}
			lines_add(ls, "", E_NORMAL, 0);
		}
	}
	if (t->attempts_left) {
		lines_add(ls, "", E_NORMAL, 0);
		if (e->attempts)
			snprintf(buf, sizeof buf, tr(MSG_EXAM_END_AGAIN_OF), t->number + 1, e->attempts);
		else
			snprintf(buf, sizeof buf, tr(MSG_EXAM_END_AGAIN), t->number + 1);
		lines_wrap(ls, buf, E_KEY, 2);
	}
}

/* One row of the body: a mark per question (● answered, ○ not), the
 * current one in brackets, so it shows without colour too. */
static void draw_strip(const struct app *a, int y)
{
	const struct exam_view *v = &a->exam;
	size_t n = examrun_count(&v->run);
	int room = a->cols - 6, x = 2;
	size_t first = 0;
	if ((int)n > room)
		first = v->cur > (size_t)room / 2 ? v->cur - (size_t)room / 2 : 0;
	if (first + (size_t)room > n)
		first = n > (size_t)room ? n - (size_t)room : 0;
	for (size_t i = first; i < n && x < a->cols - 3; i++) {
		int g;
		const char *mark = examrun_given(&v->run, i, &g) ? "●" : "○";
		if (i == v->cur)
			x += ui_put(y, x, "[", 1, E_KEY);
		x += ui_put(y, x, mark, 1, i == v->cur ? E_SEL : E_DIM);
		if (i == v->cur)
			x += ui_put(y, x, "]", 1, E_KEY);
	}
}

void examview_draw(const struct app *a)
{
	const struct exam_view *v = &a->exam;
	struct lines ls = { NULL, 0, 0, a->cols - 4 };
	char title[160], hint[200];
	long sel = -1;
	long left = examrun_left(&v->run);
	bool asking = v->phase == EV_ASK;

	/* The clock first, then k/N: a long exam name shrinks so they fit
	 * (draw_frame lets the user label go before the title). */
	char tail[96] = "";
	if (asking && left >= 0) {
		char t[32];
		clock_mmss(left, t, sizeof t);
		snprintf(tail, sizeof tail, "  ⏱ %s", t);
	}
	if (asking) {
		snprintf(tail + strlen(tail), sizeof tail - strlen(tail), "  %zu/%zu  ",
		         v->cur + 1, examrun_count(&v->run));
		snprintf(tail + strlen(tail), sizeof tail - strlen(tail), tr(MSG_EXAM_ANSWERED_N),
		         v->run.att.answered);
	}
	int room = a->cols - text_width(tail) - text_width(tr(MSG_EXAM_TITLE)) - 1 -
	           text_width(tr(MSG_APP_NAME)) - 4 - (text_width(i18n_name(a->lang)) + 2);
	char *name = table_fit(v->run.paper.info.name, room > 8 ? room : 8, TABLE_CLIP_END);
	snprintf(title, sizeof title, "%s %s%s", tr(MSG_EXAM_TITLE),
	         name ? name : v->run.paper.info.name, tail);
	free(name);
	const struct question *q = current(a);
	snprintf(hint, sizeof hint, "%s", tr(v->phase == EV_INTRO ? MSG_EXAM_INTRO_HINT :
	                                     v->phase == EV_END ? (v->run.att.attempts_left ?
	                                     MSG_EXAM_END_HINT_AGAIN : MSG_EXAM_END_HINT) :
	                                     q && q->type == Q_TYPE ? MSG_EXAM_TYPE_HINT :
	                                     MSG_EXAM_HINT));
	draw_frame(a, title, hint);
	int rows = BODY_ROWS(a) - 1;
	if (v->phase == EV_INTRO)
		build_intro(a, &ls);
	else if (v->phase == EV_END)
		build_end(a, &ls);
	else if (q) {
		struct qview_map m;
		build_question(a, &ls, &m);
		if (v->sel >= 0 && v->sel < m.n)
			sel = m.at[v->sel];
		rows = ASK_ROWS(a);         /* the question strip below */
	}
	int max = lines_max_top(&ls, rows);
	int top = v->top < max ? v->top : max;
	lines_draw(&ls, BODY_TOP + 1, rows, top, 2, a->cols - 3, v->phase == EV_ASK ? sel : -1);
	if (max > top)
		ui_put(BODY_TOP + rows, a->cols - 3, "↓", 1, E_DIM);
	if (asking && q)
		draw_strip(a, a->rows - 2);
	lines_free(&ls);
}
