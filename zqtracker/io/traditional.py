"""Cells in traditional Chinese read as simplified, in the reading process, before anything looks at
them — so that a list from a Hong Kong or Macau investor (項目名稱, 總投資（萬元）, 端州區, 已投產, 合計)
is read as the same list in simplified characters is, and its projects match the stored ones.

A sheet is converted when its first rows (title, unit line, header: HEAD_ROWS) hold traditional
characters: a list written in them. A mainland list with a few names re-typed in traditional
characters is read as written, its names, districts and stages compared in simplified characters
(services/import_matching.py, domain/hanzi.py) — and 100,000 cells are not scanned for them. Only a
cell holding a character that is traditional and nothing else (OpenCC's t2s changes it and GB 2312,
the simplified standard, lacks it) is converted, phrase by phrase; 乾坤, 著名 and 於 stay as written.
The parent is told how many cells of each sheet were converted, with the first few, and says so in
a note.
"""

from __future__ import annotations

import itertools

from zqtracker.domain.hanzi import has_traditional, simplified

EXAMPLES = 3
HEAD_ROWS = 40  # as many as io/header_rows.py looks through for the header


class Simplifier:
    """Converts the text cells of each chunk of a sheet's rows in place; counts what it changed."""

    def __init__(self) -> None:
        self.cells = 0
        self.examples: list[tuple[str, str]] = []
        self._seen: dict[str, str] = {}  # a repeated text converted once, and sent as one object
        self._converting: bool | None = None  # decided on the sheet's first rows

    def rows(self, rows: list[list]) -> None:
        if self._converting is None:
            head = itertools.chain.from_iterable(rows[:HEAD_ROWS])
            self._converting = has_traditional("\x00".join(filter(str.__instancecheck__, head)))
        if not self._converting:
            return
        seen = self._seen
        for row in rows:
            for j, v in enumerate(row):
                if v.__class__ is not str or v.isascii():
                    continue
                to = seen.get(v)
                if to is None:
                    to = seen[v] = simplified(v)
                    if to != v and len(self.examples) < EXAMPLES:  # from a little before the first change
                        at = max(next((k for k, (a, b) in enumerate(zip(v, to, strict=False)) if a != b), 0) - 10, 0)
                        self.examples.append((v[at : at + 40], to[at : at + 40]))
                if to is not v:  # (a text seen before, unchanged: the one object sent, not a cell converted)
                    row[j] = to
                    self.cells += to != v

    def said(self, sheet: str) -> tuple | None:
        """The frame telling the parent what this sheet's conversion did (None: nothing), and a new start."""
        frame = ("simplified", sheet, self.cells, self.examples) if self.cells else None
        self.cells, self.examples, self._seen, self._converting = 0, [], {}, None
        return frame
