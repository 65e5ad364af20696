"""Why a sheet, or a whole file, is not imported when no list is recognised in it: a month nothing
names, the list on a hidden sheet, a summary table whose rows are classes of projects (先进制造业,
签约项目, "3个" under 项目名称: io/summary_table.py) — each said in one sentence naming the sheet."""

from __future__ import annotations

from zqtracker.domain.errors import Problem
from zqtracker.io.errors import WorkbookRefused
from zqtracker.io.field_choice import UNPLACED
from zqtracker.io.headers import IGNORED_PREFIX, ROW_NUMBER
from zqtracker.io.layout import UNKNOWN, SheetLayout
from zqtracker.services.import_model import SheetAnalysis


def nothing_recognized(sheets: list[SheetAnalysis], file: str) -> WorkbookRefused:
    """Why no sheet is imported: a sheet of names and a completed-investment column whose month
    nothing names (当月完成投资 under a title of the year alone) says so — its headers are known."""
    for sa in sheets:
        lost = [c for c in sa.layout.columns if c.field in UNPLACED]
        if sa.layout.kind == UNKNOWN and lost and any(c.field in ("name", "code") for c in sa.layout.columns):
            return WorkbookRefused("month_not_named", file, sheet=sa.raw.name, column=lost[0].letter,
                                   header=lost[0].header)  # fmt: skip
    hidden = next((sa for sa in sheets if sa.reason == "hidden"), None)  # the list on a hidden sheet, a pivot shown
    if hidden is not None:
        return WorkbookRefused("hidden_list_only", file, sheet=hidden.raw.name)
    summary = next((sa for sa in sheets if sa.layout.summary is not None and sa.reason == "not_recognized"), None)
    if summary is not None:
        return not_a_list(summary.layout, file)
    nameless = next((r for r in (_no_name_column(sa.layout, file) for sa in sheets if sa.reason == "not_recognized")
                     if r is not None), None)  # fmt: skip
    return nameless or WorkbookRefused("nothing_recognized", file)


def not_a_list(layout: SheetLayout, file: str) -> WorkbookRefused:
    """A sheet asked for by name that is not a list: a summary table said as one."""
    if layout.summary is not None:
        column, header, values = layout.summary
        return WorkbookRefused("summary_table", file, sheet=layout.sheet, column=column, header=header, values=values)
    return _no_name_column(layout, file) or WorkbookRefused("sheet_not_recognized", file, sheet=layout.sheet)


def _no_name_column(layout: SheetLayout, file: str) -> WorkbookRefused | None:
    """Known columns (project_id) but none of names, and a column that may hold them — a description
    (project_description: NYC's capital projects list names its projects there) or one not known: the
    question which column names the projects, rather than "no known column headers"."""
    known = [c for c in layout.columns if c.field and not c.field.startswith(IGNORED_PREFIX) and c.field != ROW_NUMBER]
    if layout.kind != UNKNOWN or layout.aggregate or not known or any(c.field == "name" for c in layout.columns):
        return None
    may_name = [c for c in layout.columns if c.field == IGNORED_PREFIX + "content"] or [
        c for c in layout.columns if c.field is None and c.header
    ]
    if not may_name:
        return None
    shown = ", ".join(f"{c.letter} “{c.header}”" for c in known)
    return WorkbookRefused("no_name_column", file, sheet=layout.sheet, known=shown, column=may_name[0].letter,
                           header=may_name[0].header)  # fmt: skip


def aggregate_note(layout: SheetLayout) -> Problem:
    """A counting sheet left out beside the lists that are imported, said."""
    if layout.summary is not None:
        column, header, values = layout.summary
        return Problem("note_summary_table", None, {"sheet": layout.sheet, "column": column, "header": header,
                                                     "values": values})  # fmt: skip
    return Problem("note_aggregate", None, {"sheet": layout.sheet})
