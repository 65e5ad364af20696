"""A heading or a table header never stands alone at the foot of a page — swept over every
position a short table can take (the empty overview once stranded "By district" and its header
on page 1 and put the 合计 row and its note on page 2)."""

from __future__ import annotations

import pytest

from zqtracker.reports.layout import layout_report
from zqtracker.reports.model import Column, Paragraph, Report, Row, RowStyle, Table, View
from zqtracker.reports.page import Page, TextOp
from zqtracker.reports.tables import HEADER_FILL


def _report(filler_lines: int, rows: int, lang: str) -> Report:
    table = Table(
        "按区域" if lang == "zh" else "By district",
        (Column("所在区域" if lang == "zh" else "District", wrap=True), Column("项目数"), Column("计划总投资")),
        [
            Row(
                ("合计" if i == rows - 1 else f"区{i}", "0", "0.00"),
                RowStyle.TOTAL if i == rows - 1 else RowStyle.NORMAL,
            )
            for i in range(rows)
        ],
        note="同比：与上年同期累计相比；上年同期为零时不计算（—）。" * 2,
    )
    filler = Paragraph("\n".join(f"line {i}" for i in range(filler_lines)))
    return Report(View.OVERVIEW, lang, "Title", "2026", "Scope", "Unit", "Generated", "", [filler, table])


def _stranded(page: Page) -> list[str]:
    """What stands at the foot of a page with nothing of its own under it."""
    from zqtracker.reports.page import FillOp

    found = []
    headings = [op for op in page.ops if isinstance(op, TextOp) and op.font == "heading_bold"]
    headers = [op for op in page.ops if isinstance(op, FillOp) and op.color == HEADER_FILL]
    body = [op for op in page.ops if isinstance(op, TextOp) and op.font in ("body", "body_bold")]
    for h in headings:
        if not any(op.rect.y > h.rect.y + h.rect.h - 0.5 for op in body):
            found.append(f"heading {h.text!r}")
    for h in headers:
        below = [op for op in body if op.rect.y >= h.rect.y + h.rect.h - 0.5]
        if not below:
            found.append("table header")
    return found


@pytest.mark.parametrize("rows", [1, 2, 3, 30])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_heading_or_header_is_left_alone(qapp, rows: int, lang: str) -> None:
    for filler in range(40, 120):
        doc = layout_report(_report(filler, rows, lang))
        for number, page in enumerate(doc.pages, start=1):
            assert _stranded(page) == [], (filler, rows, number)
