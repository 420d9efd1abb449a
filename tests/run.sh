#!/usr/bin/env bash
# Test runner for `make check`: unit tests (cmocka), screen dumps, CLI and
# fault tests, invariants, tmux end-to-end runs, raw keys on a pty, exams, the
# class server and trust across real OS users.  Ends with one line
# "N passed, N failed".
#   bash tests/run.sh [unit|screen|cli|inv|tmux|pty|exam|server|trust]...   (default: all)
#   UPDATE=1 bash tests/run.sh screen             rewrite tests/expected/*.screen
set -u
cd "$(dirname "$0")/.."
ROOT=$PWD
BIN=$ROOT/httptutor
OUT=$ROOT/tests/out
mkdir -p "$OUT"
export LANG=C.UTF-8 LC_ALL= LANGUAGE= LC_MESSAGES= HTTPTUTOR_USER=student HTTPTUTOR_NOW=1763769600
unset HTTPTUTOR_DB HTTPTUTOR_CONTENT NO_COLOR COLUMNS
# Compiled content packs go to a cache of the run's own, not the user's, and
# a command run without --db to a progress file of the run's own: a test
# never reads or changes the real ~/.local/share/httptutor/progress.db.
XDG_CACHE_HOME=$(mktemp -d)
XDG_DATA_HOME=$(mktemp -d)
export XDG_CACHE_HOME XDG_DATA_HOME
trap 'rm -rf "$XDG_CACHE_HOME" "$XDG_DATA_HOME"' EXIT
PASS=0
FAIL=0
FAILED=()

ok() { PASS=$((PASS + 1)); [ -n "${VERBOSE:-}" ] && echo "ok   $1"; return 0; }
bad() { FAIL=$((FAIL + 1)); FAILED+=("$1"); echo "FAIL $1${2:+: $2}"; return 0; }

run_unit() {
	for t in build/test_*; do
		[ -x "$t" ] || continue
		local log="$OUT/$(basename "$t").log"
		"$t" >"$log" 2>&1
		local rc=$?
		local p f
		p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
		f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
		PASS=$((PASS + ${p:-0}))
		if [ -n "$f" ] && [ "$f" -gt 0 ]; then
			FAIL=$((FAIL + f))
			FAILED+=("$(basename "$t")")
			grep '^\[  FAILED  \] [a-z]' "$log" | sed 's/^/FAIL /'
		elif [ $rc -ne 0 ] || [ -z "$p" ]; then
			bad "$(basename "$t")" "exit $rc (see $log)"
		fi
	done
}

. tests/screen.sh
. tests/cli.sh
. tests/wording.sh
. tests/hostile.sh
. tests/tmux.sh
. tests/invariants.sh
. tests/pty.sh
. tests/exam.sh
. tests/server.sh
. tests/trust.sh

what=("$@")
[ ${#what[@]} -eq 0 ] && what=(unit screen cli inv tmux pty exam server trust)
for w in "${what[@]}"; do
	case $w in
	unit) run_unit ;;
	screen) run_screen ;;
	cli) run_cli ;;
	tmux) run_tmux ;;
	inv) run_invariants ;;
	pty) run_pty ;;
	exam) run_exam ;;
	server) run_server ;;
	trust) run_trust ;;
	*) echo "unknown test group $w" >&2; exit 2 ;;
	esac
done

[ $FAIL -gt 0 ] && printf 'failed: %s\n' "${FAILED[*]}"
echo "$PASS passed, $FAIL failed"
[ $FAIL -eq 0 ]
