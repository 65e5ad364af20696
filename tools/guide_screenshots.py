"""The user guide's pictures (resources/guide/images/*-en.png, *-zh.png), taken from the real
windows on a fresh demo database, offscreen:

    QT_QPA_PLATFORM=offscreen python tools/guide_screenshots.py [OUT_DIR]

Each is grabbed at a small laptop's size and scaled to the guide's width as an 8-bit palette PNG,
so the set stays small in the package. Run it again when a window the guide shows changes.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "guide" / "images"
WIDTH = 760  # the guide's text width in Help › User guide
WINDOW = (1180, 720)


def wait_until(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get ready")
        QApplication.processEvents()
        time.sleep(0.01)
    for _ in range(20):  # posted layout and paint events
        QApplication.processEvents()


def save(widget: QWidget, path: Path) -> None:
    image = widget.grab().toImage()
    if image.width() > WIDTH:
        image = image.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
    image = image.convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither)
    if not image.save(str(path), "PNG"):
        raise OSError(f"cannot write {path}")
    print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  {path.stat().st_size // 1024} KB")


def shoot(lang: str, out: Path, work: Path) -> None:
    from zqtracker.services.context import AppContext
    from zqtracker.services.demo import write_demo
    from zqtracker.storage.database import open_database
    from zqtracker.ui.main_window import MainWindow
    from zqtracker.ui.settings import Settings
    from zqtracker.ui.translations import Translations

    app = QApplication.instance()
    translations = Translations(app)
    translations.switch("zh_CN" if lang == "zh" else "en")
    settings = Settings(QSettings(str(work / f"settings-{lang}.ini"), QSettings.Format.IniFormat))

    def window_for(ctx: AppContext | None) -> MainWindow:
        window = MainWindow(None, settings=settings, translations=translations)
        window.resize(*WINDOW)
        window.show()
        if ctx is not None:
            done: list[bool] = []
            window.projects.activity_ready.connect(lambda *_: done.append(True))
            window.set_context(ctx)
            wait_until(lambda: bool(done))
        return window

    # the start page of a new, empty database
    empty = AppContext.open(str(work / f"new-{lang}.sqlite"))
    window = window_for(empty)
    save(window, out / f"start-{lang}.png")
    window.ctx = None
    window.close()
    empty.close()

    demo_path = work / f"demo-{lang}.sqlite"
    db = open_database(demo_path)
    write_demo(db)
    db.close()
    ctx = AppContext.open(str(demo_path))
    window = window_for(ctx)

    # projects with stale marks: sorted by last activity, the quietest first, one selected
    page = window.projects
    last = next(i for i, c in enumerate(page.model.columns) if c.key == "last_activity_on")
    page.table.sortByColumn(last, Qt.SortOrder.AscendingOrder)
    page.table.selectRow(0)
    wait_until(lambda: True)
    save(window, out / f"projects-{lang}.png")

    window.tabs.setCurrentWidget(window.dashboard)
    wait_until(lambda: window.dashboard.widget is not None and window.dashboard.widget.figures is not None)
    save(window, out / f"dashboard-{lang}.png")

    window.tabs.setCurrentWidget(window.summaries)
    wait_until(lambda: window.summaries.widget is not None)
    summaries = window.summaries.widget
    from zqtracker.reports.model import View

    summaries.options_bar.view_combo.setCurrentIndex(summaries.options_bar.view_combo.findData(View.MONTHLY.value))
    wait_until(lambda: summaries.document() is not None and not summaries.is_building()
               and getattr(summaries._document_options, "view", None) == View.MONTHLY)  # fmt: skip
    save(window, out / f"summaries-{lang}.png")

    # the import preview of a district's list
    from zqtracker.ui.import_dialog import ImportDialog

    listing = work / ("高要区2023年项目清单.xlsx" if lang == "zh" else "Gaoyao-2023-projects.xlsx")
    shutil.copyfile(ROOT / "tests" / "data" / "calc_district.xlsx", listing)
    dialog = ImportDialog(ctx, window.events, window.undo_stack, window, listing, lang=lang)
    dialog.resize(1100, 640)
    dialog.show()
    wait_until(lambda: not dialog.is_busy() and dialog.analysis is not None)
    save(dialog, out / f"import-{lang}.png")
    dialog.reject()

    # the round view, a week after the due day, one district returned
    from zqtracker.domain.rounds import Period
    from zqtracker.ui.round_view import RoundView

    view = RoundView(ctx, window.events, window.undo_stack, window, lang=lang, book_lang="zh", today=date(2023, 11, 13))
    view.resize(900, 330)
    view.show()
    view.create_round(Period(2023, 10), work / f"round-{lang}", ["高要区", "四会市", "鼎湖区", "端州区"])
    wait_until(lambda: view.model.rowCount() == 4)
    save(view, out / f"round-{lang}.png")
    view.close()

    window.ctx = None
    window.close()
    ctx.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = Path(argv[0]) if argv else OUT
    out.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT))
    QApplication(["zqtracker"])
    work = Path(tempfile.gettempdir()) / "zqtracker-guide"  # a name that reads well in the pictures
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    try:
        for lang in ("en", "zh"):
            shoot(lang, out, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
