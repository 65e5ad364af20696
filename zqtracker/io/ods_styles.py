"""Which cell styles of an OpenDocument spreadsheet show a date as a year and a month alone.

A date cell of an .ods holds the whole day (office:date-value="2026-06-30"); what it shows comes
from its style's data style: a number:date-style holding number:year and number:month and no
day, weekday, quarter, week or time shows "2026年6月", and the project is of that month, as an
.xlsx cell formatted yyyy"年"m"月" is (io/percent_format.shows_month, MONTH_MARK). The data styles
and cell styles are in styles.xml (common styles) and in content.xml's automatic styles, which
come before the tables: io/ods_package.py hands this book both files' elements as expat reads them.
A cell style without a data style of its own takes its parent's.
"""

from __future__ import annotations

import zipfile
from xml.parsers import expat

_NUMBER = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_NOT_MONTH = frozenset(("day", "day-of-week", "quarter", "week-of-year", "hours", "minutes", "seconds"))


class StyleBook:
    """The data styles and cell styles seen so far, and which cell styles show a year and month."""

    def __init__(self) -> None:
        self.month_data: set[str] = set()  # date styles showing a year and a month alone
        self.data_of: dict[str, str] = {}  # cell style → its own data style
        self.parent_of: dict[str, str] = {}
        self._date: tuple[str, set[str]] | None = None  # the date style being read, and its parts
        self._cache: dict[str, bool] = {}

    def start(self, ns: str, local: str, attrs: dict[str, str]) -> None:
        if ns == _NUMBER:
            if local == "date-style":
                self._date = (attrs.get(f"{_STYLE} name", ""), set())
            elif self._date is not None:
                self._date[1].add(local)
        elif ns == _STYLE and local == "style":
            name = attrs.get(f"{_STYLE} name", "")
            if f"{_STYLE} data-style-name" in attrs:
                self.data_of[name] = attrs[f"{_STYLE} data-style-name"]
            if f"{_STYLE} parent-style-name" in attrs:
                self.parent_of[name] = attrs[f"{_STYLE} parent-style-name"]
        elif ns == _STYLE and local == "map" and self._date is not None:
            self._date[1].add("map")  # a conditional format: it may show something else; not judged

    def end(self, ns: str, local: str) -> None:
        if ns == _NUMBER and local == "date-style" and self._date is not None:
            name, parts = self._date
            if "year" in parts and "month" in parts and not parts & _NOT_MONTH and "map" not in parts:
                self.month_data.add(name)
            self._date = None

    def shows_month(self, style: str) -> bool:
        """A cell of ``style`` shows a date's year and month alone."""
        if style not in self._cache:
            name, seen = style, set()
            while name not in self.data_of and name in self.parent_of and name not in seen:
                seen.add(name)
                name = self.parent_of[name]
            self._cache[style] = self.data_of.get(name) in self.month_data
        return self._cache[style]

    def read_styles(self, zf: zipfile.ZipFile) -> None:
        """The common styles of styles.xml (where LibreOffice writes its data styles)."""
        if "styles.xml" not in zf.namelist():
            return
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartElementHandler = lambda tag, attrs: self.start(*_split(tag), attrs)
        parser.EndElementHandler = lambda tag: self.end(*_split(tag))
        with zf.open("styles.xml") as fh:
            parser.ParseFile(fh)


def _split(tag: str) -> tuple[str, str]:
    ns, _, local = tag.rpartition(" ")
    return ns, local
