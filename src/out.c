/* out.c — making text safe at the point of output (see out.h for the rule). */
#include "out.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

uint32_t out_safe_cp(uint32_t cp)
{
	return text_unsafe_kind(cp) == TEXT_SAFE ? cp : 0xFFFDu;
}

void out_puts(FILE *f, const char *s, bool utf8)
{
	const char *p = s;
	while (p && *p >= 0x20 && *p < 0x7F)
		p++;
	if (p && !*p) {   /* printable ASCII (most cells of a report): as it is */
		fputs(s, f);
		return;
	}
	char *clean = text_clean(s, s ? strlen(s) : 0, true);
	if (!clean)
		return;
	if (utf8) {
		fputs(clean, f);
	} else {
		size_t len = strlen(clean);
		for (size_t i = 0; i < len;) {
			wchar_t wc;
			i += text_decode(clean + i, len - i, &wc);
			fputc((int)text_ascii(wc), f);
		}
	}
	free(clean);
}

char *out_shown(const char *s, bool utf8)
{
	char *clean = text_clean(s, s ? strlen(s) : 0, false);
	if (!clean || utf8)
		return clean;
	/* Each character becomes one byte: the copy only gets shorter. */
	size_t len = strlen(clean), o = 0;
	for (size_t i = 0; i < len;) {
		wchar_t wc;
		i += text_decode(clean + i, len - i, &wc);
		clean[o++] = (char)text_ascii(wc);
	}
	clean[o] = '\0';
	return clean;
}

/* "-12", "3.5": a number a spreadsheet reads as a number, not a formula. */
static bool plain_number(const char *s)
{
	const char *p = s + (*s == '-');
	bool digits = false, dot = false;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits = true;
		else if (*p == '.' && !dot && digits)
			dot = true;
		else
			return false;
	}
	return digits && p[-1] != '.';
}

/* Would a spreadsheet take a cell starting with s as a formula?  OWASP's
 * list, plus the full-width forms some spreadsheets also accept. */
static bool formula_start(const char *s)
{
	static const char *const lead[] = {
		"=", "+", "-", "@", "\t", "\r", "\xEF\xBC\x9D" /* ＝ */, "\xEF\xBC\x8B" /* ＋ */,
		"\xEF\xBC\x8D" /* － */, "\xEF\xBC\xA0" /* ＠ */,
	};
	if (!strchr("=+-@\t\r\xEF", *s) || !*s)   /* the first byte rules out most cells */
		return false;
	for (size_t i = 0; i < sizeof lead / sizeof lead[0]; i++)
		if (strncmp(s, lead[i], strlen(lead[i])) == 0)
			return !plain_number(s);
	return false;
}

char *out_csv_text(const char *s)
{
	char *clean = text_clean(s, s ? strlen(s) : 0, false);
	/* TAB and CR are cleaned away, but the rule is about what was stored. */
	if (!clean || !(formula_start(clean) || (s && formula_start(s))))
		return clean;
	size_t n = strlen(clean);
	char *q = malloc(n + 2);
	if (q) {
		q[0] = '\'';
		memcpy(q + 1, clean, n + 1);
	}
	free(clean);
	return q;
}

void out_csv_field(FILE *f, const char *s)
{
	/* One pass over the cell: most (numbers, ids, times) are printable
	 * ASCII that needs no cleaning, no copy and no quote mark. */
	size_t n = 0;
	bool ascii = s != NULL, quote = false;
	for (; ascii && s[n]; n++) {
		unsigned char c = (unsigned char)s[n];
		ascii = c >= 0x20 && c <= 0x7e;
		quote = quote || c == ',' || c == '"';
	}
	const char *cell = s;
	char *copy = NULL;
	if (!ascii || formula_start(s)) {
		if (!(cell = copy = out_csv_text(s)))
			return;
		n = strlen(cell);
		quote = strpbrk(cell, ",\"") != NULL;
	}
	quote = quote || (n && (cell[0] == ' ' || cell[n - 1] == ' '));
	/* unlocked: one thread writes; the export is millions of these */
	if (!quote) {
		fwrite_unlocked(cell, 1, n, f);
	} else {
		putc_unlocked('"', f);
		for (const char *p = cell; *p; p++) {
			if (*p == '"')
				putc_unlocked('"', f);
			putc_unlocked(*p, f);
		}
		putc_unlocked('"', f);
	}
	free(copy);
}

static json_t *json_clean(const char *s, bool keep_nl)
{
	char *clean = text_clean(s, s ? strlen(s) : 0, keep_nl);
	if (!clean)
		return NULL;
	/* Valid UTF-8 by construction, so jansson accepts it. */
	json_t *v = json_string(clean);
	free(clean);
	return v;
}

json_t *out_json_str(const char *s)
{
	return json_clean(s, false);
}

json_t *out_json_text(const char *s)
{
	return json_clean(s, true);
}

bool out_json_dump(FILE *f, const json_t *v, bool pretty)
{
	/* 15 digits: a rounded figure (1.67) prints as written, not as the
	 * 17 digits of its nearest double. */
	size_t flags = JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15) |
	               (pretty ? JSON_INDENT(2) : JSON_COMPACT);
	return v && json_dumpf(v, f, flags) == 0 && fputc('\n', f) != EOF;
}

void out_html(FILE *f, const char *s)
{
	char *clean = text_clean(s, s ? strlen(s) : 0, false);
	if (!clean)
		return;
	for (const char *p = clean; *p; p++) {
		switch (*p) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default: fputc(*p, f); break;
		}
	}
	free(clean);
}

/* Byte offset where the last cols columns of s (n bytes) begin, never inside
 * a character; combining marks stay with their base. */
static size_t tail_start(const char *s, size_t n, int cols)
{
	size_t best = n;
	int w = 0;
	/* Walk back by characters: continuation bytes are 10xxxxxx. */
	for (size_t i = n; i > 0;) {
		size_t j = i - 1;
		while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80)
			j--;
		wchar_t wc;
		text_decode(s + j, i - j, &wc);
		w += text_wcwidth(wc);
		if (w > cols)
			break;
		i = j;
		if (text_wcwidth(wc) > 0 || i == 0)
			best = i;
	}
	return best;
}

char *out_fit(const char *s, int cols, bool utf8)
{
	if (cols < 0)
		cols = 0;
	char *clean = text_clean(s, s ? strlen(s) : 0, false);
	if (!clean)
		return NULL;
	int w = text_width(clean);
	if (w > cols && cols >= 3) {
		/* Room for the mark; the end (often what tells names apart) gets
		 * the larger half. */
		int head = (cols - 1) / 2, tail = cols - 1 - head;
		size_t n = strlen(clean);
		size_t hb = text_clip(clean, head, &head);
		size_t tb = tail_start(clean, n, tail);
		if (tb < hb)
			tb = hb;
		const char *mark = utf8 ? "…" : "~";
		size_t ml = strlen(mark);
		char *cut = malloc(hb + ml + (n - tb) + 1);
		if (!cut) {
			free(clean);
			return NULL;
		}
		memcpy(cut, clean, hb);
		memcpy(cut + hb, mark, ml);
		memcpy(cut + hb + ml, clean + tb, n - tb + 1);
		free(clean);
		clean = cut;
	}
	char *padded = text_pad(clean, cols);
	free(clean);
	return padded;
}
