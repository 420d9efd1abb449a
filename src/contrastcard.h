/* contrastcard.h — a contrast group's card as styled lines: the deciding
 * question, when each code is right (side by side when there is room), a
 * worked example, the chapter section, and the learner's own mistakes in
 * the group.  The one layout behind the full screen and plain mode. */
#ifndef HTTPTUTOR_CONTRASTCARD_H
#define HTTPTUTOR_CONTRASTCARD_H

#include "lines.h"
#include "model.h"
#include "store_confusion.h"

/* The card of g in lang, wrapped to width columns; lines are final (rules
 * side by side must not be wrapped again).  With mine, a section lists the
 * learner's confusions ci[0..n) that fall in g (others are skipped); now is
 * for "2 days ago".  Free with lines_free(). */
struct lines contrast_card_lines(const struct model *m, const struct contrast *g, bool mine,
                                 const struct confusion_item *ci, size_t n, int64_t now,
                                 enum lang lang, int width);
/* One confusion in words: "401 Unauthorized → you answered 403 Forbidden: 5
 * time(s) of 12, last 2 days ago; last 7 days: 1 of 6" into buf. */
struct confusion;
void contrast_confusion_text(const struct model *m, const struct confusion *c, int64_t now,
                             enum lang lang, char *buf, size_t n);
/* "today", "yesterday", "3 days ago" (by local calendar days) into buf. */
void contrast_ago(int64_t t, int64_t now, char *buf, size_t n);

#endif
