/* test_keyseq.c — escape sequences to keys, whole and a character at a time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <curses.h>
#include <string.h>

#include "keys.h"
#include "keyseq.h"

/* Feed s (what follows ESC) one character at a time, as a reader does:
 * every prefix must ask for more, the whole must give rc (and key). */
static void expect(const char *s, enum keyseq_rc rc, int key)
{
	int seq[64], got = -12345;
	size_t n = strlen(s);
	for (size_t i = 0; i < n; i++)
		seq[i] = (unsigned char)s[i];
	for (size_t i = 1; i < n; i++) {
		if (keyseq_parse(seq, i, &got) != KEYSEQ_MORE)
			fail_msg("ESC %s: a prefix of %zu characters did not ask for more", s, i);
	}
	enum keyseq_rc r = keyseq_parse(seq, n, &got);
	if (r != rc)
		fail_msg("ESC %s: rc %d, want %d", s, r, rc);
	if (rc == KEYSEQ_KEY && got != key)
		fail_msg("ESC %s: key %#x, want %#x", s, got, key);
}

static void test_home_end_variants(void **state)
{
	(void)state;
	/* xterm normal and application mode, PuTTY/tmux/VT220, rxvt. */
	expect("[H", KEYSEQ_KEY, FN(KEY_HOME));
	expect("OH", KEYSEQ_KEY, FN(KEY_HOME));
	expect("[1~", KEYSEQ_KEY, FN(KEY_HOME));
	expect("[7~", KEYSEQ_KEY, FN(KEY_HOME));
	expect("[F", KEYSEQ_KEY, FN(KEY_END));
	expect("OF", KEYSEQ_KEY, FN(KEY_END));
	expect("[4~", KEYSEQ_KEY, FN(KEY_END));
	expect("[8~", KEYSEQ_KEY, FN(KEY_END));
	expect("[5~", KEYSEQ_KEY, FN(KEY_PPAGE));
	expect("[6~", KEYSEQ_KEY, FN(KEY_NPAGE));
}

static void test_arrows_and_modifiers(void **state)
{
	(void)state;
	expect("[A", KEYSEQ_KEY, FN(KEY_UP));
	expect("OB", KEYSEQ_KEY, FN(KEY_DOWN));
	expect("[C", KEYSEQ_KEY, FN(KEY_RIGHT));
	expect("OD", KEYSEQ_KEY, FN(KEY_LEFT));
	/* Ctrl/Shift variants are the plain key. */
	expect("[1;5H", KEYSEQ_KEY, FN(KEY_HOME));
	expect("[1;2B", KEYSEQ_KEY, FN(KEY_DOWN));
	expect("[6;5~", KEYSEQ_KEY, FN(KEY_NPAGE));
	expect("O5F", KEYSEQ_KEY, FN(KEY_END));
	expect("[Z", KEYSEQ_KEY, FN(KEY_BTAB));
	expect("OP", KEYSEQ_KEY, FN(KEY_F(1)));
	expect("[11~", KEYSEQ_KEY, FN(KEY_F(1)));
	expect("[[A", KEYSEQ_KEY, FN(KEY_F(1)));
	expect("[200~", KEYSEQ_KEY, KEY_PASTE_BEGIN);   /* bracketed paste: ui.c reads it */
	expect("[201~", KEYSEQ_KEY, KEY_PASTE_END);
	expect("OM", KEYSEQ_KEY, '\n');
	expect("Oq", KEYSEQ_KEY, '1');
}

static void test_unbound_dropped(void **state)
{
	(void)state;
	expect("[15~", KEYSEQ_DROP, 0);     /* F5 */
	expect("[2~", KEYSEQ_DROP, 0);      /* Insert */
	expect("[?1;2c", KEYSEQ_DROP, 0);   /* device attributes reply */
	expect("[I", KEYSEQ_DROP, 0);       /* focus in */
	expect("OS", KEYSEQ_DROP, 0);       /* F4 */
	expect("[14;1R", KEYSEQ_DROP, 0);   /* a cursor position report */
	expect("x", KEYSEQ_DROP, 0);        /* Alt-x */
	expect("[[Z", KEYSEQ_DROP, 0);
	int bad[] = { '[', '1', 7 };        /* a control character inside */
	int key;
	assert_int_equal(keyseq_parse(bad, 3, &key), KEYSEQ_DROP);
	int ss3[] = { 'O', '1', '2', '3', '4' };
	assert_int_equal(keyseq_parse(ss3, 5, &key), KEYSEQ_DROP);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_home_end_variants),
		cmocka_unit_test(test_arrows_and_modifiers),
		cmocka_unit_test(test_unbound_dropped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
