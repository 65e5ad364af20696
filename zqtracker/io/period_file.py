"""The file's name: the last place a report's period is looked for (probe31c P31C-2).

    四会市2025年10月项目进度.xlsx — title 重点项目进度表, columns 当月完成投资 | 1-10月累计完成投资

Nothing in the sheet names the year (nor, without the 1-10月 header, the month), so its figures had been
left out, asking for --period, although the name says 2025年10月. The name is read only for what the title
rows, the unit line, the headers, the sheet's name and the workbook's other sheets leave unsaid: a year they
name wins over the name's, and a month of the name is taken only when the name's year is theirs (or they name
none); a name naming two months or two years (2025年11月报送-10月进度: sent in November, of October) is no
source at all. A note says where the period came from, so that the user can check it. A CSV's one sheet is named after
its file already (io/csvread.py): its name is read as the file's, and said so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.io.columns import instructions_sheet
from zqtracker.io.layout_model import SheetLayout
from zqtracker.io.sheet_context import book_year, names_one_period, period_in_name
from zqtracker.io.values import year_in

if TYPE_CHECKING:
    from zqtracker.io.plan import SheetPlan
    from zqtracker.io.reader import RawWorkbook


@dataclass(frozen=True)
class BookNames:
    """What a workbook says of its period outside a sheet: the one year its sheets name (layout.book_year),
    and the name of its file without the extension."""

    year: int | None = None
    file: str = ""


NO_BOOK = BookNames()  # a sheet read alone: no other sheets, no file


def book_names(book: RawWorkbook) -> BookNames:
    """A sheet of instructions is no source: its years are examples (the template's 2023-10-10, probe33b F2)."""
    return BookNames(
        book_year([s for s in book.sheets if s.error is None and not instructions_sheet(s.name)]), book.path.stem
    )


def file_year(layout: SheetLayout, sheet_year: int | None, file: str) -> None:
    """The layout's year: ``sheet_year`` (what the sheet and the workbook name), else the file's name's."""
    layout.year = sheet_year
    named = year_in(file) if file and names_one_period(file) else None
    if sheet_year is None and named is not None:
        layout.year, layout.period_file = named, file


def file_month(layout: SheetLayout, file: str) -> None:
    """The report's month from the file's name, when nothing in the sheet names one (layout.period set
    from the sheet): only when the name's year, if it names one, is the report's."""
    year, month = layout.period
    if month is not None or not file or any(c.field == "month" for c in layout.columns):
        return  # (a long sheet's rows name their own months)
    said = period_in_name(file)
    if said is None or (said[0] is not None and year is not None and said[0] != year):
        return
    layout.period, layout.period_file = (year or said[0], said[1]), file


def file_period_note(layout: SheetLayout, plan: SheetPlan) -> list[Problem]:
    """The note that the period came from the file's name, when a figure was read by it."""
    if not layout.period_file or layout.period_said or not (plan.ytd or plan.months or plan.since_start_as_of):
        return []
    year, month = layout.period
    period = f"{year}-{month:02d}" if year and month else str(year or layout.year)
    said = {"sheet": layout.sheet, "file": layout.period_file, "period": period}
    return [Problem("note_period_from_file", None, said)]
