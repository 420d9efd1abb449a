/* find.c — search over the model, shared by the codes screen and `search`.
 * A query word also matches the other language's term for the same concept
 * in the glossary, so "權杖" finds cards that say "token" and the reverse. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "find.h"
#include "text.h"

static bool ltext_has(const struct ltext *t, const char *word)
{
	for (int l = 0; l < LANG_COUNT; l++)
		if (t->s[l] && text_contains(t->s[l], word))
			return true;
	return false;
}

static bool all_digits(const char *w)
{
	for (; *w; w++)
		if (!isdigit((unsigned char)*w))
			return false;
	return true;
}

static bool code_has(const struct code_entry *c, const char *word)
{
	if (all_digits(word)) {
		char num[8];
		snprintf(num, sizeof num, "%d", c->code);
		return strncmp(num, word, strlen(word)) == 0;
	}
	if (text_contains(c->phrase, word) || ltext_has(&c->name, word) ||
	    ltext_has(&c->summary, word) || ltext_has(&c->detail, word) ||
	    ltext_has(&c->use, word))
		return true;
	for (size_t i = 0; i < c->n_headers; i++)
		if (text_contains(c->headers[i], word))
			return true;
	return false;
}

static bool scenario_has(const struct scenario *s, const char *word)
{
	if (all_digits(word)) {
		char num[8];
		snprintf(num, sizeof num, "%d", s->answer);
		return strcmp(num, word) == 0;
	}
	if (text_contains(s->id, word) || ltext_has(&s->situation, word) ||
	    ltext_has(&s->why, word))
		return true;
	for (size_t i = 0; i < s->n_tags; i++)
		if (text_contains(s->tags[i], word))
			return true;
	return s->header && text_contains(s->header, word);
}

/* The glossary's other-language term for word, or NULL: "token" → "權杖",
 * "權杖" → "token" (the English side compared without case). */
static const char *counterpart(const struct model *m, const char *word)
{
	for (size_t i = 0; m && i < m->n_terms; i++) {
		const struct term *t = &m->terms[i];
		if (strlen(t->en) == strlen(word) && text_contains(t->en, word))
			return t->zh;
		if (strcmp(t->zh, word) == 0)
			return t->en;
	}
	return NULL;
}

/* Call has() for each word of query (or its counterpart); true when all match. */
static bool each_word(const struct model *m, const char *query,
                      bool (*has)(const void *, const char *), const void *obj)
{
	char word[128];
	bool any = false;
	for (const char *p = query; *p;) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " ");
		if (n == 0)
			break;
		snprintf(word, sizeof word, "%.*s", (int)n, p);
		const char *other = counterpart(m, word);
		if (!has(obj, word) && !(other && has(obj, other)))
			return false;
		any = true;
		p += n;
	}
	return any;
}

static bool code_word(const void *o, const char *w) { return code_has(o, w); }
static bool scen_word(const void *o, const char *w) { return scenario_has(o, w); }

bool find_code(const struct model *m, const struct code_entry *c, const char *query)
{
	return each_word(m, query, code_word, c);
}

bool find_scenario(const struct model *m, const struct scenario *s, const char *query)
{
	return each_word(m, query, scen_word, s);
}
