"""Damaged and crafted files of every format: refused with one sentence naming the file (English
and Chinese), exit 2, no traceback, and the database byte for byte as before.

OLE2 containers with a looping or out-of-file chain or impossible counts, an .xls with a
FILEPASS record, corrupt deflate data and a wrong CRC inside an .xlsx, zip packages with two
entries of one name (the DOCTYPE check sees every copy).
"""

from __future__ import annotations

import io
import shutil
import struct
import zipfile
from pathlib import Path

import pytest
from import_files import district_projects
from test_import_service import dump

from zqtracker.cli.main import main
from zqtracker.io.errors import WorkbookRefused
from zqtracker.io.ole2 import CompoundFile
from zqtracker.io.reader import read_workbook

DATA = Path(__file__).resolve().parent / "data"
CORPUS = Path("/work/shared/corpus/poi-xlsx")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def assert_refused(db_path: Path, path: Path, code: str, words: str, words_zh: str) -> None:
    """Refused by the service with ``code``, and by the CLI with one sentence in each language,
    exit 2, the database unchanged (byte for byte)."""
    with pytest.raises(WorkbookRefused) as caught:
        read_workbook(path)
    assert caught.value.code == code, str(caught.value)
    run("--db", str(db_path), "summary")  # the database exists before the refused import
    before = db_path.read_bytes()
    rows = dump(db_path)
    for lang, expected in (("en", words), ("zh", words_zh)):
        status, out, err = run("--db", str(db_path), "--lang", lang, "import", str(path))
        assert status == 2, (status, out, err)
        lines = err.strip().splitlines()
        assert len(lines) == 1 and path.name in lines[0] and expected in lines[0], err
        assert "Traceback" not in err and out == ""
    assert db_path.read_bytes() == before and dump(db_path) == rows


# -- OLE2 ----------------------------------------------------------------------------------------------
def ole2_with(tmp_path: Path, change) -> Path:  # type: ignore[no-untyped-def]
    data = bytearray((DATA / "calc_district.xls").read_bytes())
    change(data, CompoundFile(bytes(data)))
    path = tmp_path / "crafted.xls"
    path.write_bytes(bytes(data))
    return path


def _workbook_entry_offset(data: bytearray, cf: CompoundFile) -> int:
    """Where the Workbook stream's directory entry lies in the file."""
    raw = "Workbook".encode("utf-16-le")
    return data.index(raw)


def _loop(data: bytearray, cf: CompoundFile) -> None:
    """The Workbook stream's first sector points back at itself (in the mini FAT, where Calc
    put this small stream, or in the FAT)."""
    entry = cf.find("Workbook")
    assert entry is not None
    table = struct.unpack_from("<I", data, 60 if entry.size < 4096 else 76)[0]
    struct.pack_into("<I", data, (table + 1) * 512 + 4 * entry.start, entry.start)


def _outside(data: bytearray, cf: CompoundFile) -> None:
    struct.pack_into("<I", data, 48, 0x00FFFFFF)  # the directory's first sector: far past the end


def _counts(data: bytearray, cf: CompoundFile) -> None:
    struct.pack_into("<I", data, 44, 0x0FFFFFFF)  # FAT sectors: more than the file holds


def _long_stream(data: bytearray, cf: CompoundFile) -> None:
    struct.pack_into("<I", data, _workbook_entry_offset(data, cf) + 120, 0x7FFFFFF0)


def _header(data: bytearray, cf: CompoundFile) -> None:
    struct.pack_into("<H", data, 30, 20)  # sector shift 20: a 1 MB sector


@pytest.mark.parametrize(
    "change",
    [_loop, _outside, _counts, _long_stream, _header],
    ids=["chain-loop", "sector-outside", "counts", "stream-longer-than-chain", "header"],
)
def test_crafted_ole2_files_are_refused_before_parsing(db_path: Path, tmp_path: Path, change) -> None:  # type: ignore[no-untyped-def]
    path = ole2_with(tmp_path, change)
    assert_refused(db_path, path, "damaged_detail", "is damaged", "已损坏")


def test_an_ole2_file_without_a_workbook_is_named(db_path: Path, tmp_path: Path) -> None:
    def rename(data: bytearray, cf: CompoundFile) -> None:
        at = _workbook_entry_offset(data, cf)
        data[at : at + 16] = "Notebook".encode("utf-16-le")

    assert_refused(db_path, ole2_with(tmp_path, rename), "ole2_not_workbook", "without a workbook", "不含工作簿")


@pytest.mark.parametrize("name", ["password.xls.renamed.xlsx", "xor-encryption-abc.xls.renamed.xlsx", "protect.xlsx"])
def test_encrypted_workbooks_of_both_kinds_are_named_as_such(db_path: Path, tmp_path: Path, name: str) -> None:
    if not (CORPUS / name).exists():
        pytest.skip("corpus not available")
    path = shutil.copy(CORPUS / name, tmp_path / "report.xls")
    assert_refused(db_path, path, "encrypted", "password-protected (encrypted)", "加密工作簿")


def test_a_password_protected_ods_is_named_as_such(db_path: Path, tmp_path: Path) -> None:
    """ODF encryption names its algorithm per part in META-INF/manifest.xml (the parts themselves
    are then ciphertext, which no parser should be handed)."""
    path = tmp_path / "locked.ods"
    with zipfile.ZipFile(DATA / "calc_district.ods") as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "META-INF/manifest.xml":
                data = data.replace(
                    b'manifest:full-path="content.xml" manifest:media-type="text/xml"/>',
                    b'manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:'
                    b'encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/>'
                    b"</manifest:file-entry>",
                )
                assert b"encryption-data" in data
            dst.writestr(info, data)
    assert_refused(db_path, path, "encrypted", "password-protected (encrypted)", "加密工作簿")


# -- zip -----------------------------------------------------------------------------------------------
def _sheet_data_offset(data: bytes, entry: str) -> tuple[int, zipfile.ZipInfo]:
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(entry)
    name_len, extra_len = struct.unpack_from("<HH", data, info.header_offset + 26)
    return info.header_offset + 30 + name_len + extra_len, info


def test_a_damaged_deflate_stream_is_refused_with_one_sentence(db_path: Path, tmp_path: Path) -> None:
    data = bytearray(district_projects(tmp_path / "good.xlsx").read_bytes())
    start, _info = _sheet_data_offset(bytes(data), "xl/worksheets/sheet1.xml")
    for i in range(start + 20, start + 60):
        data[i] ^= 0x55
    path = tmp_path / "deflate.xlsx"
    path.write_bytes(bytes(data))
    assert_refused(db_path, path, "damaged_entry", "compressed data inside it is corrupt", "压缩数据有误")


def test_a_wrong_crc_is_refused_with_one_sentence(db_path: Path, tmp_path: Path) -> None:
    data = district_projects(tmp_path / "good.xlsx").read_bytes()
    _start, info = _sheet_data_offset(data, "xl/worksheets/sheet1.xml")
    data = data.replace(struct.pack("<I", info.CRC), struct.pack("<I", info.CRC ^ 0x5A5A5A5A))
    path = tmp_path / "crc.xlsx"
    path.write_bytes(data)
    assert_refused(db_path, path, "damaged_entry", "compressed data inside it is corrupt", "压缩数据有误")


def _with_duplicate(tmp_path: Path, first: bytes | None) -> Path:
    """A district file with a second entry named like its sheet, written before the real one
    (``first`` None: a copy of the real sheet)."""
    good = district_projects(tmp_path / "good.xlsx")
    path = tmp_path / "dup.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        sheet = src.read("xl/worksheets/sheet1.xml")
        dst.writestr("xl/worksheets/sheet1.xml", first if first is not None else sheet)
        for info in src.infolist():
            dst.writestr(info, src.read(info))
    return path


def test_duplicate_entries_are_refused(db_path: Path, tmp_path: Path) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name it is asked to write
        path = _with_duplicate(tmp_path, None)
    assert_refused(db_path, path, "zip_duplicate", "holds two parts named xl/worksheets/sheet1.xml", "两个名为")


def test_the_doctype_check_sees_every_copy_of_a_duplicated_entry(db_path: Path, tmp_path: Path) -> None:
    import warnings

    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet>&a;</worksheet>'
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        path = _with_duplicate(tmp_path, bomb)
    assert_refused(db_path, path, "unsafe_xml", "unsafe XML", "不安全的 XML")
