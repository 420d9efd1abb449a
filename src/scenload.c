/* scenload.c — scenarios/NAME.yaml: one scenario entry at a time into the
 * model, with its whynot and also maps joined across languages. */
#include "scenload.h"
#include "yamlread.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { KS_ID, KS_ANSWER, KS_HEADER, KS_TAGS, KS_ANCHOR, KS_EN, KS_ZH, KS_N };
static const char *const scen_keys[KS_N] = {
	"id", "answer", "header", "tags", "anchor", "en", "zh-TW",
};
enum { KSL_SIT, KSL_WHY, KSL_HWHY, KSL_WHYNOT, KSL_ALSO, KSL_N };
static const char *const scen_lang_keys[KSL_N] = {
	"situation", "why", "header_why", "whynot", "also",
};

/* Whether text's last visible character is a question mark (ASCII or
 * full-width): every question screen asks "Which status code…" after it. */
static bool ends_with_question(const char *text)
{
	size_t n = strlen(text);
	while (n && (text[n - 1] == ' ' || text[n - 1] == '\n' || text[n - 1] == '\t'))
		n--;
	return (n >= 1 && text[n - 1] == '?') ||
	       (n >= 3 && !memcmp(text + n - 3, "\xef\xbc\x9f", 3));   /* U+FF1F */
}

/* Whether text mentions code as a number of its own ("… returns 403"), not
 * inside a longer number or a token such as "100-continue" or "v403". */
static bool names_code(const char *text, int code)
{
	char num[8];
	snprintf(num, sizeof num, "%d", code);
	size_t k = strlen(num);
	for (const char *p = strstr(text, num); p; p = strstr(p + 1, num)) {
		bool before = p == text || !(isalnum((unsigned char)p[-1]) || p[-1] == '-');
		bool after = !(isalnum((unsigned char)p[k]) || p[k] == '-');
		if (before && after)
			return true;
	}
	return false;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* One language's map of code: text, for whynot (wrong codes) or also (codes
 * that count as right too).  Fills codes[]/texts[] and returns the count. */
struct codemap_kind {
	const char *field;       /* "whynot" / "also" */
	const char *shape;       /* what a value says, for the type error */
	size_t min;              /* fewest entries allowed */
	const char *role;        /* for the cross reference: "whynot code" */
};

static const struct codemap_kind WHYNOT = {
	"whynot", "code: why it is wrong here", SCENARIO_MIN_WHYNOT, "whynot code",
};
static const struct codemap_kind ALSO = {
	"also", "code: why it counts too, and why the answer is still sharper", 0, "also code",
};

static size_t get_codemap(struct yr_ctx *c, const struct codemap_kind *kind, yaml_node_t *wv,
                          yaml_node_t *blk, int l, int answer, int *codes, char **texts,
                          size_t max)
{
	char name[48];
	size_t n = 0;
	snprintf(name, sizeof name, "%s.%s", loader_lang_key[l], kind->field);
	if (!wv) {
		if (kind->min)
			yr_err(c, blk, "missing %s", name);
		return 0;
	}
	if (wv->type != YAML_MAPPING_NODE) {
		yr_err(c, wv, "%s must be a mapping of %s", name, kind->shape);
		return 0;
	}
	for (yaml_node_pair_t *p = wv->data.mapping.pairs.start; p < wv->data.mapping.pairs.top && n < max; p++) {
		yaml_node_t *kn = yr_node(c->doc, p->key);
		int code;
		char what[64];
		snprintf(what, sizeof what, "each %s key", kind->field);
		if (!yr_int(c, kn, what, 100, 599, &code, "code"))
			continue;
		bool dup = false;
		for (size_t i = 0; i < n; i++)
			dup = dup || codes[i] == code;
		if (dup) {
			yr_err(c, kn, "%s lists %d twice", name, code);
			continue;
		}
		if (code == answer) {
			yr_err(c, kn, "%s lists the answer %d itself", name, code);
			continue;
		}
		char fname[64];
		snprintf(fname, sizeof fname, "%s.%d", name, code);
		char *t = yr_text(c, yr_node(c->doc, p->value), kn, fname, true, false);
		if (!t)
			t = loader_strdup(c->L, "");   /* keep the code so the sets can be compared */
		codes[n] = code;
		texts[n] = t;
		n++;
		if (l == LANG_EN)
			yr_add_ref(c, kn, REF_CODE, kind->role, code, NULL);
	}
	if ((size_t)(wv->data.mapping.pairs.top - wv->data.mapping.pairs.start) > max)
		yr_err(c, wv, "%s has more than %zu entries", name, max);
	if (n < kind->min)
		yr_err(c, wv, "%s needs at least %zu tempting wrong codes (it has %zu): a quiz shows "
		       "three wrong choices, and each one needs its why-not", name, kind->min, n);
	return n;
}

/* Joins both languages' maps of one kind into *out, reporting codes that
 * only one language explains. */
static void merge_codemap(struct yr_ctx *c, const struct codemap_kind *kind,
                          yaml_node_t *const *wv, int *const *codes, char **const *texts,
                          const size_t *n, struct whynot **out, size_t *nout)
{
	int sorted[LANG_COUNT][64];
	for (int l = 0; l < LANG_COUNT; l++) {
		if (n[l] == 0)
			continue;   /* codes[l] may be NULL */
		memcpy(sorted[l], codes[l], n[l] * sizeof(int));
		qsort(sorted[l], n[l], sizeof(int), cmp_int);
	}
	for (int l = 0; l < LANG_COUNT; l++) {
		int o = 1 - l;
		if (!wv[l])
			continue;
		for (size_t i = 0; i < n[l]; i++)
			if (!bsearch(&sorted[l][i], sorted[o], n[o], sizeof(int), cmp_int))
				yr_err(c, wv[o] ? wv[o] : wv[l], "%s codes differ between en and zh-TW: %d is only in %s",
				       kind->field, sorted[l][i], loader_lang_key[l]);
	}
	*out = n[LANG_EN] ? calloc(n[LANG_EN], sizeof **out) : NULL;
	if (n[LANG_EN] && !*out) {
		loader_oom(c->L);
		return;
	}
	for (size_t i = 0; i < n[LANG_EN]; i++) {
		struct whynot *w = &(*out)[(*nout)++];
		w->code = codes[LANG_EN][i];
		w->text.s[LANG_EN] = texts[LANG_EN][i];
		texts[LANG_EN][i] = NULL;
		for (size_t j = 0; j < n[LANG_ZH]; j++)
			if (codes[LANG_ZH][j] == w->code) {
				w->text.s[LANG_ZH] = texts[LANG_ZH][j];
				texts[LANG_ZH][j] = NULL;
			}
	}
}

/* Reads one kind of code map in both languages into *out. */
static void read_codemaps(struct yr_ctx *c, const struct codemap_kind *kind, int answer,
                          yaml_node_t *(*lv)[8], yaml_node_t *(*lk)[8], yaml_node_t *const *lkeys,
                          yaml_node_t *const *langs, int field, struct whynot **out, size_t *nout)
{
	int codes[LANG_COUNT][64];
	char *texts[LANG_COUNT][64];
	size_t n[LANG_COUNT] = { 0, 0 };
	for (int l = 0; l < LANG_COUNT; l++)
		if (langs[l] && langs[l]->type == YAML_MAPPING_NODE)
			n[l] = get_codemap(c, kind, lv[l][field], lkeys[l], l, answer, codes[l], texts[l], 64);
	yaml_node_t *wv[LANG_COUNT] = { lk[LANG_EN][field], lk[LANG_ZH][field] };
	int *wc[LANG_COUNT] = { codes[LANG_EN], codes[LANG_ZH] };
	char **wt[LANG_COUNT] = { texts[LANG_EN], texts[LANG_ZH] };
	merge_codemap(c, kind, wv, wc, wt, n, out, nout);
	for (int l = 0; l < LANG_COUNT; l++)
		for (size_t i = 0; i < n[l]; i++)
			free(texts[l][i]);
}

void scenload_item(struct yr_ctx *c, yaml_node_t *item, int idx)
{
	struct loader *L = c->L;
	struct model *m = L->m;
	yaml_node_t *v[KS_N], *k[KS_N];
	yaml_node_t *lv[LANG_COUNT][8], *lk[LANG_COUNT][8];
	struct scenario s;

	memset(&s, 0, sizeof s);
	memset(lv, 0, sizeof lv);
	memset(lk, 0, sizeof lk);
	yaml_node_t *iv;
	s.id = yr_label_id(c, item, "scenario", idx, &iv);
	yr_map_fields(c, item, scen_keys, KS_N, v, k, "");
	if (!v[KS_ID])
		yr_err(c, item, "missing id");
	if (!v[KS_ANSWER])
		yr_err(c, item, "missing answer");
	else if (yr_int(c, v[KS_ANSWER], "answer", 100, 599, &s.answer, "code"))
		yr_add_ref(c, v[KS_ANSWER], REF_CODE, "answer", s.answer, NULL);
	if (v[KS_HEADER])
		s.header = yr_text(c, v[KS_HEADER], item, "header", true, false);
	if (v[KS_TAGS])
		yr_str_list(c, v[KS_TAGS], "tags", &s.tags, &s.n_tags);
	s.anchor = yr_anchor_ref(c, v[KS_ANCHOR], item, true);

	yaml_node_t *langs[LANG_COUNT] = { v[KS_EN], v[KS_ZH] };
	yaml_node_t *lkeys[LANG_COUNT] = { k[KS_EN], k[KS_ZH] };
	struct ltext *out[KSL_N] = { &s.situation, &s.why, NULL, NULL, NULL };
	static const bool allow_empty[KSL_N] = { false, false, false, false, false };
	yr_langs(c, item, langs, lkeys, scen_lang_keys, KSL_N, allow_empty, out, lv, lk);
	for (int l = 0; l < LANG_COUNT; l++) {
		if (!langs[l] || langs[l]->type != YAML_MAPPING_NODE)
			continue;
		char name[48];
		snprintf(name, sizeof name, "%s.header_why", loader_lang_key[l]);
		if (v[KS_HEADER])
			s.header_why.s[l] = yr_text(c, lv[l][KSL_HWHY], lkeys[l], name, true, false);
		else if (lv[l][KSL_HWHY])
			yr_err(c, lv[l][KSL_HWHY], "%s is given but the scenario has no header", name);
		if (s.situation.s[l] && s.answer && names_code(s.situation.s[l], s.answer))
			yr_err(c, lv[l][KSL_SIT], "%s.situation gives away the answer %d", loader_lang_key[l], s.answer);
		if (s.situation.s[l] && ends_with_question(s.situation.s[l]))
			yr_err(c, lv[l][KSL_SIT], "%s.situation ends with a question, and the quiz asks its own "
			       "after it; end it with the facts", loader_lang_key[l]);
	}
	read_codemaps(c, &WHYNOT, s.answer, lv, lk, lkeys, langs, KSL_WHYNOT, &s.whynot, &s.n_whynot);
	read_codemaps(c, &ALSO, s.answer, lv, lk, lkeys, langs, KSL_ALSO, &s.also, &s.n_also);
	/* a code cannot be both wrong and right */
	for (size_t i = 0; i < s.n_also; i++)
		for (size_t j = 0; j < s.n_whynot; j++)
			if (s.also[i].code == s.whynot[j].code)
				yr_err(c, lk[LANG_EN][KSL_ALSO] ? lk[LANG_EN][KSL_ALSO] : item,
				       "%d is in both en.also and en.whynot; a code is either acceptable or wrong",
				       s.also[i].code);

	void *a1 = m->scenarios, *a2 = L->scen_pos, *a3 = L->sit_pos[LANG_EN], *a4 = L->sit_pos[LANG_ZH];
	bool ok = loader_grow(&a1, &L->cap_scen[0], m->n_scenarios, sizeof *m->scenarios);
	m->scenarios = a1;
	ok = ok && loader_grow(&a2, &L->cap_scen[1], m->n_scenarios, sizeof *L->scen_pos);
	L->scen_pos = a2;
	ok = ok && loader_grow(&a3, &L->cap_scen[2], m->n_scenarios, sizeof *L->scen_pos);
	L->sit_pos[LANG_EN] = a3;
	ok = ok && loader_grow(&a4, &L->cap_scen[3], m->n_scenarios, sizeof *L->scen_pos);
	L->sit_pos[LANG_ZH] = a4;
	if (!ok) {
		model_free_scenario(&s);
		loader_oom(L);
		return;
	}
	size_t i = m->n_scenarios++;
	m->scenarios[i] = s;
	L->scen_pos[i] = (struct cpos){ c->path, yr_line(iv ? iv : item) };
	for (int l = 0; l < LANG_COUNT; l++)
		L->sit_pos[l][i] = (struct cpos){ c->path, yr_line(lv[l][KSL_SIT] ? lv[l][KSL_SIT] : item) };
}

