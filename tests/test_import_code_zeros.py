"""A district types its codes as numbers, and a spreadsheet program drops their leading zeros: last
month's "0012" comes back as 12. Each such row was added as a new project beside the stored one (a
note said so, exit 0): the district's projects listed twice, their investment counted twice. Now a
code equal to a stored one but for its leading zeros is that project when the names agree (the
stored code kept, a note lists the rows); under another name it is a question of its row, answered
with --link ROW=CODE or ROW=new. Both engines."""

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
NAMES = ["高要区新能源电池材料项目", "金利镇五金制品扩产项目", "蛟塘镇食品加工基地项目"]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def report(path: Path, month: int, rows: list[tuple[object, str, int]]) -> Path:
    head = ["序号", "项目编号", "项目名称", "所属区县", "计划总投资（万元）", f"1-{month}月累计完成投资（万元）"]
    body = [[i, code, name, "高要区", 50000, ytd] for i, (code, name, ytd) in enumerate(rows, start=1)]
    return write_workbook(path, SheetSpec("在建项目", [[f"高要区2026年1-{month}月重点项目"], head, *body]))


def stored(ctx: AppContext) -> dict[str, tuple[str | None, int]]:
    """name → (code, completed investment this year)."""
    return {p.name: (p.code, sum(r.amount for r in ctx.projects.investment(p.id))) for p in ctx.projects.all_projects()}


def test_codes_that_lost_their_zeros_find_their_projects(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    sep = report(tmp_path / "09.xlsx", 9, [(f"00{11 + i}", n, 100 * (i + 1)) for i, n in enumerate(NAMES)])
    assert service.import_file(sep, ImportOptions()).added == 3
    octo = report(tmp_path / "10.xlsx", 10, [(11 + i, n, 150 * (i + 1)) for i, n in enumerate(NAMES)])  # numbers
    result = service.import_file(octo, ImportOptions())
    assert result.ok and result.added == 0 and len(ctx.projects.all_projects()) == 3
    assert stored(ctx) == {n: (f"00{11 + i}", 150 * (i + 1) * WAN) for i, n in enumerate(NAMES)}
    said = " ".join(p.message("en") for p in result.notes)
    assert "3 code(s) written another way" in said and "3 → 0011" in said
    again = service.import_file(octo, ImportOptions())  # the same file again: nothing to do
    assert again.ok and (again.added, again.updated, len(again.notes) > 0) == (0, 0, True)


def test_zeros_a_list_keeps_where_ours_lost_them(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    sep = report(tmp_path / "09.xlsx", 9, [(11, NAMES[0], 100)])
    assert service.import_file(sep, ImportOptions()).added == 1
    octo = report(tmp_path / "10.xlsx", 10, [("0011", NAMES[0], 180)])
    result = service.import_file(octo, ImportOptions())
    assert result.ok and result.added == 0 and stored(ctx) == {NAMES[0]: ("11", 180 * WAN)}


def test_zeros_under_another_name_are_asked(ctx: AppContext, tmp_path: Path) -> None:
    def run(*argv: str) -> tuple[int, str]:
        out, err = io.StringIO(), io.StringIO()
        status = main(["--db", ctx.database.url, "--lang", "en", *argv], stdout=out, stderr=err)
        return status, out.getvalue() + err.getvalue()

    sep = report(tmp_path / "09.xlsx", 9, [("0011", NAMES[0], 100), ("0012", NAMES[1], 200)])
    assert run("import", str(sep))[0] == 0
    renamed = "回龙镇冷链物流中心项目"  # nothing like the stored name: asked
    octo = report(tmp_path / "10.xlsx", 10, [(11, renamed, 150), (12, NAMES[1], 260)])
    code, said = run("import", str(octo))
    assert code != 0 and "written another way" in said and "--link 3=0011" in said, said
    assert stored(ctx) == {NAMES[0]: ("0011", 100 * WAN), NAMES[1]: ("0012", 200 * WAN)}  # nothing written
    code, said = run("import", str(octo), "--link", "3=0011")
    assert code == 0, said
    assert stored(ctx) == {renamed: ("0011", 150 * WAN), NAMES[1]: ("0012", 260 * WAN)}


def test_another_project_under_a_zeros_code_is_kept_apart_when_said(ctx: AppContext, tmp_path: Path) -> None:
    def run(*argv: str) -> int:
        return main(["--db", ctx.database.url, "--lang", "zh", *argv], stdout=io.StringIO(), stderr=io.StringIO())

    assert run("import", str(report(tmp_path / "09.xlsx", 9, [("0011", NAMES[0], 100)]))) == 0
    other = report(tmp_path / "10.xlsx", 10, [("0011", NAMES[0], 150), (11, NAMES[2], 40)])
    assert run("import", str(other)) != 0
    assert run("import", str(other), "--link", "4=new") == 0
    assert stored(ctx) == {NAMES[0]: ("0011", 150 * WAN), NAMES[2]: ("11", 40 * WAN)}


def test_two_stored_spellings_of_one_number_are_no_match(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    sep = report(tmp_path / "09.xlsx", 9, [("011", NAMES[0], 100), ("0011", NAMES[1], 200)])
    assert service.import_file(sep, ImportOptions()).added == 2
    octo = report(tmp_path / "10.xlsx", 10, [(11, NAMES[0], 150)])
    result = service.import_file(octo, ImportOptions())
    # neither is "the" project of 11: the name decides, as for any code the database does not know
    assert not any("written another way" in p.message("en") for p in result.notes)
    assert len(ctx.projects.all_projects()) == 2 + result.added


def test_another_districts_own_numbering_is_asked_not_matched(ctx: AppContext, tmp_path: Path) -> None:
    """Two districts each number their list 001, 002…: 四会市's 001 is not 高要区's 001. It took the
    stored project over (renamed it, moved it to 四会市), exit 0; now each such row is a question, and
    the code column left out (--map B=none) imports the list by names."""

    def run(*argv: str) -> tuple[int, str]:
        out, err = io.StringIO(), io.StringIO()
        status = main(["--db", ctx.database.url, "--lang", "en", *argv], stdout=out, stderr=err)
        return status, out.getvalue() + err.getvalue()

    def plain(path: Path, district: str, rows: list[tuple[str, str]]) -> Path:
        head = ["序号", "项目编号", "项目名称", "所属区县", "计划总投资（万元）"]
        body = [[i, code, name, district, 30000] for i, (code, name) in enumerate(rows, start=1)]
        return write_workbook(path, SheetSpec("在建项目", [[f"{district}2026年重点项目"], head, *body]))

    gaoyao = plain(tmp_path / "gy.xlsx", "高要区", [("001", NAMES[0]), ("002", NAMES[1])])
    assert run("import", str(gaoyao))[0] == 0
    others = [("001", "四会市精细化工新材料项目"), ("002", "大旺高新区电子元器件项目")]
    sihui = plain(tmp_path / "sh.xlsx", "四会市", others)
    code, said = run("import", str(sihui))
    assert code != 0 and "nothing like it" in said and "--map B=none" in said and "--link 3=001" in said, said
    assert stored(ctx) == {NAMES[0]: ("001", 0), NAMES[1]: ("002", 0)}  # nothing taken over
    code, said = run("import", str(sihui), "--link", "3=new")
    assert code != 0 and "a new project cannot take it" in said, said
    code, said = run("import", str(sihui), "--map", "B=none")
    assert code == 0, said
    districts = {p.name: p.district for p in ctx.projects.all_projects()}
    assert districts == {NAMES[0]: "高要区", NAMES[1]: "高要区", "四会市精细化工新材料项目": "四会市",
                         "大旺高新区电子元器件项目": "四会市"}  # fmt: skip


def test_a_code_renaming_its_project_alike_is_still_matched(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    sep = report(tmp_path / "09.xlsx", 9, [("ZQ-0011", "鸿达新材料项目", 100), ("ZQ-0012", NAMES[1], 200)])
    assert service.import_file(sep, ImportOptions()).added == 2
    octo = report(tmp_path / "10.xlsx", 10, [("ZQ-0011", "肇庆鸿达新材料产业园项目", 150), ("ZQ-0012", NAMES[1], 260)])
    result = service.import_file(octo, ImportOptions())
    assert result.ok and (result.added, result.updated) == (0, 1)  # the renamed one; the other's month only
    assert stored(ctx)["肇庆鸿达新材料产业园项目"] == ("ZQ-0011", 150 * WAN)


def test_two_projects_of_one_name_and_district_are_told_apart_by_their_enterprises(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """标准厂房建设项目 of two enterprises in one district, no codes: two projects (it was refused, and no
    --link could answer it; see test_import_two_enterprises.py)."""
    head = ["序号", "项目编号", "项目名称", "建设单位", "计划总投资（万元）"]
    rows = [[1, None, "标准厂房建设项目", "肇庆市高要区金利投资开发有限公司", 20000],
            [2, None, "标准厂房建设项目", "广东粤达实业有限公司", 15000]]  # fmt: skip
    path = write_workbook(tmp_path / "a.xlsx", SheetSpec("在建项目", [["高要区2026年重点项目"], head, *rows]))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 2 and len(ctx.projects.all_projects()) == 2


def test_a_code_spelt_another_way_finds_its_project(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """ZQ-001 written ZQ001 or zq-001 next month: the same project (it was added again, the district's
    figures counted twice); the stored spelling stays."""
    sep = report(tmp_path / "09.xlsx", 9, [("ZQ-001", NAMES[0], 100), ("ZQ-002", NAMES[1], 200)])
    assert service.import_file(sep, ImportOptions()).added == 2
    octo = report(tmp_path / "10.xlsx", 10, [("ZQ001", NAMES[0], 150), ("zq-002", NAMES[1], 260)])
    result = service.import_file(octo, ImportOptions())
    assert result.ok and result.added == 0, result.problems
    assert stored(ctx) == {NAMES[0]: ("ZQ-001", 150 * WAN), NAMES[1]: ("ZQ-002", 260 * WAN)}


def test_a_code_and_name_in_another_district_are_asked(ctx: AppContext, tmp_path: Path) -> None:
    """四会市 numbers its list as 高要区 does, and one name is the same (one enterprise, two projects):
    高要区's project was moved to 四会市 and took its planned investment, exit 0. Now asked; said moved
    (--link), it moves."""

    def run(*argv: str) -> tuple[int, str]:
        out, err = io.StringIO(), io.StringIO()
        status = main(["--db", ctx.database.url, "--lang", "en", *argv], stdout=out, stderr=err)
        return status, out.getvalue() + err.getvalue()

    def plain(path: Path, district: str, planned: int) -> Path:
        head = ["序号", "项目编号", "项目名称", "所属区县", "计划总投资（万元）"]
        rows = [[1, "002", NAMES[1], district, planned]]
        return write_workbook(path, SheetSpec("在建项目", [[f"{district}2026年重点项目"], head, *rows]))

    assert run("import", str(plain(tmp_path / "gy.xlsx", "高要区", 120000)))[0] == 0
    sihui = plain(tmp_path / "sh.xlsx", "四会市", 80000)
    code, said = run("import", str(sihui))
    assert code != 0 and "puts it in another district" in said and "--map B=none" in said, said
    [project] = ctx.projects.all_projects()
    assert (project.district, project.planned_investment) == ("高要区", 120000 * WAN)
    assert run("import", str(sihui), "--link", "3=002")[0] == 0
    [project] = ctx.projects.all_projects()
    assert (project.district, project.planned_investment) == ("四会市", 80000 * WAN)


def test_a_row_without_a_district_and_another_enterprise_is_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """A list naming no district anywhere: its 恒通光伏组件扩产项目 of another enterprise took over the one
    stored project of that name (its enterprise and planned investment), exit 0. Now asked; the same
    enterprise (written without 有限公司) still matches."""

    def book(path: Path, enterprise: str, planned: int) -> Path:
        head = ["序号", "项目名称", "建设单位", "计划总投资（万元）"]
        return write_workbook(path, SheetSpec("Sheet1", [["重点项目清单"], head, [1, NAMES[1], enterprise, planned]]))

    assert service.import_file(book(tmp_path / "0.xlsx", "广东恒通光伏科技有限公司", 50000), ImportOptions()).added == 1
    other = service.import_file(book(tmp_path / "a.xlsx", "四会恒通新能源有限公司", 80000), ImportOptions())
    [problem] = other.problems
    assert problem.problem.code == "name_other_enterprise" and "--link 3=new" in problem.reason("en")
    assert not other.written and ctx.projects.all_projects()[0].planned_investment == 50000 * WAN
    same = service.import_file(book(tmp_path / "b.xlsx", "广东恒通光伏科技", 60000), ImportOptions())
    assert same.ok and (same.added, same.updated) == (0, 1)


def test_one_enterprise_written_two_ways_is_a_duplicate_row(service: ImportService, tmp_path: Path) -> None:
    """The same 标准厂房建设项目 twice, its enterprise once with 有限公司 and once without: one enterprise, so the
    second row repeats the first (it was said to be two enterprises' projects)."""
    head = ["序号", "项目名称", "建设单位", "计划总投资（万元）"]
    rows = [[1, "标准厂房建设项目", "广东粤达实业有限公司", 15000], [2, "标准厂房建设项目", "广东粤达实业", 15000]]
    path = write_workbook(tmp_path / "a.xlsx", SheetSpec("在建项目", [["高要区2026年重点项目"], head, *rows]))
    [problem] = service.import_file(path, ImportOptions()).problems
    assert problem.problem.code == "duplicate_in_file"
