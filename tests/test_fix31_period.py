"""Report periods and dates the import had missed (probe31c).

P31C-2: an .xlsx whose period is only in its file's name (四会市2025年10月项目进度.xlsx, title 重点项目进度表)
imported with exit 0 and without its 当月 and 1-10月 figures; the file's name is now the last source of the
period, said in a note, and never over what the file's content says.
P31C-7: "23年10月" in a date cell was "not a date" (a signing date in an .xlsx, a start in a CSV).
P31C-6: 上年同期1-10月累计 was left out "as nothing says whether a month's amount or a year to date".
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.domain.messages import MESSAGES
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

HEADER = [
    "序号",
    "项目名称",
    "县（市、区）",
    "计划总投资（万元）",
    "当月完成投资（万元）",
    "1-10月累计完成投资（万元）",
]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def records(ctx: AppContext) -> set[tuple]:
    return {
        (p.name, r.year, r.first_month, r.month, r.amount)
        for p in ctx.projects.all_projects()
        for r in ctx.projects.investment(p.id)
    }


def by_file(tmp_path: Path, file: str, title: str, header: list[str], *rows: list) -> Path:
    return write_workbook(tmp_path / file, SheetSpec("Sheet1", [[title], header, *rows]))


def test_a_period_only_in_the_file_name_is_read_and_said(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    path = by_file(
        tmp_path,
        "四会市2025年10月项目进度.xlsx",
        "重点项目进度表",
        HEADER,
        [1, "正和储能电池项目", "四会市", 25000, 60, 900],
    )
    result = service.import_file(path, ImportOptions())
    assert result.written and not result.problems
    assert records(ctx) == {("正和储能电池项目", 2025, 1, 9, 8_400_000), ("正和储能电池项目", 2025, None, 10, 600_000)}
    (note,) = [n for n in result.notes if n.code == "note_period_from_file"]
    en, zh = MESSAGES.say(note.code, "en", **note.params), MESSAGES.say(note.code, "zh", **note.params)
    assert "2025-10" in en and "四会市2025年10月项目进度" in en and "file's name" in en
    assert "2025-10" in zh and "文件名" in zh
    assert not [n for n in result.notes if "period" in n.code and n.code != "note_period_from_file"]


def test_a_month_alone_is_the_file_names_month(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    header = HEADER[:5]
    path = by_file(
        tmp_path,
        "2025年10月重点项目.xlsx",
        "四会市重点项目进度表",
        header,
        [1, "佳宝纺织服装项目", "四会市", 25100, 61],
    )
    result = service.import_file(path, ImportOptions())
    assert result.written and not result.problems
    assert records(ctx) == {("佳宝纺织服装项目", 2025, None, 10, 610_000)}
    assert [n.code for n in result.notes if n.code == "note_period_from_file"] == ["note_period_from_file"]


def test_the_content_wins_over_the_file_name(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    path = by_file(
        tmp_path,
        "四会市2024年项目进度.xlsx",
        "四会市2025年10月重点项目进度表",
        HEADER,
        [1, "正和储能电池项目", "四会市", 25000, 60, 900],
    )
    result = service.import_file(path, ImportOptions())
    assert result.written and not result.problems
    assert {r[1] for r in records(ctx)} == {2025}
    assert not [n for n in result.notes if n.code == "note_period_from_file"]


def test_a_file_name_without_a_period_asks_as_before(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    path = by_file(
        tmp_path, "四会市项目进度.xlsx", "重点项目进度表", HEADER, [1, "正和储能电池项目", "四会市", 25000, 60, 900]
    )
    result = service.import_file(path, ImportOptions())
    assert records(ctx) == set()
    assert not [n for n in result.notes if n.code == "note_period_from_file"]


@pytest.mark.parametrize("file", ["2025年11月报送-10月进度.xlsx", "高要区2024-2025年项目进度.xlsx"])
def test_a_file_name_of_two_months_or_years_is_no_source(
    service: ImportService, ctx: AppContext, tmp_path: Path, file: str
) -> None:
    """Sent in November, of October: which month the figures are of, the name does not settle (it had
    stored a month of 1,000,000 as November's)."""
    path = by_file(tmp_path, file, "重点项目进度表", HEADER[:5], [1, "正和储能电池项目", "四会市", 25000, 100])
    result = service.import_file(path, ImportOptions())
    assert records(ctx) == set() and result.added == 1
    assert not [n for n in result.notes if n.code == "note_period_from_file"]
    assert any("--period" in MESSAGES.say(n.code, "en", **n.params) for n in result.notes)


def dates(ctx: AppContext, field: str) -> dict[str, tuple]:
    return {p.name: (getattr(p, field), getattr(p, f"{field}_precision").value) for p in ctx.projects.all_projects()}


def test_a_two_digit_year_with_nian_in_an_xlsx_date(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    header = ["序号", "项目名称", "县（市、区）", "计划总投资（万元）", "签约时间", "1-10月累计完成投资（万元）"]
    path = by_file(
        tmp_path,
        "签约.xlsx",
        "四会市2025年1-10月重点项目进度表",
        header,
        [1, "东岳电子元件产业园项目", "四会市", 22000, "23年10月", 520],
        [2, "富源食品加工产业园项目", "四会市", 23000, "24年3月8日", 530],
    )
    result = service.import_file(path, ImportOptions())
    assert result.written and not result.problems
    assert dates(ctx, "signed_on") == {
        "东岳电子元件产业园项目": (date(2023, 10, 1), "month"),
        "富源食品加工产业园项目": (date(2024, 3, 8), "day"),
    }


def test_a_two_digit_year_with_nian_in_a_csv(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "高要区2025年10月项目进度.csv"
    lines = [
        "序号,项目名称,县（市、区）,计划总投资（万元）,开工时间,当月完成投资（万元）",
        "1,启明五金制品项目,高要区,25100,23年10月,31",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="gb18030")
    result = service.import_file(path, ImportOptions())
    assert result.written and not result.problems
    assert dates(ctx, "construction_start_on") == {"启明五金制品项目": (date(2023, 10, 1), "month")}
    assert records(ctx) == {("启明五金制品项目", 2025, None, 10, 310_000)}


def test_a_two_digit_year_far_ahead_is_still_refused(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    far = (date.today().year + 6) % 100
    header = ["序号", "项目名称", "县（市、区）", "计划总投资（万元）", "签约时间"]
    path = by_file(
        tmp_path,
        "签约.xlsx",
        "四会市重点项目",
        header,
        [1, "东岳电子元件产业园项目", "四会市", 22000, f"{far:02d}年10月"],
    )
    result = service.import_file(path, ImportOptions())
    assert not result.written
    (problem,) = result.problems
    assert (problem.sheet, problem.row, problem.column) == ("Sheet1", 3, "E")
    assert f"{far:02d}年10月" in problem.reason("en")


def test_last_years_same_period_column_says_why_it_is_left_out(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    header = [
        "序号",
        "项目名称",
        "县（市、区）",
        "计划总投资（万元）",
        "1-10月累计完成投资（万元）",
        "上年同期1-10月累计（万元）",
    ]
    path = by_file(
        tmp_path,
        "四会.xlsx",
        "四会市2025年1-10月重点项目进度",
        header,
        [1, "铭泰食品加工扩建项目", "四会市", 25000, 110, 300],
    )
    said = {}
    for lang in ("zh", "en"):  # the reason is worded in the import's language
        result = service.import_file(path, ImportOptions(lang=lang))
        (note,) = [n for n in result.notes if n.params.get("column") == "F"]
        said[lang] = MESSAGES.say(note.code, lang, **note.params)
    assert records(ctx) == {("铭泰食品加工扩建项目", 2025, 1, 10, 1_100_000)}
    en, zh = said["en"], said["zh"]
    assert "whether its month's amount or its year to date nothing says" not in en
    assert "last year's year to date" in en and "去年1-10月累计" in en
    assert "未注明是当月数还是累计数" not in zh and "上年同期累计数" in zh
    # as the note says: headed 去年1-10月累计, the same column is imported as 2024's January–October
    renamed = by_file(
        tmp_path,
        "四会.xlsx",
        "四会市2025年1-10月重点项目进度",
        [*header[:5], "去年1-10月累计（万元）"],
        [1, "铭泰食品加工扩建项目", "四会市", 25000, 110, 300],
    )
    assert service.import_file(renamed, ImportOptions()).written
    assert ("铭泰食品加工扩建项目", 2024, 1, 10, 3_000_000) in records(ctx)
