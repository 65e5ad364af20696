"""Two rows of one file that are one project and give it different values: both rows are refused.

A district's list repeating ZQ26006 with other figures (8,669万 / 742万 in row 4, 8,969万 / 1,042万 in
row 9) had only the later row refused, as a repeat of row 4: with --skip-invalid row 4 was stored, its
742万 as if it were known right (probe34b F5). The file contradicts itself and neither row is known right,
so each row is refused naming the other and every value that differs, with both rows' values; skipping
refused rows skips both. The same values twice stay a harmless repeat: the later row alone is refused, as
before (import_model.duplicate_row). A blank against a value is no contradiction (the later row is refused
alone, as before). Rows that come to one stored project (import_twice.py) are held to the same rule.
"""

from __future__ import annotations

from typing import Any

from zqtracker.domain.contradict_messages import Differences
from zqtracker.domain.errors import Problem
from zqtracker.domain.models import PROJECT_FIELDS
from zqtracker.io.plan import SheetPlan
from zqtracker.services.import_matching import company_key, district_key, name_key
from zqtracker.services.import_model import INVALID, ImportAnalysis, SheetAnalysis, add_problem

_FOLDED = {"name": name_key, "district": district_key, "enterprise": company_key}
_MONEY = frozenset(("planned_investment",))


def row_of(result: ImportAnalysis, sheet: str, row: int) -> tuple[SheetAnalysis, int] | None:
    """The sheet and data row ``k`` of 1-based ``row`` of sheet ``sheet`` (a first row met before)."""
    for sa in result.sheets:
        if sa.name == sheet and sa.plan is not None and row in sa.plan.row_numbers:
            return sa, sa.plan.row_numbers.index(row)
    return None


def differences(first: tuple[SheetAnalysis, int], later: tuple[SheetAnalysis, int]) -> Differences | None:
    """What the two rows (sheet, k) say differently — a field, a month, a year to date, a quarter or a
    year's plan that both give, with other values; None when they agree on all that both give."""
    (sa0, k0), (sa, k) = first, later
    p0, p = sa0.plan, sa.plan
    assert p0 is not None and p is not None
    items: list[tuple[str, tuple[tuple[str, int], ...], object, object, int]] = []
    for f in PROJECT_FIELDS:
        a, b = (pl.values[f][j] if pl.values.get(f) else None for pl, j in ((p0, k0), (p, k)))
        if a is None or b is None or a == b:
            continue
        fold = _FOLDED.get(f)
        if fold is not None and fold(str(a)) == fold(str(b)):
            continue
        if isinstance(a, str) and isinstance(b, str) and a.strip() == b.strip():
            continue
        money = f in _MONEY or f in p.factors
        items.append((f, (), a, b, (p.factors.get(f) or 1) if money else 0))
    f0, f1 = _figures(p0, k0), _figures(p, k)
    for key in sorted(f0.keys() & f1.keys()):
        (a, factor), (b, _f) = f0[key], f1[key]
        if a != b:
            what, params = key[0], tuple(zip(("year", "month", "first", "last"), key[1:], strict=False))
            if what == "differs_span":
                params = (("year", key[1]), ("first", key[2]), ("last", key[3]))
            items.append((what, params, a, b, factor))
    if not items:
        return None
    return Differences(_where(sa0, k0, sa), str(p.row_numbers[k]), tuple(items))


def refuse_both(
    result: ImportAnalysis, first: tuple[SheetAnalysis, int], later: tuple[SheetAnalysis, int], said: Differences,
    code: str, field: str, value: Any, extra: dict[str, Any] | None = None,
) -> None:  # fmt: skip
    """Each of the two rows refused with ``code``, naming the other and what differs (``said``)."""
    params = {"value": value, "first_row": said.first_row, "row": said.row, "differences": said, **(extra or {})}
    for sa, k in (first, later):
        assert sa.plan is not None
        if sa.status and sa.status[k] != INVALID:
            _withdraw(result, sa, k)
        add_problem(sa.plan, k, sa, field, value, Problem(code, field, params))
        if sa.status:
            sa.status[k] = INVALID


def _withdraw(result: ImportAnalysis, sa: SheetAnalysis, k: int) -> None:
    """A row counted already (an earlier sheet's: the same row unchanged, or changing its project): no longer."""
    from zqtracker.services.import_model import SAME

    index = result.sheets.index(sa)
    if sa.status[k] == SAME:
        result.unchanged -= 1
    result.updates = [u for u in result.updates if (u.sheet, u.k) != (index, k)]


def _where(sa0: SheetAnalysis, k0: int, sa: SheetAnalysis) -> str:
    row = sa0.plan.row_numbers[k0]  # type: ignore[union-attr]
    return str(row) if sa0.name == sa.name else f"{row} ({sa0.name})"


def _figures(plan: SheetPlan, k: int) -> dict[tuple, tuple[int, int]]:
    """Row ``k``'s figures: (what, year, month …) → (yuan, the factor the sheet writes it in)."""
    amount = plan.factors.get("amount") or 1
    out: dict[tuple, tuple[int, int]] = {}
    for j, y, m, v in plan.months:
        if j == k:
            out[("differs_month", y, m)] = (v, amount)
    for j, y, m, v in plan.ytd:
        if j == k:
            out[("differs_ytd", y, m)] = (v, plan.factors.get("ytd") or amount)
    for j, y, first, last, v in plan.spans:
        if j == k:
            out[("differs_span", y, first, last)] = (v, amount)
    for j, y, v in plan.plans:
        if j == k:
            out[("differs_plan", y)] = (v, plan.factors.get("plan") or amount)
    return out


def contradicts(
    result: ImportAnalysis, later: tuple[SheetAnalysis, int], first: tuple[str, int, Any], value: Any,
    lists: tuple[list[int], ...],
) -> bool:  # fmt: skip
    """Whether row ``later`` (sheet, k), a repeat of the project of an earlier row ``first`` (sheet name,
    row, …) by its code or name, gives it other values: then both rows are refused (the earlier one taken
    out of ``lists``, this sheet's rows matched or new), each naming the other and what differs."""
    sa, k = later
    at = row_of(result, first[0], first[1])
    said = differences(at, later) if at is not None else None
    if at is None or said is None:
        return False
    if at[0] is sa:
        for ks in lists:
            if at[1] in ks:
                ks.remove(at[1])
    code = sa.plan.column("code")[k] if sa.plan is not None else None
    refuse_both(result, at, later, said, "rows_differ", "code" if code else "name", value)
    return True
