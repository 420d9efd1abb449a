/* packcheck.c — checks across the whole pack once every file is in:
 * duplicate codes, scenario ids and situations, and unresolved references. */
#include "packcheck.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct keyed {           /* for duplicate detection by sorting */
	const char *s;
	int n;
	size_t idx;
};

static int cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = x->s && y->s ? strcmp(x->s, y->s) : (x->n > y->n) - (x->n < y->n);
	return c ? c : (x->idx > y->idx) - (x->idx < y->idx);
}

void packcheck_duplicates(struct loader *L)
{
	struct model *m = L->m;
	size_t n = m->n_codes > m->n_scenarios ? m->n_codes : m->n_scenarios;
	struct keyed *k = n ? calloc(n, sizeof *k) : NULL;
	if (n && !k) {
		loader_oom(L);
		return;
	}
	for (size_t i = 0; i < m->n_codes; i++)
		k[i] = (struct keyed){ NULL, m->codes[i].code, i };
	if (m->n_codes > 1)
		qsort(k, m->n_codes, sizeof *k, cmp_keyed);
	for (size_t i = 1; i < m->n_codes; i++)
		if (k[i].n == k[i - 1].n) {
			struct cpos a = L->code_pos[k[i - 1].idx], b = L->code_pos[k[i].idx];
			loader_err(L, b.path, b.line, "duplicate code %d (first at %s:%d)", k[i].n, a.path, a.line);
			k[i].idx = k[i - 1].idx;   /* later copies all point at the first */
		}

	size_t c = 0;
	for (size_t i = 0; i < m->n_scenarios; i++)
		if (m->scenarios[i].id)
			k[c++] = (struct keyed){ m->scenarios[i].id, 0, i };
	if (c > 1)
		qsort(k, c, sizeof *k, cmp_keyed);
	for (size_t i = 1; i < c; i++)
		if (strcmp(k[i].s, k[i - 1].s) == 0) {
			struct cpos a = L->scen_pos[k[i - 1].idx], b = L->scen_pos[k[i].idx];
			loader_err(L, b.path, b.line, "duplicate scenario id '%s' (first at %s:%d)", k[i].s, a.path, a.line);
			k[i].idx = k[i - 1].idx;
		}

	for (int l = 0; l < LANG_COUNT; l++) {
		c = 0;
		for (size_t i = 0; i < m->n_scenarios; i++)
			if (m->scenarios[i].situation.s[l])
				k[c++] = (struct keyed){ m->scenarios[i].situation.s[l], 0, i };
		if (c > 1)
			qsort(k, c, sizeof *k, cmp_keyed);
		for (size_t i = 1; i < c; i++)
			if (strcmp(k[i].s, k[i - 1].s) == 0) {
				struct cpos a = L->sit_pos[l][k[i - 1].idx], b = L->sit_pos[l][k[i].idx];
				const struct scenario *s = &m->scenarios[k[i].idx];
				loader_err(L, b.path, b.line, "scenario %s: %s.situation is the same as scenario %s (%s:%d)",
				       s->id ? s->id : "?", loader_lang_key[l],
				       m->scenarios[k[i - 1].idx].id ? m->scenarios[k[i - 1].idx].id : "?",
				       a.path, a.line);
				k[i].idx = k[i - 1].idx;
			}
	}
	free(k);
}


void packcheck_refs(struct loader *L)
{
	struct model *m = L->m;
	for (size_t i = 0; i < L->n_refs; i++) {
		struct ref *r = &L->refs[i];
		if (r->kind == REF_CODE) {
			if (!model_code(m, r->code))
				loader_err(L, r->at.path, r->at.line, "%s: %s %d is not in the code table",
				       r->label, r->role, r->code);
			continue;
		}
		const char *hash = strchr(r->target, '#');
		size_t idlen = hash ? (size_t)(hash - r->target) : strlen(r->target);
		const struct chapter *ch = NULL;
		for (size_t j = 0; j < m->n_chapters && !ch; j++)
			if (strlen(m->chapters[j].id) == idlen && strncmp(m->chapters[j].id, r->target, idlen) == 0)
				ch = &m->chapters[j];
		if (!ch)
			loader_err(L, r->at.path, r->at.line, "%s: anchor '%s': there is no chapter '%.*s'",
			       r->label, r->target, (int)idlen, r->target);
		else if (model_resolve(m, r->target, NULL) < 0)
			loader_err(L, r->at.path, r->at.line, "%s: anchor '%s': chapter '%s' has no heading {#%s}",
			       r->label, r->target, ch->id, hash + 1);
	}
}


/* Whether a quiz may offer code as a wrong choice (quiz.c says the same). */
static bool showable(const struct code_entry *ce)
{
	return ce && ce->status != CODE_UNUSED && ce->status != CODE_UNOFFICIAL;
}

void packcheck_distractors(struct loader *L)
{
	const struct model *m = L->m;
	for (size_t i = 0; i < m->n_scenarios; i++) {
		const struct scenario *s = &m->scenarios[i];
		size_t shown = 0;
		char hidden[96] = "";
		if (s->n_whynot < SCENARIO_MIN_WHYNOT)
			continue;   /* already reported where the map is */
		for (size_t k = 0; k < s->n_whynot; k++) {
			const struct code_entry *ce = model_code(m, s->whynot[k].code);
			if (showable(ce))
				shown++;
			else if (ce)
				snprintf(hidden + strlen(hidden), sizeof hidden - strlen(hidden), "%s%d is %s",
				         hidden[0] ? ", " : "", ce->code, model_status_name(ce->status));
		}
		if (shown < SCENARIO_MIN_WHYNOT && hidden[0])
			loader_err(L, L->scen_pos[i].path, L->scen_pos[i].line,
			           "scenario %s: only %zu whynot codes can be shown as wrong choices (%s); "
			           "a quiz needs %d, so explain another registered code",
			           s->id ? s->id : "?", shown, hidden, SCENARIO_MIN_WHYNOT);
	}
}
