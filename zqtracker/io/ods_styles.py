"""Which cell styles of an OpenDocument spreadsheet show a date as a year and a month alone.

A date cell of an .ods holds the whole day (office:date-value="2026-06-30"); what it shows comes
from its style's data style: a number:date-style holding number:year and number:month and no
day, weekday, quarter, week or time shows "2026年6月", and the project is of that month, as an
.xlsx cell formatted yyyy"年"m"月" is (io/percent_format.shows_month, MONTH_MARK). The data styles
and cell styles are in styles.xml (common styles) and in content.xml's automatic styles, which
come before the tables: io/ods_package.py hands this book both files' elements as expat reads them.
A cell style without a data style of its own takes its parent's.

The book also keeps which styles strike their text through (style:text-properties with a
style:text-line-through-style, or a -type, other than "none"), by family: a cell style (table-cell),
a paragraph's or a span's (paragraph, text); a style says nothing of it, its parent's says.
"""

from __future__ import annotations

import zipfile
from xml.parsers import expat

_NUMBER = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
_LINE_THROUGH = (f"{_STYLE} text-line-through-style", f"{_STYLE} text-line-through-type", f"{_FO} text-line-through")
_NOT_MONTH = frozenset(("day", "day-of-week", "quarter", "week-of-year", "hours", "minutes", "seconds"))


class StyleBook:
    """The data styles and cell styles seen so far, and which cell styles show a year and month."""

    def __init__(self) -> None:
        self.month_data: set[str] = set()  # date styles showing a year and a month alone
        self.data_of: dict[str, str] = {}  # cell style → its own data style
        self.parent_of: dict[str, str] = {}
        self._date: tuple[str, set[str]] | None = None  # the date style being read, and its parts
        self._cache: dict[str, bool] = {}
        self.struck: dict[tuple[str, str], bool] = {}  # (family, style) → its text struck through, said by it
        self._family_parent: dict[tuple[str, str], str] = {}
        self._style: tuple[str, str] | None = None  # the style:style being read: (family, name)
        self._struck_cache: dict[tuple[str, str], bool] = {}
        self.any_struck = False  # some style strikes its text through: the cells are looked at

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
                self._family_parent[attrs.get(f"{_STYLE} family", ""), name] = attrs[f"{_STYLE} parent-style-name"]
            self._style = (attrs.get(f"{_STYLE} family", ""), name)
        elif ns == _STYLE and local == "text-properties" and self._style is not None:
            said = next((attrs[k] for k in _LINE_THROUGH if k in attrs), None)
            if said is not None:
                self.struck[self._style] = said.strip().lower() not in ("none", "false", "")
                self.any_struck = self.any_struck or self.struck[self._style]
        elif ns == _STYLE and local == "map" and self._date is not None:
            self._date[1].add("map")  # a conditional format: it may show something else; not judged

    def end(self, ns: str, local: str) -> None:
        if ns == _NUMBER and local == "date-style" and self._date is not None:
            name, parts = self._date
            if "year" in parts and "month" in parts and not parts & _NOT_MONTH and "map" not in parts:
                self.month_data.add(name)
            self._date = None
        elif ns == _STYLE and local == "style":
            self._style = None

    def shows_month(self, style: str) -> bool:
        """A cell of ``style`` shows a date's year and month alone."""
        if style not in self._cache:
            name, seen = style, set()
            while name not in self.data_of and name in self.parent_of and name not in seen:
                seen.add(name)
                name = self.parent_of[name]
            self._cache[style] = self.data_of.get(name) in self.month_data
        return self._cache[style]

    def strikes(self, family: str, style: str | None) -> bool:
        """Text of ``style`` (of ``family``: table-cell, paragraph, text) is struck through."""
        if not style or not self.any_struck:
            return False
        key = (family, style)
        if key not in self._struck_cache:
            seen: set[str] = set()
            while key not in self.struck and key in self._family_parent and key[1] not in seen:
                seen.add(key[1])
                key = (family, self._family_parent[key])
            self._struck_cache[family, style] = self.struck.get(key, False)
        return self._struck_cache[family, style]

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
