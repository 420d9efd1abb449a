/* report_html.c — one exam's report as a single HTML page a teacher can
 * hand out: no network, no scripts, the charts as inline SVG, laid out for
 * A4 paper, in the chosen language.  Every text from the database is
 * scrubbed and escaped on the way out. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "examrun.h"
#include "html_page.h"
#include "i18n.h"
#include "report_confusion.h"
#include "report_exam.h"

/* Score histogram: one bar per score 0..N (N up to 40), else 20 groups. */
static void histogram_svg(FILE *f, const struct watch_data *d)
{
	int bins = d->n_q + 1, per = 1;
	if (bins > 41) {
		per = (bins + 19) / 20;
		bins = (bins + per - 1) / per;
	}
	int *count = calloc((size_t)bins, sizeof *count), max = 1;
	if (!count)
		return;
	for (int k = 0; k <= d->n_q; k++)
		count[k / per] += d->histogram[k];
	for (int b = 0; b < bins; b++)
		if (count[b] > max)
			max = count[b];
	int W = 640, H = 200, left = 30, bottom = 24, top = 14;
	double bw = (double)(W - left - 6) / bins;
	fprintf(f, "<svg id=\"histogram\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
	        "role=\"img\" aria-label=\"", W, H, W, H);
	html_esc(f, tr(MSG_HTML_HISTOGRAM));
	fputs("\">\n", f);
	fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#111\"/>\n",
	        left, H - bottom, W - 4, H - bottom);
	for (int b = 0; b < bins; b++) {
		double h = (double)(H - bottom - top) * count[b] / max;
		double x = left + b * bw + 1;
		int lo = b * per, hi = b * per + per - 1 < d->n_q ? b * per + per - 1 : d->n_q;
		fprintf(f, "<g class=\"bin\" data-score=\"%d\" data-students=\"%d\">", lo, count[b]);
		fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#3a6ea5\">"
		        "<title>%d%s%d: %d</title></rect>", x, H - bottom - h, bw - 2, h, lo,
		        per > 1 ? "–" : "", per > 1 ? hi : lo, count[b]);
		if (per > 1)
			fprintf(f, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d–%d</text>",
			        x + bw / 2 - 1, H - bottom + 12, lo, hi);
		else
			fprintf(f, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>",
			        x + bw / 2 - 1, H - bottom + 12, lo);
		if (count[b])
			fprintf(f, "<text class=\"count\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>",
			        x + bw / 2 - 1, H - bottom - h - 3, count[b]);
		fputs("</g>\n", f);
	}
	fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", W - 4, H - 2);
	html_esc(f, tr(MSG_HTML_SCORE_AXIS));
	fputs("</text>\n</svg>\n", f);
	free(count);
}

/* Share right per question as horizontal bars. */
static void questions_svg(FILE *f, const struct watch_data *d)
{
	const struct html_bars b = { d->n_q, 14, 34, 40, "#3a8a3f" };
	char attrs[96], num[16], share[16];
	html_bars_open(f, &b, "question-bars", MSG_HTML_QUESTION_BARS);
	for (int k = 0; k < d->n_q; k++) {
		const struct exam_question_stat *q = &d->q[k];
		int pct = exam_report_pct(q->right, q->sat);
		snprintf(attrs, sizeof attrs, "class=\"qbar\" data-question=\"%d\" data-share=\"%d\"",
		         q->number, pct);
		snprintf(num, sizeof num, "%d", q->number);
		snprintf(share, sizeof share, "%d%%", pct);
		html_bar(f, &b, k, attrs, num, pct / 100.0, share);
	}
	html_bars_close(f);
}

static void students_table(FILE *f, const struct watch_data *d)
{
	fputs("<table id=\"students\"><thead><tr>", f);
	const enum msg heads[] = { MSG_RX_COL_STUDENT, MSG_RX_COL_STATUS, MSG_RX_COL_SCORE,
	                           MSG_NONE, MSG_RX_COL_STARTED, MSG_RX_COL_FINISHED,
	                           MSG_RX_COL_TIME, MSG_RX_COL_ATTEMPTS };
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
		fputs(i >= 2 && i != 4 && i != 5 ? "<th class=\"n\">" : "<th>", f);
		if (heads[i] == MSG_NONE)
			fputs("%", f);
		else
			html_esc(f, tr(heads[i]));
		fputs("</th>", f);
	}
	fputs("</tr></thead><tbody>\n", f);
	for (size_t i = 0; i < d->n_s; i++) {
		const struct exam_student *s = &d->s[i];
		char st[32], fin[32], du[32];
		clock_local_str(s->started, "%Y-%m-%d %H:%M", "–", st, sizeof st);
		clock_local_str(s->finished, "%Y-%m-%d %H:%M", "–", fin, sizeof fin);
		if (s->duration >= 0)
			clock_mmss(s->duration, du, sizeof du);
		else
			snprintf(du, sizeof du, "–");
		fputs("<tr class=\"student\"><td class=\"name\">", f);
		html_esc(f, s->name);
		char status[128];
		exam_report_status_line(s, d->n_q, status, sizeof status);
		fputs("</td><td class=\"status\">", f);
		html_esc(f, status);
		fputs("</td><td class=\"n score\">", f);
		if (exam_report_scored(s))
			fprintf(f, "%d", s->score);
		else
			fputs("–", f);
		fprintf(f, "<span class=\"muted\">/%d</span></td><td class=\"n percent\">", d->n_q);
		if (exam_report_scored(s))
			fprintf(f, "%d", exam_report_pct(s->score, d->n_q));
		else
			fputs("–", f);
		fprintf(f, "</td><td>%s</td><td>%s</td><td class=\"n\">%s</td>"
		        "<td class=\"n attempts\">%d</td></tr>\n", st, fin, du, s->attempts);
	}
	fputs("</tbody></table>\n", f);
}

/* What the teacher should check (the text report's "Check these
 * attempts"): one item per sentence, nothing when there is none. */
static void check_list(FILE *f, const struct watch_data *d)
{
	char a[512], b[512];
	if (!d->n_check)
		return;
	html_heading(f, MSG_HTML_CHECK);
	fputs("<ul id=\"check\">\n", f);
	for (size_t i = 0; i < d->n_s; i++) {
		exam_report_check_lines(&d->s[i], a, sizeof a, b, sizeof b);
		for (const char *t = a; t; t = t == a ? b : NULL)
			if (t[0]) {
				fputs("<li class=\"check\">", f);
				html_esc(f, t);
				fputs("</li>\n", f);
			}
	}
	for (size_t i = 0; i < d->n_multi; i++) {
		exam_report_uid_line(&d->multi[i], a, sizeof a);
		fprintf(f, "<li class=\"check same-uid\" data-uid=\"%lld\">", (long long)d->multi[i].uid);
		html_esc(f, a);
		fputs("</li>\n", f);
	}
	fputs("</ul>\n", f);
}

static void questions_table(FILE *f, const struct watch_data *d)
{
	fputs("<table id=\"questions\"><thead><tr><th class=\"n\">#</th><th>", f);
	html_esc(f, tr(MSG_RX_COL_QUESTION));
	fputs("</th><th class=\"n\">", f);
	html_esc(f, tr(MSG_RX_COL_RIGHT));
	fputs("</th><th>", f);
	html_esc(f, tr(MSG_RX_COL_ANSWER));
	fputs("</th><th>", f);
	html_esc(f, tr(MSG_RX_COL_WRONG));
	fputs("</th></tr></thead><tbody>\n", f);
	for (int k = 0; k < d->n_q; k++) {
		const struct exam_question_stat *q = &d->q[k];
		fprintf(f, "<tr class=\"question\"><td class=\"n number\">%d</td><td class=\"text\">",
		        q->number);
		html_esc(f, q->text);
		fprintf(f, "</td><td class=\"n\"><span class=\"share\">%d</span>%%"
		        " <span class=\"muted\">(<span class=\"right\">%d</span>/<span class=\"sat\">%d</span>)"
		        "</span></td><td class=\"expected\">", exam_report_pct(q->right, q->sat),
		        q->right, q->sat);
		html_esc(f, q->expected);
		fputs("</td><td>", f);
		if (q->top_wrong) {
			fputs("<span class=\"top-wrong\">", f);
			html_esc(f, q->top_wrong);
			fprintf(f, "</span> ×<span class=\"top-wrong-count\">%d</span>", q->top_wrong_count);
		} else {
			fputs("–", f);
		}
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody></table>\n", f);
}

static void grid_table(FILE *f, const struct watch_data *d)
{
	/* Wide papers are split into blocks of 30 questions, so a row fits A4. */
	for (int from = 0; from < d->n_q; from += 30) {
		int to = from + 30 < d->n_q ? from + 30 : d->n_q;
		fputs("<table class=\"grid\"><thead><tr><th></th>", f);
		for (int k = from; k < to; k++)
			fprintf(f, "<th>%d</th>", k + 1);
		fputs("</tr></thead><tbody>\n", f);
		for (size_t i = 0; i < d->n_s; i++) {
			const struct exam_student *s = &d->s[i];
			if (!s->cell)
				continue;
			fputs("<tr><td class=\"name\">", f);
			html_esc(f, s->name);
			fputs("</td>", f);
			for (int k = from; k < to; k++)
				fputs(s->cell[k] == 1 ? "<td class=\"r\">✓</td>" :
				      s->cell[k] == 0 ? "<td class=\"w\">✗</td>" : "<td class=\"u\">·</td>", f);
			fputs("</tr>\n", f);
		}
		fputs("</tbody></table>\n", f);
	}
}

int report_html_write(const struct report_ctx *r, const struct watch_data *d, const char *path)
{
	char at[32], buf[512];
	struct html_page page;
	if (!html_page_open(&page, path))
		return 1;
	FILE *f = page.f;
	const struct exam_info *e = &d->info;
	snprintf(buf, sizeof buf, tr(MSG_HTML_TITLE), e->name);
	html_page_head(f, r->lang, buf);
	fputs("<p>", f);
	snprintf(buf, sizeof buf, trn(MSG_EXAM_HEAD_ONE, MSG_EXAM_HEAD, d->n_q), e->name, d->n_q);
	html_esc(f, buf);
	if (e->minutes) {
		snprintf(buf, sizeof buf, tr(MSG_EXAMNEW_MINUTES), e->minutes);
		html_esc(f, buf);
	}
	html_esc(f, tr(e->feedback == EXAM_FEEDBACK_END ? MSG_EXAMNEW_FB_END :
	          e->feedback == EXAM_FEEDBACK_NEVER ? MSG_EXAMNEW_FB_NEVER : MSG_EXAMNEW_FB_CLOSED));
	clock_local_str(e->created_at, "%Y-%m-%d %H:%M", "–", at, sizeof at);
	snprintf(buf, sizeof buf, tr(MSG_HTML_OPENED), at);
	html_esc(f, buf);
	if (e->closed_at || e->closes_at) {
		clock_local_str(e->closed_at ? e->closed_at : e->closes_at, "%Y-%m-%d %H:%M", "–", at, sizeof at);
		snprintf(buf, sizeof buf, tr(e->closed_at ? MSG_REPORT_CLOSED_AT : MSG_EXAMNEW_CLOSES), at);
		html_esc(f, buf);
	}
	clock_local_str(d->now, "%Y-%m-%d %H:%M", "–", at, sizeof at);
	snprintf(buf, sizeof buf, tr(MSG_HTML_AS_OF), at);
	html_esc(f, buf);
	fputs("</p>\n<p id=\"summary\">", f);
	/* Each number in its own element, so it can be read back and checked. */
	snprintf(buf, sizeof buf, "%s", trn(MSG_HTML_SUMMARY_ONE, MSG_HTML_SUMMARY, (long)d->n_s));
	const char *p = buf;
	const int nums[] = { (int)d->n_s, d->n_finished, d->n_timed_out, d->n_closed,
	                     d->n_in_progress, d->n_not_started };
	static const char *const ids[] = { "students", "finished", "timed_out", "closed",
	                                   "in_progress", "not_started" };
	for (int i = 0; i < 6; i++) {
		const char *mark = strstr(p, "%d");
		if (!mark)
			break;
		fwrite(p, 1, (size_t)(mark - p), f);
		fprintf(f, "<span id=\"n-%s\">%d</span>", ids[i], nums[i]);
		p = mark + 2;
	}
	html_esc(f, p);
	if (d->n_ended) {
		snprintf(buf, sizeof buf, tr(MSG_HTML_MEAN), d->mean_score, d->n_q,
		         d->n_q ? (int)(100.0 * d->mean_score / d->n_q + 0.5) : 0);
		fputs(" <span id=\"mean\">", f);
		html_esc(f, buf);
		fputs("</span>", f);
	}
	fputs("</p>\n", f);
	html_heading(f, MSG_HTML_HISTOGRAM);
	histogram_svg(f, d);
	html_heading(f, MSG_HTML_QUESTION_BARS);
	questions_svg(f, d);
	html_heading(f, MSG_HTML_STUDENTS);
	students_table(f, d);
	check_list(f, d);
	html_heading(f, MSG_HTML_QUESTIONS);
	questions_table(f, d);
	report_confusion_class_html(f, r, d->mix, d->n_mix, (int)d->n_s);
	html_heading(f, MSG_HTML_GRID);
	fputs("<p class=\"muted\">", f);
	html_esc(f, tr(MSG_REPORT_GRID_LEGEND));
	fputs("</p>\n", f);
	grid_table(f, d);
	html_page_end(f);
	return html_page_close(&page);
}
