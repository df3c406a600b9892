#!/usr/bin/env bash
# Execute notebooks/counterpoint.ipynb headless against a running API.
#
#   scripts/notebook-test.sh [API_URL]
#
# API_URL defaults to $COUNTERPOINT_URL, then http://localhost:8080/graphql;
# the API must already be serving the seed data (`make run` does). The script
# creates (or reuses) the virtual environment .venv-notebook/ in the repo root,
# installs notebooks/requirements.txt into it with pip, and runs
# notebooks/run_notebook.py, which executes every cell in a fresh kernel and
# writes the executed copy to .neo4j/notebook-output.ipynb (outside git). It
# exits non-zero when any cell raises; its last line is
# "notebook: N cells executed, E errors".
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

URL="${1:-${COUNTERPOINT_URL:-http://localhost:8080/graphql}}"
VENV="$ROOT/.venv-notebook"
REQUIREMENTS="$ROOT/notebooks/requirements.txt"

# The pins are for Python 3.11 or later.
python_ok() { "$1" -c 'import sys; sys.exit(sys.version_info[:2] < (3, 11))' 2>/dev/null; }

if [[ -x "$VENV/bin/python" ]] && ! python_ok "$VENV/bin/python"; then
  echo "notebook-test: $VENV has an older Python; recreating it"
  rm -rf "$VENV"
fi
if [[ ! -x "$VENV/bin/python" ]]; then
  PYTHON=""
  for candidate in "${PYTHON_FOR_NOTEBOOK:-}" python3.11 python3 python; do
    if [[ -n "$candidate" ]] && command -v "$candidate" >/dev/null && python_ok "$candidate"; then
      PYTHON="$candidate"; break
    fi
  done
  if [[ -z "$PYTHON" ]]; then
    echo "notebook-test: need Python 3.11 or later (set PYTHON_FOR_NOTEBOOK)" >&2
    exit 1
  fi
  echo "notebook-test: creating $VENV with $("$PYTHON" --version)"
  "$PYTHON" -m venv "$VENV"
fi

echo "notebook-test: installing $REQUIREMENTS"
"$VENV/bin/python" -m pip install --disable-pip-version-check --no-input -q -r "$REQUIREMENTS"

mkdir -p "$ROOT/.neo4j"
exec "$VENV/bin/python" "$ROOT/notebooks/run_notebook.py" \
  --url "$URL" --output "$ROOT/.neo4j/notebook-output.ipynb"
