"""A district's monthly report renames a project it reported last month — brackets added (鸿达新材料
（一期）项目), a city before it (肇庆金利…), a typo put right (陶磁 → 陶瓷), a phase added — and its
year to date was stored again as a new project's: the district's total counted twice, exit 0. Now
brackets are no difference at all; a near name with figures is a question of its row, answered with
--link ROW=CODE / =#ID (a project without a code) / =new, or in the preview. Both engines."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.cli.main import main
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000
HEAD = ["序号", "项目名称", "计划总投资（万元）"]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def report(path: Path, month: int, *rows: tuple[str, int, int]) -> Path:
    head = [*HEAD, f"1-{month}月累计完成投资（万元）"]
    body = [[i, name, planned, ytd] for i, (name, planned, ytd) in enumerate(rows, start=1)]
    return write_workbook(path, SheetSpec("Sheet1", [[f"端州区2026年1-{month}月重点项目"], head, *body]))


def august(service: ImportService, tmp_path: Path) -> None:
    path = report(tmp_path / "08.xlsx", 8, ("鸿达新材料一期项目", 30000, 2000), ("德信陶磁扩建项目", 30000, 1500),
                  ("金利五金制品扩产项目", 8000, 900))  # fmt: skip
    assert service.import_file(path, ImportOptions()).added == 3


def ytd(ctx: AppContext) -> dict[str, int]:
    out = {}
    for p in ctx.projects.all_projects():
        out[p.name] = sum(r.amount for r in ctx.projects.investment(p.id))
    return out


def test_brackets_make_no_new_project(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    august(service, tmp_path)
    path = report(tmp_path / "09.xlsx", 9, ("鸿达新材料（一期）项目", 30000, 2500))
    result = service.import_file(path, ImportOptions())
    assert result.ok and (result.added, result.updated) == (0, 1)
    assert ytd(ctx)["鸿达新材料（一期）项目"] == 2500 * WAN and len(ctx.projects.all_projects()) == 3


@pytest.mark.parametrize(("renamed", "stored"), [("德信陶瓷扩建项目", "德信陶磁扩建项目"),
                                                 ("肇庆金利五金制品扩产项目", "金利五金制品扩产项目")])  # fmt: skip
def test_a_near_name_with_figures_is_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path, renamed: str, stored: str
) -> None:
    august(service, tmp_path)
    path = report(tmp_path / "09.xlsx", 9, (renamed, 30000, 2000))
    result = service.import_file(path, ImportOptions())
    assert not result.ok and not result.written and len(ctx.projects.all_projects()) == 3
    [problem] = result.problems
    pid = next(p.id for p in ctx.projects.all_projects() if p.name == stored)
    assert problem.problem.code == "near_name" and f"#{pid} “{stored}”" in problem.reason("en")
    assert "--link 3=new" in problem.reason("en") and "--link 3=new" in problem.reason("zh")
    linked = service.import_file(path, ImportOptions(links={("Sheet1", 3): pid}))
    assert linked.ok and (linked.added, linked.updated) == (0, 1) and len(ctx.projects.all_projects()) == 3
    assert ytd(ctx)[renamed] == 2000 * WAN


def test_the_command_line_links_by_id_or_keeps_apart(db_path: Path, tmp_path: Path) -> None:
    def run(*argv: str) -> tuple[int, str]:
        out, err = io.StringIO(), io.StringIO()
        status = main(["--db", str(db_path), "--lang", "en", *argv], stdout=out, stderr=err)
        return status, out.getvalue() + err.getvalue()

    first = report(tmp_path / "08.xlsx", 8, ("德信陶磁扩建项目", 30000, 1500), ("星湖光学镜头项目", 16000, 1600))
    assert run("import", str(first))[0] == 0
    later = report(tmp_path / "09.xlsx", 9, ("德信陶瓷扩建项目", 30000, 2000), ("星湖光学镜头（二期）项目", 9000, 100))
    status, said = run("import", str(later))
    assert status == 1 and "--link 3=new" in said and "--link 4=new" in said and "#1 “德信陶磁扩建项目”" in said
    status, said = run("import", str(later), "--link", "3=#1", "--link", "4=new")
    assert status == 0 and "1 added, 1 updated" in said, said
    status, listed = run("list")
    assert "德信陶瓷扩建项目" in listed and "德信陶磁" not in listed and "星湖光学镜头（二期）项目" in listed
    status, said = run("import", str(later), "--link", "3=#99")
    assert status == 2 and "#99" in said
