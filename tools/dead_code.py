"""Dead code in the package: what vulture finds that nothing calls (exit 1 when anything).

    python3 tools/dead_code.py

vulture reads the package and the tests together, so a function the tests drive counts as used;
only findings in zqtracker/ fail (the tests' own fixtures and hooks are called by pytest by name).
Names in use that vulture cannot see being used — Qt overrides, SQLAlchemy listeners, expat
handlers — are listed with the reason in tools/vulture_whitelist.py; anything else it reports is
deleted, not whitelisted.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    done = subprocess.run(
        [sys.executable, "-m", "vulture", "zqtracker", "tests", "tools/vulture_whitelist.py",
         "--min-confidence", "60", "--exclude", "zqtracker/storage/migrations/versions"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode not in (0, 3):  # 3: vulture found dead code
        print(done.stdout + done.stderr, file=sys.stderr)
        return 2
    found = [line for line in done.stdout.splitlines() if line.startswith("zqtracker/")]
    for line in found:
        print(line)
    print(f"dead code: {len(found)} finding(s) in zqtracker/", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
