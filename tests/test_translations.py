"""Translations: every .qm is built from its .ts, the desktop's .ts holds every string of its
sources and translates all of them, and the app loads them (ours and Qt's own)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "translations.py"


def test_qm_files_are_built_from_the_ts_files_and_nothing_is_missing() -> None:
    out = subprocess.run([sys.executable, str(TOOL), "check"], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    folder = ROOT / "resources" / "translations"
    assert sorted(p.stem for p in folder.glob("*.ts")) == sorted(p.stem for p in folder.glob("*.qm"))
    assert (folder / "desktop_zh_CN.qm").is_file()


def test_chinese_loads_our_files_and_qt_own(qapp) -> None:
    from PySide6.QtCore import QCoreApplication, QLocale
    from PySide6.QtWidgets import QDialogButtonBox

    from zqtracker.ui.translations import Translations, ui_lang

    t = Translations(qapp)
    try:
        assert t.switch("zh") == "zh_CN"
        assert "qtbase_zh_CN.qm" in t.loaded and "desktop_zh_CN.qm" in t.loaded
        assert ui_lang() == "zh" and QLocale().name() == "zh_CN"
        assert QCoreApplication.translate("MainWindow", "Projects") == "项目"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)  # Qt's own words
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    finally:
        t.switch("en")
    assert ui_lang() == "en" and QCoreApplication.translate("MainWindow", "Projects") == "Projects"
    assert t.loaded == []
