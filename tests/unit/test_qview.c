/* test_qview.c — a question taller than the screen: the highlight stays on
 * screen, the scroll keys reach the rest, and no key answers a choice the
 * learner has not had on screen (QA-5a #1). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "qview.h"

/* 10 lines of situation and prompt, then four one-line choices (lines 10-13),
 * shown 11 rows at a time: choices 1 and 2 are below the first screen. */
static const struct qview_map tall = { 4, { 10, 11, 12, 13, 14 }, 14 };
#define LINES 14
#define ROWS 11

static void test_down_follows(void **state)
{
	(void)state;
	struct qview_pos p = { -1, 0, 0 };
	int c = -1;
	for (int i = 0; i < 4; i++) {
		assert_int_equal(qview_key(&p, &tall, LINES, ROWS, ACT_DOWN, &c), QV_DONE);
		assert_int_equal(p.sel, i);
		/* the whole highlighted choice is on screen */
		assert_true(tall.at[i] >= p.top && tall.at[i + 1] <= p.top + ROWS);
	}
	assert_int_equal(c, -1);
	/* Enter answers the highlighted choice, which is on screen. */
	assert_int_equal(qview_key(&p, &tall, LINES, ROWS, ACT_OPEN, &c), QV_ANSWER);
	assert_int_equal(c, 3);
}

static void test_answer_waits_for_every_choice(void **state)
{
	(void)state;
	struct qview_pos p = { -1, 0, 0 };
	int c = -1;
	/* Choice 4 was never shown: '1' shows the choices instead of answering. */
	assert_int_equal(qview_key(&p, &tall, LINES, ROWS, ACT_CHOICE_1, &c), QV_SHOWN);
	assert_int_equal(c, -1);
	assert_int_equal(p.sel, 0);
	assert_true(p.top + ROWS >= tall.end && p.top <= tall.at[0]);
	assert_int_equal(qview_key(&p, &tall, LINES, ROWS, ACT_CHOICE_1, &c), QV_ANSWER);
	assert_int_equal(c, 0);
}

static void test_enter_offscreen(void **state)
{
	(void)state;
	struct qview_pos p = { -1, 0, 0 };
	int c = -1;
	qview_key(&p, &tall, LINES, ROWS, ACT_BOTTOM, &c);
	qview_key(&p, &tall, LINES, ROWS, ACT_DOWN, &c);     /* choice 1 */
	qview_key(&p, &tall, LINES, ROWS, ACT_DOWN, &c);
	qview_key(&p, &tall, LINES, ROWS, ACT_DOWN, &c);
	qview_key(&p, &tall, LINES, ROWS, ACT_DOWN, &c);     /* choice 4 */
	assert_int_equal(qview_key(&p, &tall, LINES, ROWS, ACT_TOP, &c), QV_DONE);
	assert_int_equal(p.top, 0);
	/* Highlighted but scrolled away: Enter brings it back, answers nothing. */
	assert_int_equal(qview_key(&p, &tall, LINES, ROWS, ACT_OPEN, &c), QV_SHOWN);
	assert_int_equal(c, -1);
	assert_int_equal(p.sel, 3);
	assert_int_equal(qview_key(&p, &tall, LINES, ROWS, ACT_OPEN, &c), QV_ANSWER);
	assert_int_equal(c, 3);
	/* Nothing highlighted: Enter answers nothing. */
	struct qview_pos none = { -1, 0, LINES };
	c = -1;
	assert_int_equal(qview_key(&none, &tall, LINES, ROWS, ACT_OPEN, &c), QV_DONE);
	assert_int_equal(c, -1);
}

static void test_scroll_keys(void **state)
{
	(void)state;
	struct qview_pos p = { -1, 0, 0 };
	int c = -1;
	qview_key(&p, &tall, LINES, ROWS, ACT_PGDN, &c);
	assert_int_equal(p.top, LINES - ROWS);      /* clamped at the end */
	qview_key(&p, &tall, LINES, ROWS, ACT_PGDN, &c);
	assert_int_equal(p.top, LINES - ROWS);
	qview_key(&p, &tall, LINES, ROWS, ACT_PGUP, &c);
	assert_int_equal(p.top, 0);
	qview_key(&p, &tall, LINES, ROWS, ACT_BOTTOM, &c);
	assert_int_equal(p.top, LINES - ROWS);
	qview_key(&p, &tall, LINES, ROWS, ACT_TOP, &c);
	assert_int_equal(p.top, 0);
	assert_int_equal(p.sel, -1);
	assert_int_equal(qview_key(&p, &tall, LINES, ROWS, ACT_HELP, &c), QV_NO);
}

/* Below the last choice there is more (the exam's "not answered yet"): Down
 * on the last choice scrolls to it before wrapping; Up on the first choice
 * scrolls the situation back before wrapping. */
static void test_ends_scroll_then_wrap(void **state)
{
	(void)state;
	const struct qview_map m = { 4, { 6, 7, 8, 9, 10 }, 10 };
	struct qview_pos p = { 3, 0, 0 };
	int c = -1, n = 12, rows = 10;
	assert_int_equal(qview_key(&p, &m, n, rows, ACT_DOWN, &c), QV_DONE);
	assert_int_equal(p.sel, 3);
	assert_int_equal(p.top, 1);
	qview_key(&p, &m, n, rows, ACT_DOWN, &c);
	assert_int_equal(p.top, 2);
	qview_key(&p, &m, n, rows, ACT_DOWN, &c);
	assert_int_equal(p.sel, 0);
	qview_key(&p, &m, n, rows, ACT_UP, &c);
	assert_int_equal(p.sel, 0);
	assert_int_equal(p.top, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_down_follows),
		cmocka_unit_test(test_answer_waits_for_every_choice),
		cmocka_unit_test(test_enter_offscreen),
		cmocka_unit_test(test_scroll_keys),
		cmocka_unit_test(test_ends_scroll_then_wrap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
