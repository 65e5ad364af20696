"""How every layer words what is not known yet (only a project's name is required).

One wording for the CLI, the dashboard, the exported sheets and the printed views, in English
and Simplified Chinese: the line of projects without a sector or district ("unclassified"), the
note every total of planned investment carries of the projects it lacks ("3 projects without an
amount") — a sum of the known amounts is never passed off as the whole — and a project type or
investor origin nobody gave ("Not given" / 未填, never 新建 or 内资).
"""

from __future__ import annotations

from zqtracker.domain.models import InvestorOrigin, ProjectType
from zqtracker.domain.words import Catalogue

_UNCLASSIFIED: dict[str, tuple[str, str]] = {
    "sector": ("Unclassified", "未分类"),
    "chain": ("Unclassified", "未分类"),
    "district": ("No district yet", "未定区域"),
}
UNCLASSIFIED = Catalogue("unclassified", _UNCLASSIFIED)

# The INCOMPLETE_FIELDS as a user names what a project lacks ("missing: district, amount").
_MISSING_WORDS: dict[str, tuple[str, str]] = {
    "sector": ("sector", "行业"),
    "district": ("district", "区域"),
    "planned_investment": ("amount", "金额"),
}
MISSING_WORDS = Catalogue("missing_words", _MISSING_WORDS)

_WORDS: dict[str, tuple[str, str]] = {
    "list_sep": (", ", "、"),
    "missing": ("Missing: {fields}", "缺少：{fields}"),
    "without_amount_1": ("{count} project without an amount", "{count}个项目无金额"),
    "without_amount": ("{count} projects without an amount", "{count}个项目无金额"),
    "without_amount_note": (" ({text})", "（{text}）"),
    "not_given": ("Not given", "未填"),
}
WORDS = Catalogue("unknown", _WORDS)


def unclassified_label(dim: str, lang: str = "en") -> str:
    """The name of the line of projects whose ``dim`` (sector, chain, district) is unknown."""
    return UNCLASSIFIED.say(dim, lang)


def missing_word(field: str, lang: str = "en") -> str:
    return MISSING_WORDS.say(field, lang)


def missing_list(fields: tuple[str, ...] | list[str], lang: str = "en", *, joiner: str | None = None) -> str:
    """The fields by name: "district, amount" / "区域、金额"."""
    sep = joiner if joiner is not None else WORDS.say("list_sep", lang)
    return sep.join(missing_word(f, lang) for f in fields)


def missing_tooltip(fields: tuple[str, ...], lang: str = "en") -> str:
    """What the table's incomplete mark says: "Missing: district, amount"."""
    return WORDS.say("missing", lang, fields=missing_list(fields, lang))


def without_amount(count: int, lang: str = "en") -> str:
    """The count of projects lacking an amount: "3 projects without an amount" / "3个项目无金额"."""
    return WORDS.say("without_amount_1" if count == 1 else "without_amount", lang, count=count)


def without_amount_text(count: int, lang: str = "en") -> str:
    """The note a total carries: " (3 projects without an amount)" / "（3个项目无金额）", or "" for none."""
    if not count:
        return ""
    return WORDS.say("without_amount_note", lang, text=without_amount(count, lang))


def not_given(lang: str = "en") -> str:
    """What a project type or investor origin nobody gave is called: "Not given" / "未填"."""
    return WORDS.say("not_given", lang)


def choice_label(value: ProjectType | InvestorOrigin | None, lang: str = "en") -> str:
    """A project type or investor origin as shown; :func:`not_given` for None."""
    return not_given(lang) if value is None else value.label(lang)
