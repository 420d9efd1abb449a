/* store_confusion.h — the learner's confusions between status codes: every
 * counted wrong answer (exam answers once the attempt may be shown) whose
 * right answer and given answer are both codes is a confusion (expected →
 * given).  Header questions are left out: their answers are header names.
 * Read from the counters the triggers of schema 6 keep, so the cost does
 * not grow with the log. */
#ifndef HTTPTUTOR_STORE_CONFUSION_H
#define HTTPTUTOR_STORE_CONFUSION_H

#include <stdint.h>
#include "store.h"

/* Wrong answers of one item with one (expected, given) pair. */
struct confusion_item {
	char item[64];          /* scenario id or "code:NNN" */
	int expected, given;    /* right code → code answered */
	int times;
	int64_t last;           /* unix seconds of the latest */
};
/* This learner's confusions per item, latest first.  *out is malloc'd. */
bool store_confusion_items(struct store *s, struct confusion_item **out, size_t *n);

/* One cell of the learner's answer matrix: answers to questions whose right
 * answer is `expected`, given as `given` (expected == given: right answers). */
struct code_cell {
	int expected, given;
	int count;
	int recent;             /* of them answered at or after `since` */
	int64_t last;
};
/* Every cell with at least one answer, by expected then given.  Only rows
 * (expected codes) with at least one wrong answer are included, so the
 * diagonal of a code never mixed up is left out.  *out is malloc'd. */
bool store_code_matrix(struct store *s, int64_t since, struct code_cell **out, size_t *n);

#endif
