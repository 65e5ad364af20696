"""The words on the charts, in English and Simplified Chinese.

Charts are drawn for the CLI and reports as well as the desktop, where no Qt translator is
loaded, so their texts live here (like domain/messages.py) rather than in a .ts file.
"""

from __future__ import annotations

from zqtracker.domain.money import Unit
from zqtracker.domain.money_format import MoneyFormat
from zqtracker.domain.months import calendar_text, ytd_span
from zqtracker.domain.words import Catalogue
from zqtracker.services.dashboard import DashboardFigures

_TEXTS: dict[str, tuple[str, str]] = {
    # titles
    "monthly.title": ("Completed investment by month, {year} vs {prior}", "{year}年与{prior}年月度完成投资"),
    "yoy.title": ("Year-on-year growth by month, {year}", "{year}年各月完成投资同比增速"),
    "sectors.title": ("Completed investment by sector, {period}", "{period}分行业完成投资"),
    "districts.title": ("Completed investment by district, {period}", "{period}分区域完成投资"),
    "pipeline.title": ("Project pipeline by status", "项目状态分布"),
    "signed.title": ("Projects signed by month, {year}", "{year}年各月签约项目"),
    # series and axes
    "monthly.current": ("{year}", "{year}年当月"),
    "monthly.prior": ("{year}", "{year}年当月"),
    "ytd.current": ("{year} YTD", "{year}年累计"),
    "ytd.prior": ("{year} YTD", "{year}年累计"),
    "axis.monthly": ("Month, {unit}", "当月（{unit}）"),
    "axis.ytd": ("Year to date, {unit}", "累计（{unit}）"),
    "yoy.monthly": ("Monthly YoY", "当月同比"),
    "yoy.ytd": ("Year-to-date YoY", "累计同比"),
    "axis.pct": ("Growth, %", "增速（%）"),
    # (the title and the legend name the period: on the axis it ran past a 1366 screen's panel)
    "bars.ytd": ("Completed YTD, {unit}", "累计完成（{unit}）"),
    "bars.yoy": ("Year on year, %", "同比（%）"),
    "legend.ytd": ("Completed {period}", "{period}累计完成"),
    "legend.up": ("growth", "增长"),
    "legend.down": ("decline", "下降"),
    "pipeline.projects": ("Projects", "项目数（个）"),
    "pipeline.planned": ("Planned investment, {unit}", "计划总投资（{unit}）"),
    "legend.pipeline": ("Pipeline", "推进中"),
    "legend.side": ("On hold / cancelled", "停缓建 / 终止"),
    "signed.count": ("Projects signed", "签约项目数（个）"),
    "signed.planned": ("Planned investment", "计划总投资"),
    "axis.count": ("Projects", "项目数（个）"),
    "axis.planned": ("Planned investment, {unit}", "计划总投资（{unit}）"),
    "others": ("Others ({n})", "其他（{n}个）"),
    "demo": ("DEMO DATA", "演示数据"),
    # "|" marks where a Chinese message may wrap (keep_phrases): never inside a word
    "empty.records": ("No completed investment recorded in {years}", "{years}年|无完成投资记录"),
    "empty.growth": ("No figure: nothing recorded in the same months of {year}", "无同比：|{year}年同期|无记录"),
    "empty.period": ("No completed investment recorded in {period}", "{period}|无完成投资记录"),
    "empty.signed": ("No project signed in {period}", "{period}|无签约项目"),
    "filtered": ("Filtered: {what}", "筛选：{what}"),
    # tooltips
    # (the month itself heads the tooltip: said once)
    "tip.month": (
        "Completed: {amount} ({prior_month}: {prior}; year on year {pct})",
        "当月完成投资：{amount}（上年同月 {prior}，同比 {pct}）",
    ),
    "tip.month.alone": ("Completed: {amount}", "当月完成投资：{amount}"),
    "tip.month.unreported": (
        "Nothing recorded for this month (later months have records)",
        "本月无记录（其后月份有记录）",
    ),
    "tip.month.prior_only": ("Completed in {month}: {amount}", "{month}完成投资：{amount}"),
    "tip.ytd": (
        "{period}: {amount} (same period {prior_year}: {prior}; year on year {pct})",
        "{period}累计：{amount}（上年同期 {prior}，同比 {pct}）",
    ),
    "tip.ytd.prior_only": ("{period}: {amount}", "{period}累计：{amount}"),
    "tip.yoy.month": ("Month on same month last year: {pct}", "当月同比：{pct}"),
    "tip.yoy.ytd": ("Year to date on same period: {pct}", "累计同比：{pct}"),
    "tip.completed": ("Completed {period}: {amount}", "{period}累计完成：{amount}"),
    "tip.prior": ("Same period {year}: {amount}", "上年同期：{amount}"),
    "tip.growth": ("Year on year: {pct}", "同比：{pct}"),
    "tip.share": ("Share of the total: {pct}", "占全部：{pct}"),
    "tip.projects": ("Projects: {n}", "项目数：{n}个"),
    "tip.planned": ("Planned investment: {amount}", "计划总投资：{amount}"),
    "tip.unclassified": ("Projects whose {what} is not known yet", "尚未确定{what}的项目"),
    "what.sectors": ("sector", "行业"),
    "what.districts": ("district", "区域"),
    "tip.signed": ("Projects signed: {n}", "签约项目：{n}个"),
    "tip.click": ("Click to list these projects", "点击查看这些项目"),
    "tip.others": ("Together: {names}", "包括：{names}"),
    "no_figure": ("no figure (nothing in the same period last year)", "无（上年同期为零）"),
}
TEXTS = Catalogue("charts", _TEXTS)


t = TEXTS.say


def month_label(month: int, lang: str = "en") -> str:
    """Axis label of a month: "Mar" / "3月"."""
    return calendar_text("month", lang, month=month)


def month_of_year(year: int, month: int, lang: str = "en") -> str:
    """ "Mar 2023" / "2023年3月"."""
    return calendar_text("month_abbr_year", lang, month=month, year=year)


def period_label(year: int, through: int, lang: str = "en") -> str:
    """ "Jan–Sep 2023" / "2023年1–9月" (a single month: "Jan 2023" / "2023年1月")."""
    return ytd_span(through, lang, year)


def pct_text(value: float | None, lang: str = "en") -> str:
    """ "+12.0%", "-3.5%", or "—" where there is no figure (the prior amount is zero)."""
    if value is None:
        return "—"
    return f"{value:+.1f}%"


_WORD_JOINER, _BREAK = "\u2060", "\u200b"


def keep_phrases(text: str) -> str:
    """A message that wraps only where a reader would: Chinese has no spaces and Qt may break
    between any two characters ("无完成投资记/录"), so the characters of each phrase are joined
    (U+2060) and a line may break only at the "|" the wording marks (U+200B). English text,
    which breaks at its spaces, passes through with its marks removed."""
    if not any("\u3400" <= ch <= "\u9fff" for ch in text):
        return text.replace("|", "")
    return _BREAK.join(_WORD_JOINER.join(phrase) for phrase in text.split("|"))


def plain(text: str) -> str:
    """The text of a message without its wrap marks (what a reader sees)."""
    return text.replace("|", "").replace(_WORD_JOINER, "").replace(_BREAK, "")


def unit_text(unit: Unit, lang: str = "en") -> str:
    """The unit as axes name it: "亿元", "¥ bn"."""
    return MoneyFormat(unit, lang).label


def money_text(yuan: int, unit: Unit, lang: str = "en", *, with_unit: bool = True) -> str:
    """An amount rounded for a chart or a tile (domain.money_format: 亿元 and ¥ bn to two
    decimals, 万元 whole, ¥ mn to two). Tooltips show every digit (:func:`exact_money`)."""
    f = MoneyFormat(unit, lang)
    return f.text(yuan) if with_unit else f.number(yuan)


def exact_money(yuan: int, unit: Unit, lang: str = "en") -> str:
    """An amount with every digit it has: 2,057,740,000 yuan → "20.5774亿元" / "¥2.05774 bn".

    Tooltips promise exact values; a figure rounded to two decimals of 亿元 hides up to a million
    yuan, so no digit is dropped here (but at least the usual decimals are shown).
    """
    return MoneyFormat(unit, lang, exact=True).text(yuan)


def count_text(n: int) -> str:
    return f"{n:,}"


def as_float(yuan: int, unit: Unit, lang: str = "en") -> float:
    """A plotting coordinate in the unit shown to a reader of ``lang`` (display only: the exact
    integer stays in the data)."""
    return float(MoneyFormat(unit, lang).value(yuan))


def chart_note(figures: DashboardFigures, lang: str) -> str:
    """Under a chart's title: demo data, and the filter it follows."""
    parts = []
    if figures.is_demo:
        parts.append(t("demo", lang))
    if figures.project_filter is not None:
        what = "; ".join(figures.project_filter.describe(lang))
        parts.append(t("filtered", lang, what=what))
    return " · ".join(parts)


def pct_or_none(value: float | None, lang: str) -> str:
    return t("no_figure", lang) if value is None else pct_text(value)
