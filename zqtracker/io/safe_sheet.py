"""An XlsxWriter worksheet whose plain text is always text — and whose inner loop is lighter.

XlsxWriter (3.x) writes any string that starts with ``<r>`` and ends with ``</r>`` as raw
rich-text XML, in constant-memory mode and in the shared-string table alike: a project named
"<r>x</r>" would come back empty, and crafted text could inject markup into the sheet. Every
workbook zqtracker writes uses this class (through XlsxWriter's documented ``worksheet_class``
hook) in constant-memory mode, where the cell writer below escapes every plain string.

The override is also the innermost loop of a 100k-row export: a flushed row's cells go out in one
write; plain numbers and strings skip the generic attribute escaping (a cell reference and a style
index never need it) and the control-character escaper unless a string has something to escape.
Rich strings, formulas, blanks and anything else go to the library's own code. A test holds the
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
    previous_row: int  # the library's own attribute (XlsxWriter has no type information)

    def _write_single_row(self, current_row_num: int = 0) -> None:
        """Constant-memory mode flushes the previous row here: one write for all its cells."""
        cells = self.table.get(self.previous_row) if self.constant_memory else None
        if not cells:
            super()._write_single_row(current_row_num)
            return
        row_num = self.previous_row
        self.previous_row = current_row_num
        self._write_row(row_num, None, self.row_info.get(row_num))
        parts: list[str] = []
        for col in sorted(cells):
            cell = cells[col]
            xml = self._cell_xml(row_num, col, cell)
            if xml is None:  # rich strings, formulas, blanks …: the library writes them itself
                self.fh.write("".join(parts))
                parts.clear()
                super()._write_cell(row_num, col, cell)
            else:
                parts.append(xml)
        parts.append("</row>")
        self.fh.write("".join(parts))
        self.table.clear()

    def _write_cell(self, row: int, col: int, cell) -> None:
        xml = self._cell_xml(row, col, cell) if self.constant_memory else None
        if xml is None:
            super()._write_cell(row, col, cell)
        else:
            self.fh.write(xml)

    def _cell_xml(self, row: int, col: int, cell) -> str | None:
        """The <c> element of a plain number or string, or None for any other kind of cell."""
        kind = cell.__class__.__name__
        if kind != "Number" and kind != "String":
            return None
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
            return f'<c r="{letters}{row + 1}"{style}><v>{cell.number:.16G}</v></c>'
        text = cell.string
        if _NEEDS_ESCAPE.search(text):
            text = self._escape_control_characters(text)
        space = ' xml:space="preserve"' if _preserve_whitespace(text) else ""
        text = self._escape_data(text)  # always: "<r>…</r>" is text here, never markup
        return f'<c r="{letters}{row + 1}"{style} t="inlineStr"><is><t{space}>{text}</t></is></c>'
