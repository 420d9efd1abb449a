/* test_text.c — UTF-8 decoding, scrubbing, widths, clip, wrap, pad. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "text.h"

/* ---- helpers ---- */

/* Wrap and check the invariants every wrap must keep: lines fit the width
 * (unless a single character is wider), and have no trailing spaces. */
static char **wrap_checked(const char *s, int width, size_t *n)
{
	char **l = text_wrap(s, width, n);
	size_t i;
	int w = width < 1 ? 1 : width;

	for (i = 0; i < *n; i++) {
		size_t len = strlen(l[i]);

		assert_true(text_width(l[i]) <= (w < 2 ? 2 : w));
		if (len > 0)
			assert_int_not_equal(l[i][len - 1], ' ');
		assert_true(text_valid_utf8(l[i], len, NULL));
	}
	return l;
}

/* ---- decode / validity ---- */

static void test_decode_valid(void **state)
{
	wchar_t wc;

	(void)state;
	assert_int_equal(text_decode("A", 1, &wc), 1);
	assert_int_equal(wc, 'A');
	assert_int_equal(text_decode("\xc3\xa9", 2, &wc), 2);         /* é */
	assert_int_equal(wc, 0xE9);
	assert_int_equal(text_decode("\xe7\x8b\x80", 3, &wc), 3);     /* 狀 */
	assert_int_equal(wc, 0x72C0);
	assert_int_equal(text_decode("\xf0\x9f\x98\x80", 4, &wc), 4); /* 😀 */
	assert_int_equal(wc, 0x1F600);
	assert_int_equal(text_decode("\xf4\x8f\xbf\xbf", 4, &wc), 4); /* U+10FFFF */
	assert_int_equal(wc, 0x10FFFF);
}

static void test_decode_invalid(void **state)
{
	wchar_t wc;

	(void)state;
	/* lone 0xff */
	assert_int_equal(text_decode("\xff", 1, &wc), 1);
	assert_int_equal(wc, 0xFFFD);
	/* stray continuation byte */
	assert_int_equal(text_decode("\x80z", 2, &wc), 1);
	assert_int_equal(wc, 0xFFFD);
	/* truncated 3-byte sequence: the valid prefix is one bad character */
	assert_int_equal(text_decode("\xe7\x8bx", 3, &wc), 2);
	assert_int_equal(wc, 0xFFFD);
	assert_int_equal(text_decode("\xe7\x8b", 2, &wc), 2);
	assert_int_equal(wc, 0xFFFD);
	/* overlongs */
	assert_int_equal(text_decode("\xc0\xaf", 2, &wc), 1);
	assert_int_equal(wc, 0xFFFD);
	assert_int_equal(text_decode("\xe0\x80\xaf", 3, &wc), 1);
	assert_int_equal(wc, 0xFFFD);
	assert_int_equal(text_decode("\xf0\x80\x80\xaf", 4, &wc), 1);
	assert_int_equal(wc, 0xFFFD);
	/* surrogate U+D800 */
	assert_int_equal(text_decode("\xed\xa0\x80", 3, &wc), 1);
	assert_int_equal(wc, 0xFFFD);
	/* above U+10FFFF */
	assert_int_equal(text_decode("\xf4\x90\x80\x80", 4, &wc), 1);
	assert_int_equal(wc, 0xFFFD);
	assert_int_equal(text_decode("\xf5\x80\x80\x80", 4, &wc), 1);
	assert_int_equal(wc, 0xFFFD);
	/* nothing available */
	assert_int_equal(text_decode("", 0, &wc), 1);
	assert_int_equal(wc, 0xFFFD);
}

static void test_valid_utf8(void **state)
{
	size_t bad = 99;

	(void)state;
	assert_true(text_valid_utf8("plain ASCII", 11, NULL));
	assert_true(text_valid_utf8("狀態碼 é", strlen("狀態碼 é"), &bad));
	assert_int_equal(bad, 99);   /* untouched on success */
	assert_false(text_valid_utf8("ab\xff", 3, &bad));
	assert_int_equal(bad, 2);
	assert_false(text_valid_utf8("\xe7\x8b\x80\xe7\x8b", 5, &bad));
	assert_int_equal(bad, 3);
	assert_false(text_valid_utf8("x\xc0\xaf", 3, &bad));
	assert_int_equal(bad, 1);
	assert_false(text_valid_utf8("\xed\xbf\xbf", 3, NULL));
	assert_true(text_valid_utf8("", 0, NULL));
}

/* ---- controls and scrubbing ---- */

static void test_find_control(void **state)
{
	(void)state;
	assert_int_equal(text_find_control("hello", 5, false), (size_t)-1);
	assert_int_equal(text_find_control("ab\x1b[31m", 7, false), 2);
	assert_int_equal(text_find_control("ab\x7f", 3, false), 2);
	assert_int_equal(text_find_control("\xc2\x9b" "31m", 5, false), 0);  /* C1 CSI */
	assert_int_equal(text_find_control("\xc2\xa0", 2, false), (size_t)-1); /* NBSP ok */
	assert_int_equal(text_find_control("a\tb\nc", 5, true), (size_t)-1);
	assert_int_equal(text_find_control("a\tb\nc", 5, false), 1);
	assert_int_equal(text_find_control("a\nb\rc", 5, true), 3);
	assert_int_equal(text_find_control("ab\0c", 4, true), 2);
}

static void test_scrub_escape_sequences(void **state)
{
	const char *in = "\x1b[31mred\x1b[0m \xc2\x9b" "2J\x07!";
	char *s;

	(void)state;
	s = text_scrub(in, strlen(in), false);
	assert_non_null(s);
	/* ESC, C1 CSI and BEL vanish; the harmless remainder stays */
	assert_string_equal(s, "[31mred[0m 2J!");
	assert_int_equal(text_find_control(s, strlen(s), false), (size_t)-1);
	free(s);
}

static void test_scrub_whitespace_and_invalid(void **state)
{
	char *s;

	(void)state;
	s = text_scrub("a\tb\r\nc", 6, true);
	assert_string_equal(s, "a b\nc");
	free(s);
	s = text_scrub("a\tb\r\nc", 6, false);
	assert_string_equal(s, "a b c");
	free(s);
	s = text_scrub("x\xffy\xe7\x8b", 5, false);
	assert_string_equal(s, "x\xef\xbf\xbdy\xef\xbf\xbd");
	assert_true(text_valid_utf8(s, strlen(s), NULL));
	free(s);
	s = text_scrub("狀態\0碼", strlen("狀態") + 1 + strlen("碼"), false);
	assert_string_equal(s, "狀態碼");   /* NUL is a control too */
	free(s);
	s = text_scrub(NULL, 0, false);
	assert_string_equal(s, "");
	free(s);
}

/* ---- widths ---- */

static void test_wcwidth_table(void **state)
{
	(void)state;
	assert_int_equal(text_wcwidth(L'a'), 1);
	assert_int_equal(text_wcwidth(0x72C0), 2);   /* 狀 */
	assert_int_equal(text_wcwidth(0x3002), 2);   /* 。 */
	assert_int_equal(text_wcwidth(0xFF0C), 2);   /* ， fullwidth comma */
	assert_int_equal(text_wcwidth(0xAC00), 2);   /* 가 */
	assert_int_equal(text_wcwidth(0x1F600), 2);  /* 😀 */
	assert_int_equal(text_wcwidth(0x20000), 2);  /* CJK ext. B */
	assert_int_equal(text_wcwidth(0x0301), 0);   /* combining acute */
	assert_int_equal(text_wcwidth(0x20DD), 0);
	assert_int_equal(text_wcwidth(0x200B), 0);   /* zero-width space */
	assert_int_equal(text_wcwidth(0xFE2E), 0);
	assert_int_equal(text_wcwidth(0xE9), 1);     /* é */
	assert_int_equal(text_wcwidth(0x2022), 1);   /* • */
	assert_int_equal(text_wcwidth(0x2502), 1);   /* │ */
	assert_int_equal(text_wcwidth(0x1B), 1);     /* shown as a replacement */
	assert_int_equal(text_wcwidth(0x110000), 1);
	assert_int_equal(text_wcwidth(-5), 1);
}

static void test_width_strings(void **state)
{
	(void)state;
	assert_int_equal(text_width("狀態碼"), 6);
	assert_int_equal(text_width("HTTP 狀態碼"), 11);
	assert_int_equal(text_width("e\xcc\x81"), 1);     /* e + U+0301 */
	assert_int_equal(text_width("caf\xc3\xa9"), 4);
	assert_int_equal(text_width("\xff"), 1);          /* shown as U+FFFD */
	assert_int_equal(text_width("a\xe7\x8b"), 2);     /* truncated = one bad */
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width(NULL), 0);
}

static void test_clip(void **state)
{
	const char *s = "狀態碼";
	int used = -1;

	(void)state;
	assert_int_equal(text_clip(s, 6, &used), 9);
	assert_int_equal(used, 6);
	assert_int_equal(text_clip(s, 5, &used), 6);   /* never half a character */
	assert_int_equal(used, 4);
	assert_int_equal(text_clip(s, 1, &used), 0);
	assert_int_equal(used, 0);
	assert_int_equal(text_clip("hello", 3, &used), 3);
	assert_int_equal(used, 3);
	assert_int_equal(text_clip("hello", 0, &used), 0);
	assert_int_equal(text_clip("hello", -3, NULL), 0);
	assert_int_equal(text_clip("hi", 10, &used), 2);
	assert_int_equal(used, 2);
}

static void test_clip_keeps_combining_mark(void **state)
{
	const char *s = "e\xcc\x81x";   /* é as e + U+0301, then x */
	int used = 0;

	(void)state;
	assert_int_equal(text_clip(s, 1, &used), 3);   /* the mark goes with e */
	assert_int_equal(used, 1);
	assert_int_equal(text_clip(s, 2, &used), 4);
	assert_int_equal(used, 2);
}

/* ---- wrapping ---- */

static void test_wrap_latin(void **state)
{
	size_t n = 0;
	char **l;

	(void)state;
	l = wrap_checked("the quick brown fox jumps", 10, &n);
	assert_int_equal(n, 3);
	assert_string_equal(l[0], "the quick");
	assert_string_equal(l[1], "brown fox");
	assert_string_equal(l[2], "jumps");
	text_lines_free(l, n);

	/* runs of spaces are not carried to the next line */
	l = wrap_checked("aaaa     bbbb", 6, &n);
	assert_int_equal(n, 2);
	assert_string_equal(l[0], "aaaa");
	assert_string_equal(l[1], "bbbb");
	text_lines_free(l, n);
}

static void test_wrap_cjk(void **state)
{
	const char *s = "狀態碼是伺服器的簡短回答";
	size_t n = 0, i;
	char **l;
	char joined[128] = "";

	(void)state;
	l = wrap_checked(s, 7, &n);
	assert_int_equal(n, 4);   /* 3 characters (6 columns) per line */
	for (i = 0; i < n; i++) {
		assert_int_equal(text_width(l[i]), 6);
		strcat(joined, l[i]);
	}
	assert_string_equal(joined, s);   /* no characters lost or split */
	text_lines_free(l, n);
}

static void test_wrap_cjk_punctuation(void **state)
{
	size_t n = 0, i;
	char **l;

	(void)state;
	/* a naive break would start line 2 with '，' */
	l = wrap_checked("一二三，四五六。七八", 6, &n);
	assert_true(n >= 2);
	for (i = 0; i < n; i++) {
		assert_false(strncmp(l[i], "，", strlen("，")) == 0);
		assert_false(strncmp(l[i], "。", strlen("。")) == 0);
	}
	assert_string_equal(l[0], "一二");
	text_lines_free(l, n);

	/* closing bracket stays with its text too */
	l = wrap_checked("請看「狀態」說明", 10, &n);
	for (i = 0; i < n; i++)
		assert_false(strncmp(l[i], "」", strlen("」")) == 0);
	text_lines_free(l, n);
}

static void test_wrap_mixed(void **state)
{
	size_t n = 0;
	char **l;

	(void)state;
	l = wrap_checked("Use 404 當資源不存在時", 12, &n);
	assert_int_equal(n, 2);
	assert_string_equal(l[0], "Use 404 當資");
	assert_string_equal(l[1], "源不存在時");
	text_lines_free(l, n);
}

static void test_wrap_long_word(void **state)
{
	size_t n = 0;
	char **l;

	(void)state;
	l = wrap_checked("abcdefghij x", 4, &n);
	assert_int_equal(n, 3);
	assert_string_equal(l[0], "abcd");
	assert_string_equal(l[1], "efgh");
	assert_string_equal(l[2], "ij x");
	text_lines_free(l, n);

	/* combining marks are never separated from their base */
	l = wrap_checked("e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2, &n);
	assert_int_equal(n, 2);
	assert_string_equal(l[0], "e\xcc\x81" "e\xcc\x81");
	assert_string_equal(l[1], "e\xcc\x81");
	text_lines_free(l, n);
}

static void test_wrap_newlines_and_edges(void **state)
{
	size_t n = 7;
	char **l;

	(void)state;
	l = wrap_checked("a\n\nb", 10, &n);
	assert_int_equal(n, 3);
	assert_string_equal(l[0], "a");
	assert_string_equal(l[1], "");
	assert_string_equal(l[2], "b");
	text_lines_free(l, n);

	l = wrap_checked("one two\n", 80, &n);
	assert_int_equal(n, 1);   /* a final newline adds no empty line */
	assert_string_equal(l[0], "one two");
	text_lines_free(l, n);

	l = text_wrap("", 10, &n);
	assert_null(l);
	assert_int_equal(n, 0);

	/* width < 1 counts as 1 */
	l = wrap_checked("ab", 0, &n);
	assert_int_equal(n, 2);
	assert_string_equal(l[0], "a");
	assert_string_equal(l[1], "b");
	text_lines_free(l, n);

	/* a wide character in a 1-column wrap still makes progress */
	l = wrap_checked("狀態", 1, &n);
	assert_int_equal(n, 2);
	text_lines_free(l, n);
}

static void test_wrap_spans_match_wrap(void **state)
{
	const char *s = "Alice's token reads Bob's order: 403，不是 404。";
	size_t n = 0, m = 0, i;
	char **l;
	struct text_span *sp;

	(void)state;
	l = wrap_checked(s, 15, &n);
	sp = text_wrap_spans(s, strlen(s), 15, &m);
	assert_non_null(sp);
	assert_int_equal(n, m);
	for (i = 0; i < n; i++) {
		assert_true(sp[i].end >= sp[i].start);
		assert_int_equal(strlen(l[i]), sp[i].end - sp[i].start);
		assert_memory_equal(l[i], s + sp[i].start, strlen(l[i]));
	}
	free(sp);
	text_lines_free(l, n);
}

/* ---- contains / pad ---- */

static void test_contains(void **state)
{
	(void)state;
	assert_true(text_contains("Too Many Requests", "many req"));
	assert_true(text_contains("請求太多次", "太多"));
	assert_true(text_contains("abc", ""));
	assert_false(text_contains("Forbidden", "forbade"));
	assert_false(text_contains("ab", "abc"));
	assert_false(text_contains(NULL, "x"));
}

/* YAML folding turns a line break inside a Chinese paragraph into a space. */
static void test_join_cjk(void **state)
{
	(void)state;
	char a[] = "請求成功 回應本文";          /* CJK space CJK: joined */
	text_join_cjk(a);
	assert_string_equal(a, "請求成功回應本文");
	char b[] = "PUT、 PATCH 與 DELETE";       /* after CJK punctuation: joined */
	text_join_cjk(b);
	assert_string_equal(b, "PUT、PATCH 與 DELETE");
	char c[] = "使用 API 呼叫";               /* CJK next to Latin: kept */
	text_join_cjk(c);
	assert_string_equal(c, "使用 API 呼叫");
	char d[] = "plain English text";
	text_join_cjk(d);
	assert_string_equal(d, "plain English text");
	char e[] = "結尾 ";
	text_join_cjk(e);
	assert_string_equal(e, "結尾 ");
}

/* Shortening drops end details in parentheses first, then cuts between
 * words (or next to CJK) and ends in "…"; it never cuts a word. */
static void test_shorten(void **state)
{
	char out[256];

	(void)state;
	assert_string_equal(text_shorten("fits as it is", 20, out, sizeof out), "fits as it is");
	assert_string_equal(text_shorten("could not save: the disk is full (a.db; SQLite: database or disk is full)",
	                                 40, out, sizeof out), "could not save: the disk is full");
	assert_string_equal(text_shorten("待複習：8 題　連續：1 天　正確率：23%（共 13 次作答）", 40, out, sizeof out),
	                     "待複習：8 題　連續：1 天　正確率：23%");
	/* No parentheses: cut at a space, not inside "answers". */
	assert_string_equal(text_shorten("Accuracy: 21% of 14 answers", 24, out, sizeof out),
	                     "Accuracy: 21% of 14…");
	assert_true(text_width(text_shorten("Accuracy: 21% of 14 answers", 24, out, sizeof out)) <= 24);
	/* A cut just after a colon drops the colon. */
	assert_string_equal(text_shorten("NOT SAVED: the database file was deleted", 14, out, sizeof out),
	                     "NOT SAVED…");
	/* Chinese breaks between characters. */
	text_shorten("資料庫檔案在執行中被刪除或取代", 9, out, sizeof out);
	assert_string_equal(out, "資料庫檔…");
	/* A single word wider than the line is cut (nothing else can be done). */
	text_shorten("Unsatisfiable", 6, out, sizeof out);
	assert_int_equal(text_width(out), 6);
	/* A small buffer still ends on a whole character. */
	char tiny[8];
	text_shorten("狀態碼說明", 5, tiny, sizeof tiny);
	assert_true(text_valid_utf8(tiny, strlen(tiny), NULL));
}

static void test_pad(void **state)
{
	char *s;

	(void)state;
	s = text_pad("狀態", 5);
	assert_string_equal(s, "狀態 ");
	free(s);
	s = text_pad("狀態碼", 5);   /* clipped at a whole character, then padded */
	assert_string_equal(s, "狀態 ");
	assert_int_equal(text_width(s), 5);
	free(s);
	s = text_pad("hello", 3);
	assert_string_equal(s, "hel");
	free(s);
	s = text_pad("x", 0);
	assert_string_equal(s, "");
	free(s);
	s = text_pad(NULL, 2);
	assert_string_equal(s, "  ");
	free(s);
}

/* text_is_clean says exactly when text_clean would change nothing (tables
 * skip the copy then): checked on every kind of character text_clean
 * replaces and on text it keeps. */
static void test_is_clean_matches_clean(void **state)
{
	static const char *const cases[] = {
		"", "404", "404 \xC3\x97""3", "\xE4\xB8\xAD\xE6\x96\x87", "caf\xC3\xA9",
		"\xF0\x9F\x98\x80", "\xEF\xBF\xBD", "a\nb", "a\tb", "\x1B[31mred",
		"\xC2\x85", "\xE2\x80\xAE""evil", "\xE2\x80\x8B", "\xC2\xAD", "\xEF\xBB\xBF",
		"\xFF", "\xC3", "\xE4\xB8", "\xED\xA0\x80", "\xC0\xAF", "\xF4\x90\x80\x80",
		"\xE3\x80\x80", "\xEF\xBC\x81", "x\x7F",
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *c = cases[i];
		char *out = text_clean(c, strlen(c), false);
		assert_non_null(out);
		if (text_is_clean(c, strlen(c)) != (strcmp(out, c) == 0))
			fail_msg("case %zu: text_is_clean and text_clean disagree", i);
		free(out);
	}
	assert_true(text_is_clean("404 \xC3\x97""3", strlen("404 \xC3\x97""3")));
	assert_false(text_is_clean("\x1B[31mred", 8));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_valid),
		cmocka_unit_test(test_decode_invalid),
		cmocka_unit_test(test_valid_utf8),
		cmocka_unit_test(test_find_control),
		cmocka_unit_test(test_scrub_escape_sequences),
		cmocka_unit_test(test_scrub_whitespace_and_invalid),
		cmocka_unit_test(test_is_clean_matches_clean),
		cmocka_unit_test(test_wcwidth_table),
		cmocka_unit_test(test_width_strings),
		cmocka_unit_test(test_clip),
		cmocka_unit_test(test_clip_keeps_combining_mark),
		cmocka_unit_test(test_wrap_latin),
		cmocka_unit_test(test_wrap_cjk),
		cmocka_unit_test(test_wrap_cjk_punctuation),
		cmocka_unit_test(test_wrap_mixed),
		cmocka_unit_test(test_wrap_long_word),
		cmocka_unit_test(test_wrap_newlines_and_edges),
		cmocka_unit_test(test_wrap_spans_match_wrap),
		cmocka_unit_test(test_contains),
		cmocka_unit_test(test_pad),
		cmocka_unit_test(test_shorten),
		cmocka_unit_test(test_join_cjk),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
