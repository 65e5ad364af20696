"""A monthly round's table brought to the ordinary import (probe24b S8c, S9b, S11).

The round's sheet holds the status and figures on record (grey: 原项目状态, 1–(X−1)月累计, last
month's amount) beside the district's (本月项目状态, 当月, 1–X月累计). The ordinary import takes the
first status column and reads the grey figures as figures: a status put back to the one on record,
zeros stored for the months before. A workbook that still carries the round's hidden sheet is
refused, pointing to ``round collect``, which reads it as the round wrote it; a round's table
without it (saved as CSV, the sheet copied elsewhere), which collect cannot take, is refused while
a grey column is read, saying which columns to leave out with --map.
"""

from __future__ import annotations

from zqtracker.io.errors import WorkbookRefused
from zqtracker.io.numfmt import column_letter
from zqtracker.io.round_columns import header_key
from zqtracker.io.round_text import t
from zqtracker.io.round_workbook import META_SHEET
from zqtracker.services.import_model import ImportAnalysis


def refuse_round_table(analysis: ImportAnalysis) -> None:
    """Raises WorkbookRefused for a selected sheet that is a round's table read as an ordinary list."""
    book = analysis.book
    for sa in analysis.sheets:
        raw, layout = sa.raw, sa.layout
        i = layout.header_row - raw.row_offset
        if not sa.selected or layout.header_row < 0 or not 0 <= i < len(raw.rows):
            continue
        heads = {header_key(v): raw.col_offset + j for j, v in enumerate(raw.rows[i])}
        for lang in ("zh", "en"):
            before, now = (
                heads.get(header_key(t("col_status_before", lang))),
                heads.get(header_key(t("col_status", lang))),
            )
            if before is None or now is None or not before < now:
                continue
            if META_SHEET in book.sheet_names or any(s.name == META_SHEET for s in book.sheets):
                raise WorkbookRefused("round_book_ordinary_import", book.path.name, sheet=sa.name)
            grey = [c.index for c in layout.mapped() if before <= c.index < now]
            if grey:
                letters = ", ".join(column_letter(c) for c in grey)
                maps = " ".join(f"--map {column_letter(c)}=none" for c in range(before, now))
                raise WorkbookRefused("round_table_grey_read", book.path.name, sheet=sa.name, columns=letters,
                                      maps=maps)  # fmt: skip
