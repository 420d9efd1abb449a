/* report.c — line-command output: card, table, search, stats, export. */
#include <errno.h>
#include <unistd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "card.h"
#include "clock.h"
#include "find.h"
#include "i18n.h"
#include "markdown.h"
#include "out.h"
#include "contrast.h"
#include "examhide.h"
#include "report.h"
#include "report_class.h"
#include "report_confusion.h"
#include "table.h"
#include "text.h"

void report_wrap(FILE *f, const char *s, int width, int indent, bool utf8)
{
	size_t n = 0;
	char **lines = text_wrap(s, width - indent, &n);
	for (size_t i = 0; i < n; i++) {
		fprintf(f, "%*s", indent, "");
		out_puts(f, lines[i], utf8);
		fputc('\n', f);
	}
	text_lines_free(lines, n);
}

void report_wrap_hang(FILE *f, const char *prefix, const char *s, int width, int min,
                      bool utf8)
{
	int pw = text_width(prefix);
	if (width - pw < min) {
		/* No room beside the prefix: the text goes under it (and a prefix
		 * wider than the line continues indented, too). */
		size_t np = 0;
		char **head = text_wrap(prefix, width - 2, &np);
		for (size_t i = 0; i < np; i++) {
			fprintf(f, "%*s", i ? 2 : 0, "");
			out_puts(f, head[i], utf8);
			fputc('\n', f);
		}
		text_lines_free(head, np);
		report_wrap(f, s, width, width >= 40 ? 6 : 2, utf8);
		return;
	}
	size_t n = 0;
	char **lines = text_wrap(s, width - pw, &n);
	for (size_t i = 0; i < n || i == 0; i++) {
		if (i == 0)
			out_puts(f, prefix, utf8);
		else
			fprintf(f, "%*s", pw, "");
		if (i < n)
			out_puts(f, lines[i], utf8);
		fputc('\n', f);
	}
	text_lines_free(lines, n);
}

/* Sets key in obj to v (taking it); false when v is NULL (out of memory). */
static bool jset(json_t *obj, const char *key, json_t *v)
{
	return v && json_object_set_new(obj, key, v) == 0;
}

/* Says why JSON could not be written: v was never built (memory), or the
 * output refused it. */
static bool json_failed(const json_t *v)
{
	if (!v)
		fprintf(stderr, "httptutor: %s\n", tr(MSG_ERR_OOM));
	else
		report_error(MSG_ERR_WRITE, strerror(errno));
	return false;
}

/* One element of a JSON array streamed a line at a time ("[", rows, "]"), so
 * a long export never has to be held in memory.  Takes v; false after
 * saying why. */
static bool json_row(FILE *f, json_t *v, bool first)
{
	fputs(first ? "\n  " : ",\n  ", f);
	bool ok = v && json_dumpf(v, f, JSON_PRESERVE_ORDER | JSON_COMPACT) == 0;
	if (!ok)
		json_failed(v);
	json_decref(v);
	return ok;
}

/* A whole JSON document and a newline; takes v; false after saying why. */
static bool json_doc(FILE *f, json_t *v, bool pretty)
{
	bool ok = out_json_dump(f, v, pretty);
	if (!ok)
		json_failed(v);
	json_decref(v);
	return ok;
}

const struct code_entry *report_find_code(const struct model *m, const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (!*s || *end || v < 100 || v > 599)
		return NULL;
	return model_code(m, (int)v);
}

int report_find_chapter(const struct model *m, const char *s)
{
	char *end;
	long num = strtol(s, &end, 10);
	for (size_t i = 0; i < m->n_chapters; i++)
		if (!strcmp(m->chapters[i].id, s) || (*s && !*end && m->chapters[i].number == num))
			return (int)i;
	return -1;
}

void report_error(enum msg fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "httptutor: ");
	vfprintf(stderr, tr(fmt), ap);
	fputc('\n', stderr);
	va_end(ap);
}

void report_error_wrap(bool utf8, enum msg fmt, ...)
{
	char line[1200];
	va_list ap;
	int k = snprintf(line, sizeof line, "httptutor: ");
	va_start(ap, fmt);
	vsnprintf(line + k, sizeof line - (size_t)k, tr(fmt), ap);
	va_end(ap);
	if (isatty(STDERR_FILENO))
		report_wrap(stderr, line, report_width(), 0, utf8);
	else
		fprintf(stderr, "%s\n", line);
}

int report_width(void)
{
	const char *c = getenv("COLUMNS");
	int w = c ? atoi(c) : 0;
	return w >= 40 && w <= 200 ? w : 80;
}

int report_code(const struct report_ctx *r, const char *arg)
{
	const struct code_entry *c = report_find_code(r->m, arg);
	if (!c) {
		report_error(MSG_ERR_NO_CODE, arg);
		return 1;
	}
	/* The same card as the full screen, as plain lines. */
	int w = report_width();
	struct lines card = card_lines(r->m, c->code, r->lang, w, r->hide);
	for (size_t i = 0; i < card.n; i++) {
		/* Link lines are kept whole for the screen; here they wrap too. */
		if (card.l[i].text[0])
			report_wrap(stdout, card.l[i].text, w, card.l[i].indent, r->utf8);
		else
			putchar('\n');
	}
	lines_free(&card);
	return 0;
}

int report_chapter(const struct report_ctx *r, int chapter)
{
	if (chapter < 0) {
		for (size_t i = 0; i < r->m->n_chapters; i++) {
			const struct chapter *c = &r->m->chapters[i];
			char prefix[64];
			snprintf(prefix, sizeof prefix, "%2d  %-10s ", c->number, c->id);
			report_wrap_hang(stdout, prefix, ltext_get(&c->title, r->lang), report_width(),
			                 16, r->utf8);
		}
		return 0;
	}
	const struct chapter *c = &r->m->chapters[chapter];
	const char *src = c->markdown[r->lang] ? c->markdown[r->lang] : c->markdown[LANG_EN];
	struct md_doc doc;
	char err[256];
	bool ok = r->linear ? md_render_linear(src, strlen(src), report_width(), &doc, err, sizeof err)
	                    : md_render(src, strlen(src), report_width(), &doc, err, sizeof err);
	if (!ok) {
		fprintf(stderr, "httptutor: %s: %s\n", c->path[r->lang], err);
		return 1;
	}
	int w = report_width();
	for (size_t i = 0; i < doc.n_lines; i++) {
		const char *line = doc.lines[i].plain ? doc.lines[i].plain : "";
		if (text_width(line) <= w) {
			out_puts(stdout, line, r->utf8);
			putchar('\n');
			continue;
		}
		/* A code block line the renderer keeps whole: wrapped here, its
		 * continuation under its first character. */
		char lead[32];
		size_t sp = strspn(line, " ");
		snprintf(lead, sizeof lead, "%*s", (int)(sp < 24 ? sp : 24), "");
		report_wrap_hang(stdout, lead, line + sp, w, 16, r->utf8);
	}
	md_doc_free(&doc);
	return 0;
}

/* Core codes by default; --all adds every registered and unofficial code. */
static bool listed(const struct report_ctx *r, const struct code_entry *c)
{
	if (r->klass && c->code / 100 != r->klass)
		return false;
	return r->all || c->core;
}

static json_t *code_json(const struct report_ctx *r, const struct code_entry *c)
{
	char klass[16];
	snprintf(klass, sizeof klass, "%dxx", c->code / 100);
	json_t *o = json_object(), *headers = json_array(), *confused = json_array();
	bool ok = o && headers && confused &&
		jset(o, "code", json_integer(c->code)) &&
		jset(o, "phrase", out_json_str(c->phrase)) &&
		jset(o, "class", json_string(klass)) &&
		jset(o, "status", json_string(model_status_name(c->status))) &&
		jset(o, "core", json_boolean(c->core)) &&
		jset(o, "cacheable", json_boolean(c->cacheable)) &&
		jset(o, "rfc", out_json_str(c->rfc)) &&
		jset(o, "name", out_json_str(ltext_get(&c->name, r->lang))) &&
		jset(o, "summary", out_json_text(ltext_get(&c->summary, r->lang)));
	for (size_t i = 0; ok && i < c->n_headers; i++)
		ok = json_array_append_new(headers, out_json_str(c->headers[i])) == 0;
	for (size_t i = 0; ok && i < c->n_confused; i++)
		ok = json_array_append_new(confused, json_integer(c->confused[i])) == 0;
	ok = ok && jset(o, "headers", headers);
	headers = NULL;
	ok = ok && jset(o, "confused", confused);
	confused = NULL;
	json_decref(headers);
	json_decref(confused);
	if (!ok) {
		json_decref(o);
		return NULL;
	}
	return o;
}

int report_codes(const struct report_ctx *r)
{
	bool first = true;
	int phrase_w = 0;
	for (size_t i = 0; i < r->m->n_codes; i++)
		if (listed(r, &r->m->codes[i]) && text_width(r->m->codes[i].phrase) > phrase_w)
			phrase_w = text_width(r->m->codes[i].phrase);
	if (r->json)
		putchar('[');
	for (size_t i = 0; i < r->m->n_codes; i++) {
		const struct code_entry *c = &r->m->codes[i];
		if (!listed(r, c))
			continue;
		if (r->json) {
			if (!json_row(stdout, code_json(r, c), first))
				return 1;
		} else {
			/* Columns aligned by display width, not bytes; the meaning
			 * wraps under itself, or under the code when the width is narrow. */
			char *phrase = text_pad(c->phrase, phrase_w);
			char prefix[256];
			snprintf(prefix, sizeof prefix, "%d %s %s ", c->code,
			         c->status == CODE_UNOFFICIAL ? "!" : c->core ? "*" : " ",
			         phrase ? phrase : c->phrase);
			free(phrase);
			report_wrap_hang(stdout, prefix, ltext_get(&c->summary, r->lang), report_width(),
			                 32, r->utf8);
		}
		first = false;
	}
	if (r->json)
		fputs(first ? "]\n" : "\n]\n", stdout);
	return 0;
}

/* Columns a search result's text needs beside its head (a code's meaning, a
 * scenario's situation); with fewer it goes under the head. */
#define SEARCH_MIN_TEXT 30
#define SEARCH_MIN_SITUATION 40

int report_search(const struct report_ctx *r, int nwords, char **words)
{
	char query[512] = "";
	size_t len = 0;
	for (int i = 0; i < nwords; i++)
		len += (size_t)snprintf(query + len, len < sizeof query ? sizeof query - len : 0,
		                        "%s%s", i ? " " : "", words[i]);
	int hits = 0, w = report_width();
	/* A Chinese query (one with a wide character: Han, bopomofo, full-width
	 * forms) is answered in Chinese, whatever the UI language; "café" is
	 * not Chinese. */
	enum lang L = r->lang;
	for (size_t at = 0, n = strlen(query), k; r->utf8 && at < n; at += k) {
		wchar_t wc;
		k = text_decode(query + at, n - at, &wc);
		if (text_wcwidth(wc) == 2)
			L = LANG_ZH;
	}
	for (size_t i = 0; i < r->m->n_codes; i++) {
		const struct code_entry *c = &r->m->codes[i];
		if (!find_code(r->m, c, query))
			continue;
		/* The meaning wraps under itself, as in `codes`. */
		char head[160];
		snprintf(head, sizeof head, "%d %s — ", c->code, c->phrase);
		report_wrap_hang(stdout, head, ltext_get(&c->summary, L), w, SEARCH_MIN_TEXT, r->utf8);
		hits++;
	}
	for (size_t i = 0; i < r->m->n_scenarios; i++) {
		const struct scenario *s = &r->m->scenarios[i];
		if (!find_scenario(r->m, s, query) || examhide_has(r->hide, s->id))
			continue;
		char head[160];
		snprintf(head, sizeof head, "[%s → %d] ", s->id, s->answer);
		report_wrap_hang(stdout, head, ltext_get(&s->situation, L), w, SEARCH_MIN_SITUATION,
		                 r->utf8);
		hits++;
	}
	if (!hits) {
		report_error(MSG_ERR_NOTHING_MATCHES, query);
		return 1;
	}
	return 0;
}

static int pct(int c, int n)
{
	return quiz_percent(c, n);
}

/* v in decimal, then unit, into buf (n bytes): the class tables' cells,
 * a few per student and question, where snprintf was a tenth of the
 * report. */
static const char *cell_num(char *buf, size_t n, long v, const char *unit)
{
	char digits[24];
	int k = 0;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	size_t o = 0;
	do
		digits[k++] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		digits[k++] = '-';
	while (k && o + 1 < n)
		buf[o++] = digits[--k];
	for (; *unit && o + 1 < n; unit++)
		buf[o++] = *unit;
	buf[o] = '\0';
	return buf;
}

/* "2.5s": x seconds as printf's "%.1fs" spells them, without printf for
 * the usual case (a class's table has one per student).  x * 10 may
 * round the other way than x only next to a tie: printf decides those,
 * and very large or negative values. */
static const char *cell_secs(char *buf, size_t n, double x)
{
	double t = x * 10.0;
	if (!(t >= 0.0 && t < 1e9) || (t - (double)(long)t > 0.5 - 1e-6 &&
	                                t - (double)(long)t < 0.5 + 1e-6)) {
		snprintf(buf, n, "%.1fs", x);
		return buf;
	}
	long tenths = (long)(t + 0.5);
	char frac[4] = { '.', (char)('0' + tenths % 10), 's', '\0' };
	return cell_num(buf, n, tenths / 10, frac);
}

/* {answers, correct} for one class, code or day. */
static json_t *count_json(int answers, int correct)
{
	json_t *o = json_object();
	if (!jset(o, "answers", json_integer(answers)) || !jset(o, "correct", json_integer(correct))) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *stats_json(const char *user, const struct progress *p)
{
	json_t *o = json_object(), *classes = json_object(), *codes = json_object(),
	       *days = json_array();
	bool ok = o && classes && codes && days &&
		jset(o, "user", out_json_str(user)) &&
		jset(o, "answers", json_integer(p->answers)) &&
		jset(o, "correct", json_integer(p->correct)) &&
		jset(o, "accuracy", json_integer(pct(p->correct, p->answers))) &&
		jset(o, "streak", json_integer(p->streak)) &&
		jset(o, "due", json_integer(p->due)) &&
		jset(o, "chapters_opened", json_integer(p->chapters_opened));
	for (int k = 0; ok && k < 5; k++) {
		char key[16];
		snprintf(key, sizeof key, "%dxx", k + 1);
		ok = jset(classes, key, count_json(p->klass[k].answers, p->klass[k].correct));
	}
	for (size_t i = 0; ok && i < p->n_codes; i++) {
		char key[16];
		snprintf(key, sizeof key, "%d", p->codes[i].key);
		ok = jset(codes, key, count_json(p->codes[i].answers, p->codes[i].correct));
	}
	for (int d = 0; ok && d < 14; d++) {
		char day[16];
		time_t t = (time_t)p->days[d].day;
		struct tm tm;
		localtime_r(&t, &tm);
		strftime(day, sizeof day, "%Y-%m-%d", &tm);
		json_t *e = json_object();
		ok = jset(e, "day", json_string(day)) &&
		     jset(e, "answers", json_integer(p->days[d].answers)) &&
		     jset(e, "correct", json_integer(p->days[d].correct));
		if (!ok)
			json_decref(e);
		else   /* takes e, even when it fails */
			ok = json_array_append_new(days, e) == 0;
	}
	ok = ok && jset(o, "classes", classes);
	classes = NULL;
	ok = ok && jset(o, "codes", codes);
	codes = NULL;
	ok = ok && jset(o, "days", days);
	days = NULL;
	json_decref(classes);
	json_decref(codes);
	json_decref(days);
	if (!ok) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* stats --json: the progress and the learner's confusions. */
static int stats_json_out(const struct report_ctx *r, struct store *st, const struct progress *p)
{
	json_t *doc = stats_json(st->user, p);
	if (!doc) {
		json_failed(NULL);
		return 1;
	}
	json_t *mixed = report_confusion_json(r->m, st, clock_now());
	if (!mixed) {
		fprintf(stderr, "httptutor: %s\n", st->err);
		json_decref(doc);
		return 1;
	}
	if (json_object_set_new(doc, "confusions", mixed) != 0) {   /* takes mixed */
		json_decref(doc);
		json_failed(NULL);
		return 1;
	}
	return json_doc(stdout, doc, false) ? 0 : 1;   /* takes doc */
}

/* Per code: the code, its phrase, share right and right/answered. */
static void stats_codes(const struct report_ctx *r, const struct progress *p)
{
	struct table_col cols[] = {
		{ tr(MSG_COL_CODE), TABLE_LEFT, TABLE_NO_CLIP, 0, 0 },
		{ tr(MSG_COL_PHRASE), TABLE_LEFT, TABLE_CLIP_END, 12, 0 },
		{ tr(MSG_REPORT_COL_SHARE), TABLE_RIGHT, TABLE_NO_CLIP, 0, 0 },
		{ tr(MSG_REPORT_COL_RIGHT), TABLE_RIGHT, TABLE_NO_CLIP, 0, 0 },
	};
	struct table t;
	table_init(&t, cols, 4);
	for (size_t i = 0; i < p->n_codes; i++) {
		const struct code_entry *c = model_code(r->m, p->codes[i].key);
		char code[16], share[16], right[32];
		snprintf(code, sizeof code, "%d", p->codes[i].key);
		snprintf(share, sizeof share, "%d%%", pct(p->codes[i].correct, p->codes[i].answers));
		snprintf(right, sizeof right, "%d/%d", p->codes[i].correct, p->codes[i].answers);
		table_add(&t, (const char *[]){ code, c ? c->phrase : "", share, right });
	}
	putchar('\n');
	table_print(&t, stdout, report_width(), 2, r->utf8);
	table_free(&t);
}

int report_stats(const struct report_ctx *r, struct store *st)
{
	struct progress p;
	if (!store_progress(st, clock_now(), &p)) {
		fprintf(stderr, "httptutor: %s\n", st->err);
		return 1;
	}
	if (r->json) {
		int rc = stats_json_out(r, st, &p);
		store_progress_free(&p);
		return rc;
	} else {
		char line[512];
		char days[32];
		snprintf(line, sizeof line, tr(MSG_PROGRESS_OVERALL), p.answers, p.correct,
		         pct(p.correct, p.answers),
		         i18n_count(MSG_N_DAYS_ONE, MSG_N_DAYS, p.streak, days, sizeof days),
		         p.due, p.chapters_opened);
		report_wrap(stdout, line, report_width(), 0, r->utf8);
		printf("\n");
		out_puts(stdout, tr(MSG_PROGRESS_CLASSES), r->utf8);
		printf("\n");
		/* A class not answered yet has no share to show (as on the screen). */
		for (int k = 0; k < 5; k++)
			if (p.klass[k].answers)
				printf("  %dxx  %3d%%  %d/%d\n", k + 1, pct(p.klass[k].correct, p.klass[k].answers),
				       p.klass[k].correct, p.klass[k].answers);
			else
				printf("  %dxx     -\n", k + 1);
		if (p.n_codes)
			stats_codes(r, &p);
		if (!report_confusion_text(r->m, st, clock_now(), 3, r->lang, r->utf8)) {
			fprintf(stderr, "httptutor: %s\n", st->err);
			store_progress_free(&p);
			return 1;
		}
	}
	store_progress_free(&p);
	return 0;
}

/* Export rows are written as they come, CSV (RFC 4180 quoting) or JSON. */
struct export_ctx {
	bool json;
	bool failed;      /* a JSON row could not be written (said once) */
	int rows;
};

/* A numeric column's value: a number, null when empty, and a string only
 * when the database holds something else there. */
static json_t *export_number(const char *s)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (!*s)
		return json_null();
	if (*end || errno)
		return out_json_str(s);
	return json_integer(v);
}

static void export_row(void *vctx, int ncols, const char *const *cols)
{
	struct export_ctx *x = vctx;
	if (x->json) {
		json_t *o = json_object();
		bool ok = o != NULL;
		for (int i = 0; ok && i < ncols; i++) {
			const char *v = cols[i];
			ok = jset(o, store_export_columns[i], !v ? json_null() :
			          store_export_numeric[i] ? export_number(v) : out_json_str(v));
		}
		if (!ok) {
			json_decref(o);
			o = NULL;
		}
		if (!x->failed && !json_row(stdout, o, x->rows == 0))
			x->failed = true;
	} else {
		for (int i = 0; i < ncols; i++) {
			if (i)
				putchar_unlocked(',');
			out_csv_field(stdout, cols[i]);
		}
		fwrite_unlocked("\r\n", 1, 2, stdout);
	}
	x->rows++;
}

int report_export(const struct report_ctx *r, struct store *st)
{
	struct export_ctx x = { r->json, false, 0 };
	if (r->json) {
		putchar('[');
	} else {
		for (int i = 0; i < store_export_ncolumns; i++) {
			if (i)
				putchar(',');
			fputs(store_export_columns[i], stdout);
		}
		fputs("\r\n", stdout);
	}
	if (!store_export(st, export_row, &x)) {
		fprintf(stderr, "httptutor: %s\n", st->err);
		return 1;
	}
	if (x.failed)
		return 1;
	if (r->json)
		fputs(x.rows ? "\n]\n" : "]\n", stdout);
	return 0;
}

/* ---- class report ------------------------------------------------------- */

/* The class report's strings: hundreds of short names, ids and answers,
 * copied into blocks freed together (a malloc and a free each were a
 * tenth of the report's own work). */
struct report_pool {
	struct report_pool *next;
	size_t used, cap;
	char text[];
};

static char *pool_copy(struct report_pool **pool, const char *s)
{
	size_t n = strlen(s) + 1;
	struct report_pool *b = *pool;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > 8192 ? n : 8192;
		if (!(b = malloc(sizeof *b + cap)))
			return NULL;
		b->next = *pool;
		b->used = 0;
		b->cap = cap;
		*pool = b;
	}
	char *out = b->text + b->used;
	memcpy(out, s, n);
	b->used += n;
	return out;
}

static void pool_free(struct report_pool *b)
{
	while (b) {
		struct report_pool *next = b->next;
		free(b);
		b = next;
	}
}

/* Appends a zeroed entry named name (copied into pool) to an array of
 * structs whose first member is a char *.  Returns its index or -1 when
 * out of memory.  The array doubles when *n reaches a power of two (its
 * capacity, unstored). */
static long add_named(struct report_pool **pool, void **arr, size_t *n, size_t size,
                      const char *name)
{
	char *copy = pool_copy(pool, name);
	if (!copy)
		return -1;
	if ((*n & (*n - 1)) == 0) {   /* 0, 1, 2, 4, ...: full */
		char *grown = realloc(*arr, (*n ? *n * 2 : 1) * size);
		if (!grown)
			return -1;
		*arr = grown;
	}
	char *at = (char *)*arr + *n * size;
	memset(at, 0, size);
	*(char **)at = copy;
	return (long)(*n)++;
}

/* Find name in such an array (short ones); add it when absent. */
static long find_or_add(struct report_pool **pool, void **arr, size_t *n, size_t size,
                        const char *name)
{
	for (size_t i = 0; i < *n; i++)
		if (!strcmp(*(char **)((char *)*arr + i * size), name))
			return (long)i;
	return add_named(pool, arr, n, size, name);
}

/* Names to their places in a growing array of find_or_add's structs: a
 * class report meets every student and question once per group, and a
 * search along the array made it quadratic (100 students x 214 questions:
 * a fifth of the report).  Open addressing; a slot holds index + 1. */
struct name_ix {
	size_t *slot;
	size_t cap;       /* a power of two, at least twice the names */
	size_t last;      /* the index found last */
};

static size_t name_hash(const char *s)
{
	size_t h = 1469598103934665603u;   /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static const char *name_at(void *arr, size_t size, size_t i)
{
	return *(char **)((char *)arr + i * size);
}

/* Like find_or_add, through ix.  The report's rows come a student's or a
 * question's at a time: the last name found is tried first. */
static long find_or_add_ix(struct name_ix *ix, struct report_pool **pool, void **arr, size_t *n,
                           size_t size, const char *name)
{
	if (ix->last < *n && !strcmp(name_at(*arr, size, ix->last), name))
		return (long)ix->last;
	if ((*n + 1) * 2 > ix->cap) {
		size_t cap = ix->cap ? ix->cap * 2 : 64;
		size_t *slot = calloc(cap, sizeof *slot);
		if (!slot)
			return -1;
		for (size_t i = 0; i < *n; i++) {
			size_t h = name_hash(name_at(*arr, size, i)) & (cap - 1);
			while (slot[h])
				h = (h + 1) & (cap - 1);
			slot[h] = i + 1;
		}
		free(ix->slot);
		ix->slot = slot;
		ix->cap = cap;
	}
	size_t h = name_hash(name) & (ix->cap - 1);
	for (; ix->slot[h]; h = (h + 1) & (ix->cap - 1))
		if (!strcmp(name_at(*arr, size, ix->slot[h] - 1), name))
			return (long)(ix->last = ix->slot[h] - 1);
	long at = add_named(pool, arr, n, size, name);
	if (at >= 0)
		ix->slot[h] = (ix->last = (size_t)at) + 1;
	return at;
}

/* What class_group fills, with the indexes that find its rows. */
struct class_collect {
	struct class_data *d;
	struct name_ix st, q;
};

/* A group of one student's answers to one item, or (user or item NULL) of
 * all of a student's answers, or of everyone's to an item. */
static void class_group(void *ctx, const struct report_group *g)
{
	struct class_collect *c = ctx;
	struct class_data *d = c->d;
	void *arr = d->st;
	long si = g->user ? find_or_add_ix(&c->st, &d->names, &arr, &d->n_st, sizeof *d->st, g->user) : 0;
	d->st = arr;
	arr = d->q;
	long qi = g->item ? find_or_add_ix(&c->q, &d->names, &arr, &d->n_q, sizeof *d->q, g->item) : 0;
	d->q = arr;
	if (si < 0 || qi < 0) {
		d->oom = true;
		return;
	}
	if (g->user) {
		struct class_student *s = &d->st[si];
		s->answers += g->count;
		s->correct += g->correct ? g->count : 0;
		s->ms += g->ms;
		if (!g->correct)
			classmix_add(&d->mix, g->user, contrast_code(g->expected),
			             contrast_code(g->given), g->count);
	}
	if (!g->item)
		return;
	struct class_item *q = &d->q[qi];
	q->answers += g->count;
	q->correct += g->correct ? g->count : 0;
	if (!q->expected && !(q->expected = pool_copy(&d->names, g->expected)))
		d->oom = true;
	if (g->correct && strcmp(g->given, g->expected) != 0)
		q->also += g->count;
	if (!g->correct) {
		arr = q->wrong;
		long wi = find_or_add(&d->names, &arr, &q->n_wrong, sizeof *q->wrong, g->given);
		q->wrong = arr;
		if (wi < 0)
			d->oom = true;
		else
			q->wrong[wi].count += g->count;
	}
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct class_student *)a)->name, ((const struct class_student *)b)->name);
}

/* Hardest first: lowest share of right answers, then most answered. */
static int by_difficulty(const void *a, const void *b)
{
	const struct class_item *x = a, *y = b;
	long lx = (long)x->correct * y->answers, ly = (long)y->correct * x->answers;
	if (lx != ly)
		return lx < ly ? -1 : 1;
	if (x->answers != y->answers)
		return y->answers - x->answers;
	return strcmp(x->item, y->item);
}

const struct class_tally *report_class_top_wrong(const struct class_item *q)
{
	const struct class_tally *t = NULL;
	for (size_t i = 0; i < q->n_wrong; i++)
		if (!t || q->wrong[i].count > t->count)
			t = &q->wrong[i];
	return t;
}

static void class_free(struct class_data *d)
{
	for (size_t i = 0; i < d->n_q; i++)
		free(d->q[i].wrong);
	free(d->st);
	free(d->q);
	free(d->rows);
	pool_free(d->names);
}

/* The text report's two tables, fitted to the width (table.h): names and
 * item ids that are too long are cut in the middle, never at the end. */
static void class_tables(const struct report_ctx *r, const struct class_data *d)
{
	struct table_col cs[] = {
		{ tr(MSG_REPORT_COL_STUDENT), TABLE_LEFT, TABLE_CLIP_MIDDLE, 10, 0 },
		{ tr(MSG_REPORT_COL_ANSWERS), TABLE_RIGHT, TABLE_NO_CLIP, 0, 0 },
		{ tr(MSG_REPORT_COL_RIGHT), TABLE_RIGHT, TABLE_NO_CLIP, 0, 0 },
		{ tr(MSG_REPORT_COL_SHARE), TABLE_RIGHT, TABLE_NO_CLIP, 0, 0 },
		{ tr(MSG_REPORT_COL_TIME), TABLE_RIGHT, TABLE_NO_CLIP, 0, 0 },
	};
	struct table t;
	table_init(&t, cs, 5);
	for (size_t i = 0; i < d->n_st; i++) {
		const struct class_student *s = &d->st[i];
		char a[16], c[16], p[16], tm[16];
		cell_num(a, sizeof a, s->answers, "");
		cell_num(c, sizeof c, s->correct, "");
		cell_num(p, sizeof p, pct(s->correct, s->answers), "%");
		cell_secs(tm, sizeof tm, s->answers ? (double)s->ms / s->answers / 1000.0 : 0.0);
		table_add(&t, (const char *[]){ s->name, a, c, p, tm });
	}
	table_print(&t, stdout, report_width(), 2, r->utf8);
	table_free(&t);
	putchar('\n');
	struct table_col cq[] = {
		{ tr(MSG_REPORT_COL_QUESTION), TABLE_LEFT, TABLE_CLIP_MIDDLE, 12, 0 },
		{ tr(MSG_REPORT_COL_EXPECTED), TABLE_LEFT, TABLE_CLIP_END, 8, 0 },
		{ tr(MSG_REPORT_COL_ANSWERS), TABLE_RIGHT, TABLE_NO_CLIP, 0, 0 },
		{ tr(MSG_REPORT_COL_SHARE), TABLE_RIGHT, TABLE_NO_CLIP, 0, 0 },
		{ tr(MSG_REPORT_COL_WRONG), TABLE_LEFT, TABLE_NO_CLIP, 0, 0 },
	};
	table_init(&t, cq, 5);
	for (size_t i = 0; i < d->n_q; i++) {
		const struct class_item *q = &d->q[i];
		const struct class_tally *tw = report_class_top_wrong(q);
		char a[16], p[16], wrong[96] = "";
		cell_num(a, sizeof a, q->answers, "");
		cell_num(p, sizeof p, pct(q->correct, q->answers), "%");
		if (tw) {   /* "404 ×3" */
			char n[16];
			size_t gl = strnlen(tw->given, sizeof wrong - sizeof n - 4);
			memcpy(wrong, tw->given, gl);
			memcpy(wrong + gl, " ×", sizeof " ×" - 1);
			strcpy(wrong + gl + sizeof " ×" - 1, cell_num(n, sizeof n, tw->count, ""));
		}
		if (q->also)   /* right answers that were the second acceptable code */
			snprintf(wrong + strlen(wrong), sizeof wrong - strlen(wrong), tr(MSG_REPORT_ALSO),
			         tw ? "; " : "", q->also);
		table_add(&t, (const char *[]){ q->item, q->expected ? q->expected : "", a, p, wrong });
	}
	table_print(&t, stdout, report_width(), 2, r->utf8);
	table_free(&t);
}

static json_t *class_json(const struct report_ctx *r, const struct class_data *d,
                          const char *exam_id, int ndb, int total, int right)
{
	json_t *o = json_object(), *students = json_array(), *questions = json_array();
	bool ok = o && students && questions &&
		jset(o, "exam", exam_id ? out_json_str(exam_id) : json_null()) &&
		jset(o, "databases", json_integer(ndb)) &&
		jset(o, "answers", json_integer(total)) &&
		jset(o, "correct", json_integer(right));
	for (size_t i = 0; ok && i < d->n_st; i++) {
		const struct class_student *s = &d->st[i];
		json_t *e = json_object();
		ok = jset(e, "user", out_json_str(s->name)) &&
		     jset(e, "answers", json_integer(s->answers)) &&
		     jset(e, "correct", json_integer(s->correct)) &&
		     jset(e, "accuracy", json_integer(pct(s->correct, s->answers))) &&
		     jset(e, "avg_ms", json_integer(s->answers ? s->ms / s->answers : 0));
		if (!ok)
			json_decref(e);
		else   /* takes e, even when it fails */
			ok = json_array_append_new(students, e) == 0;
	}
	for (size_t i = 0; ok && i < d->n_q; i++) {
		const struct class_item *q = &d->q[i];
		const struct class_tally *t = report_class_top_wrong(q);
		json_t *e = json_object();
		ok = jset(e, "item", out_json_str(q->item)) &&
		     jset(e, "expected", out_json_str(q->expected)) &&
		     jset(e, "answers", json_integer(q->answers)) &&
		     jset(e, "correct", json_integer(q->correct)) &&
		     jset(e, "also", json_integer(q->also)) &&
		     jset(e, "accuracy", json_integer(pct(q->correct, q->answers))) &&
		     jset(e, "top_wrong", t ? out_json_str(t->given) : json_null()) &&
		     jset(e, "top_wrong_count", json_integer(t ? t->count : 0));
		if (!ok)
			json_decref(e);
		else
			ok = json_array_append_new(questions, e) == 0;
	}
	ok = ok && jset(o, "students", students);
	students = NULL;
	ok = ok && jset(o, "questions", questions);
	questions = NULL;
	ok = ok && jset(o, "confusions", report_confusion_class_json(r, d->rows, d->n_rows));
	json_decref(students);
	json_decref(questions);
	if (!ok) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* Prints the report; false when JSON could not be written (said why). */
static bool class_print(const struct report_ctx *r, const struct class_data *d,
                        const char *exam_id, int ndb)
{
	int total = d->answers, right = d->correct;
	if (r->json) {
		return json_doc(stdout, class_json(r, d, exam_id, ndb, total, right), true);
	} else if (r->csv) {
		fputs("scope,name,expected,answers,correct,accuracy,avg_ms,top_wrong,top_wrong_count,also,"
		      "confusion,group,students,times,ways\r\n", stdout);
		for (size_t i = 0; i < d->n_st; i++) {
			const struct class_student *s = &d->st[i];
			fputs("student,", stdout);
			out_csv_field(stdout, s->name);
			printf(",,%d,%d,%d,%lld,,,,,,,,\r\n", s->answers, s->correct, pct(s->correct, s->answers),
			       s->answers ? (long long)(s->ms / s->answers) : 0LL);
		}
		for (size_t i = 0; i < d->n_q; i++) {
			const struct class_item *q = &d->q[i];
			const struct class_tally *t = report_class_top_wrong(q);
			fputs("question,", stdout);
			out_csv_field(stdout, q->item);
			putchar(',');
			out_csv_field(stdout, q->expected);
			printf(",%d,%d,%d,,", q->answers, q->correct, pct(q->correct, q->answers));
			if (t)
				out_csv_field(stdout, t->given);
			printf(",%d,%d,,,,,\r\n", t ? t->count : 0, q->also);
		}
		for (size_t i = 0; i < d->n_rows; i++) {
			fputs("confusion,,,,,,,,,,", stdout);
			report_confusion_csv(stdout, &d->rows[i]);
			fputs("\r\n", stdout);
		}
	} else {
		char line[512];
		char exam[96] = "";
		if (exam_id)
			snprintf(exam, sizeof exam, " · %s", exam_id);
		char students[32], answers[32], dbs[32];
		snprintf(line, sizeof line, tr(MSG_REPORT_SUMMARY), exam,
		         i18n_count(MSG_N_STUDENTS_ONE, MSG_N_STUDENTS, (int)d->n_st, students,
		                    sizeof students),
		         i18n_count(MSG_N_ANSWERS_ONE, MSG_N_ANSWERS, total, answers, sizeof answers),
		         pct(right, total),
		         i18n_count(MSG_N_DATABASES_ONE, MSG_N_DATABASES, ndb, dbs, sizeof dbs));
		report_wrap(stdout, line, report_width(), 0, r->utf8);
		putchar('\n');
		class_tables(r, d);
		report_confusion_class_text(r, d->rows, d->n_rows);
	}
	return true;
}

int report_class(const struct report_ctx *r, const char *exam_id, int ndb,
                 char **dbs, const char *db_default, const char *html)
{
	struct class_data d = { 0 };
	struct class_collect collect = { &d, { NULL, 0, 0 }, { NULL, 0, 0 } };
	int rc = 0, n = ndb ? ndb : 1;
	for (int i = 0; i < n; i++) {
		char err[512];
		const char *path = ndb ? dbs[i] : db_default;
		struct store *st = store_open(path, NULL, true, err, sizeof err);
		if (!st) {
			fprintf(stderr, "httptutor: %s\n", err);
			rc = 1;
			continue;
		}
		if (!store_report(st, exam_id, class_group, &collect)) {
			if (st->denied)
				report_error(MSG_DENY_CLASS_REPORT, store_where(st));
			else
				fprintf(stderr, "httptutor: %s\n", st->err);
			rc = 1;
		}
		store_close(st);
	}
	free(collect.st.slot);
	free(collect.q.slot);
	if (!classmix_finish(&d.mix, r->m, &d.rows, &d.n_rows))
		d.oom = true;
	if (d.oom) {
		fprintf(stderr, "httptutor: %s\n", tr(MSG_ERR_OOM));
		rc = 1;
	} else if (!d.n_st && exam_id) {
		report_error(MSG_ERR_NO_EXAM_ANSWERS, exam_id);
		rc = 1;
	} else if (rc == 0 || d.n_st) {
		if (d.n_st)
			qsort(d.st, d.n_st, sizeof *d.st, by_name);
		if (d.n_q)
			qsort(d.q, d.n_q, sizeof *d.q, by_difficulty);
		for (size_t i = 0; i < d.n_st; i++)
			d.answers += d.st[i].answers, d.correct += d.st[i].correct;
		if (html) {
			if (report_class_html(r, &d, n, html))
				rc = 1;
		} else if (!class_print(r, &d, exam_id, n)) {
			rc = 1;
		}
	}
	class_free(&d);
	return rc;
}
