/* roster.c — `class roster` through the class server (see roster.h). */
#include "roster.h"
#include "client.h"
#include "clock.h"
#include "i18n.h"
#include "out.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failed(const char *why)
{
	fprintf(stderr, "httptutor: %s\n", why);
	return 1;
}

/* One request; false after saying why. */
static bool ask(struct client *c, const char *method, const char *path, json_t *body,
                int want, struct client_reply *r)
{
	char *text = body ? json_dumps(body, JSON_COMPACT) : NULL;
	bool ok = client_call(c, method, path, text, NULL, r);
	free(text);
	json_decref(body);
	if (ok && r->status == want && r->json)
		return true;
	failed(r->err[0] ? r->err : tr(MSG_CLASS_SAID_NO));
	client_reply_free(r);
	return false;
}

static void slips(const struct report_ctx *rx, json_t *students, const char *url)
{
	int w = report_width();
	char buf[512];
	for (size_t i = 0; i < json_array_size(students); i++) {
		json_t *s = json_array_get(students, i);
		const char *name = json_string_value(json_object_get(s, "name"));
		const char *token = json_string_value(json_object_get(s, "token"));
		if (!name || !token)
			continue;
		for (int k = 0; k < (w < 72 ? w : 72); k++)
			putchar('-');
		putchar('\n');
		snprintf(buf, sizeof buf, tr(MSG_ROSTER_SLIP_FOR), name);
		report_wrap(stdout, buf, w, 0, rx->utf8);
		putchar('\n');
		report_wrap(stdout, tr(MSG_ROSTER_SLIP_HOW), w, 0, rx->utf8);
		printf("  export HTTPTUTOR_CLASS=%s\n", url);
		printf("  export HTTPTUTOR_TOKEN=%s\n\n", token);
		report_wrap(stdout, tr(MSG_ROSTER_SLIP_KEEP), w, 0, rx->utf8);
	}
}

int roster_run(const struct report_ctx *rx, const char *server, int n, char **names, bool print)
{
	char err[512];
	struct client_reply r;
	struct client *c = client_new(server, err, sizeof err);
	int rc = 1;
	if (!c)
		return failed(err);
	if (n > 0 || print) {
		json_t *arr = json_array();
		for (int i = 0; i < n; i++)
			json_array_append_new(arr, json_string(names[i]));
		if (!ask(c, "POST", "/v1/roster", json_pack("{s:o, s:s}", "names", arr, "tokens",
		                                             print ? "new" : "missing"), 201, &r))
			goto out;
		json_t *students = json_object_get(r.json, "students");
		if (print) {
			struct client_reply me;
			char url[300];
			snprintf(url, sizeof url, "%s", server);
			if (ask(c, "GET", "/v1/me", NULL, 200, &me)) {
				const char *tcp = json_string_value(json_object_get(me.json, "tcp"));
				if (tcp)
					snprintf(url, sizeof url, "%s", tcp);
				client_reply_free(&me);
			}
			if (!strchr(url, ':')) {
				snprintf(err, sizeof err, tr(MSG_ROSTER_NO_TCP), url);
				report_wrap(stderr, err, report_width(), 0, rx->utf8);
			}
			slips(rx, students, url);
		} else {
			bool shown = false;
			for (size_t i = 0; i < json_array_size(students); i++) {
				json_t *s = json_array_get(students, i);
				const char *token = json_string_value(json_object_get(s, "token"));
				out_puts(stdout, json_string_value(json_object_get(s, "name")), rx->utf8);
				printf("  %s\n", token ? token : tr(MSG_ROSTER_HAS_TOKEN));
				shown |= token != NULL;
			}
			/* On stderr: stdout stays "name  token" lines for scripts. */
			if (shown) {
				fflush(stdout);
				report_wrap(stderr, tr(MSG_ROSTER_ONCE), report_width(), 0, rx->utf8);
			}
		}
	} else {
		if (!ask(c, "GET", "/v1/roster", NULL, 200, &r))
			goto out;
		json_t *students = json_object_get(r.json, "students");
		if (!json_array_size(students))
			report_wrap(stdout, tr(MSG_ROSTER_EMPTY), report_width(), 0, rx->utf8);
		int wide = 0;    /* the dates in one column */
		for (size_t i = 0; i < json_array_size(students); i++) {
			const char *name = json_string_value(json_object_get(json_array_get(students, i), "name"));
			int w = name ? text_width(name) : 0;
			wide = w > wide ? w : wide;
		}
		for (size_t i = 0; i < json_array_size(students); i++) {
			json_t *s = json_array_get(students, i);
			int64_t at = (int64_t)json_integer_value(json_object_get(s, "token_issued_at"));
			char when[32], line[96];
			clock_local_str(at, "%Y-%m-%d %H:%M", "?", when, sizeof when);
			snprintf(line, sizeof line, at ? tr(MSG_ROSTER_ISSUED) : "%s",
			         at ? when : tr(MSG_ROSTER_NO_TOKEN));
			const char *name = json_string_value(json_object_get(s, "name"));
			out_puts(stdout, name, rx->utf8);
			printf("%*s  %s\n", wide - (name ? text_width(name) : 0), "", line);
		}
	}
	client_reply_free(&r);
	rc = 0;
out:
	client_free(c);
	return rc;
}
