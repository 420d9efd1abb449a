/* report.c — line-command output: card, table, search, stats, export. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "card.h"
#include "clock.h"
#include "find.h"
#include "i18n.h"
#include "markdown.h"
#include "report.h"
#include "text.h"

void report_puts(FILE *f, const char *s, bool utf8)
{
	size_t n = strlen(s);
	char *clean = text_scrub(s, n, true);
	if (!clean)
		return;
	if (utf8) {
		fputs(clean, f);
	} else {
		size_t len = strlen(clean);
		for (size_t i = 0; i < len;) {
			wchar_t wc;
			i += text_decode(clean + i, len - i, &wc);
			fputc((int)text_ascii(wc), f);
		}
	}
	free(clean);
}

void report_wrap(FILE *f, const char *s, int width, int indent, bool utf8)
{
	size_t n = 0;
	char **lines = text_wrap(s, width - indent, &n);
	for (size_t i = 0; i < n; i++) {
		fprintf(f, "%*s", indent, "");
		report_puts(f, lines[i], utf8);
		fputc('\n', f);
	}
	text_lines_free(lines, n);
}

void report_json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", f);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(f, "\\u%04x", *p);
		else
			fputc(*p, f);
	}
	fputc('"', f);
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
		fprintf(stderr, "httptutor: no status code '%s' (try 'httptutor codes --all')\n", arg);
		return 1;
	}
	/* The same card as the full screen, as plain lines. */
	int w = report_width();
	struct lines card = card_lines(r->m, c->code, r->lang, w);
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
			char line[512];
			snprintf(line, sizeof line, "%2d  %-10s %s", c->number, c->id,
			         ltext_get(&c->title, r->lang));
			report_puts(stdout, line, r->utf8);
			putchar('\n');
		}
		return 0;
	}
	const struct chapter *c = &r->m->chapters[chapter];
	const char *src = c->markdown[r->lang] ? c->markdown[r->lang] : c->markdown[LANG_EN];
	struct md_doc doc;
	char err[256];
	if (!md_render(src, strlen(src), report_width(), &doc, err, sizeof err)) {
		fprintf(stderr, "httptutor: %s: %s\n", c->path[r->lang], err);
		return 1;
	}
	for (size_t i = 0; i < doc.n_lines; i++) {
		report_puts(stdout, doc.lines[i].plain ? doc.lines[i].plain : "", r->utf8);
		putchar('\n');
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

static void code_json(const struct report_ctx *r, const struct code_entry *c)
{
	printf("{\"code\":%d,\"phrase\":", c->code);
	report_json_str(stdout, c->phrase);
	printf(",\"class\":\"%dxx\",\"status\":\"%s\",\"core\":%s,\"cacheable\":%s,\"rfc\":",
	       c->code / 100, model_status_name(c->status), c->core ? "true" : "false",
	       c->cacheable ? "true" : "false");
	report_json_str(stdout, c->rfc);
	fputs(",\"name\":", stdout);
	report_json_str(stdout, ltext_get(&c->name, r->lang));
	fputs(",\"summary\":", stdout);
	report_json_str(stdout, ltext_get(&c->summary, r->lang));
	fputs(",\"headers\":[", stdout);
	for (size_t i = 0; i < c->n_headers; i++) {
		if (i)
			putchar(',');
		report_json_str(stdout, c->headers[i]);
	}
	fputs("],\"confused\":[", stdout);
	for (size_t i = 0; i < c->n_confused; i++)
		printf("%s%d", i ? "," : "", c->confused[i]);
	putchar(']');
	putchar('}');
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
			fputs(first ? "\n  " : ",\n  ", stdout);
			code_json(r, c);
		} else {
			/* Columns aligned by display width, not bytes. */
			char *phrase = text_pad(c->phrase, phrase_w);
			char line[1024];
			snprintf(line, sizeof line, "%d %s %s %s", c->code,
			         c->status == CODE_UNOFFICIAL ? "!" : c->core ? "*" : " ",
			         phrase ? phrase : c->phrase, ltext_get(&c->summary, r->lang));
			free(phrase);
			report_puts(stdout, line, r->utf8);
			putchar('\n');
		}
		first = false;
	}
	if (r->json)
		fputs(first ? "]\n" : "\n]\n", stdout);
	return 0;
}

int report_search(const struct report_ctx *r, int nwords, char **words)
{
	char query[512] = "";
	size_t len = 0;
	for (int i = 0; i < nwords; i++)
		len += (size_t)snprintf(query + len, len < sizeof query ? sizeof query - len : 0,
		                        "%s%s", i ? " " : "", words[i]);
	int hits = 0, w = report_width();
	/* A Chinese query is answered in Chinese, whatever the UI language. */
	enum lang L = r->lang;
	for (const char *p = query; *p && r->utf8; p++)
		if ((unsigned char)*p >= 0x80)
			L = LANG_ZH;
	for (size_t i = 0; i < r->m->n_codes; i++) {
		const struct code_entry *c = &r->m->codes[i];
		if (!find_code(c, query))
			continue;
		char line[512];
		snprintf(line, sizeof line, "%d %s — %s", c->code, c->phrase,
		         ltext_get(&c->summary, L));
		report_wrap(stdout, line, w, 0, r->utf8);
		hits++;
	}
	for (size_t i = 0; i < r->m->n_scenarios; i++) {
		const struct scenario *s = &r->m->scenarios[i];
		if (!find_scenario(s, query))
			continue;
		char line[1024];
		snprintf(line, sizeof line, "[%s → %d] %s", s->id, s->answer,
		         ltext_get(&s->situation, L));
		report_wrap(stdout, line, w, 0, r->utf8);
		hits++;
	}
	if (!hits) {
		fprintf(stderr, "httptutor: nothing matches '%s'\n", query);
		return 1;
	}
	return 0;
}

static int pct(int c, int n)
{
	return n ? (100 * c + n / 2) / n : 0;
}

int report_stats(const struct report_ctx *r, struct store *st)
{
	struct progress p;
	if (!store_progress(st, clock_now(), &p)) {
		fprintf(stderr, "httptutor: %s\n", st->err);
		return 1;
	}
	if (r->json) {
		printf("{\"user\":");
		report_json_str(stdout, st->user);
		printf(",\"answers\":%d,\"correct\":%d,\"accuracy\":%d,\"streak\":%d,\"due\":%d,"
		       "\"chapters_opened\":%d,\"classes\":{",
		       p.answers, p.correct, pct(p.correct, p.answers), p.streak, p.due,
		       p.chapters_opened);
		for (int k = 0; k < 5; k++)
			printf("%s\"%dxx\":{\"answers\":%d,\"correct\":%d}", k ? "," : "", k + 1,
			       p.klass[k].answers, p.klass[k].correct);
		printf("},\"codes\":{");
		for (size_t i = 0; i < p.n_codes; i++)
			printf("%s\"%d\":{\"answers\":%d,\"correct\":%d}", i ? "," : "", p.codes[i].key,
			       p.codes[i].answers, p.codes[i].correct);
		printf("},\"days\":[");
		for (int d = 0; d < 14; d++) {
			char day[16];
			time_t t = (time_t)p.days[d].day;
			struct tm tm;
			localtime_r(&t, &tm);
			strftime(day, sizeof day, "%Y-%m-%d", &tm);
			printf("%s{\"day\":\"%s\",\"answers\":%d,\"correct\":%d}", d ? "," : "", day,
			       p.days[d].answers, p.days[d].correct);
		}
		printf("]}\n");
	} else {
		char line[512];
		snprintf(line, sizeof line, tr(MSG_PROGRESS_OVERALL), p.answers, p.correct,
		         pct(p.correct, p.answers), p.streak, p.due, p.chapters_opened);
		report_wrap(stdout, line, report_width(), 0, r->utf8);
		printf("\n");
		report_puts(stdout, tr(MSG_PROGRESS_CLASSES), r->utf8);
		printf("\n");
		for (int k = 0; k < 5; k++)
			printf("  %dxx  %3d%%  %d/%d\n", k + 1, pct(p.klass[k].correct, p.klass[k].answers),
			       p.klass[k].correct, p.klass[k].answers);
		if (p.n_codes) {
			printf("\n");
			for (size_t i = 0; i < p.n_codes; i++) {
				const struct code_entry *c = model_code(r->m, p.codes[i].key);
				snprintf(line, sizeof line, "  %d %-28s %3d%%  %d/%d", p.codes[i].key,
				         c ? c->phrase : "", pct(p.codes[i].correct, p.codes[i].answers),
				         p.codes[i].correct, p.codes[i].answers);
				report_puts(stdout, line, r->utf8);
				putchar('\n');
			}
		}
	}
	store_progress_free(&p);
	return 0;
}

/* Export rows are written as they come, CSV (RFC 4180 quoting) or JSON. */
struct export_ctx {
	bool json;
	int rows;
};

static void csv_field(const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, stdout);
		return;
	}
	putchar('"');
	for (; *s; s++) {
		if (*s == '"')
			putchar('"');
		putchar(*s);
	}
	putchar('"');
}

static void export_row(void *vctx, int ncols, const char *const *cols)
{
	struct export_ctx *x = vctx;
	if (x->json) {
		fputs(x->rows ? ",\n  {" : "\n  {", stdout);
		for (int i = 0; i < ncols; i++) {
			if (i)
				putchar(',');
			report_json_str(stdout, store_export_columns[i]);
			putchar(':');
			report_json_str(stdout, cols[i] ? cols[i] : "");
		}
		putchar('}');
	} else {
		for (int i = 0; i < ncols; i++) {
			if (i)
				putchar(',');
			csv_field(cols[i] ? cols[i] : "");
		}
		fputs("\r\n", stdout);
	}
	x->rows++;
}

int report_export(const struct report_ctx *r, struct store *st)
{
	struct export_ctx x = { r->json, 0 };
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
	if (r->json)
		fputs(x.rows ? "\n]\n" : "]\n", stdout);
	return 0;
}

/* ---- class report ------------------------------------------------------- */

struct tally { char *given; int count; };
struct student_stat { char *name; int answers, correct; int64_t ms; };
struct item_stat { char *item, *expected; int answers, correct; struct tally *wrong; size_t n_wrong; };

struct class_data {
	struct student_stat *st;
	size_t n_st;
	struct item_stat *q;
	size_t n_q;
	bool oom;
};

/* Find name in an array of structs whose first member is a char *; add a
 * zeroed entry when absent.  Returns its index or -1 when out of memory. */
static long find_or_add(void **arr, size_t *n, size_t size, const char *name)
{
	for (size_t i = 0; i < *n; i++)
		if (!strcmp(*(char **)((char *)*arr + i * size), name))
			return (long)i;
	char *grown = realloc(*arr, (*n + 1) * size);
	char *copy = strdup(name);
	if (!grown || !copy) {
		if (grown)
			*arr = grown;
		free(copy);
		return -1;
	}
	*arr = grown;
	memset(grown + *n * size, 0, size);
	*(char **)(grown + *n * size) = copy;
	return (long)(*n)++;
}

static void class_group(void *ctx, const struct report_group *g)
{
	struct class_data *d = ctx;
	void *arr = d->st;
	long si = find_or_add(&arr, &d->n_st, sizeof *d->st, g->user);
	d->st = arr;
	arr = d->q;
	long qi = find_or_add(&arr, &d->n_q, sizeof *d->q, g->item);
	d->q = arr;
	if (si < 0 || qi < 0) {
		d->oom = true;
		return;
	}
	struct student_stat *s = &d->st[si];
	struct item_stat *q = &d->q[qi];
	s->answers += g->count;
	s->correct += g->correct ? g->count : 0;
	s->ms += g->ms;
	q->answers += g->count;
	q->correct += g->correct ? g->count : 0;
	if (!q->expected)
		q->expected = strdup(g->expected);
	if (!g->correct) {
		arr = q->wrong;
		long wi = find_or_add(&arr, &q->n_wrong, sizeof *q->wrong, g->given);
		q->wrong = arr;
		if (wi < 0)
			d->oom = true;
		else
			q->wrong[wi].count += g->count;
	}
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct student_stat *)a)->name, ((const struct student_stat *)b)->name);
}

/* Hardest first: lowest share of right answers, then most answered. */
static int by_difficulty(const void *a, const void *b)
{
	const struct item_stat *x = a, *y = b;
	long lx = (long)x->correct * y->answers, ly = (long)y->correct * x->answers;
	if (lx != ly)
		return lx < ly ? -1 : 1;
	if (x->answers != y->answers)
		return y->answers - x->answers;
	return strcmp(x->item, y->item);
}

static const struct tally *top_wrong(const struct item_stat *q)
{
	const struct tally *t = NULL;
	for (size_t i = 0; i < q->n_wrong; i++)
		if (!t || q->wrong[i].count > t->count)
			t = &q->wrong[i];
	return t;
}

static void class_free(struct class_data *d)
{
	for (size_t i = 0; i < d->n_st; i++)
		free(d->st[i].name);
	for (size_t i = 0; i < d->n_q; i++) {
		free(d->q[i].item);
		free(d->q[i].expected);
		for (size_t k = 0; k < d->q[i].n_wrong; k++)
			free(d->q[i].wrong[k].given);
		free(d->q[i].wrong);
	}
	free(d->st);
	free(d->q);
}

/* One table row: width < 0 pads on the right (text), > 0 on the left
 * (numbers), -1 means the rest of the line. */
static void print_cells(const struct report_ctx *r, const char *const *cells,
                        const int *width, int n)
{
	fputs("  ", stdout);
	for (int i = 0; i < n; i++) {
		int w = width[i] < 0 ? -width[i] : width[i];
		int used = text_width(cells[i]);
		if (width[i] == -1) {
			report_puts(stdout, cells[i], r->utf8);
			break;
		}
		if (width[i] > 0)
			printf("%*s", used < w ? w - used : 0, "");
		char *cell = width[i] < 0 ? text_pad(cells[i], w) : NULL;
		report_puts(stdout, cell ? cell : cells[i], r->utf8);
		free(cell);
		if (i + 1 < n)
			putchar(' ');
	}
	putchar('\n');
}

static void class_print(const struct report_ctx *r, const struct class_data *d,
                        const char *exam_id, int ndb)
{
	int total = 0, right = 0;
	for (size_t i = 0; i < d->n_st; i++)
		total += d->st[i].answers, right += d->st[i].correct;
	if (r->json) {
		printf("{\"exam\":");
		if (exam_id)
			report_json_str(stdout, exam_id);
		else
			fputs("null", stdout);
		printf(",\"databases\":%d,\"answers\":%d,\"correct\":%d,\"students\":[", ndb, total, right);
		for (size_t i = 0; i < d->n_st; i++) {
			const struct student_stat *s = &d->st[i];
			printf("%s\n  {\"user\":", i ? "," : "");
			report_json_str(stdout, s->name);
			printf(",\"answers\":%d,\"correct\":%d,\"accuracy\":%d,\"avg_ms\":%lld}",
			       s->answers, s->correct, pct(s->correct, s->answers),
			       s->answers ? (long long)(s->ms / s->answers) : 0LL);
		}
		printf("],\"questions\":[");
		for (size_t i = 0; i < d->n_q; i++) {
			const struct item_stat *q = &d->q[i];
			const struct tally *t = top_wrong(q);
			printf("%s\n  {\"item\":", i ? "," : "");
			report_json_str(stdout, q->item);
			fputs(",\"expected\":", stdout);
			report_json_str(stdout, q->expected ? q->expected : "");
			printf(",\"answers\":%d,\"correct\":%d,\"accuracy\":%d,\"top_wrong\":",
			       q->answers, q->correct, pct(q->correct, q->answers));
			if (t) {
				report_json_str(stdout, t->given);
				printf(",\"top_wrong_count\":%d}", t->count);
			} else {
				fputs("null,\"top_wrong_count\":0}", stdout);
			}
		}
		printf("]}\n");
	} else if (r->csv) {
		fputs("scope,name,expected,answers,correct,accuracy,avg_ms,top_wrong,top_wrong_count\r\n", stdout);
		for (size_t i = 0; i < d->n_st; i++) {
			const struct student_stat *s = &d->st[i];
			fputs("student,", stdout);
			csv_field(s->name);
			printf(",,%d,%d,%d,%lld,,\r\n", s->answers, s->correct, pct(s->correct, s->answers),
			       s->answers ? (long long)(s->ms / s->answers) : 0LL);
		}
		for (size_t i = 0; i < d->n_q; i++) {
			const struct item_stat *q = &d->q[i];
			const struct tally *t = top_wrong(q);
			fputs("question,", stdout);
			csv_field(q->item);
			putchar(',');
			csv_field(q->expected ? q->expected : "");
			printf(",%d,%d,%d,,", q->answers, q->correct, pct(q->correct, q->answers));
			if (t)
				csv_field(t->given);
			printf(",%d\r\n", t ? t->count : 0);
		}
	} else {
		char line[512];
		char exam[96] = "";
		if (exam_id)
			snprintf(exam, sizeof exam, " · %s", exam_id);
		snprintf(line, sizeof line, tr(MSG_REPORT_SUMMARY), exam, (int)d->n_st, total,
		         pct(right, total), ndb);
		report_wrap(stdout, line, report_width(), 0, r->utf8);
		putchar('\n');
		/* Columns padded by display width, so Chinese headings line up too. */
		print_cells(r, (const char *[]){ tr(MSG_REPORT_COL_STUDENT), tr(MSG_REPORT_COL_ANSWERS),
		            tr(MSG_REPORT_COL_RIGHT), tr(MSG_REPORT_COL_SHARE), tr(MSG_REPORT_COL_TIME) },
		            (const int[]){ -24, 7, 7, 7, 9 }, 5);
		for (size_t i = 0; i < d->n_st; i++) {
			const struct student_stat *s = &d->st[i];
			char a[16], c[16], p[16], t[16];
			snprintf(a, sizeof a, "%d", s->answers);
			snprintf(c, sizeof c, "%d", s->correct);
			snprintf(p, sizeof p, "%d%%", pct(s->correct, s->answers));
			snprintf(t, sizeof t, "%.1fs", s->answers ? (double)s->ms / s->answers / 1000.0 : 0.0);
			print_cells(r, (const char *[]){ s->name, a, c, p, t },
			            (const int[]){ -24, 7, 7, 7, 9 }, 5);
		}
		putchar('\n');
		print_cells(r, (const char *[]){ tr(MSG_REPORT_COL_QUESTION), tr(MSG_REPORT_COL_EXPECTED),
		            tr(MSG_REPORT_COL_ANSWERS), tr(MSG_REPORT_COL_SHARE), tr(MSG_REPORT_COL_WRONG) },
		            (const int[]){ -30, -16, 7, 7, -1 }, 5);
		for (size_t i = 0; i < d->n_q; i++) {
			const struct item_stat *q = &d->q[i];
			const struct tally *t = top_wrong(q);
			char a[16], p[16], wrong[64] = "";
			snprintf(a, sizeof a, "%d", q->answers);
			snprintf(p, sizeof p, "%d%%", pct(q->correct, q->answers));
			if (t)
				snprintf(wrong, sizeof wrong, "%s ×%d", t->given, t->count);
			print_cells(r, (const char *[]){ q->item, q->expected ? q->expected : "", a, p, wrong },
			            (const int[]){ -30, -16, 7, 7, -1 }, 5);
		}
	}
}

int report_class(const struct report_ctx *r, const char *exam_id, int ndb,
                 char **dbs, const char *db_default)
{
	struct class_data d = { 0 };
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
		if (!store_report(st, exam_id, class_group, &d)) {
			fprintf(stderr, "httptutor: %s\n", st->err);
			rc = 1;
		}
		store_close(st);
	}
	if (d.oom) {
		fprintf(stderr, "httptutor: out of memory\n");
		rc = 1;
	} else if (!d.n_st && exam_id) {
		fprintf(stderr, "httptutor: no answers for exam '%s' (exam ids look like "
		        "seed-S-nN: the seed and count given to `httptutor exam`)\n", exam_id);
		rc = 1;
	} else if (rc == 0 || d.n_st) {
		if (d.n_st)
			qsort(d.st, d.n_st, sizeof *d.st, by_name);
		if (d.n_q)
			qsort(d.q, d.n_q, sizeof *d.q, by_difficulty);
		class_print(r, &d, exam_id, n);
	}
	class_free(&d);
	return rc;
}
