"""The progress dialog of long work follows a live language switch while the work runs: its title,
its Cancel, its label (the title, the work's own sentence, "Cancelling…"), and the work's next
sentences. Screenshots before and after the switch go to artifacts/."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from zqtracker.services.import_options import worded
from zqtracker.services.progress import Progress
from zqtracker.ui.operations import Operation

SHOTS = Path(__file__).resolve().parent.parent / "artifacts" / "progress"


def _shot(dialog: QWidget, name: str) -> None:
    """The dialog under a drawn title bar (offscreen windows have none): its title is what changes."""
    if not SHOTS.parent.exists():
        return
    SHOTS.mkdir(exist_ok=True)
    body = dialog.grab()
    shot = QPixmap(body.width(), body.height() + 28)
    shot.fill(QColor("#dcdcdc"))
    painter = QPainter(shot)
    painter.drawText(QRect(0, 0, body.width(), 28), Qt.AlignmentFlag.AlignCenter, dialog.windowTitle())
    painter.drawPixmap(0, 28, body)
    painter.end()
    shot.save(str(SHOTS / name))


def _dialog(qtbot, parent: QWidget) -> QProgressDialog:  # type: ignore[no-untyped-def]
    def shown() -> bool:
        found = parent.findChild(QProgressDialog)
        return found is not None and found.isVisible()

    qtbot.waitUntil(shown)
    return parent.findChild(QProgressDialog)


def _parent(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    return parent


def _title() -> str:
    return QCoreApplication.translate("ExportDialog", "Exporting to Excel…")


def test_the_title_and_the_works_sentence_follow_a_switch_mid_work(qtbot, translations) -> None:  # type: ignore[no-untyped-def]
    translations.switch("en")
    parent = _parent(qtbot)
    go_on, done = threading.Event(), threading.Event()

    def work(progress: Progress) -> None:
        said = worded(progress, "en")  # the import's stages, worded in the language it started in
        assert said is not None
        said.report(1, 3, "projects")
        assert go_on.wait(10)
        said.report(2, 3, "records")
        assert done.wait(10)

    op = Operation(parent, work, title=_title, minimum_duration_ms=0).run_in_background()
    dialog = _dialog(qtbot, parent)
    qtbot.waitUntil(lambda: dialog.labelText() == "Writing projects…")
    assert dialog.windowTitle() == "Exporting to Excel…"
    assert dialog.findChild(QPushButton).text() == "Cancel"
    dialog.resize(420, dialog.sizeHint().height())
    _shot(dialog, "progress-before-en.png")

    translations.switch("zh_CN")
    assert dialog.windowTitle() == "正在导出到 Excel…"
    assert dialog.labelText() == "正在写入项目…"
    assert dialog.findChild(QPushButton).text() == "取消"
    _shot(dialog, "progress-after-zh.png")
    go_on.set()  # the work's next sentence comes in the new language, though it started in English
    qtbot.waitUntil(lambda: dialog.labelText() == "正在写入月度完成投资…")
    translations.switch("en")
    assert dialog.labelText() == "Writing monthly investment…" and dialog.windowTitle() == "Exporting to Excel…"
    done.set()
    qtbot.waitUntil(lambda: op.done, timeout=10_000)


def test_the_title_as_label_a_name_and_cancelling_follow_a_switch(qtbot, translations) -> None:  # type: ignore[no-untyped-def]
    translations.switch("zh_CN")
    parent = _parent(qtbot)
    named, go_on = threading.Event(), threading.Event()

    def work(progress: Progress) -> None:
        named.wait(10)
        progress.report(1, 2, "项目进展")  # a sheet's name: no sentence to word again
        go_on.wait(10)
        progress.report(2, 2)

    op = Operation(parent, work, title=_title, minimum_duration_ms=0).run_in_background()
    dialog = _dialog(qtbot, parent)
    assert (dialog.windowTitle(), dialog.labelText()) == ("正在导出到 Excel…", "正在导出到 Excel…")
    translations.switch("en")
    assert (dialog.windowTitle(), dialog.labelText()) == ("Exporting to Excel…", "Exporting to Excel…")
    named.set()
    qtbot.waitUntil(lambda: dialog.labelText() == "项目进展")
    translations.switch("zh_CN")
    assert dialog.labelText() == "项目进展" and dialog.windowTitle() == "正在导出到 Excel…"
    op.cancel()
    assert dialog.labelText() == "正在取消…"
    translations.switch("en")
    assert dialog.labelText() == "Cancelling…"
    go_on.set()
    qtbot.waitUntil(lambda: op.done, timeout=10_000)
    assert op.was_cancelled
