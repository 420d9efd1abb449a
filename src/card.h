/* card.h — a status code's card as styled lines: the one layout behind the
 * full-screen card, `httptutor code` and `browse` when piped. */
#ifndef HTTPTUTOR_CARD_H
#define HTTPTUTOR_CARD_H

#include "lines.h"
#include "model.h"

struct examhide;

/* The card of code in lang, wrapped to width columns (UI strings come from
 * the current i18n language).  Links to related codes and to the chapter
 * section are lines of their own.  Its scenarios leave out those hide says
 * (an exam the learner is sitting; NULL: none).  Empty when the code is
 * unknown.  Free with lines_free(). */
struct lines card_lines(const struct model *m, int code, enum lang lang, int width,
                        const struct examhide *hide);

#endif
