"""An .xlsx package that names one thing twice where the format allows it once: a relationship Id
given twice in xl/_rels/workbook.xml.rels, or two sheets of xl/workbook.xml with the same r:id or the
same name. The parsers then each take one of the two, and not the same one — python-calamine and
io/xlsx_package.sheet_parts the last relationship, LibreOffice the first — so the sheet read and the
sheet scanned for error cells and hidden rows could differ from the sheet a person opens. Excel
reports such a file as corrupt; it is refused (io/sniff.py), naming the part."""

from __future__ import annotations

import zipfile

_RELS = "xl/_rels/workbook.xml.rels"
_WORKBOOK = "xl/workbook.xml"
_MAX_PART = 16 << 20  # bytes: a workbook part larger than this is left to the parsers


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def workbook_twice(zf: zipfile.ZipFile, names: dict[str, zipfile.ZipInfo]) -> tuple[str, dict] | None:
    """(code, params) of the refusal, or None. ``names``: the package's parts by lower-case name.
    A part that cannot be read or parsed is left to the parsers, which refuse it themselves."""
    from defusedxml import ElementTree

    found: list[tuple[str, dict]] = []
    for key in (_RELS, _WORKBOOK):
        info = names.get(key)
        if info is None or info.file_size > _MAX_PART:
            continue
        try:
            root = ElementTree.fromstring(zf.read(info))
        except Exception:  # noqa: BLE001 - damaged or unsafe: the parsers' refusal says so
            continue
        if key == _RELS:
            ids = [el.get("Id", "") for el in root if _local(el.tag) == "Relationship"]
            twice = _first_twice(ids)
            if twice is not None:
                found.append(("package_rel_twice", {"part": info.filename, "value": twice}))
            continue
        sheets = [el for el in root.iter() if _local(el.tag) == "sheet"]
        rids = [next((v for k, v in el.attrib.items() if _local(k) == "id"), "") for el in sheets]
        for attribute, values in (("r:id", rids), ("name", [el.get("name", "") for el in sheets])):
            twice = _first_twice(values, fold=attribute == "name")
            if twice is not None:
                found.append(("package_sheet_twice", {"part": info.filename, "attribute": attribute, "value": twice}))
                break
    return found[0] if found else None


def _first_twice(values: list[str], *, fold: bool = False) -> str | None:
    """The first value met a second time (sheet names compared as Excel does, case aside)."""
    seen: set[str] = set()
    for value in values:
        key = value.casefold() if fold else value
        if value and key in seen:
            return value
        seen.add(key)
    return None
