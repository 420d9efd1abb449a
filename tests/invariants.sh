# tests/invariants.sh — the README's Invariants: each promise the program
# makes, tested so that the test fails when the promise breaks (`make mutate`
# plants the bugs that prove it).  Sourced by tests/run.sh (group "inv").

inv_check() {   # name, then the command that must exit 0
	local name=$1; shift
	local out
	if out=$("$@" 2>&1); then ok "inv/$name"; else bad "inv/$name" "$(printf '%s' "$out" | tail -3)"; fi
}

run_invariants() {
	local T
	T=$(mktemp -d)
	local drv="$ROOT/tests/data/inv/locked.py"
	# A busy database is waited for (5 s busy timeout), not reported NOT SAVED.
	"$BIN" --db "$T/wait.db" review --plain </dev/null >/dev/null 2>&1
	inv_check busy-wait python3 "$drv" wait "$BIN" "$T/wait.db"
	# A judged answer is saved: no verdict before the commit.
	"$BIN" --db "$T/verdict.db" review --plain </dev/null >/dev/null 2>&1
	inv_check verdict-after-save python3 "$drv" verdict "$BIN" "$T/verdict.db"
	# Migrations take the write lock first (BEGIN IMMEDIATE) and wait for it.
	inv_check migrate-waits python3 "$drv" migrate "$BIN" "$T/old.db"
	# Grading matches what is shown: answers typed by their printed labels.
	mkdir -p "$T/labels" "$T/report"
	inv_check labels-grade-shown python3 "$ROOT/tests/data/inv/labels.py" "$BIN" "$T/labels"
	# The report counts what was given, and every format escapes it.
	inv_check report-fixture python3 "$ROOT/tests/data/inv/report_fixture.py" "$BIN" "$T/report"
	# A compiled pack is rebuilt when the content changed, never trusted.
	mkdir -p "$T/stale"
	inv_check stale-pack-rebuilt python3 "$ROOT/tests/data/inv/stale_pack.py" "$BIN" "$ROOT/content" "$T/stale"
	# Every mutant of make mutate still applies: a mutant whose text the code
	# no longer has would count as neither killed nor survived.
	# (Skipped inside make mutate's copies, where one mutant is planted.)
	if [ -z "${HTTPTUTOR_MUTANT:-}" ]; then
		inv_check mutants-apply python3 "$ROOT/tests/mutate.py" --check
	fi
	rm -rf "$T"
}
