/* examrun.h — one learner sitting one exam, as the full screen and plain
 * mode both drive it: the paper in the learner's order, the answers given so
 * far, the clock, and the calls that let the store decide (start or resume,
 * answer, finish).  It never judges an answer itself. */
#ifndef HTTPTUTOR_EXAMRUN_H
#define HTTPTUTOR_EXAMRUN_H

#include "model.h"
#include "paper.h"
#include "store_exam.h"

enum examrun_phase {
	ER_NEW,                  /* no attempt yet (or a new one may start) */
	ER_OPEN,                 /* an attempt is running */
	ER_ENDED,                /* the latest attempt has ended */
};

struct examrun {
	struct store *st;        /* borrowed */
	const struct model *m;   /* borrowed */
	struct exam_paper paper;
	struct exam_attempt att; /* the latest attempt (att.id == 0: none) */
	struct paper_view pv;    /* its questions in the learner's order */
	bool have_view;
	char version[24];        /* content version logged with answers */
	char err[512];
};

/* Load exam name and this learner's latest attempt (ending it first when
 * its time is over).  Returns the store's verdict; r->err says why not. */
enum exam_rc examrun_open(struct examrun *r, struct store *st, const struct model *m,
                          const char *name);
/* A practice paper "seed-S-nN": built from o (seed, count, filters) on first
 * use, then opened like any exam. */
enum exam_rc examrun_open_practice(struct examrun *r, struct store *st, const struct model *m,
                                   const struct quiz_opts *o, int minutes);
void examrun_free(struct examrun *r);

enum examrun_phase examrun_phase(const struct examrun *r);
/* Resume the open attempt or start the next one (see store_exam_start). */
enum exam_rc examrun_start(struct examrun *r);
/* Record the answer `given` (as quiz_parse gives it) to shown question i.
 * EXAM_TIME_UP / EXAM_CLOSED: the attempt ended instead (phase ER_ENDED). */
enum exam_rc examrun_answer(struct examrun *r, size_t i, int given, int64_t ms);
/* Why an answer that examrun_answer refused with rc (EXAM_TIME_UP, EXAM_CLOSED
 * or EXAM_ENDED) does not count: time, closing, or handed in elsewhere. */
const char *examrun_late_why(const struct examrun *r, enum exam_rc rc);
/* Hand in the attempt; afterwards the phase is ER_ENDED whatever happened. */
enum exam_rc examrun_finish(struct examrun *r);
/* The attempt's clock ran out (the screen's tick noticed): end it. */
enum exam_rc examrun_time_check(struct examrun *r);

/* When no attempt of this learner can start any more (closed, or every
 * attempt used) and there is none to show: false with r->err saying so. */
bool examrun_can_show(struct examrun *r);

/* Read the answers standing in the open attempt again (it may have been
 * answered elsewhere meanwhile: another terminal, plain mode, another lab
 * PC): one indexed query on the file, one request to the class server.
 * Returns how many questions' stored answer differs from what r had, their
 * shown numbers (1-based, ascending) into list (at most max); 0 when the
 * attempt is not open; -1 when the store could not say (r->err says why; r
 * keeps what it had). */
int examrun_refresh(struct examrun *r, int *list, size_t max);
/* "Answered elsewhere: questions 1, 2." for k numbers in list (at most max
 * shown, then "…") into buf. */
void examrun_elsewhere_say(const int *list, size_t k, size_t max, char *buf, size_t n);

/* Questions on the paper (shown order). */
size_t examrun_count(const struct examrun *r);
const struct question *examrun_question(const struct examrun *r, size_t i);
/* The answer standing for shown question i: false when unanswered. */
bool examrun_given(const struct examrun *r, size_t i, int *given);
/* 1 right, 0 wrong or unanswered, -1 not shown (results not released). */
int examrun_right(const struct examrun *r, size_t i);
/* Shown numbers (1-based) of unanswered questions into list (at most max);
 * returns how many there are in all. */
size_t examrun_unanswered(const struct examrun *r, int *list, size_t max);
/* The sentence that names the questions not answered yet ("Unanswered:
 * questions 2, 5.", at most max numbers, then "…") into buf; returns how
 * many there are (0: buf is ""). */
size_t examrun_unanswered_say(const struct examrun *r, size_t max, char *buf, size_t n);

/* Wall clock (unix seconds) as the exam sees it. */
int64_t examrun_now(void);
/* Seconds until the attempt ends, -1 when it has no end. */
long examrun_left(const struct examrun *r);
/* "14:20" (or "2025-11-23 14:20" on another day) for unix time t. */
void examrun_clock_str(int64_t t, char *buf, size_t n);
/* What to tell a learner who leaves the open attempt, into buf.  False
 * when the database went away under it: then there is nothing to come
 * back to, and no command to give. */
bool examrun_leave_msg(const struct examrun *r, char *buf, size_t n);

#endif
