/* text.c — UTF-8 decoding, scrubbing, display width, clipping and wrapping.
 * Widths come from our own small table rather than wcwidth(), so they are the
 * same in every locale (the C locale reports -1 for all non-ASCII). */
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define REPLACEMENT 0xFFFD

/* Decode one character; *ok says whether the bytes were valid UTF-8.  On an
 * invalid sequence the maximal valid prefix is consumed (at least one byte),
 * as Unicode recommends, so one broken character gives one U+FFFD. */
static size_t decode(const unsigned char *s, size_t n, uint32_t *cp, bool *ok)
{
	unsigned char c = s[0];
	size_t need, i;
	uint32_t v, min;

	*ok = false;
	*cp = REPLACEMENT;
	if (c < 0x80) {
		*cp = c;
		*ok = true;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1; v = c & 0x1Fu; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2; v = c & 0x0Fu; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3; v = c & 0x07u; min = 0x10000;
	} else {
		return 1;   /* continuation byte, overlong lead C0/C1, or F5..FF */
	}
	for (i = 1; i <= need; i++) {
		unsigned char d;

		if (i >= n)
			return i;
		d = s[i];
		if ((d & 0xC0) != 0x80)
			return i;
		/* Reject overlongs, surrogates and > U+10FFFF at the second byte,
		 * so the bad sequence is as short as possible. */
		if (i == 1) {
			if (c == 0xE0 && d < 0xA0)
				return 1;
			if (c == 0xED && d > 0x9F)
				return 1;
			if (c == 0xF0 && d < 0x90)
				return 1;
			if (c == 0xF4 && d > 0x8F)
				return 1;
		}
		v = (v << 6) | (d & 0x3Fu);
	}
	if (v < min)
		return need + 1;
	*cp = v;
	*ok = true;
	return need + 1;
}

size_t text_decode(const char *s, size_t n, wchar_t *wc)
{
	uint32_t cp;
	bool ok;
	size_t k;

	if (n == 0) {
		*wc = (wchar_t)REPLACEMENT;
		return 1;
	}
	k = decode((const unsigned char *)s, n, &cp, &ok);
	*wc = (wchar_t)cp;
	return k;
}

bool text_valid_utf8(const char *s, size_t n, size_t *bad)
{
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		bool ok;
		size_t k = decode((const unsigned char *)s + i, n - i, &cp, &ok);

		if (!ok) {
			if (bad)
				*bad = i;
			return false;
		}
		i += k;
	}
	return true;
}

static bool is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}

size_t text_find_control(const char *s, size_t n, bool allow_nl_tab)
{
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		bool ok;
		size_t k = decode((const unsigned char *)s + i, n - i, &cp, &ok);

		if (ok && is_control(cp) &&
		    !(allow_nl_tab && (cp == '\n' || cp == '\t')))
			return i;
		i += k;
	}
	return (size_t)-1;
}

size_t text_find_unsafe(const char *s, size_t n, bool allow_nl_tab, enum text_unsafe *kind)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		if (u[i] >= 0x20 && u[i] < 0x7F) {   /* printable ASCII: the common case */
			i++;
			continue;
		}
		if (u[i] >= 0xE4 && u[i] <= 0xEE) {  /* U+4000–U+EFFF (CJK): none unsafe */
			size_t end = i + 3 < n ? i + 3 : n;
			for (i++; i < end && (u[i] & 0xC0) == 0x80; i++)
				;
			continue;
		}
		uint32_t cp;
		bool ok;
		size_t k = decode(u + i, n - i, &cp, &ok);
		enum text_unsafe why = ok ? text_unsafe_kind(cp) : TEXT_SAFE;
		if (why != TEXT_SAFE && !(allow_nl_tab && (cp == '\n' || cp == '\t'))) {
			if (kind)
				*kind = why;
			return i;
		}
		i += k;
	}
	return (size_t)-1;
}

size_t text_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* The loop behind text_scrub and text_clean: replace picks text_clean's rule
 * (every unsafe character becomes U+FFFD) over text_scrub's (controls
 * dropped, TAB a space). */
static char *scrub(const char *s, size_t n, bool keep_nl, bool replace)
{
	/* Each input byte yields at most 3 output bytes (a lone bad byte becomes
	 * the 3-byte U+FFFD), so one allocation is enough. */
	char *out;
	size_t i = 0, o = 0;

	if (!s)
		n = 0;
	if (n > (SIZE_MAX - 1) / 3)
		return NULL;
	out = malloc(n * 3 + 1);
	if (!out)
		return NULL;
	while (i < n) {
		uint32_t cp;
		bool ok;
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7F) {   /* printable ASCII: safe as it is */
			out[o++] = (char)c;
			i++;
			continue;
		}
		size_t k = decode((const unsigned char *)s + i, n - i, &cp, &ok);

		if (!ok) {
			o += text_encode(REPLACEMENT, out + o);
		} else if (cp == '\n' && keep_nl) {
			out[o++] = '\n';
		} else if (replace && text_unsafe_kind(cp) != TEXT_SAFE) {
			o += text_encode(REPLACEMENT, out + o);
		} else if (!replace && (cp == '\t' || cp == '\n')) {
			out[o++] = ' ';
		} else if (!replace && is_control(cp)) {
			/* dropped: ESC, CR, BEL, C1 … must never reach the terminal */
		} else {
			memcpy(out + o, s + i, k);
			o += k;
		}
		i += k;
	}
	out[o] = '\0';
	return out;
}

char *text_scrub(const char *s, size_t n, bool keep_nl)
{
	return scrub(s, n, keep_nl, false);
}

char *text_clean(const char *s, size_t n, bool keep_nl)
{
	return scrub(s, n, keep_nl, true);
}

bool text_is_clean(const char *s, size_t n)
{
	/* scrub copies exactly the valid characters text_unsafe_kind calls safe */
	return text_valid_utf8(s, n, NULL) && text_find_unsafe(s, n, false, NULL) == (size_t)-1;
}

struct range {
	uint32_t lo, hi;
};

/* Zero-width: combining marks, zero-width spaces/joiners, variation
 * selectors, BOM. */
static const struct range zero_width[] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD },
	{ 0x0610, 0x061A }, { 0x064B, 0x065F }, { 0x1AB0, 0x1AFF },
	{ 0x1DC0, 0x1DFF }, { 0x200B, 0x200F }, { 0x2028, 0x202E },
	{ 0x2060, 0x2064 }, { 0x20D0, 0x20FF }, { 0x302A, 0x302D },
	{ 0x3099, 0x309A }, { 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F },
	{ 0xFEFF, 0xFEFF }, { 0xE0100, 0xE01EF },
};

/* East Asian Wide and Fullwidth (the blocks that matter in practice). */
static const struct range wide[] = {
	{ 0x1100, 0x115F }, { 0x231A, 0x231B }, { 0x2329, 0x232A },
	{ 0x23E9, 0x23EC }, { 0x23F0, 0x23F0 }, { 0x23F3, 0x23F3 },
	{ 0x25FD, 0x25FE }, { 0x2614, 0x2615 }, { 0x2648, 0x2653 },
	{ 0x267F, 0x267F }, { 0x2693, 0x2693 }, { 0x26A1, 0x26A1 },
	{ 0x26AA, 0x26AB }, { 0x26BD, 0x26BE }, { 0x26C4, 0x26C5 },
	{ 0x26CE, 0x26CE }, { 0x26D4, 0x26D4 }, { 0x26EA, 0x26EA },
	{ 0x26F2, 0x26F3 }, { 0x26F5, 0x26F5 }, { 0x26FA, 0x26FA },
	{ 0x26FD, 0x26FD }, { 0x2705, 0x2705 }, { 0x270A, 0x270B },
	{ 0x2728, 0x2728 }, { 0x274C, 0x274C }, { 0x274E, 0x274E },
	{ 0x2753, 0x2755 }, { 0x2757, 0x2757 }, { 0x2795, 0x2797 },
	{ 0x27B0, 0x27B0 }, { 0x27BF, 0x27BF }, { 0x2B1B, 0x2B1C },
	{ 0x2B50, 0x2B50 }, { 0x2B55, 0x2B55 }, { 0x2E80, 0x303E },
	{ 0x3041, 0x33FF }, { 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF },
	{ 0xA000, 0xA4CF }, { 0xA960, 0xA97F }, { 0xAC00, 0xD7A3 },
	{ 0xF900, 0xFAFF }, { 0xFE10, 0xFE19 }, { 0xFE30, 0xFE6F },
	{ 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x1F004, 0x1F004 },
	{ 0x1F0CF, 0x1F0CF }, { 0x1F18E, 0x1F18E }, { 0x1F191, 0x1F19A },
	{ 0x1F200, 0x1F251 }, { 0x1F300, 0x1F320 }, { 0x1F32D, 0x1F335 },
	{ 0x1F337, 0x1F37C }, { 0x1F37E, 0x1F393 }, { 0x1F3A0, 0x1F3CA },
	{ 0x1F3CF, 0x1F3D3 }, { 0x1F3E0, 0x1F3F0 }, { 0x1F3F4, 0x1F3F4 },
	{ 0x1F3F8, 0x1F43E }, { 0x1F440, 0x1F440 }, { 0x1F442, 0x1F4FC },
	{ 0x1F4FF, 0x1F53D }, { 0x1F54B, 0x1F54E }, { 0x1F550, 0x1F567 },
	{ 0x1F57A, 0x1F57A }, { 0x1F595, 0x1F596 }, { 0x1F5A4, 0x1F5A4 },
	{ 0x1F5FB, 0x1F64F }, { 0x1F680, 0x1F6C5 }, { 0x1F6CC, 0x1F6CC },
	{ 0x1F6D0, 0x1F6D2 }, { 0x1F6EB, 0x1F6EC }, { 0x1F6F4, 0x1F6FC },
	{ 0x1F7E0, 0x1F7EB }, { 0x1F90C, 0x1F93A }, { 0x1F93C, 0x1F945 },
	{ 0x1F947, 0x1F9FF }, { 0x1FA70, 0x1FAFF }, { 0x20000, 0x2FFFD },
	{ 0x30000, 0x3FFFD },
};

/* The range of sorted table t that holds cp, or NULL. */
static const struct range *in_table(uint32_t cp, const struct range *t, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp < t[mid].lo)
			hi = mid;
		else if (cp > t[mid].hi)
			lo = mid + 1;
		else
			return &t[mid];
	}
	return NULL;
}

/* Sorted; unsafe_kinds[i] says what unsafe_ranges[i] does. */
static const struct range unsafe_ranges[] = {
	{ 0x00AD, 0x00AD },   /* soft hyphen */
	{ 0x034F, 0x034F },   /* combining grapheme joiner */
	{ 0x061C, 0x061C },   /* bidi: Arabic letter mark */
	{ 0x115F, 0x1160 },   /* Hangul fillers */
	{ 0x17B4, 0x17B5 },   /* Khmer inherent vowels */
	{ 0x180B, 0x180F },   /* Mongolian selectors, vowel separator */
	{ 0x200B, 0x200D },   /* zero-width space, non-joiner, joiner */
	{ 0x200E, 0x200F },   /* bidi: LRM, RLM */
	{ 0x2028, 0x2029 },   /* line and paragraph separators */
	{ 0x202A, 0x202E },   /* bidi: embeddings, PDF, overrides */
	{ 0x2060, 0x2065 },   /* word joiner, invisible operators */
	{ 0x2066, 0x2069 },   /* bidi: isolates */
	{ 0x206A, 0x206F },   /* deprecated format characters */
	{ 0x3164, 0x3164 },   /* Hangul filler */
	{ 0xFE00, 0xFE0F },   /* variation selectors */
	{ 0xFEFF, 0xFEFF },   /* BOM / zero-width no-break space */
	{ 0xFFA0, 0xFFA0 },   /* half-width Hangul filler */
	{ 0xFFF9, 0xFFFB },   /* interlinear annotation */
	{ 0x1D173, 0x1D17A }, /* musical formatting */
	{ 0xE0000, 0xE007F }, /* tags */
	{ 0xE0100, 0xE01EF }, /* variation selectors supplement */
};
static const enum text_unsafe unsafe_kinds[] = {
	TEXT_INVISIBLE, TEXT_INVISIBLE, TEXT_BIDI,
	TEXT_INVISIBLE, TEXT_INVISIBLE, TEXT_INVISIBLE,
	TEXT_INVISIBLE, TEXT_BIDI, TEXT_INVISIBLE,
	TEXT_BIDI, TEXT_INVISIBLE, TEXT_BIDI,
	TEXT_INVISIBLE, TEXT_INVISIBLE, TEXT_INVISIBLE,
	TEXT_INVISIBLE, TEXT_INVISIBLE, TEXT_INVISIBLE,
	TEXT_INVISIBLE, TEXT_INVISIBLE, TEXT_INVISIBLE,
};
_Static_assert(sizeof unsafe_kinds / sizeof unsafe_kinds[0] ==
               sizeof unsafe_ranges / sizeof unsafe_ranges[0], "one kind per range");

enum text_unsafe text_unsafe_kind(uint32_t cp)
{
	if (is_control(cp))
		return TEXT_CONTROL;
	if (cp < 0xAD || (cp > 0x3164 && cp < 0xFE00))   /* most text, CJK included */
		return TEXT_SAFE;
	const struct range *r = in_table(cp, unsafe_ranges, sizeof unsafe_ranges / sizeof unsafe_ranges[0]);
	return r ? unsafe_kinds[r - unsafe_ranges] : TEXT_SAFE;
}

static int cp_width(uint32_t cp)
{
	if (cp < 0x80)
		return 1;   /* controls are shown as a one-column replacement */
	if (in_table(cp, zero_width, sizeof zero_width / sizeof zero_width[0]))
		return 0;
	if (in_table(cp, wide, sizeof wide / sizeof wide[0]))
		return 2;
	return 1;
}

int text_wcwidth(wchar_t wc)
{
	if (wc < 0 || (uint32_t)wc > 0x10FFFF)
		return 1;
	return cp_width((uint32_t)wc);
}

int text_width(const char *s)
{
	size_t n, i = 0;
	int w = 0;

	if (!s)
		return 0;
	n = strlen(s);
	while (i < n) {
		uint32_t cp;
		bool ok;

		if ((unsigned char)s[i] < 0x80) {   /* ASCII: one column (controls too) */
			i++;
			w++;
			continue;
		}
		i += decode((const unsigned char *)s + i, n - i, &cp, &ok);
		w += cp_width(cp);
	}
	return w;
}

size_t text_clip(const char *s, int cols, int *used)
{
	size_t n, i = 0;
	int w = 0;

	if (!s || cols <= 0) {
		if (used)
			*used = 0;
		return 0;
	}
	n = strlen(s);
	while (i < n) {
		uint32_t cp;
		bool ok;
		size_t k = decode((const unsigned char *)s + i, n - i, &cp, &ok);
		int cw = cp_width(cp);

		/* A zero-width mark always fits, so it stays with its base. */
		if (w + cw > cols)
			break;
		w += cw;
		i += k;
	}
	if (used)
		*used = w;
	return i;
}

/* ---- wrapping ----------------------------------------------------------- */

struct wchar_info {
	size_t off;      /* byte offset of the character */
	uint32_t cp;
	int width;
};

/* Characters that should not begin a line (closing punctuation). */
static bool no_start(uint32_t cp)
{
	static const uint32_t list[] = {
		'!', ')', ',', '.', ':', ';', '?', ']', '}',
		0x3001, 0x3002, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011,
		0x3015, 0x3017, 0x3019, 0x301B, 0x301E, 0x30FB, 0x30FC,
		0xFF01, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F,
		0xFF3D, 0xFF5D, 0x2026, 0x2019, 0x201D,
	};
	size_t i;

	for (i = 0; i < sizeof list / sizeof list[0]; i++)
		if (list[i] == cp)
			return true;
	return false;
}

/* Characters that should not end a line (opening brackets). */
static bool no_end(uint32_t cp)
{
	static const uint32_t list[] = {
		'(', '[', '{', 0x3008, 0x300A, 0x300C, 0x300E, 0x3010,
		0x3014, 0x3016, 0x3018, 0x301A, 0x301D, 0xFF08, 0xFF3B,
		0xFF5B, 0x2018, 0x201C,
	};
	size_t i;

	for (i = 0; i < sizeof list / sizeof list[0]; i++)
		if (list[i] == cp)
			return true;
	return false;
}

static bool is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t';
}

/* May a line break go just before character i? */
static bool can_break(const struct wchar_info *c, size_t i)
{
	const struct wchar_info *a = &c[i - 1], *b = &c[i];

	if (is_space(b->cp) || b->width == 0)
		return false;
	if (is_space(a->cp))
		return true;
	if (a->width == 2 || b->width == 2)
		return !no_start(b->cp) && !no_end(a->cp);
	return false;
}

struct span_list {
	struct text_span *v;
	size_t n, cap;
};

static bool span_push(struct span_list *l, size_t start, size_t end)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct text_span *v = realloc(l->v, cap * sizeof *v);

		if (!v)
			return false;
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n].start = start;
	l->v[l->n].end = end;
	l->n++;
	return true;
}

/* End of the line [c[s], c[e]) in bytes, without trailing spaces. */
static size_t trim_end(const struct wchar_info *c, size_t s, size_t e)
{
	while (e > s && is_space(c[e - 1].cp))
		e--;
	return c[e].off;
}

/* Wrap one logical line (no '\n') of cn characters; c[cn].off is its end. */
static bool wrap_line(const struct wchar_info *c, size_t cn, int width,
                      struct span_list *out)
{
	size_t s = 0;

	if (cn == 0)
		return span_push(out, c[0].off, c[0].off);
	while (s < cn) {
		size_t i = s, last = 0, e;
		int w = 0;

		while (i < cn) {
			if (i > s && can_break(c, i))
				last = i;
			/* Spaces may overflow: they are trimmed at the break. */
			if (c[i].width > 0 && !is_space(c[i].cp) &&
			    w + c[i].width > width && i > s)
				break;
			w += c[i].width;
			i++;
		}
		if (i == cn)
			return span_push(out, c[s].off, trim_end(c, s, cn));
		if (can_break(c, i))
			e = i;
		else if (last > s)
			e = last;
		else
			e = i;   /* no break point: cut the word */
		if (!span_push(out, c[s].off, trim_end(c, s, e)))
			return false;
		s = e;
		while (s < cn && is_space(c[s].cp))
			s++;
	}
	return true;
}

/* Cut out's last parenthesised part ("(...)" or "（…）" at its very end),
 * with the spaces before it; false when it has none. */
static bool drop_last_paren(char *out)
{
	size_t len = strlen(out);
	const char *close = len && out[len - 1] == ')' ? ")" :
	                    len >= 3 && !strcmp(out + len - 3, "）") ? "）" : NULL;
	if (!close)
		return false;
	const char *open = close[0] == ')' ? "(" : "（";
	char *p = NULL;
	for (char *q = strstr(out, open); q; q = strstr(q + 1, open))
		p = q;
	if (!p || p == out)
		return false;
	while (p > out && p[-1] == ' ')
		p--;
	*p = 0;
	return true;
}

char *text_shorten(const char *s, int cols, char *out, size_t n)
{
	if (!n)
		return out;
	size_t len = s ? strlen(s) : 0;
	if (len >= n)     /* what fits, ending on a whole character */
		for (len = n - 1; len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80; len--)
			;
	memcpy(out, s ? s : "", len);
	out[len] = 0;
	if (cols < 1) {
		out[0] = 0;
		return out;
	}
	while (text_width(out) > cols && drop_last_paren(out))
		;
	if (text_width(out) <= cols)
		return out;
	/* The first line of it wrapped one column narrower, and "…". */
	size_t k = 0;
	struct text_span *sp = text_wrap_spans(out, strlen(out), cols - 1, &k);
	size_t end = sp && k ? sp[0].end : text_clip(out, cols - 1, NULL);
	free(sp);
	/* A cut after "word:" or "word," reads better without it. */
	while (end > 0 && strchr(" :;,", out[end - 1]))
		end--;
	while (end > 0 && end + sizeof "…" > n)   /* back to a whole character */
		for (end--; end > 0 && ((unsigned char)out[end] & 0xC0) == 0x80; end--)
			;
	if (end + sizeof "…" > n)
		return out;
	memcpy(out + end, "…", sizeof "…");
	return out;
}

struct text_span *text_wrap_spans(const char *s, size_t n, int width,
                                  size_t *count)
{
	struct wchar_info *c = NULL;
	struct span_list out = { NULL, 0, 0 };
	size_t i = 0, cn = 0;

	*count = 0;
	if (!s || n == 0)
		return NULL;
	if (width < 1)
		width = 1;
	c = malloc((n + 1) * sizeof *c);   /* never more characters than bytes */
	if (!c)
		goto fail;
	while (i < n) {
		uint32_t cp;
		bool ok;
		size_t k = decode((const unsigned char *)s + i, n - i, &cp, &ok);

		if (cp == '\n' && ok) {
			c[cn].off = i;
			if (!wrap_line(c, cn, width, &out))
				goto fail;
			cn = 0;
			i += k;
			continue;
		}
		c[cn].off = i;
		c[cn].cp = cp;
		c[cn].width = cp_width(cp);
		cn++;
		i += k;
	}
	if (cn > 0) {
		c[cn].off = n;
		if (!wrap_line(c, cn, width, &out))
			goto fail;
	}
	free(c);
	*count = out.n;
	if (out.n == 0) {
		free(out.v);
		return NULL;
	}
	return out.v;
fail:
	free(c);
	free(out.v);
	return NULL;
}

char **text_wrap(const char *s, int width, size_t *n)
{
	struct text_span *sp;
	char **lines = NULL;
	size_t count = 0, i, done = 0;

	*n = 0;
	if (!s)
		return NULL;
	sp = text_wrap_spans(s, strlen(s), width, &count);
	if (!sp)
		return NULL;
	lines = calloc(count, sizeof *lines);
	if (!lines)
		goto fail;
	for (i = 0; i < count; i++, done++) {
		size_t len = sp[i].end - sp[i].start;

		lines[i] = malloc(len + 1);
		if (!lines[i])
			goto fail;
		memcpy(lines[i], s + sp[i].start, len);
		lines[i][len] = '\0';
	}
	free(sp);
	*n = count;
	return lines;
fail:
	text_lines_free(lines, done);
	free(sp);
	return NULL;
}

void text_lines_free(char **lines, size_t n)
{
	size_t i;

	if (!lines)
		return;
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

static unsigned char ascii_lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

bool text_contains(const char *hay, const char *needle)
{
	size_t hn, nn, i, j;

	if (!hay || !needle)
		return false;
	hn = strlen(hay);
	nn = strlen(needle);
	if (nn == 0)
		return true;
	for (i = 0; i + nn <= hn; i++) {
		for (j = 0; j < nn; j++)
			if (ascii_lower((unsigned char)hay[i + j]) !=
			    ascii_lower((unsigned char)needle[j]))
				break;
		if (j == nn)
			return true;
	}
	return false;
}

char *text_pad(const char *s, int cols)
{
	size_t k;
	int used = 0;
	char *out;

	if (!s)
		s = "";
	if (cols < 0)
		cols = 0;
	k = text_clip(s, cols, &used);
	out = malloc(k + (size_t)(cols - used) + 1);
	if (!out)
		return NULL;
	memcpy(out, s, k);
	memset(out + k, ' ', (size_t)(cols - used));
	out[k + (size_t)(cols - used)] = '\0';
	return out;
}

/* What to show for wc on a terminal without UTF-8. */
wchar_t text_ascii(wchar_t wc)
{
	if (wc < 0x80)
		return wc;
	switch (wc) {
	case 0x2500: case 0x2501: case 0x2014: case 0x2013: return '-';
	case 0x2502: case 0x2503: return '|';
	case 0x250C: case 0x2510: case 0x2514: case 0x2518: case 0x251C:
	case 0x2524: case 0x252C: case 0x2534: case 0x253C: return '+';
	case 0x2022: case 0x25CF: case 0x25B8: case 0x25B6: return '*';
	case 0x2588: case 0x2589: case 0x258A: case 0x258B: case 0x258C:
	case 0x258D: case 0x258E: case 0x258F: case 0x2587: case 0x2586:
	case 0x2585: case 0x2584: case 0x2583: case 0x2582: case 0x2581: return '#';
	case 0x2591: case 0x00B7: return '.';
	case 0x2592: return ':';
	case 0x2026: return '~';
	case 0x2192: return '>';
	case 0x2190: return '<';
	case 0x2193: return 'v';      /* ↓ more below */
	case 0x2191: return '^';
	case 0x25CB: return 'o';      /* ○ not answered yet */
	case 0x23F1: return 'T';      /* ⏱ time left */
	case 0x2194: return '/';
	case 0x00D7: return 'x';
	case 0x203A: return '>';
	case 0x2713: return '+';      /* ✓ right: not v, which stands for ↓ */
	case 0x2717: return 'x';
	case 0x2018: case 0x2019: return '\'';
	case 0x201C: case 0x201D: return '"';
	case 0x00A7: return 'S';
	default: return '?';
	}
}

/* Wide punctuation after which a space never belongs (、，。：；！？）」…). */
static bool cjk_punct(wchar_t wc)
{
	return (wc >= 0x3000 && wc <= 0x303F) || (wc >= 0xFF01 && wc <= 0xFF0F) ||
	       (wc >= 0xFF1A && wc <= 0xFF20) || (wc >= 0xFF3B && wc <= 0xFF40) ||
	       (wc >= 0xFF5B && wc <= 0xFF65);
}

void text_join_cjk(char *s)
{
	size_t len = strlen(s), out = 0;
	wchar_t prev = 0;
	/* English text (most of it) has no wide characters: nothing to do. */
	bool ascii = true;
	for (size_t i = 0; i < len && ascii; i++)
		ascii = (unsigned char)s[i] < 0x80;
	if (ascii)
		return;
	for (size_t i = 0; i < len;) {
		wchar_t wc, next = 0;
		size_t k = text_decode(s + i, len - i, &wc);
		if (wc == ' ' && prev && i + 1 < len) {
			text_decode(s + i + 1, len - i - 1, &next);
			bool wide_both = text_wcwidth(prev) == 2 && text_wcwidth(next) == 2;
			if (wide_both || cjk_punct(prev) || cjk_punct(next)) {
				i += k;
				continue;  /* a line break folded into a space between CJK */
			}
		}
		if (out != i)
			memmove(s + out, s + i, k);
		out += k;
		i += k;
		prev = wc;
	}
	s[out] = 0;
}
