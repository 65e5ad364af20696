"""A stored project keeps its status whatever its row's text says (only a new project's status is read
from its row), but when the row shows a later stage by that same evidence (progress text 已竣工投产 on a
project stored 前期), one note per sheet says so, names the projects and how to update them. A text of
the same or an earlier stage, or a project stored 停缓建, gets none. Real .xlsx files, both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

TITLE = "高要区2025年1-10月重点项目进展情况表"
PREP = "前期工作，正在办理用地预审及规划报建"  # the probe's texts (probe32a/gen.py)
DONE = "项目已竣工投产（10月）"
HEADER = ["项目名称", "建设单位", "所属区域", "总投资（万元）", "项目进展"]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def month(tmp_path: Path, name: str, *texts: str | None, header: list[str] = HEADER) -> Path:
    """One row per text: 南岸 (row 3), 金利 (row 4), 蛟塘 (row 5), each with that progress text."""
    names = ["高要区南岸街道数字经济产业园项目", "肇庆高要金利五金产业园项目", "高要区蛟塘镇智能家居生产基地项目"]
    rows = [[n, f"{n[:4]}公司", "高要区", 58000, t] for n, t in zip(names, texts, strict=False)]
    return write_workbook(tmp_path / f"{name}.xlsx", SheetSpec("1-10月", [[TITLE], header, *rows]))


def statuses(ctx: AppContext) -> dict[str, Status]:
    return {p.name[:6]: p.status for p in ctx.projects.all_projects()}


def behind(result: ImportResult, lang: str = "en") -> list[str]:
    return [n.message(lang) for n in result.notes if n.code == "note_stage_behind"]


def test_a_later_stage_in_the_text_is_noted_and_the_status_kept(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """January: 前期工作… → stored Preparing (new projects, their status read from the text). October:
    已竣工投产 and 主体结构施工中 show later stages: kept, named in one note; 规划报建 (preparing) none."""
    assert service.import_file(
        month(tmp_path, "01", PREP, "前期工作，征地中", "前期工作，正在办理报建"), ImportOptions()
    ).ok
    assert set(statuses(ctx).values()) == {Status.PREPARING}
    october = month(tmp_path, "10", DONE, "已动工，主体结构施工中", "正在办理规划报建")
    zh = service.import_file(october, ImportOptions(lang="zh"), dry_run=True)
    assert behind(zh, "zh") == [
        "工作表“1-10月”：2 个已存项目的状态未改，但其所在行按认定新项目状态的同样依据显示已到更后的阶段："
        "第 3 行 高要区南岸街道数字经济产业园项目（已存“前期”，本行的形象进度或进展文字显示“投产”）；"
        "第 4 行 肇庆高要金利五金产业园项目（已存“前期”，本行的形象进度或进展文字显示“在建”）。"
        "导入不会按行内内容更改已存项目的状态；如需更新，请在项目详情或项目表的“状态”列中修改，"
        "或在文件中加一列“项目状态”。"
    ]
    result = service.import_file(october, ImportOptions())
    assert result.ok and set(statuses(ctx).values()) == {Status.PREPARING}  # the stored status is kept
    assert behind(result) == [
        "Sheet “1-10月”: 2 stored project(s) keep their status although their rows show a later stage, by the "
        "same evidence a new project's status is read from: row 3 高要区南岸街道数字经济产业园项目 (stored "
        "Preparing; the progress text shows In production); row 4 肇庆高要金利五金产业园项目 (stored Preparing; "
        "the progress text shows Under construction). The import never changes a stored status from its row; "
        "to update it, change the status in the project's detail or the Projects table's Status column, or "
        "give the file a status column."
    ]


def test_the_same_or_an_earlier_stage_or_a_halted_project_gets_no_note(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """Stored: 南岸 under construction, 金利 preparing, 蛟塘 on hold (a status column). Then without one:
    南岸 前期工作 (earlier), 金利 规划报建 (the same), 蛟塘 已竣工投产 (stored on hold: no note, never out of it)."""
    first = month(tmp_path, "01", "在建", "前期", "停缓建", header=[*HEADER[:4], "项目状态"])
    assert service.import_file(first, ImportOptions()).ok
    stored = {
        "高要区南岸街": Status.UNDER_CONSTRUCTION,
        "肇庆高要金利": Status.PREPARING,
        "高要区蛟塘镇": Status.ON_HOLD,
    }
    assert statuses(ctx) == stored
    result = service.import_file(month(tmp_path, "10", PREP, "正在办理规划报建", DONE), ImportOptions())
    assert result.ok and statuses(ctx) == stored and behind(result) == []
    # a status column in the file: the file's status is stored, no note
    given = month(tmp_path, "11", "投产", None, None, header=[*HEADER[:4], "项目状态"])
    result = service.import_file(given, ImportOptions())
    assert result.ok and statuses(ctx)["高要区南岸街"] is Status.IN_PRODUCTION and behind(result) == []


def test_more_than_ten_rows_are_counted(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """12 projects stored 前期, then all 12 …已竣工投产: the first 10 named, 2 more counted, in both languages."""

    def book(name: str, text: str) -> Path:
        rows = [[f"高要区第{i}号项目", f"公司{i}", "高要区", 1000, text] for i in range(1, 13)]
        return write_workbook(tmp_path / f"{name}.xlsx", SheetSpec("Sheet1", [[TITLE], HEADER, *rows]))

    assert service.import_file(book("01", PREP), ImportOptions()).ok
    later = book("10", "设备安装完毕，已竣工投产")
    (zh,) = behind(service.import_file(later, ImportOptions(lang="zh"), dry_run=True), "zh")  # the import's language
    (en,) = behind(service.import_file(later, ImportOptions()))
    assert en.startswith("Sheet “Sheet1”: 12 stored project(s)") and "row 12 高要区第10号项目" in en
    assert "第11号" not in en and "; and 2 more." in en
    assert "第 12 行 高要区第10号项目" in zh and "；另有 2 个。" in zh
