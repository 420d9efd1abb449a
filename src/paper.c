/* paper.c — exam papers: quiz questions → stored items (texts as JSON, with
 * jansson), and stored items → questions for one attempt. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "paper.h"

static const char *const lang_keys[LANG_COUNT] = { "en", "zh-TW" };

/* {"en": …, "zh-TW": …}; NULL when out of memory. */
static json_t *ltext_json(const struct ltext *t)
{
	json_t *o = json_object();
	for (int l = 0; o && l < LANG_COUNT; l++)
		if (json_object_set_new(o, lang_keys[l], json_string(t->s[l] ? t->s[l] : "")) != 0) {
			json_decref(o);
			return NULL;
		}
	return o;
}

/* [{"code": N, "en": …, "zh-TW": …}, …] appended to arr; false when out of memory. */
static bool whynot_json(const struct whynot *w, size_t n, json_t *arr)
{
	for (size_t i = 0; i < n; i++) {
		json_t *x = ltext_json(&w[i].text);
		if (!x || json_object_set_new(x, "code", json_integer(w[i].code)) ||
		    json_array_append_new(arr, x))
			return false;
	}
	return true;
}

/* The texts a learner reads for q, as a JSON object. */
static char *body_json(const struct question *q)
{
	const struct scenario *sc = q->sc;
	json_t *o = json_object(), *wn = json_array(), *al = json_array();
	char *out = NULL;

	if (!o || !wn || !al)
		goto out;
	if (sc) {
		if (json_object_set_new(o, "situation", ltext_json(&sc->situation)) ||
		    json_object_set_new(o, "why", ltext_json(&sc->why)) ||
		    json_object_set_new(o, "anchor", sc->anchor ? json_string(sc->anchor) : json_null()))
			goto out;
		if (sc->header && (json_object_set_new(o, "header", json_string(sc->header)) ||
		                   json_object_set_new(o, "header_why", ltext_json(&sc->header_why))))
			goto out;
		if (!whynot_json(sc->whynot, sc->n_whynot, wn) || json_object_set(o, "whynot", wn) ||
		    !whynot_json(sc->also, sc->n_also, al) || json_object_set(o, "also", al))
			goto out;
	}
	out = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
out:
	json_decref(al);
	json_decref(wn);
	json_decref(o);
	return out;
}

void paper_items_free(struct exam_item *q, size_t n)
{
	for (size_t i = 0; q && i < n; i++) {
		free(q[i].choices);
		free(q[i].expected);
		free(q[i].also);
		free(q[i].body);
	}
	free(q);
}

bool paper_items(const struct quiz *qz, struct exam_item **out, size_t *n)
{
	struct exam_item *v = calloc(qz->n ? qz->n : 1, sizeof *v);
	char buf[512];

	*out = NULL;
	*n = 0;
	if (!v)
		return false;
	for (size_t i = 0; i < qz->n; i++) {
		const struct question *q = &qz->q[i];
		v[i].pos = (int)i;
		snprintf(v[i].item, sizeof v[i].item, "%s", q->item);
		snprintf(v[i].qtype, sizeof v[i].qtype, "%s", quiz_type_name(q->type));
		v[i].code = q->code->code;
		quiz_shown_str(q, buf, sizeof buf);
		v[i].choices = strdup(buf);
		quiz_right_str(q, buf, sizeof buf);
		v[i].expected = strdup(buf);
		/* Codes the scenario also accepts count for pick and type questions. */
		size_t len = 0;
		buf[0] = '\0';
		for (size_t k = 0; q->sc && (q->type == Q_PICK || q->type == Q_TYPE) &&
		     k < q->sc->n_also && len < sizeof buf; k++)
			len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%d", k ? "," : "",
			                        q->sc->also[k].code);
		v[i].also = strdup(buf);
		v[i].body = body_json(q);
		if (!v[i].choices || !v[i].expected || !v[i].also || !v[i].body) {
			paper_items_free(v, i + 1);
			return false;
		}
	}
	*out = v;
	*n = qz->n;
	return true;
}

/* ---- rebuilding ------------------------------------------------------------ */

/* Keep s (a copy) alive as long as the view; NULL when out of memory. */
static char *own(struct paper_view *v, const char *s)
{
	char **nv = realloc(v->strings, (v->n_strings + 1) * sizeof *nv);
	char *c = strdup(s ? s : "");
	if (!nv || !c) {
		if (nv)
			v->strings = nv;
		free(c);
		return NULL;
	}
	v->strings = nv;
	v->strings[v->n_strings++] = c;
	return c;
}

static bool ltext_from(struct paper_view *v, json_t *o, struct ltext *t)
{
	for (int l = 0; l < LANG_COUNT; l++) {
		json_t *s = o ? json_object_get(o, lang_keys[l]) : NULL;
		if (!(t->s[l] = own(v, json_is_string(s) ? json_string_value(s) : "")))
			return false;
	}
	return true;
}

/* A stored whynot/also list back into structs (owned by the view). */
static bool whynot_from(struct paper_view *v, json_t *arr, struct whynot **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!json_is_array(arr) || !json_array_size(arr))
		return true;
	if (!(*out = calloc(json_array_size(arr), sizeof **out)))
		return false;
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *w = json_array_get(arr, i), *code = json_object_get(w, "code");
		if (!json_is_integer(code))
			continue;
		struct whynot *x = &(*out)[(*n)++];
		x->code = (int)json_integer_value(code);
		if (!ltext_from(v, w, &x->text))
			return false;
	}
	return true;
}

/* The scenario texts of a stored question. */
static bool scenario_from(struct paper_view *v, const struct exam_item *it,
                          struct scenario *sc, char *err, size_t errsz)
{
	json_error_t je;
	json_t *o = json_loads(it->body, 0, &je), *h, *a;
	bool ok = false;

	if (!json_is_object(o)) {
		snprintf(err, errsz, tr(MSG_PAPER_DAMAGED), it->pos + 1, je.text);
		goto out;
	}
	sc->answer = it->code;
	a = json_object_get(o, "anchor");
	h = json_object_get(o, "header");
	if (!(sc->id = own(v, it->item)) ||
	    !ltext_from(v, json_object_get(o, "situation"), &sc->situation) ||
	    !ltext_from(v, json_object_get(o, "why"), &sc->why) ||
	    !ltext_from(v, json_object_get(o, "header_why"), &sc->header_why) ||
	    (json_is_string(a) && !(sc->anchor = own(v, json_string_value(a)))) ||
	    (json_is_string(h) && !(sc->header = own(v, json_string_value(h)))))
		goto oom;
	if (!whynot_from(v, json_object_get(o, "whynot"), &sc->whynot, &sc->n_whynot) ||
	    !whynot_from(v, json_object_get(o, "also"), &sc->also, &sc->n_also))
		goto oom;
	ok = true;
	goto out;
oom:
	snprintf(err, errsz, "%s", tr(MSG_ERR_OOM));
out:
	json_decref(o);
	return ok;
}

/* Split "a,b,c" into at most QUIZ_CHOICES strings; returns how many. */
static int split_choices(struct paper_view *v, const char *s, const char **out, bool *oom)
{
	int n = 0;
	*oom = false;
	while (*s && n < QUIZ_CHOICES) {
		size_t k = strcspn(s, ",");
		char buf[128];
		snprintf(buf, sizeof buf, "%.*s", (int)(k < sizeof buf ? k : sizeof buf - 1), s);
		if (!(out[n++] = own(v, buf))) {
			*oom = true;
			return n;
		}
		s += k + (s[k] == ',');
	}
	return n;
}

/* A question as the paper has it.  sealed: the class server held back the
 * right answer (and, for pick and type questions, the code it is about):
 * q->right is -1 and q->code NULL for those until the paper comes whole. */
static bool question_from(const struct model *m, struct paper_view *v,
                          const struct exam_item *it, struct scenario *sc, bool sealed,
                          struct question *q, char *err, size_t errsz)
{
	const char *ch[QUIZ_CHOICES] = { 0 };
	enum qtype t;
	bool oom;

	memset(q, 0, sizeof *q);
	bool no_code = sealed && it->code == 0 && quiz_type_parse(it->qtype, &t) &&
	               (t == Q_PICK || t == Q_TYPE);
	if (!quiz_type_parse(it->qtype, &t) || (!no_code && !(q->code = model_code(m, it->code)))) {
		snprintf(err, errsz, tr(MSG_PAPER_NOT_IN_CONTENT), it->pos + 1, it->qtype, it->code);
		return false;
	}
	q->type = t;
	q->right = -1;
	snprintf(q->item, sizeof q->item, "%s", it->item);
	if (t != Q_MEANING) {
		if (!scenario_from(v, it, sc, err, errsz))
			return false;
		q->sc = sc;
	}
	if (t == Q_TYPE)
		return true;
	int n = split_choices(v, it->choices, ch, &oom);
	if (oom) {
		snprintf(err, errsz, "%s", tr(MSG_ERR_OOM));
		return false;
	}
	q->n_choices = n;
	for (int i = 0; i < n; i++) {
		if (t == Q_HEADER) {
			q->choice_header[i] = ch[i];
			if (!strcasecmp(ch[i], it->expected))
				q->right = i;
		} else {
			q->choice_code[i] = atoi(ch[i]);
			if (q->choice_code[i] == it->code)
				q->right = i;
		}
	}
	if (n != QUIZ_CHOICES || (q->right < 0 && !sealed)) {
		snprintf(err, errsz, tr(MSG_PAPER_BAD_CHOICES), it->pos + 1, it->choices);
		return false;
	}
	return true;
}

/* Fisher–Yates with the engine's generator, so a seed gives one order everywhere. */
static void shuffle_question(struct rng *r, struct question *q)
{
	for (int i = q->n_choices; i > 1; i--) {
		int j = (int)rng_below(r, (uint32_t)i);
		int c = q->choice_code[i - 1];
		const char *h = q->choice_header[i - 1];
		q->choice_code[i - 1] = q->choice_code[j];
		q->choice_header[i - 1] = q->choice_header[j];
		q->choice_code[j] = c;
		q->choice_header[j] = h;
		if (q->right == i - 1)
			q->right = j;
		else if (q->right == j)
			q->right = i - 1;
	}
}

bool paper_view(const struct model *m, const struct exam_paper *p, bool shuffle,
                uint64_t seed, struct paper_view *out, char *err, size_t errsz)
{
	struct question *qs = NULL;
	struct rng r;

	memset(out, 0, sizeof *out);
	if (!p->n) {
		snprintf(err, errsz, tr(MSG_PAPER_EMPTY), p->info.name);
		return false;
	}
	qs = calloc(p->n, sizeof *qs);
	out->order = calloc(p->n, sizeof *out->order);
	out->sc = calloc(p->n, sizeof *out->sc);
	if (!qs || !out->order || !out->sc) {
		free(qs);
		snprintf(err, errsz, "%s", tr(MSG_ERR_OOM));
		goto fail;
	}
	out->qz.q = qs;
	for (size_t i = 0; i < p->n; i++) {
		out->order[i] = (int)i;
		if (!question_from(m, out, &p->q[i], &out->sc[i], p->sealed, &qs[i], err, errsz))
			goto fail;
	}
	out->qz.n = p->n;
	if (!shuffle)
		return true;
	rng_seed(&r, seed);
	for (size_t i = p->n; i > 1; i--) {
		size_t j = rng_below(&r, (uint32_t)i);
		struct question t = qs[i - 1];
		int o = out->order[i - 1];
		qs[i - 1] = qs[j];
		out->order[i - 1] = out->order[j];
		qs[j] = t;
		out->order[j] = o;
	}
	for (size_t i = 0; i < p->n; i++)
		shuffle_question(&r, &qs[i]);
	return true;
fail:
	out->qz.n = p->n;
	paper_view_free(out);
	return false;
}

void paper_view_free(struct paper_view *v)
{
	for (size_t i = 0; v->sc && i < v->qz.n; i++) {
		free(v->sc[i].whynot);
		free(v->sc[i].also);
	}
	for (size_t i = 0; i < v->n_strings; i++)
		free(v->strings[i]);
	free(v->strings);
	free(v->sc);
	free(v->order);
	free(v->qz.q);
	memset(v, 0, sizeof *v);
}

int paper_shown_index(const struct paper_view *v, int pos)
{
	for (size_t i = 0; i < v->qz.n; i++)
		if (v->order[i] == pos)
			return (int)i;
	return -1;
}

bool paper_given(const struct question *q, const char *text, int *given)
{
	if (!text)
		return false;
	if (q->type == Q_HEADER) {
		for (int i = 0; i < q->n_choices; i++)
			if (!strcasecmp(q->choice_header[i], text)) {
				*given = i;
				return true;
			}
		return false;
	}
	*given = atoi(text);
	return *given >= 100 && *given <= 599;
}

void paper_filters(const struct quiz_opts *o, char *buf, size_t n)
{
	size_t len = 0;
	buf[0] = '\0';
	if (o->klass)
		len += (size_t)snprintf(buf + len, n - len, " --class %dxx", o->klass);
	if (o->chapter && len < n)
		len += (size_t)snprintf(buf + len, n - len, " --chapter %s", o->chapter);
	if (o->types && (o->types & QTYPE_ALL) != QTYPE_ALL && len < n) {
		len += (size_t)snprintf(buf + len, n - len, " --type");
		for (int t = 0, first = 1; t < Q_NTYPES && len < n; t++)
			if (o->types & (1u << t)) {
				len += (size_t)snprintf(buf + len, n - len, "%s%s", first ? " " : ",",
				                        quiz_type_name((enum qtype)t));
				first = 0;
			}
	}
	if (o->unofficial && len < n)
		len += (size_t)snprintf(buf + len, n - len, " --all");
	if (buf[0] == ' ')
		memmove(buf, buf + 1, strlen(buf));
}

bool paper_filters_parse(const char *text, struct quiz_opts *o, char *buf, size_t n)
{
	char *save, *w;

	if (strlen(text) >= n)
		return false;
	snprintf(buf, n, "%s", text);
	o->klass = 0;
	o->chapter = NULL;
	o->types = 0;
	o->unofficial = false;
	for (w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		if (!strcmp(w, "--all")) {
			o->unofficial = true;
			continue;
		}
		char *v = strtok_r(NULL, " ", &save);
		if (!v)
			return false;
		if (!strcmp(w, "--class") && v[0] >= '1' && v[0] <= '5' && !strcmp(v + 1, "xx")) {
			o->klass = v[0] - '0';
		} else if (!strcmp(w, "--chapter")) {
			o->chapter = v;
		} else if (!strcmp(w, "--type")) {
			char *s2, *t;
			for (t = strtok_r(v, ",", &s2); t; t = strtok_r(NULL, ",", &s2)) {
				enum qtype q;
				if (!quiz_type_parse(t, &q))
					return false;
				o->types |= 1u << q;
			}
		} else {
			return false;
		}
	}
	return true;
}

void paper_cmd(const char *sub, const struct quiz_opts *o, int minutes, char *buf, size_t n)
{
	char f[160];
	size_t used;
	paper_filters(o, f, sizeof f);
	snprintf(buf, n, "httptutor %s --seed %llu --count %d", sub, (unsigned long long)o->seed,
	         o->count);
	used = strlen(buf);
	if (minutes && used < n)
		used += (size_t)snprintf(buf + used, n - used, " --minutes %d", minutes);
	if (f[0] && used < n)
		snprintf(buf + used, n - used, " %s", f);
}
