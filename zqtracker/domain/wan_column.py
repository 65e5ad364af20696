"""“8000万” in a column of 万元 reads two ways (domain/money.py asks): 8000万元, or 8000万 × 万元 = 8000亿元 —
ten thousand times apart. The cell and its row may not settle it (io/plan_settle.py); the column's other
amounts may. A district's list keeps like projects in one column: where the column has at least
:data:`MIN_AMOUNTS` amounts that read one way only (plain numbers in its unit, cells with their own unit:
“2.5亿”, “30000万元”), and the numeral reading lies more than :data:`FAR` times above the largest of them while
the own-unit reading lies within :data:`FAR` times of their range, the numeral reading is no amount of that
list and the cell's own unit stands. Anything else stays a question: too few amounts to say what the column
holds, or both readings near the column's range.

Why 100: the two readings are 10,000 times apart, so a margin of 100 on each side of the column's range still
leaves them on opposite sides of it — the numeral reading above ``largest × 100`` and the own-unit reading
inside — and never lets both pass. A list's own spread (a 3500万元 食品 plant beside a 5亿 储能 project) lies
well inside it. Three amounts, not one or two: one stray amount is not yet a column's range.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from zqtracker.domain.errors import Problem

MIN_AMOUNTS = 3  # amounts read one way only the column needs before it settles anything
FAR = 100  # how far outside the column's range (either way) a reading may lie and still be of it


@dataclass
class AmountRange:
    """The amounts in yuan that read one way only in one column: how many (not zero), the smallest, the largest."""

    count: int = 0
    low: int = 0
    high: int = 0

    def add(self, amounts: Iterable[int]) -> None:
        """Take more amounts (zeros say nothing of the column's size and are left out; signs are ignored)."""
        found = [abs(a) for a in amounts if a]
        if not found:
            return
        low, high = min(found), max(found)
        self.low = low if not self.count else min(self.low, low)
        self.high = max(self.high, high)
        self.count += len(found)


def read_by_column(problem: Problem, amounts: AmountRange | None) -> int | None:
    """The cell's own-unit reading in yuan of a ``wan_in_unit_column`` problem where the column's
    ``amounts`` rule the numeral reading out; None where the question stays."""
    if amounts is None or amounts.count < MIN_AMOUNTS:
        return None
    as_unit, as_numeral = abs(int(problem.params["as_unit"])), abs(int(problem.params["as_numeral"]))
    if as_numeral <= amounts.high * FAR:  # the numeral reading may be one of the column's amounts
        return None
    if not (amounts.low <= as_unit * FAR and as_unit <= amounts.high * FAR):  # nor is the own unit's reading
        return None
    return int(problem.params["as_unit"])


def column_note(
    sheet: str, letter: str, header: str, rows: str, example: str, unit: str, amounts: AmountRange
) -> Problem:
    """What the import says of a column's cells settled by :func:`read_by_column` (``rows``: as said)."""
    params = {
        "sheet": sheet,
        "column": letter,
        "header": header,
        "rows": rows,
        "example": example,
        "unit": unit,
        "count": amounts.count,
        "high": amounts.high,
        "far": FAR,
    }
    return Problem("note_wan_read_by_column", None, params)
