/* test_i18n.c — every message a learner or teacher can see exists in English
 * and Traditional Chinese: not missing, not left in English (proper nouns
 * excepted, listed below), with the same printf conversions, full-width
 * punctuation after Chinese, and no "(s)" plurals in English. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "keys.h"

/* Messages that are the same in both languages on purpose. */
static const enum msg same_ok[] = {
	MSG_APP_NAME,      /* the program's name */
	MSG_NOT_UTF8,      /* shown only without UTF-8, where Chinese cannot be shown */
	MSG_REVIEW_GROUP_ROW, /* only a layout of other messages */
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
		/* After a Chinese character the colon is full-width (：), not ":". */
		for (const char *p = strstr(zh ? zh : "", ":"); p; p = strstr(p + 1, ":"))
			if (p - zh >= 3 && ((unsigned char)p[-3] & 0xF0) == 0xE0) {
				print_message("message %d: ASCII colon after Chinese: \"%s\"\n", id, zh);
				bad++;
				break;
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_message_in_both),
		cmocka_unit_test(test_every_action_in_both),
		cmocka_unit_test(test_conversions_checker),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
