#!/usr/bin/env bash
# Create (or refresh) the project's virtual environment in .venv.
# Usage: scripts/setup.sh [extra]   e.g. "test" for the test tools
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
py="${PYTHON:-python3}"
if [ ! -x "$here/.venv/bin/python" ]; then
  "$py" -m venv "$here/.venv"
fi
spec="$here"
[ -n "${1:-}" ] && spec="$here[$1]"
stamp="$here/.venv/.installed-${1:-run}-compat"
if [ ! -f "$stamp" ] || [ "$here/pyproject.toml" -nt "$stamp" ]; then
  # "compat" puts the checkout on the path with a plain .pth entry; the import hook that
  # setuptools installs for an editable checkout by default adds about 10 ms to every start.
  "$here/.venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    --config-settings editable_mode=compat -e "$spec"
  touch "$stamp"
fi
