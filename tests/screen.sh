# Screen tests: the real binary with curses drawing to /dev/null at a fixed
# size, keys from a script (HTTPTUTOR_TEST_SCRIPT, <Dump> writes the screen),
# compared with tests/expected/NAME.screen.  Cases: tests/screen/cases.
# A case line:  name | COLSxROWS | prep | httptutor args | key script

# Give a database some history: a seeded plain quiz with fixed answers.
screen_prep() {
	local db=$1 prep=$2
	case $prep in
	-) ;;
	answers)
		printf '1\n2\n3\n1\n2\n3\n4\n1\n' | HTTPTUTOR_DB=$db "$BIN" quiz --plain --type pick --seed 11 --count 8 >/dev/null 2>&1
		HTTPTUTOR_DB=$db "$BIN" read common </dev/null >/dev/null 2>&1 || true ;;
	header-miss)   # one header question answered with the wrong header
		printf '2\n' | HTTPTUTOR_DB=$db "$BIN" quiz --plain --type header --seed 9 --count 1 >/dev/null 2>&1 ;;
	mixups)   # a learner who mixes up codes (tests/data/screen/mixups.sql)
		HTTPTUTOR_DB=$db "$BIN" review --plain </dev/null >/dev/null 2>&1
		sqlite3 "$db" <tests/data/screen/mixups.sql ;;
	exam|exam-started|exam-late|exam-class|exam-closed)
		# A teacher's exam with a known paper (HTTPTUTOR_TEST_SEED).
		HTTPTUTOR_TEST_SEED=7 HTTPTUTOR_DB=$db "$BIN" --user teacher exam new midterm --count 3 \
			--minutes 20 --type pick,meaning >/dev/null 2>&1
		case $prep in
		exam-started)
			printf '2\n' | HTTPTUTOR_DB=$db "$BIN" exam midterm >/dev/null 2>&1 ;;
		exam-late)
			printf '2\n' | HTTPTUTOR_NOW=$((HTTPTUTOR_NOW - 3600)) HTTPTUTOR_DB=$db "$BIN" exam midterm >/dev/null 2>&1 ;;
		exam-class)
			local u
			for u in 王小明 bo; do
				printf '1\n2\n' | HTTPTUTOR_DB=$db "$BIN" --user $u exam midterm >/dev/null 2>&1
			done
			# Under ten minutes left: the board says 09:18 (mm:ss), not 9:18.
			printf '1\n2\n' | HTTPTUTOR_NOW=$((HTTPTUTOR_NOW - 642)) HTTPTUTOR_DB=$db "$BIN" \
				--user ana exam midterm >/dev/null 2>&1
			printf '1\n2\n3\nfinish\ny\n' | HTTPTUTOR_DB=$db "$BIN" --user cy exam midterm >/dev/null 2>&1 ;;
		exam-closed)
			# Three started, one finished, then the teacher closes it: the
			# board counts the three as stopped when it closed (QA-5b #5).
			local u
			for u in 王小明 bo ana; do
				printf '1\n' | HTTPTUTOR_DB=$db "$BIN" --user $u exam midterm >/dev/null 2>&1
			done
			printf '1\n2\n3\nfinish\ny\n' | HTTPTUTOR_DB=$db "$BIN" --user cy exam midterm >/dev/null 2>&1
			HTTPTUTOR_DB=$db "$BIN" --user teacher exam close midterm >/dev/null 2>&1 ;;
		esac ;;
	*) echo "unknown prep $prep" >&2 ;;
	esac
}

run_screen() {
	local tmp
	tmp=$(mktemp -d)
	while IFS='|' read -r name size prep args script; do
		name=$(echo $name)
		[ -z "$name" ] || [ "${name:0:1}" = "#" ] && continue
		size=$(echo $size); prep=$(echo $prep)
		script=$(echo "$script" | sed 's/^ *//; s/ *$//')
		local db=$tmp/$name.db dump=$OUT/$name.screen exp=tests/expected/$name.screen
		rm -f "$dump"
		screen_prep "$db" "$prep"
		# shellcheck disable=SC2086
		HTTPTUTOR_DB=$db HTTPTUTOR_TEST_SIZE=$size HTTPTUTOR_TEST_SCRIPT="$script" \
			HTTPTUTOR_TEST_DUMP=$dump timeout 20 "$BIN" $args >"$OUT/$name.out" 2>&1 </dev/null
		local rc=$?
		if [ $rc -ne 0 ]; then
			bad "screen/$name" "exit $rc: $(head -c 300 "$OUT/$name.out")"
		elif [ ! -s "$dump" ]; then
			bad "screen/$name" "no screen dumped"
		elif [ -n "${UPDATE:-}" ]; then
			cp "$dump" "$exp"
			ok "screen/$name (updated)"
		elif [ ! -f "$exp" ]; then
			bad "screen/$name" "no $exp (UPDATE=1 creates it; read it before committing)"
		elif ! diff -u "$exp" "$dump" >"$OUT/$name.diff"; then
			bad "screen/$name" "differs from $exp (see tests/out/$name.diff)"
		else
			ok "screen/$name"
		fi
	done < tests/screen/cases
	rm -rf "$tmp"
}
