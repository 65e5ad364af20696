"""One figure in two visible columns — 计划总投资（万元） beside 计划总投资（亿元）, headers the same but
for the unit: the first is read and the second is held against it row by row, never left aside
unread. Where they disagree beyond the rounding of the one written with fewer digits, the row is a
problem naming both cells (a person sees two figures and cannot tell which the import took); where
the first is blank, the second's figure is taken (unless 0: a formula's result for the blank).
Columns whose words differ (总投资 beside 其中：固定资产投资, or 2025年计划投资) are different
figures and stay apart — but for two names of the total investment (计划总投资 beside 总投资): the
second is left out as the same field while the two agree on every row; where they disagree on any
row, which of them is the planned investment is asked of the sheet (--map, the preview's column
menu), naming both columns and the first row that disagrees — it had been left out without a word."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from zqtracker.domain.errors import Problem, ValidationError
from zqtracker.io import values as cells
from zqtracker.io.cell_convert import ColumnConverter, PlanOptions, converter
from zqtracker.io.errors import CellProblem
from zqtracker.io.field_choice import TOTAL_INVESTMENT
from zqtracker.io.headers import split_unit
from zqtracker.io.layout import ColumnInfo, SheetLayout

# Figures stored as they are read (a period's figures — 1–X月, 当月 — have checks of their own).
SHADOWED = frozenset(("planned_investment", "land_area_mu", "expected_annual_output", "expected_annual_tax"))
_NUMBER = frozenset((int, float, Decimal))


@dataclass
class Shadow:
    j: int  # the second column, in the rows as read
    info: ColumnInfo  # ... read as if it were the field's column
    convert: ColumnConverter
    read: ColumnInfo  # the column the field is read from
    named: bool = False  # the total investment under another of its names: asked once where they disagree
    asked: bool = False


def shadowed(layout: SheetLayout) -> dict[int, tuple[ColumnInfo, ColumnInfo]]:
    """Column index → (the duplicate read as if it were the field's column, the column the field is
    read from), for the visible duplicates of a figure whose header has the same words (unless the
    user chose the column to read: quality 9, field_choice.apply_overrides)."""
    out: dict[int, tuple[ColumnInfo, ColumnInfo]] = {}
    read = {info.field: info for info in layout.mapped() if info.month is None and info.field in SHADOWED}
    for info in layout.columns:
        kind, _, f = info.note.partition(":")
        if kind != "duplicate" or f not in read or info.hidden or read[f].currency or read[f].quality >= 9:
            continue
        match = next((c for c in info.candidates if c.field == f), None)
        if match is None or match.currency or split_unit(info.header)[0] != split_unit(read[f].header)[0]:
            continue
        ghost = replace(info, field=f, unit=match.unit or info.unit, currency=None, area=match.area, note="")
        if layout.unit_currency and ghost.unit is None and ghost.is_money:
            continue  # a unit line naming another currency: not comparable with yuan
        out[info.index] = (ghost, read[f])
    return out


def _total_named(header: str) -> bool:
    """A header that is the total investment by one of its names alone (计划总投资, 总投资（万元）)."""
    words = {split_unit(part)[0] for part in header.split(" / ")} - {""}
    return bool(words) and words <= TOTAL_INVESTMENT


def named_otherwise(layout: SheetLayout) -> list[tuple[ColumnInfo, ColumnInfo]]:
    """(the duplicate read as if it were the planned investment, the column it is read from) for the
    visible columns naming the total investment otherwise (总投资 beside 计划总投资), yuan both — unless
    the user chose the column to read (quality 9)."""
    f = "planned_investment"
    read = next((c for c in layout.mapped() if c.month is None and c.field == f), None)
    if read is None or read.currency or read.quality >= 9 or not _total_named(read.header):
        return []
    out = []
    for info in layout.columns:
        if info.note != f"duplicate:{f}" or info.hidden or split_unit(info.header)[0] == split_unit(read.header)[0]:
            continue
        match = next((c for c in info.candidates if c.field == f), None)
        if match is None or match.currency or not _total_named(info.header) or layout.unit_currency:
            continue
        out.append((replace(info, field=f, unit=match.unit or info.unit, currency=None, area=None, note=""), read))
    return out


def shadows(layout: SheetLayout, opts: PlanOptions) -> list[Shadow]:
    pairs = [(ghost, read, False) for ghost, read in shadowed(layout).values()]
    pairs += [(ghost, read, True) for ghost, read in named_otherwise(layout)]
    return [
        Shadow(ghost.index, ghost, ColumnConverter(converter(ghost, layout, opts), ghost.field or ""), read, named)
        for ghost, read, named in pairs
    ]


def check(plan: Any, found: list[Shadow], columns: list[tuple], first_k: int, offset: int, sheet: str) -> None:
    """Hold each shadow column of the chunk just converted against the column read."""
    for shadow in found:
        j, mine = shadow.j - offset, shadow.read.index - offset
        n = len(plan.data_rows) - first_k
        raw = columns[j] if 0 <= j < len(columns) else ("",) * n
        theirs = columns[mine] if 0 <= mine < len(columns) else ("",) * n
        values, _errors = shadow.convert(raw)  # a cell it cannot read: the column read decides
        column = plan.values.get(shadow.info.field or "")
        if column is None:
            continue
        for k, other in enumerate(values):
            if other is None:
                continue
            at = first_k + k
            value = column[at]
            if shadow.named:
                if value is not None and not shadow.asked and not _agree(value, theirs[k], other, raw[k]):
                    shadow.asked = True
                    _ask_which(plan, shadow, sheet, at, (value, theirs[k]), (other, raw[k]))
                continue
            if value is None and not plan.problems.get(at):
                if other:  # (a 0 beside a blank: what =D3/10000 gives an empty D3 — no figure)
                    column[at] = other
            elif value is not None and not _agree(value, theirs[k], other, raw[k]):
                plan.add_problem(
                    at,
                    CellProblem(
                        sheet,
                        plan.row_numbers[at],
                        shadow.info.letter,
                        shadow.info.header,
                        cells.display(raw[k]),
                        Problem(
                            "columns_disagree",
                            shadow.info.field or "",
                            {
                                "column": shadow.read.letter,
                                "header": shadow.read.header,
                                "value": cells.display(theirs[k]),
                                "letter": shadow.info.letter,
                            },
                        ),
                    ),
                )


def _ask_which(plan: Any, shadow: Shadow, sheet: str, at: int, read: tuple, other: tuple) -> None:
    """Two names of the total investment that disagree on row ``at``: which column is it? Asked of the sheet."""
    a, b = shadow.read, shadow.info
    said = {"column": a.letter, "header": a.header, "value": cells.display(read[1]), "yuan": read[0],
            "other": b.letter, "other_header": b.header, "other_value": cells.display(other[1]), "other_yuan": other[0],
            "row": plan.row_numbers[at]}  # fmt: skip
    problem = Problem("planned_in_two_columns", "planned_investment", said)
    plan.sheet_problems.append(
        CellProblem(sheet, plan.row_numbers[at], b.letter, b.header, said["other_value"], problem)
    )


def _agree(a: Any, written_a: Any, b: Any, written_b: Any) -> bool:
    """Within half a unit of the last written digit of either cell (a figure typed rounded)."""
    try:
        diff = abs(Decimal(a) - Decimal(b))
    except (InvalidOperation, TypeError, ValueError):
        return a == b
    return diff <= max(_half_digit(a, written_a), _half_digit(b, written_b), Decimal(1) if isinstance(a, int) else 0)


def _half_digit(value: Any, written: Any) -> Decimal:
    """Half a unit of the written number's last digit, in the stored value's terms (2.5 in a 亿元
    column: 0.05亿元 = 5,000,000 yuan)."""
    try:
        number = Decimal(repr(written)) if written.__class__ in _NUMBER else _first_number(written)
        if number is None or not number.is_finite() or number == 0:
            return Decimal(0)
        places = max(-int(number.as_tuple().exponent), 0)
        return abs(Decimal(value) / number) / (2 * 10**places)
    except (InvalidOperation, TypeError, ValueError, ValidationError):
        return Decimal(0)


def _first_number(text: Any) -> Decimal | None:
    """The number a text cell writes ("2.5亿元", "3,000.5"), as written."""
    digits = ""
    for ch in cells.fold(str(text)).replace(",", ""):
        if ch.isdigit() or (ch == "." and "." not in digits):
            digits += ch
        elif digits:
            break
    return Decimal(digits) if digits.strip(".") else None
