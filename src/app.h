/* app.h — all full-screen state in one struct, and the screen table.
 * Screens draw from const state and never query SQLite; key handlers change
 * state (and may load from the store) and never draw. */
#ifndef HTTPTUTOR_APP_H
#define HTTPTUTOR_APP_H

#include <stdint.h>

#include "answer.h"
#include "clock.h"
#include "contrast.h"
#include "examhide.h"
#include "examrun.h"
#include "i18n.h"
#include "keys.h"
#include "markdown.h"
#include "model.h"
#include "quiz.h"
#include "store.h"

enum screen_id {
	SCR_HOME, SCR_CHAPTERS, SCR_READER, SCR_CODES, SCR_CARD, SCR_QUIZ,
	SCR_REVIEW, SCR_PROGRESS, SCR_HELP, SCR_MISTAKE, SCR_CONTRAST, SCR_EXAM, SCR_WATCH, SCR_COUNT
};

struct app;

struct screen {
	/* Load what the screen shows (may query the store). */
	void (*enter)(struct app *a);
	void (*draw)(const struct app *a);
	/* Handle an action (key is the raw key); false leaves it to the global keys. */
	bool (*key)(struct app *a, enum action act, int key);
	/* A line typed at this screen's prompt was confirmed. */
	void (*input)(struct app *a, const char *text);
	/* Width/height or language changed: recompute layout-dependent state. */
	void (*relayout)(struct app *a);
	const struct keybind *keys;
	enum msg title;
	/* A clock on screen: milliseconds between ticks now (0: none), and what
	 * a tick does (may query the store, like a key). */
	int (*tick_ms)(const struct app *a);
	void (*tick)(struct app *a);
};
extern const struct screen screens[SCR_COUNT];

#define MAX_CHAPTERS 32
#define QUERY_MAX 128

struct reader_view {
	int chapter;              /* index into model->chapters, -1 none */
	struct md_doc doc;        /* rendered for doc_cols/doc_lang */
	int doc_cols;
	enum lang doc_lang;
	long top;                 /* first visible line */
	long saved[MAX_CHAPTERS]; /* where each chapter was left, this session */
	char pending_anchor[64];  /* jump here after the next render */
	char query[QUERY_MAX];
	long match;               /* line of the current match, -1 none */
};

struct codes_view {
	int klass;                /* 0 = every class */
	bool all;                 /* every registered code, not only core */
	char query[QUERY_MAX];
	size_t *rows;             /* indexes into model->codes that pass filters */
	size_t n_rows;
	int sel, top;
};

struct card_view {
	int code;
	int link;                 /* selected link, -1 none */
	int top;                  /* scroll */
	struct { int code, link, top; } back[16];  /* cards left through a link, for q */
	int n_back;
};

enum quiz_phase { QP_ASK, QP_FEEDBACK, QP_SUMMARY, QP_EMPTY };

struct quiz_view {
	struct quiz qz;
	struct quiz_opts opts;
	bool review;              /* a review quiz */
	const struct contrast *drill;  /* a drill on this group (recorded as a review), or NULL */
	bool fixed_seed;          /* --seed given: reproducible, history ignored */
	char only_item[64];       /* the next review asks just this item (then cleared) */
	size_t cur;
	enum quiz_phase phase;
	int sel;                  /* highlighted choice, -1 none (a new question) */
	char typed[8];            /* Q_TYPE: digits typed so far */
	int given;                /* as quiz_parse returns */
	bool right;
	bool saved;               /* the answer reached the database */
	struct answer_rec pending;/* an unsaved answer, to retry */
	char pend_item[64], pend_shown[160], pend_given[48], pend_expected[48];
	struct answer_session session;
	int64_t asked_ms;         /* monotonic ms when the question appeared */
	int64_t started_ms;
	int64_t elapsed_ms;       /* at the summary */
	int n_right;
	int n_unsaved;            /* this quiz's answers that did not reach the database */
	bool *wrong;              /* per question, for the summary */
	int fb_top;               /* scroll of the question, its feedback or the summary */
	int seen;                 /* question lines [0, seen) have been on screen (qview.h) */
};

enum exam_phase { EV_INTRO, EV_ASK, EV_END };

/* The exam screen: the attempt itself lives in run (examrun.h). */
struct exam_view {
	struct examrun run;
	bool open;                /* run is loaded */
	bool resumed;             /* this start resumed an attempt */
	enum exam_phase phase;
	size_t cur;               /* question shown (learner's order) */
	int sel;                  /* highlighted choice */
	char typed[8];            /* a "type the code" answer being typed */
	int64_t asked_ms;         /* monotonic ms when the question appeared */
	int top;                  /* scroll of the question or the end page */
	int seen;                 /* question lines [0, seen) have been on screen (qview.h) */
	char come_back[160];      /* the command that resumes this exam */
};

struct watch_data;            /* report_exam.h */
struct report_ctx;            /* report.h */

/* The teacher's live board (report --exam NAME --watch). */
struct watch_view {
	const struct report_ctx *rx;
	const char *exam;
	int ndb;
	char **dbs;               /* borrowed; ndb == 0: db_default */
	const char *db_default;
	const char *roster;
	struct watch_data *data;  /* the last good read, owned */
	char err[512];            /* why the last read failed, "" if it did not */
	int64_t read_at;          /* wall ms of the last good read */
	bool by_status;           /* order: status first, else by name */
	int top;
};

struct review_view {
	struct mistake *items;    /* mistakes not wholly inside a contrast group */
	size_t n;
	struct contrast_row *groups;  /* contrast groups with mistakes, listed first */
	size_t n_groups;
	int due;
	bool by_recent;
	int sel, top;             /* sel counts groups first, then items */
};

struct contrast_view {
	const struct contrast *g;
	struct confusion_item *ci;  /* the learner's confusions (owned), for the card */
	size_t n;
	bool mine;                /* ci could be read */
	bool from_quiz;           /* opened from quiz feedback: no drill from here */
	int top;                  /* scroll */
};

struct mistake_view {
	char item[64];            /* the item shown (scenario id or "code:NNN") */
	struct attempt *hist;     /* every answer to it, oldest first (owned) */
	size_t n;
	int top;                  /* scroll */
};

struct progress_view {
	struct progress p;
	bool loaded;
	uint32_t version;         /* store_data_version when p was read */
	int64_t loaded_at;        /* clock_now() then: due counts follow the clock */
	int top;                  /* scroll, for short terminals */
	struct code_cell *cells;  /* the learner's answer matrix (owned, confmatrix.c) */
	size_t n_cells;
	struct confusion *conf;   /* its off-diagonal cells, most frequent first (owned) */
	size_t n_conf;
	bool matrix_loaded;       /* cells/conf read for this p (on entering Progress) */
};

struct app {
	const struct model *m;
	struct store *st;          /* NULL when the database could not be opened */
	char db_err[256];          /* why st is NULL */
	int unsaved;               /* answers of this run that were not kept (said at the end) */
	enum lang lang;
	int rows, cols;
	bool too_small;
	bool quit;

	enum screen_id stack[16];  /* navigation stack; stack[depth-1] is shown */
	int depth;

	char status[640];          /* one-line message on the status bar */
	char status_keys[64];      /* its key hint ("(s: retry)"), kept whole */
	char status_alt[256];      /* a shorter way to say it, for a narrow line, or "" */
	bool status_error;

	bool confirm_on;           /* a yes/no question is on the status line */
	char confirm[256];         /* its text */
	void (*confirm_yes)(struct app *a);  /* run on y; any other key cancels */
	bool flush_input;          /* drop keys typed before the next frame showed */

	bool input_on;             /* a prompt is active */
	enum msg input_prompt;
	char input[QUERY_MAX];
	enum screen_id help_for;   /* screen whose keys the help shows */
	int help_top;

	struct reader_view reader;
	int chapters_sel;
	struct codes_view codes;
	struct card_view card;
	struct quiz_view quiz;
	struct exam_view exam;
	struct watch_view watch;
	struct review_view review;
	struct mistake_view mistake;
	struct contrast_view contrast;
	struct progress_view progress;
	int home_sel;
	struct examhide hide;     /* scenarios of an exam this learner is sitting (cards, quiz) */
};

/* Navigation. */
void app_push(struct app *a, enum screen_id s);
void app_pop(struct app *a);
enum screen_id app_top(const struct app *a);
/* Status line message (printf-style); error=true shows it as an error. */
void app_status(struct app *a, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The key hint of the status message just set: drawn after it and never
 * cut (the message is shortened instead). */
void app_status_keys(struct app *a, enum msg keys);
/* A shorter way to say the status message just set (without its details),
 * shown when the whole one would have to be cut. */
void app_status_alt(struct app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Start a prompt on the status line; the screen's input() gets the text. */
void app_prompt(struct app *a, enum msg prompt, const char *initial);

/* Ask a yes/no question on the status line (printf-style text); yes runs
 * when the learner presses y, any other key just closes the question. */
void app_confirm(struct app *a, void (*yes)(struct app *a), const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Open the reader at "chapter#anchor" or "chapter". */
bool app_open_ref(struct app *a, const char *ref);
/* Open a code's card. */
void app_open_card(struct app *a, int code);
/* Open a contrast group's card (from_quiz: a quiz is running underneath). */
void app_open_contrast(struct app *a, const struct contrast *g, bool from_quiz);
/* Start a drill on group g (recorded as a review). */
void app_start_drill(struct app *a, const struct contrast *g);
/* Load an exam for the exam screen: the teacher's exam `name`, or with name
 * NULL the practice paper of o limited to minutes.  false with err set when
 * it cannot be opened (before the screen starts).  examview_close frees it. */
bool examview_open(struct app *a, const char *name, const struct quiz_opts *o, int minutes,
                   char *err, size_t errsz);
void examview_close(struct app *a);
/* After the screen has closed: when the learner left an exam whose attempt
 * is still open, one line says until when and the command that goes on. */
void examview_farewell(const struct app *a, bool utf8);

/* Start a quiz with the given options: a review quiz when review is true. */
void app_start_quiz(struct app *a, const struct quiz_opts *o, bool review);


/* Move a list selection for a navigation action (up, down, page, top, end),
 * clamped to [0, n).  Returns false when act is not navigation. */
bool app_list_move(int *sel, int n, int page, enum action act);

/* Scroll a text view of `page` rows for a navigation action (ACT_NONE just
 * clamps, after a resize), keeping *top within [0, max].  Returns false when
 * act is not scrolling. */
bool app_scroll(int *top, int max, int page, enum action act);

/* Common drawing: title bar, status/hint bar, body area. */
void draw_frame(const struct app *a, const char *title, const char *hint);
/* Body rows are 1 .. a->rows-2. */
#define BODY_TOP 1
#define BODY_ROWS(a) ((a)->rows - 2)

/* Run the full-screen interface starting at `start` until the user quits.
 * Returns an exit status. */
/* Draws the home menu at once, before the database is open (a->st NULL):
 * nothing on the menu needs it, and opening it may wait for a lock.
 * app_run then draws it whole. */
void app_first_frame(struct app *a);
int app_run(struct app *a, enum screen_id start);

/* Per-screen helpers shared between screens. */
void reader_open_chapter(struct app *a, int chapter, const char *anchor);

#endif
