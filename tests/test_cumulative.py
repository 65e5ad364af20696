"""1–X月累计 reports: monthly amounts derived exactly, spans kept whole, figures that use them.

Every expected figure below was worked out by hand from the reports in the test."""

from __future__ import annotations

from decimal import Decimal

import pytest

from zqtracker.domain.cumulative import (
    MonthSpan,
    YtdReport,
    derive_from_ytd,
    derive_reports,
    month_amount_from_ytd,
)
from zqtracker.domain.errors import ValidationError
from zqtracker.domain.models import InvestmentRecord, Project
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.cumulative import CumulativeService

WAN = 10_000


def test_three_cumulative_reports_give_exact_monthly_amounts() -> None:
    # Jan–Aug 1,234.5678万, Jan–Sep 1,500万, Jan–Oct 1,987.6543万 (in yuan below)
    aug, sep, oct_ = 12_345_678, 15_000_000, 19_876_543
    first = derive_from_ytd(7, 2023, [], {8: aug})
    assert first.write == (InvestmentRecord(7, 2023, 8, aug, 1),)  # one figure for 1–8月, not spread
    stored = list(first.write)
    second = derive_from_ytd(7, 2023, stored, {9: sep})
    assert second.write == (InvestmentRecord(7, 2023, 9, 2_654_322),)  # 15,000,000 − 12,345,678
    stored += second.write
    third = derive_from_ytd(7, 2023, stored, {10: oct_})
    assert third.write == (InvestmentRecord(7, 2023, 10, 4_876_543),)  # 19,876,543 − 15,000,000
    stored += third.write
    assert sum(r.amount for r in stored) == oct_
    assert [(r.first, r.month) for r in stored] == [(1, 8), (9, 9), (10, 10)]


def test_the_three_reports_at_once_and_in_any_order() -> None:
    reports = {10: 19_876_543, 8: 12_345_678, 9: 15_000_000}
    d = derive_from_ytd(7, 2023, [], reports)
    assert [(r.first, r.month, r.amount) for r in d.write] == [
        (1, 8, 12_345_678),
        (9, 9, 2_654_322),
        (10, 10, 4_876_543),
    ]


def test_a_decreasing_ytd_is_a_problem_with_both_figures() -> None:
    stored = [InvestmentRecord(7, 2023, 8, 12_345_678, 1), InvestmentRecord(7, 2023, 9, 2_654_322)]
    d = derive_from_ytd(7, 2023, stored, {10: 14_000_000})
    assert not d.ok and d.write == ()
    (problem,) = d.problems
    assert problem.code == "ytd_decrease"
    assert problem.params == {"year": 2023, "month": 10, "value": 14_000_000, "previous_month": 9,
                              "previous": 15_000_000}  # fmt: skip
    assert problem.message("en") == (
        "year to date through 2023-10 (14,000,000 yuan) is below the year to date through 2023-09 (15,000,000 yuan)"
    )
    assert problem.message("zh") == "2023年1–10月累计（14,000,000元）小于1–9月累计（15,000,000元）"


def test_an_earlier_month_reported_later_splits_the_span_and_keeps_later_ytd() -> None:
    stored = [InvestmentRecord(7, 2023, 10, 19_876_543, 1)]  # 1–10月 first
    d = derive_from_ytd(7, 2023, stored, {9: 15_000_000})
    assert d.write == (InvestmentRecord(7, 2023, 9, 15_000_000, 1), InvestmentRecord(7, 2023, 10, 4_876_543))
    too_big = derive_from_ytd(7, 2023, stored, {9: 20_000_000})
    assert [p.code for p in too_big.problems] == ["ytd_above_later"]
    assert too_big.problems[0].params["later"] == 19_876_543


def test_a_gap_makes_a_span_of_the_months_since_the_last_report() -> None:
    stored = [InvestmentRecord(7, 2023, 6, 600, 1)]
    d = derive_from_ytd(7, 2023, stored, {9: 900})
    assert d.write == (InvestmentRecord(7, 2023, 9, 300, 7),)  # 7–9月 as one figure
    assert month_amount_from_ytd(stored, 2023, 9, 900) == (7, 300)


def test_the_same_report_twice_writes_nothing_and_other_years_are_ignored() -> None:
    stored = [InvestmentRecord(7, 2022, 12, 5, 1), InvestmentRecord(7, 2023, 8, 800, 1)]
    assert derive_from_ytd(7, 2023, stored, {8: 800}).write == ()
    assert derive_from_ytd(7, 2023, stored, {1: 100}).write == (
        InvestmentRecord(7, 2023, 1, 100),
        InvestmentRecord(7, 2023, 8, 700, 2),
    )


def test_derive_reports_reads_the_import_context_shape_and_flags_conflicts() -> None:
    stored = {(7, 2023, 8): (800, 1, 1, 1), (7, 2023, 9): (100, 1, 1, None), (8, 2023, 3): (5, 1, 1, None)}
    out = derive_reports(
        [YtdReport(7, 2023, 10, 1000), YtdReport(8, 2023, 4, 4), YtdReport(9, 2023, 2, 7), YtdReport(9, 2023, 2, 8)],
        stored,
    )
    assert [d.write for d in out[:1]] == [(InvestmentRecord(7, 2023, 10, 100),)]
    assert out[1].problems[0].code == "ytd_decrease"
    assert [p.code for p in out[2].problems] == ["ytd_conflict"]


def test_month_span_labels() -> None:
    assert MonthSpan(2023, 1, 8).label("zh") == "1–8月"
    assert MonthSpan(2023, 1, 8).label("en") == "Jan–Aug"
    assert MonthSpan(2023, 9, 9).label("zh", with_year=True) == "2023年9月"
    assert MonthSpan(2023, 1, 10).label("en", with_year=True) == "Jan–Oct 2023"
    with pytest.raises(ValueError):
        MonthSpan(2023, 9, 8)


@pytest.fixture
def reported(ctx: AppContext) -> tuple[AppContext, int, int]:
    """Project R reports 1–8月, 1–9月, 1–10月 of 2023 and had monthly records in 2022; project M
    reports months of both years month by month."""
    r = ctx.projects.create(Project("R 报表项目", "新型储能", "高要区", Status.UNDER_CONSTRUCTION, 100 * WAN * 10_000,
                                    code="R", is_key_project=True))  # fmt: skip
    m = ctx.projects.create(Project("M 月报项目", "汽车零部件", "肇庆新区", Status.UNDER_CONSTRUCTION,
                                    50 * WAN * 10_000, code="M", is_key_project=True))  # fmt: skip
    ctx.projects.set_investment(r.id, [(2022, k, 1_000 * WAN) for k in range(1, 13)])
    ctx.projects.set_investment(m.id, [(y, k, 100 * WAN) for y in (2022, 2023) for k in range(1, 11)])
    service = CumulativeService(ctx.projects.db)
    service.record([YtdReport(r.id, 2023, 8, 9_000 * WAN)])
    return ctx, r.id, m.id


def test_stored_reports_on_a_real_database(reported: tuple[AppContext, int, int]) -> None:
    ctx, r, _m = reported
    service = CumulativeService(ctx.projects.db)
    assert ctx.projects.investment(r)[-1] == InvestmentRecord(r, 2023, 8, 9_000 * WAN, 1)
    write = service.record([YtdReport(r, 2023, 9, 10_250 * WAN), YtdReport(r, 2023, 10, 11_000 * WAN)])
    assert write.written == [InvestmentRecord(r, 2023, 9, 1_250 * WAN), InvestmentRecord(r, 2023, 10, 750 * WAN)]
    assert write.before == (((r, 2023, 9), None), ((r, 2023, 10), None))
    with pytest.raises(ValidationError) as caught:
        service.record([YtdReport(r, 2023, 11, 10_999 * WAN)])
    assert caught.value.problems[0].params["previous"] == 11_000 * WAN
    assert [x.month for x in ctx.projects.investment(r) if x.year == 2023] == [8, 9, 10]  # nothing written


def test_ytd_and_yoy_use_the_span_exactly(reported: tuple[AppContext, int, int]) -> None:
    ctx, r, _m = reported
    CumulativeService(ctx.projects.db).record([YtdReport(r, 2023, 9, 10_250 * WAN)])
    stats = ctx.statistics
    # through August: R's 1–8月 9,000万 + M's 8 × 100万; last year R 8 × 1,000万 + M 8 × 100万
    aug = stats.summary(2023, 8).completed
    assert (aug.total.ytd, aug.total.prior_ytd) == (9_800 * WAN, 8_800 * WAN)
    assert aug.total.yoy_pct == 11.4  # 1,000 / 8,800 = 11.36 %
    # through September: + R's 1,250万 and M's 100万; last year + 1,000万 + 100万
    sep = stats.summary(2023, 9).completed
    assert (sep.total.ytd, sep.total.prior_ytd, sep.total.yoy_pct) == (11_150 * WAN, 9_900 * WAN, 12.6)
    # through July: R's Jan–Jul is inside its 1–8月 figure: not in the YTD, and no growth figure
    jul = stats.summary(2023, 7).completed
    assert (jul.total.ytd, jul.total.prior_ytd, jul.total.yoy_pct) == (700 * WAN, 7_700 * WAN, None)
    assert jul.pending == 9_000 * WAN
    assert jul.by_sector["汽车零部件"].yoy_pct == 0.0  # M alone is like with like
    assert jul.by_sector["新型储能"].yoy_pct is None
    assert jul.to_json()["comparable"] is False and jul.to_json()["later_span_yuan"] == 9_000 * WAN


def test_progress_table_marks_a_span_and_uses_the_reported_since_start(reported: tuple[AppContext, int, int]) -> None:
    ctx, r, _m = reported
    table = ctx.statistics.progress(2023, 8)
    row = next(x for x in table.rows if x.project_id == r)
    assert (row.this_month, row.this_month_first, row.ytd) == (9_000 * WAN, 1, 9_000 * WAN)
    assert table.spans == 1
    from zqtracker.reports.build import build_report
    from zqtracker.reports.model import View
    from zqtracker.reports.options import ReportOptions

    printed = build_report(ctx, ReportOptions(view=View.MONTHLY, year=2023, through=8, key_only=False)).tables()[0]
    assert "(Jan–Oct, Sep–Oct): one figure of 2023 for those months together" in printed.note  # (a gap too)
    assert row.since_start == 21_000 * WAN  # 2022: 12,000万 + 2023 1–8月 9,000万
    project = ctx.projects.get(r)
    project.since_start_amount, project.since_start_year, project.since_start_month = 30_000 * WAN, 2023, 7
    ctx.projects.update(project)
    row = next(x for x in ctx.statistics.progress(2023, 8).rows if x.project_id == r)
    # the reported 自开工累计 through July; August's own amount is unknown (inside 1–8月): nothing added
    assert (row.since_start, row.since_start_reported) == (30_000 * WAN, True)
    CumulativeService(ctx.projects.db).record([YtdReport(r, 2023, 9, 10_250 * WAN)])
    row = next(x for x in ctx.statistics.progress(2023, 9).rows if x.project_id == r)
    assert row.since_start == 31_250 * WAN and row.pct_of_planned_since_start == 3.1  # of 100亿
    assert ctx.projects.get(r).since_start_pct == Decimal(3)  # the reported figure itself, as of July


def test_a_zero_year_to_date_still_covers_its_months() -> None:
    from zqtracker.stats.cube import InvestmentCell, InvestmentCube

    cube = InvestmentCube(
        [InvestmentCell(2023, 8, "储能", "储能", "高要区", 0, 1), InvestmentCell(2023, 9, "储能", "储能", "高要区", 5)]
    )
    assert cube.spans(2023) == {8: 1}  # nothing completed in 1–8月 is a figure too, not eight empty months
    assert cube.not_comparable(2023, 7) == {None} and cube.not_comparable(2023, 8) == set()
    assert cube.ytd(2023, 9)[None] == (5, 0)
