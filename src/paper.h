/* paper.h — an exam paper between the quiz engine and the store: the
 * questions a teacher's exam fixes at creation (with the texts a learner
 * reads, so a later content edit changes nothing), and those questions
 * rebuilt for one learner's attempt in that learner's shuffled order. */
#ifndef HTTPTUTOR_PAPER_H
#define HTTPTUTOR_PAPER_H

#include "model.h"
#include "quiz.h"
#include "store_exam.h"

/* The store's items for a built quiz: choices, right answer and a JSON body
 * with the situation and explanations in every language.  *out is malloc'd
 * (free each with paper_items_free).  false when out of memory. */
bool paper_items(const struct quiz *qz, struct exam_item **out, size_t *n);
void paper_items_free(struct exam_item *q, size_t n);

/* One attempt's questions, in the order the learner sees them. */
struct paper_view {
	struct quiz qz;          /* qz.q[i] is paper position order[i] */
	int *order;              /* shown index → paper position */
	struct scenario *sc;     /* the texts the questions point to (owned) */
	char **strings;          /* every string they own */
	size_t n_strings;
};

/* Rebuild the paper's questions: with shuffle, the order of questions and of
 * each question's choices comes from seed (the same seed, the same order).
 * Codes are looked up in m for their names.  false with err set when the
 * paper cannot be read or names a code the content does not have. */
bool paper_view(const struct model *m, const struct exam_paper *p, bool shuffle,
                uint64_t seed, struct paper_view *out, char *err, size_t errsz);
void paper_view_free(struct paper_view *v);
/* Shown index of paper position pos, or -1. */
int paper_shown_index(const struct paper_view *v, int pos);
/* The choice a logged answer names (index for a header question, else the
 * code as quiz_parse gives it); false when the text fits no choice. */
bool paper_given(const struct question *q, const char *text, int *given);

/* The filters of o as a teacher would type them ("--class 4xx --type pick"),
 * "" when there are none: stored with the exam and shown by `exams`. */
void paper_filters(const struct quiz_opts *o, char *buf, size_t n);
/* Back from that text into o (klass, chapter, types, unofficial; the rest
 * untouched); o->chapter points into buf, which must outlive o.  false when
 * the text is not one paper_filters writes. */
bool paper_filters_parse(const char *text, struct quiz_opts *o, char *buf, size_t n);
/* The command that gives the questions of o again (sub: "exam" for a
 * practice paper, "quiz"), with its seed, count, minutes (0: none) and
 * filters, into buf: "httptutor exam --seed 6 --count 2 --type pick". */
void paper_cmd(const char *sub, const struct quiz_opts *o, int minutes, char *buf, size_t n);

#endif
