/* qview.h — a question being asked, shown as a scrolled list of lines (its
 * situation, prompt and choices): the highlighted choice stays in view, the
 * scroll keys reach what is below, and no key answers a choice the learner
 * has not had on screen.  Shared by the quiz (also review and drill) and the
 * exam; pure, no curses. */
#ifndef HTTPTUTOR_QVIEW_H
#define HTTPTUTOR_QVIEW_H

#include <stdbool.h>
#include "keys.h"
#include "quiz.h"

/* Where the answers sit in the question's lines. */
struct qview_map {
	int n;                       /* choices to highlight (0: a "type the code" box) */
	int at[QUIZ_CHOICES + 1];    /* first line of choice i; at[n] ends the last */
	int end;                     /* the line after the last choice or the box */
};

/* The view: a screen keeps these and hands them over for each key. */
struct qview_pos {
	int sel;                     /* highlighted choice, -1 none */
	int top;                     /* first line on screen */
	int seen;                    /* lines [0, seen) have been on screen */
};

enum qview_did {
	QV_NO,                       /* not a key of the question view */
	QV_DONE,                     /* moved or scrolled (or a choice that is not there) */
	QV_SHOWN,                    /* an answer key brought its choice and the rest into
	                                view instead of answering: say so */
	QV_ANSWER                    /* answer choice *choice (highlighted) */
};

/* Apply act to a question of nlines lines shown rows at a time.  Up/Down move
 * the highlight and the view follows (at the first or last choice they scroll
 * what is left), PgUp/PgDn page, Top/Bottom go to either end; choice keys and
 * Open answer only once every choice has been on screen, and Open only while
 * the highlighted choice is.  p->top is kept in range. */
enum qview_did qview_key(struct qview_pos *p, const struct qview_map *m, int nlines, int rows,
                         enum action act, int *choice);
/* Keep the highlighted choice (or the box) in view after a resize. */
void qview_follow(struct qview_pos *p, const struct qview_map *m, int nlines, int rows);

#endif
