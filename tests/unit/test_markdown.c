/* test_markdown.c — chapter Markdown rendered to styled, wrapped lines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "markdown.h"
#include "text.h"

/* ---- helpers ---- */

/* Render and check what must hold for every document: each line's plain text
 * is its segments joined, and everything is valid UTF-8 without controls. */
static void render(const char *src, int cols, struct md_doc *d)
{
	char err[128] = "";
	size_t i, j;

	assert_true(md_render(src, strlen(src), cols, d, err, sizeof err));
	for (i = 0; i < d->n_lines; i++) {
		const struct md_line *ln = &d->lines[i];
		char joined[4096] = "";

		assert_non_null(ln->plain);
		for (j = 0; j < ln->n_segs; j++) {
			assert_non_null(ln->segs[j].text);
			assert_true(strlen(joined) + strlen(ln->segs[j].text) < sizeof joined);
			strcat(joined, ln->segs[j].text);
		}
		assert_string_equal(joined, ln->plain);
		assert_true(text_valid_utf8(ln->plain, strlen(ln->plain), NULL));
		assert_int_equal(text_find_control(ln->plain, strlen(ln->plain), false),
		                 (size_t)-1);
	}
}

/* First line whose plain text contains needle, or -1. */
static long find_line(const struct md_doc *d, const char *needle)
{
	size_t i;

	for (i = 0; i < d->n_lines; i++)
		if (strstr(d->lines[i].plain, needle))
			return (long)i;
	return -1;
}

/* Style of the segment containing needle on line i, or ~0u. */
static unsigned seg_style(const struct md_doc *d, long i, const char *needle)
{
	size_t j;

	assert_true(i >= 0 && (size_t)i < d->n_lines);
	for (j = 0; j < d->lines[i].n_segs; j++)
		if (strstr(d->lines[i].segs[j].text, needle))
			return d->lines[i].segs[j].style;
	return ~0u;
}

static bool blank(const struct md_doc *d, size_t i)
{
	return d->lines[i].plain[0] == '\0';
}

/* ---- headings and anchors ---- */

static void test_headings_anchors_title(void **state)
{
	const char *src =
		"# HTTP 狀態碼 {#top}\n\n"
		"Intro.\n\n"
		"## 403 Forbidden {#403}\n\n"
		"Text.\n\n"
		"### Deeper {#deep-one}   \n\n"
		"## No anchor\n";
	struct md_doc d;
	long i;

	(void)state;
	render(src, 80, &d);
	assert_non_null(d.title);
	assert_string_equal(d.title, "HTTP 狀態碼");
	assert_string_equal(d.lines[0].plain, "HTTP 狀態碼");   /* suffix hidden */
	assert_true(d.lines[0].segs[0].style & MD_H1);
	assert_true(blank(&d, 1));                            /* blank after heading */
	assert_int_equal(md_find_anchor(&d, "top"), 0);
	i = md_find_anchor(&d, "403");
	assert_true(i > 0);
	assert_string_equal(d.lines[i].plain, "403 Forbidden");
	assert_true(d.lines[i].segs[0].style & MD_H2);
	assert_false(d.lines[i].segs[0].style & MD_H1);
	i = md_find_anchor(&d, "deep-one");
	assert_true(i > 0);
	assert_string_equal(d.lines[i].plain, "Deeper");
	assert_true(d.lines[i].segs[0].style & MD_H2);
	assert_int_equal(md_find_anchor(&d, "missing"), -1);
	assert_int_equal(md_find_anchor(&d, "Deeper"), -1);
	i = find_line(&d, "No anchor");
	assert_null(d.lines[i].anchor);
	md_doc_free(&d);
}

static void test_title_is_first_h1(void **state)
{
	struct md_doc d;

	(void)state;
	render("## Sub\n\n# First\n\n# Second\n", 80, &d);
	assert_string_equal(d.title, "First");
	md_doc_free(&d);
	render("Just text.\n", 80, &d);
	assert_null(d.title);
	md_doc_free(&d);
}

/* ---- inline styles ---- */

static void test_inline_styles(void **state)
{
	struct md_doc d;

	(void)state;
	render("Plain *em* **strong** `code` [link text](http://example.com) "
	       "***both***.\n", 80, &d);
	assert_int_equal(d.n_lines, 1);
	assert_string_equal(d.lines[0].plain,
	                    "Plain em strong code link text both.");
	assert_int_equal(seg_style(&d, 0, "Plain"), MD_PLAIN);
	assert_int_equal(seg_style(&d, 0, "em"), MD_EM);
	assert_int_equal(seg_style(&d, 0, "strong"), MD_STRONG);
	assert_int_equal(seg_style(&d, 0, "code"), MD_CODE);
	assert_int_equal(seg_style(&d, 0, "link text"), MD_LINK);
	assert_int_equal(seg_style(&d, 0, "both"), MD_EM | MD_STRONG);
	assert_null(strstr(d.lines[0].plain, "example.com"));   /* no URL shown */
	md_doc_free(&d);
}

static void test_entities(void **state)
{
	struct md_doc d;

	(void)state;
	render("a &amp; b &lt;c&gt; &#x4E2D;&#25991; &copy; &#27;x &bogus; &#0;\n",
	       80, &d);
	assert_int_equal(d.n_lines, 1);
	assert_string_equal(d.lines[0].plain,
	                    "a & b <c> 中文 \xc2\xa9  x &bogus; \xef\xbf\xbd");
	md_doc_free(&d);
}

/* ---- wrapping ---- */

static void test_wrap_40_keeps_styles(void **state)
{
	const char *src =
		"The server answers with **403 Forbidden when the token is valid "
		"but belongs to someone else**, and *never* with 401.\n";
	struct md_doc d;
	size_t i, j;
	char all[512] = "";
	bool strong_on_two = false;

	(void)state;
	render(src, 40, &d);
	assert_true(d.n_lines >= 3);
	for (i = 0; i < d.n_lines; i++) {
		assert_true(text_width(d.lines[i].plain) <= 40);
		if (i)
			strcat(all, " ");
		strcat(all, d.lines[i].plain);
	}
	assert_string_equal(all,
		"The server answers with 403 Forbidden when the token is valid "
		"but belongs to someone else, and never with 401.");
	/* the strong run is split across lines but stays strong on each */
	for (i = 1; i < d.n_lines; i++)
		for (j = 0; j < d.lines[i].n_segs; j++)
			if (d.lines[i].segs[j].style == MD_STRONG)
				strong_on_two = true;
	assert_true(strong_on_two);
	assert_int_equal(seg_style(&d, 0, "403"), MD_STRONG);
	assert_int_equal(seg_style(&d, find_line(&d, "never"), "never"), MD_EM);
	md_doc_free(&d);
}

static void test_wrap_cjk_paragraph(void **state)
{
	struct md_doc d;
	size_t i;

	(void)state;
	render("用戶端送來的請求格式正確，但伺服器理解之後仍然拒絕執行，"
	       "這時應該回應四零三，而不是四零一。\n", 20, &d);
	assert_true(d.n_lines >= 4);
	for (i = 0; i < d.n_lines; i++) {
		assert_true(text_width(d.lines[i].plain) <= 20);
		assert_false(strncmp(d.lines[i].plain, "，", strlen("，")) == 0);
		assert_false(strncmp(d.lines[i].plain, "。", strlen("。")) == 0);
	}
	md_doc_free(&d);
}

static void test_hard_break(void **state)
{
	struct md_doc d;

	(void)state;
	render("line one\\\nline two\nsame line\n", 80, &d);
	assert_int_equal(d.n_lines, 2);
	assert_string_equal(d.lines[0].plain, "line one");
	assert_string_equal(d.lines[1].plain, "line two same line");
	md_doc_free(&d);
}

/* ---- lists ---- */

static void test_bullet_list_hanging_indent(void **state)
{
	struct md_doc d;
	size_t i;

	(void)state;
	render("- short\n"
	       "- a longer item that has to wrap onto a second line here\n"
	       "  - nested one\n"
	       "  - nested two\n"
	       "- last\n", 30, &d);
	assert_string_equal(d.lines[0].plain, "• short");
	assert_int_equal(d.lines[0].segs[0].style, MD_RULE);   /* the bullet */
	assert_string_equal(d.lines[0].segs[0].text, "• ");
	assert_true(strncmp(d.lines[1].plain, "• a longer", 12) == 0);
	assert_true(strncmp(d.lines[2].plain, "  ", 2) == 0);  /* hanging indent */
	assert_true(d.lines[2].plain[2] != ' ');
	i = (size_t)find_line(&d, "nested one");
	assert_string_equal(d.lines[i].plain, "  • nested one");
	assert_string_equal(d.lines[i + 1].plain, "  • nested two");
	assert_string_equal(d.lines[i + 2].plain, "• last");
	/* a tight list has no blank lines inside */
	for (i = 0; i < d.n_lines; i++) {
		assert_false(blank(&d, i));
		assert_true(text_width(d.lines[i].plain) <= 30);
	}
	md_doc_free(&d);
}

static void test_ordered_list(void **state)
{
	struct md_doc d;

	(void)state;
	render("3. three\n4. four is long enough to wrap here\n", 20, &d);
	assert_string_equal(d.lines[0].plain, "3. three");
	assert_string_equal(d.lines[1].plain, "4. four is long");
	assert_string_equal(d.lines[2].plain, "   enough to wrap");
	assert_string_equal(d.lines[3].plain, "   here");
	assert_int_equal(seg_style(&d, 0, "3."), MD_RULE);
	md_doc_free(&d);
}

static void test_loose_list_blank_lines(void **state)
{
	struct md_doc d;

	(void)state;
	render("Before:\n\n- a\n\n- b\n\nAfter.\n", 80, &d);
	assert_int_equal(d.n_lines, 7);
	assert_string_equal(d.lines[0].plain, "Before:");
	assert_true(blank(&d, 1));
	assert_string_equal(d.lines[2].plain, "• a");
	assert_true(blank(&d, 3));
	assert_string_equal(d.lines[4].plain, "• b");
	assert_true(blank(&d, 5));
	assert_string_equal(d.lines[6].plain, "After.");
	md_doc_free(&d);
}

/* ---- blank-line rules, quotes, rules, code ---- */

static void test_one_blank_between_blocks(void **state)
{
	const char *src =
		"\n\n# T\n\n\n\npara one\n\n\n\n- x\n- y\n\n> q\n\n---\n\n"
		"```\ncode\n```\n\n| a |\n|---|\n| b |\n\nend\n\n\n";
	struct md_doc d;
	size_t i;

	(void)state;
	render(src, 40, &d);
	assert_false(blank(&d, 0));
	assert_false(blank(&d, d.n_lines - 1));
	for (i = 1; i < d.n_lines; i++)
		assert_false(blank(&d, i) && blank(&d, i - 1));
	/* every block boundary has exactly one blank line */
	assert_true(blank(&d, (size_t)find_line(&d, "para one") - 1));
	assert_true(blank(&d, (size_t)find_line(&d, "• x") - 1));
	assert_false(blank(&d, (size_t)find_line(&d, "• y") - 1));
	assert_true(blank(&d, (size_t)find_line(&d, "│ q") - 1));
	assert_true(blank(&d, (size_t)find_line(&d, "  code") - 1));
	assert_true(blank(&d, (size_t)find_line(&d, "┌") - 1));
	assert_true(blank(&d, (size_t)find_line(&d, "end") - 1));
	md_doc_free(&d);
}

static void test_block_quote(void **state)
{
	struct md_doc d;
	size_t i;

	(void)state;
	render("> quoted *words* that wrap across the narrow width\n>\n> second\n",
	       24, &d);
	for (i = 0; i < d.n_lines; i++) {
		assert_true(strncmp(d.lines[i].plain, "│", strlen("│")) == 0);
		assert_true(d.lines[i].segs[0].style & MD_QUOTE);
		assert_true(text_width(d.lines[i].plain) <= 24);
	}
	assert_string_equal(d.lines[d.n_lines - 1].plain, "│ second");
	assert_string_equal(d.lines[d.n_lines - 2].plain, "│");   /* blank inside */
	assert_int_equal(seg_style(&d, 0, "words"), MD_EM | MD_QUOTE);
	md_doc_free(&d);
}

static void test_horizontal_rule(void **state)
{
	struct md_doc d;

	(void)state;
	render("a\n\n***\n\nb\n", 30, &d);
	assert_int_equal(d.n_lines, 5);
	assert_int_equal(text_width(d.lines[2].plain), 30);
	assert_int_equal(d.lines[2].segs[0].style, MD_RULE);
	assert_true(strncmp(d.lines[2].plain, "─", strlen("─")) == 0);
	md_doc_free(&d);
}

static void test_code_block(void **state)
{
	const char *src =
		"Example:\n\n"
		"```http\n"
		"HTTP/1.1 202 Accepted\n"
		"Location: /jobs/7f3a9c2e-this-header-line-is-much-wider-than-forty\n"
		"\n"
		"\tRetry-After: 5\n"
		"```\n\n"
		"    indented block\n";
	struct md_doc d;
	long i;

	(void)state;
	render(src, 40, &d);
	i = find_line(&d, "HTTP/1.1");
	assert_true(i > 0);
	assert_string_equal(d.lines[i].plain, "  HTTP/1.1 202 Accepted");
	assert_int_equal(seg_style(&d, i, "HTTP"), MD_CODE);
	/* not wrapped: the long line stays whole, wider than the screen */
	assert_true(text_width(d.lines[i + 1].plain) > 40);
	assert_true(blank(&d, (size_t)i + 2));     /* blank line inside the code */
	assert_string_equal(d.lines[i + 3].plain, "      Retry-After: 5");   /* tab */
	assert_true(blank(&d, (size_t)i + 4));
	assert_string_equal(d.lines[i + 5].plain, "  indented block");
	assert_int_equal((size_t)i + 6, d.n_lines);
	md_doc_free(&d);
}

/* ---- tables ---- */

static void check_table_rows(const struct md_doc *d, int max_width)
{
	size_t i;
	int w = -1, rows = 0;

	for (i = 0; i < d->n_lines; i++) {
		const char *p = d->lines[i].plain;

		if (!strstr(p, "│") && !strstr(p, "─"))
			continue;
		if (w < 0)
			w = text_width(p);
		assert_int_equal(text_width(p), w);   /* all rows line up */
		rows++;
	}
	assert_true(rows >= 3);
	assert_true(w <= max_width);
}

static void test_table_cjk_alignment(void **state)
{
	const char *src =
		"| 代碼 | 意義 | Note |\n"
		"|:-----|:----:|-----:|\n"
		"| 200 | 成功 | OK |\n"
		"| 404 | 找不到資源 | Not Found |\n";
	struct md_doc d;

	(void)state;
	render(src, 80, &d);
	assert_int_equal(d.n_lines, 6);
	check_table_rows(&d, 80);
	assert_string_equal(d.lines[0].plain, "┌──────┬────────────┬───────────┐");
	assert_string_equal(d.lines[1].plain, "│ 代碼 │    意義    │      Note │");
	assert_string_equal(d.lines[2].plain, "├──────┼────────────┼───────────┤");
	assert_string_equal(d.lines[3].plain, "│ 200  │    成功    │        OK │");
	assert_string_equal(d.lines[4].plain, "│ 404  │ 找不到資源 │ Not Found │");
	assert_string_equal(d.lines[5].plain, "└──────┴────────────┴───────────┘");
	assert_int_equal(d.lines[0].segs[0].style, MD_RULE);
	assert_int_equal(seg_style(&d, 1, "代碼"), MD_STRONG);   /* header row */
	assert_int_equal(seg_style(&d, 3, "200"), MD_PLAIN);
	md_doc_free(&d);
}

/* TERM=dumb and screen readers: a row is one line of "Heading: cell",
 * wrapped to the width, with no box drawing; Chinese headings take "：". */
static void test_table_linear(void **state)
{
	const char *src =
		"Before.\n\n"
		"| Code | Meaning |\n"
		"|---|---|\n"
		"| 200 | OK |\n"
		"| 429 | Too Many Requests: the client sent too many in a given time |\n\n"
		"| 代碼 | 意義 |\n"
		"|---|---|\n"
		"| 423 | 資源被鎖定 |\n\n"
		"After.\n";
	struct md_doc d;
	char err[64];

	(void)state;
	assert_true(md_render_linear(src, strlen(src), 40, &d, err, sizeof err));
	for (size_t i = 0; i < d.n_lines; i++) {
		assert_null(strstr(d.lines[i].plain, "│"));
		assert_null(strstr(d.lines[i].plain, "─"));
		assert_true(text_width(d.lines[i].plain) <= 40);
	}
	assert_int_equal(d.n_lines, 9);
	assert_string_equal(d.lines[0].plain, "Before.");
	assert_string_equal(d.lines[1].plain, "");
	assert_string_equal(d.lines[2].plain, "Code: 200; Meaning: OK");
	assert_string_equal(d.lines[3].plain, "Code: 429; Meaning: Too Many Requests:");
	assert_string_equal(d.lines[4].plain, "the client sent too many in a given time");
	assert_string_equal(d.lines[5].plain, "");
	assert_string_equal(d.lines[6].plain, "代碼：423；意義：資源被鎖定");
	assert_string_equal(d.lines[8].plain, "After.");
	md_doc_free(&d);
}

static void test_table_shrinks_to_fit(void **state)
{
	const char *src =
		"| Code | Meaning |\n"
		"|---|---|\n"
		"| 429 | Too Many Requests: the client sent too many in a given time |\n"
		"| 423 | 資源被鎖定，暫時無法修改，請稍後再試 |\n";
	struct md_doc d;
	size_t i;
	bool found_429 = false, found_lock = false;

	(void)state;
	render(src, 30, &d);
	check_table_rows(&d, 30);
	for (i = 0; i < d.n_lines; i++) {
		if (strstr(d.lines[i].plain, "429"))
			found_429 = true;
		if (strstr(d.lines[i].plain, "資源"))
			found_lock = true;
	}
	assert_true(found_429 && found_lock);
	assert_true(d.n_lines > 6);   /* cells wrapped onto more lines */
	md_doc_free(&d);
}

/* Shrinking keeps a word whole when the longest words fit side by side:
 * the cap falls on the long prose column, not on a header name. */
static void test_table_keeps_words_whole(void **state)
{
	const char *src =
		"| Header | Codes | Required |\n"
		"|---|---|---|\n"
		"| Proxy-Authenticate | 407 | must |\n"
		"| Location | 201, 3xx (and 202 when it points at a status monitor) | "
		"must for redirects; should for 201 |\n";
	struct md_doc d;
	size_t i;
	bool whole = false;

	(void)state;
	render(src, 56, &d);
	check_table_rows(&d, 56);
	for (i = 0; i < d.n_lines; i++)
		whole |= strstr(d.lines[i].plain, "Proxy-Authenticate") != NULL;
	assert_true(whole);
	assert_true(d.n_lines > 7);   /* the prose columns wrapped instead */
	md_doc_free(&d);
}

static void test_table_in_list_and_inline_styles(void **state)
{
	const char *src = "- item\n\n  | `x` | **y** |\n  |---|---|\n  | 1 | 2 |\n";
	struct md_doc d;
	long i;

	(void)state;
	render(src, 40, &d);
	i = find_line(&d, "┌");
	assert_true(i > 0);
	assert_true(strncmp(d.lines[i].plain, "  ┌", strlen("  ┌")) == 0);
	assert_int_equal(seg_style(&d, i + 1, "x"), MD_CODE | MD_STRONG);
	check_table_rows(&d, 40);
	md_doc_free(&d);
}

/* ---- robustness ---- */

static void test_scrubs_controls_and_invalid(void **state)
{
	const char *src = "# Ti\x1b[31mtle\x07\n\nbad \xff\xfe bytes \xc2\x9b" "2J "
	                  "and \xe7\x8b\r\n";
	struct md_doc d;

	(void)state;
	render(src, 80, &d);   /* render() asserts no controls, valid UTF-8 */
	assert_string_equal(d.title, "Ti[31mtle");
	assert_non_null(strstr(d.lines[2].plain, "\xef\xbf\xbd"));
	md_doc_free(&d);
}

static void test_empty_and_tiny(void **state)
{
	struct md_doc d;
	char err[64];

	(void)state;
	assert_true(md_render("", 0, 80, &d, err, sizeof err));
	assert_int_equal(d.n_lines, 0);
	assert_null(d.title);
	md_doc_free(&d);
	assert_true(md_render(NULL, 0, 80, &d, NULL, 0));
	assert_int_equal(d.n_lines, 0);
	md_doc_free(&d);
	/* a tiny width is raised to a usable minimum rather than failing */
	render("word word word word\n", 1, &d);
	assert_true(d.n_lines >= 1);
	md_doc_free(&d);
	md_doc_free(NULL);
	assert_int_equal(md_find_anchor(NULL, "x"), -1);
}

static void test_garbage_smoke(void **state)
{
	static const char *nasty[] = {
		">>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>> deep\n",
		"- - - - - - - - - - - - - - - - - - - - - - - - - - - - - x\n",
		"|||\n|-|-|\n|||\n",
		"| a |\n|---|\n| b | c | d |\n",
		"# {#}\n## {#a}\n### x {#\xff}\n",
		"[[[[[[[[[[((((((((((******____````\n",
		"```\n\x01\x02\x1b\n",
		"\xf0\x9f\x98\x80\xcc\x81\xcc\x81\xcc\x81 ｜ 全形 \xe2\x80\x8b\n",
		"&#xFFFFFFFF; &#55296; &#x110000; &#9999999999999;\n",
	};
	unsigned seed = 12345;
	size_t k, i;

	(void)state;
	for (k = 0; k < sizeof nasty / sizeof nasty[0]; k++) {
		struct md_doc d;

		render(nasty[k], 20, &d);
		md_doc_free(&d);
	}
	/* random bytes biased towards Markdown punctuation */
	for (k = 0; k < 300; k++) {
		static const char alphabet[] = "#*_`|-:>[]()!\\ \n\t{}&;x1\xe7\x8b\x80\xff\x1b";
		char buf[400];
		struct md_doc d;
		char err[64];
		size_t n = 1 + k % (sizeof buf - 1);

		for (i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			buf[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
		}
		assert_true(md_render(buf, n, 20 + (int)(k % 60), &d, err, sizeof err));
		for (i = 0; i < d.n_lines; i++) {
			const char *p = d.lines[i].plain;

			assert_true(text_valid_utf8(p, strlen(p), NULL));
			assert_int_equal(text_find_control(p, strlen(p), false),
			                 (size_t)-1);
		}
		md_doc_free(&d);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_headings_anchors_title),
		cmocka_unit_test(test_title_is_first_h1),
		cmocka_unit_test(test_inline_styles),
		cmocka_unit_test(test_entities),
		cmocka_unit_test(test_wrap_40_keeps_styles),
		cmocka_unit_test(test_wrap_cjk_paragraph),
		cmocka_unit_test(test_hard_break),
		cmocka_unit_test(test_bullet_list_hanging_indent),
		cmocka_unit_test(test_ordered_list),
		cmocka_unit_test(test_loose_list_blank_lines),
		cmocka_unit_test(test_one_blank_between_blocks),
		cmocka_unit_test(test_block_quote),
		cmocka_unit_test(test_horizontal_rule),
		cmocka_unit_test(test_code_block),
		cmocka_unit_test(test_table_cjk_alignment),
		cmocka_unit_test(test_table_shrinks_to_fit),
		cmocka_unit_test(test_table_keeps_words_whole),
		cmocka_unit_test(test_table_in_list_and_inline_styles),
		cmocka_unit_test(test_scrubs_controls_and_invalid),
		cmocka_unit_test(test_empty_and_tiny),
		cmocka_unit_test(test_table_linear),
		cmocka_unit_test(test_garbage_smoke),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
