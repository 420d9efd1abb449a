/* model.h — the curriculum in memory: codes, classes, chapters, scenarios.
 * Built once by content_load(); read-only afterwards.  Every string is owned by
 * the model, valid UTF-8 and free of control characters (the loader scrubs). */
#ifndef HTTPTUTOR_MODEL_H
#define HTTPTUTOR_MODEL_H

#include <stdbool.h>
#include <stddef.h>

enum lang { LANG_EN, LANG_ZH, LANG_COUNT };

/* One text in every language; s[LANG_EN] and s[LANG_ZH] are both non-NULL
 * after a successful load (a missing translation is a lint error). */
struct ltext {
	char *s[LANG_COUNT];
};

/* Registry lifecycle of a code. */
enum code_status {
	CODE_REGISTERED,  /* in the IANA registry, in use */
	CODE_TEMPORARY,   /* temporary registration */
	CODE_UNUSED,      /* registered but reserved/unused (306, 418) */
	CODE_OBSOLETED,   /* obsoleted (510) */
	CODE_UNOFFICIAL,  /* not registered (499, 520…): never quizzed by default */
};

struct code_entry {
	int code;                 /* 100–599 */
	char *phrase;             /* reason phrase as the RFC spells it */
	char *rfc;                /* defining document and section, "RFC 9110 §15.5.4" */
	enum code_status status;
	bool core;                /* core curriculum (the seed documents) */
	bool cacheable;           /* heuristically cacheable by default (RFC 9110 §15.1) */
	char **headers;           /* header names that go with it */
	size_t n_headers;
	int *confused;            /* codes it is often confused with */
	size_t n_confused;
	char *anchor;             /* "chapter#anchor" that explains it, or NULL */
	struct ltext name;        /* localised reason phrase */
	struct ltext summary;     /* one line */
	struct ltext detail;      /* a paragraph */
	struct ltext use;         /* when to use it */
	struct ltext avoid;       /* when not to, and what instead (may be "" ) */
};

struct class_entry {
	int klass;                /* 1..5 */
	struct ltext name;        /* "Client error" */
	struct ltext summary;
};

/* A code a scenario explains: a tempting wrong one (whynot), or a second
 * acceptable one (also), with why it is wrong, or why the answer is still
 * the more precise one. */
struct whynot {
	int code;                 /* the code explained */
	struct ltext text;        /* why it is wrong here / why the answer is sharper */
};

/* Every scenario explains at least this many wrong codes that a quiz may
 * show, so all three wrong choices of a question come with their why-not. */
#define SCENARIO_MIN_WHYNOT 3

struct scenario {
	char *id;                 /* stable id, [a-z0-9-]+ */
	int answer;               /* the right code */
	char *header;             /* header that must go with the answer, or NULL */
	char **tags;
	size_t n_tags;
	char *anchor;             /* "chapter#anchor" */
	struct ltext situation;
	struct ltext why;         /* why the answer is right */
	struct ltext header_why;  /* why that header (only when header != NULL) */
	struct whynot *whynot;    /* at least three; the only distractors shown */
	size_t n_whynot;
	struct whynot *also;      /* codes that count as right too (often none) */
	size_t n_also;
};

/* A group of codes learners mix up (contrasts.yaml), and what decides between
 * them.  Two groups never share a pair of codes, so a wrong answer (right code
 * → code given) belongs to at most one group. */
#define CONTRAST_MAX_CODES 4
struct contrast {
	char *id;                 /* stable id, [a-z0-9-]+ */
	int codes[CONTRAST_MAX_CODES];  /* ascending */
	size_t n_codes;           /* 2..CONTRAST_MAX_CODES */
	char *anchor;             /* "chapter#anchor" comparing them */
	struct ltext title;       /* a short name for the group */
	struct ltext question;    /* the deciding question */
	struct ltext rule[CONTRAST_MAX_CODES];  /* when codes[i] wins */
	struct ltext example;     /* a short worked case */
};

/* One concept of glossary.yaml: its English term, the one zh-TW term the
 * pack uses for it, and zh-TW variants that lint rejects.  Search treats the
 * two terms as the same word. */
struct term {
	char *concept;            /* what it names, for messages ("token (credential)") */
	char *en;                 /* "token" */
	char *zh;                 /* "權杖" */
	char **avoid;             /* zh-TW variants to avoid ("令牌", "token") */
	size_t n_avoid;
};

struct chapter {
	char *id;                 /* slug from NN-slug.md, e.g. "common" */
	int number;               /* NN */
	struct ltext title;       /* text of the first level-1 heading */
	char *path[LANG_COUNT];   /* file the text came from */
	char *markdown[LANG_COUNT]; /* raw Markdown, valid UTF-8 */
	char **anchors;           /* heading anchors ({#id}), same set in each language */
	size_t n_anchors;
};

struct model {
	char *dir;                          /* content directory it came from */
	char version[17];                   /* hex hash of every content file */
	struct class_entry classes[5];      /* index klass-1 */
	struct code_entry *codes;           /* sorted by code */
	size_t n_codes;
	struct chapter *chapters;           /* sorted by number */
	size_t n_chapters;
	struct scenario *scenarios;         /* in file order */
	size_t n_scenarios;
	struct contrast *contrasts;         /* in file order; none without contrasts.yaml */
	size_t n_contrasts;
	struct term *terms;                 /* glossary.yaml in file order; none without it */
	size_t n_terms;
	/* A model opened from a snapshot (snapshot.c) keeps its structs in one
	 * arena and its strings in the snapshot's bytes; model_free gives back
	 * those two instead of each string. */
	void *arena;
	const void *snap;
	size_t snap_len;
	int snap_owner;                     /* enum snap_owner */
};

/* Lookups; return NULL/-1 when absent.  Pointers live as long as the model. */
/* The status code s spells as exactly three digits 100-599, else 0 (header
 * names and typed junk are not codes). */
int model_code_text(const char *s);
const struct code_entry *model_code(const struct model *m, int code);
const struct chapter *model_chapter(const struct model *m, const char *id);
const struct scenario *model_scenario(const struct model *m, const char *id);
/* Split "chapter#anchor" and check it exists: returns the chapter index or -1;
 * *anchor points into ref after '#' (or is NULL when ref has no '#'). */
int model_resolve(const struct model *m, const char *ref, const char **anchor);
/* The content-file spelling of a status ("registered", "unofficial" …). */
const char *model_status_name(enum code_status s);
/* The text in lang, falling back to English. Never NULL (may be ""). */
const char *ltext_get(const struct ltext *t, enum lang lang);

/* Free what an entry or the whole model owns (the loader drops bad entries
 * with these; content_free is model_free). */
void model_free_code(struct code_entry *e);
void model_free_scenario(struct scenario *s);
void model_free_contrast(struct contrast *g);
void model_free_term(struct term *t);
/* Frees everything and zeroes *m; NULL is fine. */
void model_free(struct model *m);

#endif
