#!/usr/bin/env bash
# Shared gcc check of a corpus of single-file programs (`DIR/<name>/<name>.c`), used by each
# corpus's own check.sh: no warnings under -std=c11 -Wall -Wextra -Werror (plus the corpus's
# extra flags), no UBSan/ASan findings (LeakSanitizer on: every allocation must be freed),
# nothing on stderr, and -O0, -O2 and the sanitized -O0/-O2 builds all print the same bytes and
# exit with the same code.
# Usage: check-programs.sh DIR [--min-lines N] [--cflags "FLAGS"] [--strict] [NAME...]
#   --strict: also require exit code 0, the header line
#             "Original program written for this corpus." and no `%p`.
# Exit 1 on any failure.
set -u
export ASAN_OPTIONS=detect_leaks=1
dir=$1; shift
min=40; extra=""; strict=0
while [ $# -gt 0 ]; do
    case "$1" in
        --min-lines) min=$2; shift 2 ;;
        --cflags) extra=$2; shift 2 ;;
        --strict) strict=1; shift ;;
        *) break ;;
    esac
done
cd "$dir" || exit 1
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
    if [ "$lines" -lt "$min" ] || [ "$lines" -gt 150 ]; then echo "$n: $lines lines (want $min-150)"; fail=1; fi
    if [ $strict -eq 1 ]; then
        if ! head -5 "$src" | grep -q 'Original program written for this corpus\.'; then
            echo "$n: header comment lacks 'Original program written for this corpus.'"; fail=1; fi
        if grep -q '%p' "$src"; then echo "$n: prints a pointer value (%p)"; fail=1; fi
    fi
    flags="-std=c11 -Wall -Wextra $extra -Werror"
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
    if [ $strict -eq 1 ] && [ "${ref%% *}" != 0 ]; then echo "$n: exit code ${ref%% *} (want 0)"; fail=1; fi
    echo "$n: rc=${ref%% *} lines=$lines $(wc -l < "$work/$n.p0.out") output lines"
done
exit $fail
