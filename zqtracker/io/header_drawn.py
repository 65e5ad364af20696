"""A three-row header drawn without merged cells (probe: carried since session 22).

    序号 | 项目名称 | 总投资 | 2025年投资计划 |          |      | 项目状态
         |          |        | 年度计划       | 完成投资 |      |
         |          |        |                | 1-6月    | 6月  |

The group's words stand in the first column of its span only, blanks to their right; the same for the second
level; a field's words stand in the top row with blanks under them. Read as the merged version is: each blank
takes the group on its left when the row below has sub-headers under it, and a top cell with blanks under it
spans the three rows. The merges are drawn into the sheet's list (header rows only), so that io/header_rows.py
reads the header as it reads the merged one. Nothing is drawn unless the three rows have no merge, no number,
and every word of the second and third rows stands under a group of the row above — a data row of text (a
section row, a project without figures) is never taken for the header's third row.
"""

from __future__ import annotations

from zqtracker.io.reader import RawSheet
from zqtracker.io.values import is_empty

Merge = tuple[int, int, int, int]


def _row(sheet: RawSheet, r: int) -> list | None:
    i = r - sheet.row_offset
    return sheet.rows[i] if 0 <= i < len(sheet.rows) else None


def _spans(top: list, below: tuple[list, ...], start: int, stop: int) -> list[tuple[int, int]] | None:
    """The groups of ``top`` within columns ``start``..``stop``-1: (first, last) for each filled cell whose
    blanks to the right have words under them in a row of ``below`` (at least one blank); None when a word
    of ``below`` stands under a blank that no group on its left covers."""
    spans: list[tuple[int, int]] = []
    c = start

    def under(j: int) -> bool:
        return any(not is_empty(_at(row, j)) for row in below)

    while c < stop:
        if is_empty(_at(top, c)):
            if under(c):
                return None
            c += 1
            continue
        last = c
        while last + 1 < stop and is_empty(_at(top, last + 1)) and under(last + 1):
            last += 1
        if last > c:
            spans.append((c, last))
        c = last + 1
    return spans


def _at(row: list, j: int) -> object:
    return row[j] if 0 <= j < len(row) else ""


def drawn_merges(sheet: RawSheet, hr: int) -> list[Merge]:
    """The merges a three-row header from row ``hr`` would have if drawn merged (0-based sheet places), or
    none when rows ``hr``..``hr``+2 are not such a header."""
    rows = [_row(sheet, r) for r in (hr, hr + 1, hr + 2)]
    if any(r is None for r in rows) or any(m[0] <= hr + 2 and m[2] >= hr for m in sheet.merged[:200_000]):
        return []
    top, middle, bottom = (r for r in rows if r is not None)
    if any(isinstance(v, (int, float)) and not isinstance(v, bool) for r in (top, middle, bottom) for v in r):
        return []
    width = max(len(top), len(middle), len(bottom))
    groups = _spans(top, (middle, bottom), 0, width)
    if not groups:
        return []
    merges: list[Merge] = []
    inside = {j for a, b in groups for j in range(a, b + 1)}
    for j in range(width):  # outside the groups: a field's words over two blanks, or nothing under them
        if j in inside:
            continue
        if not is_empty(_at(middle, j)) or not is_empty(_at(bottom, j)):
            return []
        if not is_empty(_at(top, j)):
            merges.append((hr, j, hr + 2, j))
    subgroups = 0
    for a, b in groups:
        merges.append((hr, a, hr, b))
        subs = _spans(middle, (bottom,), a, b + 1)
        if subs is None:
            return []
        covered = {j for s, e in subs for j in range(s, e + 1)}
        subgroups += len(subs)
        for s, e in subs:
            merges.append((hr + 1, s, hr + 1, e))
        for j in range(a, b + 1):
            if j not in covered and not is_empty(_at(middle, j)) and is_empty(_at(bottom, j)):
                merges.append((hr + 1, j, hr + 2, j))
    if not subgroups:
        return []
    off = sheet.col_offset
    return [(r0, c0 + off, r1, c1 + off) for r0, c0, r1, c1 in merges]
