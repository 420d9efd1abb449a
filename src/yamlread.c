/* yamlread.c — libyaml documents to typed fields, with "path:line: label:
 * message" diagnostics: one YAML file is a list of mappings, each mapping's
 * keys are checked against an allowed list, and text fields come out
 * trimmed, checked for control characters and scrubbed. */
#include "yamlread.h"
#include "termcheck.h"
#include "text.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int yr_line(const yaml_node_t *n)
{
	return n ? (int)(n->start_mark.line > INT_MAX - 1 ? INT_MAX - 1 : n->start_mark.line) + 1 : 1;
}

void yr_err(struct yr_ctx *c, const yaml_node_t *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = diag_vfmt(fmt, ap);
	va_end(ap);
	if (!msg) {
		loader_oom(c->L);
		return;
	}
	loader_err(c->L, c->path, yr_line(at), "%s: %s", c->label, msg);
	free(msg);
}

yaml_node_t *yr_node(yaml_document_t *doc, yaml_node_item_t i)
{
	return yaml_document_get_node(doc, i);
}

/* Scalar text and length, or NULL when n is not a scalar. */
const char *yr_scalar(const yaml_node_t *n, size_t *len)
{
	if (!n || n->type != YAML_SCALAR_NODE)
		return NULL;
	*len = n->data.scalar.length;
	return (const char *)n->data.scalar.value;
}

bool yr_scalar_is(const yaml_node_t *n, const char *s)
{
	size_t len;
	const char *v = yr_scalar(n, &len);
	return v && len == strlen(s) && memcmp(v, s, len) == 0;
}

/* A plain "~", "null" or nothing: YAML's way of saying no value. */
static bool yr_scalar_null(const yaml_node_t *n)
{
	if (!n || n->type != YAML_SCALAR_NODE || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	return n->data.scalar.length == 0 || yr_scalar_is(n, "~") || yr_scalar_is(n, "null");
}

yaml_node_t *yr_map_get(yaml_document_t *doc, yaml_node_t *map, const char *key)
{
	if (!map || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++)
		if (yr_scalar_is(yr_node(doc, p->key), key))
			return yr_node(doc, p->value);
	return NULL;
}

/* Splits a mapping into the allowed keys: vals[i]/keys[i] get the nodes of
 * allowed[i].  Unknown and duplicate keys are reported; where names the
 * block for messages ("" for the item itself, "en" for a language). */
void yr_map_fields(struct yr_ctx *c, yaml_node_t *map, const char *const *allowed, size_t n,
                   yaml_node_t **vals, yaml_node_t **keys, const char *where)
{
	for (size_t i = 0; i < n; i++)
		vals[i] = keys[i] = NULL;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yr_node(c->doc, p->key), *v = yr_node(c->doc, p->value);
		size_t len;
		const char *ks = yr_scalar(k, &len);
		if (!ks) {
			yr_err(c, k, "keys must be plain words%s%s", *where ? " in " : "", where);
			continue;
		}
		size_t i = 0;
		while (i < n && !(strlen(allowed[i]) == len && memcmp(allowed[i], ks, len) == 0))
			i++;
		if (i == n) {
			char list[256] = "";
			size_t used = 0;
			for (size_t j = 0; j < n && used < sizeof list; j++) {
				int w = snprintf(list + used, sizeof list - used, "%s%s", j ? ", " : "", allowed[j]);
				if (w < 0)
					break;
				used += (size_t)w;
			}
			yr_err(c, k, "unknown key '%.*s'%s%s (allowed: %s)", (int)(len > 60 ? 60 : len), ks,
			     *where ? " in " : "", where, list);
			continue;
		}
		if (keys[i]) {
			yr_err(c, k, "duplicate key '%s'%s%s (first at line %d)", allowed[i],
			     *where ? " in " : "", where, yr_line(keys[i]));
			continue;
		}
		keys[i] = k;
		vals[i] = v;
	}
}

/* The text of a scalar field, trimmed of trailing white space and scrubbed;
 * NULL after reporting when it is absent (and required), not text, empty
 * (unless allow_empty) or holds control characters. */
char *yr_text(struct yr_ctx *c, yaml_node_t *v, yaml_node_t *owner, const char *name,
              bool required, bool allow_empty)
{
	size_t len;
	if (!v) {
		if (required)
			yr_err(c, owner, "missing %s", name);
		return NULL;
	}
	const char *s = yr_scalar(v, &len);
	if (!s) {
		yr_err(c, v, "%s must be text, not a %s", name,
		     v->type == YAML_SEQUENCE_NODE ? "list" : "mapping");
		return NULL;
	}
	if (yr_scalar_null(v))
		len = 0;
	while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == ' ' || s[len - 1] == '\r'))
		len--;
	/* The file was checked byte by byte, so only characters written as
	 * escapes ("\x07", "\u202E") can appear here. */
	const char *what;
	size_t ctl = loader_find_control(s, len, &what);
	if (ctl != (size_t)-1) {
		/* An escape in a quoted scalar: count lines into the value. */
		int vl = loader_line_of(s, ctl);
		char where[40] = "";
		if (vl > 1)
			snprintf(where, sizeof where, " (line %d of the text)", vl);
		yr_err(c, v, "%s: %s U+%04lX is not allowed%s", name, what,
		       loader_code_point(s + ctl, len - ctl), where);
		return NULL;
	}
	if (len == 0 && !allow_empty) {
		yr_err(c, v, "empty %s", name);
		return NULL;
	}
	char *out = text_scrub(s, len, true);
	if (!out)
		loader_oom(c->L);
	else
		text_join_cjk(out);
	return out;
}

/* A plain integer scalar in [lo, hi]; false after reporting otherwise. */
bool yr_int(struct yr_ctx *c, yaml_node_t *v, const char *name, int lo, int hi, int *out,
            const char *what)
{
	size_t len;
	const char *s = yr_scalar(v, &len);
	bool ok = s && v->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && len > 0 && len <= 6;
	long n = 0;
	for (size_t i = 0; ok && i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			ok = false;
		else
			n = n * 10 + (s[i] - '0');
	}
	if (!ok || n < lo || n > hi) {
		yr_err(c, v, "%s must be a %s %d–%d", name, what, lo, hi);
		return false;
	}
	*out = (int)n;
	return true;
}

bool yr_bool(struct yr_ctx *c, yaml_node_t *v, const char *name, bool *out)
{
	if (yr_scalar_is(v, "true") && v->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
		*out = true;
	else if (yr_scalar_is(v, "false") && v->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
		*out = false;
	else {
		yr_err(c, v, "%s must be true or false", name);
		return false;
	}
	return true;
}

int yr_label_number(struct yr_ctx *c, yaml_node_t *item, const char *key, int lo, int hi,
                    int idx)
{
	int n = 0;
	snprintf(c->label, sizeof c->label, "%s (entry %d)", key, idx);
	yaml_node_t *v = yr_map_get(c->doc, item, key);
	if (v && yr_int(c, v, key, lo, hi, &n, "number"))
		snprintf(c->label, sizeof c->label, "%s %d", key, n);
	return n;
}

static bool valid_id(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return false;
	return true;
}

char *yr_label_id(struct yr_ctx *c, yaml_node_t *item, const char *what, int idx,
                  yaml_node_t **at)
{
	snprintf(c->label, sizeof c->label, "%s (entry %d)", what, idx);
	yaml_node_t *iv = yr_map_get(c->doc, item, "id");
	char *id = yr_text(c, iv, item, "id", false, false);
	if (id && !valid_id(id)) {
		yr_err(c, iv, "id '%s' may only use a-z, 0-9 and '-'", id);
		free(id);
		id = NULL;
	}
	if (id)
		snprintf(c->label, sizeof c->label, "%s %.80s", what, id);
	*at = iv;
	return id;
}

/* A list of non-empty texts: [a, b]. */
void yr_str_list(struct yr_ctx *c, yaml_node_t *v, const char *name, char ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (v->type != YAML_SEQUENCE_NODE) {
		yr_err(c, v, "%s must be a list, like [A, B]", name);
		return;
	}
	size_t cnt = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
	if (cnt == 0)
		return;
	char **arr = calloc(cnt, sizeof *arr);
	if (!arr) {
		loader_oom(c->L);
		return;
	}
	size_t k = 0;
	for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		char *s = yr_text(c, yr_node(c->doc, *it), v, name, true, false);
		if (s)
			arr[k++] = s;
	}
	*out = arr;
	*n = k;
}

/* ---- cross references ------------------------------------------------------------ */

void yr_add_ref(struct yr_ctx *c, yaml_node_t *at, enum ref_kind kind, const char *role,
                int code, const char *target)
{
	struct loader *L = c->L;
	void *arr = L->refs;
	char *label = strdup(c->label), *t = target ? strdup(target) : NULL;
	if (!label || (target && !t) || !loader_grow(&arr, &L->cap_refs, L->n_refs, sizeof *L->refs)) {
		free(label);
		free(t);
		loader_oom(L);
		return;
	}
	L->refs = arr;
	L->refs[L->n_refs++] = (struct ref){ kind, { c->path, yr_line(at) }, label, role, code, t };
}

/* Checks the form "chapter#anchor" now; whether it resolves is checked later. */
char *yr_anchor_ref(struct yr_ctx *c, yaml_node_t *v, yaml_node_t *owner, bool required)
{
	char *s = yr_text(c, v, owner, "anchor", required, false);
	if (!s)
		return NULL;
	const char *hash = strchr(s, '#');
	bool ok = hash && hash > s && hash[1] != '\0';
	for (const char *p = s; ok && *p; p++)
		if (p != hash && !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		                   (*p >= '0' && *p <= '9') || *p == '-'))
			ok = false;
	if (!ok) {
		yr_err(c, v, "anchor '%s' must look like chapter#anchor", s);
		free(s);
		return NULL;
	}
	yr_add_ref(c, v, REF_ANCHOR, "anchor", 0, s);
	return s;
}

/* Reports a libyaml error (syntax, reader, memory) at its line. */
static void parse_error(struct loader *L, const char *path, const yaml_parser_t *p,
                        const char *buf, size_t len)
{
	if (p->error == YAML_MEMORY_ERROR) {
		loader_oom(L);
	} else if (p->error == YAML_READER_ERROR) {
		loader_err(L, path, loader_line_of(buf, p->problem_offset < len ? p->problem_offset : len),
		           "YAML: %s", p->problem ? p->problem : "cannot read");
	} else if (p->context) {
		loader_err(L, path, (int)p->problem_mark.line + 1, "YAML: %s (%s at line %d)",
		           p->problem ? p->problem : "syntax error", p->context,
		           (int)p->context_mark.line + 1);
	} else {
		loader_err(L, path, (int)p->problem_mark.line + 1, "YAML: %s",
		           p->problem ? p->problem : "syntax error");
	}
}

/* The document being built from parser events: the open collections and,
 * for an open mapping, the key waiting for its value. */
struct build {
	yaml_document_t *doc;
	int open[YR_MAX_DEPTH];
	int key[YR_MAX_DEPTH];
	int depth;
};

/* Adds node id under the innermost open collection (the first node is the
 * root).  False when libyaml ran out of memory. */
static bool attach(struct build *b, int id)
{
	if (b->depth == 0)
		return true;
	int parent = b->open[b->depth - 1];
	if (yaml_document_get_node(b->doc, parent)->type == YAML_SEQUENCE_NODE)
		return yaml_document_append_sequence_item(b->doc, parent, id) != 0;
	if (!b->key[b->depth - 1]) {
		b->key[b->depth - 1] = id;
		return true;
	}
	int key = b->key[b->depth - 1];
	b->key[b->depth - 1] = 0;
	return yaml_document_append_mapping_pair(b->doc, parent, key, id) != 0;
}

/* Opens path's only YAML document, built from the parser's events rather
 * than yaml_parser_load so that hostile files stop early: nesting deeper
 * than YR_MAX_DEPTH stops before libyaml goes deeper (its scanner is
 * quadratic in the depth of [[[…), aliases are refused (1,000 *refs to one
 * large text would each be a copy), and a file may hold at most
 * YR_MAX_NODES values.  False after reporting why, with the line. */
static bool doc_open(struct loader *L, const char *path, const char *buf, size_t len,
                     yaml_document_t *doc)
{
	yaml_parser_t p;
	yaml_event_t ev;
	struct build b = { doc, { 0 }, { 0 }, 0 };
	bool ok = false, have_doc = false, done = false, root = false;
	int second = 0;         /* line of a second '---', when there is one */
	size_t nodes = 0;

	if (!yaml_parser_initialize(&p)) {
		loader_oom(L);
		return false;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			parse_error(L, path, &p, buf, len);
			goto cleanup;
		}
		int line = (int)(ev.start_mark.line > INT_MAX - 1 ? INT_MAX - 1 : ev.start_mark.line) + 1;
		int id = 0;
		bool step = true;
		if ((nodes & 4095) == 0 && loader_stopped(L)) {
			yaml_event_delete(&ev);
			goto cleanup;
		}
		switch (ev.type) {
		case YAML_DOCUMENT_START_EVENT:
			if (have_doc) {     /* an error once it holds something */
				second = line;
				break;
			}
			step = yaml_document_initialize(doc, NULL, NULL, NULL, 1, 1) != 0;
			have_doc = step;
			break;
		case YAML_ALIAS_EVENT:
			loader_err(L, path, line, "YAML aliases (*%s) are not allowed in content: "
			           "write the text out where it is used", (const char *)ev.data.alias.anchor);
			step = false;
			break;
		case YAML_SCALAR_EVENT:
			id = yaml_document_add_scalar(doc, ev.data.scalar.tag, ev.data.scalar.value,
			                              (int)ev.data.scalar.length, ev.data.scalar.style);
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (b.depth == YR_MAX_DEPTH) {
				loader_err(L, path, line, "lists and mappings nested more than %d deep", YR_MAX_DEPTH);
				step = false;
				break;
			}
			id = ev.type == YAML_SEQUENCE_START_EVENT
			   ? yaml_document_add_sequence(doc, ev.data.sequence_start.tag,
			                                ev.data.sequence_start.style)
			   : yaml_document_add_mapping(doc, ev.data.mapping_start.tag,
			                               ev.data.mapping_start.style);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			b.depth--;
			break;
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		default:
			break;
		}
		if (step && (ev.type == YAML_SCALAR_EVENT || ev.type == YAML_SEQUENCE_START_EVENT ||
		             ev.type == YAML_MAPPING_START_EVENT)) {
			if (second) {
				loader_err(L, path, line, "only one YAML document per file (remove the '---' "
				           "at line %d)", second);
				step = false;
			} else if (id == 0 || !attach(&b, id)) {
				loader_oom(L);
				step = false;
			} else if (++nodes > YR_MAX_NODES || !loader_count_nodes(L, 1)) {
				loader_err(L, path, line, "more than %d YAML values in %s",
				           nodes > YR_MAX_NODES ? YR_MAX_NODES : LOADER_MAX_NODES,
				           nodes > YR_MAX_NODES ? "one file" : "the whole content folder");
				step = false;
			} else {
				yaml_node_t *n = yaml_document_get_node(doc, id);
				n->start_mark = ev.start_mark;
				n->end_mark = ev.end_mark;
				root = true;
				if (ev.type != YAML_SCALAR_EVENT) {
					b.key[b.depth] = 0;
					b.open[b.depth++] = id;
				}
			}
		}
		yaml_event_delete(&ev);
		if (!step)
			goto cleanup;
	}
	if (!root)
		loader_err(L, path, 1, "file is empty");
	ok = root;
cleanup:
	if (have_doc && !ok)
		yaml_document_delete(doc);
	yaml_parser_delete(&p);
	return ok;
}

bool yr_load_list(struct loader *L, const char *rel, const char *what, yr_item_fn *each)
{
	const char *path = loader_path(L, rel);
	size_t len = 0;
	char *buf = loader_read(L, rel, path, &len);
	yaml_document_t doc;

	if (!buf || !loader_check_bytes(L, path, buf, len) || !doc_open(L, path, buf, len, &doc)) {
		L->unread++;
		return false;
	}
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	bool ok = root->type == YAML_SEQUENCE_NODE;
	if (!ok) {
		L->unread++;
		loader_err(L, path, yr_line(root), "expected a list of %s (each entry starts with '- ')", what);
	} else {
		struct yr_ctx c = { L, path, &doc, "" };
		int i = 0;
		for (yaml_node_item_t *it = root->data.sequence.items.start; it < root->data.sequence.items.top; it++) {
			yaml_node_t *item = yr_node(&doc, *it);
			i++;
			if (!item || item->type != YAML_MAPPING_NODE) {
				loader_err(L, path, yr_line(item), "entry %d of %s must be a mapping (key: value)", i, what);
				continue;
			}
			each(&c, item, i);
		}
		termcheck_doc(L, path, &doc, buf, len);
	}
	yaml_document_delete(&doc);
	return ok;
}

/* Reads the en and zh-TW blocks of an item: fields[] of each language go to
 * out[lang][field]; missing_ok[field] marks optional fields. */
void yr_langs(struct yr_ctx *c, yaml_node_t *item, yaml_node_t *const *langs,
              yaml_node_t *const *lkeys, const char *const *fields, size_t nf,
              const bool *allow_empty, struct ltext *const *out,
              yaml_node_t *(*extra_vals)[8], yaml_node_t *(*extra_keys)[8])
{
	for (int l = 0; l < LANG_COUNT; l++) {
		yaml_node_t *blk = langs[l];
		yaml_node_t *owner = lkeys[l] ? lkeys[l] : blk;   /* "missing" points at "en:" */
		yaml_node_t *vals[8], *keys[8];
		if (!blk) {
			yr_err(c, item, "missing %s translation", loader_lang_key[l]);
			continue;
		}
		if (blk->type != YAML_MAPPING_NODE) {
			yr_err(c, blk, "%s must be a mapping of %s, %s, …", loader_lang_key[l], fields[0], fields[1]);
			continue;
		}
		yr_map_fields(c, blk, fields, nf, vals, keys, loader_lang_key[l]);
		for (size_t f = 0; f < nf; f++) {
			if (extra_vals)
				extra_vals[l][f] = vals[f];
			if (extra_keys)
				extra_keys[l][f] = keys[f];
			if (!out[f])
				continue;     /* caller handles this field itself */
			char name[48];
			snprintf(name, sizeof name, "%s.%s", loader_lang_key[l], fields[f]);
			free(out[f]->s[l]);
			out[f]->s[l] = yr_text(c, vals[f], owner, name, true, allow_empty[f]);
		}
	}
}

void yr_load_folder(struct loader *L, const char *rel, const char *what, yr_item_fn *each,
                    bool need_one)
{
	char **names;
	size_t n;
	if (!loader_list_dir(L, rel, ".yaml", &names, &n))
		return;
	if (n == 0 && need_one)
		loader_err(L, loader_path(L, rel), 1, "no *.yaml files in this folder");
	for (size_t i = 0; i < n; i++) {
		char sub[512];
		snprintf(sub, sizeof sub, "%s/%s", rel, names[i]);
		yr_load_list(L, sub, what, each);
	}
	loader_free_names(names, n);
}

