/* report.h — the line commands' output: a code's card, the codes table,
 * search, stats and export, as text, CSV or JSON. */
#ifndef HTTPTUTOR_REPORT_H
#define HTTPTUTOR_REPORT_H

#include <stdio.h>
#include "i18n.h"
#include "model.h"
#include "store.h"

struct examhide;

struct report_ctx {
	const struct model *m;
	enum lang lang;
	bool utf8;        /* false: print ASCII look-alikes only */
	bool json, csv, all;
	int klass;        /* 0 = every class */
	bool linear;      /* TERM=dumb: chapter tables as lines, no box drawing */
	const struct examhide *hide;  /* scenarios of an exam being sat: left out (NULL none) */
};

/* Each prints to stdout and returns an exit status (0, or 1 when not found). */
int report_code(const struct report_ctx *r, const char *code);
int report_codes(const struct report_ctx *r);
int report_search(const struct report_ctx *r, int nwords, char **words);
int report_stats(const struct report_ctx *r, struct store *st);
int report_export(const struct report_ctx *r, struct store *st);

/* The class report over the answer logs in dbs (ndb paths; none: db_default,
 * NULL meaning the default path): per student and per question, for one exam
 * (exam_id) or everything.  Table, CSV (r->csv), JSON (r->json), or with html
 * set a page written to that file. */
int report_class(const struct report_ctx *r, const char *exam_id, int ndb,
                 char **dbs, const char *db_default, const char *html);

/* A chapter as text (index into m->chapters), or with chapter < 0 the list of
 * chapters: what `read` prints when its output is not a terminal. */
int report_chapter(const struct report_ctx *r, int chapter);

/* The code named by s ("403"), or NULL. */
const struct code_entry *report_find_code(const struct model *m, const char *s);
/* Chapter index for an id ("common") or number ("1"), or -1. */
int report_find_chapter(const struct model *m, const char *s);

/* "httptutor: " and the UI message fmt, filled from the arguments, on stderr. */
void report_error(enum msg fmt, ...);
/* The same for plain mode: on a terminal, wrapped to report_width() like
 * plain mode's stdout (a long NOT SAVED is not broken mid-word); to a file
 * or pipe, one line a message, as scripts read them. */
void report_error_wrap(bool utf8, enum msg fmt, ...);
/* Columns for line output: COLUMNS when it is 40–200, else 80. */
int report_width(void);
/* Print s word-wrapped to width columns with indent spaces before each line,
 * each line made safe by out_puts (out.h, which also prints single lines). */
void report_wrap(FILE *f, const char *s, int width, int indent, bool utf8);
/* Print prefix, then s wrapped to the columns left beside it, continued
 * under s (a hanging indent); when fewer than min columns are left, s goes
 * on the lines under the prefix instead. */
void report_wrap_hang(FILE *f, const char *prefix, const char *s, int width, int min,
                      bool utf8);

#endif
