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

static void test_mouse_and_strings(void **state)
{
	(void)state;
	/* X10 mouse: ESC [ M then button, column, row as raw bytes; the three
	 * are part of it even when they look like keys (a click at column 17
	 * is "1", QA 5a #5). */
	expect("[M 1!", KEYSEQ_DROP, 0);
	expect("[M#qq", KEYSEQ_DROP, 0);
	expect("[<0;17;5M", KEYSEQ_DROP, 0);   /* SGR form, as before */
	expect("[32;17;5M", KEYSEQ_DROP, 0);   /* urxvt form */
	/* OSC, DCS, APC, PM, SOS: the introducer says "a string follows". */
	const char *intro = "]P_^X";
	for (const char *p = intro; *p; p++) {
		int seq[1] = { *p }, key;
		assert_int_equal(keyseq_parse(seq, 1, &key), KEYSEQ_STRING);
	}
	int alt_p[1] = { 'p' }, key;   /* Alt-p is still Alt-p */
	assert_int_equal(keyseq_parse(alt_p, 1, &key), KEYSEQ_DROP);
	assert_true(keyseq_string_start(0x9D));
	assert_true(keyseq_string_start(0x90));
	assert_true(keyseq_string_start(0x9F));
	assert_true(keyseq_string_start(0x9E));
	assert_true(keyseq_string_start(0x98));
	assert_false(keyseq_string_start(0x9B));   /* 8-bit CSI is no string */
	assert_false(keyseq_string_start(']'));
}

/* Feed a string's body after its introducer: the index of the character
 * that ended it and how, or n with KEYSEQ_MORE. */
static size_t string_end(const char *body, enum keyseq_rc *how)
{
	int prev = 0;
	size_t i;
	for (i = 0; body[i]; i++) {
		int c = (unsigned char)body[i];
		if (c == 0xC2 && (unsigned char)body[i + 1] == 0x9C)
			c = 0x9C, i++;   /* ST as U+009C, the way a UTF-8 terminal sends it */
		*how = keyseq_string(prev, c);
		if (*how != KEYSEQ_MORE)
			return i;
		prev = c;
	}
	*how = KEYSEQ_MORE;
	return i;
}

static void test_string_ends(void **state)
{
	(void)state;
	enum keyseq_rc how;
	const char *bel = "11;rgb:0000/0000/0000\a";
	assert_int_equal(string_end(bel, &how), strlen(bel) - 1);
	assert_int_equal(how, KEYSEQ_DROP);
	const char *st = ">|XTerm(390)\033\\";
	assert_int_equal(string_end(st, &how), strlen(st) - 1);
	assert_int_equal(how, KEYSEQ_DROP);
	const char *c1 = "52;c;UQ==\xc2\x9c";
	assert_int_equal(string_end(c1, &how), strlen(c1) - 1);
	assert_int_equal(how, KEYSEQ_DROP);
	/* Quotes, semicolons, q and digits inside go on. */
	assert_int_equal(string_end("Gi=31;OK q 1", &how), 12);
	assert_int_equal(how, KEYSEQ_MORE);
	/* ESC then not \: the string ended at the ESC, a sequence begins. */
	assert_int_equal(string_end("abc\033[A", &how), 4);
	assert_int_equal(how, KEYSEQ_KEY);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_home_end_variants),
		cmocka_unit_test(test_arrows_and_modifiers),
		cmocka_unit_test(test_unbound_dropped),
		cmocka_unit_test(test_mouse_and_strings),
		cmocka_unit_test(test_string_ends),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
