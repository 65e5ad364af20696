"""Rows whose only values lie outside the table: in columns with no header over them.

A value in a column no header names is read from no row (a project's row says nothing there), so a
row holding nothing else holds nothing the import reads. It is no continuation of the project above
it either: a stray "x" at IV65536, 65,000 empty rows under a list of three projects, was said to
"continue the project above" (probe 31b, s06). Such a row counts as empty.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zqtracker.io.values import is_empty

if TYPE_CHECKING:
    from zqtracker.io.layout_model import SheetLayout
    from zqtracker.io.plan import SheetPlan
    from zqtracker.io.reader import RawSheet


def outside_table(plan: SheetPlan, sheet: RawSheet, layout: SheetLayout) -> set[int]:
    """The plan's rows (k) without name or code whose every value lies under no header."""
    names, codes = plan.values.get("name"), plan.values.get("code")
    named = {c.index - sheet.col_offset for c in layout.columns if c.header or c.field}
    found: set[int] = set()
    for k, i in enumerate(plan.data_rows):
        if (names is not None and names[k] is not None) or (codes is not None and codes[k] is not None):
            continue
        row = sheet.rows[i] if 0 <= i < len(sheet.rows) else []
        if not any(j in named for j, v in enumerate(row) if not is_empty(v)):
            found.add(k)
    return found
