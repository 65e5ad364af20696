"""A month's column holding years to date (10月完成投资 with January–October in it) after a stored 1–9月: stored
as October's own amounts it counted January–September twice, exit 0 (carried since session 19). Now, when
nearly every amount of the column is at least what is stored for the months before it, each such row is
asked; the user answers with the column's field (--map "E=ytd" or "E=amount", the preview's header menu).
Real .xlsx files through ImportService, both engines; figures (万元) worked out by hand.

高要区's five projects: 1–9月 stored 900, 1,800, 2,700, 3,600, 4,500; the October file's column 1,000 … 5,000
(the years to date through October, so October's own amounts are 100 … 500).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

WAN = 10_000
NAMES = ["高要区甲项目", "高要区乙项目", "高要区丙项目", "高要区丁项目", "高要区戊项目"]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def report(tmp_path: Path, period: str, header: str, figures: list[int]) -> Path:
    rows = [[i, n, "高要区", 50000, v] for i, (n, v) in enumerate(zip(NAMES, figures, strict=False), 1)]
    title = f"肇庆市高要区2025年{period}重点项目进展情况表"
    head = ["序号", "项目名称", "所属县区", "计划总投资", header]
    return write_workbook(tmp_path / f"{period}.xlsx", SheetSpec("Sheet1", [[title], ["单位：万元"], head, *rows]))


def september(service: ImportService, tmp_path: Path) -> None:
    path = report(tmp_path, "1-9月", "1-9月累计完成投资", [900, 1800, 2700, 3600, 4500])
    assert service.import_file(path, ImportOptions()).ok


def october(tmp_path: Path, figures: list[int] | None = None) -> Path:
    return report(tmp_path, "10月", "10月完成投资", figures or [1000, 2000, 3000, 4000, 5000])


def through(ctx: AppContext, month: int) -> list[int]:
    """Each project's year to date through ``month``, 万元."""
    out = []
    for name in NAMES:
        pid = next(p.id for p in ctx.projects.all_projects() if p.name == name)
        out.append(sum(r.amount for r in ctx.projects.investment(pid) if r.year == 2025 and r.month <= month) // WAN)
    return out


def test_years_to_date_under_a_month_header_are_asked(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    september(service, tmp_path)
    result: ImportResult = service.import_file(october(tmp_path), ImportOptions())
    assert not result.ok and not result.written
    asked = [p for p in result.problems if p.problem.code == "month_like_ytd"]
    assert [p.row for p in asked] == [4, 5, 6, 7, 8] and {p.column for p in asked} == {"E"}
    first = asked[0]
    assert first.value == "1000" and first.problem.params["before"] == 9_000_000  # 1,000万 against 900万
    text = first.reason("en")
    assert "5 of the 5" in text and '--map "E=ytd"' in text and '--map "E=amount"' in text
    assert "本年累计" in first.reason("zh")
    assert through(ctx, 10) == [900, 1800, 2700, 3600, 4500]  # nothing written


def test_answered_as_years_to_date(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    september(service, tmp_path)
    result = service.import_file(october(tmp_path), ImportOptions(column_map={"E": "ytd"}))
    assert result.ok, [p.reason("en") for p in result.problems]
    assert through(ctx, 10) == [1000, 2000, 3000, 4000, 5000]  # October's own: 100 … 500
    assert through(ctx, 10)[0] - through(ctx, 9)[0] == 100


def test_answered_as_the_months_own(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """--map "E=amount" on a month's column: read as October's own (it had dropped the column silently)."""
    september(service, tmp_path)
    result = service.import_file(october(tmp_path), ImportOptions(column_map={"E": "amount"}))
    assert result.ok, [p.reason("en") for p in result.problems]
    assert through(ctx, 10) == [1900, 3800, 5700, 7600, 9500]  # 900 + 1,000 …
    again = service.import_file(october(tmp_path), ImportOptions())
    assert again.ok and not again.written  # the same amounts stored: not asked again


def test_own_amounts_smaller_than_the_months_before_are_not_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    september(service, tmp_path)
    result = service.import_file(october(tmp_path, [100, 200, 3000, 400, 500]), ImportOptions())
    assert result.ok, [p.reason("en") for p in result.problems]  # one of five at least its 1–9月: a big month
    assert through(ctx, 10) == [1000, 2000, 5700, 4000, 5000]


def test_too_few_months_stored_say_nothing(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """A 1–2月 stored, then 3月: two months before it tell nothing of a project starting up."""
    path = report(tmp_path, "1-2月", "1-2月累计完成投资", [100, 200, 300, 400, 500])
    assert service.import_file(path, ImportOptions()).ok
    march = report(tmp_path, "3月", "3月完成投资", [150, 250, 350, 450, 550])
    result = service.import_file(march, ImportOptions())
    assert result.ok, [p.reason("en") for p in result.problems]
    assert through(ctx, 3) == [250, 450, 650, 850, 1050]


def test_a_ytd_chosen_for_a_column_without_a_month(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """--map "E=ytd" on a bare 完成投资 under a title of 10月: through the title's month."""
    september(service, tmp_path)
    path = report(tmp_path, "10月", "完成投资", [1000, 2000, 3000, 4000, 5000])
    result = service.import_file(path, ImportOptions(column_map={"完成投资": "ytd"}))
    assert result.ok, [p.reason("en") for p in result.problems]
    assert through(ctx, 10) == [1000, 2000, 3000, 4000, 5000]


@pytest.mark.parametrize(("lang", "said"), [("en", "Year to date"), ("zh", "本年累计完成投资")])
def test_the_dialog_asks_and_the_column_menu_answers(
    qtbot, translations, service: ImportService, ctx: AppContext, tmp_path: Path, artifacts: Path, lang: str, said: str
) -> None:
    from PySide6.QtGui import QUndoStack
    from test_import_dialog import wait_idle

    from zqtracker.ui.events import DataEvents
    from zqtracker.ui.import_dialog import ImportDialog

    translations.switch(lang)
    september(service, tmp_path)
    dialog = ImportDialog(ctx, DataEvents(), QUndoStack(), None, path=october(tmp_path), lang=lang)
    qtbot.addWidget(dialog)
    dialog.remember_check.setChecked(False)
    dialog.resize(1366, 768)
    dialog.show()
    wait_idle(qtbot, dialog)
    tree = dialog.problem_list.tree
    reasons = [tree.topLevelItem(i).text(4) for i in range(tree.topLevelItemCount())]
    assert len(reasons) == 5 and all(said in r and "--map" not in r for r in reasons)  # the dialog's way, no flag
    assert not dialog.can_import()
    dialog.grab().save(str(artifacts / f"import-month-like-ytd-{lang}.png"))
    dialog.apply_choice(4, ("field", "ytd"))  # column E's menu: Year to date
    wait_idle(qtbot, dialog)
    assert tree.topLevelItemCount() == 0 and dialog.can_import()
    dialog.grab().save(str(artifacts / f"import-month-like-ytd-{lang}-answered.png"))
