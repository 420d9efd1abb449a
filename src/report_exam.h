/* report_exam.h — what a teacher reads about one exam: per student (status,
 * score out of N, times, attempts), per question (its text, share right,
 * the most common wrong answer), the student × question grid, and a score
 * histogram; as a table, CSV, JSON, an HTML page or the live board. */
#ifndef HTTPTUTOR_REPORT_EXAM_H
#define HTTPTUTOR_REPORT_EXAM_H

#include "classmix.h"
#include "report.h"
#include "store_exam.h"

struct report_exam_opts {
	const char *exam;        /* --exam NAME */
	const char *roster;      /* --roster FILE or NULL */
	const char *html;        /* --html FILE or NULL */
	bool watch;              /* --watch */
	bool no_color;           /* --no-color / NO_COLOR, for --watch */
};

/* report --exam: read the databases (ndb paths, or db_default), print or
 * write as asked.  Returns an exit status. */
int report_exam(const struct report_ctx *r, const struct report_exam_opts *o, int ndb,
                char **dbs, const char *db_default);

enum exam_status { ES_NOT_STARTED, ES_IN_PROGRESS, ES_FINISHED, ES_TIMED_OUT, ES_CLOSED };

struct exam_student {
	char *name;
	enum exam_status status;
	int attempts;
	int score;               /* right answers in the attempt that counts; -1 not started */
	int answered;
	int64_t started, finished;   /* unix seconds, 0 = none */
	long duration;           /* seconds, -1 = none */
	int64_t ends_at;         /* an attempt in progress ends then (0 = no end) */
	signed char *cell;       /* per question: 1 right, 0 wrong, -1 unanswered (NULL if not started) */
	char **given;            /* per question, NULL = unanswered (owned) */
	/* Who wrote it, for the teacher to check (a borrowed --user, the sqlite3
	 * shell): */
	int64_t uid;             /* the uid that started the attempt that counts, -1 unknown */
	int foreign;             /* answers written from another uid, over every attempt */
	int foreign_attempt;     /* the first attempt holding such answers (0: none) */
	int mismatch_attempt;    /* an attempt started from a uid that is not the login of this
	                          * name (0: none) */
	int64_t mismatch_uid;
	char mismatch_login[64]; /* that uid's login, "?" when it has none */
	int other_names;         /* other names the uid of one of its attempts sat the exam
	                          * under in the same database (0: none) */
};

/* A uid that sat the exam under more than one name in one database (a
 * --user name is free text): the teacher should check it.  Root and the
 * exam's teacher, who may try a paper out, are left out. */
struct exam_uid_names {
	int64_t uid;
	char login[64];          /* the uid's login, "?" when it has none */
	char **names;            /* sorted, owned */
	int n;
};

struct exam_question_stat {
	int number;              /* 1-based place on the paper */
	char item[64];
	char *text;              /* the situation (or the meaning question), one line */
	char *expected;          /* the right answer's label */
	int sat;                 /* students who started */
	int answered, right;
	char *top_wrong;         /* most common wrong answer, NULL when none */
	int top_wrong_count;
	int right_code;          /* the right answer as a code, 0 for a header question */
};

/* Everything one report (or one refresh of the live board) shows. */
struct watch_data {
	struct exam_info info;
	int64_t now;
	int n_q;
	struct exam_question_stat *q;
	struct exam_student *s;
	size_t n_s;
	int n_finished, n_timed_out, n_closed, n_in_progress, n_not_started;
	int n_ended;             /* finished + timed out + closed */
	int n_check;             /* students with something for the teacher to check */
	struct exam_uid_names *multi;  /* uids under more than one name (owned) */
	size_t n_multi;
	double mean_score;       /* over ended attempts */
	int *histogram;          /* n_q + 1 buckets: students per score (ended attempts) */
	struct classmix_row *mix;  /* the class's confusions in the counting answers (owned) */
	size_t n_mix;
};

/* Read exam `name` from the databases (roster may add students who never
 * started) as of now.  false with err set (and *out NULL) when it cannot. */
bool exam_report_load(const struct report_ctx *r, const char *name, const char *roster,
                      int ndb, char **dbs, const char *db_default, int64_t now,
                      struct watch_data **out, char *err, size_t errsz);
void exam_report_free(struct watch_data *d);

/* Whether s has a score to show: only an attempt that has ended (finished,
 * timed out, closed) has one, in every format; one in progress has only
 * how many are answered (the mean score is over those who ended too). */
bool exam_report_scored(const struct exam_student *s);
/* The status as the text report and the HTML page show it: the word, and
 * for an attempt in progress how many are answered ("in progress · 2/6"). */
void exam_report_status_line(const struct exam_student *s, int n_q, char *buf, size_t n);
/* The summary of the students' statuses as the text report and the live
 * board both say it ("6 students: 3 finished, …, 2 stopped when it closed"),
 * without an ending, into buf; returns its length. */
size_t exam_report_counts(const struct watch_data *d, char *buf, size_t n);
/* When the exam closed (closed by the teacher, or its set time passed by
 * d->now), 0 while it is open. */
int64_t exam_report_closed_at(const struct watch_data *d);
/* Percent rounded half up; 0 when n is 0. */
int exam_report_pct(int k, int n);
/* The word for a status in the current language. */
const char *exam_report_status(enum exam_status s);
/* Whether a student has something the teacher should check (flags above). */
bool exam_report_check(const struct exam_student *s);
/* The sentences that say what to check about s, written into a and b (empty
 * when nothing); in the current language. */
void exam_report_check_lines(const struct exam_student *s, char *a, size_t an, char *b, size_t bn);
/* The sentence that says uid u sat the exam under several names, into buf
 * (names as they are: the caller scrubs at output); in the current language. */
void exam_report_uid_line(const struct exam_uid_names *u, char *buf, size_t n);

/* report --exam NAME --html FILE (report_html.c) and --watch (screen_watch.c). */
int report_html_write(const struct report_ctx *r, const struct watch_data *d, const char *path);
int watch_run(const struct report_ctx *r, const struct report_exam_opts *o, int ndb,
              char **dbs, const char *db_default);

#endif
