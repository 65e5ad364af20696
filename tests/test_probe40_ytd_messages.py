"""A district's monthly loop and one project's downward correction of its year to date (probe40a, 高要区's P18).

The stored data was right every time; the messages misled:
- September imported after July (August never): "the amounts given for months 8–9 add up to ¥1.50 mn" — only
  September's 当月 was given — naming no project, no 当月 column, not what is stored, no way on.
- 1–9月 5,100万 below the stored 1–8月 5,200万: refused as a 当月/累计 disagreement whose first way on, --map
  <当月>=none, led only to the next refusal; and, skipped with --skip-invalid, still "imported as written" in the
  year-to-date-above-plan note.
- The same with the 当月 left out: "year to date through 2026-09 (51,000,000 yuan) is below …", no project, its
  cell 51000000 where the sheet shows 5,100.
Real .xlsx files in 万元 laid out as the district's, the command line's main(), both engines."""

from __future__ import annotations

import io
import json
from pathlib import Path

from import_files import SheetSpec, write_workbook

from zqtracker.cli.console import ExitCode
from zqtracker.cli.main import main
from zqtracker.domain.words import APP
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

A = "高要区大湾镇德润高档卫浴项目"  # planned 4,876万: its 1–9月 5,100万 is above it (a note when imported)
B = "高要区金利镇华丰五金配件项目"  # planned 3,500万: its 1–9月 3,600万 too


def run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), stdout=out, stderr=err), out.getvalue() + err.getvalue()


def report(tmp_path: Path, m: int, a: tuple[int, int], b: tuple[int, int]) -> Path:
    """高要区's 1–m月 report (万元): (1–m月累计, 当月) of A and B; 累计 in column G, 当月 in H, rows 5 and 6."""
    head = ["序号", "项目名称", "建设单位", "所属行业", "建设状态", "计划总投资", "投资完成情况", None, "形象进度"]
    under = [None] * 6 + [f"1-{m}月累计", "当月"]
    rows: list[list] = [[f"高要区2026年1-{m}月重点工业项目进展情况表"], [None] * 8 + ["单位：万元"], head, under]
    for i, (name, plan, (ytd, own)) in enumerate(((A, 4876, a), (B, 3500, b)), 1):
        rows.append([i, name, "肇庆市某有限公司", "金属制品业", "在建", plan, ytd, own, f"{m}月：施工"])
    merges = ["A1:I1", "G3:H3", *(f"{c}3:{c}4" for c in "ABCDEFI")]
    return write_workbook(tmp_path / f"{m}.xlsx", SheetSpec(f"{m}月", rows, merges=merges))


def imported(db: str, *paths: Path) -> None:
    for path in paths:
        code, out = run("--db", db, "import", str(path))
        assert code == ExitCode.OK, out


def app_reason(ctx: AppContext, tmp_path: Path, path: Path, lang: str) -> str:
    """The refusal of row 5 as the desktop's import dialog words it."""
    result = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json")).import_file(path, ImportOptions())
    (problem,) = result.problems
    assert not result.written and problem.row == 5
    return problem.reason(lang, APP)


def months_of(db: str, name: str) -> str:
    code, out = run("--db", db, "--lang", "en", "show", "1" if name == A else "2")
    assert code == ExitCode.OK and name in out, out
    return out[out.index("Completed investment (") :]


def test_september_after_july_says_what_is_stored_that_august_was_never_reported_and_the_ways_on(
    db_url: str, ctx: AppContext, tmp_path: Path
) -> None:
    imported(db_url, report(tmp_path, 7, (5000, 800), (3000, 400)))
    sep = report(tmp_path, 9, (5100, 150), (3600, 300))  # A: 5,100 − 5,000 − 150 = −50万 for August
    before = months_of(db_url, A)
    code, en = run("--db", db_url, "--lang", "en", "import", str(sep))
    assert code == ExitCode.INVALID_INPUT, en
    (line,) = [x for x in en.splitlines() if "row 5" in x]
    assert "amounts given for months 8–9" not in line, line
    for said in (
        f"{A}: this row gives 150万元 (¥1,500,000) for 2026-09 alone (column H “投资完成情况 / 当月”)",
        "5,100万元 (¥51,000,000) for months 1–9 (column G “投资完成情况 / 1-9月累计”)",
        "What is stored is 5,000万元 (¥50,000,000) for months 1–7; Aug 2026 was never reported",
        "-50万元 (-¥500,000)",
        "import it first",
        "--map H=none (months 8–9 are then stored as one figure, 100万元 (¥1,000,000))",
        "--map G=none (2026-09 is then stored as 150万元 (¥1,500,000)",
    ):
        assert said in line, (said, line)
    code, zh = run("--db", db_url, "--lang", "zh", "import", str(sep), "--dry-run")
    (line,) = [x for x in zh.splitlines() if "第 5 行" in x]
    for said in (f"{A}：本行只填报 2026年9月当月（H 列“投资完成情况 / 当月”）150万元（1,500,000元）",
                 "已存的是 1–7月 5,000万元（50,000,000元）；2026年8月从未填报", "8月应为 -50万元（-500,000元）",
                 "如有 2026年8月的报表，请先导入", "--map H=none", "--map G=none"):  # fmt: skip
        assert said in line, (said, line)
    app = app_reason(ctx, tmp_path, sep, "en")
    assert "Aug 2026 was never reported" in app and "“Not imported”" in app and "--map" not in app, app
    assert months_of(db_url, A) == before  # nothing written
    # the first way on as it says: 8–9月 as one figure of 100万
    code, out = run("--db", db_url, "import", str(sep), "--map", "H=none")
    assert code == ExitCode.OK, out
    assert "Aug–Sep 2026\t0.001" in months_of(db_url, A)


def test_a_year_to_date_below_the_stored_one_is_said_first_and_its_only_map_is_the_year_to_dates(
    db_url: str, ctx: AppContext, tmp_path: Path
) -> None:
    imported(db_url, report(tmp_path, 7, (5000, 800), (3000, 400)), report(tmp_path, 8, (5200, 200), (3300, 300)))
    sep = report(tmp_path, 9, (5100, 150), (3600, 300))
    code, en = run("--db", db_url, "--lang", "en", "import", str(sep), "--dry-run")
    assert code == ExitCode.INVALID_INPUT, en
    (line,) = [x for x in en.splitlines() if "row 5" in x and "column G" in x]
    said = (
        f"{A}: the year to date 5,100万元 (¥51,000,000) for months 1–9 (column G “投资完成情况 / 1-9月累计”) is "
        "below the 5,200万元 (¥52,000,000) on record for months 1–8"
    )
    assert said in line and "column H “投资完成情况 / 当月”" in line, line
    assert "--map H=none" not in line and "--map G=none (the month's 150万元 (¥1,500,000)" in line, line
    code, zh = run("--db", db_url, "--lang", "zh", "import", str(sep), "--dry-run")
    (line,) = [x for x in zh.splitlines() if "第 5 行" in x and "G “" in x]
    said = (
        f"{A}：本行 1–9月累计（G 列“投资完成情况 / 1-9月累计”）5,100万元（51,000,000元）小于已存的 1–8月累计 5,200万元"
    )
    assert said in line and "--map H=none" not in line and "--map G=none" in line, line
    app = app_reason(ctx, tmp_path, sep, "zh")
    assert "单击 G 列表头，选“不导入”" in app and "--map" not in app and "H 列表头" not in app, app
    # its way on as it says: the month's 150万 after the stored 1–8月
    code, out = run("--db", db_url, "import", str(sep), "--map", "G=none")
    assert code == ExitCode.OK, out
    assert "Aug 2026\t0.002\nSep 2026\t0.0015" in months_of(db_url, A)


def test_a_refused_row_is_in_no_note_saying_it_is_imported_as_written(db_url: str, tmp_path: Path) -> None:
    imported(db_url, report(tmp_path, 7, (5000, 800), (3000, 400)), report(tmp_path, 8, (5200, 200), (3300, 300)))
    sep = report(tmp_path, 9, (5100, 150), (3600, 300))  # A refused; B's 3,600 above its planned 3,500: imported
    for extra, exit_code in ((("--dry-run",), ExitCode.INVALID_INPUT), (("--skip-invalid",), ExitCode.OK)):
        code, out = run("--db", db_url, "--lang", "en", "import", str(sep), *extra)
        assert code == exit_code and "row 5, column G" in out, out  # refused (or skipped), said
        (note,) = [x for x in out.splitlines() if "imported as written" in x]
        assert "row 6: Jan–Sep ¥36.00 mn" in note and "row 5" not in note and "1 row(s)" in note, out
    code, zh = run("--db", db_url, "--lang", "zh", "import", str(sep), "--dry-run", "--skip-invalid")
    assert code == ExitCode.OK, zh
    (note,) = [x for x in zh.splitlines() if "已照常导入" in x]
    assert "第 6 行" in note and "第 5 行" not in note, zh
    assert "Sep 2026" not in months_of(db_url, A)  # the refused row was skipped


def test_the_year_to_date_alone_below_the_stored_one_names_the_project_and_the_cell_as_shown(
    db_url: str, tmp_path: Path
) -> None:
    imported(db_url, report(tmp_path, 7, (5000, 800), (3000, 400)), report(tmp_path, 8, (5200, 200), (3300, 300)))
    sep = report(tmp_path, 9, (5100, 150), (3600, 300))
    code, raw = run("--db", db_url, "--lang", "en", "import", str(sep), "--map", "H=none", "--json")
    assert code == ExitCode.INVALID_INPUT, raw
    (problem,) = json.loads(raw)["skipped"]
    assert (problem["row"], problem["column"], problem["value"]) == (5, "G", "5,100"), problem
    said = (
        f"{A}: the year to date 5,100万元 (¥51,000,000) for months 1–9 is below the 5,200万元 (¥52,000,000) on record"
    )
    assert problem["error"].startswith(said), problem
    code, zh = run("--db", db_url, "--lang", "zh", "import", str(sep), "--map", "H=none")
    (line,) = [x for x in zh.splitlines() if "第 5 行" in x]
    assert "：5,100 — " in line and f"{A}：1–9月累计 5,100万元（51,000,000元）小于已存的 1–8月累计 5,200万元" in line, (
        line
    )


def test_an_earlier_month_above_the_later_one_on_record_names_the_project_and_the_figures_as_shown(
    db_url: str, tmp_path: Path
) -> None:
    """1–8月 5,300万 after a stored 1–9月 5,100万: it said "year to date through 2026-08 (53,000,000 yuan) is above
    the stored year to date through 2026-09 (51,000,000 yuan)" — no project, yuan in a sheet of 万元."""

    def ytd_only(m: int, ytd: int) -> Path:
        head = ["序号", "项目名称", "建设单位", "所属行业", "建设状态", "计划总投资", f"1-{m}月累计完成投资"]
        rows = [[f"高要区2026年1-{m}月重点工业项目进展情况表"], ["单位：万元"], head,
                [1, A, "肇庆市某有限公司", "金属制品业", "在建", 48760, ytd]]  # fmt: skip
        return write_workbook(tmp_path / f"ytd{m}.xlsx", SheetSpec(f"{m}月", rows))

    imported(db_url, ytd_only(9, 5100))
    code, out = run("--db", db_url, "--lang", "en", "import", str(ytd_only(8, 5300)), "--json")
    assert code != ExitCode.OK
    (problem,) = json.loads(out[out.index("{") :])["skipped"]
    assert problem["value"] == "5,300", problem
    assert problem["error"].startswith(
        f"{A}: the year to date 5,300万元 (¥53,000,000) for months 1–8 is above the 5,100万元 (¥51,000,000) on "
        "record for months 1–9"
    ), problem
    code, zh = run("--db", db_url, "--lang", "zh", "import", str(ytd_only(8, 5300)))
    assert f"{A}：1–8月累计 5,300万元（53,000,000元）大于已存的 1–9月累计 5,100万元（51,000,000元）" in zh, zh
