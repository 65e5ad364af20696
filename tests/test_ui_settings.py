"""One settings registry: every persisted value declared once, in one file, changes announced."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings
from ui_helpers import accept, when_modal

from zqtracker.domain.money import Unit
from zqtracker.ui.settings import (
    CHART_FOLDER,
    EXPORT_FOLDER,
    LANGUAGE,
    MONEY_UNIT,
    REGISTRY,
    SUMMARY_VIEW,
    Option,
    Settings,
    option,
)

PACKAGE = Path(__file__).resolve().parent.parent / "zqtracker"


def test_no_bare_qsettings_outside_the_registry() -> None:
    """Nine widgets once called QSettings() and wrote a second file; only ui/settings.py may."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path == PACKAGE / "ui" / "settings.py":
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"\bQSettings\b", text):
            offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_every_option_is_declared_once_and_undeclared_ones_are_refused(settings: Settings) -> None:
    assert len(REGISTRY) == len({o.key for o in REGISTRY.values()})
    with pytest.raises(ValueError, match="declared twice"):
        option(MONEY_UNIT.key, Unit.WAN)
    with pytest.raises(KeyError):
        settings.get(Option("nowhere/declared", 1))
    with pytest.raises(KeyError):
        settings.set(Option("nowhere/declared", 1), 2)


def test_the_default_store_is_the_documented_ini_file() -> None:
    import os

    s = Settings()
    assert Path(s.file_name) == Path(os.environ["XDG_CONFIG_HOME"]) / "zqtracker" / "zqtracker.ini"


def test_values_are_typed_with_defaults(settings: Settings, tmp_path: Path) -> None:
    assert settings.money_unit is Unit.YI and settings.stale_months == 6 and settings.get(SUMMARY_VIEW) == "overview"
    raw = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    raw.setValue(MONEY_UNIT.key, "nonsense")
    raw.setValue("projects/stale_months", "abc")
    raw.sync()
    again = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert again.money_unit is Unit.YI and again.stale_months == 6  # unreadable: the default
    again.set(MONEY_UNIT, Unit.WAN)
    again.sync()
    assert Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)).money_unit is Unit.WAN


def test_a_change_is_announced_once_and_an_unchanged_value_not_at_all(settings: Settings) -> None:
    heard: list[str] = []
    settings.changed.connect(heard.append)
    settings.money_unit = Unit.YI  # the default: nothing changes
    settings.language = ""
    assert heard == []
    settings.money_unit = Unit.WAN
    settings.money_unit = Unit.WAN
    settings.set(LANGUAGE, "zh_CN")
    assert heard == [MONEY_UNIT.key, LANGUAGE.key]


def test_a_missing_folder_falls_back_to_one_that_exists(settings: Settings, tmp_path: Path) -> None:
    settings.set(EXPORT_FOLDER, str(tmp_path / "gone"))
    assert settings.folder(EXPORT_FOLDER).is_dir()
    settings.set(EXPORT_FOLDER, str(tmp_path))
    assert settings.folder(EXPORT_FOLDER) == tmp_path


def test_values_of_the_old_second_file_are_imported_once(tmp_path: Path) -> None:
    legacy = QSettings(str(tmp_path / "Unknown Organization" / "zqtracker.conf"), QSettings.Format.IniFormat)
    legacy.setValue("export/folder", str(tmp_path))
    legacy.setValue("dashboard/save_folder", "/charts")
    legacy.setValue("summaries/key_only", False)
    legacy.setValue("dashboard/unit", "wan")  # the dashboard's own unit is gone: Preferences decide
    legacy.sync()
    store = QSettings(str(tmp_path / "zqtracker.ini"), QSettings.Format.IniFormat)
    store.setValue(CHART_FOLDER.key, "/mine")  # a value already set here wins
    s = Settings(store, legacy=legacy)
    assert s.get(EXPORT_FOLDER) == str(tmp_path) and s.get(CHART_FOLDER) == "/mine"
    from zqtracker.ui.settings import SUMMARY_KEY_ONLY

    assert s.get(SUMMARY_KEY_ONLY) is False and s.money_unit is Unit.YI
    legacy.setValue("export/folder", "/later")
    s.set(EXPORT_FOLDER, "")
    assert Settings(store, legacy=legacy).get(EXPORT_FOLDER) == ""  # imported once, never again


def test_geometry_round_trips(settings: Settings) -> None:
    from zqtracker.ui.settings import WINDOW_GEOMETRY

    settings.set(WINDOW_GEOMETRY, QByteArray(b"\x01\x02"))
    assert settings.get(WINDOW_GEOMETRY) == QByteArray(b"\x01\x02")


def test_ok_in_preferences_keeps_the_language_of_a_lang_zh_session(
    make_window, demo_ctx, settings: Settings, translations
) -> None:
    """``zqtracker --lang zh``, Tools › Preferences, OK: the window stays Chinese."""
    translations.switch("zh")  # what --lang zh does at launch; the stored language stays "system"
    window = make_window(demo_ctx)
    assert window.tabs.tabText(0) == "项目" and settings.language == ""
    seen = when_modal(accept, name="preferences")
    window.actions_.preferences.trigger()
    assert seen
    assert window.tabs.tabText(0) == "项目" and translations.language == "zh_CN"
    # choosing a language still switches at once
    from zqtracker.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(window, settings)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    assert window.tabs.tabText(0) == "Projects"
