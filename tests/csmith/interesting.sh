#!/bin/bash
# Interestingness test for reducing a `cargo xtask csmith` BUG program with C-Reduce:
#
#   cp target/csmith/bugs/csmith_N/csmith_N/csmith_N.c /tmp/red/t.c && cd /tmp/red
#   XTASK=/path/to/release/xtask MODE=diff creduce /work/main/tests/csmith/interesting.sh t.c
#
# It runs in C-Reduce's scratch directory (holding the one .c file) and exits 0 when the
# candidate is still (1) a well-defined C program, as far as gcc can tell: it builds without
# uninitialized-use or implicit-declaration errors, runs clean under UBSan and ASan, and gives
# the same output at -O0 and -O2; (2) translated completely; and (3) still shows the bug:
#   MODE=diff   the Rust program's stdout differs from gcc's;
#   MODE=build  the generated package does not compile (and its rustc errors match $PATTERN
#               when set, e.g. PATTERN='literal out of range');
#   MODE=panic  the transpiler reports an internal error (D0100) or panics (matching
#               $PATTERN when set); the completeness requirement is dropped.
# The csmith runtime headers are copied in from $CSMITH_INCLUDE (default /usr/include/csmith).
set -u
XTASK=${XTASK:-xtask}
MODE=${MODE:-diff}
PATTERN=${PATTERN:-}
INC=${CSMITH_INCLUDE:-/usr/include/csmith}
f=$(ls *.c | head -1)
[ -n "$f" ] || exit 1
cp "$INC"/*.h . 2>/dev/null
gcc -O2 -c -Werror=uninitialized -Werror=maybe-uninitialized -Werror=return-type \
    -Werror=implicit-function-declaration -Werror=implicit-int -o /dev/null "$f" \
    >/dev/null 2>&1 || exit 1
gcc -O0 -w -fsanitize=undefined,address -fno-sanitize-recover=all -o c_san "$f" \
    >/dev/null 2>&1 || exit 1
timeout 10 ./c_san >c.out 2>/dev/null || exit 1
gcc -O2 -w -o c_o2 "$f" >/dev/null 2>&1 || exit 1
timeout 10 ./c_o2 >c2.out 2>/dev/null || exit 1
cmp -s c.out c2.out || exit 1
rm -rf rs
timeout 120 "$XTASK" transpile . --out rs --crate-name t -q >t.log 2>&1
rc=$?
if [ "$MODE" = panic ]; then
    grep -q 'D0100\|internal error\|panicked' t.log || exit 1
    [ -z "$PATTERN" ] || grep -q -- "$PATTERN" t.log || exit 1
    exit 0
fi
[ $rc -eq 0 ] || exit 1
timeout 300 rustc --edition 2021 -O -o r_bin rs/src/main.rs >r.log 2>&1
built=$?
if [ "$MODE" = build ]; then
    [ $built -ne 0 ] || exit 1
    [ -z "$PATTERN" ] || grep -q -- "$PATTERN" r.log || exit 1
    exit 0
fi
[ $built -eq 0 ] || exit 1
timeout 10 ./r_bin >r.out 2>/dev/null
cmp -s c.out r.out && exit 1
exit 0
