"""The language walk (#15): every window and dialog, opened the way a user opens it, read word by
word — in English, in Chinese, and after a live switch each way. It fails on a word of the other
language or a raw key ("annual_plan", "%1"). Screenshots of each at 1366×768 go to artifacts/walk/
(and /work/shots/ux/walk/ where that folder exists).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from ui_language import clipped_combos, data_words, interface_texts, menu_texts, problems
from ui_walk import MODAL_DIALOGS, open_modal, open_popup

from zqtracker.services.context import AppContext

SCREEN = (1366, 740)
SHOTS = [Path(__file__).resolve().parent.parent / "artifacts" / "walk", Path("/work/shots/ux/walk")]

# (start language, language read) — a live switch is Preferences' OK with the other language
WALKS = {"en": ("en", "en"), "zh": ("zh_CN", "zh"), "en-to-zh": ("en", "zh"), "zh-to-en": ("zh_CN", "en")}
# The walks of windows and dialogs opened on demand: the two live switches. A dialog made after the start reads
# its language as one made after a switch does, and a switch walk reads every word of the language it switches
# to; what only a start in a language shows — widgets made before the translations are loaded — is the main
# window's, walked in all four (test_every_window_speaks_one_language).
SWITCH_WALKS = ["en-to-zh", "zh-to-en"]


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
    return [f"{where}: {p}" for p in (*problems(texts, lang, data), *clipped_combos(widget))]


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


def _menu_read(found: list[str], lang: str, data: set[str], walk: str, name: str) -> Callable[[QMenu], None]:
    def inspect(menu: QMenu) -> None:
        found.extend(f"{name}: {p}" for p in problems(menu_texts(menu, name), lang, data))
        shot(menu, f"{walk}-menu-{name}")

    return inspect


def _context_menus(window, qtbot, read_menu: Callable[[str], Callable[[QMenu], None]]) -> None:  # type: ignore[no-untyped-def]
    """Every context menu and drop-down of the main window, opened as a user opens it."""
    page = window.projects
    window.tabs.setCurrentWidget(page)
    page.table.selectRow(0)
    menus: dict[str, Callable[[], object]] = {
        "projects-table": lambda: page.table.customContextMenuRequested.emit(QPoint(20, 20)),
        "column-header": lambda: page.table.horizontalHeader().customContextMenuRequested.emit(QPoint(20, 5)),
        "search-field": lambda: QApplication.sendEvent(  # Qt's own Cut/Copy/Paste
            page.filter_bar.search,
            QContextMenuEvent(
                QContextMenuEvent.Reason.Mouse, QPoint(5, 5), page.filter_bar.search.mapToGlobal(QPoint(5, 5))
            ),
        ),
        "open-recent": lambda: window.actions_.recent_menu.exec(window.mapToGlobal(QPoint(20, 20))),
    }
    for name in ("status", "sector", "district", "missing"):
        menus[f"filter-{name}"] = getattr(page.filter_bar, name).showMenu
    for name, trigger in menus.items():
        assert open_popup(qtbot, trigger, read_menu(name)), name
    window.tabs.setCurrentWidget(window.dashboard)
    qtbot.waitUntil(lambda: window.dashboard.widget is not None and window.dashboard.widget.figures is not None,
                    timeout=30_000)  # fmt: skip
    panel = window.dashboard.widget.findChildren(QWidget, options=Qt.FindChildOption.FindChildrenRecursively)
    chart = next(w for w in panel if type(w).__name__ == "ChartPanel" and w.isVisible())
    assert open_popup(qtbot, chart.menu_button.showMenu, read_menu("dashboard-chart")), "dashboard-chart"
    window.tabs.setCurrentWidget(page)


def _return_file(ctx: AppContext, folder: Path) -> Path:
    """A district's return of the October round, with a figure typed in yuan (a finding)."""
    from round_returns import H_MONTH, H_YTD, H_YTD_BEFORE, Sheet

    from zqtracker.domain.rounds import Period
    from zqtracker.services.rounds import RoundService

    RoundService(ctx.database).create(Period(2023, 10), folder, districts=["高要区"], lang="zh")
    path = next(folder.rglob("高要区_2023-10.xlsx"))
    sheet = Sheet.open(path)
    ids = sheet.ids()
    sheet.set(ids[0], H_YTD, (sheet.get(ids[0], H_YTD_BEFORE) or 0) + 20)
    sheet.set(ids[1], H_MONTH, 2_500_000)
    sheet.save()
    return path


@pytest.mark.parametrize("walk", SWITCH_WALKS)
def test_every_dialog_menu_and_message_speaks_one_language(
    make_window, demo_ctx: AppContext, demo_template: Path, translations, settings, qtbot, tmp_path: Path, walk: str
) -> None:
    """What the first walk left out: the server connect dialog, Restore backup, the print preview
    and print dialogs, a round's return preview, error messages (a damaged database, a refused
    import) and every context menu and drop-down."""
    from faults_helpers import damage_schema_page
    from ui_helpers import when_modal

    start, lang = WALKS[walk]
    translations.switch(start)
    settings.language = start
    if demo_ctx.database.sqlite_path is not None:
        from zqtracker.services import backups

        backups.manual(demo_ctx.database)  # a copy to list in Restore backup
    window = make_window(demo_ctx)
    window.resize(*SCREEN)
    if start[:2] != lang:
        settings.language = "zh_CN" if lang == "zh" else "en"
    data = data_words(demo_ctx) | file_words(DISTRICT_FILE)
    found: list[str] = []

    def modal(name: str, trigger: Callable[[], object], object_name: str | None = None) -> None:
        seen: list[QWidget] = []

        def inspect(dialog: QWidget) -> None:
            seen.append(dialog)
            found.extend(read(dialog, lang, data, name))
            shot(dialog, f"{walk}-{name}")
            dialog.reject()  # type: ignore[attr-defined]

        # (once shown and painted: the print preview lays its pages out when first shown)
        when_modal(lambda dialog: QTimer.singleShot(300, lambda: inspect(dialog)), name=object_name)
        trigger()
        qtbot.waitUntil(lambda: bool(seen), timeout=20_000)

    def read_menu(name: str) -> Callable[[QMenu], None]:
        return _menu_read(found, lang, data, walk, name)

    _context_menus(window, qtbot, read_menu)

    if window.actions_.restore_backup.isEnabled():  # a database file (not one on a server)
        modal("restore-backup", window.actions_.restore_backup.trigger, "restore_dialog")

    window.tabs.setCurrentWidget(window.summaries)
    summaries = window.summaries.ensure_built()
    qtbot.waitUntil(lambda: summaries.document() is not None and not summaries.is_building(), timeout=60_000)
    modal("print-preview", summaries.preview_action.trigger)
    modal("print", window.actions_.print_.trigger)

    damaged = tmp_path / "损坏.sqlite"  # refused in one sentence; the window stays on its database
    shutil.copy(demo_template, damaged)
    damage_schema_page(damaged)
    modal("damaged-database", lambda: window.database_actions.open_target(str(damaged), background=False),
          "error_message")  # fmt: skip
    assert window.ctx is demo_ctx

    not_a_sheet = tmp_path / "名单.xlsx"  # a refused import: the preview says why, nothing is imported
    not_a_sheet.write_text("项目清单\n" * 20, encoding="utf-8")
    window.import_file(not_a_sheet)
    dialog = top_level("ImportDialog")
    qtbot.waitUntil(lambda: not dialog.is_busy() and bool(dialog.error_label.text()), timeout=30_000)
    found += read(dialog, lang, data, "import-refused")
    shot(dialog, f"{walk}-import-refused")
    dialog.close()

    window.import_file(DISTRICT_FILE)  # the preview's column menu, with the units of an amount column
    dialog = top_level("ImportDialog")
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.analysis is not None, timeout=30_000)
    preview = dialog.preview
    header = preview.table.horizontalHeader()
    money = next(
        s for s in range(preview.proxy.columnCount()) if getattr(preview.model.column_info(s), "is_money", False)
    )
    assert open_popup(qtbot, lambda: header.sectionClicked.emit(money), read_menu("import-column"))
    dialog.close()

    window.import_file(_return_file(demo_ctx, tmp_path / "round"))  # a district's return: its preview
    dialog = top_level("ReturnDialog")
    qtbot.waitUntil(lambda: dialog.ret is not None and dialog.ret.analysis is not None, timeout=60_000)
    qtbot.wait(50)
    found += read(dialog, lang, data | file_words(dialog.path), "return-preview")
    shot(dialog, f"{walk}-return-preview")
    dialog.close()
    assert found == [], "\n".join(found)
