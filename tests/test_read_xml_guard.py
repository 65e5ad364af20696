"""The DOCTYPE check reads every part a parser may read as XML, whatever it is named (probe36b x07,
x08): a sheet part named sheet1.dat (workbook.xml.rels says where it is) declaring entities is
refused as unsafe XML — not imported, nor refused as "damaged" when the entity is used — while
pictures (an SVG with a DOCTYPE among them) and binary parts are passed over by their first bytes.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from import_files import district_projects
from round_returns import H_PROGRESS, Sheet
from test_read_hostile import DATA, assert_refused, run

from zqtracker.domain.rounds import Period
from zqtracker.io.errors import WorkbookRefused
from zqtracker.services.context import AppContext
from zqtracker.services.round_collect import RoundCollector
from zqtracker.services.rounds import RoundService

SHEET = "xl/worksheets/sheet1.xml"
UNSAFE = ("unsafe_xml", "contains unsafe XML", "含有不安全的 XML")
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_SVG = (b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/'
        b'DTD/svg11.dtd" [<!ENTITY ns "http://ns.adobe.com/">]><svg xmlns="http://www.w3.org/2000/svg"/>')  # fmt: skip
_PICTURES = {  # parts a real workbook holds beside its sheets, none of them read as XML by any parser
    "xl/media/image1.svg": _SVG,  # as Illustrator writes it: a DOCTYPE, an entity
    "xl/media/image2.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    "xl/printerSettings/printerSettings1.bin": "HP LaserJet".encode("utf-16-le").ljust(64, b"\0") + b"\x01\x04<!x",
    "xl/drawings/_rels/drawing1.xml.rels": (
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}image" Target="../media/image1.svg"/>'
        f'<Relationship Id="rId2" Type="{REL}image" Target="../media/image2.png"/>'
        f'<Relationship Id="rId3" Type="{REL}printerSettings" Target="../printerSettings/printerSettings1.bin"/>'
        f"</Relationships>"
    ).encode(),
}


def _doctype(declaration: bytes) -> Callable[[bytes], bytes]:
    return lambda xml: b"<?xml version='1.0'?>" + declaration + xml


def renamed(src: Path, path: Path, part: str, new: str, change: Callable[[bytes], bytes] = lambda b: b) -> Path:
    """``src`` with its part ``part`` renamed ``new`` (relationships and content types following),
    its bytes passed through ``change``, and the pictures and printer settings of _PICTURES added."""
    old_tail, new_tail = part.split("/", 1)[1].encode(), new.split("/", 1)[1].encode()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == part:
                out.writestr(new, change(data))
                continue
            if info.filename.endswith((".rels", "[Content_Types].xml")):
                data = data.replace(old_tail, new_tail)
            out.writestr(info.filename, data)
        for name, data in _PICTURES.items():
            out.writestr(name, data)
    return path


LAUGHS = b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'


@pytest.mark.parametrize(
    "declaration",
    [b'<!DOCTYPE w [<!ENTITY unused "x">]>', LAUGHS, b'<!DOCTYPE w [<!ENTITY e SYSTEM "file:///etc/passwd">]>'],
    ids=["unused", "laughs", "system"],
)
def test_a_sheet_part_named_dat_declaring_entities_is_refused(
    db_path: Path, tmp_path: Path, declaration: bytes
) -> None:
    good = district_projects(tmp_path / "good.xlsx")
    plain = renamed(good, tmp_path / "plain.xlsx", SHEET, "xl/worksheets/sheet1.dat")
    status, out, err = run("--db", str(db_path), "import", str(plain), "--dry-run")
    assert status == 0 and "3 added" in out, (out, err)  # the name alone, the pictures and settings: read
    path = renamed(good, tmp_path / "dtd.xlsx", SHEET, "xl/worksheets/sheet1.dat", _doctype(declaration))
    assert_refused(db_path, path, *UNSAFE)
    assert "xl/worksheets/sheet1.dat" in run("--db", str(db_path), "import", str(path))[2]


def test_an_entity_used_in_a_renamed_part_is_said_unsafe_not_damaged(db_path: Path, tmp_path: Path) -> None:
    """The district written as &gy; once said "damaged … refers to something the file does not hold"."""

    def change(xml: bytes) -> bytes:
        assert "高要区".encode() in xml
        return _doctype('<!DOCTYPE w [<!ENTITY gy "高要区">]>'.encode())(xml.replace("高要区".encode(), b"&gy;"))

    good = district_projects(tmp_path / "good.xlsx")
    path = renamed(good, tmp_path / "entity.xlsx", SHEET, "xl/worksheets/data.txt", change)
    assert_refused(db_path, path, *UNSAFE)


@pytest.mark.parametrize(
    "change",
    [
        lambda xml: ("<?xml version='1.0' encoding='UTF-16'?>" + LAUGHS.decode() + xml.decode()).encode("utf-16"),
        lambda xml: b"\n\n  \t" + LAUGHS + xml,  # blanks before it
        lambda xml: b"junk text before it " + LAUGHS + xml,  # no "<" first: named by workbook.xml.rels
    ],
    ids=["utf16", "blanks", "text-first"],
)
def test_a_renamed_part_in_utf16_or_not_starting_with_a_tag_is_checked(
    db_path: Path, tmp_path: Path, change: Callable[[bytes], bytes]
) -> None:
    good = district_projects(tmp_path / "good.xlsx")
    path = renamed(good, tmp_path / "odd.xlsx", SHEET, "xl/worksheets/sheet1.bin", change)
    assert_refused(db_path, path, *UNSAFE)


def test_an_ods_part_its_manifest_names_is_checked_whatever_its_name(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "named.ods"
    with zipfile.ZipFile(DATA / "calc_district.ods") as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "META-INF/manifest.xml":
                entry = b'<manifest:file-entry manifest:full-path="extra.dat" manifest:media-type="text/xml"/>'
                data = data.replace(b"</manifest:manifest>", entry + b"</manifest:manifest>")
            dst.writestr(info, data)
        dst.writestr("extra.dat", b"<!-- settings -->" + LAUGHS + b"<w>&b;</w>")
    assert_refused(db_path, path, *UNSAFE)


def test_a_round_return_with_its_sheet_renamed_and_a_dtd_is_not_collected(demo_ctx: AppContext, tmp_path: Path) -> None:
    made = RoundService(demo_ctx.database).create(
        Period(2023, 10), tmp_path / "out", districts=["高要区"], lang="zh", due_on=date(2023, 11, 10)
    )
    book = made.books[0].path
    sheet = Sheet.open(book)
    sheet.set(sheet.ids()[0], H_PROGRESS, "主体封顶")
    sheet.save()
    with zipfile.ZipFile(book) as zf:
        part = next(n for n in zf.namelist() if n.startswith("xl/worksheets/") and "主体封顶".encode() in zf.read(n))
    path = renamed(book, tmp_path / book.name, part, part.replace(".xml", ".dat"), _doctype(LAUGHS))
    with pytest.raises(WorkbookRefused) as caught:
        RoundCollector(demo_ctx.database).read(path)
    assert caught.value.code == "unsafe_xml" and caught.value.problem.params["entry"] == part.replace(".xml", ".dat")
