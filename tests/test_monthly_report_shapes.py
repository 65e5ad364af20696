"""Monthly district reports in shapes real districts send, September then October: 自开工累计 that
changed, a 1–X月计划 (target) column beside the actual 1–X月累计, a month's column with its unit in
the header, a September given alone (本月) before a year to date. Real .xlsx files and databases
(both engines); every figure worked out by hand in the comments."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.domain.cumulative import derive_from_ytd
from zqtracker.domain.models import InvestmentRecord
from zqtracker.domain.words import APP
from zqtracker.io.errors import WorkbookRefused
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def records(ctx: AppContext, name: str) -> list[tuple[int, int, int, int]]:
    """(year, first month, last month, yuan) of a project's records."""
    pid = next(p.id for p in ctx.projects.all_projects() if p.name == name)
    return [(r.year, r.first, r.month, r.amount) for r in ctx.projects.investment(pid)]


def report(path: Path, title: str, head: list[str], *rows: list) -> Path:
    return write_workbook(path, SheetSpec(path.stem, [[title], ["单位：万元"], head, *map(list, rows)]))


SEP_HEAD = ["序号", "项目名称", "所在区域", "总投资", "1-9月累计完成投资", "9月完成投资", "自开工累计完成投资"]
OCT_HEAD = ["序号", "项目名称", "所在区域", "总投资", "1-10月累计完成投资", "10月完成投资", "自开工累计完成投资"]


def september(service: ImportService, tmp_path: Path) -> None:
    sep = report(tmp_path / "9月.xlsx", "高要区2025年1-9月重点项目进展情况表", SEP_HEAD,
                 [1, "恒通光伏组件扩产项目", "高要区", 50000, 8500, 900, 25600],
                 [2, "华南新材料产业园（一期）", "高要区", 30000, 3200.5, 300, 3200.5])  # fmt: skip
    assert service.import_file(sep, ImportOptions()).ok


def test_since_start_that_changed_updates_the_project(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    september(service, tmp_path)
    oct_ = report(tmp_path / "10月.xlsx", "高要区2025年1-10月重点项目进展情况表", OCT_HEAD,
                  [1, "恒通光伏组件扩产项目", "高要区", 50000, 9700, 1200, 26800],
                  [2, "华南新材料产业园（一期）", "高要区", 30000, 3550.5, 350, 3550.5])  # fmt: skip
    result = service.import_file(oct_, ImportOptions())  # was "sign must be an integer…", exit 2
    assert result.ok and result.updated == 2 and result.investment_records == 2
    # October: 9,700 − 8,500 = 1,200 万元 (as its 10月 column says); 3,550.5 − 3,200.5 = 350
    assert records(ctx, "恒通光伏组件扩产项目")[-1] == (2025, 10, 10, 12_000_000)
    assert records(ctx, "华南新材料产业园（一期）")[-1] == (2025, 10, 10, 3_500_000)
    (p,) = [p for p in ctx.projects.all_projects() if p.name == "恒通光伏组件扩产项目"]
    # 26,800 万元 through October (was 25,600 through September)
    assert (p.since_start_amount, p.since_start_year, p.since_start_month) == (268_000_000, 2025, 10)
    assert service.import_file(oct_, ImportOptions()).investment_records == 0  # again: nothing changes


def test_a_target_column_is_not_the_year_to_date(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    september(service, tmp_path)
    head = ["序号", "项目名称", "所在区域", "年度计划投资", "1-10月计划完成投资", "1-10月累计完成投资", "10月完成投资"]
    oct_ = report(tmp_path / "10月.xlsx", "高要区2025年1-10月重点项目进展情况表", head,
                  [1, "恒通光伏组件扩产项目", "高要区", 12000, 10000, 9700, 1200],
                  [2, "华南新材料产业园（一期）", "高要区", 5000, 4200, 3550.5, 350])  # fmt: skip
    result = service.import_file(oct_, ImportOptions())
    assert result.ok
    # the actual 9,700 (not the target 10,000): October 9,700 − 8,500 = 1,200 万元, agreeing with 10月
    assert records(ctx, "恒通光伏组件扩产项目")[-1] == (2025, 10, 10, 12_000_000)
    assert records(ctx, "华南新材料产业园（一期）")[-1] == (2025, 10, 10, 3_500_000)
    said = " ".join(n.message("en") for n in result.notes)
    assert "1-10月计划完成投资" in said and "a planned figure, not completed investment" in said


def test_a_month_column_with_its_unit_in_the_header(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    september(service, tmp_path)
    head = ["项目名称", "所在区域", "年度计划投资（万元）", "10月完成投资（万元）"]
    oct_ = write_workbook(tmp_path / "10月.xlsx", SheetSpec("10月", [["高要区2025年10月重点项目进展情况表"], head,
                          ["恒通光伏组件扩产项目", "高要区", 12000, 1200],
                          ["华南新材料产业园（一期）", "高要区", 5000, 350]]))  # fmt: skip
    result = service.import_file(oct_, ImportOptions())
    assert result.ok and result.investment_records == 2  # was "not a known column": October left out
    assert records(ctx, "恒通光伏组件扩产项目")[-1] == (2025, 10, 10, 12_000_000)
    # both a 1–10月 and a 10月 column with units: they must agree (9,700 − 8,500 = 1,200, not 1,000)
    disagree = write_workbook(tmp_path / "10月b.xlsx", SheetSpec("10月", [["高要区2025年1-10月重点项目进展情况表"],
                              ["项目名称", "所在区域", "1-10月累计完成投资（万元）", "10月完成投资（万元）"],
                              ["华南新材料产业园（一期）", "高要区", 3550.5, 100]]))  # fmt: skip
    refused = service.import_file(disagree, ImportOptions())
    assert [p.problem.code for p in refused.problems] == ["resent_month_disagree"] and not refused.written


def test_a_month_given_alone_before_a_year_to_date(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    listed = write_workbook(tmp_path / "清单.xlsx", SheetSpec("清单", [["项目名称", "所在区域", "总投资（万元）"],
                            ["端州数字经济产业园", "端州区", 30000]]))  # fmt: skip
    assert service.import_file(listed, ImportOptions()).added == 1
    sep = write_workbook(tmp_path / "9月.xlsx", SheetSpec("9月", [["端州区2025年9月重点项目进展"], ["单位：万元"],
                         ["项目名称", "所在区域", "本月完成投资"], ["端州数字经济产业园", "端州区", 900]]))  # fmt: skip
    assert service.import_file(sep, ImportOptions()).investment_records == 1
    head = ["项目名称", "所在区域", "1-10月累计完成投资"]
    oct_ = write_workbook(tmp_path / "10月.xlsx", SheetSpec("10月", [["端州区2025年1-10月重点项目进展"], ["单位：万元"],
                          head, ["端州数字经济产业园", "端州区", 9700]]))  # fmt: skip
    result = service.import_file(oct_, ImportOptions())
    assert result.ok
    # September stays September alone (not relabelled 1–9月); October is 9,700 − 900 = 8,800 万元,
    # which counts January–August as 0 — and the note says so
    assert records(ctx, "端州数字经济产业园") == [(2025, 9, 9, 9_000_000), (2025, 10, 10, 88_000_000)]
    (note,) = [n for n in result.notes if n.code == "note_ytd_unreported"]
    assert "“10月” 4: Jan–Aug 2025" in note.message("en") and "按 0 计算" in note.message("zh")
    assert service.import_file(oct_, ImportOptions()).investment_records == 0


def test_stored_records_keep_the_months_they_cover() -> None:
    stored = [InvestmentRecord(7, 2025, 9, 900)]  # September alone
    d = derive_from_ytd(7, 2025, stored, {10: 9700})
    assert d.write == (InvestmentRecord(7, 2025, 10, 8800),) and d.unreported == tuple(range(1, 9))
    # a first report through August fills the months before it: September's own 900 adds to it
    d = derive_from_ytd(7, 2025, stored, {8: 7600})
    assert d.write == (InvestmentRecord(7, 2025, 8, 7600, 1),) and d.unreported == ()
    # a year to date through October below September's own amount is a decrease (900 > 800)
    assert [p.code for p in derive_from_ytd(7, 2025, stored, {10: 800}).problems] == ["ytd_decrease"]
    # a span stored from January leaves no gap
    spanned = [InvestmentRecord(7, 2025, 9, 8500, 1)]
    assert derive_from_ytd(7, 2025, spanned, {10: 9700}).unreported == ()


@pytest.mark.parametrize("newest_first", [False, True])
def test_a_sheet_per_month_takes_the_latest_progress(
    service: ImportService, ctx: AppContext, tmp_path: Path, newest_first: bool
) -> None:
    def month(m: int, own: int, ytd: int, progress: str) -> SheetSpec:
        head = ["项目名称", "所在区域", "当月完成投资", f"1-{m}月累计完成投资", "形象进度"]
        return SheetSpec(f"{m}月", [[f"端州区2025年1-{m}月重点项目进展"], ["单位：万元"], head,
                                   ["端州新型显示项目", "端州区", own, ytd, progress]])  # fmt: skip

    sep, oct_ = month(9, 700, 6000, "完成60%"), month(10, 800, 6800, "完成70%")
    path = write_workbook(tmp_path / "月报.xlsx", *((oct_, sep) if newest_first else (sep, oct_)))
    result = service.import_file(path, ImportOptions())  # was refused: 形象进度 differs between the sheets
    assert result.ok and result.added == 1, result.problems
    (p,) = ctx.projects.all_projects()
    assert p.progress_note == "完成70%"  # October's, whichever sheet comes first
    # 1–8月 6,000 − 700 = 5,300 万元, September 700, October 6,800 − 6,000 = 800
    assert records(ctx, "端州新型显示项目") == [
        (2025, 1, 8, 53_000_000),
        (2025, 9, 9, 7_000_000),
        (2025, 10, 10, 8_000_000),
    ]


def test_a_title_and_a_header_naming_different_months_are_a_question(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    september(service, tmp_path)
    head = ["项目名称", "所在区域", "1-9月累计完成投资"]
    path = write_workbook(tmp_path / "f26.xlsx", SheetSpec("Sheet1", [["高要区2025年1-10月重点项目进展情况表"],
                          ["单位：万元"], head, ["恒通光伏组件扩产项目", "高要区", 9700]]))  # fmt: skip
    refused = service.import_file(path, ImportOptions())  # read as 1–9月 before, silently
    (problem,) = refused.problems
    assert not refused.written and problem.problem.code == "period_conflict" and problem.column == "C"
    assert "through month 10" in problem.reason("en") and "1–9" in problem.reason("en")
    assert "截至 10 月" in problem.reason("zh")


def test_a_sheet_named_for_another_month_than_its_title_is_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """A sheet named 9月 under a title of 1-10月: a stale name, or a stale title? Read by the title it
    rewrote a stored month with only a note (probe20a R5); now asked, and --period answers."""
    september(service, tmp_path)
    path = write_workbook(tmp_path / "f16.xlsx", SheetSpec("9月", [["高要区2025年1-10月重点项目进展情况表"],
                          ["单位：万元"], ["项目名称", "所在区域", "累计完成投资"],
                          ["恒通光伏组件扩产项目", "高要区", 9700]]))  # fmt: skip
    asked = service.import_file(path, ImportOptions())
    (problem,) = asked.problems
    assert not asked.written and problem.problem.code == "period_sheet_name" and problem.column == "C"
    assert "name says month 9, its title 1–10" in problem.reason("en") and "--period 2025-9" in problem.reason("en")
    assert "表名为 9 月" in problem.reason("zh") and "报表月份" in problem.reason("zh", APP)
    result = service.import_file(path, ImportOptions(period=(2025, 10)))
    assert result.ok
    assert records(ctx, "恒通光伏组件扩产项目")[-1] == (2025, 10, 10, 12_000_000)  # through October: 9,700 − 8,500
    (note,) = [n for n in result.notes if n.code == "note_period_said"]
    assert "read as of 2025-10, as you said" in note.message("en")


def test_a_stale_title_over_a_sheet_named_for_the_next_month(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """October's figures under September's title (1-9月), in a sheet named 10月, read by the title,
    rewrote September's stored 8,500 万元 as 9,700 (probe20a R5): asked; said to be October, September
    stays and October is the difference."""
    september(service, tmp_path)
    path = write_workbook(tmp_path / "r5.xlsx", SheetSpec("10月", [["高要区2025年1-9月重点项目进展情况表"],
                          ["单位：万元"], ["项目名称", "所在区域", "累计完成投资"],
                          ["恒通光伏组件扩产项目", "高要区", 9700]]))  # fmt: skip
    before = records(ctx, "恒通光伏组件扩产项目")
    asked = service.import_file(path, ImportOptions())
    assert [p.problem.code for p in asked.problems] == ["period_sheet_name"] and records(
        ctx, "恒通光伏组件扩产项目"
    ) == before
    assert service.import_file(path, ImportOptions(period=(2025, 10))).ok
    assert records(ctx, "恒通光伏组件扩产项目") == [*before, (2025, 10, 10, 12_000_000)]


def test_a_title_without_a_year_takes_the_year_the_user_says(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """高要区1-10月… names no year: the year to date was left out with a note (probe20a N2); the note now
    says how to say the period, and ImportOptions.period (--period 2025-10) imports it. A sheet whose
    only figures are those is refused, saying so."""
    september(service, tmp_path)
    title = "高要区1-10月重点项目进展情况表"
    path = report(tmp_path / "oct.xlsx", title, ["项目名称", "所在区域", "总投资", "1-10月累计完成投资"],
                  ["恒通光伏组件扩产项目", "高要区", 50000, 9700])  # fmt: skip
    noted = service.import_file(path, ImportOptions(), dry_run=True)
    assert noted.ok and noted.investment_records == 0
    words = [n.message("en") for n in noted.notes]
    assert any("a year to date of a year nothing names" in w for w in words), words
    assert any("--period 2025-10" in w for w in words), words
    assert any("报表月份" in n.message("zh", APP) for n in noted.notes)
    result = service.import_file(path, ImportOptions(period=(2025, 10)))
    assert result.ok and result.investment_records == 1
    assert records(ctx, "恒通光伏组件扩产项目")[-1] == (2025, 10, 10, 12_000_000)
    alone = report(tmp_path / "alone.xlsx", title, ["项目名称", "1-10月累计完成投资"], ["恒通光伏组件扩产项目", 9700])
    with pytest.raises(WorkbookRefused) as refused:
        service.import_file(alone, ImportOptions())
    assert "--period 2025-10" in refused.value.message("en") and "--period" not in refused.value.message("en", APP)


def test_a_months_own_amount_under_its_year_to_date(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """1-10月完成投资 merged over 累计 | 其中：10月: the year to date and October's own amount (which
    splits 1–10月 into 1–9月 and 10月); 其中：10月 was left out as another year to date."""
    rows = [["高要区2025年1-10月重点项目进展情况表"], ["单位：万元"],
            ["序号", "项目名称", "所在区域", "总投资", "1-10月完成投资", None],
            [None, None, None, None, "累计", "其中：10月"],
            [1, "恒通光伏组件扩产项目", "高要区", 50000, 9700, 1200]]  # fmt: skip
    merges = ["A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:F3"]
    path = write_workbook(tmp_path / "f13.xlsx", SheetSpec("10月", rows, merges=merges))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 1
    assert records(ctx, "恒通光伏组件扩产项目") == [(2025, 1, 9, 85_000_000), (2025, 10, 10, 12_000_000)]
