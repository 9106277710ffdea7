#!/usr/bin/env bash
# Checks the pointer corpus with gcc, leak checking on, exit code 0, our header, no `%p`
# (see ../check-programs.sh). Usage: corpora/c-ptr/check.sh [NAME...]
here="$(cd "$(dirname "$0")" && pwd)"
exec "$here/../check-programs.sh" "$here" --strict "$@"
