/* find.h — matching codes and scenarios against a search query in both
 * languages (number, reason phrase, names, summaries, texts, tags), with the
 * glossary's terms standing for each other ("權杖" finds "token"). */
#ifndef HTTPTUTOR_FIND_H
#define HTTPTUTOR_FIND_H

#include "model.h"

/* Every blank-separated word of query must occur (ASCII case-insensitive) in
 * some field, itself or as its glossary counterpart in the other language;
 * a number matches codes by prefix ("40" → 400–409).  m gives the glossary. */
bool find_code(const struct model *m, const struct code_entry *c, const char *query);
bool find_scenario(const struct model *m, const struct scenario *s, const char *query);

#endif
