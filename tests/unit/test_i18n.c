/* test_i18n.c — every message a learner or teacher can see exists in English
 * and Traditional Chinese: not missing, not left in English (proper nouns
 * excepted, listed below), with the same printf conversions, full-width
 * punctuation after Chinese, and no "(s)" plurals in English.  Beyond the
 * table: the database's and the store's errors come out in Chinese, key
 * names in the help are the footers' words, and no learner-facing source
 * file writes English sentences of its own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "i18n.h"
#include "keys.h"
#include "literals.h"
#include "store.h"

/* Messages that are the same in both languages on purpose. */
static const enum msg same_ok[] = {
	MSG_APP_NAME,      /* the program's name */
	MSG_NOT_UTF8,      /* shown only without UTF-8, where Chinese cannot be shown */
	MSG_REVIEW_GROUP_ROW, /* only a layout of other messages */
	MSG_PLAIN_ERR,     /* a message already in the interface's language */
};

static bool allowed_same(enum msg id)
{
	for (size_t i = 0; i < sizeof same_ok / sizeof same_ok[0]; i++)
		if (same_ok[i] == id)
			return true;
	return false;
}

/* The conversions of a printf format in argument order ("%1$s %2$d" and
 * "%2$d %1$s" both give "sd"), into out; false when malformed. */
static bool conversions(const char *fmt, char *out, size_t n)
{
	char by_pos[16] = { 0 };
	size_t k = 0;
	int next = 1;
	for (const char *p = fmt; *p; p++) {
		if (*p != '%')
			continue;
		if (p[1] == '%') {
			p++;
			continue;
		}
		const char *q = p + 1, *r = q;
		int pos = 0;
		while (*r >= '0' && *r <= '9')
			pos = pos * 10 + (*r++ - '0');
		if (*r == '$')
			q = r + 1;
		else
			pos = 0;
		while (*q && strchr("-+ #0123456789.lhzjt", *q))
			q++;
		if (!*q || !strchr("diouxXeEfgGcsp", *q))
			continue;   /* a literal "%" in a text that is not a format */
		if (!pos)
			pos = next++;
		if (pos >= (int)sizeof by_pos)
			return false;
		by_pos[pos] = *q == 'i' ? 'd' : *q;
		p = q;
	}
	for (int i = 1; i < (int)sizeof by_pos && by_pos[i]; i++)
		if (k + 1 < n)
			out[k++] = by_pos[i];
	out[k] = 0;
	return true;
}

/* Is p (inside s) just after a CJK ideograph (U+3400–U+9FFF)? */
static bool after_ideograph(const char *s, const char *p)
{
	if (p - s < 3)
		return false;
	const unsigned char *u = (const unsigned char *)p - 3;
	if ((u[0] & 0xF0) != 0xE0)
		return false;
	unsigned cp = ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
	return cp >= 0x3400 && cp <= 0x9FFF;
}

static void test_every_message_in_both(void **state)
{
	(void)state;
	int bad = 0;
	for (int id = 0; id < MSG_COUNT; id++) {
		i18n_set(LANG_EN);
		const char *en = tr((enum msg)id);
		i18n_set(LANG_ZH);
		const char *zh = tr((enum msg)id);
		char ce[32], cz[32];
		if (!en || !*en || !zh || !*zh) {
			print_message("message %d: missing text (en \"%s\")\n", id, en ? en : "");
			bad++;
		} else if (!strcmp(en, zh) && !allowed_same((enum msg)id)) {
			print_message("message %d is English in zh-TW too: \"%s\"\n", id, en);
			bad++;
		} else if (!conversions(en, ce, sizeof ce) || !conversions(zh, cz, sizeof cz) ||
		           strcmp(ce, cz)) {
			print_message("message %d: conversions differ: \"%s\" / \"%s\"\n", id, en, zh);
			bad++;
		} else if (strstr(en, "(s)")) {
			print_message("message %d: \"(s)\" instead of a counted noun: \"%s\"\n", id, en);
			bad++;
		}
		/* After a Chinese character punctuation is full-width (：。，；？！). */
		for (const char *p = zh ? zh : ""; *p; p++)
			if (strchr(":.,;?!", *p) && after_ideograph(zh, p)) {
				print_message("message %d: ASCII '%c' after Chinese: \"%s\"\n", id, *p, zh);
				bad++;
				break;
			}
		/* Esc is written Esc, as on the keys' own help. */
		if (strstr(en ? en : "", "ESC") || strstr(zh ? zh : "", "ESC")) {
			print_message("message %d: \"ESC\" instead of \"Esc\": \"%s\"\n", id, zh);
			bad++;
		}
	}
	i18n_set(LANG_EN);
	assert_int_equal(bad, 0);
}

/* The help screen's action list is in both languages too. */
static void test_every_action_in_both(void **state)
{
	(void)state;
	int bad = 0;
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		char en[256];
		i18n_set(LANG_EN);
		snprintf(en, sizeof en, "%s", keys_help((enum action)a));
		i18n_set(LANG_ZH);
		const char *zh = keys_help((enum action)a);
		if (!*en || !*zh || !strcmp(en, zh)) {
			print_message("action %d: \"%s\" / \"%s\"\n", a, en, zh);
			bad++;
		}
	}
	i18n_set(LANG_EN);
	assert_int_equal(bad, 0);
}

/* The test itself: a planted mismatch is caught. */
static void test_conversions_checker(void **state)
{
	(void)state;
	char a[16], b[16];
	assert_true(conversions("%1$s → %2$d of %3$d", a, sizeof a));
	assert_true(conversions("%2$d 之中 %3$d，%1$s", b, sizeof b));
	assert_string_equal(a, b);
	assert_true(conversions("%d%% of %s", a, sizeof a));
	assert_string_equal(a, "ds");
	assert_true(conversions("%s：%d", b, sizeof b));
	assert_string_not_equal(a, b);
}

/* English words of 4 letters or more in en that zh repeats: what was left
 * untranslated.  Words that are names (SQLite, httptutor, UTF-8, an option,
 * a path given to the message) may stay. */
static int left_in_english(const char *en, const char *zh, const char *what)
{
	static const char *const names[] = { "SQLite", "httptutor", "HTTPTUTOR_USER", "NAME",
	                                     "ulimit", "user", "bad", "XDG_DATA_HOME", "HOME", NULL };
	int bad = 0;
	char word[64];
	for (const char *p = en; *p;) {
		size_t k = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_");
		if (k >= 4 && k < sizeof word) {
			memcpy(word, p, k);
			word[k] = 0;
			bool name = false;
			for (int i = 0; names[i]; i++)
				name |= !strcmp(word, names[i]);
			/* --db, a path, a token with digits in it */
			name |= p > en && (strchr("-/.", p[-1]) || (p[-1] >= '0' && p[-1] <= '9'));
			const char *q = strstr(zh, word);
			if (!name && q && (q == zh || !((q[-1] >= 'a' && q[-1] <= 'z') || q[-1] == '/' ||
			                                 q[-1] == '.' || q[-1] == '-'))) {
				print_message("%s: \"%s\" left in English: \"%s\"\n", what, word, zh);
				bad++;
				break;
			}
		}
		p += k ? k : 1;
	}
	if (!strpbrk(zh, "\xe4\xe5\xe6\xe7\xe8\xe9")) {   /* no Chinese at all */
		print_message("%s: no Chinese in \"%s\"\n", what, zh);
		bad++;
	}
	return bad;
}

/* The same call in both languages, compared; fn writes its message into buf. */
typedef void (*message_fn)(void *ctx, char *buf, size_t n);
static int both(const char *what, message_fn fn, void *ctx)
{
	char en[1024], zh[1024];
	i18n_set(LANG_EN);
	fn(ctx, en, sizeof en);
	i18n_set(LANG_ZH);
	fn(ctx, zh, sizeof zh);
	i18n_set(LANG_EN);
	if (!*en || !*zh) {
		print_message("%s: no message\n", what);
		return 1;
	}
	return left_in_english(en, zh, what);
}

static void open_missing(void *ctx, char *buf, size_t n)
{
	(void)ctx;
	buf[0] = 0;
	struct db *d = db_open("/nonexistent/x.db", true, buf, n);
	assert_null(d);
}

static void open_foreign(void *ctx, char *buf, size_t n)
{
	buf[0] = 0;
	assert_null(store_open(ctx, "learner", false, buf, n));
}

static void bad_name(void *ctx, char *buf, size_t n)
{
	assert_non_null(store_name_problem(ctx, buf, n));
}

static void save_readonly(void *ctx, char *buf, size_t n)
{
	char err[512];
	struct store *st = store_open(ctx, "learner", true, err, sizeof err);
	assert_non_null(st);
	struct answer_rec r = { .item = "x", .qtype = "pick", .given = "401", .expected = "403" };
	assert_false(store_record(st, &r));
	snprintf(buf, n, "%s", st->err);
	store_close(st);
}

static void why_rc(void *ctx, char *buf, size_t n)
{
	snprintf(buf, n, "%s", db_why(NULL, *(int *)ctx));
}

/* QA found these in English under --lang zh-TW: the database's errors
 * (missing, not ours, read-only: the NOT SAVED detail), the user-name
 * error, and the plain reasons behind every write that fails. */
static void test_store_errors_in_both(void **state)
{
	(void)state;
	char dir[] = "/tmp/httptutor-i18n-XXXXXX", foreign[64], good[64], err[512];
	assert_non_null(mkdtemp(dir));
	snprintf(foreign, sizeof foreign, "%s/foreign.txt", dir);
	snprintf(good, sizeof good, "%s/a.db", dir);
	FILE *f = fopen(foreign, "w");
	assert_non_null(f);
	fputs("these are not the pages of a database\n", f);
	fclose(f);
	struct store *st = store_open(good, "learner", false, err, sizeof err);
	assert_non_null(st);
	store_close(st);
	int bad = both("missing database", open_missing, NULL) +
	          both("not a database", open_foreign, foreign) +
	          both("control character in --user", bad_name, "al\x1b" "ice") +
	          both("--user too long", bad_name,
	               "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") +
	          both("NOT SAVED on a read-only database", save_readonly, good);
	int rcs[] = { SQLITE_READONLY, SQLITE_FULL, SQLITE_BUSY, SQLITE_CORRUPT, SQLITE_PERM,
	              SQLITE_CANTOPEN, SQLITE_NOMEM, SQLITE_ERROR };
	for (size_t i = 0; i < sizeof rcs / sizeof rcs[0]; i++)
		bad += both("why a write failed", why_rc, &rcs[i]);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(bad, 0);
}

/* The help names keys as the footers do: 上/下 and 空白 in Chinese, the
 * keycap's own name (Enter, Esc, PgDn) otherwise. */
static void test_key_names(void **state)
{
	(void)state;
	static const int words[] = { FN(KEY_UP), FN(KEY_DOWN), FN(KEY_LEFT), FN(KEY_RIGHT), ' ' };
	static const int caps[] = { '\n', 27, FN(KEY_NPAGE), FN(KEY_HOME), '\t' };
	char en[32], zh[32];
	int bad = 0;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		i18n_set(LANG_EN);
		keys_name(words[i], en, sizeof en);
		i18n_set(LANG_ZH);
		keys_name(words[i], zh, sizeof zh);
		if (!strcmp(en, zh)) {
			print_message("key %s has no Chinese name\n", en);
			bad++;
		}
	}
	for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++) {
		i18n_set(LANG_EN);
		keys_name(caps[i], en, sizeof en);
		i18n_set(LANG_ZH);
		keys_name(caps[i], zh, sizeof zh);
		bad += strcmp(en, zh) != 0;
	}
	i18n_set(LANG_ZH);
	assert_string_equal(keys_name(27, zh, sizeof zh), "Esc");
	i18n_set(LANG_EN);
	assert_int_equal(bad, 0);
}

/* Source files (or one literal of a file) whose English is not for
 * learners or teachers, or not yet in the table, and why. */
static const struct { const char *file, *why, *literal; } english_ok[] = {
	{ "src/i18n.h", "the table itself", NULL },
	{ "src/keys.h", "the action table (both languages)", NULL },
	{ "src/usage.c", "command and option syntax", NULL },
	{ "src/report_html.c", "HTML and CSS", NULL },
	{ "src/html_page.c", "the report pages' style sheet", NULL },
	{ "src/packcache.c", "HTTPTUTOR_DEBUG=cache diagnostics", NULL },
	{ "src/snapshot.c", "internal consistency checks of the compiled pack", NULL },
	{ "src/text.c", "a compile-time check of its tables", "one kind per range" },
	{ "src/quiz.c", "a compile-time check", "every wrong choice of a scenario question" },
	{ "src/store.c", "a compile-time check", "one entry per export column" },
	/* The class server's side: the API's problem details (protocol text
	 * in one language, like reason phrases; a client says the ones a
	 * learner meets in the learner's language, store_remote.c). */
	{ "src/api.c", "class server", NULL }, { "src/api_exam.c", "class server", NULL },
	{ "src/api_learner.c", "class server", NULL }, { "src/wire.c", "class server", NULL },
	{ "src/grade.c", "class server", NULL }, { "src/store_serve.c", "class server", NULL },
	/* Content diagnostics (file:line for content authors), from lint. */
	{ "src/loader.c", "content diagnostics", NULL }, { "src/yamlread.c", "content diagnostics", NULL },
	{ "src/codesload.c", "content diagnostics", NULL }, { "src/scenload.c", "content diagnostics", NULL },
	{ "src/chapload.c", "content diagnostics", NULL }, { "src/contrastload.c", "content diagnostics", NULL },
	{ "src/glossload.c", "content diagnostics", NULL }, { "src/packcheck.c", "content diagnostics", NULL },
	{ "src/termcheck.c", "content diagnostics", NULL }, { "src/content.c", "content diagnostics", NULL },
	{ "src/markdown.c", "content diagnostics", NULL },
	/* Exams and their reports: the words of the CSV and JSON (the same in
	 * every language, for scripts) and the command a student types. */
	{ "src/report_exam.c", "status words of CSV and JSON", "not started" },
	{ "src/report_exam.c", "status words of CSV and JSON", "in progress" },
	{ "src/report_exam.c", "status words of CSV and JSON", "timed out" },
	{ "src/examcmd.c", "the command students run", "  httptutor exam %s" },
};

static bool english_allowed(const char *path, const char *s, size_t n)
{
	for (size_t i = 0; i < sizeof english_ok / sizeof english_ok[0]; i++) {
		const char *lit = english_ok[i].literal;
		if (!strcmp(english_ok[i].file, path) &&
		    (!lit || (n >= strlen(lit) && !memcmp(s, lit, strlen(lit)))))
			return true;
	}
	return false;
}

/* Does a literal read as an English sentence?  Two lower-case words of two
 * letters or more in a row ("could not", "the disk"), not SQL, not a
 * command line. */
static bool prose(const char *s, size_t n)
{
	static const char *const sql[] = { "SELECT", "INSERT", "UPDATE", "DELETE", "CREATE",
	                                   "PRAGMA", "WHERE", "BEGIN", "FROM", "VALUES", "JOIN", NULL };
	char buf[512];
	if (n >= sizeof buf)
		n = sizeof buf - 1;
	memcpy(buf, s, n);
	buf[n] = 0;
	for (int i = 0; sql[i]; i++)
		if (strstr(buf, sql[i]))
			return false;
	if (!strncmp(buf, "httptutor ", 10) || !strncmp(buf, "--", 2))
		return false;
	int run = 0;
	for (const char *p = buf; *p;) {
		size_t k = strspn(p, "abcdefghijklmnopqrstuvwxyz");
		bool word = k >= 2 && (p == buf || !strchr("%$-_.\\", p[-1]));
		if (word && (p[k] == ' ' || p[k] == 0 || strchr(",;:)", p[k]))) {
			if (++run >= 2)
				return true;
			p += k;
			if (*p != ' ')
				run = 0;
			else
				p++;
			continue;
		}
		run = 0;
		p += k ? k : 1;
	}
	return false;
}

struct english { int found, literals; };

static void check_english(void *ctx, const char *path, int line, const char *s, size_t n)
{
	struct english *e = ctx;
	e->literals++;
	/* A period glued to a translated text ("%s.") is English punctuation
	 * after Chinese: MSG_SENTENCE says it in each language. */
	if (n == 3 && !memcmp(s, "%s.", 3) && strcmp(path, "src/i18n.h")) {
		print_message("%s:%d: \"%%s.\" (use MSG_SENTENCE)\n", path, line);
		e->found++;
	}
	if (english_allowed(path, s, n) || !prose(s, n))
		return;
	print_message("%s:%d: English text outside the i18n table: \"%.*s\"\n", path, line, (int)n, s);
	e->found++;
}

/* QA found English sentences written straight into the code (database and
 * store errors, a "(correct)" after the Chinese verdict, "考試結束."): every
 * learner-facing file says things through the table. */
static void test_no_english_in_code(void **state)
{
	(void)state;
	struct english e = { 0, 0 };
	int files = literals_each(check_english, &e);
	assert_true(files > 40 && e.literals > 1000);   /* it read the sources */
	/* The detector itself: a sentence is caught, SQL and commands are not. */
	assert_true(prose("could not save your answer", 26));
	assert_true(prose("the disk is full", 16));
	assert_false(prose("SELECT id FROM answer WHERE profile_id = ?1", 43));
	assert_false(prose("httptutor exam --seed %llu", 26));
	assert_false(prose("%s: %s", 6));
	assert_int_equal(e.found, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_message_in_both),
		cmocka_unit_test(test_every_action_in_both),
		cmocka_unit_test(test_conversions_checker),
		cmocka_unit_test(test_store_errors_in_both),
		cmocka_unit_test(test_key_names),
		cmocka_unit_test(test_no_english_in_code),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
