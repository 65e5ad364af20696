"""Qt's own file dialog lists sizes as the interface writes them (#15): "12.1 KB" and "500 字节"
in the Chinese interface, "500 bytes" in the English one — never Qt's "12.06 KiB" from the
system's locale. Opened the way the app opens it (QFileDialog's static function)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QFileInfo, QLocale, QModelIndex
from PySide6.QtWidgets import QFileDialog, QStyleOptionViewItem, QTreeView, QWidget
from ui_helpers import when_modal
from ui_language import problems

from zqtracker.ui.file_dialogs import DATE_COLUMN, SIZE_COLUMN, FileSizeDelegate, size_text

SHOTS = [Path(__file__).resolve().parent.parent / "artifacts" / "file_sizes", Path("/work/shots/ux2/file_sizes")]


def shown_size(view: QTreeView, index: QModelIndex) -> str:
    """The Size cell's text as the view paints it: through its delegate."""
    delegate = view.itemDelegateForIndex(index)
    if isinstance(delegate, FileSizeDelegate):
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, index)
        return option.text
    return str(index.data())  # Qt's own delegate paints the model's text


def file_sizes(dialog: QWidget, column: int = SIZE_COLUMN) -> dict[str, str]:
    """Each file's name → its Size (or another) cell, in the dialog's detail view."""
    view = next(v for v in dialog.findChildren(QTreeView) if v.isVisible())
    model, root = view.model(), view.rootIndex()
    return {
        model.index(r, 0, root).data(): shown_size(view, model.index(r, column, root))
        for r in range(model.rowCount(root))
    }


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_file_dialog_words_sizes_in_the_interfaces_language(qtbot, translations, tmp_path: Path, lang) -> None:
    translations.switch("zh_CN" if lang == "zh" else "en")
    (tmp_path / "高要区.xlsx").write_bytes(b"x" * 12_345)
    (tmp_path / "small.csv").write_bytes(b"x" * 500)
    (tmp_path / "big.xlsx").write_bytes(b"x" * (3 * 1024 * 1024 + 200 * 1024))
    seen: dict[str, str] = {}
    dates: dict[str, str] = {}
    clipped: list[str] = []

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)  # Qt's own, not a native one
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        dialog.resize(900, 500)
        qtbot.waitUntil(lambda: len(file_sizes(dialog)) == 3 and all(file_sizes(dialog).values()), timeout=10_000)
        qtbot.wait(100)  # the sizes read (by Qt's gatherer thread)
        seen.update(file_sizes(dialog))
        view = next(v for v in dialog.findChildren(QTreeView) if v.isVisible())
        for column in (SIZE_COLUMN, 2, DATE_COLUMN):  # nothing cut short: each column as wide as its words
            texts = file_sizes(dialog, column).values() if column != SIZE_COLUMN else seen.values()
            need = max(view.fontMetrics().horizontalAdvance(t) for t in texts)
            clipped.extend(
                f"column {column}: {view.columnWidth(column)} < {need}" for _ in [0] if view.columnWidth(column) < need
            )
        dates.update(file_sizes(dialog, DATE_COLUMN))
        for folder in SHOTS:
            if folder.parent.exists():
                folder.mkdir(parents=True, exist_ok=True)
                dialog.grab().save(str(folder / f"file-dialog-{lang}.png"))
        dialog.reject()

    when_modal(answer)
    QFileDialog.getOpenFileName(None, "", str(tmp_path))
    assert seen, "the file dialog did not open"
    assert clipped == [], clipped
    assert seen == {
        "高要区.xlsx": "12.1 KB",
        "small.csv": "500 字节" if lang == "zh" else "500 bytes",
        "big.xlsx": "3.2 MB",
    }, seen
    assert problems([(name, size) for name, size in seen.items()], lang) == []
    # the date as the interface writes it (2026/12/3 23:22 in Chinese), not the system's locale's
    modified = QFileInfo(str(tmp_path / "small.csv")).lastModified()
    assert dates["small.csv"] == QLocale().toString(modified, QLocale.FormatType.ShortFormat), dates


def test_sizes_follow_the_interfaces_number_format() -> None:
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert size_text(12_345, german) == "12,1 KB" and size_text(5 * 1024**4, german) == "5,0 TB"
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert size_text(1023, english) == "1,023 bytes" and size_text(1024, english) == "1.0 KB"
