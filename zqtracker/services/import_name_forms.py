"""A stored project's name retyped: the same name, kept as stored, when only its spaces or the width of its
round brackets differ.

A district's list retyped "新能源电池隔膜生产线项目" as "新能源电池 隔膜生产线项目" (a space, a full-width
space, one after the name) or "（一期）" as "(一期)": each import renamed the stored project, and the next
month's list renamed it back — an update and an audit row every time. Such a name is the stored one, as
a name retyped in traditional characters is (端州宏達… for 端州宏达…). Anything else is a rename: a
character, a phase, a bracket of another shape (【】), a space between two Latin words or digits
("Phase 1" is not "Phase1").
"""

from __future__ import annotations

import re

from zqtracker.domain.hanzi import simplified

_SPACES_RE = re.compile(r"\s+")  # (\s is Unicode: the full-width space U+3000 and NBSP too)
_LOOSE_SPACE_RE = re.compile(r"(?<![0-9A-Za-z]) | (?![0-9A-Za-z])")  # not between two Latin letters or digits
_WIDTH = str.maketrans("（）", "()")


def same_name(written: object, stored: object) -> bool:
    """Whether a row's name is the stored project's but for its script, spaces and bracket widths."""
    if not isinstance(written, str) or not isinstance(stored, str):
        return False
    return _folded(simplified(written)) == _folded(stored)


def _folded(name: str) -> str:
    text = _SPACES_RE.sub(" ", name.translate(_WIDTH)).strip()
    return _LOOSE_SPACE_RE.sub("", text) if " " in text else text
