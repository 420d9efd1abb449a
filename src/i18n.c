/* i18n.c — UI string table and language/locale choice. */
#include <langinfo.h>
#include <stdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"

static const char *const msgs[MSG_COUNT][LANG_COUNT] = {
#define I18N_ROW(id, en, zh) [MSG_##id] = { en, zh },
	MSG_LIST(I18N_ROW)
#undef I18N_ROW
};

static enum lang cur = LANG_EN;

const char *tr(enum msg id)
{
	if ((int)id < 0 || id >= MSG_COUNT)
		return "";
	return msgs[id][cur];
}

const char *trn(enum msg one, enum msg many, long n)
{
	return tr(n == 1 ? one : many);
}

const char *i18n_count(enum msg one, enum msg many, int n, char *buf, size_t size)
{
	snprintf(buf, size, trn(one, many, n), n);
	return buf;
}

void i18n_set(enum lang l) { cur = l; }
enum lang i18n_lang(void) { return cur; }

const char *i18n_name(enum lang l)
{
	return l == LANG_ZH ? "zh-TW" : "en";
}

bool i18n_parse(const char *name, enum lang *out)
{
	if (!name || !*name)
		return false;
	if (strncasecmp(name, "zh", 2) == 0) {
		*out = LANG_ZH;
		return true;
	}
	if (strncasecmp(name, "en", 2) == 0 || strcmp(name, "C") == 0 ||
	    strcmp(name, "POSIX") == 0) {
		*out = LANG_EN;
		return true;
	}
	return false;
}

bool i18n_pick(const char *opt, enum lang *out)
{
	static const char *const vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
	*out = LANG_EN;
	if (opt)
		return i18n_parse(opt, out);
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v) {
			/* LANGUAGE is a list ("zh_TW:en"); its first entry decides. */
			i18n_parse(v, out);
			return true;
		}
	}
	return true;
}

/* "zh_TW.UTF-8", "en_US.utf8" … name a UTF-8 locale. */
static bool names_utf8(const char *name)
{
	for (const char *p = name; *p; p++)
		if (strncasecmp(p, "utf-8", 5) == 0 || strncasecmp(p, "utf8", 4) == 0)
			return true;
	return false;
}

static bool codeset_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

bool i18n_setup_locale(void)
{
	if (setlocale(LC_ALL, "") && codeset_is_utf8())
		return true;
	/* The requested locale is missing (zh_TW.UTF-8 is rarely generated) or is
	 * not UTF-8; if the user asked for UTF-8 anywhere, C.UTF-8 gives it. */
	const char *want = getenv("LC_ALL");
	if (!want || !*want)
		want = getenv("LC_CTYPE");
	if (!want || !*want)
		want = getenv("LANG");
	if (want && names_utf8(want) &&
	    setlocale(LC_ALL, "C.UTF-8") && codeset_is_utf8())
		return true;
	setlocale(LC_ALL, "C");
	return false;
}
