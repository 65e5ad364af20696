"""How every layer words what is not known yet (only a project's name is required).

One wording for the CLI, the dashboard, the exported sheets and the printed views, in English
and Simplified Chinese: the line of projects without a sector or district ("unclassified"), and
the note every total of planned investment carries of the projects it lacks ("3 projects
without an amount") — a sum of the known amounts is never passed off as the whole.
"""

from __future__ import annotations

_UNCLASSIFIED: dict[str, tuple[str, str]] = {
    "sector": ("Unclassified", "未分类"),
    "chain": ("Unclassified", "未分类"),
    "district": ("No district yet", "未定区域"),
}

# The INCOMPLETE_FIELDS as a user names what a project lacks ("missing: district, amount").
_MISSING_WORDS: dict[str, tuple[str, str]] = {
    "sector": ("sector", "行业"),
    "district": ("district", "区域"),
    "planned_investment": ("amount", "金额"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang.startswith("zh") else pair[0]


def unclassified_label(dim: str, lang: str = "en") -> str:
    """The name of the line of projects whose ``dim`` (sector, chain, district) is unknown."""
    return _pick(_UNCLASSIFIED[dim], lang)


def missing_word(field: str, lang: str = "en") -> str:
    return _pick(_MISSING_WORDS[field], lang)


def missing_list(fields: tuple[str, ...] | list[str], lang: str = "en", *, joiner: str | None = None) -> str:
    """The fields by name: "district, amount" / "区域、金额"."""
    sep = joiner if joiner is not None else ("、" if lang.startswith("zh") else ", ")
    return sep.join(missing_word(f, lang) for f in fields)


def missing_tooltip(fields: tuple[str, ...], lang: str = "en") -> str:
    """What the table's incomplete mark says: "Missing: district, amount"."""
    return ("缺少：" if lang.startswith("zh") else "Missing: ") + missing_list(fields, lang)


def without_amount(count: int, lang: str = "en") -> str:
    """The count of projects lacking an amount: "3 projects without an amount" / "3个项目无金额"."""
    if lang.startswith("zh"):
        return f"{count}个项目无金额"
    return f"{count} project without an amount" if count == 1 else f"{count} projects without an amount"


def without_amount_text(count: int, lang: str = "en") -> str:
    """The note a total carries: " (3 projects without an amount)" / "（3个项目无金额）", or "" for none."""
    if not count:
        return ""
    return f"（{without_amount(count, lang)}）" if lang.startswith("zh") else f" ({without_amount(count, lang)})"
