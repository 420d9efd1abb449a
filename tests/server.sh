# The class server (issue 12): `class serve` as a real process, students as
# real separate OS users on its Unix socket (we are root in CI: the users are
# made here and removed after) and as token holders over TCP; every status
# code of the API produced by a real request with curl; the client's backend
# (answers, exams, reports, the offline queue); hostile and unlucky clients;
# and a small loss test: a class answering while the server is killed with
# SIGKILL and restarted three times.  Sourced by tests/run.sh (group
# "server"; ok/bad, $BIN, HTTPTUTOR_NOW, LANG=C.UTF-8).

SV_T=
SV_PID=
SV_LOG=

# A free TCP port on 127.0.0.1.
sv_port() {
	"$SV_PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# sv_start DIR [ARGS…]: class serve DIR in the background ($SV_PID); waits
# until its socket answers.
sv_start() {
	local dir=$1 _
	shift
	"$BIN" class serve "$dir" "$@" >>"$SV_LOG" 2>&1 &
	SV_PID=$!
	for _ in $(seq 100); do
		curl -s -o /dev/null --unix-socket "$dir/class.sock" http://localhost/v1/me 2>/dev/null && return 0
		kill -0 "$SV_PID" 2>/dev/null || return 1
		sleep 0.05
	done
	return 1
}

# Stop it: SIGTERM, and a second one, which skips the 503 grace period.
sv_stop() {
	[ -n "$SV_PID" ] || return 0
	kill -TERM "$SV_PID" 2>/dev/null
	sleep 0.1
	kill -TERM "$SV_PID" 2>/dev/null
	wait "$SV_PID" 2>/dev/null
	SV_PID=
}

sv_kill9() {
	kill -9 "$SV_PID" 2>/dev/null
	wait "$SV_PID" 2>/dev/null
	SV_PID=
}

# sv_as USER CMD…: run CMD as USER, as that user would from a login shell.
sv_as() {
	local u=$1
	shift
	env -u HTTPTUTOR_USER -u HTTPTUTOR_DB -u HTTPTUTOR_CLASS HOME=/nonexistent \
		XDG_DATA_HOME="$SV_T/own-$u" setpriv --reuid="$u" --regid="$(id -g "$u")" --init-groups "$@"
}

# sv_as_exec USER CMD…: sv_as that becomes CMD (in a subshell: its pid is
# CMD's, for kill).
sv_as_exec() {
	local u=$1
	shift
	exec env -u HTTPTUTOR_USER -u HTTPTUTOR_DB -u HTTPTUTOR_CLASS HOME=/nonexistent \
		XDG_DATA_HOME="$SV_T/own-$u" setpriv --reuid="$u" --regid="$(id -g "$u")" --init-groups "$@"
}

# sv_req NAME STATUS [HEADER-ERE] -- CURL-ARGS…: one request with curl; the
# status must be STATUS and the headers must match HEADER-ERE.  Headers in
# $SV_T/h, body in $SV_T/b.
sv_req() {
	local name=$1 want=$2 hdr= code
	shift 2
	if [ "$1" != -- ]; then
		hdr=$1
		shift
	fi
	shift
	code=$(curl -sS -o "$SV_T/b" -D "$SV_T/h" -w '%{http_code}' "$@" 2>"$SV_T/curl.err")
	if [ "$code" != "$want" ]; then
		bad "server/$name" "status $code, want $want: $(head -c 300 "$SV_T/b") $(head -c 200 "$SV_T/curl.err")"
		return 1
	fi
	if [ -n "$hdr" ] && ! tr -d '\r' <"$SV_T/h" | grep -qiE -e "$hdr"; then
		bad "server/$name" "no /$hdr/ in the headers: $(tr -d '\r' <"$SV_T/h" | tr '\n' '|')"
		return 1
	fi
	ok "server/$name"
}

# sv_ucurl USER CURL-ARGS…: curl as USER (its output goes through the shell,
# which can write here); headers in $SV_T/h, body in $SV_T/b, status in
# $SV_T/code.
sv_ucurl() {
	local u=$1
	shift
	sv_as "$u" curl -sS -i "$@" >"$SV_T/raw" 2>"$SV_T/curl.err"
	"$SV_PY" - "$SV_T" <<'PY'
import sys
d = sys.argv[1]
raw = open(d + "/raw", "rb").read()
head, _, body = raw.partition(b"\r\n\r\n")
open(d + "/h", "wb").write(head + b"\r\n")
open(d + "/b", "wb").write(body)
line = head.split(b"\r\n")[0].split()
open(d + "/code", "w").write(line[1].decode() if len(line) > 1 else "000")
PY
}

# sv_json NAME PYTHON-EXPR: the expression over j (the last body) is true.
sv_json() {
	local why
	why=$("$SV_PY" -c 'import json,sys
j = json.load(open(sys.argv[1]))
if not eval(sys.argv[2]):
    print("%s is false for %s" % (sys.argv[2], json.dumps(j)[:300]))' "$SV_T/b" "$2" 2>&1)
	[ -z "$why" ] && ok "server/$1" || bad "server/$1" "$why"
}

# sv_check NAME RC [out|err ERE]…: like cli_check, for the last cli_x/sv run.
sv_check() {
	local name=$1 want=$2
	shift 2
	if [ "$CLI_RC" != "$want" ]; then
		bad "server/$name" "exit $CLI_RC, want $want; stderr: $(head -c 300 "$CLI_T/err")"
		return 1
	fi
	while [ $# -ge 2 ]; do
		if ! grep -qE -e "$2" "$CLI_T/$1"; then
			bad "server/$name" "no /$2/ in std$1: $(head -c 300 "$CLI_T/$1")"
			return 1
		fi
		shift 2
	done
	ok "server/$name"
}

# sv_wait_for FILE ERE TENTHS: until FILE has a line matching ERE.
sv_wait_for() {
	local _
	for _ in $(seq "$3"); do
		grep -qE -e "$2" "$1" 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}

sv_sql() {
	sqlite3 "$1" "$2"
}

# The first scenario of content/ with its right answer and a wrong one.
sv_scenario() {
	"$SV_PY" - "$ROOT/content" <<'PY'
import glob, sys, yaml
for f in sorted(glob.glob(sys.argv[1] + "/scenarios/*.yaml")):
    for s in yaml.safe_load(open(f)):
        wrong = [c for c in s["en"]["whynot"] if int(c) != s["answer"]][0]
        print(s["id"], s["answer"], wrong)
        sys.exit(0)
PY
}

# ---- Unix socket: who asks is who the kernel says ------------------------------------

sv_unix() {
	local g=ht12g$$ sa=ht12a$$ sb=ht12b$$ dir=$SV_T/c sock db id right wrong loc aid
	if [ "$(id -u)" != 0 ] || ! command -v useradd >/dev/null || ! command -v setpriv >/dev/null; then
		ok "server/unix-users (skipped: needs root, useradd and setpriv)"
		return
	fi
	groupadd "$g" && useradd -M -N -g "$g" -s /bin/sh "$sa" && useradd -M -N -g "$g" -s /bin/sh "$sb" ||
		{ bad "server/unix-users" "could not add test users"; return; }
	mkdir -p "$dir" "$SV_T/own-$sa" "$SV_T/own-$sb"
	chown "$sa" "$SV_T/own-$sa"
	chown "$sb" "$SV_T/own-$sb"
	chgrp "$g" "$dir"
	chmod 2770 "$dir"       # as class init leaves it: the server takes the group's write away
	sock=$dir/class.sock
	db=$dir/class.db
	read -r id right wrong < <(sv_scenario)
	if ! sv_start "$dir"; then
		bad "server/start" "$(tail -5 "$SV_LOG")"
		return
	fi
	ok "server/start"
	[ "$(stat -c '%a' "$db")" = 600 ] && [ "$(stat -c '%a %G' "$dir")" = "2750 $g" ] &&
		ok "server/modes" || bad "server/modes" "db $(stat -c '%a' "$db"), dir $(stat -c '%a %G' "$dir")"
	grep -q "writable by others" "$SV_LOG" && ok "server/modes-said" || bad "server/modes-said" "$(tail -3 "$SV_LOG")"

	# A student cannot read, copy or open the database; nor delete it.
	if sv_as "$sa" cat "$db" >/dev/null 2>&1 || sv_as "$sa" sqlite3 "$db" 'SELECT 1' >/dev/null 2>&1 ||
	   sv_as "$sa" rm -f "$db" 2>/dev/null || [ ! -e "$db" ]; then
		bad "server/student-cannot-read-db" "a student could read or delete $db"
	else
		ok "server/student-cannot-read-db"
	fi

	# Who asks is the peer's uid: no typed names.
	sv_req me-is-login 200 -- --unix-socket "$sock" http://localhost/v1/me -H "X-User: $sb"
	sv_json me-is-login 'j["user"] == "root" and j["teacher"]'
	sv_ucurl "$sa" --unix-socket "$sock" http://localhost/v1/me
	sv_json me-student "j['user'] == '$sa' and j['uid'] == $(id -u "$sa") and not j['teacher']"

	# 201 Created with a Location that names the answer; the server grades it.
	sv_ucurl "$sa" --unix-socket "$sock" \
		-H 'Content-Type: application/json' \
		-d "{\"item\":\"$id\",\"qtype\":\"pick\",\"given\":\"$wrong\",\"correct\":true}" \
		http://localhost/v1/answers
	loc=$(tr -d '\r' <"$SV_T/h" | sed -n 's/^Location: //ip')
	[ "$(cat "$SV_T/code")" = 201 ] && [[ "$loc" == /v1/answers/* ]] &&
		ok "server/201-location" || bad "server/201-location" "$(cat "$SV_T/code") '$loc' $(head -c 200 "$SV_T/b")"
	sv_json graded-by-server "j['correct'] is False and j['expected'] == '$right'"
	[ "$(sv_sql "$db" "SELECT p.name || ' ' || a.uid || ' ' || a.correct FROM answer a JOIN profile p ON p.id = a.profile_id")" = "$sa $(id -u "$sa") 0" ] &&
		ok "server/answer-kept-as-peer" || bad "server/answer-kept-as-peer" "$(sv_sql "$db" 'SELECT * FROM answer')"
	sv_ucurl "$sa" --unix-socket "$sock" "http://localhost$loc"
	[ "$(cat "$SV_T/code")" = 200 ] && ok "server/location-readable" || bad "server/location-readable" "$(cat "$SV_T/code")"
	# … and only by its learner.
	sv_ucurl "$sb" --unix-socket "$sock" "http://localhost$loc"
	[ "$(cat "$SV_T/code")" = 403 ] && ok "server/403-others-answer" || bad "server/403-others-answer" "$(cat "$SV_T/code")"
	# A session is its learner's: b can neither file an answer under a's
	# session nor end it, and nothing is written when b tries.
	local sid before
	sv_ucurl "$sa" --unix-socket "$sock" -H 'Content-Type: application/json' \
		-d '{"kind":"quiz"}' http://localhost/v1/sessions
	sid=$("$SV_PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$SV_T/b" 2>/dev/null)
	before=$(sv_sql "$db" 'SELECT count(*) FROM answer')
	sv_ucurl "$sb" --unix-socket "$sock" -H 'Content-Type: application/json' \
		-d "{\"item\":\"$id\",\"qtype\":\"pick\",\"given\":\"$right\",\"session\":${sid:-0}}" \
		http://localhost/v1/answers
	[ -n "$sid" ] && [ "$(cat "$SV_T/code")" = 403 ] && grep -q 'not-yours' "$SV_T/b" &&
		[ "$(sv_sql "$db" 'SELECT count(*) FROM answer')" = "$before" ] &&
		ok "server/403-others-session" ||
		bad "server/403-others-session" "session '$sid': $(cat "$SV_T/code") $(head -c 200 "$SV_T/b")"
	sv_ucurl "$sb" --unix-socket "$sock" -X PATCH -H 'Content-Type: application/json' \
		-d '{"ended":true}' "http://localhost/v1/sessions/${sid:-0}"
	[ "$(cat "$SV_T/code")" = 403 ] && [ -z "$(sv_sql "$db" "SELECT ended_at FROM session WHERE id = ${sid:-0}")" ] &&
		ok "server/403-end-others-session" ||
		bad "server/403-end-others-session" "$(cat "$SV_T/code") $(head -c 200 "$SV_T/b")"

	# 400 broken JSON, 422 well-formed but not a question, 415, 405, 404.
	sv_req 400-broken-json 400 'content-type: application/problem\+json' -- --unix-socket "$sock" \
		-H 'Content-Type: application/json' -d '{"item": ' http://localhost/v1/answers
	sv_req 422-not-in-content 422 -- --unix-socket "$sock" -H 'Content-Type: application/json' \
		-d '{"item":"no-such-question","qtype":"pick","given":"404"}' http://localhost/v1/answers
	sv_req 415-form 415 '^accept-post: application/json' -- --unix-socket "$sock" \
		-d 'item=x' http://localhost/v1/answers
	sv_req 405-allow 405 '^allow: POST' -- --unix-socket "$sock" -X DELETE http://localhost/v1/answers
	sv_req 404-exam 404 -- --unix-socket "$sock" http://localhost/v1/exams/nosuchexam

	# The report is the teacher's: 403 for a student, by curl and by httptutor.
	sv_ucurl "$sa" --unix-socket "$sock" http://localhost/v1/report
	[ "$(cat "$SV_T/code")" = 403 ] && ok "server/403-report" || bad "server/403-report" "$(cat "$SV_T/code")"
	sv_as "$sa" "$BIN" --class "$dir" report >"$CLI_T/out" 2>"$CLI_T/err"
	CLI_RC=$?
	sv_check student-report-refused 1 err 'is for its teacher only'
	sv_as "$sa" "$BIN" --class "$dir" exams >"$CLI_T/out" 2>"$CLI_T/err"
	CLI_RC=$?
	sv_check student-exams-refused 1 err 'only the teacher'

	# An exam: made by the teacher, taken by a over httptutor; b cannot touch it.
	HTTPTUTOR_TEST_SEED=12 cli_x --class "$dir" exam new unit1 --count 3 --type pick --minutes 20 --feedback end
	sv_check exam-new 0 out 'httptutor exam unit1'
	printf '1\n2\n' | sv_as "$sa" "$BIN" --class "$dir" exam unit1 >"$CLI_T/out" 2>"$CLI_T/err"
	CLI_RC=$?
	sv_check exam-two-answers 0 out 'Saved: '
	aid=$(sv_sql "$db" "SELECT s.id FROM session s JOIN profile p ON p.id = s.profile_id WHERE p.name = '$sa' AND s.exam_id = 'unit1'")
	# Sealed while it runs: no right answers, no explanations.
	sv_ucurl "$sa" --unix-socket "$sock" http://localhost/v1/exams/unit1
	sv_json paper-sealed "j['sealed'] and all(q['expected'] == '' and 'why' not in q['body'] for q in j['questions'])"
	sv_ucurl "$sb" --unix-socket "$sock" \
		-H 'Content-Type: application/json' -d '{"pos":0,"given":"404"}' \
		"http://localhost/v1/attempts/$aid/answers"
	[ "$(cat "$SV_T/code")" = 403 ] && ok "server/403-others-attempt" || bad "server/403-others-attempt" "$(cat "$SV_T/code") $(cat "$SV_T/b")"
	sv_ucurl "$sa" --unix-socket "$sock" \
		-H 'Content-Type: application/json' -d '{"pos":7,"given":"404"}' \
		"http://localhost/v1/attempts/$aid/answers"
	[ "$(cat "$SV_T/code")" = 422 ] && ok "server/422-not-in-attempt" || bad "server/422-not-in-attempt" "$(cat "$SV_T/code")"
	# Resumed after a server killed mid-exam: same attempt, same deadline.
	local deadline
	deadline=$(sv_sql "$db" "SELECT deadline_at FROM session WHERE id = $aid")
	sv_kill9
	sv_start "$dir"
	# Resumed, then the server dies again under the student: the answer is
	# NOT SAVED once the 10 s wait is over; given again when the server is
	# back it is saved, and the exam ends with nothing counted as lost.
	local fifo=$SV_T/exam.fifo pid
	mkfifo "$fifo"
	sv_as "$sa" "$BIN" --class "$dir" --lang en exam unit1 <"$fifo" >"$CLI_T/out" 2>"$CLI_T/err" &
	pid=$!
	exec 7>"$fifo"
	sv_wait_for "$CLI_T/out" 'Resuming attempt 1: 2 of 3 answered' 50
	sv_kill9
	echo 3 >&7
	sv_wait_for "$CLI_T/err" 'NOT SAVED: the class server cannot be reached; try again .*no server answers there' 150
	sv_start "$dir"
	printf '3\nfinish\ny\n' >&7
	exec 7>&-
	wait "$pid"
	CLI_RC=$?
	rm -f "$fifo"
	sv_check exam-resumed-after-kill 0 out 'Resuming attempt 1: 2 of 3 answered' out 'Exam finished' \
		err 'NOT SAVED' &&
		{ ! grep -q 'could not be saved' "$CLI_T/err" && ok server/exam-retried-counts-saved ||
			bad server/exam-retried-counts-saved "$(cat "$CLI_T/err")"; }
	[ "$(sv_sql "$db" "SELECT deadline_at FROM session WHERE id = $aid")" = "$deadline" ] &&
		ok "server/deadline-unchanged" || bad "server/deadline-unchanged" "$deadline"
	# Finished: 409 for another answer; the results are now shown whole.
	sv_ucurl "$sa" --unix-socket "$sock" \
		-H 'Content-Type: application/json' -d '{"pos":0,"given":"404"}' \
		"http://localhost/v1/attempts/$aid/answers"
	[ "$(cat "$SV_T/code")" = 409 ] && ok "server/409-finished" || bad "server/409-finished" "$(cat "$SV_T/code")"
	sv_json 409-says-ended "j['type'] == '/problems/ended' and j['attempt']['state'] == 'finished'"
	sv_ucurl "$sa" --unix-socket "$sock" http://localhost/v1/exams/unit1
	sv_json paper-unsealed 'not j["sealed"] and j["questions"][0]["expected"] != ""'
	cli_x --class "$dir" report --exam unit1 --json
	sv_check teacher-report 0 out "\"name\": \"$sa\""
	# The whole class through the server: the same students, questions and
	# confusions as the report read from the server's file.
	cli_x --class "$dir" report --json
	cp "$CLI_T/out" "$SV_T/class-remote.json"
	cli_x report --json "$db"
	why=$(cli_py '
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
keys = ("answers", "correct", "students", "questions", "confusions")
if not a["students"]: sys.exit("no students")
diff = [k for k in keys if a[k] != b[k]]
if diff: sys.exit(f"differ in {diff}: {[a[k] for k in diff]} {[b[k] for k in diff]}")
' "$SV_T/class-remote.json" "$CLI_T/out")
	[ -z "$why" ] && ok server/teacher-class-report || bad server/teacher-class-report "$why"
	# Its page: the teacher's equals the JSON through the server; a student
	# is refused as for the text report, and no page is written even where
	# the student may write.
	cli_x --class "$dir" report --html "$SV_T/class.html"
	why=$(python3 "$ROOT/tests/data/exam/class_html_numbers.py" "$SV_T/class.html" \
	      "$SV_T/class-remote.json" 2>&1)
	[ "$CLI_RC" = 0 ] && [ -z "$why" ] && ok server/teacher-class-html ||
		bad server/teacher-class-html "exit $CLI_RC: $why $(head -c 200 "$CLI_T/err")"
	local open
	open=$(mktemp -d)
	chmod 1777 "$open"
	sv_as "$sa" "$BIN" --class "$dir" report --html "$open/mine.html" >"$CLI_T/out" 2>"$CLI_T/err"
	CLI_RC=$?
	sv_check student-class-html-refused 1 err 'is for its teacher only' &&
		{ [ -z "$(ls -A "$open")" ] && ok server/student-class-html-no-page ||
			bad server/student-class-html-no-page "$(ls -A "$open")"; }
	rm -rf "$open"

	# 429: one student flooding; the others are still served.
	# A copy the student can read, wherever the tree is.
	install -m 0644 "$ROOT/tests/data/server/robust.py" "$SV_T/robust.py"
	sv_as "$sb" "$SV_PY" "$SV_T/robust.py" flood "$sock" >"$SV_T/flood" 2>&1
	read -r code retry n <"$SV_T/flood"
	[ "$code" = 429 ] && [ "${retry:-0}" -ge 1 ] 2>/dev/null && ok "server/429-retry-after" ||
		bad "server/429-retry-after" "$(cat "$SV_T/flood")"
	# The same with curl: 200 requests over one connection.
	local urls=() n
	for n in $(seq 200); do urls+=(-o /dev/null http://localhost/v1/me); done
	sv_as "$sb" curl -s -w '%{http_code} %header{retry-after}\n' --unix-socket "$sock" \
		"${urls[@]}" >"$SV_T/flood2" 2>/dev/null
	grep -qE '^429 [1-9]' "$SV_T/flood2" && ok "server/429-curl" ||
		bad "server/429-curl" "$(sort "$SV_T/flood2" | uniq -c | tr '\n' ' ')"
	sv_ucurl "$sa" --unix-socket "$sock" http://localhost/v1/me
	[ "$(cat "$SV_T/code")" = 200 ] && ok "server/others-served-during-flood" || bad "server/others-served-during-flood" "$(cat "$SV_T/code")"

	# 1,000 idle connections, a slow client, a half-sent body, a client gone
	# mid-request: the rest are answered within a second.
	if "$SV_PY" "$ROOT/tests/data/server/robust.py" idle "$sock" 1000 >"$SV_T/idle" 2>&1; then
		ok "server/idle-slow-half-sent"
	else
		bad "server/idle-slow-half-sent" "$(tail -2 "$SV_T/idle")"
	fi
	kill -0 "$SV_PID" 2>/dev/null && ok "server/survives-hostile-clients" || bad "server/survives-hostile-clients" "$(tail -3 "$SV_LOG")"

	# 503 + Retry-After while stopping.
	"$SV_PY" "$ROOT/tests/data/server/robust.py" stopping "$sock" "$SV_PID" >"$SV_T/stop" 2>&1
	curl -s -o /dev/null -w '%{http_code} %header{retry-after}' --unix-socket "$sock" \
		http://localhost/v1/me >"$SV_T/stop2" 2>/dev/null
	wait "$SV_PID" 2>/dev/null
	SV_PID=
	read -r code retry <"$SV_T/stop"
	[ "$code" = 503 ] && [ "$retry" -ge 1 ] 2>/dev/null && ok "server/503-stopping" || bad "server/503-stopping" "$(cat "$SV_T/stop")"
	grep -qE '^503 [1-9]' "$SV_T/stop2" && ok "server/503-curl" || bad "server/503-curl" "$(cat "$SV_T/stop2")"
	[ ! -e "$sock" ] && grep -q 'class server stopped' "$SV_LOG" && ok "server/clean-stop" ||
		bad "server/clean-stop" "$(tail -2 "$SV_LOG")"

	# Only one server per folder.
	sv_start "$dir"
	"$BIN" class serve "$dir" >"$CLI_T/out" 2>"$CLI_T/err"
	CLI_RC=$?
	sv_check second-server-refused 1 err 'already (serving|answers)'

	# The database deleted under the server: it stops taking answers, loudly.
	cli_x --class "$dir" exam new gone1 --count 2 --type pick
	sv_as "$sa" "$BIN" --class "$dir" exam gone1 --plain </dev/null >/dev/null 2>&1
	rm -f "$db" "$db-wal" "$db-shm"
	sv_ucurl "$sa" --unix-socket "$sock" \
		-H 'Content-Type: application/json' \
		-d "{\"item\":\"$id\",\"qtype\":\"pick\",\"given\":\"$right\"}" http://localhost/v1/answers
	[ "$(cat "$SV_T/code")" = 503 ] && tr -d '\r' <"$SV_T/h" | grep -qi '^retry-after:' &&
		ok "server/db-deleted-503" || bad "server/db-deleted-503" "$(cat "$SV_T/code") $(head -c 200 "$SV_T/b")"
	grep -q 'deleted or replaced .*NO ANSWERS ARE ACCEPTED' "$SV_LOG" && ok "server/db-deleted-loud" ||
		bad "server/db-deleted-loud" "$(tail -3 "$SV_LOG")"
	[ ! -e "$db" ] && ok "server/db-not-recreated" || bad "server/db-not-recreated" "a new $db appeared"
	# A learner practising meanwhile loses nothing: the server's 503 means
	# "later", so the answer is kept on the learner's side, not dropped.
	printf '404\n' | sv_as "$sa" "$BIN" --class "$dir" quiz --plain --type type --seed 3 --count 1 \
		>"$CLI_T/out" 2>"$CLI_T/err"
	CLI_RC=$?
	sv_check db-deleted-answer-kept 0 out 'Kept on this computer' &&
		{ [ "$(sv_sql "$SV_T/own-$sa/httptutor/progress.db" 'SELECT count(*) FROM pending')" = 1 ] &&
			ok server/db-deleted-queue || bad server/db-deleted-queue \
			"$(sv_sql "$SV_T/own-$sa/httptutor/progress.db" 'SELECT method, path FROM pending' 2>&1)"; }
	# In an exam the student is told the server could not save it and why,
	# in their language, and to tell the teacher: not "cannot be reached",
	# nothing about practice answers (QA 5b #4).
	printf '1\n' | sv_as "$sa" "$BIN" --class "$dir" --lang en exam gone1 --plain >"$CLI_T/out" 2>"$CLI_T/err"
	CLI_RC=$?
	sv_check db-deleted-exam-says-so 1 err 'the class server could not save this \(class.db was deleted or replaced\); tell your teacher' &&
		{ ! grep -qE 'cannot be reached|practice' "$CLI_T/err" && ok server/db-deleted-exam-not-unreachable ||
			bad server/db-deleted-exam-not-unreachable "$(cat "$CLI_T/err")"; }
	printf '1\n' | sv_as "$sa" "$BIN" --class "$dir" --lang zh-TW exam gone1 --plain >"$CLI_T/out" 2>"$CLI_T/err"
	CLI_RC=$?
	sv_check db-deleted-exam-zh 1 err '班級伺服器無法儲存這筆資料（class.db 被刪除或換掉了）；請告訴老師'
	sv_stop

	# --teacher USER: that login is a teacher too (exams, the report, the
	# roster); --shared-login USER: that account shows a roster token even
	# on the Unix socket, and is told so in its language without one.
	local rdir=$SV_T/r tok
	mkdir -p "$rdir"
	chgrp "$g" "$rdir"
	chmod 2750 "$rdir"
	if sv_start "$rdir" --teacher "$sb" --shared-login "$sa"; then
		sv_as "$sb" "$BIN" --class "$rdir" --lang en exams >"$CLI_T/out" 2>"$CLI_T/err"
		CLI_RC=$?
		sv_check listed-teacher-exams 0 out 'No exams'
		sv_as "$sb" "$BIN" --class "$rdir" --lang en exam new t2 --count 2 >"$CLI_T/out" 2>"$CLI_T/err"
		CLI_RC=$?
		sv_check listed-teacher-exam-new 0 out 'Made exam t2'
		sv_as "$sa" "$BIN" --class "$rdir" --lang zh-TW stats >"$CLI_T/out" 2>"$CLI_T/err"
		CLI_RC=$?
		sv_check shared-login-needs-token 1 err '班級伺服器需要你的班級權杖'
		cli_x --class "$rdir" class roster add pc7
		tok=$(sed -n 's/^pc7  //p' "$CLI_T/out")
		sv_as "$sa" curl -s --unix-socket "$rdir/class.sock" \
			-H "Authorization: Bearer $tok" http://localhost/v1/me >"$SV_T/b" 2>/dev/null
		sv_json shared-login-is-token "j['user'] == 'pc7' and j['uid'] is None and not j['teacher']"
		# The token from the environment, as on a lab PC (setpriv runs $BIN
		# itself: a second exec, as env's, cannot reach a 0700 checkout).
		HTTPTUTOR_TOKEN=$tok sv_as "$sa" "$BIN" --class "$rdir" exams >"$CLI_T/out" 2>"$CLI_T/err"
		CLI_RC=$?
		sv_check shared-login-not-teacher 1 err 'only the teacher'
		sv_stop
	else
		bad server/roles-start "$(tail -3 "$SV_LOG")"
	fi
	# An attempt started with a student's token (a lab PC) is refused to
	# that student's own account, saying so, with the exam's name (QA 5b #3).
	if sv_start "$rdir" --shared-login "$sa"; then
		cli_x --class "$rdir" exam new t3 --count 2 --feedback end
		cli_x --class "$rdir" class roster add "$sb"
		tok=$(sed -n "s/^$sb  //p" "$CLI_T/out")
		HTTPTUTOR_TOKEN=$tok sv_as "$sa" "$BIN" --class "$rdir" --lang en exam t3 --plain \
			</dev/null >"$CLI_T/out" 2>"$CLI_T/err"
		sv_as "$sb" "$BIN" --class "$rdir" --lang en exam t3 --plain </dev/null >"$CLI_T/out" 2>"$CLI_T/err"
		CLI_RC=$?
		sv_check token-attempt-not-yours 1 err "^httptutor: exam t3 under the name $sb was started with a class token \(a lab computer\); only that token can go on with it or see it; ask your teacher"
		sv_as "$sb" "$BIN" --class "$rdir" --lang zh-TW exam t3 --plain </dev/null >"$CLI_T/out" 2>"$CLI_T/err"
		CLI_RC=$?
		sv_check token-attempt-not-yours-zh 1 err "考試 t3 以 $sb 的名義是用班級權杖（電腦教室的電腦）開始作答的.*請詢問老師"
		sv_as "$sb" curl -s --unix-socket "$rdir/class.sock" http://localhost/v1/exams/t3/attempt >"$SV_T/b" 2>/dev/null
		sv_json token-attempt-detail "j['status'] == 403 and j.get('started_with') == 'token' and 'started with a class token (a lab computer)' in j['detail'] and 'uid' not in j['detail'] and 'exam t3' in j['detail']"
		sv_stop
	else
		bad server/token-attempt-start "$(tail -3 "$SV_LOG")"
	fi

	userdel "$sa" 2>/dev/null
	userdel "$sb" 2>/dev/null
	groupdel "$g" 2>/dev/null
}

# ---- the files of a class folder (QA 4b D3, D4; QA 4c #5) ---------------------------------

# sv_ls DIR: "name owner mode" per file, one line each.
sv_ls() {
	(cd "$1" && stat -c '%n %U %a' -- * 2>/dev/null | sort)
}

sv_files() {
	local g=htfxg$$ t=htfxt$$ st=htfxs$$ dir=$SV_T/f db pid ls id right wrong
	if [ "$(id -u)" != 0 ] || ! command -v useradd >/dev/null || ! command -v setpriv >/dev/null; then
		ok "server/files-users (skipped: needs root, useradd and setpriv)"
		return
	fi
	groupadd "$g" && useradd -M -N -g "$g" -s /bin/sh "$t" && useradd -M -N -g "$g" -s /bin/sh "$st" ||
		{ bad "server/files-users" "could not add test users"; return; }
	mkdir -p "$SV_T/own-$t" "$SV_T/own-$st"
	chown "$t" "$SV_T/own-$t"
	chown "$st" "$SV_T/own-$st"
	install -d -o "$t" -g "$g" -m 2770 "$dir"
	db=$dir/class.db
	sv_as "$t" "$BIN" class init "$dir" --group "$g" >/dev/null 2>&1 &&
		sv_as "$t" "$BIN" --db "$db" exam new e1 --count 2 >/dev/null 2>&1 ||
		{ bad "server/files-init" "class init or exam new failed"; return; }
	printf '1\n1\nfinish\ny\n' | sv_as "$st" "$BIN" --db "$db" exam e1 --plain >/dev/null 2>&1
	# A student's refused report opens the shared file only to read: it
	# leaves no -wal or -shm behind (they would be the student's).
	sv_as "$st" "$BIN" --db "$db" report >"$CLI_T/out" 2>"$CLI_T/err"
	CLI_RC=$?
	ls=$(sv_ls "$dir")
	sv_check files-report-refused 1 err 'is for its teacher only' &&
		{ [ "$ls" = "class.db $t 660" ] && ok server/files-refused-leaves-nothing ||
			bad server/files-refused-leaves-nothing "$ls"; }
	# The student's -wal and -shm (as a crash or an older httptutor leaves
	# them): class serve checks every file first and changes nothing.
	sv_as "$st" sh -c "umask 007; : >'$db-wal'; : >'$db-shm'"
	sv_as "$t" "$BIN" class serve "$dir" >"$CLI_T/out" 2>"$CLI_T/err"
	CLI_RC=$?
	sv_check files-student-wal-refused 1 \
		err "class.db-wal belongs to $st.*nothing was changed in $dir.*remove class.db-wal and class.db-shm and start again"
	[ "$(stat -c '%a' "$dir")" = 2770 ] && [ "$(stat -c '%a' "$db")" = 660 ] &&
		! grep -q 'it is 600 now\|it is 2750 now' "$CLI_T/err" &&
		ok server/files-nothing-changed ||
		bad server/files-nothing-changed "folder $(stat -c '%a' "$dir"), class.db $(stat -c '%a' "$db"): $(cat "$CLI_T/err")"
	sv_as "$st" "$BIN" --db "$db" stats >"$CLI_T/out" 2>"$CLI_T/err"
	CLI_RC=$?
	sv_check files-shared-still-works 0
	# Done as the message says, it starts, and the file becomes the server's.
	rm -f "$db-wal" "$db-shm"
	: >"$SV_T/files.log"
	( sv_as_exec "$t" "$BIN" class serve "$dir" ) >"$SV_T/files.log" 2>&1 &
	pid=$!
	if sv_wait_for "$SV_T/files.log" 'serving' 50; then
		[ "$(stat -c '%a' "$dir")" = 2750 ] && [ "$(stat -c '%a' "$db")" = 600 ] &&
			ok server/files-then-served || bad server/files-then-served "$(sv_ls "$dir")"
	else
		bad server/files-then-served "$(cat "$SV_T/files.log")"
	fi
	kill -TERM "$pid" 2>/dev/null; sleep 0.1; kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null

	# A read-only class.db is refused before SQLite makes a -wal or -shm
	# (they would take its mode, 0400).
	chmod 0400 "$db"
	sv_as "$t" "$BIN" class serve "$dir" >"$CLI_T/out" 2>"$CLI_T/err"
	CLI_RC=$?
	ls=$(sv_ls "$dir")
	sv_check files-readonly-refused 1 err 'class.db is read-only' &&
		{ [ "$ls" = "class.db $t 400" ] && ok server/files-readonly-leaves-nothing ||
			bad server/files-readonly-leaves-nothing "$ls"; }
	# A 0400 -shm and -wal (what that refused start left before): made 0600
	# at start, so writes work, and said so.
	chmod 0600 "$db"
	sv_as "$t" sh -c "umask 0377; : >'$db-wal'; : >'$db-shm'"
	: >"$SV_T/files.log"
	( sv_as_exec "$t" "$BIN" class serve "$dir" ) >"$SV_T/files.log" 2>&1 &
	pid=$!
	if sv_wait_for "$SV_T/files.log" 'serving' 50; then
		read -r id right wrong < <(sv_scenario)
		sv_ucurl "$st" --unix-socket "$dir/class.sock" -H 'Content-Type: application/json' \
			-d "{\"item\":\"$id\",\"qtype\":\"pick\",\"given\":\"$right\"}" http://localhost/v1/answers
		[ "$(cat "$SV_T/code")" = 201 ] && grep -q 'class.db-shm was 400; it is 600 now' "$SV_T/files.log" &&
			ok server/files-readonly-shm-fixed ||
			bad server/files-readonly-shm-fixed "$(cat "$SV_T/code") $(head -c 200 "$SV_T/b") $(cat "$SV_T/files.log")"
	else
		bad server/files-readonly-shm-fixed "$(cat "$SV_T/files.log")"
	fi
	kill -TERM "$pid" 2>/dev/null; sleep 0.1; kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null

	# A learner's own database, once opened read-only: SQLite leaves its
	# -shm 0444; made writable again, the file is written at the next start.
	local own=$SV_T/own-$st/lr
	mkdir -p "$own"
	chown "$st" "$own"
	printf '1\n' | sv_as "$st" "$BIN" --db "$own/ro.db" --lang en quiz --plain --count 1 --type pick >/dev/null 2>&1
	chmod 444 "$own/ro.db"
	printf '1\n' | sv_as "$st" "$BIN" --db "$own/ro.db" --lang en quiz --plain --count 1 --type pick >/dev/null 2>&1
	chmod 644 "$own/ro.db"
	printf '1\n' | sv_as "$st" "$BIN" --db "$own/ro.db" --lang en quiz --plain --count 1 --type pick \
		>"$CLI_T/out" 2>"$CLI_T/err"
	CLI_RC=$?
	sv_check files-learner-writable-again 0 out '^Score: '
	# Another account's read-only -shm beside it: named, with what to do.
	printf '1\n' | sv_as "$st" "$BIN" --db "$own/b.db" --lang en quiz --plain --count 1 --type pick >/dev/null 2>&1
	install -o "$t" -m 0444 /dev/null "$own/b.db-shm"
	printf '1\n' | sv_as "$st" "$BIN" --db "$own/b.db" --lang en quiz --plain --count 1 --type pick \
		>"$CLI_T/out" 2>"$CLI_T/err"
	CLI_RC=$?
	sv_check files-learner-others-shm 1 err "b.db-shm belongs to $t and you cannot write it.*check"

	userdel "$t" 2>/dev/null
	userdel "$st" 2>/dev/null
	groupdel "$g" 2>/dev/null
}

# ---- a server whose writes fail (QA 4b D8, D4) and names the client cannot use (D9) -------

sv_full() {
	local dir=$SV_T/full sock i code id right wrong
	mkdir -p "$dir"
	sock=$dir/class.sock
	sv_start "$dir" || { bad "server/full-start" "$(tail -3 "$SV_LOG")"; return; }
	cli_x --class "$dir" exam new z1 --count 3 --type pick
	# Exam names that cannot be one: "no exam", never "cannot be reached".
	cli_xin '' --class "$dir" exam 'x y' --plain
	sv_check exam-name-space 1 err "there is no exam 'x y'" &&
		{ ! grep -q 'cannot be reached\|URL' "$CLI_T/err" && ok server/exam-name-space-not-unreachable ||
			bad server/exam-name-space-not-unreachable "$(cat "$CLI_T/err")"; }
	cli_xin '' --class "$dir" exam $'a\e[31mRED' --plain
	sv_check exam-name-control 1 err "there is no exam 'a.*RED'" &&
		{ ! grep -q $'\e' "$CLI_T/err" && ok server/exam-name-scrubbed ||
			bad server/exam-name-scrubbed "$(od -c "$CLI_T/err" | head -3)"; }
	sv_stop
	# The same server with its file size limit just above the -shm (ulimit
	# -f in KiB; SIGXFSZ ignored): its WAL soon cannot grow, every commit
	# fails, as on a full disk.
	( trap '' XFSZ; ulimit -f 40; exec "$BIN" class serve "$dir" ) >>"$SV_LOG" 2>&1 &
	SV_PID=$!
	for i in $(seq 100); do
		curl -s -o /dev/null --unix-socket "$sock" http://localhost/v1/me 2>/dev/null && break
		sleep 0.05
	done
	read -r id right wrong < <(sv_scenario)
	for i in $(seq 40); do
		code=$(curl -s -o "$SV_T/b" -w '%{http_code}' --unix-socket "$sock" -H 'Content-Type: application/json' \
			-d "{\"item\":\"$id\",\"qtype\":\"pick\",\"given\":\"$right\"}" http://localhost/v1/answers)
		[ "$code" -ge 500 ] && break
	done
	[ "$code" = 503 ] && sv_json full-503-says-why "j['type'] == '/problems/not-saved' and 'file size limit' in j['reason'] and 'file size limit' in j['detail'] and j['reason_code'] == 'file-size-limit'" ||
		bad server/full-503-says-why "status $code: $(head -c 300 "$SV_T/b")"
	grep -q 'ERROR: NOT SAVED.*file size limit' "$SV_LOG" && ok server/full-error-logged ||
		bad server/full-error-logged "$(tail -3 "$SV_LOG")"
	# The student is told the server could not save it, not that it is away.
	cli_xin '1\n' --class "$dir" --lang en exam z1 --plain
	sv_check full-exam-not-saved 1 err 'the class server could not save this \(the file size limit.*tell your teacher' &&
		{ ! grep -q 'cannot be reached' "$CLI_T/err" && ok server/full-not-unreachable ||
			bad server/full-not-unreachable "$(cat "$CLI_T/err")"; }
	# On a terminal, plain mode's stderr is wrapped to COLUMNS like its
	# stdout: the NOT SAVED sentence is not broken mid-word (QA 5b #7).
	if command -v script >/dev/null; then
		printf '1\n' | COLUMNS=80 script -qec "$BIN --class $dir --lang en exam z1 --plain" /dev/null \
			2>/dev/null | tr -d '\r' >"$SV_T/tty.out"
		"$SV_PY" - "$SV_T/tty.out" <<'PY' 2>"$SV_T/tty.why" && ok server/full-stderr-wrapped-tty ||
import sys
lines = open(sys.argv[1], encoding="utf-8", errors="replace").read().split("\n")
# (the prompt "> " may share the line: the input was typed ahead)
i = next(k for k, l in enumerate(lines) if "httptutor: NOT SAVED" in l)
lines[i] = lines[i][lines[i].index("httptutor: "):]
msg = []
for l in lines[i:]:
    if not l.strip():
        break
    msg.append(l)
assert all(len(l) <= 80 for l in msg), msg
assert len(msg) > 1, msg
text = " ".join(msg)
assert "could not save this (the file size limit was reached (ulimit -f)); tell your teacher" in text, text
PY
			bad server/full-stderr-wrapped-tty "$(tail -3 "$SV_T/tty.why") $(head -c 600 "$SV_T/tty.out")"
	fi
	# The reason in the learner's language (the server names it), and a
	# full-screen status line that says the important part in 80 columns.
	cli_xin '1\n' --class "$dir" --lang zh-TW exam z1 --plain
	sv_check full-exam-not-saved-zh 1 err '班級伺服器無法儲存這筆資料（已達檔案大小上限（ulimit -f））；請告訴老師' &&
		{ ! grep -q 'file size limit' "$CLI_T/err" && ok server/full-reason-zh ||
			bad server/full-reason-zh "$(cat "$CLI_T/err")"; }
	local lang last want
	for lang in zh-TW en; do
		rm -f "$SV_T/full.screen"
		HTTPTUTOR_TEST_SIZE=80x24 HTTPTUTOR_TEST_SCRIPT='<Enter>1<Dump>qy' HTTPTUTOR_TEST_DUMP=$SV_T/full.screen \
			"$BIN" --class "$dir" --lang $lang exam z1 </dev/null >/dev/null 2>&1
		last=$(grep -B1 -m1 -- '^--------$' "$SV_T/full.screen" | head -1)
		case $lang in
		en) want='NOT SAVED (class server: the file size limit was reached' ;;
		*) want='未儲存（班級伺服器：已達檔案大小上限（ulimit -f））；請告訴老師' ;;
		esac
		[[ $last == *"$want"* ]] && ok "server/full-status-line-$lang" ||
			bad "server/full-status-line-$lang" "status line: $last"
	done
	sv_stop
}

# ---- a folder without class.db, and a full disk at the start (QA 5b #9, #10) ------------

sv_new_db() {
	local m=$SV_T/mnt dir log=$SV_T/new.log
	mkdir -p "$m"
	if ! mount -t tmpfs -o size=1m tmpfs "$m" 2>/dev/null; then
		ok "server/new-db (skipped: cannot mount tmpfs)"
		return
	fi
	dir=$m/srv
	mkdir "$dir"
	dd if=/dev/zero of="$m/fill" bs=64k 2>/dev/null
	cli_x --lang en class serve "$dir"
	sv_check full-start-free-space 1 err "the disk is full; free space on $dir and start the server again"
	[ -z "$(ls -A "$dir")" ] && ok server/full-start-leaves-nothing ||
		bad server/full-start-leaves-nothing "$(sv_ls "$dir")"
	rm -f "$m/fill"
	: >"$log"
	SV_LOG=$log sv_start "$dir" --lang en || bad server/new-db-start "$(cat "$log")"
	sv_stop
	grep -q "no class.db in $dir: made a new, empty class database" "$log" && ok server/new-db-said ||
		bad server/new-db-said "$(cat "$log")"
	: >"$log"
	SV_LOG=$log sv_start "$dir" --lang en
	sv_stop
	! grep -q 'no class.db' "$log" && grep -q '^[0-9T:Z-]* serving ' "$log" && ok server/old-db-not-new ||
		bad server/old-db-not-new "$(cat "$log")"
	rm -f "$dir"/class.db*
	: >"$log"
	SV_LOG=$log sv_start "$dir" --lang zh-TW
	sv_stop
	grep -q "$dir 裡沒有 class.db：已建立一個新的空白班級資料庫" "$log" && ok server/new-db-said-zh ||
		bad server/new-db-said-zh "$(cat "$log")"
	umount "$m"
}

# ---- the client: the same answers through a file and through the server --------------

sv_client() {
	local dir=$SV_T/k own=$SV_T/own-k db=$SV_T/k-local.db want got
	mkdir -p "$dir"
	# This test's own progress files; the run's XDG_DATA_HOME comes back on return.
	local -x XDG_DATA_HOME=$own
	sv_start "$dir" || { bad "server/client-start" "$(tail -3 "$SV_LOG")"; return; }
	# One interface, two backends: stats and export agree.
	cli_xin '1\n2\n3\n4\n' --db "$db" quiz --plain --type pick --seed 9 --count 4
	cli_x --db "$db" stats --json
	want=$("$SV_PY" -c 'import json,sys; j=json.load(open(sys.argv[1])); del j["user"]; print(json.dumps(j, sort_keys=True))' "$CLI_T/out")
	cli_xin '1\n2\n3\n4\n' --class "$dir" quiz --plain --type pick --seed 9 --count 4
	sv_check client-quiz 0 out '^Score: '
	cli_x --class "$dir" stats --json
	got=$("$SV_PY" -c 'import json,sys; j=json.load(open(sys.argv[1])); del j["user"]; print(json.dumps(j, sort_keys=True))' "$CLI_T/out")
	[ -n "$want" ] && [ "$want" = "$got" ] && ok "server/stats-same-both-ways" ||
		bad "server/stats-same-both-ways" "file: ${want:0:200} server: ${got:0:200}"
	cli_x --db "$db" export --csv
	cut -d, -f5-11 "$CLI_T/out" >"$SV_T/e1"
	cli_x --class "$dir" export --csv
	cut -d, -f5-11 "$CLI_T/out" >"$SV_T/e2"
	cmp -s "$SV_T/e1" "$SV_T/e2" && ok "server/export-same-both-ways" ||
		bad "server/export-same-both-ways" "$(diff "$SV_T/e1" "$SV_T/e2" | head -3)"
	cli_xin '' --class "$dir" review --plain
	sv_check client-review 0

	# Offline: kept on this computer, then sent once when the server is back.
	local before
	before=$(sv_sql "$dir/class.db" 'SELECT count(*) FROM answer')
	sv_stop
	cli_xin '404\n404\n404\n' --class "$dir" quiz --plain --type type --seed 3 --count 3
	sv_check offline-kept 0 out 'Kept on this computer'
	[ "$(sv_sql "$own/httptutor/progress.db" 'SELECT count(*) FROM pending')" = 3 ] &&
		ok "server/offline-queue" || bad "server/offline-queue" "$(sv_sql "$own/httptutor/progress.db" 'SELECT method, path FROM pending')"
	cli_x --class "$dir" stats
	sv_check offline-stats-refused 1 err 'cannot reach' \
		err '; 3 practice answers made meanwhile are waiting on this computer and are sent when the server is back: try again later'
	sv_start "$dir"
	cli_x --class "$dir" stats --json
	sv_check back-online-sent 0
	[ "$(sv_sql "$dir/class.db" 'SELECT count(*) FROM answer')" = $((before + 3)) ] &&
		[ "$(sv_sql "$own/httptutor/progress.db" 'SELECT count(*) FROM pending')" = 0 ] &&
		ok "server/sent-once" || bad "server/sent-once" "$(sv_sql "$dir/class.db" 'SELECT count(*) FROM answer') answers, before $before"
	# Sent again (a reply lost after the commit): the key makes it one answer.
	local key=replay-k1 body item
	item=$(sv_sql "$dir/class.db" "SELECT item FROM answer WHERE item NOT LIKE 'code:%' LIMIT 1")
	body="{\"item\":\"$item\",\"qtype\":\"type\",\"given\":\"404\"}"
	sv_req replay-first 201 -- --unix-socket "$dir/class.sock" \
		-H 'Content-Type: application/json' -H "Idempotency-Key: $key" -d "$body" http://localhost/v1/answers
	sv_req replay-same-key 201 '^idempotent-replayed: true' -- --unix-socket "$dir/class.sock" \
		-H 'Content-Type: application/json' -H "Idempotency-Key: $key" -d "$body" http://localhost/v1/answers
	[ "$(sv_sql "$dir/class.db" 'SELECT count(*) FROM answer')" = $((before + 4)) ] &&
		ok "server/replay-not-done-twice" || bad "server/replay-not-done-twice" "$(sv_sql "$dir/class.db" 'SELECT count(*) FROM answer')"
	# The same key with another answer, or on another path: refused, not the first reply.
	sv_req idem-key-other-body 422 -- --unix-socket "$dir/class.sock" \
		-H 'Content-Type: application/json' -H "Idempotency-Key: $key" \
		-d "${body/404/401}" http://localhost/v1/answers &&
		{ grep -q 'already used for another request; use a new key' "$SV_T/b" &&
		  ok "server/idem-key-other-body-says" || bad "server/idem-key-other-body-says" "$(cat "$SV_T/b")"; }
	sv_req idem-key-other-path 422 -- --unix-socket "$dir/class.sock" \
		-H 'Content-Type: application/json' -H "Idempotency-Key: $key" \
		-d '{"chapter":"forgotten"}' http://localhost/v1/visits
	[ "$(sv_sql "$dir/class.db" 'SELECT count(*) FROM answer')" = $((before + 4)) ] &&
		ok "server/idem-key-other-not-done" || bad "server/idem-key-other-not-done" "$(sv_sql "$dir/class.db" 'SELECT count(*) FROM answer')"
	sv_stop
}

# ---- TCP: tokens, HTTPS, the warning beyond loopback -------------------------------------

sv_tcp() {
	local dir=$SV_T/t port tok
	port=$(sv_port)
	mkdir -p "$dir"
	sv_start "$dir" --listen "127.0.0.1:$port" || { bad "server/tcp-start" "$(tail -3 "$SV_LOG")"; return; }
	sv_req 401-no-token 401 '^www-authenticate: Bearer realm="httptutor class"$' -- "http://127.0.0.1:$port/v1/me"
	sv_req 401-bad-token 401 'error="invalid_token"' -- -H 'Authorization: Bearer abcd-efgh-ijkm-npqr-stuv-wx' \
		"http://127.0.0.1:$port/v1/me"
	# A bad name is named; --user is not what to fix (QA 5b #10).
	cli_x --class "$dir" class roster add -- newkid $'bad\tname'
	sv_check roster-bad-name-named 1 err "the roster name 'bad.name' has a control character U\+0009 at byte 4" &&
		{ ! grep -q -e '--user\|HTTPTUTOR_USER' "$CLI_T/err" && ok server/roster-bad-name-no-user ||
			bad server/roster-bad-name-no-user "$(cat "$CLI_T/err")"; }
	sv_req tcp-malformed-token 401 'error="invalid_token"' -- -H 'Authorization: Bearer abcd' \
		"http://127.0.0.1:$port/v1/me" &&
		{ grep -q 'that is not a class token: a token is 26 letters and digits' "$SV_T/b" &&
			ok server/tcp-malformed-token-says || bad server/tcp-malformed-token-says "$(cat "$SV_T/b")"; }
	cli_x --class "$dir" class roster add lin chen
	sv_check roster-add 0 out '^lin  [a-z2-9]{4}(-[a-z2-9]{4}){5}-[a-z2-9]{2}$' err 'shown only now'
	tok=$(sed -n 's/^lin  //p' "$CLI_T/out")
	[ "$(sv_sql "$dir/class.db" "SELECT count(*) FROM roster WHERE token_hash = '$tok'")" = 0 ] &&
		[ "$(sv_sql "$dir/class.db" "SELECT length(token_hash) FROM roster WHERE name = 'lin'")" = 64 ] &&
		ok "server/token-hashed" || bad "server/token-hashed" "$(sv_sql "$dir/class.db" 'SELECT * FROM roster')"
	HTTPTUTOR_TOKEN=$tok XDG_DATA_HOME=$SV_T/own-lin cli_xin '404\n404\n' --class "127.0.0.1:$port" \
		quiz --plain --type type --seed 4 --count 2
	sv_check tcp-token-quiz 0 out '^Score: '
	[ "$(sv_sql "$dir/class.db" "SELECT count(*) FROM answer a JOIN profile p ON p.id = a.profile_id WHERE p.name = 'lin' AND a.uid = -1")" = 2 ] &&
		ok "server/tcp-answers-as-roster-name" || bad "server/tcp-answers-as-roster-name" "$(sv_sql "$dir/class.db" 'SELECT profile_id, uid FROM answer')"
	HTTPTUTOR_TOKEN=abcd-efgh-ijkm-npqr-stuv-wx XDG_DATA_HOME=$SV_T/own-lin cli_x --class "127.0.0.1:$port" stats
	sv_check tcp-bad-token-refused 1 err 'not on the class roster'
	# A quiz with a token the server refuses does not start: no question is
	# asked whose answer could not be kept.
	HTTPTUTOR_TOKEN=abcd-efgh-ijkm-npqr-stuv-wx XDG_DATA_HOME=$SV_T/own-lin cli_xin '404\n' \
		--class "127.0.0.1:$port" quiz --plain --type type --seed 4 --count 1
	sv_check tcp-bad-token-quiz-refused 1 err 'not on the class roster' &&
		{ ! grep -q 'Score' "$CLI_T/out" && ok server/tcp-bad-token-no-question ||
			bad server/tcp-bad-token-no-question "$(head -c 300 "$CLI_T/out")"; }
	cli_x --class "$dir" class roster
	sv_check roster-list-aligned 0 out '^chen  token issued [0-9-]+ [0-9:]+$' out '^lin   token issued '
	cli_x --class "$dir" class roster --print
	sv_check roster-print 0 out "export HTTPTUTOR_CLASS=http://127.0.0.1:$port" out 'export HTTPTUTOR_TOKEN=' \
		out 'slip for chen'
	HTTPTUTOR_TOKEN=$tok XDG_DATA_HOME=$SV_T/own-lin cli_x --class "127.0.0.1:$port" stats
	sv_check new-slip-replaces-old 1 err 'not on the class roster'
	sv_stop

	# HTTPS with a certificate; plain HTTP beyond loopback is warned about.
	if command -v openssl >/dev/null; then
		openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
			-addext subjectAltName=DNS:localhost -keyout "$SV_T/key.pem" -out "$SV_T/cert.pem" >/dev/null 2>&1
		port=$(sv_port)
		sv_start "$dir" --listen "127.0.0.1:$port" --tls-cert "$SV_T/cert.pem" --tls-key "$SV_T/key.pem"
		cli_x --class "$dir" class roster add wu
		tok=$(sed -n 's/^wu  //p' "$CLI_T/out")
		sv_req https 200 -- --cacert "$SV_T/cert.pem" -H "Authorization: Bearer $tok" \
			"https://localhost:$port/v1/me"
		HTTPTUTOR_CA=$SV_T/cert.pem HTTPTUTOR_TOKEN=$tok XDG_DATA_HOME=$SV_T/own-wu \
			cli_xin '404\n' --class "https://localhost:$port" quiz --plain --type type --seed 5 --count 1
		sv_check https-client 0 out '^Score: 0/1|^Score: 1/1'
		curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/v1/me" >"$SV_T/code" 2>/dev/null
		[ "$(cat "$SV_T/code")" != 200 ] && ok "server/https-only" || bad "server/https-only" "plain HTTP answered"
		# http:// to the HTTPS port: the hint to use https:// (QA 5b #10).
		HTTPTUTOR_TOKEN=$tok XDG_DATA_HOME=$SV_T/own-wu cli_x --class "http://localhost:$port" stats
		sv_check http-to-https-hint 1 err 'the server may speak HTTPS: use https://'
		sv_stop
	fi
	port=$(sv_port)
	: >"$SV_LOG.wide"
	SV_LOG=$SV_LOG.wide sv_start "$dir" --listen "0.0.0.0:$port"
	grep -q 'WARNING: plain HTTP on 0.0.0.0' "$SV_LOG.wide" && ok "server/plain-http-warning" ||
		bad "server/plain-http-warning" "$(cat "$SV_LOG.wide")"
	sv_stop
	cli_x class serve "$dir" --tls-cert "$SV_T/cert.pem"
	sv_check tls-needs-listen 2 err 'HTTPS needs --listen'
	cli_x class serve "$dir" --listen 127.0.0.1:0
	sv_check listen-port-0-refused 1 err "--listen takes HOST:PORT .*not '127.0.0.1:0'"
	cli_x --class "$dir" --db "$SV_T/x.db" stats
	sv_check class-and-db 2 err 'give one'
}

# ---- the loss test: killed three times while a class answers ------------------------------

sv_loss() {
	local dir=$SV_T/l port
	port=$(sv_port)
	mkdir -p "$dir"
	sv_start "$dir" --listen "127.0.0.1:$port" || { bad "server/loss-start" "$(tail -3 "$SV_LOG")"; return; }
	cli_x --class "$dir" class roster add $(seq -f 'st%g' 1 20)
	sed 's/  / /' "$CLI_T/out" >"$SV_T/tokens"
	sv_stop
	"$SV_PY" "$ROOT/tests/data/server/class_load.py" --bin "$BIN" --content "$ROOT/content" \
		--target "tcp:127.0.0.1:$port" --n 20 --k 10 --tokens "$SV_T/tokens" --own "$SV_T/own-l" \
		--pace-ms 40 --down-ms 300 --serve "$BIN class serve $dir --listen 127.0.0.1:$port" --kills 3 \
		--db "$dir/class.db" --log "$SV_LOG" >"$SV_T/loss.json" 2>"$SV_T/loss.err"
	"$SV_PY" -c 'import json,sys
j = json.load(open(sys.argv[1]))
assert j["kills"] == 3, j
assert j["answers"] == 200 and not j["failed"], j
assert j["in_database"] == j["confirmed"] and not j["mismatch"], j
assert j["still_waiting"] == 0, j
assert j["students_who_kept"] > 0, ("no student ever lost the server", j)' "$SV_T/loss.json" 2>"$SV_T/loss.why" &&
		ok "server/loss-killed-3-times" || bad "server/loss-killed-3-times" "$(tail -1 "$SV_T/loss.why") $(cat "$SV_T/loss.err" | tail -3)"
	[ -s "$SV_T/loss.json" ] && echo "  loss test: $(cat "$SV_T/loss.json")" >>"$OUT/server-figures.txt"
}

run_server() {
	# Another user cannot run a python3 from root's home (pyenv).
	SV_PY=python3
	[ -x /usr/bin/python3 ] && SV_PY=/usr/bin/python3
	SV_T=$(mktemp -d)
	chmod 755 "$SV_T"
	CLI_T=$SV_T
	SV_LOG=$SV_T/server.log
	: >"$OUT/server-figures.txt"
	sv_unix
	sv_files
	sv_full
	sv_new_db
	sv_client
	sv_tcp
	sv_loss
	sv_stop
	cp "$SV_LOG" "$OUT/server.log" 2>/dev/null
	rm -rf "$SV_T"
}
