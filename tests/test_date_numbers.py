"""A date column of whole numbers — Excel serials without a date format (45731), 20250315, 202503 typed as numbers —
was dropped whole with "its header reads like Signed, but its values are not" (probe25b C06, C12, C13); the design
lists serial numbers among the forms dates arrive in. Each is read as its day (or month, for 202503). A column of
amounts under a date header stays refused. Real .xlsx files through ImportService, both engines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.importing import ImportOptions, ImportService

HEAD = ["序号", "项目名称", "所在区域", "计划总投资（万元）", "签约时间"]


def listing(tmp_path: Path, *signed: object) -> Path:
    rows = [[k, f"项目{k}", "高要区", 1000, v] for k, v in enumerate(signed, 1)]
    return write_workbook(tmp_path / "list.xlsx", SheetSpec("Sheet1", [["高要区2025年重点项目"], HEAD, *rows]))


@pytest.mark.parametrize(
    ("signed", "expected", "precision"),
    [
        # Excel's serials (1900 system): 45731 = 2025-03-15, 45698 = 2025-02-10, 45200 = 2023-10-01
        ((45731, 45698, 45200), (date(2025, 3, 15), date(2025, 2, 10), date(2023, 10, 1)), "day"),
        ((20250315, 20250210, 20231001), (date(2025, 3, 15), date(2025, 2, 10), date(2023, 10, 1)), "day"),
        ((202503, 202502, 202310), (date(2025, 3, 1), date(2025, 2, 1), date(2023, 10, 1)), "month"),
    ],
)
def test_whole_numbers_in_a_date_column_are_days(
    ctx: AppContext, tmp_path: Path, signed: tuple, expected: tuple, precision: str
) -> None:
    result = ImportService(ctx.database).import_file(listing(tmp_path, *signed), ImportOptions())
    assert result.ok and not [n for n in result.notes if n.code == "note_rejected_column"]
    stored = {p.name: p.signed_on for p in ctx.projects.all_projects()}
    assert [stored[f"项目{k}"] for k in (1, 2, 3)] == list(expected)
    assert {p.signed_on_precision.value for p in ctx.projects.all_projects()} == {precision}


def test_amounts_under_a_date_header_stay_refused(ctx: AppContext, tmp_path: Path) -> None:
    """1,500 / 800 / 12,000 … are no days of 1950–2099: the column is left out, said in a note."""
    path = listing(tmp_path, 1500, 800, 12000, 3000, 600)
    result = ImportService(ctx.database).import_file(path, ImportOptions())
    assert result.ok and [n.code for n in result.notes if n.code == "note_rejected_column"] == ["note_rejected_column"]
    assert {p.signed_on for p in ctx.projects.all_projects()} == {None}
