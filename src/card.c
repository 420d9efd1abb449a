/* card.c — what a status code's card says, in what order. */
#include <stdio.h>
#include <string.h>

#include "card.h"
#include "examhide.h"
#include "i18n.h"

static const char *status_name(enum code_status s)
{
	switch (s) {
	case CODE_TEMPORARY: return tr(MSG_STATUS_TEMPORARY);
	case CODE_UNUSED: return tr(MSG_STATUS_UNUSED);
	case CODE_OBSOLETED: return tr(MSG_STATUS_OBSOLETED);
	case CODE_UNOFFICIAL: return tr(MSG_STATUS_UNOFFICIAL);
	default: return tr(MSG_STATUS_REGISTERED);
	}
}

struct lines card_lines(const struct model *m, int code, enum lang L, int width,
                        const struct examhide *hide)
{
	struct lines c = { NULL, 0, 0, width };
	const struct code_entry *e = model_code(m, code);
	char buf[512];
	if (!e)
		return c;
	const struct class_entry *k = &m->classes[e->code / 100 - 1];
	const char *name = ltext_get(&e->name, L);
	if (strstr(name, e->phrase) == name)   /* the name already starts with the phrase */
		snprintf(buf, sizeof buf, "%d %s", e->code, name);
	else
		snprintf(buf, sizeof buf, "%d %s · %s", e->code, e->phrase, name);
	lines_add(&c, buf, E_H1, 0);
	snprintf(buf, sizeof buf, "%dxx %s · %s · %s%s%s", e->code / 100,
	         ltext_get(&k->name, L), e->rfc, status_name(e->status),
	         e->core ? " · " : "", e->core ? tr(MSG_CARD_CORE) : "");
	if (e->cacheable)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), " · %s", tr(MSG_CARD_CACHEABLE));
	lines_wrap(&c, buf, E_DIM, 0);
	lines_add(&c, "", E_NORMAL, 0);
	lines_add(&c, tr(MSG_CARD_MEANING), E_HEAD, 0);
	lines_wrap(&c, ltext_get(&e->summary, L), E_STRONG, 2);
	lines_wrap(&c, ltext_get(&e->detail, L), E_NORMAL, 2);
	lines_add(&c, "", E_NORMAL, 0);
	lines_add(&c, tr(MSG_CARD_USE), E_HEAD, 0);
	lines_wrap(&c, ltext_get(&e->use, L), E_NORMAL, 2);
	if (*ltext_get(&e->avoid, L)) {
		lines_add(&c, "", E_NORMAL, 0);
		lines_add(&c, tr(MSG_CARD_AVOID), E_HEAD, 0);
		lines_wrap(&c, ltext_get(&e->avoid, L), E_NORMAL, 2);
	}
	lines_add(&c, "", E_NORMAL, 0);
	size_t len = (size_t)snprintf(buf, sizeof buf, "%s%s", tr(MSG_CARD_HEADERS), tr(MSG_LABEL_SEP));
	for (size_t i = 0; i < e->n_headers && len < sizeof buf; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", i ? ", " : "", e->headers[i]);
	if (!e->n_headers)
		snprintf(buf + len, sizeof buf - len, "%s", tr(MSG_NONE));
	lines_wrap(&c, buf, E_NORMAL, 0);
	if (e->anchor) {
		const char *anchor;
		int ch = model_resolve(m, e->anchor, &anchor);
		if (ch >= 0) {
			lines_add(&c, "", E_NORMAL, 0);
			lines_add(&c, tr(MSG_CARD_CHAPTER), E_HEAD, 0);
			snprintf(buf, sizeof buf, "→ %s (%s)",
			         ltext_get(&m->chapters[ch].title, L), e->anchor);
			lines_add(&c, buf, E_LINK, 2);
			c.l[c.n - 1].link_ref = e->anchor;
		}
	}
	if (e->n_confused) {
		lines_add(&c, "", E_NORMAL, 0);
		lines_add(&c, tr(MSG_CARD_CONFUSED), E_HEAD, 0);
		for (size_t i = 0; i < e->n_confused; i++) {
			const struct code_entry *o = model_code(m, e->confused[i]);
			if (!o)
				continue;
			snprintf(buf, sizeof buf, "→ %d %s — %s", o->code, o->phrase,
			         ltext_get(&o->summary, L));
			lines_add(&c, buf, E_LINK, 2);
			c.l[c.n - 1].link_code = o->code;
		}
	}
	size_t shown = 0;
	for (size_t i = 0; i < m->n_scenarios; i++) {
		const struct scenario *s = &m->scenarios[i];
		if (s->answer != e->code || examhide_has(hide, s->id))
			continue;
		if (!shown++) {
			lines_add(&c, "", E_NORMAL, 0);
			lines_add(&c, tr(MSG_CARD_SCENARIOS), E_HEAD, 0);
		}
		lines_wrap_hang(&c, "• ", ltext_get(&s->situation, L), E_NORMAL, 2);
	}
	return c;
}

