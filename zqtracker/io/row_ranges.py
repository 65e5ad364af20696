"""Rows hidden in a sheet, as ranges: what every format's scan in the reading process collects
(io/xlsx_package, io/biff, io/xlsb_package, io/ods_package) and what :class:`RawSheet` carries.

A hostile file can hide a million rows in one stroke (an .ods row "repeated 1,048,576 times", a
run of ROW records): ranges keep that one entry, never a million.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable


class RangeCollector:
    """Rows (0-based) met in ascending order — or not: ``ranges()`` sorts and joins — kept as
    inclusive (first, last) ranges, a run of consecutive rows being one."""

    __slots__ = ("_out",)

    def __init__(self) -> None:
        self._out: list[list[int]] = []

    def add(self, first: int, last: int | None = None) -> None:
        last = first if last is None else last
        if first < 0 or last < first:
            return
        out = self._out
        if out and out[-1][0] <= first <= out[-1][1] + 1:
            if last > out[-1][1]:
                out[-1][1] = last
            return
        out.append([first, last])

    def ranges(self) -> list[tuple[int, int]]:
        return joined(self._out)


def joined(ranges: Iterable) -> list[tuple[int, int]]:
    """Sorted, overlapping and touching ranges joined: (3, 5), (6, 6), (9, 9) → (3, 6), (9, 9)."""
    out: list[list[int]] = []
    for first, last in sorted((int(a), int(b)) for a, b in ranges if 0 <= int(a) <= int(b)):
        if out and first <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], last)
        else:
            out.append([first, last])
    return [(a, b) for a, b in out]


class RowRanges:
    """Whether a row is among the ranges: a binary search, no set of every row."""

    __slots__ = ("_starts", "ranges")

    def __init__(self, ranges: Iterable = ()) -> None:
        self.ranges: tuple[tuple[int, int], ...] = tuple(joined(ranges))
        self._starts = [a for a, _b in self.ranges]

    def __bool__(self) -> bool:
        return bool(self.ranges)

    def __contains__(self, row: object) -> bool:
        if not self.ranges or not isinstance(row, int):
            return False
        n = bisect_right(self._starts, row) - 1
        return n >= 0 and row <= self.ranges[n][1]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RowRanges) and self.ranges == other.ranges

    def __repr__(self) -> str:
        return f"RowRanges({list(self.ranges)!r})"


def runs(rows: Iterable[int]) -> list[list[int]]:
    """Rows as [first, last] runs: 12, 13, …, 40, 55 → [[12, 40], [55, 55]]."""
    out: list[list[int]] = []
    for r in sorted(set(rows)):
        if out and r == out[-1][1] + 1:
            out[-1][1] = r
        else:
            out.append([r, r])
    return out


def runs_text(rows: Iterable[int], most: int = 8) -> str:
    """1-based rows as runs: 12, 13, …, 40, 55 → "12–40, 55" (at most ``most`` runs, then "…")."""
    runs_ = runs(rows)
    shown = ", ".join(f"{a}–{b}" if b > a else str(a) for a, b in runs_[:most])
    return shown + (", …" if len(runs_) > most else "")


def empty_runs(first: int, last: int, given: set[int]) -> list[tuple[int, int]]:
    """The months ``first``..``last`` not in ``given``, as runs: (1, 6), {2, 5} → [(1, 1), (3, 4), (6, 6)]."""
    out: list[tuple[int, int]] = []
    for j in range(first, last + 1):
        if j in given:
            continue
        if out and out[-1][1] == j - 1:
            out[-1] = (out[-1][0], j)
        else:
            out.append((j, j))
    return out
