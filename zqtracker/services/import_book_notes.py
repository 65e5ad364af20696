"""The notes about the file as a whole, said before any sheet's: what it really is (CSV text with a
workbook's name, a web page, an Excel 2003 XML file) and the encoding a CSV was read in when it was
not the one guessed first (Big5, io/csv_big5.py)."""

from __future__ import annotations

from zqtracker.domain.errors import Problem
from zqtracker.io.reader import RawWorkbook


def book_notes(book: RawWorkbook) -> list[Problem]:
    file = book.path.name
    notes: list[Problem] = []
    if book.renamed_csv:
        notes.append(Problem("note_renamed_csv", None, {"file": file}))
    elif book.kind in ("html", "xml2003"):
        notes.append(Problem("note_web_page" if book.kind == "html" else "note_xml2003", None, {"file": file}))
    if book.read_as == "Big5":
        notes.append(Problem("note_csv_big5", None, {"file": file}))
    return notes
