"""The import preview's row numbers: the sheet's own, in a header as wide as the widest of them.

Qt measures every one of a vertical header's first and last hundred sections at each layout pass
of the dialog; the preview measures the first and the last only (ui/import_sheet_preview.py), so
the width must still fit the widest label, wherever the table is scrolled."""

from __future__ import annotations

from pathlib import Path

from import_files import SheetSpec, write_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from zqtracker.services.context import AppContext
from zqtracker.ui.events import DataEvents
from zqtracker.ui.import_dialog import ImportDialog

HEAD = ["项目编号", "项目名称", "所属行业", "所在区域", "项目状态", "计划总投资（亿元）"]


def test_row_numbers_fit_the_widest_label(qtbot, ctx: AppContext, tmp_path: Path, artifacts: Path) -> None:
    rows = [["2023年端州区项目清单"], HEAD]
    rows += [[f"DZ-{i}", f"第{i}号项目", "光伏", "端州区", "在建", 1 + i % 7] for i in range(1, 10_001)]
    path = write_workbook(tmp_path / "端州区.xlsx", SheetSpec("端州区", rows))
    dialog = ImportDialog(ctx, DataEvents(), QUndoStack(), None, path, lang="zh")
    qtbot.addWidget(dialog)
    dialog.resize(1100, 700)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.analysis is not None, timeout=60_000)
    qtbot.wait(50)
    table = dialog.preview.table
    header = table.verticalHeader()
    model = table.model()
    assert model.rowCount() == 10_002
    # the sheet's own row numbers: the title is row 1, the last project row 10,002
    assert model.headerData(0, Qt.Orientation.Vertical) == "1"
    assert model.headerData(10_001, Qt.Orientation.Vertical) == "10002"
    widest = header.fontMetrics().horizontalAdvance("10002")
    assert header.width() >= widest
    assert header.width() >= header.sectionSizeFromContents(10_001).width()
    assert header.width() < header.sectionSizeFromContents(10_001).width() + 40  # not wider than it needs
    table.scrollToBottom()
    qtbot.wait(50)
    assert header.width() >= header.sectionSizeFromContents(10_001).width()
    dialog.grab().save(str(artifacts / "import_preview_row_numbers.png"))
