"""Tables of projects stacked on one sheet, above or below the one the header chosen heads (probe25c M1,
M2): a header row of known words with a name column and rows of projects under it. io/plan_tables.py says
what the import does with them; here, only how they are found.

A header-like row is one without numbers whose texts are mostly field names (序号 | 项目名称 | 投资方 | …),
at least two of them, one naming the projects, none counting them (a summary's 项目数 / 个数: its rows are
categories, not projects). Its rows are those under it, up to the next header-like row, that name a
project and carry a figure beside the name — not a total, a section, a title or a note.
"""

from __future__ import annotations

from dataclasses import dataclass

from zqtracker.io import values as cells
from zqtracker.io.headers import ROW_NUMBER, header_candidates
from zqtracker.io.rows import classify, is_note

_COUNT = "ignore:count"


@dataclass
class Block:
    """A table found on the sheet: its header row and its project rows (RawSheet.rows indices)."""

    header: int
    rows: list[int]
    name_col: int


def _top_fields(row: list) -> list[str | None] | None:
    """Each cell's field as a header names it (None: not a field name); None when the row is no header:
    a number in it, a note's or signature's text, fewer than two known words or a third unknown."""
    if any(v.__class__ in (int, float) for v in row):
        return None
    fields: list[str | None] = []
    texts = 0
    for v in row:
        text = v.strip() if v.__class__ is str else ""
        if not text:
            fields.append(None)
            continue
        texts += 1
        if is_note(text):
            return None
        found = header_candidates(text) if len(text) <= 40 else ()
        fields.append(found[0].field if found else None)
    known = sum(1 for f in fields if f is not None)
    return fields if known >= 2 and known * 3 >= texts * 2 else None


def header_like(row: list) -> bool:
    """A row of field names (a header), whatever its columns."""
    return _top_fields(row) is not None


def _project_header(row: list) -> tuple[int, int | None] | None:
    """(the name column, the 序号 column) of a header-like row naming projects and counting none."""
    fields = _top_fields(row)
    if fields is None or _COUNT in fields or "name" not in fields:
        return None
    number = fields.index(ROW_NUMBER) if ROW_NUMBER in fields else None
    return fields.index("name"), number


def _project_row(row: list, name_col: int, number_col: int | None) -> bool:
    """A row naming a project in ``name_col`` with a figure beside it (not its 序号)."""
    name = row[name_col] if name_col < len(row) else None
    if name.__class__ is not str or not name.strip():
        return False
    if not any(v.__class__ in (int, float) for j, v in enumerate(row) if j not in (name_col, number_col)):
        return False
    return classify(row, name_col, None, number_col, {}) is None


def blocks(rows: list[list], start: int, stop: int) -> list[Block]:
    """The tables of projects whose header lies in rows ``start``..``stop``-1, each with the project rows
    under it (up to the next header-like row, or ``stop``); a header with none under it is no table."""
    found: list[Block] = []
    i = start
    while i < stop:
        head = _project_header(rows[i]) if i < len(rows) else None
        if head is None:
            i += 1
            continue
        name_col, number_col = head
        j, under = i + 1, []
        while j < min(stop, len(rows)) and not header_like(rows[j]):
            if _project_row(rows[j], name_col, number_col):
                under.append(j)
            j += 1
        if under:
            found.append(Block(i, under, name_col))
        i = j
    return found


def same_header(a: list, b: list) -> bool:
    """Two header rows that say the same, cell by cell (spaces and full-width forms aside)."""
    width = max(len(a), len(b))
    a, b = [*a, *[""] * (width - len(a))], [*b, *[""] * (width - len(b))]
    return all(_said(x) == _said(y) for x, y in zip(a, b, strict=True))


def _said(value: object) -> str:
    return cells.fold(cells.display(value)).strip()


def row_text(row: list, number_col: int | None = None) -> tuple[str, ...]:
    """What a row says, cell by cell, without its 序号: two rows alike are the same row copied."""
    return tuple(_said(v) for j, v in enumerate(row) if j != number_col)


def shown_header(row: list) -> str:
    """A header row's texts for a message: 序号 | 项目名称 | …, the first six."""
    texts = [cells.display(v).strip() for v in row if not cells.is_empty(v)]
    return " | ".join(texts[:6]) + (" | …" if len(texts) > 6 else "")


def row_span(rows: list[int], base: int) -> str:
    """1-based rows for a message: "13–14", "13"."""
    first, last = rows[0] + base, rows[-1] + base
    return f"{first}–{last}" if last > first else str(first)
