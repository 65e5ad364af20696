"""The round's figures and plausibility checks, without a database (domain/rounds.py, round_checks.py)."""

from __future__ import annotations

import pytest

from zqtracker.domain.errors import ValidationError
from zqtracker.domain.round_checks import check_row, likely_unit
from zqtracker.domain.rounds import History, Period, Reported, month_figure
from zqtracker.domain.status import Status

OCT = Period(2023, 10)
WAN = 10_000


def _history(
    months: dict[int, int],
    planned: int | None = 100_000 * WAN,
    status: Status = Status.UNDER_CONSTRUCTION,
    year: int = 2023,
) -> History:
    return History(planned, {(year, m): v for m, v in months.items()}, status)


def _row(**kw: object) -> Reported:
    return Reported(7, 9, "项目进展", "项目", **kw)  # type: ignore[arg-type]


def _checks(row: Reported, history: History, unit: str = "wan") -> dict[str, object]:
    figure = month_figure(row, history, OCT)
    return {f.check: f for f in check_row(row, history, figure, OCT, unit)}


def test_periods_parse_and_label() -> None:
    assert Period.parse("2023-10") == Period.parse("2023年10月") == Period.parse("2023.10") == OCT
    assert (
        OCT.ytd_label("zh") == "1–10月"
        and OCT.ytd_label("en") == "Jan–Oct"
        and Period(2024, 1).ytd_label("zh") == "1月"
    )
    assert OCT.previous() == Period(2023, 9) and Period(2023, 12).next() == Period(2024, 1)
    for bad in ("2023-13", "10/2023", "", "2023"):
        with pytest.raises(ValidationError):
            Period.parse(bad)


def test_the_month_from_this_month_or_the_cumulative_figure() -> None:
    h = _history({m: 100 * WAN for m in range(1, 10)})  # 1–9月: 900万
    assert month_figure(_row(this_month=50 * WAN), h, OCT).amount == 50 * WAN
    assert month_figure(_row(ytd=960 * WAN), h, OCT).amount == 60 * WAN
    assert month_figure(_row(ytd=960 * WAN, this_month=60 * WAN), h, OCT).amount == 60 * WAN
    disagree = month_figure(_row(ytd=960 * WAN, this_month=70 * WAN), h, OCT)
    assert disagree.amount is None and disagree.problem is not None
    assert disagree.problem.params == {"month": 70 * WAN, "ytd": 960 * WAN, "before": 900 * WAN, "derived": 60 * WAN}
    assert month_figure(_row(ytd=800 * WAN), h, OCT).amount is None  # decreased: no month
    gap = month_figure(_row(ytd=400 * WAN), _history({1: 100 * WAN, 2: 100 * WAN}), OCT)
    assert (gap.amount, gap.first) == (200 * WAN, 3)  # covers March–October: never spread


def test_each_check_fires_on_its_case_only() -> None:
    usual = _history({m: 100 * WAN for m in range(1, 10)})
    assert _checks(_row(this_month=120 * WAN, status_after=Status.UNDER_CONSTRUCTION), usual) == {}
    decreased = _checks(_row(ytd=890 * WAN), usual)["ytd_decreased"]
    assert decreased.params == {"ytd": 890 * WAN, "previous": 900 * WAN, "previous_month": 9}  # type: ignore[attr-defined]
    slip = _checks(_row(this_month=1_200_000 * WAN), usual)  # 120万元 typed in 元 on a 万元 sheet
    assert {"month_above_planned_share", "month_above_usual", "total_above_planned"} <= set(slip)
    assert (slip["month_above_usual"].likely_unit, slip["month_above_usual"].likely_amount) == ("yuan", 120 * WAN)  # type: ignore[attr-defined]
    crossing = _checks(_row(this_month=200 * WAN), _history({m: 100 * WAN for m in range(1, 10)}, planned=1_000 * WAN))
    assert "total_above_planned" in crossing and "month_above_planned_share" not in crossing
    already_above = _checks(
        _row(this_month=100 * WAN), _history({m: 100 * WAN for m in range(1, 10)}, planned=500 * WAN)
    )
    assert "total_above_planned" not in already_above  # not news: it was above before this return
    back = _checks(_row(status_after=Status.PREPARING, this_month=100 * WAN), usual)
    assert back["status_backwards"].params == {"before": "under_construction", "after": "preparing"}  # type: ignore[attr-defined]
    assert "status_backwards" not in _checks(_row(status_after=Status.ON_HOLD, this_month=100 * WAN), usual)
    idle = _history({1: 100 * WAN, 2: 100 * WAN, 3: 100 * WAN, 4: 100 * WAN, 5: 100 * WAN, 6: 100 * WAN, 7: 100 * WAN})
    assert "idle_under_construction" in _checks(_row(), idle)  # August, September and October empty
    assert "idle_under_construction" not in _checks(_row(this_month=5 * WAN), idle)
    assert "idle_under_construction" not in _checks(_row(status_after=Status.IN_PRODUCTION), idle)
    # a listed project under construction with no month on record at all is idle too (probe40e); a new
    # project of the return (no id yet) has no months to be idle in (probe40b F6)
    assert "idle_under_construction" in _checks(_row(), _history({}))
    assert "idle_under_construction" not in _checks(Reported(None, 9, "新增项目", "新项目"), _history({}))


def test_likely_unit_is_the_one_that_makes_the_month_usual() -> None:
    # 3,000,000 typed as 万元 (3e10 yuan) on a project whose usual month is 250万元: it was 元
    assert likely_unit(3_000_000 * WAN, "wan", 10**9, 250 * WAN) == ("yuan", 3_000_000)
    # typed in 万元 on a sheet asking for 亿元: 250 → 250亿; as 万元 it is 250万元
    assert likely_unit(250 * 10**8, "yi", 10**9, 300 * WAN) == ("wan", 250 * WAN)
    assert likely_unit(10**12, "yuan", 10**9, 300 * WAN) == (None, None)  # nothing smaller than 元
