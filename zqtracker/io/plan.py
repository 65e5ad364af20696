"""From a sheet's rows to parsed values, column by column, with every refused cell's problem.

:class:`PlanBuilder` walks the rows under the header once — fed chunk by chunk while the reading
process is still streaming, or all at once — skipping blank, total, section and note rows
(io/rows.py) and converting each mapped column. A column is converted per distinct value (a
status column of 100k rows costs nine conversions), the result kept column-wise in a
:class:`SheetPlan`: ``values[field][k]`` for data row ``k``, None where the cell was blank.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from zqtracker.domain.currency import ForeignAmount
from zqtracker.domain.errors import Problem, ValidationError
from zqtracker.domain.status import Status
from zqtracker.io import values as cells
from zqtracker.io.columns import Kind
from zqtracker.io.context import is_level, level_of, status_of_section
from zqtracker.io.dates import parse_fuzzy, parse_range
from zqtracker.io.errors import CellProblem
from zqtracker.io.evidence import is_sector_text, place_of
from zqtracker.io.headers import KIND_OF, ROW_NUMBER
from zqtracker.io.layout import MONTHLY, ColumnInfo, SheetLayout
from zqtracker.io.reader import ExcelError, RawSheet
from zqtracker.io.rows import classify, is_district

# Key-project marks districts put before or after a name, a code or a row number ("★恒通光伏", "1●").
MARKS = "★☆■□●○▲△◆◇※＊*"
_MARKS_RE = re.compile(f"^[{re.escape(MARKS)}\\s]+|[{re.escape(MARKS)}\\s]+$")
_AREA_FACTORS = {"m2": Decimal("0.0015"), "ha": Decimal(15), "10k m2": Decimal(15), "mu": Decimal(1)}
_AREA_PLACES = Decimal("0.0001")
DATE_FIELDS = ("signed_on", "construction_start_on", "production_on")


@dataclass
class SheetPlan:
    """A sheet's data rows, column-wise: ``values[field][k]`` is the parsed value of data row ``k``
    (None: not given), ``row_numbers[k]`` its 1-based row in the sheet."""

    layout: SheetLayout
    data_rows: list[int] = field(default_factory=list)  # indexes into RawSheet.rows
    row_numbers: list[int] = field(default_factory=list)
    values: dict[str, list] = field(default_factory=dict)
    problems: dict[int, list[CellProblem]] = field(default_factory=dict)  # by data row k
    sheet_problems: list[CellProblem] = field(default_factory=list)  # about the sheet, not one row
    months: list[tuple[int, int, int, int]] = field(default_factory=list)  # (k, year, month, yuan)
    plans: list[tuple[int, int, int]] = field(default_factory=list)  # (k, year, yuan)
    ytd: list[tuple[int, int, int, int]] = field(default_factory=list)  # (k, year, last month, year-to-date yuan)
    since_start_as_of: tuple[int, int] | None = None  # the (year, month) a 自开工累计 column is of
    chain: list | None = None  # each row's industry chain (产业链 column or sections)
    status_hint: list | None = None  # per row, where sections or 续建 say more than the sheet name
    totals: int = 0
    sections: list[str] = field(default_factory=list)
    notes_from: int | None = None  # 1-based row where the notes under the table begin
    blank: int = 0
    needs_unit: list[ColumnInfo] = field(default_factory=list)  # money columns with unit-less numbers
    numeric_codes: list[int] = field(default_factory=list)  # data rows whose code cell is a number
    skipped: dict[int, str] = field(default_factory=dict)  # RawSheet.rows index → "total", "section1", …
    default_district: str | None = None  # for rows without one: the user's choice, else the sheet's context
    district_from: str = ""  # "user", "title", "sheet", "reporter"
    default_sector: str | None = None  # the user's, for rows without one
    default_status: str | None = None  # the user's, else the sheet's context (status_from says which)
    status_from: str = ""
    groups: list[str] = field(default_factory=list)  # group rows that say nothing of their rows (重点对接)
    example_rows: list[int] = field(default_factory=list)  # 1-based rows of a template's example
    continuations: list[int] = field(default_factory=list)  # 1-based rows without a name under a project
    foreign: list[ColumnInfo] = field(default_factory=list)  # money columns in another currency
    marked: int = 0  # names or codes that carried a key-project mark
    unknown_statuses: dict[str, list[int]] = field(default_factory=dict)  # word → data rows k
    factors: dict[str, int] = field(default_factory=dict)  # money field → the unit its cells are in

    def __len__(self) -> int:
        return len(self.data_rows)

    def column(self, name: str) -> list:
        return self.values.get(name) or [None] * len(self.data_rows)

    def add_problem(self, k: int, problem: CellProblem) -> None:
        self.problems.setdefault(k, []).append(problem)

    def hint(self, k: int) -> str | None:
        if self.status_hint is not None and self.status_hint[k] is not None:
            return self.status_hint[k]
        return self.layout.status_hint


@dataclass(frozen=True)
class PlanOptions:
    unit: int | None = None  # the user's unit for money that has none (factor)
    column_units: dict[int, int] = field(default_factory=dict)  # the user's unit for one column
    date1904: bool = False
    known_districts: frozenset[str] = frozenset()
    known_sectors: frozenset[str] = frozenset()
    district: str | None = None  # the user's district for rows without one
    sector: str | None = None
    status: str | None = None
    status_map: dict[str, str] = field(default_factory=dict)  # folded word → status value
    rates: dict[str, Decimal] = field(default_factory=dict)  # currency → yuan per unit (--rate USD=7.10)


_GAP_RE = re.compile(r"\s{2,}|\n|\u3000")


def _head_of(text: str) -> str:
    """The part of a "建设单位及责任人" cell before the person: up to a line break or a run of spaces."""
    head = _GAP_RE.split(text.strip(), maxsplit=1)[0]
    return head or text


def combined_name(header: str) -> bool:
    """A name column that also holds the project's content ("项目名称及建设内容")."""
    return any(w in header for w in ("内容", "规模", "简介", "概况"))


def foreign_currency(info: ColumnInfo, layout: SheetLayout, opts: PlanOptions) -> str | None:
    """The currency of a money column that is not yuan ("USD", "CAD" …; "?" for millions of an
    unstated currency; "unstated" for amounts with no unit or currency in a list written wholly in
    English, which no bureau keeps in yuan): such a column is never read as yuan. None for yuan, or
    for amounts whose unit the user gave."""
    currency = info.currency or (layout.unit_currency if info.unit is None else None)
    if currency is not None:
        return None if rate_for(currency, opts) is not None else currency
    unitless = info.unit is None and layout.unit_line is None and opts.column_units.get(info.index) is None
    if unitless and opts.unit is None and layout.english:
        return "unstated"
    return None


def rate_for(currency: str, opts: PlanOptions) -> Decimal | None:
    """The user's rate for a column's currency ("USD?" — a bare $ — takes a USD rate)."""
    return opts.rates.get(currency) or (opts.rates.get("USD") if currency == "USD?" else None)


def _in_yuan(info: ColumnInfo, layout: SheetLayout, opts: PlanOptions, unit: int | None) -> Callable[[Any], Any]:
    """A money column in another currency at the user's rate: integer yuan (rounded half-up), and
    for the planned investment the original amount, currency and rate, kept on the project."""
    currency = info.currency or layout.unit_currency or "USD"
    rate = rate_for(currency, opts)
    code = "USD" if currency == "USD?" else currency
    f = info.field or ""

    def convert(v: Any) -> Any:
        units = cells.parse_money_cell(v, unit, f)  # whole units of the currency
        original = ForeignAmount(code, Decimal(units), rate)  # type: ignore[arg-type]
        return (original.yuan, original) if f == "planned_investment" else original.yuan

    return convert


def converter(info: ColumnInfo, layout: SheetLayout, opts: PlanOptions) -> Callable[[Any], Any]:
    """The parser of one column: its kind, and for money the unit (the user's choice for this
    column, else the header's, else the unit line's, else the user's default)."""
    f = info.field or ""
    unit = opts.column_units.get(info.index) or info.unit or layout.unit_line or opts.unit
    if info.month is not None:
        return lambda v: cells.parse_money_cell(v, unit, "amount")
    if f == "month":
        return lambda v: cells.parse_month(v, layout.year, "month", opts.date1904)
    if f == "notes":
        return lambda v: cells.parse_note(v, f)
    kind = KIND_OF.get(f, Kind.TEXT)
    if kind is Kind.MONEY and (info.currency or (layout.unit_currency and info.unit is None)):
        return _in_yuan(info, layout, opts, unit)
    if kind is Kind.MONEY:
        return lambda v: cells.parse_money_cell(v, unit, "plan" if f == "annual_plan" else f)
    if kind is Kind.STATUS and opts.status_map:
        mapped = opts.status_map

        def status(v: Any) -> Any:
            chosen = mapped.get(cells.fold(cells.display(v)))
            return Status(chosen) if chosen else cells.parse_status_cell(v, f)

        return status
    if kind is Kind.DECIMAL and info.area not in (None, "mu"):
        factor = _AREA_FACTORS[info.area]
        return lambda v: cells.parse_decimal(v, f) * factor
    parsers: dict[Kind, Callable[[Any], Any]] = {
        Kind.CODE: lambda v: cells.parse_code(v, f),
        Kind.DATE: lambda v: parse_fuzzy(v, f, opts.date1904, info.date_order),
        Kind.DECIMAL: lambda v: cells.parse_decimal(v, f),
        Kind.STATUS: lambda v: cells.parse_status_cell(v, f),
        Kind.BOOL: lambda v: cells.parse_bool(v, f),
        Kind.PROJECT_TYPE: lambda v: cells.parse_project_type(v, f),
        Kind.INVESTOR_ORIGIN: lambda v: cells.parse_origin(v, f),
    }
    if f == "district":
        return lambda v: place_of(cells.parse_text(v, f))
    if f == "construction_period":
        return lambda v: parse_range(v, f, opts.date1904)
    if f in ("enterprise", "officer") and ("责任人" in info.header or "联系人" in info.header):
        return lambda v: cells.parse_text(_head_of(v) if isinstance(v, str) else v, f)  # "某公司    李某": the unit
    if f == "name" and combined_name(info.header):
        return lambda v: cells.parse_text(cells.name_part(v) if isinstance(v, str) else v, f)
    return parsers.get(kind, lambda v: cells.parse_text(v, f))


class _Refusal:
    __slots__ = ("error",)

    def __init__(self, error: ValidationError) -> None:
        self.error = error


class ColumnConverter:
    """Converts one column's cells, chunk after chunk. Repeating values go through a table of
    their conversions (refusals included); mostly distinct columns and columns holding bools
    (True == 1.0 as a dictionary key) go cell by cell."""

    def __init__(self, convert: Callable[[Any], Any], field: str = "") -> None:
        self.convert = convert
        self.field = field
        self.table: dict[Any, Any] | None = None
        self.decided = False

    def __call__(self, raw: tuple | list) -> tuple[list, list[tuple[int, Any, ValidationError]]]:
        errors: list[tuple[int, Any, ValidationError]] = []
        distinct = set(raw)
        if ExcelError in set(map(type, distinct)):  # never a value, never a blank: a problem
            return self._one_by_one(raw, errors), errors
        if not self.decided:
            self.decided = True
            if len(distinct) * 2 <= len(raw) or len(raw) < 64:
                self.table = {}
        if self.table is None or bool in set(map(type, distinct)):
            return self._one_by_one(raw, errors), errors
        table, convert = self.table, self.convert
        failed = False
        for v in distinct:
            hit = table.get(v, _MISSING) if v.__class__ is not bool else _MISSING
            if hit is _MISSING:
                if v == "" or v is None or (v.__class__ is str and not v.strip()):
                    hit = None
                else:
                    try:
                        hit = convert(v)
                    except ValidationError as exc:
                        hit = _Refusal(exc)
                table[v] = hit
            if hit.__class__ is _Refusal:
                failed = True
        if len(table) > 200_000:
            self.table = None  # it was not repeating after all
        out = [table[v] for v in raw]
        if failed:
            for k, v in enumerate(out):
                if v.__class__ is _Refusal:
                    errors.append((k, raw[k], v.error))
                    out[k] = None
        return out, errors

    def _one_by_one(self, raw: tuple | list, errors: list) -> list:
        out: list = [None] * len(raw)
        convert = self.convert
        for k, v in enumerate(raw):
            if v.__class__ is ExcelError:
                errors.append((k, v, ValidationError(Problem("excel_error", self.field, {"value": str(v)}))))
                continue
            if v == "" or v is None or (v.__class__ is str and not v.strip()):
                continue
            try:
                out[k] = convert(v)
            except ValidationError as exc:
                errors.append((k, v, exc))
        return out


_MISSING = object()


class PlanBuilder:
    """Builds the plan of one sheet from its rows, as many at a time as have been read."""

    def __init__(self, sheet: RawSheet, layout: SheetLayout, opts: PlanOptions | None = None) -> None:
        self.sheet, self.layout, self.opts = sheet, layout, opts or PlanOptions()
        self.plan = plan = SheetPlan(layout)
        self.pos = max(layout.data_start - sheet.row_offset, 0)
        self.done = False
        off = sheet.col_offset
        self.columns: list[tuple[int, ColumnInfo, ColumnConverter]] = []
        self.foreign: list[ColumnInfo] = []
        for info in sorted(layout.mapped(), key=lambda c: c.joined):  # a joined column after its first
            if info.month is not None and info.month[0] is None:
                plan.sheet_problems.append(CellProblem(sheet.name, layout.header_row + 1, info.letter, info.header,
                                                       info.header, Problem("month_without_year", "month",
                                                                            {"value": info.header})))  # fmt: skip
                continue
            if info.is_money and foreign_currency(info, layout, self.opts) is not None:
                self.foreign.append(info)  # never read as yuan: left out, said in one sentence
                continue
            self.columns.append((info.index - off, info, ColumnConverter(converter(info, layout, self.opts),
                                                                         info.field or "")))  # fmt: skip
            if info.is_money and not info.currency:
                plan.factors.setdefault("amount" if info.month is not None else info.field or "", (
                    self.opts.column_units.get(info.index) or info.unit or layout.unit_line or self.opts.unit or 1))  # fmt: skip
            if info.month is None and info.field not in ("annual_plan", "chain", "ytd"):
                plan.values.setdefault(info.field or "", [])
            if info.field == "since_start":
                plan.since_start_as_of = info.period
        self.examples = frozenset(layout.example_rows)
        plan.example_rows = [r + 1 for r in layout.example_rows]
        cols = {c.field: c.index - off for c in layout.mapped() if c.field in ("code", "name")}
        self.code_col, self.name_col = cols.get("code"), cols.get("name")
        self.header_name = self._header_name(sheet, layout)
        self.number_col = next((c.index - off for c in layout.columns if c.field == ROW_NUMBER), None)
        if self.opts.district:
            plan.default_district, plan.district_from = self.opts.district, "user"
        elif layout.district_hint:
            plan.default_district, plan.district_from = layout.district_hint, layout.district_from
        plan.default_sector = self.opts.sector or None
        if self.opts.status:
            plan.default_status, plan.status_from = self.opts.status, "user"
        elif layout.status_hint:
            plan.default_status, plan.status_from = layout.status_hint, layout.status_from
        self.contexts: list | None = None
        self.current: tuple | None = None
        self.sec1: tuple | None = None
        self.sec2: tuple | None = None
        self.unitless: dict[int, ColumnInfo] = {}
        self.spans: dict[int, dict[int, int]] = {}
        self.vertical: list[tuple[int, int, int, int]] = []
        for r0, c0, r1, c1 in sheet.merged[:200_000]:
            if r1 > r0 and r0 >= layout.data_start:
                self.vertical.append((r0, c0, r1, c1))
            elif r1 == r0:
                self.spans.setdefault(r0 - sheet.row_offset, {})[c0 - off] = c1 - c0 + 1

    def _header_name(self, sheet: RawSheet, layout: SheetLayout) -> str | None:
        """The name column's header text as its cell holds it (a row repeating it is a header)."""
        if self.name_col is None:
            return None
        for r in range(layout.header_row, layout.data_start):
            i = r - sheet.row_offset
            row = sheet.rows[i] if 0 <= i < len(sheet.rows) else []
            value = row[self.name_col] if self.name_col < len(row) else ""
            if isinstance(value, str) and value.strip():
                return value
        return None

    # -- feeding -------------------------------------------------------------------------------------
    def feed(self, upto: int | None = None) -> None:
        """Process the rows read so far (up to index ``upto`` of RawSheet.rows)."""
        if self.done:
            return
        rows = self.sheet.rows
        end = len(rows) if upto is None else min(upto, len(rows))
        if end <= self.pos:
            return
        self._fill_vertical_merges(self.pos, end)
        first_k = len(self.plan.data_rows)
        self._select(self.pos, end)
        self.pos = end
        self._convert(first_k)

    def finish(self) -> SheetPlan:
        self.feed()
        self.done = True
        plan = self.plan
        plan.needs_unit = list(self.unitless.values())
        self._marks()
        self._periods()
        self._continuations()
        self._apply_contexts()
        if self.layout.kind == MONTHLY and "month" in self.layout.fields():
            self._long_months()
        self._unknown_statuses()
        return plan

    def _marks(self) -> None:
        """★ ■ ● ▲ before or after a name, a code or a row number: a key project; the mark goes."""
        plan = self.plan
        marked: set[int] = set()
        for f in ("name", "code"):
            col = plan.values.get(f)
            if not col:
                continue
            joined = "\x00".join(v for v in col if v)
            if not any(mark in joined for mark in MARKS):  # one scan of the column, not a regex per cell
                continue
            for k, v in enumerate(col):
                if v and _MARKS_RE.search(v):
                    stripped = _MARKS_RE.sub("", v)
                    if stripped:
                        col[k] = stripped
                        marked.add(k)
        j = self.number_col
        if j is not None:
            rows = self.sheet.rows
            for k, i in enumerate(plan.data_rows):
                row = rows[i]
                v = row[j] if j < len(row) else ""
                if v.__class__ is str and _MARKS_RE.search(v):
                    marked.add(k)
        if not marked:
            return
        plan.marked = len(marked)
        flags = plan.values.get("is_key_project")
        if flags is None:
            flags = plan.values["is_key_project"] = [None] * len(plan)
        for k in marked:
            if flags[k] is None:
                flags[k] = True

    def _periods(self) -> None:
        """建设年限 "2009-2011" gives the start and the planned completion where the row lacks them."""
        plan = self.plan
        periods = plan.values.pop("construction_period", None)
        if not periods or all(p is None for p in periods):
            return
        n = len(plan)
        for f, end in (("construction_start_on", 0), ("production_on", 1)):
            days = plan.values.setdefault(f, [None] * n)
            precisions = plan.values.setdefault(f + "_precision", [None] * n)
            for k, period in enumerate(periods):
                if period is not None and days[k] is None:
                    days[k], precisions[k] = period[end]

    def _continuations(self) -> None:
        """A row with values but neither name nor code, under a project (a funding-source line, a
        second line of its text) continues that project: its amounts are not a second project. A
        nameless row before any project is a problem of its own."""
        plan = self.plan
        names, codes = plan.values.get("name"), plan.values.get("code")
        drop: list[int] = []
        for k in range(len(plan)):
            if (names is not None and names[k] is not None) or (codes is not None and codes[k] is not None):
                continue
            if any(p.problem.field in ("name", "code") for p in plan.problems.get(k, ())):
                continue
            if k > 0:
                drop.append(k)
            else:
                plan.problems.pop(k, None)
                plan.add_problem(k, CellProblem(self.sheet.name, plan.row_numbers[k], "", "", "",
                                                Problem("not_a_project_row", "name")))  # fmt: skip
        if drop:
            plan.continuations = [plan.row_numbers[k] for k in drop]
            for k in drop:
                plan.skipped[plan.data_rows[k]] = "continuation"
            self._drop(set(drop))

    def _drop(self, drop: set[int]) -> None:
        """Remove data rows ``drop`` from every column of the plan."""
        plan = self.plan
        keep = [k for k in range(len(plan)) if k not in drop]
        new = {old: i for i, old in enumerate(keep)}
        plan.data_rows = [plan.data_rows[k] for k in keep]
        plan.row_numbers = [plan.row_numbers[k] for k in keep]
        for f, col in plan.values.items():
            plan.values[f] = [col[k] for k in keep]
        plan.problems = {new[k]: ps for k, ps in plan.problems.items() if k in new}
        plan.months = [(new[k], *rest) for k, *rest in plan.months if k in new]  # type: ignore[misc]
        plan.plans = [(new[k], *rest) for k, *rest in plan.plans if k in new]  # type: ignore[misc]
        plan.ytd = [(new[k], *rest) for k, *rest in plan.ytd if k in new]  # type: ignore[misc]
        plan.numeric_codes = [new[k] for k in plan.numeric_codes if k in new]
        if plan.chain is not None:
            plan.chain = [plan.chain[k] for k in keep if k < len(plan.chain)]
        if plan.status_hint is not None:
            plan.status_hint = [plan.status_hint[k] for k in keep if k < len(plan.status_hint)]
        if self.contexts is not None:
            self.contexts = [self.contexts[k] for k in keep]

    def _unknown_statuses(self) -> None:
        """Status words nobody taught zqtracker: listed once each (the preview asks what each
        means; ``--status-map`` says it on the command line)."""
        plan = self.plan
        for k, problems in plan.problems.items():
            for p in problems:
                if p.problem.code == "unknown_status":
                    plan.unknown_statuses.setdefault(p.value, []).append(k)

    def _select(self, start: int, end: int) -> None:
        plan, rows = self.plan, self.sheet.rows
        code_col, base = self.code_col, self.sheet.row_offset + 1
        data, numbers = plan.data_rows, plan.row_numbers
        examples, offset = self.examples, self.sheet.row_offset
        repeat, name_col = self.header_name, self.name_col if self.name_col is not None else 0
        for i in range(start, end):
            row = rows[i]
            if not any(row):
                plan.blank += 1
                continue
            if examples and i + offset in examples:
                plan.skipped[i] = "example"
                continue
            if repeat is not None and name_col < len(row) and row[name_col] == repeat:  # the header again
                plan.skipped[i] = "header"  # (a second table under the first, a page header printed twice)
                continue
            code = row[code_col] if code_col is not None and code_col < len(row) else ""
            if code == "" or code is None or (code.__class__ is str and not code.strip()):
                what = classify(row, self.name_col, code_col, self.number_col, self.spans.get(i, {}))
                if what is not None:
                    if what[0] == "note":
                        plan.notes_from = i + base
                        plan.skipped[i] = "note"
                        self.done = True
                        break
                    if what[0] != "blank":
                        plan.skipped[i] = what[0]
                    self._skip(what)
                    continue
            data.append(i)
            numbers.append(i + base)
            if self.contexts is not None:
                self.contexts.append(self.current)

    def _skip(self, what: tuple[str, str]) -> None:
        kind_of_row, text = what
        plan = self.plan
        if kind_of_row == "blank":
            plan.blank += 1
        elif kind_of_row == "total":
            plan.totals += 1
        else:
            kind, value = self._section_kind(text)
            if kind_of_row == "section1":
                self.sec1, self.sec2 = (kind, value), None
            else:
                self.sec2 = (kind, value)
            self.current = (self.sec1, self.sec2)
            if self.contexts is None:
                self.contexts = [None] * len(plan.data_rows)
            if kind != "group":
                plan.sections.append(text)

    def _section_kind(self, text: str) -> tuple[str, str]:
        """What a section row names for the rows under it: a level or district, a stage, a
        sector — or nothing (a priority group such as 重点对接 is not a sector)."""
        if is_level(text):
            level = level_of(text)
            return ("district", level) if level else ("group", text)
        status = status_of_section(text)
        if status is not None:
            return "status", status.value
        if is_district(text, self.opts.known_districts):
            return "district", text
        if text in self.opts.known_sectors or is_sector_text(text):
            return "sector", text
        self.plan.groups.append(text)
        return "group", text

    def _convert(self, first_k: int) -> None:
        plan, rows, sheet = self.plan, self.sheet.rows, self.sheet
        chosen = plan.data_rows[first_k:]
        if not chosen:
            return
        columns = _transpose(rows, chosen)
        n = len(chosen)
        for info in self.foreign:
            j = info.index - sheet.col_offset
            if info not in plan.foreign and 0 <= j < len(columns) and any(not cells.is_empty(v) for v in columns[j]):
                plan.foreign.append(info)
        for j, info, convert in self.columns:
            raw = columns[j] if 0 <= j < len(columns) else ("",) * n
            values, errors = convert(raw)
            for k, v, exc in errors:
                for p in exc.problems:
                    if p.code == "unknown_unit":
                        self.unitless[info.index] = info
                    shown = str(p.params["value"]) if p.code == "ambiguous_date" else cells.display(v)  # as typed
                    plan.add_problem(first_k + k, CellProblem(sheet.name, plan.row_numbers[first_k + k], info.letter,
                                                              info.header, shown, p))  # fmt: skip
            self._store(info, values, raw, first_k)

    def _store(self, info: ColumnInfo, values: list, raw: tuple | list, first_k: int) -> None:
        plan, f = self.plan, info.field or ""
        if info.month is not None:
            y, m = info.month
            plan.months.extend((first_k + k, y, m, v) for k, v in enumerate(values) if v is not None)  # type: ignore[misc]
        elif f == "ytd":
            y, m = info.period  # type: ignore[misc]
            plan.ytd.extend((first_k + k, y, m, v) for k, v in enumerate(values) if v is not None)
        elif f == "annual_plan":
            year = info.year or self.layout.year
            for k, v in enumerate(values):
                if v is None:
                    continue
                if year is None:
                    plan.add_problem(first_k + k, CellProblem(
                        self.sheet.name, plan.row_numbers[first_k + k], info.letter, info.header,
                        cells.display(raw[k]), Problem("month_without_year", "plan", {"value": info.header})))  # fmt: skip
                else:
                    plan.plans.append((first_k + k, year, v))
        elif f == "planned_investment" and any(isinstance(v, tuple) for v in values):  # (yuan, original)
            plan.values[f].extend(v[0] if isinstance(v, tuple) else v for v in values)
            plan.values.setdefault("planned_foreign", [None] * first_k).extend(
                v[1] if isinstance(v, tuple) else None for v in values
            )
        elif f in DATE_FIELDS:  # (day, precision): the date, and how precise the cell was
            plan.values[f].extend(v[0] if v is not None else None for v in values)
            plan.values.setdefault(f + "_precision", [None] * first_k).extend(
                v[1] if v is not None else None for v in values
            )
        elif f == "chain":
            if plan.chain is None:
                plan.chain = [None] * first_k
            plan.chain.extend(v or None for v in values)
        else:
            if f == "project_type" and None in values:
                self._continuing(values, raw, first_k)
            elif f == "code" and float in set(map(type, raw)):
                plan.numeric_codes.extend(first_k + k for k, v in enumerate(raw) if v.__class__ is float)
            if info.joined:
                column = plan.values[f]
                for k, v in enumerate(values):
                    if v is not None:
                        before = column[first_k + k]
                        column[first_k + k] = v if before is None else f"{before} {v}"
            else:
                plan.values[f].extend(values)

    def _continuing(self, values: list, raw: tuple | list, first_k: int) -> None:
        """建设性质 "续建" says the project is being built, not what type it is."""
        plan = self.plan
        for k, v in enumerate(values):
            if v is None and raw[k] not in ("", None) and cells.fold(cells.display(raw[k])) in cells.CONTINUING:
                if plan.status_hint is None:
                    plan.status_hint = []
                plan.status_hint.extend([None] * (first_k + k + 1 - len(plan.status_hint)))
                plan.status_hint[first_k + k] = "under_construction"

    def _fill_vertical_merges(self, start: int, end: int) -> None:
        """A cell merged down over several rows (a district over its projects) holds for each."""
        sheet = self.sheet
        for r0, c0, r1, c1 in self.vertical:
            top = r0 - sheet.row_offset
            lo, hi = max(top + 1, start), min(r1 - sheet.row_offset, end - 1)
            if lo > hi or not 0 <= top < len(sheet.rows):
                continue
            for c in range(c0, c1 + 1):
                j = c - sheet.col_offset
                if j in (self.name_col, self.code_col):  # a project spread over rows: the rows below continue it
                    continue
                value = sheet.rows[top][j] if 0 <= j < len(sheet.rows[top]) else ""
                if cells.is_empty(value):
                    continue
                for i in range(lo, hi + 1):
                    row = sheet.rows[i]
                    if j < len(row) and cells.is_empty(row[j]):
                        row[j] = value

    # -- finishing -----------------------------------------------------------------------------------
    def _apply_contexts(self) -> None:
        """Sections fill in the sector, chain, district and stage rows leave blank; then what the
        user said, or the sheet's title, name or 填报单位 line, fills in the rest."""
        plan, n = self.plan, len(self.plan)
        if plan.status_hint is not None:
            plan.status_hint.extend([None] * (n - len(plan.status_hint)))
        if plan.chain is not None:
            plan.chain.extend([None] * (n - len(plan.chain)))
        if self.contexts is not None:
            sectors = plan.values.setdefault("sector", [None] * n)
            districts = plan.values.setdefault("district", [None] * n)
            chain = plan.chain if plan.chain is not None else [None] * n
            for k, ctx in enumerate(self.contexts):
                if ctx is None:
                    continue
                found_sectors = [s[1] for s in ctx if s and s[0] == "sector"]
                found_districts = [s[1] for s in ctx if s and s[0] == "district"]
                found_status = [s[1] for s in ctx if s and s[0] == "status"]
                if sectors[k] is None and found_sectors:
                    sectors[k] = found_sectors[-1]
                if chain[k] is None and len(found_sectors) == 2:
                    chain[k] = found_sectors[0]
                if districts[k] is None and found_districts:
                    districts[k] = found_districts[-1]
                if found_status:
                    if plan.status_hint is None:
                        plan.status_hint = [None] * n
                    if plan.status_hint[k] is None:
                        plan.status_hint[k] = found_status[-1]
            plan.chain = chain
        for f, default in (("district", plan.default_district), ("sector", plan.default_sector)):
            if default is None:
                continue
            values = plan.values.setdefault(f, [None] * n)
            for k in range(n):
                if values[k] is None:
                    values[k] = default
        for f in ("sector", "district"):
            values = plan.values.get(f)
            if values is not None and all(v is None for v in values) and f not in self.layout.fields():
                del plan.values[f]

    def _long_months(self) -> None:
        """A long monthly sheet: each row's month and amount make one record."""
        plan, layout = self.plan, self.layout
        months = plan.values.pop("month", None) or [None] * len(plan)
        amounts = plan.values.pop("amount", None) or [None] * len(plan)
        for k, (month, amount) in enumerate(zip(months, amounts, strict=True)):
            if month is not None and amount is not None:
                plan.months.append((k, month[0], month[1], amount))
            elif k not in plan.problems:
                missing = "month" if month is None else "amount"
                info = next((c for c in layout.mapped() if c.field == missing), None)
                plan.add_problem(k, CellProblem(self.sheet.name, plan.row_numbers[k], info.letter if info else "",
                                                info.header if info else "", "", Problem("required", missing)))  # fmt: skip


def _transpose(rows: list[list], chosen: list[int]) -> list[tuple]:
    """The chosen rows' columns, rows padded to one width: one C-level zip, not a loop per column."""
    if chosen[-1] - chosen[0] + 1 == len(chosen):
        selected = rows[chosen[0] : chosen[-1] + 1]
    else:
        selected = [rows[i] for i in chosen]
    width = max(map(len, selected))
    if min(map(len, selected)) != width:
        selected = [r if len(r) == width else [*r, *([""] * (width - len(r)))] for r in selected]
    return list(zip(*selected, strict=True))
