/* fuzz_out.c — libFuzzer harness: output escaping (out.c, text_clean) on
 * arbitrary bytes, as a name or an answer from a hostile database.  Byte 0
 * picks a column width for out_fit, byte 1 flags; the rest is the text.
 * Whatever comes in, what goes out — text, CSV, JSON, HTML, a fitted cell —
 * is valid UTF-8 without a control, bidi or invisible character, a CSV cell
 * never starts a formula, and JSON reads back as the cleaned text. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The characters the issue names, listed here again rather than asked of
 * text.c, so a hole in its table is caught too. */
static bool forbidden(wchar_t wc, bool nl)
{
	return (wc < 0x20 && !(nl && wc == '\n')) || (wc >= 0x7F && wc <= 0x9F) ||
	       wc == 0x061C || (wc >= 0x200B && wc <= 0x200F) || wc == 0x2028 || wc == 0x2029 ||
	       (wc >= 0x202A && wc <= 0x202E) || (wc >= 0x2060 && wc <= 0x2069) || wc == 0xFEFF ||
	       (wc >= 0xE0000 && wc <= 0xE007F);
}

/* Valid UTF-8 and nothing unsafe (LF allowed when nl). */
static void check_safe(const char *s, size_t n, bool nl)
{
	if (!text_valid_utf8(s, n, NULL) || text_find_unsafe(s, n, nl, NULL) != (size_t)-1)
		abort();
	for (size_t i = 0; i < n;) {
		wchar_t wc;
		i += text_decode(s + i, n - i, &wc);
		if (forbidden(wc, nl))
			abort();
	}
	if (!nl && memchr(s, '\n', n))
		abort();
	if (memchr(s, '\t', n))
		abort();
}

/* Runs print(f, s) into memory and returns what it wrote (caller frees). */
static char *capture(void (*print)(FILE *, const char *), const char *s, size_t *n)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, n);
	if (!f)
		abort();
	print(f, s);
	if (fclose(f) != 0)
		abort();
	return buf;
}

static void puts_ascii(FILE *f, const char *s)
{
	out_puts(f, s, false);
}

static void puts_utf8(FILE *f, const char *s)
{
	out_puts(f, s, true);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	int cols = data[0] % 80;
	bool utf8 = data[1] & 1;
	const char *raw = (const char *)data + 2;
	size_t n = size - 2;
	char *s = malloc(n + 1);     /* the C-string view callers hand over */
	if (!s)
		return 0;
	memcpy(s, raw, n);
	s[n] = '\0';

	char *c = text_clean(raw, n, false), *cn = text_clean(raw, n, true);
	if (!c || !cn)
		abort();
	check_safe(c, strlen(c), false);
	check_safe(cn, strlen(cn), true);
	/* Cleaning is idempotent: clean text passes through unchanged. */
	char *again = text_clean(c, strlen(c), false);
	if (!again || strcmp(again, c) != 0)
		abort();
	free(again);

	char *cell = out_csv_text(s);
	if (!cell)
		abort();
	check_safe(cell, strlen(cell), false);
	if (strchr("=+-@", cell[0]) && cell[0]) {
		/* only a plain number may start like a formula */
		const char *p = cell + (cell[0] == '-');
		if (!*p || strspn(p, "0123456789.") != strlen(p))
			abort();
	}
	if (!strncmp(cell, "\xEF\xBC\x9D", 3) || !strncmp(cell, "\xEF\xBC\x8B", 3) ||
	    !strncmp(cell, "\xEF\xBC\x8D", 3) || !strncmp(cell, "\xEF\xBC\xA0", 3))
		abort();
	free(cell);

	size_t len;
	char *out = capture(out_csv_field, s, &len);
	check_safe(out, len, false);
	free(out);
	out = capture(out_html, s, &len);
	check_safe(out, len, true);
	if (strchr(out, '<') || strchr(out, '>') || strchr(out, '"') || strchr(out, '\''))
		abort();
	free(out);
	out = capture(utf8 ? puts_utf8 : puts_ascii, s, &len);
	check_safe(out, len, true);
	for (size_t i = 0; !utf8 && i < len; i++)
		if ((unsigned char)out[i] >= 0x80)
			abort();
	free(out);

	json_t *j = out_json_str(s);
	if (!j)
		abort();
	char *dump = json_dumps(j, JSON_ENCODE_ANY);
	if (!dump)
		abort();
	check_safe(dump, strlen(dump), false);     /* LF is written \n */
	json_t *back = json_loads(dump, JSON_DECODE_ANY, NULL);
	char *want = text_clean(s, strlen(s), true);
	if (!back || !want || strcmp(json_string_value(back), want) != 0)
		abort();
	free(want);
	json_decref(back);
	free(dump);
	json_decref(j);

	char *fit = out_fit(s, cols, utf8);
	if (!fit)
		abort();
	check_safe(fit, strlen(fit), false);
	if (text_width(fit) != cols)
		abort();
	free(fit);

	free(c);
	free(cn);
	free(s);
	return 0;
}
