/* quiz.h — the quiz engine: question generation, distractors, answer checking
 * and Leitner scheduling.  Pure C: no I/O, no clock, no globals; randomness
 * comes from a seeded generator so a seed reproduces a quiz exactly. */
#ifndef HTTPTUTOR_QUIZ_H
#define HTTPTUTOR_QUIZ_H

#include <stdint.h>
#include "model.h"

enum qtype {
	Q_PICK,      /* situation → pick the code (4 choices) */
	Q_TYPE,      /* situation → type the code number */
	Q_MEANING,   /* code → pick its meaning (4 summaries) */
	Q_HEADER,    /* situation → pick the header that must go with the answer */
	Q_NTYPES
};
#define QTYPE_ALL ((1u << Q_NTYPES) - 1)

#define QUIZ_CHOICES 4

/* Splitmix64-based generator: identical sequences on every platform. */
struct rng { uint64_t s; };
void rng_seed(struct rng *r, uint64_t seed);
uint64_t rng_next(struct rng *r);
/* Uniform in [0, n) without modulo bias; n > 0. */
uint32_t rng_below(struct rng *r, uint32_t n);

struct question {
	enum qtype type;
	const struct scenario *sc;       /* NULL for Q_MEANING */
	const struct code_entry *code;   /* the right code */
	int n_choices;                   /* 0 for Q_TYPE, else QUIZ_CHOICES */
	int choice_code[QUIZ_CHOICES];   /* Q_PICK, Q_MEANING: codes shown */
	const char *choice_header[QUIZ_CHOICES]; /* Q_HEADER: names shown */
	int right;                       /* index of the right choice, -1 for Q_TYPE */
	char item[64];                   /* scheduling id: scenario id, or "code:403" */
	const struct contrast *group;    /* a drill question: its contrast group, else NULL */
};

/* Leitner state of one item, derived by replaying its answers in order. */
struct leitner {
	char item[64];
	int box;          /* 1..5; 0 = never answered */
	int64_t due;      /* unix seconds when it should come back */
	int64_t last;     /* unix seconds of the last answer */
	int64_t last_wrong; /* unix seconds of the last wrong answer, 0 if none */
	int seen, wrong;  /* answers and wrong answers so far */
};
/* Days until an item in box 1..5 is due again: 0, 1, 3, 7, 14. */
int quiz_box_days(int box);
/* Apply one answer given at time `when` (unix seconds): wrong → box 1 due at
 * once; right → next box (max 5), due after quiz_box_days(new box). */
void quiz_leitner_apply(struct leitner *l, bool correct, int64_t when);

/* Items answered within this many days come after fresh ones in a quiz. */
#define QUIZ_FRESH_DAYS 7

struct quiz_opts {
	int count;              /* questions wanted (>= 1) */
	int klass;              /* 1..5 to restrict to a class, 0 = any */
	const char *chapter;    /* chapter id to restrict to, or NULL */
	unsigned types;         /* bit set of 1u << enum qtype; 0 means all */
	uint64_t seed;
	bool unofficial;        /* allow unofficial codes (never by default) */
	/* The learner's history (may be NULL): items answered after `fresh_after`
	 * (unix seconds) are drawn only once every other item is used, so quizzes
	 * on consecutive days repeat little.  Leave NULL for a reproducible quiz. */
	const struct leitner *seen;
	size_t n_seen;
	int64_t fresh_after;
	/* A drill on one contrast group (or NULL): only scenarios answered by the
	 * group's codes, interleaved so that the same answer rarely comes twice in
	 * a row and every code comes up about as often, each question showing all
	 * the group's codes among its choices.  klass and chapter do not apply;
	 * types may be pick and type (pick when 0). */
	const struct contrast *drill;
	/* Scenarios the learner may not be asked now (those of an exam they are
	 * sitting, examhide.h), or NULL: hidden(hidden_ctx, id) says. */
	bool (*hidden)(const void *ctx, const char *item);
	const void *hidden_ctx;
};

struct quiz {
	struct question *q;     /* owned array */
	size_t n;
};

/* Build a quiz from the model.  Items are drawn without repetition (fewer than
 * count if the filters leave fewer); order, types and choices come from the
 * seed only.  Returns false when nothing matches.  Free with quiz_free(). */
bool quiz_build(const struct model *m, const struct quiz_opts *o, struct quiz *out);

/* Build a review quiz: items due at `now` or missed recently come first
 * (most overdue / most wrong first), then nothing else.  states[] are the
 * learner's item states (from the store).  Returns false when nothing is due.
 * Due means box 1 (missed, not yet right since) or due <= now; order is wrong
 * count desc, then due asc, then item id.  Items gone from the model are
 * skipped; "code:NNN" items become Q_MEANING.  o->count <= 0 means no cap;
 * klass/chapter/types filter as in quiz_build. */
bool quiz_build_review(const struct model *m, const struct leitner *states,
                       size_t n_states, int64_t now, const struct quiz_opts *o,
                       struct quiz *out);
void quiz_free(struct quiz *qz);

/* Interpret a learner's input for q: a choice number "1"–"4", a letter
 * "a"–"d" (any case), a status code "403", or (Q_HEADER) a header name.
 * Surrounding blanks are ignored.  Returns the code/choice given in *given
 * (a code for Q_PICK/Q_TYPE/Q_MEANING, a choice index for Q_HEADER) and
 * true when the input is understood; false means "ask again".
 * Per type: Q_PICK a choice, or a code that is one of the choices or an
 * also code of the scenario (any other code is not understood: ask again);
 * Q_TYPE a code only; Q_MEANING a choice only; Q_HEADER a choice or a shown
 * header name (case-insensitive).  *given is untouched on false. */
bool quiz_parse(const struct question *q, const char *input, int *given);
/* Whether `given` (as from quiz_parse) is right: the answer, or (for a
 * scenario's pick or type question) one of its `also` codes. */
bool quiz_is_right(const struct question *q, int given);
/* Whether `given` is right only as one of the scenario's `also` codes: it
 * counts, but the answer is the sharper one. */
bool quiz_is_also(const struct question *q, int given);

/* Text forms for the answer log: choices shown ("403,401,404,400" or header
 * names), the given and the right answer.  Write into buf (size n). */
void quiz_shown_str(const struct question *q, char *buf, size_t n);
void quiz_answer_str(const struct question *q, int given, char *buf, size_t n);
void quiz_right_str(const struct question *q, char *buf, size_t n);
/* part of whole in per cent, rounded to the nearest (2 of 3 is 67); 0 when
 * whole is 0.  Every figure the learner or teacher sees uses this. */
int quiz_percent(int part, int whole);

/* The id an exam is recorded under: "seed-S-nN", the same for everyone who
 * sits it with the same seed and count. */
void quiz_exam_id(uint64_t seed, int count, char *buf, size_t n);
const char *quiz_type_name(enum qtype t);          /* "pick", "type", "meaning", "header" */
bool quiz_type_parse(const char *s, enum qtype *t);

#endif
