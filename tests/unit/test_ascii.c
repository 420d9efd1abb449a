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

#include <dirent.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* CJK ideographs, kana, hangul, CJK and full-width punctuation. */
static bool chinese(wchar_t wc)
{
	return (wc >= 0x2E80 && wc <= 0xA4CF) || (wc >= 0xAC00 && wc <= 0xD7A3) ||
	       (wc >= 0xF900 && wc <= 0xFAFF) || (wc >= 0xFE30 && wc <= 0xFE4F) ||
	       (wc >= 0xFF00 && wc <= 0xFF60) || (wc >= 0xFFE0 && wc <= 0xFFE6);
}

static char *slurp(const char *path, size_t *n)
{
	*n = 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long len = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)len + 1);
	*n = buf ? fread(buf, 1, (size_t)len, f) : 0;
	if (buf)
		buf[*n] = 0;
	fclose(f);
	return buf;
}

/* Check the literals of one file; returns the glyphs seen (for the count). */
static int scan(const char *path, int *missing)
{
	size_t n;
	char *s = slurp(path, &n);
	int seen = 0;
	assert_non_null(s);
	for (size_t i = 0; i < n;) {
		if (s[i] == '/' && s[i + 1] == '*') {          /* block comment */
			char *end = strstr(s + i + 2, "*/");
			i = end ? (size_t)(end - s) + 2 : n;
		} else if (s[i] == '/' && s[i + 1] == '/') {   /* line comment */
			while (i < n && s[i] != '\n')
				i++;
		} else if (s[i] == '\'') {                     /* a char constant */
			i++;
			while (i < n && s[i] != '\'')
				i += s[i] == '\\' ? 2 : 1;
			i++;
		} else if (s[i] == '"') {
			for (i++; i < n && s[i] != '"';) {
				if (s[i] == '\\') {
					i += 2;
					continue;
				}
				wchar_t wc;
				size_t k = text_decode(s + i, n - i, &wc);
				if (wc >= 0x80 && !chinese(wc)) {
					seen++;
					if (text_ascii(wc) == '?') {
						print_message("%s: U+%04X has no ASCII look-alike\n", path,
						              (unsigned)wc);
						(*missing)++;
					}
				}
				i += k;
			}
			i++;
		} else {
			i++;
		}
	}
	free(s);
	return seen;
}

static void test_every_glyph_has_a_fallback(void **state)
{
	(void)state;
	DIR *d = opendir("src");
	assert_non_null(d);   /* run from the top of the tree, as make check does */
	int missing = 0, seen = 0, files = 0;
	for (struct dirent *e; (e = readdir(d));) {
		size_t len = strlen(e->d_name);
		if (len < 3 || (strcmp(e->d_name + len - 2, ".c") && strcmp(e->d_name + len - 2, ".h")))
			continue;
		char path[512];
		snprintf(path, sizeof path, "src/%s", e->d_name);
		seen += scan(path, &missing);
		files++;
	}
	closedir(d);
	assert_true(files > 20 && seen > 20);   /* the scan really read the sources */
	assert_int_equal(missing, 0);
}

/* The look-alikes the issue named, and that a fallback is never '?' itself. */
static void test_named_glyphs(void **state)
{
	(void)state;
	assert_int_equal(text_ascii(L'›'), '>');
	assert_int_equal(text_ascii(L'×'), 'x');
	assert_true(text_ascii(0x23F1) != '?');   /* ⏱ the exam clock */
	assert_int_equal(text_ascii(0x4E2D), '?');   /* Chinese has none: it needs UTF-8 */
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
