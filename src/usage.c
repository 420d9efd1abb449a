/* usage.c — the --help text: commands and options beside what they do, in
 * the UI language; a line that does not fit puts the description under the
 * command instead of running past the width. */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "out.h"
#include "report.h"
#include "text.h"
#include "usage.h"

/* A heading (syntax NULL) or a command/option and its description. */
static const struct {
	const char *syntax;
	enum msg what;
} rows[] = {
	{ NULL, MSG_USAGE_FULL },
	{ "httptutor", MSG_USAGE_HOME },
	{ "httptutor read [CHAPTER]", MSG_USAGE_READ },
	{ "httptutor browse [CODE]", MSG_USAGE_BROWSE },
	{ "httptutor quiz [--count N] [--class 4xx] [--chapter ID] [--type T] [--seed S] [--plain]",
	  MSG_USAGE_QUIZ },
	{ "httptutor review [--plain]", MSG_USAGE_REVIEW },
	{ "httptutor review --group 401,403 [--plain]", MSG_USAGE_GROUP },
	{ "httptutor exam NAME [--plain]", MSG_USAGE_EXAM_NAME },
	{ "httptutor exam --seed S --count N [--minutes M] [--plain]", MSG_USAGE_EXAM },
	{ NULL, MSG_USAGE_LINE },
	{ "httptutor code CODE", MSG_USAGE_CODE },
	{ "httptutor codes [--class 4xx] [--all] [--json]", MSG_USAGE_CODES },
	{ "httptutor search WORDS...", MSG_USAGE_SEARCH },
	{ "httptutor stats [--json]", MSG_USAGE_STATS },
	{ "httptutor export [--csv|--json]", MSG_USAGE_EXPORT },
	{ "httptutor report [--csv|--json|--html FILE] [DB...]", MSG_USAGE_REPORT },
	{ "httptutor lint [DIR]", MSG_USAGE_LINT },
	{ "httptutor check [--repair]", MSG_USAGE_CHECK },
	{ NULL, MSG_USAGE_TEACHER },
	{ "httptutor exam new NAME --count N [--minutes M] [--attempts K] "
	  "[--feedback end|closed|never] [--closes WHEN] [--no-shuffle] "
	  "[--class 4xx] [--chapter ID] [--type T]", MSG_USAGE_EXAM_NEW },
	{ "httptutor exam close NAME [--closes WHEN]", MSG_USAGE_EXAM_CLOSE },
	{ "httptutor exams [--json]", MSG_USAGE_EXAMS },
	{ "httptutor report --exam NAME [--roster FILE] [--csv|--json|--html FILE] [--watch] [DB...]",
	  MSG_USAGE_REPORT_EXAM },
	{ "httptutor class init DIR [--group GROUP]", MSG_USAGE_CLASS_INIT },
	{ "httptutor class serve DIR [--listen HOST:PORT] [--tls-cert FILE --tls-key FILE] "
	  "[--teacher USER]... [--shared-login USER]", MSG_USAGE_CLASS_SERVE },
	{ "httptutor class roster add NAME...", MSG_USAGE_ROSTER_ADD },
	{ "httptutor class roster [--print]", MSG_USAGE_ROSTER },
	{ NULL, MSG_USAGE_OPTIONS },
	{ "--db PATH", MSG_USAGE_DB },
	{ "--class DIR|HOST:PORT", MSG_USAGE_CLASS },
	{ "--user NAME", MSG_USAGE_USER },
	{ "--lang zh-TW|en", MSG_USAGE_LANG },
	{ "--content DIR", MSG_USAGE_CONTENT },
	{ "--no-color", MSG_USAGE_NOCOLOR },
	{ "--type T", MSG_USAGE_TYPE },
	{ "-h, --help", MSG_USAGE_HELP },
	{ "-V, --version", MSG_USAGE_VERSION },
};

/* A command's syntax wrapped to width at spaces outside brackets, so
 * "[--seed S]" never ends one line and starts the next.  As text_wrap. */
static char **wrap_syntax(const char *syntax, int width, size_t *n)
{
	/* Spaces inside [...] become no-break spaces while wrapping. */
	char buf[512];
	size_t k = 0;
	int depth = 0;
	for (const char *p = syntax; *p && k + 3 < sizeof buf; p++) {
		depth += *p == '[' ? 1 : *p == ']' && depth ? -1 : 0;
		if (*p == ' ' && depth) {
			buf[k++] = '\xc2';
			buf[k++] = '\xa0';
		} else {
			buf[k++] = *p;
		}
	}
	buf[k] = 0;
	char **lines = text_wrap(buf, width, n);
	for (size_t i = 0; i < *n; i++) {
		char *q = lines[i], *out = lines[i];
		while (*q) {
			if (q[0] == '\xc2' && q[1] == '\xa0') {
				*out++ = ' ';
				q += 2;
			} else {
				*out++ = *q++;
			}
		}
		*out = 0;
	}
	return lines;
}

/* Where descriptions start when command and description share a line. */
#define DESC_COL 34

void usage_print(FILE *f, bool utf8)
{
	int w = report_width();
	size_t n1 = 0;
	char **first = wrap_syntax(tr(MSG_USAGE_LINE1), w - 4, &n1);
	for (size_t k = 0; k < n1; k++)
		fprintf(f, "%*s%s\n", k ? 4 : 0, "", first[k]);
	text_lines_free(first, n1);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const char *what = tr(rows[i].what);
		if (!rows[i].syntax) {
			fputc('\n', f);
			report_wrap(f, what, w, 0, utf8);
			continue;
		}
		int sw = 2 + text_width(rows[i].syntax);
		if (sw < DESC_COL - 1 && w - DESC_COL >= 20) {
			/* Side by side; the description wraps under itself. */
			size_t n = 0;
			char **lines = text_wrap(what, w - DESC_COL, &n);
			for (size_t k = 0; k < n; k++) {
				if (k == 0)
					fprintf(f, "  %s%*s", rows[i].syntax, DESC_COL - sw, "");
				else
					fprintf(f, "%*s", DESC_COL, "");
				out_puts(f, lines[k], utf8);
				fputc('\n', f);
			}
			text_lines_free(lines, n);
		} else {
			/* Too long to share a line: the command (wrapped at spaces,
			 * continued further in), then the description under it. */
			size_t n = 0;
			char **lines = wrap_syntax(rows[i].syntax, w - 4, &n);
			for (size_t k = 0; k < n; k++)
				fprintf(f, "%*s%s\n", k ? 4 : 2, "", lines[k]);
			text_lines_free(lines, n);
			report_wrap(f, what, w, 6, utf8);
		}
	}
	fputc('\n', f);
	report_wrap(f, tr(MSG_USAGE_EXIT), w, 0, utf8);
}
