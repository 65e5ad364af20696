"""A summary view as plain data: title lines, key figures, tables and charts, all text already formatted.

Nothing here knows about pages or Qt: the layout decides where things go, so that the same
:class:`Report` fills an on-screen preview, a printer or a PDF, and tests can read its figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class View(StrEnum):
    OVERVIEW = "overview"
    KEY_PROJECTS = "key-projects"
    MONTHLY = "monthly"
    STALE = "stale"


class Align(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    CENTER = "center"


class RowStyle(StrEnum):
    NORMAL = "normal"
    TOTAL = "total"  # 合计: bold, ruled above and below


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    align: Align = Align.RIGHT
    wrap: bool = False  # long text (names): wraps onto several lines instead of widening the table
    max_mm: float = 0.0  # for wrapping columns: the widest they grow before wrapping (0: a default)


@dataclass(slots=True)
class Row:
    cells: tuple[str, ...]
    style: RowStyle = RowStyle.NORMAL
    key: str = ""  # what the row is about (a project code, a sector): for tests and look-ups


@dataclass(slots=True)
class Table:
    title: str
    columns: tuple[Column, ...]
    rows: list[Row]
    note: str = ""  # a line under the table (definitions, "no figure where …")
    empty_text: str = ""  # said instead of the table when it has no rows

    def column(self, header: str) -> list[str]:
        """The cells of one column, by header (tests read figures this way)."""
        i = [c.header for c in self.columns].index(header)
        return [r.cells[i] for r in self.rows]

    def row(self, key: str) -> dict[str, str]:
        for r in self.rows:
            if r.key == key:
                return dict(zip((c.header for c in self.columns), r.cells, strict=True))
        raise KeyError(key)


@dataclass(frozen=True, slots=True)
class Figure:
    label: str
    value: str
    detail: str = ""


@dataclass(slots=True)
class KeyFigures:
    figures: list[Figure]

    def value(self, label: str) -> str:
        return next(f.value for f in self.figures if f.label == label)


@dataclass(slots=True)
class Chart:
    title: str
    svg: bytes  # vector drawing; the layout scales it to the page width
    aspect: float  # height / width


@dataclass(slots=True)
class Paragraph:
    text: str


Block = KeyFigures | Table | Chart | Paragraph


@dataclass(slots=True)
class Report:
    view: View
    lang: str
    title: str
    subtitle: str  # the period or reference date
    scope: str  # the filters in force, or "all projects"
    unit_line: str  # 单位：亿元 / Unit: 100m yuan
    generated: str  # 生成时间：… / Generated …
    demo_mark: str  # empty unless the database holds demo data
    blocks: list[Block] = field(default_factory=list)

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def table(self, title: str) -> Table:
        return next(t for t in self.tables() if t.title == title)

    def key_figures(self) -> KeyFigures:
        return next(b for b in self.blocks if isinstance(b, KeyFigures))
