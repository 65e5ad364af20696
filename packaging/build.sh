#!/usr/bin/env bash
# Build the one-folder application bundle: dist/zqtracker/ (run from anywhere).
#
#   bash packaging/build.sh            # build, then smoke-test the bundle
#   SKIP_SMOKE=1 bash packaging/build.sh
#
# Uses its own virtual environment (build/venv) so the bundle holds exactly the package's
# dependencies and PyInstaller, whatever else is installed on the machine.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-python3}"
VENV="$ROOT/build/venv"
start=$(date +%s)

if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
"$VENV/bin/python" -m pip install -q --disable-pip-version-check "$ROOT" "pyinstaller>=6.5"

rm -rf "$ROOT/dist/zqtracker"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" "$ROOT/packaging/zqtracker.spec"

end=$(date +%s)
size=$(du -sh "$ROOT/dist/zqtracker" | cut -f1)
echo "built dist/zqtracker ($size) in $((end - start)) s"

if [ -z "${SKIP_SMOKE:-}" ]; then
  bash "$ROOT/packaging/smoke_test.sh" "$ROOT/dist/zqtracker"
fi
