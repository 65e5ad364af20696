"""The reading process's text budget (io/sheet_stream.TextBudget), checked a chunk of rows at a
time: the row it names is the first that breaks the budget, as when checked row by row."""

from __future__ import annotations

import pytest

from zqtracker.io.sheet_stream import MAX_CELL_CHARS, CellTooLong, TextBudget


def test_a_cell_over_excels_limit_is_named_by_its_row() -> None:
    rows = [["甲", 1.0, "x" * 100] for _ in range(10)]
    rows[6][2] = "y" * (MAX_CELL_CHARS + 1)
    budget = TextBudget("清单")
    budget.add_chunk(rows[:5], 0)
    with pytest.raises(CellTooLong) as caught:
        budget.add_chunk(rows[5:], 5)
    assert (caught.value.sheet, caught.value.row, caught.value.total) == ("清单", 7, False)


def test_the_sheets_text_budget_counts_across_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    import zqtracker.io.sheet_stream as stream

    monkeypatch.setattr(stream, "MAX_SHEET_CHARS", 1_000)  # the real one is 256 M characters
    rows = [["x" * 30, "y" * 20, 2.0] for _ in range(30)]  # 50 characters a row
    budget = TextBudget("清单")
    budget.add_chunk(rows[:12], 0)  # 600
    assert budget.chars == 600
    with pytest.raises(CellTooLong) as caught:
        budget.add_chunk(rows[12:], 12)  # the 21st row takes it to 1,050
    assert (caught.value.row, caught.value.total) == (21, True)
