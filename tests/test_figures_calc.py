"""Our export, re-saved by a spreadsheet program (LibreOffice Calc: tests/data/figures_calc/), imports
back into the database it came from changing nothing: every amount has every digit down to the
yuan on screen, so even a CSV saved "as shown" keeps it exactly."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from figures_calc import FOLDER, RESAVED, build

from zqtracker.io.errors import WorkbookRefused
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService


@pytest.fixture
def built(ctx: AppContext) -> AppContext:
    build(ctx)
    return ctx


@pytest.mark.parametrize("name", RESAVED)
def test_a_resaved_export_imports_back_unchanged(built: AppContext, tmp_path: Path, name: str) -> None:
    service = ImportService(built.database, MappingStore(tmp_path / "mappings.json"))
    try:
        result = service.import_file(FOLDER / name, ImportOptions(lang="zh"), dry_run=True)
    except WorkbookRefused as exc:
        if name.endswith((".xls", ".ods")) and exc.code in ("legacy_xls", "ods", "xls", "not_xlsx", "format"):
            pytest.skip(f"{name}: reading .xls/.ods is the branch 'reading' ({exc.code})")
        raise
    assert result.problems == [], [p.as_json("en") for p in result.problems]
    assert (result.added, result.updated) == (0, 0), name
    projects = 0 if "monthly" in name else 4
    assert result.unchanged == projects, name
    assert result.investment_records == 0, name  # every month as stored: none to write


def test_the_template_filled_in_calc_imports_what_was_typed(ctx: AppContext, tmp_path: Path) -> None:
    """The template's date and month columns are text: typed in Calc, "2023.10" and "2024年2月" stay
    what the person typed (and "007" a code), and the import reads them as the months they are."""
    service = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))
    result = service.import_file(FOLDER / "template-filled.xlsx", ImportOptions(lang="zh"))
    assert result.problems == [] and result.added == 1, [p.as_json("en") for p in result.problems]
    (p,) = ctx.projects.all_projects()
    assert (p.code, p.name, p.planned_investment) == ("007", "模板项目甲", 123_456_789)
    assert (p.signed_on, p.construction_start_on, p.production_on) == (
        date(2023, 10, 1),
        date(2024, 2, 1),
        date(2025, 3, 15),
    )
    assert [(r.year, r.month, r.amount) for r in ctx.projects.investment(p.id)] == [(2023, 10, 15_000)]
