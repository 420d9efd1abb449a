/* test_store.c — db.c and store.c against temp files and ":memory:":
 * migrations, refusals, file modes, the answer log and what is derived. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "db.h"
#include "pending.h"
#include "store.h"
#include "store_int.h"

/* ---- helpers ------------------------------------------------------------ */

struct tmp {
	char dir[64];
	char db[128];
};

static int rm_one(const char *p, const struct stat *sb, int flag, struct FTW *f)
{
	(void)sb; (void)flag; (void)f;
	return remove(p);
}

static int tmp_setup(void **state)
{
	struct tmp *t = calloc(1, sizeof *t);

	if (!t)
		return -1;
	snprintf(t->dir, sizeof t->dir, "/tmp/httptutor-test-XXXXXX");
	if (!mkdtemp(t->dir))
		return -1;
	snprintf(t->db, sizeof t->db, "%s/progress.db", t->dir);
	*state = t;
	return 0;
}

static int tmp_teardown(void **state)
{
	struct tmp *t = *state;

	nftw(t->dir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
	free(t);
	return 0;
}

static sqlite3_int64 q_int(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *st = NULL;
	sqlite3_int64 v = -1;

	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Count answers through a separate connection, so nothing is hidden by an
 * open transaction in the store's own handle. */
static sqlite3_int64 raw_count(const char *path, const char *sql)
{
	sqlite3 *h = NULL;
	sqlite3_int64 v;

	assert_int_equal(sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	v = q_int(h, sql);
	sqlite3_close(h);
	return v;
}

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long len;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)len + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
	fclose(f);
	*n = (size_t)len;
	return buf;
}

static void write_file(const char *path, const char *data, size_t n)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
}

static struct answer_rec ans(const char *item, const char *given,
                             const char *expected, bool correct, int64_t at)
{
	struct answer_rec a = {
		.session = 0, .item = item, .qtype = "pick",
		.shown = "403,401,404,400", .given = given, .expected = expected,
		.correct = correct, .ms = 1234, .at = at, .content_version = "test-1",
	};
	return a;
}

/* Local time → unix seconds in the current TZ. */
static int64_t local(int y, int mo, int d, int h, int mi, int s)
{
	struct tm tm = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
	                 .tm_hour = h, .tm_min = mi, .tm_sec = s, .tm_isdst = -1 };
	return (int64_t)mktime(&tm);
}

static void set_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

/* ---- db_open ------------------------------------------------------------ */

static void check_fresh(struct db *d)
{
	assert_int_equal(q_int(d->h, "PRAGMA user_version"), db_migration_count);
	assert_int_equal(q_int(d->h, "PRAGMA application_id"), DB_APPLICATION_ID);
	assert_int_equal(q_int(d->h, "PRAGMA foreign_keys"), 1);
	assert_int_equal(q_int(d->h, "SELECT count(*) FROM sqlite_master WHERE name IN "
	                 "('profile','session','answer','chapter_visit','exam',"
	                 "'answer_profile_item','answer_profile_time')"), 7);
}

static void test_fresh_file(void **state)
{
	struct tmp *t = *state;
	char err[512] = "";
	struct db *d = db_open(t->db, false, err, sizeof err);

	assert_non_null(d);
	assert_true(db_migration_count >= 2);
	check_fresh(d);
	assert_int_equal(q_int(d->h, "PRAGMA synchronous"), 2);      /* FULL */
	{
		sqlite3_stmt *st = NULL;

		assert_int_equal(sqlite3_prepare_v2(d->h, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
		sqlite3_finalize(st);
	}
	db_close(d);
	/* Reopening changes nothing and succeeds. */
	d = db_open(t->db, false, err, sizeof err);
	assert_non_null(d);
	check_fresh(d);
	db_close(d);
}

static void test_fresh_memory(void **state)
{
	char err[512] = "";
	struct db *d = db_open(":memory:", false, err, sizeof err);

	(void)state;
	assert_non_null(d);
	check_fresh(d);
	db_close(d);
}

static void test_modes(void **state)
{
	struct tmp *t = *state;
	char path[256], dir1[200], dir2[220];
	char err[512] = "";
	struct stat sb;
	mode_t old = umask(0);      /* even a careless umask must not leak */
	struct db *d;

	snprintf(dir1, sizeof dir1, "%s/a", t->dir);
	snprintf(dir2, sizeof dir2, "%s/a/b", t->dir);
	snprintf(path, sizeof path, "%s/a/b/progress.db", t->dir);
	d = db_open(path, false, err, sizeof err);
	umask(old);
	assert_non_null(d);
	db_close(d);
	assert_int_equal(stat(dir1, &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0700);
	assert_int_equal(stat(dir2, &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0700);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0600);
}

static void test_v1_migrates(void **state)
{
	struct tmp *t = *state;
	char err[512] = "";
	sqlite3 *h = NULL;
	struct db *d;
	char sql[128];

	/* Build a schema-1 database by hand, as an old httptutor left it. */
	assert_int_equal(sqlite3_open(t->db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, db_migrations[0].sql, NULL, NULL, NULL), SQLITE_OK);
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d; PRAGMA user_version = 1",
	         DB_APPLICATION_ID);
	assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h,
		"INSERT INTO profile VALUES (1, 'ann', 100);"
		"INSERT INTO answer(profile_id, uid, item, qtype, shown, given, expected,"
		" correct, ms, answered_at) VALUES (1, 0, 'alice-bob', 'pick', '', '401',"
		" '403', 0, 10, 200);", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);

	d = db_open(t->db, false, err, sizeof err);
	assert_non_null(d);
	check_fresh(d);
	assert_int_equal(q_int(d->h, "SELECT count(*) FROM answer WHERE item = 'alice-bob' "
	                 "AND given = '401' AND answered_at = 200"), 1);
	assert_int_equal(q_int(d->h, "SELECT count(*) FROM profile WHERE name = 'ann'"), 1);
	/* The new column from 002 is there and empty. */
	assert_int_equal(q_int(d->h, "SELECT count(*) FROM session WHERE exam_id IS NULL"), 0);
	assert_int_equal(sqlite3_exec(d->h, "INSERT INTO exam(id, seed, count, minutes, created_at) "
	                              "VALUES ('midterm', 7, 10, 20, 300)",
	                              NULL, NULL, NULL), SQLITE_OK);
	db_close(d);
}

static void test_newer_refused(void **state)
{
	struct tmp *t = *state;
	char err[512] = "", sql[64], expect[64];
	struct db *d = db_open(t->db, false, err, sizeof err);
	sqlite3 *h = NULL;
	char *before, *after;
	size_t nb, na;

	assert_non_null(d);
	db_close(d);
	assert_int_equal(sqlite3_open(t->db, &h), SQLITE_OK);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", db_migration_count + 1);
	assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);

	before = slurp(t->db, &nb);
	d = db_open(t->db, false, err, sizeof err);
	assert_null(d);
	assert_non_null(strstr(err, t->db));
	assert_non_null(strstr(err, "newer httptutor"));
	snprintf(expect, sizeof expect, "schema %d, this one knows %d",
	         db_migration_count + 1, db_migration_count);
	assert_non_null(strstr(err, expect));
	after = slurp(t->db, &na);
	assert_int_equal(na, nb);
	assert_memory_equal(before, after, nb);
	free(after);

	/* Read-only opens refuse it too. */
	err[0] = '\0';
	assert_null(db_open(t->db, true, err, sizeof err));
	assert_non_null(strstr(err, "newer"));
	after = slurp(t->db, &na);
	assert_int_equal(na, nb);
	assert_memory_equal(before, after, nb);
	free(after);
	free(before);
}

static void test_foreign_refused(void **state)
{
	struct tmp *t = *state;
	char err[512] = "", other[160];
	sqlite3 *h = NULL;

	assert_int_equal(sqlite3_open(t->db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "PRAGMA application_id = 1234; "
	                              "CREATE TABLE x(y)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	assert_null(db_open(t->db, false, err, sizeof err));
	assert_non_null(strstr(err, "not an httptutor database"));
	assert_non_null(strstr(err, t->db));

	/* Some other program's SQLite file without an application_id. */
	snprintf(other, sizeof other, "%s/other.db", t->dir);
	assert_int_equal(sqlite3_open(other, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "CREATE TABLE notes(t)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	err[0] = '\0';
	assert_null(db_open(other, false, err, sizeof err));
	assert_non_null(strstr(err, "not an httptutor database"));
	assert_int_equal(raw_count(other, "SELECT count(*) FROM sqlite_master"), 1);
}

static void test_garbage_refused(void **state)
{
	struct tmp *t = *state;
	char err[512] = "", junk[4096];

	for (size_t i = 0; i < sizeof junk; i++)
		junk[i] = (char)('a' + i % 26);
	write_file(t->db, junk, sizeof junk);
	assert_null(db_open(t->db, false, err, sizeof err));
	assert_non_null(strstr(err, t->db));
	assert_non_null(strstr(err, "not a database"));
	assert_non_null(strstr(err, "--db"));
	err[0] = '\0';
	assert_null(db_open(t->db, true, err, sizeof err));
	assert_non_null(strstr(err, "not a database"));
}

static void test_readonly_missing(void **state)
{
	struct tmp *t = *state;
	char err[512] = "";

	assert_null(db_open(t->db, true, err, sizeof err));
	assert_non_null(strstr(err, t->db));
	assert_int_equal(access(t->db, F_OK), -1);      /* not created */
}

/* ---- store -------------------------------------------------------------- */

struct rows {
	int n;
	int ncols;
	char cell[8][16][64];
};

static void collect(void *ctx, int ncols, const char *const *cols)
{
	struct rows *r = ctx;

	r->ncols = ncols;
	if (r->n < 8) {
		for (int i = 0; i < ncols && i < 16; i++)
			snprintf(r->cell[r->n][i], 64, "%s", cols[i] ? cols[i] : "(NULL)");
	}
	r->n++;
}

static void roundtrip(const char *path)
{
	char err[512] = "", uid[32];
	struct store *s = store_open(path, "ann", false, err, sizeof err);
	struct store *other;
	struct rows r;
	struct answer_rec a;
	int64_t sess = 0;

	assert_non_null(s);
	assert_true(s->profile > 0);
	assert_true(store_session_begin(s, "quiz", UINT64_C(0xfedcba9876543210), "test-1", &sess));
	assert_true(sess > 0);
	a = ans("alice-bob", "401", "403", false, 1773108000); /* 2026-03-10T02:00:00Z */
	a.session = sess;
	assert_true(store_record(s, &a));
	a = ans("code:201", "201", "201", true, 1773108001);
	assert_true(store_record(s, &a));
	/* right as a scenario's second acceptable code: the log keeps both */
	a = ans("locked-order", "409", "423", true, 1773108002);
	assert_true(store_record(s, &a));
	assert_true(store_session_end(s, sess));

	/* Another learner's answers stay out of ann's export (a second
	 * ":memory:" open would be a different database). */
	if (strcmp(path, ":memory:") != 0) {
		other = store_open(path, "bob", false, err, sizeof err);
		assert_non_null(other);
		assert_int_not_equal(other->profile, s->profile);
		a = ans("x", "200", "200", true, 1773108002);
		assert_true(store_record(other, &a));
		store_close(other);
	}

	memset(&r, 0, sizeof r);
	assert_true(store_export(s, collect, &r));
	assert_int_equal(store_export_ncolumns, 16);
	assert_int_equal(r.ncols, 16);
	assert_string_equal(store_export_columns[13], "code");
	assert_string_equal(store_export_columns[14], "also");
	assert_string_equal(store_export_columns[15], "exam");
	assert_string_equal(r.cell[0][15], "(NULL)");   /* not an exam answer */
	assert_int_equal(r.n, 3);
	assert_string_equal(store_export_columns[0], "id");
	assert_string_equal(store_export_columns[11], "at");
	snprintf(uid, sizeof uid, "%u", (unsigned)getuid());
	assert_string_equal(r.cell[0][1], "ann");
	assert_string_equal(r.cell[0][2], uid);
	assert_int_equal(atoll(r.cell[0][3]), sess);
	assert_string_equal(r.cell[0][4], "alice-bob");
	assert_string_equal(r.cell[0][5], "pick");
	assert_string_equal(r.cell[0][6], "403,401,404,400");
	assert_string_equal(r.cell[0][7], "401");
	assert_string_equal(r.cell[0][8], "403");
	assert_string_equal(r.cell[0][9], "0");
	assert_string_equal(r.cell[0][10], "1234");
	assert_string_equal(r.cell[0][11], "2026-03-10T02:00:00Z");
	assert_string_equal(r.cell[0][12], "test-1");
	assert_string_equal(r.cell[1][3], "(NULL)");    /* no session */
	assert_string_equal(r.cell[1][9], "1");
	assert_string_equal(r.cell[1][11], "2026-03-10T02:00:01Z");
	assert_string_equal(r.cell[0][14], "0");        /* wrong */
	assert_string_equal(r.cell[1][14], "0");        /* right, the expected code */
	assert_string_equal(r.cell[2][7], "409");
	assert_string_equal(r.cell[2][8], "423");
	assert_string_equal(r.cell[2][9], "1");
	assert_string_equal(r.cell[2][14], "1");        /* right as the `also` code */

	/* The seed round-trips its full 64 bits; the session has ended. */
	assert_int_equal((uint64_t)q_int(s->db->h, "SELECT seed FROM session"),
	                 UINT64_C(0xfedcba9876543210));
	assert_int_equal(q_int(s->db->h, "SELECT count(*) FROM session WHERE ended_at IS NOT NULL"), 1);
	store_close(s);

	/* The same name gets the same profile again. */
	if (strcmp(path, ":memory:") != 0) {
		int64_t id;

		s = store_open(path, "ann", false, err, sizeof err);
		assert_non_null(s);
		id = s->profile;
		store_close(s);
		s = store_open(path, "ann", true, err, sizeof err);
		assert_non_null(s);
		assert_int_equal(s->profile, id);
		memset(&r, 0, sizeof r);
		assert_true(store_export(s, collect, &r));
		assert_int_equal(r.n, 3);
		store_close(s);
	}
}

static void test_roundtrip_file(void **state)
{
	roundtrip(((struct tmp *)*state)->db);
}

static void test_roundtrip_memory(void **state)
{
	(void)state;
	roundtrip(":memory:");
}

static void test_bad_input(void **state)
{
	char err[512] = "";
	struct store *s;
	struct answer_rec a = ans("x", "1", "2", false, 5);
	char longitem[100];

	(void)state;
	assert_null(store_open(":memory:", "", false, err, sizeof err));
	assert_non_null(strstr(err, "user name"));
	assert_null(store_open(":memory:", "a\nb", false, err, sizeof err));
	s = store_open(":memory:", "ann", false, err, sizeof err);
	assert_non_null(s);
	memset(longitem, 'x', sizeof longitem - 1);
	longitem[sizeof longitem - 1] = '\0';
	a.item = longitem;
	assert_false(store_record(s, &a));
	assert_non_null(strstr(s->err, "could not save your answer"));
	a.item = "x";
	a.given = NULL;
	assert_false(store_record(s, &a));
	assert_int_equal(q_int(s->db->h, "SELECT count(*) FROM answer"), 0);
	store_close(s);
}

static void test_append_only(void **state)
{
	char err[512] = "";
	struct store *s = store_open(":memory:", "ann", false, err, sizeof err);
	struct answer_rec a = ans("alice-bob", "401", "403", false, 1000);

	(void)state;
	assert_non_null(s);
	assert_true(store_record(s, &a));
	assert_int_not_equal(sqlite3_exec(s->db->h, "UPDATE answer SET correct = 1",
	                                  NULL, NULL, NULL), SQLITE_OK);
	assert_non_null(strstr(sqlite3_errmsg(s->db->h), "append-only"));
	assert_int_not_equal(sqlite3_exec(s->db->h, "DELETE FROM answer", NULL, NULL, NULL),
	                     SQLITE_OK);
	assert_non_null(strstr(sqlite3_errmsg(s->db->h), "append-only"));
	assert_int_equal(q_int(s->db->h, "SELECT count(*) FROM answer WHERE correct = 0"), 1);
	store_close(s);
}

static void test_readonly_open(void **state)
{
	struct tmp *t = *state;
	char err[512] = "";
	struct store *s = store_open(t->db, "ann", false, err, sizeof err);
	struct answer_rec a = ans("alice-bob", "403", "403", true, 1000);

	assert_non_null(s);
	assert_true(store_record(s, &a));
	store_close(s);

	s = store_open(t->db, "ann", true, err, sizeof err);
	assert_non_null(s);
	assert_true(s->db->readonly);
	assert_false(store_record(s, &a));
	assert_non_null(strstr(s->err, "could not save your answer"));
	assert_non_null(strstr(s->err, "read-only"));
	assert_non_null(strstr(s->err, t->db));
	assert_false(store_chapter_opened(s, "intro", 5));
	store_close(s);
	assert_int_equal(raw_count(t->db, "SELECT count(*) FROM answer"), 1);

	/* A learner never seen before: read-only shows nothing, creates nothing. */
	s = store_open(t->db, "carol", true, err, sizeof err);
	assert_non_null(s);
	assert_int_equal(s->profile, 0);
	store_close(s);
	assert_int_equal(raw_count(t->db, "SELECT count(*) FROM profile"), 1);
}

static void test_query_only(void **state)
{
	struct tmp *t = *state;
	char err[512] = "";
	struct store *s = store_open(t->db, "ann", false, err, sizeof err);
	struct answer_rec a = ans("alice-bob", "403", "403", true, 1000);

	assert_non_null(s);
	assert_true(store_record(s, &a));
	/* The handle thinks it may write; sqlite says no (as for a 0444 file). */
	assert_int_equal(sqlite3_exec(s->db->h, "PRAGMA query_only = 1", NULL, NULL, NULL), SQLITE_OK);
	assert_false(store_record(s, &a));
	assert_non_null(strstr(s->err, "read-only"));
	assert_non_null(strstr(s->err, "could not save your answer"));
	assert_int_equal(sqlite3_get_autocommit(s->db->h), 1);   /* rolled back */
	assert_int_equal(sqlite3_exec(s->db->h, "PRAGMA query_only = 0", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(q_int(s->db->h, "SELECT count(*) FROM answer"), 1);
	assert_true(store_record(s, &a));
	store_close(s);
	assert_int_equal(raw_count(t->db, "SELECT count(*) FROM answer"), 2);
}

static void test_disk_full(void **state)
{
	struct tmp *t = *state;
	char err[512] = "", shown[3000];
	struct store *s = store_open(t->db, "ann", false, err, sizeof err);
	struct answer_rec a = ans("alice-bob", "403", "403", true, 1000);
	char sql[64];
	int saved = 0;
	bool ok = true;

	assert_non_null(s);
	memset(shown, 's', sizeof shown - 1);
	shown[sizeof shown - 1] = '\0';
	a.shown = shown;
	snprintf(sql, sizeof sql, "PRAGMA max_page_count = %lld",
	         (long long)q_int(s->db->h, "PRAGMA page_count") + 4);
	assert_int_equal(sqlite3_exec(s->db->h, sql, NULL, NULL, NULL), SQLITE_OK);
	for (int i = 0; i < 1000 && ok; i++) {
		ok = store_record(s, &a);
		if (ok)
			saved++;
	}
	assert_false(ok);
	assert_true(saved > 0);
	assert_non_null(strstr(s->err, "the disk is full"));
	assert_non_null(strstr(s->err, t->db));
	assert_int_equal(sqlite3_get_autocommit(s->db->h), 1);
	assert_int_equal(q_int(s->db->h, "SELECT count(*) FROM answer"), saved);
	store_close(s);
	assert_int_equal(raw_count(t->db, "SELECT count(*) FROM answer"), saved);
}

static void test_locked(void **state)
{
	struct tmp *t = *state;
	char err[512] = "";
	struct store *s = store_open(t->db, "ann", false, err, sizeof err);
	struct answer_rec a = ans("alice-bob", "403", "403", true, 1000);
	sqlite3 *h = NULL;

	assert_non_null(s);
	assert_int_equal(sqlite3_open(t->db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	db_set_busy_timeout(s->db, 50);
	assert_false(store_record(s, &a));
	assert_non_null(strstr(s->err, "locked by another program"));
	assert_non_null(strstr(s->err, t->db));
	assert_int_equal(sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	assert_true(store_record(s, &a));
	assert_int_equal(q_int(s->db->h, "SELECT count(*) FROM answer"), 1);
	store_close(s);
}

static const struct leitner *find_state(const struct leitner *v, size_t n, const char *item)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].item, item) == 0)
			return &v[i];
	return NULL;
}

static void test_item_states(void **state)
{
	char err[512] = "";
	struct store *s = store_open(":memory:", "ann", false, err, sizeof err);
	struct leitner *v = NULL;
	const struct leitner *l;
	size_t n = 0;
	const int64_t day = 86400, t0 = 1773108000;
	struct answer_rec recs[] = {
		/* out of time order on purpose: replay must sort by time */
		ans("b", "403", "403", true, t0 + 1 * day),
		ans("b", "401", "403", false, t0),
		ans("b", "403", "403", true, t0 + 2 * day),
		ans("a", "202", "202", true, t0),
		ans("a", "202", "202", true, t0 + day),
		ans("a", "202", "202", true, t0 + 4 * day),
		ans("a", "202", "202", true, t0 + 11 * day),
		ans("a", "202", "202", true, t0 + 30 * day),
		ans("c", "200", "201", false, t0 + 5),
	};

	(void)state;
	assert_non_null(s);
	for (size_t i = 0; i < sizeof recs / sizeof recs[0]; i++)
		assert_true(store_record(s, &recs[i]));
	assert_true(store_item_states(s, &v, &n));
	assert_int_equal(n, 3);
	/* b: wrong → 1, right → 2 (+1 day), right → 3 (+3 days) */
	l = find_state(v, n, "b");
	assert_non_null(l);
	assert_int_equal(l->box, 3);
	assert_int_equal(l->due, t0 + 2 * day + 3 * day);
	assert_int_equal(l->seen, 3);
	assert_int_equal(l->wrong, 1);
	assert_int_equal(l->last, t0 + 2 * day);
	assert_int_equal(l->last_wrong, t0);
	/* a: five right answers reach box 5, due 14 days after the last */
	l = find_state(v, n, "a");
	assert_non_null(l);
	assert_int_equal(l->box, 5);
	assert_int_equal(l->due, t0 + 44 * day);
	assert_int_equal(l->seen, 5);
	assert_int_equal(l->wrong, 0);
	assert_int_equal(l->last_wrong, 0);
	l = find_state(v, n, "c");
	assert_non_null(l);
	assert_int_equal(l->box, 1);
	assert_int_equal(l->due, t0 + 5);
	free(v);

	/* Due means due <= now: c is due at exactly t0 + 5, nothing else is. */
	{
		struct progress p;

		assert_true(store_progress(s, t0 + 5, &p));
		assert_int_equal(p.due, 1);
		store_progress_free(&p);
		assert_true(store_progress(s, t0 + 4, &p));
		assert_int_equal(p.due, 0);
		store_progress_free(&p);
	}
	store_close(s);
}

static void test_mistakes(void **state)
{
	char err[512] = "";
	struct store *s = store_open(":memory:", "ann", false, err, sizeof err);
	struct mistake *m = NULL;
	size_t n = 0;
	struct answer_rec recs[] = {
		ans("once-old", "500", "502", false, 100),
		ans("twice", "401", "403", false, 200),
		ans("twice", "404", "403", false, 150),     /* older wrong, inserted later */
		ans("twice", "403", "403", true, 250),      /* fixed since */
		ans("once-new", "302", "303", false, 300),
		ans("right-only", "200", "200", true, 400),
		ans("thrice", "400", "422", false, 10),
		ans("thrice", "400", "422", false, 20),
		ans("thrice", "415", "422", false, 30),
		ans("thrice", "422", "422", true, 30),      /* same second, later row: fixed */
	};

	(void)state;
	assert_non_null(s);
	for (size_t i = 0; i < sizeof recs / sizeof recs[0]; i++)
		assert_true(store_record(s, &recs[i]));
	assert_true(store_mistakes(s, &m, &n));
	assert_int_equal(n, 4);
	assert_string_equal(m[0].item, "thrice");
	assert_int_equal(m[0].times, 3);
	assert_string_equal(m[0].given, "415");
	assert_string_equal(m[0].expected, "422");
	assert_int_equal(m[0].last, 30);
	assert_true(m[0].fixed);
	assert_string_equal(m[1].item, "twice");
	assert_int_equal(m[1].times, 2);
	assert_string_equal(m[1].given, "401");      /* the latest wrong by time */
	assert_int_equal(m[1].last, 200);
	assert_true(m[1].fixed);
	/* equal counts: most recent first */
	assert_string_equal(m[2].item, "once-new");
	assert_false(m[2].fixed);
	assert_string_equal(m[3].item, "once-old");
	assert_int_equal(m[3].last, 100);
	/* Brief (Review): the same rows in the same order, each one's last
	 * wrong answer read when asked for, and only once. */
	struct mistake *b = NULL;
	size_t nb = 0;
	assert_true(store_mistakes_brief(s, &b, &nb));
	assert_int_equal(nb, n);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(b[i].item, m[i].item);
		assert_int_equal(b[i].times, m[i].times);
		assert_int_equal(b[i].last, m[i].last);
		assert_int_equal(b[i].fixed, m[i].fixed);
		assert_string_equal(b[i].given, "");
		assert_true(b[i].answer_id > 0);
		assert_int_equal(m[i].answer_id, 0);   /* whole rows need nothing more */
		assert_true(store_mistake_answer(s, &b[i]));
		assert_int_equal(b[i].answer_id, 0);
		assert_string_equal(b[i].given, m[i].given);
		assert_string_equal(b[i].expected, m[i].expected);
		assert_true(store_mistake_answer(s, &b[i]));   /* read already: nothing to do */
		assert_string_equal(b[i].given, m[i].given);
	}
	free(b);
	free(m);
	store_close(s);
}

/* Home, Review and Progress add up the same tally rows, read once while
 * the file is unchanged (store_tally.c): a write by this store or by
 * another connection to the file (another learner's process) must show in
 * the next read of each of them. */
static void test_tally_rows_follow_writes(void **state)
{
	struct tmp *t = *state;
	char err[512] = "";
	struct store *a = store_open(t->db, "ann", false, err, sizeof err);
	struct store *b = store_open(t->db, "ann", false, err, sizeof err);
	struct answer_rec r[] = {
		ans("q1", "401", "403", false, 100),
		ans("q2", "404", "403", false, 200),
		ans("q3", "500", "502", false, 300),
	};
	struct progress p;
	struct confusion_item *ci = NULL;
	struct code_cell *cells = NULL;
	size_t n = 0;

	assert_non_null(a);
	assert_non_null(b);
	assert_true(store_record(a, &r[0]));
	assert_true(store_progress(a, 1000, &p));
	assert_int_equal(p.answers, 1);
	store_progress_free(&p);
	assert_true(store_confusion_items(a, &ci, &n));
	assert_int_equal(n, 1);
	free(ci);
	/* the same rows again, nothing written: the same answer */
	assert_true(store_confusion_items(a, &ci, &n));
	assert_int_equal(n, 1);
	assert_int_equal(ci[0].given, 401);
	free(ci);

	assert_true(store_record(b, &r[1]));   /* another connection */
	assert_true(store_confusion_items(a, &ci, &n));
	assert_int_equal(n, 2);
	free(ci);
	assert_true(store_progress(a, 1000, &p));
	assert_int_equal(p.answers, 2);
	assert_int_equal(p.n_codes, 1);        /* both about 403 */
	store_progress_free(&p);

	assert_true(store_record(a, &r[2]));   /* this one */
	assert_true(store_code_matrix(a, 0, &cells, &n));
	int to_500 = 0;
	for (size_t i = 0; i < n; i++)
		to_500 += cells[i].expected == 502 && cells[i].given == 500 ? cells[i].count : 0;
	assert_int_equal(to_500, 1);
	free(cells);
	assert_true(store_confusion_items(a, &ci, &n));
	assert_int_equal(n, 3);
	assert_string_equal(ci[0].item, "q3");     /* latest first */
	free(ci);
	store_close(b);
	store_close(a);
}

static void test_progress(void **state)
{
	char err[512] = "";
	struct store *s;
	struct progress p;
	int64_t now;
	struct answer_rec recs[8];
	size_t nr = 0;

	(void)state;
	set_tz("CST-8");        /* UTC+8, no DST, needs no tzdata */
	s = store_open(":memory:", "ann", false, err, sizeof err);
	assert_non_null(s);
	now = local(2026, 3, 10, 10, 0, 0);
	recs[nr++] = ans("s1", "403", "403", true, local(2026, 3, 10, 9, 0, 0));
	recs[nr++] = ans("s2", "401", "403", false, local(2026, 3, 10, 0, 0, 30));
	recs[nr++] = ans("s3", "202", "202", true, local(2026, 3, 9, 23, 59, 59));
	recs[nr++] = ans("s4", "Allow", "Allow", true, local(2026, 3, 8, 12, 0, 0));
	recs[nr++] = ans("s5", "500", "503", false, local(2026, 3, 6, 12, 0, 0));
	recs[nr++] = ans("s6", "200", "200", true, local(2026, 2, 20, 12, 0, 0));
	/* later today but after `now`: still today's bucket */
	recs[nr++] = ans("s7", "429", "429", true, local(2026, 3, 10, 23, 0, 0));
	/* tomorrow: counted in totals, not in the 14 days */
	recs[nr++] = ans("s8", "301", "301", true, local(2026, 3, 11, 1, 0, 0));
	for (size_t i = 0; i < nr; i++)
		assert_true(store_record(s, &recs[i]));
	assert_true(store_chapter_opened(s, "intro", 1));
	assert_true(store_chapter_opened(s, "intro", 2));
	assert_true(store_chapter_opened(s, "forgotten", 3));

	assert_true(store_progress(s, now, &p));
	assert_int_equal(p.answers, 8);
	assert_int_equal(p.correct, 6);
	assert_int_equal(p.chapters_opened, 2);
	assert_int_equal(p.days[13].day, local(2026, 3, 10, 0, 0, 0));
	assert_int_equal(p.days[0].day, local(2026, 2, 25, 0, 0, 0));
	assert_int_equal(p.days[13].answers, 3);
	assert_int_equal(p.days[13].correct, 2);
	assert_int_equal(p.days[12].answers, 1);
	assert_int_equal(p.days[11].answers, 1);
	assert_int_equal(p.days[10].answers, 0);
	assert_int_equal(p.days[9].answers, 1);
	assert_int_equal(p.days[9].correct, 0);
	for (int i = 0; i < 9; i++)
		assert_int_equal(p.days[i].answers, 0);
	assert_int_equal(p.streak, 3);          /* 8, 9, 10 March */
	/* per class: 2xx 200,202 · 3xx 301 · 4xx 403×2, 429 · 5xx 503; Allow has none */
	assert_int_equal(p.klass[0].key, 1);
	assert_int_equal(p.klass[0].answers, 0);
	assert_int_equal(p.klass[1].answers, 2);
	assert_int_equal(p.klass[1].correct, 2);
	assert_int_equal(p.klass[2].answers, 1);
	assert_int_equal(p.klass[3].answers, 3);
	assert_int_equal(p.klass[3].correct, 2);
	assert_int_equal(p.klass[4].answers, 1);
	assert_int_equal(p.klass[4].correct, 0);
	assert_int_equal(p.n_codes, 6);
	assert_int_equal(p.codes[0].key, 200);
	assert_int_equal(p.codes[4].key, 429);
	assert_int_equal(p.codes[3].key, 403);
	assert_int_equal(p.codes[3].answers, 2);
	assert_int_equal(p.codes[3].correct, 1);
	/* due at now: s2 and s5 (wrong, box 1), s6 (box 2, due 21 Feb) and s4
	 * (box 2, due 9 March); the rest were right recently. */
	assert_int_equal(p.due, 4);
	store_progress_free(&p);
	assert_null(p.codes);

	/* Ending yesterday still counts; the 11th adds a day. */
	assert_true(store_progress(s, local(2026, 3, 12, 8, 0, 0), &p));
	assert_int_equal(p.streak, 4);
	store_progress_free(&p);
	/* Two days without answers break it. */
	assert_true(store_progress(s, local(2026, 3, 13, 8, 0, 0), &p));
	assert_int_equal(p.streak, 0);
	store_progress_free(&p);
	store_close(s);
}

/* A header question's expected answer is a header name; the code it is about
 * (stored beside it) puts it in its class and code. */
static void test_progress_header_answer_counts_by_code(void **state)
{
	char err[512] = "";
	struct progress p;
	(void)state;
	struct store *s = store_open(":memory:", "hal", false, err, sizeof err);
	assert_non_null(s);
	struct answer_rec a = ans("delete-readonly", "Retry-After", "Allow", false, 1000);
	a.qtype = "header";
	a.code = 405;
	assert_true(store_record(s, &a));
	struct answer_rec b = ans("old-style", "Location", "Location", true, 1001);
	b.qtype = "header";       /* code unknown (0): counted nowhere, as before 003 */
	assert_true(store_record(s, &b));
	assert_true(store_progress(s, 2000, &p));
	assert_int_equal(p.answers, 2);
	assert_int_equal(p.klass[3].answers, 1);
	assert_int_equal(p.klass[3].correct, 0);
	int total = 0;
	for (int k = 0; k < 5; k++)
		total += p.klass[k].answers;
	assert_int_equal(total, 1);
	assert_int_equal(p.n_codes, 1);
	assert_int_equal(p.codes[0].key, 405);
	store_progress_free(&p);
	store_close(s);
}

static void test_progress_dst(void **state)
{
	char err[512] = "";
	struct store *s;
	struct progress p;
	struct answer_rec a;

	(void)state;
	/* US rules: 2026-03-08 is 23 hours long. */
	set_tz("EST5EDT,M3.2.0,M11.1.0");
	s = store_open(":memory:", "ann", false, err, sizeof err);
	assert_non_null(s);
	a = ans("x", "200", "200", true, local(2026, 3, 8, 23, 30, 0));
	assert_true(store_record(s, &a));
	a = ans("x", "200", "200", true, local(2026, 3, 9, 0, 10, 0));
	assert_true(store_record(s, &a));
	a = ans("x", "200", "200", true, local(2026, 3, 7, 0, 0, 0));
	assert_true(store_record(s, &a));
	assert_true(store_progress(s, local(2026, 3, 9, 12, 0, 0), &p));
	assert_int_equal(p.days[13].day - p.days[12].day, 23 * 3600);
	assert_int_equal(p.days[12].day - p.days[11].day, 24 * 3600);
	assert_int_equal(p.days[13].answers, 1);
	assert_int_equal(p.days[12].answers, 1);
	assert_int_equal(p.days[11].answers, 1);
	assert_int_equal(p.streak, 3);
	store_progress_free(&p);
	store_close(s);
	set_tz("UTC0");
}

static void test_progress_empty_readonly(void **state)
{
	struct tmp *t = *state;
	char err[512] = "";
	struct store *s = store_open(t->db, "ann", false, err, sizeof err);
	struct progress p;
	struct mistake *m = (struct mistake *)1;
	struct leitner *l = (struct leitner *)1;
	size_t n = 7;

	assert_non_null(s);
	store_close(s);
	s = store_open(t->db, "nobody", true, err, sizeof err);
	assert_non_null(s);
	assert_true(store_progress(s, 1773108000, &p));
	assert_int_equal(p.answers, 0);
	assert_int_equal(p.streak, 0);
	assert_int_equal(p.due, 0);
	assert_int_equal(p.n_codes, 0);
	assert_int_equal(p.klass[4].key, 5);
	store_progress_free(&p);
	assert_true(store_mistakes(s, &m, &n));
	assert_int_equal(n, 0);
	assert_null(m);
	assert_true(store_item_states(s, &l, &n));
	assert_int_equal(n, 0);
	free(l);
	store_close(s);
}

/* class init refuses these: WAL does not work across machines. */
static void test_network_fs(void **state)
{
	(void)state;
	assert_string_equal(db_network_fs(0x6969), "NFS");
	assert_string_equal(db_network_fs((long)0xFF534D42UL), "CIFS");
	assert_string_equal(db_network_fs((long)0xFE534D42UL), "SMB2");
	assert_string_equal(db_network_fs(0x517B), "SMB");
	assert_null(db_network_fs(0xEF53));          /* ext4 */
	assert_null(db_network_fs(0x01021994));      /* tmpfs */
	assert_null(db_network_fs(0x58465342));      /* xfs */
}

static void test_default_path(void **state)
{
	char *p;

	(void)state;
	setenv("XDG_DATA_HOME", "/x/data", 1);
	p = db_default_path();
	assert_string_equal(p, "/x/data/httptutor/progress.db");
	free(p);
	setenv("XDG_DATA_HOME", "relative", 1);     /* ignored per the XDG spec */
	setenv("HOME", "/home/ann", 1);
	p = db_default_path();
	assert_string_equal(p, "/home/ann/.local/share/httptutor/progress.db");
	free(p);
	unsetenv("XDG_DATA_HOME");
}

/* db_same_file: a deleted or replaced file is noticed, and the store then
 * refuses to commit into it (issue 8). */
static void test_file_gone(void **state)
{
	struct tmp *t = *state;
	char err[512], other[160];
	struct store *s = store_open(t->db, "ann", false, err, sizeof err);
	struct answer_rec a = ans("code:404", "404", "404", true, 1000);

	assert_non_null(s);
	assert_true(db_same_file(s->db));
	assert_true(store_record(s, &a));
	assert_int_equal(unlink(t->db), 0);
	assert_false(db_same_file(s->db));
	assert_false(store_record(s, &a));
	assert_non_null(strstr(s->err, "deleted or replaced"));
	store_close(s);

	/* Replaced by another file at the same path (a new inode). */
	s = store_open(t->db, "ann", false, err, sizeof err);
	assert_non_null(s);
	snprintf(other, sizeof other, "%s/other.db", t->dir);
	struct store *o = store_open(other, "bob", false, err, sizeof err);
	assert_non_null(o);
	store_close(o);
	assert_int_equal(rename(other, t->db), 0);
	assert_false(store_record(s, &a));
	assert_true(s->db->gone);
	store_close(s);

	/* Memory databases have no file to lose. */
	s = store_open(":memory:", "ann", false, err, sizeof err);
	assert_non_null(s);
	assert_true(db_same_file(s->db));
	store_close(s);
}

/* The SQLite backend answers every call of the interface (a missing entry
 * would crash the first caller of it), and a store it opens uses it. */
static void test_backend_complete(void **state)
{
	typedef void (*fnptr)(void);
	enum { N = sizeof(struct store_ops) / sizeof(fnptr) };
	fnptr f[N];
	char err[256];
	(void)state;
	_Static_assert(sizeof(struct store_ops) % sizeof(fnptr) == 0, "only function pointers");
	memcpy(f, &store_sql_ops, sizeof f);
	for (int i = 0; i < N; i++)
		assert_non_null(f[i]);
	struct store *s = store_open(":memory:", "ana", false, err, sizeof err);
	assert_non_null(s);
	assert_ptr_equal(s->ops, &store_sql_ops);
	assert_string_equal(store_where(s), ":memory:");
	assert_false(store_gone(s));
	assert_int_equal(s->uid, (int64_t)getuid());
	store_close(s);
}

/* ---- the offline queue (pending.c) ------------------------------------------ */

/* A fake class server: answers each request with the next of its replies
 * and writes down the paths it was sent, in order. */
struct fake_server {
	enum pending_result replies[8];
	int n;
	char seen[8][16];
	int notes;
};

static enum pending_result fake_send(void *ctx, const char *method, const char *path,
                                     const char *key, const char *body, char *why, size_t whysz)
{
	struct fake_server *f = ctx;
	(void)method;
	(void)key;
	(void)body;
	assert_true(f->n < 8);
	snprintf(f->seen[f->n], sizeof f->seen[f->n], "%s", path);
	snprintf(why, whysz, "refused %s", path);
	return f->replies[f->n++];
}

static void fake_note(void *ctx, const char *why)
{
	struct fake_server *f = ctx;
	assert_non_null(strstr(why, "refused"));
	f->notes++;
}

/* Kept requests go out oldest first; one the server refuses for good is
 * dropped (and said) without holding back the rest; "later" stops the
 * flush and keeps that one and all behind it, in order, for next time. */
static void test_pending_order(void **state)
{
	char err[512] = "";
	struct db *d = db_open(":memory:", false, err, sizeof err);
	static const char *const paths[] = { "/a1", "/a2", "/a3", "/a4", "/a5" };
	int refused = -1;

	(void)state;
	assert_non_null(d);
	for (int i = 0; i < 5; i++)
		assert_true(pending_add(d, "k", "ann", "POST", paths[i], paths[i], "{}", err, sizeof err));
	assert_true(pending_add(d, "k", "bob", "POST", "/b1", "b1", "{}", err, sizeof err));
	assert_int_equal(pending_count(d, "k", "ann"), 5);

	struct fake_server f = { .replies = { PENDING_SENT, PENDING_REFUSED, PENDING_SENT,
	                                      PENDING_LATER } };
	assert_int_equal(pending_flush(d, "k", "ann", fake_send, fake_note, &f, &refused), 2);
	assert_int_equal(refused, 1);
	assert_int_equal(f.notes, 1);
	assert_int_equal(f.n, 4);
	for (int i = 0; i < 4; i++)
		assert_string_equal(f.seen[i], paths[i]);
	/* /a4 (later) and /a5 wait; bob's request is not ann's to send. */
	assert_int_equal(pending_count(d, "k", "ann"), 2);
	assert_int_equal(pending_count(d, "k", "bob"), 1);

	struct fake_server g = { .replies = { PENDING_SENT, PENDING_SENT } };
	assert_int_equal(pending_flush(d, "k", "ann", fake_send, fake_note, &g, &refused), 2);
	assert_int_equal(refused, 0);
	assert_string_equal(g.seen[0], "/a4");
	assert_string_equal(g.seen[1], "/a5");
	assert_int_equal(pending_count(d, "k", "ann"), 0);
	db_close(d);
}

struct iso_rows {
	int n;
	char at[3][32];
};

static void iso_row(void *ctx, int ncols, const char *const *cols)
{
	struct iso_rows *r = ctx;
	assert_true(ncols > 11);
	assert_string_equal(store_export_columns[11], "at");
	if (r->n < 3)
		snprintf(r->at[r->n], sizeof r->at[0], "%s", cols[11] ? cols[11] : "(null)");
	r->n++;
}

/* The export's times: clock_iso_utc spells what SQLite's strftime does,
 * over edges (epoch, leap days, centuries, the ends of 0000-9999) and a
 * spread of random seconds; outside those years SQLite gives NULL and
 * clock_iso_utc false. */
static void test_iso_utc_matches_sqlite(void **state)
{
	(void)state;
	sqlite3 *h;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(":memory:", &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', ?1, 'unixepoch')",
	                                    -1, &st, NULL), SQLITE_OK);
	static const int64_t edges[] = {
		0, 1, -1, 59, 86399, 86400, -86400, -86401, 951782400 /* 2000-02-29 */,
		951868799, 4107542400 /* 2100-03-01 */, 68169600, -2208988800 /* 1900 */,
		-62167219200, -62167219201, 253402300799, 253402300800, 1700000000, 1731520232,
	};
	uint64_t x = 88172645463325252u;
	int checked = 0;
	for (int i = 0; i < 20000 + (int)(sizeof edges / sizeof edges[0]); i++) {
		int64_t t;
		if (i < (int)(sizeof edges / sizeof edges[0])) {
			t = edges[i];
		} else {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;   /* xorshift */
			t = (int64_t)(x % 320000000000u) - 64000000000;
		}
		char mine[21];
		bool ok = clock_iso_utc(t, mine);
		sqlite3_bind_int64(st, 1, t);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		const char *want = (const char *)sqlite3_column_text(st, 0);
		if (t < -62167219200LL || t > 253402300799LL) {
			assert_false(ok);   /* the export asks SQLite for these */
		} else {
			assert_true(ok);
			assert_string_equal(mine, want);
			checked++;
		}
		sqlite3_reset(st);
	}
	assert_true(checked > 15000);
	/* ... and an export spells them as SQLite does. */
	char dir[] = "/tmp/httptutor-iso-XXXXXX", path[64], err[256];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/a.db", dir);
	struct store *s = store_open(path, "ann", false, err, sizeof err);
	assert_non_null(s);
	struct answer_rec a = { .item = "x", .qtype = "pick", .shown = "401,403", .given = "403",
	                        .expected = "403", .code = 403, .correct = true, .ms = 1,
	                        .at = 1731520232, .content_version = "t" };
	assert_true(store_record(s, &a));
	/* The store writes no such times; a damaged file may hold them. */
	sqlite3 *raw;
	assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw,
		"INSERT INTO answer(profile_id, uid, session_id, item, qtype, shown, given, expected,"
		" correct, ms, answered_at, content_version, code) SELECT profile_id, uid, session_id,"
		" item, qtype, shown, given, expected, correct, ms, t.v, content_version, code"
		" FROM answer, (SELECT -62167219201 AS v UNION ALL SELECT 0) t", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	struct iso_rows got = { 0 };
	assert_true(store_export(s, iso_row, &got));
	assert_int_equal(got.n, 3);
	assert_string_equal(got.at[0], "-001-12-31T23:59:59Z");
	assert_string_equal(got.at[1], "1970-01-01T00:00:00Z");
	assert_string_equal(got.at[2], "2024-11-13T17:50:32Z");
	store_close(s);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_fresh_file, tmp_setup, tmp_teardown),
		cmocka_unit_test(test_fresh_memory),
		cmocka_unit_test_setup_teardown(test_modes, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_v1_migrates, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_newer_refused, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_foreign_refused, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_garbage_refused, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_readonly_missing, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_roundtrip_file, tmp_setup, tmp_teardown),
		cmocka_unit_test(test_roundtrip_memory),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_append_only),
		cmocka_unit_test(test_pending_order),
		cmocka_unit_test_setup_teardown(test_readonly_open, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_query_only, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_disk_full, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_locked, tmp_setup, tmp_teardown),
		cmocka_unit_test(test_item_states),
		cmocka_unit_test(test_mistakes),
		cmocka_unit_test(test_progress),
		cmocka_unit_test_setup_teardown(test_tally_rows_follow_writes, tmp_setup, tmp_teardown),
		cmocka_unit_test(test_progress_header_answer_counts_by_code),
		cmocka_unit_test(test_progress_dst),
		cmocka_unit_test_setup_teardown(test_progress_empty_readonly, tmp_setup, tmp_teardown),
		cmocka_unit_test(test_network_fs),
		cmocka_unit_test(test_default_path),
		cmocka_unit_test_setup_teardown(test_file_gone, tmp_setup, tmp_teardown),
		cmocka_unit_test(test_backend_complete),
		cmocka_unit_test(test_iso_utc_matches_sqlite),
	};

	set_tz("UTC0");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
