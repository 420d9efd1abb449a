/* lines.c — styled line lists shared by the card, quiz and review screens. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lines.h"
#include "text.h"

struct line *lines_add(struct lines *ls, const char *text, enum ui_elem e, int indent)
{
	if (ls->n == ls->cap) {
		size_t cap = ls->cap ? ls->cap * 2 : 64;
		struct line *l = realloc(ls->l, cap * sizeof *l);
		if (!l)
			return NULL;
		ls->l = l;
		ls->cap = cap;
	}
	char *copy = strdup(text ? text : "");
	if (!copy)
		return NULL;
	ls->l[ls->n] = (struct line){ copy, e, indent, 0, NULL };
	return &ls->l[ls->n++];
}

void lines_wrap(struct lines *ls, const char *text, enum ui_elem e, int indent)
{
	size_t n = 0;
	char **wrapped = text_wrap(text ? text : "", ls->width - indent, &n);
	for (size_t i = 0; wrapped && i < n; i++)
		lines_add(ls, wrapped[i], e, indent);
	text_lines_free(wrapped, n);
}

void lines_wrap_hang(struct lines *ls, const char *prefix, const char *text,
                     enum ui_elem e, int indent)
{
	int pw = text_width(prefix);
	size_t n = 0;
	char **wrapped = text_wrap(text ? text : "", ls->width - indent - pw, &n);
	for (size_t i = 0; wrapped && i < n; i++) {
		if (i == 0) {
			size_t len = strlen(prefix) + strlen(wrapped[0]) + 1;
			char *first = malloc(len);
			if (first) {
				snprintf(first, len, "%s%s", prefix, wrapped[0]);
				lines_add(ls, first, e, indent);
				free(first);
			}
		} else {
			lines_add(ls, wrapped[i], e, indent + pw);
		}
	}
	text_lines_free(wrapped, n);
}

void lines_free(struct lines *ls)
{
	for (size_t i = 0; i < ls->n; i++)
		free(ls->l[i].text);
	free(ls->l);
	ls->l = NULL;
	ls->n = ls->cap = 0;
}

void lines_draw(const struct lines *ls, int y0, int rows, int top, int x0, int cols, long sel)
{
	for (int r = 0; r < rows && top + r < (int)ls->n; r++) {
		const struct line *l = &ls->l[top + r];
		bool hi = top + r == sel;
		int x = x0 + l->indent;
		if (hi)
			ui_fill(y0 + r, x, text_width(l->text) < cols - l->indent ?
			        text_width(l->text) : cols - l->indent, E_SEL);
		ui_put_fit(y0 + r, x, l->text, cols - l->indent, hi ? E_SEL : l->e);
	}
}

int lines_max_top(const struct lines *ls, int rows)
{
	int m = (int)ls->n - rows;
	return m > 0 ? m : 0;
}
