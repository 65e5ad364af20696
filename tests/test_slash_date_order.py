"""A date column of text slash dates: 9/30/2026 is month/day (the US form), 30/9/2026 day/month, and a
day above 12 anywhere in the column settles which. A column where nothing settles it — 03/04/2023 and
05/06/2023 alone — was stored month first with exit 0 and no word (probe g05b). It is read month first,
as before, with a note naming the sheet, the column and an example, unless the user says the order
(--date-order, the preview's question): then as said, with no note — and a column whose dates settle
it is read as they say whatever was said. Year first (2023/3/4, as Chinese lists write it) is never
in doubt. Real .xlsx files, both engines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.domain.errors import Problem
from zqtracker.io.dates import DMY, MDY, MDY_ASSUMED, order_note, reads_either_way, slash_order
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

HEAD = ["项目编号", "项目名称", "投资主体", "所属行业", "所在区域", "项目状态", "计划总投资（万元）", "签约时间"]
NOTE = "note_slash_date_order"


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def _rows(*signed: object) -> list[list]:
    return [HEAD] + [
        [f"ZQ-{k:03}", f"测试项目{k:02}", f"企业{k:02}有限公司", "新能源", "端州区", "在建", 1000 * k, when]
        for k, when in enumerate(signed, start=1)
    ]


def imported(
    service: ImportService, ctx: AppContext, tmp_path: Path, *signed: object, lang: str = "en", order: str | None = None
) -> tuple[list[date | None], list[Problem]]:
    path = write_workbook(tmp_path / "dates.xlsx", SheetSpec("项目清单", _rows(*signed)))
    result = service.import_file(path, ImportOptions(lang=lang, date_order=order))
    assert result.ok, result.problems
    by_code = {p.code: p.signed_on for p in ctx.projects.all_projects()}
    return [by_code[f"ZQ-{k:03}"] for k in range(1, len(signed) + 1)], result.notes


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_column_of_dates_that_read_either_way_is_noted(
    service: ImportService, ctx: AppContext, tmp_path: Path, lang: str
) -> None:
    stored, notes = imported(service, ctx, tmp_path, "03/04/2023", "05/06/2023", lang=lang)
    assert stored == [date(2023, 3, 4), date(2023, 5, 6)]  # month first, the US form, as before
    (note,) = [n for n in notes if n.code == NOTE]
    assert note.params == {"sheet": "项目清单", "column": "H", "header": "签约时间", "value": "03/04/2023",
                           "read": "2023-03-04", "other": "2023-04-03"}  # fmt: skip
    if lang == "en":
        text = note.message("en")
        assert "Sheet “项目清单”: column H “签约时间”" in text
        assert "03/04/2023 read as 2023-03-04" in text and "If they are day/month (03/04/2023 is 2023-04-03)" in text
    else:
        text = note.message("zh")
        assert "工作表“项目清单”：H 列“签约时间”" in text
        assert "03/04/2023 读作 2023-03-04" in text and "（03/04/2023 即 2023-04-03）" in text


def test_with_a_time_the_column_is_noted_too(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    stored, notes = imported(service, ctx, tmp_path, "03/04/2023 10:30", "05/06/2023 9:00 am")
    assert stored == [date(2023, 3, 4), date(2023, 5, 6)]
    (note,) = [n for n in notes if n.code == NOTE]
    assert note.params["value"] == "03/04/2023 10:30" and note.params["other"] == "2023-04-03"


@pytest.mark.parametrize(
    ("signed", "expected"),
    [
        (("03/04/2023", "25/04/2023"), [date(2023, 4, 3), date(2023, 4, 25)]),  # a day above 12 first: day/month
        (("03/04/2023", "04/25/2023"), [date(2023, 3, 4), date(2023, 4, 25)]),  # a day above 12 second: month/day
        (("03/04/2023 10:30", "25/04/2023 16:45"), [date(2023, 4, 3), date(2023, 4, 25)]),  # with times
        (("25/04/2023", "03/04/2023"), [date(2023, 4, 25), date(2023, 4, 3)]),
    ],
)
def test_a_day_above_12_settles_the_column(
    service: ImportService, ctx: AppContext, tmp_path: Path, signed: tuple[str, ...], expected: list[date]
) -> None:
    stored, notes = imported(service, ctx, tmp_path, *signed)
    assert stored == expected
    assert not [n for n in notes if n.code == NOTE]


def test_a_day_above_12_far_down_the_column_settles_it(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """The fields are weighed on a sample of 200 values; the order is settled by the whole column."""
    signed = ["03/04/2023"] * 230 + ["25/04/2023"]
    stored, notes = imported(service, ctx, tmp_path, *signed)
    assert stored[0] == date(2023, 4, 3) and stored[-1] == date(2023, 4, 25)
    assert not [n for n in notes if n.code == NOTE]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_year_first_is_never_in_doubt(service: ImportService, ctx: AppContext, tmp_path: Path, lang: str) -> None:
    stored, notes = imported(service, ctx, tmp_path, "2023/3/4", "2023/05/06", "2023/3/4 10:30", lang=lang)
    assert stored == [date(2023, 3, 4), date(2023, 5, 6), date(2023, 3, 4)]
    assert not [n for n in notes if n.code == NOTE]


def test_the_same_day_either_way_needs_no_note(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    stored, notes = imported(service, ctx, tmp_path, "05/05/2023", "12/12/2023")
    assert stored == [date(2023, 5, 5), date(2023, 12, 12)]
    assert not [n for n in notes if n.code == NOTE]


def test_the_order_of_a_column() -> None:
    assert slash_order(["03/04/2023", "05/06/2023"]) == MDY_ASSUMED
    assert slash_order(["03/04/2023", "25/04/2023"]) == DMY
    assert slash_order(["03/04/2023", "04/25/2023"]) == MDY
    assert slash_order(["05/05/2023", "2023/3/4", 45000, None]) == MDY  # nothing reads either way
    assert [reads_either_way(v) for v in ("03/04/2023", "05/05/2023", "25/04/2023", "2023/3/4", 3)] == [
        True, False, False, False, False,
    ]  # fmt: skip
    assert order_note("s", "A", "签约时间", ["2023/3/4", "03/04/2023"]) is not None
    assert order_note("s", "A", "签约时间", ["04/25/2023", "03/04/2023"]) is None


@pytest.mark.parametrize(("order", "expected"), [("dmy", [date(2023, 4, 3), date(2023, 6, 5)]),
                                                 ("mdy", [date(2023, 3, 4), date(2023, 5, 6)])])  # fmt: skip
def test_the_order_said_is_the_order_read(
    service: ImportService, ctx: AppContext, tmp_path: Path, order: str, expected: list[date]
) -> None:
    stored, notes = imported(service, ctx, tmp_path, "03/04/2023", "05/06/2023", order=order)
    assert stored == expected and NOTE not in {n.code for n in notes}  # said: nothing to note


def test_a_column_whose_dates_settle_it_is_read_as_they_say(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    stored, _notes = imported(service, ctx, tmp_path, "03/04/2023", "9/30/2023", order="dmy")
    assert stored == [date(2023, 3, 4), date(2023, 9, 30)]


def test_the_command_line_says_the_order(db_path: Path, tmp_path: Path) -> None:
    from test_read_hostile import run

    path = write_workbook(tmp_path / "dates.xlsx", SheetSpec("项目清单", _rows("03/04/2023", "05/06/2023")))
    status, out, err = run("--db", str(db_path), "--lang", "en", "import", str(path), "--date-order", "dmy")
    assert status == 0 and "day/month" not in out, (out, err)
    status, out, _err = run("--db", str(db_path), "show", "ZQ-001", "--json")
    assert status == 0 and '"signed_on": "2023-04-03"' in out
