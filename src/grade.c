/* grade.c — a practice answer judged from the content (see grade.h). */
#include "grade.h"
#include "quiz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A status code written as three digits 100–599. */
static bool code_text(const char *s, int *code)
{
	*code = model_code_text(s);
	return *code != 0;
}

bool grade_answer(const struct model *m, const char *item, const char *qtype,
                  const char *given, struct grade *g, char *why, size_t n)
{
	enum qtype t;
	int code = 0;

	memset(g, 0, sizeof *g);
	if (!item || !qtype || !given || !quiz_type_parse(qtype, &t)) {
		snprintf(why, n, "an answer needs an item, a question type (pick, type, meaning "
		         "or header) and what was given");
		return false;
	}
	if (!strncmp(item, "code:", 5)) {
		const struct code_entry *c;
		int asked;
		if (t != Q_MEANING || !code_text(item + 5, &asked) || !(c = model_code(m, asked))) {
			snprintf(why, n, "there is no %s question about '%.40s' in the content", qtype, item);
			return false;
		}
		if (!code_text(given, &code)) {
			snprintf(why, n, "the answer to a meaning question is a status code, not '%.40s'",
			         given);
			return false;
		}
		g->code = asked;
		snprintf(g->expected, sizeof g->expected, "%d", asked);
		g->correct = code == asked;
		return true;
	}
	const struct scenario *sc = model_scenario(m, item);
	if (!sc || t == Q_MEANING || (t == Q_HEADER && !sc->header)) {
		snprintf(why, n, "there is no %s question '%.64s' in the content", qtype, item);
		return false;
	}
	g->code = sc->answer;
	if (t == Q_HEADER) {
		size_t len = strlen(given);
		if (len == 0 || len >= sizeof g->expected) {
			snprintf(why, n, "the answer to a header question is a header name");
			return false;
		}
		snprintf(g->expected, sizeof g->expected, "%s", sc->header);
		g->correct = !strcmp(given, sc->header);
		return true;
	}
	if (!code_text(given, &code)) {
		snprintf(why, n, "the answer is a status code 100 to 599, not '%.40s'", given);
		return false;
	}
	snprintf(g->expected, sizeof g->expected, "%d", sc->answer);
	for (size_t i = 0; code != sc->answer && i < sc->n_also; i++)
		if (sc->also[i].code == code)
			g->also = true;
	g->correct = code == sc->answer || g->also;
	return true;
}
