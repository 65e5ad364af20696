"""How one column's cells become domain values: the converter a column's kind, unit, currency and
header call for, and :class:`ColumnConverter`, which applies it chunk after chunk — per distinct
value where a column repeats, each refused cell kept with its problem (io/plan.py gathers them)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from zqtracker.domain.credit_code import credit_code_problem, normalize_credit_code
from zqtracker.domain.currency import ForeignAmount
from zqtracker.domain.errors import Problem, ValidationError
from zqtracker.domain.money import UNIT_WORDS
from zqtracker.domain.status import Status
from zqtracker.domain.validation import normalize_code
from zqtracker.io import values as cells
from zqtracker.io.cell_currency import cell_in_yuan
from zqtracker.io.columns import Kind
from zqtracker.io.context import district_of_address
from zqtracker.io.dates import MDY_ASSUMED, parse_fuzzy, parse_range
from zqtracker.io.decimals import AREA_FACTORS, area_in_mu, parse_decimal
from zqtracker.io.evidence import place_of
from zqtracker.io.foreign_column_cells import own_currency, yuan_named
from zqtracker.io.headers import KIND_OF
from zqtracker.io.layout import ColumnInfo, SheetLayout
from zqtracker.io.reader import ExcelError, FormulaWithoutValue
from zqtracker.io.tiny_money import check_part_of_yuan
from zqtracker.io.yuan_rounding import rounded_to_yuan

_AREA_PLACES = Decimal("0.0001")


@dataclass(frozen=True)
class PlanOptions:
    unit: int | None = None  # the user's unit for money that has none (factor)
    column_units: dict[int, int] = field(default_factory=dict)  # the user's unit for one column
    remembered_units: dict[int, int] = field(default_factory=dict)  # a column's unit given for an earlier file
    date1904: bool = False
    known_districts: frozenset[str] = frozenset()
    known_sectors: frozenset[str] = frozenset()
    district: str | None = None  # the user's district for rows without one
    sector: str | None = None
    status: str | None = None
    status_map: dict[str, str] = field(default_factory=dict)  # folded word → status value
    rates: dict[str, Decimal] = field(default_factory=dict)  # currency → yuan per unit (--rate USD=7.10)
    hidden_rows: str | None = None  # data rows hidden in the sheet: "import", "skip", or None (not answered)
    struck_rows: str | None = None  # data rows struck through: "import", "skip", or None (not answered)
    date_order: str | None = None  # the user's order of slash dates no date of a column decides ("mdy", "dmy")
    source: str = ""  # the file's name without its suffix: a district it names is the whole file's (block_places)
    title_keys: bool = True  # a list titled 重点项目 marks its projects as key (io/key_lists.py)


# 未开工 in a 开工状态 column: not started — no stage said (the project keeps, or starts at, its own)
_NOT_STARTED = frozenset(("未开工", "尚未开工", "否", "未"))
_GAP_RE = re.compile(r"\s{2,}|\n|\u3000")


def chosen_order(info: ColumnInfo, opts: PlanOptions) -> str:
    """How a date column's slash dates are read: as its dates say, else as the user said, else
    month first (with a note)."""
    return opts.date_order if opts.date_order and info.date_order == MDY_ASSUMED else info.date_order


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
    unitless = money_unit(info, layout, opts) is None
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
        units: int | Decimal | None
        try:
            units = cells.parse_money_cell(v, unit, f)  # whole units of the currency
        except ValidationError:
            if cells.is_placeholder(v):  # "—", "无": no figure, as a blank cell
                return None
            units = own_currency(v, code, f)  # "2000万美元" in a column of US dollars; another currency: asked
            if units is None:
                raise
        else:
            yuan_named(v, code, f)  # "2000万元" under 总投资（万美元）: never multiplied by the rate
        original = ForeignAmount(code, Decimal(units), rate)  # type: ignore[arg-type]
        return (original.yuan, original) if f == "planned_investment" else original.yuan

    return convert


def money_unit(info: ColumnInfo, layout: SheetLayout, opts: PlanOptions, notes: list | None = None) -> int | None:
    """The unit a money column's amounts are read in: the user's choice for this column, else the
    header's, else the unit line's, else the one given for this column of an earlier file with these
    headers, else the user's default for amounts without one (None: no unit). A remembered unit the
    file states another of is said in ``notes`` (probe26c colunit: 亿元 figures read as 万元)."""
    said = opts.column_units.get(info.index)
    stated = info.unit or layout.unit_line
    remembered = opts.remembered_units.get(info.index)
    if notes is not None and not said and stated and remembered and remembered != stated:
        units = (UNIT_WORDS.get(stated, str(stated)), UNIT_WORDS.get(remembered, str(remembered)))
        where = {"sheet": layout.sheet, "column": info.letter, "header": info.header}
        notes.append(Problem("note_remembered_unit", None, {**where, "unit": units[0], "remembered": units[1]}))
    return said or stated or remembered or opts.unit


def converter(info: ColumnInfo, layout: SheetLayout, opts: PlanOptions) -> Callable[[Any], Any]:
    """The parser of one column: its kind, and for money the unit (:func:`money_unit`)."""
    f = info.field or ""
    unit = money_unit(info, layout, opts)
    if info.month is not None:
        return Money(unit, "amount", opts.rates)
    if f == "month":
        return no_figure(cells.parse_month, layout.year, "month", opts.date1904)
    if f == "notes":
        return lambda v: cells.parse_note(v, f)
    kind = KIND_OF.get(f, Kind.TEXT)
    if kind is Kind.MONEY and (info.currency or (layout.unit_currency and info.unit is None)):
        return _in_yuan(info, layout, opts, unit)
    if kind is Kind.MONEY:
        return Money(unit, "plan" if f == "annual_plan" else f, opts.rates)
    if kind is Kind.STATUS and (opts.status_map or "开工" in info.header):
        mapped, started = opts.status_map, "开工" in info.header  # 开工状态: 已开工 / 未开工

        def status(v: Any) -> Any:  # the user's words added to ours, never changing how ours read
            key = cells.fold(cells.display(v))
            chosen = mapped.get(key)
            if chosen:
                return Status(chosen)
            return None if started and key in _NOT_STARTED else cells.parse_status_cell(v, f)

        return status
    if f == "land_area_mu":  # the cell's own unit ("2公顷") over the header's
        return no_figure(area_in_mu, f, AREA_FACTORS[info.area] if info.area else None)
    parsers: dict[Kind, Callable[[Any], Any]] = {
        Kind.CODE: Text(f, code=True),
        Kind.DATE: no_figure(parse_fuzzy, f, opts.date1904, chosen_order(info, opts)),
        Kind.DECIMAL: no_figure(parse_decimal, f),
        Kind.STATUS: lambda v: cells.parse_status_cell(v, f),
        Kind.BOOL: lambda v: cells.parse_bool(v, f),
        Kind.PROJECT_TYPE: lambda v: cells.parse_project_type(v, f),
        Kind.INVESTOR_ORIGIN: lambda v: cells.parse_origin(v, f),
    }
    if f == "district":
        return _district(f, opts.known_districts, layout.district_hint or opts.district)
    if f == "construction_period":
        return no_figure(parse_range, f, opts.date1904)
    if f == "credit_code":
        return _credit_code
    if f in ("enterprise", "officer") and ("责任人" in info.header or "联系人" in info.header):
        return lambda v: cells.parse_text(_head_of(v) if isinstance(v, str) else v, f)  # "某公司    李某": the unit
    if f == "name" and combined_name(info.header):
        return lambda v: cells.parse_text(cells.name_part(v) if isinstance(v, str) else v, f)
    return parsers.get(kind, Text(f))


# "端州区（3个）" in a district cell merged over its projects: the count is no part of the place
_PLACE_COUNT_RE = re.compile(r"\s*[（(]\s*(?:共|合计)?\s*\d+\s*(?:个|项)(?:项目)?\s*[)）]\s*$")
# "高要 区", "四 会 市", "高　要　区": spaces typed to align a column are no part of a Chinese place's name
_SPACE_IN_CJK_RE = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")


def _district(f: str, known: frozenset[str], hint: str | None) -> Callable[[Any], Any]:
    """A district cell: the place it names ("高要区人民政府" → 高要区), and of an address in a known
    district (or the title's) that district ("广宁县南街镇" → 广宁县); worked out once per text."""
    seen: dict[str, str] = {}

    def district(v: Any) -> Any:
        text = place_of(_SPACE_IN_CJK_RE.sub("", _PLACE_COUNT_RE.sub("", cells.parse_text(v, f))))
        found = seen.get(text)
        if found is None:
            found = seen[text] = district_of_address(text, known, hint)
        return found

    return district


def _credit_code(v: Any) -> str | None:
    """An enterprise's 统一社会信用代码, upper case without spaces; one that is not 18 characters of its
    alphabet ending in the right check character is refused on its row (never stored, never matched)."""
    if cells.is_placeholder(v):
        return None
    code = normalize_credit_code(cells.parse_code(v, "credit_code"))
    reason = credit_code_problem(code)
    if reason:
        raise ValidationError(Problem("bad_credit_code", "credit_code", {"value": code, "reason": reason}))
    return code


def no_figure(parse: Callable[..., Any], *args: Any) -> Callable[[Any], Any]:
    """``parse(v, *args)`` for a numeric or date column, where a cell that only says "no figure" ("—",
    "/", "无", "待定": cells.is_placeholder) is blank: None, no value. Looked for only in a cell
    ``parse`` refuses, so a column of numbers or dates pays nothing for it (no call more per cell)."""

    def convert(v: Any) -> Any:
        try:
            return parse(v, *args)
        except ValidationError:
            if cells.is_placeholder(v):
                return None
            raise

    return convert


class Text:
    """cells.parse_text (or parse_code), and :meth:`column` for a chunk of plain texts at once."""

    __slots__ = ("code", "field")

    def __init__(self, field: str, *, code: bool = False) -> None:
        self.field, self.code = field, code

    def __call__(self, v: Any) -> str:
        return cells.parse_code(v, self.field) if self.code else cells.parse_text(v, self.field)

    def column(self, raw: tuple | list) -> list | None:
        """What the cells convert to when every one is text that needs no more than a strip (a
        column of 100k names: C loops, no call per cell); None when one needs more."""
        if set(map(type, raw)) != {str} or "\n#" in "\n" + "\n".join(raw):  # "#REF!" and the like: one by one
            return None
        stripped = list(map(str.strip, raw))
        joined = "\n".join(stripped)
        if not all(map(str.isprintable, stripped)) or (" " if self.code else "  ") in joined:
            return None
        if self.code and not joined.isascii():
            cut = "\x00".join(stripped)  # one normalize_code pass: NUL is neither a gap nor joins across cells
            if normalize_code(cut) != cut:  # "2023－441200", "２０２３": parse_code normalises them, one by one
                return None
        return [t or None for t in stripped]


class Money:
    """cells.parse_money_cell in the column's unit, and :meth:`column` for whole numbers at once. A
    cell naming another currency (2000万美元) is converted at the user's rate, or refused (io/cell_currency.py)."""

    __slots__ = ("factor", "field", "rates", "rounded")

    def __init__(self, factor: int | None, field: str, rates: dict[str, Decimal] | None = None) -> None:
        self.factor, self.field, self.rates = factor, field, rates or {}
        self.rounded: dict[Any, tuple[Decimal, int]] = {}  # cell → (exact yuan, stored): io/yuan_rounding.py says them

    def __call__(self, v: Any) -> Any:
        try:
            yuan = cells.parse_money_cell(v, self.factor, self.field)
            check_part_of_yuan(v, self.factor, self.field, yuan)  # 0.00004万元: 0.4 yuan, asked (never 0)
            if (exact := rounded_to_yuan(v, self.factor, yuan)) is not None:  # 1450.00004万元: said in a note
                self.rounded[v] = (exact, yuan)
            return yuan
        except ValidationError as exc:
            if cells.is_placeholder(v):  # "—", "/", "无", "待定": no figure, as a blank cell (never 0)
                return None
            converted = cell_in_yuan(v, self.field, self.rates) if exc.problems[0].code == "bad_money" else None
            if converted is not None:  # 2000万美元 at the user's rate (io/cell_currency.py)
                return converted
            raise

    def column(self, raw: tuple | list) -> list | None:
        """Cells that are whole numbers (or blank, or "no figure": cells.is_placeholder) in a known
        unit: number × unit, as parse_money_cell gives them; None when one needs more (a fraction, a
        text, a negative, an unknown unit)."""
        factor = self.factor
        if not factor or not set(map(type, raw)) <= {float, str}:
            return None
        numbers = [v for v in raw if v.__class__ is float]
        if len(numbers) < len(raw) and "".join(v for v in raw if v.__class__ is str).strip():
            # only when a text is not blank: "—", "/" and the like are, the first other text ends it
            first = next(v for v in raw if v.__class__ is str and v.strip())
            if not cells.is_placeholder(first) or not all(
                cells.is_placeholder(t) or not t.strip() for t in {v for v in raw if v.__class__ is str}
            ):
                return None
        if numbers and not (
            all(map(float.is_integer, numbers)) and min(numbers) >= 0 and int(max(numbers)) * factor <= cells.MAX_MONEY
        ):
            return None
        return [int(v) * factor if v.__class__ is float else None for v in raw]


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
        types = set(map(type, distinct))
        if ExcelError in types or FormulaWithoutValue in types:  # never a value, never a blank: a problem
            return self._one_by_one(raw, errors), errors
        if not self.decided:
            self.decided = True
            if len(distinct) * 2 <= len(raw) or len(raw) < 64:
                self.table = {}
        if self.table is None or bool in types:
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
        convert = self.convert
        whole = getattr(convert, "column", None)
        if whole is not None and (fast := whole(raw)) is not None:
            return fast
        out: list = [None] * len(raw)
        for k, v in enumerate(raw):
            if v.__class__ is ExcelError:
                errors.append((k, v, ValidationError(Problem("excel_error", self.field, {"value": str(v)}))))
                continue
            if v.__class__ is FormulaWithoutValue:
                errors.append((k, v, ValidationError(_uncalculated(v, self.field))))
                continue
            if v == "" or v is None or (v.__class__ is str and not v.strip()):
                continue
            try:
                out[k] = convert(v)
            except ValidationError as exc:
                errors.append((k, v, exc))
        return out


_MISSING = object()


def _uncalculated(formula: str, field: str) -> Problem:
    if formula == "=":
        return Problem("formula_not_calculated_unknown", field, {})
    return Problem("formula_not_calculated", field, {"formula": str(formula)})
