/* plain_contrast.c — the contrast card and its offer in line mode. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "contrast.h"
#include "contrastcard.h"
#include "i18n.h"
#include "plain_contrast.h"
#include "out.h"
#include "report.h"
#include "store_confusion.h"

void plain_contrast_card(const struct model *m, const struct contrast *g, struct store *st,
                         enum lang L, bool utf8)
{
	struct confusion_item *ci = NULL;
	size_t n = 0;
	bool mine = st && store_confusion_items(st, &ci, &n);
	struct lines card = contrast_card_lines(m, g, mine, ci, n, clock_now(), L, report_width());
	putchar('\n');
	for (size_t i = 0; i < card.n; i++) {
		printf("%*s", card.l[i].indent, "");
		out_puts(stdout, card.l[i].text, utf8);
		putchar('\n');
	}
	putchar('\n');
	lines_free(&card);
	free(ci);
	fflush(stdout);
}

bool plain_contrast_offer(const struct model *m, int expected, int given,
                          const struct contrast *drilling, struct store *st, enum lang L,
                          bool utf8)
{
	const struct contrast *g = contrast_for_pair(m, expected, given);
	char label[64], buf[512];
	if (!g)
		return true;
	contrast_label(g, label, sizeof label);
	snprintf(buf, sizeof buf, tr(MSG_CONTRAST_MIXED), label, ltext_get(&g->title, L));
	report_wrap(stdout, buf, report_width(), 0, utf8);
	if (!isatty(STDIN_FILENO)) {
		/* a script answers one line per question: never take one of them */
		if (g == drilling)
			return true;
		char codes[32] = "";
		for (size_t i = 0; i < g->n_codes; i++)
			snprintf(codes + strlen(codes), sizeof codes - strlen(codes), "%s%d", i ? "," : "",
			         g->codes[i]);
		snprintf(buf, sizeof buf, tr(MSG_CONTRAST_CMD), codes);
		report_wrap(stdout, buf, report_width(), 0, utf8);
		fflush(stdout);
		return true;
	}
	out_puts(stdout, tr(MSG_CONTRAST_OFFER), utf8);
	fflush(stdout);
	/* A whole line, however long: a piece of it must not become the next
	 * question's answer. */
	char *line = NULL;
	size_t cap = 0;
	if (getline(&line, &cap, stdin) < 0) {
		free(line);
		return false;
	}
	line[strcspn(line, "\r\n")] = 0;
	if (!strcmp(line, "c") || !strcmp(line, "C"))
		plain_contrast_card(m, g, st, L, utf8);
	free(line);
	return true;
}
