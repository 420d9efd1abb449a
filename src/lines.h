/* lines.h — a list of styled, pre-wrapped lines that a screen builds from
 * state and then draws or scrolls (card, quiz feedback, summary). */
#ifndef HTTPTUTOR_LINES_H
#define HTTPTUTOR_LINES_H

#include <stddef.h>
#include "ui.h"

struct line {
	char *text;           /* owned */
	enum ui_elem e;
	int indent;
	int link_code;        /* a code this line links to, or 0 */
	const char *link_ref; /* a chapter reference it links to, or NULL */
};

struct lines {
	struct line *l;
	size_t n, cap;
	int width;            /* columns available for text */
};

/* Append one line (clipped at draw time); returns it, or NULL when out of memory. */
struct line *lines_add(struct lines *ls, const char *text, enum ui_elem e, int indent);
/* Append text word-wrapped to ls->width - indent. */
void lines_wrap(struct lines *ls, const char *text, enum ui_elem e, int indent);
/* Append prefix + text wrapped with a hanging indent: continuation lines line
 * up under the text, not under the prefix ("• ", "1) a  "). */
void lines_wrap_hang(struct lines *ls, const char *prefix, const char *text,
                     enum ui_elem e, int indent);
void lines_free(struct lines *ls);
/* Draw lines [top, …) into rows y0 .. y0+rows-1 starting at column x0;
 * the line with index sel (or -1) is highlighted. */
void lines_draw(const struct lines *ls, int y0, int rows, int top, int x0, int cols, long sel);
/* Largest useful top for a view of `rows` rows. */
int lines_max_top(const struct lines *ls, int rows);

#endif
