/* contrastload.c — contrasts.yaml: groups of codes learners mix up, one
 * entry at a time into the model, then the checks across the pack (ids,
 * shared pairs, enough scenarios for a drill). */
#include "contrastload.h"
#include "yamlread.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CONTRAST_FILE "contrasts.yaml"
#define MIN_SCENARIOS 4   /* a drill needs something to interleave */

enum { KG_ID, KG_CODES, KG_ANCHOR, KG_EN, KG_ZH, KG_N };
static const char *const group_keys[KG_N] = { "id", "codes", "anchor", "en", "zh-TW" };
enum { KGL_TITLE, KGL_QUESTION, KGL_RULES, KGL_EXAMPLE, KGL_N };
static const char *const group_lang_keys[KGL_N] = { "title", "question", "rules", "example" };

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* codes: [401, 403] — 2 to CONTRAST_MAX_CODES distinct codes, sorted. */
static void read_codes(struct yr_ctx *c, yaml_node_t *v, yaml_node_t *item, struct contrast *g)
{
	if (!v) {
		yr_err(c, item, "missing codes");
		return;
	}
	if (v->type != YAML_SEQUENCE_NODE) {
		yr_err(c, v, "codes must be a list of status codes, like [401, 403]");
		return;
	}
	size_t cnt = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
	if (cnt < 2 || cnt > CONTRAST_MAX_CODES) {
		yr_err(c, v, "codes must list 2 to %d codes (it lists %zu)", CONTRAST_MAX_CODES, cnt);
		if (cnt > CONTRAST_MAX_CODES)
			return;
	}
	for (size_t i = 0; i < cnt; i++) {
		yaml_node_t *cn = yr_node(c->doc, v->data.sequence.items.start[i]);
		int code;
		if (!yr_int(c, cn, "each code", 100, 599, &code, "code"))
			continue;
		bool dup = false;
		for (size_t j = 0; j < g->n_codes; j++)
			dup = dup || g->codes[j] == code;
		if (dup) {
			yr_err(c, cn, "codes lists %d twice", code);
			continue;
		}
		g->codes[g->n_codes++] = code;
		yr_add_ref(c, cn, REF_CODE, "code", code, NULL);
	}
	qsort(g->codes, g->n_codes, sizeof g->codes[0], cmp_int);
}

static int code_index(const struct contrast *g, int code)
{
	for (size_t i = 0; i < g->n_codes; i++)
		if (g->codes[i] == code)
			return (int)i;
	return -1;
}

/* One language's rules: a mapping with exactly the group's codes as keys. */
static void read_rules(struct yr_ctx *c, yaml_node_t *rv, yaml_node_t *blk, int l,
                       struct contrast *g)
{
	char name[48];
	snprintf(name, sizeof name, "%s.rules", loader_lang_key[l]);
	if (!rv) {
		yr_err(c, blk, "missing %s", name);
		return;
	}
	if (rv->type != YAML_MAPPING_NODE) {
		yr_err(c, rv, "%s must be a mapping of code: when it is the right one", name);
		return;
	}
	for (yaml_node_pair_t *p = rv->data.mapping.pairs.start; p < rv->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = yr_node(c->doc, p->key);
		int code, at;
		if (!yr_int(c, kn, "each rules key", 100, 599, &code, "code"))
			continue;
		if ((at = code_index(g, code)) < 0) {
			yr_err(c, kn, "%s has a line for %d, which is not one of the group's codes", name, code);
			continue;
		}
		if (g->rule[at].s[l]) {
			yr_err(c, kn, "%s lists %d twice", name, code);
			continue;
		}
		char fname[64];
		snprintf(fname, sizeof fname, "%s.%d", name, code);
		g->rule[at].s[l] = yr_text(c, yr_node(c->doc, p->value), kn, fname, true, false);
	}
	for (size_t i = 0; i < g->n_codes; i++)
		if (!g->rule[i].s[l])
			yr_err(c, rv, "%s has no line for %d (when is it the right one?)", name, g->codes[i]);
}

void contrastload_item(struct yr_ctx *c, yaml_node_t *item, int idx)
{
	struct loader *L = c->L;
	struct model *m = L->m;
	yaml_node_t *v[KG_N], *k[KG_N];
	yaml_node_t *lv[LANG_COUNT][8], *lk[LANG_COUNT][8];
	struct contrast g;

	memset(&g, 0, sizeof g);
	memset(lv, 0, sizeof lv);
	memset(lk, 0, sizeof lk);
	yaml_node_t *iv;
	g.id = yr_label_id(c, item, "contrast", idx, &iv);
	yr_map_fields(c, item, group_keys, KG_N, v, k, "");
	if (!v[KG_ID])
		yr_err(c, item, "missing id");
	read_codes(c, v[KG_CODES], item, &g);
	g.anchor = yr_anchor_ref(c, v[KG_ANCHOR], item, true);

	yaml_node_t *langs[LANG_COUNT] = { v[KG_EN], v[KG_ZH] };
	yaml_node_t *lkeys[LANG_COUNT] = { k[KG_EN], k[KG_ZH] };
	struct ltext *out[KGL_N] = { &g.title, &g.question, NULL, &g.example };
	static const bool allow_empty[KGL_N] = { false, false, false, false };
	yr_langs(c, item, langs, lkeys, group_lang_keys, KGL_N, allow_empty, out, lv, lk);
	for (int l = 0; l < LANG_COUNT; l++)
		if (langs[l] && langs[l]->type == YAML_MAPPING_NODE)
			read_rules(c, lv[l][KGL_RULES], lkeys[l] ? lkeys[l] : langs[l], l, &g);

	if (!g.id || g.n_codes < 2) {   /* nothing can refer to it: drop it */
		model_free_contrast(&g);
		return;
	}
	void *a1 = m->contrasts, *a2 = L->contrast_pos;
	bool ok = loader_grow(&a1, &L->cap_contrasts, m->n_contrasts, sizeof *m->contrasts);
	m->contrasts = a1;
	ok = ok && loader_grow(&a2, &L->cap_contrast_pos, m->n_contrasts, sizeof *L->contrast_pos);
	L->contrast_pos = a2;
	if (!ok) {
		model_free_contrast(&g);
		loader_oom(L);
		return;
	}
	L->contrast_pos[m->n_contrasts] = (struct cpos){ c->path, yr_line(iv ? iv : item) };
	m->contrasts[m->n_contrasts++] = g;
}

void contrastload_file(struct loader *L)
{
	const char *path = loader_path(L, CONTRAST_FILE);
	if (access(path, F_OK) != 0)
		return;   /* optional: a pack without groups has no contrast review */
	yr_load_list(L, CONTRAST_FILE, "contrast groups", contrastload_item);
}

void contrastload_check(struct loader *L)
{
	const struct model *m = L->m;
	for (size_t i = 0; i < m->n_contrasts; i++) {
		const struct contrast *g = &m->contrasts[i];
		struct cpos at = L->contrast_pos[i];
		bool reported = false;
		for (size_t j = 0; j < i && !reported; j++) {
			const struct contrast *h = &m->contrasts[j];
			struct cpos first = L->contrast_pos[j];
			if (strcmp(g->id, h->id) == 0) {
				loader_err(L, at.path, at.line, "duplicate contrast id '%s' (first at %s:%d)",
				           g->id, first.path, first.line);
				reported = true;
				continue;
			}
			/* a shared pair would make a wrong answer belong to two groups */
			for (size_t a = 0; a < g->n_codes && !reported; a++)
				for (size_t b = a + 1; b < g->n_codes && !reported; b++)
					if (code_index(h, g->codes[a]) >= 0 && code_index(h, g->codes[b]) >= 0) {
						loader_err(L, at.path, at.line,
						           "contrast %s: %d and %d are already a pair in contrast %s (%s:%d); "
						           "a pair of codes belongs to one group",
						           g->id, g->codes[a], g->codes[b], h->id, first.path, first.line);
						reported = true;
					}
		}
		size_t n = 0;
		for (size_t s = 0; s < m->n_scenarios; s++)
			if (code_index(g, m->scenarios[s].answer) >= 0)
				n++;
		if (n < MIN_SCENARIOS) {
			char list[64] = "";
			for (size_t a = 0; a < g->n_codes; a++)
				snprintf(list + strlen(list), sizeof list - strlen(list), "%s%d",
				         a ? ", " : "", g->codes[a]);
			loader_err(L, at.path, at.line,
			           "contrast %s: %zu scenario%s answered by %s; a drill needs at least %d "
			           "(add scenarios)", g->id, n, n == 1 ? " is" : "s are", list, MIN_SCENARIOS);
		}
	}
}
