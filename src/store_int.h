/* store_int.h — what the store's own files share: the backend table that
 * store_api.c dispatches through, the SQLite backend's entries (in store.c,
 * store_exam.c and store_confusion.c), and helpers for its queries.
 * Nothing outside the store includes this, except the class server, which
 * runs the SQLite backend on behalf of its clients. */
#ifndef HTTPTUTOR_STORE_INT_H
#define HTTPTUTOR_STORE_INT_H

#include "store.h"
#include "store_confusion.h"
#include "store_exam.h"

/* One backend: every call of store.h, store_exam.h and store_confusion.h
 * that touches data, with the same contract as there. */
struct store_ops {
	void (*close)(struct store *s);
	bool (*gone)(struct store *s);
	void (*idle)(struct store *s);   /* optional: give back what a quiet screen does not need */
	const char *(*where)(struct store *s);
	int (*waiting)(struct store *s);
	bool (*offline)(struct store *s);
	uint32_t (*data_version)(struct store *s);
	bool (*session_begin)(struct store *s, const char *kind, uint64_t seed,
	                      const char *content_version, int64_t *id);
	bool (*session_end)(struct store *s, int64_t id);
	bool (*record)(struct store *s, const struct answer_rec *a);
	bool (*chapter_opened)(struct store *s, const char *chapter, int64_t at);
	bool (*item_states)(struct store *s, struct leitner **out, size_t *n);
	bool (*mistakes)(struct store *s, struct mistake **out, size_t *n);
	bool (*mistakes_brief)(struct store *s, struct mistake **out, size_t *n);   /* may be NULL */
	bool (*mistake_answer)(struct store *s, struct mistake *m);                 /* may be NULL */
	bool (*item_history)(struct store *s, const char *item, struct attempt **out, size_t *n);
	bool (*progress)(struct store *s, int64_t now, struct progress *p);
	bool (*export_rows)(struct store *s, store_row_fn fn, void *ctx);
	bool (*report)(struct store *s, const char *exam_id, store_group_fn fn, void *ctx);
	bool (*confusion_items)(struct store *s, struct confusion_item **out, size_t *n);
	bool (*code_matrix)(struct store *s, int64_t since, struct code_cell **out, size_t *n);
	enum exam_rc (*exam_create)(struct store *s, const struct exam_info *e, uint64_t seed,
	                            const struct exam_item *q, size_t n, int64_t now);
	enum exam_rc (*exam_practice)(struct store *s, const struct exam_info *e, uint64_t seed,
	                              const struct exam_item *q, size_t n, int64_t now);
	enum exam_rc (*exam_paper)(struct store *s, const char *name, struct exam_paper *p);
	bool (*exam_list)(struct store *s, int64_t now, struct exam_info **out, size_t *n);
	enum exam_rc (*exam_close)(struct store *s, const char *name, int64_t when, int64_t now);
	enum exam_rc (*exam_attempt)(struct store *s, const char *name, int64_t now,
	                             struct exam_attempt *a);
	enum exam_rc (*exam_start)(struct store *s, const char *name, int64_t now,
	                           struct exam_attempt *a);
	enum exam_rc (*exam_answer)(struct store *s, int64_t attempt, int pos, const char *given,
	                            const char *shown, int64_t ms, int64_t now,
	                            const char *content_version);
	enum exam_rc (*exam_finish)(struct store *s, int64_t attempt, int64_t now);
	enum exam_rc (*exam_reload)(struct store *s, int64_t attempt, int64_t now,
	                            struct exam_attempt *a);
	enum exam_rc (*exam_given)(struct store *s, int64_t attempt, const struct exam_paper *p,
	                           char **given, size_t n);
	bool (*exam_sweep)(struct store *s, int64_t now);
	enum exam_rc (*exam_results)(struct store *s, const char *name, int64_t now,
	                             struct exam_results *out);
	bool (*exam_hidden)(struct store *s, int64_t now, struct exam_item_id **out, size_t *n);
};

/* ---- the SQLite backend ------------------------------------------------------ */

extern const struct store_ops store_sql_ops;
/* store_open for a database file (path NULL: the default path). */
struct store *store_sql_open(const char *path, const char *user, bool readonly,
                             char *err, size_t errsz);
/* A store for user on a database someone else keeps open (the class
 * server): answers carry uid (-1: none known, e.g. a token), teacher says
 * whether the caller sees every learner and runs every exam (the server's
 * own teachers); store_close leaves db open.  NULL with err. */
struct store *store_sql_attach(struct db *db, const char *user, int64_t uid, bool teacher,
                               char *err, size_t errsz);
void store_sql_close(struct store *s);
bool store_sql_gone(struct store *s);
const char *store_sql_where(struct store *s);
int store_sql_waiting(struct store *s);
bool store_sql_offline(struct store *s);
uint32_t store_sql_data_version(struct store *s);

/* ---- the class server backend (store_remote.c) ----------------------------- */

extern const struct store_ops store_remote_ops;
/* store_open for the class server target. */
struct store *store_remote_open(const char *target, bool readonly, char *err, size_t errsz);
bool store_sql_session_begin(struct store *s, const char *kind, uint64_t seed,
                             const char *content_version, int64_t *id);
bool store_sql_session_end(struct store *s, int64_t id);
bool store_sql_record(struct store *s, const struct answer_rec *a);
bool store_sql_chapter_opened(struct store *s, const char *chapter, int64_t at);
bool store_sql_item_states(struct store *s, struct leitner **out, size_t *n);
bool store_sql_mistakes(struct store *s, struct mistake **out, size_t *n);

/* One counted tally row of the learner (schema 6): a question, the code it
 * is about (0: none), the right and given answers as codes (0: not a
 * code), how many such answers count and whether they were right. */
struct tally_row {
	char item[64];
	int code, expected, given;
	int counted;
	bool correct;
	int64_t last;            /* the last counted one */
};
/* The learner's rows, read again only when the database has changed
 * (store_tally.c); they belong to s, valid until its next call.  A failed
 * read says it could not do `what`. */
bool store_tally_rows(struct store *s, const char *what, const struct tally_row **rows, size_t *n);
void store_tally_free(struct store *s);
bool store_sql_mistakes_brief(struct store *s, struct mistake **out, size_t *n);
bool store_sql_mistake_answer(struct store *s, struct mistake *m);
bool store_sql_item_history(struct store *s, const char *item, struct attempt **out, size_t *n);
bool store_sql_progress(struct store *s, int64_t now, struct progress *p);
bool store_sql_export(struct store *s, store_row_fn fn, void *ctx);
bool store_sql_report(struct store *s, const char *exam_id, store_group_fn fn, void *ctx);
bool store_sql_confusion_items(struct store *s, struct confusion_item **out, size_t *n);
bool store_sql_code_matrix(struct store *s, int64_t since, struct code_cell **out, size_t *n);
enum exam_rc store_sql_exam_create(struct store *s, const struct exam_info *e, uint64_t seed,
                                   const struct exam_item *q, size_t n, int64_t now);
enum exam_rc store_sql_exam_practice(struct store *s, const struct exam_info *e, uint64_t seed,
                                     const struct exam_item *q, size_t n, int64_t now);
enum exam_rc store_sql_exam_paper(struct store *s, const char *name, struct exam_paper *p);
bool store_sql_exam_list(struct store *s, int64_t now, struct exam_info **out, size_t *n);
enum exam_rc store_sql_exam_close(struct store *s, const char *name, int64_t when, int64_t now);
enum exam_rc store_sql_exam_attempt(struct store *s, const char *name, int64_t now,
                                    struct exam_attempt *a);
enum exam_rc store_sql_exam_start(struct store *s, const char *name, int64_t now,
                                  struct exam_attempt *a);
enum exam_rc store_sql_exam_answer(struct store *s, int64_t attempt, int pos, const char *given,
                                   const char *shown, int64_t ms, int64_t now,
                                   const char *content_version);
enum exam_rc store_sql_exam_finish(struct store *s, int64_t attempt, int64_t now);
enum exam_rc store_sql_exam_reload(struct store *s, int64_t attempt, int64_t now,
                                   struct exam_attempt *a);
enum exam_rc store_sql_exam_given(struct store *s, int64_t attempt, const struct exam_paper *p,
                                  char **given, size_t n);
bool store_sql_exam_sweep(struct store *s, int64_t now);
enum exam_rc store_sql_exam_results(struct store *s, const char *name, int64_t now,
                                    struct exam_results *out);
bool store_sql_exam_hidden(struct store *s, int64_t now, struct exam_item_id **out, size_t *n);

/* ---- helpers for the SQLite backend's queries -------------------------------- */

/* A read failed: s->err gets sqlite's words (with `what` when not NULL). */
void store_read_fail(struct store *s, const char *what);
/* A write failed with sqlite rc: s->err gets "could not <what>: <why> (path)". */
void store_write_fail(struct store *s, const char *what, int rc);
/* A write failed for a reason of our own: "could not <what>: <why>". */
void store_write_fail_why(struct store *s, const char *what, const char *why);
/* The same sentence without keeping why (which may be the caller's buffer). */
void store_could_not(struct store *s, const char *what, const char *why);
/* Prepares a read of this learner's rows, ?1 bound to the profile.  The
 * SQL names their rows as {answer}, {answer_counted}, {tally}, {day_stat}
 * and {item_state}: the tables, or (store_mine.c) the rows rebuilt from the
 * answers the asker's own uid wrote when the asker is not the teacher and
 * others wrote under this profile too.  NULL with s->err set. */
sqlite3_stmt *store_read_query(struct store *s, const char *sql);
/* Bind a string, or NULL when v is NULL. */
void store_bind_text(sqlite3_stmt *st, int i, const char *v);
/* Copy at most n-1 bytes of src without cutting a UTF-8 character. */
void store_copy(char *dst, size_t n, const unsigned char *src);
/* Room for one more element in arr (see store.c); NULL with s->err when out of memory. */
void *store_grow(struct store *s, void *arr, size_t *cap, size_t len, size_t size);
/* Inserts one answer row inside the caller's transaction with the INSERT the
 * store keeps prepared.  False with *rc the sqlite result (SQLITE_MISUSE and
 * s->err set when a is incomplete). */
bool store_answer_insert(struct store *s, const struct answer_rec *a, int *rc);

#endif
