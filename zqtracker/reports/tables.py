"""Tables on paper: column widths that fit the page, row heights, and the drawing of a row.

Numbers never wrap (a figure split over two lines is misread); names wrap onto at most three
lines. Widths are measured from the real text, so a table of short figures stays compact and a
table of long names takes the room it needs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt

from zqtracker.reports.model import Align, Row, RowStyle, Table
from zqtracker.reports.page import (
    CENTER,
    GRID,
    HEADER_FILL,
    LEFT,
    PT,
    RIGHT,
    TOTAL_FILL,
    WRAP,
    ZEBRA_FILL,
    FillOp,
    Fonts,
    LineOp,
    Op,
    Rect,
    TextOp,
    mm,
)

PAD_X = mm(1.2)
PAD_Y = mm(0.9)
MAX_LINES = 3
THIN = 0.35 * PT
WRAP_DEFAULT_MM = 62.0
WRAP_MIN_MM = 22.0
_ALIGN = {Align.LEFT: LEFT, Align.RIGHT: RIGHT, Align.CENTER: CENTER}


def _has_cjk(text: str) -> bool:
    return any("\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" for ch in text)


def _font(style: RowStyle) -> str:
    return "body_bold" if style is RowStyle.TOTAL else "body"


@dataclass(slots=True)
class Measure:
    """What a table needs, per column: its widest cell, its natural width and the least it can take."""

    body: list[float]  # widest cell text
    natural: list[float]
    minimum: list[float]
    header: list[float]  # the header on one line


def measure(table: Table, fonts: Fonts) -> Measure:
    """One pass over every cell (the costly part of a 2,000-row table's layout)."""
    body = [0.0] * len(table.columns)
    for r in table.rows:
        key = _font(r.style)
        for i, text in enumerate(r.cells):
            if text:
                w = fonts.width(key, text)
                if w > body[i]:
                    body[i] = w
    natural: list[float] = []
    minimum: list[float] = []
    for col, widest in zip(table.columns, body, strict=True):
        head_min = _header_min(col.header, fonts)
        if col.wrap:
            cap = mm(col.max_mm or WRAP_DEFAULT_MM)
            nat = max(min(widest, cap), head_min) + 2 * PAD_X
            least = max(min(nat - 2 * PAD_X, mm(WRAP_MIN_MM)), head_min) + 2 * PAD_X
        else:
            nat = max(widest, head_min) + 2 * PAD_X
            least = nat
        natural.append(nat)
        minimum.append(least)
    header = [fonts.width("body_bold", c.header) + 2 * PAD_X for c in table.columns]
    return Measure(body, natural, minimum, header)


def _header_min(header: str, fonts: Fonts) -> float:
    """The narrowest a header may be: its longest word, or half of a Chinese header (two lines)."""
    if _has_cjk(header):
        return max(fonts.width("body_bold", header) / 2, fonts.width("body_bold", header[:2]))
    return max((fonts.width("body_bold", w) for w in header.split()), default=0.0)


def fit_widths(table: Table, fonts: Fonts, width: float, m: Measure | None = None) -> list[float]:
    """Column widths that fill ``width``: extra room widens names first, lack of it wraps them."""
    m = m or measure(table, fonts)
    widths = list(m.natural)
    total = sum(widths)
    if total <= width:
        extra = width - total
        # Spare room goes first to names that would otherwise wrap, then to headers that would
        # wrap ("2023年计划投资" on one line reads better than "2023年计 / 划投资"), then to all.
        wanted = [(b if c.wrap else 0.0) + 2 * PAD_X for c, b in zip(table.columns, m.body, strict=True)]
        wanted_head = [h + 1 for h in m.header]
        for goal in (wanted, wanted_head):
            for i in range(len(widths)):
                grow = min(extra, max(0.0, goal[i] - widths[i]))
                widths[i] += grow
                extra -= grow
        share = extra / len(widths)
        return [w + share for w in widths]
    if sum(m.minimum) <= width:
        # Cut the widest name columns first (down to a common level), so that a short column
        # such as the enterprise keeps one line per row while only the longest names wrap.
        lo, hi = 0.0, max(m.natural)
        for _ in range(50):
            level = (lo + hi) / 2
            if sum(max(least, min(n, level)) for n, least in zip(m.natural, m.minimum, strict=True)) > width:
                hi = level
            else:
                lo = level
        return [max(least, min(n, lo)) for n, least in zip(m.natural, m.minimum, strict=True)]
    scale = width / sum(m.minimum)  # too wide even wrapped: everything narrower, text elided
    return [least * scale for least in m.minimum]


def header_height(table: Table, fonts: Fonts, widths: list[float]) -> float:
    fm = fonts.metrics("body_bold")
    lines = 1
    for col, w in zip(table.columns, widths, strict=True):
        inner = max(1.0, w - 2 * PAD_X)
        if fm.horizontalAdvance(col.header) > inner:
            r = fm.boundingRect(QRectF(0, 0, inner, 1e6), WRAP, col.header)
            lines = max(lines, math.ceil(r.height() / fm.height() - 0.01))
    return lines * fm.height() + 2 * PAD_Y


def prepare_row(row: Row, table: Table, fonts: Fonts, widths: list[float]) -> tuple[tuple[str, ...], float]:
    """The row's cell texts as drawn (elided if need be) and its height."""
    key = _font(row.style)
    fm = fonts.metrics(key)
    line = fm.height()
    lines = 1
    cells = list(row.cells)
    for i, (col, w) in enumerate(zip(table.columns, widths, strict=True)):
        text = cells[i]
        inner = max(1.0, w - 2 * PAD_X)
        if not text or fm.horizontalAdvance(text) <= inner:
            continue
        if not col.wrap:
            cells[i] = fm.elidedText(text, Qt.TextElideMode.ElideRight, inner)
            continue
        n = math.ceil(fm.boundingRect(QRectF(0, 0, inner, 1e6), WRAP, text).height() / line - 0.01)
        if n > MAX_LINES:
            text = fm.elidedText(text, Qt.TextElideMode.ElideRight, inner * MAX_LINES * 0.92)
            cells[i] = text
            n = min(MAX_LINES, math.ceil(fm.boundingRect(QRectF(0, 0, inner, 1e6), WRAP, text).height() / line - 0.01))
        lines = max(lines, n)
    return tuple(cells), lines * line + 2 * PAD_Y


def draw_header(table: Table, widths: list[float], x: float, y: float, h: float) -> list[Op]:
    ops: list[Op] = [FillOp(Rect(x, y, sum(widths), h), HEADER_FILL)]
    cx = x
    for col, w in zip(table.columns, widths, strict=True):
        ops.append(TextOp(Rect(cx + PAD_X, y, w - 2 * PAD_X, h), col.header, "body_bold", CENTER | WRAP))
        cx += w
    right = x + sum(widths)
    ops += [LineOp(x, y, right, y, GRID, THIN), LineOp(x, y + h, right, y + h, GRID, THIN)]
    return ops


def draw_row(
    cells: tuple[str, ...], row: Row, table: Table, widths: list[float], x: float, y: float, h: float, index: int
) -> list[Op]:
    """A row's fill, texts and the rule under it (the column rules are drawn once per page: see
    :func:`column_rules`, which keeps a 60-page table's PDF small and quick to write)."""
    ops: list[Op] = []
    right = x + sum(widths)
    if row.style is RowStyle.TOTAL:
        ops.append(FillOp(Rect(x, y, right - x, h), TOTAL_FILL))
        ops.append(LineOp(x, y, right, y, GRID, THIN))
    elif index % 2:
        ops.append(FillOp(Rect(x, y, right - x, h), ZEBRA_FILL))
    cx = x
    key = _font(row.style)
    for col, w, text in zip(table.columns, widths, cells, strict=True):
        if text:
            flags = _ALIGN[col.align] | (WRAP if col.wrap else 0)
            ops.append(TextOp(Rect(cx + PAD_X, y, w - 2 * PAD_X, h), text, key, flags))
        cx += w
    ops.append(LineOp(x, y + h, right, y + h, GRID, THIN))
    return ops


def column_rules(widths: list[float], x: float, top: float, bottom: float) -> list[Op]:
    """The vertical rules of one page's part of a table, header included."""
    ops: list[Op] = []
    cx = x
    for w in widths:
        ops.append(LineOp(cx, top, cx, bottom, GRID, THIN))
        cx += w
    ops.append(LineOp(cx, top, cx, bottom, GRID, THIN))
    return ops
