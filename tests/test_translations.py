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


def test_qt_own_file_dialog_speaks_the_interface_language_and_follows_a_switch(qapp) -> None:
    """Qt's file dialog (not the system's native one, which speaks the system's language) where
    the interface's language is not the system's; worded by qtbase_zh_CN.qm and, for what that
    lacks, our qtbase_extra_zh_CN.qm — swapped by a live switch."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QFileDialog, QLabel

    from zqtracker.ui.translations import Translations, system_language

    def labels() -> list[str]:
        dialog = QFileDialog(None, "x")
        try:
            return sorted(label.text() for label in dialog.findChildren(QLabel) if label.text())
        finally:
            dialog.deleteLater()

    native_off = Qt.ApplicationAttribute.AA_DontUseNativeDialogs
    t = Translations(qapp)
    try:
        t.switch("zh")
        assert "qtbase_extra_zh_CN.qm" in t.loaded
        assert labels() == ["文件名称(&N)：", "文件类型(&T)：", "查找范围(&L)："]
        assert QCoreApplication.testAttribute(native_off) == (system_language() != "zh_CN")
        t.switch("en")
        assert labels() == ["&Look in:", "File &name:", "Files of &type:"]
        assert QCoreApplication.testAttribute(native_off) == (system_language() != "en")
    finally:
        t.switch("en")
