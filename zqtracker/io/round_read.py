"""Reading a round's returned workbook back: its hidden identifiers and what each row reports.

The workbook is io/round_workbook.py's; its cells arrive as a RawWorkbook from the safe reader
(io/reader.py), so a return is parsed with the same limits as any import. “300万” in a 当月 or 累计
cell of 万元 is settled as the import settles it (io/plan_settle.py), by the planned investment on
record of the row's project (a new project's: the one typed on its row).
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field

from zqtracker.domain.errors import Problem, ValidationError
from zqtracker.domain.money import Unit
from zqtracker.domain.rounds import Period, Reported, SheetProject
from zqtracker.domain.status import parse_status
from zqtracker.io.cells import exact_text
from zqtracker.io.errors import CellProblem
from zqtracker.io.numfmt import column_letter
from zqtracker.io.plan_settle import TWO_READINGS, note, own_unit
from zqtracker.io.reader import ExcelError, FormulaWithoutValue, RawSheet, RawWorkbook
from zqtracker.io.round_layout import OPEN_KEYS, book_lang, layout_problems, merged_problems
from zqtracker.io.round_workbook import FORMAT, HEADER_ROW, META_SHEET, NEW_HEADER_ROW, OPEN_MAIN, checksum
from zqtracker.io.rows import classify
from zqtracker.io.tiny_money import check_part_of_yuan
from zqtracker.io.values import display, is_empty, is_placeholder, parse_money_cell
from zqtracker.io.yuan_rounding import rounded_cell, rounded_note, rounded_to_yuan


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
    lang: str = "zh"  # the workbook's language, as the sent main sheet's name says (a district may rename it)

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
                         tuple(values["new_columns"].split(",")), ids, values["checksum"],
                         book_lang(values["main_sheet"]))  # fmt: skip
    except (KeyError, ValueError, ValidationError):
        raise NotARoundBook("round_meta_damaged", file=name) from None


@dataclass
class ReturnRows:
    """The rows of a return, each with what the district typed, and every problem found."""

    rows: list[Reported] = field(default_factory=list)
    problems: list[CellProblem] = field(default_factory=list)
    renamed: list[tuple[Reported, str, str, str]] = field(default_factory=list)  # row, field, as sent, as returned
    stray_ids: list[tuple[int, int]] = field(default_factory=list)  # (row, id) not listed for this district
    gone: list[Reported] = field(default_factory=list)  # rows sent whose project is no longer on record
    notes: list[Problem] = field(default_factory=list)  # figures the row's planned investment settled
    settled: dict[tuple[str, int], list[int]] = field(default_factory=dict)  # (sheet, column) → rows
    rounded: dict[tuple[str, int], list[tuple]] = field(default_factory=dict)  # (sheet, column) → cells (yuan_rounding)


def read_rows(
    book: RawWorkbook, meta: RoundMeta, sent: dict[int, SheetProject], skip: frozenset[str] = frozenset()
) -> ReturnRows:
    """What each row of the two sheets reports. ``sent``: the projects listed, by id (what the
    locked cells said); ``skip``: sheets whose columns could not be found again (io/round_columns.py),
    whose rows are not read. The sheets are those of ``meta`` (io/round_sheets.py found them)."""
    out = ReturnRows()
    sheets = {s.name: s for s in book.sheets}
    main = sheets[meta.main_sheet]
    lang = meta.lang
    sent_for = (meta.period, meta.unit, meta.district)
    if main.name not in skip:
        out.problems += layout_problems(main, meta.main_columns, HEADER_ROW, sent_for, lang, main=True)
        out.problems += merged_problems(main, meta.main_columns, HEADER_ROW + 1, OPEN_KEYS)
        _read_main(main, meta, sent, out)
    new = sheets.get(meta.new_sheet)
    if new is not None and new.name not in skip:
        ncols = {k: i for i, k in enumerate(meta.new_columns)}
        out.problems += layout_problems(new, meta.new_columns, NEW_HEADER_ROW, sent_for, lang, main=False)
        out.problems += merged_problems(new, meta.new_columns, NEW_HEADER_ROW + 1, OPEN_KEYS | {"planned"})
        for r, cells in _data_rows(new, NEW_HEADER_ROW + 1):
            row = [_cell(cells, new, c) for c in range(len(meta.new_columns))]
            if all(is_empty(row[ncols[k]]) for k in meta.new_columns if k != "no"):
                continue
            if _hidden_and_filled(new, r, cells, [ncols[k] for k in meta.new_columns if k != "no"], out):
                continue
            if is_empty(row[ncols["name"]]) and _not_a_project(row, ncols):
                continue  # a note or a 合计 under the new projects
            name = display(row[ncols["name"]]).strip()
            rep = Reported(None, r + 1, new.name, name)
            _fill(rep, cells, new, ncols, meta.unit.factor, out)
            out.rows.append(rep)
    for (sheet_name, c), rows in out.settled.items():
        sheet, header_row = (main, HEADER_ROW) if sheet_name == main.name else (new, NEW_HEADER_ROW)
        assert sheet is not None
        heads: list = next((cells for r, cells in _data_rows(sheet, header_row) if r == header_row), [])
        out.notes.append(note(sheet_name, column_letter(c), display(_cell(heads, sheet, c)).strip(), rows))
    for (sheet_name, c), listed in out.rounded.items():  # 1450.00004万元: stored to the yuan, said as the import says
        sheet, header_row = (main, HEADER_ROW) if sheet_name == main.name else (new, NEW_HEADER_ROW)
        assert sheet is not None
        heads = next((cells for r, cells in _data_rows(sheet, header_row) if r == header_row), [])
        out.notes.append(rounded_note(sheet_name, column_letter(c), display(_cell(heads, sheet, c)).strip(), listed))
    return out


def _read_main(main: RawSheet, meta: RoundMeta, sent: dict[int, SheetProject], out: ReturnRows) -> None:
    """The main sheet's rows, each tied to its project by its hidden id, never by name."""
    cols = {k: i for i, k in enumerate(meta.main_columns)}
    listed = {pid: sent[pid] for pid in meta.ids if pid in sent}
    for r, cells in _data_rows(main, HEADER_ROW + 1):
        if _hidden_and_filled(main, r, cells, [cols[k] for k in OPEN_MAIN], out):
            continue
        raw_id = _cell(cells, main, cols["id"])
        if is_empty(raw_id):
            if any(not is_empty(_cell(cells, main, cols[k])) for k in OPEN_MAIN) and not _not_a_project(
                [_cell(cells, main, c) for c in range(len(meta.main_columns))], cols
            ):
                out.problems.append(_problem(main, r, cols["id"], "", Problem("round_row_without_id", None, {})))
            continue
        try:
            number = float(display(raw_id))
        except ValueError:
            out.problems.append(_problem(main, r, cols["id"], display(raw_id), Problem("round_row_without_id")))
            continue
        if not number.is_integer():  # 442.7 is no id sent: never taken for 442
            problem = Problem("round_id_edited", None, {"value": display(raw_id)})
            out.problems.append(_problem(main, r, cols["id"], display(raw_id), problem))
            continue
        pid = int(number)
        project = sent.get(pid)
        if project is None and pid in meta.ids:  # sent, and deleted here since: the district's row as typed
            out.gone.append(Reported(pid, r + 1, main.name, display(_cell(cells, main, cols["name"])).strip()))
            continue
        if project is None or pid not in meta.ids:
            out.stray_ids.append((r + 1, pid))
            continue
        rep = Reported(pid, r + 1, main.name, project.name, status_before=project.status)
        _fill(rep, cells, main, cols, meta.unit.factor, out, project.planned)
        if not _other_project(rep, cells, main, cols, listed, out):
            _edited(rep, cells, main, cols, project, meta, out)
        out.rows.append(rep)


def _not_a_project(row: list, cols: dict[str, int]) -> bool:
    """A row under the table that is no project: a 合计/小计 (or a row of bare sums), or a note —
    text in one cell only, no figures ("备注：…" typed in the 进展情况 column)."""
    if not is_empty(row[cols["code"]] if "code" in cols else None):
        return False
    kind = classify(row, cols.get("name"), cols.get("code"), cols.get("no"), {})
    if kind is not None and kind[0] in ("total", "note", "blank"):
        return True
    filled = [j for j, v in enumerate(row) if not is_empty(v) and j != cols.get("no")]
    amounts = {cols[k] for k in ("this_month", "ytd", "planned") if k in cols}
    return len(filled) == 1 and isinstance(row[filled[0]], str) and filled[0] not in amounts


def _other_project(
    rep: Reported, cells: list, sheet: RawSheet, cols: dict[str, int], listed: dict[int, SheetProject], out: ReturnRows
) -> bool:
    """A row whose visible cells are another project's of this workbook (rows moved or sorted without
    their hidden id), or no longer this project's at all (code and name typed over: a row re-used for
    another project): a problem of the row, whose figures would go to the project of its hidden id."""
    project = listed[rep.project_id]  # type: ignore[index]
    code = display(_cell(cells, sheet, cols["code"])).strip()
    name = display(_cell(cells, sheet, cols["name"])).strip()
    own_code, own_name = (project.code or "").strip(), project.name.strip()
    code_changed, name_changed = code.casefold() != own_code.casefold(), name != own_name
    other = None
    if code and code_changed:
        other = next((p for p in listed.values() if (p.code or "").strip().casefold() == code.casefold()), None)
    elif not code and name_changed:
        other = next((p for p in listed.values() if p.name.strip() == name), None)
    if other is None and not (own_code and code_changed and name_changed):
        return False  # a rename, or a code corrected: shown as such
    shown = f"{code} {name}".strip()
    params = {"shown": shown, "project": f"{own_code} {own_name}".strip()}
    problem = Problem("round_row_other_project" if other is not None else "round_row_reused", None, params)
    out.problems.append(_problem(sheet, rep.row - 1, cols["code" if code else "name"], shown, problem))
    return True


def _edited(
    rep: Reported,
    cells: list,
    sheet: RawSheet,
    cols: dict[str, int],
    project: SheetProject,
    meta: RoundMeta,
    out: ReturnRows,
) -> None:
    """The cells on record the district typed over: shown, never imported. A changed 1–(X−1)月 or
    last month's figure beside a 1–X月 figure is a problem: the month is worked out from the figure on
    record, so it would not be the one the district's own books give."""
    for key, before in (
        ("name", project.name),
        ("code", project.code or ""),
        ("enterprise", project.enterprise or ""),
        ("sector", project.sector or ""),
    ):
        now = display(_cell(cells, sheet, cols[key])).strip()
        if now != before.strip():
            out.renamed.append((rep, key, before, now))
    status = _cell(cells, sheet, cols["status_before"])
    try:
        same = not is_empty(status) and parse_status(display(status)) is project.status
    except ValidationError:
        same = False
    if not same:
        before = project.status.label(meta.lang)
        out.renamed.append((rep, "status_before", before, display(status).strip()))
    factor = meta.unit.factor
    amounts = [("planned", "planned_investment", project.planned), ("last_month", "last_month", project.last_month)]
    if meta.period.month > 1:
        amounts.insert(1, ("ytd_before", "ytd_before", project.ytd_before))
    for key, label, yuan in amounts:
        value = _cell(cells, sheet, cols[key])
        if _same_amount(value, yuan, factor):
            continue
        before = "" if yuan is None else exact_text(yuan, factor)
        if key != "planned" and rep.ytd is not None:
            params = {"before": before or "—", "value": display(value).strip() or "—"}
            out.problems.append(_problem(sheet, rep.row - 1, cols[key], display(value), Problem(
                "round_figure_on_record_edited", label, params)))  # fmt: skip
        else:
            out.renamed.append((rep, label, before, display(value).strip()))


def _same_amount(value: object, yuan: int | None, factor: int) -> bool:
    if is_empty(value):
        return yuan is None
    try:
        return yuan is not None and abs(parse_money_cell(value, factor, "amount") - yuan) <= 1
    except ValidationError:
        return False


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


def _amount(value: object, factor: int, field: str) -> int | None:
    """A figure typed in an open cell, in yuan; None for a blank or a "no figure" (—, 无, /), as the
    import reads them. Raises ValidationError with the import's own words for a formula never
    calculated or an Excel error."""
    if is_empty(value):
        return None
    if value.__class__ is ExcelError:
        raise ValidationError(Problem("excel_error", field, {"value": str(value)}))
    if value.__class__ is FormulaWithoutValue:
        if value == "=":
            raise ValidationError(Problem("formula_not_calculated_unknown", field, {}))
        raise ValidationError(Problem("formula_not_calculated", field, {"formula": str(value)}))
    try:
        yuan = parse_money_cell(value, factor, field)
    except ValidationError:
        if is_placeholder(value):
            return None
        raise
    check_part_of_yuan(value, factor, field, yuan)  # 0.00004万元 is 0.4 yuan: asked as the import asks it
    return yuan


def _said(out: ReturnRows, sheet: RawSheet, row: int, c: int, value: object, factor: int, field: str) -> int | None:
    """:func:`_amount`, a cell of 100 yuan or more that is not a whole yuan kept for its note."""
    yuan = _amount(value, factor, field)
    if yuan is not None and (exact := rounded_to_yuan(value, factor, yuan)) is not None:
        out.rounded.setdefault((sheet.name, c), []).append(rounded_cell(row, value, factor, exact, yuan))
    return yuan


def _fill(
    rep: Reported,
    cells: list,
    sheet: RawSheet,
    cols: dict[str, int],
    factor: int,
    out: ReturnRows,
    planned: int | None = None,
) -> None:
    """What the row reports. ``planned``: the planned investment on record of its project."""
    if "planned" in cols and rep.project_id is None:
        try:
            value = _cell(cells, sheet, cols["planned"])
            rep.planned = planned = _said(out, sheet, rep.row, cols["planned"], value, factor, "planned_investment")
        except ValidationError:
            pass  # the import reports it, in its own words, on the same cell
    for key in ("this_month", "ytd"):
        value = _cell(cells, sheet, cols[key])
        try:
            setattr(rep, key, _said(out, sheet, rep.row, cols[key], value, factor, "amount"))
        except ValidationError as exc:
            for p in exc.problems:
                yuan = own_unit(p, planned) if p.code == TWO_READINGS else None
                if yuan is None:
                    out.problems.append(_problem(sheet, rep.row - 1, cols[key], display(value), p))
                else:  # 300万 of a project planned at 5亿: 300万元, said in a note
                    setattr(rep, key, yuan)
                    out.settled.setdefault((sheet.name, cols[key]), []).append(rep.row)
    status = _cell(cells, sheet, cols["status"])
    if not is_empty(status):
        try:
            rep.status_after = parse_status(display(status))
        except ValidationError:
            pass  # the import reports it, in its own words, on the same cell
    note = _cell(cells, sheet, cols["progress"])
    if not is_empty(note):
        rep.progress = display(note).strip()
