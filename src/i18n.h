/* i18n.h — UI strings in English and Traditional Chinese, and the choice of
 * language and locale.  Content text has its own two languages (model.h). */
#ifndef HTTPTUTOR_I18N_H
#define HTTPTUTOR_I18N_H

#include <stdbool.h>
#include "model.h"

#define MSG_LIST(X) \
	X(APP_NAME,        "httptutor", "httptutor") \
	X(HOME,            "Home",      "首頁") \
	X(MENU_READ,       "Read",      "閱讀") \
	X(MENU_READ_DESC,  "chapters about status codes", "狀態碼章節") \
	X(MENU_CODES,      "Codes",     "狀態碼") \
	X(MENU_CODES_DESC, "browse and search every code", "瀏覽與搜尋所有狀態碼") \
	X(MENU_QUIZ,       "Quiz",      "測驗") \
	X(MENU_QUIZ_DESC,  "scenario questions", "情境題") \
	X(MENU_REVIEW,     "Review",    "複習") \
	X(MENU_REVIEW_DESC,"your mistakes and what is due", "錯題與到期的題目") \
	X(MENU_PROGRESS,   "Progress",  "進度") \
	X(MENU_PROGRESS_DESC, "mastery, history and streak", "熟練度、歷史與連續天數") \
	X(MENU_QUIT,       "Quit",      "離開") \
	X(MENU_QUIT_DESC,  "leave httptutor", "結束 httptutor") \
	X(HOME_TAGLINE,    "a terminal tutor for HTTP status codes", "HTTP 狀態碼終端機學習工具") \
	X(HOME_STATUS,     "Due for review: %d   Streak: %s   Accuracy: %d%% of %s", "待複習：%d 題　連續：%s　正確率：%d%%（共 %s）") \
	X(HOME_STATUS_SHORT, "Due for review: %d   Streak: %s   Accuracy: %d%%", "待複習：%d 題　連續：%s　正確率：%d%%") \
	X(HOME_WELCOME,    "New here? Start with Read, then take a Quiz.", "第一次使用？先閱讀章節，再做測驗。") \
	X(HOME_HINT,       "Enter/letter: open   ?: help   L: 中文   q: quit", "Enter/字母：開啟  ?：說明  L：English  q：離開") \
	X(HOME_HINT_ONE_LANG, "Enter/letter: open   ?: help   q: quit", "Enter/字母：開啟  ?：說明  q：離開") \
	X(CHAPTERS_TITLE,  "Chapters",  "章節") \
	X(CODES_TITLE,     "Status codes", "狀態碼") \
	X(CODES_ALL,       "all",       "全部") \
	X(CODES_CORE,      "core",      "核心") \
	X(CODES_NONE,      "No code matches. Press 0 to clear the filter.", "沒有符合的狀態碼。按 0 清除篩選。") \
	X(CODES_NONE_CORE, "No core code in %dxx. Press a to list every code, or 0 for every class.", "%dxx 沒有核心狀態碼。按 a 列出全部狀態碼，或按 0 顯示所有類別。") \
	X(CODES_NONE_SEARCH, "No code matches “%s”. Press / to search again, or q to clear the search.", "沒有符合「%s」的狀態碼。按 / 重新搜尋，或按 q 清除搜尋。") \
	X(CODES_LEGEND,    "* core  ! unofficial  - unused/obsolete", "* 核心　! 非官方　- 未使用／已廢止") \
	X(COL_CODE,        "Code",      "代碼") \
	X(COL_PHRASE,      "Reason phrase", "原因短語") \
	X(COL_MEANING,     "Meaning",   "意義") \
	X(CARD_MEANING,    "Meaning",   "意義") \
	X(CARD_USE,        "When to use it", "何時使用") \
	X(CARD_AVOID,      "When not to", "何時不該用") \
	X(CARD_HEADERS,    "Headers",   "相關標頭") \
	X(CARD_CONFUSED,   "Often confused with", "常被混淆的狀態碼") \
	X(CARD_SCENARIOS,  "Scenarios", "相關情境") \
	X(CARD_CHAPTER,    "Read more", "延伸閱讀") \
	X(CARD_CACHEABLE,  "cacheable by default", "預設可快取") \
	X(CARD_CORE,       "core",      "核心") \
	X(CARD_LINKS_HINT, "Tab: next link   Enter: open   q: back", "Tab：下一個連結  Enter：開啟  q：返回") \
	X(REPORT_SUMMARY,  "Class report%s: %s, %s, %d%% correct, from %s", "班級報告%s：%s，%s，正確率 %d%%，來自 %s") \
	X(REPORT_COL_STUDENT, "Student", "學生") \
	X(REPORT_COL_ANSWERS, "answers", "作答") \
	X(REPORT_COL_RIGHT, "right", "答對") \
	X(REPORT_COL_SHARE, "share", "正確率") \
	X(REPORT_COL_TIME, "avg time", "平均用時") \
	X(REPORT_COL_QUESTION, "Question (hardest first)", "題目（由難到易）") \
	X(REPORT_COL_EXPECTED, "expected", "正解") \
	X(REPORT_COL_WRONG, "top wrong answer", "最常見錯答") \
	X(REPORT_ALSO,     "%salso accepted ×%d", "%s可接受的另一答案 ×%d") \
	X(STATUS_REGISTERED, "registered", "已註冊") \
	X(STATUS_TEMPORARY,  "temporary registration", "暫時註冊") \
	X(STATUS_UNUSED,     "reserved, unused", "保留、未使用") \
	X(STATUS_OBSOLETED,  "obsoleted", "已廢止") \
	X(STATUS_UNOFFICIAL, "NOT registered (unofficial)", "未註冊（非官方）") \
	X(NONE,            "none",      "無") \
	X(SEARCH_PROMPT,   "Search: ",  "搜尋：") \
	X(SEARCH_NOTFOUND, "Not found: %s", "找不到：%s") \
	X(SEARCH_WRAPPED,  "search wrapped to the top", "已搜到結尾，從開頭繼續") \
	X(SEARCH_WRAPPED_BACK, "search wrapped to the end", "已搜到開頭，從結尾繼續") \
	X(HELP_TITLE,      "Keys",      "按鍵說明") \
	X(HELP_GLOBAL,     "Everywhere","所有畫面") \
	X(HELP_FOOTER,     "q or Esc: close help", "q 或 Esc：關閉說明") \
	X(HELP_FOOTER_SCROLL, "%d-%d/%d  Down/PgDn/G: more  q: close help", "%d-%d/%d  下/PgDn/G：更多  q：關閉說明") \
	X(LABEL_SEP,       ": ",        "：") \
	X(TOO_SMALL,       "terminal too small: %dx%d", "終端機太小：%dx%d") \
	X(TOO_SMALL_HOW,   "make the window at least %dx%d", "請把視窗放大到至少 %dx%d") \
	X(NOT_UTF8,        "Locale not UTF-8: English only; try LANG=C.UTF-8", "Locale not UTF-8: English only; try LANG=C.UTF-8") \
	X(NO_DB,           "progress is not saved: %s", "進度無法儲存：%s") \
	X(QUIZ_TITLE,      "Quiz",      "測驗") \
	X(QUIZ_REVIEW_TITLE, "Review quiz", "複習測驗") \
	X(EXAM_TITLE,      "Exam",      "考試") \
	X(EXAM_TIME_UP,    "Time is up: answers after the end of the exam do not count.", "時間到：考試結束後的作答不計分。") \
	X(EXAM_CLOSED_LATE, "The exam has closed: answers after its end do not count.", "考試已關閉：結束後的作答不計分。") \
	X(EXAM_HEAD,       "Exam %s: %d questions", "考試 %s：共 %d 題") \
	X(EXAM_HEAD_ONE,   "Exam %s: %d question", "考試 %s：共 %d 題") \
	X(EXAM_HEAD_PRACTICE, " (practice paper, seed %llu)", "（練習卷，種子 %llu）") \
	X(EXAM_HEAD_MINUTES, ", %d min", "，限時 %d 分鐘") \
	X(EXAM_HEAD_UNTIL, ", until %s", "，%s 截止") \
	X(EXAM_HEAD_ATTEMPT_OF, ", attempt %d of %d.", "，第 %d 次作答（共 %d 次）。") \
	X(EXAM_HEAD_ATTEMPT, ", attempt %d.", "，第 %d 次作答。") \
	X(EXAM_PLAIN_HELP, "Answer with 1-4, a-d or a status code; nothing is marked right or wrong until the end. Enter skips a question, back N returns to question N, finish hands the exam in, q leaves (you can come back).", "以 1-4、a-d 或狀態碼作答；考完前不會顯示對錯。直接按 Enter 跳過，back N 回到第 N 題，finish 交卷，q 離開（之後可以回來）。") \
	X(EXAM_PROMPT_LEFT, "%s left > ", "剩 %s > ") \
	X(EXAM_SAVED,      "Saved: %s.", "已儲存：%s。") \
	X(EXAM_YOUR_ANSWER, "Your answer: %s", "你的答案：%s") \
	X(EXAM_ALL_ANSWERED, "All %d questions are answered.", "%d 題都已作答。") \
	X(EXAM_ALL_ANSWERED_ONE, "The question is answered.", "這一題已作答。") \
	X(EXAM_UNANSWERED, "Unanswered: questions %s.", "未作答：第 %s 題。") \
	X(EXAM_ELSEWHERE_ONE, "Answered elsewhere: question %s.", "已在別處作答：第 %s 題。") \
	X(EXAM_ELSEWHERE,  "Answered elsewhere: questions %s.", "已在別處作答：第 %s 題。") \
	X(EXAM_ELSEWHERE_HERE, "Question %d was answered elsewhere; answer again to replace that answer.", "第 %d 題已在別處作答；要換掉那個答案，請再答一次。") \
	X(EXAM_END_PROMPT, "Type finish to hand the exam in, back N to change an answer, or q to leave.", "輸入 finish 交卷，back N 修改答案，或 q 離開。") \
	X(EXAM_BAD_CMD,    "Type an answer, Enter to skip, back N (1-%d), finish, or q.", "請輸入答案、Enter 跳過、back N（1-%d）、finish 或 q。") \
	X(EXAM_FINISH_ASK, "Finish the exam? %s y/n", "要交卷嗎？%s y/n") \
	X(EXAM_LEAVE_ASK,  "Leave the exam? You can come back until %s; the clock keeps running. y/n", "要離開考試嗎？%s 前都可以回來，計時不會暫停。y/n") \
	X(EXAM_LEAVE_ASK_OPEN, "Leave the exam? You can come back later; your answers are kept. y/n", "要離開考試嗎？之後可以回來，答案都會保留。y/n") \
	X(EXAM_LEFT_UNTIL, "You left the exam; your answers are kept and the clock keeps running. To go on before %s, run:", "已離開考試；答案已保留，計時繼續。請在 %s 前執行下面的指令繼續作答：") \
	X(EXAM_LEFT,       "You left the exam; your answers are kept. To go on, run:", "已離開考試；答案已保留。要繼續作答，請執行：") \
	X(EXAM_LEFT_GONE,  "You left the exam. Its database file was deleted or replaced while you answered: what you saved went with that file, and the exam cannot go on in a new one. Tell your teacher.", "已離開考試。作答期間，考試的資料庫檔案被刪除或換掉了：先前儲存的答案都在那個檔案裡，考試也無法在新檔案中繼續。請告訴老師。") \
	X(EXAM_RESUMED,    "Resuming attempt %d: %d of %d answered; the clock kept running.", "繼續第 %d 次作答：已答 %d / %d 題；計時未曾暫停。") \
	X(EXAM_FINISHED_TITLE, "Exam finished", "考試結束") \
	X(EXAM_TIME_UP_TITLE, "Time is up", "時間到") \
	X(EXAM_CLOSED_TITLE, "The exam has closed", "考試已關閉") \
	X(EXAM_RESULTS_LATER, "Results per question are shown after the exam closes (%s). Then run:", "每題的結果會在考試關閉（%s）後公布，屆時請執行：") \
	X(EXAM_RESULTS_LATER_OPEN, "Results per question are shown after the teacher closes the exam. Then run:", "每題的結果會在老師關閉考試後公布，屆時請執行：") \
	X(EXAM_RESULTS_NEVER, "This exam does not show results per question.", "這份考試不公布每題的結果。") \
	X(EXAM_NOT_ANSWERED_IS, "Not answered. The answer is %s.", "未作答。正確答案是 %s。") \
	X(EXAM_WRONG_YOURS, "Wrong: you answered %s. The answer is %s.", "答錯了：你答 %s。正確答案是 %s。") \
	X(EXAM_NEW_ATTEMPT, "Start attempt %d now? y/n", "現在開始第 %d 次作答？y/n") \
	X(EXAM_SAVED_N,    "Answer to question %d saved.", "第 %d 題的答案已儲存。") \
	X(EXAM_NOT_SAVED,  "NOT SAVED: %s (answer again: Enter sends a typed code again)", "未儲存：%s（請再作答一次：輸入的代碼按 Enter 就會再送出）") \
	X(EXAM_SERVER_NOT_SAVED, "NOT SAVED (class server: %s); tell your teacher", "未儲存（班級伺服器：%s）；請告訴老師") \
	X(EXAM_NOT_SAVED_SHORT, "NOT SAVED: %s", "未儲存：%s") \
	X(EXAM_LAST_Q,     "This is the last question; f finishes the exam.", "這是最後一題；按 f 交卷。") \
	X(EXAM_GOTO_PROMPT, "Go to question: ", "跳到第幾題：") \
	X(EXAM_GOTO_BAD,   "Type a question number from 1 to %d.", "請輸入 1 到 %d 的題號。") \
	X(EXAM_YOUR_ANSWER_SAVED, "Your answer: %s (saved)", "你的答案：%s（已儲存）") \
	X(EXAM_NOT_ANSWERED_YET, "Not answered yet.", "尚未作答。") \
	X(EXAM_ANSWERED_N, "answered %d", "已答 %d") \
	X(EXAM_INTRO_COUNT, "%d questions", "共 %d 題") \
	X(EXAM_INTRO_COUNT_ONE, "%d question", "共 %d 題") \
	X(EXAM_INTRO_ATTEMPT_OF, "This is attempt %d of %d.", "這是第 %d 次作答（共 %d 次）。") \
	X(EXAM_INTRO_ATTEMPT, "This is attempt %d.", "這是第 %d 次作答。") \
	X(EXAM_INTRO_FB_END, "Results per question are shown when you finish.", "交卷後會顯示每題的結果。") \
	X(EXAM_INTRO_FB_CLOSED, "Results per question are shown after the exam closes.", "考試關閉後才會公布每題的結果。") \
	X(EXAM_INTRO_FB_NEVER, "Results per question are not shown.", "不會公布每題的結果。") \
	X(EXAM_INTRO_CLOCK, "The clock starts when you press Enter and keeps running if you leave; you can come back to the same attempt until its time is over. Nothing is marked right or wrong until you finish.", "按 Enter 後開始計時，離開時計時不會暫停；時間結束前都可以回到同一次作答。交卷前不會顯示對錯。") \
	X(EXAM_INTRO_NOCLOCK, "You can leave and come back to the same attempt; your answers are kept. Nothing is marked right or wrong until you finish.", "可以離開後再回到同一次作答，答案都會保留。交卷前不會顯示對錯。") \
	X(EXAM_INTRO_START, "Press Enter to start.", "按 Enter 開始作答。") \
	X(EXAM_END_TIMES,  "Attempt %d: started %s, ended %s.", "第 %d 次作答：%s 開始，%s 結束。") \
	X(EXAM_END_UNANSWERED, "· %zu. not answered. The answer is %s", "· %zu. 未作答。正確答案是 %s") \
	X(EXAM_END_WRONG,  "✗ %zu. you answered %s. The answer is %s", "✗ %zu. 你答 %s。正確答案是 %s") \
	X(EXAM_END_AGAIN_OF, "s: start attempt %d of %d", "s：開始第 %d 次作答（共 %d 次）") \
	X(EXAM_END_AGAIN,  "s: start attempt %d", "s：開始第 %d 次作答") \
	X(EXAM_HINT,       "1-4/a-d: answer  f: finish  n/p: next/previous  g: go to  q: leave", "1-4/a-d：作答  f：交卷  n/p：下/上一題  g：跳題  q：離開") \
	X(EXAM_TYPE_HINT,  "0-9 Enter: answer  f: finish  n/p: next/previous  g: go to  q: leave", "0-9 Enter：作答  f：交卷  n/p：下/上一題  g：跳題  q：離開") \
	X(REPORT_END,      ".", "。") \
	X(EXAM_INTRO_HINT, "Enter: start   ?: help   q: leave", "Enter：開始  ?：說明  q：離開") \
	X(EXAM_END_HINT,   "Up/Down/PgDn: scroll   Enter/q: leave", "上/下/PgDn：捲動  Enter/q：離開") \
	X(EXAM_END_HINT_AGAIN, "Up/Down: scroll   s: new attempt   q: leave", "上/下：捲動  s：重新作答  q：離開") \
	X(ES_NOT_STARTED,  "not started", "未開始") \
	X(ES_IN_PROGRESS,  "in progress", "作答中") \
	X(ES_FINISHED,     "finished", "已交卷") \
	X(ES_TIMED_OUT,    "timed out", "時間到") \
	X(ES_CLOSED,       "closed", "考試關閉") \
	X(REPORT_HEADER_Q, " (which header goes with %d?)", "（%d 要帶哪個標頭？）") \
	X(REPORT_CLOSED_AT, ", closed %s", "，已於 %s 關閉") \
	X(REPORT_EXAM_COUNTS, "%d students: %d finished, %d timed out, %d in progress, %d not started", "%d 位學生：%d 位已交卷、%d 位時間到、%d 位作答中、%d 位未開始") \
	X(REPORT_EXAM_COUNTS_ONE, "%d student: %d finished, %d timed out, %d in progress, %d not started", "%d 位學生：%d 位已交卷、%d 位時間到、%d 位作答中、%d 位未開始") \
	X(REPORT_EXAM_CLOSED_N, ", %d stopped when it closed", "、%d 位因考試關閉而結束") \
	X(REPORT_EXAM_MEAN, "; mean score %.1f/%d (%d%%) over the %d who ended.", "；已結束的 %4$d 位平均 %1$.1f/%2$d（%3$d%%）。") \
	X(RX_COL_STUDENT,  "Student", "學生") \
	X(RX_COL_STATUS,   "Status", "狀態") \
	X(RX_COL_SCORE,    "Score", "得分") \
	X(RX_COL_STARTED,  "Started", "開始") \
	X(RX_COL_FINISHED, "Ended", "結束") \
	X(RX_COL_TIME,     "Time", "用時") \
	X(RX_COL_ATTEMPTS, "Att.", "次數") \
	X(RX_COL_QUESTION, "Question", "題目") \
	X(RX_COL_RIGHT,    "Right", "答對") \
	X(RX_COL_ANSWER,   "Answer", "正解") \
	X(RX_COL_WRONG,    "Most common wrong", "最常見錯答") \
	X(REPORT_GRID_LEGEND, "✓ right  ✗ wrong  · not answered (questions in the order of the paper)", "✓ 答對  ✗ 答錯  · 未作答（題號依試卷順序）") \
	X(CLASS_NOT_DIR,   "%s is not a folder%s", "%s 不是資料夾%s") \
	X(CLASS_NETWORK_FS, "%s is on a network file system (%s): SQLite's WAL mode, which lets many students answer at once, does not work there. Use a folder on the server's own disk.", "%s 位於網路檔案系統（%s）上：SQLite 的 WAL 模式（讓多位學生同時作答）無法在上面運作。請改用伺服器本機磁碟上的資料夾。") \
	X(CLASS_NO_GROUP,  "there is no group '%s'%s; make it first (groupadd) and add the students to it (usermod -aG)", "沒有名為「%s」的群組%s；請先建立（groupadd），並把學生加入（usermod -aG）") \
	X(CLASS_CANNOT,    "cannot set up %s: %s", "無法設定 %s：%s") \
	X(CLASS_CHGRP,     "cannot give %s to group %s: you must be a member of it (usermod -aG GROUP you, then log in again) or root", "無法把 %s 交給群組 %s：你必須是該群組成員（usermod -aG 群組 你的帳號，然後重新登入）或 root") \
	X(CLASS_WARN,      "warning: %s: %s", "警告：%s：%s") \
	X(CLASS_WARN_DIR,  "users outside the group can enter or list this folder; run chmod o-rwx on it unless that is what you want", "群組以外的使用者可以進入或列出這個資料夾；除非有意如此，請執行 chmod o-rwx") \
	X(CLASS_WARN_DB,   "users outside the group can read or change the class database; run chmod o-rw on it", "群組以外的使用者可以讀取或修改班級資料庫；請執行 chmod o-rw") \
	X(CLASS_WARN_OWN_GROUP, "this is your personal group and nobody else is in it; students must be members of the class group (use --group)", "這是你的個人群組，沒有其他成員；學生必須是班級群組的成員（請用 --group）") \
	X(CLASS_READY,     "Class folder %s is ready for group %s: the folder is setgid, and %s is 0660 in the group.", "班級資料夾 %s 已為群組 %s 設定完成：資料夾設有 setgid，%s 的權限為 0660 並屬於該群組。") \
	X(CLASS_PROFILE,   "Each student (and you) adds this line to the shell profile (~/.profile):", "每位學生（以及你自己）請把這一行加入 shell 設定檔（~/.profile）：") \
	X(HTML_TITLE,      "Exam %s: results", "考試 %s：成績報告") \
	X(HTML_OPENED,     ", opened %s", "，%s 開放") \
	X(HTML_AS_OF,      "; as of %s.", "；資料時間 %s。") \
	X(HTML_SUMMARY,    "%d students: %d finished, %d timed out, %d stopped when it closed, %d in progress, %d not started.", "%d 位學生：%d 位已交卷、%d 位時間到、%d 位因考試關閉而結束、%d 位作答中、%d 位未開始。") \
	X(HTML_SUMMARY_ONE, "%d student: %d finished, %d timed out, %d stopped when it closed, %d in progress, %d not started.", "%d 位學生：%d 位已交卷、%d 位時間到、%d 位因考試關閉而結束、%d 位作答中、%d 位未開始。") \
	X(HTML_MEAN,       "Mean score %.1f of %d (%d%%) over those who ended.", "已結束者平均 %.1f / %d（%d%%）。") \
	X(HTML_HISTOGRAM,  "Scores", "得分分布") \
	X(HTML_SCORE_AXIS, "score (right answers)", "得分（答對題數）") \
	X(HTML_QUESTION_BARS, "Share right per question", "各題答對率") \
	X(HTML_STUDENTS,   "Students", "學生") \
	X(HTML_CHECK,      "Check these attempts", "請查核這些作答") \
	X(HTML_QUESTIONS,  "Questions", "題目") \
	X(HTML_GRID,       "Answers by student and question", "學生 × 題目作答表") \
	X(WATCH_TITLE,     "Live board", "即時看板") \
	X(WATCH_HEAD,      "Exam %s — live", "考試 %s — 即時") \
	X(WATCH_HEAD_CLOSED, "Exam %s — closed", "考試 %s — 已關閉") \
	X(WATCH_UPDATED,   "read at %s; read again every 2 s", "%s 讀取；每 2 秒重新讀取") \
	X(WATCH_COL_ANSWERED, "Answered", "已答") \
	X(WATCH_COL_LEFT,  "Time left", "剩餘時間") \
	X(WATCH_HINT,      "Up/Down: scroll  o: order  q: quit", "上/下：捲動  o：排序  q：離開") \
	X(WATCH_READ_FAILED, "could not refresh: %s (showing the last good read)", "無法更新：%s（顯示上一次成功讀取的資料）") \
	X(WATCH_BY_NAME,   "by name", "依姓名") \
	X(WATCH_BY_STATUS, "by status", "依狀態") \
	X(EXAMNEW_MADE,    "Made exam %s in %s: %d questions", "已在 %2$s 建立考試 %1$s：共 %3$d 題") \
	X(EXAMNEW_MADE_ONE, "Made exam %s in %s: %d question", "已在 %2$s 建立考試 %1$s：共 %3$d 題") \
	X(EXAMNEW_MINUTES, ", %d min", "，限時 %d 分鐘") \
	X(EXAMNEW_ATTEMPTS, ", %s each", "，每人可作答 %s") \
	X(EXAMNEW_FB_END,  ", results shown at the end of each attempt", "，每次交卷後公布結果") \
	X(EXAMNEW_FB_CLOSED, ", results shown after it closes", "，考試關閉後公布結果") \
	X(EXAMNEW_FB_NEVER, ", no results per question shown", "，不公布每題結果") \
	X(EXAMNEW_CLOSES,  ", closes %s", "，%s 關閉") \
	X(EXAMNEW_TELL,    ". Students take it with:", "。學生以下列指令作答：") \
	X(EXAMCLOSE_NOW,   "Exam %s closed at %s: open attempts have ended.", "考試 %s 已於 %s 關閉：進行中的作答已結束。") \
	X(EXAMCLOSE_LATER, "Exam %s will close at %s.", "考試 %s 將於 %s 關閉。") \
	X(EXAMS_NONE,      "No exams in this database yet (make one with: httptutor exam new NAME --count N).", "這個資料庫還沒有考試（建立方式：httptutor exam new 名稱 --count 題數）。") \
	X(EXAMS_COL_NAME,  "Name", "名稱") \
	X(EXAMS_COL_QUESTIONS, "Questions", "題數") \
	X(EXAMS_COL_MINUTES, "Minutes", "分鐘") \
	X(EXAMS_COL_OPENED, "Opened", "開放") \
	X(EXAMS_COL_CLOSES, "Closes", "關閉") \
	X(EXAMS_COL_STARTED, "Started", "已開始") \
	X(EXAMS_COL_FINISHED, "Ended", "已結束") \
	X(EXAMS_PRACTICE,  "practice", "練習卷") \
	X(EXAMS_CLOSED_AT, "closed %s", "已於 %s 關閉") \
	X(QUIZ_PICK_PROMPT,  "Which status code should the server return?", "伺服器應該回傳哪個狀態碼？") \
	X(QUIZ_TYPE_PROMPT,  "Type the status code and press Enter:", "輸入狀態碼後按 Enter：") \
	X(QUIZ_MEANING_PROMPT, "What does this status code mean?", "這個狀態碼的意思是？") \
	X(QUIZ_HEADER_PROMPT,  "Which header should go with the %d response?", "%d 回應應該帶上哪個標頭？") \
	X(QUIZ_CORRECT,    "Correct!",  "答對了！") \
	X(QUIZ_WRONG_IS,   "Wrong. The answer is %s.", "答錯了。正確答案是 %s。") \
	X(QUIZ_WHY,        "Why:",      "為什麼：") \
	X(QUIZ_WHY_HEADER, "Why %s:",   "為什麼要 %s：") \
	X(QUIZ_WHYNOT,     "Why not %d:", "為什麼不是 %d：") \
	X(MEANING_WHYNOT,  "That is what %d %s means, not %d.", "那是 %d %s的意思，不是 %d 的。") \
	X(QUIZ_CORRECT_ALSO, "Correct: %d counts too. The sharper answer is %s.", "答對了：%d 也算對。更精確的答案是 %s。") \
	X(QUIZ_WHY_ALSO,   "Why %d counts, and why the answer is sharper:", "為什麼 %d 也算對、正確答案又為何更精確：") \
	X(QUIZ_NEXT_HINT,  "Enter/space: next   r: read the chapter   q: stop", "Enter/空白：下一題  r：閱讀章節  q：停止") \
	X(QUIZ_TYPE_HINT,  "0-9: type the code   Enter: answer   Backspace: erase   q: stop", "0-9：輸入狀態碼  Enter：作答  Backspace：刪除  q：停止") \
	X(QUIZ_CHOICE_HINT,"1-4 or a-d: answer   q: stop", "1-4 或 a-d：作答  q：停止") \
	X(QUIZ_SEE_CHOICES,"All choices are on screen now: %d or Enter answers.", "所有選項都在畫面上了：按 %d 或 Enter 作答。") \
	X(QUIZ_SUMMARY,    "Quiz finished", "測驗結束") \
	X(QUIZ_SCORE,      "Score: %d/%d (%d%%) in %s", "得分：%d/%d（%d%%），用時 %s") \
	X(QUIZ_NONE_ANSWERED, "No question answered.", "沒有作答任何題目。") \
	X(QUIZ_TO_REVIEW,  "To review:", "需要複習：") \
	X(QUIZ_ALL_RIGHT,  "Nothing to review: all right!", "全部答對，沒有需要複習的！") \
	X(QUIZ_SUMMARY_HINT, "Enter: back   v: review these now", "Enter：返回  v：立即複習") \
	X(QUIZ_SUMMARY_HINT_RIGHT, "Enter: back   v: review what is due", "Enter：返回  v：複習到期題目") \
	X(QUIZ_NOT_SAVED,  "NOT SAVED: %s", "未儲存：%s") \
	X(QUIZ_RETRY_KEYS, "(s: retry)", "（s：重試）") \
	X(QUIZ_STOP_CONFIRM, "Stop? Questions left: %d of %d.  y: stop   other keys: go on", "要停止嗎？還有 %d 題未答（共 %d 題）。y：停止　其他鍵：繼續") \
	X(QUIZ_SAVED_RETRY,"Answer saved.", "答案已儲存。") \
	X(PASTE_ONLY_BOX,  "Pasted text goes only into a search box (/).", "貼上的文字只會放進搜尋框（/）。") \
	X(QUIZ_EMPTY,      "No questions match these settings.", "沒有符合條件的題目。") \
	X(QUIZ_EMPTY_HINT, "Enter or q: back", "Enter 或 q：返回") \
	X(QUIZ_BAD_INPUT,  "Type a number 100-599, or a choice 1-4 / a-d.", "請輸入 100-599 的數字，或選項 1-4 / a-d。") \
	X(QUIZ_BAD_PICK,   "Type a choice 1-4 or a-d, or one of the codes shown.", "請輸入選項 1-4 或 a-d，或列出的其中一個狀態碼。") \
	X(PLAIN_BAD_LINE,  "That line is too long or holds a NUL byte; type a choice or a code.", "這一行太長或含有 NUL 字元；請輸入選項或狀態碼。") \
	X(PLAIN_HEADER,    "%s%s%s: %s", "%s%s%s：%s") \
	X(PLAIN_SEED,      "Same questions again: %s", "再做一次同樣的題目：%s") \
	X(QUIZ_BAD_TYPED,  "Type a status code from 100 to 599.", "請輸入 100 到 599 之間的狀態碼。") \
	X(REVIEW_TITLE,    "Review",    "複習") \
	X(REVIEW_EMPTY,    "No mistakes yet. Take a quiz first.", "目前沒有錯題。先做一次測驗吧。") \
	X(REVIEW_DUE,      "%d due now", "%d 題到期") \
	X(REVIEW_HINT,     "Enter: open   s: review what is due   o: order   q: back", "Enter：開啟  s：複習到期題目  o：排序  q：返回") \
	X(REVIEW_NONE_DUE, "Nothing is due now: every mistake here was answered right since. Enter on one answers it again.", "目前沒有到期的題目：這裡的錯題之後都答對了。在題目上按 Enter 可以再答一次。") \
	X(MISTAKE_RIGHT,   "Right answer: %s", "正確答案：%s") \
	X(MISTAKE_ANSWERS, "Your answers", "你的作答") \
	X(MISTAKE_HINT,    "Enter/r: answer it again   Up/Down: scroll   q: back", "Enter/r：再答一次  上/下：捲動  q：返回") \
	X(MISTAKE_GONE,    "This question is no longer in the course content.", "課程內容已經沒有這一題。") \
	X(REVIEW_COL_ITEM, "Question",  "題目") \
	X(REVIEW_COL_YOURS,"Yours",     "你答") \
	X(REVIEW_COL_RIGHT,"Right",     "正解") \
	X(REVIEW_COL_TIMES,"Missed",    "錯次") \
	X(REVIEW_COL_WHEN, "Last",      "最近") \
	X(REVIEW_BY_COUNT, "most missed first", "錯最多的在前") \
	X(REVIEW_BY_RECENT,"most recent first", "最近的在前") \
	X(REVIEW_FIXED,    "fixed",     "已訂正") \
	X(PROGRESS_TITLE,  "Progress",  "進度") \
	X(PROGRESS_OVERALL,"Answers: %d   Correct: %d (%d%%)   Streak: %s   Due: %d   Chapters read: %d", "作答：%d  答對：%d（%d%%）  連續：%s  到期：%d  已讀章節：%d") \
	X(PROGRESS_CLASSES,"Mastery by class", "各類別熟練度") \
	X(PROGRESS_CODES,  "Core codes", "核心狀態碼") \
	X(PROGRESS_DAYS,   "14 days: answers · % right", "近 14 天：題數 · 答對率") \
	X(PROGRESS_CHART_FIG, "most in a day: %d · %d%% right", "單日最多：%d 題 · 答對 %d%%") \
	X(PROGRESS_EMPTY,  "No answers yet. Take a quiz to see your progress.", "尚無作答紀錄。做一次測驗就能看到進度。") \
	X(PROGRESS_HINT,   "Up/Down/PgDn: scroll   q: back", "上/下/PgDn：捲動  q：返回") \
	X(CLASS_FILTER_HINT, "1-5: class  0: all  a: core/all  /: search  Enter: open  ?: help  q: back", "1-5：類別  0：全部  a：核心／全部  /：搜尋  Enter：開啟  ?：說明  q：返回") \
	X(CHAPTERS_HINT,   "Enter or 1-9: open a chapter   ?: help   q: back", "Enter 或 1-9：開啟章節  ?：說明  q：返回") \
	X(READER_HINT,     "/: search  n/N: next/prev  g/G: top/end  q: back", "/：搜尋  n/N：下/上一個  g/G：開頭/結尾  q：返回") \
	X(CONTRAST_QUESTION, "The deciding question", "關鍵問題") \
	X(CONTRAST_RULES,  "When each one is right", "各自適用的情況") \
	X(CONTRAST_EXAMPLE,"Worked example", "實例") \
	X(CONTRAST_MINE,   "Your mistakes in this group", "你在這一組的錯誤") \
	X(CONTRAST_MINE_NONE, "No mistakes in this group yet.", "這一組目前沒有錯誤。") \
	X(CONTRAST_PAIR,   "Right answer %d, you answered %d: %s (latest: %s)", "正解 %d，你答成 %d：%s（最近一次：%s）") \
	X(CONTRAST_ITEM,   "(right %d, you answered %d, %d×) ", "（正解 %d，你答 %d，%d 次）") \
	X(CONTRAST_MIXED,  "You mixed up %s: %s", "你把 %s 搞混了：%s") \
	X(CONTRAST_OFFER,  "Type c and Enter for the contrast card, or just Enter to go on: ", "輸入 c 再按 Enter 查看對照卡，直接按 Enter 繼續：") \
	X(CONTRAST_CMD,    "Contrast card and drill: httptutor review --plain --group %s", "對照卡與專項練習：httptutor review --plain --group %s") \
	X(CONTRAST_WHYNOT, "The deciding question: %s %d is right when the answer is “%s”", "關鍵問題：%1$s答案若是「%3$s」，才該選 %2$d。") \
	X(DRILL_TITLE,     "Drill",     "專項練習") \
	X(CONFUSION_WORDS, "%s → you answered %s in %d of %d answers (latest: %s)", "%1$s → 你答成 %2$s：%4$d 次作答中有 %3$d 次（最近一次：%5$s）") \
	X(CONFUSION_RECENT,"; last 7 days: %d of %d", "；最近 7 天：%2$d 次中有 %1$d 次") \
	X(CONFUSION_TOP,   "Mixed up most", "最常搞混") \
	X(CONFUSION_MATRIX,"Codes you mix up (rows: right answer, columns: your answer)", "容易搞混的狀態碼（列：正解，欄：你的答案）") \
	X(CONFUSION_NONE,  "No codes mixed up yet.", "目前沒有搞混的狀態碼。") \
	X(CONTRAST_TITLE,  "Contrast card", "對照卡") \
	X(CONTRAST_HINT,   "d: drill   r: read the chapter   Up/Down: scroll   q: back", "d：專項練習  r：閱讀章節  上/下：捲動  q：返回") \
	X(CONTRAST_HINT_QUIZ, "r: read the chapter   Up/Down: scroll   q: back to the quiz", "r：閱讀章節  上/下：捲動  q：回到測驗") \
	X(CONTRAST_NO_DRILL, "Finish this quiz first; the drill is on the Review screen.", "請先完成這次測驗；專項練習在「複習」畫面。") \
	X(CONTRAST_FEEDBACK, "You mixed up %s: %s   (c: contrast card)", "你把 %s 搞混了：%s（c：對照卡）") \
	X(REVIEW_GROUPS,   "Codes you mix up", "容易搞混的狀態碼") \
	X(REVIEW_OTHERS,   "Other mistakes", "其他錯題") \
	X(REVIEW_GROUP_ROW,"%s · %s · %s · %s", "%s · %s · %s · %s") \
	X(REVIEW_GROUP_HINT, "Enter: contrast card   d: drill   s: review what is due   o: order   q: back", "Enter：對照卡  d：專項練習  s：複習到期題目  o：排序  q：返回") \
	X(QUIZ_NEXT_HINT_MIX, "Enter/space: next   c: contrast card   r: read the chapter   q: stop", "Enter/空白：下一題  c：對照卡  r：閱讀章節  q：停止") \
	X(REVIEW_DRILL_GROUP, "d drills a group: select one of the codes you mix up.", "d 用來練習一組狀態碼：請選一組容易搞混的狀態碼。") \
	X(REPORT_MIX_TITLE,"Top confusions: what to teach again", "最常搞混的狀態碼：需要再教的地方") \
	X(REPORT_MIX_NONE, "Nobody mixed up two codes.", "沒有人把兩個狀態碼搞混。") \
	X(REPORT_MIX_CODES,"Mixed up", "搞混") \
	X(REPORT_MIX_STUDENTS, "students", "學生") \
	X(REPORT_MIX_TIMES,"times", "次數") \
	X(REPORT_MIX_WAYS, "right → given", "正解 → 作答") \
	X(REPORT_MIX_BARS, "Top confusions: students who made each", "最常搞混：各有幾位學生") \
	X(REPORT_MIX_BAR,  "%d of %d students, %s", "%2$d 位學生中有 %1$d 位，%3$s") \
	X(AGO_TODAY,       "today",     "今天") \
	X(AGO_YESTERDAY,   "yesterday", "昨天") \
	X(AGO_DAYS,        "%d days ago", "%d 天前") \
	X(USAGE_LINE1,     "usage: httptutor [OPTIONS] [COMMAND [ARGS]]", "用法：httptutor [選項] [指令 [參數]]") \
	X(USAGE_FULL,      "Full screen:", "全螢幕：") \
	X(USAGE_HOME,      "home: Read, Codes, Quiz, Review, Progress", "首頁：閱讀、狀態碼、測驗、複習、進度") \
	X(USAGE_READ,      "the reader, at a chapter (id or number)", "閱讀器，開在某一章（代號或編號）") \
	X(USAGE_BROWSE,    "the codes table, or a code's card", "狀態碼表，或某個狀態碼的卡片") \
	X(USAGE_QUIZ,      "a quiz, 10 questions unless --count says otherwise", "測驗，預設 10 題（可用 --count 調整）") \
	X(USAGE_REVIEW,    "questions you missed or that are due", "答錯或到期的題目") \
	X(USAGE_EXAM,      "a practice paper", "練習卷") \
	X(USAGE_LINE,      "Line commands:", "文字指令：") \
	X(USAGE_CODE,      "print one code's card", "印出一個狀態碼的卡片") \
	X(USAGE_CODES,     "core codes, or every code with --all", "核心狀態碼，加 --all 列出全部") \
	X(USAGE_SEARCH,    "codes and scenarios that match (both languages)", "符合的狀態碼與情境（中英皆可）") \
	X(USAGE_STATS,     "your progress", "你的學習進度") \
	X(USAGE_EXPORT,    "every answer you gave", "你所有的作答紀錄") \
	X(USAGE_REPORT,    "class report for a teacher", "給老師的班級報告") \
	X(USAGE_LINT,      "check a content folder", "檢查課程內容資料夾") \
	X(USAGE_OPTIONS,   "Options:", "選項：") \
	X(USAGE_DB,        "database (default $XDG_DATA_HOME/httptutor/progress.db; env HTTPTUTOR_DB)", "資料庫（預設 $XDG_DATA_HOME/httptutor/progress.db；環境變數 HTTPTUTOR_DB）") \
	X(USAGE_USER,      "profile name (default: your login; env HTTPTUTOR_USER)", "使用者名稱（預設為登入名稱；環境變數 HTTPTUTOR_USER）") \
	X(USAGE_LANG,      "language (default: from LANGUAGE, LC_ALL, LC_MESSAGES, LANG)", "介面語言（預設依 LANGUAGE、LC_ALL、LC_MESSAGES、LANG）") \
	X(USAGE_CONTENT,   "content folder (env HTTPTUTOR_CONTENT)", "課程內容資料夾（環境變數 HTTPTUTOR_CONTENT）") \
	X(USAGE_NOCOLOR,   "no colours (also NO_COLOR=1)", "不使用顏色（也可設 NO_COLOR=1）") \
	X(USAGE_TYPE,      "quiz question types, comma-separated: pick,type,meaning,header", "題型，以逗號分隔：pick、type、meaning、header") \
	X(USAGE_HELP,      "this help", "顯示這份說明") \
	X(USAGE_VERSION,   "the version", "顯示版本") \
	X(USAGE_EXIT,      "Exit status: 0 ok, 1 runtime error (content, database, not found), 2 usage error.", "結束狀態：0 成功；1 執行錯誤（課程內容、資料庫、找不到）；2 用法錯誤。") \
	X(ERR_CLASS, "--class takes 1xx…5xx, or a class server (a folder, or HOST:PORT), not '%s'", "--class 只接受 1xx…5xx，或班級伺服器（資料夾或 HOST:PORT），不接受「%s」") \
	X(ERR_COUNT, "--count takes a number from 1 to 1000, not '%s'", "--count 要是 1 到 1000 的數字，不是「%s」") \
	X(ERR_MINUTES, "--minutes takes a number from 1 to 600, not '%s'", "--minutes 要是 1 到 600 的數字，不是「%s」") \
	X(ERR_SEED, "--seed takes a whole number from 0 to 18446744073709551615, not '%s'", "--seed 要是 0 到 18446744073709551615 之間的整數，不是「%s」") \
	X(ERR_TYPE, "--type takes pick,type,meaning,header, not '%s'", "--type 只接受 pick、type、meaning、header，不接受「%s」") \
	X(ERR_NEEDS_VALUE, "option '%s' needs a value", "選項「%s」需要一個值") \
	X(ERR_UNKNOWN_OPTION, "unknown option '%s'", "不認得的選項「%s」") \
	X(ERR_JSON_CSV, "--json/--csv do not apply to '%s'", "--json／--csv 不適用於「%s」") \
	X(ERR_CSV_OPT, "--csv applies to export and report, not '%s'", "--csv 只用於 export 和 report，不適用於「%s」") \
	X(ERR_EXAM_OPT, "--exam applies to report, not '%s'", "--exam 只用於 report，不適用於「%s」") \
	X(ERR_JSON_AND_CSV, "choose one of --json and --csv%s", "--json 和 --csv 只能選一個%s") \
	X(ERR_PLAIN_OPT, "--plain applies to quiz, review and exam, not '%s'", "--plain 只用於 quiz、review 和 exam，不適用於「%s」") \
	X(ERR_MINUTES_OPT, "--minutes applies to exam, not '%s'", "--minutes 只用於 exam，不適用於「%s」") \
	X(ERR_QUIZ_OPTS, "quiz options do not apply to '%s'", "測驗選項不適用於「%s」") \
	X(ERR_CLASS_OPT, "--class does not apply to '%s'", "--class 不適用於「%s」") \
	X(ERR_ALL_OPT, "--all applies to codes and quiz, not '%s'", "--all 只用於 codes 和 quiz，不適用於「%s」") \
	X(ERR_EXAM_NEEDS, "exam needs a NAME (an exam your teacher made), or --seed S and --count N for a practice paper%s", "exam 需要考試名稱（老師建立的考試），或用 --seed S 和 --count N 做練習卷%s") \
	X(ERR_LINT_ONE, "lint takes one folder, not '%s'", "lint 只接受一個資料夾，不接受「%s」") \
	X(ERR_CODE_ONE, "code takes one code, not '%s' too (httptutor search finds several)", "code 只接受一個狀態碼，不接受另外的「%s」（找多個請用 httptutor search）") \
	X(ERR_LANG, "--lang takes zh-TW or en, not '%s'", "--lang 只接受 zh-TW 或 en，不接受「%s」") \
	X(ERR_UNKNOWN_CMD, "unknown command '%s'", "不認得的指令「%s」") \
	X(ERR_NEEDS_ARG, "%s needs an argument", "%s 需要一個參數") \
	X(ERR_TOO_MANY, "too many arguments for '%s'", "「%s」的參數太多") \
	X(ERR_UNEXPECTED, "unexpected argument '%s'", "多餘的參數「%s」") \
	X(ERR_TRY_HELP, "Try 'httptutor --help'.", "請參考 httptutor --help。") \
	X(ERR_NO_CONTENT, "cannot find the content folder; run from the source tree, install with 'make install', or use --content DIR", "找不到課程內容資料夾；請在原始碼目錄執行、用 make install 安裝，或加上 --content DIR") \
	X(ERR_CONTENT_BAD, "the content in %s has errors (%zu); fix them (httptutor lint %s) and start again", "%s 的課程內容有錯誤（%zu 個）；請修正（httptutor lint %s）後再啟動") \
	X(ERR_NO_CONTENT_DIR, "no content folder found", "找不到課程內容資料夾") \
	X(ERR_NO_CHAPTER, "no chapter '%s' (try 'httptutor read' for the list)", "沒有「%s」這一章（用 httptutor read 看章節清單）") \
	X(ERR_NO_CHAPTER_OPT, "--chapter: no chapter '%s'; the chapters are:", "--chapter：沒有「%s」這一章；章節有：") \
	X(ERR_NO_CODE, "no status code '%s' (try 'httptutor codes --all')", "沒有「%s」這個狀態碼（用 httptutor codes --all 看全部）") \
	X(ERR_NOTHING_MATCHES, "nothing matches '%s'", "沒有符合「%s」的結果") \
	X(ERR_NO_EXAM_ANSWERS, "no answers for exam '%s' (exam ids look like seed-S-nN: the seed and count given to `httptutor exam`)", "考試「%s」沒有任何作答（考試代號的格式是 seed-S-nN，也就是交給 httptutor exam 的種子和題數）") \
	X(ERR_OOM, "out of memory", "記憶體不足") \
	X(ERR_WRITE, "cannot write the output: %s", "無法寫出結果：%s") \
	X(ERR_WHAT_WHY,    "%s: %s", "%s：%s") \
	X(SENTENCE,        "%s.", "%s。") \
	X(LINT_OK,         "%s: ok (%zu codes, %zu scenarios, %zu chapters, %zu contrast groups, version %s)\n", "%s：沒有問題（%zu 個狀態碼、%zu 個情境、%zu 章、%zu 組對照，版本 %s）\n") \
	X(N_ERRORS_ONE,    "%d error", "%d 個錯誤") \
	X(N_ERRORS,        "%d errors", "%d 個錯誤") \
	X(CLASS_NOT_FILE,  "not a regular file", "不是一般檔案") \
	X(ERR_SEARCH_EMPTY, "%s needs a word to look for (e.g. httptutor search token)", "%s 需要要找的字詞（例如 httptutor search token）") \
	X(KEY_UP,          "Up", "上") \
	X(KEY_DOWN,        "Down", "下") \
	X(KEY_LEFT,        "Left", "左") \
	X(KEY_RIGHT,       "Right", "右") \
	X(KEY_SPACE,       "Space", "空白") \
	X(HELP_FOOTER_END, "%d-%d/%d  Up/PgUp/g: back up  q: close help", "%d-%d/%d  上/PgUp/g：往回  q：關閉說明") \
	X(ERR_DETAIL_PATH, " (%s)", "（%s）") \
	X(ERR_DETAIL_SQLITE, " (%s; SQLite: %s)", "（%s；SQLite：%s）") \
	X(ERR_DETAIL_SYS,  " (%s: %s)", "（%s：%s）") \
	X(DB_WHY_READONLY, "the database is read-only", "資料庫是唯讀的") \
	X(DB_WHY_FSIZE,    "the file size limit was reached (ulimit -f)", "已達檔案大小上限（ulimit -f）") \
	X(DB_WHY_FULL,     "the disk is full", "磁碟已滿") \
	X(DB_WHY_PERM,     "permission denied", "沒有權限") \
	X(DB_WHY_IO,       "the disk reported an error", "磁碟回報錯誤") \
	X(DB_WHY_BUSY,     "the database is locked by another program", "資料庫被另一個程式鎖住了") \
	X(DB_WHY_DAMAGED,  "the database is damaged", "資料庫已損壞") \
	X(DB_WHY_CANTOPEN, "the file cannot be opened", "檔案無法開啟") \
	X(DB_WHY_OTHER,    "the database is damaged or was changed by another program", "資料庫已損壞，或被其他程式改動過") \
	X(DB_WHY_GONE,     "class.db was deleted or replaced", "class.db 被刪除或換掉了") \
	X(DB_OOM_OPENING,  "out of memory opening %s", "開啟 %s 時記憶體不足") \
	X(DB_CHMOD,        "cannot set permissions on %s", "無法設定 %s 的權限") \
	X(DB_MKDIR,        "cannot create the folder %s for %s", "無法建立資料夾 %s（要放 %s）") \
	X(DB_CREATE,       "cannot create the database %s", "無法建立資料庫 %s") \
	X(DB_NOT_DB,       "%1$s is damaged or is not a database file; move it aside (e.g. mv '%1$s' '%1$s.bad') or choose another with --db", "%1$s 已損壞或不是資料庫檔案；請把它移開（例如 mv '%1$s' '%1$s.bad'），或用 --db 指定另一個") \
	X(DB_LOCKED,       "%s is locked by another program; try again", "%s 被另一個程式鎖住了；請稍後再試") \
	X(DB_NO_SHM,       "cannot read %1$s: the file and its folder are read-only, and SQLite needs to create %1$s-shm beside it; copy the file somewhere writable or ask for write access to the folder", "無法讀取 %1$s：檔案和所在的資料夾都是唯讀的，而 SQLite 需要在旁邊建立 %1$s-shm；請把檔案複製到可以寫入的地方，或請人開放資料夾的寫入權限") \
	X(DB_SIDECAR_RO,   "%1$s belongs to %2$s and you cannot write it, so %3$s could only be read; ask %2$s (or root) to run httptutor --db %3$s check once while nobody else uses it (that keeps what it holds and removes it), then try again", "%1$s 屬於 %2$s，你無法寫入，所以 %3$s 只能讀取；請 %2$s（或 root）在沒有其他人使用時執行一次 httptutor --db %3$s check（會保留其中的資料並移除它），然後再試一次") \
	X(DB_CANT_OPEN,    "cannot open the database %s: %s", "無法開啟資料庫 %s：%s") \
	X(DB_CANT_OPEN_SQLITE, "%s (SQLite: %s)", "%s（SQLite：%s）") \
	X(DB_SCHEMA_READ,  "cannot read the schema version", "無法讀取資料庫的結構版本") \
	X(DB_UPGRADE,      "cannot upgrade the database (%s)", "無法升級資料庫（%s）") \
	X(DB_SCHEMA_WRITE, "cannot record the schema version", "無法寫入資料庫的結構版本") \
	X(DB_NO_PATH,      "no database path given", "沒有指定資料庫的路徑") \
	X(DB_MISSING,      "there is no database at %s", "%s 沒有資料庫") \
	X(DB_MISSING_SHARED, "there is no database at %s, and httptutor makes none in a shared folder of %s's (a class folder): a new file there would be yours alone and lock the class out. If the class file was deleted, tell your teacher; for your own progress, leave out --db", "%s 沒有資料庫；這是 %s 的共用資料夾（班級資料夾），httptutor 不會在這裡建立新檔案：新檔案只屬於你，全班都會打不開。如果班級檔案被刪除了，請告訴老師；要記錄自己的進度，請不要加 --db") \
	X(DB_IS_FOLDER,    "%s is a folder, not a database file; give the path of a file with --db", "%s 是資料夾，不是資料庫檔案；請用 --db 指定一個檔案的路徑") \
	X(DB_NO_SHM_DIR,   "cannot read %1$s: its folder is read-only, and SQLite needs to create %1$s-shm beside it; copy the file somewhere writable or ask for write access to the folder", "無法讀取 %1$s：所在的資料夾是唯讀的，而 SQLite 需要在旁邊建立 %1$s-shm；請把檔案複製到可以寫入的地方，或請人開放資料夾的寫入權限") \
	X(DB_NO_READ,      "permission denied: you may not read %s; ask its owner, or choose another with --db", "沒有權限：你不能讀取 %s；請洽檔案的擁有者，或用 --db 指定另一個") \
	X(DB_FOREIGN,      "%s is not an httptutor database (it belongs to another program); choose another with --db", "%s 不是 httptutor 的資料庫（屬於其他程式）；請用 --db 指定另一個") \
	X(DB_NEWER,        "%s was made by a newer httptutor (schema %lld, this one knows %d); upgrade httptutor or use another --db", "%s 是較新版的 httptutor 建立的（結構版本 %lld，這一版只認得 %d）；請更新 httptutor，或用 --db 指定另一個") \
	X(DB_EMPTY,        "%s is empty: no httptutor data in it yet", "%s 是空的：裡面還沒有 httptutor 的資料") \
	X(DB_NEEDS_UPGRADE,"%s needs upgrading but is read-only; make it writable and open it once", "%s 需要升級，但它是唯讀的；請讓它可以寫入，再開啟一次") \
	X(DB_GONE,         "the database file %s was deleted or replaced while httptutor was running, so nothing more can be saved in it; start httptutor again", "資料庫檔案 %s 在 httptutor 執行時被刪除或取代，之後的作答都無法儲存；請重新啟動 httptutor") \
	X(DB_GONE_SHORT,   "the database file is gone; start httptutor again", "資料庫檔案不見了；請重新啟動 httptutor") \
	X(DB_USE,          "cannot use the database", "無法使用資料庫") \
	X(DB_BEGIN,        "cannot start a transaction", "無法開始寫入") \
	X(DB_COMMIT,       "cannot commit", "無法完成寫入") \
	X(DB_LOST,         "cannot commit: the transaction was lost", "無法完成寫入：這次寫入已中斷") \
	X(DB_READ,         "cannot read the database", "無法讀取資料庫") \
	X(DB_NO_PLACE,     "cannot find a place for the database: set HOME or XDG_DATA_HOME, or use --db", "找不到放資料庫的地方：請設定 HOME 或 XDG_DATA_HOME，或用 --db 指定") \
	X(STORE_COULD_NOT, "could not %s", "無法%s") \
	X(STORE_DO_PROFILE, "create your profile", "建立你的使用者資料") \
	X(STORE_DO_SESSION, "start the session", "開始這次測驗的紀錄") \
	X(STORE_DO_SESSION_END, "end the session", "結束這次測驗的紀錄") \
	X(STORE_DO_SAVE,   "save your answer", "儲存你的作答") \
	X(STORE_DO_CHAPTER, "remember the chapter", "記下讀過的章節") \
	X(STORE_INCOMPLETE, "the answer is incomplete (no item, type or answer)", "作答資料不完整（缺少題目、題型或答案）") \
	X(STORE_READ_PROFILES, "cannot read profiles", "無法讀取使用者資料") \
	X(STORE_READ_ANSWERS, "cannot read your answers", "無法讀取你的作答") \
	X(STORE_READ_MISTAKES, "cannot read your mistakes", "無法讀取你的錯題") \
	X(STORE_READ_PROGRESS, "cannot read your progress", "無法讀取你的進度") \
	X(STORE_READ_ALL_ANSWERS, "cannot read the answers", "無法讀取作答") \
	X(STORE_READ_CONFUSIONS, "cannot read your confusions", "無法讀取你常混淆的狀態碼") \
	X(STORE_READ_BY_CODE, "cannot read your answers by code", "無法依狀態碼讀取你的作答") \
	X(NAME_BAD,        "the user name %s; use 1 to %d bytes of UTF-8 text without control, bidi or invisible characters (--user NAME or HTTPTUTOR_USER)", "使用者名稱%s；請用 1 到 %d 位元組的 UTF-8 文字，不含控制字元、雙向控制字元或隱形字元（--user NAME 或 HTTPTUTOR_USER）") \
	X(ROSTER_NAME_BAD, "the roster name '%.64s' %s; use 1 to %d bytes of UTF-8 text without control, bidi or invisible characters; nobody was added", "名單上的名字「%.64s」%s；請用 1 到 %d 位元組的 UTF-8 文字，不含控制字元、雙向控制字元或隱形字元；沒有加入任何人") \
	X(NAME_TOO_LONG,   "is too long", "太長") \
	X(NAME_EMPTY,      "is empty", "是空的") \
	X(NAME_NOT_UTF8,   "is not valid UTF-8 (byte %zu)", "不是有效的 UTF-8（第 %zu 個位元組）") \
	X(NAME_UNSAFE,     "has %s U+%04lX at byte %zu", "在第 %3$zu 個位元組有%1$s U+%2$04lX") \
	X(NAME_CONTROL,    "a control character", "控制字元") \
	X(NAME_BIDI,       "a bidi control", "雙向控制字元") \
	X(NAME_INVISIBLE,  "an invisible character", "隱形字元") \
	X(NAME_SPACE,      "starts or ends with a space", "開頭或結尾有空格") \
	X(PLAIN_NOT_SAVED, "NOT SAVED: %s", "未儲存：%s") \
	X(PLAIN_ERR,       "%s", "%s") \
	X(PLAIN_UNSAVED, "answers that could not be saved: %d", "有 %d 筆作答未能儲存") \
	X(UI_TERM_IS, "TERM is %s", "TERM 是 %s") \
	X(UI_TERM_UNSET, "TERM is not set", "沒有設定 TERM") \
	X(UI_NOT_TTY_IN, "standard input is not a terminal", "標準輸入不是終端機") \
	X(UI_NOT_TTY_OUT, "standard output is not a terminal", "標準輸出不是終端機") \
	X(UI_TERM_UNKNOWN, "TERM=%s is not a terminal type this system knows", "這台系統不認得 TERM=%s 這種終端機") \
	X(UI_TEST_TERM, "cannot start the test terminal", "無法啟動測試用終端機") \
	X(N_QUESTIONS_ONE, "%d question", "%d 題") \
	X(N_QUESTIONS,     "%d questions", "%d 題") \
	X(N_DAYS_ONE,      "%d day",    "%d 天") \
	X(N_DAYS,          "%d days",   "%d 天") \
	X(N_ANSWERS_ONE,   "%d answer", "%d 次作答") \
	X(N_ANSWERS,       "%d answers", "%d 次作答") \
	X(N_STUDENTS_ONE,  "%d student", "%d 位學生") \
	X(N_STUDENTS,      "%d students", "%d 位學生") \
	X(N_ATTEMPTS_ONE,  "%d attempt", "%d 次") \
	X(N_ATTEMPTS,      "%d attempts", "%d 次") \
	X(N_TIMES_ONE,     "%d time",   "%d 次") \
	X(N_TIMES,         "%d times",  "%d 次") \
	X(N_MISTAKES_ONE,  "%d mistake", "錯 %d 次") \
	X(N_MISTAKES,      "%d mistakes", "錯 %d 次") \
	X(N_DATABASES_ONE, "%d database", "%d 個資料庫") \
	X(N_DATABASES,     "%d databases", "%d 個資料庫") \
	X(ERR_GROUP_OPT, "--group applies to review and class init, not '%s'", "--group 只用於 review 和 class init，不適用於「%s」") \
	X(ERR_GROUP_FILTERS, "--class and --chapter do not apply to a drill (--group %s)", "專項練習（--group %s）不能再加 --class 或 --chapter") \
	X(ERR_NO_GROUP, "no contrast group '%s'; the groups are:", "沒有「%s」這個對照組；可用的對照組有：") \
	X(ERR_ATTEMPTS, "--attempts takes a number from 1 to 100, not '%s'", "--attempts 要是 1 到 100 的數字，不是「%s」") \
	X(ERR_FEEDBACK, "--feedback takes end, closed or never, not '%s'", "--feedback 只接受 end、closed 或 never，不接受「%s」") \
	X(ERR_EXAM_FIXED, "exam %s was fixed by its teacher: it takes no quiz options (--count, --minutes, --seed, filters)", "考試 %s 已由老師設定好，不接受測驗選項（--count、--minutes、--seed、篩選）") \
	X(ERR_EXAM_NEW_SEED, "exam new chooses a secret seed itself; --seed is for practice papers (httptutor exam --seed S --count N)%s", "exam new 會自己選一個不公開的種子；--seed 是給練習卷用的（httptutor exam --seed S --count N）%s") \
	X(ERR_EXAM_NEW_COUNT, "exam new needs --count N%s", "exam new 需要 --count N%s") \
	X(ERR_EXAM_NEW_OPTS, "--attempts, --feedback and --no-shuffle apply to exam new, not '%s'", "--attempts、--feedback 和 --no-shuffle 只用於 exam new，不適用於「%s」") \
	X(ERR_CLOSES_OPT, "--closes applies to exam new and exam close, not '%s'", "--closes 只用於 exam new 和 exam close，不適用於「%s」") \
	X(ERR_REPORT_OPTS, "--roster, --html and --watch apply to report, not '%s'", "--roster、--html 和 --watch 只用於 report，不適用於「%s」") \
	X(ERR_REPORT_NEEDS_EXAM, "--roster and --watch need --exam NAME%s", "--roster 和 --watch 需要 --exam NAME%s") \
	X(ERR_REPORT_ONE_FORMAT, "choose one of --json, --csv, --html and --watch%s", "--json、--csv、--html 和 --watch 只能選一個%s") \
	X(ERR_NEEDS_NAME, "'%s' needs a name (exam new NAME, exam close NAME, class init DIR, class serve DIR)", "「%s」需要一個名稱（exam new NAME、exam close NAME、class init DIR、class serve DIR）") \
	X(ERR_CLASS_INIT, "class takes init DIR, serve DIR or roster, not '%s'", "class 只接受 init DIR、serve DIR 或 roster，不接受「%s」") \
	X(ERR_CLASS_WHAT, "class needs init DIR, serve DIR or roster%s", "class 需要 init DIR、serve DIR 或 roster%s") \
	X(USAGE_EXAM_NAME, "take (or go on with) an exam your teacher made", "參加（或繼續）老師建立的考試") \
	X(USAGE_TEACHER,   "Teacher:", "教師：") \
	X(USAGE_EXAM_NEW,  "make an exam; prints the line students run (WHEN: HH:MM, 'YYYY-MM-DD HH:MM' or +90m)", "建立考試，並印出學生要執行的指令（WHEN：HH:MM、'YYYY-MM-DD HH:MM' 或 +90m）") \
	X(USAGE_EXAM_CLOSE, "close it now, or at WHEN", "現在關閉考試，或在 WHEN 關閉") \
	X(USAGE_EXAMS,     "the exams, with started and ended counts", "所有考試，以及開始和結束的人數") \
	X(USAGE_REPORT_EXAM, "one exam: statuses, scores, questions, grid; --watch is a live board during the exam", "單一考試：狀態、分數、題目與作答表；--watch 是考試中即時更新的看板") \
	X(USAGE_CLASS_INIT, "a class folder students share", "建立學生共用的班級資料夾") \
	X(USAGE_GROUP, "drill codes you mix up", "練習容易搞混的狀態碼") \
	X(USAGE_CLASS_SERVE, "the class server: it alone keeps DIR/class.db; students use --class DIR, lab PCs --class HOST:PORT", "班級伺服器：只有它能存取 DIR/class.db；學生用 --class DIR，電腦教室的電腦用 --class HOST:PORT") \
	X(USAGE_ROSTER_ADD, "tokens for students who connect over TCP (lab PCs)", "為透過 TCP 連線的學生（電腦教室）發放權杖") \
	X(USAGE_ROSTER, "the roster; --print: new slips for everyone", "名單；--print：為每個人印出新的登入單") \
	X(USAGE_CLASS, "use the class server (env HTTPTUTOR_CLASS); over TCP your slip's token goes in HTTPTUTOR_TOKEN", "使用班級伺服器（環境變數 HTTPTUTOR_CLASS）；透過 TCP 連線時，把登入單上的權杖放在 HTTPTUTOR_TOKEN") \
	X(ERR_SERVE_OPTS, "--listen, --tls-cert, --tls-key, --teacher and --shared-login apply to class serve, not '%s'", "--listen、--tls-cert、--tls-key、--teacher 和 --shared-login 只用於 class serve，不適用於「%s」") \
	X(ERR_TLS_PAIR, "HTTPS needs --listen HOST:PORT with both --tls-cert FILE and --tls-key FILE%s", "HTTPS 需要 --listen HOST:PORT，並同時給 --tls-cert FILE 和 --tls-key FILE%s") \
	X(ERR_PRINT_OPT, "--print applies to class roster, not '%s'", "--print 只用於 class roster，不適用於「%s」") \
	X(ERR_DB_AND_CLASS, "--db and --class %s both say where answers go; give one", "--db 和 --class %s 都在指定作答存放的地方；請只給一個") \
	X(ERR_CLASS_USER, "with a class server, who you are comes from the server (your login, or your token); --user %s does not apply", "使用班級伺服器時，你的身分由伺服器決定（登入帳號或權杖）；--user %s 不適用") \
	X(ERR_CLASS_INIT_SERVER, "class init sets up a folder students share; a server's folder is made by class serve%s", "class init 建立學生共用的資料夾；伺服器的資料夾由 class serve 建立%s") \
	X(ERR_ROSTER_ARGS, "class roster takes add NAME..., or --print (new slips for everyone), not '%s'", "class roster 只接受 add NAME...，或 --print（為每個人印新的登入單），不接受「%s」") \
	X(ERR_ROSTER_NO_CLASS, "the roster is kept by the class server: give --class DIR or HOST:PORT (or set HTTPTUTOR_CLASS)%s", "名單由班級伺服器保存：請給 --class DIR 或 HOST:PORT（或設定 HTTPTUTOR_CLASS）%s") \
	X(ERR_TEACHERS, "at most 64 --teacher logins%s", "--teacher 最多 64 個帳號%s") \
	X(ROSTER_HAS_TOKEN, "has a token already (class roster --print makes new slips)", "已有權杖（class roster --print 會產生新的登入單）") \
	X(ROSTER_ISSUED,   "token issued %s", "權杖發放於 %s") \
	X(ROSTER_NO_TOKEN, "no token yet", "尚未發放權杖") \
	X(ROSTER_EMPTY,    "The roster is empty: httptutor class roster add NAME... adds students.", "名單是空的：用 httptutor class roster add NAME... 加入學生。") \
	X(ROSTER_SLIP_FOR, "httptutor class slip for %s", "httptutor 班級登入單：%s") \
	X(ROSTER_SLIP_HOW, "On a lab PC, before you start httptutor, type:", "在電腦教室的電腦上，啟動 httptutor 之前先輸入：") \
	X(ROSTER_SLIP_KEEP, "Keep this slip to yourself: whoever has the token answers as you. A new slip makes this one stop working.", "請自行保管這張單子：拿到權杖的人就能以你的身分作答。發了新的登入單後，這張就會失效。") \
	X(ROSTER_NO_TCP,   "This class server does not listen on TCP (class serve --listen HOST:PORT), so the slips name it as %s; lab PCs need the server's address there.", "這台班級伺服器沒有在 TCP 上提供服務（class serve --listen HOST:PORT），所以登入單上寫的是 %s；電腦教室的電腦需要換成伺服器的位址。") \
	X(QUEUE_WAITING_ONE, "%d answer waiting to be sent to the class server", "%d 筆作答等待送到班級伺服器") \
	X(QUEUE_WAITING,   "%d answers waiting to be sent to the class server", "%d 筆作答等待送到班級伺服器") \
	X(CLASS_AWAY_WAITING_ONE, "; %d practice answer made meanwhile is waiting on this computer and is sent when the server is back: try again later", "；這段時間的 %d 筆練習作答正在這台電腦上等待，伺服器恢復後會送出：請稍後再試") \
	X(CLASS_AWAY_WAITING, "; %d practice answers made meanwhile are waiting on this computer and are sent when the server is back: try again later", "；這段時間的 %d 筆練習作答正在這台電腦上等待，伺服器恢復後會送出：請稍後再試") \
	X(QUEUE_KEPT,      "Kept on this computer: the class server cannot be reached now; %s, sent when it is back.", "已先存在這台電腦：目前連不上班級伺服器；%s，伺服器恢復後會自動送出。") \
	X(QUEUE_SENT,      "The class server is back: every answer kept on this computer has been sent.", "班級伺服器恢復了：存在這台電腦的作答都已送出。") \
	X(CHECK_HEAD,      "%s: answers %lld, learners %lld", "%s：%lld 個答案，%lld 位學習者") \
	X(CHECK_SAME,      "  %-13s rows %7ld  agree with the answer log", "  %-13s %7ld 列　與答題紀錄一致") \
	X(CHECK_DIFF,      "  %-13s rows %7ld  differ from a rebuild: %ld only in the file, %ld only in the rebuild", \
	                   "  %-13s %7ld 列　與重建結果不同：%ld 列只在檔案中，%ld 列只在重建結果中") \
	X(CHECK_ALL_SAME,  "Every table derived from the answer log agrees with it.", "所有由答題紀錄推導的資料表都與紀錄一致。") \
	X(CHECK_FIX,       "Rebuild them from the log with: httptutor check --repair", "可用這個指令從紀錄重建：httptutor check --repair") \
	X(CHECK_REPAIRED,  "Rebuilt every derived table from the answer log.", "已從答題紀錄重建所有推導資料表。") \
	X(ERR_REPAIR_OPT, "--repair applies to check, not '%s'", "--repair 只用於 check，不適用於「%s」") \
	X(USAGE_CHECK,     "compare your progress tables with the answer log; --repair rebuilds them", "比對進度資料表與答題紀錄；--repair 會重建它們") \
	X(ERR_CHECK_CLASS, "check reads a database file, and the class server %s keeps its own: run check on the server with --db DIR/class.db", "check 讀的是資料庫檔案，而班級伺服器 %s 自己保管資料庫：請在伺服器上用 --db DIR/class.db 執行 check") \
	X(CHECK_CANNOT,    "cannot check the database", "無法檢查資料庫") \
	X(CHECK_READONLY,  "cannot check %s: it is read-only (check rebuilds the tables inside a transaction it then undoes); copy it somewhere writable", "無法檢查 %s：檔案是唯讀的（check 會在一個之後復原的交易中重建資料表）；請先複製到可寫入的地方") \
	X(CLASS_SAID_NO,   "the class server refused it", "班級伺服器拒絕了這個要求") \
	X(CLASS_EXAM_LATER, "the class server cannot be reached; try again when it is back (exams need it; your attempt and its time are kept there; %s)", "連不上班級伺服器；等它恢復後再試一次（考試需要班級伺服器，你的作答與時間都保存在那裡；%s）") \
	X(CLASS_EXAM_NOT_SAVED, "the class server could not save this (%s); tell your teacher; your attempt and its time are kept there", "班級伺服器無法儲存這筆資料（%s）；請告訴老師；你的作答與時間都保存在伺服器上") \
	X(CLASS_EXAM_GONE, "the class server could not save this (%s); tell your teacher", "班級伺服器無法儲存這筆資料（%s）；請告訴老師") \
	X(CLASS_NO_PLACE,  "this computer has no place for your own database (set HOME or XDG_DATA_HOME)", "這台電腦沒有地方放你自己的資料庫（請設定 HOME 或 XDG_DATA_HOME）") \
	X(CLASS_DROPPED,   "something kept on this computer was refused by the class server and dropped: %s", "存在這台電腦的一筆資料被班級伺服器拒絕，已捨棄：%s") \
	X(CLASS_NOT_KEPT,  "%s, and it could not be kept on this computer either: %s", "%s，而且也無法先存在這台電腦：%s") \
	X(CLASS_UNREACHABLE, "%s cannot be reached now", "目前連不上%s") \
	X(CLASS_BAD_REPLY, "the class server's reply is not in the form this httptutor knows (%s)", "班級伺服器的回應格式與這個版本的 httptutor 不符（%s）") \
	X(CLASS_LABEL_AT,  "the class server at %s", "位於 %s 的班級伺服器") \
	X(CLASS_LABEL_IN,  "the class server in %s", "%s 裡的班級伺服器") \
	X(CLASS_BAD_TOKEN, "HTTPTUTOR_TOKEN is not a token from a class slip", "HTTPTUTOR_TOKEN 不是班級登入單上的權杖") \
	X(CLASS_CANNOT_REACH, "cannot reach %s: %s", "連不上%s：%s") \
	X(CLASS_ANSWERED,  "%s answered %ld", "%s 回應了 %ld") \
	X(CLASS_KEEP_FAILED, "could not keep it on this computer", "無法先存在這台電腦") \
	X(CLASS_TEACHERS_ONLY, "only the teacher may do this on the class server", "只有老師能在班級伺服器上做這件事") \
	X(CLASS_NOT_YOURS, "that belongs to another learner", "那屬於另一位學習者") \
	X(CLASS_TOKEN_NEEDED, "the class server needs your class token: set HTTPTUTOR_TOKEN to the token on your slip", "班級伺服器需要你的班級權杖：請把登入單上的權杖設定在 HTTPTUTOR_TOKEN") \
	X(CLASS_TOKEN_BAD, "this token is not on the class roster (a new slip replaces the old one); ask your teacher", "這個權杖不在班級名單上（發了新的登入單後舊的就失效）；請詢問老師") \
	X(CLASS_GONE,      "the class database was deleted or replaced on the server; your practice answers are kept here until the teacher restarts it", "伺服器上的班級資料庫被刪除或換掉了；你的練習作答會先存在這裡，直到老師重新啟動伺服器") \
	X(NETLIB_MISSING,  "cannot load %s (%s); install the Debian package %s", "無法載入 %s（%s）；請安裝 Debian 套件 %s") \
	X(NETLIB_OLD,      "%s has no %s; install a newer %s", "%s 缺少 %s；請安裝較新的 %s") \
	X(NETLIB_START,    "%s could not start", "%s 無法啟動") \
	X(SERVE_NOT_FILE,  "%s is not a regular file; move it aside", "%s 不是一般檔案；請先把它移開") \
	X(SERVE_CHMOD,     "cannot make %s private (chmod 600): %s", "無法把 %s 設為私人檔案（chmod 600）：%s") \
	X(SERVE_MADE_PRIVATE, "%s was %03o; it is 600 now (only the server reads it)", "%s 原本是 %03o；現在改為 600（只有伺服器能讀）") \
	X(SERVE_MKDIR,     "cannot make the class folder %s: %s", "無法建立班級資料夾 %s：%s") \
	X(SERVE_DB_NOT_YOURS, "%1$s belongs to %2$s, not to you: the server's database must be yours; nothing was changed in %3$s", "%1$s 屬於 %2$s，不是你的：伺服器的資料庫必須是你的；%3$s 裡什麼都沒有改動") \
	X(SERVE_SIDE_NOT_YOURS, "%1$s%2$s belongs to %3$s, so %3$s could still write the class database through it; nothing was changed in %4$s. While nobody uses the class file, remove %1$s-wal and %1$s-shm and start again", "%1$s%2$s 屬於 %3$s，%3$s 仍可透過它寫入班級資料庫；%4$s 裡什麼都沒有改動。請在沒有人使用班級檔案時，移除 %1$s-wal 和 %1$s-shm，然後再啟動一次") \
	X(SERVE_SIDE_NOT_YOURS_WAL, "%1$s%2$s belongs to %3$s, so %3$s could still write the class database through it; nothing was changed in %4$s. %1$s-wal holds answers not yet in %1$s: while nobody uses the class file, run httptutor --db %4$s/%1$s check as yourself (it moves them into %1$s and removes %1$s-wal and %1$s-shm) and start again", "%1$s%2$s 屬於 %3$s，%3$s 仍可透過它寫入班級資料庫；%4$s 裡什麼都沒有改動。%1$s-wal 裡有尚未寫入 %1$s 的作答：請在沒有人使用班級檔案時，以你自己的帳號執行 httptutor --db %4$s/%1$s check（會把它們寫入 %1$s 並移除 %1$s-wal 和 %1$s-shm），然後再啟動一次") \
	X(SERVE_NOT_DIR,   "%s is not a folder", "%s 不是資料夾") \
	X(SERVE_NOT_YOURS, "%s belongs to uid %u, not to you: the server's folder must be yours, so nobody else can replace the database in it", "%s 屬於 uid %u，不是你的：伺服器的資料夾必須是你的，別人才無法替換裡面的資料庫") \
	X(SERVE_NO_WRITE,  "cannot take away others' write permission on %s: %s", "無法取消他人對 %s 的寫入權限：%s") \
	X(SERVE_MADE_SAFE, "%s was writable by others (%04o); it is %04o now, so only you can delete or replace the class database", "%s 原本他人可寫入（%04o）；現在改為 %04o，只有你能刪除或替換班級資料庫") \
	X(SERVE_READONLY,  "%s is read-only; the server must be able to write it", "%s 是唯讀的；伺服器必須能寫入它") \
	X(SERVE_NEW_DB,    "no class.db in %s: made a new, empty class database", "%s 裡沒有 class.db：已建立一個新的空白班級資料庫") \
	X(SERVE_FREE_SPACE, "; free space on %s and start the server again", "；請清出 %s 的磁碟空間，再啟動一次伺服器") \
	X(SERVE_TWICE,     "another class server is already serving %s (stop it first)", "已經有另一個班級伺服器在服務 %s（請先停止它）") \
	X(SERVE_SOCK_LONG, "the path %s/class.sock is too long for a socket (%zu bytes at most); use a shorter folder", "路徑 %s/class.sock 對 socket 來說太長（最多 %zu 位元組）；請換一個較短的資料夾") \
	X(SERVE_NO_SOCKET, "cannot make a socket: %s", "無法建立 socket：%s") \
	X(SERVE_ANSWERS,   "a class server already answers on %s", "已經有班級伺服器在 %s 上服務") \
	X(SERVE_IN_WAY,    "%s is in the way and is not a socket; move it aside", "%s 擋住了路徑，而且不是 socket；請先把它移開") \
	X(SERVE_LISTEN,    "cannot listen on %s: %s", "無法在 %s 上提供服務：%s") \
	X(SERVE_HOSTPORT,  "--listen takes HOST:PORT (127.0.0.1:8080, 0.0.0.0:8443, [::1]:8080), not '%s'", "--listen 要用 HOST:PORT（127.0.0.1:8080、0.0.0.0:8443、[::1]:8080），不是「%s」") \
	X(SERVE_READ,      "cannot read %s: %s", "無法讀取 %s：%s") \
	X(SERVE_TOO_BIG,   "the file is too big", "檔案太大") \
	X(SERVE_NO_LOGIN,  "%s: there is no such login on this machine", "%s：這台機器上沒有這個帳號") \
	X(SERVE_NO_THREAD, "cannot start a thread", "無法啟動執行緒") \
	X(SERVE_MHD,       "libmicrohttpd could not start", "libmicrohttpd 無法啟動") \
	X(SERVE_MHD_TLS,   "libmicrohttpd could not start (do the certificate and the key belong together?)", "libmicrohttpd 無法啟動（憑證與私鑰是同一對嗎？）") \
	X(SERVE_SERVING,   "serving %s on %s/class.sock%s%s%s (content %s, %zu scenarios)", "在 %2$s/class.sock%3$s%4$s%5$s 上服務 %1$s（課程內容 %6$s，%7$zu 個情境）") \
	X(SERVE_PLAIN_HTTP, "WARNING: plain HTTP on %s reaches beyond this machine: tokens and answers cross the network unencrypted; give --tls-cert and --tls-key", "警告：%s 上的 HTTP 未加密，而且這台機器以外也連得到：權杖和作答會以明文在網路上傳送；請加上 --tls-cert 和 --tls-key") \
	X(SERVE_STOPPING,  "stopping (%s): finishing what was sent; new requests get 503 for %d ms", "停止中（%s）：先完成已收到的要求；新的要求在 %d 毫秒內會收到 503") \
	X(SERVE_STOPPED,   "class server stopped", "班級伺服器已停止") \
	X(SERVE_GONE,      "ERROR: the class database %s was deleted or replaced while the server ran; NO ANSWERS ARE ACCEPTED from now on (503); clients keep theirs. Restart the server.", "錯誤：伺服器執行期間，班級資料庫 %s 被刪除或換掉了；從現在起不接受任何作答（503）；學生那邊會先保存。請重新啟動伺服器。") \
	X(SERVE_WRITE_FAILED, "ERROR: NOT SAVED (clients are told so, 500/503): %s", "錯誤：未儲存（用戶端會收到 500/503）：%s") \
	X(SERVE_NO_CHECKPOINTS, "cannot open a second connection for checkpoints (%s); commits do them", "無法為檢查點開啟第二個連線（%s）；改由提交時進行") \
	X(DENY_EXAM_NEW,   "only the owner of %s (the teacher who set it up) or root can make an exam in it", "只有 %s 的擁有者（設定它的老師）或 root 可以在裡面建立考試") \
	X(DENY_EXAM_CLOSE, "only the teacher who made exam %s (or the owner of %s, or root) can close it", "只有建立考試 %s 的老師（或 %s 的擁有者、root）可以關閉它") \
	X(DENY_RESULTS,    "the results of exam %s are for its teacher; to see your own, run: httptutor exam %s", "考試 %s 的結果只給出題的老師看；要看你自己的結果，請執行：httptutor exam %s") \
	X(DENY_CLASS_REPORT, "the class report of %s is for its teacher only; to see your own progress, run: httptutor stats", "%s 的班級報告只給老師看；要看你自己的進度，請執行：httptutor stats") \
	X(DENY_ATTEMPT,    "exam %s under the name %s was started from another account; only that account can go on with it or see it; ask your teacher", "考試 %s 以 %s 的名義由另一個帳號開始作答，只有那個帳號能繼續作答或查看；請詢問老師") \
	X(DENY_ATTEMPT_TOKEN, "exam %s under the name %s was started with a class token (a lab computer); only that token can go on with it or see it; ask your teacher", "考試 %s 以 %s 的名義是用班級權杖（電腦教室的電腦）開始作答的，只有那個權杖能繼續作答或查看；請詢問老師") \
	X(DENY_FOREIGN_NAME, "%s is the login name of another account: take the exam under your own name (without --user)", "%s 是另一個帳號的登入名稱：請用自己的名義參加考試（不要加 --user）") \
	X(RX_CHECK_HEAD,   "Check these attempts:", "請查核這些作答：") \
	X(RX_CHECK_LOGIN,  "%s: attempt %d was started from uid %lld (%s), not from the account of that name", "%s：第 %d 次作答是由 uid %lld（%s）開始的，不是這個名稱的帳號") \
	X(RX_CHECK_NAMES,  "uid %lld (%s) sat this exam under %d names: %s", "uid %lld（%s）用 %d 個名稱參加了這場考試：%s") \
	X(RX_CHECK_FOREIGN, "%s: attempt %d holds answers written from another account than the one that started it (%d)", "%s：第 %d 次作答裡有由其他帳號寫入的答案（%d 筆），不是開始作答的帳號") \
	X(WATCH_CHECK,     "check", "請查核") \
	X(STORE_NO_HIDE,   "this store cannot say which exam questions to hide", "這個資料來源無法判斷要隱藏哪些考題") \
	X(ROSTER_ONCE,     "These tokens are shown only now: the server keeps a hash of each, not the token. Hand them out, or print slips with: httptutor class roster --print (new tokens for everyone).", "這些權杖只會在這裡顯示一次：伺服器只保存雜湊值，不保存權杖本身。請直接發給學生，或用 httptutor class roster --print 印出登入單（會為每個人重發新權杖）。") \
	X(SERVE_AND,       " and ", " 和 ") \
	X(CLASS_WHY_DOWN,  "no server answers there", "那裡沒有伺服器回應") \
	X(CLASS_WHY_SLOW,  "no reply in time", "等不到回應") \
	X(CLASS_WHY_HOST,  "no such host name", "找不到這個主機名稱") \
	X(CLASS_WHY_CERT,  "its certificate is not trusted; set HTTPTUTOR_CA to the teacher's certificate file", "不信任它的憑證；請把 HTTPTUTOR_CA 設為老師提供的憑證檔") \
	X(CLASS_WHY_TLS,   "the encrypted connection could not be set up (is it https:// on an HTTP port, or the other way round?)", "無法建立加密連線（是不是對 HTTP 連接埠用了 https://，或反過來？）") \
	X(CLASS_WHY_BROKE, "the connection broke", "連線中斷了") \
	X(CLASS_WHY_BROKE_TLS, "the connection broke; the server may speak HTTPS: use https://", "連線中斷了；伺服器可能使用 HTTPS：請改用 https://") \
	X(EXAM_BAD_NAME,   "'%s' cannot be an exam name: use 1 to %d letters, digits, '.', '_' or '-', starting with a letter or digit (not new, close or seed-…)", "「%s」不能當考試名稱：請用 1 到 %d 個英文字母、數字、「.」「_」或「-」，開頭要是字母或數字（不可用 new、close 或 seed-…）") \
	X(EXAM_BAD_CLOSES, "--closes takes HH:MM, 'YYYY-MM-DD HH:MM' or +N with m, h or d (+90m), not '%s'", "--closes 要寫成 HH:MM、'YYYY-MM-DD HH:MM' 或 +N 加上 m、h、d（例如 +90m），不是「%s」") \
	X(EXAM_CLOSES_PAST, "--closes %s is not in the future", "--closes %s 不是未來的時間") \
	X(EXAM_CLOSE_PAST, "--closes %s is not in the future; to close it now, run: httptutor exam close %s", "--closes %s 不是未來的時間；要現在關閉，請執行：httptutor exam close %s") \
	X(EXAM_TOO_FEW,    "only %zu questions match%s%s; ask for --count %zu or fewer, or loosen the filters", "只有 %zu 題符合%s%s；請用 --count %zu 以下，或放寬篩選條件") \
	X(EXAM_NONE_MATCH, "no question matches%s%s; loosen the filters", "沒有題目符合%s%s；請放寬篩選條件") \
	X(EXAM_NO_SUCH,    "there is no exam '%s' in %s (httptutor exams lists them)", "%2$s 裡沒有考試「%1$s」（httptutor exams 會列出所有考試）") \
	X(EXAM_EXISTS,     "there is already an exam '%s' in %s; choose another name (httptutor exams lists them)", "%2$s 裡已經有考試「%1$s」；請換一個名稱（httptutor exams 會列出所有考試）") \
	X(ROSTER_UNREADABLE, "cannot read the roster %s: %s", "無法讀取名單 %s：%s") \
	X(ROSTER_BAD_LINE, "%s:%d: a name with control characters or invalid UTF-8; fix the line", "%s:%d：名字含有控制字元或無效的 UTF-8；請修正這一行") \
	X(EXAM_NOT_OPEN,   "this attempt is not open", "這次作答不在進行中") \
	X(EXAM_LATE_TIME,  "the time is up: answers after the end do not count", "時間到了：結束後的作答不計分") \
	X(EXAM_LATE_CLOSED, "the exam has closed: answers after the end do not count", "考試已經關閉：結束後的作答不計分") \
	X(EXAM_ANSWERS_FINAL, "this attempt is finished: its answers are final", "這次作答已經交卷：答案不能再改") \
	X(EXAM_TIME_BEFORE_DONE, "the time was up before you finished", "你交卷前時間就到了") \
	X(EXAM_CLOSED_BEFORE_DONE, "the exam closed before you finished", "你交卷前考試就關閉了") \
	X(EXAM_ALREADY_DONE, "this attempt was already finished", "這次作答先前已經交卷了") \
	X(EXAM_ATTEMPT_OVER, "the time for this attempt is over", "這次作答的時間已經結束") \
	X(API_ENDED_FINISHED, "this attempt was finished (handed in) at %s; answers are no longer taken", "這次作答已在 %s 交卷；不再接受作答") \
	X(API_ENDED_TIME,  "this attempt ended when its time ran out at %s; answers are no longer taken", "這次作答的時間在 %s 用完，作答已結束；不再接受作答") \
	X(API_ENDED_CLOSED, "this attempt ended when the exam closed at %s; answers are no longer taken", "這次作答在考試於 %s 關閉時結束；不再接受作答") \
	X(EXAM_HAS_CLOSED, "the exam has closed", "考試已經關閉") \
	X(EXAM_CLOSED_ON,  "exam %s closed at %s", "考試 %s 已在 %s 關閉") \
	X(EXAM_CLOSED_ALREADY, "exam %s closed already, at %s", "考試 %s 已經在 %s 關閉了") \
	X(EXAM_MISSED,     "exam %s closed at %s; you did not start it", "考試 %s 已在 %s 關閉；你沒有參加這次考試") \
	X(EXAM_USED_ONE,   "you have used your one attempt at exam %s", "考試 %s 只能作答一次，你已經作答過了") \
	X(EXAM_USED_ALL,   "you have used all %d attempts at exam %s", "考試 %2$s 可以作答 %1$d 次，你都已經用完了") \
	X(EXAM_USED_BY_UID, "you have used the attempts at exam %s (%d per account): this account (uid %lld) sat it as %s; attempts count per account, whatever name --user gives", "考試 %1$s 每個帳號可以作答 %2$d 次，已經用完了：這個帳號（uid %3$lld）已用 %4$s 的名稱作答過；作答次數按帳號計算，不論 --user 給什麼名稱") \
	X(EXAM_FOREIGN_LOGIN, "%s is the login name of another account: take exam %s under your own name (without --user)", "%s 是另一個帳號的登入名稱：請用自己的名義參加考試 %s（不要加 --user）") \
	X(EXAM_OTHER_UID,  "attempt %d of exam %s for %s was started from another account (uid %lld); only that account can go on with it or see it", "考試 %2$s 裡 %3$s 的第 %1$d 次作答是由另一個帳號（uid %4$lld）開始的；只有那個帳號能繼續作答或查看") \
	X(EXAM_OTHER_TOKEN, "attempt %d of exam %s for %s was started with a class token (a lab computer); only that token can go on with it or see it; ask your teacher", "考試 %2$s 裡 %3$s 的第 %1$d 次作答是用班級權杖（電腦教室的電腦）開始的；只有那個權杖能繼續作答或查看；請詢問老師") \
	X(EXAM_NOT_YOURS,  "attempt %lld belongs to another learner", "作答編號 %lld 屬於另一位學生") \
	X(EXAM_NO_ATTEMPT, "there is no such attempt of yours", "找不到你的這次作答") \
	X(EXAM_NOT_AN_ANSWER, "that is not an answer to question %d of this exam", "這不是這份考卷第 %d 題可以用的答案") \
	X(EXAM_NO_SUCH_POS, "this exam has %d questions (pos 0–%d)", "這份考卷有 %d 題（pos 0–%d）") \
	X(EXAM_NO_MATCH,   "no questions match these settings", "沒有題目符合這些設定") \
	X(EXAM_MISMATCH,   "exam %s was first run with %d minutes%s; give the same settings, or another --seed", "練習卷 %s 第一次出題時是 %d 分鐘%s；請用相同的設定，或換一個 --seed") \
	X(EXAM_MISMATCH_AND, " and %s", "、篩選條件 %s") \
	X(EXAM_DO_MAKE,    "make the exam", "建立考試") \
	X(EXAM_DO_START,   "start the exam", "開始考試") \
	X(EXAM_DO_OPEN,    "open the exam", "開啟考試") \
	X(EXAM_DO_HAND_IN, "hand in the exam", "交卷") \
	X(EXAM_DO_CLOSE,   "close the exam", "關閉考試") \
	X(EXAM_DO_SWEEP,   "end the exams whose time is over", "結束已經到時間的考試") \
	X(EXAM_READ_ONE,   "cannot read the exam", "無法讀取考試") \
	X(EXAM_READ_QUESTIONS, "cannot read the exam's questions", "無法讀取考題") \
	X(EXAM_READ_ANSWERS, "cannot read the exam's answers", "無法讀取這次考試的作答") \
	X(EXAM_READ_YOURS, "cannot read your attempts", "無法讀取你的作答紀錄") \
	X(EXAM_READ_ATTEMPT, "cannot read the attempt", "無法讀取這次作答") \
	X(EXAM_READ_ATTEMPTS, "cannot read the attempts", "無法讀取所有作答紀錄") \
	X(EXAM_READ_LIST,  "cannot read the exams", "無法讀取考試清單") \
	X(EXAM_READ_SITTING, "cannot read the exams you are sitting", "無法讀取你正在參加的考試") \
	X(PAPER_DAMAGED,   "question %d of the exam is damaged (%s)", "考卷第 %d 題已損壞（%s）") \
	X(PAPER_BAD_CHOICES, "question %d of the exam is damaged (its choices are '%s')", "考卷第 %d 題已損壞（它的選項是「%s」）") \
	X(PAPER_NOT_IN_CONTENT, "question %d of the exam asks about %s %d, which this httptutor's content does not have; use the content the exam was made with", "考卷第 %d 題問的是 %s %d，但這個 httptutor 的課程內容裡沒有；請改用出這份考卷時的課程內容") \
	X(PAPER_EMPTY,     "exam %s has no questions", "考試 %s 沒有任何題目") \
	X(EXAM_NEW_INVALID, "it needs a name of 1 to %d letters, digits, '.', '_' or '-' (not new, close or seed-…) and at least one question", "考試名稱要用 1 到 %d 個英文字母、數字、「.」「_」或「-」（不可用 new、close 或 seed-…），而且至少要有一題") \
	X(EXAM_NO_RANDOM,  "cannot read the system's random source for the exam's seed", "無法讀取系統的亂數來源，沒辦法產生考試的種子") \
	X(EXAM_RESULTS_OWNER, "the results of exam %s are for its teacher (who made it, the owner of %s, or root); yours: httptutor exam %s", "考試 %s 的結果只給它的老師看（建立它的人、%s 的擁有者或 root）；你自己的結果：httptutor exam %s") \
	X(RX_OTHER_PAPER,  "exam %s in %s has other questions than in the first database; report each one on its own", "%2$s 裡的考試 %1$s 和第一個資料庫的題目不同；請分別為每個資料庫產生報告") \
	X(RX_THESE_DBS,    "these databases", "這些資料庫") \
	X(EXAM_HANDED_IN,  "This attempt was handed in elsewhere: its answers are final.", "這次作答已在別處交卷：答案不能再更改。") \
	X(RX_THE_DB,       "the database", "資料庫") \
	X(HTML_CLASS_TITLE, "Class report", "班級報告") \
	X(HTML_CLASS_INTRO, "Every answer in %s, as of %s.", "%s裡的所有作答，資料時間 %s。") \
	X(HTML_CLASS_ANSWERS, "Answers", "作答次數") \
	X(HTML_CLASS_RIGHT, "Right", "答對") \
	X(HTML_CLASS_SHARE, "Share right", "正確率") \
	X(HTML_CLASS_DATABASES, "Databases", "資料庫") \
	X(HTML_CANNOT_WRITE, "cannot write %s: %s", "無法寫入 %s：%s") \
	X(HTML_CLASS_EMPTY, "No answers yet: the tables below are empty.", "還沒有任何作答：下面的表格都是空的。") \
	X(EXAM_UNANSWERED_ONE, "Unanswered: question %s.", "未作答：第 %s 題。") \
	X(LIST_SEP,        ", ", "、") \
	X(REVIEW_TITLE_FULL, "%s (%zu · %s · %s)", "%s（%zu · %s · %s）") \
	X(TERM_NEEDED,     "httptutor: the full-screen interface needs a terminal (%s). Use a terminal with TERM set (e.g. TERM=xterm-256color), or the line commands:", \
	                   "httptutor：全螢幕介面需要終端機（%s）。請在設定了 TERM 的終端機執行（例如 TERM=xterm-256color），或改用文字指令：")

enum msg {
#define I18N_ENUM(id, en, zh) MSG_##id,
	MSG_LIST(I18N_ENUM)
#undef I18N_ENUM
	MSG_COUNT
};

/* The UI string for id in the current language. */
const char *tr(enum msg id);
/* Set / get the current UI language. */
void i18n_set(enum lang l);
enum lang i18n_lang(void);

/* Pick the language: opt ("zh-TW", "zh", "en", … case-insensitive) if given,
 * else LANGUAGE, LC_ALL, LC_MESSAGES, LANG (first set; zh* → zh-TW, else en).
 * Returns false (and *out = LANG_EN) when opt is not a known language. */
bool i18n_pick(const char *opt, enum lang *out);
/* Parse a language name; false when unknown. */
bool i18n_parse(const char *name, enum lang *out);
const char *i18n_name(enum lang l);     /* "en" / "zh-TW" */
/* The format for a count n: one ("%d student: …") when n is 1, else many. */
const char *trn(enum msg one, enum msg many, long n);
/* n in words with the noun in the right number ("1 day", "2 days"): the
 * message one when n is 1, else many, written into buf; returns buf. */
const char *i18n_count(enum msg one, enum msg many, int n, char *buf, size_t size);

/* setlocale(LC_ALL, "") with a fallback to C.UTF-8 when the requested locale is
 * not installed (zh_TW.UTF-8 on a lab server).  Returns true when the resulting
 * codeset is UTF-8; false means ASCII only (show English, no wide chars). */
bool i18n_setup_locale(void);

#endif
