/* test_contrast.c — contrast groups at work: mistakes grouped from a fixture
 * answer log, the learner's answer matrix and confusions, and the drill's
 * question set.  The fixture pack is tests/data/good with tests/data/contrast
 * laid over it (groups 401/403 and 403/404); the drill is also checked on
 * every group of the real pack. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "content.h"
#include "classmix.h"
#include "contrast.h"
#include "quiz.h"
#include "shell.h"
#include "store.h"
#include "store_confusion.h"

static char data_dir[512];     /* tests/data */
static char tmp_dir[64];
static struct model fixture;   /* good + contrast overlay */

static void load(const char *dir, struct model *m)
{
	struct diag d = { 0 };
	bool ok = content_load(dir, m, &d);
	for (size_t i = 0; i < d.n; i++)
		fprintf(stderr, "  | %s\n", d.msg[i]);
	diag_free(&d);
	assert_true(ok);
}

static int setup(void **state)
{
	(void)state;
	const char *f = __FILE__;   /* ".../tests/unit/test_contrast.c" */
	const char *cut = strstr(f, "unit/test_contrast.c");
	snprintf(data_dir, sizeof data_dir, "%.*sdata", cut ? (int)(cut - f) : 0, f);
	if (!cut)
		snprintf(data_dir, sizeof data_dir, "tests/data");
	snprintf(tmp_dir, sizeof tmp_dir, "/tmp/httptutor-cg-XXXXXX");
	if (!mkdtemp(tmp_dir))
		return -1;
	run("mkdir -p '%s/pack' && cp -R '%s/good/.' '%s/pack/' && cp -R '%s/contrast/.' '%s/pack/'",
	    tmp_dir, data_dir, tmp_dir, data_dir, tmp_dir);
	char pack[128];
	snprintf(pack, sizeof pack, "%s/pack", tmp_dir);
	load(pack, &fixture);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	content_free(&fixture);
	run("rm -rf '%s'", tmp_dir);
	return 0;
}

/* A store on a fresh file in the temp folder. */
static struct store *fresh_store(const char *name)
{
	char path[128], err[256];
	snprintf(path, sizeof path, "%s/%s.db", tmp_dir, name);
	unlink(path);
	struct store *s = store_open(path, "ana", false, err, sizeof err);
	if (!s)
		fail_msg("store_open: %s", err);
	return s;
}

static void answer(struct store *s, const char *item, const char *qtype, const char *expected,
                   const char *given, int64_t at)
{
	struct answer_rec a = {
		.item = item, .qtype = qtype, .shown = "401,403,404,200", .given = given,
		.expected = expected, .code = atoi(expected), .correct = !strcmp(given, expected),
		.ms = 900, .at = at, .content_version = "test",
	};
	assert_true(store_record(s, &a));
}

/* The fixture log (times are unix seconds):
 *   other-users-order (403): 401@100, 401@200, 404@300, right@400
 *   no-token (401):          403@150, and a header question Allow@160
 *   expired-token (401):     404@500          (401/404 is in no group)
 *   mistyped-path (404):     403@50
 *   private-invoice (404):   403@700, 403@800
 *   code:403 (meaning):      401@900
 * who-or-allowed 401↔403: 2 + 1 + 1 = 4 mistakes from 3 items, last 900;
 * refuse-or-hide 403↔404: 1 + 1 + 2 = 4 mistakes from 3 items, last 800. */
static struct store *fixture_log(const char *name)
{
	struct store *s = fresh_store(name);
	answer(s, "other-users-order", "pick", "403", "401", 100);
	answer(s, "other-users-order", "type", "403", "401", 200);
	answer(s, "other-users-order", "pick", "403", "404", 300);
	answer(s, "other-users-order", "pick", "403", "403", 400);
	answer(s, "no-token", "pick", "401", "403", 150);
	answer(s, "no-token", "header", "WWW-Authenticate", "Allow", 160);
	answer(s, "expired-token", "pick", "401", "404", 500);
	answer(s, "mistyped-path", "pick", "404", "403", 50);
	answer(s, "private-invoice", "pick", "404", "403", 700);
	answer(s, "private-invoice", "pick", "404", "403", 800);
	answer(s, "code:403", "meaning", "403", "401", 900);
	return s;
}

static void test_find_and_label(void **state)
{
	(void)state;
	const struct model *m = &fixture;
	const struct contrast *g = contrast_for_pair(m, 403, 401);
	assert_non_null(g);
	assert_string_equal(g->id, "who-or-allowed");
	assert_ptr_equal(contrast_for_pair(m, 404, 403), &m->contrasts[1]);
	assert_null(contrast_for_pair(m, 401, 404));
	assert_null(contrast_for_pair(m, 403, 403));
	assert_ptr_equal(contrast_find(m, "401,403"), g);
	assert_ptr_equal(contrast_find(m, "403/401"), g);
	assert_ptr_equal(contrast_find(m, "who-or-allowed"), g);
	assert_ptr_equal(contrast_find(m, "404 403"), &m->contrasts[1]);
	assert_null(contrast_find(m, "401,404"));
	assert_null(contrast_find(m, "401"));
	assert_null(contrast_find(m, "401,40"));
	assert_null(contrast_find(m, "401,4033"));
	assert_null(contrast_find(m, "401,403,404"));
	assert_null(contrast_find(m, "nope"));
	char buf[64];
	contrast_label(g, buf, sizeof buf);
	assert_string_equal(buf, "401 ↔ 403");
	assert_int_equal(contrast_index(g, 403), 1);
	assert_int_equal(contrast_index(g, 404), -1);
}

static void test_grouping_from_log(void **state)
{
	(void)state;
	struct store *s = fixture_log("group");
	struct confusion_item *ci;
	size_t n;
	assert_true(store_confusion_items(s, &ci, &n));
	/* per (item, expected, given); the header answer is not a confusion */
	assert_int_equal(n, 7);
	assert_string_equal(ci[1].item, "private-invoice");   /* latest first */
	assert_int_equal(ci[1].times, 2);
	assert_int_equal(ci[1].last, 800);
	assert_int_equal(ci[1].expected, 404);
	assert_int_equal(ci[1].given, 403);

	struct contrast_row *rows;
	size_t nr;
	contrast_sort_items(ci, n);
	for (size_t i = 1; i < n; i++)
		assert_true(strcmp(ci[i - 1].item, ci[i].item) <= 0);
	assert_true(contrast_rows(&fixture, ci, n, &rows, &nr));
	assert_int_equal(nr, 2);
	/* equal counts: the more recent group first */
	assert_string_equal(rows[0].g->id, "who-or-allowed");
	assert_int_equal(rows[0].mistakes, 4);
	assert_int_equal(rows[0].items, 3);
	assert_int_equal(rows[0].last, 900);
	assert_string_equal(rows[1].g->id, "refuse-or-hide");
	assert_int_equal(rows[1].mistakes, 4);
	assert_int_equal(rows[1].items, 3);
	assert_int_equal(rows[1].last, 800);
	free(rows);

	/* one more (older) 404→403 makes refuse-or-hide the most frequent */
	answer(s, "mistyped-path", "pick", "404", "403", 30);
	free(ci);
	assert_true(store_confusion_items(s, &ci, &n));
	contrast_sort_items(ci, n);
	assert_true(contrast_rows(&fixture, ci, n, &rows, &nr));
	assert_string_equal(rows[0].g->id, "refuse-or-hide");
	assert_int_equal(rows[0].mistakes, 5);
	assert_int_equal(rows[0].items, 3);
	assert_int_equal(rows[0].last, 800);
	free(rows);

	/* ungrouped: what part of each item's mistakes lies in a group */
	assert_int_equal(contrast_item_grouped(&fixture, ci, n, "other-users-order"), 3);
	assert_int_equal(contrast_item_grouped(&fixture, ci, n, "expired-token"), 0);
	assert_int_equal(contrast_item_grouped(&fixture, ci, n, "no-token"), 1);
	struct mistake *ms;
	size_t nm;
	assert_true(store_mistakes(s, &ms, &nm));
	for (size_t i = 0; i < nm; i++)
		if (!strcmp(ms[i].item, "no-token"))
			assert_int_equal(ms[i].times, 2);   /* + the header mistake: still listed alone */
	free(ms);
	free(ci);

	/* nobody's mistakes but this learner's */
	store_close(s);
	char path[128], err[256];
	snprintf(path, sizeof path, "%s/group.db", tmp_dir);
	s = store_open(path, "ben", false, err, sizeof err);
	assert_non_null(s);
	assert_true(store_confusion_items(s, &ci, &n));
	assert_int_equal(n, 0);
	assert_true(contrast_rows(&fixture, ci, n, &rows, &nr));
	assert_int_equal(nr, 0);
	assert_null(rows);
	free(ci);
	store_close(s);
}

/* A question whose code changed between content versions leaves one pair
 * in two tally rows; a header answer is no pair.  One entry, summed. */
static void test_items_merge_codes(void **state)
{
	(void)state;
	struct store *s = fresh_store("merge");
	struct answer_rec a = {
		.item = "moved-q", .qtype = "pick", .shown = "401,403,404,410", .given = "403",
		.expected = "404", .code = 404, .correct = false, .ms = 900, .at = 10,
		.content_version = "v1",
	};
	assert_true(store_record(s, &a));
	a.code = 410;
	a.at = 20;
	a.content_version = "v2";
	assert_true(store_record(s, &a));
	a.qtype = "header";
	a.given = "Allow";
	a.at = 30;
	assert_true(store_record(s, &a));
	answer(s, "other", "pick", "401", "403", 5);
	struct confusion_item *ci;
	size_t n;
	assert_true(store_confusion_items(s, &ci, &n));
	assert_int_equal(n, 2);
	assert_string_equal(ci[0].item, "moved-q");   /* latest first */
	assert_int_equal(ci[0].expected, 404);
	assert_int_equal(ci[0].given, 403);
	assert_int_equal(ci[0].times, 2);
	assert_int_equal(ci[0].last, 20);
	assert_string_equal(ci[1].item, "other");
	free(ci);
	store_close(s);
}

/* An item may fall into one group through two pairs (409→412, 409→423): it
 * counts once in the group's items. */
static void test_rows_three_codes(void **state)
{
	(void)state;
	char real[600];
	snprintf(real, sizeof real, "%s/../../content", data_dir);
	struct model m;
	load(real, &m);
	const struct confusion_item ci[] = {
		{ "x", 409, 423, 1, 20 }, { "x", 409, 412, 2, 10 }, { "y", 412, 409, 1, 5 },
		{ "z", 401, 403, 1, 1 }, { "z", 401, 500, 4, 30 },
	};
	struct contrast_row *rows;
	size_t nr;
	assert_true(contrast_rows(&m, ci, 5, &rows, &nr));
	assert_int_equal(nr, 2);
	assert_string_equal(rows[0].g->id, "conflict-condition-lock");
	assert_int_equal(rows[0].mistakes, 4);
	assert_int_equal(rows[0].items, 2);
	assert_int_equal(rows[0].last, 20);
	assert_string_equal(rows[1].g->id, "who-or-allowed");
	assert_int_equal(rows[1].items, 1);
	free(rows);
	assert_int_equal(contrast_item_grouped(&m, ci, 5, "z"), 1);
	/* Latest first, as the store gives them: one item's pairs apart.  Sorted,
	 * the item still counts once per group, and each item finds its own. */
	struct confusion_item mixed[] = {
		{ "x", 409, 423, 1, 20 }, { "z", 401, 500, 4, 30 }, { "y", 412, 409, 1, 5 },
		{ "x", 409, 412, 2, 10 }, { "z", 401, 403, 1, 1 }, { "a", 401, 403, 2, 2 },
	};
	contrast_sort_items(mixed, 6);
	assert_true(contrast_rows(&m, mixed, 6, &rows, &nr));
	assert_int_equal(nr, 2);
	assert_string_equal(rows[0].g->id, "conflict-condition-lock");
	assert_int_equal(rows[0].items, 2);   /* x once, y */
	assert_string_equal(rows[1].g->id, "who-or-allowed");
	assert_int_equal(rows[1].items, 2);   /* a, z */
	free(rows);
	assert_int_equal(contrast_item_grouped(&m, mixed, 6, "x"), 3);
	assert_int_equal(contrast_item_grouped(&m, mixed, 6, "a"), 2);
	assert_int_equal(contrast_item_grouped(&m, mixed, 6, "z"), 1);
	assert_int_equal(contrast_item_grouped(&m, mixed, 6, "b"), 0);
	assert_int_equal(contrast_item_grouped(&m, mixed, 6, "zz"), 0);
	content_free(&m);
}

static void test_matrix(void **state)
{
	(void)state;
	struct store *s = fixture_log("matrix");
	answer(s, "private-invoice", "pick", "404", "404", 900);
	answer(s, "other-users-order", "pick", "403", "403", 950);
	answer(s, "ok", "pick", "200", "200", 990);   /* 200 was never mixed up: no row */
	struct code_cell *cells;
	size_t n;
	assert_true(store_code_matrix(s, 500, &cells, &n));
	/* rows 401, 403, 404 (by expected, then given):
	 *   401: →403 ×1 @150, →404 ×1 @500 (recent)
	 *   403: →401 ×3 @100,200,900 (1 recent), →403 ×2 @400,950 (1 recent), →404 ×1 @300
	 *   404: →403 ×3 @50,700,800 (2 recent), →404 ×1 @900 (recent) */
	/* 403 → 401 counts the typed answer and the meaning question (code:403) */
	static const int want[][5] = {
		{ 401, 403, 1, 0, 150 }, { 401, 404, 1, 1, 500 },
		{ 403, 401, 3, 1, 900 }, { 403, 403, 2, 1, 950 }, { 403, 404, 1, 0, 300 },
		{ 404, 403, 3, 2, 800 }, { 404, 404, 1, 1, 900 },
	};
	assert_int_equal(n, 7);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(cells[i].expected, want[i][0]);
		assert_int_equal(cells[i].given, want[i][1]);
		assert_int_equal(cells[i].count, want[i][2]);
		assert_int_equal(cells[i].recent, want[i][3]);
		assert_int_equal(cells[i].last, want[i][4]);
	}
	/* Nothing since a time after the last answer: the same cells, none recent. */
	struct code_cell *later;
	size_t nl;
	assert_true(store_code_matrix(s, 951, &later, &nl));
	assert_int_equal(nl, 7);
	for (size_t i = 0; i < nl; i++) {
		assert_int_equal(later[i].count, want[i][2]);
		assert_int_equal(later[i].recent, 0);
	}
	free(later);
	struct confusion *c;
	size_t nc;
	assert_true(contrast_confusions(cells, n, &c, &nc));
	assert_int_equal(nc, 5);
	/* 403→401 and 404→403 have 3 each: the more recent (900) first */
	assert_int_equal(c[0].expected, 403);
	assert_int_equal(c[0].given, 401);
	assert_int_equal(c[0].row_total, 6);
	assert_int_equal(c[0].row_recent, 2);
	assert_int_equal(c[1].expected, 404);
	assert_int_equal(c[1].given, 403);
	assert_int_equal(c[1].count, 3);
	assert_int_equal(c[1].row_total, 4);
	assert_int_equal(c[1].row_recent, 3);
	assert_int_equal(c[2].expected, 401);   /* 1 each: latest first (500, 300, 150) */
	assert_int_equal(c[2].given, 404);
	assert_int_equal(c[3].expected, 403);
	assert_int_equal(c[3].given, 404);
	assert_int_equal(c[4].given, 403);
	int codes[8];
	assert_int_equal(contrast_matrix_codes(c, nc, codes, 8), 3);
	assert_int_equal(codes[0], 401);
	assert_int_equal(codes[1], 403);
	assert_int_equal(codes[2], 404);
	/* room for two: the most frequent pair, 403 → 401 */
	assert_int_equal(contrast_matrix_codes(c, nc, codes, 2), 2);
	assert_int_equal(codes[0], 401);
	assert_int_equal(codes[1], 403);
	/* never half a pair: with room for three, 404 → 403 (3) then 401 → 404 */
	struct confusion few[] = { { 500, 502, 5, 0, 0, 0, 0 }, { 404, 403, 3, 0, 0, 0, 0 },
	                           { 500, 503, 1, 0, 0, 0, 0 } };
	assert_int_equal(contrast_matrix_codes(few, 3, codes, 3), 3);
	assert_int_equal(codes[0], 500);
	assert_int_equal(codes[1], 502);
	assert_int_equal(codes[2], 503);
	free(c);
	free(cells);
	store_close(s);
}

/* Every group's drill: its scenarios, the group's codes among the choices,
 * no answer twice in a row while another code is left, codes taking turns. */
static void check_drill(const struct model *m, const struct contrast *g, uint64_t seed)
{
	size_t total = 0, per[CONTRAST_MAX_CODES] = { 0 };
	for (size_t i = 0; i < m->n_scenarios; i++) {
		int k = contrast_index(g, m->scenarios[i].answer);
		if (k >= 0) {
			per[k]++;
			total++;
		}
	}
	struct quiz_opts o = { .count = 1000, .seed = seed, .drill = g, .klass = 5,
	                       .chapter = "nowhere" };   /* filters do not apply to a drill */
	struct quiz qz;
	assert_true(quiz_build(m, &o, &qz));
	assert_int_equal(qz.n, total);
	size_t left[CONTRAST_MAX_CODES], asked[CONTRAST_MAX_CODES] = { 0 };
	memcpy(left, per, sizeof left);
	int prev = -1;
	for (size_t i = 0; i < qz.n; i++) {
		const struct question *q = &qz.q[i];
		int k = contrast_index(g, q->code->code);
		assert_true(k >= 0);
		assert_int_equal(q->type, Q_PICK);
		assert_int_equal(q->code->code, q->sc->answer);
		for (size_t c = 0; c < g->n_codes; c++) {
			bool shown = false, also = false;
			for (int j = 0; j < q->n_choices; j++)
				shown = shown || q->choice_code[j] == g->codes[c];
			for (size_t j = 0; j < q->sc->n_also; j++)
				also = also || q->sc->also[j].code == g->codes[c];
			if (shown == also)   /* a second right answer is never a wrong choice */
				fail_msg("%s question %zu %s %d", g->id, i, also ? "shows the also" : "does not show",
				         g->codes[c]);
		}
		for (size_t j = 0; j < i; j++)
			assert_ptr_not_equal(qz.q[j].sc, q->sc);
		/* the code asked least so far among those left, never the one just
		 * asked while another is left */
		bool other_left = false;
		size_t least = SIZE_MAX;
		for (size_t c = 0; c < g->n_codes; c++)
			if (left[c] && (int)c != prev) {
				other_left = true;
				least = asked[c] < least ? asked[c] : least;
			}
		if (other_left) {
			if (k == prev)
				fail_msg("%s: %d twice in a row at %zu", g->id, q->code->code, i);
			assert_int_equal(asked[k], least);
		}
		left[k]--;
		asked[k]++;
		prev = k;
	}
	quiz_free(&qz);

	/* a drill as long as the group has codes asks each code once */
	o.count = (int)g->n_codes;
	assert_true(quiz_build(m, &o, &qz));
	assert_int_equal(qz.n, g->n_codes);
	for (size_t i = 0; i < qz.n; i++)
		for (size_t j = 0; j < i; j++)
			assert_int_not_equal(qz.q[i].code->code, qz.q[j].code->code);
	quiz_free(&qz);
}

static void test_drill_question_set(void **state)
{
	(void)state;
	for (size_t i = 0; i < fixture.n_contrasts; i++)
		for (uint64_t seed = 0; seed < 20; seed++)
			check_drill(&fixture, &fixture.contrasts[i], seed);

	char real[600];
	snprintf(real, sizeof real, "%s/../../content", data_dir);
	struct model m;
	load(real, &m);
	assert_true(m.n_contrasts >= 15);
	for (size_t i = 0; i < m.n_contrasts; i++)
		for (uint64_t seed = 0; seed < 5; seed++)
			check_drill(&m, &m.contrasts[i], seed);

	/* the same seed gives the same drill; another seed another order */
	const struct contrast *g = contrast_find(&m, "301,302,307,308");
	assert_non_null(g);
	struct quiz_opts o = { .count = 10, .seed = 7, .drill = g };
	struct quiz a, b, c;
	assert_true(quiz_build(&m, &o, &a));
	assert_true(quiz_build(&m, &o, &b));
	o.seed = 8;
	assert_true(quiz_build(&m, &o, &c));
	assert_int_equal(a.n, 10);
	bool differs = false;
	for (size_t i = 0; i < a.n; i++) {
		assert_ptr_equal(a.q[i].sc, b.q[i].sc);
		assert_int_equal(a.q[i].right, b.q[i].right);
		differs = differs || a.q[i].sc != c.q[i].sc;
		/* four codes: the choices are the group (but for a second right answer) */
		for (int j = 0; j < QUIZ_CHOICES && a.q[i].sc->n_also == 0; j++)
			assert_true(contrast_index(g, a.q[i].choice_code[j]) >= 0);
	}
	assert_true(differs);
	quiz_free(&a);
	quiz_free(&b);
	quiz_free(&c);

	/* typed answers may be asked for; meaning and header questions may not */
	o.types = 1u << Q_TYPE;
	assert_true(quiz_build(&m, &o, &a));
	for (size_t i = 0; i < a.n; i++)
		assert_int_equal(a.q[i].type, Q_TYPE);
	quiz_free(&a);
	o.types = (1u << Q_MEANING) | (1u << Q_HEADER);
	assert_false(quiz_build(&m, &o, &a));
	content_free(&m);
}

/* The class's confusions: by group (both directions), by pair outside the
 * groups; a student in two databases counts once. */
static void test_class_confusions(void **state)
{
	(void)state;
	struct classmix c = { 0 };
	classmix_add(&c, "ana", 401, 403, 3);
	classmix_add(&c, "ana", 403, 401, 1);
	classmix_add(&c, "ben", 401, 403, 2);   /* ben's first database */
	classmix_add(&c, "ben", 401, 403, 1);   /* ... and his second one */
	classmix_add(&c, "cara", 404, 403, 4);
	classmix_add(&c, "cara", 401, 404, 5);  /* no group holds 401 and 404 */
	classmix_add(&c, "dan", 401, 404, 1);
	classmix_add(&c, "dan", 403, 404, 1);
	classmix_add(&c, "eve", 401, 401, 9);   /* right, not a confusion */
	classmix_add(&c, "eve", 401, 999, 9);   /* not a code */
	struct classmix_row *r;
	size_t n;
	assert_true(classmix_finish(&c, &fixture, &r, &n));
	assert_null(c.v);
	assert_int_equal(n, 3);
	/* who-or-allowed: ana and ben, 3 + 1 + 2 + 1 = 7 times */
	assert_string_equal(r[0].g->id, "who-or-allowed");
	assert_int_equal(r[0].students, 2);
	assert_int_equal(r[0].times, 7);
	assert_int_equal(r[0].dir[0][1], 6);   /* 401 → 403 */
	assert_int_equal(r[0].dir[1][0], 1);   /* 403 → 401 */
	/* then 401 → 404 (cara, dan: 2 students, 6) before refuse-or-hide (2, 5) */
	assert_null(r[1].g);
	assert_int_equal(r[1].expected, 401);
	assert_int_equal(r[1].given, 404);
	assert_int_equal(r[1].students, 2);
	assert_int_equal(r[1].times, 6);
	assert_string_equal(r[2].g->id, "refuse-or-hide");
	assert_int_equal(r[2].students, 2);
	assert_int_equal(r[2].times, 5);
	assert_int_equal(r[2].dir[1][0], 4);   /* 404 → 403 */
	assert_int_equal(r[2].dir[0][1], 1);   /* 403 → 404 */
	char label[32];
	classmix_label(&r[1], label, sizeof label);
	assert_string_equal(label, "401 → 404");
	classmix_label(&r[0], label, sizeof label);
	assert_string_equal(label, "401 ↔ 403");
	free(r);
	struct classmix empty = { 0 };
	assert_true(classmix_finish(&empty, &fixture, &r, &n));
	assert_int_equal(n, 0);
	assert_null(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find_and_label),
		cmocka_unit_test(test_grouping_from_log),
		cmocka_unit_test(test_items_merge_codes),
		cmocka_unit_test(test_rows_three_codes),
		cmocka_unit_test(test_matrix),
		cmocka_unit_test(test_drill_question_set),
		cmocka_unit_test(test_class_confusions),
	};
	return cmocka_run_group_tests_name("contrast", tests, setup, teardown);
}
