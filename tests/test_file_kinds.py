"""A chosen path that is no spreadsheet is named for what it is, in one sentence (English and
Chinese), exit 2, before any parser sees it: a named pipe (opening one blocked the import forever
before the reading process started), a device (/dev/zero was "empty"), a PDF, an image, an
archive, a Word document. A real workbook still reads."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest
from test_read_hostile import DATA, assert_refused, ole2_with

from zqtracker.io.errors import WorkbookRefused
from zqtracker.io.ole2 import CompoundFile
from zqtracker.io.reader import read_workbook

needs_posix = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes and /dev are POSIX")


def _read_with_timeout(path: Path, seconds: float = 5.0) -> BaseException | None:
    """What read_workbook raised, from a thread that must end within ``seconds``."""
    outcome: list[BaseException | None] = []

    def target() -> None:
        try:
            read_workbook(path)
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            outcome.append(exc)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():  # let a thread blocked opening the pipe go, then fail
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        pytest.fail(f"reading {path.name} did not return within {seconds} s")
    return outcome[0]


@needs_posix
def test_a_named_pipe_is_refused_promptly(tmp_path: Path) -> None:
    path = tmp_path / "report.csv"
    os.mkfifo(path)
    exc = _read_with_timeout(path)
    assert isinstance(exc, WorkbookRefused) and exc.code == "file_is_fifo", exc
    assert str(exc) == "report.csv is not a file but a named pipe — choose the spreadsheet file itself."
    assert "命名管道" in exc.message("zh") and "report.csv" in exc.message("zh")
    for lang, words in (("en", "is not a file but a named pipe"), ("zh", "不是文件，而是命名管道")):
        cmd = [sys.executable, "-m", "zqtracker", "--db", str(tmp_path / "t.sqlite"), "--lang", lang,
               "import", str(path), "--dry-run"]  # fmt: skip
        done = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", timeout=60)
        assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
        assert "report.csv" in done.stderr and words in done.stderr and "Traceback" not in done.stderr


@needs_posix
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_link_to_a_device_is_refused_as_a_device(db_path: Path, tmp_path: Path, device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    path = tmp_path / "report.xlsx"
    path.symlink_to(device)
    exc = _read_with_timeout(path)
    assert isinstance(exc, WorkbookRefused) and exc.code == "file_is_device", exc
    assert device in str(exc)
    assert_refused(db_path, path, "file_is_device", "is not a file but a device", "不是文件，而是设备")


def test_a_folder_is_still_refused_as_a_folder(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    path.mkdir()
    assert_refused(db_path, path, "not_a_file", "is a folder, not a file", "是文件夹，不是文件")


def test_a_pdf_named_xlsx_is_named_a_pdf(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    path.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    assert_refused(
        db_path, path, "pdf_not_workbook", "is a PDF document, not a spreadsheet", "是 PDF 文档，不是电子表格"
    )


def _docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        zf.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships/>')
        zf.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="urn:w"/>')
    return path


def test_a_docx_is_named_a_word_document(db_path: Path, tmp_path: Path) -> None:
    path = _docx(tmp_path / "report.xlsx")
    assert_refused(
        db_path, path, "word_not_workbook", "is a Word document, not a spreadsheet", "是 Word 文档，不是电子表格"
    )


def test_a_doc_is_named_a_word_document(db_path: Path, tmp_path: Path) -> None:
    def rename(data: bytearray, cf: CompoundFile) -> None:
        at = data.index("Workbook".encode("utf-16-le"))
        name = "WordDocument\0".encode("utf-16-le")
        data[at : at + len(name)] = name
        struct.pack_into("<H", data, at + 64, len(name))

    path = ole2_with(tmp_path, rename)
    assert_refused(
        db_path, path, "word_not_workbook", "is a Word document, not a spreadsheet", "是 Word 文档，不是电子表格"
    )


@pytest.mark.parametrize(
    ("head", "code", "fmt"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image_not_workbook", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "image_not_workbook", "JPEG"),
        (b"GIF89a\x01\x00\x01\x00", "image_not_workbook", "GIF"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "image_not_workbook", "WebP"),
        (b"Rar!\x1a\x07\x01\x00", "archive_not_workbook", "RAR"),
        (b"7z\xbc\xaf\x27\x1c\x00\x04", "archive_not_workbook", "7z"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "archive_not_workbook", "gzip"),
    ],
)
def test_images_and_archives_are_named(tmp_path: Path, head: bytes, code: str, fmt: str) -> None:
    path = tmp_path / "report.xls"
    path.write_bytes(head + bytes(range(256)) * 4)
    with pytest.raises(WorkbookRefused) as caught:
        read_workbook(path)
    assert caught.value.code == code
    en, zh = str(caught.value), caught.value.message("zh")
    assert "report.xls" in en and f"({fmt})" in en and "not a spreadsheet" in en
    assert "report.xls" in zh and f"（{fmt}）" in zh and "不是电子表格" in zh


@pytest.mark.parametrize("name", ["calc_district.xlsx", "calc_district.xls", "calc_district.ods"])
def test_real_workbooks_still_read(tmp_path: Path, name: str) -> None:
    book = read_workbook(DATA / name)
    assert book.sheets and any(sheet.rows for sheet in book.sheets)


def test_a_csv_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("项目名称,区域\nA,Gaoyao\n", encoding="utf-8")
    book = read_workbook(path)
    assert book.kind == "csv" and book.sheets[0].rows
