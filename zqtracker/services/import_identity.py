"""Which rows of one import are which project, beyond the matcher's row-by-row answer.

A 编号 column holding 1, 2 … n in order is the list's row numbers, not codes (read, it stored a
district's row numbers as codes and the next month's renumbered list re-attached rows to other
projects); a stored code set that is 1 … n is told to the matcher (import_matching.Matcher._retold).
A first import listing one project twice — once with a code and once without, or under two codes
(the same name, district and enterprise) — names the earlier row, as two code-less rows do; with other
values both rows are refused, each naming the other (import_contradict), as on a re-import. Two rows
that come to one stored project (a --link onto a project another row matches, or two rows changing
it) are refused: one project takes one row of a list.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from zqtracker.domain.errors import Problem
from zqtracker.io.layout import PROJECTS, SheetLayout
from zqtracker.io.plan import SheetPlan

if TYPE_CHECKING:
    from zqtracker.services.import_model import Context, ImportAnalysis, SeenRows, SheetAnalysis

_SAID = 9  # ColumnInfo.quality of a column the user mapped (io/field_choice.apply_overrides)


def row_number_codes(plan: SheetPlan, layout: SheetLayout | None = None) -> None:
    """A code column whose values are exactly 1, 2 … n in order (numbers or text) is not imported:
    a row number like 序号, said as a column whose values are not codes — unless the user mapped it
    (``layout``: the sheet's as the import shows it, when the plan was built from a copy of it)."""
    codes = plan.values.get("code")
    if not codes or len(codes) < 2 or codes[0] != "1" or any(c != str(i) for i, c in enumerate(codes, 1)):
        return
    info = next((c for c in plan.layout.mapped() if c.field == "code"), None)
    if info is None or info.quality >= _SAID:
        return
    del plan.values["code"]
    for shown in {id(c): c for c in (info, *(layout.mapped() if layout else ()))}.values():
        if shown.index == info.index:
            shown.field, shown.note = None, "rejected:code"


def numbered(matcher: Any) -> set[str]:
    """The stored codes when those written as whole numbers are 1, 2 … n (two or more): a list's row
    numbers taken for codes before — a row under one of them is that project only by its very name."""
    if matcher.numbers is None:
        small = {c for c in matcher.by_code if c.isdigit() and c[0] != "0"}
        whole = len(small) >= 2 and small == {str(i) for i in range(1, len(small) + 1)}
        matcher.numbers = small if whole else set()
    return matcher.numbers


def named_twice(seen: SeenRows, sa: SheetAnalysis, ks: list[int], result: ImportAnalysis) -> list[int]:
    """Of the rows ``ks`` that would be new projects, those not already given by an earlier row under
    another code or none (same name and district; the same enterprise, or one of them without: a row
    without a code repeats the coded one; two codes are two projects unless both give one enterprise).
    The others are refused, naming the earlier row — and the earlier row too when the two give the project
    other values (import_contradict: neither is known right; a re-import did so, a first import kept the
    earlier row's 40,000万 as if right, probe33a)."""
    from zqtracker.services.import_contradict import differences, refuse_both, row_of
    from zqtracker.services.import_matching import company_key, district_key, name_keys

    plan = sa.plan
    assert plan is not None
    codes, names = plan.column("code"), plan.column("name")
    if not ks or (not seen.named and not any(codes[k] for k in ks)):
        return ks  # (the common case: no codes, or none yet — code-less twins are caught by SeenRows)
    districts, enterprises = plan.column("district"), plan.column("enterprise")
    keys = dict(zip(ks, name_keys([names[k] or "" for k in ks]), strict=True))
    keep = []
    for k in ks:
        if not names[k]:
            keep.append(k)
            continue
        code, entry = codes[k], (sa.name, plan.row_numbers[k], codes[k], districts[k], enterprises[k])
        earlier = seen.named.get(keys[k])
        if earlier is None:  # a name met once (nearly every row): its district and enterprise keys only if met again
            seen.named[keys[k]] = [entry]
            keep.append(k)
            continue
        place, company = district_key(districts[k]), company_key(enterprises[k]) if enterprises[k] else ""
        first = next(
            (
                at
                for at in earlier
                if district_key(at[3]) == place and _twins(at[2], company_key(at[4]) if at[4] else "", code, company)
            ),
            None,
        )
        if first is None:
            earlier.append(entry)
            keep.append(k)
            continue
        at = row_of(result, first[0], first[1])
        both = differences(at, (sa, k)) if at is not None else None
        if both is not None:  # (two codes are how the rows differ, not what they contradict each other in)
            both = replace(both, items=tuple(i for i in both.items if i[0] != "code"))
        if at is not None and both is not None and both.items:
            if at[0] is sa and at[1] in keep:
                keep.remove(at[1])
            refuse_both(result, at, (sa, k), both, "rows_differ", "name", names[k])
            continue
        where = first[1] if first[0] == sa.name else f"{first[1]} ({first[0]})"
        problem = Problem("named_twice_in_file", "name", {"value": names[k], "first_row": where})
        _refuse(sa, k, "name", names[k], problem)
    return keep


def _twins(code: str | None, company: str, other_code: str | None, other_company: str) -> bool:
    """Two rows of one name and district (codes, company_key'd enterprises) that are one project."""
    if code == other_code or (code and other_code and not (company and company == other_company)):
        return False  # one code: caught before; two codes: two projects, unless one enterprise says both
    return not company or not other_company or company == other_company


def one_row_each(result: ImportAnalysis, ctx: Context) -> None:
    """Two rows of the import that come to one stored project, one of them by the user's --link or
    both changing it: the later refused, naming the earlier (one project, one row of a list)."""
    from zqtracker.services.import_model import EXISTS, SAME, UPDATE, described

    rows: dict[int, list[tuple[int, int]]] = {}
    for i, sa in enumerate(result.sheets):
        if sa.selected and sa.plan is not None and sa.layout.kind == PROJECTS and sa.status:
            for k, (pid, status) in enumerate(zip(sa.targets, sa.status, strict=True)):
                if pid is not None and pid > 0 and status in (SAME, UPDATE, EXISTS):
                    rows.setdefault(pid, []).append((i, k))
    updating = {(u.sheet, u.k) for u in result.updates}
    refused: set[tuple[int, int]] = set()
    for pid, at in rows.items():
        if len(at) < 2 or (not any(_linked(result, ctx, a) for a in at) and sum(a in updating for a in at) < 2):
            continue
        i0, k0 = at[0]
        first = result.sheets[i0]
        for i, k in at[1:]:
            sa = result.sheets[i]
            row, first_row = sa.plan.row_numbers[k], first.plan.row_numbers[k0]  # type: ignore[union-attr]
            said: dict[str, Any] = {"row": row, "first_row": first_row if i == i0 else f"{first_row} ({first.name})"}
            name = sa.plan.column("name")[k]  # type: ignore[union-attr]
            if sa.status[k] == SAME:
                result.unchanged -= 1
            said["project"] = described(ctx, [pid])
            _refuse(sa, k, "name", name, Problem("same_project_twice", "name", said))
            refused.add((i, k))
    if refused:
        result.updates = [u for u in result.updates if (u.sheet, u.k) not in refused]


def _linked(result: ImportAnalysis, ctx: Context, at: tuple[int, int]) -> bool:
    sa = result.sheets[at[0]]
    row = sa.plan.row_numbers[at[1]]  # type: ignore[union-attr]
    return bool(ctx.links) and ((sa.name, row) in ctx.links or ("", row) in ctx.links)


def _refuse(sa: SheetAnalysis, k: int, f: str, value: Any, problem: Problem) -> None:
    from zqtracker.services.import_model import INVALID, add_problem

    add_problem(sa.plan, k, sa, f, value, problem)  # type: ignore[arg-type]
    sa.status[k] = INVALID
