/* termcheck.c — the pack speaks with one voice.  A zh-TW text must not use a
 * variant the glossary lists for a concept (兜底 for 最後的備案, a bare
 * "token" for 權杖), and a chapter must not call a code by another name than
 * its card ("302 Found（暫時移動）" when the card says 已找到).  Texts are
 * searched as the reader sees them (YAML scalars after parsing, Markdown
 * outside code); the line reported is found in the file's bytes. */
#include "termcheck.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LPAREN "\xEF\xBC\x88"   /* （ */
#define RPAREN "\xEF\xBC\x89"   /* ） */
#define YAML_MAX_DEPTH 64       /* content is shallow; a deeper file is not ours */

static bool word_byte(unsigned char c)
{
	return c < 0x80 && (isalnum(c) || c == '_' || c == '-');
}

static bool is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

/* Whether p lies inside full-width parentheses opened earlier in s. */
static bool in_gloss(const char *s, const char *p)
{
	for (const char *q = p; q - s >= 3; q--) {
		if (memcmp(q - 3, LPAREN, 3) == 0)
			return true;
		if (memcmp(q - 3, RPAREN, 3) == 0)
			return false;
	}
	return false;
}

/* Whether [p, p+n) is part of an occurrence of term in s (a variant that is
 * a piece of the right word is no variant). */
static bool inside_term(const char *s, const char *p, size_t n, const char *term)
{
	size_t tl = strlen(term);
	for (const char *q = strstr(s, term); q && q <= p; q = strstr(q + 1, term))
		if (p + n <= q + tl)
			return true;
	return false;
}

/* The first variant occurrence in s that counts, or NULL: ASCII variants
 * only as whole words and not as a gloss in （…）. */
static const char *find_variant(const char *s, const char *v, const struct term *t)
{
	size_t n = strlen(v);
	bool ascii = is_ascii(v);
	for (const char *p = strstr(s, v); p; p = strstr(p + 1, v)) {
		if (ascii && ((p > s && word_byte((unsigned char)p[-1])) || word_byte((unsigned char)p[n])))
			continue;
		if (ascii && in_gloss(s, p))
			continue;
		if (inside_term(s, p, n, t->zh))
			continue;
		return p;
	}
	return NULL;
}

static void report_variant(struct loader *L, const char *path, int line, const char *v,
                           const struct term *t)
{
	loader_err(L, path, line, "zh-TW uses \"%s\" for %s; the glossary term is \"%s\"",
	           v, t->concept, t->zh);
}

/* ---- YAML ------------------------------------------------------------------ */

struct yscan {
	struct loader *L;
	const char *path;
	const char *buf;
	size_t len;
	yaml_document_t *doc;
};

/* 1-based line of the first v in buf at or after 0-based line from; from + 1
 * when the bytes differ from the parsed text (an escape, a folded line). */
static int raw_line(const struct yscan *y, size_t from, const char *v)
{
	const char *p = y->buf, *end = y->buf + y->len;
	size_t line = 0;
	while (line < from && p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			return (int)from + 1;
		p = nl + 1;
		line++;
	}
	const char *hit = strstr(p, v);   /* buf is NUL-terminated by loader_read */
	if (!hit)
		return (int)from + 1;
	for (; p < hit; p++)
		line += *p == '\n';
	return (int)line + 1;
}

static void scan_scalar(const struct yscan *y, const yaml_node_t *n)
{
	const struct model *m = y->L->m;
	const char *s = (const char *)n->data.scalar.value;
	if (!s || memchr(s, '\0', n->data.scalar.length))
		return;   /* scalar values are NUL-terminated; embedded NULs were reported */
	for (size_t i = 0; i < m->n_terms; i++)
		for (size_t k = 0; k < m->terms[i].n_avoid; k++) {
			const char *v = m->terms[i].avoid[k];
			if (find_variant(s, v, &m->terms[i]))
				report_variant(y->L, y->path, raw_line(y, n->start_mark.line, v), v,
				               &m->terms[i]);
		}
}

/* Every value scalar under a "zh-TW" key, at any depth. */
static void walk(const struct yscan *y, yaml_node_t *n, bool zh, int depth)
{
	if (!n || depth > YAML_MAX_DEPTH)
		return;
	if (n->type == YAML_SCALAR_NODE) {
		if (zh)
			scan_scalar(y, n);
	} else if (n->type == YAML_SEQUENCE_NODE) {
		for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++)
			walk(y, yaml_document_get_node(y->doc, *it), zh, depth + 1);
	} else if (n->type == YAML_MAPPING_NODE) {
		for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(y->doc, p->key);
			bool kz = k && k->type == YAML_SCALAR_NODE && k->data.scalar.length == 5 &&
			          memcmp(k->data.scalar.value, "zh-TW", 5) == 0;
			walk(y, yaml_document_get_node(y->doc, p->value), zh || kz, depth + 1);
		}
	}
}

void termcheck_doc(struct loader *L, const char *path, yaml_document_t *doc,
                   const char *buf, size_t len)
{
	if (!L->m->n_terms || (L->glossary_path && strcmp(path, L->glossary_path) == 0))
		return;
	struct yscan y = { L, path, buf, len, doc };
	walk(&y, yaml_document_get_root_node(doc), false, 0);
}

/* ---- chapters ---------------------------------------------------------------- */

/* Whether a Markdown line opens or closes a fenced code block. */
static bool fence(const char *line)
{
	int sp = 0;
	while (line[sp] == ' ' && sp < 3)
		sp++;
	return strncmp(line + sp, "```", 3) == 0 || strncmp(line + sp, "~~~", 3) == 0;
}

/* The line with its inline code spans blanked out (malloc'd), so words in
 * `code` are neither variants nor names. */
static char *prose(const char *line, size_t n)
{
	char *s = malloc(n + 1);
	if (!s)
		return NULL;
	memcpy(s, line, n);
	s[n] = '\0';
	bool code = false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '`') {
			code = !code;
			continue;
		}
		if (code)
			s[i] = ' ';
	}
	return s;
}

/* A code number standing on its own at p ("404", not "1404" or "v404"). */
static int code_at(const char *line, const char *p)
{
	if (p > line && (word_byte((unsigned char)p[-1]) || p[-1] == '.' || p[-1] == '/'))
		return 0;
	for (int i = 0; i < 3; i++)
		if (!isdigit((unsigned char)p[i]))
			return 0;
	if (word_byte((unsigned char)p[3]) || p[3] == '.')
		return 0;
	return (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
}

/* Length of the name of c that s starts with (its phrase or its en name,
 * the longer one), or 0. */
static size_t name_len(const struct code_entry *c, const char *s)
{
	const char *names[2] = { c->phrase, c->name.s[LANG_EN] };
	size_t best = 0;
	for (int i = 0; i < 2; i++) {
		size_t n = names[i] ? strlen(names[i]) : 0;
		if (n > best && strncmp(s, names[i], n) == 0 &&
		    !isalnum((unsigned char)s[n]))
			best = n;
	}
	return best;
}

/* "（名稱）" right after a code's name, when what is inside reads as a name:
 * Chinese only, no punctuation (not a citation such as "（RFC 7725）").
 * Returns its length and sets *at, or 0. */
static size_t gloss_name(const char *s, const char **at)
{
	while (*s == '`' || *s == '*')
		s++;
	if (strncmp(s, LPAREN, 3) != 0)
		return 0;
	const char *b = s + 3, *e = strstr(b, RPAREN);
	if (!e || e == b)
		return 0;
	for (const char *q = b; q < e; q++)
		if ((unsigned char)*q < 0x80)
			return 0;
	static const char *const punct[] = { "，", "、", "。", "；", "：", "「", "」" };
	for (size_t i = 0; i < sizeof punct / sizeof punct[0]; i++) {
		const char *hit = strstr(b, punct[i]);
		if (hit && hit < e)
			return 0;
	}
	*at = b;
	return (size_t)(e - b);
}

static void check_names(struct loader *L, const char *path, int lineno, const char *line,
                        enum lang lang)
{
	const struct model *m = L->m;
	for (const char *p = line; *p; p++) {
		int code = code_at(line, p);
		const struct code_entry *c = code ? model_code(m, code) : NULL;
		if (!c || p[3] != ' ')
			continue;
		const char *after = p + 4;
		size_t own = name_len(c, after);
		if (!own) {
			for (size_t i = 0; i < m->n_codes; i++) {
				const struct code_entry *o = &m->codes[i];
				size_t n = o != c ? name_len(o, after) : 0;
				if (n) {
					loader_err(L, path, lineno, "%d is followed by \"%.*s\", the name of %d; "
					           "%d is called \"%s\" on its card", code, (int)n, after, o->code,
					           code, c->phrase);
					break;
				}
			}
			continue;
		}
		const char *g = NULL;
		size_t gl = lang == LANG_ZH ? gloss_name(after + own, &g) : 0;
		const char *card = c->name.s[LANG_ZH];
		if (gl && card && (strlen(card) != gl || strncmp(g, card, gl) != 0))
			loader_err(L, path, lineno, "the chapter calls %d \"%.*s\"; its card's zh-TW name is "
			           "\"%s\" (use one name)", code, (int)gl, g, card);
	}
}

static void scan_chapter(struct loader *L, const char *path, const char *md, enum lang lang)
{
	const struct model *m = L->m;
	bool in_code = false;
	int lineno = 0;
	for (const char *p = md; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		lineno++;
		if (fence(p)) {
			in_code = !in_code;
		} else if (!in_code) {
			char *s = prose(p, n);
			if (!s) {
				loader_oom(L);
				return;
			}
			if (lang == LANG_ZH)
				for (size_t i = 0; i < m->n_terms; i++)
					for (size_t k = 0; k < m->terms[i].n_avoid; k++)
						if (find_variant(s, m->terms[i].avoid[k], &m->terms[i]))
							report_variant(L, path, lineno, m->terms[i].avoid[k], &m->terms[i]);
			check_names(L, path, lineno, s, lang);
			free(s);
		}
		p += n + (nl ? 1 : 0);
	}
}

void termcheck_chapters(struct loader *L)
{
	const struct model *m = L->m;
	for (size_t i = 0; i < m->n_chapters; i++)
		for (int l = 0; l < LANG_COUNT; l++)
			if (m->chapters[i].markdown[l] && m->chapters[i].path[l])
				scan_chapter(L, m->chapters[i].path[l], m->chapters[i].markdown[l], (enum lang)l);
}
