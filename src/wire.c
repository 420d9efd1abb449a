/* wire.c — the store's structs as JSON and back (see wire.h). */
#include "wire.h"
#include "out.h"
#include "paper.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- field tables -------------------------------------------------------------- */

enum wtype {
	W_INT,          /* int */
	W_I64,          /* int64_t */
	W_U64,          /* uint64_t, as a decimal string (JSON numbers stop at 2^53) */
	W_BOOL,         /* bool */
	W_CHARS,        /* char[size] */
	W_STR,          /* char *, owned */
	W_ENUM,         /* an enum (int-sized), written as one of names[] */
};

struct wfield {
	const char *name;
	enum wtype type;
	size_t off, size;
	const char *const *names;   /* W_ENUM */
	int n_names;
};

#define F(T, m, t) { #m, t, offsetof(T, m), sizeof(((T *)0)->m), NULL, 0 }
#define E(T, m, names) { #m, W_ENUM, offsetof(T, m), sizeof(((T *)0)->m), names, \
                         (int)(sizeof names / sizeof names[0]) }
#define NF(tab) (sizeof tab / sizeof tab[0])

static const struct wfield leitner_f[] = {
	F(struct leitner, item, W_CHARS), F(struct leitner, box, W_INT),
	F(struct leitner, due, W_I64), F(struct leitner, last, W_I64),
	F(struct leitner, last_wrong, W_I64), F(struct leitner, seen, W_INT),
	F(struct leitner, wrong, W_INT),
};
static const struct wfield mistake_f[] = {
	F(struct mistake, item, W_CHARS), F(struct mistake, given, W_CHARS),
	F(struct mistake, expected, W_CHARS), F(struct mistake, times, W_INT),
	F(struct mistake, last, W_I64), F(struct mistake, fixed, W_BOOL),
};
static const struct wfield history_f[] = {
	F(struct attempt, qtype, W_CHARS), F(struct attempt, given, W_CHARS),
	F(struct attempt, expected, W_CHARS), F(struct attempt, correct, W_BOOL),
	F(struct attempt, at, W_I64),
};
static const struct wfield day_f[] = {
	F(struct day_stat, day, W_I64), F(struct day_stat, answers, W_INT),
	F(struct day_stat, correct, W_INT),
};
static const struct wfield group_f[] = {
	F(struct group_stat, key, W_INT), F(struct group_stat, answers, W_INT),
	F(struct group_stat, correct, W_INT),
};
static const struct wfield progress_f[] = {
	F(struct progress, answers, W_INT), F(struct progress, correct, W_INT),
	F(struct progress, streak, W_INT), F(struct progress, due, W_INT),
	F(struct progress, chapters_opened, W_INT),
};
static const struct wfield confusion_f[] = {
	F(struct confusion_item, item, W_CHARS), F(struct confusion_item, expected, W_INT),
	F(struct confusion_item, given, W_INT), F(struct confusion_item, times, W_INT),
	F(struct confusion_item, last, W_I64),
};
static const struct wfield cell_f[] = {
	F(struct code_cell, expected, W_INT), F(struct code_cell, given, W_INT),
	F(struct code_cell, count, W_INT), F(struct code_cell, recent, W_INT),
	F(struct code_cell, last, W_I64),
};
static const char *const kind_names[] = { "set", "practice" };
static const char *const feedback_names[] = { "end", "closed", "never" };
static const struct wfield info_f[] = {
	F(struct exam_info, name, W_CHARS), E(struct exam_info, kind, kind_names),
	F(struct exam_info, count, W_INT), F(struct exam_info, minutes, W_INT),
	F(struct exam_info, attempts, W_INT), E(struct exam_info, feedback, feedback_names),
	F(struct exam_info, shuffle, W_BOOL), F(struct exam_info, created_at, W_I64),
	F(struct exam_info, closes_at, W_I64), F(struct exam_info, closed_at, W_I64),
	F(struct exam_info, filters, W_CHARS), F(struct exam_info, created_by, W_CHARS),
	F(struct exam_info, content_version, W_CHARS), F(struct exam_info, uid, W_I64),
	F(struct exam_info, started, W_INT),
	F(struct exam_info, finished, W_INT), F(struct exam_info, in_progress, W_INT),
};
static const struct wfield item_f[] = {
	F(struct exam_item, pos, W_INT), F(struct exam_item, item, W_CHARS),
	F(struct exam_item, qtype, W_CHARS), F(struct exam_item, code, W_INT),
	F(struct exam_item, choices, W_STR), F(struct exam_item, expected, W_STR),
	F(struct exam_item, also, W_STR),
};
static const char *const state_names[] = { "open", "finished", "time", "closed" };
static const struct wfield attempt_f[] = {
	F(struct exam_attempt, id, W_I64), F(struct exam_attempt, number, W_INT),
	F(struct exam_attempt, shuffle_seed, W_U64), F(struct exam_attempt, started_at, W_I64),
	F(struct exam_attempt, deadline_at, W_I64), F(struct exam_attempt, ends_at, W_I64),
	F(struct exam_attempt, ended_at, W_I64), E(struct exam_attempt, state, state_names),
	F(struct exam_attempt, answered, W_INT), F(struct exam_attempt, score, W_INT),
	F(struct exam_attempt, score_known, W_BOOL), F(struct exam_attempt, released, W_BOOL),
	F(struct exam_attempt, ran_out, W_BOOL), F(struct exam_attempt, attempts_used, W_INT),
	F(struct exam_attempt, attempts_left, W_INT), F(struct exam_attempt, uid, W_I64),
	F(struct exam_attempt, foreign, W_INT),
};
static const struct wfield hidden_f[] = {
	F(struct exam_item_id, item, W_CHARS),
};

/* Copy at most n-1 bytes of src without cutting a UTF-8 character. */
static void copy(char *dst, size_t n, const char *src)
{
	size_t len = strlen(src);
	if (len >= n) {
		len = n - 1;
		while (len > 0 && ((unsigned char)src[len] & 0xc0) == 0x80)
			len--;
	}
	memcpy(dst, src, len);
	dst[len] = '\0';
}

/* A JSON string for s; text from the database is made valid UTF-8 first. */
static json_t *str_json(const char *s)
{
	json_t *j = json_string(s ? s : "");
	return j ? j : out_json_str(s);
}

static bool put(json_t *o, const char *k, json_t *v)
{
	return v && json_object_set_new(o, k, v) == 0;
}

static json_t *obj_out(const void *p, const struct wfield *f, size_t nf)
{
	json_t *o = json_object();
	const char *b = p;

	for (size_t i = 0; o && i < nf; i++) {
		const void *v = b + f[i].off;
		json_t *j = NULL;
		char num[24];
		switch (f[i].type) {
		case W_INT: j = json_integer(*(const int *)v); break;
		case W_I64: j = json_integer((json_int_t)*(const int64_t *)v); break;
		case W_U64:
			snprintf(num, sizeof num, "%" PRIu64, *(const uint64_t *)v);
			j = json_string(num);
			break;
		case W_BOOL: j = json_boolean(*(const bool *)v); break;
		case W_CHARS: j = str_json((const char *)v); break;
		case W_STR: j = str_json(*(char *const *)v); break;
		case W_ENUM: {
			int e = *(const int *)v;
			j = json_string(e >= 0 && e < f[i].n_names ? f[i].names[e] : "?");
			break;
		}
		}
		if (!put(o, f[i].name, j)) {
			json_decref(o);
			return NULL;
		}
	}
	return o;
}

static bool fail(char *err, size_t errsz, const char *what, const char *name)
{
	snprintf(err, errsz, "the server's reply has %s %s", what, name);
	return false;
}

/* Fill p from object o; a missing field is an error.  W_STR fields are
 * strdup'd (the caller frees them, also after a failure). */
static bool obj_in(json_t *o, void *p, const struct wfield *f, size_t nf, char *err, size_t errsz)
{
	char *b = p;

	if (!json_is_object(o))
		return fail(err, errsz, "no object for", f[0].name);
	for (size_t i = 0; i < nf; i++) {
		json_t *j = json_object_get(o, f[i].name);
		void *v = b + f[i].off;
		if (!j)
			return fail(err, errsz, "no field", f[i].name);
		switch (f[i].type) {
		case W_INT:
		case W_I64:
			if (!json_is_integer(j))
				return fail(err, errsz, "a non-number in", f[i].name);
			if (f[i].type == W_INT)
				*(int *)v = (int)json_integer_value(j);
			else
				*(int64_t *)v = (int64_t)json_integer_value(j);
			break;
		case W_U64: {
			char *end;
			const char *s = json_string_value(j);
			if (!s || !*s)
				return fail(err, errsz, "a bad number in", f[i].name);
			*(uint64_t *)v = strtoull(s, &end, 10);
			if (*end)
				return fail(err, errsz, "a bad number in", f[i].name);
			break;
		}
		case W_BOOL:
			if (!json_is_boolean(j))
				return fail(err, errsz, "a non-boolean in", f[i].name);
			*(bool *)v = json_is_true(j);
			break;
		case W_CHARS:
			if (!json_is_string(j))
				return fail(err, errsz, "a non-string in", f[i].name);
			copy((char *)v, f[i].size, json_string_value(j));
			break;
		case W_STR:
			if (!json_is_string(j))
				return fail(err, errsz, "a non-string in", f[i].name);
			if (!(*(char **)v = strdup(json_string_value(j))))
				return fail(err, errsz, "no memory for", f[i].name);
			break;
		case W_ENUM: {
			const char *s = json_string_value(j);
			int k = 0;
			while (s && k < f[i].n_names && strcmp(s, f[i].names[k]))
				k++;
			if (!s || k == f[i].n_names)
				return fail(err, errsz, "an unknown value in", f[i].name);
			*(int *)v = k;
			break;
		}
		}
	}
	return true;
}

static json_t *arr_out(const void *v, size_t n, size_t size, const struct wfield *f, size_t nf)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < n; i++)
		if (json_array_append_new(a, obj_out((const char *)v + i * size, f, nf)) != 0) {
			json_decref(a);
			return NULL;
		}
	return a;
}

/* A malloc'd array of n elements of size from JSON array j (zeroed first). */
static bool arr_in(json_t *j, void **out, size_t *n, size_t size, const struct wfield *f,
                   size_t nf, char *err, size_t errsz)
{
	size_t len = json_array_size(j);
	char *v;

	*out = NULL;
	*n = 0;
	if (!json_is_array(j))
		return fail(err, errsz, "no list of", f[0].name);
	if (!(v = calloc(len ? len : 1, size)))
		return fail(err, errsz, "no memory for", f[0].name);
	for (size_t i = 0; i < len; i++)
		if (!obj_in(json_array_get(j, i), v + i * size, f, nf, err, errsz)) {
			*out = v;
			*n = i + 1;     /* the caller frees what was filled */
			return false;
		}
	*out = v;
	*n = len;
	return true;
}

/* arr_in for structs without owned strings: freed here on failure. */
static bool plain_in(json_t *j, void **out, size_t *n, size_t size, const struct wfield *f,
                     size_t nf, char *err, size_t errsz)
{
	if (arr_in(j, out, n, size, f, nf, err, errsz))
		return true;
	free(*out);
	*out = NULL;
	*n = 0;
	return false;
}

/* ---- the learner's own data ------------------------------------------------------ */

/* A list of plain structs of type T both ways, by its field table. */
#define WIRE_LIST(name, T, fields)                                                     \
	json_t *wire_##name(const T *v, size_t n)                                      \
	{                                                                              \
		return arr_out(v, n, sizeof *v, fields, NF(fields));                   \
	}                                                                              \
	bool wire_read_##name(json_t *j, T **out, size_t *n, char *err, size_t errsz)  \
	{                                                                              \
		return plain_in(j, (void **)out, n, sizeof **out, fields, NF(fields),  \
		                err, errsz);                                           \
	}
WIRE_LIST(states, struct leitner, leitner_f)
WIRE_LIST(mistakes, struct mistake, mistake_f)
WIRE_LIST(history, struct attempt, history_f)
WIRE_LIST(confusions, struct confusion_item, confusion_f)
WIRE_LIST(matrix, struct code_cell, cell_f)
WIRE_LIST(hidden, struct exam_item_id, hidden_f)

json_t *wire_progress(const struct progress *p)
{
	json_t *o = obj_out(p, progress_f, NF(progress_f));
	if (!o || !put(o, "days", arr_out(p->days, 14, sizeof p->days[0], day_f, NF(day_f))) ||
	    !put(o, "classes", arr_out(p->klass, 5, sizeof p->klass[0], group_f, NF(group_f))) ||
	    !put(o, "codes", arr_out(p->codes, p->n_codes, sizeof *p->codes, group_f, NF(group_f)))) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* A fixed-length array field of the progress (days, classes). */
static bool fixed_in(json_t *j, void *dst, size_t want, size_t size, const struct wfield *f,
                     size_t nf, char *err, size_t errsz)
{
	void *v;
	size_t n;
	if (!plain_in(j, &v, &n, size, f, nf, err, errsz))
		return false;
	if (n != want) {
		free(v);
		return fail(err, errsz, "a wrong number of", f[0].name);
	}
	memcpy(dst, v, want * size);
	free(v);
	return true;
}

bool wire_read_progress(json_t *j, struct progress *p, char *err, size_t errsz)
{
	void *codes;
	memset(p, 0, sizeof *p);
	if (!obj_in(j, p, progress_f, NF(progress_f), err, errsz) ||
	    !fixed_in(json_object_get(j, "days"), p->days, 14, sizeof p->days[0], day_f,
	              NF(day_f), err, errsz) ||
	    !fixed_in(json_object_get(j, "classes"), p->klass, 5, sizeof p->klass[0], group_f,
	              NF(group_f), err, errsz) ||
	    !plain_in(json_object_get(j, "codes"), &codes, &p->n_codes, sizeof *p->codes,
	              group_f, NF(group_f), err, errsz))
		return false;
	p->codes = codes;
	return true;
}

/* ---- exams ------------------------------------------------------------------------ */

json_t *wire_exam_info(const struct exam_info *e)
{
	return obj_out(e, info_f, NF(info_f));
}

bool wire_read_exam_info(json_t *j, struct exam_info *e, char *err, size_t errsz)
{
	memset(e, 0, sizeof *e);
	return obj_in(j, e, info_f, NF(info_f), err, errsz);
}

json_t *wire_exam_list(const struct exam_info *v, size_t n)
{
	return arr_out(v, n, sizeof *v, info_f, NF(info_f));
}

bool wire_read_exam_list(json_t *j, struct exam_info **out, size_t *n, char *err, size_t errsz)
{
	return plain_in(j, (void **)out, n, sizeof **out, info_f, NF(info_f), err, errsz);
}

/* The body of an item (stored as JSON text) as a JSON value; sealed keeps
 * only what a learner reads before answering. */
static json_t *body_out(const char *body, bool sealed)
{
	json_t *b = json_loads(body && *body ? body : "{}", 0, NULL);
	if (!json_is_object(b)) {
		json_decref(b);
		return json_object();
	}
	if (sealed) {
		/* The situation only: a scenario's header is the one that goes
		 * with its right code (Upgrade means 101), and a header
		 * question's answer; nothing on screen needs it before then. */
		json_t *o = json_object(), *v = json_object_get(b, "situation");
		if (o && v && json_object_set(o, "situation", v) != 0) {
			json_decref(o);
			o = NULL;
		}
		json_decref(b);
		return o;
	}
	return b;
}

static json_t *items_out(const struct exam_item *q, size_t n, bool sealed)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < n; i++) {
		struct exam_item x = q[i];
		/* Sealed: the answer is not sent, nor the code a pick or type
		 * question is about (it is the answer). */
		if (sealed) {
			x.expected = "";
			x.also = "";
			if (!strcmp(x.qtype, "pick") || !strcmp(x.qtype, "type"))
				x.code = 0;
		}
		json_t *o = obj_out(&x, item_f, NF(item_f));
		if (!o || !put(o, "body", body_out(q[i].body, sealed)) ||
		    json_array_append_new(a, o) != 0) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

json_t *wire_items(const struct exam_item *q, size_t n)
{
	return items_out(q, n, false);
}

bool wire_read_items(json_t *j, struct exam_item **out, size_t *n, char *err, size_t errsz)
{
	void *v;
	if (!arr_in(j, &v, n, sizeof **out, item_f, NF(item_f), err, errsz)) {
		paper_items_free(v, *n);
		*out = NULL;
		*n = 0;
		return false;
	}
	*out = v;
	for (size_t i = 0; i < *n; i++) {
		json_t *b = json_object_get(json_array_get(j, i), "body");
		if (!json_is_object(b) || !((*out)[i].body = json_dumps(b, JSON_COMPACT | JSON_SORT_KEYS))) {
			paper_items_free(*out, *n);
			*out = NULL;
			*n = 0;
			return fail(err, errsz, "a bad", "body");
		}
	}
	return true;
}

json_t *wire_paper(const struct exam_paper *p, bool sealed)
{
	json_t *o = json_object();
	if (!o || !put(o, "exam", wire_exam_info(&p->info)) ||
	    !put(o, "sealed", json_boolean(sealed)) ||
	    !put(o, "questions", items_out(p->q, p->n, sealed))) {
		json_decref(o);
		return NULL;
	}
	return o;
}

bool wire_read_paper(json_t *j, struct exam_paper *p, char *err, size_t errsz)
{
	memset(p, 0, sizeof *p);
	if (!wire_read_exam_info(json_object_get(j, "exam"), &p->info, err, errsz) ||
	    !wire_read_items(json_object_get(j, "questions"), &p->q, &p->n, err, errsz))
		return false;
	p->sealed = json_is_true(json_object_get(j, "sealed"));
	return true;
}

json_t *wire_attempt(const struct exam_attempt *a)
{
	json_t *o = obj_out(a, attempt_f, NF(attempt_f)), *g = json_array(), *r = NULL;

	if (a->right)
		r = json_array();
	for (size_t i = 0; g && i < a->n; i++)
		if (json_array_append_new(g, a->given && a->given[i] ? str_json(a->given[i])
		                                                     : json_null()) != 0) {
			json_decref(g);
			g = NULL;
		}
	for (size_t i = 0; r && i < a->n; i++)
		if (json_array_append_new(r, json_boolean(a->right[i])) != 0) {
			json_decref(r);
			r = NULL;
		}
	if (!o || !put(o, "given", g) || !put(o, "right", a->right ? r : json_null())) {
		if (!a->right)
			json_decref(r);
		json_decref(o);
		return NULL;
	}
	return o;
}

bool wire_read_attempt(json_t *j, struct exam_attempt *a, char *err, size_t errsz)
{
	json_t *g = json_object_get(j, "given"), *r = json_object_get(j, "right");

	memset(a, 0, sizeof *a);
	if (!obj_in(j, a, attempt_f, NF(attempt_f), err, errsz))
		return false;
	if (!json_is_array(g) || (!json_is_null(r) && json_array_size(r) != json_array_size(g)))
		return fail(err, errsz, "bad answers in", "the attempt");
	a->n = json_array_size(g);
	a->given = calloc(a->n ? a->n : 1, sizeof *a->given);
	if (json_is_array(r))
		a->right = calloc(a->n ? a->n : 1, sizeof *a->right);
	if (!a->given || (json_is_array(r) && !a->right)) {
		store_exam_attempt_free(a);
		return fail(err, errsz, "no memory for", "the attempt");
	}
	for (size_t i = 0; i < a->n; i++) {
		json_t *x = json_array_get(g, i);
		if (json_is_string(x) && !(a->given[i] = strdup(json_string_value(x)))) {
			store_exam_attempt_free(a);
			return fail(err, errsz, "no memory for", "the attempt");
		}
		if (a->right)
			a->right[i] = json_is_true(json_array_get(r, i));
	}
	return true;
}

json_t *wire_results(const struct exam_results *r)
{
	json_t *o = json_object(), *a = json_array();
	for (size_t i = 0; a && i < r->n; i++) {
		json_t *x = wire_attempt(&r->r[i].a);
		if (!x || !put(x, "user", str_json(r->r[i].name)) || json_array_append_new(a, x)) {
			json_decref(a);
			a = NULL;
		}
	}
	if (!o || !put(o, "paper", wire_paper(&r->paper, false)) || !put(o, "attempts", a)) {
		json_decref(o);
		return NULL;
	}
	return o;
}

bool wire_read_results(json_t *j, struct exam_results *r, char *err, size_t errsz)
{
	json_t *a = json_object_get(j, "attempts");

	memset(r, 0, sizeof *r);
	if (!wire_read_paper(json_object_get(j, "paper"), &r->paper, err, errsz))
		goto fail;
	if (!json_is_array(a)) {
		fail(err, errsz, "no list of", "attempts");
		goto fail;
	}
	if (!(r->r = calloc(json_array_size(a) ? json_array_size(a) : 1, sizeof *r->r))) {
		fail(err, errsz, "no memory for", "attempts");
		goto fail;
	}
	for (size_t i = 0; i < json_array_size(a); i++) {
		json_t *x = json_array_get(a, i);
		const char *user = json_string_value(json_object_get(x, "user"));
		if (!user) {
			fail(err, errsz, "no field", "user");
			goto fail;
		}
		if (!wire_read_attempt(x, &r->r[i].a, err, errsz))
			goto fail;
		r->n = i + 1;
		if (!(r->r[i].name = strdup(user))) {
			fail(err, errsz, "no memory for", "attempts");
			goto fail;
		}
	}
	return true;
fail:
	store_exam_results_free(r);
	return false;
}

/* ---- exam_rc ------------------------------------------------------------------------ */

static const struct { enum exam_rc rc; int status; const char *type; } rc_map[] = {
	{ EXAM_OK, 200, NULL },
	{ EXAM_ERR, 500, "/problems/database" },
	{ EXAM_NOT_FOUND, 404, "/problems/not-found" },
	{ EXAM_EXISTS, 409, "/problems/exists" },
	{ EXAM_MISMATCH, 409, "/problems/mismatch" },
	{ EXAM_CLOSED, 409, "/problems/closed" },
	{ EXAM_NO_ATTEMPTS, 409, "/problems/no-attempts" },
	{ EXAM_ENDED, 409, "/problems/ended" },
	{ EXAM_TIME_UP, 409, "/problems/time-up" },
	{ EXAM_BAD_ANSWER, 422, "/problems/not-in-paper" },
	{ EXAM_FORBIDDEN, 403, "/problems/not-yours" },
};

int wire_rc_status(enum exam_rc rc)
{
	for (size_t i = 0; i < sizeof rc_map / sizeof rc_map[0]; i++)
		if (rc_map[i].rc == rc)
			return rc_map[i].status;
	return 500;
}

const char *wire_rc_type(enum exam_rc rc)
{
	for (size_t i = 0; i < sizeof rc_map / sizeof rc_map[0]; i++)
		if (rc_map[i].rc == rc)
			return rc_map[i].type;
	return "/problems/database";
}

enum exam_rc wire_rc_from(int status, const char *type)
{
	for (size_t i = 0; type && i < sizeof rc_map / sizeof rc_map[0]; i++)
		if (rc_map[i].type && !strcmp(rc_map[i].type, type))
			return rc_map[i].rc;
	if (status >= 200 && status < 300)
		return EXAM_OK;
	switch (status) {
	case 403: return EXAM_FORBIDDEN;
	case 404: return EXAM_NOT_FOUND;
	case 422: return EXAM_BAD_ANSWER;
	default: return EXAM_ERR;
	}
}
