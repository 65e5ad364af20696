"""Lists in traditional Chinese, and names re-typed in it. Probing (probe22b T08/T09) found a project
re-typed as 端州宏達新材料項目 stored beside the simplified one, its figures counted twice, and 端州區 a
district of its own; a whole list in traditional characters had its headers, unit line (單位：萬元) and
stages (已投產) not read. Real .xlsx files through ImportService and the reading process, both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.domain.hanzi import has_traditional, same_in_simplified, simplified
from zqtracker.io.traditional import Simplifier
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

HEAD = ["序号", "项目名称", "投资主体", "所属行业", "所在区域", "总投资", "建设状态"]
TRAD_HEAD = ["序號", "項目名稱", "投資主體", "所屬行業", "所在區域", "總投資", "建設狀態"]
STORED = [
    [1, "端州宏达新材料项目", "宏达新材料有限公司", "新能源汽车", "端州区", 50000, "在建"],
    [2, "鼎湖光伏组件扩产项目", "鼎湖光伏有限公司", "新能源", "鼎湖区", 30000, "已投产"],
]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def stored_list(service: ImportService, tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "simplified.xlsx", SheetSpec("Sheet1", [["单位：万元"], HEAD, *STORED]))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 2, result.problems


def test_a_list_in_traditional_characters_is_the_stored_list(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    stored_list(service, tmp_path)
    rows = [
        ["肇慶市重點項目清單"],
        ["單位：萬元"],
        TRAD_HEAD,
        [1, "端州宏達新材料項目", "宏達新材料有限公司", "新能源汽車", "端州區", 50000, "在建"],
        [2, "鼎湖光伏組件擴產項目", "鼎湖光伏有限公司", "新能源", "鼎湖區", 35000, "已投產"],
        [3, "高要港資電子廠項目", "高要電子（香港）有限公司", "電子信息", "高要區", 12000, "籌建"],
        ["合計", None, None, None, None, 97000, None],
    ]
    path = write_workbook(tmp_path / "traditional.xlsx", SheetSpec("Sheet1", rows))
    result = service.import_file(path, ImportOptions())
    assert result.ok, result.problems
    assert (result.added, result.updated, result.unchanged) == (1, 2, 0)  # 重點項目清單: all three now key
    assert sorted(result.new_districts) == ["高要区"] and result.new_sectors == ["电子信息"]
    projects = {p.name: p for p in ctx.projects.all_projects()}
    assert all(p.is_key_project for p in projects.values())
    assert sorted(projects) == ["端州宏达新材料项目", "高要港资电子厂项目", "鼎湖光伏组件扩产项目"]
    assert projects["鼎湖光伏组件扩产项目"].planned_investment == 350_000_000  # 萬元 read as 万元
    assert projects["高要港资电子厂项目"].status.value == "preparing"  # 籌建
    assert projects["高要港资电子厂项目"].enterprise == "高要电子（香港）有限公司"
    note = next(n for n in result.notes if n.code == "note_simplified")
    assert note.params["sheet"] == "Sheet1" and note.params["count"] == 22  # title, unit, 7 headers, 13 cells
    assert "單位：萬元 → 单位：万元" in note.params["examples"]
    assert "cell(s) in traditional Chinese characters were read as simplified" in note.message("en")
    assert "个单元格为繁体字，已按简体读取" in note.message("zh")


def test_names_a_simplified_list_retypes_in_traditional_characters_are_the_stored_projects(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    stored_list(service, tmp_path)
    # 45 rows first: the sheet's head is simplified, so it is read as written and compared folded
    others = [[k, f"四会其他项目{k}", "四会公司", "新能源", "四会市", 100, "在建"] for k in range(3, 48)]
    retyped = [48, "端州宏達新材料項目", "宏達新材料有限公司", "新能源汽車", "端州區", 50000, "已投產"]
    path = write_workbook(tmp_path / "mixed.xlsx", SheetSpec("Sheet1", [["单位：万元"], HEAD, *others, retyped]))
    result = service.import_file(path, ImportOptions())
    assert result.ok, result.problems
    assert (result.added, result.updated) == (45, 1)
    assert result.new_districts == ["四会市"] and result.new_sectors == [] and result.new_enterprises == ["四会公司"]
    assert not [n for n in result.notes if n.code == "note_simplified"]
    (project,) = [p for p in ctx.projects.all_projects() if p.name.startswith("端州")]
    assert project.name == "端州宏达新材料项目" and project.district == "端州区" and project.sector == "新能源汽车"
    assert project.status.value == "in_production"  # 已投產
    assert len(ctx.projects.all_projects()) == 47


def test_characters_simplified_text_shares_with_traditional_stay_as_written() -> None:
    assert simplified("乾坤新材料著名品牌於端州") == "乾坤新材料著名品牌於端州"
    assert not has_traditional("乾县后街著作")
    assert simplified("總投資（萬元）") == "总投资（万元）" and has_traditional("端州區")
    assert simplified("端州區\x00項目\x00宏達") == "端州区\x00项目\x00宏达"  # name_keys joins names with NUL


def test_a_name_in_other_characters_is_the_known_or_the_simplified_one() -> None:
    assert same_in_simplified(["端州區", "鼎湖區", "端州区"], ["端州区"]) == {"端州區": "端州区"}
    assert same_in_simplified(["端州区"], ["端州區"]) == {"端州区": "端州區"}  # the stored spelling wins
    assert same_in_simplified(["宏達公司", "宏达公司"], []) == {"宏達公司": "宏达公司"}
    assert same_in_simplified(["鼎湖區"], []) == {}  # alone in traditional: as written
    assert same_in_simplified(["端州区", "高要区"], ["端州区"]) == {}


def test_the_reading_process_converts_a_sheet_whose_head_is_traditional() -> None:
    simplifier = Simplifier()
    head = [["肇慶市重點項目"], ["項目名稱", "所在區域"], ["甲項目", "端州區"], ["乙項目", "端州區"], [1.0, ""]]
    simplifier.rows(head)
    simplifier.rows([["丙項目", "端州區"]])  # a later chunk of the same sheet
    assert head[1] == ["项目名称", "所在区域"] and head[2][1] is head[3][1]  # one object: sent once
    assert simplifier.said("Sheet1") == (
        "simplified",
        "Sheet1",
        9,
        [("肇慶市重點項目", "肇庆市重点项目"), ("項目名稱", "项目名称"), ("所在區域", "所在区域")],
    )
    assert simplifier.said("Sheet1") is None
    plain = [["项目名称", "所在区域"], *[["项目", "端州区"]] * 50, ["端州宏達項目", "端州區"]]
    simplifier.rows(plain)  # a simplified head: read as written, not scanned further
    assert plain[-1] == ["端州宏達項目", "端州區"] and simplifier.said("Sheet2") is None
