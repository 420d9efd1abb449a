# End-to-end runs in a real terminal: tmux sessions (private server socket)
# running bash; keys go in with send-keys and the screen comes back with
# capture-pane.  Every wait polls the screen with a deadline, never a fixed sleep.
# Sourced by tests/run.sh (ok/bad, $BIN, fixed HTTPTUTOR_USER/NOW, LANG=C.UTF-8).

TM_SOCK=
TM_T=

tm() { TMUX='' tmux -L "$TM_SOCK" -f /dev/null "$@"; }

# tm_start SESSION COLSxROWS: a bash with a plain prompt at that size.
tm_start() {
	local w=${2%x*} h=${2#*x}
	tm new-session -d -s "$1" -x "$w" -y "$h" \
		"env PS1='PROMPT\$ ' HISTFILE=/dev/null bash --norc --noprofile"
	tm set-option -t "$1" status off
	tm_wait "$1" 'PROMPT\$' 10
}

tm_screen() { tm capture-pane -p -t "$1"; }

# tm_wait SESSION ERE [SECONDS=10]: 0 once the screen matches, 1 at the deadline.
tm_wait() {
	local s=$1 pat=$2 ticks i
	ticks=$(awk -v t="${3:-10}" 'BEGIN { print int(t * 20) }')
	for ((i = 0; i < ticks; i++)); do
		tm capture-pane -p -t "$s" 2>/dev/null | grep -qE -e "$pat" && return 0
		sleep 0.05
	done
	return 1
}

# tm_run SESSION COMMAND-LINE: type a command that prints EXIT=<status> after it.
tm_run() { tm send-keys -t "$1" -l "$2; echo EXIT=\$?" && tm send-keys -t "$1" Enter; }

# Pid of the httptutor using database $1 (a unique path), empty when gone.
tm_pid() { pgrep -f -- "--db $1" | head -1; }

# tm_gone DB [SECONDS=2]: 0 once no process uses that database.
tm_gone() {
	local i
	for ((i = 0; i < ${2:-2} * 20; i++)); do
		[ -z "$(tm_pid "$1")" ] && return 0
		sleep 0.05
	done
	return 1
}

# tm_fail NAME WHY SESSION: bad with the screen saved to tests/out.
tm_fail() {
	tm_screen "$3" >"$OUT/tmux-$1.screen" 2>/dev/null
	bad "tmux/$1" "$2 (screen in tests/out/tmux-$1.screen)"
}

# Display columns where each home menu description starts must all agree.
tm_menu_aligned() {
	python3 -c '
import re, sys, unicodedata
def w(s): return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
cols = set(); n = 0
for line in sys.stdin.read().splitlines():
    m = re.match(r"^(\s+[a-z]  \S+\s+)(\S.*)$", line)
    if m:
        n += 1; cols.add(w(m.group(1)))
sys.exit(0 if n == 6 and len(cols) == 1 else 1)'
}

tm_zh_home() {
	local s=zh db=$TM_T/zh.db
	tm_start $s 80x24
	tm_run $s "$BIN --lang zh-TW --db $db"
	if ! tm_wait $s '首頁'; then
		tm_fail zh-home "no Chinese home screen" $s
		return
	fi
	tm_screen $s | tm_menu_aligned && tm_screen $s | grep -q '狀態碼' && tm_screen $s | grep -q '測驗' &&
		ok "tmux/zh-home-aligned" || tm_fail zh-home-aligned "menu descriptions not in one column" $s
	tm send-keys -t $s c
	tm_wait $s '狀態碼 \(' || { tm_fail zh-codes "codes list did not open" $s; return; }
	tm send-keys -t $s / 4 0 3 Enter
	if tm_wait $s '^ *403 \* Forbidden' && [ "$(tm_screen $s | grep -cE '^ *[1-5][0-9]{2} ')" = 1 ]; then
		ok "tmux/zh-codes-search"
	else
		tm_fail zh-codes-search "searching 403 did not leave the one row" $s
	fi
	tm send-keys -t $s Enter
	tm_wait $s '禁止存取' && tm_wait $s '403 Forbidden' &&
		ok "tmux/zh-card" || tm_fail zh-card "the 403 card did not show 禁止存取" $s
	local i
	for i in 1 2 3 4 5 6; do
		tm_wait $s '^EXIT=' 0.3 && break
		tm send-keys -t $s q
	done
	if tm_wait $s '^EXIT=0' 2 && tm_wait $s '^PROMPT\$ *$' 1 && tm_gone "$db" 2 &&
		[ "$(tm display -p -t $s '#{alternate_on}')" = 0 ]; then
		ok "tmux/zh-quit"
	else
		tm_fail zh-quit "q did not bring back the prompt with EXIT=0" $s
	fi
	tm kill-session -t $s
}

tm_locales() {
	local s=loc
	tm_start $s 80x24
	# zh_TW.UTF-8 is not installed here: Chinese must still be chosen and shown.
	tm_run $s "env LANG=zh_TW.UTF-8 LC_ALL= $BIN --db $TM_T/loc1.db"
	tm_wait $s '首頁' && tm_screen $s | grep -q '離開' &&
		ok "tmux/lang-zh_TW-not-installed" || tm_fail lang-zh_TW-not-installed "no Chinese UI" $s
	tm send-keys -t $s q
	tm_wait $s '^EXIT=0' 2 || tm_fail lang-zh_TW-exit "q did not exit 0" $s
	tm send-keys -t $s -l 'clear' && tm send-keys -t $s Enter
	tm_wait $s '^PROMPT\$ *$' 2

	# A non-UTF-8 locale: English, a status line saying so, nothing but ASCII.
	tm_run $s "env LANG=C LC_ALL=C $BIN --db $TM_T/loc2.db"
	if tm_wait $s 'Home' && tm_wait $s 'not UTF-8' 1; then
		local bytes
		bytes=$(tm_screen $s | LC_ALL=C grep -c $'[\x80-\xff]')
		[ "$bytes" = 0 ] && ok "tmux/lang-C-ascii" || tm_fail lang-C-ascii "$bytes screen line(s) with non-ASCII bytes" $s
	else
		tm_fail lang-C-ascii "no English home with the not-UTF-8 message" $s
	fi
	# L cannot show Chinese here: neither the help nor the hint offers it.
	tm send-keys -t $s '?'
	if tm_wait $s 'Keys: ' && ! tm_screen $s | grep -q 'Switch language'; then
		tm send-keys -t $s q
		tm_wait $s 'q: quit' && ! tm_screen $s | grep -q 'L: ' &&
			ok "tmux/lang-C-no-L" || tm_fail lang-C-no-L "the home hint offers L" $s
	else
		tm_fail lang-C-no-L "the help offers L (Switch language)" $s
	fi
	tm send-keys -t $s q
	tm_wait $s '^EXIT=0' 2 || tm_fail lang-C-exit "q did not exit 0" $s
	tm kill-session -t $s
}

# Without colour the selected row is still shown, by reverse video.
tm_nocolor() {
	local s=nc how
	for how in NO_COLOR --no-color; do
		tm_start $s 80x24
		if [ $how = NO_COLOR ]; then
			tm_run $s "env NO_COLOR=1 $BIN --lang en --db $TM_T/nc1.db"
		else
			tm_run $s "$BIN --lang en --no-color --db $TM_T/nc2.db"
		fi
		tm_wait $s 'Quit'
		tm send-keys -t $s Down
		# Poll: under load the redraw after Down may take a moment.
		local esc i
		for ((i = 0; i < 60; i++)); do
			esc=$(tm capture-pane -p -e -t $s)
			grep -qE $'\e\\[([0-9;]*;)?7(;[0-9;]*)?m[^\e]*Codes' <<<"$esc" && break
			sleep 0.05
		done
		if ! grep -qE $'\e\\[([0-9;]*;)?7(;[0-9;]*)?m' <<<"$esc"; then
			tm_fail "nocolor-$how-reverse" "no reverse-video selection" $s
		elif grep -qE $'\e\\[([0-9;]*;)?(3[0-7]|4[0-7]|38;|48;|9[0-7])' <<<"$esc"; then
			tm_fail "nocolor-$how-reverse" "colours used although colour is off" $s
		else
			ok "tmux/nocolor-$how-reverse"
		fi
		tm kill-session -t $s
	done
}

tm_small() {
	local s=small
	tm_start $s 40x10
	tm_run $s "$BIN --lang en --db $TM_T/small.db"
	tm_wait $s 'terminal too small: 40x10' && tm_screen $s | grep -q 'make the window at least 60x16' &&
		ok "tmux/small-message" ||
		tm_fail small-message "no 'terminal too small: 40x10' / 'make the window at least 60x16' at 40x10" $s
	tm resize-window -t $s -x 80 -y 24
	tm_wait $s 'Home' && ! tm_screen $s | grep -q 'too small' && tm_screen $s | grep -q 'Quit' &&
		ok "tmux/small-recovers" || tm_fail small-recovers "home did not come back at 80x24" $s
	tm kill-session -t $s
}

tm_dumb() {
	local s=dumb
	tm_start $s 80x24
	tm_run $s "env TERM=dumb $BIN --lang en --db $TM_T/dumb.db 2>$TM_T/dumb.err"
	if tm_wait $s '^EXIT=1' 3 && grep -q 'TERM' "$TM_T/dumb.err" && grep -q 'quiz --plain' "$TM_T/dumb.err" &&
		! LC_ALL=C grep -q $'\e' "$TM_T/dumb.err" &&
		! tm capture-pane -p -e -t $s | grep -q $'\e'; then
		ok "tmux/term-dumb"
	else
		tm_fail term-dumb "want EXIT=1 and a plain message about TERM; stderr: $(head -c 200 "$TM_T/dumb.err")" $s
	fi
	tm kill-session -t $s
}

# SIGTERM/SIGHUP to the program: it exits at once and leaves the alternate screen.
tm_signals() {
	local s=sig sig db pid i
	for sig in TERM HUP; do
		tm_start $s 80x24
		db=$TM_T/sig-$sig.db
		tm_run $s "$BIN --lang en --db $db"
		tm_wait $s 'Home'
		pid=$(tm_pid "$db")
		if [ -z "$pid" ]; then
			tm_fail "signal-$sig" "program not found" $s
		else
			kill -$sig "$pid"
			if tm_gone "$db" 2 && tm_wait $s '^EXIT=' 2 && tm_wait $s '^PROMPT\$ *$' 1 &&
				[ "$(tm display -p -t $s '#{alternate_on}')" = 0 ] && ! tm_screen $s | grep -q 'Home'; then
				ok "tmux/signal-$sig"
			else
				tm_fail "signal-$sig" "not gone within 2 s with the shell back" $s
			fi
		fi
		tm kill-session -t $s
	done
	# Killing the session hangs up the terminal: no busy loop left behind.
	tm_start $s 80x24
	db=$TM_T/hangup.db
	tm_run $s "$BIN --lang en --db $db"
	tm_wait $s 'Quit'
	for ((i = 0; i < 40; i++)); do
		pid=$(tm_pid "$db")
		[ -n "$pid" ] && break
		sleep 0.05
	done
	tm kill-session -t $s
	[ -n "$pid" ] && tm_gone "$db" 2 && ok "tmux/hangup-session" ||
		bad "tmux/hangup-session" "httptutor (pid ${pid:-none}) still running 2 s after its tmux session was killed"
	pid=$(tm_pid "$db")
	[ -n "$pid" ] && kill -9 "$pid"
}

# A whole quiz: each question answered by its kind (type a code, or pick 1).
tm_quiz() {
	local s=quiz db=$TM_T/quiz.db i n=0 verdicts=0
	tm_start $s 80x24
	tm_run $s "$BIN --lang en --db $db quiz --seed 3 --count 3"
	for i in 1 2 3; do
		if ! tm_wait $s "Quiz +$i/3"; then
			tm_fail quiz-full "question $i/3 not shown" $s
			break
		fi
		if tm_screen $s | grep -q 'Type the status code'; then
			tm send-keys -t $s -l 404
			tm send-keys -t $s Enter
		else
			tm send-keys -t $s 1
			tm_wait $s '(Correct!|Wrong\.)' 1 || tm send-keys -t $s Enter
		fi
		if tm_wait $s '(Correct!|Wrong\. The answer is [1-5][0-9]{2})' && tm_wait $s 'Why' 1; then
			verdicts=$((verdicts + 1))
		fi
		n=$i
		tm send-keys -t $s Enter
	done
	if [ $n = 3 ] && [ $verdicts = 3 ] && tm_wait $s 'Score:'; then
		ok "tmux/quiz-full"
	else
		tm_fail quiz-full "$verdicts verdicts with an explanation for $n questions, or no Score:" $s
	fi
	local _
	for _ in 1 2 3 4 5; do
		tm_wait $s '^EXIT=' 0.3 && break
		tm send-keys -t $s q
	done
	tm_wait $s '^EXIT=0' 2 || tm_fail quiz-exit "quitting after the quiz did not exit 0" $s
	local rows
	rows=$(HTTPTUTOR_DB=$db "$BIN" export --csv 2>/dev/null | tail -n +2 | grep -c '')
	[ "$rows" = 3 ] && ok "tmux/quiz-export" || bad "tmux/quiz-export" "$rows rows exported, want 3"
	tm kill-session -t $s
}

# A timed exam's clock ticks without key presses, and a hang-up still ends
# the program at once while it waits with a timeout.  Starting again after
# the hang-up resumes the same attempt: the answer is kept, the clock is the
# stored deadline (it did not start over at 1:00).
tm_exam_clock() {
	local s=exam db=$TM_T/exam.db first second third cmd
	cmd="$BIN --lang en --db $db exam --seed 9 --count 3 --minutes 1"
	tm_start $s 80x24
	tm_run $s "$cmd"
	tm_wait $s 'Press Enter to start' && tm send-keys -t $s Enter
	if ! tm_wait $s 'Exam seed-9-n3 +⏱ 0[01]:[0-9]{2} +1/3 '; then
		tm_fail exam-clock "no countdown in the exam title" $s
		tm kill-session -t $s
		return
	fi
	first=$(tm_screen $s | grep -o '⏱ [0-9][0-9]:[0-9][0-9]' | head -1)
	sleep 2.2
	second=$(tm_screen $s | grep -o '⏱ [0-9][0-9]:[0-9][0-9]' | head -1)
	[ -n "$second" ] && [ "$first" != "$second" ] && ok "tmux/exam-clock-ticks" ||
		tm_fail exam-clock-ticks "clock stayed at '$first' ('$second') without a key" $s
	tm send-keys -t $s 1
	tm_wait $s 'Answer to question 1 saved' ||
		tm_fail exam-answer-saved "no 'saved' after answering" $s
	tm kill-session -t $s
	tm_gone "$db" 2 && ok "tmux/exam-clock-hangup" ||
		bad "tmux/exam-clock-hangup" "still running 2 s after the hang-up"
	# Come back 5 s later (HTTPTUTOR_NOW fixes the wall clock per process).
	tm_start $s 80x24
	tm_run $s "HTTPTUTOR_NOW=$((HTTPTUTOR_NOW + 5)) $cmd"
	if tm_wait $s 'Resuming attempt 1: 1 of 3 answered' && tm_wait $s 'Exam seed-9-n3 .* 2/3 +answered 1'; then
		third=$(tm_screen $s | grep -o '⏱ [0-9][0-9]:[0-9][0-9]' | head -1)
		if [[ "$third" == "⏱ 00:5"[4-6] ]]; then
			ok "tmux/exam-resume-after-hangup"
		else
			tm_fail exam-resume-after-hangup "clock '$third' after resuming (was '$second')" $s
		fi
	else
		tm_fail exam-resume-after-hangup "the second start did not resume the attempt" $s
	fi
	tm send-keys -t $s q
	tm_wait $s 'Leave the exam\? You can come back until' && tm send-keys -t $s y
	tm_wait $s 'EXIT=0' && ok "tmux/exam-leave-confirmed" ||
		tm_fail exam-leave-confirmed "q, y did not leave with status 0" $s
	# The line it prints is the command that was run, ready to paste.
	tm_wait $s '^  httptutor exam --seed 9 --count 3 --minutes 1$' && ok "tmux/exam-leave-command" ||
		tm_fail exam-leave-command "the command to come back is not the one that was run" $s
	tm kill-session -t $s
}

# The confusion matrix without colour at 80x24: wrong counts underlined,
# right answers on the diagonal bold, nothing coloured, columns aligned.
tm_mixups() {
	local s=mix db=$TM_T/mix.db esc
	HTTPTUTOR_DB=$db "$BIN" review --plain </dev/null >/dev/null 2>&1
	sqlite3 "$db" <"$ROOT/tests/data/screen/mixups.sql"
	tm_start $s 80x24
	tm_run $s "env NO_COLOR=1 $BIN --lang en --db $db"
	tm_wait $s 'Quit'
	tm send-keys -t $s p
	tm_wait $s 'Mixed up most' || { tm_fail mixups-progress "no 'Mixed up most'" $s; tm kill-session -t $s; return; }
	tm send-keys -t $s NPage
	if ! tm_wait $s '^  401 +· +· +· +1 +4 +1 '; then
		tm_fail mixups-matrix "the 401 row is not aligned under its columns" $s
	else
		local row
		row=$(tm_screen $s | grep -n '^  401' | cut -d: -f1)
		esc=$(tm capture-pane -p -e -t $s | sed -n "${row}p")
		if ! grep -qE $'\e\\[([0-9;]*;)?4(;[0-9;]*)?m +4( |\e|$)' <<<"$esc"; then
			tm_fail mixups-matrix "the wrong count 4 is not underlined: $(cat -v <<<"$esc")" $s
		elif grep -qE $'\e\\[([0-9;]*;)?(3[0-7]|38;|9[0-7])' <<<"$esc"; then
			tm_fail mixups-matrix "colours used although NO_COLOR is set" $s
		else
			ok tmux/mixups-matrix-nocolor
		fi
	fi
	tm send-keys -t $s q q
	tm_wait $s '^EXIT=0' 5 || tm_fail mixups-exit "q q did not exit 0" $s
	tm kill-session -t $s
}

# The full screen ends an attempt when its time runs out, without a key:
# an attempt started 58 s before a 1-minute limit is resumed and then ends.
tm_exam_timeup() {
	local s=examtu db=$TM_T/examtu.db
	printf '' | HTTPTUTOR_NOW=$((HTTPTUTOR_NOW - 58)) "$BIN" --db "$db" exam --seed 4 --count 3 \
		--minutes 1 >/dev/null 2>&1
	tm_start $s 80x24
	tm_run $s "$BIN --lang en --db $db exam --seed 4 --count 3 --minutes 1"
	if tm_wait $s 'Resuming attempt 1' 5 && tm_wait $s '^ +Time is up$' 6 &&
		tm_wait $s 'Score: 0/3' 1; then
		ok "tmux/exam-time-up-on-screen"
	else
		tm_fail exam-time-up-on-screen "the attempt did not end at its deadline" $s
	fi
	tm send-keys -t $s q
	tm_wait $s 'EXIT=0' 3 || tm_fail exam-time-up-quit "q did not leave the end page" $s
	tm kill-session -t $s
}

# The reader's search says which way it wrapped: n past the last match goes
# on from the top, N past the first from the end (QA-5a #10: zh-TW said
# "from the top" both ways).
tm_reader_wrap() {
	local s=wrap db=$TM_T/wrap.db lang top end
	for lang in zh-TW en; do
		if [ $lang = en ]; then top='search wrapped to the top' end='search wrapped to the end'
		else top='已搜到結尾，從開頭繼續' end='已搜到開頭，從結尾繼續'; fi
		tm_start $s 80x24
		tm_run $s "$BIN --lang $lang --db $db read 1"
		tm_wait $s '/[0-9]+ \(' || { tm_fail "reader-wrap-$lang" "no reader" $s; tm kill-session -t $s; continue; }
		tm send-keys -t $s / && tm send-keys -t $s -l 'HTTP' && tm send-keys -t $s Enter
		sleep 0.2
		tm send-keys -t $s N
		tm_wait $s "$end" 3 && ok "tmux/reader-wrap-back-$lang" ||
			tm_fail "reader-wrap-back-$lang" "N past the first match did not say '$end'" $s
		tm send-keys -t $s n
		tm_wait $s "$top" 3 && ok "tmux/reader-wrap-on-$lang" ||
			tm_fail "reader-wrap-on-$lang" "n past the last match did not say '$top'" $s
		tm kill-session -t $s
	done
}

run_tmux() {
	if ! command -v tmux >/dev/null; then
		bad "tmux/available" "tmux is not installed"
		return
	fi
	TM_SOCK=httptutor-test-$$
	TM_T=$(mktemp -d)
	# A session that lives for the whole run: killing a test's last session
	# would otherwise stop the server while the next test connects to it.
	tm new-session -d -s keeper -x 80 -y 24 "sleep 600"
	tm_zh_home
	tm_locales
	tm_nocolor
	tm_mixups
	tm_small
	tm_dumb
	tm_signals
	tm_quiz
	tm_exam_clock
	tm_exam_timeup
	tm_reader_wrap
	tm kill-server 2>/dev/null
	rm -rf "$TM_T"
}
