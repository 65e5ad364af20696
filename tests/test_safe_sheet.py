"""SafeWorksheet: byte-for-byte the library's XML for plain strings and numbers, except that text
shaped like rich-text markup ("<r>…</r>") stays text instead of being injected into the sheet."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from xlsx_readback import sheet_rows
from xlsxwriter.worksheet import Worksheet

from zqtracker.io.safe_sheet import SafeWorksheet

CELLS = st.lists(
    st.lists(
        st.one_of(
            st.none(),
            st.text(max_size=30).filter(lambda s: not (s.startswith("<r>") and s.endswith("</r>"))),
            st.sampled_from(["_x0041_", " lead", "trail ", 'a&b<c>"d"\n', "\x01\x1f", "\ufffe"]),
            st.floats(allow_nan=False, allow_infinity=False),
            st.integers(-(2**53), 2**53),
        ),
        max_size=6,
    ),
    max_size=8,
)


def write(path: Path, rows: list[list[object]], worksheet_class: type, formats: list[int]) -> str:
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    made = [None, wb.add_format({"num_format": "#,##0.00"}), wb.add_format({"quote_prefix": True})]
    ws = wb.add_worksheet("S", worksheet_class=worksheet_class)
    ws.set_column(2, 2, 12, wb.add_format({"num_format": "@"}))
    ws.set_row(1, None, wb.add_format({"bold": True}))
    ws.set_row(3, 30)
    bold = wb.add_format({"bold": True})
    for r, row in enumerate(rows):
        if r % 3 == 2:  # cells the library writes itself, between plain ones
            ws.write_blank(r, 2, None, made[1])
            ws.write_rich_string(r, 4, "plain ", bold, "bold")
            ws.write_formula(r, 7, "=1+1", None, 2)
        for c, value in enumerate(row):
            fmt = made[formats[(r + c) % len(formats)]]
            if isinstance(value, str):
                ws.write_string(r, c, value, fmt)
            elif value is not None:
                ws.write_number(r, c, value, fmt)
    ws.write_blank(len(rows), 0, None, made[1])
    wb.close()
    with zipfile.ZipFile(path) as z:
        return z.read("xl/worksheets/sheet1.xml").decode("utf-8")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=CELLS, formats=st.lists(st.integers(0, 2), min_size=1, max_size=4))
def test_same_xml_as_the_library(tmp_path: Path, rows: list[list[object]], formats: list[int]) -> None:
    assert write(tmp_path / "safe.xlsx", rows, SafeWorksheet, formats) == write(
        tmp_path / "stock.xlsx", rows, Worksheet, formats
    )


@pytest.mark.parametrize("text", ["<r>evil</r>", "<r><t>a</t></r><r><t>b</t></r>", "<r></r>"])
def test_markup_shaped_text_stays_text(tmp_path: Path, text: str) -> None:
    stock = tmp_path / "stock.xlsx"
    write(stock, [[text]], Worksheet, [0])
    assert sheet_rows(stock, "S", "calamine")[0][0] != text  # the library's own path loses it
    safe = tmp_path / "safe.xlsx"
    xml = write(safe, [[text]], SafeWorksheet, [0])
    assert "&lt;r&gt;" in xml
    for reader in ("openpyxl", "calamine"):
        assert sheet_rows(safe, "S", reader)[0][0] == text
