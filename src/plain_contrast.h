/* plain_contrast.h — contrast groups in line mode: the card printed as text,
 * and the offer of it after a wrong answer that falls in a group. */
#ifndef HTTPTUTOR_PLAIN_CONTRAST_H
#define HTTPTUTOR_PLAIN_CONTRAST_H

#include "model.h"
#include "store.h"

/* Print g's card (with the learner's mistakes in it when st is not NULL). */
void plain_contrast_card(const struct model *m, const struct contrast *g, struct store *st,
                         enum lang lang, bool utf8);
/* After a wrong answer (expected → given): when the pair is in a group, name
 * it and offer its card — on a terminal by asking for c (false when input
 * ended), in a script by the command that drills it (not while drilling it). */
bool plain_contrast_offer(const struct model *m, int expected, int given,
                          const struct contrast *drilling, struct store *st, enum lang lang,
                          bool utf8);

#endif
