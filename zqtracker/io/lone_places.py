"""A district's title typed alone in one cell, unmerged and with no year, straight over its projects and
with no header again (高要区重点项目表 over 高要区's rows, then 四会市 in A7 over 四会市's): io/rows.py reads
it as a title, not a project's second line; this says whether it surely heads the rows under it — they
number again from 1 (or no higher than the rows above), or nothing is above it to continue, or such a row
already opened an earlier table — for io/block_places.py, which asks (place_row_unclear) when it does not."""

from __future__ import annotations

from typing import TYPE_CHECKING

from zqtracker.io.context import place_in_text
from zqtracker.io.rows import place_title

if TYPE_CHECKING:
    from collections.abc import Callable

    from zqtracker.io.plan import SheetPlan
    from zqtracker.io.reader import RawSheet


def lone_places(
    plan: SheetPlan, sheet: RawSheet, known: frozenset[str], numbers: Callable[[], list | None] | None
) -> dict[int, tuple[str, bool]]:
    """Each such title row (an index into the sheet's rows) → (the district it names, whether it surely
    heads the rows under it). ``numbers`` gives each data row's 序号 ("12", None), when the sheet has them."""
    out: dict[int, tuple[str, bool]] = {}
    pattern = False  # a lone place has opened a table already: the next one is one too
    rows, said = plan.data_rows, None
    for i in sorted(i for i, kind in plan.skipped.items() if kind == "title"):
        place = place_title(sheet.rows[i])
        if place is None:
            continue
        text = next(v for v in sheet.rows[i] if v.__class__ is str)
        k = next((k for k, r in enumerate(rows) if r > i), len(rows))
        if k == 0 or k == len(rows) or pattern:
            sure = True
        else:
            said = said if said is not None else (numbers() if numbers is not None else None) or []
            sure = _numbered_again(said, k)
        pattern = pattern or (sure and k < len(rows))
        out[i] = (place_in_text(text, known) or place, sure)
    return out


def _numbered_again(numbers: list, k: int) -> bool:
    """Data row ``k``'s 序号 starts again: 1, or no higher than the last one above it."""
    if k >= len(numbers) or numbers[k] is None:
        return False
    above = next((n for n in reversed(numbers[:k]) if n is not None), None)
    return numbers[k] == "1" or (above is not None and int(numbers[k]) <= int(above))
