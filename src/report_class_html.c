/* report_class_html.c — the whole-class report (`report --html FILE`
 * without --exam) as one page a teacher can print or hand on: the key
 * figures, the class's top confusions as a bar chart and a table, then the
 * per-student and per-question tables as the text report has them, with
 * each question's situation in the chosen language.  The page pieces are
 * html_page.h's; every text from the database is escaped there. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "html_page.h"
#include "i18n.h"
#include "quiz.h"
#include "report_class.h"
#include "report_confusion.h"

/* One key figure: a label over a number the tests can find by its id. */
static void figure(FILE *f, enum msg label, const char *id, int n, const char *unit)
{
	fputs("<th>", f);
	html_esc(f, tr(label));
	fprintf(f, "</th><td class=\"n\"><span id=\"n-%s\">%d</span>%s</td>", id, n, unit);
}

static void figures(FILE *f, const struct class_data *d, int ndb)
{
	fputs("<table id=\"summary\" class=\"figures\"><tr>", f);
	figure(f, MSG_HTML_STUDENTS, "students", (int)d->n_st, "");
	figure(f, MSG_HTML_CLASS_ANSWERS, "answers", d->answers, "");
	figure(f, MSG_HTML_CLASS_RIGHT, "correct", d->correct, "");
	figure(f, MSG_HTML_CLASS_SHARE, "accuracy", quiz_percent(d->correct, d->answers), "%");
	figure(f, MSG_HTML_CLASS_DATABASES, "databases", ndb, "");
	fputs("</tr></table>\n", f);
}

static void head_cells(FILE *f, const enum msg *heads, const bool *numeric, size_t n)
{
	fputs("<thead><tr>", f);
	for (size_t i = 0; i < n; i++) {
		fputs(numeric[i] ? "<th class=\"n\">" : "<th>", f);
		html_esc(f, tr(heads[i]));
		fputs("</th>", f);
	}
	fputs("</tr></thead><tbody>\n", f);
}

static void students_table(FILE *f, const struct class_data *d)
{
	static const enum msg heads[] = { MSG_REPORT_COL_STUDENT, MSG_REPORT_COL_ANSWERS,
	                                  MSG_REPORT_COL_RIGHT, MSG_REPORT_COL_SHARE,
	                                  MSG_REPORT_COL_TIME };
	static const bool numeric[] = { false, true, true, true, true };
	fputs("<table id=\"students\">", f);
	head_cells(f, heads, numeric, 5);
	for (size_t i = 0; i < d->n_st; i++) {
		const struct class_student *s = &d->st[i];
		long long ms = s->answers ? (long long)(s->ms / s->answers) : 0;
		fputs("<tr class=\"student\"><td class=\"name\">", f);
		html_esc(f, s->name);
		fprintf(f, "</td><td class=\"n answers\">%d</td><td class=\"n correct\">%d</td>"
		        "<td class=\"n\"><span class=\"accuracy\">%d</span>%%</td>"
		        "<td class=\"n avg\" data-ms=\"%lld\">%.1fs</td></tr>\n", s->answers, s->correct,
		        quiz_percent(s->correct, s->answers), ms, (double)ms / 1000.0);
	}
	fputs("</tbody></table>\n", f);
}

/* What the question asked, in the chosen language: a scenario's situation,
 * or for a question about a code ("code:403") the code and its name. */
static void question_text(FILE *f, const struct report_ctx *r, const char *item)
{
	const struct scenario *sc = model_scenario(r->m, item);
	const struct code_entry *c = !sc && !strncmp(item, "code:", 5) ?
	                             report_find_code(r->m, item + 5) : NULL;
	if (!sc && !c)
		return;
	fputs("<br><span class=\"muted situation\">", f);
	if (sc) {
		html_esc(f, ltext_get(&sc->situation, r->lang));
	} else {
		fprintf(f, "%d ", c->code);
		html_esc(f, ltext_get(&c->name, r->lang));
	}
	fputs("</span>", f);
}

static void questions_table(FILE *f, const struct report_ctx *r, const struct class_data *d)
{
	static const enum msg heads[] = { MSG_REPORT_COL_QUESTION, MSG_REPORT_COL_EXPECTED,
	                                  MSG_REPORT_COL_ANSWERS, MSG_REPORT_COL_SHARE,
	                                  MSG_REPORT_COL_WRONG };
	static const bool numeric[] = { false, false, true, true, false };
	char also[96];
	fputs("<table id=\"questions\">", f);
	head_cells(f, heads, numeric, 5);
	for (size_t i = 0; i < d->n_q; i++) {
		const struct class_item *q = &d->q[i];
		const struct class_tally *t = report_class_top_wrong(q);
		fputs("<tr class=\"question\"><td><span class=\"item\">", f);
		html_esc(f, q->item);
		fputs("</span>", f);
		question_text(f, r, q->item);
		fputs("</td><td class=\"expected\">", f);
		html_esc(f, q->expected);
		fprintf(f, "</td><td class=\"n answers\">%d</td><td class=\"n\" data-correct=\"%d\">"
		        "<span class=\"accuracy\">%d</span>%%</td><td>",
		        q->answers, q->correct, quiz_percent(q->correct, q->answers));
		if (t) {
			fputs("<span class=\"top-wrong\">", f);
			html_esc(f, t->given);
			fprintf(f, "</span> ×<span class=\"top-wrong-count\">%d</span>", t->count);
		}
		if (q->also) {   /* right answers that were the second acceptable code */
			snprintf(also, sizeof also, tr(MSG_REPORT_ALSO), t ? "; " : "", q->also);
			fprintf(f, "<span class=\"muted also\" data-also=\"%d\">", q->also);
			html_esc(f, also);
			fputs("</span>", f);
		}
		if (!t && !q->also)
			fputs("–", f);
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody></table>\n", f);
}

int report_class_html(const struct report_ctx *r, const struct class_data *d, int ndb,
                      const char *path)
{
	struct html_page page;
	char buf[512], at[32], dbs[32];
	if (!html_page_open(&page, path))
		return 1;
	FILE *f = page.f;
	html_page_head(f, r->lang, tr(MSG_HTML_CLASS_TITLE));
	clock_local_str(clock_now(), "%Y-%m-%d %H:%M", "–", at, sizeof at);
	snprintf(buf, sizeof buf, tr(MSG_HTML_CLASS_INTRO),
	         i18n_count(MSG_N_DATABASES_ONE, MSG_N_DATABASES, ndb, dbs, sizeof dbs), at);
	fputs("<p>", f);
	html_esc(f, buf);
	fputs("</p>\n", f);
	figures(f, d, ndb);
	if (!d->n_st) {
		fputs("<p id=\"empty\">", f);
		html_esc(f, tr(MSG_HTML_CLASS_EMPTY));
		fputs("</p>\n", f);
	}
	/* What to teach again comes first: it is what the page is read for. */
	report_confusion_class_html(f, r, d->rows, d->n_rows, (int)d->n_st);
	html_heading(f, MSG_HTML_STUDENTS);
	students_table(f, d);
	html_heading(f, MSG_HTML_QUESTIONS);
	questions_table(f, r, d);
	html_page_end(f);
	return html_page_close(&page);
}
