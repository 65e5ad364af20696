"""Rows numbered 一、二 or （一）（二） beside a name: sections or projects (probe34a F1, F5). A verdict is certain or
asked, never a guess, and weak evidence never overrides strong: a remark (市发改局牵头, 暂无, 小计) made a section
row a project, and the sections beside it followed it (A19, A18: 5 and 6 added, exit 0); subtotals that do not add
up to the rows under them, beside an empty 竣工项目 row of zeros, made every section a project (A16: planned
investment counted twice); A7 asked about its first project, giving a reason that was not so.
Real .xlsx files written by openpyxl, imported through the service, both engines; figures worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000
HEAD = ["序号", "项目名称", "建设单位", "所属县区", "行业", "总投资（万元）", "2025年计划投资（万元）",
        "1-10月完成投资（万元）", "备注"]  # fmt: skip
HONGDA = ["端州宏达新材料项目", "宏达公司", "端州区", "先进制造业"]
GAOYAO = ["高要金属制品项目", "高要金属公司", "高要区", "先进制造业"]
DINGHU = ["鼎湖光伏项目", "鼎湖能源公司", "鼎湖区", "新能源"]
SECTIONS = {"续建项目", "新开工项目", "竣工项目", "先进制造业", "新能源"}


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def _import(service: ImportService, tmp_path: Path, rows: list[list]) -> object:
    path = write_workbook(tmp_path / "list.xlsx", SheetSpec("项目表", [["2025年肇庆市重点项目表"], HEAD, *rows]))
    return service.import_file(path, ImportOptions())


def _section(number: str, name: str, *figures: object, remark: str | None = None) -> list:
    return [number, name, None, None, None, *(figures or (None, None, None)), remark]


def _said(result: object) -> list[str]:
    return [p.reason("en") for p in result.problems]  # type: ignore[attr-defined]


def _asked(result: object) -> list:
    return [p for p in result.problems if p.problem.code.startswith("numeral_row_unclear")]  # type: ignore[attr-defined]


def _three(remark_on_first: str | None = None, last: list | None = None) -> list[list]:
    """A18/A19: 一 续建项目 and 二 新开工项目, no figures of their own, over 3 unnumbered projects."""
    rows = [_section("一", "续建项目", remark=remark_on_first), [None, *HONGDA, 10000, 3000, 2000],
            [None, *GAOYAO, 6000, 2000, 1000], _section("二", "新开工项目"),
            [None, *DINGHU, 5000, 2000, 1000]]  # fmt: skip
    return rows + ([last] if last else [])


def _inexact(first: str = "一", second: str = "二", remark: str | None = None, amounts: tuple = (10000.4, 5999.8,
             5000.3)) -> list[list]:  # fmt: skip
    """A14/A16/A8: subtotals 16000 over 10000.4 + 5999.8 and 5000 over 5000.3 (rounded, not exact)."""
    a, b, c = amounts
    return [_section(first, "续建项目", 16000, 5000, 3000, remark=remark), [None, *HONGDA, a, 3000, 2000],
            [None, *GAOYAO, b, 2000, 1000], _section(second, "新开工项目", 5000, 2000, 1000, remark=remark),
            [None, *DINGHU, c, 2000, 1000]]  # fmt: skip


@pytest.mark.parametrize(
    "rows",
    [
        _three("市发改局牵头"),  # A19
        _three(last=_section("三", "竣工项目", remark="暂无")),  # A18
        _three(last=_section("三", "竣工项目")),  # A18b
        _three(last=_section("三", "竣工项目", 0, 0, 0)),
        [*_inexact(amounts=(10000, "6000", "5000")), _section("三", "竣工项目", 0, 0, 0)],  # A15: exact, text amounts
        _inexact(remark="小计", amounts=(10000, 6000, 5000)),  # A8c: exact sums, a 小计 remark
    ],
    ids=["A19_remark", "A18_empty_last_zanwu", "A18b_empty_last", "zeros_last", "A15_text_amounts", "A8c_xiaoji"],
)
def test_section_rows_over_unnumbered_projects_stay_sections(
    service: ImportService, ctx: AppContext, tmp_path: Path, rows: list[list]
) -> None:
    """A section row with rows under it and no figures (or figures that add them up) is a section, whatever its
    备注 says; an empty last section (nothing under it, no figures) is what its sections beside it are. 3 projects,
    10000 + 6000 + 5000 = 21000 万 (was 5 or 6 added: 续建项目, 新开工项目, 竣工项目 stored as projects)."""
    result = _import(service, tmp_path, rows)
    assert result.ok and result.added == 3, _said(result)
    planned = {p.name: p.planned_investment for p in ctx.projects.all_projects()}
    assert not SECTIONS & set(planned) and sum(v or 0 for v in planned.values()) == 21000 * WAN


@pytest.mark.parametrize(
    "rows, row, value",
    [
        ([*_inexact(), _section("三", "竣工项目", 0, 0, 0)], 3, "一"),  # A16
        (_inexact("（一）", "（二）", remark="小计"), 3, "（一）"),  # A8
    ],
    ids=["A16_zero_section", "A8_xiaoji_paren"],
)
def test_subtotals_that_do_not_add_up_are_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path, rows: list[list], row: int, value: str
) -> None:
    """16000 over 10000.4 + 5999.8: a section whose subtotal is rounded, or a project with parts under it? No row
    numbered alike tells (三 has nothing under it and zeros), so the sheet asks about the first, saying why — it
    was 6 added, planned investment 42000 万 for 21000."""
    result = _import(service, tmp_path, rows)
    assert not result.written
    (asked,) = _asked(result)
    assert (asked.row, asked.value, asked.problem.code) == (row, value, "numeral_row_unclear_sum"), _said(result)
    reason = asked.reason("en")
    assert "16000.2" in reason and "16000" in reason and "总投资" in reason, reason
    assert not ctx.projects.all_projects()


def test_projects_numbered_yi_er_one_without_figures_are_projects(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """A7: 一 and 三 have figures and nothing under them (projects); 二 has neither, so it is what they are. It
    asked about 一 saying 二 was a section "over rows of its own"; 3 projects, no question."""
    rows = [["一", "端州宏达新材料项目", 10000, 2000], ["二", "鼎湖光伏项目", None, None],
            ["三", "四会物流园项目", 8000, 500]]  # fmt: skip
    head = ["序号", "项目名称", "总投资（万元）", "1-10月完成投资（万元）"]
    sheet = SheetSpec("项目表", [["2025年肇庆市重点项目表"], head, *rows])
    result = service.import_file(write_workbook(tmp_path / "a7.xlsx", sheet), ImportOptions())
    assert result.ok and result.added == 3 and not _asked(result), _said(result)


def test_a_row_whose_siblings_disagree_is_asked_by_its_own_number(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """一 is a section (rows numbered 1, 2 under it), 三 a project (figures, nothing under it); 二 has neither:
    the question names 二 and says that the rows beside it disagree, naming both."""
    rows = [_section("一", "续建项目"), [1, *HONGDA, 10000, 3000, 2000], [2, *GAOYAO, 6000, 2000, 1000],
            _section("二", "新开工项目"), ["三", *DINGHU, 5000, 2000, 1000]]  # fmt: skip
    result = _import(service, tmp_path, rows)
    assert not result.written
    asked = _asked(result)
    assert [(p.row, p.value, p.problem.code) for p in asked] == [(6, "二", "numeral_row_unclear_split")], _said(result)
    assert "一" in asked[0].reason("en") and "三" in asked[0].reason("en")


A1 = [_section("一", "续建项目", 15000, 5000, 3000), [1, *HONGDA, 10000, 3000, 2000],
      [2, *DINGHU, 5000, 2000, 1000], _section("二", "新开工项目", 6000, 2000, 1000),
      [1, *GAOYAO, 6000, 2000, 1000], _section("三", "竣工项目", 0, 0, 0),
      [None, "合计", None, None, None, 21000, 7000, 4000]]  # fmt: skip
A3 = [["一", *HONGDA, 10000, 3000, 2000, None], ["二", *DINGHU, 5000, 2000, 1000, None],
      ["三", "四会物流园项目", "四会物流公司", "四会市", "现代物流", None, None, None, "前期"],
      ["四", *GAOYAO, 6000, 2000, 1500, None],
      ["五", "怀集砂糖桔深加工项目", None, "怀集县", None, None, None, None, None]]  # fmt: skip


@pytest.mark.parametrize("rows, added", [(A1, 3), (A3, 5)], ids=["A1_empty_zero_section", "A3_projects_some_blank"])
def test_cases_that_were_right_stay_right(
    service: ImportService, ctx: AppContext, tmp_path: Path, rows: list[list], added: int
) -> None:
    result = _import(service, tmp_path, rows)
    assert result.ok and result.added == added and not _asked(result), _said(result)
    assert not SECTIONS & {p.name for p in ctx.projects.all_projects()}
