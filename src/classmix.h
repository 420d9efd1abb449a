/* classmix.h — a class's confusions for the teacher's report: wrong answers
 * between two codes gathered by contrast group (both directions together),
 * or by pair (right code → code given) outside the groups, with how many
 * students made them and how many times.  Students with the same name in
 * several databases count once. */
#ifndef HTTPTUTOR_CLASSMIX_H
#define HTTPTUTOR_CLASSMIX_H

#include <stdbool.h>
#include <stddef.h>
#include "model.h"

/* One row of the report. */
struct classmix_row {
	const struct contrast *g;   /* the group, or NULL for a pair outside them */
	int expected, given;        /* the pair (g == NULL), else 0 */
	int students;               /* distinct students with at least one such answer */
	int times;                  /* wrong answers */
	int dir[CONTRAST_MAX_CODES][CONTRAST_MAX_CODES];  /* g: times codes[i] → codes[j] */
};

/* Collects (student, expected, given, times); opaque. */
struct classmix {
	struct classmix_entry *v;
	size_t n, cap;
	bool oom;
};

/* Adds wrong answers of one student; pairs that are not two codes
 * (100–599, different) are ignored.  The user string is copied. */
void classmix_add(struct classmix *c, const char *user, int expected, int given, int times);
/* The rows, most students first, then most answers, then by codes; *out is
 * malloc'd (NULL when there are none).  False when memory ran out (also
 * during classmix_add).  Frees what c collected. */
bool classmix_finish(struct classmix *c, const struct model *m, struct classmix_row **out,
                     size_t *n);
/* "401 ↔ 403" for a group, "401 → 404" for a pair. */
void classmix_label(const struct classmix_row *r, char *buf, size_t n);

#endif
