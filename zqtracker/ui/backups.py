"""Backups in the desktop app: File › Restore backup… and the number kept (Preferences).

The list comes from services.backups (the copies made on opening once a day and before every
import, replace, upgrade and bulk delete; on a server, on ``db backup``, before a replace import
and before a restore). Restoring asks once, then runs off the GUI thread: the database as it is
now is copied first, the chosen copy is written back (on a server: every table in one
transaction, which others' open windows follow), and the window reopens the database, exactly as
after File › Open.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zqtracker.ui.palette import muted_style, problem_style
from zqtracker.ui.translations import ui_lang

if TYPE_CHECKING:
    from zqtracker.domain.errors import AccessRefused
    from zqtracker.services.backups import BackupInfo
    from zqtracker.services.context import AppContext
    from zqtracker.services.progress import Progress
    from zqtracker.ui.database_actions import DatabaseActions


def reason_text(reason: str) -> str:
    words = {
        "daily": QCoreApplication.translate("RestoreDialog", "Daily copy"),
        "import": QCoreApplication.translate("RestoreDialog", "Before an import"),
        "replace": QCoreApplication.translate("RestoreDialog", "Before a replace import"),
        "upgrade": QCoreApplication.translate("RestoreDialog", "Before a schema upgrade"),
        "bulk-delete": QCoreApplication.translate("RestoreDialog", "Before deleting projects"),
        "restore": QCoreApplication.translate("RestoreDialog", "Before a restore"),
        "manual": QCoreApplication.translate("RestoreDialog", "Made by hand"),
    }
    return words.get(reason, reason)


class RestoreDialog(QDialog):
    """Choose one backup copy of ``database`` (a file, or a server database's name); ``chosen`` is
    its path after Restore. ``refusal``: why this account may not restore (the server's owner alone
    may) — said above the list, which still shows what copies there are, with Restore disabled."""

    def __init__(self, parent: QWidget | None, database: Path | str, found: list[BackupInfo], *,
                 server: bool = False, refusal: AccessRefused | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.chosen: Path | None = None
        self.chosen_made = ""
        self._database, self._found, self._server, self._refusal = str(database), found, server, refusal
        self.intro = QLabel()
        self.intro.setObjectName("restore_intro")
        self.intro.setWordWrap(True)
        self.refused = QLabel()
        self.refused.setObjectName("restore_refused")
        self.refused.setWordWrap(True)
        self.refused.setStyleSheet(problem_style(self.palette()))
        self.refused.setVisible(refusal is not None)
        self.list = QTreeWidget()
        self.list.setObjectName("backup_list")
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._items: list[QTreeWidgetItem] = []  # one per copy in ``found``
        for info in found:
            n = info.projects()
            made = info.made_at.strftime("%Y-%m-%d %H:%M:%S")
            item = QTreeWidgetItem([made, "", "?" if n is None else f"{n:,}", "", info.made_by or ""])
            item.setData(0, Qt.ItemDataRole.UserRole, str(info.path))
            item.setToolTip(0, str(info.path))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
            self._items.append(item)
        self.list.setColumnCount(5)
        self.list.header().setStretchLastSection(False)  # each column as wide as its words, sizes beside counts
        self.list.setColumnHidden(4, not any(info.made_by for info in found))  # copies kept under a name
        self.empty = QLabel()
        self.empty.setVisible(not found)
        self.list.setVisible(bool(found))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemSelectionChanged.connect(self._on_list_selection_changed)
        self.list.itemDoubleClicked.connect(lambda _item, _col: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.refused)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self._retranslate()
        self.resize(720, 420)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)

    def _retranslate(self) -> None:
        """Every word and size in the UI's language (again on a live language switch)."""
        self.setWindowTitle(self.tr("Restore backup"))
        if self._server:
            text = self.tr(
                "Backup copies of the server database %1, newest first. Restoring replaces every project on the "
                "server with the chosen copy, for everyone connected to it; the database as it is now is kept as "
                "another copy first, so a restore can be undone the same way."
            )
        else:
            text = self.tr(
                "Backup copies of %1, newest first. Restoring puts the chosen copy back in place of the "
                "database; the database as it is now is kept as another copy first, so a restore can be undone "
                "the same way."
            )
        self.intro.setText(text.replace("%1", self._database))
        if self._refusal is not None:
            self.refused.setText("⚠ " + self._refusal.message(ui_lang()))
        self.list.setHeaderLabels(
            [self.tr("Made"), self.tr("Why"), self.tr("Projects"), self.tr("Size"), self.tr("Kept by")]
        )
        for column in (2, 3):  # numbers: their headings over them, on the right
            self.list.headerItem().setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for info, item in zip(self._found, self._items, strict=True):
            item.setText(1, reason_text(info.reason))
            item.setText(3, size_text(info.size))
            if info.made_by:
                whose = self.tr(
                    "A copy the account “%1” kept under its own name, before the copies of a server database "
                    "were kept for everyone; it is restored like the others and stays where it is: %2"
                )
                item.setToolTip(4, whose.replace("%1", info.made_by).replace("%2", str(info.path.parent)))
        for column in range(self.list.columnCount()):
            self.list.resizeColumnToContents(column)
            self.list.setColumnWidth(column, self.list.columnWidth(column) + 16)  # room between columns
        self.empty.setText(self.tr("There is no backup copy of this database yet."))
        self.restore_button.setText(self.tr("Restore"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _on_list_selection_changed(self) -> None:
        self.restore_button.setEnabled(bool(self.list.selectedItems()) and self._refusal is None)

    def accept(self) -> None:
        items = self.list.selectedItems()
        if not items or self._refusal is not None:
            return
        self.chosen = Path(items[0].data(0, Qt.ItemDataRole.UserRole))
        self.chosen_made = items[0].text(0)
        super().accept()


def size_text(n: int) -> str:
    """A copy's size as the UI's language writes it (QLocale: "1.2 MB", "500 字节")."""
    return QLocale().formattedDataSize(n, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def restore_backup(actions: DatabaseActions, ctx: AppContext | None) -> None:
    """File › Restore backup…: choose a copy of the open database (a file or a server's), put it
    back, reopen it."""
    from zqtracker.services import backups
    from zqtracker.ui.messages import confirm, run_dialog

    if ctx is None or ctx.database.read_only or actions.busy:
        return
    path = ctx.database.sqlite_path
    window = actions.window
    server = path is None
    if path is None:  # user@server/database, as the window's title names it
        from zqtracker.services.connections import short_name

        shown = short_name(ctx.database.url)
    else:
        shown = str(path)
    try:
        found = backups.list_for(ctx.database)
        refusal = backups.restore_refusal(ctx.database)  # a server's owner alone may: said before any work
    except Exception as exc:  # noqa: BLE001 - a backups folder, or a server, that cannot be read: one sentence
        _failed(window, exc)
        return
    dialog = RestoreDialog(window, shown, found, server=server, refusal=refusal)
    if run_dialog(dialog) != QDialog.DialogCode.Accepted or dialog.chosen is None:
        return
    chosen = dialog.chosen
    made = dialog.chosen_made or chosen.name
    if server:
        question = QCoreApplication.translate(
            "RestoreDialog",
            "Replace every project on the server database %1 with the copy made %2? Everyone connected to it "
            "will see the restored data. The database as it is now is kept as a copy.",
        )
    else:
        question = QCoreApplication.translate(
            "RestoreDialog",
            "Replace the projects in %1 with the copy made %2? The database as it is now is kept as a copy.",
        )
    name = shown if server else path.name  # type: ignore[union-attr]
    if not confirm(
        window,
        QCoreApplication.translate("RestoreDialog", "Restore backup"),
        question.replace("%1", name).replace("%2", made),
        QCoreApplication.translate("RestoreDialog", "Restore"),
    ):
        return
    _run_restore(actions, ctx, chosen)


def _failed(window: QWidget, exc: BaseException) -> None:
    from zqtracker.ui.messages import show_error

    show_error(window, exc, QCoreApplication.translate("RestoreDialog", "Cannot restore the backup"))


def _run_restore(actions: DatabaseActions, ctx: AppContext, chosen: Path) -> None:
    """Off the GUI thread: the restore, then the database opened again (the window adopts it as
    after File › Open, so every view reloads the restored data and the undo stack is cleared).
    Cancel stops it while the backup is checked and the database copied — nothing changed then,
    said in the status bar; once the database is being replaced the progress dialog says that
    this step cannot be cancelled, and its Cancel is disabled."""
    from zqtracker.services import backups
    from zqtracker.ui.database_actions import open_context
    from zqtracker.ui.operations import Operation

    database = ctx.database
    path = database.sqlite_path
    target = str(path) if path is not None else (getattr(actions.window, "target", "") or database.url)
    lang = ui_lang()
    opening = QCoreApplication.translate(
        "RestoreDialog", "Opening the restored database. This step cannot be cancelled."
    )

    def work(progress: Progress) -> AppContext:
        if path is None:
            backups.restore_server(database, chosen, progress, lang)
        else:
            backups.restore(chosen, path, progress, lang)
        progress.report(0, None, opening)  # past the point of no return: a cancel is refused
        return open_context(target)

    op = Operation(
        actions.window, work, title=lambda: QCoreApplication.translate("RestoreDialog", "Restoring the backup…")
    )
    op.success(lambda new_ctx: actions.adopt(target, new_ctx)).failure(lambda exc: _failed(actions.window, exc))
    cancelled = QCoreApplication.translate("RestoreDialog", "Restore cancelled: nothing was changed.")
    op.cancelled(lambda: _said(actions.window, cancelled))
    actions.track(op)
    op.run_in_background()


def _said(window: QWidget, sentence: str) -> None:
    from PySide6.QtWidgets import QMainWindow

    from zqtracker.ui.daily_backup import MESSAGE_MS

    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(sentence, MESSAGE_MS)


class BackupsPreference(QWidget):
    """Preferences › Keep backups: how many copies of each database are kept. Stored with the
    backups (services.backups), not in the settings registry, because the CLI keeps the same number."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = QSpinBox()
        self.count.setObjectName("backups_kept")
        self.count.setRange(1, 1000)
        self.count.setSuffix(self.tr(" copies per database"))
        hint = QLabel(
            self.tr(
                "A backup copy is made when a database is first opened each day and before every import, "
                "replace, upgrade and bulk delete; the oldest beyond this number are deleted. "
                "File › Restore backup… puts one back."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(muted_style(self.palette()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.count)
        layout.addWidget(hint)

    def load(self) -> None:
        from zqtracker.services import backups

        self.count.setValue(backups.keep_count())

    def save(self) -> None:
        from zqtracker.services import backups

        if self.count.value() != backups.keep_count():
            backups.set_keep_count(self.count.value())
