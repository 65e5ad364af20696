"""The dashboard's year-on-year tooltip where last year's same period is not the same months (stats/prior.py):
2024 known only as 1-3/1-6/1-9/1-12月累计 files, 2025 monthly January–October. Through October 2025 last
year's sum is January–September (the 10–12月 spans straddle October), and the tooltip says so with the
amount — "2024年1–9月 1,350万元" — never a bare 1,350 under 上年同期; 2024 as one 1–12月 file: "—".
Real .xlsx files imported through the service (tests/test_monthly_unreported_prior.py's), the real
DashboardWidget, English and Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_dashboard_widget import open_dashboard
from test_monthly_unreported_prior import _ytd_files
from ui_helpers import private_settings

from zqtracker.domain.money import Unit
from zqtracker.services.context import AppContext


def yoy_tip(qtbot, ctx: AppContext, lang: str) -> tuple[str, str, str]:
    settings = private_settings()
    settings.money_unit = Unit.WAN  # the figures in 万元, as the district files give them
    widget, _events = open_dashboard(qtbot, ctx, lang=lang, settings=settings)
    with qtbot.waitSignal(widget.refreshed, timeout=30000):
        widget.set_period(2025, 10)
    tile = widget.tiles["yoy"]
    return tile.value.text(), tile.detail.text(), tile.toolTip()


WHY_EN = (
    "Not like with like: 四会市, 高要区 reported months together, so growth has no figure\n"
    "Like with like —, leaving out 2 project(s) reported as months together (四会市, 高要区).\n"
)


@pytest.mark.parametrize("case", ["quarters", "year"])
def test_the_yoy_tooltip_names_last_years_months(qtbot, ctx: AppContext, tmp_path: Path, case: str) -> None:
    _ytd_files(ctx, tmp_path, case)
    value, detail, tip = yoy_tip(qtbot, ctx, "en")
    assert (value, detail) == ("—", "— like with like")  # no growth of unlike periods
    if case == "quarters":  # 900 + 450 万 = ¥13.50 m, the months said once, with the year
        assert tip == WHY_EN + "same period last year known only for Jan–Sep 2024: ¥13.50 mn"
    else:  # 2024 one 1–12月: nothing of January–October 2024 is known
        assert tip == WHY_EN + "same period 2024: —"


def test_the_yoy_tooltip_in_chinese(qtbot, translations, ctx: AppContext, tmp_path: Path) -> None:
    _ytd_files(ctx, tmp_path, "quarters")
    translations.switch("zh_CN")
    value, detail, tip = yoy_tip(qtbot, ctx, "zh")
    assert (value, detail) == ("—", "同口径—")
    assert tip == (
        "非同口径：四会市、高要区为多月合并填报，不计算同比\n"
        "同口径—（不含2个合并填报项目：四会市、高要区）。\n"
        "上年同期 2024年1–9月 1,350万元"
    )
