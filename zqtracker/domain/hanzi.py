"""Traditional Chinese read as simplified (OpenCC's t2s: the tables input methods and Wikipedia use).

Zhaoqing's neighbours are Hong Kong and Macau: an investor's papers, and the rows a district copies
from them, come in traditional characters. 端州區 is 端州区, 項目名稱 is 项目名称, 已投產 is 已投产, and a
project re-typed as 端州宏達新材料項目 is the stored 端州宏达新材料项目 — not a second project. A sheet
written in them is read as simplified by the reading process (io/traditional.py); in any other text,
the words the import recognises (headers, units, stages, totals) and the keys it matches names,
districts, sectors and enterprises by are folded to simplified characters, while a name a mainland list
re-types in traditional characters is stored as written.

Text without a traditional character (nearly every cell of a mainland file) is returned as it is
after one regular-expression scan; the character class is OpenCC's own t2s table, read once. Text
is converted only when it holds a character that is traditional and nothing else: 乾坤 and 著名 are
simplified text and stay so.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import opencc


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC | None:
    """OpenCC's t2s, loaded with its tables in a few milliseconds on the first text not in ASCII; None
    where it cannot load (a bundle without its tables): text is then compared as written, and logged."""
    try:
        import opencc

        return opencc.OpenCC("t2s")
    except Exception:  # any failure of this help must not stop an import
        logging.getLogger(__name__).exception("OpenCC could not load: traditional characters are read as written")
        return None


@lru_cache(maxsize=1)
def _traditional_re() -> re.Pattern[str]:
    """One character class of the characters that are traditional and nothing else: t2s changes them
    on their own and GB 2312 lacks them (4,205; 乾, 著, 於, 後 are simplified text's characters too)."""
    converter = _converter()
    if converter is None:
        return re.compile(r"(?!)")  # matches nothing
    chars = [chr(c) for c in (*range(0x3400, 0xA000), *range(0xF900, 0xFB00))]
    converted = converter.convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # never seen: a table that joins characters across lines
        converted = [converter.convert(ch) for ch in chars]
    changed = "".join(ch for ch, to in zip(chars, converted, strict=True) if ch != to and _outside_gb2312(ch))
    return re.compile(f"[{re.escape(changed)}]")


def has_traditional(text: str) -> bool:
    return _outside_gb2312(text) and _traditional_re().search(text) is not None


def _outside_gb2312(text: str) -> bool:
    """Whether ``text`` holds a character GB 2312 lacks — the first test, and the one a mainland file's
    text stops at: OpenCC is then not even loaded (its table costs 25 ms a process)."""
    if text.isascii():
        return False
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        return True
    return False


def simplified(text: str) -> str:
    """``text`` in simplified characters (itself when it has no traditional one)."""
    if not has_traditional(text):
        return text
    converter = _converter()
    return text if converter is None else converter.convert(text)


def same_in_simplified(
    written: Iterable[str], known: Iterable[str], keys: Callable[[str], str] | None = None
) -> dict[str, str]:
    """The names of ``written`` that are another name in other characters, each with the name it is:
    the known one of the same simplified characters (端州區 → the stored 端州区, 端州区 → a stored 端州區),
    else the first written without traditional characters. A name in traditional characters alone
    stays as written: t2s is right for words, not always for names (乾县 is no 干县). ``keys`` folds
    more than the script (an enterprise's case and spaces: "ABC Co., Ltd." is "ABC CO.,LTD"); it is
    given the names at once, joined by NUL, and only those that are more than Chinese characters (a
    name of Chinese characters alone is its own key: 100k of them cost one pattern match each)."""
    known = list(known)
    known_set = set(known)
    written = [w for w in dict.fromkeys(written) if w not in known_set]
    if not written:
        return {}
    traditional = has_traditional("\x00".join(written)) or has_traditional("\x00".join(known))
    if keys is None and not traditional:
        return {}
    leading = sorted(written, key=has_traditional) if traditional else written  # the simplified first
    names = [*known, *leading]
    plain = _HAN_ONLY_RE.fullmatch if not traditional else None
    odd = [n for n in names if "\x00" not in n and not (plain and plain(n))]
    folded = (keys or simplified)("\x00".join(odd)).split("\x00") if odd else []
    key_of = dict(zip(odd, folded, strict=True)) if len(folded) == len(odd) else {}
    by_key: dict[str, str] = {}
    for name in names:
        by_key.setdefault(key_of.get(name, name), name)
    return {name: same for name in written if (same := by_key[key_of.get(name, name)]) != name}


_HAN_ONLY_RE = re.compile("[\u4e00-\u9fff]+")
