"""The language walk (#15): every window and dialog, opened the way a user opens it, read word by
word — in English, in Chinese, and after a live switch each way. It fails on a word of the other
language or a raw key ("annual_plan", "%1"). Screenshots of each at 1366×768 go to artifacts/walk/
(and /work/shots/ux/walk/ where that folder exists).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from ui_language import data_words, interface_texts, problems
from ui_walk import MODAL_DIALOGS, open_modal

from zqtracker.services.context import AppContext

SCREEN = (1366, 740)
SHOTS = [Path(__file__).resolve().parent.parent / "artifacts" / "walk", Path("/work/shots/ux/walk")]

# (start language, language read) — a live switch is Preferences' OK with the other language
WALKS = {"en": ("en", "en"), "zh": ("zh_CN", "zh"), "en-to-zh": ("en", "zh"), "zh-to-en": ("zh_CN", "en")}


def shot(widget: QWidget, name: str) -> None:
    for folder in SHOTS:
        if folder.parent.exists():
            folder.mkdir(parents=True, exist_ok=True)
            widget.grab().save(str(folder / f"{name}.png"))


def top_level(kind: str) -> QWidget:
    found = [w for w in QApplication.topLevelWidgets() if w.isVisible() and type(w).__name__ == kind]
    assert len(found) == 1, kind
    return found[0]


# Windows that are not modal: name → (open(window) returning the window, close it)
def _user_guide(window) -> QWidget:  # type: ignore[no-untyped-def]
    window.actions_.user_guide.trigger()
    return top_level("UserGuideDialog")


def _round_view(window) -> QWidget:  # type: ignore[no-untyped-def]
    window.actions_.monthly_round.trigger()
    return top_level("RoundView")


DISTRICT_FILE = Path(__file__).resolve().parent / "data" / "calc_district.xlsx"


def file_words(path: Path) -> set[str]:
    """A district's file speaks Chinese in either interface: its sheet names and cells are data."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    words = set(book.sheetnames)
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            words.update(v.strip() for v in row if isinstance(v, str) and v.strip())
    book.close()
    return words


def _import_dialog(window) -> QWidget:  # type: ignore[no-untyped-def]
    window.import_file(DISTRICT_FILE)
    dialog = top_level("ImportDialog")
    return dialog


WINDOWS: dict[str, Callable[[QWidget], QWidget]] = {
    "user-guide": _user_guide,
    "monthly-round": _round_view,
    "import": _import_dialog,
}


def read(widget: QWidget, lang: str, data: set[str], where: str) -> list[str]:
    texts = interface_texts(widget)
    if type(widget).__name__ == "UserGuideDialog":  # the guide names keys, programs and a server address
        texts = [(w, t) for w, t in texts if not w.startswith("QTextBrowser")]
    return [f"{where}: {p}" for p in problems(texts, lang, data)]


@pytest.mark.parametrize("walk", list(WALKS))
def test_every_window_speaks_one_language(make_window, demo_ctx: AppContext, translations, settings, qtbot, walk):
    start, lang = WALKS[walk]
    translations.switch(start)
    settings.language = start
    window = make_window(demo_ctx)
    window.resize(*SCREEN)
    if start[:2] != lang:
        settings.language = "zh_CN" if lang == "zh" else "en"  # a live switch, as Preferences' OK does
    data = data_words(demo_ctx) | file_words(DISTRICT_FILE)
    found: list[str] = []

    for tab in (window.projects, window.dashboard, window.summaries):
        window.tabs.setCurrentWidget(tab)
        if tab is window.dashboard:
            qtbot.waitUntil(lambda tab=tab: tab.widget is not None and tab.widget.figures is not None, timeout=30_000)
        elif tab is window.summaries:
            qtbot.waitUntil(
                lambda tab=tab: (
                    tab.widget is not None and tab.widget.document() is not None and not tab.widget.is_building()
                ),
                timeout=60_000,
            )
        else:
            window.projects.table.selectRow(0)  # the detail pane too
        qtbot.wait(50)
        found += read(window, lang, data, f"tab {window.tabs.tabText(window.tabs.currentIndex())}")
        shot(window, f"{walk}-tab-{window.tabs.currentIndex()}")

    for name in MODAL_DIALOGS:

        def inspect(dialog: QWidget, name: str = name) -> None:
            found.extend(read(dialog, lang, data, name))
            shot(dialog, f"{walk}-{name}")

        assert open_modal(qtbot, window, name, inspect), name

    for name, opener in WINDOWS.items():
        other = opener(window)
        if name == "import":
            qtbot.waitUntil(lambda other=other: not other.is_busy() and other.analysis is not None, timeout=30_000)
        qtbot.wait(50)
        found += read(other, lang, data, name)
        shot(other, f"{walk}-{name}")
        other.close()
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_start_page_speaks_one_language(make_window, ctx: AppContext, translations, qtbot, lang) -> None:
    translations.switch("zh_CN" if lang == "zh" else "en")
    window = make_window(ctx)
    window.resize(*SCREEN)
    qtbot.wait(50)
    assert window.projects.is_start_page_shown()
    found = read(window, lang, set(), "start page")
    shot(window, f"{lang}-start-page")
    assert found == [], "\n".join(found)
