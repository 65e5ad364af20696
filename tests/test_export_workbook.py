"""The exported workbook as a user opens it: safety (no formulas from user data), styles, number
formats, frozen panes, autofilter, the chart, properties, demo marks, summaries that match the
statistics, filtered views and chosen columns."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from xlsx_readback import records, sheet_rows, xml_parts

from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.models import Project
from zqtracker.domain.money import Unit, parse_money
from zqtracker.domain.status import Status
from zqtracker.io.columns import EXPORT_PROJECT_FIELDS, FIGURE_EXPORT_FIELDS, sheet_name
from zqtracker.services.context import AppContext
from zqtracker.services.exporting import ExportOptions, ExportService
from zqtracker.stats.figures import percent, yoy_pct

HOSTILE = [
    '=HYPERLINK("http://evil.example","click")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "＝1+1",
    "<r><t>injected</t></r>",
]


@pytest.fixture
def hostile_ctx(ctx: AppContext) -> AppContext:
    for i, text in enumerate(HOSTILE):
        ctx.projects.create(
            Project(
                name=f"{text} {i}",
                code=text.strip() + str(i),
                sector=f"{text} sector" if i < 3 else "储能",
                district=f"{text} district" if i < 3 else "高要区",
                enterprise=f"{text} Co.",
                officer=text.strip() or "x",
                notes=text,
                planned_investment=10**8 * (i + 1),
            )
        )
    return ctx


def test_no_user_text_becomes_a_formula(hostile_ctx: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "hostile.xlsx"
    ExportService(hostile_ctx.database).export(path, ExportOptions())
    parts = xml_parts(path)
    sheets = {n: x for n, x in parts.items() if n.startswith("xl/worksheets/sheet")}
    assert len(sheets) == 7
    for name, xml in sheets.items():
        assert not re.search(r"<f[ >]", xml), f"{name} holds a formula"
    projects = parts["xl/worksheets/sheet2.xml"]
    for text in ("=HYPERLINK(", "=cmd|", "+1+1", "@SUM(A1:A2)"):
        assert text in projects
    # every cell holding such text is a string cell whose style carries Excel's quote prefix
    wb = openpyxl.load_workbook(path)
    seen = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value[:1] in "=+-@\t\r＝" and cell.row > 1:
                    assert cell.data_type == "s", (ws.title, cell.coordinate)
                    assert cell.quotePrefix, (ws.title, cell.coordinate, cell.value)
                    seen += 1
    assert seen >= 8 * 5  # name, code, enterprise, officer, notes of each project at least


def test_formats_panes_filter_widths_and_chart(demo_ctx: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "demo.xlsx"
    ExportService(demo_ctx.database).export(path, ExportOptions(lang="zh", unit=Unit.YI))
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [
        "概览",
        "项目清单",
        "月度完成投资",
        "按状态汇总",
        "按行业汇总",
        "按区域汇总",
        "完成投资同比",
    ]
    ws = wb["项目清单"]
    header = [c.value for c in ws[1]]
    assert header[:9] == [
        "项目编号",
        "项目名称",
        "投资主体",
        "统一社会信用代码",  # the enterprise's, beside it (most demo enterprises have one)
        "所属行业",
        "产业链",
        "所在区域",
        "项目状态",
        "计划总投资（亿元）",
    ]
    assert header[9] == "2023年度计划投资（亿元）"  # the demo's annual plans, after planned investment (U5)
    assert "预计年税收（亿元）" in header and "用地面积（亩）" in header
    assert header[-3:] == ["联系人", "进展情况", "备注"]  # the words the import recognises for them
    assert ws.freeze_panes == "C2"
    assert ws.auto_filter.ref == f"A1:W{1 + 568}"
    h = ws["A1"]
    assert h.font.b and h.fill.fgColor.rgb.endswith("1F4E78") and h.alignment.wrap_text
    col = {name: i + 1 for i, name in enumerate(header)}
    row2 = {name: ws.cell(2, col[name]) for name in header}
    assert row2["项目编号"].data_type == "s" and row2["项目编号"].number_format == "@"
    # every digit down to the yuan (1 yuan = 0.00000001 亿元): "save as shown" keeps exact amounts
    assert row2["计划总投资（亿元）"].number_format == "#,##0.00######" and isinstance(
        row2["计划总投资（亿元）"].value, float
    )
    assert row2["签约时间"].is_date and row2["签约时间"].number_format == "yyyy-mm-dd"
    assert row2["用地面积（亩）"].number_format == "#,##0.00####"
    widths = {name: ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width for name, i in col.items()}
    assert widths["项目名称"] > widths["项目状态"] >= 8 and widths["备注"] <= 62
    monthly = wb["月度完成投资"]
    assert monthly.freeze_panes == "C2" and monthly.auto_filter.ref.startswith("A1:E")
    assert monthly["D2"].is_date and monthly["D2"].number_format == "yyyy-mm"
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"
    # the chart: a native column chart of this year against last year, on the completed sheet
    parts = xml_parts(path)
    chart = parts["xl/charts/chart1.xml"]
    assert "<c:barChart>" in chart and chart.count("<c:ser>") == 2
    refs = re.findall(r"<c:f>([^<]*)</c:f>", chart)
    # a row lower than before probe25d W2: the by-chain table has its 未分类 line (demo projects without a sector)
    assert {"完成投资同比!$A$19:$A$30", "完成投资同比!$B$19:$B$30", "完成投资同比!$C$19:$C$30"} <= set(refs)
    assert "chart1.xml" in parts["xl/drawings/_rels/drawing1.xml.rels"]
    assert "drawing1.xml" in parts["xl/worksheets/_rels/sheet7.xml.rels"]
    styles = parts["xl/styles.xml"]
    for fmt in ("#,##0.00######", "yyyy-mm-dd", "yyyy-mm", "0.0%"):
        assert f'formatCode="{fmt}"' in styles


def test_properties_and_demo_marks(demo_ctx: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "demo.xlsx"
    f = ProjectFilter(statuses=frozenset({Status.UNDER_CONSTRUCTION}))
    ExportService(demo_ctx.database).export(path, ExportOptions(lang="en", filter=f))
    wb = openpyxl.load_workbook(path)
    assert wb.properties.title == "[DEMO DATA] zqtracker project export"
    assert wb.properties.subject == "status: Under construction"
    custom = {p.name: p.value for p in wb.custom_doc_props.props}
    assert custom["Demo data"] is True and custom["Filters applied"] == "status: Under construction"
    assert custom["Projects"] == 208 and custom["Money unit"] == "yi"
    # no local folders, users or hosts: the file's name, or the server database's
    expected = "demo.sqlite" if demo_ctx.database.sqlite_path else demo_ctx.database.engine.url.database
    assert "Generated at" in custom and custom["Source database"] == expected
    overview = wb["Overview"]
    assert overview["A1"].value.startswith("[DEMO DATA]")
    assert overview["A2"].value.startswith("DEMO DATA:")
    assert "status: Under construction" in [c.value for c in overview["B"]]
    for name in ("By status", "By sector", "Completed investment"):
        assert wb[name]["A3"].value.startswith("[DEMO DATA]")
    assert "[DEMO DATA]" in wb["Projects"].oddHeader.left.text


def test_long_filters_fit_the_property_limit(ctx: AppContext, tmp_path: Path) -> None:
    ctx.projects.create(Project(name="p", sector="s", district="d", planned_investment=1))
    f = ProjectFilter(search="😀" * 200, sectors=frozenset(f"行业{i}" for i in range(40)))
    path = tmp_path / "long.xlsx"
    ExportService(ctx.database).export(path, ExportOptions(lang="zh", filter=f))
    wb = openpyxl.load_workbook(path)
    value = {p.name: p.value for p in wb.custom_doc_props.props}["Filters applied"]
    assert 200 < len(value.encode("utf-16-le")) // 2 <= 255 and value.startswith("搜索“😀")
    assert wb.properties.subject.startswith("搜索“😀") and "行业39" in wb.properties.subject  # in full


def test_real_database_has_no_demo_marks(ctx: AppContext, tmp_path: Path) -> None:
    ctx.projects.create(Project(name="Real", sector="s", district="d", planned_investment=1))
    path = tmp_path / "real.xlsx"
    ExportService(ctx.database).export(path, ExportOptions())
    wb = openpyxl.load_workbook(path)
    assert wb.properties.title == "zqtracker project export"
    assert {p.name: p.value for p in wb.custom_doc_props.props}["Demo data"] is False
    assert not any("DEMO" in str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row)


def money(value: object, factor: int) -> int:
    return parse_money(value, factor)


def pct(value: object) -> float | None:
    return None if value == "—" else round(float(value) * 100, 1)  # type: ignore[arg-type]


def test_summary_sheets_show_the_statistics(demo_ctx: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "demo.xlsx"
    ExportService(demo_ctx.database).export(path, ExportOptions(lang="en", unit=Unit.WAN))
    s = demo_ctx.statistics.summary()
    c = s.completed
    w = 1_000_000  # an English workbook in the 万元 preference counts in millions (¥ mn)
    rows = sheet_rows(path, "By status", "openpyxl")
    assert rows[4] == ["Status", "Projects", "Planned investment (¥ mn)", "Share of planned investment",
                       "Projects without an amount"]  # fmt: skip
    body = rows[5:14]
    assert [r[0] for r in body] == [st.label("en") for st in Status]
    for r, (status, b) in zip(body, s.by_status.items(), strict=True):
        assert r[0] == status.label("en")
        assert (r[1], money(r[2], w), pct(r[3])) == (
            b.projects,
            b.planned_investment,
            percent(b.planned_investment, s.planned_investment),
        )
    assert rows[14][:3] == ["Total", s.projects, pytest.approx(s.planned_investment / w)]
    assert money(rows[14][2], w) == s.planned_investment

    rows = sheet_rows(path, "By sector", "openpyxl")
    body = [r for r in rows[5:] if r[1] not in (None, "Total", "Unclassified")]
    assert {r[1] for r in body} == set(s.by_sector) | set(c.by_sector)
    unclassified = next(r for r in rows if r[1] == "Unclassified")  # the demo's leads without a sector
    assert (unclassified[2], money(unclassified[3], w), unclassified[7]) == (
        s.unclassified_sector.projects,
        s.unclassified_sector.planned_investment,
        s.unclassified_sector.without_amount,
    )
    chains = {x.name: x.parent for x in demo_ctx.references.sectors()}
    for r in body:
        b, y = s.by_sector[r[1]], c.by_sector[r[1]]
        assert r[0] == chains[r[1]]
        assert (r[2], money(r[3], w), money(r[4], w), money(r[5], w), pct(r[6])) == (
            b.projects, b.planned_investment, y.ytd, y.prior_ytd, y.yoy_pct)  # fmt: skip
    total = next(r for r in rows if r[1] == "Total")
    assert (total[2], money(total[4], w), money(total[5], w), pct(total[6])) == (
        s.projects,
        c.total.ytd,
        c.total.prior_ytd,
        c.total.yoy_pct,
    )

    rows = sheet_rows(path, "By district", "calamine")
    total = next(r for r in rows if r[0] == "Total")
    assert money(total[3], w) == c.total.ytd and int(total[1]) == s.projects
    for r in rows[5:]:
        if r[0] in s.by_district:
            assert money(r[2], w) == s.by_district[r[0]].planned_investment

    rows = sheet_rows(path, "Completed investment", "openpyxl")
    assert rows[0][0] == "Completed investment Jan–Sep 2023, year on year"
    total = next(r for r in rows if r[0] == "Total")
    assert (money(total[1], w), money(total[2], w), pct(total[3])) == (c.total.ytd, c.total.prior_ytd, 12.0)
    start = next(i for i, r in enumerate(rows) if r[0] == "Month")
    cube = demo_ctx.statistics.investment_cube((2022, 2023))
    this, last = cube.monthly(2023), cube.monthly(2022)
    for m in range(1, 13):
        r = rows[start + m]
        assert money(r[2], w) == last.get((None, m), 0)
        if m <= 9:
            assert money(r[1], w) == this.get((None, m), 0)
            assert pct(r[3]) == yoy_pct(this.get((None, m), 0), last.get((None, m), 0))
        else:
            assert r[1] is None and r[3] is None  # months not yet reported are empty, not zero
    assert sum(money(rows[start + m][1], w) for m in range(1, 10)) == c.total.ytd


def test_filtered_view_with_the_tables_columns(demo_ctx: AppContext, tmp_path: Path) -> None:
    f = ProjectFilter(statuses=frozenset({Status.UNDER_CONSTRUCTION}), districts=frozenset({"肇庆新区"}))
    visible = ["name", "status", "planned_investment", "last_activity_on", "sector_parent", "signed_on"]
    path = tmp_path / "view.xlsx"
    result = ExportService(demo_ctx.database).export(path, ExportOptions(lang="zh", filter=f, columns=visible))
    # the table's columns alone: no annual plan columns it does not show (U5)
    assert result.columns == ("code", "name", "status", "planned_investment", "chain", "signed_on")
    rows = demo_ctx.projects.list_rows(f)
    assert result.projects == len(rows) == 32
    got = records(path, "项目清单", "calamine")
    assert [g["code"] for g in got] == [r.code for r in rows]
    assert [g["planned_investment"] for g in got] == [r.planned_investment for r in rows]
    assert [g["chain"] for g in got] == [r.sector_parent for r in rows]
    monthly = records(path, "月度完成投资", "calamine")
    codes = {r.code for r in rows}
    assert monthly and {m["code"] for m in monthly} <= codes and {m["district"] for m in monthly} == {"肇庆新区"}
    assert len(monthly) == result.investment_records
    wb = openpyxl.load_workbook(path)
    assert wb.properties.subject == "状态：在建；区域：肇庆新区"
    assert wb["按状态汇总"]["A2"].value.startswith("筛选条件：状态：在建；区域：肇庆新区")
    by_status = sheet_rows(path, "按状态汇总", "openpyxl")
    assert next(r for r in by_status if r[0] == "合计")[1] == 32


def test_without_monthly_and_summaries(demo_ctx: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "lean.xlsx"
    result = ExportService(demo_ctx.database).export(path, ExportOptions(monthly=False, summaries=False))
    assert result.sheets == ("Overview", "Projects") and result.investment_records == 0
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Overview", "Projects"]
    assert "not included" in [c.value for c in wb["Overview"]["B"]]


def test_empty_database_exports_headers_and_zero_summaries(ctx: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    result = ExportService(ctx.database).export(path, ExportOptions())
    assert result.projects == 0
    rows = sheet_rows(path, "Projects", "openpyxl")
    # no figure columns, nor the credit code column: no project has a value there
    assert len(rows) == 1 and len(rows[0]) == len(EXPORT_PROJECT_FIELDS) - len(FIGURE_EXPORT_FIELDS) - 1
    total = next(r for r in sheet_rows(path, "By status", "openpyxl") if r[0] == "Total")
    assert total[1:] == [0, 0, "—", 0]  # a share of nothing is no figure, not 0 %


def test_dates_before_march_1900_are_iso_text(ctx: AppContext, tmp_path: Path) -> None:
    ctx.projects.create(
        Project(
            name="old",
            sector="s",
            district="d",
            signed_on=date(1900, 1, 1),
            construction_start_on=date(1900, 2, 28),
            production_on=date(1900, 3, 1),
        )
    )
    ctx.projects.set_investment(1, [(1900, 2, 5), (1900, 3, 7)])
    path = tmp_path / "old.xlsx"
    ExportService(ctx.database).export(path, ExportOptions())
    rows = sheet_rows(path, "Projects", "openpyxl")
    header = rows[0]
    signed, start, production = (rows[1][header.index(h)] for h in ("Signed", "Construction start", "Production"))
    assert (signed, start) == ("1900-01-01", "1900-02-28") and production.date() == date(1900, 3, 1)
    months = [r[3] for r in sheet_rows(path, "Monthly investment", "openpyxl")[1:]]
    assert months[0] == "1900-02" and months[1].date() == date(1900, 3, 1)


def test_past_the_row_limit_rows_continue_on_a_second_sheet(
    ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zqtracker.io import data_tables

    monkeypatch.setattr(data_tables, "MAX_ROWS", 4)  # 3 data rows per sheet
    for i in range(7):
        ctx.projects.create(Project(name=f"p{i}", code=f"{i:03d}", sector="s", district="d", planned_investment=i))
    path = tmp_path / "split.xlsx"
    result = ExportService(ctx.database).export(path, ExportOptions(summaries=False, monthly=False))
    assert result.sheets == ("Overview", "Projects", "Projects (2)", "Projects (3)")
    got = [r["code"] for name in result.sheets[1:] for r in records(path, name, "openpyxl")]
    assert got == [f"{i:03d}" for i in range(7)]
    wb = openpyxl.load_workbook(path)
    assert wb["Projects (2)"].auto_filter.ref == "A1:U4" and wb["Projects (3)"].auto_filter.ref == "A1:U2"
    assert sheet_name("projects") == "Projects"
