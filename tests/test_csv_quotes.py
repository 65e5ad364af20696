"""A CSV quote opened and never closed (the rest of the file read into one field) or a stray quote
closed a line or more later (rows joined into one) is refused naming the row where the quote
opened, never imported as one project with a name made of rows; a quoted note or address over
several lines still imports."""

from __future__ import annotations

from pathlib import Path

import pytest
from engines import dump
from test_read_csv import run, write

from zqtracker.io import csvread
from zqtracker.io.errors import WorkbookRefused
from zqtracker.io.reader import read_workbook
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

# the probes' shapes: a quote opened at the start of row 2 and never closed; a stray quote in the
# middle of row 3's field (read as text) and one opening row 5's field that never closes
UNTERMINATED = 'Project name,District,Planned investment\n"Plant A,Gaoyao,1\nPlant B,Gaoyao,2\n'
MIDQUOTE = 'Project name,District\nPlant A,Gaoyao\nPlant "B,Gaoyao\nPlant C,Gaoyao\n"Plant D,Gaoyao\nPlant E,Gaoyao\n'
HEADER = "项目名称,所在区域,计划总投资（万元）,项目状态,备注\r\n"


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


@pytest.mark.parametrize(
    ("text", "row"),
    [(UNTERMINATED, 2), (MIDQUOTE, 5)],
    ids=["unterminated", "midquote"],
)
@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", 'row {row}: a quote (") opens a field that never closes'),
        ("zh", '第 {row} 行：英文双引号（"）开始的字段没有结束'),
    ],
)
def test_a_quote_left_open_is_refused_naming_its_row(
    tmp_path: Path, db_path: Path, text: str, row: int, lang: str, words: str
) -> None:
    path = write(tmp_path / "quotes.csv", text)
    run("--db", str(db_path), "summary")
    before = dump(db_path)
    code, out, err = run("--lang", lang, "--db", str(db_path), "import", str(path), "--dry-run", "--json")
    assert code == 2 and words.format(row=row) in err and "quotes.csv" in err and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    code, _out, err = run("--lang", lang, "--db", str(db_path), "import", str(path))
    assert code == 2 and words.format(row=row) in err
    assert dump(db_path) == before


@pytest.mark.parametrize(
    ("text", "row"),
    [
        # a stray quote in row 4's field closed at the end of the next line: two rows read as one
        ('Project name,District\nPlant C,Gaoyao\nPlant D2,Gaoyao\nPlant D,"Gaoyao\nPlant E,Gaoyao"\n', 4),
        # closed in the middle of a later line, the record keeping the header's width
        (HEADER + '甲项目,端州区,"500,在建,x\r\n乙项目,端州区,7,在建,y\r\n丙项目,端州区",9,在建,z\r\n', 2),
        # the whole of the next row swallowed, closed at the end of a line
        (HEADER + '甲项目,端州区,500,在建,"x\r\n乙项目,端州区,7,在建,y"\r\n', 2),
    ],
    ids=["two-columns", "closed-mid-line", "closed-at-line-end"],
)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_stray_quote_closed_rows_later_is_refused(
    service: ImportService, ctx: AppContext, tmp_path: Path, text: str, row: int, lang: str
) -> None:
    path = write(tmp_path / "joined.csv", text, "gb18030")
    with pytest.raises(WorkbookRefused) as info:
        service.import_file(path, ImportOptions(lang=lang))
    assert info.value.code == "csv_open_quote"
    assert f'row {row}: a quote (") opens a field that never closes' in str(info.value)
    assert f"第 {row} 行：英文双引号" in info.value.message("zh")
    assert ctx.projects.all_projects() == []


def test_the_reader_names_the_row_and_keeps_no_rows(tmp_path: Path) -> None:
    sheet = read_workbook(write(tmp_path / "u.csv", UNTERMINATED)).sheets[0]
    assert sheet.error is not None and sheet.error.code == "csv_open_quote" and sheet.rows == []
    assert sheet.error.problem.params["row"] == 2


def test_an_open_quote_in_the_last_line_is_refused(tmp_path: Path) -> None:
    """No line break after it, nothing swallowed — still text the import cannot know the end of."""
    sheet = read_workbook(write(tmp_path / "last.csv", HEADER + '甲项目,端州区,500,在建,"备注')).sheets[0]
    assert sheet.error is not None and sheet.error.code == "csv_open_quote"
    assert sheet.error.problem.params["row"] == 2


def test_an_open_quote_over_a_long_file_is_named_not_called_a_long_cell(tmp_path: Path) -> None:
    """The swallowed rows pass Excel's cell length: the quote is what is wrong, and where."""
    rows = "".join(f"项目{i},端州区,{i},在建,x\r\n" for i in range(3000))
    path = write(tmp_path / "long.csv", HEADER + '甲项目,端州区,1,在建,x\r\n乙项目,"端州区,2,在建,x\r\n' + rows)
    sheet = read_workbook(path).sheets[0]
    assert sheet.error is not None and sheet.error.code == "csv_open_quote"
    assert sheet.error.problem.params["row"] == 3


def test_quoted_notes_and_addresses_over_lines_still_import(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    text = (
        HEADER
        + '甲项目,端州区,500,在建,"进展：\r\n已开工"\r\n'
        + '乙项目,端州区,7,在建,"地址：肇庆市端州区, 星湖大道\n联系人：张三"\r\n'
        + '丙项目,端州区,"12,000",在建,"第一行\n第二行, 附注\n第三行"\r\n'
        + '"丁\n项目",端州区,9,在建,\r\n'
    )
    path = write(tmp_path / "notes.csv", text, "gb18030")
    rows = read_workbook(path).sheets[0].rows
    assert [r[4] for r in rows[1:3]] == ["进展：\r\n已开工", "地址：肇庆市端州区, 星湖大道\n联系人：张三"]
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 4
    assert {p.name: p.planned_investment for p in ctx.projects.all_projects()} == {
        "甲项目": 5_000_000,
        "乙项目": 70_000,
        "丙项目": 120_000_000,
        "丁项目": 90_000,  # a line break between two Chinese characters is dropped
    }


def test_the_cli_imports_a_multi_line_note(tmp_path: Path, db_path: Path) -> None:
    path = write(tmp_path / "note.csv", HEADER + '甲项目,端州区,500,在建,"进展：\n已开工"\r\n')
    code, out, err = run("--db", str(db_path), "import", str(path), "--dry-run", "--json")
    assert code == 0 and '"added": 1' in out and err == ""


@pytest.mark.parametrize(
    ("value", "width", "swallows"),
    [
        ("进展：\n已开工", 5, False),
        ("肇庆市端州区, 星湖大道\n联系人", 3, False),
        ("一, 二\n三, 四", 5, False),
        ("x\n乙项目,端州区,7,在建,y", 5, True),
        ("x\n乙项目,端州区,7,在建", 5, True),  # three quarters of a row's delimiters
        ("x\n乙项目,端州区", 5, False),
        ("Gaoyao\nPlant E,Gaoyao", 2, True),
        ("Gaoyao\nPlant E,Gaoyao", 0, False),  # no row read yet: nothing to measure by
    ],
)
def test_what_reads_like_swallowed_rows(value: str, width: int, swallows: bool) -> None:
    assert csvread.swallows_rows(["a", value], ",", width) is swallows
