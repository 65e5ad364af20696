"""The passes over a sheet's plan once all its rows are in (io/plan.py's PlanBuilder.finish): 建设年限
periods, continuation rows folded into their project, the context of sections and of the sheet filling in
what rows leave blank, a long monthly sheet's records, and the status words nobody taught
zqtracker, and the amounts held against what a project's can be (the sheet's own 合计: io/plan_below.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.domain.money import UNIT_WORDS
from zqtracker.io import values as cells
from zqtracker.io.errors import CellProblem
from zqtracker.io.layout import ColumnInfo, SheetLayout
from zqtracker.io.plan_names import name_alone_rows
from zqtracker.io.plan_outliers import plan_outliers, planned_outliers
from zqtracker.io.row_ranges import runs_text

if TYPE_CHECKING:
    from zqtracker.io.plan import SheetPlan
    from zqtracker.io.reader import RawSheet


def spread_periods(plan: SheetPlan) -> None:
    """建设年限 "2009-2011" gives the start and the planned completion where the row lacks them."""
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


def drop_continuations(
    plan: SheetPlan,
    sheet: str,
    contexts: list | None,
    numbers: list | None = None,
    spanned: set[int] | frozenset = frozenset(),
    outside: set[int] | frozenset = frozenset(),
) -> list | None:
    """A row with values but neither name nor code, under a project (a funding-source line, a
    second line of its text) continues that project: its amounts are not a second project. A
    nameless row before any project is a problem of its own, as is one with a 序号 of its own
    (``numbers``: each row's 序号 cell) — a project whose name is missing, not a continuation —
    and one under a name merged down over it (``spanned``) that gives a planned investment or a
    figure of its own: a phase (一期 50,000 / 二期 30,000), whose amount is neither the project's
    nor to be dropped unsaid. A row whose values all lie under no header (``outside``) is empty, not a
    continuation (io/outside_rows.py)."""
    name_alone_rows(plan, sheet, numbers)
    names, codes = plan.values.get("name"), plan.values.get("code")
    planned = plan.values.get("planned_investment")
    figures = {k for k, *_rest in plan.months} | {k for k, *_rest in plan.ytd}
    drop: list[int] = []
    for k in range(len(plan)):
        if (names is not None and names[k] is not None) or (codes is not None and codes[k] is not None):
            continue
        if k in outside:
            plan.problems.pop(k, None)
            continue
        if any(p.problem.field in ("name", "code") for p in plan.problems.get(k, ())):
            continue
        own = numbers[k] if numbers is not None and k > 0 else None
        if own is not None and own != numbers[k - 1]:  # type: ignore[index]
            plan.problems.pop(k, None)
            plan.add_problem(
                k,
                CellProblem(
                    sheet,
                    plan.row_numbers[k],
                    "",
                    "",
                    str(own),
                    Problem("numbered_without_name", "name", {"value": str(own)}),
                ),
            )
            continue
        if k > 0 and plan.data_rows[k] in spanned and ((planned is not None and planned[k]) or k in figures):
            plan.problems.pop(k, None)
            above = next((names[i] for i in range(k - 1, -1, -1) if names is not None and names[i]), "")
            plan.add_problem(
                k,
                CellProblem(
                    sheet, plan.row_numbers[k], "", "", "", Problem("phase_under_name", "name", {"name": above})
                ),
            )
        elif k > 0:
            drop.append(k)
        else:
            plan.problems.pop(k, None)
            plan.add_problem(
                k, CellProblem(sheet, plan.row_numbers[k], "", "", "", Problem("not_a_project_row", "name"))
            )
    for k in outside:
        plan.skipped[plan.data_rows[k]] = "blank"
    if drop:
        _second_lines(plan, set(drop) | set(outside))
        plan.continuations = [plan.row_numbers[k] for k in drop]
        for k in drop:
            plan.skipped[plan.data_rows[k]] = "continuation"
    if drop or outside:
        contexts = drop_rows(plan, set(drop) | set(outside), contexts)
    return contexts


def _second_lines(plan: SheetPlan, drop: set[int]) -> None:
    """A continuation's 形象进度 or 备注 is a second line of its project's: joined to it with "；"."""
    for f in ("progress_note", "notes"):
        col = plan.values.get(f)
        if col is None:
            continue
        top = 0
        for k in range(len(plan)):
            if k not in drop:
                top = k
            elif col[k] and col[k] != col[top] and k > 0:
                col[top] = f"{col[top]}；{col[k]}" if col[top] else col[k]


def drop_rows(plan: SheetPlan, drop: set[int], contexts: list | None) -> list | None:
    """Remove data rows ``drop`` from every column of the plan."""
    keep = [k for k in range(len(plan)) if k not in drop]
    new = {old: i for i, old in enumerate(keep)}
    plan.data_rows = [plan.data_rows[k] for k in keep]
    plan.row_numbers = [plan.row_numbers[k] for k in keep]
    for f, col in plan.values.items():
        plan.values[f] = [col[k] for k in keep]
    plan.problems = {new[k]: ps for k, ps in plan.problems.items() if k in new}
    for name in ("months", "plans", "ytd", "spans", "chained"):  # (k, …) figures of rows, renumbered
        setattr(plan, name, [(new[k], *rest) for k, *rest in getattr(plan, name) if k in new])
    plan.numeric_codes = [new[k] for k in plan.numeric_codes if k in new]
    if plan.chain is not None:
        plan.chain = [plan.chain[k] for k in keep if k < len(plan.chain)]
    if plan.status_hint is not None:
        plan.status_hint = [plan.status_hint[k] for k in keep if k < len(plan.status_hint)]
    return None if contexts is None else [contexts[k] for k in keep]


def list_unknown_statuses(plan: SheetPlan) -> None:
    """Status words nobody taught zqtracker: listed once each (the preview asks what each
    means; ``--status-map`` says it on the command line)."""
    for k, problems in plan.problems.items():
        for p in problems:
            if p.problem.code == "unknown_status":
                plan.unknown_statuses.setdefault(p.value, []).append(k)


def apply_contexts(plan: SheetPlan, contexts: list | None, layout: SheetLayout) -> None:
    """Sections fill in the sector, chain, district and stage rows leave blank; then what the
    user said, or the sheet's title, name or 填报单位 line, fills in the rest."""
    n = len(plan)
    if plan.status_hint is not None:
        plan.status_hint.extend([None] * (n - len(plan.status_hint)))
    if plan.chain is not None:
        plan.chain.extend([None] * (n - len(plan.chain)))
    if contexts is not None:
        sectors = plan.values.setdefault("sector", [None] * n)
        districts = plan.values.setdefault("district", [None] * n)
        chain = plan.chain if plan.chain is not None else [None] * n
        for k, ctx in enumerate(contexts):
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
        given = plan.values.get(f)
        if given is not None and all(v is None for v in given) and f not in layout.fields():
            del plan.values[f]


def long_months(plan: SheetPlan, layout: SheetLayout, sheet: str, *, every_row: bool = True) -> None:
    """A long monthly sheet: each row's month and amount make one record. A row with a month but no
    amount (blank, "—") reports nothing for that project-month: no record, the row left out and
    listed in a note; a row with an amount but no month is a problem. A year to date — under a
    累计 header, or a month cell that says "1-10月" — is the row's year to date through its month.
    Not ``every_row``: a list of projects with a 月份 and an amount column (each project's month
    beside it), whose rows are projects whether or not they report a month."""
    months = plan.values.pop("month", None) or [None] * len(plan)
    amounts = plan.values.pop("amount", None) or [None] * len(plan)
    ytds = plan.values.pop("ytd", None) or [None] * len(plan)
    unreported: set[int] = set()
    if not every_row:
        plan.row_months = months  # a project may come on a row per month (services/import_views.py)
    for k, (month, amount, ytd) in enumerate(zip(months, amounts, ytds, strict=True)):
        if month is not None and ytd is not None:
            plan.ytd.append((k, month[0], month[1], ytd))
        if month is not None and amount is not None:
            if isinstance(month, cells.Span):  # "2025年4–6月": an export's quarter (io/quarters.py)
                plan.spans.append((k, *month, amount))
            elif isinstance(month, cells.Through):
                plan.ytd.append((k, month[0], month[1], amount))
            else:
                plan.months.append((k, month[0], month[1], amount))
        elif (month is not None and ytd is not None) or k in plan.problems:
            continue
        elif month is not None or (not every_row and amount is None and ytd is None):
            if every_row:
                unreported.add(k)
        else:
            missing = "month"
            info = next((c for c in layout.mapped() if c.field == missing), None)
            where = (sheet, plan.row_numbers[k], info.letter if info else "", info.header if info else "")
            plan.add_problem(k, CellProblem(*where, "", Problem("required", missing)))
    if unreported:
        rows = [plan.row_numbers[k] for k in sorted(unreported)]
        for k in unreported:
            plan.skipped[plan.data_rows[k]] = "no_amount"
        drop_rows(plan, unreported, None)
        plan.notes.append(
            Problem("note_no_amount", None, {"sheet": sheet, "count": len(rows), "rows": runs_text(rows)})
        )


def title_unit_note(plan: SheetPlan, layout: SheetLayout, read: list[ColumnInfo]) -> None:
    """The amounts of ``read`` (the columns read in the sheet's own unit) without a unit of their own
    are read in the unit the title names ("2025年项目月度完成投资（万元）"): said, naming the title."""
    if layout.unit_from is None or not any(c.is_money and c.unit is None for c in read):
        return
    title, word = layout.unit_from
    plan.notes.append(Problem("note_unit_from_title", None, {"sheet": layout.sheet, "unit": word, "title": title}))


# The middle project of a list costs from about a million yuan to some ten billion. A planned investment
# column whose middle value reads 1,000亿元 or more (万元 figures under a 亿元 header or unit line) or under
# 10万元 (亿元 figures under 万元, 万元 under 元) is in another unit than its header says: asked, never
# stored ten thousand times off.
_PLAUSIBLE_MEDIAN = (100_000, 100_000_000_000)


def unit_checks(plan: SheetPlan, raw: RawSheet, layout: SheetLayout, read: list[ColumnInfo]) -> None:
    """The amounts of ``read`` (read in their header's or the unit line's unit) against what a project's can be."""
    row, sheet = layout.header_row + 1, raw.name
    for info in read:
        if info.field == "planned_investment":
            _planned_unit_check(plan, raw, row, info, info.unit or layout.unit_line or 1)
    plan_outliers(plan, sheet, [i for i in read if i.field == "annual_plan"])
    done = [i for i in read if i.month is not None or i.field == "ytd"]
    if done and len({i.unit or layout.unit_line for i in done}) == 1:
        _completed_unit_check(plan, sheet, row, done, done[0].unit or layout.unit_line or 1)


def _planned_unit_check(plan: SheetPlan, raw: RawSheet, header_row: int, info: ColumnInfo, unit: int) -> None:
    """A sheet problem on ``info`` (the planned investment column, read in ``unit`` as its header or the
    unit line says) when its middle amount is no project's; the column is then not read."""
    values = sorted(v for v in plan.values.get("planned_investment") or () if v is not None and v > 0)
    if len(values) < 3 or unit not in UNIT_WORDS:
        return
    median = values[len(values) // 2]
    if _PLAUSIBLE_MEDIAN[0] <= median < _PLAUSIBLE_MEDIAN[1]:
        return planned_outliers(plan, raw, info, median, unit)
    params = {"unit": UNIT_WORDS[unit], "median": median, "count": len(values)}
    problem = Problem("planned_unit_implausible", "planned_investment", params)
    plan.sheet_problems.append(CellProblem(raw.name, header_row, info.letter, info.header, info.header, problem))
    column = plan.values["planned_investment"]
    column[:] = [None] * len(column)  # (--skip-invalid: the projects without it, never these amounts)


_PLAUSIBLE_DONE = 1_000  # yuan: a project's typical month or year to date is never below a thousand yuan


def _completed_unit_check(plan: SheetPlan, sheet: str, header_row: int, read: list[ColumnInfo], unit: int) -> None:
    """A sheet problem on the first of ``read`` (the completed-investment columns read in the unit their
    headers or the unit line give) when the middle of their amounts is below a thousand yuan (万元
    figures under 元 headers) or reads 1,000亿元 or more; their figures are then not read."""
    values = sorted(v for *_kym, v in plan.months + plan.ytd if v > 0)
    if len(values) < 3 or unit not in UNIT_WORDS:
        return
    median = values[len(values) // 2]
    if _PLAUSIBLE_DONE <= median < _PLAUSIBLE_MEDIAN[1]:
        return
    params = {"unit": UNIT_WORDS[unit], "median": median, "count": len(values)}
    first = read[0]
    problem = Problem("completed_unit_implausible", "amount", params)
    plan.sheet_problems.append(CellProblem(sheet, header_row, first.letter, first.header, first.header, problem))
    plan.months.clear()  # (--skip-invalid: the projects without these figures, never the figures)
    plan.ytd.clear()
