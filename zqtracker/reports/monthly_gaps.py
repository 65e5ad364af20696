"""The monthly progress report's words for a district that did not report the month (stats/gaps.py, the
summary's and the overview's one rule) and for figures reported with later months (stats/progress_gaps.py):
当月 "未报" (never 0.00), 累计 with the months it reaches ("1–8月"), the 合计 and a footnote saying so."""

from __future__ import annotations

from zqtracker.domain.cumulative import MonthSpan
from zqtracker.domain.money import Unit
from zqtracker.domain.months import ytd_span
from zqtracker.domain.prior_messages import PRIOR_MESSAGES
from zqtracker.reports.text import NO_FIGURE, money_with_unit
from zqtracker.stats import gap_words
from zqtracker.stats.figures import ProgressRow, ProgressTable
from zqtracker.stats.progress_gaps import ProgressGaps

say = PRIOR_MESSAGES.say


def unreported_cell(r: ProgressRow, gaps: ProgressGaps, text: str, lang: str) -> str:
    """当月: "未报" on a row of a district that did not report the month; the 合计's "(不含未报)" when some did."""
    if r.project_id == 0:
        return say("monthly_total_unreported", lang, amount=text) if gaps.month_lacking else text
    return say("monthly_not_reported", lang) if gaps.unreported(r.district) else text


def ytd_cell(r: ProgressRow, gaps: ProgressGaps, text: str, lang: str) -> str:
    """1–X月累计: of a district that stopped, labelled with the month it reaches ("1–8月"); the 合计's
    "(不含未报)" when some district did not report the month."""
    if r.project_id == 0:
        return say("monthly_total_unreported", lang, amount=text) if gaps.lacking else text
    if not gaps.unreported(r.district):
        return text
    reach = gaps.reaches(r.district)
    return say("monthly_ytd_reach", lang, amount=text, span=ytd_span(reach, lang)) if reach else NO_FIGURE


def unreported_note(table: ProgressTable, gaps: ProgressGaps, lang: str, unit: Unit) -> str:
    """Under the table: the districts (of its rows) and their months not reported, and the figures of the
    year reported with later months (not in its 累计)."""
    notes = []
    present = {r.district for r in table.rows}
    who = [
        say("monthly_unreported_who", lang, district=d or "—", months=gap_words.months_text(months, lang))
        for d, months in sorted(gaps.lacking.items(), key=lambda kv: str(kv[0]))
        if d in present
    ]
    if who:
        notes.append(say("monthly_unreported_note", lang, who=gap_words.t("sep", lang).join(who)))
    if table.rows:
        for p in gaps.running:
            together = MonthSpan(p.year, p.first, p.last).label(lang, with_year=True)
            amount = money_with_unit(p.amount, unit, lang)
            notes.append(say("monthly_later_note", lang, amount=amount, n=p.projects, together=together))
    return " ".join(notes)


def empty_text(gaps: ProgressGaps, lang: str, unit: Unit) -> str:
    """An empty table whose year was reported only with later months (2024 as one 1–12月): says so, with
    the amount, never that there is no investment ("" when nothing runs past the month)."""
    if not gaps.running:
        return ""
    span = ytd_span(gaps.month, lang, gaps.year)
    parts = [
        say("monthly_empty_later", lang, span=span, n=p.projects, amount=money_with_unit(p.amount, unit, lang),
            together=MonthSpan(p.year, p.first, p.last).label(lang, with_year=True))
        for p in gaps.running
    ]  # fmt: skip
    return " ".join(parts)
