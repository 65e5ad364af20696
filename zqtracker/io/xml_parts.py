"""Which parts of a zip package (.xlsx, .ods) a parser may read as XML, whatever they are named.

The DOCTYPE check (io/sniff.py) looks at every part named .xml, .rels or .vml. Parsers do not go by
names: python-calamine reads a worksheet or the shared strings wherever xl/_rels/workbook.xml.rels
points, so a sheet named sheet1.dat declaring entities (a billion laughs, SYSTEM "file:///…") was
read unchecked (probe36b x07, x08). The check now also covers every other part that
- starts as XML does: "<" after a byte-order mark and blanks, in UTF-8 or UTF-16 (UTF-32 and EBCDIC
  starts too: io/xml_encoding refuses those), or
- is text named by a relationship, a [Content_Types].xml override or META-INF/manifest.xml.
Passed over: binary parts, told by their first bytes (images, vbaProject.bin, printer settings hold
control bytes there), and a part only image relationships name (an SVG picture, which may carry a
DOCTYPE and which no reader parses). Only HEAD bytes of such a part are read here; the check itself
then reads the prolog, as for a part named .xml.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from urllib.parse import unquote

HEAD = 512  # bytes of a part read to tell XML (or text) from binary
_MAX_LIST = 16 << 20  # bytes: a relationships part, content types or manifest larger than this names anything
_DAMAGE = (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError, zlib.error)
_CONTROL_RE = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_NAMED_BY_NAME = (".xml", ".rels", ".vml")


def checked_by_name(key: str) -> bool:
    """Parts the DOCTYPE check reads for their name alone (``key``: the lower-case name)."""
    return key.endswith(_NAMED_BY_NAME)


def _key(filename: str) -> str:
    return filename.replace("\\", "/").lstrip("/").lower()


def other_xml_parts(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> Iterator[zipfile.ZipInfo]:
    """The parts not named .xml/.rels/.vml that the DOCTYPE check must read too (every copy of a
    duplicated name); a part that cannot be read is given too, for the check to refuse it as damaged.
    Call only once the parts named .xml/.rels have passed the check (they are parsed here)."""
    named, images = _declared(zf, infos)
    for info in infos:
        key = _key(info.filename)
        if checked_by_name(key) or not info.file_size or (key in images and named is not None and key not in named):
            continue
        try:
            with zf.open(info) as fh:
                head = fh.read(HEAD)
        except _DAMAGE:
            yield info
            continue
        if _starts_as_xml(head) or ((named is None or key in named) and not _CONTROL_RE.search(_text_view(head))):
            yield info


def _text_view(head: bytes) -> bytes:
    """The first bytes with a UTF-8 byte-order mark dropped, and UTF-16's (or UTF-32's) zero bytes."""
    if head.startswith(b"\xef\xbb\xbf"):
        return head[3:]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return head[2:].replace(b"\x00", b"")
    if len(head) > 1 and (head[0] == 0 or head[1] == 0):
        return head.replace(b"\x00", b"")
    return head


def _starts_as_xml(head: bytes) -> bool:
    from zqtracker.io.xml_encoding import unread_encoding

    if unread_encoding(head) is not None:  # UTF-32, EBCDIC, or a declared encoding: the check refuses it
        return True
    return _text_view(head).lstrip(b" \t\r\n")[:1] in (b"<", b"")  # (blanks only so far: the check reads on)


def _declared(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> tuple[set[str] | None, set[str]]:
    """(parts named by a relationship, an override or the manifest — None when a list could not be
    read: then any part may be one; parts named as images), as lower-case names."""
    named: set[str] = set()
    images: set[str] = set()
    for info in infos:
        key = _key(info.filename)
        if key.endswith(".rels"):
            base = posixpath.dirname(posixpath.dirname(key)) if "/_rels/" in f"/{key}" else posixpath.dirname(key)
            entries = _entries(zf, info, "Relationship")
            pairs = [(_target(base, e.get("Target", "")), e.get("Type", "").endswith("/image")) for e in entries or ()
                     if e.get("TargetMode", "").lower() != "external"]  # fmt: skip
        elif key == "[content_types].xml":
            entries = _entries(zf, info, "Override")
            pairs = [(_target("", e.get("PartName", "")), e.get("ContentType", "").startswith("image/"))
                     for e in entries or ()]  # fmt: skip
        elif key == "meta-inf/manifest.xml":
            entries = _entries(zf, info, "file-entry")
            pairs = [(_target("", _attr(e, "full-path")), _attr(e, "media-type").startswith("image/"))
                     for e in entries or ()]  # fmt: skip
        else:
            continue
        if entries is None:
            return None, images
        for target, image in pairs:  # (as written, and %-decoded as the URI it is)
            (images if image else named).update(target)
    return named, images


def _entries(zf: zipfile.ZipFile, info: zipfile.ZipInfo, tag: str) -> list[dict[str, str]] | None:
    """The attributes of each ``tag`` element of a list part, or None when it cannot be read."""
    from defusedxml import ElementTree

    if info.file_size > _MAX_LIST:
        return None
    try:
        root = ElementTree.fromstring(zf.read(info))
    except Exception:  # noqa: BLE001 - damaged or unsafe: then every text part counts as named
        return None
    return [dict(el.attrib) for el in root.iter() if isinstance(el.tag, str) and el.tag.rsplit("}", 1)[-1] == tag]


def _attr(attributes: dict[str, str], local: str) -> str:
    return next((v for k, v in attributes.items() if k.rsplit("}", 1)[-1] == local), "")


def _target(base: str, target: str) -> set[str]:
    """A relationship's target (a URI, relative to the source's folder unless it starts with "/")
    as lower-case part names: as written, and %-decoded."""
    found = set()
    for path in {target, unquote(target.split("#", 1)[0])}:
        path = path.replace("\\", "/")
        joined = path.lstrip("/") if path.startswith("/") else posixpath.join(base, path)
        found.add(posixpath.normpath(joined).lstrip("/").lower() if joined else "")
    return found
