"""Names in the order a Chinese reader looks them up: by pinyin (德庆县, 鼎湖区, 端州区, 高要区 …),
not by character code (四会市, 封开县 … 高要区, 鼎湖区).

Qt's collator (ICU) for zh_CN orders Chinese by pinyin and Latin letters alphabetically, in
either interface language: sector, district and enterprise names are Chinese whatever the
language of the window.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache, cmp_to_key
from typing import TypeVar

from PySide6.QtCore import QCollator, QLocale

T = TypeVar("T")


@cache
def _collator() -> QCollator:
    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    collator.setNumericMode(True)  # 第2号 before 第10号
    return collator


def by_pinyin(items: Iterable[T], key: Callable[[T], str] | None = None) -> list[T]:
    """``items`` sorted by their names' pinyin (``key`` gives an item's name; default ``str``)."""
    compare = _collator().compare
    name: Callable[[T], str] = str if key is None else key

    def compare_names(a: T, b: T) -> int:
        return compare(name(a), name(b))

    return sorted(items, key=cmp_to_key(compare_names))


def name_less(a: str, b: str) -> bool:
    """``a`` before ``b`` by pinyin (for a table that sorts when its header is clicked)."""
    return _collator().compare(a, b) < 0
