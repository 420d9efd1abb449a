/* client.c — HTTP requests to the class server with libcurl. */
#include "client.h"
#include "i18n.h"
#include "netlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define CONNECT_MS 3000
#define REQUEST_MS 20000

struct client {
	CURL *h;
	char base[300];         /* "http://localhost" (Unix socket) or the TCP URL */
	char sock[4200];        /* the socket's path, or "" */
	char label[4300];
	char auth[300];         /* "Authorization: Bearer …", or "" */
	const char *ca;         /* HTTPTUTOR_CA */
};

struct buf {
	char *p;
	size_t len;
};

/* Why a request got no reply, in the learner's language: curl's own text
 * for the rare cases only. */
static const char *reason(CURLcode cc)
{
	switch (cc) {
	case CURLE_COULDNT_CONNECT:
		return tr(MSG_CLASS_WHY_DOWN);
	case CURLE_OPERATION_TIMEDOUT:
		return tr(MSG_CLASS_WHY_SLOW);
	case CURLE_COULDNT_RESOLVE_HOST:
		return tr(MSG_CLASS_WHY_HOST);
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CACERT_BADFILE:
		return tr(MSG_CLASS_WHY_CERT);
	case CURLE_SSL_CONNECT_ERROR:
		return tr(MSG_CLASS_WHY_TLS);
	case CURLE_GOT_NOTHING:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_PARTIAL_FILE:
		return tr(MSG_CLASS_WHY_BROKE);
	default:
		return netlib.curl_easy_strerror(cc);
	}
}

static size_t on_body(char *data, size_t size, size_t n, void *ctx)
{
	struct buf *b = ctx;
	size_t add = size * n;
	if (b->len + add > (16u << 20))
		return 0;               /* more than any reply of ours: stop */
	char *np = realloc(b->p, b->len + add + 1);
	if (!np)
		return 0;
	b->p = np;
	memcpy(b->p + b->len, data, add);
	b->len += add;
	b->p[b->len] = '\0';
	return add;
}

struct client *client_new(const char *target, char *err, size_t errsz)
{
	struct client *c;
	struct stat sb;

	if (!netlib_curl(err, errsz))
		return NULL;
	if (!(c = calloc(1, sizeof *c))) {
		snprintf(err, errsz, "%s", tr(MSG_ERR_OOM));
		return NULL;
	}
	if (!strncmp(target, "http://", 7) || !strncmp(target, "https://", 8)) {
		snprintf(c->base, sizeof c->base, "%s", target);
		size_t len = strlen(c->base);
		if (len && c->base[len - 1] == '/')
			c->base[len - 1] = '\0';
		snprintf(c->label, sizeof c->label, tr(MSG_CLASS_LABEL_AT), c->base);
	} else if (strchr(target, '/') || (stat(target, &sb) == 0 && S_ISDIR(sb.st_mode)) ||
	           !strchr(target, ':')) {
		snprintf(c->base, sizeof c->base, "http://localhost");
		snprintf(c->sock, sizeof c->sock, "%s/class.sock", target);
		snprintf(c->label, sizeof c->label, tr(MSG_CLASS_LABEL_IN), target);
	} else {
		snprintf(c->base, sizeof c->base, "http://%s", target);
		snprintf(c->label, sizeof c->label, tr(MSG_CLASS_LABEL_AT), target);
	}
	const char *tok = getenv("HTTPTUTOR_TOKEN");
	if (tok && *tok) {
		if (strlen(tok) > 200 || strpbrk(tok, "\r\n")) {
			snprintf(err, errsz, "%s", tr(MSG_CLASS_BAD_TOKEN));
			free(c);
			return NULL;
		}
		snprintf(c->auth, sizeof c->auth, "Authorization: Bearer %s", tok);
	}
	const char *ca = getenv("HTTPTUTOR_CA");
	c->ca = ca && *ca ? ca : NULL;
	if (!(c->h = netlib.curl_easy_init())) {
		snprintf(err, errsz, tr(MSG_NETLIB_START), "libcurl");
		free(c);
		return NULL;
	}
	return c;
}

void client_free(struct client *c)
{
	if (!c)
		return;
	netlib.curl_easy_cleanup(c->h);
	free(c);
}

const char *client_label(const struct client *c)
{
	return c->label;
}

void client_reply_free(struct client_reply *r)
{
	json_decref(r->json);
	r->json = NULL;
}

void client_key(char out[33])
{
	unsigned char raw[16];
	if (getrandom(raw, sizeof raw, 0) != (ssize_t)sizeof raw) {
		/* No random source: the clock and the address still differ per call. */
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		unsigned long long v[2] = { (unsigned long long)ts.tv_nsec ^ (unsigned long long)ts.tv_sec,
		                            (unsigned long long)(size_t)out ^ (unsigned long long)getpid() };
		memcpy(raw, v, sizeof raw);
	}
	for (int i = 0; i < 16; i++)
		snprintf(out + 2 * i, 3, "%02x", raw[i]);
}

/* A header of the last reply, or NULL. */
static const char *header(struct client *c, const char *name)
{
	struct curl_header *h = NULL;
	if (netlib.curl_easy_header(c->h, name, 0, CURLH_HEADER, -1, &h) != CURLHE_OK)
		return NULL;
	return h->value;
}

bool client_call(struct client *c, const char *method, const char *path, const char *body,
                 const char *key, struct client_reply *r)
{
	char url[700], keyh[120];
	struct curl_slist *hs = NULL;
	struct buf b = { NULL, 0 };
	CURL *h = c->h;
	CURLcode cc;

	memset(r, 0, sizeof *r);
	snprintf(url, sizeof url, "%s%s", c->base, path);
	netlib.curl_easy_reset(h);
	netlib.curl_easy_setopt(h, CURLOPT_URL, url);
	if (c->sock[0])
		netlib.curl_easy_setopt(h, CURLOPT_UNIX_SOCKET_PATH, c->sock);
	netlib.curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
	netlib.curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, (long)CONNECT_MS);
	netlib.curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, (long)REQUEST_MS);
	netlib.curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	netlib.curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
	netlib.curl_easy_setopt(h, CURLOPT_WRITEDATA, &b);
	netlib.curl_easy_setopt(h, CURLOPT_USERAGENT, "httptutor/" HTTPTUTOR_VERSION);
	netlib.curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	if (c->ca)
		netlib.curl_easy_setopt(h, CURLOPT_CAINFO, c->ca);
	if (body) {
		netlib.curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
		netlib.curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)strlen(body));
		hs = netlib.curl_slist_append(hs, "Content-Type: application/json");
	}
	hs = netlib.curl_slist_append(hs, "Accept: application/json");
	if (c->auth[0])
		hs = netlib.curl_slist_append(hs, c->auth);
	if (key) {
		snprintf(keyh, sizeof keyh, "Idempotency-Key: %s", key);
		hs = netlib.curl_slist_append(hs, keyh);
	}
	netlib.curl_easy_setopt(h, CURLOPT_HTTPHEADER, hs);
	cc = netlib.curl_easy_perform(h);
	netlib.curl_slist_free_all(hs);
	if (cc != CURLE_OK) {
		char label[300];
		snprintf(label, sizeof label, "%.299s", c->label);
		/* A TLS port drops a request in clear text: say what to change. */
		bool maybe_tls = !c->sock[0] && !strncmp(c->base, "http://", 7) &&
		                 (cc == CURLE_GOT_NOTHING || cc == CURLE_RECV_ERROR ||
		                  cc == CURLE_SEND_ERROR || cc == CURLE_WEIRD_SERVER_REPLY);
		snprintf(r->err, sizeof r->err, tr(MSG_CLASS_CANNOT_REACH), label,
		         maybe_tls ? tr(MSG_CLASS_WHY_BROKE_TLS) : reason(cc));
		free(b.p);
		return false;
	}
	netlib.curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &r->status);
	const char *v;
	if ((v = header(c, "Location")))
		snprintf(r->location, sizeof r->location, "%s", v);
	if ((v = header(c, "Retry-After")))
		r->retry_after = atoi(v);
	if (b.len)
		r->json = json_loadb(b.p, b.len, 0, NULL);
	free(b.p);
	if (r->status >= 300) {
		const char *type = json_string_value(json_object_get(r->json, "type"));
		const char *detail = json_string_value(json_object_get(r->json, "detail"));
		snprintf(r->type, sizeof r->type, "%s", type ? type : "");
		if (detail)
			snprintf(r->err, sizeof r->err, "%s", detail);
		else
		{
			char label[300];
			snprintf(label, sizeof label, "%.299s", c->label);
			snprintf(r->err, sizeof r->err, tr(MSG_CLASS_ANSWERED), label, r->status);
		}
	}
	return true;
}
