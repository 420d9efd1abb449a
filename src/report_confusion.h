/* report_confusion.h — confusions in the line outputs: the learner's in
 * `stats` (a JSON array and the top ones in words), the class's in `report`
 * and `report --exam` (by contrast group or pair: how many students, how
 * many times, which way) as text, JSON and HTML. */
#ifndef HTTPTUTOR_REPORT_CONFUSION_H
#define HTTPTUTOR_REPORT_CONFUSION_H

#include <jansson.h>
#include "classmix.h"
#include "model.h"
#include "report.h"
#include "store.h"

struct watch_data;

/* [{"expected":401,"given":403,"count":5,"recent":1,"answers":12,
 *   "last":"2025-11-20T10:00:00Z","group":"who-or-allowed"}, …], most
 * frequent first; "recent" counts the last CONTRAST_RECENT_DAYS days,
 * "answers" every answer to questions whose right answer is `expected`,
 * "group" is null outside the contrast groups.  NULL with st->err set when
 * the database cannot be read (or memory ran out). */
json_t *report_confusion_json(const struct model *m, struct store *st, int64_t now);
/* Prints a heading and the top `top` confusions in words (nothing when there
 * are none); false with st->err set when the database cannot be read. */
bool report_confusion_text(const struct model *m, struct store *st, int64_t now, int top,
                           enum lang lang, bool utf8);

/* The class's confusions in an exam's counting answers, into d->mix; false
 * when memory ran out. */
bool report_confusion_exam(const struct model *m, struct watch_data *d);
/* Which way the class mixed them up, the most frequent first:
 * "401→403 ×6 · 403→401 ×1". */
void report_confusion_ways(const struct classmix_row *r, char *buf, size_t n);
/* The CSV cells confusion,group,students,times,ways of one row (no line end):
 * the last five columns of both class reports. */
void report_confusion_csv(FILE *f, const struct classmix_row *r);
/* A heading and the top confusions as a table (or a line saying there are
 * none). */
void report_confusion_class_text(const struct report_ctx *r, const struct classmix_row *v,
                                 size_t n);
/* [{"label":"401 ↔ 403","group":"who-or-allowed","title":…,"codes":[401,403],
 *   "students":2,"times":7,"ways":[{"expected":401,"given":403,"times":6},…]},
 *  …] in the order given; NULL when memory ran out. */
json_t *report_confusion_class_json(const struct report_ctx *r, const struct classmix_row *v,
                                    size_t n);
/* A section of an HTML report: heading, a bar chart of the top confusions
 * (the share of the class's `students` who made each) and a table of them
 * all. */
void report_confusion_class_html(FILE *f, const struct report_ctx *r,
                                 const struct classmix_row *v, size_t n, int students);

#endif
