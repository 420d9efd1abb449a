/* quiz.c — the quiz engine: picks items, builds choices, checks answers and
 * schedules reviews.  No I/O, no clock, no globals: every random decision is
 * drawn from the caller's seed, so the same seed and model give the same quiz. */
#include "quiz.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- random numbers -------------------------------------------------- */

void rng_seed(struct rng *r, uint64_t seed)
{
	r->s = seed;
}

uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

uint32_t rng_below(struct rng *r, uint32_t n)
{
	uint32_t x, floor;

	if (n <= 1)
		return 0;
	/* 2^32 mod n: values below it would make the low residues more likely. */
	floor = (uint32_t)(-n) % n;
	do
		x = (uint32_t)(rng_next(r) >> 32);
	while (x < floor);
	return x % n;
}

/* ---- small helpers ----------------------------------------------------- */

/* Relative weights of the question types when several fit an item:
 * mostly "pick the code", the others for variety. */
static const unsigned type_weight[Q_NTYPES] = { 5, 2, 2, 2 };

/* Headers offered as wrong answers to Q_HEADER questions. */
static const char *const header_pool[] = {
	"Location", "Retry-After", "WWW-Authenticate", "Allow", "Content-Range",
	"ETag", "Cache-Control", "Content-Location", "Upgrade", "Link", "Vary",
	"Accept", "Content-Type",
};
#define N_HEADER_POOL (sizeof header_pool / sizeof header_pool[0])

_Static_assert(QUIZ_CHOICES - 1 <= SCENARIO_MIN_WHYNOT,
               "every wrong choice of a scenario question needs its why-not");

/* ASCII-only, so header names compare the same in every locale. */
static bool ascii_ieq(const char *a, const char *b)
{
	for (;; a++, b++) {
		unsigned char ca = (unsigned char)*a, cb = (unsigned char)*b;
		if (ca >= 'A' && ca <= 'Z')
			ca = (unsigned char)(ca - 'A' + 'a');
		if (cb >= 'A' && cb <= 'Z')
			cb = (unsigned char)(cb - 'A' + 'a');
		if (ca != cb)
			return false;
		if (ca == '\0')
			return true;
	}
}

/* Own lookup (codes are sorted) so the engine links and tests without content.c. */
static const struct code_entry *find_code(const struct model *m, int code)
{
	size_t lo = 0, hi = m->n_codes;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->codes[mid].code == code)
			return &m->codes[mid];
		if (m->codes[mid].code < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static const struct scenario *find_scenario(const struct model *m, const char *id)
{
	for (size_t i = 0; i < m->n_scenarios; i++)
		if (m->scenarios[i].id && strcmp(m->scenarios[i].id, id) == 0)
			return &m->scenarios[i];
	return NULL;
}

/* Whether "chapter#anchor" belongs to chapter id. */
static bool anchor_in_chapter(const char *anchor, const char *chapter)
{
	size_t len = strlen(chapter);

	if (!anchor)
		return false;
	return strncmp(anchor, chapter, len) == 0 &&
	       (anchor[len] == '#' || anchor[len] == '\0');
}

/* A code may be shown as a wrong choice only if learners could meet it. */
static bool distractor_ok(const struct code_entry *ce)
{
	return ce && ce->status != CODE_UNOFFICIAL && ce->status != CODE_UNUSED;
}

static bool same_summary(const struct code_entry *a, const struct code_entry *b)
{
	for (int l = 0; l < LANG_COUNT; l++) {
		const char *sa = a->summary.s[l], *sb = b->summary.s[l];
		if (sa && sb && strcmp(sa, sb) == 0)
			return true;
	}
	return false;
}

static void shuffle_ints(struct rng *r, int *v, size_t n)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = rng_below(r, (uint32_t)i);
		int t = v[i - 1];
		v[i - 1] = v[j];
		v[j] = t;
	}
}

/* ---- items ------------------------------------------------------------- */

/* Something that can be asked: a scenario or (for Q_MEANING) a code. */
struct cand {
	const struct scenario *sc;
	const struct code_entry *ce;    /* the right code */
	unsigned fits;                  /* question types possible for it */
	bool recent;                    /* answered lately: drawn last */
	const struct contrast *group;   /* a drill: its codes are always choices */
};

/* Whether the learner answered this candidate after o->fresh_after. */
static bool cand_recent(const struct quiz_opts *o, const struct cand *c)
{
	char item[64];
	if (!o->seen)
		return false;
	if (c->sc)
		snprintf(item, sizeof item, "%s", c->sc->id);
	else
		snprintf(item, sizeof item, "code:%d", c->ce->code);
	for (size_t i = 0; i < o->n_seen; i++)
		if (o->seen[i].last > o->fresh_after && strcmp(o->seen[i].item, item) == 0)
			return true;
	return false;
}

/* Fill c for scenario sc, or return false when the filters exclude it. */
static bool cand_scenario(const struct model *m, const struct quiz_opts *o,
                          const struct scenario *sc, unsigned types, struct cand *c)
{
	const struct code_entry *ce = find_code(m, sc->answer);

	if (!ce || !sc->id || strlen(sc->id) >= sizeof ((struct question *)0)->item)
		return false;
	if (ce->status == CODE_UNUSED || (ce->status == CODE_UNOFFICIAL && !o->unofficial))
		return false;
	if (o->klass && sc->answer / 100 != o->klass)
		return false;
	if (o->chapter && !anchor_in_chapter(sc->anchor, o->chapter))
		return false;
	if (o->hidden && o->hidden(o->hidden_ctx, sc->id))
		return false;
	c->sc = sc;
	c->ce = ce;
	c->group = NULL;
	c->fits = types & ((1u << Q_PICK) | (1u << Q_TYPE) |
	                   (sc->header && *sc->header ? 1u << Q_HEADER : 0u));
	return c->fits != 0;
}

/* Fill c for a Q_MEANING item on code ce, or return false. */
static bool cand_code(const struct quiz_opts *o, const struct code_entry *ce,
                      unsigned types, bool any_status, struct cand *c)
{
	bool in_class = o->klass && ce->code / 100 == o->klass;

	if (!(types & (1u << Q_MEANING)))
		return false;
	if (ce->status == CODE_UNUSED || (ce->status == CODE_UNOFFICIAL && !o->unofficial))
		return false;
	if (o->klass && !in_class)
		return false;
	if (o->chapter && !anchor_in_chapter(ce->anchor, o->chapter))
		return false;
	/* Quiz only what the course teaches: core codes, or every registered one of
	 * a class the learner asked for, or unofficial ones when asked for. */
	if (!any_status && !ce->core &&
	    !(in_class && ce->status == CODE_REGISTERED) &&
	    !(o->unofficial && ce->status == CODE_UNOFFICIAL))
		return false;
	c->sc = NULL;
	c->ce = ce;
	c->group = NULL;
	c->fits = 1u << Q_MEANING;
	return true;
}

static unsigned fits_weight(unsigned fits)
{
	unsigned w = 0;
	for (int t = 0; t < Q_NTYPES; t++)
		if (fits & (1u << t))
			w += type_weight[t];
	return w;
}

static enum qtype pick_type(struct rng *r, unsigned fits)
{
	uint32_t x = rng_below(r, fits_weight(fits));

	for (int t = 0; t < Q_NTYPES; t++) {
		if (!(fits & (1u << t)))
			continue;
		if (x < type_weight[t])
			return (enum qtype)t;
		x -= type_weight[t];
	}
	return Q_PICK;  /* not reached: fits is never 0 here */
}

/* ---- distractors ------------------------------------------------------- */

/* Distractor codes chosen so far for one question. */
struct picks {
	int code[QUIZ_CHOICES - 1];
	int n;
};

static bool picks_has(const struct picks *p, int code)
{
	for (int i = 0; i < p->n; i++)
		if (p->code[i] == code)
			return true;
	return false;
}

/* Take codes from one tier in random order until the picks are full. */
static void draw_tier(const struct model *m, struct rng *r, const struct code_entry *right,
                      bool meaning, int *tier, size_t n, struct picks *p)
{
	shuffle_ints(r, tier, n);
	for (size_t i = 0; i < n && p->n < QUIZ_CHOICES - 1; i++) {
		const struct code_entry *ce = find_code(m, tier[i]);
		bool clash = false;

		if (!distractor_ok(ce) || ce->code == right->code || picks_has(p, ce->code))
			continue;
		/* Two choices with the same text would make a meaning question unfair. */
		if (meaning) {
			clash = same_summary(ce, right);
			for (int k = 0; k < p->n && !clash; k++)
				clash = same_summary(ce, find_code(m, p->code[k]));
		}
		if (!clash)
			p->code[p->n++] = ce->code;
	}
}

/* Pick three wrong codes for a question about `right`.  A drill question
 * shows its group's codes first (a group code the scenario does not explain
 * gets its contrast rule as the why-not, see answer.c), then what the
 * scenario explains.  Other scenario questions show only codes their
 * scenario explains (whynot), so every wrong choice has its why-not; content
 * lint guarantees three.  A meaning question (no scenario) draws by tiers,
 * nearest first: the code's confused list, the content's contrast groups
 * that hold it, same-class core codes, other same-class registered codes,
 * any core code, any registered code.  tmp holds m->n_codes ints. */
static bool pick_distractors(const struct model *m, struct rng *r,
                             const struct scenario *sc, const struct code_entry *right,
                             const struct contrast *group, bool meaning, int *tmp,
                             struct picks *p)
{
	size_t n;

	p->n = 0;
	n = 0;
	for (size_t i = 0; group && i < group->n_codes && n < m->n_codes; i++) {
		bool also = false;   /* a second right answer is no wrong choice */
		for (size_t k = 0; sc && k < sc->n_also; k++)
			also = also || sc->also[k].code == group->codes[i];
		if (!also)
			tmp[n++] = group->codes[i];
	}
	draw_tier(m, r, right, meaning, tmp, n, p);

	if (sc) {
		n = 0;
		for (size_t i = 0; i < sc->n_whynot && n < m->n_codes; i++)
			tmp[n++] = sc->whynot[i].code;
		draw_tier(m, r, right, meaning, tmp, n, p);
		return p->n == QUIZ_CHOICES - 1;
	}

	n = 0;
	for (size_t i = 0; i < right->n_confused && n < m->n_codes; i++)
		tmp[n++] = right->confused[i];
	draw_tier(m, r, right, meaning, tmp, n, p);

	/* The content's contrast groups that hold the right code. */
	n = 0;
	for (size_t g = 0; g < m->n_contrasts; g++) {
		const struct contrast *ct = &m->contrasts[g];
		bool member = false;
		for (size_t i = 0; i < ct->n_codes; i++)
			member = member || ct->codes[i] == right->code;
		for (size_t i = 0; member && i < ct->n_codes && n < m->n_codes; i++)
			tmp[n++] = ct->codes[i];
	}
	draw_tier(m, r, right, meaning, tmp, n, p);

	/* Tiers over the code table: 0 same-class core, 1 same-class registered,
	 * 2 any core, 3 any registered (only if the pack is tiny). */
	for (int tier = 0; tier < 4 && p->n < QUIZ_CHOICES - 1; tier++) {
		n = 0;
		for (size_t i = 0; i < m->n_codes; i++) {
			const struct code_entry *ce = &m->codes[i];
			bool same = ce->code / 100 == right->code / 100;
			bool reg = ce->status == CODE_REGISTERED;
			bool take = tier == 0 ? same && ce->core
			          : tier == 1 ? same && reg && !ce->core
			          : tier == 2 ? ce->core
			          : reg;
			if (take)
				tmp[n++] = ce->code;
		}
		draw_tier(m, r, right, meaning, tmp, n, p);
	}
	return p->n == QUIZ_CHOICES - 1;
}

/* ---- questions --------------------------------------------------------- */

/* Put the right answer at a uniformly random slot, the others in draw order. */
static int place_right(struct rng *r)
{
	return (int)rng_below(r, QUIZ_CHOICES);
}

static bool build_header(struct rng *r, const struct cand *c, struct question *q)
{
	const char *pool[N_HEADER_POOL];
	size_t n = 0;
	int k = 0;

	for (size_t i = 0; i < N_HEADER_POOL; i++) {
		bool excluded = ascii_ieq(header_pool[i], c->sc->header);
		for (size_t h = 0; h < c->ce->n_headers && !excluded; h++)
			excluded = ascii_ieq(header_pool[i], c->ce->headers[h]);
		if (!excluded)
			pool[n++] = header_pool[i];
	}
	if (n < QUIZ_CHOICES - 1)
		return false;
	for (size_t i = n; i > 1; i--) {
		size_t j = rng_below(r, (uint32_t)i);
		const char *t = pool[i - 1];
		pool[i - 1] = pool[j];
		pool[j] = t;
	}
	q->right = place_right(r);
	for (int i = 0; i < QUIZ_CHOICES; i++)
		q->choice_header[i] = i == q->right ? c->sc->header : pool[k++];
	q->n_choices = QUIZ_CHOICES;
	return true;
}

static bool build_codes(const struct model *m, struct rng *r, const struct cand *c,
                        int *tmp, struct question *q)
{
	struct picks p;
	int k = 0;

	if (!pick_distractors(m, r, c->sc, c->ce, c->group, q->type == Q_MEANING, tmp, &p))
		return false;
	q->right = place_right(r);
	for (int i = 0; i < QUIZ_CHOICES; i++)
		q->choice_code[i] = i == q->right ? c->ce->code : p.code[k++];
	q->n_choices = QUIZ_CHOICES;
	return true;
}

/* Build question q of the given type for item c; false if it cannot be asked
 * fairly (not enough distinct wrong choices). */
static bool build_question(const struct model *m, struct rng *r, const struct cand *c,
                           enum qtype type, int *tmp, struct question *q)
{
	memset(q, 0, sizeof *q);
	q->type = type;
	q->sc = type == Q_MEANING ? NULL : c->sc;
	q->code = c->ce;
	q->group = c->group;
	q->right = -1;
	if (type == Q_MEANING)
		snprintf(q->item, sizeof q->item, "code:%d", c->ce->code);
	else
		snprintf(q->item, sizeof q->item, "%s", c->sc->id);

	switch (type) {
	case Q_TYPE:
		return true;
	case Q_HEADER:
		return build_header(r, c, q);
	case Q_PICK:
	case Q_MEANING:
		return build_codes(m, r, c, tmp, q);
	case Q_NTYPES:
		break;
	}
	return false;
}

/* ---- quiz building ----------------------------------------------------- */

/* The end of building: frees the scratch arrays; a quiz with no question is
 * freed too and is a failure. */
static bool finish_build(struct quiz *out, void *cands, int *tmp)
{
	free(cands);
	free(tmp);
	if (out->n > 0)
		return true;
	quiz_free(out);
	return false;
}

/* A drill on one contrast group: per code, its scenarios in seeded order;
 * then each turn takes the code asked least so far (not the one just asked,
 * while another is left), ties broken by the seed. */
static bool build_drill(const struct model *m, const struct quiz_opts *o, struct quiz *out)
{
	const struct contrast *g = o->drill;
	unsigned types = o->types ? o->types & ((1u << Q_PICK) | (1u << Q_TYPE)) : 1u << Q_PICK;
	struct quiz_opts any = *o;
	struct cand *cands = NULL;
	int *tmp = NULL;
	size_t nc = 0, left[CONTRAST_MAX_CODES] = { 0 }, asked[CONTRAST_MAX_CODES] = { 0 };
	struct rng r;

	any.klass = 0;
	any.chapter = NULL;
	if (o->count < 1 || types == 0 || g->n_codes == 0)
		return false;
	cands = malloc((m->n_scenarios + 1) * sizeof *cands);
	tmp = malloc((m->n_codes + 1) * sizeof *tmp);
	if (!cands || !tmp)
		goto cleanup;
	/* Grouped by code: cands[start[k] .. start[k]+left[k]) answer codes[k]. */
	size_t start[CONTRAST_MAX_CODES];
	for (size_t k = 0; k < g->n_codes; k++) {
		start[k] = nc;
		for (size_t i = 0; i < m->n_scenarios; i++) {
			struct cand *c = &cands[nc];
			if (m->scenarios[i].answer != g->codes[k] ||
			    !cand_scenario(m, &any, &m->scenarios[i], types, c))
				continue;
			c->fits &= (1u << Q_PICK) | (1u << Q_TYPE);
			c->group = g;
			c->recent = false;
			nc += c->fits != 0;
		}
		left[k] = nc - start[k];
	}
	rng_seed(&r, o->seed);
	for (size_t k = 0; k < g->n_codes; k++)   /* seeded order within each code */
		for (size_t i = left[k]; i > 1; i--) {
			size_t j = rng_below(&r, (uint32_t)i);
			struct cand t = cands[start[k] + i - 1];
			cands[start[k] + i - 1] = cands[start[k] + j];
			cands[start[k] + j] = t;
		}
	size_t want = (size_t)o->count < nc ? (size_t)o->count : nc;
	out->q = want ? calloc(want, sizeof *out->q) : NULL;
	if (!out->q)
		goto cleanup;
	int prev = -1;
	while (out->n < want) {
		size_t pick[CONTRAST_MAX_CODES], np = 0;
		for (int pass = 0; pass < 2 && np == 0; pass++) {
			size_t least = SIZE_MAX;
			for (size_t k = 0; k < g->n_codes; k++)
				if (left[k] && (pass || (int)k != prev) && asked[k] < least)
					least = asked[k];
			for (size_t k = 0; k < g->n_codes; k++)
				if (left[k] && (pass || (int)k != prev) && asked[k] == least)
					pick[np++] = k;
		}
		if (np == 0)
			break;
		size_t k = pick[rng_below(&r, (uint32_t)np)];
		struct cand c = cands[start[k] + --left[k]];
		asked[k]++;
		prev = (int)k;
		if (build_question(m, &r, &c, pick_type(&r, c.fits), tmp, &out->q[out->n]))
			out->n++;
		else
			want--;   /* cannot be asked fairly: the drill is one shorter */
	}
cleanup:
	return finish_build(out, cands, tmp);
}

bool quiz_build(const struct model *m, const struct quiz_opts *o, struct quiz *out)
{
	unsigned types = o->types ? o->types & QTYPE_ALL : QTYPE_ALL;
	struct cand *cands = NULL;
	int *tmp = NULL;
	size_t nc = 0, want;
	struct rng r;

	out->q = NULL;
	out->n = 0;
	if (o->drill)
		return build_drill(m, o, out);
	if (o->count < 1)
		return false;
	cands = malloc((m->n_scenarios + m->n_codes + 1) * sizeof *cands);
	tmp = malloc((m->n_codes + 1) * sizeof *tmp);
	if (!cands || !tmp)
		goto cleanup;
	for (size_t i = 0; i < m->n_scenarios; i++)
		if (cand_scenario(m, o, &m->scenarios[i], types, &cands[nc]))
			nc++;
	for (size_t i = 0; i < m->n_codes; i++)
		if (cand_code(o, &m->codes[i], types, false, &cands[nc]))
			nc++;
	if (nc == 0)
		goto cleanup;
	size_t n_fresh = 0;
	for (size_t k = 0; k < nc; k++) {
		cands[k].recent = cand_recent(o, &cands[k]);
		n_fresh += !cands[k].recent;
	}
	want = (size_t)o->count < nc ? (size_t)o->count : nc;
	out->q = calloc(want, sizeof *out->q);
	if (!out->q)
		goto cleanup;

	rng_seed(&r, o->seed);
	/* Draw items without repetition, each with probability proportional to the
	 * summed weight of its types: with every type allowed, the mix of question
	 * types follows type_weight (mostly pick).  With equal weights this is a
	 * plain uniform shuffle. */
	while (out->n < want && nc > 0) {
		uint64_t total = 0;
		uint32_t x;
		size_t i = 0;
		struct cand c;

		/* Fresh items first; recently answered ones only when none is left. */
		bool from_recent = n_fresh == 0;
		for (size_t k = 0; k < nc; k++)
			if (cands[k].recent == from_recent)
				total += fits_weight(cands[k].fits);
		x = rng_below(&r, (uint32_t)total);
		for (;; i++) {
			if (cands[i].recent != from_recent)
				continue;
			unsigned w = fits_weight(cands[i].fits);
			if (x < w)
				break;
			x -= w;
		}
		c = cands[i];
		cands[i] = cands[--nc];  /* remove: never asked twice */
		n_fresh -= !c.recent;
		if (build_question(m, &r, &c, pick_type(&r, c.fits), tmp, &out->q[out->n]))
			out->n++;
	}
cleanup:
	return finish_build(out, cands, tmp);
}

/* Review order: most wrong answers first, then the longest overdue. */
static int review_cmp(const void *pa, const void *pb)
{
	const struct leitner *a = *(const struct leitner *const *)pa;
	const struct leitner *b = *(const struct leitner *const *)pb;

	if (a->wrong != b->wrong)
		return a->wrong > b->wrong ? -1 : 1;
	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	return strcmp(a->item, b->item);  /* total order: same result on every libc */
}

/* Map a stored item id back to something askable, or return false when the
 * content no longer has it or the filters exclude it. */
static bool review_cand(const struct model *m, const struct quiz_opts *o,
                        unsigned types, const char *item, struct cand *c)
{
	if (strncmp(item, "code:", 5) == 0) {
		char *end = NULL;
		long code = strtol(item + 5, &end, 10);
		const struct code_entry *ce;

		if (!end || *end != '\0' || end == item + 5 || code < 100 || code > 599)
			return false;
		ce = find_code(m, (int)code);
		/* A code asked once stays reviewable even if it is not core. */
		return ce && cand_code(o, ce, types, true, c);
	} else {
		const struct scenario *sc = find_scenario(m, item);
		return sc && cand_scenario(m, o, sc, types, c);
	}
}

bool quiz_build_review(const struct model *m, const struct leitner *states,
                       size_t n_states, int64_t now, const struct quiz_opts *o,
                       struct quiz *out)
{
	unsigned types = o->types ? o->types & QTYPE_ALL : QTYPE_ALL;
	const struct leitner **due = NULL;
	int *tmp = NULL;
	size_t nd = 0, cap;
	struct rng r;
	bool ok = false;

	out->q = NULL;
	out->n = 0;
	due = malloc((n_states + 1) * sizeof *due);
	tmp = malloc((m->n_codes + 1) * sizeof *tmp);
	if (!due || !tmp)
		goto cleanup;
	/* Box 1 holds everything missed and not yet answered right since. */
	for (size_t i = 0; i < n_states; i++)
		if (states[i].box >= 1 && (states[i].box == 1 || states[i].due <= now))
			due[nd++] = &states[i];
	if (nd == 0)
		goto cleanup;
	qsort(due, nd, sizeof *due, review_cmp);

	cap = o->count > 0 && (size_t)o->count < nd ? (size_t)o->count : nd;
	out->q = calloc(cap, sizeof *out->q);
	if (!out->q)
		goto cleanup;
	rng_seed(&r, o->seed);
	for (size_t i = 0; i < nd && out->n < cap; i++) {
		struct cand c;
		bool dup = false;

		if (!review_cand(m, o, types, due[i]->item, &c))
			continue;
		for (size_t k = 0; k < out->n && !dup; k++)
			dup = strcmp(out->q[k].item, due[i]->item) == 0;
		if (!dup && build_question(m, &r, &c, pick_type(&r, c.fits), tmp, &out->q[out->n]))
			out->n++;
	}
	ok = out->n > 0;

cleanup:
	free(due);
	free(tmp);
	if (!ok)
		quiz_free(out);
	return ok;
}

void quiz_free(struct quiz *qz)
{
	if (!qz)
		return;
	free(qz->q);
	qz->q = NULL;
	qz->n = 0;
}

/* ---- answers ----------------------------------------------------------- */

/* A status code written as exactly three digits, 100..599. */
static bool parse_code(const char *s, size_t len, int *code)
{
	int v = 0;

	if (len != 3)
		return false;
	for (size_t i = 0; i < 3; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	if (v < 100 || v > 599)
		return false;
	*code = v;
	return true;
}

/* "1".."4" or "a".."d"/"A".."D" → choice index, else -1. */
static int parse_choice(const char *s, size_t len)
{
	if (len != 1)
		return -1;
	if (*s >= '1' && *s < '1' + QUIZ_CHOICES)
		return *s - '1';
	if (*s >= 'a' && *s < 'a' + QUIZ_CHOICES)
		return *s - 'a';
	if (*s >= 'A' && *s < 'A' + QUIZ_CHOICES)
		return *s - 'A';
	return -1;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool quiz_parse(const struct question *q, const char *input, int *given)
{
	char buf[64];
	const char *s = input;
	size_t len;
	int idx, code;

	if (!q || !input || !given)
		return false;
	while (is_blank(*s))
		s++;
	len = strlen(s);
	while (len > 0 && is_blank(s[len - 1]))
		len--;
	if (len == 0)
		return false;

	idx = q->n_choices == QUIZ_CHOICES ? parse_choice(s, len) : -1;
	switch (q->type) {
	case Q_PICK:
		if (idx >= 0) {
			*given = q->choice_code[idx];
			return true;
		}
		/* A code counts when it is one of the choices, or a second right
		 * answer the scenario accepts (also); any other code was not
		 * offered, a slip or a guess at another question: ask again. */
		if (parse_code(s, len, &code)) {
			bool offered = quiz_is_also(q, code);
			for (int k = 0; k < q->n_choices; k++)
				offered |= q->choice_code[k] == code;
			if (offered) {
				*given = code;
				return true;
			}
		}
		return false;
	case Q_TYPE:
		if (parse_code(s, len, &code)) {
			*given = code;
			return true;
		}
		return false;
	case Q_MEANING:
		/* Choices are texts: a code number would be ambiguous, so only 1-4/a-d. */
		if (idx >= 0) {
			*given = q->choice_code[idx];
			return true;
		}
		return false;
	case Q_HEADER:
		if (idx >= 0) {
			*given = idx;
			return true;
		}
		if (len >= sizeof buf)
			return false;
		memcpy(buf, s, len);
		buf[len] = '\0';
		for (int i = 0; i < q->n_choices; i++) {
			if (q->choice_header[i] && ascii_ieq(buf, q->choice_header[i])) {
				*given = i;
				return true;
			}
		}
		return false;
	case Q_NTYPES:
		break;
	}
	return false;
}

bool quiz_is_also(const struct question *q, int given)
{
	if (q->type == Q_HEADER || q->type == Q_MEANING || !q->sc)
		return false;
	for (size_t i = 0; i < q->sc->n_also; i++)
		if (q->sc->also[i].code == given)
			return true;
	return false;
}

bool quiz_is_right(const struct question *q, int given)
{
	if (q->type == Q_HEADER)
		return given == q->right && q->right >= 0;
	return (q->code && given == q->code->code) || quiz_is_also(q, given);
}

/* ---- text forms for the answer log ------------------------------------- */

void quiz_shown_str(const struct question *q, char *buf, size_t n)
{
	size_t used = 0;

	if (n == 0)
		return;
	buf[0] = '\0';
	for (int i = 0; i < q->n_choices; i++) {
		int w;
		if (q->type == Q_HEADER)
			w = snprintf(buf + used, n - used, "%s%s", i ? "," : "",
			             q->choice_header[i] ? q->choice_header[i] : "");
		else
			w = snprintf(buf + used, n - used, "%s%d", i ? "," : "", q->choice_code[i]);
		if (w < 0 || (size_t)w >= n - used)
			return;  /* truncated: snprintf already terminated it */
		used += (size_t)w;
	}
}

void quiz_answer_str(const struct question *q, int given, char *buf, size_t n)
{
	if (n == 0)
		return;
	if (q->type == Q_HEADER)
		snprintf(buf, n, "%s", given >= 0 && given < q->n_choices &&
		         q->choice_header[given] ? q->choice_header[given] : "?");
	else
		snprintf(buf, n, "%d", given);
}

void quiz_right_str(const struct question *q, char *buf, size_t n)
{
	if (n == 0)
		return;
	if (q->type == Q_HEADER)
		snprintf(buf, n, "%s", q->sc && q->sc->header ? q->sc->header : "?");
	else
		snprintf(buf, n, "%d", q->code ? q->code->code : 0);
}

static const char *const type_names[Q_NTYPES] = { "pick", "type", "meaning", "header" };

const char *quiz_type_name(enum qtype t)
{
	return (unsigned)t < Q_NTYPES ? type_names[t] : "?";
}

bool quiz_type_parse(const char *s, enum qtype *t)
{
	if (!s)
		return false;
	for (int i = 0; i < Q_NTYPES; i++) {
		if (ascii_ieq(s, type_names[i])) {
			*t = (enum qtype)i;
			return true;
		}
	}
	return false;
}

/* ---- Leitner scheduling ------------------------------------------------ */

int quiz_box_days(int box)
{
	static const int days[] = { 0, 1, 3, 7, 14 };

	if (box <= 1)
		return 0;
	if (box >= 5)
		return days[4];
	return days[box - 1];
}

void quiz_leitner_apply(struct leitner *l, bool correct, int64_t when)
{
	l->seen++;
	l->last = when;
	if (!correct) {
		l->wrong++;
		l->box = 1;
		l->last_wrong = when;
		l->due = when;
		return;
	}
	/* A new item answered right skips box 1: box 1 means "missed". */
	l->box = l->box < 1 ? 2 : l->box < 5 ? l->box + 1 : 5;
	l->due = when + (int64_t)quiz_box_days(l->box) * 86400;
}

void quiz_exam_id(uint64_t seed, int count, char *buf, size_t n)
{
	snprintf(buf, n, "seed-%llu-n%d", (unsigned long long)seed, count);
}

int quiz_percent(int part, int whole)
{
	return whole > 0 ? (100 * part + whole / 2) / whole : 0;
}
