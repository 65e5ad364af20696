"""The monthly progress report's words for a district that did not report the month (stats/gaps.py, the
summary's and the overview's one rule) and for figures reported with later months (stats/progress_gaps.py):
当月 "未报" (never 0.00), 累计 with the months it reaches ("1–8月"), the 合计 and a footnote saying so."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from zqtracker.domain.cumulative import MonthSpan
from zqtracker.domain.inside_span_messages import INSIDE_SPAN_MESSAGES
from zqtracker.domain.money import Unit
from zqtracker.domain.months import ytd_span
from zqtracker.domain.prior_messages import PRIOR_MESSAGES
from zqtracker.domain.span_label_messages import SPAN_LABEL_MESSAGES
from zqtracker.reports.text import NO_FIGURE, money_with_unit
from zqtracker.stats import gap_words
from zqtracker.stats.figures import ProgressRow, ProgressTable
from zqtracker.stats.gaps import ENDED
from zqtracker.stats.progress_gaps import ProgressGaps

say = PRIOR_MESSAGES.say
said = INSIDE_SPAN_MESSAGES.say
labelled = SPAN_LABEL_MESSAGES.say
Money = Callable[[int], str]


def for_table(gaps: ProgressGaps, table: ProgressTable) -> ProgressGaps:
    """``gaps`` with the figures inside several months of the table's rows alone (a project with only a
    figure ending later has no row), and how many rows there are."""
    ids = {r.project_id for r in table.rows}
    inside = {p: s for p, s in gaps.inside.items() if p in ids}
    stopped = {
        r.project_id: gaps.last[r.project_id]
        for r in table.rows
        if gaps.last.get(r.project_id, gaps.month) < gaps.month  # has a record of the year, none of the month
        and r.project_id not in inside
        and r.status.value not in ENDED  # one that ended has nothing more to report (stats/gaps.py)
        and not gaps.unreported(r.district)  # the district's own month not reported says it
    }
    return replace(gaps, inside=inside, rows=len(table.rows), stopped=stopped)


def _spans(gaps: ProgressGaps) -> dict[tuple[int, int], int]:
    """(first, last) → the amount of the rows' figures covering the month together with later months."""
    out: dict[tuple[int, int], int] = {}
    for p in gaps.inside.values():
        out[(p.first, p.last)] = out.get((p.first, p.last), 0) + p.amount
    return out


def _together(gaps: ProgressGaps, lang: str, money: Money) -> str:
    """ "10–12月合计 144" for each span, joined."""
    cells = [
        said("monthly_inside_cell", lang, span=MonthSpan(gaps.year, a, b).label(lang), amount=money(amount))
        for (a, b), amount in sorted(_spans(gaps).items())
    ]
    return said("monthly_inside_list", lang).join(cells)


def inside_cell(r: ProgressRow, gaps: ProgressGaps, text: str, lang: str, money: Money) -> str:
    """当月 of a row whose month was reported together with later months: "10–12月合计 96", never 0.00;
    the 合计's: without them ("5（不含10–12月合计 144）", with months not reported too in the one bracket
    "5（不含未报及10–12月合计 144）"), or only them when every row is such. ``text``: the amount; any other
    cell as :func:`unreported_cell` has it."""
    if r.project_id == 0 and gaps.inside:
        spans = _together(gaps, lang, money)
        if len(gaps.inside) == gaps.rows:
            return spans
        if gaps.month_lacking:
            return labelled("monthly_total_unreported_inside", lang, amount=text, spans=spans)
        return said("monthly_total_inside", lang, amount=text, spans=spans)
    p = gaps.inside.get(r.project_id)
    if p is None:
        return unreported_cell(r, gaps, text, lang)
    return said(
        "monthly_inside_cell", lang, span=MonthSpan(p.year, p.first, p.last).label(lang), amount=money(p.amount)
    )


def inside_ytd(r: ProgressRow, gaps: ProgressGaps, text: str, lang: str) -> str:
    """1–X月累计 of such a row, with the months it covers ("108（1–9月）"; "—": none); the 合计's so when
    every row is such and ends alike, else saying what it lacks in one bracket ("230（不含10–12月合并填报）",
    "266（不含未报及10–12月合并填报）"); any other row as :func:`ytd_cell` has it."""
    firsts = {p.first for p in gaps.inside.values()}
    p = gaps.inside.get(r.project_id)
    if r.project_id == 0 and len(firsts) == 1 and len(gaps.inside) == gaps.rows:
        p = next(iter(gaps.inside.values()))
    if p is not None:
        return (
            said("monthly_inside_ytd", lang, amount=text, span=ytd_span(p.first - 1, lang))
            if p.first > 1
            else NO_FIGURE
        )
    if r.project_id != 0 or not firsts:
        return ytd_cell(r, gaps, text, lang)
    spans = said("monthly_inside_list", lang).join(
        MonthSpan(gaps.year, a, b).label(lang) for a, b in sorted(_spans(gaps))
    )
    if gaps.any_lacking:
        return labelled("monthly_total_unreported_inside_ytd", lang, amount=text, spans=spans)
    return said("monthly_total_inside_ytd", lang, amount=text, spans=spans)


def unreported_cell(r: ProgressRow, gaps: ProgressGaps, text: str, lang: str) -> str:
    """当月: "未报" on a row of a district that did not report the month; the 合计's "(不含未报)" when some did."""
    if r.project_id == 0:
        return say("monthly_total_unreported", lang, amount=text) if gaps.month_lacking else text
    lacks = gaps.unreported(r.district) or r.project_id in gaps.stopped
    return say("monthly_not_reported", lang) if lacks else text


def ytd_cell(r: ProgressRow, gaps: ProgressGaps, text: str, lang: str) -> str:
    """1–X月累计: of a district that stopped, labelled with the month it reaches ("1–8月"); the 合计's
    "(不含未报)" when some district did not report the month."""
    if r.project_id == 0:
        return say("monthly_total_unreported", lang, amount=text) if gaps.any_lacking else text
    reach = gaps.stopped.get(r.project_id)
    if reach is None:
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
    names = {r.project_id: r.name for r in table.rows}
    who += [
        say("monthly_unreported_who", lang, district=names[p],
            months=gap_words.months_text(tuple(range(last + 1, gaps.month + 1)), lang))
        for p, last in gaps.stopped.items()
    ]  # fmt: skip
    if who:
        notes.append(say("monthly_unreported_note", lang, who=gap_words.t("sep", lang).join(who)))
    if table.rows:
        for p in gaps.running:
            together = MonthSpan(p.year, p.first, p.last).label(lang, with_year=True)
            amount = money_with_unit(p.amount, unit, lang)
            notes.append(say("monthly_later_note", lang, amount=amount, n=p.projects, together=together))
    if gaps.inside:
        first = min(gaps.inside.values(), key=lambda p: (p.first, p.last))
        notes.append(said("monthly_inside_note", lang, span=MonthSpan(first.year, first.first, first.last).label(lang)))
        if len(gaps.inside) < gaps.rows:
            notes.append(said("monthly_inside_total_note", lang))
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
