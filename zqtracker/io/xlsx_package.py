"""What python-calamine does not tell about an .xlsx package: the 1904 date system, hidden
columns, which part holds which sheet, and how its iter_rows counts rows. Read with defusedxml
(workbook.xml and its rels, small) and a bounded scan of each sheet's start (the <cols> element
comes before <sheetData>). Used inside the reading process (io/worker.py).
"""

from __future__ import annotations

import os
import re
import zipfile


class Package:
    def __init__(self) -> None:
        self.date1904 = False
        self.hidden: dict[str, list[tuple[int, int]]] = {}
        self.sheet_parts: dict[str, str] = {}


_COL_RE = re.compile(rb"<(?:\w+:)?col\b([^>]*)>")
_ATTR_RE = re.compile(rb'(\w+)\s*=\s*["\']([^"\']*)["\']')


def package_facts(path: str) -> Package:
    """Best effort: a damaged package still gets read (or refused) by the parsers themselves."""
    facts = Package()
    try:
        with zipfile.ZipFile(path) as zf:
            facts.sheet_parts, facts.date1904 = sheet_parts(zf)
            for name, part in facts.sheet_parts.items():
                facts.hidden[name] = _hidden_columns(zf, part)
    except Exception:  # noqa: BLE001
        pass
    return facts


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def sheet_parts(zf: zipfile.ZipFile) -> tuple[dict[str, str], bool]:
    from defusedxml import ElementTree

    names = {n.lower(): n for n in zf.namelist()}
    wb_xml = ElementTree.fromstring(zf.read(names["xl/workbook.xml"]))
    rels_xml = ElementTree.fromstring(zf.read(names["xl/_rels/workbook.xml.rels"]))
    targets = {}
    for rel in rels_xml:
        if _local(rel.tag) == "Relationship":
            target = rel.get("Target", "").replace("\\", "/")
            target = target.lstrip("/") if target.startswith("/") else "xl/" + target
            targets[rel.get("Id")] = names.get(os.path.normpath(target).replace("\\", "/").lower(), target)
    parts: dict[str, str] = {}
    date1904 = False
    for el in wb_xml.iter():
        tag = _local(el.tag)
        if tag == "workbookPr":
            date1904 = el.get("date1904", "0").lower() in ("1", "true")
        elif tag == "sheet":
            rid = next((v for k, v in el.attrib.items() if _local(k) == "id"), None)
            if rid in targets:
                parts[el.get("name", "")] = targets[rid]
    return parts, date1904


def _hidden_columns(zf: zipfile.ZipFile, part: str) -> list[tuple[int, int]]:
    """Hidden column ranges (0-based, inclusive) from <cols>, which comes before <sheetData>."""
    data = b""
    with zf.open(part) as fh:
        while len(data) < (8 << 20):
            block = fh.read(1 << 16)
            if not block:
                break
            data += block
            cut = data.find(b"<sheetData")
            if cut < 0:
                cut = data.find(b":sheetData")
            if cut >= 0:
                data = data[:cut]
                break
    hidden = []
    for m in _COL_RE.finditer(data):
        attrs = {k.decode(): v.decode() for k, v in _ATTR_RE.findall(m.group(1))}
        if attrs.get("hidden", "0").lower() in ("1", "true"):
            try:
                lo, hi = int(attrs.get("min", "0")) - 1, int(attrs.get("max", "0")) - 1
            except ValueError:
                continue
            if 0 <= lo <= hi:
                hidden.append((lo, min(hi, 16383)))
    return hidden


_PROBE: list[bool] = []


def iter_rows_starts_at_row_1() -> bool:
    """Whether this python-calamine's iter_rows starts at the sheet's first row (padding empty
    rows above the data) or at the first used row: asked once of a one-cell workbook at C3."""
    if not _PROBE:
        import io

        import python_calamine as pc

        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as zf:
            for name, text in _PROBE_PARTS.items():
                zf.writestr(name, text)
        buffer.seek(0)
        sheet = pc.CalamineWorkbook.from_filelike(buffer).get_sheet_by_index(0)
        _PROBE.append(len(list(sheet.iter_rows())) == 3)
    return _PROBE[0]


_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_PROBE_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="'
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
    'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": f'<?xml version="1.0"?><workbook {_NS} {_RNS}><sheets><sheet name="S" sheetId="1" '
    'r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    "xl/worksheets/sheet1.xml": f'<?xml version="1.0"?><worksheet {_NS}><sheetData><row r="3"><c r="C3" t="inlineStr">'
    "<is><t>x</t></is></c></row></sheetData></worksheet>",
}  # fmt: skip
