"""Re-importing a district's list (probe33a F3, F5): an enterprise written with another legal form, the
same project name in another district, a project moved to another district. Real .xlsx files written by
openpyxl, a first import then the variant into one database, both engines.

F5: 肇庆市甲新材料有限责任公司 stored with its credit code, the next list (no credit-code column) writing
肇庆市甲新材料有限公司: a second enterprise was created and the project lost its code (exit 0). F3: the very
name of a stored 端州区 project in 鼎湖区's list was asked as "a near name … renamed" — it is the same name,
the question is moved or another project. And a project linked across districts took its past monthly
figures along without a word."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

A = "91441200MA4UABC12F"  # a valid 统一社会信用代码 (tests/test_import_credit_codes.py)
B, C = "91441200MA4UABC560", "91441200MA4UABC788"  # 乙's two: new in one file, they would fold without them
HEADER = ["序号", "项目名称", "项目单位", "所在区县", "总投资（万元）", "项目状态",
          "1-10月累计完成投资（万元）", "10月完成投资（万元）"]  # fmt: skip
JIA = "肇庆市甲新材料有限责任公司"
YI, YI_GUFEN = "肇庆乙建材有限公司", "肇庆乙建材股份有限公司"
ROWS = [
    [1, "新材料生产基地项目", JIA, "端州区", 50000, "在建", 12000, 1200],
    [2, "乙建材仓储项目", YI, "端州区", 8000, "在建", 2000, 200],
    [3, "乙建材加工项目", YI_GUFEN, "端州区", 9000, "在建", 3000, 300],
]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def october(tmp_path: Path, name: str, *rows: list, credit: list | None = None) -> Path:
    """An October list: title, unit line, header (row 3), rows from row 4; ``credit``: a 统一社会信用代码
    column after 项目单位, one value a row."""
    head, body = list(HEADER), [list(r) for r in rows]
    if credit is not None:
        head.insert(3, "统一社会信用代码")
        for row, code in zip(body, credit, strict=True):
            row.insert(3, code)
    title = ["肇庆市2026年1-10月重点项目投资完成情况表"]
    return write_workbook(tmp_path / f"{name}.xlsx", SheetSpec("重点项目", [title, ["单位：万元"], head, *body]))


def asked(result: ImportResult) -> list[tuple[int, str]]:
    return [(p.row, p.problem.code) for p in result.problems]


def enterprises(ctx: AppContext) -> dict[str, str | None]:
    return {e.name: e.credit_code for e in ctx.references.enterprises()}


def test_an_enterprise_written_with_another_legal_form_is_the_stored_one(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    assert service.import_file(october(tmp_path, "base", *ROWS, credit=[A, B, C]), ImportOptions()).ok
    stored = enterprises(ctx)
    assert stored == {JIA: A, YI: B, YI_GUFEN: C}
    # no credit-code column, 甲 as 有限公司 with a full-width space: nothing else tells the two apart
    again = [[1, "新材料生产基地项目", "肇庆市甲新材料　有限公司", *ROWS[0][3:]], *ROWS[1:]]
    result = service.import_file(october(tmp_path, "again", *again), ImportOptions())
    assert result.ok and (result.added, result.updated, result.unchanged) == (0, 0, 3), result.problems
    assert enterprises(ctx) == stored  # no second 甲, its code kept
    assert {p.name: p.enterprise for p in ctx.projects.all_projects()}["新材料生产基地项目"] == JIA
    said = [n for n in result.notes if n.code == "note_enterprise_form"]
    assert len(said) == 1, [n.code for n in result.notes]
    en, zh = said[0].message("en"), said[0].message("zh")
    assert "row(s) 4" in en and "“肇庆市甲新材料 有限公司”" in en and f"“{JIA}”" in en and A in en, en
    assert "第 4 行" in zh and f"“{JIA}”" in zh, zh
    # 乙 as 有限责任公司: two stored enterprises (有限公司, 股份有限公司) fold to it — asked, naming both
    guess = [ROWS[0], [2, "乙建材仓储项目", "肇庆乙建材有限责任公司", *ROWS[1][3:]], ROWS[2]]
    result = service.import_file(october(tmp_path, "guess", *guess), ImportOptions())
    assert asked(result) == [(5, "enterprise_forms_several")] and not result.written
    reason = result.problems[0].reason("en")
    assert f"“{YI}”" in reason and f"“{YI_GUFEN}”" in reason, reason
    assert YI in result.problems[0].reason("zh")
    assert enterprises(ctx) == stored


def test_the_same_name_in_another_district_is_asked_as_moved_and_a_move_is_said(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    row = [1, "新能源电池隔膜生产线项目", "肇庆恒通新材料有限公司", "端州区", 120000, "在建", 30000, 3300]
    assert service.import_file(october(tmp_path, "base", row), ImportOptions()).ok
    (stored,) = ctx.projects.all_projects()
    dinghu = october(tmp_path, "dinghu", [*row[:3], "鼎湖区", *row[4:]])
    result = service.import_file(dinghu, ImportOptions())
    assert asked(result) == [(4, "name_other_district")] and not result.written
    en, zh = result.problems[0].reason("en"), result.problems[0].reason("zh")
    assert "near name" not in en and "端州区" in en and "鼎湖区" in en and "moved" in en, en
    assert "端州区" in zh and "鼎湖区" in zh and "迁" in zh, zh
    # the user says it moved: its district changes and its stored months (1–9月 and 10月) go with it, said
    result = service.import_file(dinghu, ImportOptions(links={("", 4): stored.id}))
    assert result.ok and (result.added, result.updated) == (0, 1), result.problems
    assert [p.district for p in ctx.projects.all_projects()] == ["鼎湖区"]
    said = [n for n in result.notes if n.code == "note_moved_district"]
    assert len(said) == 1, [n.code for n in result.notes]
    en, zh = said[0].message("en"), said[0].message("zh")
    assert "“新能源电池隔膜生产线项目”" in en and "from 端州区 to 鼎湖区" in en and "10 past month" in en, en
    assert "端州区" in zh and "鼎湖区" in zh and "10 个月" in zh, zh
