"""New projects whose rows give no status word take the stage their own rows show (figures, dates,
name, progress text), said in a note; words in date columns give no date and no refusal, listed in a
note; 2025年底 is December. Real .xlsx files written by openpyxl, imported through the service, both
engines; what each row shows worked out by hand in the comments."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.domain.fuzzy_dates import DatePrecision
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.import_status_evidence import progress_stage
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

TITLE = "鼎湖区2025年1-10月重点项目情况表"  # the report period: October 2025


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def sheet(tmp_path: Path, name: str, *rows: list) -> Path:
    return write_workbook(tmp_path / f"{name}.xlsx", SheetSpec("Sheet1", [[TITLE], *map(list, rows)]))


def statuses(ctx: AppContext) -> dict[str, Status]:
    return {p.name: p.status for p in ctx.projects.all_projects()}


def notes(result: ImportResult, code: str) -> list[str]:
    return [n.message("en") for n in result.notes if n.code == code]


NO_STATUS = ["项目名称", "建设单位", "所属区域", "总投资（万元）", "开工时间", "1-10月完成投资（万元）"]


def test_figures_and_start_dates_show_a_project_under_construction(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """No status column: 15000万 completed in 2025 (row 3) and 开工时间 2024-03, before October 2025 (row 4)
    are being built; 开工时间 2025-12 (after October) and nothing else (row 5) show nothing: Signed, as before."""
    path = sheet(tmp_path, "figures", NO_STATUS,
                 ["鼎湖包装项目", "甲公司", "鼎湖区", 50000, None, 15000],
                 ["鼎湖五金项目", "乙公司", "鼎湖区", 20000, "2024-03", None],
                 ["鼎湖陶瓷项目", "丙公司", "鼎湖区", 10000, "2025-12", 0])  # fmt: skip
    zh = service.import_file(path, ImportOptions(lang="zh"), dry_run=True)  # the notes in the import's language
    assert [n.message("zh") for n in zh.notes if n.code == "note_status_inferred"] == [
        "工作表“Sheet1”：2 个新项目未填写状态，按其所在行的本年已完成投资（1 个）、开工时间不晚于报告期（1 个）"
        "记为“在建”（第 3–4 行）。"
    ]
    result = service.import_file(path, ImportOptions())
    assert result.ok
    assert statuses(ctx) == {"鼎湖包装项目": Status.UNDER_CONSTRUCTION, "鼎湖五金项目": Status.UNDER_CONSTRUCTION,
                             "鼎湖陶瓷项目": Status.SIGNED}  # fmt: skip
    (said,) = notes(result, "note_status_inferred")
    assert said == (
        "Sheet “Sheet1”: 2 new project(s) give no status and are recorded as Under construction, as their rows "
        "show: completed investment this year (1), a start date on or before the report period (1) (rows 3–4)."
    )
    assert notes(result, "note_default_status") == ["1 new project(s) give no status and are recorded as Signed."]


def test_progress_text_and_name_show_the_stage(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """形象进度 holds progress only: 主体结构施工 and 基础施工 → under construction, 已投产 → in production,
    前期报建 → preparing, 计划年底开工 (an intention) → nothing; a name ending in （续建） → under construction."""
    path = sheet(tmp_path, "progress", ["项目名称", "建设单位", "总投资（万元）", "形象进度"],
                 ["鼎湖包装项目", "甲公司", 50000, "主体结构施工"],
                 ["鼎湖五金项目", "乙公司", 20000, "基础施工"],
                 ["鼎湖陶瓷项目", "丙公司", 10000, "已投产"],
                 ["鼎湖食品项目", "丁公司", 10000, "前期报建"],
                 ["鼎湖物流项目", "戊公司", 10000, "计划年底开工"],
                 ["鼎湖电子项目（续建）", "己公司", 10000, None])  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok and statuses(ctx) == {
        "鼎湖包装项目": Status.UNDER_CONSTRUCTION,
        "鼎湖五金项目": Status.UNDER_CONSTRUCTION,
        "鼎湖陶瓷项目": Status.IN_PRODUCTION,
        "鼎湖食品项目": Status.PREPARING,
        "鼎湖物流项目": Status.SIGNED,
        "鼎湖电子项目（续建）": Status.UNDER_CONSTRUCTION,
    }
    said = notes(result, "note_status_inferred")
    assert len(said) == 3 and said[0].endswith(
        "Under construction, as their rows show: the progress text (2), a name marked continuing or newly "
        "started (1) (rows 3–4, 8)."
    )
    assert notes(result, "note_default_status") == ["1 new project(s) give no status and are recorded as Signed."]


def test_progress_words_clause_by_clause() -> None:
    assert progress_stage("已完成前期工作，主体结构施工") is Status.UNDER_CONSTRUCTION  # the furthest clause
    assert progress_stage("一期已投产，二期计划开工") is Status.IN_PRODUCTION
    assert progress_stage("计划2026年投产") is None and progress_stage("未开工") is None  # intentions
    assert progress_stage("待报建") is Status.PREPARING and progress_stage("征地中") is Status.PREPARING
    assert progress_stage("停工") is None and progress_stage("资金问题暂缓施工") is None  # a halt: no inference


def test_the_file_or_the_user_comes_before_the_rows_evidence(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """--status lead wins over 15000万 completed; section rows 一、续建项目 / 二、新开工项目 already give
    their rows under construction (no inference note); a stored project's status is never inferred."""
    path = sheet(tmp_path, "figures", NO_STATUS, ["鼎湖包装项目", "甲公司", "鼎湖区", 50000, None, 15000])
    result = service.import_file(path, ImportOptions(status="lead"))
    assert statuses(ctx) == {"鼎湖包装项目": Status.LEAD} and not notes(result, "note_status_inferred")
    # stored as Lead; the same row again, without --status: its figures change no stored status
    result = service.import_file(path, ImportOptions())
    assert statuses(ctx) == {"鼎湖包装项目": Status.LEAD} and not notes(result, "note_status_inferred")
    sections = sheet(tmp_path, "sections", ["序号", "项目名称", "建设单位", "总投资（万元）"], ["一、续建项目"],
                     [1, "鼎湖五金项目", "乙公司", 20000], ["二、新开工项目"],
                     [2, "鼎湖陶瓷项目", "丙公司", 10000])  # fmt: skip
    result = service.import_file(sections, ImportOptions())
    assert statuses(ctx)["鼎湖五金项目"] is statuses(ctx)["鼎湖陶瓷项目"] is Status.UNDER_CONSTRUCTION
    assert not notes(result, "note_status_inferred") and not notes(result, "note_default_status")


def test_words_in_date_columns_give_no_date_and_refuse_no_row(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """开工时间 2025-03-01 / 已开工 / 待定 / 2025年底 / 2025年上半年 / 计划2026年: four of six cells are dates
    (2025年上半年 looks like one), so the column is read cell by cell. 2025-03-01 and 2025年底 (December
    2025, a month) are stored; 已开工, 2025年上半年, 计划2026年 give no date and are listed; 待定 is no
    figure, as before. 已开工 shows the row under construction; 2025-03-01 ≤ October 2025 too; 2025年底
    (December) is after October: nothing; the others show nothing: Signed."""
    cells = ["2025-03-01", "已开工", "待定", "2025年底", "2025年上半年", "计划2026年"]
    rows = [[f"鼎湖项目{i}号", f"公司{i}", 1000 * (i + 1), c] for i, c in enumerate(cells, 1)]
    path = sheet(tmp_path, "dates", ["项目名称", "建设单位", "总投资（万元）", "开工时间"], *rows)
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 6 and not result.problems
    p = {x.name: x for x in ctx.projects.all_projects()}
    assert p["鼎湖项目1号"].construction_start_on == date(2025, 3, 1)
    assert p["鼎湖项目4号"].construction_start_on == date(2025, 12, 1)
    assert p["鼎湖项目4号"].construction_start_on_precision is DatePrecision.MONTH
    assert [p[f"鼎湖项目{i}号"].construction_start_on for i in (2, 3, 5, 6)] == [None] * 4
    assert notes(result, "note_date_words") == [
        "Sheet “Sheet1”: 3 cell(s) of the date columns hold words, not dates, and give those rows no date (the "
        "rows are imported without it): D4 已开工, D7 2025年上半年, D8 计划2026年."
    ]
    assert {n: s for n, s in statuses(ctx).items() if s is not Status.SIGNED} == {
        "鼎湖项目1号": Status.UNDER_CONSTRUCTION,
        "鼎湖项目2号": Status.UNDER_CONSTRUCTION,
    }
    (said,) = notes(result, "note_status_inferred")
    assert "a start date on or before the report period (1), a status word in a date column (1) (rows 3–4)" in said


def test_a_date_column_of_mostly_words_is_left_out_and_a_misdated_cell_still_refused(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """看进度 ×3 beside two dates: 2 of 5 cells are dates, under half, and the words say no stage — the
    column is not read (today's note; 已开工 ×3 would be read: tests/test_probe28_status_towns.py).
    2025-13-01 is digits that are no date: the row's problem, as before."""
    rows = [[f"鼎湖项目{i}号", f"公司{i}", 1000, c] for i, c in enumerate(["2025-03-01", *["看进度"] * 3, "2024-05"])]
    words = sheet(tmp_path, "words", ["项目名称", "建设单位", "总投资（万元）", "开工时间"], *rows)
    result = service.import_file(words, ImportOptions(), dry_run=True)
    assert result.ok and any("“开工时间” was not imported" in n.message("en") for n in result.notes)
    bad = sheet(tmp_path, "bad", ["项目名称", "建设单位", "总投资（万元）", "开工时间"],
                ["鼎湖包装项目", "甲公司", 1000, "2025-13-01"], ["鼎湖五金项目", "乙公司", 1000, "已开工"])  # fmt: skip
    result = service.import_file(bad, ImportOptions())
    assert [(p.row, p.value, p.problem.code) for p in result.problems] == [(3, "2025-13-01", "bad_date")]
    assert not result.written
