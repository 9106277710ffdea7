#!/usr/bin/env bash
# Checks the measurement programs with gcc: no -Wall -Wextra warnings, no UBSan/ASan findings,
# and -O0, -O2 and the sanitized builds all print the same bytes and exit with the same code.
# LeakSanitizer is on, so a block that is never freed shows up as output on stderr (a failure).
# Usage: corpora/c-ptr-unseen/check.sh [NAME...]   (default: every program). Exit 1 on any failure.
set -u
export ASAN_OPTIONS=detect_leaks=1
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
    for d in */; do names+=("${d%/}"); done
fi
fail=0
for n in "${names[@]}"; do
    src="$n/$n.c"
    if [ ! -f "$src" ]; then echo "$n: missing $src"; fail=1; continue; fi
    lines=$(wc -l < "$src")
    if [ "$lines" -lt 40 ] || [ "$lines" -gt 150 ]; then echo "$n: $lines lines (want 40-150)"; fail=1; fi
    flags="-std=c11 -Wall -Wextra -Werror"
    san="-fsanitize=undefined,address -fno-sanitize-recover=all"
    ok=1
    gcc $flags $san -O0 -o "$work/$n.s0" "$src" -lm 2> "$work/$n.err" || ok=0
    gcc $flags $san -O2 -o "$work/$n.s2" "$src" -lm 2>> "$work/$n.err" || ok=0
    gcc $flags -O0 -o "$work/$n.p0" "$src" -lm 2>> "$work/$n.err" || ok=0
    gcc $flags -O2 -o "$work/$n.p2" "$src" -lm 2>> "$work/$n.err" || ok=0
    if [ $ok -eq 0 ]; then echo "$n: compile failed"; cat "$work/$n.err"; fail=1; continue; fi
    ref=""
    for v in p0 p2 s0 s2; do
        timeout 10 "$work/$n.$v" > "$work/$n.$v.out" 2> "$work/$n.$v.err"
        rc=$?
        if [ -s "$work/$n.$v.err" ]; then echo "$n ($v): wrote to stderr:"; head -5 "$work/$n.$v.err"; fail=1; fi
        sum="$rc $(md5sum < "$work/$n.$v.out")"
        if [ -z "$ref" ]; then ref="$sum"; elif [ "$sum" != "$ref" ]; then
            echo "$n ($v): differs from -O0: [$sum] vs [$ref]"; fail=1; fi
    done
    echo "$n: rc=${ref%% *} lines=$lines $(wc -l < "$work/$n.p0.out") output lines"
done
exit $fail
