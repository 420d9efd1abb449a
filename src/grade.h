/* grade.h — the class server's verdict on a practice answer, from its own
 * copy of the content: a client says which question it showed and what the
 * learner gave, never whether that was right. */
#ifndef HTTPTUTOR_GRADE_H
#define HTTPTUTOR_GRADE_H

#include <stdbool.h>
#include <stddef.h>
#include "model.h"

struct grade {
	char expected[48];      /* the right answer as the log writes it */
	int code;               /* the status code the question is about */
	bool correct;
	bool also;              /* right as one of the scenario's second acceptable codes */
};

/* Grade `given` to question item ("code:NNN" for a meaning question, else a
 * scenario id) of type qtype ("pick", "type", "meaning", "header").  false
 * with why (a sentence) when there is no such question in the content or
 * the answer cannot be one to it: a code 100–599 for pick, type and
 * meaning, a header name (1–47 bytes) for header. */
bool grade_answer(const struct model *m, const char *item, const char *qtype,
                  const char *given, struct grade *g, char *why, size_t n);

#endif
