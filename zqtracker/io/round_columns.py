"""A returned round workbook's columns found by their headers, not by where they were sent.

A district that unprotects the sheet can swap, move, insert or delete columns: read by position,
the 1–X月累计 typed into a column moved to where 当月 was sent is taken for the month's own figure
(probe24b R13b). Each column the round wrote is found again by the header it wrote; a header the
district renamed is still found where it was sent when nothing else stands there. A header found
twice, or found nowhere, is a problem naming it; a column the round did not write (a remark, next
month's estimates) is left out — never read as a field or a month — and named in a note when it
holds anything. The sheet comes back with the round's columns where they were sent, so everything
after (the row reader, the import) reads the columns the round wrote and only those.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from zqtracker.domain.errors import Problem
from zqtracker.io.errors import CellProblem
from zqtracker.io.numfmt import column_letter
from zqtracker.io.reader import RawSheet
from zqtracker.io.values import display, is_empty

_DASHES_RE = re.compile(r"[-~—–―－～‐‑‒]+")
_SPACE_RE = re.compile(r"\s+")


@dataclass
class Realigned:
    sheet: RawSheet
    problems: list[CellProblem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)  # columns the round did not write, left out


def header_key(value: object) -> str:
    """A header as compared: width, spaces and dash variants folded (1–10月 is 1-10月)."""
    if is_empty(value):
        return ""
    text = unicodedata.normalize("NFKC", display(value))
    return _DASHES_RE.sub("-", _SPACE_RE.sub("", text)).casefold()


def realign(sheet: RawSheet, columns: Sequence[str], headers: dict[str, str], header_row: int) -> Realigned:
    """``sheet`` with the round's ``columns`` (by key) where the round wrote them, found by the
    ``headers`` it wrote over them at ``header_row`` (0-based)."""
    actual = {c: header_key(_at(sheet, header_row, c)) for c in range(sheet.col_offset, _width(sheet))}
    actual = {c: h for c, h in actual.items() if h}
    wanted = {k: header_key(headers.get(k, "")) for k in columns}
    out = Realigned(sheet)
    place: dict[str, int] = {}
    unfound: list[str] = []
    twice: set[int] = set()  # columns under a header written twice: said once, not again as missing
    for k in columns:
        found = [c for c, h in actual.items() if wanted[k] and h == wanted[k]]
        if len(found) == 1:
            place[k] = found[0]
        elif len(found) > 1:
            twice.update(found)
            letters = ", ".join(column_letter(c) for c in found)
            params = {"value": headers[k], "columns": letters}
            out.problems.append(_problem(sheet, header_row, found[0], headers[k], "round_column_twice", params))
        else:
            unfound.append(k)
    taken, named = set(place.values()), {h for h in wanted.values() if h}
    for k in unfound:  # renamed where it was sent (or a header the round wrote another way), if nothing else is there
        at = columns.index(k)
        if at not in taken and actual.get(at, "") not in named:
            place[k] = at
            taken.add(at)
        elif k != "no" and at not in twice:  # the numbering is no field: a deleted 序号 column loses nothing
            params = {"value": headers.get(k, "") or k, "sent": column_letter(at)}
            out.problems.append(_problem(sheet, header_row, at, headers.get(k, ""), "round_column_missing", params))
    extra = [c for c in range(sheet.col_offset, _width(sheet)) if c not in taken and _holds(sheet, header_row, c)]
    if out.problems or (all(place.get(k) == i for i, k in enumerate(columns) if k in place) and not extra):
        return out
    for c in extra:
        header = display(_at(sheet, header_row, c)).strip() if not is_empty(_at(sheet, header_row, c)) else ""
        out.notes.append(Problem("round_column_left_out", None, {"sheet": sheet.name, "column": column_letter(c),
                                                                 "header": header or "—"}))  # fmt: skip
    out.sheet = _moved(sheet, columns, place, header_row)
    return out


def _moved(sheet: RawSheet, columns: Sequence[str], place: dict[str, int], header_row: int) -> RawSheet:
    """The sheet with each key's column at the key's index; rows above the header as they were."""
    rows: list[list] = []
    for i, cells in enumerate(sheet.rows):
        r = sheet.row_offset + i
        if r < header_row:
            rows.append([None] * sheet.col_offset + list(cells))
        else:
            rows.append([_cell(sheet, cells, place[k]) if k in place else None for k in columns])
    new_at = {c: columns.index(k) for k, c in place.items()}
    merged = []
    for r0, c0, r1, c1 in sheet.merged:
        if r1 < header_row:
            merged.append((r0, c0, r1, c1))
            continue
        now = [new_at.get(c, -1) for c in range(c0, c1 + 1)]
        if -1 not in now and now == list(range(now[0], now[0] + len(now))):
            merged.append((r0, now[0], r1, now[-1]))
    hidden = frozenset(new_at[c] for c in sheet.hidden_cols if c in new_at)
    return replace(sheet, rows=rows, col_offset=0, merged=merged, hidden_cols=hidden)


def _holds(sheet: RawSheet, header_row: int, c: int) -> bool:
    """Whether the column holds anything under the header (a figure, a word)."""
    j = c - sheet.col_offset
    return any(
        0 <= j < len(cells) and not is_empty(cells[j])
        for i, cells in enumerate(sheet.rows)
        if sheet.row_offset + i > header_row
    )


def _width(sheet: RawSheet) -> int:
    return sheet.col_offset + sheet.width


def _cell(sheet: RawSheet, cells: list, c: int) -> object:
    j = c - sheet.col_offset
    return cells[j] if 0 <= j < len(cells) else None


def _at(sheet: RawSheet, r: int, c: int) -> object:
    i = r - sheet.row_offset
    return _cell(sheet, sheet.rows[i], c) if 0 <= i < len(sheet.rows) else None


def _problem(sheet: RawSheet, r: int, c: int, value: str, code: str, params: dict) -> CellProblem:
    return CellProblem(sheet.name, r + 1, column_letter(c), "", value, Problem(code, None, params))
