# Sourced by scripts/serve, scripts/demo and scripts/test: a virtual environment with Shudarga
# installed from a lock file (every package pinned, its hashes checked), then the project itself
# (editable, no dependencies of its own: the lock has them). `source _venv.sh` is the runtime,
# .venv from requirements.lock; `source _venv.sh dev` is .venv-dev from requirements-dev.lock
# (the runtime and the test tools), so the test tools never enter the runtime's environment.
# Reinstalled only when pyproject.toml or the lock file changed since the last install.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
if [ "${1:-}" = dev ]; then
  VENV=.venv-dev LOCK=requirements-dev.lock
else
  VENV=.venv LOCK=requirements.lock
fi
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
stamp="$VENV/.installed"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ "$LOCK" -nt "$stamp" ]; then
  pip=("$VENV/bin/python" -m pip install -q --disable-pip-version-check)
  "${pip[@]}" --upgrade pip
  "${pip[@]}" --require-hashes --no-deps -r "$LOCK"
  "${pip[@]}" --no-deps -e .
  # The lock must hold every dependency of what it installs: pip says which one it lacks.
  broken=$("$VENV/bin/python" -m pip check) || { echo "$broken" >&2; exit 1; }
  touch "$stamp"
fi
