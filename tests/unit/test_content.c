/* test_content.c — content loader: a good pack loads and its lookups work;
 * each kind of broken pack yields the right "path:line: message".  Broken
 * packs are made by copying tests/data/good into a temp dir and changing one
 * file. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "content.h"
#include "shell.h"

static char good_dir[512];   /* tests/data/good, found from __FILE__ */

struct pack {
	char dir[64];
	struct model m;
	struct diag d;
	bool ok;
};

static void find_good(void)
{
	const char *f = __FILE__;   /* ".../tests/unit/test_content.c" */
	const char *cut = strstr(f, "unit/test_content.c");
	snprintf(good_dir, sizeof good_dir, "%.*sdata/good", cut ? (int)(cut - f) : 0, f);
	if (!cut)
		snprintf(good_dir, sizeof good_dir, "tests/data/good");
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *buf = malloc(1 << 16);
	assert_non_null(buf);
	*len = fread(buf, 1, (1 << 16) - 1, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static void spit(const char *path, const char *buf, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(buf, 1, len, f), len);
	fclose(f);
}

/* A fresh copy of the good pack. */
static void pack_new(struct pack *p)
{
	memset(p, 0, sizeof *p);
	snprintf(p->dir, sizeof p->dir, "/tmp/httptutor-ct-XXXXXX");
	assert_non_null(mkdtemp(p->dir));
	run("cp -R '%s/.' '%s/'", good_dir, p->dir);
}

/* Replace the first `from` in rel with `to`; the test fails if it is absent. */
static void edit(struct pack *p, const char *rel, const char *from, const char *to)
{
	char path[256];
	size_t len;
	snprintf(path, sizeof path, "%s/%s", p->dir, rel);
	char *buf = slurp(path, &len);
	char *at = strstr(buf, from);
	if (!at)
		fail_msg("'%s' not found in %s", from, rel);
	size_t fl = strlen(from), tl = strlen(to);
	char *out = malloc(len - fl + tl + 1);
	assert_non_null(out);
	size_t pre = (size_t)(at - buf);
	memcpy(out, buf, pre);
	memcpy(out + pre, to, tl);
	memcpy(out + pre + tl, at + fl, len - pre - fl);
	spit(path, out, len - fl + tl);
	free(out);
	free(buf);
}

static void write_file(struct pack *p, const char *rel, const char *text)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", p->dir, rel);
	spit(path, text, strlen(text));
}

static void pack_load(struct pack *p)
{
	p->ok = content_load(p->dir, &p->m, &p->d);
}

static void pack_done(struct pack *p)
{
	content_free(&p->m);
	diag_free(&p->d);
	run("rm -rf '%s'", p->dir);
}

static void dump(const struct diag *d)
{
	for (size_t i = 0; i < d->n; i++)
		fprintf(stderr, "  | %s\n", d->msg[i]);
}

/* Asserts a message "dir/rel:line: …phrase…" exists. */
static void expect(const struct pack *p, const char *rel, int line, const char *phrase)
{
	char prefix[256];
	snprintf(prefix, sizeof prefix, "%s%s%s:%d: ", p->dir, *rel ? "/" : "", rel, line);
	for (size_t i = 0; i < p->d.n; i++)
		if (strncmp(p->d.msg[i], prefix, strlen(prefix)) == 0 &&
		    strstr(p->d.msg[i] + strlen(prefix), phrase))
			return;
	dump(&p->d);
	fail_msg("no diagnostic \"%s…%s\"", prefix, phrase);
}

/* The failed load freed and zeroed the model. */
static void expect_failed(const struct pack *p)
{
	if (p->ok)
		fail_msg("the broken pack loaded without errors");
	assert_true(p->d.n > 0);
	assert_null(p->m.codes);
	assert_int_equal(p->m.n_codes, 0);
	assert_null(p->m.dir);
}

/* One broken pack: edit, load, expect one message. */
static void broken(const char *rel, const char *from, const char *to,
                   const char *erel, int line, const char *phrase)
{
	struct pack p;
	pack_new(&p);
	edit(&p, rel, from, to);
	pack_load(&p);
	expect_failed(&p);
	expect(&p, erel, line, phrase);
	pack_done(&p);
}

/* ---- the good pack -------------------------------------------------------- */

static void test_good_pack_loads(void **state)
{
	(void)state;
	struct model m;
	struct diag d = { 0 };
	bool ok = content_load(good_dir, &m, &d);
	if (!ok)
		dump(&d);
	assert_true(ok);
	assert_int_equal(d.n, 0);
	assert_string_equal(m.dir, good_dir);

	/* codes sorted by number across files */
	assert_int_equal(m.n_codes, 4);
	assert_int_equal(m.codes[0].code, 200);
	assert_int_equal(m.codes[1].code, 401);
	assert_int_equal(m.codes[2].code, 403);
	assert_int_equal(m.codes[3].code, 404);

	const struct code_entry *c = model_code(&m, 403);
	assert_non_null(c);
	assert_string_equal(c->phrase, "Forbidden");
	assert_string_equal(c->rfc, "RFC 9110 §15.5.4");
	assert_int_equal(c->status, CODE_REGISTERED);
	assert_true(c->core);
	assert_false(c->cacheable);
	assert_int_equal(c->n_confused, 2);
	assert_int_equal(c->confused[0], 401);
	assert_int_equal(c->confused[1], 404);
	assert_string_equal(c->anchor, "basics#auth");
	assert_string_equal(ltext_get(&c->name, LANG_ZH), "禁止存取");
	assert_string_equal(ltext_get(&c->summary, LANG_EN), "I know you; the answer is no.");
	assert_null(model_code(&m, 500));
	assert_null(model_code(&m, 100));
	assert_null(model_code(&m, 999));

	c = model_code(&m, 401);
	assert_int_equal(c->n_headers, 1);
	assert_string_equal(c->headers[0], "WWW-Authenticate");
	c = model_code(&m, 200);
	assert_true(c->cacheable);
	/* a folded scalar is joined and loses its final newline */
	assert_string_equal(ltext_get(&c->detail, LANG_EN),
	                    "The request succeeded and the body carries the result.");
	assert_string_equal(ltext_get(&c->avoid, LANG_EN), "");

	for (int k = 1; k <= 5; k++)
		assert_int_equal(m.classes[k - 1].klass, k);
	assert_string_equal(ltext_get(&m.classes[3].name, LANG_EN), "Client error");
	assert_string_equal(ltext_get(&m.classes[3].name, LANG_ZH), "用戶端錯誤");

	assert_int_equal(m.n_chapters, 1);
	const struct chapter *ch = model_chapter(&m, "basics");
	assert_non_null(ch);
	assert_null(model_chapter(&m, "nope"));
	assert_int_equal(ch->number, 1);
	assert_string_equal(ltext_get(&ch->title, LANG_EN), "Basics");
	assert_string_equal(ltext_get(&ch->title, LANG_ZH), "基礎");
	assert_int_equal(ch->n_anchors, 3);
	assert_string_equal(ch->anchors[2], "auth");
	assert_non_null(strstr(ch->path[LANG_ZH], "zh-TW/chapters/01-basics.md"));
	assert_non_null(strstr(ch->markdown[LANG_EN], "## Who are you? {#auth}"));

	const char *a = NULL;
	assert_int_equal(model_resolve(&m, "basics#auth", &a), 0);
	assert_string_equal(a, "auth");
	assert_int_equal(model_resolve(&m, "basics", &a), 0);
	assert_null(a);
	assert_int_equal(model_resolve(&m, "basics#nope", &a), -1);
	assert_int_equal(model_resolve(&m, "nope#auth", &a), -1);
	assert_int_equal(model_resolve(&m, "basic#auth", NULL), -1);

	/* scenarios in file order */
	assert_int_equal(m.n_scenarios, 2);
	assert_string_equal(m.scenarios[0].id, "other-users-order");
	const struct scenario *s = model_scenario(&m, "no-token");
	assert_ptr_equal(s, &m.scenarios[1]);
	assert_null(model_scenario(&m, "missing"));
	assert_int_equal(s->answer, 401);
	assert_string_equal(s->header, "WWW-Authenticate");
	assert_string_equal(ltext_get(&s->header_why, LANG_ZH), "它告訴用戶端該如何驗證。");
	assert_int_equal(s->n_whynot, 3);
	assert_int_equal(s->whynot[0].code, 403);
	assert_string_equal(ltext_get(&s->whynot[1].text, LANG_ZH), "資源是存在的。");
	assert_int_equal(s->n_also, 0);

	/* the glossary, in file order */
	assert_int_equal(m.n_terms, 2);
	assert_string_equal(m.terms[0].en, "token");
	assert_string_equal(m.terms[0].zh, "權杖");
	assert_int_equal(m.terms[0].n_avoid, 2);
	assert_string_equal(m.terms[1].avoid[0], "請求行");
	assert_null(m.scenarios[0].header);
	assert_int_equal(m.scenarios[0].n_tags, 1);
	assert_string_equal(m.scenarios[0].tags[0], "auth");

	/* version: 16 hex digits */
	assert_int_equal(strlen(m.version), 16);
	assert_int_equal(strspn(m.version, "0123456789abcdef"), 16);
	content_free(&m);
	assert_null(m.codes);
	diag_free(&d);
}

static void test_ltext_fallback(void **state)
{
	(void)state;
	struct ltext t = { { "hello", NULL } };
	assert_string_equal(ltext_get(&t, LANG_ZH), "hello");
	struct ltext e = { { NULL, NULL } };
	assert_string_equal(ltext_get(&e, LANG_EN), "");
	assert_string_equal(ltext_get(NULL, LANG_EN), "");
}

static void test_version_tracks_bytes(void **state)
{
	(void)state;
	struct pack p;
	char v1[17], v2[17];
	pack_new(&p);
	pack_load(&p);
	assert_true(p.ok);
	memcpy(v1, p.m.version, sizeof v1);
	content_free(&p.m);
	pack_load(&p);
	assert_true(p.ok);
	assert_string_equal(p.m.version, v1);   /* same bytes, same version */
	content_free(&p.m);
	edit(&p, "en/chapters/01-basics.md", "gets a 2xx code", "gets a 2xx code.");
	pack_load(&p);
	assert_true(p.ok);
	memcpy(v2, p.m.version, sizeof v2);
	assert_string_not_equal(v1, v2);
	pack_done(&p);
}

static void test_find_dir(void **state)
{
	(void)state;
	char *d = content_find_dir("/some/where", "httptutor");
	assert_string_equal(d, "/some/where");
	free(d);
	/* Without an explicit folder the answer is a folder that holds codes/. */
	d = content_find_dir(NULL, "httptutor");
	if (d) {
		char p[600];
		snprintf(p, sizeof p, "%s/codes", d);
		assert_int_equal(access(p, F_OK), 0);
		free(d);
	}
}

/* ---- broken packs ---------------------------------------------------------- */

static void test_unknown_key(void **state)
{
	(void)state;
	broken("codes/4xx.yaml", "  cacheable: true\n  confused: [403]",
	       "  cacheable: true\n  colour: red\n  confused: [403]",
	       "codes/4xx.yaml", 7, "code 404: unknown key 'colour' (allowed: code, phrase,");
	broken("codes/4xx.yaml", "    summary: Who are you?", "    summry: Who are you?",
	       "codes/4xx.yaml", 31, "code 401: unknown key 'summry' in en (allowed: name, summary,");
}

static void test_missing_translation(void **state)
{
	(void)state;
	/* reported at the "zh-TW:" of code 403 */
	broken("codes/4xx.yaml", "    summary: 認得你，但不行。\n", "",
	       "codes/4xx.yaml", 54, "code 403: missing zh-TW.summary");
	broken("scenarios/auth.yaml", "  zh-TW:\n    situation: 一支",
	       "  zh:\n    situation: 一支",
	       "scenarios/auth.yaml", 31, "unknown key 'zh' (allowed: id, answer,");
	broken("scenarios/auth.yaml", "  zh-TW:\n    situation: 一支",
	       "  zh:\n    situation: 一支",
	       "scenarios/auth.yaml", 19, "scenario no-token: missing zh-TW translation");
}

static void test_missing_field(void **state)
{
	(void)state;
	broken("codes/4xx.yaml", "  phrase: Forbidden\n", "",
	       "codes/4xx.yaml", 41, "code 403: missing phrase");
	broken("scenarios/auth.yaml", "  anchor: basics#auth\n  en:\n    situation: A script",
	       "  en:\n    situation: A script",
	       "scenarios/auth.yaml", 19, "scenario no-token: missing anchor");
	broken("scenarios/auth.yaml", "    header_why: 它告訴用戶端該如何驗證。\n", "",
	       "scenarios/auth.yaml", 31, "scenario no-token: missing zh-TW.header_why");
}

static void test_empty_text(void **state)
{
	(void)state;
	broken("codes/2xx.yaml", "    use: 一般的讀取成功。", "    use: \"\"",
	       "codes/2xx.yaml", 20, "code 200: empty zh-TW.use");
	broken("codes/2xx.yaml", "    summary: It worked.", "    summary:",
	       "codes/2xx.yaml", 10, "code 200: empty en.summary");
}

static void test_wrong_types(void **state)
{
	(void)state;
	broken("codes/4xx.yaml", "- code: 404", "- code: 4040",
	       "codes/4xx.yaml", 1, "code must be a number 100–599");
	broken("codes/4xx.yaml", "- code: 404", "- code: \"404\"",
	       "codes/4xx.yaml", 1, "code must be a number 100–599");
	broken("codes/2xx.yaml", "  core: true", "  core: yes please",
	       "codes/2xx.yaml", 5, "code 200: core must be true or false");
	broken("codes/2xx.yaml", "    name: OK", "    name: [OK]",
	       "codes/2xx.yaml", 9, "code 200: en.name must be text, not a list");
	broken("codes/4xx.yaml", "  confused: [401, 404]", "  confused: 401",
	       "codes/4xx.yaml", 46, "code 403: confused must be a list");
	broken("scenarios/auth.yaml", "  answer: 401", "  answer: four-oh-one",
	       "scenarios/auth.yaml", 20, "scenario no-token: answer must be a code 100–599");
	broken("classes.yaml", "- class: 5", "- class: 6",
	       "classes.yaml", 29, "class (entry 5): class must be a number 1–5");
}

static void test_duplicates(void **state)
{
	(void)state;
	broken("codes/4xx.yaml", "- code: 401", "- code: 404",
	       "codes/4xx.yaml", 21, "duplicate code 404 (first at ");
	struct pack p;
	pack_new(&p);
	edit(&p, "codes/4xx.yaml", "- code: 401", "- code: 200");
	pack_load(&p);
	expect_failed(&p);
	char where[160];
	snprintf(where, sizeof where, "duplicate code 200 (first at %s/codes/2xx.yaml:1)", p.dir);
	expect(&p, "codes/4xx.yaml", 21, where);
	pack_done(&p);

	broken("scenarios/auth.yaml", "- id: no-token", "- id: other-users-order",
	       "scenarios/auth.yaml", 19, "duplicate scenario id 'other-users-order' (first at ");
	broken("scenarios/auth.yaml", "A script calls the API without any Authorization header.",
	       "Carol logs in with a valid token and asks for an order that belongs to Dave.",
	       "scenarios/auth.yaml", 24, "scenario no-token: en.situation is the same as scenario other-users-order");
	broken("codes/2xx.yaml", "  status: registered\n", "  status: registered\n  status: unused\n",
	       "codes/2xx.yaml", 5, "duplicate key 'status' (first at line 4)");
	broken("classes.yaml", "- class: 5", "- class: 4",
	       "classes.yaml", 29, "duplicate class 4 (first at line 22)");
	broken("classes.yaml", "- class: 5", "- class: 4",
	       "classes.yaml", 1, "class 5 is missing");
}

static void test_unknown_codes(void **state)
{
	(void)state;
	broken("codes/4xx.yaml", "  confused: [401, 404]", "  confused: [401, 418]",
	       "codes/4xx.yaml", 46, "code 403: confused code 418 is not in the code table");
	broken("scenarios/auth.yaml", "  answer: 403", "  answer: 409",
	       "scenarios/auth.yaml", 2, "scenario other-users-order: answer 409 is not in the code table");
	struct pack p;
	pack_new(&p);
	edit(&p, "scenarios/auth.yaml", "      404: The resource is there.", "      500: Nothing broke.");
	edit(&p, "scenarios/auth.yaml", "      404: 資源是存在的。", "      500: 沒有東西壞掉。");
	pack_load(&p);
	expect_failed(&p);
	expect(&p, "scenarios/auth.yaml", 29, "scenario no-token: whynot code 500 is not in the code table");
	pack_done(&p);
	broken("scenarios/auth.yaml", "      401: Her token is fine", "      403: Her token is fine",
	       "scenarios/auth.yaml", 9, "en.whynot lists the answer 403 itself");
}

static void test_whynot_sets_differ(void **state)
{
	(void)state;
	broken("scenarios/auth.yaml", "      404: 資源是存在的。", "      500: 資源是存在的。",
	       "scenarios/auth.yaml", 27, "whynot codes differ between en and zh-TW: 500 is only in zh-TW");
	broken("scenarios/auth.yaml", "      404: 資源是存在的。", "      500: 資源是存在的。",
	       "scenarios/auth.yaml", 35, "whynot codes differ between en and zh-TW: 404 is only in en");
	/* a quiz shows three wrong choices, each with its why-not */
	broken("scenarios/auth.yaml", "      404: 訂單確實存在。\n", "",
	       "scenarios/auth.yaml", 16, "zh-TW.whynot needs at least 3 tempting wrong codes (it has 2)");
	broken("scenarios/auth.yaml", "      200: She gets no order, so nothing succeeded.\n", "",
	       "scenarios/auth.yaml", 9, "en.whynot needs at least 3 tempting wrong codes (it has 2)");
}

static void test_scenario_rules(void **state)
{
	(void)state;
	broken("scenarios/auth.yaml", "- id: no-token", "- id: No_Token",
	       "scenarios/auth.yaml", 19, "id 'No_Token' may only use a-z, 0-9 and '-'");
	broken("scenarios/auth.yaml", "    why: The server knows who Carol is and refuses her.",
	       "    why: The server knows who Carol is.\n    header_why: None.",
	       "scenarios/auth.yaml", 8, "en.header_why is given but the scenario has no header");
	broken("scenarios/auth.yaml", "A script calls the API without any Authorization header.",
	       "A script gets 401 without any Authorization header.",
	       "scenarios/auth.yaml", 24, "scenario no-token: en.situation gives away the answer 401");
	broken("scenarios/auth.yaml", "A script calls the API without any Authorization header.",
	       "A script calls the API without any Authorization header. What now?",
	       "scenarios/auth.yaml", 24, "en.situation ends with a question, and the quiz asks its own after it");
}

static void test_bad_status(void **state)
{
	(void)state;
	broken("codes/2xx.yaml", "  status: registered", "  status: official",
	       "codes/2xx.yaml", 4, "code 200: status must be one of registered, temporary");
	broken("codes/2xx.yaml", "  status: registered", "  status: unofficial",
	       "codes/2xx.yaml", 3, "unofficial code cannot cite an RFC");
}

static void test_anchors(void **state)
{
	(void)state;
	broken("codes/2xx.yaml", "  anchor: basics#ok\n", "",
	       "codes/2xx.yaml", 1, "code 200: a core code needs an anchor");
	broken("codes/2xx.yaml", "  anchor: basics#ok", "  anchor: intro#ok",
	       "codes/2xx.yaml", 7, "code 200: anchor 'intro#ok': there is no chapter 'intro'");
	broken("codes/4xx.yaml", "  anchor: basics#missing", "  anchor: basics#gone",
	       "codes/4xx.yaml", 8, "code 404: anchor 'basics#gone': chapter 'basics' has no heading {#gone}");
	broken("scenarios/auth.yaml", "  anchor: basics#auth", "  anchor: basics auth",
	       "scenarios/auth.yaml", 4, "anchor 'basics auth' must look like chapter#anchor");
	broken("scenarios/auth.yaml", "  anchor: basics#auth", "  anchor: basics#who",
	       "scenarios/auth.yaml", 4, "scenario other-users-order: anchor 'basics#who': chapter 'basics' has no heading");
}

static void test_chapters(void **state)
{
	(void)state;
	struct pack p;
	pack_new(&p);
	write_file(&p, "en/chapters/02-extra.md", "# Extra\n\n## More {#more}\n");
	pack_load(&p);
	expect_failed(&p);
	expect(&p, "en/chapters/02-extra.md", 1, "chapter 'extra' has no zh-TW version");
	pack_done(&p);

	broken("zh-TW/chapters/01-basics.md", "{#missing}", "{#lost}",
	       "zh-TW/chapters/01-basics.md", 1,
	       "anchor 'missing' is in en/chapters/01-basics.md (line 7) but not in this file");
	broken("zh-TW/chapters/01-basics.md", "{#missing}", "{#lost}",
	       "en/chapters/01-basics.md", 1, "anchor 'lost' is in zh-TW/chapters/01-basics.md");
	broken("en/chapters/01-basics.md", "{#missing}", "{#ok}",
	       "en/chapters/01-basics.md", 7, "duplicate anchor 'ok' (first at line 3)");
	broken("en/chapters/01-basics.md", "# Basics\n", "Basics, no heading\n",
	       "en/chapters/01-basics.md", 1, "missing title");

	pack_new(&p);
	write_file(&p, "en/chapters/intro.md", "# Intro\n");
	pack_load(&p);
	expect_failed(&p);
	expect(&p, "en/chapters/intro.md", 1, "chapter file names must look like NN-slug.md");
	pack_done(&p);
}

static void test_bytes(void **state)
{
	(void)state;
	broken("codes/4xx.yaml", "Nothing lives", "Nothing \xff lives",
	       "codes/4xx.yaml", 11, "invalid UTF-8 (byte 0xFF)");
	broken("en/chapters/01-basics.md", "Unknown addresses", "Unknown \xe4\xb8 addresses",
	       "en/chapters/01-basics.md", 9, "invalid UTF-8");
	broken("codes/4xx.yaml", "Nothing lives", "Nothing \a lives",
	       "codes/4xx.yaml", 11, "control character U+0007 is not allowed");
	broken("zh-TW/chapters/01-basics.md", "成功的請求", "成功的\x1b[31m請求",
	       "zh-TW/chapters/01-basics.md", 5, "control character U+001B");
	broken("codes/4xx.yaml", "Nothing lives", "Nothing\tlives",
	       "codes/4xx.yaml", 11, "control character U+0009");
	/* C1 control, valid UTF-8 */
	broken("scenarios/auth.yaml", "Carol logs", "Carol \xc2\x9b logs",
	       "scenarios/auth.yaml", 6, "control character U+009B");
	/* an escape inside a quoted scalar only shows up after parsing */
	broken("codes/4xx.yaml", "    use: An unknown id in the path.", "    use: \"An unknown\\x07 id\"",
	       "codes/4xx.yaml", 13, "code 404: en.use: control character U+0007 is not allowed");
}

static void test_yaml_syntax(void **state)
{
	(void)state;
	broken("codes/2xx.yaml", "    summary: It worked.", "    summary: [It worked.",
	       "codes/2xx.yaml", 11, "YAML: did not find expected ',' or ']'");
	broken("classes.yaml", "- class: 2\n", "- class: 2\n   oops: x\n",
	       "classes.yaml", 9, "YAML: ");
	broken("codes/2xx.yaml", "- code: 200", "---\n- code: 300\n---\n- code: 200",
	       "codes/2xx.yaml", 4, "only one YAML document per file");
	broken("codes/4xx.yaml", "- code: 404", "code: 404",
	       "codes/4xx.yaml", 2, "YAML: mapping values are not allowed");
	struct pack p;
	pack_new(&p);
	write_file(&p, "codes/5xx.yaml", "code: 500\nphrase: x\n");
	pack_load(&p);
	expect_failed(&p);
	expect(&p, "codes/5xx.yaml", 1, "expected a list of codes");
	pack_done(&p);
	pack_new(&p);
	write_file(&p, "codes/5xx.yaml", "- 500\n- [a]\n");
	pack_load(&p);
	expect(&p, "codes/5xx.yaml", 1, "entry 1 of codes must be a mapping");
	expect(&p, "codes/5xx.yaml", 2, "entry 2 of codes must be a mapping");
	pack_done(&p);
	pack_new(&p);
	write_file(&p, "codes/5xx.yaml", "");
	pack_load(&p);
	expect(&p, "codes/5xx.yaml", 1, "file is empty");
	pack_done(&p);
}

static void test_folders(void **state)
{
	(void)state;
	struct pack p;
	pack_new(&p);
	run("rm -rf '%s/scenarios' '%s/zh-TW' '%s/classes.yaml'", p.dir, p.dir, p.dir);
	write_file(&p, "codes/notes.txt", "hi");
	pack_load(&p);
	expect_failed(&p);
	expect(&p, "scenarios", 1, "cannot open folder: No such file or directory");
	expect(&p, "zh-TW/chapters", 1, "cannot open folder");
	expect(&p, "classes.yaml", 1, "cannot read file");
	for (size_t i = 0; i < p.d.n; i++)
		assert_null(strstr(p.d.msg[i], "is missing (classes 1 to 5"));
	expect(&p, "codes/notes.txt", 1, "unexpected file");
	expect(&p, "en/chapters/01-basics.md", 1, "has no zh-TW version");
	pack_done(&p);

	struct model m;
	struct diag d = { 0 };
	assert_false(content_load("/nonexistent/httptutor-content", &m, &d));
	assert_int_equal(d.n, 1);
	assert_string_equal(d.msg[0], "/nonexistent/httptutor-content:1: cannot open content folder: "
	                    "No such file or directory");
	assert_null(m.codes);
	diag_free(&d);
}

/* All errors are reported, sorted by path then line. */
static void test_collects_and_sorts(void **state)
{
	(void)state;
	struct pack p;
	pack_new(&p);
	edit(&p, "scenarios/auth.yaml", "  answer: 403", "  answer: 409");
	edit(&p, "codes/4xx.yaml", "  confused: [401, 404]", "  confused: [401, 418]");
	edit(&p, "codes/4xx.yaml", "  phrase: Not Found", "  phrase: \"\"");
	edit(&p, "classes.yaml", "- class: 5", "- class: 4");
	edit(&p, "codes/2xx.yaml", "  status: registered", "  status: nope");
	pack_load(&p);
	expect_failed(&p);
	assert_true(p.d.n >= 6);
	for (size_t i = 1; i < p.d.n; i++) {
		const char *a = p.d.msg[i - 1], *b = p.d.msg[i];
		const char *ca = strstr(a + strlen(p.dir), ":"), *cb = strstr(b + strlen(p.dir), ":");
		int pa = strncmp(a, b, (size_t)(ca - a) < (size_t)(cb - b) ? (size_t)(ca - a) : (size_t)(cb - b));
		if (pa == 0 && (ca - a) == (cb - b))
			assert_true(atoi(ca + 1) <= atoi(cb + 1));
		else if (pa > 0 || (pa == 0 && (ca - a) > (cb - b)))
			fail_msg("not sorted: %s / %s", a, b);
	}
	pack_done(&p);
}

/* Cut a file at many points: every prefix must load without crashing. */
static void test_truncated_files_never_crash(void **state)
{
	(void)state;
	struct pack p;
	char path[256];
	size_t len;
	pack_new(&p);
	const char *files[] = { "codes/4xx.yaml", "scenarios/auth.yaml", "en/chapters/01-basics.md" };
	for (size_t f = 0; f < 3; f++) {
		snprintf(path, sizeof path, "%s/%s", p.dir, files[f]);
		char *orig = slurp(path, &len);
		for (size_t cut = 0; cut < len; cut += 23) {
			spit(path, orig, cut);
			struct model m;
			struct diag d = { 0 };
			if (content_load(p.dir, &m, &d))
				content_free(&m);
			diag_free(&d);
		}
		spit(path, orig, len);
		free(orig);
	}
	/* binary garbage */
	char junk[512];
	unsigned x = 12345;
	for (size_t i = 0; i < sizeof junk; i++) {
		x = x * 1103515245u + 12345u;
		junk[i] = (char)(x >> 16);
	}
	snprintf(path, sizeof path, "%s/codes/2xx.yaml", p.dir);
	spit(path, junk, sizeof junk);
	pack_load(&p);
	expect_failed(&p);
	pack_done(&p);
}

/* The real pack, while it is being written: report, never fail. */
/* ---- also, distractors, glossary, code names ------------------------------ */

/* Appends text to rel (a new code card, say). */
static void append(struct pack *p, const char *rel, const char *text)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", p->dir, rel);
	FILE *f = fopen(path, "ab");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	fclose(f);
}

static const char card_410[] =
	"- code: 410\n  phrase: Gone\n  rfc: RFC 9110 §15.5.11\n  status: registered\n"
	"  anchor: basics#missing\n"
	"  en:\n    name: Gone\n    summary: Removed for good.\n    detail: It was here.\n"
	"    use: Retired things.\n    avoid: Unknown absence.\n"
	"  zh-TW:\n    name: 已永久移除\n    summary: 永久移除。\n    detail: 曾經存在。\n"
	"    use: 下架的東西。\n    avoid: 不確定時不要用。\n";

static const char card_418[] =
	"- code: 418\n  phrase: (Unused)\n  rfc: RFC 9110 §15.5.19\n  status: unused\n"
	"  en:\n    name: (Unused)\n    summary: Reserved.\n    detail: A joke.\n"
	"    use: Never.\n    avoid: Always.\n"
	"  zh-TW:\n    name: （未使用）\n    summary: 保留。\n    detail: 玩笑。\n"
	"    use: 不用。\n    avoid: 都不要。\n";

static void test_also(void **state)
{
	(void)state;
	struct pack p;
	pack_new(&p);
	append(&p, "codes/4xx.yaml", card_410);
	edit(&p, "scenarios/auth.yaml", "      200: She gets no order, so nothing succeeded.\n",
	     "      200: She gets no order, so nothing succeeded.\n"
	     "    also:\n      410: Hiding it as gone works too; 403 is plainer.\n");
	edit(&p, "scenarios/auth.yaml", "      200: 她拿不到訂單，沒有任何事成功。\n",
	     "      200: 她拿不到訂單，沒有任何事成功。\n"
	     "    also:\n      410: 當成已移除也行；403 更直接。\n");
	pack_load(&p);
	if (!p.ok)
		dump(&p.d);
	assert_true(p.ok);
	const struct scenario *s = model_scenario(&p.m, "other-users-order");
	assert_int_equal(s->n_also, 1);
	assert_int_equal(s->also[0].code, 410);
	assert_string_equal(ltext_get(&s->also[0].text, LANG_ZH), "當成已移除也行；403 更直接。");
	pack_done(&p);

	/* the same set in both languages */
	pack_new(&p);
	append(&p, "codes/4xx.yaml", card_410);
	edit(&p, "scenarios/auth.yaml", "      200: She gets no order, so nothing succeeded.\n",
	     "      200: She gets no order, so nothing succeeded.\n"
	     "    also:\n      410: Hiding it as gone works too.\n");
	pack_load(&p);
	expect_failed(&p);
	expect(&p, "scenarios/auth.yaml", 12, "also codes differ between en and zh-TW: 410 is only in en");
	pack_done(&p);

	/* a code is either wrong or acceptable, never both; never the answer */
	pack_new(&p);
	edit(&p, "scenarios/auth.yaml", "      200: She gets no order, so nothing succeeded.\n",
	     "      200: She gets no order, so nothing succeeded.\n    also:\n      404: Hiding it works.\n");
	edit(&p, "scenarios/auth.yaml", "      200: 她拿不到訂單，沒有任何事成功。\n",
	     "      200: 她拿不到訂單，沒有任何事成功。\n    also:\n      404: 藏起來也行。\n");
	pack_load(&p);
	expect_failed(&p);
	expect(&p, "scenarios/auth.yaml", 12, "404 is in both en.also and en.whynot");
	pack_done(&p);
	broken("scenarios/auth.yaml", "      200: She gets no order, so nothing succeeded.\n",
	       "      200: She gets no order, so nothing succeeded.\n    also:\n      403: Itself.\n",
	       "scenarios/auth.yaml", 13, "en.also lists the answer 403 itself");
	broken("scenarios/auth.yaml", "      200: She gets no order, so nothing succeeded.\n",
	       "      200: She gets no order, so nothing succeeded.\n    also:\n      409: Not a code here.\n",
	       "scenarios/auth.yaml", 13, "also code 409 is not in the code table");
}

static void test_unshowable_whynot(void **state)
{
	(void)state;
	struct pack p;
	pack_new(&p);
	append(&p, "codes/4xx.yaml", card_418);
	edit(&p, "scenarios/auth.yaml", "      200: The script gets no data.", "      418: The script gets no tea.");
	edit(&p, "scenarios/auth.yaml", "      200: 腳本拿不到任何資料。", "      418: 腳本拿不到茶。");
	pack_load(&p);
	expect_failed(&p);
	expect(&p, "scenarios/auth.yaml", 19,
	       "scenario no-token: only 2 whynot codes can be shown as wrong choices (418 is unused)");
	pack_done(&p);
}

static void test_glossary_variants(void **state)
{
	(void)state;
	/* a variant in a zh-TW YAML text, with its line */
	broken("scenarios/auth.yaml", "    situation: 一支腳本呼叫 API 時完全沒有帶 Authorization 標頭。",
	       "    situation: 一支腳本呼叫 API 時完全沒有帶令牌。",
	       "scenarios/auth.yaml", 32, "zh-TW uses \"令牌\" for token (a credential string); the glossary term is \"權杖\"");
	/* a bare English word counts; the same word as a gloss, inside a longer
	 * word, or in English text does not */
	broken("codes/4xx.yaml", "    use: 沒有權杖或權杖過期。", "    use: 沒有 token 或權杖過期。",
	       "codes/4xx.yaml", 39, "zh-TW uses \"token\"");
	struct pack p;
	pack_new(&p);
	edit(&p, "codes/4xx.yaml", "    use: 沒有權杖或權杖過期。", "    use: 沒有權杖（token）或 invalid_token。");
	edit(&p, "codes/4xx.yaml", "    use: No token or an expired token.", "    use: No token, or a token that expired.");
	pack_load(&p);
	if (!p.ok)
		dump(&p.d);
	assert_true(p.ok);
	pack_done(&p);
	/* chapters: prose counts, code spans and fenced blocks do not */
	broken("zh-TW/chapters/01-basics.md", "未知的位址得到 404。", "請求行有誤時得到 400。",
	       "zh-TW/chapters/01-basics.md", 9, "zh-TW uses \"請求行\" for request line");
	pack_new(&p);
	edit(&p, "zh-TW/chapters/01-basics.md", "未知的位址得到 404。",
	     "未知的位址得到 404，`請求行` 不算。\n\n```\n令牌 token\n```");
	pack_load(&p);
	if (!p.ok)
		dump(&p.d);
	assert_true(p.ok);
	pack_done(&p);
}

static void test_glossary_rules(void **state)
{
	(void)state;
	broken("glossary.yaml", "  avoid: [請求行]", "  avoid: [請求行, 請求列]",
	       "glossary.yaml", 6, "term 'request line': avoid lists the term 請求列 itself");
	broken("glossary.yaml", "  en: request line", "  en: Token",
	       "glossary.yaml", 6, "en term 'Token' is already the term of 'token (a credential string)'");
	broken("glossary.yaml", "  avoid: [請求行]", "  avoid: [權杖]",
	       "glossary.yaml", 6, "avoid lists 權杖, the term of 'token (a credential string)'");
	broken("glossary.yaml", "  zh-TW: 請求列", "  zh-TW: 令牌",
	       "glossary.yaml", 6, "zh-TW term 令牌 is a variant to avoid under 'token (a credential string)'");
	broken("glossary.yaml", "  zh-TW: 請求列", "",
	       "glossary.yaml", 6, "missing zh-TW");
	/* the file is optional */
	struct pack p;
	pack_new(&p);
	run("rm '%s/glossary.yaml'", p.dir);
	pack_load(&p);
	assert_true(p.ok);
	assert_int_equal(p.m.n_terms, 0);
	pack_done(&p);
}

static void test_code_names(void **state)
{
	(void)state;
	/* a chapter's zh-TW name for a code is its card's name */
	struct pack p;
	pack_new(&p);
	edit(&p, "zh-TW/chapters/01-basics.md", "## 找不到 {#missing}", "## 404 Not Found（找不到） {#missing}");
	pack_load(&p);
	if (!p.ok)
		dump(&p.d);
	assert_true(p.ok);
	pack_done(&p);
	broken("zh-TW/chapters/01-basics.md", "## 找不到 {#missing}", "## 404 Not Found（不存在） {#missing}",
	       "zh-TW/chapters/01-basics.md", 7,
	       "the chapter calls 404 \"不存在\"; its card's zh-TW name is \"找不到\"");
	/* a citation in parentheses is not a name */
	pack_new(&p);
	edit(&p, "zh-TW/chapters/01-basics.md", "未知的位址得到 404。", "未知的位址得到 404 Not Found（RFC 9110）。");
	pack_load(&p);
	assert_true(p.ok);
	pack_done(&p);
	/* a code followed by another code's name, in either language */
	broken("en/chapters/01-basics.md", "Unknown addresses get 404.", "Unknown addresses get 404 Forbidden.",
	       "en/chapters/01-basics.md", 9, "404 is followed by \"Forbidden\", the name of 403; 404 is called \"Not Found\"");
}

static void test_real_pack(void **state)
{
	(void)state;
	char dir[600];
	snprintf(dir, sizeof dir, "%s/../../../content", good_dir);
	if (access(dir, F_OK) != 0)
		skip();
	struct model m;
	struct diag d = { 0 };
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	bool ok = content_load(dir, &m, &d);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	fprintf(stderr, "real pack: %s, %zu diagnostics, %.1f ms\n", ok ? "ok" : "errors", d.n, ms);
	for (size_t i = 0; i < d.n && i < 40; i++)
		fprintf(stderr, "  | %s\n", d.msg[i]);
	if (ok) {
		fprintf(stderr, "  %zu codes, %zu chapters, %zu scenarios, version %s\n",
		        m.n_codes, m.n_chapters, m.n_scenarios, m.version);
		content_free(&m);
	}
	diag_free(&d);
	if (!ok)
		skip();
}

/* ---- contrasts.yaml (tests/data/contrast laid over the good pack) ---------- */

static void cpack_new(struct pack *p)
{
	pack_new(p);
	run("cp -R '%s/../contrast/.' '%s/'", good_dir, p->dir);
}

static void cbroken(const char *rel, const char *from, const char *to, int line, const char *phrase)
{
	struct pack p;
	cpack_new(&p);
	edit(&p, rel, from, to);
	pack_load(&p);
	expect_failed(&p);
	expect(&p, "contrasts.yaml", line, phrase);
	pack_done(&p);
}

static void test_contrasts_load(void **state)
{
	(void)state;
	struct pack p;
	cpack_new(&p);
	pack_load(&p);
	if (!p.ok)
		dump(&p.d);
	assert_true(p.ok);
	assert_int_equal(p.m.n_contrasts, 2);
	const struct contrast *g = &p.m.contrasts[0];
	assert_string_equal(g->id, "who-or-allowed");
	assert_int_equal(g->n_codes, 2);
	assert_int_equal(g->codes[0], 401);   /* sorted, rules follow their codes */
	assert_int_equal(g->codes[1], 403);
	assert_string_equal(ltext_get(&g->rule[0], LANG_EN), "No, it does not.");
	assert_string_equal(ltext_get(&g->rule[1], LANG_ZH), "知道，但拒絕。");
	assert_string_equal(ltext_get(&g->question, LANG_ZH), "伺服器知道是誰在問嗎？");
	assert_string_equal(ltext_get(&g->title, LANG_EN), "Not signed in, or not allowed");
	assert_string_equal(g->anchor, "basics#auth");
	assert_non_null(strstr(ltext_get(&g->example, LANG_EN), "no token at all is 401"));
	assert_string_equal(p.m.contrasts[1].id, "refuse-or-hide");
	pack_done(&p);

	/* the file is optional, and its bytes count towards the content version */
	struct model m;
	struct diag d = { 0 };
	assert_true(content_load(good_dir, &m, &d));
	assert_int_equal(m.n_contrasts, 0);
	assert_null(m.contrasts);
	content_free(&m);
	diag_free(&d);
	char before[17];
	cpack_new(&p);
	pack_load(&p);
	memcpy(before, p.m.version, sizeof before);
	content_free(&p.m);
	diag_free(&p.d);
	edit(&p, "contrasts.yaml", "Yes, and it refuses.", "Yes, and it says no.");
	pack_load(&p);
	assert_true(p.ok);
	assert_string_not_equal(p.m.version, before);
	pack_done(&p);
}

static void test_contrast_rules(void **state)
{
	(void)state;
	cbroken("contrasts.yaml", "codes: [403, 401]", "codes: [403, 401, 418]",
	        3, "contrast who-or-allowed: code 418 is not in the code table");
	cbroken("contrasts.yaml", "codes: [403, 401]", "codes: [403]",
	        3, "codes must list 2 to 4 codes (it lists 1)");
	cbroken("contrasts.yaml", "codes: [403, 401]", "codes: [403, 401, 200, 404, 401]",
	        3, "codes must list 2 to 4 codes (it lists 5)");
	cbroken("contrasts.yaml", "codes: [403, 401]", "codes: [403, 403]",
	        3, "codes lists 403 twice");
	cbroken("contrasts.yaml", "anchor: basics#auth", "anchor: basics#who",
	        4, "contrast who-or-allowed: anchor 'basics#who': chapter 'basics' has no heading {#who}");
	cbroken("contrasts.yaml", "- id: refuse-or-hide", "- id: who-or-allowed",
	        19, "duplicate contrast id 'who-or-allowed' (first at ");
	cbroken("contrasts.yaml", "- id: refuse-or-hide", "- id: Refuse",
	        19, "id 'Refuse' may only use a-z, 0-9 and '-'");
	cbroken("contrasts.yaml", "codes: [403, 404]", "codes: [403, 404, 401]",
	        19, "contrast refuse-or-hide: 401 and 403 are already a pair in contrast who-or-allowed");
	cbroken("contrasts.yaml", "      401: No, it does not.\n", "",
	        9, "contrast who-or-allowed: en.rules has no line for 401");
	cbroken("contrasts.yaml", "      401: 不知道。", "      404: 不知道。",
	        17, "zh-TW.rules has a line for 404, which is not one of the group's codes");
	cbroken("contrasts.yaml", "    question: 伺服器知道是誰在問嗎？\n", "",
	        12, "contrast who-or-allowed: missing zh-TW.question");
	cbroken("contrasts.yaml", "  zh-TW:\n    title: 拒絕", "  zh:\n    title: 拒絕",
	        19, "contrast refuse-or-hide: missing zh-TW translation");
	cbroken("contrasts.yaml", "    example: Editing", "    sample: Editing",
	        28, "unknown key 'sample'");
	cbroken("contrasts.yaml", "codes: [403, 401]", "codes: 403",
	        3, "codes must be a list of status codes");
	/* a drill needs four scenarios among the group's codes */
	cbroken("scenarios/drill.yaml", "  answer: 404\n  anchor: basics#missing\n  en:\n    situation: A user",
	        "  answer: 200\n  anchor: basics#missing\n  en:\n    situation: A user",
	        19, "contrast refuse-or-hide: 3 scenarios are answered by 403, 404; a drill needs at least 4");
}

int main(void)
{
	find_good();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_pack_loads),
		cmocka_unit_test(test_ltext_fallback),
		cmocka_unit_test(test_version_tracks_bytes),
		cmocka_unit_test(test_find_dir),
		cmocka_unit_test(test_unknown_key),
		cmocka_unit_test(test_missing_translation),
		cmocka_unit_test(test_missing_field),
		cmocka_unit_test(test_empty_text),
		cmocka_unit_test(test_wrong_types),
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_unknown_codes),
		cmocka_unit_test(test_whynot_sets_differ),
		cmocka_unit_test(test_scenario_rules),
		cmocka_unit_test(test_bad_status),
		cmocka_unit_test(test_anchors),
		cmocka_unit_test(test_chapters),
		cmocka_unit_test(test_bytes),
		cmocka_unit_test(test_yaml_syntax),
		cmocka_unit_test(test_folders),
		cmocka_unit_test(test_collects_and_sorts),
		cmocka_unit_test(test_truncated_files_never_crash),
		cmocka_unit_test(test_also),
		cmocka_unit_test(test_unshowable_whynot),
		cmocka_unit_test(test_glossary_variants),
		cmocka_unit_test(test_glossary_rules),
		cmocka_unit_test(test_code_names),
		cmocka_unit_test(test_real_pack),
		cmocka_unit_test(test_contrasts_load),
		cmocka_unit_test(test_contrast_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
