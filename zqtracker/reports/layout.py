"""Pages from a report: title block, key figures, charts and tables flowed down A4 pages.

Done by hand rather than with QTextDocument because a leader's table needs what rich text
cannot promise: the header row on every page, no row split across a page break, a heading
never left alone at the foot of a page, and "第 1 页 / 共 3 页", which needs the page count
before the first page is drawn. Laying out first and drawing second gives all of that, and
makes pagination testable without rendering anything.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt

from zqtracker.reports.fonts import report_family
from zqtracker.reports.model import Chart, KeyFigures, Paragraph, Report, Table
from zqtracker.reports.page import (
    A4_MM,
    ACCENT,
    CARD_FILL,
    CENTER,
    DEMO,
    LEFT,
    MARGINS_MM,
    MUTED,
    PT,
    RIGHT,
    RULE,
    TOP_LEFT,
    WRAP,
    Document,
    FillOp,
    Fonts,
    LineOp,
    Op,
    Orientation,
    Page,
    Rect,
    SvgOp,
    TextOp,
    mm,
)
from zqtracker.reports.tables import (
    Measure,
    column_rules,
    draw_header,
    draw_row,
    fit_widths,
    header_height,
    measure,
    prepare_row,
)
from zqtracker.reports.text import t
from zqtracker.services.progress import Progress

GAP = mm(5)
CHART_MAX_WIDTH = mm(180)
HEADER_BAND = mm(7)  # running header of pages after the first
FOOTER_BAND = mm(7)
KEEP_TOGETHER = 0.4  # tables shorter than this share of a page are never split


def page_size(orientation: Orientation, page_mm=A4_MM, margins_mm=MARGINS_MM) -> tuple[float, float]:
    """The printable area in layout units."""
    w, h = page_mm if orientation is Orientation.PORTRAIT else page_mm[::-1]
    left, top, right, bottom = margins_mm
    return mm(w - left - right), mm(h - top - bottom)


def choose_orientation(report: Report, fonts: Fonts, measures: dict[int, Measure] | None = None) -> Orientation:
    """Portrait unless a table needs more width than it: names wrapped as far as is pleasant,
    headers on one line (a header broken mid-word, 完成 / 率, is what a leader notices)."""
    width, _ = page_size(Orientation.PORTRAIT)
    measures = {} if measures is None else measures
    for table in report.tables():
        if not table.rows:
            continue
        m = measures.setdefault(id(table), measure(table, fonts))
        if sum(max(n, h) for n, h in zip(m.natural, m.header, strict=True)) > width:
            return Orientation.LANDSCAPE
    return Orientation.PORTRAIT


def layout_report(
    report: Report,
    *,
    orientation: Orientation | None = None,
    size: tuple[float, float] | None = None,
    family: str | None = None,
    progress: Progress | None = None,
) -> Document:
    """Lay the report out; ``size`` (layout units) overrides A4 when a printer has other paper."""
    fonts = Fonts(family or report_family())
    measures: dict[int, Measure] = {}
    orientation = orientation or choose_orientation(report, fonts, measures)
    width, height = size or page_size(orientation)
    flow = _Flow(report, fonts, width, height, progress, measures)
    flow.title_block()
    for block in report.blocks:
        if isinstance(block, KeyFigures):
            flow.key_figures(block)
        elif isinstance(block, Chart):
            flow.chart(block)
        elif isinstance(block, Table):
            flow.table(block)
        elif isinstance(block, Paragraph):
            flow.paragraph(block.text)
    flow.finish()
    return Document(report.title, fonts.family, orientation, width, height, MARGINS_MM, flow.pages)


class _Flow:
    def __init__(
        self,
        report: Report,
        fonts: Fonts,
        width: float,
        height: float,
        progress: Progress | None,
        measures: dict[int, Measure],
    ) -> None:
        self.r, self.f, self.w, self.h = report, fonts, width, height
        self.progress = progress
        self.measures = measures
        self.pages: list[Page] = [Page()]
        self.y = 0.0
        self.bottom = height - FOOTER_BAND

    @property
    def ops(self) -> list[Op]:
        return self.pages[-1].ops

    def new_page(self) -> None:
        self.pages.append(Page())
        self.y = HEADER_BAND
        if self.progress is not None:
            self.progress.check()

    def room(self, needed: float) -> None:
        """Start a new page unless ``needed`` fits (a block taller than a page starts at the top)."""
        if self.y + needed > self.bottom and self.y > HEADER_BAND + 1:
            self.new_page()

    def text_height(self, key: str, text: str, width: float) -> float:
        return self.f.metrics(key).boundingRect(QRectF(0, 0, width, 1e6), WRAP | TOP_LEFT, text).height()

    # -- first page ------------------------------------------------------------------------
    def title_block(self) -> None:
        r, f, w = self.r, self.f, self.w
        if r.demo_mark:
            h = f.line("body_bold") * 1.7
            self.ops.append(FillOp(Rect(0, 0, w, h), "#fdeaea"))
            self.ops.append(LineOp(0, 0, w, 0, DEMO, 0.8 * PT))
            self.ops.append(LineOp(0, h, w, h, DEMO, 0.8 * PT))
            self.ops.append(TextOp(Rect(0, 0, w, h), r.demo_mark, "body_bold", CENTER, DEMO))
            self.y = h + mm(3)
        for key, text in (("title_bold", r.title), ("subtitle", r.subtitle)):
            if text:
                h = self.text_height(key, text, w)
                self.ops.append(TextOp(Rect(0, self.y, w, h), text, key, CENTER | WRAP))
                self.y += h + mm(1.2)
        self.y += mm(1.5)
        unit_w = f.width("body", r.unit_line) + mm(2)
        scope_h = self.text_height("body", r.scope, w - unit_w - mm(4))
        self.ops.append(TextOp(Rect(0, self.y, w - unit_w - mm(4), scope_h), r.scope, "body", TOP_LEFT | WRAP, MUTED))
        self.ops.append(TextOp(Rect(w - unit_w, self.y, unit_w, f.line("body")), r.unit_line, "body", RIGHT))
        self.y += max(scope_h, f.line("body")) + mm(1.5)
        self.ops.append(LineOp(0, self.y, w, self.y, RULE, 0.8 * PT))
        self.y += mm(4)

    # -- blocks ----------------------------------------------------------------------------
    def key_figures(self, block: KeyFigures) -> None:
        f = self.f
        n = len(block.figures)
        cols = min(n, 3 if self.w < mm(220) else 4 if n % 3 else 6) or 1
        gap = mm(3)
        card_w = (self.w - gap * (cols - 1)) / cols
        pad = mm(2.2)
        card_h = 2 * pad + f.line("small") * 2 + f.line("figure_bold") + mm(1.5)
        rows = (n + cols - 1) // cols
        self.room(rows * card_h + (rows - 1) * gap)
        for i, fig in enumerate(block.figures):
            x = (i % cols) * (card_w + gap)
            y = self.y + (i // cols) * (card_h + gap)
            self.ops.append(FillOp(Rect(x, y, card_w, card_h), CARD_FILL))
            self.ops.append(FillOp(Rect(x, y, mm(1), card_h), ACCENT))
            inner = Rect(x + pad + mm(1), y + pad, card_w - 2 * pad - mm(1), f.line("small"))
            self.ops.append(
                TextOp(
                    inner,
                    f.metrics("small").elidedText(fig.label, Qt.TextElideMode.ElideRight, inner.w),
                    "small",
                    LEFT,
                    MUTED,
                )
            )
            vy = inner.y + f.line("small") + mm(0.7)
            self.ops.append(TextOp(Rect(inner.x, vy, inner.w, f.line("figure_bold")), fig.value, "figure_bold", LEFT))
            if fig.detail:
                dy = vy + f.line("figure_bold") + mm(0.5)
                self.ops.append(TextOp(Rect(inner.x, dy, inner.w, f.line("small")), fig.detail, "small", LEFT, MUTED))
        self.y += rows * card_h + (rows - 1) * gap + GAP

    def heading_height(self, text: str = "-") -> float:
        return self.f.line("heading_bold") + mm(1.8) if text else 0.0

    def heading(self, text: str) -> None:
        if not text:
            return
        h = self.f.line("heading_bold")
        self.ops.append(TextOp(Rect(0, self.y, self.w, h), text, "heading_bold", LEFT, "#1a365d"))
        self.y += h + mm(1.8)

    def chart(self, block: Chart) -> None:
        width = min(self.w, CHART_MAX_WIDTH)
        height = width * block.aspect
        self.room(self.heading_height() + height)
        self.heading(block.title)
        self.ops.append(SvgOp(Rect((self.w - width) / 2, self.y, width, height), block.svg))
        self.y += height + GAP

    def paragraph(self, text: str, key: str = "small", gap: float = GAP) -> None:
        h = self.text_height(key, text, self.w)
        self.room(h)
        self.ops.append(TextOp(Rect(0, self.y, self.w, h), text, key, TOP_LEFT | WRAP, MUTED))
        self.y += h + gap

    def table(self, table: Table) -> None:
        if not table.rows:
            self.room(self.heading_height(table.title) + self.f.line("body") * 2)
            self.heading(table.title)
            self.paragraph(table.empty_text or t("none_yet", self.r.lang), "body")
            return
        m = self.measures.get(id(table)) or measure(table, self.f)
        widths = fit_widths(table, self.f, self.w, m)
        head_h = header_height(table, self.f, widths)
        prepared = []
        for i, row in enumerate(table.rows):
            prepared.append(prepare_row(row, table, self.f, widths))
            if self.progress is not None and i % 500 == 499:
                self.progress.check()
        note_h = self.text_height("small", table.note, self.w) + mm(1.5) if table.note else 0.0
        whole = self.heading_height(table.title) + head_h + sum(h for _, h in prepared) + note_h
        if whole <= KEEP_TOGETHER * (self.bottom - HEADER_BAND):
            self.room(whole)  # a short table is not worth splitting: it moves whole to the next page
        else:
            # the heading, the header and two rows go together (with the note if they are all
            # there is): a heading or a header never stands alone at the foot of a page
            first = prepared[:2]
            self.room(
                self.heading_height(table.title)
                + head_h
                + sum(h for _, h in first)
                + (note_h if len(prepared) <= 2 else 0.0)
            )
        self.heading(table.title)
        x = 0.0
        top = self.y
        self.ops.extend(draw_header(table, widths, x, self.y, head_h))
        self.y += head_h
        last = len(prepared) - 1
        for i, (row, (cells, h)) in enumerate(zip(table.rows, prepared, strict=True)):
            if self.y + h + (note_h if i == last else 0.0) > self.bottom:  # the note never goes alone
                self.ops.extend(column_rules(widths, x, top, self.y))
                self.new_page()
                if table.title:
                    self.heading(t("continued", self.r.lang, title=table.title))
                top = self.y
                self.ops.extend(draw_header(table, widths, x, self.y, head_h))
                self.y += head_h
            self.ops.extend(draw_row(cells, row, table, widths, x, self.y, h, i))
            self.y += h
        self.ops.extend(column_rules(widths, x, top, self.y))
        self.y += mm(1.5)
        if table.note:
            self.paragraph(table.note)
        else:
            self.y += GAP - mm(1.5)

    # -- every page ------------------------------------------------------------------------
    def finish(self) -> None:
        r, f, w = self.r, self.f, self.w
        total = len(self.pages)
        small = f.line("small")
        for number, page in enumerate(self.pages, start=1):
            if number > 1:
                right = r.unit_line
                right_w = f.width("small", right) + mm(1)
                demo_w = f.width("small_bold", r.demo_mark and t("demo_short", r.lang)) + mm(4)
                left_w = w - right_w - (demo_w if r.demo_mark else 0) - mm(4)
                left = " · ".join(x for x in (r.title, r.subtitle, r.scope) if x)
                left = f.metrics("small").elidedText(left, Qt.TextElideMode.ElideRight, left_w)
                page.ops.append(TextOp(Rect(0, 0, left_w, small), left, "small", LEFT, MUTED))
                page.ops.append(TextOp(Rect(w - right_w, 0, right_w, small), right, "small", RIGHT))
                if r.demo_mark:
                    page.ops.append(TextOp(Rect(w - right_w - demo_w, 0, demo_w, small), t("demo_short", r.lang),
                                           "small_bold", RIGHT, DEMO))  # fmt: skip
                page.ops.append(LineOp(0, small + mm(1.2), w, small + mm(1.2), RULE, 0.5 * PT))
            fy = self.h - small
            page.ops.append(LineOp(0, fy - mm(1.5), w, fy - mm(1.5), RULE, 0.5 * PT))
            page.ops.append(TextOp(Rect(0, fy, w / 3, small), r.generated, "small", LEFT, MUTED))
            page.ops.append(
                TextOp(Rect(w / 3, fy, w / 3, small), t("page_of", r.lang, page=number, pages=total), "small", CENTER)
            )
            page.ops.append(TextOp(Rect(2 * w / 3, fy, w / 3, small), "zqtracker", "small", RIGHT, MUTED))
