"""Money on screen as the bureau's tables write it: the table, the detail pane, the editor, the
import's change texts, and the "show every digit" preference."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from ui_helpers import accept, when_modal

from zqtracker.domain.models import Project
from zqtracker.domain.money import Unit
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.import_model import FieldChange
from zqtracker.ui.import_preview import diff_text
from zqtracker.ui.settings import MONEY_EXACT


def _project(ctx: AppContext) -> Project:
    return ctx.projects.create(
        Project("高要智能装备项目", "智能装备", "高要区", Status.SIGNED, 2_720_000_000,
                expected_annual_tax=7_813_560, code="M-1")
    )  # fmt: skip


def test_chinese_table_and_detail_pane_round_to_the_usual_decimals(
    make_window, ctx: AppContext, translations, settings, artifacts, qtbot
) -> None:
    p = _project(ctx)
    translations.switch("zh")
    window = make_window(ctx)
    model = window.projects.model
    planned = model.index(0, model.column_of("planned_investment"))
    assert model.data(planned) == "27.20"  # once 27.2000
    assert model.headerData(planned.column(), Qt.Orientation.Horizontal) == "计划总投资\n（亿元）"  # two lines
    assert "2,720,000,000" in model.data(planned, Qt.ItemDataRole.ToolTipRole)
    window.projects.table.select_ids([p.id])
    detail = window.projects.detail
    qtbot.waitUntil(lambda: detail.project_id == p.id)
    assert detail._values["expected_annual_tax"].text() == "0.08亿元"  # once 0.0781356亿元
    assert "7,813,560" in detail._values["expected_annual_tax"].toolTip()

    settings.set(MONEY_EXACT, True)  # Preferences › Show every digit: announced, followed at once
    assert model.data(planned) == "27.20"
    assert detail._values["expected_annual_tax"].text() == "0.0781356亿元"
    settings.money_unit = Unit.WAN
    assert model.data(planned) == "272,000"
    assert model.headerData(planned.column(), Qt.Orientation.Horizontal) == "计划总投资\n（万元）"
    window.resize(1366, 740)
    qtbot.wait(50)
    window.grab().save(str(artifacts / "money-zh-wan-exact.png"))


def test_english_reads_billions_and_millions(make_window, ctx: AppContext, settings) -> None:
    _project(ctx)
    window = make_window(ctx)
    model = window.projects.model
    planned = model.index(0, model.column_of("planned_investment"))
    assert model.data(planned) == "2.720"
    assert model.headerData(planned.column(), Qt.Orientation.Horizontal) == "Planned investment\n(¥ bn)"
    assert "planned ¥2.720 bn" in window.summary_label.text()  # not "27.20 100m yuan"
    settings.money_unit = Unit.WAN
    assert model.data(planned) == "2,720.00"
    assert "planned ¥2,720.00 mn" in window.summary_label.text()


def add_the_district(box: QMessageBox) -> None:
    """The editor's question before it adds a district (in either language): its Add button."""
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()


def test_the_chinese_editor_reads_a_plain_number_in_yi(make_window, ctx: AppContext, translations) -> None:
    translations.switch("zh")
    window = make_window(ctx)

    def answer(editor) -> None:
        editor.form.name.setText("西江项目")
        editor.form.sector.setCurrentText("新型储能")
        editor.form.district.setCurrentText("肇庆新区")
        assert editor.form.money["planned_investment"].suffix.text() == "亿元"
        editor.form.money["planned_investment"].line.setText("12.5")
        when_modal(add_the_district, name="new_sector")  # nor 新型储能 a sector: asked first, the same way
        when_modal(add_the_district, name="new_district")  # 肇庆新区 is no district of this database yet
        accept(editor)  # Save

    when_modal(answer, name="project_editor")
    created = window.project_actions.new_project()
    assert created is not None and ctx.projects.get(created.id).planned_investment == 1_250_000_000


def test_an_import_change_under_the_shown_precision_is_never_hidden() -> None:
    ten_thousand = [FieldChange("planned_investment", 1_200_000_000, 1_200_010_000)]
    assert diff_text(ten_thousand, "zh") == "计划总投资 1,200,000,000 元 → 1,200,010,000 元"  # once "12.00 → 12.00"
    assert diff_text(ten_thousand, "en") == "Planned investment 1,200,000,000 yuan → 1,200,010,000 yuan"
    plain = [FieldChange("planned_investment", 1_200_000_000, 1_210_000_000)]
    assert diff_text(plain, "zh") == "计划总投资 1,200,000,000 元 → 1,210,000,000 元"
