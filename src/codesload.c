/* codesload.c — classes.yaml and codes/NXX.yaml: one class or code entry at a
 * time into the model, with the checks that belong to a single entry. */
#include "codesload.h"
#include "yamlread.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- classes.yaml ---- */

enum { KC_CLASS, KC_EN, KC_ZH, KC_N };
static const char *const class_keys[KC_N] = { "class", "en", "zh-TW" };
static const char *const class_lang_keys[] = { "name", "summary" };

void codesload_class(struct yr_ctx *c, yaml_node_t *item, int idx)
{
	yaml_node_t *v[KC_N], *k[KC_N];
	int klass;

	klass = yr_label_number(c, item, "class", 1, 5, idx);
	yr_map_fields(c, item, class_keys, KC_N, v, k, "");
	if (!v[KC_CLASS])
		yr_err(c, item, "missing class");
	if (klass == 0)
		return;
	struct loader *L = c->L;
	struct class_entry *e = &L->m->classes[klass - 1];
	if (L->class_seen[klass - 1]) {
		yr_err(c, v[KC_CLASS], "duplicate class %d (first at line %d)", klass,
		     L->class_pos[klass - 1].line);
		return;
	}
	L->class_seen[klass - 1] = true;
	L->class_pos[klass - 1] = (struct cpos){ c->path, yr_line(v[KC_CLASS]) };
	e->klass = klass;
	yaml_node_t *langs[LANG_COUNT] = { v[KC_EN], v[KC_ZH] };
	yaml_node_t *lkeys[LANG_COUNT] = { k[KC_EN], k[KC_ZH] };
	struct ltext *out[] = { &e->name, &e->summary };
	static const bool allow_empty[] = { false, false };
	yr_langs(c, item, langs, lkeys, class_lang_keys, 2, allow_empty, out, NULL, NULL);
}

/* ---- codes/NXX.yaml ---- */

enum { KD_CODE, KD_PHRASE, KD_RFC, KD_STATUS, KD_CORE, KD_CACHE, KD_HEADERS, KD_CONFUSED,
       KD_ANCHOR, KD_EN, KD_ZH, KD_N };
static const char *const code_keys[KD_N] = {
	"code", "phrase", "rfc", "status", "core", "cacheable", "headers", "confused",
	"anchor", "en", "zh-TW",
};
static const char *const code_lang_keys[] = { "name", "summary", "detail", "use", "avoid" };
void codesload_code(struct yr_ctx *c, yaml_node_t *item, int idx)
{
	struct loader *L = c->L;
	struct model *m = L->m;
	yaml_node_t *v[KD_N], *k[KD_N];
	struct code_entry e;

	memset(&e, 0, sizeof e);
	int code = yr_label_number(c, item, "code", 100, 599, idx);
	yr_map_fields(c, item, code_keys, KD_N, v, k, "");
	if (!v[KD_CODE])
		yr_err(c, item, "missing code");
	e.code = code;
	e.phrase = yr_text(c, v[KD_PHRASE], item, "phrase", true, false);
	e.rfc = yr_text(c, v[KD_RFC], item, "rfc", true, false);
	if (!v[KD_STATUS]) {
		yr_err(c, item, "missing status");
	} else {
		int s = CODE_REGISTERED;
		while (s <= CODE_UNOFFICIAL && !yr_scalar_is(v[KD_STATUS], model_status_name((enum code_status)s)))
			s++;
		if (s > CODE_UNOFFICIAL)
			yr_err(c, v[KD_STATUS], "status must be one of registered, temporary, unused, obsoleted, unofficial");
		else
			e.status = (enum code_status)s;
		if (e.status == CODE_UNOFFICIAL && e.rfc && strncmp(e.rfc, "RFC", 3) == 0)
			yr_err(c, v[KD_RFC], "an unofficial code cannot cite an RFC (use rfc: none or the vendor)");
	}
	if (v[KD_CORE])
		yr_bool(c, v[KD_CORE], "core", &e.core);
	if (v[KD_CACHE])
		yr_bool(c, v[KD_CACHE], "cacheable", &e.cacheable);
	if (v[KD_HEADERS])
		yr_str_list(c, v[KD_HEADERS], "headers", &e.headers, &e.n_headers);
	if (v[KD_CONFUSED]) {
		yaml_node_t *lv = v[KD_CONFUSED];
		if (lv->type != YAML_SEQUENCE_NODE) {
			yr_err(c, lv, "confused must be a list of codes, like [401, 404]");
		} else {
			size_t cnt = (size_t)(lv->data.sequence.items.top - lv->data.sequence.items.start);
			e.confused = cnt ? calloc(cnt, sizeof *e.confused) : NULL;
			if (cnt && !e.confused)
				loader_oom(L);
			for (size_t i = 0; e.confused && i < cnt; i++) {
				yaml_node_t *cn = yr_node(c->doc, lv->data.sequence.items.start[i]);
				int cc;
				if (!yr_int(c, cn, "each confused code", 100, 599, &cc, "number"))
					continue;
				if (cc == code) {
					yr_err(c, cn, "a code cannot be confused with itself");
					continue;
				}
				e.confused[e.n_confused++] = cc;
				yr_add_ref(c, cn, REF_CODE, "confused code", cc, NULL);
			}
		}
	}
	e.anchor = yr_anchor_ref(c, v[KD_ANCHOR], item, false);
	if (e.core && !v[KD_ANCHOR])
		yr_err(c, item, "a core code needs an anchor (chapter#anchor)");
	yaml_node_t *langs[LANG_COUNT] = { v[KD_EN], v[KD_ZH] };
	yaml_node_t *lkeys[LANG_COUNT] = { k[KD_EN], k[KD_ZH] };
	struct ltext *out[] = { &e.name, &e.summary, &e.detail, &e.use, &e.avoid };
	static const bool allow_empty[] = { false, false, false, false, true };
	yr_langs(c, item, langs, lkeys, code_lang_keys, 5, allow_empty, out, NULL, NULL);

	if (code == 0) {          /* nothing can refer to it: drop it */
		model_free_code(&e);
		return;
	}
	void *a1 = m->codes, *a2 = L->code_pos;
	bool ok = loader_grow(&a1, &L->cap_codes, m->n_codes, sizeof *m->codes);
	m->codes = a1;
	ok = ok && loader_grow(&a2, &L->cap_code_pos, m->n_codes, sizeof *L->code_pos);
	L->code_pos = a2;
	if (!ok) {
		model_free_code(&e);
		loader_oom(L);
		return;
	}
	m->codes[m->n_codes] = e;
	L->code_pos[m->n_codes] = (struct cpos){ c->path, yr_line(v[KD_CODE]) };
	m->n_codes++;
}


void codesload_check_classes(struct loader *L)
{
	const char *path = loader_path(L, "classes.yaml");
	for (int i = 0; i < 5; i++)
		if (!L->class_seen[i])
			loader_err(L, path, 1, "class %d is missing (classes 1 to 5 must each appear once)", i + 1);
}
