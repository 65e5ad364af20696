"""How this python-calamine's iter_rows counts rows: asked once of a one-cell workbook (io/sheet_stream.py)."""

from __future__ import annotations

import zipfile

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
}
