#!/usr/bin/env bash
# Install minutebook into .venv (first time only) and run it.
# With no arguments it opens the terminal UI on the default archive,
# which is created with sample meetings on first run.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bash "$here/scripts/setup.sh"
exec "$here/.venv/bin/minutebook" "$@"
