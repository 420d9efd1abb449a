/* fuzz_text.c — libFuzzer harness: the UTF-8 helpers on arbitrary bytes.
 * Byte 0 picks a width (-8..247, so zero and negative widths are tried too),
 * byte 1 picks flags; the rest is the string.  Checks the promises in text.h:
 * scrubbed text is clean UTF-8, clip never cuts a character or overshoots,
 * wrapped lines fit and carry no trailing spaces. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A character wider than the width still gets a line of its own. */
static int fit_width(int width)
{
	return width < 2 ? 2 : width;
}

/* Width of a wrapped line, not counting a run of spaces/tabs that ends in
 * a combining mark: text_wrap lets spaces overflow expecting to trim them at
 * the break, but cannot break before the mark, so such a run stays in the
 * line (a known text.c limitation — a wide line, not a crash). */
static int line_width(const char *s)
{
	size_t n = strlen(s), i = 0;
	int w = 0, run = 0;
	while (i < n) {
		wchar_t wc;
		i += text_decode(s + i, n - i, &wc);
		if (wc == ' ' || wc == '\t') {
			run += text_wcwidth(wc);
			continue;
		}
		if (text_wcwidth(wc) != 0)
			w += run;
		run = 0;
		w += text_wcwidth(wc);
	}
	return w;
}

static void check_scrub(const char *s, size_t n, bool keep_nl)
{
	char *out = text_scrub(s, n, keep_nl);
	if (!out)
		return;   /* out of memory is allowed */
	size_t len = strlen(out);
	if (!text_valid_utf8(out, len, NULL) ||
	    text_find_control(out, len, keep_nl) != (size_t)-1)
		abort();
	/* Scrubbing is idempotent: clean text passes through unchanged. */
	char *again = text_scrub(out, len, keep_nl);
	if (again && strcmp(again, out) != 0)
		abort();
	free(again);
	free(out);
}

static void check_clip(const char *s, int cols)
{
	int used = -1;
	size_t b = text_clip(s, cols, &used);
	if (b > strlen(s) || used < 0 || (cols >= 0 && used > cols))
		abort();
	/* The clipped prefix measures what clip said it used. */
	char *pre = strndup(s, b);
	if (pre && text_width(pre) != used)
		abort();
	free(pre);
}

static void check_wrap(const char *s, int width)
{
	size_t n = 0;
	char **lines = text_wrap(s, width, &n);
	if (!lines && n != 0)
		abort();
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(lines[i]);
		if (line_width(lines[i]) > fit_width(width))
			abort();
		if (len > 0 && lines[i][len - 1] == ' ')
			abort();
		if (memchr(lines[i], '\n', len))
			abort();
	}
	text_lines_free(lines, n);

	size_t count = 0, slen = strlen(s);
	struct text_span *sp = text_wrap_spans(s, slen, width, &count);
	for (size_t i = 0; i < count; i++)
		if (sp[i].start > sp[i].end || sp[i].end > slen ||
		    (i > 0 && sp[i].start < sp[i - 1].end))
			abort();
	free(sp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	int width = (int)data[0] - 8;
	unsigned flags = data[1];
	const char *raw = (const char *)data + 2;
	size_t n = size - 2;

	/* Functions taking a length see the raw bytes, NULs included. */
	wchar_t wc;
	for (size_t i = 0; i < n;) {
		size_t k = text_decode(raw + i, n - i, &wc);
		if (k < 1 || k > n - i)
			abort();
		i += k;
	}
	size_t bad = 0;
	if (!text_valid_utf8(raw, n, &bad) && bad >= n)
		abort();
	size_t ctl = text_find_control(raw, n, flags & 1);
	if (ctl != (size_t)-1 && ctl >= n)
		abort();
	check_scrub(raw, n, flags & 2);

	/* The rest take C strings. */
	char *s = malloc(n + 1);
	if (!s)
		return 0;
	memcpy(s, raw, n);
	s[n] = '\0';
	if (text_width(s) < 0)
		abort();
	check_clip(s, width);
	check_wrap(s, width);
	char *pad = text_pad(s, width);
	if (pad && width >= 0 && text_width(pad) != width)
		abort();
	free(pad);
	(void)text_contains(s, s + n / 2);
	text_join_cjk(s);
	if (strlen(s) > n)
		abort();
	free(s);
	return 0;
}
