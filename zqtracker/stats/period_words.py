"""What every view says when the period asked for runs past the records (probe25d W4: months not
reported yet are not zeros against last year's) or holds none of them at all (W5: no figure, never
−100%) — one wording for ``zqtracker summary``, the printed overview and the exported workbook."""

from __future__ import annotations

from zqtracker.domain.months import calendar_text, ytd_span
from zqtracker.domain.words import Catalogue
from zqtracker.stats.figures import CompletedInvestment

_TEXTS: dict[str, tuple[str, str]] = {
    "cut_back": (
        "Records run only through {through}: the period ends there, not in {asked} (months not reported yet are "
        "not counted as zero against last year's).",
        "数据仅填报至{through}：统计期截至该月，而非{asked}（尚未填报的月份不按零与上年同期比较）。",
    ),
    "no_records": (
        "No completed investment is recorded for {span} yet: no figure, and no growth.",
        "{span}尚无完成投资填报数据：不计算累计数和同比。",
    ),
    "cancelled": (
        "Of these, {n} cancelled project(s) ({planned} planned) are counted in the totals, their investment too.",
        "以上合计含已终止项目{n}个（计划总投资{planned}）及其完成投资。",
    ),
}
TEXTS = Catalogue("period_words", _TEXTS)


def period_note(c: CompletedInvestment, lang: str) -> str | None:
    """The sentence a period needs (None: none): cut back to the latest recorded month, or with
    nothing recorded at all."""
    if not c.reported:
        return TEXTS.say("no_records", lang, span=ytd_span(c.through_month, lang, c.year))
    if c.asked_through is not None:
        through = calendar_text("month_year", lang, month=c.through_month, year=c.year)
        asked = calendar_text("month_year", lang, month=c.asked_through, year=c.year)
        return TEXTS.say("cut_back", lang, through=through, asked=asked)
    return None


def cancelled_note(n: int, planned: str, lang: str) -> str:
    """The headline totals count cancelled projects (the design counts every project): said so."""
    return TEXTS.say("cancelled", lang, n=n, planned=planned)
