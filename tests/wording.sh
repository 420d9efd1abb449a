# What line commands say, as a learner or teacher reads it: the interface's
# language only (no English words left in zh-TW, full-width punctuation after
# Chinese), usage errors where a command cannot mean anything, and the
# README's own examples, run as written.
# Sourced by tests/run.sh; run_wording is called from run_cli (CLI_T, cli_x).

# No ASCII . , : ; ? ! right after a Chinese character, and none of the
# English verdict words plain mode used to add.
wording_zh_clean() {
	local name=$1 file=$2 hit
	hit=$(grep -nP '[\x{3400}-\x{9fff}][.,:;?!]|\((correct|wrong|unanswered)\)' "$file" | head -3)
	[ -z "$hit" ] && ok "cli/$name" || bad "cli/$name" "$hit"
}

# stderr is Chinese, without the English sentence it used to be.
wording_zh_error() {
	local name=$1 english=$2
	if grep -qP '[\x{4e00}-\x{9fff}]' "$CLI_T/err" && ! grep -qiE "$english" "$CLI_T/err"; then
		ok "cli/$name"
	else
		bad "cli/$name" "exit $CLI_RC: $(head -c 300 "$CLI_T/err")"
	fi
}

wording_zh() {
	local d=$CLI_T/wording
	mkdir -p "$d"
	chmod 755 "$CLI_T"   # user nobody reaches $d below
	printf '1\n2\n3\n' | "$BIN" --db "$d/q.db" --lang zh-TW quiz --plain --type pick --seed 3 --count 3 \
		>"$d/quiz" 2>&1
	wording_zh_clean zh-plain-quiz-words "$d/quiz"
	printf '1\n\nfinish\ny\n' | "$BIN" --db "$d/q.db" --lang zh-TW exam --seed 5 --count 2 --plain \
		>"$d/exam" 2>&1
	wording_zh_clean zh-plain-exam-words "$d/exam"
	grep -q '考試結束。' "$d/exam" && ok cli/zh-plain-exam-end || bad cli/zh-plain-exam-end "$(grep -n '考試結束' "$d/exam")"

	# The database's and the store's errors (QA pass 1, item 14).
	cli_x --lang zh-TW --db "$d/none/x.db" stats
	wording_zh_error zh-error-no-database 'there is no database'
	printf 'not a database, just text\n' >"$d/text.db"
	cli_x --lang zh-TW --db "$d/text.db" stats
	wording_zh_error zh-error-not-a-database 'damaged|not a database'
	cli_x --lang zh-TW --user "$(printf 'a\nb')" --db "$d/q.db" stats
	wording_zh_error zh-error-user-name 'the user name|control character'
	cp "$d/q.db" "$d/ro.db"
	chmod 444 "$d/ro.db"
	chmod 1777 "$d"   # SQLite makes its -shm file beside a read-only file
	printf '1\n' | setpriv --reuid=nobody --regid=nogroup --clear-groups "$BIN" --db "$d/ro.db" \
		--lang zh-TW quiz --plain --type pick --seed 3 --count 1 >"$d/out" 2>"$CLI_T/err"
	CLI_RC=$?
	wording_zh_error zh-error-not-saved "could not|read-only|SQLite"
	grep -q "未儲存" "$CLI_T/err" || bad cli/zh-error-not-saved-said "$(head -c 300 "$CLI_T/err")"
	chmod 644 "$d/ro.db"
}

# A status line too long for the width keeps its key hint: the NOT SAVED
# detail is shortened instead (the database is read-only for user nobody).
wording_status_keys() {
	local d=$CLI_T/keys size lang last want
	mkdir -p "$d"
	chmod 755 "$CLI_T"
	chmod 1777 "$d"
	printf '1\n' | "$BIN" --db "$d/ro.db" quiz --plain --type pick --seed 1 --count 1 >/dev/null 2>&1
	chmod 444 "$d/ro.db"
	for size in 80x24 60x16; do
		for lang in en zh-TW; do
			rm -f "$d/ro.screen"
			HTTPTUTOR_TEST_SIZE=$size HTTPTUTOR_TEST_SCRIPT='1<Dump>qq' HTTPTUTOR_TEST_DUMP=$d/ro.screen \
				setpriv --reuid=nobody --regid=nogroup --clear-groups "$BIN" --db "$d/ro.db" \
				--lang $lang quiz --seed 3 --count 2 --type pick </dev/null >/dev/null 2>&1
			last=$(grep -B1 -m1 -- '^--------$' "$d/ro.screen" | head -1)
			case $lang in en) want='(s: retry)' ;; *) want='（s：重試）' ;; esac
			if [[ $last == *"NOT SAVED"* || $last == *"未儲存"* ]] && [[ $last == *"$want" ]]; then
				ok "cli/status-keeps-keys-$lang-$size"; [ -n "${VERBOSE:-}" ] && echo "  $last"
			else
				bad "cli/status-keeps-keys-$lang-$size" "status line: $last"
			fi
		done
	done
	chmod 644 "$d/ro.db"
}

run_wording() {
	wording_zh
	wording_status_keys
}
