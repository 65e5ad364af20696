"""A column's unit remembered from an earlier month against the unit the next file states (probe26c
M2, special reopen "colunit"). October's 项目金额 column has no unit: the analyst maps it to the
planned investment in 万元, remembered. November's file says 单位：亿元 over the same headers: its
5.2 and 3 are 亿元 (520,000,000 and 300,000,000 yuan), not 万元 (52,000 and 30,000 yuan, what was
stored before). The file's own unit wins, and a note says the remembered one was not used; a file
that again states nothing is read in the remembered unit. In the dialog and through ImportService
(what the CLI runs, reading the same remembered mappings), on both engines."""

from __future__ import annotations

from pathlib import Path

from import_files import SheetSpec, write_workbook
from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMenu
from test_import_dialog import choose_from_header_menu, wait_idle

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import Mapping, MappingStore
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.ui.events import DataEvents
from zqtracker.ui.import_dialog import ImportDialog

_HEAD = ["序号", "项目名称", "所在区域", "项目状态", "项目金额"]
E = 5  # the preview's section of column E (section 0 says what happens to the row)


def month(path: Path, m: int, amounts: tuple, unit_line: str | None) -> Path:
    title = [f"肇庆市高要区2025年1-{m}月重点项目进展情况表"]
    rows = [
        [1, "高要金属新材料项目", "高要区", "在建", amounts[0]],
        [2, "高要储能电池项目", "高要区", "签约", amounts[1]],
    ]
    return write_workbook(path, SheetSpec("Sheet1", [title, *([[unit_line]] if unit_line else []), _HEAD, *rows]))


def planned(ctx: AppContext) -> dict[str, int | None]:
    return {p.name: p.planned_investment for p in ctx.projects.all_projects()}


def dialog_on(qtbot, ctx: AppContext, store: MappingStore, path: Path) -> ImportDialog:
    dialog = ImportDialog(ctx, DataEvents(), QUndoStack(), None, lang="en")
    dialog.service.mappings = store  # this test's remembered mappings (the user's config file)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    dialog.open_path(path)
    wait_idle(qtbot, dialog)
    return dialog


def choose_unit(qtbot, dialog: ImportDialog, section: int, unit: str) -> None:
    """The column header's menu › Unit of this column › ``unit``, as a user picks it."""
    before = dialog.analysis

    def pick() -> None:
        menus = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]
        if not menus:
            QTimer.singleShot(50, pick)
            return
        menu = menus[0]
        sub = next(a for a in menu.actions() if a.text() == "Unit of this column").menu()
        action = next(a for a in sub.actions() if a.text() == unit)
        menu.setActiveAction(action)
        action.trigger()
        menu.close()

    QTimer.singleShot(50, pick)
    dialog.preview.table.horizontalHeader().sectionClicked.emit(section)
    qtbot.waitUntil(lambda: dialog.analysis is not before and not dialog.is_busy() and not dialog._pending)
    wait_idle(qtbot, dialog)


def imported(qtbot, dialog: ImportDialog) -> None:
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=30_000)
    assert dialog.import_result.written


def remapped(qtbot, dialog: ImportDialog, section: int, field: str) -> None:
    before = dialog.analysis
    choose_from_header_menu(qtbot, dialog, section, field)
    qtbot.waitUntil(lambda: dialog.analysis is not before and not dialog.is_busy() and not dialog._pending)
    wait_idle(qtbot, dialog)


def test_the_files_unit_line_wins_over_a_remembered_column_unit_in_the_dialog(
    qtbot, ctx: AppContext, tmp_path: Path, artifacts: Path
) -> None:
    store = MappingStore(tmp_path / "mappings.json")
    october = dialog_on(qtbot, ctx, store, month(tmp_path / "oct.xlsx", 10, (50000, 30000), None))
    remapped(qtbot, october, E, "Planned investment")
    choose_unit(qtbot, october, E, "¥10,000")
    assert october.preview.model.headerData(E, 1) == "E  项目金额\n→ Planned investment (¥10,000)"
    imported(qtbot, october)  # "Remember my column choices" is on
    # 50000万元 = 500,000,000 yuan; 30000万元 = 300,000,000 yuan
    assert planned(ctx) == {"高要金属新材料项目": 500_000_000, "高要储能电池项目": 300_000_000}
    october.close()

    november = dialog_on(qtbot, ctx, store, month(tmp_path / "nov.xlsx", 11, (5.2, 3), "单位：亿元"))
    notes = [n.message("en") for n in november.analysis.notes]
    assert "Sheet “Sheet1”: using the column mapping you corrected before for these headers." in notes
    said = (
        "Sheet “Sheet1”: column E “项目金额” is read in 亿元, as the sheet says, not in 万元, the unit you gave it "
        "in an earlier file with these headers."
    )
    assert said in notes and said in november.notes_label.text()
    assert november.preview.model.headerData(E, 1) == "E  项目金额\n→ Planned investment (¥100 million)"
    # a correction of another kind on the sheet copies the remembered mapping into the dialog's choices:
    # its unit stays a remembered one (the file's 亿元 still wins)
    remapped(qtbot, november, E, "Planned investment")
    assert november.choices.options.mappings["Sheet1"].remembered_units == {4}
    assert november.preview.model.headerData(E, 1) == "E  项目金额\n→ Planned investment (¥100 million)"
    november.grab().save(str(artifacts / "import-remembered-unit-overruled.png"))
    imported(qtbot, november)
    # 5.2亿元 = 520,000,000 yuan; 3亿元 = 300,000,000 yuan (before the fix: 52,000 and 30,000)
    assert planned(ctx) == {"高要金属新材料项目": 520_000_000, "高要储能电池项目": 300_000_000}
    november.close()

    # a unit the analyst chooses for this file is theirs, over the unit line
    again = dialog_on(qtbot, ctx, store, month(tmp_path / "nov2.xlsx", 11, (52000, 30000), "单位：亿元"))
    choose_unit(qtbot, again, E, "¥10,000")
    assert again.preview.model.headerData(E, 1) == "E  项目金额\n→ Planned investment (¥10,000)"
    assert not any("the unit you gave it" in n.message("en") for n in again.analysis.notes)
    # 52000万元 = 520,000,000 yuan: the same figure, unchanged
    assert (again.analysis.added, again.analysis.updated, again.analysis.unchanged) == (0, 0, 2)


def test_the_files_unit_line_wins_over_a_remembered_column_unit_on_the_command_line(
    ctx: AppContext, tmp_path: Path
) -> None:
    """The CLI reads the mappings the dialog remembered (ImportService with the same store)."""
    service = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))
    october = month(tmp_path / "oct.xlsx", 10, (50000, 30000), None)
    sheet = service.read(october).sheets[0]
    key = service.layout_of(sheet, ImportOptions())[1]
    service.remember(key, Mapping({4: "planned_investment"}, {4: 10_000}))  # E: planned investment in 万元
    result = service.import_file(october, ImportOptions())
    assert result.written and (result.added, result.updated) == (2, 0)
    # 50000万元 = 500,000,000 yuan; 30000万元 = 300,000,000 yuan
    assert planned(ctx) == {"高要金属新材料项目": 500_000_000, "高要储能电池项目": 300_000_000}

    november = month(tmp_path / "nov.xlsx", 11, (5.2, 3), "单位：亿元")
    result = service.import_file(november, ImportOptions())
    assert result.written and (result.added, result.updated) == (0, 1)
    # 5.2亿元 = 520,000,000 yuan (updated); 3亿元 = 300,000,000 yuan (unchanged)
    assert planned(ctx) == {"高要金属新材料项目": 520_000_000, "高要储能电池项目": 300_000_000}
    assert any(n.code == "note_remembered_unit" and n.params["remembered"] == "万元" for n in result.notes)
    zh = next(n.message("zh") for n in result.notes if n.code == "note_remembered_unit")
    assert zh == "工作表“Sheet1”：E 列“项目金额”按本表所注的亿元读取，而不是此前同样表头的文件中为该列指定的万元。"

    # December states no unit again: the remembered 万元 is read (52000万元 = 520,000,000 yuan; 31000万元 =
    # 310,000,000 yuan), nothing said of it
    december = month(tmp_path / "dec.xlsx", 12, (52000, 31000), None)
    result = service.import_file(december, ImportOptions())
    assert planned(ctx) == {"高要金属新材料项目": 520_000_000, "高要储能电池项目": 310_000_000}
    assert not any(n.code == "note_remembered_unit" for n in result.notes)
