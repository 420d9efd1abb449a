/* report_confusion.h — the learner's confusions in `stats`: a JSON array
 * (expected, given, count, last …) and the top ones in words. */
#ifndef HTTPTUTOR_REPORT_CONFUSION_H
#define HTTPTUTOR_REPORT_CONFUSION_H

#include <jansson.h>
#include "model.h"
#include "store.h"

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

#endif
