"""A list of projects exported a row per project and month (项目名称 | 所属区 | 计划总投资 | 月份 | 完成投资,
the project's fields repeated on each of its rows), as statistics systems export them: one project, each
row's month its own record. It was refused before ("Project name … already appears in row 3"). Real
.xlsx files through ImportService, on both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

HEAD = ["序号", "项目名称", "所属区", "计划总投资", "形象进度", "月份", "完成投资"]
TITLE = "2025年重点项目月度完成投资（万元）"


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def long_list(path: Path, *rows: tuple) -> Path:
    return write_workbook(path, SheetSpec("月报", [[TITLE], HEAD, *([i, *r] for i, r in enumerate(rows, 1))]))


def records(ctx: AppContext) -> dict[tuple[str, int, int], int]:
    """{(name, year, month): yuan} of every record (each a month's own: no span of months)."""
    out = {}
    for p in ctx.projects.all_projects():
        for r in ctx.projects.investment(p.id):
            assert r.first == r.month
            out[(p.name, r.year, r.month)] = r.amount
    return out


def reasons(result) -> list[tuple[int, str, str]]:
    return [(p.row, p.problem.code, p.problem.field) for p in result.problems]


def test_a_project_on_a_row_per_month_is_one_project_with_each_month(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    january = long_list(tmp_path / "1.xlsx",
                        ("甲项目", "端州区", 1000, "", "2025-01", 10),
                        ("甲项目", "端州区", 1000, "", "2025-02", 20),  # row 4
                        ("乙项目", "鼎湖区", 500, "", "2025-01", 5),
                        ("乙项目", "鼎湖区", 500, "", "2025-02", 7),  # row 6
                        ("丙项目", "高要区", 800, "", "2025-02", 9))  # fmt: skip
    result = service.import_file(january, ImportOptions())
    assert result.ok and (result.added, result.investment_records) == (3, 5), reasons(result)
    assert sorted(p.name for p in ctx.projects.all_projects()) == ["丙项目", "乙项目", "甲项目"]
    assert {p.name: p.planned_investment for p in ctx.projects.all_projects()} == {
        "甲项目": 10_000_000, "乙项目": 5_000_000, "丙项目": 8_000_000}  # fmt: skip
    assert records(ctx) == {
        ("甲项目", 2025, 1): 100_000, ("甲项目", 2025, 2): 200_000,
        ("乙项目", 2025, 1): 50_000, ("乙项目", 2025, 2): 70_000,
        ("丙项目", 2025, 2): 90_000,
    }  # fmt: skip
    said = " ".join(n.message("en") for n in result.notes)
    assert "2 project(s) come on a row per month; their later rows (4, 6) are stored" in said
    again = service.import_file(january, ImportOptions())
    assert again.ok and (again.added, again.updated, again.unchanged, again.investment_records) == (0, 0, 3, 0)
    # the next export: stored projects matched, their new months written, a new project on two rows
    march = long_list(tmp_path / "3.xlsx",
                      ("甲项目", "端州区", 1000, "", "2025-02", 20),
                      ("甲项目", "端州区", 1000, "", "2025-03", 30),
                      ("丁项目", "鼎湖区", 300, "", "2025-03", 1),
                      ("丁项目", "鼎湖区", 300, "", "2025-02", 2))  # fmt: skip
    later = service.import_file(march, ImportOptions())
    assert later.ok and (later.added, later.unchanged, later.investment_records) == (1, 1, 3), reasons(later)
    got = records(ctx)
    assert got[("甲项目", 2025, 3)] == 300_000 and got[("甲项目", 2025, 2)] == 200_000
    assert got[("丁项目", 2025, 2)] == 20_000 and got[("丁项目", 2025, 3)] == 10_000
    assert len(ctx.projects.all_projects()) == 4


def test_years_to_date_on_a_row_per_month_give_each_months_own_amount(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    path = long_list(tmp_path / "ytd.xlsx",
                     ("甲项目", "端州区", 1000, "", "1-2月", 25),
                     ("甲项目", "端州区", 1000, "", "1-1月", 10))  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 1, reasons(result)
    # 1-1月 10万 is January's; 1-2月 25万 less it is February's 15万
    assert records(ctx) == {("甲项目", 2025, 1): 100_000, ("甲项目", 2025, 2): 150_000}


def test_the_latest_months_progress_is_the_projects_whatever_the_row_order(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    path = long_list(tmp_path / "p.xlsx",
                     ("甲项目", "端州区", 1000, "主体封顶", "2025-03", 30),
                     ("甲项目", "端州区", 1000, "土建50%", "2025-01", 10),
                     ("甲项目", "端州区", 1000, "", "2025-02", 20))  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 1, reasons(result)
    assert [p.progress_note for p in ctx.projects.all_projects()] == ["主体封顶"]


def test_rows_that_disagree_are_problems_of_the_later_row(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    month_twice = long_list(tmp_path / "m.xlsx",
                            ("甲项目", "端州区", 1000, "", "2025-01", 10),
                            ("甲项目", "端州区", 1000, "", "2025-01", 12))  # fmt: skip
    result = service.import_file(month_twice, ImportOptions())
    assert not result.ok and reasons(result) == [(4, "duplicate_in_file", "month")]
    assert "'2025-01' already appears in row 3" in result.problems[0].reason()
    planned = long_list(tmp_path / "p.xlsx",
                        ("甲项目", "端州区", 1000, "", "2025-01", 10),
                        ("甲项目", "端州区", 1200, "", "2025-02", 12))  # fmt: skip
    result = service.import_file(planned, ImportOptions())
    assert not result.ok and reasons(result) == [(4, "differs_from_view", "planned_investment")]
    # a repeated row with no month says nothing of its own: the same project twice, as before
    no_month = long_list(tmp_path / "n.xlsx",
                         ("甲项目", "端州区", 1000, "", "2025-01", 10),
                         ("甲项目", "端州区", 1000, "", None, None))  # fmt: skip
    result = service.import_file(no_month, ImportOptions())
    assert not result.ok and reasons(result) == [(4, "duplicate_in_file", "name")]
    assert ctx.projects.all_projects() == []
    # one name in two districts is two projects
    apart = long_list(tmp_path / "d.xlsx",
                      ("甲项目", "端州区", 1000, "", "2025-01", 10),
                      ("甲项目", "鼎湖区", 1000, "", "2025-02", 12))  # fmt: skip
    result = service.import_file(apart, ImportOptions())
    assert result.ok and result.added == 2


def test_the_same_figure_given_twice_for_a_month_is_stored_once(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    path = long_list(tmp_path / "s.xlsx",
                     ("甲项目", "端州区", 1000, "", "2025-01", 10),
                     ("甲项目", "端州区", 1000, "", "2025-01", 10))  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok and (result.added, result.investment_records) == (1, 1)
    assert records(ctx) == {("甲项目", 2025, 1): 100_000}


def test_the_preview_says_which_row_each_later_month_belongs_to(
    qtbot, translations, ctx: AppContext, tmp_path: Path, artifacts: Path
) -> None:
    from test_import_dialog import wait_idle
    from test_import_dialog_totals import shown

    from zqtracker.ui.import_preview import STATUS_COLUMN

    translations.switch("zh_CN")
    path = long_list(tmp_path / "月报.xlsx",
                     ("甲项目", "端州区", 1000, "土建50%", "2025-01", 10),
                     ("甲项目", "端州区", 1000, "主体封顶", "2025-02", 20),  # row 4
                     ("乙项目", "鼎湖区", 500, "", "2025-02", 7))  # fmt: skip
    dialog = shown(qtbot, ctx, path, "zh")
    model = dialog.preview.model
    later = 3 - model.sheet.raw.row_offset  # sheet row 4
    assert model.data(model.index(later, STATUS_COLUMN)).startswith("第 3 行项目的另一个月")
    assert "1 个项目按月逐行填报；其后各行（第 4 行）记为这些项目的月度完成投资" in dialog.notes_label.text()
    assert dialog.can_import() and dialog.analysis.added == 2
    dialog.grab().save(str(artifacts / "import-row-per-month-zh.png"))
    translations.switch("en")
    wait_idle(qtbot, dialog)
    model = dialog.preview.model
    assert model.data(model.index(later, STATUS_COLUMN)).startswith("Another month of the project in row 3")
    assert "their later rows (4) are stored as those projects' monthly figures" in dialog.notes_label.text()
    bar, q = dialog.options_bar, dialog.questions  # opened in Chinese: the combos grow to the English words
    for combo in (bar.unit_combo, bar.mode_combo, bar.show_combo, q.defaults.status_combo):
        assert combo.width() >= combo.fontMetrics().horizontalAdvance(combo.currentText()) + 16, combo.currentText()
    dialog.grab().save(str(artifacts / "import-row-per-month-en-after-switch.png"))


def test_two_enterprises_projects_of_one_name_stay_two(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """标准厂房建设项目 of two enterprises in one district are two projects, a row per month each."""
    head = ["项目名称", "所属区", "建设单位", "计划总投资", "月份", "完成投资"]
    rows = [["标准厂房建设项目", "高要区", "甲公司", 1000, "2025-01", 10],
            ["标准厂房建设项目", "高要区", "乙公司", 800, "2025-01", 8],
            ["标准厂房建设项目", "高要区", "甲公司", 1000, "2025-02", 20],
            ["标准厂房建设项目", "高要区", "乙公司", 800, "2025-02", 9]]  # fmt: skip
    path = write_workbook(tmp_path / "e.xlsx", SheetSpec("月报", [[TITLE], head, *rows]))
    result = service.import_file(path, ImportOptions())
    assert result.ok and (result.added, result.investment_records) == (2, 4), reasons(result)
    by_enterprise = {p.enterprise: p.planned_investment for p in ctx.projects.all_projects()}
    assert by_enterprise == {"甲公司": 10_000_000, "乙公司": 8_000_000}
