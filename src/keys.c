/* keys.c — the global keymap, key names and action help. */
#include <curses.h>
#include <stdio.h>

#include "i18n.h"
#include "keys.h"

static const char *const help[ACT_COUNT][LANG_COUNT] = {
#define KEYS_HELP(id, en, zh) [ACT_##id] = { en, zh },
	ACTION_LIST(KEYS_HELP)
#undef KEYS_HELP
};

const struct keybind keys_global[] = {
	{ FN(KEY_UP), ACT_UP },       { 'k', ACT_UP },
	{ FN(KEY_DOWN), ACT_DOWN },   { 'j', ACT_DOWN },
	{ FN(KEY_PPAGE), ACT_PGUP },  { 'b', ACT_PGUP },
	{ FN(KEY_NPAGE), ACT_PGDN },  { ' ', ACT_PGDN },
	{ FN(KEY_HOME), ACT_TOP },    { 'g', ACT_TOP },
	{ FN(KEY_END), ACT_BOTTOM },  { 'G', ACT_BOTTOM },
	{ '\n', ACT_OPEN },           { FN(KEY_ENTER), ACT_OPEN },
	{ FN(KEY_RIGHT), ACT_OPEN },
	{ 'q', ACT_BACK },            { 27, ACT_BACK },
	{ FN(KEY_LEFT), ACT_BACK },   { FN(KEY_BACKSPACE), ACT_BACK },
	{ 'Q', ACT_QUIT },
	{ '?', ACT_HELP },            { FN(KEY_F(1)), ACT_HELP },
	{ 'L', ACT_LANG },
	{ CTRL('l'), ACT_REDRAW },
	KEYMAP_END
};

static enum action find(const struct keybind *map, int key)
{
	for (; map && map->key; map++)
		if (map->key == key)
			return map->act;
	return ACT_COUNT;
}

enum action keys_lookup(const struct keybind *screen, int key)
{
	enum action a = find(screen, key);
	if (a == ACT_COUNT)
		a = find(keys_global, key);
	return a == ACT_COUNT ? ACT_NONE : a;
}

const char *keys_help(enum action a)
{
	if ((int)a < 0 || a >= ACT_COUNT)
		return "";
	return help[a][i18n_lang()];
}

const char *keys_name(int key, char *buf, size_t n)
{
	/* The arrows and Space are named as the footers name them (上/下 in
	 * Chinese); keys with their name printed on the keycap keep it. */
	static const struct { int key; enum msg word; } words[] = {
		{ FN(KEY_UP), MSG_KEY_UP }, { FN(KEY_DOWN), MSG_KEY_DOWN },
		{ FN(KEY_LEFT), MSG_KEY_LEFT }, { FN(KEY_RIGHT), MSG_KEY_RIGHT },
		{ ' ', MSG_KEY_SPACE },
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (words[i].key == key) {
			snprintf(buf, n, "%s", tr(words[i].word));
			return buf;
		}
	static const struct { int key; const char *name; } names[] = {
		{ FN(KEY_PPAGE), "PgUp" }, { FN(KEY_NPAGE), "PgDn" },
		{ FN(KEY_HOME), "Home" }, { FN(KEY_END), "End" },
		{ FN(KEY_ENTER), "Enter" }, { '\n', "Enter" },
		{ FN(KEY_BACKSPACE), "Backspace" }, { FN(KEY_F(1)), "F1" },
		{ FN(KEY_BTAB), "Shift-Tab" }, { '\t', "Tab" },
		{ 27, "Esc" },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].key == key) {
			snprintf(buf, n, "%s", names[i].name);
			return buf;
		}
	if (key > 0 && key < 32)
		snprintf(buf, n, "Ctrl-%c", key + 'A' - 1);
	else if (key < 128)
		snprintf(buf, n, "%c", key);
	else
		snprintf(buf, n, "#%d", key);
	return buf;
}
