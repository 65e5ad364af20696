"""Two new enterprises of one file that differ only in the legal form at their end (肇庆宏达新材料有限公司 on
one row, 肇庆宏达新材料有限责任公司 on another; 股份有限公司 and 股份公司; （肇庆） and (肇庆) besides) were stored
as two enterprises, one company's projects split between them (exit 0). They are one now — the first
spelling, with the code either gives — said in a note naming both; two different credit codes keep them
apart, and a spelling without a code beside two with different codes is asked. Real .xlsx files, both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

A, B, C = "91441200MA4UABC12F", "91441200MA4UABC560", "91441200MA4UABC788"  # valid 统一社会信用代码
HEADER = ["序号", "项目名称", "项目单位", "统一社会信用代码", "所在区县", "总投资（万元）", "项目状态"]
HONGDA, BING, DING = "肇庆宏达新材料有限公司", "肇庆丙建材股份有限公司", "丁科技（肇庆）有限公司"


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def workbook(tmp_path: Path, *rows: tuple[str, str | None]) -> Path:
    """Header on row 3, one project a row from row 4: (enterprise, credit code)."""
    body = [[k + 1, f"项目{k + 1}", name, code, "端州区", 1000, "在建"] for k, (name, code) in enumerate(rows)]
    head = [["肇庆市2026年重点项目表"], ["单位：万元"], HEADER]
    return write_workbook(tmp_path / "list.xlsx", SheetSpec("重点项目", [*head, *body]))


def test_new_enterprises_differing_only_in_legal_form_are_one(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    rows = [
        (HONGDA, None),  # row 4
        ("肇庆宏达新材料有限责任公司", A),  # row 5: one with row 4, the code kept
        (BING, None),
        ("肇庆丙建材股份公司", None),  # row 7
        (DING, None),
        ("丁科技(肇庆)有限责任公司", None),  # row 9: brackets half-width too
        ("肇庆戊电子有限公司", B),
        ("肇庆戊电子有限责任公司", C),  # row 11: another code, another enterprise
    ]
    result = service.import_file(workbook(tmp_path, *rows), ImportOptions())
    assert result.ok and result.added == 8, result.problems
    stored = {e.name: e.credit_code for e in ctx.references.enterprises()}
    assert stored == {HONGDA: A, BING: None, DING: None, "肇庆戊电子有限公司": B, "肇庆戊电子有限责任公司": C}
    of = {p.name: p.enterprise for p in ctx.projects.all_projects()}
    assert of["项目2"] == HONGDA and of["项目4"] == BING and of["项目6"] == DING, of
    said = [n for n in result.notes if n.code == "note_enterprise_form_file"]
    assert len(said) == 3, [n.code for n in result.notes]
    en, zh = said[0].message("en"), said[0].message("zh")
    assert "row(s) 5" in en and "“肇庆宏达新材料有限责任公司”" in en and f"“{HONGDA}”" in en and "row 4" in en, en
    assert "第 5 行" in zh and f"“{HONGDA}”" in zh and "第 4 行" in zh, zh


def test_a_spelling_without_a_code_beside_two_codes_is_asked(service: ImportService, tmp_path: Path) -> None:
    rows = [
        ("肇庆戊电子有限公司", B),
        ("肇庆戊电子有限责任公司", C),
        ("肇庆戊电子股份有限公司", None),  # row 6: which of the two?
        ("肇庆己材料有限公司", A),
        ("肇庆己材料有限责任公司", A),  # row 8: the same code, one enterprise (no question)
    ]
    result = service.import_file(workbook(tmp_path, *rows), ImportOptions())
    assert [(p.row, p.problem.code) for p in result.problems] == [(6, "enterprise_forms_file_several")]
    reason = result.problems[0].reason("en")
    assert "“肇庆戊电子有限公司”" in reason and "“肇庆戊电子有限责任公司”" in reason, reason
    assert "肇庆戊电子有限公司" in result.problems[0].reason("zh") and not result.written
