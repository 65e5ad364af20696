"""A text file whose byte-order mark lies: the mark says UTF-8, the text after it is GB18030 (GBK).

Some export tools write the UTF-8 mark (EF BB BF) and then the text in the system's code page; Excel
trusts the mark and shows the Chinese garbled, and neither UTF-8 nor GB18030 reads the whole file
(GB18030 takes the mark's bytes for characters and loses step). Such a file was refused as "UTF-8,
GB18030 and UTF-16 each fail on part of it" (probe36b x18e), which sent the user looking for text
pasted from two files. It is still refused (a re-save settles which encoding is meant), with the
mark named as the cause. Text in UTF-8 for a while before its GBK part is the pasted-together case.
"""

from __future__ import annotations

import codecs


def gbk_behind_utf8_mark(sample: bytes) -> bool:
    """Whether ``sample`` (a file's first bytes) starts with the UTF-8 mark and then reads as
    GB18030 but not as UTF-8 from its first non-ASCII character on."""
    if not sample.startswith(codecs.BOM_UTF8):
        return False
    body = sample[3:]
    try:
        codecs.getincrementaldecoder("utf-8")().decode(body, final=False)
        return False
    except UnicodeDecodeError as exc:
        if not body[: exc.start].isascii():
            return False  # UTF-8 first, then something else: not the mark's fault
    try:
        codecs.getincrementaldecoder("gb18030")().decode(body, final=False)
    except UnicodeDecodeError:
        return False
    return True
