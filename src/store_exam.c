/* store_exam.c — the exam rules over the database: every decision about an
 * exam (may it start, is the time over, is it closed, is this answer right,
 * may the result be shown) is made here, inside one transaction each, so it
 * holds the same for every program that uses the store. */
#include "i18n.h"
#include "store_exam.h"
#include "store_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "text.h"

#define NEVER INT64_MAX

static const char *const feedback_names[] = { "end", "closed", "never" };

bool store_exam_feedback_parse(const char *s, enum exam_feedback *out)
{
	for (int i = 0; i < 3; i++)
		if (s && !strcmp(s, feedback_names[i])) {
			*out = (enum exam_feedback)i;
			return true;
		}
	return false;
}

const char *store_exam_feedback_name(enum exam_feedback f)
{
	return (unsigned)f < 3 ? feedback_names[f] : "closed";
}

bool store_exam_name_ok(const char *name)
{
	size_t n = name ? strlen(name) : 0;

	if (n == 0 || n > EXAM_NAME_MAX || !strcmp(name, "new") || !strcmp(name, "close") ||
	    !strncmp(name, "seed-", 5))
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = name[i];
		bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-')))
			return false;
	}
	return true;
}

/* ---- reading exams ---------------------------------------------------------- */

enum {
	EI_ID, EI_KIND, EI_COUNT, EI_MINUTES, EI_ATTEMPTS, EI_FEEDBACK, EI_SHUFFLE,
	EI_CREATED, EI_CLOSES, EI_CLOSED, EI_FILTERS, EI_BY, EI_VERSION, EI_UID, EI_SEED
};
#define EXAM_COLS "e.id, e.kind, e.count, e.minutes, e.attempts, e.feedback, e.shuffle, " \
                  "e.created_at, e.closes_at, e.closed_at, e.filters, e.created_by, " \
                  "e.content_version, coalesce(e.uid, -1), e.seed"

static void info_from_row(sqlite3_stmt *st, struct exam_info *e)
{
	memset(e, 0, sizeof *e);
	store_copy(e->name, sizeof e->name, sqlite3_column_text(st, EI_ID));
	const char *kind = (const char *)sqlite3_column_text(st, EI_KIND);
	e->kind = kind && !strcmp(kind, "set") ? EXAM_SET : EXAM_PRACTICE;
	e->count = sqlite3_column_int(st, EI_COUNT);
	e->minutes = sqlite3_column_int(st, EI_MINUTES);
	e->attempts = sqlite3_column_int(st, EI_ATTEMPTS);
	if (!store_exam_feedback_parse((const char *)sqlite3_column_text(st, EI_FEEDBACK), &e->feedback))
		e->feedback = EXAM_FEEDBACK_CLOSED;   /* unknown: show the least */
	e->shuffle = sqlite3_column_int(st, EI_SHUFFLE) != 0;
	e->created_at = sqlite3_column_int64(st, EI_CREATED);
	e->closes_at = sqlite3_column_int64(st, EI_CLOSES);
	e->closed_at = sqlite3_column_int64(st, EI_CLOSED);
	store_copy(e->filters, sizeof e->filters, sqlite3_column_text(st, EI_FILTERS));
	store_copy(e->created_by, sizeof e->created_by, sqlite3_column_text(st, EI_BY));
	store_copy(e->content_version, sizeof e->content_version, sqlite3_column_text(st, EI_VERSION));
	e->uid = sqlite3_column_int64(st, EI_UID);
}

/* ---- who may do what ---------------------------------------------------------- */

/* The exam's teacher: the uid that made a set exam, or a teacher of the
 * whole database.  A uid below 0 is nobody's (a token has none). */
static bool exam_teacher(const struct store *s, const struct exam_info *e)
{
	return s->teacher || (e->kind == EXAM_SET && s->uid >= 0 && e->uid == s->uid);
}

/* Refuse because of who asks: err gets the sentence (printf-style). */
__attribute__((format(printf, 3, 4)))
static enum exam_rc deny(struct store *s, enum store_denied why, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->err, sizeof s->err, fmt, ap);
	va_end(ap);
	s->denied = why;
	return EXAM_FORBIDDEN;
}

/* The moment the exam closes (or closed), NEVER when it has no end. */
static int64_t exam_close_time(const struct exam_info *e)
{
	if (e->closed_at)
		return e->closed_at;
	return e->closes_at ? e->closes_at : NEVER;
}

static bool exam_is_closed(const struct exam_info *e, int64_t now)
{
	return exam_close_time(e) <= now;
}

/* Load the exam row; *found false when there is none.  false on SQL error. */
static bool load_info(struct store *s, const char *name, struct exam_info *e,
                      uint64_t *seed, bool *found)
{
	sqlite3_stmt *st = db_prepare(s->db, "SELECT " EXAM_COLS " FROM exam e WHERE e.id = ?1");
	bool ok = false;
	int rc;

	*found = false;
	if (!st) {
		store_read_fail(s, NULL);
		return false;
	}
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		info_from_row(st, e);
		if (seed)
			*seed = (uint64_t)sqlite3_column_int64(st, EI_SEED);
		*found = true;
	} else if (rc != SQLITE_DONE) {
		store_read_fail(s, tr(MSG_EXAM_READ_ONE));
		goto out;
	}
	ok = true;
out:
	sqlite3_finalize(st);
	return ok;
}

static void item_free(struct exam_item *q)
{
	free(q->choices);
	free(q->expected);
	free(q->also);
	free(q->body);
}

void store_exam_paper_free(struct exam_paper *p)
{
	for (size_t i = 0; i < p->n; i++)
		item_free(&p->q[i]);
	free(p->q);
	p->q = NULL;
	p->n = 0;
}

static char *dup_col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return strdup(t ? (const char *)t : "");
}

enum { EQ_POS, EQ_ITEM, EQ_QTYPE, EQ_CODE, EQ_CHOICES, EQ_EXPECTED, EQ_ALSO, EQ_BODY };

/* One exam_question row (columns as EQ_*) into q; false when out of memory. */
static bool item_from_row(sqlite3_stmt *st, struct exam_item *q)
{
	memset(q, 0, sizeof *q);
	q->pos = sqlite3_column_int(st, EQ_POS);
	store_copy(q->item, sizeof q->item, sqlite3_column_text(st, EQ_ITEM));
	store_copy(q->qtype, sizeof q->qtype, sqlite3_column_text(st, EQ_QTYPE));
	q->code = sqlite3_column_int(st, EQ_CODE);
	q->choices = dup_col(st, EQ_CHOICES);
	q->expected = dup_col(st, EQ_EXPECTED);
	q->also = dup_col(st, EQ_ALSO);
	q->body = dup_col(st, EQ_BODY);
	return q->choices && q->expected && q->also && q->body;
}

static bool load_items(struct store *s, struct exam_paper *p)
{
	sqlite3_stmt *st = db_prepare(s->db,
		"SELECT pos, item, qtype, code, choices, expected, also, body FROM exam_question "
		"WHERE exam_id = ?1 ORDER BY pos");
	size_t cap = 0;
	bool ok = false;
	int rc;

	if (!st) {
		store_read_fail(s, NULL);
		return false;
	}
	sqlite3_bind_text(st, 1, p->info.name, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct exam_item *nv = store_grow(s, p->q, &cap, p->n, sizeof *nv);
		if (!nv)
			goto out;
		p->q = nv;
		bool whole = item_from_row(st, &p->q[p->n]);
		p->n++;
		if (!whole) {
			snprintf(s->err, sizeof s->err, "%s", tr(MSG_ERR_OOM));
			goto out;
		}
	}
	if (rc != SQLITE_DONE) {
		store_read_fail(s, tr(MSG_EXAM_READ_QUESTIONS));
		goto out;
	}
	ok = true;
out:
	sqlite3_finalize(st);
	return ok;
}

/* Question pos of exam name alone; false when there is none (or on error). */
static bool load_item(struct store *s, const char *name, int pos, struct exam_item *q)
{
	sqlite3_stmt *st = db_prepare(s->db,
		"SELECT pos, item, qtype, code, choices, expected, also, '' FROM exam_question "
		"WHERE exam_id = ?1 AND pos = ?2");
	bool ok = false;

	memset(q, 0, sizeof *q);
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, pos);
	if (sqlite3_step(st) == SQLITE_ROW)
		ok = item_from_row(st, q);
	sqlite3_finalize(st);
	if (!ok)
		item_free(q);
	return ok;
}

/* Exam and paper; EXAM_NOT_FOUND (with s->err) when there is no such exam. */
static enum exam_rc load_paper(struct store *s, const char *name, struct exam_paper *p,
                               uint64_t *seed)
{
	bool found;

	memset(p, 0, sizeof *p);
	if (!load_info(s, name, &p->info, seed, &found))
		return EXAM_ERR;
	if (!found) {
		snprintf(s->err, sizeof s->err, tr(MSG_EXAM_NO_SUCH), name, s->db->path);
		return EXAM_NOT_FOUND;
	}
	if (!load_items(s, p)) {
		store_exam_paper_free(p);
		return EXAM_ERR;
	}
	return EXAM_OK;
}

enum exam_rc store_sql_exam_paper(struct store *s, const char *name, struct exam_paper *p)
{
	s->err[0] = '\0';
	s->denied = DENIED_NO;
	return load_paper(s, name, p, NULL);
}

/* ---- transactions ----------------------------------------------------------- */

/* Step a write statement inside the open transaction; false with rc set. */
static bool step_done(sqlite3_stmt *st, int *rc)
{
	*rc = st ? sqlite3_step(st) : SQLITE_ERROR;
	sqlite3_finalize(st);
	return *rc == SQLITE_DONE;
}

/* End a failed write: roll back and say why. */
static enum exam_rc write_failed(struct store *s, const char *what, int rc)
{
	if (s->db->gone)
		store_write_fail(s, what, rc);
	else if (rc == SQLITE_ERROR && !sqlite3_get_autocommit(s->db->h) && s->db->err[0])
		store_could_not(s, what, s->db->err);
	else
		store_write_fail(s, what, rc ? rc : sqlite3_extended_errcode(s->db->h));
	db_rollback(s->db);
	return EXAM_ERR;
}

static bool begin(struct store *s, const char *what, int *rc)
{
	if (s->db->readonly) {
		store_write_fail(s, what, SQLITE_READONLY);
		*rc = SQLITE_READONLY;
		return false;
	}
	if (!db_same_file(s->db)) {     /* deleted or replaced: write nothing */
		store_write_fail(s, what, SQLITE_OK);
		*rc = SQLITE_OK;
		return false;
	}
	if (!db_begin(s->db)) {
		*rc = sqlite3_extended_errcode(s->db->h);
		store_write_fail(s, what, *rc);
		return false;
	}
	return true;
}

static bool commit(struct store *s, int *rc)
{
	/* The path must still name the file, or an answer would be "saved"
	 * into a deleted one. */
	if (!db_same_file(s->db)) {
		*rc = SQLITE_OK;
		return false;
	}
	if (!db_commit(s->db)) {
		*rc = sqlite3_extended_errcode(s->db->h);
		return false;
	}
	return true;
}

/* ---- making exams ----------------------------------------------------------- */

static bool insert_items(struct store *s, const char *name, const struct exam_item *q,
                         size_t n, int *rc)
{
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *st = db_prepare(s->db,
			"INSERT INTO exam_question(exam_id, pos, item, qtype, code, choices, expected, body, also) "
			"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
		if (st) {
			sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
			sqlite3_bind_int(st, 2, (int)i);
			store_bind_text(st, 3, q[i].item);
			store_bind_text(st, 4, q[i].qtype);
			sqlite3_bind_int(st, 5, q[i].code);
			store_bind_text(st, 6, q[i].choices ? q[i].choices : "");
			store_bind_text(st, 7, q[i].expected ? q[i].expected : "");
			store_bind_text(st, 8, q[i].body ? q[i].body : "{}");
			store_bind_text(st, 9, q[i].also ? q[i].also : "");
		}
		if (!step_done(st, rc))
			return false;
	}
	return true;
}

static bool insert_exam(struct store *s, const struct exam_info *e, enum exam_kind kind,
                        uint64_t seed, size_t n, int64_t now, int *rc)
{
	sqlite3_stmt *st = db_prepare(s->db,
		"INSERT INTO exam(id, seed, count, minutes, created_at, kind, attempts, feedback,"
		" shuffle, closes_at, filters, created_by, uid, content_version) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
	if (st) {
		sqlite3_bind_text(st, 1, e->name, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)seed);
		sqlite3_bind_int(st, 3, (int)n);
		sqlite3_bind_int(st, 4, e->minutes);
		sqlite3_bind_int64(st, 5, now);
		sqlite3_bind_text(st, 6, kind == EXAM_SET ? "set" : "practice", -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 7, kind == EXAM_SET ? e->attempts : 0);
		sqlite3_bind_text(st, 8, store_exam_feedback_name(kind == EXAM_SET ? e->feedback
		                                                   : EXAM_FEEDBACK_END), -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 9, kind == EXAM_SET && e->shuffle);
		if (kind == EXAM_SET && e->closes_at)
			sqlite3_bind_int64(st, 10, e->closes_at);
		else
			sqlite3_bind_null(st, 10);
		sqlite3_bind_text(st, 11, e->filters, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 12, s->user, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 13, s->uid);
		store_bind_text(st, 14, e->content_version[0] ? e->content_version : NULL);
	}
	return step_done(st, rc);
}

enum exam_rc store_sql_exam_create(struct store *s, const struct exam_info *e, uint64_t seed,
                               const struct exam_item *q, size_t n, int64_t now)
{
	const char *what = tr(MSG_EXAM_DO_MAKE);
	struct exam_info old;
	bool found;
	int rc = SQLITE_OK;

	s->err[0] = '\0';
	s->denied = DENIED_NO;
	if (!s->teacher)
		return deny(s, DENIED_TEACHER, tr(MSG_DENY_EXAM_NEW), s->db->path);
	if (!store_exam_name_ok(e->name) || n == 0 || e->minutes < 0 || e->attempts < 0) {
		char why[320];
		snprintf(why, sizeof why, tr(MSG_EXAM_NEW_INVALID), EXAM_NAME_MAX);
		store_could_not(s, what, why);
		return EXAM_BAD_ANSWER;
	}
	if (!begin(s, what, &rc))
		return EXAM_ERR;
	if (!load_info(s, e->name, &old, NULL, &found)) {
		db_rollback(s->db);
		return EXAM_ERR;
	}
	if (found) {
		db_rollback(s->db);
		snprintf(s->err, sizeof s->err, tr(MSG_EXAM_EXISTS), e->name, s->db->path);
		return EXAM_EXISTS;
	}
	if (!insert_exam(s, e, EXAM_SET, seed, n, now, &rc) ||
	    !insert_items(s, e->name, q, n, &rc) || !commit(s, &rc))
		return write_failed(s, what, rc);
	return EXAM_OK;
}

enum exam_rc store_sql_exam_practice(struct store *s, const struct exam_info *e, uint64_t seed,
                                 const struct exam_item *q, size_t n, int64_t now)
{
	const char *what = tr(MSG_EXAM_DO_START);
	struct exam_info old;
	uint64_t old_seed = 0;
	bool found;
	int rc = SQLITE_OK, have = 0;

	s->err[0] = '\0';
	s->denied = DENIED_NO;
	if (!begin(s, what, &rc))
		return EXAM_ERR;
	if (!load_info(s, e->name, &old, &old_seed, &found)) {
		db_rollback(s->db);
		return EXAM_ERR;
	}
	if (found && (old.kind != EXAM_PRACTICE || old_seed != seed || old.minutes != e->minutes ||
	              strcmp(old.filters, e->filters))) {
		db_rollback(s->db);
		char and[192] = "", why[400];
		if (old.filters[0])
			snprintf(and, sizeof and, tr(MSG_EXAM_MISMATCH_AND), old.filters);
		snprintf(why, sizeof why, tr(MSG_EXAM_MISMATCH), e->name, old.minutes, and);
		store_could_not(s, what, why);
		return EXAM_MISMATCH;
	}
	if (found) {
		/* A practice run from schema 2 has no stored paper yet. */
		sqlite3_stmt *st = db_prepare(s->db, "SELECT count(*) FROM exam_question WHERE exam_id = ?1");
		if (st) {
			sqlite3_bind_text(st, 1, e->name, -1, SQLITE_STATIC);
			if (sqlite3_step(st) == SQLITE_ROW)
				have = sqlite3_column_int(st, 0);
		}
		sqlite3_finalize(st);
	} else if (!insert_exam(s, e, EXAM_PRACTICE, seed, n, now, &rc)) {
		return write_failed(s, what, rc);
	}
	if ((!have && !insert_items(s, e->name, q, n, &rc)) || !commit(s, &rc))
		return write_failed(s, what, rc);
	return EXAM_OK;
}

/* ---- attempts ----------------------------------------------------------------- */

void store_exam_attempt_free(struct exam_attempt *a)
{
	if (a->given)
		for (size_t i = 0; i < a->n; i++)
			free(a->given[i]);
	free(a->given);
	free(a->right);
	a->given = NULL;
	a->right = NULL;
}

enum { SA_ID, SA_ATTEMPT, SA_SEED, SA_STARTED, SA_DEADLINE, SA_ENDED, SA_REASON, SA_PROFILE,
       SA_UID, SA_EXAM };
#define ATTEMPT_COLS "s.id, s.attempt, s.seed, s.started_at, s.deadline_at, s.ended_at, " \
                     "s.end_reason, s.profile_id, s.uid, s.exam_id"

static enum attempt_state reason_state(const char *r)
{
	if (r && !strcmp(r, "time"))
		return ATTEMPT_TIME;
	if (r && !strcmp(r, "closed"))
		return ATTEMPT_CLOSED;
	return ATTEMPT_FINISHED;
}

/* Fill the timing fields of a from a session row; the state is as of now,
 * so an open attempt past its end reads as ended (by time or by closing). */
static void attempt_from_row(sqlite3_stmt *st, const struct exam_info *e, int64_t now,
                             struct exam_attempt *a)
{
	a->id = sqlite3_column_int64(st, SA_ID);
	a->number = sqlite3_column_int(st, SA_ATTEMPT);
	a->shuffle_seed = (uint64_t)sqlite3_column_int64(st, SA_SEED);
	a->started_at = sqlite3_column_int64(st, SA_STARTED);
	a->deadline_at = sqlite3_column_int64(st, SA_DEADLINE);
	a->ended_at = sqlite3_column_int64(st, SA_ENDED);
	a->uid = sqlite3_column_type(st, SA_UID) == SQLITE_NULL ? STORE_ANY_UID
	                                                         : sqlite3_column_int64(st, SA_UID);
	int64_t close = exam_close_time(e), dl = a->deadline_at ? a->deadline_at : NEVER;
	int64_t end = dl < close ? dl : close;
	a->ends_at = end == NEVER ? 0 : end;
	if (a->ended_at) {
		a->state = reason_state((const char *)sqlite3_column_text(st, SA_REASON));
	} else if (end <= now) {
		a->state = dl <= close ? ATTEMPT_TIME : ATTEMPT_CLOSED;
		a->ended_at = end;
		a->ran_out = true;
	} else {
		a->state = ATTEMPT_OPEN;
	}
}

/* Whether attempt a (of this store's profile) may be used by this store's
 * uid: it is its starter's.  false with s->err and s->denied set. */
static bool attempt_mine(struct store *s, const struct exam_attempt *a, const char *exam)
{
	if (!a->id || a->uid == STORE_ANY_UID || a->uid == s->uid)
		return true;
	/* A class server's token holders have no uid: say "a class token". */
	if (a->uid < 0)
		deny(s, DENIED_OTHER_TOKEN, tr(MSG_EXAM_OTHER_TOKEN), a->number, exam, s->user);
	else
		deny(s, DENIED_OTHER_UID, tr(MSG_EXAM_OTHER_UID), a->number, exam, s->user,
		     (long long)a->uid);
	return false;
}

/* given[]/right[] from the log: the last answer per question counts. */
static bool load_answers(struct store *s, const struct exam_paper *p, struct exam_attempt *a,
                         bool with_right)
{
	sqlite3_stmt *st = db_prepare(s->db,
		"SELECT item, given, correct, uid FROM answer WHERE session_id = ?1 ORDER BY id");
	bool ok = false;
	int rc;

	a->n = p->n;
	a->given = calloc(p->n ? p->n : 1, sizeof *a->given);
	a->right = with_right ? calloc(p->n ? p->n : 1, sizeof *a->right) : NULL;
	if (!st || !a->given || (with_right && !a->right)) {
		if (!st)
			store_read_fail(s, NULL);
		else
			snprintf(s->err, sizeof s->err, "%s", tr(MSG_ERR_OOM));
		goto out;
	}
	sqlite3_bind_int64(st, 1, a->id);
	a->foreign = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *item = (const char *)sqlite3_column_text(st, 0);
		const char *given = (const char *)sqlite3_column_text(st, 1);
		/* Written by someone other than who started it (the sqlite3 shell,
		 * or a version that did not check): the teacher's report says so. */
		if (a->uid != STORE_ANY_UID && sqlite3_column_int64(st, 3) != a->uid)
			a->foreign++;
		for (size_t i = 0; item && given && i < p->n; i++) {
			if (strcmp(p->q[i].item, item))
				continue;
			char *g = strdup(given);
			if (!g) {
				snprintf(s->err, sizeof s->err, "%s", tr(MSG_ERR_OOM));
				goto out;
			}
			free(a->given[i]);
			a->given[i] = g;
			if (a->right)
				a->right[i] = sqlite3_column_int(st, 2) != 0;
			break;
		}
	}
	if (rc != SQLITE_DONE) {
		store_read_fail(s, tr(MSG_EXAM_READ_ANSWERS));
		goto out;
	}
	a->answered = 0;
	a->score = 0;
	for (size_t i = 0; i < p->n; i++) {
		a->answered += a->given[i] != NULL;
		a->score += a->right && a->given[i] && a->right[i];
	}
	ok = true;
out:
	sqlite3_finalize(st);
	return ok;
}

/* What the learner may know about an ended attempt, as of now. */
static void attempt_release(const struct exam_info *e, int64_t now, struct exam_attempt *a)
{
	bool ended = a->state != ATTEMPT_OPEN;
	a->score_known = ended;
	a->released = ended && (e->feedback == EXAM_FEEDBACK_END ||
	                        (e->feedback == EXAM_FEEDBACK_CLOSED && exam_is_closed(e, now)));
}

/* others: attempts at the exam this uid started under other names. */
static void attempts_left(const struct exam_info *e, int64_t now, int others,
                          struct exam_attempt *a)
{
	int used = a->attempts_used + others;
	if (exam_is_closed(e, now))
		a->attempts_left = 0;
	else if (e->attempts == 0)
		a->attempts_left = -1;
	else
		a->attempts_left = e->attempts > used ? e->attempts - used : 0;
}

/* Whether the attempts allowed at e are counted per account (uid) rather
 * than per name: a name is whatever --user says, so one account must not
 * sit an exam again under a name it made up.  Not for a token (no uid) nor
 * for a teacher, who can change the file anyway and may try a paper out. */
static bool counted_by_uid(const struct store *s, const struct exam_info *e)
{
	return e->kind == EXAM_SET && e->attempts > 0 && s->uid >= 0 && !exam_teacher(s, e);
}

/* Attempts at e started from this store's uid under other names than its
 * own; with names, those names too (a list in the current language,
 * scrubbed, "…" when they do not fit).  -1 on a database error (s->err set). */
static int uid_attempts_elsewhere(struct store *s, const struct exam_info *e, char *names,
                                  size_t cap)
{
	sqlite3_stmt *st = db_prepare(s->db,
		"SELECT p.name, count(*) FROM session x JOIN profile p ON p.id = x.profile_id "
		"WHERE x.exam_id = ?1 AND x.uid = ?2 AND x.profile_id <> ?3 AND x.attempt IS NOT NULL "
		"GROUP BY x.profile_id ORDER BY min(x.id)");
	int n = 0, rc;
	size_t len = 0;

	if (names && cap)
		names[0] = '\0';
	if (!st) {
		store_read_fail(s, NULL);
		return -1;
	}
	sqlite3_bind_text(st, 1, e->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, s->uid);
	sqlite3_bind_int64(st, 3, s->profile);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		n += sqlite3_column_int(st, 1);
		if (!names || len + 1 >= cap)
			continue;
		/* Names come from whoever could write the file: shown scrubbed. */
		const char *nm = (const char *)sqlite3_column_text(st, 0);
		char *clean = text_clean(nm ? nm : "", nm ? strlen(nm) : 0, false);
		int w = snprintf(names + len, cap - len, "%s%s", len ? tr(MSG_LIST_SEP) : "",
		                 clean ? clean : "?");
		free(clean);
		if (w < 0 || (size_t)w >= cap - len) {
			/* Cut at a whole character and say so. */
			size_t keep = cap > 4 ? cap - 4 : 0;
			while (keep > 0 && ((unsigned char)names[keep] & 0xC0) == 0x80)
				keep--;
			snprintf(names + keep, cap - keep, "…");
			len = cap;
		} else {
			len += (size_t)w;
		}
	}
	if (rc != SQLITE_DONE) {
		store_read_fail(s, tr(MSG_EXAM_READ_YOURS));
		n = -1;
	}
	sqlite3_finalize(st);
	return n;
}

/* This learner's latest attempt row (a->id = 0 when none) and the count. */
static bool latest_attempt(struct store *s, const struct exam_info *e, int64_t now,
                           struct exam_attempt *a)
{
	sqlite3_stmt *st = db_prepare(s->db,
		"SELECT " ATTEMPT_COLS ", (SELECT count(*) FROM session c WHERE c.exam_id = s.exam_id"
		"  AND c.profile_id = s.profile_id AND c.attempt IS NOT NULL) "
		"FROM session s WHERE s.exam_id = ?1 AND s.profile_id = ?2 AND s.attempt IS NOT NULL "
		"ORDER BY s.attempt DESC LIMIT 1");
	bool ok = false;
	int rc;

	memset(a, 0, sizeof *a);
	if (!st) {
		store_read_fail(s, NULL);
		return false;
	}
	sqlite3_bind_text(st, 1, e->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, s->profile);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		attempt_from_row(st, e, now, a);
		a->attempts_used = sqlite3_column_int(st, SA_EXAM + 1);
	} else if (rc != SQLITE_DONE) {
		store_read_fail(s, tr(MSG_EXAM_READ_YOURS));
		goto out;
	}
	int others = counted_by_uid(s, e) ? uid_attempts_elsewhere(s, e, NULL, 0) : 0;
	if (others < 0)
		goto out;
	attempts_left(e, now, others, a);
	ok = true;
out:
	sqlite3_finalize(st);
	return ok;
}

/* Write the end of an attempt that ran out (state and ended_at already set
 * by attempt_from_row), inside the caller's transaction. */
static bool write_end(struct store *s, const struct exam_attempt *a, int *rc)
{
	static const char *const reasons[] = { "finished", "finished", "time", "closed" };
	sqlite3_stmt *st = db_prepare(s->db,
		"UPDATE session SET ended_at = ?1, end_reason = ?2 WHERE id = ?3 AND ended_at IS NULL");
	if (st) {
		sqlite3_bind_int64(st, 1, a->ended_at);
		sqlite3_bind_text(st, 2, reasons[a->state], -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, a->id);
	}
	return step_done(st, rc);
}

/* Close an exam whose set time has passed, inside the caller's transaction. */
static bool write_closed(struct store *s, const struct exam_info *e, int64_t now, int *rc)
{
	if (e->closed_at || !e->closes_at || e->closes_at > now)
		return true;
	sqlite3_stmt *st = db_prepare(s->db,
		"UPDATE exam SET closed_at = closes_at WHERE id = ?1 AND closed_at IS NULL");
	if (st)
		sqlite3_bind_text(st, 1, e->name, -1, SQLITE_STATIC);
	return step_done(st, rc);
}

/* An attempt from before uids were kept, with nothing in it to tell: the
 * first uid to come back to it takes it, inside the caller's transaction. */
static bool claim(struct store *s, struct exam_attempt *a, int *rc)
{
	sqlite3_stmt *st = db_prepare(s->db, "UPDATE session SET uid = ?1 WHERE id = ?2 AND uid IS NULL");
	if (st) {
		sqlite3_bind_int64(st, 1, s->uid);
		sqlite3_bind_int64(st, 2, a->id);
	}
	a->uid = s->uid;
	return step_done(st, rc);
}

/* Finish loading a: answers, and what may be shown. */
static enum exam_rc attempt_fill(struct store *s, const struct exam_paper *p, int64_t now,
                                 struct exam_attempt *a)
{
	if (!a->id)
		return EXAM_OK;
	attempt_release(&p->info, now, a);
	if (!load_answers(s, p, a, a->score_known)) {
		store_exam_attempt_free(a);
		return EXAM_ERR;
	}
	/* The score out of N is shown at the end; which ones were right only
	 * when the results are released. */
	if (!a->released) {
		free(a->right);
		a->right = NULL;
	}
	return EXAM_OK;
}

/* Open a write transaction, load paper and latest attempt, and write any
 * end that time or closing has brought.  On EXAM_OK the transaction is open. */
static enum exam_rc attempt_locked(struct store *s, const char *name, int64_t now,
                                   const char *what, struct exam_paper *p,
                                   struct exam_attempt *a, bool *ran_out, int *rc)
{
	enum exam_rc r;

	if (!begin(s, what, rc))
		return EXAM_ERR;
	if ((r = load_paper(s, name, p, NULL)) != EXAM_OK) {
		db_rollback(s->db);
		return r;
	}
	if (!latest_attempt(s, &p->info, now, a)) {
		db_rollback(s->db);
		store_exam_paper_free(p);
		return EXAM_ERR;
	}
	if (!attempt_mine(s, a, name)) {
		db_rollback(s->db);
		store_exam_paper_free(p);
		memset(a, 0, sizeof *a);
		return EXAM_FORBIDDEN;
	}
	*ran_out = a->id && a->state != ATTEMPT_OPEN && a->ran_out;
	if (!write_closed(s, &p->info, now, rc) || (*ran_out && !write_end(s, a, rc)) ||
	    (a->id && a->uid == STORE_ANY_UID && !claim(s, a, rc))) {
		store_exam_paper_free(p);
		return write_failed(s, what, *rc);
	}
	return EXAM_OK;
}

enum exam_rc store_sql_exam_attempt(struct store *s, const char *name, int64_t now,
                                struct exam_attempt *a)
{
	struct exam_paper p;
	enum exam_rc r;
	int rc = SQLITE_OK;

	s->err[0] = '\0';
	s->denied = DENIED_NO;
	memset(a, 0, sizeof *a);
	if (s->db->readonly) {
		/* Looking is allowed; nothing is written. */
		if ((r = load_paper(s, name, &p, NULL)) != EXAM_OK)
			return r;
		if (!latest_attempt(s, &p.info, now, a))
			r = EXAM_ERR;
		else if (!attempt_mine(s, a, name))
			r = EXAM_FORBIDDEN, memset(a, 0, sizeof *a);
		else
			r = attempt_fill(s, &p, now, a);
		store_exam_paper_free(&p);
		return r;
	}
	bool ran_out;
	if ((r = attempt_locked(s, name, now, tr(MSG_EXAM_DO_OPEN), &p, a, &ran_out, &rc)) != EXAM_OK)
		return r;
	if (!commit(s, &rc)) {
		store_exam_paper_free(&p);
		return write_failed(s, tr(MSG_EXAM_DO_OPEN), rc);
	}
	r = attempt_fill(s, &p, now, a);
	store_exam_paper_free(&p);
	return r;
}

/* The shuffle seed of a new attempt: different per learner and attempt. */
static uint64_t attempt_seed(const struct store *s, int number)
{
	uint64_t h = 1469598103934665603ULL;          /* FNV-1a of the profile name */
	for (const unsigned char *p = (const unsigned char *)s->user; *p; p++)
		h = (h ^ *p) * 1099511628211ULL;
	return clock_seed() ^ h ^ (uint64_t)(unsigned)number * 0x9E3779B97F4A7C15ULL;
}

enum exam_rc store_sql_exam_start(struct store *s, const char *name, int64_t now,
                              struct exam_attempt *a)
{
	const char *what = tr(MSG_EXAM_DO_START);
	struct exam_paper p;
	enum exam_rc r;
	int rc = SQLITE_OK;
	bool ran_out = false;
	char when[32];

	s->err[0] = '\0';
	s->denied = DENIED_NO;
	if ((r = attempt_locked(s, name, now, what, &p, a, &ran_out, &rc)) != EXAM_OK)
		return r;
	if (a->id && a->state == ATTEMPT_OPEN) {
		r = EXAM_OK;                    /* a second start resumes */
	} else if (ran_out) {
		/* It was open until now: show how it ended, never start another
		 * behind the learner's back. */
		r = a->state == ATTEMPT_TIME ? EXAM_TIME_UP : EXAM_CLOSED;
		snprintf(s->err, sizeof s->err, "%s",
		         tr(a->state == ATTEMPT_TIME ? MSG_EXAM_ATTEMPT_OVER : MSG_EXAM_HAS_CLOSED));
	} else if (exam_is_closed(&p.info, now)) {
		clock_local_str(exam_close_time(&p.info), "%Y-%m-%d %H:%M", "?", when, sizeof when);
		snprintf(s->err, sizeof s->err, tr(MSG_EXAM_CLOSED_ON), p.info.name, when);
		r = EXAM_CLOSED;
	} else if (a->attempts_left == 0 && a->attempts_used < p.info.attempts &&
	           counted_by_uid(s, &p.info)) {
		/* This account used them under other names (--user): they count. */
		char names[200];
		if (uid_attempts_elsewhere(s, &p.info, names, sizeof names) < 0) {
			store_exam_paper_free(&p);
			db_rollback(s->db);
			return EXAM_ERR;
		}
		snprintf(s->err, sizeof s->err, tr(MSG_EXAM_USED_BY_UID), p.info.name,
		         p.info.attempts, (long long)s->uid, names);
		r = EXAM_NO_ATTEMPTS;
	} else if (a->attempts_left == 0) {
		if (p.info.attempts == 1)
			snprintf(s->err, sizeof s->err, tr(MSG_EXAM_USED_ONE), p.info.name);
		else
			snprintf(s->err, sizeof s->err, tr(MSG_EXAM_USED_ALL), p.info.attempts, p.info.name);
		r = EXAM_NO_ATTEMPTS;
	} else if (s->foreign_name && p.info.kind == EXAM_SET) {
		/* It would take that student's attempt before they come. */
		r = deny(s, DENIED_LOGIN_NAME, tr(MSG_EXAM_FOREIGN_LOGIN), s->user, p.info.name);
	} else {
		int number = a->attempts_used + 1;
		sqlite3_stmt *st = db_prepare(s->db,
			"INSERT INTO session(profile_id, kind, seed, content_version, started_at, exam_id,"
			" attempt, deadline_at, uid) VALUES (?1, 'exam', ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
		if (st) {
			sqlite3_bind_int64(st, 1, s->profile);
			sqlite3_bind_int64(st, 2, (sqlite3_int64)attempt_seed(s, number));
			store_bind_text(st, 3, p.info.content_version[0] ? p.info.content_version : NULL);
			sqlite3_bind_int64(st, 4, now);
			sqlite3_bind_text(st, 5, p.info.name, -1, SQLITE_STATIC);
			sqlite3_bind_int(st, 6, number);
			if (p.info.minutes > 0)
				sqlite3_bind_int64(st, 7, now + 60LL * p.info.minutes);
			else
				sqlite3_bind_null(st, 7);
			sqlite3_bind_int64(st, 8, s->uid);
		}
		if (!step_done(st, &rc) || !latest_attempt(s, &p.info, now, a)) {
			store_exam_paper_free(&p);
			return write_failed(s, what, rc);
		}
	}
	/* Commit what time or closing ended, and the new attempt if any. */
	if (!commit(s, &rc)) {
		store_exam_paper_free(&p);
		return write_failed(s, what, rc);
	}
	if ((r == EXAM_CLOSED && !ran_out) || r == EXAM_NO_ATTEMPTS || r == EXAM_FORBIDDEN)
		memset(a, 0, sizeof *a);
	else if (attempt_fill(s, &p, now, a) != EXAM_OK)
		r = EXAM_ERR;
	store_exam_paper_free(&p);
	return r;
}

/* The attempt with this id if it is this learner's: the exam (with its
 * questions when items) and the state as of now.  EXAM_NOT_FOUND when there
 * is none, EXAM_FORBIDDEN when it is another learner's, or another uid
 * started it.  Inside the caller's transaction. */
static enum exam_rc attempt_by_id(struct store *s, int64_t id, int64_t now, bool items,
                                  struct exam_paper *p, struct exam_attempt *a)
{
	sqlite3_stmt *st = db_prepare(s->db,
		"SELECT " ATTEMPT_COLS " FROM session s WHERE s.id = ?1 AND s.attempt IS NOT NULL");
	char name[sizeof p->info.name] = "";
	enum exam_rc r = EXAM_ERR;
	int rc;

	memset(a, 0, sizeof *a);
	memset(p, 0, sizeof *p);
	if (!st) {
		store_read_fail(s, NULL);
		return EXAM_ERR;
	}
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_int64(st, SA_PROFILE) != s->profile) {
		r = deny(s, DENIED_OTHER_UID, tr(MSG_EXAM_NOT_YOURS), (long long)id);
	} else if (rc == SQLITE_ROW) {
		store_copy(name, sizeof name, sqlite3_column_text(st, SA_EXAM));
		bool found = false;
		if (items)
			r = load_paper(s, name, p, NULL);
		else
			r = load_info(s, name, &p->info, NULL, &found) ? EXAM_OK : EXAM_ERR;
		if (r == EXAM_OK)
			attempt_from_row(st, &p->info, now, a);
		if (r == EXAM_OK && !attempt_mine(s, a, name)) {
			store_exam_paper_free(p);
			memset(a, 0, sizeof *a);
			r = EXAM_FORBIDDEN;
		}
	} else if (rc == SQLITE_DONE) {
		snprintf(s->err, sizeof s->err, "%s", tr(MSG_EXAM_NO_ATTEMPT));
		r = EXAM_NOT_FOUND;
	} else {
		store_read_fail(s, tr(MSG_EXAM_READ_ATTEMPT));
	}
	sqlite3_finalize(st);
	return r;
}

/* Whether code text c is in the comma-separated list. */
static bool in_list(const char *list, const char *c)
{
	size_t len = strlen(c);
	for (const char *p = list; p && *p;) {
		size_t k = strcspn(p, ",");
		if (k == len && !strncmp(p, c, k))
			return true;
		p += k + (p[k] == ',');
	}
	return false;
}

/* An answer the paper can take: a real code, or one of the choices shown.
 * *canon gets the spelling to log (a header name as the paper has it). */
static bool answer_fits(const struct exam_item *q, const char *given, char *canon, size_t n)
{
	size_t len = strlen(given);
	bool header = !strcmp(q->qtype, "header");

	if (!strcmp(q->qtype, "pick") || !strcmp(q->qtype, "type")) {
		if (!model_code_text(given))
			return false;
		snprintf(canon, n, "%s", given);
		return true;
	}
	/* meaning and header: one of the comma-separated choices */
	for (const char *c = q->choices; *c;) {
		size_t k = strcspn(c, ",");
		if (k == len && (header ? !strncasecmp(c, given, k) : !strncmp(c, given, k))) {
			snprintf(canon, n, "%.*s", (int)k, c);
			return true;
		}
		c += k + (c[k] == ',');
	}
	return false;
}

enum exam_rc store_sql_exam_answer(struct store *s, int64_t attempt, int pos, const char *given,
                               const char *shown, int64_t ms, int64_t now,
                               const char *content_version)
{
	const char *what = tr(MSG_STORE_DO_SAVE);
	struct exam_paper p;
	struct exam_attempt a;
	enum exam_rc r;
	int rc = SQLITE_OK;
	char canon[64];

	s->err[0] = '\0';
	s->denied = DENIED_NO;
	if (!begin(s, what, &rc))
		return EXAM_ERR;
	/* Inside the write lock: read only what this answer needs. */
	if ((r = attempt_by_id(s, attempt, now, false, &p, &a)) != EXAM_OK) {
		db_rollback(s->db);
		return r;
	}
	struct exam_item one = { 0 };
	bool have = pos >= 0 && load_item(s, p.info.name, pos, &one);
	if (a.state != ATTEMPT_OPEN && !a.ran_out) {
		snprintf(s->err, sizeof s->err, "%s", tr(MSG_EXAM_ANSWERS_FINAL));
		r = EXAM_ENDED;
	} else if (a.ran_out) {
		/* Past the end: the answer does not count; the attempt ends here. */
		if (!write_end(s, &a, &rc) || !write_closed(s, &p.info, now, &rc)) {
			item_free(&one);
			return write_failed(s, what, rc);
		}
		snprintf(s->err, sizeof s->err, "%s",
		         tr(a.state == ATTEMPT_TIME ? MSG_EXAM_LATE_TIME : MSG_EXAM_LATE_CLOSED));
		r = a.state == ATTEMPT_TIME ? EXAM_TIME_UP : EXAM_CLOSED;
	} else if (!have || !given || !answer_fits(&one, given, canon, sizeof canon)) {
		char why[160];
		/* The API's pos counts from 0: say which there are. */
		if (!have && p.info.count > 0 && (pos < 0 || pos >= p.info.count))
			snprintf(why, sizeof why, tr(MSG_EXAM_NO_SUCH_POS), p.info.count, p.info.count - 1);
		else
			snprintf(why, sizeof why, tr(MSG_EXAM_NOT_AN_ANSWER), pos + 1);
		store_could_not(s, what, why);
		r = EXAM_BAD_ANSWER;
	} else {
		const struct exam_item *q = &one;
		bool header = !strcmp(q->qtype, "header");
		struct answer_rec rec = {
			.session = attempt, .item = q->item, .qtype = q->qtype,
			.shown = shown && *shown ? shown : q->choices, .given = canon,
			.expected = q->expected, .code = q->code,
			/* right: the expected answer, or a code the scenario also accepts */
			.correct = header ? !strcasecmp(canon, q->expected)
			                  : !strcmp(canon, q->expected) || in_list(q->also, canon),
			.ms = ms, .at = now, .content_version = content_version,
		};
		if (!store_answer_insert(s, &rec, &rc)) {
			item_free(&one);
			store_exam_paper_free(&p);
			if (rc == SQLITE_MISUSE) {   /* incomplete: s->err says so */
				db_rollback(s->db);
				return EXAM_ERR;
			}
			return write_failed(s, what, rc);
		}
	}
	item_free(&one);
	store_exam_paper_free(&p);
	if (r != EXAM_OK && r != EXAM_TIME_UP && r != EXAM_CLOSED) {
		db_rollback(s->db);
		return r;
	}
	if (!commit(s, &rc))
		return write_failed(s, what, rc);
	return r;
}

enum exam_rc store_sql_exam_finish(struct store *s, int64_t attempt, int64_t now)
{
	const char *what = tr(MSG_EXAM_DO_HAND_IN);
	struct exam_paper p;
	struct exam_attempt a;
	enum exam_rc r;
	int rc = SQLITE_OK;

	s->err[0] = '\0';
	s->denied = DENIED_NO;
	if (!begin(s, what, &rc))
		return EXAM_ERR;
	if ((r = attempt_by_id(s, attempt, now, false, &p, &a)) != EXAM_OK) {
		db_rollback(s->db);
		return r;
	}
	if (a.state == ATTEMPT_OPEN) {
		a.state = ATTEMPT_FINISHED;
		a.ended_at = now;
	} else if (a.ran_out) {
		r = a.state == ATTEMPT_TIME ? EXAM_TIME_UP : EXAM_CLOSED;
		snprintf(s->err, sizeof s->err, "%s",
		         tr(a.state == ATTEMPT_TIME ? MSG_EXAM_TIME_BEFORE_DONE : MSG_EXAM_CLOSED_BEFORE_DONE));
	} else {
		r = EXAM_ENDED;
		snprintf(s->err, sizeof s->err, "%s", tr(MSG_EXAM_ALREADY_DONE));
	}
	bool write = r != EXAM_ENDED;
	if (write && (!write_end(s, &a, &rc) || !write_closed(s, &p.info, now, &rc))) {
		store_exam_paper_free(&p);
		return write_failed(s, what, rc);
	}
	store_exam_paper_free(&p);
	if (!commit(s, &rc))
		return write_failed(s, what, rc);
	return r;
}

enum exam_rc store_sql_exam_reload(struct store *s, int64_t attempt, int64_t now,
                               struct exam_attempt *a)
{
	struct exam_paper p;
	enum exam_rc r;

	s->err[0] = '\0';
	s->denied = DENIED_NO;
	if ((r = attempt_by_id(s, attempt, now, true, &p, a)) != EXAM_OK)
		return r;
	struct exam_attempt latest;
	if (latest_attempt(s, &p.info, now, &latest)) {
		a->attempts_used = latest.attempts_used;
		a->attempts_left = latest.attempts_left;
	}
	r = attempt_fill(s, &p, now, a);
	store_exam_paper_free(&p);
	return r;
}

enum exam_rc store_sql_exam_given(struct store *s, int64_t attempt, const struct exam_paper *p,
                                  char **given, size_t n)
{
	/* One query on the answer_session_item index; the attempt is this
	 * profile's (it was checked when it was opened, and answers carry it). */
	sqlite3_stmt *st = db_prepare(s->db,
		"SELECT item, given FROM answer WHERE session_id = ?1 AND profile_id = ?2 ORDER BY id");
	int rc;

	s->err[0] = '\0';
	s->denied = DENIED_NO;
	if (!st) {
		store_read_fail(s, NULL);
		return EXAM_ERR;
	}
	sqlite3_bind_int64(st, 1, attempt);
	sqlite3_bind_int64(st, 2, s->profile);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *item = (const char *)sqlite3_column_text(st, 0);
		const char *g = (const char *)sqlite3_column_text(st, 1);
		for (size_t i = 0; item && g && i < p->n && i < n; i++) {
			if (strcmp(p->q[i].item, item))
				continue;
			char *copy = strdup(g);
			if (!copy) {
				sqlite3_finalize(st);
				snprintf(s->err, sizeof s->err, "%s", tr(MSG_ERR_OOM));
				return EXAM_ERR;
			}
			free(given[i]);
			given[i] = copy;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_read_fail(s, tr(MSG_EXAM_READ_ANSWERS));
		return EXAM_ERR;
	}
	return EXAM_OK;
}

/* End the open attempts that time or closing has ended (of exam ?2, or of
 * every exam when ?2 is NULL), as of ?1. */
static const char end_open_sql[] =
	"UPDATE session SET"
	" end_reason = CASE WHEN deadline_at IS NOT NULL AND deadline_at <="
	"  coalesce((SELECT closed_at FROM exam e WHERE e.id = session.exam_id), ?1)"
	"  THEN 'time' ELSE 'closed' END,"
	" ended_at = min(coalesce(deadline_at, ?1),"
	"  coalesce((SELECT closed_at FROM exam e WHERE e.id = session.exam_id), ?1)) "
	"WHERE attempt IS NOT NULL AND ended_at IS NULL AND (?2 IS NULL OR exam_id = ?2)"
	" AND ((deadline_at IS NOT NULL AND deadline_at <= ?1)"
	"      OR (SELECT closed_at FROM exam e WHERE e.id = session.exam_id) IS NOT NULL)";

static bool end_open(struct store *s, const char *name, int64_t now, int *rc)
{
	sqlite3_stmt *st = db_prepare(s->db, end_open_sql);
	if (st) {
		sqlite3_bind_int64(st, 1, now);
		if (name)
			sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	}
	return step_done(st, rc);
}

enum exam_rc store_sql_exam_close(struct store *s, const char *name, int64_t when, int64_t now)
{
	const char *what = tr(MSG_EXAM_DO_CLOSE);
	struct exam_info e;
	bool found;
	int rc = SQLITE_OK;
	char at[32];

	s->err[0] = '\0';
	s->denied = DENIED_NO;
	if (!begin(s, what, &rc))
		return EXAM_ERR;
	if (!load_info(s, name, &e, NULL, &found)) {
		db_rollback(s->db);
		return EXAM_ERR;
	}
	if (!found) {
		db_rollback(s->db);
		snprintf(s->err, sizeof s->err, tr(MSG_EXAM_NO_SUCH), name, s->db->path);
		return EXAM_NOT_FOUND;
	}
	if (!exam_teacher(s, &e)) {
		db_rollback(s->db);
		return deny(s, DENIED_TEACHER, tr(MSG_DENY_EXAM_CLOSE), name, s->db->path);
	}
	if (exam_is_closed(&e, now)) {
		db_rollback(s->db);
		clock_local_str(exam_close_time(&e), "%Y-%m-%d %H:%M", "?", at, sizeof at);
		snprintf(s->err, sizeof s->err, tr(MSG_EXAM_CLOSED_ALREADY), name, at);
		return EXAM_CLOSED;
	}
	sqlite3_stmt *st = db_prepare(s->db, when > now ?
		"UPDATE exam SET closes_at = ?2 WHERE id = ?1" :
		"UPDATE exam SET closed_at = ?2, closes_at = coalesce(min(closes_at, ?2), ?2) WHERE id = ?1");
	if (st) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, when > now ? when : now);
	}
	if (!step_done(st, &rc) || (when <= now && !end_open(s, name, now, &rc)) ||
	    !commit(s, &rc))
		return write_failed(s, what, rc);
	return EXAM_OK;
}

bool store_sql_exam_sweep(struct store *s, int64_t now)
{
	sqlite3_stmt *st = db_prepare(s->db,
		"SELECT EXISTS (SELECT 1 FROM exam WHERE closed_at IS NULL AND closes_at <= ?1)"
		" OR EXISTS (SELECT 1 FROM session WHERE attempt IS NOT NULL AND ended_at IS NULL"
		"            AND deadline_at <= ?1)");
	bool due = false;
	int rc = SQLITE_OK;

	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, now);
	due = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (!due || s->db->readonly)
		return true;
	if (!begin(s, tr(MSG_EXAM_DO_SWEEP), &rc))
		return false;
	st = db_prepare(s->db, "UPDATE exam SET closed_at = closes_at "
	                "WHERE closed_at IS NULL AND closes_at <= ?1");
	if (st)
		sqlite3_bind_int64(st, 1, now);
	if (!step_done(st, &rc) || !end_open(s, NULL, now, &rc) || !commit(s, &rc)) {
		write_failed(s, tr(MSG_EXAM_DO_SWEEP), rc);
		return false;
	}
	return true;
}

bool store_sql_exam_list(struct store *s, int64_t now, struct exam_info **out, size_t *n)
{
	sqlite3_stmt *st = db_prepare(s->db,
		"SELECT " EXAM_COLS ","
		" (SELECT count(DISTINCT profile_id) FROM session s WHERE s.exam_id = e.id),"
		" (SELECT count(DISTINCT profile_id) FROM session s WHERE s.exam_id = e.id"
		"   AND s.attempt IS NOT NULL AND s.ended_at IS NULL"
		"   AND coalesce(s.deadline_at, ?1 + 1) > ?1"
		"   AND coalesce(e.closed_at, e.closes_at, ?1 + 1) > ?1) "
		"FROM exam e ORDER BY e.created_at DESC, e.id");
	struct exam_info *v = NULL;
	size_t len = 0, cap = 0;
	bool ok = false;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st) {
		store_read_fail(s, NULL);
		return false;
	}
	sqlite3_bind_int64(st, 1, now);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct exam_info *nv = store_grow(s, v, &cap, len, sizeof *v);
		if (!nv)
			goto out;
		v = nv;
		info_from_row(st, &v[len]);
		v[len].started = sqlite3_column_int(st, EI_SEED + 1);
		v[len].in_progress = sqlite3_column_int(st, EI_SEED + 2);
		v[len].finished = v[len].started - v[len].in_progress;
		len++;
	}
	if (rc != SQLITE_DONE) {
		store_read_fail(s, tr(MSG_EXAM_READ_LIST));
		goto out;
	}
	*out = v;
	*n = len;
	v = NULL;
	ok = true;
out:
	free(v);
	sqlite3_finalize(st);
	return ok;
}

void store_exam_results_free(struct exam_results *r)
{
	for (size_t i = 0; i < r->n; i++) {
		store_exam_attempt_free(&r->r[i].a);
		free(r->r[i].name);
	}
	free(r->r);
	store_exam_paper_free(&r->paper);
	memset(r, 0, sizeof *r);
}

enum exam_rc store_sql_exam_results(struct store *s, const char *name, int64_t now,
                                struct exam_results *out)
{
	sqlite3_stmt *st = NULL;
	enum exam_rc r = EXAM_ERR;
	size_t cap = 0;
	int rc;

	s->err[0] = '\0';
	s->denied = DENIED_NO;
	memset(out, 0, sizeof *out);
	/* One snapshot for the paper and every attempt; ended at once. */
	if (!db_read_begin(s->db)) {
		store_read_fail(s, NULL);
		return EXAM_ERR;
	}
	if ((r = load_paper(s, name, &out->paper, NULL)) != EXAM_OK)
		goto out;
	if (!exam_teacher(s, &out->paper.info)) {
		/* The key, the grid and everyone's rows are the teacher's. */
		r = deny(s, DENIED_TEACHER, tr(MSG_EXAM_RESULTS_OWNER), name, s->db->path, name);
		goto out;
	}
	r = EXAM_ERR;
	st = db_prepare(s->db,
		"SELECT " ATTEMPT_COLS ", p.name FROM session s JOIN profile p ON p.id = s.profile_id "
		"WHERE s.exam_id = ?1 ORDER BY p.name, coalesce(s.attempt, 0), s.id");
	if (!st) {
		store_read_fail(s, NULL);
		goto out;
	}
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct exam_result *nv = store_grow(s, out->r, &cap, out->n, sizeof *nv);
		if (!nv)
			goto out;
		out->r = nv;
		struct exam_result *x = &out->r[out->n];
		memset(x, 0, sizeof *x);
		if (!(x->name = dup_col(st, SA_EXAM + 1))) {
			snprintf(s->err, sizeof s->err, "%s", tr(MSG_ERR_OOM));
			goto out;
		}
		attempt_from_row(st, &out->paper.info, now, &x->a);
		/* Runs from before attempts were numbered count in order. */
		bool same = out->n && !strcmp(out->r[out->n - 1].name, x->name);
		if (!x->a.number)
			x->a.number = same ? out->r[out->n - 1].a.number + 1 : 1;
		if (!sqlite3_column_int(st, SA_ATTEMPT) && !x->a.ended_at)
			x->a.state = ATTEMPT_FINISHED;   /* an old run left without an end */
		out->n++;
		attempt_release(&out->paper.info, now, &x->a);
		if (!load_answers(s, &out->paper, &x->a, true))
			goto out;
	}
	if (rc != SQLITE_DONE) {
		store_read_fail(s, tr(MSG_EXAM_READ_ATTEMPTS));
		goto out;
	}
	r = EXAM_OK;
out:
	sqlite3_finalize(st);
	db_read_end(s->db);
	if (r != EXAM_OK)
		store_exam_results_free(out);
	return r;
}

bool store_sql_exam_hidden(struct store *s, int64_t now, struct exam_item_id **out, size_t *n)
{
	/* Open attempts are few: walk the index that lists them. */
	sqlite3_stmt *st = db_prepare(s->db,
		"SELECT DISTINCT q.item FROM session se INDEXED BY session_open_attempt"
		" JOIN exam e ON e.id = se.exam_id"
		" JOIN exam_question q ON q.exam_id = se.exam_id "
		"WHERE se.attempt IS NOT NULL AND se.ended_at IS NULL"
		" AND (se.profile_id = ?1 OR (?2 >= 0 AND se.uid = ?2))"
		" AND coalesce(se.deadline_at, ?3 + 1) > ?3"
		" AND coalesce(e.closed_at, e.closes_at, ?3 + 1) > ?3 "
		"ORDER BY q.item");
	struct exam_item_id *v = NULL;
	size_t len = 0, cap = 0;
	bool ok = false;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st) {
		store_read_fail(s, NULL);
		return false;
	}
	sqlite3_bind_int64(st, 1, s->profile);
	sqlite3_bind_int64(st, 2, s->uid);
	sqlite3_bind_int64(st, 3, now);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct exam_item_id *nv = store_grow(s, v, &cap, len, sizeof *v);
		if (!nv)
			goto out;
		v = nv;
		store_copy(v[len++].item, sizeof v->item, sqlite3_column_text(st, 0));
	}
	if (rc != SQLITE_DONE) {
		store_read_fail(s, tr(MSG_EXAM_READ_SITTING));
		goto out;
	}
	*out = v;
	*n = len;
	v = NULL;
	ok = true;
out:
	free(v);
	sqlite3_finalize(st);
	return ok;
}
