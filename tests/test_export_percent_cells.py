"""A growth cell holds the fraction the one-decimal percentage is (probe37b F5): +72.9% was written as
0.7290000000000001 (72.9 / 100 in doubles), a float artefact a reader of the cell sees in the formula
bar or in a script. One project, 1,000万 in January 2025, 1,729万 in January 2026: +72.9% in the
overview, the YTD table by chain and its total, and January's line of the monthly table."""

from __future__ import annotations

import openpyxl

from zqtracker.domain.models import Project
from zqtracker.domain.money import Unit
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.exporting import ExportOptions, ExportService

WAN = 10_000


def test_growth_cells_hold_the_rounded_fraction(ctx: AppContext, tmp_path) -> None:
    p = ctx.projects.create(Project("甲项目", "新材料", "端州区", Status.UNDER_CONSTRUCTION, 900_000_000, code="A")).id
    ctx.projects.set_investment(p, [(2025, 1, 1_000 * WAN), (2026, 1, 1_729 * WAN)])
    path = tmp_path / "out.xlsx"
    ExportService(ctx.database).export(path, ExportOptions(lang="zh", unit=Unit.WAN))
    book = openpyxl.load_workbook(path)
    growth = [
        c.value
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, float) and "%" in c.number_format
    ]
    assert len(growth) >= 4  # the overview, the chain's line and the total, January's line
    assert growth == [0.729] * len(growth)
