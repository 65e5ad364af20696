"""A money cell carrying its own currency (2000万美元, US$5M, USD 300万, 500万港元, €2M, HK$1,000万) in a
list in 万元: probe37a P37a-1 refused it as "not an amount of money", with or without --rate. It is
now an amount in that currency: refused by name without a rate, converted exactly with one, the
planned investment keeping its original amount, currency and rate. Real .xlsx, both engines."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.domain.words import APP
from zqtracker.io.cell_currency import cell_currencies, foreign_cell
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


ROWS = [["四会市2025年1-10月重点项目"], ["单位：万元"],
        ["项目名称", "所在区域", "总投资", "1-10月累计"],
        ["外资电机项目", "四会市", "2000万美元", "US$50万"],
        ["内资五金项目", "四会市", "3000万元", 800],
        ["港资家具项目", "四会市", "HK$1,000万", 120]]  # fmt: skip


def test_cells_in_another_currency_are_refused_by_name_then_converted_at_the_rate(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    path = write_workbook(tmp_path / "cell_usd.xlsx", SheetSpec("Sheet1", ROWS))
    result = service.import_file(path, ImportOptions())
    assert not result.ok and ctx.projects.all_projects() == []
    by_cell = {(p.row, p.column): p for p in result.problems}
    assert set(by_cell) == {(4, "C"), (4, "D"), (6, "C")}
    said = by_cell[(4, "C")].reason("en")
    assert "'2000万美元'" in said and "USD" in said and "--rate USD=7.10" in said
    assert "not an amount of money" not in said
    assert "HKD" in by_cell[(6, "C")].reason("en") and "港元" not in by_cell[(6, "C")].reason("en")
    assert "汇率" in by_cell[(4, "C")].reason("zh") and "rate field" in by_cell[(4, "C")].reason("en", APP)

    rates = {"USD": Decimal("7.10"), "HKD": Decimal("0.915")}
    result = service.import_file(path, ImportOptions(rates=rates))
    assert result.ok, [p.reason("en") for p in result.problems]
    projects = {p.name: p for p in ctx.projects.all_projects()}
    # 2000万美元 × 7.10 = 142,000,000; 3000万元 stays 30,000,000; HK$1,000万 × 0.915 = 9,150,000
    assert {n: p.planned_investment for n, p in projects.items()} == {
        "外资电机项目": 142_000_000, "内资五金项目": 30_000_000, "港资家具项目": 9_150_000
    }  # fmt: skip
    usd = projects["外资电机项目"].planned_foreign
    assert usd is not None and (usd.currency, usd.amount, usd.rate) == ("USD", 20_000_000, Decimal("7.10"))
    hkd = projects["港资家具项目"].planned_foreign
    assert hkd is not None and (hkd.currency, hkd.amount) == ("HKD", 10_000_000)
    assert projects["内资五金项目"].planned_foreign is None
    ytd = {n: sum(r.amount for r in ctx.projects.investment(p.id)) for n, p in projects.items()}
    assert ytd == {"外资电机项目": 3_550_000, "内资五金项目": 8_000_000, "港资家具项目": 1_200_000}  # US$50万 × 7.10
    (note,) = [n for n in result.notes if n.code == "note_cells_converted"]
    said = note.message("en")
    assert "C4 2000万美元 × 7.10" in said and "D4 US$50万 × 7.10" in said and "C6 HK$1,000万 × 0.915" in said
    assert "only the yuan amount" in said
    for options in (ImportOptions(), ImportOptions(rates=rates)):  # the preview's rate fields, before and after
        book, plans = service.read_planned(path, options)
        (sheet,) = service.analyse(book, options, plans=plans).selected
        assert cell_currencies(sheet.plan) == {"USD": ["C4", "D4"], "HKD": ["C6"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2000万美元", ("USD", 20_000_000)), ("US$5M", ("USD", 5_000_000)), ("USD 300万", ("USD", 3_000_000)),
     ("500万港元", ("HKD", 5_000_000)), ("€2M", ("EUR", 2_000_000)), ("HK$1,000万", ("HKD", 10_000_000)),
     ("C$ 2.5 million", ("CAD", 2_500_000)), ("$3M", ("USD?", 3_000_000)), ("2000万元", None), ("3 million", None),
     ("约2000万美元", None), ("300,5万美元", None)],
)  # fmt: skip
def test_the_currency_and_amount_a_cell_says(text: str, expected: tuple | None) -> None:
    assert foreign_cell(text) == expected


def test_a_column_in_another_currency_says_only_the_planned_investment_keeps_its_original(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """probe37a P37a-3: a 1-10月累计（万美元） column's note said the original amount was kept with the
    project; only the planned investment's is."""
    rows = [["单位：万元"], ["项目名称", "所在区域", "总投资（万美元）", "1-10月累计（万美元）"],
            ["外资电机项目", "四会市", 3000, 400]]  # fmt: skip
    path = write_workbook(tmp_path / "col_usd.xlsx", SheetSpec("Sheet1", rows))
    result = service.import_file(path, ImportOptions(period=(2025, 10), rates={"USD": Decimal("7.10")}))
    assert result.ok, [p.reason("en") for p in result.problems]
    (project,) = ctx.projects.all_projects()
    assert [r.amount for r in ctx.projects.investment(project.id)] == [28_400_000]
    assert project.planned_foreign is not None and project.planned_foreign.amount == 30_000_000
    notes = {n.params["column"]: n for n in result.notes if n.code in ("note_converted", "note_converted_figure")}
    assert notes["C"].code == "note_converted" and "kept with the project" in notes["C"].message("en")
    assert notes["D"].code == "note_converted_figure"
    said = notes["D"].message("en")
    assert "only the yuan amount" in said and "kept with the project" not in said


def test_cells_of_a_dollar_column_naming_yuan_or_another_currency_are_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """总投资（万美元） at 7.10: 2000 → 142,000,000 yuan and 300万美元 → 21,300,000; "2000万元" there was
    read as 2000万 dollars × 7.10 (142,000,000 for 20,000,000 yuan) — it is asked, as 500万欧元 is."""
    rows = [["项目名称", "所在区域", "总投资（万美元）"],
            ["外资电机项目", "四会市", 2000], ["外资模具项目", "四会市", "300万美元"],
            ["写了人民币的项目", "四会市", "2000万元"], ["写了欧元的项目", "四会市", "500万欧元"]]  # fmt: skip
    path = write_workbook(tmp_path / "usd_col.xlsx", SheetSpec("Sheet1", rows))
    result = service.import_file(path, ImportOptions(rates={"USD": Decimal("7.10")}, skip_invalid=True))
    asked = {(p.row, p.problem.code) for p in result.problems}  # type: ignore[attr-defined]
    assert asked == {(4, "cell_currency_other"), (5, "cell_currency_other")}, asked
    said = {p.row: (p.reason("en"), p.reason("zh")) for p in result.problems}
    assert "names 人民币 (yuan)" in said[4][0] and "in USD" in said[4][0] and "EUR" in said[5][0], said
    assert "本列金额的币种为 USD" in said[4][1], said
    stored = {p.name: p.planned_investment for p in ctx.projects.all_projects()}
    assert stored == {"外资电机项目": 142_000_000, "外资模具项目": 21_300_000}, stored
