# Exam tests: a teacher's exam from `exam new` to the report, as separate
# processes on one database — secret seed, fixed paper, per-student shuffle,
# deferred feedback, attempts, resume after EOF, kill -9 and the deadline,
# closing, and the report's numbers against hand-computed ones in every
# format.  Sourced by tests/run.sh (ok/bad, $BIN, HTTPTUTOR_NOW, LANG=C.UTF-8).

EX_T=
# Runs use cli.sh's cli_x/cli_xin (stdout, stderr and status in $CLI_T/out,
# $CLI_T/err and $CLI_RC); run_exam points CLI_T at this group's folder.

# ex_check NAME RC [out|err ERE]… ; "!out ERE" must NOT match.  Results are
# named EX_GROUP/NAME (exam unless set) and read from $EX_T/out and err.
ex_check() {
	local name=$1 want=$2
	shift 2
	if [ "$CLI_RC" != "$want" ]; then
		bad "${EX_GROUP:-exam}/$name" "exit $CLI_RC, want $want; stderr: $(head -c 300 "$EX_T/err")"
		return 1
	fi
	while [ $# -ge 2 ]; do
		local where=${1#!} neg=
		[ "$1" != "$where" ] && neg=1
		if grep -qE -e "$2" "$EX_T/$where"; then
			[ -n "$neg" ] && { bad "${EX_GROUP:-exam}/$name" "std$where has /$2/: $(grep -m1 -E -e "$2" "$EX_T/$where" | head -c 200)"; return 1; }
		else
			[ -z "$neg" ] && { bad "${EX_GROUP:-exam}/$name" "no /$2/ in std$where: $(head -c 300 "$EX_T/$where")"; return 1; }
		fi
		shift 2
	done
	ok "${EX_GROUP:-exam}/$name"
}

# ex_py NAME SCRIPT ARGS…: ok when the python check prints nothing and exits 0.
ex_py() {
	local name=$1 why
	shift
	why=$(python3 -c "$1" "${@:2}" 2>&1) && [ -z "$why" ] && ok "exam/$name" || bad "exam/$name" "$why"
}

# The right answers of an exam's paper, in paper order.
ex_expected() {
	sqlite3 "$1" "SELECT expected FROM exam_question WHERE exam_id = '$2' ORDER BY pos"
}

# The codes offered for question POS ($3) of exam $2 in database $1, as words:
# a code that was not offered is asked again, so a wrong answer is one of these.
ex_choices() {
	sqlite3 "$1" "SELECT choices FROM exam_question WHERE exam_id = '$2' AND pos = $3" | tr ',' ' '
}

# A wrong answer for expected $1: the first code of $2… that is not it.
ex_wrong() {
	local e=$1 c
	shift
	for c in "$@"; do [ "$c" != "$e" ] && { echo "$c"; return; }; done
}

ex_make() {
	local d=$EX_T db=$EX_T/make.db seed
	cli_x --db "$db" --user teacher exam new midterm --count 6 --minutes 20 --type pick,meaning,header
	ex_check new-prints-command 0 out '^  httptutor exam midterm$' out '6 questions, 20 min'
	seed=$(sqlite3 "$db" "SELECT seed FROM exam WHERE id = 'midterm'")
	local useed
	useed=$(python3 -c 'import sys; print(int(sys.argv[1]) % (1 << 64))' "$seed")
	# The seed appears nowhere a student or teacher reads.
	cp "$d/out" "$d/seedcheck"
	cli_x --db "$db" exams
	cat "$d/out" >>"$d/seedcheck"
	cli_x --db "$db" exams --json
	cat "$d/out" >>"$d/seedcheck"
	cli_xin '1\n' --db "$db" --user ann exam midterm
	cat "$d/out" "$d/err" >>"$d/seedcheck"
	cli_x --db "$db" report --exam midterm --json
	cat "$d/out" >>"$d/seedcheck"
	cli_x --db "$db" report --exam midterm --html "$d/seed.html"
	cat "$d/seed.html" >>"$d/seedcheck"
	if [ -n "$seed" ] && ! grep -qF -e "$seed" "$d/seedcheck" && ! grep -qF -e "$useed" "$d/seedcheck"; then
		ok "exam/seed-never-shown"
	else
		bad "exam/seed-never-shown" "seed '$seed' found in the output"
	fi

	cli_x --db "$db" --user teacher exam new midterm --count 3
	ex_check new-name-taken 1 err "already an exam 'midterm'"
	cli_x --db "$db" exam new 'bad name' --count 3
	ex_check new-bad-name 2 err "cannot be an exam name"
	cli_x --db "$db" exam new seed-1-n3 --count 3
	ex_check new-practice-name 2 err "cannot be an exam name"
	cli_x --db "$db" exam new x --count 3 --seed 5
	ex_check new-seed-refused 2 err 'secret seed'
	cli_x --db "$db" exam new x --count 3 --closes 12:61
	ex_check new-closes-bad 2 err "--closes takes"
	cli_x --db "$db" exam new x --count 3 --closes 2020-01-01T10:00
	ex_check new-closes-past 2 err 'not in the future'
	cli_x --db "$db" exam new x --count 900 --type header
	ex_check new-too-few 1 err 'only [0-9]+ questions match --type header; ask for --count [0-9]+ or fewer'
	cli_x --db "$db" exam new x
	ex_check new-needs-count 2 err 'exam new needs --count'
	cli_x --db "$db" exam midterm --count 3
	ex_check take-no-quiz-options 2 err 'fixed by its teacher'
	cli_x --db "$db" exam nosuch --plain
	ex_check take-unknown 1 err "no exam 'nosuch'"
	cli_x --db "$db" exams
	ex_check exams-list 0 out '^Name +Questions +Minutes +Opened +Closes +Started +Ended$' \
		out '^midterm +6 +20 +[0-9-]+ [0-9:]+ +- +1 +0$'
	cli_x --db "$db" exams --json
	ex_py exams-json 'import json,sys
e = json.load(open(sys.argv[1]))["exams"]
assert len(e) == 1, e
x = e[0]
assert x["name"] == "midterm" and x["questions"] == 6 and x["minutes"] == 20, x
assert x["started"] == 1 and x["in_progress"] == 1 and x["finished"] == 0 and x["ended"] == 0, x
assert x["feedback"] == "closed" and x["attempts"] == 1 and x["shuffle"] is True, x
assert "seed" not in x' "$d/out"
}

# Everyone gets the same questions, in an order of their own.
ex_shuffle() {
	local db=$EX_T/shuf.db u
	cli_x --db "$db" --user teacher exam new shuf --count 8 --type pick
	for u in ann bob; do
		cli_xin '' --db "$db" --user "$u" exam shuf
		grep -A1 '^\[[0-9]/8\]' "$EX_T/out" | grep -v '^\[' | grep -v '^--$' >"$EX_T/$u.order"
		grep -E '^  [1-4]\) ' "$EX_T/out" >"$EX_T/$u.choices"
	done
	if [ "$(wc -l <"$EX_T/ann.order")" = 1 ] && [ "$(wc -l <"$EX_T/bob.order")" = 1 ]; then
		: # EOF at once: only the first question was shown; see all below
	fi
	# Walk every question with Enter (skip) to see the whole order.
	for u in ann bob; do
		cli_xin '\n\n\n\n\n\n\n\n' --db "$db" --user "$u" exam shuf
		grep -A1 '^\[[0-9]/8\]' "$EX_T/out" | grep -vE '^(\[|--$)' >"$EX_T/$u.order"
	done
	if [ "$(sort "$EX_T/ann.order")" = "$(sort "$EX_T/bob.order")" ] &&
		[ "$(wc -l <"$EX_T/ann.order")" = 8 ] && ! cmp -s "$EX_T/ann.order" "$EX_T/bob.order"; then
		ok "exam/shuffle-same-questions-other-order"
	else
		bad "exam/shuffle-same-questions-other-order" "ann and bob: $(wc -l <"$EX_T/ann.order")/$(wc -l <"$EX_T/bob.order") questions; same order: $(cmp -s "$EX_T/ann.order" "$EX_T/bob.order" && echo yes || echo no)"
	fi
	# A student's order is the same on every start.
	cli_xin '\n\n\n\n\n\n\n\n' --db "$db" --user ann exam shuf
	grep -A1 '^\[[0-9]/8\]' "$EX_T/out" | grep -vE '^(\[|--$)' >"$EX_T/ann2.order"
	cmp -s "$EX_T/ann.order" "$EX_T/ann2.order" && ok "exam/shuffle-stable-on-resume" ||
		bad "exam/shuffle-stable-on-resume" "ann's order changed between starts"
	# --no-shuffle: the paper's order for everyone.
	cli_x --db "$db" --user teacher exam new same --count 8 --type pick --no-shuffle
	for u in ann bob; do
		cli_xin '\n\n\n\n\n\n\n\n' --db "$db" --user "$u" exam same
		grep -A1 '^\[[0-9]/8\]' "$EX_T/out" | grep -vE '^(\[|--$)' >"$EX_T/$u.same"
		grep -E '^  [1-4]\) ' "$EX_T/out" >"$EX_T/$u.samech"
	done
	cmp -s "$EX_T/ann.same" "$EX_T/bob.same" && cmp -s "$EX_T/ann.samech" "$EX_T/bob.samech" &&
		ok "exam/no-shuffle-same-order" || bad "exam/no-shuffle-same-order" "orders differ without shuffle"
}

# Nothing right or wrong before the end; the end shows what the exam allows.
ex_feedback() {
	# A verdict starts a line or follows a prompt; question texts are indented.
	local db=$EX_T/fb.db verdict='(^|> )(Correct|Wrong|Why|Not answered|答對|答錯|為什麼|未作答|[✓✗])'
	cli_x --db "$db" --user teacher exam new closedfb --count 4 --type pick,meaning,header
	cli_x --db "$db" --user teacher exam new endfb --count 4 --feedback end --type pick,meaning,header
	cli_x --db "$db" --user teacher exam new neverfb --count 4 --feedback never --type pick,meaning,header
	cli_xin '1\n2\n1\n3\nfinish\ny\n' --db "$db" --user ann exam closedfb
	sed '/Finish the exam?/,$d' "$EX_T/out" >"$EX_T/before"
	if grep -qE -e "$verdict" "$EX_T/before"; then
		bad "exam/no-verdict-before-end" "$(grep -m1 -E -e "$verdict" "$EX_T/before")"
	elif ! grep -q 'Saved: ' "$EX_T/before"; then
		bad "exam/no-verdict-before-end" "no 'Saved:' line"
	else
		ok "exam/no-verdict-before-end"
	fi
	ex_check closed-end-page 0 out '^Exam finished\.$' out '^Score: [0-4]/4 ' \
		out 'Results per question are shown after the teacher closes the exam' !out "$verdict"
	cli_xin '1\n2\n1\n3\nfinish\ny\n' --db "$db" --user ann --lang zh-TW exam neverfb
	ex_check never-end-page 0 out '^考試結束' out '不公布每題的結果' !out "$verdict"
	cli_xin '1\n2\n1\n3\nfinish\ny\n' --db "$db" --user ann exam endfb
	ex_check end-shows-results 0 out '^Exam finished\.$' out '^(Correct!|Wrong: you answered)' out '^Why:'
	# feedback closed: once the teacher closes it, the results are there.
	cli_x --db "$db" --user teacher exam close closedfb
	ex_check close-now 0 out 'Exam closedfb closed at'
	cli_x --db "$db" --user ann exam closedfb --plain
	ex_check closed-results-after-close 0 out '^Exam finished\.$' out '^(Correct!|Wrong: you answered|Not answered)'
	# The learner's own export hides what is still sealed.
	cli_x --db "$db" --user ann export --json
	ex_py export-sealed 'import json,sys
rows = json.load(open(sys.argv[1]))
by = {}
for r in rows:
    by.setdefault(r["exam"], []).append(r)
assert set(by) == {"closedfb", "neverfb", "endfb"}, set(by)
for r in by["neverfb"]:
    assert r["expected"] is None and r["correct"] is None, r
for name in ("endfb", "closedfb"):
    for r in by[name]:
        assert r["expected"] and r["correct"] in (0, 1), r
for r in rows:
    assert isinstance(r["id"], int) and isinstance(r["ms"], int) and isinstance(r["session"], int), r' "$EX_T/out"
	cli_x --db "$db" --user ann export --csv
	ex_py export-exam-column 'import csv,sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert rows and all(r["exam"] in ("closedfb", "neverfb", "endfb") for r in rows), rows[:1]
assert list(rows[0])[-1] == "exam"' "$EX_T/out"
}

# Resume after EOF and kill -9; the deadline is the stored one.
ex_resume() {
	local db=$EX_T/res.db pid fed n
	cli_x --db "$db" --user teacher exam new timed --count 5 --minutes 5 --type pick,meaning,header
	COLUMNS=200 cli_xin '1\n2\n' --db "$db" --user ann exam timed
	ex_check leave-on-eof 0 out 'Saved: ' out 'You left the exam; your answers are kept' \
		out 'To go on before [0-9:]+, run:$' out '^  httptutor exam timed$' !out '^Score'
	# At 40 columns the command is still whole, on a line of its own.
	COLUMNS=40 cli_xin '' --db "$db" --user ann exam timed
	ex_check leave-command-whole-40 0 out '^  httptutor exam timed$'
	cli_xin '' --db "$db" --user ann exam timed
	ex_check resume-after-eof 0 out '^Resuming attempt 1: 2 of 5 answered' out '^\[3/5\]' \
		out '^05:00 left > '
	HTTPTUTOR_NOW=$((HTTPTUTOR_NOW + 120)) cli_xin '' --db "$db" --user ann exam timed
	ex_check resume-keeps-deadline 0 out '^Resuming attempt 1' out '^03:00 left > '

	# kill -9 between answers: every saved answer is there on the next start.
	mkfifo "$EX_T/fifo"
	"$BIN" --db "$db" --user bob exam timed <"$EX_T/fifo" >"$EX_T/kill.out" 2>&1 &
	pid=$!
	exec 8<>"$EX_T/fifo"
	fed=0
	for n in 1 2 3; do
		echo 1 >&8
		cli_wait_lines "$EX_T/kill.out" "$n" 'Saved: ' && fed=$n
	done
	kill -9 "$pid" 2>/dev/null
	{ wait "$pid"; } 2>/dev/null
	exec 8>&-
	cli_xin '' --db "$db" --user bob exam timed
	[ "$fed" = 3 ] && ex_check resume-after-kill9 0 out '^Resuming attempt 1: 3 of 5 answered' ||
		bad "exam/resume-after-kill9" "only $fed answers confirmed before the kill"

	# After the deadline: the attempt ends where it stands.
	HTTPTUTOR_NOW=$((HTTPTUTOR_NOW + 301)) cli_xin '' --db "$db" --user ann exam timed
	ex_check after-deadline 0 out '^Time is up\.$' out '^Score: [0-2]/5 \(' !out 'left >'
	HTTPTUTOR_NOW=$((HTTPTUTOR_NOW + 400)) cli_xin '1\n' --db "$db" --user ann exam timed
	ex_check one-attempt 0 out '^Time is up\.$' !out 'Start attempt' !out 'left >'
	cli_x --db "$db" report --exam timed --json
	ex_py deadline-in-report 'import json,sys
r = json.load(open(sys.argv[1]))
s = {x["name"]: x for x in r["students"]}
a = s["ann"]
assert a["status"] == "timed out" and a["answered"] == 2 and a["duration_s"] == 300, a
assert s["bob"]["answered"] == 3, s["bob"]' "$EX_T/out"

	# The time runs out while the prompt waits: the exam ends by itself.
	cli_x --db "$db" --user teacher exam new short --count 3 --minutes 1 --type pick
	HTTPTUTOR_NOW=$((HTTPTUTOR_NOW - 58)) cli_xin '' --db "$db" --user ivy exam short
	local t1=$SECONDS
	timeout 20 "$BIN" --db "$db" --user ivy exam short >"$EX_T/out" 2>"$EX_T/err" < <(sleep 8)
	CLI_RC=$?
	[ $((SECONDS - t1)) -le 6 ] || CLI_RC="$CLI_RC (after $((SECONDS - t1)) s, not at the deadline)"
	ex_check time-up-while-waiting 0 out '^Resuming attempt 1' out '^Time is up\.$' out '^Score: 0/3 '

	# Answers given in time but read after it: the next answer is refused.
	cli_x --db "$db" --user teacher exam new quick --count 3 --minutes 1 --attempts 2 --type pick
	mkfifo "$EX_T/fifo2"
	HTTPTUTOR_NOW=$((HTTPTUTOR_NOW)) "$BIN" --db "$db" --user cy exam quick <"$EX_T/fifo2" >"$EX_T/late.out" 2>&1 &
	pid=$!
	exec 8<>"$EX_T/fifo2"
	echo 1 >&8
	cli_wait_lines "$EX_T/late.out" 1 'Saved: '
	# Two attempts: after time is up a second start offers attempt 2.
	kill -9 "$pid" 2>/dev/null
	{ wait "$pid"; } 2>/dev/null
	exec 8>&-
	HTTPTUTOR_NOW=$((HTTPTUTOR_NOW + 61)) cli_xin 'y\n' --db "$db" --user cy exam quick
	ex_check second-attempt-offered 0 out '^Time is up\.$' out 'Start attempt 2 now\? y/n' \
		out '^Exam quick: 3 questions, 1 min, until [0-9:]+, attempt 2 of 2\.$'
}

# Moving between questions and changing answers: the last one counts.
ex_change() {
	local db=$EX_T/chg.db e w w2
	cli_x --db "$db" --user teacher exam new chg --count 3 --type pick --no-shuffle --feedback end
	mapfile -t e < <(ex_expected "$db" chg)
	w=$(ex_wrong "${e[0]}" $(ex_choices "$db" chg 0))
	w2=$(ex_wrong "${e[1]}" $(ex_choices "$db" chg 1))
	cli_xin "${e[0]}\n${e[1]}\nback 1\n$w\nback 1\n${e[0]}\nback 2\n$w2\nfinish\ny\n" --db "$db" --user dee exam chg
	ex_check back-and-change 0 out '^Your answer: ' out '^Exam finished\.$' out '^Score: 1/3 '
	cli_x --db "$db" report --exam chg --json
	ex_py last-answer-counts 'import json,sys
r = json.load(open(sys.argv[1]))
d = r["students"][0]
g = [a["given"] for a in d["answers"]]
assert g[0] == sys.argv[2] and g[1] == sys.argv[3] and g[2] is None, g
assert d["score"] == 1 and [a["correct"] for a in d["answers"]] == [True, False, None], d' "$EX_T/out" "${e[0]}" "$w2"
	[ "$(sqlite3 "$db" 'SELECT count(*) FROM answer')" = 5 ] && ok "exam/log-keeps-every-answer" ||
		bad "exam/log-keeps-every-answer" "$(sqlite3 "$db" 'SELECT count(*) FROM answer') rows, want 5"
	# Progress counts the final answers only once the attempt has ended.
	cli_x --db "$db" --user dee stats --json
	ex_py progress-final-only 'import json,sys
s = json.load(open(sys.argv[1]))
assert s["answers"] == 2 and s["correct"] == 1, s' "$EX_T/out"
}

# Closing: at a set time, or now; open attempts end as "closed".
ex_close() {
	local db=$EX_T/close.db
	cli_x --db "$db" --user teacher exam new later --count 3 --closes +30m --type pick
	cli_xin '1\n' --db "$db" --user eve exam later
	ex_check closes-in-header 0 out 'until [0-9:]+, attempt 1 of 1\.$'
	HTTPTUTOR_NOW=$((HTTPTUTOR_NOW + 1801)) cli_xin '' --db "$db" --user eve exam later
	ex_check closes-at-set-time 0 out '^The exam has closed\.$'
	HTTPTUTOR_NOW=$((HTTPTUTOR_NOW + 1801)) cli_xin '' --db "$db" --user fox exam later
	ex_check closed-no-start 1 err 'exam later closed at'
	cli_x --db "$db" --user teacher exam new now --count 3 --type pick
	cli_xin '1\n' --db "$db" --user eve exam now
	cli_x --db "$db" --user teacher exam close now
	ex_check close-command 0 out 'closed at .*open attempts have ended'
	cli_x --db "$db" --user teacher exam close now
	ex_check close-twice 1 err 'closed already'
	cli_x --db "$db" report --exam now --csv
	ex_py closed-in-report 'import csv,sys
rows = [r for r in csv.DictReader(open(sys.argv[1], newline="")) if r["scope"] == "student"]
assert [(r["student"], r["status"]) for r in rows] == [("eve", "closed")], rows' "$EX_T/out"
	cli_x --db "$db" --user teacher exam close nosuch
	ex_check close-unknown 1 err "no exam 'nosuch'"
	# A past --closes is refused as exam new refuses it, and closes nothing
	# (QA-5b #6: it said "closed at 2020-01-01 10:00" and closed now).
	cli_x --db "$db" --user teacher exam new past --count 3 --type pick
	cli_xin '1\n' --db "$db" --user eve exam past
	cli_x --db "$db" --user teacher exam close past --closes '2020-01-01 10:00'
	ex_check close-past-refused 2 \
		err "^httptutor: --closes 2020-01-01 10:00 is not in the future; to close it now, run: httptutor exam close past$" \
		!out 'closed'
	cli_x --lang zh-TW --db "$db" --user teacher exam close past --closes 00:00
	ex_check close-past-refused-zh 2 err '不是未來的時間；要現在關閉，請執行：httptutor exam close past$'
	cli_x --db "$db" --user teacher exam close past
	ex_check close-past-left-open 0 out '^Exam past closed at [0-9:]+: open attempts have ended\.$'
}

# Counts in the reports say "1 student", "1 question" (QA-5b #11: "1 students").
ex_plural() {
	local db=$EX_T/plural.db
	cli_x --db "$db" --user teacher exam new single --count 1 --type pick
	ex_check plural-made 0 out '^Made exam single in .*: 1 question, 1 attempt each' !out '1 questions'
	cli_xin '1\n' --db "$db" --user eve exam single
	ex_check plural-plain-head 0 out '^Exam single: 1 question' !out '1 questions'
	cli_x --lang en --db "$db" report --exam single
	ex_check plural-report 0 out '^Exam single: 1 question, results' \
		out '^1 student: 0 finished, 0 timed out, 1 in progress, 0 not started\.$' \
		!out '1 students|1 questions'
	cli_x --lang en --db "$db" report --exam single --html "$EX_T/single.html"
	cp "$EX_T/single.html" "$EX_T/out"
	ex_check plural-html 0 out 'Exam single: 1 question,' out '<span id="n-students">1</span> student:' \
		!out '1 questions|</span> students'
	cli_x --db "$db" --user teacher exam close single
	COLUMNS=200 cli_x --lang en --db "$db" report --exam single
	ex_check plural-report-closed 0 \
		out '^1 student: 0 finished, 0 timed out, 0 in progress, 0 not started, 1 stopped when it closed; ' \
		!out '1 students'
}

# A content edit after `exam new` does not change the paper.
ex_content_edit() {
	local c=$EX_T/content db=$EX_T/edit.db
	rm -rf "$c" && cp -r "$ROOT/content" "$c"
	cli_x --content "$c" --db "$db" --user teacher exam new fixed --count 4 --type pick --no-shuffle
	cli_xin '\n\n\n\n' --content "$c" --db "$db" --user gil exam fixed
	grep -A1 '^\[[0-9]/4\]' "$EX_T/out" | grep -vE '^(\[|--$)' >"$EX_T/before.txt"
	ex_expected "$db" fixed >"$EX_T/before.exp"
	# Every English situation gets new words, and the scenarios are reordered.
	python3 - "$c" <<'EOF'
import glob, re, sys
for f in glob.glob(sys.argv[1] + "/scenarios/*.yaml"):
    s = open(f, encoding="utf-8").read()
    s = re.sub(r"(\n    situation: [>|]-?\n      )", r"\1EDITED LATER. ", s)
    open(f, "w", encoding="utf-8").write(s)
EOF
	cli_x lint "$c"
	if [ "$CLI_RC" != 0 ] || ! grep -rq 'EDITED LATER' "$c/scenarios"; then
		bad "exam/content-edit" "could not edit the content copy: $(head -c 200 "$EX_T/out")"
		return
	fi
	cli_xin '\n\n\n\n' --content "$c" --db "$db" --user hal exam fixed
	grep -A1 '^\[[0-9]/4\]' "$EX_T/out" | grep -vE '^(\[|--$)' >"$EX_T/after.txt"
	if cmp -s "$EX_T/before.txt" "$EX_T/after.txt" && ! grep -q 'EDITED LATER' "$EX_T/out" &&
		[ "$(ex_expected "$db" fixed)" = "$(cat "$EX_T/before.exp")" ]; then
		ok "exam/content-edit-keeps-paper"
	else
		bad "exam/content-edit-keeps-paper" "the paper changed after a content edit"
	fi
	# A new exam made now does see the edit.
	cli_x --content "$c" --db "$db" --user teacher exam new fresh --count 200 --type pick
	cli_xin '\n' --content "$c" --db "$db" --user hal exam fresh
	grep -q 'EDITED LATER' "$EX_T/out" && ok "exam/content-edit-new-exam" ||
		bad "exam/content-edit-new-exam" "a new exam did not use the edited content"
}

# The report against numbers worked out by hand.  Paper order (no shuffle),
# answers typed as codes:
#   alice  E0 E1 E2 E3           finished  4/4
#   bob    E0 X1 -  E3           finished  2/4
#   carol  X0 X1 X2 X3           finished  0/4
#   dan    E0 (then leaves)      in progress
#   erin   E0 E1, an hour early  timed out 2/4 (started T0-3600, 30 min)
#   frank  only in the roster    not started
# Per question (of the 5 who started): right 4, 2, 1, 2 → 80, 40, 20, 40 %;
# most common wrong: X0 ×1, X1 ×2, X2 ×1, X3 ×1.  Ended: 4, mean 8/4 = 2.0 (50 %).
ex_report() {
	local db=$EX_T/rep.db e x1 x0 x2 x3 t0=$HTTPTUTOR_NOW
	cli_x --db "$db" --user teacher exam new quiz4 --count 4 --type pick --no-shuffle --feedback end --minutes 30
	mapfile -t e < <(ex_expected "$db" quiz4)
	x0=$(ex_wrong "${e[0]}" $(ex_choices "$db" quiz4 0))
	x1=$(ex_wrong "${e[1]}" $(ex_choices "$db" quiz4 1))
	x2=$(ex_wrong "${e[2]}" $(ex_choices "$db" quiz4 2))
	x3=$(ex_wrong "${e[3]}" $(ex_choices "$db" quiz4 3))
	HTTPTUTOR_NOW=$((t0 - 3600)) cli_xin "${e[0]}\n${e[1]}\n" --db "$db" --user erin exam quiz4
	cli_xin "${e[0]}\n${e[1]}\n${e[2]}\n${e[3]}\nfinish\ny\n" --db "$db" --user alice exam quiz4
	cli_xin "${e[0]}\n$x1\n\n${e[3]}\nfinish\ny\n" --db "$db" --user bob exam quiz4
	cli_xin "$x0\n$x1\n$x2\n$x3\nfinish\ny\n" --db "$db" --user carol exam quiz4
	cli_xin "${e[0]}\n" --db "$db" --user dan exam quiz4
	printf 'alice\nbob\n# a comment\n\ncarol\ndan\nerin\nfrank\n' >"$EX_T/roster.txt"
	local at=$((t0 + 600))
	HTTPTUTOR_NOW=$at cli_x --db "$db" report --exam quiz4 --roster "$EX_T/roster.txt" --json
	cp "$EX_T/out" "$EX_T/rep.json"
	ex_py report-json-by-hand 'import json,sys
r = json.load(open(sys.argv[1]))
x1, x2, x3, t0, x0 = sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6]
s = {x["name"]: x for x in r["students"]}
want = {"alice": ("finished", 4, 100), "bob": ("finished", 2, 50), "carol": ("finished", 0, 0),
        "dan": ("in progress", None, None), "erin": ("timed out", 2, 50), "frank": ("not started", None, None)}
for n, (st, sc, pc) in want.items():
    assert (s[n]["status"], s[n]["score"], s[n]["percent"]) == (st, sc, pc), (n, s[n])
# QA 4b D11: no score until the attempt ends, in every format; how many are answered instead.
assert s["dan"]["answered"] == 1 and s["bob"]["answered"] == 3, (s["dan"], s["bob"])
assert [x["name"] for x in r["students"]] == sorted(want)
assert s["erin"]["duration_s"] == 1800 and s["erin"]["started"] == "2025-11-21T23:00:00Z", s["erin"]
assert s["alice"]["started"] == "2025-11-22T00:00:00Z" and s["dan"]["finished"] is None
assert s["frank"]["answers"] == [] and s["frank"]["attempts"] == 0 and s["alice"]["attempts"] == 1
assert [a["correct"] for a in s["bob"]["answers"]] == [True, False, None, True]
q = r["questions"]
assert [(x["right"], x["sat"], x["share"]) for x in q] == [(4, 5, 80), (2, 5, 40), (1, 5, 20), (2, 5, 40)], q
assert [(x["top_wrong"], x["top_wrong_count"]) for x in q] == [(x0, 1), (x1, 2), (x2, 1), (x3, 1)], q
assert all(isinstance(x["text"], str) and len(x["text"]) > 20 for x in q)
m = r["summary"]
assert (m["students"], m["finished"], m["timed_out"], m["in_progress"], m["not_started"], m["ended"]) == (6, 3, 1, 1, 1, 4), m
assert m["mean_score"] == 2.0, m
assert [h["students"] for h in r["histogram"]] == [1, 0, 2, 0, 1], r["histogram"]
assert r["exam"]["questions"] == 4 and r["exam"]["minutes"] == 30 and r["exam"]["feedback"] == "end"' \
		"$EX_T/rep.json" "$x1" "$x2" "$x3" "$t0" "$x0"

	HTTPTUTOR_NOW=$at cli_x --db "$db" report --exam quiz4 --roster "$EX_T/roster.txt" --csv
	ex_py report-csv-by-hand 'import csv,json,sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
j = json.load(open(sys.argv[2]))
st = {r["student"]: r for r in rows if r["scope"] == "student"}
for s in j["students"]:
    c = st[s["name"]]
    for k in ("status", "score", "percent", "duration_s", "attempts", "started", "finished",
              "answered"):
        want = "" if s[k] is None or (k == "answered" and s["status"] == "not started") else str(s[k])
        assert c[k] == want, (s["name"], k, c[k], want)
qs = [r for r in rows if r["scope"] == "question"]
for q, c in zip(j["questions"], qs):
    for k in ("right", "answered", "sat", "share", "top_wrong", "top_wrong_count"):
        want = "" if q[k] is None else str(q[k])
        assert c[k] == want, (q["question"], k, c[k], want)
ans = [r for r in rows if r["scope"] == "answer" and r["student"] == "bob"]
assert [a["correct"] for a in ans] == ["1", "0", "", "1"], ans' "$EX_T/out" "$EX_T/rep.json"

	HTTPTUTOR_NOW=$at COLUMNS=80 cli_x --db "$db" report --exam quiz4 --roster "$EX_T/roster.txt"
	ex_check report-text-by-hand 0 \
		out '^6 students: 3 finished, 1 timed out, 1 in progress, 1 not started; mean score$' \
		out '^2\.0/4 \(50%\) over the 4 who ended\.$' \
		out '^alice +finished +4/4 +100 +00:00 +00:00 ' out '^bob +finished +2/4 +50 ' \
		out '^carol +finished +0/4 +0 ' out '^dan +in progress · 1/4 +- +- +00:00 +- +- +1$' \
		out '^erin +timed out +2/4 +50 +11-21 23:00 +11-21 23:30 +30:00 +1$' \
		out '^frank +not started +- +- +- +- +- +0$' !out 'Check these' \
		out "^ *2 .* 40% .*$x1 ×2\$" out '^ *1 .* 80% ' \
		out '^  alice +✓✓✓✓$' out '^  bob +✓✗·✓$' out '^  carol +✗✗✗✗$' out '^  dan +✓···$'

	HTTPTUTOR_NOW=$at cli_x --db "$db" report --exam quiz4 --roster "$EX_T/roster.txt" --html "$EX_T/rep.html"
	ex_check report-html-written 0
	why=$(python3 "$ROOT/tests/data/exam/html_numbers.py" "$EX_T/rep.html" "$EX_T/rep.json" 2>&1) &&
		ok "exam/report-html-equals-json" || bad "exam/report-html-equals-json" "$why"
	cp "$EX_T/rep.html" "$EX_T/rep.json" "$OUT/" 2>/dev/null
	HTTPTUTOR_NOW=$at cli_x --lang zh-TW --db "$db" report --exam quiz4 --html "$EX_T/rep-zh.html"
	grep -q '<html lang="zh-Hant-TW">' "$EX_T/rep-zh.html" && grep -q '得分分布' "$EX_T/rep-zh.html" &&
		! grep -qiE '<(script|link|img|iframe|object)[ >]| (src|href)=|url\(|@import' "$EX_T/rep-zh.html" &&
		ok "exam/report-html-zh-self-contained" ||
		bad "exam/report-html-zh-self-contained" "no zh-TW page, or it loads something"
	# The page holds students' answers: 0600 from its creation, whatever the
	# umask, also over an older page that was readable; no temporary left.
	: >"$EX_T/mode.html"
	chmod 644 "$EX_T/mode.html"
	for f in "$EX_T/mode-new.html" "$EX_T/mode.html"; do
		(umask 022; cli_x --db "$db" report --exam quiz4 --html "$f")
		[ "$(stat -c %a "$f")" = 600 ] && ok "exam/report-html-0600${f##*mode}" ||
			bad "exam/report-html-0600${f##*mode}" "mode $(stat -c %a "$f")"
	done
	ls "$EX_T" | grep -q '^mode.*html\.' && bad exam/report-html-no-temp "$(ls "$EX_T" | grep '^mode')" ||
		ok exam/report-html-no-temp
	cli_x --db "$db" report --exam quiz4 --html /nonexistent/dir/r.html
	ex_check report-html-unwritable 1 err 'cannot write /nonexistent/dir/r.html'
	cli_x --db "$db" report --exam quiz4 --html "$EX_T/x.html" --json
	ex_check report-html-and-json 2 err 'choose one of'
	cli_x --db "$db" report --roster "$EX_T/roster.txt"
	ex_check roster-needs-exam 2 err 'need --exam NAME'
	cli_x --db "$db" report --exam quiz4 --roster "$EX_T/nonexistent"
	ex_check roster-missing 1 err 'cannot read the roster'
	# A roster saved by Notepad or Excel: a BOM and CRLF are not part of a name.
	printf '\xef\xbb\xbfalice\r\nbob\r\nfrank\r\n' >"$EX_T/roster-bom.txt"
	HTTPTUTOR_NOW=$at COLUMNS=80 cli_x --db "$db" report --exam quiz4 --roster "$EX_T/roster-bom.txt"
	ex_check roster-bom 0 out '^6 students: ' out '^alice +finished ' !out $'\xef\xbb\xbf' !out $'\xef\xbf\xbd'
	# The teacher's mistakes in the teacher's language (QA 2).
	cli_x --lang zh-TW --db "$db" --user teacher exam new quiz4 --count 4
	ex_check exists-zh 1 err '已經有考試「quiz4」' !err 'there is'
	cli_x --lang zh-TW --db "$db" exam new 期中 --count 4
	ex_check bad-name-zh 2 err '「期中」不能當考試名稱' err '^請參考 httptutor --help。$' !err 'Try '
	cli_x --lang zh-TW --db "$db" exam close quiz4 --closes 25:99
	ex_check bad-closes-zh 2 err '--closes 要寫成' !err 'takes'
	cli_x --lang zh-TW --db "$db" exam close nosuch
	ex_check no-such-zh 1 err '沒有考試「nosuch」' !err 'there is'
	cli_x --db "$db" exam new many --count 900 --type header
	ex_check too-few-en 1 err '^httptutor: only [0-9]+ questions match --type header;' !err '\(s\)'
	cli_x --lang zh-TW --db "$db" exam new many --count 900 --type header
	ex_check too-few-zh 1 err '只有 [0-9]+ 題符合 --type header'
	cli_x --lang zh-TW --db "$db" report --exam quiz4 --roster "$EX_T/nonexistent"
	ex_check roster-missing-zh 1 err '無法讀取名單'
}

# Long and Chinese names fit COLUMNS by display width, in both languages.
ex_width() {
	local db=$EX_T/wide.db cols lang name why
	cli_x --db "$db" --user teacher exam new wide --count 20 --type pick
	for name in 王小明同學來自資訊工程學系三年甲班 王小明同學來自資訊工程學系三年乙班 \
		alexandria-catherine-montgomery-the-third-of-her-name 李 Élodie; do
		cli_xin '1\n2\n3\nfinish\ny\n' --db "$db" --user "$name" exam wide
	done
	for lang in en zh-TW; do
		for cols in 80 60; do
			COLUMNS=$cols cli_x --lang $lang --db "$db" report --exam wide
			why=$(python3 "$ROOT/tests/data/exam/fits.py" "$EX_T/out" "$cols" 王小明) &&
				[ "$CLI_RC" = 0 ] && ok "exam/report-fits-$lang-$cols" ||
				bad "exam/report-fits-$lang-$cols" "exit $CLI_RC: $why"
		done
	done
	COLUMNS=60 cli_x --lang zh-TW --db "$db" exams
	why=$(python3 "$ROOT/tests/data/exam/fits.py" "$EX_T/out" 60 "") && ok "exam/exams-fits-60" ||
		bad "exam/exams-fits-60" "$why"
}

# QA 4b D12: a table too narrow for the whole status stacks each student, in
# zh-TW as in English (at 40 columns zh-TW's narrower headings let the table
# "fit" with the status cut to "已…" and the progress gone).
ex_narrow() {
	local db=$EX_T/narrow.db lang cols why
	cli_x --db "$db" --user teacher exam new nar --count 6 --type pick --feedback end
	cli_xin '1\n2\n3\n4\n5\n6\nfinish\ny\n' --db "$db" --user ann exam nar
	cli_xin '1\n2\n' --db "$db" --user bob exam nar
	for lang in en zh-TW; do
		for cols in 100 80 40; do
			COLUMNS=$cols cli_x --lang $lang --db "$db" report --exam nar
			why=$(python3 "$ROOT/tests/data/exam/fits.py" "$EX_T/out" "$cols") &&
				ok "exam/narrow-$lang-$cols-fits" || bad "exam/narrow-$lang-$cols-fits" "$why"
		done
	done
	COLUMNS=80 cli_x --lang zh-TW --db "$db" report --exam nar
	ex_check narrow-zh-80-table 0 out '^學生 +狀態 +得分 ' out '^ann +已交卷 +[0-6]/6 ' \
		out '^bob +作答中 · 2/6 +- +- '
	COLUMNS=40 cli_x --lang zh-TW --db "$db" report --exam nar
	ex_check narrow-zh-40-stacks 0 out '^ann$' out '^    狀態 已交卷 · 得分 [0-6]/6 ' \
		out '^bob$' out '^    狀態 作答中 · 2/6 · 得分 - ' !out '^學生 ' !out '(作|已)…'
	COLUMNS=40 cli_x --lang en --db "$db" report --exam nar
	ex_check narrow-en-40-stacks 0 out '^bob$' out '^    Status in progress · 2/6 · Score - ' \
		!out '^Student '
}

# QA 4b D15/D16: a "meaning" choice already ends in a full stop, so the
# sentences around it do not add another ("Saved: c) … server.."), and the
# end names the right meaning, not only its code ("the answer is 302 Found").
ex_meaning_words() {
	local db=$EX_T/meaning.db
	COLUMNS=200 cli_xin '1\n4\n3\nfinish\ny\n' --lang en --db "$db" --user mia exam --seed 3 --count 3 \
		--type meaning --plain
	ex_check meaning-saved-one-stop 0 out '^> Saved: a\) .*[^.]\.$' !out '\.\.' !out '\.;' \
		out '^Wrong: you answered d\) .*[^.]\. The answer is c\) [A-Z]' \
		!out 'The answer is [0-9]{3}'
	COLUMNS=200 cli_xin '1\n4\n3\nfinish\ny\n' --lang zh-TW --db "$db" --user mei exam --seed 3 --count 3 \
		--type meaning --plain
	ex_check meaning-saved-one-stop-zh 0 out '^> 已儲存：a\) .*[^。]。$' !out '。。' !out '。；' \
		out '^答錯了：你答 d\) .*[^。]。正確答案是 c\) ' !out '正確答案是 [0-9]{3}'
}

# The HTML report in a real browser (Debian's chromium, a test dependency):
# it renders, the screenshot is not blank, the numbers in the rendered DOM
# equal the JSON, and it prints on A4.
# ex_browser PROFILE ARGS…: headless Chromium, offline and quiet, with a
# profile folder of its own (60 s at most).
ex_browser() {
	local prof=$1
	shift
	timeout 60 chromium --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		"--user-data-dir=$prof" "$@"
}

# ex_in_chromium NAME PAGE JSON CHECK SVG COLOUR PNG: PAGE in Chromium — the
# screenshot is not blank (ink, text, the bars' COLOUR), the numbers in the
# rendered DOM equal JSON (tests/data/exam/CHECK, and the chart <svg id=SVG>
# is there), and it prints on A4.  Results are exam/NAME-…; the screenshot
# is kept as tests/out/PNG.
ex_in_chromium() {
	local name=$1 html=$2 json=$3 check=$4 svg=$5 colour=$6 png=$7 prof why
	if ! command -v chromium >/dev/null; then
		bad "exam/$name" "chromium is not installed (make deps-check installs it)"
		return
	fi
	prof=$(mktemp -d)
	ex_browser "$prof" --window-size=800,1100 --screenshot="$EX_T/$png" \
		"file://$html" >/dev/null 2>"$EX_T/chromium.err"
	why=$(python3 "$ROOT/tests/data/exam/png_ink.py" "$EX_T/$png" "$colour" 2>&1) &&
		ok "exam/$name-screenshot" ||
		bad "exam/$name-screenshot" "${why:-no screenshot}: $(tail -c 200 "$EX_T/chromium.err")"
	cp "$EX_T/$png" "$OUT/$png" 2>/dev/null
	ex_browser "$prof" --dump-dom "file://$html" >"$EX_T/dom.html" 2>/dev/null
	why=$(python3 "$ROOT/tests/data/exam/$check" "$EX_T/dom.html" "$json" 2>&1) &&
		grep -q "<svg id=\"$svg\"" "$EX_T/dom.html" &&
		ok "exam/$name-numbers-equal-json" || bad "exam/$name-numbers-equal-json" "$why"
	rm -f "$EX_T/page.pdf"
	ex_browser "$prof" --no-pdf-header-footer --print-to-pdf="$EX_T/page.pdf" \
		"file://$html" >/dev/null 2>&1
	grep -aqE 'MediaBox \[0 0 59[45](\.[0-9]+)? 84[12](\.[0-9]+)?\]' "$EX_T/page.pdf" 2>/dev/null &&
		ok "exam/$name-prints-a4" || bad "exam/$name-prints-a4" "no A4 page in the PDF"
	rm -rf "$prof"
}

ex_chromium() {
	ex_in_chromium chromium "$EX_T/rep.html" "$EX_T/rep.json" html_numbers.py histogram 3a6ea5 \
		report-chromium.png
}

# The whole-class report as a page (report --html without --exam): the
# confusions of tests/data/cli/class-mixups-{1,2}.sql and a third database
# of hostile names; the page's numbers equal the JSON, in the file and in
# the DOM Chromium renders; it is 0600, zh-TW, self-contained, escaped.
ex_class_html() {
	local d=$EX_T/chtml k why
	mkdir -p "$d"
	for k in 1 2 3; do
		HTTPTUTOR_DB=$d/c$k.db "$BIN" review --plain </dev/null >/dev/null 2>&1
		[ $k = 3 ] || sqlite3 "$d/c$k.db" <"$ROOT/tests/data/cli/class-mixups-$k.sql"
	done
	sqlite3 "$d/c3.db" <<'SQL'
INSERT INTO profile (name, created_at) VALUES ('<script>alert(1)</script>', 1),
 ('"q" & ''s'' <b>', 1), ('=cmd|'' /C calc''!A0', 1), ('陳 大文', 1);
INSERT INTO answer (profile_id, uid, item, qtype, shown, given, expected, correct, ms, answered_at, content_version, code)
SELECT id, 0, 'alice-token-bob-order', 'pick', '', '401', '403', 0, 2000, 1763760000, 't', 403 FROM profile
 WHERE created_at = 1;
INSERT INTO answer (profile_id, uid, item, qtype, shown, given, expected, correct, ms, answered_at, content_version, code)
SELECT id, 0, '"><script>x()</script>', 'type', '', '<img src=x onerror=alert(1)>', '403', 0, 1000, 1763760001, 't', 403
 FROM profile WHERE name = '陳 大文';
SQL
	local dbs=("$d/c1.db" "$d/c2.db" "$d/c3.db")
	cli_x report --json "${dbs[@]}"
	cp "$EX_T/out" "$d/class.json"
	(umask 022; cli_x report --html "$d/class.html" "${dbs[@]}")
	ex_check class-html-written 0
	[ "$(stat -c %a "$d/class.html")" = 600 ] && ! ls "$d" | grep -q '^class\.html\.' &&
		ok exam/class-html-0600 || bad exam/class-html-0600 "mode $(stat -c %a "$d/class.html"); $(ls "$d")"
	why=$(python3 "$ROOT/tests/data/exam/class_html_numbers.py" "$d/class.html" "$d/class.json" 2>&1) &&
		ok exam/class-html-equals-json || bad exam/class-html-equals-json "$why"
	# by hand: 8 students, and 401 ↔ 403 made by 4 + 4 of them, 7 + 4 times
	grep -q '<span id="n-students">8</span>' "$d/class.html" &&
		grep -q '<g class="mixbar" data-students="8" data-times="11">' "$d/class.html" &&
		ok exam/class-html-by-hand ||
		bad exam/class-html-by-hand "$(grep -o 'n-students">[0-9]*\|<g class="mixbar"[^>]*>' "$d/class.html" | head -3)"
	grep -qF '<td class="name">&lt;script&gt;alert(1)&lt;/script&gt;</td>' "$d/class.html" &&
		grep -qF '<td class="name">&quot;q&quot; &amp; &#39;s&#39; &lt;b&gt;</td>' "$d/class.html" &&
		grep -qF '<td class="name">=cmd|&#39; /C calc&#39;!A0</td>' "$d/class.html" &&
		grep -qF '&lt;img src=x onerror=alert(1)&gt;' "$d/class.html" &&
		! grep -qiE '<(script|img|b)[ >]' "$d/class.html" &&
		ok exam/class-html-escaped || bad exam/class-html-escaped "$(grep -E 'script|img|calc' "$d/class.html" | head -5)"
	# (the hostile third database would put " src=" in the text, escaped)
	cli_x --lang zh-TW report --html "$d/class-zh.html" "$d/c1.db" "$d/c2.db"
	grep -q '<html lang="zh-Hant-TW">' "$d/class-zh.html" && grep -q '<h1>班級報告</h1>' "$d/class-zh.html" &&
		grep -q '<h2>最常搞混的狀態碼：需要再教的地方</h2>' "$d/class-zh.html" &&
		! grep -qE '>(Students|Questions|Answers|Class report|Top confusions|Databases)<' "$d/class-zh.html" &&
		! grep -qiE '<(script|link|img|iframe|object)[ >]| (src|href)=|url\(|@import' "$d/class-zh.html" &&
		ok exam/class-html-zh-self-contained ||
		bad exam/class-html-zh-self-contained "not a zh-TW page, or it loads something"
	# an empty class: a page that says so; the options' rules
	HTTPTUTOR_DB=$d/empty.db "$BIN" review --plain </dev/null >/dev/null 2>&1
	cli_x report --html "$d/empty.html" "$d/empty.db"
	ex_check class-html-empty 0 && grep -q '<p id="empty">' "$d/empty.html" &&
		grep -q 'id="confusions-none"' "$d/empty.html" && ok exam/class-html-empty-says ||
		bad exam/class-html-empty-says "$(grep -c . "$d/empty.html") lines"
	cli_x report --html "$d/x.html" --csv "${dbs[@]}"
	ex_check class-html-and-csv 2 err 'choose one of'
	cli_x report --html /nonexistent/dir/r.html "${dbs[@]}"
	ex_check class-html-unwritable 1 err 'cannot write /nonexistent/dir/r.html'

	# In Chromium: rendered, not blank (the confusion bars' red is on it),
	# the numbers in the DOM equal the JSON, A4 pages when printed.
	cp "$d/class.html" "$d/class.json" "$OUT/" 2>/dev/null
	ex_in_chromium class-chromium "$d/class.html" "$d/class.json" class_html_numbers.py \
		confusion-bars a10e0e class-report-chromium.png
}

# A class folder shared by real, separate OS users (we are root in CI: the
# users are made here and removed after).  Students are who the kernel says
# (no HTTPTUTOR_USER); one is killed mid-exam and resumes; one outside the
# group cannot even open the file.
ex_class() {
	local g=ht14c$$ sa=ht14a$$ sb=ht14b$$ sx=ht14x$$ dir=$EX_T/class db pid fed n
	if [ "$(id -u)" != 0 ] || ! command -v useradd >/dev/null || ! command -v setpriv >/dev/null; then
		ok "exam/class-os-users (skipped: needs root, useradd and setpriv)"
		return
	fi
	groupadd "$g" && useradd -M -N -g "$g" -s /bin/sh "$sa" && useradd -M -N -g "$g" -s /bin/sh "$sb" &&
		useradd -M -N -s /bin/sh "$sx" || { bad "exam/class-users" "could not add test users"; return; }
	chmod 755 "$EX_T"
	as() {  # as USER ARGS…: run httptutor as that user, stdin from $EX_T/in
		local u=$1
		shift
		env -u HTTPTUTOR_USER HOME=/nonexistent setpriv --reuid="$u" --regid="$(id -g "$u")" --init-groups \
			"$BIN" "$@" <"$EX_T/in" >"$EX_T/out" 2>"$EX_T/err"
		CLI_RC=$?
	}

	cli_x class init "$dir" --group "$g"
	db=$dir/class.db
	ex_check class-init 0 out "Class folder $dir is ready for group $g" out "^  export HTTPTUTOR_DB=$db\$"
	[ "$(stat -c '%a %G' "$dir")" = "2770 $g" ] && [ "$(stat -c '%a %G' "$db")" = "660 $g" ] &&
		ok "exam/class-init-modes" || bad "exam/class-init-modes" "folder $(stat -c '%a %G' "$dir"), db $(stat -c '%a %G' "$db")"
	HTTPTUTOR_TEST_SEED=11 cli_x --db "$db" --user teacher exam new ostest --count 4 --type pick --minutes 30
	ex_check class-exam-new 0 out '^  httptutor exam ostest$'

	# Student a: two answers, then kill -9; the next start resumes them.
	mkfifo "$EX_T/cfifo"
	chmod 666 "$EX_T/cfifo"
	env -u HTTPTUTOR_USER HOME=/nonexistent setpriv --reuid="$sa" --regid="$(id -g "$sa")" --init-groups \
		"$BIN" --db "$db" exam ostest <"$EX_T/cfifo" >"$EX_T/ckill.out" 2>&1 &
	pid=$!
	exec 8<>"$EX_T/cfifo"
	fed=0
	for n in 1 2; do
		echo $n >&8
		cli_wait_lines "$EX_T/ckill.out" "$n" 'Saved: ' && fed=$n
	done
	kill -9 "$pid" 2>/dev/null
	{ wait "$pid"; } 2>/dev/null
	exec 8>&-
	: >"$EX_T/in"
	as "$sa" --db "$db" exam ostest
	[ "$fed" = 2 ] && ex_check class-resume-as-own-user 0 out '^Resuming attempt 1: 2 of 4 answered' ||
		bad "exam/class-resume-as-own-user" "only $fed answers confirmed before the kill"
	# Student b finishes; student b cannot go on with a's attempt by name.
	printf '1\n2\n3\n4\nfinish\ny\n' >"$EX_T/in"
	as "$sb" --db "$db" exam ostest
	ex_check class-student-finishes 0 out '^Exam finished\.$'
	# Someone outside the group cannot open the class database at all.
	printf '1\n' >"$EX_T/in"
	local before
	before=$(sqlite3 "$db" 'SELECT count(*) FROM answer')
	as "$sx" --db "$db" exam ostest
	[ "$CLI_RC" = 1 ] && [ -s "$EX_T/err" ] && [ "$(sqlite3 "$db" 'SELECT count(*) FROM answer')" = "$before" ] &&
		ok "exam/class-outsider-refused" || bad "exam/class-outsider-refused" "exit $CLI_RC: $(head -c 200 "$EX_T/err")"
	# The files SQLite made stay in the class group, readable to it only.
	local f bad_mode=
	for f in "$db-wal" "$db-shm"; do
		[ -e "$f" ] && [ "$(stat -c '%a %G' "$f")" != "660 $g" ] && bad_mode="$bad_mode $f:$(stat -c '%a %G' "$f")"
	done
	[ -z "$bad_mode" ] && ok "exam/class-wal-modes" || bad "exam/class-wal-modes" "$bad_mode"
	# The teacher's report knows them by their logins, uid and all.
	cli_x --db "$db" report --exam ostest --json
	ex_py class-report-logins 'import json,sys
r = json.load(open(sys.argv[1]))
s = {x["name"]: x for x in r["students"]}
assert set(s) == {sys.argv[2], sys.argv[3]}, set(s)
assert s[sys.argv[2]]["status"] == "in progress" and s[sys.argv[2]]["answered"] == 2, s[sys.argv[2]]
assert s[sys.argv[3]]["status"] == "finished" and s[sys.argv[3]]["answered"] == 4' "$EX_T/out" "$sa" "$sb"
	[ "$(sqlite3 "$db" "SELECT DISTINCT uid FROM answer a JOIN profile p ON p.id = a.profile_id WHERE p.name = '$sa'")" = "$(id -u "$sa")" ] &&
		ok "exam/class-uid-recorded" || bad "exam/class-uid-recorded" "the answers of $sa do not carry uid $(id -u "$sa")"

	# Refusals and warnings.
	cli_x class init "$db" --group "$g"
	ex_check class-init-not-folder 1 err 'is not a folder'
	cli_x class init "$EX_T/other" --group nosuchgroup$$
	ex_check class-init-no-group 1 err "there is no group 'nosuchgroup$$'"
	chmod 0664 "$db"
	cli_x class init "$dir" --group "$g"
	ex_check class-init-warns 0 err 'warning: .*class.db: users outside the group can read or change'
	cli_x class init "$dir" extra
	ex_check class-init-usage 2 err 'too many arguments'

	userdel "$sa" 2>/dev/null
	userdel "$sb" 2>/dev/null
	userdel "$sx" 2>/dev/null
	groupdel "$g" 2>/dev/null
	unset -f as
}

# 60 students answer a 20-question timed exam at the same moment while the
# teacher watches the live board and runs reports (tests/data/exam/class60.py):
# every confirmed answer stored, no busy errors.  `make bench` times it.
ex_class60() {
	local py dir
	if ! py=$(pty_python); then
		bad "exam/class60" "python3 with pyte is not installed (make deps-check)"
		return
	fi
	dir=$(mktemp -d)
	result_lines exam < <(timeout 300 "$py" "$ROOT/tests/data/exam/class60.py" "$BIN" "$dir" 2>&1)
	rm -rf "$dir"
}

# Percentages are rounded, not cut: 2 of 3 right is 67 %, and a question
# one of three got right is 33 %, two of three 67 %.
ex_thirds() {
	local db=$EX_T/thirds.db e x1 x2
	cli_x --db "$db" --user teacher exam new thirds --count 3 --type pick --no-shuffle --feedback end
	mapfile -t e < <(ex_expected "$db" thirds)
	# each wrong answer one of its own question's choices (the paper is random)
	x1=$(ex_wrong "${e[1]}" $(ex_choices "$db" thirds 1))
	x2=$(ex_wrong "${e[2]}" $(ex_choices "$db" thirds 2))
	cli_xin "${e[0]}\n${e[1]}\n$x2\nfinish\ny\n" --db "$db" --user ann exam thirds
	cli_xin "${e[0]}\n${e[1]}\n${e[2]}\nfinish\ny\n" --db "$db" --user ben exam thirds
	cli_xin "${e[0]}\n$x1\n$x2\nfinish\ny\n" --db "$db" --user cy exam thirds
	cli_x --db "$db" report --exam thirds --json
	ex_py report-percent-rounded 'import json,sys
r = json.load(open(sys.argv[1]))
s = {x["name"]: x["percent"] for x in r["students"]}
assert s == {"ann": 67, "ben": 100, "cy": 33}, s
q = [x["share"] for x in r["questions"]]
assert q == [100, 67, 33], r["questions"]' "$EX_T/out"
}

# The exam's own refusals in the learner's and teacher's language (QA-2 #14),
# and an answer refused because the teacher closed the exam meanwhile says
# so (not "time is up").
ex_lang() {
	local db=$EX_T/lang.db lang want not pid
	cli_x --db "$db" --user teacher exam new shut --count 3 --type pick
	cli_x --db "$db" --user teacher exam close shut
	cli_xin '' --lang zh-TW --db "$db" --user gus exam shut
	ex_check missed-zh 1 err '^httptutor: 考試 shut 已在 .* 關閉；你沒有參加這次考試$'
	cli_x --lang zh-TW --db "$db" --user teacher exam close shut
	ex_check close-twice-zh 1 err '^httptutor: 考試 shut 已經在 .* 關閉了$'
	cli_xin 'q\n' --db "$db" --user gus exam --seed 9 --count 2 --minutes 3 --class 4xx
	cli_xin 'q\n' --lang zh-TW --db "$db" --user gus exam --seed 9 --count 2 --minutes 3
	ex_check mismatch-zh 1 err '無法開始考試：練習卷 seed-9-n2 第一次出題時是 3 分鐘、篩選條件 --class 4xx；' \
		!err 'could not|first run'
	for lang in en zh-TW; do
		[ "$lang" = en ] && want='(^|> )The exam has closed: answers after its end do not count\.$' &&
			not='(^|> )Time is up'
		[ "$lang" = zh-TW ] && want='(^|> )考試已關閉：結束後的作答不計分。$' && not='(^|> )時間到'
		cli_x --db "$db" --user teacher exam new "late-$lang" --count 3 --type pick
		rm -f "$EX_T/lfifo"
		mkfifo "$EX_T/lfifo"
		"$BIN" --lang "$lang" --db "$db" --user hal exam "late-$lang" <"$EX_T/lfifo" >"$EX_T/lout" 2>&1 &
		pid=$!
		exec 8<>"$EX_T/lfifo"
		echo 1 >&8
		cli_wait_lines "$EX_T/lout" 1 '^> |^\[2/3\]'
		cli_x --db "$db" --user teacher exam close "late-$lang"
		echo 2 >&8
		cli_wait_lines "$EX_T/lout" 1 "$want"
		exec 8>&-
		{ wait "$pid"; } 2>/dev/null
		cp "$EX_T/lout" "$EX_T/out"
		CLI_RC=0
		# (anchored: a question's own text may say 時間到, indented)
		ex_check "closed-while-answering-$lang" 0 out "$want" !out "$not"
	done
}

# QA-2 #12: in the C locale (no UTF-8) a Chinese name prints one "?" a
# character: the student table, the grid and the class report line up by
# what is printed, not by the two columns each character would take.
ex_lang_c() {
	local db=$EX_T/langc.db u
	cli_x --db "$db" --user teacher exam new lc --count 2 --type pick
	for u in amy 陳小明 王大同學的名字很長很長很長很長很長很長 bob; do
		cli_xin '1\n2\nfinish\ny\n' --db "$db" --user "$u" exam lc
	done
	LANG=C COLUMNS=80 cli_x --lang en --db "$db" report --exam lc
	ex_py lang-c-report-aligned 'import sys
out = open(sys.argv[1], "rb").read()
assert all(b < 0x80 for b in out), "non-ASCII bytes in the C locale"
lines = out.decode().splitlines()
rows = [l for l in lines if " finished " in l]
assert len(rows) == 4, lines
cols = {l.index(" finished ") for l in rows}
assert len(cols) == 1, "status column at " + str(cols) + ":\n" + "\n".join(rows)
assert len({len(l.rstrip()) for l in rows}) == 1, "\n".join(rows)
grid = [l for l in lines if l.startswith("  ") and l.rstrip()[-2:].strip("+vx.") == ""
        and not l.startswith("   ")]
assert len(grid) == 4, lines
assert len({len(l) for l in grid}) == 1, "grid:\n" + "\n".join(grid)' "$EX_T/out"
	LANG=C COLUMNS=80 cli_x --lang en --db "$db" report
	ex_py lang-c-class-report-aligned 'import sys
lines = open(sys.argv[1]).read().splitlines()
rows = [l for l in lines if l.endswith("s") and "%" in l and l.startswith("  ") and "answers" not in l]
assert len(rows) == 4, lines
assert len({len(l) for l in rows}) == 1, "\n".join(rows)' "$EX_T/out"
}

# The finish prompt names the questions left ("question 2", not a bare "2"
# that reads like a count), in both languages.
ex_unanswered_words() {
	local db=$EX_T/unans.db
	cli_x --db "$db" --user teacher exam new un --count 3 --type pick
	cli_xin '1\n\n\nfinish\nn\nq\ny\n' --db "$db" --user ann --lang en exam un
	ex_check unanswered-questions-en 0 out 'Unanswered: questions 2, 3\.'
	cli_xin '1\n\n1\nfinish\nn\nq\ny\n' --db "$db" --user bo --lang en exam un
	ex_check unanswered-question-en 0 out 'Unanswered: question 2\.'
	cli_xin '\n1\n\nfinish\nn\nq\ny\n' --db "$db" --user cy --lang zh-TW exam un
	ex_check unanswered-zh 0 out '未作答：第 1、3 題。'
}

run_exam() {
	EX_T=$(mktemp -d)
	CLI_T=$EX_T
	ex_make
	ex_shuffle
	ex_feedback
	ex_resume
	ex_change
	ex_close
	ex_plural
	ex_lang
	ex_content_edit
	ex_report
	ex_thirds
	ex_chromium
	ex_class_html
	ex_width
	ex_narrow
	ex_meaning_words
	ex_class
	ex_class60
	ex_lang_c
	ex_unanswered_words
	rm -rf "$EX_T"
}
