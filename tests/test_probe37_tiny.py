"""probe37b: a planned investment of a few yuan (0.00025万元, 2.5 yuan; 0.00004万元, 0.4 yuan) was stored
as 3 and as 0 yuan without a word, though 100 yuan is asked (F3); a refused import's --json said
"updated": 2 and listed its changes, and its note said "Stored as the file gives them" (F1). Real .xlsx
files written by openpyxl; the CLI in-process on both engines."""

from __future__ import annotations

import io
import json
from pathlib import Path

from import_files import SheetSpec, write_workbook

from zqtracker.cli.main import main
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService


def run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), stdout=out, stderr=err), out.getvalue() + err.getvalue()


def sheet(tmp_path: Path, name: str, *rows: list) -> Path:
    return write_workbook(tmp_path / f"{name}.xlsx", SheetSpec("Sheet1", [["鼎湖区重点项目情况表"], *rows]))


def test_an_amount_of_part_of_a_yuan_is_asked_never_stored_rounded(ctx: AppContext, tmp_path: Path) -> None:
    """Rows 6 and 7 (2.5 and 0.4 yuan in 万元) are asked like the 100-yuan row 8; --skip-invalid stores
    the others, never 3 or 0 yuan."""
    head = ["序号", "项目名称", "建设单位", "计划总投资"]
    path = sheet(tmp_path, "tiny", ["单位：万元"], head,
                 [1, "鼎湖包装项目", "甲公司", 20000], [2, "鼎湖五金项目", "乙公司", 15000],
                 [3, "鼎湖陶瓷项目", "丙公司", 0.00025], [4, "鼎湖食品项目", "丁公司", 0.00004],
                 [5, "鼎湖纸业项目", "戊公司", 0.01], [6, "鼎湖建材项目", "己公司", 18000])  # fmt: skip
    service = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))
    result = service.import_file(path, ImportOptions(skip_invalid=True))
    asked = {p.row: p.problem.code for p in result.problems}
    assert asked == {6: "money_part_of_yuan", 7: "money_part_of_yuan", 8: "planned_row_tiny"}, asked
    said = {p.row: p.problem.message("en") for p in result.problems}
    assert "0.4 yuan" in said[7] and "another unit" in said[7], said[7]
    planned = {p.name: p.planned_investment for p in ctx.projects.all_projects()}
    assert 0 not in planned.values() and 3 not in planned.values(), planned
    assert planned["鼎湖包装项目"] == 200_000_000


def test_a_refused_import_says_nothing_was_written(db_url: str, tmp_path: Path) -> None:
    """A re-import moving a project back (a note) with one bad row: exit 1, and neither the --json
    nor the notes claim anything was stored; the same file accepted says what it wrote."""
    head = ["项目编号", "项目名称", "所在区域", "项目状态", "计划总投资（万元）"]
    first = sheet(tmp_path, "first", head, ["P1", "鼎湖包装项目", "鼎湖区", "投产", 20000],
                  ["P2", "鼎湖五金项目", "鼎湖区", "在建", 15000])  # fmt: skip
    assert run("--db", db_url, "import", str(first))[0] == 0
    again = sheet(tmp_path, "again", head, ["P1", "鼎湖包装项目", "鼎湖区", "在建", 20000],
                  ["P2", "鼎湖五金项目", "鼎湖区", "在建", "十五千"])  # fmt: skip
    code, out = run("--db", db_url, "import", str(again), "--json")
    assert code == 1, out
    said = json.loads(out)
    assert said["written"] is False and said["refused"] is True, said
    assert (said["added"], said["updated"], said["changes"], said["changes_total"]) == (0, 0, [], 0), said
    assert said["notes"] and not any("Stored" in n for n in said["notes"]), said["notes"]
    code, out = run("--db", db_url, "import", str(again))
    assert code == 1 and "nothing was written" in out and "Stored" not in out, out
    code, out = run("--db", db_url, "import", str(again), "--dry-run", "--skip-invalid", "--json")
    said = json.loads(out)
    assert code == 0 and said["written"] is False and said["refused"] is False and said["updated"] == 1, said
    code, out = run("--db", db_url, "import", str(again), "--skip-invalid", "--json")
    said = json.loads(out)
    assert code == 0 and said["written"] is True and said["updated"] == 1, said
    assert any("Stored as the file gives them" in n for n in said["notes"]), said["notes"]
