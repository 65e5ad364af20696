"""The tool that takes the user guide's pictures runs through every window it shows (it had
stopped at a renamed method, unnoticed until the pictures were next taken)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_guide_pictures_are_taken_of_every_window_in_both_languages(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "guide_screenshots.py"), str(tmp_path)],
        env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    shipped = sorted(p.name for p in (ROOT / "resources" / "guide" / "images").glob("*.png"))
    assert sorted(p.name for p in tmp_path.glob("*.png")) == shipped
    assert all((tmp_path / name).stat().st_size > 4000 for name in shipped)
