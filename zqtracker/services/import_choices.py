"""Which sheets and columns an import reads, as the workbook and the user say: the sheets taken
without being named, a column named by letter or header text, the user's --header-row and --map
over a remembered mapping, codes typed as numbers shown as their cells show them, and what the
command line refuses that the dialog would ask."""

from __future__ import annotations

import copy

from zqtracker.domain.errors import Problem
from zqtracker.io.columns import DATA_SHEET_ROLES, instructions_sheet, sheet_role
from zqtracker.io.errors import CellProblem, WorkbookRefused
from zqtracker.io.layout import SheetLayout
from zqtracker.io.plan import SheetPlan
from zqtracker.io.reader import RawSheet, RawWorkbook, column_text
from zqtracker.io.row_ranges import runs_text
from zqtracker.io.sheet_context import sheet_month
from zqtracker.io.values import display, fold
from zqtracker.services.import_identity import row_number_codes
from zqtracker.services.import_mappings import Mapping
from zqtracker.services.import_model import ImportAnalysis, SheetAnalysis
from zqtracker.services.import_options import ImportOptions, ImportRefused
from zqtracker.services.round_guard import refuse_round_table


def refuse_unanswered(analysis: ImportAnalysis, options: ImportOptions) -> None:
    """What the dialog would ask, refused in one sentence on the command line: amounts without a
    unit (every such column named at once), data rows hidden or struck through (every sheet) — and a
    monthly round's table read as an ordinary list (services/round_guard.py)."""
    refuse_round_table(analysis)
    name = analysis.book.path.name
    hidden = analysis.hidden_unanswered
    if hidden:
        if len(hidden) == 1:
            sa, rows = hidden[0]
            raise WorkbookRefused("hidden_rows_unanswered", name, sheet=sa.name, count=len(rows), rows=runs_text(rows))
        sheets = "; ".join(f"“{sa.name}” {runs_text(rows)}" for sa, rows in hidden)
        raise WorkbookRefused(
            "hidden_rows_unanswered_sheets", name, sheets=sheets, count=sum(len(r) for _s, r in hidden)
        )
    struck = analysis.struck_unanswered  # rows struck through: off the list? (io/struck_rows.py)
    if struck:
        if len(struck) == 1:
            sa, rows = struck[0]
            raise WorkbookRefused("struck_rows_unanswered", name, sheet=sa.name, count=len(rows), rows=runs_text(rows))
        sheets = "; ".join(f"“{sa.name}” {runs_text(rows)}" for sa, rows in struck)
        count = sum(len(r) for _s, r in struck)
        raise WorkbookRefused("struck_rows_unanswered_sheets", name, sheets=sheets, count=count)
    if options.unit is None and analysis.needs_unit:
        missing = analysis.needs_unit
        if len(missing) == 1:
            sa, info = missing[0]
            raise WorkbookRefused("no_unit", name, sheet=sa.name, column=info.letter, header=info.header)
        columns = "; ".join(f"“{sa.name}” {info.letter} “{info.header}”" for sa, info in missing)
        raise WorkbookRefused("no_unit_columns", name, columns=columns)


def period_sheets(sheets: list[SheetAnalysis], period: tuple[int, int] | None) -> None:
    """One period said (--period, the dialog's Report month) for sheets named for several months (9月,
    10月): it cannot be each one's — the sheets whose month is another are asked, never read as the
    month said."""
    named = {sa.name: sheet_month(sa.name) for sa in sheets if sa.selected and sa.plan is not None}
    if period is None or len(set(named.values()) - {None}) < 2:
        return
    for sa in sheets:
        month = named.get(sa.name)
        if month is not None and month != period[1] and sa.plan is not None:
            said = {"value": sa.name, "month": month, "period": f"{period[0]}-{period[1]:02d}"}
            problem = Problem("period_said_other_sheet", "amount", said)
            sa.plan.sheet_problems.append(CellProblem(sa.name, sa.layout.header_row + 1, "", "", sa.name, problem))


def said_mapping(auto: SheetLayout, options: ImportOptions, base: Mapping | None, forced: int | None) -> Mapping:
    """The user's --header-row and --map said of one sheet, over a remembered mapping. A column
    is named by its letter ("F") or its header text; raises ImportRefused for one the sheet lacks."""
    mapping = copy.deepcopy(base) if base else Mapping()  # (a remembered unit stays one)
    if forced is not None:
        mapping.header_row = forced
    for said, chosen in options.column_map.items():
        index = column_index(auto, said)
        if index is None:
            raise ImportRefused("map_unknown_column", column=said, sheet=auto.sheet)
        mapping.fields[index] = chosen
    return mapping


def column_index(layout: SheetLayout, said: str) -> int | None:
    """The column a user names by letter ("F", "ab") or by header text (either header row)."""
    text = said.strip()
    key = fold(text)
    for c in layout.columns:
        parts = [c.header, *c.header.split(" / ")]
        if any(fold(p) == key for p in parts if p):
            return c.index
    if text.isascii() and text.isalpha() and len(text) <= 3:
        n = 0
        for ch in text.upper():
            n = n * 26 + ord(ch) - 64
        return n - 1
    return None


def is_view_sheet(name: str) -> bool:
    """A sheet zqtracker's export or template writes as a view of the data (overview, summaries,
    chart, instructions, drop-down lists): never read as projects or investment unless chosen."""
    role = sheet_role(name)
    return role is not None and role not in DATA_SHEET_ROLES


def default_sheet(sheet: RawSheet) -> bool:
    """Imported without being named: visible, not a view zqtracker wrote, not a sheet of instructions."""
    return sheet.visible and not is_view_sheet(sheet.name) and not instructions_sheet(sheet.name)


def shown_codes(book: RawWorkbook, raw: RawSheet, plan: SheetPlan, layout: SheetLayout | None = None) -> None:
    """Codes typed as numbers become the text their cells show ("000123", not "123"); a code column of
    the row numbers 1, 2 … n is not imported (import_identity.row_number_codes)."""
    info = next((c for c in plan.layout.mapped() if c.field == "code"), None)
    if not plan.numeric_codes or plan.values.get("code") is None or info is None:
        row_number_codes(plan, layout)
        return
    rows = [plan.data_rows[k] + raw.row_offset for k in plan.numeric_codes]
    texts = column_text(book, raw.name, info.index, rows)
    codes = plan.values["code"]
    for k, row in zip(plan.numeric_codes, rows, strict=True):
        if row in texts:
            codes[k] = texts[row]
    plan.numeric_codes = []
    row_number_codes(plan, layout)


def header_texts(sheet: RawSheet, header_row: int, header_rows: int = 1) -> list[str]:
    """The header row's texts (both rows when two), for the mapping fingerprint."""
    out: list[str] = []
    for r in range(header_row, header_row + header_rows):
        i = r - sheet.row_offset
        if 0 <= i < len(sheet.rows):
            out.extend(display(v) for v in sheet.rows[i])
        out.append("\n")
    return out
