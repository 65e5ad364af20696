"""What the key figures say about months not reported (stats/gaps.py) — one wording for
``zqtracker summary``, the dashboard's tiles and the printed overview. Each caller formats money its
own way and hands in ``money`` (yuan → text)."""

from __future__ import annotations

from collections.abc import Callable

from zqtracker.domain.months import MONTH_NAMES_EN
from zqtracker.domain.words import Catalogue
from zqtracker.stats.gaps import Gaps
from zqtracker.stats.span_words import TEXTS as SPAN_TEXTS

Money = Callable[[int], str]

_TEXTS: dict[str, tuple[str, str]] = {
    "month": ("{month_name}", "{month}月"),
    "list": (", ", "、"),
    "sep": ("; ", "；"),
    "not_reported": ("{months} not reported", "{months}未报"),
    "not_reported.who": ("{months} not reported ({who})", "{months}未报（{who}）"),
    "prior": ("same period {year}: {months} not reported", "上年同期{year}年{months}未报"),
    "like": (
        "Year on year like with like {pct}: the months not reported left out of both years ({this} against {prior}).",
        "同比按同口径计算为{pct}：未报月份两年均不计（{this}，上年同期{prior}）。",
    ),
    "like.none": (
        "No growth like with like: a figure reported for several months together holds a month not reported.",
        "无法按同口径计算同比：未报月份含在多月合并填报数中。",
    ),
    "table_note": (
        "{lines}: their year on year is like with like, those months left out of both years.",
        "{lines}：其同比按同口径计算，未报月份两年均不计。",
    ),
    "table_line": ("{name} {months}", "{name}{months}"),
    "line": ("{note}. {like}", "{note}。{like}"),
    "footnote": (
        "Hatched: a month a district did not report (see tooltip); growth like with like, left out of both years.",
        "斜线柱：有区域未报该月（见提示）；同比按同口径，该月两年均不计。",
    ),
    "footnote.lines": (
        "Hatched, *: growth like with like, a month not reported left out of both years (see tooltip).",
        "斜线、*：同口径同比，未报月份两年均不计（见提示）。",
    ),
}
TEXTS = Catalogue("gap_words", _TEXTS)
t = TEXTS.say


def months_text(months: tuple[int, ...], lang: str) -> str:
    """ "March, April" / "3月、4月"."""
    return t("list", lang).join(t("month", lang, month=m, month_name=MONTH_NAMES_EN[m - 1]) for m in months)


def note(g: Gaps, lang: str, *, named: bool = True) -> str:
    """ "March not reported (Gaoyao)" and last year's; empty when nothing lacks. ``named``: name the
    districts lacking a month that others have."""
    parts = []
    if g.this:
        months = months_text(g.this, lang)
        who = t("list", lang).join(g.districts) if named else ""
        parts.append(
            t("not_reported.who", lang, months=months, who=who) if who else t("not_reported", lang, months=months)
        )
    if g.prior:
        parts.append(t("prior", lang, year=g.year - 1, months=months_text(g.prior, lang)))
    return t("sep", lang).join(parts)


def pct_text(pct: float | None) -> str:
    return "—" if pct is None else f"{pct:+.1f}%"


def like_tile(pct: float | None, lang: str) -> str:
    """ "+20.0% like with like" / "同口径+20.0%": the span's words for a growth like with like."""
    return SPAN_TEXTS.say("like_growth.tile", lang, pct=pct_text(pct))


def like(g: Gaps, pct: float | None, lang: str, money: Money) -> str:
    """The growth like with like, in a sentence with both years' sums."""
    if g.like is None:
        return t("like.none", lang)
    return t("like", lang, pct=pct_text(pct), this=money(g.like[0]), prior=money(g.like[1]))


def line(g: Gaps, pct: float | None, lang: str, money: Money) -> str:
    """ "March not reported. Year on year like with like +20.0%: …" — under the year to date."""
    said = note(g, lang)
    return t("line", lang, note=said[:1].upper() + said[1:], like=like(g, pct, lang, money))


def table_note(lines: list[tuple[str, Gaps]], lang: str) -> str:
    """Under a table by sector or district: which lines lack which months."""
    if not lines:
        return ""
    said = [t("table_line", lang, name=name, months=note(g, lang, named=False)) for name, g in lines]
    return t("table_note", lang, lines=t("sep", lang).join(said))


def footnote(lang: str, *, lines: bool = False) -> str:
    """Under a chart with a month not reported: the hatched bars (``lines``: the growth of a line)."""
    return t("footnote.lines" if lines else "footnote", lang)
