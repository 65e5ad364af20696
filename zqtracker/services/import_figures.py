"""The figures of monthly reports in an import (issue 13): year-to-date columns turned into monthly
records, a 当月 column checked against them, and values a spreadsheet program rounded.

A 1–X月累计 figure is the project's year to date through month X. The month's own amount is the
difference from the stored year to date of the month before (domain/cumulative.py); with none
stored, the figure stays one record covering months 1–X — unless the same row gives the month's
own amount (当月), which then splits it: 1–(X−1) and X. A 当月 amount that disagrees with the
difference is a problem of its row, shown with both figures, as is a year to date below last
month's. Nothing is spread over months by guessing.

A year to date above the project's planned total investment is rare for one year's work — most often
累计 since construction started read as the year's (a bare 累计完成投资 under a title naming the month).
Under such a header the row is refused, with both figures and the header to write; under one naming
this year (1–X月, 本年, 年度) it is a cost overrun or a slip, imported with a note.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from zqtracker.domain.cumulative import derive_from_ytd, month_amount_from_ytd, ytd_points
from zqtracker.domain.errors import Problem
from zqtracker.domain.fuzzy_dates import DatePrecision, FuzzyDate
from zqtracker.domain.models import InvestmentRecord
from zqtracker.domain.money_format import SheetAmount
from zqtracker.domain.rounding import rounded_money, shown_places
from zqtracker.io.quarter_rows import typed
from zqtracker.io.values import display
from zqtracker.services.import_model import INVALID, SAME, UPDATE, Context, ImportAnalysis, SheetAnalysis, add_problem
from zqtracker.services.import_name_forms import same_name
from zqtracker.services.import_own_months import own_months
from zqtracker.services.import_quarter_sums import own_months_problem
from zqtracker.services.import_resent import resent_problem
from zqtracker.services.import_rounded_views import (
    EARLIER_ROUNDED,
    THIS_ROUNDED,
    clash_problem,
    kept_earlier,
    remember,
    rounded_side,
    took_exact,
)
from zqtracker.services.import_start_month import at_start
from zqtracker.services.import_ytd_fall import derived_fall, row_project, ytd_factor
from zqtracker.storage.codec import StoredRow

DATE_FIELDS = ("signed_on", "construction_start_on", "production_on")
SINCE_HEADER = "自开工累计完成投资"  # the header that says 累计 since construction started
# a year-to-date header that says the figure is this year's (not merely 累计: since when?)
_SLIP = 10  # a year to date this many times the planned investment is refused whatever its header says
_THIS_YEAR = re.compile(
    r"1\s*[-~—–至到]\s*\d{0,2}\s*月|本年|今年|当年|年度|年初|年内|(?:19|20|21)\d{2}\s*年(?!\s*\d)"
    r"|year.to.date|\bytd\b|this year",
    re.IGNORECASE,
)


def in_two_columns(sa: SheetAnalysis, field: str, y: int, m: int) -> Problem | None:
    """One row giving a month twice because two of its columns hold it (1-10月完成投资 beside 2025年1-10月累计完成投资
    with another figure, 10月完成投资 beside 2025年10月完成投资): the problem names the columns — "already appears
    in row 4" said of row 4 itself named neither."""
    if field == "ytd":
        cols = [c for c in sa.layout.mapped() if c.field == "ytd" and c.period == (y, m)]
    else:
        cols = [
            c
            for c in sa.layout.mapped()
            if c.field == field and c.month is not None and c.month[1] == m and c.month[0] in (y, None)
        ]
    if len(cols) < 2:
        return None
    named = ", ".join(f"{c.letter} “{c.header}”" for c in cols)
    return Problem("month_in_two_columns", "month", {"value": f"{y}-{m:02d}", "columns": named})


def stored_records(ctx: Context, target: int, year: int) -> list[InvestmentRecord]:
    """A stored project's records of one year, as the analysis read them (none for a new project)."""
    if target < 0:
        return []
    if ctx.records_by_project is None:
        index: dict[tuple[int, int], list[InvestmentRecord]] = {}
        for (pid, y, m), row in ctx.investment.items():
            first = row[3] if len(row) > 3 else None
            index.setdefault((pid, y), []).append(InvestmentRecord(pid, y, m, row[0], first))
        ctx.records_by_project = index
    return ctx.records_by_project.get((target, year), [])


def analyse_ytd(
    result: ImportAnalysis, sa: SheetAnalysis, ctx: Context, month_rows: dict, earlier_sheets: list[tuple]
) -> None:
    """Year-to-date figures of one sheet → records to write (with the months they cover).
    ``month_rows``: (target, year, month) → (k, yuan) of 当月 amounts this sheet gave;
    ``earlier_sheets``: the records sheets analysed before this one derived (a workbook with a sheet
    per month: 10月's year to date is the difference from 9月's, as if 9月 were stored)."""
    plan = sa.plan
    assert plan is not None
    groups: dict[tuple[int, int], dict[int, tuple[int, int]]] = {}
    last_years = last_year_periods(sa)  # last year's 1–X月: services/import_last_year.py
    for k, y, m, ytd in plan.ytd:
        target = sa.targets[k] if sa.targets else None
        if target is None or sa.status[k] == INVALID or (y, m) in last_years:
            continue
        group = groups.setdefault((target, y), {})
        if m in group and group[m][0] != ytd:  # a long sheet giving one project's 1–X月 twice
            first_row = plan.row_numbers[group[m][1]]
            problem = Problem("duplicate_in_file", "month", {"value": f"{y}-{m:02d}", "first_row": first_row})
            problem = (group[m][1] == k and in_two_columns(sa, "ytd", y, m)) or problem
            add_problem(plan, k, sa, "ytd", ytd, problem)
            sa.status[k] = INVALID
            continue
        group[m] = (ytd, k)
    superseded: set[tuple[int, int, int]] = set()
    dropped: set[int] = set()  # earlier sheets' records a rounded 汇总 made, this sheet's exact ones replace
    derived_records: list[tuple] = []
    earlier: dict[tuple[int, int], list[InvestmentRecord]] = {}
    for target, y, m, yuan, _before, first in earlier_sheets:
        earlier.setdefault((target, y), []).append(InvestmentRecord(target, y, m, yuan, first))
    # records of this analysis so far (another sheet's view of the project), kept up to date below: built
    # once, not per project (per project it was 3 s for a 5,000-row sheet of years to date)
    present: dict[tuple[int, int, int], int] = {(r[0], r[1], r[2]): r[3] for r in result.records}
    # the 当月 records this sheet's own months made (after the earlier sheets' in result.records): only
    # those give way to its years to date — a record another sheet made stays (the project listed on
    # two sheets of one file: its month was dropped with both rows' records)
    mine = {(r[0], r[1], r[2]) for r in result.records[len(earlier_sheets) :]}
    for (target, y), months in groups.items():
        if _above_planned(result, sa, ctx, target, y, months):
            continue
        side = rounded_side(result, sa, (target, y), months)  # a 汇总 in 亿元 beside the district's exact 万元
        if side == THIS_ROUNDED:
            kept_earlier(sa, (target, y), months, result)
            continue
        stored = stored_records(ctx, target, y)
        if (target, y) in earlier and side != EARLIER_ROUNDED:  # another sheet (9月 before 10月) said months of it
            stored = records_with(stored, earlier[(target, y)])
        reported = {m: v for m, (v, _k) in months.items()}
        for m, (ytd, k) in months.items():
            if (target, y, m) in mine and (target, y, m) in month_rows:  # the 当月 amount is checked against it
                superseded.add((target, y, m))
            prior = max((x for x in months if x < m), default=None)  # 1-10月累计 beside 1-11月累计 and 11月
            if prior is not None:
                first, amount = prior + 1, ytd - months[prior][0]
            else:
                first, amount = month_amount_from_ytd(stored, y, m, ytd)
            # the sheet's own months first..m beside it (1月 | 2月 | 3月 | 1-3月累计): checked against it, stored as
            # given; a run of them left empty takes what it leaves (services/import_own_months.py)
            units = (plan.factors.get("amount") or 1, plan.factors.get("ytd") or 1)  # (the problem says them so)
            own = own_months(month_rows, (target, y), m, first, ytd, amount, units)
            if own is None:
                continue
            if own.problem is not None:  # (a quarter's months all given: worded as the quarter's, import_quarter_sums)
                own.problem = resent_problem(ctx, (target, y, m), (ytd, amount), own, units, sa) or own.problem
                own_months_problem(sa, k, (y, first, m), (ytd, amount), own, units)
                sa.status[k] = INVALID
                continue
            stored = records_with(stored, own.below)
            for end, point in own.points.items():
                reported.setdefault(end, point)
        if any(sa.status[k] == INVALID for _v, k in months.values()):
            continue
        derived = derive_from_ytd(target, y, own_months_kept(stored, month_rows, (target, y), max(months)), reported)
        k = next(iter(months.values()))[1]
        derived = at_start(ctx, plan, k, target, y, derived, stored)  # 开工 in April: a first 1–4月 is April's
        if derived.problems:
            for p in derived.problems:
                month = p.params.get("month")
                found = months.get(month) if isinstance(month, int) else None
                k = (found if found is not None else next(iter(months.values())))[1]
                factor, value = ytd_factor(plan), p.params.get("value")  # (yuan: the cell as shown)
                p = derived_fall(p, row_project(ctx, sa, target, k), stored_records(ctx, target, y), reported, factor)
                add_problem(plan, k, sa, "ytd", typed(value, factor) if isinstance(value, int) else value, p)
                sa.status[k] = INVALID
            continue
        if (target, y) in earlier and _moves_earlier_points(stored, derived.write):
            last = max(months)
            ytd, k = months[last]
            add_problem(plan, k, sa, "ytd", ytd, clash_problem(result, (target, y), months))
            sa.status[k] = INVALID
            continue
        before = {r.month: r.amount for r in stored_records(ctx, target, y)}
        k = next(iter(months.values()))[1]

        # the project again on another sheet (分级管理 / 分行业 views of one list): one record a month
        # (a 当月 amount this year to date supersedes is no record of its own: it goes below)
        def there(month: int, key: tuple = (target, y)) -> int | None:
            return None if (*key, month) in superseded else present.get((*key, month))

        if side == EARLIER_ROUNDED:  # the earlier sheet's records give way to this sheet's exact ones
            dropped |= took_exact(result, sa, (target, y), months, present, len(earlier_sheets))
        clash = [r for r in derived.write if there(r.month) not in (None, r.amount)]
        if clash:
            add_problem(plan, k, sa, "ytd", clash[0].amount, clash_problem(result, (target, y), months, clash[0].month))
            sa.status[k] = INVALID
            continue
        remember(result, sa, target, y, months)
        for r in derived.write:
            if there(r.month) is None:
                derived_records.append((target, y, r.month, r.amount, before.get(r.month), r.first_month))
                present[(target, y, r.month)] = r.amount
        if derived.unreported and derived.write:
            result.unreported.append((sa.name, plan.row_numbers[k], y, derived.unreported))
        written, same = sa.records.get(k, (0, 0))
        sa.records[k] = (written + len(derived.write), same if derived.write else same + 1)
        if sa.status[k] == SAME and derived.write:
            sa.status[k] = UPDATE
    if superseded:
        tail = result.records[len(earlier_sheets) :]
        result.records[len(earlier_sheets) :] = [r for r in tail if (r[0], r[1], r[2]) not in superseded]
    result.records.extend(derived_records)
    if dropped:
        result.records[:] = [r for n, r in enumerate(result.records) if n not in dropped]


def own_months_kept(stored: list[InvestmentRecord], month_rows: dict, key: tuple[int, int], last: int) -> list:
    """The stored records a year to date through ``last`` is derived against: when the row gives ``last``'s own
    amount (当月) too, not those stored wholly after it — they keep their own amounts, and their year to date
    moves (a note, services/import_shifts.py). Else April's 当月 was worked out again as the stored 1–4月 less a
    corrected 1–3月, silently (probe30b F1)."""
    if (*key, last) not in month_rows:
        return stored
    return [r for r in stored if r.first <= last]


def last_year_periods(sa: SheetAnalysis) -> set[tuple[int, int]]:
    """The (year, month) of the sheet's last-year year-to-date columns (去年1-10月累计): their figures in plan.ytd."""
    return {c.period for c in sa.layout.mapped() if c.field == "ytd_last" and c.period is not None}


def _above_planned(
    result: ImportAnalysis, sa: SheetAnalysis, ctx: Context, target: int, y: int, months: dict[int, tuple[int, int]]
) -> bool:
    """Hold each year to date of one project and year against its planned total investment (the
    row's own, else the stored project's, else that of the row adding it): above it under a header
    that does not say "this year" refuses the row (True), under one that does adds a note."""
    plan = sa.plan
    assert plan is not None
    factor = plan.factors.get("ytd") or 1  # the note says amounts in the column's unit
    refused = False
    for m, (ytd, k) in months.items():
        planned = planned_of(result, sa, ctx, target, k)
        if planned is None or planned <= 0 or ytd <= planned:
            continue
        info = next((c for c in sa.layout.mapped() if c.field == "ytd" and c.period in ((y, m), None)), None)
        far = ytd >= planned * _SLIP  # ten times the plan is no cost overrun: a unit slip (万元 under 亿元)
        if not far and (info is None or _THIS_YEAR.search(info.header)):  # (no column: cells said "1-10月")
            result.above_planned.append((sa.name, plan.row_numbers[k], y, m, ytd, planned, factor))
            continue
        # in yuan, as the other year-to-date problems of a row (worded when shown, in either language)
        said = {"ytd": ytd, "planned": planned, "since": SINCE_HEADER, "this_year": f"1-{m}月累计完成投资"}
        i, j = plan.data_rows[k], (info.index if info else -1) - sa.raw.col_offset
        row = sa.raw.rows[i] if i < len(sa.raw.rows) else ()
        typed = display(row[j]) if 0 <= j < len(row) else ytd  # the cell as the sheet writes it
        if far:
            said = {"ytd": ytd, "planned": planned, "times": ytd // planned}
        code = "ytd_far_above_planned" if far else "ytd_above_planned"
        add_problem(plan, k, sa, "ytd", typed, Problem(code, "amount", {"month": m, **said}))
        sa.status[k] = INVALID
        refused = True
    return refused


def planned_of(result: ImportAnalysis, sa: SheetAnalysis, ctx: Context, target: int, k: int) -> int | None:
    """The planned total investment (yuan) a row's project has: the row's own, else as stored, else
    as the row of this file adding it gives it (None: not known — a monthly sheet's stored project)."""
    plan = sa.plan
    assert plan is not None
    own = plan.values.get("planned_investment")
    if own is not None and own[k] is not None:
        return own[k]
    if target > 0:
        row = ctx.rows.get(target)
        return None if row is None else ctx.codec.value(row, "planned_investment")
    if -target > len(result.new_projects):
        return None
    adding = result.new_projects[-target - 1]
    other = result.sheets[adding.sheet].plan
    column = None if other is None else other.values.get("planned_investment")
    return None if not column else column[adding.k]


def money_text(yuan: int, factor: int, lang: str) -> str:
    """An amount in the unit the sheet writes it in, every digit ("600万元", "212.352亿元", "¥6.00 mn")."""
    return SheetAmount(yuan, factor).label(lang)


def _moves_earlier_points(stored: list[InvestmentRecord], write: Sequence[InvestmentRecord]) -> bool:
    """Whether writing ``write`` changes a year to date that ``stored`` (with earlier sheets' records)
    gives at one of its months: two sheets of the file disagree (9月 says 3600 through September where
    10月's 4000 through October less its 当月 500 says 3500)."""
    points = _known_points(stored)
    after = ytd_points(records_with(stored, write))
    return any(after.get(m, v) != v for m, v in points.items())


def _known_points(records: list[InvestmentRecord]) -> dict[int, int]:
    """The years to date ``records`` know: through each month they cover from January without a gap
    (October's own amount alone, from a 10月 sheet beside a 1-9月 one, says no year to date)."""
    out: dict[int, int] = {}
    total = covered = 0
    for r in sorted(records, key=lambda r: r.month):
        if (r.first_month or r.month) != covered + 1:
            break
        total, covered = total + r.amount, r.month
        out[r.month] = total
    return out


def records_with(stored: list[InvestmentRecord], newer: Sequence[InvestmentRecord]) -> list[InvestmentRecord]:
    """``stored`` as it will be once ``newer`` (records of the same project and year) are written: a
    month given again replaces the stored one, a span covering it too."""
    months = {m for r in newer for m in range(r.first_month or r.month, r.month + 1)}
    kept = [r for r in stored if not any(m in months for m in range(r.first_month or r.month, r.month + 1))]
    return sorted([*kept, *newer], key=lambda r: r.month)


# -- project figures: dates at their precision, since-start, amounts in another currency --------------
def figure_diffs(
    sa: SheetAnalysis,
    ctx: Context,
    ks: list[int],
    befores: list[StoredRow],
    diffs: dict[int, dict[str, Any]],
    result: ImportAnalysis,
) -> None:
    """Add to ``diffs`` what the generic comparison cannot see (a date's precision, 自开工累计, a
    planned amount's currency) and take out amounts a spreadsheet program merely rounded."""
    plan = sa.plan
    assert plan is not None
    codec = ctx.codec
    for f in DATE_FIELDS:
        days, precisions = plan.values.get(f), plan.values.get(f + "_precision")
        if days is None or precisions is None:
            continue
        olds = codec.fuzzy_dates(befores, f)
        made: dict[tuple[Any, Any], FuzzyDate] = {}  # a column of 100k dates holds a few thousand
        for n, k in enumerate(ks):
            day = days[k]
            if day is None:
                continue
            new = made.get((day, precisions[k]))
            if new is None:
                new = made[(day, precisions[k])] = FuzzyDate(day, DatePrecision(precisions[k] or "day"))
            if olds[n] != new:
                diffs.setdefault(k, {})[f] = new
            else:
                diffs.get(k, {}).pop(f, None)
    since = plan.values.get("since_start")
    if since is not None and plan.since_start_as_of is not None:
        year, month = plan.since_start_as_of
        for n, k in enumerate(ks):
            if since[k] is not None and codec.value(befores[n], "since_start") != (since[k], year, month):
                diffs.setdefault(k, {})["since_start"] = (since[k], year, month)
    foreign = plan.values.get("planned_foreign")
    if foreign is not None:
        for n, k in enumerate(ks):
            if foreign[k] is not None and codec.foreign_differs(foreign[k], befores[n]):
                diffs.setdefault(k, {})["planned_foreign"] = foreign[k]
    shown: dict[str, int] = {}  # the most decimals each money column shows (domain/rounding.py)
    for n, k in enumerate(ks):
        changed = diffs.get(k)
        if not changed:
            continue
        if "name" in changed and same_name(changed["name"], codec.value(befores[n], "name")):
            changed.pop("name")  # 端州宏達新材料項目, "端州宏达 新材料项目" re-typed for the stored 端州宏达新材料项目
        for f in [f for f in changed if f in plan.factors]:
            stored, new = codec.value(befores[n], f), changed[f]
            if f == "since_start":  # (amount, year, month): merely rounded only as of the same month
                if stored is None or tuple(stored[1:]) != tuple(new[1:]):
                    continue
                stored, new = stored[0], new[0]
            if f not in shown and plan.factors[f] not in (None, 1):
                col = plan.values[f]
                shown[f] = shown_places(
                    ((col[k], codec.value(b, f)) for k, b in zip(ks, befores, strict=True)), plan.factors[f]
                )
            places = rounded_money(new, plan.factors[f], stored, shown.get(f, 0))
            if places is not None:
                changed.pop(f)
                result.rounded.append((sa.name, plan.row_numbers[k], f, stored, new, places))
        if not changed:
            del diffs[k]
