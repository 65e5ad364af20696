"""The project editor on a real database: create, edit, change status, validation at the field,
undo and redo of each, and a save refused because someone else changed the project."""

from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate
from ui_helpers import click, when_modal

from zqtracker.domain.models import Project
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext


def fill_new_project(editor) -> None:
    editor.form.name.setText("西江储能电池生产基地项目")
    editor.form.code.setText("ZQ-2024-001")
    editor.form.enterprise.setText("肇庆西江储能科技有限公司")
    editor.form.sector.setCurrentText("新型储能")
    editor.form.district.setCurrentText("肇庆新区")
    editor.form.status.setCurrentIndex(editor.form.status.findData(Status.SIGNED.value))
    editor.form.money["planned_investment"].line.setText("1.25")  # in ¥ bn, the English default unit (12.5亿元)
    editor.form.money["expected_annual_output"].line.setText("3000万")  # its own unit
    editor.form.land.setText("150.25")
    editor.form.dates["signed_on"].set_value(date(2024, 3, 18))
    editor.form.key.setChecked(True)
    editor.form.officer.setText("张伟")
    editor.form.notes.setPlainText("首期用地已落实")
    # 新型储能 is no sector of this database yet, nor 肇庆新区 a district: Save asks before adding each
    when_modal(lambda box: click(box, "Add sector"), name="new_sector")
    when_modal(lambda box: click(box, "Add district"), name="new_district")


def test_create_a_project_through_the_editor_then_undo_and_redo(make_window, ctx: AppContext, artifacts) -> None:
    window = make_window(ctx)

    def answer(editor) -> None:
        fill_new_project(editor)
        editor.grab().save(str(artifacts / "editor_new.png"))
        click(editor, "Save")

    seen = when_modal(answer, name="project_editor")
    saved = window.project_actions.new_project()
    assert seen and saved is not None and saved.id is not None
    stored = ctx.projects.get(saved.id)
    assert stored.name == "西江储能电池生产基地项目" and stored.code == "ZQ-2024-001"
    assert stored.planned_investment == 1_250_000_000 and stored.expected_annual_output == 30_000_000
    assert stored.land_area_mu == Decimal("150.25") and stored.signed_on == date(2024, 3, 18)
    assert stored.is_key_project and stored.enterprise == "肇庆西江储能科技有限公司"
    history = ctx.projects.status_history(saved.id)
    assert [(c.from_status, c.to_status) for c in history] == [(None, Status.SIGNED)]
    assert window.projects.model.rowCount() == 1
    assert window.actions_.undo.text() == "Undo create project “西江储能电池生产基地项目”"

    window.actions_.undo.trigger()
    assert ctx.projects.count() == 0 and window.projects.model.rowCount() == 0
    window.actions_.redo.trigger()
    again = ctx.projects.get(saved.id)  # the same project, same id
    assert again.name == stored.name and again.planned_investment == stored.planned_investment
    assert len(ctx.projects.status_history(saved.id)) == 1
    assert window.projects.model.rowCount() == 1


def test_problems_are_shown_at_their_fields_and_nothing_is_saved(make_window, ctx: AppContext, artifacts) -> None:
    window = make_window(ctx)
    shown: dict[str, str] = {}

    def answer(editor) -> None:
        editor.form.money["planned_investment"].line.setText("十二亿")
        editor.form.land.setText("-3")
        editor.form.dates["signed_on"].set_value(date(2024, 5, 1))
        editor.form.dates["construction_start_on"].set_value(date(2024, 1, 1))
        click(editor, "Save")
        for field in ("name", "sector", "district", "planned_investment", "land_area_mu", "construction_start_on"):
            label = editor.form.problems[field]
            shown[field] = label.text() if label.isVisible() else ""
        editor.grab().save(str(artifacts / "editor_problems.png"))
        click(editor, "Cancel")

    when_modal(answer, name="project_editor")
    assert window.project_actions.new_project() is None
    assert shown["name"] == "Project name is required"
    assert shown["sector"] == "" and shown["district"] == ""  # only the name is required
    assert "'十二亿' is not an amount of money" in shown["planned_investment"]
    assert "Land area (mu) cannot be negative (-3)" in shown["land_area_mu"]
    assert "is before Signed" in shown["construction_start_on"]
    assert ctx.projects.count() == 0 and not window.undo_stack.canUndo()


def _project(ctx: AppContext, **kw) -> Project:
    base = dict(name="鼎盛汽车零部件扩产项目", sector="汽车零部件", district="高要区", status=Status.SIGNED,
                planned_investment=300_000_000, signed_on=date(2023, 2, 1))  # fmt: skip
    base.update(kw)
    return ctx.projects.create(Project(**base))


def test_edit_with_a_status_change_writes_history_and_undoes_exactly(make_window, ctx: AppContext, artifacts) -> None:
    project = _project(ctx)
    window = make_window(ctx)

    def answer(editor) -> None:
        editor.form.money["planned_investment"].line.setText("0.32")  # ¥ bn
        editor.form.status.setCurrentIndex(editor.form.status.findData(Status.UNDER_CONSTRUCTION.value))
        assert editor.form.status_on.isVisibleTo(editor) and editor.form.status_note.isVisibleTo(editor)
        editor.form.status_on.setDate(QDate(2023, 6, 15))
        editor.form.status_note.setText("主体厂房动工")
        editor.form.dates["construction_start_on"].set_value(date(2023, 6, 15))
        editor.grab().save(str(artifacts / "editor_edit_status.png"))
        click(editor, "Save")

    when_modal(answer, name="project_editor")
    saved = window.project_actions.edit_project(project.id)
    assert saved is not None
    stored = ctx.projects.get(project.id)
    assert stored.planned_investment == 320_000_000 and stored.status is Status.UNDER_CONSTRUCTION
    history = ctx.projects.status_history(project.id)
    assert [(c.to_status, c.changed_on, c.note) for c in history][-1] == (
        Status.UNDER_CONSTRUCTION,
        date(2023, 6, 15),
        "主体厂房动工",
    )
    assert window.actions_.undo.text() == "Undo edit project “鼎盛汽车零部件扩产项目”"

    window.actions_.undo.trigger()
    back = ctx.projects.get(project.id)
    assert back.planned_investment == 300_000_000 and back.status is Status.SIGNED
    assert back.construction_start_on is None
    assert [c.to_status for c in ctx.projects.status_history(project.id)] == [Status.SIGNED]
    row = window.projects.model.get(project.id)
    assert row is not None and row.status is Status.SIGNED and row.planned_investment == 300_000_000

    window.actions_.redo.trigger()
    assert ctx.projects.get(project.id).status is Status.UNDER_CONSTRUCTION
    assert len(ctx.projects.status_history(project.id)) == 2


def test_a_save_after_someone_else_saved_offers_reload_and_never_overwrites(
    make_window, ctx: AppContext, db_path, artifacts
) -> None:
    project = _project(ctx, officer="李娜")
    window = make_window(ctx)
    other = AppContext.open(db_path)  # another instance on the same file
    events: list[str] = []

    def their_save(editor) -> None:
        theirs = other.projects.get(project.id)
        theirs.officer = "王芳"
        theirs.notes = "对方的备注"
        other.projects.update(theirs)
        editor.form.money["planned_investment"].line.setText("0.4")
        when_modal(reload_answer, name="reload_offer")
        click(editor, "Save")  # refused: the version moved on
        events.append("after first save")
        editor.grab().save(str(artifacts / "editor_after_reload.png"))
        assert editor.form.money["planned_investment"].line.text() == "0.400"
        assert editor.form.officer.text() == "王芳"  # their change is in the form
        assert "Your changes kept: Planned investment" in editor.banner.text()
        assert "Changed there: Service officer, Notes" in editor.banner.text()
        click(editor, "Save")  # now against the reloaded version

    def reload_answer(box) -> None:
        events.append(box.text())
        click(box, "Reload")

    when_modal(their_save, name="project_editor")
    saved = window.project_actions.edit_project(project.id)
    try:
        assert saved is not None
        assert "was changed by someone else after you opened it" in events[0]
        assert "Latest change:" in events[0] and "Service officer: 李娜 → 王芳" in events[0]  # what they did
        stored = ctx.projects.get(project.id)
        assert stored.planned_investment == 400_000_000  # mine
        assert stored.officer == "王芳" and stored.notes == "对方的备注"  # theirs, not overwritten
        window.actions_.undo.trigger()  # back to the version I reloaded, not to the first one
        back = ctx.projects.get(project.id)
        assert back.planned_investment == 300_000_000 and back.officer == "王芳"
    finally:
        other.close()


def test_bulk_change_on_a_stale_list_is_refused_with_a_reload_offer(make_window, ctx: AppContext, db_path) -> None:
    a, b = _project(ctx), _project(ctx, name="第二个项目", code="B-2")
    window = make_window(ctx)
    con = sqlite3.connect(db_path)
    con.execute("UPDATE projects SET version = version + 1, officer = '他人' WHERE id = ?", (b.id,))
    con.commit()
    con.close()
    window.projects.table.select_ids([a.id, b.id])
    answers: list[str] = []
    when_modal(lambda d: click(d, "OK"), name="change_status_dialog")

    def reload(box) -> None:
        answers.append(box.text())
        click(box, "Reload")

    when_modal(reload, name="reload_offer", timeout=20)
    window.actions_.change_status.trigger()
    assert answers and "第二个项目" in answers[0]
    assert ctx.projects.get(a.id).status is Status.SIGNED  # nothing changed, not even the other one
    assert len(ctx.projects.status_history(a.id)) == 1
    assert not window.undo_stack.canUndo()
    assert window.projects.model.get(b.id).officer == "他人"  # reloaded


def test_duplicate_opens_a_copy_without_code(make_window, ctx: AppContext) -> None:
    project = _project(ctx, code="A-1")
    window = make_window(ctx)
    seen = {}

    def answer(editor) -> None:
        seen["name"], seen["code"] = editor.form.name.text(), editor.form.code.text()
        seen["planned"] = editor.form.money["planned_investment"].line.text()
        click(editor, "Save")

    when_modal(answer, name="project_editor")
    copy = window.project_actions.duplicate_project(project.id)
    assert seen == {"name": "鼎盛汽车零部件扩产项目 (copy)", "code": "", "planned": "0.300"}
    assert copy is not None and copy.id != project.id and ctx.projects.count() == 2


def test_duplicate_code_is_refused_at_the_code_field(make_window, ctx: AppContext) -> None:
    _project(ctx, code="A-1")
    window = make_window(ctx)
    shown = {}

    def answer(editor) -> None:
        fill_new_project(editor)
        editor.form.code.setText("A-1")
        click(editor, "Save")
        shown["code"] = editor.form.problems["code"].text()
        click(editor, "Cancel")

    when_modal(answer, name="project_editor")
    assert window.project_actions.new_project() is None
    assert shown["code"] == "project code 'A-1' is already used"
    assert ctx.projects.count() == 1


def test_delete_from_the_editor_asks_and_can_be_undone(make_window, ctx: AppContext) -> None:
    project = _project(ctx)
    window = make_window(ctx)
    seen = []

    def answer(editor) -> None:
        when_modal(lambda box: (seen.append(box.text()), click(box, "Delete")), name="confirm")
        click(editor, "Delete…")

    when_modal(answer, name="project_editor")
    assert window.project_actions.edit_project(project.id) is None
    assert seen and "鼎盛汽车零部件扩产项目" in seen[0]
    assert ctx.projects.count() == 0 and window.project_actions.last_editor.deleted
    window.actions_.undo.trigger()
    assert ctx.projects.get(project.id).name == "鼎盛汽车零部件扩产项目"
