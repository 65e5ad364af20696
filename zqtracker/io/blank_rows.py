"""Empty rows sent as ``[]``: a stray cell at IV65536 of an .xls, or XFD40000 of an .xlsx, makes
python-calamine give every row above it as wide as the sheet — 65,536 rows of 256 empty strings,
16.7 million cells to check, send and hold, for a table of three rows. A row with nothing in it
says nothing at any width, and every reader already takes a short or empty row (a CSV's blank line
is one). A row under a merge keeps its width: a merged cell's value is copied down into the empty
cells under it (io/plan_rows.py)."""

from __future__ import annotations


class MergedRows:
    """Whether a row lies inside a merge, asked row after row in order (a pointer, no set of rows:
    a merge may span a million)."""

    def __init__(self, merged: list) -> None:
        spans: list[list[int]] = []
        for r0, r1 in sorted((int(m[0]), int(m[2])) for m in merged):
            if spans and r0 <= spans[-1][1] + 1:
                spans[-1][1] = max(spans[-1][1], r1)
            else:
                spans.append([r0, r1])
        self.spans, self.at = spans, 0

    def covers(self, row: int) -> bool:
        while self.at < len(self.spans) and self.spans[self.at][1] < row:
            self.at += 1
        return self.at < len(self.spans) and self.spans[self.at][0] <= row


def is_blank(row: list) -> bool:
    """Nothing but empty strings (a space is text, 0 is a number: neither is nothing); two loops in C,
    the first ending at a filled row's first value."""
    return not any(row) and row.count("") == len(row)
