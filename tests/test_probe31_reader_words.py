"""Refusals of damaged files in the user's words (probe31b F6): a parser's own error text had leaked
into them — "(OSError: failed to fill whole buffer)" for an .xlsb record claiming 268 MB, "(CalamineError:
Wide str length exceeds buffer length …)" for a string claiming 2^31 characters, "(ParseError: unclosed
token …)" for a cut-off Excel 2003 XML file. Each is now one plain sentence naming the file, in English
and Chinese, exit 2, nothing written. A CSV cell longer than Excel allows was refused without saying
where: the row and column are named. The files are built here as the probe built them."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest
from xlsb_writer import record, write_xlsb

from zqtracker.cli.main import main

HEADER = ["序号", "项目名称", "所在区域", "计划总投资（万元）", "项目状态"]
ROWS = [[1, "端州新材料产业园项目", "端州区", 50000, "在建"], [2, "高要储能电站项目", "高要区", 30000, "前期"]]
PARSER_WORDS = ("Error", "error", "buffer", "token", "Wide str", "Panic", "(", "（")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def xlsb_with_sheet(tmp_path: Path, name: str, change) -> Path:  # type: ignore[no-untyped-def]
    good = write_xlsb(tmp_path / "good.xlsb", "项目", [HEADER, *ROWS])
    with zipfile.ZipFile(good) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["xl/worksheets/sheet1.bin"] = change(parts["xl/worksheets/sheet1.bin"])
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for k, v in parts.items():
            z.writestr(k, v)
    return path


def record_claiming_268_mb(sheet: bytes) -> bytes:
    return sheet[:40] + bytes([6, 0xFF, 0xFF, 0xFF, 0x7F]) + b"\0" * 20


def string_claiming_2e31_chars(sheet: bytes) -> bytes:
    end = record(146)  # BrtEndSheetData
    cell = record(0, struct.pack("<IIHBBI", 5, 0, 300, 0, 0, 0)) + record(
        6, struct.pack("<III", 1, 0, 0x7FFFFFFF) + b"a\0"
    )
    return sheet.replace(end, cell + end, 1)


def cut_spreadsheetml(tmp_path: Path) -> Path:
    ns = 'xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"'

    def cell(v: object) -> str:
        return f'<Cell><Data ss:Type="{"Number" if isinstance(v, int) else "String"}">{v}</Data></Cell>'

    rows = "".join("<Row>" + "".join(map(cell, r)) + "</Row>" for r in [HEADER, *ROWS])
    text = f'<?xml version="1.0" encoding="UTF-8"?><?mso-application progid="Excel.Sheet"?><Workbook {ns}>'
    text += f'<Worksheet ss:Name="项目"><Table>{rows}</Table></Worksheet></Workbook>'
    path = tmp_path / "m06_truncated.xls"
    path.write_text(text[:-80], encoding="utf-8")
    return path


def refusal(db_path: Path, path: Path) -> dict[str, str]:
    """The CLI's refusal in each language: exit 2, one line, nothing written."""
    out = {}
    for lang in ("en", "zh"):
        status, stdout, err = run("--db", str(db_path), "--lang", lang, "import", str(path))
        assert status == 2 and stdout == "" and len(err.strip().splitlines()) == 1, (status, stdout, err)
        assert "Traceback" not in err
        out[lang] = err.strip()
    status, stdout, _ = run("--db", str(db_path), "list", "--json")
    assert status == 0 and '"name"' not in stdout
    return out


@pytest.mark.parametrize(
    "build",
    [
        lambda p: xlsb_with_sheet(p, "b03_record_len_huge.xlsb", record_claiming_268_mb),
        lambda p: xlsb_with_sheet(p, "b04_string_len_2e31.xlsb", string_claiming_2e31_chars),
        cut_spreadsheetml,
    ],
    ids=["xlsb-record-268MB", "xlsb-string-2e31", "spreadsheetml-cut"],
)
def test_a_damaged_file_is_refused_in_one_plain_sentence(db_path: Path, tmp_path: Path, build) -> None:  # type: ignore[no-untyped-def]
    path = build(tmp_path)
    said = refusal(db_path, path)
    assert path.name in said["en"] and "is damaged" in said["en"], said
    assert path.name in said["zh"] and "已损坏" in said["zh"], said
    for text in said.values():
        assert not any(w in text.split(":", 1)[1] for w in PARSER_WORDS), text


def test_a_csv_cell_longer_than_excel_allows_names_its_row_and_column(db_path: Path, tmp_path: Path) -> None:
    lines = [HEADER, ROWS[0], [2, "高" * ((5 << 20) // 3), "高要区", 30000, "前期"]]
    path = tmp_path / "c01_5MB_field.csv"
    path.write_text("\n".join(",".join(map(str, r)) for r in lines) + "\n", encoding="utf-8")
    said = refusal(db_path, path)
    assert "row 3, column B" in said["en"] and "32767" in said["en"], said
    assert "第 3 行 B 列" in said["zh"], said


NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def shared_string_repeated(tmp_path: Path, refs: int) -> Path:
    """probe31b x04: one shared string of 32,767 characters (项 …) used by ``refs`` cells; 60,000 of them are
    1.97 billion characters (5.9 GB in UTF-8) from a file of half a megabyte."""
    sst = f'<?xml version="1.0" encoding="UTF-8"?><sst {NS} count="2" uniqueCount="2">'
    sst += f"<si><t>{'项' * 32767}</t></si><si><t>项目名称</t></si></sst>"
    rows = '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="inlineStr"><is><t>所属区县</t></is></c></row>'
    rows += "".join(
        f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c><c r="B{r}" t="inlineStr"><is><t>端州区</t></is></c></row>'
        for r in range(2, refs + 2)
    )
    ct = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    ct += '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    ct += '<Default Extension="xml" ContentType="application/xml"/>'
    ct += '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    ct += 'spreadsheetml.sheet.main+xml"/></Types>'
    rels = '<?xml version="1.0" encoding="UTF-8"?>'
    rels += '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    path = tmp_path / "x04_sst_repeated_into_GB.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels + f'<Relationship Id="rId1" Type="{REL}/officeDocument" '
                   'Target="xl/workbook.xml"/></Relationships>')  # fmt: skip
        z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS} {R_NS}><sheets>'
                   '<sheet name="项目" sheetId="1" r:id="rId1"/></sheets></workbook>')  # fmt: skip
        z.writestr("xl/_rels/workbook.xml.rels", rels + f'<Relationship Id="rId1" Type="{REL}/worksheet" '
                   f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{REL}/sharedStrings" '
                   'Target="sharedStrings.xml"/></Relationships>')  # fmt: skip
        z.writestr("xl/sharedStrings.xml", sst)
        z.writestr("xl/worksheets/sheet1.xml", f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>'
                   f"{rows}</sheetData></worksheet>")  # fmt: skip
    return path


def test_a_shared_string_repeated_into_gigabytes_is_refused_by_name(db_path: Path, tmp_path: Path) -> None:
    """probe31b F4: it was refused only as "needed more memory than allowed" (python-calamine copies the
    string into every cell before a row reaches us): the references are counted first."""
    path = shared_string_repeated(tmp_path, 60_000)
    said = refusal(db_path, path)
    assert "Sheet “项目” of x04_sst_repeated_into_GB.xlsx holds far more text" in said["en"], said
    assert "repeated shared strings" in said["en"] and "重复引用共享字符串" in said["zh"], said


def test_a_long_shared_string_used_a_few_times_is_read(db_path: Path, tmp_path: Path) -> None:
    path = shared_string_repeated(tmp_path, 3)  # 3 × 32,767 characters: a workbook Excel could write
    status, out, err = run("--db", str(db_path), "import", "--dry-run", str(path))
    # read: its rows are checked (the name is too long for a project), no refusal of the sheet
    assert status == 1 and "row 2, column A" in out and "longer than 200 characters" in out, (status, out, err)
    assert "far more text" not in out + err and "Traceback" not in err
