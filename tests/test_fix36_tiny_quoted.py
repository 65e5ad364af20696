"""fix36: the question of a planned investment far below the list's middle project quotes the cell as typed, in
the column's unit, not the yuan read from it. A real .xlsx written with openpyxl, imported through the command
line on both engines.

Before, 0.012345 typed in a 万元 list was quoted as “123” and said as “123 yuan … (150,000,000 yuan)”: a figure
in no cell.
"""

from __future__ import annotations

import io
from pathlib import Path

from import_files import SheetSpec, write_workbook

from zqtracker.cli.console import ExitCode
from zqtracker.cli.main import main
from zqtracker.services.context import AppContext

HEAD = ["序号", "项目名称", "建设单位", "总投资"]
ROWS = [[1, "甲项目", "甲公司", 20000], [2, "乙项目", "乙公司", 15000], [3, "丙项目", "丙公司", 8000]]


def test_a_tiny_planned_investment_is_quoted_as_typed_in_the_columns_unit(
    db_url: str, ctx: AppContext, tmp_path: Path
) -> None:
    """Row 7's 0.012345 (万元: 123 yuan) under rows of 20000, 15000, 8000万 (the middle one 15,000万元): asked,
    quoting 0.012345 and saying 0.012345万元 (123 yuan) against 15,000万元, in English and Chinese; nothing
    written."""
    sheet = SheetSpec("Sheet1", [["肇庆市鼎湖区2026年项目建设情况表"], ["单位：万元"], HEAD, *ROWS,
                                 [4, "丁项目", "丁公司", 0.012345]])  # fmt: skip
    path = write_workbook(tmp_path / "tiny.xlsx", sheet)
    out, err = io.StringIO(), io.StringIO()
    code = main(["--db", db_url, "import", str(path)], stdout=out, stderr=err)
    said = out.getvalue() + err.getvalue()
    assert code == ExitCode.INVALID_INPUT, said
    assert (
        "row 7, column D “总投资”: 0.012345 — Planned investment: 0.012345万元 (123 yuan) is 1/1,219,512 of the "
        "middle project of the list (15,000万元 (¥150,000,000))" in said
    )
    assert ctx.projects.all_projects() == []
    out = io.StringIO()
    main(["--lang", "zh", "--db", db_url, "import", str(path), "--dry-run"], stdout=out, stderr=out)
    assert (
        "0.012345 — 计划总投资：0.012345万元（123 元），仅为清单居中项目（15,000万元（150,000,000元））"
        in out.getvalue()
    )
