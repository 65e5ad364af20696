"""The detail pane: status history shown, monthly investment and annual plans edited in grids,
each edit undoable, bad amounts refused in the cell."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from zqtracker.domain.models import Project
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext


def test_history_and_grids_show_the_selected_project(make_window, demo_ctx: AppContext, artifacts) -> None:
    window = make_window(demo_ctx)
    page = window.projects
    row = next(
        r for r in page.visible_rows() if r.status is Status.UNDER_CONSTRUCTION and demo_ctx.projects.investment(r.id)
    )
    page.table.select_ids([row.id])
    detail = page.detail
    assert detail.project_id == row.id and detail.title.text() == row.name
    assert detail.tabs.isVisible() and detail.tabs.currentWidget().isVisible()
    history = demo_ctx.projects.status_history(row.id)
    assert detail.history.rowCount() == len(history)
    assert detail.history.item(0, 2).text() == history[-1].to_status.label("en")  # newest first
    records = demo_ctx.projects.investment(row.id)
    year = records[-1].year
    assert detail.monthly_model.year_total(year) == sum(x.amount for x in records if x.year == year)
    assert detail.monthly_model.cell(year, records[-1].month).data() != ""
    assert detail.monthly_model.cell(year, 13).data() == detail.monthly_model._fmt.money(
        detail.monthly_model.year_total(year)
    )
    detail.tabs.setCurrentIndex(2)
    window.grab().save(str(artifacts / "main_window_investment_grid.png"))
    detail.tabs.setCurrentIndex(1)
    detail.grab().save(str(artifacts / "detail_history.png"))


def test_editing_monthly_investment_and_plans_with_undo(make_window, ctx: AppContext) -> None:
    p = ctx.projects.create(
        Project(name="端州智能装备项目", sector="智能装备", district="端州区", status=Status.UNDER_CONSTRUCTION,
                planned_investment=5 * 10**8, construction_start_on=date(2024, 1, 10))
    )  # fmt: skip
    window = make_window(ctx)
    page = window.projects
    page.table.select_ids([p.id])
    grid = page.detail.monthly_model
    grid.add_year(2024)
    assert grid.setData(grid.cell(2024, 3), "0.035")  # March, in ¥ bn (the English for 亿元: 0.35亿元)
    assert [(x.year, x.month, x.amount) for x in ctx.projects.investment(p.id)] == [(2024, 3, 35_000_000)]
    assert window.actions_.undo.text() == "Undo edit monthly investment of “端州智能装备项目”"
    assert grid.setData(grid.cell(2024, 4), "1200万")  # April, with its own unit
    assert ctx.projects.investment(p.id)[-1].amount == 12_000_000
    assert grid.year_total(2024) == 47_000_000
    # Last activity moved to the end of April: the row in the table knows it.
    assert page.model.get(p.id).last_activity_on == date(2024, 4, 30)

    problems: list[str] = []
    grid.problem.connect(problems.append)
    assert not grid.setData(grid.cell(2024, 5), "abc")
    assert problems and "is not an amount of money" in problems[0]
    assert not grid.setData(grid.cell(2024, 5), "-5")
    assert len(ctx.projects.investment(p.id)) == 2

    window.actions_.undo.trigger()  # April
    assert [x.month for x in ctx.projects.investment(p.id)] == [3]
    window.actions_.redo.trigger()
    assert [x.amount for x in ctx.projects.investment(p.id)] == [35_000_000, 12_000_000]

    assert grid.setData(grid.cell(2024, 3), "")  # empty: the record goes
    assert [x.month for x in ctx.projects.investment(p.id)] == [4]
    window.actions_.undo.trigger()
    assert [x.month for x in ctx.projects.investment(p.id)] == [3, 4]

    plans = page.detail.plans_model
    plans.add_year(2024)
    pr = [plans.headerData(i, Qt.Orientation.Vertical) for i in range(plans.rowCount())].index("2024")
    assert plans.setData(plans.index(pr, 0), "0.2")  # ¥ bn
    assert [(x.year, x.amount) for x in ctx.projects.plans(p.id)] == [(2024, 200_000_000)]
    pr = [plans.headerData(i, Qt.Orientation.Vertical) for i in range(plans.rowCount())].index("2024")
    assert plans.index(pr, 2).data() == "23.5%"  # 0.47 of 2 亿元
    window.actions_.undo.trigger()
    assert ctx.projects.plans(p.id) == []


def test_pasting_a_row_copied_from_a_spreadsheet(make_window, ctx: AppContext) -> None:
    p = ctx.projects.create(
        Project(name="粘贴测试项目", sector="光伏", district="四会市", status=Status.UNDER_CONSTRUCTION,
                planned_investment=10**9)
    )  # fmt: skip
    window = make_window(ctx)
    window.projects.table.select_ids([p.id])
    grid = window.projects.detail.monthly_model
    grid.add_year(2023)
    QApplication.clipboard().setText("0.01\t0.02\t\t0.04\n")  # one row of months, as reports have them
    grid.paste(grid.cell(2023, 1), QApplication.clipboard().text())
    assert [(x.month, x.amount) for x in ctx.projects.investment(p.id)] == [(1, 10**7), (2, 2 * 10**7), (4, 4 * 10**7)]
    window.actions_.undo.trigger()  # one paste, one undo
    assert ctx.projects.investment(p.id) == []
