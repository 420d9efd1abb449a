/* store_api.c — the store's one interface: store_open chooses a backend,
 * and every other call goes to the backend the store was opened with, so
 * callers never know whether a file or the class server answers. */
#include "i18n.h"
#include "store_int.h"

#include <stdio.h>

static const char *class_target;

void store_use_class(const char *target)
{
	class_target = target && *target ? target : NULL;
}

struct store *store_open(const char *path, const char *user, bool readonly,
                         char *err, size_t errsz)
{
	if (!path && class_target)
		return store_remote_open(class_target, readonly, err, errsz);
	return store_sql_open(path, user, readonly, err, errsz);
}

void store_close(struct store *s)
{
	if (s)
		s->ops->close(s);
}

void store_idle(struct store *s)
{
	if (s && s->ops->idle)
		s->ops->idle(s);
}

bool store_gone(struct store *s)
{
	return s->ops->gone(s);
}

const char *store_where(struct store *s)
{
	return s->ops->where(s);
}

int store_waiting(struct store *s)
{
	return s->ops->waiting(s);
}

bool store_offline(struct store *s)
{
	return s->ops->offline(s);
}

uint32_t store_data_version(struct store *s)
{
	return s->ops->data_version(s);
}

bool store_session_begin(struct store *s, const char *kind, uint64_t seed,
                         const char *content_version, int64_t *id)
{
	return s->ops->session_begin(s, kind, seed, content_version, id);
}

bool store_session_end(struct store *s, int64_t id)
{
	return s->ops->session_end(s, id);
}

bool store_record(struct store *s, const struct answer_rec *a)
{
	return s->ops->record(s, a);
}

bool store_chapter_opened(struct store *s, const char *chapter, int64_t at)
{
	return s->ops->chapter_opened(s, chapter, at);
}

bool store_item_states(struct store *s, struct leitner **out, size_t *n)
{
	return s->ops->item_states(s, out, n);
}

bool store_mistakes(struct store *s, struct mistake **out, size_t *n)
{
	return s->ops->mistakes(s, out, n);
}

bool store_mistakes_brief(struct store *s, struct mistake **out, size_t *n)
{
	/* The class server's client gets whole rows in one request. */
	return s->ops->mistakes_brief ? s->ops->mistakes_brief(s, out, n) : s->ops->mistakes(s, out, n);
}

bool store_mistake_answer(struct store *s, struct mistake *m)
{
	return !m->answer_id || !s->ops->mistake_answer || s->ops->mistake_answer(s, m);
}

bool store_item_history(struct store *s, const char *item, struct attempt **out, size_t *n)
{
	return s->ops->item_history(s, item, out, n);
}

bool store_progress(struct store *s, int64_t now, struct progress *p)
{
	return s->ops->progress(s, now, p);
}

bool store_export(struct store *s, store_row_fn fn, void *ctx)
{
	return s->ops->export_rows(s, fn, ctx);
}

bool store_report(struct store *s, const char *exam_id, store_group_fn fn, void *ctx)
{
	return s->ops->report(s, exam_id, fn, ctx);
}

bool store_confusion_items(struct store *s, struct confusion_item **out, size_t *n)
{
	return s->ops->confusion_items(s, out, n);
}

bool store_code_matrix(struct store *s, int64_t since, struct code_cell **out, size_t *n)
{
	return s->ops->code_matrix(s, since, out, n);
}

enum exam_rc store_exam_create(struct store *s, const struct exam_info *e, uint64_t seed,
                               const struct exam_item *q, size_t n, int64_t now)
{
	return s->ops->exam_create(s, e, seed, q, n, now);
}

enum exam_rc store_exam_practice(struct store *s, const struct exam_info *e, uint64_t seed,
                                 const struct exam_item *q, size_t n, int64_t now)
{
	return s->ops->exam_practice(s, e, seed, q, n, now);
}

enum exam_rc store_exam_paper(struct store *s, const char *name, struct exam_paper *p)
{
	return s->ops->exam_paper(s, name, p);
}

bool store_exam_list(struct store *s, int64_t now, struct exam_info **out, size_t *n)
{
	return s->ops->exam_list(s, now, out, n);
}

enum exam_rc store_exam_close(struct store *s, const char *name, int64_t when, int64_t now)
{
	return s->ops->exam_close(s, name, when, now);
}

enum exam_rc store_exam_attempt(struct store *s, const char *name, int64_t now,
                                struct exam_attempt *a)
{
	return s->ops->exam_attempt(s, name, now, a);
}

enum exam_rc store_exam_start(struct store *s, const char *name, int64_t now,
                              struct exam_attempt *a)
{
	return s->ops->exam_start(s, name, now, a);
}

enum exam_rc store_exam_answer(struct store *s, int64_t attempt, int pos, const char *given,
                               const char *shown, int64_t ms, int64_t now,
                               const char *content_version)
{
	return s->ops->exam_answer(s, attempt, pos, given, shown, ms, now, content_version);
}

enum exam_rc store_exam_finish(struct store *s, int64_t attempt, int64_t now)
{
	return s->ops->exam_finish(s, attempt, now);
}

enum exam_rc store_exam_reload(struct store *s, int64_t attempt, int64_t now,
                               struct exam_attempt *a)
{
	return s->ops->exam_reload(s, attempt, now, a);
}

enum exam_rc store_exam_given(struct store *s, int64_t attempt, const struct exam_paper *p,
                              char **given, size_t n)
{
	return s->ops->exam_given(s, attempt, p, given, n);
}

bool store_exam_sweep(struct store *s, int64_t now)
{
	return s->ops->exam_sweep(s, now);
}

enum exam_rc store_exam_results(struct store *s, const char *name, int64_t now,
                                struct exam_results *out)
{
	return s->ops->exam_results(s, name, now, out);
}

bool store_exam_hidden(struct store *s, int64_t now, struct exam_item_id **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!s->ops->exam_hidden) {
		/* Fail closed: the caller leaves every scenario out. */
		snprintf(s->err, sizeof s->err, "%s", tr(MSG_STORE_NO_HIDE));
		return false;
	}
	return s->ops->exam_hidden(s, now, out, n);
}
