/* test_out.c — the output safety rule: database text never reaches a
 * terminal, a spreadsheet or a JSON reader as a control, a bidi or invisible
 * character, a formula or invalid UTF-8; long names stay distinguishable. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out.h"
#include "text.h"

#define FFFD "\xEF\xBF\xBD"

/* Every character of s is safe and s is valid UTF-8. */
static void assert_safe(const char *s, bool allow_nl)
{
	size_t n = strlen(s);
	assert_true(text_valid_utf8(s, n, NULL));
	assert_int_equal(text_find_unsafe(s, n, allow_nl, NULL), (size_t)-1);
	if (!allow_nl)
		assert_null(strchr(s, '\n'));
}

static char *clean(const char *s, bool keep_nl)
{
	char *c = text_clean(s, strlen(s), keep_nl);
	assert_non_null(c);
	return c;
}

static void test_unsafe_kinds(void **state)
{
	(void)state;
	assert_int_equal(text_unsafe_kind('A'), TEXT_SAFE);
	assert_int_equal(text_unsafe_kind(0x72C0), TEXT_SAFE);     /* 狀 */
	assert_int_equal(text_unsafe_kind(0xFF0C), TEXT_SAFE);     /* ， */
	assert_int_equal(text_unsafe_kind(0x1B), TEXT_CONTROL);
	assert_int_equal(text_unsafe_kind(0x7F), TEXT_CONTROL);
	assert_int_equal(text_unsafe_kind(0x85), TEXT_CONTROL);    /* NEL */
	assert_int_equal(text_unsafe_kind(0x9B), TEXT_CONTROL);    /* CSI */
	assert_int_equal(text_unsafe_kind(0x202E), TEXT_BIDI);     /* RLO */
	assert_int_equal(text_unsafe_kind(0x2067), TEXT_BIDI);     /* RLI */
	assert_int_equal(text_unsafe_kind(0x200F), TEXT_BIDI);     /* RLM */
	assert_int_equal(text_unsafe_kind(0x200B), TEXT_INVISIBLE);
	assert_int_equal(text_unsafe_kind(0x200D), TEXT_INVISIBLE);
	assert_int_equal(text_unsafe_kind(0xFEFF), TEXT_INVISIBLE);
	assert_int_equal(text_unsafe_kind(0xE0041), TEXT_INVISIBLE); /* tag A */
	assert_int_equal(text_unsafe_kind(0x2028), TEXT_INVISIBLE);
}

static void test_clean_replaces_one_for_one(void **state)
{
	(void)state;
	char *c = clean("\x1b]2;pwned\x07\x1b[2J", false);
	assert_string_equal(c, FFFD "]2;pwned" FFFD FFFD "[2J");
	free(c);
	/* C1 as UTF-8 (U+009B), the raw byte 0x9B, a bidi override. */
	c = clean("a\xC2\x9B" "b\x9B" "c\xE2\x80\xAE" "d", false);
	assert_string_equal(c, "a" FFFD "b" FFFD "c" FFFD "d");
	free(c);
	/* Two names that differ only by an invisible character still differ. */
	char *x = clean("bob", false), *y = clean("bo\xE2\x80\x8B" "b", false);
	assert_string_not_equal(x, y);
	free(x);
	free(y);
	/* Line breaks only where asked for; Chinese untouched. */
	c = clean("狀態\n碼", true);
	assert_string_equal(c, "狀態\n碼");
	free(c);
	c = clean("狀態\n碼\t", false);
	assert_string_equal(c, "狀態" FFFD "碼" FFFD);
	free(c);
	c = text_clean(NULL, 5, false);
	assert_string_equal(c, "");
	free(c);
}

static void test_csv_formulas_neutralised(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)",
		"\tx", "\rx", "\xEF\xBC\x9D" "1+1",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *t = out_csv_text(bad[i]);
		assert_non_null(t);
		assert_int_equal(t[0], '\'');
		assert_safe(t, false);
		free(t);
	}
	static const char *const fine[] = { "403", "-12", "3.5", "alice", "a=b", "" };
	for (size_t i = 0; i < sizeof fine / sizeof fine[0]; i++) {
		char *t = out_csv_text(fine[i]);
		assert_string_equal(t, fine[i]);
		free(t);
	}
}

static void test_csv_quoting(void **state)
{
	(void)state;
	char buf[256] = "";
	FILE *f = fmemopen(buf, sizeof buf, "w");
	assert_non_null(f);
	out_csv_field(f, "Lin, \"Kai\"");
	fputc('|', f);
	out_csv_field(f, "=1+1,2");
	fputc('|', f);
	out_csv_field(f, "a\nb");
	fclose(f);
	assert_string_equal(buf, "\"Lin, \"\"Kai\"\"\"|\"'=1+1,2\"|a" FFFD "b");
}

static void test_json_valid_whatever_the_bytes(void **state)
{
	(void)state;
	json_t *v = out_json_str("x\x9B\xff\x1b[31m\xE2\x80\xAE" "y\n");
	assert_non_null(v);
	char *s = json_dumps(v, JSON_ENCODE_ANY);
	assert_non_null(s);
	assert_safe(s, false);
	/* on one line, as in text and CSV: the line break is U+FFFD */
	assert_null(strstr(s, "\\n"));
	assert_string_equal(json_string_value(v), "x" FFFD FFFD FFFD "[31m" FFFD "y" FFFD);
	free(s);
	json_decref(v);
	/* content text keeps its paragraphs (jansson escapes the break) */
	v = out_json_text("a\nb");
	s = json_dumps(v, JSON_ENCODE_ANY);
	assert_string_equal(s, "\"a\\nb\"");
	free(s);
	json_decref(v);
	assert_non_null(v = out_json_str(NULL));
	assert_string_equal(json_string_value(v), "");
	json_decref(v);
}

/* A mean rounded to 1.67 is written 1.67, not 1.6699999999999999. */
static void test_json_reals_short(void **state)
{
	(void)state;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	json_t *v = json_pack("{s:f}", "mean", (double)(long)(5.0 / 3 * 100 + 0.5) / 100);
	assert_true(out_json_dump(f, v, false));
	fclose(f);
	assert_string_equal(buf, "{\"mean\":1.67}\n");
	free(buf);
	json_decref(v);
}

static void test_html_escaped(void **state)
{
	(void)state;
	char buf[256] = "";
	FILE *f = fmemopen(buf, sizeof buf, "w");
	out_html(f, "<script>alert('x')</script>&\"\x1b");
	fclose(f);
	assert_string_equal(buf, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;" FFFD);
}

static void test_fit_keeps_both_ends(void **state)
{
	(void)state;
	char *a = out_fit("student-of-the-evening-class-001", 20, true);
	char *b = out_fit("student-of-the-evening-class-002", 20, true);
	assert_int_equal(text_width(a), 20);
	assert_string_not_equal(a, b);
	assert_non_null(strstr(a, "…"));
	assert_true(strncmp(a, "student", 7) == 0);
	assert_non_null(strstr(a, "001"));
	free(a);
	free(b);
	/* Wide characters are never split; the width is still exact. */
	a = out_fit("陳大文陳大文陳大文陳大文甲", 9, true);
	assert_int_equal(text_width(a), 9);
	assert_true(text_valid_utf8(a, strlen(a), NULL));
	assert_non_null(strstr(a, "甲"));
	free(a);
	a = out_fit("short", 8, false);
	assert_string_equal(a, "short   ");
	free(a);
	a = out_fit("abcdefghij", 5, false);
	assert_string_equal(a, "ab~ij");
	free(a);
	a = out_fit("x\x1b[2J", 10, true);
	assert_safe(a, false);
	free(a);
}

/* Random bytes in, never a control or invalid UTF-8 out (the fuzz harness
 * does this at scale; this is the quick version). */
/* Without UTF-8 a character prints as one ASCII character: out_shown is
 * that text, so its width is what the terminal shows (QA-2 #12). */
static void test_shown_ascii(void **state)
{
	(void)state;
	char *a = out_shown("陳小明 amy…\x1b", false), *u = out_shown("陳小明", true);
	assert_string_equal(a, "??? amy~?");
	assert_string_equal(u, "陳小明");
	free(a);
	free(u);
}

static void test_random_bytes(void **state)
{
	(void)state;
	unsigned seed = 12345;
	for (int round = 0; round < 2000; round++) {
		char in[64];
		size_t n = (size_t)(round % 63);
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			in[i] = (char)(seed >> 16);
			if (in[i] == 0)
				in[i] = 1;
		}
		in[n] = '\0';
		char *c = text_clean(in, n, false), *t = out_csv_text(in), *fit = out_fit(in, 11, true);
		assert_safe(c, false);
		assert_safe(t, false);
		assert_safe(fit, false);
		assert_int_equal(text_width(fit), 11);
		free(c);
		free(t);
		free(fit);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unsafe_kinds),
		cmocka_unit_test(test_clean_replaces_one_for_one),
		cmocka_unit_test(test_csv_formulas_neutralised),
		cmocka_unit_test(test_csv_quoting),
		cmocka_unit_test(test_json_valid_whatever_the_bytes),
		cmocka_unit_test(test_json_reals_short),
		cmocka_unit_test(test_html_escaped),
		cmocka_unit_test(test_fit_keeps_both_ends),
		cmocka_unit_test(test_random_bytes),
		cmocka_unit_test(test_shown_ascii),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
