"""Two projects of one name in one district, of two enterprises — 高要区's two 标准厂房建设项目, one of
肇庆甲公司有限公司 and one of 肇庆乙公司有限公司 — in a list without codes. Such a file was refused (a
second row "repeating" the first, answered by no --link), and once the pair was stored, a month's list
without codes asked which project each row was although the enterprise column said so. Now, when a
file has an enterprise column, the enterprise is part of a row's identity where names and districts
coincide (compared as the matcher compares enterprises: 有限公司 and the like ignored). Both engines,
through the import service and the CLI."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.cli.main import main
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.import_matching import company_key
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.services.statistics import StatisticsService

WAN = 10_000
NAME = "标准厂房建设项目"
JIA, YI, BING = "肇庆甲公司有限公司", "肇庆乙公司有限公司", "肇庆丙公司有限公司"
A, B = company_key(JIA), company_key(YI)
OTHER = "高要区新能源电池材料项目"


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def district_list(path: Path, month: int, rows: list[tuple], *, codes: bool = False, enterprise: bool = True) -> Path:
    """高要区's list for 1–``month``月 of 2026: (code, name, enterprise, planned 万元, 当月 万元, 1–X月 万元)."""
    head = ["序号", *(["项目编号"] if codes else []), "项目名称", *(["建设单位"] if enterprise else []),
            "所属区县", "计划总投资（万元）", "当月完成投资（万元）", f"1-{month}月累计完成投资（万元）"]  # fmt: skip
    body = [
        [i, *([code] if codes else []), name, *([company] if enterprise else []), "高要区", *figures]
        for i, (code, name, company, *figures) in enumerate(rows, start=1)
    ]
    return write_workbook(path, SheetSpec("在建项目", [[f"高要区2026年1-{month}月重点项目"], head, *body]))


def projects(ctx: AppContext) -> dict[str | None, tuple[str, int | None, list[tuple[int, int, int]]]]:
    """enterprise (without 有限公司) → (name, planned yuan, [(first month, month, yuan)] of 2026)."""
    out = {}
    for p in ctx.projects.all_projects():
        records = sorted((r.first_month or r.month, r.month, r.amount) for r in ctx.projects.investment(p.id))
        out[company_key(p.enterprise or "")] = (p.name, p.planned_investment, records)
    return out


SEPTEMBER = [(None, NAME, JIA, 20000, 300, 2000), (None, OTHER, "肇庆丙公司有限公司", 50000, 100, 900),
             (None, NAME, YI, 15000, 200, 1200)]  # fmt: skip


def test_two_enterprises_projects_of_one_name_are_two_projects(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    sep = district_list(tmp_path / "09.xlsx", 9, SEPTEMBER)
    first = service.import_file(sep, ImportOptions())
    assert first.ok and first.added == 3, [p.reason() for p in first.problems]
    stored = projects(ctx)
    assert stored[A] == (NAME, 20000 * WAN, [(1, 8, 1700 * WAN), (9, 9, 300 * WAN)])
    assert stored[B] == (NAME, 15000 * WAN, [(1, 8, 1000 * WAN), (9, 9, 200 * WAN)])
    summary = StatisticsService(ctx.database).summary(2026, 9)
    assert summary.completed.total.ytd == (2000 + 900 + 1200) * WAN
    again = service.import_file(sep, ImportOptions())  # the same file again: nothing to do, no question
    assert again.ok and (again.added, again.updated, again.unchanged, again.investment_records) == (0, 0, 3, 0)
    assert projects(ctx) == stored
    # October, re-ordered, 乙's enterprise written without 有限公司: each amount on its own enterprise's project
    octo = district_list(tmp_path / "10.xlsx", 10, [(None, NAME, "肇庆乙公司", 15000, 250, 1450),
                                                    (None, OTHER, BING, 50000, 100, 1000),
                                                    (None, NAME, JIA, 20000, 500, 2500)])  # fmt: skip
    result = service.import_file(octo, ImportOptions())
    assert result.ok and (result.added, result.investment_records) == (0, 3), [p.reason() for p in result.problems]
    assert projects(ctx)[A][2][-1] == (10, 10, 500 * WAN) and projects(ctx)[B][2][-1] == (10, 10, 250 * WAN)
    assert StatisticsService(ctx.database).summary(2026, 10).completed.total.ytd == (2500 + 1000 + 1450) * WAN


def test_a_stored_pair_is_told_apart_by_the_enterprise_through_the_cli(ctx: AppContext, tmp_path: Path) -> None:
    """With codes in September, October's list without codes asked "several projects are called …" for
    each, and answering with --link still refused ("already appears in row 4"). Now matched, exit 0. A
    third enterprise's project listed beside them is new; one listed alone is asked, --link answers it."""

    def run(*argv: str) -> tuple[int, dict]:
        out, err = io.StringIO(), io.StringIO()
        status = main(["--db", ctx.database.url, "--lang", "en", "import", "--json", *argv], stdout=out, stderr=err)
        return status, json.loads(out.getvalue()) if out.getvalue() else {"error": err.getvalue()}

    coded = [("GY-01", NAME, JIA, 20000, 300, 2000), ("GY-02", NAME, YI, 15000, 200, 1200)]
    status, said = run(str(district_list(tmp_path / "09.xlsx", 9, coded, codes=True)))
    assert status == 0 and said["added"] == 2, said
    octo = [(None, NAME, YI, 15000, 250, 1450), (None, NAME, JIA, 20000, 500, 2500)]
    status, said = run(str(district_list(tmp_path / "10.xlsx", 10, octo)))
    assert status == 0 and (said["added"], said["investment_records"]) == (0, 2), said
    by_code = {p.code: p for p in ctx.projects.all_projects()}
    assert ctx.projects.investment(by_code["GY-01"].id)[-1].amount == 500 * WAN
    assert ctx.projects.investment(by_code["GY-02"].id)[-1].amount == 250 * WAN
    # November lists a third enterprise's project of the name beside the pair: new, nothing asked
    nov = [(None, NAME, JIA, 20000, 0, 2500), (None, NAME, YI, 15000, 0, 1450), (None, NAME, BING, 8000, 100, 100)]
    status, said = run(str(district_list(tmp_path / "11.xlsx", 11, nov)))
    assert status == 0 and said["added"] == 1, said
    # a fourth's alone: any of the three, or another project? asked; --link answers
    fourth = district_list(tmp_path / "12.xlsx", 12, [(None, NAME, "肇庆丁公司", 5000, 10, 10)])
    status, said = run(str(fourth))
    assert status != 0 and "several projects are called" in json.dumps(said), said
    status, said = run(str(fourth), "--link", "3=new")
    assert status == 0 and said["added"] == 1 and len(ctx.projects.all_projects()) == 4, said


def test_one_name_district_and_enterprise_twice_is_still_a_repeated_row(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    rows = [(None, NAME, JIA, 20000, 300, 2000), (None, NAME, YI, 15000, 200, 1200),
            (None, NAME, "肇庆甲公司", 20000, 300, 2000)]  # fmt: skip
    result = service.import_file(district_list(tmp_path / "a.xlsx", 9, rows), ImportOptions())
    [problem] = result.problems
    assert problem.problem.code == "duplicate_in_file" and problem.row == 5 and "row 3" in problem.reason("en")
    assert not result.written and ctx.projects.all_projects() == []


def test_without_an_enterprise_column_one_name_in_one_district_is_one_project(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    rows = [(None, NAME, None, 20000, 300, 2000), (None, NAME, None, 15000, 200, 1200)]
    result = service.import_file(district_list(tmp_path / "a.xlsx", 9, rows, enterprise=False), ImportOptions())
    assert [p.problem.code for p in result.problems] == ["rows_differ"] * 2 and not result.written  # other figures


def test_a_second_enterprise_s_project_added_beside_a_stored_one(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """甲's project stored; a later list gives 甲's and 乙's: 乙's is new (not 甲's taken over), 甲's matched.
    A list giving 乙's alone is asked: 甲's project under a new enterprise, or another (test_probe25_identity)."""
    assert service.import_file(district_list(tmp_path / "09.xlsx", 9, SEPTEMBER[:1]), ImportOptions()).added == 1
    octo = district_list(tmp_path / "10.xlsx", 10, [(None, NAME, YI, 15000, 150, 150),
                                                    (None, NAME, JIA, 20000, 500, 2500)])  # fmt: skip
    result = service.import_file(octo, ImportOptions())
    assert result.ok and result.added == 1, [p.reason() for p in result.problems]
    stored = projects(ctx)
    assert stored[A][2][-1] == (10, 10, 500 * WAN) and stored[B] == (
        NAME,
        15000 * WAN,
        [(1, 9, 0), (10, 10, 150 * WAN)],
    )
    again = service.import_file(octo, ImportOptions())
    assert again.ok and (again.added, again.updated, again.investment_records) == (0, 0, 0)


def test_views_follow_the_enterprise(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """A list shown twice (by level, then by sector with the month's figures), one workbook: each row of
    the second sheet is a view of its own enterprise's row, and its figures land on that project."""
    head = ["序号", "项目名称", "建设单位", "所属区县", "计划总投资（万元）"]
    level = [[1, NAME, JIA, "高要区", 20000], [2, NAME, YI, "高要区", 15000]]
    figures = ["序号", "项目名称", "建设单位", "所属区县", "当月完成投资（万元）", "1-9月累计完成投资（万元）"]
    sector = [[1, NAME, YI, "高要区", 200, 1200], [2, NAME, JIA, "高要区", 300, 2000]]
    path = write_workbook(
        tmp_path / "book.xlsx",
        SheetSpec("分级管理", [["高要区2026年重点项目"], head, *level]),
        SheetSpec("分行业", [["高要区2026年1-9月重点项目"], figures, *sector]),
    )
    result = service.import_file(path, ImportOptions(sheets=["分级管理", "分行业"]))
    assert result.ok and result.added == 2, [p.reason() for p in result.problems]
    stored = projects(ctx)
    assert stored[A] == (NAME, 20000 * WAN, [(1, 8, 1700 * WAN), (9, 9, 300 * WAN)])
    assert stored[B] == (NAME, 15000 * WAN, [(1, 8, 1000 * WAN), (9, 9, 200 * WAN)])


def test_a_monthly_sheet_without_enterprises_cannot_tell_the_pair_apart(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """The pair added by a workbook whose monthly sheet names projects without their enterprises: asked
    (the last of the two took every month's amount)."""
    head = ["序号", "项目名称", "建设单位", "所属区县", "计划总投资（万元）"]
    level = [[1, NAME, JIA, "高要区", 20000], [2, NAME, YI, "高要区", 15000]]
    monthly = [["项目名称", "所属区县", "月份", "完成投资（万元）"], [NAME, "高要区", "2026-09", 200]]
    path = write_workbook(
        tmp_path / "book.xlsx",
        SheetSpec("项目", [["高要区2026年重点项目"], head, *level]),
        SheetSpec("月度完成投资", monthly),
    )
    result = service.import_file(path, ImportOptions(sheets=["项目", "月度完成投资"]))
    assert [p.problem.code for p in result.problems] == ["ambiguous_project"] and not result.written
