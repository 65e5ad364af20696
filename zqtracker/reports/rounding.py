"""A table's note when its rounded figures do not add up to its rounded total (probe37b F4).

Each figure of a printed table is rounded to the unit's digits on its own, so 7.63 + 7.31 + 6.15 + 6.10
may print under a total of 27.20 (the exact yuan add up; their roundings need not). Statistical tables
say so under the table, as official ones do (“因四舍五入，分项之和与合计略有出入”): the note is given only
when what is printed does not add up, column by column, as a reader adding the column would find.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from zqtracker.domain.words import Catalogue
from zqtracker.reports.model import Row, RowStyle

_ROUNDING = Catalogue(
    "report_rounding",
    {
        "rounding_note": (
            "Each figure is rounded on its own, so the lines may not add up to the total exactly.",
            "因四舍五入，分项之和与合计可能略有出入。",
        )
    },
)


def _shown(cell: str) -> Decimal | None:
    try:
        return Decimal(cell.replace(",", "").strip())
    except InvalidOperation:
        return None


def rounding_note(rows: Sequence[Row], columns: Sequence[int], lang: str) -> str:
    """The note when, in one of ``columns`` (money), the lines above the TOTAL row — every cell a plain
    number — add up to other than the total's cell; "" otherwise (or when a cell is a word, "—", a span)."""
    total = next((r for r in rows if r.style is RowStyle.TOTAL), None)
    if total is None:
        return ""
    lines = [r for r in rows if r is not total]
    for j in columns:
        whole = _shown(total.cells[j])
        shown = [_shown(r.cells[j]) for r in lines]
        parts = [p for p in shown if p is not None]
        if whole is None or not parts or len(parts) < len(shown):
            continue
        if sum(parts, Decimal(0)) != whole:
            return _ROUNDING.say("rounding_note", lang)
    return ""
