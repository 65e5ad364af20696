"""统一社会信用代码 columns on import (fix27u): they were not imported at all (the header was recognised and
left out). A district's list with 项目名称 | 建设单位 | 统一社会信用代码 now stores the code on a new enterprise,
gives it to a stored enterprise of that name that has none (a change of the row; an undo takes it away), asks
when the stored enterprise has another code or the file gives one code two names, refuses an invalid code on
its row, and reads an enterprise of another name as the stored one its code names. The export writes the code
beside the enterprise, a re-import reads it back unchanged, ``show`` gives it. Real .xlsx files written by
openpyxl, imported through the service, both engines."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.cli.main import main
from zqtracker.domain.credit_code import check_character
from zqtracker.domain.models import Enterprise
from zqtracker.services.context import AppContext
from zqtracker.services.exporting import ExportOptions, ExportService
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

# Two valid codes, their check characters worked out by GB 32100 (domain/credit_code.check_character):
# 91441200MA4UABC12 → F, 91441200MA4UABC34 → P.
A = "91441200MA4UABC12F"
B = "91441200MA4UABC34P"
assert (check_character(A[:17]), check_character(B[:17])) == ("F", "P")


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def district_list(tmp_path: Path, name: str, *rows: list, header: str = "统一社会信用代码") -> Path:
    """Title (row 1), header (row 2), one project a row from row 3: name, enterprise, code, planned 万元."""
    head = ["项目名称", "建设单位", header, "计划总投资（万元）"]
    return write_workbook(tmp_path / f"{name}.xlsx", SheetSpec("Sheet1", [["鼎湖区2025年重点项目表"], head, *rows]))


def codes(ctx: AppContext) -> dict[str, str | None]:
    return {e.name: e.credit_code for e in ctx.references.enterprises()}


def asked(result: ImportResult) -> list[tuple[int, str, str, str]]:
    return [(p.row, p.column, p.problem.code, p.value) for p in result.problems]


@pytest.mark.parametrize("header", ["统一社会信用代码", "信用代码", "社会信用代码", "统一代码", "企业信用代码",
                                    "Unified social credit code"])  # fmt: skip
def test_a_new_enterprise_keeps_its_code_and_the_code_is_no_project_code(
    service: ImportService, ctx: AppContext, tmp_path: Path, header: str
) -> None:
    path = district_list(tmp_path, "new", ["鼎湖包装项目", "甲科技有限公司", A, 1000],
                         ["鼎湖五金项目", "乙公司", B.lower(), 2000], header=header)  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 2
    assert codes(ctx) == {"甲科技有限公司": A, "乙公司": B}  # lower case read as the code it is
    assert {p.name: p.code for p in ctx.projects.all_projects()} == {"鼎湖包装项目": None, "鼎湖五金项目": None}


def test_a_code_without_an_enterprise_is_said_not_dropped_silently(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """Row 4 gives B but no enterprise, and no stored enterprise has B: nothing to give it to — said, not silent."""
    path = district_list(
        tmp_path, "alone", ["鼎湖包装项目", "甲科技有限公司", A, 1000], ["鼎湖五金项目", None, B, 2000]
    )
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 2 and codes(ctx) == {"甲科技有限公司": A}
    said = [n.message("en") for n in result.notes if n.code == "note_credit_code_alone"]
    assert said == [
        "1 row(s) give a credit code but no enterprise (rows 4): those codes were not stored — write the "
        "enterprise's name beside its code to keep it."
    ]


def test_an_invalid_code_is_refused_on_its_row_unless_skipped(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """A's last character F typed as E: the check character says F. Row 4's 17 characters: too short."""
    bad = A[:17] + "E"
    path = district_list(tmp_path, "bad", ["鼎湖包装项目", "甲公司", bad, 1000],
                         ["鼎湖五金项目", "乙公司", B[:17], 2000], ["鼎湖陶瓷项目", "丙公司", B, 1500])  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert not result.written and asked(result) == [
        (3, "C", "bad_credit_code", bad),
        (4, "C", "bad_credit_code", B[:17]),
    ]
    text = result.problems[0].reason("en")
    assert (
        bad in text
        and "check character should be F" in text
        and "17 characters, 18 expected" in (result.problems[1].reason("en"))
    )
    assert codes(ctx) == {}
    skipped = service.import_file(path, ImportOptions(skip_invalid=True))
    assert skipped.added == 1 and codes(ctx) == {"丙公司": B}


def test_a_stored_enterprise_without_a_code_is_given_it_and_an_undo_takes_it_away(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    first = district_list(tmp_path, "first", ["鼎湖包装项目", "甲科技有限公司", None, 1000])
    service.import_file(first, ImportOptions())
    assert codes(ctx) == {"甲科技有限公司": None}
    again = district_list(tmp_path, "again", ["鼎湖包装项目", "甲科技有限公司", A, 1000])
    dry = service.import_file(again, ImportOptions(), dry_run=True)
    assert (dry.added, dry.updated, dry.unchanged) == (0, 0, 1)  # the project itself is as stored
    assert [(c["row"], c["field"], c["before"], c["after"], c["enterprise"]) for c in dry.changes] == [
        (3, "credit_code", None, A, "甲科技有限公司")
    ]
    assert codes(ctx) == {"甲科技有限公司": None}  # a dry run writes nothing
    done = service.import_file(again, ImportOptions())
    assert done.written and codes(ctx) == {"甲科技有限公司": A}
    assert done.change is not None
    service.undo(done.change)
    assert codes(ctx) == {"甲科技有限公司": None}
    service.redo(done.change)
    assert codes(ctx) == {"甲科技有限公司": A}


def test_a_stored_enterprise_with_another_code_is_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    ctx.references.save_enterprise(Enterprise("甲科技有限公司", credit_code=B))
    path = district_list(tmp_path, "other", ["鼎湖包装项目", "甲科技有限公司", A, 1000])
    result = service.import_file(path, ImportOptions())
    assert not result.written and asked(result) == [(3, "C", "credit_code_stored_other", A)]
    text = result.problems[0].reason("en")
    assert f"“甲科技有限公司” is stored with the credit code {B}, and this row gives {A}" in text
    assert codes(ctx) == {"甲科技有限公司": B}


def test_an_enterprise_of_another_name_is_the_one_its_code_names(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """甲科技有限公司 stored with A; the list writes 肇庆市甲科技有限公司 with A: one enterprise, said in a note,
    the project stored under 甲科技有限公司 and no second enterprise."""
    ctx.references.save_enterprise(Enterprise("甲科技有限公司", credit_code=A))
    path = district_list(tmp_path, "renamed", ["鼎湖包装项目", "肇庆市甲科技有限公司", A, 1000])
    result = service.import_file(path, ImportOptions())
    assert result.added == 1 and result.new_enterprises == []
    (note,) = [n for n in result.notes if n.code == "note_credit_code_match"]
    assert note.params == {"sheet": "Sheet1", "row": 3, "written": "肇庆市甲科技有限公司", "stored": "甲科技有限公司",
                           "code": A}  # fmt: skip
    assert [p.enterprise for p in ctx.projects.all_projects()] == ["甲科技有限公司"]
    assert codes(ctx) == {"甲科技有限公司": A}


def test_one_code_under_two_names_in_a_file_is_asked(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    path = district_list(tmp_path, "twice", ["鼎湖包装项目", "甲科技有限公司", A, 1000],
                         ["鼎湖五金项目", "乙公司", A, 2000])  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert not result.written and asked(result) == [(4, "C", "credit_code_two_names", A)]
    assert "given to “甲科技有限公司” in row 3 and to “乙公司” here" in result.problems[0].reason("en")


def test_the_export_writes_the_code_beside_the_enterprise_and_reads_it_back(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    path = district_list(
        tmp_path, "new", ["鼎湖包装项目", "甲科技有限公司", A, 1000], ["鼎湖五金项目", "乙公司", None, 2000]
    )
    service.import_file(path, ImportOptions())
    out = tmp_path / "export.xlsx"
    ExportService(ctx.database).export(out, ExportOptions(lang="zh", summaries=False))
    ws = openpyxl.load_workbook(out)["项目清单"]
    header = [c.value for c in ws[1]]
    at = header.index("统一社会信用代码")
    assert header[at - 1] == "投资主体"  # in the enterprise's group
    assert sorted(str(r[at].value or "") for r in ws.iter_rows(min_row=2)) == ["", A]
    again = service.import_file(out, ImportOptions(), dry_run=True)
    assert again.ok and (again.added, again.updated) == (0, 0) and again.changes == []
    pid = str(next(p.id for p in ctx.projects.all_projects() if p.name == "鼎湖包装项目"))
    err, shown = io.StringIO(), io.StringIO()
    assert main(["--db", ctx.database.url, "show", pid, "--json"], stdout=shown, stderr=err) == 0, err.getvalue()
    assert json.loads(shown.getvalue())["credit_code"] == A
    text = io.StringIO()
    assert main(["--db", ctx.database.url, "--lang", "zh", "show", pid], stdout=text) == 0
    assert "统一社会信用代码" in text.getvalue() and A in text.getvalue()
