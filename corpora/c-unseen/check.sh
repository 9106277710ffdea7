#!/usr/bin/env bash
# Checks the held-out programs with gcc (see ../check-programs.sh for what is checked).
# Usage: corpora/c-unseen/check.sh [NAME...]
here="$(cd "$(dirname "$0")" && pwd)"
exec "$here/../check-programs.sh" "$here" "$@"
