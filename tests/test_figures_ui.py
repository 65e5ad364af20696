"""The figures of monthly reports on screen: the monthly grid's 1–X月 span, the detail pane's
since-start share and original currency, dates at their precision, and the monthly chart's span
label — in both languages, with screenshots under /work/shots/figures/ (and artifacts/)."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from zqtracker.charts.render import render_chart
from zqtracker.charts.series import chart_data
from zqtracker.domain.cumulative import YtdReport
from zqtracker.domain.currency import ForeignAmount
from zqtracker.domain.fuzzy_dates import DatePrecision
from zqtracker.domain.models import Project
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.cumulative import CumulativeService
from zqtracker.services.dashboard import DashboardService

SHOTS = Path(os.environ.get("ZQTRACKER_SHOTS", "/work/shots/figures"))


def _project(ctx: AppContext) -> int:
    p = ctx.projects.create(
        Project("肇庆外资储能电池项目", "新型储能", "肇庆新区", Status.UNDER_CONSTRUCTION, 1_200_000_000, code="WZ-01",
                signed_on=date(2022, 4, 1), signed_on_precision=DatePrecision.QUARTER,
                construction_start_on=date(2023, 1, 1), construction_start_on_precision=DatePrecision.YEAR,
                since_start_amount=320_000_000, since_start_year=2023, since_start_month=10,
                planned_foreign=ForeignAmount("USD", Decimal("169014084.507"), Decimal("7.1")))
    )  # fmt: skip
    ctx.projects.set_investment(p.id, [(2022, m, 10_000_000 + m) for m in range(1, 13)])
    CumulativeService(ctx.database).record(
        [
            YtdReport(p.id, 2023, 8, 180_000_000),
            YtdReport(p.id, 2023, 9, 205_000_000),
            YtdReport(p.id, 2023, 10, 231_234_567),
        ]
    )
    return p.id


def _shot(widget, name: str, artifacts: Path) -> None:
    for _ in range(3):  # let the layouts settle (wrapped labels grow on the next pass)
        QApplication.processEvents()
    SHOTS.mkdir(parents=True, exist_ok=True)
    image = widget.grab()
    image.save(str(SHOTS / name))
    image.save(str(artifacts / f"figures_{name}"))


def test_grid_and_detail_show_spans_currency_since_start_and_precision(
    make_window, ctx: AppContext, translations, artifacts
) -> None:
    pid = _project(ctx)
    window = make_window(ctx)
    window.resize(1500, 860)
    page = window.projects
    page.table.select_ids([pid])
    detail = page.detail
    grid = detail.monthly_model
    money = grid._fmt.money
    assert grid.cell(2023, 8).data() == f"{money(180_000_000)} (Jan–Aug)"  # one figure for 1–8月, at its last month
    assert grid.amount(2023, 9) == 25_000_000  # 2.05 − 1.80亿
    assert grid.amount(2023, 10) == 26_234_567  # 231,234,567 − 205,000,000 yuan
    assert grid.cell(2023, 3).data() == "↓ Jan–Aug" and not grid.flags(grid.cell(2023, 3)) & Qt.ItemFlag.ItemIsEditable
    assert "Jan–Aug 2023 as one figure" in grid.cell(2023, 8).data(Qt.ItemDataRole.ToolTipRole)
    assert grid.year_total(2023) == 231_234_567
    assert not grid.setData(grid.cell(2023, 5), "0.1")  # inside the span: no month of its own
    values = detail._values
    since = detail._fmt.money_with_unit(320_000_000, lang="en")
    assert values["since_start_amount"].text() == f"{since} (26.7% of planned), through Oct 2023"
    assert values["planned_investment"].text().endswith("USD 169,014,084.507 at 7.1 yuan per USD")
    assert values["signed_on"].text() == "Q2 2022" and values["construction_start_on"].text() == "2023"
    table_text = page.model.cells.display(
        page.model.get(pid), next(c for c in page.model.columns if c.key == "signed_on")
    )
    assert table_text == "Q2 2022"
    detail.tabs.setCurrentIndex(0)
    _shot(window, "detail_en.png", artifacts)
    detail.tabs.setCurrentIndex(2)
    _shot(window, "monthly_grid_en.png", artifacts)
    translations.switch("zh_CN")
    page.table.select_ids([pid])
    assert grid.cell(2023, 8).data().endswith(" (1–8月)") and grid.cell(2023, 3).data() == "↓ 1–8月"
    assert (
        "占计划总投资 26.7%" in values["since_start_amount"].text()
        and "截至2023年10月" in values["since_start_amount"].text()
    )
    assert values["signed_on"].text() == "2022年二季度" and values["construction_start_on"].text() == "2023年"
    assert "169,014,084.507美元（汇率 7.1）" in values["planned_investment"].text()
    _shot(window, "monthly_grid_zh.png", artifacts)
    detail.tabs.setCurrentIndex(0)
    _shot(window, "detail_zh.png", artifacts)


def test_monthly_chart_labels_the_span_and_gives_no_growth_inside_it(ctx: AppContext, qapp, artifacts) -> None:
    _project(ctx)
    figures = DashboardService(ctx.statistics, parallel=False).load(2023, 10)
    assert figures.spans == {8: 1}
    for lang, label in (("en", "Jan–Aug together"), ("zh", "1–8月合并填报")):
        monthly = chart_data(figures, "monthly", lang=lang)
        assert monthly.month_labels[7] in ("Aug", "8月") and monthly.month_labels[8] in ("Sep", "9月")
        current = next(s for s in monthly.series if s.key == "current")
        assert current.values[:8] == (None,) * 8  # no month of its own: never spread over Jan–Jul
        span = next(s for s in monthly.series if s.key == "span")  # the span apart on August's bar
        assert span.values[:9] == (None,) * 7 + (180_000_000, None) and span.marks[7] == label
        if lang == "en":  # March has no amount of its own: no "Completed in Mar 2023: 0", but where it is
            assert "Completed in Mar 2023" not in (monthly.tooltips[2] or "")
            assert "1 project(s) reported this month inside Jan–Aug 2023 together" in (monthly.tooltips[2] or "")
        ytd = next(s for s in monthly.series if s.key == "ytd")
        assert ytd.values[7:10] == (180_000_000, 205_000_000, 231_234_567)
        yoy = chart_data(figures, "yoy", lang=lang)
        bars = next(s for s in yoy.series if s.key == "monthly_yoy").values
        line = next(s for s in yoy.series if s.key == "ytd_yoy").values
        assert bars[:8] == (None,) * 8 and bars[8] is not None  # September compares with September
        # 1–8月 2023 against Jan–Aug 2022 (8 × 10,000,000 + 36): like with like
        assert line[6] is None and line[7] == round((180_000_000 - 80_000_036) / 80_000_036 * 100, 1)
        png = render_chart(ctx.statistics, "monthly", year=2023, through=10, lang=lang, width=960, height=540)
        SHOTS.mkdir(parents=True, exist_ok=True)
        (SHOTS / f"chart_monthly_{lang}.png").write_bytes(png)
        (artifacts / f"figures_chart_monthly_{lang}.png").write_bytes(png)


def test_editor_keeps_precision_and_original_currency_until_the_field_changes(
    qtbot, ctx: AppContext, translations, artifacts
) -> None:
    from zqtracker.domain.money import Unit
    from zqtracker.ui.project_editor import ProjectEditor

    project = ctx.projects.get(_project(ctx))
    editor = ProjectEditor(None, project, unit=Unit.YI, sectors=ctx.references.sectors(),
                           districts=ctx.references.districts(), enterprises=[], save=lambda *a: a[0])  # fmt: skip
    qtbot.addWidget(editor)
    editor.show()
    assert editor.form.figure_notes["planned_investment"].isVisible()
    assert "USD 169,014,084.507" in editor.form.figure_notes["planned_investment"].text()
    assert editor.form.figure_notes["signed_on"].text() == "Known to the quarter: Q2 2022 (a new date replaces it)"
    _shot(editor, "editor_en.png", artifacts)
    kept = editor.read()
    assert kept.signed_on_precision is DatePrecision.QUARTER and kept.planned_foreign == project.planned_foreign
    editor.form.dates["signed_on"].set_value(date(2022, 5, 20))
    editor.form.money["planned_investment"].set_value(1_300_000_000)
    changed = editor.read()
    assert changed.signed_on_precision is DatePrecision.DAY and changed.signed_on == date(2022, 5, 20)
    assert changed.planned_foreign is None  # a yuan amount typed over the dollars replaces them
    assert changed.construction_start_on_precision is DatePrecision.YEAR  # untouched: kept


def test_dashboard_growth_tile_says_why_it_has_no_figure(qtbot, ctx: AppContext, artifacts) -> None:
    from ui_helpers import private_settings

    from zqtracker.ui.dashboard import DashboardWidget
    from zqtracker.ui.events import DataEvents

    _project(ctx)
    widget = DashboardWidget(ctx, DataEvents(), private_settings(), lang="en")
    qtbot.addWidget(widget)
    widget.resize(1354, 600)
    with qtbot.waitSignal(widget.refreshed, timeout=30000):
        widget.show()
    with qtbot.waitSignal(widget.refreshed, timeout=30000):
        widget.set_period(2023, 7)  # inside 1–8月: the year to date through July is not known
    tile = widget.tiles["yoy"]
    # no growth of its own; the tile gives it like with like and its tooltip names who reported months
    # together (before: "a year-to-date report covers later months")
    assert tile.value.text() == "—" and tile.detail.text().endswith("like with like")
    assert "Not like with like: 肇庆新区 reported months together" in tile.toolTip()
    assert "leaving out 1 project(s) reported as months together (肇庆新区)" in tile.toolTip()
    assert "Not in this year to date: ¥0.180 bn reported together" in widget.tiles["ytd"].toolTip()  # 1–8月
    with qtbot.waitSignal(widget.refreshed, timeout=30000):
        widget.set_period(2023, 8)
    assert tile.value.text() == "▲ +125.0%"  # 1.80亿 against Jan–Aug 2022's 0.80000036亿: 124.99…%
    _shot(widget, "dashboard_en.png", artifacts)
