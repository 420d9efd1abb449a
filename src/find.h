/* find.h — matching codes and scenarios against a search query in both
 * languages (number, reason phrase, names, summaries, texts, tags). */
#ifndef HTTPTUTOR_FIND_H
#define HTTPTUTOR_FIND_H

#include "model.h"

/* Every blank-separated word of query must occur (ASCII case-insensitive) in
 * some field; a number matches codes by prefix ("40" → 400–409). */
bool find_code(const struct code_entry *c, const char *query);
bool find_scenario(const struct scenario *s, const char *query);

#endif
