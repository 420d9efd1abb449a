/* answer.c — answer → log row, and the explanation shown after it. */
#include <stdio.h>
#include <string.h>

#include "answer.h"
#include "contrast.h"
#include "i18n.h"

void answer_fill(struct answer_rec *r, struct answer_buf *b, const struct question *q,
                 int given, int64_t session, int64_t ms, int64_t at,
                 const char *content_version)
{
	snprintf(b->item, sizeof b->item, "%s", q->item);
	quiz_shown_str(q, b->shown, sizeof b->shown);
	quiz_answer_str(q, given, b->given, sizeof b->given);
	quiz_right_str(q, b->expected, sizeof b->expected);
	*r = (struct answer_rec){
		.session = session, .item = b->item, .qtype = quiz_type_name(q->type),
		.shown = b->shown, .given = b->given, .expected = b->expected,
		.code = q->code ? q->code->code : 0,
		.correct = quiz_is_right(q, given), .ms = ms, .at = at,
		.content_version = content_version,
	};
}

bool answer_session_begin(struct store *st, struct answer_session *s)
{
	if (!s->begun)
		s->begun = store_session_begin(st, s->kind, s->seed, s->content_version, &s->id);
	return s->begun;
}

bool answer_save(struct store *st, struct answer_session *s, struct answer_rec *r)
{
	/* Without its session the answer is still worth keeping; and when the
	 * answer cannot be kept either, its own failure is what to say. */
	answer_session_begin(st, s);
	r->session = s->id;
	return store_record(st, r);
}

void answer_explain_meaning(const struct model *m, const struct question *q, int given,
                            enum lang lang, struct explanation *out)
{
	if (q->type != Q_MEANING || !q->code || given <= 0 || given == q->code->code || out->whynot)
		return;
	const struct code_entry *e = model_code(m, given);
	if (!e)
		return;
	snprintf(out->rule, sizeof out->rule, tr(MSG_MEANING_WHYNOT), given,
	         ltext_get(&e->name, lang), q->code->code);
	out->whynot_code = given;
	out->whynot = out->rule;
}

void answer_explain(const struct question *q, int given, enum lang lang,
                    struct explanation *out)
{
	memset(out, 0, sizeof *out);
	out->why = "";
	if (!q->code)           /* a sealed exam question: nothing to explain yet */
		return;
	if (q->sc) {
		out->why = ltext_get(&q->sc->why, lang);
		out->ref = q->sc->anchor;
		if (q->type == Q_HEADER && q->sc->header)
			out->header_why = ltext_get(&q->sc->header_why, lang);
		/* The chosen wrong code, if the scenario says why it is tempting. */
		int code = q->type == Q_HEADER ? 0 : given;
		for (size_t i = 0; code && code != q->code->code && i < q->sc->n_whynot; i++)
			if (q->sc->whynot[i].code == code) {
				out->whynot_code = code;
				out->whynot = ltext_get(&q->sc->whynot[i].text, lang);
			}
		/* A drill shows every code of its group; one the scenario does not
		 * explain is answered by the group's deciding question and rule. */
		int k = q->group && code && !out->whynot ? contrast_index(q->group, code) : -1;
		if (k >= 0 && code != q->code->code && !quiz_is_also(q, code)) {
			snprintf(out->rule, sizeof out->rule, tr(MSG_CONTRAST_WHYNOT),
			         ltext_get(&q->group->question, lang), code,
			         ltext_get(&q->group->rule[k], lang));
			out->whynot_code = code;
			out->whynot = out->rule;
		}
		/* A second acceptable code: say why it counts and why the answer is sharper. */
		for (size_t i = 0; quiz_is_also(q, code) && i < q->sc->n_also; i++)
			if (q->sc->also[i].code == code) {
				out->also_code = code;
				out->also = ltext_get(&q->sc->also[i].text, lang);
			}
	} else if (q->code) {
		out->why = ltext_get(&q->code->detail, lang);
		out->ref = q->code->anchor;
	}
}

void answer_right_label(const struct question *q, char *buf, size_t n)
{
	if (q->type == Q_HEADER && q->right >= 0)
		snprintf(buf, n, "%s", q->choice_header[q->right]);
	else if (!q->code)
		snprintf(buf, n, "?");
	else
		snprintf(buf, n, "%d %s", q->code->code, q->code->phrase);
}

void answer_right_shown(const struct model *m, const struct question *q, enum lang lang,
                        char *buf, size_t n)
{
	if (q->type == Q_MEANING && q->code)
		answer_given_label(m, q, q->code->code, lang, buf, n);
	else
		answer_right_label(q, buf, n);
}

void answer_choice_label(const struct model *m, const struct question *q, int i,
                         enum lang lang, char *buf, size_t n)
{
	const struct code_entry *c = model_code(m, q->choice_code[i]);
	switch (q->type) {
	case Q_HEADER:
		snprintf(buf, n, "%s", q->choice_header[i]);
		break;
	case Q_MEANING:
		snprintf(buf, n, "%s", c ? ltext_get(&c->summary, lang) : "?");
		break;
	default:
		snprintf(buf, n, "%d %s", q->choice_code[i], c ? c->phrase : "");
	}
}

/* Drop the full stop that ends s ("." "。" "．"): the label goes inside a
 * sentence of ours, which has its own punctuation. */
static void drop_stop(char *s)
{
	static const char *const stops[] = { "\xE3\x80\x82", "\xEF\xBC\x8E", "." };
	size_t len = strlen(s);
	for (size_t i = 0; i < sizeof stops / sizeof stops[0]; i++) {
		size_t k = strlen(stops[i]);
		if (len > k && !memcmp(s + len - k, stops[i], k)) {
			s[len - k] = '\0';
			return;
		}
	}
}

void answer_given_label(const struct model *m, const struct question *q, int given,
                        enum lang lang, char *buf, size_t n)
{
	for (int k = 0; k < q->n_choices; k++)
		if (q->type == Q_HEADER ? given == k : given == q->choice_code[k]) {
			char label[300];
			answer_choice_label(m, q, k, lang, label, sizeof label);
			drop_stop(label);
			snprintf(buf, n, "%c) %s", 'a' + k, label);
			return;
		}
	const struct code_entry *c = model_code(m, given);
	snprintf(buf, n, "%d%s%s", given, c ? " " : "", c ? c->phrase : "");
}

void answer_prompt(const struct question *q, char *buf, size_t n)
{
	if (q->type == Q_HEADER)
		snprintf(buf, n, tr(MSG_QUIZ_HEADER_PROMPT), q->code->code);
	else
		snprintf(buf, n, "%s", tr(q->type == Q_TYPE ? MSG_QUIZ_TYPE_PROMPT :
		                          q->type == Q_MEANING ? MSG_QUIZ_MEANING_PROMPT :
		                          MSG_QUIZ_PICK_PROMPT));
}
