/* examcmd.h — the teacher's exam commands: `exam new`, `exam close` and
 * `exams`.  Each returns an exit status (0, 1 runtime error, 2 usage). */
#ifndef HTTPTUTOR_EXAMCMD_H
#define HTTPTUTOR_EXAMCMD_H

#include "model.h"
#include "quiz.h"
#include "report.h"

struct examcmd_new {
	const char *name;
	struct quiz_opts quiz;   /* count and filters (the seed is chosen here) */
	int minutes, attempts;   /* 0 = untimed / 1 attempt */
	const char *feedback;    /* "end", "closed", "never" or NULL (closed) */
	const char *closes;      /* WHEN or NULL */
	bool no_shuffle;
};

int examcmd_new(const struct report_ctx *r, const struct examcmd_new *e,
                const char *db_path, const char *user);
/* Close now, or at `closes` when it is given. */
int examcmd_close(const struct report_ctx *r, const char *name, const char *closes,
                  const char *db_path, const char *user);
/* List the exams (text, or JSON with r->json, CSV with r->csv). */
int examcmd_list(const struct report_ctx *r, const char *db_path);

/* Parse WHEN for --closes: "HH:MM" (today, local time), "YYYY-MM-DD HH:MM",
 * "YYYY-MM-DDTHH:MM[:SS]" or "+N" with m, h or d ("+90m").  false when it
 * is none of these. */
bool examcmd_parse_when(const char *s, int64_t now, int64_t *out);

#endif
