"""Incomplete projects in the desktop app: the table's mark and "—", the filter bar's "Missing"
button, the editor that saves a lead with only a name (and its contact and progress note), the
detail pane, the status bar and the dashboard's click-through. Real windows on real databases;
screenshots in both languages go to artifacts/ and /work/shots/optional/ when that folder exists."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from ui_helpers import click, when_modal

from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.models import Project
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.ui.project_model import ProjectTableModel

SHOTS = Path("/work/shots/optional")


def shoot(widget, artifacts: Path, name: str) -> None:
    widget.grab().save(str(artifacts / name))
    if SHOTS.is_dir():
        widget.grab().save(str(SHOTS / name))


def _leads(ctx: AppContext) -> dict[str, int]:
    P = ctx.projects
    return {
        "full": P.create(Project("完整项目", "新型储能", "高要区", Status.SIGNED, 500_000_000)).id,
        "lead": P.create(
            Project(
                "氢能装备产业园项目",
                "氢能",
                None,
                Status.LEAD,
                contact="王经理 13800138000",
                progress_note="已考察，待签约",
            )
        ).id,
    }  # type: ignore[return-value]


def test_the_table_marks_what_a_project_lacks(qapp, ctx: AppContext, translations) -> None:
    ids = _leads(ctx)
    model = ProjectTableModel()
    model.set_rows(ctx.projects.list_rows())
    row_of = {model.row_at(i).id: i for i in range(model.rowCount())}
    name, planned, district, sector = (model.column_of(k) for k in ("name", "planned_investment", "district", "sector"))
    lead = row_of[ids["lead"]]
    icon = model.data(model.index(lead, name), Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon) and not icon.isNull()
    assert model.data(model.index(row_of[ids["full"]], name), Qt.ItemDataRole.DecorationRole) is None
    assert model.data(model.index(lead, name), Qt.ItemDataRole.ToolTipRole) == (
        "氢能装备产业园项目\nMissing: district, amount"
    )
    for column in (planned, district):  # unknown is a grey dash, never 0 and never a blank
        assert model.data(model.index(lead, column)) == "—"
        assert model.data(model.index(lead, column), Qt.ItemDataRole.ForegroundRole) is not None
        assert model.data(model.index(lead, column), Qt.ItemDataRole.ToolTipRole) == "Missing: district, amount"
    assert model.data(model.index(lead, sector)) == "氢能"
    assert model.data(model.index(lead, sector), Qt.ItemDataRole.ForegroundRole) is None
    assert model.visible_planned == 500_000_000 and model.visible_without_amount == 1
    translations.switch("zh")
    model.retranslate()
    assert model.data(model.index(lead, name), Qt.ItemDataRole.ToolTipRole).endswith("缺少：区域、金额")


def test_filter_bar_finds_the_projects_to_complete(make_window, demo_ctx: AppContext, translations) -> None:
    window = make_window(demo_ctx)
    page, bar = window.projects, window.projects.filter_bar
    rows = demo_ctx.projects.list_rows()
    actions = {a.data(): a for a in bar.missing.menu().actions() if a.data()}
    assert set(actions) == {"sector", "district", "planned_investment"}
    actions["district"].trigger()
    actions["planned_investment"].trigger()
    f = page.current_filter()
    assert f.missing == frozenset({"district", "planned_investment"})
    shown = sorted(r.id for r in page.visible_rows())
    assert shown == [r.id for r in rows if f.matches(r)] and len(shown) == 7  # the demo's leads
    assert bar.missing.text() == "Missing: District, Amount"
    assert "7 of 568 projects" in window.summary_label.text()
    assert "(5 projects without an amount)" in window.summary_label.text()
    translations.switch("zh")  # the button follows a live switch of language
    assert bar.missing.text() == "缺少：区域、金额"
    translations.switch("en")
    bar.clear()
    assert page.current_filter().is_empty() and bar.missing.text() == "Missing"
    page.apply_filter(ProjectFilter(missing=frozenset({"sector"})))  # as the dashboard's click does
    assert bar.current_filter().missing == frozenset({"sector"}) and len(page.visible_rows()) == 3


def test_the_planned_tile_lists_the_projects_without_an_amount(make_window, demo_ctx: AppContext, qtbot) -> None:
    window = make_window(demo_ctx)
    window.tabs.setCurrentWidget(window.dashboard)
    qtbot.waitUntil(lambda: window.dashboard.widget is not None, timeout=30_000)
    tile = window.dashboard.widget.tiles["planned"]
    qtbot.waitUntil(lambda: "without an amount" in tile.detail.text(), timeout=30_000)
    assert tile.detail.text() == "5 projects without an amount"
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.projects
    assert window.projects.current_filter() == ProjectFilter(missing=frozenset({"planned_investment"}))
    assert {r.planned_investment for r in window.projects.visible_rows()} == {None}
    assert len(window.projects.visible_rows()) == 5


def test_a_lead_with_only_a_name_contact_and_progress(make_window, ctx: AppContext, artifacts) -> None:
    window = make_window(ctx)

    def answer(editor) -> None:
        assert editor.form.sector.lineEdit().placeholderText() == "Not known yet"
        editor.form.name.setText("新能源电池材料项目")
        editor.form.status.setCurrentIndex(editor.form.status.findData(Status.LEAD.value))
        editor.form.contact.setText("张三 13912345678")
        editor.form.progress_note.setPlainText("已考察，待签约\n下一步：报价")
        shoot(editor, artifacts, "editor_lead_en.png")
        click(editor, "Save")

    seen = when_modal(answer, name="project_editor")
    saved = window.project_actions.new_project()
    assert seen and saved is not None
    stored = ctx.projects.get(saved.id)
    assert (stored.sector, stored.district, stored.planned_investment) == (None, None, None)
    assert (stored.contact, stored.progress_note) == ("张三 13912345678", "已考察，待签约\n下一步：报价")

    # editing: the fields come back, and clearing an amount makes it unknown again (not 0)
    full = ctx.projects.create(Project("已知金额项目", "光伏", "端州区", Status.SIGNED, 100_000_000))

    def clear_amount(editor) -> None:
        assert editor.form.money["planned_investment"].line.text() != ""
        editor.form.money["planned_investment"].line.setText("")
        editor.form.district.setCurrentText("")
        click(editor, "Save")

    when_modal(clear_amount, name="project_editor")
    window.project_actions.edit_project(full.id)
    again = ctx.projects.get(full.id)
    assert again.planned_investment is None and again.district is None and again.sector == "光伏"
    window.actions_.undo.trigger()
    back = ctx.projects.get(full.id)
    assert back.planned_investment == 100_000_000 and back.district == "端州区"

    def reopen(editor) -> None:
        assert editor.form.contact.text() == "张三 13912345678"
        assert editor.form.progress_note.toPlainText() == "已考察，待签约\n下一步：报价"
        assert editor.form.money["planned_investment"].line.text() == "" and editor.form.sector.currentText() == ""
        click(editor, "Cancel")

    when_modal(reopen, name="project_editor")
    window.project_actions.edit_project(saved.id)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_detail_pane_and_editor_show_the_new_fields(
    make_window, demo_ctx: AppContext, translations, artifacts, lang: str
) -> None:
    if lang == "zh":
        translations.switch("zh")
    window = make_window(demo_ctx)
    page = window.projects
    lead = next(r for r in demo_ctx.projects.list_rows() if r.name == "力恒储能电池Pack生产线项目")
    page.apply_filter(ProjectFilter(missing=frozenset({"district", "planned_investment"})))
    assert page.filter_bar.missing.text() == ("缺少：区域、金额" if lang == "zh" else "Missing: District, Amount")
    page.table.select_ids([lead.id])
    pane = page.detail
    assert pane.project_id == lead.id
    values = pane._values
    assert values["contact"].text() == "陈总 13922001234"
    assert values["progress_note"].text().startswith("8月来肇考察")
    unknown = "暂未确定" if lang == "zh" else "not known yet"
    assert values["district"].text() == unknown and values["planned_investment"].text() != unknown
    assert ("缺少：区域" if lang == "zh" else "Missing: district") in pane.subtitle.text()
    window.resize(1500, 760)
    shoot(window, artifacts, f"table_missing_and_detail_{lang}.png")

    def answer(editor) -> None:
        assert editor.form.contact.text() == "陈总 13922001234" and editor.form.district.currentText() == ""
        shoot(editor, artifacts, f"editor_edit_lead_{lang}.png")
        click(editor, "取消" if lang == "zh" else "Cancel")

    seen = when_modal(answer, name="project_editor")
    window.project_actions.edit_project(lead.id)
    assert seen
