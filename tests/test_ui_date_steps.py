"""Up and Down step the editor's date again (fix28d item 5; the field became a line edit in session 25
and lost them): the part under the cursor moves — day, month or year — the day when the field was
tabbed into, and a date known only to a month moves by a month and stays known to the month."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_helpers import click, when_modal

from zqtracker.domain.fuzzy_dates import DatePrecision
from zqtracker.domain.models import Project
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.ui import date_steps
from zqtracker.ui.date_field import OptionalDateEdit

OUT = Path("/tmp/fix28d")
UP, DOWN = Qt.Key.Key_Up, Qt.Key.Key_Down


def _cursor_in(field: OptionalDateEdit, part: str) -> None:
    start, _ = date_steps.part_span(field.edit.text(), field.display_format, part) or (0, 0)
    field.edit.setFocus()
    field.edit.deselect()
    field.edit.setCursorPosition(start + 1)


def test_up_and_down_step_the_part_under_the_cursor(qtbot) -> None:
    field = OptionalDateEdit("signed_on")
    qtbot.addWidget(field)
    field.show()
    changes: list[None] = []
    field.changed.connect(lambda: changes.append(None))
    field.set_value(date(2023, 3, 5))
    for part, key, expected in (
        (date_steps.DAY, UP, date(2023, 3, 6)),
        (date_steps.MONTH, UP, date(2023, 4, 6)),
        (date_steps.YEAR, DOWN, date(2022, 4, 6)),
        (date_steps.MONTH, DOWN, date(2022, 3, 6)),
    ):
        _cursor_in(field, part)
        QTest.keyClick(field.edit, key)
        assert field.value() == expected, part
        # the cursor stays on the part stepped: Up again moves it again
        assert date_steps.part_at(field.edit.text(), field.display_format, field.edit.cursorPosition()) == part
    assert len(changes) == 4 and field.precision is DatePrecision.DAY
    # tabbed into (all selected): the day, whatever the locale's order of the parts
    field.edit.selectAll()
    QTest.keyClick(field.edit, DOWN)
    assert field.value() == date(2022, 3, 5)
    # 31 January + 1 month is the last of February; a leap day a year on is 28 February
    field.set_value(date(2024, 1, 31))
    _cursor_in(field, date_steps.MONTH)
    QTest.keyClick(field.edit, UP)
    assert field.value() == date(2024, 2, 29)
    _cursor_in(field, date_steps.YEAR)
    QTest.keyClick(field.edit, UP)
    assert field.value() == date(2025, 2, 28)
    # a text that is no date is left as typed; an empty field starts at today
    field.edit.setText("明年")
    QTest.keyClick(field.edit, UP)
    assert field.edit.text() == "明年"
    field.clear()
    QTest.keyClick(field.edit, UP)
    assert field.value() == date.today()


def test_a_date_known_to_a_month_steps_by_month_and_stays_so(make_window, ctx: AppContext) -> None:
    OUT.mkdir(exist_ok=True)
    p = ctx.projects.create(
        Project("月份签约项目", "新型储能", "高要区", Status.SIGNED, 10**8, signed_on=date(2023, 3, 1),
                signed_on_precision=DatePrecision.MONTH)
    )  # fmt: skip
    window = make_window(ctx)
    notes: list[str] = []

    def step(editor) -> None:
        field = editor.form.dates["signed_on"]
        assert field.precision is DatePrecision.MONTH
        field.edit.setFocus()
        field.edit.selectAll()  # as tabbed into: the default part, here the month
        QTest.keyClick(field.edit, UP)
        QTest.keyClick(field.edit, UP)
        notes.append(editor.form.figure_notes["signed_on"].text())
        editor.grab().save(str(OUT / "editor-date-month-stepped.png"))
        click(editor, "Save")

    when_modal(step, name="project_editor")
    window.project_actions.edit_project(p.id)
    stored = ctx.projects.get(p.id)
    assert (stored.signed_on, stored.signed_on_precision) == (date(2023, 5, 1), DatePrecision.MONTH)
    assert "May 2023" in notes[0]  # the note follows: "Known to the month: May 2023 …"
