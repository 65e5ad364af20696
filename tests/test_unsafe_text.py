"""Text a hostile file carries that a terminal would act on (ESC sequences, a bell) or that reverses the
text around it (U+202E): not stored in names and districts (Gaoyao\\x1b[2J was a second district beside
Gaoyao), and never printed raw by the command line (a sheet's name is written as \\x1b)."""

from __future__ import annotations

import io
from pathlib import Path

from zqtracker.cli.console import shown
from zqtracker.cli.main import main
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

CSV = (
    "项目名称,所在区域,计划总投资（万元）\n"
    "Plant\x07 A\u202e,Gaoyao,100\nPlant B,Gaoyao\x1b,200\nPlant\u200b C, Gaoyao\ufeff,300\n"
)


def test_control_characters_are_not_stored(ctx: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text(CSV, encoding="utf-8")
    service = ImportService(ctx.database, MappingStore(tmp_path / "m.json"))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.new_districts == ["Gaoyao"]  # one district, not Gaoyao and Gaoyao\x1b
    assert {p.name: p.district for p in ctx.projects.all_projects()} == {
        "Plant A": "Gaoyao",
        "Plant B": "Gaoyao",
        "Plant C": "Gaoyao",
    }


def test_the_command_line_never_prints_them_raw(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text(CSV, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    main(["--db", str(tmp_path / "d.sqlite"), "import", str(path), "--dry-run"], stdout=out, stderr=err)
    text = out.getvalue() + err.getvalue()
    assert all(line.isprintable() for line in text.splitlines())
    assert shown("Sheet “a\x1b[2Jb\u202ec”\nd") == "Sheet “a\\x1b[2Jb\\u202ec”\nd"


def test_a_sheet_of_a_hundred_thousand_columns_is_not_a_hundred_thousand_notes(ctx: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("项目名称,所在区域," + ",".join(f"列{j}" for j in range(5000)) + "\n甲,高要区\n", encoding="utf-8")
    service = ImportService(ctx.database, MappingStore(tmp_path / "m.json"))
    result = service.import_file(path, ImportOptions(), dry_run=True)
    assert result.ok and result.added == 1 and len(result.notes) < 60
    (more,) = [n for n in result.notes if n.code == "note_more_columns"]
    assert more.params["count"] > 4900 and "不逐一列出" in more.message("zh")
