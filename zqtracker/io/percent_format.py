"""Which cells of an .xlsx show a percentage: 0.5 formatted 0% shows "50%", and python-calamine gives
0.5. Such a number is read as the text it shows, as if typed so (io/sheet_stream.mark_row): in an
amount or area column it is a problem (:func:`refuse_percent`: a percentage is no amount), in a
同比增长% column the percentage it is.

The styles come from styles.xml (built-in formats 9 and 10 are 0% and 0.00%; a custom code holding
an unquoted, unescaped %), and the sheet scan (io/xlsx_package.py, on the other core) finds their
cells by a byte search for each percent style's s="…": a workbook without a percent style pays
nothing, one with them pays for those cells alone. Imports little (the reading process starts fast).
"""

from __future__ import annotations

import re
import zipfile
from xml.parsers import expat

from zqtracker.io.xlsx_formulas import Unplaced, column_number

_BUILTIN = {0: "General", 1: "0", 9: "0%", 10: "0.00%", 17: "mmm-yy", 49: "@"}
# zh-CN's built-in date formats that show a year and month alone (yyyy"年"m"月")
MONTH_BUILTINS = (27, 36, 50, 52, 57)
_BUILTIN.update(dict.fromkeys(MONTH_BUILTINS, 'yyyy"年"m"月"'))
MONTH_MARK = "@m"  # a date cell formatted to show its year and month alone
LITERAL_RE = re.compile(r'"([^"]*)"|\\(.)')


def cell_formats(zf: zipfile.ZipFile, names: dict[str, str]) -> list[str]:
    """Format code of each cellXfs entry."""
    part = names.get("xl/styles.xml")
    if part is None:
        return []
    custom: dict[int, str] = {}
    xfs: list[str] = []
    state = {"in_xfs": False}

    def start(tag: str, attrs: dict[str, str]) -> None:
        local = tag.rsplit(":", 1)[-1]
        if local == "numFmt":
            try:
                custom[int(attrs.get("numFmtId", "-1"))] = attrs.get("formatCode", "General")
            except ValueError:
                pass
        elif local == "cellXfs":
            state["in_xfs"] = True
        elif local == "xf" and state["in_xfs"]:
            try:
                fmt_id = int(attrs.get("numFmtId", "0"))
            except ValueError:
                fmt_id = 0
            xfs.append(custom.get(fmt_id, _BUILTIN.get(fmt_id, "General")))

    def end(tag: str) -> None:
        if tag.rsplit(":", 1)[-1] == "cellXfs":
            state["in_xfs"] = False

    parser = expat.ParserCreate()
    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.Parse(zf.read(part), True)
    return xfs


def percent_places(code: str) -> int | None:
    """The decimals a percent format shows ("0.0%" → 1), or None when ``code`` is no percent format
    (a quoted or escaped "%" is a literal: the number is not scaled)."""
    plain = LITERAL_RE.sub("", code)
    section = next((part for part in plain.split(";") if "%" in part), None)
    if section is None:
        return None
    m = re.search(r"\.([0#?]+)", section)
    return min(len(m.group(1)), 15) if m else 0


def unit_mark(code: str) -> str | None:
    """The mark of a number format that shows its number in a money unit other than the number's own:
    a quoted unit (0.00"亿元": 50 shows "50.00亿元"), a decimal point shifted by an escaped "." (0!.0000:
    3000000 shows "300.0000", in 万), or thousands-scaling commas (#,##0.00,,: in millions). Marked
    "~" + the power of ten the shown number is divided by + "|" + the unit word; None for any other
    format (one of several sections, a condition, a colour: judged on the first section alone)."""
    section = code.split(";")[0]
    if "[" in re.sub(r"\[\$[^\]]*\]", "", section):  # a condition ([>=1e8]) or a colour: not read here
        return None
    words = "".join(m.group(1) if m.group(1) is not None else "" for m in LITERAL_RE.finditer(section)).strip()
    unquoted = re.sub(r'"[^"]*"', "", section)
    shift = re.search(r"[!\\]\.([0#?]+)", unquoted)
    power = len(shift.group(1)) if shift else 0
    plain = LITERAL_RE.sub("", re.sub(r"[!]\.", "", unquoted))
    commas = re.search(r"[0#?](,+)(?![0#?,])", plain)
    power += 3 * len(commas.group(1)) if commas else 0
    word = words if words and _is_money_word(words) else ""
    return f"~{power}|{word}" if power or word else None


def _is_money_word(word: str) -> bool:
    from zqtracker.domain.money import unit_factor_of
    from zqtracker.io.currency_words import currency_of

    return unit_factor_of(word) is not None or currency_of(word) is not None


def unit_text(value: float, mark: str) -> str:
    """The number a unit mark's format shows, exactly, with its unit: (3000000, "~4|") → "300"."""
    from decimal import Decimal

    power, _, word = mark[1:].partition("|")
    shown = Decimal(repr(float(value))).scaleb(-int(power or 0))
    text = format(shown, "f")
    return (text.rstrip("0").rstrip(".") if "." in text else text) + word


def shows_month(code: str) -> bool:
    """A date format showing a year and a month and no day or time (yyyy"年"m"月", yyyy-mm, mmm-yy)."""
    plain = LITERAL_RE.sub("", re.sub(r"\[[^\]]*\]", "", code)).lower().split(";")[0]
    return "y" in plain and "m" in plain and not any(ch in plain for ch in "dhs")


def month_text(value: object) -> object:
    """A date cell (the protocol's (ordinal,) or (ordinal, seconds)) as the year and month it shows."""
    if isinstance(value, tuple) and value and isinstance(value[0], int):
        from datetime import date

        day = date.fromordinal(value[0])
        return f"{day.year}年{day.month}月"
    return value


def refuse_percent(text: str, field: str) -> None:
    """A percentage in an amount or area cell ("50%": typed, or a number formatted as a percent,
    which the reading process gives as the text it shows) is no amount, whatever the column's unit."""
    if text.endswith("%") and any(ch.isdigit() for ch in text):
        from zqtracker.domain.errors import Problem, ValidationError  # (the reading process never needs them)

        raise ValidationError(Problem("percent_not_amount", field, {"value": text}))


# Footnote marks a district puts after a figure (50000¹, 9000①, ⑤50000): NFKC would make them digits of it
# — 50000¹ read as 500001 — so an amount holding one is a problem of its row, never a number.
_MARKS_RE = re.compile("[\u00b2\u00b3\u00b9\u2070-\u209f\u2460-\u24ff\u2776-\u2793\u3248-\u325f\u3280-\u32bf]")


def no_footnote_marks(text: str, field: str) -> str:
    """``text`` when it holds no footnote mark that NFKC would fold into its digits."""
    if text.isascii() or _MARKS_RE.search(text) is None:
        return text
    from zqtracker.domain.errors import Problem, ValidationError

    raise ValidationError(Problem("footnote_in_amount", field, {"value": text}))


def percent_text(value: float, places: int) -> str:
    """0.5 → "50%", as a format of ``places`` decimals shows it (half away from zero, as Excel)."""
    from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

    try:
        shown = (Decimal(repr(value)) * 100).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    except InvalidOperation:  # beyond Decimal's precision
        return f"{value * 100:g}%"
    return f"{shown}%"


def percent_styles(zf: zipfile.ZipFile) -> dict[bytes, str]:
    """The attribute each percent-formatted style is written with in a cell (b' s="3"', and with
    single quotes), to the mark of its cells: "%" and the decimals its format shows."""
    names = {n.lower(): n for n in zf.namelist()}
    out: dict[bytes, str] = {}
    for index, code in enumerate(cell_formats(zf, names)):
        places = percent_places(code)
        mark = f"%{places}" if places is not None else MONTH_MARK if shows_month(code) else unit_mark(code)
        if mark is not None:  # (a date shown as 2024年3月: its day is no part of what the cell says)
            for quote in (b'"', b"'"):
                out[b" s=" + quote + str(index).encode() + quote] = mark
    return out


_CELL_TAG_RE = re.compile(rb"<(?:\w+:)?c\s([^>]*)>")
_TYPE_RE = re.compile(rb"\st\s*=\s*[\"']([^\"']*)[\"']")
_REF_ATTR_RE = re.compile(rb"\br\s*=\s*[\"']([A-Za-z]{1,3})([0-9]{1,7})[\"']")
MAX_PERCENT_CELLS = 1_000_000


def percent_cells(data: bytes, styles: dict[bytes, str], found: list[tuple[int, int, str]]) -> None:
    """The number cells of ``data`` (whole cells, io/xlsx_package.whole_elements) written with a
    percent style: (0-based row, column, mark). A cell without an r attribute raises
    :class:`Unplaced`."""
    for needle, mark in styles.items():
        pos = data.find(needle)
        while pos >= 0 and len(found) < MAX_PERCENT_CELLS:
            start = data.rfind(b"<", 0, pos)
            m = _CELL_TAG_RE.match(data, start) if start >= 0 else None
            if m is not None and m.end() > pos:
                kind = _TYPE_RE.search(m.group(1))
                ref = _REF_ATTR_RE.search(m.group(1))
                if kind is None or kind.group(1) == b"n":
                    if ref is None:
                        raise Unplaced  # the part is read again with every r written in (io/xlsx_places.py)
                    found.append((int(ref.group(2)) - 1, column_number(ref.group(1).decode()) - 1, mark))
            pos = data.find(needle, pos + len(needle))
