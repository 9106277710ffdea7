#!/usr/bin/env bash
# Checks the held-out pointer programs with gcc, leak checking on (see ../check-programs.sh).
# Usage: corpora/c-ptr-unseen/check.sh [NAME...]
here="$(cd "$(dirname "$0")" && pwd)"
exec "$here/../check-programs.sh" "$here" "$@"
