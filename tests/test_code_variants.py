"""A project code in the spellings a Chinese spreadsheet carries — full-width hyphens and digits, the
Unicode dashes, full-width and no-break spaces, spaces around it — is one code: stored in one spelling
(domain/validation.normalize_code, applied by io/values.parse_code and validate_project) and matched
by it, so a re-import never adds a second project whose code differs only by its dashes."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook
from sqlalchemy import text

from zqtracker.domain.errors import ValidationError
from zqtracker.domain.models import Project
from zqtracker.domain.validation import normalize_code, validate_project
from zqtracker.io import values as cells
from zqtracker.io.cell_convert import Text
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.import_matching import Matcher, Stored
from zqtracker.services.importing import ImportOptions, ImportService

CODE = "2023-441200-36-03-000001"
DASHES = (
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\u207b\u208b\u2500\u2501\u2e3a\u2e3b\u30fc"
    "\ufe31\ufe32\ufe58\ufe63\uff0d\uff70"
)
SPACES = " \t\n\u00a0\u1680\u2000\u2002\u2003\u2009\u200a\u202f\u205f\u3000"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
HEADER = ["项目编号", "项目名称", "投资主体", "所属行业", "所在区域", "项目状态", "计划总投资（万元）",
          "用地面积（亩）", "签约时间", "开工时间", "是否重点项目"]  # fmt: skip


# -- the normalisation --------------------------------------------------------------------------------
@pytest.mark.parametrize("dash", list(DASHES))
def test_every_dash_is_a_hyphen(dash: str) -> None:
    assert normalize_code(CODE.replace("-", dash)) == CODE
    assert cells.parse_code(CODE.replace("-", dash)) == CODE


@pytest.mark.parametrize("space", list(SPACES + INVISIBLE))
def test_spaces_and_invisible_characters_go_wherever_they_are(space: str) -> None:
    assert normalize_code(f"{space}{CODE}{space}") == CODE
    assert normalize_code(CODE.replace("-441200", f"-{space}441200")) == CODE
    assert cells.parse_code(f"{space}{space}{CODE}{space}") == CODE


def test_a_code_in_every_spelling_at_once() -> None:
    spellings = [
        CODE,
        " 2023－441200－36－03－000001 ",  # full-width hyphens, spaces around (j06)
        "2023-441200-36-03-000001\u00a0",  # a trailing no-break space
        "２０２３－４４１２００－３６－０３－０００００１",  # full-width throughout
        "\u30002023—441200–36−03‐000001\u3000",  # ideographic spaces, em and en dash, minus, hyphen
        "2023 - 441200 - 36 - 03 - 000001",
        "\ufeff2023-441200-36-03-000001\u200b",
    ]
    assert {normalize_code(s) for s in spellings} == {CODE}
    assert {cells.parse_code(s) for s in spellings} == {CODE}


def test_what_normalisation_keeps() -> None:
    assert normalize_code("GY-001") == "GY-001"  # the usual code is returned as it is
    assert normalize_code("gy-001") == "gy-001"  # letter case is the code's own
    assert normalize_code("ＧＹ－００１") == "GY-001"
    assert normalize_code("A——B") == "A--B"  # each dash one hyphen: no run is merged
    assert normalize_code("A--B") == "A--B"
    assert normalize_code("端州区-007") == "端州区-007"
    assert normalize_code(" \u3000 ") == ""
    assert cells.parse_code(1.0) == "1" and cells.parse_code(" 0012 ") == "0012"


def test_a_code_column_with_variants_is_not_taken_by_the_fast_path() -> None:
    convert = Text("code", code=True)
    assert convert.column(["GY-001", " GY-002 ", ""]) == ["GY-001", "GY-002", None]
    assert convert.column(["GY-001", "2023－441200"]) is None  # cell by cell: parse_code normalises
    assert convert("2023－441200") == "2023-441200"
    assert convert.column(["端州区-007", "ＧＹ"]) is None and convert.column(["端州区-007"]) == ["端州区-007"]
    pool = [
        "GY-001",
        "端州区-007",
        " 2023－1 ",
        "２０２３",
        "A\u2013B",
        "A\u00adB",
        "A\u200bB",
        "A—B",
        "ー",
        "",
        "项目",
    ]
    rng = random.Random(5)
    for raw in [rng.choices(pool, k=rng.randint(1, 6)) for _ in range(500)]:
        fast = convert.column(raw)
        assert fast is None or fast == [convert(v) or None for v in raw], raw


def test_a_project_saved_by_hand_gets_the_same_spelling() -> None:
    project = validate_project(Project(name="测试项目", code=" 2023－441200－36－03－000001\u3000"))
    assert project.code == CODE
    assert validate_project(Project(name="测试项目", code=" \u3000")).code is None


def test_the_matcher_finds_a_code_stored_in_an_older_spelling() -> None:
    old = Matcher([Stored(1, "2023－441200－36－03－000001", "测试项目01", "端州区")])
    assert old.match(CODE, "测试项目01", "端州区").pid == 1
    assert old.match(CODE, None, None).pid == 1
    both = Matcher([Stored(1, "A－1", "甲", None), Stored(2, "A-1", "乙", None)])
    assert both.match("A-1", None, None).pid == 2  # the code stored as spelt wins
    plain = Matcher([Stored(1, CODE, "测试项目01", "端州区")])
    assert plain.by_code == {CODE: 1}


# -- imports, on both engines ---------------------------------------------------------------------------
@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def row(code: str, n: int, planned: int) -> list:
    return [code, f"测试项目0{n}", f"企业0{n}有限公司", "新能源", "端州区", "在建", planned, 50, date(2023, 3, 15),
            date(2023, 10, 10), "否"]  # fmt: skip


def base(path: Path) -> Path:
    rows = [row(f"2023-441200-36-03-00000{n}", n, 10_000 + n) for n in (1, 2, 3)]
    return write_workbook(path, SheetSpec("项目清单", [HEADER, *rows]))


def test_a_reimport_with_full_width_hyphens_matches_the_stored_projects(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    first = service.import_file(base(tmp_path / "j06_base.xlsx"), ImportOptions())
    assert (first.added, first.updated, first.unchanged) == (3, 0, 0)
    variants = [
        row(" 2023－441200－36－03－000001 ", 1, 15_000),  # j06: full-width hyphens, spaces around; amount changed
        row("2023-441200-36-03-000002\u00a0", 2, 10_002),
        row("\u3000２０２３—441200–36−03‐000003\u3000", 3, 10_003),
    ]
    update = write_workbook(tmp_path / "j06_code_variants_update.xlsx", SheetSpec("项目清单", [HEADER, *variants]))
    analysis = service.analyse(service.read(update), ImportOptions())
    assert analysis.sheets[0].status == ["update", "same", "same"]
    assert [c.field for c in analysis.sheets[0].changes[0]] == ["planned_investment"]  # not the code
    result = service.import_file(update, ImportOptions())
    assert result.ok and (result.added, result.updated, result.unchanged) == (0, 1, 2)
    projects = {p.code: p for p in ctx.projects.all_projects()}
    assert set(projects) == {f"2023-441200-36-03-00000{n}" for n in (1, 2, 3)}
    assert projects[CODE].planned_investment == 150_000_000


def test_a_new_project_is_stored_in_the_one_spelling(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "new.xlsx", SheetSpec("项目清单", [HEADER, row(" 2023－441200－36－03－000001 ", 1, 1)])
    )
    assert service.import_file(path, ImportOptions()).added == 1
    (project,) = ctx.projects.all_projects()
    assert project.code == CODE
    again = write_workbook(tmp_path / "again.xlsx", SheetSpec("项目清单", [HEADER, row(CODE, 1, 1)]))
    result = service.import_file(again, ImportOptions())
    assert (result.added, result.unchanged) == (0, 1)
    with pytest.raises(ValidationError) as info:  # by hand: the unique code sees the variant as the same code
        ctx.projects.create(Project(name="另一个项目", code="2023—441200—36—03—000001"))
    assert info.value.problems[0].code == "duplicate_code"


def test_two_rows_of_one_file_differing_only_by_dashes_are_a_duplicate(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    rows = [HEADER, row(CODE, 1, 10_000), row("2023－441200－36－03－000001", 2, 20_000)]
    path = write_workbook(tmp_path / "dup.xlsx", SheetSpec("项目清单", rows))
    result = service.import_file(path, ImportOptions())
    said = [(p.row, p.problem.code, p.problem.params["value"]) for p in result.problems]
    assert said == [(2, "rows_differ", CODE), (3, "rows_differ", CODE)]  # other figures: neither row is known right
    assert not result.written and ctx.projects.all_projects() == []


def test_a_code_stored_before_normalisation_is_matched_and_respelt(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    service.import_file(base(tmp_path / "base.xlsx"), ImportOptions())
    with ctx.database.write() as s:  # as an older version stored it, before codes had one spelling
        s.execute(text("UPDATE projects SET code = :old WHERE code = :new"), {"old": "2023－441200－36－03－000001",
                                                                              "new": CODE})  # fmt: skip
    result = service.import_file(base(tmp_path / "again.xlsx"), ImportOptions())
    assert (result.added, result.updated, result.unchanged) == (0, 1, 2)
    assert {p.code for p in ctx.projects.all_projects()} == {f"2023-441200-36-03-00000{n}" for n in (1, 2, 3)}
