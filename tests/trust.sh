# Trust tests: what httptutor itself guarantees on a shared class file, with
# real, separate OS users (we are root in CI: they are made here and removed
# after).  A teacher who is not root owns the class folder; students in the
# group try, with httptutor commands only, what a student should not get:
# making or closing the teacher's exam, the key and the grid through the
# report, another student's attempt through --user, the right answer of the
# question on screen through search and the cards, and a sealed verdict
# through stats and export.  Sourced by tests/run.sh (ok/bad, $BIN,
# HTTPTUTOR_NOW, LANG=C.UTF-8); runs use cli.sh's cli_x.

TR_T=

# tr_check NAME RC [out|err ERE]… : exam.sh's check, named trust/NAME.
tr_check() {
	EX_T=$TR_T EX_GROUP=trust ex_check "$@"
}

# tr_same NAME WHAT BEFORE AFTER: a value the refused command must not change.
tr_same() {
	[ "$3" = "$4" ] && ok "trust/$1" || bad "trust/$1" "$2 changed: '$3' → '$4'"
}

# tr_as USER ARGS…: httptutor as that OS user, stdin from $TR_T/in, no
# HTTPTUTOR_USER (the kernel says who it is).
tr_as() {
	local u=$1
	shift
	env -u HTTPTUTOR_USER HOME=/nonexistent setpriv --reuid="$u" --regid="$(id -g "$u")" \
		--init-groups "$BIN" "$@" <"$TR_T/in" >"$TR_T/out" 2>"$TR_T/err"
	CLI_RC=$?
}

# The English situation of scenario $1, one line, from the content pack.
tr_situation() {
	python3 - "$ROOT/content/scenarios" "$1" <<'PY'
import glob, sys, yaml
for f in glob.glob(sys.argv[1] + "/*.yaml"):
    for s in yaml.safe_load(open(f)) or []:
        if isinstance(s, dict) and s.get("id") == sys.argv[2]:
            print(" ".join(s["en"]["situation"].split()))
PY
}

# One line per output, whitespace folded: wrapped text compares whole.
tr_fold() {
	tr -s ' \n' '  ' <"$1"
}

tr_users() {
	local g=$1
	shift
	groupadd "$g" || return 1
	local u
	for u in "$@"; do
		useradd -M -N -g "$g" -s /bin/sh "$u" || return 1
	done
}

tr_class() {
	local g=httr$$ t=httrt$$ sa=httra$$ sb=httrb$$ sc=httrc$$ dir db key
	if [ "$(id -u)" != 0 ] || ! command -v useradd >/dev/null || ! command -v setpriv >/dev/null; then
		ok "trust/os-users (skipped: needs root, useradd and setpriv)"
		return
	fi
	if ! tr_users "$g" "$t" "$sa" "$sb" "$sc"; then
		bad "trust/users" "could not add test users"
		userdel "$t" 2>/dev/null; userdel "$sa" 2>/dev/null; userdel "$sb" 2>/dev/null
		userdel "$sc" 2>/dev/null; groupdel "$g" 2>/dev/null
		return
	fi
	chmod 755 "$TR_T"
	install -d -o "$t" -g "$g" -m 755 "$TR_T/t"
	dir=$TR_T/t/class
	db=$dir/class.db
	: >"$TR_T/in"
	tr_as "$t" class init "$dir" --group "$g"
	tr_check teacher-class-init 0 out "^  export HTTPTUTOR_DB=$db\$"
	[ "$(stat -c %U "$db")" = "$t" ] && ok "trust/teacher-owns-file" ||
		bad "trust/teacher-owns-file" "class.db belongs to $(stat -c %U "$db")"
	HTTPTUTOR_TEST_SEED=21 tr_as "$t" --db "$db" exam new mid --count 4 --type pick --minutes 30
	tr_check teacher-exam-new 0 out '^  httptutor exam mid$'

	# Item 4: students can neither make nor close the teacher's exam.
	tr_as "$sa" --db "$db" exam new fake --count 2
	tr_check student-exam-new-refused 1 err "only the owner of $db \\(the teacher who set it up\\) or root can make an exam"
	tr_same student-exam-new-nothing-made "exams" 1 "$(sqlite3 "$db" 'SELECT count(*) FROM exam')"
	local state
	state=$(sqlite3 "$db" "SELECT quote(closes_at) || quote(closed_at) FROM exam WHERE id = 'mid'")
	tr_as "$sa" --db "$db" exam close mid
	tr_check student-exam-close-refused 1 err 'only the teacher who made exam mid'
	tr_as "$sa" --db "$db" --lang zh-TW exam close mid --closes +1m
	tr_check student-closes-refused-zh 1 err '只有建立考試 mid 的老師'
	tr_same student-close-nothing-changed "closes/closed" "$state" \
		"$(sqlite3 "$db" "SELECT quote(closes_at) || quote(closed_at) FROM exam WHERE id = 'mid'")"

	# QA-2 #3: a's practice answers, then b under a's name from b's account:
	# b reads none of a's answers (export, stats, review's history); what b
	# writes there is b's own, and a does not see it as hers.
	printf '1\n2\n' >"$TR_T/in"
	tr_as "$sa" --db "$db" quiz --plain --seed 4 --count 2 --type pick
	tr_check a-practice 0 out 'Score: '
	printf '1\n' >"$TR_T/in"
	tr_as "$sb" --db "$db" --user "$sa" quiz --plain --seed 9 --count 1 --type pick
	tr_check b-practice-as-a 0 out 'Score: '
	: >"$TR_T/in"
	tr_as "$sb" --db "$db" --user "$sa" export --csv
	tr_check other-export-own-rows 0 !out ",$sa,$(id -u "$sa")," out ",$sa,$(id -u "$sb"),"
	[ "$(grep -c . "$TR_T/out")" = 2 ] && ok "trust/other-export-one-row" ||
		bad "trust/other-export-one-row" "$(cat "$TR_T/out")"
	tr_as "$sb" --db "$db" --user "$sa" export --json
	python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert [x["uid"] for x in r] == [int(sys.argv[2])], r' \
		"$TR_T/out" "$(id -u "$sb")" 2>"$TR_T/why" && ok "trust/other-export-json" ||
		bad "trust/other-export-json" "$(tail -c 300 "$TR_T/why")"
	tr_as "$sb" --db "$db" --user "$sa" stats --json
	python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["answers"] == 1, r["answers"]' \
		"$TR_T/out" 2>"$TR_T/why" && ok "trust/other-stats-own-rows" ||
		bad "trust/other-stats-own-rows" "$(tail -c 300 "$TR_T/why")"
	tr_as "$sa" --db "$db" stats --json
	python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["answers"] == 2, r["answers"]' \
		"$TR_T/out" 2>"$TR_T/why" && ok "trust/own-stats-without-others" ||
		bad "trust/own-stats-without-others" "$(tail -c 300 "$TR_T/why")"
	tr_as "$sa" --db "$db" export --csv
	[ "$CLI_RC" = 0 ] && [ "$(grep -c ",$sa,$(id -u "$sa")," "$TR_T/out")" = 2 ] &&
		! grep -q ",$sa,$(id -u "$sb")," "$TR_T/out" && ok "trust/own-export-without-others" ||
		bad "trust/own-export-without-others" "$(cat "$TR_T/out")"
	tr_as "$t" --db "$db" --user "$sa" export --csv
	[ "$(grep -c ",$sa," "$TR_T/out")" = 3 ] && ok "trust/teacher-export-all-rows" ||
		bad "trust/teacher-export-all-rows" "$(cat "$TR_T/out")"
	tr_as "$sb" --db "$db" --lang zh-TW --user "$sa" stats
	tr_check other-stats-zh 0 out '作答'

	# Student a sits the exam: two answers, then leaves (end of input).
	printf '1\n2\n' >"$TR_T/in"
	tr_as "$sa" --db "$db" exam mid
	tr_check student-a-answers 0 out 'Saved: .*' out '^You left the exam' out '^  httptutor exam mid$'

	# Item 3: b cannot go on with a's attempt, nor answer in it, by name.
	local before
	before=$(sqlite3 "$db" 'SELECT count(*) || "/" || max(id) FROM answer')
	printf '3\n4\nfinish\ny\n' >"$TR_T/in"
	tr_as "$sb" --db "$db" --user "$sa" exam mid
	tr_check other-uid-cannot-resume 1 err "exam mid under the name $sa was started from another account" \
		!out 'Saved: ' !out 'Resuming'
	tr_same other-uid-wrote-nothing "answers" "$before" "$(sqlite3 "$db" 'SELECT count(*) || "/" || max(id) FROM answer')"
	# …nor take c's attempt before c comes (c is a login of its own).
	tr_as "$sb" --db "$db" --user "$sc" exam mid
	tr_check login-name-of-another 1 err "$sc is the login name of another account"
	tr_same login-name-no-attempt "attempts of $sc" 0 \
		"$(sqlite3 "$db" "SELECT count(*) FROM session s JOIN profile p ON p.id = s.profile_id WHERE p.name = '$sc'")"
	# A name that is nobody's login is still b's own to use.
	printf 'q\ny\n' >"$TR_T/in"
	tr_as "$sb" --db "$db" --user "nick$$" exam mid
	tr_check own-nickname-allowed 0 out 'Exam mid: 4 questions'
	# QA 4b D1: but that was b's one attempt (it counts per account): b's
	# own name gets no other, nor does a third name, and b is told which
	# name used it.
	: >"$TR_T/in"
	tr_as "$sb" --db "$db" exam mid
	tr_check own-name-after-nickname-refused 1 \
		err "you have used the attempts at exam mid \\(1 per account\\): this account \\(uid $(id -u "$sb")\\) sat it as nick$$;" \
		!out 'Saved: '
	tr_as "$sb" --db "$db" --lang zh-TW --user "third$$" exam mid
	tr_check third-name-refused-zh 1 err "已用 nick$$ 的名稱作答過"
	tr_same nickname-no-second-attempt "attempts from b's uid" 1 \
		"$(sqlite3 "$db" "SELECT count(*) FROM session WHERE exam_id = 'mid' AND uid = $(id -u "$sb")")"

	# Item 2: the report is the teacher's, in every format and on the board.
	key=$(sqlite3 "$db" "SELECT group_concat(expected, '|') FROM exam_question WHERE exam_id = 'mid'")
	local fmt
	for fmt in text --json --csv; do
		: >"$TR_T/in"
		if [ "$fmt" = text ]; then tr_as "$sa" --db "$db" report --exam mid
		else tr_as "$sa" --db "$db" report --exam mid "$fmt"; fi
		tr_check "student-report-refused-${fmt#--}" 1 err 'the results of exam mid are for its teacher; to see your own, run: httptutor exam mid' \
			!out '.'
	done
	tr_as "$sa" --db "$db" report --exam mid --html "$TR_T/sa.html"
	tr_check student-report-html-refused 1 err 'are for its teacher'
	[ ! -e "$TR_T/sa.html" ] && ok "trust/student-report-html-not-written" ||
		bad "trust/student-report-html-not-written" "the page was written"
	TERM=xterm-256color tr_as "$sa" --db "$db" report --exam mid --watch
	tr_check student-watch-refused 1 err 'are for its teacher'
	tr_as "$sa" --db "$db" report
	tr_check student-class-report-refused 1 err "the class report of $db is for its teacher only" !out '.'
	tr_as "$t" --db "$db" report --exam mid --json
	tr_check teacher-report 0 out "\"name\": \"$sa\""
	cli_x --db "$db" report --exam mid --json
	tr_check root-report 0 out "\"name\": \"$sa\""
	tr_as "$t" --db "$db" report
	tr_check teacher-class-report 0 out "$sa"

	# The teacher sees who wrote what: an answer put into a's attempt from
	# b's uid (the sqlite3 shell can), and an attempt under c's login name
	# that b's uid started.
	local sid auid buid item
	sid=$(sqlite3 "$db" "SELECT s.id FROM session s JOIN profile p ON p.id = s.profile_id WHERE p.name = '$sa' AND s.attempt = 1")
	auid=$(id -u "$sa")
	buid=$(id -u "$sb")
	item=$(sqlite3 "$db" "SELECT item FROM exam_question WHERE exam_id = 'mid' AND pos = 3")
	sqlite3 "$db" "INSERT INTO answer(profile_id, uid, session_id, item, qtype, shown, given, expected, correct, ms, answered_at)
		SELECT profile_id, $buid, id, '$item', 'pick', '', '200', '200', 0, 1, $HTTPTUTOR_NOW FROM session WHERE id = $sid;
		INSERT OR IGNORE INTO profile(name, created_at) VALUES ('$sc', 0);
		INSERT INTO session(profile_id, kind, seed, started_at, exam_id, attempt, deadline_at, uid)
		SELECT id, 'exam', 1, $HTTPTUTOR_NOW, 'mid', 1, $HTTPTUTOR_NOW + 1800, $buid FROM profile WHERE name = '$sc'"
	COLUMNS=80 tr_as "$t" --db "$db" report --exam mid
	tr_fold "$TR_T/out" >"$TR_T/fold"
	cp "$TR_T/fold" "$TR_T/out"
	tr_check report-flags-foreign-answers 0 out 'Check these attempts:' \
		out "$sa: attempt 1 holds answers written from another account than the one that started it \\(1\\)" \
		out "$sc: attempt 1 was started from uid $buid \\($sb\\), not from the account of that name" \
		out "uid $buid \\($sb\\) sat this exam under 2 names: $sc, nick$$"
	COLUMNS=200 tr_as "$t" --db "$db" --lang zh-TW report --exam mid
	tr_fold "$TR_T/out" >"$TR_T/fold"
	cp "$TR_T/fold" "$TR_T/out"
	tr_check report-flags-names-zh 0 out '請查核這些作答：' \
		out "uid $buid（$sb）用 2 個名稱參加了這場考試：$sc、nick$$"
	tr_as "$t" --db "$db" report --exam mid --csv
	python3 - "$TR_T/out" "$sc" "nick$$" "$sa" >"$TR_T/why" 2>&1 <<'PY'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1], newline="")) if r["scope"] == "student"]
o = {r["student"]: r["other_names"] for r in rows}
assert o[sys.argv[2]] == "1" and o[sys.argv[3]] == "1" and o[sys.argv[4]] == "0", o
PY
	[ ! -s "$TR_T/why" ] && ok "trust/report-csv-other-names" || bad "trust/report-csv-other-names" "$(tail -c 300 "$TR_T/why")"
	tr_as "$t" --db "$db" report --exam mid --html "$TR_T/t/check.html"
	tr_check report-html-check 0
	grep -qF "<li class=\"check same-uid\" data-uid=\"$buid\">uid $buid ($sb) sat this exam under 2 names: $sc, nick$$</li>" "$TR_T/t/check.html" &&
		grep -qF "$sc: attempt 1 was started from uid $buid" "$TR_T/t/check.html" &&
		ok "trust/report-html-check-list" || bad "trust/report-html-check-list" "$(grep -A4 'id="check"' "$TR_T/t/check.html" | head -c 400)"
	tr_as "$t" --db "$db" report --exam mid --json
	python3 - "$TR_T/out" "$sa" "$sc" "$auid" "$buid" "$sb" "nick$$" >"$TR_T/why" 2>&1 <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
s = {x["name"]: x for x in r["students"]}
a, c = s[sys.argv[2]], s[sys.argv[3]]
assert a["uid"] == int(sys.argv[4]) and a["foreign_answers"] == 1 and not a["login_mismatch"], a
assert c["uid"] == int(sys.argv[5]) and c["login_mismatch"] is True, c
assert c["other_names"] == 1 and a["other_names"] == 0, (a, c)
assert r["same_uid"] == [{"uid": int(sys.argv[5]), "login": sys.argv[6], "names": sorted([sys.argv[3], sys.argv[7]])}], r["same_uid"]
PY
	[ ! -s "$TR_T/why" ] && ok "trust/report-json-flags" || bad "trust/report-json-flags" "$(tail -c 300 "$TR_T/why")"

	# Item 1: while a sits the exam, search and the cards leave its
	# questions out; the teacher, who is not sitting it, finds them (b and c
	# are: b under a nickname, c by the attempt put in above).
	local code sit words
	item=$(sqlite3 "$db" "SELECT item FROM exam_question WHERE exam_id = 'mid' AND pos = 0")
	code=$(sqlite3 "$db" "SELECT code FROM exam_question WHERE exam_id = 'mid' AND pos = 0")
	sit=$(tr_situation "$item")
	words=$(echo "$sit" | python3 -c 'import re,sys; w=[x for x in re.findall(r"[A-Za-z]{5,}", sys.stdin.read())]; print(" ".join(w[:3]))')
	: >"$TR_T/in"
	tr_as "$t" --db "$db" search $words
	tr_check search-finds-when-not-sitting 0 out "^\\[$item → $code\\]"
	tr_as "$sa" --db "$db" search $words
	grep -qF "[$item → " "$TR_T/out" && bad "trust/search-hides-while-sitting" "$(grep -m1 -F "[$item" "$TR_T/out")" ||
		ok "trust/search-hides-while-sitting"
	tr_as "$sa" --db "$db" --user "other$$" search $words
	grep -qF "[$item → " "$TR_T/out" && bad "trust/search-hides-by-uid" "found under another name" ||
		ok "trust/search-hides-by-uid"
	COLUMNS=200 tr_as "$t" --db "$db" code "$code"
	tr_fold "$TR_T/out" | grep -qF "$sit" && ok "trust/card-lists-when-not-sitting" ||
		bad "trust/card-lists-when-not-sitting" "no '$sit' on the card of $code"
	COLUMNS=200 tr_as "$sa" --db "$db" code "$code"
	[ "$CLI_RC" = 0 ] && ! tr_fold "$TR_T/out" | grep -qF "$sit" && ok "trust/card-hides-while-sitting" ||
		bad "trust/card-hides-while-sitting" "exit $CLI_RC; the situation is on the card"
	COLUMNS=200 TERM=dumb tr_as "$sa" --db "$db" browse "$code"
	! tr_fold "$TR_T/out" | grep -qF "$sit" && ok "trust/browse-hides-while-sitting" ||
		bad "trust/browse-hides-while-sitting" "the situation is on the card"

	# Once a hands it in, nothing is hidden from a any more.
	printf 'finish\ny\n' >"$TR_T/in"
	tr_as "$sa" --db "$db" exam mid
	tr_check student-a-finishes 0 out '^Exam finished\.$'
	tr_as "$sa" --db "$db" search $words
	tr_check search-back-after-finishing 0 out "^\\[$item → $code\\]"

	# The teacher, not root, closes the exam they made.
	tr_as "$t" --db "$db" exam close mid
	tr_check teacher-closes 0 out 'Exam mid closed at'

	# QA-5b #1: the class file deleted while b sits an exam.  b is not told
	# the answers are kept or to come back, and no later command makes a
	# new private file at the class's path (it would lock the class out).
	local dir2=$TR_T/t/class2 db2=$TR_T/t/class2/class.db
	: >"$TR_T/in"
	tr_as "$t" class init "$dir2" --group "$g"
	HTTPTUTOR_TEST_SEED=5 tr_as "$t" --db "$db2" exam new s2 --count 3 --type pick
	tr_check teacher-exam-s2 0 out '^  httptutor exam s2$'
	(
		printf '1\n'
		for _ in $(seq 100); do
			[ "$(sqlite3 "$db2" 'SELECT count(*) FROM answer' 2>/dev/null)" = 1 ] && break
			sleep 0.1
		done
		rm -f "$db2"
		printf '2\n'
	) | env -u HTTPTUTOR_USER HOME=/nonexistent setpriv --reuid="$sb" --regid="$(id -g "$sb")" \
		--init-groups "$BIN" --db "$db2" --lang en exam s2 --plain >"$TR_T/out" 2>"$TR_T/err"
	CLI_RC=$?
	tr_check gone-exam-said 1 err 'NOT SAVED: .*was deleted or replaced' out 'deleted or replaced while you answered' \
		!out 'your answers are kept' !out 'httptutor exam s2'
	for cmd in "exam s2 --plain" "quiz --plain --count 1"; do
		tr_as "$sb" --db "$db2" $cmd
		tr_check "gone-no-new-file-${cmd%% *}" 1 err "there is no database at $db2, and httptutor makes none in a shared folder of $t's"
		[ ! -e "$db2" ] && ok "trust/gone-nothing-made-${cmd%% *}" ||
			bad "trust/gone-nothing-made-${cmd%% *}" "$(ls -l "$dir2")"
	done
	tr_as "$sb" --db "$db2" --lang zh-TW quiz --plain --count 1
	tr_check gone-no-new-file-zh 1 err '不會在這裡建立新檔案'
	# The teacher, whose folder it is, may make the class file again.
	tr_as "$t" class init "$dir2" --group "$g"
	tr_check gone-teacher-may-remake 0 out "^  export HTTPTUTOR_DB=$db2\$"

	userdel "$t" 2>/dev/null
	userdel "$sa" 2>/dev/null
	userdel "$sb" 2>/dev/null
	userdel "$sc" 2>/dev/null
	groupdel "$g" 2>/dev/null
}

# Items 5 and 6: a sealed exam answer's verdict and key stay out of stats
# and export (--feedback never: forever, even after closing).
tr_sealed() {
	local db=$TR_T/sealed.db exp wrong
	HTTPTUTOR_TEST_SEED=5 cli_x --db "$db" --user teacher exam new never --count 1 --type pick \
		--feedback never --no-shuffle
	exp=$(sqlite3 "$db" "SELECT expected FROM exam_question WHERE exam_id = 'never'")
	wrong=$(for c in $(sqlite3 "$db" "SELECT choices FROM exam_question WHERE exam_id = 'never'" | tr ',' ' '); do
		[ "$c" != "$exp" ] && { echo "$c"; break; }; done)
	cli_xin "$wrong\nfinish\ny\n" --db "$db" --user ann exam never
	tr_check sealed-answered 0 out "Saved: .*$wrong"
	cli_x --db "$db" --user teacher exam close never
	cli_x --db "$db" --user ann --lang en stats --json
	python3 - "$TR_T/out" >"$TR_T/why" 2>&1 <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["answers"] == 0, r["answers"]
assert r["confusions"] == [], r["confusions"]
PY
	[ ! -s "$TR_T/why" ] && ok "trust/stats-no-sealed-confusion" || bad "trust/stats-no-sealed-confusion" "$(tail -c 300 "$TR_T/why")"
	cli_x --db "$db" --user ann --lang en stats
	tr_check stats-text-no-sealed-confusion 0 !out "$exp .*→ you answered"
	cli_x --db "$db" --user ann export --json
	python3 - "$TR_T/out" "$exp" >"$TR_T/why" 2>&1 <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
assert len(rows) == 1, rows
r = rows[0]
assert r["exam"] == "never" and r["given"], r
assert r["expected"] is None and r["correct"] is None and r["code"] is None and r["also"] is None, r
PY
	[ ! -s "$TR_T/why" ] && ok "trust/export-no-sealed-code" || bad "trust/export-no-sealed-code" "$(tail -c 300 "$TR_T/why")"
	cli_x --db "$db" --user ann export --csv
	tr_check export-csv-no-sealed-code 0 !out ",$exp,"
}

run_trust() {
	TR_T=$(mktemp -d)
	CLI_T=$TR_T
	tr_sealed
	tr_class
	rm -rf "$TR_T"
}
