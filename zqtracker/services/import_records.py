"""Monthly completed investment and annual plans of an import: which project each row means,
which records are new, changed or the same as stored, and months given twice."""

from __future__ import annotations

from collections.abc import Callable

from zqtracker.domain.errors import Problem
from zqtracker.domain.money import MAX_MONEY
from zqtracker.domain.money_format import SheetFigure
from zqtracker.domain.rounding import rounded_money, shown_places
from zqtracker.io.layout import MONTHLY
from zqtracker.services.import_exact_name import ambiguous
from zqtracker.services.import_figures import analyse_ytd, in_two_columns
from zqtracker.services.import_growth import check_growth
from zqtracker.services.import_last_year import analyse_last_year
from zqtracker.services.import_matching import district_key, name_keys
from zqtracker.services.import_model import (
    INVALID,
    SAME,
    UPDATE,
    Context,
    FieldChange,
    ImportAnalysis,
    SeenRows,
    SheetAnalysis,
    add_problem,
    code_question,
)
from zqtracker.services.import_older import OlderPlans
from zqtracker.services.import_own_spans import own_months_in_spans
from zqtracker.services.import_spans import analyse_spans, check_chained
from zqtracker.services.import_ytd_like import month_amounts_like_ytd


def analyse_records(result: ImportAnalysis, index: int, sa: SheetAnalysis, ctx: Context, seen: SeenRows) -> None:
    plan = sa.plan
    assert plan is not None
    if not plan.months and not plan.plans and not plan.ytd and not plan.spans:
        return
    n = len(plan)
    if sa.layout.kind == MONTHLY:
        sa.status, sa.targets = [SAME] * n, [None] * n
        _monthly_targets(result, sa, ctx, seen)
    taken = seen.months
    earlier_sheets = list(result.records)  # what the sheets before this one derived
    written: dict[int, list[int]] = {}
    targets, status = sa.targets, sa.status
    stored = ctx.investment if result.mode != "replace" else {}
    records, numbers = result.records, plan.row_numbers
    unchanged = 0
    factor = plan.factors.get("amount")
    shown = _shown_places(plan.months, targets, stored, factor)
    for k, y, m, yuan in plan.months:
        target = targets[k]
        if target is None or status[k] == INVALID:
            continue
        key = (target, y, m)
        if 1900 <= y <= 2200 and key not in taken:  # the common case, kept short
            taken[key] = (numbers[k], yuan)
            before = stored.get(key) if target > 0 else None
            counts = written.get(k)
            if counts is None:
                counts = written[k] = [0, 0]
            if before is not None and before[0] == yuan:
                unchanged += 1
                counts[1] += 1
            elif before is not None and (places := rounded_money(yuan, factor, before[0], shown())) is not None:
                result.rounded.append((sa.name, numbers[k], f"{y}-{m:02d}", before[0], yuan, places))
                unchanged += 1  # a spreadsheet program rounded it: left as stored, listed apart
                counts[1] += 1
            else:
                records.append((target, y, m, yuan, None if before is None else before[0], None))
                counts[0] += 1
            continue
        if not 1900 <= y <= 2200 or yuan > MAX_MONEY:
            add_problem(plan, k, sa, "month", f"{y}-{m:02d}", Problem("year_out_of_range", "month", {"value": y}))
            sa.status[k] = INVALID
            continue
        key = (target, y, m)
        if key in taken:
            if taken[key][1] == yuan:  # the same amount twice (a long and a wide sheet): harmless
                continue
            twice = taken[key][0] == numbers[k] and in_two_columns(sa, "month_column", y, m)
            problem = twice or Problem(
                "duplicate_in_file", "month", {"value": f"{y}-{m:02d}", "first_row": taken[key][0]}
            )
            add_problem(plan, k, sa, "month", f"{y}-{m:02d}", problem)
            sa.status[k] = INVALID
            continue
    result.records_unchanged += unchanged
    own_records = records[len(earlier_sheets) :]  # what this sheet's months made
    if plan.since_start_as_of is not None and plan.months:
        _beyond_since_start(sa, stored)
    month_amounts_like_ytd(sa, ctx)  # 10月完成投资 holding January to October: asked
    check_chained(result, sa, ctx)  # 一季度 | 二季度 read as years to date: stored 4月 | 5月 | 6月 must add up
    if plan.ytd:
        month_rows = {(targets[k], y, m): (k, yuan) for k, y, m, yuan in plan.months if targets[k] is not None}
        analyse_ytd(result, sa, ctx, month_rows, earlier_sheets)
        analyse_last_year(
            result, sa, ctx, month_rows
        )  # 去年1-10月累计: the year before's, never rewriting what is stored
        check_growth(result, sa)  # 同比增长% beside both: do the figures give it?
    own_months_in_spans(result, sa, ctx, own_records, written)  # 当月 for a month of a stored 1–X月: split or asked
    analyse_spans(
        result, sa, ctx, written, own_records
    )  # 二季度 alone: months 4–6 as one record, or checked against stored
    for k, (w, same) in written.items():
        sa.records[k] = (w, same)
        if sa.layout.kind == MONTHLY and sa.status[k] != INVALID:
            sa.status[k] = UPDATE if w else SAME
    older = OlderPlans(result, index, sa, ctx)  # April's plan after October's: October's stays
    for k, y, yuan in plan.plans:
        target = sa.targets[k]
        if target is None or sa.status[k] == INVALID:
            continue
        first = seen.plans.setdefault((target, y), (sa.name, numbers[k], yuan))
        if first != (sa.name, numbers[k], yuan):  # the project again (another sheet's view of the list)
            if first[2] != yuan:
                add_problem(
                    plan,
                    k,
                    sa,
                    "plan",
                    str(y),
                    Problem("duplicate_in_file", "plan", {"value": str(y), "first_row": first[1]}),
                )
                sa.status[k] = INVALID
            continue
        before_plan = ctx.plans.get((target, y)) if target > 0 and result.mode != "replace" else None
        if before_plan != yuan and not older.keeps(k, target, y, before_plan):
            result.plans.append((target, y, yuan, before_plan))
            plan_written(sa, k, y, before_plan, yuan)


def plan_written(sa: SheetAnalysis, k: int, y: int, before: int | None, yuan: int) -> None:
    """A stored project's annual plan the row writes: the row updates it, and a stored plan it changes
    (the user's 14000万 the file gives as 12000万) is listed as a field's change is — "plan 2025", the
    audit trail's name for it — never overwritten unsaid."""
    if sa.status[k] == SAME:
        sa.status[k] = UPDATE
    if before is not None:
        sa.changes.setdefault(k, []).append(FieldChange(f"plan {y}", before, yuan))


def _beyond_since_start(sa: SheetAnalysis, stored: dict) -> None:
    """A month's own amount that, with the months stored before it, passes the row's 自开工累计 as of that
    month — everything since the start includes this year's: a year to date typed under 当月 / 10月完成投资
    (9000 beside 自开工累计 9000, September's 8000 stored) would count the year twice. Asked."""
    plan = sa.plan
    assert plan is not None
    since, (as_y, as_m) = plan.values.get("since_start") or [], plan.since_start_as_of  # type: ignore[misc]
    for k, y, m, yuan in plan.months:
        target = sa.targets[k]
        if (y, m) != (as_y, as_m) or not since or since[k] is None or target is None or target <= 0:
            continue
        before = sum(stored[key][0] for mm in range(1, m) if (key := (target, y, mm)) in stored)
        if before + yuan > since[k] and sa.status[k] != INVALID:
            units = plan.factors.get("amount", 1), plan.factors.get("since_start", 1)  # as the sheet writes them
            said = {"value": SheetFigure(yuan, units[0]), "before": SheetFigure(before, units[0]), "month": m}
            said["since"] = SheetFigure(since[k], units[1])
            add_problem(plan, k, sa, "month", f"{y}-{m:02d}", Problem("month_beyond_since_start", "amount", said))
            sa.status[k] = INVALID


def _monthly_targets(result: ImportAnalysis, sa: SheetAnalysis, ctx: Context, seen: SeenRows) -> None:
    """Which project each row of a monthly sheet means: one this import adds, else a stored one —
    matched as project rows are (services/import_matching.py)."""
    plan = sa.plan
    assert plan is not None
    codes, names, districts = plan.column("code"), plan.column("name"), plan.column("district")
    enterprises = plan.column("enterprise")
    new_by_code, new_by_name, new_names = seen.new_maps(result)
    matcher = ctx.matcher if result.mode != "replace" else None
    keys = name_keys([n or "" for n in names])  # folded at once (a 100k-row monthly list: one pass)
    places = {d: district_key(d) for d in set(districts)}
    for k in range(len(plan)):
        if k in plan.problems:
            sa.status[k] = INVALID
            continue
        code, name, district = codes[k], names[k], districts[k]
        target = None
        if code:
            target = new_by_code.get(code)
        if target is None and name:
            nk, dk = keys[k], places[district]
            added = new_by_name.get((nk, dk)) if dk is not None else new_names.get(nk)
            if added and len(added) == 1:
                target = added[0]
            elif added:
                add_problem(plan, k, sa, "name", name, Problem("ambiguous_project", "name", {"value": name}))
                sa.status[k] = INVALID
                continue
        if target is None and matcher is not None:
            m = matcher.match(code, name, district, keys[k] if name else None, enterprises[k])
            if m.problem == "ambiguous_project":
                add_problem(plan, k, sa, "name", name, ambiguous(ctx, m.candidates, name))
                sa.status[k] = INVALID
                continue
            asked = code_question(ctx, sa, m, code, plan.row_numbers[k], None)
            if asked is not None:
                add_problem(plan, k, sa, asked.field or "code", code if asked.field == "code" else name, asked)
                sa.status[k] = INVALID
                continue
            target = m.pid
        if target is None:
            f = "code" if code else "name"
            add_problem(plan, k, sa, f, code or name, Problem("unknown_project_row", f, {"value": code or name}))
            sa.status[k] = INVALID
            continue
        sa.targets[k] = target


def _shown_places(months: list, targets: list, stored: dict, factor: int | None) -> Callable[[], int]:
    """The most decimals the sheet's monthly amounts equal to their stored ones show
    (domain/rounding.shown_places), worked out when first asked: only a re-import with a changed amount asks."""
    found: list[int] = []

    def shown() -> int:
        if not found:
            pairs = ((yuan, (stored.get((targets[k], y, m)) or (None,))[0]) for k, y, m, yuan in months)
            found.append(shown_places(pairs, factor) if factor and factor > 1 else 0)
        return found[0]

    return shown
