"""A month corrected under months stored after it, from a district that sends 当月 beside 1–X月累计 (probe30b F1).

端州区 sends 1-2月累计, then each month 当月 + 1-X月累计. A's March came as 490万 (1–3月 1,190万); April as 255万
(1–4月 1,445万, which agreed). Then March is re-sent corrected: 当月 510万, 1–3月 1,210万. March becomes 510万 and
April keeps the 255万 the district reported, so the year to date through April becomes 1,465万 — said in a note
with both figures. Before, April was worked out again as the stored 1–4月 less the new 1–3月 (1,445 − 1,210 =
235万), silently, and May's report (当月 100万, 1–5月 1,565万, right for the corrected March) was then refused
(1,565 − 1,445 = 120万 against its 100万). B's figures do not change. Real .xlsx files and databases (both engines)."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

A, B = "华宇新能源电池项目", "恒锐精密铝材项目"
WAN = 10_000


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def report(tmp_path: Path, name: str, month: int, a: tuple, b: tuple) -> Path:
    """端州区's 1-``month``月 report: (当月, 1-X月累计) of A and B in 万元 (当月 None: the column is left out)."""
    own = a[0] is not None
    head = ["序号", "项目编号", "项目名称", "所属行业", "项目状态", "计划总投资（万元）"]
    head += ["当月完成投资（万元）"] if own else []
    head += [f"1-{month}月累计完成投资（万元）"]
    rows = [[1, "ZQ2024002", A, "新能源", "在建", 80000], [2, "ZQ2024003", B, "金属加工", "在建", 30000]]
    for row, figures in zip(rows, (a, b), strict=True):
        row.extend(figures if own else figures[1:])
    title = [[f"端州区2025年1-{month}月重点项目投资完成情况表"], ["单位：万元"], head]
    return write_workbook(tmp_path / name, SheetSpec("Sheet1", [*title, *rows]))


def months(ctx: AppContext, name: str) -> dict[int, int]:
    pid = next(p.id for p in ctx.projects.all_projects() if p.name == name)
    return {r.month: r.amount for r in ctx.projects.investment(pid) if r.year == 2025}


def stored_through_april(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    for path in (
        report(tmp_path, "2月.xlsx", 2, (None, 700), (None, 300)),
        report(tmp_path, "3月.xlsx", 3, (490, 1190), (100, 400)),
        report(tmp_path, "4月.xlsx", 4, (255, 1445), (100, 500)),
    ):
        result = service.import_file(path, ImportOptions())
        assert result.ok, result.problems
    assert months(ctx, A) == {2: 700 * WAN, 3: 490 * WAN, 4: 255 * WAN}


def test_a_corrected_march_with_its_year_to_date_keeps_aprils_own_amount(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    stored_through_april(service, ctx, tmp_path)
    fixed = report(tmp_path, "3月（更正）.xlsx", 3, (510, 1210), (100, 400))
    rehearsed = service.import_file(fixed, ImportOptions(lang="zh"), dry_run=True)
    said = next(n.message("zh") for n in rehearsed.notes if n.code == "note_ytd_shifted")
    assert f"{A}：2025年1–4月 1,445万元 → 1,465万元" in said
    corrected = service.import_file(fixed, ImportOptions(lang="en"))
    assert corrected.ok, corrected.problems
    assert months(ctx, A) == {2: 700 * WAN, 3: 510 * WAN, 4: 255 * WAN}  # April as the district reported it
    assert months(ctx, B) == {2: 300 * WAN, 3: 100 * WAN, 4: 100 * WAN}
    (note,) = [n for n in corrected.notes if n.code == "note_ytd_shifted"]
    assert note.params["count"] == 1 and "Jan–Apr 2025 ¥14.45 mn → ¥14.65 mn" in note.message("en")
    assert "a month reported with its 当月 keeps it" in note.message("en")  # (April's report, if imported again, is
    # refused: its 当月 255万 no longer agrees with 1–4月 1,445万 less the corrected 1–3月)

    may = service.import_file(report(tmp_path, "5月.xlsx", 5, (100, 1565), (100, 600)), ImportOptions())
    assert may.ok, may.problems  # right for the corrected March: accepted
    assert months(ctx, A) == {2: 700 * WAN, 3: 510 * WAN, 4: 255 * WAN, 5: 100 * WAN}
    assert sum(months(ctx, A).values()) == 1565 * WAN


def test_a_correction_above_the_stored_later_year_to_date_is_taken_with_the_note(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """March raised by 300万, more than April's 255万: the new 1–3月 (1,490万) is above the stored 1–4月 (1,445万).
    That was refused as a year to date above a later month's; April's own amount stands, so 1–4月 is 1,745万."""
    stored_through_april(service, ctx, tmp_path)
    fixed = report(tmp_path, "3月（更正）.xlsx", 3, (790, 1490), (100, 400))
    corrected = service.import_file(fixed, ImportOptions(lang="en"))
    assert corrected.ok, corrected.problems
    assert months(ctx, A) == {2: 700 * WAN, 3: 790 * WAN, 4: 255 * WAN}
    (note,) = [n for n in corrected.notes if n.code == "note_ytd_shifted"]
    assert "Jan–Apr 2025 ¥14.45 mn → ¥17.45 mn" in note.message("en")


def test_a_corrected_year_to_date_alone_still_works_april_out_afresh(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """A district sending 1–X月累计 only: April's own amount was never reported, only the 1–4月 it came from;
    a corrected 1–3月 keeps that 1–4月 (domain/cumulative.py), as before."""
    for path in (
        report(tmp_path, "2月.xlsx", 2, (None, 700), (None, 300)),
        report(tmp_path, "3月.xlsx", 3, (None, 1190), (None, 400)),
        report(tmp_path, "4月.xlsx", 4, (None, 1445), (None, 500)),
        report(tmp_path, "3月（更正）.xlsx", 3, (None, 1210), (None, 400)),
    ):
        assert service.import_file(path, ImportOptions()).ok
    assert months(ctx, A) == {2: 700 * WAN, 3: 510 * WAN, 4: 235 * WAN}
