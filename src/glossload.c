/* glossload.c — glossary.yaml: each concept's English term, its one zh-TW
 * term and the zh-TW variants to avoid.  Checks the glossary against itself:
 * a term given twice, or a variant that is some concept's chosen term. */
#include "glossload.h"
#include "text.h"
#include "yamlread.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { KT_CONCEPT, KT_EN, KT_ZH, KT_AVOID, KT_N };
static const char *const term_keys[KT_N] = { "concept", "en", "zh-TW", "avoid" };

static bool same_en(const char *a, const char *b)
{
	return strlen(a) == strlen(b) && text_contains(a, b);   /* ASCII case-insensitive */
}

/* Reports what would make the glossary contradict itself: t against every
 * entry before it (k of them), and t's variants against its own term. */
static void check_term(struct yr_ctx *c, yaml_node_t *item, const struct term *t)
{
	const struct model *m = c->L->m;
	for (size_t i = 0; i < t->n_avoid; i++) {
		if (strcmp(t->avoid[i], t->zh) == 0)
			yr_err(c, item, "avoid lists the term %s itself", t->zh);
		for (size_t j = 0; j < i; j++)
			if (strcmp(t->avoid[i], t->avoid[j]) == 0)
				yr_err(c, item, "avoid lists %s twice", t->avoid[i]);
	}
	for (size_t k = 0; k < m->n_terms; k++) {
		const struct term *u = &m->terms[k];
		if (same_en(u->en, t->en))
			yr_err(c, item, "en term '%s' is already the term of '%s'", t->en, u->concept);
		if (strcmp(u->zh, t->zh) == 0)
			yr_err(c, item, "zh-TW term %s is already the term of '%s'", t->zh, u->concept);
		for (size_t i = 0; i < u->n_avoid; i++)
			if (strcmp(u->avoid[i], t->zh) == 0)
				yr_err(c, item, "zh-TW term %s is a variant to avoid under '%s'", t->zh, u->concept);
		for (size_t i = 0; i < t->n_avoid; i++)
			if (strcmp(t->avoid[i], u->zh) == 0)
				yr_err(c, item, "avoid lists %s, the term of '%s'", t->avoid[i], u->concept);
	}
}

static void term_item(struct yr_ctx *c, yaml_node_t *item, int idx)
{
	struct loader *L = c->L;
	struct model *m = L->m;
	yaml_node_t *v[KT_N], *k[KT_N];
	struct term t;

	memset(&t, 0, sizeof t);
	snprintf(c->label, sizeof c->label, "glossary entry %d", idx);
	yr_map_fields(c, item, term_keys, KT_N, v, k, "");
	t.concept = yr_text(c, v[KT_CONCEPT], item, "concept", true, false);
	if (t.concept)
		snprintf(c->label, sizeof c->label, "term '%.80s'", t.concept);
	t.en = yr_text(c, v[KT_EN], item, "en", true, false);
	t.zh = yr_text(c, v[KT_ZH], item, "zh-TW", true, false);
	if (v[KT_AVOID])
		yr_str_list(c, v[KT_AVOID], "avoid", &t.avoid, &t.n_avoid);
	if (!t.concept || !t.en || !t.zh) {
		model_free_term(&t);
		return;
	}
	check_term(c, item, &t);
	void *arr = m->terms;
	if (!loader_grow(&arr, &L->cap_terms, m->n_terms, sizeof *m->terms)) {
		model_free_term(&t);
		loader_oom(L);
		return;
	}
	m->terms = arr;
	m->terms[m->n_terms++] = t;
}

void glossload_file(struct loader *L)
{
	L->glossary_path = loader_path(L, GLOSSARY_FILE);
	if (!L->glossary_path || access(L->glossary_path, F_OK) != 0)
		return;   /* optional: a pack without a glossary has no term checks */
	yr_load_list(L, GLOSSARY_FILE, "glossary terms", term_item);
}
