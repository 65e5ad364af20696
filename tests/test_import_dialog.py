"""The import dialog on its own (as the lead will wire it to File › Import and drag & drop):
preview, re-mapping a column from its header, importing with undo, remembering the correction."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from import_files import SheetSpec, write_workbook
from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMenu
from test_import_service import dump
from ui_helpers import undo_import

from zqtracker.domain.money import Unit
from zqtracker.domain.status import Status
from zqtracker.domain.words import APP
from zqtracker.services.context import AppContext
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.ui.events import DataEvents
from zqtracker.ui.import_dialog import ImportDialog
from zqtracker.ui.import_preview import STATUS_COLUMN

HEAD = ["序号", "项目编号", "项目名称", "所属行业", "所在区域", "项目状态", "金额（亿元）", "签约时间"]


def district_file(path: Path) -> Path:
    rows = [
        ["2023年10月 端州区重点项目进度表"],
        ["填报单位：端州区投资促进局"],
        HEAD,
        [1, "DZ-1", "已有项目", "光伏", "端州区", "投产", 12.1, date(2023, 1, 5)],
        [2, "DZ-2", "新项目甲", "新型储能", "端州区", "签约", 3, date(2023, 9, 1)],
        [3, "DZ-3", "新项目乙", "新型储能", "端州区", "还在想", 2, 2023.1],
        ["合计", None, None, None, None, None, 17.1],
    ]
    return write_workbook(path, SheetSpec("端州区", rows, merges=["A1:H1"]))


@pytest.fixture
def seeded(ctx: AppContext, tmp_path: Path) -> AppContext:
    first = write_workbook(
        tmp_path / "seed.xlsx",
        SheetSpec(
            "S",
            [
                ["项目编号", "项目名称", "所属行业", "所在区域", "项目状态", "计划总投资（亿元）", "签约时间"],
                ["DZ-1", "已有项目", "光伏", "端州区", "在建", 12, date(2023, 1, 5)],
            ],
        ),
    )
    assert ImportService(ctx.database).import_file(first, ImportOptions()).added == 1
    return ctx


def wait_idle(qtbot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.analysis is not None, timeout=30_000)
    qtbot.wait(50)


def choose_from_header_menu(qtbot, dialog: ImportDialog, section: int, text: str) -> None:
    """Clicks the column header and picks ``text`` in the menu that opens, as a user would."""

    def pick() -> None:
        menus = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]
        if not menus:
            QTimer.singleShot(50, pick)
            return
        menu = menus[0]
        action = next(a for a in menu.actions() if a.text() == text)
        menu.setActiveAction(action)
        action.trigger()
        menu.close()

    QTimer.singleShot(50, pick)
    dialog.preview.table.horizontalHeader().sectionClicked.emit(section)


def texts(dialog: ImportDialog, column: int) -> list[str]:
    m = dialog.preview.model
    return [m.data(m.index(r, column)) for r in range(m.rowCount())]


def test_preview_remap_import_undo_and_remember(
    qtbot, seeded: AppContext, db_path: Path, tmp_path: Path, artifacts: Path
) -> None:
    events, stack = DataEvents(), QUndoStack()
    changed: list[list] = []
    events.projects_changed.connect(changed.append)
    path = district_file(tmp_path / "端州区10月.xlsx")
    dialog = ImportDialog(seeded, events, stack, None, path, lang="en")
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, dialog)
    m = dialog.preview.model
    # the amount column was not recognised: it shows as not imported, the rows lack a planned amount
    assert m.headerData(7, 1) == "G  金额（亿元）\n→ not imported"
    assert m.headerData(6, 1) == "F  项目状态\n→ Status"
    assert not dialog.import_button.isEnabled()
    status = texts(dialog, STATUS_COLUMN)
    assert status[2] == "Header" and status[6] == "Total — skipped"
    dialog.grab().save(str(artifacts / "import_dialog_detected.png"))

    choose_from_header_menu(qtbot, dialog, 7, "Planned investment")
    try:
        qtbot.waitUntil(lambda: "Planned investment" in (m.headerData(7, 1) or ""), timeout=30_000)
    except Exception:
        print("ERR", repr((dialog.error_label.text(), dialog.is_busy(), m.headerData(7, 1), dialog.choices.options)))
        raise
    wait_idle(qtbot, dialog)
    assert m.headerData(7, 1) == "G  金额（亿元）\n→ Planned investment (¥100 million)"
    status = texts(dialog, STATUS_COLUMN)
    assert status[3] == (
        "Update: Status Under construction → In production, Planned investment 1,200,000,000 yuan → 1,210,000,000 "
        "yuan, Key project no → yes"  # (its title: 重点项目进度表)
    )
    assert status[4] == "New"
    assert status[5].startswith("Invalid: unknown status")
    # the problem cells are marked, with the reason on hover
    assert "unknown status '还在想'" in m.data(m.index(5, 6), 3)
    assert "could be January or October" in m.data(m.index(5, 8), 3)
    assert m.data(m.index(5, 6), 8) is not None  # background
    assert dialog.problem_list.tree.topLevelItemCount() == 2
    assert "New 1 · Updated 1 · Unchanged 0 · Invalid rows 1" in dialog.problem_list.counts_label.text()
    assert not dialog.import_button.isEnabled()  # all or nothing
    report = dialog.export_problems(tmp_path / "problems.xlsx", dialog.analysis.problems)
    ws = openpyxl.load_workbook(report).active
    assert [c.value for c in ws[3]][:5] == ["端州区", 6, "F", "还在想", None] or ws.cell(3, 1).value == "端州区"
    reasons = [ws.cell(r, 6).value for r in range(3, ws.max_row + 1)]  # the dialog's remedies, no flag
    assert reasons == [p.reason("en", APP) for p in dialog.analysis.problems] and not any("--" in r for r in reasons)

    dialog.skip_check.setChecked(True)
    wait_idle(qtbot, dialog)
    assert dialog.import_button.isEnabled()
    dialog.grab().save(str(artifacts / "import_dialog_remapped.png"))
    before = dump(db_path)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=30_000)
    assert dialog.import_result.written and (dialog.import_result.added, dialog.import_result.updated) == (1, 1)
    assert "Imported: 1 new, 1 updated" in dialog.problem_list.counts_label.text()
    dialog.grab().save(str(artifacts / "import_dialog_done.png"))
    after = dump(db_path)
    by_code = {p.code: p for p in seeded.projects.all_projects()}
    assert by_code["DZ-1"].status is Status.IN_PRODUCTION and by_code["DZ-1"].planned_investment == 1_210_000_000
    assert stack.count() == 1 and changed and set(changed[-1]) == {by_code["DZ-1"].id, by_code["DZ-2"].id}
    undo_import(qtbot, stack)
    assert dump(db_path) == before
    undo_import(qtbot, stack, redo=True)
    assert dump(db_path) == after

    # the correction is remembered: the next month's file with these headers maps at once
    nxt = district_file(tmp_path / "端州区11月.xlsx")
    again = ImportDialog(seeded, events, stack, None, nxt, lang="en")
    qtbot.addWidget(again)
    wait_idle(qtbot, again)
    assert again.preview.model.headerData(7, 1) == "G  金额（亿元）\n→ Planned investment (¥100 million)"
    assert any("column mapping you corrected" in n.message("en") for n in again.analysis.notes)


def test_refused_file_is_one_sentence_in_the_dialog(qtbot, ctx: AppContext) -> None:
    dialog = ImportDialog(
        ctx, DataEvents(), QUndoStack(), None, Path("/work/shared/corpus/poi-xlsx/protect.xlsx"), lang="en"
    )
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=30_000)
    qtbot.wait(50)
    assert "protect.xlsx is a password-protected" in dialog.error_label.text()
    assert not dialog.import_button.isEnabled()


def test_the_dialog_in_chinese(qtbot, seeded: AppContext, tmp_path: Path, artifacts: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from zqtracker.paths import resources_dir

    translator = QTranslator()
    assert translator.load(str(resources_dir() / "translations" / "import_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        dialog = ImportDialog(
            seeded, DataEvents(), QUndoStack(), None, district_file(tmp_path / "端州区.xlsx"), lang="zh"
        )
        qtbot.addWidget(dialog)
        dialog.show()
        wait_idle(qtbot, dialog)
        dialog.apply_choice(6, ("field", "planned_investment"))
        wait_idle(qtbot, dialog)
        assert dialog.import_button.text() == "导入" and dialog.skip_check.text().startswith("跳过")
        status = texts(dialog, STATUS_COLUMN)
        updated = "更新：项目状态 在建 → 投产，计划总投资 1,200,000,000 元 → 1,210,000,000 元"
        assert status[3] == updated + "，重点项目 否 → 是"  # (its title: 重点项目进度表)
        assert status[4] == "新增" and status[6] == "合计行——跳过"
        assert dialog.preview.model.headerData(7, 1) == "G  金额（亿元）\n→ 计划总投资（亿元）"
        reasons = [
            dialog.problem_list.tree.topLevelItem(i).text(4)
            for i in range(dialog.problem_list.tree.topLevelItemCount())
        ]
        assert "无法识别的项目状态“还在想”" in reasons
        dialog.grab().save(str(artifacts / "import_dialog_zh.png"))
    finally:
        QCoreApplication.removeTranslator(translator)


def test_cancelling_the_import_writes_nothing(qtbot, ctx: AppContext, db_path: Path, tmp_path: Path) -> None:
    # A district list of 5,000 projects, written here (the import takes long enough to be cancelled).
    districts, statuses = ["端州区", "鼎湖区", "高要区", "四会市"], ["签约", "在建", "投产"]
    rows: list[list] = [["2023年10月 重点项目进度表"], HEAD[:7]]
    rows += [
        [n, f"C-{n:05d}", f"项目{n:05d}", "新型储能", districts[n % 4], statuses[n % 3], n / 100]
        for n in range(1, 5001)
    ]
    path = write_workbook(tmp_path / "p.xlsx", SheetSpec("清单", rows))
    stack = QUndoStack()
    dialog = ImportDialog(ctx, DataEvents(), stack, None, path, lang="en")
    qtbot.addWidget(dialog)
    wait_idle(qtbot, dialog)
    assert dialog.import_button.isEnabled() and dialog.analysis.added == 5_000
    before = dump(db_path)
    dialog.import_button.click()
    dialog.operation.cancel()  # what the progress dialog's Cancel button does
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=60_000)
    assert dialog.error_label.text() == "Import cancelled: nothing was written."
    assert dump(db_path) == before and stack.count() == 0 and dialog.import_result is None


def test_choices_made_while_rows_are_checked_are_not_lost(qtbot, seeded: AppContext, tmp_path: Path) -> None:
    dialog = ImportDialog(seeded, DataEvents(), QUndoStack(), None, district_file(tmp_path / "d.xlsx"), lang="en")
    qtbot.addWidget(dialog)
    wait_idle(qtbot, dialog)
    dialog.apply_choice(6, ("field", "planned_investment"))  # starts a check
    dialog.apply_choice(7, ("field", None))  # while it runs: the signing date is not to be imported
    assert dialog.is_busy() and not dialog.import_button.isEnabled()
    qtbot.waitUntil(
        lambda: (
            not dialog.is_busy()
            and not dialog._pending
            and "Planned investment" in dialog.preview.model.headerData(7, 1)
        ),
        timeout=30_000,
    )
    wait_idle(qtbot, dialog)
    assert dialog.preview.model.headerData(8, 1) == "H  签约时间\n→ not imported"
    assert "could be January or October" not in " ".join(p.reason() for p in dialog.analysis.problems)


def test_choosing_the_unit_of_unitless_amounts_in_the_dialog(
    qtbot, ctx: AppContext, tmp_path: Path, artifacts: Path
) -> None:
    # Found by fuzzing the dialog: the unit box handed the analysis a bare string ("wan"), and the
    # preview failed with "'str' object has no attribute 'factor'".
    path = write_workbook(tmp_path / "高要区.xlsx", SheetSpec("高要区", [
        ["项目名称", "所属行业", "所在区域", "计划总投资"],
        ["储能项目", "新型储能", "高要区", 12_000],
        ["电池项目", "新型储能", "高要区", 3_500.5],
    ]))  # fmt: skip
    dialog = ImportDialog(ctx, DataEvents(), QUndoStack(), None, path, lang="en")
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, dialog)
    assert dialog.analysis is not None and dialog.analysis.needs_unit and not dialog.import_button.isEnabled()
    dialog.options_bar.unit_combo.setCurrentIndex(dialog.options_bar.unit_combo.findData("wan"))
    qtbot.waitUntil(lambda: dialog.error_label.text() != "" or dialog.import_button.isEnabled(), timeout=30_000)
    wait_idle(qtbot, dialog)
    assert dialog.error_label.text() == ""
    assert dialog.choices.options.unit is Unit.WAN
    assert dialog.import_button.isEnabled()
    dialog.grab().save(str(artifacts / "import_dialog_unit_chosen.png"))
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=30_000)
    assert dialog.import_result.added == 2
    planned = sorted(p.planned_investment for p in ctx.projects.all_projects() if p.district == "高要区")
    assert planned == [35_005_000, 120_000_000]
