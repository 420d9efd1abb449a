# Hostile names and answers (issue 8): whatever bytes the database holds,
# nothing httptutor prints reaches a terminal as a control, a spreadsheet as a
# formula or a JSON reader as invalid UTF-8.  Sourced by tests/run.sh; run
# from run_cli (uses cli_x, cli_check, $CLI_T).

# Check the output file of the last command as FORMAT (text, csv, json).
hostile_safe() {
	local name=$1 fmt=$2 file=${3:-$CLI_T/out} why
	why=$(python3 "$ROOT/tests/data/cli/safe_output.py" "$fmt" "$file" 2>&1)
	if [ "$CLI_RC" = 0 ] && [ -z "$why" ]; then
		ok "cli/hostile-$name"
	else
		bad "cli/hostile-$name" "exit $CLI_RC: $why"
	fi
}

# A database written as the sqlite3 shell could: profiles named with escape
# sequences, formulas, a raw 0x9B byte, bidi and zero-width characters, and
# answers whose item and given hold the same.
hostile_db() {
	local db=$1
	printf '1\n2\n' | "$BIN" --db "$db" quiz --plain --type pick --seed 3 --count 2 >/dev/null 2>&1
	sqlite3 "$db" <<'EOF'
INSERT INTO profile(name, created_at) VALUES
 (char(27) || ']2;pwned' || char(7) || char(27) || '[2J', 1),
 ('=HYPERLINK("http://x","y")', 1), ('+cmd|'' /C calc''!A0', 1), ('-2+3', 1),
 ('@SUM(1+1)', 1), (CAST(X'626f629b' AS TEXT), 1), ('n' || char(133) || char(155) || 'x', 1),
 ('ev' || char(8238) || 'il', 1), ('al' || char(8203) || 'ice', 1), ('alice', 1),
 ('a-very-long-student-name-from-the-evening-class-group-A-001', 1),
 ('a-very-long-student-name-from-the-evening-class-group-A-002', 1),
 ('ann' || char(10) || 'lee', 1), ('ann lee', 1);
INSERT INTO answer(profile_id, uid, item, qtype, shown, given, expected, correct, ms, answered_at)
 SELECT id, 0, 'code:403', 'pick', '403,404', char(27) || '[2J' || char(7), '403', 0, 1000, 1763769000
 FROM profile WHERE name <> 'student';
INSERT INTO answer(profile_id, uid, item, qtype, shown, given, expected, correct, ms, answered_at)
 SELECT id, 0, '=1+1', 'type', '-1', '@SUM(1+1)' || char(27) || '[31m' || CAST(X'9b' AS TEXT),
  '+1' || char(8238), 0, 5, 1763769001 FROM profile WHERE name = 'student';
EOF
}

# --user: valid UTF-8 without C0, C1, bidi or invisible characters; refused
# as a usage error naming the character, before any database is touched.
hostile_user() {
	local db=$CLI_T/hostile/user.db u want i=0
	local -a names=($'a\x1bb' $'n\xc2\x85x' $'n\xc2\x9bx' $'n\x9bx' $'ev\xe2\x80\xaeil'
	                $'al\xe2\x80\x8bice' $'x\xe2\x81\xa6y' ' bob')
	local -a wants=('control character U\+001B' 'control character U\+0085' 'control character U\+009B'
	                'not valid UTF-8' 'bidi control U\+202E' 'invisible character U\+200B'
	                'bidi control U\+2066' 'space')
	for u in "${names[@]}"; do
		want=${wants[i]}
		i=$((i + 1))
		cli_xin '1\n' --db "$db" --user "$u" quiz --plain --type pick --seed 1 --count 1
		[ ! -e "$db" ] || CLI_RC="$CLI_RC (and the database was created)"
		cli_check "hostile-user-$i" 2 err "the user name .*$want"
	done
	HTTPTUTOR_USER=$'x\xe2\x80\xaey' cli_x --db "$db" stats
	cli_check hostile-user-env 2 err 'bidi control U\+202E'
	cli_xin '1\n' --db "$db" --user '陳 大文' quiz --plain --type pick --seed 1 --count 1
	cli_check hostile-user-chinese 0 out '^Score: '
}

# Run lint on pack $2 (under timeout) and check it as cli/$1 exits 1 with
# the given patterns; a hang or a crash fails whatever the output.
hostile_lint() {
	local name=$1 dir=$2
	shift 2
	timeout -k 5 20 "$BIN" lint "$dir" >"$CLI_T/out" 2>"$CLI_T/err"
	CLI_RC=$?
	cli_check "$name" 1 "$@"
}

# A fresh copy of the good test pack in $HP_DIR/$1; its path in $HP.
hostile_pack() {
	HP=$HP_DIR/$1
	rm -rf "$HP"
	cp -R "$ROOT/tests/data/good" "$HP"
}

# Content that used to eat time or memory, or hang: each is refused fast
# with file:line.
hostile_content() {
	HP_DIR=$CLI_T/hostile/packs
	mkdir -p "$HP_DIR"
	local py=$ROOT/tests/data/cli/hostile_packs.py why s t0 ms l1 l2 l3

	# Bidi controls and invisible characters, written raw or as YAML escapes.
	hostile_pack bidi
	read -r l1 l2 l3 < <(python3 "$py" bidi "$HP")
	hostile_lint content-bidi "$HP" out "scenarios/auth.yaml:$l1: bidi control U\\+202E is not allowed" \
		out "auth.yaml:$l2: scenario no-token: en.why: bidi control U\\+202C is not allowed" \
		out "auth.yaml:$l3: invisible character U\\+200B is not allowed"

	# 1,000,000 nested '[': stopped at depth 64 before libyaml goes deeper.
	hostile_pack deep
	l1=$(python3 "$py" deep "$HP")
	hostile_lint content-deep "$HP" out "scenarios/auth.yaml:$l1: lists and mappings nested more than 64 deep"

	# An anchor on a 1 MB text and 1,000 aliases to it.
	hostile_pack alias
	l1=$(python3 "$py" alias "$HP")
	hostile_lint content-alias "$HP" out "scenarios/auth.yaml:$l1: YAML aliases \\(\\*E\\) are not allowed"

	# A FIFO named like a content file: refused, not waited on.
	hostile_pack fifo
	mkfifo "$HP/scenarios/x.yaml" "$HP/en/chapters/02-pipe.md"
	hostile_lint content-fifo "$HP" out 'scenarios/x.yaml:1: cannot read file: it is a FIFO' \
		out 'chapters/02-pipe.md:1: cannot read file: it is a FIFO'

	# Size limits, checked before reading: a 50 MB file, a pack over 16 MiB,
	# more than 100,000 values in one file.
	hostile_pack big
	truncate -s 50M "$HP/scenarios/big.yaml"
	t0=$(date +%s%N)
	hostile_lint content-50mb "$HP" out 'big.yaml:1: file is 52428800 bytes; one content file may hold at most 4194304 bytes'
	ms=$(( ($(date +%s%N) - t0) / 1000000 ))
	[ "$ms" -lt 2000 ] && ok cli/content-50mb-fast || bad cli/content-50mb-fast "took $ms ms"
	hostile_pack total
	python3 "$py" total "$HP"
	hostile_lint content-pack-limit "$HP" out 't4.yaml:1: with this file the content folder holds more than 16 MiB'
	hostile_pack values
	python3 "$py" values "$HP"
	hostile_lint content-values "$HP" out 'scenarios/n.yaml:1: more than 100000 YAML values in one file'

	# Ctrl-C, SIGTERM and a hang-up stop a slow load with 128+signal.
	hostile_pack slow
	python3 "$py" slow "$HP"
	for s in SIGINT SIGTERM SIGHUP; do
		why=$(python3 "$ROOT/tests/data/cli/interrupt_load.py" "$s" -- "$BIN" lint "$HP" 2>&1) &&
			ok "cli/content-$s-stops-load" || bad "cli/content-$s-stops-load" "$why"
	done
	why=$(python3 "$ROOT/tests/data/cli/interrupt_load.py" SIGTERM -- "$BIN" --content "$HP" codes 2>&1) &&
		ok cli/content-signal-stops-start || bad cli/content-signal-stops-start "$why"
	rm -rf "$HP_DIR"
}

# A database of schema N (older than the newest) with one learner's answers, made from the
# migration files as an older httptutor would have left it.
hostile_old_schema() {
	local db=$1 n=$2 f i=0
	rm -f "$db"
	for f in "$ROOT"/db/*.sql; do
		i=$((i + 1))
		[ "$i" -le "$n" ] && sqlite3 "$db" <"$f"
	done
	sqlite3 "$db" "PRAGMA application_id = 1213486160; PRAGMA user_version = $n;
		INSERT INTO profile(name, created_at) VALUES ('student', 1763700000);
		INSERT INTO session(profile_id, kind, seed, started_at) VALUES (1, 'quiz', 1, 1763700000);
		INSERT INTO answer(profile_id, uid, session_id, item, qtype, shown, given, expected, correct, ms, answered_at)
		 VALUES (1, 0, 1, 'code:404', 'pick', '404,403', '403', '404', 0, 900, 1763700100),
		        (1, 0, 1, 'code:201', 'pick', '201,200', '201', '201', 1, 800, 1763700200);"
}

# The database under a learner: deleted, replaced, over a file size limit,
# older, broken or unreadable.  Every case says so plainly and loses nothing
# quietly.
hostile_store() {
	local d=$CLI_T/hostile/store db why sum n cmd
	mkdir -p "$d"

	# Deleted or replaced while a plain quiz runs: noticed before the commit.
	for how in delete replace; do
		db=$d/v-$how.db
		printf '1\n' | "$BIN" --db "$d/other-$how.db" quiz --plain --type pick --seed 2 --count 1 >/dev/null 2>&1
		why=$(python3 "$ROOT/tests/data/cli/vanish.py" "$how" "$db" "$d/other-$how.db" -- \
			"$BIN" --db "$db" quiz --plain --type pick --seed 4 --count 4 2>&1) &&
			ok "cli/store-$how-noticed" || bad "cli/store-$how-noticed" "$why"
	done

	# Over the file size limit: NOT SAVED like a full disk, never killed by SIGXFSZ.
	db=$d/xfsz.db
	# (stdout through cat: the limit is for the database, not the transcript;
	# 250 KB leaves room for the schema and its first WAL, then it fills)
	yes 1 | head -n 60 | bash -c 'ulimit -f 250; exec "$@"' - "$BIN" --db "$db" quiz --plain \
		--type pick --seed 1 --count 60 2>"$CLI_T/err" | cat >"$CLI_T/out"
	CLI_RC=${PIPESTATUS[2]}
	cli_check store-xfsz-plain 1 err 'NOT SAVED: could not save your answer: the file size limit was reached' \
		out '^Score: '
	HTTPTUTOR_TEST_SIZE=80x24 HTTPTUTOR_TEST_SCRIPT='1<Dump>qq' HTTPTUTOR_TEST_DUMP=$d/xfsz.screen \
		bash -c 'ulimit -f 4; exec "$@"' - "$BIN" --db "$db" --lang en quiz --seed 3 --count 2 --type pick \
		</dev/null >"$CLI_T/out" 2>"$CLI_T/err"
	CLI_RC=$?
	[ "$CLI_RC" != 153 ] && grep -q 'NOT SAVED' "$d/xfsz.screen" && grep -q 'file size limit' "$d/xfsz.screen" &&
		ok cli/store-xfsz-screen || bad cli/store-xfsz-screen "exit $CLI_RC: $(grep -i 'saved' "$d/xfsz.screen")"

	# Every older schema: every read-only command works, the file untouched.
	local newest
	newest=$(find "$ROOT/db" -name '[0-9]*.sql' | wc -l)
	for n in $(seq 1 $((newest - 1))); do
		db=$d/schema$n.db
		hostile_old_schema "$db" "$n"
		sum=$(sha256sum <"$db")
		for cmd in "stats" "stats --json" "export --csv" "export --json" "report" "report --json"; do
			# shellcheck disable=SC2086
			cli_x --db "$db" $cmd
			[ "$CLI_RC" = 0 ] && [ -s "$CLI_T/out" ] && [ ! -s "$CLI_T/err" ] ||
				{ bad "cli/store-schema$n-${cmd// /-}" "exit $CLI_RC: $(head -c 300 "$CLI_T/err")"; continue; }
			ok "cli/store-schema$n-${cmd// /-}"
		done
		cli_x --db "$db" stats --json
		why=$(cli_py 'import json,sys
s = json.load(open(sys.argv[1]))
assert s["answers"] == 2 and s["correct"] == 1 and s["classes"]["4xx"]["answers"] == 1, s' "$CLI_T/out")
		[ -z "$why" ] && ok "cli/store-schema$n-counts" || bad "cli/store-schema$n-counts" "$why"
		[ "$(sha256sum <"$db")" = "$sum" ] && [ ! -e "$db-wal" ] &&
			[ "$(sqlite3 "$db" 'PRAGMA user_version')" = "$n" ] &&
			ok "cli/store-schema$n-untouched" || bad "cli/store-schema$n-untouched" "the file changed"
	done

	# A broken database (its answer table dropped): plain words, no SQL, exit 1.
	db=$d/broken.db
	printf '1\n' | "$BIN" --db "$db" quiz --plain --type pick --seed 2 --count 1 >/dev/null 2>&1
	sqlite3 "$db" 'DROP TABLE answer;'
	cli_xin '1\n' --db "$db" review --plain
	cli_check store-broken-review 1 err 'the database is damaged or was changed by another program' &&
		! grep -qiE 'SELECT|FROM answer' "$CLI_T/err" && ! grep -q 'No mistakes' "$CLI_T/out" &&
		ok cli/store-broken-review-plain || bad cli/store-broken-review-plain "$(cat "$CLI_T/err" "$CLI_T/out" | head -c 300)"
	for cmd in stats export; do
		cli_x --db "$db" "$cmd"
		cli_check "store-broken-$cmd" 1 err 'the database is damaged or was changed by another program' &&
			! grep -qiE 'SELECT|FROM ' "$CLI_T/err" && ok "cli/store-broken-$cmd-no-sql" ||
			bad "cli/store-broken-$cmd-no-sql" "$(head -c 300 "$CLI_T/err")"
	done

	# A database the user may not read: "permission denied", not "no database".
	if setpriv --reuid=nobody --regid=nogroup --clear-groups true 2>/dev/null; then
		chmod 755 "$CLI_T" "$CLI_T/hostile" "$d"
		db=$d/private.db
		printf '1\n' | "$BIN" --db "$db" quiz --plain --type pick --seed 2 --count 1 >/dev/null 2>&1
		chmod 600 "$db"
		for cmd in stats report; do
			setpriv --reuid=nobody --regid=nogroup --clear-groups "$BIN" --db "$db" $cmd \
				>"$CLI_T/out" 2>"$CLI_T/err"
			CLI_RC=$?
			cli_check "store-permission-$cmd" 1 err "permission denied: you may not read $db"
		done
		printf '1\n' | setpriv --reuid=nobody --regid=nogroup --clear-groups "$BIN" --db "$db" quiz \
			--plain --type pick --seed 2 --count 1 >"$CLI_T/out" 2>"$CLI_T/err"
		CLI_RC=${PIPESTATUS[1]}
		cli_check store-permission-quiz 1 err 'permission denied'
		# The file is nobody's and writable, only its folder is read-only:
		# with no -wal everything is in the file, and the commands that
		# only read read it (immutable: no -shm is needed).
		local ro=$d/rodir
		mkdir -p "$ro" && cp "$db" "$ro/p.db" && chown -R nobody:nogroup "$ro" && chmod 555 "$ro"
		setpriv --reuid=nobody --regid=nogroup --clear-groups "$BIN" --db "$ro/p.db" stats --json \
			>"$CLI_T/out" 2>"$CLI_T/err"
		CLI_RC=$?
		cli_check store-readonly-folder-stats 0 out '"answers":1,'
		setpriv --reuid=nobody --regid=nogroup --clear-groups "$BIN" --db "$ro/p.db" export --csv \
			>"$CLI_T/out" 2>"$CLI_T/err"
		CLI_RC=$?
		cli_check store-readonly-folder-export 0 out '^1,student,'
		[ "$(ls -A "$ro")" = p.db ] && ok cli/store-readonly-folder-nothing-made ||
			bad cli/store-readonly-folder-nothing-made "$(ls -A "$ro" | tr '\n' ' ')"
		# A -wal with answers in it needs its -shm: the message says the
		# folder, not "the file and its folder".
		chmod 755 "$ro" && head -c 5000 /dev/urandom >"$ro/p.db-wal" && chown nobody "$ro/p.db-wal" &&
			chmod 555 "$ro"
		setpriv --reuid=nobody --regid=nogroup --clear-groups "$BIN" --db "$ro/p.db" stats \
			>"$CLI_T/out" 2>"$CLI_T/err"
		CLI_RC=$?
		cli_check store-readonly-folder-said 1 err 'its folder is read-only'
		chmod 755 "$ro"
	else
		ok "cli/store-permission (skipped: setpriv to nobody not possible)"
	fi
}

# Durations and the exam countdown are mm:ss everywhere, as the README says.
hostile_clock() {
	cli_drive "$CLI_T/hostile/clock.db" exam --seed 5 --count 2 --minutes 5 --plain
	# Every prompt of a timed exam shows the time left (two questions, then
	# the prompt to finish).
	cli_check clock-plain-countdown 0 out '^0[45]:[0-5][0-9] left > ' out '^Score: [0-2]/2 .* 00:[0-5][0-9]$' &&
		[ "$(grep -c '^0[45]:[0-5][0-9] left > ' "$CLI_T/out")" = 3 ] && ok cli/clock-plain-countdown-each ||
		bad cli/clock-plain-countdown-each "$(grep -c '^0[45]:[0-5][0-9] left > ' "$CLI_T/out") countdown prompts"
	grep -q 'mm:ss such as `04:59`' "$ROOT/README.md" && ok cli/clock-readme-agrees ||
		bad cli/clock-readme-agrees "the README no longer says mm:ss"
}

# What was typed comes back in error messages scrubbed: an escape sequence,
# an OSC title, BEL, a bidi override or a raw C1 byte in an argument must not
# reach the terminal through stderr.
hostile_args() {
	local db=$CLI_T/hostile/args.db name args why
	local esc=$'\e[31mRED' osc=$'\e]0;pwned\a' bidi=$'ev\u202eil' c1=$'x\x9by'
	while IFS='|' read -r name args; do
		eval "set -- $args"
		"$BIN" --db "$db" --lang en "$@" >"$CLI_T/out" 2>"$CLI_T/err"
		CLI_RC=$?
		why=$(python3 -c '
import sys
b = open(sys.argv[1], "rb").read()
bad = [c for c in (b"\x1b", b"\x07", b"\x9b", "\u202e".encode()) if c in b]
assert not bad, "raw %r in %r" % (bad, b[:200])
assert "\ufffd".encode() in b, "no U+FFFD in %r" % b[:200]
' "$CLI_T/err" 2>&1)
		if [ "$CLI_RC" != 0 ] && [ -z "$why" ]; then
			ok "cli/hostile-args-$name"
		else
			bad "cli/hostile-args-$name" "exit $CLI_RC: $why"
		fi
	done <<'EOF'
code|code "$esc"
search|search "$osc"
read|read "$esc"
command|"$esc"
exam-name|exam new --count 2 -- "$osc"
bidi|code "$bidi"
c1|search "$c1" "$esc"
lang|--lang "$esc" codes
option|"--bogus$esc"
EOF
}

cli_hostile() {
	local d=$CLI_T/hostile db
	mkdir -p "$d"
	hostile_args
	hostile_user
	hostile_content
	hostile_store
	hostile_clock
	db=$d/h.db
	hostile_db "$db"

	cli_x --db "$db" report
	hostile_safe report-text text
	cli_x --db "$db" report --csv
	hostile_safe report-csv csv
	grep -q "^student,\"'=HYPERLINK" "$CLI_T/out" && grep -q "^student,'-2+3," "$CLI_T/out" &&
		grep -q "^student,'+cmd|' /C" "$CLI_T/out" && grep -q "^student,'@SUM" "$CLI_T/out" &&
		ok cli/hostile-report-csv-formulas || bad cli/hostile-report-csv-formulas "$(head -c 400 "$CLI_T/out")"
	cli_x --db "$db" report --json
	hostile_safe report-json json
	cli_x --db "$db" report --html "$d/report.html"
	hostile_safe report-html text "$d/report.html"
	# A line break in a name is U+FFFD in HTML and JSON as in text and CSV:
	# "ann\nlee" and "ann lee" must not look the same.
	grep -q 'ann�lee' "$d/report.html" && grep -q '>ann lee<' "$d/report.html" &&
		cli_x --db "$db" report --json && grep -q '"ann�lee"' "$CLI_T/out" && grep -q '"ann lee"' "$CLI_T/out" &&
		ok cli/hostile-name-line-break || bad cli/hostile-name-line-break "$(grep -a -A1 'ann' "$d/report.html" | head -4)"
	cli_x --db "$db" export --csv
	hostile_safe export-csv csv
	cli_x --db "$db" export --json
	hostile_safe export-json json
	local why
	why=$(cli_py '
import json, sys
rows = json.load(open(sys.argv[1]))
for k in ("id", "uid", "ms", "correct"):
    assert all(type(r[k]) is int for r in rows), k
assert all(r["code"] is None or type(r["code"]) is int for r in rows)
h = [r for r in rows if r["item"] == "=1+1"]
assert len(h) == 1 and h[0]["session"] is None and h[0]["code"] is None, h
assert all(type(r["session"]) is int for r in rows if r is not h[0])
assert h[0]["given"] == "@SUM(1+1)\ufffd[31m\ufffd", h
' "$CLI_T/out")
	[ -z "$why" ] && ok cli/hostile-export-json-numbers || bad cli/hostile-export-json-numbers "$why"
	cli_x --db "$db" stats --json
	hostile_safe stats-json json

	# Long names stay apart in the text report: cut in the middle, end kept.
	cli_x --db "$db" report
	local a b
	a=$(grep -c -- '-001 ' "$CLI_T/out")
	b=$(grep -c -- '-002 ' "$CLI_T/out")
	[ "$a" = 1 ] && [ "$b" = 1 ] && ok cli/hostile-long-names-apart ||
		bad cli/hostile-long-names-apart "001 on $a lines, 002 on $b: $(grep -- '-00' "$CLI_T/out")"
	# Names that only differ by an invisible character do not look the same.
	[ "$(grep -c '^  alice ' "$CLI_T/out")" = 1 ] && grep -q $'^  al\uFFFDice ' "$CLI_T/out" &&
		ok cli/hostile-zero-width-visible || bad cli/hostile-zero-width-visible "$(grep 'ice' "$CLI_T/out")"

	# The full screen: the review list shows the stored answers.
	HTTPTUTOR_TEST_SIZE=80x24 HTTPTUTOR_TEST_SCRIPT='<Dump>q' HTTPTUTOR_TEST_DUMP=$d/review.screen \
		timeout 20 "$BIN" --db "$db" review >"$CLI_T/out" 2>"$CLI_T/err" </dev/null
	CLI_RC=$?
	grep -q '1+1' "$d/review.screen" && hostile_safe review-screen text "$d/review.screen" ||
		bad cli/hostile-review-screen "exit $CLI_RC; no answer on the screen: $(head -c 300 "$d/review.screen")"
}
