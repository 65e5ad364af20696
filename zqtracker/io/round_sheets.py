"""Which sheets of a returned round workbook are the round's, whatever the district named them, and
the sheets it would not read.

The hidden sheet names the main sheet and the new-projects sheet as the round wrote them, and a
district may rename either (项目进展 → 10月进展, 新增项目 → 新增: probe40b F1/F3). A sheet gone by
its name is found by what it is: the main sheet by its header row as the round wrote it, over a
hidden id column holding ids the hidden sheet lists; the new-projects sheet by its own header row
(签约时间 beside 当月 and 1–X月累计), one row higher — and, of what is left, by neither being the
main sheet. Found so, it is read under its own name, with a note saying it was renamed. A main
sheet found nowhere, or in several sheets, is a refusal naming the sheets there are and what to do.

Every other sheet holding rows (a copy of the round's sheet filled in, new projects typed on a
sheet of the district's own) is a problem naming it: the round reads its own two sheets only, and
rows it would not read are never passed over silently. So is a sheet of the district's own holding a
figure, typed as a number or as text ("1,200"), even one to a row. One holding text alone, a cell to a
row (a note, a column of names: nothing the round could read as a project or a figure), is named in a
note saying it was not read, with how many cells it holds and the first (probe36 F1).
"""

from __future__ import annotations

from dataclasses import replace

from zqtracker.domain.errors import Problem, ValidationError
from zqtracker.io.errors import CellProblem
from zqtracker.io.numfmt import column_letter
from zqtracker.io.reader import RawSheet, RawWorkbook
from zqtracker.io.round_columns import header_key
from zqtracker.io.round_read import NotARoundBook, RoundMeta
from zqtracker.io.round_text import t
from zqtracker.io.round_workbook import HEADER_ROW, META_SHEET, NEW_HEADER_ROW, OPEN_MAIN
from zqtracker.io.values import display, is_empty, parse_money_cell

_MAIN_MARKS = ("id", "this_month", "ytd")  # the main table's header row holds these as written
_NEW_MARKS = ("name", "signed", "this_month", "ytd")  # the new-projects table's


def find_sheets(book: RawWorkbook, meta: RoundMeta, heads: dict[str, str]) -> tuple[RoundMeta, list[Problem]]:
    """``meta`` naming the round's two sheets as they are named in ``book``, and a note for each
    found under another name. Raises NotARoundBook when the main sheet is not found, or not told
    apart from another; a new-projects sheet not told apart is read nowhere (unread_sheets names it)."""
    readable = [s for s in book.sheets if s.name != META_SHEET and s.error is None]
    names = {s.name for s in book.sheets}
    notes: list[Problem] = []
    main = meta.main_sheet
    if main not in names:
        found = [s.name for s in readable if _is_main(s, meta, heads)]
        if len(found) != 1:
            shown = "、".join(f"“{s.name}”" for s in book.sheets if s.name != META_SHEET) or "—"
            params = {"file": book.path.name, "sheet": main, "id": heads["id"]}
            if found:
                raise NotARoundBook("round_sheet_ambiguous", **params, found="、".join(f"“{n}”" for n in found))
            raise NotARoundBook("round_sheet_missing", **params, sheets=shown)
        notes.append(Problem("round_sheet_renamed", None, {"sheet": found[0], "sent": main, "id": heads["id"]}))
        main = found[0]
    new = meta.new_sheet
    if new not in names:
        found = [s.name for s in readable if s.name != main and _holds_headers(s, heads, _NEW_MARKS, NEW_HEADER_ROW)]
        if len(found) == 1:
            notes.append(Problem("round_new_sheet_renamed", None, {"sheet": found[0], "sent": new}))
            new = found[0]
    return replace(meta, main_sheet=main, new_sheet=new), notes


def unread_sheets(
    book: RawWorkbook, meta: RoundMeta, heads: dict[str, str], *, main_blank: bool
) -> tuple[list[CellProblem], list[Problem]]:
    """A problem for each sheet but the round's own holding rows the round would not read, at its first
    such cell; a note for each other sheet holding text the round does not read. A copy of the main
    sheet counts by its open cells filled in (its grey ones came with it); with ``main_blank`` (the main
    sheet reports nothing), it is the copy filled in its place."""
    out: list[CellProblem] = []
    notes: list[Problem] = []
    own = {meta.main_sheet, meta.new_sheet, META_SHEET, t("sheet_help", meta.lang)}
    for sheet in book.sheets:
        if sheet.name in own or sheet.error is not None:
            continue
        if _holds_headers(sheet, heads, _MAIN_MARKS, HEADER_ROW):
            found = _filled_copy(sheet, meta, heads)
            code = "round_copy_sheet_filled" if main_blank else "round_sheet_not_read"
        elif _holds_headers(sheet, heads, _NEW_MARKS, NEW_HEADER_ROW):
            found = _typed(sheet, NEW_HEADER_ROW + 1, 1, _column_of(sheet, heads["no"], NEW_HEADER_ROW))
            code = "round_sheet_not_read"
        else:
            found = _typed(sheet, 0, 2)
            code = "round_sheet_not_read"
            if found is None and (note := _unread_text(sheet, meta)) is not None:
                notes.append(note)
        if found is not None:
            r, c, value = found
            params = {"main": meta.main_sheet, "new": meta.new_sheet}
            if code == "round_copy_sheet_filled":
                params["sheet"] = sheet.name
            out.append(CellProblem(sheet.name, r + 1, column_letter(c), "", value, Problem(code, None, params)))
    return out, notes


def _unread_text(sheet: RawSheet, meta: RoundMeta) -> Problem | None:
    """The note naming a sheet of the district's own that holds text the round does not read."""
    cells = [(r, sheet.col_offset + j, v) for r, row in _rows(sheet, 0) for j, v in enumerate(row) if not is_empty(v)]
    if not cells:
        return None
    r, c, v = cells[0]
    shown = display(v).strip()
    params = {"sheet": sheet.name, "count": len(cells), "cell": f"{column_letter(c)}{r + 1}", "main": meta.main_sheet,
              "new": meta.new_sheet, "value": shown if len(shown) <= 30 else shown[:30] + "…"}  # fmt: skip
    return Problem("round_sheet_text_not_read", None, params)


def _is_main(sheet: RawSheet, meta: RoundMeta, heads: dict[str, str]) -> bool:
    """The round's main table: its header row as written, and under its id header ids the hidden
    sheet lists (a district sent no projects: the header row alone)."""
    if not _holds_headers(sheet, heads, _MAIN_MARKS, HEADER_ROW):
        return False
    c = _column_of(sheet, heads["id"], HEADER_ROW)
    if not meta.ids or c is None:
        return c is not None
    listed = set(meta.ids)
    return any(_id(_at(sheet, cells, c)) in listed for _r, cells in _rows(sheet, HEADER_ROW + 1))


def _id(value: object) -> int | None:
    try:
        number = float(display(value))
    except ValueError:
        return None
    return int(number) if number.is_integer() else None


def _holds_headers(sheet: RawSheet, heads: dict[str, str], keys: tuple[str, ...], row: int) -> bool:
    i = row - sheet.row_offset
    said = {header_key(v) for v in sheet.rows[i]} if 0 <= i < len(sheet.rows) else set()
    return {header_key(heads[k]) for k in keys} <= said


def _column_of(sheet: RawSheet, header: str, row: int) -> int | None:
    i = row - sheet.row_offset
    cells = sheet.rows[i] if 0 <= i < len(sheet.rows) else []
    return next((sheet.col_offset + j for j, v in enumerate(cells) if header_key(v) == header_key(header)), None)


def _filled_copy(sheet: RawSheet, meta: RoundMeta, heads: dict[str, str]) -> tuple[int, int, str] | None:
    """The first open cell filled in on a row of a copy of the main table (a row with its hidden id),
    its columns found by their headers wherever they stand."""
    at = {k: _column_of(sheet, heads[k], HEADER_ROW) for k in ("id", *(k for k in meta.main_columns if k in OPEN_MAIN))}
    open_cols = [c for k, c in at.items() if k != "id" and c is not None]
    for r, cells in _rows(sheet, HEADER_ROW + 1):
        if at["id"] is None or is_empty(_at(sheet, cells, at["id"])):
            continue
        for c in open_cols:
            value = _at(sheet, cells, c)
            if not is_empty(value):
                return r, c, display(value)
    return None


def _typed(sheet: RawSheet, start: int, least: int, numbering: int | None = None) -> tuple[int, int, str] | None:
    """The first row from ``start`` with ``least`` cells or more filled in (a numbering column aside),
    or a number: rows of a table, not a title or a note."""
    for r, cells in _rows(sheet, start):
        filled = [
            (sheet.col_offset + j, v)
            for j, v in enumerate(cells)
            if not is_empty(v) and sheet.col_offset + j != numbering
        ]
        numbers = [(c, v) for c, v in filled if _number(v)]
        if len(filled) >= least or numbers:
            c, v = (numbers or filled)[0] if len(filled) < least else filled[0]
            return r, c, display(v)
    return None


def _number(value: object) -> bool:
    """A figure: a number, or text that reads as one ("1,200", "120万")."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return True
    if not isinstance(value, str):
        return False
    try:
        parse_money_cell(value.strip().lstrip("-−"), 1, "amount")  # (a negative figure: a correction)
    except ValidationError:
        return False
    return True


def _rows(sheet: RawSheet, start: int):
    for i, cells in enumerate(sheet.rows):
        if sheet.row_offset + i >= start:
            yield sheet.row_offset + i, cells


def _at(sheet: RawSheet, cells: list, c: int) -> object:
    j = c - sheet.col_offset
    return cells[j] if 0 <= j < len(cells) else None
