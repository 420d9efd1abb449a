# CLI and fault tests: every subcommand with its exit code and output, the
# plain-mode quiz driven from stdin, broken content packs and hostile databases.
# Sourced by tests/run.sh (ok/bad, $BIN, fixed HTTPTUTOR_USER/NOW, LANG=C.UTF-8).
# Expectations come from the content files themselves (read with python3), so
# adding codes or scenarios does not break these tests.

CLI_T=
CLI_RC=0

# Run the binary; stdout → $CLI_T/out, stderr → $CLI_T/err, status → $CLI_RC.
cli_x() {
	"$BIN" "$@" >"$CLI_T/out" 2>"$CLI_T/err"
	CLI_RC=$?
}

# Same with stdin from the string $1.
cli_xin() {
	local input=$1
	shift
	printf '%b' "$input" | "$BIN" "$@" >"$CLI_T/out" 2>"$CLI_T/err"
	CLI_RC=${PIPESTATUS[1]}
}

# cli_check NAME RC [out|err PATTERN]... : exit status and every ERE must match.
cli_check() {
	local name=$1 want=$2
	shift 2
	if [ "$CLI_RC" != "$want" ]; then
		bad "cli/$name" "exit $CLI_RC, want $want; stderr: $(head -c 300 "$CLI_T/err")"
		return 1
	fi
	while [ $# -ge 2 ]; do
		if ! grep -qE -e "$2" "$CLI_T/$1"; then
			bad "cli/$name" "no /$2/ in std$1: $(head -c 300 "$CLI_T/$1")"
			return 1
		fi
		shift 2
	done
	ok "cli/$name"
}

# A usage error: exit 2, a message on stderr matching $2, nothing on stdout.
cli_usage() {
	local name=$1 pat=$2
	shift 2
	cli_x "$@"
	if [ "$CLI_RC" = 2 ] && [ ! -s "$CLI_T/out" ] && grep -qE -e "$pat" "$CLI_T/err"; then
		ok "cli/usage-$name"
	else
		bad "cli/usage-$name" "exit $CLI_RC (want 2), stdout $(wc -c <"$CLI_T/out") bytes, stderr: $(head -c 200 "$CLI_T/err")"
	fi
}

# Facts from content/codes/*.yaml: "all core core-4xx all-4xx".
cli_content_facts() {
	python3 - "$ROOT/content" <<'EOF'
import glob, sys, yaml
codes = []
for f in sorted(glob.glob(sys.argv[1] + "/codes/*.yaml")):
    codes += yaml.safe_load(open(f, encoding="utf-8")) or []
core = [c for c in codes if c.get("core")]
print(len(codes), len(core), sum(1 for c in core if c["code"] // 100 == 4),
      sum(1 for c in codes if c["code"] // 100 == 4))
EOF
}

cli_info() {
	local f n_all n_core n_core4 n_4xx
	read -r n_all n_core n_core4 n_4xx < <(cli_content_facts)
	if [ -z "$n_4xx" ]; then
		bad "cli/content-facts" "python3 could not read content/codes (python3-yaml?)"
		return
	fi

	cli_x code 403
	cli_check code-403-en 0 out '^403 Forbidden' out 'Often confused with' out '401 Unauthorized'
	cli_x --lang zh-TW code 403
	cli_check code-403-zh 0 out '^403 Forbidden' out '禁止存取' out '常被混淆'
	cli_x code 999
	[ -s "$CLI_T/out" ] && CLI_RC="$CLI_RC (and a card on stdout)"
	cli_check code-999 1 err "no status code '999'"
	cli_x code abc
	cli_check code-abc 1 err "'abc'"

	# codes: the core curriculum, starred; --all: every code in the content.
	cli_x codes
	f=$CLI_T/out
	local rows stars
	rows=$(grep -cE '^[1-5][0-9]{2} ' "$f")
	stars=$(grep -cE '^[1-5][0-9]{2} \* ' "$f")
	if [ "$CLI_RC" = 0 ] && [ "$rows" = "$n_core" ] && [ "$stars" = "$n_core" ] &&
		grep -q '^404 \* Not Found' "$f" && ! grep -q '^418 ' "$f"; then
		ok "cli/codes-core"
	else
		bad "cli/codes-core" "exit $CLI_RC, $rows rows (want $n_core), $stars core"
	fi
	cli_x codes --all
	rows=$(grep -cE '^[1-5][0-9]{2} ' "$CLI_T/out")
	stars=$(grep -cE '^[1-5][0-9]{2} \* ' "$CLI_T/out")
	[ "$CLI_RC" = 0 ] && [ "$rows" = "$n_all" ] && [ "$stars" = "$n_core" ] && grep -q '^413 .*Content Too Large' "$CLI_T/out" &&
		ok "cli/codes-all" || bad "cli/codes-all" "exit $CLI_RC, $rows rows (want $n_all), $stars core (want $n_core)"
	cli_x codes --class 4xx
	rows=$(grep -cE '^4[0-9]{2} ' "$CLI_T/out")
	if [ "$CLI_RC" = 0 ] && [ "$rows" = "$n_core4" ] && ! grep -qE '^[1235][0-9]{2} ' "$CLI_T/out"; then
		ok "cli/codes-class-4xx"
	else
		bad "cli/codes-class-4xx" "exit $CLI_RC, $rows 4xx rows (want $n_core4), or other classes listed"
	fi
	cli_x codes --class 4xx --all
	rows=$(grep -cE '^4[0-9]{2} ' "$CLI_T/out")
	[ "$CLI_RC" = 0 ] && [ "$rows" = "$n_4xx" ] && ! grep -qE '^[1235][0-9]{2} ' "$CLI_T/out" &&
		ok "cli/codes-class-4xx-all" || bad "cli/codes-class-4xx-all" "exit $CLI_RC, $rows 4xx rows (want $n_4xx)"

	cli_x codes --all --json
	if [ "$CLI_RC" != 0 ] || ! python3 -m json.tool "$CLI_T/out" >/dev/null 2>"$CLI_T/jerr"; then
		bad "cli/codes-json-valid" "exit $CLI_RC: $(head -c 200 "$CLI_T/jerr")"
	else
		ok "cli/codes-json-valid"
		local why
		why=$(python3 - "$ROOT/content" "$CLI_T/out" <<'EOF'
import glob, json, sys, yaml
want = {}
for f in glob.glob(sys.argv[1] + "/codes/*.yaml"):
    for c in yaml.safe_load(open(f, encoding="utf-8")) or []:
        want[c["code"]] = c["phrase"]
got = json.load(open(sys.argv[2], encoding="utf-8"))
by = {}
for e in got:
    for k in ("code", "phrase", "class", "summary"):
        if k not in e:
            sys.exit(f"entry {e.get('code')} has no '{k}'")
    if not isinstance(e["code"], int) or e["class"] != f"{e['code'] // 100}xx" or not e["summary"]:
        sys.exit(f"entry {e['code']}: bad code/class/summary")
    by[e["code"]] = e["phrase"]
missing = sorted(set(want) - set(by))
if missing:
    sys.exit(f"missing codes {missing}")
for code, phrase in [(413, "Content Too Large"), (416, "Range Not Satisfiable"),
                     (422, "Unprocessable Content")] + list(want.items()):
    if by.get(code) != phrase:
        sys.exit(f"{code}: phrase {by.get(code)!r}, want {phrase!r}")
EOF
		) && ok "cli/codes-json-content" || bad "cli/codes-json-content" "$why"
	fi

	cli_x search token
	cli_check search-english 0 out '^403 Forbidden' out '^401 Unauthorized'
	cli_x search 禁止
	cli_check search-chinese 0 out '^403 Forbidden'
	cli_x search 429
	cli_check search-number 0 out '^429 Too Many Requests'
	# An accented Latin word is not Chinese: answered in the UI language.
	cli_x --lang en search café
	cli_check search-accent-english 0 out '^511 Network Authentication Required — Log in' \
		out "^\\[os-connectivity-probe-portal → 511\\] A phone joins"
	cli_x search zzqqxx
	[ -s "$CLI_T/out" ] && CLI_RC="$CLI_RC (and results on stdout)"
	cli_check search-none 1 err 'nothing matches'
	# A number is a code's prefix ("1": the 1xx codes, not 201 or 401), and
	# every word of a search must match (token AND 403: 403 alone).
	cli_x --lang en search 1
	cli_check search-number-prefix 0 out '^100 Continue' &&
		{ ! grep -qE '^[2-5][0-9][0-9] ' "$CLI_T/out" && ok cli/search-number-prefix-only ||
			bad cli/search-number-prefix-only "$(grep -E '^[2-5][0-9][0-9] ' "$CLI_T/out" | head -3)"; }
	cli_x --lang en search token 403
	cli_check search-all-words 0 out '^403 Forbidden' &&
		{ ! grep -qE '^(401|400|404) ' "$CLI_T/out" && ok cli/search-all-words-only ||
			bad cli/search-all-words-only "$(grep -E '^[0-9]{3} ' "$CLI_T/out" | head -3)"; }
}

cli_lint() {
	local c=$CLI_T/content f n
	cli_x lint "$ROOT/content"
	[ -s "$CLI_T/err" ] && CLI_RC="$CLI_RC (and a message on stderr)"
	cli_check lint-real 0 out ': ok \([0-9]+ codes, [0-9]+ scenarios'

	# Each broken copy: exit 1 and a path:line: message naming the problem.
	# lint_case NAME FILE LINE PATTERN
	lint_case() {
		cli_x lint "$c"
		local esc_path
		esc_path=$(printf '%s' "$c/$2" | sed 's/[.[\*^$()+?{|]/\\&/g')
		cli_check "lint-$1" 1 out "^$esc_path:$3: .*$4" out "[0-9]+ errors?$"
	}
	lint_fresh() { rm -rf "$c" && cp -r "$ROOT/content" "$c"; }

	lint_fresh
	f=$c/codes/4xx.yaml
	n=$(grep -n '^  phrase: Forbidden$' "$f" | head -1 | cut -d: -f1)
	sed -i "${n}a\\  colour: red" "$f"
	lint_case unknown-key codes/4xx.yaml $((n + 1)) "unknown key 'colour'"

	lint_fresh
	n=$(grep -n '^  phrase: Forbidden$' "$f" | head -1 | cut -d: -f1)
	# Drop the zh-TW summary of 403: the first zh-TW block after its phrase.
	local zh sum
	zh=$(awk -v s="$n" 'NR > s && /^  zh-TW:$/ { print NR; exit }' "$f")
	sum=$(awk -v s="$zh" 'NR > s && /^    summary:/ { print NR; exit }' "$f")
	sed -i "${sum}d" "$f"
	cli_x lint "$c"
	cli_check lint-missing-translation 1 out "4xx\.yaml:[0-9]+: .*zh-TW.*summary"

	lint_fresh
	n=$(grep -n '^  anchor: forgotten#403$' "$f" | head -1 | cut -d: -f1)
	sed -i "${n}s/#403/#no-such-heading/" "$f"
	lint_case bad-anchor codes/4xx.yaml "$n" "no-such-heading"

	lint_fresh
	f=$(ls "$c"/en/chapters/*.md | head -1)
	sed -i '3s/$/ caf\xe9/' "$f"
	lint_case invalid-utf8 "en/chapters/$(basename "$f")" 3 "invalid UTF-8.*0xE9"
	# One bad byte must not also claim the chapter's file is missing.
	if ! grep -q 'invalid UTF-8' "$CLI_T/out"; then
		bad "cli/lint-invalid-utf8-no-cascade" "no invalid UTF-8 error at all"
	elif grep -q 'has no en version' "$CLI_T/out"; then
		bad "cli/lint-invalid-utf8-no-cascade" "a bad byte in en/chapters/$(basename "$f") also reports \"$(grep -m1 'has no en version' "$CLI_T/out" | sed "s|$c/||")\""
	else
		ok "cli/lint-invalid-utf8-no-cascade"
	fi

	lint_fresh
	sed -i '5s/$/ \x1b[2J\x07/' "$f"
	lint_case esc-in-markdown "en/chapters/$(basename "$f")" 5 "control character U\+001B"
	grep -q "$(basename "$f"):5: control character U+0007" "$CLI_T/out" &&
		ok "cli/lint-bel-in-markdown" || bad "cli/lint-bel-in-markdown" "no U+0007 error"

	lint_fresh
	f=$c/codes/4xx.yaml
	n=$(grep -n '^    summary: The server knows who you are' "$f" | head -1 | cut -d: -f1)
	sed -i "${n}s/summary: \(.*\)\$/summary: \"\\\\e[31m\1\"/" "$f"
	lint_case esc-in-yaml-escape codes/4xx.yaml "$n" "control character U\+001B"
	# The program refuses to start on that pack, with the very same message.
	local msg
	msg=$(grep -m1 'U+001B' "$CLI_T/out")
	cli_x --content "$c" code 200
	if [ "$CLI_RC" = 1 ] && [ -n "$msg" ] && grep -qxF -- "$msg" "$CLI_T/err" && [ ! -s "$CLI_T/out" ]; then
		ok "cli/content-esc-refuses-start"
	else
		bad "cli/content-esc-refuses-start" "exit $CLI_RC; stderr: $(head -c 300 "$CLI_T/err")"
	fi

	lint_fresh
	n=$(grep -n '^    summary: The server knows who you are' "$f" | head -1 | cut -d: -f1)
	sed -i "${n}s/summary: /summary: \x1b[31m/" "$f"
	lint_case raw-esc-in-yaml codes/4xx.yaml "$n" "control character U\+001B"
	# A raw ESC byte stops libyaml for the whole file; the other files' references
	# to its codes should not each become an error that buries the real one.
	n=$(grep -cE ':[0-9]+: ' "$CLI_T/out")
	grep -q 'U+001B' "$CLI_T/out" && [ "$n" -le 3 ] && ok "cli/lint-raw-esc-no-cascade" ||
		bad "cli/lint-raw-esc-no-cascade" "one raw ESC byte in codes/4xx.yaml gives $n errors (\"$(grep -m1 'not in the code table' "$CLI_T/out" | sed "s|$c/||")\" …)"

	lint_fresh
	n=$(grep -n '^- code: 402$' "$f" | head -1 | cut -d: -f1)
	local first
	first=$(grep -n '^- code: 401$' "$f" | head -1 | cut -d: -f1)
	sed -i "${n}s/402/401/" "$f"
	lint_case duplicate-code codes/4xx.yaml "$n" "duplicate code 401.*4xx\.yaml:$first"

	cli_x lint /nonexistent/httptutor-content
	cli_check lint-missing-dir 1 out '/nonexistent/httptutor-content:1: cannot open'
	# A folder given as --db is named as one, not "a disk error"; check at a
	# mistyped path says there is no database and makes none.
	mkdir -p "$CLI_T/dir.db"
	cli_x --db "$CLI_T/dir.db" stats
	cli_check db-is-folder 1 err 'dir.db is a folder, not a database file'
	cli_x --db "$CLI_T/no-such-dir/p.db" check
	cli_check check-missing-db 1 err 'there is no database at .*no-such-dir/p.db' &&
		{ [ ! -e "$CLI_T/no-such-dir" ] && ok cli/check-missing-db-makes-nothing ||
		  bad cli/check-missing-db-makes-nothing "check made $CLI_T/no-such-dir"; }
	cli_x lint /etc/passwd
	cli_check lint-a-file 1 out '/etc/passwd:1: cannot open content folder: Not a directory'
	# One YAML typo is one error: the checks across the pack (contrasts short
	# of scenarios...) wait until every file can be read.
	local ty=$CLI_T/typo
	rm -rf "$ty" && cp -r content "$ty" && sed -i '12s/^/  : : [unclosed\n/' "$ty/scenarios/4xx-core.yaml"
	cli_x lint "$ty"
	cli_check lint-typo-one-error 1 out '4xx-core.yaml:12: YAML: ' out ': 1 error$' &&
		{ [ "$(wc -l <"$CLI_T/out")" = 2 ] && ok cli/lint-typo-nothing-else ||
		  bad cli/lint-typo-nothing-else "$(head -c 400 "$CLI_T/out")"; }
	rm -rf "$ty"
	cli_x --content /nonexistent/httptutor-content codes
	cli_check content-missing-dir 1 err '/nonexistent/httptutor-content'
	rm -rf "$c"
}

cli_usage_errors() {
	cli_x --help
	cli_check help 0 out '^usage: httptutor' out 'quiz' out 'lint'
	cli_x --version
	cli_check version 0 out '^httptutor [0-9]+\.[0-9]+'
	cli_usage unknown-option 'unknown option' --frobnicate codes
	cli_usage unknown-command "unknown command 'frobnicate'" frobnicate
	cli_usage bad-class '--class' codes --class 7xx
	cli_usage bad-count-zero '--count' quiz --count 0 --plain
	cli_usage bad-count-word '--count' quiz --count many --plain
	cli_usage bad-seed-negative '--seed' quiz --seed -1 --plain
	cli_usage bad-seed-word '--seed' quiz --seed abc --plain
	# past 2^64-1 every seed would give the same quiz
	cli_usage bad-seed-too-big '--seed .*18446744073709551616' quiz --seed 18446744073709551616 --plain
	# an empty value (a variable that was not set) is not the default
	cli_usage empty-db "'--db' needs a value" --db "" stats
	cli_usage empty-user "'--user' needs a value" --user "" stats
	# --chapter names a chapter as read does; an unknown one is said, with the list
	cli_usage chapter-unknown "--chapter: no chapter 'nope'" quiz --plain --chapter nope
	grep -q '^  2  forgotten  ' "$CLI_T/err" && ok cli/chapter-unknown-lists ||
		bad cli/chapter-unknown-lists "$(head -c 300 "$CLI_T/err")"
	cli_xin '1\n' --db "$CLI_T/chapter.db" quiz --plain --chapter 2 --count 1 --seed 3
	cli_check chapter-by-number 0 out '1/1'
	cli_x --db "$CLI_T/none-match.db" exam new e1 --count 3 --chapter common --class 1xx --type pick
	cli_check exam-new-none-match 1 err 'no question matches --class 1xx --chapter common --type pick; loosen the filters'
	grep -q -- '--count 0' "$CLI_T/err" && bad cli/exam-new-none-match-no-count-0 "$(cat "$CLI_T/err")" ||
		ok cli/exam-new-none-match-no-count-0
	# A class server named in the profile (HTTPTUTOR_CLASS) refuses --user as
	# --class does: it would be ignored, the server says who you are.
	HTTPTUTOR_CLASS=$CLI_T/no-class "$BIN" --user bob stats >"$CLI_T/out" 2>"$CLI_T/err"
	CLI_RC=$?
	cli_check usage-user-with-env-class 2 err '--user bob does not apply'
	cli_usage bad-lang '--lang' --lang fr codes
	cli_usage misplaced-plain '--plain' codes --plain
	cli_usage misplaced-csv '--csv' codes --csv
	cli_usage missing-value "needs a value" codes --db
	cli_usage code-no-arg 'code' code
	cli_usage code-two "code takes one code, not '404' too" code 403 404
	# A meaning question answered with another code's meaning says whose it is.
	cli_xin '4\n' --db "$CLI_T/whynot.db" --lang en quiz --plain --type meaning --count 1 --seed 4
	cli_check meaning-whynot 0 out '^Why not 501:' out 'That is what 501 Not Implemented means, not 405\.'
	cli_xin '4\n' --db "$CLI_T/whynot.db" --lang zh-TW quiz --plain --type meaning --count 1 --seed 4
	cli_check meaning-whynot-zh 0 out '^為什麼不是 501：' out '那是 501 .*的意思，不是 405 的。'
	cli_usage class-unknown "class takes init DIR, serve DIR or roster, not 'foo'" class foo
	cli_usage class-nothing "class needs init DIR, serve DIR or roster$" class
	cli_usage search-no-words 'search needs a word to look for' search
	cli_usage exam-no-seed 'exam needs a NAME.*--seed S' exam --count 3 --plain
}

# Answer a plain quiz through tests/data/cli/drive.py (answers → $CLI_T/drive.log).
cli_drive() {
	local db=$1
	shift
	python3 "$ROOT/tests/data/cli/drive.py" "$CLI_T/drive.log" -- "$BIN" --db "$db" "$@" \
		>"$CLI_T/out" 2>"$CLI_T/err" </dev/null
	CLI_RC=$?
}

# python3 -c SCRIPT ARGS…: prints why and exits 1 when a check fails.
cli_py() {
	python3 -c "$1" "${@:2}" 2>&1
}

cli_db() {
	local d=$CLI_T db out
	db=$d/empty.db
	cli_x --db "$db" stats
	cli_check stats-no-db 1 err 'no database'
	# An empty database: a quiz ended by EOF before any answer.
	cli_xin '' --db "$db" quiz --plain --type pick --seed 1 --count 3
	cli_check quiz-eof-at-once 0 out '^No question answered\.$'
	cli_x --db "$db" stats
	cli_check stats-empty 0 out '^Answers: 0 '
	# A class with no answers has no share: a dash, as on the screen, not 0% 0/0.
	cli_check stats-empty-class-dash 0 out '^  1xx     -$' out '^  5xx     -$'
	grep -q '0/0' "$d/out" && bad cli/stats-empty-no-0-of-0 "$(grep '0/0' "$d/out")" ||
		ok cli/stats-empty-no-0-of-0
	cli_x --db "$db" stats --json
	cli_py 'import json,sys; s=json.load(open(sys.argv[1])); sys.exit(0 if s["answers"] == 0 and s["correct"] == 0 and s["user"] == "student" else 1)' "$d/out" >/dev/null &&
		[ "$CLI_RC" = 0 ] && ok "cli/stats-json-empty" || bad "cli/stats-json-empty" "exit $CLI_RC: $(head -c 200 "$d/out")"
	cli_x --db "$db" export --csv
	[ "$CLI_RC" = 0 ] && [ "$(wc -l <"$d/out")" = 1 ] && grep -q '^id,profile,.*given' "$d/out" >/dev/null &&
		ok "cli/export-csv-empty" || bad "cli/export-csv-empty" "exit $CLI_RC: $(head -c 200 "$d/out")"
	cli_x --db "$db" export --json
	cli_py 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1])) == [] else 1)' "$d/out" >/dev/null &&
		[ "$CLI_RC" = 0 ] && ok "cli/export-json-empty" || bad "cli/export-json-empty" "exit $CLI_RC: $(head -c 200 "$d/out")"

	# A scripted quiz: typed choices 1,3,2 against what was shown.
	db=$d/used.db
	cli_xin '1\n3\n2\n' --db "$db" quiz --plain --type pick --seed 7 --count 3
	out=$d/quiz1.out
	cp "$d/out" "$out"
	local right wrong score
	right=$(grep -cE '^> Correct[.!]' "$out")
	wrong=$(grep -cE '^> Wrong\. The answer is [1-5][0-9]{2} ' "$out")
	score=$(sed -n 's/^Score: \([0-9]*\)\/\([0-9]*\).*/\1 \2/p' "$out")
	if [ "$CLI_RC" = 0 ] && [ $((right + wrong)) = 3 ] && [ "$score" = "$right 3" ] &&
		grep -q '^\[3/3\]' "$out" && grep -q '^Why:' "$out"; then
		ok "cli/plain-quiz"
	else
		bad "cli/plain-quiz" "exit $CLI_RC, $right correct + $wrong wrong, score '$score'"
	fi
	cli_xin '1\n3\n2\n' --db "$d/same.db" quiz --plain --type pick --seed 7 --count 3
	grep -q '^\[3/3\]' "$out" && cmp -s "$out" "$d/out" && ok "cli/plain-same-seed" || bad "cli/plain-same-seed" "seed 7 twice gave different output"
	cli_xin '1\n3\n2\n' --db "$d/other.db" quiz --plain --type pick --seed 8 --count 3
	# The README's plain-mode example is what the program prints.
	why=$(cli_py '
import os, re, subprocess, sys, tempfile
text = open(sys.argv[1]).read()
m = re.search(r"```console\n\$ (printf .*?) \| httptutor (.*?)\n(.*?)```", text, re.S)
if not m: sys.exit("no plain-mode example in the README")
inp = m.group(1)[len("printf "):].strip("\x27").encode().decode("unicode_escape")
d = tempfile.mkdtemp()
env = dict(os.environ, HTTPTUTOR_DB=d + "/x.db", COLUMNS="80")
got = subprocess.run([sys.argv[2]] + m.group(2).split(), input=inp.encode(), env=env,
                     capture_output=True).stdout.decode()
norm = lambda t: re.sub(r"in \d\d:\d\d", "in mm:ss", t).rstrip("\n")
if norm(got) != norm(m.group(3)):
    import difflib
    sys.exit("\n".join(difflib.unified_diff(norm(m.group(3)).split("\n"), norm(got).split("\n"), lineterm=""))[:1500])
' "$ROOT/README.md" "$BIN" 2>&1) && ok cli/readme-plain-example || bad cli/readme-plain-example "$why"
	# The summary's command asks the same questions: seed, count and filters.
	grep -qx 'Same questions again: httptutor quiz --seed 7 --count 3 --type pick' "$out" &&
		ok "cli/plain-same-again-filters" || bad "cli/plain-same-again-filters" "$(grep -i 'same q' "$out")"
	cli_xin '1\n' --db "$d/zh.db" --lang zh-TW quiz --plain --class 4xx --seed 7 --count 1
	cli_check plain-same-again-zh 0 out '^再做一次同樣的題目：httptutor quiz --seed 7 --count 1 --class 4xx$'
	# Without --seed the quiz keeps away from recent answers, so the seed alone
	# may not give it again: the hint is shown only when it does.
	cli_xin '1\n1\n' --db "$d/fresh.db" quiz --plain --type pick --count 2
	cp "$d/out" "$d/fresh1"
	local again
	again=$(sed -n 's/^Same questions again: httptutor //p' "$d/fresh1")
	cli_xin '1\n1\n' --db "$d/fresh-again.db" $again --plain
	[ -n "$again" ] && diff <(grep '^\[' "$d/fresh1") <(grep '^\[' "$d/out") >/dev/null &&
		ok "cli/plain-same-again-reproduces" || bad "cli/plain-same-again-reproduces" "'$again'"
	cli_xin '1\n1\n' --db "$d/fresh.db" quiz --plain --type pick --count 2
	[ "$CLI_RC" = 0 ] && ! grep -q 'Same questions again' "$d/out" && ok "cli/plain-same-again-not-when-fresh" ||
		bad "cli/plain-same-again-not-when-fresh" "exit $CLI_RC: $(grep 'Same q' "$d/out")"
	cli_xin '1\n' --db "$d/fresh.db" review --plain
	[ "$CLI_RC" = 0 ] && grep -q '^Score: ' "$d/out" && ! grep -q 'Same questions again' "$d/out" &&
		ok "cli/plain-review-no-same-again" || bad "cli/plain-review-no-same-again" "exit $CLI_RC: $(tail -2 "$d/out")"
	cmp -s "$out" "$d/out" && bad "cli/plain-other-seed" "seed 8 gave the same quiz as seed 7" || ok "cli/plain-other-seed"

	# Export holds exactly what was typed: given = the typed choice of shown.
	cli_x --db "$db" export --csv
	local why
	why=$(cli_py '
import csv, re, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
typed = [1, 3, 2]
if len(rows) != 3: sys.exit(f"{len(rows)} rows, want 3")
quiz = open(sys.argv[2]).read()
answers = re.findall(r"^> (?:Correct[.!]|Wrong\. The answer is (\d{3}))", quiz, re.M)
for i, r in enumerate(rows):
    shown = r["shown"].split(",")
    given, expected = r["given"], r["expected"]
    if given != shown[typed[i] - 1]: sys.exit(f"row {i+1}: given {given} but typed {typed[i]} of {shown}")
    if r["correct"] != ("1" if r["given"] == r["expected"] else "0"): sys.exit(f"row {i+1}: correct flag wrong")
    if answers[i] and answers[i] != expected: sys.exit(f"row {i+1}: expected {expected} but the quiz said {answers[i]}")
    if not r["item"] or r["profile"] != "student" or r["qtype"] != "pick": sys.exit(f"row {i+1}: {r}")
' "$d/out" "$out") && [ "$CLI_RC" = 0 ] && ok "cli/export-csv-matches" || bad "cli/export-csv-matches" "exit $CLI_RC: $why"

	cli_x --db "$db" export --json
	cli_py 'import json,sys; a=json.load(open(sys.argv[1])); sys.exit(0 if len(a) == 3 and all(k in a[0] for k in ("item","given","expected","correct","shown")) else 1)' "$d/out" >/dev/null &&
		[ "$CLI_RC" = 0 ] && ok "cli/export-json" || bad "cli/export-json" "exit $CLI_RC: $(head -c 300 "$d/out")"

	cli_x --db "$db" stats
	cli_check stats-used 0 out "^Answers: 3 +Correct: $right "
	cli_x --db "$db" stats --json
	cli_py 'import json,sys
s=json.load(open(sys.argv[1]))
ok = s["answers"] == 3 and s["correct"] == int(sys.argv[2]) and sum(c["answers"] for c in s["classes"].values()) == 3
sys.exit(0 if ok else 1)' "$d/out" "$right" >/dev/null &&
		[ "$CLI_RC" = 0 ] && ok "cli/stats-json-used" || bad "cli/stats-json-used" "exit $CLI_RC: $(head -c 300 "$d/out")"

	# CSV quoting: a profile name with a comma and quotes round-trips.
	cli_xin '1\n' --db "$db" --user 'Lin, "Kai"' quiz --plain --type pick --seed 2 --count 1
	cli_x --db "$db" --user 'Lin, "Kai"' export --csv
	grep -q '^[0-9]*,"Lin, ""Kai""",' "$d/out" &&
		cli_py 'import csv,sys; r=list(csv.DictReader(open(sys.argv[1], newline=""))); sys.exit(0 if len(r) == 1 and r[0]["profile"] == "Lin, \"Kai\"" and len(r[0]) == 16 and r[0]["code"].isdigit() and r[0]["also"] in ("0", "1") and r[0]["exam"] == "" else 1)' "$d/out" >/dev/null &&
		ok "cli/export-csv-quoting" || bad "cli/export-csv-quoting" "$(head -c 300 "$d/out")"
	# Other profiles' answers are not in this one's export.
	cli_x --db "$db" export --csv
	[ "$(grep -c 'Lin' "$d/out")" = 0 ] && [ "$(wc -l <"$d/out")" = 4 ] &&
		ok "cli/export-per-profile" || bad "cli/export-per-profile" "$(wc -l <"$d/out") lines"

	# Review asks exactly the items answered wrong (599 is never right).
	db=$d/review.db
	cli_xin '599\n599\n599\n' --db "$db" quiz --plain --type type --seed 7 --count 3
	local wrong_items review_items
	cli_x --db "$db" export --csv
	wrong_items=$(cli_py 'import csv,sys; print(" ".join(sorted(r["item"] for r in csv.DictReader(open(sys.argv[1], newline="")) if r["correct"] == "0")))' "$d/out" 2>/dev/null)
	cli_drive "$db" review --plain
	local rrc=$CLI_RC n_rev
	n_rev=$(grep -c '' "$d/drive.log")
	cli_x --db "$db" export --csv
	review_items=$(cli_py 'import csv,sys
r=list(csv.DictReader(open(sys.argv[1], newline="")))
last=max(x["session"] for x in r)
print(" ".join(sorted(x["item"] for x in r if x["session"] == last)))' "$d/out" 2>/dev/null)
	if [ "$rrc" = 0 ] && [ "$(wc -w <<<"$wrong_items")" = 3 ] && [ "$review_items" = "$wrong_items" ] && [ "$n_rev" = 3 ]; then
		ok "cli/review-mistakes"
	else
		bad "cli/review-mistakes" "exit $rrc, $n_rev answered; asked '$review_items', missed '$wrong_items'"
	fi

	# Junk re-asks and is not recorded.
	db=$d/junk.db
	cli_xin 'foo\n9\n\n0\n2\n' --db "$db" quiz --plain --type pick --seed 4 --count 1
	local asks
	asks=$(grep -c 'Type a choice' "$d/out")
	cli_x --db "$db" export --csv
	cli_py 'import csv,sys; r=list(csv.DictReader(open(sys.argv[1], newline=""))); sys.exit(0 if len(r) == 1 and r[0]["given"] == r[0]["shown"].split(",")[1] else 1)' "$d/out" >/dev/null &&
		[ "$asks" = 4 ] && ok "cli/plain-junk-reasks" || bad "cli/plain-junk-reasks" "$asks re-asks (want 4); export: $(tail -n +2 "$d/out" | head -c 200)"

	# EOF in the middle: exit 0, the two answers kept.
	db=$d/eof.db
	cli_xin '1\n2\n' --db "$db" quiz --plain --type pick --seed 5 --count 5
	local rc=$CLI_RC
	grep -q '^Score: [0-9]/2 ' "$d/out" || grep -q '^Score: [0-9]/2$' "$d/out"
	local sc=$?
	cli_x --db "$db" export --csv
	[ "$rc" = 0 ] && [ $sc = 0 ] && [ "$(wc -l <"$d/out")" = 3 ] &&
		ok "cli/plain-eof-keeps" || bad "cli/plain-eof-keeps" "exit $rc, $(($(wc -l <"$d/out") - 1)) rows (want 2)"

	# stdin not a terminal: plain without --plain.
	cli_xin '1\n' --db "$d/auto.db" quiz --type pick --seed 7 --count 1
	cli_check plain-auto 0 out '^\[1/1\]' out '^> (Correct[.!]|Wrong\.)' out '^Score: '

	# Exams mix question types: answer them as a person would.
	cli_drive "$d/exam.db" exam --seed 5 --count 3 --plain
	cli_check exam-plain 0 out '^Exam' out '^\[3/3\]' out '^Score: [0-3]/3'
	cp "$d/out" "$d/exam1.out"
	cli_drive "$d/exam2.db" exam --seed 5 --count 3 --plain
	grep -q '^\[3/3\]' "$d/out" && cmp -s "$d/out" "$d/exam1.out" && ok "cli/exam-same-seed" || bad "cli/exam-same-seed" "exam --seed 5 differs between runs"
	cli_x --db "$d/exam.db" export --csv
	[ "$(wc -l <"$d/out")" = 4 ] && ok "cli/exam-recorded" || bad "cli/exam-recorded" "$(($(wc -l <"$d/out") - 1)) rows after a 3-question exam"
}

# Plain mode reads whole lines: a long or NUL-bearing line is refused once,
# never cut into answers; a code that was not offered asks again.
cli_plain_input() {
	local d=$CLI_T db=$CLI_T/lines.db n rows
	python3 -c 'import sys; sys.stdout.write("x" * 5000 + "\n")' >"$d/long.in"
	cli_x --db "$db" quiz --plain --type pick --seed 3 --count 1 <"$d/long.in"
	n=$(grep -c 'too long' "$d/out")
	[ "$CLI_RC" = 0 ] && [ "$n" = 1 ] && ok cli/plain-long-line-once ||
		bad cli/plain-long-line-once "a 5,000-character line gave $n messages (want 1), exit $CLI_RC"
	python3 -c 'import sys; sys.stdout.write("7" * 10000000 + "\n")' >"$d/huge.in"
	cli_x --db "$db" quiz --plain --type pick --seed 3 --count 1 <"$d/huge.in"
	n=$(grep -c 'too long' "$d/out")
	[ "$CLI_RC" = 0 ] && [ "$n" = 1 ] && ok cli/plain-10mb-line-once ||
		bad cli/plain-10mb-line-once "a 10 MB line gave $n messages (want 1), exit $CLI_RC"
	rm -f "$d/huge.in"
	# 255 x then 2 (the old 255-byte reads saw "2"), and 1 NUL garbage: no answer.
	python3 -c 'import sys; sys.stdout.write("x" * 255 + "2\n1\0garbage\n")' >"$d/cut.in"
	cli_x --db "$db" quiz --plain --type pick --seed 3 --count 1 <"$d/cut.in"
	rows=$(sqlite3 "$db" 'SELECT count(*) FROM answer')
	[ "$rows" = 0 ] && [ "$(grep -c 'too long or holds a NUL' "$d/out")" = 2 ] && ok cli/plain-no-cut-answers ||
		bad cli/plain-no-cut-answers "$rows answers recorded from a long line and a NUL line (want 0)"
	# Choices: one label each ("1) 304 Not Modified"), letters still accepted,
	# a code not offered asks again; the seed is in the summary, not the header.
	printf '404\na\n' | "$BIN" --db "$db" quiz --plain --type pick --seed 3 --count 1 >"$d/out" 2>"$d/err"
	CLI_RC=$?
	local why
	why=$(python3 - "$d/out" "$db" <<'PY'
import re, sqlite3, sys
out = open(sys.argv[1], encoding="utf-8").read()
choices = re.findall(r"^  ([1-4])\) ([1-5][0-9]{2}) ", out, re.M)
if len(choices) != 4: sys.exit(f"choices not printed as '  1) 302 Found': {out[:400]!r}")
if re.search(r"^  [1-4]\) [a-d]\.", out, re.M): sys.exit("a letter after the number is still printed")
shown = [c for _, c in choices]
if "404" in shown: sys.exit("test needs 404 not among the choices")
if out.count("one of the codes shown") != 1: sys.exit("404 (not offered) did not ask again once")
if "seed" in out.splitlines()[0].lower(): sys.exit(f"the header names the seed: {out.splitlines()[0]!r}")
if "--seed 3" not in out: sys.exit("the summary does not give the seed")
rows = sqlite3.connect(sys.argv[2]).execute("SELECT given, shown FROM answer").fetchall()
if rows != [(shown[0], ",".join(shown))]: sys.exit(f"logged {rows}, want the first choice {shown[0]}")
PY
	) && [ "$CLI_RC" = 0 ] && ok cli/plain-choices || bad cli/plain-choices "exit $CLI_RC: $why"
}

# COLUMNS sweep: every line command, at 40, 60, 80 and 120 columns and with
# COLUMNS unset (80), in both languages, fits by display width.
cli_widths() {
	local db=$CLI_T/widths.db why
	printf '1\n2\n3\n1\n' | HTTPTUTOR_DB=$db "$BIN" quiz --plain --seed 3 --count 4 >/dev/null 2>&1
	printf '1\n2\n3\n' | HTTPTUTOR_DB=$db HTTPTUTOR_USER=bo "$BIN" exam --plain --seed 5 --count 3 >/dev/null 2>&1
	why=$(python3 "$ROOT/tests/data/cli/widths.py" "$BIN" "$db" 2>&1)
	[ $? = 0 ] && ok cli/columns-sweep || bad cli/columns-sweep "$(printf '%s' "$why" | head -c 600)"
}

# Wait until file $1 has at least $2 lines matching $3 (deadline 5 s).
cli_wait_lines() {
	local _ n
	for _ in $(seq 50); do
		n=$(grep -cE -e "$3" "$1" 2>/dev/null)
		[ "${n:-0}" -ge "$2" ] && return 0
		sleep 0.1
	done
	return 1
}

cli_faults() {
	local d=$CLI_T db pid n

	# kill -9 after the third feedback line: every confirmed answer is kept.
	db=$d/kill.db
	mkfifo "$d/fifo"
	"$BIN" --db "$db" quiz --plain --type pick --seed 9 --count 6 <"$d/fifo" >"$d/kill.out" 2>&1 &
	pid=$!
	# Read-write open: never blocks, and no SIGPIPE for this shell if the program dies.
	exec 7<>"$d/fifo"
	local typed=(2 1 3) fed=0
	for n in 1 2 3; do
		echo "${typed[n - 1]}" >&7
		cli_wait_lines "$d/kill.out" "$n" '^> (Correct[.!]|Wrong\.)' && fed=$n
	done
	kill -9 "$pid" 2>/dev/null
	{ wait "$pid"; } 2>/dev/null
	exec 7>&-
	cli_x --db "$db" export --csv
	local why
	why=$(cli_py '
import csv, sys
r = list(csv.DictReader(open(sys.argv[1], newline="")))
typed = [2, 1, 3]
if len(r) != 3: sys.exit(f"{len(r)} rows after kill -9, want 3")
for i, x in enumerate(r):
    if x["given"] != x["shown"].split(",")[typed[i] - 1]: sys.exit(f"row {i+1} given {x}")
' "$d/out")
	[ "$fed" = 3 ] && [ "$CLI_RC" = 0 ] && ok "cli/fault-kill9-keeps-answers" ||
		bad "cli/fault-kill9-keeps-answers" "feedback seen for $fed answers; export exit $CLI_RC: $why"

	# Corrupt file: clear message naming the path, exit 1, file untouched.
	db=$d/corrupt.db
	head -c 16384 /dev/urandom >"$db"
	local sum
	sum=$(sha256sum <"$db")
	cli_xin '1\n' --db "$db" quiz --plain --type pick --seed 1 --count 1
	cli_check fault-corrupt-quiz 1 err "$db" err 'damaged|not a database'
	cli_x --db "$db" stats
	[ "$(sha256sum <"$db")" = "$sum" ] || CLI_RC="$CLI_RC (and the file was modified)"
	cli_check fault-corrupt-stats-unchanged 1 err "$db"

	# A database from a newer httptutor: refused, unchanged.
	db=$d/newer.db
	sqlite3 "$db" 'PRAGMA application_id=1213486160; PRAGMA user_version=99; CREATE TABLE future(x); INSERT INTO future VALUES(1);'
	sum=$(sha256sum <"$db")
	cli_xin '1\n' --db "$db" quiz --plain --type pick --seed 1 --count 1
	cli_check fault-newer-quiz 1 err 'newer' err "$db"
	cli_x --db "$db" stats
	[ "$(sha256sum <"$db")" = "$sum" ] && [ "$(sqlite3 "$db" 'PRAGMA user_version')" = 99 ] ||
		CLI_RC="$CLI_RC (and the file was modified)"
	cli_check fault-newer-stats-unchanged 1 err 'newer'

	# Someone else's SQLite file: refused, unchanged.
	db=$d/foreign.db
	sqlite3 "$db" 'CREATE TABLE notes(body TEXT); INSERT INTO notes VALUES("keep me");'
	sum=$(sha256sum <"$db")
	cli_xin '1\n' --db "$db" quiz --plain --type pick --seed 1 --count 1
	[ "$(sha256sum <"$db")" = "$sum" ] && [ "$(sqlite3 "$db" 'SELECT count(*) FROM sqlite_master')" = 1 ] ||
		CLI_RC="$CLI_RC (and the file was modified)"
	cli_check fault-foreign-quiz-unchanged 1 err 'not an httptutor database' err "$db"

	cli_faults_readonly
	cli_faults_full
}

# Read-only database: root ignores modes, so run as nobody.
cli_faults_readonly() {
	local d=$CLI_T/ro db
	if ! setpriv --reuid=nobody --regid=nogroup --clear-groups true 2>/dev/null; then
		ok "cli/fault-readonly (skipped: setpriv to nobody not possible)"
		return
	fi
	mkdir -p "$d/dir" "$d/file"
	chmod 755 "$CLI_T" "$d"
	local as_nobody=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
	# Folder and file read-only: SQLite cannot even make its -shm file.
	db=$d/dir/a.db
	cli_xin '1\n' --db "$db" quiz --plain --type pick --seed 1 --count 1
	chmod 644 "$db"
	chmod 555 "$d/dir"
	printf '1\n2\n' | "${as_nobody[@]}" "$BIN" --db "$db" quiz --plain --type pick --seed 1 --count 2 >"$CLI_T/out" 2>"$CLI_T/err"
	CLI_RC=${PIPESTATUS[1]}
	cli_check fault-readonly-dir 1 err 'read-only' err "$db"
	# Writable folder, read-only file: each answer is said to be NOT SAVED.
	db=$d/file/a.db
	cli_xin '1\n' --db "$db" quiz --plain --type pick --seed 1 --count 1
	chmod 644 "$db"
	chmod 1777 "$d/file"
	printf '1\n2\n' | "${as_nobody[@]}" "$BIN" --db "$db" quiz --plain --type pick --seed 1 --count 2 >"$CLI_T/out" 2>"$CLI_T/err"
	CLI_RC=${PIPESTATUS[1]}
	cli_check fault-readonly-file 1 err 'NOT SAVED' err 'read-only' out '^Score: '
	cli_x --db "$db" export --csv
	[ "$(wc -l <"$CLI_T/out")" = 2 ] && ok "cli/fault-readonly-file-intact" ||
		bad "cli/fault-readonly-file-intact" "$(($(wc -l <"$CLI_T/out") - 1)) rows, want the 1 from before"
	chmod 755 "$d/dir"
}

# Full disk: a small tmpfs; answer until it fills.
cli_faults_full() {
	local m=$CLI_T/full
	mkdir -p "$m"
	# Room for the schema and its first WAL (about 200 KB), then it fills.
	if ! mount -t tmpfs -o size=320k tmpfs "$m" 2>/dev/null; then
		ok "cli/fault-disk-full (skipped: cannot mount tmpfs)"
		return
	fi
	yes 1 | head -n 400 | timeout 60 "$BIN" --db "$m/a.db" quiz --plain --type pick --seed 1 --count 400 \
		>"$CLI_T/out" 2>"$CLI_T/err"
	CLI_RC=${PIPESTATUS[2]}
	local asked lost
	asked=$(sed -n 's/^Score: [0-9]*\/\([0-9]*\).*/\1/p' "$CLI_T/out")
	lost=$(grep -c 'NOT SAVED' "$CLI_T/err")
	cli_check fault-disk-full 1 err 'disk is full' err 'NOT SAVED' out '^Score: '
	cli_x --db "$m/a.db" export --csv
	local rows=$(($(wc -l <"$CLI_T/out") - 1))
	[ "$CLI_RC" = 0 ] && [ -n "$asked" ] && [ "$lost" -gt 0 ] && [ "$rows" = $((asked - lost)) ] &&
		ok "cli/fault-disk-full-count" || bad "cli/fault-disk-full-count" "asked $asked, $lost not saved, export has $rows (exit $CLI_RC)"
	umount "$m"
}

# The teacher's class report over a shared database: two students sit the
# same exam (drive.py answers "1" to every choice), one also takes a quiz.
cli_report() {
	local db=$CLI_T/class.db
	HTTPTUTOR_USER=ana cli_drive "$db" exam --seed 42 --count 4 --plain
	HTTPTUTOR_USER=ben cli_drive "$db" exam --seed 42 --count 4 --plain
	HTTPTUTOR_USER=ben cli_drive "$db" quiz --seed 7 --count 3 --plain
	cli_x --db "$db" report --json
	local why
	why=$(cli_py '
import json, sys
r = json.load(open(sys.argv[1]))
assert [s["user"] for s in r["students"]] == ["ana", "ben"], r["students"]
counts = {s["user"]: s["answers"] for s in r["students"]}
assert counts == {"ana": 4, "ben": 7}, counts
assert r["answers"] == 11 and r["exam"] is None, r
assert sum(q["answers"] for q in r["questions"]) == 11
acc = [q["correct"] / q["answers"] for q in r["questions"]]
assert acc == sorted(acc), "questions not hardest first"
for q in r["questions"]:
    assert (q["top_wrong"] is None) == (q["correct"] == q["answers"]), q
' "$CLI_T/out")
	[ "$CLI_RC" = 0 ] && [ -z "$why" ] && ok cli/report-json || bad cli/report-json "exit $CLI_RC: $why"
	cli_x --db "$db" report --exam seed-42-n4 --csv
	local students answers
	students=$(grep -c '^student,' "$CLI_T/out")
	answers=$(grep -c '^answer,' "$CLI_T/out")
	[ "$CLI_RC" = 0 ] && [ "$students" = 2 ] && [ "$answers" = 8 ] &&
		head -1 "$CLI_T/out" | grep -q '^scope,student,status,score,total' &&
		ok cli/report-exam-csv || bad cli/report-exam-csv "exit $CLI_RC, $students students, $answers answers"
	cli_x --db "$db" report --exam seed-1-n1
	cli_check report-unknown-exam 1 err "no exam 'seed-1-n1'"
	cli_x report "$CLI_T/missing.db"
	cli_check report-missing-db 1 err 'no database'
	cli_x --db "$db" report --exam
	cli_check report-exam-needs-value 2 err 'needs a value'
}

# read/browse with their output piped print text instead of starting curses.
cli_piped() {
	cli_x read
	cli_check read-piped-list 0 out '^ 2  forgotten +Status Codes REST Designers Forget$' &&
		! grep -q $'\e' "$CLI_T/out" && ok cli/read-piped-list-no-escapes
	cli_x --lang zh-TW read forgotten
	cli_check read-piped-chapter 0 out '^REST 設計者常忘記的狀態碼$' out '^│ 1xx  │' &&
		[ "$(awk '{ if (length($0) > m) m = length($0) } END { print m }' "$CLI_T/out")" -le 240 ] &&
		ok cli/read-piped-chapter-wrapped
	cli_x browse 418
	cli_check browse-piped-card 0 out "^418 \(Unused\) I'm a teapot$"
	cli_x read nosuch
	cli_check read-piped-unknown 1 err "no chapter 'nosuch'"
	# TERM=dumb (a screen reader's console): tables as "Heading: cell" lines.
	local boxes
	TERM=dumb cli_x read 1
	boxes=$(grep -c '[│─┌┐└┘├┤┼]' "$CLI_T/out")
	[ "$boxes" = 0 ] && cli_check read-dumb-plain-tables 0 out '^Code: 200; Reason phrase: OK; ' ||
		bad cli/read-dumb-plain-tables "$boxes lines with box drawing under TERM=dumb"
	TERM=dumb cli_x --lang zh-TW read 2
	boxes=$(grep -c '[│─┌┐└┘├┤┼]' "$CLI_T/out")
	[ "$boxes" = 0 ] && cli_check read-dumb-plain-tables-zh 0 out '^類別：4xx；意義：' ||
		bad cli/read-dumb-plain-tables-zh "$boxes lines with box drawing under TERM=dumb"
}

# contrasts.yaml: the real pack's groups lint clean; a broken one is named by file:line.
cli_contrasts() {
	local c=$CLI_T/ccontent f n
	cli_x lint "$ROOT/content"
	cli_check contrasts-lint-count 0 out ', [0-9]+ contrast groups,'
	rm -rf "$c" && cp -r "$ROOT/content" "$c"
	f=$c/contrasts.yaml
	n=$(grep -n '^  codes: \[403, 404\]$' "$f" | head -1 | cut -d: -f1)
	sed -i "${n}s/403, 404/401, 403, 404/" "$f"
	cli_x lint "$c"
	cli_check contrasts-lint-shared-pair 1 out "contrasts\.yaml:$((n - 1)): contrast refuse-or-hide: 401 and 403 are already a pair in contrast who-or-allowed" \
		out "contrasts\.yaml:[0-9]+: .*en\.rules has no line for 401"

	# review --group: a drill on one group, recorded as a review.
	local d=$CLI_T db=$CLI_T/drill.db why
	cli_xin '1\n2\n1\n2\n1\n2\n' --db "$db" review --plain --group 401,403 --seed 3 --count 6
	cli_check drill-plain 0 out '^Drill 401 ↔ 403: 6 questions$' out '^The deciding question$' \
		out '^  401 Unauthorized +│ 403 Forbidden$' out '^\[6/6\]'
	cp "$d/out" "$d/drill.out"
	grep -q '^You mixed up 401 ↔ 403: Not signed in, or not allowed$' "$d/drill.out" &&
		ok cli/drill-names-mixup || bad cli/drill-names-mixup "no 'You mixed up' after a 401/403 miss"
	grep -q 'review --plain --group 401,403' "$d/drill.out" && bad cli/drill-no-command-hint "the drill points to itself" ||
		ok cli/drill-no-command-hint
	cli_x --db "$db" export --csv
	why=$(cli_py '
import csv, sqlite3, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
if len(rows) != 6: sys.exit(f"{len(rows)} rows, want 6")
for i, r in enumerate(rows):
    want, shown = r["expected"], r["shown"]
    if want not in ("401", "403"): sys.exit(f"row {i+1} asks {want}")
    if not {"401", "403"} <= set(shown.split(",")): sys.exit(f"row {i+1} shows {shown}")
    if i and want == rows[i-1]["expected"]: sys.exit(f"rows {i} and {i+1} both ask {want}")
if len({r["item"] for r in rows}) != 6: sys.exit("an item came twice")
kinds = [k for (k,) in sqlite3.connect(sys.argv[2]).execute("SELECT kind FROM session")]
if kinds != ["review"]: sys.exit(f"sessions {kinds}")
wrong = {r["item"] for r in rows if r["correct"] == "0"}
print(len(wrong))
' "$d/out" "$db")
	if [ "$CLI_RC" = 0 ] && [[ "$why" =~ ^[0-9]+$ ]]; then
		ok cli/drill-logged
		# the drill's misses are due in the next review
		cli_xin '' --db "$db" review --plain --seed 1 --count 50
		cli_check drill-schedules-review 0 out "^Review quiz: $why questions?$"
	else
		bad cli/drill-logged "$why"
	fi
	# stats: the confusions as counted by hand from the export
	cli_x --db "$db" export --csv
	cp "$d/out" "$d/drill.csv"
	cli_x --db "$db" stats --json
	why=$(cli_py '
import csv, json, sys, collections, datetime
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
want = collections.defaultdict(lambda: [0, ""])
for r in rows:
    if r["correct"] == "0" and r["qtype"] != "header":
        w = want[(int(r["expected"]), int(r["given"]))]
        w[0] += 1
        w[1] = max(w[1], r["at"])
got = json.load(open(sys.argv[2]))["confusions"]
have = {(c["expected"], c["given"]): [c["count"], c["last"]] for c in got}
if have != dict(want): sys.exit(f"stats says {have}, the log says {dict(want)}")
counts = [c["count"] for c in got]
if counts != sorted(counts, reverse=True): sys.exit(f"not most frequent first: {counts}")
for c in got:
    pair, grp = {c["expected"], c["given"]}, c["group"]
    if pair == {401, 403} and grp != "who-or-allowed": sys.exit(f"group of {pair}: {grp}")
if not got: sys.exit("no confusions at all")
' "$d/drill.csv" "$d/out")
	[ "$CLI_RC" = 0 ] && [ -z "$why" ] && ok cli/stats-json-confusions || bad cli/stats-json-confusions "exit $CLI_RC: $why"
	cli_x --db "$db" stats
	cli_check stats-top-confusions 0 out '^Mixed up most$' \
		out '^  40[13] [A-Za-z]+ → you answered 40[13] [A-Za-z]+ in [0-9]+ of [0-9]+ answers'
	cli_xin '1\n' --db "$db" --lang zh-TW review --plain --group 403,401 --seed 4 --count 1
	cli_check drill-zh 0 out '^專項練習 401 ↔ 403：1 題' out '^關鍵問題$' out '^你在這一組的錯誤$'
	# A group code the scenario does not explain: the group's rule says why not.
	cli_xin '501\n501\n501\n501\n' --db "$d/rule.db" review --plain --group 405,501 --seed 1 --count 4
	cli_check drill-rule-whynot 0 out '^Why not 501:$' \
		out '^  The deciding question: Does the server support this method on some resource\?$'
	cli_x --db "$db" review --plain --group 401,404
	cli_check drill-unknown-group 1 err "no contrast group '401,404'" err '^  401 ↔ 403 +who-or-allowed$'
	cli_usage drill-not-quiz 'applies to review' quiz --group 401,403
	cli_usage drill-no-class 'do not apply to a drill' review --group 401,403 --class 4xx

	# A quiz: a wrong answer in a group names it and points to the drill.
	local seed answer partner
	for seed in 1 2 3 4 5 6 7 8 9 10 11 12; do
		cli_xin '599\n' --db "$d/probe$seed.db" quiz --plain --type type --seed "$seed" --count 1
		answer=$(sed -n 's/^> Wrong\. The answer is \([0-9]*\) .*/\1/p' "$d/out")
		partner=$(cli_py '
import sys, yaml
for g in yaml.safe_load(open(sys.argv[1])):
    if int(sys.argv[2]) in g["codes"]:
        print(",".join(str(c) for c in g["codes"]), [c for c in g["codes"] if c != int(sys.argv[2])][0]); break
' "$ROOT/content/contrasts.yaml" "${answer:-0}")
		[ -n "$partner" ] && break
	done
	if [ -z "$partner" ]; then
		bad cli/quiz-names-mixup "no seed 1-12 asks a code of a group"
	else
		cli_xin "${partner#* }\n" --db "$d/mix.db" quiz --plain --type type --seed "$seed" --count 1
		cli_check quiz-names-mixup 0 out "^You mixed up ${partner%%,*}" \
			out "^Contrast card and drill: httptutor review --plain --group ${partner% *}$"
	fi
	# On a terminal the offer is a question: c shows the card with the mistake.
	for seed in 1 2 3 4 5 6 7 8; do
		rm -f "$d/pty.db"
		why=$(python3 "$ROOT/tests/data/cli/contrast_pty.py" "$BIN" --db "$d/pty.db" review --plain \
			--group 401,403 --count 1 --seed "$seed")
		[ $? = 2 ] || break
	done
	[ "$why" = OK ] && ok cli/contrast-offer-pty || bad cli/contrast-offer-pty "$why"
}

# Every card's `rfc:` names a section that exists in that RFC's table of
# contents for the code, with the title the RFC gives it (tests/data table).
# cli_rfc_check PACK: prints what is wrong; fails when anything is.
cli_rfc_check() {
	cli_py '
import glob, sys, yaml
table = {}
for line in open(sys.argv[2], encoding="utf-8"):
    if not line.strip() or line.startswith("#"):
        continue
    doc, sec, code, title = line.rstrip("\n").split("\t")
    table[(doc, sec)] = (int(code), title)
bad, n = [], 0
for f in sorted(glob.glob(sys.argv[1] + "/codes/*.yaml")):
    for c in yaml.safe_load(open(f, encoding="utf-8")) or []:
        ref, code = c["rfc"], c["code"]
        if ref.startswith("RFC "):
            doc, _, sec = ref.partition(" §")
            key = (doc, sec)
        elif ref.startswith("draft-"):
            key = (ref, "-")
        else:
            if c["status"] != "unofficial":
                bad.append("%d: %r is neither an RFC section nor a draft" % (code, ref))
            continue
        n += 1
        if key not in table:
            bad.append("%d: %s is not a status-code section in the table" % (code, ref))
        elif table[key][0] != code:
            bad.append("%d: %s defines %d, not %d" % (code, ref, table[key][0], code))
        elif table[key][1] != c["phrase"]:
            bad.append("%d: %s is titled %r; the card says %r" % (code, ref, table[key][1], c["phrase"]))
if n < 60:
    bad.append("only %d cards cite an RFC" % n)
print("; ".join(bad[:5]))
sys.exit(1 if bad else 0)
' "$1" "$ROOT/tests/data/rfc-status-sections.txt"
}

# One term per concept: lint names a glossary variant, a missing third
# why-not and a code name that differs from its card; every card cites a
# real section; search finds a concept by either language's term.
cli_terms() {
	local c=$CLI_T/tcontent f n why
	why=$(cli_rfc_check "$ROOT/content") && ok cli/rfc-sections || bad cli/rfc-sections "$why"
	# The check must fail on a wrong section (the 404 card citing 403's).
	rm -rf "$c" && cp -r "$ROOT/content" "$c"
	sed -i 's/^  rfc: RFC 9110 §15\.5\.5$/  rfc: RFC 9110 §15.5.4/' "$c/codes/4xx.yaml"
	why=$(cli_rfc_check "$c")
	case $why in
	*"404: RFC 9110 §15.5.4 defines 403, not 404"*) ok cli/rfc-sections-catches-wrong ;;
	*) bad cli/rfc-sections-catches-wrong "a 404 card citing §15.5.4 gave: $why" ;;
	esac

	rm -rf "$c" && cp -r "$ROOT/content" "$c"
	f=$c/codes/4xx.yaml
	n=$(grep -n '有效的權杖碰到擁有者' "$f" | head -1 | cut -d: -f1)
	sed -i "${n}s/有效的權杖碰到/有效的 token 碰到/" "$f"
	cli_x lint "$c"
	cli_check lint-glossary-variant 1 out "codes/4xx\.yaml:$n: zh-TW uses \"token\" .*the glossary term is \"權杖\""
	# The program refuses that pack too, as with every lint error.
	cli_x --content "$c" code 403
	cli_check glossary-variant-refuses-start 1 err "codes/4xx\.yaml:$n: zh-TW uses \"token\""

	rm -rf "$c" && cp -r "$ROOT/content" "$c"
	f=$c/zh-TW/chapters/01-common.md
	n=$(grep -n '^### 302 Found（已找到）' "$f" | cut -d: -f1)
	sed -i "${n}s/（已找到）/（暫時移動）/" "$f"
	cli_x lint "$c"
	cli_check lint-code-name 1 out "01-common\.md:$n: the chapter calls 302 \"暫時移動\"; its card's zh-TW name is \"已找到\""

	rm -rf "$c" && cp -r "$ROOT/content" "$c"
	f=$c/scenarios/4xx-core.yaml
	n=$(grep -n '^- id: alice-token-bob-order$' "$f" | cut -d: -f1)
	# Drop the en why-not for 400: its key line and its folded text.
	cli_py '
import sys
p, start = sys.argv[1], int(sys.argv[2])
lines = open(p, encoding="utf-8").read().split("\n")
i = next(k for k in range(start, len(lines)) if lines[k] == "      400: >")
j = i + 1
while lines[j].startswith("        "):
    j += 1
open(p, "w", encoding="utf-8").write("\n".join(lines[:i] + lines[j:]))
' "$f" "$n" >/dev/null
	cli_x lint "$c"
	cli_check lint-third-whynot 1 out "4xx-core\.yaml:[0-9]+: scenario alice-token-bob-order: en\.whynot needs at least 3 tempting wrong codes" \
		out "whynot codes differ between en and zh-TW: 400 is only in zh-TW"

	cli_x --lang zh-TW search 權杖
	cli_check search-glossary-zh 0 out '^401 Unauthorized' out '^403 Forbidden'
	cli_x --lang en search token
	cli_check search-glossary-en 0 out '^401 Unauthorized'
	# Found only through the glossary: the 401 card says 身分 but never
	# "identity"; the 103 card says "Link" but never 連結.
	cli_x --lang en search identity
	cli_check search-glossary-en-only-zh 0 out '^401 Unauthorized'
	cli_x --lang zh-TW search 連結
	cli_check search-glossary-zh-only-en 0 out '^103 Early Hints'
}

# A scenario's `also` code counts as right, says why the answer is sharper,
# and the export and the class report keep which one was given.
cli_also() {
	local db=$CLI_T/also.db why
	cli_xin "$(printf '409\\n%.0s' $(seq 200))" --db "$db" --lang en quiz --plain --type type --class 4 --count 200 --seed 3
	cli_check also-plain 0 out 'Correct: 409 counts too\. The sharper answer is 423 Locked\.' \
		out 'Why 409 counts, and why the answer is sharper:' out '409 is accepted'
	cli_x --db "$db" export --csv
	why=$(cli_py '
import csv, sys
r = list(csv.DictReader(open(sys.argv[1], newline="")))
also = [x for x in r if x["also"] == "1"]
if not also: sys.exit("no row with also=1")
for x in also:
    if (x["given"], x["expected"], x["correct"]) != ("409", "423", "1"): sys.exit("also row %r" % x)
for x in r:
    if x["also"] == "0" and x["correct"] == "1" and x["given"] != x["expected"]: sys.exit("row %r" % x)
' "$CLI_T/out") && ok cli/also-export || bad cli/also-export "$why"
	cli_x report --json "$db"
	why=$(cli_py '
import json, sys
r = json.load(open(sys.argv[1]))
q = [x for x in r["questions"] if x["also"]]
if not q or any(x["expected"] != "423" for x in q): sys.exit("questions with also: %r" % q)
' "$CLI_T/out") && ok cli/also-report || bad cli/also-report "$why"
	cli_x report "$db"
	cli_check also-report-text 0 out 'also accepted ×1'
}

# The compiled pack in $XDG_CACHE_HOME: built once, then used; rebuilt (and
# the output follows) when the pack changes or the snapshot is damaged.
cli_snapshot() {
	local c=$CLI_T/scontent xdg=$CLI_T/xdg snap want
	rm -rf "$c" "$xdg" && cp -r "$ROOT/content" "$c"
	snapshot_run() { XDG_CACHE_HOME=$xdg HTTPTUTOR_DEBUG=cache cli_x --content "$c" "$@"; }
	snapshot_run codes --all --json
	cli_check snapshot-built 0 err 'snapshot .*: rebuilt because there is none yet'
	want=$(cat "$CLI_T/out")
	snap=$(ls "$xdg"/httptutor/pack-*.snap 2>/dev/null)
	if [ -f "$snap" ] && [ "$(stat -c %a "$xdg/httptutor")" = 700 ] && [ "$(stat -c %a "$snap")" = 600 ]; then
		ok cli/snapshot-private
	else
		bad cli/snapshot-private "$(ls -la "$xdg/httptutor" 2>&1)"
	fi
	snapshot_run codes --all --json
	cli_check snapshot-used 0 err 'snapshot .*: used'
	[ "$(cat "$CLI_T/out")" = "$want" ] && ok cli/snapshot-same-output ||
		bad cli/snapshot-same-output "codes --all --json differs between a built and a used snapshot"
	sed -i 's/The server knows who you are/The server surely knows who you are/' "$c/codes/4xx.yaml"
	snapshot_run code 403
	cli_check snapshot-stale 0 err 'rebuilt because the pack changed' out 'surely knows who you are'
	printf 'garbage' | dd of="$snap" bs=1 seek=5000 conv=notrunc status=none
	snapshot_run code 403
	cli_check snapshot-damaged 0 err 'rebuilt because its checksum is wrong' out 'surely knows who you are'
	# A broken pack is never papered over by its last good snapshot.
	sed -i 's/^- code: 403$/- code: 4O3/' "$c/codes/4xx.yaml"
	snapshot_run code 403
	cli_check snapshot-broken-pack 1 err '4xx\.yaml:[0-9]+: ' err 'httptutor lint'
	rm -rf "$c" "$xdg"
}

# report: the class's top confusions against figures counted by hand from
# tests/data/cli/class-mixups-{1,2}.sql (ben is in both files and counts once).
cli_class_confusions() {
	local d=$CLI_T/cmix k why
	mkdir -p "$d"
	for k in 1 2; do
		HTTPTUTOR_DB=$d/c$k.db "$BIN" review --plain </dev/null >/dev/null 2>&1
		sqlite3 "$d/c$k.db" <"$ROOT/tests/data/cli/class-mixups-$k.sql"
	done
	cli_x report "$d/c1.db" "$d/c2.db"
	cli_check report-confusions-text 0 out '^Top confusions: what to teach again$' \
		out '^  401 ↔ 403 +4 +7  403→401 ×4 · 401→403 ×3$' \
		out '^  301 ↔ 302 ↔ 307 ↔ 308 +1 +2  301→302 ×1 · 302→301 ×1$' \
		out '^  401 → 404 +1 +2  401→404 ×2$' out '^  404 ↔ 410 +1 +1  404→410 ×1$'
	# the order: most students, then most times, then by codes
	why=$(cli_py '
import re, sys
text = open(sys.argv[1]).read().split("Top confusions")[1]
got = re.findall(r"^  (\d{3} [↔→][^0-9]*\d{3}(?: ↔ \d{3})*)", text, re.M)
want = ["401 ↔ 403", "301 ↔ 302 ↔ 307 ↔ 308", "401 → 404", "404 ↔ 410"]
if got != want: sys.exit(f"order {got}")
' "$CLI_T/out")
	[ -z "$why" ] && ok cli/report-confusions-order || bad cli/report-confusions-order "$why"
	cli_x report --json "$d/c1.db" "$d/c2.db"
	why=$(cli_py '
import json, sys
got = [(c["label"], c["group"], c["codes"], c["students"], c["times"],
        sorted((w["expected"], w["given"], w["times"]) for w in c["ways"]))
       for c in json.load(open(sys.argv[1]))["confusions"]]
want = [("401 ↔ 403", "who-or-allowed", [401, 403], 4, 7, [(401, 403, 3), (403, 401, 4)]),
        ("301 ↔ 302 ↔ 307 ↔ 308", "redirect-kind", [301, 302, 307, 308], 1, 2,
         [(301, 302, 1), (302, 301, 1)]),
        ("401 → 404", None, [401, 404], 1, 2, [(401, 404, 2)]),
        ("404 ↔ 410", "missing-or-gone", [404, 410], 1, 1, [(404, 410, 1)])]
if got != want: sys.exit(f"got {got}")
' "$CLI_T/out")
	[ "$CLI_RC" = 0 ] && [ -z "$why" ] && ok cli/report-confusions-json || bad cli/report-confusions-json "exit $CLI_RC: $why"
	cli_x report --csv "$d/c1.db" "$d/c2.db"
	cli_check report-confusions-csv 0 out '^scope,.*,also,confusion,group,students,times,ways' \
		out '^confusion,,,,,,,,,,401 ↔ 403,who-or-allowed,4,7,403→401 ×4 · 401→403 ×3' \
		out '^confusion,,,,,,,,,,401 → 404,,1,2,401→404 ×2'
	why=$(cli_py '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
bad = [r for r in rows if len(r) != len(rows[0])]
if bad: sys.exit(f"{len(bad)} rows with another number of fields: {bad[0]}")
' "$CLI_T/out")
	[ -z "$why" ] && ok cli/report-confusions-csv-shape || bad cli/report-confusions-csv-shape "$why"
	cli_x --lang zh-TW report "$d/c1.db" "$d/c2.db"
	cli_check report-confusions-zh 0 out '^最常搞混的狀態碼：需要再教的地方$' out '^  搞混 +學生 +次數  正解 → 作答$'

	# report --exam: the counting answers of three students, in every format;
	# the figures must agree with the exam's own answer rows.
	local db=$d/exam.db u
	# pick questions only, each student always the same place: at every
	# question three of the four give a wrong code
	HTTPTUTOR_USER=teacher "$BIN" --db "$db" exam new wk1 --count 6 --type pick >/dev/null 2>&1
	local k=0
	for u in ana ben cara dan; do
		k=$((k + 1))
		printf '%s\nfinish\ny\n' "$(printf "$k\n$k\n$k\n$k\n$k\n$k")" |
			HTTPTUTOR_USER=$u "$BIN" --db "$db" exam wk1 --plain >/dev/null 2>&1
	done
	cli_x --db "$db" report --exam wk1 --csv
	cp "$CLI_T/out" "$d/exam.csv"
	cli_x --db "$db" report --exam wk1 --json
	cp "$CLI_T/out" "$d/exam.json"
	cli_x --db "$db" report --exam wk1 --html "$d/exam.html"
	why=$(cli_py '
import collections, csv, json, re, sys, yaml
groups = yaml.safe_load(open(sys.argv[4]))
def key(e, g):
    for x in groups:
        if e in x["codes"] and g in x["codes"]: return tuple(x["codes"])
    return (e, g)
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
right = {r["question"]: r["expected"].split(" ")[0] for r in rows if r["scope"] == "question"}
who = collections.defaultdict(set); times = collections.Counter()
for r in rows:
    if r["scope"] != "answer" or r["correct"] != "0": continue
    e, g = right[r["question"]], r["given"]
    if not (re.fullmatch(r"[1-5]\d\d", e) and re.fullmatch(r"[1-5]\d\d", g)): continue
    k = key(int(e), int(g)); who[k].add(r["student"]); times[k] += 1
want = {k: (len(who[k]), times[k]) for k in times}
if sum(t for _, t in want.values()) < 12: sys.exit(f"too few confusions: {want}")
js = {tuple(c["codes"]): (c["students"], c["times"]) for c in json.load(open(sys.argv[2]))["confusions"]}
if js != want: sys.exit(f"JSON {js} but the answers say {want}")
csvd = {}
for r in rows:
    if r["scope"] == "confusion":
        codes = tuple(int(x) for x in re.findall(r"\d{3}", r["confusion"]))
        csvd[codes] = (int(r["students"]), int(r["times"]))
if csvd != want: sys.exit(f"CSV {csvd} but the answers say {want}")
html = open(sys.argv[3]).read()
bars = re.findall(r"data-students=\"(\d+)\" data-times=\"(\d+)\"", html)
top = sorted(want.values(), key=lambda v: (-v[0], -v[1]))[:10]
if sorted((int(a), int(b)) for a, b in bars) != sorted(top): sys.exit(f"HTML bars {bars} but {top}")
' "$d/exam.csv" "$d/exam.json" "$d/exam.html" "$ROOT/content/contrasts.yaml")
	[ -z "$why" ] && ok cli/report-exam-confusions || bad cli/report-exam-confusions "$why"
	cli_x --db "$db" report --exam wk1
	cli_check report-exam-confusions-text 0 out '^Top confusions: what to teach again$'
}

# check: the tables derived from the answer log against a rebuild; a damaged
# one is named, left alone, and mended by --repair.
cli_check_cmd() {
	local db=$CLI_T/check.db before
	printf '1\n2\n1\n' | "$BIN" --db "$db" quiz --plain --type pick --seed 4 --count 3 >/dev/null 2>&1
	cli_x --db "$db" check
	cli_check check-agrees 0 out 'answers 3, learners 1' out '^  item_state +rows +[0-9]+  agree' \
		out 'agrees with it\.$'
	sqlite3 "$db" "UPDATE tally SET counted = counted + 1"
	before=$(sqlite3 "$db" 'SELECT * FROM tally')
	cli_x --db "$db" check
	cli_check check-differs 1 out '^  tally +rows +[0-9]+  differ from a rebuild: [0-9]+ only in the file' \
		out 'check --repair'
	[ "$(sqlite3 "$db" 'SELECT * FROM tally')" = "$before" ] && ok cli/check-leaves-file ||
		bad cli/check-leaves-file "check changed tally"
	cli_x --db "$db" check --repair
	cli_check check-repair 0 out 'Rebuilt every derived table'
	cli_x --db "$db" --lang zh-TW check
	cli_check check-repaired-zh 0 out '與答題紀錄一致'
	cli_usage check-repair-elsewhere '--repair applies to check' stats --repair
	cli_usage check-argument "unexpected argument 'x'" check x
	cli_usage check-class-server 'run check on the server' --class /nowhere check
}

run_cli() {
	CLI_T=$(mktemp -d)
	cli_check_cmd
	cli_snapshot
	cli_piped
	cli_report
	cli_info
	cli_usage_errors
	cli_lint
	cli_contrasts
	cli_class_confusions
	cli_terms
	cli_also
	cli_db
	cli_plain_input
	cli_widths
	cli_faults
	cli_hostile
	run_wording
	chmod -R u+w "$CLI_T" 2>/dev/null
	rm -rf "$CLI_T"
}
