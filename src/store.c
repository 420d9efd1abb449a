/* store.c — the queries over the learner database: profiles, sessions, the
 * append-only answer log, chapter visits, and what is derived from them
 * (review state, mistakes, progress, export). */
#include "store.h"
#include "clock.h"
#include "i18n.h"
#include "store_confusion.h"
#include "store_exam.h"
#include "store_int.h"
#include "text.h"

#include <pwd.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define STORE_NAME_MAX 64       /* bytes in a profile name */

static void store_oom(struct store *s)
{
	snprintf(s->err, sizeof s->err, "%s", tr(MSG_ERR_OOM));
}

/* A read failed: record sqlite's words (with the path) for the caller. */
void store_read_fail(struct store *s, const char *what)
{
	if (what)
		db_fail(s->db, what);
	snprintf(s->err, sizeof s->err, "%s", s->db->err);
}

/* Turn a failed write into a sentence a learner can act on.  `what` is the
 * action, e.g. tr(MSG_STORE_DO_SAVE).  Uses the rc of the last sqlite call;
 * SQLite's own words follow for whoever fixes it. */
void store_write_fail(struct store *s, const char *what, int rc)
{
	char could[160];
	snprintf(could, sizeof could, tr(MSG_STORE_COULD_NOT), what);
	if (s->db->gone) {
		snprintf(s->err, sizeof s->err, tr(MSG_ERR_WHAT_WHY), could, s->db->err);
		s->why = tr(MSG_DB_GONE_SHORT);
		return;
	}
	const char *why = s->why = db_why(s->db, rc);
	size_t k = (size_t)snprintf(s->err, sizeof s->err, tr(MSG_ERR_WHAT_WHY), could, why);
	/* The path, and SQLite's words when the reason is not enough. */
	bool enough = db_why_enough(why) || ((rc & 0xff) == SQLITE_READONLY && s->db->readonly);
	if (k < sizeof s->err)
		snprintf(s->err + k, sizeof s->err - k, tr(enough ? MSG_ERR_DETAIL_PATH : MSG_ERR_DETAIL_SQLITE),
		         s->db->path, sqlite3_errmsg(s->db->h));
}

void store_could_not(struct store *s, const char *what, const char *why)
{
	char could[160];
	snprintf(could, sizeof could, tr(MSG_STORE_COULD_NOT), what);
	snprintf(s->err, sizeof s->err, tr(MSG_ERR_WHAT_WHY), could, why);
}

/* "could not <what>: <why>" into s->err, for a failure without an rc. */
void store_write_fail_why(struct store *s, const char *what, const char *why)
{
	store_could_not(s, what, why);
	s->why = why;
}

/* Run body(s, ctx, &rc) in its own BEGIN IMMEDIATE transaction and commit.
 * On failure everything is rolled back and s->err says what failed. */
static bool store_txn(struct store *s, const char *what,
                      bool (*body)(struct store *s, void *ctx, int *rc), void *ctx)
{
	int rc = SQLITE_OK;

	if (s->db->readonly) {      /* say it plainly, without touching the file */
		store_write_fail(s, what, SQLITE_READONLY);
		return false;
	}
	if (!db_same_file(s->db)) {  /* gone before: do not even start */
		store_write_fail(s, what, SQLITE_OK);
		return false;
	}
	if (!db_begin(s->db)) {
		rc = sqlite3_extended_errcode(s->db->h);
		goto fail;
	}
	if (!body(s, ctx, &rc))
		goto fail;
	/* Last step before COMMIT: the path must still name the file, or the
	 * answer would be "saved" into a deleted one. */
	if (!db_same_file(s->db))
		goto fail;
	if (!db_commit(s->db)) {
		rc = sqlite3_extended_errcode(s->db->h);
		goto fail;
	}
	return true;
fail:
	if (rc != SQLITE_MISUSE)     /* an incomplete answer already said why */
		store_write_fail(s, what, rc);
	db_rollback(s->db);
	return false;
}

struct step1 {
	sqlite3_stmt *st;
	int64_t id;
};

static bool step1_body(struct store *s, void *ctx, int *rc)
{
	struct step1 *w = ctx;
	*rc = sqlite3_step(w->st);
	if (*rc != SQLITE_DONE)
		return false;
	w->id = sqlite3_last_insert_rowid(s->db->h);
	return true;
}

/* Run one prepared write statement in its own transaction; finalizes st. */
static bool store_write1(struct store *s, sqlite3_stmt *st, const char *what,
                         int64_t *rowid)
{
	struct step1 w = { st, 0 };
	bool ok;

	if (!st && !s->db->readonly) {
		store_write_fail_why(s, what, s->db->err);
		return false;
	}
	ok = store_txn(s, what, step1_body, &w);
	/* Only a committed row has an id: a session whose COMMIT failed (disk
	 * full) is not there for answers to point to. */
	if (ok && rowid)
		*rowid = w.id;
	sqlite3_finalize(st);
	return ok;
}

/* Why name cannot be a profile name, framed by frame (NAME_BAD: the why,
 * the limit; ROSTER_NAME_BAD: the name, the why, the limit); NULL when fine. */
static const char *name_problem(const char *name, enum msg frame, char *buf, size_t n)
{
	size_t len = strlen(name), bad;
	enum text_unsafe kind;
	char why[80];

	if (len == 0 || len > STORE_NAME_MAX) {
		snprintf(why, sizeof why, "%s", tr(len ? MSG_NAME_TOO_LONG : MSG_NAME_EMPTY));
	} else if (!text_valid_utf8(name, len, &bad)) {
		snprintf(why, sizeof why, tr(MSG_NAME_NOT_UTF8), bad + 1);
	} else if ((bad = text_find_unsafe(name, len, false, &kind)) != (size_t)-1) {
		wchar_t wc;
		text_decode(name + bad, len - bad, &wc);
		snprintf(why, sizeof why, tr(MSG_NAME_UNSAFE),
		         tr(kind == TEXT_CONTROL ? MSG_NAME_CONTROL :
		            kind == TEXT_BIDI ? MSG_NAME_BIDI : MSG_NAME_INVISIBLE),
		         (unsigned long)wc, bad + 1);
	} else if (name[0] == ' ' || name[len - 1] == ' ') {
		snprintf(why, sizeof why, "%s", tr(MSG_NAME_SPACE));
	} else {
		return NULL;
	}
	if (frame == MSG_ROSTER_NAME_BAD)
		snprintf(buf, n, tr(MSG_ROSTER_NAME_BAD), name, why, STORE_NAME_MAX);
	else
		snprintf(buf, n, tr(MSG_NAME_BAD), why, STORE_NAME_MAX);
	return buf;
}

const char *store_name_problem(const char *name, char *buf, size_t n)
{
	return name_problem(name, MSG_NAME_BAD, buf, n);
}

const char *store_roster_name_problem(const char *name, char *buf, size_t n)
{
	return name_problem(name, MSG_ROSTER_NAME_BAD, buf, n);
}

/* Look up the profile id; 0 when it does not exist.  false on SQL error. */
static bool store_profile_find(struct store *s, int64_t *id)
{
	/* Naming the answer log here makes a file without one fail at once:
	 * most reads go to the tables derived from it, which could outlive it. */
	sqlite3_stmt *st = db_prepare(s->db, "SELECT id, EXISTS (SELECT 1 FROM answer WHERE 0) "
	                              "FROM profile WHERE name = ?1");
	bool ok = false;
	int rc;

	if (!st) {
		store_read_fail(s, NULL);
		goto out;
	}
	sqlite3_bind_text(st, 1, s->user, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else if (rc == SQLITE_DONE)
		*id = 0;
	else {
		store_read_fail(s, tr(MSG_STORE_READ_PROFILES));
		goto out;
	}
	ok = true;
out:
	sqlite3_finalize(st);
	return ok;
}

/* A new store for user on db: the profile is found, or made when the
 * database may be written.  NULL with err set on failure (db is then left
 * to the caller). */
static struct store *store_sql_new(struct db *db, const char *user, int64_t uid, bool teacher,
                                   char *err, size_t errsz)
{
	struct store *s = calloc(1, sizeof *s);
	sqlite3_stmt *st;

	if (!s || !(s->user = strdup(user))) {
		snprintf(err, errsz, "%s", tr(MSG_ERR_OOM));
		goto fail;
	}
	s->ops = &store_sql_ops;
	s->db = db;
	s->uid = uid;
	s->teacher = teacher;
	if (!store_profile_find(s, &s->profile)) {
		snprintf(err, errsz, "%s", s->err);
		goto fail;
	}
	/* A read-only look at someone who never answered shows nothing (id 0). */
	if (s->profile == 0 && !s->db->readonly) {
		st = db_prepare(s->db, "INSERT INTO profile(name, created_at) VALUES (?1, ?2) "
		                "ON CONFLICT(name) DO NOTHING");
		if (st) {
			sqlite3_bind_text(st, 1, s->user, -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 2, (sqlite3_int64)time(NULL));
		}
		if (!store_write1(s, st, tr(MSG_STORE_DO_PROFILE), NULL) ||
		    !store_profile_find(s, &s->profile)) {
			snprintf(err, errsz, "%s", s->err);
			goto fail;
		}
	}
	return s;
fail:
	if (s)
		free(s->user);
	free(s);
	return NULL;
}

struct store *store_sql_open(const char *path, const char *user, bool readonly,
                             char *err, size_t errsz)
{
	struct store *s = NULL;
	char *defpath = NULL;
	struct db *db;

	if (!user) {
		struct passwd *pw = getpwuid(getuid());

		user = pw && pw->pw_name ? pw->pw_name : "learner";
	}
	if (store_name_problem(user, err, errsz))
		return NULL;
	if (!path && !(path = defpath = db_default_path())) {
		snprintf(err, errsz, "%s", tr(MSG_DB_NO_PLACE));
		return NULL;
	}
	db = db_open(path, readonly, err, errsz);
	free(defpath);
	if (!db)
		return NULL;
	/* Opening the file ourselves: who asks is this process's uid, and the
	 * teacher is whoever owns the file (class init makes it the teacher's)
	 * or root. */
	uid_t me = getuid();
	struct stat fst;
	bool owner = db->fd < 0 || (fstat(db->fd, &fst) == 0 && fst.st_uid == me);
	if (!(s = store_sql_new(db, user, (int64_t)me, me == 0 || owner, err, errsz))) {
		db_close(db);
		return NULL;
	}
	/* --user with another account's login: that account's attempts and
	 * exams are not this one's to take. */
	struct passwd *other = getpwnam(s->user);
	s->foreign_name = other && other->pw_uid != me;
	s->owns_db = true;
	/* Attempts whose time is over end now, so they count as they should. */
	if (!s->db->readonly)
		store_sql_exam_sweep(s, clock_now());
	return s;
}

struct store *store_sql_attach(struct db *db, const char *user, int64_t uid, bool teacher,
                               char *err, size_t errsz)
{
	if (store_name_problem(user, err, errsz))
		return NULL;
	return store_sql_new(db, user, uid, teacher, err, errsz);
}

void store_sql_close(struct store *s)
{
	if (!s)
		return;
	sqlite3_finalize(s->touch);
	store_tally_free(s);
	if (s->owns_db)
		db_close(s->db);
	free(s->user);
	free(s);
}

bool store_sql_gone(struct store *s)
{
	return s->db->gone;
}

/* SQLite's cache pages go back to malloc (read again from the OS's cache
 * when next needed, or dropped anyway once another process writes). */
static void store_sql_idle(struct store *s)
{
	sqlite3_db_release_memory(s->db->h);
}

const char *store_sql_where(struct store *s)
{
	return s->db->path;
}

int store_sql_waiting(struct store *s)
{
	(void)s;
	return 0;
}

bool store_sql_offline(struct store *s)
{
	(void)s;
	return false;
}

uint32_t store_sql_data_version(struct store *s)
{
	unsigned v = 0;

	/* The version is read as of the last read transaction: start one. */
	if (!s->touch)
		s->touch = db_prepare(s->db, "SELECT 1 FROM profile LIMIT 1");
	if (s->touch) {
		sqlite3_step(s->touch);
		sqlite3_reset(s->touch);
	}
	sqlite3_file_control(s->db->h, "main", SQLITE_FCNTL_DATA_VERSION, &v);
	return v;
}

/* Bind a string or NULL. */
void store_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

bool store_sql_session_begin(struct store *s, const char *kind, uint64_t seed,
                         const char *content_version, int64_t *id)
{
	sqlite3_stmt *st = db_prepare(s->db,
		"INSERT INTO session(profile_id, kind, seed, content_version, started_at, uid) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6)");

	if (st) {
		sqlite3_bind_int64(st, 1, s->profile);
		store_bind_text(st, 2, kind);
		/* uint64 kept as its bit pattern; read back with a cast. */
		sqlite3_bind_int64(st, 3, (sqlite3_int64)seed);
		store_bind_text(st, 4, content_version);
		sqlite3_bind_int64(st, 5, (sqlite3_int64)time(NULL));
		sqlite3_bind_int64(st, 6, s->uid);
	}
	return store_write1(s, st, tr(MSG_STORE_DO_SESSION), id);
}

bool store_sql_session_end(struct store *s, int64_t id)
{
	sqlite3_stmt *st = db_prepare(s->db,
		"UPDATE session SET ended_at = ?1 WHERE id = ?2 AND profile_id = ?3");

	if (st) {
		sqlite3_bind_int64(st, 1, (sqlite3_int64)time(NULL));
		sqlite3_bind_int64(st, 2, id);
		sqlite3_bind_int64(st, 3, s->profile);
	}
	return store_write1(s, st, tr(MSG_STORE_DO_SESSION_END), NULL);
}

bool store_answer_insert(struct store *s, const struct answer_rec *a, int *rc)
{
	sqlite3_stmt *st;

	/* Items must fit struct leitner/mistake, or readers would merge them. */
	if (!a->item || !a->item[0] || strlen(a->item) >= sizeof ((struct leitner *)0)->item ||
	    !a->qtype || !a->given || !a->expected) {
		store_write_fail_why(s, tr(MSG_STORE_DO_SAVE), tr(MSG_STORE_INCOMPLETE));
		*rc = SQLITE_MISUSE;
		return false;
	}
	/* Prepared once per database, not per store: with the triggers that
	 * keep the derived tables it is the costliest statement to compile,
	 * and the class server has a store per learner (100 first answers
	 * at once compiled it 100 times in its one database thread). */
	static const char sql[] =
		"INSERT INTO answer(profile_id, uid, session_id, item, qtype, shown, "
		"given, expected, correct, ms, answered_at, content_version, code) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
	if (!(st = db_prepare_keep(s->db, sql))) {
		store_write_fail_why(s, tr(MSG_STORE_DO_SAVE), s->db->err);
		*rc = SQLITE_MISUSE;
		return false;
	}
	sqlite3_bind_int64(st, 1, s->profile);
	sqlite3_bind_int64(st, 2, s->uid);
	if (a->session > 0)
		sqlite3_bind_int64(st, 3, a->session);
	else
		sqlite3_bind_null(st, 3);
	store_bind_text(st, 4, a->item);
	store_bind_text(st, 5, a->qtype);
	store_bind_text(st, 6, a->shown ? a->shown : "");
	store_bind_text(st, 7, a->given);
	store_bind_text(st, 8, a->expected);
	sqlite3_bind_int(st, 9, a->correct ? 1 : 0);
	sqlite3_bind_int64(st, 10, a->ms > 0 ? a->ms : 0);
	sqlite3_bind_int64(st, 11, a->at > 0 ? a->at : (sqlite3_int64)time(NULL));
	store_bind_text(st, 12, a->content_version);
	if (a->code >= 100 && a->code <= 599)
		sqlite3_bind_int(st, 13, a->code);
	else
		sqlite3_bind_null(st, 13);
	*rc = sqlite3_step(st);
	db_done(s->db, st);
	return *rc == SQLITE_DONE;
}

static bool record_body(struct store *s, void *ctx, int *rc)
{
	return store_answer_insert(s, ctx, rc);
}

bool store_sql_record(struct store *s, const struct answer_rec *a)
{
	s->err[0] = '\0';
	return store_txn(s, tr(MSG_STORE_DO_SAVE), record_body, (void *)a);
}

bool store_sql_chapter_opened(struct store *s, const char *chapter, int64_t at)
{
	sqlite3_stmt *st = db_prepare(s->db,
		"INSERT INTO chapter_visit(profile_id, chapter, first_at, last_at, count) "
		"VALUES (?1, ?2, ?3, ?3, 1) "
		"ON CONFLICT(profile_id, chapter) DO UPDATE SET "
		"last_at = max(last_at, excluded.last_at), count = count + 1");

	if (st) {
		sqlite3_bind_int64(st, 1, s->profile);
		store_bind_text(st, 2, chapter);
		sqlite3_bind_int64(st, 3, at);
	}
	return store_write1(s, st, tr(MSG_STORE_DO_CHAPTER), NULL);
}

/* Copy at most n-1 bytes without cutting a UTF-8 sequence in half. */
void store_copy(char *dst, size_t n, const unsigned char *src)
{
	size_t len = src ? strlen((const char *)src) : 0;

	if (len >= n) {
		len = n - 1;
		while (len > 0 && (src[len] & 0xc0) == 0x80)
			len--;
	}
	if (len)
		memcpy(dst, src, len);
	dst[len] = '\0';
}

/* Room for one more element of `size` bytes in arr (len used, *cap
 * allocated): returns the array, moved if it had to grow, or NULL with s->err
 * set when memory runs out (arr is then still valid). */
void *store_grow(struct store *s, void *arr, size_t *cap, size_t len, size_t size)
{
	if (len < *cap)
		return arr;
	size_t ncap = *cap ? *cap * 2 : 32;
	void *nv = realloc(arr, ncap * size);
	if (!nv) {
		store_oom(s);
		return NULL;
	}
	*cap = ncap;
	return nv;
}

enum { IS_ITEM, IS_BOX, IS_DUE, IS_LAST, IS_WRONG_AT, IS_SEEN, IS_WRONG };  /* mirrors the SELECT */

bool store_sql_item_states(struct store *s, struct leitner **out, size_t *n)
{
	/* Kept by the triggers of schema 6: one row per question answered. */
	sqlite3_stmt *st = store_read_query(s,
		"SELECT item, box, due, last_at, coalesce(wrong_at, 0), seen, wrong "
		"FROM {item_state} WHERE profile_id = ?1 ORDER BY item");
	struct leitner *v = NULL;
	size_t len = 0, cap = 0;
	bool ok = false;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		goto out;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct leitner *nv = store_grow(s, v, &cap, len, sizeof *v);
		if (!nv)
			goto out;
		v = nv;
		struct leitner *l = &v[len++];
		memset(l, 0, sizeof *l);
		store_copy(l->item, sizeof l->item, sqlite3_column_text(st, IS_ITEM));
		l->box = sqlite3_column_int(st, IS_BOX);
		l->due = sqlite3_column_int64(st, IS_DUE);
		l->last = sqlite3_column_int64(st, IS_LAST);
		l->last_wrong = sqlite3_column_int64(st, IS_WRONG_AT);
		l->seen = sqlite3_column_int(st, IS_SEEN);
		l->wrong = sqlite3_column_int(st, IS_WRONG);
	}
	if (rc != SQLITE_DONE) {
		store_read_fail(s, tr(MSG_STORE_READ_ANSWERS));
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

enum { MS_ITEM, MS_GIVEN, MS_EXPECTED, MS_TIMES, MS_LAST, MS_FIXED, MS_ANSWER };

/* Most missed, then the most recent, then by item. */
static int most_missed(const void *x, const void *y)
{
	const struct mistake *a = x, *b = y;
	if (a->times != b->times)
		return a->times > b->times ? -1 : 1;
	if (a->last != b->last)
		return a->last > b->last ? -1 : 1;
	return strcmp(a->item, b->item);
}

/* item_state names the last wrong answer (by time, then id); answered
 * right since when right answers followed it.  Brief: that answer's id
 * only (a row lookup in the log per question: most of Review's wait on a
 * long history, for rows it mostly never shows). */
static bool read_mistakes(struct store *s, bool brief, struct mistake **out, size_t *n)
{
	sqlite3_stmt *st = store_read_query(s, brief ?
		"SELECT item, '', '', wrong, wrong_at, streak > 0, wrong_id "
		"FROM {item_state} WHERE profile_id = ?1 AND wrong > 0" :
		"SELECT i.item, a.given, a.expected, i.wrong, i.wrong_at, i.streak > 0, 0 "
		"FROM {item_state} AS i JOIN answer a ON a.id = i.wrong_id "
		"WHERE i.profile_id = ?1 AND i.wrong > 0");
	struct mistake *v = NULL;
	size_t len = 0, cap = 0;
	bool ok = false;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		goto out;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct mistake *m;

		struct mistake *nv = store_grow(s, v, &cap, len, sizeof *v);
		if (!nv)
			goto out;
		v = nv;
		m = &v[len++];
		store_copy(m->item, sizeof m->item, sqlite3_column_text(st, MS_ITEM));
		store_copy(m->given, sizeof m->given, sqlite3_column_text(st, MS_GIVEN));
		store_copy(m->expected, sizeof m->expected, sqlite3_column_text(st, MS_EXPECTED));
		m->times = sqlite3_column_int(st, MS_TIMES);
		m->last = sqlite3_column_int64(st, MS_LAST);
		m->fixed = sqlite3_column_int(st, MS_FIXED) != 0;
		m->answer_id = sqlite3_column_int64(st, MS_ANSWER);
	}
	if (rc != SQLITE_DONE) {
		store_read_fail(s, tr(MSG_STORE_READ_MISTAKES));
		goto out;
	}
	/* Sorted here: SQLite's sorter cost more than the query on a long
	 * history (214 questions: 0.25 ms of 0.47). */
	if (len > 1)
		qsort(v, len, sizeof *v, most_missed);
	*out = v;
	*n = len;
	v = NULL;
	ok = true;
out:
	free(v);
	sqlite3_finalize(st);
	return ok;
}

bool store_sql_mistakes(struct store *s, struct mistake **out, size_t *n)
{
	return read_mistakes(s, false, out, n);
}

bool store_sql_mistakes_brief(struct store *s, struct mistake **out, size_t *n)
{
	return read_mistakes(s, true, out, n);
}

bool store_sql_mistake_answer(struct store *s, struct mistake *m)
{
	/* Kept: a screen asks once per row it shows.  The id came from the
	 * brief list, which holds only answers this asker may read. */
	sqlite3_stmt *st = db_prepare_keep(s->db,
		"SELECT given, expected FROM answer WHERE id = ?1 AND profile_id = ?2");
	bool ok = false;

	if (!st) {
		store_read_fail(s, NULL);
		return false;
	}
	sqlite3_bind_int64(st, 1, m->answer_id);
	sqlite3_bind_int64(st, 2, s->profile);
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		store_copy(m->given, sizeof m->given, sqlite3_column_text(st, 0));
		store_copy(m->expected, sizeof m->expected, sqlite3_column_text(st, 1));
		break;
	case SQLITE_DONE:   /* item_state names an answer that is not there */
		break;
	default:
		store_read_fail(s, tr(MSG_STORE_READ_MISTAKES));
		goto out;
	}
	m->answer_id = 0;
	ok = true;
out:
	db_done(s->db, st);
	return ok;
}

enum { IH_QTYPE, IH_GIVEN, IH_EXPECTED, IH_CORRECT, IH_AT };  /* mirrors the SELECT */

bool store_sql_item_history(struct store *s, const char *item, struct attempt **out, size_t *n)
{
	sqlite3_stmt *st = store_read_query(s,
		"SELECT qtype, given, expected, correct, answered_at FROM {answer_counted} "
		"WHERE profile_id = ?1 AND item = ?2 ORDER BY answered_at, id");
	struct attempt *v = NULL;
	size_t len = 0, cap = 0;
	bool ok = false;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		goto out;
	store_bind_text(st, 2, item);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct attempt *nv = store_grow(s, v, &cap, len, sizeof *v);
		if (!nv)
			goto out;
		v = nv;
		struct attempt *t = &v[len++];
		store_copy(t->qtype, sizeof t->qtype, sqlite3_column_text(st, IH_QTYPE));
		store_copy(t->given, sizeof t->given, sqlite3_column_text(st, IH_GIVEN));
		store_copy(t->expected, sizeof t->expected, sqlite3_column_text(st, IH_EXPECTED));
		t->correct = sqlite3_column_int(st, IH_CORRECT) != 0;
		t->at = sqlite3_column_int64(st, IH_AT);
	}
	if (rc != SQLITE_DONE) {
		store_read_fail(s, tr(MSG_STORE_READ_ANSWERS));
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

/* Unix time of the local midnight that starts t's day (DST-safe via mktime). */
static int64_t store_local_midnight(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!localtime_r(&tt, &tm))
		return t;
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

/* The answers and right ones in all, per class and per code, in one pass
 * over the learner's tally rows (kept for Review, store_tally.c): summed here by code (100-599) instead of
 * by SQLite's GROUP BY, whose sorter was most of the home screen's wait on
 * a long history. */
static bool store_progress_codes(struct store *s, struct progress *p)
{
	const struct tally_row *rows;
	size_t n_rows, n = 0;
	struct group_stat *by = calloc(500, sizeof *by);   /* by[code - 100] */
	bool ok = false;

	if (!by) {
		snprintf(s->err, sizeof s->err, "%s", tr(MSG_ERR_OOM));
		goto out;
	}
	if (!store_tally_rows(s, tr(MSG_STORE_READ_PROGRESS), &rows, &n_rows))
		goto out;
	for (size_t i = 0; i < n_rows; i++) {
		int code = rows[i].code;
		int answers = rows[i].counted;
		int correct = rows[i].correct ? answers : 0;

		p->answers += answers;
		p->correct += correct;
		if (code < 100 || code > 599)   /* an old header answer: no code known */
			continue;
		p->klass[code / 100 - 1].answers += answers;
		p->klass[code / 100 - 1].correct += correct;
		n += by[code - 100].answers == 0;
		by[code - 100].answers += answers;
		by[code - 100].correct += correct;
	}
	if (n && !(p->codes = calloc(n, sizeof *p->codes))) {
		snprintf(s->err, sizeof s->err, "%s", tr(MSG_ERR_OOM));
		goto out;
	}
	for (int i = 0; i < 500; i++)
		if (by[i].answers) {
			struct group_stat *g = &p->codes[p->n_codes++];
			g->key = 100 + i;
			g->answers = by[i].answers;
			g->correct = by[i].correct;
		}
	ok = true;
out:
	free(by);
	return ok;
}

/* The local date of t as day_stat spells it (SQLite's 'localtime' uses the
 * same C library and time zone). */
static void store_local_date(int64_t t, char out[16])
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!localtime_r(&tt, &tm) || !strftime(out, 16, "%Y-%m-%d", &tm))
		snprintf(out, 16, "?");
}

enum { PD_DAY, PD_ANSWERS, PD_CORRECT };

/* Day buckets and the streak from day_stat: the last 14 days, and back from
 * today or yesterday for as long as every day has answers. */
static bool store_progress_days(struct store *s, int64_t now, struct progress *p)
{
	sqlite3_stmt *st = store_read_query(s,
		"SELECT day, answers, correct FROM {day_stat} "
		"WHERE profile_id = ?1 AND day <= ?2 ORDER BY day DESC");
	char names[14][16], want[16], today[16];
	int64_t streak_day;          /* the day the streak needs next */
	bool streak_open = true, ok = false;
	int k = 13, rc;

	p->days[13].day = store_local_midnight(now);
	for (int i = 12; i >= 0; i--)
		p->days[i].day = store_local_midnight(p->days[i + 1].day - 1);
	for (int i = 0; i < 14; i++)
		store_local_date(p->days[i].day, names[i]);
	snprintf(today, sizeof today, "%s", names[13]);
	streak_day = p->days[13].day;
	if (!st)
		goto out;
	sqlite3_bind_text(st, 2, today, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *day = (const char *)sqlite3_column_text(st, PD_DAY);

		if (!day)
			continue;
		if (streak_open) {
			store_local_date(streak_day, want);
			/* The streak counts only if it reaches today or yesterday. */
			if (p->streak == 0 && strcmp(day, want) != 0 && strcmp(day, names[12]) == 0) {
				streak_day = p->days[12].day;
				store_local_date(streak_day, want);
			}
			if (strcmp(day, want) == 0) {
				p->streak++;
				streak_day = store_local_midnight(streak_day - 1);
			} else {
				streak_open = false;
			}
		}
		while (k >= 0 && strcmp(names[k], day) > 0)
			k--;
		if (k >= 0 && strcmp(names[k], day) == 0) {
			p->days[k].answers = sqlite3_column_int(st, PD_ANSWERS);
			p->days[k].correct = sqlite3_column_int(st, PD_CORRECT);
		}
		if (k < 0 && !streak_open)
			break;      /* older days can change nothing */
	}
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		store_read_fail(s, tr(MSG_STORE_READ_PROGRESS));
		goto out;
	}
	ok = true;
out:
	sqlite3_finalize(st);
	return ok;
}

/* One- or two-number query with the profile bound as ?1 and arg2 as ?2. */
static bool store_count(struct store *s, const char *sql, int64_t arg2, int *a, int *b)
{
	sqlite3_stmt *st = store_read_query(s, sql);
	bool ok = false;

	if (!st)
		goto out;
	if (sqlite3_bind_parameter_count(st) >= 2)
		sqlite3_bind_int64(st, 2, arg2);
	if (sqlite3_step(st) != SQLITE_ROW) {
		store_read_fail(s, tr(MSG_STORE_READ_PROGRESS));
		goto out;
	}
	*a = sqlite3_column_int(st, 0);
	if (b)
		*b = sqlite3_column_int(st, 1);
	ok = true;
out:
	sqlite3_finalize(st);
	return ok;
}

bool store_sql_progress(struct store *s, int64_t now, struct progress *p)
{
	bool ok = false;

	memset(p, 0, sizeof *p);
	for (int i = 0; i < 5; i++)
		p->klass[i].key = i + 1;
	if (!store_count(s, "SELECT count(*) FROM chapter_visit WHERE profile_id = ?1", 0,
	                 &p->chapters_opened, NULL) ||
	    !store_count(s, "SELECT count(*) FROM {item_state} WHERE profile_id = ?1 AND due <= ?2",
	                 now, &p->due, NULL) ||
	    !store_progress_codes(s, p) ||
	    !store_progress_days(s, now, p))
		goto out;
	ok = true;
out:
	if (!ok)
		store_progress_free(p);
	return ok;
}

void store_progress_free(struct progress *p)
{
	free(p->codes);
	p->codes = NULL;
	p->n_codes = 0;
}

const char *const store_export_columns[] = {
	"id", "profile", "uid", "session", "item", "qtype", "shown", "given",
	"expected", "correct", "ms", "at", "content_version", "code", "also", "exam",
};
enum { EXPORT_AT = 11 };   /* "at" above: formatted in C */

/* SQLite's spelling of a time clock_iso_utc does not take (a year before
 * 0000 or after 9999 in a damaged file); false for NULL. */
static bool export_time_slow(struct store *s, int64_t t, char *out, size_t n)
{
	sqlite3_stmt *st = db_prepare(s->db, "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', ?1, 'unixepoch')");
	bool ok = false;
	if (st) {
		sqlite3_bind_int64(st, 1, t);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
			snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
			ok = true;
		}
	}
	sqlite3_finalize(st);
	return ok;
}
const int store_export_ncolumns =
	(int)(sizeof store_export_columns / sizeof store_export_columns[0]);
/* Which of them hold numbers (JSON writes those as numbers). */
const bool store_export_numeric[] = {
	true, false, true, true, false, false, false, false,
	false, true, true, false, false, true, true, false,
};
_Static_assert(sizeof store_export_numeric / sizeof store_export_numeric[0] ==
               sizeof store_export_columns / sizeof store_export_columns[0],
               "one entry per export column");

bool store_sql_export(struct store *s, store_row_fn fn, void *ctx)
{
	/* Same order as store_export_columns; profile is the name a teacher
	 * recognises, times are ISO 8601 UTC.  An exam answer whose result may
	 * not be shown yet has no expected answer, no verdict and no code (the
	 * code a pick or type question is about is its answer): NULL. */
	sqlite3_stmt *st = store_read_query(s,
		"SELECT a.id, p.name, a.uid, a.session_id, a.item, a.qtype, a.shown, a.given,"
		" CASE WHEN sealed THEN NULL ELSE a.expected END,"
		" CASE WHEN sealed THEN NULL ELSE a.correct END, a.ms,"
		" a.answered_at,"   /* as ISO 8601 UTC: clock_iso_utc below */
		" a.content_version, CASE WHEN sealed THEN NULL ELSE a.code END,"
		/* right but not the expected code: a scenario's second acceptable one */
		" CASE WHEN sealed THEN NULL WHEN a.correct = 1 AND a.given <> a.expected THEN 1 ELSE 0 END,"
		" se.exam_id "
		"FROM (SELECT *, session_id IN (SELECT id FROM session_sealed) AS sealed"
		"      FROM {answer} WHERE profile_id = ?1) a"
		" JOIN profile p ON p.id = a.profile_id"
		" LEFT JOIN session se ON se.id = a.session_id "
		"ORDER BY a.answered_at, a.id");
	const char *cols[sizeof store_export_columns / sizeof store_export_columns[0]];
	bool ok = false;
	int rc;

	if (!st)
		goto out;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char at[21];

		for (int i = 0; i < store_export_ncolumns; i++) {
			const unsigned char *t = sqlite3_column_text(st, i);

			cols[i] = (const char *)t;   /* NULL stays NULL */
		}
		/* The time in C: SQLite's strftime was a tenth of an export
		 * (it still spells the years before 0000 of a damaged file). */
		int64_t t = sqlite3_column_int64(st, EXPORT_AT);
		if (clock_iso_utc(t, at))
			cols[EXPORT_AT] = at;
		else
			cols[EXPORT_AT] = export_time_slow(s, t, at, sizeof at) ? at : NULL;
		fn(ctx, store_export_ncolumns, cols);
	}
	if (rc != SQLITE_DONE) {
		store_read_fail(s, tr(MSG_STORE_READ_ANSWERS));
		goto out;
	}
	ok = true;
out:
	sqlite3_finalize(st);
	return ok;
}

bool store_sql_report(struct store *s, const char *exam_id, store_group_fn fn, void *ctx)
{
	enum { RG_USER, RG_ITEM, RG_GIVEN, RG_EXPECTED, RG_CORRECT, RG_COUNT, RG_MS };
	/* The whole class from the sums the triggers keep (schema 8): per
	 * learner (their wrong answers by given and expected, for the
	 * confusions), then per question; one exam from its own sessions'
	 * answers (session_exam). */
	sqlite3_stmt *st = db_prepare(s->db, exam_id ?
		"SELECT p.name, a.item, a.given, a.expected, a.correct, COUNT(*), SUM(a.ms) "
		"FROM session se JOIN answer_final a ON a.session_id = se.id "
		"JOIN profile p ON p.id = a.profile_id WHERE se.exam_id = ?1 "
		"GROUP BY p.name, a.item, a.given, a.expected, a.correct "
		"ORDER BY p.name, a.item" :
		/* in key order, unsorted: the report orders what it prints */
		"SELECT p.name, NULL, l.given, l.expected, "
		"l.correct, l.final, l.ms FROM class_learner l JOIN profile p ON p.id = l.profile_id "
		"WHERE l.final > 0 "
		"UNION ALL "
		"SELECT NULL, item, given, expected, correct, final, ms FROM class_item WHERE final > 0");
	bool ok = false;
	int rc;

	s->denied = DENIED_NO;
	if (!s->teacher) {
		/* Every learner's answers, right answers included: the teacher's. */
		s->denied = DENIED_TEACHER;
		snprintf(s->err, sizeof s->err, tr(MSG_DENY_CLASS_REPORT), s->db->path);
		goto out;
	}
	if (!st) {
		store_read_fail(s, NULL);
		goto out;
	}
	if (exam_id)
		sqlite3_bind_text(st, 1, exam_id, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct report_group g = {
			(const char *)sqlite3_column_text(st, RG_USER),
			(const char *)sqlite3_column_text(st, RG_ITEM),
			(const char *)sqlite3_column_text(st, RG_GIVEN),
			(const char *)sqlite3_column_text(st, RG_EXPECTED),
			sqlite3_column_int(st, RG_CORRECT) != 0,
			sqlite3_column_int(st, RG_COUNT),
			sqlite3_column_int64(st, RG_MS),
		};
		if (!g.user && !g.item)
			continue;
		g.given = g.given ? g.given : "";
		g.expected = g.expected ? g.expected : "";
		fn(ctx, &g);
	}
	if (rc != SQLITE_DONE) {
		store_read_fail(s, tr(MSG_STORE_READ_ALL_ANSWERS));
		goto out;
	}
	ok = true;
out:
	sqlite3_finalize(st);
	return ok;
}

/* The SQLite backend's entries (store_int.h); its code is in this file,
 * store_exam.c and store_confusion.c. */
const struct store_ops store_sql_ops = {
	.close = store_sql_close,
	.gone = store_sql_gone,
	.idle = store_sql_idle,
	.where = store_sql_where,
	.waiting = store_sql_waiting,
	.offline = store_sql_offline,
	.data_version = store_sql_data_version,
	.session_begin = store_sql_session_begin,
	.session_end = store_sql_session_end,
	.record = store_sql_record,
	.chapter_opened = store_sql_chapter_opened,
	.item_states = store_sql_item_states,
	.mistakes = store_sql_mistakes,
	.mistakes_brief = store_sql_mistakes_brief,
	.mistake_answer = store_sql_mistake_answer,
	.item_history = store_sql_item_history,
	.progress = store_sql_progress,
	.export_rows = store_sql_export,
	.report = store_sql_report,
	.confusion_items = store_sql_confusion_items,
	.code_matrix = store_sql_code_matrix,
	.exam_create = store_sql_exam_create,
	.exam_practice = store_sql_exam_practice,
	.exam_paper = store_sql_exam_paper,
	.exam_list = store_sql_exam_list,
	.exam_close = store_sql_exam_close,
	.exam_attempt = store_sql_exam_attempt,
	.exam_start = store_sql_exam_start,
	.exam_answer = store_sql_exam_answer,
	.exam_finish = store_sql_exam_finish,
	.exam_reload = store_sql_exam_reload,
	.exam_given = store_sql_exam_given,
	.exam_sweep = store_sql_exam_sweep,
	.exam_results = store_sql_exam_results,
	.exam_hidden = store_sql_exam_hidden,
};
