"""Our export, re-saved by a spreadsheet program (LibreOffice Calc: tests/data/figures_calc/), imports
back into the database it came from changing nothing: every amount has every digit down to the
yuan on screen, so even a CSV saved "as shown" keeps it exactly."""

from __future__ import annotations

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
