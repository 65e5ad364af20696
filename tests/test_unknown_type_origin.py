"""A project's type (新建/扩建/增资/技改) and investor origin (内资/港澳台/外资) are stored as not given when
nobody gave them — never invented as 新建 / 内资 — on both engines: the import (no column, a blank
cell, a re-import), an edit of another field, the bulk paths, the statistics by origin and type (a
"not given" line, so the lines add up to every project), the export and ``list --json``."""

from __future__ import annotations

import dataclasses
import io
import json
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from import_files import SheetSpec, write_workbook
from sqlalchemy import text

from zqtracker.cli.main import main
from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.models import InvestorOrigin, Project, ProjectType
from zqtracker.domain.money import Unit
from zqtracker.domain.status import Status
from zqtracker.reports.build import build_report
from zqtracker.reports.model import View
from zqtracker.reports.options import ReportOptions
from zqtracker.services.context import AppContext
from zqtracker.services.exporting import ExportOptions, ExportService
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.stats.figures import Breakdown

HEAD = ["项目编号", "项目名称", "所在区域", "计划总投资（万元）", "用地面积（亩）", "服务专员"]
KINDS = ["项目类型", "投资来源"]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def _import(service: ImportService, path: Path) -> tuple[int, int]:
    result = service.import_file(path, ImportOptions())
    assert result.ok, [p.reason() for p in result.problems]
    return result.added, result.updated


def _stored(ctx: AppContext) -> dict[str, tuple]:
    """Code → (type, origin) as the table holds them (NULL: None)."""
    with ctx.database.engine.connect() as conn:
        rows = conn.execute(text("SELECT code, project_type, investor_origin FROM projects")).all()
    return {code: (ptype, origin) for code, ptype, origin in rows}


def _by_code(ctx: AppContext) -> dict[str, Project]:
    return {p.code: p for p in ctx.projects.all_projects()}  # type: ignore[misc]


# -- the import ---------------------------------------------------------------------------------------
def test_a_list_without_the_columns_imports_both_as_not_given(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    rows = [HEAD, ["GY-1", "储能电池项目", "高要区", 5000, 120, "王五"], ["GY-2", "在谈线索", None, None, None, None]]
    assert _import(service, write_workbook(tmp_path / "a.xlsx", SheetSpec("S", rows))) == (2, 0)
    assert _stored(ctx) == {"GY-1": (None, None), "GY-2": (None, None)}  # NULL, not 'new' / 'domestic'
    p = _by_code(ctx)["GY-1"]
    assert p.project_type is None and p.investor_origin is None
    assert [(r.project_type, r.investor_origin) for r in ctx.projects.list_rows()] == [(None, None)] * 2


def test_a_blank_cell_is_not_given_beside_the_given_ones(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    rows = [[*HEAD, *KINDS],
            ["GY-1", "储能电池项目", "高要区", 5000, 120, "王五", "扩建", "外资"],
            ["GY-2", "汽车零部件", "高要区", 3000, None, None, None, None],
            ["GY-3", "光伏组件", "高要区", 800, None, None, "新建", "港澳台"]]  # fmt: skip
    assert _import(service, write_workbook(tmp_path / "b.xlsx", SheetSpec("S", rows))) == (3, 0)
    assert _stored(ctx) == {
        "GY-1": ("expansion", "foreign"),
        "GY-2": (None, None),
        "GY-3": ("new", "hk_macao_taiwan"),
    }


def test_a_reimport_without_them_keeps_the_stored_values_as_it_keeps_officer_and_land(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    first = [[*HEAD, *KINDS], ["GY-1", "储能电池项目", "高要区", 5000, 120, "王五", "扩建", "外资"]]
    _import(service, write_workbook(tmp_path / "first.xlsx", SheetSpec("S", first)))
    # no such columns at all, the amount changed: an update that touches nothing else
    absent = [HEAD[:4], ["GY-1", "储能电池项目", "高要区", 6000]]
    assert _import(service, write_workbook(tmp_path / "absent.xlsx", SheetSpec("S", absent))) == (0, 1)
    # the columns there, their cells blank: the same
    blank = [[*HEAD, *KINDS], ["GY-1", "储能电池项目", "高要区", 7000, None, None, None, None]]
    assert _import(service, write_workbook(tmp_path / "blank.xlsx", SheetSpec("S", blank))) == (0, 1)
    p = _by_code(ctx)["GY-1"]
    assert p.planned_investment == 70_000_000
    assert (p.officer, p.land_area_mu) == ("王五", 120)  # what the import does with other optional fields
    assert (p.project_type, p.investor_origin) == (ProjectType.EXPANSION, InvestorOrigin.FOREIGN)
    # a given value still changes a stored one, also where nothing was stored
    given = [["项目编号", "项目名称", *KINDS], ["GY-1", "储能电池项目", "增资", "内资"]]
    assert _import(service, write_workbook(tmp_path / "given.xlsx", SheetSpec("S", given))) == (0, 1)
    assert _stored(ctx)["GY-1"] == ("reinvestment", "domestic")


def test_a_stored_not_given_gains_a_value_from_a_later_list(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    _import(service, write_workbook(tmp_path / "a.xlsx", SheetSpec("S", [HEAD[:3], ["GY-1", "线索", "高要区"]])))
    later = [["项目编号", "项目名称", *KINDS], ["GY-1", "线索", "技改", "外资"]]
    assert _import(service, write_workbook(tmp_path / "b.xlsx", SheetSpec("S", later))) == (0, 1)
    assert _stored(ctx)["GY-1"] == ("upgrade", "foreign")


# -- editing and the bulk paths ------------------------------------------------------------------------
def test_an_edit_of_another_field_keeps_not_given(ctx: AppContext) -> None:
    p = ctx.projects.create(Project("在谈线索", district="高要区", status=Status.LEAD, code="L-1"))
    assert _stored(ctx)["L-1"] == (None, None)
    edited = ctx.projects.update(dataclasses.replace(ctx.projects.get(p.id), planned_investment=5))  # type: ignore[arg-type]
    assert (edited.project_type, edited.investor_origin) == (None, None)
    ctx.projects.change_status([p.id], Status.SIGNED, date(2023, 5, 6))  # type: ignore[list-item]
    assert _stored(ctx)["L-1"] == (None, None)
    given = ctx.projects.update(dataclasses.replace(ctx.projects.get(p.id), investor_origin=InvestorOrigin.FOREIGN))  # type: ignore[arg-type]
    assert _stored(ctx)["L-1"] == (None, "foreign")
    cleared = ctx.projects.update(dataclasses.replace(given, investor_origin=None))  # a user may take it back
    assert cleared.investor_origin is None and _stored(ctx)["L-1"] == (None, None)


def test_a_deleted_project_comes_back_with_nothing_invented(ctx: AppContext) -> None:
    """Undoing a delete writes the snapshot back through the bulk path."""
    kept = ctx.projects.create(Project("外资项目", code="F-1", investor_origin=InvestorOrigin.FOREIGN))
    bare = ctx.projects.create(Project("线索", code="L-1"))
    snapshots = ctx.projects.delete([kept.id, bare.id])  # type: ignore[list-item]
    ctx.projects.restore(snapshots)
    assert _stored(ctx) == {"F-1": (None, "foreign"), "L-1": (None, None)}


def test_the_demo_gives_them_except_for_its_negotiating_leads(demo_ctx: AppContext) -> None:
    from zqtracker.services.demo_tables import LEADS

    rows = demo_ctx.projects.list_rows()
    leads = {lead[0] for lead in LEADS}  # a 在谈项目库 says neither
    assert {r.name for r in rows if r.investor_origin is None} == leads
    assert {r.name for r in rows if r.project_type is None} == leads
    assert len(rows) > 10 * len(leads)


# -- statistics ----------------------------------------------------------------------------------------
@pytest.fixture
def mixed(ctx: AppContext) -> AppContext:
    """Five projects, figures by hand (亿 = 1e8 yuan):

    A 外资 新建 10亿 高要区 · B 外资 扩建 (no amount) 高要区 · C 内资 (no type) 3亿 四会市 ·
    D (neither) 2亿 高要区 · E (no origin) 技改 (no amount) 四会市

    By origin: 内资 1 (3亿), 港澳台 0, 外资 2 (10亿, 1 without an amount), not given 2 (2亿, 1 without).
    By type: 新建 1 (10亿), 扩建 1 (—), 增资 0, 技改 1 (—), not given 2 (C, D: 5亿).
    Shares of 5 projects: 20.0% / 0.0% / 40.0% / 40.0%. Only 高要区 (A, B, D): 外资 2, not given 1.
    """
    P, F, D = ctx.projects, InvestorOrigin.FOREIGN, InvestorOrigin.DOMESTIC
    P.create(Project("A", None, "高要区", planned_investment=1_000_000_000, investor_origin=F,
                     project_type=ProjectType.NEW))  # fmt: skip
    P.create(Project("B", None, "高要区", investor_origin=F, project_type=ProjectType.EXPANSION))
    P.create(Project("C", None, "四会市", planned_investment=300_000_000, investor_origin=D))
    P.create(Project("D", None, "高要区", planned_investment=200_000_000))
    P.create(Project("E", None, "四会市", project_type=ProjectType.UPGRADE))
    return ctx


def test_summary_by_origin_and_type_has_a_not_given_line_and_adds_up(mixed: AppContext) -> None:
    s = mixed.statistics.summary(2023, 12)
    assert s.by_investor_origin == {
        InvestorOrigin.DOMESTIC: Breakdown(1, 300_000_000, 0),
        InvestorOrigin.HK_MACAO_TAIWAN: Breakdown(0, 0, 0),
        InvestorOrigin.FOREIGN: Breakdown(2, 1_000_000_000, 1),
        None: Breakdown(2, 200_000_000, 1),
    }
    assert s.by_project_type == {
        ProjectType.NEW: Breakdown(1, 1_000_000_000, 0),
        ProjectType.EXPANSION: Breakdown(1, 0, 1),
        ProjectType.REINVESTMENT: Breakdown(0, 0, 0),
        ProjectType.UPGRADE: Breakdown(1, 0, 1),
        None: Breakdown(2, 500_000_000, 0),
    }
    for kinds in (s.by_investor_origin, s.by_project_type):  # every project in exactly one line
        assert sum(b.projects for b in kinds.values()) == s.projects == 5
        assert sum(b.planned_investment for b in kinds.values()) == s.planned_investment == 1_500_000_000
        assert sum(b.without_amount for b in kinds.values()) == s.projects_without_amount == 2
    data = s.to_json()["by_investor_origin"]
    assert data["foreign"] == {"projects": 2, "planned_investment_yuan": 1_000_000_000, "projects_without_amount": 1}
    assert data["not_given"]["projects"] == 2 and list(data) == ["domestic", "hk_macao_taiwan", "foreign", "not_given"]
    only = mixed.statistics.summary(2023, 12, ProjectFilter(districts=frozenset({"高要区"})))
    assert {k: b.projects for k, b in only.by_investor_origin.items()} == {
        InvestorOrigin.DOMESTIC: 0,
        InvestorOrigin.HK_MACAO_TAIWAN: 0,
        InvestorOrigin.FOREIGN: 2,
        None: 1,
    }


def test_the_printed_overview_and_the_cli_show_the_not_given_line(qapp, mixed: AppContext) -> None:
    options = ReportOptions(view=View.OVERVIEW, lang="en", unit=Unit.YUAN, year=2023, through=12,
                            generated_at=datetime(2024, 1, 5, 9, 30))  # fmt: skip
    origin = build_report(mixed, options).table("By investor origin")
    assert [row.cells for row in origin.rows] == [
        ("Domestic", "1", "20.0%", "300,000,000"),
        ("HK/Macao/Taiwan", "0", "0.0%", "0"),
        ("Foreign", "2", "40.0%", "1,000,000,000"),
        ("Not given", "2", "40.0%", "200,000,000"),
        ("Total", "5", "100.0%", "1,500,000,000"),
    ]
    assert origin.note.startswith("Not given: projects whose list or record does not say")
    zh = build_report(mixed, dataclasses.replace(options, lang="zh"))
    assert zh.table("按项目类型").row("not_given") == {"项目类型": "未填", "项目数": "2", "项目占比": "40.0%",
                                                    "计划总投资": "500,000,000"}  # fmt: skip
    assert zh.table("按投资来源").row("foreign")["项目占比"] == "40.0%"

    out = io.StringIO()
    assert main(["--db", mixed.database.url, "--lang", "zh", "summary"], stdout=out, stderr=io.StringIO()) == 0
    text_out = out.getvalue()
    part = text_out[text_out.index("按投资来源") : text_out.index("按项目类型")]
    assert [line.split() for line in part.splitlines()[1:] if line.strip()] == [
        ["内资", "1", "20.0%"],
        ["港澳台", "0", "0.0%"],
        ["外资", "2", "40.0%"],
        ["未填", "2", "40.0%"],
    ]


def test_the_dashboard_summary_is_the_same(mixed: AppContext) -> None:
    from zqtracker.services.dashboard import DashboardService

    f = DashboardService(mixed.statistics, parallel=False).load(2023, 12)
    assert f.summary == mixed.statistics.summary(2023, 12)
    assert f.summary.by_investor_origin[None] == Breakdown(2, 200_000_000, 1)


# -- what leaves the database -----------------------------------------------------------------------------
def test_the_export_leaves_the_cells_blank(mixed: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    ExportService(mixed.database).export(path, ExportOptions(lang="zh", summaries=False))
    ws = openpyxl.load_workbook(path)["项目清单"]
    header = [c.value for c in ws[1]]
    rows = {r[header.index("项目名称")]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    kinds = {name: (r[header.index("项目类型")], r[header.index("投资来源")]) for name, r in rows.items()}
    assert kinds == {"A": ("新建", "外资"), "B": ("扩建", "外资"), "C": (None, "内资"), "D": (None, None),
                     "E": ("技改", None)}  # fmt: skip


def test_list_json_says_null(mixed: AppContext) -> None:
    out = io.StringIO()
    assert main(["--db", mixed.database.url, "list", "--json"], stdout=out, stderr=io.StringIO()) == 0
    projects = {p["name"]: p for p in json.loads(out.getvalue())["projects"]}
    assert (projects["D"]["project_type"], projects["D"]["investor_origin"]) == (None, None)
    assert (projects["A"]["project_type"], projects["A"]["investor_origin"]) == ("new", "foreign")
    out = io.StringIO()
    d_id = projects["D"]["id"]
    assert main(["--db", mixed.database.url, "show", str(d_id), "--json"], stdout=out, stderr=io.StringIO()) == 0
    shown = json.loads(out.getvalue())
    assert (shown["project_type"], shown["investor_origin"]) == (None, None)
