/* chapload.h — chapter Markdown files of both languages into the model. */
#ifndef HTTPTUTOR_CHAPLOAD_H
#define HTTPTUTOR_CHAPLOAD_H

#include "loader.h"

/* Reads en/chapters and zh-TW/chapters, checks names, titles and anchors, and
 * pairs the languages into L->m->chapters (unsorted). */
void chapload_all(struct loader *L);

#endif
