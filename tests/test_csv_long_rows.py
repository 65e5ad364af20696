"""A CSV data row with more fields than its header (an amount written 12,000 without quotes splits
into 12 and 000) is refused naming the row and both widths, never imported with the extra field
dropped; trailing empty fields, title lines and a quoted "12,000" still import."""

from __future__ import annotations

from pathlib import Path

import pytest
from engines import dump
from test_read_csv import run, write

from zqtracker.io import csvread, header_rows
from zqtracker.io.errors import WorkbookRefused
from zqtracker.io.reader import read_workbook
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

HEADER = "项目名称,所在区域,计划总投资（万元）,项目状态\r\n"


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def investments(ctx: AppContext) -> dict[str, int | None]:
    return {p.name: p.planned_investment for p in ctx.projects.all_projects()}


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "row 3 has 5 fields but the header has 4"),
        ("zh", "第 3 行有 5 个字段，但表头只有 4 个"),
    ],
)
def test_an_unquoted_thousands_separator_is_refused_in_one_sentence(
    tmp_path: Path, db_path: Path, lang: str, words: str
) -> None:
    path = write(tmp_path / "千位.csv", HEADER + "测试项目00,端州区,500,在建\r\n测试项目01,端州区,12,000,在建\r\n")
    run("--db", str(db_path), "summary")
    before = dump(db_path)
    code, _out, err = run("--lang", lang, "--db", str(db_path), "import", str(path))
    assert code == 2 and words in err and "千位.csv" in err and "12,000" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert dump(db_path) == before
    code, _out, err = run("--lang", lang, "--db", str(db_path), "import", str(path), "--dry-run", "--json")
    assert code == 2 and words in err


def test_the_service_refuses_with_the_code_and_the_widths(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    path = write(tmp_path / "p.csv", HEADER + "测试项目01,端州区,12,000,在建\r\n", "gb18030")
    with pytest.raises(WorkbookRefused) as info:
        service.import_file(path, ImportOptions())
    assert info.value.code == "csv_long_row"
    assert "row 2 has 5 fields but the header has 4" in str(info.value)
    assert "第 2 行有 5 个字段" in info.value.message("zh")
    assert investments(ctx) == {}


def test_the_last_column_splitting_is_refused_too(tmp_path: Path) -> None:
    """The amount in the last column: its 000 falls under no header at all."""
    head = "项目编号,项目名称,所在区域,项目状态,计划总投资（万元）\r\n"
    path = write(
        tmp_path / "last.csv", head + "A-1,测试项目01,端州区,在建,12,000\r\nA-2,测试项目02,端州区,在建,10000\r\n"
    )
    sheet = read_workbook(path).sheets[0]
    assert sheet.error is not None and sheet.error.code == "csv_long_row" and sheet.rows == []
    assert sheet.error.problem.params["row"] == 2
    assert (sheet.error.problem.params["fields"], sheet.error.problem.params["header"]) == (6, 5)


def test_a_title_line_above_the_header_is_no_reference(tmp_path: Path) -> None:
    """A one-field title line, then a unit line, then the header: the header's width is what counts,
    so the header (wider than the title) is fine and the row with an extra field is not."""
    title = "2024年肇庆市重点项目表\r\n单位：万元\r\n"
    good = write(tmp_path / "good.csv", title + HEADER + "甲项目,端州区,500,在建\r\n")
    assert read_workbook(good).sheets[0].error is None
    bad = write(tmp_path / "bad.csv", title + HEADER + "甲项目,端州区,500,在建\r\n乙项目,端州区,12,000,在建\r\n")
    error = read_workbook(bad).sheets[0].error
    assert error is not None and error.code == "csv_long_row" and error.problem.params["row"] == 5


def test_a_long_row_far_down_the_file_is_refused(tmp_path: Path) -> None:
    """Past the first rows (where the header is looked for) and past the first chunk sent."""
    rows = "".join(f"项目{i},端州区,{i},在建\r\n" for i in range(5000))
    path = write(tmp_path / "far.csv", "标题\r\n" + HEADER + rows + "坏项目,端州区,1,500,在建\r\n")
    error = read_workbook(path).sheets[0].error
    assert error is not None and error.code == "csv_long_row" and error.problem.params["row"] == 5003


def test_trailing_empty_fields_are_fine(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    text = (
        "2024年重点项目表,,,,,,\r\n"
        + HEADER.replace("\r\n", ",,\r\n")
        + "甲项目,端州区,500,在建,,, \r\n乙项目,端州区,7,在建\r\n"
    )
    path = write(tmp_path / "trailing.csv", text)
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 2
    assert investments(ctx) == {"甲项目": 5_000_000, "乙项目": 70_000}


def test_a_merged_header_saved_as_csv_keeps_its_width(tmp_path: Path) -> None:
    """Excel writes a merged header cell's other cells as empty fields: the months under it are
    within the header's width."""
    text = "项目名称,所在区域,2024年完成投资（万元）,,\r\n,,1月,2月,3月\r\n甲项目,端州区,1,2,3\r\n"
    sheet = read_workbook(write(tmp_path / "m.csv", text)).sheets[0]
    assert sheet.error is None and sheet.rows[2] == ["甲项目", "端州区", 1.0, 2.0, 3.0]


def test_a_quoted_thousands_separator_is_read_whole(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    path = write(tmp_path / "quoted.csv", HEADER + '测试项目01,端州区,"12,000",在建\r\n')
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 1
    assert investments(ctx) == {"测试项目01": 120_000_000}


def test_the_reader_looks_for_the_header_where_the_import_does() -> None:
    assert csvread.HEADER_SCAN_ROWS == header_rows.HEADER_SCAN_ROWS
