"""Which way a sheet's district rows sum (probe34a F7), for io/plan_groups.py: a row naming a place alone with
figures (端州区 | 5000) is the subtotal of the projects under it (a group row over them) or of those just above
it, since the last such row (a subtotal written after its group):

    1 | 端州宏达新材料项目 | 5000
      | 端州区             | 5000    ← equal to the row above AND to the row below
    2 | 四会物流园项目     | 5000
      | 四会市             | 5000    ← only to the row above: the sheet writes its subtotals after their rows

A row that fits one reading only says how the sheet is written; a row that fits both takes the way the others
say — where none says (or they say both), it is asked, naming both sets of rows: never a guess that moves
a project into the next district's group.
"""

from __future__ import annotations

BELOW, ABOVE = "below", "above"


def sheet_side(fits: dict[int, tuple[bool, bool]]) -> str | None:
    """BELOW or ABOVE: the way every place row that fits one reading only (``fits``: row → (its figures are the
    rows' under it, the rows' above it)) sums; None when no row tells or rows tell both ways."""
    told = {BELOW if below else ABOVE for below, above in fits.values() if below != above}
    return told.pop() if len(told) == 1 else None


def side_of(fit: tuple[bool, bool], side: str | None) -> str | None:
    """BELOW, ABOVE, or None for a row whose figures sum neither way; "ask" where both fit and the sheet does not
    say which."""
    below, above = fit
    if below and above:
        return side or "ask"
    return BELOW if below else ABOVE if above else None
