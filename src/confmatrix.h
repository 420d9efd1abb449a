/* confmatrix.h — the learner's confusion matrix on the Progress screen: the
 * top three confusions in words, then counts with rows for the right code
 * and columns for the code given (the diagonal: right answers), for the
 * codes the learner has mixed up. */
#ifndef HTTPTUTOR_CONFMATRIX_H
#define HTTPTUTOR_CONFMATRIX_H

#include "app.h"

/* Read the learner's answer matrix into a->progress (the caller has a->st). */
void confmatrix_load(struct app *a);
void confmatrix_free(struct progress_view *v);
/* Draw the section with its first row at y (rows outside the body are
 * skipped) and return the rows it takes; with draw false only measure. */
int confmatrix_draw(const struct app *a, int y, bool draw);

#endif
