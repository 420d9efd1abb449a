/* contrast.h — contrast groups at work: which group a confusion belongs to,
 * a learner's mistakes gathered by group, and the codes of their confusion
 * matrix.  Pure functions over the model and the store's confusion rows. */
#ifndef HTTPTUTOR_CONTRAST_H
#define HTTPTUTOR_CONTRAST_H

#include "model.h"
#include "store_confusion.h"

/* The group holding both codes (a != b), or NULL.  At most one exists: the
 * loader refuses two groups that share a pair. */
const struct contrast *contrast_for_pair(const struct model *m, int a, int b);
/* A group named by its id ("who-or-allowed") or by codes ("401,403",
 * "401/403", "401 403"): the one group holding every code listed (two or
 * more).  NULL when none does. */
const struct contrast *contrast_find(const struct model *m, const char *spec);
/* A status code written as exactly three digits (100–599), else 0: how the
 * answer log writes a code answer (a header answer is a name). */
int contrast_code(const char *s);
/* Position of code in g->codes, or -1. */
int contrast_index(const struct contrast *g, int code);
/* "401 ↔ 403" into buf. */
void contrast_label(const struct contrast *g, char *buf, size_t n);

/* A learner's mistakes in one group. */
struct contrast_row {
	const struct contrast *g;
	int mistakes;           /* wrong answers (expected → given) within the group */
	int items;              /* distinct questions they came from */
	int64_t last;           /* unix seconds of the latest */
};
/* Puts a learner's confusions in the order the next two need: by item. */
void contrast_sort_items(struct confusion_item *ci, size_t n);
/* The groups the learner has mistakes in, most mistakes first, then the most
 * recent; ci sorted by contrast_sort_items.  *out is malloc'd (NULL when there
 * are none); false only when memory runs out. */
bool contrast_rows(const struct model *m, const struct confusion_item *ci, size_t n,
                   struct contrast_row **out, size_t *nout);
/* How many of item's wrong answers fall in some group (0 when none do); ci
 * sorted by contrast_sort_items (a binary search: Review asks for every
 * item of a long history). */
int contrast_item_grouped(const struct model *m, const struct confusion_item *ci, size_t n,
                          const char *item);

/* What "recent" means for confusions: the last week. */
#define CONTRAST_RECENT_DAYS 7

/* One confusion (expected → given) summed over items, from matrix cells. */
struct confusion {
	int expected, given;
	int count, recent;      /* wrong answers; of them since the matrix's `since` */
	int64_t last;
	int row_total, row_recent;  /* every answer to `expected` questions (and since) */
};
/* The off-diagonal cells as confusions, most frequent first, then the most
 * recent, then by codes.  *out is malloc'd; false when memory runs out. */
bool contrast_confusions(const struct code_cell *cells, size_t n, struct confusion **out,
                         size_t *nout);
/* The codes a matrix should show, at most max: both codes of each confusion,
 * taking the most frequent confusions first and never half a pair; written
 * to codes[] in ascending order.  Returns how many. */
size_t contrast_matrix_codes(const struct confusion *c, size_t n, int *codes, size_t max);

#endif
