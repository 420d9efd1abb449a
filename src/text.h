/* text.h — UTF-8 helpers: validity, scrubbing, display width, clip and wrap.
 * Widths are terminal columns (wcwidth); strings are never cut inside a
 * character.  Invalid bytes count as one column and are shown as U+FFFD. */
#ifndef HTTPTUTOR_TEXT_H
#define HTTPTUTOR_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

/* Decode one character at s (n bytes available).  Returns bytes consumed
 * (>=1); *wc is U+FFFD for an invalid or truncated sequence. */
size_t text_decode(const char *s, size_t n, wchar_t *wc);

/* Write the UTF-8 encoding of cp to out (room for 4 bytes); returns its length. */
size_t text_encode(uint32_t cp, char *out);

/* True when s[0..n) is valid UTF-8; else *bad (may be NULL) gets the offset of
 * the first bad byte. */
bool text_valid_utf8(const char *s, size_t n, size_t *bad);

/* Offset of the first C0/C1 control character or DEL in s (TAB and LF
 * excluded when allow_nl_tab), or (size_t)-1 when there is none. */
size_t text_find_control(const char *s, size_t n, bool allow_nl_tab);

/* What a character does that makes it unfit to print from data: C0/C1
 * controls and DEL act on the terminal; bidi controls (U+061C, U+200E/F,
 * U+202A–E, U+2066–9) reorder what is shown; invisible characters
 * (zero-width spaces and joiners, variation selectors, tags, fillers, BOM,
 * soft hyphen, line/paragraph separators) make different text look the same. */
enum text_unsafe { TEXT_SAFE, TEXT_CONTROL, TEXT_BIDI, TEXT_INVISIBLE };
enum text_unsafe text_unsafe_kind(uint32_t cp);

/* Offset of the first character of s[0..n) that text_unsafe_kind refuses
 * (LF and TAB allowed when allow_nl_tab; invalid bytes are skipped), or
 * (size_t)-1.  *kind (may be NULL) gets why. */
size_t text_find_unsafe(const char *s, size_t n, bool allow_nl_tab, enum text_unsafe *kind);

/* A malloc'd copy that is valid UTF-8 with control characters removed (TAB
 * becomes a space; LF kept when keep_nl, else it becomes a space; CR dropped)
 * and invalid bytes replaced by U+FFFD.  Safe to print to a terminal.
 * Returns NULL only when out of memory.  Caller frees. */
char *text_scrub(const char *s, size_t n, bool keep_nl);

/* Like text_scrub, but for text from the database on its way out (see
 * out.h): every invalid byte and every character text_unsafe_kind refuses
 * becomes U+FFFD, one for one, so text that differs stays different; LF is
 * kept when keep_nl, else replaced too. */
char *text_clean(const char *s, size_t n, bool keep_nl);
/* True when text_clean(s, n, false) would return s as it is (valid UTF-8,
 * nothing unsafe, no newline): no copy needed. */
bool text_is_clean(const char *s, size_t n);

/* Display width of one character (0 for combining marks, 2 for CJK, 1 for
 * anything unprintable — it is shown as a replacement). */
int text_wcwidth(wchar_t wc);

/* Display width of a NUL-terminated string. */
int text_width(const char *s);

/* Bytes of s that fit in cols columns, never splitting a character and keeping
 * combining marks with their base.  *used (may be NULL) gets the columns. */
size_t text_clip(const char *s, int cols, int *used);

/* Word-wrap s to width columns (width < 1 counts as 1).  Breaks at spaces
 * for Latin text and next to wide (CJK) characters, but not before closing
 * punctuation such as '，。、）」' when avoidable; a word longer than width is
 * cut at a char boundary.  Existing '\n' end lines (a final '\n' adds no
 * empty line; "" gives no lines).  Lines carry no trailing spaces.  Returns a
 * malloc'd array of malloc'd lines (*n of them), NULL with *n = 0 when empty
 * or out of memory; free with text_lines_free(). */
char **text_wrap(const char *s, int width, size_t *n);
void text_lines_free(char **lines, size_t n);

/* One wrapped line as a byte range [start, end) of the wrapped string. */
struct text_span {
	size_t start;
	size_t end;
};

/* The line breaks text_wrap() would make for s[0..n), as byte ranges into s,
 * so a caller can carry per-byte data (styles) across wrapping.  Returns a
 * malloc'd array of *count spans (caller frees), or NULL with *count = 0 when
 * there are no lines or memory ran out. */
struct text_span *text_wrap_spans(const char *s, size_t n, int width,
                                  size_t *count);

/* s made to fit one line of cols columns, into out (n bytes): when it is too
 * wide, the details in parentheses at its end go first ("… (a.db; SQLite:
 * …)", "…（共 13 次作答）"), then it is cut at the last place a line may
 * break (a space, next to CJK), never inside a word, and ends in "…".
 * Returns out. */
char *text_shorten(const char *s, int cols, char *out, size_t n);

/* Case-insensitive (ASCII) substring search that also matches CJK text
 * as-is.  Returns true when needle occurs in hay. */
bool text_contains(const char *hay, const char *needle);

/* malloc'd copy of s padded with spaces (or clipped) to exactly cols columns. */
char *text_pad(const char *s, int cols);

/* In place: drop a space between two wide (CJK) characters or next to CJK
 * punctuation — what YAML folding leaves when a Chinese paragraph is broken
 * across lines.  Spaces between CJK and Latin text are kept. */
void text_join_cjk(char *s);

/* An ASCII look-alike for wc (box drawing → -|+, blocks → #, quotes …),
 * or '?' — for terminals without UTF-8. */
wchar_t text_ascii(wchar_t wc);

#endif
