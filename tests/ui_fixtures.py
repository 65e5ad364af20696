"""Fixtures for desktop tests: a real main window on a real database, private settings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication
from ui_helpers import DialogGuard

from zqtracker.services.context import AppContext
from zqtracker.ui.settings import Settings
from zqtracker.ui.translations import Translations


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    t = Translations(qapp)
    t.switch("en")
    yield t
    t.switch("en")  # app-wide: never leak Chinese into the next test


@pytest.fixture
def dialog_guard(qapp: QApplication) -> Iterator[DialogGuard]:
    """Fails the test if a dialog opened that the test did not answer (instead of hanging)."""
    guard = DialogGuard()
    yield guard
    guard.stop()
    assert not guard.unexpected, f"unexpected dialogs: {guard.unexpected}"


@pytest.fixture
def make_window(qtbot, settings: Settings, translations: Translations, dialog_guard: DialogGuard) -> Callable:
    """``make_window(ctx)``: a shown MainWindow with every row and stale mark loaded."""
    from zqtracker.ui.main_window import MainWindow

    windows = []

    def make(ctx: AppContext | None, *, wait: bool = True) -> MainWindow:
        window = MainWindow(None, settings=settings, translations=translations)
        qtbot.addWidget(window)
        window.show()
        if ctx is not None:
            with qtbot.waitSignal(window.projects.activity_ready, timeout=60_000) if wait else _nothing():
                window.set_context(ctx)
        windows.append(window)
        return window

    yield make
    for w in windows:
        w.projects.loader.cancel()
        w.ctx = None  # the ctx fixtures close their own databases
        w.close()
        w.deleteLater()
    # Really delete them now, not during the next test (Qt would still send them events).
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None
