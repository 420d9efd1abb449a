/* store_exam.h — the exam rules, as store operations: exams and their fixed
 * papers, attempts (one per learner unless the exam allows more, resumed on a
 * second start), deadlines by the stored start + minutes, closing, answers
 * graded from the stored paper (the caller never says what is right),
 * "the last answer before finishing counts", and when results may be shown.
 *
 * Every function takes plain values and fills plain structs, so the same
 * calls can later be made by a class server on behalf of a client: screens,
 * plain mode and line commands only ever see this interface.  `now` is the
 * store's clock (unix seconds); a server backend would use its own. */
#ifndef HTTPTUTOR_STORE_EXAM_H
#define HTTPTUTOR_STORE_EXAM_H

#include <stdint.h>
#include "store.h"

#define EXAM_NAME_MAX 40        /* bytes in an exam name */

enum exam_kind { EXAM_SET, EXAM_PRACTICE };
enum exam_feedback { EXAM_FEEDBACK_END, EXAM_FEEDBACK_CLOSED, EXAM_FEEDBACK_NEVER };

/* How a call on an exam went.  Anything but EXAM_OK leaves s->err saying why
 * in a sentence for the learner. */
enum exam_rc {
	EXAM_OK,
	EXAM_ERR,            /* the database failed (read-only, full, locked …) */
	EXAM_NOT_FOUND,      /* no such exam, or no such attempt of this learner */
	EXAM_EXISTS,         /* exam new: the name is taken */
	EXAM_MISMATCH,       /* a practice paper run with other settings than its first run */
	EXAM_CLOSED,         /* the exam has closed: nothing can start or change */
	EXAM_NO_ATTEMPTS,    /* every allowed attempt is used */
	EXAM_ENDED,          /* the attempt was finished: answers are final */
	EXAM_TIME_UP,        /* the attempt's time is over: it has been ended now */
	EXAM_BAD_ANSWER,     /* no such question in the paper, or an empty answer */
	EXAM_FORBIDDEN,      /* not this learner's to do or see: another uid's attempt, or a
	                      * teacher's step (s->denied is set too) */
};

/* An exam as the teacher set it, with counts for `exams`. */
struct exam_info {
	char name[EXAM_NAME_MAX + 24];  /* also "seed-S-nN" practice ids */
	enum exam_kind kind;
	int count;              /* questions on the paper */
	int minutes;            /* 0 = untimed */
	int attempts;           /* 0 = as many as wanted */
	enum exam_feedback feedback;
	bool shuffle;           /* order of questions and choices per student */
	int64_t created_at;
	int64_t closes_at;      /* 0 = no set time */
	int64_t closed_at;      /* 0 = open */
	char filters[128];      /* "--class 4xx --type pick" or "" */
	char created_by[72];
	int64_t uid;            /* the uid that made it (-1 unknown): its teacher */
	char content_version[24];
	int started, finished, in_progress;  /* learners (store_exam_list only) */
};

/* One question of the paper as it was fixed.  Strings are owned. */
struct exam_item {
	int pos;                /* 0-based place on the paper */
	char item[64];          /* scenario id or "code:NNN" */
	char qtype[12];         /* quiz_type_name() */
	int code;               /* the status code it is about */
	char *choices;          /* comma-separated, canonical order; "" for "type" */
	char *expected;         /* the right answer as the log writes it */
	char *also;             /* codes that count as right too, comma-separated ("" none) */
	char *body;             /* the texts a learner reads (JSON, see paper.c) */
};

struct exam_paper {
	struct exam_info info;
	struct exam_item *q;
	size_t n;
	bool sealed;            /* sent by the class server without right answers and
	                         * explanations (not released to this learner yet) */
};
void store_exam_paper_free(struct exam_paper *p);

enum attempt_state {
	ATTEMPT_OPEN,           /* answers may still change */
	ATTEMPT_FINISHED,       /* the learner handed it in */
	ATTEMPT_TIME,           /* its time ran out */
	ATTEMPT_CLOSED,         /* the exam closed while it was open */
};

/* One learner's attempt.  given[] is per paper position (NULL = unanswered):
 * the last answer given.  right[] and score are only filled when the results
 * may be shown (released); score_known says whether score is. */
struct exam_attempt {
	int64_t id;             /* 0 = none */
	int number;             /* 1, 2, … */
	uint64_t shuffle_seed;
	int64_t started_at;
	int64_t deadline_at;    /* started + minutes, 0 = untimed */
	int64_t ends_at;        /* when it ends at the latest (deadline or the exam's close), 0 = never */
	int64_t ended_at;       /* 0 while open */
	enum attempt_state state;
	size_t n;               /* paper length */
	char **given;           /* owned */
	bool *right;            /* owned, NULL unless released */
	int answered;
	int score;              /* right answers, when score_known */
	bool score_known;       /* ended: the score out of n is shown at the end */
	bool released;          /* ended and the exam's feedback allows per-question results */
	bool ran_out;           /* open in the database until its end passed (not yet written) */
	int attempts_used;      /* this learner's attempts so far */
	int attempts_left;      /* more that may be started (-1 = no limit) */
	int64_t uid;            /* the uid that started it (STORE_ANY_UID: from before uids
	                         * were kept, and nothing answered yet) */
	int foreign;            /* answers in it written from another uid (results only) */
};
#define STORE_ANY_UID INT64_MIN
void store_exam_attempt_free(struct exam_attempt *a);

/* Who may do what (all decided on the store's uid and teacher flag):
 * - making an exam: a teacher (s->teacher);
 * - closing one, and its results: its teacher — the uid that made it, or
 *   s->teacher (a practice paper: s->teacher only);
 * - an attempt: the uid that started this learner's first attempt at the
 *   exam; a new one is not started under another account's login name.
 * Anyone else gets EXAM_FORBIDDEN with s->denied set and err saying why. */

/* Write a new exam (kind EXAM_SET) with its paper in one transaction; the
 * teacher is this store's profile and uid.  EXAM_EXISTS when the name is taken. */
enum exam_rc store_exam_create(struct store *s, const struct exam_info *e, uint64_t seed,
                               const struct exam_item *q, size_t n, int64_t now);
/* A practice paper (id "seed-S-nN"): made on first use with these questions;
 * later uses must give the same minutes and filters (EXAM_MISMATCH). */
enum exam_rc store_exam_practice(struct store *s, const struct exam_info *e, uint64_t seed,
                                 const struct exam_item *q, size_t n, int64_t now);
/* The exam named name with its paper; EXAM_NOT_FOUND when there is none. */
enum exam_rc store_exam_paper(struct store *s, const char *name, struct exam_paper *p);
/* Every exam, newest first, with started/finished counts at `now`. *out is
 * malloc'd. */
bool store_exam_list(struct store *s, int64_t now, struct exam_info **out, size_t *n);
/* Close the exam at `when` (<= now: close now, ending every open attempt;
 * later: set the time it closes). */
enum exam_rc store_exam_close(struct store *s, const char *name, int64_t when, int64_t now);

/* This learner's latest attempt of the exam (a->id == 0 when none), ending it
 * first when its time is over or the exam has closed. */
enum exam_rc store_exam_attempt(struct store *s, const char *name, int64_t now,
                                struct exam_attempt *a);
/* Resume the open attempt, or start the next one when the exam allows it:
 * EXAM_CLOSED, EXAM_NO_ATTEMPTS otherwise.  a gets the attempt.  When the
 * open attempt's time ran out (or the exam closed) just now, it is ended and
 * returned with EXAM_TIME_UP (EXAM_CLOSED): no new one starts unasked. */
enum exam_rc store_exam_start(struct store *s, const char *name, int64_t now,
                              struct exam_attempt *a);
/* Record an answer to paper position pos in this learner's open attempt.
 * shown is the choices as the learner saw them, ms the time taken.  Graded
 * from the paper; appended to the log (earlier answers stay there).
 * EXAM_TIME_UP / EXAM_CLOSED end the attempt and record nothing. */
enum exam_rc store_exam_answer(struct store *s, int64_t attempt, int pos, const char *given,
                               const char *shown, int64_t ms, int64_t now,
                               const char *content_version);
/* Hand the attempt in.  After its time it ends as timed out (EXAM_TIME_UP). */
enum exam_rc store_exam_finish(struct store *s, int64_t attempt, int64_t now);
/* Reload an attempt of this learner by id. */
enum exam_rc store_exam_reload(struct store *s, int64_t attempt, int64_t now,
                               struct exam_attempt *a);
/* The answers standing in this learner's attempt (the last per question),
 * per position of paper p into given[0..n-1] (NULL = unanswered; the strings
 * are the caller's to free; given must come zeroed).  A cheap re-read for a
 * screen that may be stale, the attempt being answered elsewhere (another
 * terminal, plain mode): one indexed query on the file, one request to the
 * class server. */
enum exam_rc store_exam_given(struct store *s, int64_t attempt, const struct exam_paper *p,
                              char **given, size_t n);

/* End attempts whose time is over and close exams whose set time has come,
 * so progress and review count them.  Cheap when there is nothing to do;
 * store_open calls it for writable stores. */
bool store_exam_sweep(struct store *s, int64_t now);

/* ---- results for the teacher ---------------------------------------------- */

/* Every attempt of an exam, for reports.  States are as of `now` (an open
 * attempt past its end reads as ATTEMPT_TIME / ATTEMPT_CLOSED without
 * writing).  given[]/right[] per paper position are always filled here. */
struct exam_result {
	char *name;             /* the learner's whole profile name (owned) */
	struct exam_attempt a;
};
struct exam_results {
	struct exam_paper paper;
	struct exam_result *r;  /* by user, then attempt number */
	size_t n;
};
/* Read the paper and every attempt in one short read transaction (WAL: it
 * never blocks a writer).  EXAM_NOT_FOUND when the exam is not there. */
enum exam_rc store_exam_results(struct store *s, const char *name, int64_t now,
                                struct exam_results *out);
void store_exam_results_free(struct exam_results *r);

/* ---- what a learner sitting an exam may not look up ---------------------- */

struct exam_item_id { char item[64]; };
/* The items (scenario ids, "code:NNN") on the papers of the exams this
 * learner is sitting at now: an open attempt of this profile, or started
 * from this uid.  Search and the cards leave their scenarios out meanwhile.
 * *out is malloc'd (NULL when none).  false with err on a database error. */
bool store_exam_hidden(struct store *s, int64_t now, struct exam_item_id **out, size_t *n);

/* Parse / name the feedback setting ("end", "closed", "never"). */
bool store_exam_feedback_parse(const char *s, enum exam_feedback *out);
const char *store_exam_feedback_name(enum exam_feedback f);
/* Whether name is a usable exam name: 1–EXAM_NAME_MAX of [A-Za-z0-9._-],
 * starting with a letter or digit, not "new"/"close" and not "seed-…". */
bool store_exam_name_ok(const char *name);

#endif
