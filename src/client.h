/* client.h — talking to the class server: one HTTP/1.1 request at a time
 * with libcurl over the class folder's Unix socket or TCP (HTTPS when the
 * target says https://), JSON in and out, the connection kept open between
 * requests.  Over TCP (and on a shared lab login) the token from
 * HTTPTUTOR_TOKEN goes along as "Authorization: Bearer"; HTTPTUTOR_CA names
 * a certificate to trust for a server whose certificate no CA signed. */
#ifndef HTTPTUTOR_CLIENT_H
#define HTTPTUTOR_CLIENT_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

struct client;

struct client_reply {
	long status;            /* 0: no reply (the server could not be reached) */
	json_t *json;           /* the body, parsed; NULL when there was none */
	char location[160];     /* Location */
	int retry_after;        /* Retry-After seconds, 0 when absent */
	char type[64];          /* a problem's type ("/problems/time-up"), else "" */
	char err[512];          /* status 0: why; a problem: its detail */
};

/* A client for target: a class folder (its class.sock), "HOST:PORT",
 * "http://HOST:PORT" or "https://HOST:PORT".  NULL with err. */
struct client *client_new(const char *target, char *err, size_t errsz);
void client_free(struct client *c);
/* The server as messages name it ("the class server in /srv/class"). */
const char *client_label(const struct client *c);

/* One request; body is JSON text or NULL, key an Idempotency-Key or NULL.
 * Fills r (free with client_reply_free); false only when there was no reply
 * at all (r->status 0, r->err says why). */
bool client_call(struct client *c, const char *method, const char *path, const char *body,
                 const char *key, struct client_reply *r);
void client_reply_free(struct client_reply *r);

/* A new Idempotency-Key: 32 hex digits from the system's random source. */
void client_key(char out[33]);

#endif
