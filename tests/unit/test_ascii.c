/* test_ascii.c — every non-ASCII glyph the interface draws has an ASCII
 * look-alike (text_ascii), so LANG=C never shows '?' for one of ours.  The
 * test reads the string literals of every .c and .h file in src (comments
 * skipped);
 * Chinese text is left out, since the Chinese interface needs UTF-8. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>

#include "literals.h"
#include "text.h"

/* CJK ideographs, kana, hangul, CJK and full-width punctuation. */
static bool chinese(wchar_t wc)
{
	return (wc >= 0x2E80 && wc <= 0xA4CF) || (wc >= 0xAC00 && wc <= 0xD7A3) ||
	       (wc >= 0xF900 && wc <= 0xFAFF) || (wc >= 0xFE30 && wc <= 0xFE4F) ||
	       (wc >= 0xFF00 && wc <= 0xFF60) || (wc >= 0xFFE0 && wc <= 0xFFE6);
}

struct glyphs { int seen, missing; };

/* Check one literal's characters. */
static void check_literal(void *ctx, const char *path, int line, const char *s, size_t n)
{
	struct glyphs *g = ctx;
	for (size_t i = 0; i < n;) {
		if (s[i] == '\\') {
			i += 2;
			continue;
		}
		wchar_t wc;
		size_t k = text_decode(s + i, n - i, &wc);
		if (wc >= 0x80 && !chinese(wc)) {
			g->seen++;
			if (text_ascii(wc) == '?') {
				print_message("%s:%d: U+%04X has no ASCII look-alike\n", path, line,
				              (unsigned)wc);
				g->missing++;
			}
		}
		i += k ? k : 1;
	}
}

static void test_every_glyph_has_a_fallback(void **state)
{
	(void)state;
	struct glyphs g = { 0, 0 };
	int files = literals_each(check_literal, &g);
	assert_true(files > 20 && g.seen > 20);   /* the scan really read the sources */
	assert_int_equal(g.missing, 0);
}

/* The look-alikes the issue named, and that a fallback is never '?' itself. */
static void test_named_glyphs(void **state)
{
	(void)state;
	assert_int_equal(text_ascii(L'›'), '>');
	assert_int_equal(text_ascii(L'×'), 'x');
	assert_true(text_ascii(0x23F1) != '?');   /* ⏱ the exam clock */
	assert_int_equal(text_ascii(0x4E2D), '?');   /* Chinese has none: it needs UTF-8 */
	/* Marks shown side by side on one screen must stay apart (QA-5a #9:
	 * a right answer's ✓ and the "more below" ↓ were both v). */
	static const wchar_t apart[] = { L'✓', L'✗', L'↓', L'↑', L'○', L'›' };
	for (size_t i = 0; i < sizeof apart / sizeof *apart; i++)
		for (size_t j = i + 1; j < sizeof apart / sizeof *apart; j++)
			if (text_ascii(apart[i]) == text_ascii(apart[j]))
				fail_msg("U+%04X and U+%04X both look like '%c'", (unsigned)apart[i],
				         (unsigned)apart[j], (char)text_ascii(apart[i]));
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_glyph_has_a_fallback),
		cmocka_unit_test(test_named_glyphs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
