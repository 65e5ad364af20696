"""Sector names typed in the project editor go through the import's rule (fix28d item 1): a sector
written with a trailing space, full-width letters or traditional characters is the stored one, as the
import reads it (services/import_views.py references_in_simplified); a genuinely new sector is added
only after the editor asks, as it asks for a new district. Real widgets, keys typed, both engines."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_ui_editor_typing import type_text
from ui_helpers import click, when_modal

from zqtracker.domain.models import Project
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.ui.sector_choice import known_sector

OUT = Path("/tmp/fix28d")


def test_the_import_rule_for_a_typed_sector() -> None:
    known = frozenset({"新能源汽车", "IT", "新型储能"})
    assert known_sector("新能源汽车 ", known) == "新能源汽车"  # a trailing space
    assert known_sector("新能源汽車", known) == "新能源汽车"  # traditional 車
    assert known_sector("ｉｔ", known) == "IT" and known_sector(" I T ", known) == "IT"  # width, case, spaces
    assert known_sector("低空经济", known) is None and known_sector("  ", known) is None
    assert known_sector("新能源", known) is None  # a shorter name is another sector, never guessed


def _type_new_project(editor, name: str, sector: str) -> None:
    editor.form.name.setFocus()
    type_text(editor.form.name, name)
    line = editor.form.sector.lineEdit()
    line.setFocus()
    type_text(line, sector)


def test_a_variant_spelling_is_the_stored_sector_and_a_new_one_is_asked_for(
    make_window, ctx: AppContext, artifacts: Path
) -> None:
    OUT.mkdir(exist_ok=True)
    ctx.projects.create(Project("整车基地项目", "新能源汽车", "高要区", Status.SIGNED, 10**9))
    window = make_window(ctx)
    sectors_before = {s.name for s in ctx.references.sectors()}

    def variant(editor) -> None:
        _type_new_project(editor, "电池包项目", "新能源汽車 ")  # traditional 車 and a space, as a list may write it
        hint = editor.form.new_hint["sector"]
        assert (
            hint.isVisibleTo(editor) and "新能源汽车" in hint.text()
        )  # "Saved as “新能源汽车”, the sector on the list"
        editor.grab().save(str(OUT / "editor-sector-variant.png"))
        click(editor, "Save")

    assert when_modal(variant, name="project_editor") is not None
    saved = window.project_actions.new_project()
    assert saved is not None and ctx.projects.get(saved.id).sector == "新能源汽车"
    assert {s.name for s in ctx.references.sectors()} == sectors_before  # no second 新能源汽车

    asked: list[str] = []

    def new_sector(editor) -> None:
        _type_new_project(editor, "无人机项目", "低空经济")

        def cancel(box) -> None:
            asked.append(box.text())
            box.grab().save(str(OUT / "editor-new-sector-question.png"))
            click(box, "Cancel")

        when_modal(cancel, name="new_sector")
        click(editor, "Save")  # asked; Cancel: back to the form, nothing saved, the sector field focused
        assert editor.isVisible() and editor.focusWidget() in (editor.form.sector, editor.form.sector.lineEdit())
        assert ctx.projects.count() == 2
        when_modal(lambda box: click(box, "Add sector"), name="new_sector")
        click(editor, "Save")

    when_modal(new_sector, name="project_editor")
    added = window.project_actions.new_project()
    assert asked == ["“低空经济” is not a sector on the list. Add it as a new sector?"]
    assert added is not None and ctx.projects.get(added.id).sector == "低空经济"
    assert {s.name for s in ctx.references.sectors()} == sectors_before | {"低空经济"}


def test_a_sector_in_full_width_and_lower_case_is_the_stored_one(make_window, ctx: AppContext) -> None:
    p = ctx.projects.create(Project("整车基地项目", "新能源汽车", "高要区", Status.SIGNED, 10**9))
    window = make_window(ctx)

    def edit(editor) -> None:
        line = editor.form.sector.lineEdit()
        line.setFocus()
        line.selectAll()
        type_text(line, "IT")  # no IT stored: a new sector, asked for
        when_modal(lambda box: click(box, "Add sector"), name="new_sector")
        click(editor, "Save")

    when_modal(edit, name="project_editor")
    window.project_actions.edit_project(p.id)
    assert ctx.projects.get(p.id).sector == "IT"
    sectors = {s.name for s in ctx.references.sectors()}

    def again(editor) -> None:  # full width, lower case, a space: the stored IT, no question asked
        line = editor.form.sector.lineEdit()
        line.setFocus()
        line.selectAll()
        type_text(line, "ｉｔ ")
        QTest.keyClick(line, Qt.Key.Key_Tab)
        click(editor, "Save")

    when_modal(again, name="project_editor")
    window.project_actions.edit_project(p.id)
    assert ctx.projects.get(p.id).sector == "IT" and {s.name for s in ctx.references.sectors()} == sectors
