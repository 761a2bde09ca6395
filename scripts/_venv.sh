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
_install() {  # VENV LOCK runtime|dev: install LOCK into VENV unless it is up to date
  local venv=$1 lock=$2 stamp=$1/.installed
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ "$lock" -nt "$stamp" ]; then
    local pip=("$venv/bin/python" -m pip install -q --disable-pip-version-check)
    [ "$3" = dev ] || "${pip[@]}" --upgrade pip
    "${pip[@]}" --require-hashes --no-deps -r "$lock"
    # Both have the project, so both have the `shudarga` command beside their python.
    "${pip[@]}" --no-deps -e .
    # The lock must hold every dependency of what it installs: pip says which one it lacks.
    local broken
    broken=$("$venv/bin/python" -m pip check) || { echo "$broken" >&2; return 1; }
    touch "$stamp"
  fi
}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
_install .venv requirements.lock runtime
if [ "${1:-}" = dev ]; then
  # No pip of its own: .venv's, seen through the .pth, installs into .venv-dev.
  [ -x .venv-dev/bin/python ] || "$PYTHON" -m venv --without-pip .venv-dev
  runtime=$(.venv/bin/python -c "import sysconfig; print(sysconfig.get_path('purelib'))")
  dev=$(.venv-dev/bin/python -c "import sysconfig; print(sysconfig.get_path('purelib'))")
  echo "$runtime" >"$dev/_shudarga_runtime.pth"
  _install .venv-dev requirements-dev.lock dev
fi
