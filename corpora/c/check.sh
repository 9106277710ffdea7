#!/usr/bin/env bash
# Checks the development corpus with gcc (see ../check-programs.sh for what is checked).
# Mixed signed/unsigned comparisons and a dangling else are deliberate in this corpus, so
# -Wsign-compare and -Wdangling-else are off. Usage: corpora/c/check.sh [NAME...]
here="$(cd "$(dirname "$0")" && pwd)"
exec "$here/../check-programs.sh" "$here" --min-lines 30 --cflags "-Wno-sign-compare -Wno-dangling-else" "$@"
