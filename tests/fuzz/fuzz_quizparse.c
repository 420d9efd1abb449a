/* fuzz_quizparse.c — libFuzzer harness: the plain-mode input parser
 * (quiz_parse) on arbitrary lines, for every question of a quiz built from
 * the good test pack (tests/data/good, or $HTTPTUTOR_FUZZ_PACK).  Byte 0
 * picks the question; the rest is the line as fgets would hand it over.
 * Checks the promises in quiz.h: an understood line gives a code or choice
 * that fits the question type, a refused one leaves *given untouched, the
 * answer is parsed the same way twice, and the text logged for it is a
 * terminated string. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "quiz.h"
#include "text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct model model;
static struct quiz qz;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *src = getenv("HTTPTUTOR_FUZZ_PACK");
	struct diag d = { 0 };
	(void)argc;
	(void)argv;
	if (!content_load(src ? src : "tests/data/good", &model, &d)) {
		fprintf(stderr, "fuzz_quizparse: cannot load the pack (run from the repository root"
		        " or set HTTPTUTOR_FUZZ_PACK)\n");
		exit(1);
	}
	diag_free(&d);
	/* Every item, every type: all four parsers are reached. */
	struct quiz_opts o = { .count = 1000, .seed = 7 };
	if (!quiz_build(&model, &o, &qz) || qz.n == 0) {
		fprintf(stderr, "fuzz_quizparse: no questions\n");
		exit(1);
	}
	return 0;
}

static bool shown(const struct question *q, int code)
{
	for (int i = 0; i < q->n_choices; i++)
		if (q->choice_code[i] == code)
			return true;
	return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	const struct question *q = &qz.q[data[0] % qz.n];
	/* A line: at most what plain mode reads (its buffer is 256 bytes), NUL
	 * ended; embedded NULs end it early, as they would for fgets users. */
	char line[256];
	size_t n = size - 1 < sizeof line - 1 ? size - 1 : sizeof line - 1;
	memcpy(line, data + 1, n);
	line[n] = '\0';

	int given = -12345, again = -12345;
	bool ok = quiz_parse(q, line, &given);
	if (ok != quiz_parse(q, line, &again) || given != again)
		abort();
	if (!ok) {
		if (given != -12345)
			abort();   /* untouched on false */
		return 0;
	}
	switch (q->type) {
	case Q_PICK:
	case Q_TYPE:
		if (given < 100 || given > 599)
			abort();
		break;
	case Q_MEANING:
		if (!shown(q, given))
			abort();
		break;
	case Q_HEADER:
		if (given < 0 || given >= q->n_choices)
			abort();
		break;
	case Q_NTYPES:
		abort();
	}
	char buf[128];
	memset(buf, 'x', sizeof buf);
	quiz_answer_str(q, given, buf, sizeof buf);
	if (!memchr(buf, '\0', sizeof buf) || !text_valid_utf8(buf, strlen(buf), NULL))
		abort();
	(void)quiz_is_right(q, given);
	(void)quiz_is_also(q, given);
	return 0;
}
