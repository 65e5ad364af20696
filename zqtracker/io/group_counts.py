"""A district group row's count against the project rows under it (probe33a): 高要区（3个） over two rows.

The count is the district's own tally and can be out of date, so the rows are imported as they are; but a row
lost from the list (or put under the next district's group) is what a count shows, so a count that is not the
number of rows under its group row is said, naming the row, its count and the rows found.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.io.row_ranges import runs_text
from zqtracker.io.values import clean_text

if TYPE_CHECKING:
    from zqtracker.io.plan import SheetPlan
    from zqtracker.io.reader import RawSheet

_COUNT_RE = re.compile(r"[（(]\s*(?:共|合计)?\s*(\d{1,4})\s*(?:个|项)(?:项目)?\s*[)）]\s*$")
_LEVELS = {"section1": 0, "section2": 1}


def count_notes(plan: SheetPlan, contexts: list | None, sheet: RawSheet) -> None:
    """A note for each district group row whose count (“高要区（3个）”) is not the number of data rows under it —
    up to the next group row of its level or above."""
    if contexts is None or not plan.data_rows:
        return
    rows, data = plan.data_rows, set(plan.data_rows)
    sections = sorted((i, _LEVELS[kind]) for i, kind in plan.skipped.items() if kind in _LEVELS and i not in data)
    for n, (i, level) in enumerate(sections):
        text = next((clean_text(v) for v in sheet.rows[i] if isinstance(v, str) and v.strip()), "")
        said = _COUNT_RE.search(text)
        end = next((j for j, lv in sections[n + 1 :] if lv <= level), None)
        ks = range(bisect_right(rows, i), len(rows) if end is None else bisect_left(rows, end))
        if said is None or not ks or not _district(contexts[ks[0]], level):
            continue
        count = int(said[1])
        if count != len(ks):
            found = [plan.row_numbers[k] for k in ks]
            params = {"sheet": sheet.name, "row": i + sheet.row_offset + 1, "text": text, "count": count}
            plan.notes.append(Problem("note_group_count", None, {**params, "found": len(ks), "rows": runs_text(found)}))


def _district(context: tuple | None, level: int) -> bool:
    """Whether a data row's context says its group row of ``level`` named a district."""
    said = context[level] if context and len(context) > level else None
    return said is not None and said[0] == "district"
