/* report_class.h — the whole-class report's figures as report.c gathers
 * them from the answer logs (per student, per question, the confusions),
 * for the formats written outside report.c: the HTML page. */
#ifndef HTTPTUTOR_REPORT_CLASS_H
#define HTTPTUTOR_REPORT_CLASS_H

#include <stdint.h>
#include "classmix.h"
#include "report.h"

struct report_pool;
struct class_tally { char *given; int count; };
struct class_student { char *name; int answers, correct; int64_t ms; };
/* also: right answers that were a scenario's second acceptable code */
struct class_item {
	char *item, *expected;
	int answers, correct, also;
	struct class_tally *wrong;
	size_t n_wrong;
};

struct class_data {
	struct class_student *st;    /* by name */
	size_t n_st;
	struct class_item *q;        /* hardest first */
	size_t n_q;
	int answers, correct;        /* over every student */
	struct classmix mix;         /* wrong answers between two codes, per student */
	struct classmix_row *rows;   /* ... gathered by group or pair (owned) */
	size_t n_rows;
	struct report_pool *names;   /* the strings above, freed at once (report.c) */
	bool oom;
};

/* The most common wrong answer to q, or NULL when nobody got it wrong. */
const struct class_tally *report_class_top_wrong(const struct class_item *q);

/* report --html FILE without --exam (report_class_html.c): the page of the
 * class report read from ndb databases, written to path.  Returns an exit
 * status (said why when 1). */
int report_class_html(const struct report_ctx *r, const struct class_data *d, int ndb,
                      const char *path);

#endif
