"""The cells that make an .xlsx sheet too large to read: a stray "x" typed at XFD1048576 stretches a
table of 120 rows over 17 billion cells, and python-calamine, which holds a sheet as one dense
grid, would ask for hundreds of gigabytes. Looked for only when the sheet's <dimension> says it
spans more cells than zqtracker reads: one byte search of the sheet for its cells with a value,
keeping the farthest right and the farthest down — so that the refusal names them ("delete cell
XFD1048576 (“x”)") instead of saying only that reading needed too much memory. A <dimension>
that overstates (a hostile file, or one written carelessly) costs the search and nothing else:
the sheet is then read as usual.
"""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from zqtracker.io.numfmt import column_letter
from zqtracker.io.xlsx_formulas import column_number
from zqtracker.io.xlsx_package import whole_elements

# A cell with a value: <c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>, <c r="B2"><v>3</v></c>
_CELL_RE = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?<!/)>(.{0,4000}?)</(?:\w+:)?c>", re.S)
_REF_RE = re.compile(rb"\br\s*=\s*[\"']([A-Za-z]{1,3})([0-9]{1,7})[\"']")
_SHARED_RE = re.compile(rb"\bt\s*=\s*[\"']s[\"']")
_VALUE_RE = re.compile(rb"<(?:\w+:)?(?:v|t)\b[^>]*>([^<]{0,200})<", re.S)


KEPT = 6  # the farthest cells kept each way: up to five strays are named; more is a big sheet


@dataclass
class Extent:
    """Where a sheet's cells with a value reach: the first row and column, and the farthest
    right and the farthest down cells (1-based row, column, and the text as written or "s:" and
    its shared-string index), at most KEPT each way."""

    first_row: int = 1 << 30
    first_col: int = 1 << 30
    right: list[tuple[int, int, str]] = field(default_factory=list)  # (col, row, text), farthest first
    down: list[tuple[int, int, str]] = field(default_factory=list)  # (row, col, text)

    def cells(self, gone: frozenset[tuple[int, int]] = frozenset()) -> int | None:
        """The cells the sheet spans without the cells ``gone`` ((row, col)); None when that
        cannot be told from the cells kept."""
        cols = [c for c, r, _t in self.right if (r, c) not in gone]
        rows = [r for r, c, _t in self.down if (r, c) not in gone]
        if not self.right:
            return 0
        if not cols or not rows:
            return None if len(self.right) == KEPT or len(self.down) == KEPT else 0
        return (rows[0] - self.first_row + 1) * (cols[0] - self.first_col + 1)

    def add(self, row: int, col: int, text: Callable[[], str]) -> None:
        """A cell with a value at ``row``, ``col`` (1-based); ``text()`` is asked only of a cell kept."""
        if row < self.first_row:
            self.first_row = row
        if col < self.first_col:
            self.first_col = col
        far_right = len(self.right) < KEPT or (col, row) > self.right[-1][:2]
        far_down = len(self.down) < KEPT or (row, col) > self.down[-1][:2]
        if far_right or far_down:
            shown = text()
            if far_right:
                _keep(self.right, (col, row, shown))
            if far_down:
                _keep(self.down, (row, col, shown))

    def refusal(self, limit: int, strings: Callable[[set[int]], list[str]]) -> dict | None:
        """The far_cells refusal's parameters when a few far cells stretch the sheet past ``limit``
        cells (None otherwise); ``strings(indexes)``: the shared strings up to the largest index."""
        total = self.cells()
        strays = self.strays(limit) if total is not None and total > limit else None
        if not strays:
            return None
        texts = strings({int(t[2:]) for _r, _c, t in strays if t.startswith("s:") and t[2:].isdigit()})
        named = "; ".join(f"{column_letter(c - 1)}{r}{_shown(t, texts)}" for r, c, t in strays)
        return {"cells": total, "rows": self.down[0][0], "cols": self.right[0][0], "limit": limit, "far": named}

    def strays(self, limit: int) -> list[tuple[int, int, str]] | None:
        """The fewest of the farthest cells whose removal leaves at most ``limit`` cells (row, col,
        text), or None when five do not do it (the sheet is big, not stretched)."""
        for i in range(KEPT):
            for j in range(KEPT - i):
                gone = {(r, c): t for c, r, t in self.right[:j]} | {(r, c): t for r, c, t in self.down[:i]}
                if len(gone) > KEPT - 1:
                    continue
                left = self.cells(frozenset(gone))
                if left is not None and left <= limit:
                    return sorted(((r, c, t) for (r, c), t in gone.items()), key=lambda x: (-x[1], -x[0]))
        return None


def _shown(text: str, strings: list[str]) -> str:
    if text.startswith("s:"):  # a shared string, by its index
        index = int(text[2:]) if text[2:].isdigit() else -1
        text = strings[index] if 0 <= index < len(strings) else ""
    text = " ".join(text.split())
    return f" “{text[:40]}”" if text else ""


def _keep(kept: list[tuple[int, int, str]], item: tuple[int, int, str]) -> None:
    """``kept``: the KEPT largest items, largest first (one line of a few compares per cell)."""
    if len(kept) == KEPT and item[:2] <= kept[-1][:2]:
        return
    kept.append(item)
    kept.sort(key=lambda x: (-x[0], -x[1]))
    del kept[KEPT:]


def extent(zf: zipfile.ZipFile, part: str) -> Extent:
    """The reach of the cells with a value in ``part`` (a worksheet of ``zf``)."""
    out = Extent()
    for data in whole_elements(zf, part):
        for m in _CELL_RE.finditer(data):
            ref, value = _REF_RE.search(m.group(1)), _VALUE_RE.search(m.group(2))
            if ref is None or value is None:
                continue  # a styled cell without a value: python-calamine skips it too
            out.add(int(ref.group(2)), column_number(ref.group(1).decode()), partial(_text, m, value))
    return out


def _text(m: re.Match, value: re.Match) -> str:
    text = html.unescape(value.group(1).decode("utf-8", "replace"))
    return "s:" + text if _SHARED_RE.search(m.group(1)) else text


def shared_strings(zf: zipfile.ZipFile, wanted: set[int]) -> list[str]:
    """The shared strings up to the largest index in ``wanted`` (those of the far cells)."""
    if not wanted:
        return []
    names = {n.lower(): n for n in zf.namelist()}
    part = names.get("xl/sharedstrings.xml")
    if part is None:
        return []
    last, out = max(wanted), []
    for data in whole_elements(zf, part, b"</si>"):
        for si in re.finditer(rb"<(?:\w+:)?si\b.*?</(?:\w+:)?si>", data, re.S):
            texts = re.findall(rb"<(?:\w+:)?t\b[^>]*>([^<]*)<", si.group(0))
            out.append(html.unescape(b"".join(texts).decode("utf-8", "replace")))
            if len(out) > last:
                return out
    return out


def too_far(path: str, part: str, limit: int) -> dict | None:
    """The refusal's parameters when the cells with a value of sheet ``part`` span more than
    ``limit`` cells because of a few far out (None otherwise: the <dimension> overstated, or
    the sheet is simply big — then read, or refused for its size, as usual)."""
    with zipfile.ZipFile(path) as zf:
        return extent(zf, part).refusal(limit, lambda wanted: shared_strings(zf, wanted))
