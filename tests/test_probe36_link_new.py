"""A row said to be new (--link ROW=new, "new project (keep apart)" in the preview) that is a stored
project all the same (probe36a F1). 高新区's November list had 储能系统集成项目（二期）, a near name of the
stored 储能系统集成项目: asked, answered new, added. The same command run again — the row now the very
name, district and enterprise of the project it added — added a second one (exit 0), and a note said
the stored 储能系统集成项目（二期） "is not in this file". A code linked new while stored was refused
already (test_probe28_status_towns.py); a name is now too, naming the project and the way to update it.
Real .xlsx files written by openpyxl, both engines, the service and the command line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.cli.main import main
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

HEAD = ["序号", "项目名称", "投资方", "合同投资额", "签约时间"]
TITLE = "肇庆高新区2026年招商引资签约项目情况表"
NINGBO = "宁波储能科技有限公司"
PHASE_ONE = [1, "储能系统集成项目", NINGBO, 30000, "2026.8"]
PHASE_TWO = [2, "储能系统集成项目（二期）", NINGBO, 20000, "2026.8"]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def signed(tmp_path: Path, name: str, *rows: list, head: list[str] = HEAD) -> Path:
    """A 签约项目 list: title, unit line, header (row 3), rows from row 4."""
    sheet = SheetSpec("签约项目", [[TITLE], ["单位：万元"], head, *rows])
    return write_workbook(tmp_path / f"{name}.xlsx", sheet)


def asked(result: ImportResult) -> list[tuple[int, str]]:
    return [(p.row, p.problem.code) for p in result.problems]


def names(ctx: AppContext) -> list[str]:
    return sorted(p.name for p in ctx.projects.all_projects())


def test_the_answer_new_run_again_is_refused_naming_the_project_it_added(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    assert service.import_file(signed(tmp_path, "oct", PHASE_ONE), ImportOptions()).ok
    november = signed(tmp_path, "nov", PHASE_TWO)
    assert asked(service.import_file(november, ImportOptions())) == [(4, "near_name")]
    said_new = ImportOptions(links={("", 4): 0})
    assert service.import_file(november, said_new).added == 1
    # the same answer again: the row is now the stored 二期 exactly — never a second one
    result = service.import_file(november, ImportOptions(links={("", 4): 0}))
    assert asked(result) == [(4, "new_name_taken")] and not result.written
    (problem,) = result.problems
    en, zh = problem.reason("en"), problem.reason("zh")
    assert "row 4 is stored project #2 “储能系统集成项目（二期）”" in en and "drop --link 4=new" in en, en
    assert "第 4 行即已有项目 #2 “储能系统集成项目（二期）”" in zh and "去掉 --link 4=new" in zh, zh
    assert not [n for n in result.notes if n.code == "note_absent"]  # the file lists it
    assert names(ctx) == ["储能系统集成项目", "储能系统集成项目（二期）"]
    # the preview offers the stored project as the row's answer ("the same as …")
    analysis = service.analyse(service.read(november), ImportOptions(links={("", 4): 0}))
    assert analysis.selected[0].candidates == {0: [2]}
    # without the answer the row updates it, as any row of a stored project does
    again = service.import_file(november, ImportOptions())
    assert again.ok and (again.added, again.unchanged) == (0, 1)


def test_a_row_said_new_of_another_enterprise_is_still_added_and_the_same_one_refused(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """Two rows of a name in one district told apart by their enterprises: the stored one's is refused
    when said new (the very project), another enterprise's row said new is another project (added)."""
    park = [1, "标准厂房建设项目", "肇庆金渡工业园投资有限公司", 10000, "2026.3"]
    assert service.import_file(signed(tmp_path, "first", park), ImportOptions()).ok
    same = signed(tmp_path, "same", [1, *park[1:3], 12000, "2026.3"])
    result = service.import_file(same, ImportOptions(links={("签约项目", 4): 0}))
    assert asked(result) == [(4, "new_name_taken")] and not result.written
    other = signed(tmp_path, "other", [1, park[1], "肇庆白土镇建设开发有限公司", 8000, "2026.5"])
    result = service.import_file(other, ImportOptions(links={("签约项目", 4): 0}))
    assert result.ok and result.added == 1, result.problems
    assert names(ctx) == ["标准厂房建设项目", "标准厂房建设项目"]


def test_a_code_spelt_another_way_said_new_is_refused_as_that_project(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """0012 stored; a row "12" (the zeros a spreadsheet program dropped) of its very name said new: the
    code rule (a code stored exactly) does not see it; the name does."""
    head = ["项目编号", *HEAD[1:]]
    assert service.import_file(signed(tmp_path, "first", ["0012", *PHASE_ONE[1:]], head=head), ImportOptions()).ok
    later = signed(tmp_path, "later", ["12", *PHASE_ONE[1:]], head=head)
    result = service.import_file(later, ImportOptions(links={("", 4): 0}))
    assert asked(result) == [(4, "new_name_taken")] and not result.written
    assert "0012 “储能系统集成项目”" in result.problems[0].reason("en")
    assert [(p.code, p.name) for p in ctx.projects.all_projects()] == [("0012", "储能系统集成项目")]


def test_the_command_run_again_with_its_link_new_is_refused(db_url: str, tmp_path: Path) -> None:
    def run(*argv: str) -> tuple[int, str]:
        out, err = io.StringIO(), io.StringIO()
        status = main(["--db", db_url, "--lang", "en", *argv], stdout=out, stderr=err)
        return status, out.getvalue() + err.getvalue()

    assert run("import", str(signed(tmp_path, "oct", PHASE_ONE)))[0] == 0
    november = str(signed(tmp_path, "nov", PHASE_TWO))
    status, said = run("import", november)
    assert status == 1 and "--link 4=new" in said, said
    status, said = run("import", november, "--link", "4=new")
    assert status == 0 and "1 added" in said, said
    status, said = run("import", november, "--link", "4=new")
    assert status == 1 and "row 4 is stored project #2 “储能系统集成项目（二期）”" in said, said
    assert "drop --link 4=new" in said and "not in this file" not in said, said
    status, listed = run("list")
    assert status == 0 and listed.count("储能系统集成项目（二期）") == 1 and "2 project(s)" in listed, listed
