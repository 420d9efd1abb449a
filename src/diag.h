/* diag.h — a growable list of "path:line: message" diagnostics. */
#ifndef HTTPTUTOR_DIAG_H
#define HTTPTUTOR_DIAG_H

#include <stdarg.h>
#include <stddef.h>

/* A growable list of diagnostics; each message is owned by the list. */
struct diag {
	char **msg;
	size_t n, cap;
};

/* Append a printf-formatted message ("path:line: text"); never fails loudly. */
void diag_add(struct diag *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void diag_free(struct diag *d);

/* vsnprintf into a new malloc'd string (caller frees); NULL when out of memory. */
char *diag_vfmt(const char *fmt, va_list ap)
	__attribute__((format(printf, 1, 0)));

#endif
