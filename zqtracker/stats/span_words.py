"""What every view says about figures reported for several months together (1–6月合并填报) and
about the like-with-like points that leave such projects out — one wording for the dashboard,
``zqtracker chart``, the exported workbook and the printed overview. Each caller formats money its
own way and hands in ``money`` (yuan → text)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from zqtracker.domain.cumulative import MonthSpan
from zqtracker.domain.words import Catalogue
from zqtracker.stats.month_figures import LeftOut, Point, SpanPart

Money = Callable[[int], str]

_TEXTS: dict[str, tuple[str, str]] = {
    "mark": ("{span} together", "{span}合并填报"),
    "legend": ("{year} reported as months together", "{year}年多月合并填报"),
    "together": (
        "{span}: {amount} of {n} project(s) reported as months together, shown apart at its last month, not spread",
        "{span}：{n}个项目合并填报{amount}，单列在最后一个月，不分摊到各月",
    ),
    "inside": (
        "{n} project(s) reported this month inside {span} together ({amount}): not in the month's own amount",
        "{n}个项目本月数含在{span}合并填报数（{amount}）中，未计入当月数",
    ),
    "partial": (
        "Like with like: leaves out {n} project(s) reported as months together ({who}) — "
        "{year}: {this}, {prior_year}: {prior}",
        "同口径：不含{n}个合并填报项目（{who}），其{year}年{this}、{prior_year}年{prior}",
    ),
    "partial.short": (
        "leaves out {n} project(s) reported as months together",
        "不含{n}个合并填报项目",
    ),
    "later": (
        "Not in this year to date: {amount} reported together with later months (counted from its last month).",
        "本期累计未含与以后月份合并填报的{amount}（计入其最后一个月）。",
    ),
    "later.short": ("excl. {amount} reported with later months", "未含与以后月份合并填报的{amount}"),
    "trend_note": (
        "Light bars: figures reported for several months together, apart at their last month. "
        "Hollow points: a figure reported together with later months is not in that year to date yet.",
        "浅色柱：多月合并填报数，单列在最后一个月；空心点：有与以后月份合并填报的数，尚未计入该月累计。",
    ),
    "footnote.growth": (
        "Hollow points: like with like, leaving out projects reported as months together (see tooltips).",
        "空心点：同口径，不含合并填报项目（见提示）。",
    ),
    "not_comparable": (
        "Not like with like: {who} reported months together, so growth has no figure",
        "非同口径：{who}为多月合并填报，不计算同比",
    ),
    "like_growth.tile": ("{pct} like with like", "同口径{pct}"),
    "like_growth.short": (
        "{pct} like with like (less {n} project(s))",
        "同口径{pct}（不含{n}个合并填报项目）",
    ),
    "like_growth": (
        "Like with like {pct}, leaving out {n} project(s) reported as months together ({who}).",
        "同口径{pct}（不含{n}个合并填报项目：{who}）。",
    ),
    "projects": ("{n} project(s)", "{n}个项目"),
    "list": ("{first}, {rest}", "{first}、{rest}"),
}
TEXTS = Catalogue("span_words", _TEXTS)
t = TEXTS.say


def span_label(part: SpanPart, lang: str) -> str:
    return MonthSpan(part.year, part.first, part.last).label(lang, with_year=True)


def mark(parts: Iterable[SpanPart], lang: str) -> str | None:
    """Over a bar: "1–6月合并填报" (several spans ending there: each)."""
    labels = [t("mark", lang, span=MonthSpan(p.year, p.first, p.last).label(lang)) for p in parts]
    return _joined(labels, lang) if labels else None


def together(parts: Iterable[SpanPart], lang: str, money: Money) -> list[str]:
    """A line for each span ending at a month."""
    return [t("together", lang, span=span_label(p, lang), amount=money(p.amount), n=p.projects) for p in parts]


def inside(parts: Iterable[SpanPart], month: int, lang: str, money: Money) -> list[str]:
    """A line for each span covering ``month`` but ending later."""
    return [
        t("inside", lang, span=span_label(p, lang), amount=money(p.amount), n=p.projects)
        for p in parts
        if p.first <= month < p.last
    ]


def who(left: LeftOut, lang: str) -> str:
    """The districts of the projects left out, or how many projects there are."""
    if left.districts:
        return _joined(list(left.districts), lang)
    return t("projects", lang, n=left.projects)


def partial(left: LeftOut, year: int, lang: str, money: Money) -> str:
    return t(
        "partial",
        lang,
        n=left.projects,
        who=who(left, lang),
        year=year,
        this=money(left.this_year),
        prior_year=year - 1,
        prior=money(left.prior_year),
    )


def partial_short(left: LeftOut, lang: str) -> str:
    return t("partial.short", lang, n=left.projects)


def later(amount: int, lang: str, money: Money) -> str | None:
    """F7: a year to date through a month inside a span says what it leaves out (None: nothing)."""
    return t("later", lang, amount=money(amount)) if amount else None


def like_growth(point: Point, lang: str, *, short: bool = False, tile: bool = False) -> str:
    """The growth of a period whose own has no figure (a span straddles it), like with like;
    ``short``: without naming who is left out (a key figure's line); ``tile``: the growth alone."""
    pct = "—" if point.yoy_pct is None else f"{point.yoy_pct:+.1f}%"
    n = point.left_out.projects
    if tile:
        return t("like_growth.tile", lang, pct=pct)
    if short:
        return t("like_growth.short", lang, pct=pct, n=n)
    return t("like_growth", lang, pct=pct, n=n, who=who(point.left_out, lang))


def later_short(amount: int, lang: str, money: Money) -> str:
    return t("later.short", lang, amount=money(amount)) if amount else ""


def trend_note(lang: str) -> str:
    return t("trend_note", lang)


def footnote(lang: str, *, bars: bool = True) -> str:
    """Under a chart with spans: the light bars (``bars``) and hollow points."""
    return t("trend_note" if bars else "footnote.growth", lang)  # bars: the lines are the key figures


def legend(year: int, lang: str) -> str:
    return t("legend", lang, year=year)


def not_comparable(left: LeftOut, lang: str) -> str:
    return t("not_comparable", lang, who=who(left, lang))


def _joined(items: list[str], lang: str) -> str:
    out = items[0]
    for item in items[1:]:
        out = t("list", lang, first=out, rest=item)
    return out
