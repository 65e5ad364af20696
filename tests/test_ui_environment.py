"""The Qt binding the tests run on must not corrupt reference counts.

PySide6-Essentials 6.12.0 on Python 3.11 frees None after a few thousand calls of void Qt
methods ("Fatal Python error: none_dealloc"), so a session crashes at random; pyproject.toml
keeps it out (<6.12). This test names the problem instead of a mysterious abort.
"""

from __future__ import annotations

import os
import subprocess
import sys

CODE = """
import gc
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget()
for _ in range(20_000):
    w.setEnabled(True)
gc.collect()
print("ok")
"""


def test_pyside_keeps_reference_counts() -> None:
    import PySide6

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", CODE], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "ok", (
        f"PySide6 {PySide6.__version__} corrupts reference counts (install PySide6-Essentials<6.12): "
        f"{out.stderr.strip().splitlines()[-3:]}"
    )
