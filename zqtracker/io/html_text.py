"""A web page's text and cell values (io/html_tables.py): how its bytes are decoded, and what a
cell's text and Excel's x:num / x:str attributes say its value is.

The text is decoded as the page declares (<meta charset>, the XML declaration; GB2312 and GBK read as
their superset GB18030), else as UTF-8 or GB18030, whichever decodes the whole file — never with
replacement characters. Values are the text the page shows, as a CSV's are (io/csvread's as_number
for plain numbers; the import's parser takes the rest); Excel's x:num is the exact number behind
what its number format shows, x:str keeps a number-looking text as text."""

from __future__ import annotations

import codecs
import re
from decimal import Decimal

from zqtracker.io.csvread import as_number
from zqtracker.io.xml_source import DECLARATION_RE, declared_encoding, file_encoding

_CHARSET_RE = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


def decoded(path: str, raw: bytes) -> tuple[str | None, str | None]:
    """The page's text: by its BOM, else as it declares, else the encoding that decodes it all."""
    if raw.startswith(codecs.BOM_UTF8):
        return _decode(raw[3:], "utf-8"), "UTF-8"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(raw, "utf-16"), "UTF-16"
    head = raw[:8192]
    found = DECLARATION_RE.match(head) or _CHARSET_RE.search(head)
    declared = found.group(1).decode("ascii", "replace").lower() if found else None
    # UTF-16 said in ASCII bytes (a <meta> without a byte-order mark) is no UTF-16: what decodes the file
    utf16 = (declared_encoding(declared) or "").startswith("utf-16") if declared else False
    encoding = file_encoding(path, None if utf16 else declared)
    return (_decode(raw, encoding) if encoding else None), declared


def _decode(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def cell_value(text: str, attrs: dict[str, str | None]) -> object:
    """The cell's value: x:str's text; Excel's exact x:num behind the number its format shows
    ("12,345.68" for 12345.678, "1.23亿元" for 1.23456 → "1.23456亿元": the unit kept, "-" for 0,
    45% for 0.45) unless what shows is a date, a time or a code's leading zeros; else the text."""
    if "x:num" in attrs and "x:str" not in attrs:
        exact = _exact((attrs.get("x:num") or "").strip(), text)
        if exact is not None:
            return exact
    return as_number(text) if text and "x:str" not in attrs else text


def _exact(raw: str, text: str) -> object:
    if len(text) > 64 or len(raw) > 64:  # no number format shows that much (and the pattern would crawl)
        return None
    shown = _SHOWN_RE.match(text.replace(" ", ""))
    if not raw:  # x:num without a value: the number shown is the value
        if shown is None:
            return None
        raw = ("-" if shown["open"] else "") + shown["num"].replace(",", "").replace("，", "")
    try:
        value = Decimal(raw)
    except ArithmeticError:
        return None
    if not value.is_finite() or not -30 <= value.adjusted() <= 30:  # "1e400", "1e32700": no amount
        return None
    if text.strip(" -–—") == "":  # "-" or nothing for 0 (an accounting format)
        return float(value)
    if shown is None or (text.isdigit() and text[0] == "0" and len(text) > 1):
        return None  # a date or other text shown; a code's leading zeros (0012)
    pre, post = shown["pre"], shown["post"]
    if post[:1] in _DATE_UNITS or pre[-1:] in _DATE_UNITS:
        return None
    if post[:1] in ("%", "‰") or not (pre.strip("¥￥+-(") or post.strip(")")):
        return float(value)
    return f"{pre.strip('(')}{format(value, 'f')}{post.strip(')')}"


_SHOWN_RE = re.compile(
    r"^(?P<pre>[^\d]*?)(?P<open>\()?(?P<num>[-+]?\d[\d,，]*(?:\.\d*)?|[-+]?\.\d+)\)?(?P<post>[^\d]*)$"
)
_DATE_UNITS = frozenset("年月日时分秒号/:-")
