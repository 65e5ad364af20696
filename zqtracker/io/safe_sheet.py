"""An XlsxWriter worksheet whose plain text is always text — and whose inner loop is lighter.

XlsxWriter (3.x) writes any string that starts with ``<r>`` and ends with ``</r>`` as raw
rich-text XML, in constant-memory mode and in the shared-string table alike: a project named
"<r>x</r>" would come back empty, and crafted text could inject markup into the sheet. Every
workbook zqtracker writes uses this class (through XlsxWriter's documented ``worksheet_class``
hook) in constant-memory mode, where the cell writer below escapes every plain string.

The override is also the innermost loop of a 100k-row export: it writes plain numbers and
strings without the generic attribute escaping (a cell reference and a style index never need
it) and calls the control-character escaper only when a string has something to escape. Rich
strings, formulas, blanks and anything else go to the library's own code. A test holds the
output byte for byte to the library's for everything but the ``<r>`` case.
"""

from __future__ import annotations

import re

from xlsxwriter.utility import _preserve_whitespace, xl_col_to_name
from xlsxwriter.worksheet import Worksheet

# What XlsxWriter's _escape_control_characters rewrites: control characters, U+FFFE/U+FFFF, and
# literal "_xHHHH_" sequences (escaped so that readers do not decode them).
_NEEDS_ESCAPE = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")
_COLUMNS: dict[int, str] = {}


class SafeWorksheet(Worksheet):
    def _write_cell(self, row: int, col: int, cell) -> None:
        kind = cell.__class__.__name__
        if not self.constant_memory or (kind != "Number" and kind != "String"):
            super()._write_cell(row, col, cell)
            return
        fmt = cell.format
        if fmt:
            style = f' s="{fmt._get_xf_index()}"'
        elif row in self.row_info and self.row_info[row].row_format:
            style = f' s="{self.row_info[row].row_format._get_xf_index()}"'
        elif col in self.col_info and self.col_info[col].column_format is not None:
            style = f' s="{self.col_info[col].column_format._get_xf_index()}"'
        else:
            style = ""
        letters = _COLUMNS.get(col)
        if letters is None:
            letters = _COLUMNS[col] = xl_col_to_name(col)
        if kind == "Number":
            self.fh.write(f'<c r="{letters}{row + 1}"{style}><v>{cell.number:.16G}</v></c>')
            return
        text = cell.string
        if _NEEDS_ESCAPE.search(text):
            text = self._escape_control_characters(text)
        space = ' xml:space="preserve"' if _preserve_whitespace(text) else ""
        text = self._escape_data(text)  # always: "<r>…</r>" is text here, never markup
        self.fh.write(f'<c r="{letters}{row + 1}"{style} t="inlineStr"><is><t{space}>{text}</t></is></c>')
