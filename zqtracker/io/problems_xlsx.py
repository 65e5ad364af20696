"""The problem list of an import as a workbook, for the district that sent the file to fix.

Values are written as text (write_string): a value like "=HYPERLINK(...)" from a hostile file
must not become a formula in the report.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from zqtracker.domain.words import CLI, Catalogue, Surface
from zqtracker.io.errors import CellProblem

_WORDS = Catalogue(
    "problems_workbook",
    {
        "sheet": ("Problems", "问题"),
        "title": ("Import problems: {source}", "导入问题：{source}"),
        "headers": ("Sheet|Row|Column|Header|Value|Problem", "工作表|行|列|表头|值|问题"),
    },
)


def write_problems(
    path: Path, problems: Sequence[CellProblem], *, source: str = "", lang: str = "en", surface: Surface = CLI
) -> Path:
    """``surface``: whose remedies the problems name — the dialog's (APP) or the command line's flags."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
    try:
        ws = wb.add_worksheet(_WORDS.say("sheet", lang))
        bold = wb.add_format({"bold": True, "bg_color": "#F2F2F2", "border": 1})
        title = wb.add_format({"bold": True, "font_size": 12})
        ws.write_string(0, 0, _WORDS.say("title", lang, source=source) if source else "", title)
        ws.write_row(1, 0, _WORDS.say("headers", lang).split("|"), bold)
        for r, p in enumerate(problems, start=2):
            ws.write_string(r, 0, p.sheet)
            ws.write_number(r, 1, p.row)
            ws.write_string(r, 2, p.column)
            ws.write_string(r, 3, p.header)
            ws.write_string(r, 4, p.value)
            ws.write_string(r, 5, p.reason(lang, surface))
        ws.set_column(0, 0, 16)
        ws.set_column(1, 2, 7)
        ws.set_column(3, 4, 22)
        ws.set_column(5, 5, 60)
        ws.freeze_panes(2, 0)
        if problems:
            ws.autofilter(1, 0, len(problems) + 1, 5)
    finally:
        wb.close()
    return path
