/* store.h — what learners did: the append-only answer log, sessions,
 * chapter visits, review state, progress and export (and, in store_exam.h
 * and store_confusion.h, exams and confusions).
 *
 * One interface, two backends: the SQLite file (store.c, store_exam.c,
 * store_confusion.c) and the class server (store_remote.c).  store_open
 * picks one; screens, plain mode and line commands only call the functions
 * below and never learn which backend answers them (store_api.c passes each
 * call on). */
#ifndef HTTPTUTOR_STORE_H
#define HTTPTUTOR_STORE_H

#include <stdint.h>
#include "db.h"
#include "quiz.h"

struct store_ops;
/* Why a call was refused because of who asks (0: it was not). */
enum store_denied {
	DENIED_NO,
	DENIED_TEACHER,         /* a teacher's step or view */
	DENIED_OTHER_UID,       /* an attempt another uid started */
	DENIED_OTHER_TOKEN,     /* an attempt started with a class token (a server's
	                         * TCP client, no uid) */
	DENIED_LOGIN_NAME,      /* a new attempt under another account's login name */
};
/* Callers read err (and user); the rest belongs to the backend. */
struct store {
	const struct store_ops *ops;  /* the backend (store_int.h) */
	struct db *db;          /* SQLite backend: the file */
	bool owns_db;           /* closed with the store (not when shared by a server) */
	int64_t profile;        /* profile row id */
	/* Who is asking, as whoever opened the store knows it: the rules of
	 * store_exam.h and the teacher's views are decided on these, never on
	 * the process's own uid (the class server asks for its clients). */
	int64_t uid;            /* recorded with each answer: the OS uid of the learner, -1 none */
	bool teacher;           /* sees every learner and runs every exam: the database
	                         * file's owner or root (a file), the server's teachers */
	bool foreign_name;      /* the profile name is another account's login (a file
	                         * opened with --user NAME of someone else) */
	enum store_denied denied;  /* the last call was refused because of who asks
	                         * (err says why); reset by each call that checks */
	char *user;             /* profile name, owned */
	void *priv;             /* the class server backend's own state */
	char err[512];          /* last error message for the UI */
	sqlite3_stmt *touch;    /* a read that refreshes the data version */
	struct store_tally *tally;  /* the learner's tally rows while unchanged (store_tally.c) */
	const char *why;        /* after a failed write: its reason alone, in a few words
	                         * (the i18n table or db's message), for a narrow line */
};

/* Checks a profile name: it is shown to teachers in reports, so it must be
 * 1–64 bytes of valid UTF-8 without control, bidi or invisible characters or
 * a space at either end (it must not act on a terminal or pass for another
 * name).  NULL when fine; else a sentence saying why, written to buf. */
const char *store_name_problem(const char *name, char *buf, size_t n);
/* The same check for a name on a class server's roster: the sentence names
 * the name, and not --user. */
const char *store_roster_name_problem(const char *name, char *buf, size_t n);

/* Where store_open goes when its path is NULL: the class server target
 * (a class folder with its class.sock, or HOST:PORT), or NULL for the
 * default database.  main sets it once from --class or HTTPTUTOR_CLASS. */
void store_use_class(const char *target);

/* Open the database at path (NULL = default, or the class server when one
 * is set: then who the learner is comes from the server, and user is not
 * used) for the profile `user` (created on first use).  Returns NULL with
 * err set on failure. */
struct store *store_open(const char *path, const char *user, bool readonly,
                         char *err, size_t errsz);
void store_close(struct store *s);

/* True once the store can keep nothing more (its file was deleted or
 * replaced): the caller should stop asking for answers. */
/* The screen waits for a key: memory kept only for speed is given back. */
void store_idle(struct store *s);
bool store_gone(struct store *s);
/* Where answers go, for messages: the database path or the server. */
const char *store_where(struct store *s);
/* Answers (and other steps) kept on this computer because the class server
 * could not be reached, waiting to be sent; 0 for a database file. */
int store_waiting(struct store *s);
/* True while the class server cannot be reached: practice answers are kept
 * on this computer (store_record still succeeds) and reads fail.  Always
 * false for a database file. */
bool store_offline(struct store *s);

/* Start a quiz session ("quiz", "review" or "exam"); *id gets its row id. */
bool store_session_begin(struct store *s, const char *kind, uint64_t seed,
                         const char *content_version, int64_t *id);
bool store_session_end(struct store *s, int64_t id);
struct answer_rec {
	int64_t session;
	const char *item;       /* scenario id or "code:NNN" */
	const char *qtype;      /* quiz_type_name() */
	const char *shown;      /* choices shown */
	const char *given;
	const char *expected;
	int code;               /* the status code the question is about, 0 = unknown */
	bool correct;
	int64_t ms;             /* time taken */
	int64_t at;             /* unix seconds */
	const char *content_version;
};
/* A number that changes whenever the database's contents do, by this
 * connection or another (SQLITE_FCNTL_DATA_VERSION): what was read under
 * one value can be kept while the value stays the same. */
uint32_t store_data_version(struct store *s);

/* Append one answer in its own committed transaction (synchronous=FULL):
 * when this returns true the answer survives a crash.  On false, s->err says
 * why (read-only, disk full, locked) and nothing was written. */
bool store_record(struct store *s, const struct answer_rec *a);

/* Remember that a chapter was opened (for the progress screen). */
bool store_chapter_opened(struct store *s, const char *chapter, int64_t at);

/* Leitner state per item, replayed from the log.  *out is malloc'd. */
bool store_item_states(struct store *s, struct leitner **out, size_t *n);

struct mistake {
	char item[64];
	char given[32];         /* last wrong answer */
	char expected[32];
	int times;              /* wrong answers for this item */
	int64_t last;           /* unix seconds of the last wrong answer */
	bool fixed;             /* answered right since the last wrong answer */
	int64_t answer_id;      /* not 0: given and expected are still to be read */
};
/* Items answered wrong at least once, most missed then most recent first. */
bool store_mistakes(struct store *s, struct mistake **out, size_t *n);
/* The same, where the backend can, without reading each last wrong answer:
 * given and expected stay empty (answer_id set) until store_mistake_answer
 * reads them, for the rows a screen shows. */
bool store_mistakes_brief(struct store *s, struct mistake **out, size_t *n);
bool store_mistake_answer(struct store *s, struct mistake *m);

/* One answer to one item, for the learner's own history of it. */
struct attempt {
	char qtype[16];
	char given[48], expected[48];
	bool correct;
	int64_t at;             /* unix seconds */
};
/* Every answer this profile gave to item, oldest first.  *out is malloc'd. */
bool store_item_history(struct store *s, const char *item, struct attempt **out, size_t *n);

struct day_stat { int64_t day; int answers, correct; };  /* day = unix secs of local midnight */
struct group_stat { int key; int answers, correct; };      /* key = class 1..5 or a code */
struct progress {
	int answers, correct;
	int streak;             /* consecutive days with answers ending today/yesterday */
	int due;                /* items due now */
	int chapters_opened;
	struct day_stat days[14];              /* oldest first, ending today */
	struct group_stat klass[5];            /* index class-1 */
	struct group_stat *codes; size_t n_codes; /* per code answered, malloc'd */
};
bool store_progress(struct store *s, int64_t now, struct progress *p);
void store_progress_free(struct progress *p);

/* Call fn once per answer of this profile (oldest first); columns in the
 * order of export: id, profile, uid, session, item, qtype, shown, given,
 * expected, correct, ms, at (ISO 8601 UTC), content_version, code, also (1 when
 * the answer was right as a scenario's second acceptable code, not the expected one),
 * exam.  A column that is NULL in the database is NULL (session, code, exam; and
 * expected/correct/also of an exam answer whose result is not shown yet). */
typedef void (*store_row_fn)(void *ctx, int ncols, const char *const *cols);
bool store_export(struct store *s, store_row_fn fn, void *ctx);
/* Class report: answers of every profile in this database, with their
 * count and summed milliseconds.  Of one exam (exam_id not NULL): grouped by
 * (user, item, given, expected, correct).  Of the whole database, from the
 * tally (as many rows for a year of answers as for a day's): grouped by
 * (user, correct, given, expected) with item NULL (given and expected ""
 * for right answers), then by (item, given, expected, correct) with user
 * NULL.  A confusion is counted from the rows that name a user.
 * Only for a teacher: anyone else gets false with denied set. */
struct report_group {
	const char *user, *item, *given, *expected;
	bool correct;
	int count;
	int64_t ms;
};
typedef void (*store_group_fn)(void *ctx, const struct report_group *g);
bool store_report(struct store *s, const char *exam_id, store_group_fn fn, void *ctx);

extern const char *const store_export_columns[];
extern const bool store_export_numeric[];   /* parallel: the column holds numbers */
extern const int store_export_ncolumns;

#endif
