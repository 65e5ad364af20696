"""The language walk, third part (#15): what the first two (test_ui_language_walk.py) left out —
the monthly round's choose-districts, reminder and close-month dialogs; every file picker (Qt's
own dialog, worded by Qt's translations and ours where Qt's lack a string); the progress
dialogs of reading, checking, importing, exporting, writing a round's workbooks, undoing an
import and restoring a backup, with their Cancel button; the change log (audit trail) of a project after an edit, an
import and its undo. In English, in Chinese and after a live switch each way, on both engines;
it fails on a word of the other language or a raw key. Screenshots as the first two.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QPushButton, QWidget
from test_ui_language_walk import DISTRICT_FILE, SCREEN, SWITCH_WALKS, WALKS, file_words, read, shot, top_level
from ui_helpers import when_modal
from ui_language import problems

from zqtracker.domain.rounds import Period
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.rounds import RoundService
from zqtracker.ui.translations import system_language


class ProgressWatch(QObject):
    """Every progress dialog the app opens while this watches: shown at once (what its minimum
    duration would do a moment later — forceShow()), then read each time its label changes until
    it closes, and shot once per title. Caught when the operation words its title."""

    def __init__(self, look: Callable[[QWidget, str], None]) -> None:
        super().__init__()
        self.look = look
        self.titles: list[str] = []  # every progress dialog seen, by window title
        self._labels: dict[int, set[str]] = {}
        QApplication.instance().installEventFilter(self)

    def stop(self) -> None:
        QApplication.instance().removeEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        titled = event.type() == QEvent.Type.WindowTitleChange
        if titled and isinstance(obj, QProgressDialog):
            self.titles.append(obj.windowTitle())  # now: a quick operation may delete it before _watch runs
            key = id(obj)
            if key not in self._labels:
                # a later dialog may get a deleted one's id: forgotten when it goes, or its title was missed
                self._labels[key] = set()
                obj.destroyed.connect(lambda *_a, key=key: self._labels.pop(key, None))
                QTimer.singleShot(0, lambda dialog=obj: self._watch(dialog))
        return False

    def _watch(self, dialog: QProgressDialog) -> None:
        try:
            dialog.forceShow()
        except RuntimeError:  # already gone
            return
        self._read(dialog)
        timer = QTimer(dialog)
        timer.timeout.connect(lambda: self._read(dialog))
        timer.start(10)

    def _read(self, dialog: QProgressDialog) -> None:
        try:
            label = dialog.labelText()
        except RuntimeError:
            return
        seen = self._labels.setdefault(id(dialog), set())
        if label not in seen:
            seen.add(label)
            self.look(dialog, label)


def file_type_words(dialog: QFileDialog) -> list[tuple[str, str]]:
    """What Qt's file dialog says of each file it lists ("Folder", "xlsx File", "12.1 KB"):
    interface words in its cells, not the user's data (the names are read as paths and left out)."""
    from PySide6.QtWidgets import QTreeView
    from test_ui_file_sizes import shown_size

    out = []
    for view in dialog.findChildren(QTreeView):
        model = view.model()
        if model is None or model.columnCount() < 3 or not view.isVisible():
            continue
        root = view.rootIndex()
        for row in range(min(model.rowCount(root), 30)):
            text = model.index(row, 2, root).data()
            if text:
                out.append((f"{type(view).__name__} type cell", str(text)))
            size = shown_size(view, model.index(row, 1, root))  # as painted: "12.1 KB", never "KiB"
            if size and size != "None":
                out.append((f"{type(view).__name__} size cell", size))
    return out


def _answering(guard, inspect: Callable[[QWidget], None], dialog: QWidget) -> None:  # type: ignore[no-untyped-def]
    with guard.answering():
        inspect(dialog)


def update_file(ctx: AppContext, path: Path) -> Path:
    """A district's list: one project the database has, with a new amount, and one new project."""
    from import_files import SheetSpec, write_workbook

    known = ctx.projects.list_rows()[1]
    rows = [["项目名称", "所在区域", "计划总投资（亿元）"], [known.name, known.district, 98.76],
            ["语言巡检新项目", known.district, 1.5]]  # fmt: skip
    return write_workbook(path, SheetSpec("Sheet1", rows))


@pytest.mark.engine("sqlite")
@pytest.mark.parametrize("walk", SWITCH_WALKS)
def test_rounds_pickers_progress_and_change_log_speak_one_language(
    make_window, demo_ctx: AppContext, translations, settings, dialog_guard, qtbot, tmp_path: Path, walk: str
) -> None:
    _walk(make_window, demo_ctx, translations, settings, dialog_guard, qtbot, tmp_path, walk)


@pytest.mark.engine("postgresql")  # a server's backup, restore and change log, in each language (a live
@pytest.mark.parametrize("walk", ["en", "zh"])  # switch is the same widgets' words: SQLite walks those)
def test_on_a_server_rounds_pickers_progress_and_change_log_speak_one_language(
    make_window, demo_ctx: AppContext, translations, settings, dialog_guard, qtbot, tmp_path: Path, walk: str
) -> None:
    _walk(make_window, demo_ctx, translations, settings, dialog_guard, qtbot, tmp_path, walk)


def _walk(
    make_window, demo_ctx: AppContext, translations, settings, dialog_guard, qtbot, tmp_path: Path, walk: str
) -> None:
    start, lang = WALKS[walk]
    translations.switch(start)
    settings.language = start
    rounds = RoundService(demo_ctx.database)
    districts = rounds.district_names()[:2]
    rounds.create(Period(2023, 10), tmp_path / "round", districts=districts, lang="zh")  # a round to remind of
    edited = demo_ctx.projects.list_rows()[0].id
    demo_ctx.projects.change_status([edited], Status.SIGNED, date(2023, 11, 2), note="")  # an edit in its log
    window = make_window(demo_ctx)
    window.resize(*SCREEN)
    if start[:2] != lang:
        settings.language = "zh_CN" if lang == "zh" else "en"  # a live switch, as Preferences' OK does
    from test_ui_language_walk import data_words

    data = data_words(demo_ctx) | file_words(DISTRICT_FILE) | set(districts)
    found: list[str] = []

    def look(widget: QWidget, name: str, extra: list[tuple[str, str]] | None = None) -> None:
        found.extend(read(widget, lang, data, name))
        if extra:
            found.extend(f"{name}: {p}" for p in problems(extra, lang, data))
        shot(widget, f"{walk}-{name}")

    def picker(name: str) -> Callable[[QWidget], None]:
        """Read a file picker (it must be Qt's own, in the interface language) and cancel it."""

        def inspect(dialog: QWidget) -> None:
            assert isinstance(dialog, QFileDialog), f"{name}: {type(dialog).__name__}"
            qtbot.wait(200)  # the folder's files listed (by a thread of Qt's)
            dialog.resize(900, 560)
            look(dialog, f"picker-{name}", file_type_words(dialog))
            dialog.reject()

        return inspect

    def modal(name: str, trigger: Callable[[], object], inspect: Callable[[QWidget], None] | None = None) -> None:
        seen: list[QWidget] = []

        def answer(dialog: QWidget) -> None:
            seen.append(dialog)
            with dialog_guard.answering():
                if inspect is not None:
                    inspect(dialog)
                else:
                    look(dialog, name)
                    dialog.reject()  # type: ignore[attr-defined]

        when_modal(answer)
        trigger()
        qtbot.waitUntil(lambda: bool(seen), timeout=20_000)

    # Qt's own file dialog where the app's language is not the system's (a native one speaks the
    # system's language); under offscreen there is no native one either way.
    wanted = (lang == "zh") != (system_language() == "zh_CN")
    assert QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs) == wanted

    progress = ProgressWatch(lambda dialog, label: look(dialog, f"progress-{dialog.windowTitle()}"))
    try:
        # -- the monthly round: choose districts, the folder, writing the workbooks; collect;
        # reminders and saving them; closing the month
        window.actions_.monthly_round.trigger()
        view = top_level("RoundView")
        view.resize(*SCREEN)

        def districts_chosen(dialog: QWidget) -> None:
            look(dialog, "round-districts")
            folder = tmp_path / "next-round"
            folder.mkdir()

            def choose_folder(picked: QWidget) -> None:
                picked.resize(900, 560)
                look(picked, "picker-round-folder", file_type_words(picked))  # type: ignore[arg-type]
                picked.setDirectory(str(folder))  # type: ignore[attr-defined]
                picked.accept()  # type: ignore[attr-defined]

            when_modal(lambda picked: _answering(dialog_guard, choose_folder, picked))
            dialog.accept()  # type: ignore[attr-defined]

        before = len(rounds.rounds())
        modal("round-districts", view.create_button.click, districts_chosen)
        qtbot.waitUntil(lambda: len(rounds.rounds()) == before + 1 and view._op is not None and view._op.done,
                        timeout=60_000)  # fmt: skip
        look(view, "monthly-round-created")
        modal("picker-collect", view.collect_button.click, picker("collect"))
        view.remind_button.click()
        reminders = view._dialogs[-1]
        qtbot.waitUntil(reminders.isVisible)
        look(reminders, "round-reminders")
        save = next(b for b in reminders.findChildren(QPushButton) if b.objectName() == "save_reminders")

        def reminders_picker(dialog: QWidget) -> None:
            """Suggested beside the round's workbooks, named in the interface's language."""
            assert isinstance(dialog, QFileDialog)
            assert view.round is not None and view.round.folder
            assert Path(dialog.directory().absolutePath()) == Path(view.round.folder)
            name = Path(dialog.selectedFiles()[0]).name
            assert name == ("催报名单-2023-11.xlsx" if lang == "zh" else "reminders-2023-11.xlsx"), name
            picker("reminders")(dialog)

        modal("picker-reminders", save.click, reminders_picker)
        reminders.close()
        modal("round-close-month", view.close_button.click)
        view.close()

        # -- file pickers of the main window and its dialogs
        modal("picker-open-database", window.actions_.open_database.trigger, picker("open-database"))
        modal("picker-new-database", window.actions_.new_database.trigger, picker("new-database"))
        modal("picker-template", window.actions_.save_template.trigger, picker("template"))
        window.import_file(None)
        chooser = top_level("ImportDialog")
        modal("picker-import", chooser.file_bar.choose_button.click, picker("import"))
        chooser.close()

        def export(dialog: QWidget) -> None:
            when_modal(lambda picked: _answering(dialog_guard, picker("export"), picked))
            dialog.browse_button.click()  # type: ignore[attr-defined]
            dialog.path_edit.setText(str(tmp_path / "export.xlsx"))  # type: ignore[attr-defined]
            done: list[QWidget] = []
            # the "Export finished" box (not the progress dialog, modal too while the export runs)
            when_modal(lambda box: (done.append(box), look(box, "export-finished"), box.reject()), kind=QMessageBox)
            dialog.export_button.click()  # type: ignore[attr-defined]
            qtbot.waitUntil(lambda: bool(done), timeout=60_000)

        modal("export", window.actions_.export.trigger, export)

        window.tabs.setCurrentWidget(window.summaries)
        summaries = window.summaries.ensure_built()
        qtbot.waitUntil(lambda: summaries.document() is not None and not summaries.is_building(), timeout=60_000)
        modal("picker-pdf", summaries.export_action.trigger, picker("pdf"))
        window.tabs.setCurrentWidget(window.projects)

        # -- reading, checking and importing a district's file, then undoing the import
        window.import_file(update_file(demo_ctx, tmp_path / "更新.xlsx"))
        dialog = top_level("ImportDialog")
        qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.analysis is not None, timeout=30_000)
        assert dialog.can_import()
        dialog.import_button.click()
        qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.import_result is not None, timeout=60_000)
        ids = list(dialog.import_result.project_ids)
        dialog.close()
        undo = window.undo_stack.command(window.undo_stack.index() - 1)
        window.undo_stack.undo()
        qtbot.waitUntil(lambda: not undo.busy, timeout=60_000)

        # -- the change log of a project: an edit, and one the import changed and its undo put back
        existing = {r.id for r in demo_ctx.projects.list_rows()}
        for pid in [edited, *[i for i in ids if i in existing][:1]]:
            window.projects.table.select_ids([pid])
            qtbot.waitUntil(lambda pid=pid: window.projects.detail.project_id == pid, timeout=10_000)
            detail = window.projects.detail
            detail.tabs.setCurrentWidget(detail.changes)
            qtbot.wait(50)
            log = detail.changes
            cells = [
                (f"change log {log.table.horizontalHeaderItem(c).text()}", log.table.item(r, c).text())
                for r in range(log.table.rowCount())
                for c in (log.COL_WHEN, log.COL_CHANGE)
            ]
            assert cells, f"project {pid} has no change in its log"
            data.update(e.who for e in log.entries)  # the accounts' names are data, as typed
            kind = "edit" if pid == edited else "import"
            look(detail, f"change-log-{kind}", cells)
            shown = log.open_window()  # the whole log in a window of its own
            qtbot.wait(50)
            table = shown.table
            cells = [
                (f"change log window {table.horizontalHeaderItem(c).text()}", table.item(r, c).text())
                for r in range(table.rowCount())
                for c in (shown.COL_ACTION, shown.COL_CHANGE)
            ]
            look(shown, f"change-log-window-{kind}", cells)
            shown.close()

        # -- File › Restore backup… of a database file, to its end: the question, the progress
        if demo_ctx.database.sqlite_path is not None:
            from zqtracker.services import backups

            backups.manual(demo_ctx.database)

            def confirm_restore(box: QWidget) -> None:
                look(box, "restore-confirm")
                yes = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
                yes.click()

            def restore(dialog: QWidget) -> None:
                look(dialog, "restore-backup")
                when_modal(lambda box: _answering(dialog_guard, confirm_restore, box), name="confirm")
                dialog.accept()  # type: ignore[attr-defined]

            with qtbot.waitSignal(window.context_changed, timeout=60_000):
                modal("restore-backup", window.actions_.restore_backup.trigger, restore)
            assert window.ctx is not demo_ctx
            window.ctx.close()
    finally:
        progress.stop()
    titles = set(progress.titles)
    assert len(titles) >= 6, titles  # reading, checking, importing, exporting, the workbooks, the undo, a restore
    assert found == [], "\n".join(found)
