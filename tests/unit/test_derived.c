/* test_derived.c — the tables schema 6 derives from the answer log equal a
 * replay of the log after every step of random histories: answers in and
 * out of order (same second, earlier, later), quizzes, exam attempts with
 * changed answers, attempts that end, exams that close, every feedback
 * kind.  Two replays are compared with them: the schema's own rebuild
 * (store_check), and an independent one here in C with the quiz engine's
 * Leitner step over answer_counted (schema 4's definition of what counts).
 * A history written before migration 5 and migrated gives the same tables
 * as one written after it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "quiz.h"
#include "shell.h"
#include "store.h"
#include "store_check.h"
#include "store_int.h"

enum { STEPS = 300, SEEDS = 8, MAX_SESS = 256, MAX_EXAMS = 32 };

struct world {
	sqlite3 *h;
	uint64_t rng;
	int64_t t;                  /* the latest time used */
	int64_t sess[MAX_SESS];
	int sess_profile[MAX_SESS];
	int n_sess;
	int n_exams;
};

static unsigned rnd(struct world *w, unsigned n)
{
	w->rng ^= w->rng << 13;
	w->rng ^= w->rng >> 7;
	w->rng ^= w->rng << 17;
	return (unsigned)(w->rng % n);
}

static void sql(sqlite3 *h, const char *fmt, ...)
{
	char buf[1024];
	char *err = NULL;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (sqlite3_exec(h, buf, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", buf, err ? err : "?");
}

static int64_t q_int(sqlite3 *h, const char *s)
{
	sqlite3_stmt *st = NULL;
	int64_t v = -1;
	if (sqlite3_prepare_v2(h, s, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* One random step of a classroom's history. */
static void step(struct world *w)
{
	static const char *const items[] = { "x", "y", "z", "code:403" };
	static const char *const answers[] = { "401", "403", "404", "Allow" };
	static const int64_t jumps[] = { 0, 0, 5, 60, 86400, -100, -3 * 86400 };
	unsigned r = rnd(w, 100);
	int p = 1 + (int)rnd(w, 2);

	if (r < 55) {
		const char *exp = answers[rnd(w, 4)];
		const char *given = rnd(w, 10) < 6 ? exp : answers[rnd(w, 4)];
		int64_t at = w->t + jumps[rnd(w, 7)];
		int64_t sess = 0;
		if (w->n_sess && rnd(w, 10) < 7) {
			int i = (int)rnd(w, (unsigned)w->n_sess);
			if (w->sess_profile[i] == p)
				sess = w->sess[i];
		}
		char code[8] = "NULL", sid[24] = "NULL";
		if (exp[0] != 'A' && rnd(w, 2))
			snprintf(code, sizeof code, "%s", exp);
		if (sess)
			snprintf(sid, sizeof sid, "%lld", (long long)sess);
		w->t = at > w->t ? at : w->t;
		sql(w->h, "INSERT INTO answer(profile_id, uid, session_id, item, qtype, shown, given,"
		    " expected, correct, ms, answered_at, code) VALUES (%d, 0, %s, '%s', 'pick', '',"
		    " '%s', '%s', %d, %u, %lld, %s)", p, sid, items[rnd(w, 4)], given, exp,
		    !strcmp(given, exp), (unsigned)rnd(w, 9000), (long long)at, code);
	} else if (r < 63 && w->n_exams < MAX_EXAMS) {
		static const char *const fb[] = { "end", "closed", "never" };
		sql(w->h, "INSERT INTO exam(id, seed, count, created_at, kind, feedback) "
		    "VALUES ('e%d', 1, 3, %lld, 'set', '%s')", w->n_exams++, (long long)w->t, fb[rnd(w, 3)]);
	} else if (r < 75 && w->n_sess < MAX_SESS) {
		bool attempt = w->n_exams && rnd(w, 3);
		if (attempt) {
			int e = (int)rnd(w, (unsigned)w->n_exams);
			sql(w->h, "INSERT INTO session(profile_id, kind, seed, started_at, exam_id, attempt) "
			    "VALUES (%d, 'exam', 1, %lld, 'e%d', (SELECT coalesce(max(attempt), 0) + 1 "
			    "FROM session WHERE exam_id = 'e%d' AND profile_id = %d))",
			    p, (long long)w->t, e, e, p);
		} else {
			sql(w->h, "INSERT INTO session(profile_id, kind, seed, started_at) "
			    "VALUES (%d, 'quiz', 1, %lld)", p, (long long)w->t);
		}
		w->sess[w->n_sess] = sqlite3_last_insert_rowid(w->h);
		w->sess_profile[w->n_sess++] = p;
	} else if (r < 90 && w->n_sess) {
		sql(w->h, "UPDATE session SET ended_at = %lld WHERE id = %lld AND ended_at IS NULL",
		    (long long)w->t, (long long)w->sess[rnd(w, (unsigned)w->n_sess)]);
	} else if (w->n_exams) {
		sql(w->h, "UPDATE exam SET closed_at = %lld WHERE id = 'e%u' AND closed_at IS NULL",
		    (long long)w->t, rnd(w, (unsigned)w->n_exams));
	}
}

/* ---- the independent replay ------------------------------------------------ */

struct rows {
	char **v;
	size_t n, cap;
};

static void add_row(struct rows *r, const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->v = realloc(r->v, r->cap * sizeof *r->v);
		assert_non_null(r->v);
	}
	r->v[r->n++] = strdup(buf);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void rows_free(struct rows *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i]);
	free(r->v);
	memset(r, 0, sizeof *r);
}

/* Each row of a query, its columns joined by '|', added to r. */
static void rows_of(sqlite3 *h, const char *q, struct rows *r)
{
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(h, q, -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		char buf[256] = "";
		size_t len = 0;
		for (int i = 0; i < sqlite3_column_count(st); i++) {
			const unsigned char *t = sqlite3_column_text(st, i);
			len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", i ? "|" : "",
			                        t ? (const char *)t : "-");
		}
		add_row(r, "%s", buf);
	}
	sqlite3_finalize(st);
}

static void same_rows(struct rows *want, struct rows *got, const char *what, const char *tag)
{
	if (want->n > 1)
		qsort(want->v, want->n, sizeof *want->v, cmp_str);
	if (got->n > 1)
		qsort(got->v, got->n, sizeof *got->v, cmp_str);
	for (size_t i = 0; i < want->n || i < got->n; i++)
		if (i >= want->n || i >= got->n || strcmp(want->v[i], got->v[i]) != 0)
			fail_msg("%s: %s differs from a replay at row %zu: replay %s, table %s", tag, what, i,
			         i < want->n ? want->v[i] : "(none)", i < got->n ? got->v[i] : "(none)");
	rows_free(want);
	rows_free(got);
}

/* Counted answers replayed with the quiz engine (item_state), and summed
 * here by day (day_stat). */
static void replay(sqlite3 *h, const char *tag)
{
	struct rows want = { 0 }, got = { 0 };
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(h,
		"SELECT profile_id, item, correct, answered_at, id FROM answer_counted "
		"ORDER BY profile_id, item, answered_at, id", -1, &st, NULL), SQLITE_OK);
	struct leitner l;
	int64_t last_id = 0, wrong_id = 0, streak = 0;
	int cur_p = -1;
	char cur_item[64] = "";
	struct { char key[48]; long n, c; } days[512];
	size_t nd = 0;
	for (;;) {
		bool more = sqlite3_step(st) == SQLITE_ROW;
		int p = more ? sqlite3_column_int(st, 0) : -2;
		const char *item = more ? (const char *)sqlite3_column_text(st, 1) : "";
		if (cur_p >= 0 && (p != cur_p || strcmp(item, cur_item))) {
			char wrong_at[48] = "-|-";   /* the last wrong answer, NULLs when none */
			if (wrong_id)
				snprintf(wrong_at, sizeof wrong_at, "%lld|%lld", (long long)l.last_wrong,
				         (long long)wrong_id);
			add_row(&want, "%d|%s|%d|%d|%lld|%d|%lld|%lld|%lld|%s", cur_p, cur_item, l.seen,
			        l.wrong, (long long)streak, l.box, (long long)l.due, (long long)l.last,
			        (long long)last_id, wrong_at);
		}
		if (!more)
			break;
		if (p != cur_p || strcmp(item, cur_item)) {
			memset(&l, 0, sizeof l);
			cur_p = p;
			snprintf(cur_item, sizeof cur_item, "%s", item);
			last_id = wrong_id = streak = 0;
		}
		int correct = sqlite3_column_int(st, 2);
		int64_t at = sqlite3_column_int64(st, 3);
		int64_t id = sqlite3_column_int64(st, 4);
		int seen = l.seen, wrong = l.wrong;
		quiz_leitner_apply(&l, correct, at);
		l.seen = seen + 1;
		l.wrong = wrong + !correct;
		l.last = at;
		if (!correct) {
			l.last_wrong = at;
			wrong_id = id;
			streak = 0;
		} else {
			streak++;
		}
		last_id = id;
		char key[48];
		time_t tt = (time_t)at;
		struct tm tm;
		localtime_r(&tt, &tm);
		snprintf(key, sizeof key, "%d|", p);
		strftime(key + strlen(key), sizeof key - strlen(key), "%Y-%m-%d", &tm);
		size_t i = 0;
		while (i < nd && strcmp(days[i].key, key))
			i++;
		if (i == nd) {
			assert_true(nd < 512);
			snprintf(days[nd].key, sizeof days[nd].key, "%s", key);
			days[nd].n = days[nd].c = 0;
			nd++;
		}
		days[i].n++;
		days[i].c += correct;
	}
	sqlite3_finalize(st);
	rows_of(h, "SELECT profile_id, item, seen, wrong, streak, box, due, last_at, last_id,"
	        " wrong_at, wrong_id FROM item_state", &got);
	same_rows(&want, &got, "item_state", tag);
	for (size_t i = 0; i < nd; i++)
		add_row(&want, "%s|%ld|%ld", days[i].key, days[i].n, days[i].c);
	rows_of(h, "SELECT profile_id, day, answers, correct FROM day_stat", &got);
	same_rows(&want, &got, "day_stat", tag);
}

/* One query's rows summed per key (its first columns): how many, and the
 * sum and the largest of the last one. */
static void sum_rows(sqlite3 *h, const char *q, int nkey, struct rows *out)
{
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(h, q, -1, &st, NULL), SQLITE_OK);
	char key[200] = "", k[200];
	long n = 0;
	int64_t sum = 0, max = 0;
	for (;;) {
		bool more = sqlite3_step(st) == SQLITE_ROW;
		if (more) {
			size_t len = 0;
			for (int i = 0; i < nkey; i++)
				len += (size_t)snprintf(k + len, sizeof k - len, "%s%s", i ? "|" : "",
				                        (const char *)sqlite3_column_text(st, i));
		}
		if (key[0] && (!more || strcmp(k, key))) {
			add_row(out, "%s|%ld|%lld|%lld", key, n, (long long)sum, (long long)max);
			n = 0;
			sum = max = 0;
		}
		if (!more)
			break;
		snprintf(key, sizeof key, "%s", k);
		n++;
		int64_t v = sqlite3_column_int64(st, nkey);
		sum += v;
		max = v > max ? v : max;
	}
	sqlite3_finalize(st);
}

/* The tally against answer_final (final, ms) and answer_counted (counted,
 * last_at), summed here; the code of an answer worked out here too. */
static void replay_tally(sqlite3 *h, const char *tag)
{
	struct rows fin = { 0 }, cnt = { 0 }, want = { 0 }, got = { 0 };
	static const char *const cols = "profile_id, item, coalesce(code, iif(expected GLOB "
		"'[1-5][0-9][0-9]', CAST(expected AS INTEGER), 0)), given, expected, correct";
	char q[512];
	snprintf(q, sizeof q, "SELECT %s, ms FROM answer_final ORDER BY 1, 2, 3, 4, 5, 6", cols);
	sum_rows(h, q, 6, &fin);
	snprintf(q, sizeof q, "SELECT %s, answered_at FROM answer_counted ORDER BY 1, 2, 3, 4, 5, 6", cols);
	sum_rows(h, q, 6, &cnt);
	/* rows are key|n|sum|max: final keys with their counted part, if any */
	for (size_t i = 0; i < fin.n; i++) {
		char key[200];
		long n;
		long long ms;
		char *bar = strrchr(fin.v[i], '|');
		*bar = '\0';
		bar = strrchr(fin.v[i], '|');
		sscanf(bar + 1, "%lld", &ms);
		*bar = '\0';
		bar = strrchr(fin.v[i], '|');
		sscanf(bar + 1, "%ld", &n);
		*bar = '\0';
		snprintf(key, sizeof key, "%s", fin.v[i]);
		long c = 0;
		long long last = -1;
		for (size_t j = 0; j < cnt.n; j++)
			if (!strncmp(cnt.v[j], key, strlen(key)) && cnt.v[j][strlen(key)] == '|') {
				long long sum;
				sscanf(cnt.v[j] + strlen(key) + 1, "%ld|%lld|%lld", &c, &sum, &last);
			}
		if (last >= 0)
			add_row(&want, "%s|%ld|%lld|%ld|%lld", key, n, ms, c, last);
		else
			add_row(&want, "%s|%ld|%lld|0|-", key, n, ms);
	}
	rows_free(&fin);
	rows_free(&cnt);
	rows_of(h, "SELECT profile_id, item, code, given, expected, correct, final, ms, counted, last_at"
	        " FROM tally", &got);
	same_rows(&want, &got, "tally", tag);
}

static void rebuild_agrees(struct store *s, const char *tag)
{
	struct store_check c[8];
	size_t n;
	if (!store_check(s, false, c, 8, &n))
		fail_msg("%s: %s", tag, s->err);
	assert_int_equal(n, 5);
	for (size_t i = 0; i < n; i++)
		if (c[i].only_kept || c[i].only_rebuilt)
			fail_msg("%s: %s: %ld rows only in the table, %ld only in the rebuild", tag,
			         c[i].table, c[i].only_kept, c[i].only_rebuilt);
}

/* The class report's sums (schema 8) against the tally summed here, by
 * SQL of the test's own rather than the schema's views. */
static void class_sums_agree(sqlite3 *h, const char *tag)
{
	struct rows want = { 0 }, got = { 0 };
	rows_of(h, "SELECT profile_id, correct, CASE WHEN correct THEN '' ELSE given END,"
	        " CASE WHEN correct THEN '' ELSE expected END, count(*), total(final), total(ms)"
	        " FROM tally GROUP BY profile_id, correct, 3, 4", &want);
	rows_of(h, "SELECT profile_id, correct, given, expected, n_rows, CAST(final AS REAL),"
	        " CAST(ms AS REAL) FROM class_learner", &got);
	same_rows(&want, &got, "class_learner", tag);
	rows_of(h, "SELECT item, given, expected, correct, count(*), total(final), total(ms)"
	        " FROM tally GROUP BY item, given, expected, correct", &want);
	rows_of(h, "SELECT item, given, expected, correct, n_rows, CAST(final AS REAL),"
	        " CAST(ms AS REAL) FROM class_item", &got);
	same_rows(&want, &got, "class_item", tag);
}

/* ---- tests ------------------------------------------------------------------ */

static struct store *fresh(char *dir, size_t n, const char *name)
{
	char path[256], err[256];
	snprintf(dir, n, "/tmp/httptutor-derived-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/%s.db", dir, name);
	struct store *s = store_open(path, "a", false, err, sizeof err);
	if (!s)
		fail_msg("%s", err);
	sql(s->db->h, "INSERT INTO profile(name, created_at) VALUES ('b', 0)");
	sql(s->db->h, "PRAGMA synchronous = OFF");   /* the logic is tested here, not the disk */
	return s;
}

static void test_random_histories(void **state)
{
	(void)state;
	for (int seed = 1; seed <= SEEDS; seed++) {
		char dir[64], tag[64];
		struct store *s = fresh(dir, sizeof dir, "r");
		struct world w = { s->db->h, 0x9e3779b97f4a7c15ull * (unsigned long long)seed, 1700000000, { 0 }, { 0 }, 0, 0 };
		for (int i = 0; i < STEPS; i++) {
			step(&w);
			snprintf(tag, sizeof tag, "seed %d step %d", seed, i);
			if (i % 25 == 24 || i == STEPS - 1) {
				rebuild_agrees(s, tag);
				class_sums_agree(s->db->h, tag);
				replay(s->db->h, tag);
				replay_tally(s->db->h, tag);
			}
		}
		/* the history covered what it should */
		assert_true(q_int(s->db->h, "SELECT count(*) FROM answer a JOIN session s ON s.id = a.session_id"
		                  " WHERE s.attempt IS NOT NULL") > 10);
		assert_true(q_int(s->db->h, "SELECT count(*) FROM session WHERE attempt IS NOT NULL"
		                  " AND ended_at IS NOT NULL") > 3);
		assert_true(q_int(s->db->h, "SELECT count(*) FROM answer a WHERE EXISTS (SELECT 1 FROM answer b"
		                  " WHERE b.profile_id = a.profile_id AND b.item = a.item AND b.id < a.id"
		                  " AND b.answered_at > a.answered_at)") > 0);
		store_close(s);
		run("rm -rf '%s'", dir);
	}
}

/* The derived tables' migration over an existing log builds what the
 * triggers would have. */
static void test_migration_builds_the_same(void **state)
{
	(void)state;
	char dir[64], path[256];
	struct store *a = fresh(dir, sizeof dir, "a");
	sqlite3 *b;
	snprintf(path, sizeof path, "%s/b.db", dir);
	assert_int_equal(sqlite3_open(path, &b), SQLITE_OK);
	int five = -1;
	for (int i = 0; i < db_migration_count && five < 0; i++)
		if (strstr(db_migrations[i].name, "_derived"))
			five = i;
	assert_true(five > 0);
	for (int i = 0; i < five; i++)
		assert_int_equal(sqlite3_exec(b, db_migrations[i].sql, NULL, NULL, NULL), SQLITE_OK);
	sql(b, "INSERT INTO profile(name, created_at) VALUES ('a', 0), ('b', 0)");
	struct world wa = { a->db->h, 77, 1700000000, { 0 }, { 0 }, 0, 0 };
	struct world wb = { b, 77, 1700000000, { 0 }, { 0 }, 0, 0 };
	for (int i = 0; i < STEPS; i++) {
		step(&wa);
		step(&wb);
	}
	assert_true(q_int(b, "SELECT count(*) FROM answer") > 100);
	assert_int_equal(sqlite3_exec(b, db_migrations[five].sql, NULL, NULL, NULL), SQLITE_OK);
	static const char *const tables[] = { "item_state", "day_stat", "tally" };
	for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
		char q[128];
		struct rows ra = { 0 }, rb = { 0 };
		snprintf(q, sizeof q, "SELECT * FROM %s", tables[t]);
		rows_of(a->db->h, q, &ra);
		rows_of(b, q, &rb);
		assert_true(ra.n > 0);
		same_rows(&ra, &rb, tables[t], "migrated");
	}
	assert_int_equal(q_int(b, "SELECT count(*) FROM derived_queue"), 0);
	assert_int_equal(q_int(b, "SELECT count(*) FROM item_redo"), 0);
	sqlite3_close(b);
	store_close(a);
	run("rm -rf '%s'", dir);
}

/* ---- what a learner reads of their own answers (store_mine.c) -------------- */

static void export_row(void *ctx, int ncols, const char *const *cols)
{
	char buf[256] = "";
	size_t len = 0;
	for (int i = 0; i < ncols; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", i ? "|" : "",
		                        cols[i] ? cols[i] : "-");
	add_row(ctx, "export %s", buf);
}

/* Everything a learner's views read, one row per fact. */
static void views_of(struct store *s, int64_t now, struct rows *r)
{
	static const char *const items[] = { "x", "y", "z", "code:403" };
	struct leitner *l; struct mistake *m; struct attempt *h;
	struct confusion_item *c; struct code_cell *cc; struct progress p;
	size_t n;

	assert_true(store_item_states(s, &l, &n));
	for (size_t i = 0; i < n; i++)
		add_row(r, "state %s|%d|%lld|%lld|%lld|%d|%d", l[i].item, l[i].box, (long long)l[i].due,
		        (long long)l[i].last, (long long)l[i].last_wrong, l[i].seen, l[i].wrong);
	free(l);
	assert_true(store_mistakes(s, &m, &n));
	for (size_t i = 0; i < n; i++)
		add_row(r, "mistake %s|%s|%s|%d|%lld|%d", m[i].item, m[i].given, m[i].expected,
		        m[i].times, (long long)m[i].last, m[i].fixed);
	free(m);
	for (size_t k = 0; k < sizeof items / sizeof items[0]; k++) {
		assert_true(store_item_history(s, items[k], &h, &n));
		for (size_t i = 0; i < n; i++)
			add_row(r, "history %s|%zu|%s|%s|%d|%lld", items[k], i, h[i].given, h[i].expected,
			        h[i].correct, (long long)h[i].at);
		free(h);
	}
	assert_true(store_confusion_items(s, &c, &n));
	for (size_t i = 0; i < n; i++)
		add_row(r, "confusion %s|%d|%d|%d|%lld", c[i].item, c[i].expected, c[i].given,
		        c[i].times, (long long)c[i].last);
	free(c);
	assert_true(store_code_matrix(s, now - 3 * 86400, &cc, &n));
	for (size_t i = 0; i < n; i++)
		add_row(r, "cell %d|%d|%d|%d|%lld", cc[i].expected, cc[i].given, cc[i].count,
		        cc[i].recent, (long long)cc[i].last);
	free(cc);
	assert_true(store_progress(s, now, &p));
	add_row(r, "progress %d|%d|%d|%d", p.answers, p.correct, p.streak, p.due);
	for (int i = 0; i < 14; i++)
		add_row(r, "day %d|%d|%d", i, p.days[i].answers, p.days[i].correct);
	for (int i = 0; i < 5; i++)
		add_row(r, "class %d|%d|%d", i, p.klass[i].answers, p.klass[i].correct);
	for (size_t i = 0; i < p.n_codes; i++)
		add_row(r, "code %d|%d|%d", p.codes[i].key, p.codes[i].answers, p.codes[i].correct);
	store_progress_free(&p);
	assert_true(store_export(s, export_row, r));
}

/* Answers written under a learner's name from another uid (alice with
 * --user bob) are not theirs: the learner reads exactly what the tables
 * give without them, and the other uid reads only its own; the teacher
 * reads both. */
static void test_own_rows(void **state)
{
	(void)state;
	for (int seed = 1; seed <= 2; seed++) {
		char dir[64], err[256], tag[32];
		struct store *s = fresh(dir, sizeof dir, "m");
		struct world w = { s->db->h, 0x51ed270b27a1f3c5ull * (unsigned long long)seed, 1700000000,
		                   { 0 }, { 0 }, 0, 0 };
		for (int i = 0; i < STEPS; i++)
			step(&w);
		int64_t now = w.t + 86400;
		struct store *teacher = store_sql_attach(s->db, "a", 0, true, err, sizeof err);
		struct store *own = store_sql_attach(s->db, "a", 0, false, err, sizeof err);
		struct store *other = store_sql_attach(s->db, "a", 7, false, err, sizeof err);
		assert_non_null(teacher);
		assert_non_null(own);
		assert_non_null(other);
		struct rows before = { 0 }, after = { 0 }, all = { 0 }, theirs = { 0 };
		views_of(teacher, now, &before);
		/* someone else's answers under the name: wrong ones, of an item the
		 * learner answered, out of order too */
		sql(s->db->h, "INSERT INTO answer(profile_id, uid, item, qtype, shown, given, expected,"
		    " correct, ms, answered_at, code) VALUES (1, 7, 'x', 'pick', '', '404', '403', 0, 5,"
		    " %lld, 403), (1, 7, 'x', 'pick', '', '401', '403', 0, 5, %lld, 403)",
		    (long long)w.t + 60, (long long)w.t - 86400);
		snprintf(tag, sizeof tag, "seed %d", seed);
		views_of(own, now, &after);
		assert_true(before.n > 20);
		same_rows(&before, &after, "the learner's own view", tag);
		views_of(other, now, &theirs);
		size_t exported = 0;
		for (size_t i = 0; i < theirs.n; i++) {
			if (!strncmp(theirs.v[i], "export ", 7)) {
				exported++;
				assert_non_null(strstr(theirs.v[i], "|a|7|"));
			}
			if (!strncmp(theirs.v[i], "progress ", 9))   /* 2 answers, none right, x due */
				assert_true(!strncmp(theirs.v[i], "progress 2|0|", 13) &&
				            !strcmp(strrchr(theirs.v[i], '|'), "|1"));
		}
		assert_int_equal(exported, 2);
		views_of(teacher, now, &all);
		size_t teacher_exported = 0;
		for (size_t i = 0; i < all.n; i++)
			teacher_exported += !strncmp(all.v[i], "export ", 7);
		assert_int_equal(teacher_exported, (size_t)q_int(s->db->h,
		                 "SELECT count(*) FROM answer WHERE profile_id = 1"));
		rows_free(&theirs);
		rows_free(&all);
		store_close(other);
		store_close(own);
		store_close(teacher);
		store_close(s);
		run("rm -rf '%s'", dir);
	}
}

static void answer(sqlite3 *h, int64_t sess, const char *item, const char *given, int64_t at)
{
	sql(h, "INSERT INTO answer(profile_id, uid, session_id, item, qtype, shown, given, expected,"
	    " correct, ms, answered_at, code) VALUES (1, 0, %lld, '%s', 'pick', '', '%s', '403', %d,"
	    " 1000, %lld, 403)", (long long)sess, item, given, !strcmp(given, "403"), (long long)at);
}

static int64_t attempt(sqlite3 *h, const char *exam)
{
	sql(h, "INSERT INTO session(profile_id, kind, seed, started_at, exam_id, attempt) "
	    "VALUES (1, 'exam', 1, 0, '%s', 1)", exam);
	return sqlite3_last_insert_rowid(h);
}

/* An attempt's answers count once it may be shown: at its end ('end'), when
 * the exam closes ('closed'), never ('never'); a changed answer counts once. */
static void test_exam_counting(void **state)
{
	(void)state;
	char dir[64];
	struct store *s = fresh(dir, sizeof dir, "e");
	sqlite3 *h = s->db->h;
	sql(h, "INSERT INTO exam(id, seed, count, created_at, kind, feedback) VALUES "
	    "('at-end', 1, 1, 0, 'set', 'end'), ('at-close', 1, 1, 0, 'set', 'closed'),"
	    " ('never', 1, 1, 0, 'set', 'never')");
	int64_t a = attempt(h, "at-end"), b = attempt(h, "at-close"), c = attempt(h, "never");
	answer(h, a, "x", "404", 100);
	answer(h, b, "y", "401", 110);
	answer(h, b, "y", "403", 120);          /* changed: only this one stands */
	answer(h, c, "z", "404", 130);
	assert_int_equal(q_int(h, "SELECT count(*) FROM item_state"), 0);
	assert_int_equal(q_int(h, "SELECT sum(counted) FROM tally"), 0);
	assert_int_equal(q_int(h, "SELECT sum(final) FROM tally"), 3);   /* the teacher sees them */
	assert_int_equal(q_int(h, "SELECT count(*) FROM tally WHERE item = 'y' AND given = '401'"), 0);
	sql(h, "UPDATE session SET ended_at = 200 WHERE id IN (%lld, %lld, %lld)",
	    (long long)a, (long long)b, (long long)c);
	assert_int_equal(q_int(h, "SELECT wrong FROM item_state WHERE item = 'x'"), 1);
	assert_int_equal(q_int(h, "SELECT count(*) FROM item_state WHERE item IN ('y', 'z')"), 0);
	sql(h, "UPDATE exam SET closed_at = 300");
	assert_int_equal(q_int(h, "SELECT seen FROM item_state WHERE item = 'y'"), 1);
	assert_int_equal(q_int(h, "SELECT box FROM item_state WHERE item = 'y'"), 2);
	assert_int_equal(q_int(h, "SELECT count(*) FROM item_state WHERE item = 'z'"), 0);
	assert_int_equal(q_int(h, "SELECT sum(counted) FROM tally"), 2);
	assert_int_equal(q_int(h, "SELECT sum(counted) FROM tally WHERE correct = 0"), 1);
	rebuild_agrees(s, "exams");
	replay(h, "exams");
	replay_tally(h, "exams");
	store_close(s);
	run("rm -rf '%s'", dir);
}

/* check notices a table that no longer agrees with the log, says which,
 * leaves it alone, and --repair mends it. */
static void test_check_and_repair(void **state)
{
	(void)state;
	char dir[64];
	struct store *s = fresh(dir, sizeof dir, "c");
	struct world w = { s->db->h, 5, 1700000000, { 0 }, { 0 }, 0, 0 };
	for (int i = 0; i < 100; i++)
		step(&w);
	rebuild_agrees(s, "before");
	class_sums_agree(s->db->h, "before");
	sql(s->db->h, "UPDATE tally SET counted = counted + 1");
	sql(s->db->h, "UPDATE class_item SET final = final + 1 WHERE (item, given, expected, correct) = "
	    "(SELECT item, given, expected, correct FROM class_item LIMIT 1)");
	sql(s->db->h, "DELETE FROM item_state WHERE item = 'x'");
	struct store_check c[8];
	size_t n;
	assert_true(store_check(s, false, c, 8, &n));
	assert_string_equal(c[0].table, "item_state");
	assert_int_equal(c[0].only_kept, 0);
	assert_true(c[0].only_rebuilt > 0);
	assert_string_equal(c[1].table, "day_stat");
	assert_int_equal(c[1].only_kept + c[1].only_rebuilt, 0);
	assert_string_equal(c[2].table, "tally");
	assert_true(c[2].only_kept > 0 && c[2].only_rebuilt > 0);
	assert_string_equal(c[3].table, "class_learner");
	assert_int_equal(c[3].only_kept + c[3].only_rebuilt, 0);
	assert_string_equal(c[4].table, "class_item");
	assert_int_equal(c[4].only_kept, 1);
	assert_int_equal(c[4].only_rebuilt, 1);
	assert_int_equal(q_int(s->db->h, "SELECT count(*) FROM item_state WHERE item = 'x'"), 0);
	assert_true(store_check(s, true, c, 8, &n));
	assert_true(q_int(s->db->h, "SELECT count(*) FROM item_state WHERE item = 'x'") > 0);
	rebuild_agrees(s, "repaired");
	class_sums_agree(s->db->h, "repaired");
	store_close(s);
	run("rm -rf '%s'", dir);
}

int main(void)
{
	setenv("TZ", "Asia/Taipei", 1);   /* local days are not UTC days */
	tzset();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_histories),
		cmocka_unit_test(test_exam_counting),
		cmocka_unit_test(test_migration_builds_the_same),
		cmocka_unit_test(test_check_and_repair),
		cmocka_unit_test(test_own_rows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
