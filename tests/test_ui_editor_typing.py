"""The project editor driven as the analyst drives it — Tab into a field and type, real key events —
and what is stored checked in the database (probe27b: D10, D13, D14, L04, L06, P01/P02, C02/K02).

Dates: what is typed is the day stored, in every form the import reads (2023/3/5 used to become
2023/6/3); an empty date can be typed into; a date emptied from the keyboard is unknown (NULL). Land: a
decimal comma is refused, not dropped (12,5 was 125 亩); more decimals than kept are said to round.
District: 高要 and 肇庆市高要区 are the stored 高要区, as the import reads them; a new one is asked about.
Closing with changes asks Save / Discard / Cancel."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMessageBox, QWidget
from ui_helpers import click, when_modal

from zqtracker.domain.models import Project
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext


def type_text(widget: QWidget, text: str) -> None:
    """Key by key as real key events (QTest.keyClicks asserts on Chinese characters)."""
    for ch in text:
        if ch.isascii():
            QTest.keyClick(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def tab_into(editor, field: str) -> QLineEdit:
    """Tab from the land area to ``field``'s date, as a user does; asserts focus really arrives."""
    editor.form.land.setFocus()
    QApplication.processEvents()
    hops = {"signed_on": 1, "construction_start_on": 2, "production_on": 3}[field]
    for _ in range(hops):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    edit = editor.form.dates[field].edit
    assert QApplication.focusWidget() is edit, QApplication.focusWidget()
    return edit


def _project(ctx: AppContext, **kw) -> Project:
    base = dict(name="鼎盛汽车零部件扩产项目", sector="汽车零部件", district="高要区", status=Status.SIGNED,
                planned_investment=300_000_000, signed_on=date(2023, 7, 8))  # fmt: skip
    base.update(kw)
    return ctx.projects.create(Project(**base))


def _set(ctx: AppContext, project_id: int, **values: object) -> None:
    ctx.projects.update(dataclasses.replace(ctx.projects.get(project_id), **values))


def _edit(window, project_id: int, do: Callable, *, save: bool = True) -> dict:
    """Open the editor on the project, ``do(editor)``, then Save; what the fields said. A failed
    assertion inside closes the editor and fails the test (instead of leaving it open)."""
    seen: dict = {}

    def answer(editor) -> None:
        try:
            do(editor)
            if save:
                editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        except BaseException as exc:  # noqa: BLE001 - raised again below, once the editor is closed
            seen["error"] = exc
        seen["problems"] = {f: label.text() for f, label in editor.form.problems.items() if label.isVisibleTo(editor)}
        seen["open"] = editor.isVisible()
        if editor.isVisible():
            editor.discard()

    when_modal(answer, name="project_editor")
    window.project_actions.edit_project(project_id)
    if "error" in seen:
        raise seen["error"]
    return seen


def test_a_date_typed_in_any_form_is_the_day_stored(make_window, ctx: AppContext, translations, artifacts) -> None:
    translations.switch("zh_CN")  # as the probe: the field shows 2023/7/8 (yyyy/M/d)
    project = _project(ctx)
    window = make_window(ctx)
    for typed in ("2023/3/5", "2023-3-5", "2023.3.5", "20230305", "2023年3月5日", "２０２３／３／５"):
        _set(ctx, project.id, **dict(signed_on=date(2023, 7, 8)))  # as it was

        def do(editor, typed=typed) -> None:
            edit = tab_into(editor, "signed_on")
            assert edit.selectedText() == "2023/7/8"  # Tab selects it: typing replaces it
            type_text(edit, typed)
            QTest.keyClick(edit, Qt.Key.Key_Tab)
            assert edit.text() == "2023/3/5", (typed, edit.text())  # shown as read: the user sees which day
            if typed == "2023/3/5":
                editor.grab().save(str(artifacts / "editor_date_typed.png"))

        seen = _edit(window, project.id, do)
        assert not seen["open"] and not seen["problems"], (typed, seen)
        assert ctx.projects.get(project.id).signed_on == date(2023, 3, 5), typed  # not 2023-06-03 (D10)

    def slash_first(editor) -> None:  # 3/5/2023 is 5 March to some, 3 May to others: refused, not guessed
        edit = tab_into(editor, "signed_on")
        type_text(edit, "3/5/2023")

    seen = _edit(window, project.id, slash_first)
    assert seen["open"] and "写年份" in seen["problems"]["signed_on"], seen
    assert ctx.projects.get(project.id).signed_on == date(2023, 3, 5)  # unchanged


def test_an_empty_date_is_typed_into_and_a_cleared_one_is_unknown(make_window, ctx: AppContext, artifacts) -> None:
    project = _project(ctx, construction_start_on=date(2023, 9, 1))
    window = make_window(ctx)

    def type_into_empty(editor) -> None:  # D13: 投产时间 is empty ("—")
        edit = tab_into(editor, "production_on")
        assert edit.text() == "" and edit.placeholderText() == "—"
        type_text(edit, "2024-3-5")
        QTest.keyClick(edit, Qt.Key.Key_Tab)
        editor.grab().save(str(artifacts / "editor_date_empty_typed.png"))

    _edit(window, project.id, type_into_empty)
    assert ctx.projects.get(project.id).production_on == date(2024, 3, 5)  # was NULL, "—02435" shown

    for key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):  # D14: emptied from the keyboard

        def clear(editor, key=key) -> None:
            edit = tab_into(editor, "signed_on")
            QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            QTest.keyClick(edit, key)
            QTest.keyClick(edit, Qt.Key.Key_Tab)
            assert edit.text() == "" and not editor.form.dates["signed_on"].clear_button.isEnabled()

        _edit(window, project.id, clear)
        assert ctx.projects.get(project.id).signed_on is None, key  # unknown, not the old 2023-07-08
        _set(ctx, project.id, **dict(signed_on=date(2023, 7, 8)))


def test_a_date_that_is_no_day_is_refused_at_its_field(make_window, ctx: AppContext, artifacts) -> None:
    project = _project(ctx)
    window = make_window(ctx)
    for typed, says in (
        ("2024/13/5", "'2024/13/5' is not a date"),
        ("2023-03", "gives no day"),  # a month: the reader would make up the 1st
        ("7/9/2023", ""),  # the field's own English format (M/d/yyyy): 9 July, after the signing
    ):

        def do(editor, typed=typed) -> None:
            edit = tab_into(editor, "construction_start_on")
            type_text(edit, typed)
            QTest.keyClick(edit, Qt.Key.Key_Tab)

        seen = _edit(window, project.id, do)
        if typed == "7/9/2023":
            assert not seen["open"] and ctx.projects.get(project.id).construction_start_on == date(2023, 7, 9), seen
            continue
        assert seen["open"] and says in seen["problems"]["construction_start_on"], seen
        assert ctx.projects.get(project.id).construction_start_on is None  # nothing saved


def test_land_area_decimal_comma_is_refused_and_rounding_is_said(make_window, ctx: AppContext, artifacts) -> None:
    project = _project(ctx, land_area_mu=Decimal("50"))
    window = make_window(ctx)

    def typed(text: str) -> Callable:
        def do(editor) -> None:
            editor.form.land.setFocus()
            QTest.keyClick(editor.form.land, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            type_text(editor.form.land, text)
            QTest.keyClick(editor.form.land, Qt.Key.Key_Tab)
            note = editor.form.figure_notes["land_area_mu"]
            seen_note[text] = note.text() if note.isVisibleTo(editor) else ""
            editor.grab().save(str(artifacts / f"editor_land_{len(seen_note)}.png"))

        return do

    seen_note: dict[str, str] = {}
    seen = _edit(window, project.id, typed("12,5"))  # L06: a decimal comma, or a digit lost
    assert seen["open"] and "the comma does not separate thousands" in seen["problems"]["land_area_mu"]
    assert ctx.projects.get(project.id).land_area_mu == Decimal("50")  # not 125

    _edit(window, project.id, typed("1,234.5"))  # a thousands separator, as money reads it
    assert ctx.projects.get(project.id).land_area_mu == Decimal("1234.5")

    _edit(window, project.id, typed("12.34567"))  # L04: 4 decimals are kept; 12.34567 → 12.3457 (half up)
    assert seen_note["12.34567"] == "Kept to 4 decimal places: 12.3457" and seen_note["1,234.5"] == ""
    assert ctx.projects.get(project.id).land_area_mu == Decimal("12.3457")


def test_a_district_written_short_is_the_stored_one_and_a_new_one_is_asked(
    make_window, ctx: AppContext, artifacts
) -> None:
    _project(ctx, name="另一项目")  # in 高要区: a district on the list
    project = _project(ctx, district="端州区")
    window = make_window(ctx)
    before = {d.name for d in ctx.references.districts()}
    assert "高要区" in before and "高要" not in before

    def district(text: str, shot: str = "") -> Callable:
        def do(editor) -> None:
            line = editor.form.district.lineEdit()
            line.setFocus()
            line.selectAll()
            type_text(line, text)
            hint = editor.form.new_hint["district"]
            seen_hint[text] = hint.text() if hint.isVisibleTo(editor) else ""
            if shot:
                editor.grab().save(str(artifacts / shot))

        return do

    seen_hint: dict[str, str] = {}
    for written in ("高要", "肇庆市高要区"):  # P01, P02: the import reads both as 高要区
        _edit(window, project.id, district(written, "editor_district_known.png"))
        assert seen_hint[written] == "Saved as “高要区”, the district on the list"
        assert ctx.projects.get(project.id).district == "高要区"
        _set(ctx, project.id, **dict(district="端州区"))
    assert {d.name for d in ctx.references.districts()} == before  # no 高要 beside 高要区

    asked: list[str] = []

    def refuse(box) -> None:
        asked.append(box.text())
        click(box, "Cancel")

    when_modal(refuse, name="new_district")
    seen = _edit(window, project.id, district("新兴区", "editor_district_new.png"))
    assert asked == ["“新兴区” is not a district on the list. Add it as a new district?"]
    assert seen["open"] and ctx.projects.get(project.id).district == "端州区"  # back to the form, not saved

    when_modal(lambda box: click(box, "Add district"), name="new_district")
    _edit(window, project.id, district("新兴区"))
    assert ctx.projects.get(project.id).district == "新兴区"
    assert {d.name for d in ctx.references.districts()} == before | {"新兴区"}


def test_closing_with_changes_asks_and_without_closes_at_once(make_window, ctx: AppContext, artifacts) -> None:
    project = _project(ctx)
    window = make_window(ctx)
    state: dict = {}

    def typed_then(close: Callable, answers: list[str]) -> Callable:
        def do(editor) -> None:
            editor.form.name.setFocus()
            QTest.keyClick(editor.form.name, Qt.Key.Key_End)
            type_text(editor.form.name, "二期")
            for answer in answers:

                def reply(box, answer=answer) -> None:
                    state.setdefault("asked", []).append(box.text())
                    if answer == "Cancel":
                        box.grab().save(str(artifacts / "editor_unsaved_question.png"))
                    click(box, answer)

                when_modal(reply, name="unsaved_changes", kind=QMessageBox)
                close(editor)
                state[answer] = editor.isVisible()

        return do

    def esc(editor) -> None:
        QTest.keyClick(editor.form.name, Qt.Key.Key_Escape)

    # C02/K02: Esc, then Cancel — still open; Esc again, Discard — closed, nothing stored
    _edit(window, project.id, typed_then(esc, ["Cancel", "Discard"]), save=False)
    assert state["Cancel"] is True and state["Discard"] is False
    assert state["asked"] == ["Save your changes to “鼎盛汽车零部件扩产项目”?"] * 2
    assert ctx.projects.get(project.id).name == "鼎盛汽车零部件扩产项目"

    # the title bar's ×, then Save: stored
    _edit(window, project.id, typed_then(lambda e: e.close(), ["Save"]), save=False)
    assert state["Save"] is False and ctx.projects.get(project.id).name == "鼎盛汽车零部件扩产项目二期"

    # no change: Esc closes at once (an unexpected question would fail the test: dialog_guard)
    _edit(window, project.id, esc, save=False)
    assert ctx.projects.get(project.id).name == "鼎盛汽车零部件扩产项目二期"


def test_filters_and_search_are_kept_after_reopening(make_window, ctx: AppContext, settings, db_path) -> None:
    _project(ctx)
    _project(ctx, name="西江储能电池生产基地项目", status=Status.UNDER_CONSTRUCTION)
    _project(ctx, name="西江新材料项目", status=Status.SIGNED)
    window = make_window(ctx)
    bar = window.projects.filter_bar
    bar.search.setFocus()
    type_text(bar.search, "西江")
    bar.status.set_values([Status.SIGNED.value])
    bar.status.changed.emit()
    assert window.projects.model.rowCount() == 1  # 西江 and signed: 西江新材料项目
    window.close()  # V13: kept in the settings store, as the columns are

    again = make_window(ctx)
    f = again.projects.current_filter()
    assert f.search == "西江" and f.statuses == frozenset({Status.SIGNED})
    assert again.projects.filter_bar.search.text() == "西江" and again.projects.model.rowCount() == 1
    again.actions_.clear_filters.trigger()  # the way out: Clear filters
    assert again.projects.current_filter().is_empty() and again.projects.model.rowCount() == 3
    again.close()
    third = make_window(ctx)
    assert third.projects.current_filter().is_empty() and third.projects.model.rowCount() == 3
