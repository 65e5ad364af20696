"""Qt's own file dialog in the interface's language, down to its Size and Date Modified columns.

Qt's file dialog (used wherever the app's language is not the system's, see translations.py)
lists sizes through QFileSystemModel, which words them with ``QLocale::system()
.formattedDataSize()``: the *system's* locale, not the interface's, and IEC units — "12.06 KiB",
"1.5 MiB" even in the Chinese interface. No translation reaches that text (it is locale data, not
a ``tr()`` string), so a delegate words the column instead: 1024-based like Windows Explorer and
WPS, which write "KB" / "MB" in their Chinese versions too — the units a Chinese analyst reads
every day — with one decimal in the interface's number format, and bytes in the interface's
words ("500 bytes" / "500 字节"). The date beside it comes from the system's locale too ("3 12
2026 23:22" under a C locale): it is written in the interface's short format ("2026/12/3 23:22").

:class:`FileDialogSizes` watches the application's focus: the first time focus enters a
QFileDialog, its detail view gets the delegate. (An application-wide event filter would see
every event of every widget to catch the few file dialogs; the focus signal fires only when the
focus moves.)
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFileSystemModel,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

SIZE_COLUMN, TYPE_COLUMN, DATE_COLUMN = 1, 2, 3  # QFileSystemModel's: name, size, type, date modified
_UNITS = ("KB", "MB", "GB", "TB")


def size_text(size: int, locale: QLocale | None = None) -> str:
    """A file's size as the interface writes it: "500 bytes" / "500 字节", "12.1 KB", "1.5 MB"."""
    locale = locale or QLocale()
    if size < 1024:
        return QCoreApplication.translate("FileDialogSizes", "%1 bytes").replace("%1", locale.toString(size))
    value, power = size / 1024, 0
    while value >= 1024 and power < len(_UNITS) - 1:
        value, power = value / 1024, power + 1
    return f"{locale.toString(value, 'f', 1)} {_UNITS[power]}"


class FileSizeDelegate(QStyledItemDelegate):
    """The Size and Date Modified columns of a file dialog's detail view, in the interface's words."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        model = index.model()
        if not isinstance(model, QFileSystemModel):
            return
        if index.column() == SIZE_COLUMN and not model.isDir(index):
            option.text = size_text(model.size(index))
        elif index.column() == DATE_COLUMN:
            modified = model.lastModified(index)
            option.text = QLocale().toString(modified, QLocale.FormatType.ShortFormat)


class FileDialogSizes(QObject):
    """Gives every Qt file dialog the application opens the :class:`FileSizeDelegate`."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.delegate = FileSizeDelegate(self)
        app.focusChanged.connect(self._on_app_focus_changed)

    @classmethod
    def install(cls, app: QCoreApplication) -> FileDialogSizes | None:
        """Once per application (a second call finds the first); None without widgets (the CLI)."""
        if not isinstance(app, QApplication):
            return None
        return app.findChild(FileDialogSizes) or cls(app)

    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        window = new.window() if new is not None else None
        if isinstance(window, QFileDialog):
            for view in window.findChildren(QTreeView):
                if view.itemDelegateForColumn(SIZE_COLUMN) is self.delegate:
                    continue
                for column in (SIZE_COLUMN, DATE_COLUMN):
                    view.setItemDelegateForColumn(column, self.delegate)
                # size, type and date as wide as their words (Qt's fixed widths cut "500 bytes",
                # "Microsoft Excel Worksheet" and an English date); the name keeps the rest
                for column in (SIZE_COLUMN, TYPE_COLUMN, DATE_COLUMN):
                    view.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
