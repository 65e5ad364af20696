"""One figure in two visible columns (计划总投资（万元） beside 计划总投资（亿元）): the first is read and
the second held against it row by row — a disagreement is a problem of the row naming both cells,
never the first taken silently; a blank first cell takes the second's figure; turning the first
column off reads the second. Real .xlsx files, real databases (both engines)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from engines import dump
from import_files import SheetSpec, write_workbook

from zqtracker.cli.console import ExitCode
from zqtracker.cli.main import main
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

HEADER = ["项目名称", "所在区域", "项目状态", "计划总投资（万元）", "计划总投资（亿元）"]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def planned(ctx: AppContext) -> dict[str, int | None]:
    return {p.name: p.planned_investment for p in ctx.projects.all_projects()}


def test_two_columns_that_disagree_are_a_problem_of_each_row_naming_both(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    rows = [HEADER, ["高要区储能项目", "高要区", "在建", 10000, 2.5], ["高要区汽配项目", "高要区", "在建", 3000, 0.3]]
    path = write_workbook(tmp_path / "two.xlsx", SheetSpec("Sheet1", rows))
    before = dump(db_url)
    result = service.import_file(path, ImportOptions())
    assert not result.ok and not result.written
    assert [(p.row, p.column, p.problem.code) for p in result.problems] == [(2, "E", "columns_disagree")]
    text = result.problems[0].reason()
    assert "column D “计划总投资（万元）”" in text and "10000" in text and "--map D=none" in text
    assert dump(db_url) == before  # nothing written
    assert "note_checked_column" in {n.code for n in result.notes}
    zh = result.problems[0].reason("zh")
    assert "D 列“计划总投资（万元）”" in zh and "四舍五入" in zh


def test_figures_that_agree_within_the_rounding_written_are_one_figure(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    rows = [
        HEADER,
        ["甲项目", "端州区", "在建", 25123, 2.51],  # 2.5123亿 written to two decimals
        ["乙项目", "端州区", "在建", 25499, 2.5],  # within 0.05亿 of 2.5
        ["丙项目", "端州区", "在建", 12345.6789, 1.23456789],  # both exact
        ["丁项目", "端州区", "在建", None, 3.2],  # the first blank: the second is read
        ["戊项目", "端州区", "在建", 800, None],  # the second blank: nothing to hold against
        ["己项目", "端州区", "在建", None, 0],  # 0 beside a blank (=D7/10000): no figure, not 0
    ]
    path = write_workbook(tmp_path / "agree.xlsx", SheetSpec("Sheet1", rows))
    result = service.import_file(path, ImportOptions())
    assert result.ok, [p.reason() for p in result.problems]
    assert planned(ctx) == {
        "甲项目": 251_230_000,
        "乙项目": 254_990_000,
        "丙项目": 123_456_789,
        "丁项目": 320_000_000,
        "戊项目": 8_000_000,
        "己项目": None,
    }
    note = next(n for n in result.notes if n.code == "note_checked_column")
    assert note.params["column"] == "E" and note.params["other"] == "D"


def test_just_beyond_the_rounding_is_a_disagreement(service: ImportService, tmp_path: Path) -> None:
    rows = [HEADER, ["甲项目", "端州区", "在建", 25600, 2.5], ["乙项目", "端州区", "在建", "25,120", "2.51亿元"]]
    path = write_workbook(tmp_path / "beyond.xlsx", SheetSpec("Sheet1", rows))
    result = service.import_file(path, ImportOptions())
    assert [(p.row, p.problem.code) for p in result.problems] == [(2, "columns_disagree")]


def test_turning_either_column_off_reads_the_other(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    rows = [HEADER, ["高要区储能项目", "高要区", "在建", 10000, 2.5]]
    path = write_workbook(tmp_path / "off.xlsx", SheetSpec("Sheet1", rows))
    result = service.import_file(path, ImportOptions(column_map={"D": None}))
    assert result.ok, [p.reason() for p in result.problems]
    assert planned(ctx) == {"高要区储能项目": 250_000_000}  # the 亿元 column, read once 万元 is off
    again = service.import_file(path, ImportOptions(column_map={"E": None}))
    assert again.ok and again.updated == 1
    assert planned(ctx) == {"高要区储能项目": 100_000_000}  # 万元 alone: 1亿


def test_different_words_are_different_figures(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    rows = [
        ["项目名称", "所在区域", "计划总投资（万元）", "其中：固定资产投资（万元）", "总投资（亿元）"],
        ["甲项目", "端州区", 10000, 8000, 3],
    ]
    path = write_workbook(tmp_path / "parts.xlsx", SheetSpec("Sheet1", rows))
    result = service.import_file(path, ImportOptions())
    # 其中：固定资产投资 is a part, never the field; 总投资（亿元） 3 = 300,000,000 yuan is another name of the
    # total, and it disagrees with 10000万 = 100,000,000: which is the planned investment is asked (fix26k)
    assert [(p.column, p.problem.code) for p in result.problems] == [("E", "planned_in_two_columns")]
    assert "columns C “计划总投资（万元）” and E “总投资（亿元）”" in result.problems[0].reason("en")
    result = service.import_file(path, ImportOptions(column_map={"E": None}))
    assert result.ok, [p.reason() for p in result.problems]
    assert planned(ctx) == {"甲项目": 100_000_000}


def test_the_command_line_exits_1_and_says_how_to_choose(db_url: str, tmp_path: Path) -> None:
    rows = [HEADER, ["高要区储能项目", "高要区", "在建", 10000, 2.5]]
    path = write_workbook(tmp_path / "cli.xlsx", SheetSpec("Sheet1", rows))
    out, err = io.StringIO(), io.StringIO()
    assert main(["--db", db_url, "import", str(path)], stdout=out, stderr=err) == ExitCode.INVALID_INPUT
    said = out.getvalue() + err.getvalue()
    assert "with --map D=none or --map E=none" in said and "preview" not in said  # the flag, not the dialog's way
    out = io.StringIO()
    assert main(["--db", db_url, "import", str(path), "--map", "D=none", "--json"], stdout=out, stderr=err) == 0
    assert json.loads(out.getvalue())["added"] == 1


@pytest.mark.parametrize(
    ("lang", "said"), [("en", "beside it gives 10000"), ("zh", "D 列“计划总投资（万元）”中为 10000")]
)
def test_the_preview_lists_the_rows_and_the_column_note(
    qtbot, translations, ctx: AppContext, tmp_path: Path, artifacts: Path, lang: str, said: str
) -> None:
    from test_import_dialog_totals import shown

    translations.switch(lang)
    rows = [HEADER, ["高要区储能项目", "高要区", "在建", 10000, 2.5], ["高要区汽配项目", "高要区", "在建", 3000, 0.3]]
    dialog = shown(qtbot, ctx, write_workbook(tmp_path / "高要区.xlsx", SheetSpec("项目清单", rows)), lang)
    tree = dialog.problem_list.tree
    texts = [tree.topLevelItem(i).text(4) for i in range(tree.topLevelItemCount())]
    assert len(texts) == 1 and said in texts[0]
    way = {"en": "click its header in the table and choose “Not imported”", "zh": "单击表格中该列表头，选“不导入”"}
    assert way[lang] in texts[0] and "--" not in texts[0]  # the dialog's way, never a flag
    assert "E" in dialog.notes_label.text() and not dialog.can_import()
    dialog.grab().save(str(artifacts / f"import-two-columns-{lang}.png"))
