/* serve.h — `class serve DIR`: the class server.  It alone opens
 * DIR/class.db (0600), answers HTTP/1.1 with JSON on DIR/class.sock (who
 * asks is the peer's uid, from the kernel) and, with --listen, on TCP (who
 * asks is a roster token; HTTPS with --tls-cert/--tls-key).  Requests are
 * received by libmicrohttpd's thread and answered by one database thread
 * that commits the writes of all waiting requests together (group
 * commit): one writer, no busy timeouts, one fsync for many answers.
 * Runs in the foreground, logs to stderr, stops on SIGTERM/SIGINT after
 * finishing what it took (new requests meanwhile get 503 + Retry-After). */
#ifndef HTTPTUTOR_SERVE_H
#define HTTPTUTOR_SERVE_H

#include <stddef.h>
#include "model.h"

struct serve_opts {
	const char *dir;                /* the class folder */
	const char *listen;             /* "HOST:PORT" for TCP, or NULL */
	const char *tls_cert, *tls_key; /* PEM files for HTTPS on TCP, or NULL */
	char **teachers;                /* --teacher logins */
	size_t n_teachers;
	const char *shared_login;       /* --shared-login, or NULL */
};

/* Serve until a signal; returns an exit status (1 when it cannot start). */
int serve_run(const struct serve_opts *o, const struct model *m);

#endif
