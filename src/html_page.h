/* html_page.h — what every HTML report page shares: the file (made 0600,
 * put in place only when whole), the head (language, title, a style sheet
 * laid out for A4), headings, escaped text, and horizontal SVG bar charts.
 * No scripts, no network: everything the page needs is inside it. */
#ifndef HTTPTUTOR_HTML_PAGE_H
#define HTTPTUTOR_HTML_PAGE_H

#include <stdbool.h>
#include <stdio.h>
#include "i18n.h"

struct html_page {
	FILE *f;
	const char *path;      /* where the page goes (borrowed) */
	char tmp[4096];        /* written here first, renamed over path at the end */
};

/* Start writing a page for path: a new file beside it, 0600 from its
 * creation (it holds students' answers) and never a link followed.
 * false (said why on stderr, naming path) when it cannot be made. */
bool html_page_open(struct html_page *p, const char *path);
/* Finish: the page is renamed over path when every write went through;
 * otherwise the temporary file is removed and path left as it was.
 * Returns 0, or 1 when it said why it could not write. */
int html_page_close(struct html_page *p);

/* From <!DOCTYPE html> to the page's <h1>title</h1>, in language lang. */
void html_page_head(FILE *f, enum lang lang, const char *title);
/* </body></html>. */
void html_page_end(FILE *f);

/* s (database text, NULL as "") made safe and escaped (out_html). */
void html_esc(FILE *f, const char *s);
/* <h2> with the UI message m. */
void html_heading(FILE *f, enum msg m);

/* A chart of horizontal bars, one row each: a label at the left, a grey
 * track, a bar of the given share of it, and a value at the right. */
struct html_bars {
	int rows;              /* how many bars */
	int row;               /* height of one row in px */
	int left, right;       /* room for the labels and the values */
	const char *fill;      /* the bars' colour */
};
/* The <svg> element (id, role img, aria-label from the message aria). */
void html_bars_open(FILE *f, const struct html_bars *b, const char *id, enum msg aria);
/* Row i: a <g> with the attributes g_attrs (preformatted, not escaped:
 * class and data- numbers only), then label and value, escaped; frac is
 * clamped to 0..1. */
void html_bar(FILE *f, const struct html_bars *b, int i, const char *g_attrs,
              const char *label, double frac, const char *value);
void html_bars_close(FILE *f);

#endif
