# Sourced by scripts/serve, scripts/demo and scripts/test: Shudarga installed from a lock file
# (every package pinned, its hashes checked), then the project itself (editable, no dependencies
# of its own: the lock has them). Reinstalled only when pyproject.toml or the lock changed.
#   source _venv.sh       the runtime: .venv from requirements.lock, nothing else in it;
#   source _venv.sh dev   that, and .venv-dev on top of it: .venv's packages are visible to it
#                         (a .pth file), requirements-dev.lock adds the test tools there only,
#                         so the runtime is installed once and the tools never enter .venv.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
_install() {  # VENV LOCK [editable]: install LOCK into VENV unless it is up to date
  local venv=$1 lock=$2 stamp=$1/.installed
  [ -x "$venv/bin/python" ] || "$PYTHON" -m venv "$venv"
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ "$lock" -nt "$stamp" ]; then
    local pip=("$venv/bin/python" -m pip install -q --disable-pip-version-check)
    "${pip[@]}" --upgrade pip
    "${pip[@]}" --require-hashes --no-deps -r "$lock"
    [ -z "${3:-}" ] || "${pip[@]}" --no-deps -e .
    # The lock must hold every dependency of what it installs: pip says which one it lacks.
    local broken
    broken=$("$venv/bin/python" -m pip check) || { echo "$broken" >&2; return 1; }
    touch "$stamp"
  fi
}
_install .venv requirements.lock editable
if [ "${1:-}" = dev ]; then
  [ -x .venv-dev/bin/python ] || "$PYTHON" -m venv .venv-dev
  runtime=$(.venv/bin/python -c "import sysconfig; print(sysconfig.get_path('purelib'))")
  dev=$(.venv-dev/bin/python -c "import sysconfig; print(sysconfig.get_path('purelib'))")
  echo "$runtime" >"$dev/_shudarga_runtime.pth"
  _install .venv-dev requirements-dev.lock
fi
