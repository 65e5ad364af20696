"""CSV files: read in process (the csv module allocates no more than the bounded file).

Excel and WPS on Chinese Windows save "CSV" as GB18030 (GBK); others as UTF-8 with or without a
BOM; a few as UTF-16. The delimiter is sniffed among comma, semicolon, tab and bar.
"""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING

from zqtracker.io.errors import WorkbookRefused
from zqtracker.io.reader import RawSheet, RawWorkbook
from zqtracker.io.sniff import FileInfo, decode_text

if TYPE_CHECKING:
    from zqtracker.io.reader import Progress

CHUNK = 4096


def read_csv(info: FileInfo, progress: Progress | None = None) -> RawWorkbook:
    name = info.path.name
    try:
        data = info.path.read_bytes()
    except OSError as exc:
        raise WorkbookRefused("unreadable", name, reason=exc.strerror or str(exc)) from None
    text = decode_text(data)
    if text is None:
        raise WorkbookRefused("csv_unreadable", name, detail="not UTF-8, UTF-16 or GB18030 text")
    del data
    sample = text[:65536]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    sheet = RawSheet(info.path.stem)
    try:
        for i, row in enumerate(csv.reader(text.splitlines(), dialect), start=1):
            sheet.rows.append(row)
            if progress is not None and i % CHUNK == 0:
                progress.report(i, None, sheet.name)
    except csv.Error as exc:
        raise WorkbookRefused("csv_unreadable", name, detail=str(exc)) from None
    return RawWorkbook(info.path, "csv", "csv", False, [sheet], [sheet.name], renamed_csv=info.renamed_csv)
