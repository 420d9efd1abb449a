#!/usr/bin/env bash
# tests/fuzz/run.sh — build the libFuzzer harnesses and run each one.
#   FUZZ_SECONDS  seconds per harness (default 60; 0 = build only)
#   FUZZ_CC       a clang with libFuzzer (default clang)
#   FUZZ_ONLY     run just these harnesses (e.g. "text markdown")
# Builds into build/fuzz/ with -fsanitize=fuzzer,address,undefined.  Each
# harness starts from tests/fuzz/corpus/<name>/ (read-only seeds) and keeps
# what it learns in build/fuzz/corpus/<name>/.  Crash inputs are written to
# build/fuzz/crash-<name>-*; the script exits 1 if any harness failed.
set -u
cd "$(dirname "$0")/../.." || exit 2

SECONDS_EACH=${FUZZ_SECONDS:-60}
CC=${FUZZ_CC:-clang}
OUT=build/fuzz
HARNESSES=${FUZZ_ONLY:-"text markdown content quizparse out snapshot keyseq api"}

if ! command -v "$CC" >/dev/null; then
	echo "fuzz: $CC not found (libFuzzer needs clang; set FUZZ_CC)" >&2
	exit 2
fi
mkdir -p "$OUT"

# Same warnings as the main build; UBSan findings abort so libFuzzer sees them.
FLAGS=(-std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wconversion
       -Wstrict-prototypes -Wmissing-prototypes
       -D_DEFAULT_SOURCE -D_XOPEN_SOURCE_EXTENDED -Isrc -DHTTPTUTOR_VERSION='"fuzz"'
       -O1 -g -fno-omit-frame-pointer
       -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all)
read -r -a PKG_CFLAGS <<<"$(pkg-config --cflags md4c yaml-0.1 jansson sqlite3 ncursesw libsodium libcurl)"
read -r -a PKG_LIBS <<<"$(pkg-config --libs md4c yaml-0.1 jansson sqlite3 ncursesw libsodium libcurl)"

# Which modules each harness links (mirrors the Makefile's T_* lists; the
# content loader's list is read from the Makefile so the two cannot drift).
CONTENT=$(sed -n 's/^CONTENT *:= *//p' Makefile)
STORE=$(sed -n '/^STORE *:=/,/[^\\]$/p' Makefile | tr -d '\\\n' | sed 's/^STORE *:= *//')
declare -A MODS=(
	[text]="text"
	[markdown]="markdown text"
	[content]="$CONTENT markdown text"
	[quizparse]="quiz $CONTENT markdown text"
	[out]="out text"
	[snapshot]="snapshot $CONTENT markdown text"
	[keyseq]="keyseq"
	[api]="api api_learner api_exam grade store_serve $STORE quiz $CONTENT markdown text"
)
# Largest input per harness: big enough for structure bugs (deep nesting,
# aliases to a large text) in content, a line for the parser, a name for out.
declare -A MAXLEN=(
	[text]=16384
	[markdown]=65536
	[content]=262144
	[quizparse]=512
	[out]=4096
	[snapshot]=4096
	[keyseq]=256
	[api]=2048
)
# libFuzzer lets inputs grow slowly (in 10 minutes content reached only 6 KB);
# content starts at its full size so nesting and alias bombs are in reach.
declare -A LENCTL=(
	[text]=100
	[markdown]=100
	[content]=0
	[quizparse]=100
	[out]=100
	[snapshot]=100
	[keyseq]=100
	[api]=100
)

build() {
	local name=$1 objs=() m src extra
	for m in ${MODS[$name]}; do
		src=src/$m.c extra=()
		if [ "$m" = migrations ]; then
			extra=(-Wno-overlength-strings)
			# generated from db/*.sql by the Makefile
			make -s build/migrations.c || return 1
			src=build/migrations.c
		fi
		# Fuzzer-instrumented objects live apart from the normal build.
		if [ ! -e "$OUT/$m.o" ] || [ "$src" -nt "$OUT/$m.o" ] ||
		   [ -n "$(find src -name '*.h' -newer "$OUT/$m.o" -print -quit)" ]; then
			echo "  CC      $OUT/$m.o"
			"$CC" "${FLAGS[@]}" "${extra[@]}" "${PKG_CFLAGS[@]}" -c -o "$OUT/$m.o" "$src" || return 1
		fi
		objs+=("$OUT/$m.o")
	done
	echo "  CC      $OUT/fuzz_$name"
	"$CC" "${FLAGS[@]}" "${PKG_CFLAGS[@]}" -o "$OUT/fuzz_$name" \
		"tests/fuzz/fuzz_$name.c" "${objs[@]}" "${PKG_LIBS[@]}"
}

failed=0
for name in $HARNESSES; do
	if [ -z "${MODS[$name]:-}" ]; then
		echo "fuzz: no harness called $name" >&2
		exit 2
	fi
	build "$name" || { echo "fuzz: build of $name failed" >&2; exit 1; }
done
[ "$SECONDS_EACH" -gt 0 ] || exit 0
# The content harness makes its temp pack here; a crash (which skips its
# clean-up) leaves it inside build/ rather than in /tmp.
export TMPDIR="$PWD/$OUT/tmp"
mkdir -p "$TMPDIR"

for name in $HARNESSES; do
	mkdir -p "$OUT/corpus/$name"
	echo "fuzz: $name for ${SECONDS_EACH}s"
	log="$OUT/$name.log"
	"./$OUT/fuzz_$name" -max_len="${MAXLEN[$name]}" -len_control="${LENCTL[$name]}" \
		-max_total_time="$SECONDS_EACH" \
		-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$OUT/crash-$name-" \
		"$OUT/corpus/$name" "tests/fuzz/corpus/$name" >"$log" 2>&1
	rc=$?
	if [ $rc -ne 0 ]; then
		echo "fuzz: $name FAILED (exit $rc); log $log:" >&2
		grep -E 'ERROR|SUMMARY|runtime error|Test unit written|==[0-9]+==' "$log" | head -20 >&2
		failed=1
	else
		grep -E '^(stat::number_of_executed_units|Done)' "$log" | sed "s/^/  $name: /"
	fi
done
rm -rf "$TMPDIR"
[ $failed -eq 0 ] && echo "fuzz: no crashes"
exit $failed
