#!/usr/bin/env bash
# Install minutebook with its test tools into .venv and run the whole suite:
# the lint (ruff), the architecture contracts (import-linter) and pytest.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bash "$here/scripts/setup.sh" test
cd "$here"
.venv/bin/ruff check --quiet .
.venv/bin/lint-imports --no-cache
exec .venv/bin/python -m pytest -n "${MINUTEBOOK_TEST_WORKERS:-2}" -q "$@"
