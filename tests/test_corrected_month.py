"""A month corrected under months stored after it (probe15 F1): 高要区 sends March as 当月 (A's 1,077万, a
typo for 577万), then April as 1–4月累计 (A 2,446万: April's own amount worked out as 2,446 − 1,477 = 969万),
then re-sends March corrected. March becomes 577万; April keeps its 969万, so the year to date through April
becomes 1,946万, not the 2,446万 the district reported. The records do not say April came from a year to
date, so nothing is re-derived; the import says so, with both figures, and importing April's report again
puts it right (2,446 − 977 = 1,469万). A correction with no later month stored, or one that leaves the later
years to date as they were, says nothing. Real .xlsx files and databases (both engines)."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

A, B = "恒通光伏组件扩产项目", "华南新材料产业园（一期）"
WAN = 10_000


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def monthly(tmp_path: Path, name: str, a_march: float) -> Path:
    """1–3月 as each month's own amount (当月)."""
    head = ["序号", "项目名称", "所在区域", "计划总投资", "2026年1月完成投资", "2026年2月完成投资", "2026年3月完成投资"]
    title = [["高要区2026年1-3月重点项目完成投资"], ["单位：万元"], head]
    return write_workbook(tmp_path / name, SheetSpec("1-3月", [*title,
                          [1, A, "高要区", 50000, 200, 200, a_march],
                          [2, B, "高要区", 30000, 100, 100, 100]]))  # fmt: skip


def april(tmp_path: Path) -> Path:
    head = ["序号", "项目名称", "所在区域", "计划总投资", "1-4月累计完成投资"]
    title = [["高要区2026年1-4月重点项目完成投资"], ["单位：万元"], head]
    return write_workbook(tmp_path / "4月.xlsx", SheetSpec("4月", [*title,
                          [1, A, "高要区", 50000, 2446],
                          [2, B, "高要区", 30000, 400]]))  # fmt: skip


def months(ctx: AppContext, name: str) -> dict[int, int]:
    pid = next(p.id for p in ctx.projects.all_projects() if p.name == name)
    return {r.month: r.amount for r in ctx.projects.investment(pid) if r.year == 2026}


def test_a_corrected_month_under_a_year_to_date_says_the_later_year_to_date_moves(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    first = service.import_file(monthly(tmp_path, "3月.xlsx", 1077), ImportOptions())
    assert first.ok and "note_ytd_shifted" not in {n.code for n in first.notes}
    assert service.import_file(april(tmp_path), ImportOptions()).ok
    assert months(ctx, A) == {1: 200 * WAN, 2: 200 * WAN, 3: 1077 * WAN, 4: 969 * WAN}
    assert months(ctx, B) == {1: 100 * WAN, 2: 100 * WAN, 3: 100 * WAN, 4: 100 * WAN}

    fixed = monthly(tmp_path, "3月（更正）.xlsx", 577)
    rehearsed = service.import_file(fixed, ImportOptions(lang="zh"), dry_run=True)  # said in Chinese too
    said = next(n.message("zh") for n in rehearsed.notes if n.code == "note_ytd_shifted")
    assert "恒通光伏组件扩产项目：2026年1–4月 2,446万元 → 1,946万元" in said and "请重新导入" in said
    corrected = service.import_file(fixed, ImportOptions(lang="en"))
    assert corrected.ok
    assert months(ctx, A) == {1: 200 * WAN, 2: 200 * WAN, 3: 577 * WAN, 4: 969 * WAN}  # April kept
    notes = [n for n in corrected.notes if n.code == "note_ytd_shifted"]
    assert len(notes) == 1 and notes[0].params["count"] == 1  # A only: B's March did not change
    text = notes[0].message("en")
    assert A in text and B not in text and "Jan–Apr 2026 ¥24.46 mn → ¥19.46 mn" in text

    again = service.import_file(april(tmp_path), ImportOptions())  # what the note says to do
    assert again.ok and "note_ytd_shifted" not in {n.code for n in again.notes}
    assert months(ctx, A) == {1: 200 * WAN, 2: 200 * WAN, 3: 577 * WAN, 4: 1469 * WAN}
    assert sum(months(ctx, A).values()) == 2446 * WAN  # the district's 1–4月 again


def test_a_correction_under_several_later_months_names_the_first_and_the_last(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """probe33b F7: a month sheet alone (code, name, 月份, amount — no project row fetched) corrects
    A's January (200 → 500万) under February–April stored: the note names A by its name (was "1:") and
    the years to date through February (400 → 700万) and through April (1,946 … here 200+200+1077+969 =
    2,446 → 2,746万), the months between moving alike."""
    service.import_file(monthly(tmp_path, "3月.xlsx", 1077), ImportOptions())
    service.import_file(april(tmp_path), ImportOptions())
    head = ["项目名称", "所在区域", "月份", "完成投资（万元）"]
    fixed = write_workbook(tmp_path / "1月更正.xlsx", SheetSpec("月度完成投资", [head, [A, "高要区", "2026-01", 500]]))
    result = service.import_file(fixed, ImportOptions(lang="zh"))
    assert result.ok and months(ctx, A)[1] == 500 * WAN
    (note,) = [n.message("zh") for n in result.notes if n.code == "note_ytd_shifted"]
    assert f"{A}：2026年1–2月 400万元 → 700万元 … 2026年1–4月 2,446万元 → 2,746万元" in note, note


def test_a_correction_with_nothing_stored_after_it_says_nothing(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    assert service.import_file(monthly(tmp_path, "3月.xlsx", 1077), ImportOptions()).ok
    corrected = service.import_file(monthly(tmp_path, "3月（更正）.xlsx", 577), ImportOptions())
    assert corrected.ok and months(ctx, A)[3] == 577 * WAN
    assert "note_ytd_shifted" not in {n.code for n in corrected.notes}


@pytest.mark.engine("sqlite")
@pytest.mark.parametrize(
    ("lang", "said"), [("en", "Jan–Apr 2026 ¥24.46 mn → ¥19.46 mn"), ("zh", "2,446万元 → 1,946万元")]
)
def test_the_desktop_preview_shows_the_later_year_to_date_moving(
    qtbot, translations, ctx: AppContext, tmp_path: Path, artifacts: Path, lang: str, said: str
) -> None:
    from test_import_dialog_totals import shown

    translations.switch(lang)
    service = ImportService(ctx.database)
    service.import_file(monthly(tmp_path, "3月.xlsx", 1077), ImportOptions())
    service.import_file(april(tmp_path), ImportOptions())
    dialog = shown(qtbot, ctx, monthly(tmp_path, "3月（更正）.xlsx", 577), lang)
    assert said in dialog.notes_label.text() and dialog.can_import()  # a note: the user decides, having seen it
    dialog.grab().save(str(artifacts / f"import-corrected-month-{lang}.png"))
