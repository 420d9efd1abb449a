/* keys.h — one list of user actions.  It makes the action enum, the help text
 * and, with the keymaps, the help screen, so help can never go stale. */
#ifndef HTTPTUTOR_KEYS_H
#define HTTPTUTOR_KEYS_H

#include <stddef.h>

/* X(name, English help, Chinese help) */
#define ACTION_LIST(X) \
	X(NONE,        "", "") \
	X(UP,          "Move up / scroll up", "上移／向上捲動") \
	X(DOWN,        "Move down / scroll down", "下移／向下捲動") \
	X(PGUP,        "Page up", "上一頁") \
	X(PGDN,        "Page down", "下一頁") \
	X(TOP,         "Go to the top", "跳到開頭") \
	X(BOTTOM,      "Go to the end", "跳到結尾") \
	X(OPEN,        "Open the selected item", "開啟選取的項目") \
	X(BACK,        "Go back (quit from the home menu)", "返回（在首頁時離開）") \
	X(QUIT,        "Quit httptutor", "離開 httptutor") \
	X(HELP,        "Show the keys for this screen", "顯示此畫面的按鍵") \
	X(LANG,        "Switch language: English / 中文", "切換語言：English／中文") \
	X(REDRAW,      "Redraw the screen", "重畫畫面") \
	X(SEARCH,      "Search", "搜尋") \
	X(NEXT_MATCH,  "Next search match", "下一個符合項目") \
	X(PREV_MATCH,  "Previous search match", "上一個符合項目") \
	X(GO_READ,     "Read the chapters", "閱讀章節") \
	X(GO_CODES,    "Browse the status codes", "瀏覽狀態碼") \
	X(GO_QUIZ,     "Take a quiz", "開始測驗") \
	X(GO_REVIEW,   "Review your mistakes", "複習錯題") \
	X(GO_PROGRESS, "See your progress", "查看進度") \
	X(FILTER_ALL,  "Show every class", "顯示所有類別") \
	X(FILTER_1,    "Only 1xx (informational)", "只看 1xx（資訊）") \
	X(FILTER_2,    "Only 2xx (success)", "只看 2xx（成功）") \
	X(FILTER_3,    "Only 3xx (redirection)", "只看 3xx（重新導向）") \
	X(FILTER_4,    "Only 4xx (client error)", "只看 4xx（用戶端錯誤）") \
	X(FILTER_5,    "Only 5xx (server error)", "只看 5xx（伺服器錯誤）") \
	X(TOGGLE_ALL,  "Core codes only / every code", "只看核心／全部狀態碼") \
	X(NEXT_LINK,   "Select the next link", "選取下一個連結") \
	X(PREV_LINK,   "Select the previous link", "選取上一個連結") \
	X(CHOICE_1,    "Answer choice 1 (a)", "選擇答案 1（a）") \
	X(CHOICE_2,    "Answer choice 2 (b)", "選擇答案 2（b）") \
	X(CHOICE_3,    "Answer choice 3 (c)", "選擇答案 3（c）") \
	X(CHOICE_4,    "Answer choice 4 (d)", "選擇答案 4（d）") \
	X(CONTINUE,    "Next question", "下一題") \
	X(READ_MORE,   "Read the chapter section that explains it", "閱讀說明它的章節段落") \
	X(RETRY_SAVE,  "Retry saving an unsaved answer", "重試儲存未存入的答案") \
	X(START_REVIEW,"Start a review quiz", "開始複習測驗") \
	X(RETRY_ONE,   "Answer this question again", "再答一次這題") \
	X(SORT,        "Change the order", "切換排序") \
	X(CONTRAST,    "Answer c; after a mix-up, open the contrast card", "選答案 c；搞混時開啟對照卡") \
	X(DRILL,       "Drill the codes of this group", "專項練習這一組狀態碼") \
	X(PREV_Q,      "Previous question", "上一題") \
	X(GOTO_Q,      "Go to a question by number", "依題號跳題") \
	X(FINISH,      "Finish the exam (asks first)", "交卷（會先確認）") \
	X(NEW_ATTEMPT, "Start a new attempt, when the exam allows one", "開始新的一次作答（考試允許時）") \
	X(ANSWER_NEXT, "Answer with the highlighted choice; after an answer, the next question", "用選取的選項作答；作答後到下一題") \
	X(STOP,        "Stop the quiz (asks first while questions are left)", "停止測驗（還有題目時會先確認）")

enum action {
#define KEYS_ENUM(id, en, zh) ACT_##id,
	ACTION_LIST(KEYS_ENUM)
#undef KEYS_ENUM
	ACT_COUNT
};

/* Keys are Unicode code points; curses function keys are offset past Unicode. */
#define KEY_FN_BASE 0x200000
#define FN(k) (KEY_FN_BASE + (k))
#define CTRL(c) ((c) & 0x1f)
#define KEY_TICK (KEY_FN_BASE + 0xFFFFF)  /* no key: a clock tick (ui_set_tick) */
/* The late rest of an escape sequence whose ESC was already taken for Esc:
 * a question that Esc asked is answered "no"; nothing else happens. */
#define KEY_STRAY (KEY_FN_BASE + 0xFFFFE)
/* A bracketed paste (ESC[200~ … ESC[201~), read whole: its text, one line
 * of printable characters, is ui_paste_text()'s. */
#define KEY_PASTE (KEY_FN_BASE + 0xFFFFD)
/* The markers themselves, as keyseq.c reads them; ui.c only. */
#define KEY_PASTE_BEGIN (KEY_FN_BASE + 0xFFFFC)
#define KEY_PASTE_END (KEY_FN_BASE + 0xFFFFB)

struct keybind {
	int key;
	enum action act;
};
#define KEYMAP_END { 0, ACT_NONE }

/* The bindings every screen has unless its own map overrides a key. */
extern const struct keybind keys_global[];

/* Action bound to key: the screen's map first, then the global one. */
enum action keys_lookup(const struct keybind *screen, int key);
/* Help text of an action in the current UI language. */
const char *keys_help(enum action a);
/* A key's printable name ("Up", "PgDn", "Enter", "q", "Ctrl-L") in buf. */
const char *keys_name(int key, char *buf, size_t n);

#endif
