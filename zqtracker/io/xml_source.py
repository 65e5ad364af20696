"""An XML file's bytes as expat can read them (io/spreadsheetml.py).

expat reads UTF-8, UTF-16 and Latin-1 alone; Chinese exporters declare GB2312, GBK or x-gbk (read
here as GB18030, their superset: files declared GB2312 often hold GBK) and hand-written templates
declare what their bytes are not — GB2312 over UTF-8, a leftover ISO-8859-1 over Chinese text. The
declared encoding is used when it decodes the whole file (a single-byte one only when nothing else
does, since it decodes anything); otherwise UTF-8 or GB18030, whichever does, as for a CSV. What is
not UTF-8 or UTF-16 is decoded here and handed to the parser as UTF-8 with a declaration saying so.
"""

from __future__ import annotations

import codecs
import re
from typing import IO, Any

from zqtracker.io.csvread import decodes, whole_file_encoding

DECLARATION_RE = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*[\"']([\w.:-]{1,40})[\"']", re.I)
_ENCODING_RE = re.compile(r"(<\?xml[^>]*?encoding\s*=\s*)([\"'])[\w.:-]*\2")
_GB = frozenset(("gb2312", "gbk", "x-gbk", "cp936", "gb_2312-80", "gb18030", "euc-cn"))
_EXPAT = frozenset(("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "iso8859-1", "ascii"))
_WESTERN = frozenset(("latin-1", "iso8859-1", "cp1252", "ascii", "iso8859-15"))
_UTF16 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def open_xml(path: str) -> Any:
    """A binary file object for the parser (use it as a context manager)."""
    with open(path, "rb") as fh:
        head = fh.read(1024)
    if head.startswith(_UTF16) or head.startswith(codecs.BOM_UTF8):
        return open(path, "rb")
    m = DECLARATION_RE.match(head)
    name = m[1].decode("ascii") if m else "utf-8"
    declared, chosen = declared_encoding(name), file_encoding(path, name)
    if chosen is None:
        return _raw(path, head)  # the parser's refusal, in its words
    if chosen in _EXPAT and (chosen == declared if m is not None else chosen.startswith("utf-8")):
        return _raw(path, head)  # as declared, and expat reads it
    return _Recoded(path, chosen)  # the declaration rewritten to say UTF-8


def file_encoding(path: str, declared: str | None) -> str | None:
    """The codec to read a text file with: the encoding it declares when that decodes the whole file
    (a single-byte one only when nothing else does: it decodes anything), else UTF-8 or GB18030,
    whichever does (as a CSV's); None when nothing does."""
    codec = declared_encoding(declared) if declared else None
    if codec is not None and codec not in _WESTERN and decodes(path, codec):
        return codec
    return whole_file_encoding(path) or codec


def _raw(path: str, head: bytes) -> IO[bytes]:
    """The file from its first non-blank byte: blank lines before <?xml (a template's) are no error."""
    fh = open(path, "rb")  # noqa: SIM115 - the caller's with closes it
    fh.seek(len(head) - len(head.lstrip()))
    return fh


# What browsers and Excel decode a page or an XML file as; any other name Python knows is no text encoding
# of a web page ("utf-7" would turn +AD0- into "=", "zlib_codec" would inflate the file).
_WEB = frozenset(("utf-8", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "big5", "big5hkscs", "cp950", "shift_jis",
                  "cp932", "euc_jp", "iso2022_jp", "euc_kr", "cp949", "koi8-r", "koi8-u", "ascii", "latin-1", "cp874",
                  "mac-roman"))  # fmt: skip


def declared_encoding(name: str) -> str | None:
    """The codec for an encoding a file declares, if it is one a web page may be in (GB2312, GBK and
    their aliases: GB18030, their superset); else None (then what decodes the file is used)."""
    name = name.strip().lower()
    if name in _GB:
        return "gb18030"
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    if codec in _WEB or codec.startswith(("iso8859", "cp125")):
        return codec
    return None


class _Recoded:
    """The file decoded from ``encoding`` and handed on as UTF-8, its declaration saying so."""

    def __init__(self, path: str, encoding: str) -> None:
        self.file: IO[bytes] = open(path, "rb")  # noqa: SIM115 - closed by __exit__
        self.decoder = codecs.getincrementaldecoder(encoding)()
        self.first, self.done = True, False

    def read(self, size: int = -1) -> bytes:
        text = ""
        while not text and not self.done:  # b"" would say the file ended
            data = self.file.read(size if size > 0 else 1 << 16)
            self.done = not data
            text = self.decoder.decode(data, final=self.done)
        if self.first and text:
            self.first = False
            text = _ENCODING_RE.sub(r"\1\2UTF-8\2", text.lstrip(), count=1)
        return text.encode("utf-8")

    def __enter__(self) -> _Recoded:
        return self

    def __exit__(self, *exc: object) -> None:
        self.file.close()
