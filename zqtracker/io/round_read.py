"""Reading a round's returned workbook back: its hidden identifiers and what each row reports.

The workbook is io/round_workbook.py's; its cells arrive as a RawWorkbook from the safe reader
(io/reader.py), so a return is parsed with the same limits as any import.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field

from zqtracker.domain.errors import Problem, ValidationError
from zqtracker.domain.money import Unit
from zqtracker.domain.rounds import Period, Reported, SheetProject
from zqtracker.domain.status import parse_status
from zqtracker.io.errors import CellProblem
from zqtracker.io.numfmt import column_letter
from zqtracker.io.reader import RawSheet, RawWorkbook
from zqtracker.io.round_workbook import FORMAT, HEADER_ROW, META_SHEET, NEW_HEADER_ROW, OPEN_MAIN, checksum
from zqtracker.io.values import display, is_empty, parse_money_cell


# -- reading back ------------------------------------------------------------------------------------
class NotARoundBook(Exception):
    """The workbook carries no round identifiers (or damaged ones): ``code`` says which."""

    def __init__(self, code: str, **params: object) -> None:
        self.problem = Problem(code, None, dict(params))
        super().__init__(self.problem.message("en"))


@dataclass(frozen=True, slots=True)
class RoundMeta:
    period: Period
    district_id: int
    district: str
    unit: Unit
    main_sheet: str
    new_sheet: str
    main_columns: tuple[str, ...]
    new_columns: tuple[str, ...]
    ids: tuple[int, ...]
    checksum: str

    def verify(self, token: str) -> bool:
        return hmac.compare_digest(self.checksum, checksum(token, self.period, self.district_id, self.ids))


def read_meta(book: RawWorkbook) -> RoundMeta:
    """The round identifiers of a returned workbook; raises NotARoundBook."""
    name = book.path.name
    sheet = next((s for s in book.sheets if s.name == META_SHEET), None)
    if sheet is None:
        raise NotARoundBook("round_not_a_return", file=name)
    values: dict[str, str] = {}
    for row in sheet.rows:
        if len(row) >= 2 and not is_empty(row[0]):  # a long value goes on over the cells to the right
            values[display(row[0]).strip()] = ",".join(display(v).strip() for v in row[1:] if not is_empty(v))
    try:
        if values.get("format") != FORMAT:
            raise ValueError("format")
        period = Period.parse(values["round"])
        ids = tuple(int(v) for v in values["ids"].split(",") if v.strip())
        return RoundMeta(period, int(values["district_id"]), values["district"], Unit(values["unit"]),
                         values["main_sheet"], values["new_sheet"], tuple(values["main_columns"].split(",")),
                         tuple(values["new_columns"].split(",")), ids, values["checksum"])  # fmt: skip
    except (KeyError, ValueError, ValidationError):
        raise NotARoundBook("round_meta_damaged", file=name) from None


@dataclass
class ReturnRows:
    """The rows of a return, each with what the district typed, and every problem found."""

    rows: list[Reported] = field(default_factory=list)
    problems: list[CellProblem] = field(default_factory=list)
    renamed: list[tuple[Reported, str, str, str]] = field(default_factory=list)  # row, field, as sent, as returned
    stray_ids: list[tuple[int, int]] = field(default_factory=list)  # (row, id) not listed for this district


def read_rows(book: RawWorkbook, meta: RoundMeta, sent: dict[int, SheetProject]) -> ReturnRows:
    """What each row of the two sheets reports. ``sent``: the projects listed, by id (what the
    locked cells said). Raises NotARoundBook when a sheet is missing."""
    out = ReturnRows()
    sheets = {s.name: s for s in book.sheets}
    main = sheets.get(meta.main_sheet)
    if main is None:
        raise NotARoundBook("round_sheet_missing", file=book.path.name, sheet=meta.main_sheet)
    factor = meta.unit.factor
    cols = {k: i for i, k in enumerate(meta.main_columns)}
    for r, cells in _data_rows(main, HEADER_ROW + 1):
        if _hidden_and_filled(main, r, cells, [cols[k] for k in OPEN_MAIN], out):
            continue
        raw_id = _cell(cells, main, cols["id"])
        if is_empty(raw_id):
            if any(not is_empty(_cell(cells, main, cols[k])) for k in OPEN_MAIN):
                out.problems.append(_problem(main, r, cols["id"], "", Problem("round_row_without_id", None, {})))
            continue
        try:
            pid = int(float(display(raw_id)))
        except ValueError:
            out.problems.append(_problem(main, r, cols["id"], display(raw_id), Problem("round_row_without_id")))
            continue
        project = sent.get(pid)
        if project is None or pid not in meta.ids:
            out.stray_ids.append((r + 1, pid))
            continue
        rep = Reported(pid, r + 1, main.name, project.name, status_before=project.status)
        _fill(rep, cells, main, cols, factor, out)
        for key, before in (
            ("name", project.name),
            ("code", project.code or ""),
            ("enterprise", project.enterprise or ""),
            ("sector", project.sector or ""),
        ):
            now = display(_cell(cells, main, cols[key])).strip()
            if now != before.strip():
                out.renamed.append((rep, key, before, now))
        out.rows.append(rep)
    new = sheets.get(meta.new_sheet)
    if new is not None:
        ncols = {k: i for i, k in enumerate(meta.new_columns)}
        for r, cells in _data_rows(new, NEW_HEADER_ROW + 1):
            if all(is_empty(_cell(cells, new, ncols[k])) for k in meta.new_columns if k != "no"):
                continue
            if _hidden_and_filled(new, r, cells, [ncols[k] for k in meta.new_columns if k != "no"], out):
                continue
            name = display(_cell(cells, new, ncols["name"])).strip()
            rep = Reported(None, r + 1, new.name, name)
            _fill(rep, cells, new, ncols, factor, out)
            out.rows.append(rep)
    return out


def _hidden_and_filled(sheet: RawSheet, r: int, cells: list, typed: list[int], out: ReturnRows) -> bool:
    """A row hidden in the sheet with something typed in it: a question (the import asks the same of
    a hidden row), not figures collected that nobody reviewing the sheet saw."""
    if r not in sheet.hidden_rows:
        return False
    filled = [c for c in typed if not is_empty(_cell(cells, sheet, c))]
    if not filled:
        return False
    c = min(filled)
    out.problems.append(_problem(sheet, r, c, display(_cell(cells, sheet, c)), Problem("round_row_hidden", None, {})))
    return True


def _data_rows(sheet: RawSheet, start: int):
    for i, cells in enumerate(sheet.rows):
        r = sheet.row_offset + i
        if r >= start:
            yield r, cells


def _cell(cells: list, sheet: RawSheet, c: int) -> object:
    j = c - sheet.col_offset
    return cells[j] if 0 <= j < len(cells) else None


def _problem(sheet: RawSheet, r: int, c: int, value: str, problem: Problem) -> CellProblem:
    return CellProblem(sheet.name, r + 1, column_letter(c), "", value, problem)


def _fill(rep: Reported, cells: list, sheet: RawSheet, cols: dict[str, int], factor: int, out: ReturnRows) -> None:
    for key, attr in (("this_month", "this_month"), ("ytd", "ytd")):
        value = _cell(cells, sheet, cols[key])
        if is_empty(value):
            continue
        try:
            setattr(rep, attr, parse_money_cell(value, factor, "amount"))
        except ValidationError as exc:
            for p in exc.problems:
                out.problems.append(_problem(sheet, rep.row - 1, cols[key], display(value), p))
    status = _cell(cells, sheet, cols["status"])
    if not is_empty(status):
        try:
            rep.status_after = parse_status(display(status))
        except ValidationError as exc:
            for p in exc.problems:
                out.problems.append(_problem(sheet, rep.row - 1, cols["status"], display(status), p))
    if "planned" in cols and rep.project_id is None:
        value = _cell(cells, sheet, cols["planned"])
        if not is_empty(value):
            try:
                rep.planned = parse_money_cell(value, factor, "planned_investment")
            except ValidationError:
                pass  # the import reports it, in its own words, on the same cell
    note = _cell(cells, sheet, cols["progress"])
    if not is_empty(note):
        rep.progress = display(note).strip()
