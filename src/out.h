/* out.h — the one place that says how text is made safe to print.
 *
 * Anything that comes from the database (names, answers, item ids: what a
 * student typed, or what anyone with the sqlite3 shell wrote) goes through
 * these at the point of output, whatever the format: the text report and
 * plain mode (out_puts), CSV (out_csv_field), JSON (out_json_str), HTML
 * (out_html) and the full screen (ui_put shows out_safe_cp of each
 * character).  The rule is the same everywhere: the result is valid UTF-8,
 * and every invalid byte and every character text_unsafe_kind() refuses
 * (controls, bidi controls, invisible characters) becomes U+FFFD, one for
 * one, so nothing acts on a terminal and names that differ still look
 * different.  text_clean() (text.h) makes such a copy; everything here
 * calls it. */
#ifndef HTTPTUTOR_OUT_H
#define HTTPTUTOR_OUT_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* What to show for code point cp: cp itself, or U+FFFD when it is unsafe. */
uint32_t out_safe_cp(uint32_t cp);

/* Print s made safe, keeping line breaks; with utf8 false every non-ASCII
 * character is printed as its ASCII look-alike (text_ascii). */
void out_puts(FILE *f, const char *s, bool utf8);

/* s as out_puts prints it on one line (malloc'd; NULL when out of memory):
 * made safe, and with utf8 false each character as its ASCII look-alike, so
 * its display width is what the terminal shows (a CJK name in the C locale
 * prints one "?" a character, not two columns each). */
char *out_shown(const char *s, bool utf8);

/* Print s as one CSV cell: made safe (no line breaks), quoted as RFC 4180
 * says when it holds a comma, quote or space at an end, and neutralised
 * for spreadsheets: a cell that starts with = + - @ (or their full-width
 * forms), TAB or CR gets a leading ' so it is read as text, not a formula.
 * A plain number ("-12", "3.5") is left as it is. */
void out_csv_field(FILE *f, const char *s);
/* The text out_csv_field would write, unquoted (malloc'd; NULL when out of
 * memory): for tests and for callers that build a cell themselves. */
char *out_csv_text(const char *s);

/* A new jansson string holding s made safe, on one line: a line break is
 * U+FFFD like any control character, as in text and CSV, so "ann\nlee" and
 * "ann lee" stay apart.  NULL only when out of memory; a NULL s gives "". */
json_t *out_json_str(const char *s);
/* The same with line breaks kept (jansson escapes them): for the content's
 * own texts, which have paragraphs. */
json_t *out_json_text(const char *s);
/* Dump v to f as JSON (keys in insertion order, indent 2 when pretty, else
 * one line) and a newline; false when the write failed. */
bool out_json_dump(FILE *f, const json_t *v, bool pretty);

/* Print s made safe (on one line: HTML would show a line break as a space)
 * and escaped for HTML text or a quoted attribute. */
void out_html(FILE *f, const char *s);

/* s made safe and fitted to exactly cols columns (padded with spaces).  Text
 * that is too wide keeps its start and its end around "…" ("~" when utf8 is
 * false), so two long names that differ at the end still differ.  malloc'd;
 * NULL when out of memory. */
char *out_fit(const char *s, int cols, bool utf8);

#endif
