"""The figures of issue 13 in what leaves the app: workbooks, the template, ``list --json``."""

from __future__ import annotations

import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from zqtracker.cli.main import main
from zqtracker.domain.cumulative import YtdReport
from zqtracker.domain.currency import ForeignAmount
from zqtracker.domain.fuzzy_dates import DatePrecision
from zqtracker.domain.models import Project
from zqtracker.domain.money import Unit
from zqtracker.io.export_styles import money_format
from zqtracker.io.template import write_template
from zqtracker.services.context import AppContext
from zqtracker.services.cumulative import CumulativeService
from zqtracker.services.exporting import ExportOptions, ExportService


@pytest.fixture
def figures(ctx: AppContext) -> AppContext:
    """One project with every figure: dollars at a rate, a quarter, a year, 自开工累计, a 1–8月 span."""
    p = ctx.projects.create(
        Project("外资储能项目", "新型储能", "高要区", planned_investment=87_649_500, code="F-1",
                signed_on=date(2025, 4, 1), signed_on_precision=DatePrecision.QUARTER,
                construction_start_on=date(2026, 1, 1), construction_start_on_precision=DatePrecision.YEAR,
                production_on=date(2026, 3, 9), land_area_mu=Decimal(60), since_start_amount=123_456_789,
                since_start_year=2023, since_start_month=8,
                planned_foreign=ForeignAmount("USD", Decimal("12345000"), Decimal("7.1")))
    )  # fmt: skip
    ctx.projects.create(Project("内资项目", "汽车零部件", "肇庆新区", planned_investment=1, code="D-2"))
    CumulativeService(ctx.database).record([YtdReport(p.id, 2023, 8, 12_345_678_901)])
    ctx.projects.set_investment(p.id, [(2023, 9, 1)])
    return ctx


def test_money_formats_show_every_digit_down_to_the_yuan() -> None:
    assert money_format(Unit.YI) == "#,##0.00######"
    assert money_format(Unit.WAN) == "#,##0.00##"
    assert money_format(Unit.YUAN) == "#,##0"


def _sheet(path: Path, name: str) -> list[dict[str, openpyxl.cell.Cell]]:
    ws = openpyxl.load_workbook(path)[name]
    header = [c.value for c in ws[1]]
    return [dict(zip(header, row, strict=True)) for row in ws.iter_rows(min_row=2)]


def test_export_writes_precision_currency_since_start_and_spans(figures: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    ExportService(figures.database).export(path, ExportOptions(lang="zh", unit=Unit.WAN, summaries=False))
    first = _sheet(path, "项目清单")[0]
    planned = first["计划总投资（万元）"]
    assert planned.value == pytest.approx(8764.95) and planned.number_format == "#,##0.00##"
    assert first["签约时间"].value == "2025-Q2" and first["开工时间"].value == "2026"  # text: no made-up day
    assert first["投产时间"].is_date and first["投产时间"].value.date() == date(2026, 3, 9)
    assert first["计划总投资（原币金额）"].value == 12345000 and first["币种"].value == "USD"
    assert first["汇率（元/单位）"].value == pytest.approx(7.1)
    assert first["自开工累计完成投资（万元）"].value == pytest.approx(12345.6789)
    assert first["自开工累计截至"].is_date and first["自开工累计截至"].value.date() == date(2023, 8, 1)
    monthly = _sheet(path, "月度完成投资")
    assert [(r["完成投资（万元）"].value, r["所含月份"].value) for r in monthly] == [
        (pytest.approx(1234567.8901), "1–8月"),
        (pytest.approx(0.0001), None),
    ]
    assert monthly[0]["完成投资（万元）"].number_format == "#,##0.00##"


def test_without_figures_no_empty_columns(ctx: AppContext, tmp_path: Path) -> None:
    ctx.projects.create(Project("内资项目", "汽车零部件", "肇庆新区", planned_investment=1, code="D-2"))
    path = tmp_path / "plain.xlsx"
    ExportService(ctx.database).export(path, ExportOptions(lang="en", summaries=False))
    header = [c.value for c in openpyxl.load_workbook(path)["Projects"][1]]
    assert "Currency" not in header and "Completed since start (100m yuan)" not in header
    assert [c.value for c in openpyxl.load_workbook(path)["Monthly investment"][1]][-1] != "Months covered"


def test_list_json_prints_plain_numbers_and_the_figures(figures: AppContext) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["--db", figures.database.url, "list", "--json"], stdout=out, stderr=err) == 0, err.getvalue()
    text = out.getvalue()
    assert "E+" not in text
    first, second = json.loads(text)["projects"]
    assert first["land_area_mu"] == 60 and '"land_area_mu": 60,' in text
    assert first["signed_on"] == "2025-Q2" and first["construction_start_on"] == "2026"
    assert first["production_on"] == "2026-03-09"
    assert first["since_start_yuan"] == 123_456_789 and first["since_start_month"] == "2023-08"
    assert first["planned_original"] == {"currency": "USD", "amount": 12345000, "rate": 7.1}
    assert second["planned_original"] is None and second["since_start_yuan"] is None


def test_template_date_columns_are_text_with_a_rule_the_import_agrees_with(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    write_template(path, lang="zh")
    ws = openpyxl.load_workbook(path)["项目清单"]
    header = [c.value for c in ws[1]]
    signed = header.index("签约时间") + 1
    rules = [
        dv for dv in ws.data_validations.dataValidation if openpyxl.utils.get_column_letter(signed) in str(dv.sqref)
    ]
    (rule,) = rules
    assert rule.type == "textLength" and (rule.formula1, rule.formula2) == ("4", "19")
    assert "2023年10月" in rule.prompt and "2023-10" in rule.prompt
    # every spelling the prompt offers is one the import reads (and fits the length rule)
    from zqtracker.io.values import parse_date

    for text in ("2023-10-10", "2023/10/10", "2023年10月10日", "2023-10", "2023年10月"):
        assert 4 <= len(text) <= 19 and parse_date(text, "signed_on") is not None
    # the column is formatted as text, so a spreadsheet program keeps "2023.10" as typed
    assert ws.column_dimensions[openpyxl.utils.get_column_letter(signed)].number_format == "@"


def test_summary_sheet_labels_the_span_and_spreads_nothing(figures: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    ExportService(figures.database).export(path, ExportOptions(lang="zh", unit=Unit.WAN))
    ws = openpyxl.load_workbook(path)["完成投资同比"]
    rows = {r[0].value: [c.value for c in r[1:7]] for r in ws.iter_rows() if r[0].value}
    # the 1–8月 figure stands apart on August's row (its own column), the month alone has nothing;
    # before, the row was labelled "1–8月" with the figure in the month's column
    assert rows["8月"][0] is None and rows["8月"][3] == pytest.approx(1234567.8901)
    assert "2023年1–8月：1个项目合并填报" in rows["8月"][5] and "不分摊" in rows["8月"][5]
    assert rows["3月"][0] is None and "含在2023年1–8月合并填报数" in rows["3月"][5]  # nothing made up
    assert rows["9月"][0] == pytest.approx(0.0001)


def test_show_prints_one_project_with_its_figures(figures: AppContext) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["--db", figures.database.url, "show", "F-1", "--json"], stdout=out, stderr=err) == 0, err.getvalue()
    data = json.loads(out.getvalue())
    assert (data["signed_on"], data["construction_start_on"], data["land_area_mu"]) == ("2025-Q2", "2026", 60)
    assert data["planned_original"] == {"currency": "USD", "amount": 12345000, "rate": 7.1}
    assert data["since_start_yuan"] == 123_456_789 and data["since_start_month"] == "2023-08"
    assert data["investment"] == [
        {"year": 2023, "first_month": 1, "month": 8, "amount_yuan": 12_345_678_901},
        {"year": 2023, "first_month": 9, "month": 9, "amount_yuan": 1},
    ]
    out = io.StringIO()
    assert main(["--db", figures.database.url, "--lang", "zh", "show", "F-1", "--unit", "wan"], stdout=out) == 0
    text = out.getvalue()
    assert "2023年1–8月\t1,234,567.8901" in text and "签约时间\t2025年二季度" in text
    assert "12,345,000美元（汇率 7.1）" in text and "自开工累计完成投资（原" not in text
    assert main(["--db", figures.database.url, "show", "NOPE"], stdout=io.StringIO(), stderr=err) == 1
