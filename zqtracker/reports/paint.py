"""Drawing laid-out pages on a PDF, a printer or a preview: one replay for every device."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF
from PySide6.QtGui import QColor, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen
from PySide6.QtSvg import QSvgRenderer

from zqtracker.domain.errors import Problem
from zqtracker.domain.words import Catalogue, Text
from zqtracker.full_disk import full_disk_of
from zqtracker.io.atomic import atomic_target
from zqtracker.reports.page import (
    UNITS_PER_INCH,
    Document,
    FillOp,
    Fonts,
    LineOp,
    Orientation,
    Page,
    SvgOp,
    TextOp,
)
from zqtracker.services.progress import Progress

_WORDS = Catalogue(
    "render_errors",
    {
        "cannot_write": ("cannot write {target}: {reason}", "无法写入 {target}：{reason}"),
        "cannot_print": ("cannot print: {reason}", "无法打印：{reason}"),
    },
)

PDF_RESOLUTION = 1200


class RenderError(Exception):
    """A PDF or printout could not be written: ``target`` (a file, or "" for a printer) and why."""

    def __init__(self, target: str, reason: str, reason_zh: str | None = None, said: Problem | None = None) -> None:
        self.target, self.reason, self.reason_zh, self.said = target, reason, reason_zh or reason, said
        super().__init__(self.describe("en"))

    def describe(self, lang: str = "en") -> str:
        if self.said is not None:  # a full disk: the sentence every file written says (domain/full_disk_messages)
            return self.said.message(lang)
        why = Text(self.reason, self.reason_zh).pick(lang)
        return _WORDS.say("cannot_write" if self.target else "cannot_print", lang, target=self.target, reason=why)


def page_layout(document: Document) -> QPageLayout:
    left, top, right, bottom = document.margins_mm
    orientation = (
        QPageLayout.Orientation.Landscape
        if document.orientation is Orientation.LANDSCAPE
        else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        orientation,
        QMarginsF(left, top, right, bottom),
        QPageLayout.Unit.Millimeter,
    )


def printable_size(device: QPagedPaintDevice) -> tuple[float, float]:
    """The printable area of a device's current page, in layout units."""
    rect = device.pageLayout().paintRect(QPageLayout.Unit.Point)
    k = UNITS_PER_INCH / 72
    return rect.width() * k, rect.height() * k


def fits(document: Document, device: QPagedPaintDevice) -> bool:
    """Whether the document was laid out for this device's paper, orientation and margins."""
    w, h = printable_size(device)
    return abs(w - document.width) < 2 and abs(h - document.height) < 2


def paint_document(document: Document, device: QPagedPaintDevice, progress: Progress | None = None) -> None:
    """Draw every page on ``device`` (already given its page layout), starting a new page between pages."""
    painter = QPainter()
    if not painter.begin(device):
        raise RenderError("", "the printer or file could not be opened for drawing", "打印机或文件无法打开以绘制")
    try:
        replay = _Replay(painter, Fonts(document.family), device.logicalDpiX() / UNITS_PER_INCH)
        total = len(document.pages)
        for i, page in enumerate(document.pages):
            if progress is not None:
                progress.report(i, total, "")
            if i and not device.newPage():
                raise RenderError("", "the printer refused a new page", "打印机拒绝了新的一页")
            replay.page(page)
    finally:
        finished = painter.end()
    if not finished:
        raise RenderError("", "the drawing could not be finished", "无法完成绘制")


def write_pdf(document: Document, path: str | os.PathLike[str], progress: Progress | None = None) -> Path:
    """Draw the PDF in memory, check that the writer finished it, then write it under a temporary
    name beside its destination and move it in place (io.atomic): a failure — a full disk
    included, which QPdfWriter alone never reports — or a cancel leaves no half-written file and an
    existing file untouched. The file gets the user's usual mode, like an exported workbook."""
    target = Path(path)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(document.title)
    writer.setCreator("zqtracker")
    writer.setPageLayout(page_layout(document))
    try:
        paint_document(document, writer, progress)
    except RenderError as exc:
        raise RenderError(str(target), exc.reason, exc.reason_zh) from exc
    del writer
    data = bytes(buffer.data().data())
    buffer.close()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-64:]:
        raise RenderError(str(target), "the PDF writer did not finish the file", "PDF 生成器未能完成文件")
    try:
        with atomic_target(target) as tmp, tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        full = full_disk_of(exc, target, needed=len(data))
        if full is not None:
            raise RenderError(str(target), "the disk is full", said=full) from None
        raise RenderError(str(target), exc.strerror or str(exc)) from None
    return target


class _Replay:
    """Draws ops with as few state changes as possible: pens, colours and fonts are cached and
    set only when they change (a 65-page table is ~50,000 ops)."""

    def __init__(self, painter: QPainter, fonts: Fonts, scale: float) -> None:
        self.p, self.fonts, self.scale = painter, fonts, scale
        self._svg: dict[int, QSvgRenderer] = {}
        self._colors: dict[str, QColor] = {}
        self._pens: dict[tuple[str, float], QPen] = {}

    def color(self, name: str) -> QColor:
        found = self._colors.get(name)
        if found is None:
            found = self._colors[name] = QColor(name)
        return found

    def pen(self, name: str, width: float) -> QPen:
        found = self._pens.get((name, width))
        if found is None:
            found = self._pens[(name, width)] = QPen(self.color(name), width)
        return found

    def page(self, page: Page) -> None:
        p = self.p
        p.save()
        p.scale(self.scale, self.scale)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        font = ""
        pen: tuple[str, float] | None = None
        for op in page.ops:
            if type(op) is TextOp:  # (exact type checks: the fastest dispatch, and mypy narrows them)
                if op.font != font:
                    font = op.font
                    p.setFont(self.fonts.font(font))
                if pen != (op.color, 0.0):
                    pen = (op.color, 0.0)
                    p.setPen(self.color(op.color))
                r = op.rect
                p.drawText(QRectF(r.x, r.y, r.w, r.h), op.flags, op.text)
            elif type(op) is LineOp:
                if pen != (op.color, op.width):
                    pen = (op.color, op.width)
                    p.setPen(self.pen(op.color, op.width))
                p.drawLine(QPointF(op.x1, op.y1), QPointF(op.x2, op.y2))
            elif type(op) is FillOp:
                r = op.rect
                p.fillRect(QRectF(r.x, r.y, r.w, r.h), self.color(op.color))
            elif type(op) is SvgOp:
                r = op.rect
                self._renderer(op.svg).render(p, QRectF(r.x, r.y, r.w, r.h))
                font, pen = "", None  # the SVG renderer leaves its own font and pen
        p.restore()

    def _renderer(self, svg: bytes) -> QSvgRenderer:
        found = self._svg.get(id(svg))
        if found is None:
            found = QSvgRenderer(QByteArray(svg))
            self._svg[id(svg)] = found
        return found
