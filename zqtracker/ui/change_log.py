"""A project's audit trail (留痕): who changed what, when, and through which action — an edit,
the import of a file, a bulk change, an undo.

The detail pane is narrow (a third of a 1366-pixel screen at most), too narrow for four columns
side by side: there each change is one wrapped sentence with when, who and the action on a line
under it, beside the date and time. "Open in a window…" shows the whole log in a window of its own
— the four columns, the sentences wrapped, resizable — which also suits a long import's trail.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zqtracker.domain.history_words import action_in_sentence, action_text, field_text, value_text
from zqtracker.services.history import ChangeRow
from zqtracker.ui.palette import muted_style
from zqtracker.ui.translations import ui_lang


class Shown(NamedTuple):
    """One change as the log words it."""

    when: str
    who: str
    action: str
    change: str


def shown(rows: Sequence[ChangeRow]) -> list[Shown]:
    lang = ui_lang()
    return [
        Shown(str(r.changed_at)[:16], r.user_name, action_text(r.action, r.source, lang), change_text(r)) for r in rows
    ]


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.verticalHeader().setVisible(False)
    # rows as tall as their wrapped text, again whenever a column's width changes
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class _NoChanges(QLabel):
    """Said instead of an empty table: a project nobody has changed since the audit trail began."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("no_changes")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.hide()

    def follow(self, table: QTableWidget, empty: bool) -> None:
        """Shown (and the table hidden) when there is nothing to list; worded in the current language."""
        self.setText(
            QCoreApplication.translate(
                "ChangeLogView",
                "No changes have been recorded for this project yet. Edits, status changes, imports and undos "
                "will be listed here.",
            )
        )
        self.setVisible(empty)
        table.setVisible(not empty)

    def follow_palette(self, palette: QPalette) -> None:
        """Muted in the owner's palette (a dark one too); its own changes with the style sheet."""
        self.setStyleSheet(muted_style(palette))


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for i, cells in enumerate(rows):
        for j, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            table.setItem(i, j, item)


class ChangeLogView(QWidget):
    """The Changes tab of the detail pane: two columns, the change wrapped."""

    COL_WHEN, COL_CHANGE = 0, 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = _table(2)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.COL_WHEN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_CHANGE, QHeaderView.ResizeMode.Stretch)
        self.open_button = QPushButton()
        self.open_button.setObjectName("open_change_log")
        self.open_button.clicked.connect(self.open_window)
        self.no_changes = _NoChanges()
        self.no_changes.follow_palette(self.palette())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.no_changes, 1)  # (one of the two is shown)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.window_: ChangeLogWindow | None = None
        self.subject = ""  # whose log: the project's name, for the window's title
        self._rows: list[ChangeRow] = []
        self.entries: list[Shown] = []
        self._retranslate()

    def title(self) -> str:
        return self.tr("Changes")

    def show_changes(self, rows: Sequence[ChangeRow], subject: str = "") -> None:
        """Newest first, as the audit trail gives them."""
        self._rows, self.subject = list(rows), subject
        self.entries = shown(self._rows)
        details = self.tr("%1 · %2")
        _fill(
            self.table,
            [(e.when.replace(" ", "\n", 1), f"{e.change}\n{details.replace('%1', e.who).replace('%2', e.action)}")
             for e in self.entries],
        )  # fmt: skip
        self.open_button.setEnabled(bool(self.entries))
        self.no_changes.follow(self.table, bool(self.subject) and not self.entries)
        if self.window_ is not None:
            self.window_.show_entries(self.entries, self.subject)

    def open_window(self) -> ChangeLogWindow:
        """The whole log in a window of its own (one, brought to the front if open)."""
        if self.window_ is None:
            self.window_ = ChangeLogWindow(self.window())
            self.window_.destroyed.connect(self._on_window_destroyed)
        self.window_.show_entries(self.entries, self.subject)
        self.window_.show()
        self.window_.raise_()
        return self.window_

    def _on_window_destroyed(self) -> None:
        self.window_ = None

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.show_changes(self._rows, self.subject)
        elif event.type() == QEvent.Type.PaletteChange:
            self.no_changes.follow_palette(self.palette())
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("When (UTC)"), self.tr("Change")])
        self.open_button.setText(self.tr("Open in a window…"))
        self.open_button.setToolTip(
            self.tr("The whole change log in a window of its own, with who and the action in columns")
        )


class ChangeLogWindow(QDialog):
    """A project's change log in four columns, resizable; closes with its project's pane."""

    COL_WHEN, COL_WHO, COL_ACTION, COL_CHANGE = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("change_log_window")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setSizeGripEnabled(True)
        self.table = _table(4)
        header = self.table.horizontalHeader()
        for column in (self.COL_WHEN, self.COL_WHO):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_ACTION, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.COL_CHANGE, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        self.no_changes = _NoChanges()
        self.no_changes.follow_palette(self.palette())
        layout = QVBoxLayout(self)
        layout.addWidget(self.no_changes, 1)  # (one of the two is shown)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(960, 560)  # inside a 1366×768 screen with its taskbar
        self.entries: list[Shown] = []
        self.subject = ""
        self._retranslate()

    def show_entries(self, entries: list[Shown], subject: str) -> None:
        self.entries, self.subject = entries, subject
        _fill(self.table, [tuple(e) for e in entries])
        # the action as wide as its words, up to a third of the window (an import names its file)
        self.table.resizeColumnToContents(self.COL_ACTION)
        self.table.setColumnWidth(self.COL_ACTION, min(self.table.columnWidth(self.COL_ACTION), self.width() // 3))
        self.no_changes.follow(self.table, not entries)
        self._retitle()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.no_changes.follow_palette(self.palette())
        super().changeEvent(event)

    def _retitle(self) -> None:
        title = self.tr("Change log")
        self.setWindowTitle(
            self.tr("%1: %2").replace("%1", title).replace("%2", self.subject) if self.subject else title
        )

    def _retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("When (UTC)"), self.tr("Who"), self.tr("Action"), self.tr("Change")]
        )
        self.no_changes.follow(self.table, not self.entries)
        self._retitle()


def change_text(r: ChangeRow) -> str:
    """One change in a sentence's words: "Officer: (none) → 王芳"."""
    lang = ui_lang()
    if r.field in ("created", "deleted"):
        return field_text(r.field, lang)
    return (
        QCoreApplication.translate("ChangeLogView", "%1: %2 → %3")
        .replace("%1", field_text(r.field, lang))
        .replace("%2", value_text(r.field, r.old_value, lang))
        .replace("%3", value_text(r.field, r.new_value, lang))
    )


def conflict_detail(exc: BaseException) -> str:
    """What the other person did, from the audit trail the service attached to a refused write
    (empty when there is nothing to say)."""
    latest = getattr(exc, "latest", None) or []
    if not latest:
        return ""
    r = latest[0]
    same = [x for x in latest if (x.changed_at, x.user_name, x.action) == (r.changed_at, r.user_name, r.action)]
    lang = ui_lang()
    return (
        QCoreApplication.translate("ChangeLogView", "Latest change: %1 (UTC) by %2 (%3) — %4")
        .replace("%1", str(r.changed_at)[:16])
        .replace("%2", r.user_name)
        .replace("%3", action_in_sentence(r.action, r.source, lang))
        .replace("%4", QCoreApplication.translate("ChangeLogView", "; ").join(change_text(x) for x in reversed(same)))
    )
