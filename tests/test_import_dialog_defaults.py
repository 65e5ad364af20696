"""The preview's defaults for rows without a district, sector or status, driven as a user would
(probe26c M1: O23s, O23t, c47, c47b). The district field starts with what the sheet on show says
of itself; that suggestion is no answer: setting only a sector or a status, or leaving the district
field, must not send it as the user's district (which would then hold for every sheet, outrank
each sheet's own and silence "whose projects are these"). Real widgets, real files, both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QUndoStack
from PySide6.QtWidgets import QApplication
from test_import_dialog import wait_idle

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.ui.events import DataEvents
from zqtracker.ui.import_dialog import ImportDialog

_HEAD = ["序号", "项目名称", "建设单位", "计划总投资（万元）", "1-10月完成投资（万元）", "建设状态"]


def district_sheets(path: Path) -> Path:
    """Three sheets named for their districts (端州区 2 projects, 高要区 3, 四会市 2), a title naming
    none, no district or sector column (probe25c c47)."""

    def sheet(name: str, rows: list[list]) -> SheetSpec:
        numbered = [[i, *row] for i, row in enumerate(rows, 1)]
        return SheetSpec(name, [["2025年1-10月重点项目进展情况表"], ["单位：万元"], _HEAD, *numbered])

    return write_workbook(
        path,
        sheet("端州区", [["端州区智能装备产业园项目", "肇庆端甲公司", 30000, 8000, "在建"],
                         ["端州区电子信息产业项目", "肇庆端乙公司", 15000, 4500, "在建"]]),
        sheet("高要区", [["高要区新能源电池项目", "肇庆高甲公司", 50000, 15000, "在建"],
                         ["高要区金属制品扩产项目", "肇庆高乙公司", 12000, 4800, "在建"],
                         ["高要区食品加工项目", "肇庆高丙公司", 8000, 2600, "投产"]]),
        sheet("四会市", [["四会市玉器文化产业园项目", "四会甲公司", 20000, 7100, "在建"],
                         ["四会市汽车零部件项目", "四会乙公司", 45000, 9900, "在建"]]),
    )  # fmt: skip


def opened(qtbot, ctx: AppContext, path: Path, tmp_path: Path) -> ImportDialog:
    """The dialog on ``path`` with a mapping store of its own (nothing remembered), its preview done."""
    dialog = ImportDialog(ctx, DataEvents(), QUndoStack(), None, lang="en")
    dialog.service.mappings = MappingStore(tmp_path / "mappings.json")
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    dialog.open_path(path)
    wait_idle(qtbot, dialog)
    return dialog


def type_into(qtbot, dialog: ImportDialog, combo, text: str) -> None:
    """Select the field's text, type ``text`` over it as a Chinese input method commits it, leave the
    field; the preview is checked again."""
    before = dialog.analysis
    edit = combo.lineEdit()
    edit.setFocus()
    edit.selectAll()
    typed = QInputMethodEvent()
    typed.setCommitString(text)
    QApplication.sendEvent(edit, typed)
    assert edit.text() == text
    edit.editingFinished.emit()
    qtbot.waitUntil(lambda: dialog.analysis is not before and not dialog.is_busy() and not dialog._pending)
    wait_idle(qtbot, dialog)


def import_now(qtbot, dialog: ImportDialog) -> None:
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=30_000)
    assert dialog.import_result.written


@pytest.mark.parametrize("touch", ["sector", "status", "leave district"])
def test_a_sector_or_status_default_leaves_each_sheet_its_district(
    qtbot, ctx: AppContext, tmp_path: Path, artifacts: Path, touch: str
) -> None:
    """c47: the field shows 端州区 (the first sheet's name); the analyst sets only a sector (or a
    status, or clicks into the district field and out): each sheet keeps its own district."""
    dialog = opened(qtbot, ctx, district_sheets(tmp_path / "districts.xlsx"), tmp_path)
    d = dialog.questions.defaults
    assert d.district_combo.currentText() == "端州区" and "sheet's name" in d.district_source.text()
    if touch == "sector":
        type_into(qtbot, dialog, d.sector_combo, "新能源")
    elif touch == "status":
        before = dialog.analysis
        d.status_combo.setCurrentIndex(d.status_combo.findData("under_construction"))
        qtbot.waitUntil(lambda: dialog.analysis is not before and not dialog.is_busy() and not dialog._pending)
        wait_idle(qtbot, dialog)
    else:
        d.district_combo.lineEdit().setFocus()
        d.district_combo.lineEdit().editingFinished.emit()  # focus leaves it, nothing typed
        wait_idle(qtbot, dialog)
    o = dialog.choices.options
    assert o.district is None  # the suggestion was not sent as the user's --district
    assert (o.sector, o.status) == {
        "sector": ("新能源", None),
        "status": (None, "under_construction"),
        "leave district": (None, None),
    }[touch]
    assert d.district_combo.currentText() == "端州区" and "sheet's name" in d.district_source.text()  # still shown
    if touch == "sector":
        dialog.grab().save(str(artifacts / "import-defaults-sector-only.png"))
    import_now(qtbot, dialog)
    by_name = {p.name: p for p in ctx.projects.all_projects()}
    districts = sorted((p.district, p.name) for p in by_name.values())
    # 端州区 2, 高要区 3, 四会市 2 — before the fix all 7 were stored in 端州区
    assert [d for d, _n in districts].count("端州区") == 2
    assert [d for d, _n in districts].count("高要区") == 3
    assert [d for d, _n in districts].count("四会市") == 2
    assert all(n.startswith(d) for d, n in districts)
    # 30000+15000+50000+12000+8000+20000+45000 = 180000万元 = 1,800,000,000 yuan
    assert sum(p.planned_investment for p in by_name.values()) == 1_800_000_000
    if touch == "sector":
        assert {p.sector for p in by_name.values()} == {"新能源"}


def title_against_sheet(path: Path) -> Path:
    """Sheet 鼎湖区 under the title 端州区…, no district column (probe26c O23): whose projects are these?"""
    rows = [
        ["端州区2025年1-10月重点项目进展情况表"],
        ["单位：万元"],
        ["序号", "项目名称", "建设单位", "项目状态", "计划总投资", "1-10月累计完成投资"],
        [1, "鼎湖文旅综合体项目", "肇庆某文旅有限公司", "在建", 100000, 12000],
        [2, "鼎湖新材料项目", "肇庆某材料有限公司", "在建", 30000, 5000],
    ]
    return write_workbook(path, SheetSpec("鼎湖区", rows))


def test_a_sector_default_does_not_answer_whose_projects_these_are(
    qtbot, ctx: AppContext, tmp_path: Path, artifacts: Path
) -> None:
    """O23s: the title says 端州区, the sheet's name 鼎湖区; the field suggests 端州区 (from the title).
    Setting only a sector leaves the question asked (Import waits); typing 鼎湖区 answers it."""
    dialog = opened(qtbot, ctx, title_against_sheet(tmp_path / "o23.xlsx"), tmp_path)
    d = dialog.questions.defaults
    assert d.district_combo.currentText() == "端州区" and "title" in d.district_source.text()

    def asked() -> bool:
        return any("whose projects are these" in p.reason("en") for p in dialog.analysis.problems)

    assert asked() and not dialog.import_button.isEnabled()
    type_into(qtbot, dialog, d.sector_combo, "文旅")
    assert dialog.choices.options.district is None and dialog.choices.options.sector == "文旅"
    assert asked() and not dialog.import_button.isEnabled()  # before the fix: gone, 2 projects into 端州区
    dialog.grab().save(str(artifacts / "import-defaults-o23-still-asked.png"))
    type_into(qtbot, dialog, d.district_combo, "鼎湖区")  # the analyst's answer
    assert dialog.choices.options.district == "鼎湖区" and not asked()
    import_now(qtbot, dialog)
    projects = sorted(ctx.projects.all_projects(), key=lambda p: p.name)
    assert [(p.name, p.district, p.sector) for p in projects] == [
        ("鼎湖文旅综合体项目", "鼎湖区", "文旅"),
        ("鼎湖新材料项目", "鼎湖区", "文旅"),
    ]
    # 100000万元 = 1,000,000,000 and 30000万元 = 300,000,000 yuan
    assert [p.planned_investment for p in projects] == [1_000_000_000, 300_000_000]


def test_typing_the_suggested_district_is_an_answer(qtbot, ctx: AppContext, tmp_path: Path) -> None:
    """Typed by the analyst, the district the title suggests (端州区) is theirs: the question is answered."""
    dialog = opened(qtbot, ctx, title_against_sheet(tmp_path / "o23.xlsx"), tmp_path)
    type_into(qtbot, dialog, dialog.questions.defaults.district_combo, "端州区")
    assert dialog.choices.options.district == "端州区"
    assert not dialog.analysis.problems and dialog.import_button.isEnabled()
