/* answer.h — what the quiz screen and plain mode both do with an answer:
 * turn it into a log row, and gather the explanation to show. */
#ifndef HTTPTUTOR_ANSWER_H
#define HTTPTUTOR_ANSWER_H

#include "quiz.h"
#include "store.h"

/* Storage for the strings an answer_rec points to. */
struct answer_buf {
	char item[64], shown[160], given[48], expected[48];
};

/* A quiz's session row.  It is written when the quiz starts; when that
 * fails (a full disk), the next answer saved writes it first, so an answer
 * never points to a session that is not there. */
struct answer_session {
	const char *kind;            /* "quiz" or "review" (static) */
	uint64_t seed;
	const char *content_version; /* borrowed from the model */
	int64_t id;                  /* its row, once written (0 when the store keeps none) */
	bool begun;                  /* the store took it */
};
/* Write s when it is not written yet; false with st->err set. */
bool answer_session_begin(struct store *st, struct answer_session *s);
/* Save r as an answer of s, writing s first when needed (r->session is
 * set; 0 when s still cannot be written); false with st->err set, and
 * nothing saved. */
bool answer_save(struct store *st, struct answer_session *s, struct answer_rec *r);

/* Fill r (pointing into b) for question q answered with given. */
void answer_fill(struct answer_rec *r, struct answer_buf *b, const struct question *q,
                 int given, int64_t session, int64_t ms, int64_t at,
                 const char *content_version);

struct explanation {
	const char *why;          /* why the right answer is right ("" if none) */
	int whynot_code;          /* the wrong code chosen, if the scenario explains it */
	const char *whynot;       /* why that code is wrong here, or NULL */
	int also_code;            /* the code given, when it counts only as an `also` */
	const char *also;         /* why it counts, and why the answer is sharper, or NULL */
	const char *header_why;   /* Q_HEADER: why that header, or NULL */
	const char *ref;          /* chapter#anchor to read more, or NULL */
	char rule[1024];          /* storage for a why-not made from a contrast rule */
};
/* Gather the explanation of q in lang for the answer given. */
void answer_explain(const struct question *q, int given, enum lang lang,
                    struct explanation *out);
/* A meaning question answered with another code's meaning: say whose
 * meaning it was, as a pick question's scenario says why a code is wrong
 * (whynot_code and whynot in out).  Nothing for other questions. */
void answer_explain_meaning(const struct model *m, const struct question *q, int given,
                            enum lang lang, struct explanation *out);
/* Choice i of q as shown: "403 Forbidden", a code's meaning in lang (m
 * names the codes), or a header name. */
void answer_choice_label(const struct model *m, const struct question *q, int i,
                         enum lang lang, char *buf, size_t n);
/* What the learner gave, as a label to put in a sentence: "b) 403 Forbidden"
 * when it is one of the choices (a meaning without its closing full stop,
 * "c) Something unexpected broke inside the server"), else the code with its
 * phrase ("599"). */
void answer_given_label(const struct model *m, const struct question *q, int given,
                        enum lang lang, char *buf, size_t n);
/* The question's own line ("Which status code should the server return?"). */
void answer_prompt(const struct question *q, char *buf, size_t n);
/* A short label for the right answer: "403 Forbidden" or a header name. */
void answer_right_label(const struct question *q, char *buf, size_t n);
/* The right answer as the learner saw it, for a sentence: a meaning
 * question's right meaning with its letter ("c) Temporarily elsewhere; keep
 * using the original URL"), else answer_right_label. */
void answer_right_shown(const struct model *m, const struct question *q, enum lang lang,
                        char *buf, size_t n);

#endif
