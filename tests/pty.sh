# Key tests on a real pty (tests/pty/*.py, pyte as the terminal): raw escape
# sequences as terminals send them, which tmux send-keys cannot produce.
# Sourced by tests/run.sh (ok/bad, $BIN, fixed HTTPTUTOR_USER/NOW, LANG=C.UTF-8).

# Debian's python3 has python3-pyte; a python3 earlier in PATH may not.
pty_python() {
	local p
	for p in /usr/bin/python3 python3; do
		"$p" -c 'import pyte' 2>/dev/null && { echo "$p"; return 0; }
	done
	return 1
}

# Each "ok NAME" / "FAIL NAME: why" line on stdin becomes a result GROUP/NAME;
# "# …" lines show with VERBOSE, anything else is shown as it is.
result_lines() {
	local group=$1 line
	while IFS= read -r line; do
		case $line in
		"ok "*) ok "$group/${line#ok }" ;;
		"FAIL "*) local rest=${line#FAIL }; bad "$group/${rest%%:*}" "${rest#*: }" ;;
		"# "*) [ -n "${VERBOSE:-}" ] && echo "$line" ;;
		*) [ -n "$line" ] && echo "  $line" ;;
		esac
	done
}

# Run one script; each of its result lines becomes a result.
pty_run() {
	local py=$1 script=$2 tmp
	tmp=$(mktemp -d)
	result_lines pty < <(timeout 300 "$py" "$ROOT/tests/pty/$script" "$BIN" "$tmp" 2>&1)
	rm -rf "$tmp"
}

run_pty() {
	local py
	if ! py=$(pty_python); then
		bad "pty/available" "python3 with pyte is not installed (make deps-check)"
		return
	fi
	pty_run "$py" keys.py
	pty_run "$py" replies.py
	pty_run "$py" late.py
	pty_run "$py" diskfull.py
	pty_run "$py" screen.py
	pty_run "$py" question.py
	pty_run "$py" bytes.py
	pty_run "$py" elsewhere.py
}
