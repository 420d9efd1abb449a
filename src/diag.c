/* diag.c — the diagnostics list content loading hands back to its caller. */
#include "diag.h"

#include <stdio.h>
#include <stdlib.h>

char *diag_vfmt(const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return NULL;
	char *s = malloc((size_t)n + 1);
	if (s)
		vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

void diag_add(struct diag *d, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = diag_vfmt(fmt, ap);
	va_end(ap);
	if (!s)
		return;
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		char **nm = realloc(d->msg, cap * sizeof *nm);
		if (!nm) {
			free(s);
			return;
		}
		d->msg = nm;
		d->cap = cap;
	}
	d->msg[d->n++] = s;
}

void diag_free(struct diag *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->msg[i]);
	free(d->msg);
	d->msg = NULL;
	d->n = d->cap = 0;
}
