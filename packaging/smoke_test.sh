#!/usr/bin/env bash
# Check a built bundle: --version, demo, summary --json, export → import, a PDF report, a chart,
# and the window opening offscreen.
set -euo pipefail
BUNDLE="${1:?usage: smoke_test.sh DIST_FOLDER}"
EXE="$BUNDLE/zqtracker"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export QT_QPA_PLATFORM=offscreen
# Keep the smoke test away from the user's own data folder.
export XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config"

"$EXE" --version
"$EXE" --db "$WORK/demo.sqlite" demo
"$EXE" --db "$WORK/demo.sqlite" summary --json > "$WORK/summary.json"
python3 - "$WORK/summary.json" <<'PY'
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
assert data["projects"] > 0 and data["demo"] is True, data
assert data["completed_investment"]["ytd_yuan"] > 0, data
print(f"summary --json: {data['projects']} projects, YTD {data['completed_investment']['ytd_yuan']} yuan")
PY
# Export and import through the bundle (the import reads workbooks in a child process, which a
# frozen bundle starts as itself): the exported demo projects import into an empty database.
"$EXE" --db "$WORK/demo.sqlite" export "$WORK/demo.xlsx" > /dev/null
"$EXE" --db "$WORK/copy.sqlite" import "$WORK/demo.xlsx" --json > "$WORK/import.json"
python3 - "$WORK/import.json" <<'PY'
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
assert data["added"] > 0 and not data["skipped"], data
print(f"import --json: {data['added']} projects, {data['investment_records']} monthly records")
PY
"$EXE" --db "$WORK/demo.sqlite" report "$WORK/overview.pdf" > /dev/null
test -s "$WORK/overview.pdf" && echo "report: PDF written"
"$EXE" --db "$WORK/demo.sqlite" chart monthly "$WORK/monthly.png" > /dev/null
test -s "$WORK/monthly.png" && echo "chart: PNG written"
# The window: ZQTRACKER_AUTOQUIT_MS makes the app quit on its own once the window is shown.
ZQTRACKER_AUTOQUIT_MS=1500 "$EXE" --db "$WORK/demo.sqlite" > "$WORK/gui.log" 2>&1 || {
  cat "$WORK/gui.log"; echo "the window did not open"; exit 1; }
grep -q "window shown" "$WORK/gui.log" || { cat "$WORK/gui.log"; echo "no 'window shown' line"; exit 1; }
echo "window opened and closed cleanly"
echo "smoke test passed"
