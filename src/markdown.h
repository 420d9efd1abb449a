/* markdown.h — chapter Markdown (md4c) → styled lines wrapped to a width.
 * Headings may end in "{#anchor}"; the anchor is recorded and not shown. */
#ifndef HTTPTUTOR_MARKDOWN_H
#define HTTPTUTOR_MARKDOWN_H

#include <stdbool.h>
#include <stddef.h>

/* Style bits of a segment; the reader maps them to curses attributes. */
enum md_style {
	MD_PLAIN   = 0,
	MD_EM      = 1 << 0,
	MD_STRONG  = 1 << 1,
	MD_CODE    = 1 << 2,   /* code span or code block */
	MD_H1      = 1 << 3,
	MD_H2      = 1 << 4,   /* level 2 and deeper */
	MD_LINK    = 1 << 5,
	MD_QUOTE   = 1 << 6,
	MD_RULE    = 1 << 7,   /* table borders, horizontal rules, list bullets */
};

struct md_seg {
	unsigned style;        /* enum md_style bits */
	char *text;            /* UTF-8, no control characters, owned */
};

struct md_line {
	struct md_seg *segs;
	size_t n_segs;
	char *anchor;          /* set on the first line of a heading with {#id}, owned */
	char *plain;           /* all segments concatenated, for search; owned */
};

struct md_doc {
	struct md_line *lines;
	size_t n_lines;
	char *title;           /* first level-1 heading text, or NULL; owned */
};

/* Render src (len bytes, UTF-8) for a screen width cols (>= 20).  Paragraphs and
 * list items wrap by display width; tables are drawn with box characters and
 * shrink to fit; code blocks are indented and not wrapped (clipped by the
 * caller).  Returns false with a message in err (errsz bytes) when md4c
 * fails.  Free with md_doc_free(). */
bool md_render(const char *src, size_t len, int cols, struct md_doc *out,
               char *err, size_t errsz);
/* The same, but each table row is one wrapped line of "Heading: cell; …"
 * with no box drawing: for screen readers and TERM=dumb. */
bool md_render_linear(const char *src, size_t len, int cols, struct md_doc *out,
                      char *err, size_t errsz);
void md_doc_free(struct md_doc *doc);

/* Index of the line carrying anchor, or -1. */
long md_find_anchor(const struct md_doc *doc, const char *anchor);

#endif
