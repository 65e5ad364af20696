"""What a file really is, judged by its bytes, and whether it is safe to hand to a parser.

Spreadsheets are untrusted input. Before any parser sees a file we check, like Apache POI's
ZipSecureFile: the number of zip entries, the total uncompressed size, the inflate ratio of each
entry, that no two entries share a name, and that no XML part (every copy) declares a DOCTYPE
(entity expansion, external entities). OLE2 containers get their header, sector counts and
chains checked (io/ole2.py). The format is told by the bytes, whatever the file's name: .xlsx,
.xlsb, .ods (zip), .xls (OLE2 with a Workbook stream), encrypted workbooks of either kind (OLE2
with EncryptionInfo, or an .xls with a FILEPASS record), CSV, a web page's tables (HTML) and Excel
2003 XML (both what web systems' "export to Excel" write under an .xls name; the XML's prolog is
checked like an .xlsx part's); web archives (MHTML), Word or PowerPoint files, PDFs, images and
other archives are named in one sentence; so is a path that is no regular file (a named pipe, a
device), refused before it is opened.
"""

from __future__ import annotations

import codecs
import mmap
import os
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from zqtracker.io.errors import WorkbookRefused
from zqtracker.io.vanished import said_if_gone
from zqtracker.io.xml_parts import checked_by_name, other_xml_parts

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what a workbook may make a parser do (POI's ZipSecureFile defaults, mostly)."""

    max_entries: int = 1_000
    max_uncompressed: int = 512 * 1024 * 1024  # all entries together
    min_inflate_ratio: float = 0.01  # compressed / uncompressed, checked above grace_size
    grace_size: int = 1024 * 1024
    max_prolog: int = 64 * 1024  # bytes of an XML part read to find its root element
    # styles.xml unpacked: Excel's own run to tens of KB, a workbook styled cell by cell to a few MB; one of
    # 200 MB of random fonts passed the inflate-ratio check and took 20 s of parsing (probe29b x09)
    max_styles: int = 32 * 1024 * 1024
    max_csv_bytes: int = 100 * 1024 * 1024
    max_cells: int = 20_000_000  # dense area rows x columns a sheet may span
    memory_bytes: int = 1536 * 1024 * 1024  # address space of the reading process
    base_seconds: float = 20.0  # time allowed to read a workbook ...
    seconds_per_mib: float = 0.25  # ... plus this much per MiB of uncompressed content

    def timeout_for(self, uncompressed: int) -> float:
        return self.base_seconds + self.seconds_per_mib * uncompressed / (1024 * 1024)


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True, slots=True)
class FileInfo:
    path: Path
    kind: str  # "xlsx" (also .xlsm/.xltx/.xltm), "xlsb", "ods", "xls", "csv", "html" or "xml2003"
    uncompressed: int  # total uncompressed bytes (zip) or file size (OLE2, csv)
    renamed_csv: bool = False  # a text file whose name says workbook


def inspect_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> FileInfo:
    """Identify ``path`` and check it is safe to parse; raises WorkbookRefused otherwise."""
    name = path.name
    try:
        mode = path.stat().st_mode  # follows symlinks: what would be opened
    except FileNotFoundError:
        raise WorkbookRefused("file_missing", name) from None
    except OSError as exc:
        raise WorkbookRefused("unreadable", name, reason=exc.strerror or str(exc)) from None
    with said_if_gone(path):  # there at the start, gone on the way: said so (io/vanished.py)
        return _inspect_found(path, mode, limits)


def _inspect_found(path: Path, mode: int, limits: Limits) -> FileInfo:
    name = path.name
    if stat.S_ISDIR(mode):
        raise WorkbookRefused("not_a_file", name)
    if not stat.S_ISREG(mode):  # opening a named pipe blocks until a writer comes; a device never ends
        _refuse_special(path, mode)
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise WorkbookRefused("unreadable", name, reason=exc.strerror or str(exc)) from None
    if size == 0:
        raise WorkbookRefused("file_empty", name)
    if head.startswith(OLE2_MAGIC):
        return _inspect_ole2(path, size, limits)
    if head.startswith(ZIP_MAGICS):
        return _inspect_zip(path, size, limits)
    _refuse_known_kind(name, head)
    return _inspect_text(path, size, head, limits)


def _refuse_special(path: Path, mode: int) -> None:
    """A chosen path that is no regular file (a FIFO, a device, a socket) is named for what it is,
    before anything opens it."""
    name = path.name
    if stat.S_ISFIFO(mode):
        raise WorkbookRefused("file_is_fifo", name)
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise WorkbookRefused("file_is_device", name, device=os.path.realpath(path))
    if stat.S_ISSOCK(mode):
        raise WorkbookRefused("file_is_socket", name)
    raise WorkbookRefused("file_is_special", name)


# The first bytes of what users send by mistake for a spreadsheet (none of them text a CSV starts with).
_IMAGE_MAGICS = ((b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF87a", "GIF"), (b"GIF89a", "GIF"),
                 (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"))  # fmt: skip
_ARCHIVE_MAGICS = ((b"Rar!\x1a\x07", "RAR"), (b"7z\xbc\xaf\x27\x1c", "7z"), (b"\x1f\x8b", "gzip"),
                   (b"\xfd7zXZ\x00", "xz"))  # fmt: skip


def _refuse_known_kind(name: str, head: bytes) -> None:
    if head.startswith(b"%PDF-"):
        raise WorkbookRefused("pdf_not_workbook", name)
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        raise WorkbookRefused("image_not_workbook", name, format="WebP")
    for magic, fmt in _IMAGE_MAGICS:
        if head.startswith(magic):
            raise WorkbookRefused("image_not_workbook", name, format=fmt)
    for magic, fmt in _ARCHIVE_MAGICS:
        if head.startswith(magic):
            raise WorkbookRefused("archive_not_workbook", name, format=fmt)
    version = _OLD_EXCEL.get(head[:2])
    if version and int.from_bytes(head[2:4], "little") in (4, 6) and int.from_bytes(head[6:8], "little") in _SHEETS:
        raise WorkbookRefused("old_excel", name, version=version)  # a BOF record of Excel 2.x–4.0, no OLE2 around it


# The control bytes text never holds (tab, line feed and carriage return are text's own)
_CONTROL_RE = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")

# Excel 2.x, 3.0 and 4.0 files (BIFF2–4) start with their BOF record: id, length 4 or 6, version, document type
_OLD_EXCEL = {b"\x09\x00": "2.x", b"\x09\x02": "3.0", b"\x09\x04": "4.0"}
_SHEETS = (0x0010, 0x0020, 0x0040, 0x0100)  # worksheet, chart, macro sheet, workbook (4.0)


# -- OLE2: legacy .xls, encrypted OOXML -----------------------------------------------------------
_DAMAGE = (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError, zlib.error)


def _inspect_ole2(path: Path, size: int, limits: Limits) -> FileInfo:
    """Header, sector counts and chains checked before any parser runs; then what the directory
    holds says what the file is: encrypted OOXML keeps 'EncryptionInfo', a workbook 'Workbook'
    (BIFF8) or 'Book' (BIFF5), and an encrypted .xls a FILEPASS record in its Workbook stream."""
    from zqtracker.io.biff import is_encrypted
    from zqtracker.io.ole2 import CompoundFile, Ole2Error
    from zqtracker.io.ole2_workbook import workbook_entry

    name = path.name
    if size > limits.max_uncompressed:
        raise WorkbookRefused("file_too_large", name, size=_mib(size), limit=_mib(limits.max_uncompressed))
    try:
        with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
            cf = CompoundFile(data)
            if cf.find("EncryptionInfo", "EncryptedPackage") is not None:
                raise WorkbookRefused("encrypted", name)
            book = workbook_entry(cf)
            if book is None:
                if cf.find("WordDocument") is not None:
                    raise WorkbookRefused("word_not_workbook", name)
                if cf.find("PowerPoint Document") is not None:
                    raise WorkbookRefused("office_not_workbook", name)
                raise WorkbookRefused("ole2_not_workbook", name)
            stream = cf.read(book)
    except Ole2Error as exc:
        raise WorkbookRefused(exc.code, name, **exc.params) from None
    except (OSError, ValueError) as exc:
        raise WorkbookRefused("unreadable", name, reason=getattr(exc, "strerror", None) or str(exc)) from None
    if is_encrypted(stream):
        raise WorkbookRefused("encrypted", name)
    return FileInfo(path, "xls", max(size, len(stream)))


# -- zip containers: xlsx/xlsm, xlsb, ods, docx ... ------------------------------------------------
def _inspect_zip(path: Path, size: int, limits: Limits) -> FileInfo:
    name = path.name
    try:
        zf = zipfile.ZipFile(path)
    except _DAMAGE:
        raise WorkbookRefused("damaged", name) from None
    with zf:
        try:
            infos = zf.infolist()
        except _DAMAGE:
            raise WorkbookRefused("damaged", name) from None
        if len(infos) > limits.max_entries:
            raise WorkbookRefused("too_many_entries", name, count=len(infos), limit=limits.max_entries)
        total = 0
        for info in infos:
            total += info.file_size
            if info.file_size > limits.grace_size and info.compress_size / info.file_size < limits.min_inflate_ratio:
                raise WorkbookRefused("zip_bomb", name, entry=info.filename)
        if total > limits.max_uncompressed:
            raise WorkbookRefused("file_too_large", name, size=_mib(total), limit=_mib(limits.max_uncompressed))
        names: dict[str, zipfile.ZipInfo] = {}
        duplicate: str | None = None
        for info in infos:  # every copy is checked, whichever a parser would take
            key = info.filename.replace("\\", "/").lstrip("/").lower()
            if key in names and duplicate is None:
                duplicate = info.filename
            names.setdefault(key, info)
            if key in ("xl/styles.xml", "xl/styles.bin", "styles.xml") and info.file_size > limits.max_styles:
                sizes = {"size": _mib(info.file_size), "limit": _mib(limits.max_styles)}
                raise WorkbookRefused("styles_too_large", name, entry=info.filename, **sizes)
            if checked_by_name(key) and info.file_size:
                _check_xml_prolog(zf, info, name, limits)
        for info in other_xml_parts(zf, infos):  # a sheet named sheet1.dat is XML all the same
            _check_xml_prolog(zf, info, name, limits)
        if duplicate is not None:
            raise WorkbookRefused("zip_duplicate", name, entry=duplicate)
        kind = _package_kind(name, names, zf)
    return FileInfo(path, kind, total)


def _package_kind(name: str, names: dict[str, zipfile.ZipInfo], zf: zipfile.ZipFile) -> str:
    if "xl/workbook.xml" in names:
        from zqtracker.io.xlsx_rels import workbook_twice

        twice = workbook_twice(zf, names)
        if twice is not None:
            raise WorkbookRefused(twice[0], name, **twice[1])
        return "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if "mimetype" in names:
        try:
            mimetype = zf.read(names["mimetype"])[:200]
        except _DAMAGE as exc:
            code, params = _zip_damage(exc, "mimetype")
            raise WorkbookRefused(code, name, **params) from None
        if b"opendocument.spreadsheet" in mimetype:
            if "content.xml" not in names:
                raise WorkbookRefused("damaged", name)
            if _ods_encrypted(zf, names):
                raise WorkbookRefused("encrypted", name)
            return "ods"
    if "word/document.xml" in names:
        raise WorkbookRefused("word_not_workbook", name)
    if "ppt/presentation.xml" in names:
        raise WorkbookRefused("office_not_workbook", name)
    if "[content_types].xml" in names:
        raise WorkbookRefused("damaged", name)  # an Office package without a workbook part
    raise WorkbookRefused("zip_not_workbook", name)


def _ods_encrypted(zf: zipfile.ZipFile, names: dict[str, zipfile.ZipInfo]) -> bool:
    """A password-protected OpenDocument file lists how each part is encrypted in its manifest."""
    manifest = names.get("meta-inf/manifest.xml")
    if manifest is None or manifest.file_size > (4 << 20):
        return False
    try:
        return b"encryption-data" in zf.read(manifest)
    except _DAMAGE:
        return False


_ROOT_RE = re.compile(rb"<\s*([A-Za-z_][\w.:-]*)")


def _check_xml_prolog(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limits: Limits) -> None:
    """A DOCTYPE can only come before the root element, so the prolog is all we need to read."""
    try:
        with zf.open(info) as fh:
            data = fh.read(limits.max_prolog)
    except _DAMAGE as exc:
        code, params = _zip_damage(exc, info.filename)
        raise WorkbookRefused(code, name, **params) from None
    from zqtracker.io.xml_encoding import unread_encoding

    encoding = unread_encoding(data)  # one our readers do not read as python-calamine does
    if encoding is not None:
        raise WorkbookRefused("xml_encoding", name, entry=info.filename, encoding=encoding)
    if _unsafe_prolog(data, limits.max_prolog):
        raise WorkbookRefused("unsafe_xml", name, entry=info.filename)


def _unsafe_prolog(data: bytes, limit: int) -> bool:
    """Whether an XML file's first ``limit`` bytes may declare entities: a DOCTYPE or an ENTITY before
    the root element (only there can one come), or a prolog the window does not see the end of."""
    text = _as_ascii_view(data)
    cut = len(data) >= limit  # the file goes on past what was read
    pos = 0
    while (lt := text.find(b"<", pos)) >= 0:
        if text.startswith(b"<?", lt):
            end = text.find(b"?>", lt)
        elif text.startswith(b"<!--", lt):
            end = text.find(b"-->", lt)
        else:  # a DOCTYPE or ENTITY (or a "<" on the window's edge); else the root element, after
            return text.startswith(b"<!", lt) or (cut and lt + 2 > len(text))  # which none may come
        if end < 0:
            return cut
        pos = end + 2
    return cut  # no element at all: the parser will call it damaged


def _zip_damage(exc: BaseException, entry: str) -> tuple[str, dict[str, str]]:
    """Corrupt compressed data (a damaged deflate stream, a wrong CRC) has a sentence of its own."""
    if isinstance(exc, zlib.error) or "CRC" in str(exc) or "decompress" in str(exc).lower():
        return "damaged_entry", {"detail": entry}
    return "damaged", {}


def _as_ascii_view(data: bytes) -> bytes:
    """XML in UTF-16 (allowed by the standard) reduced to its ASCII bytes for the prolog check."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(data) > 3 and (data[1] == 0 or data[0] == 0)):
        return data.replace(b"\x00", b"")
    return data


# -- text: CSV, a web page or an Excel 2003 XML file saved under a workbook's name ----------------
# A web system's "导出Excel" often writes an HTML table (or Excel 2003 XML) and names it .xls; Excel
# and WPS open either after a warning, so a district sends it on as its report. Both are read.
_HTML_RE = re.compile(
    rb"^\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.*?-->\s*){0,8}"
    rb"(?:<!doctype\s+html|<html|<table|<head|<meta|<body|<style|<title)",
    re.IGNORECASE | re.DOTALL,
)
# A page that opens with a heading or a block (<h3>标题</h3><table>…) is a web page when a table follows.
_BLOCK_START_RE = re.compile(rb"^\s*<(?:h[1-6]|div|p|span|font|b|center|form|br|hr|!--)[\s>/]", re.IGNORECASE)
_MHTML_RE = re.compile(rb"^\s*[\w-]+:[ \t]")  # a mail header first: From:, MIME-Version:, Content-Type: …
SPREADSHEETML_NS = b"urn:schemas-microsoft-com:office:spreadsheet"
_WORKBOOK_RE = re.compile(rb"^\s*(?:<\?[^>]{0,300}\?>\s*|<!--.*?-->\s*){0,8}<(?:[\w.-]+:)?Workbook[\s>/]", re.DOTALL)


def _starts_as_text(sample: bytes) -> bool:
    """A UTF-8 byte-order mark, or a first 256 bytes of UTF-8 text without control characters: no
    binary format starts so, whatever follows."""
    if sample.startswith(b"\xef\xbb\xbf"):
        return True
    head = sample[:256]
    if len(head) < 256 or _CONTROL_RE.search(head):
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)  # (the last character may be cut)
    except UnicodeDecodeError:
        return False
    return True


def _inspect_text(path: Path, size: int, head: bytes, limits: Limits) -> FileInfo:
    name = path.name
    with path.open("rb") as fh:
        sample = fh.read(64 * 1024)
    body = sample.lstrip(b"\xef\xbb\xbf")
    ascii_view = _as_ascii_view(body[:4096]).lstrip(b"\xff\xfe")
    lowered = _as_ascii_view(sample).lower()
    if _MHTML_RE.match(ascii_view) and b"multipart/related" in lowered and b"mime-version:" in lowered:
        raise WorkbookRefused("mhtml", name)
    xml = ascii_view.lstrip().startswith(b"<?xml") or _WORKBOOK_RE.match(ascii_view)  # (some leave <?xml?> out)
    if xml and SPREADSHEETML_NS in _as_ascii_view(body):
        _check_text_prolog(body, name, limits)
        _check_text_size(size, name, limits)
        return FileInfo(path, "xml2003", size)
    if _HTML_RE.match(ascii_view) or (_BLOCK_START_RE.match(ascii_view) and b"<table" in sample.lower()):
        _check_text_size(size, name, limits)
        return FileInfo(path, "html", size)
    if body.lstrip().startswith(b"<"):
        raise WorkbookRefused("not_workbook", name)
    from zqtracker.io.bom_mismatch import gbk_behind_utf8_mark
    from zqtracker.io.csvread import guess_encoding

    encoding = guess_encoding(sample)
    if encoding in (None, "gb18030") and gbk_behind_utf8_mark(sample):  # (io/bom_mismatch.py; GB18030 reads
        raise WorkbookRefused("text_bom_gb18030", name)  # the mark as a character when ASCII follows it)
    if encoding is None or (b"\x00" in sample and not encoding.startswith("utf-16")):
        if len(_CONTROL_RE.sub(b"", sample)) * 100 >= 99 * len(sample):  # text, but for a few bytes: say why
            raise WorkbookRefused("text_nul" if b"\x00" in sample else "text_encoding", name)
        if _starts_as_text(sample):  # UTF-8 text, then a part in another encoding (a UTF-16 line pasted in)
            raise WorkbookRefused("text_encoding", name)
        raise WorkbookRefused("not_workbook", name)
    _check_text_size(size, name, limits)
    suffix = path.suffix.lower()
    return FileInfo(path, "csv", size, renamed_csv=suffix not in (".csv", ".txt", ".tsv"))


def _check_text_size(size: int, name: str, limits: Limits) -> None:
    if size > limits.max_csv_bytes:
        raise WorkbookRefused("text_too_large", name, size=_mib(size), limit=_mib(limits.max_csv_bytes))


def _check_text_prolog(body: bytes, name: str, limits: Limits) -> None:
    """An XML file's prolog, as an .xlsx part's: no DOCTYPE, no entities (any encoding: io/xml_source)."""
    if _unsafe_prolog(body[: limits.max_prolog], limits.max_prolog):
        raise WorkbookRefused("unsafe_xml", name, entry=name)


def _mib(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"
