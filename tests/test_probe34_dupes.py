"""Two rows of one file on one project with different figures, and two stored projects whose names differ
only in bracket width (probe34b F5, probe34a F8). Real .xlsx files written by openpyxl, imported through the
service and the CLI into one database, both engines; figures by hand (万元 × 10,000 = yuan).

F5: 端州区's October list repeats ZQ26006 in row 9 with 8,969 / 1,042万 against row 4's 8,669 / 742万: only
row 9 was refused, and with --skip-invalid row 4 was stored, its 742万 as if it were known right. F8: C0
stores 星湖产业园（一期） and 星湖产业园(一期) in 端州区 as two projects; a list naming them by name and district
was refused ("give the project code or the district", the district given), row 2 taken for a repeat."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.cli.console import ExitCode
from zqtracker.cli.main import main
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

WAN = 10_000
TITLE = ["2026年10月 端州区重点项目进度表"]
BASE_HEAD = ["序号", "项目编号", "项目名称", "所属县区", "项目状态", "总投资（万元）"]
BASE = [
    [1, "ZQ26001", "端州宏达新材料项目", "端州区", "在建", 20000],
    [2, "ZQ26006", "端州智能装备产业园", "端州区", "在建", 30000],
    [3, "ZQ26007", "端州城东物流中心", "端州区", "在建", 15000],
]
OCT_HEAD = ["序号", "项目编号", "项目名称", "项目状态", "1-10月累计完成投资（万元）", "当月完成投资（万元）"]
OCT = [
    [1, "ZQ26001", "端州宏达新材料项目", "在建", 5000, 400],
    [2, "ZQ26006", "端州智能装备产业园", "在建", 8669, 742],
    [3, "ZQ26007", "端州城东物流中心", "在建", 3000, 250],
]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def october(tmp_path: Path, *extra: list) -> Path:
    """The October list: title (row 1), unit line, header (row 3), rows from row 4."""
    rows = [TITLE, ["单位：万元"], OCT_HEAD, *OCT, *extra]
    return write_workbook(tmp_path / "oct.xlsx", SheetSpec("端州区", rows))


def asked(result: ImportResult) -> list[tuple[int, str]]:
    return sorted((p.row, p.problem.code) for p in result.problems)


def months(ctx: AppContext, code: str) -> dict[tuple[int, int], int]:
    pid = ctx.projects.id_by_code(code)
    assert pid is not None
    return {(r.year, r.month): r.amount for r in ctx.projects.investment(pid)}


def base(service: ImportService, tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "base.xlsx", SheetSpec("项目", [["单位：万元"], BASE_HEAD, *BASE]))
    assert service.import_file(path, ImportOptions()).ok


def test_a_code_repeated_with_other_figures_refuses_both_rows(
    service: ImportService, ctx: AppContext, tmp_path: Path, db_url: str
) -> None:
    base(service, tmp_path)
    path = october(tmp_path, [4, "ZQ26006", "端州智能装备产业园", "在建", 8969, 1042])  # row 7
    result = service.import_file(path, ImportOptions(), dry_run=True)
    assert asked(result) == [(5, "rows_differ"), (7, "rows_differ")] and not result.written
    for p in result.problems:
        en, zh = p.reason("en"), p.reason("zh")
        assert en.startswith("rows 5 and 7 are both Project code 'ZQ26006' but differ"), en
        assert "year to date through 10/2026: ¥86.69 mn in row 5, ¥89.69 mn in row 7" in en, en
        assert "completed investment of 10/2026: ¥7.42 mn in row 5, ¥10.42 mn in row 7" in en, en
        assert (
            "第 5 行与第 7 行" in zh
            and "2026 年 10 月完成投资" in zh
            and "第 5 行为 742万元，第 7 行为 1,042万元" in zh
            and "8,669万元" in zh
        ), zh
    # --skip-invalid skips both rows: ZQ26006 gets no October at all (neither 742万 nor 1,042万 is known right)
    code, out, _ = run("--db", db_url, "import", str(path), "--skip-invalid", "--json")
    data = json.loads(out)
    assert code == ExitCode.OK and sorted(s["row"] for s in data["skipped"]) == [5, 7], data["skipped"]
    assert months(ctx, "ZQ26006") == {}
    assert months(ctx, "ZQ26001")[(2026, 10)] == 400 * WAN and months(ctx, "ZQ26007")[(2026, 10)] == 250 * WAN


def test_a_code_repeated_with_the_same_values_stays_a_harmless_repeat(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    base(service, tmp_path)
    path = october(tmp_path, [4, "ZQ26006", "端州智能装备产业园", "在建", 8669, 742])
    result = service.import_file(path, ImportOptions())
    assert asked(result) == [(7, "duplicate_in_file")] and not result.written
    result = service.import_file(path, ImportOptions(skip_invalid=True))
    assert result.written and months(ctx, "ZQ26006")[(2026, 10)] == 742 * WAN


def test_a_first_import_listing_one_code_twice_with_other_totals_adds_neither(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    rows = [["单位：万元"], BASE_HEAD, *BASE, [4, "ZQ26006", "端州智能装备产业园", "端州区", "在建", 33000]]
    path = write_workbook(tmp_path / "twice.xlsx", SheetSpec("项目", rows))
    result = service.import_file(path, ImportOptions())
    assert asked(result) == [(4, "rows_differ"), (6, "rows_differ")]
    assert "Planned investment: ¥300.00 mn in row 4, ¥330.00 mn in row 6" in result.problems[0].reason("en")
    result = service.import_file(path, ImportOptions(skip_invalid=True))
    assert result.added == 2 and {p.code for p in ctx.projects.all_projects()} == {"ZQ26001", "ZQ26007"}


C_HEAD = ["序号", "项目代码", "项目名称", "建设单位", "所属县区", "总投资（万元）"]
C0 = [
    [1, "C-001", "星湖产业园（一期）", "星湖公司", "端州区", 10000],
    [2, "C-002", "星湖产业园(一期)", "星湖二公司", "端州区", 8000],
    [3, "C-003", "鼎湖 光伏项目", "鼎湖能源公司", "鼎湖区", 5000],
]


def store_c0(service: ImportService, tmp_path: Path) -> None:
    """C0: 星湖产业园（一期） and 星湖产业园(一期), two projects of 端州区."""
    c0 = write_workbook(tmp_path / "c0.xlsx", SheetSpec("项目", [C_HEAD, *C0]))
    assert service.import_file(c0, ImportOptions()).ok


def by_code(ctx: AppContext) -> dict[str, tuple[str, int]]:
    return {p.code or "": (p.name, p.planned_investment or 0) for p in ctx.projects.all_projects()}


def test_two_stored_names_differing_in_bracket_width_each_take_their_exact_name(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    store_c0(service, tmp_path)
    head = ["序号", "项目名称", "所属县区", "总投资（万元）"]
    rows = [[1, "星湖产业园（一期）", "端州区", 12000], [2, "星湖产业园(一期)", "端州区", 8800]]
    result = service.import_file(
        write_workbook(tmp_path / "c1b.xlsx", SheetSpec("项目", [head, *rows])), ImportOptions()
    )
    assert result.ok and result.updated == 2, [p.reason() for p in result.problems]
    assert by_code(ctx)["C-001"] == ("星湖产业园（一期）", 120_000_000)
    assert by_code(ctx)["C-002"] == ("星湖产业园(一期)", 88_000_000)
    # a monthly sheet naming one by name and district (C2's 10月)
    month_head = ["序号", "项目名称", "所属县区", "10月完成投资（万元）", "1-10月完成投资（万元）"]
    sheet = SheetSpec("10月", [["2026年10月"], month_head, [1, "星湖产业园(一期)", "端州区", 300, 2300]])
    result = service.import_file(write_workbook(tmp_path / "c2.xlsx", sheet), ImportOptions())
    assert result.ok, [p.reason() for p in result.problems]
    assert months(ctx, "C-002")[(2026, 10)] == 300 * WAN and months(ctx, "C-001") == {}


def test_a_name_matching_neither_exactly_is_asked_naming_the_two_forms(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    store_c0(service, tmp_path)
    head = ["序号", "项目名称", "所属县区", "总投资（万元）"]
    path = write_workbook(tmp_path / "c3.xlsx", SheetSpec("项目", [head, [1, "星湖产业园 （一期）", "端州区", 12000]]))
    result = service.import_file(path, ImportOptions())
    assert asked(result) == [(2, "ambiguous_name_forms")] and not result.written
    en, zh = result.problems[0].reason("en"), result.problems[0].reason("zh")
    assert "“星湖产业园（一期）”、“星湖产业园(一期)”" in en and "bracket widths" in en and "give the district" not in en
    assert "括号全半角" in zh
