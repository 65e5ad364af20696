"""The language walk, fourth part (#15): the user presses Cancel. Reading a district's workbook,
importing it, exporting to Excel and restoring a backup are each cancelled from their progress
dialog — in English, in Chinese and after a live switch each way. The progress dialog's
"Cancelling…" and what is said afterwards ("Cancelled.", "Import cancelled: nothing was
written.", "Export cancelled. Nothing was written.", "Restore cancelled: nothing was changed." in
the status bar) must be in the interface's language (no raw key, no word of the other language),
and the cancelled work must have changed nothing: the same projects, no entry on the undo stack,
no file written, the database file and its backup copies as they were.

The work is held back until Cancel is pressed (every thread of Qt's pool is kept busy by a gate,
so the operation waits in the queue while its progress dialog shows), which makes the cancel
certain however fast the machine: without the gate a small file is read before a click lands.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QRunnable, QThreadPool
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget
from test_restore_cancel import fingerprint
from test_ui_language_walk import SCREEN, SWITCH_WALKS, WALKS, data_words, file_words, read, shot, top_level
from ui_helpers import click, when_modal
from ui_language import CJK, problems

from zqtracker.services import backups
from zqtracker.services.context import AppContext
from zqtracker.storage import backup_shelf

# What each step must show, in each language: read from the catalogues the app loads would only
# prove the app agrees with itself; these are the sentences a reader is meant to see.
EXPECTED = {
    "cancelling": {"en": "Cancelling…", "zh": "正在取消…"},
    "read": {"en": "Cancelled.", "zh": "已取消。"},
    "import": {"en": "Import cancelled: nothing was written.", "zh": "导入已取消：未写入任何数据。"},
    "export": {"en": "Export cancelled. Nothing was written.", "zh": "导出已取消，未写入任何文件。"},
    "restore": {"en": "Restore cancelled: nothing was changed.", "zh": "恢复已取消：未做任何更改。"},
}
RESTORE_BUTTON = {"en": "Restore", "zh": "恢复"}
ROWS = 300


class _Hold(QRunnable):
    def __init__(self, started: threading.Semaphore, release: threading.Event) -> None:
        super().__init__()
        self.started, self.release = started, release

    def run(self) -> None:
        self.started.release()
        self.release.wait(60)


@contextmanager
def pool_held(qtbot) -> Iterator[threading.Event]:  # type: ignore[no-untyped-def]
    """Keep every thread of Qt's global pool busy until the event yielded is set (or the block
    ends): work started meanwhile waits in the queue."""
    pool = QThreadPool.globalInstance()
    started, release = threading.Semaphore(0), threading.Event()
    count = pool.maxThreadCount()
    for _ in range(count):
        pool.start(_Hold(started, release))
    taken = 0

    def all_started() -> bool:
        nonlocal taken
        while started.acquire(blocking=False):
            taken += 1
        return taken == count

    qtbot.waitUntil(all_started, timeout=30_000)
    try:
        yield release
    finally:
        release.set()


def big_file(ctx: AppContext, path: Path) -> Path:
    """A district's list of new projects (any of them imported would change the count)."""
    from import_files import SheetSpec, write_workbook

    district = ctx.projects.list_rows()[0].district
    rows = [["项目名称", "所在区域", "计划总投资（亿元）"], *[[f"取消巡检项目{i}", district, 1.5] for i in range(ROWS)]]
    return write_workbook(path, SheetSpec("Sheet1", rows))


def progress_of(widget: QWidget) -> QProgressDialog:
    found = [d for d in widget.findChildren(QProgressDialog) if d.isVisible()]
    assert len(found) == 1, [d.windowTitle() for d in found]
    return found[0]


def snapshot(ctx: AppContext) -> list[tuple]:
    return sorted((r.id, r.name, r.planned_investment, r.version) for r in ctx.projects.list_rows())


@pytest.mark.parametrize("walk", SWITCH_WALKS)
def test_cancelling_speaks_one_language_and_changes_nothing(
    make_window, demo_ctx: AppContext, translations, settings, dialog_guard, qtbot, tmp_path: Path, walk: str
) -> None:
    start, lang = WALKS[walk]
    translations.switch(start)
    settings.language = start
    path = big_file(demo_ctx, tmp_path / "取消.xlsx")
    backups.manual(demo_ctx.database)  # a copy to restore
    window = make_window(demo_ctx)
    window.resize(*SCREEN)
    if start[:2] != lang:
        settings.language = "zh_CN" if lang == "zh" else "en"  # a live switch, as Preferences' OK does
    data = data_words(demo_ctx) | file_words(path) | {path.name}
    before = snapshot(demo_ctx)
    undo_count = window.undo_stack.count()
    found: list[str] = []
    said: dict[str, str] = {}

    def look(widget: QWidget, name: str, extra: list[tuple[str, str]] = ()) -> None:  # type: ignore[assignment]
        found.extend(read(widget, lang, data, name))
        found.extend(f"{name}: {p}" for p in problems(list(extra), lang, data))
        shot(widget, f"{walk}-cancel-{name}")

    def cancel(owner: QWidget, start_work: Callable[[], object], name: str, operation_of=None) -> None:  # type: ignore[no-untyped-def]
        """Start the work with the pool held, press the progress dialog's Cancel, read
        "Cancelling…", then let the work run into the cancel."""
        with dialog_guard.answering(), pool_held(qtbot) as release:
            start_work()
            qtbot.waitUntil(lambda: any(d.isVisible() for d in owner.findChildren(QProgressDialog)), timeout=10_000)
            dialog = progress_of(owner)
            dialog.forceShow()
            qtbot.wait(20)
            look(dialog, f"{name}-progress", [("progress label", dialog.labelText())])
            button = dialog.findChild(QPushButton)
            assert button is not None and button.isVisible(), f"{name}: no Cancel button"
            found.extend(f"{name}: {p}" for p in problems([("cancel button", button.text())], lang, data))
            button.click()
            said[f"{name}-cancelling"] = dialog.labelText()
            look(dialog, f"{name}-cancelling", [("progress label", dialog.labelText())])
            release.set()
            operation = operation_of() if operation_of is not None else owner.operation  # type: ignore[attr-defined]
            qtbot.waitUntil(lambda: operation.done, timeout=60_000)
            assert operation.was_cancelled, f"{name}: the work was not cancelled"

    # -- reading the workbook (File › Import…, then the file chosen), cancelled: the dialog says
    # so and has read nothing
    window.import_file(None)
    chooser = top_level("ImportDialog")
    cancel(chooser, lambda: chooser.open_path(path), "read")
    said["read"] = chooser.error_label.text()
    assert chooser.book is None and chooser.analysis is None and not chooser.can_import()
    look(chooser, "read-cancelled", [("error", said["read"])])
    chooser.close()

    # -- importing, cancelled: nothing written, nothing to undo
    window.import_file(path)
    dialog = top_level("ImportDialog")
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.analysis is not None, timeout=30_000)
    assert dialog.analysis.added == ROWS and dialog.can_import()
    cancel(dialog, dialog.import_button.click, "import")
    said["import"] = dialog.error_label.text()
    look(dialog, "import-cancelled", [("error", said["import"])])
    assert dialog.import_result is None
    assert snapshot(demo_ctx) == before and window.undo_stack.count() == undo_count
    dialog.close()

    # -- exporting to Excel, cancelled: no file, nothing left behind in the folder
    folder = tmp_path / "export"
    folder.mkdir()
    target = folder / "导出.xlsx"
    seen: list[QWidget] = []

    def export(box: QWidget) -> None:
        seen.append(box)
        with dialog_guard.answering():
            box.path_edit.setText(str(target))  # type: ignore[attr-defined]
            cancel(box, box.export_button.click, "export")  # type: ignore[attr-defined]
            said["export"] = box.message.text()  # type: ignore[attr-defined]
            look(box, "export-cancelled", [("message", said["export"])])
            assert box.isVisible() and box.export_result is None  # type: ignore[attr-defined]
            box.reject()  # type: ignore[attr-defined]

    when_modal(export)
    window.actions_.export.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    assert not target.exists() and list(folder.iterdir()) == []
    assert snapshot(demo_ctx) == before

    # -- restoring a backup (File › Restore backup…, a copy chosen, confirmed), cancelled: the
    # status bar says so, and the database file and its copies are as they were
    database = demo_ctx.database.sqlite_path
    assert database is not None
    copies = backup_shelf.list_backups(database)
    unchanged = fingerprint(database)

    def restore(box: QWidget) -> None:
        box.list.setCurrentItem(box.list.topLevelItem(0))  # type: ignore[attr-defined]
        box.accept()  # type: ignore[attr-defined]
        when_modal(lambda confirm: click(confirm, RESTORE_BUTTON[lang]), name="confirm")

    def start_restore() -> None:
        when_modal(restore, name="restore_dialog")
        window.actions_.restore_backup.trigger()

    cancel(window, start_restore, "restore", lambda: window.database_actions._operation)
    said["restore"] = window.statusBar().currentMessage()
    found.extend(f"restore: {p}" for p in problems([("status bar", said["restore"])], lang, data))
    assert window.ctx is demo_ctx and snapshot(demo_ctx) == before
    assert fingerprint(database) == unchanged and backup_shelf.list_backups(database) == copies

    QApplication.processEvents()
    for step in ("read", "import", "export", "restore"):
        assert said[step] == EXPECTED[step][lang], (step, said[step])
        assert said[f"{step}-cancelling"] == EXPECTED["cancelling"][lang], (step, said[f"{step}-cancelling"])
        assert bool(CJK.search(said[step])) == (lang == "zh"), said[step]
    assert found == [], "\n".join(found)
