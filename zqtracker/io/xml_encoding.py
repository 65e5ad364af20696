"""The encoding an XML part of a workbook is written in, told as the XML standard tells it: the byte
order mark first, else the first bytes, else the XML declaration's encoding="…" (UTF-8 when none).

Every spreadsheet program writes UTF-8 (a few UTF-16). Our own readers (expat: styles.xml for struck
rows, the workbook's parts) read only those two, while python-calamine reads the bytes as UTF-8
whatever the declaration says: a part declared in another encoding (UTF-7, GBK, ISO-8859-1 …) would
be read by one and not the other, and the facts ours give — rows struck through, a DOCTYPE seen by
the prolog check (io/sniff.py: ``+ADw-!DOCTYPE`` is a DOCTYPE in UTF-7) — silently lost. Such a part
is refused, before any parser sees the file (probe29b x07).
"""

from __future__ import annotations

import re

_READ = {"utf-8", "utf-16", "utf-16le", "utf-16be"}  # what expat reads, named as the standard names them
_DECLARED_RE = re.compile(rb"\s*<\?xml\s[^>]*?\bencoding\s*=\s*[\"']([^\"'>]{0,40})[\"']")
# First bytes of an XML part in an encoding expat does not read (the standard's appendix F)
_UNREAD_STARTS = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\x00<", "UTF-32"),
    (b"<\x00\x00\x00", "UTF-32"),
    (b"\x4c\x6f\xa7\x94", "EBCDIC"),
)


def unread_encoding(data: bytes) -> str | None:
    """The encoding of an XML part (its first bytes, ``data``) when it is not UTF-8 or UTF-16: its
    name as declared (or "UTF-32", "EBCDIC"); None for UTF-8 and UTF-16."""
    for start, name in _UNREAD_STARTS:
        if data.startswith(start):
            return name
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:2] in (b"<\x00", b"\x00<"):
        return None  # UTF-16, with its mark or without: the declaration cannot say otherwise
    m = _DECLARED_RE.match(data[3:] if data.startswith(b"\xef\xbb\xbf") else data)
    if m is None:
        return None  # no declaration, or none we can read: UTF-8
    declared = m.group(1).decode("ascii", "replace").strip()
    return None if declared.lower() in _READ else declared or "?"
