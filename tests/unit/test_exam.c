/* test_exam.c — the exam rules in the store (store_exam.c) and papers
 * (paper.c) against temp databases and the real content: attempts, resume,
 * deadlines by the stored start, closing, "the last answer counts", what is
 * sealed until the results may be shown, shuffles, and a content edit that
 * leaves a paper alone. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "content.h"
#include "examhide.h"
#include "examrun.h"
#include "paper.h"
#include "store.h"
#include "store_exam.h"
#include "store_int.h"

#define T0 1763769600        /* 2025-11-22 00:00 UTC */

static struct model model;
static char dir[64], dbpath[128];

static int rm_one(const char *p, const struct stat *sb, int flag, struct FTW *f)
{
	(void)sb; (void)flag; (void)f;
	return remove(p);
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/httptutor-exam-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(dbpath, sizeof dbpath, "%s/class.db", dir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	nftw(dir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
	return 0;
}

static int load_model(void **state)
{
	struct diag d = { 0 };
	(void)state;
	setenv("HTTPTUTOR_NOW", "1763769600", 1);
	bool ok = content_load("content", &model, &d);
	diag_free(&d);
	return ok ? 0 : -1;
}

static int free_model(void **state)
{
	(void)state;
	content_free(&model);
	return 0;
}

static struct store *open_as(const char *user)
{
	char err[512] = "";
	struct store *s = store_open(dbpath, user, false, err, sizeof err);
	if (!s)
		fail_msg("store_open: %s", err);
	return s;
}

static sqlite3_int64 q_int(struct store *s, const char *sql)
{
	sqlite3_stmt *st = NULL;
	sqlite3_int64 v = -1;
	assert_int_equal(sqlite3_prepare_v2(s->db->h, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Make exam `name` with n pick questions from seed. */
static void make_exam(struct store *s, const char *name, int n, int minutes, int attempts,
                      enum exam_feedback fb, int64_t closes_at)
{
	struct quiz_opts o = { .count = n, .seed = 99, .types = 1u << Q_PICK };
	struct quiz qz;
	struct exam_item *items;
	size_t ni;
	struct exam_info e = { .minutes = minutes, .attempts = attempts, .feedback = fb,
	                       .shuffle = true, .closes_at = closes_at };
	snprintf(e.name, sizeof e.name, "%s", name);
	assert_true(quiz_build(&model, &o, &qz));
	assert_true(paper_items(&qz, &items, &ni));
	assert_int_equal(store_exam_create(s, &e, 99, items, ni, T0), EXAM_OK);
	paper_items_free(items, ni);
	quiz_free(&qz);
}

/* A wrong answer to a pick question: any code that is not the right one. */
static const char *wrong_for(const char *expected)
{
	return strcmp(expected, "599") ? "599" : "598";
}

static void test_create_and_paper(void **state)
{
	(void)state;
	struct store *s = open_as("teacher");
	struct exam_paper p;
	struct quiz_opts o = { .count = 5, .seed = 99, .types = 1u << Q_PICK };
	struct quiz qz;

	make_exam(s, "midterm", 5, 20, 1, EXAM_FEEDBACK_CLOSED, 0);
	assert_int_equal(store_exam_paper(s, "midterm", &p), EXAM_OK);
	assert_int_equal(p.n, 5);
	assert_int_equal(p.info.kind, EXAM_SET);
	assert_int_equal(p.info.minutes, 20);
	assert_int_equal(p.info.attempts, 1);
	assert_int_equal(p.info.feedback, EXAM_FEEDBACK_CLOSED);
	assert_string_equal(p.info.created_by, "teacher");
	assert_true(quiz_build(&model, &o, &qz));
	for (size_t i = 0; i < p.n; i++) {
		char right[64];
		quiz_right_str(&qz.q[i], right, sizeof right);
		assert_string_equal(p.q[i].item, qz.q[i].item);
		assert_string_equal(p.q[i].expected, right);
		assert_non_null(strstr(p.q[i].body, "\"situation\""));
	}
	quiz_free(&qz);
	store_exam_paper_free(&p);
	/* The name is taken; bad names are refused; an unknown exam is not found. */
	struct exam_info e = { .name = "midterm" };
	struct exam_item one = { .item = "x", .qtype = "pick", .code = 403,
	                         .choices = "401,403,404,400", .expected = "403", .body = "{}" };
	assert_int_equal(store_exam_create(s, &e, 1, &one, 1, T0), EXAM_EXISTS);
	snprintf(e.name, sizeof e.name, "seed-1-n1");
	assert_int_equal(store_exam_create(s, &e, 1, &one, 1, T0), EXAM_BAD_ANSWER);
	snprintf(e.name, sizeof e.name, "new");
	assert_int_equal(store_exam_create(s, &e, 1, &one, 1, T0), EXAM_BAD_ANSWER);
	assert_int_equal(store_exam_paper(s, "nosuch", &p), EXAM_NOT_FOUND);
	assert_non_null(strstr(s->err, "no exam 'nosuch'"));
	assert_int_equal(q_int(s, "SELECT count(*) FROM exam"), 1);
	store_close(s);
}

static void test_attempt_resume_last_answer_counts(void **state)
{
	(void)state;
	struct store *t = open_as("teacher"), *s;
	struct exam_attempt a, b;
	struct exam_paper p;

	make_exam(t, "quiz1", 4, 20, 1, EXAM_FEEDBACK_END, 0);
	assert_int_equal(store_exam_paper(t, "quiz1", &p), EXAM_OK);
	store_close(t);

	s = open_as("ann");
	assert_int_equal(store_exam_attempt(s, "quiz1", T0 + 10, &a), EXAM_OK);
	assert_int_equal(a.id, 0);
	assert_int_equal(store_exam_start(s, "quiz1", T0 + 10, &a), EXAM_OK);
	store_exam_attempt_free(&a);   /* only its id is used below */
	assert_true(a.id > 0);
	assert_int_equal(a.number, 1);
	assert_int_equal(a.state, ATTEMPT_OPEN);
	assert_int_equal(a.deadline_at, T0 + 10 + 20 * 60);
	assert_int_equal(a.ends_at, a.deadline_at);
	/* Right first, then changed to wrong: the last one counts. */
	assert_int_equal(store_exam_answer(s, a.id, 0, p.q[0].expected, NULL, 100, T0 + 20, "v"), EXAM_OK);
	assert_int_equal(store_exam_answer(s, a.id, 0, wrong_for(p.q[0].expected), NULL, 100, T0 + 30, "v"), EXAM_OK);
	assert_int_equal(store_exam_answer(s, a.id, 1, p.q[1].expected, NULL, 100, T0 + 40, "v"), EXAM_OK);
	/* Nothing is judged before the end. */
	assert_int_equal(store_exam_reload(s, a.id, T0 + 41, &b), EXAM_OK);
	assert_int_equal(b.answered, 2);
	assert_false(b.score_known);
	assert_null(b.right);
	assert_string_equal(b.given[0], wrong_for(p.q[0].expected));
	store_exam_attempt_free(&b);
	store_close(s);

	/* A second start (another process, later) resumes: same id, same clock. */
	s = open_as("ann");
	assert_int_equal(store_exam_start(s, "quiz1", T0 + 600, &b), EXAM_OK);
	assert_int_equal(b.id, a.id);
	assert_int_equal(b.deadline_at, a.deadline_at);
	assert_int_equal(b.shuffle_seed, a.shuffle_seed);
	assert_int_equal(b.answered, 2);
	store_exam_attempt_free(&b);
	/* Exam answers do not count towards progress until the attempt ends. */
	struct progress pr;
	assert_true(store_progress(s, T0 + 600, &pr));
	assert_int_equal(pr.answers, 0);
	store_progress_free(&pr);
	assert_int_equal(store_exam_finish(s, a.id, T0 + 700), EXAM_OK);
	assert_int_equal(store_exam_reload(s, a.id, T0 + 701, &b), EXAM_OK);
	assert_int_equal(b.state, ATTEMPT_FINISHED);
	assert_int_equal(b.ended_at, T0 + 700);
	assert_true(b.score_known && b.released);
	assert_int_equal(b.score, 1);
	assert_false(b.right[0]);
	assert_true(b.right[1]);
	store_exam_attempt_free(&b);
	/* Now they count: the final answers only (2, one right). */
	assert_true(store_progress(s, T0 + 800, &pr));
	assert_int_equal(pr.answers, 2);
	assert_int_equal(pr.correct, 1);
	store_progress_free(&pr);
	/* The log kept all three. */
	assert_int_equal(q_int(s, "SELECT count(*) FROM answer"), 3);
	/* Finished: answers are final, and one attempt was all there was. */
	assert_int_equal(store_exam_answer(s, a.id, 2, p.q[2].expected, NULL, 1, T0 + 710, "v"), EXAM_ENDED);
	assert_int_equal(store_exam_finish(s, a.id, T0 + 710), EXAM_ENDED);
	assert_int_equal(store_exam_start(s, "quiz1", T0 + 720, &b), EXAM_NO_ATTEMPTS);
	assert_int_equal(q_int(s, "SELECT count(*) FROM answer"), 3);
	store_close(s);

	/* Someone else cannot answer ann's attempt (the server says 403). */
	s = open_as("bob");
	assert_int_equal(store_exam_answer(s, a.id, 2, p.q[2].expected, NULL, 1, T0 + 30, "v"), EXAM_FORBIDDEN);
	assert_int_equal(store_exam_finish(s, a.id, T0 + 30), EXAM_FORBIDDEN);
	assert_int_equal(store_exam_answer(s, a.id + 999, 2, p.q[2].expected, NULL, 1, T0 + 30, "v"),
	                 EXAM_NOT_FOUND);
	store_close(s);
	store_exam_paper_free(&p);
}

static void test_deadline_and_sweep(void **state)
{
	(void)state;
	struct store *s = open_as("teacher");
	struct exam_attempt a, b;
	struct exam_paper p;

	make_exam(s, "timed", 3, 10, 2, EXAM_FEEDBACK_END, 0);
	assert_int_equal(store_exam_paper(s, "timed", &p), EXAM_OK);
	store_close(s);
	s = open_as("cho");
	assert_int_equal(store_exam_start(s, "timed", T0, &a), EXAM_OK);
	store_exam_attempt_free(&a);   /* only its id is used below */
	assert_int_equal(store_exam_answer(s, a.id, 0, p.q[0].expected, NULL, 1, T0 + 599, "v"), EXAM_OK);
	/* One second after the stored deadline: refused, and the attempt ends. */
	assert_int_equal(store_exam_answer(s, a.id, 1, p.q[1].expected, NULL, 1, T0 + 600, "v"), EXAM_TIME_UP);
	assert_int_equal(q_int(s, "SELECT count(*) FROM answer"), 1);
	assert_int_equal(store_exam_reload(s, a.id, T0 + 601, &b), EXAM_OK);
	assert_int_equal(b.state, ATTEMPT_TIME);
	assert_int_equal(b.ended_at, T0 + 600);
	assert_int_equal(b.score, 1);
	assert_int_equal(b.attempts_left, 1);
	store_exam_attempt_free(&b);
	/* Attempts allowed: 2, so a new start makes attempt 2 with a fresh clock. */
	assert_int_equal(store_exam_start(s, "timed", T0 + 700, &b), EXAM_OK);
	assert_int_equal(b.number, 2);
	assert_int_equal(b.answered, 0);
	assert_int_equal(b.deadline_at, T0 + 700 + 600);
	int64_t second = b.id;
	store_exam_attempt_free(&b);
	store_close(s);

	/* Coming back after the deadline: the start says the time is up and
	 * starts nothing (no attempts left anyway). */
	s = open_as("cho");
	assert_int_equal(store_exam_start(s, "timed", T0 + 5000, &b), EXAM_TIME_UP);
	assert_int_equal(b.id, second);
	assert_int_equal(b.state, ATTEMPT_TIME);
	store_exam_attempt_free(&b);
	store_close(s);

	/* An attempt nobody returns to is ended by the next writer's sweep. */
	s = open_as("dan");
	assert_int_equal(store_exam_start(s, "timed", T0, &a), EXAM_OK);
	store_exam_attempt_free(&a);   /* only its id is used below */
	assert_true(store_exam_sweep(s, T0 + 599));
	assert_int_equal(q_int(s, "SELECT count(*) FROM session WHERE ended_at IS NULL AND attempt IS NOT NULL"), 1);
	assert_true(store_exam_sweep(s, T0 + 601));
	assert_int_equal(q_int(s, "SELECT count(*) FROM session WHERE ended_at IS NULL AND attempt IS NOT NULL"), 0);
	assert_int_equal(q_int(s, "SELECT count(*) FROM session WHERE end_reason = 'time' AND ended_at = 1763770200"), 2);
	store_close(s);
	store_exam_paper_free(&p);
}

static void test_close_and_feedback_closed(void **state)
{
	(void)state;
	struct store *s = open_as("teacher");
	struct exam_attempt a, b;
	struct exam_paper p;
	struct progress pr;

	make_exam(s, "final", 3, 0, 1, EXAM_FEEDBACK_CLOSED, T0 + 3600);
	assert_int_equal(store_exam_paper(s, "final", &p), EXAM_OK);
	store_close(s);
	s = open_as("eve");
	assert_int_equal(store_exam_start(s, "final", T0, &a), EXAM_OK);
	store_exam_attempt_free(&a);   /* only its id is used below */
	assert_int_equal(a.deadline_at, 0);
	assert_int_equal(a.ends_at, T0 + 3600);     /* untimed, but the exam closes */
	assert_int_equal(store_exam_answer(s, a.id, 0, wrong_for(p.q[0].expected), NULL, 1, T0 + 5, "v"), EXAM_OK);
	assert_int_equal(store_exam_finish(s, a.id, T0 + 10), EXAM_OK);
	assert_int_equal(store_exam_reload(s, a.id, T0 + 11, &b), EXAM_OK);
	/* Finished: the score is known, which ones were right is not (closed). */
	assert_true(b.score_known);
	assert_false(b.released);
	assert_null(b.right);
	assert_int_equal(b.score, 0);
	store_exam_attempt_free(&b);
	assert_true(store_progress(s, T0 + 20, &pr));
	assert_int_equal(pr.answers, 0);            /* sealed until the exam closes */
	store_progress_free(&pr);
	store_close(s);

	s = open_as("fay");
	assert_int_equal(store_exam_start(s, "final", T0 + 30, &a), EXAM_OK);
	store_exam_attempt_free(&a);   /* only its id is used below */
	store_close(s);
	/* The teacher closes it now: fay's open attempt ends as closed. */
	s = open_as("teacher");
	assert_int_equal(store_exam_close(s, "final", T0 + 40, T0 + 40), EXAM_OK);
	assert_int_equal(store_exam_close(s, "final", T0 + 41, T0 + 41), EXAM_CLOSED);
	assert_int_equal(store_exam_close(s, "nosuch", T0 + 41, T0 + 41), EXAM_NOT_FOUND);
	store_close(s);
	s = open_as("fay");
	assert_int_equal(store_exam_reload(s, a.id, T0 + 50, &b), EXAM_OK);
	assert_int_equal(b.state, ATTEMPT_CLOSED);
	assert_int_equal(b.ended_at, T0 + 40);
	store_exam_attempt_free(&b);
	assert_int_equal(store_exam_answer(s, a.id, 1, p.q[1].expected, NULL, 1, T0 + 50, "v"), EXAM_ENDED);
	assert_int_equal(store_exam_start(s, "final", T0 + 50, &b), EXAM_CLOSED);
	assert_non_null(strstr(s->err, "closed at"));
	store_close(s);
	/* Closed: eve's result is released and now counts. */
	s = open_as("eve");
	assert_int_equal(store_exam_attempt(s, "final", T0 + 60, &b), EXAM_OK);
	assert_true(b.released);
	assert_non_null(b.right);
	assert_false(b.right[0]);
	store_exam_attempt_free(&b);
	assert_true(store_progress(s, T0 + 60, &pr));
	assert_int_equal(pr.answers, 1);
	store_progress_free(&pr);
	store_close(s);
	store_exam_paper_free(&p);
}

static void test_close_later_and_never(void **state)
{
	(void)state;
	struct store *s = open_as("teacher");
	struct exam_attempt a, b;
	struct progress pr;

	make_exam(s, "hidden", 2, 0, 0, EXAM_FEEDBACK_NEVER, 0);
	/* A set closing time, then it passes: the next start is refused. */
	assert_int_equal(store_exam_close(s, "hidden", T0 + 100, T0), EXAM_OK);
	assert_int_equal(q_int(s, "SELECT closes_at FROM exam WHERE id = 'hidden'"), T0 + 100);
	store_close(s);
	s = open_as("gus");
	assert_int_equal(store_exam_start(s, "hidden", T0 + 10, &a), EXAM_OK);
	store_exam_attempt_free(&a);   /* only its id is used below */
	assert_int_equal(a.attempts_left, -1);       /* unlimited */
	assert_int_equal(store_exam_answer(s, a.id, 0, "403", NULL, 1, T0 + 15, "v"), EXAM_OK);
	assert_int_equal(store_exam_finish(s, a.id, T0 + 20), EXAM_OK);
	assert_int_equal(store_exam_reload(s, a.id, T0 + 200, &b), EXAM_OK);
	assert_false(b.released);                     /* never, even once closed */
	store_exam_attempt_free(&b);
	assert_int_equal(store_exam_start(s, "hidden", T0 + 200, &b), EXAM_CLOSED);
	assert_true(store_progress(s, T0 + 300, &pr));
	assert_int_equal(pr.answers, 0);
	store_progress_free(&pr);
	store_close(s);
}

static void test_answer_checks_and_results(void **state)
{
	(void)state;
	struct store *s = open_as("teacher");
	struct exam_attempt a;
	struct exam_paper p;
	struct exam_results res;

	/* Every type, so meaning and header answers are checked against choices. */
	struct quiz_opts o = { .count = 12, .seed = 5 };
	struct quiz qz;
	struct exam_item *items;
	size_t ni;
	struct exam_info e = { .name = "mixed", .feedback = EXAM_FEEDBACK_END };
	assert_true(quiz_build(&model, &o, &qz));
	assert_true(paper_items(&qz, &items, &ni));
	assert_int_equal(store_exam_create(s, &e, 5, items, ni, T0), EXAM_OK);
	paper_items_free(items, ni);
	quiz_free(&qz);
	assert_int_equal(store_exam_paper(s, "mixed", &p), EXAM_OK);
	store_close(s);

	s = open_as("hal");
	assert_int_equal(store_exam_start(s, "mixed", T0, &a), EXAM_OK);
	store_exam_attempt_free(&a);   /* only its id is used below */
	assert_int_equal(store_exam_answer(s, a.id, -1, "403", NULL, 1, T0, "v"), EXAM_BAD_ANSWER);
	assert_int_equal(store_exam_answer(s, a.id, (int)p.n, "403", NULL, 1, T0, "v"), EXAM_BAD_ANSWER);
	int right = 0;
	for (size_t i = 0; i < p.n; i++) {
		const char *qt = p.q[i].qtype;
		if (!strcmp(qt, "meaning") || !strcmp(qt, "header"))
			assert_int_equal(store_exam_answer(s, a.id, (int)i, "Nonsense", NULL, 1, T0, "v"),
			                 EXAM_BAD_ANSWER);
		else
			assert_int_equal(store_exam_answer(s, a.id, (int)i, "12", NULL, 1, T0, "v"),
			                 EXAM_BAD_ANSWER);
		/* The right answer, a header in other letter case included. */
		char given[64];
		snprintf(given, sizeof given, "%s", p.q[i].expected);
		if (!strcmp(qt, "header"))
			for (char *c = given; *c; c++)
				*c = (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c);
		if (i % 3 == 0) {
			assert_int_equal(store_exam_answer(s, a.id, (int)i, given, NULL, 1, T0 + 1, "v"), EXAM_OK);
			right++;
		}
	}
	assert_int_equal(q_int(s, "SELECT count(*) FROM answer"), (sqlite3_int64)((p.n + 2) / 3));
	assert_int_equal(store_exam_finish(s, a.id, T0 + 100), EXAM_OK);
	store_close(s);

	s = open_as("teacher");
	assert_int_equal(store_exam_results(s, "mixed", T0 + 200, &res), EXAM_OK);
	assert_int_equal(res.n, 1);
	assert_string_equal(res.r[0].name, "hal");
	assert_int_equal(res.r[0].a.score, right);
	assert_int_equal(res.r[0].a.answered, right);
	assert_int_equal(res.paper.n, p.n);
	store_exam_results_free(&res);
	assert_int_equal(store_exam_results(s, "nosuch", T0, &res), EXAM_NOT_FOUND);
	store_close(s);
	store_exam_paper_free(&p);
}

/* A code the scenario also accepts is graded right, by the store. */
static void test_also_accepted(void **state)
{
	(void)state;
	struct store *s = open_as("teacher");
	struct exam_item q[2] = {
		{ .item = "checkout", .qtype = "pick", .code = 202, .choices = "200,202,204,206",
		  .expected = "202", .also = "201", .body = "{}" },
		{ .item = "other", .qtype = "type", .code = 404, .choices = "", .expected = "404",
		  .also = "", .body = "{}" },
	};
	struct exam_info e = { .name = "also", .feedback = EXAM_FEEDBACK_END };
	struct exam_attempt a;
	assert_int_equal(store_exam_create(s, &e, 1, q, 2, T0), EXAM_OK);
	store_close(s);
	s = open_as("ivy");
	assert_int_equal(store_exam_start(s, "also", T0, &a), EXAM_OK);
	store_exam_attempt_free(&a);   /* only its id is used below */
	assert_int_equal(store_exam_answer(s, a.id, 0, "201", NULL, 1, T0, "v"), EXAM_OK);
	assert_int_equal(store_exam_answer(s, a.id, 1, "201", NULL, 1, T0, "v"), EXAM_OK);
	store_exam_attempt_free(&a);
	assert_int_equal(store_exam_finish(s, a.id, T0 + 1), EXAM_OK);
	assert_int_equal(store_exam_reload(s, a.id, T0 + 2, &a), EXAM_OK);
	assert_int_equal(a.score, 1);
	assert_true(a.right[0]);
	assert_false(a.right[1]);                   /* 201 is accepted only where the paper says */
	store_exam_attempt_free(&a);
	store_close(s);
}

static void test_practice(void **state)
{
	(void)state;
	struct store *s = open_as("ivy");
	struct exam_item one = { .item = "x", .qtype = "pick", .code = 403,
	                         .choices = "401,403,404,400", .expected = "403", .body = "{}" };
	struct exam_info e = { .name = "seed-5-n1", .minutes = 10 };
	struct exam_attempt a, b;

	assert_int_equal(store_exam_practice(s, &e, 5, &one, 1, T0), EXAM_OK);
	assert_int_equal(store_exam_practice(s, &e, 5, &one, 1, T0), EXAM_OK);
	e.minutes = 11;
	assert_int_equal(store_exam_practice(s, &e, 5, &one, 1, T0), EXAM_MISMATCH);
	assert_non_null(strstr(s->err, "10 minutes"));
	/* Practice papers: unlimited attempts, results at the end. */
	assert_int_equal(store_exam_start(s, "seed-5-n1", T0, &a), EXAM_OK);
	store_exam_attempt_free(&a);   /* only its id is used below */
	assert_int_equal(store_exam_finish(s, a.id, T0 + 1), EXAM_OK);
	assert_int_equal(store_exam_start(s, "seed-5-n1", T0 + 2, &b), EXAM_OK);
	assert_int_equal(b.number, 2);
	store_exam_attempt_free(&b);
	store_close(s);
}

static void test_shuffle_and_content_edit(void **state)
{
	(void)state;
	struct store *s = open_as("teacher");
	struct exam_paper p;
	struct paper_view v1, v2, v3;
	char err[256];

	make_exam(s, "shuf", 8, 0, 1, EXAM_FEEDBACK_END, 0);
	assert_int_equal(store_exam_paper(s, "shuf", &p), EXAM_OK);
	assert_true(paper_view(&model, &p, true, 1, &v1, err, sizeof err));
	assert_true(paper_view(&model, &p, true, 1, &v2, err, sizeof err));
	assert_true(paper_view(&model, &p, true, 2, &v3, err, sizeof err));
	bool order_differs = false;
	int seen[8] = { 0 };
	for (size_t i = 0; i < v1.qz.n; i++) {
		const struct question *q = &v1.qz.q[i];
		assert_int_equal(v1.order[i], v2.order[i]);
		assert_int_equal(q->choice_code[0], v2.qz.q[i].choice_code[0]);
		order_differs |= v1.order[i] != v3.order[i];
		seen[v1.order[i]]++;
		/* The right answer is where right says, whatever the shuffle. */
		assert_int_equal(q->choice_code[q->right], q->code->code);
		assert_string_equal(q->item, p.q[v1.order[i]].item);
	}
	assert_true(order_differs);
	for (int i = 0; i < 8; i++)
		assert_int_equal(seen[i], 1);              /* the same questions */
	paper_view_free(&v2);
	paper_view_free(&v3);

	/* A content edit after the exam was made: the paper keeps its texts. */
	const struct question *q0 = &v1.qz.q[0];
	char before[512];
	snprintf(before, sizeof before, "%s", q0->sc->situation.s[LANG_EN]);
	struct scenario *live = (struct scenario *)model_scenario(&model, q0->item);
	assert_non_null(live);
	char *saved = live->situation.s[LANG_EN];
	live->situation.s[LANG_EN] = (char *)"Edited after the exam was made.";
	int saved_answer = live->answer;
	live->answer = 200;
	assert_true(paper_view(&model, &p, true, 1, &v2, err, sizeof err));
	assert_string_equal(v2.qz.q[0].sc->situation.s[LANG_EN], before);
	char right[64];
	quiz_right_str(&v2.qz.q[0], right, sizeof right);
	assert_string_equal(right, p.q[v2.order[0]].expected);
	live->situation.s[LANG_EN] = saved;
	live->answer = saved_answer;
	paper_view_free(&v2);
	paper_view_free(&v1);
	store_exam_paper_free(&p);
	store_close(s);
}

/* ---- who may do what: identity is the store's input (uid, teacher) ------- */

/* A store for user as uid on the shared db, as the class server makes them. */
static struct store *attach_as(struct db *db, const char *user, int64_t uid, bool teacher)
{
	char err[512] = "";
	struct store *s = store_sql_attach(db, user, uid, teacher, err, sizeof err);
	if (!s)
		fail_msg("store_sql_attach: %s", err);
	return s;
}

static struct db *open_db(void)
{
	char err[512] = "";
	struct db *db = db_open(dbpath, false, err, sizeof err);
	if (!db)
		fail_msg("db_open: %s", err);
	return db;
}

static void report_count(void *ctx, const struct report_group *g)
{
	(void)g;
	++*(int *)ctx;
}

static void test_teacher_steps(void **state)
{
	(void)state;
	struct db *db = open_db();
	struct store *teach = attach_as(db, "lin", 500, true);
	struct store *stud = attach_as(db, "ann", 1001, false);
	struct exam_results res;
	int groups = 0;

	/* Only a teacher makes exams. */
	struct exam_item one = { .item = "x", .qtype = "pick", .code = 403,
	                         .choices = "401,403", .expected = "403", .also = "", .body = "{}" };
	struct exam_info e = { .name = "fake", .attempts = 1 };
	assert_int_equal(store_exam_create(stud, &e, 1, &one, 1, T0), EXAM_FORBIDDEN);
	assert_true(stud->denied);
	assert_int_equal(q_int(stud, "SELECT count(*) FROM exam"), 0);
	make_exam(teach, "mid", 3, 20, 1, EXAM_FEEDBACK_CLOSED, 0);
	assert_false(teach->denied);
	/* A student can neither close it nor set when it closes. */
	assert_int_equal(store_exam_close(stud, "mid", T0 + 60, T0), EXAM_FORBIDDEN);
	assert_int_equal(store_exam_close(stud, "mid", T0, T0), EXAM_FORBIDDEN);
	assert_int_equal(q_int(stud, "SELECT count(*) FROM exam WHERE closed_at IS NULL AND closes_at IS NULL"), 1);
	/* Nor read the results or the class report; the teacher can. */
	assert_int_equal(store_exam_results(stud, "mid", T0, &res), EXAM_FORBIDDEN);
	assert_true(stud->denied);
	assert_null(res.r);
	assert_false(store_report(stud, NULL, report_count, &groups));
	assert_true(stud->denied);
	assert_int_equal(store_exam_results(teach, "mid", T0, &res), EXAM_OK);
	store_exam_results_free(&res);
	assert_true(store_report(teach, NULL, report_count, &groups));
	/* The uid that made it stays its teacher, teacher flag or not. */
	struct store *maker = attach_as(db, "lin", 500, false);
	assert_int_equal(store_exam_results(maker, "mid", T0, &res), EXAM_OK);
	store_exam_results_free(&res);
	assert_int_equal(store_exam_close(maker, "mid", T0 + 60, T0), EXAM_OK);
	/* A token has no uid (-1): being -1 too makes nobody its teacher. */
	struct store *tok = attach_as(db, "tom", -1, false);
	struct store *tokteach = attach_as(db, "tokteacher", -1, true);
	make_exam(tokteach, "tokexam", 2, 0, 1, EXAM_FEEDBACK_END, 0);
	store_close(tokteach);
	assert_int_equal(store_exam_results(tok, "tokexam", T0, &res), EXAM_FORBIDDEN);
	assert_int_equal(store_exam_close(tok, "tokexam", T0, T0), EXAM_FORBIDDEN);
	/* A practice paper's first runner is not its teacher. */
	struct quiz_opts o = { .count = 2, .seed = 7, .types = 1u << Q_PICK };
	struct quiz qz;
	struct exam_item *items;
	size_t ni;
	struct exam_info pe = { .name = "seed-7-n2", .kind = EXAM_PRACTICE };
	assert_true(quiz_build(&model, &o, &qz));
	assert_true(paper_items(&qz, &items, &ni));
	assert_int_equal(store_exam_practice(stud, &pe, 7, items, ni, T0), EXAM_OK);
	assert_int_equal(store_exam_results(stud, "seed-7-n2", T0, &res), EXAM_FORBIDDEN);
	assert_int_equal(store_exam_results(teach, "seed-7-n2", T0, &res), EXAM_OK);
	store_exam_results_free(&res);
	paper_items_free(items, ni);
	quiz_free(&qz);
	store_close(tok);
	store_close(maker);
	store_close(stud);
	store_close(teach);
	db_close(db);
}

static void test_attempt_belongs_to_uid(void **state)
{
	(void)state;
	struct db *db = open_db();
	struct store *teach = attach_as(db, "lin", 500, true);
	struct store *ann = attach_as(db, "ann", 1001, false);
	/* The same profile name from another account (--user ann). */
	struct store *fake = attach_as(db, "ann", 1002, false);
	struct exam_attempt a, b;
	struct exam_paper p;
	struct exam_results res;

	make_exam(teach, "mid", 3, 20, 2, EXAM_FEEDBACK_END, 0);
	assert_int_equal(store_exam_paper(teach, "mid", &p), EXAM_OK);
	assert_int_equal(store_exam_start(ann, "mid", T0, &a), EXAM_OK);
	store_exam_attempt_free(&a);
	assert_int_equal(store_exam_answer(ann, a.id, 0, p.q[0].expected, NULL, 1, T0 + 1, "v"), EXAM_OK);
	sqlite3_int64 before = q_int(ann, "SELECT count(*) FROM answer");
	/* Another uid cannot resume it, look at it, answer in it or hand it in. */
	assert_int_equal(store_exam_attempt(fake, "mid", T0 + 2, &b), EXAM_FORBIDDEN);
	assert_true(fake->denied);
	assert_null(b.given);
	assert_int_equal(store_exam_start(fake, "mid", T0 + 2, &b), EXAM_FORBIDDEN);
	assert_int_equal(b.id, 0);
	assert_int_equal(store_exam_answer(fake, a.id, 0, wrong_for(p.q[0].expected), NULL, 1, T0 + 3, "v"),
	                 EXAM_FORBIDDEN);
	assert_int_equal(store_exam_answer(fake, a.id, 1, p.q[1].expected, NULL, 1, T0 + 3, "v"),
	                 EXAM_FORBIDDEN);
	assert_int_equal(store_exam_finish(fake, a.id, T0 + 4), EXAM_FORBIDDEN);
	assert_int_equal(store_exam_reload(fake, a.id, T0 + 4, &b), EXAM_FORBIDDEN);
	assert_int_equal(q_int(ann, "SELECT count(*) FROM answer"), before);
	assert_int_equal(q_int(ann, "SELECT count(*) FROM session WHERE ended_at IS NULL"), 1);
	/* Nor start the next attempt once the first has ended. */
	assert_int_equal(store_exam_finish(ann, a.id, T0 + 5), EXAM_OK);
	assert_int_equal(store_exam_start(fake, "mid", T0 + 6, &b), EXAM_FORBIDDEN);
	assert_int_equal(q_int(ann, "SELECT count(*) FROM session WHERE attempt IS NOT NULL"), 1);
	/* The owner goes on as before. */
	assert_int_equal(store_exam_start(ann, "mid", T0 + 7, &b), EXAM_OK);
	assert_int_equal(b.number, 2);
	store_exam_attempt_free(&b);
	/* An answer written into it from another uid (the sqlite3 shell) is
	 * flagged in the teacher's results. */
	char sql[512];
	snprintf(sql, sizeof sql, "INSERT INTO answer(profile_id, uid, session_id, item, qtype, shown,"
	         " given, expected, correct, ms, answered_at) SELECT profile_id, 1002, id, '%s', 'pick',"
	         " '', '%s', '%s', 1, 1, %d FROM session WHERE id = %lld", p.q[1].item, p.q[1].expected,
	         p.q[1].expected, T0 + 8, (long long)b.id);
	assert_int_equal(sqlite3_exec(db->h, sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(store_exam_results(teach, "mid", T0 + 9, &res), EXAM_OK);
	assert_int_equal(res.n, 2);
	assert_int_equal(res.r[0].a.uid, 1001);
	assert_int_equal(res.r[0].a.foreign, 0);
	assert_int_equal(res.r[1].a.foreign, 1);
	store_exam_results_free(&res);
	/* An attempt from before uids were kept goes to who resumes it first. */
	assert_int_equal(sqlite3_exec(db->h, "UPDATE session SET uid = NULL WHERE attempt = 2",
	                              NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(store_exam_start(fake, "mid", T0 + 10, &b), EXAM_OK);
	assert_int_equal(b.uid, 1002);
	store_exam_attempt_free(&b);
	assert_int_equal(store_exam_start(ann, "mid", T0 + 11, &b), EXAM_FORBIDDEN);
	store_exam_paper_free(&p);
	store_close(fake);
	store_close(ann);
	store_close(teach);
	db_close(db);
}

/* A new attempt is not started under another account's login name. */
static void test_foreign_name(void **state)
{
	(void)state;
	struct db *db = open_db();
	struct store *teach = attach_as(db, "lin", 500, true);
	struct store *s = attach_as(db, "bob", 1001, false);
	struct exam_attempt a;

	make_exam(teach, "mid", 2, 0, 1, EXAM_FEEDBACK_END, 0);
	s->foreign_name = true;
	assert_int_equal(store_exam_start(s, "mid", T0, &a), EXAM_FORBIDDEN);
	assert_true(s->denied);
	assert_int_equal(q_int(s, "SELECT count(*) FROM session"), 0);
	s->foreign_name = false;
	assert_int_equal(store_exam_start(s, "mid", T0, &a), EXAM_OK);
	store_exam_attempt_free(&a);
	store_close(s);
	store_close(teach);
	db_close(db);
}

/* QA 4b D1: attempts count per account, not per name.  One uid sitting an
 * exam under a made-up --user name has used its attempt: under its own name
 * (or a third) it gets no other, and is told which name it used.  Other
 * uids, teachers and tokens (no uid) are not affected. */
static void test_attempts_per_uid(void **state)
{
	(void)state;
	struct db *db = open_db();
	struct store *teach = attach_as(db, "lin", 500, true);
	struct store *practice = attach_as(db, "ann_practice", 1001, false);
	struct store *ann = attach_as(db, "ann", 1001, false);
	struct store *third = attach_as(db, "nick", 1001, false);
	struct store *bob = attach_as(db, "bob", 1002, false);
	struct store *try1 = attach_as(db, "try1", 500, true);
	struct store *tok1 = attach_as(db, "tok1", -1, false);
	struct store *tok2 = attach_as(db, "tok2", -1, false);
	struct exam_attempt a;

	make_exam(teach, "mid", 2, 20, 1, EXAM_FEEDBACK_END, 0);
	assert_int_equal(store_exam_start(practice, "mid", T0, &a), EXAM_OK);
	int64_t first = a.id;
	store_exam_attempt_free(&a);
	assert_int_equal(store_exam_finish(practice, first, T0 + 1), EXAM_OK);
	/* Her own name: nothing left, nothing started, the other name said. */
	assert_int_equal(store_exam_attempt(ann, "mid", T0 + 2, &a), EXAM_OK);
	assert_int_equal(a.id, 0);
	assert_int_equal(a.attempts_left, 0);
	assert_int_equal(store_exam_start(ann, "mid", T0 + 2, &a), EXAM_NO_ATTEMPTS);
	assert_int_equal(a.id, 0);
	assert_non_null(strstr(ann->err, "ann_practice"));
	assert_non_null(strstr(ann->err, "uid 1001"));
	assert_int_equal(store_exam_start(third, "mid", T0 + 3, &a), EXAM_NO_ATTEMPTS);
	assert_int_equal(q_int(ann, "SELECT count(*) FROM session WHERE attempt IS NOT NULL"), 1);
	/* Another account, a teacher trying it out, tokens: as before. */
	assert_int_equal(store_exam_start(bob, "mid", T0 + 4, &a), EXAM_OK);
	store_exam_attempt_free(&a);
	assert_int_equal(store_exam_start(teach, "mid", T0 + 4, &a), EXAM_OK);
	store_exam_attempt_free(&a);
	assert_int_equal(store_exam_start(try1, "mid", T0 + 4, &a), EXAM_OK);
	store_exam_attempt_free(&a);
	assert_int_equal(store_exam_start(tok1, "mid", T0 + 4, &a), EXAM_OK);
	store_exam_attempt_free(&a);
	assert_int_equal(store_exam_start(tok2, "mid", T0 + 4, &a), EXAM_OK);
	store_exam_attempt_free(&a);
	/* Two allowed: one under the other name leaves one for her own. */
	make_exam(teach, "two", 2, 0, 2, EXAM_FEEDBACK_END, 0);
	assert_int_equal(store_exam_start(practice, "two", T0 + 5, &a), EXAM_OK);
	first = a.id;
	store_exam_attempt_free(&a);
	assert_int_equal(store_exam_finish(practice, first, T0 + 6), EXAM_OK);
	assert_int_equal(store_exam_attempt(ann, "two", T0 + 7, &a), EXAM_OK);
	assert_int_equal(a.attempts_left, 1);
	assert_int_equal(store_exam_start(ann, "two", T0 + 7, &a), EXAM_OK);
	assert_int_equal(a.number, 1);
	assert_int_equal(a.attempts_left, 0);
	first = a.id;
	store_exam_attempt_free(&a);
	assert_int_equal(store_exam_finish(ann, first, T0 + 8), EXAM_OK);
	assert_int_equal(store_exam_start(ann, "two", T0 + 9, &a), EXAM_NO_ATTEMPTS);
	assert_int_equal(store_exam_start(practice, "two", T0 + 9, &a), EXAM_NO_ATTEMPTS);
	/* No limit: no count. */
	make_exam(teach, "free", 2, 0, 0, EXAM_FEEDBACK_END, 0);
	assert_int_equal(store_exam_start(practice, "free", T0 + 10, &a), EXAM_OK);
	store_exam_attempt_free(&a);
	assert_int_equal(store_exam_start(ann, "free", T0 + 10, &a), EXAM_OK);
	store_exam_attempt_free(&a);
	store_close(tok2);
	store_close(tok1);
	store_close(try1);
	store_close(bob);
	store_close(third);
	store_close(ann);
	store_close(practice);
	store_close(teach);
	db_close(db);
}

/* The scenarios of the exam a learner is sitting, for search and the cards:
 * while the attempt is open, by profile or by uid, and never after. */
static void test_hidden_while_sitting(void **state)
{
	(void)state;
	struct db *db = open_db();
	struct store *teach = attach_as(db, "lin", 500, true);
	struct store *ann = attach_as(db, "ann", 1001, false);
	struct store *alias = attach_as(db, "somebody", 1001, false);
	struct store *bob = attach_as(db, "bob", 1002, false);
	struct exam_item_id *h;
	struct exam_attempt a;
	struct exam_paper p;
	size_t n;

	make_exam(teach, "mid", 3, 20, 1, EXAM_FEEDBACK_CLOSED, 0);
	assert_int_equal(store_exam_paper(teach, "mid", &p), EXAM_OK);
	assert_true(store_exam_hidden(ann, T0, &h, &n));
	assert_int_equal(n, 0);
	assert_int_equal(store_exam_start(ann, "mid", T0, &a), EXAM_OK);
	store_exam_attempt_free(&a);
	assert_true(store_exam_hidden(ann, T0 + 1, &h, &n));
	assert_int_equal(n, p.n);
	for (size_t i = 0; i < p.n; i++) {
		bool found = false;
		for (size_t k = 0; k < n; k++)
			found |= !strcmp(h[k].item, p.q[i].item);
		assert_true(found);
	}
	/* A practice quiz meanwhile asks none of them, not even every pick
	 * question there is. */
	struct examhide hide = { .items = h, .n = n };
	qsort(hide.items, hide.n, sizeof *hide.items, (int (*)(const void *, const void *))strcmp);
	struct quiz_opts o = { .count = 1000, .seed = 3, .types = 1u << Q_PICK,
	                       .hidden = examhide_quiz, .hidden_ctx = &hide };
	struct quiz qz;
	assert_true(quiz_build(&model, &o, &qz));
	assert_true(qz.n > 10);
	for (size_t i = 0; i < qz.n; i++)
		for (size_t k = 0; k < p.n; k++)
			assert_string_not_equal(qz.q[i].item, p.q[k].item);
	quiz_free(&qz);
	o.hidden = NULL;
	assert_true(quiz_build(&model, &o, &qz));
	size_t seen = 0;
	for (size_t i = 0; i < qz.n; i++)
		for (size_t k = 0; k < p.n; k++)
			seen += !strcmp(qz.q[i].item, p.q[k].item);
	assert_int_equal(seen, p.n);
	quiz_free(&qz);
	free(h);
	assert_true(store_exam_hidden(alias, T0 + 1, &h, &n));   /* same uid, other name */
	assert_int_equal(n, p.n);
	free(h);
	assert_true(store_exam_hidden(bob, T0 + 1, &h, &n));     /* not sitting it */
	assert_int_equal(n, 0);
	/* Past the deadline, and once handed in, nothing is hidden. */
	assert_true(store_exam_hidden(ann, T0 + 20 * 60, &h, &n));
	assert_int_equal(n, 0);
	assert_int_equal(store_exam_finish(ann, a.id, T0 + 2), EXAM_OK);
	assert_true(store_exam_hidden(ann, T0 + 3, &h, &n));
	assert_int_equal(n, 0);
	store_exam_paper_free(&p);
	store_close(bob);
	store_close(alias);
	store_close(ann);
	store_close(teach);
	db_close(db);
}

static void export_code(void *ctx, int ncols, const char *const *cols)
{
	(void)ncols;
	char *out = ctx;
	size_t len = strlen(out);
	snprintf(out + len, 256 - len, "%s;", cols[13] ? cols[13] : "null");
}

/* Sealed exam answers: no code in export, no confusion, no history. */
static void test_sealed_everywhere(void **state)
{
	(void)state;
	struct store *t = open_as("teacher"), *s;
	struct exam_attempt a;
	struct exam_paper p;

	make_exam(t, "mid", 2, 0, 1, EXAM_FEEDBACK_NEVER, 0);
	assert_int_equal(store_exam_paper(t, "mid", &p), EXAM_OK);
	store_close(t);
	s = open_as("ann");
	assert_int_equal(store_exam_start(s, "mid", T0, &a), EXAM_OK);
	store_exam_attempt_free(&a);
	assert_int_equal(store_exam_answer(s, a.id, 0, wrong_for(p.q[0].expected), NULL, 1, T0, "v"), EXAM_OK);
	assert_int_equal(store_exam_finish(s, a.id, T0 + 1), EXAM_OK);
	char codes[256] = "";
	assert_true(store_export(s, export_code, codes));
	assert_string_equal(codes, "null;");
	struct confusion_item *ci;
	struct code_cell *cc;
	struct attempt *hist;
	size_t n;
	assert_true(store_confusion_items(s, &ci, &n));
	assert_int_equal(n, 0);
	free(ci);
	assert_true(store_code_matrix(s, 0, &cc, &n));
	assert_int_equal(n, 0);
	free(cc);
	assert_true(store_item_history(s, p.q[0].item, &hist, &n));
	assert_int_equal(n, 0);
	free(hist);
	/* A practice answer to the same question still counts. */
	struct answer_rec r = { .item = p.q[0].item, .qtype = "pick", .given = wrong_for(p.q[0].expected),
	                        .expected = p.q[0].expected, .code = p.q[0].code, .at = T0 + 5 };
	assert_true(store_record(s, &r));
	assert_true(store_confusion_items(s, &ci, &n));
	assert_int_equal(n, 1);
	free(ci);
	assert_true(store_item_history(s, p.q[0].item, &hist, &n));
	assert_int_equal(n, 1);
	free(hist);
	codes[0] = '\0';
	assert_true(store_export(s, export_code, codes));
	char want[64];
	snprintf(want, sizeof want, "null;%d;", p.q[0].code);
	assert_string_equal(codes, want);
	store_exam_paper_free(&p);
	store_close(s);
}

/* The same attempt answered in two places (two terminals): the stale one
 * re-reads the answers standing from the store, and says which changed
 * (QA-5b #8: its finish prompt listed answered questions as unanswered). */
static void test_answered_elsewhere(void **state)
{
	(void)state;
	struct store *t = open_as("teacher"), *s1, *s2;
	struct examrun r1, r2;
	int list[8];
	char say[200];

	make_exam(t, "net", 4, 20, 1, EXAM_FEEDBACK_END, 0);
	store_close(t);
	s1 = open_as("ann");
	s2 = open_as("ann");
	assert_int_equal(examrun_open(&r1, s1, &model, "net"), EXAM_OK);
	assert_int_equal(examrun_start(&r1), EXAM_OK);
	assert_int_equal(examrun_open(&r2, s2, &model, "net"), EXAM_OK);
	assert_int_equal(examrun_start(&r2), EXAM_OK);        /* resumes the same attempt */
	assert_int_equal(r2.att.id, r1.att.id);
	/* Nothing changed yet: nothing to say. */
	assert_int_equal(examrun_refresh(&r1, list, 8), 0);
	/* The second terminal answers shown questions 1 and 3. */
	const struct question *q1 = examrun_question(&r2, 0), *q3 = examrun_question(&r2, 2);
	assert_int_equal(examrun_answer(&r2, 0, q1->choice_code[0], 10), EXAM_OK);
	assert_int_equal(examrun_answer(&r2, 2, q3->choice_code[1], 10), EXAM_OK);
	/* The first still has none of them, until it reads them again. */
	assert_int_equal(examrun_unanswered(&r1, list, 8), 4);
	assert_int_equal(examrun_refresh(&r1, list, 8), 2);
	assert_int_equal(list[0], 1);
	assert_int_equal(list[1], 3);
	assert_int_equal(r1.att.answered, 2);
	int g;
	assert_true(examrun_given(&r1, 0, &g));
	assert_int_equal(g, q1->choice_code[0]);
	assert_int_equal(examrun_unanswered(&r1, list, 8), 2);
	assert_int_equal(list[0], 2);
	assert_int_equal(list[1], 4);
	examrun_unanswered_say(&r1, 24, say, sizeof say);
	assert_string_equal(say, "Unanswered: questions 2, 4.");
	examrun_elsewhere_say((int[]){ 1, 3 }, 2, 24, say, sizeof say);
	assert_string_equal(say, "Answered elsewhere: questions 1, 3.");
	/* Read again: the same answers, nothing new. */
	assert_int_equal(examrun_refresh(&r1, list, 8), 0);
	/* A changed answer counts as changed too. */
	assert_int_equal(examrun_answer(&r2, 0, q1->choice_code[1], 10), EXAM_OK);
	assert_int_equal(examrun_refresh(&r1, list, 8), 1);
	assert_int_equal(list[0], 1);
	assert_int_equal(r1.att.answered, 2);
	/* Another learner's store never sees ann's answers. */
	struct store *sb = open_as("bob");
	struct exam_paper p;
	char *given[4] = { NULL };
	assert_int_equal(store_exam_paper(sb, "net", &p), EXAM_OK);
	assert_int_equal(store_exam_given(sb, r1.att.id, &p, given, 4), EXAM_OK);
	for (int i = 0; i < 4; i++)
		assert_null(given[i]);
	store_exam_paper_free(&p);
	store_close(sb);
	/* Once ended, there is nothing to read again. */
	assert_int_equal(examrun_finish(&r2), EXAM_OK);
	examrun_free(&r2);
	examrun_free(&r1);
	store_close(s2);
	store_close(s1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_create_and_paper, setup, teardown),
		cmocka_unit_test_setup_teardown(test_attempt_resume_last_answer_counts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_deadline_and_sweep, setup, teardown),
		cmocka_unit_test_setup_teardown(test_close_and_feedback_closed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_close_later_and_never, setup, teardown),
		cmocka_unit_test_setup_teardown(test_answer_checks_and_results, setup, teardown),
		cmocka_unit_test_setup_teardown(test_also_accepted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_practice, setup, teardown),
		cmocka_unit_test_setup_teardown(test_shuffle_and_content_edit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_teacher_steps, setup, teardown),
		cmocka_unit_test_setup_teardown(test_attempt_belongs_to_uid, setup, teardown),
		cmocka_unit_test_setup_teardown(test_foreign_name, setup, teardown),
		cmocka_unit_test_setup_teardown(test_attempts_per_uid, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hidden_while_sitting, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sealed_everywhere, setup, teardown),
		cmocka_unit_test_setup_teardown(test_answered_elsewhere, setup, teardown),
	};
	return cmocka_run_group_tests(tests, load_model, free_model);
}
