"""A column converted a chunk at a time (io/cell_convert.py: Text.column, Money.column) gives exactly
what converting it cell by cell gives — values, blanks and every refusal — whatever the chunk mixes."""

from __future__ import annotations

import itertools
import math
import random

import pytest

from zqtracker.io.cell_convert import ColumnConverter, Money, Text
from zqtracker.io.reader import ExcelError

TEXTS = ["华南电池项目", "  前后有空格  ", "中间  两个空格", "A B", "AB-01", "", "   ", "\u3000", "第一行\n第二行",
         "#REF!", " #N/A", "#1号厂房", "tab\there", "x", "ＡＢ１２"]  # fmt: skip
NUMBERS = [0.0, 1.0, 6364.0, 12.5, 0.1, -3.0, 1e17, 2.0**53, math.inf, math.nan, 123456789.0]


def one_by_one(convert, raw: list) -> tuple[list, list]:
    """The cell-by-cell path, with the whole-chunk shortcut taken away."""
    plain = ColumnConverter(lambda v: convert(v), "f")  # a lambda has no .column
    plain.decided, plain.table = True, None
    values, errors = plain(raw)
    return values, [(k, str(e)) for k, _v, e in errors]


def chunked(convert, raw: list) -> tuple[list, list]:
    column = ColumnConverter(convert, "f")
    column.decided, column.table = True, None
    values, errors = column(raw)
    return values, [(k, str(e)) for k, _v, e in errors]


@pytest.mark.parametrize("convert", [Text("name"), Text("code", code=True), Text("enterprise")])
def test_texts_a_chunk_at_a_time_are_the_texts_one_by_one(convert: Text) -> None:
    rng = random.Random(13)
    chunks = [list(pair) for pair in itertools.product(TEXTS, repeat=2)]
    chunks += [rng.choices([*TEXTS, 1.0, 2.5, True], k=rng.randint(1, 40)) for _ in range(300)]
    chunks += [["华南电池项目", "星光材料", ""], ["ZQ001", "ZQ002"]]  # the shortcut's own case
    for raw in chunks:
        assert chunked(convert, raw) == one_by_one(convert, raw), raw
    assert convert.column(["华南电池项目", " 星光材料 ", ""]) == ["华南电池项目", "星光材料", None]
    assert convert.column(["#REF!"]) is None and convert.column([ExcelError("#N/A")]) is None


@pytest.mark.parametrize("factor", [10_000, 100_000_000, 1, None])
def test_amounts_a_chunk_at_a_time_are_the_amounts_one_by_one(factor: int | None) -> None:
    convert = Money(factor, "planned_investment")
    rng = random.Random(7)
    pool = [*NUMBERS, "", "  ", "12亿", "1,200", True, ExcelError("#VALUE!")]
    chunks = [list(pair) for pair in itertools.product(pool, repeat=2)]
    chunks += [rng.choices(pool, k=rng.randint(1, 40)) for _ in range(300)]
    for raw in chunks:
        got, want = chunked(convert, raw), one_by_one(convert, raw)
        assert got == want, raw
    if factor == 10_000:
        assert convert.column([6364.0, "", 1.0]) == [63_640_000, None, 10_000]
        assert convert.column([12.5]) is None and convert.column([-1.0]) is None and convert.column(["1亿"]) is None
